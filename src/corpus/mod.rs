//! Corpus loading: folders of text files, saved web pages and JSON documents with a manifest,
//! JSON Lines (also gzip), JSON documents, CSV, saved web pages and WARC files. The format of a
//! file is told from its first bytes (gzip, `WARC/`, HTML, JSON) and else from its extension.
//!
//! Owns reading inputs into [`Article`]s and [`Skip`]s, hashing every input for provenance, and
//! finding boilerplate. Every record read ends as exactly one article or one skip, in input
//! order, so that `read = analysed + skipped` holds. Records stream: an input is never held in
//! memory whole. This module and `lexicon` are the only library modules that read files.

pub mod article;
pub mod boilerplate;
pub mod csv_input;
pub mod date;
pub mod dedup;
pub mod document;
pub mod folder;
pub mod jsonl;
pub mod lang;
pub mod recurring;
pub mod warc_input;
pub mod web;

pub use article::{Article, Record, Skip, SkipKind};
pub use dedup::{Dedup, KnownDuplicates};

use serde::Serialize;
use std::path::Path;

/// Errors that stop a whole input (as opposed to skipping one record).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input path does not exist.
    #[error("{path}: no such file or directory; check the path")]
    NotFound {
        /// The path given.
        path: String,
    },
    /// Reading failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A manifest that cannot be used at all.
    #[error("{path}:{line}: {message}")]
    Manifest {
        /// The manifest file.
        path: String,
        /// Line of the problem.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A CSV header without a required column.
    #[error(
        "{path}:1: no column named {column} in the header ({found}); name the column with {flag}"
    )]
    MissingColumn {
        /// The CSV file.
        path: String,
        /// The column looked for, quoted, with the other names tried.
        column: String,
        /// The header as found.
        found: String,
        /// The flag that selects it.
        flag: String,
    },
    /// An input whose kind is not known.
    #[error("{path}: cannot tell its format: not a folder, and neither its name nor its first bytes ({start}) say JSON Lines, JSON, CSV, HTML or WARC; give it one of the extensions .jsonl, .json, .csv, .html, .warc (with .gz when compressed)")]
    UnknownKind {
        /// The path.
        path: String,
        /// Its first bytes, quoted.
        start: String,
    },
    /// A boilerplate pattern file that cannot be used.
    #[error("{path}: {message}")]
    Patterns {
        /// The pattern file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// How inputs are read.
#[derive(Clone, Debug, Serialize)]
pub struct LoadOptions {
    /// Larger articles are skipped with a reason.
    pub max_article_bytes: usize,
    /// CSV column with the text.
    pub text_col: String,
    /// CSV column with the outlet.
    pub outlet_col: String,
    /// CSV column with the date.
    pub date_col: String,
    /// CSV column with the id.
    pub id_col: String,
    /// CSV column with the title.
    pub title_col: String,
    /// CSV column with the URL.
    pub url_col: String,
    /// Read files that a folder's manifest names, or that its symbolic links point to, outside
    /// the folder (off by default: such entries are skipped with a reason).
    pub allow_outside_folder: bool,
    /// Input bytes read so far (as stored: compressed for `.gz`), added to as the inputs stream,
    /// for a progress display; none by default.
    #[serde(skip)]
    pub bytes_read: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_article_bytes: 8 << 20,
            text_col: "text".into(),
            outlet_col: "outlet".into(),
            date_col: "date".into(),
            id_col: "id".into(),
            title_col: "title".into(),
            url_col: "url".into(),
            allow_outside_folder: false,
            bytes_read: None,
        }
    }
}

