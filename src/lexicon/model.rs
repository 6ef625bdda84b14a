//! The learned stance layer's data and arithmetic: per feature one weight for each class
//! (unfavourable, neutral, favourable), read from a lexicon's `[model]` section. The features
//! themselves are named by `framing::model::features`; a decision is the class whose
//! sum of weights is highest, and the stance score `P(favourable) − P(unfavourable)`.

use rustc_hash::FxHashMap;

/// Features shown with a decision.
const SHOWN: usize = 6;

/// Features of a target as the scorer names them: the words of its sentence (each word other
/// than the target stands for `w:word`, `l:word` or `r:word` by its side, and `n:word` when
/// near; each pair of adjacent words for `w:first second`), or any other feature by its full
/// name with its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Feat<'a> {
    /// The sentence's words in order, the target among them as one placeholder word.
    Words {
        /// The words (keys), the placeholder included.
        words: &'a [&'a str],
        /// The placeholder's index (`words.len()` when there is none: every word is before it).
        at: usize,
        /// Words at most this far from the placeholder are near it.
        near: usize,
    },
    /// A feature by name, with its value.
    Name(&'a str, f64),
}

impl Feat<'_> {
    /// Calls `f` with the full name and value of each feature this stands for.
    pub fn names(&self, buf: &mut String, f: &mut dyn FnMut(&str, f64)) {
        match *self {
            Feat::Words { words, at, near } => {
                for (k, word) in words.iter().enumerate() {
                    if k == at {
                        continue;
                    }
                    for (prefix, on) in [
                        ("w:", true),
                        (if k < at { "l:" } else { "r:" }, true),
                        ("n:", k.abs_diff(at) <= near),
                    ] {
                        if on {
                            buf.clear();
                            buf.push_str(prefix);
                            buf.push_str(word);
                            f(buf, 1.0);
                        }
                    }
                }
                for p in words.windows(2) {
                    buf.clear();
                    buf.push_str("w:");
                    buf.push_str(p[0]);
                    buf.push(' ');
                    buf.push_str(p[1]);
                    f(buf, 1.0);
                }
            }
            Feat::Name(n, v) => f(n, v),
        }
    }
}

/// No feature (in [`StanceModel`]'s per-word index).
const NONE: u32 = u32::MAX;

/// A fitted model, a weight for each class (−1, 0, +1).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StanceModel {
    /// The lexicon (`meta.name`) it was read from.
    pub lexicon: String,
    /// Per-class intercept.
    pub intercept: [f64; 3],
    /// Feature names, sorted, and their weights.
    names: Vec<String>,
    weights: Vec<[f64; 3]>,
    /// Index of each name.
    index: FxHashMap<String, u32>,
    /// Per word: the index of `w:`, `l:`, `r:` and `n:` with that word, and the word's number
    /// among the words of pair features (each [`NONE`] if absent).
    words: FxHashMap<String, [u32; 5]>,
    /// Per pair feature `w:first second`: the two words' numbers (first in the high half).
    pairs: FxHashMap<u64, u32>,
}

/// What the model decided for one target.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Decision {
    /// Probabilities of unfavourable, neutral, favourable.
    pub p: [f64; 3],
    /// −1, 0 or 1.
    pub class: i8,
    /// The features that weighed most for the class chosen against the others, with that
    /// weight (feature value × (weight for the class − mean weight of the classes)).
    pub features: Vec<(String, f64)>,
}

/// A weight triple as written in a lexicon file and shown by `lexicon diff`: `[-0.25, 0.02, 0.23]`.
pub fn triple(w: &[f64; 3]) -> String {
    format!("[{}, {}, {}]", w[0], w[1], w[2])
}

/// `x` rounded half away from zero to a power of ten `scale` (as the stance scorer rounds).
fn rounded(x: f64, scale: f64) -> f64 {
    (x * scale).round() / scale
}

/// Softmax of three logits, stable.
pub fn softmax(z: [f64; 3]) -> [f64; 3] {
    let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e = z.map(|v| (v - m).exp());
    let s: f64 = e.iter().sum();
    e.map(|v| v / s)
}

