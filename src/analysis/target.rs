//! Stance toward one given target in a standalone text: what `validate` scores against an
//! annotated set. It runs the whole analysis on the text (so it lives here, above `framing`),
//! then scores the target as framing scores a mention.

use super::{Analysed, Analyzer};
use crate::framing::stance;
use crate::span::Span;

/// Analyses `text` as a standalone article and calls `f` with the analysis, the token range of
/// the target's sentence (half-open) and the target's tokens (inclusive). None when the target
/// has no tokens.
pub fn with_target<R>(
    az: &Analyzer,
    text: &str,
    target: Span,
    f: impl FnOnce(&Analysed, (usize, usize), (usize, usize)) -> R,
) -> Option<R> {
    let article = crate::corpus::Article {
        id: "target".into(),
        outlet: "unknown".into(),
        date: None,
        title: None,
        url: None,
        lang: az.languages.default_language(),
        text: text.to_string(),
        source: "-".into(),
        line: None,
        hash: String::new(),
    };
    let mut cache = crate::actors::FuzzyCache::default();
    let an = az.analyse(&article, &mut cache).ok()?;
    let toks = &an.tokens;
    let t0 = toks
        .tokens
        .iter()
        .position(|t| t.span.end > target.start && t.span.start < target.end)?;
    let t1 = toks
        .tokens
        .iter()
        .rposition(|t| t.span.end > target.start && t.span.start < target.end)?;
    let si = an.sentence_at(toks.tokens[t0].span.start)?;
    let range = toks.range(an.sentences[si].0);
    Some(f(&an, range, (t0, t1)))
}

/// Scores the stance of `text` toward the target at byte span `target` (a standalone
/// sentence or passage, as in an annotated set). None when the target has no tokens.
pub fn score_target(az: &Analyzer, text: &str, target: Span) -> Option<stance::Score> {
    with_target(az, text, target, |an, range, t| score_in(az, an, range, t))
}

/// Scores the target at tokens `t` (inclusive) of the sentence tokens `range` of an analysed
/// passage: what [`score_target`] does once the passage is analysed.
pub fn score_in(
    az: &Analyzer,
    an: &Analysed,
    range: (usize, usize),
    t: (usize, usize),
) -> stance::Score {
    // When the target is an actor that speaks in its sentence, what it says does not judge it.
    let tspan = Span::new(
        an.tokens.tokens[t.0].span.start,
        an.tokens.tokens[t.1].span.end,
    );
    let actor = an
        .mentions
        .iter()
        .find(|m| m.span.start <= tspan.start && tspan.end <= m.span.end)
        .map(|m| m.actor);
    let said = an
        .sentence_at(tspan.start)
        .map(|si| stance::said_by(&an.passages, an.sentences[si].0, actor, tspan))
        .unwrap_or_default();
    stance::score(
        &an.article.text,
        &an.tokens,
        &an.hits,
        &az.matcher,
        range,
        t,
        &stance::ScareIndex::new(&an.scare),
        &said,
        &an.mentions,
    )
}
