//! Stage 7: what each aligned pair is, from the words its two sides share.
//!
//! A pair's word diff says which words of its original sentence(s) reach
//! the rewrite in order (the equal steps). Copied runs say which reach it
//! out of that order (a clause moved inside the sentence). From them:
//!
//! - **`kept_share`**: the share of the original sentence's words that
//!   reach the rewrite sentence (in order or moved within the pair);
//! - **`derived_share`**: the share of the rewrite sentence's words that
//!   come from the original sentence (the same words, counted on the other
//!   side);
//!
//! and the **verdict**:
//!
//! - [`Verdict::Copied`]: one sentence reproduces the other whole, in one
//!   piece: [`COPIED_SHARE`] of the original sentence's words reach the
//!   rewrite in order, counted against its words plus any the rewrite added
//!   between them (a word replaced counts once, as the word it lost),
//!   whatever was added around them (quotation marks, an attribution, a
//!   framing clause: ", said CNET's Lance Whitney" leaves a copied sentence
//!   copied); or the rewrite sentence is, in the same sense, a verbatim
//!   piece of the original (an excerpt of a longer sentence). So one word
//!   changed (a typo, a stray letter glued on: "toΒ work", but also a
//!   number or a "not") leaves a sentence of twenty words or more copied,
//!   and makes a shorter one edited; the shares show the change.
//! - [`Verdict::Edited`]: light changes: at least [`EDITED_SHARE`] of the
//!   words on *each* side are shared, and [`EDITED_LEAST`] on one of them: a
//!   few words replaced, or a clause inserted or dropped inside the
//!   sentence ("The bridge will cost $4.2 million and is expected to open in
//!   2028" trimmed to "The bridge is expected to open in 2028": keeps 61%,
//!   all of the rewrite from the original).
//! - [`Verdict::Reworded`]: derived, but mostly in other words.
//!
//! Words are tokens holding a letter or digit; punctuation does not count.
//!
//! The thresholds were set by measurement (`cargo run --release --example
//! verdicts`, figures in `docs/verdicts.md`): people's rewordings (the short
//! rewrites, the `reworded` fixture and the reference pair's rewritten
//! sentences, 41 pairs) share at most 0.47 of the words on their more
//! shared side and 0.41 on the other; one to three words replaced, inserted
//! or dropped in sentences of 10 to 40 words leave at least 0.69 on each
//! side. One word changed in a sentence of twenty or more stays copied.
//!
//! A pair whose verdict is copied or edited has strong evidence that one
//! sentence was made from the other: its unchanged words are copied, even in
//! stretches shorter than `min_run` at the edges of a change (see
//! [`fragment_runs`]).

use std::ops::Range;

use serde::Serialize;

use crate::diff::Edit;
use crate::keys::Vocabulary;
use crate::runs::Run;

/// The share of the original sentence's words that must reach the rewrite
/// in order for a pair to be [`Verdict::Copied`].
pub const COPIED_SHARE: f64 = 0.95;

/// The share of the words on each side that must be shared for a pair to
/// be [`Verdict::Edited`]...
pub const EDITED_SHARE: f64 = 0.5;

/// ...and on the side that changed least.
pub const EDITED_LEAST: f64 = 0.65;

/// What the rewrite did with the original sentence(s) of a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// The rewrite reproduces the original sentence, perhaps with words
    /// added around it.
    Copied,
    /// Most words are shared on both sides; a few were replaced, inserted or
    /// dropped.
    Edited,
    /// Derived, but mostly in other words.
    Reworded,
}

impl Verdict {
    /// Its name, as in the JSON model.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Copied => "copied",
            Verdict::Edited => "edited",
            Verdict::Reworded => "reworded",
        }
    }

    /// Whether the verdict is evidence enough that one sentence was made
    /// from the other for its unchanged words to count as copied.
    pub fn is_strong(self) -> bool {
        matches!(self, Verdict::Copied | Verdict::Edited)
    }
}

/// The shares and verdict of one pair.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shares {
    /// Share of the original sentence's words that reach the rewrite.
    pub kept: f64,
    /// Share of the rewrite sentence's words that come from the original.
    pub derived: f64,
    /// How whole each sentence is reproduced in the other, in one piece:
    /// its words reproduced in order over its words plus those the other
    /// side changed between the first and the last of them (see
    /// [`Verdict::Copied`]).
    pub whole: (f64, f64),
    /// What the pair is.
    pub verdict: Verdict,
}

