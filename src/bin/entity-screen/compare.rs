//! `entity-screen compare`: `name_a<TAB>name_b` lines on stdin, one score per
//! line on stdout. `--json` writes `{"a", "b", "score", "match", "reasons"}`
//! objects (`match` applies the default threshold); `--print-threshold`
//! prints the default threshold as a bare number and exits.
//!
//! A line that cannot be read or has no tab gives an error entry in its
//! place (`{"line": N, "error": "..."}`, or `error<TAB>line N: ...`), and
//! the lines after it are still compared.

use std::io::{BufWriter, Write};

use anyhow::{bail, Result};
use entity_screen::batch::input;
use entity_screen::matcher::DEFAULT_THRESHOLD;

use crate::args::Args;
use crate::term;

pub fn run(argv: &[String]) -> Result<()> {
    let args = Args::parse(argv, &["--dataset"], &["--json", "--print-threshold"])?;
    if args.has("--print-threshold") {
        println!("{DEFAULT_THRESHOLD}");
        return Ok(());
    }
    // The dataset gives the word weights (common words count less).
    let (screener, _) = crate::load::load_screener(args.value("--dataset"))?;
    let json = args.has("--json");
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut bad: Vec<u64> = Vec::new();
    for line in input::lines(stdin.lock()) {
        let (n, line) = line?;
        let pair = match &line {
            Ok(l) => l
                .split_once('\t')
                .ok_or_else(|| format!("line {n}: expected name_a<TAB>name_b, got {l:?}")),
            Err(why) => Err(why.clone()),
        };
        let (a, b) = match pair {
            Ok(p) => p,
            Err(why) => {
                bad.push(n);
                if json {
                    let obj = serde_json::json!({ "line": n, "error": why });
                    writeln!(out, "{}", term::json(&serde_json::to_string(&obj)?))?;
                } else {
                    writeln!(out, "error\t{}", term::text(&why))?;
                }
                continue;
            }
        };
        let c = screener.compare(a, b);
        if json {
            let obj = serde_json::json!({
                "a": a, "b": b, "score": c.score, "match": c.is_match,
                "reasons": c.reasons, "pairs": c.pairs,
            });
            writeln!(out, "{}", term::json(&serde_json::to_string(&obj)?))?;
        } else {
            writeln!(
                out,
                "{:.3}\t{}\t{}\t{}",
                c.score,
                if c.is_match { "match" } else { "-" },
                term::text(a),
                term::text(b)
            )?;
        }
    }
    out.flush()?;
    if !bad.is_empty() {
        // Every line was handled; the exit status still tells a script
        // that some were not.
        bail!(
            "{} input line(s) could not be compared (line {}); each is reported in its place in the output",
            bad.len(),
            bad.iter().take(10).map(u64::to_string).collect::<Vec<_>>().join(", line ")
        );
    }
    Ok(())
}
