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
    let args = Args::parse(
        argv,
        &["--csl", "--ofac-dir", "--input", "--list", "--out"],
        &[],
    )?;
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
    let inputs: Vec<PathBuf> = args
        .values("--input")
        .into_iter()
        .map(PathBuf::from)
        .collect();
    let default = csl.is_empty() && ofac_dirs.is_empty() && inputs.is_empty();
    let (dataset, report) = if default {
        let dir = data_dir();
        build::build_default_lists(&dir, lists.as_deref())
            .with_context(|| format!("building the default dataset from {}", dir.display()))?
    } else {
        build::build(&BuildInputs {
            csl,
            ofac_dirs,
            inputs,
            lists: lists.clone(),
        })?
    };
    let out = match args.value("--out") {
        Some(o) => PathBuf::from(o),
        None if default && lists.is_none() => data_dir().join("default.esd"),
        None => bail!("--out FILE is needed unless rebuilding the full default dataset"),
    };
    let bytes = dataset.to_bytes();
    write_atomically(&out, &bytes)?;
    print_report(&dataset, &report);
    println!(
        "wrote {} ({} bytes, {} parties)",
        text(&out.display().to_string()),
        bytes.len(),
        dataset.parties.len()
    );
    Ok(())
}

/// Writes `bytes` to a temporary file next to `out`, then renames it into
/// place: `out` is either the old file, untouched, or the whole new one.
pub fn write_atomically(out: &Path, bytes: &[u8]) -> Result<()> {
    let dir = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dataset.esd".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    if let Err(e) = std::fs::rename(&tmp, out) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("renaming {} to {}", tmp.display(), out.display()));
    }
    Ok(())
}

pub fn print_report(d: &Dataset, r: &BuildReport) {
    println!("dataset: {}", text(&d.label));
    println!("lists:");
    for l in &d.lists {
        let files: Vec<&str> = l.sources.iter().map(|s| s.name.as_str()).collect();
        println!(
            "  {:<7} {:>6}  as of {:<10}  {}",
            l.list.code(),
            l.count,
            text(&l.as_of),
            text(&files.join(", "))
        );
    }
    for w in &r.warnings {
        println!("warning: {w}");
    }
    println!("files read (rows = kept + superseded + filtered out by --list + reported):");
    for f in &r.files {
        println!(
            "  {:<52} {:>6} = {:>6} + {:>5} + {:>5} + {:>5}",
            text(&f.file),
            f.rows,
            f.kept,
            f.superseded,
            f.filtered,
            f.skipped
        );
    }
    if let Some(s) = &r.sdn {
        println!(
            "SDN: {} parties; {} with addresses, {} with remarks; {} renamed since the remarks file (new name kept, old details not taken)",
            s.parties,
            s.with_addresses,
            s.with_remarks,
            s.renamed.len()
        );
        for (num, old, new) in &s.renamed {
            println!("  renamed  ent_num {num}: {old:?} -> {new:?}");
        }
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
