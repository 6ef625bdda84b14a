//! The frames section: the share of each frame among each voice's frame terms.

use super::cells::{head, num_cell, share_cell, text_cell};
use super::links::Links;
use super::{busiest, charts_of, Cell, Class, Section, Table, MAX_FRAMES, MAX_VOICES};
use crate::rank::top_k;
use crate::report::Report;
use std::collections::BTreeMap;

/// One table: voices with the most frame terms in rows, the most used frames in columns.
pub(super) fn section(report: &Report, charts: &[String], links: &mut Links) -> Section {
    let mut frame_total: BTreeMap<&String, u64> = BTreeMap::new();
    for r in &report.frames {
        *frame_total.entry(&r.label).or_default() += r.count;
    }
    let frames = busiest(frame_total, MAX_FRAMES);
    let mut fvoices: Vec<(&String, u64)> = Vec::new();
    for r in &report.frames {
        if !fvoices.iter().any(|v| v.0 == &r.voice) {
            fvoices.push((&r.voice, r.total));
        }
    }
    let fvoices = top_k(fvoices, MAX_VOICES);
    let mut ft = Table {
        id: "frames-table".into(),
        caption: String::new(),
        head: vec![
            head("voice", Class::Left, ""),
            head("frame terms", Class::Plain, ""),
        ],
        rows: Vec::new(),
    };
    ft.head.extend(
        frames
            .iter()
            .map(|f| head(f, Class::Plain, "share of the voice's frame terms")),
    );
    for (v, total) in &fvoices {
        let mut row = vec![text_cell(links.short(v)), num_cell(*total)];
        for f in &frames {
            match report
                .frames
                .iter()
                .find(|r| &r.voice == *v && &r.label == f)
            {
                Some(r) => row.push(share_cell(links, r, "frame")),
                None => row.push(Cell {
                    text: "0".into(),
                    ..Cell::default()
                }),
            }
        }
        ft.rows.push(row);
    }
    Section {
        id: "frames".into(),
        title: "Frames".into(),
        intro: "The share of each frame among a voice's frame terms.".into(),
        charts: charts_of(charts, &["frames"]),
        tables: vec![ft],
    }
}
