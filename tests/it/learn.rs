//! `framelens lexicon learn` (issue 15): fitting stance weights to annotated items.

use crate::{root, run};
use framelens::learn::{learn, Options};
use framelens::lexicon::Lexicon;
use framelens::span::Span;
use framelens::validate::GoldItem;

const BASE: &str = r#"[meta]
name = "tiny"
version = "1.0.0"
language = "en"

[stance]
"splendid" = 1.5
"untouched" = -2.0
"war" = 0
"condemn*" = { weight = -2.5, act = true }

[negators]
terms = ["not", "never"]
"#;

/// Sixty items: "blorft" only in negative sentences, "glimful" only in positive ones, neutral
/// sentences with neither; "untouched" is never seen.
fn items() -> Vec<(String, usize, usize, i8)> {
    let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    let mut v = Vec::new();
    for i in 0..20 {
        let day = days[i % 5];
        for (text, label) in [
            (
                format!("Smith was blorft again on {day}, said aide number {i}."),
                -1,
            ),
            (
                format!("Smith was glimful again on {day}, said aide number {i}."),
                1,
            ),
            (
                format!("Smith travelled to the capital on {day} with aide number {i}."),
                0,
            ),
        ] {
            v.push((text, 0, 5, label));
        }
    }
    v
}

fn gold_items() -> Vec<GoldItem> {
    items()
        .into_iter()
        .enumerate()
        .map(|(i, (text, s, e, label))| GoldItem {
            text,
            target: Span::new(s, e),
            label,
            id: i.to_string(),
            line: i + 1,
            split: None,
        })
        .collect()
}

fn jsonl() -> String {
    items()
        .into_iter()
        .map(|(text, s, e, label)| {
            serde_json::json!({"text": text, "target_start": s, "target_end": e, "label": label})
                .to_string()
                + "\n"
        })
        .collect()
}

#[test]
fn learning_recovers_the_sign_of_new_terms_and_keeps_unseen_priors() {
    let base = vec![Lexicon::load_checked(BASE, "tiny.toml").unwrap()];
    let opts = Options {
        folds: 3,
        min_count: 5,
        l2: 1.0,
        ..Options::default()
    };
    let l = learn(&base, &gold_items(), &opts).unwrap();
    let weight = |term: &str| {
        let j = l
            .data
            .features
            .iter()
            .position(|f| f.term == term)
            .unwrap_or_else(|| panic!("{term} is a feature"));
        (l.data.features[j].clone(), l.model.weights[j])
    };
    let (f, w) = weight("blorft");
    assert!(f.lexicon.is_empty() && f.prior == 0.0 && f.n == 20, "{f:?}");
    assert!(w < -0.5, "blorft {w}");
    let (_, w) = weight("glimful");
    assert!(w > 0.5, "glimful {w}");
    // No evidence: the prior, exactly.
    let (f, w) = weight("untouched");
    assert_eq!((f.n, w), (0, -2.0));
    // Separable data: the fit gets every item right, and so does cross-validation.
    assert_eq!(l.train.macro_f1, 1.0, "{:?}", l.train);
    assert_eq!(l.cv.as_ref().unwrap().macro_f1, 1.0, "{:?}", l.cv);
    // Words in every item carry no signal; the neutral ones stay near 0.
    let (_, w) = weight("aide");
    assert!(w.abs() < 0.3, "aide {w}");
    // Two-word candidates only when asked for.
    let words = framelens::learn::candidates(&base, &gold_items(), 5, false).unwrap();
    assert!(words.contains(&"blorft".to_string()) && !words.iter().any(|w| w.contains(' ')));
    let pairs = framelens::learn::candidates(&base, &gold_items(), 5, true).unwrap();
    assert!(pairs.contains(&"blorft again".to_string()), "{pairs:?}");
    // Not both stop words; never the target.
    assert!(pairs.contains(&"the capital".to_string()), "{pairs:?}");
    assert!(!pairs.contains(&"to the".to_string()), "{pairs:?}");
    assert!(
        !pairs.iter().any(|w| w.to_lowercase().contains("smith")),
        "{pairs:?}"
    );
}

