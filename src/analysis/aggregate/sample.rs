//! Lists that would grow with the corpus (skips, flagged articles): an aggregate keeps their
//! counts by kind and a sample of at most [`LIST_SAMPLE`] items, the first ones in a fixed
//! total order (source path, line, id, ...). Keeping the first k of a total order is
//! associative and commutative, so merged shards and any thread count keep the same sample;
//! the complete lists stream to files of their own as the run goes (`skips.jsonl`,
//! `flags.jsonl`, see [`crate::analysis::pipeline::Lists`]).

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Items of each list kept in an aggregate and in the reports.
pub const LIST_SAMPLE: usize = 200;

/// An item of a capped list: a total order that decides which items are kept.
pub trait Listed: Clone {
    /// The order in which items are listed; the first [`LIST_SAMPLE`] are kept.
    fn order(&self, other: &Self) -> Ordering;
}

/// The first [`LIST_SAMPLE`] items of a list by [`Listed::order`], sorted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Sample<T> {
    items: Vec<T>,
}

impl<T> Default for Sample<T> {
    fn default() -> Self {
        Sample { items: Vec::new() }
    }
}

impl<T: Listed> Sample<T> {
    /// Adds an item; it is kept when it is among the first [`LIST_SAMPLE`].
    pub fn push(&mut self, item: T) {
        let at = self
            .items
            .partition_point(|x| x.order(&item) != Ordering::Greater);
        if at >= LIST_SAMPLE {
            return;
        }
        self.items.insert(at, item);
        self.items.truncate(LIST_SAMPLE);
    }

    /// Adds every item of another sample.
    pub fn merge(&mut self, other: Sample<T>) {
        for item in other.items {
            self.push(item);
        }
    }

    /// The kept items, in order.
    pub fn items(&self) -> &[T] {
        &self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Listed for u32 {
        fn order(&self, other: &Self) -> Ordering {
            self.cmp(other)
        }
    }

    fn sample(items: impl IntoIterator<Item = u32>) -> Sample<u32> {
        let mut s = Sample::default();
        for i in items {
            s.push(i);
        }
        s
    }

    #[test]
    fn keeps_the_first_items_whatever_the_order_and_split() {
        let n = LIST_SAMPLE as u32 * 3;
        // A fixed permutation of 0..n (multiplication by a unit mod a prime > n).
        let p = 1_009u32;
        let shuffled: Vec<u32> = (0..p).map(|i| i * 389 % p).filter(|&x| x < n).collect();
        let whole = sample(shuffled.iter().copied());
        let expected: Vec<u32> = (0..LIST_SAMPLE as u32).collect();
        assert_eq!(whole.items(), &expected[..]);
        let (a, b) = shuffled.split_at(shuffled.len() / 3);
        let mut merged = sample(b.iter().copied());
        merged.merge(sample(a.iter().copied()));
        assert_eq!(merged, whole);
        let mut other_way = sample(a.iter().copied());
        other_way.merge(sample(b.iter().copied()));
        assert_eq!(other_way, whole);
    }

    #[test]
    fn a_short_list_is_kept_whole_and_sorted() {
        let s = sample([5, 1, 3, 1]);
        assert_eq!(s.items(), &[1, 1, 3, 5]);
    }
}
