//! `entity-screen update [--out FILE] [--mirror BASE_URL] [--ofac]`: the
//! one-command refresh. Native only (feature `update`); the wasm module
//! never makes a request.
//!
//! 1. Downloads trade.gov's `consolidated.csv` (all 13 CSL lists) and, with
//!    `--ofac`, OFAC's `SDN.CSV`, `ALT.CSV`, `ADD.CSV` and `SDN_COMMENTS.CSV`
//!    (fuller SDN detail) into a temporary folder next to the output.
//!    `--mirror BASE_URL` fetches the same file names from `BASE_URL/`.
//! 2. Builds a dataset from them plus the bundled copies of the lists no
//!    official machine-readable file carries (UFLPA, 1260H, 1286, FCC, CBP,
//!    EO14032), and says their dates.
//! 3. Refuses, leaving the old dataset byte-for-byte as it was, when a
//!    download failed (no answer, or not 200), was cut short (fewer bytes
//!    than its Content-Length, or a last row without its line end), is empty
//!    or a header only, or gives any list under half its count in the
//!    dataset it would replace.
//! 4. Writes a temporary file and renames it over the output (`--out`,
//!    default `entity-screen.esd` in the current folder), then prints the
//!    diff against the dataset it replaced.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use entity_screen::dataset::build::{self, BuildInputs, BUNDLED_ONLY, JSON_LISTS};
use entity_screen::dataset::diff;
use entity_screen::Dataset;

use crate::args::Args;

/// Where trade.gov serves the CSL.
pub const CSL_BASE: &str = "https://api.trade.gov/static/consolidated_screening_list";
/// Where OFAC serves its legacy CSV exports.
pub const OFAC_BASE: &str =
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports";
/// The OFAC files `--ofac` downloads.
pub const OFAC_FILES: [&str; 4] = ["SDN.CSV", "ALT.CSV", "ADD.CSV", "SDN_COMMENTS.CSV"];
/// Where `update` writes without `--out`.
pub const DEFAULT_OUT: &str = "entity-screen.esd";
/// The largest file accepted (the CSL is about 10 MB today).
const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// A temporary folder removed when dropped (also on every refusal).
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn run(argv: &[String]) -> Result<()> {
    let args = Args::parse(argv, &["--out", "--mirror"], &["--ofac"])?;
    // Not data/default.esd by default: that file is, by a test's check, the
    // build of data/sources; a refreshed dataset is loaded at run time.
    let out = PathBuf::from(args.value("--out").unwrap_or(DEFAULT_OUT));
    let mirror = args.value("--mirror").map(|m| m.trim_end_matches('/'));
    let dir = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = TempDir(dir.join(format!(".entity-screen-update-{}", std::process::id())));
    std::fs::create_dir_all(tmp.0.join("ofac"))
        .with_context(|| format!("creating {}", tmp.0.display()))?;

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(600)))
        .http_status_as_error(false)
        .build()
        .into();
    let csl_url = format!("{}/consolidated.csv", mirror.unwrap_or(CSL_BASE));
    let csl = tmp.0.join("consolidated.csv");
    download(&agent, &csl_url, &csl, false)?;
    let mut ofac_dirs = Vec::new();
    if args.has("--ofac") {
        for f in OFAC_FILES {
            let url = format!("{}/{f}", mirror.unwrap_or(OFAC_BASE));
            download(&agent, &url, &tmp.0.join("ofac").join(f), true)?;
        }
        ofac_dirs.push(tmp.0.join("ofac"));
    }

    let sources = crate::build::data_dir().join("sources");
    let mut inputs = Vec::new();
    for (list, rels) in JSON_LISTS {
        if BUNDLED_ONLY.contains(&list) {
            for rel in rels {
                inputs.push(sources.join(rel));
            }
        }
    }
    let (dataset, report) = build::build(&BuildInputs {
        csl: vec![csl],
        ofac_dirs,
        inputs,
        lists: None,
    })
    .context("building the dataset from the downloaded files")?;

    let old = match std::fs::read(&out) {
        Ok(bytes) => match Dataset::from_bytes(&bytes) {
            Ok(d) => Some(d),
            Err(e) => {
                eprintln!(
                    "warning: {}: {e}; replacing it without comparing counts",
                    out.display()
                );
                None
            }
        },
        Err(_) => None,
    };
    if let Some(old) = &old {
        for l in &old.lists {
            let now = dataset
                .lists
                .iter()
                .find(|n| n.list == l.list)
                .map_or(0, |n| n.count);
            if u64::from(now) * 2 < u64::from(l.count) {
                bail!(
                    "refusing to update {}: {} would have {now} parties, under half of the {} it has now; a download was probably cut short or the source changed format. {} is unchanged",
                    out.display(),
                    l.list.code(),
                    l.count,
                    out.display()
                );
            }
        }
    }

    let bytes = dataset.to_bytes();
    crate::build::write_atomically(&out, &bytes)?;
    for w in &report.warnings {
        println!("warning: {w}");
    }
    println!("lists:");
    for l in &dataset.lists {
        let kept = if BUNDLED_ONLY.contains(&l.list) {
            "  (bundled copy kept: no official machine-readable file)"
        } else {
            ""
        };
        println!(
            "  {:<7} {:>6}  as of {:<10}{kept}",
            l.list.code(),
            l.count,
            l.as_of
        );
    }
    println!(
        "wrote {} ({} bytes, {} parties)",
        out.display(),
        bytes.len(),
        dataset.parties.len()
    );
    match &old {
        Some(old) => {
            println!("changes against the dataset it replaced:");
            crate::diff::print_text(&mut std::io::stdout().lock(), &diff::diff(old, &dataset))?;
        }
        None => println!("no previous dataset at {} to compare with", out.display()),
    }
    Ok(())
}

