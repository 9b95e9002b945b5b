//! Readers for the official list formats (native only, feature `build`).
//!
//! | reader                       | input                                                        |
//! |------------------------------|--------------------------------------------------------------|
//! | [`csl::read_csl`]            | trade.gov CSL `consolidated.csv` (29 columns, 2022 and 2025 layouts) |
//! | [`ofac::read_ofac`]          | OFAC legacy CSV sets: `sdn.csv` + `alt.csv` + `add.csv` + `sdn_comments.csv`, or `cons_prim.csv` + companions |
//! | [`json::read_json_list`]     | eCFR / DDTC / ISN / NS-CMIC JSON extractions (`{..., entities: [...]}`) |
//! | [`json::read_entity_list`]   | the Entity List: eCFR JSON joined with CSL Entity List rows  |
//!
//! Every reader accounts for every input row: each row is either kept (it
//! became a party, or it was merged into one, like an OFAC alias row) or
//! listed in [`ReadOutput::skipped`] with its file, line and reason. For each
//! file, [`FileTally`] records rows in, kept and skipped, and
//! `rows == kept + skipped` always holds.
//!
//! A file that is not what the reader expects (wrong kind of file, a missing
//! column, a row with the wrong number of fields, broken CSV quoting or JSON)
//! is a [`ReadError`] naming the file and line: the reader never guesses.
//!
//! ## Derived ids
//!
//! The JSON extractions carry no id. A party from them gets
//! `CODE-` + the first 16 hex digits of sha256(`CODE \n normalised name \n
//! address`) (see [`derived_id`]): stable across rebuilds and across
//! reorderings of the file, and changed only when the listing's name or
//! address changes. Two listings with the same name and address in one list
//! (true duplicates) get `-2`, `-3`, ... in source order ([`dedupe_derived_ids`]).
//!
//! ## Party type of the JSON lists
//!
//! The JSON files have no type column. [`infer_party_type`] calls a name an
//! individual only when it has the "Last, First" shape the DDTC uses for
//! persons ("Louw, Willem"): one comma, one to three words on each side, no
//! digits and no company word. Everything else stays an entity: a person
//! typed as an entity is still matched by name, while a company typed as a
//! person would be misleading.

pub mod csl;
pub mod detect;
pub mod json;
pub mod ofac;
pub mod sdn_names;

use std::fmt;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::model::{Address, ListId, Party, PartyType};

/// Why a file could not be read. Each variant names the file (as given) and,
/// where there is one, the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The file could not be opened or read.
    Io { file: String, message: String },
    /// The file is not the kind the reader expects (e.g. JSON given as a CSL CSV).
    WrongKind {
        file: String,
        line: u64,
        expected: String,
        found: String,
    },
    /// A required column is missing from the header.
    MissingColumn { file: String, column: String },
    /// A row has the wrong number of fields.
    ColumnCount {
        file: String,
        line: u64,
        found: usize,
        expected: usize,
    },
    /// Broken CSV (e.g. an unterminated quote) or invalid UTF-8.
    Csv {
        file: String,
        line: u64,
        message: String,
    },
    /// Broken JSON.
    Json {
        file: String,
        line: u64,
        column: u64,
        message: String,
    },
    /// A field holds a value the format does not allow (e.g. a non-numeric ent_num).
    BadValue {
        file: String,
        line: u64,
        field: String,
        value: String,
        expected: String,
    },
    /// The file has no data rows (empty, or a header only): a list is only
    /// declared, with a count and a date, when its rows were read.
    NoRows { file: String, what: String },
}

