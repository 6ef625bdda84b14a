//! Property tests: arbitrary input never panics, spans stay in bounds and on char boundaries,
//! and every input line is accounted for.

use framelens::analysis::Analyzer;
use framelens::corpus::{InputKind, LoadOptions};
use framelens::span::Span;
use proptest::prelude::*;
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static AZ: OnceLock<Analyzer> = OnceLock::new();
    AZ.get_or_init(Analyzer::bundled)
}

/// Text that exercises the parsers: quotes of every kind, names, punctuation, scripts.
fn texty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Lavrov",
        "Lavrentiev",
        "Sergei",
        " said",
        ", Tass said.",
        "\u{201C}",
        "\u{201D}",
        "\"",
        "'",
        "\u{2018}",
        "\u{2019}",
        " the ",
        "regime",
        " not ",
        "condemned",
        "Damascus",
        " in ",
        "Moscow",
        ".",
        "\n",
        "\r\n",
        "\r",
        " U.S. ",
        "...",
        "\u{2026}",
        ":",
        ",",
        "Лавров",
        "ظریف",
        "\u{200B}",
        "\u{202E}",
        "\u{FEFF}",
        "-",
        "Amir-Abdollahian",
        "according to Interfax",
        "\u{00A0}",
        "é",
        "Al-Manar",
        "(",
        ")",
        "so-called",
        "Comments 0",
        "W460",
        "   ",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

/// Bytes that look like the inputs: pieces of JSON, CSV, TOML and text, invalid UTF-8 and
/// every kind of line end.
fn bytey() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        &b"{\"outlet\": \"tass\", \"text\": \""[..],
        b"\"}",
        b"\"id\": 1, ",
        b"\"outlet\": 5",
        b"null",
        b"[1]",
        b",",
        b"\"",
        b"\n",
        b"\r",
        b"\r\n",
        b"\0",
        b"\xEF\xBB\xBF",
        b"\xED\xA0\x80",
        b"\xC0\xAF",
        b"\xE2\x82",
        b"\xFF",
        b"\\u0000",
        b"[[article]]\nfile = \"a.txt\"\n",
        b"[meta]\nname = \"x\"\nversion = \"1\"\n",
        b"[[actor]]\nid = \"a\"\nkind = \"person\"\nname = \"A B\"\n",
        b"outlet = \"tass\"\n",
        b"id,outlet,text\n",
        b"Lavrov said ",
        "\u{201C}Moscow\u{201D}".as_bytes(),
        "\u{202E}".as_bytes(),
        b" the Kremlin. ",
        b"=",
        b" ",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn boundaries_ok(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn jsonl_accounts_for_every_line(lines in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..80), 0..20), good in prop::collection::vec(texty(), 0..5)) {
        let mut data: Vec<u8> = Vec::new();
        let mut expected = 0;
        for l in &lines {
            let l: Vec<u8> = l.iter().copied().filter(|b| *b != b'\n' && *b != b'\r').collect();
            if !l.iter().all(u8::is_ascii_whitespace) {
                expected += 1;
            }
            data.extend_from_slice(&l);
            data.push(b'\n');
        }
        for g in &good {
            expected += 1;
            data.extend_from_slice(serde_json::json!({"outlet": "tass", "text": g}).to_string().as_bytes());
            data.push(b'\n');
        }
        let reader = framelens::corpus::jsonl::JsonlReader::new("t.jsonl".into(), InputKind::Jsonl, Box::new(std::io::Cursor::new(data)), LoadOptions::default(), false);
        let records: Vec<_> = reader.collect();
        prop_assert_eq!(records.len(), expected);
    }

    #[test]
    fn tokens_and_sentences_stay_on_char_boundaries(text in texty()) {
        let all = Span::new(0, text.len());
        let toks = framelens::text::Tokens::new(&text, &[all]);
        let mut last = 0;
        for (i, t) in toks.tokens.iter().enumerate() {
            prop_assert!(boundaries_ok(&text, t.span));
            prop_assert!(t.span.start >= last);
            last = t.span.end;
            prop_assert!(!toks.key(i).contains(' '));
        }
        let mut sents = Vec::new();
        framelens::text::split_sentences(&text, all, &mut sents);
        for s in sents {
            prop_assert!(boundaries_ok(&text, s) && !s.is_empty());
        }
    }

    #[test]
    fn analysis_never_panics_and_spans_are_valid(text in texty()) {
        let az = analyzer();
        let article = framelens::corpus::Article {
            id: "p".into(), outlet: "jpost".into(), date: None, title: None, url: None, lang: None,
            text: text.clone(), source: "-".into(), line: None, hash: String::new(),
        };
        let mut cache = Default::default();
        if let Ok(an) = az.analyse(&article, &mut cache) {
            let mut last = 0;
            for p in &an.passages {
                prop_assert!(boundaries_ok(&text, p.span));
                prop_assert!(p.span.start >= last, "passages overlap");
                last = p.span.end;
            }
            for m in &an.mentions {
                prop_assert!(boundaries_ok(&text, m.span));
            }
            for b in &an.layout.boilerplate {
                prop_assert!(boundaries_ok(&text, b.span));
            }
            let obs = framelens::framing::stance_observations(&an, &az.matcher, &az.gazetteer);
            for o in obs {
                prop_assert!(o.score.score.is_finite() && o.score.score.abs() <= 1.0);
            }
            let mut agg = framelens::analysis::aggregate::Aggregate::new(3, 1);
            agg.fold(az, &an, &Default::default());
            prop_assert_eq!(agg.read(), 1);
        }
    }

    #[test]
    fn lexicon_parsing_never_panics(text in "[\\[\\]a-z_=\"{}*, .0-9\\n-]{0,200}") {
        let _ = framelens::lexicon::Lexicon::parse(&text, "p.toml").map(|l| framelens::lexicon::check::check(&l));
        let _ = framelens::lexicon::Gazetteer::parse(&text, "p.toml");
    }
}

