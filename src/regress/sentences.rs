//! The sentence diff of one article: its stance scores and label and frame uses under the
//! baseline's and the new lexicons, compared sentence by sentence; every change is added to
//! the explanation of the cells it moves, with the changed entries that matched in it.

use super::explain::{Explain, MovedSentence};
use super::tolerances::MetricKind;
use super::worker::Sides;
use super::{cell_key, cut, micro};
use crate::analysis::{Analysed, Analyzer};
use crate::framing::Framing;
use crate::lexicon::{Hit, HitKind};
use crate::report::Scope;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// A stance observation's voice, score and the learned layer's features that weighed most.
type StanceSeen = (String, f64, Vec<String>);

/// One article's observations under one set of lexicons, keyed for comparison.
pub(super) struct Observed {
    /// (sentence, mention start, actor id) -> (voice, score, the learned layer's features that
    /// weighed most, if it decided).
    stance: BTreeMap<(usize, usize, String), StanceSeen>,
    /// (concept, sentence) -> (voice, labels used).
    labels: BTreeMap<(String, usize), Vec<(String, String)>>,
    /// sentence -> (voice, frame) uses.
    frames: BTreeMap<usize, Vec<(String, String)>>,
}

/// The counted voice key at byte `pos`.
fn voice_at(
    an: &Analysed,
    az: &Analyzer,
    groups: &FxHashMap<String, String>,
    pos: usize,
) -> String {
    az.grouped_voice_key(an, an.voice_at(pos), groups)
}

impl Observed {
    /// The observations of `f`; its stance ones only `with_stance` (left out when both sides
    /// share them, [`Sides::same_stance`]).
    pub(super) fn of(
        an: &Analysed,
        f: &Framing,
        az: &Analyzer,
        groups: &FxHashMap<String, String>,
        with_stance: bool,
    ) -> Observed {
        let m = &az.matcher;
        let mut stance = BTreeMap::new();
        for o in f.stance.iter().filter(|_| with_stance) {
            stance.insert(
                (
                    o.sentence,
                    o.mention.start,
                    az.gazetteer.actor(o.actor).id.clone(),
                ),
                (
                    voice_at(an, az, groups, o.mention.start),
                    o.score.score,
                    o.score
                        .model
                        .iter()
                        .flat_map(|d| d.features.iter().map(|f| f.0.clone()))
                        .collect(),
                ),
            );
        }
        let mut lab: BTreeMap<(String, usize), Vec<(String, String)>> = BTreeMap::new();
        for u in &f.labels {
            let Some(si) = an.sentence_at(u.span.start) else {
                continue;
            };
            let set = &m.label_sets[u.set as usize];
            // Label choice and frames are the word-chooser's (the host for reported speech),
            // as `Aggregate::fold` counts them.
            lab.entry((set.concept.clone(), si)).or_default().push((
                az.grouped_voice_key(an, u.voice, groups),
                set.labels[u.label as usize].clone(),
            ));
        }
        let mut fr: BTreeMap<usize, Vec<(String, String)>> = BTreeMap::new();
        for u in &f.frames {
            let Some(si) = an.sentence_at(u.span.start) else {
                continue;
            };
            fr.entry(si).or_default().push((
                az.grouped_voice_key(an, u.voice, groups),
                m.frames[u.frame as usize].id.clone(),
            ));
        }
        for v in lab.values_mut().chain(fr.values_mut()) {
            v.sort();
        }
        Observed {
            stance,
            labels: lab,
            frames: fr,
        }
    }
}

/// Which hit kinds can move which cell kind.
fn relevant(kind: HitKind, cell: MetricKind) -> bool {
    match cell {
        MetricKind::Stance => kind.is_stance_input(),
        MetricKind::Label => matches!(kind, HitKind::Label { .. } | HitKind::Exclude { .. }),
        _ => matches!(kind, HitKind::Frame { .. }),
    }
}

/// The changed entries that matched in sentence `si`, under either set of lexicons.
fn entries_in(
    an: &Analysed,
    si: usize,
    cell: MetricKind,
    runs: [&[Hit]; 2],
    s: &Sides,
) -> Vec<String> {
    let (sent, _) = an.sentences[si];
    let (t0, t1) = an.tokens.range(sent);
    let mut out: Vec<String> = Vec::new();
    for (hits, changed) in runs.iter().zip(&s.changed) {
        for h in hits.iter() {
            let (first, last) = (h.first as usize, h.last as usize);
            if first < t0 || last >= t1 || !relevant(h.kind, cell) {
                continue;
            }
            for text in changed.get(h.source as usize).into_iter().flatten() {
                if !out.contains(text) {
                    out.push(text.clone());
                }
            }
        }
    }
    out.sort();
    out
}

/// The changed entries of the learned stance layer behind a moved stance score: those among the
/// features that weighed most in the old or new decision, and the intercepts; when the layer
/// changed and none of them is among those shown, it is named as such.
fn model_entries(s: &Sides, old: &[String], new: &[String]) -> Vec<String> {
    if s.model_changed.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<String> = old
        .iter()
        .chain(new)
        .map(String::as_str)
        .chain(["intercept"])
        .filter_map(|f| s.model_changed.get(f).cloned())
        .collect();
    out.sort();
    out.dedup();
    if out.is_empty() {
        out.push(format!(
            "the learned layer ({} changed feature(s), none among the six that weighed most)",
            s.model_changed.len()
        ));
    }
    out
}

/// A sentence as quoted in explanations: trimmed, at most 601 characters.
fn sentence_text(an: &Analysed, si: usize) -> String {
    let (s, _) = an.sentences[si];
    cut(s.of(&an.article.text).trim(), 601)
}

fn uses(v: &[&str]) -> String {
    if v.is_empty() {
        "-".into()
    } else {
        v.join(", ")
    }
}

