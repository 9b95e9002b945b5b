//! Readers for the official list formats (being written).
