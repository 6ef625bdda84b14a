//! Unigram and bigram counts per voice over interned words: the largest part of an aggregate,
//! growing with the vocabulary (distinct word pairs keep appearing as a corpus grows). Each
//! word is stored once per aggregate and a term is a pair of word ids packed into a `u64`, so
//! counting a term hashes an integer instead of comparing strings, and an entry takes 16 bytes
//! instead of a string allocation. Ids depend on the order words were met and never reach
//! output: serialisation, equality and [`TermCounts::to_maps`] speak in strings (`"word"` and
//! `"word word"`), and [`TermCounts::merge`] maps the other aggregate's ids into this one's.

use super::map::{slot, Map};
use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

type IdMap<V> = hashbrown::HashMap<u64, V, FxBuildHasher>;

/// Words and their ids.
#[derive(Clone, Debug, Default)]
struct Vocab {
    ids: hashbrown::HashMap<Box<str>, u32, FxBuildHasher>,
    words: Vec<Box<str>>,
}

impl Vocab {
    fn id(&mut self, w: &str) -> u32 {
        if let Some(&i) = self.ids.get(w) {
            return i;
        }
        // u32::MAX stays unused (a bigram stores its second id plus one), and so does
        // u32::MAX - 1 (the fold's mark for a token that is not counted).
        let i = u32::try_from(self.words.len())
            .ok()
            .filter(|&i| i < u32::MAX - 1)
            .expect("fewer than 2^32 - 2 distinct words");
        self.words.push(w.into());
        self.ids.insert(w.into(), i);
        i
    }
}

/// A unigram (`b` none) or bigram as one integer.
pub(super) fn pack(a: u32, b: Option<u32>) -> u64 {
    (u64::from(a) << 32) | b.map_or(0, |b| u64::from(b) + 1)
}

fn unpack(t: u64) -> (u32, Option<u32>) {
    let b = (t & 0xffff_ffff) as u32;
    ((t >> 32) as u32, b.checked_sub(1))
}

/// Term counts per voice.
#[derive(Clone, Debug, Default)]
pub struct TermCounts {
    vocab: Vocab,
    voices: Map<IdMap<u64>>,
}

impl TermCounts {
    /// The id of a word (interned on first use).
    pub fn word(&mut self, w: &str) -> u32 {
        self.vocab.id(w)
    }

    /// Adds `n` uses of the word `a` (`b` none) or the pair `a b` by `voice`.
    pub fn add(&mut self, voice: &str, a: u32, b: Option<u32>, n: u64) {
        *slot(&mut self.voices, voice).entry(pack(a, b)).or_default() += n;
    }

    /// Adds one voice's counts of packed terms ([`pack`]): the voice is looked up once.
    pub(super) fn add_packed(&mut self, voice: &str, counts: impl IntoIterator<Item = (u64, u64)>) {
        let into = slot(&mut self.voices, voice);
        for (t, n) in counts {
            *into.entry(t).or_default() += n;
        }
    }

    fn text(&self, t: u64) -> String {
        let (a, b) = unpack(t);
        let a = &self.vocab.words[a as usize];
        match b {
            None => a.to_string(),
            Some(b) => format!("{a} {}", self.vocab.words[b as usize]),
        }
    }

    /// Adds another aggregate's counts.
    pub fn merge(&mut self, o: TermCounts) {
        let remap: Vec<u32> = o.vocab.words.iter().map(|w| self.vocab.id(w)).collect();
        for (voice, counts) in o.voices {
            let into = slot(&mut self.voices, &voice);
            into.reserve(counts.len());
            for (t, n) in counts {
                let (a, b) = unpack(t);
                let t = pack(remap[a as usize], b.map(|b| remap[b as usize]));
                *into.entry(t).or_default() += n;
            }
        }
    }

    /// Whether `voice` used any term.
    pub fn has_voice(&self, voice: &str) -> bool {
        self.voices.contains_key(voice)
    }

    /// The counts of one voice by term text.
    pub fn voice_map(&self, voice: &str) -> Map<u64> {
        self.voices
            .get(voice)
            .map(|c| c.iter().map(|(&t, &n)| (self.text(t), n)).collect())
            .unwrap_or_default()
    }

