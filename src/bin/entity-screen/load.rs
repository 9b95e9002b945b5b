//! Loading the dataset a subcommand works on: `--dataset FILE` or the
//! embedded default.

use std::borrow::Cow;

use anyhow::{Context, Result};
use entity_screen::batch::audit::sha256_hex;
use entity_screen::dataset::EMBEDDED;
use entity_screen::{Dataset, Screener};

/// The bytes of `--dataset FILE` or of the embedded default, and how to
/// name them in an error.
fn bytes(path: Option<&str>) -> Result<(Cow<'static, [u8]>, String)> {
    match path {
        Some(p) => {
            let b = std::fs::read(p).with_context(|| format!("reading dataset {p}"))?;
            Ok((Cow::Owned(b), format!("dataset {p}")))
        }
        None => Ok((
            Cow::Borrowed(EMBEDDED),
            "the embedded default dataset".to_string(),
        )),
    }
}

/// Every record of the dataset, decoded (for `diff`).
pub fn load_dataset(path: Option<&str>) -> Result<Dataset> {
    let (b, shown) = bytes(path)?;
    Dataset::from_bytes(&b).context(shown)
}

/// A screener over `--dataset FILE` or the embedded default, loaded in
/// place (no record is decoded until a result shows it), and the sha256 of
/// the file's bytes (for the audit record).
pub fn load_screener(path: Option<&str>) -> Result<(Screener, String)> {
    let (b, shown) = bytes(path)?;
    let s = Screener::from_bytes(&b).context(shown)?;
    Ok((s, sha256_hex(&b)))
}
