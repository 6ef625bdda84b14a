//! The cluster path (issue 16): `map` on parts of a corpus, `merge` in any order, `report` gives
//! the same report folder, byte for byte, as `analyze` on the whole corpus.

use super::{files, fixture, run};
use std::path::Path;

/// The five seed articles as two JSONL parts: three and two.
fn parts(dir: &Path) {
    let mut a = String::new();
    let mut b = String::new();
    let mut names: Vec<_> = std::fs::read_dir(fixture("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for (i, p) in names.iter().enumerate() {
        let text = std::fs::read_to_string(p).unwrap();
        let outlet = ["tasnim", "afp", "jpost", "presstv", "irna"][i % 5];
        let line = serde_json::json!({
            "id": p.file_stem().unwrap().to_string_lossy(),
            "outlet": outlet,
            "date": "2017-04-0".to_string() + &(i + 1).to_string(),
            "text": text,
        });
        let part = if i < 3 { &mut a } else { &mut b };
        part.push_str(&line.to_string());
        part.push('\n');
    }
    std::fs::write(dir.join("a.jsonl"), a).unwrap();
    std::fs::write(dir.join("b.jsonl"), b).unwrap();
}

fn ok(args: &[&str], dir: &Path) {
    let (code, _, err) = run(args, dir);
    assert_eq!(code, 0, "{args:?}: {err}");
}

#[test]
fn map_merge_report_equals_analyze_in_any_merge_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    parts(d);
    ok(&["analyze", "a.jsonl", "b.jsonl", "--out", "whole"], d);
    ok(&["map", "a.jsonl", "--out", "a.shard", "-j", "2"], d);
    ok(&["map", "b.jsonl", "--out", "b.shard", "-j", "1"], d);
    ok(&["merge", "a.shard", "b.shard", "--out", "ab.shard"], d);
    ok(&["merge", "b.shard", "a.shard", "--out", "ba.shard"], d);
    assert_eq!(
        std::fs::read(d.join("ab.shard")).unwrap(),
        std::fs::read(d.join("ba.shard")).unwrap(),
        "merging is order-free down to the bytes"
    );
    ok(&["report", "ba.shard", "--out", "merged"], d);
    let mut whole = files(&d.join("whole"));
    let merged = files(&d.join("merged"));
    // Only `analyze` streams the complete lists (a `map` task writes no side files).
    for list in ["skips.jsonl", "flags.jsonl"] {
        assert!(whole.remove(list).is_some(), "analyze writes {list}");
    }
    assert_eq!(
        whole.keys().collect::<Vec<_>>(),
        merged.keys().collect::<Vec<_>>()
    );
    for (k, v) in &whole {
        assert!(
            v == &merged[k],
            "{k} differs between analyze and map/merge/report"
        );
    }
}

/// The report folders of `analyze` and of `map`/`merge`/`report` under `d`: the same files,
/// byte for byte (only `analyze` streams the complete lists of skips and flags).
fn same_reports(d: &Path, whole: &str, merged: &str) -> bool {
    let mut whole = files(&d.join(whole));
    let merged = files(&d.join(merged));
    for list in ["skips.jsonl", "flags.jsonl"] {
        whole.remove(list);
    }
    whole == merged
}

