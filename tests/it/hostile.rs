//! Hostile and odd inputs found by a red team: numeric flags out of range, byte order marks,
//! made-up ids, unreadable dates, bidi controls in every field that reaches HTML, and the
//! worst-case article size.

use crate::{root, run};
use std::path::Path;

fn rec(id: Option<&str>, outlet: &str, date: &str, text: &str) -> String {
    let mut v = serde_json::json!({"outlet": outlet, "date": date, "text": text});
    if let Some(i) = id {
        v["id"] = serde_json::json!(i);
    }
    format!("{v}\n")
}

fn report(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap()).unwrap()
}

#[test]
fn numeric_flags_out_of_range_are_usage_errors() {
    let seeds = "fixtures/seeds";
    for args in [
        vec!["kwic", seeds, "--actor", "Lavrov", "--width", "65536"],
        vec!["kwic", seeds, "--actor", "Lavrov", "--width", "0"],
        vec!["analyze", seeds, "-j", "30000", "--out", "/nonexistent/x"],
        vec!["analyze", seeds, "-j", "0", "--out", "/nonexistent/x"],
        vec![
            "analyze",
            seeds,
            "--evidence",
            "0",
            "--out",
            "/nonexistent/x",
        ],
        vec![
            "analyze",
            seeds,
            "--evidence",
            "99999999",
            "--out",
            "/nonexistent/x",
        ],
        vec!["actors", seeds, "--max-article-bytes", "0"],
        vec!["actors", seeds, "--max-article-bytes", "99999999999999"],
        vec![
            "regress",
            "--baseline",
            "reports/seeds/report.json",
            seeds,
            "--tolerance",
            "NaN",
        ],
        vec![
            "regress",
            "--baseline",
            "reports/seeds/report.json",
            seeds,
            "--top",
            "100000000",
        ],
    ] {
        let (code, out, err) = run(&args, &root());
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.contains("error:"), "{args:?}: {err}");
    }
    // The largest width in range works.
    let (code, _, err) = run(
        &["kwic", seeds, "--actor", "Lavrov", "--width", "1000"],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_byte_order_mark_alone_or_before_a_blank_line_is_no_record() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bom.jsonl"), b"\xEF\xBB\xBF").unwrap();
    let (code, _, err) = run(&["actors", "bom.jsonl"], dir.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("read 0 = analysed 0 + skipped 0"), "{err}");
    let mut bytes = b"\xEF\xBB\xBF\n".to_vec();
    bytes.extend(rec(Some("a"), "tass", "2021-03-01", "Lavrov spoke in Moscow.").as_bytes());
    std::fs::write(dir.path().join("bom2.jsonl"), bytes).unwrap();
    let (code, _, err) = run(&["actors", "bom2.jsonl", "--strict"], dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("read 1 = analysed 1 + skipped 0"), "{err}");
}

#[test]
fn made_up_ids_are_unique_per_input_path() {
    let dir = tempfile::tempdir().unwrap();
    for (year, text) in [
        ("y2020", "Lavrov met Zarif in Moscow on Monday."),
        ("y2021", "Assad met Putin in Sochi on Tuesday."),
    ] {
        std::fs::create_dir(dir.path().join(year)).unwrap();
        std::fs::write(
            dir.path().join(year).join("articles.jsonl"),
            rec(None, "tass", "2021-01-01", text),
        )
        .unwrap();
    }
    let (code, _, err) = run(
        &[
            "analyze",
            "y2020/articles.jsonl",
            "y2021/articles.jsonl",
            "--out",
            "r",
        ],
        dir.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("read 2 = analysed 2 + skipped 0"), "{err}");
}

#[test]
fn unreadable_dates_are_counted_and_left_out_of_the_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let dates = [
        "yesterday",
        "2021-13-45",
        "-2021-01-01",
        "99999-01-01",
        "03/04/2021",
        "2021-03-01",
        "March 3, 2021",
        "Mon, 01 Mar 2021 10:00:00 +0000",
    ];
    let mut lines = String::new();
    for (i, d) in dates.iter().enumerate() {
        lines.push_str(&rec(
            Some(&format!("a{i}")),
            "tass",
            d,
            &format!("Lavrov condemned the brutal attack on Iran number {i}."),
        ));
    }
    std::fs::write(dir.path().join("d.jsonl"), lines).unwrap();
    let (code, _, err) = run(&["analyze", "d.jsonl", "--out", "r"], dir.path());
    assert_eq!(code, 0, "{err}");
    let r = report(&dir.path().join("r"));
    assert_eq!(r["accounting"]["unparsed_dates"], 5);
    let months: Vec<&str> = r["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["month"].as_str().unwrap())
        .collect();
    assert!(!months.is_empty());
    assert!(months.iter().all(|m| *m == "2021-03"), "{months:?}");
    let html = std::fs::read_to_string(dir.path().join("r/index.html")).unwrap();
    assert!(
        html.contains("5 dates could not be read"),
        "accounting line"
    );
}

/// Bidi controls never reach the HTML report, whatever field carries them.
#[test]
fn bidi_controls_are_dropped_from_every_html_field() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "\u{202E}evil\u{202D}x\u{2066}y\u{2069}";
    let mut lines = String::new();
    for i in 0..3 {
        let v = serde_json::json!({
            "id": format!("{evil}{i}"),
            "outlet": format!("tass{evil}"),
            "title": format!("Title {evil}"),
            "date": format!("2021-03-0{}{evil}", i + 1),
            "url": format!("https://example.org/{i}{evil}"),
            "text": format!("Lavrov{evil} condemned the brutal attack on Iran. \"We reject the {evil} aggression,\" Zarif{evil} said {i}."),
        });
        lines.push_str(&format!("{v}\n"));
    }
    std::fs::write(dir.path().join("b.jsonl"), lines).unwrap();
    let (code, _, err) = run(&["analyze", "b.jsonl", "--out", "r"], dir.path());
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(dir.path().join("r/index.html")).unwrap();
    for c in ['\u{202E}', '\u{202D}', '\u{2066}', '\u{2069}'] {
        assert!(!html.contains(c), "U+{:04X} in index.html", c as u32);
    }
    assert!(
        html.contains("tassevilxy"),
        "the outlet is shown without its controls"
    );
}

/// A 1 MiB article of quoted, attributed sentences (many sentences, many hits, many scare
/// quotes) is analysed with every sentence accounted for. The time it takes, also for the
/// 8 MiB that the default `--max-article-bytes` admits, is measured in `benches/` (never timed
/// here).
#[test]
fn a_large_article_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    let mut n = 0;
    while text.len() < (1 << 20) - 200 {
        text.push_str(&format!(
            "Lavrov condemned the brutal \"terrorist\" attack number {n} on Iran, and Zarif praised Russia. "
        ));
        n += 1;
        if n % 20 == 0 {
            text.push_str("\n\n");
        }
    }
    std::fs::write(
        dir.path().join("big.jsonl"),
        rec(Some("big"), "tass", "2021-03-01", &text),
    )
    .unwrap();
    let (code, _, err) = run(
        &["analyze", "big.jsonl", "--out", "r", "-j", "1"],
        dir.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("read 1 = analysed 1 + skipped 0"), "{err}");
    let r = report(&dir.path().join("r"));
    assert_eq!(r["accounting"]["sentences"], n);
}
