//! ISO 3166-1 alpha-2 country codes and English names (being written).
