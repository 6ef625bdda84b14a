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
//! - A quote inside a report of the same speaker (`X said the attack hit a "weapons
//!   warehouse" in the camp`, a mixed quotation) is part of the report: one passage, not
//!   `quoted`, whose quoted words are listed in [`Voices::verbatim`] (they are the speaker's
//!   word choice, [`crate::framing::Context::words_voice_at`]).
//! - A source that is the host outlet itself (`PressTV reports` in a PressTV article) is `own`.
//!
//! Files: [`quotes`] finds the quotations, `attribution` holds the state machine that names
//! their speakers, [`cues`] the cue words it reads (`data/attribution.toml`); [`assign`] here
//! runs the pass and cuts the passages.

mod attribution;
pub mod cues;
mod interview;
pub mod names;
pub mod quotes;

pub use cues::CueWords;
pub use names::Speaker;

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
    /// A named speaker the gazetteer does not list: an index into the article's
    /// [`Speaker`]s.
    Named(u32),
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

/// Whether byte `pos` lies in one of `spans` (sorted and disjoint). Binary search.
pub fn within(spans: &[Span], pos: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= pos);
    spans.get(i).is_some_and(|s| s.start <= pos)
}

/// Whether passage `p`'s speaker chose the words at byte `pos` in it: inside quotation marks (a
/// quoted passage, or a quote inside a report, `verbatim`); elsewhere the host did (reported
/// speech is the source's claim in the host's words).
pub fn speaker_chose(p: &Passage, verbatim: &[Span], pos: usize) -> bool {
    p.quoted || within(verbatim, pos)
}

/// Whose words stand at byte `pos`: the speaker's where [`speaker_chose`] them, else the host's
/// (reported speech, narration).
pub fn words_voice_at(passages: &[Passage], verbatim: &[Span], pos: usize) -> Voice {
    match passage_at(passages, pos) {
        Some(p) if speaker_chose(p, verbatim, pos) => p.voice,
        _ => Voice::Own,
    }
}

/// What an article's voices need to know about it.
pub struct Context<'a> {
    /// The text.
    pub text: &'a str,
    /// Content paragraphs.
    pub paragraphs: &'a [Span],
    /// Sentences with their paragraph index.
    pub sentences: &'a [(Span, u32)],
    /// The article's tokens (keys and byte spans), for cue words.
    pub tokens: &'a Tokens,
    /// Actor mentions, in text order.
    pub mentions: &'a [Mention],
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// The host outlet, when it is in the gazetteer.
    pub host: Option<ActorId>,
    /// The attribution cue words.
    pub cues: &'a CueWords,
    /// Stop words (never part of a speaker's name).
    pub stopwords: &'a rustc_hash::FxHashSet<String>,
}

impl Context<'_> {
    /// The mention (actor or place) that covers token `i`, if any.
    pub(crate) fn mention_at(&self, i: usize) -> Option<&Mention> {
        let m = self.mentions;
        m.get(m.partition_point(|x| (x.last as usize) < i))
            .filter(|x| x.first as usize <= i)
    }

    /// "Said" as a name in mid-sentence: capitalised after an unlisted capitalised word, with no
    /// capitalised word after it (as in a title-case headline: "Assad Said Turkey ..."): "Osama
    /// Said, a Douma-based media activist, told", "Osama Said a ... activist told"; or after a
    /// photographer's name in an agency credit ("REUTERS Rodi Said Anti-Daesh Forces ...").
    pub(crate) fn said_as_surname(&self, i: usize) -> bool {
        let toks = &self.tokens.tokens;
        let t = &toks[i];
        if !t.cap || t.upper || i == 0 || self.tokens.key(i) != "said" {
            return false;
        }
        let p = &toks[i - 1];
        if !(p.word && p.cap && !p.upper) || self.mention_at(i - 1).is_some() {
            return false;
        }
        let no_capital_after = toks.get(i + 1).is_none_or(|n| !(n.word && n.cap));
        let credit = i >= 2
            && toks[i - 2].upper
            && self.mention_at(i - 2).is_some_and(|m| {
                self.gazetteer.actor(m.actor).kind == crate::lexicon::ActorKind::Outlet
            });
        no_capital_after || credit
    }

    /// True when token `i` is a hyphen that joins the words on either side, no space around it
    /// ("Britain-based", "pro-opposition", "Deir al-Zor").
    pub(crate) fn joining_hyphen(&self, i: usize) -> bool {
        let toks = &self.tokens.tokens;
        i + 1 < toks.len()
            && self.tokens.key(i) == "-"
            && !toks[i].space_before
            && !toks[i + 1].space_before
            && !self.long_dash(i)
    }

    /// Whether the word at token `i` ends in "s" and a lone apostrophe right after it makes it a
    /// possessive ("CBS' "Face the Nation"").
    pub(crate) fn apostrophe_possessive(&self, i: usize) -> bool {
        let toks = &self.tokens.tokens;
        toks[i].word
            && self.tokens.key(i).ends_with('s')
            && toks
                .get(i + 1)
                .is_some_and(|t| !t.space_before && self.tokens.key(i + 1) == "'")
    }

    /// Whether token `i` is an em or en dash, which sets off a clause also without spaces
    /// ("Earnest said—as if ..."), never joining a compound.
    pub(crate) fn long_dash(&self, i: usize) -> bool {
        let span = self.tokens.tokens[i].span;
        self.text
            .get(span.start..span.end)
            .is_some_and(|t| matches!(t, "\u{2013}" | "\u{2014}" | "\u{2015}"))
    }

    /// The longest listed place whose last word is token `last` (within `lo..=last`): its
    /// first token and its country. Words are keyed and joined as [`Gazetteer::places_in`]
    /// does ("Deir al-Zor" is `deir al zor`); a joining hyphen is skipped.
    pub(crate) fn listed_place_ending(&self, lo: usize, last: usize) -> Option<(usize, ActorId)> {
        let toks = &self.tokens.tokens;
        let g = self.gazetteer;
        if !toks[last].word || !toks[last].cap {
            return None;
        }
        let mut words = vec![last];
        let mut i = last;
        while words.len() < g.place_words() && i > lo {
            if i >= lo + 2 && self.joining_hyphen(i - 1) && toks[i - 2].word {
                i -= 2;
            } else if toks[i - 1].word {
                i -= 1;
            } else {
                break;
            }
            words.push(i);
        }
        let mut best = None;
        let mut key = String::new();
        for n in 1..=words.len() {
            key.clear();
            for (j, &t) in words[..n].iter().rev().enumerate() {
                if j > 0 {
                    key.push(' ');
                }
                key.push_str(self.tokens.key(t));
            }
            if let Some(c) = g.place_country(&key) {
                best = Some((words[n - 1], c));
            }
        }
        best
    }
}

