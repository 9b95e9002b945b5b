//! The readers on the real source files in `data/sources`, and on small bad
//! inputs in `tests/data/bad`: every row is kept or reported, and a file of
//! the wrong shape is an error naming the file and the line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use entity_screen::read::csl::{self, read_csl};
use entity_screen::read::json::{read_entity_list, read_json_list};
use entity_screen::read::ofac::{find_sets, read_ofac, OfacFiles, OfacKind};
use entity_screen::read::{ReadError, ReadOutput};
use entity_screen::{ListId, PartyType};

fn src(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/sources")
        .join(rel)
}

fn bad(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/bad")
        .join(rel)
}

/// Every file's rows = kept + skipped, and the skipped list agrees per file.
fn assert_accounted(out: &ReadOutput) {
    for f in &out.files {
        let listed = out.skipped.iter().filter(|s| s.file == f.file).count();
        assert_eq!(f.rows, f.kept + f.skipped, "{f:?}");
        assert_eq!(
            f.skipped, listed,
            "{}: tally vs listed skipped rows",
            f.file
        );
    }
}

fn tally(out: &ReadOutput, file: &str) -> (usize, usize, usize) {
    let f = out.files.iter().find(|f| f.file == file).expect(file);
    (f.rows, f.kept, f.skipped)
}

/// Data lines of a headerless OFAC file: CRLF lines minus the 0x1A line.
fn ofac_lines(rel: &str) -> usize {
    let text = std::fs::read(src(rel)).unwrap();
    text.split(|&b| b == b'\n')
        .filter(|l| !l.is_empty() && *l != b"\x1a")
        .count()
}

#[test]
fn csl_2022_reader_keeps_all_14160_rows_with_the_readme_counts() {
    let out = read_csl(&src("csl/csl_consolidated_2022-04.csv")).unwrap();
    assert_accounted(&out);
    assert_eq!(
        tally(&out, "csl_consolidated_2022-04.csv"),
        (14160, 14160, 0)
    );
    let mut by_list: BTreeMap<ListId, usize> = BTreeMap::new();
    for s in &out.parties {
        *by_list.entry(s.party.list).or_default() += 1;
    }
    let want = [
        (ListId::Sdn, 10026),
        (ListId::El, 2001),
        (ListId::Dtc, 727),
        (ListId::Dpl, 462),
        (ListId::Ssi, 290),
        (ListId::Uvl, 201),
        (ListId::Isn, 163),
        (ListId::Plc, 78),
        (ListId::Meu, 71),
        (ListId::Cmic, 68),
        (ListId::Cap, 53),
        (ListId::Mbs, 17),
        (ListId::Fse, 3),
    ];
    for (l, n) in want {
        assert_eq!(by_list.get(&l).copied(), Some(n), "{l:?}");
    }
}

#[test]
fn csl_2022_and_2025_headers_are_the_same_29_columns() {
    for f in [
        "csl/csl_consolidated_2022-04.csv",
        "csl/csl_sample_2025-06.csv",
    ] {
        let text = std::fs::read_to_string(src(f)).unwrap();
        let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
        assert_eq!(header, csl::COLUMNS, "{f}");
    }
}

#[test]
fn csl_2022_ids_are_country_first_and_2025_ids_kind_first() {
    let old = read_csl(&src("csl/csl_consolidated_2022-04.csv")).unwrap();
    let p = old
        .parties
        .iter()
        .map(|s| &s.party)
        .find(|p| p.id == "9935")
        .expect("'ABD AL-RAZZIQ");
    let passport = p.ids.iter().find(|i| i.kind == "Passport").unwrap();
    assert_eq!(
        (passport.number.as_str(), passport.country.as_str()),
        ("BC166787", "CA")
    );

    let new = read_csl(&src("csl/csl_sample_2025-06.csv")).unwrap();
    let p = new
        .parties
        .iter()
        .map(|s| &s.party)
        .find(|p| p.id == "52291")
        .expect("RIM, Ryong Nam");
    let passport = p.ids.iter().find(|i| i.kind == "Passport").unwrap();
    assert_eq!(
        (passport.number.as_str(), passport.country.as_str()),
        ("836238033", "KP")
    );
    assert_eq!(p.party_type, PartyType::Individual);
    assert_eq!(p.addresses.len(), 2);
    assert_eq!(p.addresses[1].country, "KP");
}

