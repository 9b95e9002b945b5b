//! The binary dataset format (`.esd`): compact, deterministic, versioned, and
//! safe to load from untrusted bytes.
//!
//! # Two parts: what a search needs, and the details
//!
//! A dataset has a **search part** (names, aliases, list, type, countries,
//! citation, clusters, and the tokens of every name, from which the search
//! index is derived without normalising a name again) and a **details
//! part** (addresses, remarks, ids, programs, licence texts, provenance:
//! what a detail view shows). A file holds one part or both:
//!
//! * a full file (`entity-screen build --out`) holds both, for the CLI and
//!   the embedded default;
//! * `entity-screen split` writes the two parts as two files for the web:
//!   the widget searches as soon as the search file has arrived and attaches
//!   the details when they do. Two whole files rather than one streamed
//!   file, because SRI is checked on a whole body: a streamed file could not
//!   be searched before its integrity is known. The details file names the
//!   search part it belongs to (by checksum), so a mismatched pair is refused.
//!
//! # Byte layout (version 5)
//!
//! Version 3 split the parts, made the search part columnar and stored the
//! name tokens; version 4 codes the `id` column (numbers as differences,
//! derived ids as their bytes); version 5 marks the tokens that are
//! ordinary English words (kind 5). Older files are refused with
//! [`FormatError::UnsupportedVersion`].
//!
//! All integers are little-endian; `varint` is unsigned LEB128 (7 bits per
//! byte, low group first, high bit on every byte but the last, at most 10
//! bytes). `text` is a varint byte length then that many UTF-8 bytes, stored
//! in place (names and ids: unique, and better compressed side by side than
//! through a table); `str` is a varint index into the part's string table
//! (repeated values: countries, citations, programs, licence texts).
//!
//! ```text
//! header (28 bytes)
//!   0   8  label      b"ESCREEN\0"
//!   8   4  version    u32, = FORMAT_VERSION
//!  12   8  length     u64, payload length; the file is exactly 28 + length bytes
//!  20   8  checksum   u64, checksum() of the payload (FNV-1a over words)
//! payload
//!   varint k (1 or 2), then k sections, tags strictly increasing:
//!     u8 tag (1 search, 2 details), varint length, that many bytes
//!
//! strings (both parts): varint n, n varint byte lengths, then the n
//!   strings' UTF-8 bytes back to back. String 0 is "". Ordered by
//!   descending use, ties by first use (common strings get one-byte ids).
//!
//! search section
//!   strings
//!   varint normaliser   normalize::VERSION the tokens were made with
//!   str label
//!   lists:   varint n, n times: u8 list (index in ListId::ALL, strictly
//!            increasing), str as_of, varint count, varint m,
//!            m times: str name, str sha256, str as_of
//!   varint n parties, then one column after another, n entries each:
//!     list      u8       (a declared list)
//!     type      u8       (index in PartyType::ALL)
//!     id        varint c, by its two low bits (IdColumn):
//!               0: a number, the previous number read (0 at first)
//!                  plus the zigzag-decoded c >> 2, written in decimal;
//!               1: text of c >> 2 bytes;
//!               2 (c = 2 only): 8 bytes, the id being the party's list
//!                  code, "-" and those bytes in lower-case hex (the ids
//!                  read::derived_id makes);
//!               3: refused
//!     name      text
//!     aliases   varint k, then (after all n counts) the aliases as text
//!     countries varint k, then the countries as str
//!     citation  str      (Federal Register notice)
//!     group     varint   own index minus the cluster's first party's
//!     also      varint k, then the groups as varint
//!   tokens:  varint t, t times: varint shared prefix length with the
//!            previous token, varint suffix length, suffix bytes;
//!            then t u8 kinds: 0 word, 1 number, 2 initial, 3 legal
//!            form, 4 stopword, 5 a word that is an ordinary English word
//!            (words::is_ordinary_word, decided when the file is built)
//!   names:   for each name (parties in order, primary then aliases):
//!            varint k, then k varint codes over the name's plain words
//!            (its runs of ASCII letters and digits), a cursor starting at
//!            the first: 0 = the token is the plain word at the cursor,
//!            lower-cased; 1 = no token for it; c >= 2 = token id c - 2.
//!            Each code moves the cursor one word on.
//!
//! details section
//!   u64 link   checksum() of the search section's bytes it belongs to
//!   strings
//!   provenance profiles: varint n, n times: varint k, k times str field,
//!            str file, str as_of
//!   varint next: the id of the first string used once by a record
//!   varint n (= the search part's parties), then n records, each a varint
//!   byte length and the fields below, where in a record `str` is 0 for
//!   "the next string used once" (strings used once are ranked last, in
//!   the order records use them; the first is `next`), else 1 + its id:
//!     addresses varint k, k times str text, str country
//!     programs  varint k, k str
//!     str start_date, end_date, standard_order, license_requirement,
//!         license_policy, title, remarks
//!     ids       varint k, k times str kind, str number, str country
//!     dates_of_birth, places_of_birth, nationalities, citizenships:
//!               each varint k, k str
//!     vessel    u8 0, or 1 then str call_sign, vessel_type, gross_tonnage,
//!               gross_registered_tonnage, flag, owner
//!     str source_list_url, source_information_url, status, equipment,
//!         federal_register_date
//!     varint provenance: 0 none, else 1 + profile index
//! ```
//!
//! # Loading untrusted bytes
//!
//! [`crate::dataset::store::Store`] checks everything once, at load, in one
//! pass: every read is bounds-checked; every count is checked against the
//! bytes left before anything is reserved (each element takes at least one
//! byte); lists are declared once and parties are only on declared lists,
//! with counts that agree; tokens are sorted and distinct, every token id
//! in range; clusters point at cluster roots; the text a details record
//! would copy is summed and bounded by the file's size, so a record that
//! refers to one long string many times is refused instead of costing
//! memory. Loading therefore costs time and memory in proportion to the
//! file, whatever it says; failures are [`FormatError`]s saying what failed
//! and where. After that, access needs no further checks that can fail.

