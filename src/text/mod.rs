//! Text: sentences and tokens as byte spans, and the normalised keys used for matching.
//!
//! Normalisation (case, quotes, dashes, diacritics) goes into token keys, never into the text.

pub mod ascii_words;
pub mod keys;
pub mod normalize;
pub mod sentences;
pub mod tokens;

pub use sentences::split_sentences;
pub use tokens::{Token, Tokens};
