//! Letters of other scripts in ASCII: the transliteration step of
//! [`crate::normalize`].
//!
//! The readings are `deunicode`'s (Cyrillic, Greek, Arabic, Hebrew, Chinese
//! in pinyin, kana, Indic scripts, ...), kept only for the characters the
//! normaliser can ask about, in a table a fifth of the size of deunicode's:
//!
//! - only letters and digits (`char::is_alphanumeric`) that are their own
//!   compatibility decomposition (NFKD). The normaliser decomposes first
//!   and drops the marks, so `é`, `ﬁ` or `Ａ` never reach this table, and it
//!   never asks about punctuation or symbols;
//! - only the scripts in use: the Basic Multilingual Plane, Mende Kikakui
//!   and Adlam (U+1E800–U+1E95F), and CJK Extension B (U+20000–U+2A6DF).
//!   The historic scripts of the Supplementary Multilingual Plane, Tangut
//!   and the like have no reading here: such a letter is dropped, as a
//!   letter deunicode cannot read always was.
//!
//! Why not deunicode itself: its table covers every code point it knows (3
//! bytes each for 140,000 of them, 476 KB), and it is in the wasm that
//! every visitor downloads. This one is 96 KB (about 76 KB gzipped).
//!
//! The tables are generated from deunicode by this module's test
//! (`ENTITY_SCREEN_BLESS=1 cargo test --lib translit` writes them); the
//! same test fails if the files differ from what deunicode gives, so the
//! two cannot drift apart. Layout, all little-endian:
//!
//! - `ranges.bin`: 12-byte entries `(first, end, base)`, sorted, not
//!   overlapping: code points `first..end` have their string ids at
//!   `ids[base + (c - first)]`;
//! - `ids.bin`: a `u16` string id per code point of the ranges; 0 = no
//!   reading (a gap inside a range);
//! - `offsets.bin`: `u16` offsets into `text.bin`, one per string id and
//!   one more: string `i` is `text[offsets[i]..offsets[i + 1]]`;
//! - `text.bin`: the readings, ASCII, concatenated.

const RANGES: &[u8] = include_bytes!("translit/ranges.bin");
const IDS: &[u8] = include_bytes!("translit/ids.bin");
const OFFSETS: &[u8] = include_bytes!("translit/offsets.bin");
const TEXT: &[u8] = include_bytes!("translit/text.bin");

const RANGE_BYTES: usize = 12;

fn u32_at(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]])
}

fn u16_at(bytes: &[u8], i: usize) -> usize {
    u16::from_le_bytes([bytes[i], bytes[i + 1]]) as usize
}

