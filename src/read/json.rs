//! The JSON list extractions (eCFR Entity List and MEU, BIS DPL, DDTC
//! debarred, State ISN, OFAC NS-CMIC) and the Entity List join.
//!
//! Layout: `{..., "entities": [{name, aliases, country, address, status,
//! effective_date, federal_register, notes}]}`; the CSL Entity List rows file
//! has `{..., "entities": [{entity, license_requirement, license_policy,
//! fr_citation, effective_date, ...}]}`. Skipped rows are reported with the
//! line where their object starts.
//!
//! Per list (what goes where):
//!
//! * all: `name`, `aliases`, `federal_register` -> federal_register_notice,
//!   `effective_date` -> start_date; `country` -> ISO-2 via [`crate::country`];
//!   `address` split on "; and " / "; " ([`super::split_free_addresses`]). A
//!   party with a country but no address gets one address with empty text and
//!   that country; a country that names no single country ("Middle East
//!   Region") is kept as address text. A name the extraction cut inside a
//!   parenthesis (its rest ran into the address) is repaired first
//!   ([`repair_split`]).
//! * EL / MEU (eCFR): `federal_register` is `"86 FR 60760, 11/4/21"`: a lone
//!   citation with a date becomes notice `86 FR 60760` and start date
//!   `2021-11-04`; anything longer stays whole. EL `notes` is the license
//!   requirement (cut at 200 characters by the extraction). MEU parties get
//!   the MEU's license requirement and policy ([`MEU_LICENSE_REQUIREMENT`],
//!   [`MEU_LICENSE_POLICY`]): they are set by §744.21 for the whole list, and
//!   the CSL repeats them on every MEU row.
//! * DPL: `notes` ("Type of denial: Standard; Expires: 2028-07-24") ->
//!   remarks, and the expiry date -> end_date.
//! * ISN, DTC: `notes` -> remarks.
//! * CMIC: `notes` -> remarks; "Program: X" -> programs; "USCC: N (China)" ->
//!   an id.
//!
//! ## The Entity List join ([`read_entity_list`])
//!
//! The eCFR file has names, aliases and addresses; the CSL rows file has the
//! full license requirement, the license policy, the FR citation and the start
//! date. They are paired by name in three passes, each over what the earlier
//! ones left:
//!
//! 1. the same [`super::join_key`] (case, whitespace and punctuation ignored);
//! 2. the same key with accents folded, `&` read as "and" and spaces ignored
//!    ("Bilişim" = "Bilisim", "32Group" = "32 Group");
//! 3. one name is the other followed by more words (the eCFR extraction
//!    sometimes runs an alias into the name: "Rosneft (a.k.a. Open
//!    Joint-Stock Company Rosneft Oil Company"; the CSL sometimes adds a
//!    qualifier: "Kish Airlines, Headquarters"), only when every candidate
//!    has the same name and the shorter name has at least 5 characters.
//!
//! A name that repeats is paired in order (1st with 1st, ...). A pair takes
//! names, aliases and addresses from the eCFR and the rest from the CSL row,
//! and says so in its [`Party::provenance`].
//! Rows of either file without a partner are real listings and are kept as
//! parties with what their own file has.

use std::collections::{BTreeMap, VecDeque};
use std::path::Path;

use serde_json::Value;

use super::{
    derived_id, file_name, first_byte, join_key, read_bytes, set_official_urls,
    split_free_addresses, us_date_to_iso, FileTally, ReadError, ReadOutput, Skipped, Sourced,
};
use crate::country;
use crate::model::{Address, IdDocument, ListId, Party, PartyType};

/// License requirement of every MEU party (15 CFR 744.21, as the CSL gives it).
pub const MEU_LICENSE_REQUIREMENT: &str =
    "For any item subject to the EAR listed in supplement no. 2 to part 744.";
/// License review policy of every MEU party (as the CSL gives it).
pub const MEU_LICENSE_POLICY: &str = "The license application procedure and license review policy for entities specified in supplement no. 2 to part 744 is specified in §744.21(d) and (e).";

/// The entities of a JSON file with the line each starts on.
struct Entities {
    items: Vec<(u64, serde_json::Map<String, Value>)>,
}

