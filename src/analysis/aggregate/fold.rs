//! Folding one analysed article into an [`Aggregate`], one part per function: accounting,
//! voices, terms, actors, labels, frames and stance. Each part only adds to integer counts and
//! sums (or offers evidence to a bottom-k list), so the parts commute and the result does not
//! depend on the order of articles.

use super::bootstrap::{poisson_weights, REPLICATES};
use super::evidence::{evidence, keep_bottom, mark, would_keep, MarkKind};
use super::map::{slot, slot2};
use super::stats::min_opt;
use super::terms::pack;
use super::{Aggregate, Flag, FlagKind, CONTEXT_WINDOW, MICRO};
use crate::analysis::{Analysed, Analyzer, COHESION_FLAG_BELOW};
use crate::float::round;
use crate::framing::{FrameUse, Framing, LabelUse, StanceObs};
use crate::hash::fnv;
use crate::text::keys::strip_possessive;
use crate::voices::Voice;
use rustc_hash::FxHashMap;

/// One article being folded: its bootstrap weights and its voices, worked out once for all
/// parts.
struct Folding<'x, 'a> {
    az: &'x Analyzer,
    an: &'x Analysed<'a>,
    /// Poisson(1) weight of the article in each replicate.
    w: [u8; REPLICATES],
    /// The article's voice keys (grouped); `keys[0]` is the host's own voice.
    keys: Vec<String>,
    /// For each passage, the index of its voice in `keys`.
    passage_key: Vec<usize>,
}

impl<'x, 'a> Folding<'x, 'a> {
    fn new(
        az: &'x Analyzer,
        an: &'x Analysed<'a>,
        seed: u64,
        groups: &FxHashMap<String, String>,
    ) -> Folding<'x, 'a> {
        let w = poisson_weights(&an.article.id, seed);
        let host = az.grouped_voice_key(an, Voice::Own, groups);
        let mut keys: Vec<String> = vec![host];
        let mut key_of: FxHashMap<Voice, usize> = FxHashMap::default();
        key_of.insert(Voice::Own, 0);
        let mut passage_key: Vec<usize> = Vec::with_capacity(an.passages.len());
        for p in &an.passages {
            let i = *key_of.entry(p.voice).or_insert_with(|| {
                keys.push(az.grouped_voice_key(an, p.voice, groups));
                keys.len() - 1
            });
            passage_key.push(i);
        }
        Folding {
            az,
            an,
            w,
            keys,
            passage_key,
        }
    }

    /// The host outlet's own voice key.
    fn host(&self) -> &str {
        &self.keys[0]
    }

    /// Index of the passage containing byte `pos`, if any (binary search).
    fn passage_index(&self, pos: usize) -> Option<usize> {
        let passages = &self.an.passages;
        let i = passages.partition_point(|p| p.span.end <= pos);
        passages.get(i).filter(|p| p.span.start <= pos).map(|_| i)
    }

    /// Index in `keys` of whoever chose the words at byte `pos` of passage `pi`: its speaker
    /// inside quotation marks (a quoted passage, or a quote inside a report), else the host
    /// (reported speech is the source's claim in the host's words).
    fn words_key(&self, pi: usize, pos: usize) -> usize {
        match self.an.passages.get(pi) {
            Some(p) if crate::voices::speaker_chose(p, &self.an.verbatim, pos) => {
                self.passage_key[pi]
            }
            _ => 0,
        }
    }

    /// [`Folding::words_key`] of the passage at byte `pos` (the host where none covers it).
    fn words_key_at(&self, pos: usize) -> usize {
        self.passage_index(pos)
            .map_or(0, |i| self.words_key(i, pos))
    }

    /// Index into `keys` of the voice at byte `pos` (the host's where no passage covers it).
    fn key_at(&self, pos: usize) -> usize {
        self.passage_index(pos).map_or(0, |i| self.passage_key[i])
    }
}

/// The article's month for the timeline (none when it has no date or it cannot be read).
fn month(f: &Folding) -> Option<String> {
    f.an.article
        .date
        .as_deref()
        .and_then(crate::corpus::date::month_key)
}

/// A token's id not yet looked up.
const UNSEEN: u32 = u32::MAX;
/// A token that is not counted: no word, a stop word, or no letter in it.
const UNCOUNTED: u32 = u32::MAX - 1;

/// The article's tokens as ids of the words counted (terms and actor contexts), each looked
/// up once per article: one string hash per token, not one per use of it.
struct CountedWords {
    /// Per token: its id in [`TermCounts`], [`UNSEEN`] or [`UNCOUNTED`].
    terms: Vec<u32>,
    /// Per token: its id in [`ContextCounts`](super::ContextCounts), the same way.
    context: Vec<u32>,
}

