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
pub use crate::lexicon::model::{argmax, softmax, Decision, Feat, StanceModel};
use crate::lexicon::Matcher;
use crate::text::Tokens;

/// Words either side of the target that are "near" it.
pub const NEAR: usize = 5;
/// Words before the target up to which it "opens" the sentence.
const START: usize = 2;
/// The placeholder that stands for the target among the sentence's words.
const TARGET: &str = "target";

/// Calls `f` with every feature of the target at tokens `t0..=t1` in the sentence tokens
/// `a..b`, given the lexicon scorer's outcome `base` ([`Feat`]: the sentence's words stand for
/// their features and pairs); in no particular order, a binary feature (value 1) possibly more than once.
pub fn visit(
    tokens: &Tokens,
    matcher: &Matcher,
    (a, b): (usize, usize),
    (t0, t1): (usize, usize),
    base: &Score,
    f: &mut dyn FnMut(Feat<'_>),
) {
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
    f(Feat::Words {
        words: &words,
        at,
        near: NEAR,
    });
    f(Feat::Name(
        if at <= START { "pos:start" } else { "pos:mid" },
        1.0,
    ));
    let mut name = String::new();
    for r in &base.rules {
        name.clear();
        name.push_str("rule:");
        name.push_str(r);
        f(Feat::Name(&name, 1.0));
    }
    let (mut fav, mut unfav) = (0.0, 0.0);
    for c in &base.contributions {
        if c.effective == 0.0 {
            continue;
        }
        let written = matcher
            .stance
            .get(c.entry as usize)
            .map_or(c.text.as_str(), |s| s.term.as_str());
        name.clear();
        if c.effective > 0.0 {
            fav += c.effective;
            name.push_str("t+:");
        } else {
            unfav += c.effective;
            name.push_str("t-:");
        }
        name.extend(written.chars().flat_map(char::to_lowercase));
        f(Feat::Name(&name, 1.0));
    }
    f(Feat::Name("#fav", fav));
    f(Feat::Name("#score", base.score));
    f(Feat::Name(
        "#score>0",
        f64::from(u8::from(base.label() == 1)),
    ));
    f(Feat::Name(
        "#score<0",
        f64::from(u8::from(base.label() == -1)),
    ));
    f(Feat::Name("#unfav", unfav));
}

/// The features of [`visit`] as a list sorted by name, each once (what `lexicon learn --model`
/// fits on).
pub fn features(
    tokens: &Tokens,
    matcher: &Matcher,
    window: (usize, usize),
    target: (usize, usize),
    base: &Score,
) -> Vec<(String, f64)> {
    let mut out: Vec<(String, f64)> = Vec::new();
    let mut buf = String::new();
    visit(tokens, matcher, window, target, base, &mut |feat| {
        feat.names(&mut buf, &mut |n, v| out.push((n.to_string(), v)));
    });
    out.sort_by(|x, y| x.0.cmp(&y.0));
    out.dedup_by(|x, y| x.0 == y.0);
    out
}
