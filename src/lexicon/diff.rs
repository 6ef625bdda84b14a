//! What changed between two versions of a lexicon: entries added, removed and changed, by
//! section, with their lines in each file.
//!
//! A lexicon is flattened into entries keyed by (section, item). Sections are named as the
//! matcher names the source of a hit ([`super::matcher::TermSource`]), so a regression bench
//! can tell which changed entry a sentence matched. Terms are compared by their matching key
//! (case and spacing do not matter, except for all-capital acronyms, which match in capitals),
//! so reordering, reformatting and comments change nothing.

use super::framing::{Lexicon, Term};
use super::section::Section;
use super::SourceInfo;
use crate::text::keys::term_key;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Added, removed or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Only in the new lexicon.
    Added,
    /// Only in the old lexicon.
    Removed,
    /// In both, with another value.
    Changed,
}

impl Change {
    /// `+`, `-` or `~`.
    pub fn sign(self) -> char {
        match self {
            Change::Added => '+',
            Change::Removed => '-',
            Change::Changed => '~',
        }
    }
}

/// One changed entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffEntry {
    /// `meta.name` of the lexicon.
    pub lexicon: String,
    /// Section: `meta`, `label_set.<concept>`, `label_set.<concept>.<label>`,
    /// `label_set.<concept>.exclude`, `frame.<id>`, `stance`, `intensifiers`, `negators`,
    /// `contrast`, `distancing`, `harm`, `villains`, `against`, `model`.
    pub section: Section,
    /// A term (`term` is true) or a field such as `note`, `name`, `label`.
    pub item: String,
    /// Whether `item` is a term.
    pub term: bool,
    /// What happened.
    pub change: Change,
    /// Old value (weight, act, note, ...), if any.
    pub old: Option<String>,
    /// New value, if any.
    pub new: Option<String>,
    /// Line in the old file.
    pub old_line: Option<usize>,
    /// Line in the new file.
    pub new_line: Option<usize>,
}

impl DiffEntry {
    /// Whether this entry is about the term `term` of `section` in lexicon `lexicon`.
    pub fn is_term(&self, lexicon: &str, section: &Section, term: &str) -> bool {
        self.term
            && self.lexicon == lexicon
            && self.section == *section
            && identity(&self.item) == identity(term)
    }

    /// The item as shown: a term quoted, a field as it is.
    pub fn shown_item(&self) -> String {
        if self.term {
            format!("{:?}", self.item)
        } else {
            self.item.clone()
        }
    }

    /// One line: `~ stance "liberat*": weight=+2 -> weight=-2`.
    pub fn describe(&self) -> String {
        let item = self.shown_item();
        let value = match (&self.old, &self.new) {
            (Some(o), Some(n)) => format!(": {o} -> {n}"),
            (None, Some(n)) if !n.is_empty() => format!(": {n}"),
            (Some(o), None) if !o.is_empty() => format!(": {o}"),
            _ => String::new(),
        };
        format!("{} {} {item}{value}", self.change.sign(), self.section)
    }
}

/// The difference between two lexicons.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LexiconDiff {
    /// The old lexicon.
    pub old: SourceInfo,
    /// The new lexicon.
    pub new: SourceInfo,
    /// Entries added.
    pub added: usize,
    /// Entries removed.
    pub removed: usize,
    /// Entries changed.
    pub changed: usize,
    /// The entries, by section and item.
    pub entries: Vec<DiffEntry>,
}

/// The identity of a term: its matching key, with the written form for acronyms (which
/// match in capitals only).
pub fn identity(term: &str) -> String {
    let (key, wild) = term_key(term);
    let star = if wild { "*" } else { "" };
    if super::matcher::is_acronym(term) {
        format!("{key}{star}|{}", term.trim())
    } else {
        format!("{key}{star}")
    }
}

/// An entry's value and line.
struct Value {
    shown: String,
    value: String,
    line: usize,
}

