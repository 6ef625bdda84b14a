//! Fitting stance term weights to annotated target-stance data (`framelens lexicon learn`).
//!
//! The features are the lexicon's own stance terms as [`crate::framing::stance::score`]
//! applies them to the target's sentence: every term is scored once with weight 1, so that the
//! effective value of a contribution is the product of the rules that fired for it (negation,
//! intensifier, contrast, other clause, distancing, scare quotes, act direction, proximity).
//! The raw score is then linear in the weights, `raw = Σ w_j · x_j + adj` (`adj`: the rules on
//! the target itself), and the scorer's decision is `raw` against a fixed band `±t0` (the
//! normalised band ±[`THRESHOLD`]). The fit is an ordinal logistic regression on `raw`:
//! `P(y = −1) = σ(a(−t0 − raw))`, `P(y = 1) = σ(a(raw − t0))`, with a fitted slope `a`,
//! class weights `N / (3 N_c)` (macro-F1 counts the classes alike) and an L2 penalty
//! `λ/2 Σ (w_j − prior_j)²` toward the base lexicon's weights (0 for new candidate terms), so a
//! term with little evidence keeps its prior. L-BFGS, written out below, with a fixed start (the
//! priors) and fixed order: the same input gives the same bytes.
//!
//! New candidate terms are the lower-case words (`[a-z]{3,}`, not stop words) that no lexicon
//! entry covers, found outside the target in the target's sentence of at least `min_count`
//! training items. The output is an ordinary lexicon (`[meta]` and `[stance]`), to be loaded
//! after its base lexicons: every entry whose learned weight differs from its prior, with its
//! evidence (items where the term counted) in a note `learned: n=37, prior 0.0`.

pub mod model;

use crate::analysis::{with_target, Analyzer};
use crate::corpus::boilerplate::Boilerplate;
use crate::framing::stance::THRESHOLD;
use crate::lexicon::{Gazetteer, HitKind, Lexicon};
use crate::validate::{metrics, GoldItem, Metrics};
use std::collections::{BTreeMap, VecDeque};

/// Name of the lexicon that holds the candidate terms while features are extracted.
const CANDIDATES: &str = "learn-candidates";
/// Weights are written with this many decimals.
const WEIGHT_DECIMALS: i32 = 2;

/// Options of a fit.
#[derive(Clone, Debug)]
pub struct Options {
    /// Folds of the cross-validation (0 or 1: none).
    pub folds: usize,
    /// Strength of the L2 penalty toward the prior weights (in items).
    pub l2: f64,
    /// Items a new candidate term must occur in.
    pub min_count: usize,
    /// Class weights `N / (3 N_c)`.
    pub balanced: bool,
    /// Also two-word candidates (adjacent lower-case words, not both stop words).
    pub bigrams: bool,
    /// L-BFGS iterations.
    pub max_iter: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            folds: 5,
            l2: 2.0,
            min_count: 20,
            balanced: true,
            bigrams: false,
            max_iter: 300,
        }
    }
}

/// One feature: a stance entry of the lexicons fitted.
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    /// The term as written.
    pub term: String,
    /// Evaluative act.
    pub act: bool,
    /// The weight in the base lexicons (0 for a candidate).
    pub prior: f64,
    /// The lexicon it came from (empty for a new candidate).
    pub lexicon: String,
    /// Training items where it counted.
    pub n: usize,
}

/// One training item as features.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// (feature, summed effective value with weight 1), by feature.
    pub x: Vec<(u32, f64)>,
    /// What the rules on the target itself add.
    pub adj: f64,
    /// −1, 0 or 1.
    pub label: i8,
    /// Cross-validation fold.
    pub fold: usize,
}

/// The features and the items.
#[derive(Clone, Debug)]
pub struct Data {
    /// Features, in matcher order.
    pub features: Vec<Feature>,
    /// Items that could be scored.
    pub examples: Vec<Example>,
    /// Items that could not (no word in the target).
    pub unscored: usize,
}

/// A fitted model.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Weight per feature.
    pub weights: Vec<f64>,
    /// The slope `a` of the ordinal logistic model.
    pub slope: f64,
}

/// The result of [`learn`].
#[derive(Clone, Debug)]
pub struct Learned {
    /// Features and items.
    pub data: Data,
    /// The fit on every item.
    pub model: Model,
    /// Cross-validation figures (the folds' predictions pooled), if any.
    pub cv: Option<Metrics>,
    /// Figures of the final fit on its own training items.
    pub train: Metrics,
}

