//! OFAC legacy CSV sets: the SDN list (`sdn.csv`, `alt.csv`, `add.csv`,
//! `sdn_comments.csv`) and the consolidated non-SDN list (`cons_prim.csv`,
//! `cons_alt.csv`, `cons_add.csv`, `cons_comments.csv`).
//!
//! No header; `-0-` (often `-0- `) means empty; CRLF; the last line is a
//! lone 0x1A (DOS end-of-file) byte, which is not a row. Columns:
//!
//! | file      | columns |
//! |-----------|---------|
//! | primary   | 12: ent_num, name, type, programs, title, call_sign, vessel_type, tonnage, GRT, vessel_flag, vessel_owner, remarks |
//! | alt       | 5: ent_num, alt_num, alt_type, alt_name, alt_remarks |
//! | add       | 6: ent_num, add_num, address, city/state/postal, country, add_remarks |
//! | comments  | 2: ent_num, remarks overflow (appended to the remarks as is: it continues mid-word) |
//!
//! Programs are written `NPWMD] [CYBER2` (the brackets of the official
//! display minus the outer pair). Companion rows whose ent_num has no primary
//! row are reported as skipped.
//!
//! From the remarks, the simple items go to their own fields (the full
//! remarks are kept): `DOB`, `POB`, `nationality`, `citizen`, identity
//! documents of the kinds in [`ID_KINDS`] (`Passport 123 (Russia)`), and
//! `a.k.a. 'X'` names not already in `alt.csv`.
//!
//! ## Which non-SDN list a `cons_prim.csv` row is on
//!
//! The legacy CSV has no list column; the list follows from the programs
//! (and remarks). Mapping, verified against `csl_consolidated_2022-04.csv`
//! (the same ent_num appears there with its `source`), see [`non_sdn_lists`]:
//!
//! | rule                                                       | list | check against the 2022 CSL |
//! |------------------------------------------------------------|------|----------------------------|
//! | program `NS-PLC`                                           | PLC  | 78 of 78 rows agree |
//! | program `CMIC-EO13959`                                     | CMIC | 68 of 68 |
//! | program `UKRAINE-EO13662`                                  | SSI  | 290 of 290 |
//! | program `561-Related`; or remarks naming "EO 14024 Directive 2)" (the Russia-related CAPTA directive) | CAP | 14 of 15: Bank of Kunlun and 13 Sberbank-group rows; Sberbank of Russia itself (17018) was not CAP in the 2022 CSL though its remarks carry a Directive 2 listing date |
//! | program `CAATSA - RUSSIA`; or `RUSSIA-EO14024` without `UKRAINE-EO13662`; or remarks naming "EO 14024 Directive 3)" or "Directive 4)" | MBS | 13 of 13 |
//! | program `BURMA-EO14014` or `ILLICIT-DRUGS-EO14059`         | MBS  | listed after 2022, not checkable: both carry menu-based directive / EO information in the remarks |
//! | program starting `FSE-`                                    | FSE  | no such row in the 2025 file |
//!
//! A row can be on several lists (SSI and MBS: Gazprombank, ...; SSI and
//! CAP: Sberbank subsidiaries) and then gives one party per list. Overall 414
//! of the 440 rows also in the 2022 CSL get exactly its lists; the other 26
//! differ in CAP only: Sberbank of Russia (above) and 25 VTB/VEB-group SSI
//! entities the 2022 CSL also put on CAP, which the 2025 legacy CSV gives no
//! mark that tells them apart from SSI-only rows (they are on SSI only).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{
    decode_field, file_name, first_byte, read_bytes, set_official_urls, CsvRecords, FileTally,
    ReadError, ReadOutput, Skipped, Sourced,
};
use crate::country;
use crate::model::{Address, IdDocument, ListId, Party, PartyType, Vessel};

/// Which legacy set a primary file belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfacKind {
    /// `sdn.csv` and companions: every row is on the SDN list.
    Sdn,
    /// `cons_prim.csv` and companions: non-SDN lists, by program.
    NonSdn,
}

/// The files of one legacy set. Only the primary file is required.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfacFiles {
    pub kind: OfacKind,
    pub primary: PathBuf,
    pub alt: Option<PathBuf>,
    pub add: Option<PathBuf>,
    pub comments: Option<PathBuf>,
}

