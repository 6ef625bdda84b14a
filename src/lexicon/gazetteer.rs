//! The actor gazetteer: countries, people, organisations, armed groups and outlets with their
//! names, aliases, demonyms and metonyms (`data/actors.toml`, replaceable by flag).

use super::{Error, SourceInfo};
use crate::text::keys::name_key;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The bundled gazetteer.
pub const DEFAULT_GAZETTEER: &str = include_str!("../../data/actors.toml");

/// What an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A state.
    Country,
    /// A person.
    Person,
    /// A government body, international organisation or political group.
    Organisation,
    /// An armed group.
    ArmedGroup,
    /// A news outlet.
    Outlet,
}

/// One actor as written in the gazetteer.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Unique id.
    pub id: String,
    /// Country, person, organisation, armed group or outlet: decides which rules apply.
    pub kind: ActorKind,
    /// Canonical display name (also matched).
    pub name: String,
    /// Given-name spellings (persons).
    #[serde(default)]
    pub given: Vec<String>,
    /// Surname as written (persons).
    pub surname: Option<String>,
    /// Whether a bare surname resolves to this person without an earlier full name.
    #[serde(default = "yes")]
    pub surname_alone: bool,
    /// Whether the leading "the" of `name` must stand before it in the text: "the West" is the
    /// bloc, a bare "West" a surname (Kanye West), a direction or a street ("West 127th Street").
    #[serde(default)]
    pub the_required: bool,
    /// Other names and spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Demonyms ("Russian").
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Metonyms ("Moscow", "the Kremlin").
    #[serde(default)]
    pub metonyms: Vec<String>,
    /// Roles and titles (persons).
    #[serde(default)]
    pub roles: Vec<String>,
    /// Persons: `female` or `male`, for pronouns ("she said" never resolves to a person who
    /// is not `female`; "he said" never to one who is).
    pub gender: Option<Gender>,
    /// Common nouns by which a text refers to the actor without naming it, as the last words of
    /// a descriptor ("monitor" for the Syrian Observatory: "a Britain-based war monitor said").
    /// A speaker so described is this actor when no source named before fits.
    #[serde(default)]
    pub descriptors: Vec<String>,
    /// The actor id of the country this actor belongs to.
    pub country: Option<String>,
    /// The actor id of the body this actor belongs to (stance toward it also counts there).
    pub part_of: Option<String>,
    /// Outlets: state-owned or state-run.
    #[serde(default)]
    pub state_media: bool,
    /// Outlets: short codes used in corpus metadata.
    #[serde(default)]
    pub codes: Vec<String>,
    /// Longer names that contain one of this actor's names but do not refer to it ("UN
    /// Charter" for the UN, "Cairo Platform" for Egypt): inside them, no mention of this actor.
    #[serde(default)]
    pub not: Vec<String>,
    /// Countries: cities, provinces and regions in them ("Aleppo", "Deir ez-Zor"). A place named
    /// puts its country in focus for referents in context (docs/lexicon.md); it is never an
    /// actor mention.
    #[serde(default)]
    pub places: Vec<String>,
    /// Free text.
    pub note: Option<String>,
}

/// A person's gender, as far as pronouns need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Referred to as "she".
    Female,
    /// Referred to as "he".
    Male,
}

/// Rules for fuzzy (transliteration) matching.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FuzzyRules {
    /// Capitalised words that fuzzy matching never takes for a spelling of a name: places and
    /// people that look like a gazetteer name but are not it ("Jeddah" is not Judeh).
    #[serde(default)]
    pub never: Vec<String>,
}

