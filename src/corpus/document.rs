//! Inputs that are one document: a saved web page (`.html`), a JSON article (news-please
//! writes one per file) or a JSON array of articles; also each such file inside a corpus
//! folder. A page's main text and metadata come from [`super::web::extract`]; metadata given
//! outside the page (a folder's manifest) wins over the page's own.

use super::article::{Record, Skip, SkipKind};
use super::folder::ManifestEntry;
use super::{build_article, InputInfo, InputKind, LoadOptions, RecordStream};
use crate::hash::hex_digest;
use sha2::Sha256;
use std::collections::VecDeque;
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Pages larger than this many times `--max-article-bytes` are skipped unread: markup is
/// several times the text it holds, a page beyond that is not one article.
pub const PAGE_BYTES_PER_TEXT_BYTE: usize = 8;

/// A page's bytes as text: UTF-8, else the charset it declares (`declared`, from an HTTP
/// header, or its `<meta charset>`), decoded by `encoding_rs`. Err with what to do.
pub fn page_text(bytes: &[u8], declared: Option<&str>) -> Result<String, String> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.strip_prefix('\u{FEFF}').unwrap_or(s).to_string());
    }
    let label = declared
        .map(str::to_string)
        .or_else(|| meta_charset(bytes))
        .ok_or_else(|| {
            "the page is not UTF-8 and declares no charset; re-encode it as UTF-8".to_string()
        })?;
    let enc = encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!("the page's charset {label:?} is not known; re-encode it as UTF-8")
    })?;
    let (text, _, bad) = enc.decode(bytes);
    if bad {
        return Err(format!(
            "the page is not valid {}; re-encode it as UTF-8",
            enc.name()
        ));
    }
    Ok(text.into_owned())
}

/// The charset a page's head declares (`<meta charset=...>` or `content="...; charset=..."`).
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let at = memchr::memmem::find(&head, b"charset=")? + b"charset=".len();
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| String::from_utf8_lossy(&rest[..end]).into_owned())
}

/// The charset of an HTTP `Content-Type` value.
pub fn charset_of(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let v = lower[at..]
        .split(';')
        .next()?
        .trim()
        .trim_matches(['"', '\'']);
    (!v.is_empty()).then(|| v.to_string())
}

/// Where a page came from and what is known about it besides its bytes.
pub struct PageSource<'a> {
    /// Input path shown in skips.
    pub source: &'a str,
    /// Line (or record number) in `source`.
    pub line: Option<u64>,
    /// The article's id.
    pub id: Option<String>,
    /// The address it was fetched from.
    pub fetched_from: Option<&'a str>,
    /// Charset declared outside the page (HTTP).
    pub charset: Option<String>,
    /// Metadata given outside the page (a manifest row); wins over the page's.
    pub given: Option<&'a ManifestEntry>,
}

/// A saved page as an article, or a skip with the reason.
pub fn page_record(bytes: &[u8], at: &PageSource, options: &LoadOptions) -> Record {
    let skip = |kind, reason: String| Skip {
        source: at.source.to_string(),
        line: at.line,
        id: at.id.clone(),
        kind,
        reason,
    };
    let limit = options
        .max_article_bytes
        .saturating_mul(PAGE_BYTES_PER_TEXT_BYTE);
    if bytes.len() > limit {
        return Err(skip(
            SkipKind::TooLarge,
            format!(
                "page of {} bytes is larger than {PAGE_BYTES_PER_TEXT_BYTE} times --max-article-bytes {}; raise the limit to analyse it",
                bytes.len(),
                options.max_article_bytes
            ),
        ));
    }
    let html =
        page_text(bytes, at.charset.as_deref()).map_err(|r| skip(SkipKind::InvalidUtf8, r))?;
    let page =
        super::web::extract(&html, at.fetched_from).map_err(|r| skip(SkipKind::NoMainText, r))?;
    let given = at.given.cloned().unwrap_or_default();
    build_article(
        at.source,
        at.line,
        given.id.or_else(|| at.id.clone()),
        given.outlet.as_deref().or(page.outlet.as_deref()),
        given.date.or(page.date),
        given.title.or(page.title),
        given.url.or(page.url),
        given.lang.or(page.lang),
        page.text,
        options,
    )
}

