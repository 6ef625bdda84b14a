//! Regression benches for lexicon changes: `lexicon diff` and `regress` on the fixtures of
//! `fixtures/lexicon-changes/`, whose expected verdicts are in its `expect.toml`.

use crate::{fixture, root, run};
use serde_json::Value;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

/// Runs regress on the seeds against the fixture baseline; returns (code, stdout, stderr,
/// regress.json).
fn regress(baseline: &std::path::Path, extra: &[&str]) -> (i32, String, String, Value) {
    regress_into(&tmp().path().join("r"), baseline, extra)
}

/// As [`regress`], writing into `out`.
fn regress_into(
    out: &std::path::Path,
    baseline: &std::path::Path,
    extra: &[&str],
) -> (i32, String, String, Value) {
    let mut args = vec![
        "regress",
        "--baseline",
        s(baseline),
        "fixtures/seeds",
        "--out",
        s(out),
    ];
    args.extend_from_slice(extra);
    let (code, stdout, err) = run(&args, &root());
    let json = std::fs::read_to_string(out.join("regress.json"))
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap_or(Value::Null);
    if json != Value::Null {
        for f in ["regress.md", "what-moved.svg"] {
            assert!(out.join(f).is_file(), "{f} missing");
        }
    }
    (code, stdout, err, json)
}

fn baseline() -> std::path::PathBuf {
    fixture("lexicon-changes/baseline/report.json")
}

#[test]
fn fixture_baseline_is_the_committed_seed_report() {
    for f in [
        "report.json",
        "lexicons/01-vader.toml",
        "lexicons/02-geopolitics.toml",
        "lexicons/03-learned.toml",
    ] {
        let a = std::fs::read(fixture("lexicon-changes/baseline").join(f)).unwrap();
        let b = std::fs::read(root().join("reports/seeds").join(f)).unwrap();
        assert!(
            a == b,
            "fixtures/lexicon-changes/baseline/{f} differs from reports/seeds/{f}: copy it over after regenerating the seed report"
        );
    }
}