#[test]
fn csl_2025_sample_reads_all_13_rows_and_strips_the_and_of_aliases() {
    let out = read_csl(&src("csl/csl_sample_2025-06.csv")).unwrap();
    assert_accounted(&out);
    assert_eq!(tally(&out, "csl_sample_2025-06.csv"), (13, 13, 0));
    let cetc = out
        .parties
        .iter()
        .map(|s| &s.party)
        .find(|p| {
            p.name
                .starts_with("China Electronics Technology Group Corporation 13th")
        })
        .unwrap();
    assert_eq!(cetc.list, ListId::El);
    assert_eq!(cetc.aliases.last().unwrap(), "CETC Research Institute 13");
    assert!(cetc.aliases.iter().all(|a| !a.starts_with("and ")));
    assert_eq!(cetc.addresses.len(), 3);
    assert!(cetc.addresses.iter().all(|a| a.country == "CN"));
    assert_eq!(cetc.start_date, "2018-08-01");
    assert!(cetc.source_list_url.starts_with("https://www.bis.doc.gov/"));
}

#[test]
fn csl_aliases_with_commas_stay_whole_and_short_links_become_official_urls() {
    let out = read_csl(&src("csl/csl_consolidated_2022-04.csv")).unwrap();
    let p = out
        .parties
        .iter()
        .map(|s| &s.party)
        .find(|p| p.id == "31455")
        .expect("JSC Positive Technologies in the 2022 CSL");
    assert!(
        p.aliases.iter().any(|a| a == "POZITIV TEKNOLODZHIZ, AO"),
        "{:?}",
        p.aliases
    );
    assert!(out
        .parties
        .iter()
        .all(|s| !s.party.source_list_url.contains("bit.ly")));
}

#[test]
fn ofac_sdn_reader_accounts_for_every_row_of_every_file() {
    let set = OfacFiles {
        kind: OfacKind::Sdn,
        primary: src("ofac/sdn_2024-05-03.csv"),
        alt: Some(src("ofac/sdn_alt_2025-12.csv")),
        add: Some(src("ofac/sdn_add_2025-12.csv")),
        comments: Some(src("ofac/sdn_comments_2025-12.csv")),
    };
    let out = read_ofac(&set).unwrap();
    assert_accounted(&out);
    assert_eq!(out.parties.len(), 14965);
    for f in [
        "ofac/sdn_2024-05-03.csv",
        "ofac/sdn_alt_2025-12.csv",
        "ofac/sdn_add_2025-12.csv",
        "ofac/sdn_comments_2025-12.csv",
    ] {
        let name = Path::new(f).file_name().unwrap().to_str().unwrap();
        assert_eq!(tally(&out, name).0, ofac_lines(f), "{f}");
    }
    // Companion rows of ent_nums newer than the May 2024 sdn.csv are reported.
    assert!(out
        .skipped
        .iter()
        .any(|s| s.reason == "no primary row for this ent_num in sdn_2024-05-03.csv"));
    let mut types: BTreeMap<PartyType, usize> = BTreeMap::new();
    for s in &out.parties {
        *types.entry(s.party.party_type).or_default() += 1;
    }
    assert_eq!(types.get(&PartyType::Entity), Some(&6884));
    assert_eq!(types.get(&PartyType::Individual), Some(&6854));
    assert_eq!(types.get(&PartyType::Vessel), Some(&851));
    assert_eq!(types.get(&PartyType::Aircraft), Some(&376));
}

