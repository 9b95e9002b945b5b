//! The binary dataset format (`.esd`): compact, deterministic, versioned, and
//! safe to decode from untrusted bytes.
//!
//! # Byte layout (version 2)
//!
//! Version 2 added the six lists beyond the CSL (list bytes 13 to 18), the
//! provenance table and, per party, status, equipment, the FR date, the
//! provenance profile, the cluster and the "also on" clusters. Version 1
//! files are refused with [`FormatError::UnsupportedVersion`].
//!
//! All integers are little-endian; `varint` is unsigned LEB128 (7 bits per
//! byte, low group first, high bit set on every byte but the last, at most
//! 10 bytes, no over-long forms checked beyond that), `str` is a varint index
//! into the string table.
//!
//! ```text
//! header (28 bytes)
//!   0   8  label      b"ESCREEN\0"
//!   8   4  version    u32, = FORMAT_VERSION
//!  12   8  length     u64, payload length in bytes; the file is exactly 28 + length bytes
//!  20   8  checksum   u64, FNV-1a 64 of the payload bytes
//! payload
//!   strings:  varint n, then n varint byte lengths, then the n strings'
//!             UTF-8 bytes back to back. String 0 is always "". Strings are
//!             ordered by descending use count, ties by first use, so the
//!             commonest strings get one-byte ids.
//!   label:    str
//!   lists:    varint n, then n times:
//!               u8 list (index in ListId::ALL), str as_of, varint count,
//!               varint m, then m times: str name, str sha256, str as_of
//!   provenance profiles: varint n, then n times: varint k, then k times
//!             str field, str file, str as_of (distinct per-field source
//!             lists, shared by the parties that have them)
//!   parties:  varint n, then n times:
//!               u8 list, u8 type (index in PartyType::ALL), str id, str name,
//!               aliases:   varint k, k str
//!               addresses: varint k, k times: str text, str country
//!               programs:  varint k, k str
//!               str federal_register_notice, str start_date, str end_date,
//!               str standard_order, str license_requirement,
//!               str license_policy, str title, str remarks
//!               ids:       varint k, k times: str kind, str number, str country
//!               dates_of_birth, places_of_birth, nationalities,
//!               citizenships: each varint k, k str
//!               vessel:    u8 0 (none) or 1, then str call_sign,
//!                          str vessel_type, str gross_tonnage,
//!                          str gross_registered_tonnage, str flag, str owner
//!               str source_list_url, str source_information_url
//!               str status, str equipment, str federal_register_date
//!               varint provenance: 0 none, else 1 + profile index
//!               varint group: index of the cluster's first party
//!               also: varint k, k varint group
//! ```
//!
//! The payload must be consumed exactly; each list's `count` must equal the
//! number of its parties; a party's group is its own index or that of an
//! earlier party whose group is itself; every "also" group is such a group.
//!
//! # Decoding untrusted bytes
//!
//! [`decode`] never panics and never allocates more than the input could
//! describe: every read is bounds-checked, and every count is checked against
//! the bytes left (each element takes at least one byte) before anything is
//! reserved. Failures are [`FormatError`]s saying what failed and where.
//!
//! # Speed
//!
//! The string table is validated as UTF-8 in one pass and borrowed from the
//! input; records then copy strings by id, one allocation per field. The
//! default dataset (6.5 MB, 21,000 parties) decodes in about 40 ms natively
//! in release mode (see `data/README.md` for how it was measured).

use std::fmt;

use super::Dataset;
use crate::model::{
    Address, FieldSource, IdDocument, ListId, ListInfo, Party, PartyType, SourceFile, Vessel,
};

/// The 8-byte label every dataset starts with.
pub const MAGIC: [u8; 8] = *b"ESCREEN\0";
/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 2;
/// Header size in bytes.
pub const HEADER_LEN: usize = 28;

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
            FormatError::Malformed { what, offset } => write!(
                f,
                "dataset is malformed: {what} at payload offset {offset}; it was not written by a compatible `entity-screen build`, rebuild it"
            ),
        }
    }
}

impl std::error::Error for FormatError {}

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

struct Strings<'a> {
    /// (first use, count) per distinct string.
    uses: std::collections::HashMap<&'a str, (usize, usize)>,
    order: Vec<&'a str>,
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

