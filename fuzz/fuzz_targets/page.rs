//! cargo-fuzz target `page`: see `framelens::fuzz_targets::page` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| framelens::fuzz_targets::page(data));
