//! The `framelens` binary: the command line ([`cli`]) over the `framelens` library. The
//! commands are private to the binary; the library never sees them.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
