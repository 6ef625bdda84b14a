//! What a report folder contains: `report.json`, `index.html`, `report.md`, `charts/*.svg`,
//! tidy CSV tables (`tables/*.csv`, docs/tables.md) and copies of the lexicons the report was made with (`lexicons/NN-<name>.toml`), as
//! (relative path, bytes) pairs. Writing them (whole or not at all) is the command line's job.

use super::html::{self, Figure};
use super::view::View;
use super::{markdown, Report};
use crate::analysis::Analyzer;
use std::path::PathBuf;

/// The entries of a folder written by `analyze`: [`files`].
pub const ENTRIES: [&str; 6] = [
    "report.json",
    "index.html",
    "report.md",
    "charts",
    "tables",
    "lexicons",
];

/// Every file of the report folder of `report`, made with the analyzer `az`: [`render_all`]
/// and [`lexicon_files`].
pub fn files(report: &Report, az: &Analyzer) -> Result<Vec<(PathBuf, Vec<u8>)>, askama::Error> {
    let mut files = render_all(report)?;
    files.extend(lexicon_files(az));
    Ok(files)
}

/// Every file of a report folder but the lexicons: report.json, index.html, report.md and
/// charts/*.svg. Fails only when the HTML template cannot be rendered.
pub fn render_all(report: &Report) -> Result<Vec<(PathBuf, Vec<u8>)>, askama::Error> {
    let charts = crate::chart::all(report, crate::chart::Size::SLIDE);
    let names: Vec<String> = charts.iter().map(|c| c.name.clone()).collect();
    let view = View::build(report, &names);
    let figures: Vec<Figure> = charts
        .iter()
        .map(|c| Figure {
            name: c.name.clone(),
            title: c.title.clone(),
            svg: c.svg.clone(),
        })
        .collect();
    let html = html::render(&view, &figures, report.accounting.skips.len())?;
    let md = markdown::render(
        &view,
        &charts
            .iter()
            .map(|c| (c.name.clone(), c.title.clone()))
            .collect::<Vec<_>>(),
    );
    let mut files = vec![
        (PathBuf::from("report.json"), report.to_json().into_bytes()),
        (PathBuf::from("index.html"), html.into_bytes()),
        (PathBuf::from("report.md"), md.into_bytes()),
    ];
    for c in charts {
        files.push((PathBuf::from("charts").join(&c.name), c.svg.into_bytes()));
    }
    files.extend(super::tables::tables(report));
    Ok(files)
}

/// Copies of the lexicons a report was made with, `lexicons/NN-<meta.name>.toml`, so that the
/// report folder can serve as the baseline of `regress` after the lexicons are edited.
pub fn lexicon_files(az: &Analyzer) -> Vec<(PathBuf, Vec<u8>)> {
    az.lexicons
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let name: String = l
                .info
                .name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '_'
                    }
                })
                .take(60)
                .collect();
            (
                PathBuf::from("lexicons").join(format!("{:02}-{name}.toml", i + 1)),
                l.text.clone().into_bytes(),
            )
        })
        .collect()
}
