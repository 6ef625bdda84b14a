//! The summary: the largest differences between voices, in plain sentences with their numbers
//! and links to their evidence.

use super::cells::{pct, signed};
use super::links::Links;
use super::Finding;
use crate::report::{Report, Scope, ShareRow, StanceRow, LOW_N};
use std::collections::BTreeMap;

/// Label findings listed at most.
const MAX_LABEL_FINDINGS: usize = 5;
/// Stance findings listed at most.
const MAX_STANCE_FINDINGS: usize = 3;

/// The findings, in order: labels, stance, similarity, flags.
pub(super) fn findings(report: &Report, links: &mut Links) -> Vec<Finding> {
    let mut findings = labels(report, links);
    findings.extend(stance(report, links));
    findings.extend(similarity(report, links));
    if !report.flags.is_empty() {
        findings.push(Finding { text: format!("{} article(s) flagged as stitched or spun text (low cohesion); they are analysed and listed.", report.flags.len()), link: "accounting".into() });
    }
    findings
}

/// Label choice: per label set, the label whose share differs most between voices with 5+
/// uses; the largest differences first.
fn labels(report: &Report, links: &mut Links) -> Vec<Finding> {
    let mut out: Vec<(f64, Finding)> = Vec::new();
    for c in &report.concepts {
        let rows: Vec<&ShareRow> = report
            .labels
            .iter()
            .filter(|r| {
                r.scope == Scope::Voice
                    && r.concept == c.concept
                    && r.total >= LOW_N
                    && r.voice != "unknown"
            })
            .collect();
        let mut best: Option<(f64, &ShareRow, &ShareRow)> = None;
        for l in &c.labels {
            let of: Vec<&&ShareRow> = rows.iter().filter(|r| &r.label == l).collect();
            if of.len() < 2 {
                continue;
            }
            let hi = of
                .iter()
                .max_by(|x, y| {
                    x.share
                        .total_cmp(&y.share)
                        .then_with(|| y.voice.cmp(&x.voice))
                })
                .unwrap();
            let lo = of
                .iter()
                .min_by(|x, y| {
                    x.share
                        .total_cmp(&y.share)
                        .then_with(|| x.voice.cmp(&y.voice))
                })
                .unwrap();
            let d = hi.share - lo.share;
            if best.map(|x| d > x.0).unwrap_or(true) && d > 0.0 {
                best = Some((d, hi, lo));
            }
        }
        if let Some((d, hi, lo)) = best {
            let link = links.share(hi, &hi.concept);
            out.push((
                d,
                Finding {
                    text: format!(
                        "{}: {} calls it \u{201C}{}\u{201D} in {} of {} uses [{}–{}]; {} in {} of {} [{}–{}].",
                        c.description.clone().unwrap_or_else(|| c.concept.clone()),
                        links.short(&hi.voice),
                        hi.label,
                        pct(hi.share),
                        hi.total,
                        pct(hi.ci_low),
                        pct(hi.ci_high),
                        links.short(&lo.voice),
                        pct(lo.share),
                        lo.total,
                        pct(lo.ci_low),
                        pct(lo.ci_high)
                    ),
                    link,
                },
            ));
        }
    }
    out.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.text.cmp(&y.1.text)));
    out.into_iter()
        .take(MAX_LABEL_FINDINGS)
        .map(|x| x.1)
        .collect()
}

/// Stance: the actors on which voices (5+ sentences each) disagree most.
fn stance(report: &Report, links: &mut Links) -> Vec<Finding> {
    let mut by_actor: BTreeMap<&String, Vec<&StanceRow>> = BTreeMap::new();
    for r in report
        .stance
        .iter()
        .filter(|r| !r.low_n && r.voice != "unknown")
    {
        by_actor.entry(&r.actor).or_default().push(r);
    }
    let mut st: Vec<(f64, &StanceRow, &StanceRow)> = Vec::new();
    for rows in by_actor.values() {
        if rows.len() < 2 {
            continue;
        }
        let hi = rows
            .iter()
            .max_by(|x, y| {
                x.mean
                    .total_cmp(&y.mean)
                    .then_with(|| y.voice.cmp(&x.voice))
            })
            .unwrap();
        let lo = rows
            .iter()
            .min_by(|x, y| {
                x.mean
                    .total_cmp(&y.mean)
                    .then_with(|| x.voice.cmp(&y.voice))
            })
            .unwrap();
        st.push((hi.mean - lo.mean, hi, lo));
    }
    st.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.actor.cmp(&y.1.actor)));
    let mut findings = Vec::new();
    for (_, hi, lo) in st.into_iter().take(MAX_STANCE_FINDINGS) {
        let link = links.stance(lo);
        findings.push(Finding {
            text: format!(
                "Toward {}: {} is the most favourable voice ({} [{}, {}], {} sentences), {} the least ({} [{}, {}], {} sentences).",
                links.short(&hi.actor),
                links.short(&hi.voice),
                signed(hi.mean),
                signed(hi.ci_low),
                signed(hi.ci_high),
                hi.n,
                links.short(&lo.voice),
                signed(lo.mean),
                signed(lo.ci_low),
                signed(lo.ci_high),
                lo.n
            ),
            link,
        });
    }
    findings
}

/// Similarity: the least similar pair of voices.
fn similarity(report: &Report, links: &Links) -> Option<Finding> {
    let m = report.similarity.iter().find(|m| m.actor == "all")?;
    let mut least: Option<(f64, usize, usize)> = None;
    for i in 0..m.voices.len() {
        for j in i + 1..m.voices.len() {
            if least.map(|x| m.matrix[i][j] < x.0).unwrap_or(true) {
                least = Some((m.matrix[i][j], i, j));
            }
        }
    }
    let (x, i, j) = least?;
    Some(Finding {
        text: format!(
            "The least similar vocabularies: {} and {} (cosine {:.2}).",
            links.short(&m.voices[i]),
            links.short(&m.voices[j]),
            x
        ),
        link: "similarity".into(),
    })
}
