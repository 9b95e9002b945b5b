//! Hostile input never panics: empty, blank, punctuation, huge pastes, mixed
//! scripts, emoji, control characters, NUL, replacement characters, and
//! arbitrary strings (proptest), for search and compare, with and without
//! search-as-you-type. No timing asserts: these only have to return.

use std::sync::OnceLock;

use entity_screen::dataset::EMBEDDED;
use entity_screen::{Dataset, ListId, Match, PartyType, Screener, SearchOptions};
use proptest::prelude::*;

fn screener() -> &'static Screener {
    static SCREENER: OnceLock<Screener> = OnceLock::new();
    SCREENER.get_or_init(|| Screener::from_bytes(EMBEDDED).expect("the embedded dataset loads"))
}

/// Every option combination a query can meet: default, search-as-you-type,
/// no threshold, filters that match nothing, limit 0 and a huge limit.
fn option_sets() -> Vec<SearchOptions> {
    vec![
        SearchOptions::default(),
        SearchOptions {
            prefix: true,
            ..SearchOptions::default()
        },
        SearchOptions {
            threshold: 0.0,
            limit: 50,
            ..SearchOptions::default()
        },
        SearchOptions {
            threshold: 1.5,
            ..SearchOptions::default()
        },
        SearchOptions {
            limit: 0,
            ..SearchOptions::default()
        },
        SearchOptions {
            limit: usize::MAX,
            ..SearchOptions::default()
        },
        SearchOptions {
            limit: 20,
            threshold: f64::NAN,
            ..SearchOptions::default()
        },
        SearchOptions {
            lists: vec![ListId::Fse],
            types: vec![PartyType::Aircraft],
            countries: vec!["".into(), "zz".into(), "\u{0}".into()],
            prefix: true,
            ..SearchOptions::default()
        },
    ]
}

