//! Lexicons and the actor gazetteer: loading, validation and compiled matchers.
//!
//! Owns the TOML formats (`docs/lexicon.md`), their provenance (name, version, SHA-256) and the
//! multi-pattern matcher over token keys. It knows nothing about articles; it reads files only
//! through the `load_*` functions.

pub mod check;
pub mod diff;
pub mod framing;
pub mod gazetteer;
pub mod matcher;
pub mod model;
pub mod names;
pub mod section;

pub use framing::Lexicon;
pub use gazetteer::{Actor, ActorId, ActorKind, Gazetteer, Gender};
pub use matcher::{Hit, HitKind, Matcher};
pub use section::Section;

use serde::Serialize;

/// A lexicon or gazetteer problem, located as `file:line:col`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A problem at a place in a file.
    #[error("{path}:{line}:{col}: error: {message}")]
    At {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What is wrong.
        message: String,
    },
    /// The terms of the lexicons loaded together do not compile into one matcher (too many or
    /// too long); `path` is the lexicon with the most term bytes.
    #[error("{path}: error: {message}")]
    Matcher {
        /// The lexicon named.
        path: String,
        /// What is wrong and what to do.
        message: String,
    },
    /// The file cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

impl Error {
    /// An error at byte `at` of `text` (start of file when unknown).
    pub fn at(path: &str, text: &str, at: Option<usize>, message: &str) -> Error {
        let (line, col) = line_col(text, at.unwrap_or(0));
        Error::At {
            path: path.to_string(),
            line,
            col,
            message: message.trim_end_matches('\n').to_string(),
        }
    }
}

impl Error {
    /// A TOML syntax or type error: its place, the key or table it is about, and where the
    /// format is described.
    pub fn toml(path: &str, text: &str, e: &toml::de::Error, format: &str) -> Error {
        let at = e.span().map(|s| s.start).unwrap_or(0).min(text.len());
        let start = text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let line = text[start..].lines().next().unwrap_or("").trim();
        let msg = e.message().trim_end_matches('\n');
        // Value errors point at a key; syntax and missing-field errors are about the place or
        // the table as a whole.
        let about_value = [
            "invalid type",
            "invalid value",
            "unknown field",
            "invalid length",
        ]
        .iter()
        .any(|p| msg.starts_with(p));
        let what = match line.split_once('=') {
            Some((key, _)) if about_value && !line.starts_with('[') => {
                format!(" (key {})", key.trim())
            }
            _ => String::new(),
        };
        Error::at(
            path,
            text,
            Some(at),
            &format!("{msg}{what}; fix it as {format} describes"),
        )
    }
}

/// Line starts of a text, for many `line_col` look-ups.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based line and column (in characters) of byte `at`.
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let mut at = at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= at);
        let start = self.starts[line - 1];
        (line, self.text[start..at].chars().count() + 1)
    }
}

/// 1-based line and column (in characters) of byte `at`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let mut at = at;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

/// Provenance of a data file.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct SourceInfo {
    /// Path, or `bundled:<path>` for the built-in copy.
    pub path: String,
    /// `meta.name`.
    pub name: String,
    /// `meta.version`.
    pub version: String,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
}

impl SourceInfo {
    /// Provenance of `text` read from `path`.
    pub fn new(path: &str, name: &str, version: &str, text: &str) -> SourceInfo {
        SourceInfo {
            path: path.to_string(),
            name: name.to_string(),
            version: version.to_string(),
            sha256: crate::hash::sha256_hex(text),
        }
    }
}

/// Reads a file as UTF-8 text.
pub fn read_text(path: &std::path::Path) -> Result<String, Error> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: shown.clone(),
        source: e,
    })?;
    String::from_utf8(bytes).map_err(|e| Error::At {
        path: shown,
        line: 1,
        col: 1,
        message: format!(
            "not UTF-8 (byte {}); save the file as UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })
}

/// Loads a gazetteer file.
pub fn load_gazetteer(path: &std::path::Path) -> Result<Gazetteer, Error> {
    let text = read_text(path)?;
    Gazetteer::parse(&text, &path.display().to_string())
}

/// Loads a lexicon file.
pub fn load_lexicon(path: &std::path::Path) -> Result<Lexicon, Error> {
    let text = read_text(path)?;
    Lexicon::parse(&text, &path.display().to_string())
}
