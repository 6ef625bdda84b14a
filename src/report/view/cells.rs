//! Table cells: header cells, plain text and number cells, and the linked cells of a label or
//! frame share and of a stance mean, with their number formats.

use super::links::Links;
use super::{Cell, Class, Head};
use crate::report::{ShareRow, StanceRow};

/// A share as a whole percentage: `34 %`.
pub(super) fn pct(x: f64) -> String {
    format!("{:.0} %", x * 100.0)
}

/// A stance value with sign and two decimals: `+0.32`.
pub(super) fn signed(x: f64) -> String {
    format!("{x:+.2}")
}

/// An interval as `[lo–hi]`, or `(one article)` when it rests on one article: a bootstrap over
/// one article has nothing to resample and its zero-width interval would look exact.
pub(super) fn interval(articles: u64, lo: String, hi: String, sep: &str) -> String {
    if articles == 1 {
        "(one article)".into()
    } else {
        format!("[{lo}{sep}{hi}]")
    }
}

/// A header cell.
pub(super) fn head(text: &str, class: Class, title: &str) -> Head {
    Head {
        text: text.to_string(),
        class,
        title: title.to_string(),
    }
}

/// A left-aligned text cell.
pub(super) fn text_cell(text: String) -> Cell {
    Cell {
        text,
        class: Class::Left,
        ..Cell::default()
    }
}

/// A number cell.
pub(super) fn num_cell(n: u64) -> Cell {
    Cell {
        text: n.to_string(),
        ..Cell::default()
    }
}

/// The share of one label (or frame) in a voice's uses, with its interval, linked to its
/// evidence; grey when the voice has few uses.
pub(super) fn share_cell(links: &mut Links, r: &ShareRow, what: &str) -> Cell {
    let title = format!(
        "{} of {} uses; 95 % interval {}–{}; {} articles",
        r.count,
        r.total,
        pct(r.ci_low),
        pct(r.ci_high),
        r.articles
    );
    let link = links.share(r, what);
    Cell {
        text: if r.count == 0 {
            "0".into()
        } else {
            format!(
                "{} {}",
                pct(r.share),
                interval(r.articles, pct(r.ci_low), pct(r.ci_high), "–")
            )
        },
        class: if r.low_n { Class::Low } else { Class::Plain },
        title,
        link,
    }
}

/// A voice's mean stance toward an actor with its interval and n, linked to its evidence;
/// coloured by sign, grey when n is low.
pub(super) fn stance_cell(links: &mut Links, r: &StanceRow) -> Cell {
    let link = links.stance(r);
    Cell {
        text: format!(
            "{} {} n={}",
            signed(r.mean),
            interval(r.articles, signed(r.ci_low), signed(r.ci_high), ", "),
            r.n
        ),
        class: if r.low_n {
            Class::Low
        } else if r.mean > 0.05 {
            Class::Positive
        } else if r.mean < -0.05 {
            Class::Negative
        } else {
            Class::Plain
        },
        title: format!(
            "{} positive, {} negative of {} sentences in {} articles",
            r.positive, r.negative, r.n, r.articles
        ),
        link,
    }
}
