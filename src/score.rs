//! Name-pair scoring: how likely two names name the same party, in [0, 1],
//! with the reasons.
//!
//! ## What a score means
//!
//! * `1.0`: every word of both names agrees after normalisation (case,
//!   diacritics, script, punctuation, legal form, word order).
//! * `0.9` and up: the same distinctive words, with spelling variants
//!   (typos, transliterations) or a few extra words on the listed side
//!   ("Ivan Petrov" against "PETROV, Ivan Sergeyevich").
//! * [`crate::matcher::DEFAULT_THRESHOLD`] (0.75) and up: worth a human look.
//! * below 0.7: a different name that shares some words.
//!
//! Measured (`cargo run --release --example evaluate -- --no-baseline --seed 7`:
//! held-out aliases and perturbed names of the test half of the parties,
//! and innocent real names, none of them used to fit anything here): of the
//! first results scoring at least 0.75, 91.3 % were the party the case was
//! made from; at least 0.85, 92.2 %; at least 0.90, 92.4 %; exactly 1.00,
//! 90.5 % (the rest are the same name on another record, which only the
//! other fields can tell apart). On the first seed: 92.6, 93.4, 93.5 and
//! 91.9 %.
//!
//! ## Why not a fitted model
//!
//! `cargo run --release --example train` fits a logistic model of "same
//! party" over this score and the rest of its [`Evidence`] (coverage,
//! rarity, counts and kinds of words), on pairs from the training half of
//! the parties, with census and company-word innocent names. On the test
//! half's pairs it separates better (at 94 % same party, recall 0.64
//! against this score's 0.57), but on the evaluation above it is no better:
//! at the same false hits on innocent real names its held-out recall is
//! level and its perturbed recall 1 point lower. The product keeps this
//! score until a fitted one wins on the evaluation.

//! ## The bound that pruning relies on
//!
//! Every factor of the score below except `Q^0.8` is at most 1, so
//! `score <= Q^QUERY_COVERAGE_EXPONENT`, and `Q` is at most what each query
//! token could cover at its best similarity with any listed token
//! ([`score_bound`]), with an unpaired query word counted at the weight left
//! after forgiveness (below) wherever forgiveness is possible. The index
//! ([`crate::index::SimCache`]) prunes with exactly that bound, computed from
//! these constants, so raising the threshold only ever removes results.
//!
//! ## How
//!
//! Both names are token sequences ([`crate::normalize`]), each token with a
//! weight: rarer words weigh more (inverse document frequency over the whole
//! dataset), legal forms, stopwords and initials weigh little, and common
//! organisation words ("group", "technology", "international") are capped, so
//! that they count towards coverage but not as evidence of identity.
//!
//! Tokens are aligned regardless of order: every pair with a token similarity
//! of at least [`MIN_TOKEN_SIM`] is a candidate, adjacent tokens may pair with
//! one joined token ("al shanti" / "alshanti"), and pairs are taken greedily,
//! best first, each token used once. Then
//!
//! ```text
//! Q = Σ sim·w over paired query tokens  / Σ w over all query tokens
//! L = Σ sim·w over paired listed tokens / Σ w over all listed tokens
//! score = Q^0.8 · L^e · penalties      (0.8: QUERY_COVERAGE_EXPONENT)
//! ```
//!
//! so a query word left unmatched costs much more than an extra word in the
//! listed name. A query may say more than the listing, though (an extra
//! given name, a patronymic): when a rare listed word and at least one more
//! word (a common one will do) agree and the listing is wholly matched (its
//! distinctive words if it is names alone, else every word but the legal
//! form), each extra query word counts at half its weight
//! ([`EXTRA_QUERY_FORGIVENESS`]; "Taveta Greenwick Cyprus Nicosia Ltd" /
//! "Taveta Greenwick Ltd." 0.76), at three quarters when the listing is a
//! person's "FAMILY, Given" and its rare family name agrees
//! ([`EXTRA_QUERY_FORGIVENESS_FAMILY`]: "Fritz Martin Karl Gelowicz" /
//! "GELOWICZ, Fritz Martin" 0.94, 0.88 at half), while
//! common words alone earn nothing ("Maria Fernandez Lopez" / "FERNANDEZ,
//! Maria" 0.74). The listed side's exponent `e` is 0.25 once two distinctive
//! words agree (0.15 when every query word is found spelled alike,
//! [`LISTED_COVERAGE_EXPONENT_EXACT`]; or a one-word query equals a rare
//! listed word, or a query of three words or more, one distinctive, is
//! found word for word in the listed name: "Institute of Computing
//! Technology" / "... Chinese Academy of Sciences"), else 0.5;
//! while typing (prefix mode) it is 0.1 and 0.25, since the rest of the
//! listed name is what has not been typed yet. Penalties: numbers that
//! disagree (×0.6), a match on weak words only (×0.6), a match that rests on
//! a single similar-but-not-equal word (×0.8 up to five letters, ×0.88 up to
//! eight; not for a slip of the fingers, [`edit::typing_slip`], in a query
//! of several words that all agree: "Siato Tech" / "Saito Tech Ltd."),
//! several distinctive words that are each only roughly similar
//! (every one below 0.9: ×0.93), a match whose one distinctive word is an
//! ordinary English word ("Mars", "Orange": ×0.93,
//! [`ORDINARY_WORD_FACTOR`]), and a person's listing "FAMILY, Given" of
//! which only the given names agree (×0.85, [`family_name`], applied by
//! the caller, which knows the party is a person).
//!
//! Token similarity ([`token_sim`]): 1 for equal words (after
//! normalisation), 0.95 for equal phonetic keys (transliteration variants,
//! four letters or more), 0.9+ for a typed prefix, at least
//! [`CONSONANT_SIM`] (0.85) for words with the same consonants in the same
//! order and the same first letter ([`crate::normalize::same_consonants`]:
//! Nawfal / Nofal, Shehab / Shihab; held-out aliases found 339 → 343 and
//! 338 → 342 of 600 on the two seeds, innocent false hits unchanged), else
//! an edit-distance
//! similarity with a length-dependent allowance ([`crate::edit`]), except
//! that two words of four letters or fewer that differ in their first letter
//! do not pair ("jing" / "ting": innocent false hits 1.6 % to 1.4 %, recall
//! 0.2 points lower on both seeds); numbers only
//! pair when equal; an initial pairs with a word of the same first letter
//! (0.8); two variants of one given name from a published table
//! ([`crate::names`]: Bill / William) pair at [`GIVEN_NAME_SIM`] (0.88); a
//! rare query word that spells the initials of a run of listed words
//! ([`crate::acronym`]: "NLQIS" / "National Laboratory for Quantum
//! Information Science") pairs with the whole run at [`ACRONYM_SIM`] (0.9).

use crate::acronym;
use crate::edit;
use crate::names;
use crate::normalize::{self, TokenKind};

// The scoring constants. The index ([`crate::index`]) expands query words
// with the same similarities and the same edit allowance, so these are the
// only definitions.

