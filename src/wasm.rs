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

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

use crate::batch::audit::{sha256_hex, Audit, InputRef};
use crate::batch::input::{self, InputSpec};
use crate::batch::{self, csv, BatchRow, RowInput, Status};
use crate::dataset::summary;
use crate::matcher::{self, SearchOptions, DEFAULT_THRESHOLD};
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

/// How a batch input is to be read (`readInput`'s second argument).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct JsInputSpec {
    file_name: Option<String>,
    column: Option<String>,
    country_column: Option<String>,
}

/// A batch input, read: what `readInput` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsInput {
    format: &'static str,
    columns: Vec<String>,
    name_column: Option<String>,
    country_column: Option<String>,
    rows: Vec<RowInput>,
}

/// What JS passes to `batchAudit`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct JsAuditRequest {
    options: Option<SearchRequest>,
    file_name: Option<String>,
    format: Option<String>,
    name_column: Option<String>,
    country_column: Option<String>,
    /// Every row's status, in row order.
    statuses: Vec<Status>,
    /// `new Date().toISOString()`: the wasm has no clock of its own.
    generated_at: String,
}

/// Batch screening's defaults: no prefix matching, [`batch::MATCHES_PER_ROW`].
fn batch_options(o: Option<SearchRequest>) -> Result<SearchOptions, JsError> {
    let mut o = o.unwrap_or_default();
    o.limit = Some(o.limit.unwrap_or(batch::MATCHES_PER_ROW));
    o.parse(false).map_err(js_error)
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| js_error(format!("invalid {what}: {e}")))
}

/// A screener over one dataset: the embedded default, or bytes given at run
/// time.
#[wasm_bindgen(js_name = Screener)]
pub struct WasmScreener {
    screener: matcher::Screener,
    /// The dataset file's sha256, for audit records: computed on first use
    /// (hashing a few MB costs tens of ms, which a search must not wait for).
    sha256: OnceCell<String>,
    /// The dataset file's bytes until then, and empty after: the store keeps
    /// its own decoded copy, not the file (borrowed: the embedded one).
    bytes: Cell<Cow<'static, [u8]>>,
}

impl WasmScreener {
    fn of(screener: matcher::Screener, bytes: Cow<'static, [u8]>) -> WasmScreener {
        WasmScreener {
            screener,
            sha256: OnceCell::new(),
            bytes: Cell::new(bytes),
        }
    }

    fn sha256(&self) -> &str {
        self.sha256.get_or_init(|| sha256_hex(&self.bytes.take()))
    }

    /// Batch screening shows and fingerprints whole records: it waits for
    /// the details.
    fn need_details(&self) -> Result<(), JsError> {
        if self.screener.store().has_details() {
            Ok(())
        } else {
            Err(js_error(format!(
                "{DETAILS_NOT_LOADED} yet: attach the dataset's details file (attachDetails) first"
            )))
        }
    }
}

/// How the message of every Error about missing details starts: this
/// module's (a call that needs them before they are attached) and the JS
/// core's (they cannot come), which reads it with `detailsNotLoaded()`.
const DETAILS_NOT_LOADED: &str = "details not loaded";

#[wasm_bindgen(js_class = Screener)]
impl WasmScreener {
    /// A screener over the dataset embedded in this module, when it was
    /// built with the `embed` feature. The web build is not: its dataset is
    /// a separate file, opened with [`WasmScreener::from_bytes`].
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<WasmScreener, JsError> {
        #[cfg(feature = "embed")]
        {
            let screener =
                matcher::Screener::from_bytes(crate::dataset::EMBEDDED).map_err(js_error)?;
            Ok(WasmScreener::of(
                screener,
                Cow::Borrowed(crate::dataset::EMBEDDED),
            ))
        }
        #[cfg(not(feature = "embed"))]
        Err(js_error(
            "this module has no embedded dataset: open one with Screener.fromBytes",
        ))
    }

