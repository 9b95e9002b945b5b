//! Evaluates the matcher on labelled cases built from the default dataset's
//! own lists, next to a plain Jaro-Winkler baseline on the same cases.
//!
//! ```text
//! cargo run --release --example evaluate [-- --seed N --heldout N --perturbed N
//!                                            --dataset FILE.esd --no-baseline --threads N]
//! ```
//!
//! Cases (all drawn by rule with a fixed seed, never hand-picked):
//! - held-out aliases: an alias is removed from a copy of the dataset (from
//!   every listing of the party's cluster, and never one that is another
//!   listing's primary name) and used as the query; the party must still be
//!   found (by list + id);
//! - perturbed names: a listed name rewritten the way people mistype, re-spell,
//!   re-order or half-type it (see `perturb.rs` for the kinds);
//! - innocent names (`tests/data/innocent_names.txt`): any match at or above
//!   the threshold is a false hit.
//!
//! Prints recall@1/@10 and the false-hit rate at the default threshold, a
//! threshold sweep, query times, and one summary line per matcher; writes
//! the misses and false hits to `target/eval-failures.txt` and every case to
//! `target/eval-cases.tsv`. The baseline takes minutes on two cores; its
//! outcomes are cached in `target/eval-baseline-cache.tsv`, keyed by the
//! datasets and the cases, so re-running after a matcher change is quick.

mod baseline;
mod cases;
mod innocent;
mod perturb;
mod rng;
mod split;
mod text;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use entity_screen::matcher::DEFAULT_THRESHOLD;
use entity_screen::{Dataset, ListId, Screener, SearchOptions};

use crate::cases::{Case, Set};
use crate::perturb::Kind;

const SWEEP: [f64; 8] = [0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95];
/// Fixed baseline thresholds reported next to its best-F1 threshold.
const BASELINE_FIXED: [f64; 2] = [0.85, 0.90];

struct Args {
    seed: u64,
    heldout: usize,
    perturbed: usize,
    dataset: Option<PathBuf>,
    baseline: bool,
    threads: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        seed: 20_260_401,
        heldout: 600,
        perturbed: 1500,
        dataset: None,
        baseline: true,
        threads: 2,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--seed" => a.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--heldout" => a.heldout = value()?.parse().map_err(|e| format!("--heldout: {e}"))?,
            "--perturbed" => a.perturbed = value()?.parse().map_err(|e| format!("--perturbed: {e}"))?,
            "--threads" => a.threads = value()?.parse().map_err(|e| format!("--threads: {e}"))?,
            "--dataset" => a.dataset = Some(PathBuf::from(value()?)),
            "--no-baseline" => a.baseline = false,
            "-h" | "--help" => {
                return Err("usage: evaluate [--seed N] [--heldout N] [--perturbed N] [--dataset FILE.esd] [--no-baseline] [--threads N]".into())
            }
            other => return Err(format!("unknown argument {other} (try --help)")),
        }
    }
    Ok(a)
}

/// Where one case's target ended up in one ranked result list.
#[derive(Clone, Debug, Default)]
struct Outcome {
    /// 0-based rank of the first result that is the target party.
    pos: Option<usize>,
    target_score: f64,
    /// Score of the first result, if any.
    top_score: Option<f64>,
    /// The first results, described, for the failure report.
    top: Vec<String>,
    panicked: bool,
}

impl Outcome {
    fn found(&self, k: usize, t: f64) -> bool {
        self.pos.is_some_and(|p| p < k) && self.target_score >= t
    }

    fn flagged(&self, t: f64) -> bool {
        self.top_score.is_some_and(|s| s >= t)
    }
}

/// Recall@1, recall@10 over the cases with a target, and the false-hit rate
/// over the innocent ones, at threshold `t`.
#[derive(Clone, Copy, Default)]
struct Rates {
    n: usize,
    r1: f64,
    r10: f64,
    false_hit: f64,
}

