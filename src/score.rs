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
//! score = Q^0.8 · L^e · penalties
//! ```
//!
//! so a query word left unmatched costs much more than an extra word in the
//! listed name. The listed side's exponent `e` is 0.25 once two distinctive
//! words agree (or a one-word query equals a rare listed word), else 0.5;
//! while typing (prefix mode) it is 0.1 and 0.25, since the rest of the
//! listed name is what has not been typed yet. Penalties: numbers that
//! disagree (×0.6), a match on weak words only (×0.6), a match that rests on
//! a single similar-but-not-equal word (×0.8 up to five letters, ×0.88 up to
//! eight).
//!
//! Token similarity ([`token_sim`]): 1 for equal words (after
//! normalisation), 0.95 for equal phonetic keys (transliteration variants,
//! four letters or more), 0.9+ for a typed prefix, else an edit-distance
//! similarity with a length-dependent allowance ([`edit_sim`]); numbers only
//! pair when equal; an initial pairs with a word of the same first letter
//! (0.8).

use crate::normalize::TokenKind;

/// Token pairs below this similarity are not aligned at all.
pub const MIN_TOKEN_SIM: f64 = 0.75;

/// A weighted token, ready to score.
#[derive(Clone, Copy, Debug)]
pub struct Term<'a> {
    pub text: &'a str,
    /// [`crate::normalize::phonetic_key`] of `text`.
    pub key: &'a str,
    pub kind: TokenKind,
    /// Weight in (0, 1].
    pub weight: f64,
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
}

/// The result of scoring one pair of names.
#[derive(Clone, Debug)]
pub struct Scored {
    pub score: f64,
    pub pairs: Vec<Pair>,
    pub penalties: Vec<Penalty>,
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

/// Common organisation words: counted for coverage, capped as evidence.
pub fn is_generic(word: &str) -> bool {
    matches!(
        word,
        "university"
            | "institute"
            | "technology"
            | "group"
            | "service"
            | "international"
            | "research"
            | "trading"
            | "industry"
            | "academy"
            | "science"
            | "sciences"
            | "engineering"
            | "electronic"
            | "development"
            | "investment"
            | "investments"
            | "import"
            | "export"
            | "center"
            | "holding"
            | "enterprise"
            | "enterprises"
            | "general"
            | "national"
            | "state"
            | "bank"
            | "shipping"
            | "logistics"
            | "solutions"
            | "systems"
            | "global"
            | "plant"
            | "design"
            | "bureau"
            | "equipment"
            | "machinery"
            | "manufacturing"
            | "products"
            | "materials"
            | "chemical"
            | "chemicals"
            | "energy"
            | "construction"
            | "commercial"
            | "ministry"
            | "organization"
            | "organisation"
            | "association"
            | "foundation"
            | "agency"
            | "office"
            | "factory"
            | "scientific"
            | "production"
            | "industrial"
            | "aviation"
            | "petroleum"
            | "oil"
            | "gas"
            | "new"
            | "first"
            | "limited"
    )
}

/// Largest weight a generic word can have.
pub const GENERIC_WEIGHT_CAP: f64 = 0.35;

/// Similarity of two tokens in [0, 1]. `prefix` allows `q` to be the start of
/// `l` (the word being typed).
pub fn token_sim(q: &Term, l: &Term, prefix: bool) -> f64 {
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
            0.8
        } else {
            0.0
        };
    }
    if prefix && l.text.starts_with(q.text) {
        return 0.9 + 0.1 * q.text.len() as f64 / l.text.len() as f64;
    }
    // Phonetic keys say little about very short words ("wpp" / "vpp").
    if q.text.len() >= 4 && l.text.len() >= 4 && q.key == l.key {
        return 0.95;
    }
    edit_sim(q.text, l.text).max(edit_sim(q.key, l.key) * 0.97)
}

/// Edit-distance similarity with a length-dependent allowance: short words
/// must agree exactly, longer ones may differ by 1, 2 or 3 edits (optimal
/// string alignment distance, so a swap of neighbours is one edit).
pub fn edit_sim(a: &str, b: &str) -> f64 {
    let (la, lb) = (a.len(), b.len());
    let shorter = la.min(lb);
    let allowance = match shorter {
        0..=3 => 0,
        4..=5 => 1,
        6..=8 => 2,
        _ => 3,
    };
    if allowance == 0 || la.abs_diff(lb) > allowance {
        return 0.0;
    }
    let d = osa_distance_bounded(a.as_bytes(), b.as_bytes(), allowance);
    if d > allowance {
        return 0.0;
    }
    1.0 - 0.8 * d as f64 / la.max(lb) as f64
}

