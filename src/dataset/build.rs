//! Builds datasets from official files (native only, feature `build`).
//!
//! Sources come in *groups*: files read together that cover some lists (a CSL
//! `consolidated.csv` covers its 13 lists; an OFAC SDN set, or the SDN names
//! file with the older files that enrich it, covers SDN; an OFAC non-SDN set
//! covers SSI, PLC, CMIC, CAP, MBS and FSE; a JSON extraction covers its one
//! list). For each list the group with the newest "as of"
//! wins (on a tie: OFAC directories, then CSL files, then `--input` files,
//! each in the order given); the rows other groups have for that list
//! are reported as skipped, "superseded by newer file ...". A list a group
//! covers is taken from it even when it has no rows there: a newer file
//! without a party means the party was removed.
//!
//! A group's "as of" is the oldest date of its files: the date in the file
//! name (`sdn_2024-05-03.csv`, `cons_prim_2025-12.csv`), else a JSON list
//! file's `"extracted"` date, else (official names such as `sdn.csv`) the
//! file's modification date (UTC). The
//! SDN names group is the exception: it is as of its names file, which
//! decides who is listed; the older files that add details keep their own
//! dates in the list's sources and in each party's provenance.
//!
//! After the groups are chosen, repeated source ids within one list are
//! merged into the first party and reported, and the clusters of
//! [`super::cluster`] are assigned. Every input row is accounted for:
//! `rows == kept + superseded + filtered + skipped` per file (see
//! [`FileTally`]); the companion rows of a group none of whose parties is
//! kept count as superseded (or filtered) with it.
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
use crate::model::{ListId, ListInfo, Party, SourceFile};
use crate::read::detect::{self, Kind};
use crate::read::json::JoinReport;
use crate::read::ofac::{OfacFiles, OfacKind, Role, SET_ROLES};
use crate::read::sdn_names::{self, Dated, SdnReport};
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
            BuildError::NoInput => write!(f, "no input files given (use --input FILE, --csl FILE or --ofac-dir DIR)"),
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
    /// The SDN names enrichment, when the build made one.
    pub sdn: Option<SdnReport>,
    /// What the user should know although the build went on (a missing
    /// companion file and what the parties lack without it).
    pub warnings: Vec<String>,
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
    /// The first file's name, for messages.
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
        None => extracted_date(&bytes)
            .or_else(|| modified_date(path))
            .unwrap_or_default(),
    };
    Ok(SourceFile {
        sha256: read::sha256_hex(&bytes),
        name,
        as_of,
    })
}

/// The `"extracted"` date of a JSON list file (`dow_1286_..._fy24.json` has
/// no date in its name): the day its content was taken from the official
/// publication. Used before the modification date so that a rebuild does
/// not depend on when the file was copied.
fn extracted_date(bytes: &[u8]) -> Option<String> {
    if read::first_byte(bytes) != Some(b'{') {
        return None;
    }
    let v: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let d = v.get("extracted")?.as_str()?;
    read::date_in_name(d).filter(|x| x == d)
}

/// The file's modification date, `YYYY-MM-DD` UTC (the date part of the
/// batch audit's timestamp: one calendar conversion).
fn modified_date(path: &Path) -> Option<String> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    let secs = t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    let stamp = crate::batch::audit::utc_timestamp(secs);
    stamp.split_once('T').map(|(date, _)| date.to_string())
}

/// The lists of an OFAC legacy set.
fn ofac_covers(kind: OfacKind) -> Vec<ListId> {
    match kind {
        OfacKind::Sdn => vec![ListId::Sdn],
        OfacKind::NonSdn => NON_SDN.to_vec(),
    }
}

