//! `framelens lexicon check FILE...`: validates lexicons and prints `file:line:col: message`.
//! Exit 1 when any file has an error; warnings alone exit 0.
//!
//! `framelens lexicon diff OLD NEW [--format table|json]`: entries added, removed and changed,
//! by section. Exit 0 when nothing changed, 1 when something did (like `diff`), 2 on errors.

use super::common;
use super::{ExitStatus, Failure, Outcome};
use framelens::lexicon::check::{check, Severity};
use framelens::lexicon::Lexicon;
use std::path::PathBuf;

/// Lexicon subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Validate lexicon files: unknown keys, duplicates, a term in two labels, empty sets,
    /// weights out of range, terms shadowing each other (warning)
    Check {
        /// Lexicon files
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Entries added, removed and changed between two versions of a lexicon (weights, labels,
    /// frames, notes), by section. Exit 0 when nothing changed, 1 when something did
    Diff {
        /// The old version
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The new version
        #[arg(value_name = "NEW")]
        new: PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// Output format of `lexicon diff`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Format {
    /// A table grouped by section
    Table,
    /// JSON
    Json,
}

/// Runs a lexicon subcommand.
pub fn run(c: Command) -> Outcome {
    match c {
        Command::Diff { old, new, format } => {
            let load = |p: &PathBuf| framelens::lexicon::load_lexicon(p).map_err(Failure::usage);
            let d = framelens::lexicon::diff::diff(&load(&old)?, &load(&new)?);
            let out = match format {
                Format::Table => framelens::lexicon::diff::table(&d),
                Format::Json => {
                    let mut s = serde_json::to_string_pretty(&d).map_err(Failure::usage)?;
                    s.push('\n');
                    s
                }
            };
            common::print(&out)?;
            Ok(ExitStatus::failing_if(!d.entries.is_empty()))
        }
        Command::Check { files } => {
            let mut errors = 0usize;
            let mut warnings = 0usize;
            let mut out = String::new();
            for f in &files {
                let shown = f.display().to_string();
                let text = match framelens::lexicon::read_text(f) {
                    Ok(t) => t,
                    Err(e) => {
                        if let framelens::lexicon::Error::Io { .. } = e {
                            return Err(Failure::usage(e));
                        }
                        out.push_str(&format!("{e}\n"));
                        errors += 1;
                        continue;
                    }
                };
                match Lexicon::parse(&text, &shown) {
                    Err(e) => {
                        out.push_str(&format!("{e}\n"));
                        errors += 1;
                    }
                    Ok(lex) => {
                        for d in check(&lex) {
                            let sev = match d.severity {
                                Severity::Error => {
                                    errors += 1;
                                    "error"
                                }
                                Severity::Warning => {
                                    warnings += 1;
                                    "warning"
                                }
                            };
                            out.push_str(&format!(
                                "{shown}:{}:{}: {sev}: {}\n",
                                d.line, d.col, d.message
                            ));
                        }
                    }
                }
            }
            out.push_str(&format!(
                "{} file(s): {errors} error(s), {warnings} warning(s)\n",
                files.len()
            ));
            common::print(&out)?;
            Ok(ExitStatus::failing_if(errors > 0))
        }
    }
}
