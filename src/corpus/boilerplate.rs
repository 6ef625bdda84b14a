//! Boilerplate: lines that belong to the page, not the article (photo credits, comment
//! counters, "You Might Also Like", story codes, captions printed twice).
//!
//! Patterns live in a data file (`data/boilerplate.toml`, replaceable by flag). Boilerplate is
//! never deleted: it is returned as spans with the rule that matched, reported, and kept out
//! of the analysed regions.

use super::Error;
use crate::span::Span;
use regex::RegexSet;
use serde::{Deserialize, Serialize};

/// The bundled pattern file.
pub const DEFAULT_PATTERNS: &str = include_str!("../../data/boilerplate.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    meta: Meta,
    repeats: Repeats,
    #[serde(default)]
    pattern: Vec<Pattern>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    name: String,
    version: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Repeats {
    min_chars: usize,
    caption_prefix_chars: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pattern {
    name: String,
    regex: String,
    /// A line the pattern must match (checked when the file is read).
    example: Option<String>,
}

/// Largest compiled size of one pattern, in bytes: a pattern such as `(a{1000}){1000}` is
/// refused with an error instead of taking memory and time.
pub const PATTERN_SIZE_LIMIT: usize = 4 << 20;
/// Largest compiled size of all patterns together.
pub const SET_SIZE_LIMIT: usize = 32 << 20;
/// Bound on the lazy DFA's cache, per pattern set and thread (it grows only as states are
/// built). At 2 MB the bundled set's lazy DFA (a Unicode `\w{1,40}` alone is 12,716 NFA states)
/// cleared its cache on nearly every line and gave up for the slow NFA simulation: 55x slower on
/// generated news lines, a third of a whole run. 4 MB was enough for the bundled set; 16 MB
/// leaves room for users' patterns.
pub const DFA_SIZE_LIMIT: usize = 16 << 20;

fn pattern_problem(name: &str, index: usize, e: &regex::Error) -> String {
    match e {
        regex::Error::CompiledTooBig(limit) => format!(
            "pattern {name:?} ([[pattern]] number {}) compiles to more than the limit of {limit} bytes; simplify it (fewer or smaller repetitions such as {{1000}})",
            index + 1
        ),
        e => format!(
            "pattern {name:?} ([[pattern]] number {}) is not a valid regular expression: {e}",
            index + 1
        ),
    }
}

/// Compiled boilerplate rules.
pub struct Boilerplate {
    /// Name of the pattern file.
    pub name: String,
    /// Its version.
    pub version: String,
    names: Vec<String>,
    set: RegexSet,
    min_chars: usize,
    caption_prefix_chars: usize,
}

/// One boilerplate line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BoilerLine {
    /// The line, trimmed.
    pub span: Span,
    /// The rule: a pattern name, `repeated-line`, `repeated-caption` or `repeated-sentence`.
    pub rule: String,
}

/// An article's lines sorted into content paragraphs and boilerplate.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// Content lines (trimmed, non-empty), in order: the paragraphs that are analysed.
    pub paragraphs: Vec<Span>,
    /// Boilerplate lines, in order.
    pub boilerplate: Vec<BoilerLine>,
}

