//! The worker of a regression run: each article is analysed once, its lexicon hits found with
//! the baseline's and with the new lexicons, and folded into two aggregates and the
//! explanation.

use super::explain::Explain;
use super::sentences::{compare_article, Observed};
use crate::analysis::aggregate::Aggregate;
use crate::analysis::pipeline::Worker;
use crate::analysis::Analyzer;
use crate::corpus::{Article, Skip};
use crate::framing::Framing;
use crate::lexicon::diff::{DiffEntry, LexiconDiff};
use crate::lexicon::{Matcher, Section};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

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
    pub(super) changed: [Vec<Vec<String>>; 2],
    /// The learned stance layer's changed entries (section `model`): feature name (or
    /// `intercept`) -> description.
    pub(super) model_changed: BTreeMap<String, String>,
    /// Stance is scored the same with both ([`Matcher::same_stance`]): it is scored once.
    pub(super) same_stance: bool,
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
        // A set's word-context conditions of a term (field `context <term>`) are about every
        // label term of the set written the same: (lexicon, concept, identity) -> descriptions.
        let mut context: FxHashMap<(&str, &str, String), Vec<String>> = FxHashMap::default();
        for e in diffs.iter().flat_map(|d| &d.entries).filter(|e| !e.term) {
            if let (Section::LabelSet { concept }, Some(term)) =
                (&e.section, e.item.strip_prefix("context "))
            {
                context
                    .entry((
                        &e.lexicon,
                        concept.as_str(),
                        crate::lexicon::diff::identity(term),
                    ))
                    .or_default()
                    .push(describe(e));
            }
        }
        let per_source = |m: &Matcher| -> Vec<Vec<String>> {
            m.sources
                .iter()
                .map(|src| {
                    let id = crate::lexicon::diff::identity(&src.term);
                    let key = (src.lexicon.as_str(), &src.section, id.clone());
                    let mut out = index.get(&key).cloned().unwrap_or_default();
                    if let Section::Label { concept, .. } = &src.section {
                        if let Some(c) = context.get(&(src.lexicon.as_str(), concept.as_str(), id))
                        {
                            out.extend(c.iter().cloned());
                        }
                    }
                    out
                })
                .collect()
        };
        let changed = [per_source(&old.matcher), per_source(&new.matcher)];
        let model_changed = diffs
            .iter()
            .flat_map(|d| &d.entries)
            .filter(|e| e.section == Section::Model)
            .map(|e| (e.item.clone(), describe(e)))
            .collect();
        Sides {
            old,
            new,
            groups,
            changed,
            model_changed,
            same_stance: old.matcher.same_stance(&new.matcher),
        }
    }
}

/// Folds articles into the old and new aggregates and the explanation.
pub struct RegressWorker<'a> {
    sides: &'a Sides<'a>,
    cache: crate::actors::FuzzyCache,
    /// With the baseline's lexicons.
    pub old: Aggregate,
    /// With the new lexicons: only what depends on them; the rest is `old`'s
    /// ([`Aggregate::share_unlexical`] once the workers are merged).
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
        let mut framing = Framing::of(&an, &s.old.matcher, &s.old.gazetteer);
        self.old.fold_framed(s.old, &an, &framing, s.groups);
        let with_stance = !s.same_stance;
        let before = Observed::of(&an, &framing, s.old, s.groups, with_stance);
        let old_hits = std::mem::replace(&mut an.hits, s.new.matcher.find(&a.text, &an.tokens));
        let framing = if s.same_stance {
            let stance = std::mem::take(&mut framing.stance);
            Framing::with_stance(&an, &s.new.matcher, &s.new.gazetteer, stance)
        } else {
            Framing::of(&an, &s.new.matcher, &s.new.gazetteer)
        };
        self.new.fold_framed_lexical(s.new, &an, &framing, s.groups);
        let after = Observed::of(&an, &framing, s.new, s.groups, with_stance);
        compare_article(&an, &old_hits, &before, &after, s, &mut self.explain);
        Ok(())
    }

    fn skip(&mut self, sk: Skip) {
        self.old.skip(sk.clone());
        self.new.skip(sk);
    }
}

/// An entry as shown in explanations: `lexicon: ~ stance "liberat*": weight=+2.5 -> weight=-2`.
pub fn describe(e: &DiffEntry) -> String {
    format!("{}: {}", e.lexicon, e.describe())
}
