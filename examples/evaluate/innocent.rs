//! Innocent names: real companies, universities, NGOs, newspapers and common
//! person names that are not listed. The file is checked by hand; this module
//! re-checks it against whatever dataset is evaluated, so a list update that
//! adds one of them cannot silently count as a false hit.

use std::collections::HashMap;

use entity_screen::Dataset;

use crate::text;

/// Non-empty lines that are not `#` comments.
pub fn load(path: &std::path::Path) -> std::io::Result<Vec<String>> {
    Ok(std::fs::read_to_string(path)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// Why a name cannot serve as an innocent name on this dataset:
/// 1. it equals a listed name up to case, punctuation and word order;
/// 2. it equals a listed name up to legal-form words;
/// 3. it has two or more distinctive words and all of them occur in one
///    listed name ("Maria Garcia" in "GARCIA DURAN, Maria Del Rosario"),
///    which a screening matcher is right to flag.
pub struct Checker<'a> {
    names: Vec<&'a str>,
    sorted: HashMap<String, u32>,
    cores: HashMap<String, u32>,
    postings: HashMap<String, Vec<u32>>,
}

impl<'a> Checker<'a> {
    pub fn new(ds: &'a Dataset) -> Checker<'a> {
        let names: Vec<&str> = ds.parties.iter().flat_map(|p| p.names()).collect();
        let mut sorted = HashMap::new();
        let mut cores = HashMap::new();
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            let i = i as u32;
            sorted.entry(text::sorted_key(n)).or_insert(i);
            let core = text::core_key(n);
            if !core.is_empty() {
                cores.entry(core).or_insert(i);
            }
            let mut w = text::words(n);
            w.sort();
            w.dedup();
            for word in w {
                postings.entry(word).or_default().push(i);
            }
        }
        Checker {
            names,
            sorted,
            cores,
            postings,
        }
    }

    /// `None` when the name is usable, else the reason with a listed name.
    pub fn conflict(&self, name: &str) -> Option<String> {
        let listed = |i: u32| self.names[i as usize];
        if let Some(&i) = self.sorted.get(&text::sorted_key(name)) {
            return Some(format!("equals listed \"{}\"", listed(i)));
        }
        if let Some(&i) = self.cores.get(&text::core_key(name)) {
            return Some(format!("equals listed \"{}\" up to legal form", listed(i)));
        }
        let words = text::distinctive(name);
        if words.len() < 2 {
            return None;
        }
        let mut common: Option<Vec<u32>> = None;
        for w in &words {
            let list = self.postings.get(w).map(Vec::as_slice).unwrap_or_default();
            common = Some(match common {
                None => list.to_vec(),
                Some(c) => c
                    .into_iter()
                    .filter(|i| list.binary_search(i).is_ok())
                    .collect(),
            });
        }
        let first = *common?.first()?;
        Some(format!(
            "all its distinctive words are in listed \"{}\"",
            listed(first)
        ))
    }
}
