//! A loaded dataset, used as loaded: the search part's columns and strings
//! in a few flat arrays, and the details kept as bytes, each party's record
//! decoded when it is asked for ([`Store::record`]).
//!
//! Loading checks every invariant of the format once ([`super::format`],
//! "Loading untrusted bytes"), in time and memory proportional to the
//! file. What the accessors then read is known to be in range, so they
//! cannot fail.

use std::sync::Arc;

use super::format::{self, kind_from_u8, FormatError, Reader};
use super::Dataset;
use crate::index::NameTokens;
use crate::model::{
    Address, FieldSource, IdDocument, ListId, ListInfo, Party, PartyType, SourceFile, Vessel,
};
use crate::packed::Packed;

/// How many times its own size a file's records may copy out in all when
/// every record is decoded ([`Store::to_dataset`]): shared strings
/// (licence texts, programs) are copied once per party that has them, so
/// real files copy a little more than their size; a crafted file that
/// refers to one long string over and over is refused.
const COPY_FACTOR: usize = 16;

/// One party's search columns: indices into the store's strings and refs.
#[derive(Clone, Copy, Debug)]
struct Row {
    list: ListId,
    party_type: PartyType,
    id: u32,
    name: u32,
    /// Aliases: strings `aliases .. aliases + n_aliases`.
    aliases: u32,
    n_aliases: u32,
    /// Countries: `refs[countries .. countries + n_countries]` are string ids.
    countries: u32,
    n_countries: u32,
    citation: u32,
    group: u32,
    /// Also-on groups: `refs[also .. also + n_also]`.
    also: u32,
    n_also: u32,
}

/// The details part, checked, with each record's place.
struct Details {
    strings: Packed,
    profiles: Vec<Arc<[FieldSource]>>,
    records: Vec<u8>,
    /// Where record `i` ends in `records`.
    ends: Vec<u32>,
    /// The id of the next string used once, where record `i` starts.
    next: Vec<u32>,
    /// Bytes of text all records copy when decoded (summed at attach).
    total_copy: usize,
}

/// A dataset loaded for searching.
pub struct Store {
    label: String,
    lists: Vec<ListInfo>,
    strings: Packed,
    refs: Vec<u32>,
    rows: Vec<Row>,
    /// [`format::checksum`] of the search section: what a details file must name.
    link: u64,
    /// Bytes of the file the search part came from.
    file_len: usize,
    /// Bytes of text all parties' search columns copy when every record is
    /// decoded (countries and citations are shared strings, counted once
    /// per party that refers to them).
    total_copy: usize,
    details: Option<Details>,
}

impl Store {
    /// Loads a file with a search part (and, if it has one, its details).
    pub fn from_bytes(bytes: &[u8]) -> Result<Store, FormatError> {
        Ok(Store::open(bytes)?.0)
    }

    /// Loads a file with a search part, and returns its name tokens for
    /// the index ([`crate::index::Index::from_tokens`]).
    pub fn open(bytes: &[u8]) -> Result<(Store, NameTokens), FormatError> {
        let s = format::sections(bytes)?;
        let search = s
            .search
            .ok_or(FormatError::MissingPart { part: "search" })?;
        let (mut store, tokens) = parse_search(search, s.search_at)?;
        store.file_len = bytes.len();
        if let Some(d) = s.details {
            store.details = Some(parse_details(
                d,
                s.details_at,
                store.link,
                store.rows.len(),
            )?);
        }
        Ok((store, tokens))
    }

    /// Attaches the details from a details file (or a full file) made for
    /// this dataset's search part.
    pub fn attach_details(&mut self, bytes: &[u8]) -> Result<(), FormatError> {
        let s = format::sections(bytes)?;
        let d = s
            .details
            .ok_or(FormatError::MissingPart { part: "details" })?;
        self.details = Some(parse_details(d, s.details_at, self.link, self.rows.len())?);
        Ok(())
    }

    /// Whether the details are attached ([`Store::record`] has records).
    pub fn has_details(&self) -> bool {
        self.details.is_some()
    }

    /// Free text naming the dataset.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The lists present, in [`ListId::ALL`] order.
    pub fn lists(&self) -> &[ListInfo] {
        &self.lists
    }

