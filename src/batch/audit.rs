//! The audit record of a batch: what was checked, against which data, with
//! which settings, and what came out. It heads the JSON export (`{audit,
//! rows}`), the printable report and the CLI's `.audit.json`.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Status, EXACT_SCORE, STRONG_CUTOFF};
use crate::matcher::SearchOptions;
use crate::model::ListInfo;

/// The software that screened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Software {
    pub name: String,
    pub version: String,
}

impl Software {
    /// This build: the crate's name and version.
    pub fn this() -> Software {
        Software {
            name: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// The dataset screened against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatasetRef {
    pub label: String,
    /// Lower-case hex sha256 of the dataset file's bytes.
    pub sha256: String,
}

/// One list searched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListSearched {
    pub code: String,
    pub name: String,
    pub agency: String,
    pub as_of: String,
    pub count: u32,
}

/// The score cut-offs of the statuses (see [`Status`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cutoffs {
    pub possible: f64,
    pub strong: f64,
    pub exact: f64,
}

/// The filters of the search; an empty list means "all".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    pub lists: Vec<String>,
    pub types: Vec<String>,
    pub countries: Vec<String>,
    /// Rows were narrowed to their own country from this input column.
    pub country_column: Option<String>,
}

/// The input screened.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputRef {
    /// File name as given ("" for pasted text).
    pub file: String,
    /// `"text"`, `"csv"` or `"tsv"`.
    pub format: String,
    /// The column the names were read from (tables only).
    pub name_column: Option<String>,
    /// Number of data rows (every one is in the results).
    pub rows: u64,
}

/// Rows per status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    #[serde(rename = "no match")]
    pub no_match: u64,
    pub possible: u64,
    pub strong: u64,
    pub exact: u64,
    pub error: u64,
}

impl Counts {
    pub fn add(&mut self, status: Status) {
        *self.slot(status) += 1;
    }

    pub fn get(&self, status: Status) -> u64 {
        match status {
            Status::NoMatch => self.no_match,
            Status::Possible => self.possible,
            Status::Strong => self.strong,
            Status::Exact => self.exact,
            Status::Error => self.error,
        }
    }

    fn slot(&mut self, status: Status) -> &mut u64 {
        match status {
            Status::NoMatch => &mut self.no_match,
            Status::Possible => &mut self.possible,
            Status::Strong => &mut self.strong,
            Status::Exact => &mut self.exact,
            Status::Error => &mut self.error,
        }
    }

    pub fn total(&self) -> u64 {
        Status::ALL.into_iter().map(|s| self.get(s)).sum()
    }
}

/// The audit record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Audit {
    /// When the screen ran, ISO 8601 UTC.
    pub generated_at: String,
    pub software: Software,
    pub dataset: DatasetRef,
    /// Every list searched, with its as-of date and party count.
    pub lists: Vec<ListSearched>,
    pub threshold: f64,
    pub status_cutoffs: Cutoffs,
    pub filters: Filters,
    pub input: InputRef,
    pub counts: Counts,
}

impl Audit {
    /// The record of a screen of `input` against `dataset` (whose file bytes
    /// hash to `dataset_sha256`) with `options`; counts start at zero and
    /// `input.rows` is the caller's to keep in step ([`Audit::count`]).
    pub fn new(
        label: &str,
        lists: &[ListInfo],
        dataset_sha256: &str,
        options: &SearchOptions,
        country_column: Option<String>,
        input: InputRef,
        generated_at: String,
    ) -> Audit {
        let lists = lists
            .iter()
            .filter(|l| options.lists.is_empty() || options.lists.contains(&l.list))
            .map(|l| ListSearched {
                code: l.list.code().to_string(),
                name: l.list.name().to_string(),
                agency: l.list.agency().to_string(),
                as_of: l.as_of.clone(),
                count: l.count,
            })
            .collect();
        Audit {
            generated_at,
            software: Software::this(),
            dataset: DatasetRef {
                label: label.to_string(),
                sha256: dataset_sha256.to_string(),
            },
            lists,
            threshold: options.threshold,
            status_cutoffs: Cutoffs {
                possible: options.threshold,
                strong: STRONG_CUTOFF,
                exact: EXACT_SCORE,
            },
            filters: Filters {
                lists: options.lists.iter().map(|l| l.code().to_string()).collect(),
                types: options
                    .types
                    .iter()
                    .map(|t| t.as_str().to_string())
                    .collect(),
                countries: options.countries.clone(),
                country_column,
            },
            input,
            counts: Counts::default(),
        }
    }

    /// Counts one screened row.
    pub fn count(&mut self, status: Status) {
        self.counts.add(status);
        self.input.rows += 1;
    }
}

/// Lower-case hex sha256 of some bytes (a dataset file, a source file).
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since the Unix epoch (UTC), without a
/// date library: the CLI's clock for [`Audit::generated_at`] (the browser
/// passes `new Date().toISOString()`).
pub fn utc_timestamp(unix_secs: u64) -> String {
    let days = (unix_secs / 86_400) as i64;
    let secs = unix_secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_iso_8601_utc() {
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_timestamp(1_796_083_200 + 3661), "2026-12-01T01:01:01Z");
    }

    #[test]
    fn counts_serialise_with_the_status_words() {
        let mut c = Counts::default();
        c.add(Status::NoMatch);
        c.add(Status::Exact);
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["no match"], 1);
        assert_eq!(v["exact"], 1);
        assert_eq!(c.total(), 2);
    }
}
