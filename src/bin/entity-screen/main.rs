//! `entity-screen`: the command-line tool. One module per subcommand; each is
//! a thin layer over the library.

mod args;
mod batch;
mod build;
mod compare;
mod diff;
mod info;
mod load;
mod search;
mod split;
mod term;
#[cfg(feature = "update")]
mod update;

use std::process::ExitCode;

const USAGE: &str = "\
entity-screen: screen names against the US Consolidated Screening List

USAGE:
  entity-screen build [--input FILE]... [--csl FILE.csv]... [--ofac-dir DIR] [--list ID,...] [--out FILE]
  entity-screen diff OLD.esd NEW.esd [--json]
  entity-screen split FULL.esd SEARCH.esd DETAILS.esd
  entity-screen update [--out FILE] [--mirror BASE_URL] [--ofac]
  entity-screen info [--dataset FILE] [--json]
  entity-screen search [--dataset FILE] [--limit K] [--threshold T] [--list ID,...] [--json]
  entity-screen compare [--json] [--print-threshold]
  entity-screen batch --input FILE [--column NAME] [--country-column NAME] [--out FILE]
                      [--format csv|json] [--threshold T] [--list ID,...] [--type T,...]
                      [--dataset FILE] [--audit FILE]

search reads one query per line on stdin; compare reads name_a<TAB>name_b lines;
batch screens a text, CSV or TSV file and writes one row per input row plus an
audit record (CSV columns: row,query,status,score,match_id,match_name,
matched_name,lists,decision,note).
";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = argv.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match cmd.as_str() {
        "build" => build::run(rest),
        "info" => info::run(rest),
        "search" => search::run(rest),
        "compare" => compare::run(rest),
        "diff" => diff::run(rest),
        "split" => split::run(rest),
        #[cfg(feature = "update")]
        "update" => update::run(rest),
        #[cfg(not(feature = "update"))]
        "update" => Err(anyhow::anyhow!(
            "this entity-screen was built without the `update` feature (cargo build --features update)"
        )),
        "batch" => batch::run(rest),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => Err(anyhow::anyhow!("unknown subcommand {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", term::text(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}
