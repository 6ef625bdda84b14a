//! `framelens validate --gold FILE.jsonl`: accuracy, macro-F1 and a confusion matrix of
//! target-dependent stance against annotated sentences (`text`, `target_start`,
//! `target_end` as character offsets, `label` in −1/0/1).

use super::common::{self, Format, LexiconArgs};
use super::{ExitStatus, Failure, Outcome};
use crate::analysis::Analyzer;
use crate::validate::Metrics;
use anyhow::Context;
use std::path::PathBuf;

/// Flags of `validate`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Annotated sentences (JSONL)
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,
    #[command(flatten)]
    lexicons: LexiconArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Also list every misclassified item
    #[arg(long)]
    errors: bool,
    /// Write every item's id, gold label, prediction and score to this JSONL file
    #[arg(long, value_name = "FILE")]
    items: Option<PathBuf>,
}

/// Scores every item of a gold file.
pub fn evaluate(
    az: &Analyzer,
    path: &std::path::Path,
    on_item: impl FnMut(&str, i8, i8, f64),
) -> Result<Metrics, Failure> {
    let f = std::fs::File::open(path)
        .with_context(|| format!("cannot open {}", path.display()))
        .map_err(Failure::usage)?;
    crate::validate::score(
        az,
        std::io::BufReader::new(f),
        &path.display().to_string(),
        on_item,
    )
    .with_context(|| format!("cannot read {}", path.display()))
    .map_err(Failure::usage)
}

/// Runs `validate`.
pub fn run(args: Args) -> Outcome {
    let lexicons = args.lexicons.load()?;
    let az = Analyzer::new(
        crate::lexicon::Gazetteer::bundled(),
        lexicons,
        crate::corpus::boilerplate::Boilerplate::bundled(),
    )
    .map_err(super::Failure::usage)?;
    let mut wrong = Vec::new();
    let mut items = String::new();
    let m = evaluate(&az, &args.gold, |id, gold, pred, score| {
        if gold != pred {
            wrong.push(format!(
                "{id}: gold {gold:+} predicted {pred:+} (score {score:+.3})"
            ));
        }
        items.push_str(
            &serde_json::json!({"id": id, "gold": gold, "predicted": pred, "score": score})
                .to_string(),
        );
        items.push('\n');
    })?;
    if let Some(p) = &args.items {
        common::write_atomic(p, items.as_bytes())?;
    }
    for s in &m.skipped {
        eprintln!("framelens: skipped {s}");
    }
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&m).map_err(Failure::usage)? + "\n",
        Format::Table => {
            let mut s = format!("items {}  accuracy {:.4}  macro-F1 {:.4}\n\nclass  precision  recall  f1      support\n", m.n, m.accuracy, m.macro_f1);
            for c in &m.classes {
                s.push_str(&format!(
                    "{:>+5}  {:>9.4}  {:>6.4}  {:.4}  {:>7}\n",
                    c.label, c.precision, c.recall, c.f1, c.support
                ));
            }
            s.push_str("\nconfusion (rows gold -1/0/+1, columns predicted -1/0/+1)\n");
            for (i, row) in m.confusion.iter().enumerate() {
                s.push_str(&format!(
                    "{:>+3}  {:>6} {:>6} {:>6}\n",
                    i as i8 - 1,
                    row[0],
                    row[1],
                    row[2]
                ));
            }
            if args.errors {
                s.push_str("\nmisclassified\n");
                for w in &wrong {
                    s.push_str(w);
                    s.push('\n');
                }
            }
            s
        }
    };
    common::print(&out)?;
    Ok(ExitStatus::Success)
}
