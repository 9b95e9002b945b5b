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
//! * [`crate::matcher::DEFAULT_THRESHOLD`] (0.8) and up: worth a human look.
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
//! score = Q^0.8 · L^0.25 · penalties
//! ```
//!
//! so a query word left unmatched costs much more than an extra word in the
//! listed name. Penalties: numbers that disagree, a match that rests on a
//! single fuzzy word, a match on weak words only.

use serde::Serialize;

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

/// One aligned pair: query token positions and listed token positions (a
/// joined pair covers two positions on one side).
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub query: Vec<usize>,
    pub listed: Vec<usize>,
    pub sim: f64,
}

/// What lowered a score, for the reasons shown to the user.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Penalty {
    /// Query words that found no partner.
    UnmatchedQuery(Vec<String>),
    /// Listed words that found no partner (cheap).
    UnmatchedListed(Vec<String>),
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
    if !q.key.is_empty() && q.key == l.key {
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
    let d = strsim::osa_distance(a, b);
    if d > allowance {
        return 0.0;
    }
    1.0 - 0.8 * d as f64 / la.max(lb) as f64
}

/// Scores `query` against `listed`. `prefix` treats the last query token as
/// possibly incomplete.
pub fn score(query: &[Term], listed: &[Term], prefix: bool) -> Scored {
    let mut cands: Vec<Pair> = Vec::new();
    let last = query.len().saturating_sub(1);
    for (i, q) in query.iter().enumerate() {
        for (j, l) in listed.iter().enumerate() {
            let s = token_sim(q, l, prefix && i == last);
            if s >= MIN_TOKEN_SIM || (s > 0.0 && q.kind == TokenKind::Legal) {
                cands.push(Pair {
                    query: vec![i],
                    listed: vec![j],
                    sim: s,
                });
            }
        }
    }
    joined_pairs(query, listed, &mut cands);

    // Greedy alignment: best similarity first, heavier tokens breaking ties.
    let weight_of = |p: &Pair| -> f64 {
        p.query.iter().map(|&i| query[i].weight).sum::<f64>()
            + p.listed.iter().map(|&j| listed[j].weight).sum::<f64>()
    };
    cands.sort_by(|a, b| {
        b.sim
            .total_cmp(&a.sim)
            .then(weight_of(b).total_cmp(&weight_of(a)))
    });
    let mut q_used = vec![false; query.len()];
    let mut l_used = vec![false; listed.len()];
    let mut pairs = Vec::new();
    for p in cands {
        if p.query.iter().any(|&i| q_used[i]) || p.listed.iter().any(|&j| l_used[j]) {
            continue;
        }
        p.query.iter().for_each(|&i| q_used[i] = true);
        p.listed.iter().for_each(|&j| l_used[j] = true);
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
        .map(|p| p.sim * p.query.iter().map(|&i| query[i].weight).sum::<f64>())
        .sum();
    let ml: f64 = pairs
        .iter()
        .map(|p| p.sim * p.listed.iter().map(|&j| listed[j].weight).sum::<f64>())
        .sum();
    let cov_q = (mq / wq).min(1.0);
    let cov_l = (ml / wl).min(1.0);
    let mut s = cov_q.powf(0.8) * cov_l.powf(0.25);

    let mut penalties = Vec::new();
    let unmatched_q: Vec<String> = (0..query.len())
        .filter(|&i| !q_used[i])
        .map(|i| query[i].text.to_string())
        .collect();
    let unmatched_l: Vec<String> = (0..listed.len())
        .filter(|&j| !l_used[j])
        .map(|j| listed[j].text.to_string())
        .collect();

    let q_nums = query.iter().any(|t| t.kind == TokenKind::Number);
    let l_nums = listed.iter().any(|t| t.kind == TokenKind::Number);
    let nums_unpaired = query
        .iter()
        .enumerate()
        .chain(listed.iter().enumerate())
        .any(|(_, t)| t.kind == TokenKind::Number)
        && (query
            .iter()
            .enumerate()
            .any(|(i, t)| t.kind == TokenKind::Number && !q_used[i])
            || listed
                .iter()
                .enumerate()
                .any(|(j, t)| t.kind == TokenKind::Number && !l_used[j]));
    if q_nums && l_nums && nums_unpaired {
        s *= 0.6;
        penalties.push(Penalty::NumbersDiffer);
    }

    // Evidence: how many distinctive (non-weak) words agree.
    let strong: Vec<&Pair> = pairs
        .iter()
        .filter(|p| {
            p.listed.iter().any(|&j| {
                matches!(listed[j].kind, TokenKind::Word | TokenKind::Number)
                    && listed[j].weight > GENERIC_WEIGHT_CAP
            })
        })
        .collect();
    if strong.is_empty() {
        s *= 0.6;
        penalties.push(Penalty::OnlyWeakWords);
    } else if strong.len() == 1 && strong[0].sim < 0.95 {
        let len = strong[0]
            .listed
            .iter()
            .map(|&j| listed[j].text.len())
            .sum::<usize>();
        if len <= 6 {
            s *= 0.85;
            penalties.push(Penalty::SingleFuzzyWord);
        }
    }
    if !unmatched_q.is_empty() {
        penalties.push(Penalty::UnmatchedQuery(unmatched_q));
    }
    if !unmatched_l.is_empty() {
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
    for i in 0..query.len().saturating_sub(1) {
        if !(joinable(&query[i]) && joinable(&query[i + 1])) {
            continue;
        }
        let joined = format!("{}{}", query[i].text, query[i + 1].text);
        for (j, l) in listed.iter().enumerate() {
            if l.kind == TokenKind::Word && l.text.len() == joined.len() {
                let s = if l.text == joined {
                    1.0
                } else {
                    edit_sim(&joined, l.text)
                };
                if s >= 0.85 {
                    out.push(Pair {
                        query: vec![i, i + 1],
                        listed: vec![j],
                        sim: s,
                    });
                }
            }
        }
    }
    for j in 0..listed.len().saturating_sub(1) {
        if !(joinable(&listed[j]) && joinable(&listed[j + 1])) {
            continue;
        }
        let joined = format!("{}{}", listed[j].text, listed[j + 1].text);
        for (i, q) in query.iter().enumerate() {
            if q.kind == TokenKind::Word && q.text.len() == joined.len() {
                let s = if q.text == joined {
                    1.0
                } else {
                    edit_sim(q.text, &joined)
                };
                if s >= 0.85 {
                    out.push(Pair {
                        query: vec![i],
                        listed: vec![j, j + 1],
                        sim: s,
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
    fn edit_sim_bounds_and_allowance() {
        assert_eq!(edit_sim("", ""), 0.0);
        assert_eq!(edit_sim("abc", "abd"), 0.0);
        assert!(edit_sim("candiru", "candiro") > 0.85);
        assert_eq!(edit_sim("bush", "habbash"), 0.0);
    }
}
