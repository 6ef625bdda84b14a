//! Framing lexicons: label sets, frames, stance terms with weights, negators, intensifiers,
//! contrast and distancing markers (format: `docs/lexicon.md`).

use super::{Error, SourceInfo};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use toml::Spanned;

/// The bundled domain lexicon.
pub const GEOPOLITICS: &str = include_str!("../../lexicons/geopolitics.toml");
/// The bundled general sentiment lexicon (VADER, MIT licence).
pub const VADER: &str = include_str!("../../lexicons/vader.toml");
/// The bundled learned weights: VADER's terms and new words fitted to NewsMTSC's training
/// split by `framelens lexicon learn` (docs/lexicon.md, "Learning weights").
pub const LEARNED: &str = include_str!("../../lexicons/learned.toml");

/// A term with where it was written (1-based line and column).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    /// The term as written.
    pub text: String,
    /// Line in the file.
    pub line: usize,
    /// Column in the file.
    pub col: usize,
}

/// One label of a label set.
#[derive(Clone, Debug, Serialize)]
pub struct Label {
    /// Id, unique in its set.
    pub id: String,
    /// Terms that signal the label (case-insensitive except acronyms; `*` ends a prefix).
    pub terms: Vec<Term>,
    /// Free text for lexicon authors; not used by the analysis.
    pub note: Option<String>,
    /// Where the label starts.
    pub line: usize,
}

/// Alternative names for one referent.
#[derive(Clone, Debug, Serialize)]
pub struct LabelSet {
    /// Concept id, unique.
    pub concept: String,
    /// What it is about.
    pub description: Option<String>,
    /// Actor id of the referent.
    pub referent: Option<String>,
    /// Actor id whose state must be in focus for any use of the set to count (the Syrian war's
    /// words in an article about it, not "the opioid crisis"): docs/lexicon.md, "Topics".
    pub topic: Option<String>,
    /// Phrases inside which no label of the set counts.
    pub exclude: Vec<Term>,
    /// Terms of the set's labels that name the referent only in context (a bare "regime"):
    /// they count when the state in focus is the referent's (docs/lexicon.md, "Referents in
    /// context").
    pub in_context: Vec<Term>,
    /// Terms of the set's labels that refer back to a longer label term holding them (a bare
    /// "coalition" is the coalition last named in full): they count for the set when that term
    /// is one of its own (docs/lexicon.md, "Back-references").
    pub back_reference: Vec<Term>,
    /// In-context terms that name a partner of someone ("ally", "backer"): a possessor
    /// ("Russia's ally", "an ally of Russia", "his allies") names the other party, and a name in
    /// apposition ("Iran, the regime's main backer") the one the term names (docs/lexicon.md,
    /// "Partners").
    pub relational: Vec<Term>,
    /// Whether an unlisted capitalised name right before an in-context term names someone else
    /// ("the Maduro regime", "the Modi government"): the use is set aside as unresolved
    /// (docs/lexicon.md, "Referents in context").
    pub unlisted_qualifiers: bool,
    /// Word-context conditions on some of the set's terms ("offensive" as the noun of a
    /// military operation, not "offensive comments"): docs/lexicon.md, "Terms in word context".
    pub context: Vec<TermContext>,
    /// The labels.
    pub labels: Vec<Label>,
    /// Where the set starts.
    pub line: usize,
}

/// Words around a term that a use needs (or must not have) to count for its label set.
#[derive(Clone, Debug, Serialize)]
pub struct TermContext {
    /// The terms it applies to, each written as in a label's `terms`.
    pub terms: Vec<Term>,
    /// One of these words among the [`CONTEXT_WINDOW`] words before the term (same sentence);
    /// empty: no such need.
    pub before: Vec<Term>,
    /// One of these words or phrases right after the term; given with `before`, either one is
    /// enough. Empty: no such need.
    pub after: Vec<Term>,
    /// None of these right before the term.
    pub not_before: Vec<Term>,
    /// None of these words or phrases right after the term.
    pub not_after: Vec<Term>,
    /// None of these words or phrases in the term's sentence or the [`NEAR_SENTENCES`]
    /// sentences before and after it.
    pub not_near: Vec<Term>,
    /// One of these words or phrases in the term's sentence or the [`NEAR_SENTENCES`]
    /// sentences before and after it; empty: no such need.
    pub near: Vec<Term>,
    /// Where the table starts.
    pub line: usize,
}