type Flat = BTreeMap<(Section, bool, String), Value>;

fn put_term(m: &mut Flat, section: &Section, t: &Term, value: String) {
    m.insert(
        (section.clone(), true, identity(&t.text)),
        Value {
            shown: t.text.clone(),
            value,
            line: t.line,
        },
    );
}

fn put_field(m: &mut Flat, section: &Section, field: &str, value: Option<&str>, line: usize) {
    if let Some(v) = value {
        m.insert(
            (section.clone(), false, field.to_string()),
            Value {
                shown: field.to_string(),
                value: v.to_string(),
                line,
            },
        );
    }
}

/// A list of terms as one field (sorted, comma-separated), at the line of its first term; absent
/// when the list is empty.
fn put_term_list(m: &mut Flat, section: &Section, field: &str, terms: &[Term]) {
    let Some(first) = terms.first() else {
        return;
    };
    let mut texts: Vec<&str> = terms.iter().map(|t| t.text.as_str()).collect();
    texts.sort_unstable();
    put_field(m, section, field, Some(&texts.join(", ")), first.line);
}

fn weight(w: f64) -> String {
    format!("{w:+}")
}

fn flatten(lex: &Lexicon) -> Flat {
    let mut m = Flat::new();
    put_field(
        &mut m,
        &Section::Meta,
        "version",
        Some(&lex.info.version),
        1,
    );
    put_field(&mut m, &Section::Meta, "language", Some(&lex.language), 1);
    for s in &lex.label_sets {
        let sec = Section::LabelSet {
            concept: s.concept.clone(),
        };
        put_field(
            &mut m,
            &sec,
            "description",
            s.description.as_deref(),
            s.line,
        );
        put_field(&mut m, &sec, "referent", s.referent.as_deref(), s.line);
        put_field(&mut m, &sec, "topic", s.topic.as_deref(), s.line);
        put_term_list(&mut m, &sec, "in_context", &s.in_context);
        put_term_list(&mut m, &sec, "back_reference", &s.back_reference);
        put_term_list(&mut m, &sec, "relational", &s.relational);
        put_field(
            &mut m,
            &sec,
            "unlisted_qualifiers",
            s.unlisted_qualifiers.then_some("true"),
            s.line,
        );
        // Each term's word-context conditions, as one field per term.
        for c in &s.context {
            let words = |v: &[Term]| {
                let mut w: Vec<&str> = v.iter().map(|t| t.text.as_str()).collect();
                w.sort_unstable();
                w.join(", ")
            };
            let mut value = format!(
                "before: {}; not_before: {}; not_after: {}",
                words(&c.before),
                words(&c.not_before),
                words(&c.not_after)
            );
            if !c.after.is_empty() {
                value.push_str(&format!("; after: {}", words(&c.after)));
            }
            if !c.near.is_empty() {
                value.push_str(&format!("; near: {}", words(&c.near)));
            }
            if !c.not_near.is_empty() {
                value.push_str(&format!("; not_near: {}", words(&c.not_near)));
            }
            for t in &c.terms {
                put_field(
                    &mut m,
                    &sec,
                    &format!("context {}", t.text),
                    Some(&value),
                    c.line,
                );
            }
        }
        let exclude = Section::Exclude {
            concept: s.concept.clone(),
        };
        for t in &s.exclude {
            put_term(&mut m, &exclude, t, String::new());
        }
        for l in &s.labels {
            put_field(&mut m, &sec, &format!("label {}", l.id), Some(""), l.line);
            let lsec = Section::Label {
                concept: s.concept.clone(),
                label: l.id.clone(),
            };
            put_field(&mut m, &lsec, "note", l.note.as_deref(), l.line);
            for t in &l.terms {
                put_term(&mut m, &lsec, t, String::new());
            }
        }
    }
    for f in &lex.frames {
        let sec = Section::Frame { id: f.id.clone() };
        put_field(&mut m, &sec, "name", Some(&f.name), f.line);
        put_field(
            &mut m,
            &sec,
            "description",
            f.description.as_deref(),
            f.line,
        );
        put_field(&mut m, &sec, "note", f.note.as_deref(), f.line);
        for t in &f.terms {
            put_term(&mut m, &sec, t, String::new());
        }
    }
    for s in &lex.stance {
        let mut v = format!("weight={}", weight(s.weight));
        if s.act {
            v.push_str(" act");
        }
        if let Some(n) = &s.note {
            v.push_str(&format!(" note={n:?}"));
        }
        put_term(&mut m, &Section::Stance, &s.term, v);
    }
    for (t, x) in &lex.intensifiers {
        put_term(
            &mut m,
            &Section::Intensifiers,
            t,
            format!("scalar={}", weight(*x)),
        );
    }
    for (sec, list) in [
        (Section::Negators, &lex.negators),
        (Section::Contrast, &lex.contrast),
        (Section::Distancing, &lex.distancing),
        (Section::Harm, &lex.harm),
        (Section::Villains, &lex.villains),
        (Section::Against, &lex.against),
    ] {
        for t in list {
            put_term(&mut m, &sec, t, String::new());
        }
    }
    // The learned layer: its intercept and every feature's weights, as fields (a feature is no
    // term of the text; the file does not keep their lines).
    if let Some(model) = &lex.model {
        use super::model::triple;
        put_field(
            &mut m,
            &Section::Model,
            "intercept",
            Some(&triple(&model.intercept)),
            1,
        );
        for (n, w) in model.iter() {
            put_field(&mut m, &Section::Model, n, Some(&triple(w)), 1);
        }
    }
    m
}

