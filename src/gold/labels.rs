//! Label uses against `fixtures/gold/labels/` (`docs/gold.md`, "Label uses"): every expression
//! that names a label set's referent with one of its labels, and near-misses that must not
//! count (another referent, another sense, part of a longer name).
//!
//! Per label set: a system use is right when it overlaps a gold use of the same set; a gold use
//! is found when a system use of the same set overlaps it; "label right" is the share of right
//! system uses whose label is also the gold one. "near-misses left alone" is the share of gold
//! near-misses that no wrong system use overlaps (a span may be a use of one set and a near-miss
//! for another: "Israeli regime").

use super::{check_span, score_articles, Counts, GoldError, GoldLine, Header, Scores};
use crate::analysis::Analyzer;
use crate::span::Span;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Line {
    #[serde(flatten)]
    header: Header,
    #[serde(default)]
    items: Vec<Item>,
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
    concept: Option<String>,
    label: Option<String>,
    verdict: Verdict,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Verdict {
    Use,
    NearMiss,
}

/// Scores the analyzer's label uses against gold files; with `errors`, also lists every wrong
/// and missed use of the dev part (never the test part).
pub fn score(
    az: &Analyzer,
    files: &[PathBuf],
    errors: bool,
) -> Result<(Scores, Vec<String>), GoldError> {
    let sets = &az.matcher.label_sets;
    let order = |k: &str| match k {
        "all sets" => 0,
        "label right where the set is" => 1,
        "near-misses left alone" => 2,
        _ => 3,
    };
    score_articles(
        az,
        files,
        errors,
        "label uses",
        order,
        |line: &Line, an, t| {
            let h = &line.header;
            // (span, concept, label) of gold uses; spans of near-misses.
            let mut uses: Vec<(Span, &str, &str)> = Vec::new();
            let mut near: Vec<Span> = Vec::new();
            for it in &line.items {
                let span = check_span(&h.text, it.start, it.end, &it.text, "label")?;
                match (it.verdict, &it.concept, &it.label) {
                    (Verdict::Use, Some(c), Some(l)) => {
                        let Some(set) = sets.iter().find(|s| &s.concept == c) else {
                            return Err(format!(
                            "label set {c:?} is not in the lexicons; use a concept of lexicons/geopolitics.toml"
                        ));
                        };
                        if !set.labels.iter().any(|x| x == l) {
                            return Err(format!("label {l:?} is not in set {c:?}"));
                        }
                        uses.push((span, c, l));
                    }
                    (Verdict::Use, _, _) => return Err("a use needs its concept and label".into()),
                    (Verdict::NearMiss, _, _) => near.push(span),
                }
            }
            let sys: Vec<(Span, &str, &str)> =
                crate::framing::labels(an, &az.matcher, &az.gazetteer)
                    .iter()
                    .map(|u| {
                        let s = &sets[u.set as usize];
                        (
                            u.span,
                            s.concept.as_str(),
                            s.labels[u.label as usize].as_str(),
                        )
                    })
                    .collect();
            let shown = |span: Span| &h.text[span.start..span.end];
            let mut wrong: Vec<Span> = Vec::new();
            for &(span, concept, label) in &sys {
                let gold = uses
                    .iter()
                    .find(|(g, c, _)| *c == concept && g.overlaps(span));
                let c = Counts {
                    sys: 1,
                    hit_sys: gold.is_some() as u64,
                    ..Counts::default()
                };
                t.add("all sets", c);
                t.add(format!("set {concept}"), c);
                if let Some((_, _, gl)) = gold {
                    let c = Counts {
                        sys: 1,
                        hit_sys: (*gl == label) as u64,
                        ..Counts::default()
                    };
                    t.add("label right where the set is", c);
                } else {
                    wrong.push(span);
                    t.error(|| {
                        format!(
                            "{} {}: wrong {concept}.{label} {:?}",
                            h.article,
                            span.start,
                            shown(span)
                        )
                    });
                }
            }
            for &(span, concept, label) in &uses {
                let found = sys
                    .iter()
                    .any(|(s, c, _)| *c == concept && s.overlaps(span));
                let c = Counts {
                    gold: 1,
                    hit_gold: found as u64,
                    ..Counts::default()
                };
                t.add("all sets", c);
                t.add(format!("set {concept}"), c);
                if !found {
                    t.error(|| {
                        format!(
                            "{} {}: missed {concept}.{label} {:?}",
                            h.article,
                            span.start,
                            shown(span)
                        )
                    });
                }
            }
            for &span in &near {
                let c = Counts {
                    gold: 1,
                    hit_gold: !wrong.iter().any(|w| w.overlaps(span)) as u64,
                    ..Counts::default()
                };
                t.add("near-misses left alone", c);
            }
            Ok(())
        },
    )
}
