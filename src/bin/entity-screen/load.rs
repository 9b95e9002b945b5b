//! Loading the dataset a subcommand works on: `--dataset FILE` or the
//! embedded default.

use anyhow::{Context, Result};
use entity_screen::Dataset;

pub fn load_dataset(path: Option<&str>) -> Result<Dataset> {
    match path {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading dataset {p}"))?;
            Dataset::from_bytes(&bytes).with_context(|| format!("dataset {p}"))
        }
        None => Dataset::embedded().context("the embedded default dataset"),
    }
}
