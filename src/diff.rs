//! Stage 6: the word diff inside each aligned pair.
//!
//! Copied runs that lie inside the pair, in the same order on both sides,
//! are its anchors: they are equal by construction, and the stretches
//! between them are diffed on their own. This keeps a copied passage whole
//! even when the diff alone would rather match a few crossing words.
//!
//! Each stretch is diffed with `similar`'s Patience algorithm on interned
//! ids. Patience anchors on words that occur once on each side, which suits
//! prose: Myers would match stray common words and shred a reworded sentence
//! into many small changes. The result is a list of [`Edit`]s, each either
//! equal on both sides or a change (a deletion, an insertion or both).

use std::ops::Range;

use similar::DiffOp;
use similar::algorithms::{Capture, patience};

use crate::budget::Budget;
use crate::order::heaviest_chain;

/// One step of a pair's diff, in units of each text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Whether both sides are the same; otherwise a change.
    pub equal: bool,
    /// Units of the original.
    pub original: Range<u32>,
    /// Units of the paraphrase.
    pub paraphrase: Range<u32>,
}

/// Diffs the units of a pair around the copied runs inside it.
///
/// `runs` are the copied runs as (original units, paraphrase units), in
/// paraphrase order; those
/// inside both ranges that form the heaviest chain in order become equal
/// edits, and the stretches between them are diffed with [`diff_units`].
pub fn diff_pair(
    original: &[u32],
    original_range: Range<u32>,
    paraphrase: &[u32],
    paraphrase_range: Range<u32>,
    runs: &[(Range<u32>, Range<u32>)],
    budget: &Budget,
) -> Vec<Edit> {
    // Runs come in paraphrase order and do not overlap there: those that
    // reach into the pair are found by binary search, and each is clipped to
    // the pair (a run often spans many sentences).
    let from = runs.partition_point(|(_, p)| p.end <= paraphrase_range.start);
    let to = runs.partition_point(|(_, p)| p.start < paraphrase_range.end);
    let inside: Vec<(Range<u32>, Range<u32>)> = runs[from..to]
        .iter()
        .filter_map(|(o, p)| clip(o, p, &original_range, &paraphrase_range))
        .collect();
    let inside: Vec<&(Range<u32>, Range<u32>)> = inside.iter().collect();
    let mut edits = Vec::new();
    let (mut o_at, mut p_at) = (original_range.start, paraphrase_range.start);
    for (o, p) in in_order(&inside) {
        for edit in diff_units(original, o_at..o.start, paraphrase, p_at..p.start, budget) {
            push_merged(&mut edits, edit);
        }
        push_merged(
            &mut edits,
            Edit {
                equal: true,
                original: o.clone(),
                paraphrase: p.clone(),
            },
        );
        (o_at, p_at) = (o.end, p.end);
    }
    for edit in diff_units(
        original,
        o_at..original_range.end,
        paraphrase,
        p_at..paraphrase_range.end,
        budget,
    ) {
        push_merged(&mut edits, edit);
    }
    edits
}

/// The part of a run (original units `o`, paraphrase units `p`, of equal
/// length) that lies inside both ranges of a pair, if any.
fn clip(
    o: &Range<u32>,
    p: &Range<u32>,
    original: &Range<u32>,
    paraphrase: &Range<u32>,
) -> Option<(Range<u32>, Range<u32>)> {
    // Offsets into the run where both sides are inside their ranges.
    let start =
        (paraphrase.start.saturating_sub(p.start)).max(original.start.saturating_sub(o.start));
    let end = (paraphrase.end.saturating_sub(p.start))
        .min(original.end.saturating_sub(o.start))
        .min(p.len() as u32);
    (start < end).then(|| {
        (
            o.start + start..o.start + end,
            p.start + start..p.start + end,
        )
    })
}