impl ReadError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            ReadError::Io { file, .. }
            | ReadError::WrongKind { file, .. }
            | ReadError::MissingColumn { file, .. }
            | ReadError::ColumnCount { file, .. }
            | ReadError::Csv { file, .. }
            | ReadError::Json { file, .. }
            | ReadError::BadValue { file, .. }
            | ReadError::NoRows { file, .. } => file,
        }
    }

    /// The 1-based line the error is about (0 when it concerns the whole file).
    pub fn line(&self) -> u64 {
        match self {
            ReadError::Io { .. } | ReadError::MissingColumn { .. } | ReadError::NoRows { .. } => 0,
            ReadError::WrongKind { line, .. }
            | ReadError::ColumnCount { line, .. }
            | ReadError::Csv { line, .. }
            | ReadError::Json { line, .. }
            | ReadError::BadValue { line, .. } => *line,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io { file, message } => write!(f, "{file}: cannot read: {message}"),
            ReadError::WrongKind {
                file,
                line,
                expected,
                found,
            } => {
                let at = if *line == 0 { String::new() } else { format!(":{line}") };
                write!(
                    f,
                    "{file}{at}: this is not {expected} (found {found}); check which file was given"
                )
            }
            ReadError::MissingColumn { file, column } => write!(
                f,
                "{file}:1: missing column {column:?} in the header; is this an official file of the expected kind?"
            ),
            ReadError::ColumnCount {
                file,
                line,
                found,
                expected,
            } => write!(
                f,
                "{file}:{line}: row has {found} fields, expected {expected}; the file is damaged or of another kind"
            ),
            ReadError::Csv {
                file,
                line,
                message,
            } => write!(f, "{file}:{line}: malformed CSV: {message}"),
            ReadError::Json {
                file,
                line,
                column,
                message,
            } => write!(f, "{file}:{line}:{column}: malformed JSON: {message}"),
            ReadError::BadValue {
                file,
                line,
                field,
                value,
                expected,
            } => write!(
                f,
                "{file}:{line}: field {field} is {value:?}, expected {expected}"
            ),
            ReadError::NoRows { file, what } => write!(
                f,
                "{file}: no data rows (the file is empty or has a header only); a {what} must list at least one party. Was the download cut short?"
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// One input row that did not become (part of) a party, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Skipped {
    /// File name, no directory.
    pub file: String,
    /// 1-based line where the row starts.
    pub line: u64,
    /// Why, in words shared by every row skipped for that reason (so rows
    /// group by it), e.g. "no primary row for this ent_num in sdn.csv".
    pub reason: String,
    /// What is particular to this row (e.g. "ent_num 49260"); may be empty.
    pub detail: String,
}

/// Row accounting of one input file: `rows == kept + skipped` as read,
/// and `rows == kept + superseded + filtered + skipped` after a build.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileTally {
    /// File name, no directory.
    pub file: String,
    /// Data rows in the file (header and OFAC end-of-file byte not counted).
    pub rows: usize,
    /// Rows that became a party or were merged into one.
    pub kept: usize,
    /// Rows listed in [`ReadOutput::skipped`] (reported by the reader).
    pub skipped: usize,
    /// Rows whose parties a newer file replaced (set by the build).
    pub superseded: usize,
    /// Rows of lists not selected with `--list` (set by the build).
    pub filtered: usize,
}

/// A party and the row it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced {
    pub party: Party,
    /// File name, no directory.
    pub file: String,
    /// 1-based line of the (primary) row.
    pub line: u64,
}

/// What a reader returns: parties in source order, skipped rows, tallies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOutput {
    pub parties: Vec<Sourced>,
    pub skipped: Vec<Skipped>,
    pub files: Vec<FileTally>,
    /// What the build should tell the user although it went on (a missing
    /// companion file, and what the parties lack without it).
    pub warnings: Vec<String>,
}

impl ReadOutput {
    /// Appends another output (parties, skipped rows and tallies).
    pub fn extend(&mut self, other: ReadOutput) {
        self.parties.extend(other.parties);
        self.skipped.extend(other.skipped);
        self.files.extend(other.files);
        self.warnings.extend(other.warnings);
    }
}

/// The official web pages of each list, used as `source_list_url` and
/// `source_information_url` (trade.gov's 2025 values; the 2022 CSL's bit.ly
/// short links are replaced by these). Defined once, in [`ListId::urls`].
pub fn official_urls(list: ListId) -> (&'static str, &'static str) {
    list.urls()
}

/// Sets both URLs of a party to its list's official pages.
pub(crate) fn set_official_urls(p: &mut Party) {
    let (list_url, info_url) = official_urls(p.list);
    p.source_list_url = list_url.to_string();
    p.source_information_url = info_url.to_string();
}

