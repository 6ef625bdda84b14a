//! The report: one serde value built from an [`Aggregate`], written as JSON with sorted keys
//! and floats rounded to six decimals, so the same inputs give byte-identical files.

pub mod escape;
pub mod findings;
pub mod folder;
pub mod html;
pub mod markdown;
pub mod tables;
pub mod view;

use crate::analysis::aggregate::{
    sorted, sorted2, Aggregate, Evidence, MeanCell, ShareCell, MICRO, REPLICATES,
};
use crate::analysis::Analyzer;
use crate::compare::{cosine_matrix, keyness, percentile_interval, tf_matrix, KeyTerm, RestIndex};
use crate::corpus::{InputInfo, Skip, SkipKind};
use crate::float::round;
use crate::lexicon::{ActorKind, SourceInfo};
use crate::rank::top_k;
pub use findings::{FindingKind, FindingRow, FindingSide, FindingVoices};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Decimals of every float in report.json (rounded half away from zero, never `-0`, by the
/// crate's one rounding function).
pub const DECIMALS: usize = 6;

/// Cells with fewer observations than this are flagged `low_n`.
pub const LOW_N: u64 = 5;

/// Options recorded in the provenance and used for comparisons.
#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReportOptions {
    /// Voices with fewer word tokens are left out of keyness and similarity.
    pub min_tokens: u64,
    /// Terms per side in keyness tables.
    pub keyness_terms: usize,
    /// Pairs of voices compared directly.
    pub pairs: Vec<(String, String)>,
    /// Terms in similarity vectors.
    pub similarity_terms: usize,
    /// Evidence items per cell.
    pub evidence: usize,
    /// Bootstrap seed.
    pub seed: u64,
    /// Voice groups.
    pub groups: BTreeMap<String, Vec<String>>,
    /// Analysis threads (does not change results).
    #[serde(skip)]
    pub threads: usize,
    /// Other options, as given.
    pub extra: BTreeMap<String, String>,
    /// Cells resting on fewer articles are greyed (`low_n`) and never reach the summary
    /// (`--min-articles`).
    #[serde(default = "default_min_articles")]
    pub min_articles: u64,
    /// Which voices the summary compares (`--findings-voices`).
    #[serde(default)]
    pub findings_voices: FindingVoices,
}

fn default_min_articles() -> u64 {
    findings::MIN_ARTICLES
}

impl Default for ReportOptions {
    /// The defaults of `analyze`.
    fn default() -> Self {
        ReportOptions {
            min_tokens: 100,
            keyness_terms: 20,
            pairs: Vec::new(),
            similarity_terms: 2000,
            evidence: 5,
            seed: 1,
            groups: BTreeMap::new(),
            threads: 1,
            extra: BTreeMap::new(),
            min_articles: findings::MIN_ARTICLES,
            findings_voices: FindingVoices::default(),
        }
    }
}

/// Where the numbers come from.
#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Provenance {
    /// framelens version.
    pub framelens_version: String,
    /// Inputs with their hashes.
    pub inputs: Vec<InputInfo>,
    /// Lexicons, in precedence order.
    pub lexicons: Vec<SourceInfo>,
    /// The actor gazetteer used: name, version, path and sha256.
    pub gazetteer: SourceInfo,
    /// Boilerplate patterns: name and version (and the recurring lines' count and digest).
    pub boilerplate: String,
    /// Endings set aside because their outlet prints them on many of its articles, learned
    /// from the corpus (rule `recurring-ending`), with their counts.
    #[serde(default)]
    pub recurring: Vec<crate::corpus::recurring::RecurringLine>,
    /// The options that shape the numbers (evidence cap, seed, voice groups, threads).
    pub options: ReportOptions,
    /// Bootstrap replicates.
    pub replicates: usize,
}

