//! `framelens lexicon check FILE...`: validates lexicons and prints `file:line:col: message`.
//! Exit 1 when any file has an error; warnings alone exit 0.

use super::common;
use super::{Failure, Outcome};
use crate::lexicon::check::{check, Severity};
use crate::lexicon::Lexicon;
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
}

/// Runs a lexicon subcommand.
pub fn run(c: Command) -> Outcome {
    match c {
        Command::Check { files } => {
            let mut errors = 0usize;
            let mut warnings = 0usize;
            let mut out = String::new();
            for f in &files {
                let shown = f.display().to_string();
                let text = match crate::lexicon::read_text(f) {
                    Ok(t) => t,
                    Err(e) => {
                        if let crate::lexicon::Error::Io { .. } = e {
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
            Ok(if errors > 0 { 1 } else { 0 })
        }
    }
}
