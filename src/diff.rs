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
use similar::algorithms::{Capture, DiffHook, myers};

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
    clock: &mut Clock<'_>,
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
        diff_into(
            &mut edits,
            (original, o_at..o.start),
            (paraphrase, p_at..p.start),
            clock,
        );
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
    diff_into(
        &mut edits,
        (original, o_at..original_range.end),
        (paraphrase, p_at..paraphrase_range.end),
        clock,
    );
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

/// Most units (both sides together) diffed without a look at the time: a
/// stretch this small is diffed without a deadline, and the clock is read
/// only once the stretches diffed since the last look hold more.
///
/// `similar`'s Myers reads the clock at every step of its search when given
/// a deadline: in WebAssembly each read is a call out to JavaScript's
/// `performance.now()`, and the sentence pairs of a 1M-word paraphrase made
/// 773,285 of them (54 ms of ~930). Untimed, the diffs between two looks
/// hold at most this many units, so they take at most about (this)² steps
/// of Myers's search, whatever the units: 1.5–2.5 ms natively for two
/// 512-unit stretches with no unique unit and few in common
/// (`untimed_diffs_are_cheap`). Only that much may run past the deadline.
/// Results are the same as with the deadline while it has not passed.
pub const UNTIMED_UNITS: usize = 1024;

/// The time of one stage's word diffs: see [`UNTIMED_UNITS`]. Once the time
/// is up, it stays up, and every later stretch is one coarse change.
pub struct Clock<'b> {
    budget: &'b Budget,
    /// Units diffed without a deadline since the clock was last read.
    untimed: usize,
    up: bool,
}

impl<'b> Clock<'b> {
    /// A clock for `budget`, read before the first diff.
    pub fn new(budget: &'b Budget) -> Self {
        Clock {
            budget,
            untimed: UNTIMED_UNITS,
            up: false,
        }
    }

    /// Before a diff of `units` units: whether the time is up, reading the
    /// clock when the diff is large or the untimed ones add up.
    fn time_is_up(&mut self, units: usize) -> bool {
        if !self.up {
            let large = units > UNTIMED_UNITS;
            if large || self.untimed + units > UNTIMED_UNITS {
                self.up = self.budget.expired();
                self.untimed = if large { 0 } else { units };
            } else {
                self.untimed += units;
            }
        }
        self.up
    }
}

/// Diffs two unit ranges; `original` and `paraphrase` are the whole texts'
/// unit ids and the ranges say which part is diffed.
pub fn diff_units(
    original: &[u32],
    original_range: Range<u32>,
    paraphrase: &[u32],
    paraphrase_range: Range<u32>,
    clock: &mut Clock<'_>,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    diff_into(
        &mut edits,
        (original, original_range),
        (paraphrase, paraphrase_range),
        clock,
    );
    edits
}

/// As [`diff_units`], appending the edits to `edits` with [`push_merged`]
/// (a pair's stretches go straight into its one list).
fn diff_into(
    edits: &mut Vec<Edit>,
    (original, original_range): (&[u32], Range<u32>),
    (paraphrase, paraphrase_range): (&[u32], Range<u32>),
    clock: &mut Clock<'_>,
) {
    let coarse = Edit {
        equal: false,
        original: original_range.clone(),
        paraphrase: paraphrase_range.clone(),
    };
    if original_range.is_empty() || paraphrase_range.is_empty() {
        return push_merged(edits, coarse);
    }
    let units = original_range.len() + paraphrase_range.len();
    if clock.time_is_up(units) {
        clock.budget.cut_short("word changes");
        return push_merged(edits, coarse);
    }
    let deadline = if units > UNTIMED_UNITS {
        clock.budget.deadline()
    } else {
        None
    };
    let (o0, p0) = (original_range.start, paraphrase_range.start);
    let old = &original[original_range.start as usize..original_range.end as usize];
    let new = &paraphrase[paraphrase_range.start as usize..paraphrase_range.end as usize];
    for op in patience_ops(old, new, deadline) {
        let (o, p) = (op.old_range(), op.new_range());
        let edit = Edit {
            equal: matches!(op, DiffOp::Equal { .. }),
            original: o0 + o.start as u32..o0 + o.end as u32,
            paraphrase: p0 + p.start as u32..p0 + p.end as u32,
        };
        push_merged(edits, edit);
    }
    if deadline.is_some() && clock.budget.expired() {
        // `similar` settles for an approximate diff once the deadline has
        // passed; the result must say so.
        clock.budget.cut_short("word changes");
    }
}

