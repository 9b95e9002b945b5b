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
pub(crate) struct Fnv(u64);

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

/// A hash map with [`Fnv`] hashing, for the index's and the loader's
/// short keys.
pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;

use crate::acronym;
use crate::edit::{self, letter_mask};
use crate::model::Party;
use crate::normalize::{
    is_generic, may_become_legal_form, phonetic_key, phonetic_key_into, tokens, Token, TokenKind,
};
use crate::packed::Packed;
use crate::score::{
    default_weight, joinable, prefix_sim, score_bound, token_sim, token_sim_bound, Term,
    GENERIC_WEIGHT_CAP, LISTED_COVERAGE_EXPONENT_STRONG, MIN_TOKEN_SIM, PHONETIC_SIM,
};

/// Buckets of the acronym table: one per [`acronym::head_code`], a number
/// below `26^HEAD`.
const ACRONYM_BUCKETS: usize = 26usize.pow(acronym::HEAD as u32);

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

/// The tokens of every name, as the dataset stores them: what a search
/// index is derived from without normalising a name again.
///
/// Built at dataset build time by [`NameTokens::of`]; read back from the
/// dataset by [`crate::dataset::store`], which checks the invariants below
/// before handing it to [`Index::from_tokens`].
///
/// Invariants: the tokens are distinct and sorted (so a prefix is a range);
/// `kinds.len() == ordinary.len() == words.len()`; `name_ends` is non-decreasing and ends at
/// `terms.len()`; every term is a token id (`< words.len()`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameTokens {
    /// The distinct tokens, sorted.
    pub words: Packed,
    /// Each token's kind.
    pub kinds: Vec<TokenKind>,
    /// Per token, whether it is an ordinary English word
    /// ([`crate::words::is_ordinary_word`]; only a word can be one).
    pub ordinary: Vec<bool>,
    /// Per name, where its tokens end in `terms`: names in party order,
    /// each party's primary name then its aliases (a name with no tokens
    /// has an empty range).
    pub name_ends: Vec<u32>,
    /// Token ids of the names, back to back.
    pub terms: Vec<u32>,
}

