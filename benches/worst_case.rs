//! Worst cases that must stay linear (issue 11): the largest article the default
//! `--max-article-bytes` admits (8 MiB of quoted, attributed sentences: many sentences, hits,
//! quotes and scare quotes in one article), and a lexicon of 200,000 wildcard terms, checked
//! (`lexicon check`) and compiled into a matcher that then scans real text. Each bench checks
//! its result, so a broken stage cannot look fast. Figures: benches/README.md.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use framelens::actors::FuzzyCache;
use framelens::analysis::Analyzer;
use framelens::corpus::Article;
use framelens::lexicon::Lexicon;

/// An article of about `bytes` bytes: numbered sentences with a quote, a scare quote, actors,
/// stance terms, paragraphs of 20 sentences.
fn big_article(bytes: usize) -> (Article, usize) {
    let mut text = String::with_capacity(bytes + 256);
    let mut n = 0;
    while text.len() < bytes - 256 {
        text.push_str(&format!(
            "Lavrov condemned the brutal \"terrorist\" attack number {n} on Iran, and Zarif praised Russia. "
        ));
        n += 1;
        if n % 20 == 0 {
            text.push_str("\"We will respond to every attack,\" Zarif told reporters.\n\n");
            n += 1;
        }
    }
    let article = Article {
        id: "big".into(),
        outlet: "tass".into(),
        date: Some("2021-03-01".into()),
        title: None,
        url: None,
        lang: None,
        text,
        source: "bench".into(),
        line: None,
        hash: String::new(),
    };
    (article, n)
}

/// An article of one run-on sentence of at least `bytes` bytes: `clause(n)` for n = 0, 1, ...;
/// with the number of clauses.
fn run_on(bytes: usize, clause: impl Fn(usize) -> String) -> (Article, usize) {
    let mut article = big_article(1024).0;
    article.text.clear();
    let mut n = 0usize;
    while article.text.len() < bytes {
        article.text.push_str(&clause(n));
        n += 1;
    }
    (article, n)
}

/// Quoted passages voiced by an unlisted named speaker.
fn named_quotes(an: &framelens::analysis::Analysed) -> usize {
    an.passages
        .iter()
        .filter(|p| p.quoted && matches!(p.voice, framelens::voices::Voice::Named(_)))
        .count()
}

/// A lexicon of `n` distinct wildcard stance terms of 2 to 7 letters (deterministic), many of
/// them prefixes of common words, which is what makes overlapping matches pile up.
fn wildcard_lexicon(n: usize) -> String {
    let mut s = String::from(
        "[meta]\nname = \"wild\"\nversion = \"1\"\nlanguage = \"en\"\ndescription = \"bench\"\n\n[stance]\n",
    );
    let letters = b"abcdefghiklmnoprstuvw";
    let mut seen = std::collections::HashSet::new();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    while seen.len() < n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let len = 2 + (x % 6) as usize;
        let w: String = (0..len)
            .map(|i| letters[((x >> (8 + 5 * i)) % letters.len() as u64) as usize] as char)
            .collect();
        if seen.insert(w.clone()) {
            s.push_str(&format!(
                "\"{w}*\" = {}\n",
                if x.is_multiple_of(2) { 1 } else { -1 }
            ));
        }
    }
    s
}

