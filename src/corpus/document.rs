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

/// The records of a JSON array read by the streaming reader ([`JsonArray`]) from `bytes`; None
/// when `bytes` does not open an array. (For the fuzz targets and properties.)
pub fn stream_array(bytes: Vec<u8>, source: &str, options: &LoadOptions) -> Option<Vec<Record>> {
    let raw: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(bytes));
    let mut reader = std::io::BufReader::with_capacity(1 << 16, raw);
    let (line, offset) = array_start(&mut reader)?;
    Some(JsonArray::new(reader, source.to_string(), options.clone(), line, offset).collect())
}

/// When the input (after a byte order mark and white space) opens a JSON array: consumes
/// through the `[` and gives the zero-based line and the byte offset after it.
fn array_start(reader: &mut std::io::BufReader<Box<dyn Read + Send>>) -> Option<(u64, u64)> {
    use std::io::BufRead;
    let buf = reader.fill_buf().ok()?;
    let body = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf);
    let bom = buf.len() - body.len();
    let ws = body.iter().position(|b| !b.is_ascii_whitespace())?;
    if body[ws] != b'[' {
        return None;
    }
    let line = memchr::memchr_iter(b'\n', &body[..ws]).count() as u64;
    let used = bom + ws + 1;
    reader.consume(used);
    Some((line, used as u64))
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
    /// The elements of a JSON array, streamed.
    array: Option<JsonArray>,
    hasher: Arc<Mutex<Sha256>>,
}

/// The elements of a JSON array read one at a time, so that an array of any length is read in
/// bounded memory: the bytes of each top-level element are cut out by tracking nesting and
/// strings (the parse itself is serde_json's, element by element).
pub struct JsonArray {
    reader: std::io::BufReader<Box<dyn Read + Send>>,
    source: String,
    options: LoadOptions,
    /// Zero-based line and byte offset of the next byte.
    line: u64,
    offset: u64,
    done: bool,
}

impl JsonArray {
    /// Reads from just after the opening `[` (at `line`, `offset`).
    fn new(
        reader: std::io::BufReader<Box<dyn Read + Send>>,
        source: String,
        options: LoadOptions,
        line: u64,
        offset: u64,
    ) -> JsonArray {
        JsonArray {
            reader,
            source,
            options,
            line,
            offset,
            done: false,
        }
    }

    fn byte(&mut self) -> std::io::Result<Option<u8>> {
        use std::io::BufRead;
        let b = match self.reader.fill_buf()? {
            [] => return Ok(None),
            buf => buf[0],
        };
        self.reader.consume(1);
        self.offset += 1;
        if b == b'\n' {
            self.line += 1;
        }
        Ok(Some(b))
    }

    fn fail(&mut self, line: u64, reason: String, kind: SkipKind) -> Option<Record> {
        self.done = true;
        Some(Err(Skip {
            source: self.source.clone(),
            line: Some(line + 1),
            id: None,
            kind,
            reason,
        }))
    }
}

impl Iterator for JsonArray {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        let limit = self.options.max_article_bytes.saturating_add(64 << 10);
        // Skip white space and the comma before an element; `]` ends the array.
        let first = loop {
            match self.byte() {
                Ok(Some(b)) if b.is_ascii_whitespace() || b == b',' => continue,
                Ok(Some(b']')) => {
                    self.done = true;
                    return None;
                }
                Ok(Some(b)) => break b,
                Ok(None) => {
                    let line = self.line;
                    return self.fail(line, "the JSON array is not closed (no `]` at the end); the file may be truncated".into(), SkipKind::ReadError);
                }
                Err(e) => {
                    let line = self.line;
                    return self.fail(
                        line,
                        format!("cannot read the file to its end: {e}; it may be truncated"),
                        SkipKind::ReadError,
                    );
                }
            }
        };
        let (line, start) = (self.line, self.offset - 1);
        let mut bytes = vec![first];
        let mut len = 1u64;
        let mut nest = Nesting::default();
        nest.step(first);
        // A string or a nested element ends when it closes; a number or literal at the next
        // comma, bracket or white space.
        let scalar = nest.closed() && first != b'"';
        while !(nest.closed() && (!scalar || self.at_scalar_end())) {
            let b = match self.byte() {
                Ok(Some(b)) => b,
                Ok(None) => {
                    return self.fail(
                        line,
                        format!("the element starting at byte {start} is not closed; the file may be truncated"),
                        SkipKind::InvalidJson,
                    );
                }
                Err(e) => {
                    return self.fail(
                        line,
                        format!("cannot read the file to its end: {e}; it may be truncated"),
                        SkipKind::ReadError,
                    );
                }
            };
            len += 1;
            if bytes.len() < limit {
                bytes.push(b);
            }
            nest.step(b);
        }
        if len as usize > limit {
            return Some(Err(Skip {
                source: self.source.clone(),
                line: Some(line + 1),
                id: None,
                kind: SkipKind::TooLarge,
                reason: format!("record of {len} bytes is larger than --max-article-bytes {}; raise the limit to analyse it", self.options.max_article_bytes),
            }));
        }
        Some(super::jsonl::parse_record(
            &bytes,
            &self.source,
            Some(line + 1),
            start,
            &self.options,
        ))
    }
}

impl JsonArray {
    /// Whether the next byte ends a number or literal (a comma, `]`, white space or the end),
    /// without consuming it.
    fn at_scalar_end(&mut self) -> bool {
        use std::io::BufRead;
        match self.reader.fill_buf() {
            Ok([]) | Err(_) => true,
            Ok(buf) => matches!(buf[0], b',' | b']') || buf[0].is_ascii_whitespace(),
        }
    }
}

/// Nesting of brackets and strings while an element's bytes are cut out.
#[derive(Default)]
struct Nesting {
    depth: i64,
    in_str: bool,
    escaped: bool,
}

impl Nesting {
    fn step(&mut self, b: u8) {
        if self.in_str {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_str = false;
            }
            return;
        }
        match b {
            b'"' => self.in_str = true,
            b'{' | b'[' => self.depth += 1,
            b'}' | b']' => self.depth -= 1,
            _ => {}
        }
    }

    fn closed(&self) -> bool {
        self.depth <= 0 && !self.in_str
    }
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
        let mut reader = std::io::BufReader::with_capacity(1 << 16, reader);
        // A JSON array holds many articles: streamed element by element.
        if kind == InputKind::Json {
            if let Some((line, offset)) = array_start(&mut reader) {
                return Ok(DocumentReader {
                    source: source.clone(),
                    kind,
                    records: VecDeque::new(),
                    array: Some(JsonArray::new(
                        reader,
                        source,
                        options.clone(),
                        line,
                        offset,
                    )),
                    hasher,
                });
            }
        }
        // A page or one object is read up to its limit (one byte more tells that it is over).
        let mut bytes = Vec::new();
        let read = reader.take(limit as u64 + 1).read_to_end(&mut bytes);
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
            array: None,
            hasher,
        })
    }
}

impl Iterator for DocumentReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        match &mut self.array {
            Some(a) => a.next(),
            None => self.records.pop_front(),
        }
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
