//! Candidate retrieval: find the few names worth scoring without scoring
//! every name for every query.
//!
//! Built once per dataset (in [`crate::Screener::new`]):
//!
//! * a dictionary of every distinct normalised token, sorted (so a prefix is
//!   a contiguous range: results appear while the last word is being typed);
//! * per token: its weight (rarity), its phonetic key, and a postings list of
//!   the names that contain it (compressed-sparse-row: one offsets array, one
//!   ids array);
//! * a phonetic-key map (Yevgeniy finds Evgenii) and a trigram map over the
//!   dictionary (a typo in a rare word still finds it: the candidate search is
//!   fuzzy, not exact).
//!
//! A query token expands to the dictionary tokens that are exact, phonetic,
//! edit-distance or prefix neighbours; their postings give candidate names,
//! ranked by the weight they could match, and only the best
//! [`MAX_CANDIDATES`] are fully scored.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the index's keys are short strings and small integers that no
/// adversary chooses at build time, and SipHash was a tenth of start-up.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;

use crate::edit::{self, letter_mask};
use crate::model::Party;
use crate::normalize::{is_generic, phonetic_key, tokens, TokenKind};
use crate::score::{
    default_weight, joinable, prefix_sim, score_bound, token_sim, token_sim_bound, Term,
    GENERIC_WEIGHT_CAP, MIN_TOKEN_SIM, PHONETIC_SIM,
};

/// Names fully scored per query.
pub const MAX_CANDIDATES: usize = 150;
/// Dictionary tokens a prefix may expand to.
const MAX_PREFIX_EXPANSION: usize = 200;
/// Dictionary tokens a fuzzy lookup may verify.
const MAX_FUZZY_VERIFY: usize = 2000;

/// One indexed name: a party's primary name or one of its aliases.
#[derive(Clone, Copy, Debug)]
pub struct NameRef {
    /// Index into the dataset's parties.
    pub party: u32,
    /// 0 for the primary name, else 1 + alias index.
    pub which: u32,
    /// Range into `name_terms`.
    start: u32,
    len: u32,
}

/// The search index over one dataset.
pub struct Index {
    dict: Vec<Box<str>>,
    keys: Vec<Box<str>>,
    kinds: Vec<TokenKind>,
    weights: Vec<f32>,
    post_offsets: Vec<u32>,
    post_ids: Vec<u32>,
    /// Sorted (hash of phonetic key, token id) of every word.
    key_map: Vec<(u64, u32)>,
    /// Sorted `trigram << 32 | token id` of every word of four letters or
    /// more: one flat array sorts faster at start-up than a map of vectors.
    grams: Vec<u64>,
    /// Sorted (hash, token id) of every short word and each of its
    /// one-letter deletions: a typo or swap in a short word shares a
    /// deletion with the word ("woek" and "woke" both give "wok"), where
    /// trigrams share almost nothing.
    deletions: Vec<(u64, u32)>,
    pub(crate) names: Vec<NameRef>,
    name_terms: Vec<u32>,
}

/// A query token with the dictionary tokens it may pair with.
pub struct QueryTerm {
    pub text: String,
    pub key: String,
    pub kind: TokenKind,
    pub weight: f64,
    /// (dictionary id, similarity upper bound).
    expansions: Vec<(u32, f32)>,
}

impl QueryTerm {
    pub fn term(&self) -> Term<'_> {
        Term {
            text: &self.text,
            key: &self.key,
            kind: self.kind,
            weight: self.weight,
        }
    }
}

