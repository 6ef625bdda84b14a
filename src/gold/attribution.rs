//! Attributions against `fixtures/gold/attribution/` (`docs/attribution.md`): the content, kind
//! and speaker of every quoted and reported passage.
//!
//! A system attribution is a passage whose voice is not the host's own: `quoted` when inside
//! quotation marks, else `reported`. Spans are compared after trimming whitespace, quote marks
//! and punctuation at their edges.
//!
//! - **Content, bytes**: precision = bytes of system passages of a kind that lie in gold content
//!   of that kind, over all their bytes; recall = gold content bytes covered by system passages of
//!   the kind. `any kind` ignores the kind.
//! - **Content, spans**: a gold content is found when system passages of its kind cover at least
//!   half of it; a system passage is right when gold content of its kind covers at least half of
//!   it.
//! - **Speaker**: for each gold attribution, the system passage (of any kind) covering most of its
//!   content, if it covers at least half. The precision column is the share of such found
//!   attributions whose speaker is exactly the gold identity (gazetteer id, `name:` id or
//!   `unknown`); the recall column is the share of all gold attributions found with the right
//!   speaker. Rows by how the source is referred to (`named`, `pronoun`, `role`, `reference`,
//!   `none`).
//! - Note: passages whose voice is an actor the article never names (and not its host).

use super::{
    check_span, covered, score_articles, trim, Counts, GoldError, GoldLine, Header, Scores, Split,
};
use crate::analysis::Analyzer;
use crate::span::Span;
use crate::voices::Voice;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Line {
    #[serde(flatten)]
    header: Header,
    #[serde(default)]
    attributions: Vec<Item>,
}

impl GoldLine for Line {
    fn header(&self) -> &Header {
        &self.header
    }
}

#[derive(Deserialize)]
struct Item {
    kind: Kind,
    source_type: String,
    speaker: String,
    content: String,
    content_start: usize,
    content_end: usize,
}

/// Verbatim or in the host's words.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Inside quotation marks: the source's own words.
    Quoted,
    /// The source's claim in the host's words.
    Reported,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Quoted => "quoted",
            Kind::Reported => "reported",
        }
    }
}

