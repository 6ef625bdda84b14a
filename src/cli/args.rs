//! The flags the subcommands share (inputs and how to read them, lexicons, output formats),
//! their ranges, and what they load: the inputs' record streams, the gazetteer, boilerplate
//! patterns, lexicons and the analyzer built from them.

use super::Failure;
use anyhow::Context;
use framelens::analysis::Analyzer;
use framelens::corpus::boilerplate::Boilerplate;
use framelens::corpus::recurring::Recurring;
use framelens::corpus::{LoadOptions, RecordStream};
use framelens::lexicon::{framing::add_or_replace, Gazetteer, Lexicon};
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
    /// Inputs: folders of .txt, .html and .json files (with manifest.toml or manifest.csv),
    /// .jsonl(.gz), .json, .csv, .html and .warc(.gz) files (told from their first bytes), or -
    /// for JSONL on standard input
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
    /// No progress bar on standard error (there is none either when standard error is not a
    /// terminal)
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Endings an outlet prints on many of its articles (footers, licence lines) are set
    /// aside as boilerplate: `auto` learns them from the inputs first (when every input is a
    /// file or folder), `off` keeps them, or a FILE written by `framelens recurring`
    #[arg(long, default_value = "auto", value_name = "auto|off|FILE")]
    pub recurring: String,
    /// Language of every article (ISO 639 code, e.g. en), instead of the language its
    /// metadata declares or detection finds; articles in a language no lexicon covers are
    /// skipped with the reason
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
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
    /// Do not load the bundled lexicons (VADER, learned and geopolitics)
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
        v.extend(self.recurring_file());
        v
    }

    /// The file of `--recurring FILE`, if one is given.
    pub fn recurring_file(&self) -> Option<&Path> {
        (!matches!(self.recurring.as_str(), "auto" | "off")).then(|| Path::new(&self.recurring))
    }

    /// The recurring lines `--recurring` asks for: learned from the inputs (`auto`, unless an
    /// input is standard input), none (`off`), or read from a file.
    pub fn recurring_lines(&self, boilerplate: &Boilerplate) -> Result<Recurring, Failure> {
        if let Some(p) = self.recurring_file() {
            return read_recurring(p);
        }
        if self.recurring == "off" || self.inputs.iter().any(|p| p.as_os_str() == "-") {
            return Ok(Recurring::default());
        }
        let streams = self.open()?;
        let learned =
            Recurring::learn_threads(streams.into_iter().flatten(), boilerplate, self.threads());
        if !learned.is_empty() {
            eprintln!(
                "framelens: {} recurring ending(s) of {} outlet(s) set aside as boilerplate (listed in the report; --recurring off keeps them)",
                learned.lines().len(),
                learned.outlets()
            );
        }
        Ok(learned)
    }

    /// Opens every input; a missing or unknown input is a usage error.
    pub fn open(&self) -> Result<Vec<Box<dyn RecordStream>>, Failure> {
        self.open_counting(None)
    }

    /// Opens every input, the bytes read added to `counter` (for a progress bar).
    pub fn open_counting(
        &self,
        counter: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
    ) -> Result<Vec<Box<dyn RecordStream>>, Failure> {
        let mut opts = self.load_options();
        opts.bytes_read = counter;
        self.inputs_in_order()
            .into_iter()
            .map(|p| framelens::corpus::open(p, &opts).map_err(Failure::usage))
            .collect()
    }

    /// The inputs in the order they are read: by path, whatever the order given, so that
    /// which of two identical texts in different files is kept (the first read) does not
    /// depend on the command line.
    pub fn inputs_in_order(&self) -> Vec<&Path> {
        let mut v: Vec<&Path> = self.inputs.iter().map(PathBuf::as_path).collect();
        v.sort_by_key(|p| p.display().to_string());
        v
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
        gazetteer_from(self.actors.as_deref())
    }

    /// The boilerplate rules.
    pub fn boilerplate_rules(&self) -> Result<Boilerplate, Failure> {
        boilerplate_from(self.boilerplate.as_deref())
    }
}

/// The recurring endings of a file written by `framelens recurring` (`--recurring FILE`).
pub fn read_recurring(p: &Path) -> Result<Recurring, Failure> {
    let text = std::fs::read_to_string(p)
        .with_context(|| format!("cannot read --recurring {}", p.display()))
        .map_err(Failure::usage)?;
    Recurring::parse(&text, &p.display().to_string())
        .map_err(|e| Failure::usage(anyhow::anyhow!(e)))
}

/// The gazetteer of `--actors FILE`, else the bundled one.
pub fn gazetteer_from(path: Option<&std::path::Path>) -> Result<Gazetteer, Failure> {
    match path {
        Some(p) => framelens::lexicon::load_gazetteer(p).map_err(Failure::usage),
        None => Ok(Gazetteer::bundled()),
    }
}

/// The boilerplate rules of `--boilerplate FILE`, else the bundled ones.
pub fn boilerplate_from(path: Option<&std::path::Path>) -> Result<Boilerplate, Failure> {
    match path {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read {}", p.display()))
                .map_err(Failure::usage)?;
            Boilerplate::parse(&text, &p.display().to_string()).map_err(Failure::usage)
        }
        None => Ok(Boilerplate::bundled()),
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
            let text = framelens::lexicon::read_text(p).map_err(Failure::usage)?;
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
    let boilerplate = input.boilerplate_rules()?;
    let recurring = input.recurring_lines(&boilerplate)?;
    let mut az =
        Analyzer::new(input.gazetteer()?, lexicons, boilerplate).map_err(Failure::usage)?;
    az.recurring = recurring;
    set_language(input, &mut az)?;
    Ok(az)
}

/// Sets `--lang` on an analyzer: refused when it is no language code or no loaded lexicon is
/// written in it.
pub fn set_language(input: &InputArgs, az: &mut Analyzer) -> Result<(), Failure> {
    if let Some(code) = &input.lang {
        let Some(lang) = framelens::corpus::lang::normalize(code) else {
            return Err(Failure::usage(anyhow::anyhow!(
                "--lang {code:?} is not an ISO 639 language code; write e.g. en, ru, fa, ar"
            )));
        };
        if !az.languages.covers(&lang) {
            return Err(Failure::usage(anyhow::anyhow!(
                "--lang {lang}: no loaded lexicon is written in it (loaded: {}); add one with --lexicon",
                az.languages.covered.iter().cloned().collect::<Vec<_>>().join(", ")
            )));
        }
        az.languages.forced = Some(lang);
    }
    Ok(())
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
    /// Pretty-printed JSON, one document.
    Json,
}

/// Output format for the listing commands that can also write CSV (`actors`, `voices`).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    /// Aligned text for the terminal.
    Table,
    /// Pretty-printed JSON, one document.
    Json,
    /// CSV with a header; every cell is made inert for spreadsheets (`escape::csv_cell`).
    Csv,
}
