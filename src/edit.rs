//! Edit distances between normalised tokens, and the one edit allowance.
//!
//! The normaliser (reading typos in organisation words), the index (fuzzy
//! candidate lookup) and the scorer (token similarity) all ask "how far apart
//! are these two words, and how far may they be". The answers live here, once,
//! so the three cannot disagree: the index must find every word the scorer
//! would pair, and it can only do that with the scorer's allowance.

/// Edits a pair of words may differ by and still be called similar, by the
/// length of the shorter word: words of one or two letters must agree
/// exactly, longer ones may differ by 1, 2 or 3 edits. For a three-letter
/// word the one edit pairs only with a four-letter word ("teh" / "tech",
/// "iyd" / "iyad": 0.8): one edit between two three-letter words leaves
/// `1 - 0.8 / 3 = 0.73`, below the scorer's `MIN_TOKEN_SIM` (0.75).
/// Measured (`cargo run --release --example evaluate -- --no-baseline`, both
/// seeds): perturbed r@1 0.93 to 0.94, innocent false hits unchanged.
pub const fn allowance(shorter_len: usize) -> usize {
    match shorter_len {
        0..=2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        _ => 3,
    }
}

/// Similarity lost per edit, as a share of the longer word's length: one
/// edit in a five-letter word gives `1 - 0.8 / 5 = 0.84`.
pub const COST_PER_EDIT: f64 = 0.8;

/// Edit-distance similarity in [0, 1] with the length-dependent
/// [`allowance`]: 0 when the words are further apart than allowed, else
/// `1 - COST_PER_EDIT · d / longer` (optimal string alignment distance, so a
/// swap of neighbours is one edit).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (la, lb) = (a.len(), b.len());
    let allowed = allowance(la.min(lb));
    if allowed == 0 || la.abs_diff(lb) > allowed {
        return 0.0;
    }
    let d = osa_distance_bounded(a.as_bytes(), b.as_bytes(), allowed);
    if d > allowed {
        return 0.0;
    }
    1.0 - COST_PER_EDIT * d as f64 / la.max(lb) as f64
}

/// [`similarity`] when it is at least `min`, else 0, found with less work:
/// the edits that could keep the similarity at `min` bound the search, and
/// words whose letter sets differ by more than that many letters are
/// rejected before any distance is computed (one edit adds at most one
/// letter the other word lacks, and removes at most one). Most word pairs
/// of a query and a listed name end at that check.
pub fn similarity_at_least(a: &str, b: &str, min: f64) -> f64 {
    let (la, lb) = (a.len(), b.len());
    let longer = la.max(lb);
    let by_min = ((1.0 - min) / COST_PER_EDIT * longer as f64 + 1e-9).floor();
    let allowed = allowance(la.min(lb));
    if allowed == 0 {
        return 0.0;
    }
    let allowed = allowed.min(by_min.max(0.0) as usize);
    if la.abs_diff(lb) > allowed {
        return 0.0;
    }
    let (ma, mb) = (letter_mask(a.as_bytes()), letter_mask(b.as_bytes()));
    if (ma & !mb).count_ones() as usize > allowed || (mb & !ma).count_ones() as usize > allowed {
        return 0.0;
    }
    let d = osa_distance_bounded(a.as_bytes(), b.as_bytes(), allowed);
    if d > allowed {
        return 0.0;
    }
    1.0 - COST_PER_EDIT * d as f64 / longer as f64
}

/// An upper bound of [`similarity_at_least`] that computes no distance: the
/// same length and letter-set checks, then the similarity of the fewest
/// edits those checks allow. `ma` and `mb` are the words' [`letter_mask`]s.
pub fn similarity_bound(a: &str, b: &str, ma: u32, mb: u32, min: f64) -> f64 {
    let (la, lb) = (a.len(), b.len());
    let longer = la.max(lb);
    let allowed = allowance(la.min(lb));
    if allowed == 0 {
        return 0.0;
    }
    let by_min = ((1.0 - min) / COST_PER_EDIT * longer as f64 + 1e-9).floor();
    let allowed = allowed.min(by_min.max(0.0) as usize);
    let (extra, missing) = (
        (ma & !mb).count_ones() as usize,
        (mb & !ma).count_ones() as usize,
    );
    let fewest = la.abs_diff(lb).max(extra).max(missing);
    if fewest > allowed {
        return 0.0;
    }
    1.0 - COST_PER_EDIT * fewest as f64 / longer as f64
}