fn parse_entities(path: &Path, expected: &str) -> Result<Entities, ReadError> {
    let shown = path.display().to_string();
    let bytes = read_bytes(path)?;
    if first_byte(&bytes) != Some(b'{') {
        return Err(ReadError::WrongKind {
            file: shown,
            line: 1,
            expected: expected.to_string(),
            found: "a file that does not start with a JSON object".into(),
        });
    }
    let root: Value = serde_json::from_slice(&bytes).map_err(|e| ReadError::Json {
        file: shown.clone(),
        line: e.line() as u64,
        column: e.column() as u64,
        message: e.to_string(),
    })?;
    let Some(list) = root.get("entities").and_then(Value::as_array) else {
        return Err(ReadError::WrongKind {
            file: shown,
            line: 1,
            expected: expected.to_string(),
            found: "a JSON object without an \"entities\" array".into(),
        });
    };
    let lines = entity_lines(&bytes);
    let mut items = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(0);
        match v.as_object() {
            Some(o) => items.push((line, o.clone())),
            None => {
                return Err(ReadError::WrongKind {
                    file: shown,
                    line,
                    expected: expected.to_string(),
                    found: format!("entity {} is not a JSON object", i + 1),
                })
            }
        }
    }
    Ok(Entities { items })
}

/// The 1-based line where each element of the top-level `"entities"` array
/// starts (a small scanner: strings, escapes and nesting only).
fn entity_lines(bytes: &[u8]) -> Vec<u64> {
    let mut lines = Vec::new();
    let (mut line, mut depth) = (1u64, 0usize);
    let (mut in_str, mut esc) = (false, false);
    let mut last_key: Vec<u8> = Vec::new();
    let mut str_start = 0usize;
    let mut in_entities = false;
    let mut expect_value = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            line += 1;
        }
        if in_str {
            if esc {
                esc = false;
            } else if b == b'\\' {
                esc = true;
            } else if b == b'"' {
                in_str = false;
                if depth == 1 {
                    last_key = bytes.get(str_start..i).unwrap_or(&[]).to_vec();
                }
            }
            continue;
        }
        if in_entities
            && depth == 2
            && expect_value
            && !b.is_ascii_whitespace()
            && b != b','
            && b != b']'
        {
            lines.push(line);
            expect_value = false;
        }
        match b {
            b'"' => {
                in_str = true;
                str_start = i + 1;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth == 2 && b == b'[' && last_key == b"entities" {
                    in_entities = true;
                    expect_value = true;
                }
            }
            b'}' | b']' => {
                if depth == 2 && in_entities && b == b']' {
                    in_entities = false;
                }
                depth = depth.saturating_sub(1);
            }
            b',' if in_entities && depth == 2 => expect_value = true,
            _ => {}
        }
    }
    lines
}

/// A string field; null and absent are empty, other types are an error.
fn text(
    path: &Path,
    line: u64,
    o: &serde_json::Map<String, Value>,
    key: &str,
) -> Result<String, ReadError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.trim().to_string()),
        Some(other) => Err(ReadError::BadValue {
            file: path.display().to_string(),
            line,
            field: key.to_string(),
            value: other.to_string(),
            expected: "a string or null".into(),
        }),
    }
}

fn aliases(
    path: &Path,
    line: u64,
    o: &serde_json::Map<String, Value>,
) -> Result<Vec<String>, ReadError> {
    match o.get("aliases") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => Ok(a
            .iter()
            .filter_map(Value::as_str)
            .map(|s| super::strip_and(s).to_string())
            .filter(|s| !s.is_empty())
            .collect()),
        Some(other) => Err(ReadError::BadValue {
            file: path.display().to_string(),
            line,
            field: "aliases".into(),
            value: other.to_string(),
            expected: "an array of strings".into(),
        }),
    }
}

