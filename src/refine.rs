//! Stage 9: character refinement of changed words that nearly match.
//!
//! When a change replaces a few words with a few words that read almost the
//! same ("sited" for "cited", "to work" for "toΒwork" with a stray Greek
//! capital beta glued in), showing the whole words as deleted and inserted
//! hides what happened. Such changes are diffed again by grapheme cluster
//! (so an accent or an emoji sequence is never cut), and kept at that grain
//! when they are a near match: at most [`MAX_EDIT_SHARE`] (2 in 5) of the
//! longer side's graphemes need an edit, counted as the optimal string
//! alignment distance (insert, delete, substitute, swap two neighbours) with
//! case ignored. Synonyms a rewriter substitutes ("said"/"stated", 3 edits in
//! 6) stay whole words.
//!
//! The rule was measured by `examples/refine_threshold.rs` on 3,939 near
//! matches (single-letter typos of the fixture words, glued words, spelling
//! variants, OCR confusions, misspellings, case) and 2,236 unrelated pairs
//! (synonyms, random words of similar length); the example's header has the
//! whole table. Share refined:
//!
//! | rule | near matches | OCR (20) | synonyms (236) | random words (2,000) |
//! |---|---:|---:|---:|---:|
//! | similarity ≥ 0.6 (before) | 99.8% | 80% | 4.2% | 1.4% |
//! | OSA ≤ max(1, ⌊L/4⌋) | 99.4% | 40% | 0.0% | 0.1% |
//! | OSA / L ≤ 1/3 | 99.6% | 50% | 0.0% | 0.3% |
//! | **OSA (case ignored) / L ≤ 2/5** | 99.8% | 80% | 0.4% | 1.0% |
//! | OSA / L ≤ 1/2 | 99.9% | 100% | 3.8% | 2.9% |
//!
//! 2/5 rather than 1/3 keeps the two-for-one OCR confusions of a five-letter
//! word ("Leam"/"Learn", "clown"/"down"), at the price of a few unrelated
//! five-letter pairs that differ in two letters ("home"/"house"). Ignoring
//! case keeps capitalisation changes ("NASA"/"Nasa") refined when case
//! counts. A one-letter inflection ("vote"/"voted", "cut"/"cuts") is a near
//! match too, as before: the boxed letter is exactly what changed.

use std::ops::Range;

use similar::DiffOp;
use unicode_segmentation::UnicodeSegmentation;

use crate::budget::Budget;
use crate::diff::{Edit, patience_ops};
use crate::model::{CharOp, OpTag};
use crate::runs::Run;
use crate::text::Text;

/// Most edits per grapheme of the longer side in a near match, as a
/// fraction (numerator, denominator): 2 in 5.
pub const MAX_EDIT_SHARE: (usize, usize) = (2, 5);

/// Most units on either side of a change that is refined.
pub const MAX_UNITS: usize = 3;

/// Most graphemes on either side of a change that is refined.
const MAX_GRAPHEMES: usize = 80;

/// The character steps of every edit of every pair: empty for an edit that
/// is not refined. A change is refined when it is small (at most
/// [`MAX_UNITS`] units a side), copies nothing, stays inside one sentence
/// on each side, and is a near match ([`refine`]). Refinement is the
/// costly part of what follows the word diff (an OCR-like copy has a
/// changed word every other word), so it stops at the deadline ("character
/// changes").
pub fn refine_pairs(
    (original, paraphrase): (&Text<'_>, &Text<'_>),
    edits: &[Vec<Edit>],
    runs: &[Run],
    budget: &Budget,
) -> Vec<Vec<Vec<CharOp>>> {
    let mut o_copied = vec![false; original.units.len()];
    let mut p_copied = vec![false; paraphrase.units.len()];
    for run in runs {
        o_copied[run.original.start as usize..run.original.end as usize].fill(true);
        p_copied[run.paraphrase.start as usize..run.paraphrase.end as usize].fill(true);
    }
    let mut clock = budget.clock("character changes", 64);
    let pairs = edits.len();
    edits
        .iter()
        .enumerate()
        .map(|(i, edits)| {
            budget.report_pair(i, pairs, 4);
            edits
                .iter()
                .map(|edit| {
                    if edit.equal
                        || !plain(original, &o_copied, &edit.original)
                        || !plain(paraphrase, &p_copied, &edit.paraphrase)
                        || clock.time_is_up()
                    {
                        return Vec::new();
                    }
                    let (o, p) = (
                        original.unit_bytes(edit.original.clone()),
                        paraphrase.unit_bytes(edit.paraphrase.clone()),
                    );
                    refine(
                        &original.text[o.start as usize..o.end as usize],
                        o.start,
                        &paraphrase.text[p.start as usize..p.end as usize],
                        p.start,
                    )
                    .unwrap_or_default()
                })
                .collect()
        })
        .collect()
}

