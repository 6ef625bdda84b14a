//! Writing files without losing the user's: atomic file writes, report folders replaced as a
//! whole by renames (with the debris of killed runs cleared), and the checks that refuse an
//! output path that is, holds or lies inside an input, or that is not a previous report.

use super::Failure;
use anyhow::Context;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes a file atomically: a temporary file in the same folder, then a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create {}", dir.display()))
        .map_err(Failure::data)?;
    let tmp = dir.join(format!(
        ".{}.tmp{}",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id()
    ));
    let res = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = res {
        let _ = std::fs::remove_file(&tmp);
        return Err(Failure::data(anyhow::anyhow!(
            "cannot write {}: {e}; check that the folder is writable and the disk has space",
            path.display()
        )));
    }
    Ok(())
}

/// Removes what a killed earlier run left beside `dir`: its half-written `.NAME.tmp-PID`
/// folder, and its `.NAME.old-PID` folder, which is moved back to `dir` when the run died
/// between its two renames. Only folders of processes that no longer run are touched (checked
/// in `/proc`; where there is no `/proc`, nothing is touched).
fn clear_debris(parent: &Path, name: &str, dir: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for entry in names {
        let Some(rest) = entry.strip_prefix(&format!(".{name}.")) else {
            continue;
        };
        let Some((kind, pid)) = rest.split_once('-') else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        let path = parent.join(&entry);
        match kind {
            "tmp" => {
                let _ = std::fs::remove_dir_all(&path);
            }
            "old" if !dir.exists() => {
                let _ = std::fs::rename(&path, dir);
            }
            "old" => {
                let _ = std::fs::remove_dir_all(&path);
            }
            _ => {}
        }
    }
}

/// The entries of a folder written by `regress`.
pub const REGRESS_ENTRIES: [&str; 3] = ["regress.json", "regress.md", "what-moved.svg"];

/// True for an entry a folder written by `analyze` or `regress` holds: a folder holding
/// anything else is not a previous report, and is never replaced.
pub fn is_report_entry(name: &str) -> bool {
    framelens::report::folder::ENTRIES.contains(&name) || REGRESS_ENTRIES.contains(&name)
}

/// A path made absolute with symbolic links resolved, also when it does not exist yet: the
/// deepest existing ancestor is resolved and the rest appended.
fn resolved(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut rest = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(real) = std::fs::canonicalize(cur) {
            let mut out = real;
            for c in rest.iter().rev() {
                out.push(c);
            }
            return out;
        }
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                cur = parent;
            }
            _ => return abs,
        }
    }
}

/// Refuses an output folder that is, holds or lies inside one of the run's input paths (corpus
/// files and folders, lexicons, gazetteer, baseline): replacing it would delete the user's
/// files. Called before anything is read or written. `-` (standard input) is not a path.
pub fn check_out(out: &Path, inputs: &[&Path]) -> Result<(), Failure> {
    check_output(
        "--out",
        out,
        inputs,
        "the report folder is replaced as a whole, so it must be a folder of its own: choose another --out (for example reports/NAME)",
    )
}

/// Refuses an output path (flag `flag`) that is, holds or lies inside one of `inputs`; `what`
/// says why and what to do.
pub fn check_output(flag: &str, out: &Path, inputs: &[&Path], what: &str) -> Result<(), Failure> {
    let out_real = resolved(out);
    for input in inputs {
        if input.as_os_str() == "-" {
            continue;
        }
        let in_real = resolved(input);
        let why = if in_real == out_real {
            "is the same path as the input"
        } else if in_real.starts_with(&out_real) {
            "holds the input"
        } else if out_real.starts_with(&in_real) {
            "lies inside the input folder"
        } else {
            continue;
        };
        return Err(Failure::usage(anyhow::anyhow!(
            "{flag} {} {why} {}; {what}",
            out.display(),
            input.display()
        )));
    }
    Ok(())
}

