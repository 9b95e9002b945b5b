//! The embedded default dataset and the binary format: what the default
//! holds, that it is fresh (a rebuild gives its exact bytes), that encoding
//! round-trips, and that bad bytes give typed errors, never a panic.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use entity_screen::dataset::build::{build, build_default, build_default_lists, BuildInputs};
use entity_screen::dataset::format::{self, FormatError, FORMAT_VERSION, HEADER_LEN};
use entity_screen::dataset::EMBEDDED;
use entity_screen::model::{Address, IdDocument, ListInfo, SourceFile, Vessel};
use entity_screen::{Dataset, ListId, Party, PartyType};
use proptest::prelude::*;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn embedded() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| Dataset::embedded().expect("the embedded dataset decodes"))
}

fn el(name: &str) -> &'static Party {
    embedded()
        .parties
        .iter()
        .find(|p| p.list == ListId::El && p.name == name)
        .unwrap_or_else(|| panic!("{name} on the Entity List"))
}

/// The 2021-11-04 additions (86 FR 60760) as the default must show them.
fn assert_2021_11_04_listing(p: &Party, country: &str) {
    assert_eq!(p.federal_register_notice, "86 FR 60760", "{}", p.name);
    assert_eq!(p.start_date, "2021-11-04", "{}", p.name);
    assert!(
        p.license_requirement.contains("subject to the EAR")
            || p.license_requirement.contains("Subject to the EAR"),
        "{}: {}",
        p.name,
        p.license_requirement
    );
    // The CSL writes "Presumption of denial." for three of them and
    // "Presumption of denial" (no period) for Candiru.
    assert!(
        p.license_policy.starts_with("Presumption of denial"),
        "{}",
        p.name
    );
    assert_eq!(p.addresses.len(), 1, "{}", p.name);
    assert_eq!(p.addresses[0].country, country, "{}", p.name);
    assert!(!p.addresses[0].text.is_empty());
    assert_eq!(
        p.source_list_url,
        "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list"
    );
}

#[test]
fn default_dataset_has_nso_group_with_86_fr_60760() {
    let p = el("NSO Group");
    assert_2021_11_04_listing(p, "IL");
    assert_eq!(p.license_policy, "Presumption of denial.");
    assert!(p.addresses[0].text.contains("Herzliya"));
}

#[test]
fn default_dataset_has_candiru_with_seven_aliases() {
    let p = el("Candiru");
    assert_2021_11_04_listing(p, "IL");
    assert_eq!(
        p.aliases,
        [
            "Candiru Ltd.",
            "DF Associates Ltd.",
            "Grindavik Solutions Ltd.",
            "Taveta Ltd.",
            "Saito Tech Ltd.",
            "Greenwick Solutions",
            "Tabatha Ltd."
        ]
    );
}

#[test]
fn default_dataset_has_positive_technologies_in_russia() {
    let p = el("Positive Technologies");
    assert_2021_11_04_listing(p, "RU");
}

#[test]
fn default_dataset_has_coseinc_in_singapore() {
    let p = el("Computer Security Initiative Consultancy PTE. LTD.");
    assert_2021_11_04_listing(p, "SG");
    assert_eq!(p.aliases, ["COSEINC"]);
}

#[test]
fn jsc_positive_technologies_is_on_both_el_and_sdn() {
    let e = el("Aktsionernoe Obshchestvo Pozitiv Teknolodzhiz");
    assert!(e.aliases.iter().any(|a| a == "JSC Positive Technologies"));
    assert_eq!(e.federal_register_notice, "86 FR 37902");
    let s = embedded()
        .parties
        .iter()
        .find(|p| p.list == ListId::Sdn && p.id == "31455")
        .expect("ent_num 31455 on SDN");
    assert_eq!(s.name, "AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ");
    assert!(s.aliases.iter().any(|a| a == "JSC POSITIVE TECHNOLOGIES"));
    for prog in ["CYBER2", "NPWMD", "RUSSIA-EO14024", "CAATSA - RUSSIA"] {
        assert!(s.programs.iter().any(|p| p == prog), "{prog}");
    }
}

