//! Open-vocabulary speakers: named people and bodies that speak but are not in the gazetteer
//! ("said Safiya Souhail, another MP", "Sino said", "The Homs Media Center said").
//!
//! Each becomes a [`Speaker`] of the article, with a stable id (`name:` and the slug of the
//! fullest form of the name seen in the article) so that a later "Sino said" is the same
//! speaker as an earlier "Mustafa Sino said", and the gazetteer actor the text ties it to
//! ("U.N. spokesman Martin Nesirky" is affiliated with `un`). A name is a run of capitalised
//! words (with the particles and hyphens of Arabic and European names) right next to the cue;
//! titles and role words before it are not part of it (`data/attribution.toml`, `[names]`).

use super::Context;
use crate::lexicon::{ActorId, Gender};
use crate::span::Span;
use serde::Serialize;

/// A named speaker the gazetteer does not list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// `name:` and the slug of the fullest form of the name in the article
    /// (`name:safiya-souhail`): ASCII letters and digits lowercased, every other run one `-`.
    pub id: String,
    /// The fullest form of the name, as written.
    pub name: String,
    /// Where that form was seen.
    pub span: Span,
    /// The gazetteer actor the text ties the speaker to: a name right before the title
    /// ("U.N. spokesman Martin Nesirky" -> the UN).
    pub affiliation: Option<ActorId>,
    /// A person (false for a body: the name ends in an organisation or outlet noun).
    pub person: bool,
    /// The person's sex, as far as a pronoun needs it: from "Mr." / "Mrs." / "Ms." / "Miss"
    /// right before the name, else from its given name (`data/names.toml`, `[gender]`).
    #[serde(skip)]
    pub gender: Option<Gender>,
    /// Token keys of the fullest form, for later shorter references.
    #[serde(skip)]
    keys: Vec<String>,
}

impl Speaker {
    /// A person named by two words or more ("Khizr Khan", not "Republicans").
    pub(super) fn full_person(&self) -> bool {
        self.person && self.keys.len() >= 2
    }
}

