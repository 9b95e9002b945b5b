//! `entity-screen batch`: screens a whole file of names, one result row per
//! input row, in input order, and writes the audit record.
//!
//! ```text
//! entity-screen batch --input FILE [--column NAME] [--country-column NAME]
//!     [--out FILE] [--format csv|json] [--threshold T] [--list ID,...]
//!     [--type T,...] [--dataset FILE] [--audit FILE] [--chunk N]
//! ```
//!
//! Input, rows, statuses, CSV columns and the audit record are the library's
//! [`entity_screen::batch`] (the browser's too). The input streams through
//! in chunks of `--chunk` rows (default 4096), each screened on every core
//! with rayon and written in input order before the next is read, so memory
//! does not grow with the input.
//!
//! Output: CSV (default) or, with `--format json` (or an `--out` ending in
//! `.json`), `{"rows": [...], "audit": {...}}` — rows first, so they can be
//! written as they are screened; the audit's counts come last. The audit
//! record also goes to `--audit FILE`, by default `OUT.audit.json` next to
//! `--out`. A summary goes to stderr, and a progress bar when stderr is a
//! terminal.

use std::fs::File;
use std::io::{BufReader, IsTerminal, Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, bail, Context, Result};
use entity_screen::batch::audit::{utc_timestamp, Audit, InputRef};
use entity_screen::batch::input::{self, InputSpec};
use entity_screen::batch::{csv, screen_row, BatchRow, Status, MATCHES_PER_ROW};
use entity_screen::options::{split_list, SearchRequest};
use entity_screen::SearchOptions;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::args::Args;
use crate::term;

/// Rows read, screened and written at a time.
const DEFAULT_CHUNK: usize = 4096;

/// A reader that counts the bytes read through it (for the progress bar).
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum OutFormat {
    Csv,
    Json,
}

