//! Stage 8: character refinement of changed words that nearly match.
//!
//! When a change replaces a few words with a few words that read almost the
//! same ("sited" for "cited", "to work" for "toΒwork" with a stray Greek
//! capital beta glued in), showing the whole words as deleted and inserted
//! hides what happened. Such changes are diffed again by grapheme cluster
//! (so an accent or an emoji sequence is never cut), and kept at that grain
//! when at least [`MIN_SIMILARITY`] of the graphemes agree.

use std::ops::Range;

use similar::DiffOp;
use unicode_segmentation::UnicodeSegmentation;

use crate::diff::patience_ops;

/// The share of matching graphemes that makes two stretches a near match.
pub const MIN_SIMILARITY: f64 = 0.6;

/// Most units on either side of a change that is refined.
pub const MAX_UNITS: usize = 3;

/// Most graphemes on either side of a change that is refined.
const MAX_GRAPHEMES: usize = 80;

/// One step of a character diff, in UTF-8 bytes of each text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CharEdit {
    /// Whether both sides are the same; otherwise a change.
    pub equal: bool,
    /// Bytes of the original.
    pub original: Range<u32>,
    /// Bytes of the paraphrase.
    pub paraphrase: Range<u32>,
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
) -> Option<Vec<CharEdit>> {
    let old: Vec<(usize, &str)> = original.grapheme_indices(true).collect();
    let new: Vec<(usize, &str)> = paraphrase.grapheme_indices(true).collect();
    if old.is_empty() || new.is_empty() || old.len() > MAX_GRAPHEMES || new.len() > MAX_GRAPHEMES {
        return None;
    }
    // Graphemes as small integers (the diff works on ids throughout).
    let mut seen: Vec<&str> = Vec::new();
    let mut id = |g: &'t str| match seen.iter().position(|s| *s == g) {
        Some(at) => at as u32,
        None => {
            seen.push(g);
            (seen.len() - 1) as u32
        }
    };
    let old_keys: Vec<u32> = old.iter().map(|g| id(g.1)).collect();
    let new_keys: Vec<u32> = new.iter().map(|g| id(g.1)).collect();
    let ops = patience_ops(&old_keys, &new_keys, None);
    let same: usize = ops
        .iter()
        .filter_map(|op| match op {
            DiffOp::Equal { len, .. } => Some(*len),
            _ => None,
        })
        .sum();
    if (2 * same) as f64 / ((old.len() + new.len()) as f64) < MIN_SIMILARITY {
        return None;
    }
    let byte = |graphemes: &[(usize, &str)], text: &str, index: usize| {
        graphemes.get(index).map_or(text.len(), |g| g.0) as u32
    };
    let mut edits: Vec<CharEdit> = Vec::new();
    for op in ops {
        let (o, p) = (op.old_range(), op.new_range());
        let edit = CharEdit {
            equal: matches!(op, DiffOp::Equal { .. }),
            original: original_at + byte(&old, original, o.start)
                ..original_at + byte(&old, original, o.end),
            paraphrase: paraphrase_at + byte(&new, paraphrase, p.start)
                ..paraphrase_at + byte(&new, paraphrase, p.end),
        };
        match edits.last_mut() {
            Some(last) if last.equal == edit.equal => {
                last.original.end = edit.original.end;
                last.paraphrase.end = edit.paraphrase.end;
            }
            _ => edits.push(edit),
        }
    }
    Some(edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed(original: &str, paraphrase: &str) -> Option<Vec<(String, String)>> {
        refine(original, 0, paraphrase, 0).map(|edits| {
            edits
                .iter()
                .filter(|e| !e.equal)
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
