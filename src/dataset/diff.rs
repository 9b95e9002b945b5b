//! What changed between two datasets, per list: parties added, removed and
//! changed, matched by list and source id. "Changed" means the name, the
//! aliases, the programs or the addresses differ (other fields, such as
//! remarks or URLs, do not count: they change with the file vintage more
//! than with the listing).
//!
//! Ids of lists without source ids are derived from name and address (see
//! `read::derived_id`), so a renamed entry of such a list shows as one
//! removed and one added.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Dataset;
use crate::model::{ListId, Party};

/// One party in a diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    /// For changed parties: which of `name`, `aliases`, `programs`,
    /// `addresses` differ. Absent for added and removed parties.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<&'static str>,
}

/// The changes of one list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListDiff {
    /// The list code.
    pub list: &'static str,
    pub added: Vec<Entry>,
    pub removed: Vec<Entry>,
    pub changed: Vec<Entry>,
}

/// The diff of two datasets: `{"lists": [...]}` in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Every list in either dataset, in [`ListId::ALL`] order.
    pub lists: Vec<ListDiff>,
}

impl Diff {
    /// True when no list has an added, removed or changed party.
    pub fn is_empty(&self) -> bool {
        self.lists
            .iter()
            .all(|l| l.added.is_empty() && l.removed.is_empty() && l.changed.is_empty())
    }
}

fn entry(p: &Party) -> Entry {
    Entry {
        id: p.id.clone(),
        name: p.name.clone(),
        fields: Vec::new(),
    }
}

fn changed_fields(a: &Party, b: &Party) -> Vec<&'static str> {
    let mut v = Vec::new();
    if a.name != b.name {
        v.push("name");
    }
    if a.aliases != b.aliases {
        v.push("aliases");
    }
    if a.programs != b.programs {
        v.push("programs");
    }
    if a.addresses != b.addresses {
        v.push("addresses");
    }
    v
}

/// Compares `old` with `new` (see the module docs). Entries are in the
/// order of their dataset.
pub fn diff(old: &Dataset, new: &Dataset) -> Diff {
    let index = |d: &Dataset| -> BTreeMap<(ListId, String), usize> {
        let mut m = BTreeMap::new();
        for (i, p) in d.parties.iter().enumerate() {
            m.entry((p.list, p.id.clone())).or_insert(i);
        }
        m
    };
    let (io, inew) = (index(old), index(new));
    let mut lists = Vec::new();
    for list in ListId::ALL {
        let in_old = old.lists.iter().any(|l| l.list == list);
        let in_new = new.lists.iter().any(|l| l.list == list);
        if !in_old && !in_new {
            continue;
        }
        let mut d = ListDiff {
            list: list.code(),
            added: Vec::new(),
            removed: Vec::new(),
            changed: Vec::new(),
        };
        for p in new.parties.iter().filter(|p| p.list == list) {
            match io.get(&(list, p.id.clone())) {
                None => d.added.push(entry(p)),
                Some(&i) => {
                    let fields = changed_fields(&old.parties[i], p);
                    if !fields.is_empty() {
                        d.changed.push(Entry { fields, ..entry(p) });
                    }
                }
            }
        }
        for p in old.parties.iter().filter(|p| p.list == list) {
            if !inew.contains_key(&(list, p.id.clone())) {
                d.removed.push(entry(p));
            }
        }
        lists.push(d);
    }
    Diff { lists }
}
