//! `framelens chart --report DIR/report.json --kind KIND [--concept C] [--size slide|a4|WxH]
//! [--out FILE.svg|FILE.png]`: draws one chart of a report written by `analyze`.
//!
//! Kinds: `stance` (voice × actor heatmap), `labels` (label choice within one label set;
//! `--concept` picks the set, default the most used), `frames` (frame profile per voice),
//! `similarity` (vocabulary similarity of voices; `--concept ACTOR` compares the words around
//! one actor), `keyness` (distinctive terms per voice), `timeline` (monthly stance per voice).
//! Without `--out` the SVG goes to standard output; an `--out` ending in `.png` writes a PNG
//! (text drawn with the bundled DejaVu Sans), one ending in `.svg` writes the SVG. Files are
//! written atomically.
//!
//! Exit codes: 0 written; 1 the report has no data for this chart (the message says why);
//! 2 the report is missing or not a framelens report, or a flag is wrong.

use super::common;
use super::{ExitStatus, Failure, Outcome};
use framelens::chart::{self, Kind, Size};
use framelens::report::Report;
use std::path::{Path, PathBuf};

/// Flags of `chart`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The report: a report.json, or the folder holding one
    #[arg(long, value_name = "FILE")]
    report: PathBuf,
    /// Which chart
    #[arg(long, value_enum)]
    kind: Kind,
    /// Label set for --kind labels (default: the most used); actor for --kind similarity
    #[arg(long, value_name = "C")]
    concept: Option<String>,
    /// Canvas: slide (1280x720), a4 (1123x794, landscape at 96 dpi) or WIDTHxHEIGHT
    #[arg(long, default_value = "slide", value_name = "SIZE")]
    size: Size,
    /// Write to this file (.svg or .png) instead of standard output
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

enum Format {
    Svg,
    Png,
}

fn format_of(path: &Path) -> Result<Format, Failure> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "svg" => Ok(Format::Svg),
        "png" => Ok(Format::Png),
        _ => Err(Failure::usage(anyhow::anyhow!(
            "--out {}: the file name must end in .svg or .png",
            path.display()
        ))),
    }
}

/// Reads a report; any failure is a usage error naming the path.
fn load(path: &Path) -> Result<Report, Failure> {
    let file = if path.is_dir() {
        path.join("report.json")
    } else {
        path.to_path_buf()
    };
    let text = std::fs::read_to_string(&file).map_err(|e| {
        Failure::usage(anyhow::anyhow!(
            "cannot read the report {}: {e}; run `framelens analyze` first or check the path",
            file.display()
        ))
    })?;
    Report::from_json(&text).map_err(|e| {
        Failure::usage(anyhow::anyhow!(
            "{} is not a framelens report: {e}",
            file.display()
        ))
    })
}

/// Runs `chart`.
pub fn run(args: Args) -> Outcome {
    let format = match &args.out {
        Some(p) => Some(format_of(p)?),
        None => None,
    };
    let report = load(&args.report)?;
    let svg = chart::render(&report, args.kind, args.concept.as_deref(), args.size).map_err(
        |e| match e {
            chart::Error::NoData { .. } => Failure::data(e),
            _ => Failure::usage(e),
        },
    )?;
    match (args.out, format) {
        (Some(path), Some(Format::Png)) => {
            let png = chart::to_png(&svg).map_err(Failure::usage)?;
            common::write_atomic(&path, &png)?;
            eprintln!("framelens: wrote {}", path.display());
        }
        (Some(path), _) => {
            common::write_atomic(&path, svg.as_bytes())?;
            eprintln!("framelens: wrote {}", path.display());
        }
        (None, _) => common::print(&svg)?,
    }
    Ok(ExitStatus::Success)
}
