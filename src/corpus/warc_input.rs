//! WARC files (ISO 28500; Common Crawl's CC-NEWS, web archives, crawler output), plain or
//! gzip-compressed, streamed record by record.
//!
//! The records read are the `response` records (an HTTP message: status, headers, page) and
//! the `resource` records (a page as is); `warcinfo`, `request`, `metadata`, `revisit` and
//! `conversion` records describe those and are passed over. A response or resource that is an
//! HTML page becomes an article through [`super::document::page_record`] (main text and
//! metadata of the page, the outlet from its canonical address, else the record's
//! `WARC-Target-URI`); any other (an image, a redirect, an error status) is a `not-article`
//! skip. Every article and skip names where its record starts: its id is `PATH@OFFSET`, the
//! byte offset of the record in the file, for a `.warc.gz` the offset of its gzip member (the
//! offset a CDX index gives), with `#k` for the k-th further record of a member.
//!
//! The framing is read here rather than with the `warc` crate: that crate reads each record
//! body whole into memory, whatever its size, and does not say where a record starts; here a
//! body is kept up to the page limit and the rest is read past, so one huge record (a video)
//! cannot exhaust memory, and a damaged gzip member costs that member only.

use super::article::{Record, Skip, SkipKind};
use super::document::{charset_of, page_record, PageSource, PAGE_BYTES_PER_TEXT_BYTE};
use super::{InputInfo, InputKind, LoadOptions, RecordStream};
use crate::hash::{hex_digest, HashingReader};
use sha2::Sha256;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Longest header block read (WARC or HTTP).
const MAX_HEADER_BYTES: usize = 64 << 10;

/// A buffered reader that counts the bytes consumed from it.
struct Tracked<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Tracked<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        self.pos += n as u64;
        self.inner.consume(n);
    }
}

/// One WARC record as read: its headers and its block (cut at the limit).
struct RawRecord {
    headers: Vec<(String, String)>,
    block: Vec<u8>,
    /// Content-Length: the block's full size.
    length: u64,
}

impl RawRecord {
    fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Reads header lines up to the blank line: the first line, then `Name: value` pairs
/// (continuation lines folded in). None at the end of input before any line.
/// A header block: its first line and its `Name: value` pairs.
type Headers = (String, Vec<(String, String)>);

fn read_headers(r: &mut impl BufRead) -> Result<Option<Headers>, String> {
    let mut first = String::new();
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut total = 0usize;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = r
            .take((MAX_HEADER_BYTES + 1 - total.min(MAX_HEADER_BYTES)) as u64)
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("cannot read: {e}"))?;
        total += n;
        if total > MAX_HEADER_BYTES {
            return Err(format!(
                "a header block longer than {MAX_HEADER_BYTES} bytes"
            ));
        }
        if n == 0 {
            return if first.is_empty() {
                Ok(None)
            } else {
                Err("the input ends inside a header block".into())
            };
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if first.is_empty() {
            // Blank lines between records (the block's closing CRLF CRLF).
            if !text.trim().is_empty() {
                first = text.to_string();
            }
            continue;
        }
        if text.is_empty() {
            return Ok(Some((first, headers)));
        }
        if text.starts_with([' ', '\t']) {
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(text.trim());
            }
            continue;
        }
        match text.split_once(':') {
            Some((k, v)) => headers.push((k.trim().to_string(), v.trim().to_string())),
            None => return Err(format!("a header line without a colon: {text:?}")),
        }
    }
}

/// Reads the next WARC record, keeping at most `limit` bytes of its block.
fn read_record(r: &mut impl BufRead, limit: usize) -> Result<Option<RawRecord>, String> {
    let Some((version, headers)) = read_headers(r)? else {
        return Ok(None);
    };
    if !version.starts_with("WARC/") {
        return Err(format!(
            "a record that does not start with WARC/ (it starts with {:?})",
            version.chars().take(40).collect::<String>()
        ));
    }
    let length: u64 = header(&headers, "Content-Length")
        .and_then(|v| v.trim().parse().ok())
        .ok_or("a record without a valid Content-Length")?;
    let mut block = Vec::with_capacity(length.min(limit as u64) as usize);
    r.take(length.min(limit as u64))
        .read_to_end(&mut block)
        .map_err(|e| format!("cannot read a record's block: {e}"))?;
    let rest = length - block.len() as u64;
    let skipped = std::io::copy(&mut r.take(rest), &mut std::io::sink())
        .map_err(|e| format!("cannot read a record's block: {e}"))?;
    if (block.len() as u64) + skipped < length {
        return Err("the input ends inside a record's block".into());
    }
    Ok(Some(RawRecord {
        headers,
        block,
        length,
    }))
}