/// What [`assign`] finds in an article.
#[derive(Clone, Debug, Default)]
pub struct Voices {
    /// Passages, sorted and disjoint.
    pub passages: Vec<Passage>,
    /// Scare-quoted spans (distancing).
    pub scare: Vec<Span>,
    /// The quoted words inside reported passages (mixed quotations), sorted and disjoint: the
    /// speaker's own words, though the passage is the host's report of them.
    pub verbatim: Vec<Span>,
    /// The speakers the gazetteer does not list, indexed by [`Voice::Named`].
    pub speakers: Vec<Speaker>,
}

/// Splits an article into passages with voices, plus the scare-quoted spans (distancing).
///
/// Four steps: the attribution pass names the speaker of every top-level quote and of every
/// sentence an attribution claims (`attribute_top_level`); nested quotes are attributed
/// inside their parents (`attribute_nested`); each sentence is cut into passages by the quotes
/// over it (`cut_sentence`), a quote inside a report of its speaker joining the report
/// (`mixed_quotes`); neighbours with the same voice are merged (`merge_neighbours`).
pub fn assign(cx: &Context) -> Voices {
    let (titles, quotes): (Vec<Quote>, Vec<Quote>) = quotes::find_quotes(cx.text, cx.paragraphs)
        .into_iter()
        .partition(|q| title_after_verb(cx, q));
    let mut st = State::new(cx);
    st.set_quoted(
        quotes
            .iter()
            .filter(|q| !q.nested && !q.single)
            .map(|q| q.span)
            .collect(),
        titles.iter().map(|q| q.span).collect(),
    );
    let mut top = attribute_top_level(cx, &mut st, &quotes);
    let nested = attribute_nested(cx, &mut st, &quotes, &top.quotes, &mut top.scare);
    let answers = interview::answers(cx, &mut st);
    let mut passages: Vec<Passage> = Vec::new();
    let mut verbatim: Vec<Span> = Vec::new();
    for (si, &(s, para)) in cx.sentences.iter().enumerate() {
        let over = top.quotes[quotes_over(&top.quotes, s)]
            .iter()
            .chain(nested.iter())
            .chain(answers.iter());
        let (claimed, reported) = (top.sentences[si], top.reported[si]);
        let first = passages.len();
        cut_sentence(cx, s, para, claimed, reported, over, &mut passages);
        mixed_quotes(cx, &mut passages, first, &mut verbatim);
    }
    passages.retain(|p| !p.span.is_empty());
    Voices {
        passages: merge_neighbours(cx.text, passages),
        scare: top.scare,
        verbatim,
        speakers: st.into_speakers(),
    }
}

/// Words a title in capitals may hold in lowercase ("Face the Nation", "Meet the Press").
const TITLE_SMALL_WORDS: &[&str] = &["the", "a", "an", "of", "and", "on", "for", "to", "in", "at"];

