//! Keyness: small multiples, one panel per voice (the [`KEYNESS_VOICES`] voices with the most
//! words that have a keyness table against the rest), each a horizontal bar chart of the
//! [`KEYNESS_TERMS`] terms most over-used by that voice (log-odds z-score with an informative
//! Dirichlet prior). All panels share one z axis.

use super::canvas::{self, Header};
use super::style::{
    self, nice_ceil, AXIS, CATEGORICAL, GRID, INK, KEYNESS_TERMS, KEYNESS_VOICES, MUTED,
};
use super::{markup, named, provenance, thousands, voice_name, Drawn, Error, Kind, Size};
use crate::rank::top_k_by;
use crate::report::{KeynessRow, Report};
use plotters::style::text_anchor::{HPos, VPos};

fn one(x: f64) -> String {
    format!("{:.1}", if x.is_finite() { x } else { 0.0 })
}

/// An axis value: `0`, `7.5`, `15`.
fn tick(x: f64) -> String {
    let s = one(x);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

pub(crate) fn draw(r: &Report, size: Size) -> Result<Drawn, Error> {
    let tokens = |v: &str| {
        r.voices
            .iter()
            .find(|x| x.voice == v)
            .map(|x| x.tokens)
            .unwrap_or(0)
    };
    let rows: Vec<&KeynessRow> = r
        .keyness
        .iter()
        .filter(|k| k.against == "rest" && k.top.iter().any(|t| t.z > 0.0))
        .collect();
    if rows.is_empty() {
        return Err(Error::NoData {
            kind: Kind::Keyness,
            reason: format!(
                "no keyness tables: fewer than two voices have {} or more words (--min-tokens)",
                r.provenance.options.min_tokens
            ),
        });
    }
    let rows = top_k_by(rows, KEYNESS_VOICES, |k| tokens(&k.voice), |k| &k.voice);
    let zmax = rows
        .iter()
        .flat_map(|k| k.top.iter().take(KEYNESS_TERMS))
        .fold(0.0f64, |m, t| m.max(t.z));
    let zmax = nice_ceil(zmax, 1.0);
    let names: Vec<String> = rows.iter().map(|k| voice_name(r, &k.voice)).collect();

    let prov = provenance(r);
    let title = "Distinctive words of each voice".to_string();
    let lede = format!(
        "Terms each voice uses more than all other voices together (log-odds z-score): {} voices with the most words, top {} terms",
        rows.len(),
        KEYNESS_TERMS
    );
    let notes = vec![
        "z above 2 is unlikely to be chance; longer bars are more distinctive. Hover over a bar for the counts.".to_string(),
    ];
    let mut desc = format!("{lede}. {prov}.");
    for (k, name) in rows.iter().zip(&names) {
        let terms: Vec<String> = k
            .top
            .iter()
            .take(5)
            .map(|t| markup::clean(&t.term))
            .collect();
        desc.push_str(&format!(" {name}: {}.", terms.join(", ")));
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
            let n = rows.len() as i32;
            let ncols = n.min(3);
            let nrows = (n + ncols - 1) / ncols;
            let pw = (body.x1 - body.x0 + 2 * gap) / ncols;
            let ph = (body.y1 - body.y0) / nrows;
            for (p, (k, name)) in rows.iter().zip(&names).enumerate() {
                let p = p as i32;
                let x0 = body.x0 + (p % ncols) * pw;
                let x1 = x0 + pw - 2 * gap;
                let y0 = body.y0 + (p / ncols) * ph;
                let y1 = y0 + ph - gap;
                let head_h = (fa * 1.5).round() as i32;
                let axis_h = (ft * 1.2).round() as i32 + l.px(8.0);
                let terms: Vec<_> = k
                    .top
                    .iter()
                    .filter(|t| t.z > 0.0)
                    .take(KEYNESS_TERMS)
                    .collect();
                let words = format!("{} words", thousands(tokens(&k.voice)));
                let ww = c.width(&words, fc);
                c.label(
                    name,
                    &named(name, &k.voice),
                    x0,
                    y0 + head_h / 2,
                    fa,
                    INK,
                    HPos::Left,
                    x1 - x0 - ww - l.px(10.0),
                )?;
                c.text(
                    &words,
                    x1,
                    y0 + head_h / 2,
                    fc,
                    MUTED,
                    HPos::Right,
                    VPos::Center,
                )?;
                let ty0 = y0 + head_h;
                let ty1 = y1 - axis_h;
                let row_h = ((ty1 - ty0) / KEYNESS_TERMS as i32).max(4);
                let term_w = (c.width("z-score", ft) + l.px(4.0))
                    .max(
                        terms
                            .iter()
                            .map(|t| c.width(&markup::clean(&t.term), ft))
                            .max()
                            .unwrap_or(0),
                    )
                    .min(((x1 - x0) as f64 * 0.42) as i32);
                let bx0 = x0 + term_w + l.px(8.0);
                let value_w = c.width("88.8", fc) + l.px(6.0);
                let bx1 = x1 - value_w;
                let xmap = |z: f64| {
                    bx0 + ((z.clamp(0.0, zmax) / zmax) * (bx1 - bx0) as f64).round() as i32
                };
                let ticks = [0.0, zmax / 2.0, zmax];
                let by1 = ty0 + row_h * KEYNESS_TERMS as i32;
                for t in ticks {
                    c.line(&[(xmap(t), ty0), (xmap(t), by1)], GRID, 1)?;
                }
                c.line(&[(bx0, ty0), (bx0, by1)], AXIS, 1)?;
                c.line(&[(bx0, by1), (bx1, by1)], AXIS, 1)?;
                let tick_text: Vec<(i32, String)> =
                    ticks.iter().map(|t| (xmap(*t), tick(*t))).collect();
                c.x_ticks(by1, &tick_text, ft)?;
                let tl = l.px(5.0).max(3) + 2;
                let zx = bx0 - c.width("0", ft) / 2 - l.px(10.0);
                c.text("z-score", zx, by1 + tl, ft, MUTED, HPos::Right, VPos::Top)?;
                let bar_h = ((row_h as f64) * 0.62).round().max(2.0) as i32;
                for (i, t) in terms.iter().enumerate() {
                    let cy = ty0 + i as i32 * row_h + row_h / 2;
                    let term = markup::clean(&t.term);
                    c.label(
                        &term,
                        &term,
                        bx0 - l.px(6.0),
                        cy,
                        ft,
                        INK,
                        HPos::Right,
                        term_w,
                    )?;
                    let xb = xmap(t.z);
                    c.fill(
                        bx0 + 1,
                        cy - bar_h / 2,
                        xb.max(bx0 + 2),
                        cy + bar_h / 2,
                        CATEGORICAL[0],
                    )?;
                    c.text(
                        &one(t.z),
                        xb + l.px(4.0),
                        cy,
                        fc,
                        MUTED,
                        HPos::Left,
                        VPos::Center,
                    )?;
                    c.tip(
                        bx0,
                        cy - row_h / 2,
                        x1 - bx0,
                        row_h,
                        &format!(
                            "\"{term}\": z = {}; {} uses by {name}, {} by all other voices",
                            one(t.z),
                            t.count_a,
                            t.count_b
                        ),
                    );
                }
            }
            Ok(())
        },
    )?;
    Ok(Drawn { title, svg })
}
