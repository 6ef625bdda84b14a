//! Sizes, fonts, colours and caps of every chart, in one place, so that the chart files only
//! lay out data. All sizes are pixels at the 1280 × 720 slide size and scale with the canvas.

use plotters::style::RGBColor;

/// Font sizes in pixels at the slide size (the SVG `font-size`).
pub(crate) const FONT_TITLE: f64 = 26.0;
/// The lede under the title: what the chart shows.
pub(crate) const FONT_LEDE: f64 = 15.0;
/// Provenance line, footnotes, legend notes.
pub(crate) const FONT_NOTE: f64 = 12.0;
/// Axis titles and panel headers.
pub(crate) const FONT_AXIS: f64 = 14.0;
/// Tick labels, row and column labels.
pub(crate) const FONT_TICK: f64 = 13.0;
/// Text inside heatmap cells and at bar ends.
pub(crate) const FONT_CELL: f64 = 12.0;

/// Outer margin.
pub(crate) const MARGIN: f64 = 24.0;
/// Gap between blocks (labels and grid, grid and legend).
pub(crate) const GAP: f64 = 12.0;
/// Width of the legend column on the right of heatmaps and the timeline.
pub(crate) const LEGEND_WIDTH: f64 = 150.0;

/// plotters writes `font-size` as the requested size ÷ 1.24; requests are multiplied back so
/// that the SVG carries the intended size.
pub(crate) const PLOTTERS_FONT_FACTOR: f64 = 1.24;

/// Most voices (rows) and actors (columns) in the stance heatmap: those with the most
/// observations.
pub(crate) const STANCE_VOICES: usize = 14;
/// See [`STANCE_VOICES`].
pub(crate) const STANCE_ACTORS: usize = 14;
/// Most voices in a label-choice chart: those using the label set most.
pub(crate) const LABEL_VOICES: usize = 12;
/// Most labels (panels) in a label-choice chart: the most used ones.
pub(crate) const LABEL_PANELS: usize = 6;
/// Most voices (rows) in the frame profile: those with the most frame uses.
pub(crate) const FRAME_VOICES: usize = 14;
/// Most frames (columns) in the frame profile: the most used ones.
pub(crate) const FRAME_COLUMNS: usize = 8;
/// Most voices in the similarity matrix: those with the most word tokens.
pub(crate) const SIMILARITY_VOICES: usize = 20;
/// Most voices (panels) in the keyness chart: those with the most word tokens.
pub(crate) const KEYNESS_VOICES: usize = 6;
/// Terms per keyness panel.
pub(crate) const KEYNESS_TERMS: usize = 8;
/// Most voices (lines) in the timeline: those with the most observations.
pub(crate) const TIMELINE_VOICES: usize = 6;

/// Body text.
pub(crate) const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// Secondary text (contrast 7:1 on white).
pub(crate) const MUTED: RGBColor = RGBColor(0x59, 0x59, 0x59);
/// Axes and tick marks.
pub(crate) const AXIS: RGBColor = RGBColor(0x75, 0x75, 0x75);
/// Grid lines.
pub(crate) const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
/// Cells without data.
pub(crate) const EMPTY: RGBColor = RGBColor(0xF2, 0xF2, 0xF2);
/// The similarity diagonal (a voice against itself).
pub(crate) const DIAGONAL: RGBColor = RGBColor(0xBD, 0xBD, 0xBD);
/// Page background.
pub(crate) const PAPER: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// Okabe-Ito categorical palette (colour-blind safe), yellow last because it is faint on white.
pub(crate) const CATEGORICAL: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x00, 0x00), // black
    RGBColor(0xF0, 0xE4, 0x42), // yellow
];

/// ColorBrewer RdBu (7 classes, colour-blind safe): red for negative, blue for positive.
const DIVERGING: [RGBColor; 7] = [
    RGBColor(0xB2, 0x18, 0x2B),
    RGBColor(0xEF, 0x8A, 0x62),
    RGBColor(0xFD, 0xDB, 0xC7),
    RGBColor(0xF7, 0xF7, 0xF7),
    RGBColor(0xD1, 0xE5, 0xF0),
    RGBColor(0x67, 0xA9, 0xCF),
    RGBColor(0x21, 0x66, 0xAC),
];

