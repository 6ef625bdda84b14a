//! `framelens regress --baseline DIR/report.json INPUT... [--lexicon F]... [--tolerance T]
//! [--out DIR] [--update-baseline]`
//!
//! Re-runs the baseline's analysis on the same inputs with the new lexicons and says what
//! moved, by how much and why. The baseline's lexicons are found by their SHA-256: the copies
//! `analyze` writes into `DIR/lexicons/`, the bundled ones, the file at the recorded path, or
//! `--baseline-lexicon FILE`. Exit 0 when every move is within tolerance, 1 when one exceeds
//! it, 2 on usage errors (including inputs whose hashes differ from the baseline's).

use super::common::{self, InputArgs, LexiconArgs};
use super::{ExitStatus, Failure, Outcome};
use anyhow::anyhow;
use framelens::analysis::pipeline::{run_workers, RunOptions};
use framelens::analysis::Analyzer;
use framelens::hash::sha256_hex;
use framelens::lexicon::framing::{GEOPOLITICS, LEARNED, VADER};
use framelens::lexicon::Lexicon;
use framelens::regress::{
    Explain, MetricKind, RegressWorker, Regression, Sides, Tolerances, Verdict,
};
use framelens::report::folder;
use framelens::report::Report;
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

/// Flags of `regress`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The baseline: a report.json written by `analyze` (or its folder)
    #[arg(long, value_name = "DIR/report.json")]
    baseline: PathBuf,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    lexicons: LexiconArgs,
    /// The baseline's version of a lexicon, when no copy with its hash is found (repeatable)
    #[arg(long = "baseline-lexicon", value_name = "FILE")]
    baseline_lexicons: Vec<PathBuf>,
    /// Tolerance for every metric kind, a number 0 or more (overrides the file)
    #[arg(long, value_name = "T", value_parser = common::tolerance)]
    tolerance: Option<f64>,
    /// Tolerance for one kind: stance, label, frame, keyness, similarity, accounting or min_n
    /// (repeatable; overrides --tolerance)
    #[arg(long = "tolerance-for", value_name = "KIND=T")]
    tolerance_for: Vec<String>,
    /// Tolerances from a TOML file (keys: stance, label, frame, keyness, similarity,
    /// accounting, min_n)
    #[arg(long, value_name = "FILE")]
    tolerances: Option<PathBuf>,
    /// Sentences kept per moved cell (1 to 1000)
    #[arg(long, default_value_t = 5, value_name = "K",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1000))]
    top: usize,
    /// Output folder for regress.json, regress.md and what-moved.svg (default:
    /// reports/<name of the first input>-regress)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Moved metrics shown on the terminal (0 to 100000)
    #[arg(long, default_value_t = 25, value_name = "N",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(0..=100_000))]
    show: usize,
    /// Accept the change: rewrite the baseline's folder with the new report and lexicons (its
    /// skips.jsonl and flags.jsonl are kept)
    #[arg(long)]
    update_baseline: bool,
}

fn tolerances(args: &Args) -> Result<Tolerances, Failure> {
    let mut t = match &args.tolerances {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| Failure::usage(anyhow!("cannot read {}: {e}", p.display())))?;
            toml::from_str::<Tolerances>(&text).map_err(|e| {
                let (line, col) = e
                    .span()
                    .map(|s| framelens::lexicon::line_col(&text, s.start))
                    .unwrap_or((1, 1));
                Failure::usage(anyhow!(
                    "{}:{line}:{col}: {}; write keys {} and min_n with numbers",
                    p.display(),
                    e.message(),
                    MetricKind::names()
                ))
            })?
        }
        None => Tolerances::default(),
    };
    if let Some(x) = args.tolerance {
        for k in MetricKind::ALL {
            t.set(k, x);
        }
    }
    for kv in &args.tolerance_for {
        let bad = || {
            Failure::usage(anyhow!(
                "--tolerance-for {kv:?}: write KIND=T with KIND one of {} or min_n",
                MetricKind::names()
            ))
        };
        let (k, v) = kv.split_once('=').ok_or_else(bad)?;
        let k = k.trim();
        if k == "min_n" {
            t.min_n = v.trim().parse().map_err(|_| bad())?;
            continue;
        }
        let x: f64 = v.trim().parse().map_err(|_| bad())?;
        match MetricKind::from_name(k) {
            Some(kind) if x.is_finite() && x >= 0.0 => t.set(kind, x),
            _ => return Err(bad()),
        }
    }
    Ok(t)
}

