//! framelens: how do different outlets frame the same actors?
//!
//! The library loads corpora ([`corpus`]), splits text into sentences and tokens ([`text`]),
//! finds actors ([`actors`]) and who is speaking ([`voices`]), scores labels, frames and stance
//! ([`framing`]), folds articles into mergeable aggregates ([`analysis`]), compares voices
//! ([`compare`]) and builds the report ([`report`]). The binary's commands live in [`cli`].
#![deny(missing_docs)]

pub mod corpus;
pub mod span;
pub mod text;
pub mod actors;
pub mod lexicon;
pub mod voices;
pub mod analysis;
pub mod framing;
pub mod compare;
pub mod report;
pub mod cli;