/// Repairs a name the extraction cut inside a parenthesis, whose rest ran
/// into the address (14 eCFR Entity List entries, 3 DPL entries):
///
/// * `Gazprom Neft (a.k.a. Gazprom Neft OAO` + `Address: Let. A. ...` ->
///   name `Gazprom Neft`, alias `Gazprom Neft OAO`, address `Let. A. ...`;
/// * `Sabanican Company (a.k.a.` + `Sabanican Pad Co.), Unit #23, ...` ->
///   name `Sabanican Company`, alias `Sabanican Pad Co.`, address `Unit #23, ...`;
/// * `WEARFORM (MNC GROUP INTERNATIONAL` + `INC.), 3334 WALNUT ...` ->
///   name `WEARFORM (MNC GROUP INTERNATIONAL, INC.)`, address `3334 WALNUT ...`.
///
/// * `SHUTTLE LONG CO` + `LTD., KA WAH BANK ...` (a legal form cut off the
///   name, 22 DPL entries) -> name `SHUTTLE LONG CO, LTD.`, address `KA WAH BANK ...`.
///
/// Other names come back unchanged. Returns (name, aliases found, address).
pub fn repair_split(name: &str, address: &str) -> (String, Vec<String>, String) {
    // "SHUTTLE LONG CO" + "LTD., KA WAH BANK ..." (22 DPL entries).
    const LEGAL_FORMS: &[&str] = &[
        "INC",
        "LTD",
        "LLC",
        "CO",
        "CORP",
        "SA",
        "GMBH",
        "LIMITED",
        "CORPORATION",
        "PLC",
        "SRL",
        "SARL",
        "BV",
        "AG",
        "PTE LTD",
        "CO LTD",
        "SPA",
        "AB",
        "OY",
    ];
    if let Some((head, tail)) = address.split_once(',') {
        let form = head.trim().to_ascii_uppercase().replace('.', "");
        if LEGAL_FORMS.contains(&form.as_str()) {
            return (
                format!("{}, {}", name.trim(), head.trim()),
                Vec::new(),
                tail.trim().to_string(),
            );
        }
    }
    let unchanged = || (name.to_string(), Vec::new(), address.to_string());
    if name.matches('(').count() <= name.matches(')').count() {
        return unchanged();
    }
    let Some(open) = name.rfind('(') else {
        return unchanged();
    };
    let base = name
        .get(..open)
        .unwrap_or(name)
        .trim()
        .trim_end_matches(',')
        .trim();
    let inner = name.get(open + 1..).unwrap_or("").trim();
    let (chunk, rest) = match address.find(')') {
        Some(i) => (
            address.get(..i).unwrap_or(""),
            address.get(i + 1..).unwrap_or(""),
        ),
        None => ("", address),
    };
    let rest = rest.trim_start_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
    let rest = rest
        .strip_prefix("Address:")
        .unwrap_or(rest)
        .trim()
        .to_string();
    let lower = inner.to_ascii_lowercase();
    let Some(after) = ["a.k.a.", "f.k.a.", "n.k.a."].iter().find_map(|k| {
        lower
            .starts_with(k)
            .then(|| inner.get(k.len()..).unwrap_or(""))
    }) else {
        if chunk.is_empty() {
            return unchanged();
        }
        return (
            format!("{}, {})", name.trim(), chunk.trim()),
            Vec::new(),
            rest,
        );
    };
    let clean = |s: &str| {
        super::strip_and(s)
            .trim_matches(|c: char| {
                c.is_whitespace() || c == ',' || c == '"' || c == '“' || c == '”'
            })
            .to_string()
    };
    let mut aliases = Vec::new();
    for part in std::iter::once(after).chain(chunk.split(';')) {
        let a = clean(part);
        if a.chars().filter(|c| c.is_alphanumeric()).count() >= 2 && !aliases.contains(&a) {
            aliases.push(a);
        }
    }
    (base.to_string(), aliases, rest)
}

/// `"86 FR 60760, 11/4/21"` -> (`"86 FR 60760"`, `"2021-11-04"`); longer
/// texts are returned whole with no date.
pub fn split_fr_citation(fr: &str) -> (String, String) {
    let fr = fr.trim().trim_end_matches('.');
    if let Some((cite, date)) = fr.rsplit_once(", ") {
        if !cite.contains(',') && !cite.contains(';') && cite.contains("FR") {
            if let Some(iso) = us_date_to_iso(date) {
                return (cite.trim().to_string(), iso);
            }
        }
    }
    (fr.to_string(), String::new())
}

