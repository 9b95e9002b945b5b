//! `entity-screen search`: one query per line on stdin, matches on stdout.
//!
//! With `--json`, one object per line: `{"query": ..., "matches": [...]}`,
//! best first; each match has `id`, `name`, `matched_name`, `score`,
//! `source`, `type`, `reasons`, `pairs`, `highlights` and the full `record`.
//! Without it, a readable table.

use std::io::{BufRead, BufWriter, Write};

use anyhow::{Context, Result};
use entity_screen::options::{split_list, SearchRequest};
use entity_screen::{Match, Screener};

use crate::args::Args;

pub fn run(argv: &[String]) -> Result<()> {
    let args = Args::parse(
        argv,
        &[
            "--dataset",
            "--limit",
            "--threshold",
            "--list",
            "--type",
            "--country",
        ],
        &["--json", "--prefix"],
    )?;
    let screener = Screener::new(crate::load::load_dataset(args.value("--dataset"))?);
    let request = SearchRequest {
        limit: args.parsed::<usize>("--limit")?,
        threshold: args.parsed::<f64>("--threshold")?,
        lists: args.value("--list").map(split_list),
        types: args.value("--type").map(split_list),
        countries: args.value("--country").map(split_list),
        prefix: Some(args.has("--prefix")),
    };
    let options = request.parse(false).context("search options")?;
    let json = args.has("--json");

    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.with_context(|| format!("reading stdin line {}", n + 1))?;
        let query = line.trim_end_matches('\r');
        let matches = screener.search(query, &options);
        if json {
            let obj = serde_json::json!({ "query": query, "matches": matches });
            serde_json::to_writer(&mut out, &obj)?;
            writeln!(out)?;
        } else {
            print_table(&mut out, query, &matches)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn print_table(out: &mut impl Write, query: &str, matches: &[Match]) -> Result<()> {
    writeln!(out, "query: {query}")?;
    if matches.is_empty() {
        writeln!(out, "  no match at or above the threshold")?;
    }
    for m in matches {
        let countries = m.record.countries().join(",");
        writeln!(
            out,
            "  {:.3}  {:<4} {:<10} {:<12} {}{}",
            m.score,
            m.source,
            m.party_type.as_str(),
            m.id.chars().take(12).collect::<String>(),
            m.name,
            if countries.is_empty() {
                String::new()
            } else {
                format!("  [{countries}]")
            }
        )?;
        if m.matched_alias {
            writeln!(out, "         via alias: {}", m.matched_name)?;
        }
        if !m.record.federal_register_notice.is_empty() {
            writeln!(out, "         {}", m.record.federal_register_notice)?;
        }
        writeln!(out, "         {}", m.reasons.join("; "))?;
    }
    writeln!(out)?;
    Ok(())
}
