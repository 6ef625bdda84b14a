//! Sentence segmentation with byte spans.
//!
//! Paragraphs (lines) are split after `.`, `!`, `?` or `…` (with any closing quotes and
//! brackets) when whitespace and an uppercase letter, digit or opening quote follow.
//! Abbreviations (`U.S.`, `Lt. Gen.`, `Dr.`), initials and ellipses inside a sentence do not
//! split. A sentence never crosses a paragraph.

use crate::span::Span;

/// Abbreviations that end in a period without ending the sentence (lowercase, no period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cmdr",
    "adm", "brig", "st", "jr", "sr", "gov", "sen", "rep", "rev", "hon", "pres", "amb", "sec",
    "gen", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "vol",
    "al", "ft", "mt", "e.g", "i.e", "u.s", "u.n", "u.k", "e.u", "u.s.a", "u.a.e",
];

/// Appends the sentences of paragraph `para` of `text` to `out`.
pub fn split_sentences(text: &str, para: Span, out: &mut Vec<Span>) {
    let p = &text[para.start..para.end];
    let mut start = 0usize;
    let mut it = p.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut single_period = c == '.' && !matches!(it.peek(), Some((_, '.')));
        // Absorb further terminators and closing quotes or brackets.
        while let Some(&(j, d)) = it.peek() {
            if matches!(
                d,
                '.' | '!'
                    | '?'
                    | '\u{2026}'
                    | '"'
                    | '\''
                    | '\u{201D}'
                    | '\u{2019}'
                    | '\u{00BB}'
                    | ')'
                    | ']'
            ) {
                if !matches!(d, '.' | '!' | '?' | '\u{2026}') {
                    single_period = false; // a closing quote after the period: `said "No."`
                }
                end = j + d.len_utf8();
                it.next();
            } else {
                break;
            }
        }
        let rest = &p[end..];
        let trimmed = rest.trim_start_matches(|ch: char| ch.is_whitespace());
        if trimmed.len() == rest.len() && !rest.is_empty() {
            continue; // no whitespace after the terminator: "U.S.-led", "3.5"
        }
        let next = trimmed.chars().next();
        let breaks = match next {
            None => true,
            Some(n) => {
                n.is_uppercase()
                    || n.is_numeric()
                    || matches!(
                        n,
                        '"' | '\u{201C}' | '\u{2018}' | '\'' | '(' | '[' | '\u{00AB}'
                    )
                    || (!n.is_lowercase() && !n.is_alphabetic() && n != ',' && n != ';')
            }
        };
        if !breaks {
            continue;
        }
        if single_period && is_abbreviation(&p[start..i]) {
            continue;
        }
        push_trimmed(para.start, p, start, end, out);
        start = end;
    }
    push_trimmed(para.start, p, start, p.len(), out);
}

/// Index of the sentence containing byte `pos`, in sentences sorted and disjoint (each with
/// its paragraph index, as an analysis keeps them). Binary search.
pub fn sentence_at(sentences: &[(Span, u32)], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|(s, _)| s.end <= pos);
    (i < sentences.len() && sentences[i].0.start <= pos).then_some(i)
}

fn push_trimmed(base: usize, p: &str, a: usize, b: usize, out: &mut Vec<Span>) {
    let s = &p[a..b];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(base + a + lead, base + b - trail));
    }
}

/// True when the text before a period ends with an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201C}')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if first.is_uppercase() && chars.next().is_none() {
        return true; // an initial: "John F. Kennedy"
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.contains('.')
            && word.chars().filter(|c| c.is_alphabetic()).count() <= 4
            && word.chars().all(|c| c.is_alphabetic() || c == '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        split_sentences(text, Span::new(0, text.len()), &mut v);
        v.iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn abbreviations_and_quotes() {
        assert_eq!(
            split("Lt. Gen. Fomin met U.S. officials. Dr. Smith said \u{201C}No.\u{201D} Then he left\u{2026} Later he returned."),
            ["Lt. Gen. Fomin met U.S. officials.", "Dr. Smith said \u{201C}No.\u{201D}", "Then he left\u{2026}", "Later he returned."]
        );
    }

    #[test]
    fn ellipsis_before_lowercase_does_not_split() {
        assert_eq!(
            split("the opening of the conference... is attended by all. Next."),
            [
                "the opening of the conference... is attended by all.",
                "Next."
            ]
        );
    }

    #[test]
    fn numbers_and_trailing_text() {
        assert_eq!(
            split("It cost 3.5 million. 2.2 million fled"),
            ["It cost 3.5 million.", "2.2 million fled"]
        );
    }
}