/// The kind of an input.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    /// A folder of `.txt` files, optionally with `manifest.toml` or `manifest.csv`.
    Folder,
    /// JSON Lines, one article per line.
    Jsonl,
    /// Gzip-compressed JSON Lines.
    JsonlGz,
    /// CSV with a header.
    Csv,
    /// JSON Lines on standard input (`-`).
    Stdin,
    /// One JSON document (possibly gzip-compressed): an article object (news-please writes one
    /// per file) or an array of them.
    Json,
    /// One saved web page (possibly gzip-compressed).
    Html,
    /// A WARC file of web pages.
    Warc,
    /// A gzip-compressed WARC file (one gzip member per record, as crawlers write them).
    WarcGz,
}

/// Bytes read from the start of a file to tell its format.
const SNIFF_BYTES: usize = 8192;

/// What a file's first bytes say it is, when they say it clearly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// `WARC/1.x` records.
    Warc,
    /// An HTML page.
    Html,
    /// JSON documents, one per line.
    Jsonl,
    /// One JSON document over several lines, or an array.
    Json,
}

/// Whether `head` starts with the gzip magic number.
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

/// The format of (decompressed) content from its first bytes.
pub fn sniff(head: &[u8]) -> Option<Content> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let t = &head[start..];
    if t.starts_with(b"WARC/") {
        return Some(Content::Warc);
    }
    if t.starts_with(b"<") {
        let lower = t[..t.len().min(2048)].to_ascii_lowercase();
        let html = [
            &b"<!doctype html"[..],
            b"<html",
            b"<head",
            b"<body",
            b"<meta",
            b"<title",
        ]
        .iter()
        .any(|m| memchr::memmem::find(&lower, m).is_some());
        return html.then_some(Content::Html);
    }
    if t.starts_with(b"[") {
        return Some(Content::Json);
    }
    if t.starts_with(b"{") {
        // A first line that is a whole JSON value: JSON Lines; a first line that is not (a
        // pretty-printed object): one document. A first line longer than the sniffed bytes is
        // a long JSON Lines record.
        return Some(match memchr::memchr(b'\n', t) {
            Some(i) if serde_json::from_slice::<serde::de::IgnoredAny>(&t[..i]).is_err() => {
                Content::Json
            }
            _ => Content::Jsonl,
        });
    }
    None
}

/// The first bytes of a file, decompressed when it is gzip: (compressed, bytes).
fn file_head(path: &Path) -> std::io::Result<(bool, Vec<u8>)> {
    use std::io::Read;
    let mut raw = Vec::with_capacity(SNIFF_BYTES);
    std::fs::File::open(path)?
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut raw)?;
    if !is_gzip(&raw) {
        return Ok((false, raw));
    }
    let mut out = Vec::with_capacity(SNIFF_BYTES);
    let file = std::fs::File::open(path)?;
    // A damaged stream still tells what it starts with.
    let _ = flate2::read::MultiGzDecoder::new(file)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut out);
    Ok((true, out))
}

/// A file's bytes, decompressed.
pub(crate) type DecodedReader = Box<dyn std::io::Read + Send>;

/// A file opened for reading, decompressed when its first bytes are gzip, whatever its name.
pub(crate) fn open_decoded(
    path: &Path,
    counter: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
) -> Result<
    (
        DecodedReader,
        std::sync::Arc<std::sync::Mutex<sha2::Sha256>>,
    ),
    Error,
> {
    let shown = path.display().to_string();
    let io = |e| Error::Io {
        path: shown.clone(),
        source: e,
    };
    // The gzip magic number alone decides (the format was told from the content already).
    let mut magic = Vec::with_capacity(2);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(path).map_err(io)?, 2),
        &mut magic,
    )
    .map_err(io)?;
    let gz = is_gzip(&magic);
    let file = std::fs::File::open(path).map_err(io)?;
    let (hashing, hasher) = crate::hash::HashingReader::new(Box::new(file));
    let hashing = hashing.counting(counter);
    let r: Box<dyn std::io::Read + Send> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(std::io::BufReader::new(
            hashing,
        )))
    } else {
        Box::new(hashing)
    };
    Ok((r, hasher))
}