fn rates<'a>(items: impl Iterator<Item = (&'a Case, &'a Outcome)>, t: f64) -> Rates {
    let (mut n, mut h1, mut h10, mut neg, mut fh) = (0, 0, 0, 0, 0);
    for (c, o) in items {
        if c.target.is_some() {
            n += 1;
            h1 += usize::from(o.found(1, t));
            h10 += usize::from(o.found(10, t));
        } else {
            neg += 1;
            fh += usize::from(o.flagged(t));
        }
    }
    let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    Rates {
        n: n.max(neg),
        r1: div(h1, n),
        r10: div(h10, n),
        false_hit: div(fh, neg),
    }
}

/// F1 of perturbed-name recall@10 against the innocent false-hit rate, with
/// precision taken as if innocent and listed queries were equally many:
/// P = R / (R + false-hit rate).
fn f1(recall: f64, false_hit: f64) -> f64 {
    if recall == 0.0 {
        return 0.0;
    }
    let p = recall / (recall + false_hit);
    2.0 * p * recall / (p + recall)
}

struct Eval<'a> {
    cases: &'a [Case],
    outcomes: &'a [Outcome],
}

impl Eval<'_> {
    fn of(&self, pred: impl Fn(&Case) -> bool, t: f64) -> Rates {
        rates(
            self.cases
                .iter()
                .zip(self.outcomes)
                .filter(|(c, _)| pred(c)),
            t,
        )
    }
    fn perturbed(&self, t: f64) -> Rates {
        self.of(|c| matches!(c.set, Set::Perturbed(_)), t)
    }
    fn heldout(&self, t: f64) -> Rates {
        self.of(|c| c.set == Set::Heldout, t)
    }
    fn innocent(&self, t: f64) -> Rates {
        self.of(|c| c.set == Set::Innocent, t)
    }
    fn f1(&self, t: f64) -> f64 {
        f1(self.perturbed(t).r10, self.innocent(t).false_hit)
    }
    /// The threshold in 0.50..=0.99 (step 0.01) with the best F1.
    fn best_threshold(&self) -> f64 {
        (50..100)
            .map(|i| i as f64 / 100.0)
            .fold((0.5, -1.0), |best, t| {
                let f = self.f1(t);
                if f > best.1 {
                    (t, f)
                } else {
                    best
                }
            })
            .0
    }
    /// Pairwise view: every case gives one pair, its query and its first
    /// result. A pair at or above `t` is a predicted match; it is right
    /// when the result is the case's target party (innocent names have
    /// none). Precision, recall and F1 over those pairs.
    fn pairwise(&self, t: f64) -> (f64, f64, f64) {
        let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
        for (c, o) in self.cases.iter().zip(self.outcomes) {
            let hit = o.top_score.is_some_and(|s| s >= t);
            let right = c.target.is_some() && o.pos == Some(0) && o.target_score >= t;
            if right {
                tp += 1;
            } else {
                fp += usize::from(hit);
                fn_ += usize::from(c.target.is_some());
            }
        }
        let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (div(tp, tp + fp), div(tp, tp + fn_));
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f1)
    }

    /// What a score means: of the first results scoring in each band, the
    /// share that were the case's target party.
    fn score_bands(&self) -> Vec<(f64, usize, f64)> {
        [0.75, 0.80, 0.85, 0.90, 0.95, 1.0]
            .iter()
            .map(|&lo| {
                let (mut n, mut right) = (0usize, 0usize);
                for (c, o) in self.cases.iter().zip(self.outcomes) {
                    if o.top_score.is_some_and(|s| s >= lo) {
                        n += 1;
                        right += usize::from(c.target.is_some() && o.pos == Some(0));
                    }
                }
                (lo, n, if n == 0 { 0.0 } else { right as f64 / n as f64 })
            })
            .collect()
    }

    fn summary(&self, who: &str, t: f64, note: &str) -> String {
        let (p, h, i) = (self.perturbed(t), self.heldout(t), self.innocent(t));
        format!(
            "{who:<8} perturbed r@1={:.2} r@10={:.2}  heldout r@1={:.2} r@10={:.2}  innocent false-hit={:.1}%  ({note})",
            p.r1,
            p.r10,
            h.r1,
            h.r10,
            100.0 * i.false_hit
        )
    }
}

fn is_target(target: &Option<(ListId, String)>, list: &str, id: &str) -> bool {
    target
        .as_ref()
        .is_some_and(|(l, i)| l.code() == list && i == id)
}

