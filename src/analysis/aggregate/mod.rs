//! Mergeable aggregates: integer counts and sums folded article by article.
//!
//! Invariants: every field is an integer count or sum (stance scores as micro-units), merged
//! by addition, so `merge` is associative and commutative and the result never depends on
//! batch boundaries or thread count. Bootstrap replicates use per-article Poisson(1) weights
//! drawn from a hash of the article id ([`poisson_weights`]). Evidence is capped per cell and
//! chosen by a hash rank (bottom-k), which is also order-independent.
//!
//! Files: `bootstrap` (per-article weights), `evidence` (bottom-k sentences and their marks),
//! `cells` (mean and share cells), `stats` (per voice, actor, outlet), `map` (string-keyed maps),
//! `fold` (one article into the aggregate, one function per part), `sample` (the capped lists
//! of skips and flags), `terms` (term counts per voice over interned words); `merge` is here.

mod bootstrap;
mod cells;
mod evidence;
mod fold;
mod map;
mod sample;
mod stats;
mod terms;

pub use bootstrap::{poisson_weights, REPLICATES};
pub use cells::{MeanCell, ShareCell};
pub use evidence::{Evidence, Mark, MarkKind};
pub use map::{slot, slot2, sorted, sorted2, Map, Map2};
pub use sample::{Listed, Sample, LIST_SAMPLE};
pub use stats::{ActorStats, OutletStats, VoiceStats};
pub use terms::{ContextCounts, TermCounts, TermTable};

use crate::corpus::{Skip, SkipKind};
use map::merge2;
use serde::{Deserialize, Serialize};
use stats::min_opt;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Stance scores are summed in these units.
pub const MICRO: f64 = 1e6;

/// Why an analysed article is flagged; serialised in kebab case (`low-cohesion`).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    /// Lexical cohesion below [`crate::analysis::COHESION_FLAG_BELOW`]: text stitched from
    /// unrelated stories or machine-spun.
    LowCohesion,
}

impl FlagKind {
    /// The name as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::LowCohesion => "low-cohesion",
        }
    }
}

impl std::fmt::Display for FlagKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An article that was analysed but looks odd (kept in every count, and listed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Flag {
    /// Article id.
    pub article: String,
    /// Host outlet.
    pub outlet: String,
    /// Input path.
    pub source: String,
    /// Line in the input.
    pub line: Option<u64>,
    /// Why the article is flagged.
    pub kind: FlagKind,
    /// The measured value.
    pub value: f64,
    /// In words.
    pub detail: String,
}

/// Everything folded from the articles of a run. Maps are hash maps (no order); every output
/// sorts their keys.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    /// Evidence kept per cell.
    pub cap: usize,
    /// Bootstrap seed.
    pub seed: u64,
    // read = analysed + skipped and skipped = the sum of skipped_by_kind always: only `fold`
    // (an article), `skip` and `merge` change them, together. Read them through the accessors.
    read: u64,
    analysed: u64,
    skipped: u64,
    skipped_by_kind: BTreeMap<SkipKind, u64>,
    /// The first skips in (source, line, id) order; all of them go to [`Aggregate::lists`].
    skips: Sample<Skip>,
    /// Boilerplate lines per rule.
    pub boilerplate: BTreeMap<String, u64>,
    /// Sentences analysed.
    pub sentences: u64,
    /// Word tokens analysed.
    pub tokens: u64,
    /// Analysed articles whose date is given but cannot be read (left out of the timeline).
    pub unparsed_dates: u64,
    /// Per voice.
    #[serde(serialize_with = "map::serialize_sorted")]
    pub voices: Map<VoiceStats>,
    /// Per host outlet.
    #[serde(serialize_with = "map::serialize_sorted")]
    pub outlets: Map<OutletStats>,
    /// Per actor.
    #[serde(serialize_with = "map::serialize_sorted")]
    pub actors: Map<ActorStats>,
    /// Stance: voice -> actor -> cell.
    #[serde(serialize_with = "map::serialize_sorted")]
    pub stance: Map2<MeanCell>,
    /// Stance for the timeline: voice -> month -> cell.
    #[serde(serialize_with = "map::serialize_sorted")]
    pub timeline: Map2<MeanCell>,
    /// Label counts: concept -> voice -> cell.
    #[serde(serialize_with = "map::serialize_sorted")]
    pub labels: Map2<ShareCell>,
    /// Label counts: concept -> host outlet -> cell (everything an outlet prints, quotes included).
    #[serde(serialize_with = "map::serialize_sorted")]
    pub labels_by_outlet: Map2<ShareCell>,
    /// Frame counts per voice.
    #[serde(serialize_with = "map::serialize_sorted")]
    pub frames: Map<ShareCell>,
    /// Unigram and bigram counts per voice.
    pub terms: TermCounts,
    /// Unigram counts around each actor's mentions: voice -> actor -> counts.
    pub context: ContextCounts,
    /// Articles flagged as odd, by kind (an article counts once per kind).
    flagged_by_kind: BTreeMap<FlagKind, u64>,
    /// The first flagged articles in (source, line, id) order.
    flags: Sample<Flag>,
    /// In-context label terms set aside: concept -> the state they were about (an actor id,
    /// or `unresolved`) -> uses.
    pub labels_set_aside: BTreeMap<String, BTreeMap<String, u64>>,
    /// Every skip and flag since the last [`Aggregate::take_lists`], when asked for with
    /// [`Aggregate::keep_lists`]: the complete lists a run streams to files. Never merged or
    /// serialised.
    #[serde(skip)]
    lists: Option<Lists>,
}

