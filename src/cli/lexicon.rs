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
    /// Fit stance term weights to annotated target-stance data (JSONL: text, target_start,
    /// target_end, label), regularised toward the base lexicons' weights; writes an ordinary
    /// lexicon of the learned entries (docs/lexicon.md, "Learning weights")
    Learn(LearnArgs),
}

/// Flags of `lexicon learn`.
#[derive(clap::Args, Debug)]
pub struct LearnArgs {
    /// Annotated items to fit on (JSONL, as `validate --gold`)
    #[arg(long, value_name = "FILE")]
    train: PathBuf,
    /// Base lexicons, in precedence order (default: the bundled VADER and geopolitics, without the learned weights)
    #[arg(long, value_name = "LEXICON", num_args = 1..)]
    base: Vec<PathBuf>,
    /// Where to write the learned lexicon (TOML)
    #[arg(long, value_name = "FILE.toml")]
    out: PathBuf,
    /// Folds of the cross-validation on the training items (0: none)
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(0..=50))]
    folds: u16,
    /// Strength of the L2 penalty toward the base weights (larger: closer to the prior)
    #[arg(long = "l2", default_value_t = 2.0, value_name = "λ")]
    l2: f64,
    /// Items a new candidate term must occur in
    #[arg(long, default_value_t = 20)]
    min_count: usize,
    /// Do not weight the classes by inverse frequency
    #[arg(long)]
    unbalanced: bool,
    /// Also two-word candidate terms (adjacent lower-case words, not both stop words)
    #[arg(long)]
    bigrams: bool,
    /// Annotated items never fitted on: their macro-F1 with the learned lexicon is printed
    #[arg(long, value_name = "FILE")]
    heldout: Option<PathBuf>,
    /// `meta.name` of the learned lexicon
    #[arg(long, default_value = "learned")]
    name: String,
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
        Command::Learn(a) => learn(a),
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

fn read_gold(path: &std::path::Path) -> Result<Vec<framelens::validate::GoldItem>, Failure> {
    use anyhow::Context;
    let f = std::fs::File::open(path)
        .with_context(|| format!("cannot open {}", path.display()))
        .map_err(Failure::usage)?;
    let (items, skipped) =
        framelens::validate::read_items(std::io::BufReader::new(f), &path.display().to_string())
            .with_context(|| format!("cannot read {}", path.display()))
            .map_err(Failure::usage)?;
    for s in &skipped {
        eprintln!("framelens: skipped {s}");
    }
    Ok(items)
}

fn learn(a: LearnArgs) -> Outcome {
    if !(a.l2.is_finite() && a.l2 >= 0.0) {
        return Err(Failure::usage(anyhow::anyhow!(
            "--l2 must be a number >= 0, not {}",
            a.l2
        )));
    }
    let mut reads: Vec<&std::path::Path> = vec![a.train.as_path()];
    reads.extend(a.base.iter().map(PathBuf::as_path));
    reads.extend(a.heldout.as_deref());
    common::check_output(
        "--out",
        &a.out,
        &reads,
        "an input would be overwritten: write the learned lexicon to another file",
    )?;
    let base = if a.base.is_empty() {
        Lexicon::bundled_base()
    } else {
        let mut v = Vec::new();
        for p in &a.base {
            let text = framelens::lexicon::read_text(p).map_err(Failure::usage)?;
            let lex =
                Lexicon::load_checked(&text, &p.display().to_string()).map_err(Failure::usage)?;
            framelens::lexicon::framing::add_or_replace(&mut v, lex);
        }
        v
    };
    let items = read_gold(&a.train)?;
    let opts = framelens::learn::Options {
        folds: a.folds as usize,
        l2: a.l2,
        min_count: a.min_count,
        balanced: !a.unbalanced,
        bigrams: a.bigrams,
        ..Default::default()
    };
    let learned = framelens::learn::learn(&base, &items, &opts).map_err(Failure::usage)?;
    let train_hash =
        framelens::hash::sha256_hex(&std::fs::read(&a.train).map_err(|e| {
            Failure::usage(anyhow::anyhow!("cannot read {}: {e}", a.train.display()))
        })?);
    let bases: Vec<String> = base
        .iter()
        .map(|l| format!("{} {}", l.info.name, l.info.version))
        .collect();
    let train_name = a
        .train
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let meta = framelens::learn::Meta {
        name: a.name.clone(),
        version: "1.0.0".into(),
        description: format!(
            "stance weights fitted to {train_name} (sha256 {}, {} items) over {}; l2 {}, min count {}, {} folds{}{}",
            &train_hash[..12],
            learned.data.examples.len(),
            bases.join(", "),
            a.l2,
            a.min_count,
            a.folds,
            if a.unbalanced { ", unbalanced" } else { "" },
            if a.bigrams { ", bigrams" } else { "" },
        ),
    };
    let toml_text = framelens::learn::to_toml(&learned, &meta);
    let lex =
        Lexicon::load_checked(&toml_text, &a.out.display().to_string()).map_err(Failure::usage)?;
    common::write_atomic(&a.out, toml_text.as_bytes())?;
    let cands = learned
        .data
        .features
        .iter()
        .filter(|f| f.lexicon.is_empty())
        .count();
    let mut out = format!(
        "items {} (unscored {})  features {} ({} new candidates)  slope {:.4}\nlearned entries written: {} to {}\n",
        learned.data.examples.len(),
        learned.data.unscored,
        learned.data.features.len(),
        cands,
        learned.model.slope,
        lex.stance.len(),
        a.out.display()
    );
    if let Some(cv) = &learned.cv {
        out.push_str(&format!(
            "cross-validation ({} folds): accuracy {:.4}  macro-F1 {:.4}\n",
            a.folds, cv.accuracy, cv.macro_f1
        ));
    }
    out.push_str(&format!(
        "training items (final fit): accuracy {:.4}  macro-F1 {:.4}\n",
        learned.train.accuracy, learned.train.macro_f1
    ));
    if let Some(h) = &a.heldout {
        let mut lexicons = base.clone();
        framelens::lexicon::framing::add_or_replace(&mut lexicons, lex);
        let az = framelens::analysis::Analyzer::new(
            framelens::lexicon::Gazetteer::bundled(),
            lexicons,
            framelens::corpus::boilerplate::Boilerplate::bundled(),
        )
        .map_err(Failure::usage)?;
        let base_az = framelens::analysis::Analyzer::new(
            framelens::lexicon::Gazetteer::bundled(),
            base.clone(),
            framelens::corpus::boilerplate::Boilerplate::bundled(),
        )
        .map_err(Failure::usage)?;
        let score =
            |az: &framelens::analysis::Analyzer| -> Result<framelens::validate::Metrics, Failure> {
                use anyhow::Context;
                let f = std::fs::File::open(h)
                    .with_context(|| format!("cannot open {}", h.display()))
                    .map_err(Failure::usage)?;
                framelens::validate::score(
                    az,
                    std::io::BufReader::new(f),
                    &h.display().to_string(),
                    |_, _, _, _| {},
                )
                .with_context(|| format!("cannot read {}", h.display()))
                .map_err(Failure::usage)
            };
        let before = score(&base_az)?;
        let after = score(&az)?;
        out.push_str(&format!(
            "held out ({}, {} items): macro-F1 {:.4} with the learned lexicon, {:.4} with the base lexicons alone\n",
            h.display(),
            after.n,
            after.macro_f1,
            before.macro_f1
        ));
    }
    common::print(&out)?;
    Ok(ExitStatus::Success)
}
