//! Candidate retrieval (being written).
