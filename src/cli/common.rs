//! Flags shared by the subcommands, loading of inputs, gazetteer and lexicons, and output.

use super::Failure;
use crate::analysis::Analyzer;
use crate::corpus::boilerplate::Boilerplate;
use crate::corpus::{LoadOptions, RecordStream};
use crate::lexicon::{framing::add_or_replace, Gazetteer, Lexicon};
use anyhow::Context;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The largest `--max-article-bytes` (1 GiB): one article is held in memory whole.
pub const MAX_ARTICLE_BYTES: u64 = 1 << 30;

/// The most threads `-j` accepts.
pub const MAX_THREADS: u64 = 256;

/// Parses a tolerance: a finite number, 0 or more.
pub fn tolerance(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(x),
        _ => Err(format!(
            "{s:?} is not a tolerance: write a number 0 or more, e.g. 0.05"
        )),
    }
}

/// Inputs and how to read them.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Inputs: folders of .txt files (with manifest.toml or manifest.csv), .jsonl, .jsonl.gz,
    /// .csv files, or - for JSONL on standard input
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Actor gazetteer (TOML) replacing the bundled data/actors.toml
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
    /// Boilerplate patterns (TOML) replacing the bundled data/boilerplate.toml
    #[arg(long, value_name = "FILE")]
    pub boilerplate: Option<PathBuf>,
    /// Fail (exit 1) at the first record that would be skipped
    #[arg(long)]
    pub strict: bool,
    /// Skip articles larger than this many bytes (1 to 1073741824)
    #[arg(long, default_value_t = 8 << 20, value_name = "BYTES",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=MAX_ARTICLE_BYTES))]
    pub max_article_bytes: usize,
    /// CSV column holding the text
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_col: String,
    /// CSV column holding the outlet
    #[arg(long, default_value = "outlet", value_name = "NAME")]
    pub outlet_col: String,
    /// CSV column holding the date
    #[arg(long, default_value = "date", value_name = "NAME")]
    pub date_col: String,
    /// CSV column holding the id
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_col: String,
    /// Read manifest entries and symbolic links of a corpus folder that resolve outside it
    /// (by default they are skipped with a reason, so a manifest cannot pull in other files)
    #[arg(long)]
    pub allow_outside_folder: bool,
    /// Analysis threads, 1 to 256 (default: all cores); results do not depend on it
    #[arg(long, short = 'j', value_name = "N",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=MAX_THREADS))]
    pub threads: Option<usize>,
}

/// Lexicons to use.
#[derive(clap::Args, Debug, Clone)]
pub struct LexiconArgs {
    /// Lexicon (TOML) to add; one whose meta.name equals a bundled one replaces it. Repeatable
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
    /// Do not load the bundled lexicons (VADER and geopolitics)
    #[arg(long)]
    pub no_default_lexicons: bool,
}

impl InputArgs {
    /// Load options from the flags.
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            max_article_bytes: self.max_article_bytes,
            text_col: self.text_col.clone(),
            outlet_col: self.outlet_col.clone(),
            date_col: self.date_col.clone(),
            id_col: self.id_col.clone(),
            allow_outside_folder: self.allow_outside_folder,
            ..LoadOptions::default()
        }
    }

    /// Every path the run reads: the inputs, the gazetteer and the boilerplate file.
    pub fn paths(&self) -> Vec<&Path> {
        let mut v: Vec<&Path> = self.inputs.iter().map(PathBuf::as_path).collect();
        v.extend(self.actors.as_deref());
        v.extend(self.boilerplate.as_deref());
        v
    }

    /// Opens every input; a missing or unknown input is a usage error.
    pub fn open(&self) -> Result<Vec<Box<dyn RecordStream>>, Failure> {
        let opts = self.load_options();
        self.inputs
            .iter()
            .map(|p| crate::corpus::open(p, &opts).map_err(Failure::usage))
            .collect()
    }

    /// Thread count.
    pub fn threads(&self) -> usize {
        self.threads
            .unwrap_or_else(|| {
                std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(1)
            })
            .max(1)
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> Result<Gazetteer, Failure> {
        match &self.actors {
            Some(p) => crate::lexicon::load_gazetteer(p).map_err(Failure::usage),
            None => Ok(Gazetteer::bundled()),
        }
    }

    /// The boilerplate rules.
    pub fn boilerplate_rules(&self) -> Result<Boilerplate, Failure> {
        match &self.boilerplate {
            Some(p) => {
                let text = std::fs::read_to_string(p)
                    .with_context(|| format!("cannot read {}", p.display()))
                    .map_err(Failure::usage)?;
                Boilerplate::parse(&text, &p.display().to_string()).map_err(Failure::usage)
            }
            None => Ok(Boilerplate::bundled()),
        }
    }
}

