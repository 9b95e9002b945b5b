//! Batch screening: a whole list of names, one result row per input row, and
//! a record of what was checked against which data.
//!
//! Defined once here, and used by both the CLI (`entity-screen batch`) and
//! the browser (`<entity-screen-batch>`, through the wasm glue), so the two
//! cannot drift:
//!
//! - the row statuses and how a row's best score maps to them ([`Status`]);
//! - the input reader: plain text, CSV or TSV, row by row ([`input`]);
//! - one screened row and its matches with reasons ([`BatchRow`]);
//! - the CSV export with its columns and CSV-injection escaping ([`csv`]);
//! - the audit record ([`audit`]).
//!
//! Invariant: every input row gives exactly one [`BatchRow`], in input order;
//! a row that cannot be read or screened has status [`Status::Error`] and
//! says why, and never ends the batch.

pub mod audit;
pub mod csv;
pub mod input;

use serde::{Deserialize, Serialize};

use crate::dataset::format::fnv1a64;
use crate::matcher::{Match, Screener, SearchOptions, DEFAULT_THRESHOLD};

/// The score at or above which a row is `strong`: halfway between the
/// default threshold and a perfect score (0.875 with the threshold at
/// 0.75). Derived, so moving [`DEFAULT_THRESHOLD`] moves it too.
pub const STRONG_CUTOFF: f64 = DEFAULT_THRESHOLD + (1.0 - DEFAULT_THRESHOLD) / 2.0;

/// The score of an `exact` row: the normalised names are equal (scores are
/// rounded to 3 decimals, so this is a score that rounds to 1.000).
pub const EXACT_SCORE: f64 = 1.0;

/// A name longer than this (in characters) is an input problem, not a query:
/// no real party name comes near it, and a whole pasted paragraph is a
/// mistake the reviewer should see.
pub const MAX_QUERY_CHARS: usize = 500;

/// Matches kept per row (best first); the CSV shows the best one.
pub const MATCHES_PER_ROW: usize = 10;

/// The most rows the browser screens in one batch (the CLI streams any
/// number): beyond it the page's table and exports would not stay light.
pub const BROWSER_MAX_ROWS: usize = 100_000;

/// The largest file the browser reads (bytes); a bigger one gets a message
/// pointing to the CLI, before any of it is read.
pub const BROWSER_MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// A row's status.
///
/// From the best match's score `s` (only matches at or above the search
/// threshold are reported):
///
/// | status     | when                                                        |
/// |------------|-------------------------------------------------------------|
/// | `no match` | no match at or above the threshold                          |
/// | `possible` | threshold <= s < [`STRONG_CUTOFF`]                          |
/// | `strong`   | [`STRONG_CUTOFF`] <= s < [`EXACT_SCORE`]                    |
/// | `exact`    | s = [`EXACT_SCORE`]                                         |
/// | `error`    | the row could not be read or has no usable name (see `problem`) |
///
/// With a threshold above [`STRONG_CUTOFF`] there are no `possible` rows;
/// with one below the default, `possible` also covers the weaker matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    #[serde(rename = "no match")]
    NoMatch,
    #[serde(rename = "possible")]
    Possible,
    #[serde(rename = "strong")]
    Strong,
    #[serde(rename = "exact")]
    Exact,
    #[serde(rename = "error")]
    Error,
}

impl Status {
    /// Every status, in the order reports count them.
    pub const ALL: [Status; 5] = [
        Status::NoMatch,
        Status::Possible,
        Status::Strong,
        Status::Exact,
        Status::Error,
    ];

    /// The status as written in the CSV, the JSON and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NoMatch => "no match",
            Status::Possible => "possible",
            Status::Strong => "strong",
            Status::Exact => "exact",
            Status::Error => "error",
        }
    }

    /// The status of a screened row whose best reported match scored `best`
    /// (`None`: no match at or above the threshold).
    pub fn from_best_score(best: Option<f64>) -> Status {
        match best {
            None => Status::NoMatch,
            Some(s) if s >= EXACT_SCORE => Status::Exact,
            Some(s) if s >= STRONG_CUTOFF => Status::Strong,
            Some(_) => Status::Possible,
        }
    }

    /// True for the statuses a reviewer must look at.
    pub fn is_hit(self) -> bool {
        matches!(self, Status::Possible | Status::Strong | Status::Exact)
    }
}

/// One input row, ready to screen: what [`input::Rows`] yields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowInput {
    /// 1-based data row number (a CSV/TSV header is not a row).
    pub row: u64,
    /// The name to screen, as read (trimmed).
    pub query: String,
    /// The row's country cell, when there is a country column ("" otherwise).
    #[serde(default)]
    pub country: String,
    /// Why this row cannot be screened (unreadable, empty, over-long); the
    /// row then has status `error`.
    #[serde(default)]
    pub problem: Option<String>,
}

/// One match of a row: the fields a reviewer needs, with the reasons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowMatch {
    /// The source row's own id (CSL `_id`, OFAC `ent_num`).
    pub id: String,
    /// Primary name of the party.
    pub name: String,
    /// The name or alias that matched.
    pub matched_name: String,
    pub matched_alias: bool,
    pub score: f64,
    /// The codes of the lists the party is on (`"EL"`, `"SDN"`, ...), each
    /// once.
    pub lists: Vec<String>,
    #[serde(rename = "type")]
    pub party_type: String,
    /// ISO-2 codes of the party's addresses.
    pub countries: Vec<String>,
    /// Why it matched and what lowered the score, in words.
    pub reasons: Vec<String>,
}