/// Token pairs below this similarity are not aligned at all.
pub const MIN_TOKEN_SIM: f64 = 0.75;
/// Similarity of two words with equal phonetic keys (transliteration
/// variants: Yevgeniy / Evgenii).
pub const PHONETIC_SIM: f64 = 0.95;
/// The edit similarity of two phonetic keys counts at this share of an edit
/// similarity of the words themselves.
pub const KEY_EDIT_FACTOR: f64 = 0.97;
/// Similarity of two words with the same consonants in the same order
/// ([`crate::normalize::same_consonants`]: Nawfal / Nofal): the vowels of a
/// romanised Arabic or Persian name are the romaniser's choice, but so are
/// they in many unrelated names, so below a phonetic variant.
pub const CONSONANT_SIM: f64 = 0.85;
/// Factor on a score whose only distinctive agreement is one ordinary
/// English word of the listed name ([`crate::words::is_ordinary_word`]),
/// unless the two names agree whole. Measured (`cargo run --release
/// --example evaluate -- --no-baseline`, seeds 20260401 and 7): innocent
/// false hits 13 → 8 on both (Orange S.A., Alphabet Inc., Mars, Baxter
/// International, Northwestern University), and searched as typed (the
/// widget's prefix mode) 5.1 → 4.3 %; held-out aliases found unchanged;
/// perturbed names missed at rank 1 68 → 71 and 81 → 83 ("Ypramid
/// Technologiex", "UINTED COMPANY OJSC"), half-typed ones out of the top 10
/// 2 and 1 more ("moscow cente", "Army Acad": Moscow and Army are ordinary
/// words).
pub const ORDINARY_WORD_FACTOR: f64 = 0.93;
/// Similarity of an initial and a word with its first letter.
pub const INITIAL_SIM: f64 = 0.8;
/// Two adjacent words pair with one joined word ("al shanti" / "alshanti")
/// from this similarity on.
pub const JOINED_MIN_SIM: f64 = 0.85;
/// Similarity of two variants of one given name (Bill / William,
/// [`crate::names`]): a strong sign, but below a spelling variant, since a
/// nickname may stand for several names.
pub const GIVEN_NAME_SIM: f64 = 0.88;
/// Share of an extra query word's weight forgiven when the rest of the
/// query matches the whole listing strongly (`forgiven_query_weight`).
pub const EXTRA_QUERY_FORGIVENESS: f64 = 0.5;
// score_bound counts an unpaired word at 1 - EXTRA_QUERY_FORGIVENESS only
// when it has no partner; a word with a partner (at least MIN_TOKEN_SIM)
// that ends up unpaired is covered only while this holds. Checked when the
// crate compiles.
const _: () = assert!(EXTRA_QUERY_FORGIVENESS <= MIN_TOKEN_SIM && EXTRA_QUERY_FORGIVENESS >= 0.0);
/// [`EXTRA_QUERY_FORGIVENESS`] for a person listed "FAMILY, Given" whose
/// family name is a rare word that agrees ([`family_forgiveness`]): a rare
/// family name and a given name agreeing are strong evidence, and the
/// query's extra words are then most likely more given names or a
/// patronymic ("Mujahid Ali Mahmood Ali", "AL-JAMAL, Abdel Al-Rahman
/// Yusef"). The share [`score_bound`] assumes for a listing of names
/// alone; at most [`MIN_TOKEN_SIM`] for the reason above.
pub const EXTRA_QUERY_FORGIVENESS_FAMILY: f64 = 0.75;
const _: () = assert!(
    EXTRA_QUERY_FORGIVENESS_FAMILY <= MIN_TOKEN_SIM
        && EXTRA_QUERY_FORGIVENESS_FAMILY >= EXTRA_QUERY_FORGIVENESS
);
/// A listed word at least this heavy (rare in the dataset: in a few dozen
/// names at most) is strong evidence when it agrees.
pub const RARE_WORD_WEIGHT: f64 = 0.85;
/// Exponent of the listed side's coverage once two distinctive words agree
/// (extra listed words cost little). The index orders candidates with it
/// when it must cut them ([`crate::index::MAX_CANDIDATES`]).
pub const LISTED_COVERAGE_EXPONENT_STRONG: f64 = 0.25;
/// The same once every query word is found, spelled alike, in the listed
/// name: the listing only says more ("Kayi Enerji" / "Kayi Bilisim
/// Elektronik Enerji Madencilik Ve Danismanlik Ltd. Sti."). Measured
/// (`cargo run --release --example evaluate -- --no-baseline`, seeds
/// 20260401 and 7): held-out aliases found 348 -> 349 and 348 -> 350 of
/// 600, innocent hits unchanged (0.2: 349 and 348; 0.1: as 0.15). The
/// index keeps ordering candidates by the strong exponent: an order, not
/// a bound.
pub const LISTED_COVERAGE_EXPONENT_EXACT: f64 = 0.15;
/// Exponent of the query side's coverage: `score <= Q^QUERY_COVERAGE_EXPONENT`
/// for every pair of names, which is the bound candidate pruning relies on.
pub const QUERY_COVERAGE_EXPONENT: f64 = 0.8;

/// Similarity of a query word and the run of listed words whose initials
/// it spells ([`crate::acronym`]: "RIRT" / "Russian Institute of Radio
/// Navigation and Time"): below a phonetic variant, since a short acronym
/// may stand for many names, yet enough that an acronym spelling the whole
/// name scores about 0.87 on its own (0.9^0.8 · 0.9^0.5).
pub const ACRONYM_SIM: f64 = 0.9;
/// [`ACRONYM_SIM`] for a run with one word left out of the acronym.
pub const ACRONYM_SKIP_SIM: f64 = 0.85;
/// [`ACRONYM_SIM`] for a three-letter acronym: these collide a lot ("SAP"
/// spells "Smolensk Aircraft Plant", "Kia" "Kornet, Igor Aleksandrovich"),
/// so one alone scores below the default threshold (0.8^1.3 = 0.748) and
/// needs another agreeing word ("218 ARZ", "Hassan DTO").
pub const ACRONYM_SHORT_SIM: f64 = 0.8;
// An acronym pair never earns forgiveness of extra query words (which needs
// PHONETIC_SIM) and is always aligned (at least MIN_TOKEN_SIM).
const _: () = assert!(
    ACRONYM_SIM < PHONETIC_SIM
        && ACRONYM_SKIP_SIM >= MIN_TOKEN_SIM
        && ACRONYM_SHORT_SIM >= MIN_TOKEN_SIM
);

/// Similarity of a typed prefix `typed_len` letters long with the word of
/// `word_len` letters it starts: 0.9, up to 1 as the word is typed out.
pub fn prefix_sim(typed_len: usize, word_len: usize) -> f64 {
    0.9 + 0.1 * typed_len as f64 / word_len.max(1) as f64
}

/// A weighted token, ready to score.
#[derive(Clone, Copy, Debug)]
pub struct Term<'a> {
    pub text: &'a str,
    /// [`crate::normalize::phonetic_key`] of `text`.
    pub key: &'a str,
    pub kind: TokenKind,
    /// Weight in (0, 1].
    pub weight: f64,
    /// An ordinary English word ([`crate::words::is_ordinary_word`]), as
    /// the dataset says of a listed token.
    pub ordinary: bool,
}

/// One aligned pair: a run of query token positions and a run of listed
/// token positions (a joined pair covers two adjacent positions on one side).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    q_start: u8,
    q_len: u8,
    l_start: u8,
    l_len: u8,
    pub sim: f64,
}

impl Pair {
    fn new(q: usize, q_len: usize, l: usize, l_len: usize, sim: f64) -> Pair {
        // Positions fit: token counts are bounded by normalize::MAX_TOKENS (32).
        Pair {
            q_start: q as u8,
            q_len: q_len as u8,
            l_start: l as u8,
            l_len: l_len as u8,
            sim,
        }
    }

    /// Positions of the query tokens in this pair.
    pub fn query(&self) -> std::ops::Range<usize> {
        self.q_start as usize..(self.q_start + self.q_len) as usize
    }

