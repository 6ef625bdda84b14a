//! What a reader sees, computed once from a [`Report`] for both the HTML and the Markdown
//! renderers: the summary in plain sentences, the tables with links to their evidence, and the
//! evidence blocks. Strings here are plain text; each renderer escapes them for its format.
//!
//! One file per part of the page: `links` (display names and the evidence registry),
//! `cells` (table cells), one per section (`labels`, `stance`, `frames`, `vocabulary`,
//! `voices`), `findings` (the summary) and `accounting` (title, accounting, flags, skips,
//! provenance). [`View::build`] calls them in page order; evidence blocks are numbered in order
//! of first reference, so the findings register theirs first.

mod accounting;
mod cells;
mod findings;
mod frames;
mod labels;
mod links;
mod stance;
mod vocabulary;
mod voices;

use super::Report;
use crate::analysis::aggregate::Evidence;
use crate::rank::top_k;
use std::collections::BTreeMap;

/// Evidence items shown per cell in the HTML report.
pub const EVIDENCE_SHOWN: usize = 3;
/// Voices shown per table.
pub const MAX_VOICES: usize = 20;
/// Actors shown in the stance table.
pub const MAX_ACTORS: usize = 12;
/// Frames shown in the frame table.
pub const MAX_FRAMES: usize = 10;
/// Skips listed in full before "+N more".
pub const MAX_SKIPS: usize = 1000;

/// The CSS class of a table cell (`class="..."` in index.html); in Markdown, a left-aligned
/// header makes a left-aligned column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Class {
    /// No class: right-aligned, as numbers are.
    #[default]
    Plain,
    /// `l`: left-aligned text.
    Left,
    /// `low`: fewer observations than [`LOW_N`](crate::report::LOW_N), in grey italics.
    Low,
    /// `pos`: a positive mean stance.
    Positive,
    /// `neg`: a negative mean stance.
    Negative,
}

impl Class {
    /// [`Class::Left`] for a text column, else [`Class::Plain`].
    pub fn left_if(text: bool) -> Class {
        if text {
            Class::Left
        } else {
            Class::Plain
        }
    }

    /// The class attribute's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Plain => "",
            Class::Left => "l",
            Class::Low => "low",
            Class::Positive => "pos",
            Class::Negative => "neg",
        }
    }
}

impl std::fmt::Display for Class {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// A table header cell.
#[derive(Clone, Debug, Default)]
pub struct Head {
    /// Column name as displayed.
    pub text: String,
    /// CSS class: [`Class::Left`] for text columns, else [`Class::Plain`].
    pub class: Class,
    /// Tooltip (the `title` attribute): what the column counts; may be empty.
    pub title: String,
}

/// A table cell.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    /// The value as displayed (already formatted).
    pub text: String,
    /// CSS class: alignment, low n or stance sign.
    pub class: Class,
    /// Tooltip (the `title` attribute); may be empty.
    pub title: String,
    /// Id of the evidence block, or empty.
    pub link: String,
}

/// A table.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Anchor id.
    pub id: String,
    /// Caption above the table.
    pub caption: String,
    /// Column headers, one per cell of each row.
    pub head: Vec<Head>,
    /// Rows of cells, each as long as `head`.
    pub rows: Vec<Vec<Cell>>,
}

/// A section of the report.
#[derive(Clone, Debug, Default)]
pub struct Section {
    /// Anchor id.
    pub id: String,
    /// Section heading, also in the table of contents.
    pub title: String,
    /// One-paragraph explanation.
    pub intro: String,
    /// Chart file names (from `chart::all`) that belong here.
    pub charts: Vec<String>,
    /// The section's tables, in display order.
    pub tables: Vec<Table>,
}

/// One finding of the summary: plain text, and the section it points to.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The sentence.
    pub text: String,
    /// What it rests on: (name, anchor of an evidence block or section), in order.
    pub links: Vec<(String, String)>,
}

