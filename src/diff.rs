//! Stage 2: diff the word sequences of the two texts.
//!
//! Whitespace never takes part: only words and punctuation are compared, each
//! through an interned key, so that `similar` diffs integers. Patience is used
//! rather than Myers: on prose, Myers matches stray common words and shreds a
//! sentence into many small changes, while Patience anchors on words that are
//! unique in both texts.

use std::collections::HashMap;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::options::Options;
use crate::tokenize::{Token, TokenClass};

/// For each token of each side: whether the diff marked it changed.
pub(crate) struct Changes {
    pub original: Vec<bool>,
    pub paraphrase: Vec<bool>,
}

pub(crate) fn diff_tokens(
    original: (&str, &[Token]),
    paraphrase: (&str, &[Token]),
    options: &Options,
) -> Changes {
    let mut interner = Interner::default();
    let (old_units, old_ids) = interner.units(original.0, original.1, options);
    let (new_units, new_ids) = interner.units(paraphrase.0, paraphrase.1, options);

    let mut old_changed = vec![false; old_ids.len()];
    let mut new_changed = vec![false; new_ids.len()];
    for op in capture_diff_slices(Algorithm::Patience, &old_ids, &new_ids) {
        if let DiffOp::Equal { .. } = op {
            continue;
        }
        old_changed[op.old_range()].fill(true);
        new_changed[op.new_range()].fill(true);
    }
    Changes {
        original: spread_to_tokens(original.1, &old_units, &old_changed),
        paraphrase: spread_to_tokens(paraphrase.1, &new_units, &new_changed),
    }
}

/// Gives every token the mark of its unit; whitespace is changed when the
/// units on both sides of it (or the one side there is) are changed.
fn spread_to_tokens(tokens: &[Token], units: &[usize], unit_changed: &[bool]) -> Vec<bool> {
    let mut marks = vec![false; tokens.len()];
    for (&token, &changed) in units.iter().zip(unit_changed) {
        marks[token] = changed;
    }
    let mut previous: Option<bool> = None;
    let mut next_unit = 0;
    for (index, token) in tokens.iter().enumerate() {
        if token.class != TokenClass::Space {
            previous = Some(marks[index]);
            next_unit += 1;
            continue;
        }
        let next = unit_changed.get(next_unit).copied();
        marks[index] = match (previous, next) {
            (Some(a), Some(b)) => a && b,
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => false,
        };
    }
    marks
}

#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    /// The indices of the non-space tokens and their interned keys.
    fn units(&mut self, text: &str, tokens: &[Token], options: &Options) -> (Vec<usize>, Vec<u32>) {
        let mut units = Vec::new();
        let mut ids = Vec::new();
        for (index, token) in tokens.iter().enumerate() {
            if token.class == TokenClass::Space {
                continue;
            }
            let word = token.text(text);
            let key = if options.ignore_case {
                word.to_lowercase()
            } else {
                word.to_owned()
            };
            let next = self.ids.len() as u32;
            units.push(index);
            ids.push(*self.ids.entry(key).or_insert(next));
        }
        (units, ids)
    }
}
