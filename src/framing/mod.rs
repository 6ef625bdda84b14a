//! Framing: which label each voice picks for a referent, which frames it uses, and how it
//! judges each actor. Every use keeps its evidence (article, sentence, spans).

pub mod stance;

use crate::analysis::Analysed;
use crate::lexicon::{ActorId, ActorKind, Gazetteer, HitKind, Matcher};
use crate::span::Span;
use crate::voices::Voice;

/// One use of a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabelUse {
    /// Label set index.
    pub set: u16,
    /// Label index.
    pub label: u16,
    /// Where.
    pub span: Span,
    /// Who says it.
    pub voice: Voice,
}

/// One use of a frame term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameUse {
    /// Frame index.
    pub frame: u16,
    /// Where.
    pub span: Span,
    /// Who says it.
    pub voice: Voice,
}

/// One stance observation: an actor judged in a sentence by a voice.
#[derive(Clone, Debug)]
pub struct StanceObs {
    /// The actor.
    pub actor: ActorId,
    /// Who speaks.
    pub voice: Voice,
    /// Sentence index.
    pub sentence: usize,
    /// The mention scored.
    pub mention: Span,
    /// The score and its evidence.
    pub score: stance::Score,
}

/// Everything framing finds in one article: label uses, frame uses and stance observations.
pub struct Framing {
    /// Label uses, in text order.
    pub labels: Vec<LabelUse>,
    /// Frame uses, in text order.
    pub frames: Vec<FrameUse>,
    /// Stance observations, in text order.
    pub stance: Vec<StanceObs>,
}

impl Framing {
    /// Finds the label uses, frame uses and stance observations of an analysed article.
    pub fn of(an: &Analysed, m: &Matcher, g: &Gazetteer) -> Framing {
        Framing {
            labels: labels(an, m),
            frames: frames(an, m),
            stance: stance_observations(an, m, g),
        }
    }
}

/// Label uses: within a label set the longest match wins, and matches inside an exclusion
/// phrase do not count.
pub fn labels(an: &Analysed, m: &Matcher) -> Vec<LabelUse> {
    let toks = &an.tokens.tokens;
    let mut out = Vec::new();
    for set in 0..m.label_sets.len() as u16 {
        let group = an.hits.iter().filter(|h| matches!(h.kind, HitKind::Label { set: s, .. } | HitKind::Exclude { set: s } if s == set));
        for h in stance::longest(group) {
            if let HitKind::Label { set, label } = h.kind {
                let span = Span::new(
                    toks[h.first as usize].span.start,
                    toks[h.last as usize].span.end,
                );
                out.push(LabelUse {
                    set,
                    label,
                    span,
                    voice: an.voice_at(span.start),
                });
            }
        }
    }
    out.sort_by_key(|u| (u.span.start, u.set));
    out
}

/// Frame uses: overlapping terms of one frame count once.
pub fn frames(an: &Analysed, m: &Matcher) -> Vec<FrameUse> {
    let toks = &an.tokens.tokens;
    let mut out = Vec::new();
    for frame in 0..m.frames.len() as u16 {
        let group = an
            .hits
            .iter()
            .filter(|h| h.kind == HitKind::Frame { frame });
        for h in stance::longest(group) {
            let span = Span::new(
                toks[h.first as usize].span.start,
                toks[h.last as usize].span.end,
            );
            out.push(FrameUse {
                frame,
                span,
                voice: an.voice_at(span.start),
            });
        }
    }
    out.sort_by_key(|u| (u.span.start, u.frame));
    out
}

/// Stance observations: one per (sentence, actor), scored at the actor's first mention in the
/// sentence. Places, and demonyms that modify a following name ("Russian Deputy Foreign
/// Minister Sergey Vershinin"), are not targets; outlets are not judged as actors.
pub fn stance_observations(an: &Analysed, m: &Matcher, g: &Gazetteer) -> Vec<StanceObs> {
    let mut out: Vec<StanceObs> = Vec::new();
    let toks = &an.tokens;
    let scare = stance::ScareIndex::new(&an.scare);
    for (i, mention) in an.mentions.iter().enumerate() {
        if mention.place || g.actor(mention.actor).kind == ActorKind::Outlet {
            continue;
        }
        if mention.form == crate::actors::Form::Demonym {
            if let Some(next) = an.mentions.get(i + 1) {
                if next.first <= mention.last + 6 && next.actor != mention.actor {
                    continue;
                }
            }
        }
        let Some(si) = an.sentence_at(mention.span.start) else {
            continue;
        };
        if out
            .iter()
            .rev()
            .take_while(|o| o.sentence == si)
            .any(|o| o.actor == mention.actor)
        {
            continue;
        }
        let (s, _) = an.sentences[si];
        let range = toks.range(s);
        let score = stance::score(
            &an.article.text,
            toks,
            &an.hits,
            m,
            range,
            (mention.first as usize, mention.last as usize),
            &scare,
        );
        let voice = an.voice_at(mention.span.start);
        // The same judgement counts for the bodies the actor belongs to, once per sentence.
        for parent in g.ancestors(mention.actor) {
            if !out
                .iter()
                .rev()
                .take_while(|o| o.sentence == si)
                .any(|o| o.actor == parent)
            {
                out.push(StanceObs {
                    actor: parent,
                    voice,
                    sentence: si,
                    mention: mention.span,
                    score: score.clone(),
                });
            }
        }
        out.push(StanceObs {
            actor: mention.actor,
            voice,
            sentence: si,
            mention: mention.span,
            score,
        });
    }
    out.sort_by_key(|o| (o.sentence, o.mention.start, o.actor));
    out
}

/// Scores the stance of `text` toward the target at byte span `target` (a standalone
/// sentence or passage, as in an annotated set). None when the target has no tokens.
pub fn score_target(
    az: &crate::analysis::Analyzer,
    text: &str,
    target: Span,
) -> Option<stance::Score> {
    let article = crate::corpus::Article {
        id: "target".into(),
        outlet: "unknown".into(),
        date: None,
        title: None,
        url: None,
        lang: None,
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
    Some(stance::score(
        text,
        toks,
        &an.hits,
        &az.matcher,
        range,
        (t0, t1),
        &stance::ScareIndex::new(&an.scare),
    ))
}
