//! Recurring endings: the words an outlet prints at the end of many of its articles (a
//! publisher's footer, a licence line, "Follow us on Instagram", a comment widget, "Our
//! Standards: The Thomson Reuters Trust Principles." after a byline that changes), found from the
//! corpus itself and set aside as boilerplate with the rule `recurring-ending`.
//!
//! Learned in one pass over the articles before the analysis ([`Recurring::learn`]): for each
//! outlet, every ending of the last content paragraph of each article (after the pattern rules
//! of [`Boilerplate`]), from [`MIN_ENDING_WORDS`] to [`MAX_ENDING_WORDS`] words, whitespace folded,
//! is counted once per article. An ending recurs for an outlet when at least [`MIN_ARTICLES`] of
//! its articles and at least [`MIN_SHARE`] of them end with it, word for word; the longest such
//! ending of an article is set aside. On FA-KES: Reuters' trust line in 23 of 23 articles, TRT's
//! footer in 19 of 41, Sputnik's widget in 35 of 53, Asharq Al-Awsat's self-description in 5 of
//! 11, while the most repeated closing sentence in an outlet's own words (a background line of
//! Al-Manar) ends 7 of 105. Only endings are learned, never sentences inside an article or at its
//! start: a lead that several articles share is content, and counted.
//!
//! Deterministic and bounded: the pass is sequential in input order, each article adds at most
//! [`MAX_ENDING_WORDS`] counts (64-bit hashes; the text is kept from the second article on), and
//! when the table passes [`MAX_ENTRIES`] the endings seen in only one article so far are dropped
//! (the same ones on every run of the same input). Exact duplicate articles count once. The
//! learned endings are listed in the report (`provenance.recurring`) with their counts;
//! `--recurring off` turns the rule off and `--recurring FILE` reads endings learned elsewhere
//! (`framelens recurring`), so that every shard of a cluster run sets aside the same ones.

use super::article::Article;
use super::boilerplate::{BoilerLine, Boilerplate, Layout};
use crate::span::Span;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// A recurring ending is carried by at least this many articles of its outlet...
pub const MIN_ARTICLES: u64 = 5;
/// ...and by at least this share of them.
pub const MIN_SHARE: f64 = 0.2;
/// The shortest ending learned, in words.
pub const MIN_ENDING_WORDS: usize = 4;
/// The longest ending learned, in words (TRT's footer is about 110).
pub const MAX_ENDING_WORDS: usize = 160;
/// Counted endings kept before those seen once are dropped.
pub const MAX_ENTRIES: usize = 1 << 22;
/// The rule name of a recurring ending set aside.
pub const RULE: &str = "recurring-ending";

/// One learned ending.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct RecurringLine {
    /// The outlet, as the corpus names it.
    pub outlet: String,
    /// The ending, whitespace folded.
    pub text: String,
    /// Articles of the outlet that end with it.
    pub articles: u64,
    /// Articles of the outlet read.
    pub of: u64,
}

/// The recurring endings of a corpus, by outlet.
#[derive(Clone, Debug, Default)]
pub struct Recurring {
    lines: Vec<RecurringLine>,
    /// Outlet -> hashes of its endings (as [`ending_hashes`] computes them).
    endings: FxHashMap<String, FxHashSet<u64>>,
}

/// The file `framelens recurring --out` writes and `--recurring FILE` reads.
#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    lines: Vec<RecurringLine>,
}

/// The `format` of a recurring-lines file.
const FORMAT: &str = "framelens-recurring-1";

/// Counts of one outlet's endings.
#[derive(Default)]
struct OutletCounts {
    articles: u64,
    /// Hash of an ending -> articles ending with it.
    endings: FxHashMap<u64, u64>,
    /// The text of endings carried by two articles or more.
    texts: FxHashMap<u64, String>,
}

/// The words of a paragraph with their byte offsets.
fn words(text: &str, para: Span) -> Vec<(usize, &str)> {
    let p = para.of(text);
    p.split_whitespace()
        .map(|w| (para.start + (w.as_ptr() as usize - p.as_ptr() as usize), w))
        .collect()
}

/// The hashes of a paragraph's endings, shortest first: for each length `n` from
/// [`MIN_ENDING_WORDS`] to [`MAX_ENDING_WORDS`], (n, hash of the last `n` words). A rolling hash
/// from the end, so that all endings cost one pass over the words.
fn ending_hashes(words: &[(usize, &str)]) -> Vec<(usize, u64)> {
    let mut out = Vec::new();
    let mut h = 0u64;
    for (k, (_, w)) in words.iter().rev().take(MAX_ENDING_WORDS).enumerate() {
        h = crate::hash::splitmix(h ^ crate::hash::fnv(w.as_bytes(), k as u64 + 1));
        if k + 1 >= MIN_ENDING_WORDS {
            out.push((k + 1, h));
        }
    }
    out
}