/// Decides the kind of an input from its path.
pub fn input_kind(path: &Path) -> Result<InputKind, Error> {
    let shown = path.display().to_string();
    if shown == "-" {
        return Ok(InputKind::Stdin);
    }
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound {
            path: shown.clone(),
        },
        _ => Error::Io {
            path: shown.clone(),
            source: e,
        },
    })?;
    if meta.is_dir() {
        return Ok(InputKind::Folder);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let (gz, head) = file_head(path).map_err(|e| Error::Io {
        path: shown.clone(),
        source: e,
    })?;
    // The content decides when it is clear (a `.jsonl.gz` that is plain text, a `.txt` that
    // is a web page); the name otherwise (an empty file, a CSV).
    let base = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = |list: &[&str]| list.iter().any(|e| base.ends_with(e));
    let content = match sniff(&head) {
        // A line that is not JSON in a file named JSON Lines is that line's error, not a sign
        // of a pretty-printed document.
        Some(Content::Json) if ext(&[".jsonl", ".ndjson"]) => Some(Content::Jsonl),
        found => found,
    }
    .or_else(|| {
        if ext(&[".warc"]) {
            Some(Content::Warc)
        } else if ext(&[".html", ".htm"]) {
            Some(Content::Html)
        } else if ext(&[".jsonl", ".ndjson", ".json"]) {
            Some(Content::Jsonl)
        } else {
            None
        }
    });
    match content {
        Some(Content::Warc) if gz => Ok(InputKind::WarcGz),
        Some(Content::Warc) => Ok(InputKind::Warc),
        Some(Content::Html) => Ok(InputKind::Html),
        Some(Content::Json) => Ok(InputKind::Json),
        Some(Content::Jsonl) if gz => Ok(InputKind::JsonlGz),
        Some(Content::Jsonl) => Ok(InputKind::Jsonl),
        None if !gz && ext(&[".csv", ".tsv"]) => Ok(InputKind::Csv),
        None => Err(Error::UnknownKind {
            path: shown,
            start: describe_start(&head, gz),
        }),
    }
}

/// The first bytes of a file, for a message.
fn describe_start(head: &[u8], gz: bool) -> String {
    let text: String = String::from_utf8_lossy(&head[..head.len().min(40)])
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let what = if head.is_empty() {
        "empty".to_string()
    } else {
        format!("{:?}", text.trim())
    };
    if gz {
        format!("gzip, decompressed: {what}")
    } else {
        what
    }
}

/// Provenance of one input: path, kind and SHA-256 of its bytes (for a folder, of its manifest
/// and files in name order).
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct InputInfo {
    /// The path as given.
    pub path: String,
    /// Its kind.
    pub kind: InputKind,
    /// Hex SHA-256.
    pub sha256: String,
}

/// A stream of records from one input. `finish` returns the input's hash once read to the end.
pub trait RecordStream: Iterator<Item = Record> + Send {
    /// Provenance, complete once the stream is exhausted.
    fn info(&self) -> InputInfo;
}

/// Opens one input as a record stream.
pub fn open(path: &Path, options: &LoadOptions) -> Result<Box<dyn RecordStream>, Error> {
    let kind = input_kind(path)?;
    let shown = path.display().to_string();
    Ok(match kind {
        InputKind::Folder => Box::new(folder::FolderReader::open(path, options)?),
        InputKind::Jsonl | InputKind::JsonlGz => {
            let file = std::fs::File::open(path).map_err(|e| Error::Io {
                path: shown.clone(),
                source: e,
            })?;
            Box::new(jsonl::JsonlReader::new(
                shown,
                kind,
                Box::new(file),
                options.clone(),
                kind == InputKind::JsonlGz,
            ))
        }
        InputKind::Json | InputKind::Html => {
            Box::new(document::DocumentReader::open(path, kind, options)?)
        }
        InputKind::Warc | InputKind::WarcGz => {
            Box::new(warc_input::WarcInput::open(path, kind, options)?)
        }
        InputKind::Stdin => Box::new(jsonl::JsonlReader::new(
            "-".into(),
            kind,
            Box::new(std::io::stdin()),
            options.clone(),
            false,
        )),
        InputKind::Csv => Box::new(csv_input::CsvReader::open(path, options)?),
    })
}