/// The neutral band on the raw score: `THRESHOLD` on `raw / sqrt(raw² + 15)`.
pub fn raw_threshold() -> f64 {
    THRESHOLD * 15f64.sqrt() / (1.0 - THRESHOLD * THRESHOLD).sqrt()
}

fn analyzer(lexicons: Vec<Lexicon>) -> Result<Analyzer, crate::lexicon::Error> {
    Analyzer::new(Gazetteer::bundled(), lexicons, Boilerplate::bundled())
}

/// The new candidate terms: lower-case words outside the target in the target's sentence,
/// covered by no lexicon entry, not stop words, in at least `min_count` items; sorted.
pub fn candidates(
    base: &[Lexicon],
    items: &[GoldItem],
    min_count: usize,
    bigrams: bool,
) -> Result<Vec<String>, crate::lexicon::Error> {
    let az = analyzer(base.to_vec())?;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for it in items {
        with_target(&az, &it.text, it.target, |an, (a, b), (t0, t1)| {
            let toks = &an.tokens;
            let covered = |i: usize| {
                an.hits.iter().any(|h| {
                    (h.first as usize) <= i
                        && i <= h.last as usize
                        && !matches!(
                            h.kind,
                            HitKind::Label { .. } | HitKind::Exclude { .. } | HitKind::Frame { .. }
                        )
                })
            };
            let mut seen: Vec<&str> = Vec::new();
            for i in a..b {
                if (t0..=t1).contains(&i) || !toks.tokens[i].word {
                    continue;
                }
                let word = toks.tokens[i].span.of(&it.text);
                if word.len() < 3
                    || !word.bytes().all(|c| c.is_ascii_lowercase())
                    || az.stopwords.contains(word)
                    || seen.contains(&word)
                    || covered(i)
                {
                    continue;
                }
                seen.push(word);
            }
            let mut pairs: Vec<String> = Vec::new();
            let lower = |i: usize| {
                let w = toks.tokens[i].span.of(&it.text);
                (toks.tokens[i].word
                    && !(t0..=t1).contains(&i)
                    && w.len() >= 2
                    && w.bytes().all(|c| c.is_ascii_lowercase())
                    && !covered(i))
                .then_some(w)
            };
            for i in a..b.saturating_sub(1).max(a) {
                if !bigrams {
                    break;
                }
                let (Some(x), Some(y)) = (lower(i), lower(i + 1)) else {
                    continue;
                };
                if az.stopwords.contains(x) && az.stopwords.contains(y) {
                    continue;
                }
                let p = format!("{x} {y}");
                if !pairs.contains(&p) {
                    pairs.push(p);
                }
            }
            for w in seen {
                *counts.entry(w.to_string()).or_default() += 1;
            }
            for p in pairs {
                *counts.entry(p).or_default() += 1;
            }
        });
    }
    Ok(counts
        .into_iter()
        .filter(|(_, n)| *n >= min_count.max(1))
        .map(|(w, _)| w)
        .collect())
}

/// The candidate terms as a lexicon (weight 0).
fn candidate_lexicon(words: &[String]) -> Result<Lexicon, crate::lexicon::Error> {
    let mut t = format!(
        "[meta]\nname = \"{CANDIDATES}\"\nversion = \"0\"\nlanguage = \"en\"\n\n[stance]\n"
    );
    for w in words {
        t.push_str(&format!("{} = 0\n", serde_json::Value::from(w.as_str())));
    }
    Lexicon::load_checked(&t, CANDIDATES)
}

/// The fold of an item: a stable hash of its text, so that the targets of one sentence are in
/// the same fold.
fn fold_of(text: &str, folds: usize) -> usize {
    if folds <= 1 {
        0
    } else {
        (crate::hash::fnv(text.as_bytes(), 15) % folds as u64) as usize
    }
}

