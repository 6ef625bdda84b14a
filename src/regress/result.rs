//! The result of a regression bench: verdict, counts, lexicon changes, the metrics that moved
//! and the explanations of their cells, as written to `regress.json`.

use super::compare::{compare, Metric};
use super::explain::{CellChange, Explain};
use super::tolerances::Tolerances;
use crate::lexicon::diff::LexiconDiff;
use crate::rank::top_k_by;
use crate::report::Report;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How the changed entries acted: sentences where each matched and something changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntryEffect {
    /// The entry (`lexicon: ~ section "term": old -> new`).
    pub entry: String,
    /// Changed sentences in which it matched.
    pub sentences: u64,
}

/// The verdict of a regression bench.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every move is within its tolerance.
    Pass,
    /// A move exceeds its tolerance: `regress` exits 1.
    Fail,
}

impl Verdict {
    /// `pass` or `fail`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// The result of a regression bench.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Regression {
    /// The baseline report.
    pub baseline: String,
    /// Lexicons of the baseline.
    pub old_lexicons: Vec<crate::lexicon::SourceInfo>,
    /// Lexicons of this run.
    pub new_lexicons: Vec<crate::lexicon::SourceInfo>,
    /// Inputs (same hashes as the baseline's).
    pub inputs: Vec<crate::corpus::InputInfo>,
    /// Tolerances applied.
    pub tolerances: Tolerances,
    /// Pass (every move within tolerance) or fail.
    pub verdict: Verdict,
    /// Metrics compared.
    pub compared: usize,
    /// Metrics that moved.
    pub moved: usize,
    /// Moves beyond tolerance.
    pub exceeding: usize,
    /// Moves that leave the baseline's interval.
    pub outside_interval: usize,
    /// Moves already present with the baseline's own lexicons.
    pub drift: usize,
    /// Warnings (gazetteer or version differences).
    pub warnings: Vec<String>,
    /// Lexicon changes, per lexicon.
    pub diffs: Vec<LexiconDiff>,
    /// Changed entries by the sentences they changed.
    pub entries: Vec<EntryEffect>,
    /// Articles with a changed sentence.
    pub articles_changed: u64,
    /// Sentences with a change.
    pub sentences_changed: u64,
    /// The metrics that moved.
    pub metrics: Vec<Metric>,
    /// Explanations of the cells of the moved metrics.
    pub cells: BTreeMap<String, CellChange>,
}

impl Regression {
    /// Assembles the result.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        baseline: String,
        base: &Report,
        rerun: &Report,
        new: &Report,
        tol: Tolerances,
        diffs: Vec<LexiconDiff>,
        explain: Explain,
        mut warnings: Vec<String>,
    ) -> Regression {
        let (metrics, compared) = compare(base, rerun, new, &tol);
        let mut cells = BTreeMap::new();
        for m in &metrics {
            if let Some(c) = &m.cell {
                if let Some(x) = explain.cells.get(c) {
                    cells.insert(c.clone(), x.clone());
                }
            }
        }
        let effects = explain.entries.iter().map(|(k, v)| EntryEffect {
            entry: k.clone(),
            sentences: *v,
        });
        let entries = top_k_by(effects, usize::MAX, |e| e.sentences, |e| &e.entry);
        let drift = metrics.iter().filter(|m| m.drift).count();
        if drift > 0 {
            warnings.push(format!(
                "{drift} metric(s) already differ when the baseline's own lexicons are re-run: the baseline was made by another framelens version, gazetteer or options; those moves are not due to the lexicon edit (marked `drift`); make a new baseline with `analyze` or `regress --update-baseline`"
            ));
        }
        let exceeding = metrics.iter().filter(|m| m.exceeds).count();
        Regression {
            baseline,
            old_lexicons: rerun.provenance.lexicons.clone(),
            new_lexicons: new.provenance.lexicons.clone(),
            inputs: new.provenance.inputs.clone(),
            tolerances: tol,
            verdict: if exceeding > 0 {
                Verdict::Fail
            } else {
                Verdict::Pass
            },
            compared,
            moved: metrics.len(),
            exceeding,
            outside_interval: metrics.iter().filter(|m| m.outside_interval).count(),
            drift,
            warnings,
            diffs,
            entries,
            articles_changed: explain.articles,
            sentences_changed: explain.sentences,
            metrics,
            cells,
        }
    }

    /// As JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let v = serde_json::to_value(self).expect("regression serialises");
        let mut s = serde_json::to_string_pretty(&v).expect("regression serialises");
        s.push('\n');
        s
    }
}