/// The heaviest chain of runs (by length) in order on both sides and not
/// overlapping on either. The runs come in paraphrase order and do not
/// overlap there, so a chain in original order is in order on both.
fn in_order<'r>(runs: &[&'r (Range<u32>, Range<u32>)]) -> Vec<&'r (Range<u32>, Range<u32>)> {
    let items: Vec<(Range<u32>, u64)> = runs
        .iter()
        .map(|(o, p)| (o.clone(), p.len() as u64))
        .collect();
    heaviest_chain(&items)
        .into_iter()
        .map(|i| runs[i])
        .collect()
}

/// Diffs two unit ranges; `original` and `paraphrase` are the whole texts'
/// unit ids and the ranges say which part is diffed.
pub fn diff_units(
    original: &[u32],
    original_range: Range<u32>,
    paraphrase: &[u32],
    paraphrase_range: Range<u32>,
    budget: &Budget,
) -> Vec<Edit> {
    if original_range.is_empty() || paraphrase_range.is_empty() {
        return vec![Edit {
            equal: false,
            original: original_range,
            paraphrase: paraphrase_range,
        }]
        .into_iter()
        .filter(|e| !e.original.is_empty() || !e.paraphrase.is_empty())
        .collect();
    }
    let (o0, p0) = (original_range.start, paraphrase_range.start);
    if budget.expired() {
        budget.cut_short("word changes");
        return vec![Edit {
            equal: false,
            original: original_range,
            paraphrase: paraphrase_range,
        }];
    }
    let old = &original[original_range.start as usize..original_range.end as usize];
    let new = &paraphrase[paraphrase_range.start as usize..paraphrase_range.end as usize];
    let mut edits: Vec<Edit> = Vec::new();
    for op in patience_ops(old, new, budget.deadline()) {
        let (o, p) = (op.old_range(), op.new_range());
        let edit = Edit {
            equal: matches!(op, DiffOp::Equal { .. }),
            original: o0 + o.start as u32..o0 + o.end as u32,
            paraphrase: p0 + p.start as u32..p0 + p.end as u32,
        };
        push_merged(&mut edits, edit);
    }
    if budget.expired() {
        // `similar` settles for an approximate diff once the deadline has
        // passed; the result must say so.
        budget.cut_short("word changes");
    }
    edits
}

/// The Patience diff of two id sequences as `similar`'s ops. Called
/// directly rather than through `similar`'s algorithm switch, so that only
/// Patience (and the Myers it falls back on) is compiled in: the switch
/// keeps every algorithm in the WebAssembly build.
///
/// Without `similar`'s `Compact` hook: the edits are merged into equal and
/// changed stretches anyway ([`push_merged`]) and then folded
/// ([`crate::cleanup`]), and with it or without, the reports of every
/// fixture pair, 80 verbatim pairs of `../shared/data/pan-dev` and
/// 20,000-word pairs of each bench scenario came out byte for byte the
/// same; it cost 5.2 KB of the gzipped WebAssembly build (two more
/// instances of `similar`'s Myers and its shifting passes).
///
/// Raw (`diff_deadline_raw`: no preflight that trims or reduces the input
/// before Myers, no heuristics): the same diffs on every fixture and test
/// pair, the bench pairs of every scenario at 10k and 100k words and the
/// 1M-word 1%-edit and paraphrase pairs, in the same time (processor time,
/// best of 3 to 5), and 4.2 KB less of the gzipped WebAssembly build (the
/// heuristic Myers on Patience's unique items, and its preflight, go).
/// Without `similar`'s `Replace` hook: a deletion beside an insertion stays
/// two ops, which both callers join into one change anyway
/// ([`push_merged`], and refinement's own joining); 165 bytes less.
pub fn patience_ops(old: &[u32], new: &[u32], deadline: Option<web_time::Instant>) -> Vec<DiffOp> {
    let mut hook = Capture::new();
    // Capturing cannot fail (its error type is uninhabited).
    let Ok(()) =
        patience::diff_deadline_raw(&mut hook, old, 0..old.len(), new, 0..new.len(), deadline);
    hook.into_ops()
}

