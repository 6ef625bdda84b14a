//! Common names (`data/names.toml`, compiled in): the commonest US surnames and given names,
//! from the 1990 US Census name files, and the given names of the region the bundled lexicons
//! cover (Arabic, Persian, Kurdish, Turkish and Russian, romanised as the wires write them). The actor matcher reads them as evidence about a
//! capitalised word that the gazetteer alone cannot give: whether a surname names many people
//! ("Johnson"), and whether a word is someone's given name ("Lisa", "Jeffrey").
//!
//! Checked like the attribution cue words: a syntax error, an empty list, an entry that is not
//! a token key or is written twice is an error at `file:line:col`.

use crate::lexicon::{Error, Gender};
use crate::voices::cues::{table_at, words_of, Meta};
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::sync::LazyLock;
use toml::Spanned;

/// The bundled common names.
pub const DEFAULT_NAMES: &str = include_str!("../../data/names.toml");

const FORMAT: &str = "the comments in data/names.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    meta: Meta,
    surnames: List,
    given: Given,
    #[serde(default)]
    gender: Genders,
    /// (Since 1.5.0; a file without it has no person's titles.)
    #[serde(default)]
    titles: Titles,
}

/// `[titles]`: honorifics of a person and the titles of offices only persons hold.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Titles {
    person: Option<Vec<Spanned<String>>>,
}

/// `[gender]`: given names of men and of women.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Genders {
    male: Option<Vec<Spanned<String>>>,
    female: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Given {
    common: Vec<Spanned<String>>,
    regional: Vec<Spanned<String>>,
    /// Optional; written out, it may not be empty.
    ordinary: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct List {
    common: Vec<Spanned<String>>,
}

/// Common surnames and given names, as token keys.
#[derive(Debug)]
pub struct CommonNames {
    /// `meta.name` of the file.
    pub name: String,
    /// `meta.version` of the file.
    pub version: String,
    surnames: FxHashSet<String>,
    given: FxHashSet<String>,
    /// The region's given names ([`CommonNames::is_given`] holds them too).
    regional: FxHashSet<String>,
    /// Given names that are also ordinary words ("bill", "mark"): not in `given`.
    ordinary: FxHashSet<String>,
    /// `[gender]`: whose given name each is, where one sex bears it far more often.
    gender: rustc_hash::FxHashMap<String, Gender>,
    /// `[titles] person`: "mr", "sen", "sheriff".
    person_titles: FxHashSet<String>,
}

static BUNDLED: LazyLock<CommonNames> = LazyLock::new(|| {
    CommonNames::parse(DEFAULT_NAMES, "data/names.toml").expect("bundled common names are valid")
});

impl CommonNames {
    /// Reads and checks a common-names file; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<CommonNames, Error> {
        let f: File = toml::from_str(text).map_err(|e| Error::toml(path, text, &e, FORMAT))?;
        let surnames = words_of(
            text,
            path,
            "surnames.common",
            f.surnames.common,
            table_at(text, "[surnames]"),
        )?;
        let mut given = words_of(
            text,
            path,
            "given.common",
            f.given.common,
            table_at(text, "[given]"),
        )?;
        // A further list of [given], none of whose names `given` holds already.
        let apart = |name: &str, words: Vec<Spanned<String>>, given: &[String], why: &str| {
            let at: Vec<usize> = words.iter().map(|w| w.span().start).collect();
            let words = words_of(text, path, name, words, table_at(text, "[given]"))?;
            match words.iter().zip(&at).find(|(w, _)| given.contains(w)) {
                Some((w, &at)) => Err(Error::at(path, text, Some(at), &format!("{w:?} {why}"))),
                None => Ok(words),
            }
        };
        // The region's given names: an entry the census list has too is written twice.
        let regional = apart(
            "given.regional",
            f.given.regional,
            &given,
            "is in given.common too; list it once",
        )?;
        let regional: FxHashSet<String> = regional.into_iter().collect();
        given.extend(regional.iter().cloned());
        // Optional: a file without the list has none (an empty list written out is refused).
        let ordinary = match f.given.ordinary {
            None => Vec::new(),
            Some(words) => apart(
                "given.ordinary",
                words,
                &given,
                "is a given name already; given.ordinary lists only names that are also ordinary words, left out of the other lists",
            )?,
        };
        // [gender]: given names of the lists above, none in both.
        let mut gender = rustc_hash::FxHashMap::default();
        for (list, words, sex) in [
            ("gender.male", f.gender.male, Gender::Male),
            ("gender.female", f.gender.female, Gender::Female),
        ] {
            let Some(words) = words else { continue };
            let at: Vec<usize> = words.iter().map(|w| w.span().start).collect();
            let words = words_of(text, path, list, words, table_at(text, "[gender]"))?;
            for (w, &at) in words.into_iter().zip(&at) {
                let why = if !given.contains(&w) && !ordinary.contains(&w) {
                    "is no given name of [given]; list it there first"
                } else {
                    match gender.entry(w.clone()) {
                        std::collections::hash_map::Entry::Occupied(_) => {
                            "is in gender.male and gender.female; leave a name both bear out"
                        }
                        std::collections::hash_map::Entry::Vacant(e) => {
                            e.insert(sex);
                            continue;
                        }
                    }
                };
                return Err(Error::at(path, text, Some(at), &format!("{w:?} {why}")));
            }
        }
        let person_titles = match f.titles.person {
            None => Vec::new(),
            Some(words) => words_of(
                text,
                path,
                "titles.person",
                words,
                table_at(text, "[titles]"),
            )?,
        };
        Ok(CommonNames {
            name: f.meta.name,
            version: f.meta.version,
            surnames: surnames.into_iter().collect(),
            given: given.into_iter().collect(),
            regional,
            ordinary: ordinary.into_iter().collect(),
            gender,
            person_titles: person_titles.into_iter().collect(),
        })
    }

    /// The bundled list, parsed once.
    pub fn bundled() -> &'static CommonNames {
        &BUNDLED
    }

    /// A surname borne by many people ("johnson", "carter").
    pub fn is_common_surname(&self, k: &str) -> bool {
        self.surnames.contains(k)
    }

    /// A common given name that is not also an ordinary word ("lisa", "jeffrey"; not "will").
    pub fn is_given(&self, k: &str) -> bool {
        self.given.contains(k)
    }

    /// A given name that is also an ordinary word (`[given] ordinary`: "bill", "mark"): capitalised
    /// right before a surname it is a given name ("Bill Clinton" is not Hillary Clinton).
    pub fn is_ordinary_given(&self, k: &str) -> bool {
        self.ordinary.contains(k)
    }

    /// An honorific of a person or the title of an office only persons hold (`[titles]
    /// person`: "mr", "sen", "sheriff"), never a country or body.
    pub fn is_person_title(&self, k: &str) -> bool {
        self.person_titles.contains(k)
    }

    /// The sex that bears the given name `k` (`[gender]`), when one bears it far more often.
    pub fn gender(&self, k: &str) -> Option<Gender> {
        self.gender.get(k).copied()
    }

    /// A given name of the region's (`[given] regional`): one that is often a second given
    /// name or a father's name inside a full name ("Zaradesht Mustafa Fatimi", "Mohammad Javad
    /// Zarif"), so a name does not start at it after other capitalised words.
    pub fn is_regional_given(&self, k: &str) -> bool {
        self.regional.contains(k)
    }
}

