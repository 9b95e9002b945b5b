//! Acronyms against their expansions: "RIRT" is the "Russian Institute of
//! Radio Navigation and Time", "218 ARZ" the "JSC 218 Aviation Repair
//! Plant" (aviatsionnyi remontnyi zavod).
//!
//! A query word may be an acronym ([`may_be`]) when it is 3 to 8 ASCII
//! letters and rare or unknown in the dataset (a common word such as
//! "john" or "ali" is a word, not an acronym). It spells a run of listed
//! tokens ([`runs`]) when each word of the run gives its initial, or a
//! letter of the Russian word it translates
//! ([`crate::words::acronym_letters`]: "research" gives N or NI), in order,
//! stopwords passed over. To keep false hits down:
//!
//! * the run starts at the name's first or second word (a leading city or
//!   group name, "Hefei" or "AVIC", may stand outside the acronym) and
//!   holds no legal form, number or initial;
//! * a three-letter acronym must spell the name to its last word, with no
//!   word left out; a longer one may leave out one word of the run from
//!   its fourth word on ("RIRT": radio *navigation*), never the last, and
//!   scores lower for it.
//!
//! The scorer pairs the query word with the whole run at
//! [`ACRONYM_SIM`] ([`ACRONYM_SKIP_SIM`] with a word left out,
//! [`ACRONYM_SHORT_SIM`] for three letters); the index retrieves the
//! names by the first three letters a run can spell ([`heads`]), derived at
//! load time from the stored tokens, and bounds scores with [`best`]: the
//! same [`runs`] everywhere, so retrieval, scoring and pruning agree.

use crate::normalize::TokenKind;
use crate::score::{Term, ACRONYM_SHORT_SIM, ACRONYM_SIM, ACRONYM_SKIP_SIM, RARE_WORD_WEIGHT};
use crate::words::acronym_letters;

/// Lengths of a query word that may be an acronym.
pub const LEN: std::ops::RangeInclusive<usize> = 3..=8;
/// Letters of an acronym that [`heads`] indexes.
pub const HEAD: usize = 3;
const _: () = assert!(HEAD == *LEN.start());

/// Whether query token `q` may be an acronym: a word of 3 to 8 ASCII
/// letters that is rare or unknown in the dataset.
pub fn may_be(q: &Term) -> bool {
    q.kind == TokenKind::Word
        && LEN.contains(&q.text.len())
        && q.text.bytes().all(|b| b.is_ascii_lowercase())
        && q.weight >= RARE_WORD_WEIGHT
}

/// Positions where a run may start: the name's first and second words.
fn starts<'a>(listed: &'a [Term<'a>]) -> impl Iterator<Item = usize> + 'a {
    listed
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Word)
        .map(|(j, _)| j)
        .take(2)
}

/// Each way word `w` may appear in an acronym: its first letter, then the
/// letters of the Russian word it translates.
fn letters(w: &str) -> impl Iterator<Item = &[u8]> {
    let first = w.as_bytes().get(..1).unwrap_or_default();
    std::iter::once(first).chain(acronym_letters(w).iter().map(|s| s.as_bytes()))
}

/// Every run of `listed` that `acro` spells, as `found(start, len, sim)`:
/// listed positions `start..start + len`. Names are at most
/// [`crate::normalize::MAX_TOKENS`] tokens and an acronym 8 letters, so the
/// search is small.
pub fn runs(acro: &str, listed: &[Term], mut found: impl FnMut(usize, usize, f64)) {
    let a = acro.as_bytes();
    if !LEN.contains(&a.len()) {
        return;
    }
    let listed = &listed[..listed.len().min(32)];
    for s in starts(listed) {
        walk(a, listed, s, s, 0, 0, false, &mut found);
    }
}

/// One step of [`runs`]: at listed position `j`, with `k` letters spelled
/// by `words` words of the run from `start`, `skipped` telling whether a
/// word was left out.
#[allow(clippy::too_many_arguments)]
fn walk(
    a: &[u8],
    listed: &[Term],
    start: usize,
    j: usize,
    k: usize,
    words: usize,
    skipped: bool,
    found: &mut dyn FnMut(usize, usize, f64),
) {
    let Some(t) = listed.get(j) else { return };
    match t.kind {
        TokenKind::Stop => return walk(a, listed, start, j + 1, k, words, skipped, found),
        TokenKind::Word => {}
        _ => return,
    }
    for l in letters(t.text) {
        if l.is_empty() || !a[k..].starts_with(l) {
            continue;
        }
        let k2 = k + l.len();
        if k2 == a.len() {
            // A three-letter acronym spells the name to its end.
            let to_end = !listed[j + 1..].iter().any(|t| t.kind == TokenKind::Word);
            if a.len() > HEAD || to_end {
                let sim = if a.len() == HEAD {
                    ACRONYM_SHORT_SIM
                } else if skipped {
                    ACRONYM_SKIP_SIM
                } else {
                    ACRONYM_SIM
                };
                found(start, j + 1 - start, sim);
            }
        } else {
            walk(a, listed, start, j + 1, k2, words + 1, skipped, found);
        }
    }
    if a.len() > HEAD && !skipped && words >= 3 {
        walk(a, listed, start, j + 1, k, words + 1, true, found);
    }
}

/// The best similarity at which `q` pairs with a run of `listed` as an
/// acronym, 0 when it does not.
pub fn best(q: &Term, listed: &[Term]) -> f64 {
    let mut b = 0f64;
    if may_be(q) {
        runs(q.text, listed, |_, _, s| b = b.max(s));
    }
    b
}

/// The first [`HEAD`] letters of every run of `listed` (each may repeat):
/// every acronym of at least [`HEAD`] letters that spells a run of the name
/// starts with one of them, since no word is left out before a run's
/// fourth word.
pub fn heads(listed: &[Term], mut out: impl FnMut([u8; HEAD])) {
    fn go(listed: &[Term], j: usize, buf: &mut Vec<u8>, out: &mut dyn FnMut([u8; HEAD])) {
        if buf.len() >= HEAD {
            let mut h = [0u8; HEAD];
            h.copy_from_slice(&buf[..HEAD]);
            return out(h);
        }
        let Some(t) = listed.get(j) else { return };
        match t.kind {
            TokenKind::Stop => return go(listed, j + 1, buf, out),
            TokenKind::Word => {}
            _ => return,
        }
        let at = buf.len();
        for l in letters(t.text) {
            if l.is_empty() || !l.iter().all(u8::is_ascii_lowercase) {
                continue;
            }
            buf.extend_from_slice(l);
            go(listed, j + 1, buf, out);
            buf.truncate(at);
        }
    }
    let listed = &listed[..listed.len().min(32)];
    let mut buf = Vec::with_capacity(HEAD + 2);
    for s in starts(listed) {
        go(listed, s, &mut buf, &mut out);
    }
}

/// A number below `26^HEAD` for the first [`HEAD`] letters of `acro`
/// (lowercase ASCII), the key [`heads`] are indexed by.
pub fn head_code(h: &[u8]) -> usize {
    h[..HEAD].iter().fold(0usize, |c, &b| {
        c * 26 + (b.saturating_sub(b'a') as usize).min(25)
    })
}