impl Index {
    /// Indexes every name and alias of `parties`.
    pub fn build(parties: &[Party]) -> Index {
        // Pass 1: tokenise, intern.
        let mut interned: HashMap<String, u32> = HashMap::default();
        let mut dict: Vec<String> = Vec::new();
        let mut kinds: Vec<TokenKind> = Vec::new();
        let mut names: Vec<NameRef> = Vec::new();
        let mut name_terms: Vec<u32> = Vec::new();
        for (pi, p) in parties.iter().enumerate() {
            for (which, n) in p.names().enumerate() {
                let toks = tokens(n);
                if toks.is_empty() {
                    continue;
                }
                let start = name_terms.len() as u32;
                for t in toks {
                    let id = match interned.get(&t.text) {
                        Some(&id) => id,
                        None => {
                            let id = dict.len() as u32;
                            interned.insert(t.text.clone(), id);
                            dict.push(t.text);
                            kinds.push(t.kind);
                            id
                        }
                    };
                    name_terms.push(id);
                }
                names.push(NameRef {
                    party: pi as u32,
                    which: which as u32,
                    start,
                    len: name_terms.len() as u32 - start,
                });
            }
        }
        drop(interned);

        // Sort the dictionary so prefixes are ranges; remap ids.
        let mut order: Vec<u32> = (0..dict.len() as u32).collect();
        order.sort_by(|&a, &b| dict[a as usize].cmp(&dict[b as usize]));
        let mut remap = vec![0u32; dict.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        for t in name_terms.iter_mut() {
            *t = remap[*t as usize];
        }
        let mut sorted_dict: Vec<Box<str>> = Vec::with_capacity(dict.len());
        let mut sorted_kinds = Vec::with_capacity(dict.len());
        for &old in &order {
            sorted_dict.push(std::mem::take(&mut dict[old as usize]).into_boxed_str());
            sorted_kinds.push(kinds[old as usize]);
        }
        let dict = sorted_dict;
        let kinds = sorted_kinds;

        // Postings (each name once per token) and document frequencies.
        let mut counts = vec![0u32; dict.len()];
        for n in &names {
            let r = &name_terms[n.start as usize..(n.start + n.len) as usize];
            for (k, &t) in r.iter().enumerate() {
                if !r[..k].contains(&t) {
                    counts[t as usize] += 1;
                }
            }
        }
        let mut post_offsets = Vec::with_capacity(dict.len() + 1);
        let mut acc = 0u32;
        post_offsets.push(0);
        for &c in &counts {
            acc += c;
            post_offsets.push(acc);
        }
        let mut fill = post_offsets.clone();
        let mut post_ids = vec![0u32; acc as usize];
        for (ni, n) in names.iter().enumerate() {
            let r = &name_terms[n.start as usize..(n.start + n.len) as usize];
            for (k, &t) in r.iter().enumerate() {
                if !r[..k].contains(&t) {
                    post_ids[fill[t as usize] as usize] = ni as u32;
                    fill[t as usize] += 1;
                }
            }
        }

        // Weights: inverse document frequency over names, scaled to
        // [0.25, 1], then the kind's cap.
        let n_names = names.len().max(2) as f64;
        let weights: Vec<f32> = (0..dict.len())
            .map(|t| {
                let df = counts[t].max(1) as f64;
                let idf = 0.25 + 0.75 * ((n_names / df).ln() / n_names.ln()).clamp(0.0, 1.0);
                weight_for(&dict[t], kinds[t], idf) as f32
            })
            .collect();

        let keys: Vec<Box<str>> = dict
            .iter()
            .map(|t| phonetic_key(t).into_boxed_str())
            .collect();
        let mut key_map: Vec<(u64, u32)> = Vec::new();
        let mut grams: Vec<u64> = Vec::new();
        for (id, t) in dict.iter().enumerate() {
            if !matches!(kinds[id], TokenKind::Word) {
                continue;
            }
            key_map.push((fnv(keys[id].as_bytes()), id as u32));
            if t.len() >= 4 {
                grams.extend(trigrams(t).map(|g| (gram_code(g) << 32) | id as u64));
            }
        }
        key_map.sort_unstable();
        grams.sort_unstable();
        grams.dedup();

        let mut deletions: Vec<(u64, u32)> = Vec::new();
        for (id, t) in dict.iter().enumerate() {
            if matches!(kinds[id], TokenKind::Word) && SHORT.contains(&t.len()) {
                for_each_deletion(t.as_bytes(), |h| deletions.push((h, id as u32)));
            }
        }
        deletions.sort_unstable();
        deletions.dedup();

        Index {
            dict,
            keys,
            deletions,
            kinds,
            weights,
            post_offsets,
            post_ids,
            key_map,
            grams,
            names,
            name_terms,
        }
    }

    /// Number of indexed names.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    fn lookup(&self, text: &str) -> Option<u32> {
        self.dict
            .binary_search_by(|t| (**t).cmp(text))
            .ok()
            .map(|i| i as u32)
    }

