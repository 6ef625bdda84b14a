//! Target-dependent stance: how a sentence judges one actor mention.
//!
//! Rules (tested as tables in `fixtures/cases/stance_rules.toml`):
//!
//! | rule | effect on a stance term's weight |
//! |---|---|
//! | `negation` | a negator up to three tokens before the term, in the same clause: × −0.74 |
//! | `intensifier` / `diminisher` | an intensifier right before the term (one word may stand between): × (1 + scalar) |
//! | `contrast` | a contrast marker in the sentence: terms before it × 0.5, after it × 1.5 |
//! | `distancing` | a distancing marker right before the term: × 0.5; right before the target: adds −1 |
//! | `scare-quotes` | the term inside scare quotes: × −0.5 (ironic use); the target in scare quotes: adds −1 |
//! | `act-object` | an evaluative act (condemn, praise) with the target after it: counts fully |
//! | `passive` | the target before a passive act ("X was condemned"): counts fully |
//! | `act-subject` | the target is the judge (before an active act, or the agent after "by"): the act does not count |
//! | `other-clause` | a non-act term in another clause of the sentence: × 0.5 |
//! | `harm-winner` | an act of harm (`[harm]`) by the target whose object names wrongdoers (`[villains]`: "the army killed 20 terrorists"): × −1; an act against them (`[against]`: "defeated the terrorists") counts favourably, at its weight's size |
//! | `harm-loser` | an act against someone (`[against]`) with the target in its object, by another agent, where the target names wrongdoers ("liberated the town from the terrorists" for the terrorists): counts unfavourably, at its weight's size |
//! | `name` | the term is a word of an actor's name ("Human Rights Watch", "Free Syrian Army"): counts nothing |
//! | `villain-patient` | any term in the object of such an act ("terrorists"): counts nothing toward the target |
//! | `harm-victim` | an act of harm done to the target ("… killed three soldiers"; "X was shelled"), unless the target itself names wrongdoers: counts nothing |
//! | (proximity) | every term: × 1 / (1 + d / 20), d tokens from the target (`distance` noted past 20) |
//!
//! The sum `x` is normalised as `x / sqrt(x² + 15)` (VADER's normalisation) into −1..1; above
//! [`THRESHOLD`] is positive, below −[`THRESHOLD`] negative.

use crate::float::round_signed;
use crate::lexicon::{Hit, HitKind, Matcher};
use crate::span::Span;
use crate::text::Tokens;
use serde::Serialize;

/// Scores within ±THRESHOLD are neutral.
pub const THRESHOLD: f64 = 0.15;
/// A term `d` tokens from the target counts `1 / (1 + d / PROXIMITY)`.
pub const PROXIMITY: f64 = 20.0;
const NEGATION_SCALAR: f64 = -0.74;
const ALPHA: f64 = 15.0;
/// Decimals of scores and contributions (millionths, the precision of the report).
const DECIMALS: usize = 6;
const PRONOUN_OBJECTS: &[&str] = &["its", "it", "his", "him", "her", "their", "them"];
const PASSIVE_AUX: &[&str] = &[
    "was", "were", "is", "are", "been", "being", "be", "get", "got", "gets",
];

/// One term's contribution to a score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contribution {
    /// The term as it appears in the text.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Lexicon weight.
    pub weight: f64,
    /// Weight after the rules.
    pub effective: f64,
    /// Rules that fired.
    pub rules: Vec<&'static str>,
    /// The matcher's stance entry ([`Matcher::stance`]) behind the term; not serialised.
    #[serde(skip)]
    pub entry: u32,
    /// The weight was fitted by `lexicon learn` (named as such in evidence).
    #[serde(skip)]
    pub learned: bool,
}

/// A stance score with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Score {
    /// Normalised score, −1..1.
    pub score: f64,
    /// Raw sum.
    pub raw: f64,
    /// The contributions.
    pub contributions: Vec<Contribution>,
    /// Rules that fired for the target itself, and every rule of every contribution.
    pub rules: Vec<&'static str>,
    /// The learned layer's decision, when a lexicon has one: it sets `score` and the label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<super::model::Decision>,
}

impl Score {
    /// −1, 0 or 1.
    pub fn label(&self) -> i8 {
        if let Some(d) = &self.model {
            return d.class;
        }
        if self.score > THRESHOLD {
            1
        } else if self.score < -THRESHOLD {
            -1
        } else {
            0
        }
    }
}

