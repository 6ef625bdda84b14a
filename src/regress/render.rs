//! A regression as text: a table for the terminal and `regress.md`.

use super::{cut, CellChange, Metric, MetricKind, Regression};
use crate::rank::top_k;
use crate::report::escape::markdown_cell;

fn num(x: Option<f64>, kind: MetricKind) -> String {
    match x {
        None => "none".into(),
        Some(v) if kind == MetricKind::Accounting => format!("{v:.0}"),
        Some(v) => format!("{v:+.3}"),
    }
}

fn verdict(m: &Metric) -> String {
    let mut v = Vec::new();
    if m.exceeds {
        v.push("EXCEEDS");
    }
    if m.outside_interval {
        v.push("outside CI");
    }
    if m.drift {
        v.push("drift");
    }
    if v.is_empty() {
        "ok".into()
    } else {
        v.join(", ")
    }
}

fn interval(m: &Metric) -> String {
    m.interval
        .map(|(a, b)| format!("[{a:+.3}, {b:+.3}]"))
        .unwrap_or_else(|| "-".into())
}

fn top_entries(c: &CellChange, n: usize) -> Vec<(String, u64)> {
    top_k(c.entries.iter().map(|(k, v)| (k.clone(), *v)), n)
}

fn summary(r: &Regression) -> String {
    format!(
        "{}: {} of {} metrics moved, {} beyond tolerance, {} outside the baseline's interval; {} sentence(s) in {} article(s) changed",
        r.verdict.as_str().to_uppercase(),
        r.moved,
        r.compared,
        r.exceeding,
        r.outside_interval,
        r.sentences_changed,
        r.articles_changed
    )
}

/// The terminal table: summary, changed entries, then up to `limit` moved metrics with the
/// entries and the sentence that moved each most.
pub fn table(r: &Regression, limit: usize) -> String {
    let mut out = format!("framelens regress: {}\n", summary(r));
    for w in &r.warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    let changes: usize = r.diffs.iter().map(|d| d.entries.len()).sum();
    out.push_str(&format!("\nlexicon changes: {changes}\n"));
    for d in &r.diffs {
        for e in d.entries.iter().take(20) {
            out.push_str(&format!("  {}: {}\n", d.new.name, e.describe()));
        }
        if d.entries.len() > 20 {
            out.push_str(&format!(
                "  ... {} more in regress.md\n",
                d.entries.len() - 20
            ));
        }
    }
    if !r.entries.is_empty() {
        out.push_str("\nentries that changed sentences:\n");
        for e in &r.entries {
            out.push_str(&format!("  {:>6}  {}\n", e.sentences, e.entry));
        }
    }
    if r.metrics.is_empty() {
        out.push_str("\nnothing moved\n");
        return out;
    }
    out.push_str(&format!(
        "\n{:<10} {:<48} {:>8} {:>8} {:>8} {:>18}  verdict\n",
        "kind", "metric", "old", "new", "delta", "baseline CI"
    ));
    for m in r.metrics.iter().take(limit) {
        out.push_str(&format!(
            "{:<10} {:<48} {:>8} {:>8} {:>+8.3} {:>18}  {}\n",
            m.kind,
            cut(&m.name, 48),
            num(m.old, m.kind),
            num(m.new, m.kind),
            m.delta,
            interval(m),
            verdict(m)
        ));
        if let Some(c) = m.cell.as_ref().and_then(|k| r.cells.get(k)) {
            for (e, n) in top_entries(c, 3) {
                out.push_str(&format!("{:<11}why: {e} ({n} sentence(s))\n", ""));
            }
            if let Some(s) = c.top.first() {
                out.push_str(&format!(
                    "{:<11}e.g. {} {}: {} -> {}: \"{}\"\n",
                    "",
                    s.article,
                    s.voice,
                    s.old,
                    s.new,
                    cut(&s.text, 160)
                ));
            }
        }
    }
    if r.metrics.len() > limit {
        out.push_str(&format!(
            "... {} more moved metric(s) in regress.md and regress.json\n",
            r.metrics.len() - limit
        ));
    }
    out
}

/// `regress.md`: everything, with article text escaped for Markdown tables.
pub fn markdown(r: &Regression) -> String {
    let e = |s: &str| markdown_cell(s);
    let mut out = String::from("# What moved\n\n");
    out.push_str(&format!("**{}**\n\n", e(&summary(r))));
    out.push_str(&format!(
        "Baseline `{}`. Tolerances: stance {}, label {}, frame {}, keyness {}, similarity {}, accounting {}; cells with fewer than {} observations never fail.\n\n",
        e(&r.baseline),
        r.tolerances.stance,
        r.tolerances.label,
        r.tolerances.frame,
        r.tolerances.keyness,
        r.tolerances.similarity,
        r.tolerances.accounting,
        r.tolerances.min_n
    ));
    for w in &r.warnings {
        out.push_str(&format!("> Warning: {}\n\n", e(w)));
    }
    out.push_str("![What moved](what-moved.svg)\n\n## Lexicon changes\n\n");
    out.push_str("| lexicon | change | section | entry | old | new | lines |\n|---|---|---|---|---|---|---|\n");
    for d in &r.diffs {
        for x in &d.entries {
            out.push_str(&format!(
                "| {} | {:?} | {} | {} | {} | {} | {} |\n",
                e(&d.new.name),
                x.change,
                e(&x.section.to_string()),
                e(&x.shown_item()),
                e(x.old.as_deref().unwrap_or("")),
                e(x.new.as_deref().unwrap_or("")),
                match (x.old_line, x.new_line) {
                    (Some(a), Some(b)) => format!("{a} → {b}"),
                    (Some(a), None) => format!("{a} → "),
                    (None, Some(b)) => format!(" → {b}"),
                    (None, None) => String::new(),
                }
            ));
        }
    }
    out.push_str("\n## Entries that changed sentences\n\n| sentences | entry |\n|---:|---|\n");
    for x in &r.entries {
        out.push_str(&format!("| {} | {} |\n", x.sentences, e(&x.entry)));
    }
    out.push_str("\n## Metrics that moved\n\n| kind | metric | old | new | change | n old → new | baseline 95 % CI | verdict |\n|---|---|---:|---:|---:|---|---|---|\n");
    for m in &r.metrics {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {:+.3} | {} → {} | {} | {} |\n",
            m.kind,
            e(&m.name),
            num(m.old, m.kind),
            num(m.new, m.kind),
            m.delta,
            m.old_n,
            m.new_n,
            interval(m),
            verdict(m)
        ));
    }
    out.push_str("\n## Why: the sentences that moved most, per cell\n");
    for (k, c) in &r.cells {
        out.push_str(&format!(
            "\n### {}\n\n{} sentence(s) changed. Entries: {}.\n\n| article | voice | old | new | change | sentence | entries |\n|---|---|---|---|---:|---|---|\n",
            e(&k.replace('|', " / ")),
            c.sentences,
            e(&top_entries(c, 5)
                .iter()
                .map(|(x, n)| format!("{x} ({n})"))
                .collect::<Vec<_>>()
                .join("; "))
        ));
        for s in &c.top {
            out.push_str(&format!(
                "| {} ({}{}) | {} | {} | {} | {:+.3} | {} | {} |\n",
                e(&s.article),
                e(&s.source),
                s.line.map(|l| format!(":{l}")).unwrap_or_default(),
                e(&s.voice),
                e(&s.old),
                e(&s.new),
                s.delta,
                e(&s.text),
                e(&s.entries.join("; "))
            ));
        }
    }
    out
}