/// Every record accounted for.
///
/// The first five fields are private: a built report keeps `read = analysed + skipped`,
/// `skipped_by_kind` summing to `skipped` and `skips` the first
/// [`LIST_SAMPLE`](crate::analysis::aggregate::LIST_SAMPLE) of them (one [`Aggregate`] fills
/// them together in [`Report::build`]); read them through the accessors.
#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Accounting {
    read: u64,
    analysed: u64,
    skipped: u64,
    skipped_by_kind: BTreeMap<SkipKind, u64>,
    skips: Vec<Skip>,
    /// Boilerplate lines set aside, by rule.
    pub boilerplate_lines: BTreeMap<String, u64>,
    /// Sentences analysed.
    pub sentences: u64,
    /// Word tokens analysed.
    pub tokens: u64,
    /// Analysed articles whose date could not be read: left out of the timeline.
    #[serde(default)]
    pub unparsed_dates: u64,
    /// Uses of label terms that name their set's referent only in context, set aside because
    /// they were about another state or about none that could be told: concept -> that state's
    /// actor id (or `unresolved`) -> uses.
    #[serde(default)]
    pub labels_set_aside: BTreeMap<String, BTreeMap<String, u64>>,
}

impl Accounting {
    /// Records read: analysed + skipped.
    pub fn read(&self) -> u64 {
        self.read
    }

    /// Articles analysed.
    pub fn analysed(&self) -> u64 {
        self.analysed
    }

    /// Records skipped.
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    /// Skips counted by kind.
    pub fn skipped_by_kind(&self) -> &BTreeMap<SkipKind, u64> {
        &self.skipped_by_kind
    }

    /// The first [`LIST_SAMPLE`](crate::analysis::aggregate::LIST_SAMPLE) skips with source,
    /// line and reason, sorted by source, line and id (`analyze` writes every one to
    /// `skips.jsonl`).
    pub fn skips(&self) -> &[Skip] {
        &self.skips
    }
}

/// What a voice is: the kind of its gazetteer actor, a group of voices (`--group`), an outlet
/// that is not in the gazetteer, or `unknown` (speech that could not be attributed).
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
#[serde(rename_all = "snake_case")]
pub enum VoiceKind {
    /// A state.
    Country,
    /// A person.
    Person,
    /// A government body, international organisation or political group.
    Organisation,
    /// An armed group.
    ArmedGroup,
    /// A news outlet, in the gazetteer or not.
    Outlet,
    /// A group of voices given with `--group`.
    Group,
    /// Speech that could not be attributed.
    Unknown,
    /// Named speakers the gazetteer does not list, counted together (each is listed by name
    /// in `framelens voices`).
    Unlisted,
}

impl VoiceKind {
    /// The name in report.json: `country`, `armed_group`, `group`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            VoiceKind::Country => "country",
            VoiceKind::Person => "person",
            VoiceKind::Organisation => "organisation",
            VoiceKind::ArmedGroup => "armed_group",
            VoiceKind::Outlet => "outlet",
            VoiceKind::Group => "group",
            VoiceKind::Unknown => "unknown",
            VoiceKind::Unlisted => "unlisted",
        }
    }
}

impl From<ActorKind> for VoiceKind {
    fn from(k: ActorKind) -> VoiceKind {
        match k {
            ActorKind::Country => VoiceKind::Country,
            ActorKind::Person => VoiceKind::Person,
            ActorKind::Organisation => VoiceKind::Organisation,
            ActorKind::ArmedGroup => VoiceKind::ArmedGroup,
            ActorKind::Outlet => VoiceKind::Outlet,
        }
    }
}

impl std::fmt::Display for VoiceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// The name of an actor kind as the gazetteer and report.json write it (`armed_group`).
pub fn actor_kind_name(k: ActorKind) -> &'static str {
    VoiceKind::from(k).as_str()
}

