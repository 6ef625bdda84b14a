//! The learned stance layer: a three-class linear model over named features of a target's
//! sentence, read from a lexicon's `[model]` section (`framelens lexicon learn --model`).
//!
//! The lexicon scorer ([`super::stance::score`]) runs first and its outcome becomes features
//! of the model: the score, the sums of favourable and unfavourable contributions, each term
//! that counted with its sign (`t+:killed`), each rule that fired (`rule:harm-victim`). The
//! sentence's words become features too, with the target masked: every word (`w:strike`) and
//! every pair of adjacent words (`w:target condemned`), each word by its side of the target
//! (`l:`, `r:`), the words within [`NEAR`] words of it (`n:`), and whether the target opens the
//! sentence (`pos:start`). Each feature has one weight per class (unfavourable, neutral,
//! favourable); the class with the highest sum wins and the stance score is
//! `P(favourable) − P(unfavourable)`. Every feature is a name an analyst can read and every
//! weight is written in the lexicon file: the decision is the sum of the weights shown.

use super::stance::Score;
use crate::lexicon::Matcher;
use crate::text::Tokens;
use std::collections::HashMap;

/// Words either side of the target that are "near" it.
pub const NEAR: usize = 5;
/// Words before the target up to which it "opens" the sentence.
const START: usize = 2;
/// The placeholder that stands for the target among the sentence's words.
const TARGET: &str = "target";
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

/// The features of the target at tokens `t0..=t1` in the sentence tokens `a..b`, given the
/// lexicon scorer's outcome `base`. Sorted by name, each once.
pub fn features(
    tokens: &Tokens,
    matcher: &Matcher,
    (a, b): (usize, usize),
    (t0, t1): (usize, usize),
    base: &Score,
) -> Vec<(String, f64)> {
    let mut bin: Vec<String> = Vec::new();
    // The sentence's words, the target as one placeholder; the placeholder's index.
    let mut words: Vec<&str> = Vec::new();
    let mut at = None;
    for i in a..b {
        if (t0..=t1).contains(&i) {
            if at.is_none() {
                at = Some(words.len());
                words.push(TARGET);
            }
            continue;
        }
        if tokens.tokens[i].word {
            words.push(tokens.key(i));
        }
    }
    let at = at.unwrap_or(words.len());
    for (k, w) in words.iter().enumerate() {
        if k == at {
            continue;
        }
        bin.push(format!("w:{w}"));
        let side = if k < at { "l" } else { "r" };
        bin.push(format!("{side}:{w}"));
        if k.abs_diff(at) <= NEAR {
            bin.push(format!("n:{w}"));
        }
    }
    for p in words.windows(2) {
        bin.push(format!("w:{} {}", p[0], p[1]));
    }
    bin.push(if at <= START { "pos:start" } else { "pos:mid" }.to_string());
    for r in &base.rules {
        bin.push(format!("rule:{r}"));
    }
    let (mut fav, mut unfav) = (0.0, 0.0);
    for c in &base.contributions {
        if c.effective == 0.0 {
            continue;
        }
        let term = matcher
            .stance
            .get(c.entry as usize)
            .map_or(c.text.to_lowercase(), |s| s.term.to_lowercase());
        if c.effective > 0.0 {
            fav += c.effective;
            bin.push(format!("t+:{term}"));
        } else {
            unfav += c.effective;
            bin.push(format!("t-:{term}"));
        }
    }
    bin.sort_unstable();
    bin.dedup();
    let mut out: Vec<(String, f64)> = vec![
        ("#fav".to_string(), fav),
        ("#score".to_string(), base.score),
        (
            "#score>0".to_string(),
            f64::from(u8::from(base.label() == 1)),
        ),
        (
            "#score<0".to_string(),
            f64::from(u8::from(base.label() == -1)),
        ),
        ("#unfav".to_string(), unfav),
    ];
    out.extend(bin.into_iter().map(|f| (f, 1.0)));
    out.sort_by(|x, y| x.0.cmp(&y.0));
    out
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
