//! Input order: the same inputs in another order give the same report. See "Invariants" in
//! ARCHITECTURE.md for what order still decides (which of two duplicates is kept).

use crate::{files, fixture, root, run};
use std::collections::BTreeMap;
use std::path::Path;

/// A fixture folder's articles as JSONL lines (id, outlet, date, title, text).
fn jsonl_lines(folder: &str) -> Vec<String> {
    let stream =
        framelens::corpus::open(&fixture(folder), &framelens::corpus::LoadOptions::default())
            .unwrap();
    stream
        .map(|r| {
            let a = r.unwrap();
            serde_json::json!({"id": a.id, "outlet": a.outlet, "date": a.date, "title": a.title, "text": a.text})
                .to_string()
        })
        .collect()
}

fn write(path: &Path, lines: &[String]) {
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

/// Every file of a report folder by relative path.
fn report(dir: &Path, inputs: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let out = dir.join("out");
    let mut args = vec!["analyze"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["--out", out.to_str().unwrap()]);
    let (code, _, err) = run(&args, dir);
    assert_eq!(code, 0, "{err}");
    let files = files(&out);
    std::fs::remove_dir_all(&out).unwrap();
    files
}

#[test]
fn swapped_input_files_give_byte_identical_reports() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.jsonl"), &jsonl_lines("seeds"));
    write(&dir.path().join("b.jsonl"), &jsonl_lines("hard"));
    // A third input with skips, so that the skip list's order is tested too.
    std::fs::copy(
        root().join("fixtures/bad/invalid_json.jsonl"),
        dir.path().join("c.jsonl"),
    )
    .unwrap();
    // A fourth whose first article repeats one of a.jsonl's texts under another id: which copy
    // is kept (and which is the duplicate skip) must not depend on the order given.
    let first_line: serde_json::Value = serde_json::from_str(&jsonl_lines("seeds")[0]).unwrap();
    let copy = serde_json::json!({"id": "copy-1", "outlet": "tass", "text": first_line["text"]});
    write(&dir.path().join("d.jsonl"), &[copy.to_string()]);
    let first = report(dir.path(), &["a.jsonl", "b.jsonl", "c.jsonl", "d.jsonl"]);
    let second = report(dir.path(), &["d.jsonl", "c.jsonl", "b.jsonl", "a.jsonl"]);
    assert!(first.contains_key("report.json") && first.contains_key("index.html"));
    for (name, bytes) in &first {
        assert!(second.get(name) == Some(bytes), "{name} differs");
    }
    assert_eq!(first.len(), second.len());
}

/// Shuffled lines: every number, chart and evidence item is the same. What cannot be the same
/// is where each record is, so the input's SHA-256 and the line numbers of flags and skips are
/// set aside before comparing.
#[test]
fn shuffled_lines_give_the_same_report_but_for_input_hash_and_lines() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("1"), dir.path().join("2"));
    std::fs::create_dir_all(&one).unwrap();
    std::fs::create_dir_all(&two).unwrap();
    let mut lines = jsonl_lines("seeds");
    lines.extend(jsonl_lines("hard"));
    lines.push(r#"{"outlet": "tass", "text": "#.to_string());
    write(&one.join("corpus.jsonl"), &lines);
    // A fixed shuffle: reversed, then rotated.
    let mut shuffled: Vec<String> = lines.iter().rev().cloned().collect();
    shuffled.rotate_left(5);
    assert_ne!(shuffled, lines);
    write(&two.join("corpus.jsonl"), &shuffled);
    let a = report(&one, &["corpus.jsonl"]);
    let b = report(&two, &["corpus.jsonl"]);
    let mask = |bytes: &[u8]| {
        let mut v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        for input in v["provenance"]["inputs"].as_array_mut().unwrap() {
            input["sha256"] = "masked".into();
        }
        for list in ["flags", "skips"] {
            let items = match list {
                "flags" => v["flags"].as_array_mut(),
                _ => v["accounting"]["skips"].as_array_mut(),
            };
            let Some(items) = items else { continue };
            for item in items.iter_mut() {
                item["line"] = serde_json::Value::Null;
                // A skip's reason gives its byte offset in the file.
                if list == "skips" {
                    item["reason"] = serde_json::Value::Null;
                }
            }
            // Flags and skips are listed in file order: compare them as sets.
            items.sort_by_key(|i| i.to_string());
        }
        v
    };
    assert!(
        a["report.json"] != b["report.json"],
        "the shuffle changed nothing"
    );
    let (ma, mb) = (mask(&a["report.json"]), mask(&b["report.json"]));
    for (k, v) in ma.as_object().unwrap() {
        assert!(mb.get(k) == Some(v), "report.json: {k} differs");
    }
    assert_eq!(ma, mb);
    for (name, bytes) in &a {
        if name.starts_with("charts/") {
            assert!(b.get(name) == Some(bytes), "{name} differs");
        }
    }
}

/// Skips and flags beyond the report's sample: report.json counts them all and lists the first
/// 200 by line; skips.jsonl and flags.jsonl hold every one, in read order, byte-identical for
/// any thread count.
#[test]
fn every_skip_and_flag_streams_to_its_file_in_read_order_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let good = jsonl_lines("seeds");
    let bad = framelens::analysis::aggregate::LIST_SAMPLE * 2 + 50;
    let mut lines = Vec::new();
    for i in 0..bad {
        lines.push(format!(
            "{{\"id\": \"bad-{i}\", \"outlet\": \"tass\", \"text\": {i}}}"
        ));
        if let Some(g) = good.get(i) {
            lines.push(g.clone());
        }
    }
    write(&dir.path().join("a.jsonl"), &lines);
    let mut outs = Vec::new();
    for threads in ["1", "3"] {
        let out = dir.path().join(format!("out-{threads}"));
        let (code, _, err) = run(
            &[
                "analyze",
                "a.jsonl",
                "--out",
                out.to_str().unwrap(),
                "-j",
                threads,
            ],
            dir.path(),
        );
        assert_eq!(code, 0, "{err}");
        outs.push(files(&out));
    }
    assert_eq!(
        outs[0], outs[1],
        "the report folder depends on the thread count"
    );
    let f = &outs[0];
    let report: serde_json::Value = serde_json::from_slice(&f["report.json"]).unwrap();
    let acc = &report["accounting"];
    assert_eq!(acc["skipped"], bad as u64);
    let listed = acc["skips"].as_array().unwrap();
    assert_eq!(listed.len(), framelens::analysis::aggregate::LIST_SAMPLE);
    let all: Vec<serde_json::Value> = std::str::from_utf8(&f["skips.jsonl"])
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(all.len(), bad, "skips.jsonl lists every skip");
    let line_of = |s: &serde_json::Value| s["line"].as_u64().unwrap();
    assert!(
        all.windows(2).all(|w| line_of(&w[0]) < line_of(&w[1])),
        "skips.jsonl is in read order"
    );
    assert_eq!(
        &all[..listed.len()],
        &listed[..],
        "report.json lists the first skips"
    );
    // The spun seed is flagged: listed in report.json, counted, and in flags.jsonl.
    let flags: Vec<serde_json::Value> = std::str::from_utf8(&f["flags.jsonl"])
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!flags.is_empty());
    assert_eq!(report["flags"].as_array().unwrap(), &flags);
    assert_eq!(report["flagged"]["low-cohesion"], flags.len() as u64);
    let html = String::from_utf8(f["index.html"].clone()).unwrap();
    assert!(html.contains(&format!("Skipped records ({bad})")));
    assert!(html.contains("lists every one in skips.jsonl"));
}
