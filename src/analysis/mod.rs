//! Per-article analysis and the mergeable aggregates it folds into.
//!
//! [`Analyzer::analyse`] runs one article through layout (boilerplate), sentences, tokens,
//! actor mentions, voices and lexicon hits. [`aggregate::Aggregate`] folds articles into
//! integer counts and sums that merge associatively, so results never depend on batch
//! boundaries or thread count.

pub mod aggregate;
pub mod pipeline;
pub mod shard;
mod target;

pub use target::{score_in, score_target, with_target};

use crate::actors::{ActorMatcher, FuzzyCache, Mention};
use crate::corpus::boilerplate::{Boilerplate, Layout};
use crate::corpus::{Article, Skip, SkipKind};
use crate::framing;
use crate::lexicon::{ActorId, Gazetteer, Hit, Lexicon, Matcher};
use crate::span::Span;
use crate::text::keys::strip_possessive;
use crate::text::{split_sentences, Tokens};
use crate::voices::{self, Passage, Voice};
use rustc_hash::FxHashSet;

/// The bundled stop words.
pub const STOPWORDS: &str = include_str!("../../data/stopwords.txt");

/// Everything needed to analyse articles: compiled once, shared by all threads.
pub struct Analyzer {
    /// The gazetteer.
    pub gazetteer: Gazetteer,
    /// Actor matcher.
    pub actors: ActorMatcher,
    /// The lexicons, in precedence order.
    pub lexicons: Vec<Lexicon>,
    /// Compiled lexicon matcher.
    pub matcher: Matcher,
    /// Boilerplate rules.
    pub boilerplate: Boilerplate,
    /// Endings an outlet prints on many of its articles, learned from the corpus
    /// ([`crate::corpus::recurring`]); empty unless set.
    pub recurring: crate::corpus::recurring::Recurring,
    /// Stop words (keys), left out of term vectors.
    pub stopwords: FxHashSet<String>,
    /// Attribution cue words (`data/attribution.toml`).
    pub cues: voices::CueWords,
    /// The languages the lexicons are written in, and `--lang`.
    pub languages: Languages,
}

/// Which articles' languages the lexicons cover.
#[derive(Clone, Debug, Default)]
pub struct Languages {
    /// Languages of the loaded lexicons (ISO 639-1 where there is one); empty: any.
    pub covered: std::collections::BTreeSet<String>,
    /// `--lang`: every article is taken to be in this language, detection is not run.
    pub forced: Option<String>,
}

impl Languages {
    /// The languages of `lexicons` (their `meta.language`, normalised).
    pub fn of(lexicons: &[Lexicon]) -> Languages {
        Languages {
            covered: lexicons
                .iter()
                .filter_map(|l| crate::corpus::lang::normalize(&l.language))
                .collect(),
            forced: None,
        }
    }

    /// The language of `article`: `--lang`, else the code its metadata declares, else the
    /// detected one, else [`crate::corpus::lang::UNDETERMINED`].
    pub fn of_article(&self, article: &Article) -> String {
        if let Some(l) = &self.forced {
            return l.clone();
        }
        article
            .lang
            .as_deref()
            .and_then(crate::corpus::lang::normalize)
            .or_else(|| crate::corpus::lang::detect(&article.text))
            .unwrap_or_else(|| crate::corpus::lang::UNDETERMINED.to_string())
    }

    /// Whether a lexicon covers `lang` (an undetermined language is given the benefit of the
    /// doubt).
    pub fn covers(&self, lang: &str) -> bool {
        self.covered.is_empty()
            || lang == crate::corpus::lang::UNDETERMINED
            || self.covered.contains(lang)
    }

    /// The language a standalone text is taken to be in (`validate` scores items in the
    /// lexicons' language): `--lang`, else the first covered one.
    pub fn default_language(&self) -> Option<String> {
        self.forced
            .clone()
            .or_else(|| self.covered.iter().next().cloned())
    }
}

/// One analysed article.
pub struct Analysed<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its host outlet in the gazetteer.
    pub host: Option<ActorId>,
    /// The voice key of its own voice.
    pub host_key: String,
    /// Paragraphs and boilerplate.
    pub layout: Layout,
    /// Sentences with their paragraph.
    pub sentences: Vec<(Span, u32)>,
    /// Tokens of the paragraphs.
    pub tokens: Tokens,
    /// Actor mentions.
    pub mentions: Vec<Mention>,
    /// Voiced passages.
    pub passages: Vec<Passage>,
    /// Scare-quoted spans.
    pub scare: Vec<Span>,
    /// Quoted words inside reported passages ([`voices::Voices::verbatim`]).
    pub verbatim: Vec<Span>,
    /// Named speakers the gazetteer does not list ([`Voice::Named`] indexes them).
    pub speakers: Vec<voices::Speaker>,
    /// Lexicon hits.
    pub hits: Vec<Hit>,
    /// Its language ([`Languages::of_article`]).
    pub lang: String,
}