/// Calls `f(key, voice, old uses, new uses)` for every key and voice whose uses differ
/// between `before` and `after`, in key order.
fn for_changed<K: Ord>(
    before: &BTreeMap<K, Vec<(String, String)>>,
    after: &BTreeMap<K, Vec<(String, String)>>,
    mut f: impl FnMut(&K, &str, &[&str], &[&str]),
) {
    let mut keys: Vec<&K> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    for k in keys {
        let (a, b) = (before.get(k), after.get(k));
        if a == b {
            continue;
        }
        let (a, b) = (
            a.map(Vec::as_slice).unwrap_or(&[]),
            b.map(Vec::as_slice).unwrap_or(&[]),
        );
        for (v, x, y) in per_voice(a, b) {
            f(k, v, &x, &y);
        }
    }
}

/// Per voice, the uses in `a` and in `b` (sorted lists of (voice, use)), where they differ.
fn per_voice<'x>(
    a: &'x [(String, String)],
    b: &'x [(String, String)],
) -> Vec<(&'x str, Vec<&'x str>, Vec<&'x str>)> {
    let mut voices: Vec<&str> = a.iter().chain(b).map(|x| x.0.as_str()).collect();
    voices.sort_unstable();
    voices.dedup();
    let pick = |l: &'x [(String, String)], v: &str| -> Vec<&'x str> {
        l.iter()
            .filter(|x| x.0 == v)
            .map(|x| x.1.as_str())
            .collect()
    };
    voices
        .into_iter()
        .map(|v| (v, pick(a, v), pick(b, v)))
        .filter(|(_, x, y)| x != y)
        .collect()
}

/// Multiset difference size of two sorted lists.
fn changed_uses(a: &[&str], b: &[&str]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                i += 1;
                n += 1;
            }
            (Some(_), Some(_)) | (None, Some(_)) => {
                j += 1;
                n += 1;
            }
            (Some(_), None) => {
                i += 1;
                n += 1;
            }
            (None, None) => break,
        }
    }
    n
}

/// Compares one article's observations under the old and the new lexicons and adds every
/// changed sentence to the cells it moved, with the changed entries that matched in it.
pub(super) fn compare_article(
    an: &Analysed,
    old_hits: &[Hit],
    before: &Observed,
    after: &Observed,
    s: &Sides,
    ex: &mut Explain,
) {
    let art = an.article;
    let cap = ex.cap;
    let host = s
        .new
        .grouped_voice_key(an, crate::voices::Voice::Own, s.groups);
    let runs = [old_hits, &an.hits[..]];
    // Changed sentences with the changed entries that matched in the cells they moved.
    let mut changed_sentences: Vec<(usize, Vec<String>)> = Vec::new();
    let mut moved = |si: usize,
                     cell: String,
                     kind: MetricKind,
                     voice: &str,
                     old: String,
                     new: String,
                     delta: f64,
                     extra: Vec<String>,
                     ex: &mut Explain| {
        let mut entries = entries_in(an, si, kind, runs, s);
        for e in extra {
            if !entries.contains(&e) {
                entries.push(e);
            }
        }
        let i = match changed_sentences.iter().position(|c| c.0 == si) {
            Some(i) => i,
            None => {
                changed_sentences.push((si, Vec::new()));
                changed_sentences.len() - 1
            }
        };
        let all = &mut changed_sentences[i].1;
        for e in &entries {
            if !all.contains(e) {
                all.push(e.clone());
            }
        }
        let m = MovedSentence {
            article: art.id.clone(),
            outlet: host.clone(),
            source: art.source.clone(),
            line: art.line,
            start: an.sentences[si].0.start as u64,
            text: sentence_text(an, si),
            voice: voice.to_string(),
            old,
            new,
            delta,
            entries,
        };
        ex.cells.entry(cell).or_default().add(m, cap);
    };
    // Stance: the observations are the same in both runs (they follow the mentions); the
    // scores may differ.
    for (k, (voice, old, old_feats)) in &before.stance {
        let (new, new_feats) = after
            .stance
            .get(k)
            .map_or((0.0, &[][..]), |x| (x.1, &x.2[..]));
        if micro(*old) != micro(new) {
            moved(
                k.0,
                cell_key(&["stance", voice, &k.2]),
                MetricKind::Stance,
                voice,
                format!("{old:+.3}"),
                format!("{new:+.3}"),
                new - old,
                model_entries(s, old_feats, new_feats),
                ex,
            );
        }
    }
    // Labels: per label set and sentence, the uses by each voice.
    for_changed(&before.labels, &after.labels, |k, v, x, y| {
        let d = changed_uses(x, y) as f64;
        for (scope, who) in [(Scope::Voice, v), (Scope::Outlet, host.as_str())] {
            let cell = cell_key(&["label", &k.0, scope.as_str(), who]);
            moved(
                k.1,
                cell,
                MetricKind::Label,
                v,
                uses(x),
                uses(y),
                d,
                Vec::new(),
                ex,
            );
        }
    });
    // Frames: per sentence, the frame uses by each voice.
    for_changed(&before.frames, &after.frames, |si, v, x, y| {
        let d = changed_uses(x, y) as f64;
        let cell = cell_key(&["frame", v]);
        moved(
            *si,
            cell,
            MetricKind::Frame,
            v,
            uses(x),
            uses(y),
            d,
            Vec::new(),
            ex,
        );
    });
    if !changed_sentences.is_empty() {
        ex.articles += 1;
        ex.sentences += changed_sentences.len() as u64;
        // Entries per changed sentence, counted once per sentence whatever the cells.
        for (_, all) in changed_sentences {
            for e in all {
                *ex.entries.entry(e).or_default() += 1;
            }
        }
    }
}
