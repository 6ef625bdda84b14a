//! Actor mentions against `fixtures/gold/actors/` (`docs/gold.md`, "Actor mentions"): every
//! mention of a gazetteer actor in an article, and capitalised words that are not one.
//!
//! A system mention (not a place use) is right when it overlaps a gold mention of the same actor;
//! a gold mention is found when a system mention of the same actor overlaps it. Precision rows
//! go by the system's kind of match (`exact` for a listed name or alias, `fuzzy`, `surname`,
//! `metonym`, `demonym`), recall rows by the gold kind. "non-mentions left alone" is the share
//! of gold non-mentions (months, places, people not in the gazetteer, ...) that no system
//! mention takes for an actor.

use super::{check_span, read_lines, BySplit, Counts, GoldError, Header, Scores, Split};
use crate::actors::{Form, FuzzyCache, Mention};
use crate::analysis::Analyzer;
use crate::span::Span;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Line {
    #[serde(flatten)]
    header: Header,
    #[serde(default)]
    mentions: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    text: String,
    start: usize,
    end: usize,
    actor: Option<String>,
    kind: String,
}

/// The kinds of match, as the gold set names them.
pub const KINDS: [&str; 5] = ["exact", "fuzzy", "surname", "metonym", "demonym"];

/// The gold kind name of a system mention.
pub fn kind_of(m: &Mention) -> &'static str {
    if m.fuzzy {
        return "fuzzy";
    }
    match m.form {
        Form::Name | Form::Alias => "exact",
        Form::Surname => "surname",
        Form::Metonym => "metonym",
        Form::Demonym => "demonym",
    }
}

/// Scores the analyzer's actor mentions against gold files; with `errors`, also lists every
/// wrong and missed mention of the dev part (never the test part).
pub fn score(
    az: &Analyzer,
    files: &[PathBuf],
    errors: bool,
) -> Result<(Scores, Vec<String>), GoldError> {
    let mut rows: BTreeMap<String, BySplit> = BTreeMap::new();
    let mut scores = Scores {
        set: "actor mentions".into(),
        ..Scores::default()
    };
    let mut listed = Vec::new();
    let mut cache = FuzzyCache::default();
    for path in files {
        for (n, line) in read_lines::<Line>(path)? {
            let h = &line.header;
            let bad = |message: String| GoldError {
                path: path.display().to_string(),
                line: n,
                message,
            };
            let mut gold = Vec::new();
            for it in &line.mentions {
                let span =
                    check_span(&h.text, it.start, it.end, &it.text, "mention").map_err(bad)?;
                if let Some(a) = &it.actor {
                    if az.gazetteer.id(a).is_none() {
                        return Err(bad(format!(
                            "actor {a:?} is not in the gazetteer; use an id of data/actors.toml"
                        )));
                    }
                }
                gold.push((span, it.actor.as_deref(), it.kind.as_str()));
            }
            let article = h.to_article();
            let Ok(an) = az.analyse(&article, &mut cache) else {
                return Err(bad("the article cannot be analysed".into()));
            };
            *scores.articles.entry(h.split).or_default() += 1;
            let sys: Vec<(Span, &str, &'static str)> = an
                .mentions
                .iter()
                .filter(|m| !m.place)
                .map(|m| (m.span, az.gazetteer.actor(m.actor).id.as_str(), kind_of(m)))
                .collect();
            let mut add = |name: String, c: Counts| rows.entry(name).or_default().add(h.split, c);
            for &(span, actor, kind) in &sys {
                let right = gold
                    .iter()
                    .any(|(g, a, _)| *a == Some(actor) && g.overlaps(span));
                let c = Counts {
                    sys: 1,
                    hit_sys: right as u64,
                    ..Counts::default()
                };
                add("all mentions".into(), c);
                add(format!("kind {kind}"), c);
                if !right && errors && h.split == Split::Dev {
                    let what = gold
                        .iter()
                        .find(|(g, _, _)| g.overlaps(span))
                        .map(|(_, a, k)| format!("gold: {} ({k})", a.unwrap_or("not an actor")))
                        .unwrap_or_else(|| "gold: nothing".into());
                    listed.push(format!(
                        "{} {}: wrong {kind} {actor} {:?}; {what}",
                        h.article,
                        span.start,
                        &h.text[span.start..span.end]
                    ));
                }
            }
            for &(span, actor, kind) in &gold {
                let taken = sys.iter().find(|(s, _, _)| s.overlaps(span));
                match actor {
                    Some(a) => {
                        let found = sys.iter().any(|(s, sa, _)| *sa == a && s.overlaps(span));
                        let c = Counts {
                            gold: 1,
                            hit_gold: found as u64,
                            ..Counts::default()
                        };
                        add("all mentions".into(), c);
                        add(format!("kind {kind}"), c);
                        if !found && errors && h.split == Split::Dev {
                            listed.push(format!(
                                "{} {}: missed {kind} {a} {:?}",
                                h.article,
                                span.start,
                                &h.text[span.start..span.end]
                            ));
                        }
                    }
                    None => {
                        let c = Counts {
                            gold: 1,
                            hit_gold: taken.is_none() as u64,
                            ..Counts::default()
                        };
                        add("non-mentions left alone".into(), c);
                        add(format!("non-mentions left alone: {kind}"), c);
                    }
                }
            }
        }
    }
    let order = |k: &str| match k {
        "all mentions" => 0,
        _ if k.starts_with("kind ") => 1,
        "non-mentions left alone" => 2,
        _ => 3,
    };
    let mut names: Vec<&String> = rows.keys().collect();
    names.sort_by_key(|k| (order(k), k.as_str()));
    scores.rows = names.iter().map(|k| rows[*k].row(k)).collect();
    Ok((scores, listed))
}
