//! Issue 7, on the real files: the 2026-08-20 SDN list in the default
//! dataset, the six lists beyond the CSL, one party one result, `build
//! --input` by content, `diff`, and the per-file accounting.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use entity_screen::dataset::build::{build, build_default, BuildInputs, BuildReport};
use entity_screen::dataset::diff::diff;
use entity_screen::{Dataset, ListId, Screener, SearchOptions};
use serde_json::Value;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn src(rel: &str) -> PathBuf {
    data_dir().join("sources").join(rel)
}

fn screener() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::from_bytes(entity_screen::dataset::EMBEDDED).unwrap())
}

/// The embedded dataset's records, owned.
fn dataset() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| Dataset::embedded().unwrap())
}

fn cli(args: &[&str], stdin: &str) -> (bool, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_entity-screen"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let o = child.wait_with_output().unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// ent_nums and names of an SDN file: the names CSV (header) or the legacy
/// `sdn.csv` (no header).
fn sdn_ids(rel: &str, header: bool) -> Vec<(String, String)> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(header)
        .flexible(true)
        .from_path(src(rel))
        .unwrap();
    r.byte_records()
        .map(|x| x.unwrap())
        .filter(|x| x.len() > 2)
        .map(|x| {
            (
                String::from_utf8_lossy(&x[0]).trim().to_string(),
                String::from_utf8_lossy(&x[1]).trim().to_string(),
            )
        })
        .collect()
}

#[test]
fn info_shows_sdn_as_of_2026_08_20_and_the_six_new_lists_with_their_counts() {
    let (ok, out, err) = cli(&["info"], "");
    assert!(ok, "{err}");
    let block = |code: &str| -> String {
        let start = out
            .find(&format!("\n{code} "))
            .unwrap_or_else(|| panic!("{code} in info:\n{out}"));
        out[start + 1..].split("\n\n").next().unwrap().to_string()
    };
    let sdn = block("SDN");
    assert!(sdn.contains("19249 parties, as of 2026-08-20"), "{sdn}");
    for (code, n) in [
        ("UFLPA", 148),
        ("1260H", 80),
        ("1286", 134),
        ("FCC", 15),
        ("CBP", 67),
        ("EO14032", 59),
    ] {
        let b = block(code);
        assert!(b.contains(&format!("{n} parties, as of")), "{b}");
        let list = ListId::from_code(code).unwrap();
        // Official name, meaning and URL are shown, from the one definition.
        assert!(b.contains(list.official_name()), "{b}");
        assert!(b.contains(list.meaning()), "{b}");
        assert!(b.contains(list.official_url()), "{b}");
    }
    assert!(block("UFLPA").contains(
        "UFLPA: goods from this entity are presumed made with forced labour and barred from US import"
    ));
}

#[test]
fn every_list_has_its_metadata_and_a_place_in_the_severity_order() {
    let sorted: BTreeSet<ListId> = ListId::BY_SEVERITY.into_iter().collect();
    assert_eq!(sorted.len(), ListId::ALL.len());
    assert_eq!(ListId::BY_SEVERITY[0], ListId::Sdn);
    for l in ListId::ALL {
        assert_eq!(ListId::from_code(l.code()), Some(l));
        assert!(l.meaning().starts_with(&format!("{}: ", l.code())), "{l:?}");
        assert!(l.official_url().starts_with("https://"), "{l:?}");
        assert!(!l.official_name().is_empty() && !l.agency().is_empty());
    }
}

