//! The summary's findings (issue 14): only differences between the outlets' own voices that
//! rest on enough articles on each side and whose article-level interval excludes zero.

use super::run;
use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;

/// `n` articles of `outlet`, each saying `sentence` with some varied filler.
fn articles(out: &mut String, outlet: &str, n: usize, sentence: &str) {
    for i in 0..n {
        let text = format!(
            "{sentence} Residents of district {i} said the shelling lasted {} hours. Aid workers counted the damage on the road number {i}.",
            i + 2
        );
        writeln!(
            out,
            "{}",
            serde_json::json!({"id": format!("{outlet}-{i}"), "outlet": outlet, "date": "2018-03-01", "title": format!("Report {i}"), "text": text})
        )
        .unwrap();
    }
}

fn analyze(dir: &Path, corpus: &str, extra: &[&str]) -> (Value, String) {
    std::fs::write(dir.join("c.jsonl"), corpus).unwrap();
    let mut args = vec!["analyze", "c.jsonl", "--out", "r"];
    args.extend_from_slice(extra);
    let (code, _, err) = run(&args, dir);
    assert_eq!(code, 0, "{err}");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("r/report.json")).unwrap()).unwrap();
    let md = std::fs::read_to_string(dir.join("r/report.md")).unwrap();
    (json, md)
}

fn summary(md: &str) -> &str {
    let start = md.find("## Summary").unwrap();
    let end = md[start + 3..].find("\n## ").unwrap() + start + 3;
    &md[start..end]
}

#[test]
fn a_difference_on_enough_articles_is_a_finding_with_its_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = String::new();
    articles(
        &mut c,
        "alpha",
        6,
        "The Syrian regime shelled the town of Douma on Monday.",
    );
    articles(
        &mut c,
        "beta",
        6,
        "The Syrian government shelled the town of Douma on Monday.",
    );
    let (json, md) = analyze(dir.path(), &c, &[]);
    let findings = json["findings"].as_array().unwrap();
    let label: Vec<&Value> = findings.iter().filter(|f| f["kind"] == "label").collect();
    assert_eq!(label.len(), 1, "{findings:#?}");
    let f = label[0];
    assert_eq!(f["concept"], "syrian_state");
    let high = f["high"]["voice"].as_str().unwrap();
    let low = f["low"]["voice"].as_str().unwrap();
    assert_eq!(
        (high, low),
        if f["label"] == "regime" {
            ("alpha", "beta")
        } else {
            ("beta", "alpha")
        }
    );
    assert_eq!(f["high"]["articles"], 6);
    assert_eq!(f["low"]["articles"], 6);
    assert!(f["ci_low"].as_f64().unwrap() > 0.0);
    assert!(f["difference"].as_f64().unwrap() >= f["ci_low"].as_f64().unwrap());
    let s = summary(&md);
    assert!(s.contains("(6 articles)"), "{s}");
    assert!(s.contains("resting on 12 articles"), "{s}");
    assert!(
        s.contains("Evidence: [alpha](index.html#ev-voice-syrian_state-"),
        "{s}"
    );
    assert!(!s.contains("No difference"), "{s}");
}

#[test]
fn too_few_articles_on_one_side_is_no_finding_and_the_summary_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = String::new();
    articles(
        &mut c,
        "alpha",
        4,
        "The Syrian regime shelled the town of Douma on Monday.",
    );
    articles(
        &mut c,
        "beta",
        8,
        "The Syrian government shelled the town of Douma on Monday.",
    );
    let (json, md) = analyze(dir.path(), &c, &[]);
    assert_eq!(json["findings"].as_array().unwrap().len(), 0);
    assert!(summary(&md).contains("No difference between outlets' own voices holds up"));
    // The same corpus with the threshold lowered by the flag: the difference is found.
    let dir = tempfile::tempdir().unwrap();
    let (json, md) = analyze(dir.path(), &c, &["--min-articles", "3"]);
    assert_eq!(json["findings"].as_array().unwrap().len(), 1, "{md}");
    assert_eq!(json["provenance"]["options"]["min_articles"], 3);
}

#[test]
fn quoted_voices_reach_the_summary_only_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = String::new();
    // Both outlets write "government"; only Lavrov, quoted, says "regime" (about another state).
    articles(&mut c, "alpha", 6, "The Syrian government said on Monday it would attend the talks in Geneva. \"The Syrian regime is finished,\" Sergei Lavrov told reporters.");
    articles(
        &mut c,
        "beta",
        6,
        "The Syrian government said on Monday it would attend the talks in Geneva.",
    );
    let (json, _) = analyze(dir.path(), &c, &[]);
    for f in json["findings"].as_array().unwrap() {
        assert_ne!(f["high"]["voice"], "sergei_lavrov", "{f:#}");
        assert_ne!(f["low"]["voice"], "sergei_lavrov", "{f:#}");
    }
    let dir = tempfile::tempdir().unwrap();
    let (json, _) = analyze(dir.path(), &c, &["--findings-voices", "all"]);
    let voices: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| [&f["high"]["voice"], &f["low"]["voice"]])
        .collect();
    assert!(
        voices
            .iter()
            .any(|v| v.as_str().unwrap().contains("lavrov")),
        "{voices:?}"
    );
}

#[test]
fn an_interval_from_one_article_is_shown_as_one_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = String::new();
    articles(
        &mut c,
        "alpha",
        1,
        "The Syrian regime shelled the town of Douma on Monday.",
    );
    articles(
        &mut c,
        "beta",
        6,
        "The Syrian government shelled the town of Douma on Monday.",
    );
    let (json, md) = analyze(dir.path(), &c, &[]);
    let row = json["labels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["voice"] == "alpha" && r["label"] == "regime" && r["scope"] == "voice")
        .unwrap()
        .clone();
    assert_eq!(row["articles"], 1);
    assert_eq!(row["low_n"], true);
    assert!(md.contains("100 % (one article)"), "{md}");
    assert!(!md.contains("[100 %–100 %]"), "{md}");
    // Six articles that all agree: the open end is the rule-of-three bound, not 100 %.
    let beta = json["labels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["voice"] == "beta" && r["label"] == "government" && r["scope"] == "voice")
        .unwrap()
        .clone();
    assert_eq!(beta["share"], 1.0);
    assert_eq!(beta["ci_low"], 0.5);
}
