//! `entity-screen batch` on the real lists (the embedded default dataset),
//! and `search`/`compare` going on past a bad line. The 2,000-name input is
//! the one the browser test pastes (tests/data/batch_2000.txt).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use entity_screen::batch::audit::sha256_hex;
use entity_screen::dataset::EMBEDDED;
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_entity-screen"))
}

fn run(args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, String) {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run entity-screen");
    let _ = child.stdin.take().unwrap().write_all(stdin);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("es-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn input_lines() -> Vec<String> {
    std::fs::read_to_string(fixture("batch_2000.txt"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn listed_rows() -> Vec<u64> {
    std::fs::read_to_string(fixture("batch_2000.listed"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.parse().unwrap())
        .collect()
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn batch_json(args: &[&str], stdin: &[u8]) -> Value {
    let (code, out, err) = run(args, stdin);
    assert_eq!(code, 0, "{err}");
    serde_json::from_slice(&out).expect("batch --format json writes one JSON object")
}

#[test]
fn the_2000_names_give_2000_csv_rows_in_input_order_with_an_audit_record() {
    let dir = scratch("csv2000");
    let out = dir.join("result.csv");
    let input = fixture("batch_2000.txt");
    let (code, _, err) = run(
        &[
            "batch",
            "--input",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("screened 2000 rows"), "{err}");
    let recs = read_csv(&out);
    assert_eq!(
        recs[0],
        [
            "row",
            "query",
            "status",
            "score",
            "match_id",
            "match_name",
            "matched_name",
            "lists",
            "decision",
            "note"
        ]
    );
    let lines = input_lines();
    assert_eq!(recs.len(), 2001, "a header and one record per input row");
    for (i, rec) in recs[1..].iter().enumerate() {
        assert_eq!(rec[0], (i + 1).to_string());
        assert_eq!(rec[1], lines[i], "row {} keeps its query", i + 1);
    }
    // Names copied from the SDN list are found, exactly.
    let listed = listed_rows();
    assert_eq!(listed.len(), 900);
    for &r in &listed {
        let rec = &recs[r as usize];
        assert_eq!(rec[2], "exact", "{rec:?}");
        assert!(
            !rec[4].is_empty() && !rec[5].is_empty() && !rec[7].is_empty(),
            "{rec:?}"
        );
    }
    // Innocent names: mostly no match (the evaluation allows <= 2 % false hits).
    let innocent_hits = recs[1..]
        .iter()
        .enumerate()
        .filter(|(i, rec)| !listed.contains(&(*i as u64 + 1)) && rec[2] != "no match")
        .count();
    assert!(innocent_hits <= 1100 / 50, "{innocent_hits} innocent hits");

    let audit: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("result.csv.audit.json")).unwrap())
            .unwrap();
    assert_eq!(audit["input"]["rows"], 2000);
    assert_eq!(audit["input"]["file"], "batch_2000.txt");
    assert_eq!(audit["input"]["format"], "text");
    assert_eq!(audit["dataset"]["sha256"], sha256_hex(EMBEDDED));
    assert_eq!(audit["threshold"], 0.75);
    assert_eq!(audit["software"]["version"], env!("CARGO_PKG_VERSION"));
    let lists = audit["lists"].as_array().unwrap();
    assert_eq!(lists.len(), 19);
    assert!(lists
        .iter()
        .all(|l| !l["as_of"].as_str().unwrap().is_empty() && l["count"].is_u64()));
    assert_eq!(lists[1]["code"], "SDN");
    assert_eq!(lists[1]["as_of"], "2026-08-20");
    assert_eq!(lists[1]["count"], 19249);
    let counts = &audit["counts"];
    let total: u64 = ["no match", "possible", "strong", "exact", "error"]
        .iter()
        .map(|k| counts[k].as_u64().unwrap())
        .sum();
    assert_eq!(total, 2000);
    assert_eq!(counts["exact"], 900);
    assert_eq!(counts["error"], 0);
    let stamp = audit["generated_at"].as_str().unwrap();
    assert!(stamp.len() == 20 && stamp.ends_with('Z'), "{stamp}");
}

#[test]
fn json_output_has_the_audit_and_every_row_with_all_its_matches_and_reasons() {
    let input = fixture("batch_2000.txt");
    let v = batch_json(
        &[
            "batch",
            "--input",
            input.to_str().unwrap(),
            "--format",
            "json",
        ],
        b"",
    );
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2000);
    assert_eq!(v["audit"]["counts"]["exact"], 900);
    for r in listed_rows() {
        let row = &rows[r as usize - 1];
        assert!(
            row["matches"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["lists"].as_array().unwrap().contains(&"SDN".into())),
            "row {r} finds its SDN listing: {row}"
        );
    }
    let with_several = rows
        .iter()
        .find(|r| r["matches"].as_array().unwrap().len() > 1)
        .expect("some row matches more than one party");
    for m in with_several["matches"].as_array().unwrap() {
        assert!(!m["reasons"].as_array().unwrap().is_empty(), "{m}");
        assert!(m["score"].as_f64().unwrap() >= 0.75);
    }
    assert_eq!(with_several["score"], with_several["matches"][0]["score"]);
    assert!(!with_several["listing"].as_str().unwrap().is_empty());
}

#[test]
fn an_invalid_utf8_line_in_the_middle_is_one_error_row_and_the_rest_are_screened() {
    let lines = input_lines();
    let mut bytes = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if i == 1000 {
            bytes.extend_from_slice(b"Bad \xff\xfe Trading\n");
        }
        bytes.extend_from_slice(l.as_bytes());
        bytes.push(b'\n');
    }
    let dir = scratch("utf8");
    let path = dir.join("names.txt");
    std::fs::write(&path, &bytes).unwrap();
    let v = batch_json(
        &[
            "batch",
            "--input",
            path.to_str().unwrap(),
            "--format",
            "json",
        ],
        b"",
    );
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2001);
    let bad = &rows[1000];
    assert_eq!(bad["row"], 1001);
    assert_eq!(bad["status"], "error");
    let why = bad["problem"].as_str().unwrap();
    assert!(why.contains("line 1001") && why.contains("UTF-8"), "{why}");
    assert_eq!(bad["query"], "Bad \u{fffd}\u{fffd} Trading");
    for (i, row) in rows[1001..].iter().enumerate() {
        assert_eq!(row["query"], lines[1000 + i]);
        assert_ne!(row["status"], "error");
    }
    assert_eq!(v["audit"]["counts"]["error"], 1);
    assert_eq!(v["audit"]["counts"]["exact"], 900);
}

#[test]
fn csv_input_uses_the_name_column_and_a_country_column_narrows_matches() {
    let dir = scratch("country");
    let path = dir.join("suppliers.csv");
    std::fs::write(
        &path,
        "id,Supplier,Country\n1,Mahan Air,Iran\n2,Mahan Air,France\n3,\"Saito Tech\",\n4,\"broken \"quote,IL\n5,Candiru,IL\n",
    )
    .unwrap();
    let v = batch_json(
        &[
            "batch",
            "--input",
            path.to_str().unwrap(),
            "--format",
            "json",
        ],
        b"",
    );
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    assert_eq!(v["audit"]["input"]["name_column"], "Supplier");
    assert_eq!(v["audit"]["filters"]["country_column"], "Country");
    assert_eq!(rows[0]["status"], "exact");
    assert!(rows[0]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["countries"].as_array().unwrap().contains(&"IR".into())));
    assert_eq!(rows[1]["status"], "no match", "no Mahan Air in France");
    assert_eq!(rows[2]["status"], "strong");
    assert_eq!(rows[3]["status"], "error");
    assert!(rows[3]["problem"]
        .as_str()
        .unwrap()
        .contains("broken CSV quote"));
    assert_eq!(rows[4]["status"], "exact", "the row after a broken one");
}

#[test]
fn formula_cells_are_escaped_in_the_exported_csv() {
    let dir = scratch("inject");
    let path = dir.join("hostile.csv");
    std::fs::write(
        &path,
        "name\n=cmd|' /C calc'!A0\n+1+1\n-2+3\n@SUM(A1:A2)\n\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\n<img src=x onerror=alert(1)>\n",
    )
    .unwrap();
    let out = dir.join("out.csv");
    let (code, _, err) = run(
        &[
            "batch",
            "--input",
            path.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let recs = read_csv(&out);
    assert_eq!(recs.len(), 7);
    let queries: Vec<&str> = recs[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        queries,
        [
            "'=cmd|' /C calc'!A0",
            "'+1+1",
            "'-2+3",
            "'@SUM(A1:A2)",
            "'=HYPERLINK(\"http://evil\",\"x\")",
            "<img src=x onerror=alert(1)>",
        ]
    );
    for rec in &recs {
        for cell in rec {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
}

#[test]
fn an_empty_binary_or_columnless_input_is_refused_with_a_clear_message() {
    let dir = scratch("refuse");
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"\n\n  \n", "empty"),
        (
            "image.png",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "not text",
        ),
        ("amounts.csv", b"id,amount\n1,20\n", "no usable name column"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, out, err) = run(&["batch", "--input", path.to_str().unwrap()], b"");
        assert_ne!(code, 0, "{name}");
        assert!(err.contains(says) && err.contains(name), "{name}: {err}");
        assert!(out.is_empty(), "{name}: nothing written on refusal");
    }
    let (code, _, err) = run(
        &[
            "batch",
            "--input",
            dir.join("amounts.csv").to_str().unwrap(),
            "--column",
            "Vendor",
        ],
        b"",
    );
    assert_ne!(code, 0);
    assert!(
        err.contains("\"Vendor\"") && err.contains("\"amount\""),
        "{err}"
    );
    let (code, _, err) = run(&["batch", "--input", "/nonexistent/names.txt"], b"");
    assert_ne!(code, 0);
    assert!(err.contains("/nonexistent/names.txt"), "{err}");
}

#[test]
fn batch_reads_stdin_and_honours_threshold_and_lists() {
    let v = batch_json(
        &[
            "batch",
            "--input",
            "-",
            "--format",
            "json",
            "--list",
            "EL",
            "--threshold",
            "0.9",
        ],
        b"Saito Tech\nMahan Air\n",
    );
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows[0]["status"], "strong");
    assert_eq!(rows[1]["status"], "no match", "Mahan Air is not on the EL");
    assert_eq!(v["audit"]["threshold"], 0.9);
    assert_eq!(v["audit"]["filters"]["lists"], serde_json::json!(["EL"]));
    assert_eq!(v["audit"]["lists"].as_array().unwrap().len(), 1);
    assert_eq!(v["audit"]["status_cutoffs"]["strong"], 0.875);
}

#[test]
fn search_reports_an_unreadable_line_in_place_and_searches_the_lines_after_it() {
    let (code, out, err) = run(
        &["search", "--json", "--limit", "1"],
        b"Saito Tech\nbad \xff\nMahan Air\n",
    );
    assert_ne!(code, 0, "the exit status tells a script a line was bad");
    assert!(err.contains("line 2"), "{err}");
    let lines: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[1]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(lines[2]["query"], "Mahan Air");
    assert_eq!(lines[2]["matches"][0]["name"], "MAHAN AIR");
}

#[test]
fn compare_reports_a_bad_line_in_place_and_compares_the_lines_after_it() {
    let (code, out, err) = run(&["compare"], b"no tab here\nMahan Air\tMAHAN AIR\n");
    assert_ne!(code, 0);
    assert!(err.contains("line 1"), "{err}");
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("error\t"), "{out}");
    assert!(lines[1].starts_with("1.000\tmatch\t"), "{out}");
}

#[test]
fn control_characters_in_input_never_reach_the_terminal_raw() {
    let hostile = "Mahan Air\x1b[2J\x1b]0;pwned\x07\rFORGED\u{9b}31m\u{202e}";
    let (_, out, _) = run(&["search"], format!("{hostile}\n").as_bytes());
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("\\u{1b}[2J"), "{out}");
    for c in out.chars() {
        assert!(
            c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "raw {c:?} in {out:?}"
        );
    }
    let (_, out, _) = run(&["search", "--json"], format!("{hostile}\n").as_bytes());
    let out = String::from_utf8(out).unwrap();
    assert!(out.chars().all(|c| c == '\n' || !c.is_control()), "{out:?}");
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["query"], hostile, "the JSON value is unchanged");
    let (_, out, _) = run(&["compare"], format!("{hostile}\tx\n").as_bytes());
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.chars()
            .all(|c| c == '\n' || c == '\t' || !c.is_control()),
        "{out:?}"
    );
}