fn run_matcher(
    full: &Screener,
    held: &Screener,
    cases: &[Case],
    floor: f64,
) -> (Vec<Outcome>, Vec<Duration>) {
    let opts = SearchOptions {
        limit: 10,
        threshold: floor,
        ..SearchOptions::default()
    };
    let mut outcomes = Vec::with_capacity(cases.len());
    let mut times = Vec::with_capacity(cases.len());
    for c in cases {
        let screener = if c.set == Set::Heldout { held } else { full };
        // A half-typed name is what search-as-you-type sees; everything else
        // is screened as a complete name.
        let opts = SearchOptions {
            prefix: c.set == Set::Perturbed(Kind::Prefix),
            ..opts.clone()
        };
        let start = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| screener.search(&c.query, &opts)));
        times.push(start.elapsed());
        let Ok(matches) = result else {
            outcomes.push(Outcome {
                panicked: true,
                ..Outcome::default()
            });
            continue;
        };
        let mut o = Outcome {
            top_score: matches.first().map(|m| m.score),
            ..Outcome::default()
        };
        if let Some(pos) = matches
            .iter()
            // One party, one result: the target listing may be any of the
            // result's lists (an SSI case found as the party's SDN result).
            .position(|m| m.lists.iter().any(|l| is_target(&c.target, l.code, l.id)))
        {
            let scores: Vec<f64> = matches.iter().map(|m| m.score).collect();
            o.pos = Some(tie_rank(&scores, pos));
            o.target_score = matches[pos].score;
        }
        o.top = matches
            .iter()
            .take(3)
            .map(|m| {
                let via = if m.matched_alias {
                    format!(" via \"{}\"", m.matched_name)
                } else {
                    String::new()
                };
                format!("{:.3} {} [{} {}]{via}", m.score, m.name, m.source, m.id)
            })
            .collect();
        outcomes.push(o);
    }
    (outcomes, times)
}

/// The target's rank counting only results that score strictly higher: a
/// tie with an identical record on another list (the same company on the
/// Entity List and the Unverified List, an OFAC ent_num on SDN and SSI) is
/// not a miss, for the matcher and the baseline alike.
fn tie_rank(scores: &[f64], pos: usize) -> usize {
    scores.iter().filter(|s| **s > scores[pos]).count()
}

/// Scores at the matcher's resolution (it reports three decimals), so that
/// ties are judged the same way for both.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn run_baseline(full: &Dataset, held: &Dataset, cases: &[Case], threads: usize) -> Vec<Outcome> {
    let mut outcomes = vec![Outcome::default(); cases.len()];
    for (ds, want_held) in [(full, false), (held, true)] {
        let b = baseline::Baseline::new(ds);
        let idx: Vec<usize> = (0..cases.len())
            .filter(|&i| (cases[i].set == Set::Heldout) == want_held)
            .collect();
        let queries: Vec<&str> = idx.iter().map(|&i| cases[i].query.as_str()).collect();
        for (&i, top) in idx.iter().zip(b.top_all(&queries, 10, threads)) {
            let c = &cases[i];
            let o = &mut outcomes[i];
            let scores: Vec<f64> = top.iter().map(|t| round3(t.1)).collect();
            o.top_score = scores.first().copied();
            if let Some(pos) = top.iter().position(|(p, _)| {
                let p = &ds.parties[*p];
                is_target(&c.target, p.list.code(), &p.id)
            }) {
                o.pos = Some(tie_rank(&scores, pos));
                o.target_score = scores[pos];
            }
        }
    }
    outcomes
}