impl OfacFiles {
    /// Every file of the set, primary first.
    pub fn paths(&self) -> Vec<&Path> {
        let mut v = vec![self.primary.as_path()];
        for p in [&self.alt, &self.add, &self.comments].into_iter().flatten() {
            v.push(p.as_path());
        }
        v
    }
}

/// Identity-document kinds read out of the remarks (`KIND NUMBER (Country)`).
pub const ID_KINDS: &[&str] = &[
    "Passport",
    "National ID No.",
    "Tax ID No.",
    "Identification Number",
    "Cedula No.",
    "Registration Number",
    "Registration ID",
    "Business Registration Number",
    "Commercial Registry Number",
    "Company Number",
    "Public Registration Number",
    "Unified Social Credit Code (USCC)",
    "Legal Entity Number",
    "Government Gazette Number",
    "Driver's License No.",
    "Personal ID Card",
    "Residency Number",
    "Citizen's Card Number",
    "Trade License No.",
    "V.A.T. Number",
    "C.U.R.P.",
    "R.F.C.",
    "NIT #",
    "RUC #",
    "SWIFT/BIC",
    "D-U-N-S Number",
    "Vessel Registration Identification",
    "MMSI",
    "Aircraft Tail Number",
    "Aircraft Manufacturer's Serial Number (MSN)",
    "Stateless Person Passport",
    "Diplomatic Passport",
    "Birth Certificate Number",
    "SSN",
    "Kenyan ID No.",
    "Bosnian Personal ID No.",
    "Italian Fiscal Code",
    "Matricula Mercantil No",
    "Folio Mercantil No.",
];

/// The non-SDN lists a `cons_prim.csv` row is on (see the module docs for
/// the mapping and its check against the 2022 CSL).
pub fn non_sdn_lists(programs: &[String], remarks: &str) -> Vec<ListId> {
    let has = |p: &str| programs.iter().any(|x| x == p);
    let mut lists = Vec::new();
    if has("UKRAINE-EO13662") {
        lists.push(ListId::Ssi);
    }
    if has("NS-PLC") {
        lists.push(ListId::Plc);
    }
    if has("CMIC-EO13959") {
        lists.push(ListId::Cmic);
    }
    if has("561-Related") || remarks.contains("EO 14024 Directive 2)") {
        lists.push(ListId::Cap);
    }
    if has("CAATSA - RUSSIA")
        || (has("RUSSIA-EO14024") && !has("UKRAINE-EO13662"))
        || remarks.contains("EO 14024 Directive 3)")
        || remarks.contains("EO 14024 Directive 4)")
        || has("BURMA-EO14014")
        || has("ILLICIT-DRUGS-EO14059")
    {
        lists.push(ListId::Mbs);
    }
    if programs.iter().any(|p| p.starts_with("FSE-")) {
        lists.push(ListId::Fse);
    }
    lists
}

/// One row of a legacy file: line and cleaned cells.
pub(crate) struct Row {
    pub(crate) line: u64,
    pub(crate) cells: Vec<String>,
}

/// Reads one headerless legacy file, checking every row has `expected` cells.
pub(crate) fn read_rows(path: &Path, expected: usize, what: &str) -> Result<Vec<Row>, ReadError> {
    let shown = path.display().to_string();
    let bytes = read_bytes(path)?;
    match first_byte(&bytes) {
        Some(b'{') | Some(b'[') => {
            return Err(ReadError::WrongKind {
                file: shown,
                line: 1,
                expected: format!("an OFAC legacy {what}"),
                found: "JSON".into(),
            })
        }
        Some(b'e') | Some(b'E')
            if bytes.starts_with(b"ent_num") || bytes.starts_with(b"Ent_num") =>
        {
            return Err(ReadError::WrongKind {
                file: shown,
                line: 1,
                expected: format!("an OFAC legacy {what} (no header row)"),
                found: "a header row".into(),
            })
        }
        _ => {}
    }
    let mut records = CsvRecords::new(&bytes, &shown, false, expected)?.skipping_eof_byte();
    let mut rows = Vec::new();
    while let Some((line, rec)) = records.next_record()? {
        let cells = rec.iter().map(|f| clean(&decode_field(f))).collect();
        rows.push(Row { line, cells });
    }
    Ok(rows)
}