    /// Number of parties.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no parties.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn row(&self, i: u32) -> &Row {
        &self.rows[i as usize]
    }

    pub fn list(&self, i: u32) -> ListId {
        self.row(i).list
    }

    pub fn party_type(&self, i: u32) -> PartyType {
        self.row(i).party_type
    }

    /// The source row's own id.
    pub fn id(&self, i: u32) -> &str {
        self.strings.get(self.row(i).id as usize)
    }

    /// The primary name.
    pub fn name(&self, i: u32) -> &str {
        self.strings.get(self.row(i).name as usize)
    }

    /// Name `which` of party `i`: 0 the primary name, else alias `which - 1`.
    pub fn name_of(&self, i: u32, which: u32) -> &str {
        match which {
            0 => self.name(i),
            w if w <= self.row(i).n_aliases => {
                self.strings.get((self.row(i).aliases + w - 1) as usize)
            }
            _ => "",
        }
    }

    pub fn aliases(&self, i: u32) -> impl Iterator<Item = &str> {
        let r = *self.row(i);
        (r.aliases..r.aliases + r.n_aliases).map(|k| self.strings.get(k as usize))
    }

    /// Distinct ISO-2 countries of the party's addresses.
    pub fn countries(&self, i: u32) -> impl Iterator<Item = &str> {
        let r = *self.row(i);
        self.refs[r.countries as usize..(r.countries + r.n_countries) as usize]
            .iter()
            .map(|&s| self.strings.get(s as usize))
    }

    /// The Federal Register notice (citation), or "".
    pub fn citation(&self, i: u32) -> &str {
        self.strings.get(self.row(i).citation as usize)
    }

    /// The party's cluster: the index of its first party.
    pub fn group(&self, i: u32) -> u32 {
        self.row(i).group
    }

    /// Clusters with the same name that are not merged with this one.
    pub fn also(&self, i: u32) -> &[u32] {
        let r = self.row(i);
        &self.refs[r.also as usize..(r.also + r.n_also) as usize]
    }

    /// Party `i`'s full record, or `None` while the details are not attached.
    pub fn record(&self, i: u32) -> Option<Party> {
        let d = self.details.as_ref()?;
        let mut p = self.summary_party(i);
        let start = if i == 0 { 0 } else { d.ends[i as usize - 1] };
        let bytes = &d.records[start as usize..d.ends[i as usize] as usize];
        // Checked at attach: this record decodes, within its copy budget.
        let mut copied = 0;
        let mut next = d.next[i as usize];
        let mut r = Reader::new(bytes, 0);
        let _ = read_record(&mut r, d, Some(&mut p), &mut copied, &mut next);
        Some(p)
    }

    /// A record with the search part's fields only.
    fn summary_party(&self, i: u32) -> Party {
        let mut p = Party::new(
            self.list(i),
            self.party_type(i),
            self.id(i).to_string(),
            self.name(i).to_string(),
        );
        p.aliases = self.aliases(i).map(str::to_string).collect();
        p.federal_register_notice = self.citation(i).to_string();
        p.group = self.group(i);
        p.also = self.also(i).to_vec();
        p
    }

    /// Every record, owned: the dataset as [`Dataset`] (for `diff`). Needs
    /// the details.
    pub fn to_dataset(&self) -> Result<Dataset, FormatError> {
        let d = self
            .details
            .as_ref()
            .ok_or(FormatError::MissingPart { part: "details" })?;
        let budget = self.file_len.saturating_mul(COPY_FACTOR).max(1 << 20);
        if d.total_copy.saturating_add(self.total_copy) > budget {
            return Err(FormatError::Malformed {
                what: "records that refer to more text than the file could hold",
                offset: 0,
            });
        }
        let parties = (0..self.rows.len() as u32)
            .filter_map(|i| self.record(i))
            .collect();
        Ok(Dataset {
            label: self.label.clone(),
            lists: self.lists.clone(),
            parties,
        })
    }
}