/// The ordinary lowercase words of English news (`data/common_words.txt`, written by
/// `scripts/common_words.py`), as token keys: a capitalised word among them opening a sentence
/// is a word, not a name ("Evidence suggests", "Often dubbed"; not "Chamberlain says").
#[derive(Debug)]
pub struct CommonWords {
    words: FxHashSet<String>,
}

/// The bundled common words file.
pub const DEFAULT_WORDS: &str = include_str!("../../data/common_words.txt");

static BUNDLED_WORDS: LazyLock<CommonWords> = LazyLock::new(|| {
    CommonWords::parse(DEFAULT_WORDS, "data/common_words.txt")
        .expect("bundled common words are valid")
});

impl CommonWords {
    /// Reads and checks a common-words file (one token key per line; `#` opens a comment line);
    /// `path` names it in errors, with the line and column of a bad or repeated word.
    pub fn parse(text: &str, path: &str) -> Result<CommonWords, Error> {
        let mut words = FxHashSet::default();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let w = line.trim();
            let start = at + (line.len() - line.trim_start().len());
            at += line.len();
            if w.is_empty() || w.starts_with('#') {
                continue;
            }
            if w.chars().any(char::is_whitespace) || crate::text::normalize::key(w) != w {
                return Err(Error::at(
                    path,
                    text,
                    Some(start),
                    &format!(
                        "{w:?} is not a token key; write one word per line in lowercase without diacritics"
                    ),
                ));
            }
            if !words.insert(w.to_string()) {
                return Err(Error::at(
                    path,
                    text,
                    Some(start),
                    &format!("{w:?} is twice in the list; remove one"),
                ));
            }
        }
        if words.is_empty() {
            return Err(Error::at(
                path,
                text,
                None,
                "the list is empty; list at least one word",
            ));
        }
        Ok(CommonWords { words })
    }

    /// The bundled list, parsed once.
    pub fn bundled() -> &'static CommonWords {
        &BUNDLED_WORDS
    }

    /// An ordinary word of English news ("evidence", "often").
    pub fn contains(&self, k: &str) -> bool {
        self.words.contains(k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_load_and_a_bad_word_is_an_error_at_its_line() {
        let w = CommonWords::bundled();
        assert!(w.contains("evidence") && w.contains("often") && w.contains("another"));
        assert!(!w.contains("chamberlain") && !w.contains("kaine") && !w.contains("danish"));
        let e = CommonWords::parse("# c\nyes\n  Often\n", "w.txt")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("w.txt:3:3: error: \"Often\" is not a token key"),
            "{e}"
        );
        let e = CommonWords::parse("a\nb\na\n", "w.txt")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("w.txt:3:1: error: \"a\" is twice"), "{e}");
        assert!(CommonWords::parse("# only\n", "w.txt").is_err());
    }

    #[test]
    fn bundled_names_load() {
        let n = CommonNames::bundled();
        assert!(n.is_common_surname("johnson") && n.is_common_surname("carter"));
        assert!(!n.is_common_surname("assad") && !n.is_common_surname("lavrov"));
        assert!(n.is_given("lisa") && n.is_given("jeffrey") && n.is_given("justin"));
        assert!(!n.is_given("will") && !n.is_given("may") && !n.is_given("june"));
        assert!(n.is_person_title("sheriff") && n.is_person_title("mr"));
        assert!(!n.is_person_title("president") && !n.is_person_title("general"));
    }

    #[test]
    fn a_bad_person_title_is_an_error_and_the_table_may_be_left_out() {
        let base = "[meta]\nname = \"x\"\nversion = \"1\"\n[surnames]\ncommon = [\"smith\"]\n[given]\ncommon = [\"ann\"]\nregional = [\"omar\"]\n";
        let n = CommonNames::parse(base, "n.toml").unwrap();
        assert!(!n.is_person_title("mr"));
        let bad = format!("{base}[titles]\nperson = [\"mr\", \"Sen.\"]\n");
        let e = CommonNames::parse(&bad, "n.toml").unwrap_err().to_string();
        assert!(
            e.contains("n.toml:10") && e.contains("titles.person"),
            "{e}"
        );
    }

    #[test]
    fn bad_entries_are_errors_with_their_place() {
        let bad = "[meta]\nname = \"x\"\nversion = \"1\"\n[surnames]\ncommon = [\"Smith\"]\n[given]\ncommon = [\"ann\"]\nregional = [\"omar\"]\n";
        let e = CommonNames::parse(bad, "n.toml").unwrap_err().to_string();
        assert!(
            e.contains("n.toml:5") && e.contains("not a token key"),
            "{e}"
        );
        let twice = "[meta]\nname = \"x\"\nversion = \"1\"\n[surnames]\ncommon = [\"smith\"]\n[given]\ncommon = [\"ann\", \"ann\"]\nregional = [\"omar\"]\n";
        let e = CommonNames::parse(twice, "n.toml").unwrap_err().to_string();
        assert!(e.contains("n.toml:7") && e.contains("twice"), "{e}");
        // A regional given name that the census list has too: listed once.
        let both = "[meta]\nname = \"x\"\nversion = \"1\"\n[surnames]\ncommon = [\"smith\"]\n[given]\ncommon = [\"omar\"]\nregional = [\"ali\", \"omar\"]\n";
        let e = CommonNames::parse(both, "n.toml").unwrap_err().to_string();
        assert!(
            e.contains("n.toml:8:20") && e.contains("given.common too"),
            "{e}"
        );
        let n = CommonNames::bundled();
        assert!(
            n.is_given("ibrahim") && n.is_regional_given("ibrahim") && !n.is_regional_given("lisa")
        );
        // Ordinary words that are given names are neither given names nor listed with them.
        assert!(n.is_ordinary_given("bill") && !n.is_given("bill") && !n.is_ordinary_given("will"));
        // Genders: of given names only, never both.
        assert_eq!(n.gender("mohammed"), Some(Gender::Male));
        assert_eq!(n.gender("manal"), Some(Gender::Female));
        assert_eq!(n.gender("lisa"), Some(Gender::Female));
        assert_eq!(n.gender("chris"), None);
        let head = "[meta]\nname = \"x\"\nversion = \"1\"\n[surnames]\ncommon = [\"smith\"]\n[given]\ncommon = [\"ann\"]\nregional = [\"ali\"]\n[gender]\n";
        // Without `ordinary` and `[gender]` (both optional) a file loads.
        let bare = head.trim_end_matches("[gender]\n");
        assert!(CommonNames::parse(bare, "n.toml").is_ok_and(|n| n.gender("ali").is_none()));
        let e = CommonNames::parse(&format!("{head}male = [\"ali\", \"zed\"]\n"), "n.toml")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("n.toml:10:16") && e.contains("no given name"),
            "{e}"
        );
        let e = CommonNames::parse(
            &format!("{head}male = [\"ali\"]\nfemale = [\"ann\", \"ali\"]\n"),
            "n.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("n.toml:11:18") && e.contains("male and gender.female"),
            "{e}"
        );
        let both = "[meta]\nname = \"x\"\nversion = \"1\"\n[surnames]\ncommon = [\"smith\"]\n[given]\ncommon = [\"bill\"]\nregional = [\"ali\"]\nordinary = [\"mark\", \"bill\"]\n";
        let e = CommonNames::parse(both, "n.toml").unwrap_err().to_string();
        assert!(
            e.contains("n.toml:9:21") && e.contains("given name already"),
            "{e}"
        );
    }
}
