//! Fitting the learned stance layer (`framelens lexicon learn --model`,
//! [`crate::framing::model`]).
//!
//! Every training item is scored by the base lexicons (no learned layer) and turned into the
//! layer's named features ([`crate::framing::model::features`]). Features found in fewer than
//! `min_count` training items are dropped (the numeric ones, `#…`, are always kept). The fit is
//! a multinomial logistic regression: per feature one weight for each class, per class an
//! intercept, class weights `N / (3 N_c)` (macro-F1 counts the classes alike), an item weight
//! per training file (in-domain items may count more), and an L2 penalty `1/(2C) Σ w²` on the
//! weights (not the intercepts). `C` is chosen by K-fold cross-validation on the training
//! items (folds by a hash of the text: the same sentence never sits on both sides) among a
//! fixed grid; the final fit uses every item. L-BFGS ([`super::lbfgs`]) from zero, in a fixed
//! order: the same input gives the same bytes.

use super::{fold_of, lbfgs};
use crate::analysis::{score_in, with_target, Analyzer};
use crate::corpus::boilerplate::Boilerplate;
use crate::framing::model::{argmax, features, softmax};
use crate::framing::stance;
use crate::lexicon::model::triple;
use crate::lexicon::{Gazetteer, Lexicon};
use crate::validate::{metrics, GoldItem, Metrics};
use std::collections::BTreeMap;

/// Weights are written with this many decimals.
const DECIMALS: i32 = 4;

/// Options of a fit.
#[derive(Clone, Debug)]
pub struct Options {
    /// Folds of the cross-validation (at least 2 to choose `C`; otherwise the first of the grid).
    pub folds: usize,
    /// Candidate inverse penalty strengths, in order.
    pub grid: Vec<f64>,
    /// Candidate weights of the items of the files after the first (in-domain items), in order.
    pub also_weights: Vec<f64>,
    /// Training items a feature must occur in.
    pub min_count: usize,
    /// L-BFGS iterations.
    pub max_iter: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            folds: 5,
            grid: vec![0.01, 0.03, 0.1],
            also_weights: vec![1.0],
            min_count: 2,
            max_iter: 400,
        }
    }
}

/// One training item as features.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// (feature, value), by feature.
    pub x: Vec<(u32, f64)>,
    /// −1, 0 or 1.
    pub label: i8,
    /// Item weight.
    pub weight: f64,
    /// Cross-validation fold.
    pub fold: usize,
    /// The training file it came from (0: the first).
    pub source: usize,
}

/// The features and the items.
#[derive(Clone, Debug)]
pub struct Data {
    /// Feature names, sorted.
    pub names: Vec<String>,
    /// Training items each feature occurs in.
    pub counts: Vec<usize>,
    /// Items that could be scored.
    pub rows: Vec<Row>,
    /// Items that could not (no word in the target).
    pub unscored: usize,
}

/// A fitted layer: weights per feature (−1, 0, +1) and intercepts.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// Weights, one triple per feature of [`Data::names`].
    pub weights: Vec<[f64; 3]>,
    /// Intercepts.
    pub intercept: [f64; 3],
}

/// The result of [`learn`].
#[derive(Clone, Debug)]
pub struct Learned {
    /// Features and items.
    pub data: Data,
    /// The `C` chosen.
    pub c: f64,
    /// The weight of the items of the files after the first, chosen.
    pub also_weight: f64,
    /// Per (weight, C) of the grids: the cross-validation figures of each training file's
    /// items, and their mean macro-F1 (what chooses: in-domain items weigh as much as the rest).
    pub cv: Vec<Trial>,
    /// The fit on every item.
    pub fit: Fit,
    /// Figures of the final fit on its own training items.
    pub train: Metrics,
}

/// One cross-validated setting: the weight of in-domain items, C, the figures of each training
/// file's items, their mean macro-F1.
pub type Trial = (f64, f64, Vec<Metrics>, f64);

