//! Builds datasets from official files (native only, feature `build`).
//!
//! Sources come in *groups*: files read together that cover some lists (a CSL
//! `consolidated.csv` covers all 13; an OFAC SDN set covers SDN; an OFAC
//! non-SDN set covers SSI, PLC, CMIC, CAP, MBS and FSE; a JSON extraction
//! covers its one list). For each list the group with the newest "as of"
//! wins (the first given on a tie); the rows other groups have for that list
//! are reported as skipped, "superseded by newer file ...". A list a group
//! covers is taken from it even when it has no rows there: a newer file
//! without a party means the party was removed.
//!
//! A group's "as of" is the oldest date of its files: the date in the file
//! name (`sdn_2024-05-03.csv`, `cons_prim_2025-12.csv`) or, for official
//! names without one (`sdn.csv`), the file's modification date (UTC).
//!
//! [`build_default`] builds the bundled default from `data/sources`;
//! [`build`] builds from any mix of CSL files and OFAC directories.
//! Both are deterministic: the same input files give the same bytes (no
//! timestamps, no hash-map order; parties in [`ListId::ALL`] order, then in
//! source order).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use super::Dataset;
use crate::model::{ListId, ListInfo, SourceFile};
use crate::read::json::JoinReport;
use crate::read::{self, FileTally, ReadError, ReadOutput, Skipped};

/// The label of the bundled default dataset.
pub const DEFAULT_LABEL: &str = "US CSL default (data/sources)";

/// Why a build failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    /// A source file could not be read or is not of the expected kind.
    Read(ReadError),
    /// A source file of the default dataset is missing.
    MissingSource { path: String },
    /// No input files were given.
    NoInput,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Read(e) => write!(f, "{e}"),
            BuildError::MissingSource { path } => write!(
                f,
                "{path}: source file missing; the default dataset is built from data/sources (see data/README.md)"
            ),
            BuildError::NoInput => write!(f, "no input files given (use --csl FILE or --ofac-dir DIR)"),
        }
    }
}

impl std::error::Error for BuildError {}

impl From<ReadError> for BuildError {
    fn from(e: ReadError) -> Self {
        BuildError::Read(e)
    }
}

/// What a build read, kept and skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildReport {
    /// Row accounting per input file, as read.
    pub files: Vec<FileTally>,
    /// Every row not in the dataset, with its reason: those the readers
    /// skipped, then those superseded by a newer file or not selected.
    pub skipped: Vec<Skipped>,
    /// The Entity List join, when the build made one.
    pub el_join: Option<JoinReport>,
}

