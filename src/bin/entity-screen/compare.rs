//! `entity-screen compare`: `name_a<TAB>name_b` lines on stdin, one score per
//! line on stdout. `--json` writes `{"a", "b", "score", "match", "reasons"}`
//! objects (`match` applies the default threshold); `--print-threshold`
//! prints the default threshold as a bare number and exits.

use std::io::{BufRead, BufWriter, Write};

use anyhow::{bail, Context, Result};
use entity_screen::matcher::DEFAULT_THRESHOLD;
use entity_screen::Screener;

use crate::args::Args;

pub fn run(argv: &[String]) -> Result<()> {
    let args = Args::parse(argv, &["--dataset"], &["--json", "--print-threshold"])?;
    if args.has("--print-threshold") {
        println!("{DEFAULT_THRESHOLD}");
        return Ok(());
    }
    // The dataset gives the word weights (common words count less).
    let screener = Screener::new(crate::load::load_dataset(args.value("--dataset"))?);
    let json = args.has("--json");
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.with_context(|| format!("reading stdin line {}", n + 1))?;
        let line = line.trim_end_matches('\r');
        let Some((a, b)) = line.split_once('\t') else {
            bail!(
                "stdin line {}: expected name_a<TAB>name_b, got {line:?}",
                n + 1
            );
        };
        let c = screener.compare(a, b);
        if json {
            let obj = serde_json::json!({
                "a": a, "b": b, "score": c.score, "match": c.is_match,
                "reasons": c.reasons, "pairs": c.pairs,
            });
            serde_json::to_writer(&mut out, &obj)?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "{:.3}\t{}\t{a}\t{b}",
                c.score,
                if c.is_match { "match" } else { "-" }
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