/// Optimal string alignment distance of two byte strings, or `bound + 1` as
/// soon as it must exceed `bound`. Tokens are short ASCII
/// ([`crate::normalize::MAX_TOKEN_BYTES`]), so three rows on the stack do.
/// Same results as `strsim::osa_distance` (tested), without its allocations:
/// this runs thousands of times per query.
pub(crate) fn osa_distance_bounded(a: &[u8], b: &[u8], bound: usize) -> usize {
    const N: usize = 64;
    if a.len().abs_diff(b.len()) > bound {
        return bound + 1;
    }
    if a.len() >= N || b.len() >= N {
        let d = strsim::osa_distance(&String::from_utf8_lossy(a), &String::from_utf8_lossy(b));
        return d.min(bound + 1);
    }
    // Three rows, rotated by swapping: row i-2, row i-1, row i. Values stay
    // below 64, so bytes do.
    let (mut r2, mut r1, mut r0) = ([0u8; N], [0u8; N], [0u8; N]);
    for (j, v) in r1.iter_mut().enumerate().take(b.len() + 1) {
        *v = j as u8;
    }
    for i in 1..=a.len() {
        r0[0] = i as u8;
        let mut row_min = r0[0];
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut v = (r1[j] + 1).min(r0[j - 1] + 1).min(r1[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(r2[j - 2] + 1);
            }
            r0[j] = v;
            row_min = row_min.min(v);
        }
        if row_min as usize > bound {
            return bound + 1;
        }
        std::mem::swap(&mut r2, &mut r1);
        std::mem::swap(&mut r1, &mut r0);
    }
    (r1[b.len()] as usize).min(bound + 1)
}

/// Scores `query` against `listed`. `prefix` treats the last query token as
/// possibly incomplete. Names longer than [`crate::normalize::MAX_TOKENS`]
/// tokens are scored on their first 32.
pub fn score(query: &[Term], listed: &[Term], prefix: bool) -> Scored {
    let query = &query[..query.len().min(32)];
    let listed = &listed[..listed.len().min(32)];
    let mut cands: Vec<Pair> = Vec::new();
    let last = query.len().saturating_sub(1);
    for (i, q) in query.iter().enumerate() {
        for (j, l) in listed.iter().enumerate() {
            let s = token_sim(q, l, prefix && i == last);
            if s >= MIN_TOKEN_SIM || (s > 0.0 && q.kind == TokenKind::Legal) {
                cands.push(Pair::new(i, 1, j, 1, s));
            }
        }
    }
    joined_pairs(query, listed, &mut cands);

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
        return Scored {
            score: 0.0,
            pairs,
            penalties: Vec::new(),
        };
    }
    let mq: f64 = pairs
        .iter()
        .map(|p| p.sim * query[p.query()].iter().map(|t| t.weight).sum::<f64>())
        .sum();
    let ml: f64 = pairs
        .iter()
        .map(|p| p.sim * listed[p.listed()].iter().map(|t| t.weight).sum::<f64>())
        .sum();
    let cov_q = (mq / wq).min(1.0);
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
    let listed_exp = match (strong.len() >= 2 || lone_exact, prefix) {
        (true, false) => 0.25,
        (false, false) => 0.5,
        (true, true) => 0.1,
        (false, true) => 0.25,
    };
    let mut s = cov_q.powf(0.8) * cov_l.powf(listed_exp) * s_penalty;
    if strong.is_empty() {
        s *= 0.6;
        penalties.push(Penalty::OnlyWeakWords);
    } else if strong.len() == 1 && strong[0].sim < 1.0 {
        // One similar-but-not-equal word is weak evidence, the more so the
        // shorter it is ("Acme" / "ACMA", "Visa" / "WISA").
        let len: usize = listed[strong[0].listed()]
            .iter()
            .map(|t| t.text.len())
            .sum();
        let factor = match len {
            0..=5 => 0.8,
            6..=8 => 0.88,
            _ => 1.0,
        };
        if factor < 1.0 {
            s *= factor;
            penalties.push(Penalty::SingleFuzzyWord);
        }
    }
    if unmatched_q != 0 {
        penalties.push(Penalty::UnmatchedQuery(unmatched_q));
    }
    if unmatched_l != 0 {
        penalties.push(Penalty::UnmatchedListed(unmatched_l));
    }
    Scored {
        score: s.clamp(0.0, 1.0),
        pairs,
        penalties,
    }
}

/// Adjacent tokens on one side that, joined, equal (or nearly equal) one
/// token on the other side: "al shanti" / "alshanti", "saito tech" / "saitotech".
fn joined_pairs(query: &[Term], listed: &[Term], out: &mut Vec<Pair>) {
    let joinable = |t: &Term| {
        matches!(
            t.kind,
            TokenKind::Word | TokenKind::Stop | TokenKind::Initial
        )
    };
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
                    edit_sim(&buf, t.text)
                };
                if s >= 0.85 {
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
    fn score_rejects_known_false_friends() {
        assert!(score_names("George Bush", "George Habbash") < 0.7);
        assert!(score_names("11420 Corp", "Belletech Corp") < 0.5);
        assert!(score_names("Acme", "ACMA") < 0.8);
    }

    #[test]
    fn osa_bounded_agrees_with_strsim() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "candiru",
            "candiro",
            "cnadiru",
            "habbash",
            "bush",
            "prigozhin",
            "prigojin",
        ];
        for a in words {
            for b in words {
                let want = strsim::osa_distance(a, b);
                let got = osa_distance_bounded(a.as_bytes(), b.as_bytes(), 64);
                assert_eq!(got, want, "{a} {b}");
                assert_eq!(
                    osa_distance_bounded(a.as_bytes(), b.as_bytes(), 1),
                    want.min(2),
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn edit_sim_bounds_and_allowance() {
        assert_eq!(edit_sim("", ""), 0.0);
        assert_eq!(edit_sim("abc", "abd"), 0.0);
        assert!(edit_sim("candiru", "candiro") > 0.85);
        assert_eq!(edit_sim("bush", "habbash"), 0.0);
    }
}