    /// Positions of the listed tokens in this pair.
    pub fn listed(&self) -> std::ops::Range<usize> {
        self.l_start as usize..(self.l_start + self.l_len) as usize
    }

    fn q_mask(&self) -> u32 {
        mask(self.query())
    }

    fn l_mask(&self) -> u32 {
        mask(self.listed())
    }
}

fn mask(r: std::ops::Range<usize>) -> u32 {
    r.fold(0u32, |m, i| m | 1u32.checked_shl(i as u32).unwrap_or(0))
}

/// What lowered a score, for the reasons shown to the user.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Penalty {
    /// Query words that found no partner (bit i: query token i).
    UnmatchedQuery(u32),
    /// Listed words that found no partner (cheap), as a bit mask.
    UnmatchedListed(u32),
    /// Both names have numbers and they differ.
    NumbersDiffer,
    /// The only agreement is one word that is spelled differently.
    SingleFuzzyWord,
    /// Only legal forms, stopwords or common words agree.
    OnlyWeakWords,
    /// Several distinctive words agree, but each only roughly.
    OnlyRoughWords,
    /// A person listed as "FAMILY, Given": only the given names agree.
    FamilyNameUnmatched,
    /// The only distinctive agreement is one ordinary English word.
    OrdinaryWord,
}

/// The result of scoring one pair of names.
#[derive(Clone, Debug, Default)]
pub struct Scored {
    pub score: f64,
    pub pairs: Vec<Pair>,
    pub penalties: Vec<Penalty>,
    /// What the score was combined from.
    pub evidence: Evidence,
}

/// The evidence gathered about one aligned pair, from which its score is
/// combined: what `examples/train` fits a model on.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Evidence {
    /// The hand-built combination (coverage of both sides with the
    /// penalties), in [0, 1].
    pub shape: f64,
    /// Share of the query's weight covered, in [0, 1].
    pub cov_q: f64,
    /// Share of the listed name's weight covered, in [0, 1].
    pub cov_l: f64,
    /// Distinctive words (not weak) that agree.
    pub strong: usize,
    /// Largest weight of a listed word that agrees at phonetic similarity
    /// or better (0 when none).
    pub rarest: f64,
    /// Of the distinctive agreements, how many are exact.
    pub exact: usize,
    /// Distinctive listed words with no partner.
    pub listed_left: usize,
    /// Distinctive query words with no partner.
    pub query_left: usize,
    /// The listing has no legal form, number or common organisation word.
    pub plain_name: bool,
    /// Both names have numbers and every one of them paired.
    pub numbers_agree: bool,
    /// Query tokens.
    pub query_len: usize,
    /// Weight of the query's paired tokens, each times its similarity.
    pub q_matched: f64,
    /// Weight of all the query's tokens.
    pub q_weight: f64,
    /// Weight of the extra query words forgiven at
    /// [`EXTRA_QUERY_FORGIVENESS`] (`forgiven_query_weight`; 0 when none
    /// was), before that share is taken.
    pub q_extra: f64,
}

/// Weight given to a token of each kind that has no dataset statistics.
pub fn default_weight(kind: TokenKind) -> f64 {
    match kind {
        TokenKind::Word => 1.0,
        TokenKind::Number => 0.9,
        TokenKind::Initial => 0.3,
        TokenKind::Legal => 0.15,
        TokenKind::Stop => 0.1,
    }
}

/// Largest weight a generic word can have.
pub const GENERIC_WEIGHT_CAP: f64 = 0.35;

/// Similarity of two tokens in [0, 1]. `prefix` allows `q` to be the start of
/// `l` (the word being typed). Between two words, a similarity below
/// [`MIN_TOKEN_SIM`] is reported as 0: such words are never aligned.
/// Variants of one given name ([`crate::names`]: Bill / William) pair at
/// [`GIVEN_NAME_SIM`] at least.
pub fn token_sim(q: &Term, l: &Term, prefix: bool) -> f64 {
    let s = spelling_sim(q, l, prefix);
    if s < GIVEN_NAME_SIM && given_name_variants(q, l) {
        GIVEN_NAME_SIM
    } else {
        s
    }
}

fn given_name_variants(q: &Term, l: &Term) -> bool {
    q.kind == TokenKind::Word && l.kind == TokenKind::Word && names::are_variants(q.text, l.text)
}

/// [`token_sim`] from the spelling alone.
fn spelling_sim(q: &Term, l: &Term, prefix: bool) -> f64 {
    use TokenKind::*;
    match (q.kind, l.kind) {
        (Number, Number) => return if q.text == l.text { 1.0 } else { 0.0 },
        (Number, _) | (_, Number) => return 0.0,
        (Legal, Legal) => return if q.text == l.text { 1.0 } else { 0.5 },
        (Legal, _) | (_, Legal) => return 0.0,
        _ => {}
    }
    if q.text == l.text {
        return 1.0;
    }
    if q.kind == Initial || l.kind == Initial {
        // An initial pairs with a word of the same first letter.
        return if q.text.as_bytes().first() == l.text.as_bytes().first() {
            INITIAL_SIM
        } else {
            0.0
        };
    }
    if prefix && l.text.starts_with(q.text) {
        return prefix_sim(q.text.len(), l.text.len());
    }
    // Phonetic keys say little about very short words ("wpp" / "vpp").
    if q.text.len() >= 4 && l.text.len() >= 4 && q.key == l.key {
        return PHONETIC_SIM;
    }
    // Below MIN_TOKEN_SIM a pair of words is never aligned, so only
    // similarities from there up are computed.
    let text = if short_first_letter_swap(q.text, l.text) {
        0.0
    } else {
        edit::similarity_at_least(q.text, l.text, MIN_TOKEN_SIM)
    };
    let text = if text < CONSONANT_SIM && normalize::same_consonants(q.text, l.text) {
        CONSONANT_SIM
    } else {
        text
    };
    if q.key == q.text && l.key == l.text {
        // Both words are their own phonetic keys: the key similarity is the
        // text similarity, discounted.
        return text;
    }
    // The keys' distance is worth computing only when its cheap bound could
    // beat the words' own similarity.
    let key_floor = MIN_TOKEN_SIM / KEY_EDIT_FACTOR;
    let (qk, lk) = (q.key.as_bytes(), l.key.as_bytes());
    let key_bound = edit::similarity_bound(
        q.key,
        l.key,
        edit::letter_mask(qk),
        edit::letter_mask(lk),
        key_floor,
    );
    if key_bound * KEY_EDIT_FACTOR <= text {
        return text;
    }
    let key = edit::similarity_at_least(q.key, l.key, key_floor);
    text.max(key * KEY_EDIT_FACTOR)
}

/// Two short words of one length that differ in their first letter
/// ("jing" / "ting", "fang" / "sang"): a different name far more often than
/// a typo, since people rarely get a first letter wrong. Two first letters
/// typed in the wrong order ("rdor" / "dror") are a typo, not a name: they
/// keep their one-edit similarity.
fn short_first_letter_swap(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() || a.len() > 4 || a.first() == b.first() {
        return false;
    }
    let swapped_pair = a.len() >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..];
    !swapped_pair
}

