//! Framing: which label each voice picks for a referent, which frames it uses, and how it
//! judges each actor. Every use keeps its evidence (article, sentence, spans).
//!
//! Framing reads what the layers above it found in one article (sentences, tokens, mentions,
//! passages, lexicon hits), handed over as a [`Context`]; it knows nothing about how they were
//! found (`analysis` builds the context from its `Analysed`).

pub mod model;
pub mod referent;
pub mod stance;

use crate::actors::{Form, Mention};
use crate::lexicon::framing::{CONTEXT_WINDOW, NEAR_SENTENCES};
use crate::lexicon::{ActorId, ActorKind, Gazetteer, Hit, HitKind, Matcher};
use crate::span::Span;
use crate::text::Tokens;
use crate::voices::{Passage, Voice};

/// What framing needs to know about one article: borrowed from its analysis, never copied.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The article text.
    pub text: &'a str,
    /// Sentences with their paragraph index, in text order.
    pub sentences: &'a [(Span, u32)],
    /// Tokens of the analysed paragraphs.
    pub tokens: &'a Tokens,
    /// Actor mentions, in text order.
    pub mentions: &'a [Mention],
    /// Voiced passages, in text order and disjoint.
    pub passages: &'a [Passage],
    /// Scare-quoted spans (distancing).
    pub scare: &'a [Span],
    /// Quoted words inside reported passages, sorted ([`crate::voices::Voices::verbatim`]).
    pub verbatim: &'a [Span],
    /// Lexicon hits, sorted by first token.
    pub hits: &'a [Hit],
    /// The host outlet in the gazetteer, if known.
    pub host: Option<ActorId>,
}

impl Context<'_> {
    /// The voice at byte `pos` (own where no passage covers it).
    pub fn voice_at(&self, pos: usize) -> Voice {
        crate::voices::voice_at(self.passages, pos)
    }

    /// Whose words stand at byte `pos`: a quote's speaker inside quotation marks (also a quote
    /// inside a report of its speaker), else the host (reported speech is the source's claim in
    /// the host's words). Label choice and frames are word choice, so they go to this voice;
    /// stance goes to [`Context::voice_at`].
    pub fn words_voice_at(&self, pos: usize) -> Voice {
        crate::voices::words_voice_at(self.passages, self.verbatim, pos)
    }

    /// Index of the sentence containing byte `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        crate::text::sentences::sentence_at(self.sentences, pos)
    }
}

/// One use of a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabelUse {
    /// Label set index.
    pub set: u16,
    /// Label index.
    pub label: u16,
    /// Byte span of the matched term in the article text.
    pub span: Span,
    /// Who says it.
    pub voice: Voice,
}

/// A use of a term that names its set's referent only in context, set aside because here it is
/// about another state or about none that can be told (see [`referent`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// Label set index.
    pub set: u16,
    /// Label index.
    pub label: u16,
    /// Where.
    pub span: Span,
    /// The state it is about, or `None` when unresolved.
    pub other: Option<ActorId>,
}

/// One use of a frame term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameUse {
    /// Frame index.
    pub frame: u16,
    /// Byte span of the matched term in the article text.
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
    /// Uses of in-context terms about another state or none, in text order.
    pub set_aside: Vec<SetAside>,
    /// Frame uses, in text order.
    pub frames: Vec<FrameUse>,
    /// Stance observations, in text order.
    pub stance: Vec<StanceObs>,
}

impl Framing {
    /// Finds the label uses, frame uses and stance observations of an article (anything that
    /// gives a [`Context`], such as `&analysis::Analysed`).
    pub fn of<'a>(cx: impl Into<Context<'a>>, m: &Matcher, g: &Gazetteer) -> Framing {
        let cx = cx.into();
        Framing::with_stance(cx, m, g, stance_observations(cx, m, g))
    }

    /// [`Framing::of`] with stance observations already found (with a matcher of which `m`
    /// is [`Matcher::same_stance`]): labels and frames only are found with `m`.
    pub fn with_stance<'a>(
        cx: impl Into<Context<'a>>,
        m: &Matcher,
        g: &Gazetteer,
        stance: Vec<StanceObs>,
    ) -> Framing {
        let cx = cx.into();
        let (labels, set_aside) = label_uses(cx, m, g);
        Framing {
            labels,
            set_aside,
            frames: frames(cx, m),
            stance,
        }
    }
}

