//! Referents in context: whether a label term that names its set's referent only in context (a
//! bare "regime", "government forces") is about that referent where it stands.
//!
//! The state a use is about is decided in this order (docs/lexicon.md, "Referents in context"):
//! 0. for a partner's word ("ally", "backer": the set's `relational`), the name that is the
//!    partner or the possessor whose partner it is (`partner`);
//! 1. a qualifier next to it: a state, or a person or body of one, named right before it
//!    ("Israel's regime", "the Israeli regime", "the US-led coalition", "UN-brokered talks")
//!    or right after it with *in*, *of* or *by* ("the regime in Damascus", "the government of
//!    Iraq", "brokered by the US and Russia": the agents as a list) or in apposition after a
//!    word that is no article ("rebel backer Turkey") decides;
//!    A possessive "his" or "her" right before it is the person last named in its sentence or
//!    the one before ("Trump and his allies" is the US's); "its" the state or body last named
//!    in its clause; with the set's `unlisted_qualifiers`, a name the gazetteer does not know
//!    after an article or in the possessive ("the Maduro regime") leaves it unresolved;
//! 2. a longer label term holding the same word, the nearest before it within its sentence and
//!    the [`WINDOW`] before ("the Zionist regime ... the regime"), names its set's referent's
//!    state (the caller finds it: `framing::named_by_terms`);
//!    A rival, the state of another label set whose longer term holding the same word the
//!    article used earlier (Israel, after "the Israeli regime", for a bare "regime"), named not
//!    as a place nor by an armed group before the use within its sentence and the [`WINDOW`]
//!    before, after the last naming of the referent's state there, takes the use
//!    (`rival_before`);
//! 3. the referent's state named in the use's sentence or the [`WINDOW`] sentences before it:
//!    the use counts;
//! 4. the article's focus: the states named in the whole article, counted. The use counts when
//!    the referent's state is named at least half as often as the most named other state; else
//!    it is set aside for that state;
//! 5. with no state or place named at all, the use counts when the host is state media of the
//!    referent's state; else it is unresolved.
//!
//! A place the gazetteer lists for a country ("Aleppo", "Deir ez-Zor": [`Gazetteer::places_in`])
//! stands for that country in step 3, and in step 4 only where the article names no state (the
//! places where a state acts are often not its own: Israel in Gaza), never as a qualifier.
//!
//! A mention stands for its actor's country ([`Gazetteer::country`]); an armed group stands for
//! the country it fights in only as context (steps 2 and 3), never as a qualifier; outlets stand
//! for nothing.

use super::Context;
use crate::actors::Mention;
use crate::lexicon::{ActorId, ActorKind, Gazetteer};

/// Sentences before the use's own that are in focus.
pub const WINDOW: usize = 2;

/// Where a use points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// The set's referent: the use counts.
    Referent,
    /// Another state: the use is set aside for it.
    Other(ActorId),
    /// No state in sight: set aside as unresolved.
    Unresolved,
}

impl Resolved {
    /// For the caller's accounting: `None` when the use counts, else what it is set aside for
    /// (`Some(Some(state))`, or `Some(None)`: unresolved).
    pub fn set_aside(self) -> Option<Option<ActorId>> {
        match self {
            Resolved::Referent => None,
            Resolved::Other(s) => Some(Some(s)),
            Resolved::Unresolved => Some(None),
        }
    }
}

/// The state a mention stands for, if any; `qualifier`: as a word next to the term.
fn state(g: &Gazetteer, m: &Mention, qualifier: bool) -> Option<ActorId> {
    match g.actor(m.actor).kind {
        ActorKind::Country | ActorKind::Person | ActorKind::Organisation => g.country(m.actor),
        ActorKind::ArmedGroup if !qualifier => g.country(m.actor),
        ActorKind::ArmedGroup | ActorKind::Outlet => None,
    }
}

