//! The single-threaded walk over every article that the listing commands (`actors`, `voices`,
//! `kwic`) share: each article analysed in input order, skips printed, the accounting summary.

use super::args::InputArgs;
use super::stdout::{nothing_to_analyse, summary};
use super::Failure;
use framelens::analysis::Analyzer;

/// Reads every input in order and calls `f` with each analysed article; skips are printed
/// to standard error and, under `--strict`, stop the run with exit 1. Prints the summary.
pub fn visit(
    az: &Analyzer,
    input: &InputArgs,
    mut f: impl FnMut(&framelens::analysis::Analysed),
) -> Result<(), Failure> {
    let bar = super::progress::Bar::new(input);
    let streams = input.open_counting(bar.counter())?;
    let mut progress = framelens::analysis::pipeline::Progress::default();
    let mut cache = framelens::actors::FuzzyCache::default();
    let (mut read, mut analysed, mut skipped) = (0u64, 0u64, 0usize);
    let mut stop: Option<framelens::corpus::Skip> = None;
    let mut skips = super::stdout::Skips::default();
    let mut on_skip = |s: framelens::corpus::Skip, skipped: &mut usize| {
        bar.suspend(|| skips.note(&s));
        *skipped += 1;
        if input.strict {
            stop = Some(s);
            return false;
        }
        true
    };
    framelens::analysis::pipeline::read_all(streams, |r| {
        read += 1;
        progress.count(&r, &|p| bar.update(p));
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
    bar.finish();
    skips.finish("run `framelens analyze` for a report that lists every skip");
    summary(read, analysed, skipped as u64);
    if let Some(s) = stop {
        return Err(Failure::data(framelens::analysis::pipeline::StrictStop(s)));
    }
    if analysed == 0 {
        return Err(Failure::data(nothing_to_analyse(read)));
    }
    Ok(())
}
