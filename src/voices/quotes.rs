//! Direct quotations: straight and curly double quotes (opened with one kind and closed with
//! another, as scraped text often is), nested single quotes, quotes spanning paragraphs, and
//! unbalanced quotes, which close at the end of their paragraph so that no text is lost.

use crate::span::Span;

/// A quotation found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark (inclusive), or to the paragraph end.
    pub span: Span,
    /// Paragraph index.
    pub para: usize,
    /// Closed by a matching mark in the same paragraph.
    pub closed: bool,
    /// Continues an unclosed quote of the previous paragraph (newspaper convention).
    pub continues: bool,
    /// A single-quoted quotation nested in a double-quoted one.
    pub nested: bool,
    /// Single quotes at the top level (a scare quote unless it is long and attributed).
    pub single: bool,
}

fn opens(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = match prev {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '['
                        | '{'
                        | '\u{2014}'
                        | '\u{2013}'
                        | '-'
                        | ':'
                        | '/'
                        | '\u{2018}'
                        | '\''
                        | '"'
                        | '\u{201C}'
                )
        }
    };
    before_ok && next.map(|n| !n.is_whitespace()).unwrap_or(false)
}

/// A double quotation mark: straight and curly, low-9 („), guillemets (« »), single guillemets
/// (‹ ›) and corner brackets (「 」『 』), which quote speech in the house styles of some outlets.
fn is_double_mark(c: char) -> bool {
    crate::text::normalize::is_double_quote(c)
        || matches!(
            c,
            '\u{2039}' | '\u{203A}' | '\u{300C}' | '\u{300D}' | '\u{300E}' | '\u{300F}'
        )
}

/// Marks that only close a quotation (” » › 」 』).
fn closes_only(c: char) -> bool {
    matches!(
        c,
        '\u{201D}' | '\u{00BB}' | '\u{203A}' | '\u{300D}' | '\u{300F}'
    )
}

/// Marks that close a quotation only when one is open (“ after „ in German style), or never
/// (« ‹ 「 『).
fn opens_only(c: char) -> bool {
    matches!(
        c,
        '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{2039}' | '\u{300C}' | '\u{300E}'
    )
}

fn closes(prev: Option<char>, next: Option<char>) -> bool {
    let prev_ok = prev.map(|p| !p.is_whitespace()).unwrap_or(false);
    let next_ok = match next {
        None => true,
        Some(n) => n.is_whitespace() || (!n.is_alphanumeric() && n != '\u{2018}'),
    };
    prev_ok && next_ok
}

