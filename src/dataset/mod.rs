//! The dataset: every listed party plus the provenance of each list, in a
//! compact, versioned binary format (see [`format`] for the byte layout).
//!
//! The default dataset, built from the official files in `data/sources/`, is
//! embedded in the library with the `embed` feature (the CLI and the native
//! tests; the wasm is built without it and gets its dataset as bytes); any
//! dataset can be loaded from bytes at run time with [`Dataset::from_bytes`].

#[cfg(feature = "build")]
pub mod build;
pub mod cluster;
pub mod diff;
pub mod format;
pub mod store;
pub mod summary;

pub use format::{FormatError, FORMAT_VERSION};
pub use store::Store;

use crate::model::{ListInfo, Party};

/// The bytes of the default dataset, built by `entity-screen build` from
/// `data/sources/` (a test checks that a rebuild gives these exact bytes).
#[cfg(feature = "embed")]
pub static EMBEDDED: &[u8] = include_bytes!("../../data/default.esd");

/// A decoded dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    /// Free text naming the dataset, e.g. "US CSL default (data/sources)".
    pub label: String,
    /// One entry per list present, in [`crate::ListId::ALL`] order.
    pub lists: Vec<ListInfo>,
    /// Every party, grouped by list in [`crate::ListId::ALL`] order.
    pub parties: Vec<Party>,
}

impl Dataset {
    /// Decodes dataset bytes, checking label, version, length and checksum.
    pub fn from_bytes(bytes: &[u8]) -> Result<Dataset, FormatError> {
        format::decode(bytes)
    }

    /// Encodes the dataset. Deterministic: equal datasets give equal bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        format::encode(self)
    }

    /// The default dataset embedded in the library.
    #[cfg(feature = "embed")]
    pub fn embedded() -> Result<Dataset, FormatError> {
        Dataset::from_bytes(EMBEDDED)
    }
}
