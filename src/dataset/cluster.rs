//! One party, one result: which listings of a dataset are the same party
//! (computed once, at build time, and stored in the dataset as
//! [`Party::group`] and [`Party::also`]).
//!
//! Listings are merged into one cluster only on strong evidence:
//!
//! 1. the same source id on lists of one department (OFAC gives a party one
//!    ent_num on every Treasury list: Gazprombank is 17016 on SDN, SSI and
//!    MBS);
//! 2. the same normalised primary name ([`crate::normalize::normalize`], the
//!    crate's one normaliser) and a shared address country, on two
//!    different lists of one department ([`ListId::department`]): e.g. the
//!    NS-CMIC and E.O. 14032 listings of one Chinese company;
//! 3. the same normalised primary name on one list, where one listing's
//!    address says the party has "alternate addresses under" a country of
//!    the other. The Entity List files a party under each country it has
//!    an address in and cross-refers them so: Suzhou Keda Technology is six
//!    entries (China, the Netherlands, Pakistan, Singapore, South Korea,
//!    Turkey), each pointing at the other five;
//! 4. the same normalised primary name on one list with the same addresses
//!    (equal and not empty): CBP files an order and its later Finding on
//!    one facility as two entries (Tianjin Malleable Iron Factory, China:
//!    the 1995 WRO and the 1996 Finding), the DPL one denial order per
//!    person and address.
//!
//! Same-name entries of one list with neither stay apart.
//!
//! Listings with the same normalised primary name that these rules do not
//! merge (another department's list, or no shared country) are not merged:
//! a name alone is no proof of the same party. Each records the other's
//! cluster in [`Party::also`], and a result shows them as "also on ...",
//! with the reason.
//!
//! A cluster's id is the index of its first party in dataset order, so the
//! ids are deterministic and a decoder can check them (see
//! [`super::format`]).

use std::collections::BTreeMap;

use crate::model::{ListId, Party};
use crate::normalize::normalize;

fn find(parent: &mut [u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        let up = parent[parent[i as usize] as usize];
        parent[i as usize] = up;
        i = up;
    }
    i
}

fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    // The smaller index is the root: a cluster's id is its first party.
    let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
    parent[hi as usize] = lo;
}

fn shares_country(a: &Party, b: &Party) -> bool {
    let ca = a.countries();
    b.countries().iter().any(|c| ca.contains(c))
}

/// The countries a listing's addresses refer to as "(See alternate
/// addresses under Pakistan, Singapore, and Turkey)", as ISO-2 codes; a
/// name the country table does not know is skipped.
fn alternate_countries(p: &Party) -> Vec<&'static str> {
    const MARK: &str = "alternate address";
    let mut out = Vec::new();
    for a in &p.addresses {
        let lower = a.text.to_lowercase();
        let mut rest = lower.as_str();
        while let Some(at) = rest.find(MARK) {
            rest = &rest[at + MARK.len()..];
            let Some(under) = rest.find("under") else {
                break;
            };
            // The note runs to its closing parenthesis (or the end).
            let note = &rest[under + "under".len()..];
            let note = note.split(')').next().unwrap_or(note);
            for part in note.split([',', ';']).flat_map(|s| s.split(" and ")) {
                let part = part.trim().trim_end_matches('.').trim();
                let part = part.strip_prefix("and ").unwrap_or(part);
                if let Some(c) = crate::country::code(part) {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
        }
    }
    out
}

/// Sets [`Party::group`] and [`Party::also`] of every party (see the module
/// docs). Deterministic: depends only on the parties and their order.
pub fn assign(parties: &mut [Party]) {
    let n = parties.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    // Rule 1: same source id within a department.
    let mut by_id: BTreeMap<(&str, &str), u32> = BTreeMap::new();
    for (i, p) in parties.iter().enumerate() {
        if p.id.is_empty() {
            continue;
        }
        let key = (p.list.department(), p.id.as_str());
        match by_id.get(&key) {
            Some(&first) => union(&mut parent, first, i as u32),
            None => {
                by_id.insert(key, i as u32);
            }
        }
    }
    // Rule 2: same normalised name, shared country, another list of the
    // same department. Rules 3 and 4: same normalised name on one list,
    // cross-referred by an "alternate addresses under ..." note, or at the
    // same addresses.
    let keys: Vec<String> = parties.iter().map(|p| normalize(&p.name)).collect();
    let mut by_name: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        if !k.is_empty() {
            by_name.entry(k.as_str()).or_default().push(i as u32);
        }
    }
    let referred: Vec<Vec<&'static str>> = parties.iter().map(alternate_countries).collect();
    let refers = |from: u32, to: &Party| {
        to.countries()
            .iter()
            .any(|c| referred[from as usize].contains(c))
    };
    for members in by_name.values() {
        for (x, &a) in members.iter().enumerate() {
            for &b in members.iter().skip(x + 1) {
                let (pa, pb) = (&parties[a as usize], &parties[b as usize]);
                let one_party = if pa.list == pb.list {
                    (!pa.addresses.is_empty() && pa.addresses == pb.addresses)
                        || refers(a, pb)
                        || refers(b, pa)
                } else {
                    pa.list.department() == pb.list.department() && shares_country(pa, pb)
                };
                if one_party {
                    union(&mut parent, a, b);
                }
            }
        }
    }
    for i in 0..n as u32 {
        let g = find(&mut parent, i);
        parties[i as usize].group = g;
        parties[i as usize].also.clear();
    }
    // Same name on another list, not merged: "also on".
    for members in by_name.values() {
        for (x, &a) in members.iter().enumerate() {
            for &b in members.iter().skip(x + 1) {
                let (pa, pb) = (&parties[a as usize], &parties[b as usize]);
                if pa.group == pb.group || pa.list == pb.list {
                    continue;
                }
                let (ga, gb) = (pa.group, pb.group);
                for (i, g) in [(a, gb), (b, ga)] {
                    let also = &mut parties[i as usize].also;
                    if let Err(at) = also.binary_search(&g) {
                        also.insert(at, g);
                    }
                }
            }
        }
    }
}

