//! Metric comparison: every metric of the baseline report beside the new one, with its delta,
//! whether it leaves the baseline's interval, exceeds its tolerance or drifted already.

use super::tolerances::{MetricKind, Tolerances};
use super::{cell_key, micro};
use crate::report::Report;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One metric of the report, old beside new.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// What kind of metric it is.
    pub kind: MetricKind,
    /// What it measures, e.g. `tass -> syria_gov` or `syrian_state/voice/afp: regime`.
    pub name: String,
    /// Baseline value (none when the cell is new).
    pub old: Option<f64>,
    /// New value (none when the cell is gone).
    pub new: Option<f64>,
    /// new − old (a missing side counts as 0).
    pub delta: f64,
    /// Observations behind the baseline value.
    pub old_n: u64,
    /// Observations behind the new value.
    pub new_n: u64,
    /// The baseline's 95 % interval, if it has one.
    pub interval: Option<(f64, f64)>,
    /// The new value lies outside the baseline's interval.
    pub outside_interval: bool,
    /// |delta| exceeds the tolerance of its kind (and the cell has enough observations).
    pub exceeds: bool,
    /// The metric differs already between the baseline and a re-run with the baseline's own
    /// lexicons (a code, gazetteer or option change, not the lexicon edit).
    pub drift: bool,
    /// Cell key for [`Explain::cells`](super::Explain::cells).
    pub cell: Option<String>,
}

struct Value {
    v: f64,
    n: u64,
    interval: Option<(f64, f64)>,
    cell: Option<String>,
}

/// Every metric of a report, by (kind, name).
fn metrics(r: &Report) -> BTreeMap<(MetricKind, String), Value> {
    let mut m = BTreeMap::new();
    for s in &r.stance {
        m.insert(
            (MetricKind::Stance, format!("{} -> {}", s.voice, s.actor)),
            Value {
                v: s.mean,
                n: s.n,
                interval: Some((s.ci_low, s.ci_high)),
                cell: Some(cell_key(&["stance", &s.voice, &s.actor])),
            },
        );
    }
    for s in &r.labels {
        m.insert(
            (
                MetricKind::Label,
                format!("{}/{}/{}: {}", s.concept, s.scope, s.voice, s.label),
            ),
            Value {
                v: s.share,
                n: s.total,
                interval: Some((s.ci_low, s.ci_high)),
                cell: Some(cell_key(&["label", &s.concept, s.scope.as_str(), &s.voice])),
            },
        );
    }
    for s in &r.frames {
        m.insert(
            (MetricKind::Frame, format!("{}: {}", s.voice, s.label)),
            Value {
                v: s.share,
                n: s.total,
                interval: Some((s.ci_low, s.ci_high)),
                cell: Some(cell_key(&["frame", &s.voice])),
            },
        );
    }
    for k in &r.keyness {
        for t in k.top.iter().chain(&k.bottom) {
            m.insert(
                (
                    MetricKind::Keyness,
                    format!("{} vs {}: {}", k.voice, k.against, t.term),
                ),
                Value {
                    v: t.z,
                    n: 1,
                    interval: None,
                    cell: None,
                },
            );
        }
    }
    for s in &r.similarity {
        for (i, a) in s.voices.iter().enumerate() {
            for (j, b) in s.voices.iter().enumerate().skip(i + 1) {
                m.insert(
                    (
                        MetricKind::Similarity,
                        format!("{}: {} ~ {}", s.actor, a, b),
                    ),
                    Value {
                        v: s.matrix[i][j],
                        n: 1,
                        interval: None,
                        cell: None,
                    },
                );
            }
        }
    }
    let a = &r.accounting;
    for (name, v) in [
        ("read", a.read()),
        ("analysed", a.analysed()),
        ("skipped", a.skipped()),
        ("sentences", a.sentences),
        ("tokens", a.tokens),
    ] {
        m.insert(
            (MetricKind::Accounting, name.into()),
            Value {
                v: v as f64,
                n: 1,
                interval: None,
                cell: None,
            },
        );
    }
    m
}

/// Puts every metric of `base` beside `new`; `rerun` is the report made with the baseline's
/// own lexicons, to tell drift from the lexicon edit. Returns the metrics that moved, by kind
/// and then by size of the move.
pub fn compare(
    base: &Report,
    rerun: &Report,
    new: &Report,
    tol: &Tolerances,
) -> (Vec<Metric>, usize) {
    let a = metrics(base);
    let b = metrics(new);
    let r = metrics(rerun);
    let mut keys: Vec<&(MetricKind, String)> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    let compared = keys.len();
    let mut out = Vec::new();
    for k in keys {
        let (x, y) = (a.get(k), b.get(k));
        let (ov, nv) = (x.map(|v| v.v), y.map(|v| v.v));
        // A share row that is missing is a share of 0 (rows are listed where a label or frame
        // is used); any other metric that appears or disappears counts as a move beyond
        // tolerance.
        let share = matches!(k.0, MetricKind::Label | MetricKind::Frame);
        let same = match (ov, nv) {
            (Some(o), Some(n)) => micro(o) == micro(n),
            _ if share => micro(ov.unwrap_or(0.0)) == micro(nv.unwrap_or(0.0)),
            _ => false,
        };
        if same {
            continue;
        }
        let delta = nv.unwrap_or(0.0) - ov.unwrap_or(0.0);
        let (old_n, new_n) = (x.map(|v| v.n).unwrap_or(0), y.map(|v| v.n).unwrap_or(0));
        let interval = x.and_then(|v| v.interval);
        let outside_interval = match (interval, nv) {
            (Some((lo, hi)), Some(n)) => n < lo - 1e-9 || n > hi + 1e-9,
            _ => false,
        };
        let enough = old_n.max(new_n) >= tol.min_n;
        let drift = match (x, r.get(k)) {
            (Some(o), Some(rr)) => micro(o.v) != micro(rr.v),
            (None, None) => false,
            _ => true,
        };
        out.push(Metric {
            kind: k.0,
            name: k.1.clone(),
            old: ov,
            new: nv,
            delta: crate::float::round(delta, crate::report::DECIMALS),
            old_n,
            new_n,
            interval,
            outside_interval,
            exceeds: enough
                && (delta.abs() > tol.of(k.0) + 1e-9 || (!share && (ov.is_none() || nv.is_none()))),
            drift,
            cell: x
                .and_then(|v| v.cell.clone())
                .or_else(|| y.and_then(|v| v.cell.clone())),
        });
    }
    out.sort_by(|p, q2| {
        p.kind
            .cmp(&q2.kind)
            .then_with(|| micro(q2.delta.abs()).cmp(&micro(p.delta.abs())))
            .then_with(|| p.name.cmp(&q2.name))
    });
    (out, compared)
}