    /// Weight of a token: the dataset's when the token is known, else by kind.
    fn weight_of(&self, text: &str, kind: TokenKind) -> f64 {
        match self.lookup(text) {
            Some(id) => self.weights[id as usize] as f64,
            None => weight_for(text, kind, default_weight(kind)),
        }
    }

    /// Weighted terms of an arbitrary name (for `compare`).
    pub fn terms_of(&self, name: &str) -> Vec<QueryTerm> {
        tokens(name)
            .into_iter()
            .map(|t| {
                let weight = self.weight_of(&t.text, t.kind);
                QueryTerm {
                    key: phonetic_key(&t.text),
                    text: t.text,
                    kind: t.kind,
                    weight,
                    expansions: Vec::new(),
                }
            })
            .collect()
    }

    /// Terms of indexed name `n`, borrowing the dictionary.
    pub fn name_terms(&self, n: usize) -> Vec<Term<'_>> {
        let r = self.names[n];
        self.name_terms[r.start as usize..(r.start + r.len) as usize]
            .iter()
            .map(|&t| self.term(t as usize))
            .collect()
    }

    /// Indexed names equal to `query` after normalisation: the same tokens
    /// in the same order. For an exact-name search (a quoted query).
    pub fn exact_names(&self, query: &str) -> Vec<u32> {
        let ids: Option<Vec<u32>> = tokens(query).iter().map(|t| self.lookup(&t.text)).collect();
        let Some(ids) = ids.filter(|ids| !ids.is_empty()) else {
            return Vec::new();
        };
        // Every such name is in the postings of each of its tokens: read the
        // shortest list.
        let postings = |id: u32| {
            &self.post_ids[self.post_offsets[id as usize] as usize
                ..self.post_offsets[id as usize + 1] as usize]
        };
        let rarest = ids.iter().copied().min_by_key(|&id| postings(id).len());
        rarest
            .map(postings)
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|&n| {
                let r = self.names[n as usize];
                self.name_terms[r.start as usize..(r.start + r.len) as usize] == ids[..]
            })
            .collect()
    }

    fn term(&self, id: usize) -> Term<'_> {
        Term {
            text: &self.dict[id],
            key: &self.keys[id],
            kind: self.kinds[id],
            weight: self.weights[id] as f64,
        }
    }

    /// Query terms with their dictionary expansions. `prefix` lets the last
    /// token expand to every dictionary token it starts.
    pub fn expand(&self, query: &str, prefix: bool) -> Vec<QueryTerm> {
        let mut terms = self.terms_of(query);
        let n = terms.len();
        let only_weak = terms
            .iter()
            .all(|t| matches!(t.kind, TokenKind::Legal | TokenKind::Stop));
        for (i, t) in terms.iter_mut().enumerate() {
            let is_last = i + 1 == n;
            let weak = matches!(t.kind, TokenKind::Legal | TokenKind::Stop);
            if weak && !only_weak {
                // Legal forms and stopwords never retrieve on their own: their
                // postings are huge and they are no evidence.
                continue;
            }
            let mut exp: Vec<(u32, f32)> = Vec::new();
            if let Some(id) = self.lookup(&t.text) {
                exp.push((id, 1.0));
            }
            if t.kind == TokenKind::Word {
                let h = fnv(t.key.as_bytes());
                let from = self.key_map.partition_point(|e| e.0 < h);
                exp.extend(
                    self.key_map[from..]
                        .iter()
                        .take_while(|e| e.0 == h)
                        .filter(|e| *self.keys[e.1 as usize] == *t.key)
                        .map(|e| (e.1, PHONETIC_SIM as f32)),
                );
                if t.text.len() >= 4 {
                    self.fuzzy(&t.text, &mut exp);
                }
            }
            if prefix && is_last && matches!(t.kind, TokenKind::Word | TokenKind::Initial) {
                self.prefix_range(&t.text, &mut exp);
            }
            exp.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            exp.dedup_by_key(|e| e.0);
            t.expansions = exp;
        }
        // Adjacent query words joined ("saito tech" → "saitotech").
        for i in 0..n.saturating_sub(1) {
            if terms[i].kind == TokenKind::Word || terms[i + 1].kind == TokenKind::Word {
                let joined = format!("{}{}", terms[i].text, terms[i + 1].text);
                if let Some(id) = self.lookup(&joined) {
                    // Counted at the weight of both words (an upper bound).
                    let both = (terms[i].weight + terms[i + 1].weight) / terms[i].weight.max(1e-6);
                    terms[i].expansions.push((id, both.min(4.0) as f32));
                }
            }
        }
        terms
    }

    fn prefix_range(&self, p: &str, out: &mut Vec<(u32, f32)>) {
        let start = self.dict.partition_point(|t| **t < *p);
        for id in start..(start + MAX_PREFIX_EXPANSION).min(self.dict.len()) {
            if !self.dict[id].starts_with(p) {
                break;
            }
            let sim = prefix_sim(p.len(), self.dict[id].len());
            out.push((id as u32, sim as f32));
        }
    }

    fn fuzzy(&self, t: &str, out: &mut Vec<(u32, f32)>) {
        let len = t.len();
        if (SHORT.start..=SHORT.end).contains(&len) {
            let mut ids: Vec<u32> = Vec::new();
            for_each_deletion(t.as_bytes(), |h| {
                let from = self.deletions.partition_point(|e| e.0 < h);
                ids.extend(
                    self.deletions[from..]
                        .iter()
                        .take_while(|e| e.0 == h)
                        .map(|e| e.1),
                );
            });
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                let s = edit::similarity(t, &self.dict[id as usize]);
                if s >= MIN_TOKEN_SIM {
                    out.push((id, s as f32));
                }
            }
        }
        // The scorer's edit allowance for this length: words further apart
        // in length cannot pair, so their trigrams are skipped.
        let slack = edit::allowance(len);
        if slack == 0 {
            return;
        }
        let grams: Vec<[u8; 3]> = trigrams(t).collect();
        let postings: Vec<&[u64]> = grams
            .iter()
            .map(|&g| {
                let lo = gram_code(g) << 32;
                let from = self.grams.partition_point(|&e| e < lo);
                let to = from + self.grams[from..].partition_point(|&e| e >> 32 == lo >> 32);
                &self.grams[from..to]
            })
            .collect();
        // Sized once for the longest posting list: growing it step by step
        // rehashed it a dozen times per query word.
        let most = postings.iter().map(|p| p.len()).max().unwrap_or(0);
        let mut counts: HashMap<u32, u16> =
            HashMap::with_capacity_and_hasher(most.min(1 << 14), Default::default());
        for list in postings {
            for &e in list {
                let id = e as u32;
                if self.dict[id as usize].len().abs_diff(len) <= slack {
                    *counts.entry(id).or_default() += 1;
                }
            }
        }
        // One edit changes at most three trigrams; ask for a third of them
        // (at least 2) so transpositions and doubled letters pass.
        let need = (grams.len() / 3).max(2) as u16;
        let mut cands: Vec<(u32, u16)> = counts.into_iter().filter(|&(_, c)| c >= need).collect();
        cands.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for &(id, _) in cands.iter().take(MAX_FUZZY_VERIFY) {
            let s = edit::similarity(t, &self.dict[id as usize]);
            if s >= MIN_TOKEN_SIM {
                out.push((id, s as f32));
            }
        }
    }

    /// Candidate names for expanded query terms, best first by the query
    /// weight they could match, at most [`MAX_CANDIDATES`]. `allow` filters
    /// names (by party) before ranking, so a filter never hides a match.
    ///
    /// Invariant: the candidates do not depend on the search threshold.
    /// The ranking below is an estimate, not a bound (the expansions do not
    /// list every word the scorer could pair), so pruning by threshold here
    /// would lose matches that a lower threshold finds; the scorer prunes
    /// instead, with a true bound ([`crate::score::score_at_least`]).
    pub fn candidates(&self, terms: &[QueryTerm], allow: &dyn Fn(&NameRef) -> bool) -> Vec<u32> {
        let n = self.names.len();
        // `rank`: the query weight a name could match, each pair weighted by
        // the lighter of its two words, so that a fuzzy hit on a rare listed
        // word ranks above the same hit on a common one ("lant" finds
        // "LANIT" before "plant").
        let mut acc = ACCUMULATORS.with(|a| std::mem::take(&mut *a.borrow_mut()));
        if acc.len() != n {
            acc = vec![Accumulator::default(); n];
        }
        let mut touched: Vec<u32> = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        for t in terms {
            let wq = t.weight as f32;
            for &(id, sim) in &t.expansions {
                let lo = self.post_offsets[id as usize] as usize;
                let hi = self.post_offsets[id as usize + 1] as usize;
                let r = sim.min(1.0) * wq.min(self.weights[id as usize]);
                for &name in &self.post_ids[lo..hi] {
                    let a = &mut acc[name as usize];
                    if a.best == 0.0 {
                        touched.push(name);
                    }
                    a.best = a.best.max(sim);
                    a.best_rank = a.best_rank.max(r);
                }
            }
            for &name in &touched {
                let a = &mut acc[name as usize];
                if !a.seen {
                    a.seen = true;
                    seen.push(name);
                }
                a.rank += a.best_rank;
                a.best = 0.0;
                a.best_rank = 0.0;
            }
            touched.clear();
        }
        let rank: Vec<f32> = seen.iter().map(|&nm| acc[nm as usize].rank).collect();
        // Every touched entry is back to its default, so the next query on
        // this thread starts from a clean table without refilling it.
        for &nm in &seen {
            acc[nm as usize] = Accumulator::default();
        }
        ACCUMULATORS.with(|a| *a.borrow_mut() = acc);
        let mut ranked: Vec<(u32, f32)> = seen
            .into_iter()
            .zip(rank)
            .filter(|&(nm, _)| allow(&self.names[nm as usize]))
            .collect();
        // Ties broken by name id so results never depend on visiting order
        // (a total order: selecting the best first gives what a full sort
        // would, without sorting the thousands a common word brings).
        let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > MAX_CANDIDATES {
            ranked.select_nth_unstable_by(MAX_CANDIDATES, order);
            ranked.truncate(MAX_CANDIDATES);
        }
        ranked.sort_unstable_by(order);
        ranked.into_iter().map(|(nm, _)| nm).collect()
    }
}