use std::fmt;

use super::Dataset;
use crate::index::NameTokens;
use crate::model::{FieldSource, ListId, Party, PartyType};
use crate::normalize::TokenKind;

/// The 8-byte label every dataset starts with.
pub const MAGIC: [u8; 8] = *b"ESCREEN\0";
/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 5;
/// Header size in bytes.
pub const HEADER_LEN: usize = 28;
/// Section tags.
pub(crate) const SEARCH: u8 = 1;
pub(crate) const DETAILS: u8 = 2;

/// Why bytes are not a dataset this build can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// No bytes at all.
    Empty,
    /// The bytes do not start with [`MAGIC`]: not an entity-screen dataset.
    BadMagic,
    /// A dataset of another format version.
    UnsupportedVersion { found: u32, supported: u32 },
    /// Fewer bytes than the header or the header's length promises.
    Truncated { expected: u64, found: u64 },
    /// More bytes than the header's length says.
    TrailingBytes { expected: u64, found: u64 },
    /// The payload does not match its checksum: damaged in transit or storage.
    ChecksumMismatch { stored: u64, computed: u64 },
    /// A dataset's tokens were made by another version of the normaliser:
    /// queries would be normalised differently from the names.
    NormalizerMismatch { found: u32, supported: u32 },
    /// A file without the part asked for (a details file given as the
    /// dataset, or a search file given as details).
    MissingPart { part: &'static str },
    /// A details file that belongs to another dataset's search part.
    DetailsMismatch,
    /// The payload is inconsistent (a bad count, index, tag or UTF-8) at `offset`
    /// (from the start of the payload).
    Malformed { what: &'static str, offset: usize },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Empty => write!(
                f,
                "dataset is empty (0 bytes); give the .esd file written by `entity-screen build`"
            ),
            FormatError::BadMagic => write!(
                f,
                "not an entity-screen dataset (it does not start with \"ESCREEN\"); give a .esd file written by `entity-screen build`"
            ),
            FormatError::UnsupportedVersion { found, supported } => write!(
                f,
                "dataset format version {found} is not supported (this build reads version {supported}); rebuild the dataset with this version's `entity-screen build`, or use a matching entity-screen"
            ),
            FormatError::Truncated { expected, found } => write!(
                f,
                "dataset is truncated: {found} bytes, expected {expected}; the file was cut short, fetch or copy it again"
            ),
            FormatError::TrailingBytes { expected, found } => write!(
                f,
                "dataset has {found} bytes, expected {expected}: extra bytes at the end; the file was damaged, fetch or copy it again"
            ),
            FormatError::ChecksumMismatch { stored, computed } => write!(
                f,
                "dataset checksum mismatch (stored {stored:016x}, computed {computed:016x}): the file is damaged, fetch or copy it again"
            ),
            FormatError::NormalizerMismatch { found, supported } => write!(
                f,
                "dataset was built with name normaliser version {found}, this build uses version {supported}; rebuild the dataset with this version's `entity-screen build`"
            ),
            FormatError::MissingPart { part } => write!(
                f,
                "dataset file has no {part} part; give the file `entity-screen build` or `entity-screen split` wrote for it"
            ),
            FormatError::DetailsMismatch => write!(
                f,
                "details file belongs to another dataset (its link does not match this dataset's search part); give the details file split from the same build"
            ),
            FormatError::Malformed { what, offset } => write!(
                f,
                "dataset is malformed: {what} at payload offset {offset}; it was not written by a compatible `entity-screen build`, rebuild it"
            ),
        }
    }
}

impl std::error::Error for FormatError {}

/// The checksum of a payload (and the link from a details part to its
/// search part): FNV-1a's xor-multiply over 8-byte little-endian words
/// rather than bytes, then the length. Eight times fewer steps than FNV-1a
/// (a byte at a time it was the largest single cost of loading); each step
/// is a bijection of the state, so any change confined to one word always
/// changes the sum. It detects damage; SRI and HTTPS guard against forgery.
pub fn checksum(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        h = (h ^ u64::from_le_bytes(b))
            .wrapping_mul(PRIME)
            .rotate_left(23);
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(PRIME);
    (h ^ bytes.len() as u64).wrapping_mul(PRIME)
}

/// FNV-1a, 64 bit.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