/// Compares two versions of a lexicon.
pub fn diff(old: &Lexicon, new: &Lexicon) -> LexiconDiff {
    let a = flatten(old);
    let b = flatten(new);
    let lexicon = new.info.name.clone();
    let mut entries = Vec::new();
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    for (k, va) in &a {
        match b.get(k) {
            None => entries.push(DiffEntry {
                lexicon: lexicon.clone(),
                section: k.0.clone(),
                item: va.shown.clone(),
                term: k.1,
                change: Change::Removed,
                old: some(&va.value),
                new: None,
                old_line: Some(va.line),
                new_line: None,
            }),
            Some(vb) if vb.value != va.value => entries.push(DiffEntry {
                lexicon: lexicon.clone(),
                section: k.0.clone(),
                item: vb.shown.clone(),
                term: k.1,
                change: Change::Changed,
                old: Some(va.value.clone()),
                new: Some(vb.value.clone()),
                old_line: Some(va.line),
                new_line: Some(vb.line),
            }),
            Some(_) => {}
        }
    }
    for (k, vb) in &b {
        if !a.contains_key(k) {
            entries.push(DiffEntry {
                lexicon: lexicon.clone(),
                section: k.0.clone(),
                item: vb.shown.clone(),
                term: k.1,
                change: Change::Added,
                old: None,
                new: some(&vb.value),
                old_line: None,
                new_line: Some(vb.line),
            });
        }
    }
    entries.sort_by(|x, y| {
        (&x.section, !x.term, identity(&x.item), x.change).cmp(&(
            &y.section,
            !y.term,
            identity(&y.item),
            y.change,
        ))
    });
    let count = |c: Change| entries.iter().filter(|e| e.change == c).count();
    LexiconDiff {
        old: old.info.clone(),
        new: new.info.clone(),
        added: count(Change::Added),
        removed: count(Change::Removed),
        changed: count(Change::Changed),
        entries,
    }
}

/// Compares two lists of lexicons (as loaded for a run), pairing them by `meta.name`. A
/// lexicon only in one list contributes all its entries as added or removed.
pub fn diff_lists(old: &[Lexicon], new: &[Lexicon]) -> Vec<LexiconDiff> {
    let mut out = Vec::new();
    for n in new {
        match old.iter().find(|o| o.info.name == n.info.name) {
            Some(o) => out.push(diff(o, n)),
            None => out.push(diff(&empty_like(n), n)),
        }
    }
    for o in old {
        if !new.iter().any(|n| n.info.name == o.info.name) {
            out.push(diff(o, &empty_like(o)));
        }
    }
    out
}