/// One indexed name's running totals in [`Index::candidates`]: `best` and
/// `best_rank` for the current query term, `rank` summed over terms.
#[derive(Clone, Copy, Default)]
struct Accumulator {
    best: f32,
    best_rank: f32,
    rank: f32,
    seen: bool,
}

thread_local! {
    /// The accumulator table of the last [`Index::candidates`] on this
    /// thread, all defaults again: a query touches a few thousand of the
    /// tens of thousands of names, and allocating and zeroing a fresh table
    /// per query cost more than the accumulation itself.
    static ACCUMULATORS: std::cell::RefCell<Vec<Accumulator>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Token similarities of one query against the dictionary, computed once
/// per distinct listed word of the candidates, however many names share it:
/// they bound each name's score ([`SimCache::below`]) and then score the
/// names that may reach the threshold ([`SimCache::sims`]).
pub struct SimCache<'a> {
    index: &'a Index,
    query: &'a [Term<'a>],
    prefix: bool,
    masks: Vec<[u32; 2]>,
    /// Per dictionary token: its row in `sims`, or `u32::MAX`.
    slot: Vec<u32>,
    /// Per row, one [`token_sim_bound`] per query token, 0 where the pair
    /// cannot be aligned.
    bounds: Vec<f64>,
    /// Per row, one [`crate::score::token_sim`] per query token, 0 where the
    /// pair cannot be aligned; filled only where `exact` says so.
    sims: Vec<f64>,
    /// Per row, whether its `sims` are computed.
    exact: Vec<bool>,
    /// The dictionary tokens given a slot, to reset on drop.
    touched: Vec<u32>,
}

