//! The parts of the command line the subcommands share, re-exported from one place: flags and
//! loading ([`super::args`]), standard output ([`super::stdout`]), the listing walk
//! ([`super::walk`]) and safe file writing ([`super::files`]).

pub use super::args::{
    analyzer, default_out, tolerance, Format, InputArgs, LexiconArgs, ListFormat,
};
pub use super::files::{
    check_out, check_output, check_replaceable, write_atomic, write_dir, Staging,
};
pub use super::stdout::{
    csv_record, is_broken_pipe, nothing_to_analyse, print, print_skips, stdout_failure, summary,
};
pub use super::walk::visit;
