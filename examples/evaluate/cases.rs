//! Labelled cases drawn from the lists by rule: held-out aliases and
//! perturbed listed names. Parties are sampled per list, with the list's
//! share growing as the square root of its size, so the SDN list does not
//! crowd out the Entity List and the small lists still get a few cases.

use std::collections::{BTreeMap, HashMap};

use entity_screen::{Dataset, ListId, Party};

use crate::perturb::Kind;
use crate::rng::Rng;
use crate::split::Half;
use crate::text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Set {
    Heldout,
    Perturbed(Kind),
    Innocent,
}

impl Set {
    pub fn label(self) -> &'static str {
        match self {
            Set::Heldout => "heldout",
            Set::Perturbed(k) => k.label(),
            Set::Innocent => "innocent",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Case {
    pub set: Set,
    pub query: String,
    /// The party that must be found (list + id); none for innocent names.
    pub target: Option<(ListId, String)>,
    /// The listed name (or alias) the query was made from.
    pub from: String,
}

/// Splits `total` over pools of the given sizes in proportion to the square
/// root of each size, never giving a pool more than it holds.
pub fn allocate(sizes: &[usize], total: usize) -> Vec<usize> {
    let mut alloc = vec![0; sizes.len()];
    loop {
        let given: usize = alloc.iter().sum();
        let active: Vec<usize> = (0..sizes.len()).filter(|&i| alloc[i] < sizes[i]).collect();
        if given >= total || active.is_empty() {
            return alloc;
        }
        let left = total - given;
        let wsum: f64 = active.iter().map(|&i| (sizes[i] as f64).sqrt()).sum();
        let mut gave = 0;
        for &i in &active {
            let share = (left as f64 * (sizes[i] as f64).sqrt() / wsum).floor() as usize;
            let add = share.min(sizes[i] - alloc[i]);
            alloc[i] += add;
            gave += add;
        }
        if gave == 0 {
            let mut by_size = active.clone();
            by_size.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
            for i in by_size.into_iter().take(left) {
                alloc[i] += 1;
            }
        }
    }
}

/// Party indices grouped by list, each group shuffled, with each group's
/// allocation, followed by the leftovers in one shuffled pool (to make up for
/// groups whose candidates fail).
fn draw(
    ds: &Dataset,
    eligible: impl Fn(usize, &Party) -> bool,
    total: usize,
    rng: &mut Rng,
) -> Vec<usize> {
    let mut pools: BTreeMap<ListId, Vec<usize>> = BTreeMap::new();
    for (i, p) in ds.parties.iter().enumerate() {
        if eligible(i, p) {
            pools.entry(p.list).or_default().push(i);
        }
    }
    let sizes: Vec<usize> = pools.values().map(Vec::len).collect();
    let alloc = allocate(&sizes, total);
    let mut first = Vec::new();
    let mut rest = Vec::new();
    for (pool, n) in pools.values_mut().zip(alloc) {
        rng.shuffle(pool);
        first.extend_from_slice(&pool[..n]);
        rest.extend_from_slice(&pool[n..]);
    }
    rng.shuffle(&mut rest);
    first.extend(rest);
    first
}

/// Aliases that can be held out: real names whose normalised form is not
/// another name of the same party (else the party stays findable verbatim).
/// `twins` are the normalised primary names of the other listings of its
/// cluster, which the held-out copy keeps.
fn holdable(p: &Party, twins: &[String]) -> Vec<usize> {
    let names: Vec<String> = p.names().map(text::norm).collect();
    (1..names.len())
        .filter(|&i| {
            text::is_real_name(&p.aliases[i - 1])
                && !names[i].is_empty()
                && !names
                    .iter()
                    .enumerate()
                    .any(|(j, n)| j != i && *n == names[i])
                && !twins.contains(&names[i])
        })
        .map(|i| i - 1)
        .collect()
}

/// `n` held-out alias cases from the parties of `half`, and a copy of the dataset without those aliases
/// (removed from every record of the target's cluster).
pub fn heldout(ds: &Dataset, n: usize, rng: &mut Rng, half: &Half) -> (Vec<Case>, Dataset) {
    let mut primaries: HashMap<u32, Vec<(usize, String)>> = HashMap::new();
    for (i, p) in ds.parties.iter().enumerate() {
        primaries
            .entry(p.group)
            .or_default()
            .push((i, text::norm(&p.name)));
    }
    let twins = |pi: usize| -> Vec<String> {
        primaries[&ds.parties[pi].group]
            .iter()
            .filter(|(i, _)| *i != pi)
            .map(|(_, n)| n.clone())
            .collect()
    };
    let order = draw(
        ds,
        |i, p| half.has(p) && !holdable(p, &twins(i)).is_empty(),
        n,
        rng,
    );
    let mut cases = Vec::new();
    for &pi in order.iter().take(n) {
        let p = &ds.parties[pi];
        let ai = *rng.pick(&holdable(p, &twins(pi)));
        cases.push(Case {
            set: Set::Heldout,
            query: p.aliases[ai].clone(),
            target: Some((p.list, p.id.clone())),
            from: p.name.clone(),
        });
    }
    let mut removed: HashMap<(ListId, String), Vec<String>> = HashMap::new();
    for c in &cases {
        if let Some(t) = &c.target {
            removed
                .entry(t.clone())
                .or_default()
                .push(text::norm(&c.query));
        }
    }
    // By cluster: the listings the product shows as one result (one
    // party, one result) lose the alias together, else the party would
    // stay findable verbatim through a twin listing (the Entity List files
    // a party under each of its countries, OFAC one ent_num on SDN and SSI).
    let mut by_group: HashMap<u32, Vec<String>> = HashMap::new();
    for p in &ds.parties {
        if let Some(gone) = removed.get(&(p.list, p.id.clone())) {
            by_group
                .entry(p.group)
                .or_default()
                .extend(gone.iter().cloned());
        }
    }
    let mut copy = ds.clone();
    for p in &mut copy.parties {
        if let Some(gone) = by_group.get(&p.group) {
            p.aliases.retain(|a| !gone.contains(&text::norm(a)));
        }
    }
    (cases, copy)
}

/// `n` perturbed-name cases from the parties of `half`, as evenly split over the kinds as the data allow.
pub fn perturbed(ds: &Dataset, n: usize, rng: &Rng, half: &Half) -> Vec<Case> {
    let kinds = Kind::ALL;
    let mut cases = Vec::new();
    for (ki, kind) in kinds.iter().enumerate() {
        let want = n / kinds.len() + usize::from(ki < n % kinds.len());
        let mut rng = rng.fork(kind.label());
        let names_for = |p: &Party| -> Vec<String> {
            p.names()
                .filter(|name| {
                    text::is_real_name(name) && text::is_query_like(name) && kind.applies(p, name)
                })
                .map(str::to_string)
                .collect()
        };
        let order = draw(
            ds,
            |_, p| half.has(p) && !names_for(p).is_empty(),
            want,
            &mut rng,
        );
        let mut got = 0;
        for pi in order {
            if got == want {
                break;
            }
            let p = &ds.parties[pi];
            let names = names_for(p);
            // Mostly the primary name, as people search for what they know.
            let name = if names[0] == p.name && rng.chance(0.75) {
                names[0].clone()
            } else {
                rng.pick(&names).clone()
            };
            if let Some(query) = kind.apply(p, &name, &mut rng) {
                cases.push(Case {
                    set: Set::Perturbed(*kind),
                    query,
                    target: Some((p.list, p.id.clone())),
                    from: name,
                });
                got += 1;
            }
        }
    }
    cases
}
