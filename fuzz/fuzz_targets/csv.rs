//! cargo-fuzz target `csv`: see `framelens::fuzz_targets::csv` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| framelens::fuzz_targets::csv(data));
