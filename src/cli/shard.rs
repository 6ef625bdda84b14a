//! `framelens map`, `merge` and `report`: the analysis split for a cluster (Apache Spark runs
//! `map` on each file or partition; `merge` folds the shards, in any order and grouping;
//! `report` writes the report folder). See `framelens::analysis::shard` and ARCHITECTURE.md.

use super::analyze::{fold, RunArgs};
use super::common::{self, LexiconArgs};
use super::{ExitStatus, Failure, Outcome};
use framelens::analysis::shard::Shard;
use framelens::analysis::Analyzer;
use framelens::report::{folder, Report};
use std::path::{Path, PathBuf};

/// Flags of `map`.
#[derive(clap::Args, Debug)]
pub struct MapArgs {
    #[command(flatten)]
    run: RunArgs,
    /// The shard file to write (JSON); - writes it to standard output at the end of the input
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// The duplicate records of the whole corpus, written by `framelens recurring INPUT...
    /// --duplicates FILE` over every part in the order `analyze` would read them: this part
    /// then skips the records that repeat one in an earlier part, as `analyze` of the whole
    /// corpus does (without it, only repeats within the part are found)
    #[arg(long, value_name = "FILE")]
    duplicates: Option<PathBuf>,
}

/// Flags of `merge`.
#[derive(clap::Args, Debug)]
pub struct MergeArgs {
    /// Shards written by `map` or `merge` (- reads one from standard input)
    #[arg(required = true, value_name = "SHARD")]
    shards: Vec<PathBuf>,
    /// The merged shard file to write (- for standard output)
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

/// Flags of `report`.
#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// A shard (usually merged; - reads it from standard input)
    #[arg(value_name = "SHARD")]
    shard: PathBuf,
    #[command(flatten)]
    lexicons: LexiconArgs,
    /// The gazetteer the shards were mapped with (default: the bundled one)
    #[arg(long, value_name = "FILE")]
    actors: Option<PathBuf>,
    /// The boilerplate rules the shards were mapped with (default: the bundled ones)
    #[arg(long, value_name = "FILE")]
    boilerplate: Option<PathBuf>,
    /// Output folder
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

fn is_stdio(p: &Path) -> bool {
    p.as_os_str() == "-"
}

fn read_shard(path: &Path) -> Result<Shard, Failure> {
    let (text, name) = if is_stdio(path) {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text).map_err(|e| {
            Failure::usage(anyhow::anyhow!(
                "cannot read a shard from standard input: {e}"
            ))
        })?;
        (text, "standard input".to_string())
    } else {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::usage(anyhow::anyhow!("cannot read {}: {e}", path.display())))?;
        (text, path.display().to_string())
    };
    Shard::from_json(&text, &name).map_err(|e| Failure::usage(anyhow::anyhow!(e)))
}

/// Writes a shard to `out`, or to standard output for `-`: there a failed write (a broken pipe
/// too) is an error, since the shard would be lost.
fn write_shard(out: &Path, json: &str) -> Result<(), Failure> {
    if !is_stdio(out) {
        return common::write_atomic(out, json.as_bytes());
    }
    let mut o = std::io::stdout().lock();
    std::io::Write::write_all(&mut o, json.as_bytes())
        .and_then(|_| std::io::Write::flush(&mut o))
        // The cause as text: a broken pipe here is a lost shard, not the quiet exit 0 of a
        // listing cut short (`main` looks for an io::Error of that kind in the chain).
        .map_err(|e| {
            Failure::data(anyhow::anyhow!(
                "cannot write the shard to standard output ({e}); it is lost: run the task again"
            ))
        })
}

/// Where a shard went, for the summary line.
fn shown(out: &Path) -> String {
    if is_stdio(out) {
        "standard output".to_string()
    } else {
        out.display().to_string()
    }
}

/// Refuses a shard output that is a folder or one of the files read.
fn check_shard_out(out: &Path, read: &[&Path]) -> Result<(), Failure> {
    common::check_output(
        "--out",
        out,
        read,
        "a shard is written over --out: choose a file that is not one of the inputs",
    )?;
    if is_stdio(out) {
        return Ok(());
    }
    if out.is_dir() {
        return Err(Failure::usage(anyhow::anyhow!(
            "--out {} is a folder; a shard is one file: give a file name such as part-0001.shard.json",
            out.display()
        )));
    }
    Ok(())
}

/// Runs `map`: analyses the inputs like `analyze` and writes their shard.
pub fn map(args: MapArgs) -> Outcome {
    let mut read = args.run.input.paths();
    read.extend(args.run.lexicons.lexicons.iter().map(PathBuf::as_path));
    read.extend(args.duplicates.as_deref());
    check_shard_out(&args.out, &read)?;
    let known = match &args.duplicates {
        Some(p) => Some(read_duplicates(p, &args.run.input.paths())?),
        None => None,
    };
    let hash = known
        .as_ref()
        .map(|k| framelens::hash::sha256_hex(k.to_jsonl()));
    let (az, result, options) = fold(&args.run, None, known)?;
    // A part may hold nothing to analyse (only duplicates of earlier parts, say): its shard
    // still carries its skips, and `report` refuses a corpus with no article at all.
    if result.aggregate.analysed() == 0 {
        eprintln!(
            "framelens: no article of this part was analysed; the shard carries its {} skip(s)",
            result.aggregate.skipped()
        );
    }
    let mut shard = Shard::new(&az, result.aggregate, result.inputs, options);
    shard.duplicates = hash;
    write_shard(&args.out, &shard.to_json())?;
    eprintln!("framelens: wrote shard {}", shown(&args.out));
    Ok(ExitStatus::Success)
}