/// A use of an in-context term: its tokens `first..=last`, and whether the term is a partner's
/// word (the set's `relational`).
#[derive(Clone, Copy, Debug)]
pub struct Use {
    /// First token of the matched term.
    pub first: u32,
    /// Last token of the matched term.
    pub last: u32,
    /// Whether the term names a partner of someone.
    pub relational: bool,
    /// Whether an unlisted name right before the term names someone else (the set's
    /// `unlisted_qualifiers`); an armed group right before it likewise ("Daesh troops").
    pub unlisted: bool,
}

/// Decides what the use is about; `want` is the country of the set's referent, `rivals` the
/// states of the label sets whose longer terms holding the use's words the article used before
/// it (step 2c; `want` among them changes nothing).
pub fn resolve(
    cx: &Context,
    g: &Gazetteer,
    want: ActorId,
    named_before: Option<ActorId>,
    places: &[(usize, ActorId)],
    u: Use,
    rivals: &[ActorId],
) -> Resolved {
    let Use {
        first,
        last,
        relational,
        unlisted,
    } = u;
    let toks = &cx.tokens.tokens;
    let (start, end) = (
        toks[first as usize].span.start,
        toks[last as usize].span.end,
    );
    // 0. A partner's word: who is the partner, and whose.
    if relational {
        if let Some(r) = partner(cx, g, want, first, start, end) {
            return r;
        }
    }
    // 1. A qualifier next to the use.
    for (mi, m) in cx.mentions.iter().enumerate() {
        // A body of no state qualifies only before it ("UN-brokered talks"): one after it is
        // more often the next clause of a headline ("meets southern rebels UN Special Envoy").
        let own = state(g, m, true);
        // With `unlisted`, an armed group right before it or in the possessive has its own
        // fighters ("Daesh troops", "Kurdish SDF Troops"): no state's.
        if unlisted
            && !relational
            && !m.place
            && m.span.end <= start
            && g.actor(m.actor).kind == ActorKind::ArmedGroup
            && matches!(cx.text[m.span.end..start].trim(), "" | "'s" | "\u{2019}s")
        {
            return Resolved::Other(m.actor);
        }
        let Some(s) = own.or_else(|| stateless(g, m).filter(|_| m.span.end <= start)) else {
            continue;
        };
        // (next to it, and whether as the agent after "by")
        let (next_to, by) = if m.span.end <= start {
            // "Israel's regime", "the Israeli regime", "the US-led anti-terror coalition"; a
            // partner's possessor was read in step 0 ("Russia's ally" is not Russia).
            let gap = cx.text[m.span.end..start].trim();
            let next_to = match gap {
                "" if relational && possessive(cx, m) => false,
                "" | "-led" | "\u{2010}led" | "\u{2011}led" => true,
                // "UN-brokered talks", one word ("Beirut- Opposition factions" is a dateline).
                "-" | "\u{2010}" | "\u{2011}" => cx.text[m.span.end..start].len() == gap.len(),
                "'s" | "\u{2019}s" | "'" | "\u{2019}" => !relational,
                _ => false,
            };
            (next_to, false)
        } else if m.span.start >= end && m.span.start - end <= 16 {
            // Only a short gap can be "in" or "of the" (a longer one is not looked at: every
            // later mention of the article would be). No gap at all is an apposition after a
            // modifier ("rebel backer Turkey", "its allies Russia and Iran"), not after an
            // article, where it is more often a list that lost its commas ("the regime Russia
            // and Iran").
            let gap = cx.text[end..m.span.start].trim();
            // "by" names the agent ("a ceasefire brokered by Turkey", "the intervention by
            // the US").
            let by = ["by", "by the"].iter().any(|w| gap.eq_ignore_ascii_case(w));
            let of: &[&str] = if relational {
                &["in", "in the"]
            } else {
                &["in", "of", "in the", "of the"]
            };
            let next_to = by
                || of.iter().any(|w| gap.eq_ignore_ascii_case(w))
                || (gap.is_empty() && !after_article(cx, first));
            (next_to, by)
        } else {
            (false, false)
        };
        if next_to {
            // The agents after "by" are read whole: "a ceasefire brokered by the US and
            // Russia" is Russia's too ("in Iraq and Syria" is where, not whose).
            let listed = by && listed_after(cx, g, mi).any(|t| t == want);
            return if s == want || listed {
                Resolved::Referent
            } else {
                Resolved::Other(s)
            };
        }
    }
    // 1b. A possessive "his" or "her" before it ("Trump and his allies"; before a partner's
    //     word up to two plain lower-case words may stand between: "Putin ... one of his few
    //     allies"): the person last named in its sentence or the one before decides; "its" the
    //     state or body last named in its clause ("the United States began its air campaign").
    let reach = if relational { 3 } else { 1 };
    let his = (1..=reach.min(first))
        .find(|&k| matches!(cx.tokens.key((first - k) as usize), "his" | "her"))
        .filter(|&k| {
            (1..k).all(|j| {
                let t = &cx.tokens.tokens[(first - j) as usize];
                cx.text[t.span.start..t.span.end]
                    .chars()
                    .all(char::is_lowercase)
            })
        });
    let owner = match first.checked_sub(1).map(|i| cx.tokens.key(i as usize)) {
        _ if his.is_some() => Some(true),
        // Whose partner "its allies" are is read in step 0.
        Some("its") if !relational => Some(false),
        _ => None,
    };
    if let Some(person) = owner {
        let si = cx.sentence_at(start);
        let from = si.map_or(0, |si| {
            cx.sentences[if person { si.saturating_sub(1) } else { si }]
                .0
                .start
        });
        let owner = cx.mentions.iter().rev().find(|m| {
            m.span.end <= start
                && m.span.start >= from
                && !m.place
                && match g.actor(m.actor).kind {
                    ActorKind::Person => person,
                    // In its clause: no comma between ("Moscow said the regime, backed by
                    // Iran, began its campaign" is not Moscow's).
                    ActorKind::Country | ActorKind::Organisation => {
                        !person && !cx.text[m.span.end..start].contains([',', ';', ':'])
                    }
                    _ => false,
                }
        });
        if let Some(s) = owner.and_then(|m| state(g, m, true).or_else(|| stateless(g, m))) {
            if relational {
                // "Putin ... one of his few allies" names another than Putin's state; whose
                // partner Assad's allies are is left to the focus.
                if s == want {
                    return Resolved::Unresolved;
                }
            } else {
                return if s == want {
                    Resolved::Referent
                } else {
                    Resolved::Other(s)
                };
            }
        }
    }
    // 1c. An unlisted name right before it ("the Maduro regime", "the Modi government"):
    //     someone the gazetteer does not know, so no state it can count for.
    if unlisted && unlisted_name_before(cx, g, places, first) {
        return Resolved::Unresolved;
    }
    // 2. A longer label term holding the same word, nearest before it in focus ("the Zionist
    //    regime ... the regime"), names its set's state.
    if let Some(s) = named_before {
        return if s == want {
            Resolved::Referent
        } else {
            Resolved::Other(s)
        };
    }
    // 2b. The same word qualified by a state nearest before it in focus ("The Iraqi army retook
    //    Tal Afar. The army said the militants fled to Syria" is Iraq's army).
    if first == last {
        if let Some(s) = qualified_before(cx, g, first, start) {
            return if s == want {
                Resolved::Referent
            } else {
                Resolved::Other(s)
            };
        }
    }
    // 2c. A rival named last before it ("Israeli warplanes struck near Damascus. The regime has
    //    carried out hundreds of such attacks on Syria").
    if let Some(r) = rival_before(cx, g, want, rivals, start) {
        return Resolved::Other(r);
    }
    in_focus(cx, g, want, places, start)
}