/// The stable id of a party from a source without ids (see the module docs).
pub fn derived_id(list: ListId, name: &str, address: &str) -> String {
    let mut h = Sha256::new();
    h.update(list.code().as_bytes());
    h.update(b"\n");
    h.update(join_key(name).as_bytes());
    h.update(b"\n");
    h.update(address.trim().as_bytes());
    let digest = h.finalize();
    let mut out = String::with_capacity(list.code().len() + 17);
    out.push_str(list.code());
    out.push('-');
    for b in digest.iter().take(8) {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

fn is_derived_id(id: &str, list: ListId) -> bool {
    id.strip_prefix(list.code())
        .and_then(|r| r.strip_prefix('-'))
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Gives repeated derived ids a `-2`, `-3`, ... suffix, in order. Source ids
/// (CSL `_id`, OFAC ent_num) are left alone even when they repeat.
pub fn dedupe_derived_ids(parties: &mut [Sourced]) {
    let mut seen: std::collections::BTreeMap<(ListId, String), u32> = Default::default();
    for s in parties.iter_mut() {
        let p = &mut s.party;
        if !is_derived_id(&p.id, p.list) {
            continue;
        }
        let n = seen.entry((p.list, p.id.clone())).or_insert(0);
        *n += 1;
        if *n > 1 {
            p.id = format!("{}-{}", p.id, n);
        }
    }
}

/// The key used to pair names across files and in [`derived_id`]: lower
/// case, letters and digits only, single spaces.
pub fn join_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = true;
    for ch in name.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            out.push(ch);
            space = false;
        } else if ch == '\'' || ch == '’' || ch == '.' {
            continue;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The conservative individual-or-entity guess for sources without a type
/// column (see the module docs).
pub fn infer_party_type(name: &str) -> PartyType {
    const COMPANY_WORDS: &[&str] = &[
        "inc",
        "ltd",
        "llc",
        "co",
        "corp",
        "corporation",
        "company",
        "limited",
        "gmbh",
        "sa",
        "srl",
        "bv",
        "ag",
        "plc",
        "pte",
        "lp",
        "llp",
        "group",
        "industries",
        "international",
        "trading",
        "technologies",
        "technology",
        "systems",
        "services",
        "enterprises",
        "associates",
        "aviation",
        "aerospace",
        "electronics",
        "engineering",
        "import",
        "export",
        "of",
        "and",
        "the",
        "&",
        "de",
        "la",
        "pvt",
        "private",
        "holdings",
        "products",
        "supply",
        "global",
        "solutions",
        "manufacturing",
        "defense",
        "defence",
        "usa",
        "ab",
        "oy",
        "as",
        "spa",
        "sro",
        "kft",
        "ooo",
        "zao",
        "oao",
        "jsc",
        "cjsc",
    ];
    let name = name.trim();
    if name.bytes().any(|b| b.is_ascii_digit()) || name.matches(',').count() != 1 {
        return PartyType::Entity;
    }
    let Some((last, first)) = name.split_once(',') else {
        return PartyType::Entity;
    };
    let words = |s: &str| -> Option<Vec<String>> {
        let w: Vec<String> = s
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| c == '.').to_lowercase())
            .collect();
        (!w.is_empty() && w.len() <= 3).then_some(w)
    };
    match (words(last), words(first)) {
        (Some(a), Some(b))
            if a.iter()
                .chain(b.iter())
                .all(|w| !COMPANY_WORDS.contains(&w.as_str())) =>
        {
            PartyType::Individual
        }
        _ => PartyType::Entity,
    }
}

/// Splits a `;`-separated cell into trimmed, non-empty items. Only `;`
/// separates: names and addresses contain commas.
pub fn split_semicolons(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Removes the Entity List's "and " before the last item of a series.
pub fn strip_and(s: &str) -> &str {
    let t = s.trim();
    match t.get(..4) {
        Some(head) if head.eq_ignore_ascii_case("and ") => t.get(4..).unwrap_or(t).trim_start(),
        _ => t,
    }
}

/// Splits a free-text address cell (eCFR style: `A; and B`) into addresses,
/// all in `country` (an ISO-2 code or empty). One trailing period (the end of
/// the eCFR entry) is removed.
pub fn split_free_addresses(cell: &str, country: &str) -> Vec<Address> {
    let cell = cell.trim();
    let cell = cell.strip_suffix('.').unwrap_or(cell);
    cell.split(';')
        .map(strip_and)
        .filter(|s| !s.is_empty())
        .map(|s| Address {
            text: s.to_string(),
            country: country.to_string(),
        })
        .collect()
}

/// 1-based line of a byte offset, for increasing offsets (skips the line
/// break a record starts with).
#[derive(Default)]
pub(crate) struct LineCounter {
    offset: usize,
    newlines: u64,
}

impl LineCounter {
    pub(crate) fn line_at(&mut self, bytes: &[u8], offset: u64) -> u64 {
        let mut offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while matches!(bytes.get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        if offset >= self.offset {
            let seen = bytes.get(self.offset..offset).unwrap_or(&[]);
            self.newlines += seen.iter().filter(|&&b| b == b'\n').count() as u64;
            self.offset = offset;
        }
        self.newlines + 1
    }
}

/// The data records of a CSV file read as bytes, each with its 1-based line.
///
/// The csv crate counts a CRLF record's line one short (the LF is read with
/// the next record), so lines are counted from byte offsets ([`LineCounter`]).
/// A row whose only field is blank (a blank last line; with
/// [`CsvRecords::skipping_eof_byte`], also the DOS end-of-file byte 0x1a of
/// OFAC's legacy files) is not a record; every other row must have exactly
/// `expected` fields, or reading stops with [`ReadError::ColumnCount`].
pub(crate) struct CsvRecords<'a> {
    bytes: &'a [u8],
    shown: &'a str,
    expected: usize,
    eof_byte: bool,
    rdr: csv::Reader<&'a [u8]>,
    rec: csv::ByteRecord,
    lines: LineCounter,
}

impl<'a> CsvRecords<'a> {
    /// Records of `bytes` (shown as `shown` in errors). With `has_header`,
    /// line 1 is the header: it is read (a broken one is a
    /// [`ReadError::Csv`] at line 1) and not returned.
    pub(crate) fn new(
        bytes: &'a [u8],
        shown: &'a str,
        has_header: bool,
        expected: usize,
    ) -> Result<Self, ReadError> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(has_header)
            .flexible(true)
            .from_reader(bytes);
        if has_header {
            rdr.byte_headers().map_err(|e| ReadError::Csv {
                file: shown.to_string(),
                line: 1,
                message: e.to_string(),
            })?;
        }
        Ok(CsvRecords {
            bytes,
            shown,
            expected,
            eof_byte: false,
            rdr,
            rec: csv::ByteRecord::new(),
            lines: LineCounter::default(),
        })
    }

    /// Also skips a row holding only the DOS end-of-file byte (0x1a).
    pub(crate) fn skipping_eof_byte(mut self) -> Self {
        self.eof_byte = true;
        self
    }

    /// The next record and its line; `None` at the end of the file.
    pub(crate) fn next_record(&mut self) -> Result<Option<(u64, &csv::ByteRecord)>, ReadError> {
        loop {
            let start = self.rdr.position().byte();
            let more = self
                .rdr
                .read_byte_record(&mut self.rec)
                .map_err(|e| ReadError::Csv {
                    file: self.shown.to_string(),
                    line: self.lines.line_at(self.bytes, start),
                    message: e.to_string(),
                })?;
            if !more {
                return Ok(None);
            }
            let at = self.rec.position().map_or(start, |p| p.byte());
            let line = self.lines.line_at(self.bytes, at);
            let eof_byte = self.eof_byte;
            let blank = |b: &u8| b.is_ascii_whitespace() || (eof_byte && *b == 0x1a);
            if self.rec.len() == 1 && self.rec.get(0).is_some_and(|f| f.iter().all(blank)) {
                continue;
            }
            if self.rec.len() != self.expected {
                return Err(ReadError::ColumnCount {
                    file: self.shown.to_string(),
                    line,
                    found: self.rec.len(),
                    expected: self.expected,
                });
            }
            return Ok(Some((line, &self.rec)));
        }
    }
}

/// [`ReadError::NoRows`] when a file gave no data rows.
pub(crate) fn require_rows(path: &Path, rows: usize, what: &str) -> Result<(), ReadError> {
    if rows == 0 {
        Err(ReadError::NoRows {
            file: path.display().to_string(),
            what: what.to_string(),
        })
    } else {
        Ok(())
    }
}

/// The file name of a path, for reports.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads a whole file, mapping failure to [`ReadError::Io`].
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    std::fs::read(path).map_err(|e| ReadError::Io {
        file: path.display().to_string(),
        message: e.to_string(),
    })
}

