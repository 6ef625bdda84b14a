//! Comparison statistics: log-odds keyness with an informative Dirichlet prior, cosine
//! similarity of term-frequency vectors (`ndarray`), and bootstrap percentile intervals.
//! Numbers in, numbers out: no I/O, no knowledge of articles.

use ndarray::{Array1, Array2};
use rustc_hash::FxHashMap;

/// Term counts.
pub type Counts = crate::analysis::aggregate::Map<u64>;

/// Log-odds ratio z-scores with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008):
/// for each term, `(log((y_a+α)/(n_a+α0−y_a−α)) − log((y_b+α)/(n_b+α0−y_b−α))) / sqrt(1/(y_a+α) + 1/(y_b+α))`.
/// Positive z: the term leans to group A.
pub fn log_odds_z(y_a: &Array1<f64>, y_b: &Array1<f64>, prior: &Array1<f64>) -> Array1<f64> {
    let n_a = y_a.sum();
    let n_b = y_b.sum();
    let a0 = prior.sum();
    let mut z = Array1::zeros(y_a.len());
    for i in 0..y_a.len() {
        let (ya, yb, p) = (y_a[i], y_b[i], prior[i]);
        let la = (ya + p).ln() - (n_a + a0 - ya - p).ln();
        let lb = (yb + p).ln() - (n_b + a0 - yb - p).ln();
        z[i] = (la - lb) / (1.0 / (ya + p) + 1.0 / (yb + p)).sqrt();
    }
    z
}

/// One term of a keyness table.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct KeyTerm {
    /// The term.
    pub term: String,
    /// z-score.
    pub z: f64,
    /// Count in group A.
    pub count_a: u64,
    /// Count in group B.
    pub count_b: u64,
}

/// Keyness of group A against group B over the union of their terms; the prior is the
/// combined counts plus 0.01 (as the peer implementation). Returns the `k` most distinctive
/// terms each way (A first), ties broken by term.
pub fn keyness(a: &Counts, b: &Counts, k: usize, min_count: u64) -> (Vec<KeyTerm>, Vec<KeyTerm>) {
    let mut vocab: Vec<&String> = a.keys().chain(b.keys()).collect();
    vocab.sort();
    vocab.dedup();
    let ya: Array1<f64> = vocab
        .iter()
        .map(|t| *a.get(*t).unwrap_or(&0) as f64)
        .collect();
    let yb: Array1<f64> = vocab
        .iter()
        .map(|t| *b.get(*t).unwrap_or(&0) as f64)
        .collect();
    keyness_table(&vocab, ya, yb, k, min_count)
}

/// A shared vocabulary and total counts, for many keyness tables against "the rest".
pub struct RestIndex<'a> {
    vocab: Vec<&'a String>,
    index: FxHashMap<&'a str, usize>,
    total: Array1<f64>,
}

impl<'a> RestIndex<'a> {
    /// Indexes the counts of all groups together.
    pub fn new(total: &'a Counts) -> RestIndex<'a> {
        let mut vocab: Vec<&String> = total.keys().collect();
        vocab.sort();
        let index = vocab
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), i))
            .collect();
        let totals = vocab.iter().map(|t| total[*t] as f64).collect();
        RestIndex {
            vocab,
            index,
            total: totals,
        }
    }

    /// Indexes the counts of all groups together given as a vocabulary sorted by term and the
    /// total of each term; [`RestIndex::keyness_of`] then takes a group's counts in that order.
    pub fn of_sorted(vocab: &'a [String], total: &[u64]) -> RestIndex<'a> {
        debug_assert!(vocab.windows(2).all(|w| w[0] < w[1]));
        RestIndex {
            vocab: vocab.iter().collect(),
            index: FxHashMap::default(),
            total: total.iter().map(|&c| c as f64).collect(),
        }
    }

    /// Keyness of group A given its count of each vocabulary term, in the vocabulary's order.
    pub fn keyness_of(
        &self,
        ya: Array1<f64>,
        k: usize,
        min_count: u64,
    ) -> (Vec<KeyTerm>, Vec<KeyTerm>) {
        let yb = &self.total - &ya;
        keyness_table(&self.vocab, ya, yb, k, min_count)
    }

    /// Keyness of group A (whose counts are part of the total) against all the others.
    /// (Only for an index made by [`RestIndex::new`].)
    pub fn keyness(&self, a: &Counts, k: usize, min_count: u64) -> (Vec<KeyTerm>, Vec<KeyTerm>) {
        let mut ya = Array1::zeros(self.vocab.len());
        for (t, c) in a {
            if let Some(&i) = self.index.get(t.as_str()) {
                ya[i] = *c as f64;
            }
        }
        let yb = &self.total - &ya;
        keyness_table(&self.vocab, ya, yb, k, min_count)
    }
}

