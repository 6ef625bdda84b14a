//! Entry points for fuzzing: one function per parser, each taking arbitrary bytes, running the
//! parser and panicking only when an invariant breaks (a panic inside the parser is a finding
//! too). The cargo-fuzz targets in `fuzz/`, the stable harness `examples/fuzz_smoke.rs` and the
//! proptest properties call these same functions, so all three test one thing.
//!
//! Invariants checked: loaders turn every record into exactly one article or one skip and never
//! panic; spans (tokens, sentences, quotes, passages, mentions, boilerplate) are in bounds, on
//! char boundaries and ordered; `read = analysed + skipped`.

use crate::analysis::pipeline::{run, RunOptions};
use crate::analysis::Analyzer;
use crate::corpus::{InputKind, LoadOptions, Record, RecordStream};
use crate::span::Span;
use std::sync::OnceLock;

/// A target: arbitrary bytes in, a panic only on a broken invariant.
pub type Target = fn(&[u8]);

/// Every target by name, for harnesses that run them all.
pub const TARGETS: &[(&str, Target)] = &[
    ("jsonl", jsonl),
    ("csv", csv),
    ("manifest", manifest),
    ("lexicon", lexicon),
    ("gazetteer", gazetteer),
    ("text", text),
    ("warc", warc),
    ("page", page),
    ("json", json),
];

fn analyzer() -> &'static Analyzer {
    static AZ: OnceLock<Analyzer> = OnceLock::new();
    AZ.get_or_init(Analyzer::bundled)
}

fn options() -> LoadOptions {
    LoadOptions {
        // Small enough that the size limit is reached by fuzzed inputs too.
        max_article_bytes: 4096,
        ..LoadOptions::default()
    }
}

/// Checks that `span` is a valid, non-inverted byte range of `text` on char boundaries.
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} span {}..{} is not a char-boundary range of a {}-byte text",
        span.start,
        span.end,
        text.len()
    );
}

/// Runs records through the whole pipeline and checks `read = analysed + skipped`, and that
/// every article and its analysis keep the span invariants.
fn account(records: Vec<Record>) {
    let n = records.len() as u64;
    for a in records.iter().flatten() {
        analyse(&a.text);
    }
    struct Replay(std::vec::IntoIter<Record>);
    impl Iterator for Replay {
        type Item = Record;
        fn next(&mut self) -> Option<Record> {
            self.0.next()
        }
    }
    impl RecordStream for Replay {
        fn info(&self) -> crate::corpus::InputInfo {
            crate::corpus::InputInfo {
                path: "fuzz".into(),
                kind: InputKind::Jsonl,
                sha256: String::new(),
            }
        }
    }
    let streams: Vec<Box<dyn RecordStream>> = vec![Box::new(Replay(records.into_iter()))];
    let result = run(analyzer(), streams, &RunOptions::default(), &|_| {})
        .expect("not strict, so the run completes");
    let agg = &result.aggregate;
    assert_eq!(agg.read(), n, "every record is read once");
    assert_eq!(
        agg.read(),
        agg.analysed() + agg.skipped(),
        "read = analysed + skipped"
    );
}

/// JSON Lines: any bytes. Every non-blank line (ended by LF, CRLF or CR) is one record; a byte
/// order mark at the start belongs to no line.
pub fn jsonl(data: &[u8]) {
    let reader = crate::corpus::jsonl::JsonlReader::new(
        "fuzz.jsonl".into(),
        InputKind::Jsonl,
        Box::new(std::io::Cursor::new(data.to_vec())),
        options(),
        false,
    );
    let records: Vec<Record> = reader.collect();
    // A byte order mark at the very start is not part of the first line.
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let lines = body
        .split(|b| *b == b'\n' || *b == b'\r')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    assert_eq!(records.len(), lines, "one record per non-blank line");
    for r in &records {
        if let Err(s) = r {
            assert!(s.line.is_some() && !s.reason.is_empty());
        }
    }
    account(records);
}

