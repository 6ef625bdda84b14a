//! JSON Lines input: one article object per line (`id`, `outlet`, `date`, `title`, `text`,
//! optional `url`, `lang`); other fields are ignored. Also gzip-compressed and standard input.
//! news-please's fields are recognised without flags: `maintext` for the text,
//! `source_domain` for the outlet (its host name, as [`super::web::outlet_of_host`] names it),
//! `date_publish` and `language`, each used when the framelens field is absent.

use super::article::{Record, Skip, SkipKind};
use super::{build_article, utf8_problem, InputInfo, InputKind, LoadOptions, RecordStream};
use crate::hash::{hex_digest, HashingReader};
use serde::Deserialize;
use sha2::Sha256;
use std::io::{BufRead, BufReader, Read};
use std::sync::{Arc, Mutex};

#[derive(Deserialize)]
#[serde(untagged)]
enum IdField {
    Text(String),
    Number(serde_json::Number),
}

#[derive(Deserialize)]
struct Raw {
    id: Option<IdField>,
    outlet: Option<String>,
    date: Option<String>,
    title: Option<String>,
    text: Option<String>,
    url: Option<String>,
    lang: Option<String>,
    // news-please
    maintext: Option<String>,
    source_domain: Option<String>,
    date_publish: Option<String>,
    language: Option<String>,
}

/// Streams records from JSON Lines.
pub struct JsonlReader {
    source: String,
    kind: InputKind,
    reader: Box<dyn BufRead + Send>,
    hasher: Arc<Mutex<Sha256>>,
    options: LoadOptions,
    line: u64,
    offset: u64,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlReader {
    /// Reads from `raw` (compressed when `gzip`), naming it `source` in skips.
    pub fn new(
        source: String,
        kind: InputKind,
        raw: Box<dyn Read + Send>,
        options: LoadOptions,
        gzip: bool,
    ) -> JsonlReader {
        let (hashing, hasher) = HashingReader::new(raw);
        let hashing = hashing.counting(options.bytes_read.clone());
        let reader: Box<dyn BufRead + Send> = if gzip {
            Box::new(BufReader::with_capacity(
                1 << 18,
                flate2::read::MultiGzDecoder::new(BufReader::new(hashing)),
            ))
        } else {
            Box::new(BufReader::with_capacity(1 << 18, hashing))
        };
        JsonlReader {
            source,
            kind,
            reader,
            hasher,
            options,
            line: 0,
            offset: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    fn parse(&self, bytes: &[u8]) -> Record {
        parse_record(
            bytes,
            &self.source,
            Some(self.line),
            self.offset,
            &self.options,
        )
    }
}

/// One JSON object as an article (or a skip): `line` is where it starts in `source`, `offset`
/// its first byte there (for messages).
pub(crate) fn parse_record(
    bytes: &[u8],
    source: &str,
    line: Option<u64>,
    offset: u64,
    options: &LoadOptions,
) -> Record {
    {
        let skip = |kind, reason: String| Skip {
            source: source.to_string(),
            line,
            id: None,
            kind,
            reason,
        };
        if let Some(problem) = utf8_problem(bytes, offset) {
            let problem = match field_with_bad_utf8(bytes) {
                Some(f) => problem.replacen("; ", &format!(" in field `{f}`; "), 1),
                None => problem,
            };
            return Err(skip(SkipKind::InvalidUtf8, problem));
        }
        let s = std::str::from_utf8(bytes).unwrap_or_default();
        let raw: Raw = match serde_json::from_str(s) {
            Ok(r) => r,
            Err(e) if e.is_data() => {
                return Err(skip(SkipKind::InvalidField, field_problem(s, &e)))
            }
            Err(e) => {
                return Err(skip(
                    SkipKind::InvalidJson,
                    format!(
                        "invalid JSON at byte {} (column {}): {}; fix or remove the line",
                        offset + column_byte(s, e.column()),
                        e.column(),
                        without_position(&e)
                    ),
                ))
            }
        };
        let id = raw.id.map(|i| match i {
            IdField::Text(s) => s,
            IdField::Number(n) => n.to_string(),
        });
        let outlet = raw.outlet.or_else(|| {
            raw.source_domain
                .as_deref()
                .and_then(super::web::outlet_of_host)
        });
        let Some(text) = raw.text.or(raw.maintext) else {
            return Err(Skip {
                id,
                ..skip(
                    SkipKind::MissingField,
                    "missing field `text` (or news-please's `maintext`, or it is null); every record needs a text; add it or remove the line".into(),
                )
            });
        };
        if outlet.as_deref().map(str::trim).unwrap_or("").is_empty() {
            return Err(Skip {
                id,
                ..skip(
                    SkipKind::MissingField,
                    "missing field `outlet` (or news-please's `source_domain`, or it is empty); every record needs its outlet; add it or remove the line".into(),
                )
            });
        }
        build_article(
            source,
            line,
            id,
            outlet.as_deref(),
            raw.date.or(raw.date_publish),
            raw.title,
            raw.url,
            raw.lang.or(raw.language),
            text,
            options,
        )
    }
}

impl Iterator for JsonlReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            let limit = self.options.max_article_bytes.saturating_add(64 << 10);
            match read_line(&mut *self.reader, &mut self.buf, limit) {
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Ok(Some(line)) => {
                    self.line += 1;
                    let mut start = self.offset;
                    self.offset += line.consumed;
                    if line.length > self.buf.len() as u64 {
                        return Some(Err(Skip {
                            source: self.source.clone(),
                            line: Some(self.line),
                            id: None,
                            kind: SkipKind::TooLarge,
                            reason: format!("record of {} bytes is larger than --max-article-bytes {}; raise the limit to analyse it", line.length, self.options.max_article_bytes),
                        }));
                    }
                    // A UTF-8 byte order mark at the start of the input is not part of any
                    // record (a file holding only a BOM holds no record).
                    if self.line == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
                        self.buf.drain(..3);
                        start += 3;
                    }
                    if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    let owned = std::mem::take(&mut self.buf);
                    let saved = self.offset;
                    self.offset = start;
                    let r = self.parse(&owned);
                    self.offset = saved;
                    self.buf = owned;
                    return Some(r);
                }
                Err(e) => {
                    self.done = true;
                    self.line += 1;
                    return Some(Err(Skip {
                        source: self.source.clone(),
                        line: Some(self.line),
                        id: None,
                        kind: SkipKind::ReadError,
                        reason: format!("input ends early after line {} (byte {} of the decoded input): {e}; the file may be truncated, records after this point are lost", self.line - 1, self.offset),
                    }));
                }
            }
        }
    }
}