#[test]
fn lexicon_changes_give_their_expected_verdicts() {
    let text = std::fs::read_to_string(fixture("lexicon-changes/expect.toml")).unwrap();
    let expect: toml::Table = toml::from_str(&text).unwrap();
    let cases = expect["case"].as_array().unwrap();
    assert_eq!(cases.len(), 4);
    for case in cases {
        let lex = fixture("lexicon-changes").join(case["lexicon"].as_str().unwrap());
        let name = case["lexicon"].as_str().unwrap();
        // The diff against the baseline's copy is exactly the intended edit.
        let (code, stdout, err) = run(
            &[
                "lexicon",
                "diff",
                "fixtures/lexicon-changes/baseline/lexicons/02-geopolitics.toml",
                s(&lex),
            ],
            &root(),
        );
        let want: Vec<&str> = case["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(code, if want.is_empty() { 0 } else { 1 }, "{name}: {err}");
        for w in &want {
            let sign = &w[..1];
            let rest = &w[2..];
            let (section, item) = rest.split_once(' ').unwrap();
            assert!(
                stdout.contains(&format!("[{section}]"))
                    && stdout
                        .lines()
                        .any(|l| l.trim_start().starts_with(sign) && l.contains(item)),
                "{name}: diff lacks {w}:\n{stdout}"
            );
        }
        // The verdict and its explanation.
        let (code, stdout, err, r) = regress(&baseline(), &["--lexicon", s(&lex)]);
        let exit = case["exit"].as_integer().unwrap() as i32;
        assert_eq!(code, exit, "{name}: {err}\n{stdout}");
        if let Some(m) = case.get("moved") {
            assert_eq!(r["moved"].as_i64(), m.as_integer(), "{name}: {stdout}");
            assert!(stdout.contains("nothing moved"), "{stdout}");
            continue;
        }
        // A share that goes from 0 to no row (a voice that stops using a label set) is no move.
        for m in r["metrics"].as_array().unwrap() {
            if m["kind"] == "label" || m["kind"] == "frame" {
                assert!(m["delta"].as_f64().unwrap() != 0.0, "{name}: {m}");
            }
        }
        let entry = case["entry"].as_str().unwrap();
        let (kind, metric) = case["metric"].as_str().unwrap().split_once(": ").unwrap();
        let sentence = case["sentence"].as_str().unwrap();
        assert!(
            r["entries"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["entry"].as_str().unwrap().starts_with(entry)),
            "{name}: {entry} not among the entries that changed sentences: {}",
            r["entries"]
        );
        let m = r["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["kind"] == kind && m["name"] == metric)
            .unwrap_or_else(|| panic!("{name}: metric {kind} {metric} did not move"));
        assert!(m["delta"].as_f64().unwrap() != 0.0);
        assert_eq!(m["drift"], false, "{name}: the baseline does not reproduce");
        let cell = &r["cells"][m["cell"].as_str().unwrap()];
        assert!(
            cell["entries"]
                .as_object()
                .unwrap()
                .keys()
                .any(|k| k.starts_with(entry)),
            "{name}: {entry} not named for {metric}: {cell}"
        );
        let top = cell["top"].as_array().unwrap();
        let hit = top
            .iter()
            .find(|t| t["text"].as_str().unwrap().contains(sentence))
            .unwrap_or_else(|| panic!("{name}: no moved sentence with {sentence:?}: {cell}"));
        assert_ne!(hit["old"], hit["new"]);
        assert!(hit["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e.as_str().unwrap().starts_with(entry)));
        // The terminal table names the entry and quotes the sentence's start.
        assert!(stdout.contains(entry), "{stdout}");
    }
}

#[test]
fn tolerances_decide_the_exit_code() {
    let lex = fixture("lexicon-changes/weight-flipped.toml");
    let (code, _, err, r) = regress(&baseline(), &["--lexicon", s(&lex), "--tolerance", "1"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(r["verdict"], "pass");
    assert!(r["moved"].as_i64().unwrap() > 0);
    // Per kind, from a file and then a flag.
    let dir = tmp();
    let file = dir.path().join("tol.toml");
    std::fs::write(&file, "stance = 1.0\nlabel = 0.5\n").unwrap();
    let (code, _, _, _) = regress(
        &baseline(),
        &["--lexicon", s(&lex), "--tolerances", s(&file)],
    );
    assert_eq!(code, 0);
    let (code, _, _, _) = regress(
        &baseline(),
        &[
            "--lexicon",
            s(&lex),
            "--tolerances",
            s(&file),
            "--tolerance-for",
            "stance=0.1",
        ],
    );
    assert_eq!(code, 1);
    // Cells with too few observations never fail.
    let (code, _, _, _) = regress(
        &baseline(),
        &["--lexicon", s(&lex), "--tolerance-for", "min_n=1000"],
    );
    assert_eq!(code, 0);
    std::fs::write(&file, "stance = \"high\"\n").unwrap();
    let (code, _, err, _) = regress(&baseline(), &["--tolerances", s(&file)]);
    assert_eq!(code, 2);
    assert!(err.contains("tol.toml:1:"), "{err}");
    let (code, _, err, _) = regress(&baseline(), &["--tolerance-for", "mood=1"]);
    assert_eq!(code, 2);
    assert!(err.contains("KIND=T"), "{err}");
}

#[test]
fn other_inputs_are_refused() {
    let (code, _, err) = run(
        &[
            "regress",
            "--baseline",
            s(&baseline()),
            "fixtures/hard",
            "--out",
            s(&tmp().path().join("r")),
        ],
        &root(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("inputs differ from the baseline"), "{err}");
}

#[test]
fn update_baseline_accepts_a_change_and_old_lexicons_are_found_by_hash() {
    let dir = tmp();
    let base = dir.path().join("base");
    let flipped = fixture("lexicon-changes/weight-flipped.toml");
    let edited = dir.path().join("edited.toml");
    std::fs::copy(&flipped, &edited).unwrap();
    // A baseline made with the flipped lexicon.
    let (code, _, err) = run(
        &[
            "analyze",
            "fixtures/seeds",
            "--lexicon",
            s(&edited),
            "--out",
            s(&base),
        ],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read(base.join("lexicons/02-geopolitics.toml")).unwrap(),
        std::fs::read(&flipped).unwrap()
    );
    // Against the bundled lexicon: the old one comes from the folder's copy.
    let (code, _, err, r) = regress(&base.join("report.json"), &[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(r["diffs"][1]["entries"][0]["section"], "stance");
    // Without the copy, it is found at its recorded path.
    std::fs::remove_dir_all(base.join("lexicons")).unwrap();
    let (code, _, err, _) = regress(&base.join("report.json"), &[]);
    assert_eq!(code, 1, "{err}");
    // With no file of that hash anywhere, the old lexicon must be given.
    std::fs::write(&edited, "edited again").unwrap();
    let (code, _, err, _) = regress(&base.join("report.json"), &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--baseline-lexicon"), "{err}");
    let (code, _, err, _) = regress(
        &base.join("report.json"),
        &["--baseline-lexicon", s(&flipped)],
    );
    assert_eq!(code, 1, "{err}");
    // Accept the bundled lexicon: then nothing moves, and the complete skip and flag lists
    // stay in the folder (they do not depend on the lexicons' terms).
    let lists: Vec<Vec<u8>> = ["skips.jsonl", "flags.jsonl"]
        .iter()
        .map(|f| std::fs::read(base.join(f)).unwrap())
        .collect();
    assert!(!lists[1].is_empty(), "seed 002 is flagged");
    let (code, _, err, _) = regress(
        &base.join("report.json"),
        &["--baseline-lexicon", s(&flipped), "--update-baseline"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(base.join("index.html").is_file());
    for (f, before) in ["skips.jsonl", "flags.jsonl"].iter().zip(&lists) {
        assert_eq!(&std::fs::read(base.join(f)).unwrap(), before, "{f}");
    }
    let (code, _, err, r) = regress(&base.join("report.json"), &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(r["moved"], 0);
    // A folder with files of its own is not rewritten.
    std::fs::write(base.join("notes.txt"), "mine").unwrap();
    let (code, _, err, _) = regress(&base.join("report.json"), &["--update-baseline"]);
    assert_eq!(code, 2);
    assert!(err.contains("notes.txt"), "{err}");
}

#[test]
fn regress_output_is_the_same_for_any_thread_count() {
    let lex = fixture("lexicon-changes/label-removed.toml");
    let mut outs = Vec::new();
    for j in ["1", "2", "4"] {
        let dir = tmp();
        let out = dir.path().join("r");
        let (code, _, err, _) = regress_into(&out, &baseline(), &["--lexicon", s(&lex), "-j", j]);
        assert_eq!(code, 1, "{err}");
        let files: Vec<Vec<u8>> = ["regress.json", "regress.md", "what-moved.svg"]
            .iter()
            .map(|f| std::fs::read(out.join(f)).unwrap())
            .collect();
        outs.push(files);
    }
    assert!(outs.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn regress_markdown_and_chart_escape_article_text() {
    let lex = fixture("lexicon-changes/weight-flipped.toml");
    let dir = tmp();
    let out = dir.path().join("r");
    let (code, _, err, _) = regress_into(&out, &baseline(), &["--lexicon", s(&lex)]);
    assert_eq!(code, 1, "{err}");
    let md = std::fs::read_to_string(out.join("regress.md")).unwrap();
    // Every row of a table has the table's column count: no unescaped pipe from article text.
    let pipes = |l: &str| {
        let b = l.as_bytes();
        (0..b.len())
            .filter(|&i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
            .count()
    };
    let mut width = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            width = None;
            continue;
        }
        let w = *width.get_or_insert(pipes(line));
        assert_eq!(pipes(line), w, "{line}");
    }
    assert!(md.contains("liberating the strategic city of Aleppo"));
    let svg = std::fs::read_to_string(out.join("what-moved.svg")).unwrap();
    assert!(svg.starts_with("<svg") || svg.starts_with("<?xml"));
    assert!(
        svg.contains("shamkhani -&gt; syria_gov"),
        "chart text is escaped"
    );
}

/// A corpus whose outlet prints the same ending on every article: analyze sets the ending
/// aside (learned in its first pass), and regress with unchanged lexicons must reproduce the
/// baseline exactly, endings set aside as they were, not drift.
/// Writes `(outlet, text)` articles to `dir/c.jsonl` (ids a0, a1, ...), runs `analyze` into
/// `dir/base` and returns its report.json.
fn analyze_into_base(dir: &std::path::Path, articles: &[(String, String)]) -> Value {
    let mut corpus = String::new();
    for (i, (outlet, text)) in articles.iter().enumerate() {
        corpus.push_str(
            &serde_json::json!({"id": format!("a{i}"), "outlet": outlet, "text": text}).to_string(),
        );
        corpus.push('\n');
    }
    std::fs::write(dir.join("c.jsonl"), corpus).unwrap();
    let (code, _, err) = crate::run(&["analyze", "c.jsonl", "--out", "base", "-q"], dir);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&std::fs::read_to_string(dir.join("base/report.json")).unwrap()).unwrap()
}

#[test]
fn unchanged_lexicons_reproduce_a_baseline_with_recurring_endings() {
    let dir = tmp();
    let footer = "Follow us on Telegram and share this story with your friends, the regime will not stop us.";
    let articles: Vec<(String, String)> = (0..8)
        .map(|i| {
            let text = format!(
                "Syrian government forces shelled the town of Douma on day {i}, the Observatory said.\n\
                 Rebels said the regime used barrel bombs against civilians in the area.\n{footer}"
            );
            ("etilaf".to_string(), text)
        })
        .collect();
    let report = analyze_into_base(dir.path(), &articles);
    assert_eq!(
        report["provenance"]["recurring"].as_array().map(Vec::len),
        Some(1),
        "the footer is learned"
    );
    let (code, out, err) = crate::run(
        &[
            "regress",
            "c.jsonl",
            "--baseline",
            "base",
            "--out",
            "rg",
            "-q",
        ],
        dir.path(),
    );
    assert_eq!(code, 0, "{out}{err}");
    let all = format!("{out}{err}");
    assert!(
        all.contains("PASS: 0 of ") && all.contains("metrics moved"),
        "{all}"
    );
    assert!(
        !all.contains("drift") && !all.contains("already differ"),
        "{all}"
    );
}

/// A `not_near` condition (geopolitics: "bombing" near a car or suicide bomb is not an air
/// raid) decides with the sentences around the use, and `regress` names the changed context
/// table as the reason a sentence moved.
#[test]
fn bombing_near_a_car_bomb_is_not_an_air_raid_and_regress_explains_the_context_change() {
    let dir = tmp();
    let articles = [
        "A car bomb exploded near the police headquarters in Qamishli on Monday. Officials gave a \
         toll of 44 dead in the bombing. Residents fled the area.",
        "Russian jets pounded the outskirts of Idlib on Monday. Officials gave a toll of 44 dead \
         in the bombing. Residents fled the area.",
    ];
    let articles: Vec<(String, String)> = articles
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("o{i}"), t.to_string()))
        .collect();
    let report = analyze_into_base(dir.path(), &articles);
    let bombing = |voice: &str| -> u64 {
        report["labels"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| {
                x["scope"] == "voice"
                    && x["concept"] == "military_action"
                    && x["label"] == "bombing"
                    && x["voice"] == voice
            })
            .map(|x| x["count"].as_u64().unwrap())
            .sum()
    };
    assert_eq!(
        (bombing("o0"), bombing("o1")),
        (0, 1),
        "{:#}",
        report["labels"]
    );
    // The bundled lexicon without its not_near list, under the same name: the car bomb's
    // "bombing" counts again, and regress says which table moved it.
    let lex = std::fs::read_to_string(root().join("lexicons/geopolitics.toml")).unwrap();
    // (The car bomb's list is the first written over several lines.)
    let start = lex
        .find("not_near = [\n")
        .expect("geopolitics has a not_near list");
    let end = start + lex[start..].find("]\n").unwrap() + 2;
    let edited = format!("{}{}", &lex[..start], &lex[end..]);
    std::fs::write(dir.path().join("geopolitics.toml"), edited).unwrap();
    let (code, out, err) = crate::run(
        &[
            "regress",
            "c.jsonl",
            "--baseline",
            "base",
            "--lexicon",
            "geopolitics.toml",
            "--out",
            "rg",
            "-q",
        ],
        dir.path(),
    );
    let all = format!("{out}{err}");
    assert!(code == 0 || code == 1, "{all}");
    assert!(
        all.contains("1 sentence(s) in 1 article(s) changed"),
        "{all}"
    );
    let why = all
        .split("entries that changed sentences:")
        .nth(1)
        .unwrap_or_else(|| panic!("no entries section: {all}"));
    assert!(
        why.lines()
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            .any(|l| l.contains("1  geopolitics: ~ label_set.military_action context bombing")),
        "{all}"
    );
}
