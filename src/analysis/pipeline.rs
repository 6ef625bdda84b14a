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

/// What an analysis worker does with each record. Each worker thread owns one; the results
/// of all workers are merged by the caller, so whatever a worker accumulates must merge
/// associatively (see [`Aggregate::merge`]).
pub trait Worker: Send {
    /// Analyses and folds an article; `Err` when it cannot be analysed (then it is skipped).
    fn article(&mut self, a: &Article) -> Result<(), Skip>;
    /// Records a skipped record.
    fn skip(&mut self, s: Skip);
}

/// Folds articles into an [`Aggregate`].
pub struct AggregateWorker<'a> {
    az: &'a Analyzer,
    groups: &'a FxHashMap<String, String>,
    cache: FuzzyCache,
    /// What was folded.
    pub aggregate: Aggregate,
}

impl<'a> AggregateWorker<'a> {
    /// A worker with an empty aggregate.
    pub fn new(az: &'a Analyzer, opts: &'a RunOptions) -> AggregateWorker<'a> {
        AggregateWorker {
            az,
            groups: &opts.groups,
            cache: FuzzyCache::default(),
            aggregate: Aggregate::new(opts.evidence, opts.seed),
        }
    }
}

impl Worker for AggregateWorker<'_> {
    fn article(&mut self, a: &Article) -> Result<(), Skip> {
        let an = self.az.analyse(a, &mut self.cache)?;
        self.aggregate.fold(self.az, &an, self.groups);
        Ok(())
    }

    fn skip(&mut self, s: Skip) {
        self.aggregate.skip(s);
    }
}

/// Analyses every article of the streams into one aggregate.
pub fn run(
    az: &Analyzer,
    streams: Vec<Box<dyn RecordStream>>,
    opts: &RunOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<RunResult, StrictStop> {
    let (workers, inputs) =
        run_workers(streams, opts, progress, &|| AggregateWorker::new(az, opts))?;
    let mut agg = Aggregate::new(opts.evidence, opts.seed);
    for w in workers {
        agg.merge(w.aggregate);
    }
    agg.sort_skips(&input_order(&inputs));
    Ok(RunResult {
        aggregate: agg,
        inputs,
    })
}

/// How far the reader is, for a progress display: records read, of them skipped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Records read so far.
    pub records: u64,
    /// Of them, skipped (so far as the reader can tell: duplicates and load errors).
    pub skipped: u64,
}

impl Progress {
    /// Counts one record; reports every [`PROGRESS_EVERY`] records.
    pub fn count(&mut self, r: &Record, report: &(dyn Fn(Progress) + Sync)) {
        self.records += 1;
        self.skipped += r.is_err() as u64;
        if self.records.is_multiple_of(PROGRESS_EVERY) {
            report(*self);
        }
    }
}

/// The reader reports its progress every this many records.
pub const PROGRESS_EVERY: u64 = 100;

/// The input paths in order, for [`Aggregate::sort_skips`].
pub fn input_order(inputs: &[InputInfo]) -> Vec<String> {
    inputs.iter().map(|i| i.path.clone()).collect()
}

/// Reads every input on this thread and hands records in batches to `opts.threads` workers
/// made by `make`; returns the workers (in no meaningful order) and the inputs' provenance.
/// Under `--strict` the first skip (in input order) stops the run.
pub fn run_workers<W: Worker>(
    streams: Vec<Box<dyn RecordStream>>,
    opts: &RunOptions,
    progress: &(dyn Fn(Progress) + Sync),
    make: &(dyn Fn() -> W + Sync),
) -> Result<(Vec<W>, Vec<InputInfo>), StrictStop> {
    let threads = opts.threads.max(1);
    let failed: Mutex<Option<Skip>> = Mutex::new(None);
    let strict = opts.strict;
    if threads == 1 {
        let mut w = make();
        let mut p = Progress::default();
        let inputs = read_all(streams, |r| {
            p.count(&r, progress);
            handle(&mut w, r, strict, &failed)
        });
        return finish(vec![w], inputs, failed, strict);
    }
    let (tx, rx) = sync_channel::<Vec<Record>>(threads * 2);
    let rx = Arc::new(Mutex::new(rx));
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (workers, inputs) = std::thread::scope(|scope| {
        let mut handles = Vec::new();
        for _ in 0..threads {
            let rx = rx.clone();
            let failed = &failed;
            let stop = &stop;
            // A thread the system refuses (a process limit) is not fatal: the results do not
            // depend on the number of workers, so the run goes on with those that started.
            let spawned = std::thread::Builder::new().spawn_scoped(scope, move || {
                let mut w = make();
                loop {
                    let batch = match rx.lock() {
                        Ok(r) => r.recv(),
                        Err(_) => break,
                    };
                    let Ok(batch) = batch else { break };
                    for r in batch {
                        if !handle(&mut w, r, strict, failed) {
                            stop.store(true, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
                }
                w
            });
            match spawned {
                Ok(h) => handles.push(h),
                Err(_) => break,
            }
        }
        if handles.is_empty() {
            let mut w = make();
            let inputs = read_all(streams, |r| handle(&mut w, r, strict, &failed));
            return (vec![w], inputs);
        }
        let mut batch = Vec::with_capacity(BATCH);
        let mut p = Progress::default();
        let inputs = read_all(streams, |r| {
            p.count(&r, progress);
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
        // A worker that panicked is a bug: its counts must not vanish silently.
        let workers: Vec<W> = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect();
        (workers, inputs)
    });
    finish(workers, inputs, failed, strict)
}

fn finish<W>(
    workers: Vec<W>,
    inputs: Vec<InputInfo>,
    failed: Mutex<Option<Skip>>,
    strict: bool,
) -> Result<(Vec<W>, Vec<InputInfo>), StrictStop> {
    if strict {
        if let Ok(Some(s)) = failed.into_inner() {
            return Err(StrictStop(s));
        }
    }
    Ok((workers, inputs))
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

/// One record; false when the run must stop (a skip under `--strict`).
fn handle<W: Worker>(w: &mut W, r: Record, strict: bool, failed: &Mutex<Option<Skip>>) -> bool {
    let s = match r {
        Ok(a) => match w.article(&a) {
            Ok(()) => return true,
            Err(s) => s,
        },
        Err(s) => s,
    };
    if strict {
        note_failure(failed, &s);
    }
    w.skip(s);
    !strict
}