/// An upper bound of [`token_sim`] that computes no edit distance: the same
/// steps, with each edit similarity replaced by
/// [`edit::similarity_bound`]. `qm` and `lm` are the letter masks
/// ([`edit::letter_mask`]) of each token's text and phonetic key.
/// Invariant (tested): `token_sim_bound(q, l, ..) >= token_sim(q, l, ..)`.
pub fn token_sim_bound(q: &Term, l: &Term, prefix: bool, qm: [u32; 2], lm: [u32; 2]) -> f64 {
    let s = spelling_sim_bound(q, l, prefix, qm, lm);
    if s < GIVEN_NAME_SIM && given_name_variants(q, l) {
        GIVEN_NAME_SIM
    } else {
        s
    }
}

fn spelling_sim_bound(q: &Term, l: &Term, prefix: bool, qm: [u32; 2], lm: [u32; 2]) -> f64 {
    use TokenKind::*;
    match (q.kind, l.kind) {
        (Number, _) | (_, Number) | (Legal, _) | (_, Legal) => return spelling_sim(q, l, prefix),
        _ => {}
    }
    if q.text == l.text || q.kind == Initial || l.kind == Initial {
        return spelling_sim(q, l, prefix);
    }
    if prefix && l.text.starts_with(q.text) {
        return prefix_sim(q.text.len(), l.text.len());
    }
    if q.text.len() >= 4 && l.text.len() >= 4 && q.key == l.key {
        return PHONETIC_SIM;
    }
    // (short_first_letter_swap is left to the exact similarity: the bound
    // only needs to be at least it, and the check cost more here than the
    // tighter bound saved.)
    let text = edit::similarity_bound(q.text, l.text, qm[0], lm[0], MIN_TOKEN_SIM);
    let text =
        if text < CONSONANT_SIM && normalize::same_consonants_given(q.text, l.text, qm[0], lm[0]) {
            CONSONANT_SIM
        } else {
            text
        };
    let key = edit::similarity_bound(q.key, l.key, qm[1], lm[1], MIN_TOKEN_SIM / KEY_EDIT_FACTOR);
    text.max(key * KEY_EDIT_FACTOR)
}

/// Scores `query` against `listed`. `prefix` treats the last query token as
/// possibly incomplete. Names longer than [`crate::normalize::MAX_TOKENS`]
/// tokens are scored on their first 32.
pub fn score(query: &[Term], listed: &[Term], prefix: bool) -> Scored {
    score_at_least(query, listed, prefix, f64::NEG_INFINITY).unwrap_or(Scored {
        score: 0.0,
        pairs: Vec::new(),
        penalties: Vec::new(),
        evidence: Evidence::default(),
    })
}

/// [`score`], or `None` when the pair provably scores below `threshold`.
///
/// The proof is the score's shape: every factor but the query coverage is at
/// most 1, so `score <= Q^QUERY_COVERAGE_EXPONENT`, and `Q` is at most the
/// query weight each token could cover with its best candidate partner. That
/// bound is exact arithmetic on the same pairs the score is built from, so
/// a search at threshold t returns exactly the results at or above t of a
/// search at threshold 0 (tested in `tests/robustness.rs`); it only spares
/// the alignment of pairs that cannot reach t.
pub fn score_at_least(
    query: &[Term],
    listed: &[Term],
    prefix: bool,
    threshold: f64,
) -> Option<Scored> {
    let last = query.len().min(32).saturating_sub(1);
    score_with(query, listed, prefix, threshold, |i, j| {
        token_sim(&query[i], &listed[j], prefix && i == last)
    })
}