/// A WARC file, plain and as gzip members: any bytes give records and skips (a damaged
/// record ends the input with a `read-error` skip), never a panic; every page record's id
/// names its offset.
pub fn warc(data: &[u8]) {
    use crate::corpus::warc_input::WarcInput;
    let mut bytes =
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\n".to_vec();
    // Half the inputs bring their own framing.
    if data.first().is_some_and(|b| b & 1 == 1) {
        bytes.clear();
    }
    bytes.extend_from_slice(data);
    let plain: Vec<Record> = WarcInput::from_reader(
        "fuzz.warc".into(),
        InputKind::Warc,
        Box::new(std::io::Cursor::new(bytes.clone())),
        &options(),
    )
    .collect();
    for r in &plain {
        let id = match r {
            Ok(a) => Some(&a.id),
            Err(s) => s.id.as_ref(),
        };
        assert!(id.is_some_and(|i| i.starts_with("fuzz.warc@")), "{r:?}");
    }
    account(plain);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &bytes).expect("in memory");
    let mut packed = gz.finish().expect("in memory");
    // And a damaged member after it.
    packed.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0]);
    packed.extend_from_slice(data);
    let members: Vec<Record> = WarcInput::from_reader(
        "fuzz.warc.gz".into(),
        InputKind::WarcGz,
        Box::new(std::io::Cursor::new(packed)),
        &options(),
    )
    .collect();
    account(members);
}

/// A saved web page: any bytes give an article (main text and metadata) or a skip with its
/// reason, never a panic.
pub fn page(data: &[u8]) {
    let at = crate::corpus::document::PageSource {
        source: "fuzz.html",
        line: None,
        id: Some("fuzz".into()),
        fetched_from: Some("https://www.example.com/news/1"),
        charset: None,
        given: None,
    };
    let mut html = b"<html><body><article><p>".to_vec();
    html.extend_from_slice(data);
    let records = vec![
        crate::corpus::document::page_record(data, &at, &options()),
        crate::corpus::document::page_record(&html, &at, &options()),
    ];
    for r in &records {
        if let Err(s) = r {
            assert!(!s.reason.is_empty());
        }
    }
    account(records);
}

/// A JSON document (an article object or an array of them): any bytes (invalid UTF-8
/// replaced) give one record per element of an array, else one record or one skip.
pub fn json(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let records = crate::corpus::document::json_records(&text, "fuzz.json", &options());
    let body = text.trim_start_matches('\u{FEFF}');
    let streamed = crate::corpus::document::stream_array(data.to_vec(), "fuzz.json", &options());
    if let Ok(serde_json::Value::Array(items)) = serde_json::from_str(body) {
        assert_eq!(records.len(), items.len(), "one record per element");
        // The streaming reader of array inputs gives the same records.
        if std::str::from_utf8(data).is_ok() {
            let streamed = streamed.as_ref().expect("an array is streamed");
            assert_eq!(
                streamed.len(),
                records.len(),
                "streamed: one record per element"
            );
            for (a, b) in streamed.iter().zip(&records) {
                match (a, b) {
                    (Ok(x), Ok(y)) => assert_eq!((&x.text, x.line), (&y.text, y.line)),
                    (Err(x), Err(y)) => assert_eq!((x.kind, x.line), (y.kind, y.line)),
                    _ => panic!("streamed and whole reads disagree: {a:?} / {b:?}"),
                }
            }
        }
    } else {
        assert_eq!(records.len(), 1, "one record or one skip for anything else");
    }
    if let Some(streamed) = streamed {
        account(streamed);
    }
    account(records);
}

/// CSV with a header: any bytes. A header without `text` and `outlet` columns is an error,
/// never a panic.
pub fn csv(data: &[u8]) {
    let mut bytes = b"id,outlet,text\n".to_vec();
    // Half the inputs bring their own header.
    if data.first().is_some_and(|b| b & 1 == 1) {
        bytes.clear();
    }
    bytes.extend_from_slice(data);
    let Ok(reader) = crate::corpus::csv_input::CsvReader::from_reader(
        "fuzz.csv".into(),
        Box::new(std::io::Cursor::new(bytes)),
        &options(),
    ) else {
        return;
    };
    let records: Vec<Record> = reader.collect();
    account(records);
}

