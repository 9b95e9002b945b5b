//! Loading the dataset a subcommand works on: `--dataset FILE` or the
//! embedded default.

use anyhow::{Context, Result};
use entity_screen::batch::audit::sha256_hex;
use entity_screen::dataset::EMBEDDED;
use entity_screen::Dataset;

pub fn load_dataset(path: Option<&str>) -> Result<Dataset> {
    Ok(load_dataset_with_hash(path)?.0)
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