/// Refuses to replace `dir` unless it is absent, empty, or a previous report folder (every
/// entry one that [`is_report_entry`]): a regular file, the working folder or a folder of the
/// user's is never moved aside or deleted.
pub fn check_replaceable(dir: &Path) -> Result<(), Failure> {
    let refuse = |why: String| {
        Failure::usage(anyhow::anyhow!(
            "--out {} {why}; framelens replaces only a previous report folder: choose a new folder (for example reports/NAME)",
            dir.display()
        ))
    };
    // A path that cannot be inspected holds nothing to lose; writing it fails later with the
    // cause (exit 1).
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return Ok(());
    };
    if meta.file_type().is_symlink() {
        return Err(refuse("is a symbolic link".into()));
    }
    if !meta.is_dir() {
        return Err(refuse("is an existing file, not a report folder".into()));
    }
    if dir.file_name().is_none() || resolved(dir) == resolved(Path::new(".")) {
        return Err(refuse("is the working folder".into()));
    }
    let rd = std::fs::read_dir(dir).map_err(|e| refuse(format!("cannot be read ({e})")))?;
    let mut names: Vec<String> = rd
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    if let Some(name) = names.iter().find(|n| !is_report_entry(n)) {
        return Err(refuse(format!(
            "is a folder holding {name:?}, which no framelens report holds, so it is not a previous report"
        )));
    }
    Ok(())
}

/// Writes a report folder as a whole: every file goes into a fresh sibling folder, which then
/// replaces `dir` by renames, so a run killed midway leaves the previous report intact and a
/// failed write leaves no half-written report. `dir` must pass `check_replaceable`.
pub fn write_dir(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<(), Failure> {
    Staging::new(dir)?.commit(files)
}

/// A report folder being written: a fresh sibling folder (`.NAME.tmp-PID`) that files can be
/// streamed into while a run goes on, and that [`Staging::commit`] renames into place. Dropped
/// without a commit (a failed run), it is removed; left behind by a killed process, the next
/// write clears it.
pub struct Staging {
    dir: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates the staging folder for `dir`, which must pass `check_replaceable`.
    pub fn new(dir: &Path) -> Result<Staging, Failure> {
        check_replaceable(dir)?;
        let parent = dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".into());
        std::fs::create_dir_all(parent)
            .with_context(|| {
                format!(
                    "cannot create {}; check the path and permissions",
                    parent.display()
                )
            })
            .map_err(Failure::data)?;
        clear_debris(parent, &name, dir);
        let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        let staging = Staging {
            dir: dir.to_path_buf(),
            tmp,
            old,
            committed: false,
        };
        std::fs::create_dir_all(&staging.tmp).map_err(|e| staging.failure(e))?;
        Ok(staging)
    }

    /// The staging folder, for files streamed while the run goes on.
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    fn failure(&self, e: std::io::Error) -> Failure {
        Failure::data(anyhow::anyhow!(
            "cannot write the report to {}: {e}; check that the folder is writable and the disk has space (the previous report, if any, is unchanged)",
            self.dir.display()
        ))
    }

    /// Writes `files` into the staging folder and puts it in the place of `dir`.
    pub fn commit(mut self, files: &[(PathBuf, Vec<u8>)]) -> Result<(), Failure> {
        let res = (|| -> std::io::Result<()> {
            for (rel, bytes) in files {
                let p = self.tmp.join(rel);
                if let Some(d) = p.parent() {
                    std::fs::create_dir_all(d)?;
                }
                let mut f = std::fs::File::create(&p)?;
                f.write_all(bytes)?;
                f.sync_all()?;
            }
            if self.dir.exists() {
                std::fs::rename(&self.dir, &self.old)?;
            }
            if let Err(e) = std::fs::rename(&self.tmp, &self.dir) {
                let _ = std::fs::rename(&self.old, &self.dir);
                return Err(e);
            }
            let _ = std::fs::remove_dir_all(&self.old);
            Ok(())
        })();
        match res {
            Ok(()) => {
                self.committed = true;
                Ok(())
            }
            Err(e) => Err(self.failure(e)),
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}
