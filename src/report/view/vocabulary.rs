//! The vocabulary sections: similarity of the voices' vocabularies, and the terms that
//! distinguish each voice (keyness).

use super::cells::{head, text_cell};
use super::links::Links;
use super::{charts_of, Cell, Class, Section, Table, MAX_VOICES};
use crate::report::Report;

/// The cosine similarity matrix over all text, when the report has one.
pub(super) fn similarity(report: &Report, charts: &[String], links: &Links) -> Section {
    let mut tables = Vec::new();
    if let Some(m) = report.similarity.iter().find(|m| m.actor == "all") {
        let mut t = Table {
            id: "similarity-all".into(),
            caption: format!("All text, {} most frequent terms", m.terms),
            head: vec![head("", Class::Left, "")],
            rows: Vec::new(),
        };
        t.head.extend(
            m.voices
                .iter()
                .map(|v| head(&links.short(v), Class::Plain, v)),
        );
        for (i, v) in m.voices.iter().enumerate() {
            let mut row = vec![text_cell(links.short(v))];
            row.extend(m.matrix[i].iter().map(|x| Cell {
                text: format!("{x:.2}"),
                ..Cell::default()
            }));
            t.rows.push(row);
        }
        tables.push(t);
    }
    Section {
        id: "similarity".into(),
        title: "Similarity of voices".into(),
        intro: "Cosine similarity of the voices' word and word-pair frequencies (1: same vocabulary). Per-actor matrices (words around each actor) are in report.json.".into(),
        charts: charts_of(charts, &["similarity"]),
        tables,
    }
}

/// The ten most distinctive terms of each voice against all the others.
pub(super) fn keyness(report: &Report, charts: &[String], links: &Links) -> Section {
    let mut kt = Table {
        id: "keyness-table".into(),
        caption: String::new(),
        head: vec![
            head("voice", Class::Left, ""),
            head(
                "most distinctive terms (z)",
                Class::Left,
                "log-odds ratio with informative Dirichlet prior, against all other voices",
            ),
        ],
        rows: Vec::new(),
    };
    for k in report
        .keyness
        .iter()
        .filter(|k| k.against == "rest")
        .take(MAX_VOICES)
    {
        let terms: Vec<String> = k
            .top
            .iter()
            .take(10)
            .map(|t| format!("{} ({:.1})", t.term, t.z))
            .collect();
        kt.rows.push(vec![
            text_cell(links.short(&k.voice)),
            text_cell(terms.join(", ")),
        ]);
    }
    Section {
        id: "keyness".into(),
        title: "Distinctive vocabulary".into(),
        intro: "Terms each voice uses far more than the others (z-scores of the log-odds ratio with an informative Dirichlet prior; Monroe, Colaresi & Quinn 2008).".into(),
        charts: charts_of(charts, &["keyness"]),
        tables: vec![kt],
    }
}