impl NameTokens {
    /// Tokenises every name and alias of `parties` with the one normaliser.
    pub fn of(parties: &[Party]) -> NameTokens {
        let mut interned: HashMap<String, u32> = HashMap::default();
        let mut dict: Vec<String> = Vec::new();
        let mut kinds: Vec<TokenKind> = Vec::new();
        let mut name_ends: Vec<u32> = Vec::new();
        let mut terms: Vec<u32> = Vec::new();
        for p in parties {
            for n in p.names() {
                for t in tokens(n) {
                    let id = match interned.get(&t.text) {
                        Some(&id) => {
                            // One kind per text: a legal form's class symbol
                            // that is also written as a word ("SA Holding"
                            // keeps its first word "sa"; "S.A." is the class
                            // "sa") is the legal form, whichever name came
                            // first, since the form is what the lists mostly
                            // write.
                            if t.kind == TokenKind::Legal {
                                kinds[id as usize] = TokenKind::Legal;
                            }
                            id
                        }
                        None => {
                            let id = dict.len() as u32;
                            interned.insert(t.text.clone(), id);
                            dict.push(t.text);
                            kinds.push(t.kind);
                            id
                        }
                    };
                    terms.push(id);
                }
                name_ends.push(terms.len() as u32);
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
        for t in terms.iter_mut() {
            *t = remap[*t as usize];
        }
        let bytes = dict.iter().map(String::len).sum();
        let mut words = Packed::with_capacity(bytes, dict.len());
        let mut sorted_kinds = Vec::with_capacity(dict.len());
        let mut ordinary = Vec::with_capacity(dict.len());
        for &old in &order {
            let (text, kind) = (&dict[old as usize], kinds[old as usize]);
            words.push(text);
            sorted_kinds.push(kind);
            ordinary.push(kind == TokenKind::Word && crate::words::is_ordinary_word(text));
        }
        NameTokens {
            words,
            kinds: sorted_kinds,
            ordinary,
            name_ends,
            terms,
        }
    }

    /// Number of distinct tokens.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Token `id`'s text.
    pub fn word(&self, id: usize) -> &str {
        self.words.get(id)
    }
}

/// The dictionary's words (or their phonetic keys), one boxed string each:
/// the words are read in every query's inner loops, where a slice of one
/// packed string (checked for char boundaries on every read) cost a third
/// more per query; 36,000 small allocations at load cost about a
/// millisecond.
struct Words(Vec<Box<str>>);

impl Words {
    fn get(&self, id: usize) -> &str {
        &self.0[id]
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// The search index over one dataset.
pub struct Index {
    dict: Words,
    keys: Words,
    kinds: Vec<TokenKind>,
    /// [`NameTokens::ordinary`].
    ordinary: Vec<bool>,
    weights: Vec<f32>,
    post_offsets: Vec<u32>,
    post_ids: Vec<u32>,
    /// Every word by the hash of its phonetic key.
    key_map: Buckets,
    /// Every word of four letters or more by each of its trigrams.
    grams: Buckets,
    /// Every short word by its hash and the hash of each of its one-letter
    /// deletions: a typo or swap in a short word shares a deletion with the
    /// word ("woek" and "woke" both give "wok"), where trigrams share
    /// almost nothing.
    deletions: Buckets,
    /// Every name by the first letters of each acronym it may expand
    /// ([`crate::acronym::heads`], bucket [`crate::acronym::head_code`]).
    acronyms: Buckets,
    /// Per name, the letters its words can give an acronym
    /// ([`acronym::letters_of`]): a bucket's names whose letters lack one of
    /// the query word's are skipped without walking their runs.
    acronym_letters: Vec<u32>,
    pub(crate) names: Vec<NameRef>,
    name_terms: Vec<u32>,
}

/// A query token with the dictionary tokens it may pair with.
pub struct QueryTerm {
    pub text: String,
    pub key: String,
    pub kind: TokenKind,
    pub weight: f64,
    /// The dictionary's [`NameTokens::ordinary`] for this text (false for
    /// a text the dataset does not hold).
    pub ordinary: bool,
    /// The text's dictionary id, if the dataset holds it.
    id: Option<u32>,
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
            ordinary: self.ordinary,
        }
    }
}

/// `(party, which)` of every name of `parties`, in [`NameTokens`] order.
pub fn name_owners(parties: &[Party]) -> Vec<(u32, u32)> {
    parties
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| (0..=p.aliases.len()).map(move |w| (pi as u32, w as u32)))
        .collect()
}

impl Index {
    /// Indexes every name and alias of `parties` (tokenising them).
    pub fn build(parties: &[Party]) -> Index {
        Index::from_tokens(NameTokens::of(parties), &name_owners(parties))
    }