impl BuildReport {
    /// Skipped rows grouped by reason: (reason, count), by descending count.
    pub fn skipped_by_reason(&self) -> Vec<(String, usize)> {
        let mut m: BTreeMap<&str, usize> = BTreeMap::new();
        for s in &self.skipped {
            *m.entry(s.reason.as_str()).or_default() += 1;
        }
        let mut v: Vec<(String, usize)> = m.into_iter().map(|(r, n)| (r.to_string(), n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }
}

/// Files read together, and the lists they cover.
struct Group {
    /// File names for messages, e.g. `sdn_2024-05-03.csv + sdn_alt_2025-12.csv`.
    name: String,
    files: Vec<SourceFile>,
    as_of: String,
    covers: Vec<ListId>,
    out: ReadOutput,
}

impl Group {
    fn new(paths: &[&Path], covers: Vec<ListId>, out: ReadOutput) -> Result<Group, BuildError> {
        let mut files = Vec::new();
        for p in paths {
            files.push(source_file(p)?);
        }
        let as_of = files
            .iter()
            .map(|f| f.as_of.clone())
            .min()
            .unwrap_or_default();
        let name = files.first().map(|f| f.name.clone()).unwrap_or_default();
        Ok(Group {
            name,
            files,
            as_of,
            covers,
            out,
        })
    }
}

/// Name, sha256 and "as of" of a source file.
pub fn source_file(path: &Path) -> Result<SourceFile, BuildError> {
    let bytes = std::fs::read(path).map_err(|e| {
        BuildError::Read(ReadError::Io {
            file: path.display().to_string(),
            message: e.to_string(),
        })
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let as_of = match read::date_in_name(&name) {
        Some(d) => d,
        None => modified_date(path).unwrap_or_default(),
    };
    Ok(SourceFile {
        sha256: read::sha256_hex(&bytes),
        name,
        as_of,
    })
}

/// The file's modification date, `YYYY-MM-DD` UTC.
fn modified_date(path: &Path) -> Option<String> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    let secs = t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    let days = (secs / 86_400) as i64;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

const NON_SDN: [ListId; 6] = [
    ListId::Ssi,
    ListId::Plc,
    ListId::Cmic,
    ListId::Cap,
    ListId::Mbs,
    ListId::Fse,
];

fn wanted(selected: Option<&[ListId]>, list: ListId) -> bool {
    match selected {
        None => true,
        Some(s) => s.contains(&list),
    }
}

fn wants_any(selected: Option<&[ListId]>, lists: &[ListId]) -> bool {
    lists.iter().any(|&l| wanted(selected, l))
}

/// Builds the bundled default from `data_dir` (the crate's `data/`), every list.
pub fn build_default(data_dir: &Path) -> Result<(Dataset, BuildReport), BuildError> {
    build_default_lists(data_dir, None)
}

/// [`build_default`] restricted to `selected` lists (all when `None`).
/// Only the files that can feed a selected list are read.
///
/// Sources: EL = eCFR July 2026 joined with the CSL EL rows of 2026-07-27;
/// MEU = eCFR July 2026; DPL = 2026-04-14; SDN = `sdn_2024-05-03.csv` with the
/// Dec 2025 alt/add/comments; SSI, PLC, CAP, MBS, FSE = `cons_*_2025-12`;
/// CMIC = NS-CMIC July 2026 (newer than `cons_prim`); DTC = the statutory
/// and administrative DDTC files; ISN = May 2025; UVL = the April 2022 CSL,
/// its only source (its other rows are superseded).
pub fn build_default_lists(
    data_dir: &Path,
    selected: Option<&[ListId]>,
) -> Result<(Dataset, BuildReport), BuildError> {
    let src = data_dir.join("sources");
    let path = |rel: &str| -> Result<PathBuf, BuildError> {
        let p = src.join(rel);
        if p.is_file() {
            Ok(p)
        } else {
            Err(BuildError::MissingSource {
                path: p.display().to_string(),
            })
        }
    };
    let mut groups = Vec::new();
    let mut el_join = None;
    if wanted(selected, ListId::El) {
        let ecfr = path("bis/bis_entity_list_ecfr_2026-07.json")?;
        let rows = path("bis/csl_entity_list_rows_2026-07-27.json")?;
        let (out, join) = read::json::read_entity_list(&ecfr, &rows)?;
        el_join = Some(join);
        groups.push(Group::new(&[&ecfr, &rows], vec![ListId::El], out)?);
    }
    if wanted(selected, ListId::Sdn) || wants_any(selected, &NON_SDN) {
        for set in read::ofac::find_sets(&src.join("ofac"))? {
            let covers = match set.kind {
                read::ofac::OfacKind::Sdn => vec![ListId::Sdn],
                read::ofac::OfacKind::NonSdn => NON_SDN.to_vec(),
            };
            if !wants_any(selected, &covers) {
                continue;
            }
            let out = read::ofac::read_ofac(&set)?;
            groups.push(Group::new(&set.paths(), covers, out)?);
        }
    }
    let json_lists: [(ListId, &[&str]); 5] = [
        (ListId::Dpl, &["bis/bis_dpl_2026-04-14.json"]),
        (ListId::Meu, &["bis/bis_meu_ecfr_2026-07.json"]),
        (
            ListId::Dtc,
            &[
                "state/state_ddtc_debarred_statutory_2025-08-25.json",
                "state/state_ddtc_debarred_admin_2023-06-01.json",
            ],
        ),
        (
            ListId::Isn,
            &["state/state_isn_nonproliferation_2025-05.json"],
        ),
        (ListId::Cmic, &["ofac/ofac_nscmic_2026-07.json"]),
    ];
    for (list, rels) in json_lists {
        if !wanted(selected, list) {
            continue;
        }
        let mut out = ReadOutput::default();
        let mut paths = Vec::new();
        for rel in rels {
            let p = path(rel)?;
            out.extend(read::json::read_json_list(&p, list)?);
            paths.push(p);
        }
        read::dedupe_derived_ids(&mut out.parties);
        let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        groups.push(Group::new(&refs, vec![list], out)?);
    }
    if wanted(selected, ListId::Uvl) {
        let csl = path("csl/csl_consolidated_2022-04.csv")?;
        let out = read::csl::read_csl(&csl)?;
        groups.push(Group::new(&[&csl], ListId::ALL.to_vec(), out)?);
    }
    let label = match selected {
        None => DEFAULT_LABEL.to_string(),
        Some(ls) => format!(
            "{DEFAULT_LABEL}, lists {}",
            ls.iter().map(|l| l.code()).collect::<Vec<_>>().join(",")
        ),
    };
    let (d, mut report) = assemble(groups, selected, label);
    report.el_join = el_join;
    Ok((d, report))
}

/// Inputs of a general build.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildInputs {
    /// CSL `consolidated.csv` files.
    pub csl: Vec<PathBuf>,
    /// Directories with OFAC legacy CSV sets (official or dated names).
    pub ofac_dirs: Vec<PathBuf>,
    /// Lists to include (all when `None`).
    pub lists: Option<Vec<ListId>>,
}

/// Builds a dataset from any mix of CSL files and OFAC directories (see the
/// module docs for which file wins a list).
pub fn build(inputs: &BuildInputs) -> Result<(Dataset, BuildReport), BuildError> {
    if inputs.csl.is_empty() && inputs.ofac_dirs.is_empty() {
        return Err(BuildError::NoInput);
    }
    let mut groups = Vec::new();
    let mut names = Vec::new();
    for csl in &inputs.csl {
        let out = read::csl::read_csl(csl)?;
        let g = Group::new(&[csl], ListId::ALL.to_vec(), out)?;
        names.push(g.name.clone());
        groups.push(g);
    }
    for dir in &inputs.ofac_dirs {
        let sets = read::ofac::find_sets(dir)?;
        if sets.is_empty() {
            return Err(BuildError::Read(ReadError::WrongKind {
                file: dir.display().to_string(),
                line: 0,
                expected: "a directory with sdn.csv and/or cons_prim.csv".into(),
                found: "neither".into(),
            }));
        }
        for set in sets {
            let covers = match set.kind {
                read::ofac::OfacKind::Sdn => vec![ListId::Sdn],
                read::ofac::OfacKind::NonSdn => NON_SDN.to_vec(),
            };
            let out = read::ofac::read_ofac(&set)?;
            let g = Group::new(&set.paths(), covers, out)?;
            names.extend(g.files.iter().map(|f| f.name.clone()));
            groups.push(g);
        }
    }
    let label = format!("built from {}", names.join(", "));
    Ok(assemble(groups, inputs.lists.as_deref(), label))
}

/// Picks each list's group, orders the parties, and reports what was dropped.
fn assemble(
    groups: Vec<Group>,
    selected: Option<&[ListId]>,
    label: String,
) -> (Dataset, BuildReport) {
    let mut winner: BTreeMap<ListId, usize> = BTreeMap::new();
    for list in ListId::ALL {
        if !wanted(selected, list) {
            continue;
        }
        for (gi, g) in groups.iter().enumerate() {
            if !g.covers.contains(&list) {
                continue;
            }
            let better = match winner.get(&list).and_then(|&w| groups.get(w)) {
                None => true,
                Some(w) => g.as_of > w.as_of,
            };
            if better {
                winner.insert(list, gi);
            }
        }
    }
    let mut report = BuildReport::default();
    let mut superseded = Vec::new();
    let mut by_list: BTreeMap<ListId, Vec<crate::model::Party>> = BTreeMap::new();
    for (gi, g) in groups.iter().enumerate() {
        report.files.extend(g.out.files.iter().cloned());
        report.skipped.extend(g.out.skipped.iter().cloned());
        for s in &g.out.parties {
            let list = s.party.list;
            let reason = if !wanted(selected, list) {
                Some(format!("{} row: list not selected (--list)", list.code()))
            } else {
                match winner.get(&list).copied() {
                    Some(w) if w == gi => None,
                    Some(w) => groups.get(w).map(|wg| {
                        format!(
                            "{} row superseded by newer file {} (as of {})",
                            list.code(),
                            wg.name,
                            wg.as_of
                        )
                    }),
                    None => None,
                }
            };
            match reason {
                Some(reason) => superseded.push(Skipped {
                    file: s.file.clone(),
                    line: s.line,
                    reason,
                    detail: format!("{} {:?}", s.party.id, s.party.name),
                }),
                None => by_list.entry(list).or_default().push(s.party.clone()),
            }
        }
    }
    report.skipped.extend(superseded);
    let mut lists = Vec::new();
    let mut parties = Vec::new();
    for list in ListId::ALL {
        let Some(g) = winner.get(&list).and_then(|&w| groups.get(w)) else {
            continue;
        };
        let ps = by_list.remove(&list).unwrap_or_default();
        lists.push(ListInfo {
            list,
            as_of: g.as_of.clone(),
            count: ps.len() as u32,
            sources: g.files.clone(),
        });
        parties.extend(ps);
    }
    (
        Dataset {
            label,
            lists,
            parties,
        },
        report,
    )
}
