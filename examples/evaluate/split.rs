//! Training and test halves of the parties, so that no party is in both.
//!
//! Two records that share a name after normalisation (the same company on
//! the Entity List and the SDN list, a person with a shared alias) are one
//! party for this purpose: they are joined into one component, and each
//! component goes wholly to one half, by a fixed hash of its first record's
//! list and id. `examples/train` fits the score model on the training half;
//! `examples/evaluate` draws every case from the test half.

// Each example that includes this module uses part of it.
#![allow(dead_code)]

use std::collections::{HashMap, HashSet};

use entity_screen::{Dataset, ListId, Party};

use crate::text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Train,
    Test,
}

/// One half of the parties of a dataset.
pub struct Half {
    keys: HashSet<(ListId, String)>,
    /// Every party's component (its first record's index), for all parties.
    component: HashMap<(ListId, String), usize>,
}

impl Half {
    /// The parties of `ds` on `side`.
    pub fn of(ds: &Dataset, side: Side) -> Half {
        let n = ds.parties.len();
        let mut root: Vec<usize> = (0..n).collect();
        fn find(root: &mut [usize], mut i: usize) -> usize {
            while root[i] != i {
                root[i] = root[root[i]];
                i = root[i];
            }
            i
        }
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (i, p) in ds.parties.iter().enumerate() {
            for name in p.names() {
                let k = text::norm(name);
                if k.is_empty() {
                    continue;
                }
                match by_name.get(&k) {
                    Some(&j) => {
                        let (a, b) = (find(&mut root, i), find(&mut root, j));
                        // The smaller index is the root: the first record.
                        root[a.max(b)] = a.min(b);
                    }
                    None => {
                        by_name.insert(k, i);
                    }
                }
            }
        }
        let mut keys = HashSet::new();
        let mut component = HashMap::new();
        for (i, p) in ds.parties.iter().enumerate() {
            let c = find(&mut root, i);
            component.insert((p.list, p.id.clone()), c);
            let r = &ds.parties[c];
            let h = fnv1a(format!("{}\t{}", r.list.code(), r.id).as_bytes());
            let s = if h & 1 == 0 { Side::Test } else { Side::Train };
            if s == side {
                keys.insert((p.list, p.id.clone()));
            }
        }
        Half { keys, component }
    }

    /// Whether two records share a component: linked by a shared name,
    /// so a name pair between them proves nothing either way.
    pub fn linked(&self, a: (ListId, &str), b: (ListId, &str)) -> bool {
        let c = |k: (ListId, &str)| self.component.get(&(k.0, k.1.to_string())).copied();
        c(a).is_some() && c(a) == c(b)
    }

    pub fn has(&self, p: &Party) -> bool {
        self.keys.contains(&(p.list, p.id.clone()))
    }

    pub fn has_key(&self, list: ListId, id: &str) -> bool {
        self.keys.contains(&(list, id.to_string()))
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
