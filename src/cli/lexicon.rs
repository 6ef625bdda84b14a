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
    /// Items a new candidate term (with --model: a feature) must occur in [default: 20; with --model 2]
    #[arg(long)]
    min_count: Option<usize>,
    /// Fit the learned stance layer (a three-class model over named features of the target's
    /// sentence and the base lexicons' outcome, written as `[model]`) instead of term weights
    #[arg(long)]
    model: bool,
    /// With --model: more annotated items (in-domain), each counting --also-weight times; of a
    /// file whose items carry a `split`, only the items of --also-split
    #[arg(long, value_name = "FILE", requires = "model")]
    also: Vec<PathBuf>,
    /// With --model: the weights an --also item may count with (the cross-validation chooses)
    #[arg(long, num_args = 1.., requires = "model", default_values_t = [1.0])]
    also_weight: Vec<f64>,
    /// With --model: the inverse penalty strengths C tried by the cross-validation (the best is kept)
    #[arg(long, value_name = "C", num_args = 1.., requires = "model", default_values_t = [0.01, 0.03, 0.1])]
    grid: Vec<f64>,
    /// With --model: the split of --also files that is fitted on (the others stay held out)
    #[arg(long, default_value = "dev", requires = "model")]
    also_split: String,
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

/// Refuses an `--out` that is one of the fit's inputs (training, base, in-domain, held-out).
fn check_learn_output(a: &LearnArgs) -> Result<(), Failure> {
    let mut reads: Vec<&std::path::Path> = vec![a.train.as_path()];
    reads.extend(a.base.iter().map(PathBuf::as_path));
    reads.extend(a.also.iter().map(PathBuf::as_path));
    reads.extend(a.heldout.as_deref());
    common::check_output(
        "--out",
        &a.out,
        &reads,
        "an input would be overwritten: write the learned lexicon to another file",
    )
}

/// "name version" of each lexicon, for a learned lexicon's description.
fn names_and_versions(lexicons: &[Lexicon]) -> Vec<String> {
    lexicons
        .iter()
        .map(|l| format!("{} {}", l.info.name, l.info.version))
        .collect()
}

/// The base lexicons of a fit: `--base`, or the bundled ones without learned weights.
fn learn_base(a: &LearnArgs) -> Result<Vec<Lexicon>, Failure> {
    Ok(if a.base.is_empty() {
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
    })
}

/// Macro-F1 of `az` on the annotated file `h`.
fn heldout_f1(
    az: &framelens::analysis::Analyzer,
    h: &std::path::Path,
) -> Result<framelens::validate::Metrics, Failure> {
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
}

fn analyzer(lexicons: Vec<Lexicon>) -> Result<framelens::analysis::Analyzer, Failure> {
    framelens::analysis::Analyzer::new(
        framelens::lexicon::Gazetteer::bundled(),
        lexicons,
        framelens::corpus::boilerplate::Boilerplate::bundled(),
    )
    .map_err(Failure::usage)
}

fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn sha12(p: &std::path::Path) -> Result<String, Failure> {
    let bytes = std::fs::read(p)
        .map_err(|e| Failure::usage(anyhow::anyhow!("cannot read {}: {e}", p.display())))?;
    Ok(framelens::hash::sha256_hex(&bytes)[..12].to_string())
}

/// The end of `lexicon learn`'s report: the final fit's figures on its training items and, with
/// `--heldout`, the held-out macro-F1 with the learned lexicon (`what`) and without it; printed.
fn finish_learn(
    a: &LearnArgs,
    mut out: String,
    train: &framelens::validate::Metrics,
    base: Vec<Lexicon>,
    learned: Lexicon,
    what: &str,
) -> Outcome {
    out.push_str(&format!(
        "training items (final fit): accuracy {:.4}  macro-F1 {:.4}\n",
        train.accuracy, train.macro_f1
    ));
    if let Some(h) = &a.heldout {
        let mut lexicons = base.clone();
        framelens::lexicon::framing::add_or_replace(&mut lexicons, learned);
        let before = heldout_f1(&analyzer(base)?, h)?;
        let after = heldout_f1(&analyzer(lexicons)?, h)?;
        out.push_str(&format!(
            "held out ({}, {} items): macro-F1 {:.4} with the learned {what}, {:.4} with the base lexicons alone\n",
            h.display(),
            after.n,
            after.macro_f1,
            before.macro_f1
        ));
    }
    common::print(&out)?;
    Ok(ExitStatus::Success)
}

