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
//! - Indirect speech introduced by the speaker (`Shamkhani noted that …`) is the host's
//!   paraphrase, in the host's words: it stays `own`. So does every cue clause.
//! - A source that is the host outlet itself (`PressTV reports` in a PressTV article) is `own`.

pub mod quotes;

use crate::actors::Mention;
use crate::lexicon::{ActorId, ActorKind, Gazetteer};
use crate::span::Span;
use crate::text::Tokens;
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

/// Speech verbs (token keys).
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "added",
    "adds",
    "adding",
    "stressed",
    "stresses",
    "noted",
    "notes",
    "reported",
    "reports",
    "report",
    "reporting",
    "claimed",
    "claims",
    "claim",
    "stated",
    "states",
    "announced",
    "announces",
    "declared",
    "declares",
    "insisted",
    "insists",
    "warned",
    "warns",
    "urged",
    "urges",
    "wrote",
    "writes",
    "asked",
    "quoted",
    "quoting",
    "explained",
    "explains",
    "emphasized",
    "emphasised",
    "emphasizes",
    "underlined",
    "argued",
    "argues",
    "concluded",
    "remarked",
    "replied",
    "responded",
    "affirmed",
    "tweeted",
    "posted",
    "cited",
    "citing",
    "according",
    "announcing",
    "declaring",
    "stressing",
    "noting",
    "warning",
    "insisting",
    "stating",
    "explaining",
    "emphasizing",
];
/// Speech verbs that are also nouns: tried after the others.
const NOUN_VERBS: &[&str] = &["report", "reports", "claim", "claims"];
const OUTLET_NOUNS: &[&str] = &[
    "report",
    "reports",
    "agency",
    "agencies",
    "media",
    "news",
    "outlet",
    "outlets",
    "newspaper",
    "paper",
    "broadcaster",
    "channel",
    "television",
    "tv",
    "website",
    "daily",
    "network",
    "wire",
];
const PERSON_NOUNS: &[&str] = &[
    "official",
    "diplomat",
    "minister",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "leader",
    "commander",
    "ambassador",
    "counterpart",
    "representative",
    "negotiator",
    "general",
    "adviser",
    "advisor",
    "chief",
    "premier",
    "secretary",
    "delegate",
    "mediator",
    "emissary",
];
const ORG_NOUNS: &[&str] = &[
    "ministry",
    "government",
    "statement",
    "office",
    "council",
    "committee",
    "presidency",
    "army",
    "military",
];
const ANONYMOUS: &[&str] = &[
    "source",
    "sources",
    "activists",
    "activist",
    "witnesses",
    "witness",
    "residents",
    "resident",
    "analysts",
    "analyst",
    "observers",
    "experts",
    "monitor",
    "officials",
    "diplomats",
    "people",
    "someone",
    "insiders",
    "critics",
    "reports",
    "opposition",
    "rebels",
    "militants",
    "campaigners",
    "groups",
];
const PRONOUNS: &[&str] = &["he", "she"];

/// Class of a descriptor's head noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Outlet,
    Person,
    Org,
    Any,
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
}

struct State<'c, 'a> {
    cx: &'c Context<'a>,
    /// Sources named so far: (position, actor).
    history: Vec<(usize, ActorId)>,
}

