//! The data model: one listed party, the list it is on, and the provenance of
//! every list in a dataset.
//!
//! Every field a screener reads on the official page is kept. Text fields are
//! empty strings when the source has no value (never `"-0-"` or `"null"`), so
//! a consumer needs exactly one emptiness test.

use serde::{Deserialize, Serialize};

/// The thirteen lists of the US Consolidated Screening List.
///
/// The codes are the ones trade.gov uses in the CSL `source` column's
/// parentheses, so a user who knows the official file recognises them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ListId {
    /// Entity List, Commerce / BIS.
    #[serde(rename = "EL")]
    El,
    /// Specially Designated Nationals, Treasury / OFAC.
    #[serde(rename = "SDN")]
    Sdn,
    /// Denied Persons List, Commerce / BIS.
    #[serde(rename = "DPL")]
    Dpl,
    /// Unverified List, Commerce / BIS.
    #[serde(rename = "UVL")]
    Uvl,
    /// Military End User List, Commerce / BIS.
    #[serde(rename = "MEU")]
    Meu,
    /// ITAR Debarred, State / DDTC.
    #[serde(rename = "DTC")]
    Dtc,
    /// Nonproliferation Sanctions, State / ISN.
    #[serde(rename = "ISN")]
    Isn,
    /// Sectoral Sanctions Identifications, Treasury / OFAC (non-SDN).
    #[serde(rename = "SSI")]
    Ssi,
    /// Palestinian Legislative Council, Treasury / OFAC (non-SDN).
    #[serde(rename = "PLC")]
    Plc,
    /// Non-SDN Chinese Military-Industrial Complex Companies, Treasury / OFAC.
    #[serde(rename = "CMIC")]
    Cmic,
    /// Correspondent Account or Payable-Through Account Sanctions (CAPTA), Treasury / OFAC.
    #[serde(rename = "CAP")]
    Cap,
    /// Non-SDN Menu-Based Sanctions, Treasury / OFAC.
    #[serde(rename = "MBS")]
    Mbs,
    /// Foreign Sanctions Evaders, Treasury / OFAC.
    #[serde(rename = "FSE")]
    Fse,
}

impl ListId {
    /// Every list, in the order the UI and `info` show them.
    pub const ALL: [ListId; 13] = [
        ListId::El,
        ListId::Sdn,
        ListId::Dpl,
        ListId::Uvl,
        ListId::Meu,
        ListId::Dtc,
        ListId::Isn,
        ListId::Ssi,
        ListId::Plc,
        ListId::Cmic,
        ListId::Cap,
        ListId::Mbs,
        ListId::Fse,
    ];

    /// The short code, as in the CSL (`"EL"`, `"SDN"`, ...).
    pub fn code(self) -> &'static str {
        match self {
            ListId::El => "EL",
            ListId::Sdn => "SDN",
            ListId::Dpl => "DPL",
            ListId::Uvl => "UVL",
            ListId::Meu => "MEU",
            ListId::Dtc => "DTC",
            ListId::Isn => "ISN",
            ListId::Ssi => "SSI",
            ListId::Plc => "PLC",
            ListId::Cmic => "CMIC",
            ListId::Cap => "CAP",
            ListId::Mbs => "MBS",
            ListId::Fse => "FSE",
        }
    }

    /// The human name of the list.
    pub fn name(self) -> &'static str {
        match self {
            ListId::El => "Entity List",
            ListId::Sdn => "Specially Designated Nationals",
            ListId::Dpl => "Denied Persons List",
            ListId::Uvl => "Unverified List",
            ListId::Meu => "Military End User List",
            ListId::Dtc => "ITAR Debarred",
            ListId::Isn => "Nonproliferation Sanctions",
            ListId::Ssi => "Sectoral Sanctions Identifications",
            ListId::Plc => "Palestinian Legislative Council",
            ListId::Cmic => "Non-SDN Chinese Military-Industrial Complex Companies",
            ListId::Cap => "Correspondent Account or Payable-Through Account Sanctions",
            ListId::Mbs => "Non-SDN Menu-Based Sanctions",
            ListId::Fse => "Foreign Sanctions Evaders",
        }
    }

    /// The agency that keeps the list.
    pub fn agency(self) -> &'static str {
        match self {
            ListId::El | ListId::Dpl | ListId::Uvl | ListId::Meu => "Commerce / BIS",
            ListId::Dtc | ListId::Isn => "State",
            _ => "Treasury / OFAC",
        }
    }

    /// Parses a code (case-insensitive), e.g. from `--list EL,SDN`.
    pub fn from_code(code: &str) -> Option<ListId> {
        ListId::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// A stable small integer for the binary format (the index in [`ListId::ALL`]).
    pub fn to_u8(self) -> u8 {
        ListId::ALL.iter().position(|&l| l == self).unwrap_or(0) as u8
    }

    /// Inverse of [`ListId::to_u8`].
    pub fn from_u8(n: u8) -> Option<ListId> {
        ListId::ALL.get(n as usize).copied()
    }
}

