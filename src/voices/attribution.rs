//! Attribution: who says a quote or a sentence, from the words around it.
//!
//! A [`State`] walks one article in text order (driven by [`super::assign`]) and remembers
//! every source named so far, so that later references ("the Iranian report said", "he added")
//! resolve to the most recent compatible one. The cue words (speech verbs, descriptor nouns,
//! pronouns) come from [`super::cues::CueWords`]; the grammar is here: a speech verb next to a
//! name or descriptor after the quote, or before it; `quoted X as saying`; `according to X`; a
//! sentence closed by `, X said`.

use super::{Context, Voice};
use crate::actors::{Form, Mention};
use crate::lexicon::{ActorId, ActorKind};
use crate::span::Span;

/// Class of a descriptor's head noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Outlet,
    Person,
    Org,
    Any,
}

/// The attribution pass over one article.
pub(super) struct State<'c, 'a> {
    cx: &'c Context<'a>,
    /// Sources named so far: (position, actor).
    pub(super) history: Vec<(usize, ActorId)>,
}

impl<'c, 'a> State<'c, 'a> {
    /// A new pass over the article of `cx`, with no source named yet.
    pub(super) fn new(cx: &'c Context<'a>) -> State<'c, 'a> {
        State {
            cx,
            history: Vec::new(),
        }
    }

    fn key(&self, i: usize) -> &str {
        self.cx.tokens.key(i)
    }

    fn is_speech(&self, i: usize) -> bool {
        let t = &self.cx.tokens.tokens[i];
        t.word && self.cx.cues.is_speech(self.key(i))
    }

    /// Speech verbs in `a..b`, words that are also nouns ("report", "claim") last.
    fn verbs_in(&self, a: usize, b: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (a..b).filter(|&i| self.is_speech(i)).collect();
        v.sort_by_key(|&i| (self.cx.cues.is_noun_verb(self.key(i)), i));
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
        self.mentions_in(a, b).filter(|x| x.form != Form::Demonym)
    }

    /// The voice of a quote from the clause after or before it, with the cue span.
    pub(super) fn attribution(
        &mut self,
        q: Span,
        within: Option<Span>,
    ) -> (Option<Voice>, Option<Span>) {
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
            if self.cx.cues.is_pronoun(self.key(first)) {
                return self.descriptor(first, first + 1, pos);
            }
        }
        self.descriptor(v.saturating_sub(4).max(start), v, pos)
    }

    /// A sentence-wide attribution: `…, X said.` or `according to X`.
    pub(super) fn sentence_attribution(&mut self, s: Span) -> Option<(Voice, Span)> {
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
        let cues = self.cx.cues;
        let words: Vec<usize> = (a..b).filter(|&i| self.cx.tokens.tokens[i].word).collect();
        if words.is_empty() {
            return None;
        }
        let keys: Vec<&str> = words.iter().map(|&i| self.key(i)).collect();
        if keys.len() == 1 && cues.is_pronoun(keys[0]) {
            return Some(
                self.recent(pos, Class::Person, None)
                    .map(Voice::Source)
                    .unwrap_or(Voice::Unknown),
            );
        }
        // A demonym gives the country.
        let country = self
            .mentions_in(a, b)
            .find(|m| m.form == Form::Demonym)
            .and_then(|m| g.country(m.actor));
        let class = if keys.iter().any(|k| cues.is_outlet_noun(k))
            && !keys.iter().any(|k| cues.is_anonymous(k))
        {
            Some(Class::Outlet)
        } else if keys.iter().any(|k| cues.is_person_noun(k)) {
            Some(Class::Person)
        } else if keys.iter().any(|k| cues.is_org_noun(k)) {
            Some(Class::Org)
        } else if country.is_some() && keys.len() <= 3 {
            Some(Class::Any) // "the Iranians"
        } else if keys.iter().any(|k| cues.is_anonymous(k)) {
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
                .filter(|x| !x.place && x.form != Form::Demonym)
                .find(|x| fits(x.actor))
                .map(|x| x.actor);
        }
        None
    }
}