fn is_boundary(key: &str) -> bool {
    matches!(
        key,
        "," | ";" | ":" | "(" | ")" | "-" | "\"" | "." | "!" | "?"
    )
}

/// Keeps, among overlapping hits of one kind group, the longest (then leftmost).
pub fn longest<'h>(hits: impl Iterator<Item = &'h Hit>) -> Vec<Hit> {
    let mut v: Vec<Hit> = hits.copied().collect();
    // Equal spans: the later entry wins (later lexicons take precedence).
    v.sort_by_key(|h| {
        (
            h.first,
            std::cmp::Reverse(h.last),
            std::cmp::Reverse(h.kind),
        )
    });
    let mut out: Vec<Hit> = Vec::new();
    for h in v {
        if let Some(last) = out.last() {
            if h.first <= last.last {
                if h.last - h.first > last.last - last.first {
                    out.pop();
                } else {
                    continue;
                }
            }
        }
        out.push(h);
    }
    out
}

/// An article's scare-quoted spans, sorted by start, with the furthest end reached so far, so
/// that the spans that can touch one sentence are found by binary search: scoring every
/// sentence of an article stays linear in its size.
#[derive(Clone, Debug, Default)]
pub struct ScareIndex {
    spans: Vec<Span>,
    reach: Vec<usize>,
}

impl ScareIndex {
    /// Indexes scare-quoted spans (in any order).
    pub fn new(spans: &[Span]) -> ScareIndex {
        let mut spans = spans.to_vec();
        spans.sort_unstable_by_key(|s| (s.start, s.end));
        let reach = spans
            .iter()
            .scan(0, |m, q| {
                *m = (*m).max(q.end);
                Some(*m)
            })
            .collect();
        ScareIndex { spans, reach }
    }

    /// The spans that may contain, or end just before, something in bytes `s0..s1`: every span
    /// starting at or before `s1`, from the first one whose reach gets within a byte of `s0`.
    fn near(&self, s0: usize, s1: usize) -> &[Span] {
        let hi = self.spans.partition_point(|q| q.start <= s1);
        let lo = self.reach[..hi].partition_point(|&r| r + 1 < s0);
        &self.spans[lo..hi]
    }
}

/// The byte spans of the passages of `sentence` that the target at `at` speaks or carries, other
/// than one holding the target: what it says, not what is said of it. A passage is the target's
/// when `actor` (the target's actor, if it is one) is its voice, or when the target stands in the
/// passage's attribution cue: the speaker of an unlisted name ("Hindo told ..."), or the medium
/// or source a claim passes through ("told SANA that ...", "... according to an Observatory
/// toll").
pub fn said_by(
    passages: &[crate::voices::Passage],
    sentence: Span,
    actor: Option<crate::lexicon::ActorId>,
    at: Span,
) -> Vec<Span> {
    let lo = passages.partition_point(|p| p.span.end <= sentence.start);
    passages[lo..]
        .iter()
        .take_while(|p| p.span.start < sentence.end)
        .filter(|p| {
            !p.span.contains(at)
                && (actor.is_some_and(|a| p.voice == crate::voices::Voice::Source(a))
                    || p.cue.is_some_and(|c| c.contains(at)))
        })
        .map(|p| p.span)
        .collect()
}

/// Pronouns that take up the wrongdoers of an earlier win as an act's object.
const THEM: &[&str] = &["them", "their"];

/// Words that end an agent phrase after "by" ("reported by X to Y": Y is not the agent).
const BY_STOPS: &[&str] = &[
    "to", "that", "which", "who", "whom", "whose", "where", "when", "while", "after", "before",
    "because", "since", "as", "if", "than", "on", "at", "with", "for",
];

/// Tokens after an act of harm read as its object ("killed [dozens of terrorists]").
const HARM_OBJECT: usize = 10;

fn push_rule(rules: &mut Vec<&'static str>, r: &'static str) {
    if !rules.contains(&r) {
        rules.push(r);
    }
}

/// Tokens either side of a target that a sentence is read within: longer than any sentence of
/// FA-KES (whose report is the same with or without it), short enough that a run-on page stays
/// linear.
pub const WINDOW: usize = 400;

/// The tokens of sentence `sent` that a target at `target` is judged within ([`WINDOW`]).
pub fn window(sent: (usize, usize), (t0, t1): (usize, usize)) -> (usize, usize) {
    (
        sent.0.max(t0.saturating_sub(WINDOW)),
        sent.1.min(t1 + 1 + WINDOW),
    )
}

