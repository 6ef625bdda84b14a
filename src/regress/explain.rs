//! The explanation of a run: per report cell, the sentences whose scores or label and frame
//! uses changed (the largest moves kept, in an order that does not depend on the merge order)
//! and the changed lexicon entries that matched in them.

use super::micro;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A sentence whose contribution to a cell changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MovedSentence {
    /// Article id.
    pub article: String,
    /// Host outlet.
    pub outlet: String,
    /// Input path.
    pub source: String,
    /// Line in the input.
    pub line: Option<u64>,
    /// Byte offset of the sentence in the article text.
    pub start: u64,
    /// The sentence.
    pub text: String,
    /// Who speaks in it (the cell's voice).
    pub voice: String,
    /// Old score, or the old uses (`regime, regime`); `-` for none.
    pub old: String,
    /// New score or uses.
    pub new: String,
    /// How much it moved: score difference, or number of uses that changed.
    pub delta: f64,
    /// The changed lexicon entries that matched in it.
    pub entries: Vec<String>,
}

/// What changed in one report cell.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CellChange {
    /// Sentences that changed.
    pub sentences: u64,
    /// Changed entries that matched in those sentences, with how many sentences.
    pub entries: BTreeMap<String, u64>,
    /// The sentences that moved most (capped, deterministic order).
    pub top: Vec<MovedSentence>,
}

impl CellChange {
    fn order(a: &MovedSentence, b: &MovedSentence) -> std::cmp::Ordering {
        micro(b.delta.abs())
            .cmp(&micro(a.delta.abs()))
            .then_with(|| a.article.cmp(&b.article))
            .then_with(|| a.start.cmp(&b.start))
    }

    pub(super) fn add(&mut self, s: MovedSentence, cap: usize) {
        self.sentences += 1;
        for e in &s.entries {
            *self.entries.entry(e.clone()).or_default() += 1;
        }
        self.top.push(s);
        self.top.sort_by(Self::order);
        self.top.truncate(cap);
    }

    fn merge(&mut self, o: CellChange, cap: usize) {
        self.sentences += o.sentences;
        for (k, v) in o.entries {
            *self.entries.entry(k).or_default() += v;
        }
        self.top.extend(o.top);
        self.top.sort_by(Self::order);
        self.top.truncate(cap);
    }
}

/// Changes per cell, from the sentence-level comparison of two runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Explain {
    /// Sentences kept per cell.
    pub cap: usize,
    /// Per cell key (`stance|voice|actor`, ...), what changed in it.
    pub cells: BTreeMap<String, CellChange>,
    /// Per changed entry: sentences where it matched and something changed.
    pub entries: BTreeMap<String, u64>,
    /// Sentences with any change.
    pub sentences: u64,
    /// Articles with any change.
    pub articles: u64,
}

impl Explain {
    /// Merges another collector into this one.
    pub fn merge(&mut self, o: Explain) {
        let cap = self.cap;
        for (k, v) in o.cells {
            self.cells.entry(k).or_default().merge(v, cap);
        }
        for (k, v) in o.entries {
            *self.entries.entry(k).or_default() += v;
        }
        self.sentences += o.sentences;
        self.articles += o.articles;
    }
}