/// Splits an article into passages with voices, plus the scare-quoted spans (distancing).
pub fn assign(cx: &Context) -> (Vec<Passage>, Vec<Span>) {
    let quotes = quotes::find_quotes(cx.text, cx.paragraphs);
    let mut st = State {
        cx,
        history: Vec::new(),
    };
    // Voice of every top-level double quote (and attributed long single quote).
    let mut quote_voice: Vec<(Quote, Voice, Option<Span>)> = Vec::new();
    let mut scare: Vec<Span> = Vec::new();
    let mut prev_quote: Option<(Quote, Voice, usize)> = None; // with the sentence index where it ended
    let sentence_of = |pos: usize| cx.sentences.partition_point(|(s, _)| s.end <= pos);
    let top: Vec<Quote> = quotes.iter().filter(|q| !q.nested).copied().collect();
    let mut sentence_voice: Vec<Option<(Voice, Span)>> = vec![None; cx.sentences.len()];
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
        if let Some((v, cue)) = st.sentence_attribution(*s) {
            if let Voice::Source(a) = v {
                st.history.push((s.start, a));
            }
            sentence_voice[si] = Some((v, cue));
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

impl State<'_, '_> {
    fn key(&self, i: usize) -> &str {
        self.cx.tokens.key(i)
    }

    fn is_speech(&self, i: usize) -> bool {
        let t = &self.cx.tokens.tokens[i];
        t.word && SPEECH.contains(&self.key(i))
    }

    /// Speech verbs in `a..b`, words that are also nouns ("report", "claim") last.
    fn verbs_in(&self, a: usize, b: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (a..b).filter(|&i| self.is_speech(i)).collect();
        v.sort_by_key(|&i| (NOUN_VERBS.contains(&self.key(i)), i));
        v
    }

    /// Mentions whose tokens lie in `a..b` (actors, not places).
    fn mentions_in(&self, a: usize, b: usize) -> impl Iterator<Item = &Mention> {
        let m = self.cx.mentions;
        let lo = m.partition_point(|x| (x.first as usize) < a);
        m[lo..]
            .iter()
            .take_while(move |x| (x.last as usize) < b)
            .filter(|x| !x.place)
    }

    /// Mentions that name a speaker directly (demonyms are descriptors, not names).
    fn named_in(&self, a: usize, b: usize) -> impl Iterator<Item = &Mention> {
        self.mentions_in(a, b)
            .filter(|x| x.form != crate::actors::Form::Demonym)
    }

    /// The voice of a quote from the clause after or before it, with the cue span.
    fn attribution(&mut self, q: Span, within: Option<Span>) -> (Option<Voice>, Option<Span>) {
        let cx = self.cx;
        let toks = &cx.tokens.tokens;
        let bound = within.unwrap_or_else(|| {
            // The sentences around the quote.
            // Sentences are sorted and disjoint: the first that contains the quote's start or
            // overlaps it is the first ending at or after its start, and the last that overlaps
            // it or contains its end is the last starting at or before its end (binary search,
            // so attributing every quote of an article stays linear in its size).
            let ss = &cx.sentences;
            let first = ss.partition_point(|(s, _)| s.end < q.start);
            let s0 = ss
                .get(first)
                .filter(|(s, _)| s.contains(Span::new(q.start, q.start)) || s.overlaps(q))
                .map(|x| x.0.start)
                .unwrap_or(q.start);
            let last = ss.partition_point(|(s, _)| s.start <= q.end);
            let s1 = last
                .checked_sub(1)
                .and_then(|i| ss.get(i))
                .filter(|(s, _)| s.overlaps(q) || s.contains(Span::new(q.end, q.end)))
                .map(|x| x.0.end)
                .unwrap_or(q.end);
            Span::new(s0.min(q.start), s1.max(q.end))
        });
        // After the quote: up to 14 tokens, stopping at a sentence end or another quote.
        let a = cx.tokens.first_at(q.end);
        let mut b = a;
        while b < toks.len() && b < a + 14 && toks[b].span.end <= bound.end {
            let k = self.key(b);
            if k == "\"" || (b > a && (k == "." || k == "!" || k == "?")) {
                break;
            }
            b += 1;
        }
        let verbs = self.verbs_in(a, b);
        for v in verbs {
            if let Some(voice) = self.speaker_after_quote(a, v, b) {
                return (
                    Some(voice),
                    Some(Span::new(toks[a].span.start, toks[b - 1].span.end)),
                );
            }
        }
        // Before the quote: a speech verb among the last 8 tokens of the clause.
        let end = cx.tokens.first_at(q.start);
        let start_limit = cx.tokens.first_at(bound.start);
        let introduced = end > start_limit && matches!(self.key(end - 1), ":" | ",");
        let from = if introduced {
            start_limit
        } else {
            end.saturating_sub(8).max(start_limit)
        };
        if let Some(v) = (from..end).rev().find(|&i| self.is_speech(i)) {
            if let Some(voice) = self.speaker_before(start_limit, v) {
                return (
                    Some(voice),
                    Some(Span::new(
                        toks[start_limit.min(v)].span.start,
                        toks[end - 1].span.end,
                    )),
                );
            }
        }
        (None, None)
    }

    /// Speaker in a post-quote clause `a..b` whose speech verb is at `v`.
    fn speaker_after_quote(&mut self, a: usize, v: usize, b: usize) -> Option<Voice> {
        // "… quoted X as saying": X.
        if let Some(qi) = (a..b)
            .find(|&i| self.key(i) == "quoted" || self.key(i) == "citing" || self.key(i) == "cited")
        {
            let as_i = (qi..b).find(|&i| self.key(i) == "as").unwrap_or(b);
            if let Some(m) = self.named_in(qi + 1, as_i).next().copied() {
                return Some(Voice::Source(m.actor));
            }
            if let Some(v) = self.descriptor(qi + 1, as_i, self.cx.tokens.tokens[qi].span.start) {
                return Some(v);
            }
            if let Some(m) = self.mentions_in(a, qi).last().copied() {
                return Some(Voice::Source(m.actor));
            }
        }
        if self.key(v) == "according" {
            return self
                .named_in(v + 1, b)
                .next()
                .map(|m| Voice::Source(m.actor))
                .or_else(|| self.descriptor(v + 2, b, self.cx.tokens.tokens[v].span.start));
        }
        // The subject next to the verb: a name, else a descriptor ("the Iranian report").
        let named = self.named_in(a, v).last().copied();
        let desc_from = named.map(|m| m.last as usize + 1).unwrap_or(a);
        if let Some(d) = self
            .descriptor(desc_from, v, self.cx.tokens.tokens[v].span.start)
            .filter(|d| *d != Voice::Unknown || named.is_none())
        {
            return Some(d);
        }
        if let Some(m) = named {
            return Some(Voice::Source(m.actor));
        }
        // "said Lavrov", "said the minister".
        let tail_end = (v + 5).min(b);
        if let Some(m) = self.named_in(v + 1, tail_end).next().copied() {
            return Some(Voice::Source(m.actor));
        }
        self.descriptor(v + 1, tail_end, self.cx.tokens.tokens[v].span.start)
    }

    /// Speaker of a pre-posed cue: the first actor of the clause before the verb at `v`.
    fn speaker_before(&mut self, start: usize, v: usize) -> Option<Voice> {
        // "… quoted X as saying “…”": X.
        if let Some(qi) = (start..v).rev().find(|&i| self.key(i) == "quoted") {
            if let Some(m) = self.named_in(qi + 1, v).next() {
                return Some(Voice::Source(m.actor));
            }
        }
        let ms: Vec<Mention> = self.named_in(start, v).copied().collect();
        // "X said:": the name nearest the verb; "…, adding": the subject of the sentence.
        let participle = self.key(v).ends_with("ing");
        let pick = if participle { ms.first() } else { ms.last() };
        if let Some(m) = pick {
            return Some(Voice::Source(m.actor));
        }
        let pos = self.cx.tokens.tokens[v].span.start;
        // "He voiced concern …, adding": the pronoun subject.
        if let Some(first) = (start..v).find(|&i| self.cx.tokens.tokens[i].word) {
            if PRONOUNS.contains(&self.key(first)) {
                return self.descriptor(first, first + 1, pos);
            }
        }
        self.descriptor(v.saturating_sub(4).max(start), v, pos)
    }

    /// A sentence-wide attribution: `…, X said.` or `according to X`.
    fn sentence_attribution(&mut self, s: Span) -> Option<(Voice, Span)> {
        let (a, b) = self.cx.tokens.range(s);
        if b <= a {
            return None;
        }
        let toks = &self.cx.tokens.tokens;
        // "According to X, …" at the start.
        if b - a > 3 && self.key(a) == "according" && self.key(a + 1) == "to" {
            let comma = (a + 2..b).find(|&i| self.key(i) == ",").unwrap_or(b);
            let voice = self
                .named_in(a + 2, comma)
                .next()
                .map(|m| Voice::Source(m.actor))
                .or_else(|| self.descriptor(a + 2, comma, toks[a].span.start))
                .unwrap_or(Voice::Unknown);
            return Some((
                voice,
                Span::new(toks[a].span.start, toks[comma.min(b - 1)].span.end),
            ));
        }
        // "State television quoted X as saying that …": X's, wholly.
        if let Some(qi) = (a..b).find(|&i| self.key(i) == "quoted") {
            if let Some(as_i) = (qi + 1..b.min(qi + 12))
                .find(|&i| self.key(i) == "as" && i + 1 < b && self.key(i + 1) == "saying")
            {
                let who = self
                    .named_in(qi + 1, as_i)
                    .next()
                    .map(|m| Voice::Source(m.actor))
                    .or_else(|| self.descriptor(qi + 1, as_i, toks[qi].span.start));
                if let Some(v) = who {
                    return Some((v, Span::new(toks[a].span.start, toks[as_i + 1].span.end)));
                }
            }
        }
        // The last clause: after the last comma, before the final punctuation.
        let mut end = b;
        while end > a && !toks[end - 1].word {
            end -= 1;
        }
        let comma = (a..end).rev().find(|&i| {
            (self.key(i) == "," || (self.key(i) == "-" && toks[i].space_before))
                && toks[i].span.start > s.start
        })?;
        if end - comma > 16 || end <= comma + 1 {
            return None;
        }
        let cue = Span::new(toks[comma].span.start, toks[b - 1].span.end);
        if self.key(comma + 1) == "according" && comma + 2 < end && self.key(comma + 2) == "to" {
            let voice = self
                .named_in(comma + 3, end)
                .next()
                .map(|m| Voice::Source(m.actor))
                .or_else(|| self.descriptor(comma + 3, end, toks[comma].span.start))
                .unwrap_or(Voice::Unknown);
            return Some((voice, cue));
        }
        // The verb must close the clause (allowing "on Monday", "in Iran", "in a statement").
        // A verb followed by "that" opens indirect speech instead of closing the sentence.
        let verbs: Vec<usize> = self
            .verbs_in(comma + 1, end)
            .into_iter()
            .filter(|&i| end - i <= 10 && !(i + 1..end).any(|j| self.key(j) == "that"))
            .collect();
        verbs
            .into_iter()
            .find_map(|v| self.speaker_after_quote(comma + 1, v, end))
            .map(|voice| (voice, cue))
    }

    /// Resolves a descriptor such as "the Iranian report", "the Iranians", "he" in tokens
    /// `a..b` to the most recent compatible source before byte `pos`.
    fn descriptor(&self, a: usize, b: usize, pos: usize) -> Option<Voice> {
        if a >= b {
            return None;
        }
        let g = self.cx.gazetteer;
        let words: Vec<usize> = (a..b).filter(|&i| self.cx.tokens.tokens[i].word).collect();
        if words.is_empty() {
            return None;
        }
        let keys: Vec<&str> = words.iter().map(|&i| self.key(i)).collect();
        if keys.len() == 1 && PRONOUNS.contains(&keys[0]) {
            return Some(
                self.recent(pos, Class::Person, None)
                    .map(Voice::Source)
                    .unwrap_or(Voice::Unknown),
            );
        }
        // A demonym gives the country.
        let country = self
            .mentions_in(a, b)
            .find(|m| m.form == crate::actors::Form::Demonym)
            .and_then(|m| g.country(m.actor));
        let class = if keys.iter().any(|k| OUTLET_NOUNS.contains(k))
            && !keys.iter().any(|k| ANONYMOUS.contains(k))
        {
            Some(Class::Outlet)
        } else if keys.iter().any(|k| PERSON_NOUNS.contains(k)) {
            Some(Class::Person)
        } else if keys.iter().any(|k| ORG_NOUNS.contains(k)) {
            Some(Class::Org)
        } else if country.is_some() && keys.len() <= 3 {
            Some(Class::Any) // "the Iranians"
        } else if keys.iter().any(|k| ANONYMOUS.contains(k)) {
            return Some(Voice::Unknown);
        } else {
            None
        };
        let class = class?;
        // Plural outlet descriptors ("Russian news agencies") are not one source.
        if class == Class::Outlet
            && keys
                .iter()
                .any(|k| *k == "agencies" || *k == "outlets" || *k == "media" && keys.len() > 2)
            && country.is_none()
        {
            return Some(Voice::Unknown);
        }
        Some(
            self.recent(pos, class, country)
                .map(Voice::Source)
                .unwrap_or(Voice::Unknown),
        )
    }

    /// The most recent named source (then, for persons, the most recent person mentioned)
    /// before `pos` that fits the class and country.
    fn recent(&self, pos: usize, class: Class, country: Option<ActorId>) -> Option<ActorId> {
        let g = self.cx.gazetteer;
        let fits = |a: ActorId| {
            let kind = g.actor(a).kind;
            let class_ok = match class {
                Class::Outlet => kind == ActorKind::Outlet,
                Class::Person => kind == ActorKind::Person,
                Class::Org => matches!(
                    kind,
                    ActorKind::Organisation | ActorKind::Country | ActorKind::ArmedGroup
                ),
                Class::Any => true,
            };
            class_ok && country.map(|c| g.country(a) == Some(c)).unwrap_or(true)
        };
        if let Some(&(_, a)) = self
            .history
            .iter()
            .rev()
            .find(|(p, a)| *p < pos && fits(*a))
        {
            return Some(a);
        }
        if class == Class::Person || (class == Class::Outlet && country.is_some()) {
            let m = self.cx.mentions;
            let hi = m.partition_point(|x| x.span.start < pos);
            return m[..hi]
                .iter()
                .rev()
                .filter(|x| !x.place && x.form != crate::actors::Form::Demonym)
                .find(|x| fits(x.actor))
                .map(|x| x.actor);
        }
        None
    }
}
