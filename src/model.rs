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
    /// UFLPA Entity List, Homeland Security / FLETF (not in the CSL).
    #[serde(rename = "UFLPA")]
    Uflpa,
    /// Section 1260H list of Chinese military companies, Defense (not in the CSL).
    #[serde(rename = "1260H")]
    Sec1260h,
    /// Section 1286 list of foreign research institutions, Defense (not in the CSL).
    #[serde(rename = "1286")]
    Sec1286,
    /// FCC Covered List (Secure Networks Act), FCC (not in the CSL).
    #[serde(rename = "FCC")]
    Fcc,
    /// Withhold Release Orders and Findings, Homeland Security / CBP (not in the CSL).
    #[serde(rename = "CBP")]
    Cbp,
    /// Annex to E.O. 14032, Treasury / OFAC (not in the CSL).
    #[serde(rename = "EO14032")]
    Eo14032,
}

impl ListId {
    /// The lists of the US Consolidated Screening List (a trade.gov
    /// `consolidated.csv` covers exactly these).
    pub const CSL: [ListId; 13] = [
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

    /// The lists outside the CSL (no `consolidated.csv` carries them).
    pub const OUTSIDE_CSL: [ListId; 6] = [
        ListId::Uflpa,
        ListId::Sec1260h,
        ListId::Sec1286,
        ListId::Fcc,
        ListId::Cbp,
        ListId::Eo14032,
    ];

    /// Every list, in the order the UI and `info` show them: the 13 CSL
    /// lists, then the six others. The index in this array is the list's
    /// byte in the dataset format, so new lists are only ever appended: a
    /// list joining the CSL later cannot just be added to [`ListId::CSL`]
    /// (it would move the lists after it). The test `list_bytes_never_change`
    /// pins the order.
    pub const ALL: [ListId; 19] = {
        let mut all = [ListId::El; 19];
        let mut i = 0;
        while i < ListId::CSL.len() {
            all[i] = ListId::CSL[i];
            i += 1;
        }
        let mut j = 0;
        while j < ListId::OUTSIDE_CSL.len() {
            all[i + j] = ListId::OUTSIDE_CSL[j];
            j += 1;
        }
        all
    };

    /// Every list, most severe first: the order of a result's list badges
    /// and the list a merged result names as its `source`.
    ///
    /// The order follows what the listing itself makes unlawful, from most
    /// to least:
    ///
    /// 1. SDN: blocking. All property is frozen and US persons may not deal
    ///    with the party at all.
    /// 2. FSE, DPL, DTC: a near-total bar of one kind: no transactions
    ///    (FSE), no exports at all (DPL), no part in defence trade (DTC).
    /// 3. EL, MEU: a licence is needed for exports, mostly with a
    ///    presumption of denial.
    /// 4. UFLPA, CBP: the party's goods are barred from US import (UFLPA by
    ///    statutory presumption, CBP by order or finding).
    /// 5. FCC: the equipment may not be authorised or bought with federal
    ///    funds.
    /// 6. ISN, CAP, SSI, MBS: sanctions limited to named activities
    ///    (nonproliferation measures, correspondent accounts, new debt and
    ///    equity, a menu of measures).
    /// 7. CMIC, EO14032: no purchase of the party's public securities.
    /// 8. PLC: a narrow Treasury programme.
    /// 9. 1260H, 1286: Defense procurement and research-funding limits;
    ///    no trade prohibition by themselves.
    /// 10. UVL: a due-diligence flag (a UVL statement is needed); nothing
    ///     is prohibited.
    pub const BY_SEVERITY: [ListId; 19] = [
        ListId::Sdn,
        ListId::Fse,
        ListId::Dpl,
        ListId::Dtc,
        ListId::El,
        ListId::Meu,
        ListId::Uflpa,
        ListId::Cbp,
        ListId::Fcc,
        ListId::Isn,
        ListId::Cap,
        ListId::Ssi,
        ListId::Mbs,
        ListId::Cmic,
        ListId::Eo14032,
        ListId::Plc,
        ListId::Sec1260h,
        ListId::Sec1286,
        ListId::Uvl,
    ];

    /// The list's place in [`ListId::BY_SEVERITY`] (0 = most severe).
    pub fn severity(self) -> usize {
        ListId::BY_SEVERITY
            .iter()
            .position(|&l| l == self)
            .unwrap_or(ListId::BY_SEVERITY.len())
    }

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
            ListId::Uflpa => "UFLPA",
            ListId::Sec1260h => "1260H",
            ListId::Sec1286 => "1286",
            ListId::Fcc => "FCC",
            ListId::Cbp => "CBP",
            ListId::Eo14032 => "EO14032",
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
            ListId::Uflpa => "Uyghur Forced Labor Prevention Act Entity List",
            ListId::Sec1260h => "Section 1260H List of Chinese Military Companies",
            ListId::Sec1286 => "Section 1286 List of Foreign Institutions",
            ListId::Fcc => "FCC Covered List",
            ListId::Cbp => "Withhold Release Orders and Findings",
            ListId::Eo14032 => "Annex to Executive Order 14032",
        }
    }

    /// The official name of the list, as its keeper publishes it.
    pub fn official_name(self) -> &'static str {
        match self {
            ListId::El => "Entity List (Supplement No. 4 to Part 744 of the Export Administration Regulations)",
            ListId::Sdn => "Specially Designated Nationals and Blocked Persons List",
            ListId::Dpl => "Denied Persons List",
            ListId::Uvl => "Unverified List (Supplement No. 6 to Part 744 of the Export Administration Regulations)",
            ListId::Meu => "Military End-User List (Supplement No. 7 to Part 744 of the Export Administration Regulations)",
            ListId::Dtc => "AECA/ITAR Debarred Parties",
            ListId::Isn => "Nonproliferation Sanctions",
            ListId::Ssi => "Sectoral Sanctions Identifications List",
            ListId::Plc => "Non-SDN Palestinian Legislative Council List",
            ListId::Cmic => "Non-SDN Chinese Military-Industrial Complex Companies List",
            ListId::Cap => "List of Foreign Financial Institutions Subject to Correspondent Account or Payable-Through Account Sanctions (CAPTA List)",
            ListId::Mbs => "Non-SDN Menu-Based Sanctions List",
            ListId::Fse => "Foreign Sanctions Evaders List",
            ListId::Uflpa => "Uyghur Forced Labor Prevention Act (UFLPA) Entity List",
            ListId::Sec1260h => "Section 1260H of the NDAA for FY2021: Chinese Military Companies",
            ListId::Sec1286 => "Section 1286 of the NDAA for FY2019, as amended: List of Foreign Talent Programs and Institutions",
            ListId::Fcc => "List of Equipment and Services Covered by Section 2 of the Secure Networks Act",
            ListId::Cbp => "Withhold Release Orders and Findings List",
            ListId::Eo14032 => "Annex to Executive Order 14032 (Chinese Military-Industrial Complex Companies)",
        }
    }

    /// The agency that keeps the list ("Department / office").
    pub fn agency(self) -> &'static str {
        match self {
            ListId::El | ListId::Dpl | ListId::Uvl | ListId::Meu => "Commerce / BIS",
            ListId::Dtc | ListId::Isn => "State",
            ListId::Uflpa => "Homeland Security / FLETF",
            ListId::Cbp => "Homeland Security / CBP",
            ListId::Sec1260h | ListId::Sec1286 => "Defense (War) / DoW",
            ListId::Fcc => "FCC",
            ListId::Sdn
            | ListId::Ssi
            | ListId::Plc
            | ListId::Cmic
            | ListId::Cap
            | ListId::Mbs
            | ListId::Fse
            | ListId::Eo14032 => "Treasury / OFAC",
        }
    }

    /// The department of [`ListId::agency`] (the part before " / "): lists
    /// of one department may be merged on name and country evidence (see
    /// `crate::dataset::cluster`), and the UI groups its list filter by it.
    pub fn department(self) -> &'static str {
        let a = self.agency();
        a.split(" / ").next().unwrap_or(a)
    }

    /// The list's official page (`source_list_url` of its parties) and the
    /// page that explains it (`source_information_url`).
    pub fn urls(self) -> (&'static str, &'static str) {
        const OFAC_CONS: &str = "https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList";
        const OFAC_OTHER: &str = "https://ofac.treasury.gov/other-ofac-sanctions-lists";
        match self {
            ListId::El => (
                "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list",
                "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list",
            ),
            ListId::Sdn => (
                "https://sanctionslist.ofac.treas.gov/Home/SdnList",
                "https://home.treasury.gov/policy-issues/financial-sanctions/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists",
            ),
            ListId::Dpl => (
                "https://www.bis.doc.gov/index.php/the-denied-persons-list",
                "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/denied-persons-list",
            ),
            ListId::Uvl => (
                "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/unverified-list",
                "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/unverified-list",
            ),
            ListId::Meu => (
                "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern",
                "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern",
            ),
            ListId::Dtc => (
                "https://www.pmddtc.state.gov/ddtc_public?id=ddtc_kb_article_page&sys_id=c22d1833dbb8d300d0a370131f9619f0",
                "https://www.pmddtc.state.gov/ddtc_public?id=ddtc_kb_article_page&sys_id=c22d1833dbb8d300d0a370131f9619f0",
            ),
            ListId::Isn => (
                "https://www.state.gov/key-topics-bureau-of-international-security-and-nonproliferation/nonproliferation-sanctions/",
                "https://www.state.gov/key-topics-bureau-of-international-security-and-nonproliferation/nonproliferation-sanctions/",
            ),
            ListId::Ssi
            | ListId::Plc
            | ListId::Cmic
            | ListId::Cap
            | ListId::Mbs
            | ListId::Fse => (OFAC_CONS, OFAC_OTHER),
            ListId::Uflpa => (
                "https://www.dhs.gov/uflpa-entity-list",
                "https://www.dhs.gov/uflpa",
            ),
            ListId::Sec1260h => (
                "https://www.federalregister.gov/documents/search?conditions%5Bsearch_type_id%5D=3&conditions%5Bterm%5D=1260H",
                "https://www.federalregister.gov/documents/search?conditions%5Bsearch_type_id%5D=3&conditions%5Bterm%5D=1260H",
            ),
            ListId::Sec1286 => (
                "https://basicresearch.defense.gov/Programs/Academic-Research-Security/",
                "https://basicresearch.defense.gov/Programs/Academic-Research-Security/",
            ),
            ListId::Fcc => (
                "https://www.fcc.gov/supplychain/coveredlist",
                "https://www.fcc.gov/supplychain/coveredlist",
            ),
            ListId::Cbp => (
                "https://www.cbp.gov/document/stats/withhold-release-orders-findings",
                "https://www.cbp.gov/trade/forced-labor/withhold-release-orders-and-findings",
            ),
            ListId::Eo14032 => (
                "https://ofac.treasury.gov/media/99111/download?inline",
                "https://ofac.treasury.gov/sanctions-programs-and-country-information/chinese-military-companies-sanctions",
            ),
        }
    }

    /// The list's official page (the first of [`ListId::urls`]).
    pub fn official_url(self) -> &'static str {
        self.urls().0
    }

    /// What being on the list means, in one plain line.
    pub fn meaning(self) -> &'static str {
        match self {
            ListId::Sdn => "SDN: the party's property in the US is blocked and US persons may not deal with it at all",
            ListId::Fse => "FSE: the party evaded US sanctions on Iran or Syria; US persons may not deal with it",
            ListId::Dpl => "DPL: the party has lost its export privileges; no one may export US items to it or for it",
            ListId::Dtc => "DTC: the party is barred from taking part in any US defence-article or defence-service export",
            ListId::El => "EL: exporting US items to the party needs a Commerce licence, usually with a presumption of denial",
            ListId::Meu => "MEU: exporting listed US items to the party needs a licence, as a military end user",
            ListId::Uflpa => "UFLPA: goods from this entity are presumed made with forced labour and barred from US import",
            ListId::Cbp => "CBP: goods from this producer or region are held at the US border as likely made with forced labour",
            ListId::Fcc => "FCC: this equipment or service is deemed a US national-security risk and may not be authorised or bought with federal funds",
            ListId::Isn => "ISN: the State Department has imposed nonproliferation measures on the party (which ones, and until when, vary)",
            ListId::Cap => "CAP: US banks may not open or keep correspondent or payable-through accounts for this foreign bank",
            ListId::Ssi => "SSI: US persons may not provide new debt or equity, or certain energy services, to the party",
            ListId::Mbs => "MBS: one or more measures from a menu of sanctions apply to the party, short of blocking",
            ListId::Cmic => "CMIC: US persons may not buy or sell the party's publicly traded securities",
            ListId::Eo14032 => "EO14032: the party was named in the 2021 annex that barred US persons from buying its publicly traded securities",
            ListId::Plc => "PLC: members of the Palestinian Legislative Council elected on the Hamas slate; limited Treasury restrictions",
            ListId::Sec1260h => "1260H: the Defense Department names the party a Chinese military company; it may not get Defense contracts",
            ListId::Sec1286 => "1286: the Defense Department names the institution a risk to the research it funds",
            ListId::Uvl => "UVL: the US could not verify the party's end use; exporters must get its statement before shipping",
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
    /// The Federal Register notice's date, ISO, where the source gives it
    /// apart from the start date (1260H, E.O. 14032); else empty.
    pub federal_register_date: String,
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
    /// CBP's status of the order or finding ("Active", "Partially
    /// Modified", "Inactive-Pending Litigation", ...); empty elsewhere.
    pub status: String,
    /// FCC Covered List: the equipment or service that is covered; empty
    /// elsewhere.
    pub equipment: String,
    /// Where each field came from, where a party's fields come from more
    /// than one file (SDN: names from the 2026 names file, addresses from
    /// `sdn_add`, remarks from the 2024 `sdn.csv`; joined Entity List
    /// entries: names and addresses from the eCFR, licence fields from the
    /// CSL rows). Empty when every field
    /// came from the list's sources ([`ListInfo::sources`]). Shared: the
    /// parties with the same sources point at one list.
    pub provenance: std::sync::Arc<[FieldSource]>,
    /// The party's cluster: the index (in the dataset) of the first party
    /// of the set of listings that are one party (same source id, same
    /// name and country on lists of one department, or same-name entries of
    /// one list that refer to each other's addresses or share them; see
    /// `crate::dataset::cluster`). A party alone has its own index.
    #[serde(skip)]
    pub group: u32,
    /// Clusters of other departments' lists with the same normalised name:
    /// shown as "also on ..." with the reason, not merged.
    #[serde(skip)]
    pub also: Vec<u32>,
}

/// Which file, and how current, one field of a party came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FieldSource {
    /// A [`Party`] field name: `name`, `aliases`, `programs`, `type`,
    /// `addresses`, `remarks`, `title`, `vessel`, `license_requirement`,
    /// `license_policy`, `federal_register_notice`, `start_date`.
    pub field: String,
    /// File name, no directory.
    pub file: String,
    /// `YYYY-MM-DD` or `YYYY-MM`.
    pub as_of: String,
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
            federal_register_date: String::new(),
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
            status: String::new(),
            equipment: String::new(),
            provenance: std::sync::Arc::from(Vec::new()),
            group: 0,
            also: Vec::new(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_bytes_never_change() {
        let codes: Vec<&str> = (0..=u8::MAX)
            .map_while(ListId::from_u8)
            .map(ListId::code)
            .collect();
        assert_eq!(
            codes,
            [
                "EL", "SDN", "DPL", "UVL", "MEU", "DTC", "ISN", "SSI", "PLC", "CMIC", "CAP", "MBS",
                "FSE", "UFLPA", "1260H", "1286", "FCC", "CBP", "EO14032"
            ]
        );
        for l in ListId::ALL {
            assert_eq!(ListId::from_u8(l.to_u8()), Some(l));
        }
    }
}