/// The vessel cells of a primary row (sdn.csv / cons_prim.csv columns 6 to 11).
pub(crate) fn vessel_of(row: &Row) -> Vessel {
    Vessel {
        call_sign: cell(row, 5).to_string(),
        vessel_type: cell(row, 6).to_string(),
        gross_tonnage: cell(row, 7).to_string(),
        gross_registered_tonnage: cell(row, 8).to_string(),
        flag: cell(row, 9).to_string(),
        owner: cell(row, 10).to_string(),
    }
}

/// A companion file of a legacy set (aliases, addresses, comments): rows
/// that each add to the party of their ent_num.
pub(crate) struct Companion<'a> {
    pub(crate) path: &'a Path,
    /// Cells in every row.
    pub(crate) width: usize,
    /// What the file is, for errors ("address file (add.csv)").
    pub(crate) what: &'a str,
    /// The skip reason of a row whose ent_num no party has.
    pub(crate) unmatched: &'a str,
}

/// Reads a companion file and hands each row to `merge` with the party of
/// its ent_num (`parties[index[ent_num]]`). A row with no such party, or one
/// `merge` refuses (`Err(reason)`), is pushed to `skipped`; the tally
/// accounts for every row.
pub(crate) fn read_companion<T>(
    file: Companion<'_>,
    index: &BTreeMap<u64, usize>,
    parties: &mut [T],
    skipped: &mut Vec<Skipped>,
    mut merge: impl FnMut(&Row, &mut T) -> Result<(), &'static str>,
) -> Result<FileTally, ReadError> {
    let name = file_name(file.path);
    let rows = read_rows(file.path, file.width, file.what)?;
    super::require_rows(file.path, rows.len(), file.what)?;
    let mut t = FileTally {
        file: name.clone(),
        rows: rows.len(),
        ..Default::default()
    };
    for row in &rows {
        let num = ent_num(file.path, row)?;
        let Some(p) = index.get(&num).and_then(|&i| parties.get_mut(i)) else {
            t.skipped += 1;
            skipped.push(Skipped {
                file: name.clone(),
                line: row.line,
                reason: file.unmatched.to_string(),
                detail: format!("ent_num {num}"),
            });
            continue;
        };
        match merge(row, p) {
            Ok(()) => t.kept += 1,
            Err(reason) => {
                t.skipped += 1;
                skipped.push(Skipped {
                    file: name.clone(),
                    line: row.line,
                    reason: reason.into(),
                    detail: format!("ent_num {num}"),
                });
            }
        }
    }
    Ok(t)
}

/// Trims and maps OFAC's `-0-` to empty.
fn clean(s: &str) -> String {
    let t = s.trim();
    if t == "-0-" {
        String::new()
    } else {
        t.to_string()
    }
}

pub(crate) fn cell(row: &Row, i: usize) -> &str {
    row.cells.get(i).map(String::as_str).unwrap_or("")
}

pub(crate) fn ent_num(path: &Path, row: &Row) -> Result<u64, ReadError> {
    let v = cell(row, 0);
    v.parse().map_err(|_| ReadError::BadValue {
        file: path.display().to_string(),
        line: row.line,
        field: "ent_num".into(),
        value: v.to_string(),
        expected: "a number".into(),
    })
}

/// A primary row being assembled.
struct Primary {
    party: Party,
    line: u64,
}

