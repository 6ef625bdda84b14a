//! The streaming run: one reader, N analysis workers, bounded memory.
//!
//! The reader parses records in input order, removes duplicates and sends batches over a
//! bounded channel; each worker analyses articles and folds them into its own
//! [`Aggregate`]; the aggregates are merged at the end. Since folding and merging are
//! order-independent, the result is the same for any thread count or batch size.
//!
//! The complete lists of skips and flagged articles (an aggregate keeps only counts and a
//! sample) go to a [`ListSink`] as the run goes, in read order whatever the thread count: each
//! worker hands back what it listed per batch, and the reader passes the batches on in their
//! numbered order (a reorder buffer bounded by the batches in flight).

use super::aggregate::{Aggregate, Lists};
use super::Analyzer;
use crate::actors::FuzzyCache;
use crate::corpus::{Article, Dedup, InputInfo, KnownDuplicates, Record, RecordStream, Skip};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::mpsc::{channel, sync_channel};
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
    /// Records a pass over a whole corpus found to repeat earlier ones (a cluster run's parts).
    pub duplicates: Option<Arc<KnownDuplicates>>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            threads: 1,
            strict: false,
            evidence: 5,
            seed: 1,
            groups: FxHashMap::default(),
            duplicates: None,
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
    f: impl FnMut(Record) -> bool,
) -> Vec<InputInfo> {
    read_all_with(streams, Dedup::default(), f)
}

/// [`read_all`] with a duplicate detector of the caller's (one that knows the duplicates of a
/// whole corpus, [`Dedup::with_known`]).
pub fn read_all_with(
    streams: Vec<Box<dyn RecordStream>>,
    mut dedup: Dedup,
    mut f: impl FnMut(Record) -> bool,
) -> Vec<InputInfo> {
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
    /// The skips and flags listed since the last call, for a [`ListSink`] (none by default).
    fn take_lists(&mut self) -> Lists {
        Lists::default()
    }
}

/// Receives a run's complete lists of skips and flagged articles, in read order, on the
/// reader's thread.
pub type ListSink<'s> = &'s mut dyn FnMut(Lists);

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

    fn take_lists(&mut self) -> Lists {
        self.aggregate.take_lists()
    }
}

/// Analyses every article of the streams into one aggregate.
pub fn run(
    az: &Analyzer,
    streams: Vec<Box<dyn RecordStream>>,
    opts: &RunOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<RunResult, StrictStop> {
    run_listing(az, streams, opts, progress, None)
}

/// [`run`], handing every skip and flagged article to `sink` as the run goes.
pub fn run_listing(
    az: &Analyzer,
    streams: Vec<Box<dyn RecordStream>>,
    opts: &RunOptions,
    progress: &(dyn Fn(Progress) + Sync),
    sink: Option<ListSink>,
) -> Result<RunResult, StrictStop> {
    let listing = sink.is_some();
    let (workers, inputs) = run_workers_listing(streams, opts, progress, sink, &|| {
        let mut w = AggregateWorker::new(az, opts);
        if listing {
            w.aggregate.keep_lists();
        }
        w
    })?;
    let mut agg = Aggregate::new(opts.evidence, opts.seed);
    for w in workers {
        agg.merge(w.aggregate);
    }
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

/// Reads every input on this thread and hands records in batches to `opts.threads` workers
/// made by `make`; returns the workers (in no meaningful order) and the inputs' provenance.
/// Under `--strict` the first skip (in input order) stops the run.
pub fn run_workers<W: Worker>(
    streams: Vec<Box<dyn RecordStream>>,
    opts: &RunOptions,
    progress: &(dyn Fn(Progress) + Sync),
    make: &(dyn Fn() -> W + Sync),
) -> Result<(Vec<W>, Vec<InputInfo>), StrictStop> {
    run_workers_listing(streams, opts, progress, None, make)
}

/// Lists handed back per numbered batch, passed on to the sink in batch order.
struct Reorder<'s> {
    sink: ListSink<'s>,
    next: u64,
    pending: BTreeMap<u64, Lists>,
}

impl Reorder<'_> {
    fn put(&mut self, batch: u64, lists: Lists) {
        self.pending.insert(batch, lists);
        while let Some(l) = self.pending.remove(&self.next) {
            self.next += 1;
            if !l.is_empty() {
                (self.sink)(l);
            }
        }
    }
}

