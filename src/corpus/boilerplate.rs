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
    #[allow(dead_code)]
    example: Option<String>,
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
    /// The rule: a pattern name, `repeated-line` or `repeated-caption`.
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
        let set = regex::RegexSetBuilder::new(f.pattern.iter().map(|p| p.regex.as_str()))
            .size_limit(32 << 20)
            .build()
            .map_err(|e| Error::Patterns {
                path: path.to_string(),
                message: format!("invalid pattern: {e}"),
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
        let mut seen: Vec<(String, bool)> = Vec::new();
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
            let folded: String = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
            let rule = if trimmed.len() <= 2000 {
                self.set
                    .matches(trimmed)
                    .iter()
                    .next()
                    .map(|i| self.names[i].clone())
            } else {
                None
            };
            let rule = rule.or_else(|| {
                if folded.chars().count() >= self.min_chars
                    && seen.iter().any(|(s, _)| *s == folded)
                {
                    Some("repeated-line".to_string())
                } else if folded.chars().count() >= self.caption_prefix_chars
                    && seen
                        .iter()
                        .any(|(s, caption)| *caption && s.starts_with(&folded))
                {
                    Some("repeated-caption".to_string())
                } else {
                    None
                }
            });
            seen.push((folded, rule.is_some()));
            match rule {
                Some(rule) => out.boilerplate.push(BoilerLine { span, rule }),
                None => out.paragraphs.push(span),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
