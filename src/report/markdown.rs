//! The Markdown report: the summary and the tables of the HTML report, with charts linked as
//! `charts/*.svg`. Every cell is escaped for Markdown tables.

use super::escape::markdown_cell as md;
use super::view::{Class, View};

/// Renders the Markdown report; `charts` are (file name, title) pairs written under `charts/`.
pub fn render(view: &View, charts: &[(String, String)]) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# {}\n\n{}\n\n",
        md(&view.title),
        md(&view.subtitle)
    ));
    out.push_str("## Summary\n\n");
    out.push_str(&format!("{}\n\n", md(&view.accounting)));
    for f in &view.findings {
        out.push_str(&format!("- {}", md(&f.text)));
        for (i, (name, anchor)) in f.links.iter().enumerate() {
            // Anchors are made of [A-Za-z0-9_-] (escape::id): safe in a link target.
            out.push_str(if i == 0 { " Evidence: " } else { " · " });
            out.push_str(&format!("[{}](index.html#{})", md(name), anchor));
        }
        out.push('\n');
    }
    out.push_str(&format!("\n{}\n\n", md(&view.method)));
    for s in &view.sections {
        out.push_str(&format!("## {}\n\n{}\n\n", md(&s.title), md(&s.intro)));
        for c in &s.charts {
            let title = charts
                .iter()
                .find(|x| &x.0 == c)
                .map(|x| x.1.clone())
                .unwrap_or_else(|| c.clone());
            out.push_str(&format!("![{}](charts/{})\n\n", md(&title), c));
        }
        for t in &s.tables {
            if t.rows.is_empty() {
                continue;
            }
            if !t.caption.is_empty() {
                out.push_str(&format!("### {}\n\n", md(&t.caption)));
            }
            out.push_str(&format!(
                "| {} |\n",
                t.head
                    .iter()
                    .map(|h| md(&h.text))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
            out.push_str(&format!(
                "|{}\n",
                t.head
                    .iter()
                    .map(|h| if h.class == Class::Left {
                        " --- |"
                    } else {
                        " ---: |"
                    })
                    .collect::<String>()
            ));
            for row in &t.rows {
                out.push_str(&format!(
                    "| {} |\n",
                    row.iter()
                        .map(|c| md(&c.text))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
            }
            out.push('\n');
        }
    }
    if !view.flags.is_empty() {
        out.push_str("## Flagged articles\n\n");
        for f in &view.flags {
            out.push_str(&format!("- {}\n", md(f)));
        }
        if view.flagged_more > 0 {
            out.push_str(&format!(
                "- … and {} more: `framelens analyze` lists every one in flags.jsonl\n",
                view.flagged_more
            ));
        }
        out.push('\n');
    }
    out.push_str("## Skipped records\n\n");
    if view.skips.is_empty() {
        out.push_str("None.\n\n");
    }
    for s in &view.skips {
        out.push_str(&format!("- {}\n", md(s)));
    }
    if view.skipped_more > 0 {
        out.push_str(&format!(
            "- … and {} more: `framelens analyze` lists every one in skips.jsonl\n",
            view.skipped_more
        ));
    }
    out.push_str("\n## Provenance\n\n");
    for p in &view.provenance {
        out.push_str(&format!("- {}\n", md(p)));
    }
    out
}
