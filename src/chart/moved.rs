//! What moved: the metrics a lexicon change moved most, one row each, as a bar from zero to
//! the change (new − baseline) with the baseline's 95 % interval drawn around zero (where the
//! new value would have to stay to be indistinguishable from the baseline) and the tolerance
//! of its kind as ticks. Stance, label, frame and similarity share one scale (−1..1 values);
//! keyness and accounting moves are listed in `regress.md`.

use super::canvas::{self, Header};
use super::style::{self, nice_ceil, AXIS, CATEGORICAL, GRID, INK, MUTED};
use super::{markup, signed, Error, Size};
use crate::regress::{Metric, MetricKind, Regression};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

/// Rows drawn.
pub const MOVED_ROWS: usize = 24;

const EXCEEDS: RGBColor = RGBColor(0xC0, 0x39, 0x2B);

fn scaled(m: &Metric) -> bool {
    matches!(
        m.kind,
        MetricKind::Stance | MetricKind::Label | MetricKind::Frame | MetricKind::Similarity
    )
}

/// Draws the chart; `NoData` when nothing on the shared scale moved.
pub fn draw(reg: &Regression, size: Size) -> Result<String, Error> {
    let tol = &reg.tolerances;
    let mut rows: Vec<&Metric> = reg.metrics.iter().filter(|m| scaled(m)).collect();
    let key = |m: &Metric| {
        let t = tol.of(m.kind).max(1e-6);
        (
            -(m.delta.abs() / t * 1e6).round() as i64,
            m.kind.as_str(),
            m.name.clone(),
        )
    };
    rows.sort_by_key(|m| key(m));
    rows.truncate(MOVED_ROWS);
    let title = "What moved".to_string();
    let lede = format!(
        "{} of {} metrics moved, {} beyond tolerance; the {} largest moves on the −1..1 scales (change = new − baseline)",
        reg.moved,
        reg.compared,
        reg.exceeding,
        rows.len()
    );
    let prov = markup::clean(&format!(
        "baseline {} · lexicons: {} · verdict: {}",
        reg.baseline,
        reg.new_lexicons
            .iter()
            .map(|l| format!("{} {}", l.name, l.version))
            .collect::<Vec<_>>()
            .join(", "),
        reg.verdict
    ));
    let notes = vec![
        "Bar: the change. Grey band: the baseline's 95 % interval around its value. Ticks: the tolerance. Red: beyond tolerance.".to_string(),
    ];
    let mut desc = format!("{lede}. {prov}.");
    for m in rows.iter().take(10) {
        desc.push_str(&format!(
            " {} {}: {}.",
            m.kind,
            markup::clean(&m.name),
            signed(m.delta)
        ));
    }
    let span = rows
        .iter()
        .flat_map(|m| {
            let (lo, hi) = m
                .interval
                .map(|(lo, hi)| (lo - m.old.unwrap_or(0.0), hi - m.old.unwrap_or(0.0)))
                .unwrap_or((0.0, 0.0));
            [m.delta.abs(), lo.abs(), hi.abs(), tol.of(m.kind)]
        })
        .fold(0.05f64, f64::max);
    let xmax = nice_ceil(span.min(2.0), 0.05);
    canvas::page(
        size,
        &Header {
            title: title.clone(),
            lede,
            provenance: &prov,
            notes,
        },
        &desc,
        |c, body| {
            let l = c.lay;
            let ft = l.font(style::FONT_TICK);
            let fc = l.font(style::FONT_CELL);
            if rows.is_empty() {
                c.text(
                    "Nothing on the stance, label, frame or similarity scales moved.",
                    body.x0,
                    body.y0 + l.px(20.0),
                    l.font(style::FONT_AXIS),
                    MUTED,
                    HPos::Left,
                    VPos::Center,
                )?;
                return Ok(());
            }
            let label_w = ((body.x1 - body.x0) as f64 * 0.42) as i32;
            let value_w = c.width("−0.00 → −0.00", fc) + l.px(8.0);
            let bx0 = body.x0 + label_w + l.px(10.0);
            let bx1 = body.x1 - value_w;
            let axis_h = (ft * 1.2).round() as i32 + l.px(10.0);
            // Rows share the height, but a few rows stay the height of ten.
            let slots = rows.len().max(10) as i32;
            let row_h = ((body.y1 - body.y0 - axis_h) / slots).max(6);
            let y1 = body.y0 + row_h * rows.len() as i32;
            let xmap = |x: f64| {
                let t = (x.clamp(-xmax, xmax) + xmax) / (2.0 * xmax);
                bx0 + (t * (bx1 - bx0) as f64).round() as i32
            };
            for t in [-xmax, -xmax / 2.0, 0.0, xmax / 2.0, xmax] {
                c.line(&[(xmap(t), body.y0), (xmap(t), y1)], GRID, 1)?;
            }
            c.line(&[(bx0, y1), (bx1, y1)], AXIS, 1)?;
            let ticks: Vec<(i32, String)> = [-xmax, 0.0, xmax]
                .iter()
                .map(|t| (xmap(*t), signed(*t)))
                .collect();
            c.x_ticks(y1, &ticks, ft)?;
            let bar_h = ((row_h as f64) * 0.5).round().max(2.0) as i32;
            for (i, m) in rows.iter().enumerate() {
                let cy = body.y0 + i as i32 * row_h + row_h / 2;
                let name = markup::clean(&format!("{}: {}", m.kind, m.name));
                c.label(
                    &name,
                    &name,
                    bx0 - l.px(8.0),
                    cy,
                    ft,
                    INK,
                    HPos::Right,
                    label_w,
                )?;
                if let Some((lo, hi)) = m.interval {
                    let old = m.old.unwrap_or(0.0);
                    c.fill_alpha(
                        xmap(lo - old),
                        cy - row_h / 2 + 1,
                        xmap(hi - old).max(xmap(lo - old) + 1),
                        cy + row_h / 2 - 1,
                        GRID,
                        0.9,
                    )?;
                }
                let t = tol.of(m.kind);
                for x in [-t, t] {
                    c.line(&[(xmap(x), cy - bar_h), (xmap(x), cy + bar_h)], MUTED, 1)?;
                }
                let (a, b) = (xmap(0.0), xmap(m.delta));
                let color = if m.exceeds { EXCEEDS } else { CATEGORICAL[0] };
                c.fill(
                    a.min(b),
                    cy - bar_h / 2,
                    a.max(b).max(a.min(b) + 1),
                    cy + bar_h / 2,
                    color,
                )?;
                let fmt = |x: Option<f64>| x.map(signed).unwrap_or_else(|| "none".into());
                c.text(
                    &format!("{} → {}", fmt(m.old), fmt(m.new)),
                    bx1 + l.px(6.0),
                    cy,
                    fc,
                    MUTED,
                    HPos::Left,
                    VPos::Center,
                )?;
                c.tip(
                    bx0,
                    cy - row_h / 2,
                    bx1 - bx0,
                    row_h,
                    &format!(
                        "{name}: {} → {} (change {}; n {} → {}){}",
                        fmt(m.old),
                        fmt(m.new),
                        signed(m.delta),
                        m.old_n,
                        m.new_n,
                        if m.exceeds { "; beyond tolerance" } else { "" }
                    ),
                );
            }
            Ok(())
        },
    )
}