impl Boilerplate {
    /// Compiles a pattern file; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<Boilerplate, Error> {
        let f: File = toml::from_str(text).map_err(|e| Error::Patterns {
            path: path.to_string(),
            message: e.to_string(),
        })?;
        let names = f.pattern.iter().map(|p| p.name.clone()).collect();
        // Each pattern is compiled alone first, so that an error names it.
        // Its example, if it gives one, must be a line it sets aside.
        for (i, p) in f.pattern.iter().enumerate() {
            let re = regex::RegexBuilder::new(&p.regex)
                .size_limit(PATTERN_SIZE_LIMIT)
                .dfa_size_limit(DFA_SIZE_LIMIT)
                .build()
                .map_err(|e| Error::Patterns {
                    path: path.to_string(),
                    message: pattern_problem(&p.name, i, &e),
                })?;
            if let Some(example) = p.example.as_deref().filter(|x| !re.is_match(x.trim())) {
                return Err(Error::Patterns {
                    path: path.to_string(),
                    message: format!(
                        "pattern {:?} ([[pattern]] number {}) does not match its own example {example:?}; fix the regex or the example",
                        p.name,
                        i + 1
                    ),
                });
            }
        }
        let set = regex::RegexSetBuilder::new(f.pattern.iter().map(|p| p.regex.as_str()))
            .size_limit(SET_SIZE_LIMIT)
            .dfa_size_limit(DFA_SIZE_LIMIT)
            .build()
            .map_err(|e| Error::Patterns {
                path: path.to_string(),
                message: match e {
                    regex::Error::CompiledTooBig(limit) => format!(
                        "the patterns together compile to more than {limit} bytes; use fewer or simpler patterns"
                    ),
                    e => format!("invalid pattern: {e}"),
                },
            })?;
        Ok(Boilerplate {
            name: f.meta.name,
            version: f.meta.version,
            names,
            set,
            min_chars: f.repeats.min_chars,
            caption_prefix_chars: f.repeats.caption_prefix_chars,
        })
    }

    /// The bundled patterns.
    pub fn bundled() -> Boilerplate {
        Boilerplate::parse(DEFAULT_PATTERNS, "data/boilerplate.toml")
            .expect("bundled boilerplate patterns are valid")
    }

    /// Sorts the lines of `text` into paragraphs and boilerplate.
    pub fn layout(&self, text: &str) -> Layout {
        let mut out = Layout::default();
        // Every line seen, by a hash of its whitespace-folded text (compared word by word on
        // equal hashes, nothing allocated per line), and those set aside as boilerplate (the
        // captions, rare, kept as text): an article of millions of lines stays
        // linear-logarithmic.
        let mut seen: rustc_hash::FxHashMap<u64, Vec<&str>> = Default::default();
        let mut captions: std::collections::BTreeSet<String> = Default::default();
        let fold = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        for line in super::line_spans(text) {
            let raw = line.of(text);
            let lead = raw.len() - raw.trim_start_matches(crate::text::tokens::is_blank).len();
            let trimmed = raw
                .trim_start_matches(crate::text::tokens::is_blank)
                .trim_end_matches(crate::text::tokens::is_blank);
            if trimmed.is_empty() {
                continue;
            }
            let span = Span::new(line.start + lead, line.start + lead + trimmed.len());
            let (hash, chars) = folded_hash(trimmed);
            let rule = if trimmed.len() <= 2000 && self.set.is_match(trimmed) {
                self.set
                    .matches(trimmed)
                    .iter()
                    .next()
                    .map(|i| self.names[i].clone())
            } else {
                None
            };
            let earlier = seen.entry(hash).or_default();
            let seen_before = same_words(earlier, trimmed);
            let rule = rule.or_else(|| {
                if chars >= self.min_chars && seen_before {
                    Some("repeated-line".to_string())
                } else if chars >= self.caption_prefix_chars && !captions.is_empty() && {
                    // The least caption not below the line starts with it if any caption does.
                    let folded = fold(trimmed);
                    captions
                        .range(folded.clone()..)
                        .next()
                        .is_some_and(|c| c.starts_with(&folded))
                } {
                    Some("repeated-caption".to_string())
                } else {
                    None
                }
            });
            if rule.is_some() {
                captions.insert(fold(trimmed));
            }
            if !seen_before {
                earlier.push(trimmed);
            }
            match rule {
                Some(rule) => out.boilerplate.push(BoilerLine { span, rule }),
                None => out.paragraphs.push(span),
            }
        }
        self.repeated_sentences(text, &mut out);
        out
    }

    /// Sets aside a sentence that repeats, word for word, an earlier sentence of the same
    /// article (a lead captured twice, a sentence printed 31 times by a scraper): it is counted
    /// once. Sentences shorter than `repeats.min_chars` are left alone ("Read more.").
    fn repeated_sentences(&self, text: &str, out: &mut Layout) {
        // Sentences by a hash of their whitespace-folded text; equal hashes are compared word
        // by word, so a collision never sets a sentence aside. Nothing is allocated per sentence.
        let mut seen: rustc_hash::FxHashMap<u64, Vec<&str>> = Default::default();
        let min_chars = self.min_chars;
        cut_sentences(text, out, |t| {
            let (hash, chars) = folded_hash(t);
            if chars < min_chars {
                return None;
            }
            let earlier = seen.entry(hash).or_default();
            if same_words(earlier, t) {
                Some("repeated-sentence".to_string())
            } else {
                earlier.push(t);
                None
            }
        });
    }

    /// Sentences shorter than this (in characters) are never set aside as repeats.
    pub fn min_chars(&self) -> usize {
        self.min_chars
    }
}

