//! The `framelens` binary: everything lives in the library's `cli` module.

fn main() -> std::process::ExitCode {
    framelens::cli::main()
}
