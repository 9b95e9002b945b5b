//! `entity-screen update --mirror`: against a server on 127.0.0.1 serving
//! copies of the real source files, it builds a dataset and prints the diff;
//! a cut-short file, a 500 answer, a header-only file and a file with far
//! fewer rows each leave the old dataset file byte-for-byte as it was.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn source(rel: &str) -> Vec<u8> {
    std::fs::read(data_dir().join("sources").join(rel)).unwrap()
}

/// What the server answers for one path.
enum Answer {
    Ok(Vec<u8>),
    /// Announces the whole length, sends only the first half, then closes.
    CutShort(Vec<u8>),
    Status500,
}

/// Serves `route(path)` on 127.0.0.1 (one thread, until the test ends);
/// returns the base URL.
fn serve(route: impl Fn(&str) -> Answer + Send + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            // Drain the headers.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let _ = match route(&path) {
                Answer::Ok(body) => stream
                    .write_all(
                        format!(
                            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        )
                        .as_bytes(),
                    )
                    .and_then(|_| stream.write_all(&body)),
                Answer::CutShort(body) => stream
                    .write_all(
                        format!(
                            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        )
                        .as_bytes(),
                    )
                    .and_then(|_| stream.write_all(&body[..body.len() / 2])),
                Answer::Status500 => stream.write_all(
                    b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\nConnection: close\r\n\r\noops\n",
                ),
            };
            let _ = stream.flush();
        }
    });
    format!("http://{addr}")
}

/// The real files under the names the official servers use.
fn official(name: &str) -> Option<Vec<u8>> {
    Some(match name {
        "consolidated.csv" => source("csl/csl_consolidated_2022-04.csv"),
        "SDN.CSV" => source("ofac/sdn_2024-05-03.csv"),
        "ALT.CSV" => source("ofac/sdn_alt_2025-12.csv"),
        "ADD.CSV" => source("ofac/sdn_add_2025-12.csv"),
        "SDN_COMMENTS.CSV" => source("ofac/sdn_comments_2025-12.csv"),
        _ => return None,
    })
}

/// Routes `/good/FILE` to the real files, and `/CASE/FILE` to the real
/// file except for the one file the case breaks.
fn route(path: &str) -> Answer {
    let (case, file) = path
        .trim_start_matches('/')
        .split_once('/')
        .unwrap_or(("", ""));
    let Some(body) = official(file) else {
        return Answer::Status500;
    };
    match (case, file) {
        ("short", "consolidated.csv") => Answer::CutShort(body),
        ("error", "SDN.CSV") => Answer::Status500,
        ("header", "consolidated.csv") => {
            let end = body.iter().position(|&b| b == b'\n').unwrap() + 1;
            Answer::Ok(body[..end].to_vec())
        }
        ("few", "consolidated.csv") => {
            // The header and the first 100 rows: whole rows, far too few.
            let mut n = 0;
            let end = body
                .iter()
                .position(|&b| {
                    n += usize::from(b == b'\n');
                    n == 101
                })
                .unwrap()
                + 1;
            Answer::Ok(body[..end].to_vec())
        }
        ("brokenrow", "consolidated.csv") => Answer::Ok(body[..body.len() - 40].to_vec()),
        _ => Answer::Ok(body),
    }
}

/// A copy of the committed default dataset in a fresh folder.
fn old_dataset(tag: &str) -> (PathBuf, Vec<u8>) {
    let dir = std::env::temp_dir().join(format!("es-update-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("lists.esd");
    let bytes = std::fs::read(data_dir().join("default.esd")).unwrap();
    std::fs::write(&out, &bytes).unwrap();
    (out, bytes)
}

fn update(base: &str, case: &str, out: &Path, ofac: bool) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_entity-screen"));
    cmd.args(["update", "--mirror", &format!("{base}/{case}"), "--out"])
        .arg(out);
    if ofac {
        cmd.arg("--ofac");
    }
    cmd.output().unwrap()
}

/// The folder holds only the dataset: no temporary file or folder is left.
fn only_the_dataset_is_left(out: &Path) {
    let names: Vec<String> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["lists.esd"]);
}

#[test]
fn update_from_a_mirror_builds_a_dataset_and_prints_the_diff() {
    let base = serve(route);
    // The dataset it replaces: the April 2022 CSL alone (SDN as the CSL had it).
    let (out, _) = old_dataset("good");
    let b = Command::new(env!("CARGO_BIN_EXE_entity-screen"))
        .args(["build", "--csl"])
        .arg(data_dir().join("sources/csl/csl_consolidated_2022-04.csv"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let old = std::fs::read(&out).unwrap();
    let o = update(&base, "good", &out, true);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let new = std::fs::read(&out).unwrap();
    assert_ne!(new, old);
    let d = entity_screen::Dataset::from_bytes(&new).unwrap();
    let info = |code: &str| {
        d.lists
            .iter()
            .find(|l| l.list.code() == code)
            .unwrap_or_else(|| panic!("{code}"))
    };
    // SDN from OFAC's own SDN.CSV (with --ofac), the others from the CSL.
    assert_eq!(info("SDN").sources[0].name, "SDN.CSV");
    assert_eq!(info("SDN").count, 14965);
    assert_eq!(info("EL").sources[0].name, "consolidated.csv");
    assert_eq!(info("EL").count, 2001);
    // The lists without an official machine-readable file keep their copies.
    assert_eq!(info("UFLPA").count, 148);
    assert_eq!(info("UFLPA").as_of, "2026-07-09");
    assert!(stdout.contains("UFLPA      148  as of 2026-07-09  (bundled copy kept"));
    // The diff against the dataset it replaced: the 2024 SDN file lacks
    // parties designated since and still has some delisted since.
    assert!(stdout.contains("changes against the dataset it replaced:"));
    let sdn_line = stdout.lines().find(|l| l.starts_with("SDN ")).unwrap();
    assert!(!sdn_line.contains(" 0 added"), "{sdn_line}");
    assert!(!sdn_line.contains(" 0 removed"), "{sdn_line}");
    only_the_dataset_is_left(&out);
}

fn assert_refused(case: &str, ofac: bool, expected: &str) {
    let base = serve(route);
    let (out, old) = old_dataset(case);
    let o = update(&base, case, &out, ofac);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        !o.status.success(),
        "{case}: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(stderr.contains(expected), "{case}: {stderr}");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        old,
        "{case}: old file changed"
    );
    only_the_dataset_is_left(&out);
}

#[test]
fn update_refuses_a_cut_short_download_and_keeps_the_old_file() {
    assert_refused("short", false, "cut short");
}

#[test]
fn update_refuses_a_download_without_its_last_line_end() {
    assert_refused("brokenrow", false, "last row is broken");
}

#[test]
fn update_refuses_a_500_answer_and_keeps_the_old_file() {
    assert_refused("error", true, "the server answered 500");
}

#[test]
fn update_refuses_a_header_only_file_and_keeps_the_old_file() {
    assert_refused("header", false, "header only");
}

#[test]
fn update_refuses_a_list_under_half_its_previous_count() {
    assert_refused("few", false, "under half");
}

#[test]
fn update_refuses_an_unreachable_server() {
    // A port that was just free: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (out, old) = old_dataset("unreachable");
    let o = update(&format!("http://127.0.0.1:{port}"), "x", &out, false);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("the request failed"));
    assert_eq!(std::fs::read(&out).unwrap(), old);
    only_the_dataset_is_left(&out);
}