/// [`score_at_least`] with the token similarities given: `sim(i, j)` must be
/// `token_sim(&query[i], &listed[j], prefix && i is the last query token)`.
/// A search computes them once per distinct listed word
/// ([`crate::index::SimCache`]) rather than once per name.
pub fn score_with(
    query: &[Term],
    listed: &[Term],
    prefix: bool,
    threshold: f64,
    mut sim: impl FnMut(usize, usize) -> f64,
) -> Option<Scored> {
    let query = &query[..query.len().min(32)];
    let listed = &listed[..listed.len().min(32)];
    // Asked by the bound, the forgiveness and the evidence: found once.
    let names_alone = plain_name(listed);
    let mut cands: Vec<Pair> = Vec::new();
    let mut best_single = [0f64; 32];
    for (i, q) in query.iter().enumerate() {
        for j in 0..listed.len() {
            let s = sim(i, j);
            if s >= MIN_TOKEN_SIM || (s > 0.0 && q.kind == TokenKind::Legal) {
                cands.push(Pair::new(i, 1, j, 1, s));
                best_single[i] = best_single[i].max(s);
            }
        }
    }
    joined_pairs(query, listed, &mut cands);
    for (i, q) in query.iter().enumerate() {
        // An acronym pair is at most ACRONYM_SIM: where the word already
        // has a better partner, the greedy alignment below takes that one
        // first and the acronym pair is never chosen, nor does it raise the
        // bound, so its runs need not be walked ("NSO" against every name
        // with the word "nso").
        if acronym::may_be(q) && best_single[i] <= ACRONYM_SIM {
            acronym::runs(q.text, listed, |l, len, s| {
                cands.push(Pair::new(i, 1, l, len, s))
            });
        }
    }
    if threshold > 0.0 && coverage_bound(query, &cands, names_alone) < threshold {
        return None;
    }

    // Greedy alignment: best similarity first, heavier tokens breaking ties.
    let weight_of = |p: &Pair| -> f64 {
        query[p.query()].iter().map(|t| t.weight).sum::<f64>()
            + listed[p.listed()].iter().map(|t| t.weight).sum::<f64>()
    };
    cands.sort_by(|a, b| {
        b.sim
            .total_cmp(&a.sim)
            .then(weight_of(b).total_cmp(&weight_of(a)))
    });
    let (mut q_used, mut l_used) = (0u32, 0u32);
    let mut pairs = Vec::new();
    for p in cands {
        if p.q_mask() & q_used != 0 || p.l_mask() & l_used != 0 {
            continue;
        }
        q_used |= p.q_mask();
        l_used |= p.l_mask();
        pairs.push(p);
    }

    let wq: f64 = query.iter().map(|t| t.weight).sum();
    let wl: f64 = listed.iter().map(|t| t.weight).sum();
    if wq <= 0.0 || wl <= 0.0 || pairs.is_empty() {
        return Some(Scored {
            score: 0.0,
            pairs,
            penalties: Vec::new(),
            evidence: Evidence::default(),
        });
    }
    let mq: f64 = pairs
        .iter()
        .map(|p| p.sim * query[p.query()].iter().map(|t| t.weight).sum::<f64>())
        .sum();
    let ml: f64 = pairs
        .iter()
        .map(|p| p.sim * listed[p.listed()].iter().map(|t| t.weight).sum::<f64>())
        .sum();
    // Evidence: how many distinctive (non-weak) words agree.
    let strong: Vec<&Pair> = pairs
        .iter()
        .filter(|p| {
            listed[p.listed()].iter().any(|t| {
                matches!(t.kind, TokenKind::Word | TokenKind::Number)
                    && t.weight > GENERIC_WEIGHT_CAP
            })
        })
        .collect();
    let q_extra = forgiven_query_weight(
        query,
        listed,
        names_alone,
        &pairs,
        &strong,
        q_used,
        l_used,
        prefix,
    );
    let cov_q = (mq / (wq - q_extra * EXTRA_QUERY_FORGIVENESS)).min(1.0);
    let cov_l = (ml / wl).min(1.0);

    let mut penalties = Vec::new();
    let unmatched = |terms: &[Term], used: u32| -> u32 {
        (0..terms.len()).fold(0, |m, i| if used & (1 << i) == 0 { m | 1 << i } else { m })
    };
    let unmatched_q = unmatched(query, q_used);
    let unmatched_l = unmatched(listed, l_used);

    let numbers = |terms: &[Term]| -> u32 {
        (0..terms.len()).fold(0, |m, i| {
            if terms[i].kind == TokenKind::Number {
                m | 1 << i
            } else {
                m
            }
        })
    };
    let (q_nums, l_nums) = (numbers(query), numbers(listed));
    let mut s_penalty = 1.0;
    if q_nums != 0 && l_nums != 0 && (q_nums & unmatched_q != 0 || l_nums & unmatched_l != 0) {
        s_penalty = 0.6;
        penalties.push(Penalty::NumbersDiffer);
    }

    // Extra listed words are forgiven once two distinctive words agree
    // ("Ivan Petrov" / "PETROV, Ivan Sergeyevich"); with one, the listed
    // name's other words count more ("Northwestern University" is not
    // "Northwestern Polytechnical University"). While typing, the rest of
    // the listed name is what the user has not typed yet.
    // A one-word query that is exactly a rare word of the listed name (a
    // family name: "Maduro") is as much evidence as one word can give.
    let lone_exact = query.len() == 1
        && strong.len() == 1
        && strong[0].sim >= 1.0
        && listed[strong[0].listed()].iter().all(|t| t.weight > 0.6);
    // A query of several words found word for word in a longer listed
    // name, a distinctive one among them ("Almetyevsk State Oil Institute"
    // / "State Budgetary Educational Institution of Higher Education
    // Almetyevsk State Oil Institute"), is a short form of it: the common
    // words agreeing in full count with the distinctive one. Measured
    // (`cargo run --release --example evaluate -- --no-baseline`, seeds
    // 20260401 and 7): held-out aliases found in the top 10 343 -> 345
    // and 342 -> 343 of 600, innocent hits unchanged. From two words on,
    // it added two innocent hits ("Northwestern University" /
    // NORTHWESTERN POLYTECHNICAL UNIVERSITY, "Heritage Foundation"): two
    // words are a short form only when the distinctive one is rare and
    // no ordinary English word ("Autel Technology" / "Autel Intelligent
    // Technology Corp., Ltd."; not "Orange Technology"). Measured (same
    // command): held-out 351 -> 352 and 353 -> 356 of 600, innocent hits
    // unchanged. It needs "societe" to be the common word it is
    // (normalize::GENERIC_WORDS), or "Société Générale" is a short form of
    // SOCIETE GENERALE DES PAINS.
    let whole_query_exact = unmatched_q == 0 && pairs.iter().all(|p| p.sim >= 1.0);
    let query_words = query.iter().filter(|t| t.kind == TokenKind::Word).count();
    let coined_rare = |p: &&Pair| {
        listed[p.listed()]
            .iter()
            .all(|t| t.weight >= RARE_WORD_WEIGHT && !t.ordinary)
    };
    let short_form = !strong.is_empty()
        && whole_query_exact
        && (query_words >= 3 || (query_words == 2 && strong.iter().any(coined_rare)));
    let listed_exp = match (strong.len() >= 2 || lone_exact || short_form, prefix) {
        (true, false) if strong.len() >= 2 && whole_query_exact => LISTED_COVERAGE_EXPONENT_EXACT,
        (true, false) => LISTED_COVERAGE_EXPONENT_STRONG,
        (false, false) => 0.5,
        (true, true) => 0.1,
        (false, true) => 0.25,
    };
    let left = |terms: &[Term], unmatched: u32| {
        terms
            .iter()
            .enumerate()
            .filter(|(i, t)| unmatched & (1 << i) != 0 && distinctive(t))
            .count()
    };
    let mut s = cov_q.powf(QUERY_COVERAGE_EXPONENT) * cov_l.powf(listed_exp) * s_penalty;
    // A name made only of common words ("International Services Agency
    // S.A.S.") is no evidence when it is part of another name, but when
    // every word of both names agrees it is that name, and a search for it
    // must find it.
    let whole_name = unmatched_q == 0 && unmatched_l == 0 && pairs.iter().all(|p| p.sim >= 0.9);
    if strong.is_empty() && !whole_name {
        s *= 0.6;
        penalties.push(Penalty::OnlyWeakWords);
    } else if strong.len() == 1 && strong[0].sim < 1.0 {
        // One similar-but-not-equal word is weak evidence, the more so the
        // shorter it is ("Acme" / "ACMA", "Visa" / "WISA"). Not so a slip
        // of the fingers ([`edit::typing_slip`]) in a word of four letters
        // or more, in a query of several words that all agree, with
        // nothing distinctive left over in the listing ("Armt Engineering
        // University", "UINTED COMPANY OJSC"). A one-word query
        // ("Telstra" / TELSTAR) or a three-letter acronym ("KBC Group" /
        // KKBC) stays penalised: there one edit makes another name.
        // Measured (`cargo run --release --example evaluate --
        // --no-baseline`, seeds 20260401 and 7): perturbed names missed at
        // rank 1 71 -> 66 and 83 -> 76 of 1,500 (one typo: r@1 0.92 ->
        // 0.95 and 0.94 -> 0.96), innocent false hits unchanged (8 of
        // 1,105, the same names), held-out aliases unchanged.
        let p = strong[0];
        let (qt, lt) = (
            query[p.q_start as usize].text,
            listed[p.l_start as usize].text,
        );
        let len: usize = listed[p.listed()].iter().map(|t| t.text.len()).sum();
        let slip = p.q_len == 1
            && p.l_len == 1
            && query.len() >= 2
            && qt.len().min(lt.len()) >= 4
            && left(query, unmatched_q) == 0
            && left(listed, unmatched_l) == 0
            && edit::typing_slip(qt, lt);
        let factor = match len {
            _ if slip => 1.0,
            0..=5 => 0.8,
            6..=8 => 0.88,
            _ => 1.0,
        };
        if factor < 1.0 {
            s *= factor;
            penalties.push(Penalty::SingleFuzzyWord);
        }
    } else if strong.iter().all(|p| p.sim < 0.9) {
        // Several words, each only roughly similar (typical of short words
        // one edit apart: "Paul Green" / "GORRIN, Raul"): no word agrees.
        s *= 0.93;
        penalties.push(Penalty::OnlyRoughWords);
    }
    // A match resting on one ordinary English word ("Orange S.A." /
    // "... BANK ORANGE") is a namesake more often than one resting on a
    // coined name ("Hikmicro" / "Hangzhou Hikmicro Sensing Technology").
    let lone = strong
        .first()
        .filter(|p| strong.len() == 1 && p.l_len == 1 && p.q_len == 1);
    if !whole_name && lone.is_some_and(|p| listed[p.l_start as usize].ordinary) {
        s *= ORDINARY_WORD_FACTOR;
        penalties.push(Penalty::OrdinaryWord);
    }
    if unmatched_q != 0 {
        penalties.push(Penalty::UnmatchedQuery(unmatched_q));
    }
    if unmatched_l != 0 {
        penalties.push(Penalty::UnmatchedListed(unmatched_l));
    }
    let evidence = Evidence {
        shape: s.clamp(0.0, 1.0),
        cov_q,
        cov_l,
        strong: strong.len(),
        rarest: strong
            .iter()
            .filter(|p| p.sim >= PHONETIC_SIM)
            .flat_map(|p| listed[p.listed()].iter().map(|t| t.weight))
            .fold(0.0, f64::max),
        exact: strong.iter().filter(|p| p.sim >= 1.0).count(),
        listed_left: left(listed, unmatched_l),
        query_left: left(query, unmatched_q),
        plain_name: names_alone,
        numbers_agree: q_nums != 0 && l_nums != 0 && s_penalty == 1.0,
        query_len: query.len(),
        q_matched: mq,
        q_weight: wq,
        q_extra,
    };
    Some(Scored {
        score: evidence.shape,
        pairs,
        penalties,
        evidence,
    })
}

