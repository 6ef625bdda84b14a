//! The heatmap layout shared by the stance, frame and similarity charts: row labels on the
//! left, wrapped column labels on top (numbers for a crowded square matrix), one coloured cell
//! per value with its numbers inside when they fit and in a tooltip always, and a colour bar
//! legend on the right.

use super::canvas::{Canvas, Header};
use super::style::{self, Scale, AXIS, DIAGONAL, EMPTY, INK, MUTED};
use super::Error;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

/// A row or column heading.
pub(crate) struct Heading {
    /// Shown (shortened when needed).
    pub label: String,
    /// Tooltip: the full name and key.
    pub tip: String,
}

/// One cell.
pub(crate) struct Cell {
    /// Value on the colour scale.
    pub value: f64,
    /// Text inside the cell, first line first; lines that do not fit are dropped.
    pub lines: Vec<String>,
    /// Tooltip text of the cell (`<title>` in the SVG).
    pub tip: String,
    /// Marked with stripes.
    pub low_n: bool,
    /// A fixed fill instead of the scale (the similarity diagonal).
    pub diagonal: bool,
}

/// Extra legend entries under the colour bar.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Swatch {
    /// An empty cell.
    Empty,
    /// A striped cell.
    Hatched,
    /// The diagonal.
    Diagonal,
}

/// A heatmap ready to draw.
pub(crate) struct Heatmap<'r> {
    pub header: Header<'r>,
    pub rows: Vec<Heading>,
    pub cols: Vec<Heading>,
    /// `cells[row][col]`; `None` is drawn empty with `empty_tip`.
    pub cells: Vec<Vec<Option<Cell>>>,
    pub empty_tip: String,
    /// What the rows are, e.g. "voice".
    pub row_title: String,
    /// What the columns are, e.g. "actor".
    pub col_title: String,
    pub scale: Scale,
    /// Legend heading, e.g. "mean stance".
    pub legend_title: String,
    /// Words after the lowest and highest legend value, e.g. "hostile", "favourable".
    pub legend_ends: (String, String),
    /// Formats legend values.
    pub legend_fmt: fn(f64) -> String,
    pub swatches: Vec<(Swatch, String)>,
    /// Rows and columns are the same list: number the columns when names do not fit.
    pub square: bool,
}

