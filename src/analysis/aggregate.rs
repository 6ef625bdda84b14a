//! Mergeable aggregates: integer counts and sums folded article by article.
//!
//! Invariants: every field is an integer count or sum (stance scores as micro-units), merged
//! by addition, so `merge` is associative and commutative and the result never depends on
//! batch boundaries or thread count. Bootstrap replicates use per-article Poisson(1) weights
//! drawn from a hash of the article id ([`poisson_weights`]). Evidence is capped per cell and
//! chosen by a hash rank (bottom-k), which is also order-independent.

use super::{Analysed, Analyzer};
use crate::corpus::Skip;
use crate::framing::{FrameUse, LabelUse};
use crate::span::Span;
use crate::voices::Voice;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bootstrap replicates.
pub const REPLICATES: usize = 200;
/// Stance scores are summed in these units.
pub const MICRO: f64 = 1e6;

/// 64-bit FNV-1a: a stable hash (the same on every platform and version).
pub fn fnv(bytes: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

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

/// Everything folded from the articles of a run.
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
    /// Per voice.
    pub voices: BTreeMap<String, VoiceStats>,
    /// Per host outlet.
    pub outlets: BTreeMap<String, OutletStats>,
    /// Per actor.
    pub actors: BTreeMap<String, ActorStats>,
    /// Stance per (voice, actor).
    pub stance: BTreeMap<(String, String), MeanCell>,
    /// Stance per (voice, month), for the timeline.
    pub timeline: BTreeMap<(String, String), MeanCell>,
    /// Label counts per (concept, voice).
    pub labels: BTreeMap<(String, String), ShareCell>,
    /// Label counts per (concept, host outlet): everything an outlet prints, quotes included.
    pub labels_by_outlet: BTreeMap<(String, String), ShareCell>,
    /// Frame counts per voice.
    pub frames: BTreeMap<String, ShareCell>,
    /// Unigram and bigram counts per voice.
    pub terms: BTreeMap<String, FxHashMap<String, u64>>,
    /// Unigram counts around each actor's mentions, per (voice, actor).
    pub context: BTreeMap<(String, String), FxHashMap<String, u64>>,
}

