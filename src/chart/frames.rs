//! Frame profile: for each voice (rows), the share of its frame uses that fall on each of the
//! most used frames (columns), as a white–blue heatmap. The [`FRAME_VOICES`] voices with the
//! most frame uses and the [`FRAME_COLUMNS`] frames they use most are shown; shares are of all
//! frames, so a row need not add up to 100 %.

use super::canvas::{self, Header};
use super::heatmap::{self, Cell, Heading, Heatmap, Swatch};
use super::stance::top_keys;
use super::style::{nice_ceil, Scale, FRAME_COLUMNS, FRAME_VOICES};
use super::{id_words, markup, named, percent, provenance, voice_name, Drawn, Error, Kind, Size};
use crate::report::{Report, Scope, ShareRow, LOW_N};
use std::collections::BTreeMap;

fn frame_name(r: &Report, id: &str) -> String {
    r.frame_list
        .iter()
        .find(|f| f.id == id)
        .map(|f| markup::clean(&f.name))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| id_words(id))
}

/// A legend percentage with one decimal when it needs one: `12.5%`, `25%`.
fn tick_percent(x: f64) -> String {
    let tenths = crate::float::round(x * 1000.0, 0);
    if tenths % 10.0 == 0.0 {
        format!("{:.0}%", tenths / 10.0)
    } else {
        format!("{:.1}%", tenths / 10.0)
    }
}

pub(crate) fn draw(r: &Report, size: Size) -> Result<Drawn, Error> {
    let rows_of = r.frames.iter().filter(|f| f.scope == Scope::Voice);
    let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
    let mut cell: BTreeMap<(&str, &str), &ShareRow> = BTreeMap::new();
    for f in rows_of {
        let t = totals.entry(&f.voice).or_default();
        *t = (*t).max(f.total);
        cell.insert((f.voice.as_str(), f.label.as_str()), f);
    }
    let voices = top_keys(totals.clone(), FRAME_VOICES);
    if voices.is_empty() {
        return Err(Error::NoData {
            kind: Kind::Frames,
            reason: "no frame term was used by any voice".into(),
        });
    }
    let mut by_frame: BTreeMap<&str, u64> = BTreeMap::new();
    for ((v, f), row) in &cell {
        if voices.contains(v) {
            *by_frame.entry(f).or_default() += row.count;
        }
    }
    let frames = top_keys(by_frame, FRAME_COLUMNS);

    let mut hi = 0.0f64;
    for v in &voices {
        for f in &frames {
            if let Some(s) = cell.get(&(*v, *f)) {
                if !s.low_n || hi == 0.0 {
                    hi = hi.max(s.share);
                }
            }
        }
    }
    let hi = nice_ceil(hi, 0.1).min(1.0);

    let vnames: Vec<String> = voices.iter().map(|v| voice_name(r, v)).collect();
    let fnames: Vec<String> = frames.iter().map(|f| frame_name(r, f)).collect();
    let rows: Vec<Heading> = voices
        .iter()
        .zip(&vnames)
        .map(|(v, name)| Heading {
            tip: format!("{}: {} frame uses", named(name, v), totals[v]),
            label: name.clone(),
        })
        .collect();
    let cols: Vec<Heading> = frames
        .iter()
        .zip(&fnames)
        .map(|(f, name)| Heading {
            tip: named(name, f),
            label: name.clone(),
        })
        .collect();
    let cells = voices
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let total = totals[v];
            frames
                .iter()
                .enumerate()
                .map(|(j, f)| {
                    let who = format!("{} — {}", named(&vnames[i], v), fnames[j]);
                    Some(match cell.get(&(*v, *f)) {
                        Some(s) => Cell {
                            value: s.share,
                            lines: vec![percent(s.share), format!("({})", s.count)],
                            tip: format!(
                                "{who}: {} of {} frame uses ({} uses; 95% interval {} to {}){}",
                                percent(s.share),
                                s.total,
                                s.count,
                                percent(s.ci_low),
                                percent(s.ci_high),
                                if s.low_n { "; low n" } else { "" }
                            ),
                            low_n: s.low_n,
                            diagonal: false,
                        },
                        None => Cell {
                            value: 0.0,
                            lines: vec!["0%".into()],
                            tip: format!("{who}: none of {total} frame uses"),
                            low_n: total < LOW_N,
                            diagonal: false,
                        },
                    })
                })
                .collect()
        })
        .collect();

    let prov = provenance(r);
    let title = "Frame profile, by voice".to_string();
    let lede = format!(
        "Share of each voice's frame uses per frame: {} voices with the most frame uses × the {} most used frames",
        voices.len(),
        frames.len()
    );
    let notes = vec![
        format!("Cells: share and (uses). Striped: fewer than {LOW_N} frame uses in all. Hover for the bootstrap 95% interval."),
        format!("Shares are of all frames, including those not shown. Colour scale from 0% to {} (higher shares get the end colour).", percent(hi)),
    ];
    let mut desc = format!("{lede}. {prov}.");
    for (i, v) in voices.iter().enumerate().take(5) {
        let best = frames
            .iter()
            .enumerate()
            .filter_map(|(j, f)| cell.get(&(*v, *f)).map(|s| (j, s.share)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
        if let Some((j, share)) = best {
            desc.push_str(&format!(
                " {}: mostly {} ({}).",
                vnames[i],
                fnames[j],
                percent(share)
            ));
        }
    }
    let hm = Heatmap {
        header: Header {
            title: title.clone(),
            lede,
            provenance: &prov,
            notes,
        },
        rows,
        cols,
        cells,
        empty_tip: "no frame uses".into(),
        row_title: "voice".into(),
        col_title: "frame".into(),
        scale: Scale::Sequential(hi),
        legend_title: "share of the voice's frame uses".into(),
        legend_ends: (String::new(), String::new()),
        legend_fmt: tick_percent,
        swatches: vec![(Swatch::Hatched, format!("fewer than {LOW_N} uses"))],
        square: false,
    };
    let svg = canvas::svg(size, &title, &desc, |c| heatmap::draw(c, &hm))?;
    Ok(Drawn { title, svg })
}