/// The Patience diff of two id sequences as `similar`'s ops: the ids that
/// occur once on each side are matched by `similar`'s Myers, and the
/// stretches between matched ones diffed by it too (Bram Cohen's Patience,
/// as `similar::algorithms::patience::diff_deadline_raw` runs it: the same
/// ops, tested below).
///
/// The anchoring is written here, not called from `similar`, for the
/// WebAssembly build's size: `similar`'s Patience chooses between its raw
/// and its heuristic Myers by a field read at run time, so both (with the
/// preflight that trims or reduces the input) are compiled in for each of
/// its three hooks, though only the raw one ever runs; this calls the raw
/// one alone, with one hook (`Anchored`) for both of its diffs, so that
/// `similar`'s Myers is compiled once. bench/README.md has the bytes.
///
/// Raw Myers (no preflight, no heuristics): the same diffs on every fixture
/// and test pair, the bench pairs of every scenario at 10k and 100k words
/// and the 1M-word 1%-edit and paraphrase pairs as the heuristic one, in
/// the same time. Without `similar`'s `Compact` hook: the edits are merged
/// into equal and changed stretches anyway ([`push_merged`], and
/// refinement's own joining) and then folded ([`crate::cleanup`]); with it
/// or without, the reports of every fixture pair, 80 verbatim pairs of
/// `../shared/data/pan-dev` and 20,000-word pairs of each bench scenario
/// came out byte for byte the same. Nor its `Replace` hook: a deletion
/// beside an insertion stays two ops, which both callers join.
pub fn patience_ops(old: &[u32], new: &[u32], deadline: Option<web_time::Instant>) -> Vec<DiffOp> {
    let mut capture = Capture::new();
    let old_anchors = once_each(old);
    let new_anchors = once_each(new);
    let ids = |text: &[u32], at: &[usize]| at.iter().map(|&i| text[i]).collect::<Vec<u32>>();
    let (old_ids, new_ids) = (ids(old, &old_anchors), ids(new, &new_anchors));
    let mut anchored = Anchored {
        out: &mut capture,
        old,
        new,
        old_anchors,
        new_anchors,
        at: (0, 0),
        deadline,
        stretch: false,
    };
    // Neither hook can fail: capturing's error type is uninhabited.
    let Ok(()) = myers::diff_deadline_raw(
        &mut anchored,
        &old_ids[..],
        0..old_ids.len(),
        &new_ids[..],
        0..new_ids.len(),
        deadline,
    );
    capture.into_ops()
}

/// The places of the ids that occur once in `ids`, in order.
fn once_each(ids: &[u32]) -> Vec<usize> {
    let mut keys: Vec<u64> = ids
        .iter()
        .enumerate()
        .map(|(at, &id)| u64::from(id) << 32 | at as u64)
        .collect();
    crate::order::sort_keys(&mut keys);
    let mut once = vec![false; ids.len()];
    for (i, key) in keys.iter().enumerate() {
        let id = key >> 32;
        let alone = (i == 0 || keys[i - 1] >> 32 != id)
            && keys.get(i + 1).is_none_or(|next| next >> 32 != id);
        if alone {
            once[(key & 0xFFFF_FFFF) as usize] = true;
        }
    }
    (0..ids.len()).filter(|&at| once[at]).collect()
}

/// Patience's second step, as a hook on the Myers diff of the ids that occur
/// once on each side: each matched pair of them is an anchor; the stretch
/// before it is equal as far as it goes from the last anchor, then diffed.
///
/// The same value is the hook of each stretch's diff, which it passes on to
/// the ops it captures: one hook type for both diffs makes one copy of
/// `similar`'s Myers in the WebAssembly build, where a hook of its own for
/// the stretches made two (6.5 KB).
struct Anchored<'a, 'c> {
    out: &'c mut Capture,
    old: &'a [u32],
    new: &'a [u32],
    old_anchors: Vec<usize>,
    new_anchors: Vec<usize>,
    /// Where the next stretch starts on each side.
    at: (usize, usize),
    deadline: Option<web_time::Instant>,
    /// Whether a stretch is being diffed: its ops are captured, and the
    /// diff of the anchors waits.
    stretch: bool,
}

