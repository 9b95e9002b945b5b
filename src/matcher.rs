//! The `Screener`: ranked search over a dataset, and pairwise compare.
//!
//! A search normalises the query ([`crate::normalize`]), retrieves candidate
//! names from the index ([`crate::index`]), scores each with
//! [`crate::score::score`], keeps the best name per party, and explains every
//! match: which name or alias matched, which words paired, what lowered the
//! score, and where in the matched name to highlight.
//!
//! ## One party, one result
//!
//! Listings that are one party (one cluster, [`crate::dataset::cluster`])
//! give one result: the member whose best name scores highest (on a tie,
//! the one on the most severe list) is the result's `id`, `name`, `record`;
//! `lists` has every member, most severe list first ([`ListId::BY_SEVERITY`]),
//! and `source` is the first of them. `lists` always shows all of a party's
//! lists, also when a list filter let only some of them match. Same-name
//! listings that were not merged are in `also_on`, with the reason.

use serde::Serialize;

use crate::dataset::{cluster, Dataset};
use crate::index::{Index, NameRef, QueryTerm, SimCache};
use crate::model::{ListId, Party, PartyType};
use crate::normalize::tokens;
use crate::score::{self, Penalty, Scored, Term};

/// The default match threshold: matches scoring below it are not reported.
/// Chosen on our own evaluation (`cargo run --release --example evaluate`;
/// README, "Matching quality"): the lowest value that keeps false hits on
/// innocent names at or under 2 %.
pub const DEFAULT_THRESHOLD: f64 = 0.75;

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
    /// Treat the last query word as possibly incomplete (search-as-you-type):
    /// "nso gr" finds "NSO Group". Off for batch screening.
    pub prefix: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            threshold: DEFAULT_THRESHOLD,
            lists: Vec::new(),
            types: Vec::new(),
            countries: Vec::new(),
            prefix: false,
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
    /// The code of the most severe list the party is on (`"SDN"`, `"EL"`,
    /// ...): the first of `lists`.
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
    /// The party's full record (the listing that matched best).
    pub record: &'a Party,
    /// Every list the party is on, most severe first, each with that
    /// listing's own record.
    pub lists: Vec<OnList<'a>>,
    /// Listings with the same name that are not merged into this party
    /// (another department's list, or no shared country), with the reason.
    pub also_on: Vec<AlsoOn<'a>>,
}

/// One listing of a result's party.
#[derive(Clone, Debug, Serialize)]
pub struct OnList<'a> {
    /// The list code (`"SDN"`, `"UFLPA"`, `"1260H"`, ...).
    pub code: &'static str,
    /// The list's short name ([`ListId::name`]).
    pub list_name: &'static str,
    /// The listing's source id.
    pub id: &'a str,
    /// The listing's primary name.
    pub name: &'a str,
    /// The listing's full record (its list's own fields).
    pub record: &'a Party,
}

/// A same-name listing of another party, shown as "also on ...".
#[derive(Clone, Debug, Serialize)]
pub struct AlsoOn<'a> {
    pub code: &'static str,
    pub list_name: &'static str,
    pub agency: &'static str,
    pub id: &'a str,
    pub name: &'a str,
    /// Why it is shown, and why it was not merged, in words.
    pub reason: String,
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
    index: Index,
    /// Members of each cluster with more than one, most severe list first.
    members: std::collections::HashMap<u32, Vec<u32>>,
}

impl Screener {
    /// Indexes a dataset.
    pub fn new(dataset: Dataset) -> Screener {
        let index = Index::build(&dataset.parties);
        let mut members: std::collections::HashMap<u32, Vec<u32>> = Default::default();
        for (i, p) in dataset.parties.iter().enumerate() {
            if p.group as usize != i {
                members
                    .entry(p.group)
                    .or_insert_with(|| vec![p.group])
                    .push(i as u32);
            }
        }
        let parties = &dataset.parties;
        for m in members.values_mut() {
            m.sort_by_key(|&i| (parties[i as usize].list.severity(), i));
        }
        Screener {
            dataset,
            index,
            members,
        }
    }