/// True when a quote names a programme or publication that someone spoke to or on, not words
/// anyone said: a closed double quote of one to five words, each capitalised but for small words,
/// right after "told", "on", "to" or "with", or after one of them and a possessive of up to three
/// words ("Rubio told "Fox News Sunday"", "said on CBS's "Face the Nation"", "on CBS' ...",
/// "told CBS News' ..."), or right before an
/// outlet's or body's noun ("the "Cham" TV network") or a work's ("the “Empire” actor"), or
/// between "the" and a lowercase word that is no speech verb, a name that a noun phrase goes on
/// after ("the "White Helmets" civil defence volunteers"). It is neither a voice nor a scare
/// quote.
fn title_after_verb(cx: &Context, q: &Quote) -> bool {
    if !q.closed || q.nested || q.single {
        return false;
    }
    let inner = cx.text[q.span.start..q.span.end]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .trim();
    let words: Vec<&str> = inner.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if words.is_empty()
        || words.len() > 5
        || !capitalised(&words[0])
        || !words
            .iter()
            .all(|w| capitalised(w) || TITLE_SMALL_WORDS.contains(w))
    {
        return false;
    }
    let t = cx.tokens;
    let i = t.first_at(q.span.start);
    let before = |j: usize| matches!(t.key(j), "told" | "on" | "to" | "with");
    // ... or right before the noun of an outlet or body it names ('according to the
    // opposition "Cham" TV network', 'the "Caesar" report').
    let j = t.first_at(q.span.end);
    let named = j < t.tokens.len()
        && t.tokens[j].word
        && (cx.cues.is_outlet_noun(t.key(j))
            || cx.cues.is_org_noun(t.key(j))
            || cx.cues.is_work(t.key(j)));
    let noun_goes_on = i >= 1
        && t.key(i - 1) == "the"
        && j < t.tokens.len()
        && t.tokens[j].word
        && !t.tokens[j].cap
        && !cx.stopwords.contains(t.key(j))
        && !cx.cues.is_speech(t.key(j));
    // The possessive right before the quote ("NBC's", "CBS’" with the apostrophe alone after a
    // name in "s"), and the capitalised words of the same name before it, at most two ("CBS
    // News' "Face the Nation"").
    let possessive = if i >= 2 && t.tokens[i - 1].cap && t.key(i - 1).ends_with("'s") {
        Some(i - 1)
    } else if i >= 3 && t.tokens[i - 2].cap && cx.apostrophe_possessive(i - 2) {
        Some(i - 2)
    } else {
        None
    };
    let after_possessive = possessive.is_some_and(|p| {
        let mut w = p;
        while w > 0 && p - w < 2 && t.tokens[w - 1].word && t.tokens[w - 1].cap {
            w -= 1;
        }
        (w..=p).any(|w| w >= 1 && before(w - 1))
    });
    named || noun_goes_on || (i >= 1 && before(i - 1)) || after_possessive
}

/// A quote with the voice it was given and the attribution cue that decided it, if any.
#[derive(Clone, Copy)]
struct Voiced {
    quote: Quote,
    voice: Voice,
    cue: Option<Span>,
}

/// Reported speech in a sentence: the speaker, the cue and the content, and a second report
/// joined to the first: of the same speaker ("... and noted that ...") or of another ("...
/// while the rebels said ..."): its voice, cue and content.
#[derive(Clone, Copy)]
struct Reported {
    voice: Voice,
    cue: Span,
    content: Span,
    then: Option<(Voice, Span, Span)>,
}

/// What the attribution pass over top-level quotes and sentences found.
struct TopLevel {
    /// Top-level quotes with a voice, in text order.
    quotes: Vec<Voiced>,
    /// Scare-quoted spans: short or single-quoted quotes without attribution.
    scare: Vec<Span>,
    /// Per sentence, the voice and cue of an attribution that claims the whole sentence.
    sentences: Vec<Option<(Voice, Span)>>,
    /// Per sentence, reported speech with its subject first: voice, cue and content, and a
    /// second report of the same speaker joined to the first (cue and content).
    reported: Vec<Option<Reported>>,
}