/// The baseline's lexicons, found by hash.
fn baseline_lexicons(
    base: &Report,
    dir: &Path,
    given: &[PathBuf],
) -> Result<Vec<Lexicon>, Failure> {
    // Every candidate text with its SHA-256, hashed once.
    let mut texts: Vec<String> = Vec::new();
    for p in given {
        texts.push(framelens::lexicon::read_text(p).map_err(Failure::usage)?);
    }
    if let Ok(rd) = std::fs::read_dir(dir.join("lexicons")) {
        let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        texts.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    texts.extend([
        VADER.to_string(),
        LEARNED.to_string(),
        GEOPOLITICS.to_string(),
    ]);
    for info in &base.provenance.lexicons {
        if !info.path.starts_with("bundled:") {
            texts.extend(std::fs::read_to_string(&info.path).ok());
        }
    }
    let candidates: Vec<(String, String)> =
        texts.into_iter().map(|t| (sha256_hex(&t), t)).collect();
    let mut out = Vec::new();
    for info in &base.provenance.lexicons {
        let found = candidates
            .iter()
            .find(|(h, _)| *h == info.sha256)
            .map(|(_, t)| t.as_str());
        let Some(text) = found else {
            return Err(Failure::usage(anyhow!(
                "the baseline was made with lexicon {} {} ({}, sha256 {}); no file with that hash is in {}, among the bundled lexicons or at its recorded path; pass the old version with --baseline-lexicon FILE (e.g. `git show HEAD:lexicons/geopolitics.toml > old.toml`)",
                info.name,
                info.version,
                info.path,
                &info.sha256[..12.min(info.sha256.len())],
                dir.join("lexicons").display()
            )));
        };
        let lex = Lexicon::parse(text, &info.path).map_err(Failure::usage)?;
        out.push(lex);
    }
    Ok(out)
}

fn read_baseline(path: &Path) -> Result<(Report, PathBuf, PathBuf), Failure> {
    let file = if path.is_dir() {
        path.join("report.json")
    } else {
        path.to_path_buf()
    };
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let text = std::fs::read_to_string(&file).map_err(|e| {
        Failure::usage(anyhow!(
            "cannot read the baseline {}: {e}; make one with `framelens analyze INPUT... --out DIR`",
            file.display()
        ))
    })?;
    let report = Report::from_json(&text).map_err(|e| {
        Failure::usage(anyhow!(
            "{}:{}:{}: not a framelens report ({e}); make the baseline with `framelens analyze`",
            file.display(),
            e.line(),
            e.column()
        ))
    })?;
    Ok((report, file, dir))
}

/// Refuses inputs whose hashes differ from the baseline's.
fn same_inputs(base: &Report, now: &[framelens::corpus::InputInfo]) -> Result<(), Failure> {
    let mut a: Vec<&str> = base
        .provenance
        .inputs
        .iter()
        .map(|i| i.sha256.as_str())
        .collect();
    let mut b: Vec<&str> = now.iter().map(|i| i.sha256.as_str()).collect();
    a.sort_unstable();
    b.sort_unstable();
    if a == b {
        return Ok(());
    }
    let list = |v: &[framelens::corpus::InputInfo]| {
        v.iter()
            .map(|i| {
                format!(
                    "{} (sha256 {})",
                    i.path,
                    &i.sha256[..12.min(i.sha256.len())]
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    Err(Failure::usage(anyhow!(
        "the inputs differ from the baseline's: baseline {}; now {}; run regress on the baseline's inputs, or make a new baseline with `framelens analyze`",
        list(&base.provenance.inputs),
        list(now)
    )))
}

/// The baseline folder is rewritten as a whole: refuse when it holds files `analyze` did not
/// write (or is the working folder itself).
fn owned_folder(dir: &Path) -> Result<(), Failure> {
    let refuse = |why: String| {
        Failure::usage(anyhow!(
            "--update-baseline rewrites {} as a whole, but {why}; keep the baseline in a folder of its own, written by `framelens analyze --out DIR`",
            dir.display()
        ))
    };
    if dir.file_name().is_none() || dir == Path::new(".") {
        return Err(refuse("it is the working folder".into()));
    }
    let rd = std::fs::read_dir(dir).map_err(|e| refuse(format!("it cannot be read ({e})")))?;
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !folder::ENTRIES.contains(&name.as_str()) {
            return Err(refuse(format!(
                "it holds {name:?}, which analyze did not write"
            )));
        }
    }
    Ok(())
}

/// The complete skip and flag lists (`skips.jsonl`, `flags.jsonl`) of the baseline folder, to
/// keep in it when `--update-baseline` rewrites it: regress has checked that the inputs are the
/// baseline's, and which articles are skipped or flagged does not depend on the lexicons' terms.
/// Should the new run count skips or flags otherwise (a lexicon in a new language analyses
/// articles the baseline skipped), the lists are not the new run's and the update is refused
/// before anything is written.
fn carried_lists(
    base: &Report,
    report: &Report,
    base_dir: &Path,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Failure> {
    let (a, b) = (&base.accounting, &report.accounting);
    if a.skipped_by_kind() != b.skipped_by_kind()
        || a.skips() != b.skips()
        || base.flagged != report.flagged
        || base.flags != report.flags
    {
        return Err(Failure::usage(anyhow!(
            "--update-baseline keeps the baseline's {} and {}, but the new lexicons change which articles are skipped or flagged ({} skipped and {} flagged before, {} and {} now); make a new baseline with `framelens analyze --out {}` instead",
            folder::SKIPS_FILE,
            folder::FLAGS_FILE,
            a.skipped(),
            base.flagged.values().sum::<u64>(),
            b.skipped(),
            report.flagged.values().sum::<u64>(),
            base_dir.display()
        )));
    }
    let mut out = Vec::new();
    for name in [folder::SKIPS_FILE, folder::FLAGS_FILE] {
        let path = base_dir.join(name);
        match std::fs::read(&path) {
            Ok(bytes) => out.push((PathBuf::from(name), bytes)),
            // A baseline written before the lists existed has none to keep.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Failure::usage(anyhow!(
                    "cannot read {}: {e}",
                    path.display()
                )))
            }
        }
    }
    Ok(out)
}

/// The output folder: `--out`, else `reports/<name of the first input>-regress`.
fn out_dir(args: &Args) -> PathBuf {
    args.out.clone().unwrap_or_else(|| {
        let mut p = common::default_out(&args.input.inputs);
        let name = p
            .file_name()
            .map(|n| format!("{}-regress", n.to_string_lossy()))
            .unwrap_or_else(|| "regress".into());
        p.set_file_name(name);
        p
    })
}

/// Runs `regress`.
pub fn run(mut args: Args) -> Outcome {
    let out = out_dir(&args);
    let mut read = args.input.paths();
    read.extend(args.lexicons.lexicons.iter().map(PathBuf::as_path));
    read.extend(args.baseline_lexicons.iter().map(PathBuf::as_path));
    read.extend(args.tolerances.as_deref());
    read.push(&args.baseline);
    common::check_out(&out, &read)?;
    common::check_replaceable(&out)?;
    let tol = tolerances(&args)?;
    let (base, base_file, base_dir) = read_baseline(&args.baseline)?;
    let old_lex = baseline_lexicons(&base, &base_dir, &args.baseline_lexicons)?;
    let new_lex = args.lexicons.load()?;
    let opts = base.provenance.options.clone();
    if let Some(m) = opts
        .extra
        .get("max_article_bytes")
        .and_then(|s| s.parse().ok())
    {
        args.input.max_article_bytes = m;
    }
    let mut old = Analyzer::new(
        args.input.gazetteer()?,
        old_lex,
        args.input.boilerplate_rules()?,
    )
    .map_err(Failure::usage)?;
    let mut new = Analyzer::new(
        args.input.gazetteer()?,
        new_lex,
        args.input.boilerplate_rules()?,
    )
    .map_err(Failure::usage)?;
    // The baseline's recurring endings (its own first pass), unless --recurring says otherwise:
    // re-run on the same inputs, the old lexicons must reproduce the baseline.
    let recurring = if args.input.recurring == "auto" {
        framelens::corpus::recurring::Recurring::from_lines(base.provenance.recurring.clone())
    } else {
        args.input.recurring_lines(&old.boilerplate)?
    };
    old.recurring = recurring.clone();
    new.recurring = recurring;
    crate::cli::args::set_language(&args.input, &mut old)?;
    crate::cli::args::set_language(&args.input, &mut new)?;
    let mut warnings = Vec::new();
    if new.gazetteer.info.sha256 != base.provenance.gazetteer.sha256 {
        warnings.push(format!(
            "the gazetteer differs from the baseline's ({} {} now, {} {} then)",
            new.gazetteer.info.name,
            new.gazetteer.info.version,
            base.provenance.gazetteer.name,
            base.provenance.gazetteer.version
        ));
    }
    if base.provenance.framelens_version != env!("CARGO_PKG_VERSION") {
        warnings.push(format!(
            "the baseline was made by framelens {}; this is {}",
            base.provenance.framelens_version,
            env!("CARGO_PKG_VERSION")
        ));
    }
    let diffs = framelens::lexicon::diff::diff_lists(&old.lexicons, &new.lexicons);
    let mut groups: FxHashMap<String, String> = FxHashMap::default();
    for (g, members) in &opts.groups {
        for m in members {
            groups.insert(m.clone(), g.clone());
        }
    }
    let run_opts = RunOptions {
        threads: args.input.threads(),
        strict: args.input.strict,
        evidence: opts.evidence,
        seed: opts.seed,
        groups: groups.clone(),
        duplicates: None,
    };
    let sides = Sides::new(&old, &new, &diffs, &groups);
    let bar = super::progress::Bar::new(&args.input);
    let streams = args.input.open_counting(bar.counter())?;
    let run = run_workers(streams, &run_opts, &|p| bar.update(p), &|| {
        RegressWorker::new(&sides, opts.evidence, opts.seed, args.top)
    });
    bar.finish();
    let (workers, inputs) = run.map_err(Failure::data)?;
    same_inputs(&base, &inputs)?;
    let mut agg_old = framelens::analysis::aggregate::Aggregate::new(opts.evidence, opts.seed);
    let mut agg_new = framelens::analysis::aggregate::Aggregate::new(opts.evidence, opts.seed);
    let mut explain = Explain {
        cap: args.top,
        ..Default::default()
    };
    for w in workers {
        agg_old.merge(w.old);
        agg_new.merge(w.new);
        explain.merge(w.explain);
    }
    agg_new.share_unlexical(&agg_old);
    common::summary(agg_new.read(), agg_new.analysed(), agg_new.skipped());
    let mut ropts = opts.clone();
    ropts.threads = run_opts.threads;
    let rerun = Report::build(&old, &agg_old, inputs.clone(), ropts.clone());
    let report = Report::build(&new, &agg_new, inputs, ropts);
    let reg = Regression::new(
        base_file.display().to_string(),
        &base,
        &rerun,
        &report,
        tol,
        diffs,
        explain,
        warnings,
    );
    let chart = framelens::chart::moved::draw(&reg, framelens::chart::Size::SLIDE)
        .map_err(|e| Failure::usage(anyhow!("cannot draw what-moved.svg: {e}")))?;
    let files = vec![
        (PathBuf::from("regress.json"), reg.to_json().into_bytes()),
        (
            PathBuf::from("regress.md"),
            framelens::regress::render::markdown(&reg).into_bytes(),
        ),
        (PathBuf::from("what-moved.svg"), chart.into_bytes()),
    ];
    common::write_dir(&out, &files)?;
    common::print(&framelens::regress::render::table(&reg, args.show))?;
    eprintln!(
        "framelens: wrote {} (regress.json, regress.md, what-moved.svg)",
        out.display()
    );
    if args.update_baseline {
        owned_folder(&base_dir)?;
        let mut files = folder::files(&report, &new)
            .map_err(|e| Failure::usage(anyhow!("cannot render index.html: {e}")))?;
        files.extend(carried_lists(&base, &report, &base_dir)?);
        common::write_dir(&base_dir, &files)?;
        eprintln!(
            "framelens: baseline {} updated with the new lexicons",
            base_dir.display()
        );
        return Ok(ExitStatus::Success);
    }
    Ok(ExitStatus::failing_if(reg.verdict == Verdict::Fail))
}
