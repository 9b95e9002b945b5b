//! The trade.gov Consolidated Screening List CSV (`consolidated.csv`).
//!
//! 29 named columns; the 2022 file and the 2025 file have the same header
//! (checked: `csl_consolidated_2022-04.csv` and `csl_sample_2025-06.csv`
//! list the same 29 names in the same order), so columns are found by name.
//! What changed between the vintages is inside two cells:
//!
//! * `ids` items are `country, number, kind` in 2022 (`CA, BC166787,
//!   Passport`; `Male, Gender`) and `kind, number, country` in 2025
//!   (`Passport, 836238033, KP`; `Gender, Male`). The order is detected once
//!   per file (see [`IdOrder`]).
//! * The URLs are bit.ly links in 2022 and full links in 2025; bit.ly links
//!   are replaced by the list's official pages ([`super::official_urls`]).
//!
//! Multi-valued cells are split on `;` only (aliases contain commas). Entity
//! List aliases and addresses end in "and X": the "and " is removed.
//! Addresses end in ", CC" (ISO-2), which becomes [`Address::country`]; in an
//! Entity List cell like `A, China; and B, China, CN` only the last part
//! carries the code, so a part without one takes the code of the next part
//! that has one.

use std::path::Path;

use csv::{ReaderBuilder, StringRecord};

use super::{
    derived_id, file_name, first_byte, read_bytes, set_official_urls, split_semicolons, strip_and,
    FileTally, LineCounter, ReadError, ReadOutput, Skipped, Sourced,
};
use crate::country;
use crate::model::{Address, IdDocument, ListId, Party, PartyType, Vessel};

/// The 29 columns of `consolidated.csv`, in the official order.
pub const COLUMNS: [&str; 29] = [
    "_id",
    "source",
    "entity_number",
    "type",
    "programs",
    "name",
    "title",
    "addresses",
    "federal_register_notice",
    "start_date",
    "end_date",
    "standard_order",
    "license_requirement",
    "license_policy",
    "call_sign",
    "vessel_type",
    "gross_tonnage",
    "gross_registered_tonnage",
    "vessel_flag",
    "vessel_owner",
    "remarks",
    "source_list_url",
    "alt_names",
    "citizenships",
    "dates_of_birth",
    "nationalities",
    "places_of_birth",
    "source_information_url",
    "ids",
];

/// The order of the parts of one `ids` item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdOrder {
    /// 2022: `[country, ]number, kind`.
    CountryFirst,
    /// 2025: `kind, number[, country]`.
    KindFirst,
}

/// Maps the CSL `source` column to a list, by the code in its parentheses
/// ("Entity List (EL) - Bureau of Industry and Security" -> EL;
/// "Non-SDN Menu-Based Sanctions List (NS-MBS List) - ..." -> MBS).
pub fn list_of_source(source: &str) -> Option<ListId> {
    let open = source.find('(')?;
    let rest = source.get(open + 1..)?;
    let code = rest.get(..rest.find(')')?)?.trim();
    match code {
        "NS-MBS List" | "NS-MBS" | "MBS" => Some(ListId::Mbs),
        "NS-PLC" => Some(ListId::Plc),
        "NS-CMIC" => Some(ListId::Cmic),
        other => ListId::from_code(other),
    }
}

/// Reads a CSL `consolidated.csv`.
pub fn read_csl(path: &Path) -> Result<ReadOutput, ReadError> {
    let bytes = read_bytes(path)?;
    read_csl_bytes(path, &bytes)
}