#[test]
fn default_dataset_has_all_19_lists_in_order_with_counts_and_sources() {
    let d = embedded();
    let lists: Vec<ListId> = d.lists.iter().map(|l| l.list).collect();
    assert_eq!(lists, ListId::ALL);
    for l in &d.lists {
        let n = d.parties.iter().filter(|p| p.list == l.list).count();
        assert_eq!(n, l.count as usize, "{:?}", l.list);
        assert!(!l.sources.is_empty());
        // A list is as current as its oldest source, except SDN: its names
        // file decides who is listed, the older files only add details.
        let oldest = l.sources.iter().map(|s| s.as_of.as_str()).min().unwrap();
        let expected = if l.list == ListId::Sdn {
            l.sources[0].as_of.as_str()
        } else {
            oldest
        };
        assert_eq!(l.as_of, expected, "{:?}", l.list);
        for s in &l.sources {
            assert_eq!(s.sha256.len(), 64);
        }
    }
    // Parties are grouped by list in ListId::ALL order.
    let order: Vec<u8> = d.parties.iter().map(|p| p.list.to_u8()).collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]));
    let count = |l: ListId| d.lists.iter().find(|i| i.list == l).unwrap().count;
    assert_eq!(count(ListId::Sdn), 19249);
    assert_eq!(count(ListId::Uflpa), 148);
    assert_eq!(count(ListId::Sec1260h), 80);
    assert_eq!(count(ListId::Sec1286), 134);
    assert_eq!(count(ListId::Fcc), 15);
    assert_eq!(count(ListId::Cbp), 67);
    assert_eq!(count(ListId::Eo14032), 59);
    assert_eq!(count(ListId::Dpl), 564);
    assert_eq!(count(ListId::Meu), 70);
    assert_eq!(count(ListId::Dtc), 787);
    assert_eq!(count(ListId::Isn), 528);
    assert_eq!(count(ListId::Cmic), 68);
    assert_eq!(count(ListId::Uvl), 201);
    assert!(count(ListId::El) >= 3420);
}

#[test]
fn default_dataset_source_hashes_match_the_files() {
    for l in &embedded().lists {
        for s in &l.sources {
            let dir = ["bis", "csl", "ofac", "state", "dhs", "dow", "fcc", "cbp"]
                .iter()
                .map(|d| data_dir().join("sources").join(d).join(&s.name))
                .find(|p| p.is_file())
                .unwrap_or_else(|| panic!("{} in data/sources", s.name));
            let bytes = std::fs::read(dir).unwrap();
            assert_eq!(
                s.sha256,
                entity_screen::read::sha256_hex(&bytes),
                "{}",
                s.name
            );
        }
    }
}

#[test]
fn default_dataset_urls_are_official_and_text_is_clean() {
    for p in &embedded().parties {
        assert!(
            p.source_list_url.starts_with("https://"),
            "{} {}",
            p.id,
            p.source_list_url
        );
        assert!(!p.source_list_url.contains("bit.ly"));
        assert!(!p.name.is_empty());
        for s in p.names() {
            assert!(s != "-0-" && s.trim() == s, "{:?}", s);
        }
        for a in &p.addresses {
            assert!(a.country.is_empty() || entity_screen::country::name(&a.country).is_some());
        }
    }
}

#[test]
fn default_dataset_ids_are_unique_within_each_derived_list() {
    use std::collections::BTreeSet;
    for list in [
        ListId::El,
        ListId::Dpl,
        ListId::Meu,
        ListId::Dtc,
        ListId::Isn,
        ListId::Cmic,
    ] {
        let ids: Vec<&str> = embedded()
            .parties
            .iter()
            .filter(|p| p.list == list)
            .map(|p| p.id.as_str())
            .collect();
        let set: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(set.len(), ids.len(), "{list:?}");
    }
}

#[test]
fn rebuilding_the_default_gives_the_committed_bytes() {
    let (d, report) = build_default(&data_dir()).unwrap();
    let bytes = d.to_bytes();
    assert!(
        bytes == EMBEDDED,
        "data/default.esd is stale: run `cargo run --release -- build` and commit it"
    );
    assert_eq!(d.to_bytes(), bytes, "encoding is deterministic");
    let join = report.el_join.unwrap();
    assert!(join.joined > 3200);
    // CMIC comes from the July 2026 NS-CMIC file; the cons_prim CMIC rows are reported.
    assert_eq!(
        report
            .skipped
            .iter()
            .filter(|s| s.file == "cons_prim_2025-12.csv"
                && s.reason
                    .starts_with("CMIC row superseded by newer file ofac_nscmic_2026-07.json"))
            .count(),
        68
    );
}

