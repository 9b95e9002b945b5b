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

use crate::dataset::{cluster, Dataset, FormatError, Store};
use crate::index::{Index, NameRef, QueryTerm, SimCache};
use crate::model::{ListId, Party, PartyType};
use crate::normalize::{family_name_tokens, last_word_open, tokens};
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
    /// "nso gr" finds "NSO Group". Off for batch screening. A last word the
    /// query has closed (a space or punctuation after it, or a legal form
    /// written out: "Apple Inc.", "Target Corporation") is read as whole
    /// even so ([`crate::normalize::last_word_open`]).
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
    /// The query word is an acronym of the listed words
    /// ([`crate::acronym`]): said so in the reasons, not serialised.
    #[serde(skip)]
    pub acronym: bool,
}

/// One search result.
///
/// A summary ([`Screener::search_summaries`]) has no `record`s: what a
/// result list shows is here without them, and [`Screener::detail`] gives
/// them by `key`. [`Screener::search`] fills them in when the dataset's
/// details are loaded (always, for a full dataset file).
#[derive(Clone, Debug, Serialize)]
pub struct Match<'a> {
    /// The party's number in this dataset (for [`Screener::detail`]).
    pub key: u32,
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
    /// Distinct ISO-2 countries of the addresses of the party's listings,
    /// the matched listing's first.
    pub countries: Vec<&'a str>,
    /// The Federal Register notice that listed it, or "".
    pub citation: &'a str,
    /// Why it matched, and what lowered the score, in words.
    pub reasons: Vec<String>,
    /// Which query token paired with which listed token.
    pub pairs: Vec<TokenPair>,
    /// Spans of `matched_name` that matched, as `[start, end)` offsets in
    /// UTF-16 code units (what JS string indices use).
    pub highlights: Vec<[u32; 2]>,
    /// The party's full record (the listing that matched best).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<Party>,
    /// Every list the party is on, most severe first, each with that
    /// listing's own record.
    pub lists: Vec<OnList<'a>>,
    /// Listings with the same name that are not merged into this party
    /// (another department's list, or no shared country), with the reason.
    pub also_on: Vec<AlsoOn<'a>>,
    /// What the score was computed from: for fitting the score model
    /// (`examples/train`); not serialised.
    #[serde(skip)]
    pub evidence: score::Evidence,
}

impl Match<'_> {
    /// The codes of the lists the party is on, most severe first, each
    /// once: one list can hold a party more than once (the Entity List
    /// files it under each of its countries; see [`crate::dataset::cluster`]).
    pub fn list_codes(&self) -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = Vec::new();
        for l in &self.lists {
            if !codes.contains(&l.code) {
                codes.push(l.code);
            }
        }
        codes
    }
}

/// One listing of a result's party.
#[derive(Clone, Debug, Serialize)]
pub struct OnList<'a> {
    /// The list code (`"SDN"`, `"UFLPA"`, `"1260H"`, ...).
    pub code: &'static str,
    /// The list's short name ([`ListId::name`]).
    pub list_name: &'static str,
    /// The listing's number in the dataset.
    pub key: u32,
    /// The listing's source id.
    pub id: &'a str,
    /// The listing's primary name.
    pub name: &'a str,
    /// The listing's full record (its list's own fields).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<Party>,
}

/// A same-name listing of another party, shown as "also on ...".
#[derive(Clone, Debug, Serialize)]
pub struct AlsoOn<'a> {
    pub code: &'static str,
    pub list_name: &'static str,
    pub agency: &'static str,
    pub key: u32,
    pub id: &'a str,
    pub name: &'a str,
    /// Why it is shown, and why it was not merged, in words.
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<Party>,
}

