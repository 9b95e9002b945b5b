//! The one text normaliser (being written).