fn learn_model(a: LearnArgs) -> Outcome {
    if let Some(c) = a.grid.iter().find(|c| !(c.is_finite() && **c > 0.0)) {
        return Err(Failure::usage(anyhow::anyhow!(
            "--grid: every C must be a number > 0, not {c}"
        )));
    }
    if let Some(w) = a.also_weight.iter().find(|w| !(w.is_finite() && **w > 0.0)) {
        return Err(Failure::usage(anyhow::anyhow!(
            "--also-weight: every weight must be a number > 0, not {w}"
        )));
    }
    check_learn_output(&a)?;
    let base = learn_base(&a)?;
    let mut items: Vec<framelens::learn::model::Item> =
        read_gold(&a.train)?.into_iter().map(|i| (i, 0)).collect();
    let mut sources = vec![format!(
        "{} (sha256 {}, {} items)",
        file_name(&a.train),
        sha12(&a.train)?,
        items.len()
    )];
    for (k, p) in a.also.iter().enumerate() {
        let all = read_gold(p)?;
        let split = all.iter().any(|i| i.split.is_some());
        let kept: Vec<_> = all
            .into_iter()
            .filter(|i| !split || i.split.as_deref() == Some(a.also_split.as_str()))
            .collect();
        if kept.is_empty() {
            return Err(Failure::usage(anyhow::anyhow!(
                "{}: no item to fit on (split {:?}): name another --also-split",
                p.display(),
                a.also_split
            )));
        }
        sources.push(format!(
            "{} (sha256 {}, {} items{})",
            file_name(p),
            sha12(p)?,
            kept.len(),
            if split {
                format!(" of split {}", a.also_split)
            } else {
                String::new()
            },
        ));
        items.extend(kept.into_iter().map(|i| (i, k + 1)));
    }
    let opts = framelens::learn::model::Options {
        folds: a.folds as usize,
        min_count: a.min_count.unwrap_or(2),
        grid: a.grid.clone(),
        also_weights: a.also_weight.clone(),
        ..Default::default()
    };
    let learned = framelens::learn::model::learn(&base, &items, &opts).map_err(Failure::usage)?;
    let bases = names_and_versions(&base);
    let cv: Vec<String> = learned
        .cv
        .iter()
        .map(|(w, c, per, mean)| {
            let each: Vec<String> = per.iter().map(|m| format!("{:.4}", m.macro_f1)).collect();
            format!("weight {w}, C {c}: {mean:.4} ({})", each.join(" / "))
        })
        .collect();
    let meta = framelens::learn::Meta {
        name: a.name.clone(),
        version: "2.0.0".into(),
        description: format!(
            "a learned stance layer fitted to {} over {}",
            sources.join(" and "),
            bases.join(", ")
        ),
    };
    let note = format!(
        "multinomial logistic regression, classes weighted alike, in-domain items weighted {}, L2 penalty 1/(2C); C {}, both chosen by {}-fold cross-validation, the mean of each training file's macro-F1 ({}); features in at least {} training items: {} (written: those whose weights are not all 0)",
        learned.also_weight,
        learned.c,
        a.folds,
        if cv.is_empty() { "none".to_string() } else { cv.join(", ") },
        opts.min_count,
        learned.data.names.len(),
    );
    let toml_text = framelens::learn::model::to_toml(&learned, &meta, &note);
    let lex =
        Lexicon::load_checked(&toml_text, &a.out.display().to_string()).map_err(Failure::usage)?;
    common::write_atomic(&a.out, toml_text.as_bytes())?;
    let mut out = format!(
        "items {} (unscored {})  features {}  in-domain weight {}  C {}\nlearned layer written to {}\n",
        learned.data.rows.len(),
        learned.data.unscored,
        learned.data.names.len(),
        learned.also_weight,
        learned.c,
        a.out.display()
    );
    for (w, c, per, mean) in &learned.cv {
        let each: Vec<String> = per
            .iter()
            .zip(std::iter::once(&a.train).chain(&a.also))
            .map(|(m, p)| format!("{} {:.4}", file_name(p), m.macro_f1))
            .collect();
        out.push_str(&format!(
            "cross-validation ({} folds), weight {w}, C {c}: mean macro-F1 {mean:.4} ({})\n",
            a.folds,
            each.join(", ")
        ));
    }
    finish_learn(&a, out, &learned.train, base, lex, "layer")
}

fn learn(a: LearnArgs) -> Outcome {
    if a.model {
        return learn_model(a);
    }
    if !(a.l2.is_finite() && a.l2 >= 0.0) {
        return Err(Failure::usage(anyhow::anyhow!(
            "--l2 must be a number >= 0, not {}",
            a.l2
        )));
    }
    check_learn_output(&a)?;
    let base = learn_base(&a)?;
    let items = read_gold(&a.train)?;
    let opts = framelens::learn::Options {
        folds: a.folds as usize,
        l2: a.l2,
        min_count: a.min_count.unwrap_or(20),
        balanced: !a.unbalanced,
        bigrams: a.bigrams,
        ..Default::default()
    };
    let learned = framelens::learn::learn(&base, &items, &opts).map_err(Failure::usage)?;
    let train_hash = sha12(&a.train)?;
    let bases = names_and_versions(&base);
    let train_name = file_name(&a.train);
    let meta = framelens::learn::Meta {
        name: a.name.clone(),
        version: "1.0.0".into(),
        description: format!(
            "stance weights fitted to {train_name} (sha256 {}, {} items) over {}; l2 {}, min count {}, {} folds{}{}",
            train_hash,
            learned.data.examples.len(),
            bases.join(", "),
            a.l2,
            opts.min_count,
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
    finish_learn(&a, out, &learned.train, base, lex, "lexicon")
}