/// The attribution pass: one pass in text order over the top-level quotes (and attributed long
/// single quotes) and the sentences, so that later references see every earlier source.
fn attribute_top_level(cx: &Context, st: &mut State, quotes: &[Quote]) -> TopLevel {
    let mut out = TopLevel {
        quotes: Vec::new(),
        scare: Vec::new(),
        sentences: vec![None; cx.sentences.len()],
        reported: vec![None; cx.sentences.len()],
    };
    // The voice of the last voiced quote, with the sentence index where it ended.
    let mut prev_quote: Option<(Voice, usize)> = None;
    let sentence_of = |pos: usize| cx.sentences.partition_point(|(s, _)| s.end <= pos);
    let top: Vec<Quote> = quotes.iter().filter(|q| !q.nested).copied().collect();
    let mut qi = 0usize;
    for (si, (s, _)) in cx.sentences.iter().enumerate() {
        st.note_subject(*s);
        while qi < top.len() && sentence_of(top[qi].span.start) <= si {
            let q = top[qi];
            qi += 1;
            let (att, cue) = st.attribution(q.span, None);
            // A speech verb before the quote in its sentence that names nobody ('... and said
            // Prime Minister Scott Morrison should "..."') makes the quote no continuation of
            // the last speaker's in an earlier sentence (in the same sentence it is: '"To be
            // clear," said Mr. Pence, "we hope ..."').
            let here = sentence_of(q.span.start);
            let prev = prev_quote.filter(|&(_, ps)| {
                att.is_some() || ps >= here || !cued_before(cx, st, q.span.start)
            });
            // '... said activist Mustafa Ebdi. "They are fighting to defend their town."': a
            // quote that opens the sentence after one a named source claims or reports goes on
            // with that source's words, as after a quote of theirs.
            let prev = match here.checked_sub(1).and_then(|p| {
                let claimed = out.sentences[p].map(|(v, _)| v);
                let reported = out.reported[p].map(|r| r.then.map_or(r.voice, |t| t.0));
                claimed.or(reported).map(|v| (v, p))
            }) {
                Some((v, p))
                    if matches!(v, Voice::Source(_) | Voice::Named(_))
                        && prev.is_none_or(|(_, ps)| ps < p)
                        && cx.sentences[here].0.start == q.span.start =>
                {
                    Some((v, p))
                }
                _ => prev,
            };
            let Some(v) = quote_voice(cx, q, att, prev, here) else {
                out.scare.push(q.span);
                continue;
            };
            // A continued quote attributed at its end gives the voice to its earlier parts.
            if q.continues {
                if let Some(last) = out.quotes.last_mut() {
                    if last.voice == Voice::Unknown && v != Voice::Unknown {
                        last.voice = v;
                    }
                }
            }
            st.heard(q.span.start, v);
            out.quotes.push(Voiced {
                quote: q,
                voice: v,
                cue,
            });
            prev_quote = Some((v, sentence_of(q.span.end.saturating_sub(1))));
        }
        out.sentences[si] = sentence_voice(st, *s, &out.quotes);
        // "Lavrov said the radicals already have components of chemical weapons Interfax
        // reported": the agency relays the claim, which is the source's it names.
        if let Some(r) = relayed_report(cx, st, *s, out.sentences[si], &out.quotes) {
            out.sentences[si] = None;
            st.heard(r.cue.start, r.voice);
            out.reported[si] = Some(r);
            continue;
        }
        // A report inside a quote ("“Foreign Minister Amirabdollahian hailed the cooperation
        // as ...,” the Iranian report said"): the quote's speaker reports another's words,
        // which are that other's; the cut inside the quote is the innermost and wins.
        // The speaker inside someone else's words is not heard: later references ("the report
        // said") still point to the sources the host itself cites.
        if let Some(r) = nested_report(cx, st, *s, &out.quotes) {
            out.reported[si] = Some(r);
            continue;
        }
        if out.sentences[si].is_none() {
            // A closing attribution in mid-sentence, then a participle that reports on: both
            // sides are the subject's (not in a sentence with quotes).
            if quotes_over(&out.quotes, *s).is_empty() {
                if let Some((voice, cue, content, cue2, content2)) = st.closing_then_participle(*s)
                {
                    st.heard(s.start, voice);
                    out.reported[si] = Some(Reported {
                        voice,
                        cue,
                        content,
                        then: Some((voice, cue2, content2)),
                    });
                    continue;
                }
            }
            // Reported speech may hold a quote of its speaker's words ("He said Al-Nusra
            // attacked to seize weapons "given by Washington" but ..."): the quotes over the
            // sentence must lie inside the content, and one without a speaker of its own gets
            // the reporter's voice.
            let found = st.reported_after_subject(*s);
            // The voiced quotes over the sentence.
            let over_s = quotes_over(&out.quotes, *s);
            // A content that ends with the sentence's last word holds a quote that closes the
            // sentence after it ('... was "a dereliction of duty."': the content stops before
            // the final punctuation and quotation mark).
            let holds = |content: Span, q: Span| {
                let tail = cx.text.get(content.end.min(s.end)..s.end).unwrap_or("");
                let reach = if tail.chars().all(|c| !c.is_alphanumeric()) {
                    s.end
                } else {
                    content.end
                };
                content.start <= q.start && q.end <= reach
            };
            // The host's words in the content, outside its quotes and quoted titles: at least
            // three, and none that introduces a quote with a colon ("He added: “...”", "Ayers said of McDonald:
            // “...”": the quote is the speaker's, and there is no claim in the host's words).
            let own_words = |content: Span| {
                let over: Vec<Span> = out.quotes[over_s.clone()]
                    .iter()
                    .map(|v| v.quote.span)
                    .filter(|q| q.overlaps(content))
                    .collect();
                let (a, b) = cx.tokens.range(content);
                let toks = &cx.tokens.tokens;
                // Tokens and the quotes (disjoint, in text order) walked together: linear in a
                // run-on sentence of many quotes.
                let mut qi = 0usize;
                let words = (a..b)
                    .filter(|&i| {
                        let t = toks[i].span;
                        while qi < over.len() && over[qi].end <= t.start {
                            qi += 1;
                        }
                        toks[i].word
                            && !over.get(qi).is_some_and(|q| q.contains(t))
                            && !st.in_title(t.start)
                    })
                    .count();
                let colon = over.first().is_some_and(|q| {
                    cx.text[content.start..q.start.max(content.start)]
                        .trim_end()
                        .ends_with(':')
                });
                over.is_empty() || (words >= 3 && !colon)
            };
            out.reported[si] = found
                .filter(|&(_, _, content)| {
                    out.quotes[over_s.clone()]
                        .iter()
                        .all(|v| holds(content, v.quote.span))
                        && own_words(content)
                })
                .map(|(voice, cue, content)| reported(st, voice, cue, content))
                .or_else(|| {
                    // '"...," James Jeffrey told reporters, adding that ...': the participle
                    // after a quote's attribution reports for the quote's speaker.
                    // (A quote of four words or more: a short one's voice is less sure.)
                    let last = out.quotes[over_s.clone()].last()?;
                    last.cue?;
                    if last.quote.span.of(cx.text).split_whitespace().count() < 4 {
                        return None;
                    }
                    let (cue, content) = st.participle_after_quote(*s, last.quote.span.end)?;
                    Some(Reported {
                        voice: last.voice,
                        cue,
                        content,
                        then: None,
                    })
                });
            if let Some(r) = out.reported[si] {
                // A quote without a speaker of its own in either content is that content's
                // speaker's.
                for q in out.quotes[over_s.clone()].iter_mut() {
                    let voice = if holds(r.content, q.quote.span) {
                        r.voice
                    } else {
                        match r.then {
                            Some((v, _, c)) if holds(c, q.quote.span) => v,
                            _ => continue,
                        }
                    };
                    if q.voice == Voice::Unknown {
                        q.voice = voice;
                    }
                }
                st.heard(s.start, r.voice);
                if let Some((v, cue, _)) = r.then {
                    if v != r.voice {
                        st.heard(cue.start, v);
                    }
                }
            }
        }
    }
    out
}