/// The folded text of the last `n` words.
fn ending_text(words: &[(usize, &str)], n: usize) -> String {
    words[words.len() - n..]
        .iter()
        .map(|w| w.1)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Articles per batch of the learning pass, and bytes of text.
const BATCH_ARTICLES: usize = 256;
const BATCH_BYTES: usize = 16 << 20;

/// The last content paragraph of each article of `batch` (after the pattern rules), into `out`,
/// found on up to `threads` threads.
fn last_paragraphs(
    batch: &[Article],
    boilerplate: &Boilerplate,
    threads: usize,
    out: &mut Vec<Option<Span>>,
) {
    let last = |a: &Article| boilerplate.layout(&a.text).paragraphs.last().copied();
    out.clear();
    out.resize(batch.len(), None);
    let threads = threads.clamp(1, batch.len().max(1));
    if threads == 1 {
        for (o, a) in out.iter_mut().zip(batch) {
            *o = last(a);
        }
        return;
    }
    let per = batch.len().div_ceil(threads);
    std::thread::scope(|scope| {
        for (os, articles) in out.chunks_mut(per).zip(batch.chunks(per)) {
            scope.spawn(move || {
                for (o, a) in os.iter_mut().zip(articles) {
                    *o = last(a);
                }
            });
        }
    });
}

/// Counts the endings of article `a` whose last content paragraph is `last`; returns the
/// number of new table entries.
fn count_ending(
    outlets: &mut FxHashMap<String, OutletCounts>,
    a: &Article,
    last: Option<Span>,
) -> usize {
    let counts = outlets.entry(a.outlet.clone()).or_default();
    counts.articles += 1;
    let Some(last) = last else {
        return 0;
    };
    let mut entries = 0;
    let ws = words(&a.text, last);
    for (n, h) in ending_hashes(&ws) {
        let c = counts.endings.entry(h).or_insert(0);
        if *c == 0 {
            entries += 1;
        }
        *c += 1;
        if *c == 2 {
            counts.texts.insert(h, ending_text(&ws, n));
        }
    }
    entries
}

impl Recurring {
    /// No ending: nothing is set aside.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The learned endings, sorted by outlet, then most articles first, then text.
    pub fn lines(&self) -> &[RecurringLine] {
        &self.lines
    }

    /// How many outlets the endings belong to.
    pub fn outlets(&self) -> usize {
        // Lines are sorted by outlet first.
        self.lines
            .iter()
            .enumerate()
            .filter(|(i, l)| *i == 0 || self.lines[i - 1].outlet != l.outlet)
            .count()
    }

    /// The set of the given endings (as a shard records them).
    pub fn from_lines(mut lines: Vec<RecurringLine>) -> Recurring {
        lines.sort_by(|a, b| {
            (&a.outlet, std::cmp::Reverse(a.articles), &a.text).cmp(&(
                &b.outlet,
                std::cmp::Reverse(b.articles),
                &b.text,
            ))
        });
        lines.dedup_by(|a, b| a.outlet == b.outlet && a.text == b.text);
        let mut endings: FxHashMap<String, FxHashSet<u64>> = FxHashMap::default();
        for l in &lines {
            let ws: Vec<(usize, &str)> = l.text.split_whitespace().map(|w| (0, w)).collect();
            if let Some(&(_, h)) = ending_hashes(&ws).last() {
                endings.entry(l.outlet.clone()).or_default().insert(h);
            }
        }
        Recurring { lines, endings }
    }

    /// Learns the recurring endings of `articles` (records that fail to load are ignored here:
    /// the analysis pass reports them), with `boilerplate`'s pattern rules applied first.
    pub fn learn<E>(
        articles: impl Iterator<Item = Result<Article, E>>,
        boilerplate: &Boilerplate,
    ) -> Recurring {
        Recurring::learn_threads(articles, boilerplate, 1)
    }

    /// [`Recurring::learn`] with the layouts of the articles found on `threads` threads, in
    /// batches; the counting stays sequential in input order, so the result is the same for
    /// any number of threads.
    pub fn learn_threads<E>(
        articles: impl Iterator<Item = Result<Article, E>>,
        boilerplate: &Boilerplate,
        threads: usize,
    ) -> Recurring {
        let mut outlets: FxHashMap<String, OutletCounts> = FxHashMap::default();
        let mut texts: FxHashSet<String> = FxHashSet::default();
        let mut entries = 0usize;
        let mut articles = articles.flatten();
        let mut batch: Vec<Article> = Vec::new();
        let mut last: Vec<Option<Span>> = Vec::new();
        loop {
            // A batch of distinct articles, bounded in count and bytes.
            batch.clear();
            let mut bytes = 0usize;
            for a in articles.by_ref() {
                if !texts.insert(a.hash.clone()) {
                    continue;
                }
                bytes += a.text.len();
                batch.push(a);
                if batch.len() >= BATCH_ARTICLES || bytes >= BATCH_BYTES {
                    break;
                }
            }
            if batch.is_empty() {
                break;
            }
            last_paragraphs(&batch, boilerplate, threads, &mut last);
            for (a, &last) in batch.iter().zip(&last) {
                entries += count_ending(&mut outlets, a, last);
                if entries > MAX_ENTRIES {
                    entries = 0;
                    for c in outlets.values_mut() {
                        c.endings.retain(|_, n| *n > 1);
                        entries += c.endings.len();
                    }
                }
            }
        }
        let mut lines = Vec::new();
        for (outlet, c) in outlets {
            let need = MIN_ARTICLES.max((MIN_SHARE * c.articles as f64).ceil() as u64);
            let learned: Vec<(&String, u64)> = c
                .endings
                .iter()
                .filter(|(_, n)| **n >= need)
                .filter_map(|(h, n)| c.texts.get(h).map(|t| (t, *n)))
                .collect();
            // The longest of each run: "... Trust Principles." is listed once, not with each
            // shorter ending carried by as many articles.
            for &(text, n) in &learned {
                let longer_same = learned.iter().any(|&(t, m)| {
                    m == n && t.len() > text.len() && t.ends_with(&format!(" {text}"))
                });
                if !longer_same {
                    lines.push(RecurringLine {
                        outlet: outlet.clone(),
                        text: text.clone(),
                        articles: n,
                        of: c.articles,
                    });
                }
            }
        }
        Recurring::from_lines(lines)
    }

    /// Reads a file written by [`Recurring::to_json`]; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<Recurring, String> {
        let f: File = serde_json::from_str(text)
            .map_err(|e| format!("{path}: not a recurring-lines file ({e}); write one with `framelens recurring INPUT... --out FILE`"))?;
        if f.format != FORMAT {
            return Err(format!(
                "{path}: format {:?} is not {FORMAT:?}; write the file again with this framelens (`framelens recurring`)",
                f.format
            ));
        }
        Ok(Recurring::from_lines(f.lines))
    }

    /// The endings as a file for `--recurring FILE`.
    pub fn to_json(&self) -> String {
        let f = File {
            format: FORMAT.to_string(),
            lines: self.lines.clone(),
        };
        serde_json::to_string_pretty(&f).expect("recurring lines serialise") + "\n"
    }

    /// A short description for provenance: the count and a digest of the endings.
    pub fn describe(&self) -> String {
        if self.lines.is_empty() {
            return "no recurring lines".to_string();
        }
        let digest = crate::hash::sha256_hex(self.to_json().as_bytes());
        format!(
            "{} recurring line(s), sha256 {}",
            self.lines.len(),
            &digest[..16]
        )
    }

    /// Sets aside, in an article of `outlet`, the longest learned ending of its last content
    /// paragraph; what comes before it in the paragraph stays content.
    pub fn apply(&self, text: &str, outlet: &str, layout: &mut Layout) {
        let (Some(set), Some(&last)) = (self.endings.get(outlet), layout.paragraphs.last()) else {
            return;
        };
        let ws = words(text, last);
        let longest = ending_hashes(&ws)
            .into_iter()
            .rev()
            .find(|(_, h)| set.contains(h));
        let Some((n, _)) = longest else {
            return;
        };
        let start = ws[ws.len() - n].0;
        layout.paragraphs.pop();
        let body = Span::new(last.start, start)
            .of(text)
            .trim_end_matches(crate::text::tokens::is_blank);
        if !body.is_empty() {
            layout
                .paragraphs
                .push(Span::new(last.start, last.start + body.len()));
        }
        layout.boilerplate.push(BoilerLine {
            span: Span::new(start, last.end),
            rule: RULE.to_string(),
        });
        layout
            .boilerplate
            .sort_by_key(|b| (b.span.start, b.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(i: usize, outlet: &str, text: &str) -> Result<Article, ()> {
        Ok(Article {
            id: format!("a{i}"),
            outlet: outlet.to_string(),
            date: None,
            title: None,
            url: None,
            lang: None,
            text: text.to_string(),
            source: "test".to_string(),
            line: None,
            hash: crate::hash::sha256_hex(text.as_bytes()),
        })
    }

    /// Ten articles of one outlet that share their lead and end with the same words after a
    /// dateline that changes.
    fn corpus() -> Vec<Result<Article, ()>> {
        (0..10)
            .map(|i| {
                article(
                    i,
                    "wire",
                    &format!(
                        "Russian jets struck Idlib again on Monday, the monitor said.\n\nStory number {i} about Aleppo and the talks in Geneva went on.\n\nFiled from bureau {i} Our Standards: The Trust Principles."
                    ),
                )
            })
            .collect()
    }

    #[test]
    fn footers_are_learned_and_shared_leads_are_not() {
        let b = Boilerplate::bundled();
        let r = Recurring::learn(corpus().into_iter(), &b);
        let got: Vec<(&str, u64, u64)> = r
            .lines()
            .iter()
            .map(|l| (l.text.as_str(), l.articles, l.of))
            .collect();
        assert_eq!(got, [("Our Standards: The Trust Principles.", 10, 10)]);
        // Set aside in an article of that outlet, not in another outlet's.
        let text = "Lavrov met Zarif on Monday in Moscow to talk.\n\nFiled from bureau X Our Standards: The Trust Principles.";
        let mut l = b.layout(text);
        r.apply(text, "wire", &mut l);
        let rules: Vec<&str> = l.boilerplate.iter().map(|x| x.rule.as_str()).collect();
        assert_eq!(rules, [RULE]);
        let paras: Vec<&str> = l.paragraphs.iter().map(|p| p.of(text)).collect();
        assert_eq!(
            paras,
            [
                "Lavrov met Zarif on Monday in Moscow to talk.",
                "Filed from bureau X"
            ]
        );
        let mut other = b.layout(text);
        r.apply(text, "another", &mut other);
        assert!(other.boilerplate.is_empty());
    }

    #[test]
    fn the_endings_do_not_depend_on_threads_or_batches() {
        let b = Boilerplate::bundled();
        // More articles than one batch holds, three outlets, endings shared by some.
        let many: Vec<Result<Article, ()>> = (0..700)
            .map(|i| {
                article(
                    i,
                    ["wire", "daily", "agency"][i % 3],
                    &format!(
                        "Story {i} about Aleppo and the talks in Geneva went on.\n\nFiled {i} by desk {} with the footer number {} of the site.",
                        i % 7,
                        i % 4
                    ),
                )
            })
            .collect();
        let one = Recurring::learn_threads(many.clone().into_iter(), &b, 1);
        assert!(one.lines().len() >= 3, "{:?}", one.lines());
        for threads in [2, 3, 8] {
            let r = Recurring::learn_threads(many.clone().into_iter(), &b, threads);
            assert_eq!(r.lines(), one.lines(), "{threads} threads");
        }
    }

    #[test]
    fn thresholds_order_and_file_round_trip() {
        let b = Boilerplate::bundled();
        // Four articles are below MIN_ARTICLES: nothing is learned.
        let few: Vec<_> = corpus().into_iter().take(4).collect();
        assert!(Recurring::learn(few.into_iter(), &b).is_empty());
        // The same endings in any order of the records, and through the file.
        let r = Recurring::learn(corpus().into_iter(), &b);
        let rev = Recurring::learn(corpus().into_iter().rev(), &b);
        assert_eq!(r.lines(), rev.lines());
        let back = Recurring::parse(&r.to_json(), "lines.json").unwrap();
        assert_eq!(back.lines(), r.lines());
        let text =
            "Something else entirely.\n\nFiled from bureau Y Our Standards: The Trust Principles.";
        let (mut a, mut c) = (b.layout(text), b.layout(text));
        r.apply(text, "wire", &mut a);
        back.apply(text, "wire", &mut c);
        assert_eq!(a.paragraphs, c.paragraphs);
        assert!(r.describe().starts_with("1 recurring line(s), sha256 "));
        let e = Recurring::parse("{\"format\": \"x\", \"lines\": []}", "f.json")
            .err()
            .unwrap();
        assert!(e.starts_with("f.json: format \"x\""), "{e}");
        let e = Recurring::parse("not json", "f.json").err().unwrap();
        assert!(e.contains("framelens recurring INPUT... --out FILE"), "{e}");
    }
}
