//! Word boundaries of ASCII text, the same as Unicode's (UAX #29, as `unicode-segmentation`'s
//! `split_word_bound_indices` finds them) without the table look-ups: the tokenizer's fast path
//! for regions that are all ASCII. In ASCII the word-break classes are few: letters, digits,
//! `_` (joins words and numbers), `:` between letters, `.` and `'` between letters or between
//! digits, `,` and `;` between digits, runs of spaces, CR LF, and every other character alone.
//! A property test compares the two on random ASCII text.

/// The word-break class of an ASCII byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// `_`
    Joiner,
    /// `:`: joins letters.
    MidLetter,
    /// `.` and `'`: join letters, and digits.
    MidBoth,
    /// `,` and `;`: join digits.
    MidNum,
    Space,
    Cr,
    /// LF, VT, FF.
    Newline,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Joiner,
        b':' => Class::MidLetter,
        b'.' | b'\'' => Class::MidBoth,
        b',' | b';' => Class::MidNum,
        b' ' => Class::Space,
        b'\r' => Class::Cr,
        b'\n' | 0x0B | 0x0C => Class::Newline,
        _ => Class::Other,
    }
}

/// The segments of `s` (all ASCII) with their byte offsets, as `split_word_bound_indices`.
pub fn bounds(s: &str) -> impl Iterator<Item = (usize, &str)> {
    debug_assert!(s.is_ascii());
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= b.len() {
            return None;
        }
        let start = i;
        i = end_of(b, start);
        Some((start, &s[start..i]))
    })
}

/// Where the segment that starts at `start` ends.
fn end_of(b: &[u8], start: usize) -> usize {
    let at = |j: usize| b.get(j).map_or(Class::Other, |&x| class(x));
    let in_word = |c: Class| matches!(c, Class::Letter | Class::Digit | Class::Joiner);
    match class(b[start]) {
        Class::Cr => {
            start
                + if b.get(start + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                }
        }
        Class::Space => {
            let mut j = start + 1;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            j
        }
        c if in_word(c) => {
            let mut j = start + 1;
            while j < b.len() {
                let (prev, next) = (class(b[j - 1]), class(b[j]));
                if in_word(next) {
                    j += 1;
                    continue;
                }
                // A middle character between two letters or two digits.
                let after = at(j + 1);
                let letters = prev == Class::Letter
                    && after == Class::Letter
                    && matches!(next, Class::MidLetter | Class::MidBoth);
                let digits = prev == Class::Digit
                    && after == Class::Digit
                    && matches!(next, Class::MidNum | Class::MidBoth);
                if letters || digits {
                    j += 2;
                    continue;
                }
                break;
            }
            j
        }
        _ => start + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn same(s: &str) {
        let fast: Vec<(usize, &str)> = bounds(s).collect();
        let uax: Vec<(usize, &str)> = s.split_word_bound_indices().collect();
        assert_eq!(fast, uax, "{s:?}");
    }

    #[test]
    fn words_numbers_and_punctuation() {
        for s in [
            "",
            "U.S. troops don't stay: 1,000.5 km; a_b 3a a3 'x' \"q\" e.g. 10:30 a:b a::b",
            "  two  spaces\r\n\r\rend\n\x0b\x0c\t\ttabs. ..a 1..2 1.,2 _a_ 9_ _9 x'y' 'ab",
            "a.b.c.d 1.2.3 a'b'c 1'2 1;2;x a,b 1,a",
        ] {
            same(s);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn the_same_as_uax29_on_ascii(s in "[a-cA-C0-2_:.',;\" \t\r\n\x0b\x0c()!?-]{0,40}") {
            same(&s);
        }

        #[test]
        fn the_same_as_uax29_on_any_ascii(s in "[\x00-\x7f]{0,60}") {
            same(&s);
        }
    }
}