/// A fingerprint of everything the baseline's outcomes depend on: both
/// datasets' names and the cases (FNV-1a, 64 bits).
fn baseline_key(full: &Dataset, held: &Dataset, cases: &[Case]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| {
        for b in s.bytes().chain([0xff]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed("baseline v1");
    for ds in [full, held] {
        for p in &ds.parties {
            feed(p.list.code());
            feed(&p.id);
            p.names().for_each(&mut feed);
        }
    }
    for c in cases {
        feed(c.set.label());
        feed(&c.query);
        if let Some((l, id)) = &c.target {
            feed(l.code());
            feed(id);
        }
    }
    format!("{h:016x}")
}

/// Baseline outcomes from `target/eval-baseline-cache.tsv` when it was made
/// for exactly these datasets and cases (the baseline takes minutes and
/// does not change when the matcher does), else computed and cached.
fn baseline_cached(
    root: &std::path::Path,
    full: &Dataset,
    held: &Dataset,
    cases: &[Case],
    threads: usize,
) -> (Vec<Outcome>, Option<Duration>) {
    let path = root.join("target/eval-baseline-cache.tsv");
    let key = baseline_key(full, held, cases);
    let parse = |text: &str| -> Option<Vec<Outcome>> {
        let mut lines = text.lines();
        if lines.next()? != format!("key\t{key}") {
            return None;
        }
        let num = |s: &str| -> Option<Option<f64>> {
            if s == "-" {
                Some(None)
            } else {
                s.parse().ok().map(Some)
            }
        };
        let out: Vec<Outcome> = lines
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                if f.len() != 3 {
                    return None;
                }
                Some(Outcome {
                    pos: num(f[0])?.map(|p| p as usize),
                    target_score: num(f[1])?.unwrap_or(0.0),
                    top_score: num(f[2])?,
                    ..Outcome::default()
                })
            })
            .collect::<Option<_>>()?;
        (out.len() == cases.len()).then_some(out)
    };
    if let Some(out) = std::fs::read_to_string(&path)
        .ok()
        .as_deref()
        .and_then(parse)
    {
        return (out, None);
    }
    let start = Instant::now();
    let out = run_baseline(full, held, cases, threads);
    let took = start.elapsed();
    let mut text = format!("key\t{key}\n");
    for o in &out {
        let opt = |v: Option<f64>| v.map_or("-".to_string(), |x| x.to_string());
        let _ = writeln!(
            text,
            "{}\t{}\t{}",
            opt(o.pos.map(|p| p as f64)),
            o.target_score,
            opt(o.top_score)
        );
    }
    let _ = std::fs::create_dir_all(root.join("target"));
    let _ = std::fs::write(&path, text);
    (out, Some(took))
}

