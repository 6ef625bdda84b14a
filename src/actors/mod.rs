//! Actor mentions: names, aliases, demonyms and metonyms from the gazetteer, resolved to one
//! actor whatever the spelling.
//!
//! Exact matching runs over token keys (case-folded, diacritics folded, hyphens, apostrophes
//! and inner Arabic particles ignored), longest match first, starting only at capitalised
//! tokens. Transliteration variants not listed in the gazetteer are resolved with `strsim`
//! ([`fuzzy`]). A bare surname resolves to the person last named in full in the same article,
//! else to the person the gazetteer allows it for, unless it is one of the commonest surnames
//! (`data/names.toml`): then only to a person the article names in full. Metonyms after a
//! locative preposition ("in Damascus") are places, not actors.

pub mod fuzzy;

use crate::lexicon::gazetteer::MetonymPlaces;
use crate::lexicon::names::CommonNames;
use crate::lexicon::{ActorId, ActorKind, Gazetteer, Gender};
use crate::span::Span;
use crate::text::keys::{
    initialism_dot, name_key, name_key_bounds, push_name_word, strip_possessive, PARTICLES,
};
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
    /// The gazetteer actor it resolves to (index into `Gazetteer::actors`).
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

/// Words of [`TITLES`] that are not titles of a person.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "but",
    "as",
    "with",
    "his",
    "her",
    "if",
    "when",
    "after",
    "while",
    "then",
    "since",
    "during",
    "both",
    "also",
    "however",
    "meanwhile",
    "according",
    "said",
    "says",
    "told",
    "top",
    "first",
    "former",
    "late",
    "state",
    "head",
    "official",
];

/// Other spellings of a person's surname that its aliases give: an alias that is one of its
/// given names and then a spelling of the surname ("Rami Abdul Rahman", "Faisal Meqdad"). The
/// rest must be close to the surname (normalised Levenshtein of the keys without spaces at least
/// 0.6), so that middle names and patronymics ("Bashar Hafez al-Assad", "Sergei Viktorovich
/// Lavrov"), a father's name or a nickname are no surname.
fn surname_spellings(a: &crate::lexicon::Actor, surname: &str) -> Vec<String> {
    let squash = |s: &str| name_key(s).replace(' ', "");
    let sk = squash(surname);
    let mut out: Vec<String> = Vec::new();
    for alias in &a.aliases {
        for given in &a.given {
            let Some(rest) = alias
                .strip_prefix(given.as_str())
                .and_then(|r| r.strip_prefix(' '))
            else {
                continue;
            };
            let rk = squash(rest);
            if rk.is_empty()
                || name_key(rest) == name_key(surname)
                || strsim::normalized_levenshtein(&rk, &sk) < 0.6
                || out.iter().any(|o| o == rest)
            {
                continue;
            }
            out.push(rest.to_string());
        }
    }
    out
}

/// The token where a name that ends right before token `i` ends once the particles and joining
/// hyphens before `i` are stepped back over ("Maher al-Assad": the index after "Maher"), and
/// whether a particle was among them.
fn back_over_particles(tokens: &Tokens, i: usize) -> (usize, bool) {
    let toks = &tokens.tokens;
    let (mut p, mut particle) = (i, false);
    while !nothing_before(tokens, p) {
        let k = tokens.key(p - 1);
        if PARTICLES.contains(&k) {
            particle = true;
        } else if !((k == "-" || k == "'") && !toks[p - 1].space_before) {
            break;
        }
        p -= 1;
    }
    (p, particle)
}

/// True when no word of the same name can stand before token `p`: it is the first token, or
/// the first of its paragraph or line.
fn nothing_before(tokens: &Tokens, p: usize) -> bool {
    p == 0 || tokens.tokens[p].opens
}

/// True when the word before token `i` (back over particles and joining hyphens: "Bashar
/// al-Assad") is a word of person `p`'s own name, aliases or roles.
fn own_name_before(g: &Gazetteer, p: ActorId, tokens: &Tokens, i: usize) -> bool {
    let (j, _) = back_over_particles(tokens, i);
    !nothing_before(tokens, j)
        && tokens.tokens[j - 1].word
        && g.has_name_word(p, strip_possessive(tokens.key(j - 1)))
}

/// Month and weekday names: never a bare surname (the month "May" is not Theresa May) unless a
/// title stands before them ("Mrs May", "Prime Minister May").
pub(crate) const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The weekday names of [`CALENDAR`] (after its twelve months).
pub(crate) const WEEKDAYS: &[&str] = CALENDAR.split_at(12).1;

/// Words before an outlet name that make it a credit, not an actor ("Source: AFP",
/// "Photo: Reuters", "Copyright 2018 TRT World").
const CREDIT_BEFORE: &[&str] = &[
    "source",
    "photo",
    "photos",
    "copyright",
    "credit",
    "credits",
    "©",
];

