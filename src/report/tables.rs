//! Tidy CSV tables of a report (`tables/*.csv` in every report folder): one row per observation
//! unit, one column per variable, numbers as in report.json (not formatted for reading), text
//! cells escaped against formula injection. Columns: `docs/tables.md`.

use super::escape::csv_cell;
use super::{actor_kind_name, Report};
use std::path::PathBuf;

/// A table being written: a header, then rows of cells.
struct Table {
    name: &'static str,
    writer: csv::Writer<Vec<u8>>,
}

impl Table {
    fn new(name: &'static str, header: &[&str]) -> Table {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(header).expect("writing to memory");
        Table { name, writer }
    }

    /// One row; `Cell::Text` is escaped, numbers are written as they are.
    fn row(&mut self, cells: &[Cell]) {
        let v: Vec<String> = cells
            .iter()
            .map(|c| match c {
                Cell::Text(s) => csv_cell(s),
                Cell::Num(s) => s.clone(),
            })
            .collect();
        self.writer.write_record(&v).expect("writing to memory");
    }

    fn finish(self) -> (PathBuf, Vec<u8>) {
        let bytes = self.writer.into_inner().expect("writing to memory");
        (
            PathBuf::from("tables").join(format!("{}.csv", self.name)),
            bytes,
        )
    }
}

enum Cell {
    Text(String),
    Num(String),
}

fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn n(x: impl ToString) -> Cell {
    Cell::Num(x.to_string())
}

fn opt(x: Option<u64>) -> Cell {
    Cell::Num(x.map(|v| v.to_string()).unwrap_or_default())
}

/// The numbers of a label or frame share: count, total, share, interval, articles, low_n.
fn share_numbers(r: &super::ShareRow) -> [Cell; 7] {
    [
        n(r.count),
        n(r.total),
        n(r.share),
        n(r.ci_low),
        n(r.ci_high),
        n(r.articles),
        n(r.low_n),
    ]
}

/// Every table of `report`.
pub fn tables(report: &Report) -> Vec<(PathBuf, Vec<u8>)> {
    let share_header = [
        "concept", "scope", "voice", "label", "count", "total", "share", "ci_low", "ci_high",
        "articles", "low_n",
    ];
    let mut labels = Table::new("labels", &share_header);
    for r in &report.labels {
        let mut row = vec![t(&r.concept), t(r.scope.as_str()), t(&r.voice), t(&r.label)];
        row.extend(share_numbers(r));
        labels.row(&row);
    }
    let mut frames = Table::new(
        "frames",
        &[
            "voice", "frame", "count", "total", "share", "ci_low", "ci_high", "articles", "low_n",
        ],
    );
    for r in &report.frames {
        let mut row = vec![t(&r.voice), t(&r.label)];
        row.extend(share_numbers(r));
        frames.row(&row);
    }
    let mut stance = Table::new(
        "stance",
        &[
            "voice", "actor", "n", "articles", "mean", "ci_low", "ci_high", "positive", "negative",
            "low_n",
        ],
    );
    for r in &report.stance {
        stance.row(&[
            t(&r.voice),
            t(&r.actor),
            n(r.n),
            n(r.articles),
            n(r.mean),
            n(r.ci_low),
            n(r.ci_high),
            n(r.positive),
            n(r.negative),
            n(r.low_n),
        ]);
    }
    let mut keyness = Table::new(
        "keyness",
        &[
            "voice",
            "against",
            "side",
            "rank",
            "term",
            "z",
            "count_voice",
            "count_against",
        ],
    );
    for r in &report.keyness {
        for (side, terms) in [("top", &r.top), ("bottom", &r.bottom)] {
            for (i, k) in terms.iter().enumerate() {
                keyness.row(&[
                    t(&r.voice),
                    t(&r.against),
                    t(side),
                    n(i + 1),
                    t(&k.term),
                    n(k.z),
                    n(k.count_a),
                    n(k.count_b),
                ]);
            }
        }
    }
    let mut similarity = Table::new(
        "similarity",
        &["actor", "voice_a", "voice_b", "cosine", "terms"],
    );
    for m in &report.similarity {
        for (i, a) in m.voices.iter().enumerate() {
            for (j, b) in m.voices.iter().enumerate() {
                if i < j {
                    similarity.row(&[t(&m.actor), t(a), t(b), n(m.matrix[i][j]), n(m.terms)]);
                }
            }
        }
    }
    let mut actors = Table::new(
        "actors",
        &[
            "actor", "name", "kind", "mentions", "places", "articles", "fuzzy",
        ],
    );
    for a in &report.actors {
        actors.row(&[
            t(&a.actor),
            t(&a.name),
            t(a.kind.map(actor_kind_name).unwrap_or("")),
            n(a.mentions),
            n(a.places),
            n(a.articles),
            n(a.fuzzy),
        ]);
    }
    let mut voices = Table::new(
        "voices",
        &[
            "voice",
            "name",
            "kind",
            "state_media",
            "articles",
            "own_articles",
            "own_passages",
            "attributed_passages",
            "reported_passages",
            "tokens",
        ],
    );
    for v in &report.voices {
        voices.row(&[
            t(&v.voice),
            t(&v.name),
            t(v.kind.as_str()),
            n(v.state_media),
            n(v.articles),
            n(v.own_articles),
            n(v.own_passages),
            n(v.quoted_passages),
            n(v.reported_passages),
            n(v.tokens),
        ]);
    }
    let mut findings = Table::new(
        "findings",
        &[
            "rank",
            "kind",
            "concept",
            "label",
            "actor",
            "high_voice",
            "high_value",
            "high_ci_low",
            "high_ci_high",
            "high_count",
            "high_total",
            "high_articles",
            "low_voice",
            "low_value",
            "low_ci_low",
            "low_ci_high",
            "low_count",
            "low_total",
            "low_articles",
            "difference",
            "ci_low",
            "ci_high",
        ],
    );
    for (i, f) in report.findings.iter().enumerate() {
        let kind = match f.kind {
            super::FindingKind::Label => "label",
            super::FindingKind::Stance => "stance",
        };
        let (h, l) = (&f.high, &f.low);
        findings.row(&[
            n(i + 1),
            t(kind),
            t(&f.concept),
            t(&f.label),
            t(&f.actor),
            t(&h.voice),
            n(h.value),
            n(h.ci_low),
            n(h.ci_high),
            n(h.count),
            n(h.total),
            n(h.articles),
            t(&l.voice),
            n(l.value),
            n(l.ci_low),
            n(l.ci_high),
            n(l.count),
            n(l.total),
            n(l.articles),
            n(f.difference),
            n(f.ci_low),
            n(f.ci_high),
        ]);
    }
    let mut skips = Table::new("skips", &["source", "line", "id", "kind", "reason"]);
    for s in report.accounting.skips() {
        skips.row(&[
            t(&s.source),
            opt(s.line),
            t(s.id.clone().unwrap_or_default()),
            t(s.kind_name()),
            t(&s.reason),
        ]);
    }
    let mut outlets = Table::new(
        "outlets",
        &[
            "outlet",
            "language",
            "articles",
            "first_date",
            "last_date",
            "bytes",
        ],
    );
    for o in &report.outlets {
        for (lang, count) in &o.languages {
            outlets.row(&[
                t(&o.outlet),
                t(lang),
                n(count),
                t(o.first_date.clone().unwrap_or_default()),
                t(o.last_date.clone().unwrap_or_default()),
                n(o.bytes),
            ]);
        }
    }
    [
        labels, frames, stance, keyness, similarity, actors, voices, findings, skips, outlets,
    ]
    .into_iter()
    .map(Table::finish)
    .collect()
}