/// A report of `voice` (cue and content), cut in two where a second report of the same speaker
/// joins the first ("... and noted that ..."), or one of another speaker ("... while the
/// rebels said ...").
fn reported(st: &mut State, voice: Voice, cue: Span, content: Span) -> Reported {
    if let Some((first, cue2, second)) = st.coordinated(content) {
        return Reported {
            voice,
            cue,
            content: first,
            then: Some((voice, cue2, second)),
        };
    }
    if let Some((first, other, cue2, second)) = st.contrasted(content) {
        return Reported {
            voice,
            cue,
            content: first,
            then: Some((other, cue2, second)),
        };
    }
    Reported {
        voice,
        cue,
        content,
        then: None,
    }
}

/// A report whose subject, speech verb and content lie inside the voiced top-level quote over
/// sentence `s`, by a speaker the quote names (not only describes) other than the quote's own;
/// never one a pronoun opens ("he"), whose antecedent inside someone else's words cannot be told.
fn nested_report(cx: &Context, st: &mut State, s: Span, quotes: &[Voiced]) -> Option<Reported> {
    let q = quotes.iter().rev().find(|v| v.quote.span.overlaps(s))?;
    let inner = Span::new(q.quote.span.start.max(s.start), q.quote.span.end.min(s.end));
    // Only a quote with a speech verb in it is searched: the search is not repeated over most
    // quoted sentences, nor does a search that must fail leave its traces in the state.
    let (a, b) = cx.tokens.range(inner);
    let toks = &cx.tokens.tokens;
    if !(a..b).any(|i| toks[i].word && cx.cues.is_speech(cx.tokens.key(i))) {
        return None;
    }
    let (voice, cue, content) = st.reported_after_subject(inner)?;
    // Named in the cue, not a description resolved to someone named before ("Syria's army
    // announces" inside SANA's words).
    let named = st.named_in_cue(voice, cue);
    // A speech verb proper ("said", "stressed", "noted"), not any verb that reports an attitude
    // or an act ("praised Iran's role and invited ..."): inside another's words, the object of
    // such a verb is rarely the named person's claim.
    let (start, end) = cx.tokens.range(cue);
    let words = (start..end).filter(|&i| toks[i].word);
    // The cue opens with the quotation mark: its first word is the subject's.
    let first = words.clone().next();
    let verb = words.rev().find(|&i| cx.tokens.key(i) != "that");
    if !named
        || voice == q.voice
        || !inner.contains(cue)
        || first.is_some_and(|i| cx.cues.is_pronoun(cx.tokens.key(i)))
        || !verb.is_some_and(|v| cx.cues.is_speech(cx.tokens.key(v)))
    {
        return None;
    }
    // One report only: a second one ("..., adding, ‘We believe ...’") would take the quote
    // nested in the first's words away from its own cut.
    Some(Reported {
        then: None,
        ..reported(st, voice, cue, content)
    })
}

/// A report inside a sentence that an outlet's closing attribution claims (`claimed`): "Britain
/// said on Wednesday it would raise ... at the Security Council Reuters reported", "A source at
/// Police Command said that ... SANA reported". The outlet relays the claim; the report before
/// its cue, of another speaker and with a speech verb proper, is the claim's. Not in a sentence
/// with a quote (whose voice the closing attribution gave).
fn relayed_report(
    cx: &Context,
    st: &mut State,
    s: Span,
    claimed: Option<(Voice, Span)>,
    quotes: &[Voiced],
) -> Option<Reported> {
    let (Voice::Source(outlet), cue) = claimed? else {
        return None;
    };
    if cx.gazetteer.actor(outlet).kind != crate::lexicon::ActorKind::Outlet
        || cue.start <= s.start
        || !quotes_over(quotes, s).is_empty()
    {
        return None;
    }
    // A verb that says (`[speech] saying`: not "claims responsibility", not a headline's
    // "urges"): a report read at another verb is passed over, up to three times (headline
    // lists before the lead).
    let says = |k: &str| cx.cues.is_saying(k);
    let toks = &cx.tokens.tokens;
    let mut inner = Span::new(s.start, cue.start);
    for _ in 0..3 {
        let (a, b) = cx.tokens.range(inner);
        if !(a..b).any(|i| toks[i].word && says(cx.tokens.key(i))) {
            return None;
        }
        let (voice, cue2, content) = st.reported_after_subject(inner)?;
        let (start, end) = cx.tokens.range(cue2);
        // (The cue's last speech verb: "Britain said on Wednesday" ends with the day.)
        let verb = (start..end)
            .rev()
            .find(|&i| toks[i].word && cx.cues.is_speech(cx.tokens.key(i)))?;
        // ("... But its Own Data Says Vice Versa": a title-cased headline's verb says nothing.)
        if toks[verb].cap {
            return None;
        }
        if !says(cx.tokens.key(verb)) {
            inner = Span::new(toks[verb].span.end, inner.end);
            continue;
        }
        if voice == Voice::Source(outlet) || !inner.contains(cue2) || !inner.contains(content) {
            return None;
        }
        return Some(Reported {
            then: None,
            ..reported(st, voice, cue2, content)
        });
    }
    None
}