/// Finds the quotations of an article's paragraphs.
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open_from_prev = false;
    for (pi, para) in paragraphs.iter().enumerate() {
        let p = para.of(text);
        let chars: Vec<(usize, char)> = p.char_indices().collect();
        let mut open: Option<usize> = None;
        let mut single_open: Option<usize> = None;
        let mut first_in_para = true;
        let mut continues_next = false;
        let mut skip = false;
        for (k, &(i, c)) in chars.iter().enumerate() {
            if std::mem::take(&mut skip) {
                continue;
            }
            let prev = k.checked_sub(1).map(|j| chars[j].1);
            let mut next = chars.get(k + 1).map(|x| x.1);
            // Two apostrophes are one double mark (''...'', a house style).
            let doubled = c == '\'' && next == Some('\'');
            let mark = if doubled { 2 } else { c.len_utf8() };
            if doubled {
                skip = true;
                next = chars.get(k + 2).map(|x| x.1);
            }
            if doubled || is_double_mark(c) {
                let may_open = !closes_only(c) && opens(prev, next);
                let may_close = closes(prev, next) && (!opens_only(c) || open.is_some());
                match open {
                    None if may_open => {
                        open = Some(i);
                        continues_next = first_in_para && open_from_prev;
                        first_in_para = false;
                        single_open = None;
                    }
                    None if may_close && first_in_para && open_from_prev => {
                        // A closing mark with no opening one, after an unclosed quote: the
                        // quote ran on into this paragraph.
                        out.push(Quote {
                            span: Span::new(para.start, para.start + i + mark),
                            para: pi,
                            closed: true,
                            continues: true,
                            nested: false,
                            single: false,
                        });
                        first_in_para = false;
                    }
                    Some(o) if may_close => {
                        out.push(Quote {
                            span: Span::new(para.start + o, para.start + i + mark),
                            para: pi,
                            closed: true,
                            continues: continues_next,
                            nested: false,
                            single: false,
                        });
                        open = None;
                        continues_next = false;
                        first_in_para = false;
                    }
                    _ => {}
                }
            } else if crate::text::normalize::is_single_quote(c) {
                let letter_before = prev.map(char::is_alphanumeric).unwrap_or(false);
                let letter_after = next.map(char::is_alphanumeric).unwrap_or(false);
                if letter_before && letter_after {
                    continue; // an apostrophe: Russia's, don't
                }
                match single_open {
                    None if c != '\u{2019}' && opens(prev, next) => single_open = Some(i),
                    Some(o) if closes(prev, next) && c != '\u{2018}' => {
                        let q = Quote {
                            span: Span::new(para.start + o, para.start + i + c.len_utf8()),
                            para: pi,
                            closed: true,
                            continues: false,
                            nested: open.is_some(),
                            single: true,
                        };
                        if q.nested
                            || !q.span.of(text).contains(char::is_whitespace)
                            || open.is_none()
                        {
                            out.push(q);
                        }
                        single_open = None;
                    }
                    _ => {}
                }
            }
        }
        open_from_prev = false;
        if let Some(o) = open {
            out.push(Quote {
                span: Span::new(para.start + o, para.end),
                para: pi,
                closed: false,
                continues: continues_next,
                nested: false,
                single: false,
            });
            open_from_prev = true;
        }
    }
    // Nested single quotes must lie inside a double quote; single quotes that straddle one are dropped.
    let doubles: Vec<Span> = out.iter().filter(|q| !q.single).map(|q| q.span).collect();
    out.retain(|q| {
        !q.single
            || if q.nested {
                doubles.iter().any(|d| d.contains(q.span))
            } else {
                !doubles.iter().any(|d| d.overlaps(q.span))
            }
    });
    out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, bool, bool, bool)> {
        let paras = crate::corpus::line_spans(text)
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>();
        find_quotes(text, &paras)
            .iter()
            .map(|q| (q.span.of(text).to_string(), q.closed, q.continues, q.nested))
            .collect()
    }

    #[test]
    fn mixed_marks_nesting_and_apostrophes() {
        let q = quotes("\"In this regard, it's fine,\u{201D} Tass report. He said \u{201C}We believe \u{2018}they are wrong\u{2019} today.\u{201D}");
        assert_eq!(q[0].0, "\"In this regard, it's fine,\u{201D}");
        assert_eq!(
            q[1].0,
            "\u{201C}We believe \u{2018}they are wrong\u{2019} today.\u{201D}"
        );
        assert_eq!(
            q[2],
            (
                "\u{2018}they are wrong\u{2019}".to_string(),
                true,
                false,
                true
            )
        );
    }

    #[test]
    fn house_styles_of_quotation_marks() {
        for (text, want) in [
            (
                "He said ''we will not allow it,'' then left.",
                "''we will not allow it,''",
            ),
            (
                "He said \u{201E}no reason for concern\u{201C} then.",
                "\u{201E}no reason for concern\u{201C}",
            ),
            (
                "He said \u{00AB}the West is lying\u{00BB} today.",
                "\u{00AB}the West is lying\u{00BB}",
            ),
            (
                "He said \u{2039}a dangerous escalation\u{203A} today.",
                "\u{2039}a dangerous escalation\u{203A}",
            ),
            (
                "He said \u{300C}never surrender\u{300D} at the UN.",
                "\u{300C}never surrender\u{300D}",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].0, want);
            assert!(q[0].1, "{text}: closed");
        }
        // A closing guillemet never opens: no quote runs from it.
        assert!(quotes("\u{00BB}stray mark and text").is_empty());
    }

    #[test]
    fn unbalanced_and_multi_paragraph() {
        let q = quotes("He said: \u{201C}First part.\n\u{201C}Second part,\u{201D} he added.\nThen \u{201C}never closed");
        assert_eq!(q.len(), 3);
        assert_eq!((q[0].1, q[0].2), (false, false));
        assert_eq!((q[1].1, q[1].2), (true, true));
        assert_eq!(q[2].0, "\u{201C}never closed");
        assert!(!q[2].1);
    }
}
