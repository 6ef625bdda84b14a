//! Mergeable aggregates: integer counts and sums folded article by article.
//!
//! Invariants: every field is an integer count or sum (stance scores as micro-units), merged
//! by addition, so `merge` is associative and commutative and the result never depends on
//! batch boundaries or thread count. Bootstrap replicates use per-article Poisson(1) weights
//! drawn from a hash of the article id ([`poisson_weights`]). Evidence is capped per cell and
//! chosen by a hash rank (bottom-k), which is also order-independent.

use super::{Analysed, Analyzer};
use crate::corpus::Skip;
use crate::hash::{fnv, splitmix};
use crate::span::Span;
use crate::text::keys::strip_possessive;
use crate::voices::Voice;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bootstrap replicates.
pub const REPLICATES: usize = 200;
/// Stance scores are summed in these units.
pub const MICRO: f64 = 1e6;

/// Poisson(1) weights of one article for every replicate, from a hash of its id and the seed.
pub fn poisson_weights(id: &str, seed: u64) -> [u8; REPLICATES] {
    // Cumulative Poisson(1) probabilities for k = 0..=7.
    const CDF: [f64; 8] = [
        0.367_879_441,
        0.735_758_882,
        0.919_698_603,
        0.981_011_843,
        0.996_340_153,
        0.999_405_815,
        0.999_916_759,
        0.999_989_751,
    ];
    let base = fnv(id.as_bytes(), seed);
    let mut w = [0u8; REPLICATES];
    for (b, slot) in w.iter_mut().enumerate() {
        let u = (splitmix(base ^ (b as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93)) >> 11) as f64
            / (1u64 << 53) as f64;
        *slot = CDF.iter().position(|c| u < *c).unwrap_or(8) as u8;
    }
    w
}

/// A highlighted span inside an evidence sentence (offsets relative to the sentence).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// Start in the sentence.
    pub start: usize,
    /// End in the sentence.
    pub end: usize,
    /// `actor`, `label`, `frame` or `stance`.
    pub kind: String,
    /// What it is (actor id, label, term and weight).
    pub note: String,
}

/// One sentence that produced a number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Selection rank (smaller is kept).
    pub rank: u64,
    /// Article id.
    pub article: String,
    /// Host outlet.
    pub outlet: String,
    /// Date.
    pub date: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Voice of the passage.
    pub voice: String,
    /// Sentence start (bytes, in the article).
    pub start: usize,
    /// Sentence end.
    pub end: usize,
    /// The sentence text.
    pub sentence: String,
    /// Highlights.
    pub marks: Vec<Mark>,
    /// Stance score, for stance evidence.
    pub score: Option<f64>,
    /// Rules that fired, for stance evidence.
    pub rules: Vec<String>,
}

fn keep_bottom(list: &mut Vec<Evidence>, e: Evidence, cap: usize) {
    let key = |x: &Evidence| (x.rank, x.start);
    let pos =
        list.partition_point(|x| (key(x), x.article.as_str()) < (key(&e), e.article.as_str()));
    if pos >= cap {
        return;
    }
    if list
        .get(pos)
        .map(|x| key(x) == key(&e) && x.article == e.article)
        .unwrap_or(false)
    {
        return;
    }
    list.insert(pos, e);
    list.truncate(cap);
}

fn would_keep(list: &[Evidence], rank: u64, cap: usize) -> bool {
    list.len() < cap || list.last().map(|x| rank <= x.rank).unwrap_or(true)
}

/// Mean of per-observation scores, with bootstrap sums.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MeanCell {
    /// Observations.
    pub n: u64,
    /// Sum of scores in micro-units.
    pub sum: i64,
    /// Positive observations.
    pub pos: u64,
    /// Negative observations.
    pub neg: u64,
    /// Per replicate: weighted n.
    pub boot_n: Vec<u64>,
    /// Per replicate: weighted sum.
    pub boot_sum: Vec<i64>,
    /// Capped evidence.
    pub evidence: Vec<Evidence>,
    /// Articles contributing (counted once per article by the caller).
    pub articles: u64,
}

