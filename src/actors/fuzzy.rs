//! Fuzzy resolution of transliteration variants with `strsim`.
//!
//! Two spellings are the same name when they start with the same letter and either their
//! consonant skeletons are equal (Muqdad = Mekdad = Miqdad: `mkd`; Shoigu = Shoygu: `shg`) with
//! Jaro-Winkler similarity of at least [`SKELETON_MIN_JW`], or their Jaro-Winkler similarity is
//! at least [`JW_MIN`] and their skeletons differ by at most one edit; their lengths differ by at
//! most two letters, and one is not the other with two or more letters added. Skeletons shorter than
//! three letters never match (Raise is not Raisi). Guards keep near-but-different names apart:
//! Lavrov (`lvrv`) is not Lavrentiev (`lvrntv`).

use crate::lexicon::{ActorId, ActorKind, Gazetteer};
use crate::text::keys::name_key;
use rustc_hash::FxHashMap;

/// Jaro-Winkler floor when skeletons are equal.
pub const SKELETON_MIN_JW: f64 = 0.70;
/// Jaro-Winkler floor when skeletons differ by one edit.
pub const JW_MIN: f64 = 0.92;

/// Consonant skeleton: first letter kept, later vowels (and y) dropped, q/c -> k, x -> ks,
/// doubled letters collapsed.
pub fn skeleton(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut last = '\0';
    for (i, c) in key.chars().enumerate() {
        let mapped: &[char] = match c {
            'q' | 'c' => &['k'],
            'x' => &['k', 's'],
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' if i > 0 => &[],
            '\'' | '-' => &[],
            _ => std::slice::from_ref(&c),
        };
        let mapped: Vec<char> = if i == 0 && matches!(c, 'q' | 'c') {
            vec!['k']
        } else {
            mapped.to_vec()
        };
        for m in mapped {
            if m != last {
                out.push(m);
                last = m;
            }
        }
    }
    out
}

/// True when two name keys are spellings of the same name.
pub fn same_name(a: &str, b: &str) -> bool {
    same_name_with(a, &skeleton(a), b, &skeleton(b))
}

/// [`same_name`] with precomputed skeletons.
pub fn same_name_with(a: &str, sa: &str, b: &str, sb: &str) -> bool {
    if a == b {
        return true;
    }
    let (fa, fb) = (a.chars().next(), b.chars().next());
    if fa.is_none()
        || skeleton(&fa.unwrap_or(' ').to_string()) != skeleton(&fb.unwrap_or(' ').to_string())
    {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > 2 {
        return false;
    }
    // A name with two or more letters added at its end is another word ("Hamadaniah" is not
    // Hamadani, "Bahrain" is not Bahra): transliterations change letters, not word endings.
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    if long.starts_with(short) && la.abs_diff(lb) >= 2 {
        return false;
    }
    if sa.chars().count() < 3 || sb.chars().count() < 3 {
        return false;
    }
    let jw = strsim::jaro_winkler(a, b);
    (sa == sb && jw >= SKELETON_MIN_JW) || (jw >= JW_MIN && strsim::levenshtein(sa, sb) <= 1)
}

/// Surnames and given names of the gazetteer's persons, by first letter.
pub struct FuzzyIndex {
    surnames: FxHashMap<char, Vec<(String, String, ActorId)>>,
    given: FxHashMap<char, Vec<(String, String, ActorId)>>,
}

impl FuzzyIndex {
    /// Indexes a gazetteer.
    pub fn new(g: &Gazetteer) -> FuzzyIndex {
        let mut surnames: FxHashMap<char, Vec<(String, String, ActorId)>> = FxHashMap::default();
        let mut given: FxHashMap<char, Vec<(String, String, ActorId)>> = FxHashMap::default();
        for (i, a) in g.actors.iter().enumerate() {
            if a.kind != ActorKind::Person {
                continue;
            }
            if let Some(s) = &a.surname {
                let k = name_key(s);
                if let Some(c) = k.chars().next() {
                    let sk = skeleton(&k);
                    surnames.entry(c).or_default().push((k, sk, i as ActorId));
                }
            }
            for gv in &a.given {
                let k = name_key(gv);
                if let Some(c) = k.chars().next() {
                    let sk = skeleton(&k);
                    given.entry(c).or_default().push((k, sk, i as ActorId));
                }
            }
        }
        FuzzyIndex { surnames, given }
    }

    fn bucket<'a>(
        map: &'a FxHashMap<char, Vec<(String, String, ActorId)>>,
        key: &str,
    ) -> impl Iterator<Item = &'a (String, String, ActorId)> {
        let c = key.chars().next().unwrap_or(' ');
        let alt = match c {
            'k' => Some('q'),
            'q' => Some('k'),
            'c' => Some('k'),
            _ => None,
        };
        map.get(&c)
            .into_iter()
            .flatten()
            .chain(alt.and_then(|a| map.get(&a)).into_iter().flatten())
    }

    /// The single person whose surname is a spelling of `key`, if exactly one.
    pub fn surname(&self, _g: &Gazetteer, key: &str) -> Option<ActorId> {
        let mut found: Option<ActorId> = None;
        let mut best = 0.0;
        let sk = skeleton(key);
        for (k, ks, a) in Self::bucket(&self.surnames, key) {
            if same_name_with(key, &sk, k, ks) {
                let s = strsim::jaro_winkler(key, k);
                if s > best {
                    best = s;
                    found = Some(*a);
                }
            }
        }
        found
    }

    /// Persons one of whose given names is a spelling of `key`.
    pub fn given(&self, key: &str) -> Option<Vec<ActorId>> {
        let sk = skeleton(key);
        let v: Vec<ActorId> = Self::bucket(&self.given, key)
            .filter(|(k, ks, _)| same_name_with(key, &sk, k, ks))
            .map(|(_, _, a)| *a)
            .collect();
        (!v.is_empty()).then_some(v)
    }

    /// True when `key` is a spelling of person `p`'s surname.
    pub fn surname_matches(&self, g: &Gazetteer, p: ActorId, key: &str) -> bool {
        g.actor(p)
            .surname
            .as_deref()
            .map(|s| same_name(key, &name_key(s)))
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_match_and_near_names_stay_apart() {
        for (a, b) in [
            ("lavrentyev", "lavrentiev"),
            ("sergey", "sergei"),
            ("muqdad", "mekdad"),
            ("miqdad", "mekdad"),
            ("shoigu", "shoygu"),
            ("rouhani", "rohani"),
            ("alexander", "aleksandr"),
            ("moallem", "muallem"),
            ("qassem", "kassem"),
        ] {
            assert!(same_name(a, b), "{a} = {b}");
        }
        for (a, b) in [
            ("lavrov", "lavrentiev"),
            ("maher", "bashar"),
            ("raise", "raisi"),
            ("kerr", "kerry"),
            ("putin", "patel"),
            ("zarif", "zakharova"),
        ] {
            assert!(!same_name(a, b), "{a} != {b}");
        }
    }
}