impl Analyzer {
    /// Builds an analyzer; fails when the lexicons' terms do not compile into one matcher
    /// (the error names a lexicon).
    pub fn new(
        gazetteer: Gazetteer,
        lexicons: Vec<Lexicon>,
        boilerplate: Boilerplate,
    ) -> Result<Analyzer, crate::lexicon::Error> {
        // A label set's referent and topic name gazetteer actors: a typo would silently count
        // every use (or none), so it is an error naming the set's line.
        for lex in &lexicons {
            for set in &lex.label_sets {
                let ids = [("referent", &set.referent), ("topic", &set.topic)];
                for (field, id) in ids {
                    if let Some(id) = id.as_deref().filter(|id| gazetteer.id(id).is_none()) {
                        return Err(crate::lexicon::Error::At {
                            path: lex.info.path.clone(),
                            line: set.line,
                            col: 1,
                            message: format!(
                                "label set {:?}: {field} {id:?} is no actor id of the gazetteer ({}); write the id of an actor it lists (framelens actors --help)",
                                set.concept, gazetteer.info.path
                            ),
                        });
                    }
                }
            }
        }
        let actors = ActorMatcher::new(&gazetteer);
        let languages = Languages::of(&lexicons);
        let matcher = Matcher::new(&lexicons)?;
        let stopwords = STOPWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(crate::text::normalize::key)
            .collect();
        Ok(Analyzer {
            gazetteer,
            actors,
            lexicons,
            matcher,
            boilerplate,
            recurring: Default::default(),
            stopwords,
            cues: voices::CueWords::bundled(),
            languages,
        })
    }

    /// The bundled gazetteer, lexicons and boilerplate patterns.
    pub fn bundled() -> Analyzer {
        Analyzer::new(
            Gazetteer::bundled(),
            Lexicon::bundled(),
            Boilerplate::bundled(),
        )
        .expect("the bundled lexicons compile")
    }

    /// The boilerplate rules as provenance names them: the pattern file's name and version,
    /// and the recurring lines when there are any.
    pub fn boilerplate_description(&self) -> String {
        let mut d = format!("{} {}", self.boilerplate.name, self.boilerplate.version);
        if !self.recurring.is_empty() {
            d.push_str(" + ");
            d.push_str(&self.recurring.describe());
        }
        d
    }

    /// The voice key of an outlet name from metadata: its gazetteer id when known.
    pub fn outlet_key(&self, outlet: &str) -> (Option<ActorId>, String) {
        match self.gazetteer.outlet(outlet) {
            Some(id) => (Some(id), self.gazetteer.actor(id).id.clone()),
            None => (None, outlet.to_string()),
        }
    }

    /// The key a voice of article `an` is counted under: the host's key for `own`, the source
    /// id, `unlisted` for a named speaker the gazetteer does not list (each is shown by name in
    /// the listings, see [`Analyzer::voice_label`], but counted together so that aggregates do
    /// not grow with every name in a corpus), or `unknown`.
    pub fn voice_key(&self, an: &Analysed, v: Voice) -> String {
        match v {
            Voice::Own => an.host_key.clone(),
            Voice::Source(a) => self.gazetteer.actor(a).id.clone(),
            Voice::Named(_) => UNLISTED.to_string(),
            Voice::Unknown => "unknown".to_string(),
        }
    }

    /// The key a voice is counted under: [`Analyzer::voice_key`], or the group it belongs to.
    pub fn grouped_voice_key(
        &self,
        an: &Analysed,
        v: Voice,
        groups: &rustc_hash::FxHashMap<String, String>,
    ) -> String {
        let k = self.voice_key(an, v);
        groups.get(&k).cloned().unwrap_or(k)
    }

    /// The voice as the listing commands show it: `own` for the host's own voice, the
    /// speaker's `name:` id for an unlisted speaker, else as [`Analyzer::voice_key`].
    pub fn voice_label(&self, an: &Analysed, v: Voice) -> String {
        match v {
            Voice::Own => "own".to_string(),
            Voice::Named(i) => an.speakers[i as usize].id.clone(),
            other => self.voice_key(an, other),
        }
    }