fn percentile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dataset = match &args.dataset {
        Some(path) => std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|b| Dataset::from_bytes(&b).map_err(|e| e.to_string())),
        None => Dataset::embedded().map_err(|e| e.to_string()),
    };
    let dataset = dataset.unwrap_or_else(|e| {
        eprintln!("cannot load the dataset: {e}");
        std::process::exit(1);
    });

    // ---- cases
    let seed = rng::Rng::new(args.seed);
    // Only parties the score model was not fitted on (examples/train).
    let test = split::Half::of(&dataset, split::Side::Test);
    let (mut all, held_ds) =
        cases::heldout(&dataset, args.heldout, &mut seed.fork("heldout"), &test);
    all.extend(cases::perturbed(
        &dataset,
        args.perturbed,
        &seed.fork("perturbed"),
        &test,
    ));
    let innocent_path = root.join("tests/data/innocent_names.txt");
    let innocent_names = innocent::load(&innocent_path).unwrap_or_else(|e| {
        eprintln!("cannot read {}: {e}", innocent_path.display());
        std::process::exit(1);
    });
    let checker = innocent::Checker::new(&dataset);
    let mut set_aside = Vec::new();
    for name in &innocent_names {
        match checker.conflict(name) {
            Some(why) => set_aside.push(format!("{name}\t{why}")),
            None => all.push(Case {
                set: Set::Innocent,
                query: name.clone(),
                target: None,
                from: String::new(),
            }),
        }
    }

    // ---- runs
    let t0 = Instant::now();
    let full = Screener::new(dataset.clone());
    let build_time = t0.elapsed();
    let held = Screener::new(held_ds.clone());
    let floor = SWEEP[0].min(DEFAULT_THRESHOLD);
    let (m_out, mut times) = run_matcher(&full, &held, &all, floor);
    times.sort();
    let b_out = args
        .baseline
        .then(|| baseline_cached(&root, &dataset, &held_ds, &all, args.threads));

    // ---- report
    let m = Eval {
        cases: &all,
        outcomes: &m_out,
    };
    let b = b_out.as_ref().map(|(o, _)| Eval {
        cases: &all,
        outcomes: o,
    });
    let b_best = b.as_ref().map_or(0.85, Eval::best_threshold);
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "Matcher evaluation on \"{}\" ({} parties), seed {}",
        dataset.label,
        dataset.parties.len(),
        args.seed
    );
    let mut per_list: BTreeMap<ListId, usize> = BTreeMap::new();
    for c in all.iter().filter(|c| c.set == Set::Heldout) {
        if let Some((l, _)) = &c.target {
            *per_list.entry(*l).or_default() += 1;
        }
    }
    let lists: Vec<String> = per_list
        .iter()
        .map(|(l, n)| format!("{} {n}", l.code()))
        .collect();
    let count = |s: &dyn Fn(&Case) -> bool| all.iter().filter(|c| s(c)).count();
    let _ = writeln!(
        w,
        "cases: {} held-out aliases ({}); {} perturbed names ({} kinds); {} innocent names ({} of {} in the file set aside as listed)",
        count(&|c| c.set == Set::Heldout),
        lists.join(", "),
        count(&|c| matches!(c.set, Set::Perturbed(_))),
        Kind::ALL.len(),
        count(&|c| c.set == Set::Innocent),
        set_aside.len(),
        innocent_names.len()
    );
    let panics = m_out.iter().filter(|o| o.panicked).count();
    if panics > 0 {
        let _ = writeln!(
            w,
            "!! the matcher PANICKED on {panics} queries (see target/eval-failures.txt)"
        );
    }
    let _ = write!(w, "matcher: default threshold {DEFAULT_THRESHOLD:.2}");
    if b.is_some() {
        let _ = write!(
            w,
            "; baseline: Jaro-Winkler (strsim) on whole lower-cased names, brute force, at its best-F1 threshold {b_best:.2}"
        );
    }
    let _ = writeln!(
        w,
        "\nr@k: the target party (list + id) is among the first k results at or above the threshold (equal scores count in its favour)\n"
    );

    // Per kind, at the operating points.
    let (b_head, b_cols) = match &b {
        Some(_) => (
            format!("   {:>13}", format!("baseline {b_best:.2}")),
            format!("   {:>6}{:>7}", "r@1", "r@10"),
        ),
        None => (String::new(), String::new()),
    };
    let _ = writeln!(
        w,
        "{:<22}{:>6}   {:>13}{b_head}",
        "",
        "",
        format!("matcher {DEFAULT_THRESHOLD:.2}")
    );
    let _ = writeln!(
        w,
        "{:<22}{:>6}   {:>6}{:>7}{b_cols}",
        "set", "n", "r@1", "r@10"
    );
    let row = |w: &mut String, label: &str, pred: &dyn Fn(&Case) -> bool| {
        let mr = m.of(pred, DEFAULT_THRESHOLD);
        let _ = write!(w, "{label:<22}{:>6}   {:>6.2}{:>7.2}", mr.n, mr.r1, mr.r10);
        if let Some(b) = &b {
            let br = b.of(pred, b_best);
            let _ = write!(w, "   {:>6.2}{:>7.2}", br.r1, br.r10);
        }
        let _ = writeln!(w);
    };
    for kind in Kind::ALL {
        row(w, kind.label(), &|c| c.set == Set::Perturbed(kind));
    }
    row(w, "perturbed (all)", &|c| {
        matches!(c.set, Set::Perturbed(_))
    });
    for list in per_list.keys() {
        let label = format!("heldout {}", list.code());
        row(w, &label, &|c| {
            c.set == Set::Heldout && c.target.as_ref().is_some_and(|t| t.0 == *list)
        });
    }
    row(w, "heldout (all)", &|c| c.set == Set::Heldout);
    let mi = m.innocent(DEFAULT_THRESHOLD);
    let _ = write!(
        w,
        "{:<22}{:>6}   {:>12.1}%",
        "innocent false-hit",
        mi.n,
        100.0 * mi.false_hit
    );
    if let Some(b) = &b {
        let _ = write!(w, "   {:>12.1}%", 100.0 * b.innocent(b_best).false_hit);
    }
    // The widget searches as the reader types (prefix mode, its default),
    // where the rest of a listed name counts as not typed yet: the same
    // innocent names searched that way, for information.
    let typed = SearchOptions {
        limit: 1,
        prefix: true,
        ..SearchOptions::default()
    };
    let innocents: Vec<&Case> = all.iter().filter(|c| c.set == Set::Innocent).collect();
    let typed_hits = innocents
        .iter()
        .filter(|c| !full.search(&c.query, &typed).is_empty())
        .count();
    let _ = write!(
        w,
        "\n{:<22}{:>6}   {:>12.1}%   (informational: searched as typed, prefix mode, as the widget does)",
        "innocent, as typed",
        innocents.len(),
        100.0 * typed_hits as f64 / innocents.len().max(1) as f64
    );
    let _ = writeln!(w, "\n");

    // Threshold sweep.
    let _ = writeln!(
        w,
        "Threshold sweep (r@10; false-hit = innocent names with any match >= t; F1 = perturbed r@10 vs false-hit, equal prevalence)"
    );
    let _ = writeln!(
        w,
        "{:>5}  {:>9}{:>9}{:>10}{:>7}  | baseline {:>9}{:>9}{:>10}{:>7}",
        "t", "pert", "heldout", "false-hit", "F1", "pert", "heldout", "false-hit", "F1"
    );
    let mut ts: Vec<f64> = SWEEP.to_vec();
    for t in [DEFAULT_THRESHOLD, b_best] {
        if !ts.iter().any(|x| (x - t).abs() < 1e-9) {
            ts.push(t);
        }
    }
    ts.sort_by(f64::total_cmp);
    for t in ts {
        let mark = if (t - DEFAULT_THRESHOLD).abs() < 1e-9 {
            '*'
        } else {
            ' '
        };
        let _ = write!(
            w,
            "{t:>5.2}{mark} {:>9.3}{:>9.3}{:>9.1}%{:>7.3}",
            m.perturbed(t).r10,
            m.heldout(t).r10,
            100.0 * m.innocent(t).false_hit,
            m.f1(t)
        );
        if let Some(b) = &b {
            let _ = write!(
                w,
                "  | {:>17.3}{:>9.3}{:>9.1}%{:>7.3}",
                b.perturbed(t).r10,
                b.heldout(t).r10,
                100.0 * b.innocent(t).false_hit,
                b.f1(t)
            );
        }
        let _ = writeln!(w);
    }
    let _ = writeln!(
        w,
        "(* the default threshold; matcher best F1 at {:.2}; matcher queried with threshold {floor:.2}, limit 10,\n prefix mode (search-as-you-type) for the prefix cases only)\n",
        m.best_threshold()
    );

    let _ = writeln!(
        w,
        "Time (informational): matcher index build {:.2} s; query median {:.0} µs, p99 {:.0} µs, max {:.0} µs over {} queries{}\n",
        build_time.as_secs_f64(),
        percentile(&times, 0.5).as_secs_f64() * 1e6,
        percentile(&times, 0.99).as_secs_f64() * 1e6,
        times.last().copied().unwrap_or_default().as_secs_f64() * 1e6,
        times.len(),
        b_out
            .as_ref()
            .map(|(_, d)| match d {
                Some(d) => format!(
                    "; baseline brute force {:.1} s on {} threads (cached for the next run)",
                    d.as_secs_f64(),
                    args.threads
                ),
                None => "; baseline read from target/eval-baseline-cache.tsv".to_string(),
            })
            .unwrap_or_default()
    );

    let (pp, pr, pf) = m.pairwise(DEFAULT_THRESHOLD);
    let _ = writeln!(
        w,
        "Pairwise (each case's query and first result; a match when >= {DEFAULT_THRESHOLD:.2}; right when it is the target party): P={pp:.3} R={pr:.3} F1={pf:.3}"
    );
    let bands: Vec<String> = m
        .score_bands()
        .into_iter()
        .map(|(lo, n, share)| format!(">={lo:.2}: {share:.3} of {n}"))
        .collect();
    let _ = writeln!(
        w,
        "What a score means (first results at or above the score that were the target party): {}\n",
        bands.join(", ")
    );
    let _ = writeln!(
        w,
        "{}",
        m.summary(
            "matcher",
            DEFAULT_THRESHOLD,
            &format!("default threshold {DEFAULT_THRESHOLD:.2}")
        )
    );
    if let Some(b) = &b {
        let _ = writeln!(
            w,
            "{}",
            b.summary(
                "baseline",
                b_best,
                &format!("Jaro-Winkler >= {b_best:.2}, its best F1")
            )
        );
        for t in BASELINE_FIXED {
            let _ = writeln!(
                w,
                "{}",
                b.summary("baseline", t, &format!("Jaro-Winkler >= {t:.2}"))
            );
        }
    }
    print!("{out}");

    write_files(&root, &all, &m_out, &set_aside);
}