/// Keyness of group A against everything else, given A's counts and the counts of all
/// groups together (A included).
pub fn keyness_vs_rest(
    a: &Counts,
    total: &Counts,
    k: usize,
    min_count: u64,
) -> (Vec<KeyTerm>, Vec<KeyTerm>) {
    RestIndex::new(total).keyness(a, k, min_count)
}

fn keyness_table(
    vocab: &[&String],
    ya: Array1<f64>,
    yb: Array1<f64>,
    k: usize,
    min_count: u64,
) -> (Vec<KeyTerm>, Vec<KeyTerm>) {
    let prior = &ya + &yb + 0.01;
    let z = log_odds_z(&ya, &yb, &prior);
    let eligible: Vec<usize> = (0..vocab.len())
        .filter(|&i| ya[i] + yb[i] >= min_count as f64)
        .collect();
    let row = |i: usize| KeyTerm {
        term: vocab[i].clone(),
        z: z[i],
        count_a: ya[i] as u64,
        count_b: yb[i] as u64,
    };
    // Highest z first, ties by term; only the k best each way are sorted.
    let order = |x: &usize, y: &usize| {
        z[*y]
            .total_cmp(&z[*x])
            .then_with(|| vocab[*x].cmp(vocab[*y]))
    };
    let pick = |mut idx: Vec<usize>, cmp: &dyn Fn(&usize, &usize) -> std::cmp::Ordering| {
        if idx.len() > k && k > 0 {
            idx.select_nth_unstable_by(k - 1, cmp);
            idx.truncate(k);
        }
        idx.sort_by(cmp);
        idx
    };
    let top: Vec<KeyTerm> = pick(eligible.clone(), &order)
        .into_iter()
        .take(k)
        .filter(|&i| z[i] > 0.0)
        .map(row)
        .collect();
    let rev = |x: &usize, y: &usize| {
        z[*x]
            .total_cmp(&z[*y])
            .then_with(|| vocab[*y].cmp(vocab[*x]))
    };
    let bottom: Vec<KeyTerm> = pick(eligible, &rev)
        .into_iter()
        .take(k)
        .filter(|&i| z[i] < 0.0)
        .map(row)
        .collect();
    (top, bottom)
}

/// Cosine similarity matrix of the rows of `m` (rows with no mass give 0).
pub fn cosine_matrix(m: &Array2<f64>) -> Array2<f64> {
    let norms: Array1<f64> = m.rows().into_iter().map(|r| r.dot(&r).sqrt()).collect();
    let dots = m.dot(&m.t());
    let n = m.nrows();
    let mut out = Array2::zeros((n, n));
    for i in 0..n {
        for j in 0..n {
            let d = norms[i] * norms[j];
            out[[i, j]] = if d > 0.0 { dots[[i, j]] / d } else { 0.0 };
        }
    }
    out
}

/// Term-frequency matrix of some count vectors over the `max_terms` most frequent terms of
/// all of them (ties by term), so the matrix stays small for any corpus size.
pub fn tf_matrix(rows: &[&Counts], max_terms: usize) -> (Array2<f64>, Vec<String>) {
    let mut total: FxHashMap<&str, u64> = FxHashMap::default();
    for r in rows {
        for (t, c) in r.iter() {
            *total.entry(t.as_str()).or_default() += c;
        }
    }
    let terms = crate::rank::top_k(total, max_terms);
    let vocab: Vec<String> = terms.iter().map(|(t, _)| t.to_string()).collect();
    let mut m = Array2::zeros((rows.len(), vocab.len()));
    for (i, r) in rows.iter().enumerate() {
        for (j, t) in vocab.iter().enumerate() {
            m[[i, j]] = *r.get(t).unwrap_or(&0) as f64;
        }
    }
    (m, vocab)
}

/// The 2.5 % and 97.5 % percentiles of replicate values (NaNs dropped); None if empty.
pub fn percentile_interval(mut values: Vec<f64>) -> Option<(f64, f64)> {
    values.retain(|v| v.is_finite());
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let lo = ((0.025 * n as f64).floor() as usize).min(n - 1);
    let hi = ((0.975 * n as f64).ceil() as usize)
        .saturating_sub(1)
        .min(n - 1);
    Some((values[lo], values[hi]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_identical_and_orthogonal_rows() {
        let m = ndarray::arr2(&[[1.0, 0.0], [2.0, 0.0], [0.0, 3.0]]);
        let c = cosine_matrix(&m);
        assert!((c[[0, 1]] - 1.0).abs() < 1e-12);
        assert_eq!(c[[0, 2]], 0.0);
    }

    #[test]
    fn interval_of_sorted_values() {
        let v: Vec<f64> = (0..200).map(|i| i as f64).collect();
        assert_eq!(percentile_interval(v), Some((5.0, 194.0)));
    }
}