impl MeanCell {
    fn add(&mut self, micro: i64, label: i8, w: &[u8; REPLICATES]) {
        if self.boot_n.is_empty() {
            self.boot_n = vec![0; REPLICATES];
            self.boot_sum = vec![0; REPLICATES];
        }
        self.n += 1;
        self.sum += micro;
        match label {
            1 => self.pos += 1,
            -1 => self.neg += 1,
            _ => {}
        }
        for ((n, sum), wb) in self
            .boot_n
            .iter_mut()
            .zip(self.boot_sum.iter_mut())
            .zip(w.iter())
        {
            *n += *wb as u64;
            *sum += *wb as i64 * micro;
        }
    }

    fn merge(&mut self, o: MeanCell, cap: usize) {
        if self.boot_n.is_empty() {
            self.boot_n = vec![0; REPLICATES];
            self.boot_sum = vec![0; REPLICATES];
        }
        self.n += o.n;
        self.sum += o.sum;
        self.pos += o.pos;
        self.neg += o.neg;
        self.articles += o.articles;
        for (a, b) in self.boot_n.iter_mut().zip(&o.boot_n) {
            *a += b;
        }
        for (a, b) in self.boot_sum.iter_mut().zip(&o.boot_sum) {
            *a += b;
        }
        for e in o.evidence {
            keep_bottom(&mut self.evidence, e, cap);
        }
    }
}

/// Counts per category (labels of a set, or frames), with bootstrap counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShareCell {
    /// Count per category.
    pub counts: Vec<u64>,
    /// Weighted counts, `[category * REPLICATES + replicate]`.
    pub boot: Vec<u64>,
    /// Capped evidence per category.
    pub evidence: Vec<Vec<Evidence>>,
    /// Articles contributing.
    pub articles: u64,
}

impl ShareCell {
    fn ensure(&mut self, k: usize) {
        if self.counts.len() < k {
            self.counts.resize(k, 0);
            self.boot.resize(k * REPLICATES, 0);
            self.evidence.resize(k, Vec::new());
        }
    }

    fn add(&mut self, cat: usize, k: usize, w: &[u8; REPLICATES]) {
        self.ensure(k);
        self.counts[cat] += 1;
        let row = &mut self.boot[cat * REPLICATES..(cat + 1) * REPLICATES];
        for (r, wb) in row.iter_mut().zip(w.iter()) {
            *r += *wb as u64;
        }
    }

    fn merge(&mut self, o: ShareCell, cap: usize) {
        self.ensure(o.counts.len());
        self.articles += o.articles;
        for (i, c) in o.counts.iter().enumerate() {
            self.counts[i] += c;
        }
        for (i, c) in o.boot.iter().enumerate() {
            self.boot[i] += c;
        }
        for (i, ev) in o.evidence.into_iter().enumerate() {
            for e in ev {
                keep_bottom(&mut self.evidence[i], e, cap);
            }
        }
    }
}

/// Per-voice activity.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceStats {
    /// Articles in which the voice speaks.
    pub articles: u64,
    /// Articles whose host outlet this voice is.
    pub own_articles: u64,
    /// Passages in its own articles.
    pub own_passages: u64,
    /// Passages quoted in other outlets' articles.
    pub quoted_passages: u64,
    /// Word tokens spoken.
    pub tokens: u64,
    /// Host outlets that quote this voice, with passage counts.
    pub quoted_by: BTreeMap<String, u64>,
}

/// Per-actor mentions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorStats {
    /// Mentions (places excluded).
    pub mentions: u64,
    /// Mentions as a place.
    pub places: u64,
    /// Articles mentioning.
    pub articles: u64,
    /// Mentions per voice.
    pub by_voice: BTreeMap<String, u64>,
    /// Spellings seen, with counts.
    pub forms: BTreeMap<String, u64>,
    /// Mentions found by fuzzy matching.
    pub fuzzy: u64,
}