#[test]
fn gazprombank_gives_one_result_with_sdn_first_among_its_lists() {
    let (ok, out, err) = cli(&["search", "--json"], "Gazprombank\n");
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let matches = v["matches"].as_array().unwrap();
    let gpb: Vec<&Value> = matches
        .iter()
        .filter(|m| {
            m["lists"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l["id"] == "17016")
        })
        .collect();
    assert_eq!(gpb.len(), 1, "one result for ent_num 17016: {matches:#?}");
    let m = gpb[0];
    assert_eq!(m, &matches[0], "it is the first result");
    assert_eq!(m["name"], "GAZPROMBANK JOINT STOCK COMPANY");
    assert_eq!(m["source"], "SDN");
    let codes: Vec<&str> = m["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["SDN", "SSI", "MBS"]);
    // Each list keeps its own record.
    for l in m["lists"].as_array().unwrap() {
        assert_eq!(l["record"]["list"], l["code"]);
    }
}

#[test]
fn sdn_fields_say_which_file_and_date_they_came_from() {
    let d = dataset();
    let p = d
        .parties
        .iter()
        .find(|p| p.list == ListId::Sdn && p.id == "17016")
        .unwrap();
    let from = |field: &str| {
        p.provenance
            .iter()
            .find(|f| f.field == field)
            .map(|f| (f.file.as_str(), f.as_of.as_str()))
    };
    assert_eq!(
        from("name"),
        Some(("ofac_sdn_names_2026-08-20.csv", "2026-08-20"))
    );
    assert_eq!(from("addresses"), Some(("sdn_add_2025-12.csv", "2025-12")));
    // Not on the SDN list in May 2024 (it was put there in November 2024):
    // no remarks from that file.
    assert_eq!(from("remarks"), None);
    assert!(!p.addresses.is_empty() && p.remarks.is_empty());
    let pt = d
        .parties
        .iter()
        .find(|p| p.list == ListId::Sdn && p.id == "31455")
        .unwrap();
    let prov: Vec<(&str, &str)> = pt
        .provenance
        .iter()
        .map(|f| (f.field.as_str(), f.as_of.as_str()))
        .collect();
    assert!(prov.contains(&("remarks", "2024-05-03")), "{prov:?}");
    assert!(prov.contains(&("aliases", "2026-08-20")), "{prov:?}");
    // A joined Entity List entry: names from the eCFR, licence fields from
    // the CSL rows.
    let nso = d
        .parties
        .iter()
        .find(|p| p.list == ListId::El && p.name == "NSO Group")
        .unwrap();
    let prov: Vec<(&str, &str)> = nso
        .provenance
        .iter()
        .map(|f| (f.field.as_str(), f.file.as_str()))
        .collect();
    assert!(prov.contains(&("name", "bis_entity_list_ecfr_2026-07.json")));
    assert!(prov.contains(&("license_policy", "csl_entity_list_rows_2026-07-27.json")));
    // And in --json, inside the record.
    let (_, out, _) = cli(&["search", "--json", "--limit", "1"], "Gazprombank\n");
    let v: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let prov = &v["matches"][0]["record"]["provenance"];
    assert!(prov
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["field"] == "addresses" && f["as_of"] == "2025-12"));
}

#[test]
fn a_renamed_sdn_party_keeps_its_new_name_without_the_old_details() {
    let d = dataset();
    let p = d
        .parties
        .iter()
        .find(|p| p.list == ListId::Sdn && p.id == "44259")
        .unwrap();
    assert_eq!(p.name, "T-BANK");
    assert!(
        p.remarks.is_empty(),
        "the 2024 remarks were of JSC TINKOFF BANK"
    );
}

#[test]
fn parties_delisted_since_may_2024_are_not_found() {
    let now: BTreeSet<String> = sdn_ids("ofac/ofac_sdn_names_2026-08-20.csv", true)
        .into_iter()
        .map(|x| x.0)
        .collect();
    let then = sdn_ids("ofac/sdn_2024-05-03.csv", false);
    let gone: Vec<&(String, String)> = then.iter().filter(|(id, _)| !now.contains(id)).collect();
    assert_eq!(gone.len(), 1008);
    let d = dataset();
    let sdn: BTreeSet<&str> = d
        .parties
        .iter()
        .filter(|p| p.list == ListId::Sdn)
        .map(|p| p.id.as_str())
        .collect();
    assert!(gone.iter().all(|(id, _)| !sdn.contains(id.as_str())));
    // Searched by name, none comes back as an SDN listing with its ent_num.
    let opts = SearchOptions::default();
    for (id, name) in gone.iter().step_by(10) {
        for m in screener().search(name, &opts) {
            assert!(
                !m.lists.iter().any(|l| l.code == "SDN" && l.id == id),
                "{id} {name} was delisted"
            );
        }
    }
}

