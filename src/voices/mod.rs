//! Voices: who is speaking in each passage of an article.
//!
//! Every analysed byte belongs to a passage whose voice is the host outlet (`own`), a named
//! source (an outlet or any person or institution of the gazetteer), or `unknown` (a quoted
//! source that cannot be resolved, or an anonymous one). Rules, in order:
//!
//! - A direct quote is its attributed speaker's: the actor next to a speech verb in the clause
//!   after the quote (`…,” Tass said`, `…,” Russian news agencies quoted Lavrov as saying`) or
//!   before it (`Lavrov told reporters: “…”`). A later reference (`the Iranian report said`,
//!   `the Iranians claimed`, `he added`) resolves to the most recent compatible source.
//! - A quote without attribution continues the quote just before it (same or previous
//!   sentence), else it is `unknown`. Short quotes (three words or fewer) without attribution
//!   are scare quotes and stay in the host's voice.
//! - A sentence closed by an attribution (`…, Tass said.`) or opened or closed by
//!   `according to X` is the source's claim, wholly.
//! - Reported speech is the source's claim in the host's words: `X said (that) …`, `X accused
//!   Y of …`, `X called for …` (the subject right before a `speech.reporting` verb, the content
//!   after it, at least four words), and a sentence closed by its attribution without a comma
//!   (`… the monitor said`, `… said the official`). Its passage has the source's voice and is
//!   not `quoted`; the cue clause stays `own`. Framing gives label choice and frames to whoever
//!   chose the words ([`crate::framing::Context::words_voice_at`]: the host for reported speech)
//!   and stance to the source. A speaker the gazetteer does not know (`Sino said`) is `unknown`.
//! - A source that is the host outlet itself (`PressTV reports` in a PressTV article) is `own`.
//!
//! Files: [`quotes`] finds the quotations, `attribution` holds the state machine that names
//! their speakers, [`cues`] the cue words it reads (`data/attribution.toml`); [`assign`] here
//! runs the pass and cuts the passages.

mod attribution;
pub mod cues;
pub mod quotes;

pub use cues::CueWords;

use crate::actors::Mention;
use crate::lexicon::{ActorId, Gazetteer};
use crate::span::Span;
use crate::text::Tokens;
use attribution::State;
use quotes::Quote;
use serde::Serialize;

/// Who speaks a passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Voice {
    /// The host outlet.
    Own,
    /// A named source.
    Source(ActorId),
    /// A quoted or anonymous source that cannot be named.
    Unknown,
}

/// A run of text with one voice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// The text.
    pub span: Span,
    /// Its voice.
    pub voice: Voice,
    /// Inside quotation marks.
    pub quoted: bool,
    /// The attribution cue that decided the voice, if any.
    pub cue: Option<Span>,
    /// Paragraph index.
    pub para: u32,
}

/// The passage containing byte `pos`, if any, in passages sorted and disjoint (as [`assign`]
/// returns them). Binary search.
pub fn passage_at(passages: &[Passage], pos: usize) -> Option<&Passage> {
    let i = passages.partition_point(|p| p.span.end <= pos);
    passages.get(i).filter(|p| p.span.start <= pos)
}

/// The voice at byte `pos`: its passage's, or own where no passage covers it.
pub fn voice_at(passages: &[Passage], pos: usize) -> Voice {
    passage_at(passages, pos)
        .map(|p| p.voice)
        .unwrap_or(Voice::Own)
}

/// What an article's voices need to know about it.
pub struct Context<'a> {
    /// The text.
    pub text: &'a str,
    /// Content paragraphs.
    pub paragraphs: &'a [Span],
    /// Sentences with their paragraph index.
    pub sentences: &'a [(Span, u32)],
    /// Tokens.
    pub tokens: &'a Tokens,
    /// Actor mentions, in text order.
    pub mentions: &'a [Mention],
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// The host outlet, when it is in the gazetteer.
    pub host: Option<ActorId>,
    /// The attribution cue words.
    pub cues: &'a CueWords,
}

