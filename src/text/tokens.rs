//! Word and punctuation tokens with byte spans, and the key text used for matching.
//!
//! Tokens come from Unicode word boundaries (UAX #29, `unicode-segmentation`). Each token keeps
//! its span in the original text; its key (see [`crate::text::normalize`]) lives in one shared
//! string, the *key text*, laid out as `" key0 key1 key2 "` so that a multi-pattern matcher can
//! find whole-token phrases by searching for `" phrase "` and map matches back to tokens.

use crate::span::Span;
use crate::text::normalize::push_key;
use unicode_segmentation::UnicodeSegmentation;

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the original text.
    pub span: Span,
    /// Where its key is in [`Tokens::keys`].
    pub key_start: u32,
    /// Key length in bytes.
    pub key_len: u32,
    /// Word (has a letter or digit) or punctuation.
    pub word: bool,
    /// First character is uppercase.
    pub cap: bool,
    /// Two or more letters, all uppercase (acronyms, shouted headlines).
    pub upper: bool,
    /// Whitespace (or the start of a region) directly before the token.
    pub space_before: bool,
    /// The first token of its region (a paragraph or line): no name runs across into it
    /// ("Ministers meet in Geneva" / "Lavrov said": "Geneva Lavrov" is nobody).
    pub opens: bool,
}

/// The tokens of an article and their key text.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// `" key0 key1 ... "`: every key followed by one space, after a leading space.
    pub keys: String,
}

impl Tokens {
    /// Whether tokens `first..=last` stand between two words in capitals on each side (a
    /// headline set in capitals, "KAMALA HARRIS IS THE FRONTRUNNER"), where capitals say nothing
    /// about a short word being an acronym. One word in capitals on a side is often another
    /// acronym ("Tags ISIS IS ISIL").
    pub fn shouted(&self, first: usize, last: usize) -> bool {
        let upper = |i: usize| self.tokens.get(i).is_some_and(|t| t.word && t.upper);
        first > 1 && upper(first - 2) && upper(first - 1) && upper(last + 1) && upper(last + 2)
    }

    /// Tokenises the given regions of `text` (in order, non-overlapping).
    pub fn new(text: &str, regions: &[Span]) -> Tokens {
        let mut t = Tokens {
            tokens: Vec::with_capacity(text.len() / 5),
            keys: String::with_capacity(text.len() + 16),
        };
        t.keys.push(' ');
        for r in regions {
            t.push_region(text, *r);
        }
        t
    }

    fn push_region(&mut self, text: &str, region: Span) {
        let first = self.tokens.len();
        self.push_region_tokens(text, region);
        if let Some(t) = self.tokens.get_mut(first) {
            t.opens = true;
        }
    }

    fn push_region_tokens(&mut self, text: &str, region: Span) {
        let slice = &text[region.start..region.end];
        // ASCII regions (most English news) take the table-free path: the same segments.
        let segments: Box<dyn Iterator<Item = (usize, &str)>> = if slice.is_ascii() {
            Box::new(super::ascii_words::bounds(slice))
        } else {
            Box::new(slice.split_word_bound_indices())
        };
        let mut prev_end = 0usize;
        for (i, seg) in segments {
            if seg.chars().all(is_blank) {
                continue;
            }
            let word = seg.chars().any(char::is_alphanumeric);
            if !word {
                // Punctuation segments are split into single characters so that `,"` is two tokens.
                for (j, c) in seg.char_indices() {
                    if is_blank(c) {
                        continue;
                    }
                    let s = region.start + i + j;
                    let space_before = s == region.start || prev_end != i + j;
                    self.push(text, Span::new(s, s + c.len_utf8()), false, space_before);
                    prev_end = i + j + c.len_utf8();
                }
                continue;
            }
            let space_before = i == 0 || prev_end != i;
            self.push(
                text,
                Span::new(region.start + i, region.start + i + seg.len()),
                true,
                space_before,
            );
            prev_end = i + seg.len();
        }
    }