/// Merges spans into disjoint sorted intervals.
fn union(mut v: Vec<Span>) -> Vec<Span> {
    v.sort_unstable_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::new();
    for s in v {
        match out.last_mut() {
            Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Byte counts of system spans against gold spans (both possibly overlapping).
fn bytes(sys: &[Span], gold: &[Span]) -> Counts {
    let (s, g) = (union(sys.to_vec()), union(gold.to_vec()));
    Counts {
        sys: s.iter().map(|x| x.len() as u64).sum(),
        hit_sys: s.iter().map(|x| covered(*x, &g) as u64).sum(),
        gold: g.iter().map(|x| x.len() as u64).sum(),
        hit_gold: g.iter().map(|x| covered(*x, &s) as u64).sum(),
    }
}

/// Span counts: a span counts as matched when the other side covers at least half of it.
fn spans(sys: &[Span], gold: &[Span]) -> Counts {
    let half = |a: &Span, other: &[Span]| !a.is_empty() && 2 * covered(*a, other) >= a.len();
    Counts {
        sys: sys.len() as u64,
        hit_sys: sys.iter().filter(|s| half(s, gold)).count() as u64,
        gold: gold.len() as u64,
        hit_gold: gold.iter().filter(|g| half(g, sys)).count() as u64,
    }
}

/// Scores the analyzer's passages against attribution gold files; with `errors`, also lists
/// the dev part's attributions whose content is missed or whose speaker is wrong, and the
/// content found that the gold set does not hold as that kind.
pub fn score(
    az: &Analyzer,
    files: &[PathBuf],
    errors: bool,
) -> Result<(Scores, Vec<String>), GoldError> {
    let order = |k: &str| match k {
        _ if k.starts_with("content bytes") => 0,
        _ if k.starts_with("content spans") => 1,
        "speaker, all" => 2,
        _ => 3,
    };
    let voice_id = |an: &crate::analysis::Analysed, v: Voice| match v {
        Voice::Source(_) | Voice::Named(_) => az.voice_label(an, v),
        Voice::Own | Voice::Unknown => "unknown".to_string(),
    };
    score_articles(
        az,
        files,
        errors,
        "attribution",
        order,
        |line: &Line, an, t| {
            let h = &line.header;
            let mut gold = Vec::new();
            for it in &line.attributions {
                let span = check_span(
                    &h.text,
                    it.content_start,
                    it.content_end,
                    &it.content,
                    "content",
                )?;
                gold.push((trim(&h.text, span), it));
            }
            let sys: Vec<(Span, Kind, Voice)> = an
                .passages
                .iter()
                .filter(|p| p.voice != Voice::Own)
                .map(|p| {
                    let kind = if p.quoted {
                        Kind::Quoted
                    } else {
                        Kind::Reported
                    };
                    (trim(&h.text, p.span), kind, p.voice)
                })
                .filter(|(s, _, _)| !s.is_empty())
                .collect();
            for kind in [None, Some(Kind::Quoted), Some(Kind::Reported)] {
                let pick_s: Vec<Span> = sys
                    .iter()
                    .filter(|(_, k, _)| kind.is_none_or(|x| x == *k))
                    .map(|x| x.0)
                    .collect();
                let pick_g: Vec<Span> = gold
                    .iter()
                    .filter(|(_, it)| kind.is_none_or(|x| x == it.kind))
                    .map(|x| x.0)
                    .filter(|s| !s.is_empty())
                    .collect();
                let name = kind.map_or("any kind", Kind::name);
                t.add(format!("content bytes, {name}"), bytes(&pick_s, &pick_g));
                t.add(format!("content spans, {name}"), spans(&pick_s, &pick_g));
            }
            let all_sys: Vec<Span> = sys.iter().map(|x| x.0).collect();
            for (g, it) in &gold {
                let best = sys
                    .iter()
                    .map(|(s, _, v)| (covered(*g, &[*s]), *v))
                    .max_by_key(|(c, _)| *c)
                    .filter(|(c, _)| !g.is_empty() && 2 * c >= g.len());
                let right = best.is_some_and(|(_, v)| voice_id(an, v) == it.speaker);
                let c = Counts {
                    sys: best.is_some() as u64,
                    hit_sys: right as u64,
                    gold: 1,
                    hit_gold: right as u64,
                };
                t.add("speaker, all", c);
                t.add(format!("speaker, {}", it.source_type), c);
                t.add(format!("speaker, {}", it.kind.name()), c);
                if !right {
                    t.error(|| {
                        let got = match best {
                            Some((_, v)) => format!("speaker {}", voice_id(an, v)),
                            None if 2 * covered(*g, &all_sys) >= g.len() => "split".into(),
                            None => "content missed".into(),
                        };
                        format!(
                            "{} {}: {} {} by {} ({}): {got}; {:?}",
                            h.article,
                            g.start,
                            it.kind.name(),
                            it.source_type,
                            it.speaker,
                            it.kind.name(),
                            &h.text[g.start..g.end]
                        )
                    });
                }
            }
            // Content found where the gold set has none of its kind: what lowers precision.
            for (s, kind, v) in &sys {
                let same: Vec<Span> = gold
                    .iter()
                    .filter(|(_, it)| it.kind == *kind)
                    .map(|x| x.0)
                    .collect();
                if 2 * covered(*s, &same) < s.len() {
                    t.error(|| {
                        let all: Vec<Span> = gold.iter().map(|x| x.0).collect();
                        let other = if 2 * covered(*s, &all) >= s.len() {
                            "gold has it as another kind"
                        } else {
                            "not in the gold set"
                        };
                        format!(
                            "{} {}: extra {} content by {}: {other}; {:?}",
                            h.article,
                            s.start,
                            kind.name(),
                            voice_id(an, *v),
                            &h.text[s.start..s.end]
                        )
                    });
                }
            }
            let named: std::collections::BTreeSet<_> =
                an.mentions.iter().map(|m| m.actor).collect();
            // An actor that a description it declares stands for ("rebels said" ->
            // syrian_opposition) is named by that description when the article also names the
            // actor's country (docs/attribution.md, Part 2).
            let g = &az.gazetteer;
            let countries: std::collections::BTreeSet<_> = an
                .mentions
                .iter()
                .filter_map(|m| g.country(m.actor))
                .chain(g.places_in(&an.tokens).into_iter().map(|x| x.1))
                .collect();
            let keys: Vec<&str> = (0..an.tokens.len())
                .filter(|&i| an.tokens.tokens[i].word)
                .map(|i| an.tokens.key(i))
                .collect();
            let holds = |w: &[String]| keys.windows(w.len()).any(|x| x == w);
            // ... or by its name without the country's word ("the defence ministry in Moscow":
            // "Russian Defence Ministry" less "Russian"), as the voices' description rule reads
            // a description qualified by a place.
            let by_name = |a, c| {
                let country = g.actor(c);
                let of_country = |w: &str| {
                    let w = w.strip_suffix("'s").unwrap_or(w);
                    std::iter::once(&country.name)
                        .chain(&country.aliases)
                        .chain(&country.demonyms)
                        .any(|n| crate::text::normalize::key(n) == w)
                };
                let actor = g.actor(a);
                actor.kind != crate::lexicon::ActorKind::Person
                    && std::iter::once(&actor.name).chain(&actor.aliases).any(|n| {
                        let w: Vec<String> = n
                            .split_whitespace()
                            .map(crate::text::normalize::key)
                            .collect();
                        w.len() > 1 && of_country(&w[0]) && holds(&w[1..])
                    })
            };
            let described = |a| {
                g.country(a).is_some_and(|c| {
                    countries.contains(&c)
                        && (g.actor(a).descriptors.iter().any(|d| {
                            let w: Vec<String> = d.split_whitespace().map(str::to_string).collect();
                            holds(&w)
                        }) || by_name(a, c))
                })
            };
            let mut by_description = 0u64;
            let borrowed: Vec<_> = an
                .passages
                .iter()
                .filter(|p| match p.voice {
                    Voice::Source(a) if named.contains(&a) || Some(a) == an.host => false,
                    Voice::Source(a) if described(a) => {
                        by_description += 1;
                        false
                    }
                    Voice::Source(_) => true,
                    _ => false,
                })
                .collect();
            for p in &borrowed {
                t.error(|| {
                    format!(
                        "{} {}: voice {} not named in the article; {:?}",
                        h.article,
                        p.span.start,
                        voice_id(an, p.voice),
                        &h.text[p.span.start..p.span.end.min(p.span.start + 120)]
                    )
                });
            }
            let borrowed = borrowed.len() as u64;
            let key = match t.split() {
                Split::Dev => "passages voiced by an actor the article does not name (dev)",
                Split::Test => "passages voiced by an actor the article does not name (test)",
            };
            t.note(key, borrowed);
            let key = match t.split() {
                Split::Dev => "passages voiced by an actor named only by its description (dev)",
                Split::Test => "passages voiced by an actor named only by its description (test)",
            };
            t.note(key, by_description);
            Ok(())
        },
    )
}
