//! `framelens validate --gold FILE.jsonl`: accuracy, macro-F1 and a confusion matrix of
//! target-dependent stance against annotated sentences (`text`, `target_start`,
//! `target_end` as character offsets, `label` in −1/0/1). `--attribution`, `--actors` and
//! `--labels` score against the hand-built gold sets of `fixtures/gold/` (`framelens::gold`).

use super::common::{self, Format, LexiconArgs};
use super::{ExitStatus, Failure, Outcome};
use anyhow::Context;
use framelens::analysis::Analyzer;
use framelens::validate::Metrics;
use std::path::PathBuf;

/// Flags of `validate`.
#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("set").required(true).multiple(true).args(["gold", "attribution", "actors", "labels"])))]
pub struct Args {
    /// Target-stance sentences (JSONL)
    #[arg(long, value_name = "FILE")]
    gold: Option<PathBuf>,
    /// Attribution gold files or folders of them (docs/attribution.md; fixtures/gold/attribution)
    #[arg(long, value_name = "FILE", num_args = 1..)]
    attribution: Vec<PathBuf>,
    /// Actor-mention gold files or folders (docs/gold.md; fixtures/gold/actors)
    #[arg(long, value_name = "FILE", num_args = 1..)]
    actors: Vec<PathBuf>,
    /// Label-use gold files or folders (docs/gold.md; fixtures/gold/labels)
    #[arg(long, value_name = "FILE", num_args = 1..)]
    labels: Vec<PathBuf>,
    #[command(flatten)]
    lexicons: LexiconArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Also list every misclassified item
    #[arg(long)]
    errors: bool,
    /// Write every item's id, gold label, prediction and score, with the rules and the terms
    /// behind the score, to this JSONL file
    #[arg(long, value_name = "FILE")]
    items: Option<PathBuf>,
    /// Recurring lines (a file written by `framelens recurring` over the corpus the gold
    /// articles come from) to set aside, as `analyze` would on that corpus
    #[arg(long, value_name = "FILE")]
    recurring: Option<PathBuf>,
}

