//! Faults outside the input: a run killed midway, an output folder that cannot be written, a
//! full disk, standard input, and a reader that closes the pipe early.

use crate::{bin, files, root, run};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A JSONL corpus of `n` distinct articles.
fn corpus(path: &Path, n: usize) {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let outlets = ["tass", "irna", "jpost", "aljazeera"];
    for i in 0..n {
        let text = format!(
            "Russian Foreign Minister Sergei Lavrov said on day {i} that the talks in Moscow went well. \
             \"We condemned the strikes on Aleppo,\" Zarif told reporters, according to Tasnim. \
             The so-called rebels were blamed by Damascus for the attack number {i}.\n\n\
             Erdogan said Turkey would keep its troops in Idlib, Anadolu reported."
        );
        let rec =
            serde_json::json!({"id": format!("a{i}"), "outlet": outlets[i % 4], "text": text});
        writeln!(f, "{rec}").unwrap();
    }
    f.flush().unwrap();
}

fn analyze_into(input: &str, out: &Path) -> (i32, String) {
    let (code, _, err) = run(&["analyze", input, "--out", out.to_str().unwrap()], &root());
    (code, err)
}

/// A run killed with SIGKILL at several moments never damages the report already in its
/// output folder, and what it leaves behind is hidden and cleared by the next run.
#[test]
fn a_killed_run_leaves_the_previous_report_intact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    let (code, err) = analyze_into("fixtures/seeds", &out);
    assert_eq!(code, 0, "{err}");
    let before = files(&out);
    assert!(before.contains_key("report.json") && before.len() > 3);
    let big = dir.path().join("big.jsonl");
    corpus(&big, 60_000);
    let mut killed_running = 0;
    for delay_ms in [100u64, 400, 1500] {
        let mut child = Command::new(bin())
            .args([
                "analyze",
                big.to_str().unwrap(),
                "-j",
                "2",
                "--out",
                out.to_str().unwrap(),
            ])
            .current_dir(root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while start.elapsed() < Duration::from_millis(delay_ms) {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let running = child.try_wait().unwrap().is_none();
        child.kill().unwrap();
        child.wait().unwrap();
        if running {
            killed_running += 1;
            assert_eq!(
                files(&out),
                before,
                "report changed by a run killed after {delay_ms} ms"
            );
        } else {
            // The run finished first: then its report is complete.
            assert!(files(&out).contains_key("report.json"));
        }
        // Whatever else is in the folder is hidden debris, never something named like a report.
        for e in std::fs::read_dir(dir.path()).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                name == "report" || name == "big.jsonl" || name.starts_with(".report."),
                "unexpected {name}"
            );
        }
    }
    assert!(
        killed_running >= 2,
        "the corpus is too small: runs ended before the kill"
    );
    // The next run clears the debris of the killed ones and replaces the report whole.
    let (code, err) = analyze_into("fixtures/hard", &out);
    assert_eq!(code, 0, "{err}");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| n == "report" || n == "big.jsonl"),
        "{names:?}"
    );
    assert_ne!(files(&out), before);
}

/// Whether the current user can write into a folder with mode 0o555 (root can).
fn chmod_protects() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let denied = std::fs::write(d.path().join("probe"), b"x").is_err();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    denied
}

/// An output folder that cannot be written: exit 1, a message naming the path, no report and
/// no debris. As root, where mode 0o555 does not stop writes, the folder's parent is a regular
/// file instead.
#[test]
fn an_unwritable_output_folder_fails_with_exit_1_and_no_report() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mut cases = Vec::new();
    let file = dir.path().join("plain-file");
    std::fs::write(&file, b"not a folder").unwrap();
    cases.push(file.join("report"));
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    if chmod_protects() {
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        cases.push(locked.join("report"));
    }
    for out in &cases {
        let (code, err) = analyze_into("fixtures/seeds", out);
        assert_eq!(code, 1, "{err}");
        let shown = out.display().to_string();
        let parent = out.parent().unwrap().display().to_string();
        assert!(
            (err.contains(&shown) || err.contains(&parent)) && err.contains("cannot"),
            "{err}"
        );
        assert!(!out.exists());
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        std::fs::read_dir(&locked).unwrap().count(),
        0,
        "debris left"
    );
    // A chart written into a path under a regular file.
    let (code, _, err) = run(
        &[
            "chart",
            "--report",
            "reports/seeds/report.json",
            "--kind",
            "stance",
            "--out",
            file.join("c.svg").to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("plain-file"), "{err}");
}

/// A full disk (`/dev/full` as standard output): exit 1 and the cause, for each command that
/// writes to standard output.
#[test]
fn a_full_disk_on_standard_output_fails_with_exit_1() {
    if !Path::new("/dev/full").exists() {
        eprintln!("no /dev/full here: nothing to test");
        return;
    }
    let commands: &[&[&str]] = &[
        &["actors", "fixtures/seeds"],
        &["voices", "fixtures/seeds", "--format", "json"],
        &["kwic", "fixtures/seeds", "--actor", "lavrov"],
        &[
            "chart",
            "--report",
            "reports/seeds/report.json",
            "--kind",
            "stance",
        ],
    ];
    for args in commands {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(bin())
            .args(*args)
            .current_dir(root())
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("cannot write to standard output") && err.contains("No space left"),
            "{args:?}: {err}"
        );
    }
}

/// `-` reads JSONL from standard input, with CRLF line ends, and names `-` in skips.
#[test]
fn dash_reads_jsonl_from_standard_input() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    let mut child = Command::new(bin())
        .args(["analyze", "-", "--out", out.to_str().unwrap()])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let data = std::fs::read(root().join("fixtures/bad/crlf.jsonl")).unwrap();
    child.stdin.take().unwrap().write_all(&data).unwrap();
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("skipped -:2: invalid JSON")
            && err.contains("read 4 = analysed 3 + skipped 1"),
        "{err}"
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    assert_eq!(report["provenance"]["inputs"][0]["path"], "-");
}

/// A reader that closes the pipe after the first line (`| head -1`): exit 0 and nothing on
/// standard error beyond what a full run prints (the accounting line).
#[test]
fn a_closed_pipe_exits_0_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("many.jsonl");
    corpus(&big, 400);
    let input = big.to_str().unwrap();
    for args in [
        vec!["actors", input],
        vec!["voices", input],
        vec!["voices", input, "--format", "json"],
        vec!["kwic", input, "--actor", "lavrov"],
    ] {
        let full = Command::new(bin())
            .args(&args)
            .current_dir(root())
            .stdout(Stdio::null())
            .output()
            .unwrap();
        assert!(full.status.success());
        // `sh -c 'framelens … | head -1'`: a real pipe that head closes after one line.
        let script = format!(
            "\"$0\" \"$@\" 2>{err}; echo $? >{code}",
            err = dir.path().join("err").display(),
            code = dir.path().join("code").display()
        );
        let o = Command::new("sh")
            .arg("-c")
            .arg(format!("{{ {script}; }} | head -1"))
            .arg(bin())
            .args(&args)
            .current_dir(root())
            .output()
            .unwrap();
        assert!(o.status.success());
        assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);
        let code = std::fs::read_to_string(dir.path().join("code")).unwrap();
        let err = std::fs::read_to_string(dir.path().join("err")).unwrap();
        assert_eq!(code.trim(), "0", "{args:?}: {err}");
        assert_eq!(
            err,
            String::from_utf8_lossy(&full.stderr),
            "{args:?}: stderr differs from a full run"
        );
        assert!(
            !err.contains("error") && !err.contains("Broken pipe"),
            "{err}"
        );
    }
}