// ---------------------------------------------------------------- encoding

pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn put_text(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// The `id` column's coding (see the layout): OFAC's numbers as the
/// difference from the previous number, the ids `read::derived_id` makes
/// (`LIST-` and 16 hex digits) as their 8 bytes, anything else as text.
/// Three quarters of the ids are numbers in nearly ascending order: as
/// text they were 117 KB of the search file's gzip, coded so 64 KB.
///
/// A form is used only when it gives back the id exactly: a number with a
/// leading zero or a sign, or upper-case hex, stays text.
///
/// Reading stays in proportion to the bytes: a number's code takes at
/// least a byte and writes at most 20 digits, a derived id's 9 bytes at
/// most 24 characters, and a difference that overflows wraps (the
/// writer's own differences wrap the same way, so every u64 round-trips).
#[derive(Default)]
pub(crate) struct IdColumn {
    /// The last number read or written (0 before the first).
    prev: u64,
}

/// Tags of [`IdColumn`] codes, the code's two low bits.
const ID_NUMBER: u64 = 0;
const ID_TEXT: u64 = 1;
const ID_DERIVED: u64 = 2;

impl IdColumn {
    fn put(&mut self, out: &mut Vec<u8>, list: ListId, id: &str) {
        if let Some(n) = canonical_number(id) {
            let delta = n.wrapping_sub(self.prev) as i64;
            // Zigzag: small differences either way are small codes.
            let zigzag = ((delta << 1) ^ (delta >> 63)) as u64;
            if zigzag <= u64::MAX >> 2 {
                put_varint(out, zigzag << 2 | ID_NUMBER);
                self.prev = n;
                return;
            }
        }
        if let Some(hash) = derived_hash(list, id) {
            put_varint(out, ID_DERIVED);
            out.extend_from_slice(&hash);
            return;
        }
        put_varint(out, (id.len() as u64) << 2 | ID_TEXT);
        out.extend_from_slice(id.as_bytes());
    }

    /// Reads one id of a party on `list` into `buf` (cleared first).
    pub(crate) fn read(
        &mut self,
        r: &mut Reader<'_>,
        list: ListId,
        buf: &mut String,
    ) -> Result<(), FormatError> {
        buf.clear();
        let at = r.pos;
        let code = r.varint("party id")?;
        match code & 3 {
            ID_NUMBER => {
                let zigzag = code >> 2;
                let delta = ((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64);
                self.prev = self.prev.wrapping_add(delta as u64);
                // By hand: `write!` was 4 % of loading the search part.
                let mut digits = [0u8; 20];
                let mut at = digits.len();
                let mut v = self.prev;
                loop {
                    at -= 1;
                    digits[at] = b'0' + (v % 10) as u8;
                    v /= 10;
                    if v == 0 {
                        break;
                    }
                }
                buf.extend(digits[at..].iter().map(|&d| char::from(d)));
            }
            ID_TEXT => {
                let n = usize::try_from(code >> 2).map_err(|_| r.err_at("party id", at))?;
                let start = r.pos;
                let b = r.bytes(n, "party id")?;
                let text = std::str::from_utf8(b)
                    .map_err(|e| r.err_at("party id (not UTF-8)", start + e.valid_up_to()))?;
                buf.push_str(text);
            }
            ID_DERIVED if code == ID_DERIVED => {
                let hash = r.bytes(8, "party id")?;
                buf.push_str(list.code());
                buf.push('-');
                const HEX: &[u8; 16] = b"0123456789abcdef";
                for &b in hash {
                    buf.push(char::from(HEX[usize::from(b >> 4)]));
                    buf.push(char::from(HEX[usize::from(b & 15)]));
                }
            }
            _ => return Err(r.err_at("party id (unknown coding)", at)),
        }
        Ok(())
    }
}

/// `id` as a number, when writing the number gives `id` back.
fn canonical_number(id: &str) -> Option<u64> {
    let n: u64 = id.parse().ok()?;
    (n.to_string() == id).then_some(n)
}

/// The 8 bytes of an id `derived_id` makes for a party on `list`
/// (`LIST-` and 16 lower-case hex digits).
fn derived_hash(list: ListId, id: &str) -> Option<[u8; 8]> {
    let hex = id.strip_prefix(list.code())?.strip_prefix('-')?.as_bytes();
    if hex.len() != 16 {
        return None;
    }
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; 8];
    for (k, pair) in hex.chunks(2).enumerate() {
        out[k] = digit(pair[0])? << 4 | digit(pair[1])?;
    }
    Some(out)
}

/// A part's string table while encoding: every string seen, then ranked.
#[derive(Default)]
struct Strings<'a> {
    /// (first use, count) per distinct string.
    uses: std::collections::HashMap<&'a str, (usize, usize)>,
    order: Vec<&'a str>,
    ids: std::collections::HashMap<&'a str, u64>,
}

impl<'a> Strings<'a> {
    fn see(&mut self, s: &'a str) {
        let next = self.order.len();
        let e = self.uses.entry(s).or_insert((next, 0));
        if e.1 == 0 {
            self.order.push(s);
        }
        e.1 += 1;
    }