/// One line as read by [`read_line`].
struct Line {
    /// Bytes taken from the input, terminator included.
    consumed: u64,
    /// Length of the line without its terminator; more than the buffer holds when the line
    /// was longer than the limit (the rest was read and dropped).
    length: u64,
}

/// Reads one line ending in `\n`, `\r\n` or a lone `\r` (or at the end of input) into `buf`,
/// without its terminator, keeping at most `limit` bytes so that one huge line cannot exhaust
/// memory. `None` at the end of input.
fn read_line(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Option<Line>> {
    let mut consumed = 0u64;
    let mut length = 0u64;
    let mut after_cr = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if after_cr {
            // A `\r` ended the line: swallow the `\n` of a `\r\n`, if that is what follows.
            if chunk.first() == Some(&b'\n') {
                r.consume(1);
                consumed += 1;
            }
            return Ok(Some(Line { consumed, length }));
        }
        if chunk.is_empty() {
            return Ok((consumed > 0).then_some(Line { consumed, length }));
        }
        match memchr::memchr2(b'\n', b'\r', chunk) {
            Some(i) => {
                keep(buf, &chunk[..i], limit);
                length += i as u64;
                let cr = chunk[i] == b'\r';
                r.consume(i + 1);
                consumed += i as u64 + 1;
                if !cr {
                    return Ok(Some(Line { consumed, length }));
                }
                after_cr = true;
            }
            None => {
                let n = chunk.len();
                keep(buf, chunk, limit);
                length += n as u64;
                r.consume(n);
                consumed += n as u64;
            }
        }
    }
}