impl LexiconArgs {
    /// The lexicons in precedence order.
    pub fn load(&self) -> Result<Vec<Lexicon>, Failure> {
        let mut list = if self.no_default_lexicons {
            Vec::new()
        } else {
            Lexicon::bundled()
        };
        for p in &self.lexicons {
            let text = crate::lexicon::read_text(p).map_err(Failure::usage)?;
            let lex =
                Lexicon::load_checked(&text, &p.display().to_string()).map_err(Failure::usage)?;
            add_or_replace(&mut list, lex);
        }
        Ok(list)
    }
}

/// Builds an analyzer from the flags.
pub fn analyzer(input: &InputArgs, lex: Option<&LexiconArgs>) -> Result<Analyzer, Failure> {
    let lexicons = match lex {
        Some(l) => l.load()?,
        None => Lexicon::bundled(),
    };
    Analyzer::new(input.gazetteer()?, lexicons, input.boilerplate_rules()?).map_err(Failure::usage)
}

/// The default output folder: `reports/<name of the first input up to its first dot>`, or
/// `reports/stdin`.
pub fn default_out(inputs: &[PathBuf]) -> PathBuf {
    let name = inputs
        .first()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .map(|n| n.split('.').next().unwrap_or("").to_string())
        .filter(|n| !n.is_empty() && n != "-")
        .unwrap_or_else(|| "stdin".into());
    PathBuf::from("reports").join(name)
}

/// Output format for listing commands.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned text for the terminal.
    Table,
    /// JSON.
    Json,
}

/// Output format for the listing commands that can also write CSV (`actors`, `voices`).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    /// Aligned text for the terminal.
    Table,
    /// JSON.
    Json,
    /// CSV with a header; every cell is made inert for spreadsheets (`escape::csv_cell`).
    Csv,
}

/// One CSV record, newline included: every cell goes through `escape::csv_cell`, so that a
/// spreadsheet does not run an untrusted cell as a formula, and the csv writer quotes it.
pub fn csv_record<S: AsRef<str>>(cells: &[S]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(
        cells
            .iter()
            .map(|c| crate::report::escape::csv_cell(c.as_ref())),
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
pub fn summary(read: u64, analysed: u64, skipped: usize) {
    eprintln!("framelens: read {read} = analysed {analysed} + skipped {skipped}");
}

/// Reads every input in order and calls `f` with each analysed article; skips are printed
/// to standard error and, under `--strict`, stop the run with exit 1. Prints the summary.
pub fn visit(
    az: &Analyzer,
    input: &InputArgs,
    mut f: impl FnMut(&crate::analysis::Analysed),
) -> Result<(), Failure> {
    let streams = input.open()?;
    let mut cache = crate::actors::FuzzyCache::default();
    let (mut read, mut analysed, mut skipped) = (0u64, 0u64, 0usize);
    let mut stop: Option<crate::corpus::Skip> = None;
    let mut on_skip = |s: crate::corpus::Skip, skipped: &mut usize| {
        eprintln!("framelens: skipped {}", s.message());
        *skipped += 1;
        if input.strict {
            stop = Some(s);
            return false;
        }
        true
    };
    crate::analysis::pipeline::read_all(streams, |r| {
        read += 1;
        match r {
            Ok(art) => match az.analyse(&art, &mut cache) {
                Ok(an) => {
                    analysed += 1;
                    f(&an);
                    true
                }
                Err(s) => on_skip(s, &mut skipped),
            },
            Err(s) => on_skip(s, &mut skipped),
        }
    });
    summary(read, analysed, skipped);
    if let Some(s) = stop {
        return Err(Failure::data(crate::analysis::pipeline::StrictStop(s)));
    }
    if analysed == 0 {
        return Err(Failure::data(nothing_to_analyse(read)));
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
    crate::report::folder::ENTRIES.contains(&name) || REGRESS_ENTRIES.contains(&name)
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
    let res = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(&tmp)?;
        for (rel, bytes) in files {
            let p = tmp.join(rel);
            if let Some(d) = p.parent() {
                std::fs::create_dir_all(d)?;
            }
            let mut f = std::fs::File::create(&p)?;
            f.write_all(bytes)?;
            f.sync_all()?;
        }
        if dir.exists() {
            std::fs::rename(dir, &old)?;
        }
        if let Err(e) = std::fs::rename(&tmp, dir) {
            let _ = std::fs::rename(&old, dir);
            return Err(e);
        }
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    })();
    if let Err(e) = res {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(Failure::data(anyhow::anyhow!(
            "cannot write the report to {}: {e}; check that the folder is writable and the disk has space (the previous report, if any, is unchanged)",
            dir.display()
        )));
    }
    Ok(())
}