/// A rival state (the referent of another label set whose longer term holding the use's words
/// the article used before it: Israel for a bare "regime" after "the Israeli regime") named,
/// not as a place and not by an armed group of it, in the use's sentence or the [`WINDOW`]
/// before it, before the use and after the last such naming of the referent's state. Places are
/// where things happen, not who acts ("near Damascus"), and the referent's state named after
/// the use is as often what the rival acts on ("attacks on Syria").
fn rival_before(
    cx: &Context,
    g: &Gazetteer,
    want: ActorId,
    rivals: &[ActorId],
    start: usize,
) -> Option<ActorId> {
    if rivals.is_empty() {
        return None;
    }
    let si = cx.sentence_at(start)?;
    let from = cx.sentences[si.saturating_sub(WINDOW)].0.start;
    let n = cx.mentions.partition_point(|m| m.span.end <= start);
    cx.mentions[..n]
        .iter()
        .rev()
        .take_while(|m| m.span.start >= from)
        .filter(|m| !m.place)
        .filter_map(|m| state(g, m, true))
        .find(|s| *s == want || rivals.contains(s))
        .filter(|s| *s != want)
}

/// The state of the nearest earlier use of the word at token `word` (in its sentence or the
/// [`WINDOW`] before) that a demonym or possessive of a state qualifies right before it ("the
/// Iraqi army", "Turkey's army"); earlier uses without one are passed over.
fn qualified_before(cx: &Context, g: &Gazetteer, word: u32, start: usize) -> Option<ActorId> {
    let from = cx.sentences[cx.sentence_at(start)?.saturating_sub(WINDOW)]
        .0
        .start;
    let toks = &cx.tokens.tokens;
    let key = cx.tokens.key(word as usize);
    (0..word as usize)
        .rev()
        .take_while(|&i| toks[i].span.start >= from)
        .filter(|&i| cx.tokens.key(i) == key)
        .find_map(|i| {
            let at = toks[i].span.start;
            // The mentions are in text order: the last one ending before the word.
            let n = cx.mentions.partition_point(|m| m.span.end <= at);
            let m = cx.mentions[..n].last()?;
            let gap = cx.text[m.span.end..at].trim();
            // A demonym or a possessive: a name right before is as often a list that lost its
            // commas ("Russia regime strikes kill 47").
            let qualifies = match gap {
                "" => m.form == crate::actors::Form::Demonym,
                "'s" | "\u{2019}s" => true,
                _ => false,
            };
            qualifies.then(|| state(g, m, true)).flatten()
        })
}

