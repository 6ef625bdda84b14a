//! Charts: every kind renders for the seed corpus as well-formed, deterministic SVG with a
//! title; hostile report text cannot break out of the SVG; PNGs are real images; the `chart`
//! command writes files and fails cleanly.

use crate::{fixture, root, run};
use framelens::analysis::pipeline::{run as run_pipeline, RunOptions};
use framelens::analysis::Analyzer;
use framelens::chart::{self, Kind, Size};
use framelens::corpus::LoadOptions;
use framelens::report::{Report, ReportOptions, Scope};
use std::sync::OnceLock;

/// The seed corpus analysed in-process with the bundled lexicons and the CLI's defaults.
fn seeds() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(|| {
        let az = Analyzer::bundled();
        let stream = framelens::corpus::open(&fixture("seeds"), &LoadOptions::default()).unwrap();
        let result = run_pipeline(&az, vec![stream], &RunOptions::default(), &|_| {}).unwrap();
        Report::build(
            &az,
            &result.aggregate,
            result.inputs,
            ReportOptions::default(),
        )
    })
}

/// Parses an SVG the way the PNG renderer does; panics with the error if it is not
/// well-formed.
fn parse(svg: &str) {
    let opt = resvg::usvg::Options::default();
    if let Err(e) = resvg::usvg::Tree::from_str(svg, &opt) {
        panic!("not a well-formed SVG: {e}");
    }
}

fn svg_of(r: &Report, kind: Kind) -> String {
    chart::render(r, kind, None, Size::SLIDE).unwrap_or_else(|e| panic!("{kind}: {e}"))
}

#[test]
fn every_kind_renders_well_formed_deterministic_svg_for_the_seeds() {
    let r = seeds();
    for kind in Kind::ALL {
        for size in [Size::SLIDE, Size::A4] {
            let a = chart::render(r, kind, None, size).unwrap_or_else(|e| panic!("{kind}: {e}"));
            let b = chart::render(r, kind, None, size).unwrap();
            assert!(a == b, "{kind}: two renders differ");
            parse(&a);
            assert!(
                a.starts_with("<svg role=\"img\"")
                    && a.contains(&format!(
                        "width=\"{}\" height=\"{}\"",
                        size.width, size.height
                    )),
                "{kind}: {}",
                &a[..200.min(a.len())]
            );
            assert!(a.contains("<title>") && a.contains("<desc>"), "{kind}");
            assert!(a.contains("vader 3.3.2"), "{kind}: provenance missing");
            assert_eq!(a.matches("</svg>").count(), 1, "{kind}");
        }
    }
}

#[test]
fn all_lists_every_chart_with_safe_unique_names() {
    let files = chart::all(seeds(), Size::SLIDE);
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    for want in [
        "stance.svg",
        "labels-syrian_state.svg",
        "frames.svg",
        "similarity.svg",
        "keyness.svg",
        "timeline.svg",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "duplicate names in {names:?}");
    for f in &files {
        assert!(
            f.name.ends_with(".svg")
                && f.name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c)),
            "{}",
            f.name
        );
        assert!(!f.title.is_empty() && f.svg.contains("<title>"));
    }
    // A label chart for each label set some voice used, and for no other.
    let used: std::collections::BTreeSet<&str> = seeds()
        .labels
        .iter()
        .filter(|l| l.scope == Scope::Voice && l.count > 0)
        .map(|l| l.concept.as_str())
        .collect();
    assert_eq!(
        files.iter().filter(|f| f.kind == Kind::Labels).count(),
        used.len()
    );
}

#[test]
fn concepts_select_label_sets_and_unknown_ones_are_named() {
    let r = seeds();
    let a = chart::render(r, Kind::Labels, Some("syrian_state"), Size::SLIDE).unwrap();
    assert!(
        a.contains("How the Syrian state"),
        "title from the description"
    );
    let e = chart::render(r, Kind::Labels, Some("nope"), Size::SLIDE).unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("unknown concept \"nope\"") && msg.contains("syrian_state"),
        "{msg}"
    );
    let e = chart::render(r, Kind::Stance, Some("syrian_state"), Size::SLIDE).unwrap_err();
    assert!(matches!(e, chart::Error::NoConcept(Kind::Stance)), "{e}");
    let e = chart::render(
        r,
        Kind::Stance,
        None,
        Size {
            width: 10,
            height: 10,
        },
    )
    .unwrap_err();
    assert!(matches!(e, chart::Error::Size { .. }), "{e}");
}

