//! A user's files are never lost or leaked: `--out` that is, holds or lies inside an input is
//! refused before anything is written; `--out` naming a file or a folder that is not a previous
//! report is refused; a manifest or a symbolic link cannot pull a file from outside the corpus
//! folder into a report.

use crate::{fixture, run};
use std::path::Path;

const ARTICLE: &str =
    "Sergei Lavrov said the talks in Moscow went well.\n\n\"We condemned it,\" Zarif said.\n";

fn corpus_folder(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Iran and Russia met in Tehran. The talks went well.\n",
    )
    .unwrap();
}

/// Every file under `dir` with its bytes, to compare before and after a refused run.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    crate::files(dir)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn out_equal_to_the_input_folder_is_refused_and_nothing_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_folder(&corpus);
    let before = snapshot(&corpus);
    let (code, _, err) = run(&["analyze", "corpus", "--out", "corpus"], tmp.path());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--out corpus is the same path as the input corpus"),
        "{err}"
    );
    assert_eq!(snapshot(&corpus), before);
    // Through another spelling of the same path.
    let (code, _, err) = run(
        &["analyze", "corpus", "--out", "./corpus/../corpus"],
        tmp.path(),
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(snapshot(&corpus), before);
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        1,
        "nothing beside corpus"
    );
}

#[test]
fn out_inside_an_input_folder_or_holding_an_input_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_folder(&corpus);
    let before = snapshot(tmp.path());
    let (code, _, err) = run(&["analyze", "corpus", "--out", "corpus/report"], tmp.path());
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("lies inside the input folder corpus"), "{err}");
    let (code, _, err) = run(
        &["analyze", "corpus/a.txt", "corpus", "--out", "."],
        tmp.path(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("holds the input"), "{err}");
    // A JSONL file's own folder.
    std::fs::create_dir(tmp.path().join("data")).unwrap();
    let rec = serde_json::json!({"id": "1", "outlet": "tass", "text": ARTICLE});
    std::fs::write(tmp.path().join("data/x.jsonl"), format!("{rec}\n")).unwrap();
    let before_data = snapshot(tmp.path());
    let (code, _, err) = run(&["analyze", "data/x.jsonl", "--out", "data"], tmp.path());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--out data holds the input data/x.jsonl"),
        "{err}"
    );
    assert_eq!(snapshot(tmp.path()), before_data);
    // A lexicon is an input too.
    let lex = fixture("lexicon-changes/baseline/lexicons");
    let copy = tmp.path().join("mine");
    std::fs::create_dir(&copy).unwrap();
    for e in std::fs::read_dir(&lex).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, copy.join(p.file_name().unwrap())).unwrap();
    }
    let first = std::fs::read_dir(&copy)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let (code, _, err) = run(
        &[
            "analyze",
            "data/x.jsonl",
            "--lexicon",
            s(&first),
            "--out",
            "mine",
        ],
        tmp.path(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("holds the input"), "{err}");
    assert!(first.exists());
    drop(before);
}

#[test]
fn out_naming_a_file_or_a_folder_of_the_users_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_folder(&corpus);
    std::fs::write(tmp.path().join("notes.txt"), "my notes\n").unwrap();
    std::fs::create_dir(tmp.path().join("thesis")).unwrap();
    std::fs::write(tmp.path().join("thesis/chapter1.md"), "# One\n").unwrap();
    let before = snapshot(tmp.path());
    let (code, _, err) = run(&["analyze", "corpus", "--out", "notes.txt"], tmp.path());
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--out notes.txt is an existing file"), "{err}");
    let (code, _, err) = run(&["analyze", "corpus", "--out", "thesis"], tmp.path());
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("\"chapter1.md\""), "{err}");
    assert_eq!(
        snapshot(tmp.path()),
        before,
        "nothing written, moved or hidden"
    );
    let names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

#[test]
fn a_previous_report_folder_and_an_empty_folder_are_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_folder(&corpus);
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    let (code, _, err) = run(&["analyze", "corpus", "--out", "empty"], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(tmp.path().join("empty/report.json").exists());
    let (code, _, err) = run(&["analyze", "corpus", "--out", "empty"], tmp.path());
    assert_eq!(code, 0, "{err}");
    let names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with('.')),
        "no debris: {names:?}"
    );
}

fn manifest_corpus(tmp: &Path, rows: &[&str]) -> std::path::PathBuf {
    let corpus = tmp.join("corpus");
    corpus_folder(&corpus);
    std::fs::write(
        tmp.join("secret.txt"),
        "SECRET-PASSWORD-42 Lavrov said so.\n",
    )
    .unwrap();
    let mut m = String::new();
    for (i, f) in rows.iter().enumerate() {
        m.push_str(&format!(
            "[[article]]\nfile = {f:?}\nid = \"m{i}\"\noutlet = \"tass\"\n\n"
        ));
    }
    std::fs::write(corpus.join("manifest.toml"), m).unwrap();
    corpus
}

#[test]
fn a_manifest_cannot_read_outside_the_corpus_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let secret = tmp.path().join("secret.txt");
    let abs = secret.to_str().unwrap().to_string();
    manifest_corpus(
        tmp.path(),
        &[
            "a.txt",
            "../secret.txt",
            &abs,
            "../../framelens-test-absent-9f3c.txt",
        ],
    );
    let (code, _, err) = run(&["analyze", "corpus", "--out", "rep"], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("outside the corpus folder"), "{err}");
    assert!(err.contains("--allow-outside-folder"), "{err}");
    for (name, bytes) in crate::files(&tmp.path().join("rep")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("SECRET-PASSWORD"), "{name} holds the secret");
    }
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("rep/report.json")).unwrap())
            .unwrap();
    let skipped = report["accounting"]["skips"].as_array().unwrap();
    let outside = skipped
        .iter()
        .filter(|s| s["kind"] == "outside-folder")
        .count();
    assert_eq!(outside, 2, "{skipped:#?}");
    // voices --format csv: no secret either.
    let (code, out, err) = run(&["voices", "corpus", "--format", "csv"], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("SECRET-PASSWORD"));
    // The explicit flag reads it.
    let (code, out, err) = run(
        &[
            "voices",
            "corpus",
            "--format",
            "csv",
            "--allow-outside-folder",
        ],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("SECRET-PASSWORD"));
}

#[cfg(unix)]
#[test]
fn symbolic_links_outside_dangling_or_looping_are_skips() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    corpus_folder(&corpus);
    std::fs::write(
        tmp.path().join("secret.txt"),
        "SECRET-PASSWORD-42 Lavrov.\n",
    )
    .unwrap();
    symlink(tmp.path().join("secret.txt"), corpus.join("c.txt")).unwrap();
    symlink(corpus.join("nowhere.txt"), corpus.join("d.txt")).unwrap();
    symlink(corpus.join("e.txt"), corpus.join("f.txt")).unwrap();
    symlink(corpus.join("f.txt"), corpus.join("e.txt")).unwrap();
    symlink(corpus.join("a.txt"), corpus.join("g.txt")).unwrap();
    let (code, out, err) = run(&["voices", "corpus", "--format", "csv"], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("SECRET-PASSWORD"));
    assert!(err.contains("read 7 = analysed 2 + skipped 5"), "{err}");
    assert!(err.contains("dangling or loops"), "{err}");
    assert!(err.contains("c.txt resolves to"), "{err}");
}
