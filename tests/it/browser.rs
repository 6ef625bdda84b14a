//! The HTML report in a real headless Chromium: it loads with no console errors and no
//! network request, its charts are visible, and a hostile corpus executes nothing and shows
//! its text literally. Under `CI=true` a missing Chromium fails the tests (`.ci/run` installs
//! Debian's `chromium`); elsewhere they say so and pass.

use crate::{root, run};
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("FRAMELENS_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

fn need_chromium() -> Option<PathBuf> {
    let c = chromium();
    if c.is_none() {
        assert!(
            std::env::var("CI").map(|v| v != "true").unwrap_or(true),
            "CI=true but no Chromium: .ci/run must install Debian's chromium"
        );
        eprintln!("browser tests: no Chromium found (set FRAMELENS_CHROMIUM or install chromium); not run here");
    }
    c
}

/// Runs headless Chromium on a file; returns (stdout, stderr).
fn chrome(bin: &Path, page: &Path, extra: &[&str]) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn analyze(input: &str, out: &Path) {
    let (code, _, err) = run(&["analyze", input, "--out", out.to_str().unwrap()], &root());
    assert_eq!(code, 0, "{err}");
}

fn console_problems(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| {
            l.contains("CONSOLE")
                || l.contains("Refused to")
                || l.contains("Uncaught")
                || l.contains("net::ERR")
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn seed_report_loads_cleanly_and_shows_its_charts() {
    let Some(bin) = need_chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seeds");
    analyze("fixtures/seeds", &out);
    let page = out.join("index.html");
    let (dom, err) = chrome(&bin, &page, &["--dump-dom"]);
    assert!(
        dom.contains("Label choice") && dom.contains("<svg"),
        "DOM: {}",
        &dom[..dom.len().min(500)]
    );
    assert!(
        console_problems(&err).is_empty(),
        "console: {:?}",
        console_problems(&err)
    );
    let shot = dir.path().join("shot.png");
    let (_, err) = chrome(
        &bin,
        &page,
        &[
            "--window-size=1280,2400",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("no screenshot: {e}; {err}"));
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).expect("screenshot is a PNG");
    let mut colours = std::collections::BTreeSet::new();
    for p in pixmap.pixels().iter().step_by(7) {
        colours.insert((p.red(), p.green(), p.blue()));
    }
    assert!(
        colours.len() > 20,
        "the page looks blank: {} colours",
        colours.len()
    );
}

#[test]
fn hostile_corpus_executes_nothing() {
    let Some(bin) = need_chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hostile");
    analyze("fixtures/hostile/articles.jsonl", &out);
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!html.contains("<script"), "raw script tag in the HTML");
    assert!(!html.contains("<img"), "raw img tag in the HTML");
    assert!(
        !html.contains("href=\"javascript"),
        "javascript: link in the HTML"
    );
    let (dom, err) = chrome(&bin, &out.join("index.html"), &["--dump-dom"]);
    assert!(
        !dom.contains("PWNED-") || !dom.contains("<title>PWNED"),
        "a script ran"
    );
    let title = dom
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or_default();
    assert!(
        !title.contains("PWNED"),
        "a script changed the title: {title}"
    );
    assert!(
        !dom.contains("<img") && !dom.contains("<script"),
        "an element was injected"
    );
    // The hostile text is shown literally.
    assert!(
        dom.contains("&lt;script&gt;document.title="),
        "hostile text not shown literally"
    );
    assert!(
        console_problems(&err).is_empty(),
        "console: {:?}",
        console_problems(&err)
    );
}
