//! Attribution: who says a quote or a sentence, from the words around it.
//!
//! A [`State`] walks one article in text order (driven by [`super::assign`]) and remembers
//! every source named so far, so that later references ("the Iranian report said", "he added")
//! resolve to the most recent compatible one. The cue words (speech verbs, descriptor nouns,
//! pronouns) come from [`super::cues::CueWords`]; the grammar is here: a speech verb next to a
//! name or descriptor after the quote, or before it; `quoted X as saying`; `according to X`; a
//! sentence closed by `, X said`.

use super::names::{Names, Reader, Run, Speaker, SUBORDINATORS};
use super::{Context, Voice};
use crate::actors::{Form, Mention};
use crate::lexicon::{ActorId, ActorKind, Gender};
use crate::span::Span;

/// Prepositions after which a country is where someone is ("activists in Syria said").
pub(super) const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "from", "inside", "outside", "across", "around", "to",
];

/// Words that may follow a closing speech verb ("... the monitor said on Monday", "... said in a
/// statement", "... told reporters"): when, where or to whom it was said. Narrower than
/// `[speech] closing_after`, which lets the subject's closing clause be found at all: with its
/// "about", "of" and "with" here, "SANA reported about ten casualties" and "what he said about
/// Obama" lost what was said (FA-KES 1, US 2 passages, all wrong; 2026-12-07).
const CLOSING_TAIL: &[&str] = &[
    "on",
    "in",
    "at",
    "to",
    "late",
    "early",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "this",
    "last",
    "during",
    "after",
    "before",
    "while",
    "when",
    "from",
    "via",
    "by",
    "reporters",
    "journalists",
    "and",
    "without",
];

/// A word after which a clause opens ("... a sign that what he said ...", "but everything Trump
/// said ...").
fn opens_clause(k: &str) -> bool {
    matches!(
        k,
        "that" | "but" | "and" | "because" | "since" | "while" | "although"
    )
}

/// A word that opens a noun phrase ("a Pentagon spokesman", "Ibrahim al-Hajj a volunteer").
fn determiner(k: &str) -> bool {
    k == "the" || indefinite(k)
}

/// A word that opens an indefinite noun phrase, someone not named before ("a spokesman", "one
/// resident", "another activist").
fn indefinite(k: &str) -> bool {
    matches!(k, "a" | "an" | "one" | "another")
}

/// Class of a descriptor's head noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Outlet,
    Person,
    Org,
    /// An organisation or an outlet ("it").
    Body,
    /// A person who is not known to be a woman ("he").
    He,
    /// A person who is not known to be a man ("she"): in the gazetteer, one with
    /// `gender = "female"`.
    She,
    Any,
}

impl Class {
    /// The class a personal pronoun refers to.
    fn pronoun(k: &str) -> Class {
        match k {
            "he" | "him" | "his" => Class::He,
            "she" | "her" | "hers" => Class::She,
            _ => Class::Person,
        }
    }

    fn person(self) -> bool {
        matches!(self, Class::Person | Class::He | Class::She)
    }
}

/// The attribution pass over one article.
pub(super) struct State<'c, 'a> {
    cx: &'c Context<'a>,
    /// Every attribution so far, `unknown` ones too: (position, voice) ("the same source");
    /// the named ones are [`State::history`].
    spoke: Vec<(usize, Voice)>,
    /// Persons named by name as the subject opening a sentence, whether or not they spoke
    /// ("Sheikh Rafaa al-Raju called for ..."): (position, voice), antecedents of a pronoun.
    subjects: Vec<(usize, Voice)>,
    /// The speakers named so far that the gazetteer does not list.
    names: Names,
    /// The country the article names most ([`State::focus_country`]), once computed.
    focus: std::cell::OnceCell<Option<ActorId>>,
    /// Where a pronoun or a person description that resolved to nobody spoke ("He said on
    /// condition of anonymity", "France's foreign minister called for"): later pronouns do not
    /// point back past it.
    unnamed: std::cell::RefCell<Vec<usize>>,
    /// Where a body that no source resolves to spoke ("The DeirEzzor 24 monitoring group
    /// said", "it said" with no body before): a later "it" does not point back past it.
    unnamed_bodies: std::cell::RefCell<Vec<usize>>,
    /// Where a person described by role alone spoke for a body ("an opposition activist said":
    /// `syrian_opposition`): (position, voice), in text order; a later "he" is the same person.
    roles: std::cell::RefCell<Vec<(usize, Voice)>>,
    /// While a subject before a place phrase is read ("the defence ministry in Moscow said"):
    /// the place's country, which qualifies a description as a demonym would.
    place_country: std::cell::Cell<Option<ActorId>>,
    /// Top-level double-quoted spans, in text order: a person named only inside a quote is no
    /// antecedent of a pronoun after it ("“Donald Trump just got nuked,” he said").
    quoted: Vec<Span>,
    /// Programme and publication titles in quotes, set aside as no quote ("said on CNN's "State
    /// of the Union""): a speech verb before a quote looks past them.
    titles: Vec<Span>,
}

/// Records byte `pos` in `at`, kept sorted, each position once (positions come in text order).
fn note_at(at: &std::cell::RefCell<Vec<usize>>, pos: usize) {
    let mut u = at.borrow_mut();
    if u.last().is_none_or(|&l| l < pos) {
        u.push(pos);
    }
}

/// True when `at` (sorted) holds a position after byte `from` and before byte `pos`.
fn noted_between(at: &std::cell::RefCell<Vec<usize>>, from: usize, pos: usize) -> bool {
    let u = at.borrow();
    u.get(u.partition_point(|&x| x <= from))
        .is_some_and(|&x| x < pos)
}

/// True when byte `pos` lies inside one of `spans` (sorted and disjoint).
fn covers(spans: &[Span], pos: usize) -> bool {
    let i = spans.partition_point(|q| q.end <= pos);
    spans.get(i).is_some_and(|q| q.start <= pos)
}

impl<'c, 'a> State<'c, 'a> {
    /// A new pass over the article of `cx`, with no source named yet.
    pub(super) fn new(cx: &'c Context<'a>) -> State<'c, 'a> {
        State {
            cx,
            spoke: Vec::new(),
            subjects: Vec::new(),
            names: Names::default(),
            focus: std::cell::OnceCell::new(),
            unnamed: std::cell::RefCell::new(Vec::new()),
            unnamed_bodies: std::cell::RefCell::new(Vec::new()),
            roles: std::cell::RefCell::new(Vec::new()),
            place_country: std::cell::Cell::new(None),
            quoted: Vec::new(),
            titles: Vec::new(),
        }
    }

    /// Tells the pass which spans are quoted (top-level double quotes, in text order) and which
    /// quoted titles were set aside.
    pub(super) fn set_quoted(&mut self, quoted: Vec<Span>, titles: Vec<Span>) {
        self.quoted = quoted;
        self.titles = titles;
    }

    /// True when byte `pos` lies inside a quoted span.
    fn in_quote(&self, pos: usize) -> bool {
        covers(&self.quoted, pos)
    }

    /// True when byte `pos` lies inside a quoted title set aside ("said on CNN's "State of the
    /// Union"").
    pub(super) fn in_title(&self, pos: usize) -> bool {
        covers(&self.titles, pos)
    }

    /// Records that `v` spoke at byte `pos` (a source later references can point back to).
    pub(super) fn heard(&mut self, pos: usize, v: Voice) {
        if v != Voice::Own {
            self.spoke.push((pos, v));
        }
    }

    /// Sources named so far: (position, voice), voices `Source` or `Named`.
    fn history(&self) -> impl DoubleEndedIterator<Item = &(usize, Voice)> {
        self.spoke
            .iter()
            .filter(|(_, v)| matches!(v, Voice::Source(_) | Voice::Named(_)))
    }

    /// Notes the person whose name opens sentence `s` as its subject, an antecedent for a
    /// later pronoun though they may not speak: a listed person, or an unlisted name of two or
    /// more words besides particles (titles before it allowed: "Sheikh Rafaa Aakla al-Raju
    /// called ..."), followed by what reads as a verb: a lowercase word that is no stop word,
    /// or an auxiliary before one ("Beto O'Rourke is proposing"; not "Al-Bab is", nor a
    /// headline's "Thu Feb 26" or "... Killed in Aleppo"), or what opens an appositive.
    /// Nothing inside a quote, no heading with a word in capitals.
    pub(super) fn note_subject(&mut self, s: Span) {
        let (a, b) = self.cx.tokens.range(s);
        let toks = &self.cx.tokens.tokens;
        let Some(a) = (a..b).find(|&i| toks[i].word) else {
            return;
        };
        if self.in_quote(toks[a].span.start) {
            return;
        }
        let content_word = |e: usize| {
            e < b
                && toks[e].word
                && self.key(e).starts_with(|c: char| c.is_ascii_lowercase())
                && !toks[e].cap
                && !self.cx.stopwords.contains(self.key(e))
        };
        // ... or an appositive, a relative clause or an affiliation ("Ercan Topaca the
        // Governor of Hatay", "Omar Abu Laila who ...", "Obeida al-Hamawi of the ...").
        // An auxiliary may carry a negation ("Tabler does not expect ..."), or a copula a noun
        // phrase ("Jack Mitnick was the family's accountant").
        let lower_after = |e: usize| {
            content_word(e)
                || (e < b
                    && !toks[e].cap
                    && self.cx.cues.is_auxiliary(self.key(e))
                    && (content_word(e + 1)
                        || (e + 1 < b && matches!(self.key(e + 1), "the" | "a" | "an"))
                        || (e + 1 < b
                            && matches!(self.key(e + 1), "not" | "n't")
                            && content_word(e + 2))))
                || (e < b && matches!(self.key(e), "," | "the" | "a" | "an" | "of" | "who"))
        };
        // The first mention, after at most openers and titles ("Meanwhile, Foreign Minister
        // Hossein Amir-Abdollahian met ...").
        let cues = self.cx.cues;
        let lead = (a..b.min(a + 8))
            .find(|&i| {
                let k = self.key(i);
                toks[i].word && !cues.is_opener(k) && !cues.is_title(k)
            })
            .filter(|&i| self.cx.mention_at(i).is_some())
            .unwrap_or(a);
        if let Some(m) = self.cx.mention_at(lead) {
            let person = self.cx.gazetteer.actor(m.actor).kind == ActorKind::Person;
            if person && !m.place && lower_after(m.last as usize + 1) {
                self.subjects
                    .push((toks[lead].span.start, Voice::Source(m.actor)));
            }
            return;
        }
        let Some(run) = self.reader().after(a, b.min(a + 10)) else {
            return;
        };
        let words = self.name_words(run);
        // Only titles before the name ("Sheikh", "Colonel") and words that open a clause
        // ("Like Noha Samira she was relieved", "Yet Evans believes"), so that the run is the
        // subject.
        // A subordinator may open the clause the name is the subject of ("While Mr. Ryan has
        // generally steered clear of the Trump campaign, he ...").
        let titled = (a..run.start).all(|i| {
            let k = self.key(i);
            !toks[i].word
                || cues.is_title(k)
                || cues.is_opener(k)
                || (i == a && SUBORDINATORS.contains(&k))
        });
        // A run with a word in capitals is a heading ("WINNING RESPECT Damaged ...").
        let shouted = (run.start..run.end).any(|i| toks[i].upper && self.key(i).len() > 2);
        // A run before a role noun qualifies it ("North Korean officials gave ..."): no name.
        let role_after = run.end < b && {
            let k = self.key(run.end);
            cues.is_person_noun(k) || cues.is_anonymous(k) || cues.is_institutional(k)
        };
        // One word after a title will do ("While Mr. Ryan has ...").
        let after_title = run.start > a && {
            let t = if self.key(run.start - 1) == "." && run.start > a + 1 {
                run.start - 2
            } else {
                run.start - 1
            };
            cues.is_title(self.key(t)) && toks[t].cap
        };
        // So will the last word of a name the article gave in full before ("Andrew Tabler ...
        // Tabler does not expect ...").
        let known = words == 1 && self.names.known_last_word(self.key(run.end - 1));
        if (words >= 2 || after_title || known)
            && titled
            && !shouted
            && !role_after
            && lower_after(run.end)
        {
            let v = self.name_voice(run);
            if let Voice::Named(i) = v {
                if self.names.speakers[i as usize].person {
                    self.subjects.push((toks[run.start].span.start, v));
                }
            }
        }
    }

    /// True when `v` is named inside `span`: a mention of its actor, or the unlisted name seen
    /// there (as a speaker or a sentence's subject).
    fn names_in(&self, v: Voice, span: Span) -> bool {
        match v {
            Voice::Source(a) => {
                let m = self.cx.mentions;
                m[m.partition_point(|x| x.span.start < span.start)..]
                    .iter()
                    .take_while(|x| x.span.start < span.end)
                    .any(|x| x.actor == a && span.contains(x.span))
            }
            Voice::Named(i) => {
                span.contains(self.names.speakers[i as usize].span)
                    || self
                        .subjects
                        .iter()
                        .chain(self.history())
                        .any(|&(p, w)| w == v && span.start <= p && p < span.end)
            }
            Voice::Own | Voice::Unknown => false,
        }
    }

    /// True when `before` (a sentence's words before its first quote) holds the host's words
    /// about the quote's speaker `v`, whose attribution is `cue`: words before a cue that opens
    /// before the quote ("Asked whether ..., Webb said: “...”"), or the speaker named outside
    /// the cue ("Ted Cruz, Texas Republican, made a plea ...: “...,” he said"; the speaker does
    /// not speak of themselves by name).
    pub(super) fn narrates(&self, v: Voice, before: Span, cue: Span) -> bool {
        let narration = Span::new(before.start, cue.start.clamp(before.start, before.end));
        let (a, b) = self.cx.tokens.range(narration);
        let words = (a..b).any(|i| self.cx.tokens.tokens[i].word);
        (cue.start < before.end && words) || self.names_in(v, narration)
    }

    /// The speakers the gazetteer does not list, indexed by [`Voice::Named`].
    pub(super) fn into_speakers(self) -> Vec<Speaker> {
        self.names.speakers
    }

    fn reader(&self) -> Reader<'c, 'a> {
        Reader { cx: self.cx }
    }

    /// The voice of an unlisted name.
    fn name_voice(&mut self, run: Run) -> Voice {
        // One word no speaker ends in, that an earlier name of the article ends in: that name.
        let last = run.end - 1;
        if self.name_words(run) == 1 && !self.names.known_last_word(self.key(last)) {
            if let Some(full) = self.reader().earlier_full(last) {
                self.names.intern(self.cx, full);
            }
        }
        Voice::Named(self.names.intern(self.cx, run))
    }

    /// The interviewee the gazetteer does not list, named in an interview's lead (bytes `lead`):
    /// the first unlisted name of two words or more right after a title, a role or an anonymous
    /// noun ("political analyst Marwa Osman", "Professor Seyed Mohammad Marandi"). `None` when
    /// there is none.
    pub(super) fn lead_name(&mut self, lead: Span) -> Option<Voice> {
        let (a, b) = self.cx.tokens.range(lead);
        let cues = self.cx.cues;
        let run = (a + 1..b).find_map(|i| {
            let k = self.key(i - 1);
            let after_role = !self.cx.tokens.tokens[i - 1].cap
                && (cues.is_title(k) || cues.is_person_noun(k) || cues.is_anonymous(k));
            if !after_role || !self.cx.tokens.tokens[i].cap {
                return None;
            }
            self.reader()
                .after(i, b.min(i + 8))
                .filter(|r| r.start == i && self.name_words(*r) >= 2)
        })?;
        Some(self.name_voice(run))
    }

    /// The unlisted name right before token `v` (within `lo..v`), as a voice; none where the
    /// run is a place in a relative clause ([`State::place_in_clause`]).
    fn name_before(&mut self, lo: usize, v: usize) -> Option<(Voice, usize)> {
        let run = self.run_before(lo, v)?;
        Some((self.name_voice(run), run.start))
    }

    /// The unlisted name that ends right before token `v` ([`Reader::before`]), unless a
    /// relative clause puts it after a preposition of place ([`State::place_in_clause`]).
    fn run_before(&self, lo: usize, v: usize) -> Option<Run> {
        let run = self.reader().before(lo, v, &self.names)?;
        self.place_in_clause(lo, run.start).is_none().then_some(run)
    }

    /// "US Central Command which oversees US military operations in the Middle East said": a
    /// capitalised run starting at token `start` after a preposition of place (and "the"), in a
    /// relative clause opened after `lo`, is where the clause's subject acts, not who speaks.
    /// The preposition's token.
    fn place_in_clause(&self, lo: usize, start: usize) -> Option<usize> {
        let p = if start > lo && self.key(start - 1) == "the" {
            start - 1
        } else {
            start
        };
        if p <= lo + 1 {
            return None;
        }
        (PLACE_PREPOSITIONS.contains(&self.key(p - 1))
            && (lo..p - 1).any(|i| matches!(self.key(i), "which" | "who")))
        .then_some(p - 1)
    }

    /// The unlisted name at token `a` or after titles (within `a..b`), as a voice.
    fn name_after(&mut self, a: usize, b: usize) -> Option<Voice> {
        let run = self.reader().after(a, b)?;
        Some(self.name_voice(run))
    }

    /// "... said Hossam Qassab a 32-year-old pharmacist", ", said Said Seif al Qalamoni from
    /// the Free Syrian Army's ... brigade": an unlisted name within four tokens after the
    /// speech verb at `v` (titles before it allowed), followed by the sentence's end (`end`)
    /// or by what opens an appositive, a relative clause or an affiliation, however long the
    /// rest: the speaker of a closing attribution.
    fn inverted_name(&mut self, v: usize, end: usize) -> Option<Voice> {
        // "told Fox News", "asked Comey": whom someone told or asked is not who spoke; "The
        // Ledger quoted House Majority Leader Doug Ley": the words before are no quote's.
        if matches!(
            self.key(v),
            "told" | "tells" | "asked" | "asks" | "quoted" | "quoting" | "cited" | "citing"
        ) || self.reports_for_subject(v)
            // A capitalised verb is a title-cased headline's, where every word after it looks
            // like a name ("Lavrov Meets Syrian FM Muqdad, Urges Cooperation").
            || self.cx.tokens.tokens[v].cap
        {
            return None;
        }
        let run = self.reader().after(v + 1, (v + 11).min(end))?;
        if run.start > v + 5 {
            return None;
        }
        let e = run.end;
        let cues = self.cx.cues;
        // "said Abu Mohammed al-Julani, the leader of Nusra, was killed", "saying Gonzalo
        // Curiel, who is of Mexican heritage, is biased": an auxiliary after the name, outside
        // a relative clause (to its comma) and before a participle of the speaker's ("adding
        // that ..."), makes the name the subject of what was said.
        let mut relative = false;
        for i in e..end {
            match self.key(i) {
                "adding" | "noting" => break,
                "who" | "which" | "whose" => relative = true,
                "," => relative = false,
                k if !relative && cues.is_auxiliary(k) => return None,
                _ => {}
            }
        }
        let opens = e >= end
            || matches!(
                self.key(e),
                "," | "("
                    | "a"
                    | "an"
                    | "the"
                    | "one"
                    | "who"
                    | "whose"
                    | "of"
                    | "from"
                    | "with"
                    | "at"
                    | "on"
                    | "in"
                    | "adding"
                    | "noting"
            )
            || cues.is_person_noun(self.key(e))
            || cues.is_title(self.key(e));
        opens.then(|| self.name_voice(run))
    }