    /// The terms used by any of `voices`, spelled out once and sorted, with their summed counts:
    /// the vocabulary over which [`TermTable::row`] gives each voice's counts without spelling
    /// its terms out again.
    pub fn table(&self, voices: &[&String]) -> TermTable {
        let mut sum: IdMap<u64> = IdMap::default();
        for v in voices {
            if let Some(c) = self.voices.get(v.as_str()) {
                for (&t, &n) in c {
                    *sum.entry(t).or_default() += n;
                }
            }
        }
        let mut terms: Vec<(String, u64, u64)> =
            sum.into_iter().map(|(t, n)| (self.text(t), t, n)).collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let index = terms
            .iter()
            .enumerate()
            .map(|(i, (_, t, _))| (*t, i as u32))
            .collect();
        let total = terms.iter().map(|x| x.2).collect();
        TermTable {
            terms: terms.into_iter().map(|x| x.0).collect(),
            total,
            index,
        }
    }

    /// Every voice's counts by term text.
    pub fn to_maps(&self) -> Map<Map<u64>> {
        self.voices
            .keys()
            .map(|v| (v.clone(), self.voice_map(v)))
            .collect()
    }

    /// Counts given by term text (`"word"` or `"word word"`).
    fn from_maps(maps: Map<Map<u64>>) -> TermCounts {
        let mut out = TermCounts::default();
        for (voice, counts) in maps {
            for (term, n) in counts {
                let (a, b) = match term.split_once(' ') {
                    Some((a, b)) => (out.word(a), Some(out.word(b))),
                    None => (out.word(&term), None),
                };
                out.add(&voice, a, b, n);
            }
        }
        out
    }
}

/// Unigram counts around each actor's mentions, per voice and actor, over interned words (as
/// [`TermCounts`]: ids never reach output, serialisation speaks in words, merging maps ids).
#[derive(Clone, Debug, Default)]
pub struct ContextCounts {
    vocab: Vocab,
    /// voice -> actor -> word id -> count.
    cells: Map<Map<IdMap<u64>>>,
}

impl ContextCounts {
    /// The id of a word (interned on first use).
    pub fn word(&mut self, w: &str) -> u32 {
        self.vocab.id(w)
    }

    /// Adds one use of each word id of `words` around a mention of `actor` by `voice`.
    pub fn add(&mut self, voice: &str, actor: &str, words: &[u32]) {
        let cell = slot(slot(&mut self.cells, voice), actor);
        for &w in words {
            *cell.entry(u64::from(w)).or_default() += 1;
        }
    }

    /// Adds another aggregate's counts.
    pub fn merge(&mut self, o: ContextCounts) {
        let remap: Vec<u32> = o.vocab.words.iter().map(|w| self.vocab.id(w)).collect();
        for (voice, actors) in o.cells {
            let into_voice = slot(&mut self.cells, &voice);
            for (actor, counts) in actors {
                let into = slot(into_voice, &actor);
                into.reserve(counts.len());
                for (w, n) in counts {
                    *into.entry(u64::from(remap[w as usize])).or_default() += n;
                }
            }
        }
    }

    fn spelled(&self, counts: &IdMap<u64>) -> Map<u64> {
        counts
            .iter()
            .map(|(&w, &n)| (self.vocab.words[w as usize].to_string(), n))
            .collect()
    }

    /// The voices that spoke around `actor`, sorted, each with its counts by word.
    pub fn of_actor(&self, actor: &str) -> Vec<(&String, Map<u64>)> {
        let mut out: Vec<(&String, Map<u64>)> = self
            .cells
            .iter()
            .filter_map(|(v, actors)| actors.get(actor).map(|c| (v, self.spelled(c))))
            .collect();
        out.sort_unstable_by(|a, b| a.0.cmp(b.0));
        out
    }