/// Skips and flagged articles in the order they were met.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lists {
    /// Skipped records.
    pub skips: Vec<Skip>,
    /// Flagged articles.
    pub flags: Vec<Flag>,
}

impl Lists {
    /// Nothing listed.
    pub fn is_empty(&self) -> bool {
        self.skips.is_empty() && self.flags.is_empty()
    }
}

impl Listed for Skip {
    fn order(&self, o: &Self) -> Ordering {
        (&self.source, self.line, &self.id, &self.reason, self.kind)
            .cmp(&(&o.source, o.line, &o.id, &o.reason, o.kind))
    }
}

impl Listed for Flag {
    fn order(&self, o: &Self) -> Ordering {
        (
            &self.source,
            self.line,
            &self.article,
            self.kind,
            &self.detail,
        )
            .cmp(&(&o.source, o.line, &o.article, o.kind, &o.detail))
            .then(self.value.total_cmp(&o.value))
            .then_with(|| self.outlet.cmp(&o.outlet))
    }
}

/// Words on each side of a mention counted into its context vector.
pub const CONTEXT_WINDOW: usize = 8;

impl Aggregate {
    /// An empty aggregate.
    pub fn new(cap: usize, seed: u64) -> Aggregate {
        Aggregate {
            cap,
            seed,
            ..Default::default()
        }
    }

    /// Records read: always [`Aggregate::analysed`] + [`Aggregate::skipped`].
    pub fn read(&self) -> u64 {
        self.read
    }

    /// Articles analysed (folded in).
    pub fn analysed(&self) -> u64 {
        self.analysed
    }

    /// Records skipped.
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    /// Records skipped, by kind (summing to [`Aggregate::skipped`]).
    pub fn skipped_by_kind(&self) -> &BTreeMap<SkipKind, u64> {
        &self.skipped_by_kind
    }

    /// The first [`LIST_SAMPLE`] skips in (source, line, id) order.
    pub fn skip_sample(&self) -> &[Skip] {
        self.skips.items()
    }

    /// Articles flagged, by kind.
    pub fn flagged_by_kind(&self) -> &BTreeMap<FlagKind, u64> {
        &self.flagged_by_kind
    }

    /// The first [`LIST_SAMPLE`] flagged articles in (source, line, id) order.
    pub fn flag_sample(&self) -> &[Flag] {
        self.flags.items()
    }

    /// Records a skip.
    pub fn skip(&mut self, s: Skip) {
        self.read += 1;
        self.skipped += 1;
        *self.skipped_by_kind.entry(s.kind).or_default() += 1;
        if let Some(l) = &mut self.lists {
            l.skips.push(s.clone());
        }
        self.skips.push(s);
    }

    /// Records a flagged article.
    fn flag(&mut self, f: Flag) {
        *self.flagged_by_kind.entry(f.kind).or_default() += 1;
        if let Some(l) = &mut self.lists {
            l.flags.push(f.clone());
        }
        self.flags.push(f);
    }

    /// From now on, keeps every skip and flag until [`Aggregate::take_lists`].
    pub fn keep_lists(&mut self) {
        self.lists.get_or_insert_with(Lists::default);
    }

