//! Matching keys built from token keys: the key of an actor's name (gazetteer entries, outlet
//! names from metadata) and the key of a lexicon term.
//!
//! These rules sit here, below `lexicon` and `actors`, because both sides must agree on them:
//! the gazetteer and lexicons build their tables with them, and matching looks text up with
//! them. They depend only on [`Tokens`] (and so on [`super::normalize`]).

use super::Tokens;
use crate::span::Span;

/// Particles ignored inside names (not at their start): `Bashar al-Assad` is `basharassad`.
pub const PARTICLES: &[&str] = &[
    "al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "bin", "ibn", "de", "ul", "ed",
];

/// The normalised key of a name: token keys concatenated, without apostrophes, hyphens and
/// inner particles, with a final possessive removed and a leading "the" dropped.
pub fn name_key(name: &str) -> String {
    name_key_bounds(name).0
}

/// [`name_key`] and the byte offsets in it where one of the name's words ends and the next
/// begins ("Israelis" has none, "Israel Defense Forces" two): text whose words are separated
/// by a space matches a key only where the key has a word boundary, so that "Israel is" is
/// not "Israelis" nor "I ran" Iran.
pub fn name_key_bounds(name: &str) -> (String, Vec<usize>) {
    let toks = Tokens::new(name, &[Span::new(0, name.len())]);
    let words: Vec<&str> = (0..toks.len())
        .filter(|&i| toks.tokens[i].word)
        .map(|i| toks.key(i))
        .collect();
    let n = words.len();
    let mut out = String::new();
    let mut bounds = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if i == 0 && *w == "the" && n > 1 {
            continue;
        }
        if !out.is_empty() && PARTICLES.contains(w) {
            continue;
        }
        if !out.is_empty() {
            bounds.push(out.len());
        }
        push_name_word(&mut out, w, i + 1 == n);
    }
    (out, bounds)
}

/// Appends one word's token key to a name key being built, as [`name_key`] does: apostrophes,
/// hyphens and the dots of an initialism ("U.N") dropped, and a final possessive removed from
/// the `last` word.
pub fn push_name_word(out: &mut String, key: &str, last: bool) {
    let key = if last { strip_possessive(key) } else { key };
    out.extend(key.chars().filter(|c| !matches!(c, '\'' | '-' | '.')));
}

/// Generational suffixes after a name ("Jr.", "Sr.", "III"): another person of the same name.
pub const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// True when token `i` is the dot of a generational suffix, stuck to it ("Donald Trump Jr.
/// said"): it ends the name, not the sentence.
pub fn suffix_dot(tokens: &Tokens, i: usize) -> bool {
    i > 0
        && tokens.key(i) == "."
        && !tokens.tokens[i].space_before
        && SUFFIXES.contains(&tokens.key(i - 1))
}

/// True when token `i` is the final dot of an initialism, stuck to it ("U.N." in "the U.N.
/// Security Council", "U.N. spokesman"): it belongs to the initialism, not to the sentence.
pub fn initialism_dot(tokens: &Tokens, i: usize) -> bool {
    i > 0
        && tokens.key(i) == "."
        && !tokens.tokens[i].space_before
        && tokens.key(i - 1).contains('.')
}

/// True when token `i` is the dot of a middle initial between two capitalised words, stuck to
/// its letter ("John F. Kennedy", "John A. Boehner"): it belongs to the name, not to the
/// sentence.
pub fn initial_dot(tokens: &Tokens, i: usize) -> bool {
    let t = &tokens.tokens;
    i >= 2
        && i + 1 < t.len()
        && tokens.key(i) == "."
        && !t[i].space_before
        && t[i - 1].word
        && t[i - 1].cap
        && tokens.key(i - 1).chars().count() == 1
        && t[i - 1].space_before
        && t[i - 2].word
        && t[i - 2].cap
        && t[i + 1].word
        && t[i + 1].cap
        && t[i + 1].space_before
}

/// Removes a final `'s` or `'`.
pub fn strip_possessive(key: &str) -> &str {
    key.strip_suffix("'s")
        .or_else(|| key.strip_suffix('\''))
        .unwrap_or(key)
}

/// The matching key of a lexicon term: its token keys joined by spaces, and whether it ends in
/// `*` (a prefix term).
pub fn term_key(term: &str) -> (String, bool) {
    let wildcard = term.ends_with('*');
    let body = term.trim_end_matches('*');
    let toks = Tokens::new(body, &[Span::new(0, body.len())]);
    let keys: Vec<&str> = (0..toks.len()).map(|i| toks.key(i)).collect();
    (keys.join(" "), wildcard)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys_ignore_hyphens_particles_and_possessives() {
        assert_eq!(name_key("Amir-Abdollahian"), "amirabdollahian");
        assert_eq!(name_key("Bashar al-Assad"), "basharassad");
        assert_eq!(name_key("the Kremlin"), "kremlin");
        assert_eq!(name_key("Russia\u{2019}s"), "russia");
        assert_eq!(name_key("Erdoğan"), "erdogan");
        assert_eq!(name_key("Ja'afari"), "jaafari");
        assert_eq!(name_key("U.N. Security Council"), "unsecuritycouncil");
        assert_eq!(
            name_key_bounds("Israelis"),
            ("israelis".to_string(), vec![])
        );
        assert_eq!(
            name_key_bounds("Bashar al-Assad"),
            ("basharassad".to_string(), vec![6])
        );
    }
}
