//! The summary: the findings of [`crate::report::findings`] in plain sentences, each with the
//! articles and sentences it rests on and links to the evidence of both sides; or, when nothing
//! holds up, a sentence that says so.

use super::cells::{pct, signed};
use super::links::Links;
use super::Finding;
use crate::report::{FindingKind, FindingRow, FindingVoices, Report, Scope};

/// The findings, in order: labels, stance, then a note on flagged articles.
pub(super) fn findings(report: &Report, links: &mut Links) -> Vec<Finding> {
    let mut out: Vec<Finding> = report
        .findings
        .iter()
        .map(|f| match f.kind {
            FindingKind::Label => label(report, f, links),
            FindingKind::Stance => stance(report, f, links),
        })
        .collect();
    if out.is_empty() {
        out.push(Finding {
            text: nothing_holds_up(report),
            links: Vec::new(),
        });
    }
    let flagged: u64 = report.flagged.values().sum();
    if flagged > 0 {
        out.push(Finding {
            text: format!(
                "{flagged} article(s) flagged as stitched or spun text (low cohesion); they are analysed and listed."
            ),
            links: vec![("flagged articles".into(), "accounting".into())],
        });
    }
    out
}

/// What the summary compares, in words.
fn voices_compared(report: &Report) -> &'static str {
    match report.provenance.options.findings_voices {
        FindingVoices::Outlets => "outlets' own voices",
        FindingVoices::All => "voices",
    }
}

/// The plain sentence for a summary without findings.
fn nothing_holds_up(report: &Report) -> String {
    let min = report.provenance.options.min_articles;
    format!(
        "No difference between {} holds up: no label share or stance differs between two of them \
         that each rest on {min} or more articles with an article-level 95 % interval of the \
         difference that excludes zero. The tables below show every number, with the thin ones \
         in grey.",
        voices_compared(report)
    )
}

/// "12 articles" or "one article".
fn articles(n: u64) -> String {
    if n == 1 {
        "one article".into()
    } else {
        format!("{n} articles")
    }
}

fn label(report: &Report, f: &FindingRow, links: &mut Links) -> Finding {
    let description = report
        .concepts
        .iter()
        .find(|c| c.concept == f.concept)
        .and_then(|c| c.description.clone())
        .unwrap_or_else(|| f.concept.clone());
    let row = |voice: &str| {
        report.labels.iter().find(|r| {
            r.scope == Scope::Voice
                && r.concept == f.concept
                && r.label == f.label
                && r.voice == voice
        })
    };
    let mut evidence = Vec::new();
    for side in [&f.high, &f.low] {
        if let Some(r) = row(&side.voice) {
            let link = links.share(r, &r.concept);
            if !link.is_empty() {
                evidence.push((links.short(&side.voice), link));
            }
        }
    }
    let (h, l) = (&f.high, &f.low);
    Finding {
        text: format!(
            "{description}: {} writes \u{201C}{}\u{201D} in {} of {} uses [{}–{}] ({}), {} in {} of {} [{}–{}] ({}); \
             {} points more [{}–{}], resting on {} and {} label uses.",
            links.short(&h.voice),
            // A label id as words, as the charts write it ("international community").
            crate::chart::id_words(&f.label),
            pct(h.value),
            h.total,
            pct(h.ci_low),
            pct(h.ci_high),
            articles(h.articles),
            links.short(&l.voice),
            pct(l.value),
            l.total,
            pct(l.ci_low),
            pct(l.ci_high),
            articles(l.articles),
            points(f.difference),
            points(f.ci_low),
            points(f.ci_high),
            articles(h.articles + l.articles),
            h.total + l.total,
        ),
        links: evidence,
    }
}

fn stance(report: &Report, f: &FindingRow, links: &mut Links) -> Finding {
    let row = |voice: &str| {
        report
            .stance
            .iter()
            .find(|r| r.actor == f.actor && r.voice == voice)
    };
    let mut evidence = Vec::new();
    for side in [&f.high, &f.low] {
        if let Some(r) = row(&side.voice) {
            let link = links.stance(r);
            if !link.is_empty() {
                evidence.push((links.short(&side.voice), link));
            }
        }
    }
    let (h, l) = (&f.high, &f.low);
    Finding {
        text: format!(
            "Toward {}: {} is more favourable than {} by {} [{}, {}] on a scale of −1 to +1: \
             {} [{}, {}] in {} sentences ({}) against {} [{}, {}] in {} sentences ({}).",
            links.short(&f.actor),
            links.short(&h.voice),
            links.short(&l.voice),
            format_args!("{:.2}", f.difference),
            format_args!("{:.2}", f.ci_low),
            format_args!("{:.2}", f.ci_high),
            signed(h.value),
            signed(h.ci_low),
            signed(h.ci_high),
            h.total,
            articles(h.articles),
            signed(l.value),
            signed(l.ci_low),
            signed(l.ci_high),
            l.total,
            articles(l.articles),
        ),
        links: evidence,
    }
}

/// A difference of shares in percentage points: `12`.
fn points(x: f64) -> String {
    format!("{:.0}", x * 100.0)
}
