//! Name knowledge from published tables: which given names are variants of
//! one another (Bill / William, Larry / Lawrence, Peggy / Margaret).
//!
//! Source: `data/names/nicknames.csv`, the table of the PyPI package
//! `nicknames` 1.0.1 (Carlton Northern, Nick Crews; Apache-2.0, licence in
//! `data/names/LICENSE-nicknames`), copied unchanged. It is compiled in with
//! `include_str!`, so a missing table fails the build, and read once, at
//! the first comparison of two words. Nothing here comes from the screening
//! lists themselves (a table mined from the lists' aliases would hold the
//! very pairs the held-out-alias evaluation removes).
//!
//! Two words are variants when the table lists one as a nickname of the
//! other (william / bill, in either order). Two words that are only both
//! nicknames of a third are not: the table lists "alexander" and "sandra"
//! as nicknames of "alexandria", and they name different people.
//!
//! The scorer pairs variants at [`crate::score::GIVEN_NAME_SIM`]. The index
//! does not retrieve by them: a person's family name retrieves the listing
//! ("Bill Gates" finds "GATES, William" through "gates"), and expanding
//! every given name to its variants only added candidates.

use std::sync::OnceLock;

/// The published table: `name1,relationship,name2` rows, `has_nickname`.
const NICKNAMES_CSV: &str = include_str!("../data/names/nicknames.csv");

/// Longest word in the table (letters); longer words are never variants.
const MAX_LEN: usize = 12;

struct Table {
    /// Bit `a * 26 + b` set when some pair starts with letters a and b: most
    /// word pairs are ruled out by their first letters, without a search.
    first_letters: [u64; 11],
    /// Sorted [`pair_hash`] of every (word, variant) pair, both directions:
    /// integer compares instead of string compares for the one search a
    /// plausible pair costs, and no sort of strings when the table is read
    /// (it is read at a search's first comparison).
    hashes: Vec<u64>,
    /// Bit set for the (first letter, last letter, length) of every word in
    /// the table: the scorer asks about every pair of words it compares,
    /// and this rules out nearly all of them in a few instructions.
    shapes: Vec<u64>,
}

fn shape(w: &[u8]) -> Option<usize> {
    let (&f, &l) = (w.first()?, w.last()?);
    if !(2..=MAX_LEN).contains(&w.len()) || !f.is_ascii_lowercase() || !l.is_ascii_lowercase() {
        return None;
    }
    Some(((f - b'a') as usize * 26 + (l - b'a') as usize) * (MAX_LEN + 1) + w.len())
}

fn has_shape(shapes: &[u64], w: &[u8]) -> bool {
    shape(w).is_some_and(|i| shapes[i / 64] & (1 << (i % 64)) != 0)
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| build(NICKNAMES_CSV))
}

/// Rows of the table as (name, nickname). Rows that are not two lower-case
/// ASCII words joined by `has_nickname` are skipped; the unit test
/// `every_row_of_the_published_table_is_read` proves there are none.
fn rows(csv: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    csv.lines().skip(1).filter_map(|line| {
        let mut f = line.trim_end_matches('\r').split(',');
        let (a, rel, b) = (f.next()?, f.next()?, f.next()?);
        let word =
            |w: &str| (2..=MAX_LEN).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_lowercase());
        (rel == "has_nickname" && word(a) && word(b) && f.next().is_none()).then_some((a, b))
    })
}

/// The (word, variant) pairs of the table, both directions, a word never
/// its own variant.
fn pairs(csv: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    rows(csv)
        .flat_map(|(a, b)| [(a, b), (b, a)])
        .filter(|(a, b)| a != b)
}

fn build(csv: &'static str) -> Table {
    let mut first_letters = [0u64; 11];
    let mut shapes = vec![0u64; (26 * 26 * (MAX_LEN + 1)).div_ceil(64)];
    let mut hashes: Vec<u64> = Vec::new();
    for (a, b) in pairs(csv) {
        let bit = letter_pair(a, b);
        first_letters[bit / 64] |= 1 << (bit % 64);
        if let Some(i) = shape(a.as_bytes()) {
            shapes[i / 64] |= 1 << (i % 64);
        }
        hashes.push(pair_hash(a, b));
    }
    hashes.sort_unstable();
    hashes.dedup();
    Table {
        hashes,
        first_letters,
        shapes,
    }
}

fn letter_pair(a: &str, b: &str) -> usize {
    (a.as_bytes()[0] - b'a') as usize * 26 + (b.as_bytes()[0] - b'a') as usize
}

/// Whether two normalised words are variants of one given name.
pub fn are_variants(a: &str, b: &str) -> bool {
    let t = table();
    // Cheapest tests first: this runs for most pairs of words a search
    // compares, and nearly all of them fail a shape test.
    if !has_shape(&t.shapes, b.as_bytes()) || !has_shape(&t.shapes, a.as_bytes()) {
        return false;
    }
    let bit = letter_pair(a, b);
    if t.first_letters[bit / 64] & (1 << (bit % 64)) == 0 || a == b {
        return false;
    }
    // A 64-bit hash of the pair: two of the table's few thousand pairs, or
    // a pair of other words, sharing one is a chance of about 1 in 10^15
    // per comparison (and the unit tests check every pair of the table).
    t.hashes.binary_search(&pair_hash(a, b)).is_ok()
}

/// FNV-1a over `a`, a separator no word contains, and `b`.
fn pair_hash(a: &str, b: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in a.as_bytes().iter().chain(b" ").chain(b.as_bytes()) {
        h = (h ^ c as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_published_table_is_read_but_initials_and_long_names() {
        // Rows left out: initials ("k.c.") and the few names over MAX_LEN
        // letters ("epaphroditius"), which no listed given name is.
        let skipped: Vec<&str> = NICKNAMES_CSV
            .lines()
            .skip(1)
            .filter(|l| {
                let f: Vec<&str> = l.split(',').collect();
                f.len() != 3
                    || [f[0], f[2]]
                        .iter()
                        .any(|w| w.contains('.') || w.len() > MAX_LEN)
            })
            .collect();
        assert_eq!(skipped.len(), 10, "{skipped:?}");
        let data_rows = NICKNAMES_CSV.lines().skip(1).count();
        assert_eq!(rows(NICKNAMES_CSV).count() + skipped.len(), data_rows);
    }

    #[test]
    fn nicknames_and_their_names_are_variants_both_ways() {
        assert!(are_variants("bill", "william"));
        assert!(are_variants("william", "bill"));
        assert!(are_variants("larry", "lawrence"));
        assert!(are_variants("peggy", "margaret"));
        assert!(are_variants("billy", "william"));
    }

    #[test]
    fn names_that_are_only_nicknames_of_one_name_are_not_variants() {
        assert!(are_variants("alexandria", "alexander"));
        assert!(are_variants("alexandria", "sandra"));
        assert!(!are_variants("alexander", "sandra"));
        assert!(!are_variants("william", "william"));
        assert!(!are_variants("bush", "habbash"));
        assert!(!are_variants("", "x"));
        assert!(!are_variants("12", "william"));
    }

    #[test]
    fn every_pair_of_the_table_is_found_and_no_hash_is_shared() {
        let mut all: Vec<(&str, &str)> = pairs(NICKNAMES_CSV).collect();
        all.sort_unstable();
        all.dedup();
        assert!(all.len() > 5000, "{}", all.len());
        assert_eq!(table().hashes.len(), all.len(), "two pairs share a hash");
        for (a, b) in &all {
            assert!(are_variants(a, b), "{a} / {b}");
        }
    }
}