/// The voice of a top-level quote whose attribution is `att`: that, else the voice of the quote
/// it continues (`prev`: voice and sentence index where it ended; the quote starts in sentence
/// `s_start`), else unknown. `None` for a scare quote: three words or fewer, or single-quoted,
/// without attribution; and for a title, a quote right after a titling word of the cue words
/// ("dubbed", "titled").
/// Whether a speech verb stands before byte `pos` in its sentence, within 40 tokens and after
/// any quotation mark (not after "to" or an article: "to say", "the report"; nor after a
/// pronoun).
fn cued_before(cx: &Context, st: &State, pos: usize) -> bool {
    let si = cx.sentences.partition_point(|(s, _)| s.end <= pos);
    let Some((s, _)) = cx.sentences.get(si).filter(|(s, _)| s.start <= pos) else {
        return false;
    };
    let (a, b) = cx.tokens.range(Span::new(s.start, pos));
    // The clause before the quote: at most 40 tokens back (a run-on sentence of short quotes
    // stays linear), not past another quote.
    let a = st.after_last_quote_mark(a.max(b.saturating_sub(40)), b);
    let toks = &cx.tokens.tokens;
    (a..b).any(|i| {
        toks[i].word
            && cx.cues.is_speech(cx.tokens.key(i))
            && !(i > a && matches!(cx.tokens.key(i - 1), "to" | "a" | "an" | "the"))
            // "he said": a pronoun that points back, as the last speaker may be.
            && !(i > a && cx.cues.is_pronoun(cx.tokens.key(i - 1)))
    })
}

fn quote_voice(
    cx: &Context,
    q: Quote,
    att: Option<Voice>,
    prev: Option<(Voice, usize)>,
    s_start: usize,
) -> Option<Voice> {
    let words = q.span.of(cx.text).split_whitespace().count();
    // A title in quotes ("an operation dubbed "Euphrates Shield"") is nobody's words.
    let before = cx.tokens.tokens[..cx.tokens.range(Span::new(0, q.span.start)).1]
        .iter()
        .rposition(|t| t.word)
        .map(|i| cx.tokens.key(i));
    if before.is_some_and(|k| cx.cues.is_titling(k)) && !q.continues {
        return None;
    }
    match att {
        Some(v) => Some(v),
        None if q.continues => prev.map(|p| p.0),
        None if words <= 3 || q.single => None,
        None => match prev {
            Some((v, ps)) if ps + 1 >= s_start => Some(v),
            _ => Some(Voice::Unknown),
        },
    }
}

/// The voice and cue of an attribution that claims sentence `s` wholly (`…, Tass said.`), if
/// any. A sentence with a quote in it is claimed only when its closing attribution names the
/// quote's speaker ("Syria wants … “…,” the report said."); a sentence without one makes its
/// named source the most recent for later references.
fn sentence_voice(st: &mut State, s: Span, quotes: &[Voiced]) -> Option<(Voice, Span)> {
    let over = &quotes[quotes_over(quotes, s)];
    if let Some(qv) = over.last().map(|v| v.voice) {
        // Not when the words before the first quote are the host's narration
        // (`State::narrates`): "Ted Cruz, Texas Republican, made a plea ...: “...,” he said",
        // "Asked whether ..., Webb said: “...”".
        let first = over.first()?;
        // Nor when the sentence's quotes are of different known speakers ('Lavrov said: "...,"
        // and Kerry added: "..."'): the words around them are the host's.
        if over
            .iter()
            .any(|v| v.voice != qv && v.voice != Voice::Unknown)
        {
            return None;
        }
        let before = Span::new(s.start, first.quote.span.start.max(s.start));
        return st
            .sentence_attribution(s)
            .filter(|&(v, cue)| v == qv && v != Voice::Unknown && !st.narrates(v, before, cue));
    }
    let (v, cue) = st
        .sentence_attribution(s)
        .or_else(|| st.closing_without_comma(s))?;
    // "... was informed of the decision "one minute" before Boehner told the conference": a
    // subordinate clause that ends the sentence is no attribution of it ("as" apart: "..., as
    // the monitor said").
    if st.after_subordinator(cue) {
        return None;
    }
    st.heard(s.start, v);
    Some((v, cue))
}

/// The run of `quotes` over span `s`: top-level quotes are disjoint and in text order, so those
/// that overlap a sentence are found by binary search, not by walking every quote of the article
/// for each sentence.
fn quotes_over(quotes: &[Voiced], s: Span) -> std::ops::Range<usize> {
    let lo = quotes.partition_point(|v| v.quote.span.end <= s.start);
    let hi = quotes
        .partition_point(|v| v.quote.span.start < s.end)
        .max(lo);
    lo..hi
}

