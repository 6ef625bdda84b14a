//! The progress bar on standard error for the commands that read a corpus (`indicatif`):
//! articles read, skips so far, input MB/s, and a percentage and ETA when the inputs' size is
//! known (files and folders; not standard input). Nothing when standard error is not a terminal
//! or with `--quiet`; never on standard output. The bar is cleared when the run ends, so that
//! the summary lines stay as before.

use super::args::InputArgs;
use framelens::analysis::pipeline::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A progress display for one run (a no-op one when it is not shown).
pub struct Bar {
    bar: Option<ProgressBar>,
    bytes: Arc<AtomicU64>,
}

/// The size in bytes of an input as stored: a file's length, the sum of a folder's files;
/// `None` for standard input or what cannot be read.
fn size(p: &Path) -> Option<u64> {
    if p.as_os_str() == "-" {
        return None;
    }
    let m = std::fs::metadata(p).ok()?;
    if m.is_file() {
        return Some(m.len());
    }
    let mut total = 0u64;
    let mut stack = vec![p.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).ok()?.flatten() {
            let m = e.metadata().ok()?;
            if m.is_dir() {
                stack.push(e.path());
            } else {
                total += m.len();
            }
        }
    }
    Some(total)
}

impl Bar {
    /// The bar for a run over `input`'s inputs: shown when standard error is a terminal and
    /// `--quiet` is not given.
    pub fn new(input: &InputArgs) -> Bar {
        let bytes = Arc::new(AtomicU64::new(0));
        if input.quiet || !std::io::stderr().is_terminal() {
            return Bar { bar: None, bytes };
        }
        let total: Option<u64> = input.inputs.iter().map(|p| size(p)).sum();
        let bar = match total {
            Some(t) => ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr())
                .with_style(
                    ProgressStyle::with_template(
                        "{bar:20} {percent:>3}% {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
                    )
                    .expect("the progress template is valid"),
                ),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
                ProgressStyle::with_template(
                    "{spinner} {binary_bytes} {binary_bytes_per_sec} {elapsed} {msg}",
                )
                .expect("the progress template is valid"),
            ),
        };
        Bar {
            bar: Some(bar),
            bytes,
        }
    }

    /// The counter the inputs add the bytes they read to (`LoadOptions::bytes_read`).
    pub fn counter(&self) -> Option<Arc<AtomicU64>> {
        self.bar.as_ref().map(|_| self.bytes.clone())
    }

    /// Shows how far the reader is.
    pub fn update(&self, p: Progress) {
        if let Some(b) = &self.bar {
            b.set_position(self.bytes.load(Ordering::Relaxed));
            b.set_message(format!(
                "{} articles, {} skipped",
                p.records - p.skipped,
                p.skipped
            ));
        }
    }

    /// Runs `f` (which prints to standard error) with the bar hidden.
    pub fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        match &self.bar {
            Some(b) => b.suspend(f),
            None => f(),
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_of_files_folders_and_standard_input() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("a.txt"), "12345").unwrap();
        std::fs::create_dir(d.path().join("sub")).unwrap();
        std::fs::write(d.path().join("sub/b.txt"), "123").unwrap();
        assert_eq!(size(&d.path().join("a.txt")), Some(5));
        assert_eq!(size(d.path()), Some(8));
        assert_eq!(size(std::path::Path::new("-")), None);
        assert_eq!(size(&d.path().join("missing")), None);
    }
}
