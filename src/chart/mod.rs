//! Charts of a [`Report`]: plotters SVG rendered to a `String`, one file per chart kind, and
//! PNG rendered from that SVG with resvg.
//!
//! The module owns the chart layouts, the bundled font (DejaVu Sans, `assets/fonts/`, used
//! both to measure text for plotters and to draw it in PNGs, so that text never depends on the
//! host's fonts) and the escaping of report text into SVG. It takes values and returns values:
//! no file system, no clock, no randomness. The same report and size give the same bytes.
//!
//! Every string from a report is treated as untrusted: plotters escapes the text it writes,
//! and everything this module adds to the SVG itself (the document `<title>` and `<desc>`,
//! tooltips) goes through one escaping function.
//!
//! | kind | shows |
//! |---|---|
//! | [`Kind::Stance`] | heatmap of mean stance, voice × actor, for the 14 × 14 with the most observations |
//! | [`Kind::Labels`] | label shares per voice for one label set, one panel per label, with intervals |
//! | [`Kind::Frames`] | frame profile: share of each of the 8 most used frames per voice |
//! | [`Kind::Similarity`] | cosine similarity of the voices' vocabularies |
//! | [`Kind::Keyness`] | the most distinctive terms of up to 6 voices against the rest |
//! | [`Kind::Timeline`] | monthly mean stance of up to 6 voices, with intervals |
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use framelens::chart::{self, Kind, Size};
//! let text = std::fs::read_to_string("reports/seeds/report.json")?;
//! let report = framelens::report::Report::from_json(&text)?;
//! let svg = chart::render(&report, Kind::Stance, None, Size::SLIDE)?;
//! let png = chart::to_png(&svg)?;
//! for file in chart::all(&report, Size::A4) {
//!     println!("{} ({} bytes): {}", file.name, file.svg.len(), file.title);
//! }
//! # let _ = png; Ok(()) }
//! ```

mod canvas;
mod frames;
mod heatmap;
mod keyness;
mod labels;
mod markup;
pub mod moved;
mod png;
mod similarity;
mod stance;
mod style;
mod timeline;

use crate::report::Report;
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;
use std::sync::Once;

pub use png::to_png;

/// DejaVu Sans 2.37 (Bitstream Vera licence, see `assets/fonts/LICENSE`).
pub(crate) static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Registers the bundled font with plotters as `sans-serif`, once per process. Without it
/// plotters cannot measure text and every chart fails with a font error.
pub(crate) fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ =
            plotters::style::register_font("sans-serif", plotters::style::FontStyle::Normal, FONT);
    });
}

/// A chart kind.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Mean stance of each voice toward each actor (heatmap).
    Stance,
    /// Label choice within one label set, per voice (bars with intervals).
    Labels,
    /// Frame profile per voice (heatmap of shares).
    Frames,
    /// Similarity of the voices' vocabularies (matrix).
    Similarity,
    /// Most distinctive terms of each voice against the rest (bars of z-scores).
    Keyness,
    /// Monthly mean stance per voice (lines with intervals).
    Timeline,
}

impl Kind {
    /// Every kind, in the order of [`all`].
    pub const ALL: [Kind; 6] = [
        Kind::Stance,
        Kind::Labels,
        Kind::Frames,
        Kind::Similarity,
        Kind::Keyness,
        Kind::Timeline,
    ];

    /// The name used on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Stance => "stance",
            Kind::Labels => "labels",
            Kind::Frames => "frames",
            Kind::Similarity => "similarity",
            Kind::Keyness => "keyness",
            Kind::Timeline => "timeline",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Kind, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!(
                    "unknown chart kind {s:?}; kinds are {}",
                    Kind::ALL.map(Kind::name).join(", ")
                )
            })
    }
}

/// Canvas size in pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl Size {
    /// A 16:9 slide, 1280 × 720.
    pub const SLIDE: Size = Size {
        width: 1280,
        height: 720,
    };
    /// Landscape A4 at 96 dpi, 1123 × 794.
    pub const A4: Size = Size {
        width: 1123,
        height: 794,
    };
    /// Smallest canvas the layouts support.
    pub const MIN: Size = Size {
        width: 480,
        height: 320,
    };
    /// Largest canvas (a PNG of it takes about 64 MB).
    pub const MAX: Size = Size {
        width: 4000,
        height: 4000,
    };
}

impl FromStr for Size {
    type Err = String;