/// Cases and the matcher's failures at the default threshold, for diagnosis.
fn write_files(root: &std::path::Path, all: &[Case], outcomes: &[Outcome], set_aside: &[String]) {
    let dir = root.join("target");
    let _ = std::fs::create_dir_all(&dir);
    let mut tsv = String::from("set\tquery\ttarget\tfrom\n");
    for c in all {
        let target = c
            .target
            .as_ref()
            .map(|(l, i)| format!("{} {i}", l.code()))
            .unwrap_or_default();
        let _ = writeln!(tsv, "{}\t{}\t{target}\t{}", c.set.label(), c.query, c.from);
    }
    let mut f = String::new();
    let _ = writeln!(
        f,
        "Matcher failures at the default threshold {DEFAULT_THRESHOLD:.2}\n"
    );
    let describe = |c: &Case, o: &Outcome| {
        let target = c
            .target
            .as_ref()
            .map(|(l, i)| format!("{} {i}", l.code()))
            .unwrap_or_default();
        let where_ = match o.pos {
            _ if o.panicked => "PANIC".to_string(),
            Some(p) => format!("rank {} score {:.3}", p + 1, o.target_score),
            None => "not in the top 10".to_string(),
        };
        format!(
            "[{}] {:?}  <- {:?} [{target}]: {where_}\n      top: {}\n",
            c.set.label(),
            c.query,
            c.from,
            if o.top.is_empty() {
                "(nothing)".to_string()
            } else {
                o.top.join(" | ")
            }
        )
    };
    let pairs: Vec<(&Case, &Outcome)> = all.iter().zip(outcomes).collect();
    let _ = writeln!(f, "== Panics");
    for (c, o) in pairs.iter().filter(|(_, o)| o.panicked) {
        f.push_str(&describe(c, o));
    }
    let _ = writeln!(f, "\n== Perturbed names not found in the top 10");
    for (c, o) in &pairs {
        if matches!(c.set, Set::Perturbed(_)) && !o.found(10, DEFAULT_THRESHOLD) {
            f.push_str(&describe(c, o));
        }
    }
    let _ = writeln!(f, "\n== Perturbed names found, but not first");
    for (c, o) in &pairs {
        if matches!(c.set, Set::Perturbed(_))
            && o.found(10, DEFAULT_THRESHOLD)
            && !o.found(1, DEFAULT_THRESHOLD)
        {
            f.push_str(&describe(c, o));
        }
    }
    let _ = writeln!(f, "\n== Innocent names with a match (highest score first)");
    let mut hits: Vec<&(&Case, &Outcome)> = pairs
        .iter()
        .filter(|(c, o)| c.set == Set::Innocent && o.flagged(DEFAULT_THRESHOLD))
        .collect();
    hits.sort_by(|a, b| {
        b.1.top_score
            .unwrap_or(0.0)
            .total_cmp(&a.1.top_score.unwrap_or(0.0))
    });
    for (c, o) in hits {
        f.push_str(&describe(c, o));
    }
    let _ = writeln!(f, "\n== Held-out aliases not found in the top 10");
    for (c, o) in &pairs {
        if c.set == Set::Heldout && !o.found(10, DEFAULT_THRESHOLD) {
            f.push_str(&describe(c, o));
        }
    }
    let _ = writeln!(f, "\n== Innocent names set aside as listed");
    for s in set_aside {
        let _ = writeln!(f, "{s}");
    }
    for (name, body) in [("eval-failures.txt", f), ("eval-cases.tsv", tsv)] {
        let path = dir.join(name);
        match std::fs::write(&path, body) {
            Ok(()) => eprintln!("wrote {}", path.display()),
            Err(e) => eprintln!("cannot write {}: {e}", path.display()),
        }
    }
}