/// Label uses: within a label set the longest match wins, matches inside an exclusion phrase do
/// not count, and a term that names the set's referent only in context counts only where it is
/// about the referent (see [`label_uses`]).
pub fn labels<'a>(cx: impl Into<Context<'a>>, m: &Matcher, g: &Gazetteer) -> Vec<LabelUse> {
    label_uses(cx, m, g).0
}

/// Label uses as [`labels`], and the uses of in-context terms set aside for another state or
/// for none ([`referent::resolve`]).
pub fn label_uses<'a>(
    cx: impl Into<Context<'a>>,
    m: &Matcher,
    g: &Gazetteer,
) -> (Vec<LabelUse>, Vec<SetAside>) {
    let cx = cx.into();
    let toks = &cx.tokens.tokens;
    let mut out = Vec::new();
    let mut aside = Vec::new();
    // Each set's matches after its longest-match rule, for every set first: a back-reference
    // looks for its antecedent among the other sets' terms too.
    // With them, per set, the spans of the matches kept although their word context sets them
    // aside (read once here, skipped below).
    let (chosen, unfit): (Vec<Vec<Hit>>, Vec<Vec<_>>) = (0..m.label_sets.len() as u16)
        .map(|set| {
            let of_set = |h: &&Hit| matches!(h.kind, HitKind::Label { set: s, .. } | HitKind::Exclude { set: s } if s == set);
            let info = &m.label_sets[set as usize];
            if info.context.is_empty() {
                return (stance::longest(cx.hits.iter().filter(of_set)), Vec::new());
            }
            // A match that its word context sets aside hides the matches inside it ("War" in
            // "War-Torn Ukraine": one compound) but not one it only shares a word with
            // ("government forces" in "government forces loyal to President Assad", where the
            // longer "forces loyal to" is set aside after "government"). It stays in the list,
            // for the head rule below.
            let (fit, unfit): (Vec<&Hit>, Vec<&Hit>) =
                cx.hits.iter().filter(of_set).partition(|h| match h.kind {
                    HitKind::Label { .. } => fits_context(cx, info, m.term_key(h), h.first, h.last),
                    _ => true,
                });
            let mut kept = stance::longest(fit.into_iter());
            let mut aside = Vec::new();
            for u in stance::longest(unfit.into_iter()) {
                let inside = |k: &Hit| u.first <= k.first && k.last <= u.last;
                let shares = |k: &Hit| k.first <= u.last && u.first <= k.last && !inside(k);
                if !kept.iter().any(shares) {
                    kept.retain(|k| !inside(k));
                    kept.push(u);
                    aside.push((u.first, u.last));
                }
            }
            kept.sort_by_key(|h| h.first);
            (kept, aside)
        })
        .unzip();
    // The places the article names, found once when a use first needs them.
    let mut places: Option<Vec<(usize, ActorId)>> = None;
    for (set, hits) in chosen.iter().enumerate() {
        let info = &m.label_sets[set];
        // The set's referent and its country, for in-context terms and names of others.
        let referent = set_referent(m, g, set as u16);
        let want = referent.and_then(|a| g.country(a));
        let topic = info
            .topic
            .as_deref()
            .and_then(|t| g.id(t))
            .and_then(|a| g.country(a));
        // The last token of the set's previous use (counted or set aside).
        let mut prev_last: Option<u32> = None;
        for h in hits {
            if let HitKind::Label { set, label } = h.kind {
                let span = Span::new(
                    toks[h.first as usize].span.start,
                    toks[h.last as usize].span.end,
                );
                // A bare in-context word right after a match of the same set is the head of
                // that match's noun phrase ("Syrian army troops", "Takfiri insurgents"): one
                // use, not two, and none when the match is not the set's sense ("Islamic State
                // terror group militants"). After a plural it is a list that lost its commas
                // ("rebels jihadists and Kurdish forces"): two uses.
                let after_use = prev_last.is_some_and(|p| {
                    let k = cx.tokens.key(p as usize);
                    p + 1 == h.first && (!k.ends_with('s') || k.ends_with("ss"))
                });
                prev_last = Some(h.last);
                if after_use && is_one_of(&info.in_context, m.term_key(h)) {
                    continue;
                }
                if unfit[set as usize].contains(&(h.first, h.last)) {
                    // "offensive comments", "hunger strike": not the set's sense of the word.
                    continue;
                }
                if referent.is_none() && inside_name(cx, span) {
                    // A set without a referent names no actor: its word inside an actor's name
                    // ("Revolution" in "National Coalition for Syrian Revolution and Opposition
                    // Forces") is part of that name, not a use.
                    continue;
                }
                // Where a term that names its referent only in context points: `None` counts
                // the use, `Some(other)` sets it aside for that state or set (or for none).
                let elsewhere = if is_one_of(&info.back_reference, m.term_key(h)) {
                    // A bare "coalition" is the coalition last named in full.
                    match antecedent(m, &chosen, h, set) {
                        Antecedent::Inside => continue,
                        Antecedent::Set(s) if s == set => None,
                        Antecedent::Set(s) => Some(set_referent(m, g, s)),
                        Antecedent::None => Some(None),
                    }
                } else if is_one_of(&info.in_context, m.term_key(h)) {
                    // Inside the name of another actor ("army" in "Free Syrian Army") it is
                    // that actor's; else the state in focus decides.
                    let inside = referent.and_then(|r| inside_other(cx, g, r, span));
                    let named = named_by_terms(cx, m, g, &chosen, h);
                    let resolved = match (inside, named.inside.or(named.possessor), want) {
                        (Some(a), _, _) => referent::Resolved::Other(a),
                        (None, Some(s), Some(w)) if s == w => referent::Resolved::Referent,
                        (None, Some(s), _) => referent::Resolved::Other(s),
                        (None, None, Some(w)) => {
                            let places = places.get_or_insert_with(|| g.places_in(cx.tokens));
                            let u = referent::Use {
                                first: h.first,
                                last: h.last,
                                relational: is_one_of(&info.relational, m.term_key(h)),
                                unlisted: info.unlisted_qualifiers,
                            };
                            referent::resolve(&cx, g, w, named.before, places, u, &named.rivals)
                        }
                        (None, None, None) => referent::Resolved::Unresolved,
                    };
                    resolved.set_aside()
                } else {
                    None
                };
                // A set with a topic counts a use only where the topic's state is in focus
                // ("the crisis" in an article about the opioid epidemic is not the Syrian war).
                let elsewhere = match (elsewhere, topic) {
                    (None, Some(t)) => {
                        let places = places.get_or_insert_with(|| g.places_in(cx.tokens));
                        referent::in_focus(&cx, g, t, places, span.start).set_aside()
                    }
                    (e, _) => e,
                };
                if let Some(other) = elsewhere {
                    aside.push(SetAside {
                        set,
                        label,
                        span,
                        other,
                    });
                    continue;
                }
                out.push(LabelUse {
                    set,
                    label,
                    span,
                    voice: cx.words_voice_at(span.start),
                });
            }
        }
    }
    out.sort_by_key(|u| (u.span.start, u.set));
    aside.sort_by_key(|u| (u.span.start, u.set));
    (out, aside)
}

