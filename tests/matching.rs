//! Behaviour cases for the matcher, from `tests/data/matching.toml`, run over
//! the embedded default dataset. Every case runs and every failure is
//! reported with its `why`, so one run shows the whole picture.

use std::sync::OnceLock;

use entity_screen::dataset::EMBEDDED;
use entity_screen::matcher::DEFAULT_THRESHOLD;
use entity_screen::{Dataset, ListId, Match, Party, Screener, SearchOptions};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    #[serde(default)]
    search: Vec<SearchCase>,
    #[serde(default)]
    compare: Vec<CompareCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchCase {
    query: String,
    why: String,
    #[serde(default)]
    prefix: bool,
    expect_first: Option<String>,
    #[serde(default)]
    expect_in_top: Vec<String>,
    k: Option<usize>,
    #[serde(default)]
    expect_lists: Vec<String>,
    #[serde(default)]
    expect_none: bool,
    #[serde(default)]
    expect_not: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompareCase {
    a: String,
    b: String,
    expect_match: bool,
    why: String,
}

/// The embedded dataset's records, owned (for choosing cases).
fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| Dataset::embedded().expect("the embedded dataset decodes"))
}

fn screener() -> &'static Screener {
    static SCREENER: OnceLock<Screener> = OnceLock::new();
    SCREENER.get_or_init(|| Screener::from_bytes(EMBEDDED).expect("the embedded dataset loads"))
}

fn cases() -> Cases {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/matching.toml");
    let text = std::fs::read_to_string(path).expect("tests/data/matching.toml is readable");
    toml::from_str(&text).expect("tests/data/matching.toml is valid")
}

/// A party reference: "LIST:id" or a primary name (case-insensitive).
fn is_party(list: ListId, id: &str, name: &str, reference: &str) -> bool {
    if let Some((code, rid)) = reference.split_once(':') {
        if let Some(l) = ListId::from_code(code) {
            return l == list && rid == id;
        }
    }
    let squash = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    squash(name) == squash(reference)
}

fn refers(m: &Match, reference: &str) -> bool {
    let record = m
        .record
        .as_ref()
        .expect("the embedded dataset has its details");
    is_party(record.list, m.id, m.name, reference)
}

fn exists(parties: &[Party], reference: &str) -> bool {
    parties
        .iter()
        .any(|p| is_party(p.list, &p.id, &p.name, reference))
}

