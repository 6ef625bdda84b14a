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

/// The rules are those of the lexicon scorer: the table is read with the bundled lexicons
/// without the learned layer (which takes the rules' outcome as features among others).
#[test]
fn stance_rule_table() {
    let az = Analyzer::new(
        framelens::lexicon::Gazetteer::bundled(),
        framelens::lexicon::Lexicon::bundled_base(),
        framelens::corpus::boilerplate::Boilerplate::bundled(),
    )
    .unwrap();
    let cases: Cases = toml::from_str(
        &std::fs::read_to_string(crate::fixture("cases/stance_rules.toml")).unwrap(),
    )
    .unwrap();
    let mut fails = Vec::new();
    for c in &cases.case {
        let at = c.text.find(&c.target).expect("target in text");
        let s = framelens::analysis::score_target(&az, &c.text, Span::new(at, at + c.target.len()))
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

/// Scores a gold file through the library (`framelens validate --gold` does the same).
fn score_gold(az: &Analyzer, path: &std::path::Path) -> framelens::validate::Metrics {
    let file = std::fs::File::open(path).unwrap();
    let source = path.display().to_string();
    framelens::validate::score(az, std::io::BufReader::new(file), &source, |_, _, _, _| {}).unwrap()
}

/// The hand-annotated Syria/Russia/Iran set (`docs/gold.md`): the first 121 items, written
/// with the rules, stay well scored; the whole set (888 items added from FA-KES and the seeds
/// before any tuning on them) beats always answering the majority class by a wide margin.
/// The figures per split are in benches/README.md.
#[test]
fn gold_fixture_beats_always_neutral() {
    let az = Analyzer::bundled();
    let path = crate::fixture("stance/gold.jsonl");
    let m = score_gold(&az, &path);
    assert!(m.n >= 400, "{}", m.n);
    assert!(m.skipped.is_empty(), "{:?}", m.skipped);
    // Always answering the most frequent class: F1 2p/(1+p) for that class, 0 for the others.
    let text = std::fs::read_to_string(&path).unwrap();
    let mut counts = [0usize; 3];
    for l in text.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        counts[(v["label"].as_i64().unwrap() + 1) as usize] += 1;
    }
    let p = *counts.iter().max().unwrap() as f64 / m.n as f64;
    let majority = 2.0 * p / (1.0 + p) / 3.0;
    assert!(
        m.macro_f1 > majority + 0.2,
        "macro-F1 {} against {majority} always answering the majority class",
        m.macro_f1
    );
    let dir = tempfile::tempdir().unwrap();
    let first: String = text.lines().take(121).map(|l| format!("{l}\n")).collect();
    std::fs::write(dir.path().join("first.jsonl"), first).unwrap();
    let m = score_gold(&az, &dir.path().join("first.jsonl"));
    assert!(
        m.macro_f1 >= 0.84,
        "first 121 items: macro-F1 {}",
        m.macro_f1
    );
    // The bundled default with the learned stance layer (issue 15), fitted on NewsMTSC train
    // and the dev split: 0.998 on dev (fitted on), 0.617 on test (never fitted on; 0.488 with the
    // lexicons alone), 0.852 on all items, 0.851 on the first 121 (0.909 with the lexicons alone).
    for (split, floor) in [("dev", 0.95), ("test", 0.59)] {
        let lines: String = text
            .lines()
            .filter(|l| l.contains(&format!("\"split\": \"{split}\"")))
            .map(|l| format!("{l}\n"))
            .collect();
        let p = dir.path().join(format!("{split}.jsonl"));
        std::fs::write(&p, lines).unwrap();
        let m = score_gold(&az, &p);
        assert!(m.n >= 300, "{split}: {} items", m.n);
        assert!(m.macro_f1 >= floor, "{split}: macro-F1 {}", m.macro_f1);
    }
    let m = score_gold(&az, &path);
    assert!(m.macro_f1 >= 0.82, "all items: macro-F1 {}", m.macro_f1);
}

/// `[harm]` and `[villains]` are lexicon data: `lexicon diff` lists their terms, and without
/// them the army that kills terrorists is blamed for the killing again.
#[test]
fn harm_and_villain_lists_are_lexicon_data() {
    use framelens::lexicon::Lexicon;
    let text = framelens::lexicon::framing::GEOPOLITICS;
    let cut = text
        .find("\n[harm]")
        .expect("geopolitics has a [harm] list");
    let without = &text[..cut];
    let old = Lexicon::parse(without, "old.toml").unwrap();
    let new = Lexicon::parse(text, "new.toml").unwrap();
    let d = framelens::lexicon::diff::diff(&old, &new);
    let lines: Vec<String> = d.entries.iter().map(|e| e.describe()).collect();
    assert!(lines.iter().any(|l| l == "+ harm \"killed\""), "{lines:?}");
    assert!(
        lines.iter().any(|l| l == "+ villains \"terror*\""),
        "{lines:?}"
    );
    let text_s = "The Syrian army killed dozens of terrorists near Palmyra.";
    let target = Span::new(4, 15);
    let with = framelens::analysis::score_target(&Analyzer::bundled(), text_s, target).unwrap();
    let mut lexicons = Lexicon::bundled();
    framelens::lexicon::framing::add_or_replace(&mut lexicons, old);
    let az = Analyzer::new(
        framelens::lexicon::Gazetteer::bundled(),
        lexicons,
        framelens::corpus::boilerplate::Boilerplate::bundled(),
    )
    .unwrap();
    let without = framelens::analysis::score_target(&az, text_s, target).unwrap();
    assert_eq!((with.label(), without.label()), (1, -1));
}
