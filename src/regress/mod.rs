//! Regression benches for lexicon changes: what moved, by how much, and why.
//!
//! A run re-reads the baseline's inputs once. Each article is analysed once (layout,
//! sentences, tokens, actors and voices do not depend on lexicons); its lexicon hits are found
//! with the baseline's lexicons and with the new ones, and the article is folded into two
//! aggregates (the old lexicons reproduce the baseline; the new ones make the new report) and
//! into an [`Explain`] collector, which keeps, per report cell, the sentences whose scores or
//! label and frame uses differ and the changed lexicon entries that matched in them. All three
//! merge associatively, so the result does not depend on the thread count.
//!
//! [`compare`] then puts every metric of the baseline report beside the new one (stance per
//! voice and actor, label and frame shares, keyness terms, similarity, accounting) with its
//! delta, whether it leaves the baseline's interval and whether it exceeds its tolerance, and
//! attaches the explanation of its cell.

pub mod render;

use crate::analysis::aggregate::Aggregate;
use crate::analysis::pipeline::Worker;
use crate::analysis::{Analysed, Analyzer};
use crate::corpus::{Article, Skip};
use crate::framing::Framing;
use crate::lexicon::diff::{DiffEntry, LexiconDiff};
use crate::lexicon::Section;
use crate::lexicon::{Hit, HitKind, Matcher};
use crate::report::Report;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Metric kinds, as named in tolerances and output.
pub const KINDS: [&str; 6] = [
    "stance",
    "label",
    "frame",
    "keyness",
    "similarity",
    "accounting",
];

/// How far each kind of metric may move before the bench fails.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Tolerances {
    /// Mean stance (scale −1..1).
    pub stance: f64,
    /// Label share (0..1).
    pub label: f64,
    /// Frame share (0..1).
    pub frame: f64,
    /// Keyness z-score of a top term.
    pub keyness: f64,
    /// Cosine similarity.
    pub similarity: f64,
    /// Record counts (read, analysed, skipped, sentences, tokens).
    pub accounting: f64,
    /// Cells with fewer observations than this (in both runs) are listed but never fail.
    pub min_n: u64,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            stance: 0.05,
            label: 0.05,
            frame: 0.05,
            keyness: 1.0,
            similarity: 0.05,
            accounting: 0.0,
            min_n: 1,
        }
    }
}

impl Tolerances {
    /// The tolerance of a kind.
    pub fn of(&self, kind: &str) -> f64 {
        match kind {
            "stance" => self.stance,
            "label" => self.label,
            "frame" => self.frame,
            "keyness" => self.keyness,
            "similarity" => self.similarity,
            _ => self.accounting,
        }
    }

    /// Sets the tolerance of a kind; false for an unknown kind.
    pub fn set(&mut self, kind: &str, t: f64) -> bool {
        let slot = match kind {
            "stance" => &mut self.stance,
            "label" => &mut self.label,
            "frame" => &mut self.frame,
            "keyness" => &mut self.keyness,
            "similarity" => &mut self.similarity,
            "accounting" => &mut self.accounting,
            _ => return false,
        };
        *slot = t;
        true
    }
}

/// A sentence whose contribution to a cell changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MovedSentence {
    /// Article id.
    pub article: String,
    /// Host outlet.
    pub outlet: String,
    /// Input path.
    pub source: String,
    /// Line in the input.
    pub line: Option<u64>,
    /// Byte offset of the sentence in the article text.
    pub start: u64,
    /// The sentence.
    pub text: String,
    /// Who speaks in it (the cell's voice).
    pub voice: String,
    /// Old score, or the old uses (`regime, regime`); `-` for none.
    pub old: String,
    /// New score or uses.
    pub new: String,
    /// How much it moved: score difference, or number of uses that changed.
    pub delta: f64,
    /// The changed lexicon entries that matched in it.
    pub entries: Vec<String>,
}

/// What changed in one report cell.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CellChange {
    /// Sentences that changed.
    pub sentences: u64,
    /// Changed entries that matched in those sentences, with how many sentences.
    pub entries: BTreeMap<String, u64>,
    /// The sentences that moved most (capped, deterministic order).
    pub top: Vec<MovedSentence>,
}

