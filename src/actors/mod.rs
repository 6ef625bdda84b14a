//! Actor mentions: names, aliases, demonyms and metonyms from the gazetteer, resolved to one
//! actor whatever the spelling.
//!
//! Exact matching runs over token keys (case-folded, diacritics folded, hyphens, apostrophes
//! and inner Arabic particles ignored), longest match first, starting only at capitalised
//! tokens. Transliteration variants not listed in the gazetteer are resolved with `strsim`
//! ([`fuzzy`]). A bare surname resolves to the person last named in full in the same article,
//! else to the person the gazetteer allows it for. Metonyms after a locative preposition
//! ("in Damascus") are places, not actors.

pub mod fuzzy;

use crate::lexicon::{ActorId, ActorKind, Gazetteer};
use crate::span::Span;
use crate::text::keys::{name_key, push_name_word, strip_possessive, PARTICLES};
use crate::text::Tokens;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// How an actor was named.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// Canonical name or a given name + surname combination.
    Name,
    /// An alias.
    Alias,
    /// A bare surname.
    Surname,
    /// A demonym ("Russian").
    Demonym,
    /// A metonym ("the Kremlin").
    Metonym,
}

/// One mention of an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// Who.
    pub actor: ActorId,
    /// How it was named.
    pub form: Form,
    /// First token.
    pub first: u32,
    /// Last token (inclusive).
    pub last: u32,
    /// A metonym used as a place ("in Damascus"): not an actor mention.
    pub place: bool,
    /// Found by fuzzy matching.
    pub fuzzy: bool,
}

/// Words before a metonym that make it a place.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "into",
    "to",
    "from",
    "around",
    "across",
    "toward",
    "towards",
    "via",
    "through",
    "visited",
    "visiting",
    "visit",
    "reached",
    "left",
    "arrived",
    "outskirts",
    "downtown",
    "capital",
    "city",
];

/// Nouns after a metonym that make it a modifier of an event or place ("the Moscow talks").
const EVENT_NOUNS: &[&str] = &[
    "talks",
    "meeting",
    "meetings",
    "summit",
    "format",
    "platform",
    "process",
    "conference",
    "agreement",
    "accord",
    "visit",
    "airport",
    "region",
    "countryside",
    "suburbs",
    "province",
    "university",
    "time",
    "declaration",
    "memorandum",
    "negotiations",
    "round",
    "consultations",
    "embassy",
    "office",
    "bureau",
    "correspondent",
];

/// Capitalised words that stand before names as titles, not given names.
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "foreign",
    "deputy",
    "mr",
    "mrs",
    "ms",
    "dr",
    "general",
    "gen",
    "lt",
    "lieutenant",
    "sheikh",
    "sayyed",
    "sayed",
    "seyed",
    "king",
    "emir",
    "prince",
    "crown",
    "ayatollah",
    "envoy",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "chancellor",
    "commander",
    "colonel",
    "col",
    "brigadier",
    "major",
    "maj",
    "chief",
    "leader",
    "speaker",
    "senator",
    "sen",
    "top",
    "special",
    "presidential",
    "defense",
    "defence",
    "interior",
    "state",
    "vice",
    "first",
    "supreme",
    "grand",
    "mufti",
    "imam",
    "hojatoleslam",
    "professor",
    "prof",
    "adviser",
    "advisor",
    "official",
    "diplomat",
    "head",
    "former",
    "late",
    "syrian",
    "russian",
    "iranian",
    "turkish",
    "israeli",
    "american",
    "us",
    "un",
    "general's",
    "counterpart",
    "captain",
    "capt",
    "admiral",
    "marshal",
    "field",
    "army",
    "navy",
    "mp",
    "lawmaker",
    "chairman",
    "director",
    "ceo",
    "coordinator",
    "mediator",
    "representative",
    "his",
    "her",
    "meanwhile",
    "but",
    "and",
    "when",
    "after",
    "while",
    "the",
    "a",
    "an",
    "as",
    "with",
    "said",
    "says",
    "told",
    "both",
    "also",
    "however",
    "since",
    "then",
    "if",
    "during",
    "according",
];

#[derive(Clone, Copy, Debug)]
struct Entry {
    actor: ActorId,
    form: Form,
}

