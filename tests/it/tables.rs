//! `tables/*.csv` (issue 17): tidy tables that agree with report.json row for row, with text
//! cells escaped against formula injection.

use super::run;

fn read_csv(path: &std::path::Path) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_path(path).unwrap();
    r.records().map(|x| x.unwrap()).collect()
}

#[test]
fn tables_agree_with_report_json_and_escape_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut corpus = String::new();
    for i in 0..6 {
        for (outlet, words) in [("=HYPERLINK(\"x\")", "regime"), ("beta", "government")] {
            corpus.push_str(
                &serde_json::json!({"id": format!("{outlet}{i}"), "outlet": outlet,
                    "text": format!("The Syrian {words} shelled the town of Douma on Monday. Residents of district {i} counted the dead.")})
                .to_string(),
            );
            corpus.push('\n');
        }
    }
    corpus.push_str("not json\n");
    std::fs::write(d.join("c.jsonl"), corpus).unwrap();
    let (code, _, err) = run(&["analyze", "c.jsonl", "--out", "r"], d);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("r/report.json")).unwrap()).unwrap();
    let labels = read_csv(&d.join("r/tables/labels.csv"));
    let json_labels = report["labels"].as_array().unwrap();
    assert_eq!(labels.len(), json_labels.len());
    for (row, j) in labels.iter().zip(json_labels) {
        assert_eq!(&row[1], j["scope"].as_str().unwrap());
        assert_eq!(row[4].parse::<u64>().unwrap(), j["count"].as_u64().unwrap());
        assert_eq!(row[6].parse::<f64>().unwrap(), j["share"].as_f64().unwrap());
    }
    // The hostile outlet name is escaped where it is text, never changed in report.json.
    let voices = read_csv(&d.join("r/tables/voices.csv"));
    assert!(
        voices
            .iter()
            .any(|r| &r[0] == "'=hyperlink(\"x\")" || &r[0] == "'=HYPERLINK(\"x\")"),
        "{voices:?}"
    );
    assert!(voices.iter().all(|r| !r[0].starts_with('=')));
    let findings = read_csv(&d.join("r/tables/findings.csv"));
    assert_eq!(findings.len(), report["findings"].as_array().unwrap().len());
    assert!(
        !findings.is_empty(),
        "six articles on each side make a finding"
    );
    let skips = read_csv(&d.join("r/tables/skips.csv"));
    assert_eq!(skips.len(), 1);
    assert_eq!(&skips[0][1], "13");
    assert_eq!(&skips[0][3], "invalid-json");
    for name in ["frames", "stance", "keyness", "similarity", "actors"] {
        assert!(d.join(format!("r/tables/{name}.csv")).exists(), "{name}");
    }
}