/// True when the word right before the term starting at token `first` is a capitalised name the
/// gazetteer does not know, after an article or in the possessive ("the Maduro regime", "the
/// Taliban regime", "Maduro's government"): not a day or month, not in a listed name, place or
/// metonym, and the term in lower case (in a headline set in title case every word is
/// capitalised).
fn unlisted_name_before(
    cx: &Context,
    g: &Gazetteer,
    places: &[(usize, ActorId)],
    first: u32,
) -> bool {
    let toks = &cx.tokens.tokens;
    let (Some(p), term) = ((first as usize).checked_sub(1), &toks[first as usize]) else {
        return false;
    };
    let prev = &toks[p];
    let lower = cx.text[term.span.start..term.span.end]
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    if !lower || !prev.word || !prev.cap || term.opens || prev.opens || !term.space_before {
        return false;
    }
    // After an article ("the Maduro regime") or as a possessive ("Maduro's government"): a
    // capital at a sentence's start says nothing, and FA-KES has lost many sentence ends
    // ("... 2016 Meanwhile regime forces", "2016 The regime declares").
    let raw = cx.tokens.key(p);
    let key = crate::text::keys::strip_possessive(raw);
    let article = p > 0 && matches!(cx.tokens.key(p - 1), "the" | "a" | "an");
    if !(article || key.len() < raw.len())
        || crate::actors::CALENDAR.contains(&key)
        || key.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    let named = cx
        .mentions
        .iter()
        .any(|m| m.first as usize <= p && p <= m.last as usize);
    let placed = g.is_place_word(key)
        || places.iter().any(|&(b, _)| {
            b <= prev.span.start
                && prev.span.end - b <= 40
                && !cx.text[b..prev.span.end].contains(['.', ',', ';', ':'])
        });
    !named && !placed
}