/// Scores every item with every stance weight set to 1 (base lexicons and candidates) and
/// records each term's effective value: the features.
pub fn extract(
    base: &[Lexicon],
    candidates: &[String],
    items: &[GoldItem],
    folds: usize,
) -> Result<Data, crate::lexicon::Error> {
    let mut lexicons = base.to_vec();
    if !candidates.is_empty() {
        lexicons.push(candidate_lexicon(candidates)?);
    }
    let mut az = analyzer(lexicons)?;
    let mut features: Vec<Feature> = az
        .matcher
        .stance
        .iter()
        .map(|s| Feature {
            term: s.term.clone(),
            act: s.act,
            prior: s.weight,
            lexicon: if s.lexicon == CANDIDATES {
                String::new()
            } else {
                s.lexicon.clone()
            },
            n: 0,
        })
        .collect();
    for s in &mut az.matcher.stance {
        s.weight = 1.0;
    }
    let mut examples = Vec::new();
    let mut unscored = 0;
    for it in items {
        let Some(score) = crate::analysis::score_target(&az, &it.text, it.target) else {
            unscored += 1;
            continue;
        };
        let mut x: BTreeMap<u32, f64> = BTreeMap::new();
        let mut sum = 0.0;
        for c in &score.contributions {
            if c.effective != 0.0 {
                *x.entry(c.entry).or_default() += c.effective;
                sum += c.effective;
            }
        }
        for &j in x.keys() {
            features[j as usize].n += 1;
        }
        examples.push(Example {
            x: x.into_iter().collect(),
            adj: crate::float::round_signed(score.raw - sum, 6),
            label: it.label,
            fold: fold_of(&it.text, folds),
        });
    }
    Ok(Data {
        features,
        examples,
        unscored,
    })
}

/// The raw score of an example under weights `w`.
pub fn raw(w: &[f64], ex: &Example) -> f64 {
    ex.adj + ex.x.iter().map(|&(j, v)| w[j as usize] * v).sum::<f64>()
}

/// The scorer's label for a raw score.
pub fn label_of(raw: f64) -> i8 {
    let s = crate::float::round_signed(raw / (raw * raw + 15.0).sqrt(), 6);
    if s > THRESHOLD {
        1
    } else if s < -THRESHOLD {
        -1
    } else {
        0
    }
}

/// `ln σ(z)`, stable.
fn log_sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        -(-z).exp().ln_1p()
    } else {
        z - z.exp().ln_1p()
    }
}

fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// Loss of one example and its derivatives by the raw score and by the slope.
fn item_loss(r: f64, a: f64, t0: f64, y: i8) -> (f64, f64, f64) {
    let u = a * (-t0 - r);
    let v = a * (t0 - r);
    let (l, dl_du, dl_dv) = match y {
        -1 => (-log_sigmoid(u), sigmoid(u) - 1.0, 0.0),
        1 => (-log_sigmoid(-v), 0.0, sigmoid(v)),
        _ => {
            // P0 = σ(v) − σ(u) = σ(v) σ(−u) (1 − e^{u−v}), v − u = 2 a t0 > 0.
            let d = v - u;
            let l = -(log_sigmoid(v) + log_sigmoid(-u) + (-(-d).exp()).ln_1p());
            let q = 1.0 / d.exp_m1();
            (l, sigmoid(u) + q, -(sigmoid(-v) + q))
        }
    };
    let dl_dr = -a * (dl_du + dl_dv);
    let dl_da = dl_du * (-t0 - r) + dl_dv * (t0 - r);
    (l, dl_dr, dl_da)
}