/// The actor whose name contains `span` when that actor is neither the referent nor one of its
/// parts or wholes (by `part_of`): "Army" in "Free Syrian Army" names the FSA, not the Syrian
/// state; "Syrian Arab Army" is part of it and may count.
fn inside_other(cx: Context, g: &Gazetteer, referent: ActorId, span: Span) -> Option<ActorId> {
    let m = cx
        .mentions
        .iter()
        .find(|m| !m.place && m.span.start <= span.start && span.end <= m.span.end)?;
    let related = m.actor == referent
        || g.ancestors(m.actor).contains(&referent)
        || g.ancestors(referent).contains(&m.actor);
    (!related).then_some(m.actor)
}

/// Whether `span` lies inside the name of an actor the article mentions (not a place), with
/// the name longer than `span`.
fn inside_name(cx: Context, span: Span) -> bool {
    cx.mentions
        .iter()
        .any(|m| !m.place && m.span.start <= span.start && span.end <= m.span.end && m.span != span)
}

/// Whether a key matches a term key (with its wildcard flag).
fn key_matches(key: &str, (term, wildcard): &(String, bool)) -> bool {
    if *wildcard {
        key.starts_with(term.as_str())
    } else {
        key == term
    }
}

/// Whether the use at tokens `first..=last`, of the term with key `key`, meets the word-context
/// conditions of its set that name its term (docs/lexicon.md, "Terms in word context"): a `before` word among the
/// [`CONTEXT_WINDOW`] words before it in its sentence or an `after` word or phrase right after it
/// (either one, when both are given), no `not_before` word right before it,
/// no `not_after` word or phrase right after it, no `not_near` word or phrase and (when given)
/// a `near` one in its sentence or the [`NEAR_SENTENCES`] sentences before and after it.
fn fits_context(
    cx: Context,
    info: &crate::lexicon::matcher::LabelSetInfo,
    key: &str,
    first: u32,
    last: u32,
) -> bool {
    let toks = cx.tokens;
    // The sentence the use is in bounds the words looked at.
    let at = toks.tokens[first as usize].span.start;
    let sentence = cx
        .sentence_at(at)
        .map(|si| cx.sentences[si].0)
        .unwrap_or_else(|| Span::new(0, cx.text.len()));
    let inside = |i: usize| {
        let sp = toks.tokens[i].span;
        sp.start >= sentence.start && sp.end <= sentence.end
    };
    let words_before: Vec<&str> = (0..first as usize)
        .rev()
        .take_while(|&i| inside(i))
        .filter(|&i| toks.tokens[i].word)
        .take(CONTEXT_WINDOW)
        .map(|i| toks.key(i))
        .collect();
    let next: Vec<&str> = (last as usize + 1..toks.tokens.len())
        .take_while(|&i| inside(i) && toks.tokens[i].word)
        .take(4)
        .map(|i| toks.key(i))
        .collect();
    info.context
        .iter()
        .filter(|c| c.terms.iter().any(|t| key_matches(key, t)))
        .all(|c| {
            let right_after = |(phrase, wild): &(String, bool)| {
                let n = phrase.split(' ').count();
                n <= next.len() && key_matches(&next[..n].join(" "), &(phrase.clone(), *wild))
            };
            // `before` and `after` are alternatives: one of them met is enough.
            let needs_ok = (c.before.is_empty() && c.after.is_empty())
                || words_before
                    .iter()
                    .any(|w| c.before.iter().any(|b| key_matches(w, b)))
                || c.after.iter().any(right_after);
            let right_before = words_before.first().copied().unwrap_or("");
            let not_before_ok = !c.not_before.iter().any(|b| key_matches(right_before, b));
            let not_after_ok = !c.not_after.iter().any(right_after);
            needs_ok
                && not_before_ok
                && not_after_ok
                && (c.not_near.is_empty() || !near(cx, at, &c.not_near))
                && (c.near.is_empty() || near(cx, at, &c.near))
        })
}