    /// The index over names already tokenised, `owners[k]` being the
    /// `(party, which)` of name `k`. Derives postings, weights, phonetic
    /// keys and the fuzzy-lookup tables: linear passes and three sorts, no
    /// per-name allocation. `tokens` must satisfy [`NameTokens`]'
    /// invariants and `owners` have one entry per name (the dataset loader
    /// checks both); names beyond `owners` are not indexed.
    pub fn from_tokens(tokens: NameTokens, owners: &[(u32, u32)]) -> Index {
        let NameTokens {
            words: dict,
            kinds,
            ordinary,
            name_ends,
            terms: name_terms,
        } = tokens;
        let ntok = dict.len();
        let dict = Words((0..ntok).map(|t| Box::from(dict.get(t))).collect());
        let mut names: Vec<NameRef> = Vec::with_capacity(name_ends.len());
        let mut start = 0u32;
        for (&end, &(party, which)) in name_ends.iter().zip(owners) {
            if end > start {
                names.push(NameRef {
                    party,
                    which,
                    start,
                    len: end - start,
                });
            }
            start = end;
        }

        // Postings (each name once per token) and document frequencies.
        let mut counts = vec![0u32; ntok];
        for n in &names {
            let r = &name_terms[n.start as usize..(n.start + n.len) as usize];
            for (k, &t) in r.iter().enumerate() {
                if !r[..k].contains(&t) {
                    counts[t as usize] += 1;
                }
            }
        }
        let mut post_offsets = Vec::with_capacity(ntok + 1);
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
        let weights: Vec<f32> = (0..ntok)
            .map(|t| {
                let df = counts[t].max(1) as f64;
                let idf = 0.25 + 0.75 * ((n_names / df).ln() / n_names.ln()).clamp(0.0, 1.0);
                weight_for(dict.get(t), kinds[t], idf) as f32
            })
            .collect();

        let (mut scratch, mut key) = (String::new(), String::new());
        let keys = Words(
            (0..ntok)
                .map(|t| {
                    phonetic_key_into(dict.get(t), &mut scratch, &mut key);
                    Box::from(key.as_str())
                })
                .collect(),
        );
        // Sized up front: a word gives at most one trigram per letter and
        // one deletion per letter plus itself, and growing these vectors by
        // doubling was a tenth of building them.
        let word_ids = || {
            kinds
                .iter()
                .enumerate()
                .filter(|(_, &k)| k == TokenKind::Word)
                .map(|(id, _)| id)
        };
        let (mut n_grams, mut n_deletions, mut n_words) = (0, 0, 0);
        for id in word_ids() {
            let len = dict.get(id).len();
            n_words += 1;
            n_grams += if len >= 4 { len } else { 0 };
            n_deletions += if SHORT.contains(&len) { len + 1 } else { 0 };
        }
        let mut key_map: Vec<(u64, u32)> = Vec::with_capacity(n_words);
        let mut grams: Vec<(u32, u32)> = Vec::with_capacity(n_grams);
        let mut deletions: Vec<(u64, u32)> = Vec::with_capacity(n_deletions);
        let mut word_grams: Vec<u32> = Vec::new();
        let mut word_deletions: Vec<u64> = Vec::new();
        for id in word_ids() {
            let t = dict.get(id);
            key_map.push((fnv(keys.get(id).as_bytes()), id as u32));
            // Each key once per word (a word's repeated trigram or equal
            // deletions count once, as the fuzzy lookup's counts assume).
            if t.len() >= 4 {
                word_grams.clear();
                word_grams.extend(trigrams(t).map(gram_code));
                word_grams.sort_unstable();
                word_grams.dedup();
                grams.extend(word_grams.iter().map(|&g| (g, id as u32)));
            }
            if SHORT.contains(&t.len()) {
                word_deletions.clear();
                for_each_deletion(t.as_bytes(), |h| word_deletions.push(h));
                word_deletions.sort_unstable();
                word_deletions.dedup();
                deletions.extend(word_deletions.iter().map(|&h| (h, id as u32)));
            }
        }
        // Acronym heads per name (sorted and deduplicated per name, so a
        // name is in each bucket once).
        let mut heads: Vec<(u32, u32)> = Vec::with_capacity(names.len());
        let mut name_heads: Vec<u32> = Vec::new();
        let mut acronym_letters: Vec<u32> = Vec::with_capacity(names.len());
        // A name's acronym letters are the union of its tokens'
        // ([`acronym::letters_of`] folds over tokens), so each dictionary
        // token's are found once rather than at each of its uses.
        let term = |t: usize| Term {
            text: dict.get(t),
            key: "",
            kind: kinds[t],
            weight: 1.0,
            ordinary: false,
        };
        let token_letters: Vec<u32> = (0..ntok).map(|t| acronym::letters_of(&[term(t)])).collect();
        let mut listed: Vec<Term> = Vec::new();
        for (ni, n) in names.iter().enumerate() {
            let ids = &name_terms[n.start as usize..(n.start + n.len) as usize];
            listed.clear();
            listed.extend(ids.iter().map(|&t| term(t as usize)));
            acronym_letters.push(
                ids[..ids.len().min(32)]
                    .iter()
                    .fold(0, |m, &t| m | token_letters[t as usize]),
            );
            name_heads.clear();
            acronym::heads(&listed, |h| name_heads.push(acronym::head_code(&h) as u32));
            name_heads.sort_unstable();
            name_heads.dedup();
            heads.extend(name_heads.iter().map(|&h| (h, ni as u32)));
        }
        let acronyms = Buckets::direct(&heads, ACRONYM_BUCKETS);
        drop(listed);
        let key_map = Buckets::by_hash(&key_map, 16);
        let grams = Buckets::direct(&grams, GRAM_BUCKETS);
        let deletions = Buckets::by_hash(&deletions, 17);

        Index {
            dict,
            keys,
            deletions,
            kinds,
            ordinary,
            weights,
            post_offsets,
            post_ids,
            key_map,
            grams,
            acronyms,
            acronym_letters,
            names,
            name_terms,
        }
    }