#[test]
fn duplicates_across_parts_are_skipped_with_the_whole_corpus_list() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    parts(d);
    // Part b repeats the text of part a's first article under another id, and part a's second
    // article's id with another text; a third part repeats part b's first text.
    let a = std::fs::read_to_string(d.join("a.jsonl")).unwrap();
    let b = std::fs::read_to_string(d.join("b.jsonl")).unwrap();
    let rec = |line: &str| serde_json::from_str::<serde_json::Value>(line).unwrap();
    let (a0, a1, b0) = (
        rec(a.lines().next().unwrap()),
        rec(a.lines().nth(1).unwrap()),
        rec(b.lines().next().unwrap()),
    );
    let mut copy = a0.clone();
    copy["id"] = "copy-of-a0".into();
    let mut same_id = b0.clone();
    same_id["id"] = a1["id"].clone();
    same_id["text"] = "An update to an earlier story about Syria.".into();
    std::fs::write(d.join("b.jsonl"), format!("{b}{copy}\n{same_id}\n")).unwrap();
    let mut c = b0.clone();
    c["id"] = "copy-of-b0".into();
    std::fs::write(d.join("c.jsonl"), format!("{c}\n")).unwrap();
    let inputs = ["a.jsonl", "b.jsonl", "c.jsonl"];
    let mut args = vec!["analyze"];
    args.extend(inputs);
    args.extend(["--out", "whole"]);
    ok(&args, d);
    let skips = std::fs::read_to_string(d.join("whole/skips.jsonl")).unwrap();
    assert_eq!(skips.lines().count(), 3, "{skips}");
    let mut args = vec!["recurring"];
    args.extend(inputs);
    args.extend(["--out", "lines.json", "--duplicates", "dups.jsonl"]);
    ok(&args, d);
    assert_eq!(
        std::fs::read_to_string(d.join("dups.jsonl")).unwrap(),
        skips,
        "the list holds the skips of analyze, with their reasons"
    );
    for (p, with) in inputs.iter().zip(["a.shard", "b.shard", "c.shard"]) {
        let common = ["map", p, "--recurring", "lines.json"];
        let mut args = common.to_vec();
        args.extend(["--duplicates", "dups.jsonl", "--out", with]);
        ok(&args, d);
        let alone = format!("{with}.alone");
        let mut args = common.to_vec();
        args.extend(["--out", alone.as_str()]);
        ok(&args, d);
    }
    ok(
        &["merge", "c.shard", "a.shard", "b.shard", "--out", "m.shard"],
        d,
    );
    ok(&["report", "m.shard", "--out", "merged"], d);
    assert!(same_reports(d, "whole", "merged"));
    // Each part alone finds no duplicate: the two repeats are counted as articles.
    ok(
        &[
            "merge",
            "a.shard.alone",
            "b.shard.alone",
            "c.shard.alone",
            "--out",
            "alone.shard",
        ],
        d,
    );
    ok(&["report", "alone.shard", "--out", "alone"], d);
    assert!(!same_reports(d, "whole", "alone"));
    // Parts mapped with and without the list do not merge.
    let (code, _, err) = run(
        &["merge", "a.shard", "b.shard.alone", "--out", "x.shard"],
        d,
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--duplicates dups.jsonl"), "{err}");
    // Standard input has no lines to name: the list is refused there.
    let (code, _, err) = run(
        &["map", "-", "--duplicates", "dups.jsonl", "--out", "y.shard"],
        d,
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("standard input"), "{err}");
}

#[test]
fn shards_of_other_lexicons_do_not_merge_and_report_checks_its_lexicons() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    parts(d);
    let lex = fixture("lexicon-changes/weight-flipped.toml");
    let lex = lex.to_str().unwrap();
    ok(&["map", "a.jsonl", "--out", "a.shard"], d);
    ok(&["map", "b.jsonl", "--out", "b.shard", "--lexicon", lex], d);
    let (code, _, err) = run(&["merge", "a.shard", "b.shard", "--out", "m.shard"], d);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("b.shard cannot be merged with a.shard: lexicons differ"),
        "{err}"
    );
    assert!(!d.join("m.shard").exists());
    // The shard mapped with the flipped lexicon cannot be reported with the bundled ones.
    let (code, _, err) = run(&["report", "b.shard", "--out", "r"], d);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("give `report` the same --lexicon"), "{err}");
    ok(&["report", "b.shard", "--lexicon", lex, "--out", "r"], d);
    // Not a shard: a clear error naming the file.
    std::fs::write(d.join("x.json"), "{\"a\": 1}").unwrap();
    let (code, _, err) = run(&["report", "x.json", "--out", "r2"], d);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("x.json: not a framelens shard"), "{err}");
}

