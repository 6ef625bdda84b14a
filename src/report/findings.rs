//! The summary's findings: differences between voices that the data supports.
//!
//! A finding compares two voices on one number (the share of a label in a label set, or the mean
//! stance toward an actor). It is kept only when
//! - both voices are of the kinds asked for ([`FindingVoices`]: by default the outlets' own
//!   voices),
//! - each side rests on at least `min_articles` articles, and
//! - the article-level bootstrap 95 % interval of the *difference* excludes zero. Each replicate
//!   reweights whole articles (Poisson(1) per article id), so an article quoted by both sides
//!   moves both sides together and the interval is that of the difference, not of two separate
//!   numbers.
//!
//! Per label set (and per actor for stance) the pair of voices with the largest lower end of
//! that interval is kept: the smallest difference the data allows, which rewards size and
//! certainty together. Findings are ranked by it. Where every article of a side agrees (a
//! share of 0 or 1 in every replicate), the bootstrap cannot show that side's uncertainty; its
//! own interval then ends at the rule-of-three bound, and the difference's interval is widened
//! to at least the two sides' margins combined in quadrature. The choice of a pair among many is not
//! corrected for multiple comparisons; the interval is shown so that a reader can judge.

use super::{Scope, ShareRow, StanceRow, VoiceKind, VoiceRow};
use crate::analysis::aggregate::{Aggregate, MeanCell, ShareCell, MICRO, REPLICATES};
use crate::compare::percentile_interval;
use crate::float::round;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Label findings kept at most.
pub const MAX_LABEL_FINDINGS: usize = 5;
/// Stance findings kept at most.
pub const MAX_STANCE_FINDINGS: usize = 3;
/// Default of `--min-articles`: a cell resting on fewer articles is greyed and never reaches
/// the summary.
pub const MIN_ARTICLES: u64 = 5;

/// Which voices the summary compares (`--findings-voices`).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingVoices {
    /// The outlets' own voices (and `--group` groups): what each outlet itself writes.
    #[default]
    Outlets,
    /// Every attributed voice: outlets and the sources they quote.
    All,
}

impl FindingVoices {
    fn admits(self, kind: VoiceKind) -> bool {
        match kind {
            VoiceKind::Unknown | VoiceKind::Unlisted => false,
            VoiceKind::Outlet | VoiceKind::Group => true,
            _ => self == FindingVoices::All,
        }
    }
}

/// What a finding compares.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The share of one label in a label set's uses.
    Label,
    /// The mean stance toward an actor.
    Stance,
}

/// One side of a finding: a voice's number with its own interval and what it rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FindingSide {
    /// The voice id.
    pub voice: String,
    /// Its share (0–1) or mean stance (−1–1).
    pub value: f64,
    /// Lower end of its own 95 % interval.
    pub ci_low: f64,
    /// Upper end of its own 95 % interval.
    pub ci_high: f64,
    /// Label uses of the label (label findings) or scored sentences (stance findings).
    pub count: u64,
    /// All uses of the label set (label findings) or scored sentences (stance findings).
    pub total: u64,
    /// Articles the number rests on.
    pub articles: u64,
}

/// A difference between two voices whose interval excludes zero.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FindingRow {
    /// Label share or stance.
    pub kind: FindingKind,
    /// The label set (label findings); empty for stance.
    pub concept: String,
    /// The label whose share differs (label findings); empty for stance.
    pub label: String,
    /// The actor (stance findings); empty for labels.
    pub actor: String,
    /// The voice with the higher number.
    pub high: FindingSide,
    /// The voice with the lower number.
    pub low: FindingSide,
    /// `high.value - low.value`, always positive.
    pub difference: f64,
    /// Lower end of the difference's article-level 95 % interval (above zero).
    pub ci_low: f64,
    /// Upper end of the difference's interval.
    pub ci_high: f64,
}

/// Per replicate, the share of category `i` of a cell (`None` where the replicate drew none of
/// the cell's articles).
pub(super) fn share_replicates(cell: &ShareCell, i: usize) -> Vec<Option<f64>> {
    let k = cell.counts().len();
    (0..REPLICATES)
        .map(|b| {
            let total: u64 = (0..k).map(|c| cell.boot()[c * REPLICATES + b]).sum();
            (total > 0).then(|| {
                cell.boot().get(i * REPLICATES + b).copied().unwrap_or(0) as f64 / total as f64
            })
        })
        .collect()
}

/// Per replicate, the mean of a cell (`None` where the replicate drew none of its articles).
pub(super) fn mean_replicates(c: &MeanCell) -> Vec<Option<f64>> {
    (0..c.boot_n().len())
        .map(|b| (c.boot_n()[b] > 0).then(|| c.boot_sum()[b] as f64 / MICRO / c.boot_n()[b] as f64))
        .collect()
}

/// The interval of `a - b` over the replicates where both are defined.
fn difference_interval(a: &[Option<f64>], b: &[Option<f64>]) -> Option<(f64, f64)> {
    let d: Vec<f64> = a
        .iter()
        .zip(b)
        .filter_map(|(x, y)| Some((*x)? - (*y)?))
        .collect();
    percentile_interval(d)
}

/// A candidate: its rank key (lower end of the interval), then the row.
type Candidate = (f64, FindingRow);

/// True when every defined replicate has the same value: the bootstrap shows no uncertainty.
fn degenerate(reps: &[Option<f64>]) -> bool {
    let mut values = reps.iter().flatten();
    match values.next() {
        Some(first) => values.all(|v| v == first),
        None => true,
    }
}

/// A voice's number and its replicates.
type Side = (FindingSide, Vec<Option<f64>>);