/// Reads an SDN names file with its enrichment files as one group, as of
/// the names file.
fn sdn_names_group(
    names: &Path,
    add: Option<&Path>,
    details: Option<&Path>,
) -> Result<(Group, SdnReport), BuildError> {
    let (nf, af, df) = (
        source_file(names)?,
        add.map(source_file).transpose()?,
        details.map(source_file).transpose()?,
    );
    let dated = |p: &'_ Path, f: &'_ SourceFile| -> (PathBuf, String) {
        (p.to_path_buf(), f.as_of.clone())
    };
    let n = dated(names, &nf);
    let a = add.zip(af.as_ref()).map(|(p, f)| dated(p, f));
    let d = details.zip(df.as_ref()).map(|(p, f)| dated(p, f));
    let (out, report) = sdn_names::read_sdn_names(
        Dated {
            path: &n.0,
            as_of: &n.1,
        },
        a.as_ref().map(|(p, s)| Dated { path: p, as_of: s }),
        d.as_ref().map(|(p, s)| Dated { path: p, as_of: s }),
    )?;
    let mut paths: Vec<&Path> = vec![names];
    paths.extend(add);
    paths.extend(details);
    let mut g = Group::new(&paths, vec![ListId::Sdn], out)?;
    g.as_of = nf.as_of;
    Ok((g, report))
}

/// The bundled JSON lists: (list, files under `data/sources`).
pub const JSON_LISTS: [(ListId, &[&str]); 11] = [
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
    (
        ListId::Uflpa,
        &["dhs/dhs_uflpa_entity_list_2026-07-09.json"],
    ),
    (
        ListId::Sec1260h,
        &["dow/dow_1260h_chinese_military_companies_2026-06-10.json"],
    ),
    (
        ListId::Sec1286,
        &["dow/dow_1286_academic_institutions_fy24.json"],
    ),
    (ListId::Fcc, &["fcc/fcc_covered_list_2026-07.json"]),
    (ListId::Cbp, &["cbp/cbp_wro_findings_2026-06-23.json"]),
    (
        ListId::Eo14032,
        &["ofac/ofac_eo14032_annex_2021-06-03.json"],
    ),
];

/// The lists no official machine-readable file carries (no CSL, no OFAC
/// export): `entity-screen update` keeps their bundled copies. They are the
/// lists outside the CSL, since update downloads the CSL's `consolidated.csv`.
pub const BUNDLED_ONLY: [ListId; 6] = ListId::OUTSIDE_CSL;

/// One JSON list group from its files.
fn json_group(list: ListId, paths: &[PathBuf]) -> Result<Group, BuildError> {
    let mut out = ReadOutput::default();
    for p in paths {
        out.extend(read::json::read_json_list(p, list)?);
    }
    read::dedupe_derived_ids(&mut out.parties);
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    Group::new(&refs, vec![list], out)
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
/// MEU = eCFR July 2026; DPL = 2026-04-14; SDN = the names file of
/// 2026-08-20 with addresses from `sdn_add_2025-12.csv` and title, vessel
/// and remarks from `sdn_2024-05-03.csv`; SSI, PLC, CAP, MBS, FSE =
/// `cons_*_2025-12`; CMIC = NS-CMIC July 2026 (newer than `cons_prim`); DTC
/// = the statutory and administrative DDTC files; ISN = May 2025; UVL = the
/// April 2022 CSL, its only source (its other rows are superseded); UFLPA,
/// 1260H, 1286, FCC, CBP and EO14032 = their JSON files ([`JSON_LISTS`]).
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
    let mut sdn_report = None;
    if wanted(selected, ListId::Sdn) {
        let names = path("ofac/ofac_sdn_names_2026-08-20.csv")?;
        let add = path("ofac/sdn_add_2025-12.csv")?;
        let details = path("ofac/sdn_2024-05-03.csv")?;
        let (g, r) = sdn_names_group(&names, Some(&add), Some(&details))?;
        sdn_report = Some(r);
        groups.push(g);
    }
    if wants_any(selected, &NON_SDN) {
        for set in read::ofac::find_sets(&src.join("ofac"))? {
            // The SDN list comes from the names file above.
            if set.kind != OfacKind::NonSdn {
                continue;
            }
            let out = read::ofac::read_ofac(&set)?;
            groups.push(Group::new(&set.paths(), ofac_covers(set.kind), out)?);
        }
    }
    for (list, rels) in JSON_LISTS {
        if !wanted(selected, list) {
            continue;
        }
        let paths = rels
            .iter()
            .map(|r| path(r))
            .collect::<Result<Vec<_>, _>>()?;
        groups.push(json_group(list, &paths)?);
    }
    if wanted(selected, ListId::Uvl) {
        let csl = path("csl/csl_consolidated_2022-04.csv")?;
        let out = read::csl::read_csl(&csl)?;
        groups.push(Group::new(&[&csl], ListId::CSL.to_vec(), out)?);
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
    report.sdn = sdn_report;
    Ok((d, report))
}

/// Inputs of a general build.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildInputs {
    /// CSL `consolidated.csv` files.
    pub csl: Vec<PathBuf>,
    /// Directories with OFAC legacy CSV sets (official or dated names).
    pub ofac_dirs: Vec<PathBuf>,
    /// Files of any supported kind, told apart by content
    /// ([`crate::read::detect`]).
    pub inputs: Vec<PathBuf>,
    /// Lists to include (all when `None`).
    pub lists: Option<Vec<ListId>>,
}