/// The letter rows of a QWERTY keyboard, each offset half a key to the
/// right of the one above, so the keys touching row `r`, column `c` are
/// `c ± 1` on the same row, `c` and `c + 1` on the row above and `c - 1`
/// and `c` on the row below.
const KEY_ROWS: [&[u8]; 3] = [b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];

/// Whether two letters are neighbouring keys on a QWERTY keyboard.
pub fn keys_touch(a: u8, b: u8) -> bool {
    let at = |x: u8| {
        KEY_ROWS.iter().enumerate().find_map(|(r, row)| {
            row.iter()
                .position(|&k| k == x)
                .map(|c| (r as i32, c as i32))
        })
    };
    let (Some((ra, ca)), Some((rb, cb))) = (at(a), at(b)) else {
        return false;
    };
    match rb - ra {
        0 => ca.abs_diff(cb) == 1,
        -1 => cb == ca || cb == ca + 1,
        1 => cb == ca - 1 || cb == ca,
        _ => false,
    }
}

/// Whether `a` and `b` differ by one slip of the fingers: two neighbouring
/// letters swapped ("uinted" / "united"), a letter replaced by a key it
/// touches ("armt" / "army"), a letter typed twice or a touching key
/// struck with it ("molly" / "moly", "panyta" / "panya"), or one of a
/// double letter left out. These are most typing errors (Damerau 1964;
/// Kukich 1992, "Techniques for automatically correcting words in text"),
/// while two different names one edit apart usually differ some other way
/// ("acme" / "acma", "visa" / "wisa"), so the scorer may trust such a pair
/// more than its edit distance alone says.
pub fn typing_slip(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // The shared start and end; the slip is what lies between them.
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (da, db) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    match (da.len(), db.len()) {
        (2, 2) => da[0] == db[1] && da[1] == db[0],
        (1, 1) => keys_touch(da[0], db[0]),
        (0, 1) => {
            // `b` has one letter more, at `pre` (for a run of one letter
            // the prefix ends after the run, so look on both sides).
            let extra = db[0];
            let near = |i: usize| {
                b.get(i)
                    .is_some_and(|&n| n == extra || keys_touch(n, extra))
            };
            (pre > 0 && near(pre - 1)) || near(pre + 1)
        }
        _ => false,
    }
}

/// The set of letters of a word: bit i for letter `a + i`; digits and any
/// other byte share bit 26 (a coarser set only weakens the check above).
pub fn letter_mask(w: &[u8]) -> u32 {
    w.iter().fold(0, |m, &b| {
        m | if b.is_ascii_lowercase() {
            1 << (b - b'a')
        } else {
            1 << 26
        }
    })
}