/// The best pair among `sides`: the pair whose difference has the largest lower interval end
/// above zero, as (lower end, upper end, index of the higher side, index of the lower side).
fn best_pair(sides: &[Side]) -> Option<(f64, f64, usize, usize)> {
    let mut best: Option<(f64, f64, usize, usize)> = None;
    for i in 0..sides.len() {
        for j in i + 1..sides.len() {
            let (hi, lo) = if sides[i].0.value >= sides[j].0.value {
                (i, j)
            } else {
                (j, i)
            };
            let Some((mut l, mut h)) = difference_interval(&sides[hi].1, &sides[lo].1) else {
                continue;
            };
            // Where a side's replicates all agree, its own interval was widened (rule of
            // three) and the bootstrap of the difference understates its uncertainty: the
            // difference's interval is then at least as wide as the two sides' margins
            // combined in quadrature.
            if degenerate(&sides[hi].1) || degenerate(&sides[lo].1) {
                let (a, b) = (&sides[hi].0, &sides[lo].0);
                let d = a.value - b.value;
                l = l.min(d - (a.value - a.ci_low).hypot(b.ci_high - b.value));
                h = h.max(d + (a.ci_high - a.value).hypot(b.value - b.ci_low));
            }
            let l = round(l, super::DECIMALS);
            if l > 0.0 && best.is_none_or(|b| l > b.0) {
                best = Some((l, round(h, super::DECIMALS), hi, lo));
            }
        }
    }
    best
}

/// The finding of the best pair among `sides`, if its interval excludes zero.
fn finding(
    sides: &[Side],
    kind: FindingKind,
    concept: &str,
    label: &str,
    actor: &str,
) -> Option<Candidate> {
    let (l, h, hi, lo) = best_pair(sides)?;
    let (hi, lo) = (&sides[hi].0, &sides[lo].0);
    Some((
        l,
        FindingRow {
            kind,
            concept: concept.to_string(),
            label: label.to_string(),
            actor: actor.to_string(),
            difference: round(hi.value - lo.value, super::DECIMALS),
            high: hi.clone(),
            low: lo.clone(),
            ci_low: l,
            ci_high: h,
        },
    ))
}

/// The findings of a report, from the aggregate (for the replicates) and the rows already built
/// (for the rounded numbers shown).
pub(super) fn findings(
    agg: &Aggregate,
    voices: &[VoiceRow],
    labels: &[ShareRow],
    stance: &[StanceRow],
    concepts: &[(String, Vec<String>)],
    min_articles: u64,
    which: FindingVoices,
) -> Vec<FindingRow> {
    let kinds: BTreeMap<&str, VoiceKind> =
        voices.iter().map(|v| (v.voice.as_str(), v.kind)).collect();
    let admitted = |voice: &str| kinds.get(voice).is_some_and(|k| which.admits(*k));
    let mut out = Vec::new();
    // Labels: one finding per label set.
    let mut label_findings: Vec<Candidate> = Vec::new();
    for (concept, names) in concepts {
        let mut best: Option<Candidate> = None;
        for (i, name) in names.iter().enumerate() {
            let sides: Vec<Side> = labels
                .iter()
                .filter(|r| {
                    r.scope == Scope::Voice
                        && &r.concept == concept
                        && &r.label == name
                        && r.articles >= min_articles
                        && admitted(&r.voice)
                })
                .filter_map(|r| {
                    let cell = agg.labels.get(concept)?.get(&r.voice)?;
                    let s = side(
                        &r.voice,
                        r.share,
                        (r.ci_low, r.ci_high),
                        r.count,
                        r.total,
                        r.articles,
                    );
                    Some((s, share_replicates(cell, i)))
                })
                .collect();
            if let Some(c) = finding(&sides, FindingKind::Label, concept, name, "") {
                if best.as_ref().is_none_or(|b| c.0 > b.0) {
                    best = Some(c);
                }
            }
        }
        label_findings.extend(best);
    }
    out.extend(ranked(label_findings, MAX_LABEL_FINDINGS));
    // Stance: one finding per actor.
    let mut by_actor: BTreeMap<&str, Vec<&StanceRow>> = BTreeMap::new();
    for r in stance
        .iter()
        .filter(|r| r.articles >= min_articles && admitted(&r.voice))
    {
        by_actor.entry(&r.actor).or_default().push(r);
    }
    let mut stance_findings: Vec<Candidate> = Vec::new();
    for (actor, rows) in by_actor {
        let sides: Vec<Side> = rows
            .iter()
            .filter_map(|r| {
                let cell = agg.stance.get(&r.voice)?.get(actor)?;
                let s = side(
                    &r.voice,
                    r.mean,
                    (r.ci_low, r.ci_high),
                    r.n,
                    r.n,
                    r.articles,
                );
                Some((s, mean_replicates(cell)))
            })
            .collect();
        stance_findings.extend(finding(&sides, FindingKind::Stance, "", "", actor));
    }
    out.extend(ranked(stance_findings, MAX_STANCE_FINDINGS));
    out
}

fn side(
    voice: &str,
    value: f64,
    (ci_low, ci_high): (f64, f64),
    count: u64,
    total: u64,
    articles: u64,
) -> FindingSide {
    FindingSide {
        voice: voice.to_string(),
        value,
        ci_low,
        ci_high,
        count,
        total,
        articles,
    }
}

/// The `k` candidates with the largest lower interval ends; ties by difference, then by what
/// they compare, so the order never depends on map order.
fn ranked(mut v: Vec<Candidate>, k: usize) -> Vec<FindingRow> {
    v.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| y.1.difference.total_cmp(&x.1.difference))
            .then_with(|| {
                (&x.1.concept, &x.1.label, &x.1.actor).cmp(&(&y.1.concept, &y.1.label, &y.1.actor))
            })
    });
    v.into_iter().take(k).map(|x| x.1).collect()
}