fn describe(results: &[Match]) -> String {
    if results.is_empty() {
        return "no results".to_string();
    }
    results
        .iter()
        .take(5)
        .enumerate()
        .map(|(i, m)| {
            let via = if m.matched_alias {
                format!(" via {:?}", m.matched_name)
            } else {
                String::new()
            };
            format!(
                "{}. {} [{}:{}] {:.3}{via}",
                i + 1,
                m.name,
                m.source,
                m.id,
                m.score
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// What is wrong with one search case, if anything.
fn check_search(s: &Screener, c: &SearchCase) -> Vec<String> {
    let mut problems = Vec::new();
    let parties = &dataset().parties;
    let references = c
        .expect_first
        .iter()
        .chain(&c.expect_in_top)
        .chain(&c.expect_not);
    for r in references {
        if !exists(parties, r) {
            problems.push(format!("case error: {r:?} is not a party of the dataset"));
        }
    }
    for code in &c.expect_lists {
        if ListId::from_code(code).is_none() {
            problems.push(format!("case error: {code:?} is not a list code"));
        }
    }
    let options = SearchOptions {
        prefix: c.prefix,
        ..SearchOptions::default()
    };
    let results = s.search(&c.query, &options);
    if let Some(first) = &c.expect_first {
        if !results.first().is_some_and(|m| refers(m, first)) {
            problems.push(format!("expected {first:?} first"));
        }
    }
    let k = c.k.unwrap_or(10);
    for want in &c.expect_in_top {
        if !results.iter().take(k).any(|m| refers(m, want)) {
            problems.push(format!("expected {want:?} in the top {k}"));
        }
    }
    for code in &c.expect_lists {
        if !results.iter().any(|m| m.source.eq_ignore_ascii_case(code)) {
            problems.push(format!("expected a result from list {code}"));
        }
    }
    if c.expect_none && !results.is_empty() {
        problems.push(format!("expected no match at {DEFAULT_THRESHOLD}"));
    }
    for not in &c.expect_not {
        if results.iter().any(|m| refers(m, not)) {
            problems.push(format!("expected no {not:?}"));
        }
    }
    if !problems.is_empty() {
        problems.push(format!("got: {}", describe(&results)));
    }
    problems
}

#[test]
fn matching_cases_behave_as_written() {
    let s = screener();
    let cases = cases();
    let mut failures = Vec::new();
    for c in &cases.search {
        let problems = check_search(s, c);
        if !problems.is_empty() {
            failures.push(format!(
                "search {:?}{}\n    why: {}\n    {}",
                c.query,
                if c.prefix { " (prefix)" } else { "" },
                c.why,
                problems.join("\n    ")
            ));
        }
    }
    for c in &cases.compare {
        let got = s.compare(&c.a, &c.b);
        if got.is_match != c.expect_match {
            failures.push(format!(
                "compare {:?} vs {:?}: expected {}, got score {:.3} ({})\n    why: {}\n    reasons: {}",
                c.a,
                c.b,
                if c.expect_match { "a match" } else { "no match" },
                got.score,
                if got.is_match { "match" } else { "no match" },
                c.why,
                got.reasons.join("; ")
            ));
        }
    }
    let total = cases.search.len() + cases.compare.len();
    assert!(
        failures.is_empty(),
        "{} of {total} matching cases failed:\n\n{}\n",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn matching_cases_file_covers_every_kind() {
    let c = cases();
    assert!(c.search.iter().any(|s| s.expect_first.is_some()));
    assert!(c.search.iter().any(|s| !s.expect_in_top.is_empty()));
    assert!(c.search.iter().any(|s| !s.expect_lists.is_empty()));
    assert!(c.search.iter().any(|s| s.expect_none));
    assert!(c.search.iter().any(|s| !s.expect_not.is_empty()));
    assert!(c.compare.iter().any(|s| s.expect_match));
    assert!(c.compare.iter().any(|s| !s.expect_match));
    for s in &c.search {
        assert!(!s.why.trim().is_empty(), "search {:?} has no why", s.query);
    }
    for s in &c.compare {
        assert!(!s.why.trim().is_empty(), "compare {:?} has no why", s.a);
    }
}

/// The ways invisible characters reach a pasted name: text in NFD (every
/// accent after its letter, as macOS and many PDFs write it), soft hyphens
/// from a word processor, zero-width joiners and spaces from web pages, a
/// byte-order mark from a file, bidi controls from right-to-left text.
/// A named way of corrupting a name.
type Corruption = (&'static str, fn(&str) -> String);

fn corruptions() -> Vec<Corruption> {
    use unicode_normalization::UnicodeNormalization;
    fn every_third(s: &str, mark: char) -> String {
        let mut out = String::new();
        let mut run = 0;
        for c in s.chars() {
            if c.is_alphanumeric() {
                run += 1;
                if run % 3 == 0 {
                    out.push(mark);
                }
            } else {
                run = 0;
            }
            out.push(c);
        }
        out
    }
    vec![
        ("NFD", |s| s.nfd().collect()),
        ("NFD of NFKC", |s| {
            s.nfkc().collect::<String>().nfd().collect()
        }),
        ("soft hyphens", |s| every_third(s, '\u{AD}')),
        ("zero-width joiners", |s| {
            let mut out = String::new();
            for (i, c) in s.chars().enumerate() {
                if i > 0 && c.is_alphanumeric() {
                    out.push('\u{200D}');
                }
                out.push(c);
            }
            out
        }),
        ("zero-width spaces", |s| every_third(s, '\u{200B}')),
        ("word joiners and non-joiners", |s| {
            every_third(&every_third(s, '\u{2060}'), '\u{200C}')
        }),
        ("BOM and bidi isolates", |s| {
            format!("\u{FEFF}\u{2067}{s}\u{2069}\u{200E}")
        }),
    ]
}

#[test]
fn invisible_characters_do_not_change_the_top_match_on_the_real_lists() {
    let s = screener();
    let options = SearchOptions::default();
    // Every name of every 40th party: about 1,400 names of all lists, scripts
    // and types.
    let names: Vec<&str> = dataset()
        .parties
        .iter()
        .step_by(40)
        .flat_map(|p| p.names())
        .collect();
    assert!(names.len() > 1000, "{}", names.len());
    let top = |q: &str| {
        s.search(q, &options)
            .first()
            .map(|m| (m.source, m.id.to_string(), m.score))
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    for name in &names {
        let want = top(name);
        for (how, corrupt) in corruptions() {
            let q = corrupt(name);
            checked += 1;
            let got = top(&q);
            if got != want {
                failures.push(format!("{how}: {name:?} gave {got:?}, clean {want:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} corrupted names changed their top match:\n{}",
        failures.len(),
        failures
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn an_acronym_match_says_in_its_reasons_that_it_is_an_acronym() {
    // SDN 44200 lists only the long name; the query is its initials.
    let found = screener().search_summaries("RIRT", &SearchOptions::default());
    let m = found
        .iter()
        .find(|m| m.lists.iter().any(|l| l.code == "SDN" && l.id == "44200"))
        .unwrap_or_else(|| panic!("SDN 44200 not found: {}", describe(&found)));
    assert!(
        m.reasons
            .iter()
            .any(|r| r.starts_with("acronym: rirt = russian institute of radionavigation and time")),
        "{:?}",
        m.reasons
    );
    assert!(
        !m.reasons.iter().any(|r| r.starts_with("similar words")),
        "{:?}",
        m.reasons
    );
}

#[test]
fn a_lone_three_letter_word_is_not_read_as_an_acronym_at_any_threshold() {
    // Alone, a three-letter acronym scores under the default threshold, and
    // the index does not retrieve names by it (see Index::candidates); beside
    // another agreeing word it still pairs ("218 ARP": JSC 218 Aviation
    // Repair Plant, which lists no such alias).
    let s = screener();
    let any = SearchOptions {
        threshold: 0.0,
        limit: 50,
        ..SearchOptions::default()
    };
    let is_acronym = |m: &Match| m.reasons.iter().any(|r| r.starts_with("acronym: arp"));
    let alone = s.search_summaries("ARP", &any);
    assert!(!alone.iter().any(is_acronym), "{}", describe(&alone));
    let paired = s.search_summaries("218 ARP", &SearchOptions::default());
    assert!(paired.iter().any(is_acronym), "{}", describe(&paired));
}
