//! cargo-fuzz target `json`: see `framelens::fuzz_targets::json` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| framelens::fuzz_targets::json(data));
