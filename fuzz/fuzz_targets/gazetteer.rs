//! cargo-fuzz target `gazetteer`: see `framelens::fuzz_targets::gazetteer` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| framelens::fuzz_targets::gazetteer(data));
