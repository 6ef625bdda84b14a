//! `framelens recurring INPUT... [--out FILE]`: the endings each outlet prints on many of its
//! articles (footers, licence lines, a publisher's self-description), learned as `analyze
//! --recurring auto` learns them (`framelens::corpus::recurring`), written as a file for
//! `--recurring FILE`: every shard of a cluster run then sets aside the same lines.

use super::common::{self, InputArgs};
use super::{ExitStatus, Outcome};
use framelens::corpus::recurring::Recurring;
use std::path::PathBuf;

/// Flags of `recurring`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Write the lines to this file (JSON) instead of standard output
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Runs `recurring`.
pub fn run(args: Args) -> Outcome {
    if let Some(out) = &args.out {
        common::check_output(
            "--out",
            out,
            &args.input.paths(),
            "it would overwrite an input: write the lines to another file",
        )?;
    }
    let boilerplate = args.input.boilerplate_rules()?;
    let learned = Recurring::learn_threads(
        args.input.open()?.into_iter().flatten(),
        &boilerplate,
        args.input.threads(),
    );
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
