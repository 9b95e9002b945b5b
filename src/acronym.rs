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
//!   holds no legal form, number or initial, except that the company form
//!   (Corporation, Company: [`COMPANY_FORM`]) may give the last letter of
//!   an acronym of four letters or more (CRCC, China Railway Construction
//!   Corporation; NIORDC, National Iranian Oil Refining and Distribution
//!   Company);
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

/// The legal-form class of "Corporation" and "Company" (and the forms the
/// normaliser reads as them). Its C ends many acronyms (CSSC, China State
/// Shipbuilding Corporation; CRCC, China Railway Construction Corporation),
/// so it may give an acronym's last letter, from the fourth on ([`walk`]).
pub const COMPANY_FORM: &str = "co";
/// The letter [`COMPANY_FORM`] gives.
const COMPANY_LETTER: u8 = COMPANY_FORM.as_bytes()[0];

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
        // Only as the last letter, and past the first HEAD, so that the
        // heads the index keeps are the words' letters alone.
        TokenKind::Legal
            if t.text == COMPANY_FORM
                && a.len() > HEAD
                && k + 1 == a.len()
                && a[k] == COMPANY_LETTER =>
        {
            let sim = if skipped {
                ACRONYM_SKIP_SIM
            } else {
                ACRONYM_SIM
            };
            return found(start, j + 1 - start, sim);
        }
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
///
/// The index calls this for every name at load, so the common case, a run
/// of words that each give only their initial, is a loop; from the first
/// word with more ways to appear (a translated Russian organisation word)
/// on, [`heads_from`] branches over them. Both read the same [`letters`].
pub fn heads(listed: &[Term], mut out: impl FnMut([u8; HEAD])) {
    let listed = &listed[..listed.len().min(32)];
    let mut buf = Vec::with_capacity(HEAD + 2);
    for s in starts(listed) {
        buf.clear();
        let mut j = s;
        loop {
            if buf.len() >= HEAD {
                out([buf[0], buf[1], buf[2]]);
                break;
            }
            let Some(t) = listed.get(j) else { break };
            match t.kind {
                TokenKind::Stop => {
                    j += 1;
                    continue;
                }
                TokenKind::Word => {}
                _ => break,
            }
            if !acronym_letters(t.text).is_empty() {
                heads_from(listed, j, &mut buf, &mut out);
                break;
            }
            match t.text.as_bytes().first() {
                Some(&c) if c.is_ascii_lowercase() => buf.push(c),
                _ => break,
            }
            j += 1;
        }
    }
}

/// The heads of the runs that continue from listed position `j` with the
/// letters `buf` spelled so far: one branch per way each word may appear.
fn heads_from(listed: &[Term], j: usize, buf: &mut Vec<u8>, out: &mut dyn FnMut([u8; HEAD])) {
    if buf.len() >= HEAD {
        return out([buf[0], buf[1], buf[2]]);
    }
    let Some(t) = listed.get(j) else { return };
    match t.kind {
        TokenKind::Stop => return heads_from(listed, j + 1, buf, out),
        TokenKind::Word => {}
        _ => return,
    }
    let at = buf.len();
    for l in letters(t.text) {
        if l.is_empty() || !l.iter().all(u8::is_ascii_lowercase) {
            continue;
        }
        buf.extend_from_slice(l);
        heads_from(listed, j + 1, buf, out);
        buf.truncate(at);
    }
}

/// The letters the words of `listed` can give an acronym, as
/// [`crate::edit::letter_mask`] bits: each letter of an acronym that spells
/// a run of `listed` ([`runs`]) comes from a word of the run (or is the
/// last letter a company form gives, [`COMPANY_FORM`]), so an acronym
/// with a letter outside this mask spells no run of the name. The index
/// keeps it per name to skip [`runs`] for most names of a bucket.
pub fn letters_of(listed: &[Term]) -> u32 {
    listed[..listed.len().min(32)]
        .iter()
        .fold(0, |m, t| match t.kind {
            TokenKind::Word => letters(t.text).fold(m, |m, l| m | crate::edit::letter_mask(l)),
            TokenKind::Legal if t.text == COMPANY_FORM => {
                m | crate::edit::letter_mask(&[COMPANY_LETTER])
            }
            _ => m,
        })
}