/// Reads one legacy set (see the module docs).
pub fn read_ofac(files: &OfacFiles) -> Result<ReadOutput, ReadError> {
    let mut out = ReadOutput::default();
    let pname = file_name(&files.primary);
    let prim_rows = read_rows(&files.primary, 12, "primary file (sdn.csv / cons_prim.csv)")?;
    super::require_rows(&files.primary, prim_rows.len(), "OFAC primary file")?;
    let mut tally = FileTally {
        file: pname.clone(),
        rows: prim_rows.len(),
        ..Default::default()
    };
    let mut primaries: Vec<Primary> = Vec::with_capacity(prim_rows.len());
    let mut index: BTreeMap<u64, usize> = BTreeMap::new();
    for row in &prim_rows {
        let num = ent_num(&files.primary, row)?;
        let name = cell(row, 1).to_string();
        if let Some(&first) = index.get(&num) {
            // The same party twice: its name and programs join the first row.
            let first_line = primaries.get(first).map_or(0, |p| p.line);
            if let Some(fp) = primaries.get_mut(first) {
                let fp = &mut fp.party;
                if !name.is_empty() && name != fp.name && !fp.aliases.contains(&name) {
                    fp.aliases.push(name.clone());
                }
                for g in cell(row, 3).split("] [") {
                    let g = g.trim().trim_matches(|c| c == '[' || c == ']').trim();
                    if !g.is_empty() && !fp.programs.iter().any(|x| x == g) {
                        fp.programs.push(g.to_string());
                    }
                }
            }
            tally.skipped += 1;
            out.skipped.push(Skipped {
                file: pname.clone(),
                line: row.line,
                reason: "duplicate ent_num: merged into its first row".into(),
                detail: format!("ent_num {num}, first at line {first_line}"),
            });
            continue;
        }
        if name.is_empty() {
            tally.skipped += 1;
            out.skipped.push(Skipped {
                file: pname.clone(),
                line: row.line,
                reason: "empty name".into(),
                detail: String::new(),
            });
            continue;
        }
        let t = cell(row, 2);
        let party_type = if t.is_empty() {
            PartyType::Entity
        } else {
            PartyType::parse(t).ok_or_else(|| ReadError::BadValue {
                file: files.primary.display().to_string(),
                line: row.line,
                field: "SDN_Type".into(),
                value: t.to_string(),
                expected: "individual, vessel, aircraft or -0-".into(),
            })?
        };
        let list = match files.kind {
            OfacKind::Sdn => ListId::Sdn,
            OfacKind::NonSdn => ListId::Ssi, // placeholder: set per list below
        };
        let mut p = Party::new(list, party_type, num.to_string(), name);
        p.programs = cell(row, 3)
            .split("] [")
            .map(|s| {
                s.trim()
                    .trim_matches(|c| c == '[' || c == ']')
                    .trim()
                    .to_string()
            })
            .filter(|s| !s.is_empty())
            .collect();
        p.title = cell(row, 4).to_string();
        let vessel = vessel_of(row);
        if party_type == PartyType::Vessel || vessel != Vessel::default() {
            p.vessel = Some(vessel);
        }
        p.remarks = cell(row, 11).to_string();
        index.insert(num, primaries.len());
        primaries.push(Primary {
            party: p,
            line: row.line,
        });
    }

    // Companions: each row merges into its primary or is reported.
    let companions: [(&Option<PathBuf>, usize, &str); 3] = [
        (&files.alt, 5, "alias file (alt.csv / cons_alt.csv)"),
        (&files.add, 6, "address file (add.csv / cons_add.csv)"),
        (
            &files.comments,
            2,
            "comments file (sdn_comments.csv / cons_comments.csv)",
        ),
    ];
    let shown_dir = files
        .primary
        .parent()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    let (alt_name, add_name) = match files.kind {
        OfacKind::Sdn => ("alt.csv", "add.csv"),
        OfacKind::NonSdn => ("cons_alt.csv", "cons_add.csv"),
    };
    if files.alt.is_none() {
        out.warnings.push(format!(
            "{shown_dir}: no {alt_name} next to {pname}: the parties of {pname} have no aliases except those written in their remarks"
        ));
    }
    if files.add.is_none() {
        out.warnings.push(format!(
            "{shown_dir}: no {add_name} next to {pname}: the parties of {pname} have no addresses, so no country (a --country filter finds none of them)"
        ));
    }
    let mut files_tallies = Vec::new();
    for (which, (path, width, what)) in companions.iter().enumerate() {
        let Some(path) = path else { continue };
        let t = read_companion(
            Companion {
                path,
                width: *width,
                what,
                unmatched: &format!("no primary row for this ent_num in {pname}"),
            },
            &index,
            &mut primaries,
            &mut out.skipped,
            |row, primary| {
                let p = &mut primary.party;
                match which {
                    0 => {
                        let alias = cell(row, 3);
                        if alias.is_empty() {
                            return Err("alias row with no name");
                        }
                        p.aliases.push(alias.to_string());
                    }
                    1 => match address_of(row) {
                        Some(a) => p.addresses.push(a),
                        None => return Err("address row with no address"),
                    },
                    _ => {
                        let more = cell(row, 1);
                        p.remarks.push_str(more);
                        if more.is_empty() {
                            return Err("comment row with no text");
                        }
                    }
                }
                Ok(())
            },
        )?;
        files_tallies.push(t);
    }

    for prim in primaries {
        let mut p = prim.party;
        parse_remarks(&mut p);
        let lists = match files.kind {
            OfacKind::Sdn => vec![ListId::Sdn],
            OfacKind::NonSdn => non_sdn_lists(&p.programs, &p.remarks),
        };
        if lists.is_empty() {
            tally.skipped += 1;
            out.skipped.push(Skipped {
                file: pname.clone(),
                line: prim.line,
                reason: "no non-SDN list known for these programs".into(),
                detail: p.programs.join("; "),
            });
            continue;
        }
        tally.kept += 1;
        for list in lists {
            let mut q = p.clone();
            q.list = list;
            set_official_urls(&mut q);
            out.parties.push(Sourced {
                party: q,
                file: pname.clone(),
                line: prim.line,
            });
        }
    }
    out.files.push(tally);
    out.files.extend(files_tallies);
    Ok(out)
}

