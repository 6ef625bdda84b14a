//! String-keyed hash maps for the aggregate: one probe per look-up, sorted only for output.

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

/// Merges `from` into `into`, combining values under the same two keys with `f`.
pub(super) fn merge2<V>(into: &mut Map2<V>, from: Map2<V>, f: impl Fn(&mut V, V))
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

/// Adds the counts of `from` to `into`.
pub(super) fn merge_counts(into: &mut Map<u64>, from: Map<u64>) {
    if into.is_empty() {
        *into = from;
        return;
    }
    for (k, v) in from {
        *into.entry(k).or_default() += v;
    }
}
