//! cargo-fuzz target `manifest`: see `framelens::fuzz_targets::manifest` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| framelens::fuzz_targets::manifest(data));
