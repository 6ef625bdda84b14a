//! One multi-pattern matcher (Aho-Corasick) for every term of every loaded lexicon, run over
//! an article's key text once. Never a loop over entries per token.
//!
//! Lexicons are merged in order: a label set or frame with the id of an earlier one replaces it;
//! a stance term (or negator, intensifier, marker) written the same as an earlier one overrides
//! it. Terms are case-insensitive, except all-capital acronyms, which must match in capitals.

use super::framing::Lexicon;
use super::section::Section;
use super::Error;
use crate::text::keys::term_key;
use crate::text::Tokens;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// What a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HitKind {
    /// A label of a label set.
    Label {
        /// Label set index.
        set: u16,
        /// Label index in the set.
        label: u16,
    },
    /// An exclusion phrase of a label set.
    Exclude {
        /// Label set index.
        set: u16,
    },
    /// A frame term.
    Frame {
        /// Frame index.
        frame: u16,
    },
    /// A stance term.
    Stance {
        /// Index into [`Matcher::stance`].
        entry: u32,
    },
    /// A negator.
    Negator,
    /// An intensifier or diminisher.
    Intensifier {
        /// Index into [`Matcher::intensifiers`].
        entry: u32,
    },
    /// A contrast marker.
    Contrast,
    /// A distancing marker.
    Distancing,
    /// An act of harm (`[harm]`).
    Harm,
    /// A name of wrongdoers (`[villains]`).
    Villain,
    /// An act against someone (`[against]`).
    Against,
}

impl HitKind {
    /// Whether stance scoring reads hits of this kind (every kind but labels, their exclusions
    /// and frames).
    pub fn is_stance_input(self) -> bool {
        !matches!(
            self,
            HitKind::Label { .. } | HitKind::Exclude { .. } | HitKind::Frame { .. }
        )
    }
}

/// A match of a term over tokens `first..=last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// What matched.
    pub kind: HitKind,
    /// First token.
    pub first: u32,
    /// Last token (inclusive).
    pub last: u32,
    /// The entry that matched: index into [`Matcher::sources`].
    pub source: u32,
}

/// Where a term of the matcher comes from: the lexicon, the section and the term as written.
/// Sections are named as in `framelens lexicon diff`: `label_set.<concept>.<label>`,
/// `label_set.<concept>.exclude`, `frame.<id>`, `stance`, `intensifiers`, `negators`,
/// `contrast`, `distancing`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TermSource {
    /// `meta.name` of the lexicon.
    pub lexicon: String,
    /// The section the term is written in (`stance`, `frame.<id>`, ...).
    pub section: Section,
    /// The term as written.
    pub term: String,
}

/// A label set after merging.
#[derive(Clone, Debug, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct LabelSetInfo {
    /// Concept id.
    pub concept: String,
    /// Label ids.
    pub labels: Vec<String>,
    /// Referent actor id.
    pub referent: Option<String>,
    /// Actor id whose state must be in focus for a use to count (docs/lexicon.md, "Topics").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// What the label set is about, from the lexicon.
    pub description: Option<String>,
    /// Keys (and wildcard flags) of the terms that name the referent only in context.
    #[serde(skip)]
    pub in_context: Vec<(String, bool)>,
    /// Keys of the terms that refer back to a longer label term holding them.
    #[serde(skip)]
    pub back_reference: Vec<(String, bool)>,
    /// Keys of the in-context terms that name a partner of someone ("ally", "backer").
    #[serde(skip)]
    pub relational: Vec<(String, bool)>,
    /// An unlisted capitalised name right before an in-context term names someone else.
    #[serde(skip)]
    pub unlisted_qualifiers: bool,
    /// Word-context conditions, as keys (`TermContext` of the lexicon).
    #[serde(skip)]
    pub context: Vec<ContextKeys>,
}

/// A [`crate::lexicon::framing::TermContext`] as token keys (and wildcard flags).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContextKeys {
    /// The terms it applies to.
    pub terms: Vec<(String, bool)>,
    /// One of these among the words before.
    pub before: Vec<(String, bool)>,
    /// One of these right after (with `before`: either one).
    pub after: Vec<(String, bool)>,
    /// None of these right before.
    pub not_before: Vec<(String, bool)>,
    /// None of these right after.
    pub not_after: Vec<(String, bool)>,
    /// None of these in the sentence or the sentences around it.
    pub not_near: Vec<(String, bool)>,
    /// One of these in the sentence or the sentences around it (empty: no such need).
    pub near: Vec<(String, bool)>,
}