/// An actor's kind in report.json: its name, or an empty string for an actor id the gazetteer
/// does not know.
mod kind_or_empty {
    use crate::lexicon::ActorKind;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(k: &Option<ActorKind>, s: S) -> Result<S::Ok, S::Error> {
        match k {
            Some(k) => k.serialize(s),
            None => s.serialize_str(""),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ActorKind>, D::Error> {
        let s = String::deserialize(d)?;
        if s.is_empty() {
            return Ok(None);
        }
        ActorKind::deserialize(serde::de::value::StrDeserializer::<D::Error>::new(&s)).map(Some)
    }
}

/// One row per voice.
#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VoiceRow {
    /// Voice key.
    pub voice: String,
    /// Display name.
    pub name: String,
    /// What the voice is.
    pub kind: VoiceKind,
    /// Articles in which it speaks.
    pub articles: u64,
    /// Articles it hosts.
    pub own_articles: u64,
    /// Own passages.
    pub own_passages: u64,
    /// Passages attributed to it by a host: quoted, or reported in the host's words.
    pub quoted_passages: u64,
    /// Of those, reported speech (`X said (that) ...`): the claim is the voice's, the words
    /// the host's.
    #[serde(default)]
    pub reported_passages: u64,
    /// Word tokens.
    pub tokens: u64,
    /// Hosts quoting it.
    pub quoted_by: BTreeMap<String, u64>,
    /// State media (outlets of the gazetteer).
    pub state_media: bool,
}

/// One row per actor.
#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ActorRow {
    /// Actor id.
    pub actor: String,
    /// Canonical display name from the gazetteer.
    pub name: String,
    /// Kind; none for an id the gazetteer does not know (written as an empty string).
    #[serde(with = "kind_or_empty")]
    #[schemars(with = "String")]
    pub kind: Option<ActorKind>,
    /// Spellings seen.
    pub forms: BTreeMap<String, u64>,
    /// Mentions as an actor (places excluded), all voices.
    pub mentions: u64,
    /// Mentions as a place.
    pub places: u64,
    /// Articles with at least one mention.
    pub articles: u64,
    /// Mentions per voice.
    pub by_voice: BTreeMap<String, u64>,
    /// Mentions found by fuzzy matching.
    pub fuzzy: u64,
}

/// Stance of a voice toward an actor.
#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StanceRow {
    /// Voice key: an outlet, a quoted source's actor id, a group, or `unknown`.
    pub voice: String,
    /// Actor id.
    pub actor: String,
    /// Observations (sentences).
    pub n: u64,
    /// Articles contributing at least one observation.
    pub articles: u64,
    /// Mean score, −1..1.
    pub mean: f64,
    /// Bootstrap 95 % interval.
    pub ci_low: f64,
    /// Bootstrap 95 % interval.
    pub ci_high: f64,
    /// Positive observations.
    pub positive: u64,
    /// Negative observations.
    pub negative: u64,
    /// Fewer than five observations.
    pub low_n: bool,
    /// Capped evidence.
    pub evidence: Vec<Evidence>,
}

/// Whose uses a [`ShareRow`] counts.
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
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// What the voice itself says.
    Voice,
    /// Everything the host outlet prints, quotes included.
    Outlet,
}

impl Scope {
    /// The name in report.json: `voice` or `outlet`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Voice => "voice",
            Scope::Outlet => "outlet",
        }
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// Share of one label in a voice's uses of a label set.
#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ShareRow {
    /// Label set (labels) or `frames`.
    pub concept: String,
    /// Whose uses: the voice's own, or everything its host outlet prints.
    pub scope: Scope,
    /// Voice key: an outlet, a quoted source's actor id, a group, or `unknown`.
    pub voice: String,
    /// Label or frame id.
    pub label: String,
    /// Uses of this label (or frame) in the scope: by the voice, or in its outlet.
    pub count: u64,
    /// Uses of all labels of the set (or all frames) by this voice.
    pub total: u64,
    /// count / total.
    pub share: f64,
    /// Bootstrap 95 % interval.
    pub ci_low: f64,
    /// Bootstrap 95 % interval.
    pub ci_high: f64,
    /// Articles contributing to the voice's total.
    pub articles: u64,
    /// total < 5.
    pub low_n: bool,
    /// Capped evidence.
    pub evidence: Vec<Evidence>,
}

/// Keyness of a voice against the rest or another voice.
#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct KeynessRow {
    /// Voice key whose terms are compared.
    pub voice: String,
    /// `rest` or a voice.
    pub against: String,
    /// Terms leaning to the voice.
    pub top: Vec<KeyTerm>,
    /// Terms leaning away.
    pub bottom: Vec<KeyTerm>,
}