/// How a name stands to a partner's word ("ally", "backer") from the words between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Partner {
    /// The name is the partner: "Iran, the regime's main backer", "Russia is Assad's closest
    /// ally", "Assad's main backer, Russia".
    Is,
    /// The name is whose partner it is: "Russia's main ally", "an ally of Russia", "Nusra and
    /// its allies".
    Of,
}

/// Words of a noun phrase between a name and the partner's word: at most `max`, letters,
/// digits, hyphens and apostrophes only (no clause boundary, no list).
fn phrase_words(words: &[&str], max: usize) -> bool {
    words.len() <= max
        && words.iter().all(|w| {
            !matches!(
                w.to_ascii_lowercase().as_str(),
                "and" | "or" | "but" | "that" | "which" | "who"
            ) && w
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}'))
        })
}

/// The relation of a name ending right before `gap` to the partner's word after it.
fn partner_before(gap: &str) -> Option<Partner> {
    // "Russia's main Middle East ally".
    for p in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(rest) = gap.strip_prefix(p) {
            let words: Vec<&str> = rest.split_whitespace().collect();
            let ends_word = rest.is_empty() || rest.starts_with(char::is_whitespace);
            return (ends_word && phrase_words(&words, 4)).then_some(Partner::Of);
        }
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    // "Nusra and its allies", "Washington and its Gulf allies".
    if let ["and", "its" | "their", rest @ ..] = lower.as_slice() {
        return phrase_words(rest, 3).then_some(Partner::Of);
    }
    // "Iran, the Damascus regime's most important regional backer".
    if let Some(after) = gap.trim_start().strip_prefix(',') {
        let rest: Vec<&str> = after.split_whitespace().collect();
        return phrase_words(strip_one_of(&rest), 6).then_some(Partner::Is);
    }
    // "Iran is Syria's closest ally", "Russia has been Assad's strongest backer", "the Syrian
    // leader is one of his few allies" (one lower-case head word before the copula).
    let be = |w: &str| {
        matches!(
            w,
            "is" | "was" | "are" | "were" | "remains" | "remained" | "became"
        )
    };
    let have = |w: &str| matches!(w, "has" | "have" | "had");
    let is_copula = |w: &str| be(w) || have(w);
    let head = usize::from(
        words.len() > 1
            && words[0].chars().all(char::is_lowercase)
            && !is_copula(lower[0])
            && is_copula(lower[1]),
    );
    let copula = match &lower[head..] {
        [w, ..] if be(w) => 1,
        [w, "been", ..] if have(w) => 2,
        _ => return None,
    };
    let rest = strip_one_of(&words[head + copula..]);
    // "... one of his few allies": whose they are was read as a possessive.
    let rest = match rest {
        [his, rest @ ..] if matches!(*his, "his" | "her" | "its" | "their") => rest,
        _ => rest,
    };
    phrase_words(rest, 6).then_some(Partner::Is)
}