/// Addresses of a JSON entity (see the module docs).
fn addresses_of(address: &str, country_text: &str) -> Vec<Address> {
    let code = country::code(country_text).unwrap_or("");
    if address.is_empty() {
        return match (code.is_empty(), country_text.is_empty()) {
            (false, _) => vec![Address {
                text: String::new(),
                country: code.to_string(),
            }],
            (true, false) => vec![Address {
                text: country_text.to_string(),
                country: String::new(),
            }],
            (true, true) => Vec::new(),
        };
    }
    let mut v = split_free_addresses(address, code);
    // BIS DPL addresses repeat the code at the end ("..., PHILIPSBURG, PA, US, 16866"
    // keeps it; "8019 NIEDERSEEON, HOUSE 21, DE" loses it).
    if !code.is_empty() {
        for a in &mut v {
            if let Some(t) = a.text.strip_suffix(code) {
                if let Some(t) = t.trim_end().strip_suffix(',') {
                    a.text = t.trim_end().to_string();
                }
            }
        }
    }
    v
}

/// Reads a JSON list extraction as parties of `list` (not the Entity List
/// join: see [`read_entity_list`]).
pub fn read_json_list(path: &Path, list: ListId) -> Result<ReadOutput, ReadError> {
    let ents = parse_entities(
        path,
        "a JSON list extraction ({\"entities\": [{\"name\": ...}]})",
    )?;
    super::require_rows(path, ents.items.len(), "JSON list file")?;
    let name = file_name(path);
    let mut out = ReadOutput::default();
    let mut tally = FileTally {
        file: name.clone(),
        rows: ents.items.len(),
        ..Default::default()
    };
    for (line, o) in &ents.items {
        let line = *line;
        if o.contains_key("entity") && !o.contains_key("name") {
            return Err(ReadError::WrongKind {
                file: path.display().to_string(),
                line,
                expected: "a JSON list extraction with \"name\" fields".into(),
                found:
                    "CSL Entity List rows (\"entity\" fields); give it as the Entity List rows file"
                        .into(),
            });
        }
        let party_name = text(path, line, o, "name")?;
        if party_name.is_empty() {
            tally.skipped += 1;
            out.skipped.push(Skipped {
                file: name.clone(),
                line,
                reason: "empty name".into(),
                detail: String::new(),
            });
            continue;
        }
        let p = json_party(path, line, o, list, party_name)?;
        tally.kept += 1;
        out.parties.push(Sourced {
            party: p,
            file: name.clone(),
            line,
        });
    }
    out.files.push(tally);
    super::dedupe_derived_ids(&mut out.parties);
    Ok(out)
}

fn json_party(
    path: &Path,
    line: u64,
    o: &serde_json::Map<String, Value>,
    list: ListId,
    name: String,
) -> Result<Party, ReadError> {
    let country_text = text(path, line, o, "country")?;
    let (name, early_aliases, address) = repair_split(&name, &text(path, line, o, "address")?);
    let fr = text(path, line, o, "federal_register")?;
    let effective = text(path, line, o, "effective_date")?;
    let notes = text(path, line, o, "notes")?;
    let status = text(path, line, o, "status")?;
    let party_type = match list {
        ListId::Dtc | ListId::Dpl | ListId::Isn => super::infer_party_type(&name),
        _ => PartyType::Entity,
    };
    let id = derived_id(list, &name, &address);
    let mut p = Party::new(list, party_type, id, name);
    p.aliases = early_aliases;
    for a in aliases(path, line, o)? {
        if !p.aliases.contains(&a) {
            p.aliases.push(a);
        }
    }
    p.addresses = addresses_of(&address, &country_text);
    let (notice, date) = match list {
        ListId::El | ListId::Meu => split_fr_citation(&fr),
        _ => (fr, String::new()),
    };
    let (notice, fr_date) = split_fr_dated(&notice);
    p.federal_register_notice = notice;
    p.federal_register_date = fr_date;
    let effective = super::month_date_to_iso(&effective).unwrap_or(effective);
    p.start_date = if effective.is_empty() {
        date
    } else {
        effective
    };
    p.status = status;
    match list {
        ListId::El => p.license_requirement = notes,
        ListId::Meu => {
            p.license_requirement = MEU_LICENSE_REQUIREMENT.to_string();
            p.license_policy = MEU_LICENSE_POLICY.to_string();
            p.remarks = notes;
        }
        ListId::Dpl => {
            if let Some(i) = notes.find("Expires: ") {
                let rest = notes.get(i + 9..).unwrap_or("");
                p.end_date = rest.split(';').next().unwrap_or("").trim().to_string();
            }
            p.remarks = notes;
        }
        ListId::Cmic => {
            for item in notes.split(';').map(str::trim) {
                if let Some(prog) = item.strip_prefix("Program: ") {
                    p.programs.push(prog.trim().to_string());
                } else if let Some(v) = item.strip_prefix("USCC: ") {
                    let (number, country) = match v.rsplit_once(" (") {
                        Some((n, c)) => (n.trim(), c.trim_end_matches(')').trim()),
                        None => (v.trim(), ""),
                    };
                    p.ids.push(IdDocument {
                        kind: "Unified Social Credit Code (USCC)".into(),
                        number: number.to_string(),
                        country: country.to_string(),
                    });
                }
            }
            p.remarks = notes;
        }
        ListId::Fcc => p.equipment = notes,
        _ => p.remarks = notes,
    }
    set_official_urls(&mut p);
    Ok(p)
}