/// Splits an article into passages with voices, plus the scare-quoted spans (distancing).
pub fn assign(cx: &Context) -> (Vec<Passage>, Vec<Span>) {
    let quotes = quotes::find_quotes(cx.text, cx.paragraphs);
    let mut st = State::new(cx);
    // Voice of every top-level double quote (and attributed long single quote).
    let mut quote_voice: Vec<(Quote, Voice, Option<Span>)> = Vec::new();
    let mut scare: Vec<Span> = Vec::new();
    let mut prev_quote: Option<(Quote, Voice, usize)> = None; // with the sentence index where it ended
    let sentence_of = |pos: usize| cx.sentences.partition_point(|(s, _)| s.end <= pos);
    let top: Vec<Quote> = quotes.iter().filter(|q| !q.nested).copied().collect();
    let mut sentence_voice: Vec<Option<(Voice, Span)>> = vec![None; cx.sentences.len()];
    // Reported speech with its subject first: (voice, cue, content).
    let mut reported: Vec<Option<(Voice, Span, Span)>> = vec![None; cx.sentences.len()];
    let mut qi = 0usize;
    // One pass in text order, so that later references see every earlier source.
    for (si, (s, _)) in cx.sentences.iter().enumerate() {
        while qi < top.len() && sentence_of(top[qi].span.start) <= si {
            let q = top[qi];
            qi += 1;
            let words = cx.text[q.span.start..q.span.end].split_whitespace().count();
            let (att, cue) = st.attribution(q.span, None);
            let s_start = sentence_of(q.span.start);
            let s_end = sentence_of(q.span.end.saturating_sub(1));
            let voice = match att {
                Some(v) => Some(v),
                None if q.continues => prev_quote.map(|p| p.1),
                None if words <= 3 || q.single => None, // scare quote
                None => match prev_quote {
                    Some((_, v, ps)) if ps + 1 >= s_start => Some(v),
                    _ => Some(Voice::Unknown),
                },
            };
            match voice {
                Some(v) => {
                    // A continued quote attributed at its end gives the voice to its earlier parts.
                    if q.continues {
                        if let Some(last) = quote_voice.last_mut() {
                            if last.1 == Voice::Unknown && v != Voice::Unknown {
                                last.1 = v;
                            }
                        }
                    }
                    if let Voice::Source(a) = v {
                        st.history.push((q.span.start, a));
                    }
                    quote_voice.push((q, v, cue));
                    prev_quote = Some((q, v, s_end));
                }
                None => scare.push(q.span),
            }
        }
        let last_quote = quote_voice
            .iter()
            .rev()
            .find(|(q, _, _)| q.span.overlaps(*s))
            .map(|x| x.1);
        if let Some(qv) = last_quote {
            // "Syria wants … “…,” the report said.": the whole sentence is the source's claim
            // when its closing attribution names the quote's speaker.
            if let Some((v, cue)) = st.sentence_attribution(*s) {
                if v == qv && v != Voice::Unknown {
                    sentence_voice[si] = Some((v, cue));
                }
            }
            continue;
        }
        if let Some((v, cue)) = st
            .sentence_attribution(*s)
            .or_else(|| st.closing_without_comma(*s))
        {
            if let Voice::Source(a) = v {
                st.history.push((s.start, a));
            }
            sentence_voice[si] = Some((v, cue));
        } else if let Some((v, cue, content)) = st.reported_after_subject(*s) {
            if let Voice::Source(a) = v {
                st.history.push((s.start, a));
            }
            reported[si] = Some((v, cue, content));
        }
    }
    // Nested quotes: attributed inside their parent, else the parent's voice.
    let mut nested_voice: Vec<(Quote, Voice, Option<Span>)> = Vec::new();
    for q in quotes.iter().filter(|q| q.nested) {
        let Some(parent) = quote_voice.iter().find(|p| p.0.span.contains(q.span)) else {
            continue;
        };
        let words = cx.text[q.span.start..q.span.end].split_whitespace().count();
        let (att, cue) = st.attribution(q.span, Some(parent.0.span));
        match att {
            Some(v) => nested_voice.push((*q, v, cue)),
            None if words <= 3 => scare.push(q.span),
            None => {}
        }
    }
    // Fragments: each sentence cut by the quotes that overlap it.
    let mut passages: Vec<Passage> = Vec::new();
    let host = cx.host;
    let own_if_host = |v: Voice| match (v, host) {
        (Voice::Source(a), Some(h)) if a == h => Voice::Own,
        _ => v,
    };
    for (si, (s, para)) in cx.sentences.iter().enumerate() {
        let mut cuts: Vec<(Span, Voice, bool, Option<Span>)> = Vec::new();
        for (q, v, cue) in quote_voice.iter().chain(nested_voice.iter()) {
            if q.span.overlaps(*s) {
                let a = q.span.start.max(s.start);
                let b = q.span.end.min(s.end);
                cuts.push((Span::new(a, b), *v, true, *cue));
            }
        }
        if let Some((v, cue, content)) = reported[si] {
            cuts.push((content, v, false, Some(cue)));
        }
        let base = sentence_voice[si]
            .map(|(v, cue)| (v, Some(cue)))
            .unwrap_or((Voice::Own, None));
        // The cue of a sentence-wide attribution ("…, Tass said") is the host's narration.
        if let Some(cue) = base.1 {
            if cue.overlaps(*s) && base.0 != Voice::Own {
                let after_quotes = cuts
                    .iter()
                    .filter(|c| c.2 && c.0.start < cue.end)
                    .map(|c| c.0.end)
                    .max()
                    .unwrap_or(0);
                let start = cue.start.max(s.start).max(after_quotes);
                if start < cue.end.min(s.end) {
                    cuts.push((
                        Span::new(start, cue.end.min(s.end)),
                        Voice::Own,
                        false,
                        None,
                    ));
                }
            }
        }
        // Elementary intervals between all cut points; each takes the innermost cut over it.
        let mut points: Vec<usize> = vec![s.start, s.end];
        for c in &cuts {
            points.push(c.0.start);
            points.push(c.0.end);
        }
        points.sort_unstable();
        points.dedup();
        for w in points.windows(2) {
            let piece = Span::new(w[0], w[1]);
            let inner = cuts
                .iter()
                .filter(|c| c.0.contains(piece))
                .min_by_key(|c| c.0.len());
            let (voice, quoted, cue) = match inner {
                Some(c) => (c.1, c.2, c.3),
                None => (base.0, false, base.1),
            };
            let span = if quoted { piece } else { trim(cx.text, piece) };
            passages.push(Passage {
                span,
                voice: own_if_host(voice),
                quoted,
                cue,
                para: *para,
            });
        }
    }
    passages.retain(|p| !p.span.is_empty());
    // Merge neighbours with the same voice in one paragraph.
    let mut merged: Vec<Passage> = Vec::with_capacity(passages.len());
    for p in passages {
        if let Some(last) = merged.last_mut() {
            let gap = &cx.text[last.span.end.min(p.span.start)..p.span.start];
            if last.voice == p.voice
                && last.para == p.para
                && last.quoted == p.quoted
                && last.cue == p.cue
                && gap.chars().all(char::is_whitespace)
            {
                last.span.end = p.span.end;
                continue;
            }
        }
        merged.push(p);
    }
    (merged, scare)
}

fn trim(text: &str, s: Span) -> Span {
    let t = s.of(text);
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead + trail >= t.len() {
        return Span::new(s.start, s.start);
    }
    Span::new(s.start + lead, s.end - trail)
}
