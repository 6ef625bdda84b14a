//! `framelens validate --gold FILE.jsonl`: accuracy, macro-F1 and a confusion matrix of
//! target-dependent stance against annotated sentences (`text`, `target_start`,
//! `target_end` as character offsets, `label` in −1/0/1).

use super::common::{self, Format, LexiconArgs};
use super::{Failure, Outcome};
use crate::analysis::Analyzer;
use crate::span::Span;
use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::io::BufRead;
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

#[derive(Deserialize)]
struct Item {
    text: String,
    target_start: usize,
    target_end: usize,
    label: i8,
    id: Option<serde_json::Value>,
}

/// Validation figures.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Metrics {
    /// Items scored.
    pub n: usize,
    /// Lines that could not be used, with reasons.
    pub skipped: Vec<String>,
    /// Share correct.
    pub accuracy: f64,
    /// Mean F1 over the three classes.
    pub macro_f1: f64,
    /// Per class (−1, 0, 1): precision, recall, F1, support.
    pub classes: Vec<ClassMetrics>,
    /// Rows: gold −1, 0, 1; columns: predicted −1, 0, 1.
    pub confusion: [[u64; 3]; 3],
}

/// Figures for one class.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ClassMetrics {
    /// −1, 0 or 1.
    pub label: i8,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Gold items.
    pub support: u64,
}

fn r4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// Metrics from a confusion matrix.
pub fn metrics(confusion: [[u64; 3]; 3], skipped: Vec<String>) -> Metrics {
    let n: u64 = confusion.iter().flatten().sum();
    let correct: u64 = (0..3).map(|i| confusion[i][i]).sum();
    let mut classes = Vec::new();
    for (c, row) in confusion.iter().enumerate() {
        let tp = row[c] as f64;
        let pred: u64 = confusion.iter().map(|r| r[c]).sum();
        let gold: u64 = row.iter().sum();
        let p = if pred > 0 { tp / pred as f64 } else { 0.0 };
        let r = if gold > 0 { tp / gold as f64 } else { 0.0 };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        classes.push(ClassMetrics {
            label: c as i8 - 1,
            precision: r4(p),
            recall: r4(r),
            f1: r4(f),
            support: gold,
        });
    }
    let macro_f1 = classes.iter().map(|c| c.f1).sum::<f64>() / 3.0;
    Metrics {
        n: n as usize,
        skipped,
        accuracy: r4(if n > 0 {
            correct as f64 / n as f64
        } else {
            0.0
        }),
        macro_f1: r4(macro_f1),
        classes,
        confusion,
    }
}

/// Scores every item of a gold file.
pub fn evaluate(
    az: &Analyzer,
    path: &std::path::Path,
    mut on_item: impl FnMut(&str, i8, i8, f64),
) -> Result<Metrics, Failure> {
    let f = std::fs::File::open(path)
        .with_context(|| format!("cannot open {}", path.display()))
        .map_err(Failure::usage)?;
    let mut confusion = [[0u64; 3]; 3];
    let mut skipped = Vec::new();
    for (i, line) in std::io::BufReader::new(f).split(b'\n').enumerate() {
        let line = line
            .with_context(|| format!("cannot read {}", path.display()))
            .map_err(Failure::usage)?;
        let lno = i + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let item: Item = match std::str::from_utf8(&line)
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str(s).map_err(|e| e.to_string()))
        {
            Ok(it) => it,
            Err(e) => {
                skipped.push(format!("{}:{lno}: {e}", path.display()));
                continue;
            }
        };
        if !(-1..=1).contains(&item.label) {
            skipped.push(format!(
                "{}:{lno}: label {} is not -1, 0 or 1",
                path.display(),
                item.label
            ));
            continue;
        }
        let to_byte = |c: usize| {
            item.text
                .char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(item.text.len()))
                .nth(c)
        };
        let (Some(s), Some(e)) = (to_byte(item.target_start), to_byte(item.target_end)) else {
            skipped.push(format!(
                "{}:{lno}: target offsets {}..{} are outside the text",
                path.display(),
                item.target_start,
                item.target_end
            ));
            continue;
        };
        let Some(score) = crate::analysis::score_target(az, &item.text, Span::new(s, e.max(s)))
        else {
            skipped.push(format!(
                "{}:{lno}: the target has no word to score",
                path.display()
            ));
            continue;
        };
        let pred = score.label();
        confusion[(item.label + 1) as usize][(pred + 1) as usize] += 1;
        let id = item
            .id
            .map(|v| v.to_string())
            .unwrap_or_else(|| lno.to_string());
        on_item(&id, item.label, pred, score.score);
    }
    Ok(metrics(confusion, skipped))
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
    Ok(0)
}