/// A hash of `t` with its whitespace folded to single spaces, and the folded text's length in
/// characters.
fn folded_hash(t: &str) -> (u64, usize) {
    if !t.is_ascii() {
        return folded_hash_chars(t);
    }
    // ASCII: byte by byte, the same hash and count.
    let (mut hash, mut chars, mut gap) = (crate::hash::FNV_OFFSET, 0usize, false);
    for &b in t.as_bytes() {
        if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            gap = chars > 0;
            continue;
        }
        if gap {
            hash = crate::hash::fnv_step(hash, b' ');
            chars += 1;
            gap = false;
        }
        hash = crate::hash::fnv_step(hash, b);
        chars += 1;
    }
    (hash, chars)
}

/// [`folded_hash`] of any text.
fn folded_hash_chars(t: &str) -> (u64, usize) {
    let (mut hash, mut chars) = (crate::hash::FNV_OFFSET, 0usize);
    for (i, w) in t.split_whitespace().enumerate() {
        if i > 0 {
            hash = crate::hash::fnv_step(hash, b' ');
            chars += 1;
        }
        hash = w.bytes().fold(hash, crate::hash::fnv_step);
        chars += w.chars().count();
    }
    (hash, chars)
}

/// Whether one of `earlier` has the words of `t` (whitespace aside).
fn same_words(earlier: &[&str], t: &str) -> bool {
    earlier
        .iter()
        .any(|e| e.split_whitespace().eq(t.split_whitespace()))
}