/// A parsed HTTP response: status, headers, body.
struct Http {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn parse_http(block: &[u8]) -> Result<Http, String> {
    let mut r = block;
    let (status_line, headers) = read_headers(&mut r)?.ok_or("an empty HTTP response")?;
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .filter(|_| status_line.starts_with("HTTP/"))
        .ok_or_else(|| format!("not an HTTP status line: {status_line:?}"))?;
    let mut body = r.to_vec();
    if header(&headers, "Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
    {
        body = dechunk(&body).ok_or("a chunked body that does not parse")?;
    }
    match header(&headers, "Content-Encoding").map(|v| v.trim().to_ascii_lowercase()) {
        None => {}
        Some(e) if e.is_empty() || e == "identity" => {}
        Some(e) if e == "gzip" || e == "x-gzip" => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .read_to_end(&mut out)
                .map_err(|e| format!("a gzip body that does not decompress: {e}"))?;
            body = out;
        }
        Some(e) if e == "deflate" => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .read_to_end(&mut out)
                .map_err(|e| format!("a deflate body that does not decompress: {e}"))?;
            body = out;
        }
        Some(e) => return Err(format!("a body in Content-Encoding {e}, which is not read")),
    }
    Ok(Http {
        status,
        headers,
        body,
    })
}

/// The body of a `Transfer-Encoding: chunked` message.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = memchr::memmem::find(b, b"\r\n")?;
        let size_text = std::str::from_utf8(&b[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
    }
}

/// Streams the articles of a WARC file.
pub struct WarcInput {
    source: String,
    kind: InputKind,
    reader: Tracked<BufReader<HashingReader<Box<dyn Read + Send>>>>,
    hasher: Arc<Mutex<Sha256>>,
    options: LoadOptions,
    pending: VecDeque<Record>,
    done: bool,
}

