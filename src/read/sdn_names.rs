//! The current SDN list as OFAC's names export gives it
//! (`ofac_sdn_names_2026-08-20.csv`: header `uid,name,type,programs,
//! alternate_names`, `; `-separated programs and names), enriched by ent_num
//! from older legacy files:
//!
//! * addresses from an `add.csv` (`sdn_add_2025-12.csv`);
//! * title, vessel fields and remarks (and what [`super::ofac::parse_remarks`]
//!   reads out of them: dates and places of birth, nationalities, identity
//!   documents) from an `sdn.csv` (`sdn_2024-05-03.csv`), but only where
//!   that file's primary name is still the same (by [`super::join_key`]).
//!   Where it is not, the new name is kept, the old details are not taken,
//!   and the pair is reported ([`SdnReport::renamed`]).
//!
//! The names file decides who is listed: an ent_num absent from it is gone
//! (delisted), and its rows in the older files are reported, not kept.
//! Aliases come from the names file only (the remarks' "a.k.a." names of
//! 2024 are not added), so each field has one source, recorded per party in
//! [`Party::provenance`].

use std::collections::BTreeMap;
use std::path::Path;

use super::ofac::{
    self, address_of, cell, ent_num, read_companion, read_rows, vessel_of, Companion,
};
use super::{
    decode_field, file_name, first_byte, join_key, read_bytes, require_rows, set_official_urls,
    split_semicolons, CsvRecords, FileTally, ReadError, ReadOutput, Skipped, Sourced,
};
use crate::model::{FieldSource, ListId, Party, PartyType, Vessel};

/// The names file's header.
pub const HEADER: [&str; 5] = ["uid", "name", "type", "programs", "alternate_names"];

/// A file and the date it is current as of.
#[derive(Clone, Copy, Debug)]
pub struct Dated<'a> {
    pub path: &'a Path,
    pub as_of: &'a str,
}

/// What the enrichment found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SdnReport {
    /// Parties in the result.
    pub parties: usize,
    /// Parties with at least one address.
    pub with_addresses: usize,
    /// Parties with remarks.
    pub with_remarks: usize,
    /// (ent_num, name in the details file, name now) where the names differ
    /// and the details were not taken.
    pub renamed: Vec<(u64, String, String)>,
}

/// True when `bytes` start with the names file's header.
pub fn is_names_file(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let first = String::from_utf8_lossy(first);
    let cells: Vec<&str> = first.trim_end().split(',').map(str::trim).collect();
    cells == HEADER
}