#[test]
fn ofac_sdn_reader_splits_programs_and_reads_remarks_and_vessels() {
    let set = OfacFiles {
        kind: OfacKind::Sdn,
        primary: src("ofac/sdn_2024-05-03.csv"),
        alt: Some(src("ofac/sdn_alt_2025-12.csv")),
        add: Some(src("ofac/sdn_add_2025-12.csv")),
        comments: None,
    };
    let out = read_ofac(&set).unwrap();
    let pt = out
        .parties
        .iter()
        .map(|s| &s.party)
        .find(|p| p.id == "31455")
        .unwrap();
    assert_eq!(pt.name, "AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ");
    assert_eq!(
        pt.programs,
        ["NPWMD", "CYBER2", "CAATSA - RUSSIA", "RUSSIA-EO14024"]
    );
    assert!(pt.aliases.iter().any(|a| a == "POZITIV TEKNOLODZHIZ, AO"));
    assert_eq!(pt.addresses[0].country, "RU");
    let tax = pt.ids.iter().find(|i| i.kind == "Tax ID No.").unwrap();
    assert_eq!(
        (tax.number.as_str(), tax.country.as_str()),
        ("7718668887", "Russia")
    );
    assert!(pt.remarks.contains("Linked To: FEDERAL SECURITY SERVICE"));

    let vessels: Vec<_> = out
        .parties
        .iter()
        .map(|s| &s.party)
        .filter(|p| p.party_type == PartyType::Vessel)
        .collect();
    assert!(vessels.iter().all(|p| p.vessel.is_some()));
    assert!(vessels.iter().any(|p| p
        .vessel
        .as_ref()
        .is_some_and(|v| !v.call_sign.is_empty() && !v.flag.is_empty())));
    let people = out
        .parties
        .iter()
        .map(|s| &s.party)
        .filter(|p| p.party_type == PartyType::Individual);
    let with_dob = people
        .clone()
        .filter(|p| !p.dates_of_birth.is_empty())
        .count();
    assert!(with_dob > 5000, "{with_dob} individuals with a DOB");
    assert!(out
        .parties
        .iter()
        .all(|s| s.party.remarks != "-0-" && s.party.title != "-0-"));
}

#[test]
fn ofac_non_sdn_rows_map_to_the_lists_the_2022_csl_gives_them() {
    let set = OfacFiles {
        kind: OfacKind::NonSdn,
        primary: src("ofac/cons_prim_2025-12.csv"),
        alt: Some(src("ofac/cons_alt_2025-12.csv")),
        add: Some(src("ofac/cons_add_2025-12.csv")),
        comments: Some(src("ofac/cons_comments_2025-12.csv")),
    };
    let out = read_ofac(&set).unwrap();
    assert_accounted(&out);
    assert_eq!(tally(&out, "cons_prim_2025-12.csv"), (442, 442, 0));
    let csl = read_csl(&src("csl/csl_consolidated_2022-04.csv")).unwrap();
    let mut in_csl: BTreeMap<String, BTreeSet<ListId>> = BTreeMap::new();
    for s in &csl.parties {
        if s.party.list != ListId::Sdn {
            in_csl
                .entry(s.party.id.clone())
                .or_default()
                .insert(s.party.list);
        }
    }
    let mut ours: BTreeMap<String, BTreeSet<ListId>> = BTreeMap::new();
    for s in &out.parties {
        ours.entry(s.party.id.clone())
            .or_default()
            .insert(s.party.list);
    }
    let (mut agree, mut cap_gap) = (0, 0);
    for (id, lists) in &ours {
        let Some(want) = in_csl.get(id) else { continue };
        if lists == want {
            agree += 1;
        } else {
            // The documented gap: CAP membership (VTB/VEB group, Sberbank).
            let diff: Vec<_> = lists.symmetric_difference(want).collect();
            assert_eq!(diff, [&ListId::Cap], "ent_num {id}");
            cap_gap += 1;
        }
    }
    assert_eq!((agree, cap_gap), (414, 26));
}

#[test]
fn json_readers_keep_every_entity_of_every_file() {
    for (f, list, n) in [
        ("bis/bis_meu_ecfr_2026-07.json", ListId::Meu, 70),
        ("bis/bis_dpl_2026-04-14.json", ListId::Dpl, 564),
        ("bis/bis_entity_list_ecfr_2026-07.json", ListId::El, 3409),
        (
            "state/state_ddtc_debarred_statutory_2025-08-25.json",
            ListId::Dtc,
            779,
        ),
        (
            "state/state_ddtc_debarred_admin_2023-06-01.json",
            ListId::Dtc,
            8,
        ),
        (
            "state/state_isn_nonproliferation_2025-05.json",
            ListId::Isn,
            528,
        ),
        ("ofac/ofac_nscmic_2026-07.json", ListId::Cmic, 68),
    ] {
        let out = read_json_list(&src(f), list).unwrap();
        assert_accounted(&out);
        let name = Path::new(f).file_name().unwrap().to_str().unwrap();
        assert_eq!(tally(&out, name), (n, n, 0), "{f}");
        let ids: BTreeSet<&str> = out.parties.iter().map(|s| s.party.id.as_str()).collect();
        assert_eq!(ids.len(), n, "{f}: derived ids are unique");
        assert!(
            out.parties.iter().all(|s| s.line > 1),
            "{f}: lines are known"
        );
    }
}