    fn push(&mut self, text: &str, span: Span, word: bool, space_before: bool) {
        let s = span.of(text);
        let key_start = self.keys.len();
        push_key(s, &mut self.keys);
        // Keys never contain the separator.
        let key_text = &mut self.keys;
        if key_text[key_start..].contains(' ') {
            let fixed: String = key_text[key_start..]
                .chars()
                .filter(|c| *c != ' ')
                .collect();
            key_text.truncate(key_start);
            key_text.push_str(&fixed);
        }
        let key_len = self.keys.len() - key_start;
        self.keys.push(' ');
        let mut chars = s.chars();
        let first = chars.next().unwrap_or(' ');
        let cap = first.is_uppercase();
        let mut letters = 0;
        let mut upper = true;
        for c in s.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if !c.is_uppercase() {
                    upper = false;
                }
            }
        }
        self.tokens.push(Token {
            span,
            key_start: key_start as u32,
            key_len: key_len as u32,
            word,
            cap,
            upper: upper && letters >= 2,
            space_before,
            opens: false,
        });
    }

    /// The key of token `i`.
    pub fn key(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.keys[t.key_start as usize..(t.key_start + t.key_len) as usize]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The token whose key starts at key-text byte `pos`, if any.
    pub fn token_at_key(&self, pos: usize) -> Option<usize> {
        let i = self
            .tokens
            .partition_point(|t| (t.key_start as usize) < pos);
        (i < self.tokens.len() && self.tokens[i].key_start as usize == pos).then_some(i)
    }

    /// The token whose key ends at key-text byte `pos` (exclusive), if any.
    pub fn token_ending_at_key(&self, pos: usize) -> Option<usize> {
        let i = self
            .tokens
            .partition_point(|t| ((t.key_start + t.key_len) as usize) < pos);
        (i < self.tokens.len()
            && (self.tokens[i].key_start + self.tokens[i].key_len) as usize == pos)
            .then_some(i)
    }

    /// Index of the first token starting at or after byte `pos` of the text.
    pub fn first_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// Token index range `[a, b)` of the tokens inside `span`.
    pub fn range(&self, span: Span) -> (usize, usize) {
        let a = self.first_at(span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        (a, b.max(a))
    }
}

/// Whitespace, and invisible format characters (zero-width, bidi controls) that separate nothing.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
        || (c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Tokens {
        Tokens::new(text, &[Span::new(0, text.len())])
    }

    #[test]
    fn tokens_map_back_to_the_text() {
        let text =
            "Russia\u{2019}s envoy, Alexander Lavrentiev \u{201C}met\u{201D} Amir-Abdollahian.";
        let t = all(text);
        let words: Vec<&str> = t.tokens.iter().map(|k| k.span.of(text)).collect();
        assert_eq!(
            words,
            [
                "Russia\u{2019}s",
                "envoy",
                ",",
                "Alexander",
                "Lavrentiev",
                "\u{201C}",
                "met",
                "\u{201D}",
                "Amir",
                "-",
                "Abdollahian",
                "."
            ]
        );
        assert_eq!(t.key(0), "russia's");
        assert_eq!(t.key(5), "\"");
        assert!(t.tokens[3].cap && !t.tokens[1].cap);
        assert!(!t.tokens[9].space_before && t.tokens[3].space_before);
        assert_eq!(&t.keys[..20], " russia's envoy , al");
    }

    #[test]
    fn cyrillic_offsets_are_char_boundaries() {
        let text = "Министр Лавров заявил, что";
        let t = all(text);
        assert_eq!(t.tokens[1].span.of(text), "Лавров");
        assert_eq!(t.key(1), "лавров");
        for tok in &t.tokens {
            assert!(text.is_char_boundary(tok.span.start) && text.is_char_boundary(tok.span.end));
        }
    }

    #[test]
    fn acronyms_are_upper() {
        let t = all("the IRGC and the U.S. said");
        assert!(t.tokens[1].upper);
        assert!(!t.tokens[0].upper);
    }
}
