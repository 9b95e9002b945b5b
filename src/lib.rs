//! # entity-screen
//!
//! Restricted-party screening against the US Consolidated Screening List and
//! six further US lists (UFLPA, 1260H, 1286, FCC, CBP, E.O. 14032), small
//! enough to run in a visitor's browser: the lists, an index over every name
//! and alias, and a fuzzy name matcher that explains itself.
//!
//! ## Quick start
//!
//! The library embeds the default dataset (19 lists, about 26,000 parties).
//! Index it once, then search as often as you like:
//!
//! ```
//! use entity_screen::{Dataset, Screener, SearchOptions};
//!
//! let screener = Screener::new(Dataset::embedded()?);
//!
//! // A fuzzy search: typos, word order, legal forms, other scripts.
//! let matches = screener.search("Candirru Ltd", &SearchOptions::default());
//! let best = &matches[0];
//! assert_eq!(best.name, "Candiru");
//! assert!(best.score >= entity_screen::matcher::DEFAULT_THRESHOLD);
//! println!("{} ({}) {:.3}: {}", best.name, best.source, best.score, best.reasons.join("; "));
//!
//! // A quoted query is an exact-name search: equal after normalisation only.
//! assert!(screener.search("\"Candirru\"", &SearchOptions::default()).is_empty());
//! assert_eq!(screener.search("\"CANDIRU\"", &SearchOptions::default())[0].score, 1.0);
//!
//! // Two names compared with the dataset's word weights.
//! let c = screener.compare("Ivan Petrov", "PETROV, Ivan Sergeyevich");
//! assert!(c.is_match);
//! # Ok::<(), entity_screen::dataset::FormatError>(())
//! ```
//!
//! Options as a user writes them (flags, a JS object) go through one parser,
//! [`options::SearchRequest`], which refuses what would silently empty a
//! search (a limit of 0, an unknown list or country code).
//!
//! ## How a search works
//!
//! 1. [`normalize`] turns the query into tokens, exactly as it turned every
//!    listed name into tokens: invisible characters dropped, accents folded,
//!    other scripts transliterated, legal forms put into classes.
//! 2. [`index`] expands each query token to the listed words it may pair
//!    with (exact, phonetic, within an edit allowance from [`edit`], typed
//!    prefix) and ranks candidate names. The candidates do not depend on the
//!    threshold: raising it only removes results (tested).
//! 3. [`score`] aligns the tokens of the query and of each candidate and
//!    gives a score in [0, 1] with the reasons; a candidate whose true upper
//!    bound is below the threshold is not scored at all.
//! 4. [`matcher`] keeps the best name per party, explains every match, and
//!    filters by list, type and country.
//!
//! ## Modules
//!
//! | module        | stage                                              | runs             |
//! |---------------|----------------------------------------------------|------------------|
//! | [`country`]   | ISO-2 country codes and names                      | both             |
//! | [`read`]      | parse official files (CSL CSV, OFAC CSV, JSON)     | native (`build`) |
//! | [`dataset`]   | the binary dataset: build, encode, decode; clusters (one party, one result); diff | both (build native) |
//! | [`normalize`] | the one text normaliser (data and queries)         | both             |
//! | [`edit`]      | edit distances and the one edit allowance          | both             |
//! | [`words`]     | organisation words, acronyms, Arabic particles     | both             |
//! | [`names`]     | given-name variants from a published table         | both             |
//! | [`acronym`]   | acronyms against the initials of listed words      | both             |
//! | [`index`]     | candidate retrieval                                | both             |
//! | [`score`]     | name-pair scoring with reasons                     | both             |
//! | [`options`]   | search options from flags or JS                    | both             |
//! | [`matcher`]   | the `Screener`: search and compare                 | both             |
//! | [`batch`]     | batch screening: input rows, statuses, CSV, audit  | both             |
//! | `wasm`        | wasm-bindgen glue for the JS widget                | browser          |
//!
//! The command-line tool (`src/bin/entity-screen`) is a thin layer over this
//! library, and `www/` holds the JS widget that loads the wasm build.
#![forbid(unsafe_code)]

pub mod acronym;
pub mod batch;
pub mod country;
pub mod dataset;
pub mod edit;
pub mod index;
pub mod matcher;
pub mod model;
pub mod names;
pub mod normalize;
pub mod options;
pub mod packed;
#[cfg(feature = "build")]
pub mod read;
pub mod score;
pub mod translit;
#[cfg(target_arch = "wasm32")]
mod wasm;
pub mod words;

pub use dataset::Dataset;
pub use matcher::{Match, Screener, SearchOptions};
pub use model::{ListId, ListInfo, Party, PartyType, SourceFile};
