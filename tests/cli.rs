//! The command-line contract other tools depend on: `search --json` and
//! `compare --json` output shapes, `compare --print-threshold`, and clear
//! errors for bad flags. Runs the real binary on the embedded dataset.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_entity-screen"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run entity-screen");
    // The tool may exit on a bad flag before reading stdin: a broken pipe
    // here is that, not a failure (the exit code and stderr tell).
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json_lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn search_json_writes_one_object_per_query_with_the_documented_match_fields() {
    let (code, out, err) = run(
        &["search", "--json", "--limit", "3"],
        "Saito Tech\nnobody-at-all-xyzzy\n\n",
    );
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3, "one line per query, empty ones included");
    assert_eq!(lines[0]["query"], "Saito Tech");
    let m = &lines[0]["matches"][0];
    for key in [
        "id",
        "name",
        "matched_name",
        "score",
        "source",
        "type",
        "reasons",
        "record",
    ] {
        assert!(!m[key].is_null(), "match lacks {key}: {m}");
    }
    assert_eq!(m["name"], "Candiru");
    assert_eq!(m["matched_name"], "Saito Tech Ltd.");
    assert_eq!(m["source"], "EL");
    assert_eq!(m["type"], "entity");
    assert_eq!(m["record"]["federal_register_notice"], "86 FR 60760");
    assert!(m["record"]["license_policy"]
        .as_str()
        .unwrap()
        .starts_with("Presumption of denial"));
    assert!(m["score"].as_f64().unwrap() <= 1.0);
    assert_eq!(lines[1]["matches"].as_array().unwrap().len(), 0);
    assert_eq!(lines[2]["matches"].as_array().unwrap().len(), 0);
}

#[test]
fn search_json_matches_are_best_first_and_respect_limit_threshold_and_lists() {
    let (code, out, err) = run(
        &[
            "search",
            "--json",
            "--limit",
            "2",
            "--threshold",
            "0.5",
            "--list",
            "SDN",
        ],
        "Positive Technologies\n",
    );
    assert_eq!(code, 0, "{err}");
    let matches = json_lines(&out)[0]["matches"].as_array().unwrap().clone();
    assert!(!matches.is_empty() && matches.len() <= 2);
    let scores: Vec<f64> = matches
        .iter()
        .map(|m| m["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(scores.iter().all(|&s| s >= 0.5));
    assert!(matches.iter().all(|m| m["source"] == "SDN"));
    assert_eq!(matches[0]["id"], "31455");
}

#[test]
fn search_without_json_prints_a_readable_table() {
    let (code, out, _) = run(&["search"], "Candiru\n");
    assert_eq!(code, 0);
    assert!(
        out.contains("Candiru") && out.contains("86 FR 60760"),
        "{out}"
    );
}

#[test]
fn compare_json_writes_a_b_score_match_reasons() {
    let (code, out, err) = run(
        &["compare", "--json"],
        "Vladimir Putin\tPUTIN, Vladimir\nGeorge Bush\tGeorge Habbash\n",
    );
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    for l in &lines {
        for key in ["a", "b", "score", "match", "reasons"] {
            assert!(!l[key].is_null(), "compare output lacks {key}: {l}");
        }
    }
    assert_eq!(lines[0]["a"], "Vladimir Putin");
    assert_eq!(lines[0]["match"], true);
    assert_eq!(lines[1]["match"], false);
}

#[test]
fn compare_print_threshold_prints_the_default_as_a_bare_number() {
    let (code, out, _) = run(&["compare", "--print-threshold"], "");
    assert_eq!(code, 0);
    let t: f64 = out.trim().parse().expect("a bare number");
    assert_eq!(t, entity_screen::matcher::DEFAULT_THRESHOLD);
}

#[test]
fn cli_rejects_bad_flags_and_input_with_a_clear_error() {
    let (code, _, err) = run(&["search", "--list", "XYZ"], "a\n");
    assert_ne!(code, 0);
    assert!(err.contains("XYZ"), "{err}");
    let (code, _, err) = run(&["search", "--threshold", "2"], "a\n");
    assert_ne!(code, 0);
    assert!(err.contains("threshold"), "{err}");
    let (code, _, err) = run(&["compare", "--json"], "no tab here\n");
    assert_ne!(code, 0);
    assert!(err.contains("line 1"), "{err}");
    let (code, _, err) = run(&["search", "--dataset", "/nonexistent.esd"], "a\n");
    assert_ne!(code, 0);
    assert!(err.contains("/nonexistent.esd"), "{err}");
}

#[test]
fn a_zero_limit_and_an_unknown_country_are_errors_not_empty_results() {
    let (code, out, err) = run(&["search", "--json", "--limit", "0"], "Candiru\n");
    assert_ne!(code, 0, "--limit 0 must fail: {out}");
    assert!(err.contains("limit must be at least 1"), "{err}");
    assert!(out.is_empty(), "nothing searched: {out}");

    let (code, out, err) = run(&["search", "--json", "--country", "ZZ"], "Candiru\n");
    assert_ne!(code, 0, "--country ZZ must fail: {out}");
    assert!(err.contains("ZZ"), "the error names the code: {err}");

    // A known country still narrows the search.
    let (code, out, err) = run(&["search", "--json", "--country", "IL"], "Candiru\n");
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines[0]["matches"][0]["name"], "Candiru");
}

#[test]
fn a_quoted_query_is_an_exact_name_search() {
    let (code, out, err) = run(&["search", "--json"], "\"Candiru\"\n\"Candirru\"\n");
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines[0]["matches"][0]["name"], "Candiru");
    assert_eq!(lines[0]["matches"][0]["score"], 1.0);
    assert_eq!(
        lines[1]["matches"].as_array().unwrap().len(),
        0,
        "no fuzz in quotes"
    );
}
