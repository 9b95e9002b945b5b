//! The one escaping of text on its way to a terminal. Names, labels and
//! file names come from data or input; a control character in one (ESC, CR,
//! a C1 CSI, a bidi override) could move the cursor, recolour or forge
//! lines. Every subcommand passes such text through [`text`] (plain output)
//! or [`json`] (JSON output) before it is written.

use std::borrow::Cow;

/// True for the characters a terminal may act on rather than show: C0
/// controls, DEL, C1 controls, and the bidirectional overrides and isolates
/// that reorder what is shown.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character written as a visible escape (`\t`, `\n`,
/// `\r`, else `\u{1b}`), so it shows as text on one line.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Serialised JSON with the unsafe characters serde_json leaves raw (DEL,
/// C1, bidi controls; it already escapes C0) written as `\uXXXX`: the same
/// JSON value, safe to print. Such characters can only be inside strings.
pub fn json(serialised: &str) -> Cow<'_, str> {
    if !serialised.chars().any(is_unsafe) {
        return Cow::Borrowed(serialised);
    }
    let mut out = String::with_capacity(serialised.len() + 8);
    for c in serialised.chars() {
        if is_unsafe(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible_escapes() {
        assert_eq!(text("Acme\x1b[2J\r\nFAKE"), "Acme\\u{1b}[2J\\r\\nFAKE");
        assert_eq!(text("a\u{9b}b\u{202e}c"), "a\\u{9b}b\\u{202e}c");
        assert_eq!(text("Ünïcode, plain"), "Ünïcode, plain");
    }

    #[test]
    fn json_keeps_its_value_with_c1_and_bidi_escaped() {
        let v = serde_json::json!({ "q": "x\u{9b}31m\u{7f}\u{202e}" });
        let s = serde_json::to_string(&v).unwrap();
        let safe = json(&s);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v);
    }
}