#[test]
fn the_listing_fingerprint_is_the_same_for_the_same_matches_and_differs_otherwise() {
    use entity_screen::batch::{screen_row, RowInput, Status};
    use entity_screen::{Dataset, Screener, SearchOptions};
    let s = Screener::new(Dataset::embedded().unwrap());
    let o = SearchOptions::default();
    let row = |n: u64, q: &str| {
        screen_row(
            &s,
            &RowInput {
                row: n,
                query: q.to_string(),
                ..RowInput::default()
            },
            &o,
        )
    };
    let a = row(1, "Mahan Air");
    let b = row(7, "MAHAN AIR");
    let c = row(2, "Saito Tech");
    let none = row(3, "Acme Bakery of Leeds");
    assert_eq!(a.status, Status::Exact);
    assert_eq!(a.listing.len(), 16);
    assert_eq!(a.listing, b.listing, "same matches, same fingerprint");
    assert_ne!(a.listing, c.listing);
    assert_eq!(none.status, Status::NoMatch);
    assert_eq!(none.listing, "", "nothing listed, no fingerprint");
    // Narrowing to another country drops a match: the fingerprint changes.
    let narrowed = screen_row(
        &s,
        &RowInput {
            row: 1,
            query: "Mahan Air".into(),
            country: "Iran".into(),
            problem: None,
        },
        &o,
    );
    assert!(narrowed.matches.len() < a.matches.len());
    assert_ne!(narrowed.listing, a.listing);
}