pub(crate) fn address_of(row: &Row) -> Option<Address> {
    let street = cell(row, 2);
    let city = cell(row, 3);
    let country_text = cell(row, 4);
    let remarks = cell(row, 5);
    let code = country::code(country_text).unwrap_or("");
    let mut parts: Vec<&str> = [street, city]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if code.is_empty() && !country_text.is_empty() {
        parts.push(country_text);
    }
    if !remarks.is_empty() {
        parts.push(remarks);
    }
    if parts.is_empty() && code.is_empty() {
        return None;
    }
    Some(Address {
        text: parts.join(", "),
        country: code.to_string(),
    })
}

/// Moves the simple items of the remarks into their fields (see module docs).
pub fn parse_remarks(p: &mut Party) {
    let remarks = p.remarks.clone();
    let remarks = remarks.trim().trim_end_matches('.');
    for item in remarks.split("; ") {
        let item = item.trim();
        let item = item.strip_prefix("alt. ").unwrap_or(item).trim();
        if let Some(v) = item.strip_prefix("DOB ") {
            push_unique(&mut p.dates_of_birth, v);
        } else if let Some(v) = item.strip_prefix("POB ") {
            push_unique(&mut p.places_of_birth, v);
        } else if let Some(v) = item.strip_prefix("nationality ") {
            push_unique(&mut p.nationalities, v);
        } else if let Some(v) = item.strip_prefix("citizen ") {
            push_unique(&mut p.citizenships, v);
        } else if let Some(v) = ["a.k.a. ", "f.k.a. ", "n.k.a. "]
            .iter()
            .find_map(|k| item.strip_prefix(k))
        {
            let name = v.trim().trim_matches('\'').trim();
            if !name.is_empty()
                && !p.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
                && !p.name.eq_ignore_ascii_case(name)
            {
                p.aliases.push(name.to_string());
            }
        } else if let Some(kind) = ID_KINDS
            .iter()
            .filter(|k| item.starts_with(&format!("{k} ")))
            .max_by_key(|k| k.len())
        {
            let rest = item.get(kind.len()..).unwrap_or("").trim();
            let (number, country) = match (rest.rfind(" ("), rest.ends_with(')')) {
                (Some(i), true) => (
                    rest.get(..i).unwrap_or(rest).trim(),
                    rest.get(i + 2..rest.len() - 1).unwrap_or("").trim(),
                ),
                _ => (rest, ""),
            };
            if !number.is_empty() {
                p.ids.push(IdDocument {
                    kind: (*kind).to_string(),
                    number: number.to_string(),
                    country: country.to_string(),
                });
            }
        }
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if !s.is_empty() && !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// The role of a file in an OFAC directory, from its official name
/// (`sdn.csv`, `alt.csv`, `cons_prim.csv`, any case) or our dated name
/// (`sdn_2024-05-03.csv`, `sdn_alt_2025-12.csv`, `cons_prim_2025-12.csv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    SdnPrimary,
    SdnAlt,
    SdnAdd,
    SdnComments,
    ConsPrimary,
    ConsAlt,
    ConsAdd,
    ConsComments,
}

/// The roles of each legacy set's files: its kind, its primary file, and
/// its companions alt, add and comments, in that order (defined once: both
/// [`find_sets`] and the dataset build pair files by it).
pub const SET_ROLES: [(OfacKind, Role, [Role; 3]); 2] = [
    (
        OfacKind::Sdn,
        Role::SdnPrimary,
        [Role::SdnAlt, Role::SdnAdd, Role::SdnComments],
    ),
    (
        OfacKind::NonSdn,
        Role::ConsPrimary,
        [Role::ConsAlt, Role::ConsAdd, Role::ConsComments],
    ),
];

/// See [`Role`]; `None` for files that are not part of a legacy CSV set.
pub fn role_of(file_name: &str) -> Option<Role> {
    let lower = file_name.to_ascii_lowercase();
    let stem = lower.strip_suffix(".csv")?;
    let stem = match super::date_in_name(stem) {
        Some(d) => stem
            .strip_suffix(d.as_str())
            .and_then(|s| s.strip_suffix('_'))
            .unwrap_or(stem),
        None => stem,
    };
    Some(match stem {
        "sdn" => Role::SdnPrimary,
        "alt" | "sdn_alt" => Role::SdnAlt,
        "add" | "sdn_add" => Role::SdnAdd,
        "sdn_comments" => Role::SdnComments,
        "cons_prim" => Role::ConsPrimary,
        "cons_alt" => Role::ConsAlt,
        "cons_add" => Role::ConsAdd,
        "cons_comments" => Role::ConsComments,
        _ => return None,
    })
}

/// Finds the legacy sets in a directory. Two files with the same role are an
/// error (which one is meant?); a companion without its primary is an error.
pub fn find_sets(dir: &Path) -> Result<Vec<OfacFiles>, ReadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| ReadError::Io {
        file: dir.display().to_string(),
        message: e.to_string(),
    })?;
    let mut by_role: BTreeMap<Role, PathBuf> = BTreeMap::new();
    let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    for path in names {
        let Some(role) = role_of(&file_name(&path)) else {
            continue;
        };
        if let Some(prev) = by_role.get(&role) {
            return Err(ReadError::WrongKind {
                file: path.display().to_string(),
                line: 0,
                expected: "one file per role in the OFAC directory".into(),
                found: format!("a second {role:?} file besides {}", prev.display()),
            });
        }
        by_role.insert(role, path);
    }
    let mut sets = Vec::new();
    for (kind, prim, [alt, add, com]) in SET_ROLES {
        match by_role.get(&prim) {
            Some(primary) => sets.push(OfacFiles {
                kind,
                primary: primary.clone(),
                alt: by_role.get(&alt).cloned(),
                add: by_role.get(&add).cloned(),
                comments: by_role.get(&com).cloned(),
            }),
            None => {
                if let Some(orphan) = [alt, add, com].iter().find_map(|r| by_role.get(r)) {
                    return Err(ReadError::WrongKind {
                        file: orphan.display().to_string(),
                        line: 0,
                        expected: "a companion file next to its primary file".into(),
                        found: format!("no {prim:?} file in {}", dir.display()),
                    });
                }
            }
        }
    }
    Ok(sets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_of_reads_official_and_dated_names() {
        assert_eq!(role_of("sdn.csv"), Some(Role::SdnPrimary));
        assert_eq!(role_of("SDN.CSV"), Some(Role::SdnPrimary));
        assert_eq!(role_of("sdn_2024-05-03.csv"), Some(Role::SdnPrimary));
        assert_eq!(role_of("sdn_alt_2025-12.csv"), Some(Role::SdnAlt));
        assert_eq!(role_of("alt.csv"), Some(Role::SdnAlt));
        assert_eq!(
            role_of("cons_comments_2025-12.csv"),
            Some(Role::ConsComments)
        );
        assert_eq!(role_of("ofac_nscmic_2026-07.json"), None);
    }

    #[test]
    fn parse_remarks_fills_simple_fields() {
        let mut p = Party::new(
            ListId::Sdn,
            PartyType::Individual,
            "1".into(),
            "X, Y".into(),
        );
        p.remarks = "DOB 12 Feb 1961; POB Port-au-Prince, Haiti; nationality Haiti; Gender Male; Passport AB123 (Haiti); alt. Passport CD456; a.k.a. 'Sweet Micky'.".into();
        parse_remarks(&mut p);
        assert_eq!(p.dates_of_birth, ["12 Feb 1961"]);
        assert_eq!(p.places_of_birth, ["Port-au-Prince, Haiti"]);
        assert_eq!(p.nationalities, ["Haiti"]);
        assert_eq!(p.aliases, ["Sweet Micky"]);
        assert_eq!(p.ids.len(), 2);
        assert_eq!(p.ids[0].country, "Haiti");
        assert_eq!(p.ids[1].number, "CD456");
    }
}
