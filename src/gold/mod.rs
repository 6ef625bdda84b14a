//! Scoring against the hand-built gold sets (`docs/gold.md`, `docs/attribution.md`,
//! `fixtures/gold/`): actor mentions, label uses and attributions, each article with its text
//! embedded. Every figure is given for the `dev` part (what rules may be tuned on), the `test`
//! part (never tuned on) and both.
//!
//! Matching is by byte overlap, so that a system span that differs from the gold one by a title
//! or an article (`Foreign Minister Sergei Lavrov` / `Sergei Lavrov`) still counts; each set
//! says what else must agree (the actor, the label set, the kind of speech, the speaker).

pub mod actors;
pub mod attribution;
pub mod labels;

use crate::corpus::Article;
use crate::float::round;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Decimals of precision, recall and F1 in tables and JSON.
const DECIMALS: usize = 4;

/// The part of a gold set an article belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    /// Rules and thresholds may be tuned on it.
    Dev,
    /// Never looked at while tuning.
    Test,
}

/// What every gold line says about its article.
#[derive(Clone, Debug, Deserialize)]
pub struct Header {
    /// Article id in its corpus.
    pub article: String,
    /// `fakes_syria` or `seeds`.
    pub corpus: String,
    /// Host outlet code.
    pub outlet: String,
    /// Dev or test.
    pub split: Split,
    /// The article's text, exactly as the corpus gives it.
    pub text: String,
    /// Publication date, when known.
    #[serde(default)]
    pub date: Option<String>,
    /// Title, when known.
    #[serde(default)]
    pub title: Option<String>,
}

impl Header {
    /// The article as framelens reads it.
    pub fn to_article(&self) -> Article {
        Article {
            id: self.article.clone(),
            outlet: self.outlet.clone(),
            date: self.date.clone(),
            title: self.title.clone(),
            url: None,
            lang: None,
            text: self.text.clone(),
            source: self.corpus.clone(),
            line: None,
            hash: crate::hash::sha256_hex(&self.text),
        }
    }
}

/// A gold file that cannot be used: where and why.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct GoldError {
    /// The file.
    pub path: String,
    /// 1-based line (0 when the file cannot be read).
    pub line: usize,
    /// What is wrong and what to do.
    pub message: String,
}

/// Reads a JSONL gold file: each line with its 1-based number.
pub fn read_lines<T: serde::de::DeserializeOwned>(
    path: &Path,
) -> Result<Vec<(usize, T)>, GoldError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| GoldError {
        path: shown.clone(),
        line: 0,
        message: format!("cannot read the gold file: {e}"),
    })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v = serde_json::from_str(line).map_err(|e| GoldError {
            path: shown.clone(),
            line: i + 1,
            message: format!(
                "{e}; each line is one article as docs/gold.md describes (run scripts/gold_embed.py to add its text)"
            ),
        })?;
        out.push((i + 1, v));
    }
    Ok(out)
}

/// A gold line: the article it annotates.
pub trait GoldLine: serde::de::DeserializeOwned {
    /// The article's header and text.
    fn header(&self) -> &Header;
}

/// What scoring one gold set accumulates, article by article.
pub struct Tally {
    split: Split,
    errors: bool,
    rows: BTreeMap<String, BySplit>,
    listed: Vec<String>,
    notes: BTreeMap<String, u64>,
}

impl Tally {
    /// Adds counts to a measure, for the current article's split.
    pub fn add(&mut self, measure: impl Into<String>, c: Counts) {
        self.rows
            .entry(measure.into())
            .or_default()
            .add(self.split, c);
    }

    /// Lists an error when errors are asked for and the article is in the dev part (the test
    /// part's errors are never shown, so that nobody tunes on them).
    pub fn error(&mut self, e: impl FnOnce() -> String) {
        if self.errors && self.split == Split::Dev {
            self.listed.push(e());
        }
    }

    /// Adds to a figure that is not a precision or recall.
    pub fn note(&mut self, key: &str, n: u64) {
        *self.notes.entry(key.to_string()).or_default() += n;
    }

    /// The split of the current article.
    pub fn split(&self) -> Split {
        self.split
    }
}

