//! The stance section: each voice's mean stance toward each actor, for the busiest voices and
//! actors.

use super::cells::{head, stance_cell, text_cell};
use super::links::Links;
use super::{busiest, charts_of, Cell, Class, Section, Table, MAX_ACTORS, MAX_VOICES};
use crate::report::Report;
use std::collections::BTreeMap;

/// One table: voices in rows, actors in columns, the most observed first.
pub(super) fn section(report: &Report, charts: &[String], links: &mut Links) -> Section {
    let mut actor_n: BTreeMap<&String, u64> = BTreeMap::new();
    let mut voice_n: BTreeMap<&String, u64> = BTreeMap::new();
    for r in &report.stance {
        *actor_n.entry(&r.actor).or_default() += r.n;
        *voice_n.entry(&r.voice).or_default() += r.n;
    }
    let actors = busiest(actor_n, MAX_ACTORS);
    let voices = busiest(voice_n, MAX_VOICES);
    let mut st = Table {
        id: "stance-table".into(),
        caption: String::new(),
        head: vec![head("voice", Class::Left, "")],
        rows: Vec::new(),
    };
    st.head.extend(
        actors
            .iter()
            .map(|a| head(&links.short(a), Class::Plain, a)),
    );
    for v in &voices {
        let mut row = vec![text_cell(links.short(v))];
        for a in &actors {
            match report
                .stance
                .iter()
                .find(|r| &r.voice == v && &r.actor == a)
            {
                Some(r) => row.push(stance_cell(links, r)),
                None => row.push(Cell::default()),
            }
        }
        st.rows.push(row);
    }
    Section {
        id: "stance".into(),
        title: "Stance toward actors".into(),
        intro: "Mean target stance (−1 to +1) of each voice toward each actor over the sentences that mention it, with the 95 % interval and the number of sentences. Stance toward a part (the Syrian army) also counts toward the whole (the Syrian government).".into(),
        charts: charts_of(charts, &["stance", "timeline"]),
        tables: vec![st],
    }
}
