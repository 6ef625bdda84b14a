//! The voices-and-actors section: who speaks (own and quoted passages, words) and who is
//! talked about (mentions, spellings resolved to one actor).

use super::cells::{head, num_cell, text_cell};
use super::links::Links;
use super::{Class, Section, Table};
use crate::rank::{top_k, top_k_by};
use crate::report::{actor_kind_name, Report};

/// Actors listed in the actors table, the most mentioned first.
const MAX_ACTOR_ROWS: usize = 40;
/// Spellings listed per actor.
const MAX_FORMS: usize = 6;
/// Voices listed per actor.
const MAX_BY_VOICE: usize = 5;

/// The voices table (every voice, the most words first) and the actors table.
pub(super) fn section(report: &Report, links: &Links) -> Section {
    Section {
        id: "voices".into(),
        title: "Voices and actors".into(),
        intro: "The outlets read (articles, dates, languages as declared or detected; und: not told), who speaks (own and quoted passages, words) and who is talked about (mentions, spellings resolved to one actor).".into(),
        charts: Vec::new(),
        tables: vec![
            outlets(report, links),
            voices(report, links),
            actors(report, links),
        ],
    }
}

/// The host outlets: articles analysed, dates and languages.
fn outlets(report: &Report, links: &Links) -> Table {
    let mut t = Table {
        id: "outlets-table".into(),
        caption: "Outlets".into(),
        head: ["outlet", "articles", "first date", "last date", "languages"]
            .iter()
            .enumerate()
            .map(|(i, h)| head(h, Class::left_if(i != 1), ""))
            .collect(),
        rows: Vec::new(),
    };
    for o in top_k_by(&report.outlets, usize::MAX, |o| o.articles, |o| &o.outlet) {
        let langs: Vec<String> = top_k(&o.languages, usize::MAX)
            .iter()
            .map(|(l, n)| format!("{l} ({n})"))
            .collect();
        t.rows.push(vec![
            text_cell(links.name(&o.outlet)),
            num_cell(o.articles),
            text_cell(o.first_date.clone().unwrap_or_default()),
            text_cell(o.last_date.clone().unwrap_or_default()),
            text_cell(langs.join(", ")),
        ]);
    }
    t
}

fn voices(report: &Report, links: &Links) -> Table {
    let mut vt = Table {
        id: "voices-table".into(),
        caption: String::new(),
        head: [
            "voice",
            "kind",
            "articles",
            "own passages",
            "attributed passages",
            "of which reported",
            "words",
            "quoted by",
        ]
        .iter()
        .enumerate()
        .map(|(i, h)| head(h, Class::left_if(i == 0 || i == 1 || i == 7), ""))
        .collect(),
        rows: Vec::new(),
    };
    let by_words = top_k_by(&report.voices, usize::MAX, |v| v.tokens, |v| &v.voice);
    for v in by_words {
        let quoted: Vec<String> = v
            .quoted_by
            .iter()
            .map(|(k, n)| format!("{k} ({n})"))
            .collect();
        vt.rows.push(vec![
            text_cell(links.name(&v.voice)),
            text_cell(format!(
                "{}{}",
                v.kind,
                if v.state_media { ", state media" } else { "" }
            )),
            num_cell(v.articles),
            num_cell(v.own_passages),
            num_cell(v.quoted_passages),
            num_cell(v.reported_passages),
            num_cell(v.tokens),
            text_cell(quoted.join(", ")),
        ]);
    }
    vt
}

fn actors(report: &Report, links: &Links) -> Table {
    let mut at = Table {
        id: "actors-table".into(),
        caption: String::new(),
        head: [
            "actor",
            "kind",
            "mentions",
            "articles",
            "spellings",
            "by voice",
        ]
        .iter()
        .enumerate()
        .map(|(i, h)| head(h, Class::left_if(!(2..=3).contains(&i)), ""))
        .collect(),
        rows: Vec::new(),
    };
    let mentioned = report.actors.iter().filter(|a| a.mentions > 0);
    for a in top_k_by(mentioned, MAX_ACTOR_ROWS, |a| a.mentions, |a| &a.actor) {
        let forms: Vec<String> = top_k(&a.forms, MAX_FORMS)
            .iter()
            .map(|(f, n)| format!("{f} ({n})"))
            .collect();
        let bv: Vec<String> = top_k(&a.by_voice, MAX_BY_VOICE)
            .iter()
            .map(|(f, n)| format!("{f} ({n})"))
            .collect();
        at.rows.push(vec![
            text_cell(links.name(&a.actor)),
            text_cell(a.kind.map(actor_kind_name).unwrap_or_default().to_string()),
            num_cell(a.mentions),
            num_cell(a.articles),
            text_cell(forms.join(", ")),
            text_cell(bv.join(", ")),
        ]);
    }
    at
}