impl CountedWords {
    fn new(n: usize) -> CountedWords {
        CountedWords {
            terms: vec![UNSEEN; n],
            context: vec![UNSEEN; n],
        }
    }

    /// The counted word of token `i` (its key without a possessive ending), unless a stop
    /// word or without a letter.
    fn key<'t>(f: &'t Folding, i: usize) -> Option<&'t str> {
        let toks = &f.an.tokens;
        if !toks.tokens[i].word {
            return None;
        }
        let key = strip_possessive(toks.key(i));
        (!f.az.stopwords.contains(key) && key.chars().any(char::is_alphabetic)).then_some(key)
    }

    fn cached(
        ids: &mut [u32],
        i: usize,
        f: &Folding,
        intern: impl FnOnce(&str) -> u32,
    ) -> Option<u32> {
        if ids[i] == UNSEEN {
            ids[i] = Self::key(f, i).map_or(UNCOUNTED, intern);
        }
        (ids[i] != UNCOUNTED).then_some(ids[i])
    }

    /// Token `i`'s id among the terms.
    fn id(&mut self, i: usize, f: &Folding, intern: impl FnOnce(&str) -> u32) -> Option<u32> {
        Self::cached(&mut self.terms, i, f, intern)
    }

    /// Token `i`'s id among the context words.
    fn context_id(
        &mut self,
        i: usize,
        f: &Folding,
        intern: impl FnOnce(&str) -> u32,
    ) -> Option<u32> {
        Self::cached(&mut self.context, i, f, intern)
    }
}

impl Aggregate {
    /// Folds one analysed article.
    pub fn fold(&mut self, az: &Analyzer, an: &Analysed, groups: &FxHashMap<String, String>) {
        let framing = Framing::of(an, &az.matcher, &az.gazetteer);
        self.fold_framed(az, an, &framing, groups);
    }

    /// Folds one analysed article whose framing (with `az`'s lexicons) is already found.
    pub fn fold_framed(
        &mut self,
        az: &Analyzer,
        an: &Analysed,
        framing: &Framing,
        groups: &FxHashMap<String, String>,
    ) {
        let f = Folding::new(az, an, self.seed, groups);
        self.fold_unlexical(&f);
        self.fold_lexical(&f, framing);
    }

    /// Folds only the parts of one analysed article that depend on the lexicons (labels,
    /// frames, stance and the timeline): for a second aggregate of the same articles under other
    /// lexicons, which takes the rest from the first with [`Aggregate::share_unlexical`].
    pub fn fold_framed_lexical(
        &mut self,
        az: &Analyzer,
        an: &Analysed,
        framing: &Framing,
        groups: &FxHashMap<String, String>,
    ) {
        let f = Folding::new(az, an, self.seed, groups);
        self.fold_lexical(&f, framing);
    }

    /// What does not depend on the lexicons: accounting, voices, terms, actors and their
    /// contexts, unreadable dates.
    fn fold_unlexical(&mut self, f: &Folding) {
        self.count_article(f);
        self.fold_voices(f);
        let mut words = CountedWords::new(f.an.tokens.len());
        self.fold_terms(f, &mut words);
        self.fold_actors(f, &mut words);
        if f.an.article.date.is_some() && month(f).is_none() {
            self.unparsed_dates += 1;
        }
    }

    /// What the lexicons decide: labels (and those set aside), frames, stance.
    fn fold_lexical(&mut self, f: &Folding, framing: &Framing) {
        self.fold_labels(f, &framing.labels);
        for u in &framing.set_aside {
            let concept = &f.az.matcher.label_sets[u.set as usize].concept;
            let about = match u.other {
                Some(a) => f.az.gazetteer.actor(a).id.clone(),
                None => "unresolved".to_string(),
            };
            *self
                .labels_set_aside
                .entry(concept.clone())
                .or_default()
                .entry(about)
                .or_default() += 1;
        }
        self.fold_frames(f, &framing.frames);
        self.fold_stance(f, &framing.stance, month(f).as_deref());
    }

