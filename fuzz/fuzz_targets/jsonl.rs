//! cargo-fuzz target `jsonl`: see `framelens::fuzz_targets::jsonl` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| framelens::fuzz_targets::jsonl(data));