/// Calls `f` on every string of the dataset in encoding order.
fn each_string<'a>(d: &'a Dataset, table: &[&'a [FieldSource]], f: &mut dyn FnMut(&'a str)) {
    f(&d.label);
    for l in &d.lists {
        f(&l.as_of);
        for s in &l.sources {
            f(&s.name);
            f(&s.sha256);
            f(&s.as_of);
        }
    }
    for prof in table {
        for fs in prof.iter() {
            f(&fs.field);
            f(&fs.file);
            f(&fs.as_of);
        }
    }
    for p in &d.parties {
        f(&p.id);
        f(&p.name);
        p.aliases.iter().for_each(|s| f(s));
        for a in &p.addresses {
            f(&a.text);
            f(&a.country);
        }
        p.programs.iter().for_each(|s| f(s));
        for s in [
            &p.federal_register_notice,
            &p.start_date,
            &p.end_date,
            &p.standard_order,
            &p.license_requirement,
            &p.license_policy,
            &p.title,
            &p.remarks,
        ] {
            f(s);
        }
        for i in &p.ids {
            f(&i.kind);
            f(&i.number);
            f(&i.country);
        }
        for v in [
            &p.dates_of_birth,
            &p.places_of_birth,
            &p.nationalities,
            &p.citizenships,
        ] {
            v.iter().for_each(|s| f(s));
        }
        if let Some(v) = &p.vessel {
            for s in [
                &v.call_sign,
                &v.vessel_type,
                &v.gross_tonnage,
                &v.gross_registered_tonnage,
                &v.flag,
                &v.owner,
            ] {
                f(s);
            }
        }
        f(&p.source_list_url);
        f(&p.source_information_url);
        f(&p.status);
        f(&p.equipment);
        f(&p.federal_register_date);
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
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

/// Encodes a dataset. Deterministic: the bytes depend only on the dataset.
pub fn encode(d: &Dataset) -> Vec<u8> {
    let mut st = Strings {
        uses: Default::default(),
        order: vec![],
    };
    st.see("");
    let (table, prof_of) = profiles(d);
    each_string(d, &table, &mut |s| st.see(s));
    // Rank: "" first, then by descending count, ties by first use.
    let mut ranked: Vec<(&str, usize, usize)> = st
        .order
        .iter()
        .map(|s| {
            let (first, count) = st.uses.get(s).copied().unwrap_or((0, 0));
            (*s, first, count)
        })
        .collect();
    ranked.sort_by(|a, b| {
        (!a.0.is_empty())
            .cmp(&!b.0.is_empty())
            .then(b.2.cmp(&a.2))
            .then(a.1.cmp(&b.1))
    });
    let ids: std::collections::HashMap<&str, u64> = ranked
        .iter()
        .enumerate()
        .map(|(i, (s, _, _))| (*s, i as u64))
        .collect();

    let mut p = Vec::new();
    put_varint(&mut p, ranked.len() as u64);
    for (s, _, _) in &ranked {
        put_varint(&mut p, s.len() as u64);
    }
    for (s, _, _) in &ranked {
        p.extend_from_slice(s.as_bytes());
    }
    let sid = |out: &mut Vec<u8>, s: &str| put_varint(out, ids.get(s).copied().unwrap_or(0));
    let list = |out: &mut Vec<u8>, v: &[String]| {
        put_varint(out, v.len() as u64);
        for s in v {
            sid(out, s);
        }
    };
    sid(&mut p, &d.label);
    put_varint(&mut p, d.lists.len() as u64);
    for l in &d.lists {
        p.push(l.list.to_u8());
        sid(&mut p, &l.as_of);
        put_varint(&mut p, u64::from(l.count));
        put_varint(&mut p, l.sources.len() as u64);
        for s in &l.sources {
            sid(&mut p, &s.name);
            sid(&mut p, &s.sha256);
            sid(&mut p, &s.as_of);
        }
    }
    put_varint(&mut p, table.len() as u64);
    for prof in &table {
        put_varint(&mut p, prof.len() as u64);
        for fs in prof.iter() {
            sid(&mut p, &fs.field);
            sid(&mut p, &fs.file);
            sid(&mut p, &fs.as_of);
        }
    }
    put_varint(&mut p, d.parties.len() as u64);
    for (x, prof) in d.parties.iter().zip(prof_of) {
        p.push(x.list.to_u8());
        p.push(
            PartyType::ALL
                .iter()
                .position(|&t| t == x.party_type)
                .unwrap_or(0) as u8,
        );
        sid(&mut p, &x.id);
        sid(&mut p, &x.name);
        list(&mut p, &x.aliases);
        put_varint(&mut p, x.addresses.len() as u64);
        for a in &x.addresses {
            sid(&mut p, &a.text);
            sid(&mut p, &a.country);
        }
        list(&mut p, &x.programs);
        for s in [
            &x.federal_register_notice,
            &x.start_date,
            &x.end_date,
            &x.standard_order,
            &x.license_requirement,
            &x.license_policy,
            &x.title,
            &x.remarks,
        ] {
            sid(&mut p, s);
        }
        put_varint(&mut p, x.ids.len() as u64);
        for i in &x.ids {
            sid(&mut p, &i.kind);
            sid(&mut p, &i.number);
            sid(&mut p, &i.country);
        }
        list(&mut p, &x.dates_of_birth);
        list(&mut p, &x.places_of_birth);
        list(&mut p, &x.nationalities);
        list(&mut p, &x.citizenships);
        match &x.vessel {
            None => p.push(0),
            Some(v) => {
                p.push(1);
                for s in [
                    &v.call_sign,
                    &v.vessel_type,
                    &v.gross_tonnage,
                    &v.gross_registered_tonnage,
                    &v.flag,
                    &v.owner,
                ] {
                    sid(&mut p, s);
                }
            }
        }
        sid(&mut p, &x.source_list_url);
        sid(&mut p, &x.source_information_url);
        sid(&mut p, &x.status);
        sid(&mut p, &x.equipment);
        sid(&mut p, &x.federal_register_date);
        put_varint(&mut p, prof);
        put_varint(&mut p, u64::from(x.group));
        put_varint(&mut p, x.also.len() as u64);
        for &g in &x.also {
            put_varint(&mut p, u64::from(g));
        }
    }

    let mut out = Vec::with_capacity(HEADER_LEN + p.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(p.len() as u64).to_le_bytes());
    out.extend_from_slice(&fnv1a64(&p).to_le_bytes());
    out.extend_from_slice(&p);
    out
}

// ---------------------------------------------------------------- decoding

/// The header fields, checked (see [`read_header`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub version: u32,
    pub payload_len: u64,
    pub checksum: u64,
}

fn le_u32(b: &[u8], at: usize) -> Option<u32> {
    let s: [u8; 4] = b.get(at..at + 4)?.try_into().ok()?;
    Some(u32::from_le_bytes(s))
}

fn le_u64(b: &[u8], at: usize) -> Option<u64> {
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
    let computed = fnv1a64(payload);
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

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
    /// The string table, borrowed from the payload (validated once).
    strings: Vec<&'a str>,
}

impl<'a> Reader<'a> {
    fn err(&self, what: &'static str) -> FormatError {
        FormatError::Malformed {
            what,
            offset: self.pos,
        }
    }

    fn remaining(&self) -> usize {
        self.b.len().saturating_sub(self.pos)
    }

    fn u8(&mut self, what: &'static str) -> Result<u8, FormatError> {
        let v = *self.b.get(self.pos).ok_or_else(|| self.err(what))?;
        self.pos += 1;
        Ok(v)
    }

    fn varint(&mut self, what: &'static str) -> Result<u64, FormatError> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.u8(what)?;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                if shift == 63 && byte > 1 {
                    return Err(self.err(what));
                }
                return Ok(v);
            }
        }
        Err(self.err(what))
    }

    /// A count of elements that each take at least `min_bytes` bytes.
    fn count(&mut self, what: &'static str, min_bytes: usize) -> Result<usize, FormatError> {
        let start = self.pos;
        let n = self.varint(what)?;
        let max = (self.remaining() / min_bytes.max(1)) as u64;
        if n > max {
            return Err(FormatError::Malformed {
                what,
                offset: start,
            });
        }
        Ok(n as usize)
    }

    fn str(&mut self, what: &'static str) -> Result<String, FormatError> {
        let start = self.pos;
        let i = self.varint(what)?;
        usize::try_from(i)
            .ok()
            .and_then(|i| self.strings.get(i))
            .map(|s| (*s).to_string())
            .ok_or(FormatError::Malformed {
                what,
                offset: start,
            })
    }

    fn strs(&mut self, what: &'static str) -> Result<Vec<String>, FormatError> {
        let n = self.count(what, 1)?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.str(what)?);
        }
        Ok(v)
    }
}