/// ColorBrewer Blues (9 classes), sequential.
const SEQUENTIAL: [RGBColor; 9] = [
    RGBColor(0xF7, 0xFB, 0xFF),
    RGBColor(0xDE, 0xEB, 0xF7),
    RGBColor(0xC6, 0xDB, 0xEF),
    RGBColor(0x9E, 0xCA, 0xE1),
    RGBColor(0x6B, 0xAE, 0xD6),
    RGBColor(0x42, 0x92, 0xC6),
    RGBColor(0x21, 0x71, 0xB5),
    RGBColor(0x08, 0x51, 0x9C),
    RGBColor(0x08, 0x30, 0x6B),
];

/// A colour scale for heatmap cells and its legend.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Scale {
    /// −d … 0 … +d, red – white – blue; values beyond are clamped.
    Diverging(f64),
    /// 0 … hi, white – blue; values beyond are clamped.
    Sequential(f64),
}

impl Scale {
    /// The colour of a value.
    pub(crate) fn color(self, v: f64) -> RGBColor {
        let v = if v.is_finite() { v } else { 0.0 };
        match self {
            Scale::Diverging(d) => ramp(&DIVERGING, ((v / d).clamp(-1.0, 1.0) + 1.0) / 2.0),
            Scale::Sequential(hi) => ramp(&SEQUENTIAL, (v / hi).clamp(0.0, 1.0)),
        }
    }

    /// Lowest and highest value of the legend.
    pub(crate) fn range(self) -> (f64, f64) {
        match self {
            Scale::Diverging(d) => (-d, d),
            Scale::Sequential(hi) => (0.0, hi),
        }
    }
}

/// Linear interpolation between evenly spaced stops; `t` in 0..=1. Channels are rounded, so
/// the same value always gives the same colour.
fn ramp(stops: &[RGBColor], t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0) * (stops.len() - 1) as f64;
    let i = (t.floor() as usize).min(stops.len() - 2);
    let f = t - i as f64;
    let (a, b) = (stops[i], stops[i + 1]);
    let mix = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Text colour with enough contrast on `fill`: white on dark fills, ink otherwise.
pub(crate) fn text_on(fill: RGBColor) -> RGBColor {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(fill.0) + 0.7152 * lin(fill.1) + 0.0722 * lin(fill.2);
    if l < 0.3 {
        PAPER
    } else {
        INK
    }
}

/// The smallest "nice" bound (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or
/// above `x`,
/// at least `floor`; used for axis ends and colour scale ends.
pub(crate) fn nice_ceil(x: f64, floor: f64) -> f64 {
    let x = if x.is_finite() {
        x.abs().max(floor)
    } else {
        floor
    };
    if x <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    for m in [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] {
        let v = m * p;
        if v >= x - 1e-12 {
            return v;
        }
    }
    10.0 * p
}

/// Canvas-dependent measures: the slide constants scaled to the canvas.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Layout {
    /// Canvas width.
    pub w: i32,
    /// Canvas height.
    pub h: i32,
    /// Scale factor against 1280 × 720.
    pub s: f64,
}

impl Layout {
    /// The layout of a canvas.
    pub(crate) fn new(width: u32, height: u32) -> Layout {
        let s = (width as f64 / 1280.0).min(height as f64 / 720.0);
        Layout {
            w: width as i32,
            h: height as i32,
            s,
        }
    }

    /// A font size scaled to the canvas, in whole pixels, at least 9.
    pub(crate) fn font(&self, base: f64) -> f64 {
        (base * self.s).round().max(9.0)
    }

    /// A length scaled to the canvas, in whole pixels.
    pub(crate) fn px(&self, base: f64) -> i32 {
        (base * self.s).round() as i32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_bounds() {
        assert_eq!(nice_ceil(0.33, 0.1), 0.4);
        assert_eq!(nice_ceil(13.2, 1.0), 15.0);
        assert_eq!(nice_ceil(0.05, 0.1), 0.1);
        assert_eq!(nice_ceil(0.21, 0.1), 0.25);
        assert_eq!(nice_ceil(7.3, 1.0), 8.0);
        assert_eq!(nice_ceil(0.84, 0.1), 1.0);
        assert_eq!(nice_ceil(f64::NAN, 0.5), 0.5);
    }

    #[test]
    fn scales_hit_their_ends_and_middle() {
        let d = Scale::Diverging(0.5);
        assert_eq!(d.color(-0.5), DIVERGING[0]);
        assert_eq!(d.color(-9.0), DIVERGING[0]);
        assert_eq!(d.color(0.0), DIVERGING[3]);
        assert_eq!(d.color(0.5), DIVERGING[6]);
        assert_eq!(Scale::Sequential(1.0).color(2.0), SEQUENTIAL[8]);
        assert_eq!(text_on(DIVERGING[0]), PAPER);
        assert_eq!(text_on(DIVERGING[3]), INK);
    }
}
