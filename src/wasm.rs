//! wasm-bindgen glue for the JS widget: a newtype around
//! [`crate::matcher::Screener`], conversion of options and results, and one
//! place ([`js_error`]) where core errors become JS errors. No logic lives
//! here: everything it calls is tested natively.
//!
//! Results cross the boundary through `serde-wasm-bindgen` with maps as plain
//! objects and `None` as `null`, so a match in JS has exactly the keys and
//! shape of the CLI's `--json` output.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::dataset::{Dataset, FORMAT_VERSION};
use crate::matcher::{self, DEFAULT_THRESHOLD};
use crate::model::SourceFile;
use crate::options::SearchRequest;

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

/// One list of the dataset, for `info()`.
#[derive(Serialize)]
struct JsListInfo<'a> {
    code: &'static str,
    name: &'static str,
    agency: &'static str,
    as_of: &'a str,
    count: u32,
    sources: &'a [SourceFile],
}

/// What `info()` returns.
#[derive(Serialize)]
struct JsInfo<'a> {
    label: &'a str,
    format_version: u32,
    default_threshold: f64,
    lists: Vec<JsListInfo<'a>>,
}

/// A screener over one dataset: the embedded default, or bytes given at run
/// time.
#[wasm_bindgen(js_name = Screener)]
pub struct WasmScreener(matcher::Screener);

#[wasm_bindgen(js_class = Screener)]
impl WasmScreener {
    /// A screener over the dataset embedded in this module.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<WasmScreener, JsError> {
        let dataset = Dataset::embedded().map_err(js_error)?;
        Ok(WasmScreener(matcher::Screener::new(dataset)))
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
            SearchRequest::default()
        } else {
            serde_wasm_bindgen::from_value::<SearchRequest>(options)
                .map_err(|e| js_error(format!("invalid search options: {e}")))?
        };
        // A browser search box is typed into: prefix mode unless told.
        let options = options.parse(true).map_err(js_error)?;
        to_js(&self.0.search(&query, &options))
    }

    /// Scores two names against each other: `{score, match, reasons, pairs}`.
    pub fn compare(&self, a: JsValue, b: JsValue) -> Result<JsValue, JsError> {
        let (Some(a), Some(b)) = (a.as_string(), b.as_string()) else {
            return Err(js_error("compare takes two strings"));
        };
        to_js(&self.0.compare(&a, &b))
    }

    /// The dataset's label, format version and, per list, its code, name,
    /// agency, "as of" date, party count and source files.
    pub fn info(&self) -> Result<JsValue, JsError> {
        let d = self.0.dataset();
        let info = JsInfo {
            label: &d.label,
            format_version: FORMAT_VERSION,
            default_threshold: DEFAULT_THRESHOLD,
            lists: d
                .lists
                .iter()
                .map(|l| JsListInfo {
                    code: l.list.code(),
                    name: l.list.name(),
                    agency: l.list.agency(),
                    as_of: &l.as_of,
                    count: l.count,
                    sources: &l.sources,
                })
                .collect(),
        };
        to_js(&info)
    }

    /// The score at or above which a pair counts as a match.
    #[wasm_bindgen(js_name = defaultThreshold)]
    pub fn default_threshold() -> f64 {
        DEFAULT_THRESHOLD
    }
}
