//! What a dataset holds, per list, with each list's metadata: the one shape
//! behind the wasm `info()` and `entity-screen info --json`.

use serde::Serialize;

use super::FORMAT_VERSION;
use crate::matcher::DEFAULT_THRESHOLD;
use crate::model::{ListId, ListInfo, SourceFile};

/// One list of the dataset (metadata from [`ListId`], defined once in
/// `model.rs`, and the dataset's provenance).
#[derive(Clone, Debug, Serialize)]
pub struct ListSummary<'a> {
    pub code: &'static str,
    pub name: &'static str,
    pub official_name: &'static str,
    pub agency: &'static str,
    /// The agency's department: the UI groups its list filter by it.
    pub department: &'static str,
    pub official_url: &'static str,
    /// What being on the list means, in one plain line.
    pub meaning: &'static str,
    /// Place in [`ListId::BY_SEVERITY`] (0 = most severe, SDN).
    pub severity: usize,
    pub as_of: &'a str,
    pub count: u32,
    pub sources: &'a [SourceFile],
}

/// The dataset as a whole.
#[derive(Clone, Debug, Serialize)]
pub struct Summary<'a> {
    pub label: &'a str,
    pub format_version: u32,
    pub default_threshold: f64,
    /// Every list code, most severe first (also those not in this dataset).
    pub severity_order: Vec<&'static str>,
    /// The lists present, in [`ListId::ALL`] order.
    pub lists: Vec<ListSummary<'a>>,
}

/// The summary of a dataset with this label and these lists.
pub fn summary<'a>(label: &'a str, lists: &'a [ListInfo]) -> Summary<'a> {
    Summary {
        label,
        format_version: FORMAT_VERSION,
        default_threshold: DEFAULT_THRESHOLD,
        severity_order: ListId::BY_SEVERITY.iter().map(|l| l.code()).collect(),
        lists: lists
            .iter()
            .map(|l| ListSummary {
                code: l.list.code(),
                name: l.list.name(),
                official_name: l.list.official_name(),
                agency: l.list.agency(),
                department: l.list.department(),
                official_url: l.list.official_url(),
                meaning: l.list.meaning(),
                severity: l.list.severity(),
                as_of: &l.as_of,
                count: l.count,
                sources: &l.sources,
            })
            .collect(),
    }
}