/// Whether a change's units on one side are few, copy nothing and stay in
/// one sentence.
fn plain(text: &Text<'_>, copied: &[bool], units: &Range<u32>) -> bool {
    let sentence = |unit: u32| text.sentences.partition_point(|s| s.units.end <= unit);
    (1..=MAX_UNITS).contains(&units.len())
        && !copied[units.start as usize..units.end as usize].contains(&true)
        && sentence(units.start) == sentence(units.end - 1)
}

/// Diffs two stretches by grapheme; `None` when they are not a near match.
///
/// `original` and `paraphrase` are the stretches' texts, which start at byte
/// `original_at` and `paraphrase_at` of their whole texts.
pub fn refine<'t>(
    original: &'t str,
    original_at: u32,
    paraphrase: &'t str,
    paraphrase_at: u32,
) -> Option<Vec<CharOp>> {
    // Most changes are not near matches, and most text is ASCII: rejecting
    // those before the grapheme segmentation (the costly part) spares it.
    if original.is_ascii() && paraphrase.is_ascii() && !ascii_near_match(original, paraphrase) {
        return None;
    }
    let old: Vec<(usize, &str)> = original.grapheme_indices(true).collect();
    let new: Vec<(usize, &str)> = paraphrase.grapheme_indices(true).collect();
    let (seen, old_keys, new_keys) = keyed(old.iter().map(|g| g.1), new.iter().map(|g| g.1))?;
    if !near_match(&seen, &old_keys, &new_keys) {
        return None;
    }
    let ops = patience_ops(&old_keys, &new_keys, None);
    let byte = |graphemes: &[(usize, &str)], text: &str, index: usize| {
        graphemes.get(index).map_or(text.len(), |g| g.0) as u32
    };
    let mut edits: Vec<CharOp> = Vec::new();
    for op in ops {
        let (o, p) = (op.old_range(), op.new_range());
        let edit = CharOp {
            op: if matches!(op, DiffOp::Equal { .. }) {
                OpTag::Equal
            } else {
                OpTag::Replace
            },
            original: original_at + byte(&old, original, o.start)
                ..original_at + byte(&old, original, o.end),
            paraphrase: paraphrase_at + byte(&new, paraphrase, p.start)
                ..paraphrase_at + byte(&new, paraphrase, p.end),
        };
        match edits.last_mut() {
            Some(last) if (last.op == OpTag::Equal) == (edit.op == OpTag::Equal) => {
                last.original.end = edit.original.end;
                last.paraphrase.end = edit.paraphrase.end;
            }
            _ => edits.push(edit),
        }
    }
    // A change's tag says which sides it holds, once its steps are joined.
    for edit in &mut edits {
        edit.op = OpTag::of(edit.op == OpTag::Equal, &edit.original, &edit.paraphrase);
    }
    Some(edits)
}

/// Whether stretches of these many graphemes are diffed at all.
fn diffable(old: usize, new: usize) -> bool {
    (1..=MAX_GRAPHEMES).contains(&old) && (1..=MAX_GRAPHEMES).contains(&new)
}

