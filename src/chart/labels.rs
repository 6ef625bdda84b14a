//! Label choice for one label set: small multiples, one panel per label (the
//! [`LABEL_PANELS`] most used), one bar per voice (the [`LABEL_VOICES`] voices using the set
//! most) giving the share of the voice's uses of the set that chose this label, with the
//! bootstrap 95 % interval as a whisker. Reading across a row gives one voice's vocabulary;
//! reading down a panel compares voices on one label. Only what voices say themselves
//! (scope `voice`) is shown.

use super::canvas::{self, Header};
use super::stance::top_keys;
use super::style::{
    self, nice_ceil, text_on, AXIS, CATEGORICAL, GRID, INK, LABEL_PANELS, LABEL_VOICES, MUTED,
};
use super::{id_words, markup, named, percent, provenance, voice_name, Drawn, Error, Kind, Size};
use crate::report::{Report, Scope, ShareRow, LOW_N};
use plotters::style::text_anchor::{HPos, VPos};
use std::collections::BTreeMap;

fn voice_rows<'a>(r: &'a Report, concept: &'a str) -> impl Iterator<Item = &'a ShareRow> {
    r.labels
        .iter()
        .filter(move |l| l.scope == Scope::Voice && l.concept == concept)
}

/// Label sets with at least one use by a voice: report order, then any others by id.
pub(crate) fn used(r: &Report) -> Vec<String> {
    let mut uses: BTreeMap<&str, u64> = BTreeMap::new();
    for l in r.labels.iter().filter(|l| l.scope == Scope::Voice) {
        *uses.entry(&l.concept).or_default() += l.count;
    }
    let mut out: Vec<String> = r
        .concepts
        .iter()
        .filter(|c| uses.get(c.concept.as_str()).copied().unwrap_or(0) > 0)
        .map(|c| c.concept.clone())
        .collect();
    for (c, n) in uses {
        if n > 0 && !out.iter().any(|o| o == c) {
            out.push(c.to_string());
        }
    }
    out
}

/// The label set voices use most.
pub(crate) fn busiest(r: &Report) -> Option<String> {
    let mut uses: BTreeMap<&str, u64> = BTreeMap::new();
    for l in r.labels.iter().filter(|l| l.scope == Scope::Voice) {
        *uses.entry(&l.concept).or_default() += l.count;
    }
    top_keys(uses, 1).first().map(|s| s.to_string())
}