    /// A screener over a dataset file's bytes: a search file
    /// (`entity-screen split`; its details come later, by
    /// [`WasmScreener::attach_details`]) or a full file (`entity-screen
    /// build --out`). Search works at once.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<WasmScreener, JsError> {
        let screener = matcher::Screener::from_bytes(bytes).map_err(js_error)?;
        Ok(WasmScreener::of(screener, Cow::Owned(bytes.to_vec())))
    }

    /// Attaches the details file split from the same dataset; an Error if
    /// it belongs to another dataset or is damaged.
    #[wasm_bindgen(js_name = attachDetails)]
    pub fn attach_details(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.screener.attach_details(bytes).map_err(js_error)
    }

    /// Whether the details are attached (`detail` and `screenRows` work).
    #[wasm_bindgen(js_name = hasDetails)]
    pub fn has_details(&self) -> bool {
        self.screener.store().has_details()
    }

    /// Ranked matches, best first, as an array of plain objects: summaries,
    /// without records (`detail(key)` gives those).
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
        to_js(&self.screener.search_summaries(&query, &options))
    }

    /// Scores two names against each other: `{score, match, reasons, pairs}`.
    pub fn compare(&self, a: JsValue, b: JsValue) -> Result<JsValue, JsError> {
        let (Some(a), Some(b)) = (a.as_string(), b.as_string()) else {
            return Err(js_error("compare takes two strings"));
        };
        to_js(&self.screener.compare(&a, &b))
    }

    /// The full records of the party a result's `key` names: `{key, id,
    /// name, source, type, record, lists, also_on}` with a `record` in each
    /// listing, or `null` for a key no party has. An Error starting
    /// "details not loaded" before `attachDetails`.
    pub fn detail(&self, key: JsValue) -> Result<JsValue, JsError> {
        let key = key
            .as_f64()
            .filter(|k| k.fract() == 0.0 && *k >= 0.0 && *k <= f64::from(u32::MAX))
            .ok_or_else(|| js_error("detail takes a result's key (a whole number)"))?;
        self.need_details()?;
        match self.screener.detail(key as u32) {
            Some(d) => to_js(&d),
            None => Ok(JsValue::NULL),
        }
    }

    /// The dataset's label, format version, the severity order and, per
    /// list, its code, name, official name, agency, department, official
    /// URL, one-line meaning, severity, "as of" date, party count and
    /// source files.
    pub fn info(&self) -> Result<JsValue, JsError> {
        let store = self.screener.store();
        to_js(&summary::summary(store.label(), store.lists()))
    }

    /// How every Error about missing details starts ("details not
    /// loaded"), so the JS core's own such errors start the same way.
    #[wasm_bindgen(js_name = detailsNotLoaded)]
    pub fn details_not_loaded() -> String {
        DETAILS_NOT_LOADED.to_string()
    }

    /// The score at or above which a pair counts as a match.
    #[wasm_bindgen(js_name = defaultThreshold)]
    pub fn default_threshold() -> f64 {
        DEFAULT_THRESHOLD
    }

    /// Reads a batch input (the bytes of pasted text or of a file) with the
    /// CLI's reader: `spec` is `{fileName, column, countryColumn}`, each
    /// optional. Returns `{format, columns, nameColumn, countryColumn,
    /// rows}`, each row `{row, query, country, problem}`. An empty, binary
    /// or columnless input, or one of more than `maxRows` rows, is an error
    /// with a message for the user.
    #[wasm_bindgen(js_name = readInput)]
    pub fn read_input(bytes: &[u8], spec: JsValue) -> Result<JsValue, JsError> {
        let spec: JsInputSpec = if spec.is_undefined() || spec.is_null() {
            JsInputSpec::default()
        } else {
            from_js(spec, "input spec")?
        };
        let spec = InputSpec {
            file_name: spec.file_name.unwrap_or_default(),
            column: spec.column,
            country_column: spec.country_column,
        };
        let mut opened = input::open(bytes, &spec).map_err(js_error)?;
        let mut rows = Vec::new();
        while let Some(r) = opened.next_row().map_err(js_error)? {
            if rows.len() == batch::BROWSER_MAX_ROWS {
                return Err(js_error(format!(
                    "the input has more than {} rows: split it, or screen it with the command-line tool (entity-screen batch)",
                    batch::BROWSER_MAX_ROWS
                )));
            }
            rows.push(r);
        }
        to_js(&JsInput {
            format: opened.format.as_str(),
            columns: opened.columns,
            name_column: opened.name_column.map(|c| c.1),
            country_column: opened.country_column.map(|c| c.1),
            rows,
        })
    }

    /// Screens rows as `readInput` gives them: one result row each, in the
    /// same order, `{row, query, country?, status, score, matches, problem,
    /// listing, decision}`. `options` as for `search`, but `prefix` defaults
    /// to false and `limit` to 10.
    #[wasm_bindgen(js_name = screenRows)]
    pub fn screen_rows(&self, rows: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        self.need_details()?;
        let rows: Vec<RowInput> = from_js(rows, "rows")?;
        let options = if options.is_undefined() || options.is_null() {
            batch_options(None)?
        } else {
            batch_options(Some(from_js(options, "search options")?))?
        };
        let out: Vec<BatchRow> = rows
            .iter()
            .map(|r| batch::screen_row(&self.screener, r, &options))
            .collect();
        to_js(&out)
    }

    /// The audit record of a batch screened with this dataset: `request` is
    /// `{options, fileName, format, nameColumn, countryColumn, statuses,
    /// generatedAt}`, `statuses` being every row's status in order.
    #[wasm_bindgen(js_name = batchAudit)]
    pub fn batch_audit(&self, request: JsValue) -> Result<JsValue, JsError> {
        let req: JsAuditRequest = from_js(request, "audit request")?;
        let options = batch_options(req.options)?;
        let sha = self.sha256();
        let mut audit = Audit::new(
            self.screener.store().label(),
            self.screener.store().lists(),
            sha,
            &options,
            req.country_column,
            InputRef {
                file: req.file_name.unwrap_or_default(),
                format: req.format.unwrap_or_else(|| "text".to_string()),
                name_column: req.name_column,
                rows: 0,
            },
            req.generated_at,
        );
        for s in req.statuses {
            audit.count(s);
        }
        to_js(&audit)
    }

    /// The CSV export of result rows (with their decisions): the header and
    /// one record per row, columns as in `batchSchema().columns`.
    #[wasm_bindgen(js_name = batchCsv)]
    pub fn batch_csv(rows: JsValue) -> Result<String, JsError> {
        let rows: Vec<BatchRow> = from_js(rows, "result rows")?;
        let mut out = csv::header();
        for r in &rows {
            out.push_str(&csv::row_record(r));
        }
        Ok(out)
    }

    /// The batch contract: `{columns, statuses, strongCutoff, exactScore,
    /// defaultThreshold, maxRows, maxFileBytes, maxQueryChars,
    /// matchesPerRow}`.
    #[wasm_bindgen(js_name = batchSchema)]
    pub fn batch_schema() -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Schema {
            columns: [&'static str; 10],
            statuses: Vec<&'static str>,
            strong_cutoff: f64,
            exact_score: f64,
            default_threshold: f64,
            max_rows: usize,
            max_file_bytes: u64,
            max_query_chars: usize,
            matches_per_row: usize,
        }
        to_js(&Schema {
            columns: csv::COLUMNS,
            statuses: Status::ALL.iter().map(|s| s.as_str()).collect(),
            strong_cutoff: batch::STRONG_CUTOFF,
            exact_score: batch::EXACT_SCORE,
            default_threshold: DEFAULT_THRESHOLD,
            max_rows: batch::BROWSER_MAX_ROWS,
            max_file_bytes: batch::BROWSER_MAX_FILE_BYTES,
            max_query_chars: batch::MAX_QUERY_CHARS,
            matches_per_row: batch::MATCHES_PER_ROW,
        })
    }
}
