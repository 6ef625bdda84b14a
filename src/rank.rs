//! Rankings that reach output: the top k by count, largest first, ties broken by key, so that
//! every table and chart lists the same items in the same order whatever order they were
//! counted in (a hash map's, a merge's).

/// The `k` items with the largest counts, largest first, ties by key (ascending); items with
/// equal count and key keep their input order. `usize::MAX` ranks them all.
pub fn top_k_by<T, C: Ord, K: Ord + ?Sized>(
    items: impl IntoIterator<Item = T>,
    k: usize,
    count: impl Fn(&T) -> C,
    key: impl Fn(&T) -> &K,
) -> Vec<T> {
    let mut v: Vec<T> = items.into_iter().collect();
    v.sort_by(|a, b| count(b).cmp(&count(a)).then_with(|| key(a).cmp(key(b))));
    v.truncate(k);
    v
}

/// [`top_k_by`] for `(key, count)` pairs.
pub fn top_k<K: Ord, C: Ord + Copy>(
    items: impl IntoIterator<Item = (K, C)>,
    k: usize,
) -> Vec<(K, C)> {
    top_k_by(items, k, |x| x.1, |x| &x.0)
}

/// How often each item occurs, in order of first occurrence (a later tie never displaces an
/// earlier item when the caller keeps the first maximum).
pub fn tally_in_order<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<(T, u32)> {
    let mut counts: Vec<(T, u32)> = Vec::new();
    for x in items {
        match counts.iter_mut().find(|c| c.0 == x) {
            Some(c) => c.1 += 1,
            None => counts.push((x, 1)),
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_first_ties_by_key_at_most_k() {
        let counts = [("b", 2), ("c", 5), ("a", 2), ("d", 1)];
        assert_eq!(top_k(counts, 3), vec![("c", 5), ("a", 2), ("b", 2)]);
        assert_eq!(top_k(counts, usize::MAX).len(), 4);
        assert_eq!(
            tally_in_order(["b", "a", "b", "c", "a", "b"]),
            vec![("b", 3), ("a", 2), ("c", 1)]
        );
        assert!(top_k(counts, 0).is_empty());
        let mut reversed = counts;
        reversed.reverse();
        assert_eq!(top_k(reversed, 3), top_k(counts, 3));
    }

    #[test]
    fn by_projection() {
        let rows = vec![("x", 1u64, 'p'), ("y", 3, 'q'), ("w", 1, 'r')];
        let top = top_k_by(rows, 2, |r| r.1, |r| r.0);
        assert_eq!(top, vec![("y", 3, 'q'), ("w", 1, 'r')]);
    }
}