/// Factor for a person's listing written "FAMILY, Given" when the query
/// names none of its family-name words ([`family_name`]).
pub const FAMILY_NAME_UNMATCHED: f64 = 0.85;

/// Lowers `scored` by [`FAMILY_NAME_UNMATCHED`] when the listing is a
/// person written "FAMILY, Given" (`family`: its family-name tokens, a bit
/// mask from [`crate::normalize::family_name_tokens`]; 0 when unknown) and
/// a query of two words or more paired none of them: "Kevin Roberts" is
/// not "MEJIA, Kevin Robert", nor "Olga Ivanova" "KULYGINA, Olga
/// Ivanovna". Given names and patronymics are shared by thousands of
/// people; the family name is what tells them apart. A one-word query may
/// be a given name on purpose, and while typing (`prefix`) the family name
/// may simply not have been typed yet ("Myong Cho…" for "KANG, Myong
/// Chol"), so neither is lowered. A factor below 1 only lowers a score,
/// so the pruning bound ([`score_at_least`]) still holds. Measured (`cargo
/// run --release --example evaluate -- --no-baseline`, seeds 20260401 and
/// 7): innocent false hits 16 → 14 on both, held-out aliases found
/// unchanged, perturbed names missed at rank 1 unchanged in number (on
/// seed 20260401 one found first that was second, one fell below the
/// threshold: "E, Theit Thinzar" for "YE, Theit Thinzar", 0.748).
pub fn family_name(scored: &mut Scored, family: u32, query_len: usize, prefix: bool) {
    if family == 0 || query_len < 2 || prefix {
        return;
    }
    if scored.pairs.iter().any(|p| p.l_mask() & family != 0) {
        return;
    }
    scored.score *= FAMILY_NAME_UNMATCHED;
    scored.evidence.shape = scored.score;
    scored.penalties.push(Penalty::FamilyNameUnmatched);
}

/// Raises `scored` (the score of a query against `listed`) when the listing
/// is a person written "FAMILY, Given" (`family`, as for [`family_name`])
/// whose family name is a rare word ([`RARE_WORD_WEIGHT`]) that the query
/// has at [`PHONETIC_SIM`] or better, and the query's extra words were
/// forgiven (`forgiven_query_weight`: another word agrees and the whole
/// listing matched): they are then forgiven at
/// [`EXTRA_QUERY_FORGIVENESS_FAMILY`] instead of
/// [`EXTRA_QUERY_FORGIVENESS`]. The query coverage is the only factor of
/// the score that changes, so the score is rescaled by it. Within the
/// pruning bound, which assumes the larger share for a listing of names
/// alone, the only listings this raises ([`score_bound`]).
/// Measured (`cargo run --release --example evaluate -- --no-baseline`,
/// seeds 20260401 and 7): held-out aliases found in the top 10 349 -> 350
/// and 350 -> 351 of 600, innocent hits unchanged (8). Without the family
/// name's rarity and position, for any listing of names alone, it was one
/// more case on each seed for two more innocent hits ("Lucky Star Chinese
/// Kitchen" / LUCKY STAR, "Wong Ka Wai" / "KONG, Ka On").
pub fn family_forgiveness(scored: &mut Scored, listed: &[Term], family: u32) {
    let e = scored.evidence;
    // Names alone, as the pruning bound assumes ([`score_bound`]).
    if family == 0 || e.q_extra <= 0.0 || !e.plain_name {
        return;
    }
    let rare_family_agrees = scored.pairs.iter().any(|p| {
        p.l_mask() & family != 0
            && p.sim >= PHONETIC_SIM
            && listed[p.listed()]
                .iter()
                .all(|t| t.weight >= RARE_WORD_WEIGHT)
    });
    if !rare_family_agrees {
        return;
    }
    let cov = |share: f64| (e.q_matched / (e.q_weight - e.q_extra * share)).min(1.0);
    let (before, after) = (
        cov(EXTRA_QUERY_FORGIVENESS),
        cov(EXTRA_QUERY_FORGIVENESS_FAMILY),
    );
    if before <= 0.0 || after <= before {
        return;
    }
    let score = scored.score * (after / before).powf(QUERY_COVERAGE_EXPONENT);
    scored.score = score.min(1.0);
    scored.evidence.shape = scored.score;
    scored.evidence.cov_q = after;
}

/// `scored` (the score of `query` against `listed`) again when it pairs a
/// person's family name with a word only because the given-name table lists
/// the two as variants: "David Levi" / "David Lee" scored 0.93, the
/// `nicknames` table having Lee as a nickname of Levi, but here both are
/// family names. Such a pair is scored by its spelling alone, over the
/// similarity matrix `sims` gives (`sims()[i * nl + j]`, as
/// [`score_with_matrix`] reads it; asked for only when there is such a
/// pair). A family name is a listed word before the comma of "FAMILY,
/// Given" (`family`, see [`crate::normalize::family_name_tokens`]) or, in a
/// name written without a comma, the last word of both names (the lists
/// write such names "Given Family"). `None` when the new score is provably
/// below `threshold`.
///
/// The new score is never higher (one similarity lower, the rest equal), so
/// the search's pruning bound stays a bound.
pub fn without_nickname_family(
    scored: Scored,
    query: &[Term],
    listed: &[Term],
    prefix: bool,
    threshold: f64,
    family: u32,
    sims: impl FnOnce() -> Vec<f64>,
) -> Option<Scored> {
    let last_query = query.len().min(32).saturating_sub(1);
    let by_spelling =
        |i: usize, j: usize| spelling_sim(&query[i], &listed[j], prefix && i == last_query);
    let last = |len: usize, i: usize| len >= 2 && i + 1 == len;
    let blocked: Vec<(usize, usize)> = scored
        .pairs
        .iter()
        .filter(|p| p.q_len == 1 && p.l_len == 1 && p.sim == GIVEN_NAME_SIM)
        .map(|p| (p.q_start as usize, p.l_start as usize))
        .filter(|&(i, j)| {
            let (Some(q), Some(l)) = (query.get(i), listed.get(j)) else {
                return false;
            };
            let family_position = if family != 0 {
                family & (1 << j) != 0
            } else {
                last(query.len(), i) && last(listed.len(), j)
            };
            family_position && given_name_variants(q, l) && by_spelling(i, j) < GIVEN_NAME_SIM
        })
        .collect();
    if blocked.is_empty() {
        return Some(scored);
    }
    let nl = listed.len().min(32);
    let mut sims = sims();
    for (i, j) in blocked {
        sims[i * nl + j] = by_spelling(i, j);
    }
    score_with_matrix(query, listed, prefix, threshold, &sims, nl)
}

/// [`score_with`] over a matrix of token similarities, `sims[i * nl + j]`
/// with `nl` the listed token count (at most 32). One instance of the
/// scorer serves every caller that has such a matrix (the scorer is
/// generic over its similarity function, and each instance costs the wasm
/// about 12 KB).
pub fn score_with_matrix(
    query: &[Term],
    listed: &[Term],
    prefix: bool,
    threshold: f64,
    sims: &[f64],
    nl: usize,
) -> Option<Scored> {
    score_with(query, listed, prefix, threshold, |i, j| sims[i * nl + j])
}