/// A similarity matrix.
#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SimilarityMatrix {
    /// Actor id, or `all`.
    pub actor: String,
    /// Row and column voices.
    pub voices: Vec<String>,
    /// Cosine similarities.
    pub matrix: Vec<Vec<f64>>,
    /// Terms in the vectors.
    pub terms: usize,
}

/// Stance of a voice in one month.
#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TimelineRow {
    /// Voice key: an outlet, a quoted source's actor id, a group, or `unknown`.
    pub voice: String,
    /// `YYYY-MM`.
    pub month: String,
    /// Stance observations (target sentences) in the month.
    pub n: u64,
    /// Mean stance score of the month, −1..1.
    pub mean: f64,
    /// Lower end of the bootstrap 95 % interval of the mean.
    pub ci_low: f64,
    /// Upper end of the bootstrap 95 % interval of the mean.
    pub ci_high: f64,
}

/// Articles per host outlet.
#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OutletRow {
    /// Outlet key.
    pub outlet: String,
    /// Articles analysed.
    pub articles: u64,
    /// Earliest date.
    pub first_date: Option<String>,
    /// Latest date.
    pub last_date: Option<String>,
    /// Bytes of article text analysed (UTF-8, boilerplate included).
    pub bytes: u64,
    /// Articles analysed by language (ISO 639-1 code, or `und` when it could not be told).
    #[serde(default)]
    pub languages: BTreeMap<String, u64>,
}

/// The version of report.json's layout ([`Report::schema_version`]); raised when a field is
/// removed, renamed or changes its meaning (added fields keep it). `docs/report.schema.json` is
/// its JSON Schema.
///
/// 2: `accounting.skips` and `flags` hold the first 200 items (in source, line and id order)
/// instead of all of them; `flagged` counts them all by kind.
pub const SCHEMA_VERSION: u32 = 2;

/// The report.
#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(
    title = "framelens report.json",
    description = "What `framelens analyze` and `framelens report` write to report.json, the single source of the report's HTML, Markdown, charts and tables. Generated from the Rust types by `framelens schema`; `schema_version` says which layout a file has."
)]
pub struct Report {
    /// The layout of this file: [`SCHEMA_VERSION`] when written (0 when read from a report
    /// written before the field existed).
    #[serde(default)]
    pub schema_version: u32,
    /// Version, inputs and lexicons with their sha256, options: what made the numbers.
    pub provenance: Provenance,
    /// Every record read: read = analysed + skipped, with the reasons for each skip.
    pub accounting: Accounting,
    /// Host outlets.
    pub outlets: Vec<OutletRow>,
    /// One row per voice, with its kind and volume.
    pub voices: Vec<VoiceRow>,
    /// One row per actor found, with spellings and mentions per voice.
    pub actors: Vec<ActorRow>,
    /// Label sets: id, description, referent and labels.
    pub concepts: Vec<crate::lexicon::matcher::LabelSetInfo>,
    /// Frames of the merged lexicons: id and display name, in lexicon order.
    pub frame_list: Vec<crate::lexicon::matcher::FrameInfo>,
    /// Stance of each voice toward each actor, with evidence.
    pub stance: Vec<StanceRow>,
    /// Label shares.
    pub labels: Vec<ShareRow>,
    /// Frame shares.
    pub frames: Vec<ShareRow>,
    /// Log-odds keyness of each voice's terms against the rest (or another voice).
    pub keyness: Vec<KeynessRow>,
    /// Cosine similarity of the voices' term vectors, overall and per actor.
    pub similarity: Vec<SimilarityMatrix>,
    /// Stance per month.
    pub timeline: Vec<TimelineRow>,
    /// The first [`LIST_SAMPLE`](crate::analysis::aggregate::LIST_SAMPLE) articles analysed
    /// but flagged as odd (low lexical cohesion), in source, line and id order (`analyze` writes
    /// every one to `flags.jsonl`).
    pub flags: Vec<crate::analysis::aggregate::Flag>,
    /// Flagged articles counted by kind.
    #[serde(default)]
    pub flagged: BTreeMap<crate::analysis::aggregate::FlagKind, u64>,
    /// The summary: differences between voices whose interval excludes zero (see
    /// [`findings`]), ranked.
    #[serde(default)]
    pub findings: Vec<FindingRow>,
}

