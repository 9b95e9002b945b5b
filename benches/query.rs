//! Query latency over the full default dataset, natively.
//!
//! `cargo bench --bench query` (criterion prints the median as the middle
//! figure of `time: [low median high]`).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use entity_screen::dataset::{Store, EMBEDDED};
use entity_screen::{Dataset, Screener, SearchOptions};

fn queries(c: &mut Criterion) {
    let screener = Screener::from_bytes(EMBEDDED).expect("embedded dataset");
    let full = SearchOptions::default();
    let typing = SearchOptions {
        prefix: true,
        ..SearchOptions::default()
    };
    let cases: [(&str, &str, &SearchOptions); 6] = [
        ("short", "NSO", &full),
        (
            "long",
            "Computer Security Initiative Consultancy PTE. LTD.",
            &full,
        ),
        ("typo", "Candirru Saito Tehc", &full),
        ("transliterated", "Евгений Пригожин", &full),
        ("no-match", "Maria Fernandez Lopez", &full),
        ("one-letter-prefix", "c", &typing),
    ];
    let mut group = c.benchmark_group("search");
    for (name, q, opts) in cases {
        // Summaries, as the browser gets them: decoding the results' full
        // records (what `search` adds, for `--json`) is output, not search.
        group.bench_function(name, |b| {
            b.iter(|| screener.search_summaries(black_box(q), opts))
        });
    }
    group.finish();
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    // What a search needs, as loaded: the search part's columns, checked.
    group.bench_function("load", |b| b.iter(|| Store::from_bytes(EMBEDDED).unwrap()));
    // The search part and the index derived from its stored tokens.
    group.bench_function("load+index", |b| {
        b.iter(|| Screener::from_bytes(EMBEDDED).unwrap())
    });
    // Every record decoded (what `diff` needs; no search does this).
    group.bench_function("decode all records", |b| {
        b.iter(|| Dataset::embedded().unwrap())
    });
    group.finish();
}

criterion_group!(benches, queries, startup);
criterion_main!(benches);
