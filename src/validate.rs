//! Validation of target-dependent stance against annotated sentences: the gold format (JSONL
//! with `text`, `target_start` and `target_end` as character offsets, `label` in −1/0/1 and an
//! optional `id`), the scoring of each item and the figures (accuracy, macro-F1, per-class
//! precision, recall and F1, confusion matrix). Reads from any reader; opening files is the
//! command line's job.

use crate::analysis::Analyzer;
use crate::float::round;
use crate::framing::stance::Score;
use crate::lexicon::{HitKind, Matcher};
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
    #[serde(default)]
    split: Option<String>,
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
    /// Share of the items predicted in this class that are in it (0 when none is predicted).
    pub precision: f64,
    /// Share of the class's gold items predicted as it (0 when it has none).
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
    /// Its `split` (`dev`, `test`), if the file has one.
    pub split: Option<String>,
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
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .unwrap_or_else(|| lno.to_string());
        items.push(GoldItem {
            text: item.text,
            target: Span::new(s, e.max(s)),
            label: item.label,
            id,
            line: lno,
            split: item.split,
        });
    }
    Ok((items, skipped))
}

/// Scores items with an analyzer's lexicons and calls `on_item(item, score)` for each scored
/// one; items whose target has no word are added to `skipped` (`source` names the file).
pub fn score_items(
    az: &Analyzer,
    items: &[GoldItem],
    source: &str,
    skipped: &mut Vec<String>,
    mut on_item: impl FnMut(&GoldItem, &Score),
) -> [[u64; 3]; 3] {
    let mut confusion = [[0u64; 3]; 3];
    for item in items {
        let Some(score) = crate::analysis::score_target(az, &item.text, item.target) else {
            skipped.push(format!(
                "{source}:{}: the target has no word to score",
                item.line
            ));
            continue;
        };
        confusion[(item.label + 1) as usize][(score.label() + 1) as usize] += 1;
        on_item(item, &score);
    }
    confusion
}

/// Scores every item of a gold file read from `reader` (`source` names it in skip reasons) and
/// calls `on_item(id, gold, predicted, score)` for each; fails only when the reader does.
pub fn score(
    az: &Analyzer,
    reader: impl BufRead,
    source: &str,
    mut on_item: impl FnMut(&str, i8, i8, f64),
) -> std::io::Result<Metrics> {
    let (items, mut skipped) = read_items(reader, source)?;
    let confusion = score_items(az, &items, source, &mut skipped, |item, s| {
        on_item(&item.id, item.label, s.label(), s.score)
    });
    Ok(metrics(confusion, skipped))
}

/// Replicates of the bootstrap interval.
pub const BOOTSTRAP_REPLICATES: usize = 1000;

/// A 95 % percentile bootstrap interval of macro-F1 over (gold, predicted) pairs: each replicate
/// draws `n` items with replacement, the draws taken from a SplitMix hash of replicate and
/// draw number, so the interval is the same on every run.
pub fn bootstrap_interval(pairs: &[(i8, i8)], reps: usize) -> (f64, f64) {
    if pairs.is_empty() || reps == 0 {
        return (0.0, 0.0);
    }
    let n = pairs.len();
    let mut f1s: Vec<f64> = (0..reps)
        .map(|r| {
            let mut confusion = [[0u64; 3]; 3];
            for k in 0..n {
                let h = crate::hash::splitmix(((r as u64) << 32) ^ k as u64);
                let (g, p) = pairs[(h % n as u64) as usize];
                confusion[(g + 1) as usize][(p + 1) as usize] += 1;
            }
            metrics(confusion, Vec::new()).macro_f1
        })
        .collect();
    f1s.sort_by(f64::total_cmp);
    let at = |q: f64| f1s[((q * (reps - 1) as f64).round() as usize).min(reps - 1)];
    (round(at(0.025), DECIMALS), round(at(0.975), DECIMALS))
}

