//! Comparison statistics: log-odds keyness with an informative Dirichlet prior, cosine
//! similarity of term-frequency vectors (`ndarray`), and bootstrap percentile intervals.
//! Numbers in, numbers out: no I/O, no knowledge of articles.

use ndarray::{Array1, Array2};
use rustc_hash::FxHashMap;

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
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
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
pub fn keyness(
    a: &FxHashMap<String, u64>,
    b: &FxHashMap<String, u64>,
    k: usize,
    min_count: u64,
) -> (Vec<KeyTerm>, Vec<KeyTerm>) {
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

/// Keyness of group A against everything else, given A's counts and the counts of all
/// groups together (A included), without building the rest's table.
pub fn keyness_vs_rest(
    a: &FxHashMap<String, u64>,
    total: &FxHashMap<String, u64>,
    k: usize,
    min_count: u64,
) -> (Vec<KeyTerm>, Vec<KeyTerm>) {
    let mut vocab: Vec<&String> = total.keys().collect();
    vocab.sort();
    let ya: Array1<f64> = vocab
        .iter()
        .map(|t| *a.get(*t).unwrap_or(&0) as f64)
        .collect();
    let yb: Array1<f64> = vocab
        .iter()
        .zip(ya.iter())
        .map(|(t, x)| *total.get(*t).unwrap_or(&0) as f64 - x)
        .collect();
    keyness_table(&vocab, ya, yb, k, min_count)
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
    let mut rows: Vec<KeyTerm> = vocab
        .iter()
        .enumerate()
        .filter(|(i, _)| ya[*i] + yb[*i] >= min_count as f64)
        .map(|(i, t)| KeyTerm {
            term: (*t).clone(),
            z: z[i],
            count_a: ya[i] as u64,
            count_b: yb[i] as u64,
        })
        .collect();
    rows.sort_by(|x, y| y.z.total_cmp(&x.z).then_with(|| x.term.cmp(&y.term)));
    let top: Vec<KeyTerm> = rows.iter().take(k).filter(|r| r.z > 0.0).cloned().collect();
    let bottom: Vec<KeyTerm> = rows
        .iter()
        .rev()
        .take(k)
        .filter(|r| r.z < 0.0)
        .cloned()
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
pub fn tf_matrix(rows: &[&FxHashMap<String, u64>], max_terms: usize) -> (Array2<f64>, Vec<String>) {
    let mut total: FxHashMap<&str, u64> = FxHashMap::default();
    for r in rows {
        for (t, c) in r.iter() {
            *total.entry(t.as_str()).or_default() += c;
        }
    }
    let mut terms: Vec<(&str, u64)> = total.into_iter().collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    terms.truncate(max_terms);
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