impl Drop for SimCache<'_> {
    fn drop(&mut self) {
        let mut slot = std::mem::take(&mut self.slot);
        for &id in &self.touched {
            slot[id as usize] = u32::MAX;
        }
        SLOTS.with(|s| *s.borrow_mut() = slot);
    }
}

thread_local! {
    /// The slot table of the last [`SimCache`] on this thread, all
    /// `u32::MAX` again: a query touches a few hundred of the dictionary's
    /// tens of thousands of words, and filling a fresh table per query cost
    /// more than the lookups.
    static SLOTS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl<'a> SimCache<'a> {
    pub fn new(index: &'a Index, query: &'a [Term<'a>], prefix: bool) -> SimCache<'a> {
        let query = &query[..query.len().min(32)];
        let mut slot = SLOTS.with(|s| std::mem::take(&mut *s.borrow_mut()));
        if slot.len() != index.dict.len() {
            slot = vec![u32::MAX; index.dict.len()];
        }
        SimCache {
            index,
            query,
            prefix,
            masks: query.iter().map(masks).collect(),
            slot,
            bounds: Vec::new(),
            sims: Vec::new(),
            exact: Vec::new(),
            touched: Vec::new(),
        }
    }

    /// The row of dictionary token `id`, its cheap bounds filled in
    /// ([`token_sim_bound`], 0 where even the bound cannot align).
    fn row(&mut self, id: u32) -> usize {
        let id = id as usize;
        if self.slot[id] == u32::MAX {
            let nq = self.query.len();
            let row = self.exact.len();
            self.slot[id] = row as u32;
            self.exact.push(false);
            self.touched.push(id as u32);
            let l = self.index.term(id);
            let lm = masks(&l);
            let last = nq.saturating_sub(1);
            for (i, q) in self.query.iter().enumerate() {
                let p = self.prefix && i == last;
                let s = token_sim_bound(q, &l, p, self.masks[i], lm);
                self.bounds.push(if kept(q, s) { s } else { 0.0 });
            }
            self.sims.resize(self.bounds.len(), 0.0);
        }
        self.slot[id] as usize
    }

    /// The row of dictionary token `id`, its exact similarities filled in.
    /// The cheap bound rules out most pairs without an edit distance; below
    /// the alignment floor a pair never counts, and the bound is at least
    /// the similarity.
    fn exact_row(&mut self, id: u32) -> usize {
        let row = self.row(id);
        if !self.exact[row] {
            self.exact[row] = true;
            let nq = self.query.len();
            let l = self.index.term(id as usize);
            let last = nq.saturating_sub(1);
            for (i, q) in self.query.iter().enumerate() {
                let k = row * nq + i;
                if self.bounds[k] > 0.0 {
                    let s = token_sim(q, &l, self.prefix && i == last);
                    self.sims[k] = if kept(q, s) { s } else { 0.0 };
                }
            }
        }
        row
    }

    /// Whether indexed name `n` provably scores below `floor`, by an upper
    /// bound of its score ([`score_bound`]): each query token at its best similarity with any
    /// of the name's tokens, and taken as fully covered where lengths allow
    /// a joined pair. First with the cheap per-pair bounds, which rule out
    /// most candidates without one edit distance, then, for the names that
    /// pass, with the exact similarities. Both are true bounds (the cheap
    /// one is at least the exact one, and [`score_bound`] grows with each
    /// similarity), so pruning with either changes no result. Costs a few
    /// additions per word once the word's row is known, so pruning with it
    /// costs far less than scoring.
    pub fn below(&mut self, n: u32, floor: f64) -> bool {
        self.bound(n, false) < floor || self.bound(n, true) < floor
    }

    fn bound(&mut self, n: u32, exact: bool) -> f64 {
        let ix = self.index;
        let r = ix.names[n as usize];
        let ids = &ix.name_terms[r.start as usize..(r.start + r.len) as usize];
        let ids = &ids[..ids.len().min(32)];
        let nq = self.query.len();
        let mut best = [0f64; 32];
        for &id in ids {
            let at = if exact {
                self.exact_row(id)
            } else {
                self.row(id)
            } * nq;
            let vals = if exact { &self.sims } else { &self.bounds };
            for (b, &x) in best.iter_mut().zip(&vals[at..at + nq]) {
                *b = b.max(x);
            }
        }
        // Joined pairs need only equal lengths; where one is possible, its
        // query tokens are taken as covered.
        let len = |id: u32| ix.dict[id as usize].len();
        let kind = |id: u32| ix.kinds[id as usize];
        let q = self.query;
        for i in 0..nq.saturating_sub(1) {
            if joinable(q[i].kind) && joinable(q[i + 1].kind) {
                let joined = q[i].text.len() + q[i + 1].text.len();
                if ids
                    .iter()
                    .any(|&id| kind(id) == TokenKind::Word && len(id) == joined)
                {
                    best[i] = 1.0;
                    best[i + 1] = 1.0;
                }
            }
        }
        for w in ids.windows(2) {
            if joinable(kind(w[0])) && joinable(kind(w[1])) {
                let joined = len(w[0]) + len(w[1]);
                for (i, t) in q.iter().enumerate() {
                    if t.kind == TokenKind::Word && t.text.len() == joined {
                        best[i] = 1.0;
                    }
                }
            }
        }
        score_bound(q, &best[..nq])
    }

    /// `token_sim(query[i], listed token j)` for every pair, for indexed
    /// name `n`, row-major (query token by listed token).
    pub fn sims(&mut self, n: u32) -> Vec<f64> {
        let ix = self.index;
        let r = ix.names[n as usize];
        let ids = &ix.name_terms[r.start as usize..(r.start + r.len) as usize];
        let ids = &ids[..ids.len().min(32)];
        let nq = self.query.len();
        let mut out = vec![0.0; nq * ids.len()];
        for (j, &id) in ids.iter().enumerate() {
            let at = self.exact_row(id) * nq;
            for i in 0..nq {
                out[i * ids.len() + j] = self.sims[at + i];
            }
        }
        out
    }
}

/// Whether a pair at similarity `s` can count: below the alignment floor a
/// pair never does, except a legal form's partial match.
fn kept(q: &Term, s: f64) -> bool {
    s >= MIN_TOKEN_SIM || (s > 0.0 && q.kind == TokenKind::Legal)
}

fn masks(t: &Term) -> [u32; 2] {
    [
        letter_mask(t.text.as_bytes()),
        letter_mask(t.key.as_bytes()),
    ]
}

/// The weight of a token from its rarity-based `idf` and its kind.
fn weight_for(text: &str, kind: TokenKind, idf: f64) -> f64 {
    match kind {
        TokenKind::Word if is_generic(text) => idf.min(GENERIC_WEIGHT_CAP),
        TokenKind::Word => idf,
        TokenKind::Number => 0.9,
        other => default_weight(other),
    }
}

/// Lengths of the words in the deletion index.
const SHORT: std::ops::Range<usize> = 4..8;

/// Calls `f` with the FNV-1a hash of `w` and of each one-letter deletion of it.
fn for_each_deletion(w: &[u8], mut f: impl FnMut(u64)) {
    f(fnv(w));
    for i in 0..w.len() {
        let mut h = Fnv::default();
        h.write(&w[..i]);
        h.write(&w[i + 1..]);
        f(h.finish());
    }
}

/// A trigram as a number.
fn gram_code(g: [u8; 3]) -> u64 {
    (g[0] as u64) << 16 | (g[1] as u64) << 8 | g[2] as u64
}

/// FNV-1a 64 of some bytes.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(bytes);
    h.finish()
}

/// Trigrams of `^t$`.
fn trigrams(t: &str) -> impl Iterator<Item = [u8; 3]> + '_ {
    let b = t.as_bytes();
    let n = b.len();
    (0..n).map(move |i| {
        let at = |k: isize| -> u8 {
            if k < 0 || k as usize >= n {
                b'$'
            } else {
                b[k as usize]
            }
        };
        let i = i as isize;
        [at(i - 1), at(i), at(i + 1)]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ListId, PartyType};

    fn index_of(names: &[&str]) -> Index {
        let parties: Vec<Party> = names
            .iter()
            .enumerate()
            .map(|(i, n)| Party::new(ListId::Sdn, PartyType::Entity, i.to_string(), n.to_string()))
            .collect();
        Index::build(&parties)
    }

    #[test]
    fn expand_finds_short_words_within_one_edit() {
        let ix = index_of(&["LANIT INCORPORATED", "Woke Trading", "Other Name"]);
        for (q, want) in [("lant", "lanit"), ("woek", "woke"), ("lanti", "lanit")] {
            let terms = ix.expand(q, false);
            let found: Vec<&str> = terms[0]
                .expansions
                .iter()
                .map(|e| &*ix.dict[e.0 as usize])
                .collect();
            assert!(found.contains(&want), "{q}: {found:?}");
        }
    }
}