    /// The parties of `group`, most severe list first (the group alone when
    /// it has one member).
    pub fn group_members(&self, group: u32) -> Vec<u32> {
        match self.members.get(&group) {
            Some(m) => m.clone(),
            None => vec![group],
        }
    }

    /// The dataset searched.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// Ranked matches for `query`, best first: at most `options.limit`, each
    /// at least `options.threshold`, one per party (its best name).
    ///
    /// A query in double quotes (`"ABC LLC"`, straight or curly quotes) is
    /// an exact-name search: it matches only names equal to it after
    /// normalisation (case, accents, script, punctuation, legal form), each
    /// at score 1, for users who know the exact name and want no fuzz.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Vec<Match<'_>> {
        if let Some(name) = quoted(query) {
            return self.search_exact(name, options);
        }
        let terms = self.index.expand(query, options.prefix);
        if terms.is_empty() || options.limit == 0 {
            return Vec::new();
        }
        let allow = |n: &NameRef| self.allowed(n, options);
        let cands = self.index.candidates(&terms, &allow);
        let qterms: Vec<Term> = terms.iter().map(QueryTerm::term).collect();

        // Best name per party.
        let mut best: Vec<(u32, u32, Scored)> = Vec::new();
        let mut seen: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
        // Names that cannot reach the threshold are not scored. The bound is
        // a true one, and the candidates do not depend on the threshold, so
        // this changes no result (tests/robustness.rs checks that). The
        // threshold applies to the score as reported (three decimals), so a
        // match shown as 0.750 is kept at 0.75; a name whose bound is half
        // a thousandth below cannot round up to it.
        let floor = options.threshold - 0.0005;
        let mut sims = SimCache::new(&self.index, &qterms, options.prefix);
        for n in cands {
            if floor > 0.0 && sims.below(n, floor) {
                continue;
            }
            let listed = self.index.name_terms(n as usize);
            let m = sims.sims(n);
            let nl = listed.len().min(32);
            let Some(scored) =
                score::score_with(&qterms, &listed, options.prefix, floor, |i, j| {
                    m[i * nl + j]
                })
            else {
                continue;
            };
            if round3(scored.score) < options.threshold || scored.score <= 0.0 {
                continue;
            }
            let party = self.index.names[n as usize].party;
            match seen.get(&party) {
                Some(&k) if best[k].2.score >= scored.score => {}
                Some(&k) => best[k] = (party, n, scored),
                None => {
                    seen.insert(party, best.len());
                    best.push((party, n, scored));
                }
            }
        }
        let mut best = self.best_per_group(best, |s: &Scored| s.score);
        best.sort_by(|a, b| b.2.score.total_cmp(&a.2.score).then(a.0.cmp(&b.0)));
        best.truncate(options.limit);
        best.into_iter()
            .map(|(party, n, scored)| self.explain(party, n, &qterms, scored))
            .collect()
    }

    /// One entry per cluster (one party, one result): of the cluster's
    /// scored members, the highest score wins, ties to the most severe list.
    fn best_per_group<T>(
        &self,
        best: Vec<(u32, u32, T)>,
        score: impl Fn(&T) -> f64,
    ) -> Vec<(u32, u32, T)> {
        let parties = &self.dataset.parties;
        let sev = |i: u32| parties[i as usize].list.severity();
        let mut by_group: std::collections::HashMap<u32, usize> = Default::default();
        let mut kept: Vec<(u32, u32, T)> = Vec::new();
        for (party, n, scored) in best {
            let g = parties[party as usize].group;
            match by_group.get(&g) {
                Some(&k) => {
                    let (kp, _, ks) = &kept[k];
                    let better = score(&scored) > score(ks)
                        || (score(&scored) == score(ks) && sev(party) < sev(*kp));
                    if better {
                        kept[k] = (party, n, scored);
                    }
                }
                None => {
                    by_group.insert(g, kept.len());
                    kept.push((party, n, scored));
                }
            }
        }
        kept
    }

    fn search_exact(&self, name: &str, options: &SearchOptions) -> Vec<Match<'_>> {
        if options.limit == 0 || options.threshold > 1.0 {
            return Vec::new();
        }
        let terms = self.index.terms_of(name);
        let qterms: Vec<Term> = terms.iter().map(QueryTerm::term).collect();
        let mut best: Vec<(u32, u32, f64)> = Vec::new();
        for n in self.index.exact_names(name) {
            let nr = self.index.names[n as usize];
            if self.allowed(&nr, options) && !best.iter().any(|b| b.0 == nr.party) {
                best.push((nr.party, n, 1.0));
            }
        }
        let mut best = self.best_per_group(best, |&s: &f64| s);
        best.sort_unstable_by_key(|b| (b.0, b.1));
        best.truncate(options.limit);
        best.into_iter()
            .map(|(party, n, _)| {
                let listed = self.index.name_terms(n as usize);
                let mut scored = score::score(&qterms, &listed, false);
                scored.score = 1.0;
                scored.penalties.clear();
                let mut m = self.explain(party, n, &qterms, scored);
                m.reasons
                    .insert(1, "exact name (quoted search)".to_string());
                m
            })
            .collect()
    }

    /// Whether indexed name `n` passes the list, type and country filters.
    fn allowed(&self, n: &NameRef, options: &SearchOptions) -> bool {
        let p = &self.dataset.parties[n.party as usize];
        (options.lists.is_empty() || options.lists.contains(&p.list))
            && (options.types.is_empty() || options.types.contains(&p.party_type))
            && (options.countries.is_empty()
                || p.addresses.iter().any(|a| {
                    options
                        .countries
                        .iter()
                        .any(|c| c.trim().eq_ignore_ascii_case(&a.country))
                }))
    }

    fn explain(&self, party: u32, n: u32, qterms: &[Term], scored: Scored) -> Match<'_> {
        let p = &self.dataset.parties[party as usize];
        let which = self.index.names[n as usize].which as usize;
        let matched_name: &str = if which == 0 {
            &p.name
        } else {
            &p.aliases[which - 1]
        };
        let listed = self.index.name_terms(n as usize);
        let pairs = token_pairs(qterms, &listed, &scored);
        let mut reasons = Vec::new();
        if which == 0 {
            reasons.push("matched the primary name".to_string());
        } else {
            reasons.push(format!("matched the alias \"{matched_name}\""));
        }
        reasons.extend(describe(qterms, &listed, &pairs, &scored.penalties));

        // Highlight the source spans of the paired listed tokens.
        let spans = tokens(matched_name);
        let mut highlights: Vec<[u32; 2]> = Vec::new();
        for pair in &scored.pairs {
            for j in pair.listed() {
                if let Some(t) = spans.get(j) {
                    highlights.push([t.start, t.end]);
                }
            }
        }
        highlights.sort_unstable();
        let parties = &self.dataset.parties;
        let members = self.group_members(p.group);
        let lists: Vec<OnList<'_>> = members
            .iter()
            .map(|&i| {
                let q = &parties[i as usize];
                OnList {
                    code: q.list.code(),
                    list_name: q.list.name(),
                    id: &q.id,
                    name: &q.name,
                    record: q,
                }
            })
            .collect();
        let mut other_groups: Vec<u32> = members
            .iter()
            .flat_map(|&i| parties[i as usize].also.iter().copied())
            .collect();
        other_groups.sort_unstable();
        other_groups.dedup();
        let mut also_on = Vec::new();
        for g in other_groups {
            for i in self.group_members(g) {
                let q = &parties[i as usize];
                if members.iter().any(|&m| parties[m as usize].list == q.list) {
                    continue;
                }
                also_on.push(AlsoOn {
                    code: q.list.code(),
                    list_name: q.list.name(),
                    agency: q.list.agency(),
                    id: &q.id,
                    name: &q.name,
                    reason: cluster::not_merged_reason(p, q),
                    record: q,
                });
            }
        }
        also_on.sort_by_key(|a| (a.record.list.severity(), a.id));
        let source = lists.first().map_or(p.list.code(), |l| l.code);
        Match {
            id: &p.id,
            name: &p.name,
            matched_name,
            matched_alias: which > 0,
            score: round3(scored.score),
            source,
            party_type: p.party_type,
            reasons,
            pairs,
            highlights,
            record: p,
            lists,
            also_on,
        }
    }

    /// Scores two names against each other with this dataset's word weights
    /// (so common words count as little as they do in a search).
    pub fn compare(&self, a: &str, b: &str) -> Comparison {
        let ta = self.index.terms_of(a);
        let tb = self.index.terms_of(b);
        let qa: Vec<Term> = ta.iter().map(QueryTerm::term).collect();
        let qb: Vec<Term> = tb.iter().map(QueryTerm::term).collect();
        let scored = score::score(&qa, &qb, false);
        let pairs = token_pairs(&qa, &qb, &scored);
        let score = round3(scored.score);
        Comparison {
            score,
            is_match: score >= DEFAULT_THRESHOLD,
            reasons: describe(&qa, &qb, &pairs, &scored.penalties),
            pairs,
        }
    }
}