/// Splits a citation with its date in parentheses, `91 FR 35189 (June 10,
/// 2026)`, into `91 FR 35189` and `2026-06-10`. Anything else is returned
/// whole, with no date.
pub fn split_fr_dated(fr: &str) -> (String, String) {
    let fr = fr.trim();
    if let Some((cite, rest)) = fr.split_once(" (") {
        if let Some(date) = rest.strip_suffix(')').and_then(super::month_date_to_iso) {
            if cite.contains(" FR ") {
                return (cite.trim().to_string(), date);
            }
        }
    }
    (fr.to_string(), String::new())
}

/// How the Entity List join went.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JoinReport {
    /// eCFR entries paired with a CSL row (all passes).
    pub joined: usize,
    /// Of those, the pairs found by the word-prefix pass (pass 3):
    /// (eCFR line, eCFR name, CSL line, CSL name), for review.
    pub joined_by_prefix: Vec<(u64, String, u64, String)>,
    /// eCFR entries without a CSL row: (line, name). Kept as parties.
    pub ecfr_only: Vec<(u64, String)>,
    /// CSL rows without an eCFR entry: (line, name). Kept as parties.
    pub csl_only: Vec<(u64, String)>,
    pub ecfr_file: String,
    pub csl_file: String,
}

/// Reads the Entity List from the eCFR extraction and the CSL Entity List
/// rows, joined by name (see the module docs).
pub fn read_entity_list(
    ecfr: &Path,
    csl_rows: &Path,
) -> Result<(ReadOutput, JoinReport), ReadError> {
    let mut eout = read_json_list(ecfr, ListId::El)?;
    let rows = parse_entities(
        csl_rows,
        "CSL Entity List rows ({\"entities\": [{\"entity\": ...}]})",
    )?;
    super::require_rows(csl_rows, rows.items.len(), "CSL Entity List rows file")?;
    let rname = file_name(csl_rows);
    let mut rtally = FileTally {
        file: rname.clone(),
        rows: rows.items.len(),
        ..Default::default()
    };
    struct Row {
        line: u64,
        name: String,
        req: String,
        policy: String,
        fr: String,
        start: String,
    }
    let mut csl: Vec<Row> = Vec::new();
    for (line, o) in &rows.items {
        let line = *line;
        if !o.contains_key("entity") {
            return Err(ReadError::WrongKind {
                file: csl_rows.display().to_string(),
                line,
                expected: "CSL Entity List rows with \"entity\" fields".into(),
                found: "an entity without an \"entity\" field".into(),
            });
        }
        let name = text(csl_rows, line, o, "entity")?;
        if name.is_empty() {
            rtally.skipped += 1;
            eout.skipped.push(Skipped {
                file: rname.clone(),
                line,
                reason: "empty name".into(),
                detail: String::new(),
            });
            continue;
        }
        let source = text(csl_rows, line, o, "source_list")?;
        if !source.is_empty() && super::csl::list_of_source(&source) != Some(ListId::El) {
            rtally.skipped += 1;
            eout.skipped.push(Skipped {
                file: rname.clone(),
                line,
                reason: "not an Entity List row".into(),
                detail: format!("source_list {source:?}"),
            });
            continue;
        }
        csl.push(Row {
            line,
            name,
            req: text(csl_rows, line, o, "license_requirement")?,
            policy: text(csl_rows, line, o, "license_policy")?,
            fr: text(csl_rows, line, o, "fr_citation")?,
            start: text(csl_rows, line, o, "effective_date")?,
        });
    }
    let mut report = JoinReport {
        ecfr_file: file_name(ecfr),
        csl_file: rname.clone(),
        ..Default::default()
    };
    // Pass 1: exact join key; pass 2: the same with accents folded and
    // spaces ignored. Repeated keys pair in order.
    let mut partner: Vec<Option<usize>> = vec![None; eout.parties.len()];
    let mut used = vec![false; csl.len()];
    for key_fn in [join_key as fn(&str) -> String, loose_key] {
        let mut queues: BTreeMap<String, VecDeque<usize>> = BTreeMap::new();
        for (i, r) in csl.iter().enumerate() {
            if !used.get(i).copied().unwrap_or(true) {
                queues.entry(key_fn(&r.name)).or_default().push_back(i);
            }
        }
        for (pi, s) in eout.parties.iter().enumerate() {
            if partner.get(pi).is_some_and(Option::is_some) {
                continue;
            }
            if let Some(i) = queues
                .get_mut(&key_fn(&s.party.name))
                .and_then(VecDeque::pop_front)
            {
                if let (Some(slot), Some(u)) = (partner.get_mut(pi), used.get_mut(i)) {
                    *slot = Some(i);
                    *u = true;
                }
            }
        }
    }
    // Pass 3: one name is the other plus more words ("Rosneft" and "Rosneft
    // (a.k.a. Open Joint-Stock Company Rosneft Oil Company"), taken only when
    // every candidate has the same name.
    let ekeys: Vec<String> = eout
        .parties
        .iter()
        .map(|s| prefix_key(&s.party.name))
        .collect();
    for (i, r) in csl.iter().enumerate() {
        if used.get(i).copied().unwrap_or(true) {
            continue;
        }
        let rk = prefix_key(&r.name);
        let cands: Vec<usize> = ekeys
            .iter()
            .enumerate()
            .filter(|(pi, k)| partner.get(*pi).is_some_and(Option::is_none) && word_prefix(&rk, k))
            .map(|(pi, _)| pi)
            .collect();
        let first = cands.first().copied();
        let same = cands
            .iter()
            .all(|&pi| ekeys.get(pi) == first.and_then(|f| ekeys.get(f)));
        if let (Some(pi), true) = (first, same) {
            if let (Some(slot), Some(u)) = (partner.get_mut(pi), used.get_mut(i)) {
                *slot = Some(i);
                *u = true;
                if let Some(e) = eout.parties.get(pi) {
                    report.joined_by_prefix.push((
                        e.line,
                        e.party.name.clone(),
                        r.line,
                        r.name.clone(),
                    ));
                }
            }
        }
    }
    // A joined party's fields come from two files: say which from which.
    let ename = file_name(ecfr);
    let field = |field: &str, file: &str| crate::model::FieldSource {
        field: field.to_string(),
        file: file.to_string(),
        as_of: super::date_in_name(file).unwrap_or_default(),
    };
    let joined: std::sync::Arc<[crate::model::FieldSource]> = [
        field("name", &ename),
        field("aliases", &ename),
        field("addresses", &ename),
        field("license_requirement", &rname),
        field("license_policy", &rname),
        field("federal_register_notice", &rname),
        field("start_date", &rname),
    ]
    .into_iter()
    .collect();
    for (pi, s) in eout.parties.iter_mut().enumerate() {
        let p = &mut s.party;
        match partner.get(pi).copied().flatten().and_then(|i| csl.get(i)) {
            Some(r) => {
                report.joined += 1;
                p.provenance = joined.clone();
                p.license_requirement = r.req.clone();
                p.license_policy = r.policy.clone();
                if !r.fr.is_empty() {
                    p.federal_register_notice = r.fr.clone();
                }
                if !r.start.is_empty() {
                    p.start_date = r.start.clone();
                }
            }
            None => report.ecfr_only.push((s.line, p.name.clone())),
        }
    }
    for (r, &u) in csl.iter().zip(&used) {
        rtally.kept += 1;
        if u {
            continue;
        }
        report.csl_only.push((r.line, r.name.clone()));
        let mut p = Party::new(
            ListId::El,
            PartyType::Entity,
            derived_id(ListId::El, &r.name, ""),
            r.name.clone(),
        );
        p.license_requirement = r.req.clone();
        p.license_policy = r.policy.clone();
        p.federal_register_notice = r.fr.clone();
        p.start_date = r.start.clone();
        set_official_urls(&mut p);
        eout.parties.push(Sourced {
            party: p,
            file: rname.clone(),
            line: r.line,
        });
    }
    eout.files.push(rtally);
    super::dedupe_derived_ids(&mut eout.parties);
    Ok((eout, report))
}