/// Words before a term in which a `before` word of its [`TermContext`] is looked for.
pub const CONTEXT_WINDOW: usize = 3;

/// Sentences before and after a term's own in which a `near` or `not_near` word of its
/// [`TermContext`] is looked for (measured on FA-KES: `benches/README.md`, geopolitics 1.9.0).
pub const NEAR_SENTENCES: usize = 2;

/// A frame: a perspective signalled by its terms.
#[derive(Clone, Debug, Serialize)]
pub struct Frame {
    /// Id, unique.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the frame means, shown in reports.
    pub description: Option<String>,
    /// Free text for lexicon authors; not used by the analysis.
    pub note: Option<String>,
    /// Terms that signal the frame (case-insensitive except acronyms; `*` ends a prefix).
    pub terms: Vec<Term>,
    /// Where the frame starts.
    pub line: usize,
}

/// A stance term.
#[derive(Clone, Debug, Serialize)]
pub struct StanceEntry {
    /// The term.
    pub term: Term,
    /// Weight, -4..+4.
    pub weight: f64,
    /// An evaluative act whose object is the one judged.
    pub act: bool,
    /// Free text for lexicon authors; not used by the analysis.
    pub note: Option<String>,
}

/// A loaded lexicon (not yet validated: see [`super::check`]).
#[derive(Clone, Debug, Serialize)]
pub struct Lexicon {
    /// Name, version, path and sha256 of the file, recorded in reports.
    pub info: SourceInfo,
    /// The file's text as read (kept so that a report can carry the lexicons that made it).
    #[serde(skip)]
    pub text: String,
    /// Language code of the terms (`en`).
    pub language: String,
    /// Label sets.
    pub label_sets: Vec<LabelSet>,
    /// Frames, in file order.
    pub frames: Vec<Frame>,
    /// Stance terms, in file order.
    pub stance: Vec<StanceEntry>,
    /// Words that negate a stance term up to three tokens after them (`not`, `never`).
    pub negators: Vec<Term>,
    /// Intensifiers (> 0) and diminishers (< 0) with their scalar.
    pub intensifiers: Vec<(Term, f64)>,
    /// Contrast markers.
    pub contrast: Vec<Term>,
    /// Distancing markers.
    pub distancing: Vec<Term>,
    /// Acts of harm (kill, shell, besiege): a stance term they cover judges its agent, and not
    /// its victim (docs/lexicon.md, "Who does what to whom").
    pub harm: Vec<Term>,
    /// Names of wrongdoers (terrorists, militants): an agent that harms them is not blamed for it.
    pub villains: Vec<Term>,
    /// Acts against someone (fight, liberate, repel, "against"): done to wrongdoers they are the
    /// agent's win, and the wrongdoers' names say nothing of the agent.
    pub against: Vec<Term>,
    /// The learned stance layer (`[model]`, [`super::model`]), if the file has one.
    #[serde(skip)]
    pub model: Option<std::sync::Arc<super::model::StanceModel>>,
}

/// `[model]`: a learned three-class stance layer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModel {
    /// What was fitted on what, with the figures.
    #[allow(dead_code)]
    note: Option<String>,
    /// The classes, in the order of every weight triple: must be `[-1, 0, 1]`.
    classes: Spanned<Vec<i8>>,
    intercept: [f64; 3],
    #[serde(default)]
    weights: BTreeMap<Spanned<String>, RawWeight>,
}