/// Downloads `url` to `path`, refusing a failed, cut-short, empty or
/// header-only answer. `ofac`: a headerless file that ends with the DOS
/// end-of-file byte.
fn download(agent: &ureq::Agent, url: &str, path: &Path, ofac: bool) -> Result<()> {
    let refuse =
        |why: String| anyhow::anyhow!("refusing the download of {url}: {why}; nothing was changed");
    let mut resp = agent
        .get(url)
        .call()
        .map_err(|e| refuse(format!("the request failed ({e})")))?;
    let status = resp.status();
    if status != 200 {
        return Err(refuse(format!("the server answered {status}")));
    }
    let declared: Option<u64> = resp
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|s| s.trim().parse().ok());
    let mut body = Vec::new();
    let read = resp
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .reader()
        .read_to_end(&mut body);
    if let Err(e) = read {
        return Err(refuse(format!(
            "the body was cut short after {} bytes ({e})",
            body.len()
        )));
    }
    if let Some(n) = declared {
        if (body.len() as u64) < n {
            return Err(refuse(format!(
                "cut short: {} bytes of the {n} its Content-Length announced",
                body.len()
            )));
        }
    }
    check_complete(&body, ofac).map_err(refuse)?;
    std::fs::write(path, &body).with_context(|| format!("writing {}", path.display()))?;
    println!("downloaded {url} ({} bytes)", body.len());
    Ok(())
}

/// A whole CSV file: not empty, more than a header (for the CSL), and its
/// last row ends with a line break (OFAC files then have a 0x1A byte).
fn check_complete(body: &[u8], ofac: bool) -> Result<(), String> {
    let mut end = body;
    while let Some((&b, rest)) = end.split_last() {
        if b == 0x1a || (b == b' ') {
            end = rest;
        } else {
            break;
        }
    }
    if end.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty".into());
    }
    if !end.ends_with(b"\n") {
        return Err("its last row is broken (no line end): the file was cut short".into());
    }
    let lines = end
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    if !ofac && lines < 2 {
        return Err("the file has a header only, no rows".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_complete;

    #[test]
    fn check_complete_refuses_empty_header_only_and_cut_rows() {
        assert!(check_complete(b"", false).is_err());
        assert!(check_complete(b"_id,source\n", false).is_err());
        assert!(check_complete(b"_id,source\n1,EL\n2,E", false).is_err());
        assert!(check_complete(b"_id,source\n1,EL\n", false).is_ok());
        assert!(check_complete(b"1,\"X\"\r\n\x1a", true).is_ok());
    }
}
