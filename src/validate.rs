//! Validation of target-dependent stance against annotated sentences: the gold format (JSONL
//! with `text`, `target_start` and `target_end` as character offsets, `label` in −1/0/1 and an
//! optional `id`), the scoring of each item and the figures (accuracy, macro-F1, per-class
//! precision, recall and F1, confusion matrix). Reads from any reader; opening files is the
//! command line's job.

use crate::analysis::Analyzer;
use crate::float::round;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::io::BufRead;

/// One annotated sentence of a gold file.
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

/// Decimals of the validation figures.
const DECIMALS: usize = 4;

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
            precision: round(p, DECIMALS),
            recall: round(r, DECIMALS),
            f1: round(f, DECIMALS),
            support: gold,
        });
    }
    let macro_f1 = classes.iter().map(|c| c.f1).sum::<f64>() / 3.0;
    let accuracy = if n > 0 {
        correct as f64 / n as f64
    } else {
        0.0
    };
    Metrics {
        n: n as usize,
        skipped,
        accuracy: round(accuracy, DECIMALS),
        macro_f1: round(macro_f1, DECIMALS),
        classes,
        confusion,
    }
}

/// One usable item of a gold file: the text, the target as a byte span, the label.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldItem {
    /// The sentence or passage.
    pub text: String,
    /// The target, in bytes.
    pub target: Span,
    /// −1, 0 or 1.
    pub label: i8,
    /// The item's `id`, or its line number.
    pub id: String,
    /// Its line in the file.
    pub line: usize,
}

/// Reads the items of a gold file from `reader` (`source` names it in skip reasons); lines
/// that cannot be used are returned as skip reasons. Fails only when the reader does.
pub fn read_items(
    reader: impl BufRead,
    source: &str,
) -> std::io::Result<(Vec<GoldItem>, Vec<String>)> {
    let mut items = Vec::new();
    let mut skipped = Vec::new();
    for (i, line) in reader.split(b'\n').enumerate() {
        let line = line?;
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
                skipped.push(format!("{source}:{lno}: {e}"));
                continue;
            }
        };
        if !(-1..=1).contains(&item.label) {
            skipped.push(format!(
                "{source}:{lno}: label {} is not -1, 0 or 1",
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
                "{source}:{lno}: target offsets {}..{} are outside the text",
                item.target_start, item.target_end
            ));
            continue;
        };
        let id = item
            .id
            .map(|v| v.to_string())
            .unwrap_or_else(|| lno.to_string());
        items.push(GoldItem {
            text: item.text,
            target: Span::new(s, e.max(s)),
            label: item.label,
            id,
            line: lno,
        });
    }
    Ok((items, skipped))
}

/// Scores every item of a gold file read from `reader` (`source` names it in skip reasons) and
/// calls `on_item(id, gold, predicted, score)` for each; fails only when the reader does.
pub fn score(
    az: &Analyzer,
    reader: impl BufRead,
    source: &str,
    mut on_item: impl FnMut(&str, i8, i8, f64),
) -> std::io::Result<Metrics> {
    let mut confusion = [[0u64; 3]; 3];
    let (items, mut skipped) = read_items(reader, source)?;
    for item in items {
        let Some(score) = crate::analysis::score_target(az, &item.text, item.target) else {
            skipped.push(format!(
                "{source}:{}: the target has no word to score",
                item.line
            ));
            continue;
        };
        let pred = score.label();
        confusion[(item.label + 1) as usize][(pred + 1) as usize] += 1;
        on_item(&item.id, item.label, pred, score.score);
    }
    Ok(metrics(confusion, skipped))
}
