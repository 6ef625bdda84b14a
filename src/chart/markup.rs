//! Text hygiene and the SVG markup that plotters cannot write: the document `<title>` and
//! `<desc>`, `role="img"`, and a layer of invisible hover areas carrying `<title>` tooltips.
//!
//! Every string from a report is untrusted. [`clean`] removes characters that are not allowed
//! in XML 1.0 or that reorder text (bidi controls) before anything is drawn; plotters escapes
//! what it writes; everything inserted here goes through [`escape`].

/// A rectangle (x, y, width, height in pixels) that shows `text` when hovered.
#[derive(Clone, Debug)]
pub(crate) struct Tip {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
    pub text: String,
}

/// Escapes text for an XML text node or a quoted attribute value.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Report text made safe to draw: control characters (including newlines and tabs) become
/// spaces, non-characters and bidi overrides are dropped, runs of spaces are collapsed and the
/// ends trimmed. The result is valid XML 1.0 character data once escaped.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = if c.is_control() || c.is_whitespace() {
            ' '
        } else {
            c
        };
        if matches!(c, '\u{FFFE}' | '\u{FFFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        {
            continue;
        }
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// Completes a plotters SVG: `role="img"` on the root, `<title>` and `<desc>` as its first
/// children, and the tooltip layer as its last child.
pub(crate) fn finish(svg: &str, title: &str, desc: &str, tips: &[Tip]) -> String {
    let mut out = String::with_capacity(svg.len() + 256 + tips.len() * 96);
    let (head, body) = match (svg.find("<svg"), svg.find('>')) {
        (Some(0), Some(end)) => svg.split_at(end + 1),
        _ => ("", svg),
    };
    if head.is_empty() {
        out.push_str(body);
        return out;
    }
    out.push_str("<svg role=\"img\"");
    out.push_str(&head[4..]);
    out.push_str("\n<title>");
    out.push_str(&escape(title));
    out.push_str("</title>\n<desc>");
    out.push_str(&escape(desc));
    out.push_str("</desc>");
    let close = body.rfind("</svg>").unwrap_or(body.len());
    push_rounding_font_sizes(&mut out, &body[..close]);
    if !tips.is_empty() {
        out.push_str("<g fill=\"none\" stroke=\"none\" pointer-events=\"all\">\n");
        for t in tips {
            out.push_str(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>\n",
                t.x,
                t.y,
                t.w.max(1),
                t.h.max(1),
                escape(&t.text)
            ));
        }
        out.push_str("</g>\n");
    }
    out.push_str(&body[close..]);
    out
}

/// Copies plotters output, writing `font-size="13.000000000000002"` (plotters divides the
/// requested size by 1.24) as `font-size="13"`: sizes are rounded to 1/1000 px.
fn push_rounding_font_sizes(out: &mut String, svg: &str) {
    const ATTR: &str = "font-size=\"";
    let mut rest = svg;
    while let Some(i) = rest.find(ATTR) {
        let start = i + ATTR.len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('"').unwrap_or(rest.len());
        match rest[..end].parse::<f64>() {
            Ok(v) if v.is_finite() => out.push_str(&format!("{}", crate::float::round(v, 3))),
            _ => out.push_str(&rest[..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_text_and_attributes() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape("</svg>"), "&lt;/svg&gt;");
        assert_eq!(escape("a & b 'c'"), "a &amp; b &apos;c&apos;");
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }

    #[test]
    fn cleans_characters_xml_forbids() {
        assert_eq!(clean("a\u{0}b\u{1b}[31m\nc\t d"), "a b [31m c d");
        assert_eq!(clean("\u{202E}evil\u{FFFF}"), "evil");
        assert_eq!(clean("  x  "), "x");
    }

    #[test]
    fn finish_inserts_title_desc_and_tips() {
        let svg = "<svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/>\n</svg>\n";
        let tips = [Tip {
            x: 1,
            y: 2,
            w: 3,
            h: 4,
            text: "</svg><script>".into(),
        }];
        let out = finish(svg, "T <b>", "D & d", &tips);
        let mut sized = String::new();
        push_rounding_font_sizes(
            &mut sized,
            "<text font-size=\"13.000000000000002\">font-size=\"x\"</text><text font-size=\"9.5\">",
        );
        assert_eq!(
            sized,
            "<text font-size=\"13\">font-size=\"x\"</text><text font-size=\"9.5\">"
        );
        assert!(out.starts_with("<svg role=\"img\" width=\"10\""), "{out}");
        assert!(out.contains("<title>T &lt;b&gt;</title>\n<desc>D &amp; d</desc>"));
        assert!(out.contains("<title>&lt;/svg&gt;&lt;script&gt;</title></rect>"));
        assert_eq!(out.matches("</svg>").count(), 1);
        assert!(out.trim_end().ends_with("</svg>"));
    }
}