    /// Number of indexed names.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    fn lookup(&self, text: &str) -> Option<u32> {
        let n = self.dict.len();
        let i = partition(n, |id| self.dict.get(id) < text);
        (i < n && self.dict.get(i) == text).then_some(i as u32)
    }

    /// Weighted terms of an arbitrary name (for `compare`): a token's
    /// weight and ordinariness are the dataset's when it holds the token
    /// (one dictionary lookup, kept in the term), else by kind.
    pub fn terms_of(&self, name: &str) -> Vec<QueryTerm> {
        self.terms_from(tokens(name))
    }

    /// [`Index::terms_of`] over a name's tokens already made.
    fn terms_from(&self, toks: Vec<Token>) -> Vec<QueryTerm> {
        toks.into_iter()
            .map(|t| {
                let id = self.lookup(&t.text);
                let (weight, ordinary) = match id {
                    Some(id) => (self.weights[id as usize] as f64, self.ordinary[id as usize]),
                    None => (weight_for(&t.text, t.kind, default_weight(t.kind)), false),
                };
                QueryTerm {
                    key: phonetic_key(&t.text),
                    text: t.text,
                    kind: t.kind,
                    weight,
                    ordinary,
                    id,
                    expansions: Vec::new(),
                }
            })
            .collect()
    }

