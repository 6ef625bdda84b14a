//! Sections of a lexicon: where an entry lives, as the matcher names the source of a hit and
//! as `framelens lexicon diff` groups its entries.
//!
//! A section is written `meta`, `label_set.<concept>`, `label_set.<concept>.<label>`,
//! `label_set.<concept>.exclude`, `frame.<id>`, `stance`, `intensifiers`, `negators`,
//! `contrast` or `distancing`, and that written name is what it is: two sections are equal
//! when their names are equal, they sort by name, and they serialise as their name. (Ids are
//! free text, so two sections can share a name: the exclusions of `c` and a label `c.exclude`;
//! they count as one, as they did when sections were strings.)

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

/// A section of a lexicon (see the module documentation for how it is written and compared).
#[derive(Clone, Debug)]
pub enum Section {
    /// `meta`: the lexicon's version and language.
    Meta,
    /// `label_set.<concept>`: the fields of a label set (description, referent, its labels).
    LabelSet {
        /// The set's concept id.
        concept: String,
    },
    /// `label_set.<concept>.<label>`: the terms and note of one label.
    Label {
        /// The set's concept id.
        concept: String,
        /// The label id.
        label: String,
    },
    /// `label_set.<concept>.exclude`: the exclusion phrases of a label set.
    Exclude {
        /// The set's concept id.
        concept: String,
    },
    /// `frame.<id>`: the fields and terms of a frame.
    Frame {
        /// The frame id.
        id: String,
    },
    /// `stance`: stance terms.
    Stance,
    /// `intensifiers`: intensifiers and diminishers.
    Intensifiers,
    /// `negators`: negators.
    Negators,
    /// `contrast`: contrast markers.
    Contrast,
    /// `distancing`: distancing markers.
    Distancing,
    /// `harm`: acts of harm.
    Harm,
    /// `villains`: names of wrongdoers.
    Villains,
    /// `against`: acts against someone.
    Against,
    /// `model`: the learned stance layer's intercept and feature weights.
    Model,
}

impl Section {
    /// The written name in pieces (concatenated, they are the name; unused pieces are empty).
    fn pieces(&self) -> [&str; 4] {
        match self {
            Section::Meta => ["meta", "", "", ""],
            Section::LabelSet { concept } => ["label_set.", concept, "", ""],
            Section::Label { concept, label } => ["label_set.", concept, ".", label],
            Section::Exclude { concept } => ["label_set.", concept, ".exclude", ""],
            Section::Frame { id } => ["frame.", id, "", ""],
            Section::Stance => ["stance", "", "", ""],
            Section::Intensifiers => ["intensifiers", "", "", ""],
            Section::Negators => ["negators", "", "", ""],
            Section::Contrast => ["contrast", "", "", ""],
            Section::Distancing => ["distancing", "", "", ""],
            Section::Harm => ["harm", "", "", ""],
            Section::Villains => ["villains", "", "", ""],
            Section::Against => ["against", "", "", ""],
            Section::Model => ["model", "", "", ""],
        }
    }

    /// The bytes of the written name, without building it.
    fn bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.pieces().into_iter().flat_map(str::bytes)
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in self.pieces() {
            f.write_str(p)?;
        }
        Ok(())
    }
}

impl PartialEq for Section {
    fn eq(&self, other: &Section) -> bool {
        self.bytes().eq(other.bytes())
    }
}

impl Eq for Section {}

impl PartialOrd for Section {
    fn partial_cmp(&self, other: &Section) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// By written name, byte by byte (as strings sort).
impl Ord for Section {
    fn cmp(&self, other: &Section) -> Ordering {
        self.bytes().cmp(other.bytes())
    }
}

/// Byte by byte, so that sections with the same name hash alike whatever their variant.
impl Hash for Section {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for b in self.bytes() {
            state.write_u8(b);
        }
        state.write_u8(0xff);
    }
}

/// A name that is no section.
#[derive(Debug, thiserror::Error)]
#[error("unknown lexicon section {0:?}")]
pub struct UnknownSection(String);

impl std::str::FromStr for Section {
    type Err = UnknownSection;

    /// Reads a written name. A name with dots inside ids reads as some section with that
    /// name, which is equal to every other reading.
    fn from_str(s: &str) -> Result<Section, UnknownSection> {
        Ok(match s {
            "meta" => Section::Meta,
            "stance" => Section::Stance,
            "intensifiers" => Section::Intensifiers,
            "negators" => Section::Negators,
            "contrast" => Section::Contrast,
            "distancing" => Section::Distancing,
            "harm" => Section::Harm,
            "villains" => Section::Villains,
            "against" => Section::Against,
            "model" => Section::Model,
            _ => {
                if let Some(id) = s.strip_prefix("frame.") {
                    Section::Frame { id: id.into() }
                } else if let Some(rest) = s.strip_prefix("label_set.") {
                    match rest.rsplit_once('.') {
                        Some((concept, "exclude")) => Section::Exclude {
                            concept: concept.into(),
                        },
                        Some((concept, label)) => Section::Label {
                            concept: concept.into(),
                            label: label.into(),
                        },
                        None => Section::LabelSet {
                            concept: rest.into(),
                        },
                    }
                } else {
                    return Err(UnknownSection(s.to_string()));
                }
            }
        })
    }
}

impl Serialize for Section {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Section {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Section, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(c: &str, l: &str) -> Section {
        Section::Label {
            concept: c.into(),
            label: l.into(),
        }
    }

    #[test]
    fn written_names_round_trip_and_order_as_strings() {
        let all = [
            Section::Meta,
            Section::LabelSet {
                concept: "assad".into(),
            },
            label("assad", "regime"),
            Section::Exclude {
                concept: "assad".into(),
            },
            Section::Frame { id: "war".into() },
            Section::Stance,
            Section::Intensifiers,
            Section::Negators,
            Section::Contrast,
            Section::Distancing,
            Section::Harm,
            Section::Villains,
            Section::Against,
        ];
        let mut by_name: Vec<String> = all.iter().map(Section::to_string).collect();
        let mut by_section = all.to_vec();
        for (s, n) in all.iter().zip(&by_name) {
            assert_eq!(&n.parse::<Section>().unwrap(), s);
            assert_eq!(serde_json::to_string(s).unwrap(), format!("{n:?}"));
        }
        by_name.sort();
        by_section.sort();
        let sorted: Vec<String> = by_section.iter().map(Section::to_string).collect();
        assert_eq!(sorted, by_name);
        assert_eq!(
            label("assad", "regime").to_string(),
            "label_set.assad.regime"
        );
        assert!("label_set".parse::<Section>().is_err());
    }

    #[test]
    fn sections_with_the_same_name_are_one() {
        use std::collections::hash_map::DefaultHasher;
        let a = label("c", "exclude");
        let b = Section::Exclude {
            concept: "c".into(),
        };
        assert_eq!(a, b);
        let h = |s: &Section| {
            let mut h = DefaultHasher::new();
            s.hash(&mut h);
            h.finish()
        };
        assert_eq!(h(&a), h(&b));
        assert_eq!(label("a.b", "c"), label("a", "b.c"));
    }
}