#[test]
fn entity_list_only_build_holds_only_the_entity_list() {
    let (d, report) = build_default_lists(&data_dir(), Some(&[ListId::El])).unwrap();
    assert_eq!(d.lists.len(), 1);
    assert_eq!(d.lists[0].list, ListId::El);
    assert_eq!(d.label, "US CSL default (data/sources), lists EL");
    assert!(d.parties.iter().all(|p| p.list == ListId::El));
    assert_eq!(d.parties.len() as u32, d.lists[0].count);
    // Only the two Entity List files were read.
    assert_eq!(report.files.len(), 2);
    assert!(report.skipped.is_empty());
    assert_eq!(Dataset::from_bytes(&d.to_bytes()).unwrap(), d);
}

#[test]
fn general_build_takes_each_list_from_the_newest_input() {
    let (d, report) = build(&BuildInputs {
        csl: vec![data_dir().join("sources/csl/csl_consolidated_2022-04.csv")],
        ofac_dirs: vec![data_dir().join("sources/ofac")],
        inputs: vec![],
        lists: None,
    })
    .unwrap();
    let from = |l: ListId| {
        d.lists
            .iter()
            .find(|i| i.list == l)
            .map(|i| i.sources[0].name.clone())
            .unwrap()
    };
    assert_eq!(from(ListId::Sdn), "sdn_2024-05-03.csv");
    assert_eq!(from(ListId::Ssi), "cons_prim_2025-12.csv");
    assert_eq!(from(ListId::El), "csl_consolidated_2022-04.csv");
    assert_eq!(from(ListId::Uvl), "csl_consolidated_2022-04.csv");
    assert!(report
        .skipped
        .iter()
        .any(|s| s.reason
            == "SDN row superseded by newer file sdn_2024-05-03.csv (as of 2024-05-03)"));
    assert!(d
        .label
        .starts_with("built from csl_consolidated_2022-04.csv"));
}

#[test]
fn general_build_with_list_reports_the_other_rows() {
    let (d, report) = build(&BuildInputs {
        csl: vec![data_dir().join("sources/csl/csl_sample_2025-06.csv")],
        ofac_dirs: vec![],
        inputs: vec![],
        lists: Some(vec![ListId::El, ListId::Ssi]),
    })
    .unwrap();
    assert_eq!(d.parties.len(), 4);
    assert_eq!(report.skipped.len(), 9);
    assert!(report
        .skipped
        .iter()
        .any(|s| s.reason == "SDN row: list not selected (--list)"));
}

#[test]
fn embedded_dataset_round_trips() {
    let d = embedded();
    let bytes = d.to_bytes();
    assert_eq!(bytes, EMBEDDED);
    assert_eq!(&Dataset::from_bytes(&bytes).unwrap(), d);
}

/// A small dataset that uses every field.
fn small() -> Dataset {
    let mut a = Party::new(
        ListId::El,
        PartyType::Entity,
        "EL-1".into(),
        "Candiru".into(),
    );
    a.aliases = vec!["Saito Tech Ltd.".into(), "Tabatha Ltd.".into()];
    a.addresses = vec![Address {
        text: "21 Haarbaa, Tel Aviv-Yafo".into(),
        country: "IL".into(),
    }];
    a.federal_register_notice = "86 FR 60760".into();
    a.start_date = "2021-11-04".into();
    a.license_policy = "Presumption of denial.".into();
    let mut b = Party::new(
        ListId::Sdn,
        PartyType::Vessel,
        "99".into(),
        "ÉTOILE 星".into(),
    );
    b.programs = vec!["IRAN".into()];
    b.ids = vec![IdDocument {
        kind: "IMO".into(),
        number: "123".into(),
        country: "".into(),
    }];
    b.dates_of_birth = vec!["1961".into()];
    b.places_of_birth = vec!["Gaza".into()];
    b.nationalities = vec!["IR".into()];
    b.citizenships = vec!["IR".into()];
    b.vessel = Some(Vessel {
        call_sign: "EPBZ".into(),
        vessel_type: "Crude Oil Tanker".into(),
        gross_tonnage: "1".into(),
        gross_registered_tonnage: "2".into(),
        flag: "Iran".into(),
        owner: "NITC".into(),
    });
    b.remarks = "Saito Tech Ltd.".into();
    Dataset {
        label: "small".into(),
        lists: vec![
            ListInfo {
                list: ListId::El,
                as_of: "2026-07".into(),
                count: 1,
                sources: vec![SourceFile {
                    name: "a.json".into(),
                    sha256: "00".into(),
                    as_of: "2026-07".into(),
                }],
            },
            ListInfo {
                list: ListId::Sdn,
                as_of: "2024-05-03".into(),
                count: 1,
                sources: vec![],
            },
        ],
        parties: vec![a, b],
    }
}

