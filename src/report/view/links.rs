//! The link registry of the view: display names of voices and actors, and the evidence blocks
//! that table cells and findings point to, each registered once under its anchor, in order of
//! first reference.

use super::{EvidenceBlock, EVIDENCE_SHOWN};
use crate::analysis::aggregate::Evidence;
use crate::report::{Report, ShareRow, StanceRow};
use std::collections::{BTreeMap, BTreeSet};

/// Names for display and the evidence blocks registered so far.
pub(super) struct Links {
    names: BTreeMap<String, String>,
    /// Evidence blocks, in order of first reference.
    pub(super) evidence: Vec<EvidenceBlock>,
    seen: BTreeSet<String>,
}

impl Links {
    /// An empty registry with the display names of `report`.
    pub(super) fn new(report: &Report) -> Links {
        Links {
            names: names(report),
            evidence: Vec::new(),
            seen: BTreeSet::new(),
        }
    }

    /// `Name (id)`, or the id when the name is the id or unknown.
    pub(super) fn name(&self, id: &str) -> String {
        match self.names.get(id) {
            Some(n) if n != id => format!("{n} ({id})"),
            _ => id.to_string(),
        }
    }

    /// The name alone, or the id when unknown.
    pub(super) fn short(&self, id: &str) -> String {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    /// Registers the evidence of a cell; returns its anchor (empty when there is no evidence).
    pub(super) fn link(
        &mut self,
        id: String,
        title: String,
        items: &[Evidence],
        total: u64,
    ) -> String {
        if items.is_empty() {
            return String::new();
        }
        let id = crate::report::escape::id(&id);
        if self.seen.insert(id.clone()) {
            let shown: Vec<Evidence> = items.iter().take(EVIDENCE_SHOWN).cloned().collect();
            let more = total.saturating_sub(shown.len() as u64);
            self.evidence.push(EvidenceBlock {
                id: id.clone(),
                title,
                items: shown,
                more,
            });
        }
        id
    }

    /// Registers the evidence of a label or frame share (`what` names the label set, or
    /// `frame`); returns its anchor.
    pub(super) fn share(&mut self, r: &ShareRow, what: &str) -> String {
        let title = format!(
            "{what}: {} in the voice of {} ({} of {} uses)",
            r.label,
            self.name(&r.voice),
            r.count,
            r.total
        );
        self.link(
            format!("ev-{}-{}-{}-{}", r.scope, r.concept, r.voice, r.label),
            title,
            &r.evidence,
            r.count,
        )
    }

    /// Registers the evidence of a voice's stance toward an actor; returns its anchor.
    pub(super) fn stance(&mut self, r: &StanceRow) -> String {
        let title = format!(
            "Stance of {} toward {}: mean {} [{}, {}], n = {}",
            self.name(&r.voice),
            self.name(&r.actor),
            super::cells::signed(r.mean),
            super::cells::signed(r.ci_low),
            super::cells::signed(r.ci_high),
            r.n
        );
        self.link(
            format!("ev-stance-{}-{}", r.voice, r.actor),
            title,
            &r.evidence,
            r.n,
        )
    }
}

/// The name of a voice or actor for display: the report's name when it has one.
fn names(report: &Report) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for a in &report.actors {
        if !a.name.is_empty() {
            m.insert(a.actor.clone(), a.name.clone());
        }
    }
    for v in &report.voices {
        m.insert(v.voice.clone(), v.name.clone());
    }
    m
}