/// Whether one of `phrases` (term keys, `*` at the end of the last word) occurs in the sentence
/// holding byte `at` or in the [`NEAR_SENTENCES`] sentences before and after it.
fn near(cx: Context, at: usize, phrases: &[(String, bool)]) -> bool {
    let window = match cx.sentence_at(at) {
        Some(i) => Span::new(
            cx.sentences[i.saturating_sub(NEAR_SENTENCES)].0.start,
            cx.sentences[(i + NEAR_SENTENCES).min(cx.sentences.len() - 1)]
                .0
                .end,
        ),
        None => Span::new(0, cx.text.len()),
    };
    // Every token of the window, as term keys hold punctuation tokens too ("car - bomb").
    let (t0, t1) = cx.tokens.range(window);
    let words: Vec<&str> = (t0..t1).map(|k| cx.tokens.key(k)).collect();
    phrases.iter().any(|(phrase, wild)| {
        let parts: Vec<&str> = phrase.split(' ').collect();
        let (head, last) = parts.split_at(parts.len() - 1);
        let last = (last[0].to_string(), *wild);
        words
            .windows(parts.len())
            .any(|w| w[..head.len()] == *head && key_matches(w[head.len()], &last))
    })
}

/// True when the term key `key` (of the term that matched, whatever form the text has) is one
/// of `terms` (keys with wildcard flags).
fn is_one_of(terms: &[(String, bool)], key: &str) -> bool {
    terms.iter().any(|t| key_matches(key, t))
}

