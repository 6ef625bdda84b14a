//! Criterion benches, one per stage and one for the whole `analyze`, on a deterministic
//! generated corpus: `../shared/bench/gen_corpus.py --articles 500 --seed 1` (written once into
//! `target/`), or the file named by `FRAMELENS_BENCH_CORPUS`. Each bench checks that its
//! result is not empty, so a broken stage cannot look fast.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use framelens::actors::FuzzyCache;
use framelens::analysis::aggregate::Aggregate;
use framelens::analysis::pipeline::{run, RunOptions};
use framelens::analysis::Analyzer;
use framelens::corpus::{Article, LoadOptions};
use framelens::text::{split_sentences, Tokens};
use std::path::PathBuf;

fn corpus_path() -> PathBuf {
    if let Ok(p) = std::env::var("FRAMELENS_BENCH_CORPUS") {
        return PathBuf::from(p);
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("target").join("bench-corpus-500-seed-1.jsonl");
    if !out.exists() {
        let gen = root.join("../shared/bench/gen_corpus.py");
        let ok = std::process::Command::new("python3")
            .arg(&gen)
            .args(["--articles", "500", "--seed", "1", "--out"])
            .arg(&out)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(
            ok,
            "cannot generate the bench corpus with {}; set FRAMELENS_BENCH_CORPUS",
            gen.display()
        );
    }
    out
}

fn load(path: &std::path::Path) -> Vec<Article> {
    let stream = framelens::corpus::open(path, &LoadOptions::default()).expect("corpus opens");
    stream.filter_map(Result::ok).collect()
}

fn benches(c: &mut Criterion) {
    let path = corpus_path();
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let az = Analyzer::bundled();
    let articles = load(&path);
    assert!(!articles.is_empty());
    let mut g = c.benchmark_group("stages");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("load", |b| {
        b.iter(|| assert_eq!(load(&path).len(), articles.len()))
    });
    g.bench_function("segment+tokens", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &articles {
                let layout = az.boilerplate.layout(&a.text);
                let mut s = Vec::new();
                for p in &layout.paragraphs {
                    split_sentences(&a.text, *p, &mut s);
                }
                n += Tokens::new(&a.text, &layout.paragraphs).len() + s.len();
            }
            assert!(n > 0);
        })
    });
    let tokens: Vec<Tokens> = articles
        .iter()
        .map(|a| Tokens::new(&a.text, &az.boilerplate.layout(&a.text).paragraphs))
        .collect();
    g.bench_function("actors", |b| {
        b.iter(|| {
            let mut cache = FuzzyCache::default();
            let n: usize = articles
                .iter()
                .zip(&tokens)
                .map(|(a, t)| az.actors.find(&az.gazetteer, &a.text, t, &mut cache).len())
                .sum();
            assert!(n > 0);
        })
    });
    g.bench_function("lexicon-matching", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .zip(&tokens)
                .map(|(a, t)| az.matcher.find(&a.text, t).len())
                .sum();
            assert!(n > 0);
        })
    });
    let analysed: Vec<framelens::analysis::Analysed> = {
        let mut cache = FuzzyCache::default();
        articles
            .iter()
            .filter_map(|a| az.analyse(a, &mut cache).ok())
            .collect()
    };
    g.bench_function("voices (quotes and attribution)", |b| {
        b.iter(|| {
            let n: usize = analysed
                .iter()
                .map(|an| {
                    let cx = framelens::voices::Context {
                        text: &an.article.text,
                        paragraphs: &an.layout.paragraphs,
                        sentences: &an.sentences,
                        tokens: &an.tokens,
                        mentions: &an.mentions,
                        gazetteer: &az.gazetteer,
                        host: an.host,
                        cues: &az.cues,
                        stopwords: &az.stopwords,
                    };
                    framelens::voices::assign(&cx).passages.len()
                })
                .sum();
            assert!(n > 0);
        })
    });
    g.bench_function("framing (labels, frames, stance scores)", |b| {
        b.iter(|| {
            let mut n = 0;
            for an in &analysed {
                n += framelens::framing::labels(an, &az.matcher, &az.gazetteer).len()
                    + framelens::framing::frames(an, &az.matcher).len()
                    + framelens::framing::stance_observations(an, &az.matcher, &az.gazetteer).len();
            }
            assert!(n > 0);
        })
    });
    g.bench_function("analyse (voices, all per-article stages)", |b| {
        b.iter(|| {
            let mut cache = FuzzyCache::default();
            let n: usize = articles
                .iter()
                .map(|a| {
                    az.analyse(a, &mut cache)
                        .map(|an| an.passages.len())
                        .unwrap_or(0)
                })
                .sum();
            assert!(n > 0);
        })
    });
    g.bench_function("analyse+stance", |b| {
        b.iter(|| {
            let mut cache = FuzzyCache::default();
            let mut n = 0;
            for a in &articles {
                if let Ok(an) = az.analyse(a, &mut cache) {
                    n += framelens::framing::stance_observations(&an, &az.matcher, &az.gazetteer)
                        .len();
                }
            }
            assert!(n > 0);
        })
    });
    g.bench_function("analyse+fold (aggregation)", |b| {
        b.iter(|| {
            let mut cache = FuzzyCache::default();
            let mut agg = Aggregate::new(5, 1);
            for a in &articles {
                if let Ok(an) = az.analyse(a, &mut cache) {
                    agg.fold(&az, &an, &Default::default());
                }
            }
            assert!(!agg.stance.is_empty());
        })
    });
    let opts = RunOptions {
        threads: 1,
        ..RunOptions::default()
    };
    let result = run(
        &az,
        vec![framelens::corpus::open(&path, &LoadOptions::default()).unwrap()],
        &opts,
        &|_| {},
    )
    .unwrap();
    g.bench_function("statistics+report", |b| {
        b.iter(|| {
            let r = framelens::report::Report::build(
                &az,
                &result.aggregate,
                result.inputs.clone(),
                framelens::report::ReportOptions::default(),
            );
            assert!(!r.keyness.is_empty() && !r.to_json().is_empty());
        })
    });
    let report = framelens::report::Report::build(
        &az,
        &result.aggregate,
        result.inputs.clone(),
        framelens::report::ReportOptions::default(),
    );
    g.bench_function("charts (every SVG)", |b| {
        b.iter(|| {
            let charts = framelens::chart::all(&report, framelens::chart::Size::SLIDE);
            assert!(charts.len() >= 4 && charts.iter().all(|c| c.svg.len() > 1000));
        })
    });
    let charts = framelens::chart::all(&report, framelens::chart::Size::SLIDE);
    g.bench_function("report writing (JSON, HTML, Markdown)", |b| {
        b.iter(|| {
            let names: Vec<String> = charts.iter().map(|c| c.name.clone()).collect();
            let view = framelens::report::view::View::build(&report, &names);
            let figures: Vec<framelens::report::html::Figure> = charts
                .iter()
                .map(|c| framelens::report::html::Figure {
                    name: c.name.clone(),
                    title: c.title.clone(),
                    svg: c.svg.clone(),
                })
                .collect();
            let html =
                framelens::report::html::render(&view, &figures, report.accounting.skipped())
                    .unwrap();
            let titles: Vec<(String, String)> = charts
                .iter()
                .map(|c| (c.name.clone(), c.title.clone()))
                .collect();
            let md = framelens::report::markdown::render(&view, &titles);
            let json = report.to_json();
            assert!(html.len() > 10_000 && md.len() > 1000 && json.len() > 10_000);
        })
    });
    // A regression bench: the bundled lexicons against one with a flipped stance weight.
    let flipped = {
        let text = framelens::lexicon::framing::GEOPOLITICS
            .replace(
                "\"liberat*\" = { weight = 2.5,",
                "\"liberat*\" = { weight = -2.5,",
            )
            .replace("\"kill*\" = -3.2", "\"kill*\" = -1.0");
        let mut list = framelens::lexicon::Lexicon::bundled();
        list[1] = framelens::lexicon::Lexicon::load_checked(&text, "flipped.toml").unwrap();
        Analyzer::new(
            framelens::lexicon::Gazetteer::bundled(),
            list,
            framelens::corpus::boilerplate::Boilerplate::bundled(),
        )
        .unwrap()
    };
    let diffs = framelens::lexicon::diff::diff_lists(&az.lexicons, &flipped.lexicons);
    g.bench_function("regress (both lexicons, explanation)", |b| {
        let groups = Default::default();
        let sides = framelens::regress::Sides::new(&az, &flipped, &diffs, &groups);
        b.iter(|| {
            let (workers, _) = framelens::analysis::pipeline::run_workers(
                vec![framelens::corpus::open(&path, &LoadOptions::default()).unwrap()],
                &RunOptions::default(),
                &|_| {},
                &|| framelens::regress::RegressWorker::new(&sides, 5, 1, 5),
            )
            .unwrap();
            assert!(workers.iter().any(|w| w.explain.sentences > 0));
        })
    });
    for threads in [1, 2] {
        g.bench_function(format!("analyze (whole run, {threads} thread(s))"), |b| {
            let opts = RunOptions {
                threads,
                ..RunOptions::default()
            };
            b.iter(|| {
                let r = run(
                    &az,
                    vec![framelens::corpus::open(&path, &LoadOptions::default()).unwrap()],
                    &opts,
                    &|_| {},
                )
                .unwrap();
                assert_eq!(r.aggregate.analysed() as usize, articles.len());
            })
        });
    }
    g.finish();
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