impl CellChange {
    fn order(a: &MovedSentence, b: &MovedSentence) -> std::cmp::Ordering {
        micro(b.delta.abs())
            .cmp(&micro(a.delta.abs()))
            .then_with(|| a.article.cmp(&b.article))
            .then_with(|| a.start.cmp(&b.start))
    }

    fn add(&mut self, s: MovedSentence, cap: usize) {
        self.sentences += 1;
        for e in &s.entries {
            *self.entries.entry(e.clone()).or_default() += 1;
        }
        self.top.push(s);
        self.top.sort_by(Self::order);
        self.top.truncate(cap);
    }

    fn merge(&mut self, o: CellChange, cap: usize) {
        self.sentences += o.sentences;
        for (k, v) in o.entries {
            *self.entries.entry(k).or_default() += v;
        }
        self.top.extend(o.top);
        self.top.sort_by(Self::order);
        self.top.truncate(cap);
    }
}

/// A value in millionths, the precision of the report: equal here means equal in report.json.
fn micro(x: f64) -> i64 {
    (x * 1e6).round() as i64
}

/// Cell keys: `stance|voice|actor`, `label|concept|scope|voice`, `frame|voice`.
fn cell_key(parts: &[&str]) -> String {
    parts.join("|")
}

/// Changes per cell, from the sentence-level comparison of two runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Explain {
    /// Sentences kept per cell.
    pub cap: usize,
    /// Cells.
    pub cells: BTreeMap<String, CellChange>,
    /// Per changed entry: sentences where it matched and something changed.
    pub entries: BTreeMap<String, u64>,
    /// Sentences with any change.
    pub sentences: u64,
    /// Articles with any change.
    pub articles: u64,
}

impl Explain {
    /// Merges another collector into this one.
    pub fn merge(&mut self, o: Explain) {
        let cap = self.cap;
        for (k, v) in o.cells {
            self.cells.entry(k).or_default().merge(v, cap);
        }
        for (k, v) in o.entries {
            *self.entries.entry(k).or_default() += v;
        }
        self.sentences += o.sentences;
        self.articles += o.articles;
    }
}

/// The lexicon side of a run: analyzers with the baseline's lexicons and with the new ones
/// (same gazetteer and boilerplate rules), and the entries that differ.
pub struct Sides<'a> {
    /// Baseline lexicons.
    pub old: &'a Analyzer,
    /// New lexicons.
    pub new: &'a Analyzer,
    /// Voice -> group.
    pub groups: &'a FxHashMap<String, String>,
    /// Per matcher source of `old` and of `new`: the changed entries about it, described.
    changed: [Vec<Vec<String>>; 2],
}

impl<'a> Sides<'a> {
    /// Pairs two analyzers (same gazetteer and boilerplate rules, different lexicons) with
    /// what changed between their lexicons.
    pub fn new(
        old: &'a Analyzer,
        new: &'a Analyzer,
        diffs: &[LexiconDiff],
        groups: &'a FxHashMap<String, String>,
    ) -> Sides<'a> {
        // Index the term entries once: (lexicon, section, identity) -> descriptions.
        let mut index: FxHashMap<(&str, &Section, String), Vec<String>> = FxHashMap::default();
        for e in diffs.iter().flat_map(|d| &d.entries).filter(|e| e.term) {
            index
                .entry((
                    &e.lexicon,
                    &e.section,
                    crate::lexicon::diff::identity(&e.item),
                ))
                .or_default()
                .push(describe(e));
        }
        let per_source = |m: &Matcher| -> Vec<Vec<String>> {
            m.sources
                .iter()
                .map(|src| {
                    let key = (
                        src.lexicon.as_str(),
                        &src.section,
                        crate::lexicon::diff::identity(&src.term),
                    );
                    index.get(&key).cloned().unwrap_or_default()
                })
                .collect()
        };
        let changed = [per_source(&old.matcher), per_source(&new.matcher)];
        Sides {
            old,
            new,
            groups,
            changed,
        }
    }
}

