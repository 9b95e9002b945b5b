//! `entity-screen split FULL.esd SEARCH.esd DETAILS.esd`: writes a full
//! dataset's two parts as two files, for the web (the widget searches once
//! the search file has arrived and attaches the details when they do; see
//! `entity_screen::dataset::format`, "Two parts").

use anyhow::{bail, Context, Result};
use entity_screen::dataset::format;

pub fn run(argv: &[String]) -> Result<()> {
    let [full, search, details] = argv else {
        bail!("split takes three files: entity-screen split FULL.esd SEARCH.esd DETAILS.esd");
    };
    let bytes = std::fs::read(full).with_context(|| format!("reading dataset {full}"))?;
    let (s, d) = format::split(&bytes).with_context(|| format!("dataset {full}"))?;
    std::fs::write(search, &s).with_context(|| format!("writing {search}"))?;
    std::fs::write(details, &d).with_context(|| format!("writing {details}"))?;
    eprintln!(
        "wrote {search} ({} bytes, search part) and {details} ({} bytes, details part)",
        s.len(),
        d.len()
    );
    Ok(())
}
