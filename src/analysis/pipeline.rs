//! The streaming run: one reader, N analysis workers, bounded memory.
//!
//! The reader parses records in input order, removes duplicates and sends batches over a
//! bounded channel; each worker analyses articles and folds them into its own
//! [`Aggregate`]; the aggregates are merged at the end. Since folding and merging are
//! order-independent, the result is the same for any thread count or batch size.

use super::aggregate::Aggregate;
use super::Analyzer;
use crate::actors::FuzzyCache;
use crate::corpus::{Article, Dedup, InputInfo, Record, RecordStream, Skip};
use rustc_hash::FxHashMap;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

/// How a run is carried out.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Analysis threads (at least 1).
    pub threads: usize,
    /// Stop at the first skip.
    pub strict: bool,
    /// Evidence items kept per cell.
    pub evidence: usize,
    /// Bootstrap seed.
    pub seed: u64,
    /// Voice -> group name.
    pub groups: FxHashMap<String, String>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            threads: 1,
            strict: false,
            evidence: 5,
            seed: 1,
            groups: FxHashMap::default(),
        }
    }
}

/// A run stopped by `--strict`.
#[derive(Debug, thiserror::Error)]
#[error("{}; stopped because of --strict (run without it to skip such records and see all of them in the report)", .0.message())]
pub struct StrictStop(pub Skip);

/// The result of a run.
pub struct RunResult {
    /// Everything folded.
    pub aggregate: Aggregate,
    /// Provenance of the inputs.
    pub inputs: Vec<InputInfo>,
}

const BATCH: usize = 32;

/// Reads every input, skipping duplicates, and calls `f` with each article or skip in order.
pub fn read_all(
    streams: Vec<Box<dyn RecordStream>>,
    mut f: impl FnMut(Record) -> bool,
) -> Vec<InputInfo> {
    let mut dedup = Dedup::default();
    let mut infos = Vec::new();
    let mut go = true;
    for mut s in streams {
        if go {
            for r in s.by_ref() {
                let r = r.and_then(|a| dedup.check(a));
                if !f(r) {
                    go = false;
                    break;
                }
            }
        }
        infos.push(s.info());
    }
    infos
}

/// Analyses every article of the streams into one aggregate.
pub fn run(
    az: &Analyzer,
    streams: Vec<Box<dyn RecordStream>>,
    opts: &RunOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<RunResult, StrictStop> {
    let threads = opts.threads.max(1);
    let failed: Mutex<Option<Skip>> = Mutex::new(None);
    if threads == 1 {
        let mut agg = Aggregate::new(opts.evidence, opts.seed);
        let mut cache = FuzzyCache::default();
        let mut n = 0u64;
        let inputs = read_all(streams, |r| {
            n += 1;
            if n.is_multiple_of(1000) {
                progress(n);
            }
            match r {
                Ok(a) => analyse_one(az, &a, &mut agg, &mut cache, opts, &failed),
                Err(s) => skip_one(&mut agg, s, opts, &failed),
            }
        });
        return finish(agg, inputs, failed, opts);
    }
    let (tx, rx) = sync_channel::<Vec<Record>>(threads * 2);
    let rx = Arc::new(Mutex::new(rx));
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (mut agg, inputs) = std::thread::scope(|scope| {
        let mut handles = Vec::new();
        for _ in 0..threads {
            let rx = rx.clone();
            let failed = &failed;
            let stop = &stop;
            handles.push(scope.spawn(move || {
                let mut agg = Aggregate::new(opts.evidence, opts.seed);
                let mut cache = FuzzyCache::default();
                loop {
                    let batch = match rx.lock() {
                        Ok(r) => r.recv(),
                        Err(_) => break,
                    };
                    let Ok(batch) = batch else { break };
                    for r in batch {
                        let ok = match r {
                            Ok(a) => analyse_one(az, &a, &mut agg, &mut cache, opts, failed),
                            Err(s) => skip_one(&mut agg, s, opts, failed),
                        };
                        if !ok {
                            stop.store(true, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
                }
                agg
            }));
        }
        let mut batch = Vec::with_capacity(BATCH);
        let mut n = 0u64;
        let inputs = read_all(streams, |r| {
            n += 1;
            if n.is_multiple_of(1000) {
                progress(n);
            }
            batch.push(r);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if tx.send(full).is_err() {
                    return false;
                }
            }
            !stop.load(std::sync::atomic::Ordering::Relaxed)
        });
        if !batch.is_empty() {
            let _ = tx.send(batch);
        }
        drop(tx);
        let mut total = Aggregate::new(opts.evidence, opts.seed);
        for h in handles {
            if let Ok(a) = h.join() {
                total.merge(a);
            }
        }
        (total, inputs)
    });
    agg.cap = opts.evidence;
    finish(agg, inputs, failed, opts)
}

fn finish(
    mut agg: Aggregate,
    inputs: Vec<InputInfo>,
    failed: Mutex<Option<Skip>>,
    opts: &RunOptions,
) -> Result<RunResult, StrictStop> {
    if opts.strict {
        if let Ok(Some(s)) = failed.into_inner() {
            return Err(StrictStop(s));
        }
    }
    let order: Vec<String> = inputs.iter().map(|i| i.path.clone()).collect();
    agg.sort_skips(&order);
    Ok(RunResult {
        aggregate: agg,
        inputs,
    })
}

fn note_failure(failed: &Mutex<Option<Skip>>, s: &Skip) {
    if let Ok(mut f) = failed.lock() {
        let earlier = match f.as_ref() {
            None => true,
            Some(old) => (&s.source, s.line) < (&old.source, old.line),
        };
        if earlier {
            *f = Some(s.clone());
        }
    }
}

fn skip_one(agg: &mut Aggregate, s: Skip, opts: &RunOptions, failed: &Mutex<Option<Skip>>) -> bool {
    if opts.strict {
        note_failure(failed, &s);
        agg.skip(s);
        return false;
    }
    agg.skip(s);
    true
}

fn analyse_one(
    az: &Analyzer,
    a: &Article,
    agg: &mut Aggregate,
    cache: &mut FuzzyCache,
    opts: &RunOptions,
    failed: &Mutex<Option<Skip>>,
) -> bool {
    match az.analyse(a, cache) {
        Ok(an) => {
            agg.fold(az, &an, &opts.groups);
            true
        }
        Err(s) => skip_one(agg, s, opts, failed),
    }
}