fn keep(buf: &mut Vec<u8>, bytes: &[u8], limit: usize) {
    let room = limit.saturating_sub(buf.len());
    buf.extend_from_slice(&bytes[..room.min(bytes.len())]);
}

/// The byte offset of a 1-based character column in a line.
fn column_byte(s: &str, column: usize) -> u64 {
    s.char_indices()
        .nth(column.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(s.len()) as u64
}

/// serde_json's message without its " at line 1 column N" tail (a record is one line).
fn without_position(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

const FIELDS: [&str; 7] = ["id", "outlet", "date", "title", "text", "url", "lang"];

/// Names the field with the wrong type, and what it should be.
fn field_problem(s: &str, e: &serde_json::Error) -> String {
    let fallback = || {
        format!(
            "wrong field type: {}; each of id, outlet, date, title, text, url, lang must be a string",
            without_position(e)
        )
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(s) else {
        return fallback();
    };
    let Some(obj) = value.as_object() else {
        return format!(
            "wrong record type: the line is a JSON {}, not an object; write one object per line like {{\"outlet\": \"...\", \"text\": \"...\"}}",
            json_kind(&value)
        );
    };
    for name in FIELDS {
        match obj.get(name) {
            None | Some(serde_json::Value::Null | serde_json::Value::String(_)) => {}
            Some(serde_json::Value::Number(_)) if name == "id" => {}
            Some(v) => {
                let want = if name == "id" {
                    "a string or a number"
                } else {
                    "a string"
                };
                return format!(
                    "wrong field type: field `{name}` is a JSON {}, it must be {want}; fix the field",
                    json_kind(v)
                );
            }
        }
    }
    fallback()
}

/// The first known field whose value holds the invalid bytes, found by decoding the line
/// with replacement characters.
fn field_with_bad_utf8(bytes: &[u8]) -> Option<&'static str> {
    let lossy = String::from_utf8_lossy(bytes);
    let value: serde_json::Value = serde_json::from_str(&lossy).ok()?;
    let obj = value.as_object()?;
    FIELDS.into_iter().find(|f| {
        obj.get(*f)
            .and_then(|v| v.as_str())
            .is_some_and(|v| v.contains('\u{FFFD}'))
    })
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}

impl RecordStream for JsonlReader {
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

    fn read(data: &[u8]) -> Vec<Record> {
        JsonlReader::new(
            "t.jsonl".into(),
            InputKind::Jsonl,
            Box::new(std::io::Cursor::new(data.to_vec())),
            LoadOptions::default(),
            false,
        )
        .collect()
    }

    #[test]
    fn every_line_is_an_article_or_a_skip() {
        let data = b"{\"id\":\"a\",\"outlet\":\"tass\",\"text\":\"Hello.\"}\n{bad\n{\"id\":1,\"outlet\":\"x\"}\n\n{\"outlet\":\"x\",\"text\":\"caf\xff\"}\n{\"outlet\":5,\"text\":\"t\"}\r\n";
        let r = read(data);
        assert_eq!(r.len(), 5);
        assert_eq!(r[0].as_ref().unwrap().id, "a");
        assert_eq!(r[1].as_ref().unwrap_err().kind, SkipKind::InvalidJson);
        let missing = r[2].as_ref().unwrap_err();
        assert_eq!(
            (missing.kind, missing.id.as_deref(), missing.line),
            (SkipKind::MissingField, Some("1"), Some(3))
        );
        let utf = r[3].as_ref().unwrap_err();
        assert_eq!(utf.kind, SkipKind::InvalidUtf8);
        assert!(utf.reason.contains("byte"), "{}", utf.reason);
        assert_eq!(utf.line, Some(5));
        assert_eq!(r[4].as_ref().unwrap_err().kind, SkipKind::InvalidField);
    }
}
