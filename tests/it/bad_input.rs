//! Bad input, one fixture (or generated file) each: every record ends as an article or a skip
//! whose message names the file, the line (or byte offset), the field and what to do; the run
//! completes and report.json lists every skip; `--strict` turns the first skip into exit 1;
//! nothing panics.

use crate::{root, run};
use serde_json::Value;
use std::path::Path;

/// What `analyze` did with some inputs.
struct Run {
    code: i32,
    err: String,
    report: Option<Value>,
}

fn analyze(inputs: &[&str], extra: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    let mut args = vec!["analyze"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--out", out.to_str().unwrap()]);
    let (code, _, err) = run(&args, &root());
    assert!(!err.contains("panicked"), "{err}");
    let report = std::fs::read_to_string(out.join("report.json"))
        .ok()
        .map(|s| serde_json::from_str(&s).unwrap());
    Run { code, err, report }
}

/// Runs `analyze` on `input` and checks: exit 0; `read = analysed + skipped` with the given
/// numbers on standard error and in report.json; report.json lists exactly the skips printed,
/// each with its source, line and reason; every needle (`file:line: reason`) is among them;
/// under `--strict` the first skip fails the run with exit 1 and no report.
fn check(input: &str, read: u64, analysed: u64, needles: &[&str]) -> Value {
    let r = analyze(&[input], &[]);
    assert_eq!(r.code, 0, "{}", r.err);
    let skipped = read - analysed;
    assert!(
        r.err.contains(&format!(
            "read {read} = analysed {analysed} + skipped {skipped}"
        )),
        "{}",
        r.err
    );
    let report = r.report.expect("report.json written");
    let acc = &report["accounting"];
    assert_eq!(
        (
            acc["read"].as_u64(),
            acc["analysed"].as_u64(),
            acc["skipped"].as_u64()
        ),
        (Some(read), Some(analysed), Some(skipped))
    );
    let skips = acc["skips"].as_array().unwrap();
    assert_eq!(skips.len() as u64, skipped, "{skips:?}");
    let listed: Vec<String> = skips
        .iter()
        .map(|s| {
            assert!(s["source"].as_str().unwrap().starts_with(input), "{s}");
            assert!(!s["reason"].as_str().unwrap().is_empty());
            let source = s["source"].as_str().unwrap();
            match s["line"].as_u64() {
                Some(l) => format!("{source}:{l}: {}", s["reason"].as_str().unwrap()),
                None => format!("{source}: {}", s["reason"].as_str().unwrap()),
            }
        })
        .collect();
    for l in &listed {
        assert!(
            r.err.contains(&format!("skipped {l}")),
            "{l:?} not printed:\n{}",
            r.err
        );
    }
    for n in needles {
        assert!(
            listed.iter().any(|l| l.contains(n)),
            "missing {n:?} in {listed:#?}"
        );
    }
    if skipped > 0 {
        let s = analyze(&[input], &["--strict"]);
        assert_eq!(s.code, 1, "{}", s.err);
        assert!(
            s.err.contains(&listed[0]) && s.err.contains("--strict"),
            "{}",
            s.err
        );
        assert!(s.report.is_none(), "--strict wrote a report");
    }
    report
}

/// Passages from `voices --format json`: (article, start, end, text).
fn passages(args: &[&str]) -> Vec<(String, usize, usize, String)> {
    let mut all = vec!["voices"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, out, err) = run(&all, &root());
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["article"].as_str().unwrap().to_string(),
                p["start"].as_u64().unwrap() as usize,
                p["end"].as_u64().unwrap() as usize,
                p["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Each passage is `&text[start..end]` of its article, on char boundaries.
fn assert_spans_match(texts: &[(&str, &str)], found: &[(String, usize, usize, String)]) {
    assert!(!found.is_empty());
    for (id, start, end, t) in found {
        let text = texts
            .iter()
            .find(|(i, _)| i == id)
            .unwrap_or_else(|| panic!("unknown article {id}"))
            .1;
        assert_eq!(
            text.get(*start..*end),
            Some(t.as_str()),
            "{id} {start}..{end}"
        );
    }
}

#[test]
fn invalid_json_lines_are_skipped_with_byte_and_column() {
    check(
        "fixtures/bad/invalid_json.jsonl",
        6,
        2,
        &[
            "invalid_json.jsonl:2: invalid JSON at byte 128 (column 40): EOF while parsing a string; fix or remove the line",
            "invalid_json.jsonl:3: invalid JSON at byte 161 (column 32): trailing comma; fix or remove the line",
            "invalid_json.jsonl:4: invalid JSON at byte 164 (column 2)",
            "invalid_json.jsonl:5: invalid JSON at byte 197 (column 19): expected `,` or `}`",
        ],
    );
}

#[test]
fn missing_text_or_outlet_is_named() {
    check(
        "fixtures/bad/missing_fields.jsonl",
        6,
        2,
        &[
            "missing_fields.jsonl:2: missing field `text` (or news-please's `maintext`, or it is null); every record needs a text; add it or remove the line",
            "missing_fields.jsonl:3: missing field `text`",
            "missing_fields.jsonl:4: missing field `outlet` (or news-please's `source_domain`, or it is empty); every record needs its outlet; add it or remove the line",
            "missing_fields.jsonl:5: missing field `outlet`",
        ],
    );
}

#[test]
fn wrong_types_name_the_field() {
    check(
        "fixtures/bad/wrong_types.jsonl",
        8,
        2,
        &[
            "wrong_types.jsonl:2: wrong field type: field `outlet` is a JSON number, it must be a string; fix the field",
            "wrong_types.jsonl:3: wrong field type: field `text` is a JSON array, it must be a string",
            "wrong_types.jsonl:4: wrong field type: field `id` is a JSON object, it must be a string or a number",
            "wrong_types.jsonl:5: wrong record type: the line is a JSON array, not an object; write one object per line",
            "wrong_types.jsonl:6: wrong record type: the line is a JSON string, not an object",
            "wrong_types.jsonl:7: wrong field type: field `date` is a JSON number, it must be a string",
        ],
    );
}

#[test]
fn invalid_utf8_is_located_by_byte_and_field() {
    // Overlong "/" (C0 AF).
    check(
        "fixtures/bad/utf8_overlong.jsonl",
        3,
        2,
        &["utf8_overlong.jsonl:2: invalid UTF-8 at byte 135 (1 bad byte(s)) in field `text`; re-encode the input as UTF-8"],
    );
    // A UTF-16 surrogate encoded as UTF-8 (ED A0 80).
    check(
        "fixtures/bad/utf8_surrogate.jsonl",
        3,
        2,
        &["utf8_surrogate.jsonl:2: invalid UTF-8 at byte 145 (1 bad byte(s)) in field `text`; re-encode the input as UTF-8"],
    );
    // A multi-byte sequence cut by the end of the file.
    check(
        "fixtures/bad/utf8_truncated_end.jsonl",
        3,
        2,
        &["utf8_truncated_end.jsonl:3: invalid UTF-8 at byte 249 (truncated multi-byte sequence at the end); re-encode the input as UTF-8"],
    );
}

#[test]
fn nul_escaped_in_json_is_kept_and_a_raw_nul_is_skipped() {
    check(
        "fixtures/bad/nul.jsonl",
        4,
        3,
        &["nul.jsonl:3: invalid JSON at byte 227 (column 50): control character (\\u0000-\\u001F) found while parsing a string; fix or remove the line"],
    );
    let found = passages(&["fixtures/bad/nul.jsonl"]);
    let nul_text = "Lavrov said \u{0} nothing in Moscow.";
    assert!(found.iter().any(|p| p.0 == "escaped-nul"));
    assert_spans_match(
        &[
            ("escaped-nul", nul_text),
            ("good-0", "Lavrov said the talks in Moscow went well."),
            (
                "good-1",
                "Zarif met Lavrov in Moscow and the ministers condemned the strikes.",
            ),
        ],
        &found,
    );
}

#[test]
fn a_bom_at_file_start_is_not_part_of_the_first_record() {
    check("fixtures/bad/bom.jsonl", 2, 2, &[]);
    let found = passages(&["fixtures/bad/bom.jsonl"]);
    assert_eq!(found[0].0, "good-0");
    assert_eq!(found[0].1, 0);
    assert!(found[0].3.starts_with("Lavrov"), "{:?}", found[0]);
}

#[test]
fn crlf_and_lone_cr_end_lines() {
    for (file, byte) in [("crlf", 91), ("lone_cr", 90)] {
        let input = format!("fixtures/bad/{file}.jsonl");
        check(
            &input,
            4,
            3,
            &[&format!(
                "{file}.jsonl:2: invalid JSON at byte {byte} (column 2): key must be a string"
            )],
        );
        for p in passages(&[&input]) {
            assert!(!p.3.contains('\r'), "{p:?}");
        }
    }
}

#[test]
fn empty_and_whitespace_only_files_say_there_is_nothing() {
    for input in ["fixtures/bad/empty.jsonl", "fixtures/bad/whitespace.jsonl"] {
        let r = analyze(&[input], &[]);
        assert_eq!(r.code, 1, "{}", r.err);
        assert!(
            r.err.contains("read 0 = analysed 0 + skipped 0")
                && r.err.contains("nothing to analyse: the input holds no records (it is empty or has only blank lines); check the input path"),
            "{}",
            r.err
        );
        assert!(r.report.is_none());
    }
}

/// 50 MB of text in one article: skipped under the default limit (with the reason and the flag
/// to raise it), analysed once the flag raises the limit. The paragraphs are long words so that
/// the debug build analyses 50 MB in seconds; the limit, not the content, is under test.
#[test]
fn a_50_mb_article_is_skipped_by_default_and_analysed_with_a_raised_limit() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let para = format!(
        "Lavrov said the talks in Moscow went well. {}.\\n",
        "w".repeat(99_990)
    );
    let mut text = String::with_capacity(50_000_100);
    while text.len() < 50_000_000 {
        text.push_str(&para);
    }
    let line = format!(r#"{{"id": "big", "outlet": "tass", "text": "{text}"}}"#);
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(
        f,
        r#"{{"id": "small", "outlet": "tass", "text": "Zarif said the talks went well."}}"#
    )
    .unwrap();
    writeln!(f, "{line}").unwrap();
    f.flush().unwrap();
    drop(f);
    let input = path.to_str().unwrap();
    let r = analyze(&[input], &[]);
    assert_eq!(r.code, 0, "{}", r.err);
    let needle = format!(
        "{input}:2: record of {} bytes is larger than --max-article-bytes 8388608; raise the limit to analyse it",
        line.len()
    );
    assert!(r.err.contains(&needle), "{needle}\n{}", r.err);
    assert!(
        r.err.contains("read 2 = analysed 1 + skipped 1"),
        "{}",
        r.err
    );
    let report = r.report.unwrap();
    assert_eq!(report["accounting"]["skips"][0]["kind"], "too-large");
    let r = analyze(&[input], &["--max-article-bytes", "60000000"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.err.contains("read 2 = analysed 2 + skipped 0"),
        "{}",
        r.err
    );
}

#[test]
fn a_100000_character_word_keeps_spans_valid() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("word.jsonl");
    let text = format!(
        "Lavrov said {} in Moscow. Zarif agreed.",
        "\u{e9}x".repeat(50_000)
    );
    std::fs::write(
        &path,
        serde_json::json!({"id": "w", "outlet": "tass", "text": text}).to_string() + "\n",
    )
    .unwrap();
    let input = path.to_str().unwrap();
    check(input, 1, 1, &[]);
    assert_spans_match(&[("w", &text)], &passages(&[input]));
}

#[test]
fn zero_width_and_bidi_controls_are_analysed_and_kept() {
    let report = check("fixtures/bad/zero_width_bidi.jsonl", 2, 2, &[]);
    assert_eq!(report["accounting"]["analysed"], 2);
    let text = "Lav\u{200b}rov said \u{202e}Moscow\u{202c} condemned \u{2066}Zarif\u{2069} and \u{200d}\u{200c}\u{2060} \u{feff}the strikes \u{200f}\u{200e}.";
    assert_spans_match(
        &[
            ("zw", text),
            (
                "good-1",
                "Zarif met Lavrov in Moscow and the ministers condemned the strikes.",
            ),
        ],
        &passages(&["fixtures/bad/zero_width_bidi.jsonl"]),
    );
}

#[test]
fn deeply_nested_and_unbalanced_quotes_keep_spans_valid() {
    check(
        "fixtures/bad/quotes.jsonl",
        5,
        4,
        &["quotes.jsonl:5: no text left after setting aside 0 boilerplate line(s): no word remains, only punctuation, symbols or boilerplate"],
    );
    let raw = std::fs::read_to_string(root().join("fixtures/bad/quotes.jsonl")).unwrap();
    let texts: Vec<(String, String)> = raw
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let texts: Vec<(&str, &str)> = texts
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_spans_match(&texts, &passages(&["fixtures/bad/quotes.jsonl"]));
}

#[test]
fn truncated_gzip_keeps_what_was_read_and_says_where_it_stopped() {
    check(
        "fixtures/bad/truncated.jsonl.gz",
        186,
        185,
        &["truncated.jsonl.gz:186: input ends early after line 185 (byte 19205 of the decoded input): incomplete deflate stream; the file may be truncated, records after this point are lost"],
    );
}

#[test]
fn ragged_csv_rows_and_bad_bytes_name_line_and_column() {
    check(
        "fixtures/bad/ragged.csv",
        5,
        2,
        &[
            "ragged.csv:3: row has 4 fields but the header has 3; quote fields that contain commas",
            "ragged.csv:4: row has 2 fields but the header has 3",
            "ragged.csv:6: invalid UTF-8 at byte 168 (1 bad byte(s)) in column \"text\"; re-encode the input as UTF-8",
        ],
    );
}

#[test]
fn a_manifest_naming_a_missing_file_is_listed_in_the_report() {
    let report = check(
        "fixtures/bad/manifest_missing",
        2,
        1,
        &["cannot read fixtures/bad/manifest_missing/absent.txt"],
    );
    let s = &report["accounting"]["skips"][0];
    assert_eq!(s["kind"], "missing-file");
}

/// `lexicon check` on each kind of lexicon error: `file:line:col`, the problem, exit 1.
#[test]
fn each_kind_of_lexicon_error_is_located() {
    let cases: &[(&str, &[&str])] = &[
        (
            "lexicon_syntax.toml",
            &["lexicon_syntax.toml:8:14: error: key with no value, expected `=`"],
        ),
        (
            "lexicon_wrong_type.toml",
            &[
                "lexicon_wrong_type.toml:3:11: error: invalid type: integer `1`, expected a string",
                "(key version); fix it as docs/lexicon.md (Lexicons) describes",
            ],
        ),
        (
            "lexicon_missing_meta.toml",
            &["lexicon_missing_meta.toml:1:1: error: missing field `meta`"],
        ),
        (
            "lexicon_unknown_key.toml",
            &[
                "lexicon_unknown_key.toml:10:1: error: unknown field `colour`, expected one of",
                "; fix it as docs/lexicon.md (Lexicons) describes",
            ],
        ),
        (
            "lexicon_not_utf8.toml",
            &["lexicon_not_utf8.toml:1:1: error: not UTF-8 (byte 69); save the file as UTF-8"],
        ),
        (
            "lexicon_terms.toml",
            &[
                "lexicon_terms.toml:9:10: error: \"air*strike\": `*` is only allowed at the end of a term",
                "lexicon_terms.toml:9:24: warning: \" shelling\" has leading or trailing spaces",
                "lexicon_terms.toml:9:37: error: empty term in frame",
                "lexicon_terms.toml:11:1: error: duplicate frame \"war\"",
                "lexicon_terms.toml:23:1: error: duplicate label \"rebels\" in set \"rebels\"",
                "lexicon_terms.toml:27:1: error: duplicate label set \"rebels\"",
            ],
        ),
        (
            "lexicon_errors.toml",
            &[
                "lexicon_errors.toml:11:20: error: duplicate term \"regime\" in label \"regime\"",
                "is in two labels of set \"syrian_state\"",
                "label set \"empty_set\" has 0 label(s)",
                "frame \"security\" has no terms",
                "stance weight -7 of \"brutal\" is out of range; use -4..+4",
            ],
        ),
    ];
    for (file, needles) in cases {
        let path = format!("fixtures/bad/{file}");
        let (code, out, err) = run(&["lexicon", "check", &path], &root());
        assert_eq!(code, 1, "{file}: {out}{err}");
        assert!(!err.contains("panicked"), "{err}");
        for n in *needles {
            assert!(out.contains(n), "{file}: missing {n:?} in:\n{out}");
        }
        // `analyze` refuses the lexicon with the same location.
        let r = analyze(&["fixtures/seeds"], &["--lexicon", &path]);
        assert_eq!(r.code, 2, "{file}: {}", r.err);
        assert!(r.err.contains(&format!("{path}:")), "{}", r.err);
    }
}

#[test]
fn gazetteer_errors_are_located() {
    let r = analyze(
        &["fixtures/seeds"],
        &["--actors", "fixtures/bad/gazetteer_errors.toml"],
    );
    assert_eq!(r.code, 2, "{}", r.err);
    assert!(
        r.err.contains("fixtures/bad/gazetteer_errors.toml:5:1: error: actor id \"Bad Id\" must be lowercase letters, digits and _"),
        "{}",
        r.err
    );
    // Each further kind, one file at a time.
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(root().join("fixtures/bad/gazetteer_errors.toml")).unwrap();
    let fixed = base.replace("\"Bad Id\"", "\"bad_id\"");
    let renamed = fixed.replace(
        "id = \"lavrov\"\nkind = \"person\"\nname = \"Sergey",
        "id = \"lavrov2\"\nkind = \"person\"\nname = \"Sergey",
    );
    let cases = [
        (fixed.clone(), "duplicate actor id \"lavrov\""),
        (
            renamed.clone(),
            "actor \"lavrov\": unknown country \"atlantis\"; use an actor id of this file",
        ),
        (renamed.replace("country = \"atlantis\"\n", ""), "part_of"),
        (
            fixed.replacen(
                "id = \"bad_id\"\n",
                "id = \"bad_id\"\ndescriptors = [\"War Monitor\"]\n",
                1,
            ),
            "actor \"bad_id\": descriptor \"War Monitor\" must be lowercase words",
        ),
    ];
    for (i, (text, needle)) in cases.iter().enumerate() {
        let p = dir.path().join(format!("g{i}.toml"));
        std::fs::write(&p, text).unwrap();
        let r = analyze(&["fixtures/seeds"], &["--actors", p.to_str().unwrap()]);
        assert_eq!(r.code, 2, "{}", r.err);
        assert!(
            r.err.contains(&format!("{}:", p.display())) && r.err.contains(needle),
            "{needle:?} in {}",
            r.err
        );
    }
}

#[test]
fn every_bad_fixture_together_is_accounted_for() {
    let inputs = [
        "fixtures/bad/invalid_json.jsonl",
        "fixtures/bad/missing_fields.jsonl",
        "fixtures/bad/wrong_types.jsonl",
        "fixtures/bad/utf8_overlong.jsonl",
        "fixtures/bad/nul.jsonl",
        "fixtures/bad/crlf.jsonl",
        "fixtures/bad/quotes.jsonl",
        "fixtures/bad/ragged.csv",
        "fixtures/bad/truncated.jsonl.gz",
    ];
    assert!(inputs.iter().all(|i| Path::new(i).extension().is_some()));
    let r = analyze(&inputs, &[]);
    assert_eq!(r.code, 0, "{}", r.err);
    let acc = &r.report.unwrap()["accounting"];
    let (read, analysed, skipped) = (
        acc["read"].as_u64().unwrap(),
        acc["analysed"].as_u64().unwrap(),
        acc["skipped"].as_u64().unwrap(),
    );
    assert_eq!(read, analysed + skipped);
    assert_eq!(acc["skips"].as_array().unwrap().len() as u64, skipped);
}

/// Found by the fuzz harness: a date with a multi-byte character in its first seven bytes made
/// the monthly timeline slice inside a character and panic.
#[test]
fn a_date_with_a_multibyte_character_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dates.jsonl");
    std::fs::write(
        &path,
        "{\"id\": \"d1\", \"outlet\": \"tass\", \"date\": \"2017-\u{201d}01-05\", \"text\": \"Lavrov said the talks in Moscow went well.\"}\n\
         {\"id\": \"d2\", \"outlet\": \"tass\", \"date\": \"\u{e9}\u{e9}\u{e9}\u{e9}\", \"text\": \"Zarif said the talks went well.\"}\n",
    )
    .unwrap();
    check(path.to_str().unwrap(), 2, 2, &[]);
}

/// Thirty bad lines: the first twenty are printed, the rest counted by kind; the report still
/// lists all thirty (issue 17: nothing lost, nothing flooded).
#[test]
fn many_skips_print_twenty_then_counts_and_the_report_lists_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = String::new();
    for i in 0..30 {
        corpus.push_str(&format!("{{\"id\": \"b{i}\", not json\n"));
    }
    corpus.push_str("{\"id\": \"ok\", \"outlet\": \"x\", \"text\": \"Syria said on Monday it would attend the talks in Geneva next week.\"}\n");
    std::fs::write(dir.path().join("c.jsonl"), corpus).unwrap();
    let (code, _, err) = super::run(&["analyze", "c.jsonl", "--out", "r"], dir.path());
    assert_eq!(code, 0, "{err}");
    let lines = err
        .lines()
        .filter(|l| l.starts_with("framelens: skipped "))
        .count();
    assert_eq!(lines, 20, "{err}");
    assert!(
        err.contains("... and 10 more skipped (invalid-json 10)"),
        "{err}"
    );
    assert!(err.contains("read 31 = analysed 1 + skipped 30"), "{err}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r/report.json")).unwrap())
            .unwrap();
    assert_eq!(report["accounting"]["skips"].as_array().unwrap().len(), 30);
}
