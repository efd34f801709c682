//! Reports for people: plain or coloured text, and a standalone HTML page.
//!
//! Both walk the comparison the same way, in the rows of
//! [`Findings::rows`](crate::Findings::rows) (which the page shows too): one
//! row per aligned pair or unpaired sentence, in paraphrase order, with the
//! dropped sentences of the original placed after the row of the original
//! sentence before them.

pub mod html;
pub mod text;
mod wording;

use std::ops::Range;

use crate::align::Evidence;
use crate::model::{Comparison, Findings, Pair, Sentence};

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

/// One rewrite's line in an overview of many: its figures, from its
/// comparison's [`Stats`](crate::Stats) and runs, so that they are the
/// figures of that comparison alone (the command line's overview and the
/// WebAssembly binding's `figures` both come from here).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    /// Words of the rewrite.
    pub words: u32,
    /// Percent of its words copied, to one decimal.
    pub copied: f64,
    /// Percent reworded.
    pub reworded: f64,
    /// Percent new.
    pub new: f64,
    /// Copied passages out of order.
    pub moved_passages: u32,
    /// Copied words outside quotation marks.
    pub unquoted_copied_words: u32,
    /// Words of the longest copied passage (0 when nothing is copied).
    pub longest_passage: u32,
}

impl Figures {
    /// The figures of one comparison.
    pub fn of(comparison: &Comparison<'_>) -> Self {
        Figures::of_findings(comparison)
    }

    /// The figures of one comparison's findings (which is all they need:
    /// the WebAssembly binding keeps findings without the borrowed texts).
    pub fn of_findings(comparison: &Findings) -> Self {
        let s = comparison.stats();
        Figures {
            words: s.paraphrase_words,
            copied: percent(s.copied_words, s.paraphrase_words),
            reworded: percent(s.reworded_words, s.paraphrase_words),
            new: percent(s.new_words, s.paraphrase_words),
            moved_passages: s.moved_runs,
            unquoted_copied_words: s.unquoted_copied_words,
            longest_passage: comparison
                .runs()
                .iter()
                .map(|run| run.words)
                .max()
                .unwrap_or(0),
        }
    }
}

/// Percent of `part` in `whole`, to one decimal.
pub fn percent(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 * 1000.0 / whole as f64).round() / 10.0
    }
}

/// The labels of one side's sentences, for people: "¶2 s3" (paragraph and
/// sentence within it, from 1). Each sentence's place in its paragraph is
/// counted once, in one pass, so that labelling every row stays linear
/// however many sentences a paragraph holds.
pub(crate) struct Labels<'a> {
    sentences: &'a [Sentence],
    /// Each sentence's index within its paragraph, from 0.
    within: Vec<u32>,
}

impl<'a> Labels<'a> {
    pub(crate) fn new(sentences: &'a [Sentence]) -> Self {
        let mut within = Vec::with_capacity(sentences.len());
        let mut previous: Option<(u32, u32)> = None;
        for sentence in sentences {
            let place = match previous {
                Some((paragraph, place)) if paragraph == sentence.paragraph => place + 1,
                _ => 0,
            };
            within.push(place);
            previous = Some((sentence.paragraph, place));
        }
        Labels { sentences, within }
    }

    /// Where a sentence is: "¶2 s3".
    pub(crate) fn one(&self, index: u32) -> String {
        format!(
            "¶{} s{}",
            self.sentences[index as usize].paragraph + 1,
            self.within[index as usize] + 1
        )
    }

    /// The labels of a range, "¶1 s2" or "¶1 s2 – ¶1 s3".
    pub(crate) fn range(&self, range: &Range<u32>) -> String {
        let first = self.one(range.start);
        if range.len() == 1 {
            first
        } else {
            let last = self.one(range.end - 1);
            format!("{first} – {last}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare;

    /// One paragraph of `count` short sentences, each a little different.
    fn one_long_paragraph(count: usize, changed_every: usize) -> String {
        let words = ["Rain", "Wind", "Snow", "Hail", "Fog", "Sun", "Frost"];
        (0..count)
            .map(|i| {
                let word = if changed_every > 0 && i % changed_every == 0 {
                    "Sleet"
                } else {
                    words[i % words.len()]
                };
                format!("{word} {i}.")
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn labels_count_sentences_within_their_paragraph() {
        let c = compare("One. Two.\n\nThree. Four. Five.", "One.").unwrap();
        let labels = Labels::new(&c.original_side().sentences);
        let all: Vec<String> = (0..5).map(|i| labels.one(i)).collect();
        assert_eq!(all, ["¶1 s1", "¶1 s2", "¶2 s1", "¶2 s2", "¶2 s3"]);
        assert_eq!(labels.range(&(2..5)), "¶2 s1 – ¶2 s3");
    }

    #[test]
    fn written_reports_are_the_rendered_ones() {
        let c = compare(
            "The mayor opened the bridge on Monday. Crowds came.\n\nIt rained.",
            "Crowds came. On Monday the mayor opened the <new> bridge & road.",
        )
        .unwrap();
        for style in [text::Style::Plain, text::Style::Colour] {
            let mut written = Vec::new();
            text::write(&c, style, &mut written).unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), text::render(&c, style));
        }
        let mut written = Vec::new();
        html::write(&c, &mut written).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), html::render(&c));
    }

    #[test]
    fn a_failing_writer_stops_the_report() {
        struct Full;
        impl std::io::Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let c = compare("One two three.", "One two four.").unwrap();
        let error = text::write(&c, text::Style::Plain, &mut Full).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe);
        let error = html::write(&c, &mut Full).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe);
    }

    #[test]
    fn a_paragraph_of_many_sentences_reports_in_linear_time() {
        // Each row's label once scanned back to its paragraph's start: at
        // 30,000 sentences in one paragraph that was some 450 million steps
        // a report (tens of seconds in a debug build), now 30,000.
        let count = 30_000;
        let original = one_long_paragraph(count, 0);
        let paraphrase = one_long_paragraph(count, 5);
        let c = compare(&original, &paraphrase).unwrap();
        let last = format!("¶1 s{count}");
        let plain = text::render(&c, text::Style::Plain);
        assert!(plain.contains(&last), "{}", &plain[plain.len() - 500..]);
        let page = html::render(&c);
        assert!(page.contains(&last), "{}", &page[page.len() - 500..]);
    }
}