#[test]
fn parties_designated_in_2025_and_2026_are_found() {
    let then: BTreeSet<String> = sdn_ids("ofac/sdn_2024-05-03.csv", false)
        .into_iter()
        .map(|x| x.0)
        .collect();
    let july: BTreeSet<String> = sdn_ids("ofac/ofac_sdn_names_2026-07-23.csv", true)
        .into_iter()
        .map(|x| x.0)
        .collect();
    let now = sdn_ids("ofac/ofac_sdn_names_2026-08-20.csv", true);
    // Listed between the two 2026 files (July-August 2026), and listed since
    // May 2024 with an ent_num the Dec 2025 address file has (2024-2025).
    let add_2025: BTreeSet<String> = std::fs::read_to_string(src("ofac/sdn_add_2025-12.csv"))
        .unwrap()
        .lines()
        .filter_map(|l| l.split(',').next().map(str::to_string))
        .collect();
    let new_2026: Vec<&(String, String)> =
        now.iter().filter(|(id, _)| !july.contains(id)).collect();
    let new_2025: Vec<&(String, String)> = now
        .iter()
        .filter(|(id, _)| !then.contains(id) && july.contains(id) && add_2025.contains(id))
        .collect();
    assert_eq!(new_2026.len(), 103);
    assert!(new_2025.len() > 1000, "{}", new_2025.len());
    let d = dataset();
    let sdn: BTreeSet<(&str, &str)> = d
        .parties
        .iter()
        .filter(|p| p.list == ListId::Sdn)
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    for (id, name) in new_2026.iter().chain(new_2025.iter()) {
        assert!(sdn.contains(&(id.as_str(), name.as_str())), "{id} {name}");
    }
    // Searched by their listed names: every 2026 one is found; of those of
    // 2024-2025, a few whose names are only legal forms, common words and
    // single letters ("M K A", "NEW ENERGY") are not, a matching question
    // (the weak-words rule of `score`), not a data one.
    let opts = SearchOptions::default();
    let found = |(id, name): &&(String, String)| {
        screener()
            .search(name, &opts)
            .iter()
            .any(|m| m.lists.iter().any(|l| l.code == "SDN" && l.id == id))
    };
    let missed: Vec<&&(String, String)> = new_2026.iter().filter(|x| !found(x)).collect();
    assert!(missed.is_empty(), "{missed:?}");
    let sample: Vec<&(String, String)> = new_2025.iter().step_by(5).copied().collect();
    let missed: Vec<&&(String, String)> = sample.iter().filter(|x| !found(x)).collect();
    assert!(
        missed.len() * 100 <= sample.len(),
        "{} of {} not found: {missed:?}",
        missed.len(),
        sample.len()
    );
}

#[test]
fn the_four_2021_11_04_parties_are_still_first_with_86_fr_60760() {
    let opts = SearchOptions::default();
    for q in [
        "NSO Group",
        "Candiru",
        "Positive Technologies",
        "Computer Security Initiative Consultancy PTE. LTD.",
    ] {
        let r = screener().search(q, &opts);
        let first = r.first().unwrap_or_else(|| panic!("{q}: no result"));
        let el = first
            .lists
            .iter()
            .find(|l| l.code == "EL")
            .unwrap_or_else(|| panic!("{q}: first result not on EL"));
        let record = el.record.as_ref().unwrap();
        assert_eq!(record.federal_register_notice, "86 FR 60760", "{q}");
        assert_eq!(record.start_date, "2021-11-04", "{q}");
    }
}