impl Shares {
    /// The verdict of a pair with these shares.
    pub fn verdict_of(kept: f64, derived: f64, whole: (f64, f64)) -> Verdict {
        if whole.0 >= COPIED_SHARE || whole.1 >= COPIED_SHARE {
            Verdict::Copied
        } else if kept.min(derived) >= EDITED_SHARE && kept.max(derived) >= EDITED_LEAST {
            Verdict::Edited
        } else {
            Verdict::Reworded
        }
    }
}

/// Measures one pair: `original` and `paraphrase` are each text's unit ids
/// with the pair's range of them, `edits` its word diff and `runs` every
/// copied run (in paraphrase order).
pub fn shares(
    (original_ids, original): (&[u32], Range<u32>),
    (paraphrase_ids, paraphrase): (&[u32], Range<u32>),
    edits: &[Edit],
    runs: &[Run],
    vocabulary: &Vocabulary,
) -> Shares {
    let is_word = |id: u32| vocabulary.is_word[id as usize];
    let words = |ids: &[u32], range: Range<u32>| {
        ids[range.start as usize..range.end as usize]
            .iter()
            .filter(|&&id| is_word(id))
            .count()
    };
    // Units reached, relative to the start of each range.
    let mut o_reached = vec![false; original.len()];
    let mut p_reached = vec![false; paraphrase.len()];
    let mut reach = |edit: &Edit| {
        o_reached[(edit.original.start - original.start) as usize
            ..(edit.original.end - original.start) as usize]
            .fill(true);
        p_reached[(edit.paraphrase.start - paraphrase.start) as usize
            ..(edit.paraphrase.end - paraphrase.start) as usize]
            .fill(true);
    };
    // The words the same in order, and the words added between the first
    // and the last of them on each side (a replacement counts once, as the
    // word it lost): a sentence is copied in one piece when little changed
    // inside it, whatever was added around it. (Punctuation alike at both
    // ends, such as a final period after an added attribution, does not
    // stretch the piece.)
    let holds_words = |edit: &Edit| {
        edit.equal
            && original_ids[edit.original.start as usize..edit.original.end as usize]
                .iter()
                .any(|&id| is_word(id))
    };
    let first = edits.iter().position(holds_words);
    let last = edits.iter().rposition(holds_words);
    let (mut same, mut added_o, mut added_p) = (0, 0, 0);
    for (index, edit) in edits.iter().enumerate() {
        if edit.equal {
            same += words(original_ids, edit.original.clone());
            reach(edit);
        } else if first.is_some_and(|f| f < index) && last.is_some_and(|l| index < l) {
            let (o, p) = (
                words(original_ids, edit.original.clone()),
                words(paraphrase_ids, edit.paraphrase.clone()),
            );
            added_o += o.saturating_sub(p);
            added_p += p.saturating_sub(o);
        }
    }
    // Runs that start in the pair's paraphrase range and take their words
    // from its original range: moved within the pair.
    let from = runs.partition_point(|r| r.paraphrase.end <= paraphrase.start);
    for run in runs[from..]
        .iter()
        .take_while(|r| r.paraphrase.start < paraphrase.end)
    {
        // Only the part of the run inside the pair's paraphrase range: a run
        // may span the whole text (50,000 pairs of one long run were
        // quadratic).
        // and of that, the offsets whose source is in the original range.
        let from = (paraphrase.start.saturating_sub(run.paraphrase.start))
            .max(original.start.saturating_sub(run.original.start));
        let to = (paraphrase.end - run.paraphrase.start)
            .min(run.paraphrase.len() as u32)
            .min(original.end.saturating_sub(run.original.start));
        if from < to {
            // Offsets into the pair's ranges; the run may start before
            // either, which `from` has already stepped past.
            let p = run.paraphrase.start + from - paraphrase.start;
            let o = run.original.start + from - original.start;
            let len = to - from;
            p_reached[p as usize..(p + len) as usize].fill(true);
            o_reached[o as usize..(o + len) as usize].fill(true);
        }
    }
    // The words of a range, and how many of them were reached.
    let reached = |ids: &[u32], range: &Range<u32>, flags: &[bool]| {
        let (mut words, mut reached) = (0, 0);
        for (&flag, &id) in flags
            .iter()
            .zip(&ids[range.start as usize..range.end as usize])
        {
            if is_word(id) {
                words += 1;
                reached += usize::from(flag);
            }
        }
        (words, reached)
    };
    let share = |part: usize, whole: usize| {
        if whole == 0 {
            0.0
        } else {
            (part as f64 / whole as f64).min(1.0)
        }
    };
    let (o_words, o_reached) = reached(original_ids, &original, &o_reached);
    let (p_words, p_reached) = reached(paraphrase_ids, &paraphrase, &p_reached);
    let kept = share(o_reached, o_words);
    let derived = share(p_reached, p_words);
    let whole = (
        share(same, o_words + added_p),
        share(same, p_words + added_o),
    );
    Shares {
        kept,
        derived,
        whole,
        verdict: Shares::verdict_of(kept, derived, whole),
    }
}

