//! What a reader sees, computed once from a [`Report`] for both the HTML and the Markdown
//! renderers: the summary in plain sentences, the tables with links to their evidence, and the
//! evidence blocks. Strings here are plain text; each renderer escapes them for its format.

use super::{Report, ShareRow, StanceRow, LOW_N};
use crate::analysis::aggregate::Evidence;
use std::collections::{BTreeMap, BTreeSet};

/// Evidence items shown per cell in the HTML report.
pub const EVIDENCE_SHOWN: usize = 3;
/// Voices shown per table.
pub const MAX_VOICES: usize = 20;
/// Actors shown in the stance table.
pub const MAX_ACTORS: usize = 12;
/// Frames shown in the frame table.
pub const MAX_FRAMES: usize = 10;
/// Skips listed in full before "+N more".
pub const MAX_SKIPS: usize = 1000;

/// A table header cell.
#[derive(Clone, Debug, Default)]
pub struct Head {
    /// Text.
    pub text: String,
    /// CSS class.
    pub class: String,
    /// Tooltip.
    pub title: String,
}

/// A table cell.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    /// Text.
    pub text: String,
    /// CSS class (`l` left-aligned, `low` low n, `pos`/`neg` stance sign).
    pub class: String,
    /// Tooltip.
    pub title: String,
    /// Id of the evidence block, or empty.
    pub link: String,
}

/// A table.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Anchor id.
    pub id: String,
    /// Caption.
    pub caption: String,
    /// Header.
    pub head: Vec<Head>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
}

/// A section of the report.
#[derive(Clone, Debug, Default)]
pub struct Section {
    /// Anchor id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// One-paragraph explanation.
    pub intro: String,
    /// Chart file names (from `chart::all`) that belong here.
    pub charts: Vec<String>,
    /// Tables.
    pub tables: Vec<Table>,
}

/// One finding of the summary: plain text, and the section it points to.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The sentence.
    pub text: String,
    /// Anchor of the evidence or section.
    pub link: String,
}

/// An evidence block: the sentences behind one cell.
#[derive(Clone, Debug)]
pub struct EvidenceBlock {
    /// Anchor id.
    pub id: String,
    /// What the cell is.
    pub title: String,
    /// The items shown.
    pub items: Vec<Evidence>,
    /// Observations not shown.
    pub more: u64,
}

/// Everything a renderer needs.
#[derive(Clone, Debug)]
pub struct View {
    /// Page title.
    pub title: String,
    /// Corpus and lexicons in one line.
    pub subtitle: String,
    /// read = analysed + skipped, in words.
    pub accounting: String,
    /// The largest differences found.
    pub findings: Vec<Finding>,
    /// Sections.
    pub sections: Vec<Section>,
    /// Evidence blocks, in order of first reference.
    pub evidence: Vec<EvidenceBlock>,
    /// Flagged articles, one line each.
    pub flags: Vec<String>,
    /// Skips, one line each (capped).
    pub skips: Vec<String>,
    /// Skips not listed.
    pub skipped_more: usize,
    /// Provenance lines.
    pub provenance: Vec<String>,
}

fn pct(x: f64) -> String {
    format!("{:.0} %", x * 100.0)
}

fn signed(x: f64) -> String {
    format!("{x:+.2}")
}

/// The name of a voice or actor for display: the report's name when it has one.
fn names(report: &Report) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for a in &report.actors {
        if !a.name.is_empty() {
            m.insert(a.actor.clone(), a.name.clone());
        }
    }
    for v in &report.voices {
        m.insert(v.voice.clone(), v.name.clone());
    }
    m
}

struct Builder<'r> {
    report: &'r Report,
    names: BTreeMap<String, String>,
    evidence: Vec<EvidenceBlock>,
    seen: BTreeSet<String>,
}

impl<'r> Builder<'r> {
    fn name(&self, id: &str) -> String {
        match self.names.get(id) {
            Some(n) if n != id => format!("{n} ({id})"),
            _ => id.to_string(),
        }
    }