/// True when the words before token `first` make the name there a place: a locative ("in
/// Damascus", "in the Kremlin"), a compass point or place modifier ("rural Damascus"), or a
/// place noun before "of" ("the provinces of Damascus", "north of Damascus").
fn place_context(mp: &MetonymPlaces, tokens: &Tokens, first: usize) -> bool {
    if first == 0 {
        return false;
    }
    let toks = &tokens.tokens;
    let mut p = first - 1;
    // Skip "the" in "in the Kremlin".
    if tokens.key(p) == "the" && p > 0 {
        p -= 1;
    }
    if toks[p].word && mp.before.contains(tokens.key(p)) {
        return true;
    }
    let prev = tokens.key(first - 1);
    if toks[first - 1].word && mp.modifiers.contains(prev) {
        return true;
    }
    prev == "of" && first >= 2 && mp.nouns_of.contains(tokens.key(first - 2))
}

/// True when the words around a metonym at tokens `first..=last` make it the place, not the
/// state or body it can stand for:
/// - a modifier of an event, place or building ("the Moscow talks", "Damascus Central Prison",
///   "London-based", "Washington, D.C."),
/// - the words before it ([`place_context`], [`place_conjunct`]), a target of fire ("rockets on
///   Damascus"),
/// - a one-word metonym right after its own country's name ("Syria's Damascus").
fn metonym_place(
    g: &Gazetteer,
    tokens: &Tokens,
    text: &str,
    (first, last): (usize, usize),
    actor: ActorId,
    so_far: &[Mention],
) -> bool {
    let mp = g.metonym_places();
    let toks = &tokens.tokens;
    let word_at = |i: usize| (i < toks.len() && toks[i].word).then(|| tokens.key(i));
    // "the Moscow talks", "the Moscow Platform": a modifier naming an event or place.
    if let Some(k) = word_at(last + 1) {
        if mp.after.contains(k) || mp.buildings.contains(k) {
            return true;
        }
        if word_at(last + 2).is_some_and(|k2| mp.buildings.contains(k2)) {
            return true;
        }
    }
    // "London-based", "Beirut-born": a hyphen stuck to both words.
    if last + 2 < toks.len()
        && tokens.key(last + 1) == "-"
        && !toks[last + 1].space_before
        && !toks[last + 2].space_before
        && mp.after_hyphen.contains(tokens.key(last + 2))
    {
        return true;
    }
    // "Washington, D.C.", "Washington DC".
    let rest = text[toks[last].span.end..].trim_start_matches([',', ' ']);
    if rest.starts_with("D.C.")
        || rest.starts_with("DC") && !rest[2..].starts_with(char::is_alphanumeric)
    {
        return true;
    }
    if place_context(mp, tokens, first) || place_conjunct(mp, tokens, first) {
        return true;
    }
    if first >= 2 && tokens.key(first - 1) == "on" && mp.fire_on.contains(tokens.key(first - 2)) {
        return true;
    }
    // "Syria's Damascus", "Syrias Damascus": the city of a country just named.
    first == last
        && so_far.last().is_some_and(|p| {
            p.last as usize + 1 == first
                && p.form != Form::Demonym
                && Some(p.actor) == g.country(actor)
        })
}

/// True when the name at `first` is the second of two coordinated names and the first of them
/// stands in a place context ("the provinces of Aleppo and Damascus", "in Homs, Hama and
/// Damascus"): the place context covers the whole list.
fn place_conjunct(mp: &MetonymPlaces, tokens: &Tokens, first: usize) -> bool {
    let toks = &tokens.tokens;
    let mut p = first;
    // Back over up to three coordinated capitalised names of up to three words each.
    for _ in 0..3 {
        if p == 0 || !matches!(tokens.key(p - 1), "and" | "or" | ",") {
            return false;
        }
        let mut q = p - 1;
        let mut words = 0;
        while q > 0 && words < 3 && toks[q - 1].word && toks[q - 1].cap {
            q -= 1;
            words += 1;
        }
        if words == 0 {
            return false;
        }
        if place_context(mp, tokens, q) {
            return true;
        }
        p = q;
    }
    false
}

