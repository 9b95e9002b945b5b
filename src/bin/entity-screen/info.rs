//! `entity-screen info [--dataset FILE] [--json]`: what a dataset holds and
//! where it came from. `--json` prints the object the wasm `info()` returns.

use anyhow::{Context, Result};
use entity_screen::dataset::format::{self, FORMAT_VERSION};
use entity_screen::dataset::Store;
use entity_screen::dataset::EMBEDDED;

use crate::args::Args;
use crate::term::text;

pub fn run(argv: &[String]) -> Result<()> {
    let args = Args::parse(argv, &["--dataset"], &["--json"])?;
    let (shown, bytes) = match args.value("--dataset") {
        Some(path) => (
            path.to_string(),
            std::fs::read(path).with_context(|| format!("reading {path}"))?,
        ),
        None => ("(embedded default)".to_string(), EMBEDDED.to_vec()),
    };
    let (header, _) = format::read_header(&bytes).with_context(|| shown.clone())?;
    let d = Store::from_bytes(&bytes).with_context(|| shown.clone())?;
    if args.has("--json") {
        // The same object as the wasm `info()`.
        println!(
            "{}",
            serde_json::to_string(&entity_screen::dataset::summary::summary(
                d.label(),
                d.lists()
            ))?
        );
        return Ok(());
    }
    println!("dataset:  {}", text(&shown));
    println!("label:    {}", text(d.label()));
    println!(
        "format:   version {} (this build reads {FORMAT_VERSION})",
        header.version
    );
    println!("size:     {} bytes", bytes.len());
    println!("checksum: {:016x} (of the payload)", header.checksum);
    println!("parties:  {}", d.len());
    println!(
        "parts:    search{}",
        if d.has_details() {
            " and details"
        } else {
            " only (details in a separate file)"
        }
    );
    println!(
        "severity: {} (most severe first)",
        entity_screen::ListId::BY_SEVERITY
            .map(|l| l.code())
            .join(" > ")
    );
    for l in d.lists() {
        println!();
        println!(
            "{:<7} {}  ({})",
            l.list.code(),
            l.list.name(),
            l.list.agency()
        );
        println!("        {}", l.list.official_name());
        println!("        {}", l.list.meaning());
        println!("        {}", l.list.official_url());
        println!("        {} parties, as of {}", l.count, text(&l.as_of));
        for s in &l.sources {
            println!(
                "        {}  as of {}  sha256 {}",
                text(&s.name),
                text(&s.as_of),
                text(&s.sha256)
            );
        }
    }
    Ok(())
}
