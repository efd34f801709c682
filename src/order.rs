//! The engine's orderings: every sort is of `u64` keys, so that the
//! WebAssembly build holds one sort routine; and the heaviest chain of
//! ranges in order, the backbone that says what moved.

use std::ops::Range;

/// Sorts keys. Every sort of the engine is of `u64` keys (values and indices
/// packed together) so that the WebAssembly build holds one sort routine:
/// each element type and comparator compiles a sort of its own, and a dozen
/// of them came to 67 KB. Out of line: inlined at its sixteen callers, it
/// cost 162 bytes of the gzipped build.
#[inline(never)]
pub fn sort_keys(keys: &mut [u64]) {
    keys.sort_unstable();
}

/// Sorts a few values in place by insertion: for the short lists (a
/// sentence's stems, a bucket of the seed index) whose callers fall back to
/// [`sort_keys`] past a few dozen.
pub fn insertion_sort<T: Copy + Ord>(values: &mut [T]) {
    for i in 1..values.len() {
        let value = values[i];
        let mut at = i;
        while at > 0 && values[at - 1] > value {
            values[at] = values[at - 1];
            at -= 1;
        }
        values[at] = value;
    }
}

/// The indices `0..count` ordered by `key`, ties in index order.
pub fn order_by(count: usize, key: impl Fn(usize) -> u32) -> Vec<usize> {
    let mut keys: Vec<u64> = (0..count)
        .map(|i| (key(i) as u64) << 32 | i as u64)
        .collect();
    sort_keys(&mut keys);
    keys.into_iter()
        .map(|k| (k & 0xFFFF_FFFF) as usize)
        .collect()
}

/// The heaviest chain of items, taken in the order given, whose ranges
/// follow each other without overlapping (each starts at or after the end
/// of the one before). Returns the chosen indices in order.
///
/// `O(n log n)`: a Fenwick tree keeps, for each range end, the heaviest
/// chain ending there.
pub fn heaviest_chain(items: &[(Range<u32>, u64)]) -> Vec<usize> {
    // One item or none, as most pairs' runs are: the chain is the item if
    // it weighs anything, without the tree's five allocations.
    if let [] | [_] = items {
        return items
            .iter()
            .position(|(_, weight)| *weight > 0)
            .into_iter()
            .collect();
    }
    let mut keys: Vec<u64> = items.iter().map(|(range, _)| range.end as u64).collect();
    sort_keys(&mut keys);
    keys.dedup();
    let ends: Vec<u32> = keys.into_iter().map(|k| k as u32).collect();
    let mut tree: Vec<(u64, usize)> = vec![(0, usize::MAX); ends.len() + 1];
    let mut parent = vec![usize::MAX; items.len()];
    let mut best = (0u64, usize::MAX);
    for (index, (range, weight)) in items.iter().enumerate() {
        // Chains whose last end is at or before this start.
        let mut r = ends.partition_point(|&e| e <= range.start);
        let mut before = (0u64, usize::MAX);
        while r > 0 {
            if tree[r].0 > before.0 {
                before = tree[r];
            }
            r &= r - 1;
        }
        let total = before.0 + weight;
        parent[index] = before.1;
        if total > best.0 {
            best = (total, index);
        }
        let mut r = ends.partition_point(|&e| e < range.end) + 1;
        while r < tree.len() {
            if total > tree[r].0 {
                tree[r] = (total, index);
            }
            r += r & r.wrapping_neg();
        }
    }
    let mut chain = Vec::new();
    let mut at = best.1;
    while at != usize::MAX {
        chain.push(at);
        at = parent[at];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heaviest_chain_skips_crossing_and_overlapping_items() {
        let items = [
            (10..20, 5),
            (0..5, 3),
            (20..30, 4),
            (15..25, 9),
            (30..31, 1),
        ];
        // 10..20 + 20..30 + 30..31 weighs 10; 0..5 + 15..25 + 30..31 weighs 13.
        assert_eq!(heaviest_chain(&items), [1, 3, 4]);
        assert!(heaviest_chain(&[]).is_empty());
        assert_eq!(heaviest_chain(&[(4..9, 2)]), [0]);
        assert!(heaviest_chain(&[(4..9, 0)]).is_empty());
    }
}
