//! wasm-bindgen glue for the JS widget: a newtype around
//! [`crate::matcher::Screener`], conversion of options and results, and one
//! place ([`js_error`]) where core errors become JS errors. No logic lives
//! here: everything it calls is tested natively.
//!
//! Results cross the boundary through `serde-wasm-bindgen` with maps as plain
//! objects and `None` as `null`, so a match in JS has exactly the keys and
//! shape of the CLI's `--json` output.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::dataset::{summary, Dataset};
use crate::matcher::{self, SearchOptions, DEFAULT_THRESHOLD};
use crate::model::{ListId, PartyType};

/// The single conversion from any core error to a JS `Error` with the
/// error's message.
fn js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// Rust values to JS the way the CLI's JSON has them: objects, not `Map`s,
/// and `null` for a missing value.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value.serialize(&ser).map_err(js_error)
}

/// Search options as JS passes them; every field may be left out.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct JsSearchOptions {
    limit: Option<usize>,
    threshold: Option<f64>,
    lists: Option<Vec<String>>,
    types: Option<Vec<String>>,
    countries: Option<Vec<String>>,
    /// Search-as-you-type: the last word may be incomplete. Defaults to true
    /// here, since a browser search box is typed into.
    prefix: Option<bool>,
}

impl JsSearchOptions {
    /// Checks and converts; an unknown list code or type is an error rather
    /// than a silently wider search.
    fn into_core(self) -> Result<SearchOptions, String> {
        let mut o = SearchOptions {
            prefix: self.prefix.unwrap_or(true),
            ..SearchOptions::default()
        };
        if let Some(limit) = self.limit {
            o.limit = limit;
        }
        if let Some(t) = self.threshold {
            if !(0.0..=1.0).contains(&t) {
                return Err(format!("threshold must be between 0 and 1, got {t}"));
            }
            o.threshold = t;
        }
        for code in self.lists.unwrap_or_default() {
            o.lists.push(
                ListId::from_code(&code).ok_or_else(|| format!("unknown list code {code:?}"))?,
            );
        }
        for t in self.types.unwrap_or_default() {
            o.types
                .push(PartyType::parse(&t).ok_or_else(|| format!("unknown party type {t:?}"))?);
        }
        o.countries = self
            .countries
            .unwrap_or_default()
            .into_iter()
            .map(|c| c.trim().to_ascii_uppercase())
            .collect();
        Ok(o)
    }
}

/// A screener over one dataset: the embedded default, or bytes given at run
/// time.
#[wasm_bindgen(js_name = Screener)]
pub struct WasmScreener(matcher::Screener);

#[wasm_bindgen(js_class = Screener)]
impl WasmScreener {
    /// A screener over the dataset embedded in this module, when it was
    /// built with the `embed` feature. The web build is not: its dataset is
    /// a separate file, opened with [`WasmScreener::from_bytes`].
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<WasmScreener, JsError> {
        #[cfg(feature = "embed")]
        {
            let dataset = Dataset::embedded().map_err(js_error)?;
            Ok(WasmScreener(matcher::Screener::new(dataset)))
        }
        #[cfg(not(feature = "embed"))]
        Err(js_error(
            "this module has no embedded dataset: open one with Screener.fromBytes",
        ))
    }

    /// A screener over a dataset file's bytes (`entity-screen build --out`).
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<WasmScreener, JsError> {
        let dataset = Dataset::from_bytes(bytes).map_err(js_error)?;
        Ok(WasmScreener(matcher::Screener::new(dataset)))
    }

    /// Ranked matches, best first, as an array of plain objects.
    ///
    /// `query` must be a string; a lone UTF-16 surrogate in it arrives as
    /// U+FFFD (the encoder replaces it), so no JS string can make this panic.
    /// `options` is `undefined` or `{limit, threshold, lists, types, countries, prefix}` (prefix defaults to true).
    pub fn search(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let query = query
            .as_string()
            .ok_or_else(|| js_error("query must be a string"))?;
        let options = if options.is_undefined() || options.is_null() {
            JsSearchOptions::default()
        } else {
            serde_wasm_bindgen::from_value::<JsSearchOptions>(options)
                .map_err(|e| js_error(format!("invalid search options: {e}")))?
        };
        let options = options.into_core().map_err(js_error)?;
        to_js(&self.0.search(&query, &options))
    }

    /// Scores two names against each other: `{score, match, reasons, pairs}`.
    pub fn compare(&self, a: JsValue, b: JsValue) -> Result<JsValue, JsError> {
        let (Some(a), Some(b)) = (a.as_string(), b.as_string()) else {
            return Err(js_error("compare takes two strings"));
        };
        to_js(&self.0.compare(&a, &b))
    }

    /// The full record of the party with this id (the `record` of its
    /// search results), or `null` when no party has it. A linear scan: it
    /// runs once per detail view opened, not per keystroke.
    pub fn detail(&self, id: JsValue) -> Result<JsValue, JsError> {
        let id = id
            .as_string()
            .ok_or_else(|| js_error("detail takes a record id (a string)"))?;
        match self.0.dataset().parties.iter().find(|p| p.id == id) {
            Some(party) => to_js(party),
            None => Ok(JsValue::NULL),
        }
    }

    /// The dataset's label, format version, the severity order and, per
    /// list, its code, name, official name, agency, department, official
    /// URL, one-line meaning, severity, "as of" date, party count and
    /// source files.
    pub fn info(&self) -> Result<JsValue, JsError> {
        to_js(&summary::summary(self.0.dataset()))
    }

    /// The score at or above which a pair counts as a match.
    #[wasm_bindgen(js_name = defaultThreshold)]
    pub fn default_threshold() -> f64 {
        DEFAULT_THRESHOLD
    }
}
