//! Tolerances: how far each kind of metric may move before the bench fails, as read from
//! `--tolerance`, `--tolerance-for` and a TOML file.

use serde::{Deserialize, Serialize};

/// Metric kinds, as named in tolerances and output.
pub const KINDS: [&str; 6] = [
    "stance",
    "label",
    "frame",
    "keyness",
    "similarity",
    "accounting",
];

/// How far each kind of metric may move before the bench fails.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Tolerances {
    /// Mean stance (scale −1..1).
    pub stance: f64,
    /// Label share (0..1).
    pub label: f64,
    /// Frame share (0..1).
    pub frame: f64,
    /// Keyness z-score of a top term.
    pub keyness: f64,
    /// Cosine similarity.
    pub similarity: f64,
    /// Record counts (read, analysed, skipped, sentences, tokens).
    pub accounting: f64,
    /// Cells with fewer observations than this (in both runs) are listed but never fail.
    pub min_n: u64,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            stance: 0.05,
            label: 0.05,
            frame: 0.05,
            keyness: 1.0,
            similarity: 0.05,
            accounting: 0.0,
            min_n: 1,
        }
    }
}

impl Tolerances {
    /// The tolerance of a kind.
    pub fn of(&self, kind: &str) -> f64 {
        match kind {
            "stance" => self.stance,
            "label" => self.label,
            "frame" => self.frame,
            "keyness" => self.keyness,
            "similarity" => self.similarity,
            _ => self.accounting,
        }
    }

    /// Sets the tolerance of a kind; false for an unknown kind.
    pub fn set(&mut self, kind: &str, t: f64) -> bool {
        let slot = match kind {
            "stance" => &mut self.stance,
            "label" => &mut self.label,
            "frame" => &mut self.frame,
            "keyness" => &mut self.keyness,
            "similarity" => &mut self.similarity,
            "accounting" => &mut self.accounting,
            _ => return false,
        };
        *slot = t;
        true
    }
}