/// The words after "one of" or "also" when the phrase opens with them.
fn strip_one_of<'w>(words: &'w [&'w str]) -> &'w [&'w str] {
    let words = match words {
        [also, rest @ ..] if also.eq_ignore_ascii_case("also") => rest,
        _ => words,
    };
    match words {
        [one, of, rest @ ..]
            if one.eq_ignore_ascii_case("one") && of.eq_ignore_ascii_case("of") =>
        {
            rest
        }
        _ => words,
    }
}

/// The states of the mentions listed after mention `i` ("the US, Turkey and Russia", "the Assad
/// regime and Russian air forces"): each joined to the one before by a comma or "and" (", and"),
/// with at most two words of the one before in between.
fn listed_after<'c>(
    cx: &'c Context,
    g: &'c Gazetteer,
    i: usize,
) -> impl Iterator<Item = ActorId> + 'c {
    cx.mentions[i..]
        .windows(2)
        .take_while(|w| {
            let gap = cx.text[w[0].span.end..w[1].span.start].trim();
            let gap = gap.strip_suffix(" the").unwrap_or(gap);
            let words: Vec<&str> = gap.split_whitespace().collect();
            let plain = |h: &[&str]| h.iter().all(|w| w.chars().all(char::is_alphanumeric));
            match words.as_slice() {
                [head @ .., "and" | ","] => head.len() <= 2 && plain(head),
                // "the Assad regime, Russia": the comma on the last word before.
                [head @ .., last] if last.ends_with(',') => head.len() < 2 && plain(head),
                _ => false,
            }
        })
        // An armed group stands for its state here ("by the regime and Russian air forces").
        .filter_map(move |w| state(g, &w[1], false))
}

/// A body or person of no state, as a qualifier: itself ("UN-brokered talks" are the UN's).
fn stateless(g: &Gazetteer, m: &Mention) -> Option<ActorId> {
    (!m.place
        && matches!(
            g.actor(m.actor).kind,
            ActorKind::Person | ActorKind::Organisation
        )
        && g.country(m.actor).is_none())
    .then_some(m.actor)
}

/// Whether the token before `first` is an article ("the regime Russia and Iran" is more often a
/// list that lost its commas than an apposition).
fn after_article(cx: &Context, first: u32) -> bool {
    first > 0 && matches!(cx.tokens.key(first as usize - 1), "the" | "a" | "an")
}

/// Whether a mention was read with its possessive ending ("Assad's").
fn possessive(cx: &Context, m: &Mention) -> bool {
    let t = &cx.text[m.span.start..m.span.end];
    t.ends_with("'s") || t.ends_with("\u{2019}s")
}

/// Step 0 of [`resolve`] for a partner's word on tokens from `first`, bytes `start..end`: a name
/// that is the partner decides ("Iran, the regime's main backer": Iran's; "Assad's backer,
/// Russia"); a possessor that is the referent's state names another ("Russia's main ally",
/// "an ally of Russia": unresolved), and an armed group's partners are that group's ("Nusra and
/// its allies"); any other possessor leaves the use to the later steps.
fn partner(
    cx: &Context,
    g: &Gazetteer,
    want: ActorId,
    first: u32,
    start: usize,
    end: usize,
) -> Option<Resolved> {
    let (from, to) = cx.sentence_at(start).map_or((0, cx.text.len()), |si| {
        (cx.sentences[si].0.start, cx.sentences[si].0.end)
    });
    let decide = |m: &Mention, how: Partner| match (state(g, m, true), how) {
        (Some(s), Partner::Is) if s == want => Some(Resolved::Referent),
        (Some(s), Partner::Is) => Some(Resolved::Other(s)),
        (None, _) => Some(Resolved::Other(m.actor)),
        (Some(s), Partner::Of) if s == want => Some(Resolved::Unresolved),
        (Some(_), Partner::Of) => None,
    };
    let at = cx.mentions.partition_point(|m| m.span.start < start);
    // A name in apposition after it: "Assad's main backer, Russia" ("its ally Russia" and "an
    // ally of Russia" are read in step 1 and here).
    if let Some(m) = cx.mentions[at..]
        .iter()
        .find(|m| !m.place && m.span.start >= end)
        .filter(|m| m.span.end <= to)
    {
        let gap = cx.text[end..m.span.start].trim();
        let how = match gap {
            "," => Some(Partner::Is),
            "" if !after_article(cx, first) => Some(Partner::Is),
            _ if gap.eq_ignore_ascii_case("of") || gap.eq_ignore_ascii_case("of the") => {
                Some(Partner::Of)
            }
            _ => None,
        };
        if let Some(r) = how.and_then(|how| decide(m, how)) {
            return Some(r);
        }
    }
    // The nearest name before it in its sentence that stands to it; a qualifier right before it
    // ("their Russian ally") is read in step 1.
    let before = cx.mentions[..at]
        .iter()
        .rev()
        .filter(|m| !m.place && m.span.end <= start)
        .take_while(|m| m.span.start >= from);
    for m in before {
        let gap = &cx.text[m.span.end..start];
        let how = if possessive(cx, m) {
            // A name read with its possessive ("Assad's"): nothing but the phrase may follow.
            phrase_words(&gap.split_whitespace().collect::<Vec<_>>(), 4).then_some(Partner::Of)
        } else if gap.trim().is_empty() {
            if state(g, m, true).is_some() {
                return None;
            }
            continue;
        } else {
            partner_before(gap)
        };
        match how.map(|how| (how, decide(m, how))) {
            // Whose partner it is, when that is not the referent: a name in apposition further
            // back may still say who ("Iran, the Damascus regime's most important backer").
            Some((Partner::Of, None)) | None => {}
            Some((_, r)) => return r,
        }
    }
    None
}