/// Folds articles into the old and new aggregates and the explanation.
pub struct RegressWorker<'a> {
    sides: &'a Sides<'a>,
    cache: crate::actors::FuzzyCache,
    /// With the baseline's lexicons.
    pub old: Aggregate,
    /// With the new lexicons.
    pub new: Aggregate,
    /// What changed, per cell.
    pub explain: Explain,
}

impl<'a> RegressWorker<'a> {
    /// A worker with empty aggregates.
    pub fn new(sides: &'a Sides<'a>, evidence: usize, seed: u64, top: usize) -> Self {
        RegressWorker {
            sides,
            cache: Default::default(),
            old: Aggregate::new(evidence, seed),
            new: Aggregate::new(evidence, seed),
            explain: Explain {
                cap: top,
                ..Default::default()
            },
        }
    }
}

impl Worker for RegressWorker<'_> {
    fn article(&mut self, a: &Article) -> Result<(), Skip> {
        let s = self.sides;
        let mut an = s.old.analyse(a, &mut self.cache)?;
        let framing = Framing::of(&an, &s.old.matcher, &s.old.gazetteer);
        self.old.fold_framed(s.old, &an, &framing, s.groups);
        let before = Observed::of(&an, &framing, s.old, s.groups);
        let old_hits = std::mem::replace(&mut an.hits, s.new.matcher.find(&a.text, &an.tokens));
        let framing = Framing::of(&an, &s.new.matcher, &s.new.gazetteer);
        self.new.fold_framed(s.new, &an, &framing, s.groups);
        let after = Observed::of(&an, &framing, s.new, s.groups);
        compare_article(&an, &old_hits, &before, &after, s, &mut self.explain);
        Ok(())
    }

    fn skip(&mut self, sk: Skip) {
        self.old.skip(sk.clone());
        self.new.skip(sk);
    }
}

/// One article's observations under one set of lexicons, keyed for comparison.
struct Observed {
    /// (sentence, mention start, actor id) -> (voice, score).
    stance: BTreeMap<(usize, usize, String), (String, f64)>,
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
    az.grouped_voice_key(an.voice_at(pos), &an.host_key, groups)
}

