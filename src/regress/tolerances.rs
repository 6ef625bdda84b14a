//! Tolerances: how far each kind of metric may move before the bench fails, as read from
//! `--tolerance`, `--tolerance-for` and a TOML file.

use serde::{Deserialize, Serialize};

/// The kind of a metric, as named in tolerances, `regress.json` and the tables; the order of
/// the variants is the order of the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricKind {
    /// Mean stance of a voice toward an actor.
    Stance,
    /// Share of a label in a voice's uses of its label set.
    Label,
    /// Share of a frame in a voice's frame terms.
    Frame,
    /// z-score of a keyness term.
    Keyness,
    /// Cosine similarity of two voices.
    Similarity,
    /// A record count of the accounting.
    Accounting,
}

impl MetricKind {
    /// Every kind, in table order.
    pub const ALL: [MetricKind; 6] = [
        MetricKind::Stance,
        MetricKind::Label,
        MetricKind::Frame,
        MetricKind::Keyness,
        MetricKind::Similarity,
        MetricKind::Accounting,
    ];

    /// The name: `stance`, `label`, `frame`, `keyness`, `similarity` or `accounting`.
    pub fn as_str(self) -> &'static str {
        match self {
            MetricKind::Stance => "stance",
            MetricKind::Label => "label",
            MetricKind::Frame => "frame",
            MetricKind::Keyness => "keyness",
            MetricKind::Similarity => "similarity",
            MetricKind::Accounting => "accounting",
        }
    }

    /// The kind of a name, if it is one.
    pub fn from_name(name: &str) -> Option<MetricKind> {
        MetricKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Every name, comma-separated, for messages.
    pub fn names() -> String {
        MetricKind::ALL.map(MetricKind::as_str).join(", ")
    }
}

impl std::fmt::Display for MetricKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

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
    pub fn of(&self, kind: MetricKind) -> f64 {
        match kind {
            MetricKind::Stance => self.stance,
            MetricKind::Label => self.label,
            MetricKind::Frame => self.frame,
            MetricKind::Keyness => self.keyness,
            MetricKind::Similarity => self.similarity,
            MetricKind::Accounting => self.accounting,
        }
    }

    /// Sets the tolerance of a kind.
    pub fn set(&mut self, kind: MetricKind, t: f64) {
        let slot = match kind {
            MetricKind::Stance => &mut self.stance,
            MetricKind::Label => &mut self.label,
            MetricKind::Frame => &mut self.frame,
            MetricKind::Keyness => &mut self.keyness,
            MetricKind::Similarity => &mut self.similarity,
            MetricKind::Accounting => &mut self.accounting,
        };
        *slot = t;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_their_serde_names_and_parse_back() {
        for k in MetricKind::ALL {
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{k}\""));
            assert_eq!(MetricKind::from_name(k.as_str()), Some(k));
        }
        assert_eq!(MetricKind::from_name("min_n"), None);
        assert_eq!(
            MetricKind::names(),
            "stance, label, frame, keyness, similarity, accounting"
        );
        for v in [super::super::Verdict::Pass, super::super::Verdict::Fail] {
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{v}\""));
        }
    }
}