#[test]
fn charts_without_data_say_why() {
    let mut r = seeds().clone();
    r.stance.clear();
    let first_month = r.timeline[0].month.clone();
    r.timeline.retain(|t| t.month == first_month);
    r.keyness.clear();
    r.similarity.clear();
    r.frames.clear();
    r.labels.clear();
    for kind in Kind::ALL {
        match chart::render(&r, kind, None, Size::SLIDE) {
            Err(chart::Error::NoData { kind: k, reason }) => {
                assert_eq!(k, kind);
                assert!(!reason.is_empty());
            }
            other => panic!("{kind}: expected no data, got {:?}", other.map(|s| s.len())),
        }
    }
    assert!(chart::all(&r, Size::SLIDE).is_empty());
}

const HOSTILE: [&str; 4] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "</svg>",
    "Smith & Sons",
];

/// The seed report with every id and name a chart shows replaced by markup.
fn hostile() -> Report {
    let mut r = seeds().clone();
    let evil = |i: usize| HOSTILE[i % HOSTILE.len()].to_string();
    let voices: Vec<String> = r.voices.iter().map(|v| v.voice.clone()).collect();
    let map = |v: &str| -> String {
        match voices.iter().position(|x| x == v) {
            Some(i) => format!("{}{i}", evil(i)),
            None => v.to_string(),
        }
    };
    for (i, v) in r.voices.iter_mut().enumerate() {
        v.name = format!("{} voice {i}", evil(i + 1));
        v.voice = map(&v.voice);
    }
    for (i, a) in r.actors.iter_mut().enumerate() {
        a.name = format!("{} actor {i}", evil(i));
    }
    for s in &mut r.stance {
        s.voice = map(&s.voice);
    }
    for l in r.labels.iter_mut().chain(r.frames.iter_mut()) {
        l.voice = map(&l.voice);
        l.label = format!("{}{}", evil(l.label.len()), l.label);
    }
    for c in &mut r.concepts {
        c.description = Some(format!("{} {}", evil(2), c.concept));
    }
    for f in &mut r.frame_list {
        f.name = format!("{} frame", evil(0));
    }
    for k in &mut r.keyness {
        k.voice = map(&k.voice);
        for (i, t) in k.top.iter_mut().enumerate() {
            t.term = evil(i);
        }
    }
    for m in &mut r.similarity {
        m.voices = m.voices.iter().map(|v| map(v)).collect();
    }
    for t in &mut r.timeline {
        t.voice = map(&t.voice);
    }
    for l in &mut r.provenance.lexicons {
        l.name = evil(0);
        l.version = evil(1);
    }
    r
}

fn assert_contained(what: &str, svg: &str) {
    let lower = svg.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "{what}: raw <script");
    assert!(!lower.contains("<img"), "{what}: raw <img");
    assert_eq!(lower.matches("</svg>").count(), 1, "{what}: </svg> early");
    assert!(lower.trim_end().ends_with("</svg>"), "{what}");
    assert!(
        !svg.contains("& ") && !svg.contains("&S"),
        "{what}: bare ampersand"
    );
    parse(svg);
}

#[test]
fn hostile_report_text_stays_text() {
    let r = hostile();
    let files = chart::all(&r, Size::SLIDE);
    assert!(files.len() >= 6, "{}", files.len());
    let mut seen_escaped = false;
    for f in &files {
        assert_contained(&f.name, &f.svg);
        assert!(!f.name.contains('<') && !f.name.contains('/'), "{}", f.name);
        seen_escaped |= f.svg.contains("&lt;script&gt;");
    }
    assert!(seen_escaped, "the hostile names should appear, escaped");
    for kind in Kind::ALL {
        assert_contained(kind.name(), &svg_of(&r, kind));
    }
    // Hostile concept ids: file names stay plain and the error message shows them inertly.
    let mut r2 = seeds().clone();
    for l in &mut r2.labels {
        l.concept = format!("../{}", l.concept);
    }
    for f in chart::all(&r2, Size::SLIDE) {
        assert!(
            !f.name.contains('/') && !f.name.starts_with('.'),
            "{}",
            f.name
        );
    }
    let e = chart::render(&r, Kind::Labels, Some("<script>\u{1b}[31m"), Size::SLIDE)
        .unwrap_err()
        .to_string();
    assert!(!e.contains('\u{1b}'), "{e:?}");
}

fn decode(png: &[u8]) -> resvg::tiny_skia::Pixmap {
    resvg::tiny_skia::Pixmap::decode_png(png).expect("a decodable PNG")
}