/// Reads `--duplicates FILE`; refused with standard input, whose records have no path.
fn read_duplicates(
    path: &Path,
    inputs: &[&Path],
) -> Result<std::sync::Arc<framelens::corpus::KnownDuplicates>, Failure> {
    if inputs.iter().any(|p| is_stdio(p)) {
        return Err(Failure::usage(anyhow::anyhow!(
            "--duplicates {}: the list names each record by its input file and line, and records on standard input have neither; give the part's files by path",
            path.display()
        )));
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::usage(anyhow::anyhow!(
            "--duplicates {}: cannot read it ({e})",
            path.display()
        ))
    })?;
    framelens::corpus::KnownDuplicates::parse(&text, &path.display().to_string())
        .map(std::sync::Arc::new)
        .map_err(|e| Failure::usage(anyhow::anyhow!(e)))
}

/// Runs `merge`: folds shards into one; refuses shards mapped with different lexicons,
/// gazetteer, rules, options or framelens versions, naming the first difference.
pub fn merge(args: MergeArgs) -> Outcome {
    let read: Vec<&Path> = args.shards.iter().map(PathBuf::as_path).collect();
    check_shard_out(&args.out, &read)?;
    if read.iter().filter(|p| is_stdio(p)).count() > 1 {
        return Err(Failure::usage(anyhow::anyhow!(
            "- (standard input) is given more than once; standard input holds one shard"
        )));
    }
    let mut merged: Option<Shard> = None;
    for p in &args.shards {
        let s = read_shard(p)?;
        match merged.as_mut() {
            None => merged = Some(s),
            Some(m) => {
                if let Some(why) = m.incompatible(&s) {
                    return Err(Failure::usage(anyhow::anyhow!(
                        "{} cannot be merged with {}: {why}; map every part with the same lexicons, gazetteer, options and framelens version",
                        shown(p),
                        shown(&args.shards[0])
                    )));
                }
                m.merge(s);
            }
        }
    }
    let merged = merged.expect("clap requires one shard");
    write_shard(&args.out, &merged.to_json())?;
    eprintln!(
        "framelens: merged {} shard(s) into {} (read {} = analysed {} + skipped {})",
        args.shards.len(),
        shown(&args.out),
        merged.aggregate.read(),
        merged.aggregate.analysed(),
        merged.aggregate.skipped()
    );
    Ok(ExitStatus::Success)
}

/// Runs `report`: builds the report folder of a shard with the lexicons it was mapped with.
pub fn report(args: ReportArgs) -> Outcome {
    let mut read: Vec<&Path> = vec![args.shard.as_path()];
    read.extend(args.lexicons.lexicons.iter().map(PathBuf::as_path));
    read.extend(args.actors.as_deref());
    read.extend(args.boilerplate.as_deref());
    common::check_out(&args.out, &read)?;
    common::check_replaceable(&args.out)?;
    let shard = read_shard(&args.shard)?;
    if shard.aggregate.analysed() == 0 {
        return Err(Failure::data(common::nothing_to_analyse(
            shard.aggregate.read(),
        )));
    }
    let gazetteer = super::args::gazetteer_from(args.actors.as_deref())?;
    let boilerplate = super::args::boilerplate_from(args.boilerplate.as_deref())?;
    let mut az =
        Analyzer::new(gazetteer, args.lexicons.load()?, boilerplate).map_err(Failure::usage)?;
    // The recurring lines are the shard's (learned from the inputs the report never reads).
    az.recurring = framelens::corpus::recurring::Recurring::from_lines(shard.recurring.clone());
    // The report must count with the vocabulary the shard was mapped with.
    let mut given = Shard::new(&az, Default::default(), Vec::new(), shard.options.clone());
    // Which records were duplicates was settled when mapping.
    given.duplicates = shard.duplicates.clone();
    if let Some(why) = shard.incompatible(&given) {
        return Err(Failure::usage(anyhow::anyhow!(
            "{} was mapped with other lexicons or rules than given here: {why}; give `report` the same --lexicon, --no-default-lexicons, --actors and --boilerplate flags as `map`",
            shown(&args.shard)
        )));
    }
    let report = Report::build(&az, &shard.aggregate, shard.inputs, shard.options);
    let files = folder::files(&report, &az)
        .map_err(|e| Failure::usage(anyhow::anyhow!("cannot render index.html: {e}")))?;
    common::write_dir(&args.out, &files)?;
    eprintln!(
        "framelens: wrote {} (report.json, index.html, report.md, charts/, tables/, lexicons/)",
        args.out.display()
    );
    Ok(ExitStatus::Success)
}
