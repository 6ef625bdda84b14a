//! The self-contained HTML report: inline CSS and SVG, no script, no external request (a
//! Content-Security-Policy of `default-src 'none'` enforces it), every number linked to its
//! evidence. Rendered with askama (`templates/report.html`), which escapes every value; the
//! few pre-built fragments (evidence sentences, summary sentences, SVG) are built from
//! [`super::escape`] and plotters' escaped output.

use super::escape;
use super::view::{Cell, Head, View};
use crate::analysis::aggregate::Evidence;
use askama::Template;

/// A chart to embed.
#[derive(Clone, Debug)]
pub struct Figure {
    /// File name (`stance.svg`).
    pub name: String,
    /// Heading shown above the chart in index.html.
    pub title: String,
    /// The SVG text.
    pub svg: String,
}

struct TableT {
    id: String,
    caption: String,
    head: Vec<Head>,
    rows: Vec<Vec<Cell>>,
}

struct SectionT {
    id: String,
    title: String,
    intro: String,
    figures: Vec<String>,
    tables: Vec<TableT>,
}

struct EvidenceT {
    id: String,
    title: String,
    items: Vec<String>,
    more: u64,
}

#[derive(Template)]
#[template(path = "report.html")]
struct Page {
    title: String,
    subtitle: String,
    accounting_sentence: String,
    findings: Vec<String>,
    sections: Vec<SectionT>,
    evidence: Vec<EvidenceT>,
    evidence_cap: usize,
    method: String,
    flags: Vec<String>,
    flagged_more: u64,
    skips: Vec<String>,
    skipped_total: u64,
    skipped_more: u64,
    provenance: Vec<String>,
}

/// One evidence sentence with its highlights, and where it comes from.
pub fn evidence_item(e: &Evidence) -> String {
    let s = e.sentence.as_str();
    let mut marks: Vec<&crate::analysis::aggregate::Mark> = e
        .marks
        .iter()
        .filter(|m| {
            m.start < m.end
                && m.end <= s.len()
                && s.is_char_boundary(m.start)
                && s.is_char_boundary(m.end)
        })
        .collect();
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out = String::from("<blockquote>");
    let mut pos = 0;
    for m in marks {
        if m.start < pos {
            continue; // overlapping highlight: the first one wins
        }
        out.push_str(&escape::html(&s[pos..m.start]));
        out.push_str(&format!(
            "<mark class=\"{}\" title=\"{}\">{}</mark>",
            escape::attr(&escape::id(m.kind.as_str())),
            escape::attr(&m.note),
            escape::html(&s[m.start..m.end])
        ));
        pos = m.end;
    }
    out.push_str(&escape::html(&s[pos..]));
    out.push_str("</blockquote><p class=\"meta\">");
    out.push_str(&format!(
        "<span class=\"tag\">voice: {}</span>",
        escape::html(&e.voice)
    ));
    out.push_str(&format!(
        "outlet {} · article {}",
        escape::html(&e.outlet),
        escape::html(&e.article)
    ));
    if let Some(d) = &e.date {
        out.push_str(&format!(" · {}", escape::html(d)));
    }
    if let Some(t) = &e.title {
        out.push_str(&format!(" · \u{201C}{}\u{201D}", escape::html(t)));
    }
    if let Some(sc) = e.score {
        out.push_str(&format!(" · stance {sc:+.3}"));
        if !e.rules.is_empty() {
            out.push_str(&format!(" ({})", escape::html(&e.rules.join(", "))));
        }
    }
    out.push_str(&format!(" · bytes {}–{}", e.start, e.end));
    if let Some(u) = &e.url {
        match escape::safe_url(u) {
            Some(href) => out.push_str(&format!(
                " · <a href=\"{href}\" rel=\"noopener noreferrer nofollow\">source</a>"
            )),
            None => out.push_str(&format!(
                " · URL (not a web link, shown as text): {}",
                escape::html(u)
            )),
        }
    }
    out.push_str("</p>");
    out
}

/// Renders the HTML report.
pub fn render(
    view: &View,
    figures: &[Figure],
    skipped_total: u64,
) -> Result<String, askama::Error> {
    let svg_of = |name: &str| {
        figures
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.svg.clone())
    };
    let page = Page {
        title: view.title.clone(),
        subtitle: view.subtitle.clone(),
        accounting_sentence: view.accounting.clone(),
        findings: view
            .findings
            .iter()
            .map(|f| {
                let mut li = escape::html(&f.text);
                for (i, (name, anchor)) in f.links.iter().enumerate() {
                    li.push_str(if i == 0 { " Evidence: " } else { " · " });
                    li.push_str(&format!(
                        "<a href=\"#{}\">{}</a>",
                        escape::attr(anchor),
                        escape::html(name)
                    ));
                }
                li
            })
            .collect(),
        sections: view
            .sections
            .iter()
            .map(|s| SectionT {
                id: s.id.clone(),
                title: s.title.clone(),
                intro: s.intro.clone(),
                figures: s.charts.iter().filter_map(|c| svg_of(c)).collect(),
                tables: s
                    .tables
                    .iter()
                    .map(|t| TableT {
                        id: t.id.clone(),
                        caption: t.caption.clone(),
                        head: t.head.clone(),
                        rows: t.rows.clone(),
                    })
                    .collect(),
            })
            .collect(),
        evidence: view
            .evidence
            .iter()
            .map(|e| EvidenceT {
                id: e.id.clone(),
                title: e.title.clone(),
                items: e.items.iter().map(evidence_item).collect(),
                more: e.more,
            })
            .collect(),
        evidence_cap: super::view::EVIDENCE_SHOWN,
        method: view.method.clone(),
        flags: view.flags.clone(),
        flagged_more: view.flagged_more,
        skips: view.skips.clone(),
        skipped_total,
        skipped_more: view.skipped_more,
        provenance: view.provenance.clone(),
    };
    page.render()
}
