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
use crate::model::{Comparison, Findings, Kind, Pair, Sentence};
use crate::sources::{SourceEntry, Sources};

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

/// A pair's two shares in words, in a report on sources: "keeps 60% of
/// source A's sentence; 100% of this sentence comes from it".
pub fn source_shares_text(pair: &Pair, letter: &str) -> String {
    let percent = |share: f64| (share * 100.0).round() as u32;
    format!(
        "keeps {}% of source {letter}'s sentence{}; {}% of this {} from it",
        percent(pair.kept_share),
        if pair.original_sentences.len() == 1 {
            ""
        } else {
            "s"
        },
        percent(pair.derived_share),
        if pair.paraphrase_sentences.len() == 1 {
            "sentence comes"
        } else {
            "passage comes"
        }
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

/// A source's letter, by its place among the sources as given: A to Z,
/// then AA, AB, …
pub fn source_letter(place: u32) -> String {
    let mut letters = Vec::new();
    let mut rest = place as usize + 1;
    while rest > 0 {
        rest -= 1;
        letters.push(b'A' + (rest % 26) as u8);
        rest /= 26;
    }
    letters.iter().rev().map(|&b| b as char).collect()
}

/// Each compared source's place among the sources as given (`entries`,
/// where the compared ones follow [`Sources::comparisons`] in order).
pub(crate) fn given_places(entries: &[SourceEntry<'_>]) -> Vec<u32> {
    (0..entries.len() as u32)
        .filter(|&i| entries[i as usize].error.is_none())
        .collect()
}

/// One row of a report on sources, in text order: an attributed pair, or
/// a sentence of the text in none.
pub(crate) enum SourceRow<'a, 't> {
    Pair {
        /// The comparison of the pair's source.
        comparison: &'a Comparison<'t>,
        pair: &'a Pair,
        /// Its source's place among the sources as given.
        place: u32,
        /// Where its sentences are in the source ("¶2 s1") and in the text.
        in_source: String,
        in_text: String,
    },
    Alone {
        range: &'a Range<u32>,
        /// Where it is in the text.
        in_text: String,
        /// When every word of it is copied (from runs of other sentences'
        /// pairs, or of no pair): the place of the source of its first
        /// word, and the source's sentence that word comes from ("¶2 s1").
        repeats: Option<(u32, String)>,
    },
}

/// Hands each row of a report on sources to `emit`, in text order: a pair
/// once, at its first sentence. `given` is each compared source's place as
/// given ([`given_places`]).
pub(crate) fn each_source_row<'a, 't>(
    sources: &'a Sources<'t>,
    given: &[u32],
    mut emit: impl FnMut(SourceRow<'a, 't>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let labels = Labels::new_for(sources.sentences.iter().map(|s| s.paragraph));
    let source_labels: Vec<Labels> = sources
        .comparisons
        .iter()
        .map(|c| Labels::new(&c.original_side().sentences))
        .collect();
    for (index, sentence) in sources.sentences.iter().enumerate() {
        let row = match sentence.pair {
            None => SourceRow::Alone {
                range: &sentence.range,
                in_text: labels.one(index as u32),
                repeats: repeated(sources, &sentence.range).map(|(source, at)| {
                    (
                        given[source as usize],
                        source_labels[source as usize].one(at),
                    )
                }),
            },
            Some(number) => {
                let a = &sources.pairs[number as usize];
                let comparison = &sources.comparisons[a.source as usize];
                let pair = &comparison.pairs()[a.index as usize];
                if pair.paraphrase_sentences.start as usize != index {
                    continue; // a later sentence of a pair already shown
                }
                SourceRow::Pair {
                    comparison,
                    pair,
                    place: given[a.source as usize],
                    in_source: source_labels[a.source as usize].range(&pair.original_sentences),
                    in_text: labels.range(&pair.paraphrase_sentences),
                }
            }
        };
        emit(row)?;
    }
    Ok(())
}

/// For a sentence of the text whose every span is copied: the source of its
/// first word and the sentence of that source the word comes from, as the
/// pair report's "repeats" (`Sentence::repeats`).
fn repeated(sources: &Sources<'_>, range: &Range<u32>) -> Option<(u32, u32)> {
    let first = sources
        .spans
        .partition_point(|s| s.range.end <= range.start);
    let mut inside = sources.spans[first..]
        .iter()
        .take_while(|s| s.range.start < range.end);
    let span = inside.next()?;
    if span.kind != crate::Kind::Copied || inside.any(|s| s.kind != crate::Kind::Copied) {
        return None;
    }
    let attributed = &sources.runs[span.run? as usize];
    let comparison = &sources.comparisons[attributed.source as usize];
    let run = &comparison.runs()[attributed.index as usize];
    // Copied words sit at nearly the same distance from the run's start on
    // both sides; the sentence holding that byte is close enough to name.
    let byte = (run.original.start + span.range.start.saturating_sub(run.paraphrase.start))
        .min(run.original.end.saturating_sub(1));
    let at = comparison
        .original_side()
        .sentences
        .partition_point(|s| s.range.end <= byte);
    Some((attributed.source, at as u32))
}

/// A stretch of the text in a report on sources: one copied passage (with
/// its source's place as given), or text between passages.
pub(crate) struct Piece<'a> {
    pub(crate) text: &'a str,
    pub(crate) source: Option<u32>,
}

/// The text over `range` in pieces: each copied run's words in one piece,
/// the rest between them.
pub(crate) fn pieces<'a>(
    sources: &Sources<'a>,
    given: &[u32],
    range: &Range<u32>,
) -> Vec<Piece<'a>> {
    let spans = &sources.spans;
    let first = spans.partition_point(|s| s.range.end <= range.start);
    let mut pieces: Vec<(Range<u32>, Option<u32>, Option<u32>)> = Vec::new();
    for span in spans[first..]
        .iter()
        .take_while(|s| s.range.start < range.end)
    {
        let bytes = span.range.start.max(range.start)..span.range.end.min(range.end);
        let run = if span.kind == Kind::Copied {
            span.run
        } else {
            None
        };
        match pieces.last_mut() {
            Some(last) if last.1 == run => last.0.end = bytes.end,
            _ => pieces.push((bytes, run, span.source.filter(|_| run.is_some()))),
        }
    }
    pieces
        .into_iter()
        .map(|(bytes, _, source)| Piece {
            text: &sources.text[bytes.start as usize..bytes.end as usize],
            source: source.map(|s| given[s as usize]),
        })
        .collect()
}

/// The labels of one side's sentences, for people: "¶2 s3" (paragraph and
/// sentence within it, from 1). Each sentence's place in its paragraph is
/// counted once, in one pass, so that labelling every row stays linear
/// however many sentences a paragraph holds.
pub(crate) struct Labels {
    /// Each sentence's paragraph.
    paragraphs: Vec<u32>,
    /// Each sentence's index within its paragraph, from 0.
    within: Vec<u32>,
}

impl Labels {
    pub(crate) fn new(sentences: &[Sentence]) -> Self {
        Labels::new_for(sentences.iter().map(|s| s.paragraph))
    }

    /// The labels of sentences given by their paragraphs, in order.
    pub(crate) fn new_for(paragraphs: impl Iterator<Item = u32>) -> Self {
        let mut within = Vec::new();
        let mut paragraph_of = Vec::new();
        let mut previous: Option<(u32, u32)> = None;
        for paragraph in paragraphs {
            let place = match previous {
                Some((last, place)) if last == paragraph => place + 1,
                _ => 0,
            };
            within.push(place);
            paragraph_of.push(paragraph);
            previous = Some((paragraph, place));
        }
        Labels {
            paragraphs: paragraph_of,
            within,
        }
    }

    /// Where a sentence is: "¶2 s3".
    pub(crate) fn one(&self, index: u32) -> String {
        format!(
            "¶{} s{}",
            self.paragraphs[index as usize] + 1,
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
    fn source_letters_run_from_a_to_z_then_on_to_two_letters() {
        let letters: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(source_letter)
            .collect();
        assert_eq!(
            letters,
            ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
        );
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