    /// Every cell's counts by word: voice -> actor -> word -> count.
    pub fn to_maps(&self) -> Map<Map<Map<u64>>> {
        self.cells
            .iter()
            .map(|(v, actors)| {
                let actors = actors
                    .iter()
                    .map(|(a, c)| (a.clone(), self.spelled(c)))
                    .collect();
                (v.clone(), actors)
            })
            .collect()
    }

    fn from_maps(maps: Map<Map<Map<u64>>>) -> ContextCounts {
        let mut out = ContextCounts::default();
        for (voice, actors) in maps {
            for (actor, counts) in actors {
                let ids: Vec<(u64, u64)> = counts
                    .iter()
                    .map(|(w, &n)| (u64::from(out.word(w)), n))
                    .collect();
                let cell = slot(slot(&mut out.cells, &voice), &actor);
                for (w, n) in ids {
                    *cell.entry(w).or_default() += n;
                }
            }
        }
        out
    }
}

impl PartialEq for ContextCounts {
    fn eq(&self, o: &Self) -> bool {
        self.cells.len() == o.cells.len() && self.to_maps() == o.to_maps()
    }
}

impl Serialize for ContextCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        super::map::Sorted(&self.to_maps()).serialize(s)
    }
}

impl<'de> Deserialize<'de> for ContextCounts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Map::<Map<Map<u64>>>::deserialize(d).map(ContextCounts::from_maps)
    }
}

/// The terms of some voices, sorted by text, with their summed counts ([`TermCounts::table`]).
#[derive(Clone, Debug)]
pub struct TermTable {
    /// The terms, sorted.
    pub terms: Vec<String>,
    /// Each term's count over the voices of the table.
    pub total: Vec<u64>,
    index: IdMap<u32>,
}

impl TermTable {
    /// One voice's count of each term of the table, in the table's order.
    pub fn row(&self, counts: &TermCounts, voice: &str) -> Vec<u64> {
        let mut row = vec![0; self.terms.len()];
        if let Some(c) = counts.voices.get(voice) {
            for (t, &n) in c {
                if let Some(&i) = self.index.get(t) {
                    row[i as usize] = n;
                }
            }
        }
        row
    }
}

impl PartialEq for TermCounts {
    fn eq(&self, o: &Self) -> bool {
        self.voices.len() == o.voices.len() && self.to_maps() == o.to_maps()
    }
}

impl Serialize for TermCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        super::map::Sorted(&self.to_maps()).serialize(s)
    }
}

impl<'de> Deserialize<'de> for TermCounts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Map::<Map<u64>>::deserialize(d).map(TermCounts::from_maps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(voice: &str, terms: &[(&str, u64)]) -> TermCounts {
        let mut m: Map<Map<u64>> = Map::default();
        for (t, n) in terms {
            m.entry(voice.to_string())
                .or_default()
                .insert(t.to_string(), *n);
        }
        TermCounts::from_maps(m)
    }

    #[test]
    fn merging_maps_ids_by_word_and_round_trips_through_json() {
        let a = counts("tass", &[("regime", 2), ("syrian regime", 1)]);
        let b = counts(
            "tass",
            &[("syrian", 4), ("syrian regime", 3), ("regime", 1)],
        );
        let mut ab = a.clone();
        ab.merge(b.clone());
        let mut ba = b;
        ba.merge(a);
        assert_eq!(ab, ba);
        let m = ab.voice_map("tass");
        assert_eq!(m["regime"], 3);
        assert_eq!(m["syrian regime"], 4);
        assert_eq!(m["syrian"], 4);
        assert_eq!(m.len(), 3);
        let json = serde_json::to_value(&ab).unwrap();
        assert_eq!(json["tass"]["syrian regime"], 4);
        let back: TermCounts = serde_json::from_value(json).unwrap();
        assert_eq!(back, ab);
        assert!(!back.has_voice("ap"));
    }

    #[test]
    fn packing_tells_unigrams_from_bigrams() {
        for (a, b) in [
            (0, None),
            (0, Some(0)),
            (7, Some(u32::MAX - 1)),
            (u32::MAX, None),
        ] {
            assert_eq!(unpack(pack(a, b)), (a, b));
        }
    }
}