/// Why two same-name listings were not merged, in words.
pub fn not_merged_reason(a: ListId, b: ListId) -> String {
    if a.department() != b.department() {
        format!(
            "same name as listed by {} on {}; not merged: another department, and a name alone does not prove the same party",
            b.agency(),
            b.code()
        )
    } else {
        format!(
            "same name on {}; not merged: no address country in common",
            b.code()
        )
    }
}

/// The lists of a cluster's members, most severe first (by
/// [`ListId::severity`]), each once.
pub fn lists_by_severity(members: impl IntoIterator<Item = ListId>) -> Vec<ListId> {
    let mut v: Vec<ListId> = members.into_iter().collect();
    v.sort_by_key(|l| l.severity());
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Address, PartyType};

    fn entry(name: &str, country: &str, text: &str) -> Party {
        let mut p = Party::new(
            ListId::El,
            PartyType::Entity,
            format!("EL-{country}"),
            name.to_string(),
        );
        p.addresses.push(Address {
            text: text.to_string(),
            country: country.to_string(),
        });
        p
    }

    #[test]
    fn alternate_addresses_note_names_its_countries() {
        let p = entry(
            "Suzhou Keda Technology Co., Ltd.",
            "NL",
            "Groenhof 344, Amstelveen, The Netherlands. (See alternate addresses under China, Pakistan, Singapore, South Korea, and Turkey)",
        );
        assert_eq!(alternate_countries(&p), ["CN", "PK", "SG", "KR", "TR"]);
        let one = entry(
            "X",
            "AF",
            "Kabul, Afghanistan. (See alternate addresses under Pakistan).",
        );
        assert_eq!(alternate_countries(&one), ["PK"]);
        assert!(alternate_countries(&entry("X", "CN", "Beijing, China")).is_empty());
    }

    #[test]
    fn same_name_entries_of_one_list_merge_only_when_cross_referred_or_at_one_address() {
        let mut ps = vec![
            entry(
                "Keda Co., Ltd.",
                "CN",
                "Suzhou, China. (See alternate address under Turkey)",
            ),
            entry("Keda Co. Ltd", "TR", "Istanbul, Turkey"),
            // Same name, a country the note does not name: not merged.
            entry("Keda Co., Ltd.", "PK", "Karachi, Pakistan"),
            // Same name, no note at all, on the same list: not merged.
            entry("Veteran Avia LLC", "AM", "Yerevan, Armenia"),
            entry("Veteran Avia LLC", "GR", "Athens, Greece"),
            // Same name, same address: an order and its Finding.
            entry("Yunnan Machinery", "CN", ""),
            entry("Yunnan Machinery", "CN", ""),
        ];
        let none = Party::new(
            ListId::El,
            PartyType::Entity,
            "x".into(),
            "No Address Co".into(),
        );
        // Same name, no address at all: nothing says it is one party.
        ps.push(none.clone());
        ps.push(none);
        // Distinct source ids: rule 1 must not be what merges them.
        for (i, p) in ps.iter_mut().enumerate() {
            p.id = format!("id{i}");
        }
        assign(&mut ps);
        let groups: Vec<u32> = ps.iter().map(|p| p.group).collect();
        assert_eq!(groups, [0, 0, 2, 3, 4, 5, 5, 7, 8]);
        // One list: not "also on" each other either.
        assert!(ps.iter().all(|p| p.also.is_empty()));
    }
}