#[test]
fn json_party_type_heuristic_types_ddtc_persons_as_individuals() {
    let out = read_json_list(
        &src("state/state_ddtc_debarred_statutory_2025-08-25.json"),
        ListId::Dtc,
    )
    .unwrap();
    let find = |n: &str| {
        out.parties
            .iter()
            .map(|s| &s.party)
            .find(|p| p.name == n)
            .unwrap()
    };
    assert_eq!(find("Louw, Willem").party_type, PartyType::Individual);
    assert_eq!(
        find("A & C International Trade, Inc.").party_type,
        PartyType::Entity
    );
}

#[test]
fn entity_list_join_accounts_for_both_files() {
    let (out, join) = read_entity_list(
        &src("bis/bis_entity_list_ecfr_2026-07.json"),
        &src("bis/csl_entity_list_rows_2026-07-27.json"),
    )
    .unwrap();
    assert_accounted(&out);
    assert_eq!(join.joined + join.ecfr_only.len(), 3409);
    let rows_skipped = out
        .skipped
        .iter()
        .filter(|s| s.file == "csl_entity_list_rows_2026-07-27.json")
        .count();
    assert_eq!(join.joined + join.csl_only.len() + rows_skipped, 3420);
    assert_eq!(out.parties.len(), 3409 + join.csl_only.len());
    assert!(join.joined > 3200, "joined {}", join.joined);
    let nso = out
        .parties
        .iter()
        .map(|s| &s.party)
        .find(|p| p.name == "NSO Group")
        .unwrap();
    assert_eq!(nso.federal_register_notice, "86 FR 60760");
    assert_eq!(nso.start_date, "2021-11-04");
    assert_eq!(nso.license_policy, "Presumption of denial.");
}

#[test]
fn ofac_companions_without_a_primary_and_empty_rows_are_reported() {
    let sets = find_sets(&bad("ofac_companions")).unwrap();
    assert_eq!(sets.len(), 1);
    let out = read_ofac(&sets[0]).unwrap();
    assert_accounted(&out);
    let p = &out.parties[0].party;
    assert_eq!(p.aliases, ["AERO CARIBBEAN", "AEROCARIBBEAN"]);
    assert_eq!(p.addresses.len(), 1);
    assert_eq!(p.addresses[0].country, "CU");
    assert_eq!(
        p.remarks,
        "a.k.a. 'AEROCARIBBEAN'; Website www.aerocaribbean.cu."
    );
    let reasons: Vec<(&str, u64, &str)> = out
        .skipped
        .iter()
        .map(|s| (s.file.as_str(), s.line, s.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("alt.csv", 2, "no primary row for this ent_num in sdn.csv"),
            ("alt.csv", 3, "alias row with no name"),
            ("add.csv", 2, "address row with no address"),
            (
                "sdn_comments.csv",
                2,
                "no primary row for this ent_num in sdn.csv"
            ),
        ]
    );
}

#[test]
fn csl_reader_rejects_json_naming_the_file() {
    let e = read_csl(&src("bis/bis_meu_ecfr_2026-07.json")).unwrap_err();
    assert!(matches!(e, ReadError::WrongKind { line: 1, .. }), "{e}");
    assert!(
        e.to_string().contains("bis_meu_ecfr_2026-07.json:1:"),
        "{e}"
    );
}

#[test]
fn csl_reader_rejects_an_ofac_file_as_missing_columns() {
    let e = read_csl(&src("ofac/sdn_comments_2025-12.csv")).unwrap_err();
    assert!(matches!(e, ReadError::MissingColumn { .. }), "{e}");
}