    /// The summed weight of name `n`'s tokens (the first 32, as scored).
    fn name_weight(&self, n: usize) -> f32 {
        let r = self.names[n];
        self.name_terms[r.start as usize..(r.start + r.len.min(32)) as usize]
            .iter()
            .map(|&t| self.weights[t as usize])
            .sum()
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
            text: self.dict.get(id),
            key: self.keys.get(id),
            kind: self.kinds[id],
            weight: self.weights[id] as f64,
            ordinary: self.ordinary[id],
        }
    }

    /// Query terms with their dictionary expansions. `prefix` lets the last
    /// token expand to every dictionary token it starts.
    pub fn expand(&self, query: &str, prefix: bool) -> Vec<QueryTerm> {
        self.expand_tokens(tokens(query), prefix)
    }

    /// [`Index::expand`] over the query's tokens already made (a search
    /// reads them first to know whether the last word is still open).
    pub fn expand_tokens(&self, toks: Vec<Token>, prefix: bool) -> Vec<QueryTerm> {
        let mut terms = self.terms_from(toks);
        let n = terms.len();
        let only_weak = terms
            .iter()
            .all(|t| matches!(t.kind, TokenKind::Legal | TokenKind::Stop));
        for (i, t) in terms.iter_mut().enumerate() {
            let is_last = i + 1 == n;
            if prefix && is_last && t.kind == TokenKind::Word && may_become_legal_form(&t.text) {
                // "Candiru Lt": a legal form half typed, not a rare word
                // the listing lacks. (The score and its bound both read
                // the weight from the term.)
                t.weight = t.weight.min(default_weight(TokenKind::Legal));
            }
            let weak = matches!(t.kind, TokenKind::Legal | TokenKind::Stop);
            if weak && !only_weak {
                // Legal forms and stopwords never retrieve on their own: their
                // postings are huge and they are no evidence.
                continue;
            }
            let mut exp: Vec<(u32, f32)> = Vec::new();
            if let Some(id) = t.id {
                exp.push((id, 1.0));
            }
            if t.kind == TokenKind::Word {
                let h = fnv(t.key.as_bytes());
                exp.extend(
                    self.key_map
                        .get(h)
                        .filter(|&id| self.keys.get(id as usize) == t.key)
                        .map(|id| (id, PHONETIC_SIM as f32)),
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
            if t.kind == TokenKind::Word && !(prefix && is_last) && t.id.is_none() {
                t.weight = self.unknown_word_weight(&exp).unwrap_or(t.weight);
            }
            t.expansions = exp;
        }
        // Adjacent query words joined ("saito tech" → "saitotech"). Joined
        // within a typo too ("had kaew" → "hatkaew", which the scorer pairs
        // from JOINED_MIN_SIM) was tried: one held-out alias more on one
        // seed, for 20 % more work on a query with two misspelt words
        // ("Candirru Saito Tehc"), so it is not done.
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
        // A word the dataset lacks that is two of its words written as one
        // ("KUDOKAI" / KUDO-KAI, "Meixin" / MEI XIN, "Aliakbari" /
        // ALI-AKBARI), as the scorer pairs them (`score::joined_pairs`):
        // the rarer half retrieves the names (the commoner one, "kai" or
        // "ali", would bring thousands for nothing the rarer does not).
        for t in terms.iter_mut() {
            if t.id.is_some() || t.kind != TokenKind::Word || t.text.len() < 5 {
                continue;
            }
            for k in 2..=t.text.len() - 2 {
                let (Some(a), Some(b)) = (t.text.get(..k), t.text.get(k..)) else {
                    continue;
                };
                let (Some(ia), Some(ib)) = (self.lookup(a), self.lookup(b)) else {
                    continue;
                };
                if !(joinable(self.kinds[ia as usize]) && joinable(self.kinds[ib as usize])) {
                    continue;
                }
                let rarer = if self.weights[ia as usize] >= self.weights[ib as usize] {
                    ia
                } else {
                    ib
                };
                t.expansions.push((rarer, 1.0));
            }
        }
        terms
    }

    /// The weight of a query word the dataset does not hold, when it has
    /// neighbours in the dictionary: the weight of its closest one (the
    /// heaviest among equals). Such a word is most often a misspelling of
    /// that neighbour ("teh" / "tech", "armt" / "army"), and what it says
    /// about identity is what that word says; weighing it as a word never
    /// seen (the most distinctive) made one typo in a common word cost more
    /// than the rest of the name could make up. Asked only of a word the
    /// dictionary lacks; `None` for one with no neighbour (there the
    /// default stands: an unseen word the listing lacks is evidence against
    /// it). Measured (`cargo run
    /// --release --example evaluate -- --no-baseline`, seeds 20260401 and 7):
    /// perturbed names outside the top 10 45 → 44 and 52 → 51, held-out
    /// aliases outside it 250 → 250 and 257 → 255, innocent false hits
    /// unchanged.
    fn unknown_word_weight(&self, exp: &[(u32, f32)]) -> Option<f64> {
        exp.iter()
            .map(|&(id, s)| (s, self.weights[id as usize]))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)))
            .map(|(_, w)| w as f64)
    }

    fn prefix_range(&self, p: &str, out: &mut Vec<(u32, f32)>) {
        let n = self.dict.len();
        let start = partition(n, |id| self.dict.get(id) < p);
        for id in start..(start + MAX_PREFIX_EXPANSION).min(n) {
            let word = self.dict.get(id);
            if !word.starts_with(p) {
                break;
            }
            let sim = prefix_sim(p.len(), word.len());
            out.push((id as u32, sim as f32));
        }
    }

    fn fuzzy(&self, t: &str, out: &mut Vec<(u32, f32)>) {
        let len = t.len();
        // A three-letter query word is looked up too: its one edit
        // (edit::allowance) pairs it only with a four-letter word, one of
        // whose deletions it is ("teh" / "tech"), and those are in the table.
        if (SHORT.start - 1..=SHORT.end).contains(&len) {
            let mut ids: Vec<u32> = Vec::new();
            for_each_deletion(t.as_bytes(), |h| ids.extend(self.deletions.get(h)));
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                let s = edit::similarity(t, self.dict.get(id as usize));
                if s >= MIN_TOKEN_SIM {
                    out.push((id, s as f32));
                }
            }
        }
        // The scorer's edit allowance for this length: words further apart
        // in length cannot pair, so their trigrams are skipped.
        let slack = edit::allowance(len);
        // A word under four letters has fewer trigrams than the two asked
        // for below: nothing to find that way.
        if slack == 0 || len < SHORT.start {
            return;
        }
        let grams: Vec<[u8; 3]> = trigrams(t).collect();
        let postings: Vec<&[u32]> = grams
            .iter()
            .map(|&g| self.grams.bucket(gram_code(g) as usize))
            .collect();
        // Sized once for the longest posting list: growing it step by step
        // rehashed it a dozen times per query word.
        let most = postings.iter().map(|p| p.len()).max().unwrap_or(0);
        let mut counts: HashMap<u32, u16> =
            HashMap::with_capacity_and_hasher(most.min(1 << 14), Default::default());
        for list in postings {
            for &id in list {
                if self.dict.get(id as usize).len().abs_diff(len) <= slack {
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
            let s = edit::similarity(t, self.dict.get(id as usize));
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
                let wl = self.weights[id as usize];
                let r = sim.min(1.0) * wq.min(wl);
                let l = sim.min(1.0) * wl;
                for &name in &self.post_ids[lo..hi] {
                    let a = &mut acc[name as usize];
                    if a.best == 0.0 {
                        touched.push(name);
                    }
                    a.best = a.best.max(sim);
                    a.best_rank = a.best_rank.max(r);
                    a.best_listed = a.best_listed.max(l);
                }
            }
            // An acronym retrieves the names whose words it spells. A
            // three-letter one only beside another query word: alone it
            // scores ACRONYM_SHORT_SIM^1.3 = 0.748 at best, under the default
            // threshold, and "SAP" or "KIA" spells hundreds of names, whose
            // bucket scan was half the cost of a short query. (A rule of
            // retrieval, not of the threshold, so results stay monotonic
            // in it.)
            let term = t.term();
            if acronym::may_be(&term) && !(terms.len() == 1 && term.text.len() == acronym::HEAD) {
                let code = acronym::head_code(term.text.as_bytes());
                let need = letter_mask(term.text.as_bytes());
                for &name in self.acronyms.bucket(code) {
                    if need & !self.acronym_letters[name as usize] != 0 {
                        continue;
                    }
                    let sim = acronym::best(&term, &self.name_terms(name as usize)) as f32;
                    if sim > 0.0 {
                        let a = &mut acc[name as usize];
                        if a.best == 0.0 {
                            touched.push(name);
                        }
                        a.best = a.best.max(sim);
                        a.best_rank = a.best_rank.max(sim * wq);
                        // The run's listed weight is not summed here; the
                        // query word's stands in for it.
                        a.best_listed = a.best_listed.max(sim * wq);
                    }
                }
            }
            for &name in &touched {
                let a = &mut acc[name as usize];
                if !a.seen {
                    a.seen = true;
                    seen.push(name);
                }
                a.rank += a.best_rank;
                a.listed += a.best_listed;
                a.best = 0.0;
                a.best_rank = 0.0;
                a.best_listed = 0.0;
            }
            touched.clear();
        }
        let rank: Vec<(f32, f32)> = seen
            .iter()
            .map(|&nm| (acc[nm as usize].rank, acc[nm as usize].listed))
            .collect();
        // Every touched entry is back to its default, so the next query on
        // this thread starts from a clean table without refilling it.
        for &nm in &seen {
            acc[nm as usize] = Accumulator::default();
        }
        ACCUMULATORS.with(|a| *a.borrow_mut() = acc);
        // (name, rank, listed weight matched)
        let mut ranked: Vec<(u32, f32, f32)> = seen
            .into_iter()
            .zip(rank)
            .filter(|&(nm, _)| allow(&self.names[nm as usize]))
            .map(|(nm, (rank, listed))| (nm, rank, listed))
            .collect();
        // Only when there are more candidates than are scored does their
        // order matter. Then the listed side counts too: of names that
        // match the same query words, the one with fewer words left over
        // scores higher, so "Public Joint Stock Company Gazprom" keeps its
        // exact listing among the hundreds of "JSC Gazprom <something>"
        // that match it as well (the rank alone ties them all, and the cut
        // fell by name id). The estimate is the scorer's listed coverage
        // with its exponent for a strong match.
        if ranked.len() > MAX_CANDIDATES {
            for (nm, rank, listed) in ranked.iter_mut() {
                let total = self.name_weight(*nm as usize);
                let cov = if total > 0.0 {
                    (*listed / total).min(1.0)
                } else {
                    1.0
                };
                *rank *= cov.powf(LISTED_COVERAGE_EXPONENT_STRONG as f32);
            }
        }
        // Ties broken by name id so results never depend on visiting order
        // (a total order: selecting the best first gives what a full sort
        // would, without sorting the thousands a common word brings).
        let order =
            |a: &(u32, f32, f32), b: &(u32, f32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > MAX_CANDIDATES {
            ranked.select_nth_unstable_by(MAX_CANDIDATES, order);
            ranked.truncate(MAX_CANDIDATES);
        }
        ranked.sort_unstable_by(order);
        ranked.into_iter().map(|(nm, ..)| nm).collect()
    }
}