/// What kind of party a record describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartyType {
    Entity,
    Individual,
    Vessel,
    Aircraft,
}

impl PartyType {
    pub const ALL: [PartyType; 4] = [
        PartyType::Entity,
        PartyType::Individual,
        PartyType::Vessel,
        PartyType::Aircraft,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PartyType::Entity => "entity",
            PartyType::Individual => "individual",
            PartyType::Vessel => "vessel",
            PartyType::Aircraft => "aircraft",
        }
    }

    /// Parses `entity`, `individual`, `vessel`, `aircraft` (case-insensitive).
    pub fn parse(s: &str) -> Option<PartyType> {
        PartyType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// One address of a party.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// The address as one line, as the source gives it (without the country
    /// when the country is a separate field in the source).
    pub text: String,
    /// ISO 3166-1 alpha-2 code, upper case, when known; else empty.
    pub country: String,
}

/// An identity document or registration number.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdDocument {
    /// e.g. "Passport", "Tax ID No.".
    pub kind: String,
    pub number: String,
    /// Issuing country as the source writes it.
    pub country: String,
}

/// Vessel particulars (OFAC).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vessel {
    pub call_sign: String,
    pub vessel_type: String,
    pub gross_tonnage: String,
    pub gross_registered_tonnage: String,
    pub flag: String,
    pub owner: String,
}

/// One listed party: one row of an official list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// The source row's own id: CSL `_id`, OFAC `ent_num`. Where a source has
    /// none, a stable id derived from the list and the name (see
    /// `read::derived_id`). Not unique across lists, and the CSL repeats some.
    pub id: String,
    pub list: ListId,
    #[serde(rename = "type")]
    pub party_type: PartyType,
    /// Primary name as listed (individuals as "LAST, First").
    pub name: String,
    /// Other names, in source order, without the Entity List's "and " prefix.
    pub aliases: Vec<String>,
    pub addresses: Vec<Address>,
    pub programs: Vec<String>,
    pub federal_register_notice: String,
    /// ISO date `YYYY-MM-DD` when known, else the source's text.
    pub start_date: String,
    pub end_date: String,
    pub standard_order: String,
    pub license_requirement: String,
    pub license_policy: String,
    pub title: String,
    pub remarks: String,
    pub ids: Vec<IdDocument>,
    pub dates_of_birth: Vec<String>,
    pub places_of_birth: Vec<String>,
    pub nationalities: Vec<String>,
    pub citizenships: Vec<String>,
    pub vessel: Option<Vessel>,
    pub source_list_url: String,
    pub source_information_url: String,
}

impl Party {
    /// An empty record of the given list, type, id and name; readers fill the rest.
    pub fn new(list: ListId, party_type: PartyType, id: String, name: String) -> Party {
        Party {
            id,
            list,
            party_type,
            name,
            aliases: Vec::new(),
            addresses: Vec::new(),
            programs: Vec::new(),
            federal_register_notice: String::new(),
            start_date: String::new(),
            end_date: String::new(),
            standard_order: String::new(),
            license_requirement: String::new(),
            license_policy: String::new(),
            title: String::new(),
            remarks: String::new(),
            ids: Vec::new(),
            dates_of_birth: Vec::new(),
            places_of_birth: Vec::new(),
            nationalities: Vec::new(),
            citizenships: Vec::new(),
            vessel: None,
            source_list_url: String::new(),
            source_information_url: String::new(),
        }
    }

    /// The primary name followed by every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Distinct ISO country codes of the party's addresses.
    pub fn countries(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for a in &self.addresses {
            if !a.country.is_empty() && !out.contains(&a.country.as_str()) {
                out.push(&a.country);
            }
        }
        out
    }
}

/// One source file a list was built from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    /// File name (no directory), e.g. `sdn_2024-05-03.csv`.
    pub name: String,
    /// Lower-case hex sha256 of the file's bytes.
    pub sha256: String,
    /// The date the file's content is current as of (`YYYY-MM-DD` or `YYYY-MM`).
    pub as_of: String,
}

/// Provenance of one list in a dataset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListInfo {
    pub list: ListId,
    /// The oldest "as of" of the sources that fed this list: the list is at
    /// least this current.
    pub as_of: String,
    /// Number of parties of this list in the dataset.
    pub count: u32,
    pub sources: Vec<SourceFile>,
}
