//! Exports what the browser benchmark (`scripts/bench-browser`) needs from a
//! dataset, so the JS side never parses the dataset format itself:
//! every name and alias with the party it belongs to, and a fixed-seed set of
//! perturbed listed names (the evaluation's own perturbation code, included
//! from `examples/evaluate/` unchanged) with the party each must find.
//!
//! ```text
//! cargo run --release --example bench_cases -- [--dataset FILE.esd] [--perturbed N]
//!                                               [--seed N] --out DIR
//! ```
//!
//! Writes `DIR/cases.json` and `DIR/names.json` (the same names without the
//! queries, for the cold-start page of a peer engine). Shapes:
//!
//! ```text
//! names.json  {"label": str, "parties": [[list, id], ...],
//!              "names": [[party, name], ...]}
//! cases.json  names.json's fields plus "seed": n,
//!              "queries": [{"q": str, "target": party, "kind": str, "prefix": bool}],
//!              "innocent": [str, ...]
//! ```
//!
//! `innocent` is `tests/data/innocent_names.txt` less the names the
//! evaluation sets aside as actually listed (its own check): a result for
//! one of them is a false hit.
//!
//! A party is a distinct (list code, id) pair, its number the index in
//! `parties`; a result "finds" the target when its list code and id are that
//! pair, exactly as `examples/evaluate` counts a hit.

// The evaluation's modules, shared with the other benchmark (see
// `examples/evaluate/shared.rs`); the modules' own `crate::` paths resolve
// through this `use`.
#[path = "../evaluate/shared.rs"]
mod shared;
use shared::{cases, innocent, perturb, rng, split, text};

use std::collections::HashMap;
use std::path::PathBuf;

use entity_screen::Dataset;
use serde_json::{json, Value};

use crate::cases::Set;
use crate::perturb::Kind;

struct Args {
    dataset: Option<PathBuf>,
    perturbed: usize,
    seed: u64,
    out: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        dataset: None,
        perturbed: 1000,
        // The evaluation's default seed: the same draw of parties.
        seed: 20_260_401,
        out: PathBuf::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--dataset" => a.dataset = Some(PathBuf::from(value()?)),
            "--perturbed" => {
                a.perturbed = value()?.parse().map_err(|e| format!("--perturbed: {e}"))?
            }
            "--seed" => a.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => a.out = PathBuf::from(value()?),
            "-h" | "--help" => {
                return Err(
                    "usage: bench_cases [--dataset FILE.esd] [--perturbed N] [--seed N] --out DIR"
                        .into(),
                )
            }
            other => return Err(format!("unknown argument {other} (try --help)")),
        }
    }
    if a.out.as_os_str().is_empty() {
        return Err("--out DIR is required".into());
    }
    Ok(a)
}

fn main() {
    let args = parse_args().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2);
    });
    let dataset = match &args.dataset {
        Some(path) => std::fs::read(path)
            .map_err(|e| format!("{}: {e}", path.display()))
            .and_then(|b| Dataset::from_bytes(&b).map_err(|e| e.to_string())),
        None => Dataset::embedded().map_err(|e| e.to_string()),
    }
    .unwrap_or_else(|e| {
        eprintln!("cannot load the dataset: {e}");
        std::process::exit(1);
    });

    let mut party_of: HashMap<(&str, &str), usize> = HashMap::new();
    let mut parties: Vec<Value> = Vec::new();
    let mut names: Vec<Value> = Vec::new();
    for p in &dataset.parties {
        let key = (p.list.code(), p.id.as_str());
        let n = *party_of.entry(key).or_insert_with(|| {
            parties.push(json!([key.0, key.1]));
            parties.len() - 1
        });
        for name in p.names() {
            names.push(json!([n, name]));
        }
    }

    let seed = rng::Rng::new(args.seed);
    // The evaluation's test half: parties the score model was not fitted on.
    let test = split::Half::of(&dataset, split::Side::Test);
    let queries: Vec<Value> =
        cases::perturbed(&dataset, args.perturbed, &seed.fork("perturbed"), &test)
            .into_iter()
            .map(|c| {
                let (list, id) = c.target.as_ref().expect("perturbed cases have a target");
                let kind = match c.set {
                    Set::Perturbed(k) => k,
                    _ => unreachable!("cases::perturbed makes perturbed cases only"),
                };
                json!({
                    "q": c.query,
                    "target": party_of[&(list.code(), id.as_str())],
                    "kind": kind.label(),
                    // As in the evaluation: a half-typed name is searched as
                    // search-as-you-type, the rest as complete names.
                    "prefix": kind == Kind::Prefix,
                })
            })
            .collect();

    let innocent_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/innocent_names.txt");
    let checker = innocent::Checker::new(&dataset);
    let innocent: Vec<String> = innocent::load(&innocent_path)
        .unwrap_or_else(|e| {
            eprintln!("cannot read {}: {e}", innocent_path.display());
            std::process::exit(1);
        })
        .into_iter()
        .filter(|name| checker.conflict(name).is_none())
        .collect();

    let mut doc = json!({ "label": dataset.label, "parties": parties, "names": names });
    std::fs::create_dir_all(&args.out).unwrap_or_else(|e| {
        eprintln!("cannot create {}: {e}", args.out.display());
        std::process::exit(1);
    });
    let write = |file: &str, v: &Value| {
        let path = args.out.join(file);
        std::fs::write(&path, serde_json::to_vec(v).expect("JSON of plain values")).unwrap_or_else(
            |e| {
                eprintln!("cannot write {}: {e}", path.display());
                std::process::exit(1);
            },
        );
        path
    };
    let names_path = write("names.json", &doc);
    doc["seed"] = json!(args.seed);
    let n_queries = queries.len();
    doc["queries"] = Value::Array(queries);
    let n_innocent = innocent.len();
    doc["innocent"] = json!(innocent);
    let cases_path = write("cases.json", &doc);
    eprintln!(
        "{} parties, {} names, {n_queries} perturbed queries (seed {}), {n_innocent} innocent names: {}, {}",
        parties_len(&doc),
        doc["names"].as_array().map_or(0, Vec::len),
        args.seed,
        names_path.display(),
        cases_path.display()
    );
}

fn parties_len(doc: &Value) -> usize {
    doc["parties"].as_array().map_or(0, Vec::len)
}