    /// Ranks the strings ("" first, then by descending count, ties by
    /// first use) and writes the table.
    fn write(&mut self, out: &mut Vec<u8>) {
        self.see("");
        let mut ranked: Vec<(&str, usize, usize)> = self
            .order
            .iter()
            .map(|s| {
                let (first, count) = self.uses.get(s).copied().unwrap_or((0, 0));
                (*s, first, count)
            })
            .collect();
        ranked.sort_by(|a, b| {
            (!a.0.is_empty())
                .cmp(&!b.0.is_empty())
                .then(b.2.cmp(&a.2))
                .then(a.1.cmp(&b.1))
        });
        put_varint(out, ranked.len() as u64);
        for (s, _, _) in &ranked {
            put_varint(out, s.len() as u64);
        }
        for (s, _, _) in &ranked {
            out.extend_from_slice(s.as_bytes());
        }
        self.ids = ranked
            .iter()
            .enumerate()
            .map(|(i, (s, _, _))| (*s, i as u64))
            .collect();
    }

    fn put(&self, out: &mut Vec<u8>, s: &str) {
        put_varint(out, self.ids.get(s).copied().unwrap_or(0));
    }

    /// How many times `s` was seen.
    fn count(&self, s: &str) -> usize {
        self.uses.get(s).map_or(0, |u| u.1)
    }

    /// How many strings were seen once (ranked last, after `write`).
    fn singletons(&self) -> usize {
        self.uses
            .iter()
            .filter(|(s, u)| u.1 == 1 && !s.is_empty())
            .count()
    }
}

/// A token's kind byte: its [`TokenKind`], and for a word whether it is an
/// ordinary English word ([`NameTokens::ordinary`]).
pub(crate) fn kind_to_u8(k: TokenKind, ordinary: bool) -> u8 {
    match k {
        TokenKind::Word if ordinary => 5,
        TokenKind::Word => 0,
        TokenKind::Number => 1,
        TokenKind::Initial => 2,
        TokenKind::Legal => 3,
        TokenKind::Stop => 4,
    }
}

/// [`kind_to_u8`] read back; `None` for a byte it never writes.
pub(crate) fn kind_from_u8(b: u8) -> Option<(TokenKind, bool)> {
    Some(match b {
        0 => (TokenKind::Word, false),
        5 => (TokenKind::Word, true),
        1 => (TokenKind::Number, false),
        2 => (TokenKind::Initial, false),
        3 => (TokenKind::Legal, false),
        4 => (TokenKind::Stop, false),
        _ => return None,
    })
}

pub(crate) fn type_to_u8(t: PartyType) -> u8 {
    PartyType::ALL.iter().position(|&x| x == t).unwrap_or(0) as u8
}