// The same target functions as the fuzzers (`fuzz/`, `examples/fuzz_smoke.rs`): loaders never
// panic and account for every record (`read = analysed + skipped` through the pipeline),
// parsers give a value or a located error, and every span of the text stages is in bounds and
// on char boundaries.
proptest! {
    #![proptest_config(ProptestConfig { cases: 150, .. ProptestConfig::default() })]

    #[test]
    fn jsonl_arbitrary_bytes(data in prop::collection::vec(any::<u8>(), 0..400)) {
        framelens::fuzz_targets::jsonl(&data);
    }

    #[test]
    fn jsonl_input_like_bytes(data in bytey()) {
        framelens::fuzz_targets::jsonl(&data);
    }

    #[test]
    fn warc_arbitrary_bytes(data in prop::collection::vec(any::<u8>(), 0..400)) {
        framelens::fuzz_targets::warc(&data);
    }

    #[test]
    fn warc_record_like_bytes(body in "[ -~]{0,80}", len in 0usize..120, html in any::<bool>()) {
        let page = if html { format!("<html><body><p>{body}</p></body></html>") } else { body.clone() };
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}");
        let data = format!("\r\nContent-Length: {len}\r\n\r\n{http}\r\n\r\nWARC/1.0\r\nContent-Length: 3\r\n\r\nabc");
        framelens::fuzz_targets::warc(&[&[0u8][..], data.as_bytes()].concat());
    }

    #[test]
    fn page_arbitrary_bytes(data in prop::collection::vec(any::<u8>(), 0..400)) {
        framelens::fuzz_targets::page(&data);
    }

    #[test]
    fn page_markup_like_text(parts in prop::collection::vec("(<p>|</p>|<div class=\"x\">|</div>|<a href=\"/y\">|</a>|<script>|</script>|<br>|&amp;|[a-zA-Z .\u{e9}\u{201C}]{0,20})", 0..30)) {
        framelens::fuzz_targets::page(parts.concat().as_bytes());
    }

    #[test]
    fn json_arbitrary_bytes(data in prop::collection::vec(any::<u8>(), 0..400)) {
        framelens::fuzz_targets::json(&data);
    }

    #[test]
    fn json_documents_like_bytes(items in prop::collection::vec(("[a-z]{0,6}", "[a-zA-Z .]{0,30}", any::<bool>()), 0..5), array in any::<bool>()) {
        let objs: Vec<String> = items.iter().map(|(o, t, np)| if *np {
            serde_json::json!({"source_domain": o, "maintext": t}).to_string()
        } else {
            serde_json::json!({"outlet": o, "text": t}).to_string()
        }).collect();
        let doc = if array { format!("[\n{}\n]", objs.join(",\n")) } else { objs.first().cloned().unwrap_or_default() };
        framelens::fuzz_targets::json(doc.as_bytes());
    }

    #[test]
    fn csv_arbitrary_bytes(data in prop::collection::vec(any::<u8>(), 0..400)) {
        framelens::fuzz_targets::csv(&data);
    }

    #[test]
    fn csv_input_like_bytes(data in bytey()) {
        framelens::fuzz_targets::csv(&data);
    }

    #[test]
    fn csv_rows_are_each_an_article_or_a_skip(rows in prop::collection::vec(prop::collection::vec("[a-zA-Z .\u{e9}\u{201C}]{0,12}", 1..5), 1..12)) {
        let mut data = b"id,outlet,text\n".to_vec();
        for r in &rows {
            data.extend_from_slice(r.join(",").as_bytes());
            data.extend_from_slice(b"\r\n");
        }
        let reader = framelens::corpus::csv_input::CsvReader::from_reader(
            "p.csv".into(), Box::new(std::io::Cursor::new(data)), &LoadOptions::default()).unwrap();
        let records: Vec<_> = reader.collect();
        // The csv reader passes over empty lines only; a row of one empty field is empty.
        let expected = rows.iter().filter(|r| !(r.len() == 1 && r[0].is_empty())).count();
        prop_assert_eq!(records.len(), expected);
        for r in records.iter().filter_map(|r| r.as_ref().err()) {
            prop_assert!(r.line.is_some());
        }
    }

    #[test]
    fn manifest_parsing_never_panics(data in bytey(), raw in prop::collection::vec(any::<u8>(), 0..300)) {
        framelens::fuzz_targets::manifest(&data);
        framelens::fuzz_targets::manifest(&raw);
    }

    #[test]
    fn lexicon_and_gazetteer_parsing_never_panic_on_bytes(data in bytey(), raw in prop::collection::vec(any::<u8>(), 0..300), text in any::<String>()) {
        for d in [&data[..], &raw[..], text.as_bytes()] {
            framelens::fuzz_targets::lexicon(d);
            framelens::fuzz_targets::gazetteer(d);
        }
    }

    #[test]
    fn text_stages_keep_spans_on_any_text(text in any::<String>(), lossy in prop::collection::vec(any::<u8>(), 0..300)) {
        framelens::fuzz_targets::text(text.as_bytes());
        framelens::fuzz_targets::text(&lossy);
    }

    #[test]
    fn quotes_and_actor_mentions_map_back_to_the_text(text in texty()) {
        let all = Span::new(0, text.len());
        for q in framelens::voices::quotes::find_quotes(&text, &[all]) {
            prop_assert!(boundaries_ok(&text, q.span) && !q.span.is_empty());
        }
        framelens::fuzz_targets::text(text.as_bytes());
        let az = analyzer();
        let article = framelens::corpus::Article {
            id: "p".into(), outlet: "tass".into(), date: None, title: None, url: None, lang: None,
            text: text.clone(), source: "-".into(), line: None, hash: String::new(),
        };
        if let Ok(an) = az.analyse(&article, &mut Default::default()) {
            for m in &an.mentions {
                // A mention starts and ends on a word: its text is not blank at either end.
                let s = m.span.of(&text);
                prop_assert!(!s.is_empty());
                prop_assert!(!s.starts_with(char::is_whitespace) && !s.ends_with(char::is_whitespace), "{:?}", s);
            }
        }
    }
}

