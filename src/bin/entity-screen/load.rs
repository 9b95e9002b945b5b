//! Loading the dataset a subcommand works on: `--dataset FILE` or the
//! embedded default.

use anyhow::{Context, Result};
use entity_screen::batch::audit::sha256_hex;
use entity_screen::dataset::EMBEDDED;
use entity_screen::{Dataset, Screener};

pub fn load_dataset(path: Option<&str>) -> Result<Dataset> {
    Ok(load_dataset_with_hash(path)?.0)
}

/// A screener over `--dataset FILE` or the embedded default, loaded in
/// place (no record is decoded until a result shows it), and the sha256 of
/// the file's bytes (for the audit record).
pub fn load_screener(path: Option<&str>) -> Result<(Screener, String)> {
    match path {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading dataset {p}"))?;
            let s = Screener::from_bytes(&bytes).with_context(|| format!("dataset {p}"))?;
            Ok((s, sha256_hex(&bytes)))
        }
        None => Ok((
            Screener::from_bytes(EMBEDDED).context("the embedded default dataset")?,
            sha256_hex(EMBEDDED),
        )),
    }
}

/// The dataset and the sha256 of its file's bytes (for the audit record).
pub fn load_dataset_with_hash(path: Option<&str>) -> Result<(Dataset, String)> {
    match path {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading dataset {p}"))?;
            let d = Dataset::from_bytes(&bytes).with_context(|| format!("dataset {p}"))?;
            Ok((d, sha256_hex(&bytes)))
        }
        None => Ok((
            Dataset::embedded().context("the embedded default dataset")?,
            sha256_hex(EMBEDDED),
        )),
    }
}