/// Optimal string alignment distance of two byte strings, or `bound + 1` as
/// soon as it must exceed `bound`. Tokens are short ASCII
/// ([`crate::normalize::MAX_TOKEN_BYTES`]), so three rows on the stack do.
/// Same results as `strsim::osa_distance` (tested), without its allocations:
/// this runs thousands of times per query.
pub fn osa_distance_bounded(a: &[u8], b: &[u8], bound: usize) -> usize {
    const N: usize = 64;
    if a.len().abs_diff(b.len()) > bound {
        return bound + 1;
    }
    if a.len() >= N || b.len() >= N {
        let d = strsim::osa_distance(&String::from_utf8_lossy(a), &String::from_utf8_lossy(b));
        return d.min(bound + 1);
    }
    // Three rows, rotated by swapping: row i-2, row i-1, row i. Only the
    // band |i - j| <= bound is computed: a cell outside it is a distance of
    // more than `bound` (the lengths differ by that much), so `big` stands
    // for it, and each row writes `big` just outside its band so the next
    // rows never read a stale cell. Values stay at or below 64, so bytes do.
    let big = (bound + 1).min(N) as u8;
    let (mut r2, mut r1, mut r0) = ([big; N + 2], [big; N + 2], [big; N + 2]);
    for (j, v) in r1.iter_mut().enumerate().take(b.len().min(bound) + 1) {
        *v = j as u8;
    }
    for i in 1..=a.len() {
        let lo = i.saturating_sub(bound).max(1);
        let hi = (i + bound).min(b.len());
        r0[lo - 1] = if lo == 1 { (i as u8).min(big) } else { big };
        let mut row_min = r0[lo - 1];
        for j in lo..=hi {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut v = r1[j]
                .saturating_add(1)
                .min(r0[j - 1].saturating_add(1))
                .min(r1[j - 1].saturating_add(cost));
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(r2[j - 2].saturating_add(1));
            }
            let v = v.min(big);
            r0[j] = v;
            row_min = row_min.min(v);
        }
        r0[hi + 1] = big;
        if row_min as usize > bound {
            return bound + 1;
        }
        std::mem::swap(&mut r2, &mut r1);
        std::mem::swap(&mut r1, &mut r0);
    }
    (r1[b.len()] as usize).min(bound + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_distance_agrees_with_strsim() {
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
            "consultancy",
            "konsultansi",
            "abcdefghij",
            "badcfehgji",
            "aaaa",
            "aaaaaaa",
            "ca",
            "abc",
            "acb",
        ];
        for a in words {
            for b in words {
                let want = strsim::osa_distance(a, b);
                let got = osa_distance_bounded(a.as_bytes(), b.as_bytes(), 64);
                assert_eq!(got, want, "{a} {b}");
                for bound in 0..6 {
                    assert_eq!(
                        osa_distance_bounded(a.as_bytes(), b.as_bytes(), bound),
                        want.min(bound + 1),
                        "{a} {b} {bound}"
                    );
                }
            }
        }
    }

    #[test]
    fn similarity_at_least_agrees_with_similarity_above_its_floor() {
        let words = [
            "candiru",
            "candiro",
            "cnadiru",
            "candirus",
            "andiru",
            "prigozhin",
            "prigojin",
            "prigoshin",
            "evgenii",
            "yevgeniy",
            "habbash",
            "bush",
            "consultancy",
            "consultansy",
            "abcd",
            "abce",
            "abdc",
            "technology",
            "tecnology",
            "a320",
            "a321",
        ];
        for a in words {
            for b in words {
                for min in [0.0, 0.5, 0.75, 0.75 / 0.97, 0.85, 0.9] {
                    let full = similarity(a, b);
                    let want = if full >= min { full } else { 0.0 };
                    assert_eq!(similarity_at_least(a, b, min), want, "{a} {b} {min}");
                    let (ma, mb) = (letter_mask(a.as_bytes()), letter_mask(b.as_bytes()));
                    assert!(similarity_bound(a, b, ma, mb, min) >= want, "{a} {b} {min}");
                }
            }
        }
    }

    #[test]
    fn keys_touch_on_a_qwerty_keyboard() {
        for (k, near) in [("a", "qwsz"), ("k", "jiolm"), ("g", "ftyhbv"), ("p", "ol")] {
            let k = k.as_bytes()[0];
            for c in b'a'..=b'z' {
                assert_eq!(
                    keys_touch(k, c),
                    near.as_bytes().contains(&c),
                    "{} {}",
                    k as char,
                    c as char
                );
            }
        }
        assert!(!keys_touch(b'1', b'q'));
    }

    #[test]
    fn typing_slips_are_swaps_touching_keys_and_doubled_letters() {
        for (a, b) in [
            ("uinted", "united"),
            ("armt", "army"),
            ("moly", "molly"),
            ("panyta", "panya"),
            ("bwidu", "baidu"),
            ("untied", "united"),
            ("aabc", "abc"),
        ] {
            assert!(typing_slip(a, b), "{a} {b}");
            assert!(typing_slip(b, a), "{b} {a}");
        }
        for (a, b) in [
            ("acme", "acma"),
            ("visa", "wisa"),
            ("mars", "mass"),
            ("abc", "abc"),
            ("marta", "maria"),
            ("jon", "joan"),
            ("abcd", "badc"),
            ("creoydan", "coreydan"),
            ("", "a"),
        ] {
            assert!(!typing_slip(a, b), "{a} {b}");
            assert!(!typing_slip(b, a), "{b} {a}");
        }
    }

    #[test]
    fn similarity_is_zero_beyond_the_allowance() {
        assert_eq!(similarity("", ""), 0.0);
        assert_eq!(similarity("ab", "ac"), 0.0);
        assert_eq!(similarity("abc", "abcde"), 0.0);
        assert!(similarity("abc", "abd") < 0.75);
        assert!((similarity("teh", "tech") - 0.8).abs() < 1e-9);
        assert!(similarity("candiru", "candiro") > 0.85);
        assert_eq!(similarity("bush", "habbash"), 0.0);
    }
}