/// Splits text into lines, treating `\r\n`, `\n` and a lone `\r` as line ends. Returns the
/// spans of the lines without their terminators.
pub fn line_spans(text: &str) -> Vec<crate::span::Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push(crate::span::Span::new(start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push(crate::span::Span::new(start, i));
                if i + 1 < b.len() && b[i + 1] == b'\n' {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < b.len() {
        out.push(crate::span::Span::new(start, b.len()));
    }
    out
}

/// Normalises an outlet name from the input: trimmed and lowercased, `unknown` when empty.
pub fn normalize_outlet(raw: Option<&str>) -> String {
    let s = raw.map(str::trim).unwrap_or("");
    if s.is_empty() {
        "unknown".into()
    } else {
        s.to_lowercase()
    }
}

/// Turns a path into the display form used in skips and provenance.
pub fn display_path(p: &Path) -> String {
    p.display().to_string()
}

/// Builds an article from decoded fields, or a skip if the text is unusable.
#[allow(clippy::too_many_arguments)]
pub(crate) fn build_article(
    source: &str,
    line: Option<u64>,
    id: Option<String>,
    outlet: Option<&str>,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    lang: Option<String>,
    text: String,
    options: &LoadOptions,
) -> Record {
    let id = id
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| match line {
            // The input path as given, so that `y2020/articles.jsonl` and
            // `y2021/articles.jsonl` never make the same id.
            Some(l) => format!("{source}:{l}"),
            None => file_stem(source),
        });
    let skip = |kind, reason: String| Skip {
        source: source.to_string(),
        line,
        id: Some(id.clone()),
        kind,
        reason,
    };
    if text.len() > options.max_article_bytes {
        return Err(skip(
            SkipKind::TooLarge,
            format!("article of {} bytes is larger than --max-article-bytes {}; raise the limit to analyse it", text.len(), options.max_article_bytes),
        ));
    }
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(t) => t.to_string(),
        None => text,
    };
    if text.chars().all(crate::text::tokens::is_blank) {
        return Err(skip(
            SkipKind::EmptyText,
            "text is empty or only whitespace".into(),
        ));
    }
    let hash = crate::hash::sha256_hex(&text);
    Ok(Article {
        id,
        outlet: normalize_outlet(outlet),
        date: date.filter(|s| !s.trim().is_empty()),
        title: title.filter(|s| !s.trim().is_empty()),
        url: url.filter(|s| !s.trim().is_empty()),
        lang: lang.filter(|s| !s.trim().is_empty()),
        text,
        source: source.to_string(),
        line,
        hash,
    })
}

fn file_stem(source: &str) -> String {
    Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.to_string())
}

/// Describes invalid UTF-8 in `bytes`, with the byte offset counted from `base`.
pub(crate) fn utf8_problem(bytes: &[u8], base: u64) -> Option<String> {
    match std::str::from_utf8(bytes) {
        Ok(_) => None,
        Err(e) => Some(format!(
            "invalid UTF-8 at byte {} ({}); re-encode the input as UTF-8",
            base + e.valid_up_to() as u64,
            match e.error_len() {
                Some(n) => format!("{n} bad byte(s)"),
                None => "truncated multi-byte sequence at the end".into(),
            }
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_spans_handle_crlf_and_lone_cr() {
        let t = "a\r\nb\rc\n\nd";
        let v: Vec<&str> = line_spans(t).iter().map(|s| s.of(t)).collect();
        assert_eq!(v, ["a", "b", "c", "", "d"]);
    }
}
