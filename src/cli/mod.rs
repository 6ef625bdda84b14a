//! The command line: clap definitions, one file per subcommand, exit codes, file writes.
//!
//! Exit codes: 0 success (skips allowed), 1 a negative verdict on data (a skip under
//! `--strict`, nothing analysable, lexicon problems found by `lexicon check`, differences found
//! by `lexicon diff`, a move beyond tolerance in `regress`) or output that
//! cannot be written (read-only folder, full disk: the previous report stays), 2 usage, an
//! unreadable input or an invalid lexicon/gazetteer. A broken pipe on output exits 0 quietly.

mod actors;
mod analyze;
mod chart;
mod common;
mod kwic;
mod lexicon;
mod regress;
mod validate;
mod voices;

use clap::{Parser, Subcommand};
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
    /// Draw one chart of a report as SVG or PNG
    Chart(chart::Args),
}

pub use crate::validate::Metrics;

/// Scores a gold file (see `framelens validate`).
pub fn validate_file(
    az: &crate::analysis::Analyzer,
    path: &std::path::Path,
) -> Result<Metrics, anyhow::Error> {
    validate::evaluate(az, path, |_, _, _, _| {}).map_err(|f| f.error)
}

/// A failure with its exit code.
#[derive(Debug)]
pub struct Failure {
    /// 1 for data and output that cannot be written, 2 for usage and unreadable inputs.
    pub code: u8,
    /// What happened.
    pub error: anyhow::Error,
}

impl Failure {
    /// A data failure (exit 1).
    pub fn data(e: impl Into<anyhow::Error>) -> Failure {
        Failure {
            code: 1,
            error: e.into(),
        }
    }

    /// A usage or I/O failure (exit 2).
    pub fn usage(e: impl Into<anyhow::Error>) -> Failure {
        Failure {
            code: 2,
            error: e.into(),
        }
    }
}

/// Result of a command.
pub type Outcome = Result<u8, Failure>;

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Analyze(a) => analyze::run(a),
        Command::Actors(a) => actors::run(a),
        Command::Voices(a) => voices::run(a),
        Command::Kwic(a) => kwic::run(a),
        Command::Lexicon(c) => lexicon::run(c),
        Command::Regress(a) => regress::run(a),
        Command::Validate(a) => validate::run(a),
        Command::Chart(a) => chart::run(a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            if common::is_broken_pipe(&f.error) {
                return ExitCode::SUCCESS;
            }
            eprintln!("framelens: error: {:#}", f.error);
            ExitCode::from(f.code)
        }
    }
}