/// A party's full records: what [`Screener::detail`] gives for a result's
/// `key`.
#[derive(Clone, Debug, Serialize)]
pub struct Detail<'a> {
    pub key: u32,
    pub id: &'a str,
    pub name: &'a str,
    /// The code of the most severe list of the party's cluster.
    pub source: &'static str,
    #[serde(rename = "type")]
    pub party_type: PartyType,
    pub record: Party,
    pub lists: Vec<OnList<'a>>,
    pub also_on: Vec<AlsoOn<'a>>,
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
    store: Store,
    index: Index,
    /// Members of each cluster with more than one, most severe list first.
    members: std::collections::HashMap<u32, Vec<u32>>,
}

impl Screener {
    /// A screener over a dataset file's bytes: a full file, or a search
    /// file whose details come later ([`Screener::attach_details`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Screener, FormatError> {
        let (store, tokens) = Store::open(bytes)?;
        let owners: Vec<(u32, u32)> = (0..store.len() as u32)
            .flat_map(|i| {
                let n = store.aliases(i).count() as u32;
                (0..=n).map(move |w| (i, w))
            })
            .collect();
        let index = Index::from_tokens(tokens, &owners);
        let mut members: std::collections::HashMap<u32, Vec<u32>> = Default::default();
        for i in 0..store.len() as u32 {
            let g = store.group(i);
            if g != i {
                members.entry(g).or_insert_with(|| vec![g]).push(i);
            }
        }
        for m in members.values_mut() {
            m.sort_by_key(|&i| (store.list(i).severity(), i));
        }
        Ok(Screener {
            store,
            index,
            members,
        })
    }

    /// Indexes a dataset (encoding it, then loading it as a file would be).
    ///
    /// Panics if `dataset` breaks the format's invariants (a list count
    /// that differs from its parties, a cluster that is not a root):
    /// datasets from [`crate::dataset::build`] never do. Untrusted bytes go
    /// through [`Screener::from_bytes`].
    pub fn new(dataset: Dataset) -> Screener {
        match Screener::from_bytes(&dataset.to_bytes()) {
            Ok(s) => s,
            Err(e) => panic!("an encoded dataset does not load: {e}"),
        }
    }

    /// Attaches the details part (`entity-screen split`'s details file).
    pub fn attach_details(&mut self, bytes: &[u8]) -> Result<(), FormatError> {
        self.store.attach_details(bytes)
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
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Ranked matches for `query` as [`Screener::search_summaries`] gives
    /// them, with every listing's full record when the details are loaded.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Vec<Match<'_>> {
        let mut out = self.search_summaries(query, options);
        if self.store.has_details() {
            for m in out.iter_mut() {
                self.fill_records(m);
            }
        }
        out
    }

    /// Adds the full records to a summary (nothing while the details are
    /// not loaded).
    pub fn fill_records(&self, m: &mut Match<'_>) {
        m.record = self.store.record(m.key);
        for l in m.lists.iter_mut() {
            l.record = self.store.record(l.key);
        }
        for a in m.also_on.iter_mut() {
            a.record = self.store.record(a.key);
        }
    }

    /// The full records of party `key` and of its cluster and same-name
    /// listings, or `None` for a key out of range or while the details are
    /// not loaded.
    pub fn detail(&self, key: u32) -> Option<Detail<'_>> {
        if key as usize >= self.store.len() {
            return None;
        }
        let record = self.store.record(key)?;
        let (mut lists, mut also_on) = self.listings(key);
        for l in lists.iter_mut() {
            l.record = self.store.record(l.key);
        }
        for a in also_on.iter_mut() {
            a.record = self.store.record(a.key);
        }
        Some(Detail {
            key,
            id: self.store.id(key),
            name: self.store.name(key),
            source: lists
                .first()
                .map_or(self.store.list(key).code(), |l| l.code),
            party_type: self.store.party_type(key),
            record,
            lists,
            also_on,
        })
    }

    /// Ranked matches for `query`, best first: at most `options.limit`, each
    /// at least `options.threshold`, one per party (its best name).
    ///
    /// A query in double quotes (`"ABC LLC"`, straight or curly quotes) is
    /// an exact-name search: it matches only names equal to it after
    /// normalisation (case, accents, script, punctuation, legal form), each
    /// at score 1, for users who know the exact name and want no fuzz.
    ///
    /// Summaries: no `record`s (see [`Match`]); what crosses to the browser.
    pub fn search_summaries(&self, query: &str, options: &SearchOptions) -> Vec<Match<'_>> {
        if let Some(name) = quoted(query) {
            return self.search_exact(name, options);
        }
        // Prefix mode reads the last word as possibly half typed; a word
        // the reader has closed is a whole word (see `last_word_open`).
        let toks = tokens(query);
        let prefix = options.prefix && last_word_open(query, &toks);
        let terms = self.index.expand_tokens(toks, prefix);
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
        let mut sims = SimCache::new(&self.index, &qterms, prefix);
        for n in cands {
            if floor > 0.0 && sims.below(n, floor) {
                continue;
            }
            let listed = self.index.name_terms(n as usize);
            let m = sims.sims(n);
            let nl = listed.len().min(32);
            let Some(scored) = score::score_with_matrix(&qterms, &listed, prefix, floor, &m, nl)
            else {
                continue;
            };
            let mut scored = scored;
            let nr = self.index.names[n as usize];
            let person = self.store.party_type(nr.party) == PartyType::Individual;
            let name = || self.store.name_of(nr.party, nr.which);
            // A given-name-table pair in a person's name, or in a name made
            // of names alone (the Entity List does not say which of its
            // parties are people), as `compare` reads any name: few of the
            // names scored have one, so their name is tokenised again.
            if scored.pairs.iter().any(|p| p.sim == score::GIVEN_NAME_SIM)
                && (person || score::plain_name(&listed))
            {
                let family = family_name_tokens(name());
                let again = score::without_nickname_family(
                    scored,
                    &qterms,
                    &listed,
                    prefix,
                    floor,
                    family,
                    || m,
                );
                let Some(again) = again else {
                    continue;
                };
                scored = again;
            }
            // A person's extra query words forgiven: more of them when the
            // family name is rare and agrees. Tokenised again only then.
            if person && !prefix && scored.evidence.q_extra > 0.0 {
                score::family_forgiveness(&mut scored, &listed, family_name_tokens(name()));
            }
            // `family_name` lowers nothing while a word is being typed, or
            // for a one-word query: the name is not tokenised again then.
            if person && !prefix && qterms.len() >= 2 {
                // Tokenised again only for a person's name whose first word
                // no query word paired (the family name, if any, is there).
                if !scored.pairs.iter().any(|p| p.listed().start == 0) {
                    let family = family_name_tokens(name());
                    score::family_name(&mut scored, family, qterms.len(), prefix);
                }
            }
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
        let sev = |i: u32| self.store.list(i).severity();
        let mut by_group: std::collections::HashMap<u32, usize> = Default::default();
        let mut kept: Vec<(u32, u32, T)> = Vec::new();
        for (party, n, scored) in best {
            let g = self.store.group(party);
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
        let st = &self.store;
        let p = n.party;
        (options.lists.is_empty() || options.lists.contains(&st.list(p)))
            && (options.types.is_empty() || options.types.contains(&st.party_type(p)))
            && (options.countries.is_empty()
                || st.countries(p).any(|country| {
                    options
                        .countries
                        .iter()
                        .any(|c| c.trim().eq_ignore_ascii_case(country))
                }))
    }

    fn explain(&self, party: u32, n: u32, qterms: &[Term], scored: Scored) -> Match<'_> {
        let st = &self.store;
        let which = self.index.names[n as usize].which;
        let matched_name = st.name_of(party, which);
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
        let (lists, also_on) = self.listings(party);
        let source = lists.first().map_or(st.list(party).code(), |l| l.code);
        // Every country of the party's listings, the matched listing's first:
        // a party the Entity List files under six countries is in all six.
        let mut countries: Vec<&str> = st.countries(party).collect();
        for l in &lists {
            for c in st.countries(l.key) {
                if !countries.contains(&c) {
                    countries.push(c);
                }
            }
        }
        Match {
            key: party,
            id: st.id(party),
            name: st.name(party),
            matched_name,
            matched_alias: which > 0,
            score: round3(scored.score),
            source,
            party_type: st.party_type(party),
            countries,
            citation: st.citation(party),
            reasons,
            pairs,
            highlights,
            record: None,
            lists,
            also_on,
            evidence: scored.evidence,
        }
    }

    /// Every listing of `party`'s cluster, most severe first, and the
    /// same-name listings not merged with it, without records.
    fn listings(&self, party: u32) -> (Vec<OnList<'_>>, Vec<AlsoOn<'_>>) {
        let st = &self.store;
        let members = self.group_members(st.group(party));
        let lists: Vec<OnList<'_>> = members
            .iter()
            .map(|&i| OnList {
                code: st.list(i).code(),
                list_name: st.list(i).name(),
                key: i,
                id: st.id(i),
                name: st.name(i),
                record: None,
            })
            .collect();
        let mut other_groups: Vec<u32> = members
            .iter()
            .flat_map(|&i| st.also(i).iter().copied())
            .collect();
        other_groups.sort_unstable();
        other_groups.dedup();
        let mut also_on = Vec::new();
        for g in other_groups {
            for i in self.group_members(g) {
                let q = st.list(i);
                if members.iter().any(|&m| st.list(m) == q) {
                    continue;
                }
                also_on.push(AlsoOn {
                    code: q.code(),
                    list_name: q.name(),
                    agency: q.agency(),
                    key: i,
                    id: st.id(i),
                    name: st.name(i),
                    reason: cluster::not_merged_reason(st.list(party), q),
                    record: None,
                });
            }
        }
        also_on.sort_by_key(|a| (st.list(a.key).severity(), a.id));
        (lists, also_on)
    }

    /// Scores two names against each other with this dataset's word weights
    /// (so common words count as little as they do in a search).
    pub fn compare(&self, a: &str, b: &str) -> Comparison {
        // Weighed as a search weighs its query ([`Index::expand`]), so a
        // comparison of a query with a listed name gives that search's score.
        let ta = self.index.expand(a, false);
        let tb = self.index.expand(b, false);
        let qa: Vec<Term> = ta.iter().map(QueryTerm::term).collect();
        let qb: Vec<Term> = tb.iter().map(QueryTerm::term).collect();
        let mut scored = score::score(&qa, &qb, false);
        // A person's name as the lists write one: "FAMILY, Given", of names
        // alone (a company's comma, "Huawei Technologies Co., Ltd.", is not).
        if score::plain_name(&qb) {
            let family = family_name_tokens(b);
            let (nq, nl) = (qa.len().min(32), qb.len().min(32));
            scored = score::without_nickname_family(
                scored,
                &qa,
                &qb,
                false,
                f64::NEG_INFINITY,
                family,
                || {
                    (0..nq * nl)
                        .map(|k| score::token_sim(&qa[k / nl], &qb[k % nl], false))
                        .collect()
                },
            )
            .unwrap_or_default();
            score::family_name(&mut scored, family, qa.len(), false);
            score::family_forgiveness(&mut scored, &qb, family);
        }
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
            acronym: p.query().len() == 1
                && p.listed().len() > 1
                && q.get(p.query().start).is_some_and(|t| {
                    l.get(p.listed())
                        .is_some_and(|run| crate::acronym::best(t, run) > 0.0)
                }),
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
    let acronyms: Vec<String> = pairs
        .iter()
        .filter(|p| p.acronym)
        .map(|p| format!("{} = {} ({:.2})", p.query, p.listed, p.similarity))
        .collect();
    if !acronyms.is_empty() {
        out.push(format!("acronym: {}", acronyms.join(", ")));
    }
    let close: Vec<String> = pairs
        .iter()
        .filter(|p| p.similarity < 1.0 && !p.acronym)
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
            Penalty::FamilyNameUnmatched => {
                "only the given names agree, not the family name".to_string()
            }
            Penalty::OrdinaryWord => {
                "rests on one ordinary word, which many names share".to_string()
            }
        });
    }
    out
}
