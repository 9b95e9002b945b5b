//! Name-pair scoring (being written).