fn mean_row(c: &MeanCell) -> (f64, f64, f64) {
    let mean = if c.n() > 0 {
        c.sum() as f64 / MICRO / c.n() as f64
    } else {
        0.0
    };
    let reps: Vec<f64> = findings::mean_replicates(c).into_iter().flatten().collect();
    let (lo, hi) = percentile_interval(reps).unwrap_or((mean, mean));
    (
        round(mean, DECIMALS),
        round(lo, DECIMALS),
        round(hi, DECIMALS),
    )
}

/// The interval of a share: the bootstrap percentiles, except where every replicate agrees
/// (every article used the label, or none did). The bootstrap cannot show uncertainty there,
/// so the open end is the rule-of-three bound: with `articles` articles that all agree, a rate
/// beyond 3/`articles` from the observed one is unlikely at 95 %.
fn share_interval(share: f64, reps: Vec<f64>, articles: u64) -> (f64, f64) {
    let (lo, hi) = percentile_interval(reps).unwrap_or((share, share));
    if lo < hi || articles == 0 {
        return (lo, hi);
    }
    let margin = (3.0 / articles as f64).min(1.0);
    if share >= 1.0 {
        ((1.0 - margin).max(0.0), hi)
    } else if share <= 0.0 {
        (lo, margin)
    } else {
        (lo, hi)
    }
}

fn share_rows(
    concept: &str,
    scope: Scope,
    voice: &str,
    cell: &ShareCell,
    names: &[String],
    min_articles: u64,
    out: &mut Vec<ShareRow>,
) {
    let total: u64 = cell.counts().iter().sum();
    for (i, name) in names.iter().enumerate() {
        let count = cell.counts().get(i).copied().unwrap_or(0);
        let share = if total > 0 {
            count as f64 / total as f64
        } else {
            0.0
        };
        let reps: Vec<f64> = findings::share_replicates(cell, i)
            .into_iter()
            .flatten()
            .collect();
        let (lo, hi) = share_interval(share, reps, cell.articles);
        out.push(ShareRow {
            concept: concept.to_string(),
            scope,
            voice: voice.to_string(),
            label: name.clone(),
            count,
            total,
            share: round(share, DECIMALS),
            ci_low: round(lo, DECIMALS),
            ci_high: round(hi, DECIMALS),
            articles: cell.articles,
            low_n: total < LOW_N || cell.articles < min_articles,
            evidence: cell.evidence.get(i).cloned().unwrap_or_default(),
        });
    }
}