/// The slug of a name: ASCII letters and digits lowercased, every other run of characters one
/// `-`, none at either end (`Brig. Gen. Ali al-Mayhoub` -> `brig-gen-ali-al-mayhoub`; titles are
/// left out before this).
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in crate::text::normalize::key(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A run of name tokens `start..end` (end exclusive) and the actor named just before it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Run {
    pub start: usize,
    pub end: usize,
    pub affiliation: Option<ActorId>,
}

/// The open-vocabulary speakers of one article.
#[derive(Default)]
pub(super) struct Names {
    pub(super) speakers: Vec<Speaker>,
}

impl Names {
    /// The index of the speaker named by the tokens of `run`: an earlier speaker whose name ends
    /// with the same words ("Sino" after "Mustafa Sino") or that ends the new one (the new,
    /// fuller form then becomes its name), else a new speaker.
    pub(super) fn intern(&mut self, cx: &Context, run: Run) -> u32 {
        let toks = &cx.tokens.tokens;
        let keys: Vec<String> = (run.start..run.end)
            .filter(|&i| toks[i].word)
            .map(|i| cx.tokens.key(i).to_string())
            .collect();
        let span = Span::new(toks[run.start].span.start, toks[run.end - 1].span.end);
        let name = cx.text[span.start..span.end].to_string();
        let last = keys.last().map(String::as_str).unwrap_or("");
        let person = !cx.cues.is_body_noun(last);
        let gender = person.then(|| gender_of(cx, run, &keys)).flatten();
        let found = self.speakers.iter().position(|s| {
            s.keys.ends_with(&keys) || (keys.ends_with(&s.keys) && !s.keys.is_empty())
        });
        match found {
            Some(i) => {
                let s = &mut self.speakers[i];
                if keys.len() > s.keys.len() {
                    s.id = format!("name:{}", slug(&name));
                    s.name = name;
                    s.span = span;
                    s.keys = keys;
                }
                if s.affiliation.is_none() {
                    s.affiliation = run.affiliation;
                }
                if s.gender.is_none() {
                    s.gender = gender;
                }
                i as u32
            }
            None => {
                self.speakers.push(Speaker {
                    id: format!("name:{}", slug(&name)),
                    name,
                    span,
                    affiliation: run.affiliation,
                    person,
                    gender,
                    keys,
                });
                (self.speakers.len() - 1) as u32
            }
        }
    }

    /// Whether the one-word name `key` is the last word of a speaker named earlier.
    pub(super) fn known_last_word(&self, key: &str) -> bool {
        self.speakers
            .iter()
            .any(|s| s.keys.last().is_some_and(|k| k == key))
    }
}

/// The sex of the person named by `run` (its token keys `keys`): an honorific right before it
/// ("Mrs." with or without its dot), else its first word as a given name of `[gender]` (not a
/// later word: "Umm Ahmed" is Ahmed's mother).
fn gender_of(cx: &Context, run: Run, keys: &[String]) -> Option<Gender> {
    let mut i = run.start;
    if i > 0 && cx.tokens.key(i - 1) == "." {
        i -= 1;
    }
    let honorific = (i > 0).then(|| match cx.tokens.key(i - 1) {
        "mr" => Some(Gender::Male),
        "mrs" | "ms" | "miss" => Some(Gender::Female),
        _ => None,
    });
    honorific.flatten().or_else(|| {
        let names = crate::lexicon::names::CommonNames::bundled();
        keys.first().and_then(|k| names.gender(k))
    })
}

/// Words that open a subordinate clause before the sentence's subject ("After the Justice
/// Department fired ...,", "While Mr. Ryan has steered clear of ...").
pub(super) const SUBORDINATORS: &[&str] = &[
    "after", "when", "as", "while", "before", "although", "though", "since", "if", "once",
    "despite",
];

/// A month or weekday name, also with an `s` ("Fridays", apostrophe lost).
fn calendar(k: &str) -> bool {
    let cal = crate::actors::CALENDAR;
    cal.contains(&k) || k.strip_suffix('s').is_some_and(|b| cal.contains(&b))
}

/// Reads name runs from an article's tokens.
pub(super) struct Reader<'c, 'a> {
    pub cx: &'c Context<'a>,
}

impl Reader<'_, '_> {
    fn key(&self, i: usize) -> &str {
        self.cx.tokens.key(i)
    }

    /// A token covered by an actor mention or a place (not part of an unlisted name).
    fn mentioned(&self, i: usize) -> Option<&crate::actors::Mention> {
        self.cx.mention_at(i)
    }

    /// A capitalised word that can be part of a name. A title word after a hyphen is a name
    /// ("Abdullah al-Sheikh").
    pub(super) fn name_word(&self, i: usize) -> bool {
        let toks = &self.cx.tokens.tokens;
        let t = &toks[i];
        let k = self.key(i);
        let cues = self.cx.cues;
        let hyphened = i > 0 && self.key(i - 1) == "-" && !t.space_before;
        t.word
            && (t.cap || self.particle_glued(i))
            && (!self.cx.stopwords.contains(k) || self.cx.said_as_surname(i))
            && !calendar(k)
            && !cues.is_quantifier(k)
            && !cues.is_opener(k)
            && (!cues.is_title(k) || hyphened)
            && !cues.is_pronoun(k)
            && (!cues.is_speech(k) || self.cx.said_as_surname(i))
            && !cues.is_person_noun(k)
            && !cues.is_anonymous(k)
            && self.mentioned(i).is_none()
    }

    /// A surname whose lowercase particle is glued to its capitalised rest ("diGenova",
    /// "deBlasio", "vanHollen"; `[names] particles`).
    fn particle_glued(&self, i: usize) -> bool {
        let sp = self.cx.tokens.tokens[i].span;
        let w = self.cx.text.get(sp.start..sp.end).unwrap_or("");
        (1..=3).any(|n| {
            w.is_char_boundary(n)
                && w[n..].len() > 2
                && w[..n].bytes().all(|b| b.is_ascii_lowercase())
                && w[n..].starts_with(|c: char| c.is_ascii_uppercase())
                && w[n..].chars().skip(1).all(|c| c.is_lowercase())
                && self.cx.cues.is_particle(&w[..n])
        })
    }

    /// True when token `i` comes right after a quotation mark ('"..." Rami said'): a capitalised
    /// word there opens no sentence.
    pub(super) fn after_quote(&self, i: usize) -> bool {
        i > 0 && self.key(i - 1) == "\""
    }

    /// A particle, hyphen or middle initial inside a name ("al", "-" in "Ibrahim al-Hajj", "F."
    /// in "John F. Kennedy").
    fn joiner(&self, i: usize) -> bool {
        let toks = &self.cx.tokens.tokens;
        let k = self.key(i);
        // A middle initial and its dot ("John F. Kennedy").
        if crate::text::keys::initial_dot(self.cx.tokens, i)
            || crate::text::keys::initial_dot(self.cx.tokens, i + 1)
        {
            return true;
        }
        if k == "-" {
            return !toks[i].space_before && toks.get(i + 1).is_some_and(|t| !t.space_before);
        }
        // A particle that is also an English word ("an", "as", "at") joins only with a hyphen
        // ("Abu an-Nasr"): "Rami an Aleppo resident" is a name and an appositive.
        let hyphened = toks.get(i + 1).is_some_and(|t| !t.space_before);
        toks[i].word
            && !toks[i].cap
            && self.cx.cues.is_particle(k)
            && (hyphened || !self.cx.stopwords.contains(k))
    }

    /// The name that ends right before token `v` (within `lo..v`): at most six tokens of
    /// capitalised words, particles and hyphens, starting with a word. `None` when there is
    /// none, when it is one word starting the sentence that names nobody spoken of before, when
    /// a preposition stands before it ("from Deir al-Zor"), or a bare "the" before one word.
    pub(super) fn before(&self, lo: usize, v: usize, names: &Names) -> Option<Run> {
        // A generational suffix's dot ends the name ("Donald Trump Jr. told", "Martin Luther
        // King Jr. said"): the run ends after the suffix.
        let v = if v >= lo + 3
            && crate::text::keys::suffix_dot(self.cx.tokens, v - 1)
            && self.name_word(v - 3)
        {
            v - 1
        } else {
            v
        };
        if v <= lo || !self.name_word(v - 1) {
            return None;
        }
        // Back over name words and joiners; an organisation noun ends a body's name ("The Homs
        // Media Center said") but is not part of a person's ("Kurdish National Council Mustafa
        // Sino said": the name is "Mustafa Sino"), nor is an outlet's noun when the run ends in
        // no body's noun ("Speaking to Anadolu Agency Yusuf el-Bustani a local activist said").
        let cues = self.cx.cues;
        let person_last = !cues.is_body_noun(self.key(v - 1));
        let mut start = v - 1;
        while start > lo
            && v - start < 6
            && (self.name_word(start - 1) || self.joiner(start - 1))
            && !cues.is_org_noun(self.key(start - 1))
            && !(person_last && cues.is_outlet_noun(self.key(start - 1)))
        {
            start -= 1;
        }
        // A run longer than a name may be is two names with no comma between ("the group Nour
        // El Din El Zinki Yasser Al Youssef said"): a person's name starts at its last given
        // name (regional ones too) that two or more name words begin.
        let given = crate::lexicon::names::CommonNames::bundled();
        if person_last
            && v - start == 6
            && start > lo
            && (self.name_word(start - 1) || self.joiner(start - 1))
        {
            if let Some(c) = (start + 1..v - 1).rev().find(|&c| {
                self.cx.tokens.tokens[c].cap
                    && given.is_given(self.key(c))
                    && (c..v).filter(|&i| self.name_word(i)).count() >= 2
            }) {
                start = c;
            }
        }
        let mut outer = start;
        while start < v - 1 && !self.name_word(start) {
            start += 1;
        }
        // A particle hyphened to the first name word belongs to the name ("the Arabic-language
        // al-Hadas News reported", as the closing ", al-Hadas News reported" reads it).
        if start >= lo + 2
            && self.key(start - 1) == "-"
            && self.joiner(start - 1)
            && self.joiner(start - 2)
            && self.cx.tokens.tokens[start - 2].word
        {
            start -= 2;
        }
        // "the governor of Homs Talal Barazi", "an official in Idlib Leys el-Faris": a listed
        // place after a role and "of"/"in", heading a run of two or more name words that is no
        // body's name, is no part of the name.
        let last = self.key(v - 1);
        if start + 2 < v
            && start >= lo + 2
            && self.cx.gazetteer.is_place_word(self.key(start))
            && matches!(self.key(start - 1), "of" | "in")
            && (cues.is_person_noun(self.key(start - 2))
                || cues.is_title(self.key(start - 2))
                || cues.is_anonymous(self.key(start - 2)))
            && (start + 1..v).filter(|&i| self.name_word(i)).count() >= 2
            && !cues.is_org_noun(last)
            && !cues.is_outlet_noun(last)
        {
            start += 1;
            outer = start;
        }
        // "a market in Aleppo Ibrahim Abu Leith said", "of Deir al-Zor Abdullah al-Noami said"
        // (commas dropped): a place after a preposition of place (a place mention, or a listed
        // place whose particles and hyphens may reach past the six tokens a name may have), then
        // a given name and more name words: the name starts at the given name, and the
        // preposition is the place's.
        let toks = &self.cx.tokens.tokens;
        let mut wide = outer;
        while wide > lo && v - wide < 11 && (self.name_word(wide - 1) || self.joiner(wide - 1)) {
            wide -= 1;
        }
        let place_start = |c: usize| match self.mentioned(c - 1) {
            Some(m) => m.place.then_some(m.first as usize),
            None => self
                .cx
                .listed_place_ending(wide, c - 1)
                .map(|(first, _)| first),
        };
        let cut = (wide.max(lo + 1)..v.saturating_sub(1)).find(|&c| {
            toks[c].cap
                && given.is_given(self.key(c))
                && place_start(c).is_some_and(|f| f > lo && cues.is_place_before(self.key(f - 1)))
        });
        if let Some(c) = cut.filter(|&c| (c..v).filter(|&i| self.name_word(i)).count() >= 2) {
            return self.refine(Run {
                start: c,
                end: v,
                affiliation: self.affiliation(lo, c),
            });
        }
        // "UN High Commissioner for Human Rights Navi Pillay said": after "for" or "of" that
        // follows a capitalised title, the words of listed names that open the run ("Human
        // Rights") end the title; the name is the two or more name words after them.
        if start >= lo + 2
            && matches!(self.key(start - 1), "for" | "of")
            && toks[start - 2].cap
            && {
                let t = self.key(start - 2);
                cues.is_title(t) || cues.is_person_noun(t) || cues.is_anonymous(t)
            }
        {
            let g = self.cx.gazetteer;
            let mut s = start;
            while s < v
                && self.name_word(s)
                && g.is_any_name_word(self.key(s))
                && !given.is_given(self.key(s))
            {
                s += 1;
            }
            if s > start && (s..v).filter(|&i| self.name_word(i)).count() >= 2 {
                return self.refine(Run {
                    start: s,
                    end: v,
                    affiliation: self.affiliation(lo, s),
                });
            }
        }
        let words = (start..v).filter(|&i| self.name_word(i)).count();
        // A generational suffix alone is no name ("Martin Luther King Jr." after the title
        // "King").
        if (start..v)
            .filter(|&i| self.name_word(i))
            .all(|i| crate::text::keys::SUFFIXES.contains(&self.key(i)))
        {
            return None;
        }
        // A listed place joined by "and", "or" or a comma to a place before it is no speaker's
        // name ("factions in coastal regions Aleppo Hama and Idlib announced"); nor is one word
        // after a word in brackets that follows a word ("a source at al-Jamiaa (University)
        // Hospital told": the rest of a name the brackets cut).
        let listed_place = |first: usize, last: usize| {
            self.mentioned(last)
                .is_some_and(|m| m.place && m.first as usize >= first)
                || self
                    .cx
                    .listed_place_ending(first, last)
                    .is_some_and(|(f, _)| f == first)
        };
        let coordinated_place = start > lo + 1
            && matches!(self.key(start - 1), "and" | "or" | ",")
            && listed_place(start, v - 1)
            && (lo..start - 1)
                .rev()
                .take(4)
                .any(|f| listed_place(f, start - 2));
        let bracketed = words == 1
            && start >= lo + 4
            && self.key(start - 1) == ")"
            && self.key(start - 3) == "("
            && toks[start - 2].word
            && toks[start - 4].word;
        if coordinated_place || bracketed {
            return None;
        }
        let descriptor_noun = cues.is_org_noun(last)
            || cues.is_outlet_noun(last)
            || cues.is_anonymous(last)
            || cues.is_institutional(last);
        // "a witness named Ahmad": the word before says a name follows.
        let introduced = outer > lo && cues.is_introducer(self.key(outer - 1));
        // '"..." Rami, an Aleppo resident, said': right after a closing quote a capitalised word
        // is no sentence opener.
        let after_quote = start == lo && self.after_quote(lo);
        // "Ahmed 24 said" (commas dropped): an age right after one word makes it a person's
        // name, not a place ("around Ahmed").
        let aged = {
            let t = self.cx.tokens.tokens.get(v);
            let k = if t.is_some() { self.key(v) } else { "" };
            t.is_some_and(|t| t.word)
                && (1..=2).contains(&k.len())
                && k.bytes().all(|c| c.is_ascii_digit())
        };
        let known =
            words == 1 && (names.known_last_word(last) || introduced || after_quote || aged);
        // A word opening the sentence is a name also when an earlier name of the article ends in
        // it (which lifts no other check: "in Alwaer" stays a place), when it is one of the
        // commonest surnames ("Cohen said"), or when it is no ordinary word of English news
        // (`data/common_words.txt`), no plural, stop word, person's noun or pronoun
        // ("Chamberlain says"; not "Evidence suggests", "Often dubbed", "Officials said").
        let opener_known = known
            || (words == 1 && self.earlier_full(v - 1).is_some())
            || (words == 1
                && start == lo
                && (crate::lexicon::names::CommonNames::bundled().is_common_surname(last)
                    || (!last.ends_with('s')
                        && !crate::lexicon::names::CommonWords::bundled().contains(last)
                        && !self.cx.stopwords.contains(last)
                        && !cues.is_person_noun(last)
                        && !cues.is_pronoun(last))));
        if words == 1 && (descriptor_noun || (start == lo && !opener_known)) {
            return None;
        }
        // "Several Republicans who ... said", "some Democrats said": capitalised words right
        // after a word of quantity are a group's noun.
        if outer > lo && cues.is_group_determiner(self.key(outer - 1)) {
            return None;
        }
        if outer > lo && !known {
            // What stands before the name: not a preposition or place ("from Deir al-Zor",
            // "in rural Aleppo"), a bare "the" ("the Levant"), or a modifier that is no title
            // ("Britain-based Observatory").
            let t = &self.cx.tokens.tokens[outer - 1];
            let before = self.key(outer - 1);
            let modifier = t.word
                && !t.cap
                && !cues.is_title(before)
                && !cues.is_person_noun(before)
                && !cues.is_anonymous(before)
                && !cues.is_reporting(before)
                && !cues.is_speech(before)
                && !self.cx.stopwords.contains(before);
            // ("... the top commander for US military forces in the Middle East said": a
            // preposition of place and "the" before the run.)
            let place_the = before == "the"
                && outer >= lo + 2
                && matches!(
                    self.key(outer - 2),
                    "in" | "at" | "near" | "inside" | "across" | "around" | "throughout"
                );
            // "Director of National Intelligence James Clapper said", "Minister of Finance
            // Ali Hassan said": "of" after a capitalised title opens the rest of the title,
            // no place, when a given name and a surname follow (where the name starts).
            // (`refine` below starts the name at that given name.)
            let title_of = before == "of"
                && outer >= lo + 2
                && toks[outer - 2].cap
                && cues.is_title(self.key(outer - 2))
                && (start + 1..v.saturating_sub(1)).any(|i| self.given_name(i));
            // "A statement from Yacoub El Hillo said", "a letter by ... said": after a record
            // and "from" or "by", the name is its author's.
            let authored = matches!(before, "from" | "by")
                && outer >= lo + 2
                && cues.is_document(self.key(outer - 2))
                && words >= 2;
            if !title_of
                && !authored
                && (cues.is_place_before(before)
                    || place_the
                    || (matches!(before, "the" | "a" | "an") && words == 1)
                    || self.mentioned(outer - 1).is_some_and(|m| m.place)
                    || (modifier && words == 1))
            {
                // "rescue workers in Al-Atareb Fahd said" (commas dropped), after "Abdul Ilah
                // al-Fahd" was named: the place runs into the surname, which is the name, when
                // that earlier name opens with a given name (not "Deir al-Adas").
                let surname = cues.is_place_before(before)
                    && words > 1
                    && self.earlier_full(v - 1).is_some_and(|r| {
                        crate::lexicon::names::CommonNames::bundled().is_given(self.key(r.start))
                    });
                return surname.then_some(Run {
                    start: v - 1,
                    end: v,
                    affiliation: None,
                });
            }
        }
        self.refine(Run {
            start,
            end: v,
            affiliation: self.affiliation(lo, start),
        })
    }

    /// A capitalised common given name at token `i` that is no regional one (`data/names.toml`):
    /// where a person's name starts after other capitalised words.
    fn given_name(&self, i: usize) -> bool {
        let names = crate::lexicon::names::CommonNames::bundled();
        let k = self.key(i);
        self.cx.tokens.tokens[i].cap && names.is_given(k) && !names.is_regional_given(k)
    }

    /// The name inside a run of capitalised words: it starts after a possessive ("ABC's Nicki
    /// Rossoll") or a word with digits (a scraped link id), and at the first common given name
    /// (`data/names.toml`) that is followed by a surname and comes after other capitalised words
    /// that are no given names or particles ("Defiant Roger Stone", "Irish Taoiseach Leo
    /// Varadkar", "Nothing James Comey"; not "Bill Clinton"). `None` when the run
    /// ends in a possessive ("Bob Corker's": the speaker is someone of theirs) or is one adverb
    /// ("Falsely").
    fn refine(&self, run: Run) -> Option<Run> {
        let toks = &self.cx.tokens.tokens;
        let names = crate::lexicon::names::CommonNames::bundled();
        let possessive = |i: usize| {
            let k = self.key(i);
            toks[i].word && crate::text::keys::strip_possessive(k).len() != k.len()
        };
        let (mut start, end) = (run.start, run.end);
        if end == start || possessive(end - 1) {
            return None;
        }
        // A roman numeral before more name words ends what came before ("since World War II
        // Steifo said", commas dropped); one that ends the run is a regnal number ("John Paul
        // II").
        let numeral = |i: usize| {
            toks[i].word && toks[i].upper && matches!(self.key(i), "ii" | "iii" | "iv" | "vi")
        };
        let cut = (run.start..end - 1).rev().find(|&i| {
            possessive(i)
                || numeral(i)
                || (toks[i].word && self.key(i).contains(|c: char| c.is_ascii_digit()))
        });
        if let Some(i) = cut {
            start = i + 1;
        }
        while start < end && !toks[start].word {
            start += 1;
        }
        let plain = |j: usize| {
            toks[j].word && !names.is_given(self.key(j)) && !self.cx.cues.is_particle(self.key(j))
        };
        if let Some(g) = (start + 1..end.saturating_sub(1)).find(|&i| self.given_name(i)) {
            if (start..g).all(plain) {
                start = g;
            }
        }
        if start >= end {
            return None;
        }
        let words = (start..end).filter(|&i| toks[i].word).count();
        let k = self.key(start);
        // One adverb ("Falsely"), not a name that ends like one ("Kelly", "Reilly").
        if words == 1
            && k.len() > 4
            && k.ends_with("ly")
            && !names.is_common_surname(k)
            && !names.is_given(k)
        {
            return None;
        }
        Some(Run { start, ..run })
    }

    /// The name that starts at token `a` or after titles, affiliations and a modifier
    /// ("said Ibrahim al-Hajj", "said activist Bahaa al Halabi", "said Welsh nationalist MP
    /// Hywel Williams", "said U.N. spokesman Martin Nesirky"), within `a..b`: the last run of
    /// name words before the clause goes on.
    pub(super) fn after(&self, a: usize, b: usize) -> Option<Run> {
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        // "said Said Seif al Qalamoni": right after a speech verb, a capitalised speech word
        // before a name word is a given name.
        let given_said = |i: usize| {
            i == a
                && i > 0
                && toks[i].cap
                && !toks[i].upper
                && cues.is_speech(self.key(i))
                && toks[i - 1].word
                && !toks[i - 1].cap
                && cues.is_speech(self.key(i - 1))
                && i + 1 < b
                && self.name_word(i + 1)
        };
        let name_word = |i: usize| self.name_word(i) || given_said(i);
        let mut i = a;
        let mut run: Option<(usize, usize)> = None;
        while i < b && i < a + 10 {
            let k = self.key(i);
            if name_word(i) || (self.joiner(i) && run.is_some_and(|r| r.1 == i)) {
                run = match run {
                    Some((s, e)) if e == i => Some((s, i + 1)),
                    _ if name_word(i) => Some((i, i + 1)),
                    r => r,
                };
            } else if self.joiner(i)
                && i + 1 < b
                && (self.name_word(i + 1)
                    || (self.joiner(i + 1) && i + 2 < b && self.name_word(i + 2)))
            {
                // "says al-Hajj": a particle may open the name.
                run = match run {
                    Some((s, e)) if e == i => Some((s, i + 1)),
                    _ => Some((i, i + 1)),
                };
            } else {
                // After a run, a gazetteer name is an appositive ("Kenneth Roth, Human Rights
                // Watch's director"): the run is the name.
                let mention = self.mentioned(i).is_some_and(|m| !m.place);
                if mention && run.is_some() {
                    break;
                }
                // The dot that ends an initialism ("U.N. spokesman") belongs to it.
                let initialism_dot = i > a && crate::text::keys::initialism_dot(self.cx.tokens, i);
                // The dot of an abbreviated title ("Brig. Gen. Ahmed Hassan", "Dr. Samir Khalil").
                let title_dot =
                    k == "." && i > a && cues.is_title(self.key(i - 1)) && !toks[i].space_before;
                // "said the party's chief negotiator Mohamad Sabra": the article of the first
                // title, and up to two lower-case modifiers before a title or a person's noun.
                let article = i == a && k == "the" && run.is_none();
                let modifier = |j: usize| {
                    j < b
                        && toks[j].word
                        && !toks[j].cap
                        && !self.cx.stopwords.contains(self.key(j))
                };
                let title_at = |j: usize| {
                    j < b && (cues.is_title(self.key(j)) || cues.is_person_noun(self.key(j)))
                };
                let prefix = cues.is_title(k)
                    || article
                    // A capitalised word that opens the sentence ("Like Noha Samira she was
                    // relieved").
                    || (i == a && toks[i].cap && (cues.is_opener(k) || SUBORDINATORS.contains(&k)))
                    || cues.is_person_noun(k)
                    || initialism_dot
                    || title_dot
                    || mention
                    || (modifier(i)
                        && i + 1 < b
                        && cues.is_title(self.key(i + 1)))
                    // (Not after a run: "said Zakaria Malahifji senior official in ..." ends the
                    // name.)
                    || (run.is_none()
                        && modifier(i)
                        && (title_at(i + 1) || (modifier(i + 1) && title_at(i + 2))));
                if !prefix {
                    break;
                }
                // "Welsh nationalist MP Hywel Williams": a run before a title modifies it; but
                // not one before titles that words other than a name follow ("said Mounzer
                // Khalil head of Idlib's health authority", commas dropped): that title is an
                // appositive.
                if run.is_some() && !mention {
                    let mut j = i;
                    while j < b
                        && j < a + 10
                        && (cues.is_title(self.key(j))
                            || cues.is_person_noun(self.key(j))
                            || (self.key(j) == "." && !toks[j].space_before))
                    {
                        j += 1;
                    }
                    if j > i && j < b && !name_word(j) && self.mentioned(j).is_none() {
                        break;
                    }
                }
                run = None;
            }
            i += 1;
        }
        let (mut start, mut end) = run?;
        // The article opens a description, not a name ("said the Observatory", "quoting the
        // Syrian National Television"): a title or a person's noun stands between them.
        if self.key(a) == "the"
            && !(a + 1..start)
                .any(|j| cues.is_title(self.key(j)) || cues.is_person_noun(self.key(j)))
        {
            return None;
        }
        while end > start + 1 && !name_word(end - 1) {
            end -= 1;
        }
        while start < end && !toks[start].word {
            start += 1;
        }
        self.refine(Run {
            start,
            end,
            affiliation: self.affiliation(a.saturating_sub(1), start),
        })
    }

    /// The run of name words (with particles and hyphens) that starts at token `a`, within
    /// `a..b` and at most six tokens: "Wird Furati" in "Wird Furati head of press office at ...
    /// told". `None` when token `a` is no name word.
    pub(super) fn opening(&self, a: usize, b: usize) -> Option<Run> {
        if a >= b || !self.name_word(a) {
            return None;
        }
        let mut end = a + 1;
        while end < b && end < a + 6 && (self.name_word(end) || self.joiner(end)) {
            end += 1;
        }
        while end > a + 1 && !self.name_word(end - 1) {
            end -= 1;
        }
        self.refine(Run {
            start: a,
            end,
            affiliation: None,
        })
    }

    /// The fuller name an earlier part of the article gives the one-word name at token `at`
    /// ("Xelil said" after "YPG spokesman Redur Xelil and Turkish security sources told
    /// Reuters"; "Fahd said" after "Abdul Ilah al-Fahd sent a letter"): the first run before it,
    /// where a name is written in full, of two or three name words (not "Human Rights Navi
    /// Pillay") that ends in the same capitalised word and is no body's name, after no
    /// preposition of place ("in Millis Idlib") and before no capitalised word (a headline's
    /// "Besieged Alwaer District"). Within the 3,000 tokens before it (a long article), so that
    /// a text of many such names stays linear.
    pub(super) fn earlier_full(&self, at: usize) -> Option<Run> {
        let toks = &self.cx.tokens.tokens;
        let k = self.key(at);
        let cues = self.cx.cues;
        (at.saturating_sub(3000)..at).find_map(|j| {
            if self.key(j) != k || !toks[j].cap || !self.name_word(j) {
                return None;
            }
            let mut s = j;
            while s > 0
                && j - s < 5
                && (self.name_word(s - 1) || self.joiner(s - 1))
                && !cues.is_org_noun(self.key(s - 1))
            {
                s -= 1;
            }
            while s < j && !self.name_word(s) {
                s += 1;
            }
            let capitalised_after = toks.get(j + 1).is_some_and(|t| t.word && t.cap);
            if capitalised_after
                || (s > 0 && super::attribution::PLACE_PREPOSITIONS.contains(&self.key(s - 1)))
                || cues.is_org_noun(k)
                || cues.is_outlet_noun(k)
            {
                return None;
            }
            self.refine(Run {
                start: s,
                end: j + 1,
                affiliation: self.affiliation(0, s),
            })
            .filter(|r| (2..=3).contains(&(r.start..r.end).filter(|&i| self.name_word(i)).count()))
        })
    }

    /// The actor named right before the titles in front of a name at `start` ("U.N. spokesman
    /// Martin Nesirky", "Syrian Coalition member Yasser Farhan"): up to four title or lowercase
    /// role words may stand between them.
    fn affiliation(&self, lo: usize, start: usize) -> Option<ActorId> {
        let toks = &self.cx.tokens.tokens;
        let mut i = start;
        while i > lo && start - i < 4 {
            let k = self.key(i - 1);
            if let Some(m) = self.mentioned(i - 1) {
                return (!m.place).then_some(m.actor);
            }
            let role = self.cx.cues.is_title(k) || (toks[i - 1].word && !toks[i - 1].cap);
            if !role || self.cx.stopwords.contains(k) {
                return None;
            }
            i -= 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_follow_the_guide() {
        assert_eq!(slug("Safiya Souhail"), "safiya-souhail");
        assert_eq!(slug("Ibrahim al-Hajj"), "ibrahim-al-hajj");
        assert_eq!(slug("Stephen O'Brien"), "stephen-o-brien");
        assert_eq!(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
        assert_eq!(slug("  Homs Media Center. "), "homs-media-center");
    }
}
