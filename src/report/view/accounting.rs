//! The page head and the record of the run: title and subtitle, the accounting sentence
//! (read = analysed + skipped), flagged articles, skips and provenance lines.

use super::MAX_SKIPS;
use crate::report::Report;

/// `framelens report: <inputs>`.
pub(super) fn title(report: &Report) -> String {
    format!("framelens report: {}", input_paths(report).join(", "))
}

/// Corpus, lexicons, gazetteer and version in one line.
pub(super) fn subtitle(report: &Report) -> String {
    let p = &report.provenance;
    let lexicons: Vec<String> = p
        .lexicons
        .iter()
        .map(|l| format!("{} {}", l.name, l.version))
        .collect();
    format!(
        "{} articles analysed from {} input(s); lexicons {}; gazetteer {} {}; framelens {}",
        report.accounting.analysed,
        p.inputs.len(),
        lexicons.join(", "),
        p.gazetteer.name,
        p.gazetteer.version,
        p.framelens_version
    )
}

/// read = analysed + skipped, with sentences, words, boilerplate and unread dates, in words.
pub(super) fn sentence(report: &Report) -> String {
    let a = &report.accounting;
    format!(
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
    }
}

/// One line per flagged article listed in the report (the first
/// [`LIST_SAMPLE`](crate::analysis::aggregate::LIST_SAMPLE)); the count of the rest.
pub(super) fn flags(report: &Report) -> (Vec<String>, u64) {
    let total: u64 = report.flagged.values().sum();
    let listed: Vec<String> = report
        .flags
        .iter()
        .map(|f| {
            format!(
                "{} ({}, {}): {}, {}",
                f.article, f.outlet, f.source, f.kind, f.detail
            )
        })
        .collect();
    let more = total.saturating_sub(listed.len() as u64);
    (listed, more)
}

/// One line per skip, at most [`MAX_SKIPS`]; the count of the rest (of all skips, not only
/// of those report.json lists).
pub(super) fn skips(report: &Report) -> (Vec<String>, u64) {
    let skips = report.accounting.skips();
    let listed: Vec<String> = skips.iter().take(MAX_SKIPS).map(|s| s.message()).collect();
    let more = report
        .accounting
        .skipped()
        .saturating_sub(listed.len() as u64);
    (listed, more)
}

/// Inputs, lexicons, gazetteer, boilerplate rules, version and bootstrap settings.
pub(super) fn provenance(report: &Report) -> Vec<String> {
    let p = &report.provenance;
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
    let by_rule = &report.accounting.boilerplate_lines;
    if !by_rule.is_empty() {
        let rules: Vec<String> = by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
        provenance.push(format!(
            "boilerplate lines set aside, by rule: {}",
            rules.join(", ")
        ));
    }
    // The endings learned from the corpus, so that a reader sees what was left out.
    for l in p.recurring.iter().take(MAX_RECURRING) {
        let text: String = l.text.chars().take(RECURRING_CHARS).collect();
        let cut = if text.len() < l.text.len() {
            " …"
        } else {
            ""
        };
        provenance.push(format!(
            "recurring ending of {} ({} of {} articles), set aside: \u{201C}{text}{cut}\u{201D}",
            l.outlet, l.articles, l.of
        ));
    }
    if p.recurring.len() > MAX_RECURRING {
        provenance.push(format!(
            "… and {} more recurring endings in report.json (provenance.recurring)",
            p.recurring.len() - MAX_RECURRING
        ));
    }
    provenance
}

/// Recurring endings listed in the report's provenance (all are in report.json).
const MAX_RECURRING: usize = 50;
/// Characters of each recurring ending shown.
const RECURRING_CHARS: usize = 120;

fn input_paths(report: &Report) -> Vec<String> {
    report
        .provenance
        .inputs
        .iter()
        .map(|i| i.path.clone())
        .collect()
}