    fn short(&self, id: &str) -> String {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    /// Registers the evidence of a cell; returns its anchor.
    fn link(&mut self, id: String, title: String, items: &[Evidence], total: u64) -> String {
        if items.is_empty() {
            return String::new();
        }
        let id = crate::report::escape::id(&id);
        if self.seen.insert(id.clone()) {
            let shown: Vec<Evidence> = items.iter().take(EVIDENCE_SHOWN).cloned().collect();
            let more = total.saturating_sub(shown.len() as u64);
            self.evidence.push(EvidenceBlock {
                id: id.clone(),
                title,
                items: shown,
                more,
            });
        }
        id
    }

    fn share_cell(&mut self, r: &ShareRow, what: &str) -> Cell {
        let title = format!(
            "{} of {} uses; 95 % interval {}–{}; {} articles",
            r.count,
            r.total,
            pct(r.ci_low),
            pct(r.ci_high),
            r.articles
        );
        let link = self.link(
            format!("ev-{}-{}-{}-{}", r.scope, r.concept, r.voice, r.label),
            format!(
                "{what}: {} in the voice of {} ({} of {} uses)",
                r.label,
                self.name(&r.voice),
                r.count,
                r.total
            ),
            &r.evidence,
            r.count,
        );
        Cell {
            text: if r.count == 0 {
                "0".into()
            } else {
                format!("{} [{}–{}]", pct(r.share), pct(r.ci_low), pct(r.ci_high))
            },
            class: if r.low_n { "low".into() } else { String::new() },
            title,
            link,
        }
    }

    fn stance_cell(&mut self, r: &StanceRow) -> Cell {
        let link = self.link(
            format!("ev-stance-{}-{}", r.voice, r.actor),
            format!(
                "Stance of {} toward {}: mean {} [{}, {}], n = {}",
                self.name(&r.voice),
                self.name(&r.actor),
                signed(r.mean),
                signed(r.ci_low),
                signed(r.ci_high),
                r.n
            ),
            &r.evidence,
            r.n,
        );
        Cell {
            text: format!(
                "{} [{}, {}] n={}",
                signed(r.mean),
                signed(r.ci_low),
                signed(r.ci_high),
                r.n
            ),
            class: if r.low_n {
                "low".into()
            } else if r.mean > 0.05 {
                "pos".into()
            } else if r.mean < -0.05 {
                "neg".into()
            } else {
                String::new()
            },
            title: format!(
                "{} positive, {} negative of {} sentences in {} articles",
                r.positive, r.negative, r.n, r.articles
            ),
            link,
        }
    }
}

fn head(text: &str, class: &str, title: &str) -> Head {
    Head {
        text: text.to_string(),
        class: class.to_string(),
        title: title.to_string(),
    }
}

fn text_cell(text: String) -> Cell {
    Cell {
        text,
        class: "l".into(),
        ..Cell::default()
    }
}

fn num_cell(n: u64) -> Cell {
    Cell {
        text: n.to_string(),
        ..Cell::default()
    }
}

impl View {
    /// Builds the view of a report; `charts` are the chart file names available.
    pub fn build(report: &Report, charts: &[String]) -> View {
        let mut b = Builder {
            report,
            names: names(report),
            evidence: Vec::new(),
            seen: BTreeSet::new(),
        };
        let p = &report.provenance;
        let inputs: Vec<String> = p.inputs.iter().map(|i| i.path.clone()).collect();
        let lexicons: Vec<String> = p
            .lexicons
            .iter()
            .map(|l| format!("{} {}", l.name, l.version))
            .collect();
        let a = &report.accounting;
        let title = format!("framelens report: {}", inputs.join(", "));
        let subtitle = format!(
            "{} articles analysed from {} input(s); lexicons {}; gazetteer {} {}; framelens {}",
            a.analysed,
            inputs.len(),
            lexicons.join(", "),
            p.gazetteer.name,
            p.gazetteer.version,
            p.framelens_version
        );
        let accounting = format!(
            "Read {} records: {} analysed, {} skipped ({} sentences, {} words analysed; {} boilerplate lines set aside).",
            a.read,
            a.analysed,
            a.skipped,
            a.sentences,
            a.tokens,
            a.boilerplate_lines.values().sum::<u64>()
        ) + &match a.unparsed_dates {
            0 => String::new(),
            1 => " 1 date could not be read and is left out of the timeline.".to_string(),
            n => format!(" {n} dates could not be read and are left out of the timeline."),
        };
        let findings = findings(&mut b);
        let mut sections = Vec::new();
        // Labels.
        let mut label_tables = Vec::new();
        for c in &report.concepts {
            let rows: Vec<&ShareRow> = report
                .labels
                .iter()
                .filter(|r| r.scope == "voice" && r.concept == c.concept && r.total > 0)
                .collect();
            if rows.is_empty() {
                continue;
            }
            let used: Vec<&String> = c
                .labels
                .iter()
                .filter(|l| rows.iter().any(|r| &r.label == *l && r.count > 0))
                .collect();
            let mut voices: Vec<(&String, u64)> = Vec::new();
            for r in &rows {
                if !voices.iter().any(|v| v.0 == &r.voice) {
                    voices.push((&r.voice, r.total));
                }
            }
            voices.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(y.0)));
            voices.truncate(MAX_VOICES);
            let mut t = Table {
                id: format!("labels-{}", crate::report::escape::id(&c.concept)),
                caption: format!(
                    "{}{}",
                    c.concept,
                    c.description
                        .as_deref()
                        .map(|d| format!(": {d}"))
                        .unwrap_or_default()
                ),
                head: vec![
                    head("voice", "l", ""),
                    head("uses", "", "uses of any label of the set"),
                ],
                rows: Vec::new(),
            };
            t.head.extend(
                used.iter()
                    .map(|l| head(l, "", "share of the voice's uses [95 % interval]")),
            );
            for (v, total) in &voices {
                let mut row = vec![text_cell(b.short(v)), num_cell(*total)];
                for l in &used {
                    match rows.iter().find(|r| &r.voice == *v && &r.label == *l) {
                        Some(r) => row.push(b.share_cell(r, &c.concept)),
                        None => row.push(Cell::default()),
                    }
                }
                t.rows.push(row);
            }
            label_tables.push(t);
        }
        sections.push(Section {
            id: "labels".into(),
            title: "Label choice".into(),
            intro: "How each voice names the same referent: the share of each label among the voice's uses of the label set (what the voice itself says; quotes belong to the quoted voice).".into(),
            charts: charts.iter().filter(|c| c.starts_with("labels")).cloned().collect(),
            tables: label_tables,
        });
        // Stance.
        let mut actor_n: BTreeMap<&String, u64> = BTreeMap::new();
        let mut voice_n: BTreeMap<&String, u64> = BTreeMap::new();
        for r in &report.stance {
            *actor_n.entry(&r.actor).or_default() += r.n;
            *voice_n.entry(&r.voice).or_default() += r.n;
        }
        let top = |m: BTreeMap<&String, u64>, k: usize| {
            let mut v: Vec<(&String, u64)> = m
                .into_iter()
                .filter(|(id, _)| id.as_str() != "unknown")
                .collect();
            v.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(y.0)));
            v.into_iter()
                .take(k)
                .map(|x| x.0.clone())
                .collect::<Vec<String>>()
        };
        let actors = top(actor_n, MAX_ACTORS);
        let voices = top(voice_n, MAX_VOICES);
        let mut st = Table {
            id: "stance-table".into(),
            caption: String::new(),
            head: vec![head("voice", "l", "")],
            rows: Vec::new(),
        };
        st.head
            .extend(actors.iter().map(|a| head(&b.short(a), "", a)));
        for v in &voices {
            let mut row = vec![text_cell(b.short(v))];
            for a in &actors {
                match report
                    .stance
                    .iter()
                    .find(|r| &r.voice == v && &r.actor == a)
                {
                    Some(r) => row.push(b.stance_cell(r)),
                    None => row.push(Cell::default()),
                }
            }
            st.rows.push(row);
        }
        sections.push(Section {
            id: "stance".into(),
            title: "Stance toward actors".into(),
            intro: "Mean target stance (−1 to +1) of each voice toward each actor over the sentences that mention it, with the 95 % interval and the number of sentences. Stance toward a part (the Syrian army) also counts toward the whole (the Syrian government).".into(),
            charts: charts.iter().filter(|c| c.starts_with("stance") || c.starts_with("timeline")).cloned().collect(),
            tables: vec![st],
        });
        // Frames.
        let mut frame_total: BTreeMap<&String, u64> = BTreeMap::new();
        for r in &report.frames {
            *frame_total.entry(&r.label).or_default() += r.count;
        }
        let frames = top(frame_total, MAX_FRAMES);
        let mut fvoices: Vec<(&String, u64)> = Vec::new();
        for r in &report.frames {
            if !fvoices.iter().any(|v| v.0 == &r.voice) {
                fvoices.push((&r.voice, r.total));
            }
        }
        fvoices.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(y.0)));
        fvoices.truncate(MAX_VOICES);
        let mut ft = Table {
            id: "frames-table".into(),
            caption: String::new(),
            head: vec![head("voice", "l", ""), head("frame terms", "", "")],
            rows: Vec::new(),
        };
        ft.head.extend(
            frames
                .iter()
                .map(|f| head(f, "", "share of the voice's frame terms")),
        );
        for (v, total) in &fvoices {
            let mut row = vec![text_cell(b.short(v)), num_cell(*total)];
            for f in &frames {
                match report
                    .frames
                    .iter()
                    .find(|r| &r.voice == *v && &r.label == f)
                {
                    Some(r) => row.push(b.share_cell(r, "frame")),
                    None => row.push(Cell {
                        text: "0".into(),
                        ..Cell::default()
                    }),
                }
            }
            ft.rows.push(row);
        }
        sections.push(Section {
            id: "frames".into(),
            title: "Frames".into(),
            intro: "The share of each frame among a voice's frame terms.".into(),
            charts: charts
                .iter()
                .filter(|c| c.starts_with("frames"))
                .cloned()
                .collect(),
            tables: vec![ft],
        });
        // Similarity and keyness.
        let mut sim_tables = Vec::new();
        if let Some(m) = report.similarity.iter().find(|m| m.actor == "all") {
            let mut t = Table {
                id: "similarity-all".into(),
                caption: format!("All text, {} most frequent terms", m.terms),
                head: vec![head("", "l", "")],
                rows: Vec::new(),
            };
            t.head
                .extend(m.voices.iter().map(|v| head(&b.short(v), "", v)));
            for (i, v) in m.voices.iter().enumerate() {
                let mut row = vec![text_cell(b.short(v))];
                row.extend(m.matrix[i].iter().map(|x| Cell {
                    text: format!("{x:.2}"),
                    ..Cell::default()
                }));
                t.rows.push(row);
            }
            sim_tables.push(t);
        }
        sections.push(Section {
            id: "similarity".into(),
            title: "Similarity of voices".into(),
            intro: "Cosine similarity of the voices' word and word-pair frequencies (1: same vocabulary). Per-actor matrices (words around each actor) are in report.json.".into(),
            charts: charts.iter().filter(|c| c.starts_with("similarity")).cloned().collect(),
            tables: sim_tables,
        });
        let mut kt = Table {
            id: "keyness-table".into(),
            caption: String::new(),
            head: vec![
                head("voice", "l", ""),
                head(
                    "most distinctive terms (z)",
                    "l",
                    "log-odds ratio with informative Dirichlet prior, against all other voices",
                ),
            ],
            rows: Vec::new(),
        };
        for k in report
            .keyness
            .iter()
            .filter(|k| k.against == "rest")
            .take(MAX_VOICES)
        {
            let terms: Vec<String> = k
                .top
                .iter()
                .take(10)
                .map(|t| format!("{} ({:.1})", t.term, t.z))
                .collect();
            kt.rows.push(vec![
                text_cell(b.short(&k.voice)),
                text_cell(terms.join(", ")),
            ]);
        }
        sections.push(Section {
            id: "keyness".into(),
            title: "Distinctive vocabulary".into(),
            intro: "Terms each voice uses far more than the others (z-scores of the log-odds ratio with an informative Dirichlet prior; Monroe, Colaresi & Quinn 2008).".into(),
            charts: charts.iter().filter(|c| c.starts_with("keyness")).cloned().collect(),
            tables: vec![kt],
        });
        // Voices and actors.
        let mut vt = Table {
            id: "voices-table".into(),
            caption: String::new(),
            head: [
                "voice",
                "kind",
                "articles",
                "own passages",
                "quoted passages",
                "words",
                "quoted by",
            ]
            .iter()
            .enumerate()
            .map(|(i, h)| head(h, if i == 0 || i == 1 || i == 6 { "l" } else { "" }, ""))
            .collect(),
            rows: Vec::new(),
        };
        let mut vs: Vec<&super::VoiceRow> = report.voices.iter().collect();
        vs.sort_by(|x, y| y.tokens.cmp(&x.tokens).then_with(|| x.voice.cmp(&y.voice)));
        for v in vs {
            let quoted: Vec<String> = v
                .quoted_by
                .iter()
                .map(|(k, n)| format!("{k} ({n})"))
                .collect();
            vt.rows.push(vec![
                text_cell(b.name(&v.voice)),
                text_cell(format!(
                    "{}{}",
                    v.kind,
                    if v.state_media { ", state media" } else { "" }
                )),
                num_cell(v.articles),
                num_cell(v.own_passages),
                num_cell(v.quoted_passages),
                num_cell(v.tokens),
                text_cell(quoted.join(", ")),
            ]);
        }
        let mut at = Table {
            id: "actors-table".into(),
            caption: String::new(),
            head: [
                "actor",
                "kind",
                "mentions",
                "articles",
                "spellings",
                "by voice",
            ]
            .iter()
            .enumerate()
            .map(|(i, h)| head(h, if !(2..=3).contains(&i) { "l" } else { "" }, ""))
            .collect(),
            rows: Vec::new(),
        };
        let mut acts: Vec<&super::ActorRow> =
            report.actors.iter().filter(|a| a.mentions > 0).collect();
        acts.sort_by(|x, y| {
            y.mentions
                .cmp(&x.mentions)
                .then_with(|| x.actor.cmp(&y.actor))
        });
        for a in acts.into_iter().take(40) {
            let mut forms: Vec<(&String, &u64)> = a.forms.iter().collect();
            forms.sort_by(|x, y| y.1.cmp(x.1).then_with(|| x.0.cmp(y.0)));
            let forms: Vec<String> = forms
                .iter()
                .take(6)
                .map(|(f, n)| format!("{f} ({n})"))
                .collect();
            let mut bv: Vec<(&String, &u64)> = a.by_voice.iter().collect();
            bv.sort_by(|x, y| y.1.cmp(x.1).then_with(|| x.0.cmp(y.0)));
            let bv: Vec<String> = bv
                .iter()
                .take(5)
                .map(|(f, n)| format!("{f} ({n})"))
                .collect();
            at.rows.push(vec![
                text_cell(b.name(&a.actor)),
                text_cell(a.kind.clone()),
                num_cell(a.mentions),
                num_cell(a.articles),
                text_cell(forms.join(", ")),
                text_cell(bv.join(", ")),
            ]);
        }
        sections.push(Section {
            id: "voices".into(),
            title: "Voices and actors".into(),
            intro: "Who speaks (own and quoted passages, words) and who is talked about (mentions, spellings resolved to one actor).".into(),
            charts: Vec::new(),
            tables: vec![vt, at],
        });
        let flags = report
            .flags
            .iter()
            .map(|f| {
                format!(
                    "{} ({}, {}): {}, {}",
                    f.article, f.outlet, f.source, f.kind, f.detail
                )
            })
            .collect();
        let skips: Vec<String> = a
            .skips
            .iter()
            .take(MAX_SKIPS)
            .map(|s| s.message())
            .collect();
        let mut provenance: Vec<String> = p
            .inputs
            .iter()
            .map(|i| format!("input {} ({:?}), sha256 {}", i.path, i.kind, i.sha256))
            .collect();
        provenance.extend(p.lexicons.iter().map(|l| {
            format!(
                "lexicon {} {} ({}), sha256 {}",
                l.name, l.version, l.path, l.sha256
            )
        }));
        provenance.push(format!(
            "gazetteer {} {} ({}), sha256 {}",
            p.gazetteer.name, p.gazetteer.version, p.gazetteer.path, p.gazetteer.sha256
        ));
        provenance.push(format!(
            "boilerplate patterns {}; framelens {}; bootstrap seed {}, {} replicates",
            p.boilerplate, p.framelens_version, p.options.seed, p.replicates
        ));
        View {
            title,
            subtitle,
            accounting,
            findings,
            sections,
            evidence: b.evidence,
            flags,
            skipped_more: a.skips.len().saturating_sub(MAX_SKIPS),
            skips,
            provenance,
        }
    }
}

