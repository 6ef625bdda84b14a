//! Referents in context: whether a label term that names its set's referent only in context (a
//! bare "regime", "government forces") is about that referent where it stands.
//!
//! The state a use is about is decided in this order (docs/lexicon.md, "Referents in context"):
//! 1. a qualifier next to it: a state, or a person or body of one, named right before it
//!    ("Israel's regime", "the Israeli regime", "the US-led coalition") or right after it with
//!    *in* or *of* ("the regime in Damascus", "the government of Iraq") or in apposition after a
//!    word that is no article ("rebel backer Turkey") decides;
//!    A possessive "his" or "her" right before it is the person last named in its sentence or
//!    the one before ("Trump and his allies" is the US's);
//! 2. a longer label term holding the same word, the nearest before it within its sentence and
//!    the [`WINDOW`] before ("the Zionist regime ... the regime"), names its set's referent's
//!    state (the caller finds it: `framing::named_by_terms`);
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

/// Decides what the use on tokens `first..=last` is about; `want` is the country of the set's
/// referent.
pub fn resolve(
    cx: &Context,
    g: &Gazetteer,
    want: ActorId,
    named_before: Option<ActorId>,
    places: &[(usize, ActorId)],
    first: u32,
    last: u32,
) -> Resolved {
    let toks = &cx.tokens.tokens;
    let (start, end) = (
        toks[first as usize].span.start,
        toks[last as usize].span.end,
    );
    // 1. A qualifier next to the use.
    for m in cx.mentions {
        let Some(s) = state(g, m, true) else { continue };
        let next_to = if m.span.end <= start {
            // "Israel's regime", "the Israeli regime", "the US-led anti-terror coalition".
            let gap = cx.text[m.span.end..start].trim();
            matches!(
                gap,
                "" | "'s" | "\u{2019}s" | "'" | "\u{2019}" | "-led" | "\u{2010}led" | "\u{2011}led"
            )
        } else if m.span.start >= end && m.span.start - end <= 16 {
            // Only a short gap can be "in" or "of the" (a longer one is not looked at: every
            // later mention of the article would be). No gap at all is an apposition after a
            // modifier ("rebel backer Turkey", "its allies Russia and Iran"), not after an
            // article, where it is more often a list that lost its commas ("the regime Russia
            // and Iran").
            let gap = cx.text[end..m.span.start].trim();
            ["in", "of", "in the", "of the"]
                .iter()
                .any(|w| gap.eq_ignore_ascii_case(w))
                || (gap.is_empty()
                    && first > 0
                    && !matches!(cx.tokens.key(first as usize - 1), "the" | "a" | "an"))
        } else {
            false
        };
        if next_to {
            return if s == want {
                Resolved::Referent
            } else {
                Resolved::Other(s)
            };
        }
    }
    // 1b. A possessive "his" or "her" before it ("Trump and his allies", "Putin ... one of his
    //     few allies"): the person last named in its sentence or the one before decides.
    if first > 0 && matches!(cx.tokens.key(first as usize - 1), "his" | "her") {
        let from = cx
            .sentence_at(start)
            .map_or(0, |si| cx.sentences[si.saturating_sub(1)].0.start);
        let person = cx.mentions.iter().rev().find(|m| {
            m.span.end <= start
                && m.span.start >= from
                && !m.place
                && g.actor(m.actor).kind == ActorKind::Person
        });
        if let Some(s) = person.and_then(|m| state(g, m, true)) {
            return if s == want {
                Resolved::Referent
            } else {
                Resolved::Other(s)
            };
        }
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
    in_focus(cx, g, want, places, start)
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
