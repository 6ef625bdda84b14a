//! Per-voice, per-actor and per-outlet counts.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Per-voice activity.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceStats {
    /// Articles in which the voice speaks.
    pub articles: u64,
    /// Articles whose host outlet this voice is.
    pub own_articles: u64,
    /// Passages in its own articles.
    pub own_passages: u64,
    /// Passages attributed to it by a host (quoted or reported).
    pub quoted_passages: u64,
    /// Of those, reported speech: its claims in the host's words.
    pub reported_passages: u64,
    /// Word tokens spoken.
    pub tokens: u64,
    /// Host outlets that quote this voice, with passage counts.
    pub quoted_by: BTreeMap<String, u64>,
}

/// Per-actor mentions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorStats {
    /// Mentions (places excluded).
    pub mentions: u64,
    /// Mentions as a place.
    pub places: u64,
    /// Articles mentioning.
    pub articles: u64,
    /// Mentions per voice.
    pub by_voice: BTreeMap<String, u64>,
    /// Spellings seen, with counts.
    pub forms: BTreeMap<String, u64>,
    /// Mentions found by fuzzy matching.
    pub fuzzy: u64,
}

/// Per-outlet article counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletStats {
    /// Articles analysed.
    pub articles: u64,
    /// Earliest date seen.
    pub first_date: Option<String>,
    /// Latest date seen.
    pub last_date: Option<String>,
    /// Bytes of text.
    pub bytes: u64,
    /// Articles analysed by language (ISO 639-1, or `und`).
    #[serde(default)]
    pub languages: std::collections::BTreeMap<String, u64>,
}

/// The smaller (`min`) or larger of two optional values; a missing one gives the other.
pub(super) fn min_opt(a: Option<String>, b: Option<String>, min: bool) -> Option<String> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(x), Some(y)) => Some(if (x <= y) == min { x } else { y }),
    }
}
