//! Actor mentions against `fixtures/gold/actors/` (`docs/gold.md`, "Actor mentions"): every
//! mention of a gazetteer actor in an article, and capitalised words that are not one.
//!
//! A system mention (not a place use) is right when it overlaps a gold mention of the same actor;
//! a gold mention is found when a system mention of the same actor overlaps it. Precision rows
//! go by the system's kind of match (`exact` for a listed name or alias, `fuzzy`, `surname`,
//! `metonym`, `demonym`), recall rows by the gold kind. "non-mentions left alone" is the share
//! of gold non-mentions (months, places, people not in the gazetteer, ...) that no system
//! mention takes for an actor.

use super::{check_span, score_articles, Counts, GoldError, GoldLine, Header, Scores};
use crate::actors::{Form, Mention};
use crate::analysis::Analyzer;
use crate::span::Span;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Line {
    #[serde(flatten)]
    header: Header,
    #[serde(default)]
    mentions: Vec<Item>,
}

impl GoldLine for Line {
    fn header(&self) -> &Header {
        &self.header
    }
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
    let order = |k: &str| match k {
        "all mentions" => 0,
        _ if k.starts_with("kind ") => 1,
        "non-mentions left alone" => 2,
        _ => 3,
    };
    score_articles(
        az,
        files,
        errors,
        "actor mentions",
        order,
        |line: &Line, an, t| {
            let h = &line.header;
            let mut gold = Vec::new();
            for it in &line.mentions {
                let span = check_span(&h.text, it.start, it.end, &it.text, "mention")?;
                if let Some(a) = &it.actor {
                    if az.gazetteer.id(a).is_none() {
                        return Err(format!(
                            "actor {a:?} is not in the gazetteer; use an id of data/actors.toml"
                        ));
                    }
                }
                gold.push((span, it.actor.as_deref(), it.kind.as_str()));
            }
            let sys: Vec<(Span, &str, &'static str)> = an
                .mentions
                .iter()
                .filter(|m| !m.place)
                .map(|m| (m.span, az.gazetteer.actor(m.actor).id.as_str(), kind_of(m)))
                .collect();
            let shown = |span: Span| &h.text[span.start..span.end];
            for &(span, actor, kind) in &sys {
                let right = gold
                    .iter()
                    .any(|(g, a, _)| *a == Some(actor) && g.overlaps(span));
                let c = Counts {
                    sys: 1,
                    hit_sys: right as u64,
                    ..Counts::default()
                };
                t.add("all mentions", c);
                t.add(format!("kind {kind}"), c);
                if !right {
                    t.error(|| {
                        let what = gold
                            .iter()
                            .find(|(g, _, _)| g.overlaps(span))
                            .map(|(_, a, k)| format!("gold: {} ({k})", a.unwrap_or("not an actor")))
                            .unwrap_or_else(|| "gold: nothing".into());
                        format!(
                            "{} {}: wrong {kind} {actor} {:?}; {what}",
                            h.article,
                            span.start,
                            shown(span)
                        )
                    });
                }
            }
            for &(span, actor, kind) in &gold {
                match actor {
                    Some(a) => {
                        let found = sys.iter().any(|(s, sa, _)| *sa == a && s.overlaps(span));
                        let c = Counts {
                            gold: 1,
                            hit_gold: found as u64,
                            ..Counts::default()
                        };
                        t.add("all mentions", c);
                        t.add(format!("kind {kind}"), c);
                        if !found {
                            t.error(|| {
                                format!(
                                    "{} {}: missed {kind} {a} {:?}",
                                    h.article,
                                    span.start,
                                    shown(span)
                                )
                            });
                        }
                    }
                    None => {
                        let taken = sys.iter().any(|(s, _, _)| s.overlaps(span));
                        let c = Counts {
                            gold: 1,
                            hit_gold: !taken as u64,
                            ..Counts::default()
                        };
                        t.add("non-mentions left alone", c);
                        t.add(format!("non-mentions left alone: {kind}"), c);
                    }
                }
            }
            Ok(())
        },
    )
}