fn empty_like(l: &Lexicon) -> Lexicon {
    Lexicon {
        model: None,
        info: SourceInfo {
            path: "(none)".into(),
            name: l.info.name.clone(),
            version: String::new(),
            sha256: String::new(),
        },
        text: String::new(),
        language: String::new(),
        label_sets: Vec::new(),
        frames: Vec::new(),
        stance: Vec::new(),
        negators: Vec::new(),
        intensifiers: Vec::new(),
        contrast: Vec::new(),
        distancing: Vec::new(),
        harm: Vec::new(),
        villains: Vec::new(),
        against: Vec::new(),
    }
}

/// The diff as a table grouped by section.
pub fn table(d: &LexiconDiff) -> String {
    let mut out = format!(
        "{} ({}) -> {} ({}): {} added, {} removed, {} changed\n",
        d.old.path, d.old.version, d.new.path, d.new.version, d.added, d.removed, d.changed
    );
    let mut section: Option<&Section> = None;
    for e in &d.entries {
        if section != Some(&e.section) {
            section = Some(&e.section);
            out.push_str(&format!("[{}]\n", e.section));
        }
        let item = e.shown_item();
        let value = match (&e.old, &e.new) {
            (Some(o), Some(n)) => format!("{o} -> {n}"),
            (None, Some(n)) => n.clone(),
            (Some(o), None) => o.clone(),
            (None, None) => String::new(),
        };
        let lines = match (e.old_line, e.new_line) {
            (Some(a), Some(b)) => format!("line {a} -> {b}"),
            (Some(a), None) => format!("old line {a}"),
            (None, Some(b)) => format!("new line {b}"),
            (None, None) => String::new(),
        };
        out.push_str(&format!(
            "  {} {item:<32} {value:<40} ({lines})\n",
            e.change.sign()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = r#"
[meta]
name = "t"
version = "1"
language = "en"

[[label_set]]
concept = "c"
[[label_set.label]]
id = "a"
terms = ["regime", "ISIS"]
[[label_set.label]]
id = "b"
terms = ["government"]

[stance]
"good" = 1.5
"bad" = { weight = -2, act = true }
"#;

    #[test]
    fn reformatting_is_no_change_and_edits_are_named() {
        let old = Lexicon::parse(OLD, "old.toml").unwrap();
        let same = OLD
            .replace("\"good\" = 1.5", "\"Good\" = { weight = 1.5 } # comment")
            .replace("[\"regime\", \"ISIS\"]", "[\"ISIS\",\n  \"Regime\"]");
        let d = diff(&old, &Lexicon::parse(&same, "same.toml").unwrap());
        assert!(d.entries.is_empty(), "{:?}", d.entries);
        let edited = OLD
            .replace("\"good\" = 1.5", "\"good\" = -1.5")
            .replace("\"regime\", ", "")
            .replace("\"ISIS\"", "\"Isis\"");
        let d = diff(&old, &Lexicon::parse(&edited, "new.toml").unwrap());
        let shown: Vec<String> = d.entries.iter().map(DiffEntry::describe).collect();
        assert_eq!(
            shown,
            vec![
                "+ label_set.c.a \"Isis\"",
                "- label_set.c.a \"ISIS\"",
                "- label_set.c.a \"regime\"",
                "~ stance \"good\": weight=+1.5 -> weight=-1.5",
            ],
        );
        assert_eq!((d.added, d.removed, d.changed), (1, 2, 1));
        let a = Section::Label {
            concept: "c".into(),
            label: "a".into(),
        };
        assert!(d.entries[2].is_term("t", &a, "Regime"));
    }
}