/// The largest change, in units on either side, that an unchanged stretch
/// may stand across from a copied run and still count as copied with it: a
/// word or two replaced, inserted or dropped.
pub const MAX_SMALL_CHANGE: usize = 3;

/// The unchanged stretches of a strong pair's diff that no run covers but
/// that stand next to a copied run, or across a small change from one
/// ([`MAX_SMALL_CHANGE`]), as runs of their own (moved flags are set later,
/// with all runs): a sentence that was moved and had one word replaced keeps
/// the words on both sides of the change copied, however few. A name shared
/// across a rewritten clause ("Mayor Delia Markham told colleagues" for
/// "Mayor Delia Markham defended the subsidy") stands across a large change
/// and stays reworded. `covered` marks the paraphrase units already in a run.
pub fn fragment_runs(
    edits: &[Edit],
    paraphrase_ids: &[u32],
    covered: &[bool],
    vocabulary: &Vocabulary,
) -> Vec<Run> {
    let is_word = |unit: u32| vocabulary.is_word[paraphrase_ids[unit as usize] as usize];
    let has_run =
        |edit: &Edit| edit.equal && edit.paraphrase.clone().any(|unit| covered[unit as usize]);
    let small = |edit: &Edit| {
        !edit.equal
            && edit.original.len() <= MAX_SMALL_CHANGE
            && edit.paraphrase.len() <= MAX_SMALL_CHANGE
    };
    let anchored = |i: usize| {
        has_run(&edits[i])
            || (i >= 2 && small(&edits[i - 1]) && has_run(&edits[i - 2]))
            || (i + 2 < edits.len() && small(&edits[i + 1]) && has_run(&edits[i + 2]))
    };
    let mut found = Vec::new();
    for (index, edit) in edits.iter().enumerate() {
        if !edit.equal || !anchored(index) {
            continue;
        }
        let mut at = edit.paraphrase.start;
        while at < edit.paraphrase.end {
            while at < edit.paraphrase.end && covered[at as usize] {
                at += 1;
            }
            let mut end = at;
            while end < edit.paraphrase.end && !covered[end as usize] {
                end += 1;
            }
            // Trimmed to start and end on a word, as runs do.
            let (mut a, mut b) = (at, end);
            while a < b && !is_word(a) {
                a += 1;
            }
            while a < b && !is_word(b - 1) {
                b -= 1;
            }
            if a < b {
                let source = edit.original.start + (a - edit.paraphrase.start);
                found.push(Run {
                    paraphrase: a..b,
                    original: source..source + (b - a),
                    words: (a..b).filter(|&u| is_word(u)).count() as u32,
                    moved: false,
                    quoted: false,
                });
            }
            at = end;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_follow_the_shares() {
        // An attribution added around a copied sentence: still copied.
        assert_eq!(Shares::verdict_of(1.0, 0.7, (1.0, 0.7)), Verdict::Copied);
        // A verbatim excerpt of a long sentence: copied, keeping little.
        assert_eq!(Shares::verdict_of(0.4, 1.0, (0.4, 1.0)), Verdict::Copied);
        // One word replaced in each of ten.
        assert_eq!(Shares::verdict_of(0.9, 0.9, (0.9, 0.9)), Verdict::Edited);
        // A clause dropped from inside: the rewrite is all the original's.
        assert_eq!(Shares::verdict_of(0.61, 1.0, (0.61, 0.61)), Verdict::Edited);
        // Six words in ten shared on each side: a rewording.
        assert_eq!(Shares::verdict_of(0.6, 0.6, (0.6, 0.6)), Verdict::Reworded);
        // Mostly other words.
        assert_eq!(Shares::verdict_of(0.3, 0.4, (0.3, 0.4)), Verdict::Reworded);
        // Most of the original reused inside a long sentence of its own.
        assert_eq!(Shares::verdict_of(0.8, 0.3, (0.8, 0.3)), Verdict::Reworded);
    }
}