/// Join key with accents folded ("Şirketi" = "Sirketi"), `&` read as "and"
/// and no spaces ("32Group" = "32 Group").
fn loose_key(name: &str) -> String {
    prefix_key(name).replace(' ', "")
}

/// Lower-case ASCII words (accents folded, `&` read as "and").
fn prefix_key(name: &str) -> String {
    join_key(&deunicode::deunicode(&name.replace('&', " and ")))
}

/// Whether one key is the other followed by more words (shorter at least 5 bytes).
fn word_prefix(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 5
        && long
            .strip_prefix(short)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_fr_citation_takes_a_lone_dated_citation_apart() {
        assert_eq!(
            split_fr_citation("86 FR 60760, 11/4/21"),
            ("86 FR 60760".to_string(), "2021-11-04".to_string())
        );
        assert_eq!(
            split_fr_citation("76 FR 71869, 11/21/11. 81 FR 1, 1/1/16").1,
            ""
        );
    }

    #[test]
    fn repair_split_moves_alias_text_out_of_name_and_address() {
        assert_eq!(
            repair_split(
                "Gazprom Neft (a.k.a. Gazprom Neft OAO",
                "Address: Let. A. Galernaya, 5"
            ),
            (
                "Gazprom Neft".to_string(),
                vec!["Gazprom Neft OAO".to_string()],
                "Let. A. Galernaya, 5".to_string()
            )
        );
        assert_eq!(
            repair_split(
                "Sabanican Company (a.k.a.",
                "Sabanican Pad Co.), Unit #23, Tehran"
            ),
            (
                "Sabanican Company".to_string(),
                vec!["Sabanican Pad Co.".to_string()],
                "Unit #23, Tehran".to_string()
            )
        );
        assert_eq!(
            repair_split(
                "WEARFORM (MNC GROUP INTERNATIONAL",
                "INC.), 3334 WALNUT BEND LANE"
            ),
            (
                "WEARFORM (MNC GROUP INTERNATIONAL, INC.)".to_string(),
                vec![],
                "3334 WALNUT BEND LANE".to_string()
            )
        );
        assert_eq!(
            repair_split("SHUTTLE LONG CO", "LTD., KA WAH BANK CENTER"),
            (
                "SHUTTLE LONG CO, LTD.".to_string(),
                vec![],
                "KA WAH BANK CENTER".to_string()
            )
        );
        assert_eq!(
            repair_split("NSO Group", "22 Galgalei Haplada"),
            (
                "NSO Group".to_string(),
                vec![],
                "22 Galgalei Haplada".to_string()
            )
        );
    }

    #[test]
    fn entity_lines_finds_each_object() {
        let s = b"{\"a\": [1],\n \"entities\": [\n {\"name\": \"x]\"},\n {\"name\": \"y\",\n \"z\": [1,2]}\n]}";
        assert_eq!(entity_lines(s), vec![3, 4]);
    }
}