fn hostile_queries() -> Vec<String> {
    let mut q: Vec<String> = [
        "",
        " ",
        "     \t\n\r  ",
        ".",
        "!!!???,,,;;;:::---",
        "()[]{}<>\"'`~@#$%^&*_+=|\\/",
        "a",
        "0",
        "42",
        "11420",
        "&",
        "LLC",
        "co., ltd.",
        "the and of",
        "Путин Владимир 普京 بوتين Πούτιν",
        "普京",
        "بوتين",
        "🙂🔥 NSO 👍",
        "👨‍👩‍👧‍👦👨‍👩‍👧‍👦",
        "\u{7}\u{1b}[31mNSO Group\u{1b}[0m",
        "NSO\0Group",
        "\0",
        "\0\0\0\0",
        "\u{FFFD}",
        "\u{FFFD}\u{FFFD} Candiru \u{FFFD}",
        "\u{202E}puorG OSN\u{202C}",
        "N\u{200B}S\u{200D}O\u{FEFF} Group",
        "a\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
        "\u{10FFFF}\u{E000}\u{FFFF}",
        "ǅǈǋ ß ẞ ﬁ ﬀ İ ı",
        "ＮＳＯ　Ｇｒｏｕｐ",
        "\u{85}\u{2028}\u{2029}",
        "-0-",
        "a.k.a.",
        "and",
        "Al",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Pastes of 100,000 characters: one word, many words, one long token per
    // script, and a whole block of listed-looking names.
    q.push("a".repeat(100_000));
    q.push("Vladimir Putin ".repeat(6_700));
    q.push("Ж".repeat(100_000));
    q.push("🙂".repeat(100_000));
    q.push("a b ".repeat(25_000));
    q.push("\0".repeat(100_000));
    q.push(",".repeat(100_000));
    q.push((0..10_000).map(|i| format!("N{i} ")).collect::<String>());
    q.push("Joint Stock Company ".repeat(5_000));
    q.push("nso gr".repeat(16_000));
    q
}

#[test]
fn robustness_hostile_queries_never_panic() {
    let s = screener();
    for q in hostile_queries() {
        for o in option_sets() {
            let results = s.search(&q, &o);
            if o.threshold.is_finite() {
                assert!(results.len() <= o.limit);
            }
            for m in &results {
                assert!(m.score.is_finite(), "score of {:?} for {:?}", m.name, q);
            }
        }
    }
}

#[test]
fn robustness_hostile_compares_never_panic() {
    let s = screener();
    let qs = hostile_queries();
    let partners = ["", "NSO Group", "PUTIN, Vladimir Vladimirovich", "\0", "a"];
    for q in &qs {
        for p in partners {
            for (a, b) in [(q.as_str(), p), (p, q.as_str())] {
                let c = s.compare(a, b);
                assert!(c.score.is_finite(), "compare {a:?} {b:?}");
            }
        }
    }
    // Pairs of hostile strings against each other (the short ones: every
    // 100,000-character pair would only repeat the cases above).
    let short: Vec<&String> = qs.iter().filter(|q| q.len() < 1_000).collect();
    for a in &short {
        for b in &short {
            let c = s.compare(a, b);
            assert!(c.score.is_finite(), "compare {a:?} {b:?}");
        }
    }
}

#[test]
fn robustness_empty_and_blank_queries_find_nothing() {
    let s = screener();
    for q in ["", " ", "\t\n", "\0", ".,;"] {
        assert!(
            s.search(q, &SearchOptions::default()).is_empty(),
            "{q:?} found something"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn robustness_search_any_string(q in any::<String>(), prefix in any::<bool>()) {
        let o = SearchOptions { prefix, threshold: 0.3, ..SearchOptions::default() };
        let results = screener().search(&q, &o);
        prop_assert!(results.len() <= o.limit);
        for m in &results {
            prop_assert!(m.score.is_finite() && m.score >= 0.3 - 1e-9);
        }
    }

    #[test]
    fn robustness_search_name_like_string(q in "[A-Za-z0-9 ,.'&()-]{0,60}") {
        let results = screener().search(&q, &SearchOptions::default());
        for m in &results {
            prop_assert!(m.score.is_finite() && m.score <= 1.0 + 1e-9);
        }
    }

    #[test]
    fn robustness_compare_any_strings(a in any::<String>(), b in any::<String>()) {
        let c = screener().compare(&a, &b);
        prop_assert!(c.score.is_finite());
        prop_assert!((0.0..=1.0 + 1e-9).contains(&c.score));
    }

    #[test]
    fn robustness_search_text_with_invisible_characters_and_marks(
        q in "[A-Za-z0-9 .,\u{AD}\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\u{200E}\u{202E}\u{2066}\u{301}\u{308}\u{327}\u{306}éЖй한]{0,60}",
        prefix in any::<bool>(),
    ) {
        let o = SearchOptions { prefix, threshold: 0.3, ..SearchOptions::default() };
        let results = screener().search(&q, &o);
        prop_assert!(results.len() <= o.limit);
        for m in &results {
            prop_assert!(m.score.is_finite() && m.score >= 0.3 && m.score <= 1.0);
        }
    }
}

/// What identifies a result: party, the name it matched by, and its score.
fn keys(results: &[Match]) -> Vec<(&'static str, String, String, f64)> {
    results
        .iter()
        .map(|m| {
            (
                m.source,
                m.id.to_string(),
                m.matched_name.to_string(),
                m.score,
            )
        })
        .collect()
}

/// The monotonic-threshold contract: `search(q, t)` is exactly the results
/// of `search(q, 0)` that score at least `t`, in the same order.
fn assert_threshold_only_filters(q: &str, t: f64, prefix: bool) -> Result<(), TestCaseError> {
    let s = screener();
    let at = |threshold: f64| SearchOptions {
        threshold,
        prefix,
        limit: 10,
        ..SearchOptions::default()
    };
    let all = s.search(q, &at(0.0));
    let want: Vec<_> = keys(&all).into_iter().filter(|k| k.3 >= t).collect();
    let got = keys(&s.search(q, &at(t)));
    prop_assert_eq!(got, want, "query {:?} at threshold {}", q, t);
    Ok(())
}

/// A listed name the way a user might type it: possibly one letter dropped,
/// two neighbours swapped, or cut short.
fn real_query() -> impl Strategy<Value = String> {
    let names: Vec<String> = Dataset::embedded()
        .expect("the embedded dataset decodes")
        .parties
        .iter()
        .flat_map(|p| p.names().map(str::to_string))
        .collect();
    (0..names.len(), 0..4u8, any::<prop::sample::Index>()).prop_map(move |(i, edit, at)| {
        let mut c: Vec<char> = names[i].chars().collect();
        if c.len() > 2 {
            let k = at.index(c.len() - 1);
            match edit {
                1 => {
                    c.remove(k);
                }
                2 => c.swap(k, k + 1),
                3 => c.truncate(k + 1),
                _ => {}
            }
        }
        c.into_iter().collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_higher_threshold_only_drops_results_below_it_for_listed_names(
        q in real_query(),
        t in 0.3f64..1.0,
        prefix in any::<bool>(),
    ) {
        assert_threshold_only_filters(&q, t, prefix)?;
    }

    #[test]
    fn a_higher_threshold_only_drops_results_below_it_for_any_text(
        q in "[A-Za-z ]{1,30}",
        t in 0.3f64..1.0,
        prefix in any::<bool>(),
    ) {
        assert_threshold_only_filters(&q, t, prefix)?;
    }
}

#[test]
fn a_higher_threshold_only_drops_results_below_it_at_the_usual_thresholds() {
    for q in [
        "Candirru Saito Tehc",
        "Евгений Пригожин",
        "Computer Security Initiative Consultancy PTE. LTD.",
        "Maria Fernandez Lopez",
        "NSO",
    ] {
        for t in [0.5, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0] {
            for prefix in [false, true] {
                assert_threshold_only_filters(q, t, prefix).unwrap();
            }
        }
    }
}