/// Sets aside the content sentences for which `rule` names a rule (called in text order, once
/// per sentence): paragraphs are cut around them, so that what follows is analysed as before.
pub(crate) fn cut_sentences<'t>(
    text: &'t str,
    out: &mut Layout,
    mut rule: impl FnMut(&'t str) -> Option<String>,
) {
    let mut paragraphs = Vec::with_capacity(out.paragraphs.len());
    let mut sentences = Vec::new();
    let mut cut = Vec::new();
    for &para in &out.paragraphs {
        sentences.clear();
        crate::text::split_sentences(text, para, &mut sentences);
        let mut from = para.start;
        for s in &sentences {
            let Some(r) = rule(s.of(text)) else {
                continue;
            };
            if s.start > from {
                paragraphs.push(Span::new(from, s.start));
            }
            cut.push(BoilerLine { span: *s, rule: r });
            from = s.end;
        }
        if from < para.end {
            paragraphs.push(Span::new(from, para.end));
        }
    }
    if cut.is_empty() {
        return;
    }
    // Trim the cut pieces (the blanks around a sentence set aside); drop those left empty.
    out.paragraphs = paragraphs
        .into_iter()
        .filter_map(|p| {
            let t = p.of(text);
            let lead = t.len() - t.trim_start_matches(crate::text::tokens::is_blank).len();
            let body = t.trim_matches(crate::text::tokens::is_blank);
            (!body.is_empty()).then(|| Span::new(p.start + lead, p.start + lead + body.len()))
        })
        .collect();
    out.boilerplate.extend(cut);
    out.boilerplate.sort_by_key(|b| (b.span.start, b.span.end));
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_ascii_fold_is_the_same(t in "[a-c .,\t\n\r\x0b\x0c]{0,30}") {
            proptest::prop_assert_eq!(folded_hash(&t), folded_hash_chars(&t));
        }
    }

    #[test]
    fn a_repeated_sentence_is_counted_once() {
        let b = Boilerplate::bundled();
        let s = "Russian jets bombed Aleppo on Monday killing ten people. The army advanced. \
                 Russian jets bombed Aleppo on Monday killing ten people. Lavrov spoke.\n\n\
                 Read more. Read more. Russian jets  bombed Aleppo on Monday\tkilling ten people.";
        let l = b.layout(s);
        let rules: Vec<&str> = l.boilerplate.iter().map(|x| x.rule.as_str()).collect();
        assert_eq!(rules, ["repeated-sentence", "repeated-sentence"]);
        let paras: Vec<&str> = l.paragraphs.iter().map(|p| p.of(s)).collect();
        assert_eq!(
            paras,
            [
                "Russian jets bombed Aleppo on Monday killing ten people. The army advanced.",
                "Lavrov spoke.",
                "Read more. Read more."
            ]
        );
    }

    #[test]
    fn finds_site_codes_and_repeated_captions() {
        let b = Boilerplate::bundled();
        let text = "Title\n\nW460\n\nA caption about Assad in Damascus today. (photo credit: X/REUTERS)\nA caption about Assad in Damascus today.\n(photo credit: X/REUTERS)\nBody text here.\nBody text here, again.\nComments 0\nMS/3853185\nYour Comment\nYou Might Also Like";
        let l = b.layout(text);
        let rules: Vec<&str> = l.boilerplate.iter().map(|b| b.rule.as_str()).collect();
        assert_eq!(
            rules,
            [
                "site-code",
                "photo-credit",
                "repeated-caption",
                "photo-credit",
                "comments-counter",
                "story-code",
                "your-comment",
                "related-links"
            ]
        );
        let paras: Vec<&str> = l.paragraphs.iter().map(|s| s.of(text)).collect();
        assert_eq!(
            paras,
            ["Title", "Body text here.", "Body text here, again."]
        );
    }

    #[test]
    fn captions_ending_in_a_photo_credit_are_boilerplate() {
        let b = Boilerplate::bundled();
        let text = "President Donald Trump and China President Xi Jinping (Photo: Andy Wong, AP)\n\
                    Trump spoke on Sunday (AP reported).\n\
                    Obama speaks in the Rose Garden. (AP Photo/Evan Vucci)\n\
                    The photo: a crowd in the square.";
        let l = b.layout(text);
        let rules: Vec<&str> = l.boilerplate.iter().map(|b| b.rule.as_str()).collect();
        assert_eq!(rules, ["photo-credit", "agency-photo-credit"]);
        let paras: Vec<&str> = l.paragraphs.iter().map(|s| s.of(text)).collect();
        assert_eq!(
            paras,
            [
                "Trump spoke on Sunday (AP reported).",
                "The photo: a crowd in the square."
            ]
        );
    }

    #[test]
    fn oversized_and_invalid_patterns_are_refused_by_name() {
        let file = |re: &str| {
            format!("[meta]\nname = \"t\"\nversion = \"1\"\n[repeats]\nmin_chars = 20\ncaption_prefix_chars = 30\n[[pattern]]\nname = \"ok\"\nregex = 'a'\n[[pattern]]\nname = \"huge\"\nregex = '{re}'\n")
        };
        let e = Boilerplate::parse(&file("(\\w{1000}){1000}"), "b.toml")
            .err()
            .unwrap()
            .to_string();
        assert!(
            e.starts_with(
                "b.toml: pattern \"huge\" ([[pattern]] number 2) compiles to more than the limit"
            ),
            "{e}"
        );
        let e = Boilerplate::parse(&file("(unclosed"), "b.toml")
            .err()
            .unwrap()
            .to_string();
        assert!(
            e.contains("pattern \"huge\"") && e.contains("not a valid regular expression"),
            "{e}"
        );
        // An example the pattern does not match is refused; every bundled example matches.
        let e = Boilerplate::parse(
            &format!("{}example = 'Read more'\n", file("^Advertisement$")),
            "b.toml",
        )
        .err()
        .unwrap()
        .to_string();
        assert!(
            e.contains("pattern \"huge\" ([[pattern]] number 2) does not match its own example \"Read more\""),
            "{e}"
        );
        let b = Boilerplate::bundled();
        let l = b.layout("All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.\n\nThe talks resumed.");
        let rules: Vec<&str> = l.boilerplate.iter().map(|x| x.rule.as_str()).collect();
        assert_eq!(rules, ["licence"]);
    }

    /// 400,000 lines, each accounted for. How long it takes is measured by the criterion bench
    /// `worst_case` (benches/README.md), never timed here: a test must not fail on a busy
    /// machine.
    #[test]
    fn many_lines_are_all_laid_out() {
        let b = Boilerplate::bundled();
        let mut text = String::new();
        for i in 0..200_000 {
            text.push_str(&format!(
                "Comments {i}\nline number {i} of a long generated article\n"
            ));
        }
        let l = b.layout(&text);
        assert_eq!(l.paragraphs.len() + l.boilerplate.len(), 400_000);
    }
}
