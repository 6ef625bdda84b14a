//! `framelens recurring INPUT... [--out FILE]`: the endings each outlet prints on many of its
//! articles (footers, licence lines, a publisher's self-description), learned as `analyze
//! --recurring auto` learns them (`framelens::corpus::recurring`), written as a file for
//! `--recurring FILE`: every shard of a cluster run then sets aside the same lines. The same
//! pass can list the records that repeat earlier ones (`--duplicates FILE`, for `map
//! --duplicates`): every shard then skips the duplicates `analyze` of the whole corpus skips.

use super::common::{self, InputArgs};
use super::{ExitStatus, Outcome};
use framelens::corpus::recurring::Recurring;
use framelens::corpus::{Dedup, KnownDuplicates, Skip};
use std::path::PathBuf;

/// Flags of `recurring`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Write the lines to this file (JSON) instead of standard output
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Also write the records that repeat an earlier one (same id or same text, in the order
    /// of the inputs, as `analyze` finds them) to this file, one JSON line each, for `map
    /// --duplicates FILE`
    #[arg(long, value_name = "FILE")]
    duplicates: Option<PathBuf>,
}

/// Runs `recurring`.
pub fn run(args: Args) -> Outcome {
    for (flag, out) in [("--out", &args.out), ("--duplicates", &args.duplicates)] {
        if let Some(out) = out {
            common::check_output(
                flag,
                out,
                &args.input.paths(),
                "it would overwrite an input: write it to another file",
            )?;
        }
    }
    if let (Some(a), Some(b)) = (&args.out, &args.duplicates) {
        if a == b {
            return Err(super::Failure::usage(anyhow::anyhow!(
                "--out and --duplicates name the same file {}: give each its own",
                a.display()
            )));
        }
    }
    let boilerplate = args.input.boilerplate_rules()?;
    // Duplicates as `analyze` finds them: over the records in input order.
    let mut dedup = Dedup::default();
    let mut duplicates: Vec<Skip> = Vec::new();
    let records = args.input.open()?.into_iter().flatten().inspect(|r| {
        if let Ok(a) = r {
            if let Err(s) = dedup.check_ref(a) {
                duplicates.push(s);
            }
        }
    });
    let learned = Recurring::learn_threads(records, &boilerplate, args.input.threads());
    if let Some(p) = &args.duplicates {
        let known = KnownDuplicates::new(duplicates);
        common::write_atomic(p, known.to_jsonl().as_bytes())?;
        eprintln!(
            "framelens: {} duplicate record(s) listed in {}",
            known.len(),
            p.display()
        );
    }
    let json = learned.to_json();
    match &args.out {
        Some(p) => common::write_atomic(p, json.as_bytes())?,
        None => common::print(&json)?,
    }
    eprintln!(
        "framelens: {} recurring line(s) in {} outlet(s)",
        learned.lines().len(),
        learned.outlets()
    );
    Ok(ExitStatus::Success)
}