/// Words around a metonym that make it the place it names ("in Damascus", "a Damascus
/// hospital", "rockets on Damascus"), not the state or body it can stand for: the
/// `[metonym_places]` table, one lowercase word per entry.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetonymPlaceWords {
    /// Right before the metonym, or before "the" and it ("in", "near", "off").
    #[serde(default)]
    pub before: Vec<String>,
    /// Right before it, modifying it ("rural", "north", "held").
    #[serde(default)]
    pub modifiers: Vec<String>,
    /// Before "of" and it ("outskirts", "residents", "north").
    #[serde(default)]
    pub nouns_of: Vec<String>,
    /// Right after it ("talks", "suburb", "mayor", "lawn").
    #[serde(default)]
    pub after: Vec<String>,
    /// One or two words after it, ending a building's name ("prison", "hotel", "firm").
    #[serde(default)]
    pub buildings: Vec<String>,
    /// After it and a hyphen stuck to both ("based" in "London-based").
    #[serde(default)]
    pub after_hyphen: Vec<String>,
    /// Before "on" and it ("rockets", "attacks").
    #[serde(default)]
    pub fire_on: Vec<String>,
}

/// [`MetonymPlaceWords`] as sets of token keys.
#[derive(Clone, Debug, Default)]
pub struct MetonymPlaces {
    /// See [`MetonymPlaceWords::before`].
    pub before: rustc_hash::FxHashSet<String>,
    /// See [`MetonymPlaceWords::modifiers`].
    pub modifiers: rustc_hash::FxHashSet<String>,
    /// See [`MetonymPlaceWords::nouns_of`].
    pub nouns_of: rustc_hash::FxHashSet<String>,
    /// See [`MetonymPlaceWords::after`].
    pub after: rustc_hash::FxHashSet<String>,
    /// See [`MetonymPlaceWords::buildings`].
    pub buildings: rustc_hash::FxHashSet<String>,
    /// See [`MetonymPlaceWords::after_hyphen`].
    pub after_hyphen: rustc_hash::FxHashSet<String>,
    /// See [`MetonymPlaceWords::fire_on`].
    pub fire_on: rustc_hash::FxHashSet<String>,
}

impl MetonymPlaces {
    /// Keys the words, refusing an entry that is not one lowercase word as tokens are keyed.
    fn new(w: MetonymPlaceWords) -> Result<MetonymPlaces, String> {
        let set = |field: &str, words: Vec<String>| {
            words
                .into_iter()
                .map(|word| {
                    if word.is_empty()
                        || word.split_whitespace().count() != 1
                        || crate::text::normalize::key(&word) != word
                        || !word.chars().all(char::is_alphanumeric)
                    {
                        Err(format!(
                            "[metonym_places] {field}: {word:?} must be one lowercase word without diacritics or punctuation, as tokens are keyed (\"based\", \"suburb\")"
                        ))
                    } else {
                        Ok(word)
                    }
                })
                .collect::<Result<rustc_hash::FxHashSet<String>, String>>()
        };
        Ok(MetonymPlaces {
            before: set("before", w.before)?,
            modifiers: set("modifiers", w.modifiers)?,
            nouns_of: set("nouns_of", w.nouns_of)?,
            after: set("after", w.after)?,
            buildings: set("buildings", w.buildings)?,
            after_hyphen: set("after_hyphen", w.after_hyphen)?,
            fire_on: set("fire_on", w.fire_on)?,
        })
    }
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    meta: Meta,
    #[serde(default)]
    fuzzy: FuzzyRules,
    metonym_places: Option<toml::Spanned<MetonymPlaceWords>>,
    actor: Vec<toml::Spanned<Actor>>,
}

/// The `[metonym_places]` table of the bundled gazetteer, for a gazetteer without one.
#[derive(Deserialize)]
struct BundledMetonymPlaces {
    metonym_places: MetonymPlaceWords,
}

/// Name and version of a data file.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Name of the data file's content (`framelens-gazetteer`), recorded in reports.
    pub name: String,
    /// Version of the content, recorded in reports; raise it when entries change.
    pub version: String,
    /// What it is.
    pub description: Option<String>,
}