/// [`read_csl`] on bytes already read (`path` names them in messages).
pub fn read_csl_bytes(path: &Path, bytes: &[u8]) -> Result<ReadOutput, ReadError> {
    let shown = path.display().to_string();
    let name = file_name(path);
    match first_byte(bytes) {
        None => {
            return Err(ReadError::WrongKind {
                file: shown,
                line: 1,
                expected: "a CSL consolidated.csv".into(),
                found: "an empty file".into(),
            })
        }
        Some(b'{') | Some(b'[') => {
            return Err(ReadError::WrongKind {
                file: shown,
                line: 1,
                expected: "a CSL consolidated.csv".into(),
                found: "JSON".into(),
            })
        }
        _ => {}
    }
    let mut rdr = ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let header = rdr.headers().map_err(|e| csv_error(&shown, &e))?.clone();
    let mut col = [0usize; 29];
    for (i, c) in COLUMNS.iter().enumerate() {
        let pos = header
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}') == *c);
        match pos {
            Some(p) => col[i] = p,
            None => {
                return Err(ReadError::MissingColumn {
                    file: shown,
                    column: (*c).to_string(),
                })
            }
        }
    }
    let mut records: Vec<(u64, StringRecord)> = Vec::new();
    let mut lines = LineCounter::default();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| csv_error(&shown, &e))?;
        let line = lines.line_at(bytes, rec.position().map_or(0, |p| p.byte()));
        if rec.len() != header.len() {
            return Err(ReadError::ColumnCount {
                file: shown,
                line,
                found: rec.len(),
                expected: header.len(),
            });
        }
        records.push((line, rec));
    }
    let get = |rec: &StringRecord, c: usize| -> String {
        col.get(c)
            .and_then(|&i| rec.get(i))
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let order = detect_id_order(records.iter().map(|(_, r)| get(r, 28)));

    super::require_rows(path, records.len(), "CSL consolidated.csv")?;
    let mut out = ReadOutput::default();
    let mut tally = FileTally {
        file: name.clone(),
        rows: records.len(),
        ..FileTally::default()
    };
    for (line, rec) in &records {
        let g = |c: usize| get(rec, c);
        let source = g(1);
        let Some(list) = list_of_source(&source) else {
            tally.skipped += 1;
            out.skipped.push(Skipped {
                file: name.clone(),
                line: *line,
                reason: "unknown source".into(),
                detail: format!("source {source:?}"),
            });
            continue;
        };
        let party_name = g(5);
        if party_name.is_empty() {
            tally.skipped += 1;
            out.skipped.push(Skipped {
                file: name.clone(),
                line: *line,
                reason: "empty name".into(),
                detail: String::new(),
            });
            continue;
        }
        let type_cell = g(3);
        let party_type = if type_cell.is_empty() {
            PartyType::Entity
        } else {
            PartyType::parse(&type_cell).ok_or_else(|| ReadError::BadValue {
                file: shown.clone(),
                line: *line,
                field: "type".into(),
                value: type_cell.clone(),
                expected: "Individual, Entity, Vessel, Aircraft or empty".into(),
            })?
        };
        let addresses = parse_csl_addresses(&g(7));
        let mut id = g(0);
        if id.is_empty() {
            id = g(2);
        }
        if id.is_empty() {
            let addr = addresses.first().map(|a| a.text.as_str()).unwrap_or("");
            id = derived_id(list, &party_name, addr);
        }
        let mut p = Party::new(list, party_type, id, party_name);
        p.aliases = split_semicolons(&g(22))
            .iter()
            .map(|a| strip_and(a).to_string())
            .filter(|a| !a.is_empty())
            .collect();
        p.addresses = addresses;
        p.programs = split_semicolons(&g(4));
        p.title = g(6);
        p.federal_register_notice = g(8);
        p.start_date = g(9);
        p.end_date = g(10);
        p.standard_order = g(11);
        p.license_requirement = g(12);
        p.license_policy = g(13);
        let vessel = Vessel {
            call_sign: g(14),
            vessel_type: g(15),
            gross_tonnage: g(16),
            gross_registered_tonnage: g(17),
            flag: g(18),
            owner: g(19),
        };
        if party_type == PartyType::Vessel || vessel != Vessel::default() {
            p.vessel = Some(vessel);
        }
        p.remarks = g(20);
        p.citizenships = split_semicolons(&g(23));
        p.dates_of_birth = split_semicolons(&g(24));
        p.nationalities = split_semicolons(&g(25));
        p.places_of_birth = split_semicolons(&g(26));
        p.ids = split_semicolons(&g(28))
            .iter()
            .map(|item| parse_id(item, order))
            .collect();
        let (list_url, info_url) = (g(21), g(27));
        if is_short_link(&list_url) || is_short_link(&info_url) || list_url.is_empty() {
            set_official_urls(&mut p);
        } else {
            p.source_list_url = list_url;
            p.source_information_url = info_url;
        }
        tally.kept += 1;
        out.parties.push(Sourced {
            party: p,
            file: name.clone(),
            line: *line,
        });
    }
    out.files.push(tally);
    Ok(out)
}

fn is_short_link(url: &str) -> bool {
    url.contains("://bit.ly/")
}

fn csv_error(file: &str, e: &csv::Error) -> ReadError {
    let line = e.position().map_or(0, |p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("invalid UTF-8: {err}"),
        _ => e.to_string(),
    };
    ReadError::Csv {
        file: file.to_string(),
        line,
        message,
    }
}

fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()) && country::name(s).is_some()
}