#[test]
fn spun_seed_has_low_cohesion() {
    let az = analyzer();
    let stream =
        framelens::corpus::open(&crate::fixture("seeds"), &LoadOptions::default()).unwrap();
    let mut cache = Default::default();
    let mut values = Vec::new();
    for a in stream {
        let a = a.unwrap();
        let an = az.analyse(&a, &mut cache).unwrap();
        values.push((a.id.clone(), an.cohesion(&az.stopwords)));
    }
    eprintln!("{values:?}");
    let spun = values
        .iter()
        .find(|v| v.0.starts_with("002"))
        .unwrap()
        .1
        .unwrap();
    assert!(
        spun.0 < framelens::analysis::COHESION_FLAG_BELOW,
        "{spun:?}"
    );
    for (id, v) in &values {
        if let (false, Some(v)) = (id.starts_with("002"), v) {
            assert!(
                v.0 >= framelens::analysis::COHESION_FLAG_BELOW,
                "{id} {v:?}"
            );
        }
    }
}

/// The span invariants of the text stages (`fuzz_targets::text`: passages, cues, mentions, scare
/// quotes, the quoted words inside reports) hold on every hand-written hard case, whose
/// sentences reach the rules random text does not (mixed quotations among them).
#[test]
fn text_stages_keep_spans_on_the_hard_cases() {
    let dir = crate::fixture("hard");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "txt") {
            framelens::fuzz_targets::text(&std::fs::read(&path).unwrap());
            n += 1;
        }
    }
    assert!(n >= 160, "only {n} hard cases read");
}

/// Texts that random input once shrank to when a stage panicked, run on every test run rather
/// than only when the random draw meets them again (", Tass said. in Lavrov": a clause opened by
/// a pronoun of things looked two tokens before the first).
#[test]
fn text_stages_survive_inputs_that_once_panicked() {
    for text in [
        ", Tass said. in Lavrov",
        "but, Tass said. in Lavrov",
        "nothing Tass said",
    ] {
        framelens::fuzz_targets::text(text.as_bytes());
    }
}
