//! framelens: how do different outlets frame the same actors?
//!
//! Given news articles from several outlets, framelens finds the actors they mention (states,
//! leaders, armed groups, outlets), who is speaking in each passage (the outlet itself or a
//! source it quotes), and how each voice labels, frames and judges each actor. Every number
//! keeps the sentences behind it, and every report records what made it (inputs, lexicons and
//! options, each with its sha256), so that two runs can be compared and a change explained.
//!
//! The command line (`framelens analyze`, `regress`, `validate`, ...) is a thin layer over the
//! entry points below; it lives in the binary, not here. The modules, in data-flow order:
//! [`corpus`] (loading), [`text`] (sentences and tokens), [`lexicon`] (lexicons and the
//! gazetteer), [`actors`], [`voices`], [`framing`], [`analysis`] (the analyzer and the
//! mergeable aggregate), [`compare`] (keyness, similarity, intervals), [`report`] and
//! [`chart`]; [`validate`], [`gold`] and [`regress`] measure the analysis against truth files
//! and against an earlier report.
//!
//! # Analyse one article: [`Analyzer`]
//!
//! An [`Analyzer`] holds the gazetteer, the lexicons and the boilerplate rules; analysing an
//! article finds its sentences, actor mentions and voiced passages. Every item is a byte span of
//! the unchanged text.
//!
//! ```
//! use framelens::{Analyzer, Article, Voice};
//!
//! let az = Analyzer::bundled();
//! let article = Article {
//!     id: "a1".into(),
//!     outlet: "afp".into(),
//!     date: Some("2016-03-01".into()),
//!     title: None,
//!     url: None,
//!     lang: None,
//!     text: "\"The ceasefire is holding,\" Lavrov told reporters in Moscow.".into(),
//!     source: "example".into(),
//!     line: None,
//!     hash: String::new(),
//! };
//! let an = az.analyse(&article, &mut Default::default()).expect("the article has words");
//! let lavrov = an.mentions.iter().find(|m| m.span.of(&article.text) == "Lavrov").unwrap();
//! assert_eq!(az.gazetteer.actor(lavrov.actor).id, "lavrov");
//! // The quote is Lavrov's, not the outlet's.
//! let quote = &an.passages[0];
//! assert!(quote.quoted);
//! assert_eq!(quote.voice, Voice::Source(lavrov.actor));
//! ```
//!
//! # Read a corpus and build a report: [`corpus::open`], [`Aggregate`], [`Report`]
//!
//! [`corpus::open`] reads a folder with a manifest, JSONL (optionally gzipped) or CSV as a
//! stream of articles and skips; [`analysis::pipeline::run`] folds them, on any number of
//! threads, into one [`Aggregate`] (aggregates merge, so the result does not depend on the
//! thread count); [`Report::build`] turns that into the serde [`Report`] behind report.json,
//! report.md and index.html.
//!
//! ```
//! use framelens::analysis::pipeline::{run, RunOptions};
//! use framelens::{corpus, Analyzer, LoadOptions, Report, ReportOptions};
//! use std::path::Path;
//!
//! let az = Analyzer::bundled();
//! let seeds = corpus::open(Path::new("fixtures/seeds"), &LoadOptions::default())?;
//! let done = run(&az, vec![seeds], &RunOptions::default(), &|_| {}).expect("no --strict");
//! let agg = &done.aggregate;
//! assert_eq!(agg.read(), agg.analysed() + agg.skipped());
//! let report = Report::build(&az, agg, done.inputs, ReportOptions::default());
//! assert_eq!(report.accounting.read(), 5);
//! assert!(report.stance.iter().all(|row| (-1.0..=1.0).contains(&row.mean)));
//! // report.json: sorted keys, and it reads back.
//! let json = report.to_json();
//! assert_eq!(Report::from_json(&json)?.to_json(), json);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Load lexicons and a gazetteer: [`load_lexicon`], [`load_gazetteer`]
//!
//! Lexicons (TOML: label sets, frames, stance terms, negators, ...) and the actor gazetteer
//! are loaded and validated with their provenance; later lexicons override earlier ones.
//!
//! ```
//! use framelens::{load_gazetteer, load_lexicon, Analyzer, Boilerplate, Lexicon};
//! use std::path::Path;
//!
//! let geo = load_lexicon(Path::new("lexicons/geopolitics.toml"))?;
//! assert_eq!(geo.info.name, "geopolitics");
//! assert!(geo.label_sets.iter().any(|s| s.concept == "syrian_state"));
//! let gazetteer = load_gazetteer(Path::new("data/actors.toml"))?;
//! assert!(gazetteer.actors.iter().any(|a| a.id == "lavrov"));
//! let az = Analyzer::new(gazetteer, vec![geo], Boilerplate::bundled())?;
//! assert_eq!(az.lexicons.len(), 1);
//! // A lexicon with a problem is an error with its location, never a panic.
//! let err = Lexicon::parse("[meta]\nname = 1\n", "bad.toml").unwrap_err();
//! assert!(err.to_string().contains("bad.toml"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Validate stance against annotations: [`validate::score`]
//!
//! Target-dependent stance is scored against annotated sentences (JSONL with character offsets
//! of the target and a label in −1/0/1), giving accuracy, macro-F1 and a confusion matrix.
//!
//! ```
//! use framelens::{validate, Analyzer};
//!
//! let gold = r#"{"text": "Turkey condemned Russia.", "target_start": 17, "target_end": 23, "label": -1}
//! {"text": "Russia and Iran met in Geneva.", "target_start": 0, "target_end": 6, "label": 0}
//! "#;
//! let az = Analyzer::bundled();
//! let m = validate::score(&az, gold.as_bytes(), "gold.jsonl", |_, _, _, _| {})?;
//! assert_eq!(m.n, 2);
//! assert!(m.skipped.is_empty());
//! assert_eq!(m.confusion.iter().flatten().sum::<u64>(), 2);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Compare two reports: [`regress::compare`]
//!
//! The regression bench puts every metric of a baseline report beside a new one and says what
//! moved beyond its tolerance; `framelens regress` adds the re-run and the explanations.
//!
//! ```
//! use framelens::regress::{compare, Tolerances};
//! use framelens::Report;
//!
//! let base = Report::from_json(&std::fs::read_to_string("reports/seeds/report.json")?)?;
//! let (moved, compared) = compare(&base, &base, &base, &Tolerances::default());
//! assert!(compared > 0);
//! assert!(moved.iter().all(|m| m.delta == 0.0));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod actors;
pub mod analysis;
pub mod chart;
pub mod compare;
pub mod corpus;
pub(crate) mod float;
pub mod framing;
#[doc(hidden)]
pub mod fuzz_targets;
pub mod gold;
#[doc(hidden)]
pub mod hash;
pub mod learn;
pub mod lexicon;
#[doc(hidden)]
pub mod rank;
pub mod regress;
pub mod report;
pub mod span;
pub mod text;
pub mod validate;
pub mod voices;

pub use analysis::aggregate::Aggregate;
pub use analysis::{Analysed, Analyzer};
pub use corpus::boilerplate::Boilerplate;
pub use corpus::{Article, LoadOptions, Record, RecordStream, Skip};
pub use lexicon::{load_gazetteer, load_lexicon, Gazetteer, Lexicon};
pub use report::{Report, ReportOptions};
pub use span::Span;
pub use voices::Voice;
