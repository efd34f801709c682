//! Stage 7: semantic cleanup of a pair's diff.
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
pub fn fold_islands(edits: Vec<Edit>, original: &[u32], vocabulary: &Vocabulary) -> Vec<Edit> {
    let size = |e: &Edit| e.original.len().max(e.paraphrase.len()) as u32;
    let weak = |e: &Edit| {
        e.original.len() as u32 <= MAX_WEAK_ISLAND
            && original[e.original.start as usize..e.original.end as usize]
                .iter()
                .all(|&id| !vocabulary.is_word[id as usize] || vocabulary.is_common[id as usize])
    };
    let mut edits = edits;
    loop {
        let fold = (1..edits.len().saturating_sub(1)).find(|&i| {
            let (before, island, after) = (&edits[i - 1], &edits[i], &edits[i + 1]);
            island.equal
                && !before.equal
                && !after.equal
                && (weak(island)
                    || (island.original.len() == 1
                        && size(before) >= BIG_CHANGE
                        && size(after) >= BIG_CHANGE))
        });
        let Some(at) = fold else {
            return edits;
        };
        let mut folded: Vec<Edit> = Vec::with_capacity(edits.len());
        for (index, mut edit) in edits.into_iter().enumerate() {
            if index == at {
                edit.equal = false;
            }
            push_merged(&mut folded, edit);
        }
        edits = folded;
    }
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
            &crate::budget::Budget::new(None),
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

    #[test]
    fn content_words_shared_between_small_changes_stay() {
        assert_eq!(
            show("the council voted today", "a council voted yesterday"),
            "[-the-]{+a+} council voted [-today-]{+yesterday+}"
        );
    }
}
