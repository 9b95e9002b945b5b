//! The plain baseline: Jaro-Winkler (strsim) between the whole lower-cased
//! query and every listed name and alias, brute force; a party scores its
//! best name.

use entity_screen::Dataset;

pub struct Baseline {
    /// (party index, lower-cased name), every name and alias.
    names: Vec<(u32, String)>,
    parties: usize,
}

impl Baseline {
    pub fn new(ds: &Dataset) -> Baseline {
        let names = ds
            .parties
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.names().map(move |n| (i as u32, n.to_lowercase())))
            .collect();
        Baseline {
            names,
            parties: ds.parties.len(),
        }
    }

    /// The `k` best parties (index, score), best first; ties in dataset order.
    pub fn top(&self, query: &str, k: usize) -> Vec<(usize, f64)> {
        let q = query.to_lowercase();
        let mut best = vec![0.0f64; self.parties];
        for (p, n) in &self.names {
            let s = strsim::jaro_winkler(&q, n);
            let b = &mut best[*p as usize];
            if s > *b {
                *b = s;
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