/// Whether a listing is made of names alone: no legal form, number or
/// common organisation word (a person's name, or a company's bare name).
pub(crate) fn plain_name(listed: &[Term]) -> bool {
    listed.iter().all(plain_token)
}

/// Whether a listed token may be part of a name made of names alone
/// ([`plain_name`]): a distinctive word, a stopword or an initial.
pub(crate) fn plain_token(t: &Term) -> bool {
    match t.kind {
        TokenKind::Word => distinctive(t),
        TokenKind::Stop | TokenKind::Initial => true,
        TokenKind::Number | TokenKind::Legal => false,
    }
}

/// Whether a listed token is evidence of identity: a word or number that
/// is not a common organisation word.
fn distinctive(t: &Term) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number) && t.weight > GENERIC_WEIGHT_CAP
}

/// The weight of the extra query words forgiven (each at
/// [`EXTRA_QUERY_FORGIVENESS`] of it) when the query says more than the listing
/// ("BOZIZE, Francois Yangouvonda" / "BOZIZE, Francois"; "Elena Leonidovna
/// Shifrin" / "Shifrin, Elena"): each extra query word counts at
/// `1 - EXTRA_QUERY_FORGIVENESS` of its weight, but only when what did
/// match is strong evidence: two or more words (one may be a common one),
/// one of them a rare word ([`RARE_WORD_WEIGHT`], on both sides) that
/// agrees (nearly) exactly, and the whole listing matched: every distinctive word of a listed name made of
/// names alone (a person's name, or a company's without legal form or
/// common organisation word), every word but the legal form of any other
/// ("Taveta Greenwick Cyprus Nicosia Ltd" / "Taveta Greenwick Ltd.").
/// Measured (`cargo run --release --example evaluate -- --no-baseline`,
/// seeds 20260401 and 7), the companies' half: held-out aliases found in
/// the top 10 345 -> 347 and 343 -> 346 of 600, innocent hits unchanged.
/// Common words alone never
/// earn it ("Maria" and "Lopez" each weigh too little), and neither does a
/// partial listing. Numbers are never forgiven: they must agree.
#[allow(clippy::too_many_arguments)]
fn forgiven_query_weight(
    query: &[Term],
    listed: &[Term],
    names_alone: bool,
    pairs: &[Pair],
    strong: &[&Pair],
    q_used: u32,
    l_used: u32,
    prefix: bool,
) -> f64 {
    // Two words must agree, one of them distinctive; the other may be a
    // common one ("Grindavik Solutions Ltd-ISR" / "Grindavik Solutions
    // Ltd."). Measured (evaluate, seeds 20260401 and 7): held-out aliases
    // found 347 -> 348 and 346 -> 348 of 600, innocent hits unchanged.
    if prefix || strong.is_empty() {
        return 0.0;
    }
    let words_agree = || {
        pairs
            .iter()
            .filter(|p| {
                p.sim >= PHONETIC_SIM && query[p.query()].iter().all(|t| t.kind == TokenKind::Word)
            })
            .count()
    };
    if strong.len() < 2 && words_agree() < 2 {
        return 0.0;
    }
    // A company's extra words tell more ("Polar Bear Ice Company" is not
    // "POLAR BEAR ELECTRONICS CO"), so a listing that is not names alone
    // must agree in every word, its common organisation words too.
    let must_agree = |t: &Term| {
        if names_alone {
            distinctive(t)
        } else {
            matches!(t.kind, TokenKind::Word | TokenKind::Number)
        }
    };
    let listing_covered = listed
        .iter()
        .enumerate()
        .all(|(j, t)| l_used & (1 << j) != 0 || !must_agree(t));
    // Rare on both sides: the query side is what the score bound can check.
    let rare_agrees = strong.iter().any(|p| {
        p.sim >= PHONETIC_SIM
            && listed[p.listed()]
                .iter()
                .any(|t| t.weight >= RARE_WORD_WEIGHT)
            && query[p.query()]
                .iter()
                .all(|t| t.weight >= RARE_WORD_WEIGHT)
    });
    if !(listing_covered && rare_agrees) {
        return 0.0;
    }
    query
        .iter()
        .enumerate()
        .filter(|(i, t)| q_used & (1 << i) == 0 && forgivable(t.kind))
        .map(|(_, t)| t.weight)
        .sum()
}

/// Kinds of query token that [`forgiven_query_weight`] may forgive.
fn forgivable(kind: TokenKind) -> bool {
    kind == TokenKind::Word
}

/// An upper bound of the score from the candidate pairs: each query token
/// covered at the best similarity any candidate pair offers it. A chosen pair
/// covers each of its query tokens once, at its own similarity, so the
/// query coverage `Q` cannot exceed this; the small slack absorbs the
/// different order of floating-point sums.
fn coverage_bound(query: &[Term], cands: &[Pair], names_alone: bool) -> f64 {
    let mut best = [0f64; 32];
    for p in cands {
        for i in p.query() {
            best[i] = best[i].max(p.sim.min(1.0));
        }
    }
    score_bound(query, &best, names_alone)
}

/// The upper bound of the score of `query` against any name in which query
/// token i pairs at most at similarity `best[i]` (1 for a token that may be
/// part of a joined pair): `Q^QUERY_COVERAGE_EXPONENT`, with a small slack
/// for the different order of floating-point sums.
///
/// A query word with no partner at all (`best[i] == 0`) may be forgiven
/// (`forgiven_query_weight`), so it counts at `1 -
/// EXTRA_QUERY_FORGIVENESS` of its weight here, or at `1 -
/// EXTRA_QUERY_FORGIVENESS_FAMILY` when the listing is made of names alone
/// (`names_alone`, [`plain_name`]: the only listings
/// [`family_forgiveness`] may raise). A word that has a partner but ends up unpaired may be
/// forgiven too; the bound still holds, because such a word's `best` (at
/// least [`MIN_TOKEN_SIM`]) adds more to the bound's share than forgiving
/// it at no more than [`MIN_TOKEN_SIM`] adds to the score's (invariant:
/// both shares at most `MIN_TOKEN_SIM`, checked at compile time).
pub fn score_bound(query: &[Term], best: &[f64], names_alone: bool) -> f64 {
    // Forgiveness needs two paired query words, one of them rare and paired
    // at PHONETIC_SIM or better: without those the plain bound holds.
    // Only a listing of names alone may be a person's whose rare family
    // name earns the larger share ([`family_forgiveness`]): for any other,
    // the bound at the larger share was 7 % more work on a long company
    // query for nothing.
    let share = if names_alone {
        EXTRA_QUERY_FORGIVENESS_FAMILY
    } else {
        EXTRA_QUERY_FORGIVENESS
    };
    let may_forgive = best.iter().filter(|&&b| b > 0.0).count() >= 2
        && query
            .iter()
            .zip(best)
            .any(|(t, &b)| b >= PHONETIC_SIM && t.weight >= RARE_WORD_WEIGHT);
    let wq: f64 = query
        .iter()
        .zip(best)
        .map(|(t, &b)| {
            if may_forgive && b <= 0.0 && forgivable(t.kind) {
                t.weight * (1.0 - share)
            } else {
                t.weight
            }
        })
        .sum();
    if wq <= 0.0 {
        return 0.0;
    }
    let covered: f64 = query.iter().zip(best).map(|(t, b)| t.weight * b).sum();
    (covered / wq).min(1.0).powf(QUERY_COVERAGE_EXPONENT) + 1e-9
}

