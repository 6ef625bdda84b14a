//! cargo-fuzz target `warc`: see `framelens::fuzz_targets::warc` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| framelens::fuzz_targets::warc(data));
