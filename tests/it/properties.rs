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
            prop_assert_eq!(agg.read, 1);
        }
    }

    #[test]
    fn lexicon_parsing_never_panics(text in "[\\[\\]a-z_=\"{}*, .0-9\\n-]{0,200}") {
        let _ = framelens::lexicon::Lexicon::parse(&text, "p.toml").map(|l| framelens::lexicon::check::check(&l));
        let _ = framelens::lexicon::Gazetteer::parse(&text, "p.toml");
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