/// The ASCII reading of a non-ASCII letter or digit, as deunicode gives it
/// (`'Ж'` → `"Zh"`, `'中'` → `"Zhong "`), or `None` when it has none here.
pub fn ascii(c: char) -> Option<&'static str> {
    let cp = c as u32;
    let n = RANGES.len() / RANGE_BYTES;
    // The last range whose first code point is at most `cp`.
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if u32_at(RANGES, mid * RANGE_BYTES) <= cp {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let r = lo.checked_sub(1)? * RANGE_BYTES;
    let (first, end, base) = (
        u32_at(RANGES, r),
        u32_at(RANGES, r + 4),
        u32_at(RANGES, r + 8),
    );
    if cp >= end {
        return None;
    }
    let id = u16_at(IDS, 2 * (base + cp - first) as usize);
    if id == 0 {
        return None;
    }
    let (a, b) = (u16_at(OFFSETS, 2 * id), u16_at(OFFSETS, 2 * id + 2));
    std::str::from_utf8(&TEXT[a..b]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The planes and blocks kept (see the module doc).
    const KEPT: &[std::ops::Range<u32>] = &[0x80..0x1_0000, 0x1_E800..0x1_E960, 0x2_0000..0x2_A6E0];

    /// Whether the normaliser can ask about `c`: a letter or digit that is
    /// its own NFKD.
    fn reachable(c: char) -> bool {
        let mut n = 0;
        let mut same = true;
        unicode_normalization::char::decompose_compatible(c, |d| {
            n += 1;
            same &= d == c;
        });
        !c.is_ascii() && c.is_alphanumeric() && n == 1 && same
    }

    fn kept_readings() -> Vec<(u32, &'static str)> {
        KEPT.iter()
            .flat_map(|r| r.clone())
            .filter_map(char::from_u32)
            .filter(|&c| reachable(c))
            .filter_map(|c| deunicode::deunicode_char(c).map(|s| (c as u32, s)))
            .collect()
    }

    /// The four files, from deunicode. Ranges join code points less than
    /// 16 apart (a gap costs 2 bytes a code point, a range 12).
    fn generate() -> [(&'static str, Vec<u8>); 4] {
        let entries = kept_readings();
        let mut id_of: HashMap<&str, u16> = HashMap::new();
        let mut strings: Vec<&str> = vec![""];
        for &(_, s) in &entries {
            id_of.entry(s).or_insert_with(|| {
                strings.push(s);
                (strings.len() - 1) as u16
            });
        }
        let mut spans: Vec<(u32, u32)> = Vec::new();
        for &(cp, _) in &entries {
            match spans.last_mut() {
                Some(last) if cp - last.1 < 16 => last.1 = cp + 1,
                _ => spans.push((cp, cp + 1)),
            }
        }
        let by_cp: HashMap<u32, u16> = entries.iter().map(|&(c, s)| (c, id_of[s])).collect();
        let (mut ranges, mut ids) = (Vec::new(), Vec::new());
        for &(first, end) in &spans {
            let base = (ids.len() / 2) as u32;
            for v in [first, end, base] {
                ranges.extend_from_slice(&v.to_le_bytes());
            }
            for cp in first..end {
                ids.extend_from_slice(&by_cp.get(&cp).copied().unwrap_or(0).to_le_bytes());
            }
        }
        let (mut offsets, mut text) = (Vec::new(), Vec::new());
        for s in &strings {
            assert!(s.is_ascii(), "deunicode reading {s:?} is not ASCII");
            offsets.extend_from_slice(&u16::try_from(text.len()).unwrap().to_le_bytes());
            text.extend_from_slice(s.as_bytes());
        }
        offsets.extend_from_slice(&u16::try_from(text.len()).unwrap().to_le_bytes());
        [
            ("ranges.bin", ranges),
            ("ids.bin", ids),
            ("offsets.bin", offsets),
            ("text.bin", text),
        ]
    }

    #[test]
    fn the_tables_are_what_deunicode_gives_for_the_kept_scripts() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/translit");
        let bless = std::env::var_os("ENTITY_SCREEN_BLESS").is_some();
        for (name, bytes) in generate() {
            let path = dir.join(name);
            if bless {
                std::fs::write(&path, &bytes).unwrap();
            }
            let stored = std::fs::read(&path).unwrap();
            assert!(
                stored == bytes,
                "src/translit/{name} differs from what deunicode gives; \
                 regenerate with ENTITY_SCREEN_BLESS=1 cargo test --lib translit"
            );
        }
    }

    #[test]
    fn every_kept_letter_reads_as_deunicode_reads_it_and_no_other_has_a_reading() {
        let mut kept = 0;
        for c in (0x80..0x11_0000).filter_map(char::from_u32) {
            let cp = c as u32;
            let expected = if KEPT.iter().any(|r| r.contains(&cp)) && reachable(c) {
                deunicode::deunicode_char(c)
            } else {
                None
            };
            kept += expected.is_some() as usize;
            assert_eq!(ascii(c), expected, "U+{cp:04X}");
        }
        assert!(kept > 36_000, "only {kept} readings kept");
    }

    #[test]
    fn scripts_of_listed_names_read_as_before() {
        assert_eq!(ascii('Ж'), Some("Zh"));
        assert_eq!(ascii('華'), Some("Hua "));
        assert_eq!(ascii('ح'), Some("H"));
        assert_eq!(ascii('ש'), Some("sh"));
        assert_eq!(ascii('Ω'), Some("O"));
        // Tangut: not in use, no reading here (deunicode has "do").
        assert_eq!(ascii('\u{17000}'), None);
    }
}