/// Builds a dataset from any mix of CSL files, OFAC directories and files
/// of any kind (see the module docs for which file wins a list).
pub fn build(inputs: &BuildInputs) -> Result<(Dataset, BuildReport), BuildError> {
    if inputs.csl.is_empty() && inputs.ofac_dirs.is_empty() && inputs.inputs.is_empty() {
        return Err(BuildError::NoInput);
    }
    let mut groups = Vec::new();
    let mut names = Vec::new();
    let mut csl_groups = Vec::new();
    for csl in &inputs.csl {
        let out = read::csl::read_csl(csl)?;
        let g = Group::new(&[csl], ListId::CSL.to_vec(), out)?;
        names.push(g.name.clone());
        csl_groups.push(g);
    }
    // OFAC's own files come before the CSL: on a tie of dates (files
    // downloaded the same day by `update`) they win the SDN list, whose
    // detail (remarks, vessel fields) they carry in full.
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
            let out = read::ofac::read_ofac(&set)?;
            let g = Group::new(&set.paths(), ofac_covers(set.kind), out)?;
            names.extend(g.files.iter().map(|f| f.name.clone()));
            groups.push(g);
        }
    }
    groups.extend(csl_groups);
    let mut el_join = None;
    let mut sdn = None;
    let mut warnings = Vec::new();
    if !inputs.inputs.is_empty() {
        let before = groups.len();
        let (el, s) = input_groups(&inputs.inputs, &mut groups, &mut warnings)?;
        el_join = el;
        sdn = s;
        for g in groups.iter().skip(before) {
            names.extend(g.files.iter().map(|f| f.name.clone()));
        }
    }
    let label = format!("built from {}", names.join(", "));
    let (d, mut report) = assemble(groups, inputs.lists.as_deref(), label);
    report.el_join = el_join;
    report.sdn = sdn;
    report.warnings.splice(0..0, warnings);
    Ok((d, report))
}