    /// `slide`, `a4` or `WIDTHxHEIGHT` in pixels.
    fn from_str(s: &str) -> Result<Size, String> {
        match s.to_ascii_lowercase().as_str() {
            "slide" => Ok(Size::SLIDE),
            "a4" => Ok(Size::A4),
            other => other
                .split_once('x')
                .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
                .map(|(width, height)| Size { width, height })
                .ok_or_else(|| format!("unknown size {s:?}; sizes are slide, a4 or WIDTHxHEIGHT")),
        }
    }
}

/// What can go wrong when drawing a chart.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The report has nothing this chart could show.
    #[error("no data for the {kind} chart: {reason}")]
    NoData {
        /// The chart.
        kind: Kind,
        /// Why, in words a user can act on.
        reason: String,
    },
    /// `--concept` names no label set of the report.
    #[error("unknown concept {concept:?}; concepts are {known}")]
    UnknownConcept {
        /// As given.
        concept: String,
        /// The label sets of the report.
        known: String,
    },
    /// `--concept` names an actor without a similarity matrix.
    #[error("no similarity matrix for actor {actor:?}; matrices are {known}")]
    UnknownMatrix {
        /// As given.
        actor: String,
        /// Actors with a matrix, `all` first.
        known: String,
    },
    /// `--concept` given for a chart that has none.
    #[error("the {0} chart takes no concept; --concept selects a label set (labels) or an actor (similarity)")]
    NoConcept(Kind),
    /// The canvas is outside [`Size::MIN`]..=[`Size::MAX`].
    #[error("chart size {width}x{height} is not supported; sizes go from 480x320 to 4000x4000")]
    Size {
        /// Width asked for.
        width: u32,
        /// Height asked for.
        height: u32,
    },
    /// plotters failed (font or SVG backend).
    #[error("chart drawing failed: {0}")]
    Backend(String),
    /// resvg could not read the SVG or allocate the image.
    #[error("png rendering failed: {0}")]
    Png(String),
}

/// One chart of [`all`].
#[derive(Clone, Debug)]
pub struct ChartFile {
    /// File name, e.g. `stance.svg` or `labels-syrian_state.svg`; only ASCII letters, digits,
    /// `_`, `-` and `.`, so it is safe as a path component and as an HTML id.
    pub name: String,
    /// The chart's title.
    pub title: String,
    /// The kind.
    pub kind: Kind,
    /// The SVG document.
    pub svg: String,
}

/// A drawn chart: its title and SVG text.
pub(crate) struct Drawn {
    pub title: String,
    pub svg: String,
}

/// Draws one chart as SVG text. `concept` selects the label set for [`Kind::Labels`] (default:
/// the most used one) or the actor whose context vocabulary [`Kind::Similarity`] compares
/// (default: all text, `all`); other kinds take none.
pub fn render(
    report: &Report,
    kind: Kind,
    concept: Option<&str>,
    size: Size,
) -> Result<String, Error> {
    draw(report, kind, concept, size).map(|d| d.svg)
}

fn draw(report: &Report, kind: Kind, concept: Option<&str>, size: Size) -> Result<Drawn, Error> {
    if size.width < Size::MIN.width
        || size.height < Size::MIN.height
        || size.width > Size::MAX.width
        || size.height > Size::MAX.height
    {
        return Err(Error::Size {
            width: size.width,
            height: size.height,
        });
    }
    if concept.is_some() && !matches!(kind, Kind::Labels | Kind::Similarity) {
        return Err(Error::NoConcept(kind));
    }
    match kind {
        Kind::Stance => stance::draw(report, size),
        Kind::Labels => {
            let concept = match concept {
                Some(c) => {
                    if !report.concepts.iter().any(|s| s.concept == c) {
                        return Err(Error::UnknownConcept {
                            concept: markup::clean(c),
                            known: list(report.concepts.iter().map(|s| s.concept.as_str())),
                        });
                    }
                    c.to_string()
                }
                None => labels::busiest(report).ok_or_else(|| Error::NoData {
                    kind,
                    reason: "no label of any label set was used by a voice".into(),
                })?,
            };
            labels::draw(report, &concept, size)
        }
        Kind::Frames => frames::draw(report, size),
        Kind::Similarity => similarity::draw(report, concept.unwrap_or("all"), size),
        Kind::Keyness => keyness::draw(report, size),
        Kind::Timeline => timeline::draw(report, size),
    }
}