    fn key(&self, i: usize) -> &'a str {
        let tokens: &'a crate::text::Tokens = self.cx.tokens;
        tokens.key(i)
    }

    fn is_speech(&self, i: usize) -> bool {
        let t = &self.cx.tokens.tokens[i];
        // A word of an actor's name is no verb: "States" in "the United States"; nor is one
        // after an article ("as a warning to the United States", "the report"), nor a verb that
        // is also a noun after a possessive ("as Mr. Trump's claims"), nor an infinitive ("to
        // say": what someone would say or could not bring themselves to).
        t.word
            && self.cx.cues.is_speech(self.key(i))
            && self.cx.mention_at(i).is_none()
            && !(i > 0 && matches!(self.key(i - 1), "a" | "an" | "the"))
            && !(i > 0 && self.cx.cues.is_noun_verb(self.key(i)) && self.possessive(i - 1))
            && !(i > 0 && self.key(i - 1) == "to")
            // The second word of a compound is no verb: "its self-declared caliphate".
            && !(i > 0 && self.cx.joining_hyphen(i - 1))
            && !self.cx.said_as_surname(i)
    }

    /// Whether token `i` is a verb whose clause a quote before `end` continues: a speech verb,
    /// or "called" with "for" or "on ... to" ('Kerry called on Russia to "stop the
    /// grandstanding"'), not as a name ("what the army called "a terrorist assault""). (Any
    /// reporting verb, 'Kerry demanded Russia "stop ..."', gave more quotes to the wrong
    /// person than to the right one in US news: "... accused Turnbull of seeking to export the
    /// "next Boston bombers"", "Pence ... vowed to use "all legal means"" went to Trump.)
    fn introduces_quote(&self, i: usize, end: usize) -> bool {
        self.is_speech(i)
            || (matches!(self.key(i), "called" | "calls")
                && self.cx.tokens.tokens[i].word
                && !self.cx.tokens.tokens[i].cap
                && (self.key(i + 1) == "for" || self.called_on_to(i, end)))
    }

    /// Speech verbs in `a..b`, words that are also nouns ("report", "claim") last.
    fn verbs_in(&self, a: usize, b: usize, after_quote: bool) -> Vec<usize> {
        // '"...," Karroubi was quoted as saying by Saham News': the passive's auxiliary stands
        // for its verb (the subject before it speaks), and the participle after "as" is no
        // verb of its own.
        let mut v: Vec<usize> = (a..b)
            .filter_map(|i| {
                if i > a && self.passive_quoting(i) {
                    Some(i - 1)
                } else if (self.is_speech(i) || (after_quote && self.continues_quote(i)))
                    && !(i >= a + 2 && self.passive_quoting(i - 2))
                {
                    Some(i)
                } else {
                    None
                }
            })
            .collect();
        v.sort_by_key(|&i| (self.cx.cues.is_noun_verb(self.key(i)), i));
        v
    }

    /// Whether token `i` is a verb that attributes the quote before its clause only there
    /// ("continued"), no word of an actor's name, and closes its clause ('"...," Haley
    /// continued.', "Miller continued in a statement"; not "the so-called 'international
    /// coalition' led by Washington continues to plunder ...").
    fn continues_quote(&self, i: usize) -> bool {
        let next = self
            .cx
            .tokens
            .tokens
            .get(i + 1)
            .map_or(".", |_| self.key(i + 1));
        self.cx.tokens.tokens[i].word
            && self.cx.cues.is_after_quote(self.key(i))
            && self.cx.mention_at(i).is_none()
            && (matches!(next, "." | "," | ";" | "!" | "?" | "\"")
                || (next != "to" && self.cx.cues.may_follow_closing(next)))
    }

    /// Whether the speech verb at `v` is a passive participle with its agent after it, "by"
    /// (before `end`): "a pause declared by Russia", "attacks claimed by Daesh" ("said" and
    /// "told" are never such participles).
    fn agent_after(&self, v: usize, end: usize) -> bool {
        v + 1 < end
            && self.key(v + 1) == "by"
            && !matches!(self.key(v), "said" | "says" | "say" | "told" | "tells")
    }

    /// Whether token `i` is the verb of a passive quotation: "quoted" or "cited" after a form of
    /// "to be" and before "as" ("Karroubi was quoted as saying", "officials were cited as
    /// saying"). Its subject is the speaker, not whoever quoted them ("by Saham News").
    fn passive_quoting(&self, i: usize) -> bool {
        i + 1 < self.cx.tokens.len()
            && matches!(self.key(i), "quoted" | "cited")
            && self.passive_quoted(i)
            && self.key(i + 1) == "as"
    }

    /// Mentions whose tokens lie in `a..b` (actors, not places), but those that only modify the
    /// noun after them ("a Britain-based monitor", "US-backed rebels") and those where a person
    /// is posted ([`State::posted_to`]): no speaker.
    fn mentions_in(&self, a: usize, b: usize) -> impl Iterator<Item = &Mention> {
        let m = self.cx.mentions;
        let lo = m.partition_point(|x| (x.first as usize) < a);
        m[lo..]
            .iter()
            .take_while(move |x| (x.last as usize) < b)
            .filter(|x| !x.place && !self.modifier(x.last as usize) && !self.posted_to(x))
    }

    /// Whether mention `m` names where a person is posted, after a person's noun and "to":
    /// "the British ambassador to the United Nations", "the U.S. envoy to the U.N." (the person
    /// speaks, for their own country, not for the body).
    fn posted_to(&self, m: &Mention) -> bool {
        self.posted_at(m).is_some()
    }

    /// [`State::posted_to`]: the token of "to".
    fn posted_at(&self, m: &Mention) -> Option<usize> {
        let f = m.first as usize;
        let to = if f >= 2 && self.key(f - 1) == "the" {
            f - 2
        } else {
            f.checked_sub(1)?
        };
        (to >= 1
            && self.key(to) == "to"
            && self.cx.tokens.tokens[to - 1].word
            && self.cx.cues.is_person_noun(self.key(to - 1)))
        .then_some(to)
    }

    /// "The British ambassador to the United Nations said": a body right before the verb at `v`
    /// (within `lo..v`) where a person is posted, and the person's description before "to"
    /// (back to its determiner over at most seven tokens of names, the dots of initialisms,
    /// titles, person nouns and qualifiers, one country among them). The voice ([`State::envoy_voice`]) and the
    /// description's first token.
    fn envoy_before(&self, lo: usize, v: usize) -> Option<(Voice, usize)> {
        let w = self.skip_back(lo, v);
        let m = self
            .cx
            .mention_at(w.checked_sub(1)?)
            .filter(|m| w > lo && m.last as usize + 1 == w && !m.place)?;
        let to = self.posted_at(m).filter(|&to| to > lo)?;
        // Back over the description's words: a determiner opens it; before that, names that are
        // no places, their possessives and hyphens, titles, person nouns and qualifiers.
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        let g = self.cx.gazetteer;
        let mut first = to;
        let mut country = false;
        while first > lo && to - first < 7 {
            let i = first - 1;
            let k = self.key(i);
            if determiner(k) {
                first = i;
                break;
            }
            // One country to a description ("in Syria Britain's deputy ambassador").
            let named = self.cx.mention_at(i).filter(|m| !m.place);
            let is_country = named.is_some_and(|m| g.actor(m.actor).kind == ActorKind::Country);
            if is_country && country && named.is_some_and(|m| m.last as usize == i) {
                break;
            }
            country |= is_country;
            let fits = named.is_some()
                || k == "'s"
                || self.cx.joining_hyphen(i)
                || crate::text::keys::initialism_dot(self.cx.tokens, i)
                || (toks[i].word
                    && (cues.is_title(k) || cues.is_person_noun(k) || cues.is_qualifier(k)));
            if !fits {
                break;
            }
            first = i;
        }
        (first < to).then(|| (self.envoy_voice(first, to, v), first))
    }

    /// The voice of a person posted somewhere, described in tokens `from..to` (up to "to")
    /// before the verb at `v`: the country or body a name or demonym in the description gives,
    /// the last there ("the British ambassador", "Britain's envoy", "the UN envoy"), else the
    /// country the description points back to; else `unknown` (never a person who spoke
    /// before, whom an envoy elsewhere is not).
    fn envoy_voice(&self, from: usize, to: usize, v: usize) -> Voice {
        let g = self.cx.gazetteer;
        let country = |a: ActorId| g.actor(a).kind == ActorKind::Country;
        if let Some(m) = self
            .cx
            .mentions
            .iter()
            .skip(
                self.cx
                    .mentions
                    .partition_point(|m| (m.first as usize) < from),
            )
            .take_while(|m| (m.last as usize) < to)
            .filter(|m| !m.place && g.actor(m.actor).kind != ActorKind::Person)
            .last()
        {
            return Voice::Source(m.actor);
        }
        let pos = self.cx.tokens.tokens[v].span.start;
        match self.descriptor(from, to, pos) {
            Some(Voice::Source(a)) if country(a) => Voice::Source(a),
            _ => Voice::Unknown,
        }
    }

    /// True when the mention ending at token `last` modifies the noun after it: a hyphen stuck
    /// to it and a participle ("Britain-based", "Iran-backed", "US-led").
    fn modifier(&self, last: usize) -> bool {
        self.cx.joining_hyphen(last + 1)
            && matches!(
                self.key(last + 2),
                "based"
                    | "backed"
                    | "led"
                    | "aligned"
                    | "allied"
                    | "funded"
                    | "sponsored"
                    | "supported"
            )
    }

    /// Whether a determiner stands right before token `first` ("the Trump campaign": a name
    /// qualifying a noun).
    fn after_determiner(&self, first: usize) -> bool {
        first > 0 && determiner(self.key(first - 1))
    }

    /// The word before the name at token `first`, past a determiner right before it, when that
    /// word is at or after token `lo` ("told [the] Associated Press", "said on MSNBC's").
    fn word_before(&self, first: usize, lo: usize) -> Option<&'a str> {
        let q = first - usize::from(self.after_determiner(first));
        (q > lo).then(|| self.key(q - 1))
    }

    /// Mentions in `a..b` that name a body (not a person, not a demonym): "a Pentagon
    /// spokesman", "Al Mayadeen TV channel".
    fn bodies_in(&self, a: usize, b: usize) -> impl Iterator<Item = &Mention> {
        let g = self.cx.gazetteer;
        self.mentions_in(a, b)
            .filter(move |m| m.form != Form::Demonym && g.actor(m.actor).kind != ActorKind::Person)
    }

    /// Mentions that name a speaker directly (demonyms are descriptors, not names).
    fn named_in(&self, a: usize, b: usize) -> impl Iterator<Item = &Mention> {
        self.mentions_in(a, b).filter(|x| x.form != Form::Demonym)
    }

    /// The voice of a quote from the clause after or before it, with the cue span.
    pub(super) fn attribution(
        &mut self,
        q: Span,
        within: Option<Span>,
    ) -> (Option<Voice>, Option<Span>) {
        let cx = self.cx;
        let toks = &cx.tokens.tokens;
        let bound = within.unwrap_or_else(|| {
            // The sentences around the quote.
            // Sentences are sorted and disjoint: the first that contains the quote's start or
            // overlaps it is the first ending at or after its start, and the last that overlaps
            // it or contains its end is the last starting at or before its end (binary search,
            // so attributing every quote of an article stays linear in its size).
            let ss = &cx.sentences;
            let first = ss.partition_point(|(s, _)| s.end < q.start);
            let s0 = ss
                .get(first)
                .filter(|(s, _)| s.contains(Span::new(q.start, q.start)) || s.overlaps(q))
                .map(|x| x.0.start)
                .unwrap_or(q.start);
            let last = ss.partition_point(|(s, _)| s.start <= q.end);
            let s1 = last
                .checked_sub(1)
                .and_then(|i| ss.get(i))
                .filter(|(s, _)| s.overlaps(q) || s.contains(Span::new(q.end, q.end)))
                .map(|x| x.0.end)
                .unwrap_or(q.end);
            Span::new(s0.min(q.start), s1.max(q.end))
        });
        // "Asked whether the application “did not have the Steele information in it,” Moyer
        // responded: ...": a quote inside the question that opens the sentence (no comma
        // before it) is the asker's words, not the answerer's.
        let s0 = cx.tokens.first_at(bound.start);
        let q0 = cx.tokens.first_at(q.start);
        if s0 < q0
            && toks[s0].cap
            && self.key(s0) == "asked"
            && !(s0 + 1..q0).any(|i| self.key(i) == "," || self.is_speech(i))
        {
            return (None, None);
        }
        // 'Lavrov said: "We will talk," and Kerry added: "..."': a speech verb before a colon
        // right before the quote introduces it when what follows the quote opens a clause of
        // its own ("and", "but", "while"): a cue there is someone else's.
        let end = cx.tokens.first_at(q.start);
        // The clause before the quote: from the sentence's start; past 60 tokens back (a run-on
        // sentence of quotes, which must stay linear in time and in the size of its cues),
        // from the last quotation mark within them.
        let start_limit = if end <= s0 + 60 {
            s0
        } else {
            let mut from = self.after_last_quote_mark(end - 60, end);
            // '..." and Ahmed Ali Hassan ... called on ..., saying': the clause opens after the
            // conjunction.
            while from < end && matches!(self.key(from), "," | "and" | "but" | "while") {
                from += 1;
            }
            from.min(end)
        };
        let after = || {
            let mut i = cx.tokens.first_at(q.end);
            while i < toks.len() && matches!(self.key(i), "," | "\"") {
                i += 1;
            }
            if i < toks.len() && toks[i].span.start < bound.end {
                self.key(i)
            } else {
                ""
            }
        };
        if end > start_limit
            && self.key(end - 1) == ":"
            && matches!(after(), "and" | "but" | "while" | "whereas")
        {
            if let Some(v) = (start_limit..end - 1).rev().find(|&i| self.is_speech(i)) {
                if let Some(voice) = self.speaker_before(start_limit, v) {
                    let from = self.after_last_quote_mark(start_limit, v);
                    return (
                        Some(voice),
                        Some(Span::new(toks[from].span.start, toks[end - 1].span.end)),
                    );
                }
            }
        }
        // After the quote: up to 14 tokens, stopping at a sentence end or another quote; a
        // bracketed acronym ("(OCHA)") is not counted.
        let a = cx.tokens.first_at(q.end);
        let mut b = a;
        let mut limit = a + 14;
        // '"...," General Joseph Votel, the top commander for US military forces in the Middle
        // East, warned': a name, then an appositive between commas up to a speech verb, reach
        // past the 14 tokens (24 words of appositive at most).
        if let Some(c) = self.appositive_after_name(a, bound.end) {
            limit = limit.max(c + 2);
        }
        while b < toks.len() && b < limit && toks[b].span.end <= bound.end {
            let k = self.key(b);
            if k == "(" && b + 2 < toks.len() && self.key(b + 2) == ")" && toks[b + 1].upper {
                limit += 3;
            }
            // The final dot of an initialism ends no sentence ("," the U.N. said"), nor does the
            // dot of a title's abbreviation ("," Mr. Rubio said") or of a middle initial.
            let abbreviated_title = k == "."
                && b > a
                && toks[b - 1].cap
                && self.key(b - 1).len() <= 4
                && cx.cues.is_title(self.key(b - 1));
            // Nor do the titles and their dots that open what follows the quote ('"...," Maj.
            // Gen. Alexei Tsygankov, the head of the Russian Reconciliation Center for Syria,
            // said').
            if (abbreviated_title || (toks[b].cap && cx.cues.is_title(k)))
                && (a..b).all(|i| {
                    let t = self.key(i);
                    t == "." || (toks[i].cap && cx.cues.is_title(t))
                })
            {
                limit += 1;
            }
            let stop = matches!(k, "." | "!" | "?")
                && !crate::text::keys::initialism_dot(cx.tokens, b)
                && !crate::text::keys::initial_dot(cx.tokens, b)
                && !abbreviated_title;
            if k == "\"" || (b > a && stop) {
                break;
            }
            b += 1;
        }
        // '"..." when Liteky told him about his plans, Olive said': a subordinate clause
        // right after the quote is no attribution when a speech verb follows its comma.
        // Without such a comma, the clause's verb is no attribution either ('... informed of
        // the decision "one minute" before Boehner told the conference'); "as" apart ('"...",
        // as Lavrov said').
        let a = if a < b && SUBORDINATORS.contains(&self.key(a)) {
            (a + 1..b)
                .find(|&i| self.key(i) == ",")
                .filter(|&c| (c + 1..b).any(|i| self.is_speech(i)))
                .map_or(if self.key(a) == "as" { a } else { b }, |c| c + 1)
        } else {
            a
        };
        let verbs = self.verbs_in(a, b, true);
        for v in verbs {
            // '"...," adding that ...': a participle right after the quote continues the
            // sentence whose subject spoke before it; the cue before the quote names them.
            let bare_participle = self.key(v).ends_with("ing") && !(a..v).any(|i| toks[i].word);
            // '... was "effective immediately" and cited recommendations of ...': a verb joined
            // to the clause before the quote has that clause's subject, not one after it.
            let coordinated = v > a
                && (a..v).all(|i| matches!(self.key(i), "," | "and" | "but" | "also" | "then"))
                && (a..v).any(|i| matches!(self.key(i), "and" | "but"));
            // ('Carter said "there is nothing fake" about President Donald Trump, adding ...':
            // a participle after a comma reports for the subject of the clause, not for a name
            // between the quote and it.)
            let participle_after_comma =
                v > a && self.reports_for_subject(v) && self.key(v - 1) == ",";
            if bare_participle || coordinated || participle_after_comma {
                continue;
            }
            if let Some(voice) = self.speaker_after_quote(a, v, b) {
                return (
                    Some(voice),
                    Some(Span::new(toks[a].span.start, toks[b - 1].span.end)),
                );
            }
        }
        // '"..." held by the Islamic State (IS) group the Syrian Observatory for Human Rights
        // said.': a listed name and the verb that ends the sentence, past the 14 tokens above
        // (24 at most, no other speech verb between).
        if b == limit {
            if let Some(found) = self.closing_name_after_quote(a, bound.end) {
                return found;
            }
        }
        // '"..." the Syrian Observatory for Human Rights, which relies on a wide network of
        // sources, said': a name right after the quote, a relative clause about it, then the
        // verb (past the 14 tokens above).
        if let Some(found) = self.speaker_after_relative(a, bound.end) {
            return found;
        }
        // 'Kaine: "Governor Pence said ..."': a person's name alone before a colon opens the
        // clause the quote ends, a transcript's speaker label.
        // (A speaker whose cue is the whole clause before the quote.)
        let whole_clause = || Span::new(toks[start_limit].span.start, toks[end - 1].span.end);
        if let Some(voice) = self.speaker_label(start_limit, end) {
            return (Some(voice), Some(whole_clause()));
        }
        // Before the quote: a speech verb among the last 8 tokens of the clause (14 before a
        // "that" right before the quote: 'told Friday's edition of the daily Frankfurter
        // Allgemeine Zeitung that "..."').
        let introduced = end > start_limit && matches!(self.key(end - 1), ":" | ",");
        let window = if end > start_limit && self.key(end - 1) == "that" {
            14
        } else {
            8
        };
        // Tokens of quoted titles in the way do not count ("Lew said on CNN's "State of the
        // Union" "there is no option ..."").
        let in_titles = (end.saturating_sub(16).max(start_limit)..end)
            .filter(|&i| covers(&self.titles, toks[i].span.start))
            .count();
        let from = if introduced {
            start_limit
        } else {
            end.saturating_sub(window + in_titles).max(start_limit)
        };
        if let Some(v) = (from..end).rev().find(|&i| self.introduces_quote(i, end)) {
            if let Some(voice) = self.speaker_before(start_limit, v) {
                let from = self.after_last_quote_mark(start_limit.min(v), v);
                return (
                    Some(voice),
                    Some(Span::new(toks[from].span.start, toks[end - 1].span.end)),
                );
            }
        }
        // A short quote right after a reporting verb and its object is the speaker's word, not
        // a scare quote: "Lavrov called the strikes "barbaric"" (not the second word of a
        // compound: a "so-called "de-escalation zone"" is the host's).
        let words = q.of(self.cx.text).split_whitespace().count();
        let near = end.saturating_sub(5).max(start_limit);
        // After a finite naming verb whose subject stands right before it, a longer quote too
        // is what the subject called it ("Obama called Romney's plan "Romney hood... like Robin
        // Hood in reverse."", "China, which she called "our most important adversary ..."": she,
        // not China; not a passive, "used to be called "a pearl of the Syrian desert."").
        if words > 3 {
            if let Some(v) = (near..end).rev().find(|&i| {
                toks[i].word && self.cx.cues.is_naming(self.key(i)) && !self.key(i).ends_with("ing")
            }) {
                if let Some(s) = self.subject_next_to(start_limit, v) {
                    if let Some(voice) = self.speaker_before(s, v) {
                        if voice != Voice::Unknown {
                            return (
                                Some(voice),
                                Some(Span::new(toks[s].span.start, toks[end - 1].span.end)),
                            );
                        }
                    }
                }
            }
        }
        if words <= 3 {
            if let Some(v) = (near..end).rev().find(|&i| {
                toks[i].word
                    && (self.cx.cues.is_reporting(self.key(i))
                        || self.cx.cues.is_naming(self.key(i)))
                    && !(i > 0 && self.cx.joining_hyphen(i - 1))
            }) {
                if let Some(voice) = self.speaker_before(start_limit, v) {
                    if voice != Voice::Unknown {
                        return (
                            Some(voice),
                            Some(Span::new(toks[v].span.start, toks[end - 1].span.end)),
                        );
                    }
                }
            }
        }
        // 'The Observatory "has documented the killing of 5812 civilians ..."': a named subject
        // alone before a quote that goes on with its predicate (a lowercase first word, four
        // words or more) says the quoted words.
        if words >= 4 {
            if let Some(voice) = self.subject_of_quote(start_limit, end) {
                return (Some(voice), Some(whole_clause()));
            }
        }
        (None, None)
    }

    /// The first token of the subject right before the verb at `v` (within `lo..v`): a listed
    /// actor's mention (no place), a personal pronoun, or an unlisted name; `have` between
    /// them ("Trump has called him").
    fn subject_next_to(&self, lo: usize, v: usize) -> Option<usize> {
        let w = if v > lo && matches!(self.key(v - 1), "has" | "have" | "had") {
            v - 1
        } else {
            v
        };
        if w <= lo {
            return None;
        }
        if let Some(m) = self.cx.mention_at(w - 1) {
            return (m.last as usize + 1 == w && m.first as usize >= lo && !m.place)
                .then_some(m.first as usize);
        }
        if self.cx.cues.is_pronoun(self.key(w - 1)) && !matches!(self.key(w - 1), "it" | "its") {
            return Some(w - 1);
        }
        let run = self.reader().before(lo, w, &self.names)?;
        (run.end == w).then_some(run.start)
    }

    /// The subject of a quote that is its predicate: tokens `lo..end` before the quote are a
    /// listed actor's name (no place, country or demonym: 'Syria "is a graveyard"' is someone
    /// else's words about it; "the" may open it) or an unlisted name of two
    /// words or more, and the quote (from token `end`, its mark) opens with a lowercase word.
    fn subject_of_quote(&mut self, lo: usize, end: usize) -> Option<Voice> {
        let toks = &self.cx.tokens.tokens;
        let first = (end..toks.len().min(end + 3)).find(|&i| toks[i].word)?;
        if toks[first].cap || end <= lo {
            return None;
        }
        let s = if self.key(lo) == "the" { lo + 1 } else { lo };
        let m = self.cx.mention_at(s).copied();
        let g = self.cx.gazetteer;
        self.whole_name(
            (s, lo, end),
            m,
            |m| !m.place && g.actor(m.actor).kind != ActorKind::Country && m.form != Form::Demonym,
            |st, run| st.name_words(run) >= 2,
        )
    }

    /// One name and nothing else in tokens `s..end`, `mention` the listed actor's mention found
    /// there (accepted by `listed`), else an unlisted name over `lo..end` (accepted by
    /// `unlisted`): its voice. (The whole-name test of a speaker label and of a quote's
    /// subject.)
    fn whole_name(
        &mut self,
        (s, lo, end): (usize, usize, usize),
        mention: Option<Mention>,
        listed: impl FnOnce(&Mention) -> bool,
        unlisted: impl FnOnce(&mut Self, Run) -> bool,
    ) -> Option<Voice> {
        if let Some(m) = mention {
            let whole = m.first as usize == s && m.last as usize + 1 == end;
            return (whole && listed(&m)).then_some(Voice::Source(m.actor));
        }
        let run = self.reader().after(lo, end)?;
        (run.start == lo && run.end == end && unlisted(self, run)).then(|| self.name_voice(run))
    }

    /// A name right at token `a` (its titles before it; a listed actor or an unlisted name),
    /// a comma, an appositive of up to 24 tokens without a sentence end or quotation mark, a
    /// comma and a speech verb, within the sentence ending at byte `limit`: the second comma.
    /// Without the commas (texts stripped of them: '"..." Ammar al-Selmo the head of the Civil
    /// Defense rescue service in opposition-held eastern Aleppo told Reuters'), an appositive
    /// that opens with a determiner and the first speech verb after it: the token before it.
    fn appositive_after_name(&self, a: usize, limit: usize) -> Option<usize> {
        let toks = &self.cx.tokens.tokens;
        let mut s = a;
        while s < toks.len()
            && (self.key(s) == "." || (toks[s].cap && self.cx.cues.is_title(self.key(s))))
        {
            s += 1;
        }
        let end = toks.partition_point(|t| t.span.end <= limit);
        let (_, after) = self.named_at(s, end)?;
        if after < end && determiner(self.key(after)) && !toks[after].cap {
            let v = (after + 1..end.min(after + 26)).find(|&i| {
                self.is_speech(i) || matches!(self.key(i), "," | "." | "!" | "?" | "\"" | ";")
            })?;
            return (v > after + 1 && self.is_speech(v) && !toks[v].cap).then_some(v - 1);
        }
        if after >= end || self.key(after) != "," {
            return None;
        }
        let c = (after + 1..end.min(after + 26))
            .find(|&i| matches!(self.key(i), "," | "." | "!" | "?" | "\"" | ";"))?;
        (self.key(c) == "," && c > after + 1 && c + 1 < end && self.is_speech(c + 1)).then_some(c)
    }

    /// A speaker label before a quote (tokens `lo..end`, the last a colon): a listed person's
    /// mention, or an unlisted name of two words or more, or one word an earlier full name of
    /// the article ends in, and nothing else before the colon. ("Update:", "Watch:" or a lone
    /// unknown surname are no labels; "Syria:" names no person.)
    fn speaker_label(&mut self, lo: usize, end: usize) -> Option<Voice> {
        if end < lo + 2 || self.key(end - 1) != ":" {
            return None;
        }
        let c = end - 1;
        let m = self.named_in(lo, c).next().copied();
        let g = self.cx.gazetteer;
        self.whole_name(
            (lo, lo, c),
            m,
            |m| g.actor(m.actor).kind == ActorKind::Person,
            |st, run| {
                st.name_words(run) >= 2
                    || (st.cx.tokens.tokens[lo].cap
                        && (st.names.known_last_word(st.key(lo))
                            || st.reader().earlier_full(lo).is_some()))
            },
        )
    }

    /// After a quote (from token `a`, the sentence ending at byte `limit`): a name (its
    /// determiner before it), a relative clause about it ("which ...", "who ...", between
    /// commas or not), and the first speech verb after that clause within 30 tokens, before
    /// another quotation mark or the sentence's end: the name's voice and the cue to the verb.
    fn speaker_after_relative(
        &mut self,
        a: usize,
        limit: usize,
    ) -> Option<(Option<Voice>, Option<Span>)> {
        let toks = &self.cx.tokens.tokens;
        let end = (a..toks.len().min(a + 40))
            .find(|&i| toks[i].span.end > limit || self.key(i) == "\"" || self.key(i) == ".")
            .unwrap_or(toks.len().min(a + 40));
        let n = a + usize::from(a < end && determiner(self.key(a)));
        let (source, after) = self.named_at(n, end)?;
        let r = after + usize::from(after < end && self.key(after) == ",");
        if r + 2 >= end || !matches!(self.key(r), "which" | "who") {
            return None;
        }
        let v = (r + 2..end.min(r + 30)).find(|&i| {
            toks[i].word && !toks[i].cap && self.is_speech(i) && self.key(i) != "according"
        })?;
        // The relative clause ends right before the verb: with the comma that opened it, or
        // without commas at all.
        let opened = r > after;
        if opened != (self.key(v - 1) == ",") {
            return None;
        }
        let voice = self.cited(source);
        Some((
            Some(voice),
            Some(Span::new(toks[a].span.start, toks[v].span.end)),
        ))
    }

    /// A listed name (no place) right before a speech verb that ends the sentence, within 24
    /// tokens after a quote's end (token `a`, bytes before `bound`), with no quotation mark,
    /// sentence end or other speech verb between: the quote's speaker and its cue.
    fn closing_name_after_quote(
        &mut self,
        a: usize,
        bound: usize,
    ) -> Option<(Option<Voice>, Option<Span>)> {
        let toks = &self.cx.tokens.tokens;
        let mut e = a;
        while e < toks.len()
            && e < a + 24
            && toks[e].span.end <= bound
            && !matches!(self.key(e), "\"" | "." | "!" | "?")
        {
            e += 1;
        }
        let ends = e < toks.len() && matches!(self.key(e), "." | "!" | "?");
        let v = e.checked_sub(1)?;
        if !ends
            || v <= a + 1
            || toks[v].cap
            || !self.is_speech(v)
            || (a..v).any(|i| self.is_speech(i))
        {
            return None;
        }
        let m = self.cx.mention_at(v - 1).copied()?;
        if m.last as usize + 1 != v || m.place || m.form == Form::Demonym || self.possessive(v - 1)
        {
            return None;
        }
        Some((
            Some(Voice::Source(m.actor)),
            Some(Span::new(toks[a].span.start, toks[v].span.end)),
        ))
    }

    /// Speaker in a post-quote clause `a..b` whose speech verb is at `v`.
    fn speaker_after_quote(&mut self, a: usize, v: usize, b: usize) -> Option<Voice> {
        // '... the interests of "armed terrorist groups" including Islamic State adding that
        // ...': examples of what the quote names continue the sentence, and name no speaker;
        // one may follow them after a comma ('"...," including some who improved, he said').
        // '... found the question "bizarre," to which Udall answered': a relative clause after
        // a preposition is another speaker's turn, not the quote's attribution.
        if matches!(self.key(a), "to" | "after" | "upon")
            && matches!(self.key(a + 1), "which" | "whom")
        {
            return None;
        }
        let a = if matches!(self.key(a), "including" | "like" | "especially")
            || (self.key(a) == "such" && self.key(a + 1) == "as")
        {
            (a..v).find(|&i| self.key(i) == ",")? + 1
        } else {
            a
        };
        // "… quoted X as saying": X; not a passive "quoted by" ("the defence ministry said in a
        // statement quoted by Russian news agencies": the ministry).
        if let Some(qi) = (a..b).find(|&i| {
            matches!(self.key(i), "quoted" | "citing" | "cited")
                && (i + 1 >= b || self.key(i + 1) != "by")
                && !self.passive_quoting(i)
        }) {
            let as_i = (qi..b).find(|&i| self.key(i) == "as").unwrap_or(b);
            if let Some(m) = self.named_in(qi + 1, as_i).next().copied() {
                return Some(Voice::Source(m.actor));
            }
            let described = self.descriptor(qi + 1, as_i, self.cx.tokens.tokens[qi].span.start);
            // '"..." SANA reported citing local residents': unnamed people cited by a named
            // reporter leave the words to the reporter.
            let before = self.mentions_in(a, qi).last().copied();
            if let Some(v) = described
                .filter(|&v| !(v == Voice::Unknown && self.key(qi) == "citing" && before.is_some()))
            {
                return Some(v);
            }
            if let Some(m) = before {
                return Some(Voice::Source(m.actor));
            }
        }
        if self.key(v) == "according" {
            return self
                .named_in(v + 1, b)
                .next()
                .map(|m| Voice::Source(m.actor))
                .or_else(|| self.descriptor(v + 2, b, self.cx.tokens.tokens[v].span.start));
        }
        // '"reset" in U.S.-Russia relations, the Hill reported': the rest of the quote's sentence
        // comes before a comma, the subject after it (a determiner opens it). Not an
        // appositive after a name ('"...," Rami Abdel Rahman, the head of the
        // Observatory said').
        let toks = &self.cx.tokens.tokens;
        let a = match (a..v).rev().find(|&i| self.key(i) == ",") {
            Some(c)
                if c > a
                    && c + 1 < v
                    && determiner(self.key(c + 1))
                    && toks[c - 1].word
                    && !toks[c - 1].cap =>
            {
                c + 1
            }
            _ => a,
        };
        // The subject next to the verb: a name, else a descriptor ("the Iranian report"). An
        // unlisted name right before the verb comes first ("U.N. spokesman Martin Nesirky").
        let named = self.named_in(a, v).last().copied();
        let w = self.skip_back(a, v);
        // '..., the British ambassador to the United Nations said': the envoy, not the body.
        if let Some((voice, _)) = self.envoy_before(a, v) {
            return Some(voice);
        }
        // '"...," Lavrov, who met Kerry in Geneva, said': the subject before the clause.
        if let Some(c) = self.parenthetical_before(a, w) {
            return Some(self.subject_of_parenthetical(a, c, w));
        }
        // "Rami an Aleppo resident said", "Mohammad Sibai a spokesman for the Homs Media Centre
        // told": a name and its appositive (commas dropped or not), before the unlisted name
        // that ends the appositive.
        // "Jan Egeland of the Norwegian Refugee Council said": the person, not the body.
        if let Some((voice, _)) = self.person_of_body(a, w) {
            return Some(voice);
        }
        // '"..." General Joseph Votel the top commander for US military forces in the Middle
        // East warned': the person before a role's appositive, not a body named inside it.
        if let Some((voice, _)) = self.name_before_appositive(a, w, true) {
            return Some(voice);
        }
        if named.is_none() {
            if let Some((voice, _)) = self.apposed(a, w) {
                return Some(voice);
            }
        }
        if named.is_none_or(|m| m.last as usize + 1 < w) {
            if let Some((voice, _)) = self.name_before(a, w) {
                return Some(voice);
            }
        }
        // "..., the defence ministry in Moscow said": a subject before a place phrase, read as
        // `subject_before` reads it where no comma comes first (the place's last word is no
        // head noun).
        if named.is_none() && self.place_phrase_before(a, v).is_some() {
            if let Some((voice, _)) = self.subject_before(a, v) {
                return Some(voice);
            }
        }
        // After a name, an indefinite appositive is the description ('"..." U.S. Air Force
        // Colonel John Dorrian a coalition spokesman told Reuters': not the last person who
        // spoke).
        let desc_from = match named {
            Some(m) => {
                let after = m.last as usize + 1;
                (after..v)
                    .rev()
                    .find(|&i| indefinite(self.key(i)) && !toks[i].cap)
                    .unwrap_or(after)
            }
            None => a,
        };
        // "Russia's Tass state media said", "the SANA news agency reported": a body's name right
        // before an outlet's or body's description (no article between, not in the possessive;
        // not a place: "the London based monitor") is the body described, not one the
        // description would find by itself.
        if let Some(m) = named {
            let qualifies = m.last as usize + 1 == desc_from
                && !m.place
                && self.cx.gazetteer.actor(m.actor).kind != ActorKind::Country
                && !self.possessive(m.last as usize)
                && (desc_from..v)
                    .rev()
                    .find(|&i| toks[i].word)
                    .is_some_and(|h| {
                        let k = self.key(h);
                        self.cx.cues.is_body_noun(k)
                    });
            if qualifies {
                return Some(Voice::Source(self.declared_after(&m, v).unwrap_or(m.actor)));
            }
        }
        // '..., a Pentagon official said', '..., an Obama aide said', '..., State Department
        // official said': a name (no place) after an indefinite determiner or opening the
        // subject, before the lowercase words of a description, qualifies it; the description is
        // read whole (not "official" alone, the last person named), and an aide is not the
        // person named. ("the UN official" still points back to the UN's person named before.)
        // (Lowercase qualifiers may stand between the determiner and the name: "a senior
        // Pentagon official", "a high-ranking Kremlin official".)
        let opener = |f: usize| {
            let mut i = f;
            while i > a && f - i < 4 && {
                let k = self.key(i - 1);
                (toks[i - 1].word && !toks[i - 1].cap && !self.cx.stopwords.contains(k))
                    || self.cx.joining_hyphen(i - 1)
            } {
                i -= 1;
            }
            (i > a && indefinite(self.key(i - 1))).then(|| i - 1)
        };
        let qualified_from = named.filter(|m| !m.place).and_then(|m| {
            let f = m.first as usize;
            let from = opener(f).or(((a..f).all(|i| !toks[i].word)).then_some(f))?;
            let described = desc_from == m.last as usize + 1
                && desc_from < w
                && w - desc_from <= 4
                // (the dot of "U.S." may be a token of its own)
                && (desc_from..w)
                    .skip_while(|&i| self.cx.tokens.key(i) == ".")
                    .all(|i| {
                        let k = self.key(i);
                        toks[i].word
                            && !toks[i].cap
                            && !determiner(k)
                            && !self.cx.cues.is_auxiliary(k)
                    })
                && self.one_person(self.key(w - 1));
            described.then_some(from)
        });
        if let Some(from) = qualified_from {
            return Some(
                self.descriptor(from, v, self.cx.tokens.tokens[v].span.start)
                    .unwrap_or(Voice::Unknown),
            );
        }
        if let Some(d) = self
            .descriptor(desc_from, v, self.cx.tokens.tokens[v].span.start)
            .filter(|d| *d != Voice::Unknown || named.is_none())
        {
            // '"... in Zahraa" a district inhabited by Alawites said Talal al-Barazi': words
            // that describe no source before the verb, and a name after it that ends the
            // sentence; the name speaks.
            if d == Voice::Unknown {
                if let Some(voice) = self.name_ending_after(v, b) {
                    return Some(voice);
                }
            }
            return Some(d);
        }
        if let Some(m) = named {
            return Some(Voice::Source(m.actor));
        }
        // "..., the Journal's editor, told POLITICO": whom someone told is not who spoke.
        if matches!(self.key(v), "told" | "tells") {
            return None;
        }
        // A participle ("..., saying the militants fled") reports for its clause's subject:
        // what follows it is what was said, never a speaker after the verb.
        if self.reports_for_subject(v) {
            return None;
        }
        // '"...," said a statement by the Russian defence ministry': whose statement it is.
        if v + 4 < b
            && matches!(self.key(v + 1), "a" | "the")
            && matches!(self.key(v + 2), "statement" | "communique" | "report")
            && matches!(self.key(v + 3), "by" | "from")
        {
            let pos = self.cx.tokens.tokens[v + 4].span.start;
            return self.cited_source(v + 4, b, pos);
        }
        // "said Lavrov", "said the minister", "said Ibrahim al-Hajj".
        // The name starts within six tokens of the verb and may run past them ("said Operation
        // Inherent Resolve spokesperson Colonel Christopher Garver"). A name followed by an
        // auxiliary is the subject of the clause reported ("Ali Larijani, the Parliament
        // speaker, said Iran would never negotiate"), no speaker.
        let tail_end = (v + 7).min(b);
        // ('"...," the senator said on MSNBC's "Hardball"': where it was said, not who.)
        let venue = |first: usize| {
            self.word_before(first, v + 1).is_some_and(|k| {
                matches!(k, "on" | "in" | "at" | "to" | "with" | "during" | "from")
            })
        };
        if let Some(run) = self
            .reader()
            .after(v + 1, (v + 11).min(b))
            .filter(|r| r.start < tail_end && !venue(r.start))
        {
            if self.opens_clause(run.end, b) {
                return None;
            }
            return Some(self.name_voice(run));
        }
        // (A long name may run past them: "said the so-called Syrian Observatory for Human
        // Rights".)
        if let Some(m) = self.named_in(v + 1, b).next().copied() {
            if self.within(v, m.first as usize, 4) && !venue(m.first as usize) {
                let m = self.person_after_role(m, b).unwrap_or(m);
                if self.opens_clause(m.last as usize + 1, b) {
                    return None;
                }
                return Some(Voice::Source(m.actor));
            }
        }
        // "Rami Abdel Rahman, head of the Observatory, said 12 people were killed": words and
        // then a finite verb after the speech verb are the clause it reports, no speaker.
        let toks = &self.cx.tokens.tokens;
        let tail = (v + 5).min(b);
        if (v + 2..tail)
            .any(|i| self.cx.cues.is_auxiliary(self.key(i)) && (v + 1..i).all(|j| toks[j].word))
        {
            return None;
        }
        self.descriptor(v + 1, tail, toks[v].span.start)
    }

    /// A name right after the speech verb at `v` (titles or "the" before it) that ends the
    /// sentence (nothing but punctuation after it before `b`): a listed actor (no place) or an
    /// unlisted name of two words or more, as a voice. Not after "told" or "asked" (whom), nor
    /// after a participle.
    fn name_ending_after(&mut self, v: usize, b: usize) -> Option<Voice> {
        let toks = &self.cx.tokens.tokens;
        if matches!(self.key(v), "told" | "tells" | "asked" | "asks") || self.reports_for_subject(v)
        {
            return None;
        }
        let ends = |e: usize| (e..b).all(|i| !toks[i].word);
        if let Some(m) = self.named_in(v + 1, b).next().copied() {
            let first = m.first as usize;
            let opens = first == v + 1 || (first == v + 2 && self.key(v + 1) == "the");
            return (opens && ends(m.last as usize + 1)).then_some(Voice::Source(m.actor));
        }
        let run = self
            .reader()
            .after(v + 1, b)
            .filter(|&r| r.start <= v + 4 && ends(r.end) && self.name_words(r) >= 2)?;
        Some(self.name_voice(run))
    }

    /// The one body of country `c` (no person, not the country itself) whose names hold every
    /// word of the description `keys` but determiners and stop words ("defence ministry").
    fn body_of_country(&self, c: ActorId, keys: &[&str]) -> Option<ActorId> {
        let g = self.cx.gazetteer;
        // (Not the country's own name: "Russia's military", "Russias military" in text that
        // lost its apostrophes.)
        // (A demonym stays: "Syrian media" names no body of Syria's with "media" alone.)
        let own = |k: &str| {
            let bare = crate::text::keys::strip_possessive(k);
            k == "'s"
                || (bare != k && g.has_name_word(c, bare))
                || (!g.has_name_word(c, k)
                    && k.strip_suffix('s').is_some_and(|b| g.has_name_word(c, b)))
        };
        let words: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|k| !determiner(k) && !self.cx.stopwords.contains(*k) && !own(k))
            .collect();
        if words.is_empty() {
            return None;
        }
        let mut of = (0..g.actors.len() as ActorId).filter(|&a| {
            a != c
                && g.actor(a).kind != ActorKind::Person
                && g.country(a) == Some(c)
                && words.iter().all(|k| g.has_name_word(a, k))
        });
        match (of.next(), of.next()) {
            (Some(a), None) => Some(a),
            _ => None,
        }
    }

    /// The one organisation or armed group named (not as a place, not in a quote) in sentence
    /// `here` before byte `pos`; if none is, the one named in the sentence before. `None` when
    /// two are.
    fn body_named_near(&self, pos: usize, here: usize) -> Option<ActorId> {
        let g = self.cx.gazetteer;
        let m = self.cx.mentions;
        let ss = self.cx.sentences;
        let body = |x: &&Mention| {
            !x.place
                && x.form != Form::Demonym
                && !self.in_quote(x.span.start)
                && matches!(
                    g.actor(x.actor).kind,
                    ActorKind::Organisation | ActorKind::ArmedGroup
                )
        };
        let within = |s: Span, end: usize| {
            let from = m.partition_point(|x| x.span.start < s.start);
            m[from..].iter().take_while(move |x| x.span.end <= end)
        };
        // The one body named in a span, if it names bodies; `None` inside if two.
        let one = |s: Span, end: usize| {
            let mut named = within(s, end).filter(body).map(|x| x.actor);
            let first = named.next()?;
            Some(named.all(|x| x == first).then_some(first))
        };
        match one(ss[here].0, pos) {
            Some(found) => found,
            None => {
                let before = ss[here.checked_sub(1)?].0;
                one(before, before.end).flatten()
            }
        }
    }

    /// The organisation or armed group named in the article before byte `pos` (the last such)
    /// whose name one of the listed roles of person `x` holds ("director of the Syrian
    /// Observatory for Human Rights").
    fn body_of_person(&self, x: ActorId, pos: usize) -> Option<ActorId> {
        let g = self.cx.gazetteer;
        let roles: Vec<String> = g.actor(x).roles.iter().map(|r| r.to_lowercase()).collect();
        if roles.is_empty() {
            return None;
        }
        let m = self.cx.mentions;
        m[..m.partition_point(|y| y.span.start < pos)]
            .iter()
            .rev()
            .filter(|y| {
                !y.place
                    && matches!(
                        g.actor(y.actor).kind,
                        ActorKind::Organisation | ActorKind::ArmedGroup
                    )
            })
            .map(|y| y.actor)
            .find(|&b| {
                let name = g.actor(b).name.to_lowercase();
                roles.iter().any(|r| r.contains(&name))
            })
    }

    /// For each word token of `words`, whether a hyphen joins it to the token before it (it is
    /// the second part of a compound), as `Gazetteer::declaring` takes it.
    fn hyphen_joined(&self, words: &[usize]) -> Vec<bool> {
        words
            .iter()
            .map(|&i| i > 0 && self.cx.joining_hyphen(i - 1))
            .collect()
    }

    /// The one actor, other than the body named by `m` and of its country (or, like it, of none),
    /// that declares a descriptor of two words or more made of the words after `m` up to `b`:
    /// the body named is its parent ("the UN nuclear watchdog" is the IAEA).
    fn declared_after(&self, m: &Mention, b: usize) -> Option<ActorId> {
        let toks = &self.cx.tokens.tokens;
        let words: Vec<usize> = (m.last as usize + 1..b).filter(|&i| toks[i].word).collect();
        let keys: Vec<&str> = words.iter().map(|&i| self.key(i)).collect();
        let joined = self.hyphen_joined(&words);
        let g = self.cx.gazetteer;
        if g.declared_len(&keys, &joined) < 2 {
            return None;
        }
        match g.declaring(&keys, &joined)[..] {
            // Of the same country, or both of none: Tass is no Syrian body in "Russia's Tass
            // state media", though the Syrian government declares "state media".
            [x] if x != m.actor && g.country(x) == g.country(m.actor) => Some(x),
            _ => None,
        }
    }

    /// "said Russian Foreign Ministry spokeswoman Maria Zakharova": a listed person right after
    /// a body's mention `m` and the role words between them (titles and person nouns, at most
    /// four), before `b`. The body names the person's office; the person speaks.
    fn person_after_role(&self, m: Mention, b: usize) -> Option<Mention> {
        let g = self.cx.gazetteer;
        let i = self.after_role(m, b)?;
        self.cx
            .mention_at(i)
            .filter(|p| p.first as usize == i && g.actor(p.actor).kind == ActorKind::Person)
            .copied()
    }

    /// [`State::person_after_role`] for a name the gazetteer does not list, of two words or
    /// more: "SNHR director Fadel Abdul Ghany".
    fn unlisted_after_role(&self, m: Mention, b: usize) -> Option<Run> {
        let i = self.after_role(m, b)?;
        self.reader()
            .after(i, b)
            .filter(|&r| r.start == i && self.name_words(r) >= 2)
    }

    /// The token after the role words (titles and person nouns, one to four) that follow the
    /// mention `m` of a body (no person), before `b`: where the person in the role is named.
    fn after_role(&self, m: Mention, b: usize) -> Option<usize> {
        let cues = self.cx.cues;
        if self.cx.gazetteer.actor(m.actor).kind == ActorKind::Person {
            return None;
        }
        let after = m.last as usize + 1;
        let mut i = after;
        while i < b.min(after + 4) && {
            let k = self.key(i);
            self.cx.tokens.tokens[i].word && (cues.is_title(k) || cues.is_person_noun(k))
        } {
            i += 1;
        }
        (i > after).then_some(i)
    }

    /// Whether the speech verb at `v` is a participle that reports for its clause's subject
    /// ("..., saying ...", "..., adding that ..."): never one that names a source after it
    /// ("citing a source", "quoting the minister", "according to").
    fn reports_for_subject(&self, v: usize) -> bool {
        let k = self.key(v);
        k.ends_with("ing") && !matches!(k, "citing" | "quoting" | "according")
    }

    /// Whether an auxiliary stands at token `i` or after at most two more words before `b`
    /// ("Iran would", "Iran would never", "the army has"): the words before it are the subject
    /// of a clause, not a speaker that closes one.
    fn opens_clause(&self, i: usize, b: usize) -> bool {
        let toks = &self.cx.tokens.tokens;
        (i..b.min(i + 3))
            .take_while(|&j| toks[j].word)
            .any(|j| self.cx.cues.is_auxiliary(self.key(j)))
    }

    /// Speaker of a pre-posed cue: the first actor of the clause before the verb at `v`.
    fn speaker_before(&mut self, start: usize, v: usize) -> Option<Voice> {
        // "… quoted X as saying “…”": X.
        // (in the same clause: no quotation mark between them).
        if let Some(qi) = (start..v)
            .rev()
            .take_while(|&i| self.key(i) != "\"")
            .find(|&i| self.key(i) == "quoted")
        {
            // "Steinmeier was quoted as telling the daily ... that "..."": the passive's subject
            // speaks, as it would before "said".
            if self.passive_quoting(qi) {
                return self.speaker_before(start, qi - 1);
            }
            if let Some(m) = self.named_in(qi + 1, v).next() {
                return Some(Voice::Source(m.actor));
            }
            // An unlisted name ("Jim Roberts quoted McAuliffe as saying: ...").
            let as_i = (qi + 1..v).find(|&i| self.key(i) == "as").unwrap_or(v);
            if let Some(run) = self.reader().after(qi + 1, as_i) {
                return Some(self.name_voice(run));
            }
        }
        // 'Mr Macron, it says, "dominated ...", 'Mr Macron, the newspaper says, "..."': a
        // pronoun or description and its verb between commas right after a name are an
        // aside; its subject speaks, not the name, which is the subject of what is said.
        let toks = &self.cx.tokens.tokens;
        if v + 1 < toks.len() && self.key(v + 1) == "," {
            if let Some(c) = (start + 1..v)
                .rev()
                .take(6)
                .find(|&i| self.key(i) == ",")
                .filter(|&c| {
                    let first = self.key(c + 1);
                    c + 1 < v
                        && toks[c - 1].word
                        && toks[c - 1].cap
                        && (c + 1..v).all(|i| i == c + 1 || (!self.is_speech(i) && !toks[i].cap))
                        && (matches!(first, "it" | "they") || determiner(first))
                })
            {
                let pos = toks[v].span.start;
                return Some(self.descriptor(c + 1, v, pos).unwrap_or(Voice::Unknown));
            }
        }
        // "the law that critics have derisively called “Obamacare”": an anonymous source right
        // before the verb (past an auxiliary and adverbs), after "that", "which" or "who", is
        // the verb's subject, not the name that opens the sentence.
        {
            let mut j = v;
            while j > start + 1
                && toks[j - 1].word
                && !toks[j - 1].cap
                && (self.cx.cues.is_auxiliary(self.key(j - 1)) || self.key(j - 1).ends_with("ly"))
            {
                j -= 1;
            }
            if j > start + 1
                && toks[j - 1].word
                && !toks[j - 1].cap
                && self.cx.cues.is_anonymous(self.key(j - 1))
                && matches!(self.key(j - 2), "that" | "which" | "who" | "whom")
            {
                return Some(Voice::Unknown);
            }
        }
        // Whom someone told is not who speaks ("The source told Fox News that ... and claimed
        // that "...": not Fox News).
        // Nor is a name that qualifies a thing after "a" ("put a Trump campaign hat on his head
        // and said").
        let addressee = |m: &Mention| {
            let after = m.last as usize + 1;
            let before = self.word_before(m.first as usize, start);
            before.is_some_and(|k| matches!(k, "told" | "tells"))
                || (before.is_some_and(|k| matches!(k, "a" | "an"))
                    && after < v
                    && toks[after].word
                    && !toks[after].cap
                    && !self.cx.cues.is_person_noun(self.key(after)))
        };
        // (Nor anyone named inside an earlier quote of the clause: '"... IS militants launched
        // an offensive" said the statement adding that "..."' is the statement's, not IS's;
        // '"..." the sources said adding "..."' is the sources', not the army's in the quote.)
        // (A verb inside a quote, 'Tass said: "Lavrov told his guest, ‘...’"', has its subject
        // in that quote.)
        let verb_quoted = self.in_quote(toks[v].span.start);
        let ms: Vec<Mention> = self
            .named_in(start, v)
            .filter(|m| {
                let earlier_quote = !verb_quoted && self.in_quote(m.span.start);
                // (nor a name inside a compound: "One pro-Trump supporter ... said")
                let compound = m.first > 0 && self.cx.joining_hyphen(m.first as usize - 1);
                !(addressee(m) || earlier_quote || compound || self.owner_of_name(m))
            })
            .copied()
            .collect();
        // "Ibrahim al-Hajj said: ...": an unlisted name right before the verb.
        let w = self.skip_back(start, v);
        let participle = self.key(v).ends_with("ing");
        // "... a former ambassador to China said that ...": the person posted there, described,
        // right before the verb.
        // (The country the description gives, "Britain's ambassador"; never a person who spoke
        // before, whom an envoy elsewhere is not.)
        if !participle {
            if let Some((voice, _)) = self.envoy_before(start, v) {
                return Some(voice);
            }
        }
        // "Maya Harris, a senior policy adviser to Mrs. Clinton, said: ...": the subject before
        // the clause.
        if !participle {
            if let Some((voice, _)) = self.name_in_aside(start, w) {
                return Some(voice);
            }
            if let Some(c) = self.parenthetical_before(start, w) {
                return Some(self.subject_of_parenthetical(start, c, w));
            }
        }
        // "Zakaria Malahifji head of the political office of ... told Reuters": a name opening
        // the clause and its appositive, commas dropped.
        if let Some((voice, _)) = self
            .person_of_body(start, w)
            .or_else(|| self.apposed(start, w))
        {
            return Some(voice);
        }
        // "US Secretary of State John Kerry speaking alongside ... Lavrov ... insisted the
        // ceasefire was "not dead."": a name opening the clause and a participle's or relative
        // clause after it, as a report reads it.
        if !participle {
            if let Some((voice, _)) = self.opening_name_before_clause(start, w) {
                return Some(voice);
            }
        }
        if ms.last().is_none_or(|m| m.last as usize + 1 < w) {
            if let Some((voice, _)) = self.name_before(start, w) {
                return Some(voice);
            }
        }
        // "X said:": the name nearest the verb; "…, adding": the subject of the sentence, an
        // unlisted person's name opening it ("Ahmed Sheikhani voiced concern ..., adding “...”")
        // when no listed name comes before it.
        // "Lavrov met Kerry in Geneva and said it was "a good meeting"": a verb joined by "and"
        // or "but" shares the subject of its clause's first verb, as a participle does.
        // (One clause: no "that" before the verb, "... is such a narcissist that Barack Obama
        // looks at him and says"; and a listed actor or a person's full or titled name, not a
        // capitalised word opening a headline-like phrase: "Key regime ally Iran welcomed ...
        // and called for".)
        let joined = v > start + 1
            && matches!(self.key(v - 1), "and" | "but")
            && !(start..v).any(|i| self.key(i) == "that");
        if joined && !participle {
            let sure = |st: &Self, voice: Voice| match voice {
                Voice::Source(_) => true,
                Voice::Named(i) => {
                    let s = &st.names.speakers[i as usize];
                    s.full_person() || (s.person && s.gender.is_some())
                }
                Voice::Own | Voice::Unknown => false,
            };
            if let Some(voice) = self
                .clause_subject(start, v - 1)
                .filter(|&voice| sure(self, voice))
            {
                return Some(voice);
            }
        }
        if participle {
            // "Japanese Prime Minister Shinzo Abe called on ISIS to ..., saying", "Mr. Bannon
            // also contradicted Mr. Trump's threats, saying": the name before the clause's verb.
            if let Some(voice) = self.clause_subject(start, v) {
                return Some(voice);
            }
            let (from, to) = (
                self.cx.tokens.tokens[start].span.start,
                self.cx.tokens.tokens[v].span.start,
            );
            let opened = self
                .subjects
                .iter()
                .find(|&&(p, _)| from <= p && p < to)
                .copied()
                .filter(|&(p, _)| ms.first().is_none_or(|m| p < m.span.start));
            if let Some((_, voice)) = opened {
                return Some(voice);
            }
        }
        // "US Central Command which oversees US military operations in the Middle East said:
        // ...": the name a relative clause right before the verb describes, not one inside it
        // (a speech verb, not the second word of a compound, "its self-declared", nor after
        // another clause: "Turkey which would be an asset as IS seeks ...").
        let clause = |i: usize| {
            let k = self.key(i);
            matches!(k, "which" | "who") || self.cx.cues.is_clause_conjunction(k)
        };
        let relative = (start..w).rev().find(|&i| clause(i));
        if !participle
            && self.is_speech(v)
            && relative.is_some_and(|r| matches!(self.key(r), "which" | "who"))
        {
            if let Some(n) = self.name_before_clause(start, w, &["which", "who"]) {
                return Some(Voice::Source(n.actor));
            }
        }
        let pos = self.cx.tokens.tokens[v].span.start;
        // "Of the Daesh executioners one resident of the town told the Associated Press: ...": an
        // indefinite person after the last name, right before the verb, is the subject.
        if !participle {
            if let Some(d) = ms
                .last()
                .and_then(|m| self.indefinite_person(m.last as usize + 1, w))
            {
                return self.descriptor(d.0, d.1, pos);
            }
        }
        // "He voiced concern …, adding": the pronoun subject, also before a name the clause
        // goes on with ("He explained his decision to join the Trump campaign Friday, saying").
        let pronoun = (start..v)
            .find(|&i| self.cx.tokens.tokens[i].word)
            .filter(|&first| self.cx.cues.is_pronoun(self.key(first)));
        // (Its referent comes before the pronoun: "He bashed Obama ..., saying" is not Obama's.)
        let before_pronoun = |st: &Self, first: usize| st.cx.tokens.tokens[first].span.start;
        if let Some(first) = pronoun.filter(|_| participle) {
            return self.descriptor(first, first + 1, before_pronoun(self, first));
        }
        let pick = if participle {
            ms.first().map(|m| self.titled_person(m, &ms))
        } else {
            ms.last()
        };
        if let Some(m) = pick {
            return Some(Voice::Source(m.actor));
        }
        if let Some(first) = pronoun {
            return self.descriptor(first, first + 1, before_pronoun(self, first));
        }
        self.descriptor(v.saturating_sub(4).max(start), v, pos)
    }

    /// The subject of the clause a participle at `v` hangs on (within `start..v`, past a
    /// subordinate clause that opens the sentence: "After the Justice Department fired ...,"):
    /// the first name followed by its verb (a lowercase word that is no stop word, place word,
    /// participle or noun of a role or body, or an auxiliary; adverbs such as "also" may come
    /// between), directly or after an appositive or relative clause between commas ("Maya
    /// Harris, a senior policy adviser to Mrs. Clinton, dismissed ..."). A listed person or body
    /// (no place, no demonym, no possessive: "Mr. Trump's attacks"), or an unlisted name of two
    /// words or more, or of one after a title ("Mr. Bannon") or opening the clause before its
    /// verb ("Cassidy dismissed"), with no determiner before it ("the Parsons Green bomber").
    /// `None` when the clause has no such name or opens with a description ("The couple who
    /// ...").
    fn clause_subject(&mut self, start: usize, v: usize) -> Option<Voice> {
        let cues = self.cx.cues;
        // At most 50 tokens back: a run-on sentence with a participle every few words must stay
        // linear (benches/worst_case.rs).
        let start = start.max(v.saturating_sub(50));
        let start = if SUBORDINATORS.contains(&self.key(start)) {
            (start..v)
                .find(|&i| self.key(i) == ",")
                .map_or(start, |c| c + 1)
        } else {
            start
        };
        let verb_here = |st: &Self, mut e: usize| {
            let toks = &st.cx.tokens.tokens;
            while e < v && matches!(st.key(e), "also" | "then" | "later" | "repeatedly") {
                e += 1;
            }
            let noun = |k: &str| {
                cues.is_person_noun(k)
                    || cues.is_title(k)
                    || cues.is_anonymous(k)
                    || cues.is_institutional(k)
                    || cues.is_org_noun(k)
                    || cues.is_outlet_noun(k)
            };
            let k = if e < v { st.key(e) } else { "" };
            // (A speech verb too, though "said" is a stop word: "Michael Bennet said that
            // Biden was wrong, adding that ..." is Bennet's.)
            e < v
                && toks[e].word
                && !toks[e].cap
                && (cues.is_auxiliary(k)
                    || (cues.is_speech(k) && !k.ends_with("ing"))
                    || (!st.cx.stopwords.contains(k)
                        && !cues.is_place_word(k)
                        && !cues.is_particle(k)
                        && !k.ends_with("ing")
                        // An adverb or a time ("Almost immediately after", "Last week").
                        && !k.ends_with("ly")
                        && !cues.is_time(k)
                        && !noun(k)
                        && !(e + 1 < v && noun(st.key(e + 1)))))
        };
        // The verb right after the name, or after an appositive or relative clause between
        // commas (at most 16 tokens).
        let verb_at = |st: &Self, e: usize| {
            if verb_here(st, e) {
                return true;
            }
            // "Ahmed Ali Hassan of the Syria Campaign called on ..., saying": the person, then
            // the body they are of, at or from (capitalised words).
            if e + 1 < v && matches!(st.key(e), "of" | "at" | "from" | "with") {
                let toks = &st.cx.tokens.tokens;
                let mut j = e + 1;
                if j < v && matches!(st.key(j), "the" | "a" | "an") {
                    j += 1;
                }
                let mut k = j;
                while k < v && k < j + 6 && toks[k].word && toks[k].cap {
                    k += 1;
                }
                if k > j && verb_here(st, k) {
                    return true;
                }
            }
            if e + 2 >= v || st.key(e) != "," {
                return false;
            }
            let opens = {
                let k = st.key(e + 1);
                determiner(k)
                    || matches!(k, "who" | "which" | "whose")
                    || cues.is_person_noun(k)
                    || cues.is_title(k)
            };
            opens
                && (e + 2..v.min(e + 17))
                    .find(|&i| st.key(i) == ",")
                    .is_some_and(|c| verb_here(st, c + 1))
        };
        // "The couple who fostered ... are taking legal action, saying": a description opens
        // the clause and is its subject; so does a pronoun ("He explained his decision to join
        // the Trump campaign Friday, saying").
        if cues.is_pronoun(self.key(start))
            && start + 1 < v
            && self.cx.tokens.tokens[start + 1].word
            && !self.cx.tokens.tokens[start + 1].cap
        {
            return None;
        }
        let toks = &self.cx.tokens.tokens;
        if start + 1 < v
            && determiner(self.key(start))
            && toks[start + 1].word
            && !toks[start + 1].cap
        {
            return None;
        }
        let mut i = start;
        while i < v {
            let toks = &self.cx.tokens.tokens;
            if let Some(m) = self.cx.mention_at(i).copied() {
                let e = m.last as usize + 1;
                if !m.place
                    && m.form != Form::Demonym
                    && !self.modifier(m.last as usize)
                    && !self.possessive(m.last as usize)
                    && verb_at(self, e)
                {
                    return Some(Voice::Source(m.actor));
                }
                i = e.max(i + 1);
                continue;
            }
            if toks[i].word && toks[i].cap {
                if let Some(run) = self.reader().after(i, v.min(i + 12)) {
                    let before = |j: usize| j > start && cues.is_title(self.key(j - 1));
                    let titled = (before(run.start) && toks[run.start - 1].cap)
                        || (run.start > start + 1
                            && self.key(run.start - 1) == "."
                            && cues.is_title(self.key(run.start - 2)));
                    let determined = run.start > start && determiner(self.key(run.start - 1));
                    // One word opening the clause, right before its verb ("Cassidy dismissed
                    // ..."), not an adverb or participle ("Separately", "Speaking").
                    let k = self.key(run.start);
                    // Not an adjective before a role and a name that has the verb ("Democratic
                    // frontrunner Hillary Clinton chimed in").
                    let named_after = |st: &Self, e: usize| {
                        let end = match st.cx.mention_at(e) {
                            Some(m) if !st.possessive(m.last as usize) => Some(m.last as usize + 1),
                            Some(_) => None,
                            None => st
                                .reader()
                                .after(e, v.min(e + 12))
                                .filter(|r| r.start == e)
                                .map(|r| r.end),
                        };
                        end.is_some_and(|x| verb_here(st, x))
                    };
                    let opening = run.start == start
                        && run.end == run.start + 1
                        && !k.ends_with("ly")
                        && !k.ends_with("ing")
                        && !self.cx.gazetteer.is_place_word(k)
                        && verb_here(self, run.end)
                        && !(run.end + 1 < v && named_after(self, run.end + 1));
                    if (self.name_words(run) >= 2 || titled || opening)
                        && !determined
                        && !self.possessive(run.end - 1)
                        && verb_at(self, run.end)
                    {
                        return Some(self.name_voice(run));
                    }
                    i = run.end.max(i + 1);
                    continue;
                }
            }
            i += 1;
        }
        None
    }

    /// The person a body's mention `m` stands before as an affiliation ("UN aid chief Stephen
    /// O'Brien": O'Brien), when only title and role words lie between them; else `m`.
    fn titled_person<'m>(&self, m: &'m Mention, ms: &'m [Mention]) -> &'m Mention {
        let g = self.cx.gazetteer;
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        let next = ms.iter().find(|n| n.first > m.last);
        match next {
            Some(n)
                if g.actor(n.actor).kind == ActorKind::Person
                    && g.actor(m.actor).kind != ActorKind::Person
                    && (n.first - m.last) <= 5
                    && (m.last as usize + 1..n.first as usize).all(|i| {
                        let k = self.key(i);
                        toks[i].word
                            && (cues.is_title(k)
                                || cues.is_person_noun(k)
                                || (!toks[i].cap && !self.cx.stopwords.contains(k)))
                    }) =>
            {
                n
            }
            _ => m,
        }
    }

    /// Whether tokens `d..end` are an appositive that opens with a determiner and holds no
    /// comma and no auxiliary (", according to X, the latest in a series of ...").
    fn appositive_to_end(&self, d: usize, end: usize) -> bool {
        d < end
            && matches!(self.key(d), "a" | "an" | "the" | "one")
            && (d..end).all(|j| self.key(j) != "," && !self.cx.cues.is_auxiliary(self.key(j)))
    }

    /// A sentence-wide attribution: `…, X said.` or `according to X`.
    pub(super) fn sentence_attribution(&mut self, s: Span) -> Option<(Voice, Span)> {
        let (a, b) = self.cx.tokens.range(s);
        if b <= a {
            return None;
        }
        let toks = &self.cx.tokens.tokens;
        // "According to X, …" at the start.
        if b - a > 3 && self.key(a) == "according" && self.key(a + 1) == "to" {
            // The source ends at the comma (the cue holds it), else where `source_end` says.
            let (source_end, cue_end) = match (a + 2..b).find(|&i| self.key(i) == ",") {
                Some(c) => (c, c),
                None => match self.source_end(a + 2, b) {
                    Some(e) => (e, e - 1),
                    None => (b, b - 1),
                },
            };
            let voice = self
                .cited_source(a + 2, source_end, toks[a].span.start)
                .unwrap_or(Voice::Unknown);
            // "According to Hossein Amir-Abdollahian, the special aide to the parliament
            // speaker, the terrorists are ...": an appositive after a name is the cue's.
            let cue_end =
                if cue_end == source_end && matches!(voice, Voice::Source(_) | Voice::Named(_)) {
                    self.appositive_after(cue_end, b).unwrap_or(cue_end)
                } else {
                    cue_end
                };
            return Some((voice, Span::new(toks[a].span.start, toks[cue_end].span.end)));
        }
        // "State television quoted X as saying that …": X's, wholly.
        // (Not the passive "X was quoted by Y as saying": X's, read by
        // `reported_after_subject`.)
        if let Some(qi) =
            (a..b).find(|&i| self.key(i) == "quoted" && !(i > a && self.passive_quoted(i)))
        {
            if let Some(as_i) = (qi + 1..b.min(qi + 12)).find(|&i| {
                self.key(i) == "as" && i + 1 < b && matches!(self.key(i + 1), "saying" | "telling")
            }) {
                let who = self.cited_source(qi + 1, as_i, toks[qi].span.start);
                if let Some(v) = who {
                    // "... caused material damage SANA quoted a source at Aleppo Police Command
                    // as saying.": closing the sentence, the cue opens at the subject of
                    // "quoted"; the words before it are what was said.
                    let closing = (as_i + 2..b).all(|i| !toks[i].word);
                    let first = closing
                        .then(|| self.subject_before(a, self.skip_back(a, qi)))
                        .flatten()
                        .map(|(_, f)| self.name_opens_description(f, qi))
                        .filter(|&f| (a..f).filter(|&i| toks[i].word).count() >= 4);
                    // "... as telling reporters that ...": whom they told, and "that", are the
                    // cue's.
                    let ing = as_i + 1;
                    let cue_last = if self.key(ing) == "telling" {
                        self.that_after(ing, b)
                            .or_else(|| {
                                (ing + 1 < b && self.cx.cues.is_addressee(self.key(ing + 1)))
                                    .then_some(ing + 1)
                            })
                            .unwrap_or(ing)
                    } else {
                        ing
                    };
                    // (Then the cue runs to the sentence's end: no passage of its final stop.)
                    let (first, last) = first.map_or((a, cue_last), |f| (f, b - 1));
                    return Some((v, Span::new(toks[first].span.start, toks[last].span.end)));
                }
            }
        }
        // The last clause: after the last comma, before the final punctuation.
        let mut end = b;
        while end > a && !toks[end - 1].word {
            end -= 1;
        }
        // Headlines: "Death toll rises to 76: monitor", "... in Syria - Kremlin" (the source
        // after a colon or a spaced dash at the end) and "Zakharova: talks must go on" (a name
        // before a colon at the start).
        if let Some(found) = self.headline_source(a, end, b) {
            return Some(found);
        }
        // "... killed 48 people according to a statement by X": the closing "according to"
        // of a source that dropped the comma before it.
        if let Some(i) = (a + 4..end.saturating_sub(2))
            .rev()
            .find(|&i| self.key(i) == "according" && self.key(i + 1) == "to")
        {
            // ", according to Mohammad Zein Khandaqani, a member of the Medical Council": a
            // name after the comma and an appositive that ends the sentence (no comma, no
            // auxiliary in it: ", according to X, the director of ..., is that ..." goes on).
            let appositive_to_end =
                |e: usize| e + 1 < end && self.key(e) == "," && self.appositive_to_end(e + 1, end);
            if self.key(i - 1) == "," && !toks[i].cap && toks[i - 1].span.start > s.start {
                let cue = Span::new(toks[i - 1].span.start, toks[b - 1].span.end);
                if let Some((source, _)) =
                    self.named_at(i + 2, end).filter(|x| appositive_to_end(x.1))
                {
                    return Some((self.cited(source), cue));
                }
                // (", according to the Observatory, the latest in a series of blows ...": a
                // source of a few words that no name starts, then such an appositive.)
                if let Some(e) = (i + 2..end.min(i + 8)).find(|&e| self.key(e) == ",") {
                    if appositive_to_end(e) {
                        if let Some(voice) = self.cited_source(i + 2, e, toks[i].span.start) {
                            return Some((voice, cue));
                        }
                    }
                }
            }
            if self.key(i - 1) != "," && toks[i - 1].word {
                let cue = Span::new(toks[i].span.start, toks[b - 1].span.end);
                // "... killed a terrorist commander according to the Observatory the latest in
                // a series of blows to the terrorists" (commas dropped): the source ends where
                // an opening "according to" would end it, and an appositive that opens with a
                // determiner and holds no auxiliary runs to the end. (Not a capitalised
                // "According" that opens a sentence run on from the one before.)
                if let Some(e) = self
                    .source_end(i + 2, end)
                    .filter(|&e| !toks[i].cap && e + 1 < end && self.appositive_to_end(e, end))
                {
                    if let Some(voice) = self.cited_source(i + 2, e, toks[i].span.start) {
                        return Some((voice, cue));
                    }
                }
                // A short source and a relative clause about it, however long ("according to
                // the Observatory which monitors both sides of the conflict and gathers ...",
                // "according to Observatory which was unable to provide a toll for the rebels"):
                // the source, not a body the clause names.
                let relative = (i + 3..(i + 10).min(end))
                    .find(|&r| matches!(self.key(r), "which" | "who"))
                    .filter(|_| !toks[i].cap);
                if let Some(r) = relative {
                    if let Some(voice) = self.cited_source(i + 2, r, toks[i].span.start) {
                        return Some((voice, cue));
                    }
                }
                if end - i <= 16 {
                    match self.cited_source(i + 2, end, toks[i].span.start) {
                        Some(voice) => return Some((voice, cue)),
                        // "... carry out raids according to type location flight patterns":
                        // by what, not by whom; a source has a name or a source's noun.
                        None if !self.source_like(i + 2, end) => {}
                        None => return Some((Voice::Unknown, cue)),
                    }
                }
                // A name right after it, however long what follows ("according to Mohammad
                // Zein Khandaqani a member of the Medical Council which oversees ..."); not a
                // capitalised "According" that opens a sentence run on from the one before.
                if let Some((source, _)) = self.named_at(i + 2, end).filter(|_| !toks[i].cap) {
                    return Some((self.cited(source), cue));
                }
            }
        }
        if let Some(found) = self.parenthetical_cue(a, end) {
            return Some(found);
        }
        let is_comma = |i: usize| {
            (self.key(i) == ","
                || (self.key(i) == "-" && (toks[i].space_before || self.cx.long_dash(i))))
                && toks[i].span.start > s.start
        };
        let mut comma = (a..end).rev().find(|&i| is_comma(i))?;
        // "Government forces pressed their assault, a war monitor said, as the United Nations
        // pleaded for a truce": an attribution between two commas, a subordinate clause after
        // it. The claim is before the attribution; the clause after it is no one's report.
        // So is one before a conjunction ("Barbara Bush is unconvinced, according to people
        // close to the family, but has been persuaded to ...").
        if comma + 1 < end
            && (SUBORDINATORS.contains(&self.key(comma + 1))
                || matches!(self.key(comma + 1), "and" | "but"))
        {
            if let Some(c2) = (a..comma).rev().find(|&i| is_comma(i)) {
                let according = self.key(c2 + 1) == "according" && self.key(c2 + 2) == "to";
                if comma - c2 <= 12
                    && ((comma.saturating_sub(3).max(c2 + 2)..comma).any(|i| self.is_speech(i))
                        || according)
                {
                    end = comma;
                    comma = c2;
                }
            }
        }
        // "..., and the officer told them to get on the sidewalk": a clause joined by a
        // conjunction goes on with what happened; no closing attribution opens with one.
        if comma + 1 < end && matches!(self.key(comma + 1), "and" | "but" | "or" | "yet" | "so") {
            return None;
        }
        let cue = Span::new(toks[comma].span.start, toks[b - 1].span.end);
        // ", said Said Seif al Qalamoni from the Free Syrian Army's ... brigade": a verb right
        // after the comma and a name after it, however long the clause (the verbs below close
        // at most ten tokens).
        if end > comma + 11 && self.is_speech(comma + 1) && !toks[comma + 1].cap {
            if let Some(voice) = self.inverted_name(comma + 1, end) {
                return Some((voice, cue));
            }
        }
        if end - comma > 16 || end <= comma + 1 {
            return None;
        }
        if self.key(comma + 1) == "according" && comma + 2 < end && self.key(comma + 2) == "to" {
            let voice = self
                .cited_source(comma + 3, end, toks[comma].span.start)
                .unwrap_or(Voice::Unknown);
            return Some((voice, cue));
        }
        // The verb must close the clause (allowing "on Monday", "in Iran", "in a statement").
        // "..., Erdogan told reporters as he and Obama finished their meeting": a subordinate
        // clause after the verb is no part of the closing attribution.
        // (Not "before", "after", "since" or "until" before a determiner with a "that" after
        // it: ", McCain said before the vote that he planned ..." is a preposition's phrase,
        // and the verb's "that" opens what he said.)
        if let Some(j) = (comma + 2..end).find(|&j| {
            SUBORDINATORS.contains(&self.key(j))
                && !toks[j].cap
                && (comma + 1..j).any(|i| self.is_speech(i))
                && !(matches!(self.key(j), "before" | "after" | "since" | "until")
                    && j + 1 < end
                    && determiner(self.key(j + 1))
                    && (j + 2..end).any(|t| self.key(t) == "that"))
        }) {
            end = j;
        }
        // A verb followed by "that" opens indirect speech instead of closing the sentence, and
        // so does one followed by a word that cannot follow a closing verb ("On Monday, Lavrov
        // said Russia would ...": `speech.closing_after`); "told" takes its addressee first,
        // and a verb right after the comma (or its closing quote mark) its inverted subject
        // (", says McCain", ',\" said Schumer').
        let verbs: Vec<usize> = self
            .verbs_in(comma + 1, end, false)
            .into_iter()
            .filter(|&i| {
                // A capitalised verb right after the comma is a title-cased headline's second
                // predicate ("Lavrov Meets Syrian FM Muqdad, Urges Cooperation"), not an
                // inverted closing ("..., Kerry Says" has its subject first).
                let first = (comma + 1..i).all(|j| !toks[j].word);
                if self.noun_before_report(i, end) {
                    return false;
                }
                // (What follows a passive "was quoted as saying" follows its participle.)
                let next = if self.passive_quoting(i + 1) {
                    i + 4
                } else {
                    i + 1
                };
                // ("..., with SANA saying at least four people had been killed": a participle
                // with words after it reports on for its own subject; it closes nothing.)
                let closes = !(self.reports_for_subject(i) && next < end && toks[next].word);
                end - i <= 10
                    && closes
                    && !(first && toks[i].cap)
                    && !(i + 1..end).any(|j| self.key(j) == "that")
                    && (next >= end
                        || first
                        || !toks[next].word
                        || matches!(self.key(i), "told" | "tells" | "tell")
                        || self.cx.cues.may_follow_closing(self.key(next)))
            })
            .collect();
        verbs
            .into_iter()
            .find_map(|v| self.speaker_after_quote(comma + 1, v, end))
            .map(|voice| (voice, cue))
    }

    /// "According to the statement UNICEF continues ...", "According to diplomats the
    /// inspectors ...": where the source of an opening "according to" ends when its comma was
    /// dropped (the token after it): after a name that starts there, else after the first
    /// descriptor head noun within six words (and a person's name right after a role noun or
    /// title there). `None` when the source runs on ("an official from
    /// the autonomous administration"), or fewer than four words would be left for the content.
    fn source_end(&self, from: usize, b: usize) -> Option<usize> {
        let cues = self.cx.cues;
        let toks = &self.cx.tokens.tokens;
        let first = (from..b).find(|&i| toks[i].word)?;
        let start = if determiner(self.key(first)) {
            first + 1
        } else {
            first
        };
        let is_head = |i: usize| {
            let k = self.key(i);
            toks[i].word && (cues.is_head_noun(k) || cues.is_institutional(k))
        };
        let mut end = match self.named_in(from, b).next() {
            Some(m) if m.first as usize <= start => m.last as usize + 1,
            _ => (start..b.min(start + 6)).find(|&i| is_head(i))? + 1,
        };
        // "According to Russia's Foreign Minister Sergei Lavrov the talks ...": what a
        // possessive owns is the source's too, to a name after up to four capitalised words.
        if end < b && self.possessive(end - 1) {
            let mut i = end;
            if self.key(i) == "'s" {
                i += 1;
            }
            if let Some(m) = self.mention_after_titles(i, b) {
                end = m.last as usize + 1;
            } else if let Some(h) = (i..b.min(i + 4))
                .take_while(|&j| toks[j].word && !toks[j].cap)
                .find(|&j| is_head(j))
            {
                // ("According to Russia's foreign minister the talks ...")
                end = h + 1;
            }
        }
        // "the Syrian Network for Human Rights (SNHR)", "earlier media reports", "the Al
        // Mayadeen broadcaster": an acronym in brackets and further head nouns belong to it.
        loop {
            if end < b && self.key(end) == "(" {
                match (end + 1..b.min(end + 5)).find(|&i| self.key(i) == ")") {
                    Some(close) => end = close + 1,
                    None => break,
                }
            } else if end < b && is_head(end) {
                end += 1;
            } else {
                break;
            }
        }
        // "According to the Observatory director Rami Abdel Rahman the bus was ...": a name
        // right after a person's role noun or title is the source's too.
        if end < b && toks[end - 1].word && {
            let k = self.key(end - 1);
            cues.is_person_noun(k) || cues.is_title(k)
        } {
            let g = self.cx.gazetteer;
            if let Some(p) = self
                .cx
                .mention_at(end)
                .filter(|p| p.first as usize == end && g.actor(p.actor).kind == ActorKind::Person)
            {
                end = p.last as usize + 1;
            } else if let Some(run) = self
                .reader()
                .after(end, b)
                .filter(|&r| r.start == end && self.name_words(r) >= 2)
            {
                end = run.end;
            }
        }
        // "at least 12 militants" opens the content; "at the ministry" continues the source.
        let runs_on = end < b
            && matches!(
                self.key(end),
                "of" | "from" | "at" | "in" | "for" | "with" | "on" | "and" | "to" | "by" | "s"
            )
            && !(self.key(end) == "at" && end + 1 < b && self.key(end + 1) == "least");
        let words = (end..b).filter(|&i| toks[i].word).count();
        (!runs_on && words >= 4).then_some(end)
    }

    /// "The program, it said, also exceeded ...", "After Holloway pulled into the lot, Lombardo
    /// said, she left ...": an attribution between two commas in mid-sentence (a speaker and a
    /// speech verb that closes it, at most ten tokens) claims the words on both sides; at least
    /// three words after it, and no subordinate clause (the claim is then before it alone: the
    /// rule after this one). The voice and the cue, the commas included.
    fn parenthetical_cue(&mut self, a: usize, end: usize) -> Option<(Voice, Span)> {
        // Each pair of consecutive commas, nothing allocated per sentence.
        let mut last_comma = None;
        for c2 in a + 1..end {
            if self.key(c2) != "," {
                continue;
            }
            let Some(c1) = last_comma.replace(c2) else {
                continue;
            };
            let toks = &self.cx.tokens.tokens;
            if c2 - c1 < 3
                || c2 - c1 > 10
                || SUBORDINATORS.contains(&self.key(c2 + 1))
                || (c2 + 1..end).filter(|&i| toks[i].word).count() < 3
            {
                continue;
            }
            let Some(v) = (c1 + 1..c2).find(|&i| {
                let k = self.key(i);
                toks[i].word
                    && !toks[i].cap
                    && self.is_speech(i)
                    && !k.ends_with("ing")
                    && k != "according"
            }) else {
                continue;
            };
            // The verb closes the aside: nothing after it, or at most four tokens that may
            // follow a closing verb ("on Monday") or the addressee of "told" ("responded with
            // tweets of his own" is no cue), not a passive ("first reported by NBC News"); and
            // no report stands before the aside ("Pelosi accused Barr of lying, which, she
            // added, is ...").
            let closes = v + 1 == c2
                || ((self.cx.cues.may_follow_closing(self.key(v + 1))
                    || matches!(self.key(v), "told" | "tells"))
                    && c2 - v <= 5
                    && self.key(v + 1) != "by");
            if !closes
                || (a..c1).any(|i| {
                    toks[i].word && (self.is_speech(i) || self.cx.cues.is_reporting(self.key(i)))
                })
                || (c1 + 1..v).any(|i| {
                    matches!(self.key(i), "who" | "which" | "that" | "\"") || self.is_speech(i)
                })
            {
                continue;
            }
            // A name nobody resolves ("In fact, Ishler said, officials ..."): someone
            // unnamed.
            let bare_name = (1..=3).contains(&(v - c1 - 1))
                && (c1 + 1..v).all(|i| toks[i].word && toks[i].cap)
                && !self.cx.cues.is_pronoun(self.key(c1 + 1));
            let cue = Span::new(toks[c1].span.start, toks[c2].span.end);
            if let Some(voice) = self.speaker_after_quote(c1 + 1, v, c2) {
                return Some((voice, cue));
            }
            if bare_name {
                return Some((Voice::Unknown, cue));
            }
        }
        None
    }

    /// The comma that closes an appositive opening after the comma `c` (before `b`): a noun
    /// phrase of at most 14 tokens that opens with a determiner, holds a noun of a person, a
    /// title, a body or an outlet ("a Britain-based monitoring group", "the special aide to
    /// the parliament speaker"), no verb, quote or clause word, and is followed by a comma and
    /// at least four words that open no relative clause.
    fn appositive_after(&self, c: usize, b: usize) -> Option<usize> {
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        if c + 2 >= b || !matches!(self.key(c + 1), "a" | "an" | "the") {
            return None;
        }
        let c2 = (c + 2..b.min(c + 16)).find(|&i| !toks[i].word && self.key(i) != "-")?;
        if self.key(c2) != "," || c2 + 1 >= b {
            return None;
        }
        let noun = (c + 2..c2).any(|i| {
            let k = self.key(i);
            !toks[i].cap
                && (cues.is_person_noun(k)
                    || cues.is_title(k)
                    || cues.is_org_noun(k)
                    || cues.is_outlet_noun(k))
        });
        let clean = (c + 2..c2).all(|i| {
            let k = self.key(i);
            !cues.is_auxiliary(k)
                && !cues.is_speech(k)
                && !matches!(k, "that" | "which" | "who" | "whose")
        });
        let next = self.key(c2 + 1);
        let rest = (c2 + 1..b).filter(|&i| toks[i].word).count();
        (noun
            && clean
            && rest >= 4
            && !matches!(next, "who" | "which" | "whose" | "where" | "when"))
        .then_some(c2)
    }

    /// The source of a headline-shaped sentence (tokens `a..b`, words end at `end`): at most
    /// four words after a final colon or spaced dash that name a source or describe one
    /// ("...: monitor", "... - Kremlin"), or a name in the first four words before a colon
    /// ("Zakharova: ..."). The voice and the cue span.
    fn headline_source(&mut self, a: usize, end: usize, b: usize) -> Option<(Voice, Span)> {
        let toks = &self.cx.tokens.tokens;
        let dash = |i: usize| {
            self.key(i) == "-"
                && toks[i].space_before
                && toks.get(i + 1).is_some_and(|t| t.space_before)
        };
        let tail = (a + 4..end)
            .rev()
            .take(5)
            .find(|&i| self.key(i) == ":" || dash(i));
        if let Some(c) = tail {
            let words = (c + 1..end).filter(|&i| toks[i].word).count();
            if (1..=4).contains(&words) {
                let pos = toks[c].span.start;
                let voice = self
                    .source_in(c + 1, end, pos)
                    .filter(|v| *v != Voice::Unknown);
                if let Some(v) = voice {
                    return Some((v, Span::new(pos, toks[b - 1].span.end)));
                }
            }
        }
        let head = (a + 1..end.min(a + 6)).find(|&i| self.key(i) == ":")?;
        // Persons only: "Syria: a timeline" is a section title, not Syria speaking.
        let m = self.named_in(a, head).last().copied()?;
        let person = self.cx.gazetteer.actor(m.actor).kind == ActorKind::Person;
        if !person || m.last as usize + 1 != head || end <= head + 4 {
            return None;
        }
        Some((
            Voice::Source(m.actor),
            Span::new(toks[a].span.start, toks[head].span.end),
        ))
    }

    /// The source named or described in tokens `a..b` ("according to X", "quoted X as
    /// saying", "...: monitor"): the first actor named there, else the descriptor's referent
    /// before byte `pos`.
    fn source_in(&self, a: usize, b: usize, pos: usize) -> Option<Voice> {
        self.named_in(a, b)
            .next()
            .map(|m| {
                self.unless_outsiders(m, b)
                    .unwrap_or(Voice::Source(m.actor))
            })
            .or_else(|| self.descriptor(a, b, pos))
    }

    /// `unknown` when the name `m` qualifies a head of people around it, before `b`
    /// ("according to IS supporters", `[descriptors] outsiders`): they do not speak for it.
    fn unless_outsiders(&self, m: &Mention, b: usize) -> Option<Voice> {
        let h = m.last as usize + 1;
        (h < b && self.cx.tokens.tokens[h].word && self.cx.cues.is_outsider(self.key(h)))
            .then_some(Voice::Unknown)
    }

    /// [`State::source_in`] after "according to" or "quoted", where an unlisted name is a
    /// source too (not in a headline's tail, where a name after a colon is a photo credit or
    /// the answer to a question as often as a source).
    fn cited_source(&mut self, a: usize, b: usize, pos: usize) -> Option<Voice> {
        let first = self.named_in(a, b).next().copied();
        if let Some(m) = first {
            if let Some(v) = self.unless_outsiders(&m, b) {
                return Some(v);
            }
            // "according to Axios's Mike Allen": the person a body's possessive owns; "according
            // to Mike Allen of Axios": the person of the body.
            if let Some(v) = self.owned_person(&m, b) {
                return Some(v);
            }
            if m.first as usize > a {
                if let Some((v, first)) = self.person_of_body(a, b) {
                    if first == a || (first == a + 1 && determiner(self.key(a))) {
                        return Some(v);
                    }
                }
            }
            // "according to the Observatory director Rami Abdel Rahman", "according to SNHR
            // director Fadel Abdul Ghany": the person in the role, listed or not.
            if let Some(p) = self.person_after_role(m, b) {
                return Some(Voice::Source(p.actor));
            }
            if let Some(run) = self.unlisted_after_role(m, b) {
                return Some(self.name_voice(run));
            }
            return Some(Voice::Source(self.owned_name(m, b).unwrap_or(m.actor)));
        }
        if let Some(v) = self.unlisted_source(a, b) {
            return Some(v);
        }
        self.descriptor(a, b, pos)
    }

    /// "according to Turkey's state-run news agency Anadolu": a country's possessive, then a
    /// description of up to four words whose head fits the name after it (an outlet's noun
    /// before an outlet, a person's before a person, a body's before a body) and a name of
    /// that country's within `..b`: the name, not the country, is the source.
    fn owned_name(&self, m: Mention, b: usize) -> Option<ActorId> {
        let g = self.cx.gazetteer;
        let cues = self.cx.cues;
        let toks = &self.cx.tokens.tokens;
        if g.actor(m.actor).kind != ActorKind::Country || !self.possessive(m.last as usize) {
            return None;
        }
        let mut i = m.last as usize + 1;
        // "Turkey 's": the possessive as a token of its own.
        if i < b && self.key(i) == "'s" {
            i += 1;
        }
        let next = self.named_in(i, b).next()?;
        let first = next.first as usize;
        let words: Vec<usize> = (i..first).filter(|&j| toks[j].word).collect();
        let head = *words.last()?;
        let actor = g.actor(next.actor);
        let fits = match actor.kind {
            ActorKind::Outlet => cues.is_outlet_noun(self.key(head)),
            ActorKind::Person => {
                cues.is_title(self.key(head)) || cues.is_person_noun(self.key(head))
            }
            ActorKind::Country => false,
            _ => cues.is_generic_org_noun(self.key(head)) || cues.is_org_noun(self.key(head)),
        };
        let plain = (i..first).all(|j| (toks[j].word && !toks[j].cap) || self.cx.joining_hyphen(j));
        (fits && plain && words.len() <= 4 && g.country(next.actor) == Some(m.actor))
            .then_some(next.actor)
    }

    /// Whether tokens `a..b` after "according to" can name a source: a capitalised word, or a
    /// noun of a person, body, outlet or anonymous source, one that reports ("claims") or a
    /// record (`[descriptors] documents`: "the latest toll"); not "according to type, location
    /// and flight patterns".
    fn source_like(&self, a: usize, b: usize) -> bool {
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        (a..b).any(|i| {
            let k = self.key(i);
            toks[i].word
                && (toks[i].cap
                    || cues.is_head_noun(k)
                    || cues.is_institutional(k)
                    || cues.is_generic_org_noun(k)
                    || cues.is_noun_verb(k)
                    || cues.is_document(k))
        })
    }

    /// An unlisted name of two or more words opening tokens `a..b` (up to three titles or
    /// role words before it: "media activist Musafa Abu Mohammad"), as a voice: "according to
    /// Mohammad Zein Khandaqani a member of the Medical Council ...". One capitalised word there
    /// may be a demonym or an adjective ("according to Western diplomats"): no name.
    fn unlisted_source(&mut self, a: usize, b: usize) -> Option<Voice> {
        let run = self.unlisted_run(a, b)?;
        Some(self.name_voice(run))
    }

    /// The run [`State::unlisted_source`] takes, not yet an article's speaker.
    fn unlisted_run(&self, a: usize, b: usize) -> Option<Run> {
        let run = self.reader().after(a, b)?;
        // Near `a`, or after titles only ("Lt. Gen. Sergei Chvarkin").
        let titles = || {
            (a..run.start).all(|i| {
                let k = self.key(i);
                k == "." || self.cx.cues.is_title(k)
            })
        };
        (self.name_words(run) >= 2 && (run.start <= a + 3 || titles())).then_some(run)
    }

    /// The words of a name run, particles apart ("Abdullah al-Noami": two) unless one opens it
    /// capitalised, a word of its own ("Abu Mohammed", "Ed Whalen": two), in a run that is no
    /// listed place ("Al Bab", "Al-Bab": one).
    fn name_words(&self, run: Run) -> usize {
        let toks = &self.cx.tokens.tokens;
        let opening = toks[run.start].cap
            && self.cx.cues.is_particle(self.key(run.start))
            && self
                .cx
                .listed_place_ending(run.start, run.end - 1)
                .is_none_or(|(first, _)| first != run.start);
        (run.start..run.end)
            .filter(|&i| {
                toks[i].word
                    && (!self.cx.cues.is_particle(self.key(i)) || (i == run.start && opening))
            })
            .count()
    }

    /// The source named right at token `a` (within `a..end`): a listed actor's mention that
    /// starts there, else an unlisted name ([`State::unlisted_run`], within ten tokens); with
    /// the token after the name. The unlisted name becomes a speaker only through
    /// [`State::cited`].
    fn named_at(&self, a: usize, end: usize) -> Option<(Result<ActorId, Run>, usize)> {
        if let Some(m) = self
            .named_in(a, end)
            .next()
            .filter(|m| m.first as usize == a)
        {
            return Some((Ok(m.actor), m.last as usize + 1));
        }
        let run = self.unlisted_run(a, (a + 10).min(end))?;
        Some((Err(run), run.end))
    }

    /// The voice of a source [`State::named_at`] found.
    fn cited(&mut self, source: Result<ActorId, Run>) -> Voice {
        match source {
            Ok(actor) => Voice::Source(actor),
            Err(run) => self.name_voice(run),
        }
    }

    /// Resolves a descriptor such as "the Iranian report", "the Iranians", "he" in tokens
    /// `a..b` to the most recent compatible source before byte `pos`.
    fn descriptor(&self, a: usize, b: usize, pos: usize) -> Option<Voice> {
        let v = self.describe(a, b, pos);
        // "An opposition activist from Deir al-Zor said": one person described by role, who
        // speaks for a body, recorded for a later pronoun.
        let toks = &self.cx.tokens.tokens;
        let mut words = (a..b).filter(|&i| toks[i].word);
        let first = words.next().map(|i| self.key(i));
        let head = words.next_back().map(|i| self.key(i));
        if !(first.is_some_and(indefinite) && head.is_some_and(|h| self.one_person(h))) {
            return v;
        }
        // Not an outlet's reporter ("an AFP correspondent said"): a later "he" quotes someone
        // the reporter spoke to more often than the reporter.
        if let Some(Voice::Source(x)) = v {
            let kind = self.cx.gazetteer.actor(x).kind;
            if kind != ActorKind::Person && kind != ActorKind::Outlet {
                let mut r = self.roles.borrow_mut();
                if r.last().is_none_or(|&(p, _)| p < pos) {
                    r.push((pos, Voice::Source(x)));
                }
            }
        }
        v
    }

    /// True when the head of the description at `words` is a word of some actor's name but not
    /// of `x`'s and no generic head ("the ministry" for the Observatory; not "the statement"),
    /// or when a word right before the head (up to two, no determiner, stop word or mention
    /// between; not the lowercase second word of a hyphen compound) is a word of some actor's
    /// name but not of `x`'s: "health" in "the health ministry" for an Iranian foreign
    /// ministry. A country, and a body of the country the description names ("Syria's
    /// reconciliation ministry"), speak through ministries the gazetteer does not list: no
    /// contradiction.
    fn contradicts(&self, words: &[usize], country: Option<ActorId>, x: ActorId) -> bool {
        let g = self.cx.gazetteer;
        let Some((&head, before)) = words.split_last() else {
            return false;
        };
        // "the company", "the hospital": of a body whose name holds the head, whatever body,
        // country or not, spoke last.
        let hk = self.key(head);
        if self.cx.cues.is_kind(hk) && !g.has_name_word(x, hk) {
            return true;
        }
        if self.cx.cues.is_pronoun(self.key(head))
            || self.key(head) == "it"
            || g.actor(x).kind == ActorKind::Country
            || country.is_some_and(|c| g.country(x) == Some(c))
        {
            return false;
        }
        // The head itself, unless any body may use it ([descriptors] generic).
        if g.is_any_name_word(hk)
            && !g.has_name_word(x, hk)
            && !self.cx.cues.is_generic_org_noun(hk)
        {
            return true;
        }
        before
            .iter()
            .rev()
            .take(2)
            .take_while(|&&i| {
                let k = self.key(i);
                !determiner(k) && !self.cx.stopwords.contains(k) && self.cx.mention_at(i).is_none()
            })
            // "the U.S.-led coalition": a compound's second word says how a body named in it
            // stands to the head, not which body the head is.
            .filter(|&&i| {
                !(i > 0 && self.cx.joining_hyphen(i - 1) && !self.cx.tokens.tokens[i].cap)
            })
            .any(|&i| g.is_any_name_word(self.key(i)) && !g.has_name_word(x, self.key(i)))
    }

    /// Whether token `v` is a speech verb that is also a noun with a reporting verb after it,
    /// before `end`, so the noun ("..., claims the Syrian government denies": no closing verb).
    fn noun_before_report(&self, v: usize, end: usize) -> bool {
        let toks = &self.cx.tokens.tokens;
        self.cx.cues.is_noun_verb(self.key(v))
            && (v + 1..end)
                .any(|j| toks[j].word && !toks[j].cap && self.cx.cues.is_reporting(self.key(j)))
    }

    /// Whether `keys` read as one short noun phrase: at most four words, none before the last
    /// a stop word but a determiner or possessive ("the lawsuit", "court documents", "local
    /// police"; not "to getting 48 letters").
    fn noun_phrase(&self, keys: &[&str]) -> bool {
        keys.len() <= 4
            && keys[..keys.len().saturating_sub(1)].iter().all(|k| {
                determiner(k)
                    || matches!(*k, "his" | "her" | "its" | "their")
                    || !self.cx.stopwords.contains(*k)
            })
    }

    /// One person: a person noun or an anonymous source in the singular ("activist",
    /// "source", "witness"; not "activists", "people", "opposition", "police", "family").
    fn one_person(&self, h: &str) -> bool {
        let cues = self.cx.cues;
        let singular = !h.ends_with('s') || h.ends_with("ss");
        (cues.is_person_noun(h) || cues.is_anonymous(h))
            && !cues.is_institutional(h)
            && singular
            && !matches!(h, "people" | "opposition" | "someone" | "staff" | "family")
    }

    /// [`State::descriptor`] without recording role speakers.
    fn describe(&self, a: usize, b: usize, pos: usize) -> Option<Voice> {
        if a >= b {
            return None;
        }
        let g = self.cx.gazetteer;
        let cues = self.cx.cues;
        let words: Vec<usize> = (a..b).filter(|&i| self.cx.tokens.tokens[i].word).collect();
        if words.is_empty() {
            return None;
        }
        let keys: Vec<&str> = words.iter().map(|&i| self.key(i)).collect();
        // "It said": the last body (organisation, country, armed group or outlet) that spoke.
        if keys == ["it"] {
            // "IS has targeted oil facilities in Iraq and Syria as it seeks ...", "ISIS has
            // killed hundreds since it declared ...": after a conjunction, "it" opens a clause
            // whose antecedent is the body named first in the sentence (not a place, not after
            // a preposition, not quoted), nearer than the last body that spoke. Not after a
            // content word: "... the Nusra Front took the village it said" closes a report.
            let sentence = self.cx.sentences[self.sentence_near(pos)].0;
            let g = self.cx.gazetteer;
            let joined = words[0] > 0 && {
                let k = self.key(words[0] - 1);
                self.cx.cues.is_clause_conjunction(k)
                    || matches!(k, "and" | "where" | "but" | "what")
            };
            let m = self.cx.mentions;
            let from = m.partition_point(|x| x.span.start < sentence.start);
            let named = m[if joined { from } else { m.len() }..]
                .iter()
                .take_while(|x| x.span.end <= pos)
                .find(|m| {
                    !self.in_quote(m.span.start)
                        && !m.place
                        && m.form != Form::Demonym
                        && g.actor(m.actor).kind != ActorKind::Person
                        && !self.object_of_preposition(m.span.start)
                        && !self.possessive(m.last as usize)
                });
            if let Some(m) = named {
                return Some(Voice::Source(m.actor));
            }
            let v = self
                .recent(pos, Class::Body, None, true)
                .unwrap_or(Voice::Unknown);
            if v == Voice::Unknown {
                self.unnamed_body_spoke(pos);
            }
            return Some(v);
        }
        // "They said": a group whose members the text does not tie to one source ("residents",
        // "activists", "officials" of several bodies): reported by someone unknown, not the
        // host's own words.
        // (But a body that spoke last, in this sentence or the one before, goes on: "The YPG
        // reported no deaths ... They added that YPG fighters had captured ...".)
        if keys == ["they"] {
            let here = self.sentence_near(pos);
            let last = self.spoke.iter().rev().find(|&&(p, _)| p < pos);
            if let Some(&(p, v @ Voice::Source(x))) = last {
                if self.sentence_near(p) + 1 >= here
                    && matches!(
                        g.actor(x).kind,
                        ActorKind::Organisation | ActorKind::ArmedGroup
                    )
                {
                    return Some(v);
                }
            }
            return Some(Voice::Unknown);
        }
        // "the same source said", "the same monitor added": whoever spoke last, named or not.
        if keys.len() >= 3
            && keys[..2] == ["the", "same"]
            && (cues.is_anonymous(keys[keys.len() - 1]) || cues.is_head_noun(keys[keys.len() - 1]))
        {
            let last = self.spoke.iter().rev().find(|&&(p, _)| p < pos);
            return Some(last.map_or(Voice::Unknown, |&(_, v)| v));
        }
        // "According to him, ...": the object pronoun after "according to" points back as the
        // subject pronoun would.
        let according = words[0] >= 2
            && self.key(words[0] - 1) == "to"
            && self.key(words[0] - 2) == "according";
        if keys.len() == 1
            && (cues.is_pronoun(keys[0]) || (according && matches!(keys[0], "him" | "her")))
        {
            let v = self
                .recent(pos, Class::pronoun(keys[0]), None, true)
                .unwrap_or(Voice::Unknown);
            // "Trump, he noted, had ...": the name right before the parenthetical is the
            // subject of what is said, not the one saying it.
            let p = words[0];
            let toks = &self.cx.tokens.tokens;
            let subject_before = p >= 2 && !toks[p - 1].word && self.key(p - 1) == "," && {
                // Mentions are in text order: the one ending right before the comma, by binary
                // search.
                let m = self.cx.mentions;
                let i = m.partition_point(|x| (x.last as usize) < p - 2);
                m.get(i)
                    .is_some_and(|x| x.last as usize == p - 2 && v == Voice::Source(x.actor))
            };
            let v = if subject_before { Voice::Unknown } else { v };
            if v == Voice::Unknown {
                self.unnamed_spoke(pos);
            }
            return Some(v);
        }
        // "According to his office": the person "he" would be, whose staff speak for them
        // (`[descriptors] staff`); never the body that spoke last.
        if keys.len() == 2 && matches!(keys[0], "his" | "her") && cues.is_staff(keys[1]) {
            let pronoun = if keys[0] == "his" { "he" } else { "she" };
            return Some(
                self.recent(pos, Class::pronoun(pronoun), None, true)
                    .unwrap_or(Voice::Unknown),
            );
        }
        let head = keys[keys.len() - 1];
        // "a Pentagon spokesman", "The NDF official", "UN sources": the body the descriptor
        // names; "Iranian officials", "the Russian diplomats", "an Iranian official": the
        // country.
        // (Also one of a body's many, with no determiner at all: "..., White House official
        // said", as "a White House official" would be: a name and the noun alone; not one
        // office's holder, "Frances foreign minister called", nor after a possessive, "Russia's
        // top diplomat added".)
        let bare_one_of = keys.len() >= 2
            && words[..words.len() - 1]
                .iter()
                .all(|&w| self.cx.tokens.tokens[w].cap)
            && !determiner(keys[0])
            && crate::text::keys::strip_possessive(keys[0]).len() == keys[0].len()
            && cues.is_person_noun(head)
            && cues.is_institutional(&format!("{head}s"));
        let indefinite = indefinite(keys[0]) || bare_one_of;
        let plural = cues.is_institutional(head) || cues.is_anonymous(head);
        if (cues.is_person_noun(head) && indefinite) || plural {
            // Not the second of two names joined by "and" or "or": "objections from Russia and
            // China diplomats said" (a comma lost) names no Chinese diplomats, and "US and
            // Russian officials" are of two countries.
            let coordinated = |m: &Mention| {
                let f = m.first as usize;
                f >= 2
                    && matches!(self.key(f - 1), "and" | "or")
                    && self.cx.mention_at(f - 2).is_some_and(|x| !x.place)
            };
            // "IS supporters", "Assad opponents": people around the body named, not its own.
            if cues.is_outsider(head) {
                return Some(Voice::Unknown);
            }
            if let Some(m) = self.bodies_in(a, b).last() {
                if coordinated(m) {
                    return Some(Voice::Unknown);
                }
                return Some(Voice::Source(m.actor));
            }
            // Also one of them, indefinite ("an Iranian official", "a Russian diplomat").
            let one_of = || indefinite && cues.is_institutional(&format!("{head}s"));
            // "Turkish security sources", "Turkish presidential sources": anonymous sources
            // that a word right before the head makes a state's (`[descriptors] official`).
            let official = || {
                cues.is_anonymous(head) && keys.len() >= 2 && cues.is_official(keys[keys.len() - 2])
            };
            if cues.is_institutional(head) || one_of() || official() {
                if let Some(m) = self.mentions_in(a, b).find(|m| m.form == Form::Demonym) {
                    return Some(Voice::Source(m.actor));
                }
            }
        }
        // "SANA reporter", "the Pentagon spokesman", "Manar correspondent": a body named right
        // before a person noun speaks through that person.
        if cues.is_person_noun(head) && words.len() >= 2 {
            let before_head = words[words.len() - 2];
            if let Some(m) = self
                .bodies_in(a, b)
                .filter(|m| g.actor(m.actor).kind != ActorKind::Country)
                .find(|m| m.last as usize == before_head)
            {
                return Some(Voice::Source(m.actor));
            }
        }
        // "Al Mayadeen TV channel", "the NDF command": an organisation or outlet descriptor that
        // names a body (not a country: "a Britain-based war monitor") is that body.
        if cues.is_body_noun(head) {
            let body = self
                .bodies_in(a, b)
                .filter(|m| g.actor(m.actor).kind != ActorKind::Country);
            if let Some(m) = body.last() {
                return Some(Voice::Source(self.declared_after(m, b).unwrap_or(m.actor)));
            }
        }
        // A demonym gives the country, and so does a country named before the head as its
        // qualifier, a word that is no stop word right after it ("France's foreign minister",
        // FA-KES "Frances foreign minister"; not "a Britain-based war monitor", where a hyphen
        // follows the name, nor "Iraq and Syria as it seeks").
        let toks = &self.cx.tokens.tokens;
        let country = self
            .mentions_in(a, b)
            .find(|m| {
                m.form == Form::Demonym
                    || (g.actor(m.actor).kind == ActorKind::Country
                        && !m.place
                        && (m.last as usize + 1) < b
                        && toks[m.last as usize + 1].word
                        && !self.cx.stopwords.contains(self.key(m.last as usize + 1)))
            })
            .and_then(|m| g.country(m.actor));
        // "the Observatory", "a Britain-based war monitor", "rebels": a source whose name or
        // declared descriptors hold the head noun (of the demonym's country, if any).
        // A word joined by a hyphen to the one before it is part of a compound ("a
        // pro-opposition activist" is no "opposition activist").
        let joined = self.hyphen_joined(&words);
        // A place phrase after the description ("the defence ministry in Moscow") qualifies it
        // here only, not as "the Iranians" would be read below.
        let qualified = country.or(self.place_country.get());
        // "The DeirEzzor 24 monitoring group said": a capitalised word inside a body's
        // description (not its first word; not in a title-cased line) that is no actor's
        // mention, place, title or name word of a listed actor names a body the gazetteer does
        // not list, not the monitor the article names elsewhere. Nobody speaks for it.
        let org_head = cues.is_body_noun(head);
        // Before the words of a descriptor an actor declares ("a source at Aleppo Police
        // Command": "police command" is the Syrian government's).
        let own = g.declared_len(&keys, &joined).max(1);
        let unlisted = words.len() > own + 1
            && !words.iter().all(|&i| toks[i].cap)
            && words[1..words.len() - own].iter().any(|&i| {
                let k = self.key(i);
                toks[i].cap
                    && self.cx.mention_at(i).is_none()
                    && !g.is_any_name_word(k)
                    && !g.is_place_word(k)
                    && !cues.is_place_word(k)
                    && g.place_country(k).is_none()
                    && !(i..(i + 4).min(b)).any(|e| {
                        self.cx
                            .listed_place_ending(a, e)
                            .is_some_and(|(first, _)| first <= i)
                    })
                    && !cues.is_title(k)
                    && !self.cx.stopwords.contains(k)
            });
        if org_head && unlisted {
            self.unnamed_body_spoke(pos);
            return Some(Voice::Unknown);
        }
        // "... the UK-based Syrian Observatory said. The assault targeted ISIL positions ...
        // the group added": a bare generic head ("the group", "the statement") is the body that
        // spoke in this sentence or the one before, before any body whose name holds the head.
        // So is one with modifiers that name no actor and no declared descriptor ("the
        // Britain-based group": the first word of a hyphen compound says where, not who).
        let plain = |w: &[usize]| {
            w.iter().all(|&i| {
                !g.is_any_name_word(self.key(i))
                    || self.cx.joining_hyphen(i + 1)
                    || (i > 0 && self.cx.joining_hyphen(i - 1))
            })
        };
        // ("The London-based group": the description read starts after the hyphen.)
        let the =
            keys[0] == "the" || (joined[0] && words[0] >= 3 && self.key(words[0] - 3) == "the");
        let bare = the
            && cues.is_generic_org_noun(head)
            && (keys.len() == 2
                || (plain(&words[..words.len() - 1]) && g.declared_len(&keys, &joined) == 0));
        if bare {
            let here = self.sentence_near(pos);
            let last = self.history().rev().find(|&&(p, _)| p < pos);
            if let Some(&(p, v @ Voice::Source(x))) = last {
                if self.sentence_near(p) + 1 >= here && !noted_between(&self.unnamed_bodies, p, pos)
                {
                    if g.actor(x).kind != ActorKind::Person {
                        return Some(v);
                    }
                    // A person who spoke there speaks for the body their listed roles name,
                    // if the article names it ("... observatory director Rami Abdel Rahman
                    // said. The Britain-based group said": the Observatory, not the "Daesh
                    // extremist group" named before).
                    if let Some(b) = self.body_of_person(x, pos) {
                        return Some(Voice::Source(b));
                    }
                }
            }
            // No body spoke there: "the group" is the one organisation or armed group named in
            // this sentence before the head ("Three rescue workers from the White Helmets were
            // killed ... the group said"), else in the sentence before; two leave it unknown.
            // (Not "the statement": whose it is, a sentence before or two, the text often
            // does not name.)
            if matches!(head, "group" | "organisation" | "organization") {
                if let Some(x) = self.body_named_near(pos, here) {
                    return Some(Voice::Source(x));
                }
            }
        }
        // "according to an Observatory toll", "the latest Observatory toll": a body's noun right
        // before a record (also after "a": the record is new, not the body) is whose record it
        // is, read as "the Observatory" would be.
        if keys.len() >= 2 && cues.is_document(head) && !cues.is_org_noun(head) {
            let m = keys[keys.len() - 2];
            if cues.is_body_noun(m) && !cues.is_person_noun(m) {
                if let Some(v) = self.by_head(pos, &["the", m], &[false, false], qualified) {
                    return Some(v);
                }
            }
        }
        if let Some(v) = self.by_head(pos, &keys, &joined, qualified) {
            return Some(v);
        }
        // "a spokesman", "one official": an indefinite descriptor introduces someone new, never
        // a person named before; a later "he" points back to that unnamed person.
        if indefinite && !plural {
            if cues.is_person_noun(head) {
                self.unnamed_spoke(pos);
            }
            return Some(Voice::Unknown);
        }
        // "The source added" after "a military source told SANA": the same source.
        if keys[0] == "the" && (cues.is_anonymous(head) || cues.is_person_noun(head)) {
            if let Some(v) = self.same_head_before(words[0], head) {
                return Some(v);
            }
        }
        // "analysts and government officials": an anonymous head is nobody in particular.
        if keys.len() > 1 && cues.is_anonymous(head) && !cues.is_person_noun(head) {
            return Some(Voice::Unknown);
        }
        // "authorities said" (of no country named), "the lawsuit said", "court documents say":
        // a source nobody in particular speaks for (not "... to getting 48 letters, says Steve
        // Baker").
        if (cues.is_institutional(head)
            || (cues.is_document(head) && !cues.is_outlet_noun(head) && !cues.is_org_noun(head)))
            && self.noun_phrase(&keys)
        {
            return Some(Voice::Unknown);
        }
        let class = if keys.iter().any(|k| cues.is_outlet_noun(k))
            && !keys.iter().any(|k| cues.is_anonymous(k))
        {
            Some(Class::Outlet)
        } else if keys.iter().any(|k| cues.is_person_noun(k)) && !cues.is_org_noun(head) {
            // Not a person noun before an organisation's ("the volunteer group").
            Some(Class::Person)
        } else if keys.iter().any(|k| cues.is_org_noun(k)) {
            Some(Class::Org)
        } else if country.is_some() && keys.len() <= 3 {
            Some(Class::Any) // "the Iranians"
        } else if keys.iter().any(|k| cues.is_anonymous(k)) {
            return Some(Voice::Unknown);
        } else {
            None
        };
        let class = class?;
        // Plural outlet descriptors ("Russian news agencies") are not one source.
        if class == Class::Outlet
            && keys.iter().any(|k| {
                *k == "agencies"
                    || *k == "outlets"
                    || *k == "websites"
                    || (*k == "media" && (keys.len() > 2 || !keys.contains(&"state")))
            })
            && country.is_none()
        {
            return Some(Voice::Unknown);
        }
        // A body is of the place's country too ("the health ministry in Damascus" is no
        // Iranian ministry that spoke before).
        let of = if class == Class::Any {
            country
        } else {
            qualified
        };
        let v = self.recent(pos, class, of, false).unwrap_or(Voice::Unknown);
        // A modifier that is a word of some actor's name must be one of this one's: "the health
        // ministry" is not the foreign ministry that spoke last (as in [`State::by_head`]).
        let v = match v {
            Voice::Source(x) if class == Class::Org && self.contradicts(&words, country, x) => {
                Voice::Unknown
            }
            // "Russia confirmed ... The defence ministry said": the country's body that the
            // description names, when the gazetteer lists one.
            Voice::Source(c) if class == Class::Org && g.actor(c).kind == ActorKind::Country => {
                self.body_of_country(c, &keys).map_or(v, Voice::Source)
            }
            v => v,
        };
        // "State television said": a state outlet, never the last outlet that spoke when that
        // is no state medium ("an AFP correspondent said ... State television said").
        let v = match v {
            Voice::Source(x)
                if class == Class::Outlet && keys.contains(&"state") && !g.actor(x).state_media =>
            {
                Voice::Unknown
            }
            v => v,
        };
        // "The Chinese foreign ministry said": an organ of the state (`[descriptors] official`)
        // of a country the gazetteer lists no such body of is the country's voice.
        let v = match (v, country) {
            (Voice::Unknown, Some(c)) if class == Class::Org && cues.is_official(head) => {
                Voice::Source(c)
            }
            (v, _) => v,
        };
        // "France's foreign minister called for ..." with no French person before: an unnamed
        // person speaks, whom a later "he" refers to (as a pronoun that resolved to nobody).
        if v == Voice::Unknown && class.person() {
            self.unnamed_spoke(pos);
            // A state's office holder of a country the description names ("Iran's foreign
            // minister", `[descriptors] state_roles`) speaks for the country, as "an Iranian
            // official" does; the article names no holder.
            // (The country's name or demonym in the head's own noun phrase, only modifiers
            // between: not "in the Syrian city of Aleppo his spokesman".)
            let head_at = words[words.len() - 1];
            let in_phrase = |m: &Mention| {
                (m.last as usize + 1..head_at).all(|i| {
                    let k = self.key(i);
                    toks[i].word && !self.cx.stopwords.contains(k) && !determiner(k)
                })
            };
            let own = self.mentions_in(a, b).any(|m| {
                (m.form == Form::Demonym || g.actor(m.actor).kind == ActorKind::Country)
                    && g.country(m.actor) == country
                    && in_phrase(m)
            });
            if let Some(c) =
                country.filter(|_| class == Class::Person && cues.is_state_role(head) && own)
            {
                return Some(Voice::Source(c));
            }
        }
        Some(v)
    }

    /// The listed name that ends right before the last of `markers` among the 25 tokens
    /// before `hi` (after `lo`): the antecedent of a clause without commas ("The Syrian
    /// Observatory for Human Rights which has tracked violence on all sides said").
    fn name_before_clause(&self, lo: usize, hi: usize, markers: &[&str]) -> Option<Mention> {
        let r = (lo + 1..hi)
            .rev()
            .take(25)
            .find(|&i| markers.contains(&self.key(i)))?;
        let named = self.named_in(lo, r).last().copied()?;
        (named.last as usize + 1 == r).then_some(named)
    }

    /// A listed name opening the clause `lo..w` (after at most a determiner) and a relative
    /// clause right after it, "which"/"who" or a participle in "-ing", running to the verb
    /// ("The US-led coalition targeting the jihadists in both Syria and Iraq reported ...", "The
    /// coalition which bombs Syria and Iraq said ..."): the name is the subject, not one inside
    /// the clause. With the name's first token.
    fn opening_name_before_clause(&self, lo: usize, w: usize) -> Option<(Voice, usize)> {
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        let g = self.cx.gazetteer;
        // The clause may open with "but" or "and" and a phrase of time ("But on Tuesday
        // morning US Secretary of State John Kerry speaking alongside ... insisted").
        let mut lo = lo;
        if lo < w && matches!(self.key(lo), "but" | "and" | "yet") {
            lo += 1;
        }
        let past = self.past_time_phrase(lo, w);
        if past > lo {
            lo = past + usize::from(past < w && self.key(past) == ",");
        }
        // A person's title may open the clause before the name ("US Secretary of State John
        // Kerry speaking alongside ... insisted"): capitalised words, "of" and dots, a title
        // or a person's noun among them.
        let titled = |m: &Mention| {
            let first = m.first as usize;
            g.actor(m.actor).kind == ActorKind::Person
                && first > lo
                && first <= lo + 6
                && (lo..first).any(|i| {
                    let k = self.key(i);
                    cues.is_title(k) || cues.is_person_noun(k)
                })
                && (lo..first).all(|i| {
                    let k = self.key(i);
                    (toks[i].word && toks[i].cap) || k == "of" || k == "."
                })
        };
        let m = self
            .named_in(lo, w)
            .take(3)
            .find(|m| titled(m))
            .or_else(|| self.named_in(lo, w).next())
            .copied()?;
        let first = m.first as usize;
        let after = m.last as usize + 1;
        // (Not a country by its name, nor a possessive: "Syrias leading opposition group ...",
        // "Kerrys meeting with Arab ministers ..."; "Moscow urging an inquiry said" is one.)
        if (first > lo + 1 && !titled(&m))
            || (first == lo + 1 && !determiner(self.key(lo)) && !titled(&m))
            || after + 2 >= w
            || m.form == Form::Demonym
            || (self.cx.gazetteer.actor(m.actor).kind == ActorKind::Country
                && m.form != Form::Metonym)
            || self.possessive(m.last as usize)
        {
            return None;
        }
        let k = self.key(after);
        let participle = self.participle_after(after - 1, w)
            && !toks[after].cap
            && !self.cx.cues.is_ing_preposition(k)
            && k != "according";
        (matches!(k, "which" | "who") || participle).then_some((Voice::Source(m.actor), first))
    }

    /// The subject of a relative clause ("which", "that", "who" and a form of "be") whose
    /// preposition has the name at token `first` as its object, right before the verb: the
    /// listed or unlisted name before the clause, else `unknown`. `None` when the name is no
    /// such object.
    fn antecedent_of_object(&mut self, lo: usize, first: usize) -> Option<(Voice, usize)> {
        let mut p = first.checked_sub(1)?;
        // The name's own particle ("al-" of "al-Qaeda", which the mention leaves out) and "the".
        while p > lo
            && (self.key(p) == "-"
                || (self.cx.cues.is_particle(self.key(p)) && !self.cx.tokens.tokens[p].cap))
        {
            p -= 1;
        }
        if self.key(p) == "the" && p > lo {
            p -= 1;
        }
        if p <= lo + 2 || !matches!(self.key(p), "to" | "with" | "by" | "of") {
            return None;
        }
        let r = (lo + 1..p - 1)
            .rev()
            .take(5)
            .find(|&i| matches!(self.key(i), "which" | "that" | "who"))?;
        if !matches!(
            self.key(r + 1),
            "is" | "are" | "was" | "were" | "has" | "have"
        ) {
            return None;
        }
        if let Some(n) = self.name_before_clause(lo, r + 1, &["which", "that", "who"]) {
            return Some((Voice::Source(n.actor), n.first as usize));
        }
        if let Some(found) = self.name_before(lo, r) {
            return Some(found);
        }
        Some((Voice::Unknown, r))
    }

    /// A lowercase title or person noun at token `i` ("spokesman", "director").
    fn role_word(&self, i: usize) -> bool {
        let t = &self.cx.tokens.tokens[i];
        let k = self.key(i);
        t.word && !t.cap && (self.cx.cues.is_title(k) || self.cx.cues.is_person_noun(k))
    }

    /// A lowercase role word at token `i`, or a lowercase modifier and a role word ("regional
    /// director"), before `w`.
    fn role_follows(&self, i: usize, w: usize) -> bool {
        let t = &self.cx.tokens.tokens;
        (i < w && self.role_word(i))
            || (i + 1 < w && t[i].word && !t[i].cap && self.role_word(i + 1))
    }

    /// "Archimandrite Emanuel Youkhana who works with displaced Christians in the north said":
    /// an unlisted name of two words or more (after its titles) opens the clause `lo..hi`, and
    /// a relative clause with "who", without commas or quotes, runs from it to the verb at `hi`.
    fn unlisted_before_clause(&mut self, lo: usize, hi: usize) -> Option<(Voice, usize)> {
        let run = self.reader().after(lo, hi)?;
        let toks = &self.cx.tokens.tokens;
        let words = (run.start..run.end)
            .filter(|&i| toks[i].word && toks[i].cap)
            .count();
        let clause_ok = run.end + 2 < hi
            && hi - run.end <= 20
            && self.key(run.end) == "who"
            && (run.end + 1..hi).all(|i| toks[i].word || self.key(i) == "-")
            && !(run.end + 1..hi).any(|i| self.cx.cues.is_speech(self.key(i)));
        (words >= 2 && clause_ok).then(|| (self.name_voice(run), run.start))
    }

    /// Records that someone unnamed spoke at byte `pos`.
    fn unnamed_spoke(&self, pos: usize) {
        note_at(&self.unnamed, pos);
    }

    /// Records that a body no source resolves to spoke at byte `pos`.
    fn unnamed_body_spoke(&self, pos: usize) {
        note_at(&self.unnamed_bodies, pos);
    }

    /// The actor a descriptor with words `keys` refers to by its head noun: the most recent
    /// source, else actor mentioned, before `pos` whose name, aliases or roles hold the head
    /// ("the Observatory" after "the Syrian Observatory for Human Rights") or whose declared
    /// `descriptors` end the descriptor ("war monitor"); else the one gazetteer actor that
    /// declares such a descriptor.
    fn by_head(
        &self,
        pos: usize,
        keys: &[&str],
        joined: &[bool],
        country: Option<ActorId>,
    ) -> Option<Voice> {
        let g = self.cx.gazetteer;
        let head = *keys.last()?;
        // A relative or interrogative pronoun names no one ("Van Jones who asked him ..." is no
        // WHO, whose alias it spells).
        if matches!(head, "who" | "whom" | "whose" | "which" | "that" | "what") {
            return None;
        }
        // The actors with a descriptor that ends the keys, not inside a compound.
        let declaring = g.declaring(keys, joined);
        let declares = |a: ActorId| declaring.binary_search(&a).is_ok();
        // The head and its other spelling ("centre" and "center").
        let spellings: Vec<String> = std::iter::once(head.to_string())
            .chain(head.strip_suffix("re").map(|s| format!("{s}er")))
            .chain(head.strip_suffix("er").map(|s| format!("{s}re")))
            .collect();
        // The modifiers before the head must not contradict the name: a modifier that is a word
        // of some actor's name must be one of this actor's ("the rights group" is not "the
        // Islamic State group"; "the extremist group" may be).
        let modifiers: Vec<&str> = keys[..keys.len() - 1]
            .iter()
            .copied()
            .filter(|k| !determiner(k) && !self.cx.stopwords.contains(*k) && g.is_any_name_word(k))
            .collect();
        let named = |a: ActorId| {
            spellings.iter().any(|k| g.has_name_word(a, k))
                && modifiers.iter().all(|k| g.has_name_word(a, k))
        };
        let of_country = |a: ActorId| country.is_none_or(|c| g.country(a) == Some(c));
        // An indefinite description introduces a body by what it is ("a monitoring group"), not
        // by a word of a name said before ("the Islamic State group"): declared descriptors only.
        let definite = !indefinite(keys[0]);
        // A person is pointed back to by a person noun ("the spokesman", "the envoy"), never by
        // a body's noun that a word of its role holds ("the observatory" is not the head of the
        // Syrian Observatory for Human Rights); and a person noun points back to no body whose
        // name holds it ("the general" is not the Russian General Staff).
        let person_head = self.cx.cues.is_person_noun(head);
        let named = |a: ActorId| named(a) && person_head == (g.actor(a).kind == ActorKind::Person);
        let fits = |a: ActorId| of_country(a) && (declares(a) || (definite && named(a)));
        let from_history = self.history().rev().find_map(|&(p, v)| match v {
            Voice::Source(a) if p < pos && fits(a) => Some(v),
            _ => None,
        });
        if from_history.is_some() {
            return from_history;
        }
        let m = self.cx.mentions;
        let hi = m.partition_point(|x| x.span.start < pos);
        if let Some(x) = m[..hi]
            .iter()
            .rev()
            .filter(|x| !x.place && x.form != Form::Demonym)
            .find(|x| fits(x.actor))
        {
            return Some(Voice::Source(x.actor));
        }
        // "the defence ministry" in Moscow: of the country given, the one body (no person,
        // not the country itself) whose names hold every word of the description.
        if let Some(a) = country.and_then(|c| self.body_of_country(c, keys)) {
            return Some(Voice::Source(a));
        }
        let declared: Vec<ActorId> = declaring
            .iter()
            .copied()
            .filter(|&a| of_country(a))
            .collect();
        // The one declaring actor of the host outlet's country: "a military source" in SANA is
        // the Syrian army, in TASS the Russian defence ministry, in Daily Sabah the Turkish
        // army, whichever armies the article names.
        let one_of = |c: ActorId| {
            let mut of = declared.iter().filter(|&&a| g.country(a) == Some(c));
            match (of.next(), of.next()) {
                (Some(&a), None) => Some(Voice::Source(a)),
                _ => None,
            }
        };
        if let Some(v) = self.home_country().and_then(one_of) {
            return Some(v);
        }
        // Else the one of the country that spoke last, when a country did ("Russia confirmed
        // ... The defence ministry said", "Turkey ... said ... the Foreign Ministry said").
        let last_country =
            self.history()
                .rev()
                .find(|&&(p, _)| p < pos)
                .and_then(|&(_, v)| match v {
                    Voice::Source(a) if g.actor(a).kind == ActorKind::Country => Some(a),
                    _ => None,
                });
        if let Some(v) = last_country.and_then(one_of) {
            return Some(v);
        }
        // Else the one declaring actor the article names somewhere ("a monitor said" before
        // "the Syrian Observatory for Human Rights" is named).
        let mut named = declared
            .iter()
            .filter(|&&a| m.iter().any(|x| x.actor == a && !x.place));
        match (named.next(), named.next()) {
            (Some(&a), None) => return Some(Voice::Source(a)),
            (Some(_), Some(_)) => return None,
            _ => {}
        }
        // Else the one declaring actor of the country the article names most ("rebels said" in
        // a report on Syria). The article names that country, so the voice is never an actor
        // it does not name; none or two of that country leave the speaker unknown.
        self.focus_country().and_then(one_of)
    }

    /// The host outlet's country (SANA: Syria, Daily Sabah: Turkey).
    fn home_country(&self) -> Option<ActorId> {
        self.cx.host.and_then(|h| self.cx.gazetteer.country(h))
    }

    /// The country the article names most often (by its actors, demonyms and places; the first
    /// named wins a tie), computed once per article.
    fn focus_country(&self) -> Option<ActorId> {
        *self.focus.get_or_init(|| {
            let g = self.cx.gazetteer;
            let from_mentions = self.cx.mentions.iter().map(|m| (m.span.start, m.actor));
            let mut named: Vec<(usize, ActorId)> = from_mentions
                .filter_map(|(at, a)| g.country(a).map(|c| (at, c)))
                .chain(g.places_in(self.cx.tokens))
                .collect();
            named.sort_unstable();
            let counts = crate::rank::tally_in_order(named.into_iter().map(|(_, c)| c));
            let mut top: Option<(ActorId, u32)> = None;
            for &(c, n) in &counts {
                if top.is_none_or(|t| n > t.1) {
                    top = Some((c, n));
                }
            }
            top.map(|t| t.0)
        })
    }

    /// "The source added": a definite descriptor whose head noun is an anonymous or person
    /// noun points back to the last indefinite description with the same head before token
    /// `first` ("a military source told SANA"), and is whoever that description resolves to;
    /// or to the last one a body names right before the head ("SANA reporter in Homs said ...
    /// The reporter added", "SANAs correspondent"), and is that body.
    fn same_head_before(&self, first: usize, head: &str) -> Option<Voice> {
        let toks = &self.cx.tokens.tokens;
        let g = self.cx.gazetteer;
        let body_before = |i: usize| {
            self.cx.mention_at(i.checked_sub(1)?).filter(|m| {
                m.last as usize + 1 == i
                    && !m.place
                    && m.form != Form::Demonym
                    && !matches!(
                        g.actor(m.actor).kind,
                        ActorKind::Person | ActorKind::Country
                    )
            })
        };
        let (det, at, body) = (0..first).rev().find_map(|i| {
            if !toks[i].word || self.key(i) != head {
                return None;
            }
            // ("Senator John McCain said ... the senator added": the head as the title of a
            // name right after it.)
            let title = toks[i].cap && i + 1 < first && toks[i + 1].word && toks[i + 1].cap;
            (i.saturating_sub(4)..i)
                .find(|&d| matches!(self.key(d), "a" | "an" | "another"))
                .map(|d| (d, i, None))
                .or_else(|| body_before(i).map(|m| (i, i, Some(m.actor))))
                .or_else(|| title.then_some((i, i, None)))
        })?;
        if let Some(x) = body {
            return Some(Voice::Source(x));
        }
        // A title speaks as the person it names, who spoke in its sentence.
        let person = |v: Voice| match v {
            Voice::Source(x) => g.actor(x).kind == ActorKind::Person,
            Voice::Named(i) => self.names.speakers[i as usize].person,
            Voice::Own | Voice::Unknown => false,
        };
        let titled = det == at && toks[at].cap;
        // Whoever that description spoke as ("A source at Aleppo Police Command said ... the
        // source said": the Syrian government), else what its words name.
        let sentence = self.cx.sentences[self.sentence_near(toks[det].span.start)].0;
        let spoke = self
            .history()
            .rev()
            .find(|&&(p, _)| sentence.start <= p && p <= toks[at].span.start)
            .map(|&(_, v)| v);
        if titled {
            return spoke.filter(|&v| person(v));
        }
        spoke
            .or_else(|| self.descriptor(det, at + 1, toks[det].span.start))
            .filter(|v| *v != Voice::Unknown)
    }

    /// The most recent named source (then, for persons, the most recent person mentioned)
    /// before `pos` that fits the class and country.
    fn recent(
        &self,
        pos: usize,
        class: Class,
        country: Option<ActorId>,
        pronoun: bool,
    ) -> Option<Voice> {
        let g = self.cx.gazetteer;
        let fits_actor = |a: ActorId| {
            let kind = g.actor(a).kind;
            let class_ok = match class {
                Class::Outlet => kind == ActorKind::Outlet,
                Class::Person => kind == ActorKind::Person,
                Class::He => kind == ActorKind::Person && g.actor(a).gender != Some(Gender::Female),
                Class::She => {
                    kind == ActorKind::Person && g.actor(a).gender == Some(Gender::Female)
                }
                Class::Org => matches!(
                    kind,
                    ActorKind::Organisation | ActorKind::Country | ActorKind::ArmedGroup
                ),
                Class::Body => kind != ActorKind::Person,
                Class::Any => true,
            };
            class_ok && country.map(|c| g.country(a) == Some(c)).unwrap_or(true)
        };
        let fits = |v: Voice| match v {
            Voice::Source(a) => fits_actor(a),
            Voice::Named(i) => {
                let s = &self.names.speakers[i as usize];
                let class_ok = match class {
                    Class::Person => s.person,
                    Class::He => s.person && s.gender != Some(Gender::Female),
                    Class::She => s.person && s.gender != Some(Gender::Male),
                    Class::Org | Class::Body => !s.person,
                    Class::Outlet => false,
                    Class::Any => true,
                };
                let of = s.affiliation.map(|a| g.country(a).unwrap_or(a));
                class_ok && country.map(|c| of == Some(c)).unwrap_or(true)
            }
            Voice::Own | Voice::Unknown => false,
        };
        // A pronoun points back only within its paragraph or to the sentence before it, never
        // to a person from another part of the article.
        let here = self.sentence_near(pos);
        let near = |p: usize| !pronoun || self.near(p, here);
        // "... a relative told AFP. "..." he said": a person who spoke unnamed after the
        // candidate is the nearer antecedent; the pronoun stays unknown.
        // "The DeirEzzor 24 monitoring group said ... It said": a body no source resolves to,
        // speaking after the candidate, is the nearer antecedent of "it".
        let unnamed_after = |p: usize| {
            pronoun
                && if class.person() {
                    self.unnamed_speaker(p, pos)
                } else {
                    class == Class::Body && noted_between(&self.unnamed_bodies, p, pos)
                }
        };
        let spoke = self
            .history()
            .rev()
            .find(|(p, v)| *p < pos && near(*p) && fits(*v));
        // A pronoun also points back to a person named as a sentence's subject, when that is
        // nearer than the last who spoke.
        let subject = if pronoun && class.person() {
            self.subjects
                .iter()
                .rev()
                .find(|(p, v)| *p < pos && near(*p) && fits(*v))
                .filter(|(p, _)| spoke.is_none_or(|(q, _)| p > q))
        } else {
            None
        };
        let found = subject.or(spoke);
        // A person described by role who spoke for a body, nearer than the candidate and with
        // no one unnamed speaking after: the pronoun is that person, the body's voice.
        if pronoun && class.person() {
            let roles = self.roles.borrow();
            let role = roles
                .iter()
                .rev()
                .find(|(q, _)| *q < pos && near(*q))
                .filter(|(q, _)| found.is_none_or(|(p, _)| q > p));
            if let Some(&(q, v)) = role {
                // Someone unnamed speaking after the role speaker's own sentence.
                let after = self
                    .cx
                    .sentences
                    .get(self.sentence_near(q))
                    .map_or(q, |(s, _)| s.end.min(pos));
                if !self.unnamed_speaker(after, pos) {
                    return Some(v);
                }
            }
        }
        if let Some(&(p, v)) = found {
            let body_after = pronoun && class.person() && self.other_body_spoke(p, pos, v);
            return Some(if unnamed_after(p) || body_after {
                Voice::Unknown
            } else {
                v
            });
        }
        if class.person() || (class == Class::Outlet && country.is_some()) {
            let m = self.cx.mentions;
            let hi = m.partition_point(|x| x.span.start < pos);
            return m[..hi]
                .iter()
                .rev()
                .filter(|x| {
                    !x.place
                        && x.form != Form::Demonym
                        // Not a name qualifying a noun ("the Trump campaign").
                        && !self.modifier(x.last as usize)
                        && !self.after_determiner(x.first as usize)
                        && near(x.span.start)
                        // ('"... Donald Trump never gets anyplace close to the White House," the
                        // Massachusetts senator said': nobody named inside a quote is its
                        // speaker's antecedent.)
                        && !self.in_quote(x.span.start)
                        && !(pronoun && self.object_of_preposition(x.span.start))
                })
                .find(|x| fits_actor(x.actor))
                .map(|x| {
                    if unnamed_after(x.span.start) {
                        Voice::Unknown
                    } else {
                        Voice::Source(x.actor)
                    }
                });
        }
        None
    }

    /// Whether a body (no person, no outlet) of another country than the person `v` (for an
    /// unlisted person, another body than the one named with them) spoke
    /// after byte `p` in the sentence before `pos` or in its own: "Fadl Abdel-Ghani said ...
    /// The Syrian Observatory said that at least 60000 people have died ... He said more than
    /// 20000 of them had died at Sednaya": "he" is the body's unnamed spokesman, not the person
    /// named before it. A body of the person's own country ("Lavrov said ... The ministry said
    /// ... He added") leaves the person.
    fn other_body_spoke(&self, p: usize, pos: usize, v: Voice) -> bool {
        let g = self.cx.gazetteer;
        // A listed person's country, or an unlisted person's affiliation itself ("SNHR
        // Director Fadl Abdel-Ghani" is of SNHR, not of any Syrian body).
        let country_of = |w: Voice| match w {
            Voice::Source(a) => Some(g.country(a).unwrap_or(a)),
            Voice::Named(_) | Voice::Own | Voice::Unknown => None,
        };
        let (person, affiliation) = match v {
            Voice::Named(i) => (None, self.names.speakers[i as usize].affiliation),
            _ => (country_of(v), None),
        };
        let here = self.sentence_near(pos);
        self.history().any(|&(q, w)| {
            let body = match w {
                Voice::Source(a) => {
                    let k = g.actor(a).kind;
                    k != ActorKind::Person && k != ActorKind::Outlet
                }
                Voice::Named(i) => !self.names.speakers[i as usize].person,
                Voice::Own | Voice::Unknown => false,
            };
            p < q
                && q < pos
                && self.sentence_near(q) + 1 >= here
                && body
                && match (affiliation, w) {
                    (Some(of), Voice::Source(a)) => a != of,
                    _ => person.is_none() || country_of(w) != person,
                }
        })
    }

    /// Whether the mention starting at byte `at` is the object of a preposition ("wrote to Ban",
    /// "met with Kerry"): no subject, so no antecedent of a pronoun speaker.
    fn object_of_preposition(&self, at: usize) -> bool {
        let i = self.cx.tokens.first_at(at);
        // Skip a title or determiner between ("to U.N. chief Ban", "with the president").
        (i.saturating_sub(4)..i)
            .rev()
            .find(|&j| {
                let t = &self.cx.tokens.tokens[j];
                !t.word || !(t.cap || determiner(self.key(j)))
            })
            .is_some_and(|j| {
                matches!(
                    self.key(j),
                    "to" | "with"
                        | "from"
                        | "for"
                        | "against"
                        | "toward"
                        | "towards"
                        | "about"
                        | "at"
                )
            })
    }

    /// True when an unnamed person speaks between bytes `from` and `pos`: a pronoun that resolved
    /// to nobody, or (looking back at most 80 tokens from `pos`) a speech verb whose subject is
    /// an indefinite person: an indefinite noun phrase of lowercase words right before it ("a
    /// relative told AFP", "one resident said"), not an organisation or outlet, or one opening
    /// its sentence ([`State::indefinite_opener`]).
    fn unnamed_speaker(&self, from: usize, pos: usize) -> bool {
        // A pronoun that resolved to nobody in between: the same unnamed person speaks on.
        if noted_between(&self.unnamed, from, pos) {
            return true;
        }
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        let hi = self.cx.tokens.first_at(pos);
        let lo = self.cx.tokens.first_at(from).max(hi.saturating_sub(80));
        (lo + 1..hi).any(|v| {
            // "... from a lack of treatment according to X": the source of "according to"
            // follows it; the words before are no subject.
            // ('"A unilaterally declared cease-fire isnt enough" he said': no one speaks
            // inside a quote.)
            if !self.is_speech(v) || self.key(v) == "according" || self.in_quote(toks[v].span.start)
            {
                return false;
            }
            if self.indefinite_opener(v) {
                return true;
            }
            let head = self.key(v - 1);
            if cues.is_body_noun(head) || cues.is_pronoun(head) {
                return false;
            }
            // Not an appositive of a name ("Yusuf el-Bustani a local activist said").
            (v.saturating_sub(4).max(lo)..v - 1).rev().any(|d| {
                indefinite(self.key(d))
                    && (d + 1..v).all(|i| toks[i].word && !toks[i].cap)
                    && !(d > 0 && toks[d - 1].word && toks[d - 1].cap)
            })
        })
    }

    /// An indefinite person described in lowercase words within `a..w`, reaching to `w` (what
    /// stands before the verb): "one resident of the town", "a doctor at the hospital". The
    /// description's tokens up to its first preposition.
    fn indefinite_person(&self, a: usize, w: usize) -> Option<(usize, usize)> {
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        let d = (a..w).find(|&i| indefinite(self.key(i)) && !toks[i].cap)?;
        let lower = (d..w).all(|i| toks[i].word && !toks[i].cap);
        let head_end = (d + 1..w)
            .find(|&i| matches!(self.key(i), "at" | "in" | "of" | "from" | "near" | "inside"))
            .unwrap_or(w);
        let person = (d + 1..head_end).any(|i| {
            let k = self.key(i);
            cues.is_anonymous(k) || cues.is_person_noun(k)
        });
        (lower && person && w - d <= 10).then_some((d, head_end))
    }

    /// True when the sentence of the speech verb at `v` opens with an indefinite person as its
    /// subject, at most 20 tokens long ("A Syrian human rights activist from Deir al-Zor who fled
    /// ... said"): a person word in it, no organisation or outlet noun, and no name ending it
    /// ("Another local resident Nadzhua Katvi said"; a place after "from" or "in" is no name).
    fn indefinite_opener(&self, v: usize) -> bool {
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        let Some((s, _)) = self
            .cx
            .sentences
            .get(self.sentence_near(toks[v].span.start))
        else {
            return false;
        };
        let s0 = self.cx.tokens.first_at(s.start);
        if s0 >= v || v - s0 > 20 || !indefinite(self.key(s0)) {
            return false;
        }
        // The noun phrase's own words, before a preposition: "An official at the governor's
        // office in Homs said" is a person, whose office is where he works.
        let head_end = (s0 + 1..v)
            .find(|&i| {
                matches!(
                    self.key(i),
                    "at" | "in" | "of" | "from" | "with" | "for" | "on" | "near" | "inside"
                )
            })
            .unwrap_or(v);
        let person = (s0..head_end).any(|i| {
            let k = self.key(i);
            cues.is_anonymous(k) || cues.is_person_noun(k) || cues.is_title(k)
        });
        let body = (s0..head_end).any(|i| {
            let k = self.key(i);
            cues.is_body_noun(k)
        });
        if !person || body {
            return false;
        }
        let w = self.skip_back(s0, v);
        if w <= s0 {
            return false;
        }
        if !toks[w - 1].cap {
            return true;
        }
        // Back over the capitalised run ("Deir al-Zor"): a place after "from" or "in" is no
        // name of the speaker.
        let mut r = w - 1;
        while r > s0
            && (toks[r - 1].cap || cues.is_particle(self.key(r - 1)) || self.key(r - 1) == "-")
        {
            r -= 1;
        }
        r > s0 && cues.is_place_before(self.key(r - 1))
    }

    /// The index of the sentence holding byte `x`, or of the first after it (the last sentence
    /// past the end).
    fn sentence_near(&self, x: usize) -> usize {
        let ss = self.cx.sentences;
        ss.partition_point(|(s, _)| s.end <= x)
            .min(ss.len().saturating_sub(1))
    }

    /// True when byte `p` lies in the sentence before sentence `here`, or in its paragraph at
    /// most five sentences back.
    fn near(&self, p: usize, here: usize) -> bool {
        // Sentences back within a paragraph: FA-KES articles have no paragraph breaks (one paragraph
        // of 30 sentences), where "within the paragraph" would reach any person of the article;
        // 5 keeps every pronoun of the gold sets' dev part that the whole paragraph found.
        const NEAR_K: usize = 5;
        let ss = self.cx.sentences;
        let sp = self.sentence_near(p);
        match (ss.get(sp), ss.get(here)) {
            (Some(a), Some(b)) => (a.1 == b.1 && sp + NEAR_K >= here) || sp + 1 >= here,
            _ => true,
        }
    }

    /// The last word token of a sentence's tokens `a..b`, before its final punctuation.
    fn words_end(&self, a: usize, b: usize) -> usize {
        let toks = &self.cx.tokens.tokens;
        let mut end = b;
        while end > a && !toks[end - 1].word {
            end -= 1;
        }
        end
    }

    /// Whether the participle at `i` takes an object right up to the speech verb at `v`, as
    /// a source's description ("Medics attending the victims said", "an organisation
    /// monitoring the conflict said"): the participle is no gerund after a determiner or a
    /// possessive ("The shelling comes", "the North's advancing nuclear program has"), the
    /// verb says, and no auxiliary, speech verb or capitalised word stands between (a clause
    /// of its own: "... fighting Assad it said").
    fn participle_object(&self, i: usize, v: usize) -> bool {
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        let before = self.key(i - 1);
        !(determiner(before) || before.ends_with("'s") || cues.is_pronoun(before))
            && cues.is_speech(self.key(v))
            && (i + 1..v).all(|j| {
                let k = self.key(j);
                toks[j].word
                    && (!toks[j].cap || crate::actors::WEEKDAYS.contains(&k))
                    && !cues.is_auxiliary(k)
                    && !cues.is_speech(k)
                    && !cues.is_pronoun(k)
            })
    }

    /// The token where the subject of the verb at `v` ends: before the adverbs, auxiliaries and
    /// day between them ("also said", "has previously said", "on Monday accused").
    fn skip_back(&self, lo: usize, v: usize) -> usize {
        let mut w = v;
        loop {
            // "The U.N. says": the final dot of an initialism is part of the subject's name; so
            // is the dot of a generational suffix ("Donald Trump Jr. said").
            if w > lo + 1
                && (crate::text::keys::initialism_dot(self.cx.tokens, w - 1)
                    || (w > lo + 2 && crate::text::keys::suffix_dot(self.cx.tokens, w - 1)))
            {
                w -= 1;
                continue;
            }
            // "Ahmed 24 said": an age after the name (commas dropped).
            let k = self.key(w.saturating_sub(1));
            if w > lo + 1
                && (1..=3).contains(&k.len())
                && k.bytes().all(|c| c.is_ascii_digit())
                && self.cx.tokens.tokens[w - 2].cap
            {
                w -= 1;
                continue;
            }
            if w > lo + 2
                && self.key(w - 2) == "on"
                && crate::actors::CALENDAR.contains(&self.key(w - 1))
            {
                w -= 2;
                continue;
            }
            // "The Syrian Network for Human Rights (SNHR) said": a bracketed acronym; one that
            // names an actor is the subject itself ("The UN Childrens agency (UNICEF) said").
            if w > lo + 3
                && self.key(w - 1) == ")"
                && self.key(w - 3) == "("
                && self.cx.tokens.tokens[w - 2].upper
            {
                // ("... for the UN Office for the Coordination of Humanitarian Affairs (OCHA)
                // told": after the same actor's name, the bracket only repeats it.)
                let named_before = |x: ActorId| {
                    self.mentions_in(lo, w - 3)
                        .any(|m| m.last as usize + 4 == w && m.actor == x)
                };
                if self
                    .mentions_in(w - 2, w - 1)
                    .any(|m| m.form != Form::Demonym && !named_before(m.actor))
                {
                    return w - 1;
                }
                w -= 3;
                continue;
            }
            // "Sen. John Cornyn (R-Texas) said", "Rep. Adam Schiff (D-Calif.) said": a short
            // bracket after the name, of no quotation mark or speech verb.
            if w > lo + 3 && self.key(w - 1) == ")" {
                if let Some(o) = (w.saturating_sub(8).max(lo + 1)..w - 1)
                    .rev()
                    .find(|&i| self.key(i) == "(")
                {
                    if o > lo
                        && self.cx.tokens.tokens[o - 1].cap
                        && (o + 1..w - 1).all(|i| self.key(i) != "\"" && !self.is_speech(i))
                    {
                        w = o;
                        continue;
                    }
                }
            }
            // "Mr. Sanders of Vermont said", "Senator Lindsey Graham of South Carolina said":
            // the place a person is from, after the name.
            if let Some(o) = self.home_after_name(lo, w) {
                w = o;
                continue;
            }
            // "Russia also said", "the agency however reported" (`speech.between`).
            if !(w > lo + 1 && self.cx.cues.is_between(self.key(w - 1))) {
                return w;
            }
            w -= 1;
        }
    }

    /// "of" and one or two capitalised words that name no actor but a place (or nothing listed:
    /// "of Vermont") right before token `w` (within `lo..w`), after a listed person's name or
    /// an unlisted name of two words or more (or one after "Mr.", "Sen." and other titles):
    /// the token of "of". Not after a body or a role ("the Ministry of Defense", "the head of
    /// Hezbollah").
    fn home_after_name(&self, lo: usize, w: usize) -> Option<usize> {
        let toks = &self.cx.tokens.tokens;
        let g = self.cx.gazetteer;
        (1..=2).find_map(|n| {
            let o = w.checked_sub(n + 1)?;
            if o < lo + 2 || self.key(o) != "of" {
                return None;
            }
            let place = (o + 1..w).all(|i| {
                toks[i].word
                    && toks[i].cap
                    && !toks[i].upper
                    && self.cx.mention_at(i).is_none_or(|m| m.place)
                    && !self.cx.cues.is_head_noun(self.key(i))
            });
            if !place {
                return None;
            }
            let person = match self.cx.mention_at(o - 1) {
                Some(m) => {
                    !m.place
                        && m.last as usize == o - 1
                        && g.actor(m.actor).kind == ActorKind::Person
                }
                None => self.reader().before(lo, o, &self.names).is_some_and(|r| {
                    r.end == o
                        && (self.name_words(r) >= 2
                            || (r.start > lo && self.cx.cues.is_title(self.key(r.start - 1)))
                            || (r.start > lo + 1
                                && self.key(r.start - 1) == "."
                                && self.cx.cues.is_title(self.key(r.start - 2))))
                }),
            };
            person.then_some(o)
        })
    }

    /// The comma that opens an appositive or a relative clause set off by commas right before
    /// the verb, the subject's end at `w` (from [`State::skip_back`]): "Maya Harris, a senior
    /// policy adviser to Mrs. Clinton, said", "Lavrov, who met Kerry in Geneva, said". The
    /// subject ends before it, and a name inside it is not who speaks. The clause opens with a
    /// relative pronoun, an article, a title or role noun, or has a possessive in its first
    /// three words ("Russia's foreign minister"); at most 25 tokens, no quotation mark, colon,
    /// bracket or other comma inside.
    fn parenthetical_before(&self, lo: usize, w: usize) -> Option<usize> {
        if w < lo + 4 || self.key(w - 1) != "," {
            return None;
        }
        let c = (lo + 1..w - 1)
            .rev()
            .take(25)
            .find(|&i| matches!(self.key(i), "," | "\"" | ":" | ";" | "(" | ")"))?;
        if self.key(c) != "," || c + 1 >= w - 1 {
            return None;
        }
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        let first = self.key(c + 1);
        let possessive = (c + 1..(c + 4).min(w - 1)).any(|i| {
            toks[i].word
                && crate::text::keys::strip_possessive(self.key(i)).len() < self.key(i).len()
        });
        // (Also a participle's phrase: "The protesters, angered by a comment Clinton made,
        // shouted", "Lavrov, speaking in Moscow, said".)
        let participle = !toks[c + 1].cap
            && toks[c + 1].word
            && first.len() > 4
            && (first.ends_with("ed") || first.ends_with("ing"));
        let opens = matches!(first, "who" | "whose" | "which" | "the")
            || determiner(first)
            || cues.is_title(first)
            || cues.is_person_noun(first)
            || possessive
            || participle;
        (opens && toks[c - 1].word).then_some(c)
    }

    /// "A U.N. spokesman, Stephane Dujarric, said": a person's name that fills the aside between
    /// two commas (the second right before the subject's end `w`), after a role of at most six
    /// words with a person noun and no subject pronoun (from `lo` or a comma after it), or of at
    /// most twelve that name a body after the noun ("The head of the Russian Center for
    /// Reconciliation, Sergei Chvarkin, said"), is who speaks, not the role before it. The voice
    /// and the name's first token.
    fn name_in_aside(&mut self, lo: usize, w: usize) -> Option<(Voice, usize)> {
        if w < lo + 4 || self.key(w - 1) != "," {
            return None;
        }
        let c = w - 1;
        let c0 = (lo + 1..c).rev().take(8).find(|&i| self.key(i) == ",")?;
        // The role: a short phrase that opens the clause ("His lawyer", "Turkey's finance
        // minister"), not the object of a clause before ("Four members of the commission met
        // with Francis' top abuse adviser, Cardinal Sean O'Malley, explained ...").
        let toks = &self.cx.tokens.tokens;
        // (After a subordinator the role opens its clause: "... comes after President Trump's
        // son, Donald Trump Jr., told".)
        let from = (lo..c0)
            .rev()
            .find(|&i| self.key(i) == "," || self.cx.cues.is_clause_conjunction(self.key(i)))
            .map_or(lo, |i| i + 1);
        let role_words = (from..c0).filter(|&i| toks[i].word).count();
        // A person noun in it ("Russia's envoy to the UN"), or a lowercase title before "of",
        // "for" or "at" ("The head of the monitoring group"), no subject pronoun ("He met the
        // envoy").
        let cues = self.cx.cues;
        let prep = |i: usize| i < c0 && matches!(self.key(i), "of" | "for" | "at");
        let noun = (from..c0).find(|&i| {
            let k = self.key(i);
            self.one_person(k)
                || cues.is_person_noun(k)
                || (cues.is_title(k) && !toks[i].cap && prep(i + 1))
        });
        let role = noun.is_some()
            && !(from..c0).any(|i| {
                let k = self.key(i);
                cues.is_pronoun(k) || matches!(k, "it" | "they" | "we" | "i")
            });
        // Longer, the role is its noun and the capitalised name of a body ("The head of the
        // Russian Center for Reconciliation", "The spokesman of the Russian Defense Ministry").
        let of_body = || {
            noun.is_some_and(|n| {
                prep(n + 1)
                    && (n + 2..c0).all(|i| {
                        !toks[i].word
                            || toks[i].cap
                            || matches!(self.key(i), "the" | "of" | "for" | "and" | "in")
                    })
            })
        };
        // ("Asked about Latham's comments the deputy Labor leader, Tanya Plibersek, said", a
        // comma lost: the role opens at its determiner.)
        let role_words = match noun {
            Some(n) if role_words > 6 && !of_body() => (from..n)
                .rev()
                .find(|&i| determiner(self.key(i)))
                .map_or(role_words, |d| (d..c0).filter(|&i| toks[i].word).count()),
            _ => role_words,
        };
        if !role || role_words > 12 || (role_words > 6 && !of_body()) {
            return None;
        }
        let (source, after) = self.named_at(c0 + 1, c)?;
        let person = match source {
            Ok(x) => self.cx.gazetteer.actor(x).kind == ActorKind::Person,
            Err(_) => true,
        };
        // (The dot of a generational suffix may stand before the comma: "Donald Trump Jr.,".)
        let suffix_dot = after + 1 == c && crate::text::keys::suffix_dot(self.cx.tokens, after);
        ((after == c || suffix_dot) && person).then(|| (self.cited(source), c0 + 1))
    }

    /// Who speaks when the subject ends at the comma `c` that opens a parenthetical
    /// ([`State::parenthetical_before`], and any parenthetical right before that one): the
    /// speaker phrase before it, else a description of
    /// up to four words before it, else `unknown` (never a name inside the parenthetical). A
    /// one-word name before an appositive that describes a person ("Manal, a 28-year-old
    /// teacher, said") is read with the appositive up to the verb's subject end `w`.
    fn subject_of_parenthetical(&mut self, lo: usize, c: usize, w: usize) -> Voice {
        // "Caroline Kennedy, Kennedy's daughter, who presented Obama with the award, said":
        // one parenthetical after another.
        // (Not a phrase that opens the sentence with a preposition: "In Syria, President Bashar
        // al-Assad, accused by the opposition of ..., said" is Assad's.)
        let mut c = c;
        while let Some(before) = self.parenthetical_before(lo, c + 1) {
            let opens = (lo..before)
                .rev()
                .find(|&i| self.key(i) == ",")
                .map_or(lo, |i| i + 1);
            if self.cx.cues.is_place_before(self.key(opens)) {
                break;
            }
            c = before;
        }
        if let Some((voice, _)) = self.subject_before(lo, c) {
            return voice;
        }
        if let Some((voice, _)) = self.apposed(lo, w) {
            return voice;
        }
        let pos = self.cx.tokens.tokens[c].span.start;
        self.descriptor(c.saturating_sub(4).max(lo), c, pos)
            .unwrap_or(Voice::Unknown)
    }

    /// The first token of a pre-posed cue whose verb is at `v`, from `lo`: after the last
    /// quotation mark before the verb, so that a cue never holds an earlier quote.
    pub(super) fn after_last_quote_mark(&self, lo: usize, v: usize) -> usize {
        (lo..v)
            .rev()
            .find(|&i| self.key(i) == "\"")
            .map_or(lo, |i| (i + 1).min(v))
    }

    /// The speaker phrase that ends right before token `v`: a name ending at `v - 1`, or a
    /// descriptor or pronoun whose head noun is `v - 1` (with up to four words before it). Its
    /// voice and first token.
    fn subject_before(&mut self, lo: usize, v: usize) -> Option<(Voice, usize)> {
        // Last, a person noun before a phrase that says where or of what ("A woman at the
        // crossing said").
        self.subject_of_verb(lo, v)
            .or_else(|| self.person_before_phrase(lo, v))
    }

    /// [`Self::subject_before`] but for the person noun before a phrase.
    fn subject_of_verb(&mut self, lo: usize, v: usize) -> Option<(Voice, usize)> {
        if v <= lo {
            return None;
        }
        // "The British ambassador to the United Nations said": the person posted there, for
        // the country or body the description names.
        if let Some(found) = self.envoy_before(lo, v) {
            return Some(found);
        }
        // "The local White Helmets in the central Hama province said", "Sergei Lavrov in
        // Moscow said": the subject before a place phrase (not one inside a relative clause:
        // "Youkhana who works ... in the region said"). A description there names an actor
        // only by a name in it or by its head noun ("the defence ministry in Moscow" is not
        // the last organisation that spoke). Not in a title-cased line ("Terrorist Bomb
        // Targets Bus in Damascus Claims ...").
        let title_case = self.cx.tokens.tokens[v].cap;
        let phrase = self.place_phrase_before(lo, v).filter(|_| !title_case);
        // "Khaled Omar of the opposition Local Council in Ain Tarma said": the person of the
        // body before the place (listed or not) speaks, not the body named by its place.
        if let Some(found) = phrase
            .or_else(|| self.capitalised_place_before(lo, v))
            .filter(|_| !title_case)
            .and_then(|p| self.person_of_body(lo, p))
        {
            return Some(found);
        }
        if let Some(found) = self.body_in_unlisted_place(lo, v).filter(|_| !title_case) {
            return Some(found);
        }
        if let Some(p) = phrase {
            let relative = (lo..p).any(|i| matches!(self.key(i), "who" | "which" | "based"));
            self.place_country.set(self.country_in(p + 1, v));
            let found = self.subject_before(lo, p).filter(|_| !relative);
            self.place_country.set(None);
            if let Some((voice, first)) = found {
                let g = self.cx.gazetteer;
                let head = self.key(p - 1);
                let fits = match voice {
                    Voice::Source(a) => {
                        self.mentions_in(first, p).any(|m| m.actor == a)
                            || g.has_name_word(a, head)
                            || g.actor(a)
                                .descriptors
                                .iter()
                                .any(|d| d.split_whitespace().last() == Some(head))
                    }
                    _ => true,
                };
                return Some(if fits {
                    (voice, first)
                } else {
                    (Voice::Unknown, first)
                });
            }
        }
        if let Some(found) = self.person_of_body(lo, v) {
            return Some(found);
        }
        // "The Daesh group in a statement published by its affiliated Aamaq news agency said",
        // "The U.S.-based rights group in a report issued in New York said": who carried the
        // statement, or where, is no speaker; the subject stands before "in a statement".
        if let Some(q) = (lo + 2..v.saturating_sub(1)).find(|&i| {
            matches!(self.key(i + 1), "by" | "in" | "on" | "at" | "from")
                && matches!(
                    self.key(i),
                    "published" | "carried" | "broadcast" | "released" | "posted" | "issued"
                )
        }) {
            if let Some(pp) = (q.saturating_sub(5).max(lo + 1)..q)
                .rev()
                .find(|&i| matches!(self.key(i), "in" | "through" | "via"))
            {
                return self.subject_before(lo, pp);
            }
        }
        // "Residents contacted by Reuters said", "Doctors interviewed by AFP said", "Two
        // activists reached by telephone said": who reached the source, and how, is no speaker;
        // the subject stands before the participle (`[speech] contacted`), within five tokens
        // of the verb.
        if let Some(q) = (v.saturating_sub(6).max(lo + 1)..v)
            .find(|&i| self.cx.cues.is_contacted(self.key(i)) && !self.cx.tokens.tokens[i].cap)
        {
            return self.subject_before(lo, q);
        }
        // "A doctor living in Akruma area said", "Security officials speaking on condition of
        // anonymity said", "A Syrian rescue service operating in rebel-held territory said",
        // "U.N. experts investigating war crimes said" (`State::participle_object`):
        // a participle and where or how the subject is, within seven words of the verb, stand
        // between the subject and its verb; the word before the verb is no source's noun or
        // name ("... clashes continuing in the area the observatory said" keeps the
        // observatory).
        let toks = &self.cx.tokens.tokens;
        let before_verb = self.skip_back(lo, v).saturating_sub(1);
        let source_before = before_verb >= lo && {
            let k = self.key(before_verb);
            self.cx.cues.is_head_noun(k)
                || self.cx.cues.is_institutional(k)
                || self.cx.mention_at(before_verb).is_some_and(|m| !m.place)
        };
        if !source_before {
            if let Some(q) = (v.saturating_sub(8).max(lo + 1)..v.saturating_sub(2)).find(|&i| {
                let k = self.key(i);
                toks[i].word
                    && !toks[i].cap
                    && k.len() > 5
                    && k.ends_with("ing")
                    && !self.cx.cues.is_ing_preposition(k)
                    && (matches!(
                        self.key(i + 1),
                        "in" | "on" | "at" | "from" | "inside" | "near" | "for" | "with"
                    ) || self.participle_object(i, v))
                    && toks[i - 1].word
                    && (i..v).all(|j| toks[j].word || self.cx.joining_hyphen(j))
            }) {
                if let Some(found) = self.subject_before(lo, q) {
                    return Some(found);
                }
            }
        }
        // "Assad in an interview on the U.S. CBS television network denied", "Lavrov in an
        // interview with RT said", "The Observatory in a statement said": where or to whom it
        // was said is no speaker; the subject stands before "in".
        if let Some(i) = (lo + 1..v.saturating_sub(2)).find(|&i| {
            self.key(i) == "in"
                && (i + 1..(i + 5).min(v)).any(|j| {
                    matches!(
                        self.key(j),
                        "interview" | "statement" | "speech" | "address" | "letter" | "remarks"
                    )
                })
                && matches!(
                    self.key(i + 1),
                    "a" | "an" | "the" | "his" | "her" | "its" | "their"
                )
        }) {
            if let Some(found) = self.subject_before(lo, i) {
                return Some(found);
            }
        }
        let pos = self.cx.tokens.tokens[v].span.start;
        if let Some(m) = self.named_in(lo, v).last().copied() {
            // "... head of QRCS's health program in Turkey described": a country after a
            // preposition of place is where the subject is, not the subject.
            // ... also inside a place phrase ("in northern Syria said").
            let place = self.cx.gazetteer.actor(m.actor).kind == ActorKind::Country
                && m.first as usize > lo
                && (PLACE_PREPOSITIONS.contains(&self.key(m.first as usize - 1))
                    || phrase.is_some_and(|p| p < m.first as usize));
            if m.last as usize + 1 == v {
                if !place {
                    // "Rami Abdurrahman who heads ... the Syrian Observatory said": the body
                    // named in a relative clause describes the person who speaks.
                    let g = self.cx.gazetteer;
                    if let Some(n) = self
                        .name_before_clause(lo, m.first as usize, &["who"])
                        .filter(|n| g.actor(n.actor).kind == ActorKind::Person)
                    {
                        return Some((Voice::Source(n.actor), n.first as usize));
                    }
                    // "Jabhat al-Nusra which is linked to al-Qaeda announced", "The news website
                    // El-Dorar Al-Shamia that is affiliated to the Syrian opposition said"
                    // (commas lost): a name that is the object of a preposition in a relative
                    // clause describes the subject before the clause, listed or not, else
                    // someone unknown.
                    if let Some(found) = self.antecedent_of_object(lo, m.first as usize) {
                        return Some(found);
                    }
                    return Some((Voice::Source(m.actor), m.first as usize));
                }
                // "The Observatory which monitors violence in Syria said", "The Observatory
                // based in Britain said": the name before the clause that holds the place.
                let first = m.first as usize;
                if let Some(n) = self.name_before_clause(lo, first, &["which", "who", "based"]) {
                    return Some((Voice::Source(n.actor), n.first as usize));
                }
            }
        }
        // "An activist in Deir al-Zour who spoke on condition of anonymity told Reuters", "A
        // resident who asked not to be named said": the subject before a relative clause that
        // runs to the verb (its words only, no second clause in it).
        if let Some(found) = self.subject_before_relative(lo, v) {
            return Some(found);
        }
        let head = self.key(v - 1);
        let cues = self.cx.cues;
        let toks = &self.cx.tokens.tokens;
        let is_head = cues.is_head_noun(head) || head == "they" || head == "it";
        // A time phrase before the verb ("Lavrov in September said", "The US-led coalition
        // which launched an air war ... last September said"): the subject is before it, or
        // before the relative clause that holds it (read by the caller); else `unknown`.
        if toks[v - 1].cap && crate::actors::CALENDAR.contains(&head) {
            let mut t = v - 1;
            while t > lo && {
                let k = self.key(t - 1);
                matches!(
                    k,
                    "in" | "on" | "last" | "early" | "late" | "mid" | "this" | "next"
                ) || k.bytes().all(|c| c.is_ascii_digit())
                    || crate::actors::CALENDAR.contains(&k)
            } {
                t -= 1;
            }
            if (lo..t).any(|i| matches!(self.key(i), "which" | "who")) {
                return None;
            }
            if t < v - 1 {
                if let Some(found) = self.subject_before(lo, t) {
                    return Some(found);
                }
            }
            return Some((Voice::Unknown, t));
        }
        // "The Shaar Media Center said", "Shaam News Network said": a body the gazetteer does
        // not know, named by capitalised words that end in its noun, is a speaker of its own,
        // as the closing "..., Shaam News Network said" reads it (no listed actor inside:
        // "The Syrian Defense Ministry said" is a description).
        if toks[v - 1].cap
            && v >= lo + 2
            && toks[v - 2].word
            && toks[v - 2].cap
            && cues.is_body_noun(head)
            && !cues.is_person_noun(head)
        {
            if let Some(run) = self.run_before(lo, v) {
                // (Three words or more, or one that is no common word: "State TV said",
                // "Defense Ministry announced" are descriptions.)
                let words: Vec<usize> = (run.start..run.end)
                    .filter(|&i| self.cx.tokens.tokens[i].word)
                    .collect();
                let common = crate::lexicon::names::CommonWords::bundled();
                if (words.len() >= 3 || (words.len() == 2 && !common.contains(self.key(words[0]))))
                    && self.mentions_in(run.start, v).next().is_none()
                {
                    // ("the Mint Press News reported": its determiner opens the cue.)
                    let first = if run.start > lo && determiner(self.key(run.start - 1)) {
                        run.start - 1
                    } else {
                        run.start
                    };
                    return Some((self.name_voice(run), first));
                }
            }
        }
        // A name the gazetteer does not know ("Sino said", "Activist Mamun Abu Omar said"): an
        // unlisted speaker of its own; a capitalised run that is no name stays `unknown`, but
        // the content is still the speaker's.
        if toks[v - 1].word && toks[v - 1].cap && !cues.is_pronoun(head) && !is_head {
            if let Some(found) = self.body_at_place(lo, v) {
                return Some(found);
            }
            let toks = &self.cx.tokens.tokens;
            let mut start = v - 1;
            while start > lo && v - start < 5 && toks[start - 1].word && toks[start - 1].cap {
                start -= 1;
            }
            // "US Central Command which oversees US military operations in the Middle East
            // said": the name before the clause, else `unknown`.
            if let Some(p) = self.place_in_clause(lo, start) {
                if let Some(n) = self.name_before_clause(lo, p, &["which", "who"]) {
                    return Some((Voice::Source(n.actor), n.first as usize));
                }
                return Some((Voice::Unknown, start));
            }
            if let Some(found) = self.name_before(lo, v) {
                return Some(found);
            }
            let first_of_sentence = start == lo;
            let one_common_word = v - start == 1 && first_of_sentence;
            // One capitalised word opening the sentence right before the verb ("Belmar said",
            // "Prosecutors said"): a name spoken of nowhere before, or a plural noun; either way
            // someone reports it, unnamed. Not a stop word or sentence adverb ("That said,
            // ..."), nor a place ("Homs once dubbed ..."); before a comma, an appositive may
            // name it ("Manal, a teacher, said").
            // A people named by a plural demonym ("Syrians say ...") speaks as someone
            // unnamed too.
            let people = self
                .cx
                .mention_at(start)
                .is_some_and(|m| m.form == Form::Demonym && head.ends_with('s'));
            if !one_common_word
                || (self.key(v) != ","
                    && (people
                        || (self.reader().name_word(start)
                            && !self.cx.gazetteer.is_place_word(head))))
            {
                // "an NGO said": the determiner opens the speaker phrase.
                if start > lo && determiner(self.key(start - 1)) {
                    start -= 1;
                }
                return Some((Voice::Unknown, start));
            }
        }
        if cues.is_pronoun(head) {
            return self.descriptor(v - 1, v, pos).map(|d| (d, v - 1));
        }
        if !is_head {
            return None;
        }
        // "... three children and three women it said Friday", "... on Thursday it said.":
        // "it" and "they" are the whole subject; the words before them (a comma lost) describe
        // no one.
        // Not a verb that ends a subordinate clause ("welcoming each new candidate as they
        // announced."): nothing is reported.
        if matches!(head, "it" | "they") {
            let subordinate = v >= 2 && {
                let k = self.key(v - 2);
                self.cx.cues.is_clause_conjunction(k) || matches!(k, "if" | "what")
            };
            let toks = &self.cx.tokens.tokens;
            let ends = toks
                .get(v + 1)
                .is_none_or(|t| !t.word && matches!(self.key(v + 1), "." | "!" | "?" | ";"));
            if subordinate && ends {
                return None;
            }
            return self.descriptor(v - 1, v, pos).map(|d| (d, v - 1));
        }
        // Back over the modifiers of the head: lowercase words and names ("the Iranian foreign
        // minister", "a military source").
        let mut start = v - 1;
        while start > lo && v - start < 5 {
            // "Another U.S. official said": the final dot of an initialism is part of it.
            if start > lo + 1 && crate::text::keys::initialism_dot(self.cx.tokens, start - 1) {
                start -= 1;
                continue;
            }
            if !toks[start - 1].word {
                break;
            }
            let k = self.key(start - 1);
            // "... close to the border with Turkey local sources said": a place or country
            // after a preposition is its object, before a description in lowercase words.
            let object = start >= lo + 2
                && (PLACE_PREPOSITIONS.contains(&self.key(start - 2))
                    || self.key(start - 2) == "with")
                && self.cx.mention_at(start - 1).is_some_and(|m| {
                    m.first as usize == start - 1
                        && (m.place || self.cx.gazetteer.actor(m.actor).kind == ActorKind::Country)
                })
                && (start..v).all(|i| toks[i].word && !toks[i].cap);
            // "... al-Baath on Saturday local media reported": a day or month closes the
            // clause before the description.
            if cues.is_reporting(k)
                || k == "and"
                || k == "that"
                || crate::actors::CALENDAR.contains(&k)
                || object
            {
                break;
            }
            start -= 1;
            // A noun phrase opens with its determiner: "US advisors a Pentagon spokesman" is
            // "a Pentagon spokesman" after the words of the clause before it.
            if determiner(k) {
                break;
            }
        }
        // A name that the modifiers above cut at its hyphen is whole in the description
        // ("Al-Alam news website said": the outlet, not "Alam news website").
        // (Before a body's or outlet's noun, at most two words after the name, each a body's
        // or outlet's noun or a lowercase modifier: not "U.S.-led coalition operation security
        // sources", whose sources are no coalition's.)
        if start >= lo + 2 && self.cx.joining_hyphen(start - 1) && cues.is_body_noun(head) {
            if let Some(m) = self.cx.mention_at(start).filter(|m| {
                let last = m.last as usize;
                m.first as usize + 2 <= start
                    && m.first as usize >= lo
                    && !m.place
                    && last + 3 >= v
                    && (last + 1..v)
                        .all(|i| toks[i].word && (!toks[i].cap || cues.is_body_noun(self.key(i))))
            }) {
                start = m.first as usize;
            }
        }
        // A compound joined by a hyphen before the description ("the US-based rights group",
        // "the pro-regime Hezbollah group") and its determiner belong to the subject's phrase
        // (the cue), not to the description the speaker is read from ("pro-opposition" names
        // no one).
        let desc = start;
        while start >= lo + 2 && self.cx.joining_hyphen(start - 1) && toks[start - 2].word {
            start -= 2;
        }
        if start < desc && start > lo && determiner(self.key(start - 1)) {
            start -= 1;
        }
        // "Human Rights Watchs 16-page report said": a body named right before a report or a
        // statement (its possessive, the apostrophe lost or not) is whose it is; not one before
        // a description with its own determiner ("... the Islamic State group a monitoring
        // group said").
        // A person's office or campaign speaks for the person ("Netanyahu's office said",
        // "Erdogan's press office said": `[descriptors] staff`).
        if cues.is_staff(head) {
            let mut p = v - 1;
            while p > lo && v - p < 3 && toks[p - 1].word && !toks[p - 1].cap {
                p -= 1;
            }
            if let Some(m) = (p > lo && self.possessive(p - 1))
                .then(|| self.cx.mention_at(p - 1))
                .flatten()
                .filter(|m| {
                    m.last as usize + 1 == p
                        && !m.place
                        && m.form != Form::Demonym
                        && self.cx.gazetteer.actor(m.actor).kind == ActorKind::Person
                })
            {
                return Some((Voice::Source(m.actor), m.first as usize));
            }
        }
        if cues.is_body_noun(head) && !determiner(self.key(start)) {
            let g = self.cx.gazetteer;
            if let Some(m) = self.mentions_in(lo, start).last().filter(|m| {
                m.last as usize + 1 == start
                    && self.possessive(start - 1)
                    && !m.place
                    && m.form != Form::Demonym
                    && g.actor(m.actor).kind != ActorKind::Person
                    && g.actor(m.actor).kind != ActorKind::Country
            }) {
                return Some((Voice::Source(m.actor), m.first as usize));
            }
        }
        // "The Britain-based Observatory which relies on a vast network of activists on the
        // ground and medics said": an anonymous head inside a relative clause is no subject;
        // the name before the clause is.
        if cues.is_anonymous(head) {
            if let Some(n) = self.name_before_clause(lo, start, &["which", "who"]) {
                return Some((Voice::Source(n.actor), n.first as usize));
            }
        }
        self.descriptor(desc, v, pos).map(|d| (d, start))
    }

    /// "lives" or "life" as the object of the verb at `v` (before `end`): within six tokens,
    /// before any "that", comma or auxiliary ("claimed the lives of 80 people", "claimed more
    /// than 100 civilian lives"): a toll, no claim.
    fn lives_after(&self, v: usize, end: usize) -> bool {
        (v + 1..end.min(v + 7))
            .take_while(|&i| {
                let k = self.key(i);
                k != "that" && k != "," && !self.cx.cues.is_auxiliary(k)
            })
            .any(|i| matches!(self.key(i), "lives" | "life"))
    }

    /// "X was quoted (by Y) as saying": "quoted" at `i` after a form of "be", whose subject is
    /// the one quoted, not who quoted.
    fn passive_quoted(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.key(i - 1),
                "was" | "were" | "is" | "are" | "been" | "being"
            )
    }

    /// A word that opens a clause of its own inside a subject's phrase: a conjunction, a
    /// relative pronoun or a personal pronoun ("who fired and they said").
    fn clause_word(&self, k: &str) -> bool {
        self.cx.cues.is_clause_conjunction(k)
            || matches!(k, "and" | "but" | "or" | "who" | "which")
            || self.cx.cues.is_pronoun(k)
    }

    /// The subject before a relative clause opened by "who" (or "which", after a body) that ends
    /// right before the verb at `v` (within twelve tokens): the clause is words only, with no
    /// conjunction or personal pronoun that would open a clause of its own ("who fired and they
    /// said"), and its first word is not the clause's own subject.
    fn subject_before_relative(&mut self, lo: usize, v: usize) -> Option<(Voice, usize)> {
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        let who = (v.saturating_sub(12).max(lo + 1)..v.saturating_sub(1))
            .rev()
            .find(|&i| matches!(self.key(i), "who" | "which"))?;
        let clause_only = (who + 1..v).all(|i| toks[i].word && !self.clause_word(self.key(i)));
        // The clause's own subject right after "who" ("the woman who Republicans denied", "four
        // women who authorities said were murdered") makes the verb theirs.
        let next = self.key(who + 1);
        let own_subject = toks[who + 1].cap
            || determiner(next)
            || cues.is_person_noun(next)
            || cues.is_anonymous(next)
            || cues.is_institutional(next);
        if !clause_only || own_subject || !toks[who - 1].word {
            return None;
        }
        // "The monitor which relies on a network of sources ... said": "which" only after a
        // listed body that is no country or person, and the clause's last word no determiner
        // ("which is home to an estimated") or head noun that would be the verb's own subject
        // ("... which are controlled by IS activists said").
        let which = self.key(who) == "which";
        let last = self.key(v - 1);
        if which && (determiner(last) || cues.is_head_noun(last)) {
            return None;
        }
        let g = self.cx.gazetteer;
        // A negative subject reports nothing ("none of the women who have come forward have
        // alleged ...").
        self.subject_before(lo, who).filter(|&(voice, first)| {
            !(lo.max(first.saturating_sub(2))..who)
                .any(|i| matches!(self.key(i), "none" | "no" | "neither" | "nobody"))
                && (!which
                    || matches!(voice, Voice::Source(x)
                        if !matches!(g.actor(x).kind, ActorKind::Person | ActorKind::Country)))
        })
    }

    /// "A woman at the crossing said", "A doctor at a hospital in Aleppo said": a person or
    /// anonymous noun, then a phrase of place opened by a preposition (within six tokens, words
    /// only, no verb, clause word or time in it) right before the verb at `v`; the subject is
    /// the noun's phrase. Not "of": what follows it says whose the person is ("the field
    /// commander of pro-government troops"), which the descriptor must read.
    fn person_before_phrase(&mut self, lo: usize, v: usize) -> Option<(Voice, usize)> {
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        let prep = (v.saturating_sub(7).max(lo + 1)..v.saturating_sub(1))
            .rev()
            .find(|&i| {
                matches!(self.key(i), "at" | "in" | "from" | "near" | "inside") && !toks[i].cap && {
                    let k = self.key(i - 1);
                    toks[i - 1].word && (cues.is_person_noun(k) || cues.is_anonymous(k))
                }
            })?;
        let phrase_only = (prep + 1..v).all(|i| {
            let k = self.key(i);
            (toks[i].word || self.cx.joining_hyphen(i))
                && !self.is_speech(i)
                && !cues.is_reporting(k)
                && !cues.is_auxiliary(k)
                && !self.clause_word(k)
                && !matches!(k, "that" | "it" | "they")
                && !crate::actors::CALENDAR.contains(&k)
                && !k.bytes().any(|c| c.is_ascii_digit())
        });
        if !phrase_only {
            return None;
        }
        self.subject_before(lo, prep)
    }

    /// "Jan Egeland of the Norwegian Refugee Council said", "Laila Kiki of The Syria Campaign
    /// noted": a person's name (and a role after it: "Rami Abdel Rahman head of ..."), then
    /// "of", "at", "from" or "with" and the name of a body (its capitalised words, particles,
    /// hyphens, "and" and "for" between two of its words, "the" opening it, lowercase words
    /// describing it, or its lowercase noun: "of the activist group") right before the verb at
    /// `v`. The person speaks, not the body: a person of the gazetteer
    /// or an unlisted name of two words or more (or one after a capitalised title) that ends in
    /// no organisation or outlet noun,
    /// with no preposition before it ("the families of Ahmed Ali of the Red Crescent"). Its
    /// voice and first token; an unlisted person is affiliated with the body when the
    /// gazetteer lists it.
    fn person_of_body(&mut self, lo: usize, v: usize) -> Option<(Voice, usize)> {
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        // Not in a title-cased line ("Related Turkish Forces Destroy Two Tonnes of Kurdish
        // Militants Explosives Says ..."). The body may be described in lowercase before its
        // name or its noun ("of the activist-run Hama Media Center", "of the activist group"),
        // and "for" may join two words of its name ("of the Syrian Observatory for Human
        // Rights").
        if v < lo + 4
            || !(toks[v - 1].word && (toks[v - 1].cap || cues.is_org_noun(self.key(v - 1))))
            || toks.get(v).is_some_and(|t| t.cap)
        {
            return None;
        }
        let stop = self.cx.stopwords;
        // "spokesman for the World Food Programme": "for" after a role word.
        let role_before = |j: usize| {
            j > 0 && {
                let k = self.key(j - 1);
                toks[j - 1].word && !toks[j - 1].cap && (cues.is_title(k) || cues.is_person_noun(k))
            }
        };
        let opens = |j: usize| {
            !toks[j].cap
                && (matches!(self.key(j), "of" | "at" | "from" | "with")
                    || (self.key(j) == "for" && role_before(j)))
        };
        let mut i = v - 1;
        // Tokens inside a listed body's name, which may hold "of" or "for" ("the UN Office
        // for the Coordination of Humanitarian Affairs"): read as one word.
        let mut inside = 0;
        let prep = loop {
            if i <= lo + 1 || v - i > 9 + inside {
                return None;
            }
            if let Some(m) = self.cx.mention_at(i - 1).filter(|m| {
                (m.first as usize) < i - 1
                    && m.first as usize > lo + 1
                    && !m.place
                    && self.cx.gazetteer.actor(m.actor).kind != ActorKind::Person
            }) {
                inside += i - 1 - m.first as usize;
                i = m.first as usize;
                continue;
            }
            let k = self.key(i - 1);
            let t = &toks[i - 1];
            if opens(i - 1) {
                break i - 1;
            }
            let the = k == "the" && opens(i - 2);
            let and = k == "and" && toks[i - 2].cap && toks[i].cap;
            let joins = k == "for" && toks[i - 2].cap && toks[i].cap;
            let part = t.word && !t.cap && cues.is_particle(k);
            // Not a title or role ("Fraternal Order of Police president Chuck Canterbury"):
            // the person is after it; unless a body's noun ends the words after it ("of the
            // opposition Local Council": "opposition" describes the council).
            let described = t.word
                && !t.cap
                && !stop.contains(k)
                && !cues.is_speech(k)
                && !cues.is_reporting(k)
                && !((cues.is_title(k) || cues.is_person_noun(k))
                    && toks[i].cap
                    && !cues.is_org_noun(self.key(v - 1)));
            if !((t.word && t.cap)
                || the
                || and
                || joins
                || part
                || described
                || self.cx.joining_hyphen(i - 1))
            {
                return None;
            }
            i -= 1;
        };
        if prep <= lo {
            return None;
        }
        let body = self
            .bodies_in(prep + 1, v)
            .find(|m| self.cx.gazetteer.actor(m.actor).kind != ActorKind::Country)
            .map(|m| m.actor);
        // What stands before the person: no preposition ("the families of Ahmed Ali of ..."),
        // "as" ("Michelle Obama as First Lady of the United States") or determiner ("the
        // International Federation of Red Cross ...", "the General Staff of the Armed Forces of
        // ...": a body's name with "of" in it).
        let before_person = |first: usize| {
            first == lo || {
                let k = self.key(first - 1);
                !(cues.is_place_before(k) || k == "as" || determiner(k))
            }
        };
        // A role between the person and the preposition, commas lost ("Rami Abdel Rahman head
        // of the Syrian Observatory", "... the director of ..."): the person is before it.
        let mut pe = prep;
        while pe > lo + 1 && prep - pe < 3 && {
            let k = self.key(pe - 1);
            toks[pe - 1].word && !toks[pe - 1].cap && (cues.is_title(k) || cues.is_person_noun(k))
        } {
            pe -= 1;
        }
        if pe < prep && pe > lo + 1 && determiner(self.key(pe - 1)) && !toks[pe - 1].cap {
            pe -= 1;
        }
        let prep = pe;
        let g = self.cx.gazetteer;
        if let Some(m) = self.named_in(lo, prep).last().copied() {
            if m.last as usize + 1 == prep {
                let person = g.actor(m.actor).kind == ActorKind::Person;
                return (person && before_person(m.first as usize))
                    .then_some((Voice::Source(m.actor), m.first as usize));
            }
        }
        let mut run = self.reader().before(lo, prep, &self.names)?;
        let last = self.key(run.end - 1);
        // One word will do after a capitalised title ("Sheriff Tackitt of Wilson County").
        let titled =
            run.start > lo && toks[run.start - 1].cap && cues.is_title(self.key(run.start - 1));
        if (self.name_words(run) < 2 && !titled)
            || cues.is_org_noun(last)
            || cues.is_outlet_noun(last)
            || !before_person(run.start)
        {
            return None;
        }
        run.affiliation = run.affiliation.or(body);
        Some((self.name_voice(run), run.start))
    }

    /// The preposition of place (within eight tokens) that opens a place phrase ending right
    /// before token `v` (after `lo`): places (a listed place, a metonym used as a place, a
    /// capitalised word before a place word: "the central Hama province"), place words
    /// ("northern", "the town"), "the", "of", particles and hyphens inside names; at least one
    /// place or place word. A capitalised word that is no place ends it ("in Idlib Leys
    /// el-Faris told", "at the Local Coordinating Committees said").
    fn place_phrase_before(&self, lo: usize, v: usize) -> Option<usize> {
        let toks = &self.cx.tokens.tokens;
        let g = self.cx.gazetteer;
        let mut place_word_after = false;
        let mut content = false;
        let mut i = v;
        while i > lo + 1 && v - i < 8 {
            i -= 1;
            let k = self.key(i);
            // (A participle takes a place as a preposition does: "A U.N. team visiting Syria
            // says" is the team's.)
            let participle = self.participle_word(i);
            if (PLACE_PREPOSITIONS.contains(&k) || participle) && !toks[i].cap {
                return (content && i < v - 1).then_some(i);
            }
            let hyphen = self.cx.joining_hyphen(i);
            // "the" opens the place's noun phrase, right after the preposition or "of" ("in
            // Syria the US said" holds two phrases).
            let the = k == "the" && {
                let b = self.key(i - 1);
                b == "of" || PLACE_PREPOSITIONS.contains(&b)
            };
            if hyphen || the || k == "of" || self.cx.cues.is_particle(k) {
                continue;
            }
            if !toks[i].word {
                return None;
            }
            // A listed place of several words ("from Deir al-Zor"): back to its first word.
            if self.cx.mention_at(i).is_none() {
                if let Some((first, _)) = self
                    .cx
                    .listed_place_ending(lo, i)
                    .filter(|&(first, _)| first < i)
                {
                    i = first;
                    content = true;
                    continue;
                }
            }
            // A place mention, or a country's ("in northern Syria").
            let place = match self.cx.mention_at(i) {
                Some(x) => x.place || g.actor(x.actor).kind == ActorKind::Country,
                None if toks[i].cap => place_word_after || g.is_place_word(k),
                None => {
                    let w = self.cx.cues.is_place_word(k);
                    place_word_after |= w;
                    w
                }
            };
            if !place {
                return None;
            }
            content = true;
        }
        None
    }

    /// A preposition of place, then one to three capitalised words (particles and hyphens
    /// between them) right before the verb at `v`: "in Ain Tarma said". The preposition's token.
    fn capitalised_place_before(&self, lo: usize, v: usize) -> Option<usize> {
        let toks = &self.cx.tokens.tokens;
        let mut i = v;
        let mut words = 0;
        while i > lo + 1 && words < 4 {
            i -= 1;
            let k = self.key(i);
            if PLACE_PREPOSITIONS.contains(&k) && !toks[i].cap {
                return (words > 0).then_some(i);
            }
            if self.cx.joining_hyphen(i) || self.cx.cues.is_particle(k) {
                continue;
            }
            if !(toks[i].word && toks[i].cap) {
                return None;
            }
            words += 1;
        }
        None
    }

    /// "The Russian Coordination Center in Hmeimim reported", "The Syrian Observatory in
    /// Coventry said": a listed body (no person, place or demonym), a preposition of place, then
    /// one to three capitalised words that name no actor and no listed place (a place the
    /// gazetteer does not know; `place_phrase_before` reads the listed ones), perhaps a place's
    /// noun ("airbase"), up to the verb at `v`: the body speaks. The voice and the first token
    /// of the subject (its determiner included).
    fn body_in_unlisted_place(&self, lo: usize, v: usize) -> Option<(Voice, usize)> {
        let toks = &self.cx.tokens.tokens;
        let g = self.cx.gazetteer;
        let mut e = v;
        while e > lo && v - e < 5 && !toks[e - 1].cap && self.cx.cues.is_place_word(self.key(e - 1))
        {
            e -= 1;
        }
        let mut p = e;
        while p > lo && e - p < 3 && toks[p - 1].word && toks[p - 1].cap {
            let k = self.key(p - 1);
            if self.cx.mention_at(p - 1).is_some() || g.is_any_name_word(k) || g.is_place_word(k) {
                return None;
            }
            p -= 1;
        }
        if p == e || p < lo + 2 || toks[p - 1].cap || !PLACE_PREPOSITIONS.contains(&self.key(p - 1))
        {
            return None;
        }
        let m = self
            .cx
            .mention_at(p - 2)
            .filter(|m| m.last as usize == p - 2 && m.first as usize >= lo)?;
        if m.place || m.form == Form::Demonym || g.actor(m.actor).kind == ActorKind::Person {
            return None;
        }
        let first = m.first as usize;
        let first = if first > lo && determiner(self.key(first - 1)) {
            first - 1
        } else {
            first
        };
        Some((Voice::Source(m.actor), first))
    }

    /// "A source at Aleppo Police Command said", "a source in Deir Ezzor Governorate": a source
    /// at a body named by a place and capitalised words that a gazetteer actor of the place's
    /// country declares as a descriptor ("police command", "governorate"); that actor, the one
    /// of that country. The voice and the first token of the source's phrase.
    fn body_at_place(&self, lo: usize, v: usize) -> Option<(Voice, usize)> {
        let toks = &self.cx.tokens.tokens;
        let g = self.cx.gazetteer;
        // The place that ends right before token `i`: an actor's mention (a metonym or a
        // country) or a listed place of up to three words ("Deir Ezzor"). Its first token and
        // its country.
        let place_before = |i: usize| -> Option<(usize, ActorId)> {
            match self.cx.mention_at(i - 1) {
                Some(m) => Some((m.first as usize, g.country(m.actor)?)),
                None => self.cx.listed_place_ending(lo, i - 1),
            }
        };
        // The body's capitalised words (one to three) after the place, shortest first.
        for i in (v.saturating_sub(3).max(lo + 1)..v).rev() {
            if !(toks[i].word && toks[i].cap) || self.cx.mention_at(i).is_some() {
                break;
            }
            let Some((place, country)) = place_before(i) else {
                continue;
            };
            // The preposition, then the source right before it ("A source at", "a police
            // source in").
            if place < lo + 2 || !matches!(self.key(place - 1), "at" | "in" | "from" | "of") {
                continue;
            }
            let noun = place - 2;
            let k = self.key(noun);
            if !(self.cx.cues.is_anonymous(k) || self.cx.cues.is_person_noun(k)) {
                continue;
            }
            let keys: Vec<&str> = (i..v).map(|j| self.key(j)).collect();
            let joined = vec![false; keys.len()];
            let mut of = g
                .declaring(&keys, &joined)
                .into_iter()
                .filter(|&a| g.country(a) == Some(country));
            let (Some(a), None) = (of.next(), of.next()) else {
                continue;
            };
            let mut first = noun;
            while first > lo && noun - first < 3 && toks[first - 1].word && !toks[first - 1].cap {
                first -= 1;
                if determiner(self.key(first)) {
                    break;
                }
            }
            return Some((Voice::Source(a), first));
        }
        None
    }

    /// The country of the first place named in tokens `a..b` (a metonym used as a place, or a
    /// listed place of one word: "in Moscow", "in the central Hama province").
    fn country_in(&self, a: usize, b: usize) -> Option<ActorId> {
        let g = self.cx.gazetteer;
        (a..b).find_map(|i| match self.cx.mention_at(i) {
            Some(x) => g.country(x.actor),
            None if self.cx.tokens.tokens[i].cap => g.place_country(self.key(i)).or_else(|| {
                // The first word of a listed place of several ("Deir al-Zor").
                (i + 1..b.min(i + 6))
                    .rev()
                    .find_map(|e| self.cx.listed_place_ending(i, e).filter(|p| p.0 == i))
                    .map(|p| p.1)
            }),
            None => None,
        })
    }

    /// "... that wont happen Fadi Ismail an official based in Aleppo in Syrias reconciliation
    /// ministry told Reuters" (commas dropped): a person's name (a listed person, or an unlisted
    /// name of two words or more) right before an indefinite appositive that reaches the verb at
    /// `w` (at most twelve tokens, a person's noun or title among its first words, nothing in
    /// it that opens a clause) is the closing subject, not a noun or place inside the
    /// appositive. The voice and the name's first token (not before `lo`). With `definite`
    /// false, only "a" or "an" opens the appositive.
    fn name_before_appositive(
        &mut self,
        lo: usize,
        w: usize,
        definite: bool,
    ) -> Option<(Voice, usize)> {
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        // The appositive opens with "a"/"an", or with a role and its preposition ("Mohammad
        // Idelbi father of the family told SANA reporter").
        let role_of = |i: usize| {
            let k = self.key(i);
            (cues.is_person_noun(k) || cues.is_title(k))
                && matches!(self.key(i + 1), "of" | "for" | "at" | "with")
        };
        // (A bracketed acronym is no clause, and its three tokens do not count: "the head of
        // the Organisation for the Prohibition of Chemical Weapons [OPCW] said".)
        let bracket = |i: usize| match self.key(i) {
            "(" | "[" => toks.get(i + 1).is_some_and(|t| t.upper),
            ")" | "]" => i > 0 && toks[i - 1].upper,
            _ => false,
        };
        let reach = 12
            + 3 * (w.saturating_sub(15).max(lo)..w)
                .filter(|&i| bracket(i))
                .count()
                / 2;
        let d = (w.saturating_sub(reach).max(lo + 2)..w.saturating_sub(1)).find(|&i| {
            !toks[i].cap
                && toks[i - 1].cap
                && (matches!(self.key(i), "a" | "an")
                    || (definite && (self.key(i) == "the" || role_of(i))))
        })?;
        let clause = |i: usize| {
            let k = self.key(i);
            !toks[i].word
                || matches!(k, "that" | "which" | "who" | "and" | "but" | "when" | "as")
                || cues.is_auxiliary(k)
                || self.is_speech(i)
        };
        if (d + 1..w).any(|i| clause(i) && !self.cx.joining_hyphen(i) && !bracket(i)) {
            return None;
        }
        // (One who is no official will do: "a local activist", "a resident".)
        let person = (d..w.min(d + 5)).take_while(|&i| !toks[i].cap).any(|i| {
            let k = self.key(i);
            cues.is_person_noun(k)
                || cues.is_title(k)
                || (cues.is_anonymous(k) && !k.ends_with('s'))
        });
        if !person {
            return None;
        }
        if let Some(m) = self
            .cx
            .mention_at(d - 1)
            .filter(|m| m.last as usize == d - 1 && !m.place && m.form != Form::Demonym)
        {
            let g = self.cx.gazetteer;
            return (g.actor(m.actor).kind == ActorKind::Person && m.first as usize >= lo)
                .then_some((Voice::Source(m.actor), m.first as usize));
        }
        let run = self.reader().before(lo, d, &self.names)?;
        let words = (run.start..run.end)
            .filter(|&i| toks[i].word && toks[i].cap && !cues.is_particle(self.key(i)))
            .count();
        if run.end != d || words < 2 {
            return None;
        }
        Some((self.name_voice(run), run.start))
    }

    /// A name opening the clause `a..w`, followed by an appositive without commas up to the verb
    /// at `w` (sources that dropped commas): "Ibrahim al-Hajj a volunteer with the group said",
    /// "Redur Khalil one of the spokespersons within SDF said", "Russia a key ally of Syria's
    /// Bashar al-Assad has called for". The name is the speaker, not the last noun of the
    /// appositive. The voice and the name's first token.
    fn apposed(&mut self, a: usize, w: usize) -> Option<(Voice, usize)> {
        // A listed name may follow a "the" that opens the clause ("The Local Coordination
        // Committees an activist network said").
        let opening = if self.key(a) == "the" { a + 1 } else { a };
        let person = self.named_in(a, w).next().copied().filter(|m| {
            (m.first as usize == a || m.first as usize == opening) && m.form != Form::Demonym
        });
        let mut person_named = true;
        let (voice, end) = match person {
            Some(m) => {
                person_named = self.cx.gazetteer.actor(m.actor).kind == ActorKind::Person;
                (Voice::Source(m.actor), m.last as usize + 1)
            }
            None => {
                // The name opens the subject, or follows its titles and modifiers ("Qamishli
                // resident Suleiman Youssef a writer told").
                let mut run = self
                    .reader()
                    .after(a, w)
                    .or_else(|| self.reader().opening(a, w))?;
                // An acronym that ends the run before a role is the body of the appositive, not
                // a word of the name ("Robert Mardini ICRC regional director ... told").
                let toks = &self.cx.tokens.tokens;
                if run.end - run.start >= 3
                    && toks[run.end - 1].upper
                    && self.role_follows(run.end, w)
                {
                    run.end -= 1;
                }
                let words = (run.start..run.end)
                    .filter(|&i| self.cx.tokens.tokens[i].word && self.cx.tokens.tokens[i].cap)
                    .count();
                // One word will do right after a closing quote ('"..." Rami an Aleppo resident
                // said'), where a capitalised word opens no sentence, and before an indefinite
                // person ("Ahmed a resident of the government-controlled west of the city
                // said"; not an adverb in -ly, a participle or a place: "Separately a resident
                // said", "Decrying an affront ...").
                let cues = self.cx.cues;
                // The determiner in lowercase (not "Aleppo A military source announced", a
                // dateline), then lowercase words up to the person noun.
                // A comma may open the appositive ("Manal, a 28-year-old teacher, said"), and
                // a compound's hyphens join its words.
                let person_after = |e: usize| {
                    let e = if e + 1 < w && self.key(e) == "," {
                        e + 1
                    } else {
                        e
                    };
                    e < w
                        && !toks[e].cap
                        && matches!(self.key(e), "a" | "an" | "another")
                        && (e + 1..w.min(e + 9))
                            .take_while(|&i| {
                                (toks[i].word && !toks[i].cap) || self.cx.joining_hyphen(i)
                            })
                            .any(|i| {
                                let k = self.key(i);
                                cues.is_person_noun(k)
                                    || (cues.is_anonymous(k) && !k.ends_with('s'))
                            })
                };
                let k = self.key(run.start);
                let one_word = run.start == a
                    && (self.reader().after_quote(a)
                        || (person_after(run.end)
                            && !k.ends_with("ly")
                            && !k.ends_with("ing")
                            && !self.cx.gazetteer.is_place_word(k)));
                if words < 2 && !one_word {
                    return None;
                }
                (self.name_voice(run), run.end)
            }
        };
        // Commas around the appositive are allowed ("Mohammad Sibai, a spokesman for the Homs
        // Media Centre, told").
        let (end, w) = if end + 2 < w && self.key(end) == "," && self.key(w - 1) == "," {
            (end + 1, w - 1)
        } else {
            (end, w)
        };
        // The appositive opens with its determiner ("a volunteer with the group") or a role
        // word ("head of press office at ...", "spokesman for ...").
        // After a body's name a role word is the title of a person named after it ("Jaish
        // al-Islam spokesman Islam Alloush"): only a determiner opens its appositive ("Russia a
        // key ally of Syria's Bashar al-Assad has called for").
        // A role word followed by a capitalised word titles that name ("IFRC spokesman Benoit
        // Carpentier", "Mueller spokesman Peter Carr"): no appositive.
        let toks = &self.cx.tokens.tokens;
        // A body named before the role opens it too ("Robert Mardini ICRC regional director for
        // the Near and Middle East told"): the body's name or acronym, then a role.
        let body_end = self
            .named_in(end, w)
            .next()
            .filter(|m| m.first as usize == end && !m.place)
            .map(|m| m.last as usize + 1)
            .or_else(|| (end < w && toks[end].word && toks[end].upper).then_some(end + 1));
        let body_role = person_named && body_end.is_some_and(|r| self.role_follows(r, w));
        let opens = body_role
            || determiner(self.key(end))
            || (person_named
                && end < w
                && self.role_word(end)
                && !toks.get(end + 1).is_some_and(|t| t.word && t.cap));
        // "and" only inside a name ("for the Near and Middle East").
        let in_name = |i: usize| {
            i > end && i + 1 < w && toks[i - 1].cap && toks[i + 1].cap && toks[i + 1].word
        };
        let plain = (end..w).all(|i| {
            let k = self.key(i);
            (self.cx.tokens.tokens[i].word || k == "-")
                && !matches!(k, "that" | "which" | "who")
                && (k != "and" || in_name(i))
                && !self.cx.cues.is_speech(k)
        });
        (opens && w > end + 1 && w - end <= 14 && plain).then_some((voice, a))
    }

    /// Reported speech with its subject first: "X said (that) ...", "X accused Y of ...", "X
    /// called for ...". The voice, the cue (subject and verb) and the content (the rest of the
    /// sentence, at least four words).
    pub(super) fn reported_after_subject(&mut self, s: Span) -> Option<(Voice, Span, Span)> {
        let (a, b) = self.cx.tokens.range(s);
        let end = self.words_end(a, b);
        let toks = &self.cx.tokens.tokens;
        let words = |x: usize, y: usize| (x..y).filter(|&i| toks[i].word).count();
        // At most 200 tokens in: each verb looks back over the sentence, and a run-on sentence
        // without punctuation must stay linear (benches/worst_case.rs).
        for v in a + 1..end.min(a + 200) {
            // "X was quoted (by Y) as saying (that) ...": X's.
            if self.key(v) == "quoted" && self.passive_quoted(v) {
                if let Some(found) = self.quoted_as_saying(a, v, end) {
                    return Some(found);
                }
            }
            if let Some(found) = self.what_clause(a, v, end) {
                return Some(found);
            }
            // A word of an actor's name is no verb ("The United States accused ..."), nor is one
            // after a possessive ("dismissed Obama's calls for ...") or "to" ("to say").
            // (A tally verb reports only a toll after it.)
            let reports = || match self.cx.cues.reporting_or_tally(self.key(v)) {
                Some(true) => true,
                Some(false) => self.toll_after(v, end),
                None => false,
            };
            // A capitalised verb after a lowercase word is a name's ("... like director of
            // strategic communications, Hope Hicks"), not a title-cased headline's ("Lavrov
            // Says ...").
            let in_name = toks[v].cap
                && (a..v)
                    .rev()
                    .find(|&i| toks[i].word)
                    .is_some_and(|p| !toks[p].cap);
            if !toks[v].word
                || in_name
                || !reports()
                || self.cx.mention_at(v).is_some()
                || self.possessive(v - 1)
                || self.key(v - 1) == "to"
                || self.cx.joining_hyphen(v - 1)
                || self.cx.said_as_surname(v)
            {
                continue;
            }
            // "Trump tweeted a link to ...": some verbs report only a clause after "that".
            // "responded to the host's charge that ...": after "to", a "that" opens the clause
            // of whom the verb addresses ("complained to reporters that", "to the UN that"),
            // else it is the thing's answered ("charge that Putin kills journalists").
            if self.cx.cues.needs_that(self.key(v)) {
                let Some(t) = self.that_after(v, end) else {
                    continue;
                };
                if self.key(v + 1) == "to"
                    && !(v + 2..t).any(|i| self.key(i) == ",")
                    && !(self.cx.cues.is_addressee(self.key(t - 1))
                        || self.cx.mention_at(t - 1).is_some())
                {
                    continue;
                }
            }
            // "Arab states condemned", "Media reports claimed": a speech verb that is also a
            // noun, right before another reporting verb, is the subject's noun.
            if self.cx.cues.is_noun_verb(self.key(v))
                && v + 1 < end
                && toks[v + 1].word
                && !toks[v + 1].cap
                && self.cx.cues.is_reporting(self.key(v + 1))
            {
                continue;
            }
            // "the regime will deny", "Russia could not claim": what someone would say.
            let before = if matches!(self.key(v - 1), "not" | "also" | "never") && v >= a + 2 {
                v - 2
            } else {
                v - 1
            };
            if self.cx.cues.is_modal(self.key(before)) {
                continue;
            }
            // "was said to", "is believed": passive, not a speaker's report.
            if matches!(
                self.key(v - 1),
                "was" | "is" | "were" | "are" | "be" | "been" | "being"
            ) {
                continue;
            }
            // "a pause declared by Russia", "a toll announced by the ministry": passive.
            if self.agent_after(v, end) {
                continue;
            }
            // "... an attack that claimed the lives of 80 people": no claim of anyone's.
            // "Terrorist Bombing Claims 5 in Latakia": a toll, not a claim (but "claimed 160
            // civilians were killed" is one: a finite verb follows).
            let toll = v + 1 < end
                && self.key(v + 1).bytes().all(|c| c.is_ascii_digit())
                && !(v + 2..end.min(v + 10)).any(|i| self.cx.cues.is_auxiliary(self.key(i)));
            if matches!(self.key(v), "claimed" | "claims" | "claim")
                && (toll || self.lives_after(v, end))
            {
                continue;
            }
            // "Assad accused of releasing prisoners", "Russia blamed for the strike", "Assad
            // described as ...": a participle of an act on someone, with no object after it, is
            // passive (headline style): its subject is the one accused, blamed or described.
            if v + 1 < end
                && matches!(
                    (self.key(v), self.key(v + 1)),
                    ("accused" | "accuses", "of")
                        | (
                            "blamed"
                                | "blames"
                                | "condemned"
                                | "criticized"
                                | "criticised"
                                | "praised"
                                | "lauded"
                                | "hailed",
                            "for"
                        )
                        | (
                            "described"
                                | "branded"
                                | "labelled"
                                | "labeled"
                                | "termed"
                                | "dubbed"
                                | "hailed",
                            "as"
                        )
                )
            {
                continue;
            }
            // The subject starts the sentence or its clause (after a comma, or before an
            // aside such as ", for his part,"); adverbs and auxiliaries may stand between it and
            // the verb ("also said", "has previously said").
            let w = self.skip_back(a, v);
            let clause = (a..w)
                .rev()
                .find(|&i| self.key(i) == "," || self.key(i) == ";")
                .map_or(a, |i| i + 1);
            // A comma, or a dash with a space before it, delimits an aside.
            let cx = self.cx;
            let sep = move |i: usize| {
                let k = cx.tokens.key(i);
                k == "," || (k == "-" && cx.tokens.tokens[i].space_before)
            };
            let subject = self
                .relative_antecedent(a, w, v, end)
                .or_else(|| self.opening_name_before_clause(clause, w))
                .or_else(|| self.apposed(clause, w))
                // "On Monday Yusuf el-Bustani a local activist said" (commas dropped): a name
                // and an indefinite appositive after an opening phrase (not "In a phone call
                // with Vladimir Putin the president reiterated": the one who spoke before).
                .or_else(|| self.name_before_appositive(clause, w, false))
                .or_else(|| self.unlisted_before_clause(clause, w))
                .or_else(|| self.subject_before(clause, w))
                .or_else(|| {
                    // "Bogdanov, for his part, said", "The Observatory - which has a network of
                    // sources - also said": the subject before the aside.
                    // A one-word name before an appositive: "Manal, a 28-year-old teacher,
                    // said".
                    let c = (a..w).rev().find(|&i| sep(i))?;
                    let c0 = (a..c).rev().find(|&i| sep(i))?;
                    if !(c0 > a && w == c + 1) {
                        return None;
                    }
                    if let Some(found) = self.name_in_aside(a, w) {
                        return Some(found);
                    }
                    self.subject_before(a, c0).or_else(|| self.apposed(a, w))
                })
                .or_else(|| {
                    // "The Syrian Observatory for Human Rights which has tracked violence on all
                    // sides said": a relative clause without commas after a name.
                    let named = self.name_before_clause(a, w, &["which", "who"])?;
                    Some((Voice::Source(named.actor), 0))
                })
                .or_else(|| {
                    // "Lavrov arrived in Geneva on Monday and said ...", "Iran disagrees and
                    // says that ...", "SANA did not give a toll but said ...": the verb joined
                    // by "and" or "but" shares the clause's subject.
                    (w > clause + 2 && matches!(self.key(w - 1), "and" | "but"))
                        .then(|| self.opening_subject(clause, w - 1))
                        .flatten()
                })
                .or_else(|| {
                    // "Mekdad, for his part, thanked Iran ... and stressed that ...": the clause
                    // of the first verb opens after an aside (at most six tokens, no speech
                    // verb); the subject is before it.
                    if !(w > clause + 2
                        && self.key(w - 1) == "and"
                        && clause >= a + 3
                        && sep(clause - 1)
                        && toks[clause].word
                        && !toks[clause].cap
                        && self.joinable(clause, w - 1))
                    {
                        return None;
                    }
                    let c0 = (a..clause - 1).rev().find(|&i| sep(i))?;
                    if clause - 1 - c0 > 7 || (c0 + 1..clause - 1).any(|i| self.is_speech(i)) {
                        return None;
                    }
                    let p = (a..c0).rev().find(|&i| sep(i)).map_or(a, |i| i + 1);
                    self.subject_before(p, c0)
                        .filter(|&(_, first)| first <= p + 1)
                })
                .or_else(|| {
                    // "The 78-year-old socialist told Mexican journalist Jorge Ramos that ...":
                    // "told" someone "that" reports, whoever the noun phrase that opens the
                    // clause (a determiner and at most four words, no clause in it) describes.
                    let cues = self.cx.cues;
                    (matches!(self.key(v), "told" | "tells")
                        && self.that_after(v, end).is_some()
                        && determiner(self.key(clause))
                        && w > clause + 1
                        && (clause + 1..w)
                            .filter(|&i| toks[i].word && !self.cx.joining_hyphen(i - 1))
                            .count()
                            <= 4
                        && (clause + 1..w).all(|i| {
                            let k = self.key(i);
                            (toks[i].word || self.cx.joining_hyphen(i))
                                && !cues.is_auxiliary(k)
                                && !cues.is_pronoun(k)
                                && !self.is_speech(i)
                                && !matches!(k, "that" | "which" | "who" | "what")
                        }))
                    .then_some((Voice::Unknown, clause))
                });
            let Some((voice, first)) = subject else {
                continue;
            };
            // "The Observatory and residents said ...": a joint subject that opens the clause;
            // its first conjunct, named, speaks for the claim when the second is unnamed (as
            // for a closing one, [`State::closing_without_comma`]).
            let (voice, first) = match (voice, first > clause + 1 && self.key(first - 1) == "and") {
                (Voice::Unknown, true) => self
                    .subject_before(clause, first - 1)
                    .filter(|&(v0, f0)| {
                        // (A noun phrase of at most six tokens: no lower-case word but stop
                        // words, a compound's parts and source nouns; not "Daesh becomes
                        // virtual caliphate Experts and officials say".)
                        let cues = self.cx.cues;
                        v0 != Voice::Unknown
                            && f0 <= clause + 1
                            && first - 1 - f0 <= 6
                            && (f0..first - 1).all(|i| {
                                let k = self.key(i);
                                !toks[i].word
                                    || toks[i].cap
                                    || self.cx.stopwords.contains(k)
                                    || (i > 0 && self.cx.joining_hyphen(i - 1))
                                    || cues.is_head_noun(k)
                                    || cues.is_person_noun(k)
                                    || cues.is_org_noun(k)
                            })
                    })
                    .unwrap_or((voice, first)),
                _ => (voice, first),
            };
            // Far into a long sentence, the subject opens it ("The Syrian Observatory ... -
            // which monitors the conflict ... - said") or a lost one: a capitalised determiner
            // after the sentence splitter missed a boundary ("... October 13 2016 The
            // Britain-based Syrian Observatory for Human Rights said that ...").
            // (A title of capitalised words may come before the name: "US Secretary of State
            // John Kerry speaking alongside ... insisted".)
            let title_first = (a..first)
                .all(|i| (toks[i].word && toks[i].cap) || matches!(self.key(i), "of" | "."));
            if v >= a + 24
                && first != a
                && !title_first
                && !(first.saturating_sub(4).max(a)..=first)
                    .any(|i| toks[i].cap && matches!(self.key(i), "the" | "a" | "an"))
            {
                continue;
            }
            // "... questioned whether Assad declared the stockpile": a subject inside a question
            // or a condition makes no claim.
            if first > a && matches!(self.key(first - 1), "whether" | "if") {
                continue;
            }
            // "Nothing James Comey said about the emails changed the race", "Everything Trump
            // said was false": a clause opened by a pronoun of things is a relative clause
            // without its "that", the subject of another verb; no report.
            if first > a
                && (first == clause + 1
                    || (first >= clause + 2 && opens_clause(self.key(first - 2))))
                && matches!(
                    self.key(first - 1),
                    "nothing" | "everything" | "anything" | "something" | "what" | "whatever"
                )
            {
                continue;
            }
            // "No individual or group claimed responsibility": nobody said anything.
            if (first.max(clause)..w)
                .take(4)
                .any(|i| matches!(self.key(i), "no" | "nobody" | "none" | "neither"))
                || (first > clause && self.key(first - 1) == "no")
            {
                continue;
            }
            // The content: after "that" (within eight tokens), after "for" of "called for",
            // else right after the verb.
            let that = self.that_after(v, end);
            // "... were evacuees the monitoring group said while the rest were ...": commas
            // dropped, the subject in mid-sentence after a clause of its own, and after the
            // verb a clause that is not what was said, or only where and how it was said
            // ("... the group said in a post on its Facebook page", "... he said in the video
            // posted on YouTube": at most 12 words, no auxiliary, pronoun or "that" after the
            // verb, unlike "he said on Twitter he fired Flynn"): the claim is the words before
            // the subject.
            let where_said = v + 1 < end
                && matches!(self.key(v + 1), "in" | "on" | "during" | "via" | "through")
                && words(v + 1, end) <= 12
                && !(v + 2..end).any(|i| {
                    let k = self.key(i);
                    self.cx.cues.is_auxiliary(k)
                        || self.cx.cues.is_pronoun(k)
                        || matches!(k, "that" | "it" | "they" | "we" | "i")
                        || self.cx.cues.is_reporting(k)
                });
            // ... or a participle clause ("... is the smallest ever they added citing field
            // visits", "... 16 people the monitor said updating its toll").
            let participle =
                self.participle_after(v, end) && !self.cx.cues.is_ing_preposition(self.key(v + 1));
            if that.is_none()
                && matches!(
                    self.key(v),
                    "said" | "says" | "say" | "added" | "adds" | "reported" | "stated"
                )
                && v + 1 < end
                && (where_said
                    || participle
                    || matches!(
                        self.key(v + 1),
                        "while" | "whereas" | "with" | "and" | "but" | "because"
                    ))
                && words(clause, first) >= 4
                && !(clause..first).any(|i| self.is_speech(i) || self.key(i) == "that")
            {
                // A pronoun is the whole subject ("... were injured it said"); a subject's
                // determiner, titles ("President Recep Tayyip Erdogan") and modifiers joined by
                // a hyphen ("the Britain-based monitoring group") belong to it.
                let first = if self.cx.cues.is_pronoun(self.key(v - 1))
                    || matches!(self.key(v - 1), "it" | "they")
                {
                    v - 1
                } else {
                    first
                };
                let first = self.widen_subject(first, clause, v);
                // Four words of the host's around any quotes: a quote the subject closes
                // ("“...” SOHR chief Rami Abdel Rahman said in an interview") is the quote's
                // attribution, not a report of the words before the name.
                let unquoted = (clause..first)
                    .filter(|&i| toks[i].word && !self.in_quote(toks[i].span.start))
                    .count();
                if words(clause, first) < 4 || unquoted < 4 {
                    continue;
                }
                let cue = Span::new(toks[first].span.start, toks[v].span.end);
                let content = Span::new(toks[clause].span.start, toks[first - 1].span.end);
                return Some((voice, cue, content));
            }
            // (Before the subject, only its determiner, titles and capitalised words: "Homs
            // governor Talal al-Barazi said targeting ...", but not "Hes gone he said crying".)
            let opening = (clause..first).all(|i| {
                let k = self.key(i);
                !toks[i].word
                    || toks[i].cap
                    || determiner(k)
                    || self.cx.cues.is_title(k)
                    || self.cx.cues.is_person_noun(k)
            });
            let Some(from) = self.content_start(v, that, end, opening) else {
                continue;
            };
            // "... in the area Abdel Rahman said and food was running out": "and" after the
            // verb closes the attribution of what came before; nothing is reported after it.
            // Four words at least; three after "that" with an auxiliary among them ("told The
            // Associated Press that most were civilians", "said on Monday that it was over").
            // (A "that" right after the verb or its addressee: not a relative pronoun, "said in
            // a statement that was read out".)
            let short_clause = that.is_some_and(|t| {
                t == v + 1
                    || (matches!(self.key(v), "told" | "tells") && t <= v + 5)
                    || (t > v + 1 && t == self.past_time_phrase(v + 1, end))
            }) && words(from, end) == 3
                && (from..end).any(|i| self.cx.cues.is_auxiliary(self.key(i)));
            if from >= end
                || (words(from, end) < 4 && !short_clause)
                || matches!(self.key(from), "and" | "but")
            {
                continue;
            }
            // Far into the sentence, the cue starts with the subject's phrase.
            let cue_start = if v >= a + 24 {
                (first.saturating_sub(4).max(a)..=first)
                    .find(|&i| toks[i].cap && matches!(self.key(i), "the" | "a" | "an"))
                    .unwrap_or(first)
                    .max(clause)
            } else {
                clause
            };
            // ", which Washington says were carried out by the government, killed 40": a report
            // inside a relative clause between commas ends at the clause's comma.
            // ("Kerry met Lavrov, who said ..., and left": the clause after a name's comma.)
            let relative = (clause > a
                && self.key(clause - 1) == ","
                && (clause..first).any(|i| matches!(self.key(i), "which" | "who" | "whom")))
                || (w >= a + 2 && self.key(w - 1) == "who" && self.key(w - 2) == ",");
            let stop = if relative {
                // (not a comma of a list after a colon)
                (from..end)
                    .take_while(|&i| self.key(i) != ":")
                    .find(|&i| self.key(i) == ",")
                    .unwrap_or(end)
            } else {
                end
            };
            if stop <= from {
                continue;
            }
            let cue = Span::new(toks[cue_start].span.start, toks[from - 1].span.end);
            let content = Span::new(toks[from].span.start, toks[stop - 1].span.end);
            return Some((voice, cue, content));
        }
        self.reported_with(a, end)
            .or_else(|| self.reported_participle(a, end))
    }

    /// "..., with Davis Stover saying the vote was "reckless ..."", "With officials saying the
    /// talks had failed, the delegation left": a participle that goes on with what was said
    /// (`[speech] going_on`) after "with" and the speaker phrase it introduces (at most six
    /// words, no comma or quotation mark) reports that phrase's claim, not the claim of the
    /// sentence's subject. The voice, the cue ("with" to the participle, or to its "that") and
    /// the content (to the end of the sentence; to the first comma after a "With" that opens
    /// it), four words at least.
    fn reported_with(&mut self, a: usize, end: usize) -> Option<(Voice, Span, Span)> {
        let toks = &self.cx.tokens.tokens;
        let w = (a..end).find(|&i| self.key(i) == "with")?;
        let v = (w + 2..end.min(w + 8))
            .take_while(|&i| toks[i].word)
            .find(|&i| self.cx.cues.is_going_on(self.key(i)))?;
        let (voice, first) = self.subject_before(w + 1, v)?;
        // The phrase is the speaker's: before its name only a determiner, titles and roles
        // ("with spokesman Igor Konashenkov saying").
        let cues = self.cx.cues;
        if !(w + 1..first).all(|i| {
            let k = self.key(i);
            determiner(k) || cues.is_title(k) || cues.is_person_noun(k)
        }) {
            return None;
        }
        let toks = &self.cx.tokens.tokens;
        let from = if v + 1 < end && self.key(v + 1) == "that" {
            v + 2
        } else {
            v + 1
        };
        // (Not a closing "according to" the host's source: "... saying the vote was
        // "reckless," according to the Washington Post".)
        let stop = (from..end)
            .find(|&i| {
                (w == a && self.key(i) == ",")
                    || (self.key(i) == "according" && i + 1 < end && self.key(i + 1) == "to")
            })
            .unwrap_or(end);
        let stop = (from..stop)
            .rev()
            .find(|&i| toks[i].word || self.key(i) == "\"")
            .map_or(from, |i| i + 1);
        if stop <= from || (from..stop).filter(|&i| toks[i].word).count() < 4 {
            return None;
        }
        Some((
            voice,
            Span::new(toks[w].span.start, toks[from - 1].span.end),
            Span::new(toks[from].span.start, toks[stop - 1].span.end),
        ))
    }

    /// "... struck Raqqa in what the coalition said Sunday was one of its most sustained
    /// operations", "... in what state media described as a major advance", "... in what the
    /// army called a terrorist assault": the subject between "what" (at most eight tokens
    /// before the verb at `v`, no comma or clause word between) and the verb speaks; what it
    /// said the thing was (after "was"/"were"/"is"/"are" for "said" and "claimed", after "as"
    /// for "described") is the content, to the next comma or the sentence's end, two words at
    /// least. The words before "what" are the host's. The voice, the cue ("what" to the copula)
    /// and the content.
    fn what_clause(&mut self, a: usize, v: usize, end: usize) -> Option<(Voice, Span, Span)> {
        let verb = self.key(v);
        // "in what X said (claimed, believed, ...) was Y"; "what X called (`[speech] naming`) Y".
        let naming = self.cx.cues.is_naming(verb);
        let copula = !naming && self.cx.cues.is_reporting(verb);
        if !(copula || naming) || self.cx.tokens.tokens[v].cap {
            return None;
        }
        let w = self.skip_back(a, v);
        let q = (w.saturating_sub(8).max(a)..w)
            .rev()
            .take_while(|&i| {
                let k = self.key(i);
                k != "," && k != "that" && !self.is_speech(i) && !matches!(k, "which" | "who")
            })
            .find(|&i| self.key(i) == "what")?;
        // "... a sign that what he said was not just a talking point": "what" opening a clause
        // (the sentence's, or after "that" or a conjunction) makes it a subject, not a thing
        // named by what was said.
        if q + 1 >= w || q == a || opens_clause(self.key(q - 1)) {
            return None;
        }
        let (voice, _) = self.subject_before(q + 1, w)?;
        let toks = &self.cx.tokens.tokens;
        let mut from = self.past_time_phrase(v + 1, end);
        // ("said Sunday was", "said on Sunday was": the day before the copula is when it was
        // said.)
        let day = |i: usize| {
            crate::actors::WEEKDAYS.contains(&self.key(i))
                || matches!(self.key(i), "yesterday" | "today")
        };
        if from + 2 < end && self.key(from) == "on" && day(from + 1) {
            from += 2;
        } else if from + 1 < end && day(from) {
            from += 1;
        }
        if copula {
            if from >= end || !matches!(self.key(from), "was" | "were" | "is" | "are") {
                return None;
            }
            from += 1;
        } else if from < end && self.key(from) == "as" {
            from += 1;
        } else if verb == "described" || verb == "describes" {
            return None;
        }
        // A quote right after a naming verb is the name, and the quote's own ("what the
        // Observatory called "a new massacre" that left ...").
        if naming && from < end && (self.key(from) == "\"" || self.in_quote(toks[from].span.start))
        {
            return None;
        }
        // What something was called is a noun phrase: it ends before a conjunction or a
        // relative pronoun too ("what the army calls safe corridors and sending ambulances").
        let stop = (from..end)
            .find(|&i| {
                let k = self.key(i);
                k == ","
                    || k == "("
                    || (naming && matches!(k, "and" | "but" | "or" | "which" | "who" | "that"))
            })
            .unwrap_or(end);
        if (from..stop).filter(|&i| toks[i].word).count() < 2 {
            return None;
        }
        Some((
            voice,
            Span::new(toks[q].span.start, toks[from - 1].span.end),
            Span::new(toks[from].span.start, toks[stop - 1].span.end),
        ))
    }

    /// "Among the martyrs were a child and two women SANA news agency reported noting that nine
    /// others were injured", "... shelled the town on Monday activists reported adding that at
    /// least 12 people died" (commas dropped): a subject and its verb in mid-sentence, then a
    /// speech participle ("adding", "noting", ...) and its clause. Both sides are the subject's:
    /// the words before it (four at least) and the clause after the participle (after its
    /// "that", three words at least). The voice, the first cue and content, the second cue and
    /// content.
    pub(super) fn closing_then_participle(
        &mut self,
        s: Span,
    ) -> Option<(Voice, Span, Span, Span, Span)> {
        let (a, b) = self.cx.tokens.range(s);
        let end = self.words_end(a, b);
        let toks = &self.cx.tokens.tokens;
        let words = |x: usize, y: usize| (x..y).filter(|&i| toks[i].word).count();
        // (At most 200 tokens in, as the other readers.)
        let v = (a + 4..end.saturating_sub(4).min(a + 200)).find(|&v| {
            toks[v].word
                && !toks[v].cap
                && self.cx.cues.is_saying(self.key(v))
                && self.cx.cues.is_going_on(self.key(v + 1))
        })?;
        let lo = v.saturating_sub(8).max(a + 3);
        let (voice, first) = self.subject_before(lo, self.skip_back(lo, v))?;
        let first = self.widen_subject(first, a, v);
        let first = self.name_opens_description(first, v);
        if words(a, first) < 4 || (a..first).any(|i| self.is_speech(i) || self.key(i) == "\"") {
            return None;
        }
        let from = self.that_after(v + 1, end).map_or(v + 2, |t| t + 1);
        if words(from, end) < 3 || (from..end).any(|i| self.key(i) == "\"") {
            return None;
        }
        Some((
            voice,
            Span::new(toks[first].span.start, toks[v].span.end),
            Span::new(toks[a].span.start, toks[first - 1].span.end),
            Span::new(toks[v + 1].span.start, toks[from - 1].span.end),
            Span::new(toks[from].span.start, toks[end - 1].span.end),
        ))
    }

    /// "... a child and two women SANA news agency reported", "... killed in the strikes RIA
    /// news agency quoted ...": in a subject read from `first` to the verb at `v`, a listed
    /// body's name (no person's) opens its description when the word right before it is a
    /// plain word of the claim (no determiner, qualifier, state word, title, mention or hyphen
    /// compound), and so is every word before it but determiners. The name's first token, else
    /// `first`.
    fn name_opens_description(&self, first: usize, v: usize) -> usize {
        self.opens_description(first, v, false)
    }

    /// [`Self::name_opens_description`] for a listed body's name, or (`demonym`) for a
    /// demonym: "... discussed the suspected attack Turkish presidential sources said" ("the
    /// suspected attack" is the claim's; not "a senior Kurdish official": "senior" is a
    /// qualifier).
    fn opens_description(&self, first: usize, v: usize, demonym: bool) -> usize {
        let g = self.cx.gazetteer;
        let cues = self.cx.cues;
        let toks = &self.cx.tokens.tokens;
        let plain = |i: usize| {
            let k = self.key(i);
            toks[i].word
                && !toks[i].cap
                && !determiner(k)
                && !cues.is_qualifier(k)
                && !cues.is_official(k)
                && !cues.is_title(k)
                && self.cx.mention_at(i).is_none()
                && !self.cx.joining_hyphen(i + 1)
        };
        self.mentions_in(first + 1, v)
            .find(|m| {
                if demonym {
                    m.form == Form::Demonym
                } else {
                    m.form != Form::Demonym && g.actor(m.actor).kind != ActorKind::Person
                }
            })
            .map(|m| m.first as usize)
            .filter(|&f| plain(f - 1) && (first..f).all(|i| plain(i) || determiner(self.key(i))))
            .unwrap_or(first)
    }

    /// "Lavrov was quoted by RIA Novosti as saying that ...", "Steinmeier was quoted as telling
    /// the daily ... that ...": the passive "quoted" at `v` (after "was"), "as" and a speech
    /// verb in "-ing" within eight tokens; the subject before "was" speaks (not who quoted),
    /// and the content follows the "-ing" verb (after its "that", or whom it told). The
    /// voice, the cue (subject to the "-ing" verb or its "that") and the content.
    fn quoted_as_saying(&mut self, a: usize, v: usize, end: usize) -> Option<(Voice, Span, Span)> {
        if v < a + 2 {
            return None;
        }
        let toks = &self.cx.tokens.tokens;
        let as_i = (v + 1..end.min(v + 8)).find(|&i| self.key(i) == "as")?;
        let ing = as_i + 1;
        if ing >= end || !self.is_speech(ing) || !self.key(ing).ends_with("ing") {
            return None;
        }
        let (voice, first) = self.subject_before(a, v - 1)?;
        // (Whom they told may be long: "telling Friday's edition of the daily Frankfurter
        // Allgemeine Zeitung that".)
        let reach = if self.key(ing) == "telling" { 14 } else { 9 };
        let from = match self.that_within(ing, end, reach) {
            Some(t) => t + 1,
            None if self.key(ing) == "telling" => {
                let j = ing + 1;
                if j < end && self.cx.cues.is_addressee(self.key(j)) {
                    j + 1
                } else {
                    return None;
                }
            }
            // "... an army source was quoted as saying on state media.": where, closing the
            // sentence; what was said came before.
            None if ing + 1 < end && self.cx.cues.may_follow_closing(self.key(ing + 1)) => {
                return None
            }
            None => self.past_time_phrase(ing + 1, end),
        };
        let words = (from..end).filter(|&i| toks[i].word).count();
        if from >= end || words < 3 {
            return None;
        }
        Some((
            voice,
            Span::new(toks[first].span.start, toks[from - 1].span.end),
            Span::new(toks[from].span.start, toks[end - 1].span.end),
        ))
    }

    /// "Reuters spoke to a resident who said ...", "Kerry met Lavrov, who said ...": the verb
    /// at `v` (its subject ending at `w`) right after "who" reports for the noun phrase before
    /// it (its comma skipped): a name or a description of a person, read as a subject before a
    /// verb is read; not when another speech verb follows before `end`. The voice and where
    /// the phrase starts (not before `a`).
    fn relative_antecedent(
        &mut self,
        a: usize,
        w: usize,
        v: usize,
        end: usize,
    ) -> Option<(Voice, usize)> {
        if w < a + 2 || self.key(w - 1) != "who" {
            return None;
        }
        // A clause inside the subject of a later speech verb ("Johan Galtung, a Norwegian
        // professor who wrote a key paper ..., said his work ...", "One man who said he had
        // retrieved victims ... told Reuters") leaves the sentence's report to that verb.
        if (v + 1..end).any(|i| self.is_speech(i)) {
            return None;
        }
        let mut e = w - 1;
        if e > a + 1 && self.key(e - 1) == "," {
            e -= 1;
        }
        let from = (a..e)
            .rev()
            .find(|&i| matches!(self.key(i), "," | ";" | "\"" | ":"))
            .map_or(a, |i| i + 1);
        if e <= from {
            return None;
        }
        // The phrase ends with a person's name or noun, not a place or a body ("a village who").
        let g = self.cx.gazetteer;
        let cues = self.cx.cues;
        let last = e - 1;
        let toks = &self.cx.tokens.tokens;
        let personal = match self.cx.mention_at(last) {
            Some(m) => !m.place && g.actor(m.actor).kind == ActorKind::Person,
            None if toks[last].cap => self.reader().name_word(last),
            None => {
                let k = self.key(last);
                cues.is_person_noun(k) || cues.is_title(k) || cues.is_anonymous(k)
            }
        };
        if !personal {
            return None;
        }
        self.subject_before(from, e)
    }

    /// The subject that opens the clause `clause..and_i` of a verb joined by "and" to a second
    /// one (at `and_i`): a listed actor (no demonym or place) or a pronoun opening it (after a
    /// determiner) and followed by a lowercase word, else an unlisted name of two or more words
    /// right before the clause's first lowercase word, with no other subject pronoun; at most 24 tokens
    /// before the "and", with nothing between that opens another clause or reports ("Lavrov
    /// arrived in Geneva on Monday and said", not "... the army, which said ..." nor "Russia
    /// prided itself that ... and blamed"). The voice and where the subject starts.
    fn opening_subject(&mut self, clause: usize, and_i: usize) -> Option<(Voice, usize)> {
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        let mut f = (clause..and_i).find(|&i| toks[i].word)?;
        if !self.joinable(f, and_i) {
            return None;
        }
        let opened = f;
        if determiner(self.key(f)) {
            f += 1;
            // A compound joined by a hyphen before the head ("The Britain-based Observatory").
            while f + 2 < and_i && self.cx.joining_hyphen(f + 1) {
                f += 3;
            }
        }
        let lower = |i: usize| i < and_i && toks[i].word && !toks[i].cap;
        // A description before a listed name ("The state news agency SANA gave no toll but
        // said"): the name is the subject.
        if f > opened && self.cx.mention_at(f).is_none() {
            let described = (f..and_i.min(f + 4))
                .take_while(|&i| {
                    let k = self.key(i);
                    lower(i) && (cues.is_qualifier(k) || cues.is_head_noun(k))
                })
                .last()
                .map(|i| i + 1)
                .filter(|&j| self.cx.mention_at(j).is_some_and(|m| m.first as usize == j));
            if let Some(j) = described {
                f = j;
            }
        }
        // A description opening the clause ("The observatory relies on ... and says").
        if f > opened && self.cx.mention_at(f).is_none() && lower(f + 1) {
            let k = self.key(f);
            if cues.is_head_noun(k) && !cues.is_anonymous(k) {
                let pos = toks[f].span.start;
                return self.descriptor(opened, f + 1, pos).map(|v| (v, opened));
            }
        }
        if let Some(m) = self.cx.mention_at(f) {
            let ok = m.first as usize == f
                && !m.place
                && m.form != Form::Demonym
                && lower(m.last as usize + 1);
            return ok.then_some((Voice::Source(m.actor), f));
        }
        let k = self.key(f);
        if cues.is_pronoun(k) || matches!(k, "it" | "they") {
            let pos = toks[f].span.start;
            return self.descriptor(f, f + 1, pos).map(|v| (v, f));
        }
        // "He pinned him to the ground and threatened": a clause with its own subject
        // pronoun inside the span ("Leeds Crown Court heard he pinned ... and threatened").
        if (f + 1..and_i).any(|i| {
            let k = self.key(i);
            cues.is_pronoun(k) || matches!(k, "it" | "they" | "we" | "i")
        }) {
            return None;
        }
        // An unlisted name right before the first lowercase word that no capitalised word
        // follows ("Frequent Fox News guest Candace Owens shared ...": Candace Owens).
        let verb = (f..and_i).find(|&i| lower(i) && !(i + 1 < and_i && toks[i + 1].cap))?;
        let run = self.reader().before(f, verb, &self.names)?;
        let words = (run.start..run.end)
            .filter(|&i| toks[i].word && !cues.is_particle(self.key(i)))
            .count();
        (words >= 2).then(|| (self.name_voice(run), f))
    }

    /// Whether the tokens `f..and_i` before an "and" that joins a second verb can be the first
    /// verb's clause: at most 24 tokens, nothing in them that opens another clause or reports
    /// ("that", "which", "while", "as", a colon, a quotation mark, another "and", a speech
    /// verb).
    fn joinable(&self, f: usize, and_i: usize) -> bool {
        and_i - f <= 24
            && !(f..and_i).any(|i| {
                matches!(
                    self.key(i),
                    "that"
                        | "which"
                        | "who"
                        | "whom"
                        | "whose"
                        | "while"
                        | "when"
                        | "after"
                        | "before"
                        | "because"
                        | "if"
                        | "as"
                        | ":"
                        | ";"
                        | "\""
                        | "and"
                        | "or"
                ) || self.is_speech(i)
            })
    }

    /// The "that" opening the content of the verb at `v` (within eight tokens), not one of a
    /// second verb joined by "and" or "but" ("said the attack was horrific and noted that"),
    /// nor one after an auxiliary, inside the content ("said the military was purging armed
    /// groups that were ...").
    fn that_after(&self, v: usize, end: usize) -> Option<usize> {
        // ("said in an interview with ABC News on Monday that ...": after a preposition, a
        // phrase of where and when of up to twelve tokens.)
        // (So after the title of a programme one spoke to or on, in quotation marks: "told
        // CBS News' "Face the Nation" that", "told NBC's “Meet the Press” on Sunday that".)
        // (The titles set aside by `title_after_verb`, as `in_title` knows them.)
        let toks = &self.cx.tokens.tokens;
        let title = self.cx.cues.is_saying(self.key(v))
            && (v + 1..end.min(v + 6)).any(|i| self.in_title(toks[i].span.start));
        let n = if v + 1 < end && matches!(self.key(v + 1), "in" | "at" | "during") || title {
            14
        } else {
            9
        };
        self.that_within(v, end, n)
    }

    /// [`State::that_after`] within `n` tokens after `v`.
    /// Not a relative pronoun: "said the countries that have supplied weapons would pay" has
    /// no "that" of its own (a "that" right before an auxiliary after a noun of the content;
    /// after whom the verb addresses, "told reporters that", it is the verb's).
    fn that_within(&self, v: usize, end: usize, n: usize) -> Option<usize> {
        // "threatened to withhold funds that offset the costs": after an infinitive of a verb
        // that says nothing, a "that" is the infinitive's clause or a relative pronoun, not the
        // content of the verb at `v` ("said to local media that" has an addressee; "threatened
        // to tell reporters that" a speech verb).
        let infinitive = v + 2 < end && self.key(v + 1) == "to" && {
            let toks = &self.cx.tokens.tokens;
            let cues = self.cx.cues;
            let k = self.key(v + 2);
            toks[v + 2].word
                && !toks[v + 2].cap
                && !self.cx.stopwords.contains(k)
                && !cues.is_speech(k)
                && !(v + 2..end.min(v + 5)).any(|i| cues.is_addressee(self.key(i)))
        };
        if infinitive {
            return None;
        }
        let t = (v + 1..end.min(v + n))
            .take_while(|&i| {
                let k = self.key(i);
                !matches!(k, "and" | "but") && !self.cx.cues.is_auxiliary(k)
            })
            .find(|&i| self.key(i) == "that")?;
        (!self.relative_that(v, t, end)).then_some(t)
    }

    /// Whether "that" at `t`, after the verb at `v`, opens a relative clause about the noun
    /// before it: right before an auxiliary ("the countries that have supplied"), after the
    /// verb's object or a phrase of place ("said in a speech that was ..."), not after whom it
    /// addresses ("told reporters that") or a phrase of time ("said on Monday that").
    fn relative_that(&self, v: usize, t: usize, end: usize) -> bool {
        let toks = &self.cx.tokens.tokens;
        // Nor a "that" after a noun phrase that opens with a determiner right after a verb that
        // takes no object ("Pat Dowell said the loud cheering that greeted Lightfoot's remarks
        // ... shows ..."; not "said the day before that ...").
        let after_subject = t + 1 < end
            && v + 2 < t
            && toks[t + 1].word
            && !toks[t + 1].cap
            && self.cx.cues.takes_no_object(self.key(v))
            && determiner(self.key(v + 1))
            && (v + 2..t)
                .all(|i| toks[i].word && !toks[i].cap && !self.cx.cues.is_time(self.key(i)));
        after_subject
            || (t + 1 < end
                && !toks[t + 1].cap
                && self.cx.cues.is_auxiliary(self.key(t + 1))
                && !self.that_opens_content(v, t, end)
                && !self.cx.cues.is_addressee(self.key(t - 1))
                && self.cx.mention_at(t - 1).is_none())
    }

    /// Whether "that" at `t` comes right after the verb at `v` or after a time phrase that
    /// follows it ("said on Monday that ..."): what follows is the verb's content.
    fn that_opens_content(&self, v: usize, t: usize, end: usize) -> bool {
        t == v + 1 || self.past_time_phrase(v + 1, end) == t
    }

    /// A second report inside the content of a first, by the same speaker: "Trump said the
    /// attack was so horrific and noted that it had killed ...", "... said the talks would go
    /// on, adding that ...". A speech verb that also opens reported speech after "and" (or a
    /// speech participle after a comma) splits the content in two. The first content, the
    /// cue of the second (from "and" or the comma to its "that") and the second content.
    pub(super) fn coordinated(&self, content: Span) -> Option<(Span, Span, Span)> {
        let (a, b) = self.cx.tokens.range(content);
        let end = self.words_end(a, b);
        let toks = &self.cx.tokens.tokens;
        let words = |x: usize, y: usize| (x..y).filter(|&i| toks[i].word).count();
        for c in a + 2..end {
            let v = match self.key(c) {
                "and" => {
                    let mut v = c + 1;
                    while v < end && matches!(self.key(v), "also" | "then" | "later") {
                        v += 1;
                    }
                    if v >= end || !self.is_speech(v) || !self.cx.cues.is_reporting(self.key(v)) {
                        continue;
                    }
                    v
                }
                "," if c + 1 < end
                    && self.is_speech(c + 1)
                    && self.key(c + 1).ends_with("ing")
                    && self.key(c + 1) != "according" =>
                {
                    c + 1
                }
                _ => continue,
            };
            // "was killed and reported missing by": passive; "and claimed the lives of".
            if v + 1 >= end
                || self.key(v + 1) == "by"
                || (v + 1..end.min(v + 3)).any(|i| matches!(self.key(i), "lives" | "life"))
            {
                continue;
            }
            let Some(from) = self.content_start(v, self.that_after(v, end), end, false) else {
                continue;
            };
            let mut e1 = c;
            if self.key(c) == "and" && self.key(c - 1) == "," {
                e1 -= 1;
            }
            if from >= end || words(from, end) < 4 || words(a, e1) < 2 {
                continue;
            }
            return Some((
                Span::new(toks[a].span.start, toks[e1 - 1].span.end),
                Span::new(toks[c].span.start, toks[from - 1].span.end),
                Span::new(toks[from].span.start, toks[end - 1].span.end),
            ));
        }
        None
    }

    /// Whether `voice` is named in `cue`: an unlisted name, or a listed actor mentioned there
    /// (not a description resolved to someone named before).
    pub(super) fn named_in_cue(&self, voice: Voice, cue: Span) -> bool {
        match voice {
            Voice::Named(_) => true,
            Voice::Source(a) => self
                .cx
                .mentions
                .iter()
                .any(|m| m.actor == a && cue.contains(m.span)),
            _ => false,
        }
    }

    /// A second report by another speaker, joined to the first by "while", "whereas", "but",
    /// "and", a semicolon or a colon ("state media said the crash was due to a technical fault
    /// while the rebel group Jaish al-Islam said it had shot down the plane"; "... were destroyed
    /// and the Syrian Observatory for Human Rights said ..."; "... put lives at risk: one
    /// reporter said ..."): the first content ends before the conjunction, and the clause after
    /// it is read as a sentence of its own would be (a subject that names its speaker, or
    /// describes someone unnamed after "while", "whereas", a mark, or a determiner: "and the
    /// security sources said"; then a reporting verb within nine words of the conjunction, 13
    /// after "while", "whereas" and a mark). The first content, and the second report's voice,
    /// cue and content.
    pub(super) fn contrasted(&mut self, content: Span) -> Option<(Span, Voice, Span, Span)> {
        let cx = self.cx;
        let toks = &cx.tokens.tokens;
        let (a, b) = cx.tokens.range(content);
        let end = self.words_end(a, b);
        let words = |x: usize, y: usize| (x..y).filter(|&i| toks[i].word).count();
        // A sentence that opens with a concessive clause holding the first report goes on
        // after its comma with a main clause of its own ("Although aides initially said there
        // would be no golf during this visit, Trump said he and Abe will ...").
        let concessive = cx
            .sentences
            .get(self.sentence_near(toks[a].span.start))
            .is_some_and(|&(s, _)| {
                let f = cx.tokens.first_at(s.start);
                (f..a).find(|&i| toks[i].word).is_some_and(|i| {
                    matches!(self.key(i), "although" | "though" | "whereas")
                        || (self.key(i) == "even" && self.key(i + 1) == "though")
                })
            });
        for c in a + 2..end {
            let comma = concessive && self.key(c) == ",";
            if !comma && !matches!(self.key(c), "while" | "whereas" | "but" | "and" | ";" | ":") {
                continue;
            }
            // A new sentence in all but the full stop ("... put American lives at risk: One
            // reporter heatedly said ..."): its subject opens the clause right after the mark.
            let mark = matches!(self.key(c), ";" | ":");
            // A subject first: "but said more work was needed" is the same speaker's.
            // ("while" and "whereas" contrast two sources; the subject after them may be
            // longer: "while an opposition media activist in the nearby town of Aqrab said".)
            let contrast = mark || matches!(self.key(c), "while" | "whereas");
            let reach = if contrast { 14 } else { 10 };
            let verb = (c + 2..end.min(c + reach))
                .find(|&i| self.is_speech(i) && cx.cues.is_reporting(self.key(i)));
            let Some(v) = verb else {
                continue;
            };
            let mut e1 = c;
            if self.key(c - 1) == "," {
                e1 -= 1;
            }
            if words(a, e1) < 2 {
                continue;
            }
            // After "and", no name ends the first content ("... and Binnish while the
            // Observatory reported" goes on listing towns; "Fred Harrison and Rev Paul Nicolson
            // say" is one subject of two people), and the new subject opens the clause right
            // after it (below).
            let and = self.key(c) == "and";
            if and {
                let before = &toks[c - 1];
                let number = self.key(c - 1).bytes().all(|b| b.is_ascii_digit());
                if (before.cap || !before.word) && !number {
                    continue;
                }
            }
            let rest = Span::new(toks[c + 1].span.start, toks[end - 1].span.end);
            let Some((voice, cue, second)) = self.reported_after_subject(rest) else {
                continue;
            };
            // The report found is the one of that verb, not one further on, and its speaker is
            // named there (not a description read back to someone named before: "but the UN's
            // top aid official said" is no earlier person's).
            // After "while" or "whereas", an unnamed speaker of its own ("while an opposition
            // media activist in the nearby town said") is no earlier one either.
            // (The cue may hold the verb's "that": "while the Observatory said that ...".)
            let v_end = if v + 1 < end && self.key(v + 1) == "that" {
                v + 1
            } else {
                v
            };
            if cue.end > toks[v_end].span.end
                || !((voice == Voice::Unknown && (contrast || determiner(self.key(c + 1))))
                    || self.named_in_cue(voice, cue))
            {
                continue;
            }
            if (and || mark || comma) && cue.start > toks[(c + 2).min(end - 1)].span.start {
                continue;
            }
            return Some((
                Span::new(toks[a].span.start, toks[e1 - 1].span.end),
                voice,
                Span::new(toks[c].span.start, cue.end),
                second,
            ));
        }
        None
    }

    /// A toll given by the subject of the tally verb at `v` ("put the death toll at 50", "gave a
    /// lower toll of 31", "counted 24 dead"): "toll", "tally" or "number" among the four words
    /// after it, or a number right after it.
    fn toll_after(&self, v: usize, end: usize) -> bool {
        v + 1 < end
            && (self.key(v + 1).bytes().all(|c| c.is_ascii_digit())
                || (v + 1..end.min(v + 5))
                    .any(|i| matches!(self.key(i), "toll" | "tally" | "number")))
    }

    /// "called on (upon) X to ...": "on" after the verb names whom (not a day: "called on Monday
    /// for"), and "to" follows within fourteen tokens, before a full stop, colon or semicolon.
    fn called_on_to(&self, v: usize, end: usize) -> bool {
        if v + 2 >= end || !matches!(self.key(v + 1), "on" | "upon") {
            return false;
        }
        let whom = self.key(v + 2);
        if crate::actors::CALENDAR.contains(&whom)
            || whom.bytes().all(|c| c.is_ascii_digit())
            || matches!(whom, "behalf" | "condition")
        {
            return false;
        }
        let toks = &self.cx.tokens.tokens;
        // The dot of "U.N.", "Jr." or "Mr." is no full stop ("called on U.N. inspectors to").
        let stop = |i: usize| match self.key(i) {
            ";" | ":" => true,
            "." => {
                !crate::text::keys::initialism_dot(self.cx.tokens, i)
                    && !crate::text::keys::suffix_dot(self.cx.tokens, i)
                    && (toks[i].space_before || !self.cx.cues.is_title(self.key(i - 1)))
            }
            _ => false,
        };
        (v + 2..end.min(v + 16))
            .take_while(|&i| toks[i].word || !stop(i))
            .any(|i| self.key(i) == "to")
    }

    /// Where the content of the reporting verb at `v` starts, the clause ending at `end`:
    /// after "that" (`that`, within eight tokens), after "for" of "called for", after whom
    /// "told" names, else right after the verb. `None` when what follows is no content (a
    /// participle clause, a time phrase after "told"). `opening`: the subject opens its clause,
    /// so the verb closes no words before it and a word in "-ing" after it opens the content
    /// ("The Observatory said shelling on Sunday hit ...", "Brennan said taking over the CIA
    /// would be ..."), unless it is a preposition ("said during a visit").
    fn content_start(
        &self,
        v: usize,
        that: Option<usize>,
        end: usize,
        opening: bool,
    ) -> Option<usize> {
        let from = match (self.key(v), that) {
            // "said that was a mistake": a demonstrative, the content's subject.
            (_, Some(t))
                if t + 1 < end
                    && !self.cx.tokens.tokens[t + 1].cap
                    && self.cx.cues.is_auxiliary(self.key(t + 1))
                    && self.that_opens_content(v, t, end) =>
            {
                t
            }
            (_, Some(t)) => t + 1,
            ("called" | "calls", None) => {
                if v + 1 < end && self.key(v + 1) == "for" {
                    v + 2
                } else if self.called_on_to(v, end) {
                    // "called on the EU to act": whom, and what they are to do (X's claim in the
                    // host's words, as after "urged").
                    v + 2
                } else {
                    return None;
                }
            }
            // "Lavrov told reporters (on Monday) the talks would go ahead", "told AFP the
            // strikes ...": the content follows whom he told.
            ("told" | "tells", None) => {
                let mut j = v + 1;
                if j < end && matches!(self.key(j), "the" | "a") {
                    j += 1;
                }
                let listed = self
                    .named_in(j, end.min(j + 8))
                    .next()
                    .filter(|m| m.first as usize == j)
                    .map(|m| m.last as usize + 1);
                match listed {
                    // "told Al-Arabiya news channel ...", "told a Reuters photographer ...".
                    Some(after) => {
                        j = after;
                        while j < end && self.cx.cues.is_head_noun(self.key(j)) {
                            j += 1;
                        }
                    }
                    None if j < end && self.cx.cues.is_addressee(self.key(j)) => j += 1,
                    None => return None,
                }
                // What follows must open a clause: not a preposition or time phrase ("told
                // Reuters on condition of anonymity", "told reporters to leave").
                let k = if j < end { self.key(j) } else { "" };
                if j >= end
                    || self.cx.cues.is_place_before(k)
                    || matches!(
                        k,
                        "," | ":"
                            | "during"
                            | "after"
                            | "before"
                            | "when"
                            | "while"
                            | "as"
                            | "since"
                            | "via"
                            | "earlier"
                            | "later"
                            | "last"
                            | "this"
                            | "yesterday"
                            | "today"
                    )
                {
                    return None;
                }
                j
            }
            // "... the monitor said updating a previous toll": a participle clause, not what
            // was said.
            ("said" | "says" | "say", None) if self.participle_after(v, end) => {
                if !opening || self.cx.cues.is_ing_preposition(self.key(v + 1)) {
                    return None;
                }
                v + 1
            }
            // 'Lavrov said, "We will stay," adding that the talks would resume': the quote is
            // his words, and what he reports is after the participle that follows it (nothing
            // without one).
            _ if v + 2 < end && matches!(self.key(v + 1), "," | ":") && self.key(v + 2) == "\"" => {
                let close = (v + 3..end).find(|&i| self.key(i) == "\"")?;
                let p = if close + 1 < end && self.key(close + 1) == "," {
                    close + 2
                } else {
                    close + 1
                };
                if !(p < end && self.is_speech(p) && self.reports_for_subject(p)) {
                    return None;
                }
                self.past_that(p, end)
            }
            // "..., a war monitor said, as the United Nations pleaded for a truce", "...,
            // Earnest said—as if these things happen in a vacuum": a subordinate clause after
            // the comma or dash (every dash's key is "-") is not what was said.
            _ if v + 2 < end
                && matches!(self.key(v + 1), "," | "-")
                && SUBORDINATORS.contains(&self.key(v + 2)) =>
            {
                return None
            }
            // '..." he said, referencing the states that were colored red', "said last week in a
            // speech that was striking": a relative clause in a phrase after a comma or a
            // preposition, no content.
            _ if v + 1 < end
                && (self.key(v + 1) == "," || {
                    let k = self.key(self.past_time_phrase(v + 1, end));
                    PLACE_PREPOSITIONS.contains(&k)
                        || matches!(k, "during" | "via" | "through" | "with" | "for" | "on")
                })
                && (v + 2..end.min(v + 9))
                    .any(|t| self.key(t) == "that" && self.relative_that(v, t, end)) =>
            {
                return None
            }
            _ => self.past_time_phrase(v + 1, end),
        };
        Some(from)
    }

    /// Past a time phrase at `j` that says when something was said, not what ("said Sunday
    /// the president would ...", "said Tuesday night", "said on Tuesday", "said last week",
    /// "said yesterday"),
    /// within `..end` and only when words follow it.
    fn past_time_phrase(&self, j: usize, end: usize) -> usize {
        use crate::actors::WEEKDAYS;
        let key = |i: usize| if i < end { self.key(i) } else { "" };
        let past = match key(j) {
            k if WEEKDAYS.contains(&k) => {
                if self.cx.cues.is_time(key(j + 1)) {
                    j + 2
                } else {
                    j + 1
                }
            }
            "yesterday" | "today" | "tonight" => j + 1,
            // "said on Tuesday his country would ...".
            "on" if WEEKDAYS.contains(&key(j + 1)) => {
                if self.cx.cues.is_time(key(j + 2)) {
                    j + 3
                } else {
                    j + 2
                }
            }
            "last" | "this" if self.cx.cues.is_time(key(j + 1)) => j + 2,
            _ => j,
        };
        // "hopes Thursday will be a proud day": the day is what is said, the subject of its
        // verb.
        // "warned Monday nights attack could ..." (the apostrophe lost): the day is part of a
        // noun phrase unless a capitalised word, a pronoun or a function word follows it.
        // After "on Tuesday" or "last week" nothing else can be the day's noun phrase ("said on
        // Tuesday government forces were ...").
        let toks = &self.cx.tokens.tokens;
        let opens = past < end
            && (toks[past].cap
                || matches!(key(j), "on" | "last" | "this")
                || self.cx.cues.is_pronoun(key(past))
                || self.cx.stopwords.contains(key(past)));
        if past > j
            && opens
            && !self.cx.cues.is_auxiliary(key(past))
            && (past..end).filter(|&i| toks[i].word).count() >= 2
        {
            past
        } else {
            j
        }
    }

    /// The token after the participle at `p` and the "that" right after it, if any (within
    /// `..end`): where what the participle reports starts.
    fn past_that(&self, p: usize, end: usize) -> usize {
        if p + 1 < end && self.key(p + 1) == "that" {
            p + 2
        } else {
            p + 1
        }
    }

    /// ""There is no military solution," U.S. envoy James Jeffrey told reporters, adding that
    /// Washington would impose new sanctions": a participle speech verb after a comma, after the
    /// attribution of a quote that ends at byte `quote_end`, reports for the quote's speaker.
    /// At most twelve tokens from the quote to the comma, no other quotation mark or speech verb
    /// but the attribution's (or none: 'Lavrov said, "...," adding that ...'); the content runs
    /// from after the participle (and "that") to the sentence's last word, at least four words.
    /// The cue and the content.
    pub(super) fn participle_after_quote(&self, s: Span, quote_end: usize) -> Option<(Span, Span)> {
        // (A quote that runs past the sentence leaves nothing of it after the quote.)
        if quote_end >= s.end {
            return None;
        }
        let (a, b) = self
            .cx
            .tokens
            .range(Span::new(quote_end.max(s.start), s.end));
        let end = self.words_end(a, b);
        let toks = &self.cx.tokens.tokens;
        // A comma inside the quote before its closing mark ('"... in Syria," adding') stands
        // for the comma before a participle right after the quote.
        let comma_in_quote = self.cx.text[..quote_end]
            .trim_end_matches(|c: char| c == '"' || c == '\u{201d}' || c.is_whitespace())
            .ends_with(',');
        // Commas dropped: "that" right after the participle ('"..." said Rami Abdel Rahman
        // adding that ...').
        let v = (a..end.min(a + 14)).find(|&i| {
            toks[i].word
                && ((i > a && self.key(i - 1) == ",")
                    || (i == a && comma_in_quote)
                    || (i > a && toks[i - 1].word && i + 1 < end && self.key(i + 1) == "that"))
                && self.is_speech(i)
                && self.reports_for_subject(i)
        })?;
        // At most one attribution between the quote and the participle (none when the cue
        // stood before the quote: 'Lavrov said, "...," adding that'), no quote mark.
        let verbs = (a..v)
            .filter(|&i| toks[i].word && self.is_speech(i))
            .count();
        if verbs > 1 || (a..v).any(|i| self.in_quote(toks[i].span.start) || self.key(i) == "\"") {
            return None;
        }
        let from = self.past_that(v, end);
        let words = (from..end).filter(|&i| toks[i].word).count();
        if words < 4
            || (from..end).any(|i| self.key(i) == "\"" || self.in_quote(toks[i].span.start))
        {
            return None;
        }
        Some((
            Span::new(toks[v].span.start, toks[from - 1].span.end),
            Span::new(toks[from].span.start, toks[end - 1].span.end),
        ))
    }

    /// "France called on Russia to ..., saying (that) it would push for a resolution": a
    /// participle speech verb after a comma (or a word: commas dropped) reports the claim of the sentence's subject, a name
    /// that opens the sentence (after at most "The"). The voice, cue and content.
    fn reported_participle(&mut self, a: usize, end: usize) -> Option<(Voice, Span, Span)> {
        let toks = &self.cx.tokens.tokens;
        let v = (a + 3..end).find(|&i| {
            toks[i].word
                && self.cx.cues.is_speech(self.key(i))
                && self.reports_for_subject(i)
                // The comma, or a word where the source dropped it (FA-KES).
                && (self.key(i - 1) == "," || (toks[i - 1].word && i > a + 5))
        })?;
        // The listed actor that opens the sentence, else the subject of the clause the
        // participle hangs on ("Khizr Khan blasted Trump on stage, noting that ...").
        let opening = self
            .named_in(a, v)
            .next()
            .filter(|m| m.first as usize <= a + 1)
            .map(|m| Voice::Source(m.actor));
        // (An unlisted name only when it opens the sentence, after titles, and the participle
        // follows a comma: "... for saying", "Government forces ..., saying", "He echoed
        // accusations that Houthis have ..., saying" name no one.)
        let voice = match opening {
            Some(voice) => voice,
            None if self.key(v - 1) == "," => {
                let cues = self.cx.cues;
                let f = (a..v).find(|&i| {
                    let k = self.key(i);
                    toks[i].word
                        && !toks[i].cap
                        && !cues.is_title(k)
                        && !cues.is_particle(k)
                        && !self.cx.joining_hyphen(i)
                })?;
                // (The name's own verb follows it: not "John McCain to either provide ...".)
                if cues.is_place_before(self.key(f)) || determiner(self.key(f)) {
                    return None;
                }
                let run = self.reader().before(a, f, &self.names)?;
                if run.end != f {
                    return None;
                }
                match self.name_voice(run) {
                    Voice::Named(i) if self.names.speakers[i as usize].full_person() => {
                        Voice::Named(i)
                    }
                    _ => return None,
                }
            }
            None => return None,
        };
        let toks = &self.cx.tokens.tokens;
        let that = (v + 1..end.min(v + 4)).find(|&i| self.key(i) == "that");
        let from = that.map_or(v + 1, |t| t + 1);
        if from >= end || (from..end).filter(|&i| toks[i].word).count() < 4 {
            return None;
        }
        Some((
            voice,
            Span::new(toks[v - 1].span.start, toks[from - 1].span.end),
            Span::new(toks[from].span.start, toks[end - 1].span.end),
        ))
    }

    /// The actor named right after the speech verb at `v` (starting within `reach` tokens of it)
    /// whose name ends the sentence (words end at `end`; at most three tokens after it, "on
    /// Monday"): "... said the official", "... said the Syrian Observatory for Human Rights".
    fn name_closing(&self, v: usize, reach: usize, end: usize) -> Option<ActorId> {
        // "... did not comment when asked by the Associated Press": who asked said nothing.
        if v + 1 < end && matches!(self.key(v), "asked" | "asks") && self.key(v + 1) == "by" {
            return None;
        }
        let m = self.named_in(v + 1, end).next().copied()?;
        let first = m.first as usize;
        // "... said Observatory head Rami Abdel Rahman": the person after the body's role.
        let m = self.person_after_role(m, end).unwrap_or(m);
        let last = m.last as usize;
        // "... Lavrov told Kerry", "... which then asked Mrs. Clinton for them": whom someone
        // told or asked something is no speaker.
        let asked = matches!(self.key(v), "asked" | "asks")
            && last + 1 < end
            && matches!(
                self.key(last + 1),
                "for" | "to" | "about" | "whether" | "if" | "why" | "what" | "how"
            );
        if matches!(self.key(v), "told" | "tells") || asked {
            return None;
        }
        // "... in saying Assad was responsible", "... said Assad's forces": a name that opens
        // a clause (an auxiliary after it, not one in a relative clause about it) or a
        // possessive is no closing speaker.
        let clause = || {
            self.possessive(last)
                || (last + 1..end)
                    .take_while(|&i| !matches!(self.key(i), "who" | "whose"))
                    .any(|i| self.cx.cues.is_auxiliary(self.key(i)))
        };
        // "... said the Observatory a British-based war monitoring group", "... said Rami Abdel
        // Rahman who did not provide a precise number": an appositive or a relative clause may
        // follow the name to the end (commas dropped).
        let closes =
            end <= last + 4 || matches!(self.key(last + 1), "a" | "an" | "one" | "who" | "whose");
        // A person's name may come after a body's unlisted name and a role ("said Observatory
        // head Rami Abdel Rahman"): capitalised words, titles and person nouns, four at most.
        let toks = &self.cx.tokens.tokens;
        let cues = self.cx.cues;
        // (Also the body's lowercase noun: "said observatory head Rami Abdel Rahman".)
        let titled = self.cx.gazetteer.actor(m.actor).kind == ActorKind::Person
            && m.first as usize <= v + 5
            && (v + 1..m.first as usize).all(|i| {
                let k = self.key(i);
                toks[i].word
                    && (toks[i].cap
                        || cues.is_title(k)
                        || cues.is_person_noun(k)
                        || cues.is_org_noun(k))
            });
        ((self.within(v, first, reach) || titled) && closes && !clause()).then_some(m.actor)
    }

    /// Whether a name at token `first` starts within `reach` tokens after the verb at `v`, a
    /// hyphened modifier right before it counting as one word ("... said the so-called Syrian
    /// Observatory").
    fn within(&self, v: usize, first: usize, reach: usize) -> bool {
        let compound = first >= 3 && first - 2 > v && self.cx.joining_hyphen(first - 2);
        first <= v + reach || (compound && first - 2 <= v + reach)
    }

    /// The voice of a descriptor right after the speech verb at `v` that closes the sentence
    /// (words end at `end`): a determiner, at most three more words ending in a descriptor head
    /// noun, then the end (at most "on Monday" after it) or a relative clause.
    fn descriptor_closing(&self, v: usize, end: usize) -> Option<Voice> {
        let toks = &self.cx.tokens.tokens;
        if v + 2 >= end || !determiner(self.key(v + 1)) {
            return None;
        }
        let head = (v + 2..end.min(v + 5))
            .take_while(|&i| toks[i].word)
            .find(|&i| self.cx.cues.is_head_noun(self.key(i)))?;
        // "... said the opposition's chief negotiator Mohamad Sabra": a name right after the
        // description is the speaker ([`State::inverted_name`]).
        if self
            .reader()
            .after(head + 1, end)
            .is_some_and(|r| r.start == head + 1)
        {
            return None;
        }
        // ... or an appositive to the end ("said the Observatory a British-based monitor").
        let appositive = || {
            matches!(self.key(head + 1), "a" | "an" | "one")
                && !(head + 1..end).any(|i| self.cx.cues.is_auxiliary(self.key(i)))
        };
        let closes = end <= head + 3
            || matches!(self.key(head + 1), "who" | "which" | "whose")
            || appositive();
        if !closes {
            return None;
        }
        Some(
            self.descriptor(v + 1, head + 1, toks[v].span.start)
                .unwrap_or(Voice::Unknown),
        )
    }

    /// Whether mention `m`, of a body or outlet, is in the possessive before a name, a title in
    /// quotes or a programme ("CNN's Van Jones", "MSNBC's "AM Joy""): it owns what follows,
    /// which speaks if anyone does. (A person's stays: "Trump's "racist comments" ... after he
    /// tweeted".)
    fn owner_of_name(&self, m: &Mention) -> bool {
        let toks = &self.cx.tokens.tokens;
        let mut n = m.last as usize + 1;
        if n < toks.len() && matches!(self.key(n), "'s" | "'") {
            n += 1;
        }
        self.cx.gazetteer.actor(m.actor).kind != ActorKind::Person
            && self.possessive(m.last as usize)
            && toks
                .get(n)
                .is_some_and(|t| (t.word && t.cap) || self.key(n) == "\"")
    }

    /// The mention that starts at token `i` or after up to four capitalised words there (titles
    /// such as "Foreign Minister"), within `..b`.
    fn mention_after_titles(&self, i: usize, b: usize) -> Option<Mention> {
        let toks = &self.cx.tokens.tokens;
        let mut t = i;
        while t < b && t < i + 4 && self.cx.mention_at(t).is_none() && toks[t].word && toks[t].cap {
            t += 1;
        }
        (t < b)
            .then(|| self.cx.mention_at(t).copied())
            .flatten()
            .filter(|m| m.first as usize == t)
    }

    /// The person named right after the possessive of a body or outlet `m` (before `b`): a
    /// listed person, or an unlisted name of two words or more ("Axios's Mike Allen").
    fn owned_person(&mut self, m: &Mention, b: usize) -> Option<Voice> {
        if !self.owner_of_name(m) {
            return None;
        }
        let mut n = m.last as usize + 1;
        if n < b && matches!(self.key(n), "'s" | "'") {
            n += 1;
        }
        let g = self.cx.gazetteer;
        // A listed person, after capitalised titles ("Russia's Foreign Minister Sergei
        // Lavrov").
        if let Some(p) = self.mention_after_titles(n, b) {
            return (g.actor(p.actor).kind == ActorKind::Person).then_some(Voice::Source(p.actor));
        }
        let run = self
            .reader()
            .after(n, b)
            .filter(|&r| r.start == n && self.name_words(r) >= 2)?;
        Some(self.name_voice(run))
    }

    /// True when token `i` is a possessive: "its", "his", "her", "their", a word with "'s", or
    /// a listed name with the apostrophe of its possessive lost ("Moscows": its mention ends in
    /// an "s" that none of the actor's names, aliases and metonyms ends in; "Damascus" is no
    /// possessive).
    fn possessive(&self, i: usize) -> bool {
        let k = self.key(i);
        if matches!(k, "its" | "his" | "her" | "their" | "our") || k.ends_with("'s") {
            return true;
        }
        // "CBS' "Face the Nation"": an apostrophe alone right after a word in "s".
        if self.cx.apostrophe_possessive(i) {
            return true;
        }
        let g = self.cx.gazetteer;
        self.cx
            .mention_at(i)
            .filter(|m| m.last as usize == i)
            .is_some_and(|m| {
                let form = m.span.of(self.cx.text);
                let a = g.actor(m.actor);
                // Not a demonym ("Syrians say"), nor a name whose last word ends in "s"
                // ("Fabius said": the surname, or a name ending in it).
                let last_word = |n: &String| {
                    n.rsplit([' ', '-']).next().is_some_and(|w| {
                        form.rsplit([' ', '-'])
                            .next()
                            .is_some_and(|f| f.eq_ignore_ascii_case(w))
                    })
                };
                m.form != Form::Demonym
                    && form.ends_with('s')
                    && !std::iter::once(&a.name)
                        .chain(&a.aliases)
                        .chain(&a.metonyms)
                        .chain(a.surname.iter())
                        .any(|n| n.eq_ignore_ascii_case(form) || last_word(n))
            })
    }

    /// "... state news agency SANA reported", "... the Britain-based monitoring group the Syrian
    /// Observatory for Human Rights said": a description right before a listed name that opens
    /// a closing subject at `start` (or before the name's "the") is the cue's. Its head, right
    /// before, is an outlet's noun before an outlet; before another body (no person, no
    /// country), a generic noun ("group") or a word of the body's name or of a descriptor it
    /// declares (not "... the U.S.-led coalition the Turkish General Staff said"). Before the
    /// head, one to three qualifiers (`[descriptors] qualifiers`: "state", "news", "monitoring";
    /// not "... killed 40 others state news agency SANA reported"), the first words of hyphen
    /// compounds ("state-run", "Britain-based"), the body's country's demonym ("Syrian state
    /// news agency"), then a determiner. The widened start (not before `lo`), else `start`.
    fn description_before_name(&self, lo: usize, start: usize) -> usize {
        let g = self.cx.gazetteer;
        let cues = self.cx.cues;
        let toks = &self.cx.tokens.tokens;
        // (The name's "the" is in the cue already, or not yet: "... group the Syrian Observatory".)
        let name = start + usize::from(determiner(self.key(start)));
        let Some(m) = self
            .cx
            .mention_at(name)
            .filter(|m| m.first as usize == name && !m.place && m.form != Form::Demonym)
        else {
            return start;
        };
        let actor = g.actor(m.actor);
        if name <= lo + 1 || matches!(actor.kind, ActorKind::Person | ActorKind::Country) {
            return start;
        }
        let mut h = name - 1;
        if determiner(self.key(h)) && h > lo + 1 {
            h -= 1;
        }
        let head = self.key(h);
        let fits = if actor.kind == ActorKind::Outlet {
            cues.is_outlet_noun(head)
        } else {
            cues.is_generic_org_noun(head)
                || g.has_name_word(m.actor, head)
                || actor
                    .descriptors
                    .iter()
                    .any(|d| d.split_whitespace().last() == Some(head))
        };
        if !toks[h].word || toks[h].cap || !fits {
            return start;
        }
        let country = g.country(m.actor);
        let mut first = h;
        let mut words = 0;
        while first > lo && words < 3 {
            let i = first - 1;
            let k = self.key(i);
            let qualifies = if !toks[i].word {
                self.cx.joining_hyphen(i)
            } else if self.cx.joining_hyphen(i + 1) {
                true // "state-run", "Britain-based"
            } else if toks[i].cap {
                self.cx
                    .mention_at(i)
                    .is_some_and(|x| x.form == Form::Demonym && g.country(x.actor) == country)
            } else {
                cues.is_qualifier(k)
            };
            if !qualifies {
                break;
            }
            first = i;
            words += usize::from(toks[i].word);
        }
        // ("... members of the group the Syrian Observatory said": a bare head is the claim's.)
        // (Nor a compound left open: "... the U.S.-" is no description.)
        if words == 0 || !toks[first].word {
            return start;
        }
        if first > lo && determiner(self.key(first - 1)) {
            first -= 1;
        }
        first
    }

    /// "... in a nerve gas attack senior opposition official Khaled Saleh said", "... Syrian
    /// opposition leader Khaled Saleh said": a person's role right before the name that opens a
    /// closing subject at `start` is the cue's, not the claim's (sources that dropped commas).
    /// The role word right before the name is a title or a person's noun (`[names] titles`,
    /// `[descriptors] person`); before it, up to three more words that qualify it: titles,
    /// person nouns, `[descriptors] qualifiers` ("senior", "opposition"), demonyms and bodies
    /// the gazetteer lists ("Kremlin spokesman"), a body's capitalised noun ("Observatory
    /// chief"), the first words of hyphen compounds; then a determiner. The widened start (not before `lo`), else
    /// `start`.
    fn role_before_person(&self, lo: usize, start: usize, voice: Voice) -> usize {
        let g = self.cx.gazetteer;
        let cues = self.cx.cues;
        let toks = &self.cx.tokens.tokens;
        let person = match voice {
            Voice::Source(x) => g.actor(x).kind == ActorKind::Person,
            Voice::Named(i) => self.names.speakers[i as usize].person,
            Voice::Own | Voice::Unknown => false,
        };
        if !person || start <= lo + 1 || !toks[start].word || !toks[start].cap {
            return start;
        }
        let h = start - 1;
        let k = self.key(h);
        if !toks[h].word || toks[h].cap || !(cues.is_title(k) || cues.is_person_noun(k)) {
            return start;
        }
        let mut first = h;
        let mut words = 0;
        while first > lo && words < 3 {
            let i = first - 1;
            let k = self.key(i);
            if !toks[i].word {
                if !self.cx.joining_hyphen(i) {
                    break;
                }
                first = i;
                continue;
            }
            if toks[i].cap {
                // A demonym or a body the gazetteer lists, as a whole; a body's capitalised
                // noun ("Observatory chief Rami Abdel Rahman").
                match self.cx.mention_at(i).filter(|m| m.last as usize == i) {
                    Some(m)
                        if !m.place
                            && (m.form == Form::Demonym
                                || g.actor(m.actor).kind != ActorKind::Person) =>
                    {
                        first = m.first as usize;
                    }
                    None if cues.is_org_noun(k) => first = i,
                    _ => break,
                }
                words += 1;
                continue;
            }
            // (Not a body's noun in lowercase: "... since the beginning of the war observatory
            // director Rami Abdel Rahman said" ends the claim with "the war".)
            let qualifies = self.cx.joining_hyphen(i + 1)
                || cues.is_qualifier(k)
                || cues.is_title(k)
                || cues.is_person_noun(k);
            if !qualifies {
                break;
            }
            first = i;
            words += 1;
        }
        if first > lo && determiner(self.key(first - 1)) {
            first -= 1;
        }
        first
    }

    /// The start of a subject found at `first` before the verb at `v`, widened (not before
    /// `clause`) over a name its start cuts ("the Syrian Observatory for Human Rights monitoring
    /// group"), the modifiers joined by a hyphen and the titles before it ("the Britain-based
    /// monitoring group", "President Recep Tayyip Erdogan") and its determiner.
    fn widen_subject(&self, mut first: usize, clause: usize, v: usize) -> usize {
        if let Some(m) = self
            .mentions_in(clause, v)
            .find(|m| (m.first as usize) < first && first <= m.last as usize)
        {
            first = m.first as usize;
        }
        loop {
            if first >= clause + 2 && self.cx.joining_hyphen(first - 1) {
                first -= 2;
            } else if first >= clause + 3
                && self.cx.joining_hyphen(first - 2)
                && !self.cx.tokens.tokens[first - 1].cap
            {
                // "the British-based Syrian Observatory": a compound modifier before the name.
                first -= 3;
            } else if first > clause && self.cx.cues.is_title(self.key(first - 1)) {
                first -= 1;
            } else {
                break;
            }
        }
        if first > clause && determiner(self.key(first - 1)) {
            first -= 1;
        }
        first
    }

    /// True when the word after token `v` (before `end`) is a participle that opens a clause
    /// of its own ("... the monitor said updating a previous toll": commas dropped).
    fn participle_after(&self, v: usize, end: usize) -> bool {
        v + 1 < end && self.participle_word(v + 1)
    }

    /// True when token `i` is a word in "-ing" that may be a participle ("updating", "visiting";
    /// "everything", "nothing" are pronouns, "king" too short).
    fn participle_word(&self, i: usize) -> bool {
        let k = self.key(i);
        self.cx.tokens.tokens[i].word && k.len() > 5 && k.ends_with("ing") && !k.ends_with("thing")
    }

    /// Whether the word right before `cue` (which opens with a word) is a subordinator other
    /// than "as" ("... before Boehner told the conference"); not an adverb of time ("better
    /// than ever before, Trump said", "200 a month before AP quoted ...").
    pub(super) fn after_subordinator(&self, cue: Span) -> bool {
        let toks = &self.cx.tokens.tokens;
        let c = self.cx.tokens.first_at(cue.start);
        if c < 2 || !toks[c].word {
            return false;
        }
        let k = self.key(c - 1);
        let time = matches!(
            self.key(c - 2),
            "ever"
                | "day"
                | "days"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "year"
                | "years"
                | "hour"
                | "hours"
                | "minute"
                | "minutes"
                | "night"
        );
        k != "as" && SUBORDINATORS.contains(&k) && !toks[c - 1].cap && !time
    }

    /// A sentence closed by its attribution without a comma (sources that dropped commas):
    /// "... killed 16 people the monitor said", "... the Syrian Observatory said on Tuesday",
    /// "... said the official". The voice and the cue (speaker and verb, to the end).
    pub(super) fn closing_without_comma(&mut self, s: Span) -> Option<(Voice, Span)> {
        let (a, b) = self.cx.tokens.range(s);
        let end = self.words_end(a, b);
        if end < a + 6 {
            return None;
        }
        let toks = &self.cx.tokens.tokens;
        // The verb closes the sentence: at most "on Monday", "in a statement" after it, or a
        // longer name that ends it ("... said the Syrian Observatory for Human Rights monitoring
        // group").
        // "... he told Reuters on condition of anonymity to protect his identity": the reason
        // the source was not named closes the sentence, however long it is.
        let anonymity = (a + 4..end.saturating_sub(3)).find(|&i| {
            self.key(i) == "on"
                && matches!(
                    (self.key(i + 1), self.key(i + 2), self.key(i + 3)),
                    ("condition", "of", "anonymity") | ("the", "condition", "of")
                )
        });
        let end = anonymity.filter(|&i| i + 12 >= end).unwrap_or(end);
        for v in (end.saturating_sub(14).max(a + 4)..end).rev() {
            // A participle ("..., saying the militants fled") closes no sentence: it reports
            // for its clause's subject.
            if self.reports_for_subject(v) {
                continue;
            }
            if end - v > 7 && !self.participle_after(v, end) {
                if self.is_speech(v) {
                    if let Some(actor) = self.name_closing(v, 2, end) {
                        let cue = Span::new(toks[v].span.start, toks[b - 1].span.end);
                        return Some((Voice::Source(actor), cue));
                    }
                    if let Some(voice) = self.descriptor_closing(v, end) {
                        let cue = Span::new(toks[v].span.start, toks[b - 1].span.end);
                        return Some((voice, cue));
                    }
                    // "... we have said Hossam Qassab a 32-year-old pharmacist".
                    if !toks[v].cap && self.key(v) != "according" {
                        if let Some(voice) = self.inverted_name(v, end) {
                            let cue = Span::new(toks[v].span.start, toks[b - 1].span.end);
                            return Some((voice, cue));
                        }
                    }
                }
                continue;
            }
            // A capitalised speech verb inside a sentence is part of a name ("the United
            // States and ...").
            if toks[v].cap || !self.is_speech(v) || self.key(v) == "according" {
                continue;
            }
            // "... the end of a pause declared by Russia", "... attacks claimed by Daesh": a
            // participle and its agent qualify a noun; no one closes the sentence ("as reported
            // by SANA" does).
            if self.agent_after(v, end) && self.key(v - 1) != "as" {
                continue;
            }
            // "... the monitor said, updating a previous toll", "... one witness said, adding
            // that ...": a participle after the verb opens a clause of its own.
            let participle = self.participle_after(v, end);
            // "... an army source was quoted as saying on state media": the passive's auxiliary
            // stands for the verb, whose subject speaks, and its participle after "as" ends it.
            let passive = self.passive_quoting(v) && v + 2 < end;
            let (v, after) = if passive { (v - 1, v + 3) } else { (v, v + 1) };
            let from = after + usize::from(participle);
            // ... unless a speech verb that is also a noun follows its determiner ("said in a
            // new report", "said in its claim").
            let noun = |i: usize| {
                self.cx.cues.is_noun_verb(self.key(i))
                    && i > from
                    && (determiner(self.key(i - 1))
                        || matches!(self.key(i - 1), "its" | "his" | "her" | "their")
                        || (i > from + 1 && determiner(self.key(i - 2))))
            };
            if (from..end)
                .any(|i| self.key(i) == "that" || (self.cx.cues.is_speech(self.key(i)) && !noun(i)))
            {
                continue;
            }
            // "... disagreed with Moscows report.": a speech verb that is also a noun, after a
            // possessive, is the noun.
            if self.cx.cues.is_noun_verb(self.key(v)) && self.possessive(v - 1) {
                continue;
            }
            // Nor is one with a reporting verb after it.
            if self.noun_before_report(v, end) {
                continue;
            }
            // "... the monitor said (on Monday)": the speaker right before the verb, which ends
            // the clause or is followed by when, where or how it was said, not by what ("...
            // Trump says Syria attack cannot be tolerated" is no closing attribution).
            // "told Reuters the insurgents would not leave": an auxiliary after the addressee
            // opens the clause that was told; the verb closes nothing.
            let to_addressee = matches!(self.key(v), "told" | "tells");
            let told =
                to_addressee && !(v + 2..end).any(|i| self.cx.cues.is_auxiliary(self.key(i)));
            // ("said at least 58 people were killed": "at least" counts, it says no place.)
            let quantity = after + 1 < end
                && self.key(after) == "at"
                && matches!(self.key(after + 1), "least" | "most");
            let tail = after >= end || participle || told || {
                let k = self.key(after);
                (crate::actors::CALENDAR.contains(&k) || CLOSING_TAIL.contains(&k)) && !quantity
            };
            let lo = v.saturating_sub(8).max(a + 3);
            let subject = if tail {
                let w = self.skip_back(lo, v);
                self.name_before_appositive(a + 3, w, true)
                    .or_else(|| self.subject_before(lo, w))
            } else {
                None
            };
            // "... when a patrol car approached, and the officer told them to leave": after a
            // comma and a conjunction the subject opens a clause of its own, no closing one.
            let coordinated = |start: usize| {
                start >= a + 2
                    && matches!(self.key(start - 1), "and" | "but" | "or" | "yet" | "so")
                    && self.key(start - 2) == ","
            };
            if subject.is_some_and(|(_, start)| coordinated(start)) {
                continue;
            }
            if let Some((voice, start)) = subject {
                let start = self.description_before_name(a + 4, start);
                let start = self.role_before_person(a + 4, start, voice);
                let start = self.opens_description(start, v, true);
                // A possessive pronoun opens the source's noun phrase; the words before it end
                // the claim ("The centre established in 1965 tests industrial products its
                // website says": "its website").
                // (It is read anew: "... his office said" is the person "he" would be.)
                let (voice, start) = match (start + 1..v)
                    .rev()
                    .find(|&i| matches!(self.key(i), "its" | "his" | "her" | "their"))
                    .filter(|&p| (p + 1..v).all(|i| toks[i].word && !toks[i].cap))
                {
                    Some(p) => (
                        self.descriptor(p, v, toks[p].span.start)
                            .unwrap_or(Voice::Unknown),
                        p,
                    ),
                    None => (voice, start),
                };
                // "... the Observatory said and civil defence workers said.": two sources of one
                // claim; a named one before "and" speaks for it when the second is unnamed.
                // "... the Observatory and a witness said.": a joint subject; the first of
                // them speaks for the claim when the second is unnamed (or both are unnamed, and
                // the claim stops before the first).
                let said = start >= a + 6 && self.is_speech(start - 2);
                // (Both conjuncts sources: the second opens with a determiner, a capital or a
                // source's noun, the first ends with a capital or a source's noun; not "killing
                // five people and wounding dozens more observers said".)
                let source_word = |i: usize| {
                    let k = self.key(i);
                    toks[i].cap || self.cx.cues.is_head_noun(k) || self.cx.cues.is_institutional(k)
                };
                let joint = start >= a + 6
                    && (said
                        || (start < v
                            && (determiner(self.key(start)) || source_word(start))
                            && source_word(start - 2)));
                // (When the second is named, it speaks as before, but the cue opens at the
                // first, named too or a source's noun: "... a monitor and rebels said" holds no
                // "a monitor and" in the claim; "... the Christian and Druze district state media
                // said" is no joint subject.)
                let w = if said { start - 2 } else { start - 1 };
                let first = (start >= a + 6 && self.key(start - 1) == "and" && joint)
                    .then(|| {
                        let lo2 = w.saturating_sub(8).max(a + 3);
                        self.subject_before(lo2, self.skip_back(lo2, w))
                    })
                    .flatten()
                    .filter(|&(x, s0)| {
                        let k = self.key(self.skip_back(s0, w) - 1);
                        voice == Voice::Unknown
                            || x != Voice::Unknown
                            || self.cx.cues.is_head_noun(k)
                            || self.cx.cues.is_institutional(k)
                    })
                    .filter(|&(w, s0)| {
                        s0 >= a + 4
                            && if said {
                                w != Voice::Unknown
                            } else {
                                !PLACE_PREPOSITIONS.contains(&self.key(s0 - 1))
                                    && !matches!(
                                        self.key(s0 - 1),
                                        "of" | "to"
                                            | "by"
                                            | "with"
                                            | "for"
                                            | "between"
                                            | "against"
                                            | "and"
                                    )
                            }
                    })
                    .map(|(w, s0)| {
                        (
                            if voice == Voice::Unknown { w } else { voice },
                            if self.after_determiner(s0) {
                                s0 - 1
                            } else {
                                s0
                            },
                        )
                    });
                let (mut voice, mut start) = first.unwrap_or((voice, start));
                // A subject that starts inside a longer name is that name's tail ("The Syrian
                // Observatory for Human Rights said shelling ...": not "Human Rights" closing
                // "The Syrian Observatory for"); an unknown one is the name's ("the Syrian
                // Observatory for Human Rights group said").
                if let Some(m) = self
                    .mentions_in(a, v)
                    .find(|m| (m.first as usize) < start && start <= m.last as usize)
                {
                    let w = self.skip_back(a, v);
                    let head = (m.last as usize + 1..w).all(|i| !self.cx.tokens.tokens[i].cap)
                        && w > m.last as usize + 1
                        && self.cx.cues.is_org_noun(self.key(w - 1));
                    if voice == Voice::Unknown && head {
                        voice = Voice::Source(m.actor);
                    }
                    start = self.widen_subject(start, a, v);
                } else if start > a + 4
                    && self.key(start - 1) == "the"
                    && self
                        .cx
                        .mention_at(start)
                        .is_some_and(|m| m.first as usize == start)
                {
                    // "... killed 14 civilians the Syrian Observatory for Human Rights said": the
                    // article is the name's, not the claim's.
                    start -= 1;
                }
                if start >= a + 4 {
                    let toks = &self.cx.tokens.tokens;
                    let cue = Span::new(toks[start].span.start, toks[b - 1].span.end);
                    return Some((voice, cue));
                }
            }
            // "Kremlin spokesman Dmitry Peskov told reporters on a conference call.": a
            // subject of names and titles only before the verb leaves nothing to claim.
            let cues = self.cx.cues;
            let titles_only = (a..v).all(|i| {
                let k = self.key(i);
                !toks[i].word || toks[i].cap || cues.is_title(k) || cues.is_person_noun(k)
            });
            if titles_only {
                continue;
            }
            // "... on Sunday a hospital staff told RIA Novosti": whom someone told is never the
            // speaker (the rules below read a name after the verb); someone unnamed spoke.
            if told {
                let cue = Span::new(toks[v].span.start, toks[b - 1].span.end);
                return Some((Voice::Unknown, cue));
            }
            // "... said U.N. spokesman Martin Nesirky": an unlisted name after titles.
            if let Some(voice) = self.name_after(v + 1, end) {
                let cue = Span::new(toks[v].span.start, toks[b - 1].span.end);
                return Some((voice, cue));
            }
            // "... said the official": the speaker right after it, at the end of the sentence
            // ("... says Syria attack cannot be tolerated" names what was said, not who).
            if let Some(actor) = self.name_closing(v, 3, end) {
                let cue = Span::new(toks[v].span.start, toks[b - 1].span.end);
                return Some((Voice::Source(actor), cue));
            }
            // "... was foiled on Saturday said the frontline commander", "... said the official
            // who was not authorised to speak": a descriptor after the verb that ends the
            // sentence or is followed only by a relative clause.
            if let Some(voice) = self.descriptor_closing(v, end) {
                let cue = Span::new(toks[v].span.start, toks[b - 1].span.end);
                return Some((voice, cue));
            }
            // "... said Someone": a capitalised run that is no name the reader accepts, ending
            // the sentence or followed by an appositive.
            let mut r = v + 1;
            while r < end && toks[r].word && toks[r].cap {
                r += 1;
            }
            // (Not after "told": a name there is whom someone told, read above.) Nor a run that
            // an auxiliary follows: "... and said Russia would help" reports a clause of which
            // the run is the subject.
            let ends = (end <= r + 3 && !self.opens_clause(r, end))
                || matches!(self.key(r), "a" | "an" | "the" | "one");
            if r > v + 1 && ends && !to_addressee {
                let cue = Span::new(toks[v].span.start, toks[b - 1].span.end);
                return Some((Voice::Unknown, cue));
            }
        }
        // Further back than the verbs above: "... said Bebars Mishal an official with the
        // white helmets civil defense volunteer group in eastern Aleppo which digs ...".
        let lo = (a + 4).min(end);
        for v in lo..end.saturating_sub(14).max(lo) {
            if toks[v].cap || !self.is_speech(v) || self.key(v) == "according" {
                continue;
            }
            if let Some(voice) = self.inverted_name(v, end) {
                let cue = Span::new(toks[v].span.start, toks[b - 1].span.end);
                return Some((voice, cue));
            }
        }
        None
    }
}
