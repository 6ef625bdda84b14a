//! cargo-fuzz target `text`: see `framelens::fuzz_targets::text` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| framelens::fuzz_targets::text(data));