/// The records of a JSON document: one object, or each element of an array (its line is
/// where the element starts).
pub fn json_records(text: &str, source: &str, options: &LoadOptions) -> Vec<Record> {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let skew = text.len() - body.len();
    if !body.trim_start().starts_with('[') {
        return vec![super::jsonl::parse_record(
            body.as_bytes(),
            source,
            Some(1 + line_of(body, body.len() - body.trim_start().len())),
            skew as u64,
            options,
        )];
    }
    match serde_json::from_str::<Vec<&serde_json::value::RawValue>>(body) {
        Ok(items) => items
            .into_iter()
            .map(|raw| {
                let s = raw.get();
                let offset = s.as_ptr() as usize - body.as_ptr() as usize;
                super::jsonl::parse_record(
                    s.as_bytes(),
                    source,
                    Some(1 + line_of(body, offset)),
                    (skew + offset) as u64,
                    options,
                )
            })
            .collect(),
        Err(e) => vec![Err(Skip {
            source: source.to_string(),
            line: Some(e.line() as u64),
            id: None,
            kind: SkipKind::InvalidJson,
            reason: format!(
                "not a JSON array of article objects: {e}; fix the file (or write one article per line as JSON Lines)"
            ),
        })],
    }
}

/// Zero-based line of byte `at`.
fn line_of(text: &str, at: usize) -> u64 {
    memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() as u64
}

/// One saved page or one JSON document given as an input.
pub struct DocumentReader {
    source: String,
    kind: InputKind,
    records: VecDeque<Record>,
    hasher: Arc<Mutex<Sha256>>,
}

impl DocumentReader {
    /// Reads the document (decompressed when it is gzip).
    pub fn open(
        path: &Path,
        kind: InputKind,
        options: &LoadOptions,
    ) -> Result<DocumentReader, super::Error> {
        let source = path.display().to_string();
        let (reader, hasher) = super::open_decoded(path, options.bytes_read.clone())?;
        let limit = options
            .max_article_bytes
            .saturating_mul(PAGE_BYTES_PER_TEXT_BYTE);
        let mut bytes = Vec::new();
        // A JSON array holds many articles: read it whole; a page is read up to its limit
        // (one byte more tells that it is over).
        let read = if kind == InputKind::Json {
            reader.take(u64::MAX).read_to_end(&mut bytes)
        } else {
            reader.take(limit as u64 + 1).read_to_end(&mut bytes)
        };
        let mut records = VecDeque::new();
        let read_error = |e: std::io::Error| Skip {
            source: source.clone(),
            line: None,
            id: None,
            kind: SkipKind::ReadError,
            reason: format!("cannot read the file to its end: {e}; it may be truncated"),
        };
        match read {
            Err(e) => records.push_back(Err(read_error(e))),
            Ok(_) if kind == InputKind::Json => match super::utf8_problem(&bytes, 0) {
                Some(problem) => records.push_back(Err(Skip {
                    source: source.clone(),
                    line: None,
                    id: None,
                    kind: SkipKind::InvalidUtf8,
                    reason: problem,
                })),
                None => records.extend(json_records(
                    std::str::from_utf8(&bytes).unwrap_or_default(),
                    &source,
                    options,
                )),
            },
            Ok(_) => {
                let at = PageSource {
                    source: &source,
                    line: None,
                    id: path.file_stem().map(|s| s.to_string_lossy().into_owned()),
                    fetched_from: None,
                    charset: None,
                    given: None,
                };
                records.push_back(page_record(&bytes, &at, options));
            }
        }
        Ok(DocumentReader {
            source,
            kind,
            records,
            hasher,
        })
    }
}

impl Iterator for DocumentReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        self.records.pop_front()
    }
}

impl RecordStream for DocumentReader {
    fn info(&self) -> InputInfo {
        InputInfo {
            path: self.source.clone(),
            kind: self.kind,
            sha256: hex_digest(&self.hasher),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_are_read_from_headers_and_meta() {
        assert_eq!(
            charset_of("text/html; charset=\"Windows-1256\"").as_deref(),
            Some("windows-1256")
        );
        assert_eq!(charset_of("text/html"), None);
        let page =
            b"<html><head><meta charset=\"windows-1256\"></head><body>\xc7\xe1</body></html>";
        let text = page_text(page, None).unwrap();
        assert!(text.contains("\u{627}\u{644}"), "{text}");
        assert!(page_text(b"\xff\xfe<html>", None).is_err());
    }

    #[test]
    fn json_arrays_give_one_record_per_element_with_its_line() {
        let text = "[\n {\"outlet\": \"tass\", \"text\": \"One.\"},\n\n {\"outlet\": 3, \"text\": \"Two.\"}\n]";
        let r = json_records(text, "a.json", &LoadOptions::default());
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].as_ref().unwrap().line, Some(2));
        assert_eq!(r[1].as_ref().unwrap_err().line, Some(4));
        let bad = json_records("[{\"text\": ", "b.json", &LoadOptions::default());
        assert_eq!(bad[0].as_ref().unwrap_err().kind, SkipKind::InvalidJson);
    }
}
