//! `entity-screen diff OLD.esd NEW.esd [--json]`: per list, the parties
//! added, removed and changed between two datasets (see
//! `entity_screen::dataset::diff`). `--json` writes one object,
//! `{"lists": [{"list": CODE, "added": [{id, name}], "removed": [{id,
//! name}], "changed": [{id, name, fields}]}]}`.

use std::io::Write;

use anyhow::{bail, Result};
use entity_screen::dataset::diff::{self, Diff};

use crate::args::Args;

pub fn run(argv: &[String]) -> Result<()> {
    let (paths, flags): (Vec<&String>, Vec<&String>) =
        argv.iter().partition(|a| !a.starts_with("--"));
    let flags: Vec<String> = flags.into_iter().cloned().collect();
    let args = Args::parse(&flags, &[], &["--json"])?;
    let [old, new] = paths.as_slice() else {
        bail!("diff takes two dataset files: entity-screen diff OLD.esd NEW.esd [--json]");
    };
    let a = crate::load::load_dataset(Some(old.as_str()))?;
    let b = crate::load::load_dataset(Some(new.as_str()))?;
    let d = diff::diff(&a, &b);
    let mut out = std::io::stdout().lock();
    if args.has("--json") {
        serde_json::to_writer(&mut out, &d)?;
        writeln!(out)?;
    } else {
        print_text(&mut out, &d)?;
    }
    Ok(())
}

/// The readable form: a count line per list, then each entry.
pub fn print_text(out: &mut impl Write, d: &Diff) -> Result<()> {
    for l in &d.lists {
        writeln!(
            out,
            "{:<7} {} added, {} removed, {} changed",
            l.list,
            l.added.len(),
            l.removed.len(),
            l.changed.len()
        )?;
        for (sign, entries) in [("+", &l.added), ("-", &l.removed), ("~", &l.changed)] {
            for e in entries.iter() {
                let fields = if e.fields.is_empty() {
                    String::new()
                } else {
                    format!("  ({})", e.fields.join(", "))
                };
                writeln!(
                    out,
                    "  {sign} {:<20} {}{fields}",
                    crate::term::text(&e.id),
                    crate::term::text(&e.name)
                )?;
            }
        }
    }
    if d.is_empty() {
        writeln!(out, "no changes")?;
    }
    Ok(())
}
