//! The drawing surface every chart uses: a plotters SVG area in pixel coordinates, text that
//! is measured with the bundled font and shortened with an ellipsis so it never overflows its
//! box, tooltips for shortened text and data cells, and the shared header and footer.
//!
//! All coordinates are whole pixels computed here, so output bytes depend only on the report.

use super::markup::{self, Tip};
use super::style::{self, Layout, AXIS, INK, MUTED, PAPER};
use super::{Error, Size};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, FontTransform};

/// A chart being drawn.
pub(crate) struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
    /// Canvas measures.
    pub lay: Layout,
    tips: Vec<Tip>,
}

/// Where the header ends and the footer begins.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Body {
    /// Left edge.
    pub x0: i32,
    /// Top edge.
    pub y0: i32,
    /// Right edge.
    pub x1: i32,
    /// Bottom edge.
    pub y1: i32,
}

/// The texts around a chart.
pub(crate) struct Header<'r> {
    /// Chart title, the first line of the header.
    pub title: String,
    /// What the chart shows, one line.
    pub lede: String,
    /// Corpus size and lexicons.
    pub provenance: &'r str,
    /// Footnotes, one line each, bottom left.
    pub notes: Vec<String>,
}

fn backend_err<E: std::error::Error + Send + Sync>(
    e: plotters::drawing::DrawingAreaErrorKind<E>,
) -> Error {
    Error::Backend(e.to_string())
}

/// Draws one SVG: a white page, then `draw`, then the accessibility markup.
pub(crate) fn svg(
    size: Size,
    title: &str,
    desc: &str,
    draw: impl FnOnce(&mut Canvas) -> Result<(), Error>,
) -> Result<String, Error> {
    super::register_font();
    let mut buf = String::new();
    let tips = {
        let backend = SVGBackend::with_string(&mut buf, (size.width, size.height));
        let area = backend.into_drawing_area();
        area.fill(&PAPER).map_err(backend_err)?;
        let mut c = Canvas {
            area,
            lay: Layout::new(size.width, size.height),
            tips: Vec::new(),
        };
        draw(&mut c)?;
        c.area.present().map_err(backend_err)?;
        std::mem::take(&mut c.tips)
    };
    Ok(markup::finish(&buf, title, desc, &tips))
}

/// Draws one SVG page: the header and footer of `h`, then `draw` in the body between them.
pub(crate) fn page(
    size: Size,
    h: &Header,
    desc: &str,
    draw: impl FnOnce(&mut Canvas, Body) -> Result<(), Error>,
) -> Result<String, Error> {
    svg(size, &h.title, desc, |c| {
        let body = c.header(h)?;
        draw(c, body)
    })
}

fn font(px: f64) -> FontDesc<'static> {
    FontDesc::new(
        FontFamily::SansSerif,
        px * style::PLOTTERS_FONT_FACTOR,
        FontStyle::Normal,
    )
}