/// The objective (penalised, class-weighted loss) and its gradient at `theta` = weights then
/// `ln a`, over the examples `rows`.
fn objective(
    data: &Data,
    rows: &[usize],
    class_w: [f64; 3],
    l2: f64,
    theta: &[f64],
    grad: &mut [f64],
) -> f64 {
    let nf = data.features.len();
    let (w, s) = theta.split_at(nf);
    let a = s[0].exp();
    let t0 = raw_threshold();
    grad.iter_mut().for_each(|g| *g = 0.0);
    let mut f = 0.0;
    let mut da = 0.0;
    for &i in rows {
        let ex = &data.examples[i];
        let cw = class_w[(ex.label + 1) as usize];
        let (l, dr, dda) = item_loss(raw(w, ex), a, t0, ex.label);
        f += cw * l;
        da += cw * dda;
        for &(j, v) in &ex.x {
            grad[j as usize] += cw * dr * v;
        }
    }
    for j in 0..nf {
        let d = w[j] - data.features[j].prior;
        f += 0.5 * l2 * d * d;
        grad[j] += l2 * d;
    }
    grad[nf] = da * a;
    f
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Minimises `f` (value and gradient) from `x` by L-BFGS (10 pairs) with a backtracking
/// (Armijo) line search; deterministic.
pub fn lbfgs(
    mut f: impl FnMut(&[f64], &mut [f64]) -> f64,
    mut x: Vec<f64>,
    max_iter: usize,
) -> Vec<f64> {
    let n = x.len();
    let mut g = vec![0.0; n];
    let mut fx = f(&x, &mut g);
    let mut hist: VecDeque<(Vec<f64>, Vec<f64>, f64)> = VecDeque::new();
    let mut xn = vec![0.0; n];
    let mut gn = vec![0.0; n];
    for _ in 0..max_iter {
        let gnorm = dot(&g, &g).sqrt();
        if gnorm < 1e-6 {
            break;
        }
        // Two-loop recursion: d = −H g.
        let mut q = g.clone();
        let mut alphas = Vec::with_capacity(hist.len());
        for (s, y, rho) in hist.iter().rev() {
            let al = rho * dot(s, &q);
            q.iter_mut().zip(y).for_each(|(qi, yi)| *qi -= al * yi);
            alphas.push(al);
        }
        let gamma = match hist.back() {
            Some((s, y, _)) => dot(s, y) / dot(y, y),
            None => 1.0 / gnorm.max(1.0),
        };
        q.iter_mut().for_each(|qi| *qi *= gamma);
        for ((s, y, rho), al) in hist.iter().zip(alphas.iter().rev()) {
            let b = rho * dot(y, &q);
            q.iter_mut()
                .zip(s)
                .for_each(|(qi, si)| *qi += si * (al - b));
        }
        let mut d: Vec<f64> = q.iter().map(|v| -v).collect();
        let mut slope = dot(&g, &d);
        if slope >= 0.0 {
            hist.clear();
            d = g.iter().map(|v| -v / gnorm.max(1.0)).collect();
            slope = dot(&g, &d);
        }
        let mut step = 1.0;
        let fnew = loop {
            xn.iter_mut()
                .zip(x.iter().zip(&d))
                .for_each(|(o, (xi, di))| *o = xi + step * di);
            let v = f(&xn, &mut gn);
            if v.is_finite() && v <= fx + 1e-4 * step * slope {
                break Some(v);
            }
            step *= 0.5;
            if step < 1e-12 {
                break None;
            }
        };
        let Some(fnew) = fnew else { break };
        let s: Vec<f64> = xn.iter().zip(&x).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = gn.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        if sy > 1e-12 {
            if hist.len() == 10 {
                hist.pop_front();
            }
            hist.push_back((s, y, 1.0 / sy));
        }
        let done = (fx - fnew).abs() <= 1e-10 * fx.abs().max(1.0);
        std::mem::swap(&mut x, &mut xn);
        std::mem::swap(&mut g, &mut gn);
        fx = fnew;
        if done {
            break;
        }
    }
    x
}

/// Fits the weights on the examples `rows`, starting from the priors.
pub fn fit(data: &Data, rows: &[usize], opts: &Options) -> Model {
    let mut counts = [0usize; 3];
    for &i in rows {
        counts[(data.examples[i].label + 1) as usize] += 1;
    }
    let class_w = if opts.balanced {
        counts.map(|c| {
            if c == 0 {
                0.0
            } else {
                rows.len() as f64 / (3.0 * c as f64)
            }
        })
    } else {
        [1.0; 3]
    };
    let nf = data.features.len();
    let mut theta: Vec<f64> = data.features.iter().map(|f| f.prior).collect();
    theta.push(0.0);
    let theta = lbfgs(
        |t, g| objective(data, rows, class_w, opts.l2, t, g),
        theta,
        opts.max_iter,
    );
    Model {
        weights: theta[..nf].iter().map(|w| w.clamp(-4.0, 4.0)).collect(),
        slope: theta[nf].exp(),
    }
}

/// The weights as they are written (rounded).
fn written(w: f64) -> f64 {
    let p = 10f64.powi(WEIGHT_DECIMALS);
    let r = (w * p).round() / p;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Figures of a model on the examples `rows`, with the weights as written.
pub fn evaluate(data: &Data, model: &Model, rows: &[usize]) -> Metrics {
    let w: Vec<f64> = model.weights.iter().map(|&x| written(x)).collect();
    let mut confusion = [[0u64; 3]; 3];
    for &i in rows {
        let ex = &data.examples[i];
        confusion[(ex.label + 1) as usize][(label_of(raw(&w, ex)) + 1) as usize] += 1;
    }
    metrics(confusion, Vec::new())
}

/// Extracts the features, cross-validates (K folds by a hash of the text) and fits on all
/// items.
pub fn learn(
    base: &[Lexicon],
    items: &[GoldItem],
    opts: &Options,
) -> Result<Learned, crate::lexicon::Error> {
    let cands = candidates(base, items, opts.min_count, opts.bigrams)?;
    let data = extract(base, &cands, items, opts.folds)?;
    let all: Vec<usize> = (0..data.examples.len()).collect();
    let cv = (opts.folds > 1).then(|| {
        let mut confusion = [[0u64; 3]; 3];
        for k in 0..opts.folds {
            let train: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&i| data.examples[i].fold != k)
                .collect();
            let test: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&i| data.examples[i].fold == k)
                .collect();
            let m = fit(&data, &train, opts);
            let e = evaluate(&data, &m, &test);
            for (r, row) in e.confusion.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    confusion[r][c] += v;
                }
            }
        }
        metrics(confusion, Vec::new())
    });
    let model = fit(&data, &all, opts);
    let train = evaluate(&data, &model, &all);
    Ok(Learned {
        data,
        model,
        cv,
        train,
    })
}