/// Compiled actor matcher.
pub struct ActorMatcher {
    map: FxHashMap<String, Vec<Entry>>,
    prefixes: FxHashSet<String>,
    max_words: usize,
    fuzzy: fuzzy::FuzzyIndex,
    /// Surname key -> persons with that surname.
    surnames: FxHashMap<String, Vec<ActorId>>,
    given_names: FxHashSet<String>,
}

/// Per-thread memory for fuzzy lookups: token key -> (surname match, given-name matches).
pub type FuzzyCache = FxHashMap<String, (Option<ActorId>, Option<Vec<ActorId>>)>;

impl ActorMatcher {
    /// Compiles a gazetteer.
    pub fn new(g: &Gazetteer) -> ActorMatcher {
        let mut map: FxHashMap<String, Vec<Entry>> = FxHashMap::default();
        let mut max_words = 1;
        let mut prefixes = FxHashSet::default();
        let mut surnames: FxHashMap<String, Vec<ActorId>> = FxHashMap::default();
        let mut given_names = FxHashSet::default();
        let mut add = |name: &str, actor: ActorId, form: Form| {
            let k = name_key(name);
            if k.is_empty() {
                return;
            }
            let toks = Tokens::new(name, &[Span::new(0, name.len())]);
            let words: Vec<&str> = (0..toks.len())
                .filter(|&i| toks.tokens[i].word)
                .map(|i| toks.key(i))
                .collect();
            max_words = max_words.max(words.len() + 2);
            // Every prefix of the key (by character: text may split words differently,
            // "Amir-Abdollahian" against "Amirabdollahian"), so that matching can stop early.
            for (b, _) in k.char_indices().skip(1) {
                prefixes.insert(k[..b].to_string());
            }
            prefixes.insert(k.clone());
            let v = map.entry(k).or_default();
            if !v.iter().any(|e| e.actor == actor) {
                v.push(Entry { actor, form });
            }
        };
        for (i, a) in g.actors.iter().enumerate() {
            let id = i as ActorId;
            add(&a.name, id, Form::Name);
            for x in &a.aliases {
                add(x, id, Form::Alias);
            }
            for x in &a.demonyms {
                add(x, id, Form::Demonym);
            }
            for x in &a.metonyms {
                add(x, id, Form::Metonym);
            }
            if a.kind == ActorKind::Person {
                if let Some(s) = &a.surname {
                    for gv in &a.given {
                        add(&format!("{gv} {s}"), id, Form::Name);
                        given_names.insert(name_key(gv));
                    }
                    surnames.entry(name_key(s)).or_default().push(id);
                    add(s, id, Form::Surname);
                }
            }
        }
        // Where a key is both a surname and something else, names and aliases come first.
        for v in map.values_mut() {
            v.sort_by_key(|e| (e.form == Form::Surname, e.form == Form::Demonym));
        }
        let fuzzy = fuzzy::FuzzyIndex::new(g);
        ActorMatcher {
            map,
            prefixes,
            max_words,
            fuzzy,
            surnames,
            given_names,
        }
    }

    /// Resolves a name typed by a user (an id, a name, an alias or a spelling variant).
    pub fn lookup(&self, g: &Gazetteer, name: &str) -> Option<ActorId> {
        if let Some(id) = g.id(name) {
            return Some(id);
        }
        let k = name_key(name);
        if let Some(e) = self.map.get(&k).and_then(|v| v.first()) {
            return Some(e.actor);
        }
        self.fuzzy.surname(g, &k)
    }