/// Runs `validate`.
pub fn run(args: Args) -> Outcome {
    let lexicons = args.lexicons.load()?;
    let mut az = Analyzer::new(
        framelens::lexicon::Gazetteer::bundled(),
        lexicons,
        framelens::corpus::boilerplate::Boilerplate::bundled(),
    )
    .map_err(super::Failure::usage)?;
    if let Some(p) = &args.recurring {
        az.recurring = super::args::read_recurring(p)?;
    }
    let mut out = String::new();
    for (set, paths) in [
        ("attribution", &args.attribution),
        ("actors", &args.actors),
        ("labels", &args.labels),
    ] {
        if paths.is_empty() {
            continue;
        }
        let files = jsonl_files(paths)?;
        let scored = match set {
            "attribution" => framelens::gold::attribution::score(&az, &files, args.errors),
            "actors" => framelens::gold::actors::score(&az, &files, args.errors),
            _ => framelens::gold::labels::score(&az, &files, args.errors),
        };
        let (scores, errors) = scored.map_err(Failure::usage)?;
        match args.format {
            Format::Json => {
                out.push_str(&serde_json::to_string_pretty(&scores).map_err(Failure::usage)?);
                out.push('\n');
            }
            Format::Table => {
                out.push_str(&scores.table());
                if args.errors {
                    out.push_str("\nerrors (dev part only)\n");
                    for e in errors {
                        out.push_str(&e);
                        out.push('\n');
                    }
                }
                out.push('\n');
            }
        }
    }
    let Some(gold) = &args.gold else {
        common::print(&out)?;
        return Ok(ExitStatus::Success);
    };
    if let Some(p) = &args.items {
        common::check_output(
            "--items",
            p,
            &[gold.as_path()],
            "the gold file would be overwritten: write the items to another file",
        )?;
    }
    let (gold_items, mut skipped) = {
        let f = std::fs::File::open(gold)
            .with_context(|| format!("cannot open {}", gold.display()))
            .map_err(Failure::usage)?;
        framelens::validate::read_items(std::io::BufReader::new(f), &gold.display().to_string())
            .with_context(|| format!("cannot read {}", gold.display()))
            .map_err(Failure::usage)?
    };
    let mut items = String::new();
    let mut pairs = Vec::new();
    // (gold, predicted) per `split` of the gold file.
    let mut splits: std::collections::BTreeMap<String, Vec<(i8, i8)>> = Default::default();
    // Errors by group: (group, line).
    let mut groups: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let confusion = framelens::validate::score_items(
        &az,
        &gold_items,
        &gold.display().to_string(),
        &mut skipped,
        |it, s| {
            let pred = s.label();
            pairs.push((it.label, pred));
            if let Some(sp) = &it.split {
                splits.entry(sp.clone()).or_default().push((it.label, pred));
            }
            // Errors are for tuning: an item of the `test` split is never listed (its figures
            // are read, its sentences not), as for the label and attribution gold sets.
            if it.label != pred && it.split.as_deref() != Some("test") {
                let (group, term) = framelens::validate::error_group(s);
                groups.entry(group).or_default().push(format!(
                    "  {:?}: gold {:+} predicted {pred:+} (score {:+.3}) {term}",
                    it.id, it.label, s.score
                ));
            }
            items.push_str(
                &serde_json::json!({"id": it.id, "gold": it.label, "predicted": pred, "score": s.score, "rules": s.rules, "terms": s.contributions})
                    .to_string(),
            );
            items.push('\n');
        },
    );
    let m = framelens::validate::metrics(confusion, skipped);
    if let Some(p) = &args.items {
        common::write_atomic(p, items.as_bytes())?;
    }
    for s in &m.skipped {
        eprintln!("framelens: skipped {s}");
    }
    let base = Analyzer::new(
        framelens::lexicon::Gazetteer::bundled(),
        framelens::lexicon::Lexicon::bundled_base(),
        framelens::corpus::boilerplate::Boilerplate::bundled(),
    )
    .map_err(Failure::usage)?;
    let vader = framelens::lexicon::Matcher::new(&framelens::lexicon::Lexicon::bundled_base()[..1])
        .map_err(Failure::usage)?;
    let mut side = vec![framelens::validate::Scorer::from_pairs(
        "framelens, lexicons loaded",
        &pairs,
        Vec::new(),
    )];
    side.extend(framelens::validate::compare(
        &gold_items,
        &[("bundled without learned weights", &base)],
        &vader,
    ));
    out += &match args.format {
        Format::Json => {
            #[derive(serde::Serialize)]
            struct Out<'a> {
                #[serde(flatten)]
                metrics: &'a Metrics,
                interval: (f64, f64),
                side_by_side: &'a [framelens::validate::Scorer],
            }
            serde_json::to_string_pretty(&Out {
                metrics: &m,
                interval: side[0].interval,
                side_by_side: &side,
            })
            .map_err(Failure::usage)?
                + "\n"
        }
        Format::Table => {
            let mut s = format!(
                "items {}  accuracy {:.4}  macro-F1 {:.4}\n",
                m.n, m.accuracy, m.macro_f1
            );
            s.push_str(&format!(
                "macro-F1 95% bootstrap interval {:.4}-{:.4} ({} replicates)\n\nclass  precision  recall  f1      support\n",
                side[0].interval.0,
                side[0].interval.1,
                framelens::validate::BOOTSTRAP_REPLICATES
            ));
            for c in &m.classes {
                s.push_str(&format!(
                    "{:>+5}  {:>9.4}  {:>6.4}  {:.4}  {:>7}\n",
                    c.label, c.precision, c.recall, c.f1, c.support
                ));
            }
            s.push_str("\nconfusion (rows gold -1/0/+1, columns predicted -1/0/+1)\n");
            for (i, row) in m.confusion.iter().enumerate() {
                s.push_str(&format!(
                    "{:>+3}  {:>6} {:>6} {:>6}\n",
                    i as i8 - 1,
                    row[0],
                    row[1],
                    row[2]
                ));
            }
            s.push_str("\nside by side (same items; P/R per class -1, 0, +1; confusion rows gold -1/0/+1)\n");
            s.push_str(&format!(
                "{:<34} {:>8}  {:<13} {:>8}  {:<35} confusion\n",
                "scorer", "macro-F1", "95% interval", "accuracy", "P/R -1 | 0 | +1"
            ));
            for sc in &side {
                let pr: Vec<String> = sc
                    .metrics
                    .classes
                    .iter()
                    .map(|c| format!("{:.2}/{:.2}", c.precision, c.recall))
                    .collect();
                s.push_str(&format!(
                    "{:<34} {:>8.4}  {:.4}-{:.4} {:>8.4}  {:<35} {:?}\n",
                    sc.name,
                    sc.metrics.macro_f1,
                    sc.interval.0,
                    sc.interval.1,
                    sc.metrics.accuracy,
                    pr.join(" | "),
                    sc.metrics.confusion
                ));
            }
            if !splits.is_empty() {
                s.push_str("\nby split (the file's `split` field)\n");
                for (name, p) in &splits {
                    let sc = framelens::validate::Scorer::from_pairs(name, p, Vec::new());
                    s.push_str(&format!(
                        "{:<8} items {:>5}  macro-F1 {:.4}  95% interval {:.4}-{:.4}\n",
                        name, sc.metrics.n, sc.metrics.macro_f1, sc.interval.0, sc.interval.1
                    ));
                }
            }
            if args.errors {
                s.push_str("\nmisclassified, by the rules of the term that weighed most (items of the test split are not listed)\n");
                let mut g: Vec<(&String, &Vec<String>)> = groups.iter().collect();
                g.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
                for (name, lines) in g {
                    s.push_str(&format!("{name} ({})\n", lines.len()));
                    for l in lines {
                        s.push_str(l);
                        s.push('\n');
                    }
                }
            }
            s
        }
    };
    common::print(&out)?;
    Ok(ExitStatus::Success)
}

/// The files named, with every `.jsonl` file of a named folder (in name order).
fn jsonl_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let rd = std::fs::read_dir(p)
                .with_context(|| format!("cannot read the folder {}", p.display()))
                .map_err(Failure::usage)?;
            let mut v: Vec<PathBuf> = rd
                .flatten()
                .map(|e| e.path())
                .filter(|q| q.extension().is_some_and(|x| x == "jsonl"))
                .collect();
            v.sort();
            out.extend(v);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}
