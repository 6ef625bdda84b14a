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
pub use crate::lexicon::model::{argmax, softmax, Decision, StanceModel};
use crate::lexicon::Matcher;
use crate::text::Tokens;

/// Words either side of the target that are "near" it.
pub const NEAR: usize = 5;
/// Words before the target up to which it "opens" the sentence.
const START: usize = 2;
/// The placeholder that stands for the target among the sentence's words.
const TARGET: &str = "target";

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