/// The states named by longer label terms that hold an in-context term's words ("usurper
/// regime", "Zionist regime" and "Assad regime" hold "regime"), for [`referent::resolve`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct NamedByTerms {
    /// The state of the set whose longer term contains the use ("regime's" in "the usurper
    /// regime's crimes" is Israel's).
    inside: Option<ActorId>,
    /// The state of the set of the nearest such term before the use, within its sentence and the
    /// [`referent::WINDOW`] before ("the Zionist regime ... The regime also arrested").
    before: Option<ActorId>,
    /// The state of the set of a label term right before the use in the possessive, one that
    /// names its referent by itself ("the occupying regime's army" is Israel's army).
    possessor: Option<ActorId>,
    /// The states of the sets of all such terms anywhere before the use ("the Israeli regime
    /// ... the regime"): the host calls them so too (the rivals of `referent::resolve`).
    rivals: Vec<ActorId>,
}

/// Finds the longer label terms (of any set with a referent that has a state) holding the words
/// of the in-context use `h`: one that contains it, the nearest one before it in focus, and the
/// states of all those before it.
fn named_by_terms(
    cx: Context,
    m: &Matcher,
    g: &Gazetteer,
    chosen: &[Vec<Hit>],
    h: &Hit,
) -> NamedByTerms {
    let toks = &cx.tokens.tokens;
    let start = toks[h.first as usize].span.start;
    let from = cx
        .sentence_at(start)
        .map(|si| cx.sentences[si.saturating_sub(referent::WINDOW)].0.start);
    let mut named = NamedByTerms::default();
    let mut nearest: Option<u32> = None;
    for (c, set, _) in holders(m, chosen, m.term_key(h)).filter(|&(_, _, label)| label) {
        let Some(state) = set_referent(m, g, set).and_then(|a| g.country(a)) else {
            continue;
        };
        if c.last < h.first && !named.rivals.contains(&state) {
            named.rivals.push(state);
        }
        if c.first <= h.first && h.last <= c.last {
            named.inside = Some(state);
        } else if c.last < h.first
            && from.is_some_and(|f| toks[c.first as usize].span.start >= f)
            && nearest.is_none_or(|n| c.last > n)
            // A longer term that itself names its referent only in context ("Saddam's
            // Baathist regime") names no one for a bare term after it.
            && !is_one_of(&m.label_sets[set as usize].in_context, m.term_key(c))
        {
            nearest = Some(c.last);
            named.before = Some(state);
        }
    }
    // A label term of a set with a state, in the possessive right before the use.
    if let Some(p) = h.first.checked_sub(1) {
        // (Keys fold curly apostrophes.)
        let key = cx.tokens.key(p as usize);
        if crate::text::keys::strip_possessive(key).len() < key.len() {
            // The longest term ending there ("occupying regime's", not its "regime's").
            named.possessor = chosen
                .iter()
                .flatten()
                .filter(|c| c.last == p && matches!(c.kind, HitKind::Label { .. }))
                .min_by_key(|c| c.first)
                .and_then(|c| match c.kind {
                    // A bare term in the possessive ("the regime's army") is decided in
                    // context itself: the later steps read both.
                    HitKind::Label { set, .. }
                        if !is_one_of(&m.label_sets[set as usize].in_context, m.term_key(c)) =>
                    {
                        set_referent(m, g, set).and_then(|a| g.country(a))
                    }
                    _ => None,
                });
        }
    }
    named
}

