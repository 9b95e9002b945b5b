//! Reading a batch's input: plain text (one name per line), CSV or TSV, from
//! bytes, one row at a time, so a million rows cost no more memory than one.
//!
//! A whole-input problem (empty, binary, no usable column) is an
//! [`InputError`]. A problem with one row (invalid UTF-8, a broken quote, an
//! over-long line, an empty or over-long name) is that row's `problem`: the
//! row is kept, with status `error`, and reading goes on with the next one.
//!
//! Format: `.csv` is CSV, `.tsv`/`.tab` TSV; any other name is plain text,
//! unless a name column is asked for or the first line has a tab (TSV, as a
//! spreadsheet's copy gives). A CSV or TSV input always starts with a header
//! row. Quoting is RFC 4180: a field that starts with `"` runs to the next
//! lone `"`, and may span lines.

use std::collections::VecDeque;
use std::io::BufRead;

use super::{RowInput, MAX_QUERY_CHARS};

/// A physical line longer than this is an input problem; the rest of it is
/// skipped without being held in memory.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// A quoted field may span at most this many lines; an opening quote not
/// closed by then is a broken quote, and the lines after it are read again
/// as rows of their own.
pub const MAX_RECORD_LINES: usize = 8;

/// Bytes looked at to tell a binary file from text.
const SNIFF_BYTES: usize = 8 * 1024;

/// Header names taken as the name column when none is given
/// (case-insensitive, spaces, `_` and `-` ignored).
const NAME_HEADERS: [&str; 19] = [
    "name",
    "names",
    "fullname",
    "partyname",
    "companyname",
    "entityname",
    "legalname",
    "company",
    "organisation",
    "organization",
    "entity",
    "party",
    "supplier",
    "vendor",
    "customer",
    "partner",
    "grantee",
    "recipient",
    "payee",
];

/// Header names taken as the country column.
const COUNTRY_HEADERS: [&str; 5] = ["country", "countrycode", "iso2", "countryiso2", "nation"];

/// The three input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv,
    Tsv,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
        }
    }

    fn delimiter(self) -> Option<u8> {
        match self {
            Format::Text => None,
            Format::Csv => Some(b','),
            Format::Tsv => Some(b'\t'),
        }
    }
}

/// What to read: the file name (for the format), and the columns.
#[derive(Clone, Debug, Default)]
pub struct InputSpec {
    /// The file name as given; "" for pasted text or stdin.
    pub file_name: String,
    /// The name column's header (tables); `None`: found from the header.
    pub column: Option<String>,
    /// The country column's header; `None`: a column named like "country",
    /// if any. `Some("")` turns the country column off.
    pub country_column: Option<String>,
}

/// Why an input cannot be screened at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// No bytes, or only blank lines.
    Empty,
    /// A NUL byte in the first 8 KiB: not a text, CSV or TSV file.
    Binary,
    /// The header has no column to read names from.
    NoColumn {
        wanted: Option<String>,
        columns: Vec<String>,
    },
    /// The header row itself could not be read.
    BadHeader(String),
    /// Reading failed (I/O).
    Io(String),
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Empty => write!(f, "the input is empty: no names to screen"),
            InputError::Binary => write!(
                f,
                "the input is not text (it has NUL bytes): give plain text, CSV or TSV"
            ),
            InputError::NoColumn {
                wanted: Some(w),
                columns,
            } => write!(
                f,
                "no column {w:?} in the header; the columns are: {}",
                quoted(columns)
            ),
            InputError::NoColumn {
                wanted: None,
                columns,
            } => write!(
                f,
                "no usable name column: none of the columns ({}) is called name, company, party, ...; pick one by its header",
                quoted(columns)
            ),
            InputError::BadHeader(why) => write!(f, "the header row cannot be read: {why}"),
            InputError::Io(e) => write!(f, "reading the input: {e}"),
        }
    }
}

impl std::error::Error for InputError {}