/// Reads a count column: one count per party into `field`, each bounded by
/// the bytes left and their running total by `limit` (each counted value
/// takes at least a byte of the section), so a crafted file never makes the
/// loader reserve more entries than it has bytes. Returns the total. `what`
/// names the count for a bad varint, then for a total over `limit`.
fn count_column(
    r: &mut Reader,
    rows: &mut [Row],
    limit: usize,
    what: (&'static str, &'static str),
    field: fn(&mut Row) -> &mut u32,
) -> Result<usize, FormatError> {
    let mut total = 0;
    for row in rows.iter_mut() {
        let k = r.count(what.0, 1)?;
        *field(row) = k as u32;
        total += k;
        if total > limit {
            return Err(r.err(what.1));
        }
    }
    Ok(total)
}

/// Parses and checks a search section (see the format's layout).
fn parse_search(b: &[u8], base: usize) -> Result<(Store, NameTokens), FormatError> {
    let mut r = Reader::new(b, base);
    let table = r.strings()?;
    let nstr = table.len();
    let version = r.u32("normaliser version")?;
    if version != crate::normalize::VERSION {
        return Err(FormatError::NormalizerMismatch {
            found: version,
            supported: crate::normalize::VERSION,
        });
    }
    let label = table[r.str_id(nstr, "label")? as usize].to_string();
    let nlists = r.count("list count", 4)?;
    let mut lists: Vec<ListInfo> = Vec::with_capacity(nlists);
    for _ in 0..nlists {
        let at = r.pos;
        let list = ListId::from_u8(r.u8("list id")?)
            .filter(|l| lists.last().map_or(true, |p| p.list.to_u8() < l.to_u8()))
            .ok_or(r.err_at("list id (unknown, or declared twice or out of order)", at))?;
        let as_of = table[r.str_id(nstr, "list as_of")? as usize].to_string();
        let count = r.u32("list count")?;
        let m = r.count("source count", 3)?;
        let mut sources = Vec::with_capacity(m);
        for _ in 0..m {
            sources.push(SourceFile {
                name: table[r.str_id(nstr, "source name")? as usize].to_string(),
                sha256: table[r.str_id(nstr, "source sha256")? as usize].to_string(),
                as_of: table[r.str_id(nstr, "source as_of")? as usize].to_string(),
            });
        }
        lists.push(ListInfo {
            list,
            as_of,
            count,
            sources,
        });
    }

    // Parties: at least 9 bytes each (list, type, id, name, alias count,
    // country count, citation, group, also count).
    let n = r.count("party count", 9)?;
    let mut strings = Packed::with_capacity(b.len(), nstr + 2 * n);
    for s in &table {
        strings.push(s);
    }
    let mut rows: Vec<Row> = Vec::with_capacity(n);
    let mut counts = vec![0u32; lists.len()];
    for _ in 0..n {
        let at = r.pos;
        let list = ListId::from_u8(r.u8("party list")?).ok_or(r.err_at("party list id", at))?;
        let k = lists
            .iter()
            .position(|l| l.list == list)
            .ok_or(r.err_at("a party on a list the dataset does not declare", at))?;
        counts[k] += 1;
        rows.push(Row {
            list,
            party_type: PartyType::Entity,
            id: 0,
            name: 0,
            aliases: 0,
            n_aliases: 0,
            countries: 0,
            n_countries: 0,
            citation: 0,
            group: 0,
            also: 0,
            n_also: 0,
        });
    }
    if counts.iter().zip(&lists).any(|(&c, l)| c != l.count) {
        return Err(r.err("a list's count differs from its number of parties"));
    }
    for row in rows.iter_mut() {
        let at = r.pos;
        row.party_type = PartyType::ALL
            .get(usize::from(r.u8("party type")?))
            .copied()
            .ok_or(r.err_at("party type", at))?;
    }
    let mut ids = format::IdColumn::default();
    let mut id = String::new();
    for row in rows.iter_mut() {
        ids.read(&mut r, row.list, &mut id)?;
        row.id = strings.push(&id);
    }
    for row in rows.iter_mut() {
        row.name = strings.push(r.text("party name")?);
    }
    // Every name, a party's own (n <= len / 9) and its aliases, costs at
    // least a byte.
    let n_names = n + count_column(
        &mut r,
        &mut rows,
        b.len() - n,
        ("alias count", "alias count (more aliases than bytes)"),
        |row| &mut row.n_aliases,
    )?;
    for row in rows.iter_mut() {
        row.aliases = strings.len() as u32;
        for _ in 0..row.n_aliases {
            strings.push(r.text("alias")?);
        }
    }
    let mut refs: Vec<u32> = Vec::new();
    count_column(
        &mut r,
        &mut rows,
        b.len(),
        ("country count", "country count (more countries than bytes)"),
        |row| &mut row.n_countries,
    )?;
    for row in rows.iter_mut() {
        row.countries = refs.len() as u32;
        for _ in 0..row.n_countries {
            refs.push(r.str_id(nstr, "country")?);
        }
    }
    for row in rows.iter_mut() {
        row.citation = r.str_id(nstr, "citation")?;
    }
    // What a result copies out of shared strings (its countries and
    // citation): bounded per party by the section's size, so a summary,
    // like a record, never costs more than the file.
    let mut total_copy = strings.bytes();
    for row in &rows {
        let refs = &refs[row.countries as usize..(row.countries + row.n_countries) as usize];
        let own: usize = refs
            .iter()
            .chain([&row.citation])
            .map(|&s| table[s as usize].len())
            .sum();
        if own > b.len() {
            return Err(r.err("a party that refers to more text than the file holds"));
        }
        total_copy = total_copy.saturating_add(own);
    }
    for i in 0..n {
        let at = r.pos;
        let back = r.varint("party group")?;
        // The group is this party or an earlier party that is its own group.
        let g = (i as u64)
            .checked_sub(back)
            .filter(|&g| g == i as u64 || rows[g as usize].group == g as u32)
            .ok_or(r.err_at("party group (not a cluster's first party)", at))?;
        rows[i].group = g as u32;
    }
    let total = count_column(
        &mut r,
        &mut rows,
        b.len(),
        ("also count", "also count (more groups than bytes)"),
        |row| &mut row.n_also,
    )?;
    for row in rows.iter_mut() {
        row.also = refs.len() as u32;
        for _ in 0..row.n_also {
            refs.push(r.u32("also group")?);
        }
    }
    // "Also" groups may point forward: check them once all are read.
    if refs[refs.len() - total..]
        .iter()
        .any(|&g| rows.get(g as usize).map_or(true, |q| q.group != g))
    {
        return Err(r.err("an \"also\" group that is no party's group"));
    }

    // Tokens: front-coded, strictly increasing.
    let t = r.count("token count", 2)?;
    let mut words = Packed::with_capacity(0, t);
    let mut prev = String::new();
    for _ in 0..t {
        let at = r.pos;
        let shared = r.varint("token prefix")?;
        let shared = usize::try_from(shared)
            .ok()
            .filter(|&s| s <= prev.len() && prev.is_char_boundary(s))
            .ok_or(r.err_at("token prefix (longer than the previous token)", at))?;
        let suffix = r.text("token")?;
        prev.truncate(shared);
        let before = words.len().checked_sub(1).map(|k| words.get(k));
        prev.push_str(suffix);
        if before.is_some_and(|w| *w >= *prev) {
            return Err(r.err_at("tokens not sorted and distinct", at));
        }
        words.push(&prev);
    }
    let kinds_at = r.pos;
    let (kinds, ordinary): (Vec<_>, Vec<_>) = r
        .bytes(t, "token kinds")?
        .iter()
        .map(|&k| kind_from_u8(k))
        .collect::<Option<Vec<_>>>()
        .ok_or(r.err_at("token kind", kinds_at))?
        .into_iter()
        .unzip();
    let mut name_ends: Vec<u32> = Vec::with_capacity(n_names);
    let mut terms: Vec<u32> = Vec::new();
    let mut lower: Vec<u8> = Vec::new();
    let ids = TokenIds::new(&words);
    let names = rows
        .iter()
        .flat_map(|row| std::iter::once(row.name).chain(row.aliases..row.aliases + row.n_aliases));
    for name in names {
        name_tokens(
            &mut r,
            strings.get(name as usize),
            &ids,
            &mut lower,
            &mut terms,
        )?;
        name_ends.push(terms.len() as u32);
    }
    if r.remaining() != 0 {
        return Err(r.err("bytes after the last name"));
    }
    let store = Store {
        label,
        lists,
        strings,
        refs,
        rows,
        link: format::checksum(b),
        file_len: b.len(),
        total_copy,
        details: None,
    };
    let tokens = NameTokens {
        words,
        kinds,
        ordinary,
        name_ends,
        terms,
    };
    Ok((store, tokens))
}