/// The largest differences, in plain sentences with their numbers.
fn findings(b: &mut Builder) -> Vec<Finding> {
    let report = b.report;
    let mut out: Vec<(f64, Finding)> = Vec::new();
    // Label choice: the label whose share differs most between voices with 5+ uses.
    for c in &report.concepts {
        let rows: Vec<&ShareRow> = report
            .labels
            .iter()
            .filter(|r| {
                r.scope == "voice"
                    && r.concept == c.concept
                    && r.total >= LOW_N
                    && r.voice != "unknown"
            })
            .collect();
        let mut best: Option<(f64, &ShareRow, &ShareRow)> = None;
        for l in &c.labels {
            let of: Vec<&&ShareRow> = rows.iter().filter(|r| &r.label == l).collect();
            if of.len() < 2 {
                continue;
            }
            let hi = of
                .iter()
                .max_by(|x, y| {
                    x.share
                        .total_cmp(&y.share)
                        .then_with(|| y.voice.cmp(&x.voice))
                })
                .unwrap();
            let lo = of
                .iter()
                .min_by(|x, y| {
                    x.share
                        .total_cmp(&y.share)
                        .then_with(|| x.voice.cmp(&y.voice))
                })
                .unwrap();
            let d = hi.share - lo.share;
            if best.map(|x| d > x.0).unwrap_or(true) && d > 0.0 {
                best = Some((d, hi, lo));
            }
        }
        if let Some((d, hi, lo)) = best {
            let link = b.link(
                format!("ev-{}-{}-{}-{}", hi.scope, hi.concept, hi.voice, hi.label),
                format!(
                    "{}: {} in the voice of {} ({} of {} uses)",
                    hi.concept,
                    hi.label,
                    b.name(&hi.voice),
                    hi.count,
                    hi.total
                ),
                &hi.evidence,
                hi.count,
            );
            out.push((
                d,
                Finding {
                    text: format!(
                        "{}: {} calls it \u{201C}{}\u{201D} in {} of {} uses [{}–{}]; {} in {} of {} [{}–{}].",
                        c.description.clone().unwrap_or_else(|| c.concept.clone()),
                        b.short(&hi.voice),
                        hi.label,
                        pct(hi.share),
                        hi.total,
                        pct(hi.ci_low),
                        pct(hi.ci_high),
                        b.short(&lo.voice),
                        pct(lo.share),
                        lo.total,
                        pct(lo.ci_low),
                        pct(lo.ci_high)
                    ),
                    link,
                },
            ));
        }
    }
    out.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.text.cmp(&y.1.text)));
    let mut findings: Vec<Finding> = out.into_iter().take(5).map(|x| x.1).collect();
    // Stance: the actors on which voices (5+ sentences each) disagree most.
    let mut by_actor: BTreeMap<&String, Vec<&StanceRow>> = BTreeMap::new();
    for r in report
        .stance
        .iter()
        .filter(|r| !r.low_n && r.voice != "unknown")
    {
        by_actor.entry(&r.actor).or_default().push(r);
    }
    let mut st: Vec<(f64, &StanceRow, &StanceRow)> = Vec::new();
    for rows in by_actor.values() {
        if rows.len() < 2 {
            continue;
        }
        let hi = rows
            .iter()
            .max_by(|x, y| {
                x.mean
                    .total_cmp(&y.mean)
                    .then_with(|| y.voice.cmp(&x.voice))
            })
            .unwrap();
        let lo = rows
            .iter()
            .min_by(|x, y| {
                x.mean
                    .total_cmp(&y.mean)
                    .then_with(|| x.voice.cmp(&y.voice))
            })
            .unwrap();
        st.push((hi.mean - lo.mean, hi, lo));
    }
    st.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.actor.cmp(&y.1.actor)));
    for (_, hi, lo) in st.into_iter().take(3) {
        let link = b.link(
            format!("ev-stance-{}-{}", lo.voice, lo.actor),
            format!(
                "Stance of {} toward {}: mean {} [{}, {}], n = {}",
                b.name(&lo.voice),
                b.name(&lo.actor),
                signed(lo.mean),
                signed(lo.ci_low),
                signed(lo.ci_high),
                lo.n
            ),
            &lo.evidence,
            lo.n,
        );
        findings.push(Finding {
            text: format!(
                "Toward {}: {} is the most favourable voice ({} [{}, {}], {} sentences), {} the least ({} [{}, {}], {} sentences).",
                b.short(&hi.actor),
                b.short(&hi.voice),
                signed(hi.mean),
                signed(hi.ci_low),
                signed(hi.ci_high),
                hi.n,
                b.short(&lo.voice),
                signed(lo.mean),
                signed(lo.ci_low),
                signed(lo.ci_high),
                lo.n
            ),
            link,
        });
    }
    // Similarity: the least similar pair of voices.
    if let Some(m) = report.similarity.iter().find(|m| m.actor == "all") {
        let mut least: Option<(f64, usize, usize)> = None;
        for i in 0..m.voices.len() {
            for j in i + 1..m.voices.len() {
                if least.map(|x| m.matrix[i][j] < x.0).unwrap_or(true) {
                    least = Some((m.matrix[i][j], i, j));
                }
            }
        }
        if let Some((x, i, j)) = least {
            findings.push(Finding {
                text: format!(
                    "The least similar vocabularies: {} and {} (cosine {:.2}).",
                    b.short(&m.voices[i]),
                    b.short(&m.voices[j]),
                    x
                ),
                link: "similarity".into(),
            });
        }
    }
    if !report.flags.is_empty() {
        findings.push(Finding { text: format!("{} article(s) flagged as stitched or spun text (low cohesion); they are analysed and listed.", report.flags.len()), link: "accounting".into() });
    }
    findings
}