/// One feature's weights (unfavourable, neutral, favourable) and its evidence (training items).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeight {
    w: [f64; 3],
    #[allow(dead_code)]
    n: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    meta: RawMeta,
    #[serde(default)]
    label_set: Vec<Spanned<RawLabelSet>>,
    #[serde(default)]
    frame: Vec<Spanned<RawFrame>>,
    #[serde(default)]
    stance: BTreeMap<Spanned<String>, Spanned<RawStance>>,
    negators: Option<RawList>,
    #[serde(default)]
    intensifiers: BTreeMap<Spanned<String>, Spanned<f64>>,
    contrast: Option<RawList>,
    distancing: Option<RawList>,
    harm: Option<RawList>,
    villains: Option<RawList>,
    against: Option<RawList>,
    model: Option<RawModel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    name: String,
    version: String,
    language: String,
    #[allow(dead_code)]
    description: Option<String>,
    #[allow(dead_code)]
    license: Option<String>,
    #[allow(dead_code)]
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabelSet {
    concept: String,
    description: Option<String>,
    referent: Option<String>,
    topic: Option<String>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    in_context: Vec<Spanned<String>>,
    #[serde(default)]
    back_reference: Vec<Spanned<String>>,
    #[serde(default)]
    relational: Vec<Spanned<String>>,
    #[serde(default)]
    unlisted_qualifiers: bool,
    #[serde(default)]
    context: Vec<Spanned<RawContext>>,
    #[serde(default)]
    label: Vec<Spanned<RawLabel>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContext {
    terms: Vec<Spanned<String>>,
    #[serde(default)]
    before: Vec<Spanned<String>>,
    #[serde(default)]
    after: Vec<Spanned<String>>,
    #[serde(default)]
    not_before: Vec<Spanned<String>>,
    #[serde(default)]
    not_after: Vec<Spanned<String>>,
    #[serde(default)]
    not_near: Vec<Spanned<String>>,
    #[serde(default)]
    near: Vec<Spanned<String>>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    id: String,
    #[serde(default)]
    terms: Vec<Spanned<String>>,
    note: Option<String>,
    #[allow(dead_code)]
    example: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrame {
    id: String,
    name: String,
    description: Option<String>,
    #[serde(default)]
    terms: Vec<Spanned<String>>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawStance {
    Weight(f64),
    Entry(RawStanceEntry),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStanceEntry {
    weight: f64,
    #[serde(default)]
    act: bool,
    note: Option<String>,
    #[allow(dead_code)]
    example: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    terms: Vec<Spanned<String>>,
}

impl Lexicon {
    /// Parses a lexicon; structural problems (TOML syntax, unknown keys, wrong types) are
    /// errors with their place. Semantic checks are in [`super::check::check`].
    pub fn parse(text: &str, path: &str) -> Result<Lexicon, Error> {
        let raw: RawFile = toml::from_str(text)
            .map_err(|e| Error::toml(path, text, &e, "docs/lexicon.md (Lexicons)"))?;
        let index = super::LineIndex::new(text);
        let term = |s: &Spanned<String>| {
            let (line, col) = index.line_col(s.span().start);
            // The span of a string value starts at its opening quote.
            Term {
                text: s.get_ref().clone(),
                line,
                col,
            }
        };
        let line = |start: usize| index.line_col(start).0;
        let label_sets = raw
            .label_set
            .iter()
            .map(|s| {
                let r = s.get_ref();
                LabelSet {
                    concept: r.concept.clone(),
                    description: r.description.clone(),
                    referent: r.referent.clone(),
                    topic: r.topic.clone(),
                    exclude: r.exclude.iter().map(term).collect(),
                    in_context: r.in_context.iter().map(term).collect(),
                    back_reference: r.back_reference.iter().map(term).collect(),
                    relational: r.relational.iter().map(term).collect(),
                    unlisted_qualifiers: r.unlisted_qualifiers,
                    context: r
                        .context
                        .iter()
                        .map(|c| TermContext {
                            terms: c.get_ref().terms.iter().map(term).collect(),
                            before: c.get_ref().before.iter().map(term).collect(),
                            after: c.get_ref().after.iter().map(term).collect(),
                            not_before: c.get_ref().not_before.iter().map(term).collect(),
                            not_after: c.get_ref().not_after.iter().map(term).collect(),
                            not_near: c.get_ref().not_near.iter().map(term).collect(),
                            near: c.get_ref().near.iter().map(term).collect(),
                            line: line(c.span().start),
                        })
                        .collect(),
                    labels: r
                        .label
                        .iter()
                        .map(|l| Label {
                            id: l.get_ref().id.clone(),
                            terms: l.get_ref().terms.iter().map(term).collect(),
                            note: l.get_ref().note.clone(),
                            line: line(l.span().start),
                        })
                        .collect(),
                    line: line(s.span().start),
                }
            })
            .collect();
        let frames = raw
            .frame
            .iter()
            .map(|f| Frame {
                id: f.get_ref().id.clone(),
                name: f.get_ref().name.clone(),
                description: f.get_ref().description.clone(),
                note: f.get_ref().note.clone(),
                terms: f.get_ref().terms.iter().map(term).collect(),
                line: line(f.span().start),
            })
            .collect();
        let mut stance: Vec<StanceEntry> = raw
            .stance
            .iter()
            .map(|(k, v)| {
                let (weight, act, note) = match v.get_ref() {
                    RawStance::Weight(w) => (*w, false, None),
                    RawStance::Entry(e) => (e.weight, e.act, e.note.clone()),
                };
                StanceEntry {
                    term: term(k),
                    weight,
                    act,
                    note,
                }
            })
            .collect();
        stance.sort_by_key(|e| (e.term.line, e.term.col));
        let mut intensifiers: Vec<(Term, f64)> = raw
            .intensifiers
            .iter()
            .map(|(k, v)| (term(k), *v.get_ref()))
            .collect();
        intensifiers.sort_by_key(|(t, _)| (t.line, t.col));
        let list = |l: &Option<RawList>| {
            l.as_ref()
                .map(|l| l.terms.iter().map(term).collect())
                .unwrap_or_default()
        };
        let model = match raw.model {
            None => None,
            Some(m) => {
                let at = |span: std::ops::Range<usize>, message: String| {
                    let (line, col) = index.line_col(span.start);
                    Error::At {
                        path: path.to_string(),
                        line,
                        col,
                        message,
                    }
                };
                if m.classes.get_ref() != &[-1, 0, 1] {
                    return Err(at(
                        m.classes.span(),
                        format!(
                            "[model] classes must be [-1, 0, 1] (the order of every weight triple), not {:?}",
                            m.classes.get_ref()
                        ),
                    ));
                }
                let bad = |x: &[f64; 3]| x.iter().any(|v| !v.is_finite());
                if let Some((k, _)) = m.weights.iter().find(|(_, w)| bad(&w.w)) {
                    return Err(at(
                        k.span(),
                        format!(
                            "[model.weights] {:?}: every weight must be a finite number",
                            k.get_ref()
                        ),
                    ));
                }
                Some(std::sync::Arc::new(super::model::StanceModel::new(
                    &raw.meta.name,
                    m.intercept,
                    m.weights.into_iter().map(|(k, w)| (k.into_inner(), w.w)),
                )))
            }
        };
        Ok(Lexicon {
            model,
            info: SourceInfo::new(path, &raw.meta.name, &raw.meta.version, text),
            text: text.to_string(),
            language: raw.meta.language,
            label_sets,
            frames,
            stance,
            negators: list(&raw.negators),
            intensifiers,
            contrast: list(&raw.contrast),
            distancing: list(&raw.distancing),
            harm: list(&raw.harm),
            villains: list(&raw.villains),
            against: list(&raw.against),
        })
    }

    /// Parses and validates; any error-level diagnostic makes it an error.
    pub fn load_checked(text: &str, path: &str) -> Result<Lexicon, Error> {
        let lex = Lexicon::parse(text, path)?;
        if let Some(d) = super::check::check(&lex)
            .into_iter()
            .find(|d| d.severity == super::check::Severity::Error)
        {
            return Err(Error::At {
                path: path.to_string(),
                line: d.line,
                col: d.col,
                message: d.message,
            });
        }
        Ok(lex)
    }

    /// The bundled lexicons without the learned weights: VADER, then the domain lexicon (the
    /// default base of `lexicon learn`, and the comparison of `validate`).
    pub fn bundled_base() -> Vec<Lexicon> {
        vec![
            Lexicon::load_checked(VADER, "bundled:lexicons/vader.toml")
                .expect("bundled VADER lexicon is valid"),
            Lexicon::load_checked(GEOPOLITICS, "bundled:lexicons/geopolitics.toml")
                .expect("bundled geopolitics lexicon is valid"),
        ]
    }

    /// The bundled lexicons: VADER, the domain lexicon (later entries override earlier ones term
    /// by term: the domain terms keep their hand-set weights), then the learned stance layer
    /// fitted over those two (`[model]`, docs/lexicon.md, "The learned stance layer").
    pub fn bundled() -> Vec<Lexicon> {
        static LEARNED_LAYER: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        let mut v = Lexicon::bundled_base();
        v.push(
            LEARNED_LAYER
                .get_or_init(|| {
                    Lexicon::load_checked(LEARNED, "bundled:lexicons/learned.toml")
                        .expect("bundled learned lexicon is valid")
                })
                .clone(),
        );
        v
    }
}

/// Adds user lexicons to a list: one whose `meta.name` equals a loaded one replaces it in
/// place; others are appended (later lexicons override earlier ones term by term).
pub fn add_or_replace(list: &mut Vec<Lexicon>, lex: Lexicon) {
    match list.iter().position(|l| l.info.name == lex.info.name) {
        Some(i) => list[i] = lex,
        None => list.push(lex),
    }
}