impl WarcInput {
    /// Opens a WARC file (`WarcGz`: gzip members).
    pub fn open(
        path: &Path,
        kind: InputKind,
        options: &LoadOptions,
    ) -> Result<WarcInput, super::Error> {
        let source = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| super::Error::Io {
            path: source.clone(),
            source: e,
        })?;
        Ok(WarcInput::from_reader(
            source,
            kind,
            Box::new(file),
            options,
        ))
    }

    /// Reads a WARC from `raw` (the file's bytes as stored), naming it `source`.
    pub fn from_reader(
        source: String,
        kind: InputKind,
        raw: Box<dyn Read + Send>,
        options: &LoadOptions,
    ) -> WarcInput {
        let (hashing, hasher) = HashingReader::new(raw);
        let hashing = hashing.counting(options.bytes_read.clone());
        WarcInput {
            source,
            kind,
            reader: Tracked {
                inner: BufReader::with_capacity(1 << 16, hashing),
                pos: 0,
            },
            hasher,
            options: options.clone(),
            pending: VecDeque::new(),
            done: false,
        }
    }

    fn limit(&self) -> usize {
        self.options
            .max_article_bytes
            .saturating_mul(PAGE_BYTES_PER_TEXT_BYTE)
            .saturating_add(MAX_HEADER_BYTES)
    }

    fn failure(&mut self, at: u64, message: String) -> Record {
        self.done = true;
        Err(Skip {
            source: self.source.clone(),
            line: None,
            id: Some(format!("{}@{at}", self.source)),
            kind: SkipKind::ReadError,
            reason: format!("record at byte {at}: {message}; the file may be damaged or truncated, records after this point are not read"),
        })
    }

    /// Reads on until at least one record is pending or the input ends.
    fn fill(&mut self) {
        while self.pending.is_empty() && !self.done {
            let at = self.reader.pos;
            let limit = self.limit();
            if self.kind == InputKind::WarcGz {
                match self.reader.fill_buf() {
                    Ok([]) => {
                        self.done = true;
                        return;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let r = self.failure(at, format!("cannot read: {e}"));
                        self.pending.push_back(r);
                        return;
                    }
                }
                let mut member = BufReader::new(flate2::bufread::GzDecoder::new(&mut self.reader));
                let mut k = 0;
                let mut records = Vec::new();
                let outcome = loop {
                    match read_record(&mut member, limit) {
                        Ok(Some(rec)) => {
                            records.push((k, rec));
                            k += 1;
                        }
                        Ok(None) => break Ok(()),
                        Err(e) => break Err(e),
                    }
                };
                drop(member);
                for (k, rec) in records {
                    let id = match k {
                        0 => format!("{}@{at}", self.source),
                        k => format!("{}@{at}#{k}", self.source),
                    };
                    if let Some(r) = self.convert(rec, id, at) {
                        self.pending.push_back(r);
                    }
                }
                if let Err(e) = outcome {
                    let r = self.failure(at, e);
                    self.pending.push_back(r);
                }
            } else {
                match read_record(&mut self.reader, limit) {
                    Ok(Some(rec)) => {
                        let id = format!("{}@{at}", self.source);
                        // The position after the blank lines that precede the record.
                        if let Some(r) = self.convert(rec, id, at) {
                            self.pending.push_back(r);
                        }
                    }
                    Ok(None) => self.done = true,
                    Err(e) => {
                        let r = self.failure(at, e);
                        self.pending.push_back(r);
                    }
                }
            }
        }
    }

    /// The article or skip of one record; None for records that describe others.
    fn convert(&self, rec: RawRecord, id: String, at: u64) -> Option<Record> {
        let kind = rec.header("WARC-Type").unwrap_or("").to_ascii_lowercase();
        if kind != "response" && kind != "resource" {
            return None;
        }
        let uri_owned = rec
            .header("WARC-Target-URI")
            .map(|u| u.trim_matches(['<', '>']).to_string());
        let uri = uri_owned.as_deref();
        let skip = |kind, reason: String| {
            Some(Err(Skip {
                source: self.source.clone(),
                line: None,
                id: Some(id.clone()),
                kind,
                reason: format!(
                    "record at byte {at} ({}): {reason}",
                    uri.unwrap_or("no address")
                ),
            }))
        };
        if rec.block.len() as u64 != rec.length {
            return skip(
                SkipKind::TooLarge,
                format!(
                    "a record of {} bytes is larger than {PAGE_BYTES_PER_TEXT_BYTE} times --max-article-bytes {}; raise the limit to analyse it",
                    rec.length, self.options.max_article_bytes
                ),
            );
        }
        let warc_type = rec
            .header("Content-Type")
            .unwrap_or("")
            .to_ascii_lowercase();
        let (content_type, body) = if warc_type.starts_with("application/http") {
            match parse_http(&rec.block) {
                Ok(h) if !(200..300).contains(&h.status) => {
                    return skip(
                        SkipKind::NotArticle,
                        format!("HTTP status {}, not a page", h.status),
                    )
                }
                Ok(h) => (
                    header(&h.headers, "Content-Type").unwrap_or("").to_string(),
                    h.body,
                ),
                Err(e) => return skip(SkipKind::NotArticle, format!("{e}; not read")),
            }
        } else {
            (warc_type.clone(), rec.block)
        };
        let lower = content_type.to_ascii_lowercase();
        let html = if lower.trim().is_empty() {
            super::sniff(&body[..body.len().min(8192)]) == Some(super::Content::Html)
        } else {
            lower.contains("html")
        };
        if !html {
            return skip(
                SkipKind::NotArticle,
                format!("of type {content_type:?}, not a web page"),
            );
        }
        let page = PageSource {
            source: &self.source,
            line: None,
            id: Some(id.clone()),
            fetched_from: uri,
            charset: charset_of(&content_type),
            given: None,
        };
        Some(page_record(&body, &page, &self.options).map_err(|mut s| {
            s.reason = format!(
                "record at byte {at} ({}): {}",
                uri.unwrap_or("no address"),
                s.reason
            );
            s
        }))
    }
}

impl Iterator for WarcInput {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        self.fill();
        self.pending.pop_front()
    }
}

impl RecordStream for WarcInput {
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
    fn records_headers_and_chunks_parse() {
        let warc = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 5\r\nX-Long: a\r\n b\r\n\r\nhello\r\n\r\nWARC/1.0\r\nContent-Length: 2\r\n\r\nab\r\n\r\n";
        let mut r = &warc[..];
        let a = read_record(&mut r, 3).unwrap().unwrap();
        assert_eq!(a.block, b"hel");
        assert_eq!(a.length, 5);
        assert_eq!(a.header("x-long"), Some("a b"));
        let b = read_record(&mut r, 100).unwrap().unwrap();
        assert_eq!(b.block, b"ab");
        assert!(read_record(&mut r, 100).unwrap().is_none());
        let mut bad = &b"HTTP/1.1 200 OK\r\n\r\n"[..];
        assert!(read_record(&mut bad, 10).is_err());
        let mut cut = &b"WARC/1.0\r\nContent-Length: 9\r\n\r\nabc"[..];
        assert!(read_record(&mut cut, 100).is_err());
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n").as_deref(),
            Some(&b"Wikipedia"[..])
        );
        let h = parse_http(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n").unwrap();
        assert_eq!(h.status, 301);
    }
}
