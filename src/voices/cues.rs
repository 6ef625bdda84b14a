//! Attribution cue words: speech verbs and the head nouns of descriptors that point back to a
//! source, from a data file (`data/attribution.toml`, compiled in).
//!
//! Loaded and validated like the other data files: a syntax error, a list that is empty, a word
//! that is not a token key or is written twice, and a noun-verb that is no speech verb are
//! errors at `file:line:col`.

use crate::lexicon::Error;
use crate::text::normalize::key;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use toml::Spanned;

/// The bundled cue words.
pub const DEFAULT_CUES: &str = include_str!("../../data/attribution.toml");

/// Where the format of the file is described, for error messages.
const FORMAT: &str = "the comments in data/attribution.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    meta: Meta,
    speech: Speech,
    descriptors: Descriptors,
    names: NameWords,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NameWords {
    titles: Vec<Spanned<String>>,
    particles: Vec<Spanned<String>>,
    place_before: Vec<Spanned<String>>,
    place_words: Vec<Spanned<String>>,
    introduce: Vec<Spanned<String>>,
    quantifiers: Vec<Spanned<String>>,
    openers: Vec<Spanned<String>>,
    /// (Since 1.36.0; a file without it reads a name right after any word of quantity.)
    #[serde(default)]
    group_determiners: Vec<Spanned<String>>,
}