fn quoted(columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| format!("{c:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The format of an input named `file_name` whose first line is `first`.
pub fn detect(file_name: &str, first: &[u8], column_wanted: bool) -> Format {
    let lower = file_name.to_ascii_lowercase();
    if lower.ends_with(".csv") {
        Format::Csv
    } else if lower.ends_with(".tsv") || lower.ends_with(".tab") || first.contains(&b'\t') {
        Format::Tsv
    } else if column_wanted {
        Format::Csv
    } else {
        Format::Text
    }
}

/// One record: its first physical line and its cells, or why it cannot be
/// read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: u64,
    pub cells: Result<Vec<String>, String>,
    /// The first line as text with invalid UTF-8 replaced by U+FFFD, kept
    /// for an unreadable record so its row still shows what it held.
    pub lossy: String,
}

/// Physical lines, each at most [`MAX_LINE_BYTES`], with the line end
/// removed; lines can be pushed back to be read again.
struct Lines<R> {
    src: R,
    next_line: u64,
    pushed: VecDeque<(u64, Vec<u8>, bool)>,
}

impl<R: BufRead> Lines<R> {
    /// The next line: (line number, bytes, too long), `None` at the end.
    fn next(&mut self) -> Result<Option<(u64, Vec<u8>, bool)>, InputError> {
        if let Some(l) = self.pushed.pop_front() {
            return Ok(Some(l));
        }
        let mut buf = Vec::new();
        let mut too_long = false;
        let mut any = false;
        loop {
            let chunk = self
                .src
                .fill_buf()
                .map_err(|e| InputError::Io(e.to_string()))?;
            if chunk.is_empty() {
                break;
            }
            any = true;
            let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let room = MAX_LINE_BYTES.saturating_sub(buf.len());
            if take > room {
                too_long = true;
            }
            buf.extend_from_slice(&chunk[..take.min(room)]);
            self.src.consume(take);
            if done {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        self.next_line += 1;
        Ok(Some((self.next_line, buf, too_long)))
    }
}

/// Physical lines of a stream, each decoded or with the reason it cannot be:
/// `(line number, Ok(text) | Err(problem))`. What `search` and `compare`
/// read their stdin with, so a bad line is reported in place and the lines
/// after it are still read; only an I/O failure ends the iteration.
pub fn lines<R: BufRead>(
    src: R,
) -> impl Iterator<Item = Result<(u64, Result<String, String>), InputError>> {
    let mut lines = Lines {
        src,
        next_line: 0,
        pushed: VecDeque::new(),
    };
    std::iter::from_fn(move || match lines.next() {
        Err(e) => Some(Err(e)),
        Ok(None) => None,
        Ok(Some((n, _, true))) => Some(Ok((
            n,
            Err(format!(
                "line {n} is longer than {} KiB",
                MAX_LINE_BYTES / 1024
            )),
        ))),
        Ok(Some((n, bytes, false))) => Some(Ok((n, decode(&bytes, n)))),
    })
}

/// Records of one format.
pub struct Records<R> {
    lines: Lines<R>,
    format: Format,
}

impl<R: BufRead> Records<R> {
    /// The next record, `None` at the end of the input.
    pub fn next_record(&mut self) -> Result<Option<Record>, InputError> {
        let Some((line, first, too_long)) = self.lines.next()? else {
            return Ok(None);
        };
        if too_long {
            return Ok(Some(Record {
                line,
                cells: Err(format!(
                    "line {line} is longer than {} KiB",
                    MAX_LINE_BYTES / 1024
                )),
                lossy: lossy(&first),
            }));
        }
        let Some(delim) = self.format.delimiter() else {
            let cells = decode(&first, line).map(|s| vec![s]);
            return Ok(Some(Record {
                line,
                lossy: if cells.is_err() {
                    lossy(&first)
                } else {
                    String::new()
                },
                cells,
            }));
        };
        let mut joined = first;
        let mut extra: Vec<(u64, Vec<u8>, bool)> = Vec::new();
        loop {
            match split(&joined, delim) {
                Split::Fields(fields) => {
                    let cells = fields
                        .iter()
                        .map(|f| decode(f, line))
                        .collect::<Result<Vec<_>, _>>();
                    let lossy = if cells.is_err() {
                        lossy(first_line(&joined))
                    } else {
                        String::new()
                    };
                    return Ok(Some(Record { line, cells, lossy }));
                }
                Split::Broken(why) => {
                    self.push_back(extra);
                    return Ok(Some(Record {
                        line,
                        cells: Err(format!("line {line}: {why}")),
                        lossy: lossy(first_line(&joined)),
                    }));
                }
                Split::Open => {
                    let next = if extra.len() + 1 < MAX_RECORD_LINES {
                        self.lines.next()?
                    } else {
                        None
                    };
                    match next {
                        Some(l) if !l.2 => {
                            joined.push(b'\n');
                            joined.extend_from_slice(&l.1);
                            extra.push(l);
                        }
                        other => {
                            extra.extend(other);
                            self.push_back(extra);
                            return Ok(Some(Record {
                                line,
                                cells: Err(format!(
                                    "line {line}: a quoted field is not closed (broken CSV quote)"
                                )),
                                lossy: lossy(first_line(&joined)),
                            }));
                        }
                    }
                }
            }
        }
    }

    fn push_back(&mut self, lines: Vec<(u64, Vec<u8>, bool)>) {
        for l in lines.into_iter().rev() {
            self.lines.pushed.push_front(l);
        }
    }
}

fn first_line(rec: &[u8]) -> &[u8] {
    rec.split(|&b| b == b'\n').next().unwrap_or(rec)
}

/// Text for showing an unreadable line: invalid UTF-8 as U+FFFD, at most
/// [`MAX_QUERY_CHARS`] characters.
fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .chars()
        .take(MAX_QUERY_CHARS)
        .collect()
}

fn decode(bytes: &[u8], line: u64) -> Result<String, String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(format!(
            "line {line}: not valid UTF-8 (at byte {} of the line); save the file as UTF-8",
            e.valid_up_to() + 1
        )),
    }
}

