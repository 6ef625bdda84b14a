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

/// A [`Map`] that serialises with its keys in sorted order, so that the same counts give the
/// same bytes whatever order they were inserted or merged in. Nested levels are wrapped too:
/// `Sorted<Sorted<V>>` is not needed because [`SortedValue`] says how each value serialises.
pub struct Sorted<'m, V>(pub &'m Map<V>);

/// How a map's values serialise under [`Sorted`]: as themselves, or (for a nested [`Map`]) sorted
/// in turn.
pub trait SortedValue {
    /// Serialises the value, sorting any map inside it.
    fn serialize_sorted<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
}

impl<V: SortedValue> serde::Serialize for Sorted<'_, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let entries = sorted(self.0);
        let mut m = s.serialize_map(Some(entries.len()))?;
        for (k, v) in entries {
            m.serialize_entry(k, &AsSorted(v))?;
        }
        m.end()
    }
}

/// A value serialised through [`SortedValue`].
struct AsSorted<'v, V>(&'v V);

impl<V: SortedValue> serde::Serialize for AsSorted<'_, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_sorted(s)
    }
}

impl<V: SortedValue> SortedValue for Map<V> {
    fn serialize_sorted<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&Sorted(self), s)
    }
}

/// Leaf values of the aggregate's maps: serialised as they are.
macro_rules! sorted_leaf {
    ($($t:ty),*) => {$(
        impl SortedValue for $t {
            fn serialize_sorted<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(self, s)
            }
        }
    )*};
}
sorted_leaf!(
    u64,
    super::cells::ShareCell,
    super::cells::MeanCell,
    super::stats::VoiceStats,
    super::stats::OutletStats,
    super::stats::ActorStats
);

/// `#[serde(serialize_with)]` for a map field of the aggregate: keys sorted at every level.
pub fn serialize_sorted<V: SortedValue, S: serde::Serializer>(
    m: &Map<V>,
    s: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&Sorted(m), s)
}