/// The `[meta]` table of a compiled-in data file: its name and version.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Meta {
    pub(crate) name: String,
    pub(crate) version: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Speech {
    verbs: Vec<Spanned<String>>,
    also_nouns: Vec<Spanned<String>>,
    reporting: Vec<Spanned<String>>,
    addressees: Vec<Spanned<String>>,
    titling: Vec<Spanned<String>>,
    auxiliaries: Vec<Spanned<String>>,
    modals: Vec<Spanned<String>>,
    /// (Since 1.14.0; a file without it gives no tolls.)
    #[serde(default)]
    tallies: Vec<Spanned<String>>,
    /// (Since 1.15.0; a file without it lets any word follow a closing verb.)
    #[serde(default)]
    closing_after: Vec<Spanned<String>>,
    /// (Since 1.18.0; required: an older file names it as missing.)
    #[serde(default)]
    between: Vec<Spanned<String>>,
    /// (Since 1.19.0; a file without it reports after any reporting verb.)
    #[serde(default)]
    with_that: Vec<Spanned<String>>,
    /// (Since 1.23.0; a file without it reads no source before such a participle.)
    #[serde(default)]
    contacted: Vec<Spanned<String>>,
    /// (Since 1.25.0; required.)
    #[serde(default)]
    saying: Vec<Spanned<String>>,
    /// (Since 1.25.0; required.)
    #[serde(default)]
    going_on: Vec<Spanned<String>>,
    /// (Since 1.25.0; required.)
    #[serde(default)]
    naming: Vec<Spanned<String>>,
    /// (Since 1.32.0; a file without it reads no such verb after a quote.)
    #[serde(default)]
    after_quote: Vec<Spanned<String>>,
    /// (Since 1.35.0; a file without it reads no phrase of time by its noun.)
    #[serde(default)]
    times: Vec<Spanned<String>>,
    /// (Since 1.35.0; a file without it reads every "that" after a verb's noun phrase as
    /// opening what was said or a relative clause by the other rules.)
    #[serde(default)]
    no_object: Vec<Spanned<String>>,
    /// (Since 1.37.0; required.)
    #[serde(default)]
    ing_prepositions: Vec<Spanned<String>>,
    /// (Since 1.37.0; required.)
    #[serde(default)]
    clause_conjunctions: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Descriptors {
    outlet: Vec<Spanned<String>>,
    person: Vec<Spanned<String>>,
    organisation: Vec<Spanned<String>>,
    generic: Vec<Spanned<String>>,
    anonymous: Vec<Spanned<String>>,
    institutional: Vec<Spanned<String>>,
    pronouns: Vec<Spanned<String>>,
    /// (Since 1.19.0; a file without it lets no person's staff speak for the person.)
    #[serde(default)]
    staff: Vec<Spanned<String>>,
    /// (Since 1.20.0; a file without it lets "according to" name no source by a record
    /// alone: "according to figures" stays a source only by a source's noun.)
    #[serde(default)]
    documents: Vec<Spanned<String>>,
    /// (Since 1.23.0; a file without it lets anonymous sources speak for no state.)
    #[serde(default)]
    official: Vec<Spanned<String>>,
    /// (Since 1.23.0; a file without it takes no description before a name into the cue.)
    #[serde(default)]
    qualifiers: Vec<Spanned<String>>,
    /// (Since 1.24.0; a file without it lists no such heads.)
    #[serde(default)]
    kinds: Vec<Spanned<String>>,
    /// (Since 1.25.0; a file without it gives no office holder to a country.)
    #[serde(default)]
    state_roles: Vec<Spanned<String>>,
    /// (Since 1.26.0; a file without it reads no quote before such a noun as a title.)
    #[serde(default)]
    works: Vec<Spanned<String>>,
    /// (Since 1.30.0; a file without it lets every anonymous head speak for a body it names.)
    #[serde(default)]
    outsiders: Vec<Spanned<String>>,
}

// One bit per list of the file.
const SPEECH: u64 = 1 << 0;
const NOUN_VERBS: u64 = 1 << 1;
const REPORTING: u64 = 1 << 2;
const ADDRESSEES: u64 = 1 << 3;
const TITLING: u64 = 1 << 4;
const AUXILIARIES: u64 = 1 << 5;
const MODALS: u64 = 1 << 6;
const OUTLET: u64 = 1 << 7;
const PERSON: u64 = 1 << 8;
const ORGANISATION: u64 = 1 << 9;
const ANONYMOUS: u64 = 1 << 10;
const INSTITUTIONAL: u64 = 1 << 11;
const PRONOUNS: u64 = 1 << 12;
const TITLES: u64 = 1 << 13;
const PARTICLES: u64 = 1 << 14;
const PLACE_BEFORE: u64 = 1 << 15;
const PLACE_WORDS: u64 = 1 << 16;
const INTRODUCE: u64 = 1 << 17;
const QUANTIFIERS: u64 = 1 << 18;
const OPENERS: u64 = 1 << 19;
const GENERIC: u64 = 1 << 20;
const TALLIES: u64 = 1 << 21;
const CLOSING_AFTER: u64 = 1 << 22;
const BETWEEN: u64 = 1 << 23;
const WITH_THAT: u64 = 1 << 24;
const STAFF: u64 = 1 << 25;
const DOCUMENTS: u64 = 1 << 26;
const OFFICIAL: u64 = 1 << 27;
const CONTACTED: u64 = 1 << 28;
const QUALIFIERS: u64 = 1 << 29;
const KINDS: u64 = 1 << 30;
const SAYING: u64 = 1 << 31;
const GOING_ON: u64 = 1 << 32;
const NAMING: u64 = 1 << 33;
const STATE_ROLES: u64 = 1 << 34;
const WORKS: u64 = 1 << 35;
const OUTSIDERS: u64 = 1 << 36;
const AFTER_QUOTE: u64 = 1 << 37;
const TIMES: u64 = 1 << 38;
const NO_OBJECT: u64 = 1 << 39;
const GROUP_DETERMINERS: u64 = 1 << 40;
const ING_PREPOSITIONS: u64 = 1 << 41;
const CLAUSE_CONJUNCTIONS: u64 = 1 << 42;

/// The cue words, as token keys.
#[derive(Clone, Debug)]
pub struct CueWords {
    /// `meta.name` of the file.
    pub name: String,
    /// `meta.version` of the file.
    pub version: String,
    /// Every cue word with the lists it is in, one bit per list (`SPEECH`, ...): one look-up
    /// answers any of the `is_*` questions.
    words: FxHashMap<String, u64>,
    /// Whether the file lists `speech.closing_after` (else any word may follow).
    closing_after: bool,
}

impl CueWords {
    /// Reads and checks a cue-word file; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<CueWords, Error> {
        let f: File = toml::from_str(text).map_err(|e| Error::toml(path, text, &e, FORMAT))?;
        let list = |name: &str, words: Vec<Spanned<String>>, at: usize| {
            words_of(text, path, name, words, at)
        };
        // A list a file may leave out or leave empty (one added after 1.13.0).
        let optional = |name: &str, words: Vec<Spanned<String>>, at: usize| {
            if words.is_empty() {
                Ok(Vec::new())
            } else {
                list(name, words, at)
            }
        };
        // An empty list has no word to point at: its error points at its table.
        let speech_at = table_at(text, "[speech]");
        let desc_at = table_at(text, "[descriptors]");
        let names_at = table_at(text, "[names]");
        // Words of one list that another must hold too: (word, where, list, the other list).
        let subsets: Vec<(String, usize, &str, u64, &str)> = [
            (
                &f.speech.also_nouns,
                "speech.also_nouns",
                SPEECH,
                "speech.verbs",
            ),
            (
                &f.speech.with_that,
                "speech.with_that",
                REPORTING,
                "speech.reporting",
            ),
            (&f.speech.saying, "speech.saying", SPEECH, "speech.verbs"),
            (
                &f.speech.going_on,
                "speech.going_on",
                SPEECH,
                "speech.verbs",
            ),
            (
                &f.speech.no_object,
                "speech.no_object",
                SPEECH,
                "speech.verbs",
            ),
        ]
        .into_iter()
        .flat_map(|(words, name, bit, of)| {
            words
                .iter()
                .map(move |w| (w.get_ref().clone(), w.span().start, name, bit, of))
        })
        .collect();
        let closing_after = !f.speech.closing_after.is_empty();
        // Lists added after 1.17.0 that the rules need: a file without one (or with it empty)
        // is an error naming it, pointing at `[speech]`.
        let between = list("speech.between", f.speech.between, speech_at)?;
        let saying = list("speech.saying", f.speech.saying, speech_at)?;
        let going_on = list("speech.going_on", f.speech.going_on, speech_at)?;
        let naming = list("speech.naming", f.speech.naming, speech_at)?;
        let ing_prepositions = list(
            "speech.ing_prepositions",
            f.speech.ing_prepositions,
            speech_at,
        )?;
        let clause_conjunctions = list(
            "speech.clause_conjunctions",
            f.speech.clause_conjunctions,
            speech_at,
        )?;
        let lists: [(u64, Vec<String>); 43] = [
            (BETWEEN, between),
            (ING_PREPOSITIONS, ing_prepositions),
            (CLAUSE_CONJUNCTIONS, clause_conjunctions),
            (
                GROUP_DETERMINERS,
                optional(
                    "names.group_determiners",
                    f.names.group_determiners,
                    names_at,
                )?,
            ),
            (TIMES, optional("speech.times", f.speech.times, speech_at)?),
            (
                NO_OBJECT,
                optional("speech.no_object", f.speech.no_object, speech_at)?,
            ),
            (
                AFTER_QUOTE,
                optional("speech.after_quote", f.speech.after_quote, speech_at)?,
            ),
            (
                OUTSIDERS,
                optional("descriptors.outsiders", f.descriptors.outsiders, desc_at)?,
            ),
            (
                WORKS,
                optional("descriptors.works", f.descriptors.works, desc_at)?,
            ),
            (
                STATE_ROLES,
                optional(
                    "descriptors.state_roles",
                    f.descriptors.state_roles,
                    desc_at,
                )?,
            ),
            (SAYING, saying),
            (GOING_ON, going_on),
            (NAMING, naming),
            (
                KINDS,
                optional("descriptors.kinds", f.descriptors.kinds, desc_at)?,
            ),
            (
                QUALIFIERS,
                optional("descriptors.qualifiers", f.descriptors.qualifiers, desc_at)?,
            ),
            (
                CONTACTED,
                optional("speech.contacted", f.speech.contacted, speech_at)?,
            ),
            (
                OFFICIAL,
                optional("descriptors.official", f.descriptors.official, desc_at)?,
            ),
            (
                STAFF,
                optional("descriptors.staff", f.descriptors.staff, desc_at)?,
            ),
            (
                DOCUMENTS,
                optional("descriptors.documents", f.descriptors.documents, desc_at)?,
            ),
            (
                WITH_THAT,
                optional("speech.with_that", f.speech.with_that, speech_at)?,
            ),
            (SPEECH, list("speech.verbs", f.speech.verbs, speech_at)?),
            (
                NOUN_VERBS,
                list("speech.also_nouns", f.speech.also_nouns, speech_at)?,
            ),
            (
                REPORTING,
                list("speech.reporting", f.speech.reporting, speech_at)?,
            ),
            (
                ADDRESSEES,
                list("speech.addressees", f.speech.addressees, speech_at)?,
            ),
            (
                TITLING,
                list("speech.titling", f.speech.titling, speech_at)?,
            ),
            (
                AUXILIARIES,
                list("speech.auxiliaries", f.speech.auxiliaries, speech_at)?,
            ),
            (MODALS, list("speech.modals", f.speech.modals, speech_at)?),
            (
                TALLIES,
                optional("speech.tallies", f.speech.tallies, speech_at)?,
            ),
            (
                CLOSING_AFTER,
                optional("speech.closing_after", f.speech.closing_after, speech_at)?,
            ),
            (
                OUTLET,
                list("descriptors.outlet", f.descriptors.outlet, desc_at)?,
            ),
            (
                PERSON,
                list("descriptors.person", f.descriptors.person, desc_at)?,
            ),
            (
                ORGANISATION,
                list(
                    "descriptors.organisation",
                    f.descriptors.organisation,
                    desc_at,
                )?,
            ),
            (
                GENERIC,
                list("descriptors.generic", f.descriptors.generic, desc_at)?,
            ),
            (
                ANONYMOUS,
                list("descriptors.anonymous", f.descriptors.anonymous, desc_at)?,
            ),
            (
                INSTITUTIONAL,
                list(
                    "descriptors.institutional",
                    f.descriptors.institutional,
                    desc_at,
                )?,
            ),
            (
                PRONOUNS,
                list("descriptors.pronouns", f.descriptors.pronouns, desc_at)?,
            ),
            (TITLES, list("names.titles", f.names.titles, names_at)?),
            (
                PARTICLES,
                list("names.particles", f.names.particles, names_at)?,
            ),
            (
                PLACE_BEFORE,
                list("names.place_before", f.names.place_before, names_at)?,
            ),
            (
                PLACE_WORDS,
                list("names.place_words", f.names.place_words, names_at)?,
            ),
            (
                INTRODUCE,
                list("names.introduce", f.names.introduce, names_at)?,
            ),
            (
                QUANTIFIERS,
                list("names.quantifiers", f.names.quantifiers, names_at)?,
            ),
            (OPENERS, list("names.openers", f.names.openers, names_at)?),
        ];
        let mut words: FxHashMap<String, u64> = FxHashMap::default();
        for (bit, list) in lists {
            for w in list {
                *words.entry(w).or_default() |= bit;
            }
        }
        let cues = CueWords {
            name: f.meta.name,
            version: f.meta.version,
            words,
            closing_after,
        };
        for (w, at, name, bit, of) in subsets {
            if !cues.has(bit, &w) {
                return Err(Error::at(
                    path,
                    text,
                    Some(at),
                    &format!("{w:?} in {name} is not in {of}; add it there too or remove it"),
                ));
            }
        }
        Ok(cues)
    }

    /// The bundled cue words.
    pub fn bundled() -> CueWords {
        CueWords::parse(DEFAULT_CUES, "data/attribution.toml")
            .expect("bundled attribution cue words are valid")
    }

    /// A word that may follow a speech verb that closes its sentence ("..., Lavrov said on
    /// Monday", "..., the ministry said in a statement"): any other word opens what was said
    /// ("On Monday, Lavrov said Russia would ..."). Any word when the file lists none.
    pub fn may_follow_closing(&self, k: &str) -> bool {
        !self.closing_after || self.has(CLOSING_AFTER, k)
    }

    /// A word that may stand between a subject and its speech verb ("Russia also said", "the
    /// agency however reported", "Assad himself said"): an adverb, an auxiliary or an
    /// intensifying pronoun.
    pub fn is_between(&self, k: &str) -> bool {
        self.has(BETWEEN, k)
    }

    /// A speech verb ("said", "according").
    pub fn is_speech(&self, k: &str) -> bool {
        self.has(SPEECH, k)
    }

    /// A verb that introduces reported speech after its subject ("X said (that) ...",
    /// "X accused Y of ...", "X called for ...").
    pub fn is_reporting(&self, k: &str) -> bool {
        self.has(REPORTING, k)
    }

    /// Whom a source tells ("told reporters ..."), besides a listed actor.
    pub fn is_addressee(&self, k: &str) -> bool {
        self.has(ADDRESSEES, k)
    }

    /// A word that gives a name right before a quotation mark ("dubbed"): the quote is a title.
    pub fn is_titling(&self, k: &str) -> bool {
        self.has(TITLING, k)
    }

    /// A word of quantity that determines a noun (`names.group_determiners`: "several",
    /// "some"): capitalised words right after it are a group's noun, no name.
    pub fn is_group_determiner(&self, k: &str) -> bool {
        self.has(GROUP_DETERMINERS, k)
    }

    /// A word in "-ing" that is a preposition (`speech.ing_prepositions`: "following",
    /// "including"), never a participle.
    pub fn is_ing_preposition(&self, k: &str) -> bool {
        self.has(ING_PREPOSITIONS, k)
    }

    /// A conjunction that opens a clause of its own (`speech.clause_conjunctions`: "as",
    /// "since", "while").
    pub fn is_clause_conjunction(&self, k: &str) -> bool {
        self.has(CLAUSE_CONJUNCTIONS, k)
    }

    /// A noun of a span of time (`speech.times`: "week", "morning"): "Last week", "said the
    /// day before that ...", "said on Monday morning".
    pub fn is_time(&self, k: &str) -> bool {
        self.has(TIMES, k)
    }

    /// A speech verb that takes no object (`speech.no_object`: "said", "added"): a noun phrase
    /// right after it is the subject of what was said ("said the loud cheering that greeted
    /// ... shows ...").
    pub fn takes_no_object(&self, k: &str) -> bool {
        self.has(NO_OBJECT, k)
    }

    /// A finite auxiliary or copula ("were", "has", "would"): after a noun phrase it opens a
    /// clause, so the phrase is a subject, not a speaker who closes the sentence.
    pub fn is_auxiliary(&self, k: &str) -> bool {
        self.has(AUXILIARIES, k)
    }

    /// In one look-up: `Some(true)` for a reporting verb, `Some(false)` for a verb that is
    /// only a tally verb (a source giving a toll, "put the death toll at ...", when a toll
    /// follows), `None` for neither.
    pub fn reporting_or_tally(&self, k: &str) -> Option<bool> {
        let b = self.words.get(k).copied().unwrap_or(0);
        if b & REPORTING != 0 {
            Some(true)
        } else {
            (b & TALLIES != 0).then_some(false)
        }
    }

    /// A reporting verb that opens reported speech only with "that" after it ("tweeted that
    /// ...", not "tweeted a link to ...").
    pub fn needs_that(&self, k: &str) -> bool {
        self.has(WITH_THAT, k)
    }

    /// A modal verb ("will", "could"): a speech verb after it opens no report.
    pub fn is_modal(&self, k: &str) -> bool {
        self.has(MODALS, k)
    }

    /// A speech verb that is also a noun ("report", "claim"): tried after the others.
    pub fn is_noun_verb(&self, k: &str) -> bool {
        self.has(NOUN_VERBS, k)
    }

    /// The head noun of an outlet descriptor ("the report", "state television").
    pub fn is_outlet_noun(&self, k: &str) -> bool {
        self.has(OUTLET, k)
    }

    /// The head noun of a person descriptor ("the minister").
    pub fn is_person_noun(&self, k: &str) -> bool {
        self.has(PERSON, k)
    }

    /// The head noun of an organisation descriptor ("the ministry", "a statement").
    pub fn is_org_noun(&self, k: &str) -> bool {
        self.has(ORGANISATION, k)
    }

    /// The head noun of a body's descriptor, of an organisation or an outlet ("the ministry",
    /// "the agency", "the channel").
    pub fn is_body_noun(&self, k: &str) -> bool {
        self.has(ORGANISATION | OUTLET, k)
    }

    /// An organisation head noun that any body may use of itself ("the statement", "the
    /// group"), whatever its name.
    pub fn is_generic_org_noun(&self, k: &str) -> bool {
        self.has(GENERIC, k)
    }

    /// A word of an anonymous source ("sources", "activists").
    pub fn is_anonymous(&self, k: &str) -> bool {
        self.has(ANONYMOUS, k)
    }

    /// The head noun of any source descriptor: a person, organisation, outlet or anonymous
    /// source ("the minister", "the ministry", "the agency", "sources").
    pub fn is_head_noun(&self, k: &str) -> bool {
        self.has(PERSON | ORGANISATION | OUTLET | ANONYMOUS, k)
    }

    /// A plural head that speaks for an institution ("officials", "diplomats").
    pub fn is_institutional(&self, k: &str) -> bool {
        self.has(INSTITUTIONAL, k)
    }

    /// A head by which a person's staff speak for the person after the person's name in the
    /// possessive ("Netanyahu's office said").
    pub fn is_staff(&self, k: &str) -> bool {
        self.has(STAFF, k)
    }

    /// A record a claim may rest on, after "according to" ("according to the latest toll",
    /// "according to newly released emails").
    pub fn is_document(&self, k: &str) -> bool {
        self.has(DOCUMENTS, k)
    }

    /// A verb that says a claim outright ("said", "told", "reported"; not "claims
    /// responsibility", not "warned of").
    pub fn is_saying(&self, k: &str) -> bool {
        self.has(SAYING, k)
    }

    /// A participle that goes on with what its subject said ("... said adding that ...").
    pub fn is_going_on(&self, k: &str) -> bool {
        self.has(GOING_ON, k)
    }

    /// A verb by which a source names a thing ("what X called Y", "what X described as Y").
    pub fn is_naming(&self, k: &str) -> bool {
        self.has(NAMING, k)
    }

    /// A verb that attributes a quote only in the clause right after it ('"...," Mr Campbell
    /// continued'), being seldom a speech verb elsewhere ("the fighting continued").
    pub fn is_after_quote(&self, k: &str) -> bool {
        self.has(AFTER_QUOTE, k)
    }

    /// A state's office ("minister", "ambassador", "spokesman"): with a demonym or country and
    /// no holder named, the country speaks.
    pub fn is_state_role(&self, k: &str) -> bool {
        self.has(STATE_ROLES, k)
    }

    /// A noun of a work or of its people ("film", "show", "actor", "host"): a quote of
    /// capitalised words right before it is the work's title ("“Empire” actor Jussie
    /// Smollett"), nobody's words.
    pub fn is_work(&self, k: &str) -> bool {
        self.has(WORKS, k)
    }

    /// A head of people around a body or person, not of its own ("IS supporters", "Assad
    /// opponents", "the Foley family"): the name before it is not who speaks.
    pub fn is_outsider(&self, k: &str) -> bool {
        self.has(OUTSIDERS, k)
    }

    /// The head of a body of one kind ("the company", "the hospital", "the court"): it points
    /// back only to a body whose name holds it.
    pub fn is_kind(&self, k: &str) -> bool {
        self.has(KINDS, k)
    }

    /// A participle that tells how a source was reached ("Residents contacted by Reuters said").
    pub fn is_contacted(&self, k: &str) -> bool {
        self.has(CONTACTED, k)
    }

    /// A word that qualifies a body's noun right before the body's name ("state news agency
    /// SANA").
    pub fn is_qualifier(&self, k: &str) -> bool {
        self.has(QUALIFIERS, k)
    }

    /// A word that makes anonymous sources a state's ("Turkish security sources").
    pub fn is_official(&self, k: &str) -> bool {
        self.has(OFFICIAL, k)
    }

    /// A pronoun that refers to the last person named ("he").
    pub fn is_pronoun(&self, k: &str) -> bool {
        self.has(PRONOUNS, k)
    }

    /// A title or role word before a name, not part of it ("captain", "mp", "activist").
    pub fn is_title(&self, k: &str) -> bool {
        self.has(TITLES, k)
    }

    /// A lowercase particle inside a name ("al" in "Ibrahim al-Hajj").
    pub fn is_particle(&self, k: &str) -> bool {
        self.has(PARTICLES, k)
    }

    /// A word before a capitalised run that makes it a place ("from Deir al-Zor").
    pub fn is_place_before(&self, k: &str) -> bool {
        self.has(PLACE_BEFORE, k)
    }

    /// A lowercase word of a place phrase after a subject ("the local White Helmets in the
    /// central Hama province said"): a kind of place or where in it.
    pub fn is_place_word(&self, k: &str) -> bool {
        self.has(PLACE_WORDS, k)
    }

    /// Whether `k` introduces a name ("a witness named Ahmad", "a man called Abu Ali"): the
    /// one word after it is a name even where one capitalised word alone would not be.
    pub fn is_introducer(&self, k: &str) -> bool {
        self.has(INTRODUCE, k)
    }

    /// A word of quantity ("several", "dozens"): never a word of a name.
    pub fn is_quantifier(&self, k: &str) -> bool {
        self.has(QUANTIFIERS, k)
    }

    /// A preposition, conjunction or sentence adverb ("like", "meanwhile"): never a word of a
    /// name.
    pub fn is_opener(&self, k: &str) -> bool {
        self.has(OPENERS, k)
    }
}