    /// The skips and flags met since the last call (nothing unless [`Aggregate::keep_lists`]).
    pub fn take_lists(&mut self) -> Lists {
        self.lists.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// Takes from `o`, which folded the same articles with other lexicons, everything that does
    /// not depend on them (accounting, skips and flags, voices, outlets, actors, terms and
    /// contexts), replacing this aggregate's: the counterpart of
    /// [`Aggregate::fold_framed_lexical`], so that a regression run folds those parts once.
    pub fn share_unlexical(&mut self, o: &Aggregate) {
        self.read = o.read;
        self.analysed = o.analysed;
        self.skipped = o.skipped;
        self.skipped_by_kind = o.skipped_by_kind.clone();
        self.skips = o.skips.clone();
        self.boilerplate = o.boilerplate.clone();
        self.sentences = o.sentences;
        self.tokens = o.tokens;
        self.unparsed_dates = o.unparsed_dates;
        self.voices = o.voices.clone();
        self.outlets = o.outlets.clone();
        self.actors = o.actors.clone();
        self.terms = o.terms.clone();
        self.context = o.context.clone();
        self.flagged_by_kind = o.flagged_by_kind.clone();
        self.flags = o.flags.clone();
    }

    /// Merges another aggregate into this one.
    pub fn merge(&mut self, o: Aggregate) {
        let cap = self.cap;
        self.read += o.read;
        self.analysed += o.analysed;
        self.skipped += o.skipped;
        for (k, v) in o.skipped_by_kind {
            *self.skipped_by_kind.entry(k).or_default() += v;
        }
        self.skips.merge(o.skips);
        for (k, v) in o.flagged_by_kind {
            *self.flagged_by_kind.entry(k).or_default() += v;
        }
        self.flags.merge(o.flags);
        self.sentences += o.sentences;
        self.tokens += o.tokens;
        self.unparsed_dates += o.unparsed_dates;
        for (k, v) in o.boilerplate {
            *self.boilerplate.entry(k).or_default() += v;
        }
        for (c, m) in o.labels_set_aside {
            let into = self.labels_set_aside.entry(c).or_default();
            for (k, v) in m {
                *into.entry(k).or_default() += v;
            }
        }
        for (k, v) in o.voices {
            let s = slot(&mut self.voices, &k);
            s.articles += v.articles;
            s.own_articles += v.own_articles;
            s.own_passages += v.own_passages;
            s.quoted_passages += v.quoted_passages;
            s.reported_passages += v.reported_passages;
            s.tokens += v.tokens;
            for (q, n) in v.quoted_by {
                *s.quoted_by.entry(q).or_default() += n;
            }
        }
        for (k, v) in o.outlets {
            let s = slot(&mut self.outlets, &k);
            s.articles += v.articles;
            s.bytes += v.bytes;
            for (l, n) in v.languages {
                *s.languages.entry(l).or_default() += n;
            }
            s.first_date = min_opt(s.first_date.take(), v.first_date, true);
            s.last_date = min_opt(s.last_date.take(), v.last_date, false);
        }
        for (k, v) in o.actors {
            let s = slot(&mut self.actors, &k);
            s.mentions += v.mentions;
            s.places += v.places;
            s.articles += v.articles;
            s.fuzzy += v.fuzzy;
            for (a, n) in v.by_voice {
                *s.by_voice.entry(a).or_default() += n;
            }
            for (a, n) in v.forms {
                *s.forms.entry(a).or_default() += n;
            }
        }
        merge2(&mut self.stance, o.stance, |a, b| a.merge(b, cap));
        merge2(&mut self.timeline, o.timeline, |a, b| a.merge(b, 0));
        merge2(&mut self.labels, o.labels, |a, b| a.merge(b, cap));
        merge2(&mut self.labels_by_outlet, o.labels_by_outlet, |a, b| {
            a.merge(b, cap)
        });
        for (k, v) in o.frames {
            slot(&mut self.frames, &k).merge(v, cap);
        }
        self.terms.merge(o.terms);
        self.context.merge(o.context);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_kinds_serialise_as_their_names() {
        let json = serde_json::to_string(&FlagKind::LowCohesion).unwrap();
        assert_eq!(json, "\"low-cohesion\"");
        assert_eq!(FlagKind::LowCohesion.to_string(), "low-cohesion");
        assert_eq!(
            serde_json::from_str::<FlagKind>(&json).unwrap(),
            FlagKind::LowCohesion
        );
    }
}