/// Nested quotes: attributed inside their parent (a voiced top-level quote), else they take
/// the parent's voice (they get no passage of their own). Short unattributed ones are scare
/// quotes, added to `scare`.
fn attribute_nested(
    cx: &Context,
    st: &mut State,
    quotes: &[Quote],
    top: &[Voiced],
    scare: &mut Vec<Span>,
) -> Vec<Voiced> {
    let mut out = Vec::new();
    for q in quotes.iter().filter(|q| q.nested) {
        let Some(parent) = top.iter().find(|p| p.quote.span.contains(q.span)) else {
            continue;
        };
        let words = q.span.of(cx.text).split_whitespace().count();
        let (att, cue) = st.attribution(q.span, Some(parent.quote.span));
        match att {
            Some(voice) => out.push(Voiced {
                quote: *q,
                voice,
                cue,
            }),
            None if words <= 3 => scare.push(q.span),
            None => {}
        }
    }
    out
}

/// A report's content with the closing mark of a quote it opened ('dismissed the offer as
/// "trickery".', 'accused the West of “hypocrisy.”': the words end inside the quote, the mark
/// and the punctuation inside it after them), up to `limit`.
fn with_closing_mark(text: &str, content: Span, limit: usize) -> Span {
    let t = content.of(text);
    let count = |c: char| t.matches(c).count();
    let open = count('"') % 2 == 1 || count('“') > count('”') || count('«') > count('»');
    if !open {
        return content;
    }
    let after = &text[content.end..limit.max(content.end)];
    let mut end = content.end;
    for (i, c) in after.char_indices().take(3) {
        if matches!(c, '"' | '”' | '»') {
            end = content.end + i + c.len_utf8();
            break;
        }
        if !matches!(c, '.' | ',' | '!' | '?' | ';' | ':') {
            break;
        }
    }
    Span::new(content.start, end)
}

/// A part of a sentence with a voice of its own: a quote, or the cue of an attribution.
struct Cut {
    span: Span,
    voice: Voice,
    quoted: bool,
    cue: Option<Span>,
}

/// Cuts sentence `s` (in paragraph `para`) into passages, appended to `out`: the fragments of
/// the quotes over it, the host's narration of a sentence-wide attribution's cue, and the rest
/// in the sentence's voice (`claimed`, else own). Empty pieces are left for the caller to drop.
fn cut_sentence<'q>(
    cx: &Context,
    s: Span,
    para: u32,
    claimed: Option<(Voice, Span)>,
    reported: Option<Reported>,
    quotes: impl Iterator<Item = &'q Voiced>,
    out: &mut Vec<Passage>,
) {
    let mut cuts: Vec<Cut> = Vec::new();
    if let Some(r) = reported {
        cuts.push(Cut {
            span: with_closing_mark(cx.text, r.content, s.end),
            voice: r.voice,
            quoted: false,
            cue: Some(r.cue),
        });
        if let Some((voice, cue, content)) = r.then {
            cuts.push(Cut {
                span: with_closing_mark(cx.text, content, s.end),
                voice,
                quoted: false,
                cue: Some(cue),
            });
        }
    }
    for v in quotes {
        if v.quote.span.overlaps(s) {
            let a = v.quote.span.start.max(s.start);
            let b = v.quote.span.end.min(s.end);
            cuts.push(Cut {
                span: Span::new(a, b),
                voice: v.voice,
                quoted: true,
                cue: v.cue,
            });
        }
    }
    let base = claimed
        .map(|(v, cue)| (v, Some(cue)))
        .unwrap_or((Voice::Own, None));
    // The cue of a sentence-wide attribution ("…, Tass said") is the host's narration.
    if let Some(cue) = base.1 {
        if cue.overlaps(s) && base.0 != Voice::Own {
            let after_quotes = cuts
                .iter()
                .filter(|c| c.quoted && c.span.start < cue.end)
                .map(|c| c.span.end)
                .max()
                .unwrap_or(0);
            let start = cue.start.max(s.start).max(after_quotes);
            if start < cue.end.min(s.end) {
                cuts.push(Cut {
                    span: Span::new(start, cue.end.min(s.end)),
                    voice: Voice::Own,
                    quoted: false,
                    cue: None,
                });
            }
        }
    }
    let own_if_host = |v: Voice| match (v, cx.host) {
        (Voice::Source(a), Some(h)) if a == h => Voice::Own,
        _ => v,
    };
    // Elementary intervals between all cut points; each takes the innermost cut over it.
    let mut points: Vec<usize> = vec![s.start, s.end];
    for c in &cuts {
        points.push(c.span.start);
        points.push(c.span.end);
    }
    points.sort_unstable();
    points.dedup();
    // The quotes' cuts that are disjoint (in text order) are found over a piece by binary
    // search; only the few others (a report, its second part, a cue, a nested quote) are tried
    // each time, so a run-on sentence of many quotes stays linear.
    let mut quoted: Vec<usize> = Vec::new();
    let mut others: Vec<usize> = Vec::new();
    let mut by_start: Vec<usize> = (0..cuts.len()).collect();
    by_start.sort_by_key(|&i| (cuts[i].span.start, i));
    for i in by_start {
        let disjoint = quoted
            .last()
            .is_none_or(|&j| cuts[j].span.end <= cuts[i].span.start);
        if cuts[i].quoted && disjoint {
            quoted.push(i);
        } else {
            others.push(i);
        }
    }
    let mut over_ix: Vec<usize> = Vec::new();
    for w in points.windows(2) {
        let piece = Span::new(w[0], w[1]);
        // A report whose cue lies outside a quote over the piece is no report inside that
        // quote: the quote keeps its words ("..., adding “while the ... front have gathered
        // ....”": the report's content stops before the closing punctuation, shorter than the
        // quote, yet the words are quoted).
        over_ix.clear();
        over_ix.extend(
            others
                .iter()
                .copied()
                .filter(|&i| cuts[i].span.contains(piece)),
        );
        let qi = quoted.partition_point(|&i| cuts[i].span.end <= piece.start);
        over_ix.extend(
            quoted[qi..]
                .iter()
                .copied()
                .take_while(|&i| cuts[i].span.start <= piece.start)
                .filter(|&i| cuts[i].span.contains(piece)),
        );
        over_ix.sort_unstable();
        let over: Vec<&Cut> = over_ix.iter().map(|&i| &cuts[i]).collect();
        let outside_quote = |c: &Cut| {
            !c.quoted
                && over
                    .iter()
                    .any(|q| q.quoted && c.cue.is_some_and(|cue| !q.span.contains(cue)))
        };
        let inner = over
            .iter()
            .copied()
            .filter(|c| !outside_quote(c))
            .min_by_key(|c| c.span.len());
        let (voice, quoted, cue) = match inner {
            Some(c) => (c.voice, c.quoted, c.cue),
            None => (base.0, false, base.1),
        };
        let span = if quoted { piece } else { trim(cx.text, piece) };
        out.push(Passage {
            span,
            voice: own_if_host(voice),
            quoted,
            cue,
            para,
        });
    }
}