#[test]
fn small_dataset_round_trips_and_encodes_deterministically() {
    let d = small();
    let bytes = d.to_bytes();
    assert_eq!(Dataset::from_bytes(&bytes).unwrap(), d);
    assert_eq!(d.clone().to_bytes(), bytes);
}

#[test]
fn decode_rejects_empty_bytes() {
    assert_eq!(Dataset::from_bytes(&[]), Err(FormatError::Empty));
}

#[test]
fn decode_rejects_a_wrong_magic() {
    let mut b = small().to_bytes();
    b[0] = b'X';
    assert_eq!(Dataset::from_bytes(&b), Err(FormatError::BadMagic));
    assert_eq!(
        Dataset::from_bytes(b"PK\x03\x04 a zip file"),
        Err(FormatError::BadMagic)
    );
    let e = Dataset::from_bytes(b"{\"json\": true}").unwrap_err();
    assert!(e.to_string().contains("not an entity-screen dataset"));
}

#[test]
fn decode_rejects_another_version_saying_how_to_fix_it() {
    let mut b = small().to_bytes();
    // Version 1, the layout before the six non-CSL lists and clusters.
    b[8..12].copy_from_slice(&1u32.to_le_bytes());
    let e = Dataset::from_bytes(&b).unwrap_err();
    assert_eq!(
        e,
        FormatError::UnsupportedVersion {
            found: 1,
            supported: FORMAT_VERSION
        }
    );
    assert!(e.to_string().contains("rebuild"));
}

#[test]
fn decode_rejects_every_truncation() {
    let b = small().to_bytes();
    for n in 0..b.len() {
        let e = Dataset::from_bytes(&b[..n]).unwrap_err();
        match n {
            0 => assert_eq!(e, FormatError::Empty),
            _ => assert!(
                matches!(e, FormatError::Truncated { .. }),
                "prefix {n}: {e:?}"
            ),
        }
    }
}

#[test]
fn decode_rejects_trailing_bytes() {
    let mut b = small().to_bytes();
    b.push(0);
    assert!(matches!(
        Dataset::from_bytes(&b),
        Err(FormatError::TrailingBytes { .. })
    ));
}

#[test]
fn decode_rejects_every_single_bit_flip() {
    let b = small().to_bytes();
    for i in 0..b.len() {
        for bit in 0..8 {
            let mut c = b.clone();
            c[i] ^= 1 << bit;
            let e = Dataset::from_bytes(&c).unwrap_err();
            if i >= HEADER_LEN {
                assert!(
                    matches!(e, FormatError::ChecksumMismatch { .. }),
                    "byte {i}: {e:?}"
                );
            }
        }
    }
}

/// Wraps a payload in a valid header, so the payload decoder itself is tested.
fn with_header(payload: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(HEADER_LEN + payload.len());
    b.extend_from_slice(&format::MAGIC);
    b.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    b.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    b.extend_from_slice(&format::checksum(payload).to_le_bytes());
    b.extend_from_slice(payload);
    b
}

/// A file of one search section with this body (under 128 bytes), so the
/// section parser itself is tested.
fn search_file(body: &[u8]) -> Vec<u8> {
    assert!(body.len() < 128);
    let mut p = vec![1, 1, body.len() as u8];
    p.extend_from_slice(body);
    with_header(&p)
}

/// The normaliser version byte a search section must carry.
const NV: u8 = entity_screen::normalize::VERSION as u8;

#[test]
fn decode_rejects_a_huge_count_without_allocating_it() {
    // 1 string (""), normaliser version, label 0, then a list count of u64::MAX.
    let mut p = vec![1, 0, NV, 0];
    p.extend_from_slice(&[0xff; 9]);
    p.push(0x01);
    let e = Dataset::from_bytes(&search_file(&p)).unwrap_err();
    assert!(
        matches!(
            e,
            FormatError::Malformed {
                what: "list count",
                ..
            }
        ),
        "{e:?}"
    );
    // A string length beyond the payload.
    let e = Dataset::from_bytes(&search_file(&[1, 0xff, 0xff, 0xff, 0x7f])).unwrap_err();
    assert!(matches!(e, FormatError::Malformed { .. }), "{e:?}");
}

#[test]
fn decode_rejects_invalid_utf8_and_bad_string_ids() {
    let e = Dataset::from_bytes(&search_file(&[2, 0, 1, 0xff, NV, 0, 0])).unwrap_err();
    assert!(
        matches!(
            e,
            FormatError::Malformed {
                what: "string bytes (not UTF-8)",
                ..
            }
        ),
        "{e:?}"
    );
    let e = Dataset::from_bytes(&search_file(&[1, 0, NV, 7, 0, 0])).unwrap_err();
    assert!(
        matches!(e, FormatError::Malformed { what: "label", .. }),
        "{e:?}"
    );
}

