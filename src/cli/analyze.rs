//! `framelens analyze INPUT... [--actors F] [--lexicon F]... [--out DIR]`
//!
//! Runs the whole analysis and writes `DIR/report.json` (default `reports/<input name>/`):
//! provenance, accounting, voices, actors, stance, label and frame shares with bootstrap
//! intervals, keyness and similarity. Prints the accounting and skips to standard error.

use super::common::{self, InputArgs, LexiconArgs};
use super::{ExitStatus, Failure, Outcome};
use framelens::analysis::pipeline::{run_listing, ListSink, RunOptions, RunResult};
use framelens::analysis::Analyzer;
use framelens::report::folder;
use framelens::report::{FindingVoices, Report, ReportOptions};

/// `--findings-voices`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum FindingsVoices {
    /// The outlets' own voices.
    Outlets,
    /// Every attributed voice.
    All,
}
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Flags of `analyze`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub run: RunArgs,
    /// Output folder (default: reports/<name of the first input>)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// The flags that decide what is counted and reported: shared by `analyze` and `map` (a
/// cluster gives every `map` task the same ones).
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
    /// Group voices: NAME=voice,voice,... (repeatable), e.g. state=tass,tasnim,presstv,irna
    #[arg(long = "group", value_name = "NAME=V,V")]
    groups: Vec<String>,
    /// Compare two voices directly in the keyness table: A,B (repeatable)
    #[arg(long = "pair", value_name = "A,B")]
    pairs: Vec<String>,
    /// Evidence sentences kept per cell (1 to 1000)
    #[arg(long, default_value_t = 5, value_name = "N",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1000))]
    evidence: usize,
    /// Bootstrap seed
    #[arg(long, default_value_t = 1, value_name = "N")]
    seed: u64,
    /// Voices with fewer word tokens are left out of keyness and similarity
    #[arg(long, default_value_t = 100, value_name = "N")]
    min_tokens: u64,
    /// Cells resting on fewer articles are greyed and never reach the summary (1 to 1000000)
    #[arg(long, default_value_t = framelens::report::findings::MIN_ARTICLES, value_name = "N",
          value_parser = clap::builder::RangedU64ValueParser::<u64>::new().range(1..=1_000_000))]
    min_articles: u64,
    /// Which voices the summary compares: the outlets' own voices, or every attributed voice
    /// (the sources they quote too)
    #[arg(long, value_enum, default_value_t = FindingsVoices::Outlets, value_name = "WHICH")]
    findings_voices: FindingsVoices,
}

/// Voice -> group, and group -> members.
pub type Groups = (FxHashMap<String, String>, BTreeMap<String, Vec<String>>);

/// Parses `NAME=a,b,c` groups into voice -> group.
pub fn parse_groups(groups: &[String]) -> Result<Groups, Failure> {
    let mut map = FxHashMap::default();
    let mut listed = BTreeMap::new();
    for g in groups {
        let Some((name, members)) = g.split_once('=') else {
            return Err(Failure::usage(anyhow::anyhow!(
                "--group {g:?}: write NAME=voice,voice,..."
            )));
        };
        let members: Vec<String> = members
            .split(',')
            .map(|m| m.trim().to_lowercase())
            .filter(|m| !m.is_empty())
            .collect();
        for m in &members {
            map.insert(m.clone(), name.trim().to_string());
        }
        listed.insert(name.trim().to_string(), members);
    }
    Ok((map, listed))
}