    /// Accounting: records, sentences, the low-cohesion flag, boilerplate lines and the host
    /// outlet's counts.
    fn count_article(&mut self, f: &Folding) {
        let (az, an) = (f.az, f.an);
        let art = an.article;
        self.read += 1;
        self.analysed += 1;
        self.sentences += an.sentences.len() as u64;
        if let Some((c, n)) = an.cohesion(&az.stopwords) {
            if c < COHESION_FLAG_BELOW {
                self.flag(Flag {
                    article: art.id.clone(),
                    outlet: f.host().to_string(),
                    source: art.source.clone(),
                    line: art.line,
                    kind: FlagKind::LowCohesion,
                    value: round(c, 4),
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
        let o = slot(&mut self.outlets, f.host());
        o.articles += 1;
        o.bytes += art.text.len() as u64;
        *o.languages.entry(f.an.lang.clone()).or_default() += 1;
        if let Some(d) = &art.date {
            o.first_date = min_opt(o.first_date.take(), Some(d.clone()), true);
            o.last_date = min_opt(o.last_date.take(), Some(d.clone()), false);
        }
    }

    /// Voices: passages spoken, own and quoted, and the articles each voice speaks in.
    fn fold_voices(&mut self, f: &Folding) {
        let keys = &f.keys;
        let mut spoke = vec![false; keys.len()];
        for (p, &k) in f.an.passages.iter().zip(&f.passage_key) {
            let s = slot(&mut self.voices, &keys[k]);
            if p.voice == Voice::Own {
                s.own_passages += 1;
            } else {
                s.quoted_passages += 1;
                if !p.quoted {
                    s.reported_passages += 1;
                }
                *s.quoted_by.entry(f.host().to_string()).or_default() += 1;
            }
            spoke[k] = true;
        }
        for (k, spoke) in keys.iter().zip(&spoke) {
            if *spoke {
                slot(&mut self.voices, k).articles += 1;
            }
        }
        slot(&mut self.voices, f.host()).own_articles += 1;
    }

    /// Terms per voice (unigrams and bigrams, stop words left out) and word tokens per voice:
    /// tokens and passages walked together.
    fn fold_terms(&mut self, f: &Folding, words: &mut CountedWords) {
        let (an, keys) = (f.an, &f.keys);
        let toks = &an.tokens;
        // Per voice key: (packed term) -> this article's count, added once per voice.
        let mut local: Vec<FxHashMap<u64, u64>> = vec![FxHashMap::default(); keys.len()];
        let mut voice_tokens = vec![0u64; keys.len()];
        let mut pi = 0usize;
        let mut prev_word: Option<u32> = None;
        let mut prev_key = usize::MAX;
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
            let k = f.words_key(pi, t.span.start);
            // (A pair does not straddle the edge of a quote inside a report: the words on either
            // side were chosen by different voices.)
            if prev_key != k {
                prev_word = None;
                prev_key = k;
            }
            voice_tokens[k] += 1;
            let Some(id) = words.id(i, f, |w| self.terms.word(w)) else {
                prev_word = None;
                continue;
            };
            *local[k].entry(pack(id, None)).or_default() += 1;
            if let Some(j) = prev_word {
                *local[k].entry(pack(j, Some(id))).or_default() += 1;
            }
            prev_word = Some(id);
        }
        for (k, n) in keys.iter().zip(&voice_tokens) {
            if *n > 0 {
                slot(&mut self.voices, k).tokens += n;
                self.tokens += n;
            }
        }
        for (k, counts) in local.into_iter().enumerate() {
            if !counts.is_empty() {
                self.terms.add_packed(&keys[k], counts);
            }
        }
    }

    /// Actors: mentions (places apart) by voice and spelling, and their context windows.
    fn fold_actors(&mut self, f: &Folding, words: &mut CountedWords) {
        let (az, an) = (f.az, f.an);
        let text = an.article.text.as_str();
        let toks = &an.tokens;
        let mut seen_actor: Vec<u32> = Vec::new();
        let mut window: Vec<u32> = Vec::with_capacity(2 * CONTEXT_WINDOW);
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
            let v = &f.keys[f.key_at(m.span.start)];
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
            let lo = (m.first as usize).saturating_sub(CONTEXT_WINDOW);
            let hi = (m.last as usize + 1 + CONTEXT_WINDOW).min(toks.len());
            window.clear();
            for j in (lo..hi).filter(|&j| j < m.first as usize || j > m.last as usize) {
                if let Some(w) = words.context_id(j, f, |w| self.context.word(w)) {
                    window.push(w);
                }
            }
            self.context.add(v, id, &window);
        }
    }

    /// Labels, per voice and per host outlet, with evidence per label.
    fn fold_labels(&mut self, f: &Folding, labels: &[LabelUse]) {
        let (az, an, keys, cap) = (f.az, f.an, &f.keys, self.cap);
        let id = an.article.id.as_bytes();
        let mut touched: Vec<(u16, usize)> = Vec::new();
        let mut touched_host: Vec<u16> = Vec::new();
        for u in labels {
            let set = &az.matcher.label_sets[u.set as usize];
            let k = f.words_key_at(u.span.start);
            let hcell = slot2(&mut self.labels_by_outlet, &set.concept, f.host());
            hcell.add(u.label as usize, set.labels.len(), &f.w);
            if !touched_host.contains(&u.set) {
                touched_host.push(u.set);
                hcell.articles += 1;
            }
            let cell = slot2(&mut self.labels, &set.concept, &keys[k]);
            cell.add(u.label as usize, set.labels.len(), &f.w);
            if !touched.contains(&(u.set, k)) {
                touched.push((u.set, k));
                cell.articles += 1;
            }
            let Some(si) = an.sentence_at(u.span.start) else {
                continue;
            };
            let s = an.sentences[si].0;
            let rank = fnv(id, u.span.start as u64);
            if cap > 0 && would_keep(&cell.evidence[u.label as usize], rank, cap) {
                let e = evidence(
                    an,
                    s,
                    rank,
                    &keys[k],
                    vec![mark(
                        s,
                        u.span,
                        MarkKind::Label,
                        &format!("{}: {}", set.concept, set.labels[u.label as usize]),
                    )],
                );
                keep_bottom(&mut cell.evidence[u.label as usize], e, cap);
            }
        }
    }

    /// Frames per voice, with evidence per frame.
    fn fold_frames(&mut self, f: &Folding, frames: &[FrameUse]) {
        let (az, an, keys, cap) = (f.az, f.an, &f.keys, self.cap);
        let id = an.article.id.as_bytes();
        let nframes = az.matcher.frames.len();
        let mut touched_frames = vec![false; keys.len()];
        for u in frames {
            let k = f.words_key_at(u.span.start);
            let cell = slot(&mut self.frames, &keys[k]);
            cell.add(u.frame as usize, nframes, &f.w);
            if !touched_frames[k] {
                touched_frames[k] = true;
                cell.articles += 1;
            }
            let rank = fnv(id, u.span.start as u64 ^ 0xF4A3);
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
                        MarkKind::Frame,
                        &az.matcher.frames[u.frame as usize].id,
                    )],
                );
                keep_bottom(&mut cell.evidence[u.frame as usize], e, cap);
            }
        }
    }

    /// Stance per (voice, actor) with evidence, and per (voice, month) for the timeline.
    fn fold_stance(&mut self, f: &Folding, stance: &[StanceObs], month: Option<&str>) {
        let (az, an, keys, cap) = (f.az, f.an, &f.keys, self.cap);
        let id = an.article.id.as_bytes();
        let mut touched_stance: Vec<(usize, u32)> = Vec::new();
        for o in stance {
            let k = f.key_at(o.mention.start);
            let actor = az.gazetteer.actor(o.actor).id.as_str();
            let micro = (o.score.score * MICRO).round() as i64;
            let cell = slot2(&mut self.stance, &keys[k], actor);
            cell.add(micro, o.score.label(), &f.w);
            if !touched_stance.contains(&(k, o.actor)) {
                touched_stance.push((k, o.actor));
                cell.articles += 1;
            }
            let (s, _) = an.sentences[o.sentence];
            // Seeded by the actor's id, not its number: listing another actor in the gazetteer
            // must not reshuffle which sentences are kept.
            let rank = fnv(id, s.start as u64 ^ fnv(actor.as_bytes(), 0));
            if cap > 0 && would_keep(&cell.evidence, rank, cap) {
                let mut marks = vec![mark(s, o.mention, MarkKind::Actor, actor)];
                for c in &o.score.contributions {
                    marks.push(mark(
                        s,
                        c.span,
                        MarkKind::Stance,
                        &format!(
                            "{} {:+}{} -> {:+} {}",
                            c.text,
                            c.weight,
                            if c.learned { " (learned)" } else { "" },
                            c.effective,
                            c.rules.join(",")
                        ),
                    ));
                }
                let mut e = evidence(an, s, rank, &keys[k], marks);
                e.score = Some(o.score.score);
                e.rules = o
                    .score
                    .rules
                    .iter()
                    .map(|&r| match (&o.score.model, r) {
                        (Some(d), "model") => d.explain(),
                        _ => r.to_string(),
                    })
                    .collect();
                keep_bottom(&mut cell.evidence, e, cap);
            }
            if let Some(mo) = month {
                slot2(&mut self.timeline, &keys[k], mo).add(micro, o.score.label(), &f.w);
            }
        }
    }
}