/// Per-outlet article counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletStats {
    /// Articles analysed.
    pub articles: u64,
    /// Earliest date seen.
    pub first_date: Option<String>,
    /// Latest date seen.
    pub last_date: Option<String>,
    /// Bytes of text.
    pub bytes: u64,
}

/// A map keyed by strings, looked up (and, for new keys, inserted) in one probe, allocating
/// only for new keys.
pub type Map<V> = hashbrown::HashMap<String, V, rustc_hash::FxBuildHasher>;
/// Two levels of [`Map`].
pub type Map2<V> = Map<Map<V>>;

/// The value under `k`, created on first use (allocates only then).
pub fn slot<'m, V: Default>(m: &'m mut Map<V>, k: &str) -> &'m mut V {
    m.entry_ref(k).or_default()
}

/// The value under `a`, then `b`.
pub fn slot2<'m, V: Default>(m: &'m mut Map2<V>, a: &str, b: &str) -> &'m mut V {
    slot(slot(m, a), b)
}

/// Keys of a map in sorted order (for output).
pub fn sorted<V>(m: &Map<V>) -> Vec<(&String, &V)> {
    let mut v: Vec<(&String, &V)> = m.iter().collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}

/// Entries of a [`Map2`] as (outer key, inner key, value), sorted by keys.
pub fn sorted2<V>(m: &Map2<V>) -> Vec<(&String, &String, &V)> {
    let mut v: Vec<(&String, &String, &V)> = m
        .iter()
        .flat_map(|(a, inner)| inner.iter().map(move |(b, x)| (a, b, x)))
        .collect();
    v.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
    v
}

/// An article that was analysed but looks odd (kept in every count, and listed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// Article id.
    pub article: String,
    /// Host outlet.
    pub outlet: String,
    /// Input path.
    pub source: String,
    /// Line in the input.
    pub line: Option<u64>,
    /// `low-cohesion`.
    pub kind: String,
    /// The measured value.
    pub value: f64,
    /// In words.
    pub detail: String,
}

/// Everything folded from the articles of a run. Maps are hash maps (no order); every output
/// sorts their keys.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    /// Evidence kept per cell.
    pub cap: usize,
    /// Bootstrap seed.
    pub seed: u64,
    /// Records read.
    pub read: u64,
    /// Articles analysed.
    pub analysed: u64,
    /// Skipped records.
    pub skipped: Vec<Skip>,
    /// Boilerplate lines per rule.
    pub boilerplate: BTreeMap<String, u64>,
    /// Sentences analysed.
    pub sentences: u64,
    /// Word tokens analysed.
    pub tokens: u64,
    /// Analysed articles whose date is given but cannot be read (left out of the timeline).
    pub unparsed_dates: u64,
    /// Per voice.
    pub voices: Map<VoiceStats>,
    /// Per host outlet.
    pub outlets: Map<OutletStats>,
    /// Per actor.
    pub actors: Map<ActorStats>,
    /// Stance: voice -> actor -> cell.
    pub stance: Map2<MeanCell>,
    /// Stance for the timeline: voice -> month -> cell.
    pub timeline: Map2<MeanCell>,
    /// Label counts: concept -> voice -> cell.
    pub labels: Map2<ShareCell>,
    /// Label counts: concept -> host outlet -> cell (everything an outlet prints, quotes included).
    pub labels_by_outlet: Map2<ShareCell>,
    /// Frame counts per voice.
    pub frames: Map<ShareCell>,
    /// Unigram and bigram counts per voice.
    pub terms: Map<Map<u64>>,
    /// Unigram counts around each actor's mentions: voice -> actor -> counts.
    pub context: Map2<Map<u64>>,
    /// Articles flagged as odd.
    pub flags: Vec<Flag>,
}

/// Words on each side of a mention counted into its context vector.
pub const CONTEXT_WINDOW: usize = 8;

fn merge2<V>(into: &mut Map2<V>, from: Map2<V>, f: impl Fn(&mut V, V))
where
    V: Default,
{
    for (a, inner) in from {
        let dst = slot(into, &a);
        for (b, v) in inner {
            f(slot(dst, &b), v);
        }
    }
}