/// Token `i`, or the dot right before it: where the word before an abbreviation's dot ends
/// ("Mr. Jordan": the dot of "Mr").
fn over_dot(tokens: &Tokens, i: usize) -> usize {
    if i > 0 && tokens.key(i - 1) == "." {
        i - 1
    } else {
        i
    }
}

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
    /// Per key, the offsets where a word of one of its names ends (see [`name_key_bounds`]).
    bounds: FxHashMap<String, Vec<usize>>,
    prefixes: FxHashSet<String>,
    max_words: usize,
    fuzzy: fuzzy::FuzzyIndex,
    /// Surname key -> persons with that surname.
    surnames: FxHashMap<String, Vec<ActorId>>,
    /// Per person, the keys of other spellings of the surname that its aliases give ("Rami
    /// Abdul Rahman" for "Abdel Rahman"): they resolve only after the person was named in full.
    spellings: FxHashMap<ActorId, Vec<String>>,
    given_names: FxHashSet<String>,
    /// Keys of names of two or three capitals ("IS", "US", "UN"): they match only in capitals,
    /// so that "Is" and "Us" at the start of a sentence are words, not actors.
    acronyms: FxHashSet<String>,
    /// Per actor, the word keys of longer names that contain one of its names but are not it
    /// (gazetteer `not`: "UN Charter", "Cairo Platform").
    not: FxHashMap<ActorId, Vec<Vec<String>>>,
    /// The commonest surnames and given names (`data/names.toml`).
    names: &'static CommonNames,
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
        let mut spellings: FxHashMap<ActorId, Vec<String>> = FxHashMap::default();
        let mut given_names = FxHashSet::default();
        let mut acronyms = FxHashSet::default();
        let mut bounds: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut add = |name: &str, actor: ActorId, form: Form| {
            let (k, b) = name_key_bounds(name);
            if k.is_empty() {
                return;
            }
            let kb = bounds.entry(k.clone()).or_default();
            kb.extend(b);
            kb.sort_unstable();
            kb.dedup();
            // Short acronyms collide with words ("IS"/"Is", "US"/"Us", "AP"/"Ap"); longer ones
            // are also written as words ("TASS"/"Tass", "ISIS"/"Isis").
            if crate::lexicon::matcher::is_acronym(name)
                && name.chars().filter(|c| c.is_alphabetic()).count() <= 3
            {
                acronyms.insert(k.clone());
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
                    // Spellings with the same key may split it differently ("Abdulrahman",
                    // "Abdul Rahman"): each is added for its word bounds, the key kept once.
                    for v in surname_spellings(a, s) {
                        add(&v, id, Form::Surname);
                        let keys = spellings.entry(id).or_default();
                        let k = name_key(&v);
                        if !keys.contains(&k) {
                            keys.push(k);
                        }
                    }
                }
            }
        }
        // Where a key is both a surname and something else, names and aliases come first.
        for v in map.values_mut() {
            v.sort_by_key(|e| (e.form == Form::Surname, e.form == Form::Demonym));
        }
        let fuzzy = fuzzy::FuzzyIndex::new(g);
        let mut not: FxHashMap<ActorId, Vec<Vec<String>>> = FxHashMap::default();
        for (i, a) in g.actors.iter().enumerate() {
            for phrase in &a.not {
                let toks = Tokens::new(phrase, &[Span::new(0, phrase.len())]);
                let words: Vec<String> = (0..toks.len())
                    .filter(|&j| toks.tokens[j].word)
                    // Keyed as the text's words are compared ("People's" as "people").
                    .map(|j| strip_possessive(toks.key(j)).to_string())
                    .collect();
                if !words.is_empty() {
                    not.entry(i as ActorId).or_default().push(words);
                }
            }
        }
        ActorMatcher {
            map,
            bounds,
            prefixes,
            max_words,
            fuzzy,
            surnames,
            spellings,
            given_names,
            acronyms,
            not,
            names: CommonNames::bundled(),
        }
    }

    /// Records that person `p` was named in full: its surname and the other spellings of it
    /// its aliases give now resolve to it.
    fn named_in_full(
        &self,
        g: &Gazetteer,
        p: ActorId,
        full_named: &mut FxHashMap<String, ActorId>,
    ) {
        if let Some(s) = &g.actor(p).surname {
            full_named.insert(name_key(s), p);
            for k in self.spellings.get(&p).into_iter().flatten() {
                full_named.insert(k.clone(), p);
            }
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
        // Common surnames seen before any person of that surname was named in full.
        let mut deferred: Vec<(Mention, String)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            // A surname that opens with a lowercase particle ("de Mistura told reporters") is
            // looked up from its particle; other lowercase words open no name.
            let particle_surname = t.word
                && !t.cap
                && PARTICLES.contains(&tokens.key(i))
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.word && n.cap && n.space_before);
            if !t.word || !(t.cap || t.upper || particle_surname) {
                i += 1;
                continue;
            }
            if particle_surname {
                let found = self
                    .longest_exact(tokens, i, usize::MAX)
                    .filter(|(_, key)| self.map[key].iter().all(|e| e.form == Form::Surname))
                    .and_then(|(end, key)| {
                        self.resolve(
                            g,
                            tokens,
                            text,
                            (i, end),
                            &key,
                            &self.map[&key],
                            &full_named,
                            &out,
                            &mut deferred,
                        )
                    });
                match found {
                    Some(m) => {
                        i = m.last as usize + 1;
                        out.push(m);
                    }
                    None => i += 1,
                }
                continue;
            }
            // The longest name starting here that resolves; a longer one that does not (a
            // `not` name, a lowercase acronym) gives way to a shorter one ("Syrian state media":
            // not the Syrian government, but "Syrian" is still Syria's demonym).
            let mut exact = self.longest_exact(tokens, i, usize::MAX);
            let mut resolved = None;
            while let Some((end, key)) = &exact {
                let entries = &self.map[key];
                resolved = self.resolve(
                    g,
                    tokens,
                    text,
                    (i, *end),
                    key,
                    entries,
                    &full_named,
                    &out,
                    &mut deferred,
                );
                if resolved.is_some() || *end == i {
                    break;
                }
                exact = self.longest_exact(tokens, i, end - 1);
            }
            match exact {
                Some((end, _)) => {
                    if let Some(m) = resolved {
                        if matches!(m.form, Form::Name | Form::Alias)
                            && g.actor(m.actor).kind == ActorKind::Person
                        {
                            self.named_in_full(g, m.actor, &mut full_named);
                        }
                        out.push(m);
                    }
                    i = end + 1;
                }
                None => {
                    if let Some(m) = self.fuzzy_at(g, tokens, i, cache, &full_named) {
                        if m.form == Form::Name {
                            self.named_in_full(g, m.actor, &mut full_named);
                        }
                        i = m.last as usize + 1;
                        out.push(m);
                    } else {
                        i += 1;
                    }
                }
            }
        }
        self.named_later(g, deferred, &mut out);
        self.mark_credits(g, tokens, &mut out);
        head_mentions(g, tokens, &mut out);
        out
    }

    /// A common surname met before its person is named in full ("Haley slams ..." in a
    /// headline, "Nikki Haley" in the lead) is that person's when the article names them in
    /// full anywhere after it: the nearest such person.
    fn named_later(&self, g: &Gazetteer, deferred: Vec<(Mention, String)>, out: &mut Vec<Mention>) {
        if deferred.is_empty() {
            return;
        }
        let mut added = false;
        for (mut m, key) in deferred {
            let persons = self.surnames.get(&key).map(Vec::as_slice).unwrap_or(&[]);
            let full = out.iter().find(|f| {
                f.span.start > m.span.start
                    && matches!(f.form, Form::Name | Form::Alias)
                    && !f.place
                    && persons.contains(&f.actor)
                    && g.actor(f.actor).kind == ActorKind::Person
            });
            if let Some(f) = full {
                m.actor = f.actor;
                out.push(m);
                added = true;
            }
        }
        if added {
            out.sort_by_key(|m| m.span.start);
        }
    }

    /// Outlet names in credit lines are not actors in the story: `(AFP)`, `(TRT World and
    /// Agencies)`, `Source: AFP`, `Photo: Reuters`, `--Reuters`, a byline (`AFP Sunday 8 Oct
    /// 2017`) and a sign-off at the very end (not the end of a sentence: "... according to
    /// Reuters."). They are kept with `place` set (not an actor mention), like a dateline.
    fn mark_credits(&self, g: &Gazetteer, tokens: &Tokens, out: &mut [Mention]) {
        let toks = &tokens.tokens;
        let last_word = toks.iter().rposition(|t| t.word);
        for m in out.iter_mut() {
            if g.actor(m.actor).kind != ActorKind::Outlet || m.place {
                continue;
            }
            let (first, last) = (m.first as usize, m.last as usize);
            let prev = (first > 0).then(|| tokens.key(first - 1));
            let in_parens = prev == Some("(")
                && (last + 1..(last + 5).min(toks.len())).any(|j| tokens.key(j) == ")");
            let attached_dash = first > 0
                && !toks[first].space_before
                && matches!(prev, Some("-" | "--" | "\u{2013}" | "\u{2014}" | "/"));
            let credit_word = prev.is_some_and(|p| CREDIT_BEFORE.contains(&p))
                || (prev == Some(":")
                    && first >= 2
                    && CREDIT_BEFORE.contains(&tokens.key(first - 2)));
            let byline = toks
                .get(last + 1)
                .is_some_and(|t| t.word && CALENDAR.contains(&tokens.key(last + 1)));
            // (Not the end of a sentence: "... according to Reuters.", "... he told AFP.")
            let before = if first > 1 && tokens.key(first - 1) == "the" {
                first - 2
            } else {
                first.wrapping_sub(1)
            };
            let in_sentence = first > 0 && toks[before].word && !toks[before].cap;
            let sign_off = last_word == Some(last) && !in_sentence;
            if in_parens || attached_dash || credit_word || byline || sign_off {
                m.place = true;
            }
        }
    }

    /// The longest gazetteer key starting at token `i` and ending at or before token `upto`:
    /// (last token, key).
    fn longest_exact(&self, tokens: &Tokens, i: usize, upto: usize) -> Option<(usize, String)> {
        let toks = &tokens.tokens;
        let mut key = String::new();
        let mut best = None;
        let mut j = i;
        let mut words = 0;
        // Offsets in `key` where the text separates two words by a space: a key matches only
        // if its names have a word boundary at each ("Israel is" is not "Israelis").
        let mut spaced: Vec<usize> = Vec::new();
        let mut space_pending = false;
        while j < toks.len() && j <= upto && words < self.max_words {
            let t = &toks[j];
            if j > i && t.space_before {
                space_pending = true;
            }
            if !t.word {
                // Hyphens and apostrophes join words only when nothing separates them.
                let joining = |x: usize| {
                    matches!(tokens.key(x), "-" | "'")
                        && !toks[x].space_before
                        && toks.get(x + 1).is_some_and(|n| n.word && !n.space_before)
                };
                let joins = j > i && joining(j);
                // The final dot of an initialism ("the U.N. Security Council"), also before a
                // hyphen that joins a word ("the U.S.-led coalition").
                let initialism_dot = j > i
                    && initialism_dot(tokens, j)
                    && toks
                        .get(j + 1)
                        .is_some_and(|n| n.word || (tokens.key(j + 1) == "-" && joining(j + 1)));
                if joins || initialism_dot {
                    j += 1;
                    continue;
                }
                break;
            }
            let k = tokens.key(j);
            words += 1;
            if !(j > i && !key.is_empty() && PARTICLES.contains(&k)) {
                if space_pending && !key.is_empty() {
                    spaced.push(key.len());
                }
                space_pending = false;
                let fits = |candidate: &str| {
                    self.map.contains_key(candidate)
                        && (spaced.is_empty()
                            || self
                                .bounds
                                .get(candidate)
                                .is_some_and(|b| spaced.iter().all(|o| b.binary_search(o).is_ok())))
                };
                let mut candidate = key.clone();
                push_name_word(&mut candidate, k, true);
                if fits(&candidate) {
                    best = Some((j, candidate));
                } else if let Some(bare) = k.strip_suffix('s').filter(|b| b.len() >= 3) {
                    // A possessive whose apostrophe was lost ("Syrias war", "the Syrian armys
                    // units"): the name without its final s, when the word itself is no name.
                    let mut candidate = key.clone();
                    push_name_word(&mut candidate, bare, true);
                    if fits(&candidate) {
                        best = Some((j, candidate));
                    }
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
        (first, last): (usize, usize),
        key: &str,
        entries: &[Entry],
        full_named: &FxHashMap<String, ActorId>,
        so_far: &[Mention],
        deferred: &mut Vec<(Mention, String)>,
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
        let toks = &tokens.tokens;
        // An acronym in the possessive is still written in capitals ("AFP's correspondent", "the
        // UNs top aid official" with its apostrophe lost): the letters before "'s" or "s".
        let upper = |i: usize| {
            toks[i].upper || {
                let t = text.get(toks[i].span.start..toks[i].span.end).unwrap_or("");
                let stem = t
                    .strip_suffix("'s")
                    .or_else(|| t.strip_suffix("\u{2019}s"))
                    .or_else(|| t.strip_suffix('s'))
                    .unwrap_or("");
                stem.chars().count() >= 2 && stem.chars().all(|c| c.is_uppercase() || c == '.')
            }
        };
        if self.acronyms.contains(key)
            && (!(first..=last).all(|i| !toks[i].word || upper(i))
                // "IS" in "KAMALA HARRIS IS THE FRONTRUNNER" is a word.
                || (key.chars().filter(|c| c.is_alphabetic()).count() <= 2
                    && tokens.shouted(first, last)))
        {
            return None;
        }
        // A surname: the person last named in full, else the one the gazetteer allows alone.
        let e = entries[0];
        if e.form == Form::Surname && CALENDAR.contains(&key) && !self.after_title(tokens, first) {
            return None;
        }
        if self.inside_not(tokens, first, last, e.actor) {
            return None;
        }
        // An honorific of the other gender names someone else ("Mr. Clinton" is not Hillary
        // Clinton, "Mrs. Assad" not Bashar).
        if g.actor(e.actor).kind == ActorKind::Person {
            let p = over_dot(tokens, first);
            let gender = g.actor(e.actor).gender;
            if !nothing_before(tokens, p)
                && match tokens.key(p - 1) {
                    "mr" => gender == Some(Gender::Female),
                    "mrs" | "ms" | "miss" => gender == Some(Gender::Male),
                    _ => false,
                }
            {
                return None;
            }
        }
        // A generational suffix after a person's name ("Donald Trump Jr.", "Trump, Sr.", "George
        // Wagner III") names a son or father: someone else.
        if g.actor(e.actor).kind == ActorKind::Person && suffixed(tokens, last) {
            return None;
        }
        if e.form == Form::Surname {
            if let Some(&p) = full_named.get(key) {
                // "Maher al-Assad", "Ammar al-Assad" after Bashar al-Assad was named in full:
                // someone else of that surname, unless the word before is a name of the
                // person's own.
                if self.guarded(g, tokens, first, so_far)
                    && self.other_given_before(tokens, first)
                    && !own_name_before(g, p, tokens, first)
                {
                    return None;
                }
                return Some(mk(p, Form::Surname));
            }
            // Unless its person was named in full, a surname that is also a common given name,
            // before another name, is someone else's given name ("Jeffrey Epstein").
            if first == last
                && self.names.is_given(key)
                && tokens.key(first) == key
                && !toks[first].upper
                && !self.after_title(tokens, first)
                && self.given_before_name(tokens, last)
            {
                return None;
            }
            if self.guarded(g, tokens, first, so_far) {
                return None;
            }
            // A common surname ("Johnson", "Carter", "Rice") names many people: alone, it
            // resolves only to a person the article names in full (see `named_later`).
            if self.names.is_common_surname(key) {
                deferred.push((mk(e.actor, Form::Surname), key.to_string()));
                return None;
            }
            let persons = self.surnames.get(key).map(Vec::as_slice).unwrap_or(&[]);
            // `surname_alone = false` ("Ahmed", "Muslim", "Hussein"): never alone, even when
            // no other listed person shares the surname.
            let pick = persons.iter().copied().find(|&p| g.actor(p).surname_alone);
            return pick.map(|p| mk(p, Form::Surname));
        }
        // A one-word alias that is a common surname, after someone's given name, is that
        // person's surname ("Lisa Wagner" is not the Wagner group).
        if e.form == Form::Alias
            && first == last
            && self.names.is_common_surname(key)
            && self.guarded(g, tokens, first, so_far)
        {
            return None;
        }
        // "the West" with `the_required`: a bare "West" is a surname, a direction, a street.
        if e.form == Form::Name
            && g.actor(e.actor).the_required
            && (first == 0 || tokens.key(first - 1) != "the")
        {
            return None;
        }
        if first == last
            && e.form != Form::Surname
            && g.actor(e.actor).kind != ActorKind::Person
            && !toks[first].upper
            && (self.person_before(tokens, first) || self.surname_after(tokens, key, last))
        {
            return None;
        }
        let mut m = mk(e.actor, e.form);
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
        // A city written in capitals ("BEIRUT A Russian air strike ...", "DAMASCUS (Sputnik)")
        // or followed by a dash stuck to it ("Beirut- Opposition ...") is a dateline anywhere.
        let dash_after = matches!(next_key, Some("-") | Some("\u{2013}") | Some("\u{2014}"))
            && !toks[last + 1].space_before
            && toks.get(last + 2).is_none_or(|t| t.space_before);
        if e.form == Form::Metonym
            && ((first..=last).all(|i| !toks[i].word || toks[i].upper) || dash_after)
        {
            m.place = true;
        }
        if e.form == Form::Metonym && metonym_place(g, tokens, text, (first, last), e.actor, so_far)
        {
            m.place = true;
        }
        Some(m)
    }

    /// True when the word before token `i` is a capitalised title of a person ("Mrs May",
    /// "Prime Minister May", "Imam Khomeini"): not a function word or a name of its own ("the",
    /// "UN", "Syrian" stand in [`TITLES`] for other reasons).
    fn after_title(&self, tokens: &Tokens, i: usize) -> bool {
        if i == 0 || !tokens.tokens[i - 1].word || !tokens.tokens[i - 1].cap {
            return false;
        }
        let k = strip_possessive(tokens.key(i - 1));
        TITLES.contains(&k) && !FUNCTION_WORDS.contains(&k) && !self.map.contains_key(k)
    }

    /// True when tokens `first..=last` lie inside one of the actor's `not` names ("UN Charter"
    /// for the UN): the words around them spell that longer name.
    fn inside_not(&self, tokens: &Tokens, first: usize, last: usize, actor: ActorId) -> bool {
        let Some(phrases) = self.not.get(&actor) else {
            return false;
        };
        let toks = &tokens.tokens;
        // Word tokens around the mention, by index.
        let words: Vec<usize> = (first.saturating_sub(8)..(last + 9).min(toks.len()))
            .filter(|&i| toks[i].word)
            .collect();
        phrases.iter().any(|p| {
            words.windows(p.len()).any(|w| {
                w[0] <= first
                    && *w.last().unwrap_or(&0) >= last
                    && w.iter()
                        .zip(p)
                        .all(|(&i, k)| strip_possessive(tokens.key(i)) == k.as_str())
            })
        })
    }

    /// True when the word before a surname at `i` is surely a given name: joined to it by a
    /// particle ("Maher al-Assad", "Dahiyet al-Assad") or a common given name ("Melania
    /// Trump"). A capitalised word alone may be a title-cased headline's ("US Refusal to
    /// Include Assad") or a caption's ("REUTERS/Bassam Khabieh Assads officials").
    fn other_given_before(&self, tokens: &Tokens, i: usize) -> bool {
        let (p, particle) = back_over_particles(tokens, i);
        !nothing_before(tokens, p) && {
            let k = strip_possessive(tokens.key(p - 1));
            particle
                || self.given_names.contains(k)
                || self.names.is_given(k)
                || self.names.is_ordinary_given(k)
        }
    }

    /// True when a bare surname at `i` follows an unknown capitalised word that looks like a
    /// given name of someone else ("Maher al-Assad" is not Bashar).
    fn guarded(&self, g: &Gazetteer, tokens: &Tokens, i: usize, so_far: &[Mention]) -> bool {
        let toks = &tokens.tokens;
        // A particle and a capitalised word after it make a longer name ("Seif al Qalamoni",
        // "Assad al-Zoubi"): someone else's, unless the gazetteer knows it.
        let mut n = i + 1;
        let mut particle = false;
        while n < toks.len() {
            let k = tokens.key(n);
            if matches!(k, "al" | "el" | "bin" | "ibn") && !toks[n].cap {
                particle = true;
            } else if k != "-" || toks[n].space_before {
                break;
            }
            n += 1;
        }
        if particle && n < toks.len() && toks[n].word && toks[n].cap && !toks[n].upper {
            return true;
        }
        // Step back over particles and joining hyphens: "Maher al-Assad".
        let (p, _) = back_over_particles(tokens, i);
        if nothing_before(tokens, p) {
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
        // A day or month ("On Saturday Abdel Rahman said") or a listed place ("in Khan
        // Shaikhoun Rudskoi said", commas dropped) is no given name.
        if CALENDAR.contains(&strip_possessive(k)) || g.is_place_word(strip_possessive(k)) {
            return false;
        }
        let before = match p {
            3.. if tokens.key(p - 2) == "-" && !toks[p - 2].space_before => Some(p - 3),
            2.. => Some(p - 2),
            _ => None,
        };
        if before.is_some_and(|b| {
            toks[b].word && g.is_place_word(&format!("{} {}", tokens.key(b), strip_possessive(k)))
        }) {
            return false;
        }
        // A participle ("Blaming Assad") or a listed name ("Assad Trump says" in a headline)
        // is no given name of someone else.
        if k.len() > 5 && k.ends_with("ing") || self.map.contains_key(strip_possessive(k)) {
            return false;
        }
        let sentence_start =
            p - 1 == 0 || matches!(tokens.key(p - 2), "." | "\"" | "!" | "?" | ":");
        !sentence_start
            || self.given_names.contains(k)
            || self.names.is_given(k)
            || self.names.is_ordinary_given(k)
    }

    /// True when the one-word name at `i` (of a country, body or outlet) follows a personal
    /// honorific or a common given name that names no actor: it is a person's surname ("Mr.
    /// Jordan", "Jim Jordan", "Michael Bloomberg"; not "Israel Jordan and Egypt", a list that
    /// lost its commas).
    fn person_before(&self, tokens: &Tokens, i: usize) -> bool {
        let toks = &tokens.tokens;
        let p = over_dot(tokens, i);
        if nothing_before(tokens, p) || !toks[p - 1].word || !toks[p - 1].cap || toks[p - 1].upper {
            return false;
        }
        let k = tokens.key(p - 1);
        self.names.is_person_title(k)
            || (p == i && self.names.is_given(k) && !self.map.contains_key(k))
    }

    /// True when the one-word name `key` at `i` (of a country, body or outlet) is a common given
    /// name and a common surname or given name that names no actor follows it: a person's
    /// given name ("Frances Quinn Hunter", "Jordan Peterson").
    fn surname_after(&self, tokens: &Tokens, key: &str, i: usize) -> bool {
        let toks = &tokens.tokens;
        // Not a possessive ("Israel's Benjamin Netanyahu", "Jordans King Abdullah").
        if !self.names.is_given(key) || tokens.key(i) != key {
            return false;
        }
        let Some(n) = toks.get(i + 1) else {
            return false;
        };
        let k = tokens.key(i + 1);
        n.word
            && n.cap
            && !n.upper
            && n.space_before
            && !n.opens
            && (self.names.is_common_surname(k) || self.names.is_given(k))
            && !self.map.contains_key(k)
            && !TITLES.contains(&k)
    }

    /// True when the word after token `i` is a capitalised name of its own and ends a run of
    /// two capitalised words ("Jeffrey Epstein was", "Jeffrey Sachs is"): then the word at `i`
    /// is a given name. A title-case headline ("Kerry Meets Lavrov In Geneva", "Clinton Opens
    /// 12-Point Lead") runs on, and a listed name, a month or weekday, or an initialism after it
    /// is not someone's surname.
    fn given_before_name(&self, tokens: &Tokens, i: usize) -> bool {
        let toks = &tokens.tokens;
        let Some(n) = toks.get(i + 1) else {
            return false;
        };
        if !n.word || !n.cap || n.upper || !n.space_before || n.opens {
            return false;
        }
        let k = strip_possessive(tokens.key(i + 1));
        if self.map.contains_key(k) || CALENDAR.contains(&k) || TITLES.contains(&k) {
            return false;
        }
        // A possessive ends the name whatever follows ("Jeffrey Epstein's US home").
        if k != tokens.key(i + 1) {
            return true;
        }
        toks.get(i + 2).is_none_or(|t| {
            let k = tokens.key(i + 2);
            if t.word {
                !(t.cap || t.upper || k.starts_with(|c: char| c.is_ascii_digit()))
            } else {
                !k.starts_with(|c: char| c.is_ascii_digit())
            }
        })
    }

    fn fuzzy_at(
        &self,
        g: &Gazetteer,
        tokens: &Tokens,
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
        // Only name-like words: never an acronym ("LAPD"), a month or weekday, a word the
        // gazetteer says is never a spelling of a name, or a word inside a longer capitalised
        // name that is not the same person's ("UN Charter", "Divine Feminine", "Bahram
        // Qassemi"): a title ("Imam", "President") may stand before it.
        if toks[i].upper || CALENDAR.contains(&key.as_str()) || g.fuzzy_never(&key) {
            return None;
        }
        let cap_word = |j: usize| toks[j].word && (toks[j].cap || toks[j].upper);
        let before = i > 0 && cap_word(i - 1) && !self.after_title(tokens, i) && {
            let sentence_start =
                i - 1 == 0 || matches!(tokens.key(i - 2), "." | "\"" | "!" | "?" | ":");
            !sentence_start || self.map.contains_key(tokens.key(i - 1))
        };
        if before && !self.given_names.contains(tokens.key(i - 1)) {
            return None;
        }
        // ... and none after it either, unless it is the same person's surname (handled with
        // the given names below) or a name of its own.
        let after = i + 1 < toks.len()
            && cap_word(i + 1)
            && toks[i + 1].space_before
            && !CALENDAR.contains(&tokens.key(i + 1))
            && !self.map.contains_key(strip_possessive(tokens.key(i + 1)));

        let span_of = |a: usize, b: usize| Span::new(toks[a].span.start, toks[b].span.end);
        let (surname_hit, given_hit) = match cache.get(&key) {
            Some(v) => v.clone(),
            None => {
                let v = (self.fuzzy.surname(g, &key), self.fuzzy.given(&key));
                cache.insert(key.clone(), v.clone());
                v
            }
        };
        // A bare given name never resolves alone ("Ahmad" is not Ahmadian).
        let given_here = given_hit.is_some() || self.given_names.contains(&key);
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
                    if self.fuzzy.surname_matches(g, p, &sk) && !suffixed(tokens, j) {
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
        if after || given_here {
            // "Bahram Qassemi": a name of someone else, not a spelling of this one's.
            return None;
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
        if self.guarded(g, tokens, i, &[]) {
            return None;
        }
        // A bare surname spelt differently from every listed spelling resolves only to a person
        // named in full earlier in the article ("Sergei Rudskoy ... Rudskoi"): on its own, a
        // near spelling is far more often another word or another person ("Triumph", "Areas",
        // "Bulletin", "Khatab") than a transliteration (measured on FA-KES, benches/README.md).
        if !full_named.contains_key(&surname_key) {
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

/// True when a generational suffix follows the name ending at token `last`, after a comma or
/// not ("Donald Trump Jr.", "Trump, Sr.").
fn suffixed(tokens: &Tokens, last: usize) -> bool {
    let toks = &tokens.tokens;
    let mut n = last + 1;
    if n < toks.len() && tokens.key(n) == "," {
        n += 1;
    }
    n < toks.len() && toks[n].cap && crate::text::keys::SUFFIXES.contains(&tokens.key(n))
}

/// Words that end a multiword name's head ("Syrian Observatory *for* Human Rights").
const HEAD_END: &[&str] = &["for", "of", "on", "in", "and", "to"];

/// Back-references by head noun: after an organisation or armed group is named in full ("the
/// Syrian Observatory for Human Rights", "the Syrian National Coalition"), "the Observatory" or
/// "the Coalition" (capitalised, after "the", outside any other mention) names it again. The
/// head is the last word of the full mention before a function word ("Observatory" in "Syrian
/// Observatory for Human Rights"); with several such actors, the nearest before wins. Persons
/// (surnames have their own rule), countries and outlets are left out.
fn head_mentions(g: &Gazetteer, tokens: &Tokens, out: &mut Vec<Mention>) {
    let toks = &tokens.tokens;
    let mut heads: Vec<(usize, String, ActorId)> = Vec::new();
    for m in out.iter() {
        let kind = g.actor(m.actor).kind;
        if m.place
            || !matches!(m.form, Form::Name | Form::Alias)
            || !matches!(kind, ActorKind::Organisation | ActorKind::ArmedGroup)
        {
            continue;
        }
        let words: Vec<usize> = (m.first as usize..=m.last as usize)
            .filter(|&j| toks[j].word)
            .collect();
        if words.len() < 2 {
            continue;
        }
        let head = words
            .iter()
            .take_while(|&&j| !HEAD_END.contains(&tokens.key(j)))
            .last()
            .copied();
        if let Some(h) = head.filter(|&h| h != words[0] && toks[h].cap && !toks[h].upper) {
            heads.push((m.last as usize, tokens.key(h).to_string(), m.actor));
        }
    }
    if heads.is_empty() {
        return;
    }
    let covered = |j: usize, out: &[Mention]| {
        out.iter()
            .any(|m| m.first as usize <= j && j <= m.last as usize)
    };
    let mut found = Vec::new();
    for (j, t) in toks.iter().enumerate() {
        if !t.word || !t.cap || t.upper || j == 0 || tokens.key(j - 1) != "the" {
            continue;
        }
        let key = tokens.key(j);
        // Not a head followed by more of a name ("the Coalition forces" is still the coalition;
        // "the Observatory for Human Rights" would have been matched in full).
        let Some(&(_, _, actor)) = heads
            .iter()
            .filter(|(end, h, _)| *end < j && h == key)
            .max_by_key(|(end, _, _)| *end)
        else {
            continue;
        };
        if covered(j, out) {
            continue;
        }
        found.push(Mention {
            span: t.span,
            actor,
            form: Form::Alias,
            first: j as u32,
            last: j as u32,
            place: false,
            fuzzy: false,
        });
    }
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|m| (m.span.start, m.span.end));
    }
}
