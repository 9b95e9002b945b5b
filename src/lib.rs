//! # entity-screen
//!
//! Restricted-party screening against the US Consolidated Screening List,
//! small enough to run in a visitor's browser.
//!
//! The crate is laid out by stage, and by where the code runs:
//!
//! | module        | stage                                         | runs            |
//! |---------------|-----------------------------------------------|-----------------|
//! | [`country`]   | ISO-2 country codes and names                   | both            |
//! | [`read`]      | parse official files (CSL CSV, OFAC CSV, JSON) | native (`build`) |
//! | [`dataset`]   | the compact binary dataset: build, encode, decode | both          |
//! | [`normalize`] | the one text normaliser (data and queries)     | both            |
//! | [`index`]     | candidate retrieval                            | both            |
//! | [`score`]     | name-pair scoring with reasons                 | both            |
//! | [`matcher`]   | the `Screener`: search and compare             | both            |
//! | `wasm`        | wasm-bindgen glue for the JS widget            | browser         |
//!
//! The command-line tool (`src/bin/entity-screen`) is a thin layer over this
//! library, and `www/` holds the JS widget that loads the wasm build.
#![forbid(unsafe_code)]

pub mod country;
pub mod dataset;
pub mod edit;
pub mod index;
pub mod matcher;
pub mod model;
pub mod normalize;
pub mod options;
#[cfg(feature = "build")]
pub mod read;
pub mod score;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use dataset::Dataset;
pub use matcher::{Match, Screener, SearchOptions};
pub use model::{ListId, ListInfo, Party, PartyType, SourceFile};