impl Observed {
    fn of(
        an: &Analysed,
        f: &Framing,
        az: &Analyzer,
        groups: &FxHashMap<String, String>,
    ) -> Observed {
        let m = &az.matcher;
        let mut stance = BTreeMap::new();
        for o in &f.stance {
            stance.insert(
                (
                    o.sentence,
                    o.mention.start,
                    az.gazetteer.actor(o.actor).id.clone(),
                ),
                (voice_at(an, az, groups, o.mention.start), o.score.score),
            );
        }
        let mut lab: BTreeMap<(String, usize), Vec<(String, String)>> = BTreeMap::new();
        for u in &f.labels {
            let Some(si) = an.sentence_at(u.span.start) else {
                continue;
            };
            let set = &m.label_sets[u.set as usize];
            lab.entry((set.concept.clone(), si)).or_default().push((
                voice_at(an, az, groups, u.span.start),
                set.labels[u.label as usize].clone(),
            ));
        }
        let mut fr: BTreeMap<usize, Vec<(String, String)>> = BTreeMap::new();
        for u in &f.frames {
            let Some(si) = an.sentence_at(u.span.start) else {
                continue;
            };
            fr.entry(si).or_default().push((
                voice_at(an, az, groups, u.span.start),
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
fn relevant(kind: HitKind, cell: &str) -> bool {
    match cell {
        "stance" => matches!(
            kind,
            HitKind::Stance { .. }
                | HitKind::Negator
                | HitKind::Intensifier { .. }
                | HitKind::Contrast
                | HitKind::Distancing
        ),
        "label" => matches!(kind, HitKind::Label { .. } | HitKind::Exclude { .. }),
        _ => matches!(kind, HitKind::Frame { .. }),
    }
}

/// The changed entries that matched in sentence `si`, under either set of lexicons.
fn entries_in(an: &Analysed, si: usize, cell: &str, runs: [&[Hit]; 2], s: &Sides) -> Vec<String> {
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

/// An entry as shown in explanations: `lexicon: ~ stance "liberat*": weight=+2.5 -> weight=-2`.
pub fn describe(e: &DiffEntry) -> String {
    format!("{}: {}", e.lexicon, e.describe())
}

/// Cuts a string to at most `n` characters, the last an ellipsis when it was longer.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut o: String = s.chars().take(n.saturating_sub(1)).collect();
        o.push('…');
        o
    }
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

fn compare_article(
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
        .grouped_voice_key(crate::voices::Voice::Own, &an.host_key, s.groups);
    let runs = [old_hits, &an.hits[..]];
    // Changed sentences with the changed entries that matched in the cells they moved.
    let mut changed_sentences: Vec<(usize, Vec<String>)> = Vec::new();
    let mut moved = |si: usize,
                     cell: String,
                     kind: &str,
                     voice: &str,
                     old: String,
                     new: String,
                     delta: f64,
                     ex: &mut Explain| {
        let entries = entries_in(an, si, kind, runs, s);
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
    for (k, (voice, old)) in &before.stance {
        let new = after.stance.get(k).map(|x| x.1).unwrap_or(0.0);
        if micro(*old) != micro(new) {
            moved(
                k.0,
                cell_key(&["stance", voice, &k.2]),
                "stance",
                voice,
                format!("{old:+.3}"),
                format!("{new:+.3}"),
                new - old,
                ex,
            );
        }
    }
    // Labels: per label set and sentence, the uses by each voice.
    for_changed(&before.labels, &after.labels, |k, v, x, y| {
        let d = changed_uses(x, y) as f64;
        for (scope, who) in [("voice", v), ("outlet", host.as_str())] {
            let cell = cell_key(&["label", &k.0, scope, who]);
            moved(k.1, cell, "label", v, uses(x), uses(y), d, ex);
        }
    });
    // Frames: per sentence, the frame uses by each voice.
    for_changed(&before.frames, &after.frames, |si, v, x, y| {
        let d = changed_uses(x, y) as f64;
        let cell = cell_key(&["frame", v]);
        moved(*si, cell, "frame", v, uses(x), uses(y), d, ex);
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

/// One metric of the report, old beside new.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// `stance`, `label`, `frame`, `keyness`, `similarity` or `accounting`.
    pub kind: String,
    /// What it measures, e.g. `tass -> syria_gov` or `syrian_state/voice/afp: regime`.
    pub name: String,
    /// Baseline value (none when the cell is new).
    pub old: Option<f64>,
    /// New value (none when the cell is gone).
    pub new: Option<f64>,
    /// new − old (a missing side counts as 0).
    pub delta: f64,
    /// Observations behind the baseline value.
    pub old_n: u64,
    /// Observations behind the new value.
    pub new_n: u64,
    /// The baseline's 95 % interval, if it has one.
    pub interval: Option<(f64, f64)>,
    /// The new value lies outside the baseline's interval.
    pub outside_interval: bool,
    /// |delta| exceeds the tolerance of its kind (and the cell has enough observations).
    pub exceeds: bool,
    /// The metric differs already between the baseline and a re-run with the baseline's own
    /// lexicons (a code, gazetteer or option change, not the lexicon edit).
    pub drift: bool,
    /// Cell key for [`Explain::cells`].
    pub cell: Option<String>,
}

struct Value {
    v: f64,
    n: u64,
    interval: Option<(f64, f64)>,
    cell: Option<String>,
}

/// Every metric of a report, by (kind, name).
fn metrics(r: &Report) -> BTreeMap<(String, String), Value> {
    let mut m = BTreeMap::new();
    for s in &r.stance {
        m.insert(
            ("stance".into(), format!("{} -> {}", s.voice, s.actor)),
            Value {
                v: s.mean,
                n: s.n,
                interval: Some((s.ci_low, s.ci_high)),
                cell: Some(cell_key(&["stance", &s.voice, &s.actor])),
            },
        );
    }
    for s in &r.labels {
        m.insert(
            (
                "label".into(),
                format!("{}/{}/{}: {}", s.concept, s.scope, s.voice, s.label),
            ),
            Value {
                v: s.share,
                n: s.total,
                interval: Some((s.ci_low, s.ci_high)),
                cell: Some(cell_key(&["label", &s.concept, &s.scope, &s.voice])),
            },
        );
    }
    for s in &r.frames {
        m.insert(
            ("frame".into(), format!("{}: {}", s.voice, s.label)),
            Value {
                v: s.share,
                n: s.total,
                interval: Some((s.ci_low, s.ci_high)),
                cell: Some(cell_key(&["frame", &s.voice])),
            },
        );
    }
    for k in &r.keyness {
        for t in k.top.iter().chain(&k.bottom) {
            m.insert(
                (
                    "keyness".into(),
                    format!("{} vs {}: {}", k.voice, k.against, t.term),
                ),
                Value {
                    v: t.z,
                    n: 1,
                    interval: None,
                    cell: None,
                },
            );
        }
    }
    for s in &r.similarity {
        for (i, a) in s.voices.iter().enumerate() {
            for (j, b) in s.voices.iter().enumerate().skip(i + 1) {
                m.insert(
                    ("similarity".into(), format!("{}: {} ~ {}", s.actor, a, b)),
                    Value {
                        v: s.matrix[i][j],
                        n: 1,
                        interval: None,
                        cell: None,
                    },
                );
            }
        }
    }
    let a = &r.accounting;
    for (name, v) in [
        ("read", a.read),
        ("analysed", a.analysed),
        ("skipped", a.skipped),
        ("sentences", a.sentences),
        ("tokens", a.tokens),
    ] {
        m.insert(
            ("accounting".into(), name.into()),
            Value {
                v: v as f64,
                n: 1,
                interval: None,
                cell: None,
            },
        );
    }
    m
}

/// Puts every metric of `base` beside `new`; `rerun` is the report made with the baseline's
/// own lexicons, to tell drift from the lexicon edit. Returns the metrics that moved, by kind
/// and then by size of the move.
pub fn compare(
    base: &Report,
    rerun: &Report,
    new: &Report,
    tol: &Tolerances,
) -> (Vec<Metric>, usize) {
    let a = metrics(base);
    let b = metrics(new);
    let r = metrics(rerun);
    let mut keys: Vec<&(String, String)> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    let compared = keys.len();
    let mut out = Vec::new();
    for k in keys {
        let (x, y) = (a.get(k), b.get(k));
        let (ov, nv) = (x.map(|v| v.v), y.map(|v| v.v));
        // A share row that is missing is a share of 0 (rows are listed where a label or frame
        // is used); any other metric that appears or disappears counts as a move beyond
        // tolerance.
        let share = k.0 == "label" || k.0 == "frame";
        let same = match (ov, nv) {
            (Some(o), Some(n)) => micro(o) == micro(n),
            _ if share => micro(ov.unwrap_or(0.0)) == micro(nv.unwrap_or(0.0)),
            _ => false,
        };
        if same {
            continue;
        }
        let delta = nv.unwrap_or(0.0) - ov.unwrap_or(0.0);
        let (old_n, new_n) = (x.map(|v| v.n).unwrap_or(0), y.map(|v| v.n).unwrap_or(0));
        let interval = x.and_then(|v| v.interval);
        let outside_interval = match (interval, nv) {
            (Some((lo, hi)), Some(n)) => n < lo - 1e-9 || n > hi + 1e-9,
            _ => false,
        };
        let enough = old_n.max(new_n) >= tol.min_n;
        let drift = match (x, r.get(k)) {
            (Some(o), Some(rr)) => micro(o.v) != micro(rr.v),
            (None, None) => false,
            _ => true,
        };
        out.push(Metric {
            kind: k.0.clone(),
            name: k.1.clone(),
            old: ov,
            new: nv,
            delta: crate::report::r6(delta),
            old_n,
            new_n,
            interval,
            outside_interval,
            exceeds: enough
                && (delta.abs() > tol.of(&k.0) + 1e-9
                    || (!share && (ov.is_none() || nv.is_none()))),
            drift,
            cell: x
                .and_then(|v| v.cell.clone())
                .or_else(|| y.and_then(|v| v.cell.clone())),
        });
    }
    let rank = |k: &str| KINDS.iter().position(|x| *x == k).unwrap_or(KINDS.len());
    out.sort_by(|p, q2| {
        rank(&p.kind)
            .cmp(&rank(&q2.kind))
            .then_with(|| micro(q2.delta.abs()).cmp(&micro(p.delta.abs())))
            .then_with(|| p.name.cmp(&q2.name))
    });
    (out, compared)
}

/// How the changed entries acted: sentences where each matched and something changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntryEffect {
    /// The entry (`lexicon: ~ section "term": old -> new`).
    pub entry: String,
    /// Changed sentences in which it matched.
    pub sentences: u64,
}

/// The result of a regression bench.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Regression {
    /// The baseline report.
    pub baseline: String,
    /// Lexicons of the baseline.
    pub old_lexicons: Vec<crate::lexicon::SourceInfo>,
    /// Lexicons of this run.
    pub new_lexicons: Vec<crate::lexicon::SourceInfo>,
    /// Inputs (same hashes as the baseline's).
    pub inputs: Vec<crate::corpus::InputInfo>,
    /// Tolerances applied.
    pub tolerances: Tolerances,
    /// `pass` (every move within tolerance) or `fail`.
    pub verdict: String,
    /// Metrics compared.
    pub compared: usize,
    /// Metrics that moved.
    pub moved: usize,
    /// Moves beyond tolerance.
    pub exceeding: usize,
    /// Moves that leave the baseline's interval.
    pub outside_interval: usize,
    /// Moves already present with the baseline's own lexicons.
    pub drift: usize,
    /// Warnings (gazetteer or version differences).
    pub warnings: Vec<String>,
    /// Lexicon changes, per lexicon.
    pub diffs: Vec<LexiconDiff>,
    /// Changed entries by the sentences they changed.
    pub entries: Vec<EntryEffect>,
    /// Articles with a changed sentence.
    pub articles_changed: u64,
    /// Sentences with a change.
    pub sentences_changed: u64,
    /// The metrics that moved.
    pub metrics: Vec<Metric>,
    /// Explanations of the cells of the moved metrics.
    pub cells: BTreeMap<String, CellChange>,
}

impl Regression {
    /// Assembles the result.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        baseline: String,
        base: &Report,
        rerun: &Report,
        new: &Report,
        tol: Tolerances,
        diffs: Vec<LexiconDiff>,
        explain: Explain,
        mut warnings: Vec<String>,
    ) -> Regression {
        let (metrics, compared) = compare(base, rerun, new, &tol);
        let mut cells = BTreeMap::new();
        for m in &metrics {
            if let Some(c) = &m.cell {
                if let Some(x) = explain.cells.get(c) {
                    cells.insert(c.clone(), x.clone());
                }
            }
        }
        let mut entries: Vec<EntryEffect> = explain
            .entries
            .iter()
            .map(|(k, v)| EntryEffect {
                entry: k.clone(),
                sentences: *v,
            })
            .collect();
        entries.sort_by(|a, b| b.sentences.cmp(&a.sentences).then(a.entry.cmp(&b.entry)));
        let drift = metrics.iter().filter(|m| m.drift).count();
        if drift > 0 {
            warnings.push(format!(
                "{drift} metric(s) already differ when the baseline's own lexicons are re-run: the baseline was made by another framelens version, gazetteer or options; those moves are not due to the lexicon edit (marked `drift`); make a new baseline with `analyze` or `regress --update-baseline`"
            ));
        }
        let exceeding = metrics.iter().filter(|m| m.exceeds).count();
        Regression {
            baseline,
            old_lexicons: rerun.provenance.lexicons.clone(),
            new_lexicons: new.provenance.lexicons.clone(),
            inputs: new.provenance.inputs.clone(),
            tolerances: tol,
            verdict: if exceeding > 0 { "fail" } else { "pass" }.into(),
            compared,
            moved: metrics.len(),
            exceeding,
            outside_interval: metrics.iter().filter(|m| m.outside_interval).count(),
            drift,
            warnings,
            diffs,
            entries,
            articles_changed: explain.articles,
            sentences_changed: explain.sentences,
            metrics,
            cells,
        }
    }

    /// As JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let v = serde_json::to_value(self).expect("regression serialises");
        let mut s = serde_json::to_string_pretty(&v).expect("regression serialises");
        s.push('\n');
        s
    }
}