/// The hits among `chosen` (the matches per set) whose term is longer than `key` and holds its
/// words ("usurper regime" holds "regime", "US-led coalition" holds "coalition"), with their set
/// and whether the hit is a label term (else a phrase the set excludes: "Saudi-led coalition").
fn holders<'c>(
    m: &'c Matcher,
    chosen: &'c [Vec<Hit>],
    key: &'c str,
) -> impl Iterator<Item = (&'c Hit, u16, bool)> {
    chosen.iter().flatten().filter_map(move |c| {
        let (set, label) = match c.kind {
            HitKind::Label { set, .. } => (set, true),
            HitKind::Exclude { set } => (set, false),
            _ => return None,
        };
        let holder = m.term_key(c);
        (holder.len() > key.len() && holds_words(holder, key)).then_some((c, set, label))
    })
}

/// True when the words of `key` stand in `holder` as whole words (both space-separated keys).
fn holds_words(holder: &str, key: &str) -> bool {
    let (hb, n) = (holder.as_bytes(), key.len());
    holder
        .match_indices(key)
        .any(|(i, _)| (i == 0 || hb[i - 1] == b' ') && (i + n == hb.len() || hb[i + n] == b' '))
}

/// The actor id of label set `set`'s referent.
fn set_referent(m: &Matcher, g: &Gazetteer, set: u16) -> Option<ActorId> {
    m.label_sets[set as usize]
        .referent
        .as_deref()
        .and_then(|r| g.id(r))
}

/// What a back-reference term refers to (docs/lexicon.md, "Back-references").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Antecedent {
    /// It is a word of a longer term of another set ("coalition" in "US-led coalition"): no use.
    Inside,
    /// The longer label term holding it nearest before it (else nearest after it) is of this set.
    Set(u16),
    /// No label term of the article holds it, or the nearest is a phrase a set excludes ("the
    /// Saudi-led coalition"): it names none of the sets' referents.
    None,
}

/// The antecedent of the back-reference use `h`: a longer label term of any set (`chosen`, the
/// matches per set) that contains it makes it no use of its own; else, among the longer terms
/// holding its words in the sets that list the same back-reference (the sets competing for the
/// bare word) and the phrases those sets exclude, the nearest before it, else the nearest after
/// it (a headline's "Coalition air strikes" before the body names the coalition in full). A
/// back-reference of several words that holds a shorter one of its set ("coalition air strikes"
/// holds "coalition") is read as that shorter one, and names its set's referent by itself when
/// nothing before it names another; as the antecedent of another use, it names what it refers
/// to ("the Saudi-led coalition ... coalition jets ... the coalition said": none).
fn antecedent(m: &Matcher, chosen: &[Vec<Hit>], h: &Hit, set: u16) -> Antecedent {
    antecedent_within(m, chosen, h, set, true)
}

