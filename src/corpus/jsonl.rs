//! JSON Lines input: one article object per line (`id`, `outlet`, `date`, `title`, `text`,
//! optional `url`, `lang`); other fields are ignored. Also gzip-compressed and standard input.

use super::article::{hex, Record, Skip, SkipKind};
use super::{build_article, utf8_problem, InputInfo, InputKind, LoadOptions, RecordStream};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Read};
use std::sync::{Arc, Mutex};

/// A reader that feeds every byte it reads into a shared SHA-256.
pub struct HashingReader<R> {
    inner: R,
    hasher: Arc<Mutex<Sha256>>,
}

impl<R: Read> HashingReader<R> {
    /// Wraps `inner`; the hash is read from the returned handle.
    pub fn new(inner: R) -> (Self, Arc<Mutex<Sha256>>) {
        let hasher = Arc::new(Mutex::new(Sha256::new()));
        (
            HashingReader {
                inner,
                hasher: hasher.clone(),
            },
            hasher,
        )
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Ok(mut h) = self.hasher.lock() {
            h.update(&buf[..n]);
        }
        Ok(n)
    }
}

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
        let line = Some(self.line);
        let skip = |kind, reason: String| Skip {
            source: self.source.clone(),
            line,
            id: None,
            kind,
            reason,
        };
        let mut bytes = bytes;
        if self.line == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        if bytes.len() > self.options.max_article_bytes.saturating_add(64 << 10) {
            return Err(skip(
                SkipKind::TooLarge,
                format!("record of {} bytes is larger than --max-article-bytes {}; raise the limit to analyse it", bytes.len(), self.options.max_article_bytes),
            ));
        }
        if let Some(problem) = utf8_problem(bytes, self.offset) {
            return Err(skip(SkipKind::InvalidUtf8, problem));
        }
        let s = std::str::from_utf8(bytes).unwrap_or_default();
        let raw: Raw = match serde_json::from_str(s) {
            Ok(r) => r,
            Err(e) if e.is_data() => {
                return Err(skip(SkipKind::InvalidField, format!("wrong field type: {e}; each of id, outlet, date, title, text, url, lang must be a string")))
            }
            Err(e) => return Err(skip(SkipKind::InvalidJson, format!("invalid JSON: {e}; fix or remove the line"))),
        };
        let id = raw.id.map(|i| match i {
            IdField::Text(s) => s,
            IdField::Number(n) => n.to_string(),
        });
        let Some(text) = raw.text else {
            return Err(Skip {
                id,
                ..skip(
                    SkipKind::MissingField,
                    "missing field `text` (or it is null); every record needs a text".into(),
                )
            });
        };
        if raw
            .outlet
            .as_deref()
            .map(str::trim)
            .unwrap_or("")
            .is_empty()
        {
            return Err(Skip {
                id,
                ..skip(
                    SkipKind::MissingField,
                    "missing field `outlet` (or it is empty); every record needs its outlet".into(),
                )
            });
        }
        build_article(
            &self.source,
            line,
            id,
            raw.outlet.as_deref(),
            raw.date,
            raw.title,
            raw.url,
            raw.lang,
            text,
            &self.options,
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
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(n) => {
                    self.line += 1;
                    let start = self.offset;
                    self.offset += n as u64;
                    let mut bytes: &[u8] = &self.buf;
                    while let Some((last, rest)) = bytes.split_last() {
                        if *last == b'\n' || *last == b'\r' {
                            bytes = rest;
                        } else {
                            break;
                        }
                    }
                    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    let owned = bytes.to_vec();
                    let saved = self.offset;
                    self.offset = start;
                    let r = self.parse(&owned);
                    self.offset = saved;
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
                        reason: format!("input ends early after line {}: {e}; the file may be truncated, records after this point are lost", self.line - 1),
                    }));
                }
            }
        }
    }
}

impl RecordStream for JsonlReader {
    fn info(&self) -> InputInfo {
        let digest = self
            .hasher
            .lock()
            .map(|h| h.clone().finalize().to_vec())
            .unwrap_or_default();
        InputInfo {
            path: self.source.clone(),
            kind: self.kind,
            sha256: hex(&digest),
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