impl RowMatch {
    fn of(m: &Match) -> RowMatch {
        RowMatch {
            id: m.id.to_string(),
            name: m.name.to_string(),
            matched_name: m.matched_name.to_string(),
            matched_alias: m.matched_alias,
            score: m.score,
            lists: m.list_codes().into_iter().map(str::to_string).collect(),
            party_type: m.party_type.as_str().to_string(),
            countries: m.countries.iter().map(|c| c.to_string()).collect(),
            reasons: m.reasons.clone(),
        }
    }
}

/// A reviewer's decision on a row, as the browser records it and a JSON
/// export carries it back in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// `"cleared"` (false positive), `"confirmed"` (a true match) or
    /// `"needs review"`.
    pub value: String,
    #[serde(default)]
    pub note: String,
    /// When it was decided (ISO 8601).
    #[serde(default)]
    pub date: String,
    /// The row's [`BatchRow::listing`] when it was decided: a later screen
    /// with another listing means the decision no longer covers the row.
    #[serde(default)]
    pub listing: String,
}

/// One screened row: the unit of the CSV and of the JSON `rows`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchRow {
    pub row: u64,
    pub query: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
    pub status: Status,
    /// The best match's score, `null` when none.
    pub score: Option<f64>,
    /// Every match at or above the threshold, best first (at most
    /// [`MATCHES_PER_ROW`]).
    pub matches: Vec<RowMatch>,
    /// An input problem (status `error`), or a remark on the input such as
    /// a country that narrowed nothing.
    #[serde(default)]
    pub problem: Option<String>,
    /// A fingerprint of what the row matched (list, id and listed particulars
    /// of every match); "" when nothing matched. Equal fingerprints: the same
    /// listings.
    pub listing: String,
    /// The reviewer's decision; `null` until one is made (always from the CLI).
    #[serde(default)]
    pub decision: Option<Decision>,
}

/// Screens one row: `options` with the row's country, when it names one,
/// narrowing the matches to parties with an address there.
pub fn screen_row(screener: &Screener, input: &RowInput, options: &SearchOptions) -> BatchRow {
    let mut row = BatchRow {
        row: input.row,
        query: input.query.clone(),
        country: input.country.clone(),
        status: Status::Error,
        score: None,
        matches: Vec::new(),
        problem: input.problem.clone(),
        listing: String::new(),
        decision: None,
    };
    if input.problem.is_some() {
        return row;
    }
    let country = input.country.trim();
    let narrowed;
    let options = if country.is_empty() {
        options
    } else if let Some(code) = crate::country::code(country) {
        narrowed = SearchOptions {
            countries: vec![code.to_string()],
            ..options.clone()
        };
        &narrowed
    } else {
        row.problem = Some(format!(
            "country {country:?} is not a country we know: matches not narrowed"
        ));
        options
    };
    let matches = screener.search(&input.query, options);
    row.matches = matches.iter().map(RowMatch::of).collect();
    row.score = row.matches.first().map(|m| m.score);
    row.status = Status::from_best_score(row.score);
    row.listing = listing_fingerprint(&matches);
    row
}

/// A fingerprint of the row's matches: per listing of each matched party
/// (a party on SDN and SSI has two), FNV-1a 64 over its list,
/// id, names, addresses, programs and listing dates; the per-match hashes
/// are added (wrapping), so the order of the matches does not count. It
/// changes when a party is added to or removed from the row's matches, or
/// its listing is amended.
fn listing_fingerprint(matches: &[Match]) -> String {
    if matches.is_empty() {
        return String::new();
    }
    let mut sum: u64 = 0;
    let mut key = String::new();
    // Every listing of every matched party: a party added to one more list
    // (or taken off one) changes the fingerprint too.
    for l in matches.iter().flat_map(|m| &m.lists) {
        // Batch screening runs with the details loaded (the wasm refuses
        // to screen rows before), so every listing has its record.
        let Some(p) = &l.record else {
            continue;
        };
        key.clear();
        for part in [l.code, &p.id, &p.name, &p.federal_register_notice]
            .into_iter()
            .chain([p.start_date.as_str(), p.end_date.as_str()])
            .chain(p.aliases.iter().map(String::as_str))
            .chain(p.programs.iter().map(String::as_str))
            .chain(p.addresses.iter().map(|a| a.text.as_str()))
        {
            key.push_str(part);
            key.push('\u{1f}');
        }
        sum = sum.wrapping_add(fnv1a64(key.as_bytes()));
    }
    format!("{sum:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutoffs_derive_from_the_default_threshold() {
        const { assert!(DEFAULT_THRESHOLD < STRONG_CUTOFF && STRONG_CUTOFF < EXACT_SCORE) };
        assert_eq!(Status::from_best_score(None), Status::NoMatch);
        assert_eq!(
            Status::from_best_score(Some(DEFAULT_THRESHOLD)),
            Status::Possible
        );
        assert_eq!(Status::from_best_score(Some(STRONG_CUTOFF)), Status::Strong);
        assert_eq!(Status::from_best_score(Some(0.999)), Status::Strong);
        assert_eq!(Status::from_best_score(Some(1.0)), Status::Exact);
    }

    #[test]
    fn statuses_serialise_as_their_words() {
        for s in Status::ALL {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
    }
}
