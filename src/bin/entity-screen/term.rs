//! Text from data bound for a terminal: control characters (which could
//! move the cursor or recolour the screen) are shown as `\u{..}` escapes.

use std::borrow::Cow;

/// `s` with every control character escaped.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn clean_escapes_control_characters_only() {
        assert_eq!(super::clean("Ab\u{1b}[31m"), "Ab\\u{1b}[31m");
        assert_eq!(super::clean("Ünï"), "Ünï");
    }
}