/// VADER's sentence score as framelens computes it for comparison: the VADER lexicon's terms
/// over the whole text, whoever the target is (longest match), a negator up to three tokens
/// before a term × −0.74, an intensifier up to two tokens before × (1 + scalar), VADER's "but"
/// rule (× 0.5 before, × 1.5 after), the sum normalised as `x / sqrt(x² + 15)`; ≥ 0.05
/// positive, ≤ −0.05 negative (VADER's reference thresholds). Without VADER's capitals,
/// exclamation marks and idioms, so it is close to `vaderSentiment`'s compound, not equal.
pub fn vader_label(matcher: &Matcher, text: &str) -> i8 {
    let tokens = crate::text::Tokens::new(text, &[Span::new(0, text.len())]);
    let hits = matcher.find(text, &tokens);
    let but = (0..tokens.tokens.len()).find(|&i| tokens.key(i) == "but");
    let mut x = 0.0;
    for h in crate::framing::stance::longest(
        hits.iter()
            .filter(|h| matches!(h.kind, HitKind::Stance { .. })),
    ) {
        let HitKind::Stance { entry } = h.kind else {
            continue;
        };
        let (f, l) = (h.first as usize, h.last as usize);
        if hits.iter().any(|i| {
            matches!(i.kind, HitKind::Intensifier { .. }) && i.first == h.first && i.last == h.last
        }) {
            continue;
        }
        let mut w = matcher.stance[entry as usize].weight;
        for i in &hits {
            let before = (i.last as usize) < f && f - i.last as usize <= 3;
            match i.kind {
                HitKind::Negator if before => w *= -0.74,
                HitKind::Intensifier { entry } if before && f - i.last as usize <= 2 => {
                    w *= 1.0 + matcher.intensifiers[entry as usize].1
                }
                _ => {}
            }
        }
        if let Some(b) = but {
            w *= if l < b { 0.5 } else { 1.5 };
        }
        x += w;
    }
    let s = x / (x * x + 15.0).sqrt();
    if s >= 0.05 {
        1
    } else if s <= -0.05 {
        -1
    } else {
        0
    }
}

/// One scorer's figures.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Scorer {
    /// What scored.
    pub name: String,
    /// The figures.
    pub metrics: Metrics,
    /// 95 % bootstrap interval of macro-F1.
    pub interval: (f64, f64),
}

impl Scorer {
    /// Figures and interval from (gold, predicted) pairs.
    pub fn from_pairs(name: &str, pairs: &[(i8, i8)], skipped: Vec<String>) -> Scorer {
        let mut confusion = [[0u64; 3]; 3];
        for &(g, p) in pairs {
            confusion[(g + 1) as usize][(p + 1) as usize] += 1;
        }
        Scorer {
            name: name.to_string(),
            metrics: metrics(confusion, skipped),
            interval: bootstrap_interval(pairs, BOOTSTRAP_REPLICATES),
        }
    }
}

/// The comparison scorers on the same items: the lexicons given (`base`: e.g. the bundled ones
/// without learned weights) and VADER's sentence score with `vader`'s terms.
pub fn compare(items: &[GoldItem], others: &[(&str, &Analyzer)], vader: &Matcher) -> Vec<Scorer> {
    let mut out = Vec::new();
    for (name, az) in others {
        let mut pairs = Vec::new();
        let mut skipped = Vec::new();
        score_items(az, items, "-", &mut skipped, |it, s| {
            pairs.push((it.label, s.label()))
        });
        out.push(Scorer::from_pairs(name, &pairs, Vec::new()));
    }
    let pairs: Vec<(i8, i8)> = items
        .iter()
        .map(|it| (it.label, vader_label(vader, &it.text)))
        .collect();
    out.push(Scorer::from_pairs(
        "VADER sentence score",
        &pairs,
        Vec::new(),
    ));
    out
}

/// What an error is filed under in `validate --errors`: the rules of the term that weighed
/// most (`term alone` when none fired), `rules on the target only`, or `no term fired`; when the
/// learned layer decided, the group says so and the detail shows its features.
pub fn error_group(s: &Score) -> (String, String) {
    let main = s
        .contributions
        .iter()
        .filter(|c| c.effective != 0.0)
        .max_by(|a, b| {
            a.effective
                .abs()
                .total_cmp(&b.effective.abs())
                .then(b.span.start.cmp(&a.span.start))
        });
    let rules: Vec<&str> = s.rules.iter().copied().filter(|&r| r != "model").collect();
    let (group, detail) = match main {
        None if rules.is_empty() => ("no term fired".to_string(), String::new()),
        None => (
            format!("rules on the target only: {}", rules.join(", ")),
            String::new(),
        ),
        Some(c) => {
            let rules = if c.rules.is_empty() {
                "term alone".to_string()
            } else {
                c.rules.join(", ")
            };
            (
                rules,
                format!("{:?} {:+.2} -> {:+.3}", c.text, c.weight, c.effective),
            )
        }
    };
    match &s.model {
        None => (group, detail),
        Some(d) => (
            format!("{group}; decided by the learned layer"),
            if detail.is_empty() {
                d.explain()
            } else {
                format!("{detail}; {}", d.explain())
            },
        ),
    }
}