pub(crate) fn draw(r: &Report, concept: &str, size: Size) -> Result<Drawn, Error> {
    let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
    let mut cell: BTreeMap<(&str, &str), &ShareRow> = BTreeMap::new();
    for l in voice_rows(r, concept) {
        let t = totals.entry(&l.voice).or_default();
        *t = (*t).max(l.total);
        cell.insert((l.voice.as_str(), l.label.as_str()), l);
    }
    let cname = id_words(concept);
    let voices = top_keys(totals.clone(), LABEL_VOICES);
    if voices.is_empty() {
        return Err(Error::NoData {
            kind: Kind::Labels,
            reason: format!("no voice used a label of the set {cname:?}"),
        });
    }
    let mut by_label: BTreeMap<&str, u64> = BTreeMap::new();
    for ((v, l), row) in &cell {
        if voices.contains(v) {
            *by_label.entry(l).or_default() += row.count;
        }
    }
    let used_labels = by_label.values().filter(|n| **n > 0).count();
    let labels = top_keys(by_label, LABEL_PANELS);
    let mut hi = 0.0f64;
    for v in &voices {
        for l in &labels {
            if let Some(s) = cell.get(&(*v, *l)).filter(|s| !s.low_n) {
                hi = hi.max(s.share).max(s.ci_high);
            }
        }
    }
    if hi == 0.0 {
        hi = 1.0;
    }
    let hi = nice_ceil(hi, 0.1).min(1.0);

    let set = r.concepts.iter().find(|c| c.concept == concept);
    let title = set
        .and_then(|s| s.description.as_deref())
        .map(markup::clean)
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| format!("Label choice: {cname}"));
    let lede = format!(
        "Share of each label in a voice's own uses of the label set \"{cname}\": {} voices using it most, {} most used labels",
        voices.len(),
        labels.len()
    );
    let mut notes = vec![format!(
        "Bars: share; whiskers: bootstrap 95% interval; n: uses of the set. Faded: fewer than {LOW_N} uses. Scope: what the voice itself says."
    )];
    if used_labels > labels.len() {
        let more = used_labels - labels.len();
        notes.push(if more == 1 {
            "1 more label with fewer uses is not shown; shares are of all labels of the set.".into()
        } else {
            format!("{more} more labels with fewer uses are not shown; shares are of all labels of the set.")
        });
    }
    let prov = provenance(r);
    let vnames: Vec<String> = voices.iter().map(|v| voice_name(r, v)).collect();
    let lnames: Vec<String> = labels.iter().map(|l| id_words(l)).collect();
    let mut desc = format!("{title}. {lede}. {prov}.");
    for (i, v) in voices.iter().enumerate().take(6) {
        let best = labels
            .iter()
            .enumerate()
            .filter_map(|(j, l)| cell.get(&(*v, *l)).map(|s| (j, s.share)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
        if let Some((j, share)) = best {
            desc.push_str(&format!(
                " {} (n = {}): mostly \"{}\" ({}).",
                vnames[i],
                totals[v],
                lnames[j],
                percent(share)
            ));
        }
    }

    let svg = canvas::page(
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
            let gap = l.px(style::GAP);
            let ft = l.font(style::FONT_TICK);
            let fc = l.font(style::FONT_CELL);
            let fa = l.font(style::FONT_AXIS);
            let n_w = voices
                .iter()
                .map(|v| c.width(&format!("n={}", totals[v]), fc))
                .max()
                .unwrap_or(0);
            let name_w = vnames.iter().map(|n| c.width(n, ft)).max().unwrap_or(0);
            let label_w = (name_w + n_w + l.px(16.0)).min((l.w as f64 * 0.26) as i32);
            let px0 = body.x0 + label_w + gap;
            let k = labels.len().max(1) as i32;
            let pw = (body.x1 + 2 * gap - px0) / k;
            let line_h = (fa * 1.2).round() as i32;
            let head_h = 2 * line_h + l.px(8.0);
            let axis_h = (ft * 1.2).round() as i32 + l.px(10.0);
            let gy0 = body.y0 + head_h;
            let gy1 = body.y1 - axis_h;
            let row_h = ((gy1 - gy0) / voices.len() as i32).min(l.px(44.0)).max(4);
            let gy1 = gy0 + row_h * voices.len() as i32;
            let bar_h = ((row_h as f64) * 0.5).round().max(2.0) as i32;

            c.text(
                "voice ↓",
                body.x0,
                gy0 - l.px(6.0),
                l.font(style::FONT_NOTE),
                MUTED,
                HPos::Left,
                VPos::Bottom,
            )?;
            for i in (1..voices.len()).step_by(2) {
                let y = gy0 + i as i32 * row_h;
                c.fill_alpha(body.x0, y, body.x1, y + row_h - 1, GRID, 0.35)?;
            }
            for (i, v) in voices.iter().enumerate() {
                let cy = gy0 + i as i32 * row_h + row_h / 2;
                let low = totals[v] < LOW_N;
                let color = if low { MUTED } else { INK };
                c.text(
                    &format!("n={}", totals[v]),
                    px0 - gap,
                    cy,
                    fc,
                    MUTED,
                    HPos::Right,
                    VPos::Center,
                )?;
                c.label(
                    &vnames[i],
                    &format!("{}: {} uses of the set", named(&vnames[i], v), totals[v]),
                    body.x0,
                    cy,
                    ft,
                    color,
                    HPos::Left,
                    label_w - n_w - l.px(12.0),
                )?;
            }
            for (j, lab) in labels.iter().enumerate() {
                let color = CATEGORICAL[j % 6];
                let x0 = px0 + j as i32 * pw;
                let x1 = px0 + (j as i32 + 1) * pw - 2 * gap;
                let xw = x1 - x0;
                let xmap = |v: f64| x0 + ((v.clamp(0.0, hi) / hi) * xw as f64).round() as i32;
                // Header: colour key and label name.
                let sq = (fa * 0.8).round() as i32;
                let lines = c.wrap(&lnames[j], fa, xw - sq - l.px(6.0), 2);
                let hy = gy0 - l.px(8.0) - (lines.len() as i32 - 1) * line_h - line_h / 2;
                c.fill(x0, hy - sq / 2, x0 + sq, hy + sq / 2, color)?;
                for (m, line) in lines.iter().enumerate() {
                    c.text(
                        line,
                        x0 + sq + l.px(6.0),
                        hy + m as i32 * line_h,
                        fa,
                        INK,
                        HPos::Left,
                        VPos::Center,
                    )?;
                }
                c.tip(
                    x0,
                    hy - line_h / 2,
                    xw,
                    line_h * lines.len() as i32,
                    &format!("label {}", named(&lnames[j], lab)),
                );
                // Grid and axis.
                let ticks = [0.0, hi / 2.0, hi];
                for t in ticks {
                    let x = xmap(t);
                    c.line(&[(x, gy0), (x, gy1)], GRID, 1)?;
                }
                c.line(&[(x0, gy0), (x0, gy1)], AXIS, 1)?;
                c.line(&[(x0, gy1), (x1, gy1)], AXIS, 1)?;
                let tick_labels: Vec<(i32, String)> =
                    ticks.iter().map(|t| (xmap(*t), percent(*t))).collect();
                // Outer tick labels are pulled inward so neighbouring panels do not collide.
                for (m, (x, t)) in tick_labels.iter().enumerate() {
                    let h = match m {
                        0 => HPos::Left,
                        2 => HPos::Right,
                        _ => HPos::Center,
                    };
                    c.line(&[(*x, gy1), (*x, gy1 + l.px(4.0))], AXIS, 1)?;
                    c.text(t, *x, gy1 + l.px(6.0), ft, MUTED, h, VPos::Top)?;
                }
                // Bars.
                for (i, v) in voices.iter().enumerate() {
                    let cy = gy0 + i as i32 * row_h + row_h / 2;
                    let Some(s) = cell.get(&(*v, *lab)) else {
                        continue;
                    };
                    let xb = xmap(s.share);
                    if xb > x0 {
                        c.fill_alpha(
                            x0 + 1,
                            cy - bar_h / 2,
                            xb,
                            cy + bar_h / 2,
                            color,
                            if s.low_n { 0.35 } else { 1.0 },
                        )?;
                    }
                    let (wl, wh) = (xmap(s.ci_low), xmap(s.ci_high));
                    if wh > wl {
                        let cap = (bar_h / 2).max(2);
                        c.line(&[(wl, cy), (wh, cy)], INK, 1)?;
                        c.line(&[(wl, cy - cap), (wl, cy + cap)], INK, 1)?;
                        c.line(&[(wh, cy - cap), (wh, cy + cap)], INK, 1)?;
                    }
                    let t = percent(s.share);
                    let tw = c.width(&t, fc);
                    let right = xb.max(wh) + l.px(4.0);
                    if right + tw <= x1 {
                        c.text(&t, right, cy, fc, INK, HPos::Left, VPos::Center)?;
                    } else if wl - x0 > tw + l.px(8.0) {
                        // Faded (low-n) bars are light: dark text reads on them.
                        let ink = if s.low_n { INK } else { text_on(color) };
                        c.text(&t, x0 + l.px(4.0), cy, fc, ink, HPos::Left, VPos::Center)?;
                    }
                    c.tip(
                        x0,
                        cy - row_h / 2,
                        xw,
                        row_h,
                        &format!(
                        "{} — \"{}\": {} of {} uses of the set ({} uses; 95% interval {} to {}){}",
                        named(&vnames[i], v),
                        lnames[j],
                        percent(s.share),
                        s.total,
                        s.count,
                        percent(s.ci_low),
                        percent(s.ci_high),
                        if s.low_n { "; low n" } else { "" }
                    ),
                    );
                }
            }
            Ok(())
        },
    )?;
    Ok(Drawn { title, svg })
}
