//! Stance over time: the monthly mean stance of the [`TIMELINE_VOICES`] voices with the most
//! observations (those with two months or more first), one Okabe-Ito colour per voice, with
//! the bootstrap 95 % interval as a whisker. Months without data are skipped (the line joins
//! the months that have data); months with fewer than five observations get a hollow marker.

use super::canvas::{self, Header};
use super::style::{self, AXIS, CATEGORICAL, GRID, INK, MUTED, TIMELINE_VOICES};
use super::{named, provenance, signed, voice_name, Drawn, Error, Kind, Size};
use crate::rank::top_k_by;
use crate::report::{Report, TimelineRow, LOW_N};
use plotters::style::text_anchor::{HPos, VPos};
use std::collections::{BTreeMap, BTreeSet};

/// `YYYY-MM` as a month number (year × 12 + month − 1).
fn month_index(m: &str) -> Option<i64> {
    let (y, mo) = m.split_once('-')?;
    let (y, mo): (i64, i64) = (y.parse().ok()?, mo.parse().ok()?);
    if (1..=12).contains(&mo) && (0..10000).contains(&y) {
        Some(y * 12 + mo - 1)
    } else {
        None
    }
}

fn month_text(i: i64) -> String {
    format!("{:04}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1)
}

/// Distinct valid months in the report's timeline.
pub(crate) fn months(r: &Report) -> usize {
    r.timeline
        .iter()
        .filter_map(|t| month_index(&t.month))
        .collect::<BTreeSet<_>>()
        .len()
}

/// The y axis: lowest and highest value and the tick step. It always includes zero, covers
/// every mean and the intervals of months with enough observations, and stays within −1..1.
fn y_range<'a>(rows: impl Iterator<Item = &'a TimelineRow>) -> (f64, f64, f64) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for t in rows {
        let mut vals = vec![t.mean];
        if t.n >= LOW_N {
            vals.extend([t.ci_low, t.ci_high]);
        }
        for v in vals.into_iter().filter(|v| v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    let step = if hi - lo > 0.8 {
        0.25
    } else if hi - lo > 0.3 {
        0.1
    } else {
        0.05
    };
    let lo = ((lo / step).floor() * step).max(-1.0);
    let hi = ((hi / step).ceil() * step).min(1.0);
    if hi - lo < step {
        (lo.min(-step), hi.max(step), step)
    } else {
        (lo, hi, step)
    }
}

pub(crate) fn draw(r: &Report, size: Size) -> Result<Drawn, Error> {
    if months(r) < 2 {
        return Err(Error::NoData {
            kind: Kind::Timeline,
            reason:
                "the corpus spans one month or less (articles need dates in two months or more)"
                    .into(),
        });
    }
    let mut per: BTreeMap<&str, Vec<(i64, &TimelineRow)>> = BTreeMap::new();
    for t in &r.timeline {
        if let Some(m) = month_index(&t.month) {
            if t.n > 0 {
                per.entry(&t.voice).or_default().push((m, t));
            }
        }
    }
    // Voices with a line (two months or more) first, then by observations, ties by voice.
    let ranked: Vec<(&str, bool, u64)> = top_k_by(
        per.iter()
            .map(|(v, rows)| (*v, rows.len() >= 2, rows.iter().map(|x| x.1.n).sum())),
        TIMELINE_VOICES,
        |x| (x.1, x.2),
        |x| x.0,
    );
    let voices: Vec<(&str, u64)> = ranked.iter().map(|x| (x.0, x.2)).collect();
    let series: Vec<Vec<(i64, &TimelineRow)>> = voices
        .iter()
        .map(|(v, _)| {
            let mut s = per[v].clone();
            s.sort_by_key(|x| x.0);
            s
        })
        .collect();
    let first = series.iter().flatten().map(|x| x.0).min().unwrap_or(0);
    let last = series.iter().flatten().map(|x| x.0).max().unwrap_or(0);
    let (lo, hi, step) = y_range(series.iter().flatten().map(|x| x.1));
    let names: Vec<String> = voices.iter().map(|(v, _)| voice_name(r, v)).collect();

    let prov = provenance(r);
    let title = "Stance over time, by voice".to_string();
    let lede = format!(
        "Monthly mean stance toward all actors (−1 hostile … +1 favourable), {} to {}: {} voices with the most observations",
        month_text(first),
        month_text(last),
        voices.len()
    );
    let notes = vec![format!(
        "Whiskers: bootstrap 95% interval. Hollow markers: fewer than {LOW_N} observations. Lines join months with data; gaps are not interpolated data."
    )];
    let mut desc = format!("{lede}. {prov}.");
    for (s, name) in series.iter().zip(&names) {
        let n: u64 = s.iter().map(|x| x.1.n).sum();
        desc.push_str(&format!(" {name}: {} months, {n} observations", s.len()));
        if let (Some(a), Some(b)) = (s.first(), s.last()) {
            desc.push_str(&format!(
                ", {} in {} and {} in {}",
                signed(a.1.mean),
                month_text(a.0),
                signed(b.1.mean),
                month_text(b.0)
            ));
        }
        desc.push('.');
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
            let fnote = l.font(style::FONT_NOTE);
            let legend_w = l.px(style::LEGEND_WIDTH + 40.0);
            let y_label_w = c.width(&signed(lo), ft).max(c.width(&signed(hi), ft)) + l.px(8.0);
            let px0 = body.x0 + (ft * 1.4).round() as i32 + y_label_w;
            let px1 = body.x1 - legend_w - gap;
            let py0 = body.y0 + l.px(6.0);
            let py1 = body.y1 - (ft * 2.6).round() as i32 - l.px(8.0);
            let span = (last - first).max(1);
            let pad = l.px(14.0);
            let xmap = |m: i64| {
                px0 + pad
                    + (((m - first) as f64 / span as f64) * (px1 - px0 - 2 * pad) as f64).round()
                        as i32
            };
            let ymap = |v: f64| {
                let v = if v.is_finite() { v.clamp(lo, hi) } else { 0.0 };
                py0 + (((hi - v) / (hi - lo)) * (py1 - py0) as f64).round() as i32
            };

            // Y grid, ticks and title.
            let (k0, k1) = ((lo / step).round() as i64, (hi / step).round() as i64);
            for k in k0..=k1 {
                let v = k as f64 * step;
                let y = ymap(v);
                c.line(&[(px0, y), (px1, y)], if k == 0 { AXIS } else { GRID }, 1)?;
                c.text(
                    &signed(v),
                    px0 - l.px(6.0),
                    y,
                    ft,
                    MUTED,
                    HPos::Right,
                    VPos::Center,
                )?;
            }
            c.text_up(
                "mean stance",
                body.x0 + (ft * 0.6).round() as i32,
                (py0 + py1) / 2,
                ft,
            )?;
            c.text(
                "favourable ↑",
                px0 + l.px(4.0),
                py0 + l.px(2.0),
                fnote,
                MUTED,
                HPos::Left,
                VPos::Top,
            )?;
            c.text(
                "hostile ↓",
                px0 + l.px(4.0),
                py1 - l.px(2.0),
                fnote,
                MUTED,
                HPos::Left,
                VPos::Bottom,
            )?;
            c.line(&[(px0, py0), (px0, py1)], AXIS, 1)?;
            c.line(&[(px0, py1), (px1, py1)], AXIS, 1)?;

            // X ticks: the sparsest step whose labels do not collide.
            let month_w = c.width("0000-00", ft) + l.px(12.0);
            let year_w = c.width("0000", ft) + l.px(12.0);
            let width = (px1 - px0 - 2 * pad).max(1) as f64;
            let mut ticks: Vec<(i32, String)> = Vec::new();
            for step in [1i64, 2, 3, 6, 12, 24, 60, 120, 600] {
                let w = if step >= 12 { year_w } else { month_w };
                let count = span / step + 1;
                if step == 600 || (count as f64) * (w as f64) <= width {
                    let mut m = first;
                    while m <= last {
                        let ok = if step >= 12 {
                            m.rem_euclid(12) == 0 && (m / 12) % (step / 12) == 0
                        } else {
                            m.rem_euclid(step) == 0
                        };
                        if ok {
                            let t = if step >= 12 {
                                format!("{}", m.div_euclid(12))
                            } else {
                                month_text(m)
                            };
                            ticks.push((xmap(m), t));
                        }
                        m += 1;
                    }
                    if ticks.is_empty() {
                        ticks.push((xmap(first), month_text(first)));
                    }
                    break;
                }
            }
            c.x_ticks(py1, &ticks, ft)?;
            c.text(
                "month",
                (px0 + px1) / 2,
                body.y1,
                ft,
                MUTED,
                HPos::Center,
                VPos::Bottom,
            )?;

            // Series.
            let k = series.len() as i32;
            let slot = ((px1 - px0 - 2 * pad) as f64 / (span + 1) as f64).max(1.0);
            let dodge = ((slot / (k + 1) as f64).min(l.px(4.0) as f64)).floor() as i32;
            let r_dot = l.px(4.0).max(2);
            for (i, s) in series.iter().enumerate() {
                let color = CATEGORICAL[i % 7];
                let off = (2 * i as i32 - (k - 1)) * dodge / 2;
                let pts: Vec<(i32, i32)> = s
                    .iter()
                    .map(|(m, t)| (xmap(*m) + off, ymap(t.mean)))
                    .collect();
                if pts.len() >= 2 {
                    c.line_alpha(&pts, color, 2, 0.75)?;
                }
                for ((m, t), (x, y)) in s.iter().zip(&pts) {
                    let (yl, yh) = (ymap(t.ci_low), ymap(t.ci_high));
                    if (yl - yh).abs() > 1 {
                        c.line_alpha(&[(*x, yl), (*x, yh)], color, 1, 0.6)?;
                    }
                    c.circle(*x, *y, r_dot, color, t.n >= LOW_N)?;
                    c.tip(
                        x - r_dot - 2,
                        yh.min(*y - r_dot) - 2,
                        2 * r_dot + 4,
                        (yl.max(*y + r_dot) - yh.min(*y - r_dot)) + 4,
                        &format!(
                            "{}, {}: mean {} (95% interval {} to {}), n = {}{}",
                            named(&names[i], voices[i].0),
                            month_text(*m),
                            signed(t.mean),
                            signed(t.ci_low),
                            signed(t.ci_high),
                            t.n,
                            if t.n < LOW_N { "; low n" } else { "" }
                        ),
                    );
                }
            }

            // Legend.
            let lx = body.x1 - legend_w + gap;
            let lw = legend_w - gap;
            let row = (ft * 2.6).round() as i32;
            let mut y = body.y0 + l.px(10.0);
            c.text(
                "voice (observations)",
                lx,
                y,
                fnote,
                INK,
                HPos::Left,
                VPos::Center,
            )?;
            y += (fnote * 1.6).round() as i32;
            let key_w = l.px(28.0);
            for (i, name) in names.iter().enumerate() {
                let color = CATEGORICAL[i % 7];
                c.line(&[(lx, y), (lx + key_w, y)], color, 2)?;
                c.circle(lx + key_w / 2, y, r_dot, color, true)?;
                c.label(
                    name,
                    &format!("{}: {} observations", named(name, voices[i].0), voices[i].1),
                    lx + key_w + l.px(8.0),
                    y,
                    ft,
                    INK,
                    HPos::Left,
                    lw - key_w - l.px(8.0),
                )?;
                c.text(
                    &format!("n = {}", voices[i].1),
                    lx + key_w + l.px(8.0),
                    y + (ft * 1.2).round() as i32,
                    fnote,
                    MUTED,
                    HPos::Left,
                    VPos::Center,
                )?;
                y += row;
            }
            y += l.px(6.0);
            for (filled, key) in [
                (true, format!("n ≥ {LOW_N}")),
                (false, format!("n < {LOW_N}")),
            ] {
                c.circle(lx + key_w / 2, y, r_dot, MUTED, filled)?;
                c.text(
                    &key,
                    lx + key_w + l.px(8.0),
                    y,
                    fnote,
                    MUTED,
                    HPos::Left,
                    VPos::Center,
                )?;
                y += (fnote * 1.8).round() as i32;
            }
            let wh = l.px(9.0);
            c.line(
                &[(lx + key_w / 2, y - wh), (lx + key_w / 2, y + wh)],
                MUTED,
                1,
            )?;
            c.text(
                "95% interval",
                lx + key_w + l.px(8.0),
                y,
                fnote,
                MUTED,
                HPos::Left,
                VPos::Center,
            )?;
            Ok(())
        },
    )?;
    Ok(Drawn { title, svg })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_round_trip() {
        assert_eq!(month_index("2016-12"), Some(2016 * 12 + 11));
        assert_eq!(month_text(2016 * 12 + 11), "2016-12");
        assert_eq!(month_index("2016-13"), None);
        assert_eq!(month_index("x"), None);
    }
}
