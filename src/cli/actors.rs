//! `framelens actors INPUT... [--format table|json|csv]`: per actor, the spellings seen, mentions
//! per voice (`own` for the host outlet's own voice) and articles.

use super::common::{self, InputArgs, ListFormat as Format};
use super::{ExitStatus, Failure, Outcome};
use framelens::lexicon::{Actor, ActorKind};
use framelens::rank::top_k_by;
use framelens::report::actor_kind_name;
use serde::Serialize;
use std::collections::BTreeMap;

/// Flags of `actors`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Serialize)]
struct Row {
    actor: String,
    name: String,
    kind: ActorKind,
    forms: Vec<String>,
    form_counts: BTreeMap<String, u64>,
    mentions: u64,
    places: u64,
    by_voice: BTreeMap<String, u64>,
    by_outlet: BTreeMap<String, u64>,
    articles: u64,
    fuzzy: u64,
}

impl Row {
    /// An actor not seen yet.
    fn new(a: &Actor) -> Row {
        Row {
            actor: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            forms: Vec::new(),
            form_counts: BTreeMap::new(),
            mentions: 0,
            places: 0,
            by_voice: BTreeMap::new(),
            by_outlet: BTreeMap::new(),
            articles: 0,
            fuzzy: 0,
        }
    }
}

/// Runs `actors`.
pub fn run(args: Args) -> Outcome {
    let az = common::analyzer(&args.input, None)?;
    let g = &az.gazetteer;
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    common::visit(&az, &args.input, |an| {
        let mut seen = Vec::new();
        for m in &an.mentions {
            let a = g.actor(m.actor);
            let row = rows.entry(a.id.clone()).or_insert_with(|| Row::new(a));
            if m.place {
                row.places += 1;
                continue;
            }
            row.mentions += 1;
            if m.fuzzy {
                row.fuzzy += 1;
            }
            *row.form_counts
                .entry(m.span.of(&an.article.text).to_string())
                .or_default() += 1;
            let vk = az.voice_label(an, an.voice_at(m.span.start));
            *row.by_voice.entry(vk).or_default() += 1;
            *row.by_outlet.entry(an.host_key.clone()).or_default() += 1;
            if !seen.contains(&m.actor) {
                seen.push(m.actor);
                row.articles += 1;
            }
        }
    })?;
    let mut rows: Vec<Row> = rows
        .into_values()
        .filter(|r| r.mentions > 0 || r.places > 0)
        .collect();
    for r in &mut rows {
        r.forms = r.form_counts.keys().cloned().collect();
    }
    let rows = top_k_by(rows, usize::MAX, |r| r.mentions, |r| &r.actor);
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&rows).map_err(Failure::usage)? + "\n",
        Format::Csv => {
            let mut b = common::csv_record(&[
                "actor", "name", "kind", "mentions", "articles", "by_voice", "forms",
            ]);
            for r in &rows {
                let bv: Vec<String> = r.by_voice.iter().map(|(k, v)| format!("{k}:{v}")).collect();
                b.extend(common::csv_record(&[
                    r.actor.clone(),
                    r.name.clone(),
                    actor_kind_name(r.kind).to_string(),
                    r.mentions.to_string(),
                    r.articles.to_string(),
                    bv.join(" "),
                    r.forms.join(" | "),
                ]));
            }
            String::from_utf8(b).map_err(Failure::usage)?
        }
        Format::Table => {
            let mut s = format!(
                "{:<22} {:<12} {:>8} {:>8}  {:<40} {}\n",
                "ACTOR", "KIND", "MENTIONS", "ARTICLES", "BY VOICE", "FORMS"
            );
            for r in &rows {
                let bv: Vec<String> = r.by_voice.iter().map(|(k, v)| format!("{k}:{v}")).collect();
                s.push_str(&format!(
                    "{:<22} {:<12} {:>8} {:>8}  {:<40} {}\n",
                    r.actor,
                    actor_kind_name(r.kind),
                    r.mentions,
                    r.articles,
                    bv.join(" "),
                    r.forms.join(" | ")
                ));
            }
            s
        }
    };
    common::print(&out)?;
    Ok(ExitStatus::Success)
}