/// Scores a gold set: reads every line of `files`, analyses its article, and lets `article`
/// compare the gold items with the analysis (an `Err` is a gold item that cannot be used: it
/// stops with the file and line). Rows come out ordered by `order`, then by name.
pub fn score_articles<L: GoldLine>(
    az: &crate::analysis::Analyzer,
    files: &[std::path::PathBuf],
    errors: bool,
    set: &str,
    order: impl Fn(&str) -> u8,
    mut article: impl FnMut(&L, &crate::analysis::Analysed, &mut Tally) -> Result<(), String>,
) -> Result<(Scores, Vec<String>), GoldError> {
    let mut scores = Scores {
        set: set.into(),
        ..Scores::default()
    };
    let mut tally = Tally {
        split: Split::Dev,
        errors,
        rows: BTreeMap::new(),
        listed: Vec::new(),
        notes: BTreeMap::new(),
    };
    let mut cache = crate::actors::FuzzyCache::default();
    for path in files {
        for (n, line) in read_lines::<L>(path)? {
            let bad = |message: String| GoldError {
                path: path.display().to_string(),
                line: n,
                message,
            };
            let h = line.header();
            let a = h.to_article();
            let an = az
                .analyse(&a, &mut cache)
                .map_err(|s| {
                    bad(format!(
                        "the article cannot be analysed ({}: {}); give the gold line an article framelens analyses, or leave it out",
                        s.kind_name(),
                        s.reason
                    ))
                })?;
            *scores.articles.entry(h.split).or_default() += 1;
            tally.split = h.split;
            article(&line, &an, &mut tally).map_err(bad)?;
        }
    }
    let mut names: Vec<&String> = tally.rows.keys().collect();
    names.sort_by_key(|k| (order(k), k.as_str()));
    scores.rows = names.iter().map(|k| tally.rows[*k].row(k)).collect();
    scores.notes = tally.notes;
    Ok((scores, tally.listed))
}

/// Checks that `start..end` lies in `text` on character boundaries and covers `written`.
pub fn check_span(
    text: &str,
    start: usize,
    end: usize,
    written: &str,
    what: &str,
) -> Result<Span, String> {
    match text.get(start..end) {
        Some(s) if s == written => Ok(Span::new(start, end)),
        Some(s) => Err(format!(
            "{what} {written:?} does not match the text at bytes {start}..{end} ({s:?}); fix the offsets"
        )),
        None => Err(format!(
            "{what} {written:?}: bytes {start}..{end} are outside the text or not on character boundaries"
        )),
    }
}

/// Precision and recall counts: `hit_sys` of `sys` system items are right, `hit_gold` of
/// `gold` gold items are found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// System items.
    pub sys: u64,
    /// System items that are right.
    pub hit_sys: u64,
    /// Gold items.
    pub gold: u64,
    /// Gold items found.
    pub hit_gold: u64,
}

impl Counts {
    /// Adds another count.
    pub fn add(&mut self, o: Counts) {
        self.sys += o.sys;
        self.hit_sys += o.hit_sys;
        self.gold += o.gold;
        self.hit_gold += o.hit_gold;
    }

    /// Precision, recall and F1 (None where a denominator is zero).
    pub fn prf(&self) -> Prf {
        let p = (self.sys > 0).then(|| self.hit_sys as f64 / self.sys as f64);
        let r = (self.gold > 0).then(|| self.hit_gold as f64 / self.gold as f64);
        let f1 = match (p, r) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        };
        Prf {
            precision: p.map(|x| round(x, DECIMALS)),
            recall: r.map(|x| round(x, DECIMALS)),
            f1: f1.map(|x| round(x, DECIMALS)),
            counts: *self,
        }
    }
}

/// Precision, recall and F1 with the counts behind them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Prf {
    /// Share of system items that are right.
    pub precision: Option<f64>,
    /// Share of gold items found.
    pub recall: Option<f64>,
    /// Harmonic mean of the two.
    pub f1: Option<f64>,
    /// The counts.
    pub counts: Counts,
}

/// Counts of one measure (e.g. "actor mentions, fuzzy") for dev and test.
#[derive(Clone, Debug, Default)]
pub struct BySplit {
    /// Per split.
    pub counts: BTreeMap<Split, Counts>,
}

impl BySplit {
    /// Adds counts to a split.
    pub fn add(&mut self, split: Split, c: Counts) {
        self.counts.entry(split).or_default().add(c);
    }

    /// Figures for dev, test and both.
    pub fn row(&self, measure: &str) -> Row {
        let get = |s| self.counts.get(&s).copied().unwrap_or_default();
        let mut all = get(Split::Dev);
        all.add(get(Split::Test));
        Row {
            measure: measure.to_string(),
            dev: get(Split::Dev).prf(),
            test: get(Split::Test).prf(),
            all: all.prf(),
        }
    }
}

