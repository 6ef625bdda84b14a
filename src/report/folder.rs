//! What a report folder contains: `report.json`, `index.html`, `report.md`, `charts/*.svg`,
//! tidy CSV tables (`tables/*.csv`, docs/tables.md) and copies of the lexicons the report was made with (`lexicons/NN-<name>.toml`), as
//! (relative path, bytes) pairs. Writing them (whole or not at all) is the command line's job.
//! `analyze` adds the complete lists the report only samples, written as the run goes:
//! `skips.jsonl` and `flags.jsonl` ([`ListFiles`]).

use super::html::{self, Figure};
use super::view::View;
use super::{markdown, Report};
use crate::analysis::aggregate::Lists;
use crate::analysis::Analyzer;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The entries of a folder written by `analyze`: [`files`] and the [`ListFiles`].
pub const ENTRIES: [&str; 8] = [
    "report.json",
    "index.html",
    "report.md",
    "charts",
    "tables",
    "lexicons",
    SKIPS_FILE,
    FLAGS_FILE,
];

/// Every skipped record, one JSON object per line, in read order.
pub const SKIPS_FILE: &str = "skips.jsonl";
/// Every flagged article, one JSON object per line, in read order.
pub const FLAGS_FILE: &str = "flags.jsonl";

/// The complete lists of skips and flagged articles, written line by line as a run hands them
/// over ([`crate::analysis::pipeline::run_listing`]), so that they never have to be held in
/// memory. The first write error is kept and returned by [`ListFiles::finish`].
pub struct ListFiles {
    skips: BufWriter<std::fs::File>,
    flags: BufWriter<std::fs::File>,
    error: Option<std::io::Error>,
}

impl ListFiles {
    /// Creates `skips.jsonl` and `flags.jsonl` in `dir` (empty until something is listed).
    pub fn create(dir: &Path) -> std::io::Result<ListFiles> {
        Ok(ListFiles {
            skips: BufWriter::new(std::fs::File::create(dir.join(SKIPS_FILE))?),
            flags: BufWriter::new(std::fs::File::create(dir.join(FLAGS_FILE))?),
            error: None,
        })
    }

    /// Appends what a run listed.
    pub fn write(&mut self, lists: Lists) {
        if self.error.is_some() {
            return;
        }
        let res = (|| -> std::io::Result<()> {
            for s in &lists.skips {
                serde_json::to_writer(&mut self.skips, s)?;
                self.skips.write_all(b"\n")?;
            }
            for f in &lists.flags {
                serde_json::to_writer(&mut self.flags, f)?;
                self.flags.write_all(b"\n")?;
            }
            Ok(())
        })();
        if let Err(e) = res {
            self.error = Some(e);
        }
    }

    /// Flushes both files to disk; the first error met, if any.
    pub fn finish(self) -> std::io::Result<()> {
        if let Some(e) = self.error {
            return Err(e);
        }
        for w in [self.skips, self.flags] {
            let f = w.into_inner().map_err(|e| e.into_error())?;
            f.sync_all()?;
        }
        Ok(())
    }
}

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
    let html = html::render(&view, &figures, report.accounting.skipped())?;
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
