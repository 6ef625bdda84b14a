//! What the commands print: standard output (a broken pipe is a quiet exit 0), CSV records made
//! safe for spreadsheets, the accounting summary on standard error.

use super::Failure;
use std::io::Write;

/// One CSV record, newline included: every cell goes through `escape::csv_cell`, so that a
/// spreadsheet does not run an untrusted cell as a formula, and the csv writer quotes it.
pub fn csv_record<S: AsRef<str>>(cells: &[S]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(
        cells
            .iter()
            .map(|c| framelens::report::escape::csv_cell(c.as_ref())),
    )
    .expect("writing to memory cannot fail");
    w.into_inner().unwrap_or_default()
}

/// Writes to standard output; a broken pipe surfaces as an error that `main` turns into exit 0.
pub fn print(s: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(stdout_failure)
}

/// A failed write to standard output: a broken pipe (which `main` turns into a quiet exit 0),
/// or exit 1 with the cause (a full disk, a closed file).
pub fn stdout_failure(e: std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Failure::data(e);
    }
    Failure::data(anyhow::Error::new(e).context(
        "cannot write to standard output; check that the disk or the receiving file has space",
    ))
}

/// True when the error chain holds a broken pipe.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .map(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            .unwrap_or(false)
    })
}

/// The error when no article is left to analyse.
pub fn nothing_to_analyse(read: u64) -> anyhow::Error {
    if read == 0 {
        anyhow::anyhow!(
            "nothing to analyse: the input holds no records (it is empty or has only blank lines); check the input path"
        )
    } else {
        anyhow::anyhow!(
            "nothing to analyse: all {read} record(s) were skipped; see the reasons above"
        )
    }
}

/// Prints the run summary line to standard error.
pub fn summary(read: u64, analysed: u64, skipped: u64) {
    eprintln!("framelens: read {read} = analysed {analysed} + skipped {skipped}");
}

/// Prints the first [`SKIPS_PRINTED`] of a run's skips (from its sample) and the count of the
/// rest by kind, saying where they are listed.
pub fn print_skips(
    sample: &[framelens::corpus::Skip],
    by_kind: &std::collections::BTreeMap<framelens::corpus::SkipKind, u64>,
    listed: &str,
) {
    let mut more: std::collections::BTreeMap<String, u64> =
        by_kind.iter().map(|(k, n)| (k.name(), *n)).collect();
    for s in sample.iter().take(SKIPS_PRINTED) {
        eprintln!("framelens: skipped {}", s.message());
        if let Some(n) = more.get_mut(&s.kind_name()) {
            *n = n.saturating_sub(1);
        }
    }
    more.retain(|_, n| *n > 0);
    Skips {
        printed: SKIPS_PRINTED,
        more,
    }
    .finish(listed);
}

/// Skips printed one per line before the rest are only counted.
pub const SKIPS_PRINTED: usize = 20;

/// Prints the first [`SKIPS_PRINTED`] skips to standard error, one line each, and counts the
/// rest by kind, so that a corpus with a million bad lines does not flood the terminal; nothing
/// is lost: [`Skips::finish`] prints the counts and where every skip is listed.
#[derive(Default)]
pub struct Skips {
    printed: usize,
    more: std::collections::BTreeMap<String, u64>,
}

impl Skips {
    /// Prints (or counts) one skip.
    pub fn note(&mut self, s: &framelens::corpus::Skip) {
        if self.printed < SKIPS_PRINTED {
            self.printed += 1;
            eprintln!("framelens: skipped {}", s.message());
        } else {
            *self.more.entry(s.kind_name()).or_default() += 1;
        }
    }

    /// Prints how many more were skipped, by kind, and where they are all listed.
    pub fn finish(&self, listed: &str) {
        if self.more.is_empty() {
            return;
        }
        let n: u64 = self.more.values().sum();
        let kinds: Vec<String> = self.more.iter().map(|(k, v)| format!("{k} {v}")).collect();
        eprintln!(
            "framelens: ... and {n} more skipped ({}); {listed}",
            kinds.join(", ")
        );
    }
}