impl Aggregate {
    /// An empty aggregate.
    pub fn new(cap: usize, seed: u64) -> Aggregate {
        Aggregate {
            cap,
            seed,
            ..Default::default()
        }
    }

    /// Records a skip.
    pub fn skip(&mut self, s: Skip) {
        self.read += 1;
        self.skipped.push(s);
    }

    /// Merges another aggregate into this one.
    pub fn merge(&mut self, o: Aggregate) {
        let cap = self.cap;
        self.read += o.read;
        self.analysed += o.analysed;
        self.skipped.extend(o.skipped);
        self.flags.extend(o.flags);
        self.sentences += o.sentences;
        self.tokens += o.tokens;
        self.unparsed_dates += o.unparsed_dates;
        for (k, v) in o.boilerplate {
            *self.boilerplate.entry(k).or_default() += v;
        }
        for (k, v) in o.voices {
            let s = slot(&mut self.voices, &k);
            s.articles += v.articles;
            s.own_articles += v.own_articles;
            s.own_passages += v.own_passages;
            s.quoted_passages += v.quoted_passages;
            s.tokens += v.tokens;
            for (q, n) in v.quoted_by {
                *s.quoted_by.entry(q).or_default() += n;
            }
        }
        for (k, v) in o.outlets {
            let s = slot(&mut self.outlets, &k);
            s.articles += v.articles;
            s.bytes += v.bytes;
            s.first_date = min_opt(s.first_date.take(), v.first_date, true);
            s.last_date = min_opt(s.last_date.take(), v.last_date, false);
        }
        for (k, v) in o.actors {
            let s = slot(&mut self.actors, &k);
            s.mentions += v.mentions;
            s.places += v.places;
            s.articles += v.articles;
            s.fuzzy += v.fuzzy;
            for (a, n) in v.by_voice {
                *s.by_voice.entry(a).or_default() += n;
            }
            for (a, n) in v.forms {
                *s.forms.entry(a).or_default() += n;
            }
        }
        merge2(&mut self.stance, o.stance, |a, b| a.merge(b, cap));
        merge2(&mut self.timeline, o.timeline, |a, b| a.merge(b, 0));
        merge2(&mut self.labels, o.labels, |a, b| a.merge(b, cap));
        merge2(&mut self.labels_by_outlet, o.labels_by_outlet, |a, b| {
            a.merge(b, cap)
        });
        for (k, v) in o.frames {
            slot(&mut self.frames, &k).merge(v, cap);
        }
        for (k, v) in o.terms {
            merge_counts(slot(&mut self.terms, &k), v);
        }
        merge2(&mut self.context, o.context, merge_counts);
    }

    /// Sorts the skip and flag lists for output by source path, line and id: an order that
    /// does not depend on the order in which the inputs were given (`_input_order` is kept for
    /// the callers; see "Invariants" in ARCHITECTURE.md).
    pub fn sort_skips(&mut self, _input_order: &[String]) {
        self.flags
            .sort_by(|a, b| (&a.source, a.line, &a.article).cmp(&(&b.source, b.line, &b.article)));
        self.skipped
            .sort_by(|a, b| (&a.source, a.line, &a.id).cmp(&(&b.source, b.line, &b.id)));
    }

    /// Folds one analysed article.
    pub fn fold(&mut self, az: &Analyzer, an: &Analysed, groups: &FxHashMap<String, String>) {
        let framing = crate::framing::Framing::of(an, &az.matcher, &az.gazetteer);
        self.fold_framed(az, an, &framing, groups);
    }

