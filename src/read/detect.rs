//! Tells what kind of official file a file is, from its content (never from
//! its name alone), for `entity-screen build --input FILE...`.
//!
//! | content                                                   | kind |
//! |-----------------------------------------------------------|------|
//! | CSV whose header has `_id`, `source` and `entity_number`  | [`Kind::Csl`] |
//! | CSV whose header is `uid,name,type,programs,alternate_names` | [`Kind::SdnNames`] |
//! | headerless CSV, first field a number, 12 / 5 / 6 / 2 fields | [`Kind::Ofac`] primary / alt / add / comments; SDN or non-SDN by the file name ([`super::ofac::role_of`]), SDN when the name says neither |
//! | a JSON object with `"entities"` whose first entity has `"entity"` | [`Kind::ElRows`] (CSL Entity List rows) |
//! | a JSON object with `"entities"` and a known `"list_id"`   | [`Kind::JsonList`] |

use std::path::Path;

use super::ofac::Role;
use super::{first_byte, read_bytes, ReadError};
use crate::model::ListId;

/// The kind of a source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A trade.gov CSL `consolidated.csv`.
    Csl,
    /// OFAC's SDN names export (`uid,name,type,programs,alternate_names`).
    SdnNames,
    /// A file of an OFAC legacy CSV set, with its role.
    Ofac(Role),
    /// The CSL Entity List rows JSON (license policy, FR citation).
    ElRows,
    /// A JSON list extraction of one list.
    JsonList(ListId),
}

/// The list of a JSON extraction's `list_id`.
pub fn list_of_json_id(id: &str) -> Option<ListId> {
    Some(match id {
        "bis-entity-list" => ListId::El,
        "bis-meu" => ListId::Meu,
        "bis-dpl" => ListId::Dpl,
        "state-debarred-statutory" | "state-debarred-admin" => ListId::Dtc,
        "state-nonproliferation" => ListId::Isn,
        "ofac-nscmic" => ListId::Cmic,
        "dhs-uflpa" => ListId::Uflpa,
        "dow-1260h" => ListId::Sec1260h,
        "dow-1286" => ListId::Sec1286,
        "fcc-covered" => ListId::Fcc,
        "cbp-wro" => ListId::Cbp,
        "ofac-eo14032" => ListId::Eo14032,
        _ => return None,
    })
}

/// Detects the kind of the file at `path` (see the module docs).
pub fn detect(path: &Path) -> Result<Kind, ReadError> {
    let bytes = read_bytes(path)?;
    detect_bytes(path, &bytes)
}

/// [`detect`] on bytes already read.
pub fn detect_bytes(path: &Path, bytes: &[u8]) -> Result<Kind, ReadError> {
    let shown = path.display().to_string();
    let wrong = |found: String| ReadError::WrongKind {
        file: shown.clone(),
        line: 1,
        expected:
            "a CSL consolidated.csv, an SDN names CSV, an OFAC legacy CSV or a JSON list file"
                .into(),
        found,
    };
    match first_byte(bytes) {
        None => {
            return Err(ReadError::NoRows {
                file: shown,
                what: "source file".into(),
            })
        }
        Some(b'{') => {
            let root: serde_json::Value =
                serde_json::from_slice(bytes).map_err(|e| ReadError::Json {
                    file: shown.clone(),
                    line: e.line() as u64,
                    column: e.column() as u64,
                    message: e.to_string(),
                })?;
            let Some(ents) = root.get("entities").and_then(|v| v.as_array()) else {
                return Err(wrong("a JSON object without an \"entities\" array".into()));
            };
            if ents
                .first()
                .is_some_and(|e| e.get("entity").is_some() && e.get("name").is_none())
            {
                return Ok(Kind::ElRows);
            }
            let id = root.get("list_id").and_then(|v| v.as_str()).unwrap_or("");
            return list_of_json_id(id)
                .map(Kind::JsonList)
                .ok_or_else(|| wrong(format!("a JSON list with an unknown list_id {id:?}")));
        }
        Some(b'[') => return Err(wrong("a JSON array".into())),
        _ => {}
    }
    if super::sdn_names::is_names_file(bytes) {
        return Ok(Kind::SdnNames);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first_line = body.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(first_line);
    let mut rec = csv::StringRecord::new();
    let ok = rdr.read_record(&mut rec).unwrap_or(false);
    if !ok {
        return Err(wrong("no CSV row on the first line".into()));
    }
    let cells: Vec<&str> = rec.iter().map(str::trim).collect();
    let has = |c: &str| cells.iter().any(|x| x.trim_start_matches('\u{feff}') == c);
    if has("_id") && has("source") && has("entity_number") {
        return Ok(Kind::Csl);
    }
    if cells
        .first()
        .is_some_and(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()))
    {
        let by_name = super::ofac::role_of(&super::file_name(path));
        let cons = matches!(
            by_name,
            Some(Role::ConsPrimary | Role::ConsAlt | Role::ConsAdd | Role::ConsComments)
        );
        let role = match (cells.len(), cons) {
            (12, false) => Role::SdnPrimary,
            (12, true) => Role::ConsPrimary,
            (5, false) => Role::SdnAlt,
            (5, true) => Role::ConsAlt,
            (6, false) => Role::SdnAdd,
            (6, true) => Role::ConsAdd,
            (2, false) => Role::SdnComments,
            (2, true) => Role::ConsComments,
            (n, _) => {
                return Err(wrong(format!(
                    "a headerless CSV with {n} fields (OFAC legacy files have 12, 5, 6 or 2)"
                )))
            }
        };
        return Ok(Kind::Ofac(role));
    }
    Err(wrong(format!(
        "a CSV whose first line is {:?}",
        cells.join(",").chars().take(80).collect::<String>()
    )))
}
