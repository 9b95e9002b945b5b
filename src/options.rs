//! Search options from what a user wrote: the one parser behind the CLI's
//! flags (`--limit 5 --list EL,SDN --country RU`) and the widget's options
//! object (`{limit: 5, lists: ["EL", "SDN"], countries: ["RU"]}`), so both
//! accept and refuse exactly the same things.
//!
//! Every value that would silently narrow or empty a search is an error
//! naming what was wrong: a limit of 0, a threshold outside [0, 1], an
//! unknown list code, party type or country code.

use serde::Deserialize;

use crate::country;
use crate::matcher::SearchOptions;
use crate::model::{ListId, PartyType};

/// Search options as written, before checking. Every field may be left out
/// (or, from JS, be `null`). In the widget's options object the keys are
/// these field names; unknown keys are an error.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchRequest {
    pub limit: Option<usize>,
    pub threshold: Option<f64>,
    /// List codes (`"EL"`, `"SDN"`, ...), case-insensitive.
    pub lists: Option<Vec<String>>,
    /// Party types (`entity`, `individual`, `vessel`, `aircraft`).
    pub types: Option<Vec<String>>,
    /// ISO 3166-1 alpha-2 country codes, case-insensitive.
    pub countries: Option<Vec<String>>,
    /// Search-as-you-type: the last word may be incomplete.
    pub prefix: Option<bool>,
}

/// What is wrong with a [`SearchRequest`].
#[derive(Clone, Debug, PartialEq)]
pub enum OptionsError {
    /// `limit` was 0: a search that may return nothing by construction.
    ZeroLimit,
    /// `threshold` outside [0, 1] (or not a number).
    Threshold(f64),
    UnknownList(String),
    UnknownType(String),
    UnknownCountry(String),
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionsError::ZeroLimit => write!(f, "limit must be at least 1, got 0"),
            OptionsError::Threshold(t) => write!(f, "threshold must be between 0 and 1, got {t}"),
            OptionsError::UnknownList(c) => write!(
                f,
                "unknown list {c:?}; known: {}",
                ListId::ALL.map(|l| l.code()).join(",")
            ),
            OptionsError::UnknownType(t) => write!(
                f,
                "unknown party type {t:?}; known: entity,individual,vessel,aircraft"
            ),
            OptionsError::UnknownCountry(c) => write!(
                f,
                "unknown country {c:?}: expected an ISO 3166-1 alpha-2 code such as RU or CN"
            ),
        }
    }
}

impl std::error::Error for OptionsError {}

impl SearchRequest {
    /// Checks and converts. `default_prefix` is the prefix mode when the
    /// request does not say (on in a search box, off for batch screening).
    pub fn parse(&self, default_prefix: bool) -> Result<SearchOptions, OptionsError> {
        let mut o = SearchOptions {
            prefix: self.prefix.unwrap_or(default_prefix),
            ..SearchOptions::default()
        };
        match self.limit {
            Some(0) => return Err(OptionsError::ZeroLimit),
            Some(k) => o.limit = k,
            None => {}
        }
        if let Some(t) = self.threshold {
            if !(0.0..=1.0).contains(&t) {
                return Err(OptionsError::Threshold(t));
            }
            o.threshold = t;
        }
        for code in self.lists.iter().flatten().map(|c| c.trim()) {
            let list = ListId::from_code(code)
                .ok_or_else(|| OptionsError::UnknownList(code.to_string()))?;
            o.lists.push(list);
        }
        for t in self.types.iter().flatten().map(|t| t.trim()) {
            o.types
                .push(PartyType::parse(t).ok_or_else(|| OptionsError::UnknownType(t.to_string()))?);
        }
        for c in self.countries.iter().flatten().map(|c| c.trim()) {
            if c.len() != 2 || country::name(c).is_none() {
                return Err(OptionsError::UnknownCountry(c.to_string()));
            }
            o.countries.push(c.to_ascii_uppercase());
        }
        Ok(o)
    }
}

/// The items of a comma-separated flag value (`"EL, SDN"` → `["EL", "SDN"]`);
/// empty items are skipped.
pub fn split_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_request_gives_the_defaults() {
        let o = SearchRequest::default().parse(false).unwrap();
        let d = SearchOptions::default();
        assert_eq!(
            (o.limit, o.threshold, o.prefix),
            (d.limit, d.threshold, false)
        );
        assert!(SearchRequest::default().parse(true).unwrap().prefix);
    }

    #[test]
    fn values_that_would_silently_empty_a_search_are_errors() {
        fn r(f: impl FnOnce(&mut SearchRequest)) -> Result<SearchOptions, OptionsError> {
            let mut r = SearchRequest::default();
            f(&mut r);
            r.parse(false)
        }
        assert_eq!(
            r(|r| r.limit = Some(0)).unwrap_err(),
            OptionsError::ZeroLimit
        );
        assert!(matches!(
            r(|r| r.threshold = Some(1.5)),
            Err(OptionsError::Threshold(_))
        ));
        assert!(matches!(
            r(|r| r.threshold = Some(f64::NAN)),
            Err(OptionsError::Threshold(_))
        ));
        assert_eq!(
            r(|r| r.lists = Some(vec!["XYZ".into()])).unwrap_err(),
            OptionsError::UnknownList("XYZ".into())
        );
        assert_eq!(
            r(|r| r.types = Some(vec!["ship".into()])).unwrap_err(),
            OptionsError::UnknownType("ship".into())
        );
        for bad in ["ZZ", "Russia", "", "RUS"] {
            assert_eq!(
                r(|r| r.countries = Some(vec![bad.into()])).unwrap_err(),
                OptionsError::UnknownCountry(bad.into()),
                "{bad}"
            );
        }
        let e = r(|r| r.countries = Some(vec!["ZZ".into()]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"ZZ\""), "{e}");
    }

    #[test]
    fn known_values_are_read_case_insensitively() {
        let r = SearchRequest {
            limit: Some(3),
            threshold: Some(0.9),
            lists: Some(split_list("el, sdn")),
            types: Some(split_list("Entity")),
            countries: Some(split_list("ru,CN")),
            prefix: Some(false),
        };
        let o = r.parse(true).unwrap();
        assert_eq!(o.limit, 3);
        assert_eq!(o.lists, vec![ListId::El, ListId::Sdn]);
        assert_eq!(o.types, vec![PartyType::Entity]);
        assert_eq!(o.countries, vec!["RU".to_string(), "CN".to_string()]);
        assert!(!o.prefix);
    }
}
