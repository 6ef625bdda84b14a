//! Evidence: the sentences behind a number, kept per cell by bottom-k on a hash rank.
//!
//! Each candidate sentence gets a rank from a hash of its article id and position; a cell keeps
//! the `cap` smallest ranks. Which sentences are kept depends only on the ranks, never on the
//! order in which articles were folded or aggregates merged.

use crate::analysis::Analysed;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// What a mark highlights; serialised (and shown as a CSS class) as `actor`, `label`, `frame`
/// or `stance`.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    /// The actor judged (stance evidence).
    Actor,
    /// A label of a label set.
    Label,
    /// A frame term.
    Frame,
    /// A stance term that counted toward the score.
    Stance,
}

impl MarkKind {
    /// The name as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkKind::Actor => "actor",
            MarkKind::Label => "label",
            MarkKind::Frame => "frame",
            MarkKind::Stance => "stance",
        }
    }
}

impl std::fmt::Display for MarkKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A highlighted span inside an evidence sentence (offsets relative to the sentence).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Mark {
    /// Start in the sentence.
    pub start: usize,
    /// End in the sentence.
    pub end: usize,
    /// What is highlighted.
    pub kind: MarkKind,
    /// What it is (actor id, label, term and weight).
    pub note: String,
}

/// One sentence that produced a number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Evidence {
    /// Selection rank (smaller is kept).
    pub rank: u64,
    /// Article id.
    pub article: String,
    /// Host outlet.
    pub outlet: String,
    /// The article's publication date as written.
    pub date: Option<String>,
    /// The article's headline.
    pub title: Option<String>,
    /// The article's address.
    pub url: Option<String>,
    /// Voice of the passage.
    pub voice: String,
    /// Sentence start (bytes, in the article).
    pub start: usize,
    /// Sentence end.
    pub end: usize,
    /// The sentence text.
    pub sentence: String,
    /// Highlighted spans inside `sentence` (actor, label, stance term, ...), byte offsets relative
    /// to the sentence.
    pub marks: Vec<Mark>,
    /// Stance score, for stance evidence.
    pub score: Option<f64>,
    /// Rules that fired, for stance evidence.
    pub rules: Vec<String>,
}

/// Inserts `e` into `list` (sorted by rank, sentence start and article) if it is among the
/// `cap` smallest, keeping at most `cap`; an item already there is not added twice. The result
/// does not depend on the order of insertion.
pub(super) fn keep_bottom(list: &mut Vec<Evidence>, e: Evidence, cap: usize) {
    let key = |x: &Evidence| (x.rank, x.start);
    let pos =
        list.partition_point(|x| (key(x), x.article.as_str()) < (key(&e), e.article.as_str()));
    if pos >= cap {
        return;
    }
    if list
        .get(pos)
        .map(|x| key(x) == key(&e) && x.article == e.article)
        .unwrap_or(false)
    {
        return;
    }
    list.insert(pos, e);
    list.truncate(cap);
}

/// Whether an item of `rank` could enter `list` (checked before building its evidence).
pub(super) fn would_keep(list: &[Evidence], rank: u64, cap: usize) -> bool {
    list.len() < cap || list.last().map(|x| rank <= x.rank).unwrap_or(true)
}

/// A mark over `span`, with offsets relative to the `sentence` it lies in.
pub(super) fn mark(sentence: Span, span: Span, kind: MarkKind, note: &str) -> Mark {
    Mark {
        start: span.start.saturating_sub(sentence.start),
        end: span.end.min(sentence.end).saturating_sub(sentence.start),
        kind,
        note: note.to_string(),
    }
}

/// The evidence of sentence `s` of an analysed article, spoken by `voice`.
pub(super) fn evidence(
    an: &Analysed,
    s: Span,
    rank: u64,
    voice: &str,
    marks: Vec<Mark>,
) -> Evidence {
    let a = an.article;
    Evidence {
        rank,
        article: a.id.clone(),
        outlet: an.host_key.clone(),
        date: a.date.clone(),
        title: a.title.clone(),
        url: a.url.clone(),
        voice: voice.to_string(),
        start: s.start,
        end: s.end,
        sentence: s.of(&a.text).to_string(),
        marks,
        score: None,
        rules: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_kinds_serialise_as_their_names() {
        for k in [
            MarkKind::Actor,
            MarkKind::Label,
            MarkKind::Frame,
            MarkKind::Stance,
        ] {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{k}\""));
            assert_eq!(serde_json::from_str::<MarkKind>(&json).unwrap(), k);
        }
    }
}
