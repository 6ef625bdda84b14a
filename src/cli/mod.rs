//! The command line: clap definitions, one file per subcommand, exit codes, file writes.
//!
//! Exit codes: 0 success (skips allowed), 1 a negative verdict on data (a skip under
//! `--strict`, nothing analysable, lexicon problems found by `lexicon check`, differences found
//! by `lexicon diff`, a move beyond tolerance in `regress`) or output that
//! cannot be written (read-only folder, full disk: the previous report stays), 2 usage, an
//! unreadable input or an invalid lexicon/gazetteer. A broken pipe on output exits 0 quietly.
//! Commands return an [`ExitStatus`] (or a [`Failure`] carrying one); only [`main`] turns it
//! into a number.

mod actors;
mod analyze;
mod args;
mod chart;
mod common;
mod files;
mod kwic;
mod lexicon;
mod progress;
mod recurring;
mod regress;
mod shard;
mod stdout;
mod validate;
mod voices;
mod walk;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

/// How do different outlets frame the same actors? Voice-aware framing analysis of news corpora.
#[derive(Parser)]
#[command(name = "framelens", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse corpora: labels, frames, stance, keyness and similarity per voice -> report.json
    Analyze(analyze::Args),
    /// Actors found: spellings, mentions per voice, articles
    Actors(actors::Args),
    /// Passages with their voice: the host outlet's own, or a quoted source
    Voices(voices::Args),
    /// Keyword in context for one actor
    Kwic(kwic::Args),
    /// Lexicon tools
    #[command(subcommand)]
    Lexicon(lexicon::Command),
    /// Regression bench for lexicon changes: re-run a baseline's inputs with new lexicons and
    /// show what moved, by how much and why; exit 1 when a move exceeds its tolerance
    Regress(regress::Args),
    /// Score target-dependent stance against an annotated set
    Validate(validate::Args),
    /// Endings each outlet prints on many of its articles (footers), learned from the inputs,
    /// as a file for --recurring FILE (give it to every map of a cluster run)
    Recurring(recurring::Args),
    /// Cluster step 1: analyse part of a corpus into a shard file (same flags as analyze)
    Map(shard::MapArgs),
    /// Cluster step 2: merge shards (any order, any grouping) into one shard
    Merge(shard::MergeArgs),
    /// Cluster step 3: write the report folder of a (merged) shard
    Report(shard::ReportArgs),
    /// Print a shell completion script: framelens completions bash > /etc/bash_completion.d/framelens
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): framelens man > framelens.1 && man ./framelens.1
    Man,
    /// Print the JSON Schema of report.json: framelens schema > docs/report.schema.json
    Schema,
    /// Draw one chart of a report as SVG or PNG
    Chart(chart::Args),
}

/// The exit status of a command: the one place where the numeric codes are defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: done (skips are allowed); also a broken pipe on output and `--help`.
    Success,
    /// 1: a negative verdict on data (a skip under `--strict`, nothing analysable, lexicon
    /// problems, lexicon differences, a move beyond tolerance) or output that cannot be written.
    DataFailure,
    /// 2: usage, an unreadable input or an invalid lexicon or gazetteer.
    Usage,
}

impl ExitStatus {
    /// The process exit code: 0, 1 or 2.
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::DataFailure => 1,
            ExitStatus::Usage => 2,
        }
    }

    /// [`ExitStatus::DataFailure`] when `negative`, else [`ExitStatus::Success`]: the status of
    /// a command that succeeds but reports a negative verdict.
    pub fn failing_if(negative: bool) -> ExitStatus {
        if negative {
            ExitStatus::DataFailure
        } else {
            ExitStatus::Success
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> ExitCode {
        ExitCode::from(s.code())
    }
}

/// A failure with its exit status.
#[derive(Debug)]
pub struct Failure {
    /// [`ExitStatus::DataFailure`] for data and output that cannot be written,
    /// [`ExitStatus::Usage`] for usage and unreadable inputs.
    pub status: ExitStatus,
    /// What happened.
    pub error: anyhow::Error,
}

impl Failure {
    /// A data failure (exit 1).
    pub fn data(e: impl Into<anyhow::Error>) -> Failure {
        Failure {
            status: ExitStatus::DataFailure,
            error: e.into(),
        }
    }

    /// A usage or I/O failure (exit 2).
    pub fn usage(e: impl Into<anyhow::Error>) -> Failure {
        Failure {
            status: ExitStatus::Usage,
            error: e.into(),
        }
    }
}

/// Result of a command: its exit status, or a failure to print.
pub type Outcome = Result<ExitStatus, Failure>;

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let status = if e.use_stderr() {
                ExitStatus::Usage
            } else {
                ExitStatus::Success
            };
            let _ = e.print();
            return status.into();
        }
    };
    let result = match cli.command {
        Command::Analyze(a) => analyze::run(a),
        Command::Map(a) => shard::map(a),
        Command::Merge(a) => shard::merge(a),
        Command::Report(a) => shard::report(a),
        Command::Actors(a) => actors::run(a),
        Command::Voices(a) => voices::run(a),
        Command::Kwic(a) => kwic::run(a),
        Command::Lexicon(c) => lexicon::run(c),
        Command::Regress(a) => regress::run(a),
        Command::Validate(a) => validate::run(a),
        Command::Chart(a) => chart::run(a),
        Command::Recurring(a) => recurring::run(a),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "framelens", &mut out);
            common::print(&String::from_utf8_lossy(&out)).map(|_| ExitStatus::Success)
        }
        Command::Schema => {
            common::print(&framelens::report::Report::json_schema()).map(|_| ExitStatus::Success)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(Failure::data)
                .and_then(|_| common::print(&String::from_utf8_lossy(&out)))
                .map(|_| ExitStatus::Success)
        }
    };
    match result {
        Ok(status) => status.into(),
        Err(f) => {
            if common::is_broken_pipe(&f.error) {
                return ExitCode::SUCCESS;
            }
            eprintln!("framelens: error: {:#}", f.error);
            f.status.into()
        }
    }
}