#[test]
fn decode_checks_list_counts_against_parties() {
    let mut d = small();
    d.lists[0].count = 2;
    let e = Dataset::from_bytes(&d.to_bytes()).unwrap_err();
    assert!(matches!(e, FormatError::Malformed { .. }), "{e:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn decode_never_panics_on_random_bytes(b in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = Dataset::from_bytes(&b);
    }

    #[test]
    fn decode_never_panics_on_random_payloads(p in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = Dataset::from_bytes(&with_header(&p));
    }

    #[test]
    fn decode_never_panics_on_mutated_payloads(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
        cut in any::<usize>(),
    ) {
        let full = small().to_bytes();
        let mut p = full[HEADER_LEN..].to_vec();
        for (i, v) in edits {
            let n = p.len();
            p[i % n] = v;
        }
        let keep = cut % (p.len() + 1);
        p.truncate(keep);
        if let Ok(d) = Dataset::from_bytes(&with_header(&p)) {
            // Whatever decodes re-encodes to a dataset that decodes the same.
            prop_assert_eq!(Dataset::from_bytes(&d.to_bytes()).unwrap(), d);
        }
    }
}

/// Every form of party id the id column codes comes back as it was:
/// numbers up and down (differences, zigzag), numbers written another way
/// (kept as text), derived ids of the party's own list (kept as 8 bytes)
/// and lookalikes (another list's code, upper case, a suffix, too short:
/// text), and any other text.
#[test]
fn party_ids_of_every_form_round_trip() {
    let ids = [
        "17016",
        "17017",
        "9",
        "0",
        "18446744073709551615",
        "1",
        "007",
        "+5",
        "-5",
        "1e3",
        "18446744073709551616",
        "EL-a2cd5c8745d81c70",
        "EL-A2CD5C8745D81C70",
        "SDN-a2cd5c8745d81c70",
        "EL-a2cd5c8745d81c70-2",
        "EL-a2cd5c8745d81c7",
        "",
        "Ω-1",
        "1ef5e3e12d352fe44c823c7af18d382680c493e0",
    ];
    let mut d = small();
    let template = d.parties[0].clone();
    d.parties = ids
        .iter()
        .enumerate()
        .map(|(k, id)| {
            let mut p = template.clone();
            p.id = id.to_string();
            p.name = format!("Party {k}");
            p.aliases.clear();
            p
        })
        .collect();
    d.lists.truncate(1);
    d.lists[0].count = ids.len() as u32;
    let bytes = d.to_bytes();
    assert_eq!(Dataset::from_bytes(&bytes).unwrap(), d);
    assert_eq!(d.clone().to_bytes(), bytes);
}

/// The bytes of `d` with the party id code just before the first name
/// (`marker`, the only party's name) replaced by `code`, header fixed.
fn with_id_code(d: &Dataset, marker: &str, code: u8) -> Vec<u8> {
    let mut b = d.to_bytes();
    let mut needle = vec![marker.len() as u8];
    needle.extend_from_slice(marker.as_bytes());
    let at = b
        .windows(needle.len())
        .position(|w| w == &needle[..])
        .expect("the name is in the file");
    b[at - 1] = code;
    let checksum = format::checksum(&b[HEADER_LEN..]);
    b[20..28].copy_from_slice(&checksum.to_le_bytes());
    b
}

#[test]
fn decode_rejects_an_unknown_party_id_coding() {
    let mut d = small();
    d.parties.truncate(1);
    d.lists.truncate(1);
    d.parties[0].id = String::new(); // coded as one byte: text of length 0
    d.parties[0].name = "ZZMARKERZZ".into();
    d.parties[0].aliases.clear();
    assert_eq!(
        Dataset::from_bytes(&with_id_code(&d, "ZZMARKERZZ", 1)).unwrap(),
        d,
        "the patch itself keeps the file valid"
    );
    // Tag 3, and tag 2 (a derived id) with a length's bits set.
    for code in [3u8, 6] {
        let e = Dataset::from_bytes(&with_id_code(&d, "ZZMARKERZZ", code)).unwrap_err();
        assert!(
            matches!(
                e,
                FormatError::Malformed {
                    what: "party id (unknown coding)",
                    ..
                }
            ),
            "{code}: {e:?}"
        );
    }
}
