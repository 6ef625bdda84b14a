//! Regression benches for lexicon changes: what moved, by how much, and why.
//!
//! A run re-reads the baseline's inputs once. Each article is analysed once (layout,
//! sentences, tokens, actors and voices do not depend on lexicons); its lexicon hits are found
//! with the baseline's lexicons and with the new ones, and the article is folded into two
//! aggregates (the old lexicons reproduce the baseline; the new ones make the new report) and
//! into an [`Explain`] collector, which keeps, per report cell, the sentences whose scores or
//! label and frame uses differ and the changed lexicon entries that matched in them. All three
//! merge associatively, so the result does not depend on the thread count.
//!
//! [`compare`] then puts every metric of the baseline report beside the new one (stance per
//! voice and actor, label and frame shares, keyness terms, similarity, accounting) with its
//! delta, whether it leaves the baseline's interval and whether it exceeds its tolerance, and
//! attaches the explanation of its cell.
//!
//! One file per part: [`tolerances`](Tolerances), the [`explain`](Explain) collector, the
//! [`worker`](RegressWorker) and its sentence diff (`sentences`), the metric comparison
//! ([`compare`]) and the result type ([`Regression`]); [`render`] writes it as text.

mod compare;
mod explain;
pub mod render;
mod result;
mod sentences;
mod tolerances;
mod worker;

pub use compare::{compare, Metric};
pub use explain::{CellChange, Explain, MovedSentence};
pub use result::{EntryEffect, Regression, Verdict};
pub use tolerances::{MetricKind, Tolerances};
pub use worker::{describe, RegressWorker, Sides};

/// A value in millionths, the precision of the report: equal here means equal in report.json.
fn micro(x: f64) -> i64 {
    (x * 1e6).round() as i64
}

/// Cell keys: `stance|voice|actor`, `label|concept|scope|voice`, `frame|voice`.
fn cell_key(parts: &[&str]) -> String {
    parts.join("|")
}

/// Cuts a string to at most `n` characters, the last an ellipsis when it was longer.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut o: String = s.chars().take(n.saturating_sub(1)).collect();
        o.push('…');
        o
    }
}