/// Every chart the report has data for, in the order of [`Kind::ALL`]: one label chart per
/// label set used by some voice, the timeline only when the corpus spans more than one
/// month. Charts without data are left out; so is a chart that fails to draw (which only a
/// plotters failure can cause).
pub fn all(report: &Report, size: Size) -> Vec<ChartFile> {
    let mut out: Vec<ChartFile> = Vec::new();
    let mut names = BTreeSet::new();
    let mut push = |kind: Kind, stem: String, d: Result<Drawn, Error>| {
        if let Ok(d) = d {
            let mut name = format!("{stem}.svg");
            let mut i = 2;
            while !names.insert(name.clone()) {
                name = format!("{stem}-{i}.svg");
                i += 1;
            }
            out.push(ChartFile {
                name,
                title: d.title,
                kind,
                svg: d.svg,
            });
        }
    };
    for kind in Kind::ALL {
        if kind == Kind::Labels {
            for concept in labels::used(report) {
                let stem = format!("labels-{}", file_stem(&concept));
                push(kind, stem, labels::draw(report, &concept, size));
            }
        } else {
            push(
                kind,
                kind.name().to_string(),
                draw(report, kind, None, size),
            );
        }
    }
    out
}

/// A file-name-safe form of an id: ASCII letters, digits, `_` and `-`; others become `_`;
/// at most 64 characters.
fn file_stem(id: &str) -> String {
    let s: String = id
        .chars()
        .take(64)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() {
        "_".into()
    } else {
        s
    }
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<String> = items.map(markup::clean).collect();
    if v.is_empty() {
        "none".into()
    } else {
        v.join(", ")
    }
}

/// The display name of a voice: its name in the report, else its key.
pub(crate) fn voice_name(r: &Report, voice: &str) -> String {
    let name = r
        .voices
        .iter()
        .find(|v| v.voice == voice)
        .map(|v| v.name.as_str())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(voice);
    markup::clean(name)
}

/// The display name of an actor: its gazetteer name, else its id.
pub(crate) fn actor_name(r: &Report, actor: &str) -> String {
    let name = r
        .actors
        .iter()
        .find(|a| a.actor == actor)
        .map(|a| a.name.as_str())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(actor);
    markup::clean(name)
}

/// Name and key for a tooltip: `Agence France-Presse (afp)`, or just the key.
pub(crate) fn named(name: &str, key: &str) -> String {
    let key = markup::clean(key);
    if name == key {
        key
    } else {
        format!("{name} ({key})")
    }
}

/// A label or frame id for display: underscores become spaces.
pub(crate) fn id_words(id: &str) -> String {
    markup::clean(&id.replace('_', " "))
}

/// One line of provenance: corpus size, lexicons and gazetteer with versions.
pub(crate) fn provenance(r: &Report) -> String {
    let lex: Vec<String> = r
        .provenance
        .lexicons
        .iter()
        .map(|l| format!("{} {}", l.name, l.version))
        .collect();
    let g = &r.provenance.gazetteer;
    markup::clean(&format!(
        "{} articles from {} outlets, {} words · lexicons: {} · gazetteer: {} {} · framelens {}",
        thousands(r.accounting.analysed()),
        r.outlets.len(),
        thousands(r.accounting.tokens),
        if lex.is_empty() {
            "none".into()
        } else {
            lex.join(", ")
        },
        g.name,
        g.version,
        r.provenance.framelens_version
    ))
}

/// `12345` as `12,345`.
pub(crate) fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A signed number with two decimals and a true minus sign: `+0.32`, `−0.05`, `0.00`.
pub(crate) fn signed(x: f64) -> String {
    let r = crate::float::round(x, 2);
    if r == 0.0 {
        "0.00".into()
    } else if r < 0.0 {
        format!("−{:.2}", -r)
    } else {
        format!("+{r:.2}")
    }
}

/// A share as a whole percentage: `34%`.
pub(crate) fn percent(x: f64) -> String {
    format!("{:.0}%", crate::float::round(x * 100.0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_kinds_and_sizes() {
        assert_eq!("Stance".parse::<Kind>(), Ok(Kind::Stance));
        assert!("pie".parse::<Kind>().unwrap_err().contains("timeline"));
        assert_eq!("a4".parse::<Size>(), Ok(Size::A4));
        assert_eq!(
            "800x600".parse::<Size>(),
            Ok(Size {
                width: 800,
                height: 600
            })
        );
        assert!("big".parse::<Size>().is_err());
    }

    #[test]
    fn formats_numbers() {
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(12), "12");
        assert_eq!(signed(-0.004), "0.00");
        assert_eq!(signed(-0.256), "−0.26");
        assert_eq!(signed(0.3), "+0.30");
        assert_eq!(percent(0.345), "35%");
    }

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("syrian_state"), "syrian_state");
        assert_eq!(file_stem("../etc/pass wd"), "___etc_pass_wd");
        assert_eq!(file_stem(""), "_");
    }
}