pub fn run(argv: &[String]) -> Result<()> {
    let args = Args::parse(
        argv,
        &[
            "--input",
            "--column",
            "--country-column",
            "--out",
            "--format",
            "--threshold",
            "--list",
            "--type",
            "--dataset",
            "--audit",
            "--chunk",
        ],
        &[],
    )?;
    let Some(input_path) = args.value("--input") else {
        bail!("--input FILE is needed (a text, CSV or TSV file; - for stdin)");
    };
    let out_path = args.value("--out");
    let format = match args.value("--format") {
        Some("csv") => OutFormat::Csv,
        Some("json") => OutFormat::Json,
        Some(other) => bail!("--format: expected csv or json, got {:?}", other),
        None if out_path.is_some_and(|p| p.to_ascii_lowercase().ends_with(".json")) => {
            OutFormat::Json
        }
        None => OutFormat::Csv,
    };
    let options = search_options(&args)?;
    let chunk_rows = args
        .parsed::<usize>("--chunk")?
        .unwrap_or(DEFAULT_CHUNK)
        .max(1);

    let (screener, sha256) = crate::load::load_screener(args.value("--dataset"))?;

    let read = Arc::new(AtomicU64::new(0));
    let (source, size, shown): (Box<dyn Read>, Option<u64>, String) = if input_path == "-" {
        (Box::new(std::io::stdin()), None, "(stdin)".to_string())
    } else {
        let f = File::open(input_path).with_context(|| format!("opening {input_path}"))?;
        let size = f.metadata().ok().map(|m| m.len());
        (Box::new(f), size, input_path.to_string())
    };
    let reader = BufReader::with_capacity(
        256 * 1024,
        Counting {
            inner: source,
            read: Arc::clone(&read),
        },
    );
    let spec = InputSpec {
        file_name: if input_path == "-" {
            String::new()
        } else {
            input_path.to_string()
        },
        column: args.value("--column").map(str::to_string),
        country_column: args.value("--country-column").map(str::to_string),
    };
    let mut rows =
        input::open(reader, &spec).map_err(|e| anyhow!("{}: {e}", term::text(&shown)))?;

    let file_name = std::path::Path::new(&shown)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut audit = Audit::new(
        screener.store().label(),
        screener.store().lists(),
        &sha256,
        &options,
        rows.country_column.as_ref().map(|c| c.1.clone()),
        InputRef {
            file: file_name,
            format: rows.format.as_str().to_string(),
            name_column: rows.name_column.as_ref().map(|c| c.1.clone()),
            rows: 0,
        },
        utc_timestamp(now),
    );

    let to_terminal = out_path.is_none() && std::io::stdout().is_terminal();
    let mut out: Box<dyn Write> = match out_path {
        Some(p) => Box::new(std::io::BufWriter::new(
            File::create(p).with_context(|| format!("creating {p}"))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let progress = progress_bar(size);

    match format {
        OutFormat::Csv => out.write_all(csv::header().as_bytes())?,
        OutFormat::Json => out.write_all(b"{\"rows\":[\n")?,
    }
    let mut first = true;
    let started = std::time::Instant::now();
    loop {
        let chunk = rows
            .chunk(chunk_rows)
            .map_err(|e| anyhow!("{}: {e}", term::text(&shown)))?;
        if chunk.is_empty() {
            break;
        }
        // par_iter().map().collect() keeps the input order.
        let screened: Vec<BatchRow> = chunk
            .par_iter()
            .map(|r| screen_row(&screener, r, &options))
            .collect();
        for row in &screened {
            audit.count(row.status);
            match format {
                OutFormat::Csv => {
                    let rec = csv::row_record(row);
                    if to_terminal {
                        // Keep the record's own CRLF; escape what is inside.
                        let body = rec.trim_end_matches(csv::LINE_END);
                        writeln!(out, "{}", term::text(body))?;
                    } else {
                        out.write_all(rec.as_bytes())?;
                    }
                }
                OutFormat::Json => {
                    if !first {
                        out.write_all(b",\n")?;
                    }
                    let s = serde_json::to_string(row)?;
                    out.write_all(term::json(&s).as_bytes())?;
                }
            }
            first = false;
        }
        if let Some(pb) = &progress {
            pb.set_position(read.load(Ordering::Relaxed));
            pb.set_message(format!("{} rows", audit.input.rows));
        }
    }
    let audit_json = serde_json::to_string_pretty(&audit)?;
    if format == OutFormat::Json {
        out.write_all(b"\n],\n\"audit\":")?;
        out.write_all(term::json(&audit_json).as_bytes())?;
        out.write_all(b"}\n")?;
    }
    out.flush()?;
    drop(out);
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }

    let audit_path = match (args.value("--audit"), out_path) {
        (Some(a), _) => Some(a.to_string()),
        (None, Some(o)) if format == OutFormat::Csv => Some(format!("{o}.audit.json")),
        _ => None,
    };
    if let Some(p) = &audit_path {
        std::fs::write(p, format!("{audit_json}\n")).with_context(|| format!("writing {p}"))?;
    }
    let secs = started.elapsed().as_secs_f64();
    let counts: Vec<String> = Status::ALL
        .iter()
        .map(|&s| format!("{} {}", audit.counts.get(s), s.as_str()))
        .collect();
    eprintln!(
        "screened {} rows of {} against {} lists in {secs:.2} s ({:.0} rows/s on {} threads): {}{}",
        audit.input.rows,
        term::text(&shown),
        audit.lists.len(),
        audit.input.rows as f64 / secs.max(1e-9),
        rayon::current_num_threads(),
        counts.join(", "),
        audit_path
            .map(|p| format!("; audit record: {}", term::text(&p)))
            .unwrap_or_default()
    );
    Ok(())
}

fn progress_bar(size: Option<u64>) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let pb = match size {
        Some(n) => {
            let pb = ProgressBar::new(n);
            pb.set_style(
                ProgressStyle::with_template(
                    "{bar:40} {bytes}/{total_bytes}  {msg}  {elapsed} elapsed, {eta} left",
                )
                .ok()?,
            );
            pb
        }
        None => ProgressBar::new_spinner(),
    };
    Some(pb)
}

/// The search options of a batch: `--threshold`, `--list`, `--type`, read
/// by the one options parser the other subcommands and the wasm use; no
/// prefix matching (every name is complete).
fn search_options(args: &Args) -> Result<SearchOptions> {
    let join = |flag: &str| {
        let v = args.values(flag);
        (!v.is_empty()).then(|| v.iter().flat_map(|s| split_list(s)).collect::<Vec<_>>())
    };
    let request = SearchRequest {
        limit: Some(MATCHES_PER_ROW),
        threshold: args.parsed::<f64>("--threshold")?,
        lists: join("--list"),
        types: join("--type"),
        countries: None,
        prefix: Some(false),
    };
    request.parse(false).context("search options")
}