/// Reads one name's token codes, appending its token ids to `terms`.
fn name_tokens(
    r: &mut Reader,
    name: &str,
    ids: &TokenIds,
    lower: &mut Vec<u8>,
    terms: &mut Vec<u32>,
) -> Result<(), FormatError> {
    let k = r.count("name token count", 1)?;
    let mut plain = format::plain_words(name);
    for _ in 0..k {
        let at = r.pos;
        let code = r.varint("token code")?;
        let word = plain.next();
        let id = match code {
            format::TOKEN_PLAIN => word.and_then(|w| {
                lower.clear();
                lower.extend(w.iter().map(u8::to_ascii_lowercase));
                ids.get(lower)
            }),
            format::TOKEN_SKIP => continue,
            c => u32::try_from(c - format::TOKEN_ID)
                .ok()
                .filter(|&id| (id as usize) < ids.words.len()),
        };
        terms.push(id.ok_or_else(|| r.err_at("token code (no such plain word or token id)", at))?);
    }
    Ok(())
}

/// The dictionary's token ids by text, for the names' [`format::TOKEN_PLAIN`]
/// codes: about 190,000 lookups per load of the default dataset, where a
/// `HashMap<&[u8], u32>` (FNV) was a sixth of the native load (one slot is
/// 4 bytes here, and most lookups hit the first).
///
/// Open addressing over `id + 1` (0 = empty), linear probing. The file
/// chooses the words, so collisions are bounded rather than hoped away: a
/// word whose probe run would pass [`TokenIds::MAX_PROBE`] slots is not
/// inserted, and a lookup that walks that many occupied slots falls back to
/// a binary search of the sorted dictionary. Building and every lookup are
/// then O(`MAX_PROBE` + log n) whatever the words.
struct TokenIds<'a> {
    words: &'a Packed,
    slots: Vec<u32>,
    mask: usize,
}

