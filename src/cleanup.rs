//! Stage 8: semantic cleanup of a pair's diff.
//!
//! A diff of prose often keeps a lone "the", "of" or comma as "equal"
//! between two changes, which chops one rewording into several and makes
//! the reader stitch them together. Such islands are folded into the change
//! around them: an equal stretch between two changes goes when it holds
//! only very common words and punctuation (at most [`MAX_WEAK_ISLAND`]
//! units), or when it is a single unit between two changes of at least
//! [`BIG_CHANGE`] units each.

use crate::diff::{Edit, push_merged};
use crate::keys::Vocabulary;

/// The longest island of common words and punctuation that is folded.
pub const MAX_WEAK_ISLAND: u32 = 3;

/// A change at least this long on one side swallows a one-unit island.
pub const BIG_CHANGE: u32 = 3;

/// Folds weak equal islands into the changes around them.
///
/// One pass, with the result as a stack: after each edit is pushed, a
/// change–island–change on top is folded, and again while the grown change
/// makes the island below it foldable. Folding only ever grows changes, so
/// an island foldable once stays foldable and the order of folds does not
/// change the result; rescanning from the start after each fold did the same
/// work in quadratic time (12 s for one 260,000-word sentence pair).
pub fn fold_islands(edits: Vec<Edit>, original: &[u32], vocabulary: &Vocabulary) -> Vec<Edit> {
    let size = |e: &Edit| e.original.len().max(e.paraphrase.len()) as u32;
    let weak = |e: &Edit| {
        e.original.len() as u32 <= MAX_WEAK_ISLAND
            && original[e.original.start as usize..e.original.end as usize]
                .iter()
                .all(|&id| !vocabulary.is_word[id as usize] || vocabulary.is_common[id as usize])
    };
    let foldable = |before: &Edit, island: &Edit, after: &Edit| {
        island.equal
            && !before.equal
            && !after.equal
            && (weak(island)
                || (island.original.len() == 1
                    && size(before) >= BIG_CHANGE
                    && size(after) >= BIG_CHANGE))
    };
    let mut folded: Vec<Edit> = Vec::with_capacity(edits.len());
    for edit in edits {
        push_merged(&mut folded, edit);
        while let [.., before, island, after] = folded.as_slice()
            && foldable(before, island, after)
        {
            let end = (after.original.end, after.paraphrase.end);
            folded.truncate(folded.len() - 2);
            if let Some(change) = folded.last_mut() {
                (change.original.end, change.paraphrase.end) = end;
            }
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::tokenize::tokenize;

    /// Diffs two sentences and shows the edits as `[-old-]{+new+}` text.
    fn show(old: &str, new: &str) -> String {
        let options = Options::default();
        let mut vocabulary = Vocabulary::new(&crate::keys::nfkc);
        let (ot, nt) = (tokenize(old, true), tokenize(new, true));
        let o = vocabulary.units(old, &ot, &options);
        let n = vocabulary.units(new, &nt, &options);
        let edits = crate::diff::diff_units(
            &o.id,
            0..o.len() as u32,
            &n.id,
            0..n.len() as u32,
            &mut crate::diff::Clock::new(&crate::budget::Budget::new(None)),
        );
        let edits = fold_islands(edits, &o.id, &vocabulary);
        let words = |text: &str,
                     tokens: &[crate::tokenize::Token],
                     units: &crate::keys::Units,
                     r: std::ops::Range<u32>| {
            r.map(|u| tokens[units.token[u as usize] as usize].text(text))
                .collect::<Vec<_>>()
                .join(" ")
        };
        edits
            .iter()
            .map(|e| {
                let a = words(old, &ot, &o, e.original.clone());
                let b = words(new, &nt, &n, e.paraphrase.clone());
                match (e.equal, a.is_empty(), b.is_empty()) {
                    (true, _, _) => a,
                    (false, false, false) => format!("[-{a}-]{{+{b}+}}"),
                    (false, true, _) => format!("{{+{b}+}}"),
                    (false, _, true) => format!("[-{a}-]"),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_lone_common_word_between_changes_is_folded() {
        assert_eq!(
            show(
                "officials argued the money was wasted",
                "critics said the funds were lost"
            ),
            "[-officials argued the money was wasted-]{+critics said the funds were lost+}"
        );
    }

    /// The definition `fold_islands` must match: fold the first foldable
    /// island, rebuild, start again.
    fn fold_islands_by_rescanning(
        mut edits: Vec<Edit>,
        original: &[u32],
        vocabulary: &Vocabulary,
    ) -> Vec<Edit> {
        loop {
            let once = fold_islands_once(&edits, original, vocabulary);
            if once == edits {
                return edits;
            }
            edits = once;
        }
    }

    /// The first foldable island of `edits` folded, or `edits` unchanged.
    fn fold_islands_once(edits: &[Edit], original: &[u32], vocabulary: &Vocabulary) -> Vec<Edit> {
        // Three edits at a time through the real function find whether that
        // island folds; the first that does is folded in the whole list.
        let at = (1..edits.len().saturating_sub(1)).find(|&i| {
            fold_islands(edits[i - 1..=i + 1].to_vec(), original, vocabulary).len() == 1
        });
        let mut folded = Vec::new();
        for (index, edit) in edits.iter().enumerate() {
            let mut edit = edit.clone();
            if Some(index) == at {
                edit.equal = false;
            }
            push_merged(&mut folded, edit);
        }
        folded
    }

    /// Units of `text` and the vocabulary they were keyed with.
    fn units_of<'t>(texts: [&'t str; 2]) -> (Vocabulary<'t, 'static>, Vec<Vec<u32>>) {
        let options = Options::default();
        let mut vocabulary = Vocabulary::new(&crate::keys::nfkc);
        let ids = texts
            .iter()
            .map(|text| vocabulary.units(text, &tokenize(text, true), &options).id)
            .collect();
        (vocabulary, ids)
    }

    proptest::proptest! {
        /// One pass folds exactly what folding one island at a time does.
        #[test]
        fn one_pass_folds_what_rescanning_folds(
            old in proptest::collection::vec(0..8usize, 0..60),
            new in proptest::collection::vec(0..8usize, 0..60),
        ) {
            const WORDS: [&str; 8] = ["the", "of", ",", "council", "bridge", "voted", "a", "closed"];
            let join = |picks: &[usize]| picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let (old, new) = (join(&old), join(&new));
            let (vocabulary, ids) = units_of([&old, &new]);
            let edits = crate::diff::diff_units(
                &ids[0],
                0..ids[0].len() as u32,
                &ids[1],
                0..ids[1].len() as u32,
                &mut crate::diff::Clock::new(&crate::budget::Budget::new(None)),
            );
            proptest::prop_assert_eq!(
                fold_islands(edits.clone(), &ids[0], &vocabulary),
                fold_islands_by_rescanning(edits, &ids[0], &vocabulary)
            );
        }
    }

    #[test]
    fn a_fold_that_grows_a_change_lets_the_island_before_it_fold() {
        // "council" alone between "a" and a 1-unit change stays; once the
        // change after it swallows "the" and grows to 3 units, it goes.
        assert_eq!(
            show(
                "x y z council one the two three",
                "p q r council uno the dos tres"
            ),
            "[-x y z council one the two three-]{+p q r council uno the dos tres+}"
        );
    }

    #[test]
    fn content_words_shared_between_small_changes_stay() {
        assert_eq!(
            show("the council voted today", "a council voted yesterday"),
            "[-the-]{+a+} council voted [-today-]{+yesterday+}"
        );
    }
}
