//! The `Screener`: ranked search over a dataset, and pairwise compare.
//! (Skeleton: the public types are final, the internals are being written.)

use serde::Serialize;

use crate::dataset::Dataset;
use crate::model::{ListId, Party, PartyType};

/// The default match threshold (see README, "Matching quality").
pub const DEFAULT_THRESHOLD: f64 = 0.8;

/// Options for [`Screener::search`].
#[derive(Clone, Debug)]
pub struct SearchOptions {
    /// At most this many matches (default 10).
    pub limit: usize,
    /// Only matches scoring at least this (default [`DEFAULT_THRESHOLD`]).
    pub threshold: f64,
    /// Only these lists (empty: all).
    pub lists: Vec<ListId>,
    /// Only these party types (empty: all).
    pub types: Vec<PartyType>,
    /// Only parties with an address in one of these ISO-2 countries (empty: all).
    pub countries: Vec<String>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            threshold: DEFAULT_THRESHOLD,
            lists: Vec::new(),
            types: Vec::new(),
            countries: Vec::new(),
        }
    }
}

/// One token pairing: a query token and the listed token it was aligned with.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TokenPair {
    pub query: String,
    pub listed: String,
    /// Similarity of the two tokens in [0, 1].
    pub similarity: f64,
}

/// One search result.
#[derive(Clone, Debug, Serialize)]
pub struct Match<'a> {
    /// The source row's own id (CSL `_id`, OFAC `ent_num`).
    pub id: &'a str,
    /// Primary name of the party.
    pub name: &'a str,
    /// The name or alias that matched.
    pub matched_name: &'a str,
    /// True when `matched_name` is an alias rather than the primary name.
    pub matched_alias: bool,
    /// Score in [0, 1]; see [`crate::score`] for its meaning.
    pub score: f64,
    /// The list code (`"EL"`, `"SDN"`, ...).
    pub source: &'static str,
    #[serde(rename = "type")]
    pub party_type: PartyType,
    /// Why it matched, and what lowered the score, in words.
    pub reasons: Vec<String>,
    /// Which query token paired with which listed token.
    pub pairs: Vec<TokenPair>,
    /// Spans of `matched_name` that matched, as `[start, end)` offsets in
    /// UTF-16 code units (what JS string indices use).
    pub highlights: Vec<[u32; 2]>,
    /// The party's full record.
    pub record: &'a Party,
}

/// The result of [`Screener::compare`].
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    pub score: f64,
    /// `score >= DEFAULT_THRESHOLD`.
    #[serde(rename = "match")]
    pub is_match: bool,
    pub reasons: Vec<String>,
    pub pairs: Vec<TokenPair>,
}

/// A dataset with its search index.
pub struct Screener {
    dataset: Dataset,
}

impl Screener {
    /// Indexes a dataset.
    pub fn new(dataset: Dataset) -> Screener {
        Screener { dataset }
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// Ranked matches for `query`, best first.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Vec<Match<'_>> {
        let q = query.to_lowercase();
        let mut out = Vec::new();
        if q.trim().is_empty() {
            return out;
        }
        for p in &self.dataset.parties {
            if !options.lists.is_empty() && !options.lists.contains(&p.list) {
                continue;
            }
            for (i, n) in p.names().enumerate() {
                if n.to_lowercase().contains(q.trim()) {
                    out.push(Match {
                        id: &p.id,
                        name: &p.name,
                        matched_name: n,
                        matched_alias: i > 0,
                        score: 1.0,
                        source: p.list.code(),
                        party_type: p.party_type,
                        reasons: vec!["substring (placeholder matcher)".into()],
                        pairs: Vec::new(),
                        highlights: Vec::new(),
                        record: p,
                    });
                    break;
                }
            }
            if out.len() >= options.limit {
                break;
            }
        }
        out
    }

    /// Scores two names against each other.
    pub fn compare(a: &str, b: &str) -> Comparison {
        let score = strsim::jaro_winkler(&a.to_lowercase(), &b.to_lowercase());
        Comparison {
            score,
            is_match: score >= DEFAULT_THRESHOLD,
            reasons: Vec::new(),
            pairs: Vec::new(),
        }
    }
}
