//! The batch CSV export: one record per input row, the columns in
//! [`COLUMNS`], every cell quoted when it must be and escaped against CSV
//! injection. Hand-written (a few dozen lines) rather than the `csv` crate,
//! so the wasm carries no CSV library and the browser's export is this code.

use std::borrow::Cow;

use super::BatchRow;

/// The columns, in order: the contract the CLI and the browser share.
pub const COLUMNS: [&str; 10] = [
    "row",
    "query",
    "status",
    "score",
    "match_id",
    "match_name",
    "matched_name",
    "lists",
    "decision",
    "note",
];

/// Records end with CRLF, as RFC 4180 has it (every spreadsheet reads it).
pub const LINE_END: &str = "\r\n";

/// One cell, safe to open in a spreadsheet.
///
/// - CSV injection: a cell beginning with `=`, `+`, `-` or `@` (or a tab or
///   carriage return, which some spreadsheets skip before looking) would be
///   run as a formula; it gets a leading `'`, which spreadsheets show as
///   text and do not evaluate.
/// - Quoting: a cell with a comma, a double quote, a line break or leading
///   or trailing space is wrapped in double quotes, inner quotes doubled.
pub fn cell(text: &str) -> Cow<'_, str> {
    let inject = matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    let quote = text.contains([',', '"', '\n', '\r'])
        || text.starts_with(' ')
        || text.ends_with(' ')
        || inject;
    if !inject && !quote {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    if quote {
        out.push('"');
    }
    if inject {
        out.push('\'');
    }
    for ch in text.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    if quote {
        out.push('"');
    }
    Cow::Owned(out)
}

/// One record from its cells, with the line end.
pub fn record<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, c) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell(c));
    }
    out.push_str(LINE_END);
    out
}

/// The header record.
pub fn header() -> String {
    record(COLUMNS)
}

/// The record of one row. `lists` are the best match's list codes joined by
/// `;`; `decision` is the reviewer's decision (empty when none); `note` is the
/// row's input problem or remark, then the reviewer's note, joined by " | ".
pub fn row_record(row: &BatchRow) -> String {
    let best = row.matches.first();
    let score = row.score.map(|s| format!("{s:.3}")).unwrap_or_default();
    let lists = best.map(|m| m.lists.join(";")).unwrap_or_default();
    let decision = row.decision.as_ref();
    let note = [
        row.problem.as_deref().unwrap_or(""),
        decision.map(|d| d.note.as_str()).unwrap_or(""),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" | ");
    record([
        row.row.to_string().as_str(),
        &row.query,
        row.status.as_str(),
        &score,
        best.map(|m| m.id.as_str()).unwrap_or(""),
        best.map(|m| m.name.as_str()).unwrap_or(""),
        best.map(|m| m.matched_name.as_str()).unwrap_or(""),
        &lists,
        decision.map(|d| d.value.as_str()).unwrap_or(""),
        &note,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_get_a_leading_apostrophe_and_are_quoted() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "\"'+1\"");
        assert_eq!(cell("-2+3"), "\"'-2+3\"");
        assert_eq!(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(cell("\tx"), "\"'\tx\"");
    }

    #[test]
    fn plain_cells_are_left_alone_and_others_quoted() {
        assert_eq!(cell("Acme Ltd"), "Acme Ltd");
        assert_eq!(cell("a=b"), "a=b");
        assert_eq!(cell("DOE, John"), "\"DOE, John\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell(" padded"), "\" padded\"");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn the_header_has_the_ten_columns_in_order() {
        assert_eq!(
            header(),
            "row,query,status,score,match_id,match_name,matched_name,lists,decision,note\r\n"
        );
    }
}
