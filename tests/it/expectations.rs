//! Table-driven checks of actor resolution, voices and boilerplate against the expectations
//! written beside the fixtures (`fixtures/seeds/expect.toml`, `fixtures/hard/expect.toml`).

use framelens::analysis::Analyzer;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Expect {
    #[serde(default)]
    voice: Vec<VoiceCase>,
    #[serde(default)]
    mention: Vec<MentionCase>,
    #[serde(default)]
    not_mention: Vec<MentionCase>,
    #[serde(default)]
    boilerplate: Vec<BoilerCase>,
}

#[derive(Deserialize)]
struct VoiceCase {
    file: String,
    text: String,
    voice: String,
    /// `own`, `quoted` or `reported`, when the case says; `verbatim` for quoted words inside a
    /// reported passage (a mixed quotation: the passage is `reported`, the words the speaker's).
    kind: Option<String>,
}

#[derive(Deserialize)]
struct MentionCase {
    file: String,
    form: String,
    nth: Option<usize>,
    actor: String,
}

#[derive(Deserialize)]
struct BoilerCase {
    file: String,
    text: String,
}

struct Seen {
    text: String,
    /// (start, end, voice key, kind)
    passages: Vec<(usize, usize, String, &'static str)>,
    /// Quoted words inside reported passages.
    verbatim: Vec<framelens::span::Span>,
    /// (start, end, actor id, place)
    mentions: Vec<(usize, usize, String, bool)>,
    boiler: Vec<(usize, usize)>,
}

fn analyse_folder(az: &Analyzer, folder: &str) -> BTreeMap<String, Seen> {
    let path = crate::fixture(folder);
    let stream = framelens::corpus::open(&path, &Default::default()).expect("fixture folder opens");
    let mut out = BTreeMap::new();
    let mut cache = Default::default();
    for r in stream {
        let a = r.expect("fixture article loads");
        let an = az
            .analyse(&a, &mut cache)
            .expect("fixture article analyses");
        let file = std::path::Path::new(&a.source)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let seen = Seen {
            text: a.text.clone(),
            passages: an
                .passages
                .iter()
                .map(|p| {
                    (
                        p.span.start,
                        p.span.end,
                        az.voice_label(&an, p.voice),
                        match (p.quoted, p.voice) {
                            (true, _) => "quoted",
                            (false, framelens::voices::Voice::Own) => "own",
                            (false, _) => "reported",
                        },
                    )
                })
                .collect(),
            verbatim: an.verbatim.clone(),
            mentions: an
                .mentions
                .iter()
                .map(|m| {
                    (
                        m.span.start,
                        m.span.end,
                        az.gazetteer.actor(m.actor).id.clone(),
                        m.place,
                    )
                })
                .collect(),
            boiler: an
                .layout
                .boilerplate
                .iter()
                .map(|b| (b.span.start, b.span.end))
                .collect(),
        };
        out.insert(file, seen);
    }
    out
}

fn nth_occurrence(text: &str, pat: &str, nth: usize) -> Option<usize> {
    text.match_indices(pat)
        .nth(nth.saturating_sub(1))
        .map(|(i, _)| i)
}

/// Checks every expectation of a folder; returns the failures.
fn check_folder(folder: &str) -> (usize, Vec<String>) {
    let az = Analyzer::bundled();
    let seen = analyse_folder(&az, folder);
    let text = std::fs::read_to_string(crate::fixture(&format!("{folder}/expect.toml"))).unwrap();
    let exp: Expect = toml::from_str(&text).unwrap();
    let mut fails = Vec::new();
    let mut total = 0;
    for c in &exp.voice {
        total += 1;
        let s = &seen[&c.file];
        let Some(at) = s.text.find(&c.text) else {
            fails.push(format!("{}: voice text {:?} not in file", c.file, c.text));
            continue;
        };
        let mid = at + c.text.len() / 2;
        let passage = s.passages.iter().find(|p| p.0 <= mid && mid < p.1);
        let got = passage
            .map(|p| p.2.clone())
            .unwrap_or_else(|| "(none)".into());
        if got != c.voice {
            fails.push(format!(
                "{}: voice of {:?}: expected {}, got {}",
                c.file, c.text, c.voice, got
            ));
        }
        if let Some(kind) = &c.kind {
            let got = match passage {
                Some(p) if p.3 == "reported" && framelens::voices::within(&s.verbatim, mid) => {
                    "verbatim"
                }
                Some(p) => p.3,
                None => "(none)",
            };
            if got != kind {
                fails.push(format!(
                    "{}: kind of {:?}: expected {}, got {}",
                    c.file, c.text, kind, got
                ));
            }
        }
    }
    for (c, negate) in exp
        .mention
        .iter()
        .map(|c| (c, false))
        .chain(exp.not_mention.iter().map(|c| (c, true)))
    {
        total += 1;
        let s = &seen[&c.file];
        let Some(at) = nth_occurrence(&s.text, &c.form, c.nth.unwrap_or(1)) else {
            fails.push(format!(
                "{}: form {:?} (nth {:?}) not in file",
                c.file, c.form, c.nth
            ));
            continue;
        };
        let end = at + c.form.len();
        let found: Vec<&(usize, usize, String, bool)> = s
            .mentions
            .iter()
            .filter(|m| !m.3 && m.0 < end && at < m.1)
            .collect();
        let ok = if negate {
            !found.iter().any(|m| m.2 == c.actor)
        } else if c.actor == "none" {
            found.is_empty()
        } else {
            found.iter().any(|m| m.2 == c.actor)
        };
        if !ok {
            let got: Vec<&str> = found.iter().map(|m| m.2.as_str()).collect();
            fails.push(format!(
                "{}: {}mention {:?} #{}: expected {}, got {:?}",
                c.file,
                if negate { "not_" } else { "" },
                c.form,
                c.nth.unwrap_or(1),
                c.actor,
                got
            ));
        }
    }
    for c in &exp.boilerplate {
        let s = &seen[&c.file];
        for (at, _) in s.text.match_indices(&c.text) {
            total += 1;
            if !s.boiler.iter().any(|b| b.0 <= at && at < b.1) {
                fails.push(format!(
                    "{}: line with {:?} at byte {} is not boilerplate",
                    c.file, c.text, at
                ));
            }
        }
    }
    (total, fails)
}

fn assert_folder(folder: &str) {
    let (total, fails) = check_folder(folder);
    assert!(
        fails.is_empty(),
        "{} of {} expectations failed in {folder}:\n{}",
        fails.len(),
        total,
        fails.join("\n")
    );
}

#[test]
fn seed_expectations() {
    assert_folder("seeds");
}

#[test]
fn hard_case_expectations() {
    assert_folder("hard");
}
