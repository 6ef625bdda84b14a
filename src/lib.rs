//! framelens: how do different outlets frame the same actors?
//!
//! The library loads corpora ([`corpus`]), splits text into sentences and tokens ([`text`]),
//! finds actors ([`actors`]) and who is speaking ([`voices`]), scores labels, frames and stance
//! ([`framing`]), folds articles into mergeable aggregates ([`analysis`]), compares voices
//! ([`compare`]) and builds the report ([`report`]). The binary's commands live in [`cli`].
#![deny(missing_docs)]

pub mod actors;
pub mod analysis;
pub mod chart;
pub mod cli;
pub mod compare;
pub mod corpus;
pub mod float;
pub mod framing;
#[doc(hidden)]
pub mod fuzz_targets;
pub mod gold;
pub mod hash;
pub mod learn;
pub mod lexicon;
pub mod rank;
pub mod regress;
pub mod report;
pub mod span;
pub mod text;
pub mod validate;
pub mod voices;