/// Reads `--input` files into groups, by the kind of each
/// ([`detect::detect`]).
fn input_groups(
    paths: &[PathBuf],
    groups: &mut Vec<Group>,
    warnings: &mut Vec<String>,
) -> Result<(Option<JoinReport>, Option<SdnReport>), BuildError> {
    let mut csl = Vec::new();
    let mut names_files = Vec::new();
    let mut roles: BTreeMap<Role, PathBuf> = BTreeMap::new();
    let mut el_rows = Vec::new();
    let mut json: BTreeMap<ListId, Vec<PathBuf>> = BTreeMap::new();
    for p in paths {
        match detect::detect(p)? {
            Kind::Csl => csl.push(p.clone()),
            Kind::SdnNames => names_files.push(p.clone()),
            Kind::Ofac(role) => {
                if let Some(prev) = roles.insert(role, p.clone()) {
                    return Err(BuildError::Read(ReadError::WrongKind {
                        file: p.display().to_string(),
                        line: 0,
                        expected: "one OFAC legacy file of each kind".into(),
                        found: format!("a second {role:?} file besides {}", prev.display()),
                    }));
                }
            }
            Kind::ElRows => el_rows.push(p.clone()),
            Kind::JsonList(list) => json.entry(list).or_default().push(p.clone()),
        }
    }
    for p in &csl {
        let out = read::csl::read_csl(p)?;
        groups.push(Group::new(&[p.as_path()], ListId::CSL.to_vec(), out)?);
    }
    let mut sdn_report = None;
    if !names_files.is_empty() {
        // The legacy SDN files enrich the names file instead of forming a set.
        let add = roles.remove(&Role::SdnAdd);
        let details = roles.remove(&Role::SdnPrimary);
        for role in [Role::SdnAlt, Role::SdnComments] {
            if let Some(p) = roles.remove(&role) {
                warnings.push(format!(
                    "{}: not used: the SDN names file has the aliases, and remarks are taken whole from sdn.csv",
                    p.display()
                ));
            }
        }
        for names in &names_files {
            let (g, r) = sdn_names_group(names, add.as_deref(), details.as_deref())?;
            sdn_report = Some(r);
            groups.push(g);
        }
    }
    for (kind, prim, companions) in SET_ROLES {
        let companions = companions.map(|r| roles.remove(&r));
        let Some(primary) = roles.remove(&prim) else {
            if let Some(orphan) = companions.iter().flatten().next() {
                return Err(BuildError::Read(ReadError::WrongKind {
                    file: orphan.display().to_string(),
                    line: 0,
                    expected: "an OFAC companion file given with its primary file".into(),
                    found: format!("no {prim:?} file among the inputs"),
                }));
            }
            continue;
        };
        let [alt, add, comments] = companions;
        let set = OfacFiles {
            kind,
            primary,
            alt,
            add,
            comments,
        };
        let out = read::ofac::read_ofac(&set)?;
        groups.push(Group::new(&set.paths(), ofac_covers(kind), out)?);
    }
    let mut el_join = None;
    let ecfr = json.remove(&ListId::El).unwrap_or_default();
    match (ecfr.as_slice(), el_rows.as_slice()) {
        ([], []) => {}
        ([e], [r]) => {
            let (out, join) = read::json::read_entity_list(e, r)?;
            el_join = Some(join);
            groups.push(Group::new(
                &[e.as_path(), r.as_path()],
                vec![ListId::El],
                out,
            )?);
        }
        (es, []) => groups.push(json_group(ListId::El, es)?),
        (_, rs) => {
            let r = rs
                .first()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            return Err(BuildError::Read(ReadError::WrongKind {
                file: r,
                line: 0,
                expected:
                    "CSL Entity List rows given with one eCFR Entity List JSON to join them with"
                        .into(),
                found: format!(
                    "{} eCFR Entity List file(s) and {} rows file(s)",
                    ecfr.len(),
                    rs.len()
                ),
            }));
        }
    }
    for (list, files) in json {
        groups.push(json_group(list, &files)?);
    }
    Ok((el_join, sdn_report))
}

/// Why a party read was left out of the dataset by the build.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dropped {
    Superseded,
    Filtered,
}