/// Lower-case hex sha256 of a file's bytes (one implementation, shared
/// with the batch audit record).
pub use crate::batch::audit::sha256_hex;

/// The first non-whitespace byte, to tell JSON from CSV.
pub(crate) fn first_byte(bytes: &[u8]) -> Option<u8> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().copied().find(|b| !b.is_ascii_whitespace())
}

/// Decodes a CSV field: UTF-8, or Latin-1 for older OFAC files.
pub(crate) fn decode_field(b: &[u8]) -> String {
    match std::str::from_utf8(b) {
        Ok(s) => s.to_string(),
        Err(_) => b.iter().map(|&c| c as char).collect(),
    }
}

/// A `YYYY-MM-DD` or `YYYY-MM` date in a file name such as
/// `sdn_2024-05-03.csv`, if any (the last one wins).
pub fn date_in_name(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let mut found = None;
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let mut i = 0;
    while i + 7 <= b.len() {
        if digits(i..i + 4) && b.get(i + 4) == Some(&b'-') && digits(i + 5..i + 7) {
            let (_, rest) = name.split_at(i);
            let full = i + 10 <= b.len() && b.get(i + 7) == Some(&b'-') && digits(i + 8..i + 10);
            let len = if full { 10 } else { 7 };
            found = rest.get(..len).map(String::from);
            i += len;
        } else {
            i += 1;
        }
    }
    found
}