#[test]
fn learned_lexicon_is_deterministic_and_checks_like_any_other() {
    let dir = tempfile::tempdir().unwrap();
    let train = dir.path().join("train.jsonl");
    std::fs::write(&train, jsonl()).unwrap();
    let base = dir.path().join("tiny.toml");
    std::fs::write(&base, BASE).unwrap();
    let mut outs = Vec::new();
    for name in ["a.toml", "b.toml"] {
        let out = dir.path().join(name);
        let (code, stdout, err) = run(
            &[
                "lexicon",
                "learn",
                "--train",
                train.to_str().unwrap(),
                "--base",
                base.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
                "--folds",
                "3",
                "--min-count",
                "5",
                "--heldout",
                train.to_str().unwrap(),
            ],
            &root(),
        );
        assert_eq!(code, 0, "{err}");
        assert!(stdout.contains("cross-validation (3 folds)"), "{stdout}");
        assert!(stdout.contains("held out"), "{stdout}");
        outs.push(std::fs::read_to_string(&out).unwrap());
    }
    assert_eq!(outs[0], outs[1], "two runs differ");
    let text = &outs[0];
    assert!(
        text.contains("\"blorft\" = { weight = -") && text.contains("learned: n=20, prior 0.0"),
        "{text}"
    );
    assert!(!text.contains("\"untouched\""), "{text}");
    let out = dir.path().join("a.toml");
    let (code, stdout, err) = run(&["lexicon", "check", out.to_str().unwrap()], &root());
    assert_eq!(code, 0, "{stdout}{err}");
    assert!(stdout.contains("0 error(s)"), "{stdout}");
    // The learned lexicon, read as a new version of nothing: every entry is an addition.
    let empty = dir.path().join("empty.toml");
    std::fs::write(
        &empty,
        "[meta]\nname = \"learned\"\nversion = \"0\"\nlanguage = \"en\"\n",
    )
    .unwrap();
    let (code, stdout, _) = run(
        &[
            "lexicon",
            "diff",
            empty.to_str().unwrap(),
            out.to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("blorft"), "{stdout}");
    // The output may not overwrite an input.
    let (code, _, err) = run(
        &[
            "lexicon",
            "learn",
            "--train",
            train.to_str().unwrap(),
            "--out",
            train.to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(code, 2, "{err}");
}

#[test]
fn validate_shows_intervals_side_by_side_and_groups_errors() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let rows = [
        ("Iran condemned Israel for the strikes.", 15, 21, -1),
        ("Smith travelled to the capital on Monday.", 0, 5, 0),
        // No stance term anywhere: the learned layer says neutral, so this is an error of "no
        // term fired" that the layer decided.
        ("Smith travelled to the capital on Tuesday.", 0, 5, 1),
        ("Smith praised the brave volunteers.", 18, 35, 1),
    ];
    let text: String = rows
        .iter()
        .map(|(t, s, e, l)| {
            serde_json::json!({"text": t, "target_start": s, "target_end": e, "label": l})
                .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(&gold, text).unwrap();
    let args = ["validate", "--gold", gold.to_str().unwrap(), "--errors"];
    let (code, out, err) = run(&args, &root());
    assert_eq!(code, 0, "{err}");
    for want in [
        "macro-F1 95% bootstrap interval",
        "framelens, lexicons loaded",
        "bundled without learned weights",
        "VADER sentence score",
        "no term fired; decided by the learned layer (1)",
    ] {
        assert!(out.contains(want), "{want:?} missing:\n{out}");
    }
    assert!(!out.contains("by split"), "{out}");
    // Deterministic resampling: the same output twice.
    assert_eq!(run(&args, &root()).1, out);
}

#[test]
fn validate_gives_figures_per_split() {
    let (code, out, err) = run(
        &["validate", "--gold", "fixtures/stance/gold.jsonl"],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("by split"), "{out}");
    assert!(out.contains("dev      items   542"), "{out}");
    assert!(out.contains("test     items   346"), "{out}");
}

#[test]
fn bootstrap_interval_is_deterministic_and_brackets_the_figure() {
    use framelens::validate::{bootstrap_interval, Scorer};
    let pairs: Vec<(i8, i8)> = (0..300)
        .map(|i| {
            let g = (i % 3) as i8 - 1;
            (g, if i % 5 == 0 { 0 } else { g })
        })
        .collect();
    let s = Scorer::from_pairs("x", &pairs, Vec::new());
    assert_eq!(bootstrap_interval(&pairs, 1000), s.interval);
    assert!(
        s.interval.0 < s.metrics.macro_f1 && s.metrics.macro_f1 < s.interval.1,
        "{s:?}"
    );
    assert!(s.interval.1 - s.interval.0 < 0.2, "{s:?}");
    // All right: no spread.
    let right: Vec<(i8, i8)> = pairs.iter().map(|&(g, _)| (g, g)).collect();
    assert_eq!(bootstrap_interval(&right, 200), (1.0, 1.0));
}

#[test]
fn learned_weights_are_named_as_such_in_evidence() {
    let az = framelens::analysis::Analyzer::bundled();
    let text = "Iran condemned Israel for the strikes.";
    let s = framelens::analysis::score_target(&az, text, Span::new(15, 21)).unwrap();
    // The bundled lexicons end with the learned layer: it decides, and says how.
    let d = s.model.as_ref().expect("the bundled learned layer decides");
    assert!(s.rules.contains(&"model"), "{:?}", s.rules);
    assert_eq!(s.label(), d.class);
    assert!((s.score - (d.p[2] - d.p[0])).abs() < 1e-5, "{s:?}");
    assert!(
        d.explain().starts_with("learned layer: unfavourable (P "),
        "{}",
        d.explain()
    );
    // The terms of the lexicons still show, as features of the layer among others.
    assert!(s.contributions.iter().any(|c| c.text == "condemned"));
    // Without the layer the same sentence is scored by the lexicons alone.
    let base = framelens::analysis::Analyzer::new(
        framelens::lexicon::Gazetteer::bundled(),
        framelens::lexicon::Lexicon::bundled_base(),
        framelens::corpus::boilerplate::Boilerplate::bundled(),
    )
    .unwrap();
    let b = framelens::analysis::score_target(&base, text, Span::new(15, 21)).unwrap();
    assert!(b.model.is_none() && !b.rules.contains(&"model"));
    // And the report's evidence names it.
    let report = std::fs::read_to_string(crate::root().join("reports/seeds/report.json")).unwrap();
    assert!(report.contains("learned layer: "), "no learned layer named");
}

/// `lexicon learn --model`: the learned stance layer is fitted deterministically, chooses its
/// settings by cross-validation, keeps in-domain items of other splits out, checks and diffs
/// like any lexicon, and decides once loaded.
#[test]
fn learned_layer_is_deterministic_and_decides_once_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let train = dir.path().join("train.jsonl");
    std::fs::write(&train, jsonl()).unwrap();
    // In-domain items: "zorbly" marks unfavourable ones in the dev split; the test split says
    // the opposite and must not be fitted on.
    let mut domain = String::new();
    for i in 0..12 {
        for (split, label) in [("dev", -1), ("test", 1)] {
            let text = format!("Smith zorbly met the envoy number {i}.");
            domain.push_str(
                &(serde_json::json!({"text": text, "target_start": 0, "target_end": 5,
                    "label": label, "split": split})
                .to_string()
                    + "\n"),
            );
        }
    }
    let also = dir.path().join("domain.jsonl");
    std::fs::write(&also, domain).unwrap();
    let base = dir.path().join("tiny.toml");
    std::fs::write(&base, BASE).unwrap();
    let mut outs = Vec::new();
    for name in ["a.toml", "b.toml"] {
        let out = dir.path().join(name);
        let (code, stdout, err) = run(
            &[
                "lexicon",
                "learn",
                "--model",
                "--train",
                s(&train),
                "--also",
                s(&also),
                "--also-weight",
                "1",
                "4",
                "--grid",
                "0.1",
                "1",
                "--base",
                s(&base),
                "--out",
                s(&out),
                "--folds",
                "3",
                "--heldout",
                s(&train),
            ],
            &root(),
        );
        assert_eq!(code, 0, "{err}");
        assert!(
            stdout.contains("cross-validation (3 folds), weight 4, C 1:"),
            "{stdout}"
        );
        assert!(stdout.contains("domain.jsonl"), "{stdout}");
        assert!(stdout.contains("held out"), "{stdout}");
        outs.push(std::fs::read_to_string(&out).unwrap());
    }
    assert_eq!(outs[0], outs[1], "two runs differ");
    let text = &outs[0];
    assert!(
        text.contains("[model]") && text.contains("classes = [-1, 0, 1]"),
        "{text}"
    );
    assert!(text.contains("12 items of split dev"), "{text}");
    let lex = Lexicon::parse(text, "a.toml").unwrap();
    let model = lex.model.as_ref().expect("a [model] section");
    let w = model.weights("w:zorbly").unwrap();
    assert!(w[0] > w[2], "zorbly fitted on dev (unfavourable): {w:?}");
    let w = model.weights("w:blorft").unwrap();
    assert!(w[0] > w[2], "blorft marks unfavourable items: {w:?}");
    // Checked and diffed like any lexicon: a changed weight is named in section `model`.
    let a = dir.path().join("a.toml");
    let (code, stdout, err) = run(&["lexicon", "check", s(&a)], &root());
    assert_eq!(code, 0, "{stdout}{err}");
    let edited = dir.path().join("edited.toml");
    let line = text
        .lines()
        .find(|l| l.starts_with("\"w:blorft\" = "))
        .unwrap();
    std::fs::write(
        &edited,
        text.replace(line, "\"w:blorft\" = { w = [0.0, 0.0, 3.0], n = 20 }"),
    )
    .unwrap();
    let (code, stdout, _) = run(&["lexicon", "diff", s(&a), s(&edited)], &root());
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("[model]") && stdout.contains("w:blorft"),
        "{stdout}"
    );
    // What a changed layer moves in a report, and which of its entries moved it: `regress`.
    let report = dir.path().join("report");
    let (code, _, err) = run(
        &[
            "analyze",
            "fixtures/seeds",
            "--no-default-lexicons",
            "--lexicon",
            s(&base),
            "--lexicon",
            s(&a),
            "--out",
            s(&report),
            "-q",
        ],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    let shifted = dir.path().join("shifted.toml");
    let intercept = text
        .lines()
        .find(|l| l.starts_with("intercept = "))
        .unwrap();
    std::fs::write(
        &shifted,
        text.replace(intercept, "intercept = [-3.0, -3.0, 3.0]"),
    )
    .unwrap();
    let out = dir.path().join("regress");
    let (code, _, err) = run(
        &[
            "regress",
            "--baseline",
            s(&report.join("report.json")),
            "fixtures/seeds",
            "--no-default-lexicons",
            "--lexicon",
            s(&base),
            "--lexicon",
            s(&shifted),
            "--out",
            s(&out),
        ],
        &root(),
    );
    assert_eq!(code, 1, "{err}");
    let md = std::fs::read_to_string(out.join("regress.md")).unwrap();
    assert!(md.contains("| model | intercept |"), "{md}");
    assert!(md.contains("~ model intercept:"), "{md}");
    // Loaded after its base, the layer decides and says so in validate's errors.
    let (code, out, err) = run(
        &[
            "validate",
            "--gold",
            s(&train),
            "--no-default-lexicons",
            "--lexicon",
            s(&base),
            "--lexicon",
            s(&a),
            "--errors",
        ],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("framelens, lexicons loaded"), "{out}");
    // A layer whose classes are not in the written order is refused with its path.
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        text.replace("classes = [-1, 0, 1]", "classes = [1, 0, -1]"),
    )
    .unwrap();
    let (code, stdout, err) = run(&["lexicon", "check", s(&bad)], &root());
    assert_ne!(code, 0, "{stdout}");
    assert!(
        format!("{stdout}{err}").contains("classes must be [-1, 0, 1]"),
        "{stdout}{err}"
    );
}

fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}