/// One line of a validation table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// What is measured.
    pub measure: String,
    /// On the dev part.
    pub dev: Prf,
    /// On the test part (never tuned on).
    pub test: Prf,
    /// On both.
    pub all: Prf,
}

/// A validation result: rows of precision/recall, and notes (counts that are not P/R).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Which gold set.
    pub set: String,
    /// Articles scored, per split.
    pub articles: BTreeMap<Split, u64>,
    /// Precision/recall rows.
    pub rows: Vec<Row>,
    /// Further figures by name (e.g. voices borrowed from actors the article does not name).
    pub notes: BTreeMap<String, u64>,
}

impl Scores {
    /// A plain-text table: one line per measure, P/R/F1 for dev, test and both.
    pub fn table(&self) -> String {
        let f = |x: Option<f64>| x.map_or("   -  ".to_string(), |v| format!("{v:.4}"));
        let mut out = format!(
            "{} gold set: {} dev and {} test articles\n\n{:<44} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6} {:>7} {:>7}\n",
            self.set,
            self.articles.get(&Split::Dev).unwrap_or(&0),
            self.articles.get(&Split::Test).unwrap_or(&0),
            "measure",
            "dev P",
            "R",
            "F1",
            "test P",
            "R",
            "F1",
            "all P",
            "R",
            "F1",
            "n sys",
            "n gold"
        );
        for r in &self.rows {
            out.push_str(&format!(
                "{:<44} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6} {:>7} {:>7}\n",
                r.measure,
                f(r.dev.precision),
                f(r.dev.recall),
                f(r.dev.f1),
                f(r.test.precision),
                f(r.test.recall),
                f(r.test.f1),
                f(r.all.precision),
                f(r.all.recall),
                f(r.all.f1),
                r.all.counts.sys,
                r.all.counts.gold
            ));
        }
        if !self.notes.is_empty() {
            out.push('\n');
            for (k, v) in &self.notes {
                out.push_str(&format!("{k}: {v}\n"));
            }
        }
        out
    }
}

/// Bytes of `a` covered by the union of `spans` (which may overlap).
pub fn covered(a: Span, spans: &[Span]) -> usize {
    let mut parts: Vec<(usize, usize)> = spans
        .iter()
        .filter(|s| s.overlaps(a))
        .map(|s| (s.start.max(a.start), s.end.min(a.end)))
        .collect();
    parts.sort_unstable();
    let mut n = 0;
    let mut reach = a.start;
    for (s, e) in parts {
        let s = s.max(reach);
        if e > s {
            n += e - s;
            reach = e;
        }
    }
    n
}

/// The span without leading and trailing whitespace, quote marks and punctuation (gold spans
/// and system passages draw these edges differently; they carry no content).
pub fn trim(text: &str, s: Span) -> Span {
    let Some(t) = text.get(s.start..s.end) else {
        return s;
    };
    let edge = |c: char| c.is_whitespace() || (!c.is_alphanumeric() && c != '%' && c != '$');
    let lead = t.len() - t.trim_start_matches(edge).len();
    let body = t.trim_matches(edge);
    if body.is_empty() {
        return Span::new(s.start, s.start);
    }
    Span::new(s.start + lead, s.start + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_counts_each_byte_once() {
        let a = Span::new(10, 20);
        assert_eq!(
            covered(a, &[Span::new(0, 12), Span::new(11, 15), Span::new(18, 30)]),
            7
        );
        assert_eq!(covered(a, &[]), 0);
        assert_eq!(covered(a, &[Span::new(20, 25)]), 0);
    }

    #[test]
    fn trimming_drops_quotes_and_punctuation_only() {
        let t = "x \u{201C}We agreed.\u{201D} y";
        let s = trim(t, Span::new(2, t.len() - 2));
        assert_eq!(&t[s.start..s.end], "We agreed");
    }

    #[test]
    fn prf_from_counts() {
        let c = Counts {
            sys: 10,
            hit_sys: 8,
            gold: 20,
            hit_gold: 8,
        };
        let p = c.prf();
        assert_eq!(p.precision, Some(0.8));
        assert_eq!(p.recall, Some(0.4));
        assert_eq!(p.f1, Some(0.5333));
        assert_eq!(Counts::default().prf().precision, None);
    }
}