enum Split<'a> {
    Fields(Vec<std::borrow::Cow<'a, [u8]>>),
    /// Inside a quoted field at the end: the record continues on the next line.
    Open,
    Broken(&'static str),
}

/// Splits one record (its lines joined by `\n`) into fields.
fn split(rec: &[u8], delim: u8) -> Split<'_> {
    use std::borrow::Cow;
    let mut fields = Vec::new();
    let mut i = 0;
    loop {
        if rec.get(i) == Some(&b'"') {
            let mut field = Vec::new();
            let mut j = i + 1;
            loop {
                match rec.get(j) {
                    None => return Split::Open,
                    Some(b'"') if rec.get(j + 1) == Some(&b'"') => {
                        field.push(b'"');
                        j += 2;
                    }
                    Some(b'"') => {
                        j += 1;
                        break;
                    }
                    Some(&b) => {
                        field.push(b);
                        j += 1;
                    }
                }
            }
            fields.push(Cow::Owned(field));
            match rec.get(j) {
                None => return Split::Fields(fields),
                Some(&b) if b == delim => i = j + 1,
                Some(_) => return Split::Broken("text after a closing quote (broken CSV quote)"),
            }
        } else {
            let end = rec[i..]
                .iter()
                .position(|&b| b == delim)
                .map_or(rec.len(), |p| i + p);
            fields.push(Cow::Borrowed(&rec[i..end]));
            if end == rec.len() {
                return Split::Fields(fields);
            }
            i = end + 1;
        }
    }
}