/// A number below `26^HEAD` for the first [`HEAD`] letters of `acro`
/// (lowercase ASCII), the key [`heads`] are indexed by.
pub fn head_code(h: &[u8]) -> usize {
    h[..HEAD].iter().fold(0usize, |c, &b| {
        c * 26 + (b.saturating_sub(b'a') as usize).min(25)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{tokens, Token};
    use crate::score::default_weight;

    fn terms(t: &[Token]) -> Vec<Term<'_>> {
        t.iter()
            .map(|t| Term {
                text: &t.text,
                key: "",
                kind: t.kind,
                weight: default_weight(t.kind),
                ordinary: false,
            })
            .collect()
    }

    /// The best similarity of `acro` against `name`, with `acro` unknown.
    fn spells(acro: &str, name: &str) -> f64 {
        let q = tokens(acro);
        let l = tokens(name);
        best(&terms(&q)[0], &terms(&l))
    }

    #[test]
    fn a_company_form_may_give_the_last_letter_of_a_long_acronym() {
        let cssc = "China State Shipbuilding Corporation";
        assert_eq!(tokens("Corporation")[0].text, COMPANY_FORM);
        assert_eq!(spells("CSSC", cssc), ACRONYM_SIM);
        assert_eq!(
            spells("CRCC", "China Railway Construction Corporation Limited"),
            ACRONYM_SIM
        );
        // Only last: the form's C stands for no other letter.
        assert_eq!(spells("CSCS", cssc), 0.0);
        assert_eq!(
            spells("CSSCL", "China State Shipbuilding Corporation Limited"),
            0.0
        );
        // A three-letter acronym still spells words only ("CSC" collides
        // with too many names).
        assert_eq!(spells("CSC", "China Shipping Company"), 0.0);
        // Other legal forms give no letter.
        assert_eq!(spells("CSSL", "China State Shipbuilding Limited"), 0.0);
        // The per-name letter set knows the C, so the index does not skip
        // the name.
        let l = tokens(cssc);
        let c = crate::edit::letter_mask(b"c");
        assert_eq!(letters_of(&terms(&l)) & c, c);
    }

    #[test]
    fn an_acronym_spells_the_initials_of_the_significant_words() {
        let full = "Russian Institute of Radio Navigation and Time";
        assert_eq!(spells("RIRNT", full), ACRONYM_SIM);
        // One word of the run, from its fourth on, may be left out.
        assert_eq!(spells("RIRT", full), ACRONYM_SKIP_SIM);
        // A leading word may stand outside the acronym.
        let hefei = "Hefei National Laboratory for Quantum Information Science";
        assert_eq!(spells("NLQIS", hefei), ACRONYM_SIM);
        assert_eq!(spells("HNLQIS", hefei), ACRONYM_SIM);
    }

    #[test]
    fn russian_letters_of_translated_organisation_words_count() {
        // ARZ: aviatsionnyi remontnyi zavod, the normaliser's "plant".
        assert_eq!(
            spells("ARZ", "Joint Stock Company Aviation Repair Plant"),
            ACRONYM_SHORT_SIM
        );
        assert_eq!(spells("ARP", "Aviation Repair Plant"), ACRONYM_SHORT_SIM);
        // NII: nauchno-issledovatelskii institut, read as "research institute".
        assert_eq!(spells("NIIS", "Research Institute Sigma"), ACRONYM_SIM);
    }

    #[test]
    fn letters_out_of_order_or_too_many_or_too_few_do_not_spell() {
        let full = "Russian Institute of Radio Navigation and Time";
        assert_eq!(spells("TRIR", full), 0.0);
        assert_eq!(spells("RIRNTX", full), 0.0);
        assert_eq!(spells("NRCPC", "National Research Center of Physics"), 0.0);
        // No word left out among the first three, nor two words.
        assert_eq!(spells("RRNT", full), 0.0);
        assert_eq!(
            spells(
                "RIRAB",
                "Russian Institute of Radio Navigation and Time Alpha Beta"
            ),
            0.0
        );
    }

    #[test]
    fn a_three_letter_acronym_spells_the_whole_name_without_a_gap() {
        assert_eq!(
            spells("STC", "Special Technology Center"),
            ACRONYM_SHORT_SIM
        );
        assert_eq!(spells("STC", "Special Technology Center Moscow"), 0.0);
        assert_eq!(spells("STM", "Special Technology Center Moscow"), 0.0);
    }

    #[test]
    fn a_run_does_not_cross_a_legal_form_or_number_nor_start_late() {
        assert_eq!(spells("ABCD", "Alpha Beta LLC Gamma Delta"), 0.0);
        assert_eq!(spells("ABCD", "Alpha Beta 12 Gamma Delta"), 0.0);
        // The third word is too late to start.
        assert_eq!(spells("CDEF", "Alpha Beta Gamma Delta Echo Foxtrot"), 0.0);
        assert_eq!(
            spells("BGDE", "Alpha Beta Gamma Delta Echo Foxtrot"),
            ACRONYM_SIM
        );
    }

    #[test]
    fn a_common_or_non_letter_word_is_not_an_acronym() {
        let t = |text, weight| Term {
            text,
            key: "",
            kind: TokenKind::Word,
            weight,
            ordinary: false,
        };
        assert!(may_be(&t("rirt", 1.0)));
        assert!(!may_be(&t("rirt", RARE_WORD_WEIGHT - 0.1)));
        assert!(!may_be(&t("ab", 1.0)));
        assert!(!may_be(&t("abcdefghi", 1.0)));
        assert!(!may_be(&t("a1b2", 1.0)));
    }

    #[test]
    fn the_loop_for_initials_gives_the_heads_the_branching_walk_gives() {
        // Every name of up to five tokens over words that give one letter,
        // translated Russian words that give more, stopwords, a number, a
        // legal form and a non-ASCII initial: `heads` against
        // `heads_from` from each start, as multisets.
        let words = tokens("alpha research of 12 llc plant beta center");
        let mut pool = terms(&words);
        pool.push(Term {
            text: "\u{e9}tat",
            key: "",
            kind: TokenKind::Word,
            weight: 1.0,
            ordinary: false,
        });
        let kinds: Vec<TokenKind> = pool.iter().map(|t| t.kind).collect();
        assert!(kinds.contains(&TokenKind::Stop) && kinds.contains(&TokenKind::Legal));
        let mut idx = [0usize; 5];
        for len in 1..=5usize {
            let combos = pool.len().pow(len as u32);
            for c in 0..combos {
                let mut x = c;
                for i in idx.iter_mut().take(len) {
                    *i = x % pool.len();
                    x /= pool.len();
                }
                let listed: Vec<Term> = idx[..len].iter().map(|&i| pool[i]).collect();
                let mut fast = Vec::new();
                heads(&listed, |h| fast.push(h));
                let mut slow = Vec::new();
                for s in starts(&listed) {
                    heads_from(&listed, s, &mut Vec::new(), &mut |h| slow.push(h));
                }
                fast.sort_unstable();
                slow.sort_unstable();
                let text: Vec<&str> = listed.iter().map(|t| t.text).collect();
                assert_eq!(fast, slow, "{text:?}");
            }
        }
    }

    #[test]
    fn every_run_an_acronym_spells_starts_with_an_indexed_head_and_has_the_names_letters() {
        for name in [
            "Russian Institute of Radio Navigation and Time",
            "Hefei National Laboratory for Quantum Information Science",
            "AVIC Research Institute for Special Structures of Aeronautical Composites",
            "Joint Stock Company 218 Aviation Repair Plant",
        ] {
            let l = tokens(name);
            let lt = terms(&l);
            let mut hs = Vec::new();
            heads(&lt, |h| hs.push(head_code(&h)));
            for acro in ["rirt", "nlqis", "hnlqis", "risac", "arz", "arp", "avicr"] {
                let q = Term {
                    text: acro,
                    key: "",
                    kind: TokenKind::Word,
                    weight: 1.0,
                    ordinary: false,
                };
                if best(&q, &lt) > 0.0 {
                    assert!(hs.contains(&head_code(acro.as_bytes())), "{acro} / {name}");
                    // The index's letter filter never skips a name it spells.
                    let need = crate::edit::letter_mask(acro.as_bytes());
                    assert_eq!(need & !letters_of(&lt), 0, "{acro} / {name}");
                }
            }
        }
    }
}