/// An evidence block: the sentences behind one cell.
#[derive(Clone, Debug)]
pub struct EvidenceBlock {
    /// Anchor id.
    pub id: String,
    /// What the cell is.
    pub title: String,
    /// The items shown.
    pub items: Vec<Evidence>,
    /// Observations not shown.
    pub more: u64,
}

/// Everything a renderer needs.
#[derive(Clone, Debug)]
pub struct View {
    /// Page title.
    pub title: String,
    /// Corpus and lexicons in one line.
    pub subtitle: String,
    /// read = analysed + skipped, in words.
    pub accounting: String,
    /// The largest differences found.
    pub findings: Vec<Finding>,
    /// How to read the numbers: voices, intervals, the greyed threshold, the summary's rules.
    pub method: String,
    /// Report sections in display order (labels, stance, frames, ...).
    pub sections: Vec<Section>,
    /// Evidence blocks, in order of first reference.
    pub evidence: Vec<EvidenceBlock>,
    /// Flagged articles, one line each (capped).
    pub flags: Vec<String>,
    /// Flagged articles not listed.
    pub flagged_more: u64,
    /// Skips, one line each (capped).
    pub skips: Vec<String>,
    /// Skips not listed.
    pub skipped_more: u64,
    /// Provenance lines.
    pub provenance: Vec<String>,
}

impl View {
    /// Builds the view of a report; `charts` are the chart file names available.
    pub fn build(report: &Report, charts: &[String]) -> View {
        let mut links = links::Links::new(report);
        let findings = findings::findings(report, &mut links);
        let sections = vec![
            labels::section(report, charts, &mut links),
            stance::section(report, charts, &mut links),
            frames::section(report, charts, &mut links),
            vocabulary::similarity(report, charts, &links),
            vocabulary::keyness(report, charts, &links),
            voices::section(report, &links),
        ];
        let (skips, skipped_more) = accounting::skips(report);
        let (flags, flagged_more) = accounting::flags(report);
        View {
            title: accounting::title(report),
            subtitle: accounting::subtitle(report),
            accounting: accounting::sentence(report),
            findings,
            method: method(report),
            sections,
            evidence: links.evidence,
            flags,
            flagged_more,
            skipped_more,
            skips,
            provenance: accounting::provenance(report),
        }
    }
}

/// The note under the summary.
fn method(report: &Report) -> String {
    let o = &report.provenance.options;
    format!(
        "Every number links to the sentences that produced it. Voices: an outlet's own voice is \
         named by the outlet; a source it quotes (Tass, Lavrov, the Russian foreign ministry) is \
         a voice of its own. Intervals are article-level bootstrap 95 % intervals ({} \
         replicates); where every article agrees, the open end is the rule-of-three bound \
         (3 / articles). Cells resting on fewer than {} articles are in grey italics and never \
         reach the summary. The summary compares {} (at most {} label sets and {} actors), each \
         side resting on {} or more articles, and keeps a difference only when its own interval \
         excludes zero.",
        report.provenance.replicates,
        o.min_articles,
        match o.findings_voices {
            crate::report::FindingVoices::Outlets => "the outlets' own voices",
            crate::report::FindingVoices::All => "every attributed voice",
        },
        crate::report::findings::MAX_LABEL_FINDINGS,
        crate::report::findings::MAX_STANCE_FINDINGS,
        o.min_articles,
    )
}

/// The chart file names that start with one of `prefixes`, in their order.
fn charts_of(charts: &[String], prefixes: &[&str]) -> Vec<String> {
    charts
        .iter()
        .filter(|c| prefixes.iter().any(|p| c.starts_with(p)))
        .cloned()
        .collect()
}

/// The `k` keys with the largest totals, largest first, ties by key; `unknown` and
/// `unlisted` left out.
fn busiest(totals: BTreeMap<&String, u64>, k: usize) -> Vec<String> {
    let known = totals
        .into_iter()
        .filter(|(id, _)| !crate::analysis::is_pseudo_voice(id));
    top_k(known, k).into_iter().map(|x| x.0.clone()).collect()
}