/// Picks each list's group, merges repeated source ids, orders the parties,
/// clusters them, and reports what was dropped.
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
    let mut by_list: BTreeMap<ListId, Vec<(Party, String, u64)>> = BTreeMap::new();
    // Per (file, line): whether any of the row's parties was kept, else why not.
    let mut rows: BTreeMap<(String, u64), Option<Dropped>> = BTreeMap::new();
    for (gi, g) in groups.iter().enumerate() {
        report.files.extend(g.out.files.iter().cloned());
        report.skipped.extend(g.out.skipped.iter().cloned());
        report.warnings.extend(g.out.warnings.iter().cloned());
        let mut group_kept = false;
        let mut group_filtered = false;
        for s in &g.out.parties {
            let list = s.party.list;
            let (reason, why) = if !wanted(selected, list) {
                (
                    Some(format!("{} row: list not selected (--list)", list.code())),
                    Dropped::Filtered,
                )
            } else {
                match winner.get(&list).copied() {
                    Some(w) if w == gi => (None, Dropped::Superseded),
                    Some(w) => (
                        groups.get(w).map(|wg| {
                            format!(
                                "{} row superseded by newer file {} (as of {})",
                                list.code(),
                                wg.name,
                                wg.as_of
                            )
                        }),
                        Dropped::Superseded,
                    ),
                    None => (None, Dropped::Superseded),
                }
            };
            let key = (s.file.clone(), s.line);
            match reason {
                Some(reason) => {
                    group_filtered |= why == Dropped::Filtered;
                    rows.entry(key).or_insert(Some(why));
                    superseded.push(Skipped {
                        file: s.file.clone(),
                        line: s.line,
                        reason,
                        detail: format!("{} {:?}", s.party.id, s.party.name),
                    });
                }
                None => {
                    group_kept = true;
                    rows.insert(key, None);
                    by_list.entry(list).or_default().push((
                        s.party.clone(),
                        s.file.clone(),
                        s.line,
                    ));
                }
            }
        }
        // Companion files of a group none of whose parties is kept.
        if !group_kept && !g.out.parties.is_empty() {
            let primaries: Vec<&str> = g.out.parties.iter().map(|s| s.file.as_str()).collect();
            for t in report.files.iter_mut().rev().take(g.out.files.len()) {
                if primaries.contains(&t.file.as_str()) {
                    continue;
                }
                if group_filtered {
                    t.filtered += t.kept;
                } else {
                    t.superseded += t.kept;
                }
                t.kept = 0;
            }
        }
    }
    // Rows none of whose parties was kept move from kept to superseded or filtered.
    for ((file, _), state) in &rows {
        let Some(why) = state else { continue };
        if let Some(t) = report.files.iter_mut().find(|t| &t.file == file) {
            t.kept = t.kept.saturating_sub(1);
            match why {
                Dropped::Superseded => t.superseded += 1,
                Dropped::Filtered => t.filtered += 1,
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
        let ps = merge_repeated_ids(by_list.remove(&list).unwrap_or_default(), &mut report);
        lists.push(ListInfo {
            list,
            as_of: g.as_of.clone(),
            count: ps.len() as u32,
            sources: g.files.clone(),
        });
        parties.extend(ps);
    }
    super::cluster::assign(&mut parties);
    (
        Dataset {
            label,
            lists,
            parties,
        },
        report,
    )
}

/// Merges parties of one list that share a source id into the first one
/// (names, aliases, addresses and programs joined), reporting each merged
/// row. Derived ids (`read::derived_id`) never repeat here: the readers
/// number them apart.
fn merge_repeated_ids(ps: Vec<(Party, String, u64)>, report: &mut BuildReport) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::with_capacity(ps.len());
    let mut at: BTreeMap<String, usize> = BTreeMap::new();
    for (p, file, line) in ps {
        let Some(&i) = at.get(&p.id) else {
            at.insert(p.id.clone(), out.len());
            out.push(p);
            continue;
        };
        let Some(first) = out.get_mut(i) else {
            continue;
        };
        for n in p.names() {
            if n != first.name && !first.aliases.iter().any(|a| a == n) {
                first.aliases.push(n.to_string());
            }
        }
        for a in p.addresses {
            if !first.addresses.contains(&a) {
                first.addresses.push(a);
            }
        }
        for g in p.programs {
            if !first.programs.contains(&g) {
                first.programs.push(g);
            }
        }
        if let Some(t) = report.files.iter_mut().find(|t| t.file == file) {
            t.kept = t.kept.saturating_sub(1);
            t.skipped += 1;
        }
        report.skipped.push(Skipped {
            file,
            line,
            reason: format!(
                "{} row repeats a source id of the list: merged into the first party with it",
                p.list.code()
            ),
            detail: format!("{} {:?}", p.id, p.name),
        });
    }
    out
}