/// A folder manifest, as TOML and as CSV: any bytes give rows or an error with a line.
pub fn manifest(data: &[u8]) {
    for name in ["manifest.toml", "manifest.csv"] {
        match crate::corpus::folder::parse_manifest(data, name) {
            Ok(rows) => {
                for w in rows.windows(2) {
                    assert!(w[0].0 <= w[1].0, "rows in line order");
                }
            }
            Err(e) => assert!(e.to_string().starts_with(name)),
        }
    }
}

/// A framing lexicon: any bytes give a lexicon (then checked) or an error at `file:line:col`.
pub fn lexicon(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match crate::lexicon::Lexicon::parse(text, "fuzz.toml") {
        Ok(lex) => {
            let _ = crate::lexicon::check::check(&lex);
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz.toml:")),
    }
}

/// An actor gazetteer: any bytes give a gazetteer or an error at `file:line:col`.
pub fn gazetteer(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match crate::lexicon::Gazetteer::parse(text, "fuzz.toml") {
        Ok(g) => {
            let _ = crate::actors::ActorMatcher::new(&g);
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz.toml:")),
    }
}

/// Arbitrary text (invalid UTF-8 replaced): sentence and quote segmentation, tokens, actor
/// matching, voices and stance, all spans checked.
pub fn text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let all = Span::new(0, text.len());
    let mut sentences = Vec::new();
    crate::text::split_sentences(&text, all, &mut sentences);
    for s in &sentences {
        assert_span(&text, *s, "sentence");
    }
    let quotes = crate::voices::quotes::find_quotes(&text, &[all]);
    for q in &quotes {
        assert_span(&text, q.span, "quote");
    }
    analyse(&text);
}

fn analyse(text: &str) {
    let az = analyzer();
    let article = crate::corpus::Article {
        id: "fuzz".into(),
        outlet: "tass".into(),
        date: None,
        title: None,
        url: None,
        lang: None,
        text: text.to_string(),
        source: "fuzz".into(),
        line: None,
        hash: String::new(),
    };
    let mut cache = Default::default();
    let Ok(an) = az.analyse(&article, &mut cache) else {
        return;
    };
    let mut last = 0;
    for t in &an.tokens.tokens {
        assert_span(text, t.span, "token");
        assert!(t.span.start >= last, "tokens in order");
        last = t.span.end;
    }
    for (s, _) in &an.sentences {
        assert_span(text, *s, "sentence");
    }
    let mut last = 0;
    for p in &an.passages {
        assert_span(text, p.span, "passage");
        assert!(p.span.start >= last, "passages do not overlap");
        last = p.span.end;
        if let Some(c) = p.cue {
            assert_span(text, c, "cue");
        }
    }
    for m in &an.mentions {
        assert_span(text, m.span, "mention");
    }
    for b in &an.layout.boilerplate {
        assert_span(text, b.span, "boilerplate");
    }
    for s in &an.scare {
        assert_span(text, *s, "scare quote");
    }
    // Quoted words inside reports: sorted, disjoint, each inside a reported passage.
    for (i, v) in an.verbatim.iter().enumerate() {
        assert_span(text, *v, "verbatim");
        assert!(
            i == 0 || an.verbatim[i - 1].end <= v.start,
            "verbatim spans overlap"
        );
        let p = crate::voices::passage_at(&an.passages, v.start).expect("verbatim in a passage");
        assert!(!p.quoted && p.voice != crate::voices::Voice::Own && p.span.contains(*v));
    }
    for o in crate::framing::stance_observations(&an, &az.matcher, &az.gazetteer) {
        assert!(o.score.score.is_finite() && o.score.score.abs() <= 1.0);
    }
}