    /// Analyses one article, or skips it when no lexicon covers its language or nothing is
    /// left after boilerplate.
    pub fn analyse<'a>(
        &self,
        article: &'a Article,
        cache: &mut FuzzyCache,
    ) -> Result<Analysed<'a>, Skip> {
        let text = article.text.as_str();
        let lang = self.languages.of_article(article);
        if !self.languages.covers(&lang) {
            return Err(Skip {
                source: article.source.clone(),
                line: article.line,
                id: Some(article.id.clone()),
                kind: SkipKind::Language,
                reason: format!(
                    "language {lang}: no lexicon for it (loaded: {}); add one with --lexicon, or set the language with --lang",
                    self.languages.covered.iter().cloned().collect::<Vec<_>>().join(", ")
                ),
            });
        }
        let mut layout = self.boilerplate.layout(text);
        if !self.recurring.is_empty() {
            self.recurring.apply(text, &article.outlet, &mut layout);
        }
        let tokens = Tokens::new(text, &layout.paragraphs);
        if !tokens.tokens.iter().any(|t| t.word) {
            return Err(Skip {
                source: article.source.clone(),
                line: article.line,
                id: Some(article.id.clone()),
                kind: SkipKind::EmptyAfterBoilerplate,
                reason: format!(
                    "no text left after setting aside {} boilerplate line(s): no word remains, only punctuation, symbols or boilerplate",
                    layout.boilerplate.len()
                ),
            });
        }
        let mut sentences = Vec::new();
        let mut tmp = Vec::new();
        for (pi, p) in layout.paragraphs.iter().enumerate() {
            tmp.clear();
            split_sentences(text, *p, &mut tmp);
            sentences.extend(tmp.iter().map(|s| (*s, pi as u32)));
        }
        let (host, host_key) = self.outlet_key(&article.outlet);
        let mentions = self.actors.find(&self.gazetteer, text, &tokens, cache);
        let cx = voices::Context {
            text,
            paragraphs: &layout.paragraphs,
            sentences: &sentences,
            tokens: &tokens,
            mentions: &mentions,
            gazetteer: &self.gazetteer,
            host,
            cues: &self.cues,
            stopwords: &self.stopwords,
        };
        let voices::Voices {
            passages,
            scare,
            verbatim,
            speakers,
        } = voices::assign(&cx);
        let hits = self.matcher.find(text, &tokens);
        Ok(Analysed {
            article,
            host,
            host_key,
            layout,
            sentences,
            tokens,
            mentions,
            passages,
            scare,
            verbatim,
            speakers,
            hits,
            lang,
        })
    }
}

/// The voice key of the named speakers the gazetteer does not list, counted together.
pub const UNLISTED: &str = "unlisted";

/// Whether a voice key stands for no one speaker (`unknown`, `unlisted`): left out where voices
/// are compared with each other (keyness, similarity, per-actor context, findings).
pub fn is_pseudo_voice(key: &str) -> bool {
    key == "unknown" || key == UNLISTED
}

/// Sentences needed before cohesion is judged.
pub const COHESION_MIN_SENTENCES: usize = 8;
/// Articles below this lexical cohesion are flagged as stitched or spun text.
pub const COHESION_FLAG_BELOW: f64 = 0.15;

impl Analysed<'_> {
    /// Lexical cohesion: the share of sentences (after the first) that repeat a common word
    /// (lowercase in the text, four letters or more, not a stop word: names do not count, since
    /// stitched text keeps repeating its actors) of one of the two sentences before them. On the
    /// FA-KES Syria set the 1st percentile is 0.25 and the median 0.67; the spun seed 002
    /// scores 0.05. None for articles with fewer than eight such sentences.
    pub fn cohesion(&self, stopwords: &FxHashSet<String>) -> Option<(f64, usize)> {
        let toks = &self.tokens;
        // Each content word as a number, the same for the same word in the article: the
        // sentences' sets are sorted numbers, compared without string comparisons.
        // (None: no content word; each key is judged once.)
        let mut ids: rustc_hash::FxHashMap<&str, Option<u32>> = Default::default();
        let sets: Vec<Vec<u32>> = self
            .sentences
            .iter()
            .map(|(s, _)| {
                let (a, b) = toks.range(*s);
                let mut v: Vec<u32> = (a..b)
                    .filter(|&i| toks.tokens[i].word && !toks.tokens[i].cap)
                    .filter_map(|i| {
                        let k = strip_possessive(toks.key(i));
                        let n = ids.len() as u32;
                        *ids.entry(k).or_insert_with(|| {
                            (k.chars().count() >= 4
                                && k.chars().all(char::is_alphabetic)
                                && !stopwords.contains(k))
                            .then_some(n)
                        })
                    })
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .filter(|v| v.len() >= 2)
            .collect();
        if sets.len() < COHESION_MIN_SENTENCES {
            return None;
        }
        let shares = |a: &[u32], b: &[u32]| a.iter().any(|w| b.binary_search(w).is_ok());
        let linked = (1..sets.len())
            .filter(|&i| {
                shares(&sets[i], &sets[i - 1]) || (i >= 2 && shares(&sets[i], &sets[i - 2]))
            })
            .count();
        Some((linked as f64 / (sets.len() - 1) as f64, sets.len()))
    }
}

impl Analysed<'_> {
    /// The passage containing byte `pos`, if any.
    pub fn passage_at(&self, pos: usize) -> Option<&Passage> {
        voices::passage_at(&self.passages, pos)
    }

    /// The voice at byte `pos` (own where no passage covers it).
    pub fn voice_at(&self, pos: usize) -> Voice {
        voices::voice_at(&self.passages, pos)
    }

    /// Index of the sentence containing byte `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        crate::text::sentences::sentence_at(&self.sentences, pos)
    }
}

/// What framing reads of an analysed article.
impl<'a> From<&'a Analysed<'_>> for framing::Context<'a> {
    fn from(an: &'a Analysed<'_>) -> framing::Context<'a> {
        framing::Context {
            text: &an.article.text,
            sentences: &an.sentences,
            tokens: &an.tokens,
            mentions: &an.mentions,
            passages: &an.passages,
            scare: &an.scare,
            verbatim: &an.verbatim,
            hits: &an.hits,
            host: an.host,
        }
    }
}