/// Draws the heatmap on the canvas.
pub(crate) fn draw(c: &mut Canvas, hm: &Heatmap) -> Result<(), Error> {
    let l = c.lay;
    let body = c.header(&hm.header)?;
    let gap = l.px(style::GAP);
    let ft = l.font(style::FONT_TICK);
    let fc = l.font(style::FONT_CELL);
    let fnote = l.font(style::FONT_NOTE);
    let nr = hm.rows.len().max(1) as i32;
    let nc = hm.cols.len().max(1) as i32;

    let legend_w = l.px(style::LEGEND_WIDTH);
    let max_label = hm
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| c.width(&row_text(hm, i, &r.label), ft))
        .max()
        .unwrap_or(0);
    let label_w = (max_label + l.px(8.0)).min((l.w as f64 * 0.24) as i32);
    let gx0 = body.x0 + label_w + gap;
    let gw = body.x1 - legend_w - gap - gx0;
    let cell_w = (gw / nc).clamp(1, l.px(120.0));
    let numbered = hm.square && cell_w < l.px(72.0);
    let col_lines = if numbered { 1 } else { 3 };
    let line_h = (ft * 1.2).round() as i32;
    let head_h = line_h * col_lines + l.px(8.0);
    let gy0 = body.y0 + head_h;
    let gh = body.y1 - gy0;
    let cell_h = (gh / nr).clamp(1, l.px(60.0));
    let row_font = ft.min((cell_h as f64 * 0.8).floor()).max(6.0);

    // Axis titles in the corner above the row labels.
    c.text(
        &format!("{} ↓", hm.row_title),
        body.x0,
        gy0 - l.px(6.0),
        fnote,
        MUTED,
        HPos::Left,
        VPos::Bottom,
    )?;
    c.text(
        &format!("{} →", hm.col_title),
        gx0 - l.px(8.0),
        body.y0 + line_h / 2,
        fnote,
        MUTED,
        HPos::Right,
        VPos::Center,
    )?;

    // Column headings, bottom-aligned on the grid.
    for (j, col) in hm.cols.iter().enumerate() {
        let cx = gx0 + j as i32 * cell_w + cell_w / 2;
        let lines = if numbered {
            vec![(j + 1).to_string()]
        } else {
            c.wrap(&col.label, ft, cell_w - l.px(6.0), col_lines as usize)
        };
        let n = lines.len() as i32;
        for (k, line) in lines.iter().enumerate() {
            let y = gy0 - l.px(6.0) - (n - 1 - k as i32) * line_h - line_h / 2;
            c.text(line, cx, y, ft, INK, HPos::Center, VPos::Center)?;
        }
        let top = gy0 - l.px(6.0) - n * line_h;
        c.tip(gx0 + j as i32 * cell_w, top, cell_w, n * line_h, &col.tip);
    }

    // Rows: label and cells.
    for (i, row) in hm.rows.iter().enumerate() {
        let y0 = gy0 + i as i32 * cell_h;
        let cy = y0 + cell_h / 2;
        c.label(
            &row_text(hm, i, &row.label),
            &row.tip,
            gx0 - l.px(8.0),
            cy,
            row_font,
            INK,
            HPos::Right,
            label_w - l.px(8.0),
        )?;
        for j in 0..hm.cols.len() {
            let x0 = gx0 + j as i32 * cell_w;
            let (x1, y1) = (x0 + cell_w - 1, y0 + cell_h - 1);
            match hm
                .cells
                .get(i)
                .and_then(|r| r.get(j))
                .and_then(|c| c.as_ref())
            {
                None => {
                    c.fill(x0, y0, x1, y1, EMPTY)?;
                    let tip = format!("{} × {}: {}", row.tip, hm.cols[j].tip, hm.empty_tip);
                    c.tip(x0, y0, cell_w, cell_h, &tip);
                }
                Some(cell) => {
                    let fill = if cell.diagonal {
                        DIAGONAL
                    } else {
                        hm.scale.color(cell.value)
                    };
                    c.fill(x0, y0, x1, y1, fill)?;
                    if cell.low_n {
                        c.hatch(x0, y0, x1, y1)?;
                    }
                    cell_text(c, &cell.lines, (x0 + x1) / 2, cy, fc, fill, cell_w, cell_h)?;
                    c.tip(x0, y0, cell_w, cell_h, &cell.tip);
                }
            }
        }
    }

    // Legend: colour bar with values, then swatches.
    let lx = body.x1 - legend_w + gap;
    let lw = legend_w - gap;
    let mut y = body.y0 + line_h / 2;
    for line in c.wrap(&hm.legend_title, fnote, lw, 2) {
        c.text(&line, lx, y, fnote, INK, HPos::Left, VPos::Center)?;
        y += (fnote * 1.3).round() as i32;
    }
    let (low_word, high_word) = &hm.legend_ends;
    if !high_word.is_empty() {
        let t = c.fit(&format!("{high_word} ↑"), fnote, lw);
        c.text(&t, lx, y, fnote, MUTED, HPos::Left, VPos::Center)?;
        y += (fnote * 1.5).round() as i32;
    }
    let bar_top = y;
    let bar_h = (gh as f64 * 0.55).round().clamp(40.0, l.px(260.0) as f64) as i32;
    let bar_w = l.px(16.0).max(8);
    let (lo, hi) = hm.scale.range();
    let steps = 48;
    for k in 0..steps {
        let ya = bar_top + bar_h * k / steps;
        let yb = bar_top + bar_h * (k + 1) / steps;
        let v = hi - (hi - lo) * (k as f64 + 0.5) / steps as f64;
        c.fill(lx, ya, lx + bar_w, yb, hm.scale.color(v))?;
    }
    c.frame(lx, bar_top, lx + bar_w, bar_top + bar_h, AXIS)?;
    let tick_w = lw - bar_w - l.px(10.0);
    for k in 0..=4 {
        let v = hi - (hi - lo) * k as f64 / 4.0;
        let ty = bar_top + bar_h * k / 4;
        c.line(&[(lx + bar_w, ty), (lx + bar_w + l.px(4.0), ty)], AXIS, 1)?;
        let t = c.fit(&(hm.legend_fmt)(v), fnote, tick_w);
        let tx = lx + bar_w + l.px(7.0);
        c.text(&t, tx, ty, fnote, MUTED, HPos::Left, VPos::Center)?;
    }
    y = bar_top + bar_h;
    if !low_word.is_empty() {
        y += (fnote * 1.5).round() as i32;
        let t = c.fit(&format!("{low_word} ↓"), fnote, lw);
        c.text(&t, lx, y, fnote, MUTED, HPos::Left, VPos::Center)?;
    }
    y += l.px(24.0);
    let sw = l.px(16.0).max(8);
    let cells = || hm.cells.iter().flatten();
    let shown = |k: &Swatch| match k {
        Swatch::Empty => cells().any(|c| c.is_none()),
        Swatch::Hatched => cells().flatten().any(|c| c.low_n),
        Swatch::Diagonal => cells().flatten().any(|c| c.diagonal),
    };
    for (kind, text) in hm.swatches.iter().filter(|(k, _)| shown(k)) {
        let (x0, y0, x1, y1) = (lx, y - sw / 2, lx + sw, y + sw / 2);
        match kind {
            Swatch::Empty => c.fill(x0, y0, x1, y1, EMPTY)?,
            Swatch::Diagonal => c.fill(x0, y0, x1, y1, DIAGONAL)?,
            Swatch::Hatched => {
                c.fill(x0, y0, x1, y1, hm.scale.color(hi * 0.75))?;
                c.hatch(x0, y0, x1, y1)?;
            }
        }
        let lines = c.wrap(text, fnote, lw - sw - l.px(8.0), 2);
        let mut ty = y - (lines.len() as i32 - 1) * (fnote * 0.65).round() as i32;
        for line in &lines {
            c.text(
                line,
                x1 + l.px(8.0),
                ty,
                fnote,
                MUTED,
                HPos::Left,
                VPos::Center,
            )?;
            ty += (fnote * 1.3).round() as i32;
        }
        y += (sw.max(lines.len() as i32 * (fnote * 1.3).round() as i32)) + l.px(10.0);
    }
    Ok(())
}

fn row_text(hm: &Heatmap, i: usize, label: &str) -> String {
    if hm.square {
        format!("{}  {label}", i + 1)
    } else {
        label.to_string()
    }
}

/// The lines of a cell that fit, centred on (cx, cy).
#[allow(clippy::too_many_arguments)]
fn cell_text(
    c: &Canvas,
    lines: &[String],
    cx: i32,
    cy: i32,
    px: f64,
    fill: RGBColor,
    cell_w: i32,
    cell_h: i32,
) -> Result<(), Error> {
    let lh = (px * 1.2).round() as i32;
    let fits = |s: &String| c.width(s, px) <= cell_w - 4;
    let mut n = 0;
    for (k, line) in lines.iter().enumerate() {
        if (k as i32 + 1) * lh <= cell_h - 2 && fits(line) {
            n = k + 1;
        } else {
            break;
        }
    }
    let color = style::text_on(fill);
    let mut y = cy - (n as i32 - 1) * lh / 2;
    for line in &lines[..n] {
        c.text(line, cx, y, px, color, HPos::Center, VPos::Center)?;
        y += lh;
    }
    Ok(())
}