impl Report {
    /// The JSON Schema of report.json (`docs/report.schema.json`), pretty-printed.
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(Report);
        serde_json::to_string_pretty(&schema).expect("a schema serialises") + "\n"
    }

    /// Builds the report of a run.
    pub fn build(
        az: &Analyzer,
        agg: &Aggregate,
        inputs: Vec<InputInfo>,
        options: ReportOptions,
    ) -> Report {
        // Inputs are listed by path, so that the order they were given in does not change the
        // report (see "Invariants" in ARCHITECTURE.md).
        let mut inputs = inputs;
        inputs.sort_by(|a, b| (&a.path, &a.sha256).cmp(&(&b.path, &b.sha256)));
        let g = &az.gazetteer;
        let group_names: BTreeMap<&String, ()> = options.groups.keys().map(|k| (k, ())).collect();
        let voices: Vec<VoiceRow> = sorted(&agg.voices)
            .into_iter()
            .map(|(k, v)| {
                let actor = g.id(k).map(|i| g.actor(i));
                VoiceRow {
                    voice: k.clone(),
                    name: actor.map(|a| a.name.clone()).unwrap_or_else(|| k.clone()),
                    kind: if group_names.contains_key(k) {
                        VoiceKind::Group
                    } else {
                        match actor {
                            Some(a) => a.kind.into(),
                            None if k == "unknown" => VoiceKind::Unknown,
                            None if k == crate::analysis::UNLISTED => VoiceKind::Unlisted,
                            None => VoiceKind::Outlet,
                        }
                    },
                    articles: v.articles,
                    own_articles: v.own_articles,
                    own_passages: v.own_passages,
                    quoted_passages: v.quoted_passages,
                    reported_passages: v.reported_passages,
                    tokens: v.tokens,
                    quoted_by: v.quoted_by.clone(),
                    state_media: actor.map(|a| a.state_media).unwrap_or(false),
                }
            })
            .collect();
        let actors = sorted(&agg.actors)
            .into_iter()
            .map(|(k, v)| {
                let a = g.id(k).map(|i| g.actor(i));
                ActorRow {
                    actor: k.clone(),
                    name: a.map(|a| a.name.clone()).unwrap_or_default(),
                    kind: a.map(|a| a.kind),
                    forms: v.forms.clone(),
                    mentions: v.mentions,
                    places: v.places,
                    articles: v.articles,
                    by_voice: v.by_voice.clone(),
                    fuzzy: v.fuzzy,
                }
            })
            .collect();
        let stance: Vec<StanceRow> = sorted2(&agg.stance)
            .into_iter()
            .map(|(voice, actor, c)| {
                let (mean, lo, hi) = mean_row(c);
                StanceRow {
                    voice: voice.clone(),
                    actor: actor.clone(),
                    n: c.n(),
                    articles: c.articles,
                    mean,
                    ci_low: lo,
                    ci_high: hi,
                    positive: c.positive(),
                    negative: c.negative(),
                    low_n: c.n() < LOW_N || c.articles < options.min_articles,
                    evidence: c.evidence.clone(),
                }
            })
            .collect();
        let mut labels = Vec::new();
        for (concept, voice, cell) in sorted2(&agg.labels) {
            if let Some(set) = az.matcher.label_sets.iter().find(|s| &s.concept == concept) {
                share_rows(
                    concept,
                    Scope::Voice,
                    voice,
                    cell,
                    &set.labels,
                    options.min_articles,
                    &mut labels,
                );
            }
        }
        for (concept, outlet, cell) in sorted2(&agg.labels_by_outlet) {
            if let Some(set) = az.matcher.label_sets.iter().find(|s| &s.concept == concept) {
                share_rows(
                    concept,
                    Scope::Outlet,
                    outlet,
                    cell,
                    &set.labels,
                    options.min_articles,
                    &mut labels,
                );
            }
        }
        let frame_names: Vec<String> = az.matcher.frames.iter().map(|f| f.id.clone()).collect();
        let mut frames = Vec::new();
        for (voice, cell) in sorted(&agg.frames) {
            share_rows(
                "frames",
                Scope::Voice,
                voice,
                cell,
                &frame_names,
                options.min_articles,
                &mut frames,
            );
        }
        frames.retain(|r| r.count > 0 || r.total == 0);
        // Keyness and similarity over voices with enough text, by term text. One voice's
        // counts are spelled out at a time (the aggregate holds them over word ids), so that
        // only the counts of all voices together are held as text.
        let big: Vec<&String> = sorted(&agg.voices)
            .into_iter()
            .filter(|(k, v)| {
                v.tokens >= options.min_tokens
                    && !crate::analysis::is_pseudo_voice(k)
                    && agg.terms.has_voice(k)
            })
            .map(|(k, _)| k)
            .collect();
        let mut keyness_rows = Vec::new();
        let mut similarity = Vec::new();
        if big.len() >= 2 {
            let table = agg.terms.table(&big);
            let rest = RestIndex::of_sorted(&table.terms, &table.total);
            // The similarity's columns: the most used terms of these voices (ties by term).
            let columns: Vec<usize> = crate::rank::top_k_by(
                table.terms.iter().enumerate(),
                options.similarity_terms,
                |&(i, _)| table.total[i],
                |(_, t)| *t,
            )
            .into_iter()
            .map(|(i, _)| i)
            .collect();
            let mut m = ndarray::Array2::<f64>::zeros((big.len(), columns.len()));
            for (r, v) in big.iter().enumerate() {
                let row = table.row(&agg.terms, v);
                for (j, &c) in columns.iter().enumerate() {
                    m[[r, j]] = row[c] as f64;
                }
                let ya = row.into_iter().map(|c| c as f64).collect();
                let (top, bottom) = rest.keyness_of(ya, options.keyness_terms, 3);
                keyness_rows.push(KeynessRow {
                    voice: (*v).clone(),
                    against: "rest".into(),
                    top: round_terms(top),
                    bottom: round_terms(bottom),
                });
            }
            similarity.push(SimilarityMatrix {
                actor: "all".into(),
                voices: big.iter().map(|s| (*s).clone()).collect(),
                matrix: matrix_rows(&cosine_matrix(&m)),
                terms: columns.len(),
            });
        }
        for (a, b) in &options.pairs {
            if agg.terms.has_voice(a) && agg.terms.has_voice(b) {
                let (x, y) = (agg.terms.voice_map(a), agg.terms.voice_map(b));
                let (top, bottom) = keyness(&x, &y, options.keyness_terms, 3);
                keyness_rows.push(KeynessRow {
                    voice: a.clone(),
                    against: b.clone(),
                    top: round_terms(top),
                    bottom: round_terms(bottom),
                });
            }
        }
        // Per actor: the ten most mentioned actors, voices with 30+ context words.
        let mentions = agg.actors.iter().map(|(k, v)| (k, v.mentions));
        for (actor, _) in top_k(mentions, 10) {
            let vs: Vec<(&String, crate::compare::Counts)> = agg
                .context
                .of_actor(actor)
                .into_iter()
                .filter(|(v, c)| {
                    !crate::analysis::is_pseudo_voice(v) && c.values().sum::<u64>() >= 30
                })
                .collect();
            if vs.len() >= 2 {
                let rows: Vec<&crate::compare::Counts> = vs.iter().map(|x| &x.1).collect();
                let (m, vocab) = tf_matrix(&rows, options.similarity_terms);
                similarity.push(SimilarityMatrix {
                    actor: actor.clone(),
                    voices: vs.iter().map(|x| x.0.clone()).collect(),
                    matrix: matrix_rows(&cosine_matrix(&m)),
                    terms: vocab.len(),
                });
            }
        }
        let timeline = sorted2(&agg.timeline)
            .into_iter()
            .map(|(voice, month, c)| {
                let (mean, lo, hi) = mean_row(c);
                TimelineRow {
                    voice: voice.clone(),
                    month: month.clone(),
                    n: c.n(),
                    mean,
                    ci_low: lo,
                    ci_high: hi,
                }
            })
            .collect();
        let outlets = sorted(&agg.outlets)
            .into_iter()
            .map(|(k, v)| OutletRow {
                outlet: k.clone(),
                articles: v.articles,
                first_date: v.first_date.clone(),
                last_date: v.last_date.clone(),
                bytes: v.bytes,
                languages: v.languages.clone(),
            })
            .collect();
        let concepts: Vec<(String, Vec<String>)> = az
            .matcher
            .label_sets
            .iter()
            .map(|s| (s.concept.clone(), s.labels.clone()))
            .collect();
        let findings = findings::findings(
            agg,
            &voices,
            &labels,
            &stance,
            &concepts,
            options.min_articles,
            options.findings_voices,
        );
        Report {
            schema_version: SCHEMA_VERSION,
            provenance: Provenance {
                framelens_version: env!("CARGO_PKG_VERSION").to_string(),
                inputs,
                lexicons: az.lexicons.iter().map(|l| l.info.clone()).collect(),
                gazetteer: g.info.clone(),
                boilerplate: az.boilerplate_description(),
                recurring: az.recurring.lines().to_vec(),
                options,
                replicates: REPLICATES,
            },
            accounting: Accounting {
                read: agg.read(),
                analysed: agg.analysed(),
                skipped: agg.skipped(),
                skipped_by_kind: agg.skipped_by_kind().clone(),
                // Sorted by source, line and id: merged shards give the same report in any order.
                skips: agg.skip_sample().to_vec(),
                boilerplate_lines: agg.boilerplate.clone(),
                sentences: agg.sentences,
                tokens: agg.tokens,
                unparsed_dates: agg.unparsed_dates,
                labels_set_aside: agg.labels_set_aside.clone(),
            },
            outlets,
            voices,
            actors,
            concepts: az.matcher.label_sets.clone(),
            frame_list: az.matcher.frames.clone(),
            stance,
            labels,
            frames,
            keyness: keyness_rows,
            similarity,
            timeline,
            flags: agg.flag_sample().to_vec(),
            flagged: agg.flagged_by_kind().clone(),
            findings,
        }
    }

    /// Reads a report written by [`Report::to_json`].
    pub fn from_json(text: &str) -> Result<Report, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The report as JSON: sorted keys, two-space indentation, trailing newline.
    pub fn to_json(&self) -> String {
        let v = serde_json::to_value(self).expect("report serialises");
        let mut s = serde_json::to_string_pretty(&v).expect("report serialises");
        s.push('\n');
        s
    }
}