/// Reads the names file and enriches it (see the module docs).
pub fn read_sdn_names(
    names: Dated<'_>,
    addresses: Option<Dated<'_>>,
    details: Option<Dated<'_>>,
) -> Result<(ReadOutput, SdnReport), ReadError> {
    let path = names.path;
    let shown = path.display().to_string();
    let fname = file_name(path);
    let bytes = read_bytes(path)?;
    if matches!(first_byte(&bytes), Some(b'{') | Some(b'[')) {
        return Err(ReadError::WrongKind {
            file: shown,
            line: 1,
            expected: "an SDN names CSV (uid,name,type,programs,alternate_names)".into(),
            found: "JSON".into(),
        });
    }
    if !bytes.is_empty() && !is_names_file(&bytes) {
        return Err(ReadError::WrongKind {
            file: shown,
            line: 1,
            expected: "an SDN names CSV (uid,name,type,programs,alternate_names)".into(),
            found: "another header".into(),
        });
    }
    let mut out = ReadOutput::default();
    let mut tally = FileTally {
        file: fname.clone(),
        ..Default::default()
    };
    let mut parties: Vec<(Party, u64)> = Vec::new();
    let mut index: BTreeMap<u64, usize> = BTreeMap::new();
    let mut records = CsvRecords::new(&bytes, &shown, true, HEADER.len())?;
    while let Some((line, rec)) = records.next_record()? {
        tally.rows += 1;
        let get = |i: usize| rec.get(i).map(decode_field).unwrap_or_default();
        let uid = get(0);
        let num: u64 = uid.trim().parse().map_err(|_| ReadError::BadValue {
            file: shown.clone(),
            line,
            field: "uid".into(),
            value: uid.clone(),
            expected: "a number (OFAC ent_num)".into(),
        })?;
        let name = get(1).trim().to_string();
        if name.is_empty() {
            tally.skipped += 1;
            out.skipped.push(Skipped {
                file: fname.clone(),
                line,
                reason: "empty name".into(),
                detail: format!("ent_num {num}"),
            });
            continue;
        }
        let t = get(2);
        let party_type = PartyType::parse(&t).ok_or_else(|| ReadError::BadValue {
            file: shown.clone(),
            line,
            field: "type".into(),
            value: t.clone(),
            expected: "entity, individual, vessel or aircraft".into(),
        })?;
        let programs = split_semicolons(&get(3));
        let aliases = split_semicolons(&get(4));
        if let Some(&first) = index.get(&num) {
            // A repeated ent_num is the same party: merge, and say so.
            if let Some((p, first_line)) = parties.get_mut(first) {
                for a in aliases {
                    if !p.aliases.contains(&a) && a != p.name {
                        p.aliases.push(a);
                    }
                }
                for g in programs {
                    if !p.programs.contains(&g) {
                        p.programs.push(g);
                    }
                }
                tally.skipped += 1;
                out.skipped.push(Skipped {
                    file: fname.clone(),
                    line,
                    reason: "duplicate uid: merged into its first row".into(),
                    detail: format!("ent_num {num}, first at line {first_line}"),
                });
            }
            continue;
        }
        let mut p = Party::new(ListId::Sdn, party_type, num.to_string(), name);
        p.programs = programs;
        p.aliases = aliases;
        set_official_urls(&mut p);
        index.insert(num, parties.len());
        parties.push((p, line));
        tally.kept += 1;
    }
    require_rows(path, tally.rows, "SDN names file")?;
    out.files.push(tally);

    if let Some(add) = addresses {
        let t = read_companion(
            Companion {
                path: add.path,
                width: 6,
                what: "address file (add.csv)",
                unmatched: &format!("ent_num not in {fname} (delisted since)"),
            },
            &index,
            &mut parties,
            &mut out.skipped,
            |row, (p, _)| {
                p.addresses
                    .push(address_of(row).ok_or("address row with no address")?);
                Ok(())
            },
        )?;
        out.files.push(t);
    } else {
        out.warnings.push(format!(
            "no add.csv given with {fname}: the SDN parties have no addresses, so no country"
        ));
    }

    let mut report = SdnReport::default();
    if let Some(det) = details {
        let dname = file_name(det.path);
        let rows = read_rows(det.path, 12, "primary file (sdn.csv)")?;
        require_rows(det.path, rows.len(), "primary file (sdn.csv)")?;
        let mut t = FileTally {
            file: dname.clone(),
            rows: rows.len(),
            ..Default::default()
        };
        let mut seen: BTreeMap<u64, u64> = BTreeMap::new();
        for row in &rows {
            let num = ent_num(det.path, row)?;
            let old_name = cell(row, 1);
            if let Some(first) = seen.insert(num, row.line) {
                t.skipped += 1;
                out.skipped.push(Skipped {
                    file: dname.clone(),
                    line: row.line,
                    reason: "duplicate ent_num".into(),
                    detail: format!("ent_num {num}, first at line {first}"),
                });
                continue;
            }
            let Some((p, _)) = index.get(&num).and_then(|&i| parties.get_mut(i)) else {
                t.skipped += 1;
                out.skipped.push(Skipped {
                    file: dname.clone(),
                    line: row.line,
                    reason: format!("ent_num not in {fname} (delisted since)"),
                    detail: format!("ent_num {num} {old_name:?}"),
                });
                continue;
            };
            if join_key(old_name) != join_key(&p.name) {
                t.skipped += 1;
                out.skipped.push(Skipped {
                    file: dname.clone(),
                    line: row.line,
                    reason: format!(
                        "primary name changed since: details (title, vessel, remarks) not taken, the name of {fname} kept"
                    ),
                    detail: format!("ent_num {num}: {old_name:?} -> {:?}", p.name),
                });
                report
                    .renamed
                    .push((num, old_name.to_string(), p.name.clone()));
                continue;
            }
            p.title = cell(row, 4).to_string();
            let vessel = vessel_of(row);
            if vessel != Vessel::default() {
                p.vessel = Some(vessel);
            }
            p.remarks = cell(row, 11).to_string();
            // The fields read out of the remarks; aliases stay the names file's.
            let aliases = std::mem::take(&mut p.aliases);
            ofac::parse_remarks(p);
            p.aliases = aliases;
            t.kept += 1;
        }
        out.files.push(t);
    } else {
        out.warnings.push(format!(
            "no sdn.csv given with {fname}: the SDN parties have no remarks (dates of birth, identity documents), title or vessel details"
        ));
    }

    let src = |field: &str, d: Dated<'_>| FieldSource {
        field: field.to_string(),
        file: file_name(d.path),
        as_of: d.as_of.to_string(),
    };
    for (mut p, line) in parties {
        let mut prov = vec![
            src("name", names),
            src("type", names),
            src("programs", names),
        ];
        if !p.aliases.is_empty() {
            prov.push(src("aliases", names));
        }
        if let (Some(add), false) = (addresses, p.addresses.is_empty()) {
            prov.push(src("addresses", add));
            report.with_addresses += 1;
        }
        if let Some(det) = details {
            if !p.remarks.is_empty() {
                prov.push(src("remarks", det));
                report.with_remarks += 1;
            }
            if !p.title.is_empty() {
                prov.push(src("title", det));
            }
            if p.vessel.is_some() {
                prov.push(src("vessel", det));
            }
        }
        p.provenance = prov.into();
        report.parties += 1;
        out.parties.push(Sourced {
            party: p,
            file: fname.clone(),
            line,
        });
    }
    Ok((out, report))
}