/// The name inside a query wrapped in double quotes (straight `"…"` or
/// curly `“…”`), if it is one.
fn quoted(query: &str) -> Option<&str> {
    let q = query.trim();
    let inner = q
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .or_else(|| {
            q.strip_prefix('\u{201C}')
                .and_then(|r| r.strip_suffix('\u{201D}'))
        })?;
    Some(inner)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn token_pairs(q: &[Term], l: &[Term], scored: &Scored) -> Vec<TokenPair> {
    let join = |side: &[Term], idx: std::ops::Range<usize>| -> String {
        idx.filter_map(|i| side.get(i).map(|t| t.text))
            .collect::<Vec<_>>()
            .join(" ")
    };
    scored
        .pairs
        .iter()
        .map(|p| TokenPair {
            query: join(q, p.query()),
            listed: join(l, p.listed()),
            similarity: round3(p.sim),
        })
        .collect()
}

/// Reasons in words: what agreed, then what lowered the score.
fn describe(q: &[Term], l: &[Term], pairs: &[TokenPair], penalties: &[Penalty]) -> Vec<String> {
    let words = |terms: &[Term], mask: u32| -> String {
        terms
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < 32 && mask & (1 << i) != 0)
            .map(|(_, t)| t.text)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = Vec::new();
    let exact: Vec<&str> = pairs
        .iter()
        .filter(|p| p.similarity >= 1.0)
        .map(|p| p.listed.as_str())
        .collect();
    if !exact.is_empty() {
        out.push(format!("same words: {}", exact.join(", ")));
    }
    let close: Vec<String> = pairs
        .iter()
        .filter(|p| p.similarity < 1.0)
        .map(|p| format!("{} ≈ {} ({:.2})", p.query, p.listed, p.similarity))
        .collect();
    if !close.is_empty() {
        out.push(format!("similar words: {}", close.join(", ")));
    }
    for pen in penalties {
        out.push(match pen {
            Penalty::UnmatchedQuery(m) => format!("not in the listed name: {}", words(q, *m)),
            Penalty::UnmatchedListed(m) => format!("listed name also has: {}", words(l, *m)),
            Penalty::NumbersDiffer => "numbers differ".to_string(),
            Penalty::SingleFuzzyWord => "rests on one similar (not equal) word".to_string(),
            Penalty::OnlyWeakWords => "only legal forms or common words agree".to_string(),
            Penalty::OnlyRoughWords => "no word is spelled alike, each is only similar".to_string(),
        });
    }
    out
}