#[test]
fn csl_reader_rejects_a_missing_column() {
    let e = read_csl(&bad("csl_missing_column.csv")).unwrap_err();
    assert_eq!(
        e,
        ReadError::MissingColumn {
            file: bad("csl_missing_column.csv").display().to_string(),
            column: "license_policy".into()
        }
    );
    assert!(e.to_string().contains("csl_missing_column.csv:1:"));
}

#[test]
fn csl_reader_rejects_a_short_row_naming_its_line() {
    let e = read_csl(&bad("csl_short_row.csv")).unwrap_err();
    assert!(
        matches!(
            e,
            ReadError::ColumnCount {
                line: 4,
                found: 6,
                expected: 29,
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("csl_short_row.csv:4:"), "{e}");
}

#[test]
fn csl_reader_rejects_an_unterminated_quote_naming_its_line() {
    let e = read_csl(&bad("csl_unterminated_quote.csv")).unwrap_err();
    assert_eq!(e.line(), 3, "{e}");
    assert!(
        e.to_string().contains("csl_unterminated_quote.csv:3:"),
        "{e}"
    );
}

#[test]
fn ofac_reader_rejects_an_sdn_csv_with_11_columns() {
    let set = &find_sets(&bad("ofac_11_columns")).unwrap()[0];
    let e = read_ofac(set).unwrap_err();
    assert!(
        matches!(
            e,
            ReadError::ColumnCount {
                line: 2,
                found: 11,
                expected: 12,
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("sdn.csv:2:"), "{e}");
}

#[test]
fn ofac_reader_rejects_a_non_numeric_ent_num() {
    let set = &find_sets(&bad("ofac_bad_ent_num")).unwrap()[0];
    let e = read_ofac(set).unwrap_err();
    assert!(matches!(e, ReadError::BadValue { line: 2, .. }), "{e}");
}

#[test]
fn ofac_reader_rejects_a_csl_file_as_primary() {
    let set = OfacFiles {
        kind: OfacKind::Sdn,
        primary: src("csl/csl_sample_2025-06.csv"),
        alt: None,
        add: None,
        comments: None,
    };
    let e = read_ofac(&set).unwrap_err();
    assert!(matches!(e, ReadError::ColumnCount { line: 1, .. }), "{e}");
}

#[test]
fn ofac_directory_with_a_companion_but_no_primary_is_an_error() {
    let e = find_sets(&bad("ofac_orphan_alt")).unwrap_err();
    assert!(e.to_string().contains("alt.csv"), "{e}");
}

#[test]
fn json_reader_rejects_broken_json_naming_the_line() {
    let e = read_json_list(&bad("broken.json"), ListId::Isn).unwrap_err();
    assert!(matches!(e, ReadError::Json { line: 3, .. }), "{e}");
    assert!(e.to_string().contains("broken.json:3:"), "{e}");
}

#[test]
fn json_reader_rejects_a_file_without_entities_and_a_csv() {
    let e = read_json_list(&bad("no_entities.json"), ListId::Isn).unwrap_err();
    assert!(matches!(e, ReadError::WrongKind { .. }), "{e}");
    let e = read_json_list(&src("csl/csl_sample_2025-06.csv"), ListId::Isn).unwrap_err();
    assert!(matches!(e, ReadError::WrongKind { line: 1, .. }), "{e}");
}

#[test]
fn json_reader_rejects_a_field_of_the_wrong_type_naming_the_line() {
    let e = read_json_list(&bad("bad_country_type.json"), ListId::Isn).unwrap_err();
    assert!(matches!(e, ReadError::BadValue { line: 4, .. }), "{e}");
}

#[test]
fn json_reader_reports_an_empty_name_as_skipped() {
    let out = read_json_list(&bad("empty_name.json"), ListId::Isn).unwrap();
    assert_accounted(&out);
    assert_eq!(out.parties.len(), 1);
    assert_eq!(out.skipped.len(), 1);
    assert_eq!(
        (out.skipped[0].line, out.skipped[0].reason.as_str()),
        (3, "empty name")
    );
}

#[test]
fn json_reader_rejects_csl_entity_list_rows_given_as_a_list() {
    let e =
        read_json_list(&src("bis/csl_entity_list_rows_2026-07-27.json"), ListId::El).unwrap_err();
    assert!(matches!(e, ReadError::WrongKind { .. }), "{e}");
}