fn round_terms(v: Vec<KeyTerm>) -> Vec<KeyTerm> {
    v.into_iter()
        .map(|mut t| {
            t.z = round(t.z, DECIMALS);
            t
        })
        .collect()
}

fn matrix_rows(m: &ndarray::Array2<f64>) -> Vec<Vec<f64>> {
    m.rows()
        .into_iter()
        .map(|r| r.iter().map(|x| round(*x, DECIMALS)).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json<T: Serialize>(x: T) -> String {
        serde_json::to_string(&x).unwrap()
    }

    #[test]
    fn kind_names_are_their_serde_names() {
        for k in [
            VoiceKind::Country,
            VoiceKind::Person,
            VoiceKind::Organisation,
            VoiceKind::ArmedGroup,
            VoiceKind::Outlet,
            VoiceKind::Group,
            VoiceKind::Unknown,
            VoiceKind::Unlisted,
        ] {
            assert_eq!(json(k), format!("\"{}\"", k.as_str()));
        }
        for k in [
            ActorKind::Country,
            ActorKind::Person,
            ActorKind::Organisation,
            ActorKind::ArmedGroup,
            ActorKind::Outlet,
        ] {
            assert_eq!(json(k), format!("\"{}\"", actor_kind_name(k)));
        }
        for s in [Scope::Voice, Scope::Outlet] {
            assert_eq!(json(s), format!("\"{s}\""));
        }
    }

    #[test]
    fn typed_kinds_read_back() {
        let row = ActorRow {
            actor: "x".into(),
            name: String::new(),
            kind: None,
            forms: BTreeMap::new(),
            mentions: 0,
            places: 0,
            articles: 0,
            by_voice: BTreeMap::new(),
            fuzzy: 0,
        };
        let text = json(&row);
        assert!(text.contains("\"kind\":\"\""), "{text}");
        let back: ActorRow = serde_json::from_str(&text).unwrap();
        assert_eq!(back.kind, None);
        let text = text.replace("\"kind\":\"\"", "\"kind\":\"armed_group\"");
        let back: ActorRow = serde_json::from_str(&text).unwrap();
        assert_eq!(back.kind, Some(ActorKind::ArmedGroup));
        let mut by_kind = BTreeMap::new();
        by_kind.insert(SkipKind::TooLarge, 2u64);
        by_kind.insert(SkipKind::DuplicateId, 1u64);
        let text = json(&by_kind);
        assert_eq!(text, r#"{"duplicate-id":1,"too-large":2}"#);
        let back: BTreeMap<SkipKind, u64> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, by_kind);
        // Report::to_json goes through a JSON value, whose keys are sorted as strings (as they
        // were when the keys were strings), not in the enum's order.
        by_kind.insert(SkipKind::InvalidJson, 3u64);
        by_kind.insert(SkipKind::EmptyText, 4u64);
        let value = serde_json::to_value(&by_kind).unwrap();
        assert_eq!(
            value.to_string(),
            r#"{"duplicate-id":1,"empty-text":4,"invalid-json":3,"too-large":2}"#
        );
    }
}