/// Decodes dataset bytes (see the module docs). Never panics.
pub fn decode(bytes: &[u8]) -> Result<Dataset, FormatError> {
    let (_, payload) = read_header(bytes)?;
    let mut r = Reader {
        b: payload,
        pos: 0,
        strings: Vec::new(),
    };

    // String table: lengths, then one UTF-8 check over all the bytes.
    let n = r.count("string count", 1)?;
    let mut lens = Vec::with_capacity(n);
    let mut total: usize = 0;
    for _ in 0..n {
        let start = r.pos;
        let len = r.varint("string length")?;
        let len = usize::try_from(len)
            .ok()
            .filter(|&l| l <= r.remaining())
            .ok_or(FormatError::Malformed {
                what: "string length",
                offset: start,
            })?;
        total = total.checked_add(len).ok_or(FormatError::Malformed {
            what: "string lengths",
            offset: start,
        })?;
        lens.push(len);
    }
    if total > r.remaining() {
        return Err(r.err("string bytes (lengths exceed the payload)"));
    }
    let blob_start = r.pos;
    let blob = payload
        .get(blob_start..blob_start + total)
        .ok_or_else(|| r.err("string bytes"))?;
    let text = std::str::from_utf8(blob).map_err(|e| FormatError::Malformed {
        what: "string bytes (not UTF-8)",
        offset: blob_start + e.valid_up_to(),
    })?;
    let mut strings = Vec::with_capacity(n);
    let mut at = 0usize;
    for len in lens {
        let s = text.get(at..at + len).ok_or(FormatError::Malformed {
            what: "string boundary inside a UTF-8 character",
            offset: blob_start + at,
        })?;
        strings.push(s);
        at += len;
    }
    if strings.first().is_some_and(|s| !s.is_empty()) {
        return Err(FormatError::Malformed {
            what: "string 0 is not empty",
            offset: 0,
        });
    }
    r.strings = strings;
    r.pos = blob_start + total;

    let label = r.str("label")?;
    let nlists = r.count("list count", 4)?;
    let mut lists = Vec::with_capacity(nlists);
    for _ in 0..nlists {
        let start = r.pos;
        let list = ListId::from_u8(r.u8("list id")?).ok_or(FormatError::Malformed {
            what: "list id",
            offset: start,
        })?;
        let as_of = r.str("list as_of")?;
        let count = r.varint("list count")?;
        let count = u32::try_from(count).map_err(|_| r.err("list count"))?;
        let m = r.count("source count", 3)?;
        let mut sources = Vec::with_capacity(m);
        for _ in 0..m {
            sources.push(SourceFile {
                name: r.str("source name")?,
                sha256: r.str("source sha256")?,
                as_of: r.str("source as_of")?,
            });
        }
        lists.push(ListInfo {
            list,
            as_of,
            count,
            sources,
        });
    }

    let nprof = r.count("provenance profile count", 1)?;
    let mut table: Vec<std::sync::Arc<[FieldSource]>> = Vec::with_capacity(nprof);
    for _ in 0..nprof {
        let k = r.count("provenance entry count", 3)?;
        let mut prof = Vec::with_capacity(k);
        for _ in 0..k {
            prof.push(FieldSource {
                field: r.str("provenance field")?,
                file: r.str("provenance file")?,
                as_of: r.str("provenance as_of")?,
            });
        }
        table.push(prof.into());
    }

    // A party takes at least 29 bytes (2 tags, 27 one-byte ids and counts).
    let nparties = r.count("party count", 29)?;
    let mut parties = Vec::with_capacity(nparties);
    for _ in 0..nparties {
        let start = r.pos;
        let list = ListId::from_u8(r.u8("party list")?).ok_or(FormatError::Malformed {
            what: "party list id",
            offset: start,
        })?;
        let tpos = r.pos;
        let party_type = PartyType::ALL
            .get(usize::from(r.u8("party type")?))
            .copied()
            .ok_or(FormatError::Malformed {
                what: "party type",
                offset: tpos,
            })?;
        let id = r.str("party id")?;
        let name = r.str("party name")?;
        let mut p = Party::new(list, party_type, id, name);
        p.aliases = r.strs("aliases")?;
        let k = r.count("address count", 2)?;
        p.addresses.reserve(k);
        for _ in 0..k {
            p.addresses.push(Address {
                text: r.str("address text")?,
                country: r.str("address country")?,
            });
        }
        p.programs = r.strs("programs")?;
        p.federal_register_notice = r.str("federal_register_notice")?;
        p.start_date = r.str("start_date")?;
        p.end_date = r.str("end_date")?;
        p.standard_order = r.str("standard_order")?;
        p.license_requirement = r.str("license_requirement")?;
        p.license_policy = r.str("license_policy")?;
        p.title = r.str("title")?;
        p.remarks = r.str("remarks")?;
        let k = r.count("id count", 3)?;
        p.ids.reserve(k);
        for _ in 0..k {
            p.ids.push(IdDocument {
                kind: r.str("id kind")?,
                number: r.str("id number")?,
                country: r.str("id country")?,
            });
        }
        p.dates_of_birth = r.strs("dates_of_birth")?;
        p.places_of_birth = r.strs("places_of_birth")?;
        p.nationalities = r.strs("nationalities")?;
        p.citizenships = r.strs("citizenships")?;
        let vpos = r.pos;
        p.vessel = match r.u8("vessel tag")? {
            0 => None,
            1 => Some(Vessel {
                call_sign: r.str("vessel call_sign")?,
                vessel_type: r.str("vessel type")?,
                gross_tonnage: r.str("vessel gross_tonnage")?,
                gross_registered_tonnage: r.str("vessel gross_registered_tonnage")?,
                flag: r.str("vessel flag")?,
                owner: r.str("vessel owner")?,
            }),
            _ => {
                return Err(FormatError::Malformed {
                    what: "vessel tag",
                    offset: vpos,
                })
            }
        };
        p.source_list_url = r.str("source_list_url")?;
        p.source_information_url = r.str("source_information_url")?;
        p.status = r.str("status")?;
        p.equipment = r.str("equipment")?;
        p.federal_register_date = r.str("federal_register_date")?;
        let ppos = r.pos;
        let prof = r.varint("provenance profile")?;
        if prof > 0 {
            p.provenance = usize::try_from(prof - 1)
                .ok()
                .and_then(|i| table.get(i))
                .cloned()
                .ok_or(FormatError::Malformed {
                    what: "provenance profile index",
                    offset: ppos,
                })?;
        }
        let gpos = r.pos;
        let here = parties.len();
        let group = r.varint("party group")?;
        // The group is this party or an earlier party that is its own group.
        let root_ok = match usize::try_from(group) {
            Ok(g) if g == here => true,
            Ok(g) => parties
                .get(g)
                .is_some_and(|q: &Party| q.group as usize == g),
            Err(_) => false,
        };
        if !root_ok {
            return Err(FormatError::Malformed {
                what: "party group",
                offset: gpos,
            });
        }
        p.group = group as u32;
        let k = r.count("also count", 1)?;
        p.also.reserve(k);
        for _ in 0..k {
            let g = r.varint("also group")?;
            p.also
                .push(u32::try_from(g).map_err(|_| r.err("also group"))?);
        }
        parties.push(p);
    }
    // "Also" groups may point forward: check them once all are read.
    for p in &parties {
        for &g in &p.also {
            if !matches!(parties.get(g as usize), Some(q) if q.group == g) {
                return Err(FormatError::Malformed {
                    what: "an \"also\" group that is no party's group",
                    offset: r.pos,
                });
            }
        }
    }
    if r.remaining() != 0 {
        return Err(r.err("bytes after the last party"));
    }
    for l in &lists {
        let have = parties.iter().filter(|p| p.list == l.list).count();
        if have != l.count as usize {
            return Err(FormatError::Malformed {
                what: "a list's count differs from its number of parties",
                offset: r.pos,
            });
        }
    }
    Ok(Dataset {
        label,
        lists,
        parties,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Dataset {
        let mut p = Party::new(
            ListId::El,
            PartyType::Entity,
            "x".into(),
            "Ünïcode Ltd".into(),
        );
        p.aliases = vec!["A".into(), "B".into()];
        p.vessel = Some(Vessel::default());
        Dataset {
            label: "t".into(),
            lists: vec![ListInfo {
                list: ListId::El,
                as_of: "2026-07".into(),
                count: 1,
                sources: vec![SourceFile::default()],
            }],
            parties: vec![p],
        }
    }

    #[test]
    fn encode_decode_round_trips() {
        let d = tiny();
        assert_eq!(decode(&encode(&d)), Ok(d));
    }

    #[test]
    fn varint_round_trips_extremes() {
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut b = Vec::new();
            put_varint(&mut b, v);
            let mut r = Reader {
                b: &b,
                pos: 0,
                strings: vec![],
            };
            assert_eq!(r.varint("v"), Ok(v));
        }
    }
}
