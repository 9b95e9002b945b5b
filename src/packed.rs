//! Strings back to back with their end offsets: one allocation for tens of
//! thousands of short strings, where a `Vec<String>` would make one each.

/// Invariant (kept by [`Packed::push`], the only way in): `ends` is
/// non-decreasing, its last entry is `text.len()`, and every entry is a
/// char boundary of `text`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Packed {
    text: String,
    ends: Vec<u32>,
}

impl Packed {
    pub fn with_capacity(bytes: usize, strings: usize) -> Packed {
        Packed {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(strings),
        }
    }

    /// Appends `s`; its id is the number of strings before it.
    pub fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        self.ends.len() as u32 - 1
    }

    /// String `id` (`""` for an id out of range).
    pub fn get(&self, id: usize) -> &str {
        let Some(&end) = self.ends.get(id) else {
            return "";
        };
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Total bytes of text.
    pub fn bytes(&self) -> usize {
        self.text.len()
    }
}
