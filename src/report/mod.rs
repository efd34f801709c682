//! Reports for people: plain or coloured text, and a standalone HTML page.
//!
//! Both walk the comparison the same way, in [`rows`]: one row per aligned
//! pair or unpaired sentence, in paraphrase order, with the dropped
//! sentences of the original placed after the row of the original sentence
//! before them.

pub mod html;
pub mod text;

use std::ops::Range;

use crate::align::Evidence;
use crate::model::{Comparison, Pair, Sentence};

/// One row of a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    /// An aligned pair, by index.
    Pair(u32),
    /// A paraphrase sentence aligned with nothing, by index.
    New(u32),
    /// An original sentence aligned with nothing, by index.
    Dropped(u32),
}

/// The rows of a comparison in reading order.
pub fn rows(comparison: &Comparison<'_>) -> Vec<Row> {
    let pairs = comparison.pairs();
    let original = &comparison.original_side().sentences;
    let paraphrase = &comparison.paraphrase_side().sentences;
    let mut rows = Vec::with_capacity(original.len() + paraphrase.len());
    // Dropped sentences that follow original sentence i (or lead, for None).
    let mut dropped_after: Vec<Vec<u32>> = vec![Vec::new(); original.len() + 1];
    let mut last_kept: Option<usize> = None;
    for (index, sentence) in original.iter().enumerate() {
        match sentence.pair {
            Some(_) => last_kept = Some(index),
            None => dropped_after[last_kept.map_or(0, |k| k + 1)].push(index as u32),
        }
    }
    let mut emit_dropped = |rows: &mut Vec<Row>, slot: usize| {
        for &index in &dropped_after[slot] {
            rows.push(Row::Dropped(index));
        }
        dropped_after[slot].clear();
    };
    emit_dropped(&mut rows, 0);
    let mut index = 0;
    while index < paraphrase.len() {
        match paraphrase[index].pair {
            Some(pair) => {
                rows.push(Row::Pair(pair));
                let Pair {
                    original_sentences,
                    paraphrase_sentences,
                    ..
                } = &pairs[pair as usize];
                index = paraphrase_sentences.end as usize;
                emit_dropped(&mut rows, original_sentences.end as usize);
            }
            None => {
                rows.push(Row::New(index as u32));
                index += 1;
            }
        }
    }
    for slot in 0..=original.len() {
        emit_dropped(&mut rows, slot);
    }
    rows
}

/// A pair's two shares in words: "keeps 60% of the original; 100% of this
/// sentence comes from it".
pub fn shares_text(pair: &Pair) -> String {
    let percent = |share: f64| (share * 100.0).round() as u32;
    format!(
        "keeps {}% of the original; {}% of this sentence comes from it",
        percent(pair.kept_share),
        percent(pair.derived_share)
    )
}

/// What a pair was made on, for people: "paired on copied words".
pub fn evidence_text(pair: &Pair) -> &'static str {
    match pair.evidence {
        Evidence::Copying => "paired on copied words",
        Evidence::Wording => "paired on shared wording",
        Evidence::Position => "paired on position only: weak evidence",
    }
}

/// Percent of `part` in `whole`, to one decimal.
pub(crate) fn percent(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 * 1000.0 / whole as f64).round() / 10.0
    }
}

/// Where a sentence is, for people: "¶2 s3" (paragraph and sentence, from 1).
pub(crate) fn sentence_label(sentences: &[Sentence], index: u32) -> String {
    let paragraph = sentences[index as usize].paragraph;
    let first_of_paragraph = sentences[..index as usize]
        .iter()
        .rposition(|s| s.paragraph != paragraph)
        .map_or(0, |at| at + 1);
    format!(
        "¶{} s{}",
        paragraph + 1,
        index as usize - first_of_paragraph + 1
    )
}

/// The sentence labels of a range, "¶1 s2" or "¶1 s2–s3".
pub(crate) fn sentences_label(sentences: &[Sentence], range: &Range<u32>) -> String {
    let first = sentence_label(sentences, range.start);
    if range.len() == 1 {
        first
    } else {
        let last = sentence_label(sentences, range.end - 1);
        format!("{first} – {last}")
    }
}