impl<'a> TokenIds<'a> {
    const MAX_PROBE: usize = 32;

    /// `words` sorted and distinct (the loader has checked both).
    fn new(words: &'a Packed) -> TokenIds<'a> {
        Self::with_slots(words, (words.len() * 2).next_power_of_two().max(16))
    }

    /// `size`: a power of two.
    fn with_slots(words: &'a Packed, size: usize) -> TokenIds<'a> {
        let mut ids = TokenIds {
            words,
            slots: vec![0; size],
            mask: size - 1,
        };
        for id in 0..words.len() {
            let mut at = ids.home(words.get(id).as_bytes());
            for _ in 0..Self::MAX_PROBE {
                if ids.slots[at] == 0 {
                    ids.slots[at] = id as u32 + 1;
                    break;
                }
                at = (at + 1) & ids.mask;
            }
        }
        ids
    }

    /// The slot a probe for `w` starts at: a multiply-xor hash of its
    /// 8-byte chunks (the words are short).
    fn home(&self, w: &[u8]) -> usize {
        let mut h = w.len() as u64;
        for c in w.chunks(8) {
            let mut b = [0u8; 8];
            b[..c.len()].copy_from_slice(c);
            h = (h ^ u64::from_le_bytes(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
        (h ^ (h >> 32)) as usize & self.mask
    }

    fn get(&self, w: &[u8]) -> Option<u32> {
        let mut at = self.home(w);
        for _ in 0..Self::MAX_PROBE {
            match self.slots[at] {
                0 => return None,
                s if self.words.get(s as usize - 1).as_bytes() == w => return Some(s - 1),
                _ => at = (at + 1) & self.mask,
            }
        }
        let k = crate::index::partition(self.words.len(), |i| self.words.get(i).as_bytes() < w);
        (k < self.words.len() && self.words.get(k).as_bytes() == w).then_some(k as u32)
    }
}

/// Parses and checks a details section for a search part with checksum
/// `link` and `n` parties: every record decodes, and copies at most the
/// section's size in text.
fn parse_details(b: &[u8], base: usize, link: u64, n: usize) -> Result<Details, FormatError> {
    let mut r = Reader::new(b, base);
    if r.u64_le("details link")? != link {
        return Err(FormatError::DetailsMismatch);
    }
    let table = r.strings()?;
    let mut strings = Packed::with_capacity(b.len(), table.len());
    for s in &table {
        strings.push(s);
    }
    let nprof = r.count("provenance profile count", 1)?;
    let mut profiles: Vec<Arc<[FieldSource]>> = Vec::with_capacity(nprof);
    for _ in 0..nprof {
        let k = r.count("provenance entry count", 3)?;
        let mut prof = Vec::with_capacity(k);
        for _ in 0..k {
            let mut s = |what| {
                r.str_id(table.len(), what)
                    .map(|i| table[i as usize].to_string())
            };
            prof.push(FieldSource {
                field: s("provenance field")?,
                file: s("provenance file")?,
                as_of: s("provenance as_of")?,
            });
        }
        profiles.push(prof.into());
    }
    let mut next = r.u32("first string used once")?;
    let at = r.pos;
    if r.varint("record count")? != n as u64 {
        return Err(r.err_at("record count differs from the party count", at));
    }
    let mut d = Details {
        strings,
        profiles,
        records: Vec::new(),
        ends: Vec::with_capacity(n.min(b.len())),
        next: Vec::with_capacity(n.min(b.len())),
        total_copy: 0,
    };
    let mut spans = Vec::with_capacity(n.min(b.len()));
    for _ in 0..n {
        let len = r.count("record length", 1)?;
        let start = r.pos;
        r.bytes(len, "record")?;
        spans.push((start, len));
    }
    if r.remaining() != 0 {
        return Err(r.err("bytes after the last record"));
    }
    for &(start, len) in &spans {
        let mut rr = Reader::new(&b[start..start + len], base + start);
        let mut copied = 0usize;
        d.next.push(next);
        read_record(&mut rr, &d, None, &mut copied, &mut next)?;
        if rr.remaining() != 0 {
            return Err(rr.err("bytes after a record's last field"));
        }
        if copied > b.len() {
            return Err(rr.err_at("a record that refers to more text than the file holds", 0));
        }
        d.total_copy = d.total_copy.saturating_add(copied);
        d.records.extend_from_slice(&b[start..start + len]);
        d.ends.push(d.records.len() as u32);
    }
    Ok(d)
}

/// Reads one details record into `p` (or only checks it, when `p` is
/// `None`), adding the bytes of text it copies to `copied`.
fn read_record(
    r: &mut Reader,
    d: &Details,
    p: Option<&mut Party>,
    copied: &mut usize,
    next: &mut u32,
) -> Result<(), FormatError> {
    let n = d.strings.len();
    let fill = p.is_some();
    let mut s = |r: &mut Reader, what: &'static str| -> Result<String, FormatError> {
        let at = r.pos;
        let id = match r.varint(what)? {
            format::RECORD_NEXT => {
                *next += 1;
                u64::from(*next - 1)
            }
            c => c - 1,
        };
        if id >= n as u64 {
            return Err(r.err_at(what, at));
        }
        let t = d.strings.get(id as usize);
        *copied = copied.saturating_add(t.len());
        Ok(if fill { t.to_string() } else { String::new() })
    };
    let list = |r: &mut Reader,
                what: &'static str,
                s: &mut dyn FnMut(&mut Reader, &'static str) -> Result<String, FormatError>|
     -> Result<Vec<String>, FormatError> {
        let k = r.count(what, 1)?;
        let mut v = Vec::with_capacity(if fill { k } else { 0 });
        for _ in 0..k {
            let x = s(r, what)?;
            if fill {
                v.push(x);
            }
        }
        Ok(v)
    };
    let k = r.count("address count", 2)?;
    let mut addresses = Vec::new();
    for _ in 0..k {
        let a = Address {
            text: s(r, "address text")?,
            country: s(r, "address country")?,
        };
        if fill {
            addresses.push(a);
        }
    }
    let programs = list(r, "programs", &mut s)?;
    let start_date = s(r, "start_date")?;
    let end_date = s(r, "end_date")?;
    let standard_order = s(r, "standard_order")?;
    let license_requirement = s(r, "license_requirement")?;
    let license_policy = s(r, "license_policy")?;
    let title = s(r, "title")?;
    let remarks = s(r, "remarks")?;
    let k = r.count("id count", 3)?;
    let mut ids = Vec::new();
    for _ in 0..k {
        let i = IdDocument {
            kind: s(r, "id kind")?,
            number: s(r, "id number")?,
            country: s(r, "id country")?,
        };
        if fill {
            ids.push(i);
        }
    }
    let dates_of_birth = list(r, "dates_of_birth", &mut s)?;
    let places_of_birth = list(r, "places_of_birth", &mut s)?;
    let nationalities = list(r, "nationalities", &mut s)?;
    let citizenships = list(r, "citizenships", &mut s)?;
    let at = r.pos;
    let vessel = match r.u8("vessel tag")? {
        0 => None,
        1 => Some(Vessel {
            call_sign: s(r, "vessel call_sign")?,
            vessel_type: s(r, "vessel type")?,
            gross_tonnage: s(r, "vessel gross_tonnage")?,
            gross_registered_tonnage: s(r, "vessel gross_registered_tonnage")?,
            flag: s(r, "vessel flag")?,
            owner: s(r, "vessel owner")?,
        }),
        _ => return Err(r.err_at("vessel tag", at)),
    };
    let source_list_url = s(r, "source_list_url")?;
    let source_information_url = s(r, "source_information_url")?;
    let status = s(r, "status")?;
    let equipment = s(r, "equipment")?;
    let federal_register_date = s(r, "federal_register_date")?;
    let at = r.pos;
    let prof = r.varint("provenance profile")?;
    let provenance = match prof {
        0 => None,
        k => Some(
            usize::try_from(k - 1)
                .ok()
                .and_then(|i| d.profiles.get(i))
                .cloned()
                .ok_or(r.err_at("provenance profile index", at))?,
        ),
    };
    if let Some(p) = p {
        p.addresses = addresses;
        p.programs = programs;
        p.start_date = start_date;
        p.end_date = end_date;
        p.standard_order = standard_order;
        p.license_requirement = license_requirement;
        p.license_policy = license_policy;
        p.title = title;
        p.remarks = remarks;
        p.ids = ids;
        p.dates_of_birth = dates_of_birth;
        p.places_of_birth = places_of_birth;
        p.nationalities = nationalities;
        p.citizenships = citizenships;
        p.vessel = vessel;
        p.source_list_url = source_list_url;
        p.source_information_url = source_information_url;
        p.status = status;
        p.equipment = equipment;
        p.federal_register_date = federal_register_date;
        if let Some(prov) = provenance {
            p.provenance = prov;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dictionary(n: usize) -> Packed {
        let mut words: Vec<String> = (0..n).map(|i| format!("w{i:05}")).collect();
        words.sort();
        let mut p = Packed::default();
        for w in &words {
            p.push(w);
        }
        p
    }

    #[test]
    fn token_ids_find_every_word_and_no_other() {
        let words = dictionary(3000);
        let ids = TokenIds::new(&words);
        for i in 0..words.len() {
            assert_eq!(ids.get(words.get(i).as_bytes()), Some(i as u32));
        }
        for absent in ["", "w", "w3000", "w03000", "x00001", "w00001 "] {
            assert_eq!(ids.get(absent.as_bytes()), None, "{absent:?}");
        }
    }

    #[test]
    fn token_ids_past_the_probe_limit_are_found_by_binary_search() {
        // 200 words in 64 slots: most probe runs pass the limit, so most
        // words are not in the table at all.
        let words = dictionary(200);
        let ids = TokenIds::with_slots(&words, 64);
        for i in 0..words.len() {
            assert_eq!(ids.get(words.get(i).as_bytes()), Some(i as u32));
        }
        assert_eq!(ids.get(b"w00200"), None);
        assert_eq!(ids.get(b"a"), None);
        assert_eq!(ids.get(b"z"), None);
    }
}