#[test]
fn same_name_listings_merge_within_a_department_and_show_as_also_on_across() {
    let r = screener().search(
        "Hangzhou Hikvision Digital Technology",
        &SearchOptions::default(),
    );
    // NS-CMIC and the E.O. 14032 Annex (both Treasury, both China): one result.
    let cmic = r
        .iter()
        .find(|m| m.lists.iter().any(|l| l.code == "CMIC"))
        .unwrap();
    let codes: Vec<&str> = cmic.lists.iter().map(|l| l.code).collect();
    assert_eq!(codes, ["CMIC", "EO14032"]);
    // The Entity List (Commerce) and 1260H (Defense) listings are not merged
    // into it, but shown with the reason.
    for code in ["EL", "1260H"] {
        let a = cmic
            .also_on
            .iter()
            .find(|a| a.code == code)
            .unwrap_or_else(|| panic!("also on {code}"));
        assert!(a.reason.contains("another department"), "{}", a.reason);
    }
}

/// How many results of a search for `query` are the party named `name`,
/// and the listings of the first of them.
fn results_named(query: &str, name: &str) -> (usize, Vec<(&'static str, String)>) {
    let r = screener().search(query, &SearchOptions::default());
    let named: Vec<_> = r.iter().filter(|m| m.name == name).collect();
    let listings = named.first().map_or(Vec::new(), |m| {
        m.lists.iter().map(|l| (l.code, l.id.to_string())).collect()
    });
    (named.len(), listings)
}

#[test]
fn a_party_one_list_files_more_than_once_is_one_result() {
    // Filed under China, the Netherlands, Pakistan, Singapore, South Korea
    // and Turkey, each entry referring to the others' addresses.
    let (n, listings) = results_named("Kedacom", "Suzhou Keda Technology Co., Ltd.");
    assert_eq!(n, 1, "{listings:?}");
    // The result is in every country it is filed under.
    let r = screener().search("Kedacom", &SearchOptions::default());
    assert_eq!(r[0].countries, ["CN", "NL", "PK", "SG", "KR", "TR"]);
    assert_eq!(listings.len(), 6, "{listings:?}");
    assert!(
        listings.iter().all(|(code, _)| *code == "EL"),
        "{listings:?}"
    );
    // CBP's 1995 Withhold Release Order and its 1996 Finding on one
    // facility (same name, same address): one result, two entries.
    let (n, listings) = results_named(
        "Tianjin Malleable Iron Factory",
        "Tianjin Malleable Iron Factory",
    );
    assert_eq!((n, listings.len()), (1, 2), "{listings:?}");
    // Two same-name Entity List entries that do not refer to each other stay
    // two results: a name alone is no proof of one party.
    let (n, _) = results_named("Wong Yung Fai", "Wong Yung Fai");
    assert_eq!(n, 2);
}

#[test]
fn list_specific_fields_are_read() {
    let d = dataset();
    let on = |l: ListId| d.parties.iter().filter(move |p| p.list == l);
    let statuses: BTreeSet<&str> = on(ListId::Cbp).map(|p| p.status.as_str()).collect();
    assert_eq!(
        statuses,
        [
            "Active",
            "Inactive-Pending Litigation",
            "Partially Modified"
        ]
        .into_iter()
        .collect()
    );
    assert!(on(ListId::Fcc).all(|p| !p.equipment.is_empty()));
    let qihoo = on(ListId::Sec1260h)
        .find(|p| p.name == "360 Security Technology, Inc.")
        .unwrap();
    assert_eq!(qihoo.federal_register_notice, "91 FR 35189");
    assert_eq!(qihoo.federal_register_date, "2026-06-10");
    let uflpa = on(ListId::Uflpa).next().unwrap();
    assert_eq!(uflpa.start_date, "2022-06-21");
    assert_eq!(uflpa.addresses[0].country, "CN");
}

fn assert_accounted(report: &BuildReport) {
    for f in &report.files {
        assert_eq!(
            f.rows,
            f.kept + f.superseded + f.filtered + f.skipped,
            "{}: {f:?}",
            f.file
        );
    }
}

#[test]
fn every_row_of_every_file_is_accounted_for() {
    let (_, report) = build_default(&data_dir()).unwrap();
    assert_accounted(&report);
    let sdn = report.sdn.unwrap();
    assert_eq!(sdn.parties, 19249);
    assert!(sdn.with_addresses > 15000, "{}", sdn.with_addresses);
    assert!(sdn.with_remarks > 13000, "{}", sdn.with_remarks);
    let (_, report) = build(&BuildInputs {
        inputs: vec![
            src("csl/csl_consolidated_2022-04.csv"),
            src("ofac/ofac_sdn_names_2026-08-20.csv"),
            src("ofac/sdn_add_2025-12.csv"),
            src("ofac/sdn_2024-05-03.csv"),
            src("dhs/dhs_uflpa_entity_list_2026-07-09.json"),
        ],
        lists: Some(vec![ListId::Sdn, ListId::El, ListId::Uflpa, ListId::Cap]),
        ..Default::default()
    })
    .unwrap();
    assert_accounted(&report);
    let csl = report
        .files
        .iter()
        .find(|f| f.file == "csl_consolidated_2022-04.csv")
        .unwrap();
    assert_eq!(
        csl.superseded, 10026,
        "its SDN rows: the names file is newer"
    );
    assert!(csl.filtered > 0 && csl.kept > 0);
}

#[test]
fn build_input_tells_the_kinds_apart_by_content() {
    let (d, report) = build(&BuildInputs {
        inputs: vec![
            src("ofac/ofac_sdn_names_2026-08-20.csv"),
            src("cbp/cbp_wro_findings_2026-06-23.json"),
            src("bis/bis_entity_list_ecfr_2026-07.json"),
            src("bis/csl_entity_list_rows_2026-07-27.json"),
            src("ofac/cons_prim_2025-12.csv"),
            src("ofac/cons_alt_2025-12.csv"),
        ],
        ..Default::default()
    })
    .unwrap();
    let codes: Vec<&str> = d.lists.iter().map(|l| l.list.code()).collect();
    assert_eq!(
        codes,
        ["EL", "SDN", "SSI", "PLC", "CMIC", "CAP", "MBS", "FSE", "CBP"]
    );
    assert!(report.el_join.is_some());
    // No address file with the names file, none next to cons_prim: said.
    assert!(report
        .warnings
        .iter()
        .any(|w| w.contains("no add.csv") && w.contains("no addresses")));
    assert!(report
        .warnings
        .iter()
        .any(|w| w.contains("no cons_add.csv next to cons_prim_2025-12.csv")));
    assert_accounted(&report);
}

#[test]
fn an_ofac_folder_without_alt_and_add_builds_with_a_warning_naming_them() {
    let dir = std::env::temp_dir().join(format!("es-ofac-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(src("ofac/sdn_2024-05-03.csv"), dir.join("sdn.csv")).unwrap();
    let (d, report) = build(&BuildInputs {
        ofac_dirs: vec![dir.clone()],
        ..Default::default()
    })
    .unwrap();
    assert_eq!(d.lists[0].count, 14965);
    for missing in ["no alt.csv next to sdn.csv", "no add.csv next to sdn.csv"] {
        assert!(
            report.warnings.iter().any(|w| w.contains(missing)),
            "{missing}: {:?}",
            report.warnings
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_header_only_or_empty_file_is_an_error_not_an_empty_list() {
    let dir = std::env::temp_dir().join(format!("es-empty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let csl_header = std::fs::read_to_string(src("csl/csl_sample_2025-06.csv")).unwrap();
    let cases = [
        (
            "consolidated.csv",
            csl_header.lines().next().unwrap().to_string() + "\n",
        ),
        (
            "names.csv",
            "uid,name,type,programs,alternate_names\r\n".to_string(),
        ),
        ("empty.csv", String::new()),
        (
            "uflpa.json",
            "{\"list_id\": \"dhs-uflpa\", \"entities\": []}".to_string(),
        ),
    ];
    for (name, text) in cases {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        let e = build(&BuildInputs {
            inputs: vec![p],
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.to_string().contains("no data rows"), "{name}: {e}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_repeated_source_id_within_a_list_is_merged_and_reported() {
    // The April 2022 CSL lists CAP ent_num 15268 twice.
    let (d, report) = build(&BuildInputs {
        csl: vec![src("csl/csl_consolidated_2022-04.csv")],
        lists: Some(vec![ListId::Cap]),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(d.parties.iter().filter(|p| p.id == "15268").count(), 1);
    assert!(report
        .skipped
        .iter()
        .any(|s| s.reason.contains("repeats a source id") && s.detail.starts_with("15268 ")));
    assert_accounted(&report);
}

fn names_dataset(rel: &str) -> Dataset {
    build(&BuildInputs {
        inputs: vec![src(rel)],
        ..Default::default()
    })
    .unwrap()
    .0
}

#[test]
fn diff_of_the_two_sdn_names_files_has_103_added_and_108_removed() {
    let old = names_dataset("ofac/ofac_sdn_names_2026-07-23.csv");
    let new = names_dataset("ofac/ofac_sdn_names_2026-08-20.csv");
    let d = diff(&old, &new);
    assert_eq!(d.lists.len(), 1);
    assert_eq!(d.lists[0].list, "SDN");
    assert_eq!(d.lists[0].added.len(), 103);
    assert_eq!(d.lists[0].removed.len(), 108);
    assert!(!d.lists[0].changed.is_empty());

    // The same through the command line, in its JSON form.
    let dir = std::env::temp_dir().join(format!("es-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("old.esd"), dir.join("new.esd"));
    std::fs::write(&a, old.to_bytes()).unwrap();
    std::fs::write(&b, new.to_bytes()).unwrap();
    let (ok, out, err) = cli(
        &["diff", a.to_str().unwrap(), b.to_str().unwrap(), "--json"],
        "",
    );
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let top: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(top, ["lists"]);
    let l = &v["lists"][0];
    assert_eq!(l["list"], "SDN");
    assert_eq!(l["added"].as_array().unwrap().len(), 103);
    assert_eq!(l["removed"].as_array().unwrap().len(), 108);
    let e = &l["added"][0];
    assert!(e["id"].is_string() && e["name"].is_string());
    let (ok, text, _) = cli(&["diff", a.to_str().unwrap(), b.to_str().unwrap()], "");
    assert!(ok);
    assert!(
        text.starts_with("SDN     103 added, 108 removed, "),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn info_json_gives_every_list_with_its_metadata_for_the_ui() {
    let (ok, out, err) = cli(&["info", "--json"], "");
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let order: Vec<&str> = v["severity_order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(order.first(), Some(&"SDN"));
    assert_eq!(order.len(), 19);
    let lists = v["lists"].as_array().unwrap();
    assert_eq!(lists.len(), 19);
    let uflpa = lists.iter().find(|l| l["code"] == "UFLPA").unwrap();
    assert_eq!(uflpa["count"], 148);
    assert_eq!(uflpa["department"], "Homeland Security");
    assert_eq!(
        uflpa["official_url"],
        "https://www.dhs.gov/uflpa-entity-list"
    );
    for l in lists {
        for key in [
            "name",
            "official_name",
            "agency",
            "department",
            "official_url",
            "meaning",
            "severity",
            "as_of",
            "count",
            "sources",
        ] {
            assert!(!l[key].is_null(), "{key} of {}", l["code"]);
        }
    }
}