/// Words that open a clause of its own after a quote inside a report.
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "or", "yet", "while", "whereas", "although", "though",
];

/// Joins the quotes of one sentence's passages (from `first` on) that stand inside a report of
/// their own speaker to it: a run of neighbours of one source, separated by whitespace only,
/// where reported words follow a quoted piece ("the monitor said the attack had targeted a
/// “weapons warehouse” in the camp", "said that “unthinkable” crimes continue") is one
/// reported passage with the first report's cue; the quoted pieces go to `verbatim`. A quote
/// with a cue of its own between it and a report ('"...," he said, adding that ...') stays
/// quoted: the host's cue stands between them.
fn mixed_quotes(cx: &Context, out: &mut Vec<Passage>, first: usize, verbatim: &mut Vec<Span>) {
    let text = cx.text;
    // Words after a quote that open a clause of their own ('... was "massive and coordinated"
    // but insisted ...', '... "considers it inappropriate" adding that ...') start another run.
    let opens_clause = |after: Span| {
        let t = cx.tokens;
        let (a, b) = t.range(after);
        (a..b)
            .find(|&i| t.tokens[i].word)
            .is_some_and(|i| cx.cues.is_speech(t.key(i)) || CLAUSE_OPENERS.contains(&t.key(i)))
    };
    // A quote that ends in punctuation inside its marks and whose cue comes after it ('“I had
    // to fire General Flynn ...,” Trump wrote') is a sentence of its own, whose words after are
    // its cue ('praised Wray as an “outstanding lawyer,” after ...' goes on).
    let closed = |q: &Passage| {
        q.cue.is_some_and(|c| c.start >= q.span.end)
            && q.span
                .of(text)
                .trim_end_matches(|c: char| {
                    !c.is_alphanumeric() && !matches!(c, ',' | '.' | '!' | '?' | ';' | ':')
                })
                .ends_with([',', '.', '!', '?', ';', ':'])
    };
    // A run is a mixed quotation when a report's words go on after a quote in it; a quote that
    // ends the report ('the air strikes were "a message to the Kurds ..."', 'dismissed the offer
    // as "trickery"') is quoted content of its own, as the annotation guide reads it.
    let mixed = |run: &[Passage]| {
        run[0].voice != Voice::Own
            && run.windows(2).any(|w| {
                w[0].quoted && !w[1].quoted && w[1].span.of(text).contains(char::is_alphanumeric)
            })
    };
    let pieces: Vec<Passage> = out.drain(first..).filter(|p| !p.span.is_empty()).collect();
    let mut i = 0;
    while i < pieces.len() {
        let mut j = i + 1;
        while j < pieces.len()
            && pieces[j].voice == pieces[i].voice
            && pieces[j - 1].span.end <= pieces[j].span.start
            && text[pieces[j - 1].span.end..pieces[j].span.start]
                .chars()
                .all(char::is_whitespace)
            && !(pieces[j - 1].quoted
                && !pieces[j].quoted
                && (closed(&pieces[j - 1]) || opens_clause(pieces[j].span)))
        {
            j += 1;
        }
        let run = &pieces[i..j];
        if mixed(run) {
            let report = run.iter().find(|p| !p.quoted).unwrap_or(&run[0]);
            out.push(Passage {
                span: Span::new(run[0].span.start, run[run.len() - 1].span.end),
                quoted: false,
                ..*report
            });
            verbatim.extend(run.iter().filter(|p| p.quoted).map(|p| p.span));
        } else {
            out.extend_from_slice(run);
        }
        i = j;
    }
}

/// Merges neighbouring passages with the same voice, paragraph, quotedness and cue, separated
/// by whitespace only.
fn merge_neighbours(text: &str, passages: Vec<Passage>) -> Vec<Passage> {
    let mut merged: Vec<Passage> = Vec::with_capacity(passages.len());
    for p in passages {
        if let Some(last) = merged.last_mut() {
            let gap = &text[last.span.end.min(p.span.start)..p.span.start];
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
    merged
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