/// The search section of `d`.
fn search_section(d: &Dataset, marks: &mut Marks) -> Vec<u8> {
    let mut st = Strings::default();
    st.see(&d.label);
    for l in &d.lists {
        st.see(&l.as_of);
        for s in &l.sources {
            st.see(&s.name);
            st.see(&s.sha256);
            st.see(&s.as_of);
        }
    }
    let countries: Vec<Vec<&str>> = d.parties.iter().map(Party::countries).collect();
    for (p, cs) in d.parties.iter().zip(&countries) {
        cs.iter().for_each(|c| st.see(c));
        st.see(&p.federal_register_notice);
    }
    let mut out = Vec::new();
    marks.push(("search: string table", 0));
    st.write(&mut out);
    marks.push(("search: label, lists", out.len()));
    put_varint(&mut out, u64::from(crate::normalize::VERSION));
    st.put(&mut out, &d.label);
    put_varint(&mut out, d.lists.len() as u64);
    for l in &d.lists {
        out.push(l.list.to_u8());
        st.put(&mut out, &l.as_of);
        put_varint(&mut out, u64::from(l.count));
        put_varint(&mut out, l.sources.len() as u64);
        for s in &l.sources {
            st.put(&mut out, &s.name);
            st.put(&mut out, &s.sha256);
            st.put(&mut out, &s.as_of);
        }
    }
    let ps = &d.parties;
    marks.push(("search: list and type columns", out.len()));
    put_varint(&mut out, ps.len() as u64);
    out.extend(ps.iter().map(|p| p.list.to_u8()));
    out.extend(ps.iter().map(|p| type_to_u8(p.party_type)));
    marks.push(("search: ids", out.len()));
    let mut ids = IdColumn::default();
    ps.iter().for_each(|p| ids.put(&mut out, p.list, &p.id));
    marks.push(("search: names", out.len()));
    ps.iter().for_each(|p| put_text(&mut out, &p.name));
    marks.push(("search: aliases", out.len()));
    ps.iter()
        .for_each(|p| put_varint(&mut out, p.aliases.len() as u64));
    ps.iter()
        .flat_map(|p| &p.aliases)
        .for_each(|a| put_text(&mut out, a));
    marks.push(("search: countries, citations, clusters", out.len()));
    countries
        .iter()
        .for_each(|cs| put_varint(&mut out, cs.len() as u64));
    countries.iter().flatten().for_each(|c| st.put(&mut out, c));
    ps.iter()
        .for_each(|p| st.put(&mut out, &p.federal_register_notice));
    for (i, p) in ps.iter().enumerate() {
        put_varint(&mut out, (i as u64).saturating_sub(u64::from(p.group)));
    }
    ps.iter()
        .for_each(|p| put_varint(&mut out, p.also.len() as u64));
    ps.iter()
        .flat_map(|p| &p.also)
        .for_each(|&g| put_varint(&mut out, u64::from(g)));

    let t = NameTokens::of(ps);
    marks.push(("search: tokens (dictionary)", out.len()));
    put_varint(&mut out, t.len() as u64);
    let mut prev = "";
    for id in 0..t.len() {
        let w = t.word(id);
        let shared = prev
            .bytes()
            .zip(w.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        // Shared prefixes end on a char boundary: tokens are ASCII.
        let shared = (0..=shared)
            .rev()
            .find(|&k| w.is_char_boundary(k))
            .unwrap_or(0);
        put_varint(&mut out, shared as u64);
        put_text(&mut out, &w[shared..]);
        prev = w;
    }
    out.extend(
        t.kinds
            .iter()
            .zip(&t.ordinary)
            .map(|(&k, &o)| kind_to_u8(k, o)),
    );
    marks.push(("search: tokens of each name", out.len()));
    let mut start = 0usize;
    let names = ps.iter().flat_map(Party::names);
    let mut codes: Vec<u64> = Vec::new();
    for (&end, name) in t.name_ends.iter().zip(names) {
        let ids = &t.terms[start..end as usize];
        let words: Vec<&[u8]> = plain_words(name).collect();
        codes.clear();
        let mut cursor = 0usize;
        let is = |k: usize, w: &str| {
            words
                .get(k)
                .is_some_and(|p| p.eq_ignore_ascii_case(w.as_bytes()))
        };
        for &id in ids {
            let w = t.word(id as usize);
            if !is(cursor, w) && is(cursor + 1, w) {
                codes.push(TOKEN_SKIP);
                cursor += 1;
            }
            codes.push(if is(cursor, w) {
                TOKEN_PLAIN
            } else {
                TOKEN_ID + u64::from(id)
            });
            cursor += 1;
        }
        put_varint(&mut out, codes.len() as u64);
        codes.iter().for_each(|&c| put_varint(&mut out, c));
        start = end as usize;
    }
    out
}

/// A name's token code: its next plain word, lower-cased, is the token
/// (most tokens are; they then cost a byte that compresses to almost
/// nothing, where a token id costs two or three).
pub(crate) const TOKEN_PLAIN: u64 = 0;
/// A name's token code: its next plain word gives no token.
pub(crate) const TOKEN_SKIP: u64 = 1;
/// A name's token code: token id `code - TOKEN_ID` (and the next plain
/// word is passed).
pub(crate) const TOKEN_ID: u64 = 2;

/// The plain words of a name: its runs of ASCII letters and digits. Only a
/// compression device for the stored tokens (the normaliser decides what
/// the tokens are; the encoder writes [`TOKEN_PLAIN`] only where a plain
/// word, lower-cased, is exactly the token).
pub(crate) fn plain_words(name: &str) -> impl Iterator<Item = &[u8]> {
    // Bytes, not chars: every byte of a multi-byte character is >= 0x80,
    // so it separates words too.
    name.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The distinct provenance lists of the parties, in first-use order, and
/// each party's profile number (0 = none, else 1 + index).
fn profiles(d: &Dataset) -> (Vec<&[FieldSource]>, Vec<u64>) {
    let mut table: Vec<&[FieldSource]> = Vec::new();
    let mut ids: std::collections::HashMap<&[FieldSource], u64> = Default::default();
    let mut per_party = Vec::with_capacity(d.parties.len());
    for p in &d.parties {
        if p.provenance.is_empty() {
            per_party.push(0);
            continue;
        }
        let next = table.len() as u64 + 1;
        let id = *ids.entry(&p.provenance[..]).or_insert_with(|| {
            table.push(&p.provenance[..]);
            next
        });
        per_party.push(id);
    }
    (table, per_party)
}

/// The strings of one party's details record, in encoding order.
fn detail_strings(p: &Party) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    for a in &p.addresses {
        v.push(&a.text);
        v.push(&a.country);
    }
    v.extend(p.programs.iter().map(String::as_str));
    v.extend([
        p.start_date.as_str(),
        &p.end_date,
        &p.standard_order,
        &p.license_requirement,
        &p.license_policy,
        &p.title,
        &p.remarks,
    ]);
    for i in &p.ids {
        v.extend([i.kind.as_str(), &i.number, &i.country]);
    }
    for list in [
        &p.dates_of_birth,
        &p.places_of_birth,
        &p.nationalities,
        &p.citizenships,
    ] {
        v.extend(list.iter().map(String::as_str));
    }
    if let Some(x) = &p.vessel {
        v.extend([
            x.call_sign.as_str(),
            &x.vessel_type,
            &x.gross_tonnage,
            &x.gross_registered_tonnage,
            &x.flag,
            &x.owner,
        ]);
    }
    v.extend([
        p.source_list_url.as_str(),
        &p.source_information_url,
        &p.status,
        &p.equipment,
        &p.federal_register_date,
    ]);
    v
}

/// The details section of `d`, linked to the search section `search`.
fn details_section(d: &Dataset, search: &[u8], marks: &mut Marks) -> Vec<u8> {
    let mut st = Strings::default();
    let (table, prof_of) = profiles(d);
    for prof in &table {
        for fs in prof.iter() {
            st.see(&fs.field);
            st.see(&fs.file);
            st.see(&fs.as_of);
        }
    }
    for p in &d.parties {
        detail_strings(p).into_iter().for_each(|s| st.see(s));
    }
    let mut out = Vec::new();
    out.extend_from_slice(&checksum(search).to_le_bytes());
    marks.push(("details: string table", 0));
    st.write(&mut out);
    marks.push(("details: provenance", out.len()));
    put_varint(&mut out, table.len() as u64);
    for prof in &table {
        put_varint(&mut out, prof.len() as u64);
        for fs in prof.iter() {
            st.put(&mut out, &fs.field);
            st.put(&mut out, &fs.file);
            st.put(&mut out, &fs.as_of);
        }
    }
    marks.push(("details: records", out.len()));
    // Strings used once come after all others, in the order records refer
    // to them: such a reference is written as "the next one" (code 0),
    // which compresses to almost nothing where its id would not.
    let profile_singletons = table
        .iter()
        .flat_map(|prof| prof.iter())
        .flat_map(|fs| [&fs.field, &fs.file, &fs.as_of])
        .filter(|s| st.count(s) == 1)
        .count();
    let mut w = RecordStrings {
        st: &st,
        next: (st.ids.len() - st.singletons()) as u64 + profile_singletons as u64,
    };
    put_varint(&mut out, w.next);
    put_varint(&mut out, d.parties.len() as u64);
    let mut rec = Vec::new();
    for (x, prof) in d.parties.iter().zip(prof_of) {
        rec.clear();
        let r = &mut rec;
        let st = &mut w;
        put_varint(r, x.addresses.len() as u64);
        for a in &x.addresses {
            st.put(r, &a.text);
            st.put(r, &a.country);
        }
        st.put_all(r, &x.programs);
        for s in [
            &x.start_date,
            &x.end_date,
            &x.standard_order,
            &x.license_requirement,
            &x.license_policy,
            &x.title,
            &x.remarks,
        ] {
            st.put(r, s);
        }
        put_varint(r, x.ids.len() as u64);
        for i in &x.ids {
            st.put(r, &i.kind);
            st.put(r, &i.number);
            st.put(r, &i.country);
        }
        st.put_all(r, &x.dates_of_birth);
        st.put_all(r, &x.places_of_birth);
        st.put_all(r, &x.nationalities);
        st.put_all(r, &x.citizenships);
        match &x.vessel {
            None => r.push(0),
            Some(v) => {
                r.push(1);
                for s in [
                    &v.call_sign,
                    &v.vessel_type,
                    &v.gross_tonnage,
                    &v.gross_registered_tonnage,
                    &v.flag,
                    &v.owner,
                ] {
                    st.put(r, s);
                }
            }
        }
        for s in [
            &x.source_list_url,
            &x.source_information_url,
            &x.status,
            &x.equipment,
            &x.federal_register_date,
        ] {
            st.put(r, s);
        }
        put_varint(r, prof);
        put_varint(&mut out, rec.len() as u64);
        out.extend_from_slice(&rec);
    }
    out
}

/// A details record's string references: [`RECORD_NEXT`] for the next
/// string used once, else 1 + the string's id.
struct RecordStrings<'s, 'a> {
    st: &'s Strings<'a>,
    /// The id of the next string used once.
    next: u64,
}

/// A details record's code for "the next string used once".
pub(crate) const RECORD_NEXT: u64 = 0;

impl RecordStrings<'_, '_> {
    fn put(&mut self, out: &mut Vec<u8>, s: &str) {
        let id = self.st.ids.get(s).copied().unwrap_or(0);
        if id == self.next {
            put_varint(out, RECORD_NEXT);
            self.next += 1;
        } else {
            put_varint(out, id + 1);
        }
    }

    fn put_all(&mut self, out: &mut Vec<u8>, v: &[String]) {
        put_varint(out, v.len() as u64);
        for s in v {
            self.put(out, s);
        }
    }
}

/// A file of the given sections (tags strictly increasing).
fn file_of(sections: &[(u8, &[u8])]) -> Vec<u8> {
    let mut p = Vec::new();
    put_varint(&mut p, sections.len() as u64);
    for (tag, bytes) in sections {
        p.push(*tag);
        put_varint(&mut p, bytes.len() as u64);
        p.extend_from_slice(bytes);
    }
    let mut out = Vec::with_capacity(HEADER_LEN + p.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(p.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(&p).to_le_bytes());
    out.extend_from_slice(&p);
    out
}

/// Encodes a dataset as one file with both parts. Deterministic: the bytes
/// depend only on the dataset.
pub fn encode(d: &Dataset) -> Vec<u8> {
    let search = search_section(d, &mut Vec::new());
    let details = details_section(d, &search, &mut Vec::new());
    file_of(&[(SEARCH, &search), (DETAILS, &details)])
}

/// Where each labelled region of a section starts.
type Marks = Vec<(&'static str, usize)>;

/// The bytes of each region of `d`'s encoding, labelled ("search: names",
/// "details: records", ...), in file order: for reporting each one's share
/// (`cargo run --release --example sections`).
pub fn regions(d: &Dataset) -> Vec<(&'static str, Vec<u8>)> {
    let mut out = Vec::new();
    let mut sm = Vec::new();
    let search = search_section(d, &mut sm);
    let mut dm = Vec::new();
    let details = details_section(d, &search, &mut dm);
    for (marks, bytes) in [(sm, &search), (dm, &details)] {
        for (k, &(name, start)) in marks.iter().enumerate() {
            let end = marks.get(k + 1).map_or(bytes.len(), |m| m.1);
            out.push((name, bytes[start..end].to_vec()));
        }
    }
    out
}

/// Splits a full dataset file into its search file and its details file
/// (what the web fetches), after checking its header and checksum.
pub fn split(bytes: &[u8]) -> Result<(Vec<u8>, Vec<u8>), FormatError> {
    let s = sections(bytes)?;
    let search = s
        .search
        .ok_or(FormatError::MissingPart { part: "search" })?;
    let details = s
        .details
        .ok_or(FormatError::MissingPart { part: "details" })?;
    Ok((file_of(&[(SEARCH, search)]), file_of(&[(DETAILS, details)])))
}

/// Decodes dataset bytes with both parts into owned records (for `diff`
/// and tests; a search uses [`crate::dataset::store::Store`] directly).
pub fn decode(bytes: &[u8]) -> Result<Dataset, FormatError> {
    crate::dataset::store::Store::from_bytes(bytes)?.to_dataset()
}

// ---------------------------------------------------------------- decoding

/// The header fields, checked (see [`read_header`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub version: u32,
    pub payload_len: u64,
    pub checksum: u64,
}

pub(crate) fn le_u32(b: &[u8], at: usize) -> Option<u32> {
    let s: [u8; 4] = b.get(at..at + 4)?.try_into().ok()?;
    Some(u32::from_le_bytes(s))
}

pub(crate) fn le_u64(b: &[u8], at: usize) -> Option<u64> {
    let s: [u8; 8] = b.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(s))
}

/// Checks label, version, length and checksum; returns the header and the payload.
pub fn read_header(bytes: &[u8]) -> Result<(Header, &[u8]), FormatError> {
    if bytes.is_empty() {
        return Err(FormatError::Empty);
    }
    let n = bytes.len().min(MAGIC.len());
    if bytes.get(..n) != MAGIC.get(..n) {
        return Err(FormatError::BadMagic);
    }
    let truncated = FormatError::Truncated {
        expected: HEADER_LEN as u64,
        found: bytes.len() as u64,
    };
    let version = le_u32(bytes, 8).ok_or(truncated.clone())?;
    if version != FORMAT_VERSION {
        return Err(FormatError::UnsupportedVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let payload_len = le_u64(bytes, 12).ok_or(truncated.clone())?;
    let checksum = le_u64(bytes, 20).ok_or(truncated)?;
    let have = (bytes.len() - HEADER_LEN) as u64;
    let expected = (HEADER_LEN as u64).saturating_add(payload_len);
    if have < payload_len {
        return Err(FormatError::Truncated {
            expected,
            found: bytes.len() as u64,
        });
    }
    if have > payload_len {
        return Err(FormatError::TrailingBytes {
            expected,
            found: bytes.len() as u64,
        });
    }
    let payload = bytes.get(HEADER_LEN..).unwrap_or(&[]);
    let computed = self::checksum(payload);
    if computed != checksum {
        return Err(FormatError::ChecksumMismatch {
            stored: checksum,
            computed,
        });
    }
    Ok((
        Header {
            version,
            payload_len,
            checksum,
        },
        payload,
    ))
}

/// The sections of a file, checked and framed (not yet parsed).
pub(crate) struct Sections<'a> {
    pub search: Option<&'a [u8]>,
    pub details: Option<&'a [u8]>,
    /// Where each section starts in the payload, for error offsets.
    pub search_at: usize,
    pub details_at: usize,
}

/// Checks the header and checksum and frames the payload's sections.
pub(crate) fn sections(bytes: &[u8]) -> Result<Sections<'_>, FormatError> {
    let (_, payload) = read_header(bytes)?;
    let mut r = Reader::new(payload, 0);
    let k = r.varint("section count")?;
    if !(1..=2).contains(&k) {
        return Err(r.err_at("section count (1 or 2)", 0));
    }
    let mut out = Sections {
        search: None,
        details: None,
        search_at: 0,
        details_at: 0,
    };
    let mut last = 0u8;
    for _ in 0..k {
        let at = r.pos;
        let tag = r.u8("section tag")?;
        if tag <= last || !(tag == SEARCH || tag == DETAILS) {
            return Err(r.err_at("section tag (1 search, then 2 details)", at));
        }
        last = tag;
        let len = r.count("section length", 1)?;
        let start = r.pos;
        let body = r.bytes(len, "section bytes")?;
        if tag == SEARCH {
            out.search = Some(body);
            out.search_at = start;
        } else {
            out.details = Some(body);
            out.details_at = start;
        }
    }
    if r.remaining() != 0 {
        return Err(r.err("bytes after the last section"));
    }
    Ok(out)
}

/// A bounds-checked cursor over one section; error offsets are from the
/// start of the payload (`base` is where the section starts in it).
pub(crate) struct Reader<'a> {
    pub b: &'a [u8],
    pub pos: usize,
    base: usize,
}