    /// Folds one analysed article whose framing (with `az`'s lexicons) is already found.
    pub fn fold_framed(
        &mut self,
        az: &Analyzer,
        an: &Analysed,
        framing: &crate::framing::Framing,
        groups: &FxHashMap<String, String>,
    ) {
        let art = an.article;
        let w = poisson_weights(&art.id, self.seed);
        let cap = self.cap;
        let text = art.text.as_str();
        // The article's voices, once: passage -> index into `keys`.
        let host = az.grouped_voice_key(Voice::Own, &an.host_key, groups);
        let mut keys: Vec<String> = vec![host.clone()];
        let mut key_of: FxHashMap<Voice, usize> = FxHashMap::default();
        key_of.insert(Voice::Own, 0);
        let mut passage_key: Vec<usize> = Vec::with_capacity(an.passages.len());
        for p in &an.passages {
            let i = *key_of.entry(p.voice).or_insert_with(|| {
                keys.push(az.grouped_voice_key(p.voice, &an.host_key, groups));
                keys.len() - 1
            });
            passage_key.push(i);
        }
        let key_at = |pos: usize| -> usize {
            let i = an.passages.partition_point(|p| p.span.end <= pos);
            match an.passages.get(i) {
                Some(p) if p.span.start <= pos => passage_key[i],
                _ => 0,
            }
        };
        self.read += 1;
        self.analysed += 1;
        self.sentences += an.sentences.len() as u64;
        if let Some((c, n)) = an.cohesion(&az.stopwords) {
            if c < super::COHESION_FLAG_BELOW {
                self.flags.push(Flag {
                    article: art.id.clone(),
                    outlet: host.clone(),
                    source: art.source.clone(),
                    line: art.line,
                    kind: "low-cohesion".into(),
                    value: (c * 1e4).round() / 1e4,
                    detail: format!(
                        "only {:.0} % of {n} sentences share a content word with the two before them: text stitched from unrelated stories or machine-spun",
                        c * 100.0
                    ),
                });
            }
        }
        for b in &an.layout.boilerplate {
            *self.boilerplate.entry(b.rule.clone()).or_default() += 1;
        }
        let o = slot(&mut self.outlets, &host);
        o.articles += 1;
        o.bytes += text.len() as u64;
        if let Some(d) = &art.date {
            o.first_date = min_opt(o.first_date.take(), Some(d.clone()), true);
            o.last_date = min_opt(o.last_date.take(), Some(d.clone()), false);
        }
        // Voices: passages and tokens.
        let mut spoke = vec![false; keys.len()];
        for (p, &k) in an.passages.iter().zip(&passage_key) {
            let s = slot(&mut self.voices, &keys[k]);
            if p.voice == Voice::Own {
                s.own_passages += 1;
            } else {
                s.quoted_passages += 1;
                *s.quoted_by.entry(host.clone()).or_default() += 1;
            }
            spoke[k] = true;
        }
        for (k, spoke) in keys.iter().zip(&spoke) {
            if *spoke {
                slot(&mut self.voices, k).articles += 1;
            }
        }
        slot(&mut self.voices, &host).own_articles += 1;
        // Terms per voice: walk tokens and passages together.
        let toks = &an.tokens;
        let mut local: FxHashMap<(usize, &str, &str), u64> = FxHashMap::default();
        let mut voice_tokens = vec![0u64; keys.len()];
        let mut pi = 0usize;
        let mut prev_word: Option<usize> = None;
        for (i, t) in toks.tokens.iter().enumerate() {
            while pi < an.passages.len() && an.passages[pi].span.end <= t.span.start {
                pi += 1;
                prev_word = None;
            }
            if an
                .passages
                .get(pi)
                .map(|p| p.span.start > t.span.start)
                .unwrap_or(true)
                || !t.word
            {
                prev_word = None;
                continue;
            }
            let k = passage_key[pi];
            voice_tokens[k] += 1;
            let key = strip_possessive(toks.key(i));
            if az.stopwords.contains(key) || !key.chars().any(char::is_alphabetic) {
                prev_word = None;
                continue;
            }
            *local.entry((k, key, "")).or_default() += 1;
            if let Some(j) = prev_word {
                *local
                    .entry((k, strip_possessive(toks.key(j)), key))
                    .or_default() += 1;
            }
            prev_word = Some(i);
        }
        for (k, n) in keys.iter().zip(&voice_tokens) {
            if *n > 0 {
                slot(&mut self.voices, k).tokens += n;
                self.tokens += n;
            }
        }
        let mut buf = String::new();
        for ((k, a, b), n) in local {
            let m = slot(&mut self.terms, &keys[k]);
            buf.clear();
            buf.push_str(a);
            if !b.is_empty() {
                buf.push(' ');
                buf.push_str(b);
            }
            *slot(m, &buf) += n;
        }
        // Actors and their context windows.
        let mut seen_actor: Vec<u32> = Vec::new();
        for m in &an.mentions {
            let id = az.gazetteer.actor(m.actor).id.as_str();
            let s = slot(&mut self.actors, id);
            if m.place {
                s.places += 1;
                continue;
            }
            s.mentions += 1;
            if m.fuzzy {
                s.fuzzy += 1;
            }
            let v = &keys[key_at(m.span.start)];
            match s.by_voice.get_mut(v.as_str()) {
                Some(c) => *c += 1,
                None => {
                    s.by_voice.insert(v.clone(), 1);
                }
            }
            let form = m.span.of(text);
            match s.forms.get_mut(form) {
                Some(c) => *c += 1,
                None => {
                    s.forms.insert(form.to_string(), 1);
                }
            }
            if !seen_actor.contains(&m.actor) {
                seen_actor.push(m.actor);
                s.articles += 1;
            }
            let ctx = slot2(&mut self.context, v, id);
            let lo = (m.first as usize).saturating_sub(CONTEXT_WINDOW);
            let hi = (m.last as usize + 1 + CONTEXT_WINDOW).min(toks.len());
            for j in (lo..hi).filter(|&j| j < m.first as usize || j > m.last as usize) {
                if !toks.tokens[j].word {
                    continue;
                }
                let k = strip_possessive(toks.key(j));
                if az.stopwords.contains(k) || !k.chars().any(char::is_alphabetic) {
                    continue;
                }
                *slot(ctx, k) += 1;
            }
        }
        let month = art.date.as_deref().and_then(crate::corpus::date::month_key);
        if art.date.is_some() && month.is_none() {
            self.unparsed_dates += 1;
        }
        let month = month.as_deref();
        let crate::framing::Framing {
            labels,
            frames,
            stance,
        } = framing;
        // Labels, per voice and per host outlet.
        let mut touched: Vec<(u16, usize)> = Vec::new();
        let mut touched_host: Vec<u16> = Vec::new();
        for u in labels {
            let set = &az.matcher.label_sets[u.set as usize];
            let k = key_at(u.span.start);
            let hcell = slot2(&mut self.labels_by_outlet, &set.concept, &host);
            hcell.add(u.label as usize, set.labels.len(), &w);
            if !touched_host.contains(&u.set) {
                touched_host.push(u.set);
                hcell.articles += 1;
            }
            let cell = slot2(&mut self.labels, &set.concept, &keys[k]);
            cell.add(u.label as usize, set.labels.len(), &w);
            if !touched.contains(&(u.set, k)) {
                touched.push((u.set, k));
                cell.articles += 1;
            }
            let Some(si) = an.sentence_at(u.span.start) else {
                continue;
            };
            let s = an.sentences[si].0;
            let rank = fnv(art.id.as_bytes(), u.span.start as u64);
            if cap > 0 && would_keep(&cell.evidence[u.label as usize], rank, cap) {
                let e = evidence(
                    an,
                    s,
                    rank,
                    &keys[k],
                    vec![mark(
                        s,
                        u.span,
                        "label",
                        &format!("{}: {}", set.concept, set.labels[u.label as usize]),
                    )],
                );
                keep_bottom(&mut cell.evidence[u.label as usize], e, cap);
            }
        }
        // Frames per voice.
        let nframes = az.matcher.frames.len();
        let mut touched_frames = vec![false; keys.len()];
        for u in frames {
            let k = key_at(u.span.start);
            let cell = slot(&mut self.frames, &keys[k]);
            cell.add(u.frame as usize, nframes, &w);
            if !touched_frames[k] {
                touched_frames[k] = true;
                cell.articles += 1;
            }
            let rank = fnv(art.id.as_bytes(), u.span.start as u64 ^ 0xF4A3);
            if cap > 0 && would_keep(&cell.evidence[u.frame as usize], rank, cap) {
                let Some(si) = an.sentence_at(u.span.start) else {
                    continue;
                };
                let s = an.sentences[si].0;
                let e = evidence(
                    an,
                    s,
                    rank,
                    &keys[k],
                    vec![mark(
                        s,
                        u.span,
                        "frame",
                        &az.matcher.frames[u.frame as usize].id,
                    )],
                );
                keep_bottom(&mut cell.evidence[u.frame as usize], e, cap);
            }
        }
        // Stance per (voice, actor), and per (voice, month).
        let mut touched_stance: Vec<(usize, u32)> = Vec::new();
        for o in stance {
            let k = key_at(o.mention.start);
            let actor = az.gazetteer.actor(o.actor).id.as_str();
            let micro = (o.score.score * MICRO).round() as i64;
            let cell = slot2(&mut self.stance, &keys[k], actor);
            cell.add(micro, o.score.label(), &w);
            if !touched_stance.contains(&(k, o.actor)) {
                touched_stance.push((k, o.actor));
                cell.articles += 1;
            }
            let (s, _) = an.sentences[o.sentence];
            let rank = fnv(art.id.as_bytes(), s.start as u64 ^ ((o.actor as u64) << 32));
            if cap > 0 && would_keep(&cell.evidence, rank, cap) {
                let mut marks = vec![mark(s, o.mention, "actor", actor)];
                for c in &o.score.contributions {
                    marks.push(mark(
                        s,
                        c.span,
                        "stance",
                        &format!(
                            "{} {:+} -> {:+} {}",
                            c.text,
                            c.weight,
                            c.effective,
                            c.rules.join(",")
                        ),
                    ));
                }
                let mut e = evidence(an, s, rank, &keys[k], marks);
                e.score = Some(o.score.score);
                e.rules = o.score.rules.iter().map(|r| r.to_string()).collect();
                keep_bottom(&mut cell.evidence, e, cap);
            }
            if let Some(mo) = month {
                slot2(&mut self.timeline, &keys[k], mo).add(micro, o.score.label(), &w);
            }
        }
    }
}