#[test]
fn png_is_deterministic_and_not_blank() {
    let r = seeds();
    for kind in [Kind::Stance, Kind::Labels, Kind::Timeline] {
        let svg = svg_of(r, kind);
        let a = chart::to_png(&svg).unwrap();
        assert!(a.starts_with(b"\x89PNG\r\n\x1a\n"), "{kind}");
        let px = decode(&a);
        assert_eq!((px.width(), px.height()), (1280, 720), "{kind}");
        let first = px.pixels()[0];
        let differing = px.pixels().iter().filter(|p| **p != first).count();
        assert!(
            differing > 10_000,
            "{kind}: only {differing} non-background pixels"
        );
        if kind == Kind::Stance {
            assert_eq!(a, chart::to_png(&svg).unwrap(), "{kind}: PNG differs");
        }
    }
    assert!(matches!(chart::to_png("<svg"), Err(chart::Error::Png(_))));
}

#[test]
fn png_draws_text_with_the_bundled_font() {
    // The same chart without its text would have far fewer dark pixels: text is rendered,
    // not silently dropped for want of a system font.
    let svg = svg_of(seeds(), Kind::Keyness);
    let textless: String = {
        let mut out = String::new();
        let mut rest = svg.as_str();
        while let Some(i) = rest.find("<text") {
            out.push_str(&rest[..i]);
            let j = rest[i..]
                .find("</text>")
                .map(|j| i + j + 7)
                .unwrap_or(rest.len());
            rest = &rest[j..];
        }
        out.push_str(rest);
        out
    };
    let dark = |png: &[u8]| {
        decode(png)
            .pixels()
            .iter()
            .filter(|p| p.red() < 128 && p.green() < 128 && p.blue() < 128)
            .count()
    };
    let with = dark(&chart::to_png(&svg).unwrap());
    let without = dark(&chart::to_png(&textless).unwrap());
    assert!(with > without + 2_000, "text pixels: {with} vs {without}");
}

#[test]
fn chart_command_writes_svg_and_png_and_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    std::fs::write(&report, seeds().to_json()).unwrap();
    let rep = report.to_str().unwrap();

    let (code, out, err) = run(&["chart", "--report", rep, "--kind", "stance"], &root());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("<svg") && out.trim_end().ends_with("</svg>"));
    assert_eq!(
        out,
        svg_of(seeds(), Kind::Stance),
        "stdout is the library's SVG"
    );

    let svg = dir.path().join("out/frames.svg");
    let (code, _, err) = run(
        &[
            "chart",
            "--report",
            rep,
            "--kind",
            "frames",
            "--size",
            "a4",
            "--out",
            svg.to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("width=\"1123\" height=\"794\""));
    parse(&text);

    let png = dir.path().join("labels.png");
    let folder = dir.path().to_str().unwrap();
    let (code, _, err) = run(
        &[
            "chart",
            "--report",
            folder,
            "--kind",
            "labels",
            "--concept",
            "syrian_state",
            "--out",
            png.to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(&png)
        .unwrap()
        .starts_with(b"\x89PNG\r\n\x1a\n"));

    // Missing and invalid reports: exit 2 naming the path.
    let (code, _, err) = run(
        &[
            "chart",
            "--report",
            "no/such/report.json",
            "--kind",
            "stance",
        ],
        &root(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no/such/report.json"), "{err}");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"not\": \"a report\"}").unwrap();
    let (code, _, err) = run(
        &[
            "chart",
            "--report",
            bad.to_str().unwrap(),
            "--kind",
            "stance",
        ],
        &root(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("bad.json") && err.contains("not a framelens report"),
        "{err}"
    );

    // Unknown concept and bad --out: usage errors.
    let (code, _, err) = run(
        &[
            "chart",
            "--report",
            rep,
            "--kind",
            "labels",
            "--concept",
            "nope",
        ],
        &root(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("unknown concept \"nope\""), "{err}");
    let (code, _, err) = run(
        &[
            "chart", "--report", rep, "--kind", "stance", "--out", "x.gif",
        ],
        &root(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(".svg or .png"), "{err}");

    // No data: exit 1 with the reason.
    let mut empty = seeds().clone();
    empty.stance.clear();
    let er = dir.path().join("empty.json");
    std::fs::write(&er, empty.to_json()).unwrap();
    let (code, out, err) = run(
        &[
            "chart",
            "--report",
            er.to_str().unwrap(),
            "--kind",
            "stance",
        ],
        &root(),
    );
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("no data for the stance chart"), "{err}");
}