/// Whether a token can be one half of a joined pair ("al shanti" / "alshanti").
pub fn joinable(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Word | TokenKind::Stop | TokenKind::Initial)
}

/// Adjacent tokens on one side that, joined, equal (or nearly equal) one
/// token on the other side: "al shanti" / "alshanti", "saito tech" / "saitotech".
fn joined_pairs(query: &[Term], listed: &[Term], out: &mut Vec<Pair>) {
    let joinable = |t: &Term| joinable(t.kind);
    let mut buf = String::new();
    for (a, b, a_is_query) in [(query, listed, true), (listed, query, false)] {
        for i in 0..a.len().saturating_sub(1) {
            if !(joinable(&a[i]) && joinable(&a[i + 1])) {
                continue;
            }
            let joined_len = a[i].text.len() + a[i + 1].text.len();
            for (j, t) in b.iter().enumerate() {
                if t.kind != TokenKind::Word || t.text.len() != joined_len {
                    continue;
                }
                buf.clear();
                buf.push_str(a[i].text);
                buf.push_str(a[i + 1].text);
                let s = if t.text == buf {
                    1.0
                } else {
                    edit::similarity(&buf, t.text)
                };
                if s >= JOINED_MIN_SIM {
                    out.push(if a_is_query {
                        Pair::new(i, 2, j, 1, s)
                    } else {
                        Pair::new(j, 1, i, 2, s)
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{phonetic_key, tokens};

    fn terms<'a>(t: &'a [crate::normalize::Token], k: &'a [String]) -> Vec<Term<'a>> {
        t.iter()
            .zip(k)
            .map(|(t, k)| Term {
                text: &t.text,
                key: k,
                kind: t.kind,
                weight: default_weight(t.kind),
                ordinary: false,
            })
            .collect()
    }

    fn score_names(a: &str, b: &str) -> f64 {
        let ta = tokens(a);
        let tb = tokens(b);
        let ka: Vec<String> = ta.iter().map(|t| phonetic_key(&t.text)).collect();
        let kb: Vec<String> = tb.iter().map(|t| phonetic_key(&t.text)).collect();
        score(&terms(&ta, &ka), &terms(&tb, &kb), false).score
    }

    #[test]
    fn score_is_one_for_the_same_name_in_any_order_and_form() {
        assert_eq!(score_names("Vladimir Putin", "PUTIN, Vladimir"), 1.0);
        assert_eq!(score_names("Orion LLC", "OOO Orion"), 1.0);
    }

    #[test]
    fn score_forgives_extra_listed_words_but_not_extra_query_words() {
        let extra_listed = score_names("Ivan Petrov", "PETROV, Ivan Sergeyevich");
        let extra_query = score_names("Emma Daniels", "EMMA LLC");
        assert!(extra_listed > 0.85, "{extra_listed}");
        assert!(extra_query < 0.7, "{extra_query}");
    }

    #[test]
    fn extra_query_words_are_forgiven_when_a_rare_name_and_another_agree() {
        let fuller = score_names("Elena Leonidovna Shifrin", "SHIFRIN, Elena");
        let stranger = score_names("Elena Leonidovna Shifrin", "SHIFRIN, Anna");
        assert!(fuller >= 0.75, "{fuller}");
        assert!(stranger < 0.75, "{stranger}");
        // One agreeing word is not enough, and a company's extra words are
        // not forgiven.
        assert!(score_names("Elena Leonidovna Shifrin", "SHIFRIN") < 0.75);
        assert!(score_names("Polar Bear Ice Company", "POLAR BEAR ELECTRONICS CO") < 0.75);
    }

    #[test]
    fn given_name_variants_pair_like_a_close_spelling() {
        let bill = score_names("Bill Gatesby", "GATESBY, William");
        assert!(bill >= 0.9, "{bill}");
        assert!(score_names("Bill", "William") < 0.75);
    }

    #[test]
    fn score_rejects_known_false_friends() {
        assert!(score_names("George Bush", "George Habbash") < 0.7);
        assert!(score_names("11420 Corp", "Belletech Corp") < 0.5);
        assert!(score_names("Acme", "ACMA") < 0.8);
    }

    #[test]
    fn short_words_that_differ_in_their_first_letter_do_not_pair() {
        let w = |t| Term {
            text: t,
            key: t,
            kind: TokenKind::Word,
            weight: 1.0,
            ordinary: false,
        };
        assert_eq!(token_sim(&w("jing"), &w("ting"), false), 0.0);
        assert_eq!(token_sim(&w("fang"), &w("sang"), false), 0.0);
        // A first-letter typo in a longer word, or a typo further in, does.
        assert!(token_sim(&w("bandiru"), &w("candiru"), false) >= MIN_TOKEN_SIM);
        assert!(token_sim(&w("jint"), &w("jing"), false) >= MIN_TOKEN_SIM);
        // Its first two letters typed in the wrong order are one edit.
        assert!(token_sim(&w("rdor"), &w("dror"), false) >= MIN_TOKEN_SIM);
        assert_eq!(
            token_sim(&w("rdo"), &w("dro"), false),
            0.0,
            "three letters: below the minimum"
        );
    }

    #[test]
    fn token_sim_bound_is_at_least_token_sim() {
        let names = "Yevgeniy Evgenii Prigozhin Prigojin PRIGOZIN j J. Hernandez Fernandez \
            Candiru Candirru Cand Saito Tehc Tech technology OOO LLC Ltd 12 21 al alshanti \
            Shanti Habbash Bush Mohammed Muhammad Mukhammad Consultancy Konsultansi Security";
        let toks = tokens(names);
        let keys: Vec<String> = toks.iter().map(|t| phonetic_key(&t.text)).collect();
        let ts = terms(&toks, &keys);
        let m = |t: &Term| {
            [
                edit::letter_mask(t.text.as_bytes()),
                edit::letter_mask(t.key.as_bytes()),
            ]
        };
        for q in &ts {
            for l in &ts {
                for prefix in [false, true] {
                    let exact = token_sim(q, l, prefix);
                    let bound = token_sim_bound(q, l, prefix, m(q), m(l));
                    assert!(
                        bound >= exact,
                        "{} {} {prefix}: {bound} < {exact}",
                        q.text,
                        l.text
                    );
                }
            }
        }
    }

    #[test]
    fn score_at_least_prunes_only_pairs_below_the_threshold() {
        for (a, b) in [
            ("Ivan Petrov", "PETROV, Ivan Sergeyevich"),
            ("Candirru Saito Tehc", "Saito Tech Ltd."),
            ("Emma Daniels", "EMMA LLC"),
            ("Elena Leonidovna Shifrin", "SHIFRIN, Elena"),
            ("Elena Leonidovna Shifrin Ivanovna", "Shifrin Elen Ivan"),
            ("Bill Gates Jr", "GATES, William"),
        ] {
            let ta = tokens(a);
            let tb = tokens(b);
            let ka: Vec<String> = ta.iter().map(|t| phonetic_key(&t.text)).collect();
            let kb: Vec<String> = tb.iter().map(|t| phonetic_key(&t.text)).collect();
            let (qa, qb) = (terms(&ta, &ka), terms(&tb, &kb));
            let full = score(&qa, &qb, false).score;
            for t in [0.1, 0.5, 0.7, 0.8, 0.9, 1.0] {
                match score_at_least(&qa, &qb, false, t) {
                    Some(s) => assert_eq!(s.score, full),
                    None => assert!(full < t, "{a} / {b}: pruned at {t}, scores {full}"),
                }
            }
        }
    }
}