/// [`antecedent`]; `follow` reads a holder that is itself a back-reference by its own
/// antecedent (one step: holders of that one are taken as they stand).
fn antecedent_within(
    m: &Matcher,
    chosen: &[Vec<Hit>],
    h: &Hit,
    set: u16,
    follow: bool,
) -> Antecedent {
    let own = m.term_key(h);
    let shorter = m.label_sets[set as usize]
        .back_reference
        .iter()
        .find(|(t, wildcard)| !wildcard && t.len() < own.len() && holds_words(own, t));
    let key = shorter.map_or(own, |(t, _)| t.as_str());
    // The nearest holders before and after it (the token that decides nearness, the hit, its
    // set, whether it is a label term).
    let mut before: Option<(u32, &Hit, u16, bool)> = None;
    let mut after: Option<(u32, &Hit, u16, bool)> = None;
    for (c, other, label) in holders(m, chosen, key) {
        if (c.first, c.last) == (h.first, h.last) {
            continue;
        }
        if c.first <= h.first && h.last <= c.last {
            if label {
                return Antecedent::Inside;
            }
            continue;
        }
        let competing = m.label_sets[other as usize]
            .back_reference
            .iter()
            .any(|t| key_matches(key, t));
        if !competing {
            continue;
        }
        if c.last < h.first {
            if before.is_none_or(|(end, ..)| c.last > end) {
                before = Some((c.last, c, other, label));
            }
        } else if c.first > h.last && after.is_none_or(|(start, ..)| c.first < start) {
            after = Some((c.first, c, other, label));
        }
    }
    // A compound that nothing before it names is its own antecedent: what the article names
    // after it does not decide it.
    let after = after.filter(|_| shorter.is_none());
    // What the nearest names: an excluded phrase none; a back-reference what its own
    // antecedent names (read for the nearest only: one scan more, not one per holder).
    let names = |(_, c, other, label): (u32, &Hit, u16, bool)| {
        if !label {
            None
        } else if follow && is_one_of(&m.label_sets[other as usize].back_reference, m.term_key(c)) {
            match antecedent_within(m, chosen, c, other, false) {
                Antecedent::Set(s) => Some(s),
                _ => None,
            }
        } else {
            Some(other)
        }
    };
    match before.or(after).map(names) {
        Some(Some(s)) => Antecedent::Set(s),
        Some(None) => Antecedent::None,
        None if shorter.is_some() => Antecedent::Set(set),
        None => Antecedent::None,
    }
}

/// Frame uses: overlapping terms of one frame count once.
pub fn frames<'a>(cx: impl Into<Context<'a>>, m: &Matcher) -> Vec<FrameUse> {
    let cx = cx.into();
    let toks = &cx.tokens.tokens;
    let mut out = Vec::new();
    for frame in 0..m.frames.len() as u16 {
        let group = cx
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
                voice: cx.words_voice_at(span.start),
            });
        }
    }
    out.sort_by_key(|u| (u.span.start, u.frame));
    out
}

/// Stance observations: one per (sentence, actor), scored at the actor's first mention in the
/// sentence. Places, and demonyms that modify a following name ("Russian Deputy Foreign
/// Minister Sergey Vershinin"), are not targets; outlets are not judged as actors.
pub fn stance_observations<'a>(
    cx: impl Into<Context<'a>>,
    m: &Matcher,
    g: &Gazetteer,
) -> Vec<StanceObs> {
    let cx = cx.into();
    let mut out: Vec<StanceObs> = Vec::new();
    let toks = &cx.tokens;
    let scare = stance::ScareIndex::new(cx.scare);
    for (i, mention) in cx.mentions.iter().enumerate() {
        if mention.place || g.actor(mention.actor).kind == ActorKind::Outlet {
            continue;
        }
        if mention.form == Form::Demonym {
            if let Some(next) = cx.mentions.get(i + 1) {
                if next.first <= mention.last + 6 && next.actor != mention.actor {
                    continue;
                }
            }
        }
        let Some(si) = cx.sentence_at(mention.span.start) else {
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
        let (s, _) = cx.sentences[si];
        let range = toks.range(s);
        let said = stance::said_by(cx.passages, s, Some(mention.actor), mention.span);
        let score = stance::score(
            cx.text,
            toks,
            cx.hits,
            m,
            range,
            (mention.first as usize, mention.last as usize),
            &scare,
            &said,
            cx.mentions,
        );
        let voice = cx.voice_at(mention.span.start);
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

#[cfg(test)]
mod tests {
    use super::holds_words;

    #[test]
    fn a_term_holds_another_only_as_whole_words() {
        assert!(holds_words("usurper regime", "regime"));
        assert!(holds_words("us-led coalition forces", "coalition"));
        assert!(holds_words("the regime in damascus", "regime in"));
        assert!(!holds_words("regimes", "regime"));
        assert!(!holds_words("coalition", "coalition forces"));
        assert!(!holds_words("anti-regime", "regime"));
        assert!(!holds_words("aregime b", "regime"));
    }
}
