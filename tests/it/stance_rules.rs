//! The stance rules as a table: `fixtures/cases/stance_rules.toml`.

use framelens::analysis::Analyzer;
use framelens::span::Span;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    target: String,
    expect: String,
    #[serde(default)]
    rules: Vec<String>,
}

#[test]
fn stance_rule_table() {
    let az = Analyzer::bundled();
    let cases: Cases = toml::from_str(
        &std::fs::read_to_string(crate::fixture("cases/stance_rules.toml")).unwrap(),
    )
    .unwrap();
    let mut fails = Vec::new();
    for c in &cases.case {
        let at = c.text.find(&c.target).expect("target in text");
        let s = framelens::framing::score_target(&az, &c.text, Span::new(at, at + c.target.len()))
            .expect("scored");
        let got = match s.label() {
            1 => "positive",
            -1 => "negative",
            _ => "neutral",
        };
        let missing: Vec<&String> = c
            .rules
            .iter()
            .filter(|r| !s.rules.contains(&r.as_str()))
            .collect();
        if got != c.expect || !missing.is_empty() {
            fails.push(format!(
                "{:?} -> {:?}: expected {} with {:?}, got {} ({:+.3}) with {:?}",
                c.text, c.target, c.expect, c.rules, got, s.score, s.rules
            ));
        }
    }
    assert!(
        fails.is_empty(),
        "{} of {} cases failed:\n{}",
        fails.len(),
        cases.case.len(),
        fails.join("\n")
    );
}

#[test]
fn gold_fixture_beats_always_neutral() {
    let az = Analyzer::bundled();
    let m = framelens::cli::validate_file(&az, &crate::fixture("stance/gold.jsonl")).unwrap();
    assert!(m.n >= 80, "{}", m.n);
    assert!(m.skipped.is_empty(), "{:?}", m.skipped);
    assert!(m.macro_f1 > 0.5, "macro-F1 {}", m.macro_f1);
}
