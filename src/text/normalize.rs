//! Token keys: the normalised form used for matching, never written back into the text.
//!
//! A key is lowercase, with typographic quotes, dashes and spaces folded to their ASCII
//! counterparts and diacritics removed (`Erdoğan` -> `erdogan`, `Russia’s` -> `russia's`).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Appends the key of `word` to `out`.
pub fn push_key(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match fold_char(c) {
            Some(f) => out.push(f),
            None => out.extend(c.to_lowercase()),
        }
    }
}

/// The key of `word` as a new string.
pub fn key(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    push_key(word, &mut s);
    s
}

/// Folds typographic punctuation and letters that NFD does not decompose.
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' => ' ',
        '\u{0131}' => 'i',
        '\u{0142}' | '\u{0141}' => 'l',
        '\u{00F8}' | '\u{00D8}' => 'o',
        '\u{00DF}' => 's',
        '\u{0111}' | '\u{0110}' => 'd',
        '\u{00E6}' | '\u{00C6}' => 'e',
        _ => return None,
    })
}

/// True for characters that open or close a double quotation.
pub fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// True for single quotation marks (also apostrophes).
pub fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_quotes_and_diacritics() {
        assert_eq!(key("Erdoğan"), "erdogan");
        assert_eq!(key("Russia\u{2019}s"), "russia's");
        assert_eq!(key("ÇAVUŞOĞLU"), "cavusoglu");
        assert_eq!(key("Лавров"), "лавров");
        assert_eq!(key("\u{2014}"), "-");
    }
}