/// The class of the highest probability (the first on a tie, in the order −1, 0, +1).
pub fn argmax(p: [f64; 3]) -> i8 {
    let mut best = 0;
    for c in 1..3 {
        if p[c] > p[best] {
            best = c;
        }
    }
    best as i8 - 1
}

impl Decision {
    /// The decision in words, for evidence: the class, its probabilities and the features that
    /// weighed most, named as learned ("learned layer: unfavourable (P 0.71 / 0.20 / 0.09);
    /// w:condemned +1.21, t-:attack +0.40").
    pub fn explain(&self) -> String {
        let class = ["unfavourable", "neutral", "favourable"][(self.class + 1) as usize];
        let f: Vec<String> = self
            .features
            .iter()
            .map(|(n, x)| format!("{n} {x:+.2}"))
            .collect();
        format!(
            "learned layer: {class} (P {:.2} / {:.2} / {:.2}){}{}",
            self.p[0],
            self.p[1],
            self.p[2],
            if f.is_empty() { "" } else { "; " },
            f.join(", ")
        )
    }
}

impl StanceModel {
    /// A model of the given intercepts and (feature, weights), in any order; a feature given
    /// twice keeps its last weights.
    pub fn new(
        lexicon: &str,
        intercept: [f64; 3],
        weights: impl IntoIterator<Item = (String, [f64; 3])>,
    ) -> StanceModel {
        let sorted: std::collections::BTreeMap<String, [f64; 3]> = weights.into_iter().collect();
        let (names, weights): (Vec<String>, Vec<[f64; 3]>) = sorted.into_iter().unzip();
        let index = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        let mut words: FxHashMap<String, [u32; 5]> = FxHashMap::default();
        let mut pair_words = 0u32;
        let mut pairs: FxHashMap<u64, u32> = FxHashMap::default();
        for (i, n) in names.iter().enumerate() {
            for (k, prefix) in ["w:", "l:", "r:", "n:"].into_iter().enumerate() {
                let Some(w) = n.strip_prefix(prefix) else {
                    continue;
                };
                match w.split_once(' ') {
                    // A pair: its words are numbered as they come (a word has no space; a name
                    // of three words is no feature a sentence gives).
                    Some((a, b)) if k == 0 => {
                        if b.contains(' ') {
                            continue;
                        }
                        let mut number = |w: &str| {
                            let e = words.entry(w.to_string()).or_insert([NONE; 5]);
                            if e[4] == NONE {
                                e[4] = pair_words;
                                pair_words += 1;
                            }
                            u64::from(e[4])
                        };
                        let key = (number(a) << 32) | number(b);
                        pairs.insert(key, i as u32);
                    }
                    _ => words.entry(w.to_string()).or_insert([NONE; 5])[k] = i as u32,
                }
            }
        }
        StanceModel {
            lexicon: lexicon.to_string(),
            intercept,
            names,
            weights,
            index,
            words,
            pairs,
        }
    }

    /// The weights of feature `name`.
    pub fn weights(&self, name: &str) -> Option<[f64; 3]> {
        self.index.get(name).map(|&i| self.weights[i as usize])
    }