/// An opened input: its format and columns, and its rows to read.
pub struct Rows<R> {
    pub format: Format,
    /// The header cells (empty for plain text).
    pub columns: Vec<String>,
    /// The name column's index and header (tables).
    pub name_column: Option<(usize, String)>,
    /// The country column's index and header, when there is one.
    pub country_column: Option<(usize, String)>,
    records: Records<R>,
    /// Rows given out so far.
    rows_out: u64,
    /// A run of blank records not yet given out, and the line it starts
    /// at: blank lines are rows (with a problem) unless they end the input.
    held_blank: u64,
    held_line: u64,
    /// The record after the held blank run.
    waiting: Option<Record>,
}

fn header_key(h: &str) -> String {
    h.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.'))
        // ASCII folding is enough for the English header names matched
        // against, and keeps Unicode's case tables out of the wasm.
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn find_column(columns: &[String], wanted: &str) -> Option<usize> {
    let w = header_key(wanted);
    columns
        .iter()
        .position(|c| c.trim() == wanted.trim())
        .or_else(|| columns.iter().position(|c| header_key(c) == w))
}

/// Opens an input: refuses an empty or binary one, finds the format, reads
/// the header and picks the columns.
pub fn open<R: BufRead>(mut src: R, spec: &InputSpec) -> Result<Rows<R>, InputError> {
    let head = src.fill_buf().map_err(|e| InputError::Io(e.to_string()))?;
    let sniff = &head[..head.len().min(SNIFF_BYTES)];
    if sniff.contains(&0) {
        return Err(InputError::Binary);
    }
    let bom = sniff.starts_with(b"\xEF\xBB\xBF");
    let first_line_end = sniff
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(sniff.len());
    let skip = if bom { 3 } else { 0 };
    let format = detect(
        &spec.file_name,
        sniff.get(skip..first_line_end).unwrap_or(&[]),
        spec.column.as_deref().is_some_and(|c| !c.is_empty()),
    );
    src.consume(skip);
    let mut records = Records {
        lines: Lines {
            src,
            next_line: 0,
            pushed: VecDeque::new(),
        },
        format,
    };
    // Find the first non-blank record: none means an empty input. Before a
    // table's header, blank lines are skipped; in plain text they are rows
    // (held back below, and given out before the first name).
    let first = loop {
        match records.next_record()? {
            None => return Err(InputError::Empty),
            Some(r) if is_blank(&r) => continue,
            Some(r) => break r,
        }
    };
    if format == Format::Text {
        return Ok(Rows {
            format,
            columns: Vec::new(),
            name_column: None,
            country_column: None,
            records,
            rows_out: 0,
            held_blank: first.line - 1,
            held_line: 1,
            waiting: Some(first),
        });
    }
    let columns: Vec<String> = first
        .cells
        .map_err(InputError::BadHeader)?
        .into_iter()
        .map(|c| c.trim().to_string())
        .collect();
    let wanted = spec.column.as_deref().filter(|c| !c.is_empty());
    let name = match wanted {
        Some(w) => find_column(&columns, w),
        None if columns.len() == 1 => Some(0),
        None => NAME_HEADERS
            .iter()
            .find_map(|h| columns.iter().position(|c| header_key(c) == *h)),
    };
    let Some(name) = name else {
        return Err(InputError::NoColumn {
            wanted: wanted.map(str::to_string),
            columns,
        });
    };
    let country = match spec.country_column.as_deref() {
        Some("") => None,
        Some(w) => match find_column(&columns, w) {
            Some(i) => Some(i),
            None => {
                return Err(InputError::NoColumn {
                    wanted: Some(w.to_string()),
                    columns,
                })
            }
        },
        None => COUNTRY_HEADERS
            .iter()
            .find_map(|h| columns.iter().position(|c| header_key(c) == *h)),
    }
    .filter(|&i| i != name);
    Ok(Rows {
        format,
        name_column: Some((name, columns[name].clone())),
        country_column: country.map(|i| (i, columns[i].clone())),
        columns,
        records,
        rows_out: 0,
        held_blank: 0,
        held_line: 0,
        waiting: None,
    })
}

fn is_blank(r: &Record) -> bool {
    matches!(&r.cells, Ok(cells) if cells.iter().all(|c| c.trim().is_empty()))
}

impl<R: BufRead> Rows<R> {
    /// The next row, `None` at the end. Only an I/O failure is an error; a
    /// bad row is a row with a `problem`. Blank lines at the end of the
    /// input are not rows (an editor's or a paste's trailing newlines).
    pub fn next_row(&mut self) -> Result<Option<RowInput>, InputError> {
        loop {
            if self.waiting.is_some() {
                self.rows_out += 1;
                if self.held_blank > 0 {
                    let line = self.held_line;
                    self.held_line += 1;
                    self.held_blank -= 1;
                    return Ok(Some(RowInput {
                        row: self.rows_out,
                        problem: Some(format!("line {line}: the name is empty")),
                        ..RowInput::default()
                    }));
                }
                let rec = self.waiting.take().expect("checked above");
                return Ok(Some(self.row_of(rec)));
            }
            match self.records.next_record()? {
                None => return Ok(None),
                Some(r) if is_blank(&r) => {
                    if self.held_blank == 0 {
                        self.held_line = r.line;
                    }
                    self.held_blank += 1;
                }
                Some(r) => self.waiting = Some(r),
            }
        }
    }

    fn row_of(&self, rec: Record) -> RowInput {
        let mut row = RowInput {
            row: self.rows_out,
            ..RowInput::default()
        };
        let cells = match rec.cells {
            Ok(c) => c,
            Err(why) => {
                row.problem = Some(why);
                row.query = rec.lossy;
                return row;
            }
        };
        let name_at = self.name_column.as_ref().map_or(0, |c| c.0);
        match cells.get(name_at) {
            Some(name) => row.query = name.trim().to_string(),
            None => {
                row.problem = Some(format!(
                    "line {}: the row has {} cells and no {:?} cell",
                    rec.line,
                    cells.len(),
                    self.name_column.as_ref().map_or("name", |c| c.1.as_str())
                ));
                return row;
            }
        }
        if let Some((i, _)) = &self.country_column {
            row.country = cells
                .get(*i)
                .map(|c| c.trim().to_string())
                .unwrap_or_default();
        }
        let chars = row.query.chars().count();
        if row.query.is_empty() {
            row.problem = Some(format!("line {}: the name is empty", rec.line));
        } else if chars > MAX_QUERY_CHARS {
            row.problem = Some(format!(
                "line {}: the name is {chars} characters long, more than {MAX_QUERY_CHARS}",
                rec.line
            ));
            row.query = row.query.chars().take(MAX_QUERY_CHARS).collect();
        }
        row
    }

    /// Reads up to `n` rows.
    pub fn chunk(&mut self, n: usize) -> Result<Vec<RowInput>, InputError> {
        let mut out = Vec::with_capacity(n.min(4096));
        while out.len() < n {
            match self.next_row()? {
                Some(r) => out.push(r),
                None => break,
            }
        }
        Ok(out)
    }
}

impl<R: BufRead> Iterator for Rows<R> {
    type Item = Result<RowInput, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_row().transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(name: &str, bytes: &[u8]) -> Vec<RowInput> {
        let spec = InputSpec {
            file_name: name.to_string(),
            ..InputSpec::default()
        };
        open(bytes, &spec)
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
    }

    #[test]
    fn plain_text_gives_one_row_per_line_commas_and_all() {
        let r = rows("names.txt", b"\xEF\xBB\xBFDOE, John\r\nAcme Ltd\n");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].query, "DOE, John");
        assert_eq!(r[1].row, 2);
    }

    #[test]
    fn an_invalid_utf8_line_is_a_row_with_a_problem_and_the_next_lines_are_read() {
        let r = rows("x.txt", b"one\nbad \xff here\nthree\n");
        assert_eq!(r.len(), 3);
        assert!(r[1].problem.as_deref().unwrap().contains("not valid UTF-8"));
        assert_eq!(
            r[1].query, "bad \u{fffd} here",
            "the row shows what it held"
        );
        assert_eq!(r[2].query, "three");
        assert_eq!(r[2].problem, None);
    }

    #[test]
    fn csv_finds_the_name_and_country_columns_and_unquotes() {
        let r = rows(
            "s.csv",
            b"id,Company Name,Country\n1,\"Acme, \"\"the\"\" Ltd\",Iran\n2,\"two\nlines\",\n",
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].query, "Acme, \"the\" Ltd");
        assert_eq!(r[0].country, "Iran");
        assert_eq!(r[1].query, "two\nlines");
    }

    #[test]
    fn a_broken_quote_is_one_error_row_and_the_rows_after_it_are_read_again() {
        let r = rows("s.csv", b"name\n\"never closed\nBob\nCarol\n");
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(r[0]
            .problem
            .as_deref()
            .unwrap()
            .contains("broken CSV quote"));
        assert_eq!(r[1].query, "Bob");
        assert_eq!(r[2].query, "Carol");
        let r = rows("s.csv", b"name\n\"a\"b\nBob\n");
        assert!(r[0].problem.as_deref().unwrap().contains("closing quote"));
        assert_eq!(r[1].query, "Bob");
    }

    #[test]
    fn empty_and_overlong_names_are_rows_with_problems() {
        let long = "x".repeat(MAX_QUERY_CHARS + 1);
        let r = rows("n.txt", format!("a\n\n{long}\n\n\n").as_bytes());
        assert_eq!(r.len(), 3, "blank lines at the end are not rows");
        assert!(r[1].problem.as_deref().unwrap().contains("empty"));
        assert!(r[2].problem.as_deref().unwrap().contains("more than"));
    }

    #[test]
    fn an_overlong_line_is_one_row_and_is_not_held_whole() {
        let mut input = vec![b'y'; MAX_LINE_BYTES * 3];
        input.extend_from_slice(b"\nnext\n");
        let r = rows("n.txt", &input);
        assert_eq!(r.len(), 2);
        assert!(r[0].problem.as_deref().unwrap().contains("longer than"));
        assert_eq!(r[1].query, "next");
    }

    #[test]
    fn whole_input_problems_are_errors() {
        let spec = InputSpec::default();
        assert_eq!(open(&b""[..], &spec).err(), Some(InputError::Empty));
        assert_eq!(open(&b"\n \n"[..], &spec).err(), Some(InputError::Empty));
        assert_eq!(
            open(&b"PK\x03\x04\x00\x00"[..], &spec).err(),
            Some(InputError::Binary)
        );
        let csv = InputSpec {
            file_name: "a.csv".into(),
            ..InputSpec::default()
        };
        assert!(matches!(
            open(&b"id,amount\n1,2\n"[..], &csv).err(),
            Some(InputError::NoColumn { wanted: None, .. })
        ));
        let wanted = InputSpec {
            file_name: "a.csv".into(),
            column: Some("Supplier".into()),
            ..InputSpec::default()
        };
        let e = open(&b"id,amount\n1,2\n"[..], &wanted).err().unwrap();
        assert!(e.to_string().contains("\"Supplier\""), "{e}");
    }

    #[test]
    fn blank_lines_before_or_between_names_are_rows_but_not_those_at_the_end() {
        let r = rows("n.txt", b"\n \nAcme\n\nBeta\n\n\n");
        let q: Vec<(u64, &str, bool)> = r
            .iter()
            .map(|r| (r.row, r.query.as_str(), r.problem.is_some()))
            .collect();
        assert_eq!(
            q,
            [
                (1, "", true),
                (2, "", true),
                (3, "Acme", false),
                (4, "", true),
                (5, "Beta", false)
            ]
        );
    }

    #[test]
    fn a_tab_in_the_first_line_makes_pasted_text_tsv() {
        let r = rows("", b"Name\tCountry\nAcme\tRU\n");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].query, "Acme");
        assert_eq!(r[0].country, "RU");
    }
}
