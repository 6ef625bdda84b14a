//! The command line as a user runs it: exit codes, messages, accounting, determinism.

use crate::{files, fixture, root, run};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn missing_input_is_a_usage_error_naming_the_path() {
    let (code, _, err) = run(&["analyze", "no/such/corpus.jsonl"], &root());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("no/such/corpus.jsonl") && err.contains("no such file"),
        "{err}"
    );
}

#[test]
fn bad_records_are_skipped_with_reasons_and_counted() {
    let dir = tmp();
    let out = dir.path().join("r");
    let input = fixture("bad/mixed.jsonl");
    let (code, _, err) = run(
        &[
            "analyze",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    for needle in [
        "mixed.jsonl:2: invalid JSON",
        "mixed.jsonl:3: missing field `text`",
        "mixed.jsonl:4: invalid UTF-8 at byte",
        "mixed.jsonl:5: missing field `text`",
        "mixed.jsonl:6: wrong field type",
        "mixed.jsonl:7: missing field `outlet`",
        "duplicate id \"ok-1\"",
        "exact duplicate of the text",
        "no text left after setting aside 2 boilerplate",
        "mixed.jsonl:11: invalid JSON",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    assert!(err.contains("read 11 = analysed 1 + skipped 10"), "{err}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    let acc = &report["accounting"];
    assert_eq!(
        (
            acc["read"].as_u64(),
            acc["analysed"].as_u64(),
            acc["skipped"].as_u64()
        ),
        (Some(11), Some(1), Some(10))
    );
    assert_eq!(acc["skips"].as_array().unwrap().len(), 10);
    assert_eq!(acc["skips"][0]["line"].as_u64(), Some(2));
}

#[test]
fn strict_turns_the_first_skip_into_exit_1() {
    let dir = tmp();
    let input = fixture("bad/mixed.jsonl");
    let (code, _, err) = run(
        &[
            "analyze",
            input.to_str().unwrap(),
            "--strict",
            "--out",
            dir.path().to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("mixed.jsonl:2: invalid JSON") && err.contains("--strict"),
        "{err}"
    );
    assert!(!dir.path().join("report.json").exists());
}

#[test]
fn empty_corpus_fails_with_exit_1() {
    let dir = tmp();
    let input = fixture("bad/empty.jsonl");
    let (code, _, err) = run(
        &[
            "analyze",
            input.to_str().unwrap(),
            "--out",
            dir.path().to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("nothing to analyse"), "{err}");
}

#[test]
fn manifest_row_naming_a_missing_file_is_skipped_with_its_line() {
    let input = fixture("bad/manifest_missing");
    let (code, out, err) = run(
        &["actors", input.to_str().unwrap(), "--format", "json"],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("manifest.toml:5: cannot read") && err.contains("absent.txt"),
        "{err}"
    );
    assert!(err.contains("read 2 = analysed 1 + skipped 1"), "{err}");
    assert!(out.contains("\"iran\""), "{out}");
}

#[test]
fn actors_json_resolves_spellings_to_one_actor() {
    let (code, out, err) = run(&["actors", "fixtures/seeds", "--format", "json"], &root());
    assert_eq!(code, 0, "{err}");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let get = |id: &str| {
        rows.iter()
            .find(|r| r["actor"] == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    let forms = |id: &str| {
        get(id)["forms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    for (id, spellings) in [
        ("lavrentyev", vec!["Lavrentyev", "Lavrentiev"]),
        ("vershinin", vec!["Sergey Vershinin", "Sergei Vershinin"]),
        (
            "amirabdollahian",
            vec!["Amirabdollahian", "Amir-Abdollahian"],
        ),
        ("mekdad", vec!["Muqdad"]),
    ] {
        let f = forms(id);
        for s in spellings {
            assert!(f.iter().any(|x| x.contains(s)), "{id}: {s} not in {f:?}");
        }
    }
    let lavrov = get("lavrov");
    assert!(!forms("lavrov").iter().any(|f| f.contains("Lavrent")));
    for key in ["name", "kind", "mentions", "by_voice", "articles"] {
        assert!(!lavrov[key].is_null(), "{key}");
    }
    assert!(get("tass")["by_voice"]["own"].as_u64().unwrap_or(0) >= 1);
}

#[test]
fn voices_json_gives_quoted_passages_to_their_sources() {
    let (code, out, err) = run(&["voices", "fixtures/seeds", "--format", "json"], &root());
    assert_eq!(code, 0, "{err}");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let voice_of = |needle: &str| {
        rows.iter()
            .find(|r| r["text"].as_str().unwrap().contains(needle))
            .map(|r| r["voice"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(voice_of("[The sides] discussed in detail"), "russia_mfa");
    assert_eq!(voice_of("hailed the successful experience"), "tasnim");
    assert_eq!(voice_of("comprehensive humanitarian assistance"), "tass");
    // Reported speech: the cue is the host's narration, the claim the (anonymous) source's.
    assert_eq!(voice_of("other reports have said that"), "own");
    assert_eq!(voice_of("the Assad regime has tensions with"), "unknown");
    let text =
        std::fs::read_to_string(root().join("fixtures/seeds/000_b45b18e148551c57.txt")).unwrap();
    for r in rows
        .iter()
        .filter(|r| r["article"] == "000_b45b18e148551c57")
    {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], r["text"].as_str().unwrap());
    }
}

#[test]
fn kwic_shows_spellings_as_found() {
    let (code, out, err) = run(
        &[
            "kwic",
            "fixtures/seeds",
            "--actor",
            "Lavrentiev",
            "--width",
            "20",
        ],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Lavrentyev]") && out.contains("Lavrentiev]"),
        "{out}"
    );
    let (code, _, err) = run(
        &["kwic", "fixtures/seeds", "--actor", "Nobody Atall"],
        &root(),
    );
    assert_eq!(code, 2, "{err}");
}

#[test]
fn lexicon_check_reports_file_line_col() {
    let (code, out, _) = run(
        &["lexicon", "check", "fixtures/bad/lexicon_errors.toml"],
        &root(),
    );
    assert_eq!(code, 1, "{out}");
    for needle in [
        "lexicon_errors.toml:11:",
        "duplicate term \"regime\"",
        "is in two labels of set \"syrian_state\"",
        "label set \"empty_set\" has 0 label(s)",
        "frame \"security\" has no terms",
        "out of range",
        "warning: \"condemned\" is also matched by \"condemn*\"",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
    let (code, out, _) = run(
        &["lexicon", "check", "fixtures/bad/lexicon_unknown_key.toml"],
        &root(),
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("lexicon_unknown_key.toml:10:1: error: unknown field `colour`"),
        "{out}"
    );
    let (code, out, _) = run(
        &[
            "lexicon",
            "check",
            "lexicons/geopolitics.toml",
            "lexicons/vader.toml",
        ],
        &root(),
    );
    assert_eq!(code, 0, "{out}");
}

#[test]
fn bad_lexicon_is_refused_by_analyze() {
    let (code, _, err) = run(
        &[
            "analyze",
            "fixtures/seeds",
            "--lexicon",
            "fixtures/bad/lexicon_errors.toml",
            "--out",
            "/nonexistent",
        ],
        &root(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("lexicon_errors.toml:"), "{err}");
}

#[test]
fn reports_are_identical_across_thread_counts() {
    let dir = tmp();
    let mut outputs = Vec::new();
    for threads in ["1", "2", "8"] {
        let out = dir.path().join(threads);
        let (code, _, err) = run(
            &[
                "analyze",
                "fixtures/seeds",
                "fixtures/hard",
                "-j",
                threads,
                "--out",
                out.to_str().unwrap(),
            ],
            &root(),
        );
        assert_eq!(code, 0, "{err}");
        outputs.push(files(&out));
    }
    for name in ["report.json", "index.html", "report.md"] {
        assert!(outputs[0].contains_key(name), "{name} missing");
    }
    assert!(outputs[0]
        .keys()
        .any(|k| k.starts_with("charts/") && k.ends_with(".svg")));
    assert!(outputs[0] == outputs[1] && outputs[1] == outputs[2]);
}

#[test]
fn committed_seed_report_is_fresh() {
    let dir = tmp();
    let out = dir.path().join("seeds");
    let (code, _, err) = run(
        &["analyze", "fixtures/seeds", "--out", out.to_str().unwrap()],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    let fresh = files(&out);
    let committed = files(&root().join("reports/seeds"));
    let stale: Vec<&String> = fresh
        .keys()
        .chain(committed.keys())
        .filter(|k| fresh.get(*k) != committed.get(*k))
        .collect();
    assert!(stale.is_empty(), "reports/seeds is stale ({stale:?}): run `cargo run --release -- analyze fixtures/seeds` and commit it");
}

/// `docs/report.schema.json` is what `framelens schema` prints, and the committed reports
/// match it (every report a test writes through `run` is checked too).
#[test]
fn the_report_schema_is_current_and_committed_reports_match_it() {
    let (code, schema, err) = run(&["schema"], &root());
    assert_eq!(code, 0, "{err}");
    let committed = std::fs::read_to_string(root().join("docs/report.schema.json")).unwrap();
    assert!(
        schema == committed,
        "docs/report.schema.json is stale: run `cargo run -- schema > docs/report.schema.json` and commit it"
    );
    crate::check_schema(&root().join("reports/seeds/report.json"));
    crate::check_schema(&root().join("fixtures/lexicon-changes/baseline/report.json"));
    // A report that breaks the schema is caught: a count that is not a number.
    let mut bad: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("reports/seeds/report.json")).unwrap(),
    )
    .unwrap();
    bad["accounting"]["read"] = serde_json::json!("five");
    let dir = tmp();
    let p = dir.path().join("report.json");
    std::fs::write(&p, bad.to_string()).unwrap();
    let caught = std::panic::catch_unwind(|| crate::check_schema(&p));
    assert!(caught.is_err(), "a string count passes the schema");
}

#[test]
fn html_links_resolve_and_markdown_links_charts() {
    let dir = tmp();
    let out = dir.path().join("r");
    let (code, _, err) = run(
        &[
            "analyze",
            "fixtures/seeds",
            "fixtures/hard",
            "--out",
            out.to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    let ids: std::collections::BTreeSet<&str> = html
        .split(" id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let mut links = 0;
    for target in html
        .split("href=\"#")
        .skip(1)
        .filter_map(|s| s.split('"').next())
    {
        links += 1;
        assert!(ids.contains(target), "link to missing #{target}");
    }
    assert!(links > 10, "{links} links");
    assert!(html.contains("Content-Security-Policy") && !html.contains("<script"));
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let mut charts = 0;
    for link in md
        .split("](charts/")
        .skip(1)
        .filter_map(|s| s.split(')').next())
    {
        charts += 1;
        assert!(
            out.join("charts").join(link).exists(),
            "report.md links a missing chart {link}"
        );
    }
    assert!(charts >= 3 && md.contains("| voice |"), "{md}");
}

#[test]
fn seed_report_shows_the_framing_a_reader_expects() {
    let report: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("reports/seeds/report.json")).unwrap(),
    )
    .unwrap();
    let labels = report["labels"].as_array().unwrap();
    let count = |scope: &str, concept: &str, voice: &str, label: &str| {
        labels
            .iter()
            .find(|r| {
                r["scope"] == scope
                    && r["concept"] == concept
                    && r["voice"] == voice
                    && r["label"] == label
            })
            .and_then(|r| r["count"].as_u64())
            .unwrap_or(0)
    };
    // "regime" for the Syrian state only in the Jerusalem Post's and AFP's own voices.
    let regime_voices: Vec<&str> = labels
        .iter()
        .filter(|r| {
            r["scope"] == "voice"
                && r["concept"] == "syrian_state"
                && r["label"] == "regime"
                && r["count"].as_u64() > Some(0)
        })
        .map(|r| r["voice"].as_str().unwrap())
        .collect();
    assert_eq!(regime_voices, ["afp", "jpost"]);
    // liberation and terrorists/takfiri on the Iranian state side.
    assert!(count("voice", "aleppo_2016", "irna", "liberation") >= 1);
    assert!(count("outlet", "armed_opposition", "irna", "takfiri") >= 1);
    assert!(count("outlet", "armed_opposition", "presstv", "terrorists") >= 1);
    assert!(count("voice", "the_conflict", "tasnim", "war_on_terror") >= 1);
    // Stance toward the Syrian government: higher from the source IRNA reports (Shamkhani's
    // "liberating ... Aleppo", reported speech: the claim and its stance are his) than in AFP's
    // own voice.
    let stance = report["stance"].as_array().unwrap();
    let mean = |voice: &str| {
        stance
            .iter()
            .find(|r| r["voice"] == voice && r["actor"] == "syria_gov")
            .and_then(|r| r["mean"].as_f64())
            .unwrap()
    };
    assert!(
        mean("shamkhani") > mean("afp"),
        "{} vs {}",
        mean("shamkhani"),
        mean("afp")
    );
}

#[test]
fn csv_with_chosen_columns_and_a_ragged_row() {
    let (code, out, err) = run(
        &[
            "actors",
            "fixtures/csv/articles.csv",
            "--text-col",
            "story",
            "--outlet-col",
            "source",
            "--date-col",
            "published",
            "--format",
            "json",
        ],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("articles.csv:4: row has 2 fields but the header has 4"),
        "{err}"
    );
    assert!(err.contains("read 4 = analysed 3 + skipped 1"), "{err}");
    assert!(
        out.contains("\"lavrov\"") && out.contains("\"zarif\""),
        "{out}"
    );
    let (code, _, err) = run(&["actors", "fixtures/csv/articles.csv"], &root());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("no column named \"text\"") && err.contains("--text-col"),
        "{err}"
    );
}

#[test]
fn gzip_and_standard_input_read_like_jsonl() {
    use std::io::Write;
    let dir = tmp();
    let gz = dir.path().join("mixed.jsonl.gz");
    let raw = std::fs::read(fixture("bad/mixed.jsonl")).unwrap();
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    enc.write_all(&raw).unwrap();
    enc.finish().unwrap();
    let (code, _, err) = run(&["actors", gz.to_str().unwrap()], &root());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("read 11 = analysed 1 + skipped 10"), "{err}");
    // A truncated gzip loses its tail with a reason, not silently.
    let cut = dir.path().join("cut.jsonl.gz");
    let bytes = std::fs::read(&gz).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let (code, _, err) = run(&["actors", cut.to_str().unwrap()], &root());
    assert!(code == 0 || code == 1, "{err}");
    assert!(
        err.contains("input ends early") || err.contains("cannot read further"),
        "{err}"
    );
    // Standard input.
    let mut child = std::process::Command::new(crate::bin())
        .args(["actors", "-", "--format", "json"])
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&raw).unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("-:2: invalid JSON") && err.contains("read 11 = analysed 1 + skipped 10"),
        "{err}"
    );
}

#[test]
fn groups_merge_voices() {
    let dir = tmp();
    let out = dir.path().join("g");
    let (code, _, err) = run(
        &[
            "analyze",
            "fixtures/seeds",
            "--group",
            "iran_state=presstv,irna,tasnim",
            "--out",
            out.to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    let voices: Vec<&str> = report["voices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["voice"].as_str().unwrap())
        .collect();
    assert!(
        voices.contains(&"iran_state")
            && !voices.contains(&"presstv")
            && !voices.contains(&"tasnim"),
        "{voices:?}"
    );
    let kind = report["voices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["voice"] == "iran_state")
        .unwrap()["kind"]
        .clone();
    assert_eq!(kind, "group");
}

/// Shell completions and the man page come from the clap definitions (issue 17): every command
/// is in them, and the output is the same on every run.
#[test]
fn completions_and_man_page_list_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, out, err) = run(&["completions", shell], &root());
        assert_eq!(code, 0, "{shell}: {err}");
        for cmd in ["analyze", "map", "merge", "report", "regress", "validate"] {
            assert!(out.contains(cmd), "{shell} completions lack {cmd}");
        }
    }
    let (code, man, err) = run(&["man"], &root());
    assert_eq!(code, 0, "{err}");
    assert!(man.contains(".TH framelens 1"), "{man}");
    assert!(man.contains("analyze") && man.contains("merge"));
    assert_eq!(run(&["man"], &root()).1, man, "deterministic");
    let (code, _, _) = run(&["completions", "tcsh"], &root());
    assert_eq!(code, 2);
}