fn benches(c: &mut Criterion) {
    let az = Analyzer::bundled();
    let mut g = c.benchmark_group("worst-case");
    g.sample_size(10);

    let (article, sentences) = big_article(8 << 20);
    g.throughput(Throughput::Bytes(article.text.len() as u64));
    g.bench_function("largest admitted article (8 MiB): analyse + stance", |b| {
        b.iter(|| {
            let mut cache = FuzzyCache::default();
            let an = az.analyse(&article, &mut cache).expect("analysed");
            assert!(an.sentences.len() >= sentences, "{}", an.sentences.len());
            let obs = framelens::framing::stance_observations(&an, &az.matcher, &az.gazetteer);
            assert!(obs.len() >= sentences);
        })
    });

    // A run-on page without full stops: one sentence of 2 MiB with an actor every few words.
    let (runon, _) = run_on(2 << 20, |n| {
        format!("Lavrov said the attack number {n} on Iran was brutal and Zarif told reporters the talks would go on while ")
    });
    g.throughput(Throughput::Bytes(runon.text.len() as u64));
    g.bench_function(
        "run-on sentence (2 MiB, no full stop): analyse + stance",
        |b| {
            b.iter(|| {
                let mut cache = FuzzyCache::default();
                let an = az.analyse(&runon, &mut cache).expect("analysed");
                let obs = framelens::framing::stance_observations(&an, &az.matcher, &az.gazetteer);
                // One sentence: one observation per actor it names (Lavrov, Iran, Zarif).
                assert!(an.sentences.len() <= 2, "{} sentences", an.sentences.len());
                assert!(obs.len() >= 3, "{} observations", obs.len());
            })
        },
    );

    // A run-on page of quotes after participles: each ", saying" looks back for the clause's
    // subject, which must not rescan the sentence from its start (512 KiB, one sentence).
    let (quotes, n) = run_on(1 << 19, |n| {
        format!("Ahmed Ali Hassan of the Syria Campaign called on Mr. Kelly and the U.S. to stop attack {n}, saying \"we will win this war\" and ")
    });
    g.throughput(Throughput::Bytes(quotes.text.len() as u64));
    g.bench_function(
        "run-on sentence of participle quotes (512 KiB): analyse",
        |b| {
            b.iter(|| {
                let mut cache = FuzzyCache::default();
                let an = az.analyse(&quotes, &mut cache).expect("analysed");
                // Every quote has a speaker (the unlisted name opening the clause).
                let voiced = named_quotes(&an);
                assert!(voiced >= n / 2, "{voiced} of {n} quotes voiced");
            })
        },
    );

    // A run-on page of quotes introduced by colons, each speaker with a parenthetical: each
    // cue reads at most 60 tokens back, and no cue spans the sentence from its start (the
    // output grew with the square of the sentence: 4.7 GB for 512 KiB).
    let (colons, n) = run_on(1 << 19, |n| {
        format!("Smith, who met Jones on day {n}, said: \"yes,\" and Brown, a senior aide to Green, said: \"no,\" and ")
    });
    g.throughput(Throughput::Bytes(colons.text.len() as u64));
    g.bench_function(
        "run-on sentence of colon quotes after parentheticals (512 KiB): analyse",
        |b| {
            b.iter(|| {
                let mut cache = FuzzyCache::default();
                let an = az.analyse(&colons, &mut cache).expect("analysed");
                let voiced = named_quotes(&an);
                assert!(voiced >= n, "{voiced} of {} quotes voiced", 2 * n);
                let longest = an
                    .passages
                    .iter()
                    .filter_map(|p| p.cue.map(|c| c.len()))
                    .max()
                    .unwrap_or(0);
                assert!(longest < 2000, "a cue of {longest} bytes");
            })
        },
    );

    let text = wildcard_lexicon(200_000);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("lexicon check, 200,000 wildcard terms", |b| {
        b.iter(|| {
            let lex = Lexicon::parse(&text, "wild.toml").expect("valid lexicon");
            let diags = framelens::lexicon::check::check(&lex);
            assert_eq!(lex.stance.len(), 200_000);
            assert!(diags.len() < 200_000 * 7);
        })
    });
    let lex = Lexicon::parse(&text, "wild.toml").expect("valid lexicon");
    let mut lexicons = Lexicon::bundled();
    lexicons.push(lex);
    let probe = big_article(1 << 20).0;
    g.throughput(Throughput::Bytes(probe.text.len() as u64));
    g.bench_function(
        "matcher of 200,000 wildcard terms: build + scan 1 MiB",
        |b| {
            b.iter(|| {
                let m = framelens::lexicon::matcher::Matcher::new(&lexicons).unwrap();
                let layout = az.boilerplate.layout(&probe.text);
                let toks = framelens::text::Tokens::new(&probe.text, &layout.paragraphs);
                assert!(!m.find(&probe.text, &toks).is_empty());
            })
        },
    );
    g.finish();
}

criterion_group!(worst_case, benches);
criterion_main!(worst_case);
