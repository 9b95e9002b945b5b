//! Builds the default dataset from data/sources (being written).