    /// Finds the actor mentions in an article.
    pub fn find(
        &self,
        g: &Gazetteer,
        text: &str,
        tokens: &Tokens,
        cache: &mut FuzzyCache,
    ) -> Vec<Mention> {
        let toks = &tokens.tokens;
        let mut out: Vec<Mention> = Vec::new();
        // Persons named in full so far, by surname key, most recent last.
        let mut full_named: FxHashMap<String, ActorId> = FxHashMap::default();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if !t.word || !(t.cap || t.upper) {
                i += 1;
                continue;
            }
            match self.longest_exact(tokens, i) {
                Some((end, key)) => {
                    let entries = &self.map[&key];
                    let m = self.resolve(g, tokens, text, i, end, &key, entries, &full_named, &out);
                    if let Some(m) = m {
                        if matches!(m.form, Form::Name | Form::Alias)
                            && g.actor(m.actor).kind == ActorKind::Person
                        {
                            if let Some(s) = &g.actor(m.actor).surname {
                                full_named.insert(name_key(s), m.actor);
                            }
                        }
                        out.push(m);
                    }
                    i = end + 1;
                }
                None => {
                    if let Some(m) = self.fuzzy_at(g, tokens, text, i, cache, &full_named) {
                        if m.form == Form::Name {
                            if let Some(s) = &g.actor(m.actor).surname {
                                full_named.insert(name_key(s), m.actor);
                            }
                        }
                        i = m.last as usize + 1;
                        out.push(m);
                    } else {
                        i += 1;
                    }
                }
            }
        }
        out
    }

    /// The longest gazetteer key starting at token `i`: (last token, key).
    fn longest_exact(&self, tokens: &Tokens, i: usize) -> Option<(usize, String)> {
        let toks = &tokens.tokens;
        let mut key = String::new();
        let mut best = None;
        let mut j = i;
        let mut words = 0;
        while j < toks.len() && words < self.max_words {
            let t = &toks[j];
            if !t.word {
                // Hyphens and apostrophes join words only when nothing separates them.
                let k = tokens.key(j);
                let joins = (k == "-" || k == "'")
                    && !t.space_before
                    && j + 1 < toks.len()
                    && toks[j + 1].word
                    && !toks[j + 1].space_before
                    && j > i;
                if joins {
                    j += 1;
                    continue;
                }
                break;
            }
            let k = tokens.key(j);
            words += 1;
            if !(j > i && !key.is_empty() && PARTICLES.contains(&k)) {
                let mut candidate = key.clone();
                push_name_word(&mut candidate, k, true);
                if self.map.contains_key(&candidate) {
                    best = Some((j, candidate));
                }
                push_name_word(&mut key, k, false);
                if !self.prefixes.contains(&key) && !self.prefixes.contains(strip_possessive(&key))
                {
                    break;
                }
            }
            j += 1;
        }
        best
    }

    #[allow(clippy::too_many_arguments)]
    fn resolve(
        &self,
        g: &Gazetteer,
        tokens: &Tokens,
        text: &str,
        first: usize,
        last: usize,
        key: &str,
        entries: &[Entry],
        full_named: &FxHashMap<String, ActorId>,
        so_far: &[Mention],
    ) -> Option<Mention> {
        let span = Span::new(
            tokens.tokens[first].span.start,
            tokens.tokens[last].span.end,
        );
        let mk = |actor, form| Mention {
            span,
            actor,
            form,
            first: first as u32,
            last: last as u32,
            place: false,
            fuzzy: false,
        };
        // A surname: the person last named in full, else the one the gazetteer allows, else
        // the only person with that surname.
        let e = entries[0];
        if e.form == Form::Surname {
            if let Some(&p) = full_named.get(key) {
                return Some(mk(p, Form::Surname));
            }
            if self.guarded(tokens, text, first, so_far) {
                return None;
            }
            let persons = self.surnames.get(key).map(Vec::as_slice).unwrap_or(&[]);
            let pick = persons
                .iter()
                .copied()
                .find(|&p| g.actor(p).surname_alone)
                .or(if persons.len() == 1 {
                    Some(persons[0])
                } else {
                    None
                });
            return pick.map(|p| mk(p, Form::Surname));
        }
        let mut m = mk(e.actor, e.form);
        let toks = &tokens.tokens;
        let next_key = (last + 1 < toks.len()).then(|| tokens.key(last + 1));
        // A dateline ("MOSCOW (Reuters) -", "Damascus, SANA -") names a place.
        let para_start = first == 0
            || toks[first].span.start > toks[first - 1].span.end
                && text[toks[first - 1].span.end..toks[first].span.start].contains(['\n', '\r']);
        if para_start
            && matches!(next_key, Some("(") | Some(","))
            && (e.form == Form::Metonym || toks[first].upper)
        {
            m.place = true;
        }
        // "the Moscow talks", "the Moscow Platform": a modifier naming an event or place.
        if e.form == Form::Metonym && next_key.map(|k| EVENT_NOUNS.contains(&k)).unwrap_or(false) {
            m.place = true;
        }
        if e.form == Form::Metonym && first > 0 {
            let mut p = first - 1;
            // Skip "the" in "in the Kremlin".
            if tokens.key(p) == "the" && p > 0 {
                p -= 1;
            }
            if tokens.tokens[p].word && LOCATIVE.contains(&tokens.key(p)) {
                m.place = true;
            }
        }
        Some(m)
    }

    /// True when a bare surname at `i` follows an unknown capitalised word that looks like a
    /// given name of someone else ("Maher al-Assad" is not Bashar).
    fn guarded(&self, tokens: &Tokens, _text: &str, i: usize, so_far: &[Mention]) -> bool {
        let toks = &tokens.tokens;
        let mut p = i;
        // Step back over particles and joining hyphens: "Maher al-Assad".
        while p > 0 {
            let k = tokens.key(p - 1);
            if PARTICLES.contains(&k) || ((k == "-" || k == "'") && !toks[p - 1].space_before) {
                p -= 1;
            } else {
                break;
            }
        }
        if p == 0 {
            return false;
        }
        let prev = &toks[p - 1];
        if !prev.word || !prev.cap || prev.upper {
            return false;
        }
        if so_far
            .last()
            .map(|m| m.last as usize == p - 1)
            .unwrap_or(false)
        {
            return false; // "Syrian Assad": the previous word was an actor (a demonym)
        }
        let k = tokens.key(p - 1);
        if TITLES.contains(&strip_possessive(k)) {
            return false;
        }
        let sentence_start =
            p - 1 == 0 || matches!(tokens.key(p - 2), "." | "\"" | "!" | "?" | ":");
        !sentence_start || self.given_names.contains(k)
    }

    fn fuzzy_at(
        &self,
        g: &Gazetteer,
        tokens: &Tokens,
        text: &str,
        i: usize,
        cache: &mut FuzzyCache,
        full_named: &FxHashMap<String, ActorId>,
    ) -> Option<Mention> {
        let toks = &tokens.tokens;
        let k = tokens.key(i);
        let key = strip_possessive(k).replace(['\'', '-'], "");
        if key.chars().count() < 4 || !toks[i].cap {
            return None;
        }
        let span_of = |a: usize, b: usize| Span::new(toks[a].span.start, toks[b].span.end);
        let (surname_hit, given_hit) = match cache.get(&key) {
            Some(v) => v.clone(),
            None => {
                let v = (self.fuzzy.surname(g, &key), self.fuzzy.given(&key));
                cache.insert(key.clone(), v.clone());
                v
            }
        };
        // A given name followed by a surname of the same person: "Sergei Lavrentiev".
        if let Some(person) = given_hit {
            let mut j = i + 1;
            while j < toks.len()
                && (PARTICLES.contains(&tokens.key(j)) || (!toks[j].word && tokens.key(j) == "-"))
            {
                j += 1;
            }
            if j < toks.len() && toks[j].word {
                let sk = strip_possessive(tokens.key(j)).replace(['\'', '-'], "");
                for p in person {
                    if self.fuzzy.surname_matches(g, p, &sk) {
                        return Some(Mention {
                            span: span_of(i, j),
                            actor: p,
                            form: Form::Name,
                            first: i as u32,
                            last: j as u32,
                            place: false,
                            fuzzy: true,
                        });
                    }
                }
            }
        }
        let actor = surname_hit?;
        let form = Form::Surname;
        let surname_key = g
            .actor(actor)
            .surname
            .as_deref()
            .map(name_key)
            .unwrap_or_default();
        let actor = full_named.get(&surname_key).copied().unwrap_or(actor);
        if self.guarded(tokens, text, i, &[]) {
            return None;
        }
        if !g.actor(actor).surname_alone && !full_named.contains_key(&surname_key) {
            return None;
        }
        Some(Mention {
            span: span_of(i, i),
            actor,
            form,
            first: i as u32,
            last: i as u32,
            place: false,
            fuzzy: true,
        })
    }
}
