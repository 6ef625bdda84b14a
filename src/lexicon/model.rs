//! The learned stance layer's data and arithmetic: per feature one weight for each class
//! (unfavourable, neutral, favourable), read from a lexicon's `[model]` section. The features
//! themselves are named by `framing::model::features`; a decision is the class whose
//! sum of weights is highest, and the stance score `P(favourable) − P(unfavourable)`.

use std::collections::HashMap;

/// Features shown with a decision.
const SHOWN: usize = 6;

/// A fitted model: per feature, a weight for each class (−1, 0, +1).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StanceModel {
    /// The lexicon (`meta.name`) it was read from.
    pub lexicon: String,
    /// Per-class intercept.
    pub intercept: [f64; 3],
    /// Weights by feature name.
    pub weights: HashMap<String, [f64; 3]>,
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
    /// The decision for `features` ([`features`]).
    pub fn decide(&self, features: &[(String, f64)]) -> Decision {
        let mut z = self.intercept;
        let mut used: Vec<(&str, f64, [f64; 3])> = Vec::new();
        for (name, v) in features {
            if let Some(w) = self.weights.get(name) {
                for c in 0..3 {
                    z[c] += v * w[c];
                }
                used.push((name, *v, *w));
            }
        }
        let p = softmax(z);
        let class = argmax(p);
        let c = (class + 1) as usize;
        let mut shown: Vec<(String, f64)> = used
            .into_iter()
            .map(|(n, v, w)| (n.to_string(), v * (w[c] - (w[0] + w[1] + w[2]) / 3.0)))
            .filter(|(_, x)| *x != 0.0)
            .collect();
        shown.sort_by(|x, y| y.1.abs().total_cmp(&x.1.abs()).then_with(|| x.0.cmp(&y.0)));
        shown.truncate(SHOWN);
        for s in &mut shown {
            s.1 = crate::float::round_signed(s.1, 3);
        }
        Decision {
            p: p.map(|x| crate::float::round_signed(x, 6)),
            class,
            features: shown,
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
        let mut m = StanceModel {
            lexicon: "t".into(),
            intercept: [0.0, 0.5, 0.0],
            weights: HashMap::new(),
        };
        m.weights.insert("w:condemned".into(), [2.0, 0.0, -1.0]);
        m.weights.insert("pos:start".into(), [0.0, 0.0, 0.1]);
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