/// Appends an edit, joining it to the last one when both are changes (or
/// both equal).
#[inline(never)]
pub fn push_merged(edits: &mut Vec<Edit>, edit: Edit) {
    if edit.original.is_empty() && edit.paraphrase.is_empty() {
        return;
    }
    match edits.last_mut() {
        Some(last) if last.equal == edit.equal => {
            last.original.end = edit.original.end;
            last.paraphrase.end = edit.paraphrase.end;
        }
        _ => edits.push(edit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(equal: bool, o: Range<u32>, p: Range<u32>) -> Edit {
        Edit {
            equal,
            original: o,
            paraphrase: p,
        }
    }

    #[test]
    fn a_replaced_word_is_one_change_between_equal_stretches() {
        let old = [1, 2, 3, 4];
        let new = [1, 2, 9, 4];
        let edits = diff_units(&old, 0..4, &new, 0..4, &Budget::new(None));
        assert_eq!(
            edits,
            [
                edit(true, 0..2, 0..2),
                edit(false, 2..3, 2..3),
                edit(true, 3..4, 3..4)
            ]
        );
    }

    #[test]
    fn ranges_are_those_of_the_whole_texts() {
        let old = [7, 7, 1, 2];
        let new = [8, 1, 3];
        let edits = diff_units(&old, 2..4, &new, 1..3, &Budget::new(None));
        assert_eq!(edits, [edit(true, 2..3, 1..2), edit(false, 3..4, 2..3)]);
    }

    #[test]
    fn copied_runs_in_order_anchor_the_diff() {
        // Units: original  A B C D E F, paraphrase  E F x A B C
        let old = [1, 2, 3, 4, 5, 6];
        let new = [5, 6, 9, 1, 2, 3];
        let runs = [(4..6, 0..2), (0..3, 3..6)]; // in paraphrase order
        let edits = diff_pair(&old, 0..6, &new, 0..6, &runs, &Budget::new(None));
        // The longer run (A B C) is the anchor; E F, crossing it, is a change.
        assert_eq!(
            edits,
            [
                edit(false, 0..0, 0..3),
                edit(true, 0..3, 3..6),
                edit(false, 3..6, 6..6)
            ]
        );
    }

    #[test]
    fn a_run_longer_than_the_pair_is_clipped_to_it() {
        // The run covers units 0..10 of both texts; the pair is units 3..6.
        let text = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        let runs = [(0..10, 0..10)];
        let edits = diff_pair(&text, 3..6, &text, 3..6, &runs, &Budget::new(None));
        assert_eq!(edits, [edit(true, 3..6, 3..6)]);
        // Shifted: the run maps paraphrase 2..8 onto original 0..6.
        let edits = diff_pair(
            &text,
            0..4,
            &text,
            2..6,
            &[(0..6, 2..8)],
            &Budget::new(None),
        );
        assert_eq!(edits, [edit(true, 0..4, 2..6)]);
    }

    #[test]
    fn an_expired_budget_gives_one_coarse_change() {
        let budget = Budget::new(Some(0));
        let edits = diff_units(&[1, 2], 0..2, &[1, 3], 0..2, &budget);
        assert_eq!(edits, [edit(false, 0..2, 0..2)]);
        assert_eq!(budget.into_cut_short(), ["word changes"]);
    }

    #[test]
    fn a_diff_the_deadline_cut_short_says_so() {
        // Two 200,000-unit sequences with no unique unit: Myers at its
        // slowest (seconds), so a 5 ms deadline passes during the diff and
        // `similar` returns an approximation. Were the deadline to pass
        // before the diff starts, the early return says the same thing.
        let old: Vec<u32> = (0..200_000).map(|i| (i * 7) % 10).collect();
        let new: Vec<u32> = (0..200_000).map(|i| (i * 3) % 10).collect();
        let budget = Budget::new(Some(5));
        let edits = diff_units(&old, 0..200_000, &new, 0..200_000, &budget);
        assert_eq!(edits.first().map(|e| e.original.start), Some(0));
        assert_eq!(edits.last().map(|e| e.paraphrase.end), Some(200_000));
        assert_eq!(budget.into_cut_short(), ["word changes"]);
    }
}