/// Steps 3 to 5 of [`resolve`] for a use starting at byte `start`: whether the state `want` is in
/// focus there (named in its sentence or the [`WINDOW`] before, else the article's focus), with
/// no qualifier or longer term looked at. A label set's `topic` needs this of every use.
pub fn in_focus(
    cx: &Context,
    g: &Gazetteer,
    want: ActorId,
    places: &[(usize, ActorId)],
    start: usize,
) -> Resolved {
    // 3. The referent's state in this sentence or the WINDOW before it.
    if let Some(si) = cx.sentence_at(start) {
        let from = cx.sentences[si.saturating_sub(WINDOW)].0.start;
        let to = cx.sentences[si].0.end;
        if cx
            .mentions
            .iter()
            .filter(|m| m.span.start >= from && m.span.end <= to)
            .any(|m| state(g, m, false) == Some(want))
            || places
                .iter()
                .any(|&(at, s)| s == want && at >= from && at < to)
        {
            return Resolved::Referent;
        }
    }
    // 4. The article's focus: states by how often they are named, in order of first naming.
    let named: Vec<ActorId> = cx
        .mentions
        .iter()
        .filter_map(|m| state(g, m, false))
        .collect();
    // With no state named at all, the places named stand in (a SANA report on shelling in
    // Aleppo names no state).
    let named = if named.is_empty() {
        places.iter().map(|&(_, s)| s).collect()
    } else {
        named
    };
    let counts = crate::rank::tally_in_order(named);
    let referent = counts.iter().find(|c| c.0 == want).map_or(0, |c| c.1);
    let mut top: Option<(ActorId, u32)> = None;
    for &(s, n) in counts.iter().filter(|c| c.0 != want) {
        if top.is_none_or(|t| n > t.1) {
            top = Some((s, n));
        }
    }
    match top {
        Some((_, n)) if referent > 0 && referent * 2 >= n => Resolved::Referent,
        Some((s, _)) => Resolved::Other(s),
        None if referent > 0 => Resolved::Referent,
        // 5. No state or place named at all: the referent's own state outlet writes about its
        //    own state ("SANA - Terrorist organizations fired shells on the city ..."); from any
        //    other host it stays unresolved.
        None => {
            let home = cx
                .host
                .filter(|&h| g.actor(h).state_media)
                .and_then(|h| g.country(h));
            if home == Some(want) {
                Resolved::Referent
            } else {
                Resolved::Unresolved
            }
        }
    }
}