/// [`run_workers`], handing what the workers list ([`Worker::take_lists`]) to `sink` in read
/// order as the run goes.
pub fn run_workers_listing<W: Worker>(
    streams: Vec<Box<dyn RecordStream>>,
    opts: &RunOptions,
    progress: &(dyn Fn(Progress) + Sync),
    sink: Option<ListSink>,
    make: &(dyn Fn() -> W + Sync),
) -> Result<(Vec<W>, Vec<InputInfo>), StrictStop> {
    let threads = opts.threads.max(1);
    let failed: Mutex<Option<Skip>> = Mutex::new(None);
    let strict = opts.strict;
    let mut sink = sink;
    let dedup = Dedup::with_known(opts.duplicates.clone());
    if threads == 1 {
        let mut w = make();
        let mut p = Progress::default();
        let inputs = read_all_with(streams, dedup, |r| {
            p.count(&r, progress);
            handle_listing(&mut w, r, strict, &failed, &mut sink)
        });
        return finish(vec![w], inputs, failed, strict);
    }
    let listing = sink.is_some();
    let (tx, rx) = sync_channel::<(u64, Vec<Record>)>(threads * 2);
    let rx = Arc::new(Mutex::new(rx));
    // Unbounded, but it holds at most one message per batch in flight.
    let (ltx, lrx) = channel::<(u64, Lists)>();
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (workers, inputs) = std::thread::scope(|scope| {
        let mut handles = Vec::new();
        for _ in 0..threads {
            let rx = rx.clone();
            let ltx = ltx.clone();
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
                    let Ok((n, batch)) = batch else { break };
                    for r in batch {
                        if !handle(&mut w, r, strict, failed) {
                            stop.store(true, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
                    if listing {
                        // Every batch answers, empty or not, so that the order can advance.
                        let _ = ltx.send((n, w.take_lists()));
                    }
                }
                w
            });
            match spawned {
                Ok(h) => handles.push(h),
                Err(_) => break,
            }
        }
        drop(ltx);
        if handles.is_empty() {
            let mut w = make();
            let inputs = read_all_with(streams, dedup, |r| {
                handle_listing(&mut w, r, strict, &failed, &mut sink)
            });
            return (vec![w], inputs);
        }
        let mut order = sink.map(|sink| Reorder {
            sink,
            next: 0,
            pending: BTreeMap::new(),
        });
        let mut batch = Vec::with_capacity(BATCH);
        let mut sent = 0u64;
        let mut p = Progress::default();
        let inputs = read_all_with(streams, dedup, |r| {
            p.count(&r, progress);
            batch.push(r);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if tx.send((sent, full)).is_err() {
                    return false;
                }
                sent += 1;
                if let Some(o) = order.as_mut() {
                    while let Ok((n, l)) = lrx.try_recv() {
                        o.put(n, l);
                    }
                }
            }
            !stop.load(std::sync::atomic::Ordering::Relaxed)
        });
        if !batch.is_empty() {
            let _ = tx.send((sent, batch));
        }
        drop(tx);
        if let Some(o) = order.as_mut() {
            // Ends when every worker has finished (each held a sender).
            for (n, l) in lrx.iter() {
                o.put(n, l);
            }
        }
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

/// [`handle`] on the reader's thread (no workers), passing what the record listed straight to
/// the sink.
fn handle_listing<W: Worker>(
    w: &mut W,
    r: Record,
    strict: bool,
    failed: &Mutex<Option<Skip>>,
    sink: &mut Option<ListSink>,
) -> bool {
    let go = handle(w, r, strict, failed);
    if let Some(s) = sink.as_mut() {
        let l = w.take_lists();
        if !l.is_empty() {
            s(l);
        }
    }
    go
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