/// Converts `June 21, 2022` (English month name, day, year) to ISO.
pub fn month_date_to_iso(s: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let s = s.trim();
    let (month, rest) = s.split_once(' ')?;
    let m = MONTHS
        .iter()
        .position(|x| x.eq_ignore_ascii_case(month.trim_end_matches('.')))?
        + 1;
    let (d, y) = rest.split_once(',')?;
    let d: u32 = d.trim().parse().ok()?;
    let y: u32 = y.trim().parse().ok()?;
    if !(1..=31).contains(&d) || !(1000..=9999).contains(&y) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Converts US dates `M/D/YY` or `M/D/YYYY` to ISO (`YY` < 50 is 20YY).
pub fn us_date_to_iso(s: &str) -> Option<String> {
    let mut it = s.trim().split('/');
    let m: u32 = it.next()?.trim().parse().ok()?;
    let d: u32 = it.next()?.trim().parse().ok()?;
    let y_str = it.next()?.trim();
    if it.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y: u32 = y_str.parse().ok()?;
    let y = match y_str.len() {
        2 if y < 50 => 2000 + y,
        2 => 1900 + y,
        4 => y,
        _ => return None,
    };
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infer_party_type_is_conservative() {
        assert_eq!(infer_party_type("Louw, Willem"), PartyType::Individual);
        assert_eq!(infer_party_type("Adams, Ryan"), PartyType::Individual);
        assert_eq!(
            infer_party_type("A & C International Trade, Inc."),
            PartyType::Entity
        );
        assert_eq!(
            infer_party_type("Kam-Tech Systems, Ltd. and David Menashe"),
            PartyType::Entity
        );
        assert_eq!(infer_party_type("NSO Group"), PartyType::Entity);
        assert_eq!(infer_party_type("ELDAR REZVANOV"), PartyType::Entity);
    }

    #[test]
    fn date_in_name_reads_both_forms() {
        assert_eq!(
            date_in_name("sdn_2024-05-03.csv").as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(
            date_in_name("cons_prim_2025-12.csv").as_deref(),
            Some("2025-12")
        );
        assert_eq!(date_in_name("sdn.csv"), None);
    }

    #[test]
    fn us_date_to_iso_handles_two_digit_years() {
        assert_eq!(us_date_to_iso("11/4/21").as_deref(), Some("2021-11-04"));
        assert_eq!(us_date_to_iso("12/23/2020").as_deref(), Some("2020-12-23"));
        assert_eq!(us_date_to_iso("3/30/81").as_deref(), Some("1981-03-30"));
        assert_eq!(us_date_to_iso("x"), None);
    }

    #[test]
    fn month_date_to_iso_reads_english_dates() {
        assert_eq!(
            month_date_to_iso("June 21, 2022").as_deref(),
            Some("2022-06-21")
        );
        assert_eq!(month_date_to_iso("2022-06-21"), None);
        assert_eq!(month_date_to_iso("Smarch 1, 2020"), None);
    }

    fn lines_of(bytes: &[u8], header: bool, eof_byte: bool) -> Result<Vec<u64>, ReadError> {
        let mut records = CsvRecords::new(bytes, "t.csv", header, 2)?;
        if eof_byte {
            records = records.skipping_eof_byte();
        }
        let mut lines = Vec::new();
        while let Some((line, _)) = records.next_record()? {
            lines.push(line);
        }
        Ok(lines)
    }

    #[test]
    fn csv_records_count_crlf_lines_and_skip_blank_rows() {
        let bytes = b"a,b\r\n1,2\r\n\r\n\"x\ny\",3\r\n4,5\r\n";
        assert_eq!(lines_of(bytes, true, false), Ok(vec![2, 4, 6]));
        assert_eq!(lines_of(bytes, false, false), Ok(vec![1, 2, 4, 6]));
    }

    #[test]
    fn csv_records_skip_the_dos_eof_byte_only_when_asked() {
        let bytes = b"1,2\r\n\x1a";
        assert_eq!(lines_of(bytes, false, true), Ok(vec![1]));
        assert_eq!(
            lines_of(bytes, false, false),
            Err(ReadError::ColumnCount {
                file: "t.csv".into(),
                line: 2,
                found: 1,
                expected: 2,
            })
        );
    }

    #[test]
    fn strip_and_only_strips_the_word() {
        assert_eq!(strip_and("and Tabatha Ltd."), "Tabatha Ltd.");
        assert_eq!(strip_and("Andromeda"), "Andromeda");
    }
}