fn mark(sentence: Span, span: Span, kind: &str, note: &str) -> Mark {
    Mark {
        start: span.start.saturating_sub(sentence.start),
        end: span.end.min(sentence.end).saturating_sub(sentence.start),
        kind: kind.to_string(),
        note: note.to_string(),
    }
}

fn evidence(an: &Analysed, s: Span, rank: u64, voice: &str, marks: Vec<Mark>) -> Evidence {
    let a = an.article;
    Evidence {
        rank,
        article: a.id.clone(),
        outlet: an.host_key.clone(),
        date: a.date.clone(),
        title: a.title.clone(),
        url: a.url.clone(),
        voice: voice.to_string(),
        start: s.start,
        end: s.end,
        sentence: s.of(&a.text).to_string(),
        marks,
        score: None,
        rules: Vec::new(),
    }
}

fn merge_counts(into: &mut Map<u64>, from: Map<u64>) {
    if into.is_empty() {
        *into = from;
        return;
    }
    for (k, v) in from {
        *into.entry(k).or_default() += v;
    }
}

fn min_opt(a: Option<String>, b: Option<String>, min: bool) -> Option<String> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(x), Some(y)) => Some(if (x <= y) == min { x } else { y }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poisson_weights_are_stable_and_mean_one() {
        let w = poisson_weights("article-1", 7);
        assert_eq!(w, poisson_weights("article-1", 7));
        let total: u64 = (0..200)
            .map(|i| {
                poisson_weights(&format!("a{i}"), 1)
                    .iter()
                    .map(|x| *x as u64)
                    .sum::<u64>()
            })
            .sum();
        let mean = total as f64 / (200.0 * REPLICATES as f64);
        assert!((mean - 1.0).abs() < 0.03, "{mean}");
    }
}