/// Twelve articles of one outlet with a footer sentence, six per part.
fn footer_parts(dir: &Path) {
    for (name, range) in [("p.jsonl", 0..6), ("q.jsonl", 6..12)] {
        let mut s = String::new();
        for i in range {
            let text = format!(
                "Russian jets struck Idlib on day {i}, the Syrian Observatory said, and Lavrov spoke in Moscow.\n\nFollow the Daily Wire on all of its channels for the latest news."
            );
            let line = serde_json::json!({"id": format!("w{i}"), "outlet": "wire", "text": text});
            s.push_str(&line.to_string());
            s.push('\n');
        }
        std::fs::write(dir.join(name), s).unwrap();
    }
}

/// Recurring lines learned by each part differ from those of the whole corpus: `merge` refuses
/// and says how to learn them once; with one `framelens recurring` file for every map, the
/// merged report equals `analyze` of the whole corpus, which learns the same lines itself.
#[test]
fn recurring_lines_are_learned_once_for_a_cluster_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    footer_parts(d);
    ok(&["map", "p.jsonl", "--out", "p.shard"], d);
    ok(
        &["map", "q.jsonl", "--out", "q.shard", "--recurring", "off"],
        d,
    );
    let (code, _, err) = run(&["merge", "p.shard", "q.shard", "--out", "pq.shard"], d);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("framelens recurring INPUT... --out lines.json"),
        "{err}"
    );
    ok(
        &["recurring", "p.jsonl", "q.jsonl", "--out", "lines.json"],
        d,
    );
    let lines = std::fs::read_to_string(d.join("lines.json")).unwrap();
    assert!(
        lines.contains("Follow the Daily Wire on all of its channels"),
        "{lines}"
    );
    ok(
        &[
            "map",
            "p.jsonl",
            "--out",
            "p2.shard",
            "--recurring",
            "lines.json",
        ],
        d,
    );
    ok(
        &[
            "map",
            "q.jsonl",
            "--out",
            "q2.shard",
            "--recurring",
            "lines.json",
        ],
        d,
    );
    ok(&["merge", "q2.shard", "p2.shard", "--out", "m.shard"], d);
    ok(&["report", "m.shard", "--out", "merged"], d);
    ok(&["analyze", "p.jsonl", "q.jsonl", "--out", "whole"], d);
    let mut whole = files(&d.join("whole"));
    let merged = files(&d.join("merged"));
    for list in ["skips.jsonl", "flags.jsonl"] {
        whole.remove(list);
    }
    assert_eq!(whole, merged, "the cluster report equals analyze's");
    let report = String::from_utf8(whole["report.json"].clone()).unwrap();
    assert!(
        report.contains("\"recurring-ending\": 12"),
        "twelve footers set aside"
    );
    let md = String::from_utf8(whole["report.md"].clone()).unwrap();
    assert!(
        md.contains(
            "recurring ending of wire (12 of 12 articles), set aside: \u{201C}Follow the Daily Wire"
        ),
        "the report shows what was set aside: {md}"
    );
}

/// Collects the objects of a JSON document, down to `levels` levels of nested maps, whose keys
/// are not in sorted order (serde's visitor sees each object's keys in the order they are
/// written); below that, values (structs whose fields keep their declaration order) are skipped.
struct SortedKeys<'a> {
    unsorted: &'a mut Vec<String>,
    levels: usize,
}

impl<'de> serde::de::DeserializeSeed<'de> for SortedKeys<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.levels == 0 {
            return <serde::de::IgnoredAny as serde::Deserialize>::deserialize(d).map(|_| ());
        }
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for SortedKeys<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<(), A::Error> {
        let mut keys: Vec<String> = Vec::new();
        while let Some(k) = m.next_key::<String>()? {
            m.next_value_seed(SortedKeys {
                unsorted: &mut *self.unsorted,
                levels: self.levels - 1,
            })?;
            keys.push(k);
        }
        if keys.windows(2).any(|w| w[0] > w[1]) {
            self.unsorted.push(keys.join(","));
        }
        Ok(())
    }
}

