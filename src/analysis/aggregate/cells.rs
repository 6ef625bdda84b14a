//! Cells: the integer sums behind each number of a report, with their bootstrap sums and
//! capped evidence. A mean (stance) or shares over categories (labels, frames).

use super::bootstrap::REPLICATES;
use super::evidence::{keep_bottom, Evidence};
use serde::{Deserialize, Serialize};

/// Mean of per-observation scores, with bootstrap sums.
///
/// The counts and sums are private: `add` and `merge` change them together, so that
/// `pos + neg <= n` and the bootstrap sums have one entry per replicate (or none before the
/// first observation). Read them through the accessors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MeanCell {
    n: u64,
    sum: i64,
    pos: u64,
    neg: u64,
    boot_n: Vec<u64>,
    boot_sum: Vec<i64>,
    /// Capped evidence.
    pub evidence: Vec<Evidence>,
    /// Articles contributing (counted once per article by the caller).
    pub articles: u64,
}

impl MeanCell {
    /// Observations folded in (sentences, for stance).
    pub fn n(&self) -> u64 {
        self.n
    }

    /// Sum of the scores, in millionths.
    pub fn sum(&self) -> i64 {
        self.sum
    }

    /// Observations labelled positive.
    pub fn positive(&self) -> u64 {
        self.pos
    }

    /// Observations labelled negative.
    pub fn negative(&self) -> u64 {
        self.neg
    }

    /// Per bootstrap replicate: the weighted number of observations (empty before the first).
    pub fn boot_n(&self) -> &[u64] {
        &self.boot_n
    }

    /// Per bootstrap replicate: the weighted sum of scores in millionths (empty before the
    /// first observation).
    pub fn boot_sum(&self) -> &[i64] {
        &self.boot_sum
    }

    pub(super) fn add(&mut self, micro: i64, label: i8, w: &[u8; REPLICATES]) {
        if self.boot_n.is_empty() {
            self.boot_n = vec![0; REPLICATES];
            self.boot_sum = vec![0; REPLICATES];
        }
        self.n += 1;
        self.sum += micro;
        match label {
            1 => self.pos += 1,
            -1 => self.neg += 1,
            _ => {}
        }
        for ((n, sum), wb) in self
            .boot_n
            .iter_mut()
            .zip(self.boot_sum.iter_mut())
            .zip(w.iter())
        {
            *n += *wb as u64;
            *sum += *wb as i64 * micro;
        }
    }

    pub(super) fn merge(&mut self, o: MeanCell, cap: usize) {
        if self.boot_n.is_empty() {
            self.boot_n = vec![0; REPLICATES];
            self.boot_sum = vec![0; REPLICATES];
        }
        self.n += o.n;
        self.sum += o.sum;
        self.pos += o.pos;
        self.neg += o.neg;
        self.articles += o.articles;
        for (a, b) in self.boot_n.iter_mut().zip(&o.boot_n) {
            *a += b;
        }
        for (a, b) in self.boot_sum.iter_mut().zip(&o.boot_sum) {
            *a += b;
        }
        for e in o.evidence {
            keep_bottom(&mut self.evidence, e, cap);
        }
    }
}

/// Counts per category (labels of a set, or frames), with bootstrap counts.
///
/// The counts are private: `add` and `merge` keep `boot` at `REPLICATES` entries per category
/// of `counts` and `evidence` at one list per category. Read them through the accessors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShareCell {
    counts: Vec<u64>,
    boot: Vec<u64>,
    /// Capped evidence per category.
    pub evidence: Vec<Vec<Evidence>>,
    /// Articles contributing.
    pub articles: u64,
}

impl ShareCell {
    /// Count per category.
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// Weighted counts per bootstrap replicate, `[category * REPLICATES + replicate]`.
    pub fn boot(&self) -> &[u64] {
        &self.boot
    }

    fn ensure(&mut self, k: usize) {
        if self.counts.len() < k {
            self.counts.resize(k, 0);
            self.boot.resize(k * REPLICATES, 0);
            self.evidence.resize(k, Vec::new());
        }
    }

    pub(super) fn add(&mut self, cat: usize, k: usize, w: &[u8; REPLICATES]) {
        self.ensure(k);
        self.counts[cat] += 1;
        let row = &mut self.boot[cat * REPLICATES..(cat + 1) * REPLICATES];
        for (r, wb) in row.iter_mut().zip(w.iter()) {
            *r += *wb as u64;
        }
    }

    pub(super) fn merge(&mut self, o: ShareCell, cap: usize) {
        self.ensure(o.counts.len());
        self.articles += o.articles;
        for (i, c) in o.counts.iter().enumerate() {
            self.counts[i] += c;
        }
        for (i, c) in o.boot.iter().enumerate() {
            self.boot[i] += c;
        }
        for (i, ev) in o.evidence.into_iter().enumerate() {
            for e in ev {
                keep_bottom(&mut self.evidence[i], e, cap);
            }
        }
    }
}