/// Words on each side of a mention counted into its context vector.
pub const CONTEXT_WINDOW: usize = 8;

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
        self.sentences += o.sentences;
        self.tokens += o.tokens;
        for (k, v) in o.boilerplate {
            *self.boilerplate.entry(k).or_default() += v;
        }
        for (k, v) in o.voices {
            let s = self.voices.entry(k).or_default();
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
            let s = self.outlets.entry(k).or_default();
            s.articles += v.articles;
            s.bytes += v.bytes;
            s.first_date = min_opt(s.first_date.take(), v.first_date, true);
            s.last_date = min_opt(s.last_date.take(), v.last_date, false);
        }
        for (k, v) in o.actors {
            let s = self.actors.entry(k).or_default();
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
        for (k, v) in o.stance {
            self.stance.entry(k).or_default().merge(v, cap);
        }
        for (k, v) in o.timeline {
            self.timeline.entry(k).or_default().merge(v, 0);
        }
        for (k, v) in o.labels {
            self.labels.entry(k).or_default().merge(v, cap);
        }
        for (k, v) in o.labels_by_outlet {
            self.labels_by_outlet.entry(k).or_default().merge(v, cap);
        }
        for (k, v) in o.frames {
            self.frames.entry(k).or_default().merge(v, cap);
        }
        for (k, v) in o.terms {
            merge_counts(self.terms.entry(k).or_default(), v);
        }
        for (k, v) in o.context {
            merge_counts(self.context.entry(k).or_default(), v);
        }
    }

    /// Sorts the skip list into input order (for output).
    pub fn sort_skips(&mut self, input_order: &[String]) {
        let pos = |s: &str| {
            input_order
                .iter()
                .position(|p| s.starts_with(p.as_str()))
                .unwrap_or(usize::MAX)
        };
        self.skipped.sort_by(|a, b| {
            (pos(&a.source), &a.source, a.line, &a.id).cmp(&(
                pos(&b.source),
                &b.source,
                b.line,
                &b.id,
            ))
        });
    }

    /// Folds one analysed article.
    pub fn fold(&mut self, az: &Analyzer, an: &Analysed, groups: &FxHashMap<String, String>) {
        let art = an.article;
        let w = poisson_weights(&art.id, self.seed);
        let cap = self.cap;
        let text = art.text.as_str();
        let group = |k: String| groups.get(&k).cloned().unwrap_or(k);
        let vkey = |v: Voice| group(az.voice_key(v, &an.host_key));
        self.read += 1;
        self.analysed += 1;
        self.sentences += an.sentences.len() as u64;
        for b in &an.layout.boilerplate {
            *self.boilerplate.entry(b.rule.clone()).or_default() += 1;
        }
        let host = group(an.host_key.clone());
        let o = self.outlets.entry(host.clone()).or_default();
        o.articles += 1;
        o.bytes += text.len() as u64;
        if let Some(d) = &art.date {
            o.first_date = min_opt(o.first_date.take(), Some(d.clone()), true);
            o.last_date = min_opt(o.last_date.take(), Some(d.clone()), false);
        }
        // Voices: passages and tokens.
        let mut spoke: Vec<String> = Vec::new();
        for p in &an.passages {
            let k = vkey(p.voice);
            let s = self.voices.entry(k.clone()).or_default();
            if p.voice == Voice::Own {
                s.own_passages += 1;
            } else {
                s.quoted_passages += 1;
                *s.quoted_by.entry(host.clone()).or_default() += 1;
            }
            if !spoke.contains(&k) {
                spoke.push(k);
            }
        }
        for k in &spoke {
            self.voices.entry(k.clone()).or_default().articles += 1;
        }
        self.voices.entry(host.clone()).or_default().own_articles += 1;
        // Terms per voice: walk tokens and passages together.
        let toks = &an.tokens;
        // (passage, first word, second word or "") -> count, borrowing the token keys.
        let mut local: FxHashMap<(usize, &str, &str), u64> = FxHashMap::default();
        let voice_keys: Vec<String> = an.passages.iter().map(|p| vkey(p.voice)).collect();
        let mut pi = 0usize;
        let mut prev_word: Option<usize> = None;
        let mut voice_tokens: FxHashMap<usize, u64> = FxHashMap::default();
        let mut buf = String::new();
        for (i, t) in toks.tokens.iter().enumerate() {
            while pi < an.passages.len() && an.passages[pi].span.end <= t.span.start {
                pi += 1;
                prev_word = None;
            }
            let Some(p) = an.passages.get(pi).filter(|p| p.span.start <= t.span.start) else {
                prev_word = None;
                continue;
            };
            let _ = p;
            if !t.word {
                prev_word = None;
                continue;
            }
            *voice_tokens.entry(pi).or_default() += 1;
            let k = crate::actors::strip_possessive(toks.key(i));
            if az.stopwords.contains(k) || !k.chars().any(char::is_alphabetic) {
                prev_word = None;
                continue;
            }
            *local.entry((pi, k, "")).or_default() += 1;
            if let Some(j) = prev_word {
                *local
                    .entry((pi, crate::actors::strip_possessive(toks.key(j)), k))
                    .or_default() += 1;
            }
            prev_word = Some(i);
        }
        let mut per_voice_tokens: FxHashMap<&str, u64> = FxHashMap::default();
        for (pi, n) in voice_tokens {
            *per_voice_tokens.entry(voice_keys[pi].as_str()).or_default() += n;
        }
        for (k, n) in per_voice_tokens {
            self.voices.entry(k.to_string()).or_default().tokens += n;
            self.tokens += n;
        }
        let mut by_voice: FxHashMap<&str, Vec<(&str, &str, u64)>> = FxHashMap::default();
        for ((pi, a, b), n) in local {
            by_voice
                .entry(voice_keys[pi].as_str())
                .or_default()
                .push((a, b, n));
        }
        for (voice, items) in by_voice {
            let m = match self.terms.get_mut(voice) {
                Some(m) => m,
                None => self.terms.entry(voice.to_string()).or_default(),
            };
            for (a, b, n) in items {
                buf.clear();
                buf.push_str(a);
                if !b.is_empty() {
                    buf.push(' ');
                    buf.push_str(b);
                }
                match m.get_mut(buf.as_str()) {
                    Some(c) => *c += n,
                    None => {
                        m.insert(buf.clone(), n);
                    }
                }
            }
        }
        // Actors.
        let mut seen_actor: Vec<u32> = Vec::new();
        for m in &an.mentions {
            let id = az.gazetteer.actor(m.actor).id.clone();
            let s = self.actors.entry(id.clone()).or_default();
            if m.place {
                s.places += 1;
                continue;
            }
            s.mentions += 1;
            if m.fuzzy {
                s.fuzzy += 1;
            }
            *s.by_voice
                .entry(vkey(an.voice_at(m.span.start)))
                .or_default() += 1;
            *s.forms.entry(m.span.of(text).to_string()).or_default() += 1;
            if !seen_actor.contains(&m.actor) {
                seen_actor.push(m.actor);
                s.articles += 1;
            }
            // Context window.
            let v = vkey(an.voice_at(m.span.start));
            let ctx = self.context.entry((v, id)).or_default();
            let lo = (m.first as usize).saturating_sub(CONTEXT_WINDOW);
            let hi = (m.last as usize + 1 + CONTEXT_WINDOW).min(toks.len());
            for j in (lo..hi).filter(|&j| j < m.first as usize || j > m.last as usize) {
                if !toks.tokens[j].word {
                    continue;
                }
                let k = crate::actors::strip_possessive(toks.key(j));
                if az.stopwords.contains(k) || !k.chars().any(char::is_alphabetic) {
                    continue;
                }
                match ctx.get_mut(k) {
                    Some(c) => *c += 1,
                    None => {
                        ctx.insert(k.to_string(), 1);
                    }
                }
            }
        }
        let month = art
            .date
            .as_deref()
            .filter(|d| d.len() >= 7)
            .map(|d| d[..7].to_string());
        let labels = crate::framing::labels(an, &az.matcher);
        let frames = crate::framing::frames(an, &az.matcher);
        let stance = crate::framing::stance_observations(an, &az.matcher, &az.gazetteer);
        self.fold_labels(az, an, &labels, &w, &vkey, cap);
        self.fold_frames(az, an, &frames, &w, &vkey, cap);
        let mut touched: Vec<(String, String)> = Vec::new();
        for o in &stance {
            let key = (vkey(o.voice), az.gazetteer.actor(o.actor).id.clone());
            let micro = (o.score.score * MICRO).round() as i64;
            let cell = self.stance.entry(key.clone()).or_default();
            cell.add(micro, o.score.label(), &w);
            if !touched.contains(&key) {
                touched.push(key.clone());
                cell.articles += 1;
            }
            let (s, _) = an.sentences[o.sentence];
            let rank = fnv(art.id.as_bytes(), s.start as u64 ^ (o.actor as u64) << 32);
            if cap > 0 && would_keep(&cell.evidence, rank, cap) {
                let mut marks = vec![mark(s, o.mention, "actor", &key.1)];
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
                let mut e = evidence(an, s, rank, &key.0, marks);
                e.score = Some(o.score.score);
                e.rules = o.score.rules.iter().map(|r| r.to_string()).collect();
                keep_bottom(&mut cell.evidence, e, cap);
            }
            if let Some(mo) = &month {
                self.timeline
                    .entry((key.0.clone(), mo.clone()))
                    .or_default()
                    .add(micro, o.score.label(), &w);
            }
        }
    }

    fn fold_labels(
        &mut self,
        az: &Analyzer,
        an: &Analysed,
        uses: &[LabelUse],
        w: &[u8; REPLICATES],
        vkey: &dyn Fn(Voice) -> String,
        cap: usize,
    ) {
        let mut touched: Vec<(String, String)> = Vec::new();
        let host = vkey(Voice::Own);
        let mut touched_host: Vec<String> = Vec::new();
        for u in uses {
            let set = &az.matcher.label_sets[u.set as usize];
            let hcell = self
                .labels_by_outlet
                .entry((set.concept.clone(), host.clone()))
                .or_default();
            hcell.add(u.label as usize, set.labels.len(), w);
            if !touched_host.contains(&set.concept) {
                touched_host.push(set.concept.clone());
                hcell.articles += 1;
            }
            let key = (set.concept.clone(), vkey(u.voice));
            let cell = self.labels.entry(key.clone()).or_default();
            cell.add(u.label as usize, set.labels.len(), w);
            if !touched.contains(&key) {
                touched.push(key.clone());
                cell.articles += 1;
            }
            let Some(si) = an.sentence_at(u.span.start) else {
                continue;
            };
            let s = an.sentences[si].0;
            let rank = fnv(an.article.id.as_bytes(), u.span.start as u64);
            if cap > 0 && would_keep(&cell.evidence[u.label as usize], rank, cap) {
                let e = evidence(
                    an,
                    s,
                    rank,
                    &key.1,
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
    }

    fn fold_frames(
        &mut self,
        az: &Analyzer,
        an: &Analysed,
        uses: &[FrameUse],
        w: &[u8; REPLICATES],
        vkey: &dyn Fn(Voice) -> String,
        cap: usize,
    ) {
        let k = az.matcher.frames.len();
        let mut touched: Vec<String> = Vec::new();
        for u in uses {
            let key = vkey(u.voice);
            let cell = self.frames.entry(key.clone()).or_default();
            cell.add(u.frame as usize, k, w);
            if !touched.contains(&key) {
                touched.push(key.clone());
                cell.articles += 1;
            }
            let Some(si) = an.sentence_at(u.span.start) else {
                continue;
            };
            let s = an.sentences[si].0;
            let rank = fnv(an.article.id.as_bytes(), u.span.start as u64 ^ 0xF4A3);
            if cap > 0 && would_keep(&cell.evidence[u.frame as usize], rank, cap) {
                let e = evidence(
                    an,
                    s,
                    rank,
                    &key,
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

fn merge_counts(into: &mut FxHashMap<String, u64>, from: FxHashMap<String, u64>) {
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