/// Runs `analyze`.
pub fn run(args: Args) -> Outcome {
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| common::default_out(&args.run.input.inputs));
    let mut read = args.run.input.paths();
    read.extend(args.run.lexicons.lexicons.iter().map(PathBuf::as_path));
    common::check_out(&out, &read)?;
    common::check_replaceable(&out)?;
    // The complete lists of skips and flags stream into the folder being written.
    let staging = common::Staging::new(&out)?;
    let lists_failure = |e: std::io::Error| {
        Failure::data(anyhow::anyhow!(
            "cannot write {} and {} in {}: {e}; check that the folder is writable and the disk has space (the previous report, if any, is unchanged)",
            folder::SKIPS_FILE,
            folder::FLAGS_FILE,
            out.display()
        ))
    };
    let mut lists = folder::ListFiles::create(staging.path()).map_err(lists_failure)?;
    let (az, result, options) = fold(&args.run, Some(&mut |l| lists.write(l)), None)?;
    if result.aggregate.analysed() == 0 {
        return Err(Failure::data(common::nothing_to_analyse(
            result.aggregate.read(),
        )));
    }
    lists.finish().map_err(lists_failure)?;
    let report = Report::build(&az, &result.aggregate, result.inputs, options);
    let files = folder::files(&report, &az)
        .map_err(|e| Failure::usage(anyhow::anyhow!("cannot render index.html: {e}")))?;
    staging.commit(&files)?;
    eprintln!(
        "framelens: wrote {} (report.json, index.html, report.md, charts/, tables/, lexicons/, {}, {})",
        out.display(),
        folder::SKIPS_FILE,
        folder::FLAGS_FILE
    );
    Ok(ExitStatus::Success)
}

/// Reads the inputs and folds every article: the analyzer, the folded counts with the inputs'
/// provenance, and the report options. Hands every skip and flag to `lists` as the run goes,
/// prints the first skips and the accounting summary. Whether nothing analysable is a failure
/// is the caller's to say (`analyze` fails, a `map` part may be all skips).
/// `duplicates`: the records a pass over a whole corpus found to repeat earlier ones (`map`
/// of one part, `--duplicates FILE`).
pub fn fold(
    args: &RunArgs,
    lists: Option<ListSink>,
    duplicates: Option<std::sync::Arc<framelens::corpus::KnownDuplicates>>,
) -> Result<(Analyzer, RunResult, ReportOptions), Failure> {
    let az = common::analyzer(&args.input, Some(&args.lexicons))?;
    let (groups, listed) = parse_groups(&args.groups)?;
    let mut pairs = Vec::new();
    for p in &args.pairs {
        match p.split_once(',') {
            Some((a, b)) => pairs.push((a.trim().to_lowercase(), b.trim().to_lowercase())),
            None => return Err(Failure::usage(anyhow::anyhow!("--pair {p:?}: write A,B"))),
        }
    }
    let bar = super::progress::Bar::new(&args.input);
    let streams = args.input.open_counting(bar.counter())?;
    let opts = RunOptions {
        threads: args.input.threads(),
        strict: args.input.strict,
        evidence: args.evidence,
        seed: args.seed,
        groups,
        duplicates,
    };
    let listing = lists.is_some();
    let result = run_listing(&az, streams, &opts, &|p| bar.update(p), lists);
    bar.finish();
    let result = result.map_err(Failure::data)?;
    let agg = &result.aggregate;
    common::print_skips(
        agg.skip_sample(),
        agg.skipped_by_kind(),
        if listing {
            "every skip is listed in skips.jsonl in the report folder"
        } else {
            "the first ones are listed in the report; `framelens analyze` lists every one in skips.jsonl"
        },
    );
    common::summary(agg.read(), agg.analysed(), agg.skipped());
    let mut extra = BTreeMap::new();
    extra.insert(
        "max_article_bytes".into(),
        args.input.max_article_bytes.to_string(),
    );
    extra.insert("strict".into(), args.input.strict.to_string());
    let options = ReportOptions {
        min_tokens: args.min_tokens,
        min_articles: args.min_articles,
        findings_voices: match args.findings_voices {
            FindingsVoices::Outlets => FindingVoices::Outlets,
            FindingsVoices::All => FindingVoices::All,
        },
        pairs,
        evidence: args.evidence,
        seed: args.seed,
        groups: listed,
        threads: opts.threads,
        extra,
        ..ReportOptions::default()
    };
    Ok((az, result, options))
}