/// A loaded gazetteer. Actors are addressed by their index (`ActorId`).
#[derive(Clone, Debug)]
pub struct Gazetteer {
    /// Name, version, path and sha256 of the file, recorded in reports.
    pub info: SourceInfo,
    /// Actors in file order.
    pub actors: Vec<Actor>,
    by_id: BTreeMap<String, u32>,
    country_of: Vec<Option<u32>>,
    parent_of: Vec<Option<u32>>,
    outlets: rustc_hash::FxHashMap<String, u32>,
    /// Name keys of `fuzzy.never`.
    fuzzy_never: rustc_hash::FxHashSet<String>,
    /// Words around a metonym that make it a place.
    metonym_places: MetonymPlaces,
    /// Per key of a word of a name, alias or role: the actors it is a word of, ascending.
    name_words: rustc_hash::FxHashMap<String, Vec<ActorId>>,
    /// The keys of every actor's name words, but demonyms.
    any_name_words: rustc_hash::FxHashSet<String>,
    /// Place key ([`place_key`]) -> its country.
    places: rustc_hash::FxHashMap<String, u32>,
    /// Words in the longest place name.
    place_words: usize,
    /// Descriptor head (its last word) -> the actors declaring a descriptor with that head and
    /// the descriptor's words, in actor order.
    descriptor_heads: rustc_hash::FxHashMap<String, Vec<(u32, Vec<String>)>>,
}

/// The key of a place name: the keys of its words, space-separated ("Deir ez-Zor" -> `deir ez
/// zor`), as [`Gazetteer::places_in`] builds it from a text's word tokens.
fn place_key(name: &str) -> String {
    let toks = crate::text::Tokens::new(name, &[crate::span::Span::new(0, name.len())]);
    let words: Vec<&str> = (0..toks.len())
        .filter(|&i| toks.tokens[i].word)
        .map(|i| toks.key(i))
        .collect();
    words.join(" ")
}

/// Index of an actor in its gazetteer.
pub type ActorId = u32;

