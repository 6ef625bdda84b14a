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
    /// Write every item's id, gold label, prediction and score to this JSONL file
    #[arg(long, value_name = "FILE")]
    items: Option<PathBuf>,
}

/// Scores every item of a gold file.
pub fn evaluate(
    az: &Analyzer,
    path: &std::path::Path,
    on_item: impl FnMut(&str, i8, i8, f64),
) -> Result<Metrics, Failure> {
    let f = std::fs::File::open(path)
        .with_context(|| format!("cannot open {}", path.display()))
        .map_err(Failure::usage)?;
    framelens::validate::score(
        az,
        std::io::BufReader::new(f),
        &path.display().to_string(),
        on_item,
    )
    .with_context(|| format!("cannot read {}", path.display()))
    .map_err(Failure::usage)
}

/// Runs `validate`.
pub fn run(args: Args) -> Outcome {
    let lexicons = args.lexicons.load()?;
    let az = Analyzer::new(
        framelens::lexicon::Gazetteer::bundled(),
        lexicons,
        framelens::corpus::boilerplate::Boilerplate::bundled(),
    )
    .map_err(super::Failure::usage)?;
    let mut wrong = Vec::new();
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
    let mut items = String::new();
    let m = evaluate(&az, gold, |id, gold, pred, score| {
        if gold != pred {
            wrong.push(format!(
                "{id}: gold {gold:+} predicted {pred:+} (score {score:+.3})"
            ));
        }
        items.push_str(
            &serde_json::json!({"id": id, "gold": gold, "predicted": pred, "score": score})
                .to_string(),
        );
        items.push('\n');
    })?;
    if let Some(p) = &args.items {
        common::write_atomic(p, items.as_bytes())?;
    }
    for s in &m.skipped {
        eprintln!("framelens: skipped {s}");
    }
    out += &match args.format {
        Format::Json => serde_json::to_string_pretty(&m).map_err(Failure::usage)? + "\n",
        Format::Table => {
            let mut s = format!("items {}  accuracy {:.4}  macro-F1 {:.4}\n\nclass  precision  recall  f1      support\n", m.n, m.accuracy, m.macro_f1);
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
            if args.errors {
                s.push_str("\nmisclassified\n");
                for w in &wrong {
                    s.push_str(w);
                    s.push('\n');
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