/// Decides the `ids` item order of a file from its unambiguous items (an
/// ISO-2 code first or last in a 3-part item); 2025 order when undecided.
pub fn detect_id_order(cells: impl Iterator<Item = String>) -> IdOrder {
    let (mut first, mut last) = (0usize, 0usize);
    for cell in cells {
        for item in cell.split(';') {
            let parts: Vec<&str> = item.split(',').map(str::trim).collect();
            if parts.len() != 3 {
                continue;
            }
            let a = parts.first().is_some_and(|s| is_country_code(s));
            let z = parts.last().is_some_and(|s| is_country_code(s));
            match (a, z) {
                (true, false) => first += 1,
                (false, true) => last += 1,
                _ => {}
            }
        }
    }
    if first > last {
        IdOrder::CountryFirst
    } else {
        IdOrder::KindFirst
    }
}

/// Parses one `ids` item in the file's order. The number keeps any inner
/// commas ("section 1(b) of Executive Order 13224, as amended ...").
pub fn parse_id(item: &str, order: IdOrder) -> IdDocument {
    let parts: Vec<&str> = item.split(", ").map(str::trim).collect();
    let n = parts.len();
    let join = |r: std::ops::Range<usize>| parts.get(r).map(|p| p.join(", ")).unwrap_or_default();
    match order {
        IdOrder::CountryFirst => {
            let kind = parts.last().copied().unwrap_or("").to_string();
            if n >= 3 && parts.first().is_some_and(|s| is_country_code(s)) {
                IdDocument {
                    kind,
                    number: join(1..n - 1),
                    country: parts.first().copied().unwrap_or("").to_string(),
                }
            } else {
                IdDocument {
                    kind,
                    number: join(0..n.saturating_sub(1)),
                    country: String::new(),
                }
            }
        }
        IdOrder::KindFirst => {
            let kind = parts.first().copied().unwrap_or("").to_string();
            if n >= 3 && parts.last().is_some_and(|s| is_country_code(s)) {
                IdDocument {
                    kind,
                    number: join(1..n - 1),
                    country: parts.last().copied().unwrap_or("").to_string(),
                }
            } else {
                IdDocument {
                    kind,
                    number: join(1..n),
                    country: String::new(),
                }
            }
        }
    }
}

/// Splits a CSL `addresses` cell (see the module docs).
pub fn parse_csl_addresses(cell: &str) -> Vec<Address> {
    let mut out: Vec<Address> = split_semicolons(cell)
        .iter()
        .map(|part| {
            let part = strip_and(part);
            match part.rsplit_once(',') {
                Some((text, cc)) if is_country_code(cc.trim()) => Address {
                    text: text.trim().to_string(),
                    country: cc.trim().to_string(),
                },
                _ if is_country_code(part) => Address {
                    text: String::new(),
                    country: part.to_string(),
                },
                _ => Address {
                    text: part.to_string(),
                    country: String::new(),
                },
            }
        })
        .collect();
    let mut next = String::new();
    for a in out.iter_mut().rev() {
        if a.country.is_empty() {
            a.country = next.clone();
        } else {
            next = a.country.clone();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_of_source_reads_every_2022_source() {
        for (s, l) in [
            (
                "Entity List (EL) - Bureau of Industry and Security",
                ListId::El,
            ),
            (
                "Specially Designated Nationals (SDN) - Treasury Department",
                ListId::Sdn,
            ),
            (
                "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department",
                ListId::Mbs,
            ),
            (
                "Military End User (MEU) List - Bureau of Industry and Security",
                ListId::Meu,
            ),
            ("Capta List (CAP) - Treasury Department", ListId::Cap),
        ] {
            assert_eq!(list_of_source(s), Some(l), "{s}");
        }
        assert_eq!(list_of_source("Something else"), None);
    }

    #[test]
    fn parse_id_reads_both_orders() {
        let a = parse_id("CA, BC166787, Passport", IdOrder::CountryFirst);
        assert_eq!(
            (a.kind.as_str(), a.number.as_str(), a.country.as_str()),
            ("Passport", "BC166787", "CA")
        );
        let b = parse_id("Passport, 836238033, KP", IdOrder::KindFirst);
        assert_eq!(
            (b.kind.as_str(), b.number.as_str(), b.country.as_str()),
            ("Passport", "836238033", "KP")
        );
        let c = parse_id("Male, Gender", IdOrder::CountryFirst);
        assert_eq!((c.kind.as_str(), c.number.as_str()), ("Gender", "Male"));
    }

    #[test]
    fn addresses_inherit_the_code_of_the_last_part() {
        let a = parse_csl_addresses("113 Hezuo Road, Shijiazhuang, China; and 21 Changsheng Street, Shijiazhuang, Hebei Province, CN");
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].country, "CN");
        assert_eq!(
            a[1].text,
            "21 Changsheng Street, Shijiazhuang, Hebei Province"
        );
        let b = parse_csl_addresses("SY");
        assert_eq!(
            b,
            vec![Address {
                text: String::new(),
                country: "SY".into()
            }]
        );
    }
}