#[test]
fn a_shard_is_written_with_every_map_of_the_aggregate_in_key_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    parts(d);
    ok(
        &["map", "a.jsonl", "b.jsonl", "--out", "ab.shard", "-j", "2"],
        d,
    );
    let text = std::fs::read_to_string(d.join("ab.shard")).unwrap();
    // The aggregate as the shard's own bytes (no re-serialisation, which would sort them).
    let start = text.find("\"aggregate\":").unwrap() + "\"aggregate\":".len();
    let mut de = serde_json::Deserializer::from_str(&text[start..]);
    let raw: Box<serde_json::value::RawValue> = serde::Deserialize::deserialize(&mut de).unwrap();
    let fields: std::collections::BTreeMap<String, Box<serde_json::value::RawValue>> =
        serde_json::from_str(raw.get()).unwrap();
    let mut unsorted = Vec::new();
    // Each map field of the aggregate and its levels of maps (voice -> actor -> cell, ...).
    for (field, levels) in [
        ("voices", 1),
        ("outlets", 1),
        ("actors", 1),
        ("frames", 1),
        ("stance", 2),
        ("timeline", 2),
        ("labels", 2),
        ("labels_by_outlet", 2),
        ("terms", 2),
        ("context", 3),
    ] {
        let value = fields[field].get();
        let keys = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(value);
        assert!(keys.unwrap().len() > 1, "{field} has keys to order");
        let mut de = serde_json::Deserializer::from_str(value);
        serde::de::DeserializeSeed::deserialize(
            SortedKeys {
                unsorted: &mut unsorted,
                levels,
            },
            &mut de,
        )
        .unwrap();
    }
    assert!(unsorted.is_empty(), "maps not in key order: {unsorted:?}");
}

/// Runs the binary with `input` on standard input; returns (exit code, stdout bytes, stderr).
fn piped(args: &[&str], dir: &Path, input: &[u8]) -> (i32, Vec<u8>, String) {
    use std::io::Write;
    let mut child = std::process::Command::new(super::bin())
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // A command that refuses its flags exits before reading: the pipe may break.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn map_merge_and_report_read_and_write_standard_streams() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    parts(d);
    let a = std::fs::read(d.join("a.jsonl")).unwrap();
    // JSONL on standard input, the shard on standard output: the same bytes as a shard file.
    let (code, shard, err) = piped(&["map", "-", "--out", "-"], d, &a);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = piped(&["map", "-", "--out", "a.shard"], d, &a);
    assert_eq!(code, 0, "{err}");
    assert_eq!(shard, std::fs::read(d.join("a.shard")).unwrap());
    assert!(!d.join("-").exists(), "- is standard output, not a file");
    ok(&["map", "b.jsonl", "--out", "b.shard"], d);
    // A shard from standard input merges as from its file, and the merge can go to stdout.
    let (code, merged, err) = piped(&["merge", "b.shard", "-", "--out", "-"], d, &shard);
    assert_eq!(code, 0, "{err}");
    ok(&["merge", "b.shard", "a.shard", "--out", "ba.shard"], d);
    assert_eq!(merged, std::fs::read(d.join("ba.shard")).unwrap());
    let (code, _, err) = piped(&["report", "-", "--out", "piped"], d, &merged);
    assert_eq!(code, 0, "{err}");
    ok(&["report", "ba.shard", "--out", "filed"], d);
    assert_eq!(files(&d.join("piped")), files(&d.join("filed")));
    // Standard input holds one shard; something else there is named as such.
    let (code, _, err) = piped(&["merge", "-", "-", "--out", "x.shard"], d, &shard);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("more than once"), "{err}");
    let (code, _, err) = piped(&["merge", "-", "b.shard", "--out", "x.shard"], d, b"{oops");
    assert_ne!(code, 0);
    assert!(
        err.contains("standard input: not a framelens shard"),
        "{err}"
    );
}

#[test]
fn a_shard_lost_on_a_closed_standard_output_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    parts(d);
    // The reading end is closed before `map` writes: its shard cannot arrive, exit 1.
    let mut child = std::process::Command::new(super::bin())
        .args(["map", "a.jsonl", "--out", "-"])
        .current_dir(d)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("binary runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot write the shard to standard output"),
        "{err}"
    );
}
