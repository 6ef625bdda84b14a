//! The label-choice section: per label set, the share of each label among each voice's uses.

use super::cells::{head, num_cell, share_cell, text_cell};
use super::links::Links;
use super::{charts_of, Cell, Class, Section, Table, MAX_VOICES};
use crate::rank::top_k;
use crate::report::{Report, Scope, ShareRow};

/// "; not counted: 12 uses about Israel, 3 unresolved" for the in-context uses set aside.
fn set_aside(report: &Report, concept: &str, links: &Links) -> String {
    let Some(m) = report.accounting.labels_set_aside.get(concept) else {
        return String::new();
    };
    let mut parts: Vec<(u64, String)> = m
        .iter()
        .map(|(about, n)| {
            if about == "unresolved" {
                (*n, format!("{n} unresolved"))
            } else {
                (*n, format!("{n} about {}", links.short(about)))
            }
        })
        .collect();
    parts.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let parts: Vec<String> = parts.into_iter().map(|p| p.1).collect();
    format!(" (not counted, referent elsewhere: {})", parts.join(", "))
}

/// One table per label set used by any voice (voices with the most uses first).
pub(super) fn section(report: &Report, charts: &[String], links: &mut Links) -> Section {
    let mut tables = Vec::new();
    for c in &report.concepts {
        let rows: Vec<&ShareRow> = report
            .labels
            .iter()
            .filter(|r| r.scope == Scope::Voice && r.concept == c.concept && r.total > 0)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let used: Vec<&String> = c
            .labels
            .iter()
            .filter(|l| rows.iter().any(|r| &r.label == *l && r.count > 0))
            .collect();
        let mut voices: Vec<(&String, u64)> = Vec::new();
        for r in &rows {
            if !voices.iter().any(|v| v.0 == &r.voice) {
                voices.push((&r.voice, r.total));
            }
        }
        let voices = top_k(voices, MAX_VOICES);
        let mut t = Table {
            id: format!("labels-{}", crate::report::escape::id(&c.concept)),
            caption: format!(
                "{}{}{}",
                c.concept,
                c.description
                    .as_deref()
                    .map(|d| format!(": {d}"))
                    .unwrap_or_default(),
                set_aside(report, &c.concept, links)
            ),
            head: vec![
                head("voice", Class::Left, ""),
                head("uses", Class::Plain, "uses of any label of the set"),
            ],
            rows: Vec::new(),
        };
        t.head.extend(
            used.iter()
                .map(|l| head(l, Class::Plain, "share of the voice's uses [95 % interval]")),
        );
        for (v, total) in &voices {
            let mut row = vec![text_cell(links.short(v)), num_cell(*total)];
            for l in &used {
                match rows.iter().find(|r| &r.voice == *v && &r.label == *l) {
                    Some(r) => row.push(share_cell(links, r, &c.concept)),
                    None => row.push(Cell::default()),
                }
            }
            t.rows.push(row);
        }
        tables.push(t);
    }
    Section {
        id: "labels".into(),
        title: "Label choice".into(),
        intro: "How each voice names the same referent: the share of each label among the voice's uses of the label set (what the voice itself says; quotes belong to the quoted voice).".into(),
        charts: charts_of(charts, &["labels"]),
        tables,
    }
}