/// Two stretches' graphemes as small integers (the diff works on ids
/// throughout): the graphemes by id, then each side's ids; `None` when
/// they are not [`diffable`].
fn keyed<'t>(
    old: impl Iterator<Item = &'t str>,
    new: impl Iterator<Item = &'t str>,
) -> Option<(Vec<&'t str>, Vec<u32>, Vec<u32>)> {
    let mut seen: Vec<&str> = Vec::new();
    let mut id = |g: &'t str| match seen.iter().position(|s| *s == g) {
        Some(at) => at as u32,
        None => {
            seen.push(g);
            (seen.len() - 1) as u32
        }
    };
    let old_keys: Vec<u32> = old.map(&mut id).collect();
    let new_keys: Vec<u32> = new.map(&mut id).collect();
    diffable(old_keys.len(), new_keys.len()).then_some((seen, old_keys, new_keys))
}

/// As [`near_match`] on the graphemes of two ASCII texts, and `false`
/// where [`refine`] would not diff them for their number of graphemes.
/// In ASCII a grapheme is one byte, but for a CR LF pair (one grapheme,
/// keyed apart from every byte), and lowercasing is ASCII's.
fn ascii_near_match(original: &str, paraphrase: &str) -> bool {
    let keys = |text: &str| -> Vec<u16> {
        let bytes = text.as_bytes();
        let mut keys = Vec::with_capacity(bytes.len());
        for (at, &byte) in bytes.iter().enumerate() {
            match byte {
                b'\n' if at > 0 && bytes[at - 1] == b'\r' => {}
                b'\r' if bytes.get(at + 1) == Some(&b'\n') => keys.push(256),
                _ => keys.push(u16::from(byte.to_ascii_lowercase())),
            }
        }
        keys
    };
    let (old, new) = (keys(original), keys(paraphrase));
    if !diffable(old.len(), new.len()) {
        return false;
    }
    let (most, per) = MAX_EDIT_SHARE;
    let longest = old.len().max(new.len());
    // The distance is at least the difference in length.
    if old.len().abs_diff(new.len()) * per > most * longest {
        return false;
    }
    osa_distance(&old, &new) * per <= most * longest
}

/// Whether few enough graphemes need an edit, case ignored; `graphemes`
/// are the distinct graphemes that the keys number.
fn near_match(graphemes: &[&str], old: &[u32], new: &[u32]) -> bool {
    // Char by char, from the engine's own compact table: `str::to_lowercase`
    // and `char::to_lowercase` would each bring case tables into the
    // WebAssembly build.
    let lower: Vec<String> = graphemes
        .iter()
        .map(|g| g.chars().flat_map(crate::chars::lowercase).collect())
        .collect();
    let folded: Vec<u32> = lower
        .iter()
        .enumerate()
        .map(|(i, l)| lower.iter().position(|m| m == l).unwrap_or(i) as u32)
        .collect();
    let fold = |keys: &[u32]| {
        keys.iter()
            .map(|&k| folded[k as usize])
            .collect::<Vec<u32>>()
    };
    let edits = osa_distance(&fold(old), &fold(new));
    let (most, per) = MAX_EDIT_SHARE;
    edits * per <= most * old.len().max(new.len())
}

