//! `entity-screen build`: builds a dataset from official files and prints
//! what went in and everything that was skipped, with the reason.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use entity_screen::dataset::build::{self, BuildInputs, BuildReport};
use entity_screen::{Dataset, ListId};

use crate::args::Args;
use crate::term::text;

/// The crate's `data/` directory: `./data` when it holds the sources, else
/// the one next to the crate's Cargo.toml.
pub fn data_dir() -> PathBuf {
    let here = PathBuf::from("data");
    if here.join("sources").is_dir() {
        here
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
    }
}

pub fn run(argv: &[String]) -> Result<()> {
    let args = Args::parse(argv, &["--csl", "--ofac-dir", "--list", "--out"], &[])?;
    let lists = match args.value("--list") {
        None => None,
        Some(v) => {
            let mut ls = Vec::new();
            for code in v.split(',').filter(|c| !c.trim().is_empty()) {
                match ListId::from_code(code) {
                    Some(l) => ls.push(l),
                    None => bail!(
                        "--list: unknown list {code:?}; known: {}",
                        ListId::ALL.map(ListId::code).join(",")
                    ),
                }
            }
            Some(ls)
        }
    };
    let csl: Vec<PathBuf> = args
        .values("--csl")
        .into_iter()
        .map(PathBuf::from)
        .collect();
    let ofac_dirs: Vec<PathBuf> = args
        .values("--ofac-dir")
        .into_iter()
        .map(PathBuf::from)
        .collect();
    let default = csl.is_empty() && ofac_dirs.is_empty();
    let (dataset, report) = if default {
        let dir = data_dir();
        build::build_default_lists(&dir, lists.as_deref())
            .with_context(|| format!("building the default dataset from {}", dir.display()))?
    } else {
        build::build(&BuildInputs {
            csl,
            ofac_dirs,
            lists: lists.clone(),
        })?
    };
    let out = match args.value("--out") {
        Some(o) => PathBuf::from(o),
        None if default && lists.is_none() => data_dir().join("default.esd"),
        None => bail!("--out FILE is needed unless rebuilding the full default dataset"),
    };
    let bytes = dataset.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    print_report(&dataset, &report);
    println!(
        "wrote {} ({} bytes, {} parties)",
        text(&out.display().to_string()),
        bytes.len(),
        dataset.parties.len()
    );
    Ok(())
}

fn print_report(d: &Dataset, r: &BuildReport) {
    println!("dataset: {}", text(&d.label));
    println!("lists:");
    for l in &d.lists {
        let files: Vec<&str> = l.sources.iter().map(|s| s.name.as_str()).collect();
        println!(
            "  {:<5} {:>6}  as of {:<10}  {}",
            l.list.code(),
            l.count,
            text(&l.as_of),
            text(&files.join(", "))
        );
    }
    println!("files read (rows = kept + skipped):");
    for f in &r.files {
        println!(
            "  {:<52} {:>6} = {:>6} + {:>5}",
            text(&f.file),
            f.rows,
            f.kept,
            f.skipped
        );
    }
    if let Some(j) = &r.el_join {
        println!(
            "Entity List join: {} joined ({} by name prefix); {} eCFR entries only in {} and {} rows only in {} (all kept as parties)",
            j.joined,
            j.joined_by_prefix.len(),
            j.ecfr_only.len(),
            text(&j.ecfr_file),
            j.csl_only.len(),
            text(&j.csl_file)
        );
        for (el, en, cl, cn) in &j.joined_by_prefix {
            println!(
                "  by prefix  {}:{}: {}  <->  {}:{}: {}",
                text(&j.ecfr_file),
                text(&el.to_string()),
                text(en),
                text(&j.csl_file),
                text(&cl.to_string()),
                text(cn)
            );
        }
        for (line, name) in &j.ecfr_only {
            println!("  eCFR only  {}:{line}: {}", text(&j.ecfr_file), text(name));
        }
        for (line, name) in &j.csl_only {
            println!("  CSL only   {}:{line}: {}", text(&j.csl_file), text(name));
        }
    }
    println!("skipped: {} rows", r.skipped.len());
    for (reason, n) in r.skipped_by_reason() {
        println!("  {n:>6}  {}", text(&reason.to_string()));
    }
    for s in &r.skipped {
        if s.detail.is_empty() {
            println!(
                "  {}:{}: {}",
                text(&s.file),
                s.line,
                text(&s.reason.to_string())
            );
        } else {
            println!(
                "  {}:{}: {} ({})",
                text(&s.file),
                s.line,
                text(&s.reason.to_string()),
                text(&s.detail)
            );
        }
    }
}