impl CueWords {
    /// Whether `k` is in any of the lists whose bits `lists` sets.
    fn has(&self, lists: u64, k: &str) -> bool {
        self.words.get(k).is_some_and(|b| b & lists != 0)
    }
}

/// Byte offset of a table header in the file (start of file when absent).
pub(crate) fn table_at(text: &str, header: &str) -> usize {
    text.find(header).unwrap_or(0)
}

/// The words of one list, checked: not empty, each a token key, none twice.
pub(crate) fn words_of(
    text: &str,
    path: &str,
    name: &str,
    words: Vec<Spanned<String>>,
    table: usize,
) -> Result<Vec<String>, Error> {
    if words.is_empty() {
        return Err(Error::at(
            path,
            text,
            Some(table),
            &format!("{name} is empty; list at least one word"),
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut seen: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for w in words {
        let at = w.span().start;
        let w = w.into_inner();
        let one_word = !w.is_empty() && !w.chars().any(char::is_whitespace) && key(&w) == w;
        if !one_word {
            return Err(Error::at(
                path,
                text,
                Some(at),
                &format!(
                    "{w:?} in {name} is not a token key; write one word in lowercase without diacritics ({:?})",
                    key(w.trim())
                ),
            ));
        }
        if !seen.insert(w.clone()) {
            return Err(Error::at(
                path,
                text,
                Some(at),
                &format!("{w:?} is twice in {name}; remove one"),
            ));
        }
        out.push(w);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_words_load() {
        let c = CueWords::bundled();
        assert!(c.is_speech("said") && c.is_speech("according"));
        assert!(c.is_noun_verb("claims") && !c.is_noun_verb("said"));
        assert!(c.is_outlet_noun("tv") && c.is_person_noun("envoy") && c.is_org_noun("army"));
        assert!(c.is_anonymous("reports") && c.is_pronoun("she") && !c.is_pronoun("they"));
        // Words that may follow a closing speech verb: listed ones only; any word in a file of
        // a user's own that lists none (as before 1.15.0).
        assert!(c.may_follow_closing("on") && c.may_follow_closing("monday"));
        assert!(!c.may_follow_closing("russia") && !c.may_follow_closing("the"));
        // The cue file without one of its lists.
        let drop_list = |text: &str, key: &str| {
            let start = text.find(key).unwrap();
            let end = start + text[start..].find("]\n").unwrap() + 2;
            format!("{}{}", &text[..start], &text[end..])
        };
        let parse = |text: &str| {
            CueWords::parse(text, "cues.toml")
                .map_err(|e| e.to_string())
                .unwrap()
        };
        let without = drop_list(DEFAULT_CUES, "closing_after = [");
        let c = parse(&without);
        assert!(c.may_follow_closing("russia") && c.may_follow_closing("on"));
        // Nor need it list tallies (as before 1.14.0): then no verb gives a toll.
        let without = drop_list(&without, "tallies = [");
        let c = parse(&without);
        assert_eq!(c.reporting_or_tally("counted"), None);
        assert_eq!(
            CueWords::bundled().reporting_or_tally("counted"),
            Some(false)
        );
        // Nor verbs that need "that" (as before 1.19.0): then none does.
        let without = drop_list(&without, "with_that = [");
        let c = parse(&without);
        assert!(!c.needs_that("tweeted") && CueWords::bundled().needs_that("tweeted"));
        // Nor the optional lists, each read as empty without it: heads of a person's staff (as
        // before 1.19.0), records (1.20.0), state qualifiers of anonymous sources, participles
        // of how a source was reached, qualifiers of a body's noun before its name (1.23.0),
        // heads of a body of one kind (1.24.0), a state's offices (1.25.0), nouns of works
        // (1.26.0), heads of people around a body (1.30.0).
        type Has = fn(&CueWords, &str) -> bool;
        let optional: [(&str, Has, &str); 9] = [
            ("outsiders", CueWords::is_outsider, "supporters"),
            ("staff", CueWords::is_staff, "office"),
            ("documents", CueWords::is_document, "toll"),
            ("official", CueWords::is_official, "security"),
            ("contacted", CueWords::is_contacted, "reached"),
            ("qualifiers", CueWords::is_qualifier, "state"),
            ("kinds", CueWords::is_kind, "company"),
            ("state_roles", CueWords::is_state_role, "minister"),
            ("works", CueWords::is_work, "actor"),
        ];
        let mut without = without;
        for (name, has, word) in optional {
            without = drop_list(&without, &format!("{name} = ["));
            let c = parse(&without);
            assert!(!has(&c, word), "{name} dropped, yet {word:?} is in it");
            assert!(
                has(&CueWords::bundled(), word),
                "{word:?} not in the bundled {name}"
            );
        }
        // The lists the rules need may not be left out: the error names the list and points
        // at its table.
        for name in [
            "between",
            "saying",
            "going_on",
            "naming",
            "ing_prepositions",
            "clause_conjunctions",
        ] {
            let e = CueWords::parse(&drop_list(&without, &format!("{name} = [")), "cues.toml")
                .unwrap_err()
                .to_string();
            assert!(
                e.contains(&format!("speech.{name} is empty; list at least one word")),
                "{name}: {e}"
            );
        }
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let bad = DEFAULT_CUES.replacen("\"says\"", "\"Says\"", 1);
        let e = CueWords::parse(&bad, "cues.toml").unwrap_err().to_string();
        assert!(
            e.starts_with("cues.toml:17:11: error: \"Says\" in speech.verbs is not a token key"),
            "{e}"
        );
        let bad = DEFAULT_CUES.replacen("verbs = [", "verbs = [ 3,", 1);
        let e = CueWords::parse(&bad, "cues.toml").unwrap_err().to_string();
        assert!(e.starts_with("cues.toml:16:"), "{e}");
        let bad = DEFAULT_CUES.replacen(
            "\"states\", \"notes\",\n]",
            "\"states\", \"notes\", \"rumour\",\n]",
            1,
        );
        let e = CueWords::parse(&bad, "cues.toml").unwrap_err().to_string();
        assert!(
            e.contains("\"rumour\" in speech.also_nouns is not in speech.verbs"),
            "{e}"
        );
        let bad = DEFAULT_CUES.replacen("\"he\", \"she\",", "\"he\", \"he\",", 1);
        let e = CueWords::parse(&bad, "cues.toml").unwrap_err().to_string();
        assert!(e.contains("\"he\" is twice in descriptors.pronouns"), "{e}");
        let bad = DEFAULT_CUES.replacen("with_that = [", "with_that = [\"pondered\", ", 1);
        let e = CueWords::parse(&bad, "cues.toml").unwrap_err().to_string();
        assert!(
            e.contains("\"pondered\" in speech.with_that is not in speech.reporting"),
            "{e}"
        );
    }
}
