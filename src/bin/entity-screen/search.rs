//! `entity-screen search`: one query per line on stdin, matches on stdout.
//!
//! With `--json`, one object per line: `{"query": ..., "matches": [...]}`,
//! best first; each match has `id`, `name`, `matched_name`, `score`,
//! `source` (the most severe of the party's lists), `type`, `reasons`,
//! `pairs`, `highlights`, the full `record`, `lists` (every list the party is
//! on, most severe first: `{code, list_name, id, name, record}`) and
//! `also_on` (same-name listings not merged: `{code, list_name, agency, id,
//! name, reason, record}`).
//! Without it, a readable table.
//!
//! A line that cannot be read (not UTF-8, longer than 64 KiB) gives
//! `{"query": "", "line": N, "error": "..."}` (or an `error:` entry in the
//! table) in its place, and the lines after it are still searched. Text from
//! the data or the input reaches a terminal only through [`crate::term`].

use std::io::{BufWriter, Write};

use anyhow::{bail, Context, Result};
use entity_screen::batch::input;
use entity_screen::options::{split_list, SearchRequest};
use entity_screen::Match;

use crate::args::Args;
use crate::term;

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
    let (screener, _) = crate::load::load_screener(args.value("--dataset"))?;
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
    let mut unreadable: Vec<u64> = Vec::new();
    for line in input::lines(stdin.lock()) {
        let (n, line) = line?;
        let query = match line {
            Ok(q) => q,
            Err(why) => {
                unreadable.push(n);
                if json {
                    let obj = serde_json::json!({ "query": "", "line": n, "error": why });
                    writeln!(out, "{}", term::json(&serde_json::to_string(&obj)?))?;
                } else {
                    writeln!(out, "query: (line {n})\n  error: {}\n", term::text(&why))?;
                }
                continue;
            }
        };
        // The table shows summary fields only; `--json` keeps the full
        // records (its contract), decoded for the results alone.
        let matches = if json {
            screener.search(&query, &options)
        } else {
            screener.search_summaries(&query, &options)
        };
        if json {
            let obj = serde_json::json!({ "query": query, "matches": matches });
            writeln!(out, "{}", term::json(&serde_json::to_string(&obj)?))?;
        } else {
            print_table(&mut out, &query, &matches)?;
        }
    }
    out.flush()?;
    if !unreadable.is_empty() {
        // Every line was handled; the exit status still tells a script
        // that some were not.
        bail!(
            "{} input line(s) could not be read (line {}); each is reported in its place in the output",
            unreadable.len(),
            unreadable.iter().take(10).map(u64::to_string).collect::<Vec<_>>().join(", line ")
        );
    }
    Ok(())
}

fn print_table(out: &mut impl Write, query: &str, matches: &[Match]) -> Result<()> {
    writeln!(out, "query: {}", term::text(query))?;
    if matches.is_empty() {
        writeln!(out, "  no match at or above the threshold")?;
    }
    for m in matches {
        let countries = m.countries.join(",");
        let codes = m.list_codes();
        writeln!(
            out,
            "  {:.3}  {:<4} {:<10} {:<12} {}{}",
            m.score,
            codes.join("+"),
            m.party_type.as_str(),
            term::text(&m.id.chars().take(12).collect::<String>()),
            term::text(m.name),
            if countries.is_empty() {
                String::new()
            } else {
                format!("  [{}]", term::text(&countries))
            }
        )?;
        if m.matched_alias {
            writeln!(out, "         via alias: {}", term::text(m.matched_name))?;
        }
        if !m.citation.is_empty() {
            writeln!(out, "         {}", term::text(m.citation))?;
        }
        writeln!(out, "         {}", term::text(&m.reasons.join("; ")))?;
        for a in &m.also_on {
            writeln!(
                out,
                "         also on {} ({}): {} [{}]",
                a.code,
                term::text(a.id),
                term::text(a.name),
                term::text(&a.reason)
            )?;
        }
    }
    writeln!(out)?;
    Ok(())
}