impl Canvas<'_> {
    /// Width of `text` at `px`, from the bundled font (slightly generous: plotters scales
    /// glyphs by the font's line height, which is a little more than its em).
    pub(crate) fn width(&self, text: &str, px: f64) -> i32 {
        match font(px).box_size(text) {
            Ok((w, _)) => w as i32,
            Err(_) => (text.chars().count() as f64 * px * 0.62).ceil() as i32,
        }
    }

    /// `text` shortened with an ellipsis to fit `max_w` pixels.
    pub(crate) fn fit(&self, text: &str, px: f64, max_w: i32) -> String {
        if self.width(text, px) <= max_w {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let (mut lo, mut hi) = (0usize, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let s: String = chars[..mid]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_string()
                + "…";
            if self.width(&s, px) <= max_w {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if lo == 0 {
            return if self.width("…", px) <= max_w {
                "…".into()
            } else {
                String::new()
            };
        }
        chars[..lo]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…"
    }

    /// `text` broken at spaces into at most `lines` lines of `max_w` pixels; the last line is
    /// shortened with an ellipsis if text is left over.
    pub(crate) fn wrap(&self, text: &str, px: f64, max_w: i32, lines: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut cur = String::new();
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let cand = if cur.is_empty() {
                word.to_string()
            } else {
                format!("{cur} {word}")
            };
            if cur.is_empty() || self.width(&cand, px) <= max_w {
                cur = cand;
            } else {
                out.push(std::mem::take(&mut cur));
                cur = word.to_string();
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        let lines = lines.max(1);
        if out.len() > lines {
            let rest = out[lines - 1..].join(" ");
            out.truncate(lines - 1);
            out.push(rest);
        }
        out.into_iter().map(|l| self.fit(&l, px, max_w)).collect()
    }

    /// Draws text anchored at (x, y).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn text(
        &self,
        text: &str,
        x: i32,
        y: i32,
        px: f64,
        color: RGBColor,
        h: HPos,
        v: VPos,
    ) -> Result<(), Error> {
        if text.is_empty() {
            return Ok(());
        }
        let st = font(px).color(&color).pos(Pos::new(h, v));
        self.area.draw_text(text, &st, (x, y)).map_err(backend_err)
    }

    /// Draws text turned 90° counter-clockwise, centred on (x, y).
    pub(crate) fn text_up(&self, text: &str, x: i32, y: i32, px: f64) -> Result<(), Error> {
        let st = font(px)
            .transform(FontTransform::Rotate270)
            .color(&MUTED)
            .pos(Pos::new(HPos::Center, VPos::Center));
        self.area.draw_text(text, &st, (x, y)).map_err(backend_err)
    }

    /// Draws `text` fitted to `max_w` and adds a tooltip with `tip` over it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn label(
        &mut self,
        text: &str,
        tip: &str,
        x: i32,
        y: i32,
        px: f64,
        color: RGBColor,
        h: HPos,
        max_w: i32,
    ) -> Result<(), Error> {
        let shown = self.fit(text, px, max_w);
        self.text(&shown, x, y, px, color, h, VPos::Center)?;
        let w = self.width(&shown, px).min(max_w);
        let x0 = match h {
            HPos::Left => x,
            HPos::Center => x - w / 2,
            HPos::Right => x - w,
        };
        let hh = (px * 1.3).round() as i32;
        self.tip(x0, y - hh / 2, w, hh, tip);
        Ok(())
    }

    /// A hover area with a tooltip.
    pub(crate) fn tip(&mut self, x: i32, y: i32, w: i32, h: i32, text: &str) {
        self.tips.push(Tip {
            x,
            y,
            w,
            h,
            text: text.to_string(),
        });
    }

    /// A filled rectangle between two corners.
    pub(crate) fn fill(
        &self,
        x0: i32,
        y0: i32,
        x1: i32,
        y1: i32,
        c: RGBColor,
    ) -> Result<(), Error> {
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], c.filled()))
            .map_err(backend_err)
    }

    /// A filled rectangle with opacity `alpha`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn fill_alpha(
        &self,
        x0: i32,
        y0: i32,
        x1: i32,
        y1: i32,
        c: RGBColor,
        alpha: f64,
    ) -> Result<(), Error> {
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], c.mix(alpha).filled()))
            .map_err(backend_err)
    }

    /// A rectangle outline.
    pub(crate) fn frame(
        &self,
        x0: i32,
        y0: i32,
        x1: i32,
        y1: i32,
        c: RGBColor,
    ) -> Result<(), Error> {
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], c.stroke_width(1)))
            .map_err(backend_err)
    }

    /// A polyline.
    pub(crate) fn line(&self, pts: &[(i32, i32)], c: RGBColor, width: u32) -> Result<(), Error> {
        self.area
            .draw(&PathElement::new(pts.to_vec(), c.stroke_width(width)))
            .map_err(backend_err)
    }

    /// A polyline with opacity `alpha`.
    pub(crate) fn line_alpha(
        &self,
        pts: &[(i32, i32)],
        c: RGBColor,
        width: u32,
        alpha: f64,
    ) -> Result<(), Error> {
        self.area
            .draw(&PathElement::new(
                pts.to_vec(),
                c.mix(alpha).stroke_width(width),
            ))
            .map_err(backend_err)
    }

    /// A circle, filled or as a ring.
    pub(crate) fn circle(
        &self,
        x: i32,
        y: i32,
        r: i32,
        c: RGBColor,
        filled: bool,
    ) -> Result<(), Error> {
        let st = if filled {
            c.filled()
        } else {
            c.stroke_width(2)
        };
        if !filled {
            self.area
                .draw(&Circle::new((x, y), r.max(1) as u32, PAPER.filled()))
                .map_err(backend_err)?;
        }
        self.area
            .draw(&Circle::new((x, y), r.max(1) as u32, st))
            .map_err(backend_err)
    }

    /// Diagonal white stripes over a cell: the mark of a low-n cell.
    pub(crate) fn hatch(&self, x0: i32, y0: i32, x1: i32, y1: i32) -> Result<(), Error> {
        let step = self.lay.px(6.0).max(4);
        let mut c = x0 + y0 + step;
        while c < x1 + y1 {
            let sx = x0.max(c - y1);
            let ex = x1.min(c - y0);
            if sx < ex {
                self.line_alpha(&[(sx, c - sx), (ex, c - ex)], PAPER, 1, 0.8)?;
            }
            c += step;
        }
        Ok(())
    }

    /// Title, lede, provenance and footnotes; returns the space left for the chart.
    pub(crate) fn header(&mut self, h: &Header) -> Result<Body, Error> {
        let l = self.lay;
        let m = l.px(style::MARGIN);
        let max_w = l.w - 2 * m;
        let ft = l.font(style::FONT_TITLE);
        let fl = l.font(style::FONT_LEDE);
        let fn_ = l.font(style::FONT_NOTE);
        let mut y = m + (ft * 0.6).round() as i32;
        self.label(&h.title, &h.title, m, y, ft, INK, HPos::Left, max_w)?;
        y += (ft * 0.6 + fl * 1.0).round() as i32;
        self.label(&h.lede, &h.lede, m, y, fl, INK, HPos::Left, max_w)?;
        y += (fl * 0.5 + fn_ * 1.1).round() as i32;
        self.label(
            h.provenance,
            h.provenance,
            m,
            y,
            fn_,
            MUTED,
            HPos::Left,
            max_w,
        )?;
        let top = y + (fn_ * 0.6).round() as i32 + l.px(18.0);
        let line_h = (fn_ * 1.4).round() as i32;
        let mut yb = l.h - m - line_h * h.notes.len() as i32 + line_h / 2;
        let bottom = yb - line_h / 2 - l.px(8.0);
        for n in &h.notes {
            self.label(n, n, m, yb, fn_, MUTED, HPos::Left, max_w)?;
            yb += line_h;
        }
        Ok(Body {
            x0: m,
            y0: top,
            x1: l.w - m,
            y1: bottom,
        })
    }

    /// A horizontal axis at `y` from `x0` to `x1` with ticks at `ticks` (pixel x, label).
    pub(crate) fn x_ticks(&self, y: i32, ticks: &[(i32, String)], px: f64) -> Result<(), Error> {
        let tl = self.lay.px(5.0).max(3);
        for (x, t) in ticks {
            self.line(&[(*x, y), (*x, y + tl)], AXIS, 1)?;
            self.text(t, *x, y + tl + 2, px, MUTED, HPos::Center, VPos::Top)?;
        }
        Ok(())
    }
}