/// Scores the target tokens `target` (inclusive range) against the hits of sentence tokens
/// `sent` (half-open), given scare-quoted spans. `hits` must be sorted by first token. `said`
/// are the byte spans of what the target itself says in the sentence (its quoted or reported
/// content, [`said_by`]): their terms are the target's words about others, not a judgement of
/// the target ("The Observatory said 20 civilians were killed").
/// `names` are the article's actor mentions in text order: a term inside one of them is part
/// of a name, not a judgement.
#[allow(clippy::too_many_arguments)]
pub fn score(
    text: &str,
    tokens: &Tokens,
    hits: &[Hit],
    matcher: &Matcher,
    sent: (usize, usize),
    target: (usize, usize),
    scare: &ScareIndex,
    said: &[Span],
    names: &[crate::actors::Mention],
) -> Score {
    let (t0, t1) = target;
    // A run-on sentence (a scraped page without full stops) is judged within `WINDOW` tokens
    // either side of the target: its hits are read once per target, and without a bound a
    // sentence of n tokens and n mentions costs n^2 (benches/worst_case.rs).
    let (a, b) = window(sent, target);
    // `hits` are sorted by first token (`Matcher::find`): the sentence's hits are one slice,
    // found by binary search, so scoring every sentence of an article is linear in its size.
    let lo = hits.partition_point(|h| (h.first as usize) < a);
    let hi = lo + hits[lo..].partition_point(|h| (h.first as usize) < b);
    let in_sent: Vec<&Hit> = hits[lo..hi]
        .iter()
        .filter(|h| (h.last as usize) < b)
        .collect();
    let stance_hits = longest(in_sent.iter().copied().filter(|h| {
        matches!(h.kind, HitKind::Stance { .. })
            && !(h.first as usize >= t0 && h.last as usize <= t1)
    }));
    let of_kind =
        |k: HitKind| -> Vec<&Hit> { in_sent.iter().copied().filter(|h| h.kind == k).collect() };
    let negators = of_kind(HitKind::Negator);
    let intens: Vec<&Hit> = in_sent
        .iter()
        .copied()
        .filter(|h| matches!(h.kind, HitKind::Intensifier { .. }))
        .collect();
    let contrast: Option<usize> = in_sent
        .iter()
        .filter(|h| h.kind == HitKind::Contrast)
        .map(|h| h.first as usize)
        .next();
    let distancing = of_kind(HitKind::Distancing);
    let harms = of_kind(HitKind::Harm);
    let villains = of_kind(HitKind::Villain);
    let against = of_kind(HitKind::Against);
    let key = |i: usize| tokens.key(i);
    let is_aux = |i: usize| PASSIVE_AUX.contains(&key(i));
    // A passive auxiliary among the three tokens before token `f`, after the target.
    let aux_before = |f: usize| (f.saturating_sub(3)..f).any(|i| i > t1 && is_aux(i));
    // Punctuation that separates clauses; a hyphen only when spaced ("al-Nusra" is one name).
    let is_break = |i: usize| {
        !tokens.tokens[i].word
            && is_boundary(key(i))
            && (key(i) != "-" || tokens.tokens[i].space_before)
    };
    let boundary_between = |x: usize, y: usize| (x.min(y)..x.max(y)).any(is_break);
    // The target is the agent after "by" of something ending at token `l`: the last "by" after
    // `l` leads to the target with no clause boundary or word that opens another phrase between
    // ("... started by Turkish-backed groups on August 24 to secure the north from ... the YPG"
    // does not make the YPG an agent; "backed by Russia and by fighters from Iran and the
    // Lebanese Hezbollah" makes Hezbollah one).
    let by_between = |l: usize| {
        (l + 1..t0)
            .rev()
            .find(|&i| key(i) == "by")
            .is_some_and(|i| {
                !boundary_between(i, t0) && !(i + 1..t0).any(|k| BY_STOPS.contains(&key(k)))
            })
    };
    let scare = scare.near(
        tokens.tokens.get(a).map_or(0, |t| t.span.start),
        tokens.tokens[..b].last().map_or(0, |t| t.span.end),
    );
    let in_scare = |s: Span| scare.iter().any(|q| q.contains(s));
    let mut out = Score {
        score: 0.0,
        raw: 0.0,
        contributions: Vec::new(),
        rules: Vec::new(),
        model: None,
    };
    let target_span = Span::new(tokens.tokens[t0].span.start, tokens.tokens[t1].span.end);
    // Rules on the target itself.
    let mut target_adjust = 0.0;
    if distancing.iter().any(|d| {
        (d.last as usize) < t0
            && t0 - d.last as usize <= 6
            && !boundary_between(d.last as usize, t0)
    }) {
        target_adjust -= 1.0;
        out.rules.push("distancing");
    }
    // Where the target is the subject of an act ("Iran condemned …"), what follows the act is
    // the judged content, not a judgement of the target.
    let judge_from: Option<usize> = stance_hits
        .iter()
        .filter(
            |h| matches!(h.kind, HitKind::Stance { entry } if matcher.stance[entry as usize].act),
        )
        .filter(|h| t1 < h.first as usize && !aux_before(h.first as usize))
        .filter(|h| {
            !contrast
                .map(|c| t1 < c && c < h.first as usize)
                .unwrap_or(false)
        })
        .map(|h| h.first as usize)
        .next();
    // The target's side of a contrast marker, and whether it is the sentence's subject.
    let subject = (a..t0).filter(|&i| tokens.tokens[i].word).count() <= 2;
    if in_scare(target_span)
        || scare.iter().any(|q| {
            q.contains(Span::new(
                target_span.start.saturating_sub(1),
                target_span.end,
            )) || (q.end <= target_span.start && target_span.start - q.end <= 1)
        })
    {
        target_adjust -= 1.0;
        out.rules.push("scare-quotes");
    }
    // Is the target the agent of a passive act ("… was condemned by Iran")? Then it judges.
    let passive_agent = stance_hits.iter().any(|h| {
        matches!(h.kind, HitKind::Stance { entry } if matcher.stance[entry as usize].act)
            && (h.last as usize) < t0
            && (h.last as usize + 1..t0).any(|i| key(i) == "by")
            && ((h.first as usize).saturating_sub(3)..h.first as usize).any(is_aux)
    });
    // Who does what to whom: a stance term that is an act of harm judges its agent. Where the
    // target is the agent and the act's object names wrongdoers ("The army killed 20
    // terrorists"), the act is the target's win and its object says nothing of the target;
    // where the target is the object ("… killed three soldiers"), the act is not its fault.
    let is_harm = |h: &Hit| harms.iter().any(|x| x.first <= h.last && h.first <= x.last);
    let target_villain = villains
        .iter()
        .any(|v| v.first as usize >= t0 && v.last as usize <= t1);
    // "… was shelled", not the progressive "… were attacking".
    let passive_before = |f: usize, l: usize| !key(l).ends_with("ing") && aux_before(f);
    // The object of an act ending at token `l`: up to the next clause boundary, at most
    // HARM_OBJECT tokens, and never past the target when it comes after.
    let object_cap = |l: usize| b.min(l + 1 + HARM_OBJECT);
    let object_end = |l: usize| {
        let cap = object_cap(l);
        let end = (l + 1..cap).find(|&i| is_break(i)).unwrap_or(cap);
        if t0 > l {
            end.min(t0)
        } else {
            end
        }
    };
    // The target is in the object of the act ending at `l` ("killed [three Syrian soldiers]"):
    // within HARM_OBJECT tokens after it (FA-KES has lost most of its commas, so a clause
    // boundary is not required).
    let object_reaches = |l: usize| t0 < object_cap(l);
    // The acts the target wins: (the act's tokens, its object's tokens), for each act of harm
    // or against someone ([against]: "liberated ... from", "advanced against") that the target
    // does to wrongdoers.
    let mut wins: Vec<((usize, usize), (usize, usize))> = Vec::new();
    // In the order of the text, so that a later act on "them" follows a win over wrongdoers. A
    // side that names wrongdoers wins nothing over other wrongdoers.
    let mut acts: Vec<&Hit> = if target_villain {
        Vec::new()
    } else {
        harms.iter().chain(&against).copied().collect()
    };
    acts.sort_by_key(|h| (h.first, h.last));
    for h in acts {
        let (f, l) = (h.first as usize, h.last as usize);
        let agent = (t1 < f && !passive_before(f, l)) || (t0 > l && by_between(l));
        if !agent {
            continue;
        }
        let end = object_end(l);
        // The object's words that say nothing of the agent: up to the last wrongdoers' name in
        // it ("killed [dozens of terrorists]", not what follows in a run-on clause).
        // A name that only qualifies something else ("an ISIL-held village") is not the object.
        let last = villains
            .iter()
            .filter(|v| (v.first as usize) > l && (v.first as usize) < end)
            .filter(|v| {
                let n = v.last as usize + 1;
                !(n < tokens.tokens.len() && key(n) == "-" && !tokens.tokens[n].space_before)
            })
            .map(|v| v.last as usize + 1)
            .max()
            // After a win, the wrongdoers again as a pronoun ("... killing scores of them and
            // destroying their arms").
            .or_else(|| {
                (l + 1..end.min(l + 4))
                    .find(|&i| !wins.is_empty() && THEM.contains(&key(i)))
                    .map(|i| i + 1)
            });
        if let Some(last) = last {
            wins.push(((f, l), (l + 1, last)));
            continue;
        }
        // In the passive with the target as agent ("... militants were killed by the army"),
        // the wrongdoers are the subject before the act, in its clause.
        if t0 > l && !key(l).ends_with("ing") && (f.saturating_sub(3)..f).any(is_aux) {
            let start = (a.max(f.saturating_sub(HARM_OBJECT))..f)
                .rev()
                .find(|&i| is_break(i))
                .map_or(a.max(f.saturating_sub(HARM_OBJECT)), |i| i + 1);
            let first = villains
                .iter()
                .filter(|v| (v.first as usize) >= start && (v.last as usize) < f)
                .map(|v| v.first as usize)
                .min();
            if let Some(first) = first {
                wins.push(((f, l), (first, f)));
            }
        }
    }
    let won = |f: usize, l: usize| wins.iter().any(|&((a, z), _)| a <= l && f <= z);
    // A stance term covering an act against someone ([against]) whose object holds the target,
    // done by another agent, where the target names wrongdoers: their defeat.
    let against_target = |f: usize, l: usize| {
        target_villain
            && against.iter().any(|x| {
                let (xf, xl) = (x.first as usize, x.last as usize);
                xf <= l && f <= xl && t0 > xl && !by_between(xl) && object_reaches(xl)
            })
    };
    for h in stance_hits {
        let HitKind::Stance { entry } = h.kind else {
            continue;
        };
        // Intensifiers are not judgements themselves ("strongly").
        if intens
            .iter()
            .any(|i| i.first == h.first && i.last == h.last)
        {
            continue;
        }
        let info = &matcher.stance[entry as usize];
        let (f, l) = (h.first as usize, h.last as usize);
        let span = Span::new(tokens.tokens[f].span.start, tokens.tokens[l].span.end);
        // The term as a contribution that a rule set to nothing.
        let zeroed = |rule: &'static str| Contribution {
            text: span.of(text).to_string(),
            span,
            weight: info.weight,
            effective: 0.0,
            rules: vec![rule],
            entry,
            learned: info.learned,
        };
        if said.iter().any(|s| s.contains(span)) {
            out.contributions.push(zeroed("speaker"));
            push_rule(&mut out.rules, "speaker");
            continue;
        }
        // A word of another actor's name ("Human Rights Watch", "Free Syrian Army") is no
        // judgement.
        let lo = names.partition_point(|m| (m.last as usize) < f);
        if names[lo..]
            .iter()
            .take_while(|m| (m.first as usize) <= f)
            .any(|m| l <= m.last as usize)
        {
            out.contributions.push(zeroed("name"));
            push_rule(&mut out.rules, "name");
            continue;
        }
        let mut w = info.weight;
        let mut rules: Vec<&'static str> = Vec::new();
        if !info.act {
            if wins.iter().any(|&(_, (a0, a1))| a0 <= f && f < a1) {
                out.contributions.push(zeroed("villain-patient"));
                push_rule(&mut out.rules, "villain-patient");
                continue;
            }
            if won(f, l) {
                // A win is favourable: an act of harm on wrongdoers counts reversed, an act
                // against them ("defeated") for the agent whatever its sign.
                w = if is_harm(&h) { -w } else { w.abs() };
                rules.push("harm-winner");
            } else if against_target(f, l) {
                // The target is what the act is against ("liberated Aleppo from [Takfiri
                // terrorists]"): a defeat, unfavourable whatever the term's sign.
                w = -w.abs();
                rules.push("harm-loser");
            } else if is_harm(&h)
                && !target_villain
                && ((t0 > l && !by_between(l) && object_reaches(l))
                    || (t1 < f && passive_before(f, l) && !boundary_between(t1, f)))
            {
                out.contributions.push(zeroed("harm-victim"));
                push_rule(&mut out.rules, "harm-victim");
                continue;
            }
        }
        if !info.act && (passive_agent || judge_from.is_some_and(|j| f > j)) {
            out.contributions.push(zeroed("act-subject"));
            continue;
        }
        // Act direction.
        if info.act {
            if t0 > l {
                // Target after the act: the object, unless it is the agent of a passive.
                // A passive with its auxiliary, or a participle right before "by" ("the
                // government supported by Russia"): the target after "by" is the judge.
                let by = by_between(l)
                    && ((f.saturating_sub(2)..f).any(is_aux)
                        || (key(l).ends_with("ed") && l + 1 < t0 && key(l + 1) == "by"));
                if by {
                    rules.push("act-subject");
                    w = 0.0;
                } else {
                    rules.push("act-object");
                }
            } else if t1 < f {
                let passive = aux_before(f);
                // "X …; however, he criticized its …": a new clause's act reaches back to X.
                let across_contrast = contrast.map(|c| t1 < c && c < f).unwrap_or(false)
                    && (l + 1..(l + 4).min(b)).any(|i| PRONOUN_OBJECTS.contains(&key(i)));
                if across_contrast {
                    rules.push("act-object");
                } else if passive {
                    rules.push("passive");
                } else {
                    rules.push("act-subject");
                    w = 0.0;
                }
            }
        } else if boundary_between(f, t0) && !(t0 <= f && f <= t1) {
            w *= 0.5;
            rules.push("other-clause");
        }
        if w != 0.0 {
            if let Some(i) = intens.iter().find(|i| {
                (i.last as usize) < f
                    && f - (i.last as usize) <= 2
                    && !boundary_between(i.last as usize, f)
            }) {
                let HitKind::Intensifier { entry } = i.kind else {
                    unreachable!()
                };
                let s = matcher.intensifiers[entry as usize].1;
                w *= 1.0 + s;
                rules.push(if s >= 0.0 {
                    "intensifier"
                } else {
                    "diminisher"
                });
            }
            if negators.iter().any(|n| {
                (n.last as usize) < f
                    && f - (n.last as usize) <= 3
                    && !boundary_between(n.last as usize, f)
            }) {
                // A negated act ("did not condemn") withholds judgement; a negated quality flips.
                w *= if info.act { 0.0 } else { NEGATION_SCALAR };
                rules.push("negation");
            }
            if let Some(c) = contrast {
                let same_side = (c < f) == (c < t0);
                if c < f {
                    w *= 1.5;
                } else {
                    w *= 0.5;
                }
                // Across the marker, a judgement reaches the target only if it is the subject.
                if !same_side && !info.act && !subject {
                    w = 0.0;
                }
                rules.push("contrast");
            }
            if distancing
                .iter()
                .any(|d| (d.last as usize) < f && f - (d.last as usize) <= 2)
            {
                w *= 0.5;
                rules.push("distancing");
            }
            if in_scare(span) {
                w *= -0.5;
                rules.push("scare-quotes");
            }
        }
        // Proximity: a judgement far from the target is weaker.
        let dist = if f > t1 { f - t1 } else { t0.saturating_sub(l) };
        if dist > 0 {
            w /= 1.0 + dist as f64 / PROXIMITY;
            if dist > PROXIMITY as usize {
                rules.push("distance");
            }
        }
        for r in &rules {
            push_rule(&mut out.rules, r);
        }
        out.raw += w;
        out.contributions.push(Contribution {
            text: span.of(text).to_string(),
            span,
            weight: info.weight,
            effective: round_signed(w, DECIMALS),
            rules,
            entry,
            learned: info.learned,
        });
    }
    out.raw += target_adjust;
    out.score = round_signed(out.raw / (out.raw * out.raw + ALPHA).sqrt(), DECIMALS);
    out.raw = round_signed(out.raw, DECIMALS);
    if let Some(model) = &matcher.model {
        let d = model.decide_with(|f| {
            super::model::visit(tokens, matcher, (a, b), target, &out, f);
        });
        out.score = round_signed(d.p[2] - d.p[0], DECIMALS);
        push_rule(&mut out.rules, "model");
        out.model = Some(d);
    }
    out
}