    /// Every feature with its weights, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[f64; 3])> {
        self.names.iter().map(String::as_str).zip(&self.weights)
    }

    /// The decision for `features` (name and value, sorted by name, each once).
    pub fn decide(&self, features: &[(String, f64)]) -> Decision {
        self.decide_with(|f| {
            for (n, v) in features {
                f(Feat::Name(n, *v));
            }
        })
    }

    /// The decision for the features that `visit` calls its argument with (in any order; a
    /// name given twice counts once, with its first value). The weights are summed in the
    /// order of the names, as they were fitted.
    pub fn decide_with(&self, visit: impl FnOnce(&mut dyn FnMut(Feat<'_>))) -> Decision {
        // (feature index, value): sorted by index, the weights add up in the order of the
        // names, as they were fitted.
        let mut used: Vec<(u32, f64)> = Vec::new();
        let mut buf = String::new();
        let mut numbers: Vec<u32> = Vec::new();
        visit(&mut |feat| match feat {
            // Each word looked up once for its features and its number among pair words; the
            // pairs by the two numbers.
            Feat::Words { words, at, near } => {
                numbers.clear();
                for (k, word) in words.iter().enumerate() {
                    let Some(ix) = self.words.get(*word) else {
                        numbers.push(NONE);
                        continue;
                    };
                    numbers.push(ix[4]);
                    if k == at {
                        continue;
                    }
                    let side = if k < at { ix[1] } else { ix[2] };
                    for (i, on) in [(ix[0], true), (side, true), (ix[3], k.abs_diff(at) <= near)] {
                        if on && i != NONE {
                            used.push((i, 1.0));
                        }
                    }
                }
                for p in numbers.windows(2) {
                    if p[0] != NONE && p[1] != NONE {
                        if let Some(&i) =
                            self.pairs.get(&((u64::from(p[0]) << 32) | u64::from(p[1])))
                        {
                            used.push((i, 1.0));
                        }
                    }
                }
            }
            other => other.names(&mut buf, &mut |name, v| {
                if let Some(&i) = self.index.get(name) {
                    used.push((i, v));
                }
            }),
        });
        // Duplicates are binary features (value 1): which copy is kept does not matter.
        used.sort_unstable_by_key(|x| x.0);
        used.dedup_by_key(|x| x.0);
        let mut z = self.intercept;
        for &(i, v) in &used {
            let w = &self.weights[i as usize];
            for c in 0..3 {
                z[c] += v * w[c];
            }
        }
        let p = softmax(z);
        let class = argmax(p);
        let c = (class + 1) as usize;
        // What each feature adds to the chosen class against the mean of the classes; the
        // largest first, ties by name (the index order).
        let mut shown: Vec<(u32, f64)> = used
            .into_iter()
            .map(|(i, v)| {
                let w = &self.weights[i as usize];
                (i, v * (w[c] - (w[0] + w[1] + w[2]) / 3.0))
            })
            .filter(|(_, x)| *x != 0.0)
            .collect();
        // Only the first SHOWN in that (total) order are kept: selected, then sorted.
        let order =
            |x: &(u32, f64), y: &(u32, f64)| y.1.abs().total_cmp(&x.1.abs()).then(x.0.cmp(&y.0));
        if shown.len() > SHOWN {
            shown.select_nth_unstable_by(SHOWN - 1, order);
            shown.truncate(SHOWN);
        }
        shown.sort_unstable_by(order);
        Decision {
            p: p.map(|x| rounded(x, 1e6)),
            class,
            features: shown
                .into_iter()
                .map(|(i, x)| (self.names[i as usize].clone(), rounded(x, 1e3)))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softmax_sums_to_one_and_argmax_prefers_the_first_on_a_tie() {
        let p = softmax([1.0, 2.0, 3.0]);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(p[2] > p[1] && p[1] > p[0]);
        assert_eq!(argmax([0.4, 0.2, 0.4]), -1);
        assert_eq!(argmax([0.2, 0.5, 0.3]), 0);
        assert_eq!(argmax(softmax([1000.0, 0.0, 1001.0])), 1);
    }

    #[test]
    fn a_decision_is_the_sum_of_the_weights_it_shows() {
        let m = StanceModel::new(
            "t",
            [0.0, 0.5, 0.0],
            [
                ("w:condemned".to_string(), [2.0, 0.0, -1.0]),
                ("pos:start".to_string(), [0.0, 0.0, 0.1]),
            ],
        );
        assert_eq!(m.weights("pos:start"), Some([0.0, 0.0, 0.1]));
        assert_eq!(m.iter().next().map(|x| x.0), Some("pos:start"));
        let d = m.decide(&[
            ("pos:start".to_string(), 1.0),
            ("w:condemned".to_string(), 1.0),
            ("w:unknown".to_string(), 1.0),
        ]);
        assert_eq!(d.class, -1);
        assert_eq!(d.features[0].0, "w:condemned");
        assert!((d.features[0].1 - 1.667).abs() < 1e-9);
        assert_eq!(
            d.explain(),
            format!(
                "learned layer: unfavourable (P {:.2} / {:.2} / {:.2}); w:condemned +1.67, pos:start -0.03",
                d.p[0], d.p[1], d.p[2]
            )
        );
        let neutral = m.decide(&[]);
        assert_eq!(neutral.class, 0);
        assert!(neutral.features.is_empty());
    }
}