/// One indexed name's running totals in [`Index::candidates`]: `best` and
/// `best_rank` for the current query term, `rank` summed over terms.
#[derive(Clone, Copy, Default)]
struct Accumulator {
    best: f32,
    best_rank: f32,
    /// The listed word's weight times the similarity, for the current term.
    best_listed: f32,
    rank: f32,
    /// `best_listed` summed over terms.
    listed: f32,
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
        let ix = self.index;
        let r = ix.names[n as usize];
        let ids = &ix.name_terms[r.start as usize..(r.start + r.len) as usize];
        let ids = &ids[..ids.len().min(32)];
        // Which forgiveness share the bound assumes ([`score_bound`]): one
        // answer for both bounds of the name.
        let names_alone = ids
            .iter()
            .all(|&id| crate::score::plain_token(&ix.term(id as usize)));
        self.bound(n, ids, names_alone, false) < floor
            || self.bound(n, ids, names_alone, true) < floor
    }

    /// [`SimCache::below`]'s bound of name `n` (tokens `ids`), from the
    /// cheap per-pair bounds or, if `exact`, the exact similarities.
    fn bound(&mut self, n: u32, ids: &[u32], names_alone: bool, exact: bool) -> f64 {
        let ix = self.index;
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
        let len = |id: u32| ix.dict.get(id as usize).len();
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
        // An acronym pairs with a run of the name's words, and only a name
        // in its bucket has such a run ([`acronym::heads`]; buckets hold
        // names in ascending order).
        for (i, t) in q.iter().enumerate() {
            if acronym::may_be(t) {
                let bucket = ix.acronyms.bucket(acronym::head_code(t.text.as_bytes()));
                let need = self.masks[i][0];
                if need & !ix.acronym_letters[n as usize] == 0 && bucket.binary_search(&n).is_ok() {
                    best[i] = best[i].max(acronym::best(t, &ix.name_terms(n as usize)));
                }
            }
        }
        score_bound(q, &best[..nq], names_alone)
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

/// The first id in `0..n` for which `before` is false (`before` must be
/// true then false along the ids, as for a sorted slice).
pub(crate) fn partition(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
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

/// Letter classes of a [`gram_code`]: `a-z`, `0-9`, `$` and one for every
/// other byte.
const GRAM_CLASSES: usize = 38;
/// Buckets of the trigram table: one per [`gram_code`].
const GRAM_BUCKETS: usize = GRAM_CLASSES * GRAM_CLASSES * GRAM_CLASSES;

/// A trigram as a number below [`GRAM_BUCKETS`]: a digit in base
/// [`GRAM_CLASSES`] per letter, distinct for `a-z`, `0-9` and `$` (all the
/// normaliser's tokens and the word boundary are made of), every other
/// byte sharing one class. The number is the trigram's bucket, so looking a
/// trigram up is one range; dense, so the table's bucket starts are 55,000
/// entries where six bits a letter made 262,144 (and a copy of them to
/// fill), most of them never used.
fn gram_code(g: [u8; 3]) -> u32 {
    let class = |b: u8| -> u32 {
        match b {
            b'a'..=b'z' => u32::from(b - b'a'),
            b'0'..=b'9' => u32::from(b - b'0') + 26,
            b'$' => 36,
            _ => 37,
        }
    };
    let c = GRAM_CLASSES as u32;
    (class(g[0]) * c + class(g[1])) * c + class(g[2])
}

/// Token ids grouped by a key, built with a counting sort over the key's
/// bucket: linear at load (a comparison sort of the quarter-million
/// trigram entries was the largest part of start-up), one range to read at
/// query time. Within a bucket, entries keep the order they were given in
/// (ascending token id).
///
/// Two kinds: keys that are their bucket's number ([`Buckets::direct`]:
/// trigrams, acronym heads), where a bucket is the answer and no key is
/// kept; and 64-bit hashes grouped by their top bits ([`Buckets::by_hash`]:
/// phonetic keys, deletions), where a bucket holds several keys and each
/// entry keeps its own to tell them apart.
struct Buckets {
    /// `ids[starts[b]..starts[b + 1]]` are bucket `b`'s.
    starts: Vec<u32>,
    /// Each entry's full key, for hashed keys; empty for direct ones.
    keys: Vec<u64>,
    ids: Vec<u32>,
    /// Bucket of a hashed key: `key >> shift`.
    shift: u32,
}

impl Buckets {
    /// Groups `entries` (key, id) into `n` buckets by `bucket(key)`, which
    /// must be below `n`, keeping each entry's key if `keep_keys`.
    fn new<K: Copy + Into<u64>>(
        entries: &[(K, u32)],
        n: usize,
        keep_keys: bool,
        bucket: impl Fn(K) -> usize,
    ) -> Buckets {
        let mut starts = vec![0u32; n + 1];
        for &(k, _) in entries {
            starts[bucket(k) + 1] += 1;
        }
        for b in 0..n {
            starts[b + 1] += starts[b];
        }
        let mut fill = starts.clone();
        let mut keys = if keep_keys {
            vec![0u64; entries.len()]
        } else {
            Vec::new()
        };
        let mut ids = vec![0u32; entries.len()];
        for &(k, id) in entries {
            let at = &mut fill[bucket(k)];
            if keep_keys {
                keys[*at as usize] = k.into();
            }
            ids[*at as usize] = id;
            *at += 1;
        }
        Buckets {
            starts,
            keys,
            ids,
            shift: 0,
        }
    }

    /// Groups entries whose key is their bucket's number, below `n`.
    fn direct(entries: &[(u32, u32)], n: usize) -> Buckets {
        Buckets::new(entries, n, false, |k| k as usize)
    }

    /// Groups hashed keys by their top `bits` bits.
    fn by_hash(entries: &[(u64, u32)], bits: u32) -> Buckets {
        let shift = 64 - bits;
        let mut b = Buckets::new(entries, 1 << bits, true, |k| (k >> shift) as usize);
        b.shift = shift;
        b
    }

    /// The ids in bucket `b`.
    fn bucket(&self, b: usize) -> &[u32] {
        match (self.starts.get(b), self.starts.get(b + 1)) {
            (Some(&lo), Some(&hi)) => &self.ids[lo as usize..hi as usize],
            _ => &[],
        }
    }

    /// The ids whose key is `key` (for hashed keys).
    fn get(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        let b = (key >> self.shift) as usize;
        let lo = self.starts.get(b).copied().unwrap_or(0) as usize;
        let hi = self.starts.get(b + 1).copied().unwrap_or(0) as usize;
        (lo..hi.max(lo))
            .filter(move |&e| self.keys[e] == key)
            .map(move |e| self.ids[e])
    }
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
                .map(|e| ix.dict.get(e.0 as usize))
                .collect();
            assert!(found.contains(&want), "{q}: {found:?}");
        }
    }
    #[test]
    fn a_text_that_is_both_a_word_and_a_legal_form_is_the_legal_form() {
        let party = |name: &str| {
            Party::new(
                ListId::Sdn,
                PartyType::Entity,
                name.to_string(),
                name.to_string(),
            )
        };
        // "SA" first is kept as a word; "S.A." later is the class "sa".
        for names in [["SA Holding", "Acme S.A."], ["Acme S.A.", "SA Holding"]] {
            let t = NameTokens::of(&[party(names[0]), party(names[1])]);
            let sa = (0..t.len()).find(|&i| t.word(i) == "sa").unwrap();
            assert_eq!(t.kinds[sa], TokenKind::Legal, "{names:?}");
        }
    }
}