/// One training item: the annotation and the file it came from (0: the first, the others are
/// in-domain items whose weight is chosen by cross-validation).
pub type Item = (GoldItem, usize);

/// The features of every item.
pub fn extract(
    base: &[Lexicon],
    items: &[Item],
    folds: usize,
    min_count: usize,
) -> Result<Data, crate::lexicon::Error> {
    let az = Analyzer::new(Gazetteer::bundled(), base.to_vec(), Boilerplate::bundled())?;
    // Per scored item: its named features and the item it came from.
    let mut named: Vec<(Vec<(String, f64)>, &Item)> = Vec::new();
    let mut unscored = 0;
    for item in items {
        let it = &item.0;
        let f = with_target(&az, &it.text, it.target, |an, range, t| {
            let score = score_in(&az, an, range, t);
            features(&an.tokens, &az.matcher, stance::window(range, t), t, &score)
        });
        match f {
            Some(f) => named.push((f, item)),
            None => unscored += 1,
        }
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (f, ..) in &named {
        for (name, _) in f {
            *counts.entry(name.as_str()).or_default() += 1;
        }
    }
    let kept: Vec<(&str, usize)> = counts
        .into_iter()
        .filter(|&(n, c)| c >= min_count || n.starts_with('#'))
        .collect();
    let index: BTreeMap<&str, u32> = kept
        .iter()
        .enumerate()
        .map(|(i, (n, _))| (*n, i as u32))
        .collect();
    let rows = named
        .iter()
        .map(|(f, (it, source))| Row {
            x: f.iter()
                .filter_map(|(n, v)| index.get(n.as_str()).map(|&j| (j, *v)))
                .filter(|&(_, v)| v != 0.0)
                .collect(),
            label: it.label,
            weight: 1.0,
            fold: fold_of(&it.text, folds),
            source: *source,
        })
        .collect();
    Ok(Data {
        names: kept.iter().map(|(n, _)| n.to_string()).collect(),
        counts: kept.iter().map(|&(_, c)| c).collect(),
        rows,
        unscored,
    })
}

fn logits(fit: &Fit, row: &Row) -> [f64; 3] {
    let mut z = fit.intercept;
    for &(j, v) in &row.x {
        let w = &fit.weights[j as usize];
        for c in 0..3 {
            z[c] += v * w[c];
        }
    }
    z
}

fn unpack(theta: &[f64], nf: usize) -> Fit {
    Fit {
        weights: (0..nf)
            .map(|j| [theta[3 * j], theta[3 * j + 1], theta[3 * j + 2]])
            .collect(),
        intercept: [theta[3 * nf], theta[3 * nf + 1], theta[3 * nf + 2]],
    }
}

/// The penalised, weighted negative log-likelihood at `theta` and its gradient.
fn objective(
    data: &Data,
    rows: &[usize],
    class_w: [f64; 3],
    l2: f64,
    theta: &[f64],
    grad: &mut [f64],
) -> f64 {
    let nf = data.names.len();
    grad.iter_mut().for_each(|g| *g = 0.0);
    let fit = unpack(theta, nf);
    let mut f = 0.0;
    for &i in rows {
        let row = &data.rows[i];
        let y = (row.label + 1) as usize;
        let s = row.weight * class_w[y];
        let z = logits(&fit, row);
        let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let lse = m + z.iter().map(|v| (v - m).exp()).sum::<f64>().ln();
        f += s * (lse - z[y]);
        let p = softmax(z);
        let d: [f64; 3] = std::array::from_fn(|c| s * (p[c] - f64::from(u8::from(c == y))));
        for &(j, v) in &row.x {
            for c in 0..3 {
                grad[3 * j as usize + c] += d[c] * v;
            }
        }
        for c in 0..3 {
            grad[3 * nf + c] += d[c];
        }
    }
    for k in 0..3 * nf {
        f += 0.5 * l2 * theta[k] * theta[k];
        grad[k] += l2 * theta[k];
    }
    f
}

/// Fits on the items `rows` with inverse penalty strength `c`.
pub fn fit(data: &Data, rows: &[usize], c: f64, max_iter: usize) -> Fit {
    let mut counts = [0.0f64; 3];
    for &i in rows {
        counts[(data.rows[i].label + 1) as usize] += data.rows[i].weight;
    }
    let total: f64 = counts.iter().sum();
    let class_w = counts.map(|n| if n == 0.0 { 0.0 } else { total / (3.0 * n) });
    let nf = data.names.len();
    let theta = lbfgs(
        |t, g| objective(data, rows, class_w, 1.0 / c, t, g),
        vec![0.0; 3 * nf + 3],
        max_iter,
    );
    let mut fit = unpack(&theta, nf);
    for w in &mut fit.weights {
        *w = w.map(written);
    }
    fit.intercept = fit.intercept.map(written);
    fit
}

/// A weight as written (rounded to [`DECIMALS`]).
fn written(w: f64) -> f64 {
    let p = 10f64.powi(DECIMALS);
    let r = (w * p).round() / p;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Figures of a fit on the items `rows`.
pub fn evaluate(data: &Data, fit: &Fit, rows: &[usize]) -> Metrics {
    let mut confusion = [[0u64; 3]; 3];
    for &i in rows {
        let row = &data.rows[i];
        let p = argmax(softmax(logits(fit, row)));
        confusion[(row.label + 1) as usize][(p + 1) as usize] += 1;
    }
    metrics(confusion, Vec::new())
}

/// Extracts the features, chooses `C` by cross-validation and fits on every item.
pub fn learn(
    base: &[Lexicon],
    items: &[Item],
    opts: &Options,
) -> Result<Learned, crate::lexicon::Error> {
    let mut data = extract(base, items, opts.folds, opts.min_count)?;
    let all: Vec<usize> = (0..data.rows.len()).collect();
    let sources = data.rows.iter().map(|r| r.source + 1).max().unwrap_or(0);
    let weigh = |data: &mut Data, w: f64| {
        for r in &mut data.rows {
            r.weight = if r.source == 0 { 1.0 } else { w };
        }
    };
    let mut cv: Vec<Trial> = Vec::new();
    if opts.folds > 1 {
        for &w in &opts.also_weights {
            weigh(&mut data, w);
            for &c in &opts.grid {
                let mut confusion = vec![[[0u64; 3]; 3]; sources];
                for k in 0..opts.folds {
                    let (test, train): (Vec<usize>, Vec<usize>) =
                        all.iter().partition(|&&i| data.rows[i].fold == k);
                    let m = fit(&data, &train, c, opts.max_iter);
                    for &i in &test {
                        let row = &data.rows[i];
                        let p = argmax(softmax(logits(&m, row)));
                        confusion[row.source][(row.label + 1) as usize][(p + 1) as usize] += 1;
                    }
                }
                let per: Vec<Metrics> = confusion
                    .into_iter()
                    .map(|cm| metrics(cm, Vec::new()))
                    .collect();
                let mean = per.iter().map(|m| m.macro_f1).sum::<f64>() / per.len().max(1) as f64;
                cv.push((w, c, per, mean));
            }
        }
    }
    // The best cross-validated setting; on a tie the first.
    let (also_weight, c) = cv
        .iter()
        .fold(None::<&Trial>, |best, x| match best {
            Some(b) if b.3 >= x.3 => Some(b),
            _ => Some(x),
        })
        .map_or(
            (
                opts.also_weights.first().copied().unwrap_or(1.0),
                opts.grid.first().copied().unwrap_or(0.03),
            ),
            |b| (b.0, b.1),
        );
    weigh(&mut data, also_weight);
    let fit = fit(&data, &all, c, opts.max_iter);
    let train = evaluate(&data, &fit, &all);
    Ok(Learned {
        data,
        c,
        also_weight,
        cv,
        fit,
        train,
    })
}

/// The learned layer as a lexicon file: `[meta]`, `[model]` with its note, and one line per
/// feature whose written weights are not all zero, sorted by name, with its evidence (`n`,
/// training items it occurs in).
pub fn to_toml(learned: &Learned, meta: &super::Meta, note: &str) -> String {
    let q = |s: &str| serde_json::Value::from(s).to_string();
    let mut out = format!(
        "# Learned by `framelens lexicon learn --model`: a stance layer over the lexicons loaded\n\
         # before it (docs/lexicon.md, \"The learned stance layer\"). Weights per class:\n\
         # unfavourable, neutral, favourable.\n\
         [meta]\nname = {}\nversion = {}\nlanguage = \"en\"\ndescription = {}\n\n\
         [model]\nnote = {}\nclasses = [-1, 0, 1]\nintercept = {}\n\n[model.weights]\n",
        q(&meta.name),
        q(&meta.version),
        q(&meta.description),
        q(note),
        triple(&learned.fit.intercept)
    );
    for ((name, n), w) in learned
        .data
        .names
        .iter()
        .zip(&learned.data.counts)
        .zip(&learned.fit.weights)
    {
        if w.iter().all(|&x| x == 0.0) {
            continue;
        }
        out.push_str(&format!("{} = {{ w = {}, n = {n} }}\n", q(name), triple(w)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Data {
        // Feature 0 marks unfavourable items, feature 1 favourable ones; feature 2 is noise.
        let mut rows = Vec::new();
        for k in 0..30 {
            let label = [-1i8, 0, 1][k % 3];
            let mut x = vec![(2u32, 1.0)];
            match label {
                -1 => x.insert(0, (0, 1.0)),
                1 => x.insert(0, (1, 1.0)),
                _ => {}
            }
            rows.push(Row {
                x,
                label,
                weight: 1.0,
                fold: k % 2,
                source: 0,
            });
        }
        Data {
            names: vec!["w:bad".into(), "w:good".into(), "w:the".into()],
            counts: vec![10, 10, 30],
            rows,
            unscored: 0,
        }
    }

    #[test]
    fn gradient_matches_finite_differences() {
        let d = data();
        let rows: Vec<usize> = (0..d.rows.len()).collect();
        let theta: Vec<f64> = (0..12).map(|k| (k as f64 * 0.37).sin() * 0.5).collect();
        let mut g = vec![0.0; 12];
        objective(&d, &rows, [1.0, 0.8, 1.3], 0.5, &theta, &mut g);
        for k in 0..12 {
            let mut up = theta.clone();
            let mut down = theta.clone();
            up[k] += 1e-6;
            down[k] -= 1e-6;
            let mut scratch = vec![0.0; 12];
            let num = (objective(&d, &rows, [1.0, 0.8, 1.3], 0.5, &up, &mut scratch)
                - objective(&d, &rows, [1.0, 0.8, 1.3], 0.5, &down, &mut scratch))
                / 2e-6;
            assert!((num - g[k]).abs() < 1e-4, "{k}: {num} vs {}", g[k]);
        }
    }

    #[test]
    fn a_separable_set_is_learned_and_its_words_carry_the_classes() {
        let d = data();
        let rows: Vec<usize> = (0..d.rows.len()).collect();
        let f = fit(&d, &rows, 1.0, 200);
        assert_eq!(evaluate(&d, &f, &rows).macro_f1, 1.0);
        assert!(f.weights[0][0] > f.weights[0][2], "{:?}", f.weights[0]);
        assert!(f.weights[1][2] > f.weights[1][0], "{:?}", f.weights[1]);
        // Held out by fold, the same.
        let train: Vec<usize> = rows.iter().copied().filter(|i| i % 2 == 0).collect();
        let test: Vec<usize> = rows.iter().copied().filter(|i| i % 2 == 1).collect();
        let f = fit(&d, &train, 1.0, 200);
        assert_eq!(evaluate(&d, &f, &test).macro_f1, 1.0);
    }
}