impl Gazetteer {
    /// Parses and validates a gazetteer; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<Gazetteer, Error> {
        let file: File = toml::from_str(text)
            .map_err(|e| Error::toml(path, text, &e, "docs/lexicon.md (Gazetteer)"))?;
        let mut by_id = BTreeMap::new();
        let mut actors = Vec::with_capacity(file.actor.len());
        let mut spans = Vec::new();
        for a in file.actor {
            let span = a.span();
            let a = a.into_inner();
            if a.id.is_empty()
                || !a
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(Error::at(
                    path,
                    text,
                    Some(span.start),
                    &format!(
                        "actor id {:?} must be lowercase letters, digits and _",
                        a.id
                    ),
                ));
            }
            if let Some(d) = a.descriptors.iter().find(|d| {
                d.trim().is_empty()
                    || d.split_whitespace()
                        .any(|w| crate::text::normalize::key(w) != w)
            }) {
                return Err(Error::at(
                    path,
                    text,
                    Some(span.start),
                    &format!(
                        "actor {:?}: descriptor {:?} must be lowercase words without diacritics or punctuation, as tokens are keyed (\"war monitor\")",
                        a.id, d
                    ),
                ));
            }
            if by_id.insert(a.id.clone(), actors.len() as u32).is_some() {
                return Err(Error::at(
                    path,
                    text,
                    Some(span.start),
                    &format!("duplicate actor id {:?}", a.id),
                ));
            }
            spans.push(span.start);
            actors.push(a);
        }
        let mut country_of = Vec::with_capacity(actors.len());
        for (i, a) in actors.iter().enumerate() {
            country_of.push(match &a.country {
                None => (a.kind == ActorKind::Country).then_some(i as u32),
                Some(c) => match by_id.get(c) {
                    Some(&id) => Some(id),
                    None => {
                        return Err(Error::at(
                            path,
                            text,
                            Some(spans[i]),
                            &format!(
                                "actor {:?}: unknown country {:?}; use an actor id of this file",
                                a.id, c
                            ),
                        ))
                    }
                },
            });
        }
        let mut parent_of = Vec::with_capacity(actors.len());
        for (i, a) in actors.iter().enumerate() {
            parent_of.push(match &a.part_of {
                None => None,
                Some(p) => match by_id.get(p) {
                    Some(&id) if id as usize != i => Some(id),
                    _ => {
                        return Err(Error::at(
                            path,
                            text,
                            Some(spans[i]),
                            &format!(
                                "actor {:?}: part_of {:?} is not another actor id of this file",
                                a.id, p
                            ),
                        ))
                    }
                },
            });
        }
        // part_of must not loop.
        for i in 0..actors.len() {
            let mut seen = 0;
            let mut at = parent_of[i];
            while let Some(p) = at {
                seen += 1;
                if seen > actors.len() {
                    return Err(Error::at(
                        path,
                        text,
                        Some(spans[i]),
                        &format!("actor {:?}: part_of forms a loop", actors[i].id),
                    ));
                }
                at = parent_of[p as usize];
            }
        }
        // Outlet names, codes and aliases, by name key (first one wins).
        let mut outlets = rustc_hash::FxHashMap::default();
        for (i, a) in actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == ActorKind::Outlet)
        {
            for n in std::iter::once(&a.id)
                .chain(&a.codes)
                .chain(std::iter::once(&a.name))
                .chain(&a.aliases)
            {
                outlets.entry(name_key(n)).or_insert(i as u32);
            }
        }
        let mut places = rustc_hash::FxHashMap::default();
        let mut place_words = 0;
        for (i, a) in actors.iter().enumerate() {
            if a.the_required && !a.name.starts_with("the ") {
                return Err(Error::at(
                    path,
                    text,
                    Some(spans[i]),
                    &format!(
                        "actor {:?}: the_required needs a name written with its \"the\" (\"the West\"), not {:?}",
                        a.id, a.name
                    ),
                ));
            }
            if !a.places.is_empty() && a.kind != ActorKind::Country {
                return Err(Error::at(
                    path,
                    text,
                    Some(spans[i]),
                    &format!(
                        "actor {:?}: only a country lists places; move them to its country",
                        a.id
                    ),
                ));
            }
            for p in &a.places {
                let key = place_key(p);
                if key.is_empty() {
                    return Err(Error::at(
                        path,
                        text,
                        Some(spans[i]),
                        &format!("actor {:?}: place {:?} has no letters", a.id, p),
                    ));
                }
                place_words = place_words.max(key.split(' ').count());
                if let Some(&other) = places.get(&key) {
                    if other != i as u32 {
                        return Err(Error::at(
                            path,
                            text,
                            Some(spans[i]),
                            &format!(
                                "actor {:?}: place {:?} is also a place of {:?}; a place belongs to one country",
                                a.id, p, actors[other as usize].id
                            ),
                        ));
                    }
                }
                places.insert(key, i as u32);
            }
        }
        let metonym_places = match file.metonym_places {
            Some(w) => {
                let at = w.span().start;
                MetonymPlaces::new(w.into_inner())
                    .map_err(|m| Error::at(path, text, Some(at), &m))?
            }
            None => {
                let b: BundledMetonymPlaces =
                    toml::from_str(DEFAULT_GAZETTEER).expect("the bundled gazetteer parses");
                MetonymPlaces::new(b.metonym_places).expect("the bundled gazetteer is valid")
            }
        };
        let fuzzy_never = file
            .fuzzy
            .never
            .iter()
            .map(|n| crate::text::keys::name_key(n))
            .collect();
        let name_words: Vec<Vec<String>> = actors
            .iter()
            .map(|a| {
                let mut w: Vec<String> = std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .chain(&a.roles)
                    .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
                    .filter(|w| !w.is_empty())
                    .map(crate::text::normalize::key)
                    .collect();
                w.sort_unstable();
                w.dedup();
                w
            })
            .collect();
        // Demonyms ("Russian", "Syrian") qualify a country, not a name: left out.
        let demonym_words: rustc_hash::FxHashSet<String> = actors
            .iter()
            .flat_map(|a| &a.demonyms)
            .flat_map(|d| d.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(crate::text::normalize::key)
            .collect();
        let any_name_words: rustc_hash::FxHashSet<String> = name_words
            .iter()
            .flatten()
            .filter(|w| !demonym_words.contains(*w))
            .cloned()
            .collect();
        let mut by_word: rustc_hash::FxHashMap<String, Vec<ActorId>> = Default::default();
        for (i, words) in name_words.into_iter().enumerate() {
            for w in words {
                by_word.entry(w).or_default().push(i as ActorId);
            }
        }
        let name_words = by_word;
        let mut descriptor_heads: rustc_hash::FxHashMap<String, Vec<(u32, Vec<String>)>> =
            rustc_hash::FxHashMap::default();
        for (i, a) in actors.iter().enumerate() {
            for d in &a.descriptors {
                let words: Vec<String> = d.split_whitespace().map(str::to_string).collect();
                if let Some(head) = words.last() {
                    descriptor_heads
                        .entry(head.clone())
                        .or_default()
                        .push((i as u32, words));
                }
            }
        }
        Ok(Gazetteer {
            info: SourceInfo::new(path, &file.meta.name, &file.meta.version, text),
            actors,
            by_id,
            country_of,
            parent_of,
            outlets,
            fuzzy_never,
            metonym_places,
            name_words,
            any_name_words,
            places,
            place_words,
            descriptor_heads,
        })
    }

    /// The bundled gazetteer.
    pub fn bundled() -> Gazetteer {
        Gazetteer::parse(DEFAULT_GAZETTEER, "data/actors.toml").expect("bundled gazetteer is valid")
    }

    /// Whether a word of the actor's name, aliases or roles has the key `k` ("observatory" for
    /// the Syrian Observatory for Human Rights, "spokesman" for a spokesman's role).
    pub fn has_name_word(&self, id: ActorId, k: &str) -> bool {
        self.name_words
            .get(k)
            .is_some_and(|ids| ids.binary_search(&id).is_ok())
    }

    /// The declared descriptors (actor and words) that end the keys `keys`, compared word by
    /// word, and do not start inside a compound: `joined[i]` says key `i` is joined by a hyphen
    /// to the one before it.
    fn ending<'g>(
        &'g self,
        keys: &'g [&str],
        joined: &'g [bool],
    ) -> impl Iterator<Item = &'g (ActorId, Vec<String>)> {
        let entries = keys
            .last()
            .and_then(|h| self.descriptor_heads.get(*h))
            .map_or(&[][..], Vec::as_slice);
        entries.iter().filter(move |(_, d)| {
            d.len() <= keys.len()
                && !joined[keys.len() - d.len()]
                && d.iter()
                    .zip(&keys[keys.len() - d.len()..])
                    .all(|(w, k)| w == k)
        })
    }

    /// The actors, in order and each once, that declare a descriptor ending the keys `keys`
    /// (as [`Gazetteer::ending`] compares them), of the longest such descriptors only: "the
    /// regime military source" is the actor that declares it, not every one that declares
    /// "military source".
    pub fn declaring(&self, keys: &[&str], joined: &[bool]) -> Vec<ActorId> {
        let longest = self.declared_len(keys, joined);
        let mut out: Vec<ActorId> = self
            .ending(keys, joined)
            .filter(|(_, d)| d.len() == longest)
            .map(|&(a, _)| a)
            .collect();
        out.dedup();
        out
    }

    /// The number of words of the longest descriptor some actor declares that ends the keys
    /// `keys` (as [`Gazetteer::ending`] compares them); 0 when none does.
    pub fn declared_len(&self, keys: &[&str], joined: &[bool]) -> usize {
        self.ending(keys, joined)
            .map(|(_, d)| d.len())
            .max()
            .unwrap_or(0)
    }

    /// Whether `k` is a word key of some actor's name, aliases or roles (not a demonym).
    pub fn is_any_name_word(&self, k: &str) -> bool {
        self.any_name_words.contains(k)
    }

    /// Words around a metonym that make it the place it names (`[metonym_places]`).
    pub fn metonym_places(&self) -> &MetonymPlaces {
        &self.metonym_places
    }

    /// True when fuzzy matching must never take the word with this name key for a name.
    pub fn fuzzy_never(&self, key: &str) -> bool {
        self.fuzzy_never.contains(key)
    }

    /// Looks an actor up by id.
    pub fn id(&self, id: &str) -> Option<ActorId> {
        self.by_id.get(id).copied()
    }

    /// The actor with this index.
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id as usize]
    }

    /// The country an actor belongs to (a country belongs to itself).
    pub fn country(&self, id: ActorId) -> Option<ActorId> {
        self.country_of[id as usize]
    }

    /// True when a token key is by itself the name of a listed place ("homs", "aleppo").
    pub fn is_place_word(&self, key: &str) -> bool {
        self.places.contains_key(key)
    }

    /// Words in the longest listed place name.
    pub fn place_words(&self) -> usize {
        self.place_words
    }

    /// The country of a listed place whose key is `key`: one token key ("homs" -> syria) or
    /// the keys of several words joined by spaces ("deir al zor"), as [`place_key`] builds it.
    pub fn place_country(&self, key: &str) -> Option<ActorId> {
        self.places.get(key).copied()
    }

    /// The places a text names (by the byte where each starts, with its country): capitalised
    /// runs of word tokens that spell a listed place, longest first, a final possessive allowed
    /// ("Aleppo's").
    pub fn places_in(&self, tokens: &crate::text::Tokens) -> Vec<(usize, ActorId)> {
        let mut out = Vec::new();
        if self.places.is_empty() {
            return out;
        }
        let words: Vec<usize> = (0..tokens.len())
            .filter(|&i| tokens.tokens[i].word)
            .collect();
        let mut w = 0;
        let mut key = String::new();
        while w < words.len() {
            let first = words[w];
            if !tokens.tokens[first].cap {
                w += 1;
                continue;
            }
            let mut found = None;
            for n in (1..=self.place_words.min(words.len() - w)).rev() {
                key.clear();
                for (k, &t) in words[w..w + n].iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    let word = tokens.key(t);
                    key.push_str(if k + 1 == n {
                        crate::text::keys::strip_possessive(word)
                    } else {
                        word
                    });
                }
                if let Some(&c) = self.places.get(key.as_str()) {
                    found = Some((n, c));
                    break;
                }
            }
            match found {
                Some((n, c)) => {
                    out.push((tokens.tokens[first].span.start, c));
                    w += n;
                }
                None => w += 1,
            }
        }
        out
    }

    /// The bodies an actor belongs to, nearest first.
    pub fn ancestors(&self, id: ActorId) -> Vec<ActorId> {
        let mut out = Vec::new();
        let mut at = self.parent_of[id as usize];
        while let Some(p) = at {
            out.push(p);
            at = self.parent_of[p as usize];
        }
        out
    }

    /// Finds the outlet actor for an outlet name from corpus metadata (id, code, name or alias).
    pub fn outlet(&self, raw: &str) -> Option<ActorId> {
        if let Some(&id) = self.by_id.get(raw) {
            if self.actors[id as usize].kind == ActorKind::Outlet {
                return Some(id);
            }
        }
        self.outlets.get(&name_key(raw)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::text::Tokens;

    const HEAD: &str = "[meta]\nname = \"g\"\nversion = \"1\"\n\n";

    /// The metonyms of `text` that count as actor mentions (not as places).
    fn metonym_mentions(g: &Gazetteer, text: &str) -> Vec<String> {
        let tokens = Tokens::new(text, &[Span::new(0, text.len())]);
        let m = crate::actors::ActorMatcher::new(g);
        m.find(g, text, &tokens, &mut crate::actors::FuzzyCache::default())
            .iter()
            .filter(|m| !m.place)
            .map(|m| text[m.span.start..m.span.end].to_string())
            .collect()
    }

    #[test]
    fn metonym_place_words_come_from_the_gazetteer_or_else_the_bundled_one() {
        let actor = "[[actor]]\nid = \"syria\"\nkind = \"country\"\nname = \"Syria\"\nmetonyms = [\"Damascus\"]\n";
        let text = "Rockets fell on Damascus. Damascus denied it. The Damascus talks and a Damascus hospital.";
        // No table: the bundled words apply.
        let g = Gazetteer::parse(&format!("{HEAD}{actor}"), "g.toml").unwrap();
        assert_eq!(metonym_mentions(&g, text), vec!["Damascus"]);
        // A table of the user's own replaces them, list by list.
        let own = format!("{HEAD}[metonym_places]\nafter = [\"talks\"]\n\n{actor}");
        let g = Gazetteer::parse(&own, "g.toml").unwrap();
        assert_eq!(
            metonym_mentions(&g, text),
            vec!["Damascus", "Damascus", "Damascus"]
        );
        // Each entry is one word, keyed as tokens are; the error names the line and the list.
        for bad in ["\"law firm\"", "\"Based\"", "\"\"", "\"-based\""] {
            let t = format!("{HEAD}[metonym_places]\nafter_hyphen = [{bad}]\n\n{actor}");
            let e = Gazetteer::parse(&t, "g.toml").unwrap_err().to_string();
            assert!(
                e.contains("g.toml:5") && e.contains("[metonym_places] after_hyphen"),
                "{e}"
            );
        }
        let t = format!("{HEAD}[metonym_places]\nnear = [\"in\"]\n\n{actor}");
        assert!(Gazetteer::parse(&t, "g.toml").is_err());
    }

    #[test]
    fn places_name_their_country_longest_first_with_a_possessive() {
        let g = Gazetteer::parse(
            &format!("{HEAD}[[actor]]\nid = \"syria\"\nkind = \"country\"\nname = \"Syria\"\nplaces = [\"Aleppo\", \"Deir ez-Zor\", \"Deir\"]\n"),
            "g.toml",
        )
        .unwrap();
        let text = "Shells hit Aleppo's east and Deir ez-Zor; aleppo in lower case is not a place.";
        let tokens = Tokens::new(text, &[Span::new(0, text.len())]);
        let syria = g.id("syria").unwrap();
        assert_eq!(g.places_in(&tokens), vec![(11, syria), (29, syria)]);
    }

    #[test]
    fn a_place_belongs_to_one_country_and_only_countries_list_places() {
        let two = format!("{HEAD}[[actor]]\nid = \"a\"\nkind = \"country\"\nname = \"A\"\nplaces = [\"Tripoli\"]\n\n[[actor]]\nid = \"b\"\nkind = \"country\"\nname = \"B\"\nplaces = [\"Tripoli\"]\n");
        let e = Gazetteer::parse(&two, "g.toml").unwrap_err().to_string();
        assert!(
            e.contains("g.toml:") && e.contains("also a place of \"a\""),
            "{e}"
        );
        let person = format!("{HEAD}[[actor]]\nid = \"p\"\nkind = \"person\"\nname = \"P Q\"\nplaces = [\"Aleppo\"]\n");
        let e = Gazetteer::parse(&person, "g.toml").unwrap_err().to_string();
        assert!(e.contains("only a country lists places"), "{e}");
    }

    #[test]
    fn every_person_of_the_bundled_gazetteer_declares_a_gender() {
        // An honorific of the other gender ("Mrs. Obama") and "she" rely on it.
        let g = Gazetteer::bundled();
        let missing: Vec<&str> = g
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person && a.gender.is_none())
            .map(|a| a.id.as_str())
            .collect();
        assert!(missing.is_empty(), "persons without gender: {missing:?}");
        assert!(g.actors.iter().any(|a| a.kind == ActorKind::Person));
    }

    #[test]
    fn the_required_needs_a_name_with_its_the() {
        let bad = format!("{HEAD}[[actor]]\nid = \"w\"\nkind = \"organisation\"\nname = \"West\"\nthe_required = true\n");
        let e = Gazetteer::parse(&bad, "g.toml").unwrap_err().to_string();
        assert!(e.contains("g.toml:") && e.contains("the_required"), "{e}");
        let good = format!("{HEAD}[[actor]]\nid = \"w\"\nkind = \"organisation\"\nname = \"the West\"\nthe_required = true\n");
        assert!(Gazetteer::parse(&good, "g.toml").is_ok());
    }
}