impl<'a> Reader<'a> {
    pub fn new(b: &'a [u8], base: usize) -> Reader<'a> {
        Reader { b, pos: 0, base }
    }

    pub fn err(&self, what: &'static str) -> FormatError {
        self.err_at(what, self.pos)
    }

    pub fn err_at(&self, what: &'static str, pos: usize) -> FormatError {
        FormatError::Malformed {
            what,
            offset: self.base + pos,
        }
    }

    pub fn remaining(&self) -> usize {
        self.b.len().saturating_sub(self.pos)
    }

    pub fn u8(&mut self, what: &'static str) -> Result<u8, FormatError> {
        let v = *self.b.get(self.pos).ok_or_else(|| self.err(what))?;
        self.pos += 1;
        Ok(v)
    }

    pub fn u64_le(&mut self, what: &'static str) -> Result<u64, FormatError> {
        let v = le_u64(self.b, self.pos).ok_or_else(|| self.err(what))?;
        self.pos += 8;
        Ok(v)
    }

    pub fn bytes(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], FormatError> {
        let end = self.pos.checked_add(n).ok_or_else(|| self.err(what))?;
        let v = self.b.get(self.pos..end).ok_or_else(|| self.err(what))?;
        self.pos = end;
        Ok(v)
    }

    pub fn varint(&mut self, what: &'static str) -> Result<u64, FormatError> {
        let start = self.pos;
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.u8(what)?;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                if shift == 63 && byte > 1 {
                    return Err(self.err_at(what, start));
                }
                return Ok(v);
            }
        }
        Err(self.err_at(what, start))
    }

    /// A varint that must fit in a u32.
    pub fn u32(&mut self, what: &'static str) -> Result<u32, FormatError> {
        let start = self.pos;
        let v = self.varint(what)?;
        u32::try_from(v).map_err(|_| self.err_at(what, start))
    }

    /// A count of elements that each take at least `min_bytes` bytes.
    pub fn count(&mut self, what: &'static str, min_bytes: usize) -> Result<usize, FormatError> {
        let start = self.pos;
        let n = self.varint(what)?;
        let max = (self.remaining() / min_bytes.max(1)) as u64;
        if n > max {
            return Err(self.err_at(what, start));
        }
        Ok(n as usize)
    }

    /// `text`: a varint length and that many UTF-8 bytes.
    pub fn text(&mut self, what: &'static str) -> Result<&'a str, FormatError> {
        let n = self.count(what, 1)?;
        let start = self.pos;
        let b = self.bytes(n, what)?;
        std::str::from_utf8(b).map_err(|e| self.err_at(what, start + e.valid_up_to()))
    }

    /// A string table: the strings, borrowed, checked as UTF-8 once.
    pub fn strings(&mut self) -> Result<Vec<&'a str>, FormatError> {
        let n = self.count("string count", 1)?;
        let mut lens = Vec::with_capacity(n);
        let mut total: usize = 0;
        for _ in 0..n {
            let len = self.count("string length", 1)?;
            total = total.saturating_add(len);
            lens.push(len);
        }
        if total > self.remaining() {
            return Err(self.err("string bytes (lengths exceed the section)"));
        }
        let blob_start = self.pos;
        let blob = self.bytes(total, "string bytes")?;
        let text = std::str::from_utf8(blob)
            .map_err(|e| self.err_at("string bytes (not UTF-8)", blob_start + e.valid_up_to()))?;
        let mut strings = Vec::with_capacity(n);
        let mut at = 0usize;
        for len in lens {
            let s = text.get(at..at + len).ok_or_else(|| {
                self.err_at("string boundary inside a UTF-8 character", blob_start + at)
            })?;
            strings.push(s);
            at += len;
        }
        if strings.first().is_some_and(|s| !s.is_empty()) {
            return Err(self.err_at("string 0 is not empty", 0));
        }
        Ok(strings)
    }

    /// A `str`: an index into a table of `n` strings.
    pub fn str_id(&mut self, n: usize, what: &'static str) -> Result<u32, FormatError> {
        let start = self.pos;
        let i = self.varint(what)?;
        if i >= n as u64 {
            return Err(self.err_at(what, start));
        }
        Ok(i as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varint_round_trips_extremes() {
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut b = Vec::new();
            put_varint(&mut b, v);
            assert_eq!(Reader::new(&b, 0).varint("v"), Ok(v));
        }
    }

    #[test]
    fn an_over_long_varint_is_malformed() {
        let b = [0xffu8; 11];
        assert!(matches!(
            Reader::new(&b, 0).varint("v"),
            Err(FormatError::Malformed { .. })
        ));
    }
}