impl Anchored<'_, '_> {
    /// Emits the stretch from where the last one ended to `(old, new)`:
    /// its common start as equal, the rest diffed.
    fn stretch_to(&mut self, old: usize, new: usize) -> Result<(), std::convert::Infallible> {
        let (o0, n0) = self.at;
        let common = self.old[o0..old]
            .iter()
            .zip(&self.new[n0..new])
            .take_while(|(a, b)| a == b)
            .count();
        if common > 0 {
            self.out.equal(o0, n0, common)?;
        }
        let (old_ids, new_ids, deadline) = (self.old, self.new, self.deadline);
        self.stretch = true;
        myers::diff_deadline_raw(
            self,
            old_ids,
            o0 + common..old,
            new_ids,
            n0 + common..new,
            deadline,
        )?;
        self.stretch = false;
        self.at = (old, new);
        Ok(())
    }
}

impl DiffHook for Anchored<'_, '_> {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        if self.stretch {
            return self.out.equal(old, new, len);
        }
        for (o, n) in (old..old + len).zip(new..new + len) {
            self.stretch_to(self.old_anchors[o], self.new_anchors[n])?;
        }
        Ok(())
    }

    /// A stretch's deletion; the anchors' are not needed (their units are
    /// in the stretches around them).
    fn delete(&mut self, old: usize, len: usize, new: usize) -> Result<(), Self::Error> {
        if self.stretch {
            self.out.delete(old, len, new)?;
        }
        Ok(())
    }

    /// A stretch's insertion, as [`Anchored::delete`].
    fn insert(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        if self.stretch {
            self.out.insert(old, new, len)?;
        }
        Ok(())
    }

    /// The end of the anchors' diff: the last stretch. A stretch's own
    /// end needs nothing.
    fn finish(&mut self) -> Result<(), Self::Error> {
        if self.stretch {
            return Ok(());
        }
        self.stretch_to(self.old.len(), self.new.len())
    }
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

    /// The ops with neighbours of the same tag joined: what both callers
    /// make of them.
    fn joined(ops: Vec<DiffOp>) -> Vec<(bool, Range<usize>, Range<usize>)> {
        let mut out: Vec<(bool, Range<usize>, Range<usize>)> = Vec::new();
        for op in ops {
            let (equal, o, n) = (
                matches!(op, DiffOp::Equal { .. }),
                op.old_range(),
                op.new_range(),
            );
            match out.last_mut() {
                Some(last) if last.0 == equal => {
                    last.1.end = o.end;
                    last.2.end = n.end;
                }
                _ => out.push((equal, o, n)),
            }
        }
        out
    }

    fn similar_patience(old: &[u32], new: &[u32]) -> Vec<DiffOp> {
        let mut capture = Capture::new();
        let Ok(()) = similar::algorithms::patience::diff_deadline_raw(
            &mut capture,
            old,
            0..old.len(),
            new,
            0..new.len(),
            None,
        );
        capture.into_ops()
    }

    proptest::proptest! {
        /// The anchoring written here diffs as `similar`'s own Patience:
        /// small alphabets make repeated ids (no anchors), large ones unique
        /// ids (many anchors); edits of one text make both at once.
        #[test]
        fn patience_here_is_similar_s_patience(
            old in proptest::collection::vec(0..40u32, 0..80),
            new in proptest::collection::vec(0..40u32, 0..80),
            edits in proptest::collection::vec((0..80usize, 0..60u32), 0..12),
            small in proptest::bool::ANY,
        ) {
            let fold = |ids: &[u32]| -> Vec<u32> { ids.iter().map(|&i| if small { i % 4 } else { i }).collect() };
            let (old, mut new) = (fold(&old), fold(&new));
            proptest::prop_assert_eq!(joined(patience_ops(&old, &new, None)), joined(similar_patience(&old, &new)));
            // A rewrite of the original: a few ids changed, dropped or added.
            new.clone_from(&old);
            for &(at, id) in &edits {
                let at = at % (new.len() + 1);
                match id % 3 {
                    0 if at < new.len() => { new.remove(at); }
                    1 => new.insert(at, id + 100),
                    _ if at < new.len() => new[at] = id + 100,
                    _ => {}
                }
            }
            proptest::prop_assert_eq!(joined(patience_ops(&old, &new, None)), joined(similar_patience(&old, &new)));
        }
    }

    #[test]
    fn patience_on_empty_and_identical_sides() {
        for (old, new) in [
            (&[][..], &[1, 2][..]),
            (&[1, 2], &[]),
            (&[], &[]),
            (&[3, 1, 3], &[3, 1, 3]),
        ] {
            assert_eq!(
                joined(patience_ops(old, new, None)),
                joined(similar_patience(old, new)),
                "{old:?} {new:?}"
            );
        }
    }

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
        let edits = diff_units(&old, 0..4, &new, 0..4, &mut Clock::new(&Budget::new(None)));
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
        let edits = diff_units(&old, 2..4, &new, 1..3, &mut Clock::new(&Budget::new(None)));
        assert_eq!(edits, [edit(true, 2..3, 1..2), edit(false, 3..4, 2..3)]);
    }

    #[test]
    fn copied_runs_in_order_anchor_the_diff() {
        // Units: original  A B C D E F, paraphrase  E F x A B C
        let old = [1, 2, 3, 4, 5, 6];
        let new = [5, 6, 9, 1, 2, 3];
        let runs = [(4..6, 0..2), (0..3, 3..6)]; // in paraphrase order
        let edits = diff_pair(
            &old,
            0..6,
            &new,
            0..6,
            &runs,
            &mut Clock::new(&Budget::new(None)),
        );
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
        let edits = diff_pair(
            &text,
            3..6,
            &text,
            3..6,
            &runs,
            &mut Clock::new(&Budget::new(None)),
        );
        assert_eq!(edits, [edit(true, 3..6, 3..6)]);
        // Shifted: the run maps paraphrase 2..8 onto original 0..6.
        let edits = diff_pair(
            &text,
            0..4,
            &text,
            2..6,
            &[(0..6, 2..8)],
            &mut Clock::new(&Budget::new(None)),
        );
        assert_eq!(edits, [edit(true, 0..4, 2..6)]);
    }

    #[test]
    fn an_expired_budget_gives_one_coarse_change() {
        let budget = Budget::new(Some(0));
        let edits = diff_units(&[1, 2], 0..2, &[1, 3], 0..2, &mut Clock::new(&budget));
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
        let edits = diff_units(&old, 0..200_000, &new, 0..200_000, &mut Clock::new(&budget));
        assert_eq!(edits.first().map(|e| e.original.start), Some(0));
        assert_eq!(edits.last().map(|e| e.paraphrase.end), Some(200_000));
        assert_eq!(budget.into_cut_short(), ["word changes"]);
    }

    /// The worst untimed diff ([`UNTIMED_UNITS`]): two stretches of half
    /// as many units each, with no unique unit (so no anchor) and few units
    /// in common or none. Prints the time of each; run it with
    /// `cargo test --release -- --ignored --nocapture untimed`.
    #[test]
    #[ignore = "a timing, not a check"]
    fn untimed_diffs_are_cheap() {
        let half = UNTIMED_UNITS as u32 / 2;
        let cycle = |step: u32, from: u32| (0..half).map(move |i| (i * step) % 10 + from);
        let cases = [(7, 3, 5), (2, 3, 5), (1, 1, 20)];
        for (old_step, new_step, new_from) in cases {
            let old: Vec<u32> = cycle(old_step, 0).collect();
            let new: Vec<u32> = cycle(new_step, new_from).collect();
            let budget = Budget::new(None);
            let started = std::time::Instant::now();
            let edits = diff_units(&old, 0..half, &new, 0..half, &mut Clock::new(&budget));
            eprintln!(
                "{old_step} {new_step} {new_from}: {:?}, {} edits",
                started.elapsed(),
                edits.len()
            );
        }
    }
}