/// A frame after merging.
#[derive(Clone, Debug, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct FrameInfo {
    /// Frame id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A stance entry after merging.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StanceInfo {
    /// The term as written.
    pub term: String,
    /// Weight, −4..+4: sign and strength of the judgement.
    pub weight: f64,
    /// Evaluative act.
    pub act: bool,
    /// Lexicon name it came from.
    pub lexicon: String,
    /// A weight fitted by `lexicon learn` (its note starts with `learned:`).
    #[serde(skip)]
    pub learned: bool,
}

#[derive(Clone, Debug)]
struct Payload {
    kind: HitKind,
    source: u32,
    /// For acronyms: the token texts that must match exactly.
    exact: Option<Vec<String>>,
    /// A form that counts only in an article that has lost its apostrophes ("regimes forces"
    /// for "the regime's forces"): [`possessive_variants`].
    stripped: bool,
}

/// The compiled matcher.
pub struct Matcher {
    ac: AhoCorasick,
    payloads: Vec<Vec<Payload>>,
    /// Label sets.
    pub label_sets: Vec<LabelSetInfo>,
    /// Frames after merging; [`HitKind::Frame`] indexes them.
    pub frames: Vec<FrameInfo>,
    /// Stance entries.
    pub stance: Vec<StanceInfo>,
    /// Intensifier scalars with their term.
    pub intensifiers: Vec<(String, f64)>,
    /// Term text of every label (set, label) -> terms, for reports.
    pub label_terms: Vec<Vec<Vec<String>>>,
    /// The entry behind each hit ([`Hit::source`]).
    pub sources: Vec<TermSource>,
    /// The key of each source's term ([`term_key`]): what a hit matched, whatever form the
    /// text has ("regime's" is a hit of "regime").
    source_keys: Vec<String>,
    /// The learned stance layer of the last lexicon that has one ([`super::model`]).
    pub model: Option<std::sync::Arc<super::model::StanceModel>>,
    /// The patterns of the hit kinds that stance scoring reads, with their payloads, sorted:
    /// what [`Matcher::same_stance`] compares.
    stance_patterns: Vec<(String, HitKind, Option<Vec<String>>, bool)>,
}

/// The error for patterns that do not compile into one automaton (`cause`): it names the
/// lexicon whose terms take the most bytes, the likely culprit, with the path it was read from.
fn too_big(
    cause: &dyn std::fmt::Display,
    lexicons: &[Lexicon],
    patterns: &[String],
    payloads: &[Vec<Payload>],
    sources: &[TermSource],
) -> Error {
    let mut bytes = vec![0usize; lexicons.len()];
    for (pat, p) in patterns.iter().zip(payloads) {
        let Some(first) = p.first() else { continue };
        let name = &sources[first.source as usize].lexicon;
        if let Some(i) = lexicons.iter().position(|l| &l.info.name == name) {
            bytes[i] += pat.len();
        }
    }
    let total: usize = bytes.iter().sum();
    // The largest; the later lexicon on ties.
    let culprit = (0..lexicons.len()).max_by_key(|&i| (bytes[i], i));
    let (path, name, own) = match culprit {
        Some(i) => (
            lexicons[i].info.path.as_str(),
            lexicons[i].info.name.as_str(),
            bytes[i],
        ),
        None => ("(no lexicon)", "", 0),
    };
    Error::Matcher {
        path: path.to_string(),
        message: format!(
            "the terms of lexicon {name:?} ({own} of {total} bytes of terms) and the {} other lexicon(s) loaded do not compile into one matcher: {cause}; use fewer or shorter terms",
            lexicons.len().saturating_sub(1)
        ),
    }
}

