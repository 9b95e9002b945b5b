//! The plain baseline: Jaro-Winkler (strsim) between the whole lower-cased
//! query and every listed name and alias, brute force; a party scores its
//! best name.
//!
//! Two shortcuts keep it to seconds rather than minutes, without changing a
//! single score or rank: strsim's generic Jaro-Winkler runs on pre-split
//! `char` slices (the same algorithm `strsim::jaro_winkler` runs on `&str`),
//! and names whose length alone caps their score below the current tenth
//! best party are skipped.

use entity_screen::Dataset;

pub struct Baseline {
    /// Names grouped by length in chars: `by_len[l]` = (party, chars).
    by_len: Vec<Vec<(u32, Vec<char>)>>,
    parties: usize,
}

/// The highest Jaro-Winkler two strings of these lengths can reach: at most
/// min(la, lb) characters match, and the prefix bonus is at most 4 × 0.1.
fn bound(la: usize, lb: usize) -> f64 {
    if la == 0 || lb == 0 {
        return if la == lb { 1.0 } else { 0.0 };
    }
    let m = la.min(lb) as f64;
    let j = (m / la as f64 + m / lb as f64 + 1.0) / 3.0;
    if j > 0.7 {
        j + 0.4 * (1.0 - j)
    } else {
        j
    }
}

impl Baseline {
    pub fn new(ds: &Dataset) -> Baseline {
        let mut by_len: Vec<Vec<(u32, Vec<char>)>> = Vec::new();
        for (i, p) in ds.parties.iter().enumerate() {
            for n in p.names() {
                let chars: Vec<char> = n.to_lowercase().chars().collect();
                if by_len.len() <= chars.len() {
                    by_len.resize_with(chars.len() + 1, Vec::new);
                }
                by_len[chars.len()].push((i as u32, chars));
            }
        }
        Baseline {
            by_len,
            parties: ds.parties.len(),
        }
    }

    /// The `k` best parties (index, score), best first; ties in dataset order.
    pub fn top(&self, query: &str, k: usize) -> Vec<(usize, f64)> {
        let q: Vec<char> = query.to_lowercase().chars().collect();
        let mut best = vec![0.0f64; self.parties];
        // The current k best distinct parties, to know when to stop.
        let mut leaders: Vec<(f64, u32)> = Vec::new();
        let mut lengths: Vec<usize> = (0..self.by_len.len()).collect();
        lengths.sort_by(|a, b| bound(q.len(), *b).total_cmp(&bound(q.len(), *a)));
        for len in lengths {
            if leaders.len() >= k && bound(q.len(), len) < leaders[k - 1].0 {
                break;
            }
            for (p, name) in &self.by_len[len] {
                let s = strsim::generic_jaro_winkler(&q, name);
                let b = &mut best[*p as usize];
                if s <= *b {
                    continue;
                }
                *b = s;
                leaders.retain(|l| l.1 != *p);
                let at = leaders.partition_point(|l| l.0 >= s);
                if at < k {
                    leaders.insert(at, (s, *p));
                    leaders.truncate(k);
                }
            }
        }
        let mut order: Vec<usize> = (0..self.parties).collect();
        let k = k.min(order.len());
        if k == 0 {
            return Vec::new();
        }
        let cmp = |a: &usize, b: &usize| best[*b].total_cmp(&best[*a]).then(a.cmp(b));
        order.select_nth_unstable_by(k - 1, cmp);
        order.truncate(k);
        order.sort_by(cmp);
        order.into_iter().map(|i| (i, best[i])).collect()
    }

    /// `top` for many queries, on `threads` threads.
    pub fn top_all(&self, queries: &[&str], k: usize, threads: usize) -> Vec<Vec<(usize, f64)>> {
        let chunk = queries.len().div_ceil(threads.max(1)).max(1);
        std::thread::scope(|s| {
            let handles: Vec<_> = queries
                .chunks(chunk)
                .map(|qs| s.spawn(move || qs.iter().map(|q| self.top(q, k)).collect::<Vec<_>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("baseline thread panicked"))
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_on_chars_equals_jaro_winkler_on_str() {
        let pairs = [
            ("putin vladimir", "vladimir putin"),
            ("nso group", "nso"),
            ("émma", "emma llc"),
            ("", ""),
            ("a", ""),
            ("путин", "putin"),
        ];
        for (a, b) in pairs {
            let ca: Vec<char> = a.chars().collect();
            let cb: Vec<char> = b.chars().collect();
            assert_eq!(
                strsim::jaro_winkler(a, b),
                strsim::generic_jaro_winkler(&ca, &cb)
            );
            assert!(strsim::jaro_winkler(a, b) <= bound(ca.len(), cb.len()) + 1e-12);
        }
    }

    /// The shortcuts change no score and no rank (`cargo test --release
    /// --example evaluate`).
    #[test]
    fn pruned_top_equals_brute_force() {
        let ds = Dataset::embedded().expect("embedded dataset");
        let b = Baseline::new(&ds);
        for q in [
            "Vladimir Putin",
            "nso gr",
            "Water Corporation",
            "Emma Daniels",
            "x",
            "АО Позитив",
        ] {
            let lq = q.to_lowercase();
            let mut best = vec![0.0f64; ds.parties.len()];
            for (i, p) in ds.parties.iter().enumerate() {
                for n in p.names() {
                    best[i] = best[i].max(strsim::jaro_winkler(&lq, &n.to_lowercase()));
                }
            }
            let mut order: Vec<usize> = (0..best.len()).collect();
            order.sort_by(|a, c| best[*c].total_cmp(&best[*a]).then(a.cmp(c)));
            let want: Vec<(usize, f64)> = order[..10].iter().map(|&i| (i, best[i])).collect();
            assert_eq!(b.top(q, 10), want, "{q}");
        }
    }
}