/// The optimal string alignment distance: the fewest insertions, deletions,
/// substitutions and swaps of two neighbours, no stretch edited twice.
fn osa_distance<K: PartialEq>(a: &[K], b: &[K]) -> usize {
    // Three rows of the table: two back, the one above, the one filled.
    let mut two_back: Vec<usize> = vec![0; b.len() + 1];
    let mut above: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let substitute = above[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = substitute.min(above[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(two_back[j - 2] + 1);
            }
            row[j] = best;
        }
        std::mem::swap(&mut two_back, &mut above);
        std::mem::swap(&mut above, &mut row);
    }
    above[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed(original: &str, paraphrase: &str) -> Option<Vec<(String, String)>> {
        refine(original, 0, paraphrase, 0).map(|edits| {
            edits
                .iter()
                .filter(|e| e.op != OpTag::Equal)
                .map(|e| {
                    (
                        original[e.original.start as usize..e.original.end as usize].to_string(),
                        paraphrase[e.paraphrase.start as usize..e.paraphrase.end as usize]
                            .to_string(),
                    )
                })
                .collect()
        })
    }

    /// Whether [`refine`] finds a near match, graphemes segmented.
    fn near_by_graphemes(original: &str, paraphrase: &str) -> bool {
        keyed(original.graphemes(true), paraphrase.graphemes(true))
            .is_some_and(|(seen, old, new)| near_match(&seen, &old, &new))
    }

    proptest::proptest! {
        #[test]
        fn ascii_near_matches_are_those_of_graphemes(
            original in "[abAB \r\n.]{0,12}",
            paraphrase in "[abAB \r\n.]{0,12}",
            long in 0..100usize,
        ) {
            let long = "x".repeat(long);
            for (original, paraphrase) in [
                (original.as_str(), paraphrase.as_str()),
                (&*format!("{original}{long}"), &*format!("{paraphrase}{long}")),
            ] {
                proptest::prop_assert_eq!(
                    ascii_near_match(original, paraphrase),
                    near_by_graphemes(original, paraphrase),
                    "{:?} {:?}", original, paraphrase
                );
            }
        }
    }

    #[test]
    fn a_near_typo_is_one_letter() {
        assert_eq!(
            changed("cited", "sited"),
            Some(vec![("c".into(), "s".into())])
        );
    }

    #[test]
    fn a_glued_stray_letter_shows_where_the_space_was() {
        assert_eq!(
            changed("to work", "to\u{392}work"),
            Some(vec![(" ".into(), "\u{392}".into())])
        );
    }

    #[test]
    fn near_matches_are_refined() {
        for (original, paraphrase) in [
            ("recieve", "receive"),
            ("colour", "color"),
            ("centre", "center"),
            ("Leam", "Learn"),
            ("modern", "modem"),
            ("NASA", "Nasa"),
            ("The Cat", "the cat"),
            ("vote", "voted"),
        ] {
            assert!(
                changed(original, paraphrase).is_some(),
                "{original}/{paraphrase}"
            );
        }
    }

    #[test]
    fn unrelated_synonyms_are_not_boxed() {
        for (original, paraphrase) in [
            ("said", "stated"),
            ("told", "noted"),
            ("big", "large"),
            ("purchase", "buy"),
            ("start", "begin"),
            ("said", "says"),
        ] {
            assert_eq!(
                changed(original, paraphrase),
                None,
                "{original}/{paraphrase}"
            );
        }
    }

    #[test]
    fn the_distance_counts_a_swap_of_neighbours_as_one_edit() {
        assert_eq!(osa_distance(&[1, 2, 3], &[2, 1, 3]), 1);
        assert_eq!(osa_distance(&[1, 2, 3, 4], &[1, 5, 6]), 3);
        assert_eq!(osa_distance(&[], &[1, 2]), 2);
        assert_eq!(osa_distance(&[1, 2], &[]), 2);
    }

    #[test]
    fn different_words_are_not_refined() {
        assert_eq!(changed("pedestrians", "walkers"), None);
    }

    #[test]
    fn graphemes_are_never_cut() {
        let edits = changed("cafe\u{301}s", "cafes").unwrap();
        assert_eq!(edits, [("e\u{301}".to_string(), "e".to_string())]);
    }

    #[test]
    fn offsets_are_those_of_the_whole_texts() {
        let edits = refine("abcd", 10, "abxd", 20).unwrap();
        assert_eq!(edits[1].original, 12..13);
        assert_eq!(edits[1].paraphrase, 22..23);
    }
}