pub(crate) fn is_acronym(term: &str) -> bool {
    let letters: Vec<char> = term.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// The entries of all lexicons after merging: a label set or frame replaces an earlier one
/// with its id, a stance term or intensifier one written the same (same [`term_key`]). The
/// parallel vectors hold each entry's terms and the lexicon it came from.
#[derive(Default)]
struct Merged {
    label_sets: Vec<LabelSetInfo>,
    /// Per label set: (label index, term) of every label's terms.
    set_terms: Vec<Vec<(u16, String)>>,
    /// Per label set: its exclusion phrases.
    set_excludes: Vec<Vec<String>>,
    /// Per label set: the lexicon it came from.
    set_lexicon: Vec<String>,
    frames: Vec<FrameInfo>,
    /// Per frame: its terms.
    frame_terms: Vec<Vec<String>>,
    /// Per frame: the lexicon it came from.
    frame_lexicon: Vec<String>,
    stance: Vec<StanceInfo>,
    stance_by_key: FxHashMap<(String, bool), u32>,
    intensifiers: Vec<(String, f64)>,
    /// Per intensifier: the lexicon it came from.
    int_lexicon: Vec<String>,
    int_by_key: FxHashMap<(String, bool), u32>,
    /// Negators, contrast, distancing, harm, villain and against markers: (term, kind, lexicon), never
    /// replaced.
    markers: Vec<(String, HitKind, String)>,
}

impl Merged {
    /// Merges one more lexicon, which takes precedence over those before it.
    fn add(&mut self, lex: &Lexicon) {
        self.add_label_sets(lex);
        self.add_frames(lex);
        self.add_stance(lex);
        self.add_intensifiers(lex);
        let name = &lex.info.name;
        for (list, kind) in [
            (&lex.negators, HitKind::Negator),
            (&lex.contrast, HitKind::Contrast),
            (&lex.distancing, HitKind::Distancing),
            (&lex.harm, HitKind::Harm),
            (&lex.villains, HitKind::Villain),
            (&lex.against, HitKind::Against),
        ] {
            for t in list {
                self.markers.push((t.text.clone(), kind, name.clone()));
            }
        }
    }

    fn add_label_sets(&mut self, lex: &Lexicon) {
        for set in &lex.label_sets {
            let info = LabelSetInfo {
                concept: set.concept.clone(),
                labels: set.labels.iter().map(|l| l.id.clone()).collect(),
                referent: set.referent.clone(),
                topic: set.topic.clone(),
                description: set.description.clone(),
                in_context: set.in_context.iter().map(|t| term_key(&t.text)).collect(),
                back_reference: set
                    .back_reference
                    .iter()
                    .map(|t| term_key(&t.text))
                    .collect(),
                relational: set.relational.iter().map(|t| term_key(&t.text)).collect(),
                unlisted_qualifiers: set.unlisted_qualifiers,
                context: set
                    .context
                    .iter()
                    .map(|c| {
                        let keys = |v: &[crate::lexicon::framing::Term]| {
                            v.iter().map(|t| term_key(&t.text)).collect()
                        };
                        ContextKeys {
                            terms: keys(&c.terms),
                            before: keys(&c.before),
                            after: keys(&c.after),
                            not_before: keys(&c.not_before),
                            not_after: keys(&c.not_after),
                            not_near: keys(&c.not_near),
                            near: keys(&c.near),
                        }
                    })
                    .collect(),
            };
            let terms: Vec<(u16, String)> = set
                .labels
                .iter()
                .enumerate()
                .flat_map(|(i, l)| l.terms.iter().map(move |t| (i as u16, t.text.clone())))
                .collect();
            let ex: Vec<String> = set.exclude.iter().map(|t| t.text.clone()).collect();
            match self
                .label_sets
                .iter()
                .position(|s| s.concept == set.concept)
            {
                Some(i) => {
                    self.label_sets[i] = info;
                    self.set_terms[i] = terms;
                    self.set_excludes[i] = ex;
                    self.set_lexicon[i] = lex.info.name.clone();
                }
                None => {
                    self.label_sets.push(info);
                    self.set_terms.push(terms);
                    self.set_excludes.push(ex);
                    self.set_lexicon.push(lex.info.name.clone());
                }
            }
        }
    }

    fn add_frames(&mut self, lex: &Lexicon) {
        for f in &lex.frames {
            let info = FrameInfo {
                id: f.id.clone(),
                name: f.name.clone(),
            };
            let terms = f.terms.iter().map(|t| t.text.clone()).collect();
            match self.frames.iter().position(|x| x.id == f.id) {
                Some(i) => {
                    self.frames[i] = info;
                    self.frame_terms[i] = terms;
                    self.frame_lexicon[i] = lex.info.name.clone();
                }
                None => {
                    self.frames.push(info);
                    self.frame_terms.push(terms);
                    self.frame_lexicon.push(lex.info.name.clone());
                }
            }
        }
    }

    fn add_stance(&mut self, lex: &Lexicon) {
        for s in &lex.stance {
            let info = StanceInfo {
                term: s.term.text.clone(),
                weight: s.weight,
                act: s.act,
                lexicon: lex.info.name.clone(),
                learned: s.note.as_deref().is_some_and(|n| n.starts_with("learned:")),
            };
            let k = term_key(&s.term.text);
            match self.stance_by_key.get(&k) {
                Some(&i) => self.stance[i as usize] = info,
                None => {
                    self.stance_by_key.insert(k, self.stance.len() as u32);
                    self.stance.push(info);
                }
            }
        }
    }

    fn add_intensifiers(&mut self, lex: &Lexicon) {
        for (t, v) in &lex.intensifiers {
            let k = term_key(&t.text);
            match self.int_by_key.get(&k) {
                Some(&i) => {
                    self.intensifiers[i as usize] = (t.text.clone(), *v);
                    self.int_lexicon[i as usize] = lex.info.name.clone();
                }
                None => {
                    self.int_by_key.insert(k, self.intensifiers.len() as u32);
                    self.intensifiers.push((t.text.clone(), *v));
                    self.int_lexicon.push(lex.info.name.clone());
                }
            }
        }
    }

    /// Term text of every label, (set, label) -> terms, for reports.
    fn label_terms(&self) -> Vec<Vec<Vec<String>>> {
        let mut label_terms: Vec<Vec<Vec<String>>> = self
            .label_sets
            .iter()
            .map(|s| vec![Vec::new(); s.labels.len()])
            .collect();
        for (si, terms) in self.set_terms.iter().enumerate() {
            for (li, t) in terms {
                label_terms[si][*li as usize].push(t.clone());
            }
        }
        label_terms
    }
}

/// The automaton's patterns (` key ` or ` key` for a wildcard term), each with the payloads of
/// the entries written that way (one per kind) and the source of each payload.
#[derive(Default)]
struct Patterns {
    patterns: Vec<String>,
    /// Pattern -> its index in `patterns`.
    index: FxHashMap<String, usize>,
    /// Per pattern.
    payloads: Vec<Vec<Payload>>,
    /// Per payload ([`Payload::source`]).
    sources: Vec<TermSource>,
}

impl Patterns {
    /// The patterns of every merged entry: labels and exclusions per set, frames, stance,
    /// intensifiers, then the markers. This order numbers the sources.
    fn of(m: &Merged) -> Patterns {
        let mut p = Patterns::default();
        // Label and exclusion terms with their source, for their possessive forms below.
        let mut set_entries: Vec<(&str, HitKind, u32)> = Vec::new();
        for (si, terms) in m.set_terms.iter().enumerate() {
            let set = &m.label_sets[si];
            for (li, t) in terms {
                let kind = HitKind::Label {
                    set: si as u16,
                    label: *li,
                };
                let section = Section::Label {
                    concept: set.concept.clone(),
                    label: set.labels[*li as usize].clone(),
                };
                if let Some(source) = p.add(t, kind, &m.set_lexicon[si], section) {
                    set_entries.push((t, kind, source));
                }
            }
            for t in &m.set_excludes[si] {
                let kind = HitKind::Exclude { set: si as u16 };
                let section = Section::Exclude {
                    concept: set.concept.clone(),
                };
                if let Some(source) = p.add(t, kind, &m.set_lexicon[si], section) {
                    set_entries.push((t, kind, source));
                }
            }
        }
        // After every written term, so that a form written as a term of its own keeps its
        // label: a possessive form never joins a pattern that a term of its set already has.
        for (t, kind, source) in set_entries {
            for (pat, stripped) in possessive_variants(t) {
                p.add_form(t, pat, kind, source, stripped);
            }
        }
        for (fi, terms) in m.frame_terms.iter().enumerate() {
            for t in terms {
                p.add(
                    t,
                    HitKind::Frame { frame: fi as u16 },
                    &m.frame_lexicon[fi],
                    Section::Frame {
                        id: m.frames[fi].id.clone(),
                    },
                );
            }
        }
        for (i, s) in m.stance.iter().enumerate() {
            p.add(
                &s.term,
                HitKind::Stance { entry: i as u32 },
                &s.lexicon,
                Section::Stance,
            );
        }
        for (i, (t, _)) in m.intensifiers.iter().enumerate() {
            p.add(
                t,
                HitKind::Intensifier { entry: i as u32 },
                &m.int_lexicon[i],
                Section::Intensifiers,
            );
        }
        for (t, k, lexicon) in &m.markers {
            let section = match k {
                HitKind::Negator => Section::Negators,
                HitKind::Contrast => Section::Contrast,
                HitKind::Harm => Section::Harm,
                HitKind::Villain => Section::Villains,
                HitKind::Against => Section::Against,
                _ => Section::Distancing,
            };
            p.add(t, *k, lexicon, section);
        }
        p
    }

    /// Adds one term: its pattern (shared with every term of the same key), and a payload unless
    /// the pattern already has one of this kind (the first entry wins). A term with an empty
    /// key is skipped; an acronym must match its tokens exactly.
    fn add(&mut self, term: &str, kind: HitKind, lexicon: &str, section: Section) -> Option<u32> {
        let (key, wild) = term_key(term);
        if key.is_empty() {
            return None;
        }
        let pat = if wild {
            format!(" {key}")
        } else {
            format!(" {key} ")
        };
        let exact = exact_tokens(term);
        // "US-led coalition" also as printed with dots ("U.S.-led coalition"): one term, one
        // source, two patterns.
        let dotted = if exact.is_none() {
            dotted_variant(term, wild)
        } else {
            None
        };
        let source = self.sources.len() as u32;
        let mut added = false;
        for pat in std::iter::once(pat).chain(dotted) {
            let i = self.pattern(pat);
            if !self.payloads[i].iter().any(|p| p.kind == kind) {
                self.payloads[i].push(Payload {
                    kind,
                    source,
                    exact: exact.clone(),
                    stripped: false,
                });
                added = true;
            }
        }
        added.then(|| {
            self.sources.push(TermSource {
                lexicon: lexicon.to_string(),
                section,
                term: term.to_string(),
            });
            source
        })
    }

    /// The index of pattern `pat`, added (with no payloads yet) when new.
    fn pattern(&mut self, pat: String) -> usize {
        let (patterns, payloads) = (&mut self.patterns, &mut self.payloads);
        *self.index.entry(pat.clone()).or_insert_with(|| {
            patterns.push(pat);
            payloads.push(Vec::new());
            payloads.len() - 1
        })
    }

    /// Adds another written form of the entry `source` (of a label set's term): skipped where
    /// the pattern already has a payload of the same set (a term written that way wins).
    fn add_form(&mut self, term: &str, pat: String, kind: HitKind, source: u32, stripped: bool) {
        let set_of = |k: HitKind| match k {
            HitKind::Label { set, .. } | HitKind::Exclude { set } => Some(set),
            _ => None,
        };
        let i = self.pattern(pat);
        if self.payloads[i]
            .iter()
            .any(|p| set_of(p.kind) == set_of(kind))
        {
            return;
        }
        self.payloads[i].push(Payload {
            kind,
            source,
            exact: exact_tokens(term),
            stripped,
        });
    }
}

/// Whether an acronym term is one word of at most two letters ("IS", "US", "UN"): in capitals it
/// is as often an English word ("KAMALA HARRIS IS THE FRONTRUNNER").
fn short_acronym(exact: &[String]) -> bool {
    let mut words = exact
        .iter()
        .filter(|e| e.chars().any(char::is_alphanumeric));
    matches!((words.next(), words.next()), (Some(w), None) if w.chars().filter(|c| c.is_alphabetic()).count() <= 2)
}

/// Words an article must have, none of them with an apostrophe, before it is taken to have lost
/// its apostrophes (so that a short text without a possessive or contraction is not).
pub const STRIPPED_MIN_WORDS: usize = 100;

/// Whether an article's text has lost its apostrophes (as FA-KES has: "Assads forces", "the
/// countrys"): at least [`STRIPPED_MIN_WORDS`] words and not one apostrophe inside a word.
/// English news uses one every few dozen words ("Russia's", "didn't").
fn lost_apostrophes(tokens: &Tokens) -> bool {
    let mut words = 0;
    for i in 0..tokens.len() {
        if tokens.tokens[i].word {
            if tokens.key(i).contains('\'') {
                return false;
            }
            words += 1;
        }
    }
    words >= STRIPPED_MIN_WORDS
}

/// For an acronym term ([`is_acronym`]): the token texts a match must have exactly.
fn exact_tokens(term: &str) -> Option<Vec<String>> {
    is_acronym(term).then(|| {
        let body = term.trim_end_matches('*');
        let toks = Tokens::new(body, &[crate::span::Span::new(0, body.len())]);
        toks.tokens
            .iter()
            .map(|t| t.span.of(body).to_string())
            .collect()
    })
}

/// The possessive forms of a label or exclusion term, as patterns with whether they count only
/// in an article without apostrophes: its last word with `'s` ("the regime's forces" is a use
/// of "regime"); and, for
/// corpora that lost their apostrophes (FA-KES prints "Assads forces", "the regimes army"), the
/// term with its apostrophes dropped and its last word with a bare `s`. Wildcard terms have none.
fn possessive_variants(term: &str) -> Vec<(String, bool)> {
    let (key, wild) = term_key(term);
    if wild || key.is_empty() {
        return Vec::new();
    }
    let pat = |k: &str| format!(" {k} ");
    // (A final apostrophe, "rebels'", is a token of its own: the term already matches.)
    let mut out = vec![(pat(&format!("{key}'s")), false)];
    let plain: String = key.chars().filter(|&c| c != '\'').collect();
    if plain != key {
        out.push((pat(&plain), true));
    }
    if !key.ends_with('s') && !key.ends_with('\'') {
        out.push((pat(&format!("{plain}s")), true));
    }
    out
}

/// The pattern of a term whose capitalised initialisms of two or three letters ("US", "UN")
/// are written with periods as many papers print them ("U.S.-led", "U.N. envoy"): the word
/// tokeniser reads "U.S." as the word `U.S` and a period, so the key `us` becomes `u.s .`.
/// `None` when the term has no such word.
fn dotted_variant(term: &str, wild: bool) -> Option<String> {
    let body = term.trim_end_matches('*');
    let toks = Tokens::new(body, &[crate::span::Span::new(0, body.len())]);
    let mut changed = false;
    let keys: Vec<String> = (0..toks.len())
        .map(|i| {
            let text = toks.tokens[i].span.of(body);
            let initialism =
                (2..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase());
            if initialism {
                changed = true;
                let dots: Vec<String> = toks.key(i).chars().map(String::from).collect();
                format!("{} .", dots.join("."))
            } else {
                toks.key(i).to_string()
            }
        })
        .collect();
    let key = keys.join(" ");
    changed.then(|| {
        if wild {
            format!(" {key}")
        } else {
            format!(" {key} ")
        }
    })
}

impl Matcher {
    /// Compiles lexicons (in order of precedence: later wins). Fails, naming the lexicon with
    /// the most term bytes, when the terms together are too many or too long for one automaton.
    pub fn new(lexicons: &[Lexicon]) -> Result<Matcher, Error> {
        let mut merged = Merged::default();
        for lex in lexicons {
            merged.add(lex);
        }
        let patterns = Patterns::of(&merged);
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns.patterns)
            .map_err(|e| {
                too_big(
                    &e,
                    lexicons,
                    &patterns.patterns,
                    &patterns.payloads,
                    &patterns.sources,
                )
            })?;
        let label_terms = merged.label_terms();
        let mut stance_patterns: Vec<(String, HitKind, Option<Vec<String>>, bool)> = patterns
            .patterns
            .iter()
            .zip(&patterns.payloads)
            .flat_map(|(pat, ps)| {
                ps.iter()
                    .filter(|p| p.kind.is_stance_input())
                    .map(move |p| (pat.clone(), p.kind, p.exact.clone(), p.stripped))
            })
            .collect();
        stance_patterns.sort();
        Ok(Matcher {
            stance_patterns,
            model: lexicons.iter().rev().find_map(|l| l.model.clone()),
            ac,
            payloads: patterns.payloads,
            label_sets: merged.label_sets,
            frames: merged.frames,
            stance: merged.stance,
            intensifiers: merged.intensifiers,
            label_terms,
            source_keys: patterns
                .sources
                .iter()
                .map(|s| term_key(&s.term).0)
                .collect(),
            sources: patterns.sources,
        })
    }

    /// The key of the term behind a hit (without a wildcard's `*`).
    pub fn term_key(&self, h: &Hit) -> &str {
        &self.source_keys[h.source as usize]
    }

    /// Whether stance scoring with `other` gives the same result as with this matcher on any
    /// text: the same stance entries, intensifiers, learned layer, and patterns of every hit
    /// kind scoring reads ([`HitKind::is_stance_input`]). Hits of other kinds (labels, frames)
    /// never change a stance score, and each kind's hits are found independently, so a
    /// regression run whose lexicons differ only there scores stance once.
    pub fn same_stance(&self, other: &Matcher) -> bool {
        self.stance == other.stance
            && self.intensifiers == other.intensifiers
            && self.model == other.model
            && self.stance_patterns == other.stance_patterns
    }

    /// All hits in an article's tokens, sorted by first token, then longest first.
    pub fn find(&self, text: &str, tokens: &Tokens) -> Vec<Hit> {
        let keys = tokens.keys.as_str();
        let stripped = lost_apostrophes(tokens);
        let mut hits = Vec::new();
        for m in self.ac.find_overlapping_iter(keys) {
            let Some(first) = tokens.token_at_key(m.start() + 1) else {
                continue;
            };
            let end = m.end();
            let last = if keys.as_bytes()[end - 1] == b' ' {
                match tokens.token_ending_at_key(end - 1) {
                    Some(l) => l,
                    None => continue,
                }
            } else {
                // Wildcard: the token that contains the match end.
                let i = tokens
                    .tokens
                    .partition_point(|t| (t.key_start as usize) < end);
                if i == 0 {
                    continue;
                }
                i - 1
            };
            for p in &self.payloads[m.pattern().as_usize()] {
                if p.stripped && !stripped {
                    continue;
                }
                if let Some(exact) = &p.exact {
                    let ok = (first..=last)
                        .filter(|&i| tokens.tokens[i].word)
                        .zip(
                            exact
                                .iter()
                                .filter(|e| e.chars().any(char::is_alphanumeric)),
                        )
                        .all(|(i, e)| {
                            let s = tokens.tokens[i].span.of(text);
                            s == e || s.starts_with(e.as_str())
                        });
                    if !ok || (short_acronym(exact) && tokens.shouted(first, last)) {
                        continue;
                    }
                }
                hits.push(Hit {
                    kind: p.kind,
                    first: first as u32,
                    last: last as u32,
                    source: p.source,
                });
            }
        }
        hits.sort_by_key(|h| (h.first, std::cmp::Reverse(h.last), h.kind));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(name: &str, negators: &[&str]) -> Lexicon {
        let terms: Vec<String> = negators.iter().map(|t| format!("{t:?}")).collect();
        let text = format!(
            "[meta]\nname = \"{name}\"\nversion = \"1\"\nlanguage = \"en\"\n\n[negators]\nterms = [{}]\n",
            terms.join(", ")
        );
        Lexicon::parse(&text, &format!("{name}.toml")).unwrap()
    }

    #[test]
    fn compiles_user_lexicons_and_names_the_largest_when_it_cannot() {
        let lexicons = [lexicon("a", &["not"]), lexicon("b", &["never ever"])];
        let m = Matcher::new(&lexicons).unwrap();
        assert_eq!(m.sources.len(), 2);
        let patterns: Vec<String> = vec![" not ".into(), " never ever ".into()];
        let payloads: Vec<Vec<Payload>> = (0..2)
            .map(|i| {
                vec![Payload {
                    kind: HitKind::Negator,
                    source: i,
                    exact: None,
                    stripped: false,
                }]
            })
            .collect();
        let e = too_big(
            &"too many states",
            &lexicons,
            &patterns,
            &payloads,
            &m.sources,
        );
        assert_eq!(
            e.to_string(),
            "b.toml: error: the terms of lexicon \"b\" (12 of 17 bytes of terms) and the 1 other lexicon(s) loaded do not compile into one matcher: too many states; use fewer or shorter terms"
        );
    }

    /// A matcher of one label set: label `a` with `a_terms`, label `b` with `b_terms`.
    fn labels(a_terms: &str, b_terms: &str) -> Matcher {
        let text = format!(
            "[meta]\nname = \"t\"\nversion = \"1\"\nlanguage = \"en\"\n\n[[label_set]]\nconcept = \"c\"\n\n[[label_set.label]]\nid = \"a\"\nterms = [{a_terms}]\n\n[[label_set.label]]\nid = \"b\"\nterms = [{b_terms}]\n"
        );
        Matcher::new(&[Lexicon::parse(&text, "t.toml").unwrap()]).unwrap()
    }

    #[test]
    fn stance_is_the_same_only_when_nothing_it_reads_differs() {
        let m = |labels: &str, stance: &str, negators: &str| {
            let text = format!(
                "[meta]\nname = \"t\"\nversion = \"1\"\nlanguage = \"en\"\n\n[negators]\nterms = [{negators}]\n\n[stance]\n{stance}\n\n[[label_set]]\nconcept = \"c\"\n\n[[label_set.label]]\nid = \"a\"\nterms = [{labels}]\n"
            );
            Matcher::new(&[Lexicon::parse(&text, "t.toml").unwrap()]).unwrap()
        };
        let base = m(r#""regime""#, r#""brutal" = -3"#, r#""not""#);
        // Another label term: stance reads no label hit.
        assert!(base.same_stance(&m(r#""regime", "junta""#, r#""brutal" = -3"#, r#""not""#)));
        // A weight, a term, a negator: each can move a score.
        assert!(!base.same_stance(&m(r#""regime""#, r#""brutal" = -2"#, r#""not""#)));
        assert!(!base.same_stance(&m(r#""regime""#, r#""brutal*" = -3"#, r#""not""#)));
        assert!(!base.same_stance(&m(r#""regime""#, r#""brutal" = -3"#, r#""never""#)));
        // A label term that is also a stance term does not make the stance term's hits differ.
        assert!(base.same_stance(&m(r#""regime", "brutal""#, r#""brutal" = -3"#, r#""not""#)));
    }

    /// (matched text, label index) of each label hit in `text`.
    fn label_hits(m: &Matcher, text: &str) -> Vec<(String, u16)> {
        let tokens = Tokens::new(text, &[crate::span::Span::new(0, text.len())]);
        m.find(text, &tokens)
            .iter()
            .filter_map(|h| match h.kind {
                HitKind::Label { label, .. } => Some((
                    text[tokens.tokens[h.first as usize].span.start
                        ..tokens.tokens[h.last as usize].span.end]
                        .to_string(),
                    label,
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn label_terms_match_in_the_possessive_and_with_dotted_initialisms() {
        let m = labels(r#""regime", "Assad's forces""#, r#""US-led coalition""#);
        assert_eq!(
            label_hits(&m, "The regime\u{2019}s forces and the U.S.-led coalition."),
            vec![
                ("regime\u{2019}s".into(), 0),
                ("U.S.-led coalition".into(), 1)
            ]
        );
        // With apostrophes elsewhere in the text, "regimes" is a plural and "Assads" no form.
        assert_eq!(
            label_hits(&m, "Arab regimes and Assads forces, it's said."),
            vec![]
        );
        // A term's hit names its term, not the form the text has.
        let text = "the regime's army";
        let tokens = Tokens::new(text, &[crate::span::Span::new(0, text.len())]);
        let hit = m.find(text, &tokens)[0];
        assert_eq!(m.term_key(&hit), "regime");
    }

    #[test]
    fn forms_without_apostrophes_count_only_where_the_text_has_lost_them() {
        let m = labels(r#""regime", "Assad's forces""#, r#""regimes""#);
        let filler = "word ".repeat(STRIPPED_MIN_WORDS);
        let stripped = format!("{filler}Assads forces met the regimes army.");
        // "regimes" is a term of label b: its own term wins over a form of label a's "regime".
        assert_eq!(
            label_hits(&m, &stripped),
            vec![("Assads forces".into(), 0), ("regimes".into(), 1)]
        );
        let short = "Assads forces met the regimes army.";
        assert_eq!(label_hits(&m, short), vec![("regimes".into(), 1)]);
    }
}
