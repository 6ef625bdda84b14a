//! cargo-fuzz target `lexicon`: see `framelens::fuzz_targets::lexicon` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| framelens::fuzz_targets::lexicon(data));