/// What the output lexicon's `[meta]` says.
#[derive(Clone, Debug)]
pub struct Meta {
    /// `meta.name`.
    pub name: String,
    /// `meta.version`.
    pub version: String,
    /// `meta.description`.
    pub description: String,
}

/// The learned lexicon as TOML: every term with evidence whose written weight differs from its
/// prior, sorted by term, with `learned: n=…, prior …` (and the base lexicon) in its note.
pub fn to_toml(learned: &Learned, meta: &Meta) -> String {
    let q = |s: &str| serde_json::Value::from(s).to_string();
    let mut out = format!(
        "# Learned by `framelens lexicon learn`: load it after its base lexicons.\n[meta]\nname = {}\nversion = {}\nlanguage = \"en\"\ndescription = {}\n\n[stance]\n",
        q(&meta.name),
        q(&meta.version),
        q(&meta.description)
    );
    let mut rows: Vec<(String, String)> = Vec::new();
    for (f, &w) in learned.data.features.iter().zip(&learned.model.weights) {
        let w = written(w);
        if f.n == 0 || w == written(f.prior) {
            continue;
        }
        let from = if f.lexicon.is_empty() {
            String::new()
        } else {
            format!(" from {}", f.lexicon)
        };
        let note = format!("learned: n={}, prior {:.1}{from}", f.n, f.prior);
        let act = if f.act { ", act = true" } else { "" };
        rows.push((
            f.term.clone(),
            format!(
                "{} = {{ weight = {w}{act}, note = {} }}\n",
                q(&f.term),
                q(&note)
            ),
        ));
    }
    rows.sort();
    for (_, r) in rows {
        out.push_str(&r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gradient_matches_finite_differences() {
        for y in [-1i8, 0, 1] {
            for r in [-3.0, -0.2, 0.0, 0.4, 2.5] {
                let a = 1.3;
                let t0 = raw_threshold();
                let (l, dr, da) = item_loss(r, a, t0, y);
                let h = 1e-6;
                let nr = (item_loss(r + h, a, t0, y).0 - item_loss(r - h, a, t0, y).0) / (2.0 * h);
                let na = (item_loss(r, a + h, t0, y).0 - item_loss(r, a - h, t0, y).0) / (2.0 * h);
                assert!(l.is_finite() && l >= 0.0);
                assert!((nr - dr).abs() < 1e-5, "y {y} r {r}: {nr} vs {dr}");
                assert!((na - da).abs() < 1e-5, "y {y} r {r}: {na} vs {da}");
            }
        }
    }

    #[test]
    fn lbfgs_finds_a_quadratic_minimum() {
        let x = lbfgs(
            |x, g| {
                g[0] = 2.0 * (x[0] - 3.0);
                g[1] = 20.0 * (x[1] + 1.0);
                (x[0] - 3.0).powi(2) + 10.0 * (x[1] + 1.0).powi(2)
            },
            vec![0.0, 0.0],
            100,
        );
        assert!(
            (x[0] - 3.0).abs() < 1e-4 && (x[1] + 1.0).abs() < 1e-4,
            "{x:?}"
        );
    }

    #[test]
    fn raw_threshold_is_the_normalised_band() {
        let t = raw_threshold();
        assert_eq!(label_of(t + 1e-3), 1);
        assert_eq!(label_of(t - 1e-3), 0);
        assert_eq!(label_of(-t - 1e-3), -1);
    }
}
