//! The voices-and-actors section: who speaks (own and quoted passages, words) and who is
//! talked about (mentions, spellings resolved to one actor).

use super::cells::{head, num_cell, text_cell};
use super::links::Links;
use super::{Class, Section, Table};
use crate::report::{actor_kind_name, ActorRow, Report, VoiceRow};

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
        intro: "Who speaks (own and quoted passages, words) and who is talked about (mentions, spellings resolved to one actor).".into(),
        charts: Vec::new(),
        tables: vec![voices(report, links), actors(report, links)],
    }
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
            "quoted passages",
            "words",
            "quoted by",
        ]
        .iter()
        .enumerate()
        .map(|(i, h)| {
            head(
                h,
                if i == 0 || i == 1 || i == 6 {
                    Class::Left
                } else {
                    Class::Plain
                },
                "",
            )
        })
        .collect(),
        rows: Vec::new(),
    };
    let mut vs: Vec<&VoiceRow> = report.voices.iter().collect();
    vs.sort_by(|x, y| y.tokens.cmp(&x.tokens).then_with(|| x.voice.cmp(&y.voice)));
    for v in vs {
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
        .map(|(i, h)| {
            head(
                h,
                if !(2..=3).contains(&i) {
                    Class::Left
                } else {
                    Class::Plain
                },
                "",
            )
        })
        .collect(),
        rows: Vec::new(),
    };
    let mut acts: Vec<&ActorRow> = report.actors.iter().filter(|a| a.mentions > 0).collect();
    acts.sort_by(|x, y| {
        y.mentions
            .cmp(&x.mentions)
            .then_with(|| x.actor.cmp(&y.actor))
    });
    for a in acts.into_iter().take(MAX_ACTOR_ROWS) {
        let mut forms: Vec<(&String, &u64)> = a.forms.iter().collect();
        forms.sort_by(|x, y| y.1.cmp(x.1).then_with(|| x.0.cmp(y.0)));
        let forms: Vec<String> = forms
            .iter()
            .take(MAX_FORMS)
            .map(|(f, n)| format!("{f} ({n})"))
            .collect();
        let mut bv: Vec<(&String, &u64)> = a.by_voice.iter().collect();
        bv.sort_by(|x, y| y.1.cmp(x.1).then_with(|| x.0.cmp(y.0)));
        let bv: Vec<String> = bv
            .iter()
            .take(MAX_BY_VOICE)
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
