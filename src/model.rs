//! The result of a comparison and its public JSON form, `article-diff/1`.
//!
//! Every range here is a half-open range of UTF-8 byte offsets into the text
//! it belongs to. The JSON form can state offsets in UTF-16 code units
//! instead ([`OffsetUnit`]); [`Offsets`] is the one place that converts.
//! `docs/format.md` describes the JSON form field by field.

use std::io;
use std::ops::Range;

use serde::{Serialize, Serializer};

use crate::align::Evidence;
use crate::language::Languages;
use crate::options::Options;
use crate::verdict::Verdict;

/// The name and version of the JSON format.
pub const FORMAT: &str = "article-diff/1";

/// What a stretch of text is, by where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// Paraphrase: inside a copied run (moved or not).
    Copied,
    /// Original: the source of a copied run.
    Kept,
    /// Either side: inside an aligned sentence pair, but not copied.
    Reworded,
    /// Paraphrase: in a sentence paired with nothing in the original.
    New,
    /// Original: in a sentence paired with nothing in the paraphrase.
    Dropped,
}

/// What the word diff did to a stretch of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Op {
    /// The same on both sides of its pair.
    Equal,
    /// Only in the original (deleted), or in a dropped sentence.
    Delete,
    /// Only in the paraphrase (inserted), or in a new sentence.
    Insert,
}

/// A stretch of one text with one [`Kind`] and one [`Op`].
///
/// The spans of a text cover it in order; a span never crosses a sentence
/// boundary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// Its bytes.
    pub range: Range<u32>,
    /// Where it came from.
    pub kind: Kind,
    /// What the pair's word diff did to it.
    pub op: Op,
    /// Inside a changed word that nearly matches its counterpart: whether
    /// these characters are the same ([`Op::Equal`]) or the change.
    pub char_op: Option<Op>,
    /// The copied run it belongs to (copied and kept spans).
    pub run: Option<u32>,
    /// The sentence pair it belongs to.
    pub pair: Option<u32>,
    /// For copied and kept spans: the matching bytes of the other text.
    pub counterpart: Option<Range<u32>>,
    /// For copied spans: inside quotation marks in the paraphrase (copying
    /// with attribution); `false` everywhere else.
    pub quoted: bool,
}

/// One sentence of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Its bytes, from its first to its last non-space character.
    pub range: Range<u32>,
    /// Its paragraph, counted from 0.
    pub paragraph: u32,
    /// The pair it belongs to, if any.
    pub pair: Option<u32>,
    /// A paraphrase sentence that pairs with nothing but whose every word is
    /// copied (a passage the rewrite repeats): the original sentence its
    /// first copied word comes from. Such a sentence is not new.
    pub repeats: Option<u32>,
}

/// A passage of the paraphrase copied from the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Its bytes in the original.
    pub original: Range<u32>,
    /// Its bytes in the paraphrase.
    pub paraphrase: Range<u32>,
    /// Its words.
    pub words: u32,
    /// Out of order relative to the other runs.
    pub moved: bool,
    /// Every word of it is inside quotation marks in the paraphrase.
    pub quoted: bool,
}

/// What one step of a pair's diff does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OpTag {
    /// Both sides the same.
    Equal,
    /// Only the original has it.
    Delete,
    /// Only the paraphrase has it.
    Insert,
    /// The original's part became the paraphrase's.
    Replace,
}

impl OpTag {
    pub(crate) fn of(equal: bool, original: &Range<u32>, paraphrase: &Range<u32>) -> OpTag {
        match (equal, original.is_empty(), paraphrase.is_empty()) {
            (true, _, _) => OpTag::Equal,
            (false, false, true) => OpTag::Delete,
            (false, true, false) => OpTag::Insert,
            _ => OpTag::Replace,
        }
    }
}

/// One step of a pair's word diff, with character steps when refined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairOp {
    /// What it does.
    pub op: OpTag,
    /// Its bytes in the original (empty for an insertion).
    pub original: Range<u32>,
    /// Its bytes in the paraphrase (empty for a deletion).
    pub paraphrase: Range<u32>,
    /// For a replacement of nearly matching words: the character steps.
    pub chars: Vec<CharOp>,
}

/// One step of a character diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CharOp {
    /// What it does.
    pub op: OpTag,
    /// Its bytes in the original.
    pub original: Range<u32>,
    /// Its bytes in the paraphrase.
    pub paraphrase: Range<u32>,
}

/// Sentences of the paraphrase aligned with the sentences they derive from.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// Indices of its original sentences.
    pub original_sentences: Range<u32>,
    /// Indices of its paraphrase sentences.
    pub paraphrase_sentences: Range<u32>,
    /// Its bytes in the original.
    pub original: Range<u32>,
    /// Its bytes in the paraphrase.
    pub paraphrase: Range<u32>,
    /// How alike the two sides are, from 0 to 1: the evidence the aligner
    /// paired them on.
    pub similarity: f64,
    /// What the rewrite did with the original sentence(s).
    pub verdict: Verdict,
    /// What the pair was made on: copied words, shared wording, or its
    /// position alone (with a shared word).
    pub evidence: Evidence,
    /// The share of the original sentences' words that reach the rewrite.
    pub kept_share: f64,
    /// The share of the rewrite sentences' words that come from the original.
    pub derived_share: f64,
    /// Out of order relative to the other pairs.
    pub moved: bool,
    /// The word diff, with character steps where words nearly match.
    pub ops: Vec<PairOp>,
}

/// Counts of words by kind, runs and sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Stats {
    /// Words of the original.
    pub original_words: u32,
    /// Words of the paraphrase.
    pub paraphrase_words: u32,
    /// Paraphrase words inside copied runs.
    pub copied_words: u32,
    /// Paraphrase words in aligned pairs but not copied.
    pub reworded_words: u32,
    /// Paraphrase words in sentences aligned with nothing.
    pub new_words: u32,
    /// Original words that are the source of a copied run.
    pub kept_words: u32,
    /// Original words in aligned pairs but not kept.
    pub original_reworded_words: u32,
    /// Original words in sentences aligned with nothing.
    pub dropped_words: u32,
    /// Copied runs.
    pub runs: u32,
    /// Copied runs out of order.
    pub moved_runs: u32,
    /// Copied words in moved runs.
    pub moved_words: u32,
    /// Copied words inside quotation marks.
    pub quoted_copied_words: u32,
    /// Copied words outside quotation marks: reuse without attribution.
    pub unquoted_copied_words: u32,
    /// Sentences of the original.
    pub original_sentences: u32,
    /// Sentences of the paraphrase.
    pub paraphrase_sentences: u32,
    /// Aligned sentence pairs.
    pub pairs: u32,
    /// Pairs out of order.
    pub moved_pairs: u32,
    /// Pairs whose verdict is copied.
    pub copied_pairs: u32,
    /// Pairs whose verdict is edited.
    pub edited_pairs: u32,
    /// Pairs whose verdict is reworded.
    pub reworded_pairs: u32,
    /// Paraphrase sentences aligned with nothing and not wholly copied.
    pub new_sentences: u32,
    /// Paraphrase sentences aligned with nothing but wholly copied: passages
    /// the rewrite repeats (see [`Sentence::repeats`]).
    pub repeated_sentences: u32,
    /// Original sentences aligned with nothing.
    pub dropped_sentences: u32,
}

/// The spans and sentences of one text.
#[derive(Clone, Debug, Default)]
pub struct Side {
    /// Spans that cover the text in order.
    pub spans: Vec<Span>,
    /// Its sentences in order.
    pub sentences: Vec<Sentence>,
}

/// Which text's order the rows of a view follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// The paraphrase's: how the rewrite reads (the reports' order).
    Paraphrase,
    /// The original's.
    Original,
}

/// One row of a view of the findings: an aligned pair, or a sentence of
/// either text aligned with nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// An aligned pair, by index.
    Pair(u32),
    /// A paraphrase sentence aligned with nothing, by index.
    New(u32),
    /// An original sentence aligned with nothing, by index.
    Dropped(u32),
}

/// What a comparison found: spans, sentences, runs, pairs and counts, in
/// UTF-8 byte ranges of texts it does not hold. [`Comparison`] pairs it with
/// its texts; kept apart, it outlives them (the browser binding keeps one
/// beside its own copies of the texts).
#[derive(Clone, Debug)]
pub struct Findings {
    pub(crate) original_side: Side,
    pub(crate) paraphrase_side: Side,
    pub(crate) runs: Vec<Run>,
    pub(crate) pairs: Vec<Pair>,
    pub(crate) stats: Stats,
    pub(crate) cut_short: Vec<&'static str>,
    pub(crate) options: Options,
    pub(crate) languages: Languages,
}

impl Findings {
    /// The original's spans and sentences.
    pub fn original_side(&self) -> &Side {
        &self.original_side
    }

    /// The paraphrase's spans and sentences.
    pub fn paraphrase_side(&self) -> &Side {
        &self.paraphrase_side
    }

    /// The copied runs, in paraphrase order.
    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// The aligned sentence pairs, in paraphrase order.
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    /// The rows of a view in one text's order, the one order the reports
    /// and the page share: each sentence of that text in turn (a pair once,
    /// at its first sentence), with the unpaired sentences of the other
    /// text placed after the row of the paired sentence before them.
    pub fn rows(&self, order: Order) -> Vec<Row> {
        let mut rows = Vec::new();
        self.each_row(order, |row| rows.push(row));
        rows
    }

    /// Hands each row of [`Findings::rows`] to `emit`, in order.
    pub fn each_row(&self, order: Order, mut emit: impl FnMut(Row)) {
        let by_paraphrase = order == Order::Paraphrase;
        let [lead, other] = if by_paraphrase {
            [
                &self.paraphrase_side.sentences,
                &self.original_side.sentences,
            ]
        } else {
            [
                &self.original_side.sentences,
                &self.paraphrase_side.sentences,
            ]
        };
        let alone = |paraphrase: bool, index: usize| {
            let index = index as u32;
            if paraphrase {
                Row::New(index)
            } else {
                Row::Dropped(index)
            }
        };
        // The other text's next sentence to place, while its unpaired ones
        // are being placed: from its start, then from the end of each
        // pair's sentences on that side. One `emit` only: each is the code
        // of a push in the browser build.
        let mut unpaired = Some(0);
        let mut index = 0;
        'rows: loop {
            let row = match unpaired.filter(|&at| other.get(at).is_some_and(|s| s.pair.is_none())) {
                Some(at) => {
                    unpaired = Some(at + 1);
                    alone(!by_paraphrase, at)
                }
                None => 'lead: {
                    unpaired = None;
                    let Some(sentence) = lead.get(index) else {
                        break 'rows;
                    };
                    index += 1;
                    let Some(number) = sentence.pair else {
                        break 'lead alone(by_paraphrase, index - 1);
                    };
                    let pair = &self.pairs[number as usize];
                    let [lead_sentences, other_sentences] = if by_paraphrase {
                        [&pair.paraphrase_sentences, &pair.original_sentences]
                    } else {
                        [&pair.original_sentences, &pair.paraphrase_sentences]
                    };
                    if lead_sentences.start as usize != index - 1 {
                        continue 'rows; // a later sentence of a pair already placed
                    }
                    unpaired = Some(other_sentences.end as usize);
                    Row::Pair(number)
                }
            };
            emit(row);
        }
    }

    /// Counts of words, runs and sentences.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Whether every stage ran to the end within the time budget.
    pub fn is_complete(&self) -> bool {
        self.cut_short.is_empty()
    }

    /// The stages that ran out of time and gave a coarser answer.
    pub fn cut_short(&self) -> &[&'static str] {
        &self.cut_short
    }

    /// The options the comparison used.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The languages detection found the texts in, and the one compared in.
    pub fn languages(&self) -> &Languages {
        &self.languages
    }

    /// The public JSON model, `article-diff/1`, for the texts these
    /// findings were made from, with offsets in the given unit.
    pub fn to_json(&self, original: &str, paraphrase: &str, unit: OffsetUnit) -> String {
        // Plain strings, numbers and enums: serializing cannot fail.
        serde_json::to_string(&self.view(original, paraphrase, unit)).unwrap_or_default()
    }

    /// The same, indented for people to read.
    pub fn to_json_pretty(&self, original: &str, paraphrase: &str, unit: OffsetUnit) -> String {
        serde_json::to_string_pretty(&self.view(original, paraphrase, unit)).unwrap_or_default()
    }

    /// Writes the JSON model, indented, to `writer` as it is made: no list
    /// of it is held whole, in memory or as text. Give it a buffered writer.
    ///
    /// # Errors
    ///
    /// The first error writing to `writer` returns (with its
    /// [`io::ErrorKind`], so that a closed pipe can be told apart).
    pub fn write_json_pretty(
        &self,
        original: &str,
        paraphrase: &str,
        unit: OffsetUnit,
        writer: impl io::Write,
    ) -> io::Result<()> {
        serde_json::to_writer_pretty(writer, &self.view(original, paraphrase, unit))
            .map_err(io::Error::from)
    }

    fn view<'a>(
        &'a self,
        original: &'a str,
        paraphrase: &'a str,
        unit: OffsetUnit,
    ) -> ComparisonView<'a> {
        ComparisonView {
            name: None,
            findings: self,
            texts: (original, paraphrase),
            unit,
            original: Offsets::new(original, unit),
            paraphrase: Offsets::new(paraphrase, unit),
        }
    }
}

/// The comparison of an original with its paraphrase: [`Findings`] (which
/// it dereferences to) and the two texts they are about.
#[derive(Clone, Debug)]
pub struct Comparison<'t> {
    pub(crate) original: &'t str,
    pub(crate) paraphrase: &'t str,
    pub(crate) findings: Findings,
}

impl std::ops::Deref for Comparison<'_> {
    type Target = Findings;

    fn deref(&self) -> &Findings {
        &self.findings
    }
}

impl<'t> Comparison<'t> {
    /// The original text.
    pub fn original(&self) -> &'t str {
        self.original
    }

    /// The paraphrase text.
    pub fn paraphrase(&self) -> &'t str {
        self.paraphrase
    }

    /// The text of a range of the original.
    pub fn original_text(&self, range: &Range<u32>) -> &'t str {
        &self.original[range.start as usize..range.end as usize]
    }

    /// The text of a range of the paraphrase.
    pub fn paraphrase_text(&self, range: &Range<u32>) -> &'t str {
        &self.paraphrase[range.start as usize..range.end as usize]
    }

    /// The findings alone, without the texts.
    pub fn into_findings(self) -> Findings {
        self.findings
    }

    /// The public JSON model, `article-diff/1`, with offsets in the given unit.
    pub fn to_json(&self, unit: OffsetUnit) -> String {
        self.findings.to_json(self.original, self.paraphrase, unit)
    }

    /// The same, indented for people to read.
    pub fn to_json_pretty(&self, unit: OffsetUnit) -> String {
        self.findings
            .to_json_pretty(self.original, self.paraphrase, unit)
    }

    /// Writes the JSON model, indented, to `writer` as it is made.
    ///
    /// # Errors
    ///
    /// The first error writing to `writer` returns.
    pub fn write_json_pretty(&self, unit: OffsetUnit, writer: impl io::Write) -> io::Result<()> {
        self.findings
            .write_json_pretty(self.original, self.paraphrase, unit, writer)
    }

    /// As [`Comparison::write_json_pretty`], with a `"name"` field first:
    /// what the command line writes for each of many rewrites.
    ///
    /// # Errors
    ///
    /// The first error writing to `writer` returns.
    pub fn write_named_json_pretty(
        &self,
        name: &str,
        unit: OffsetUnit,
        writer: impl io::Write,
    ) -> io::Result<()> {
        let view = ComparisonView {
            name: Some(name),
            ..self.findings.view(self.original, self.paraphrase, unit)
        };
        serde_json::to_writer_pretty(writer, &view).map_err(io::Error::from)
    }
}

/// The unit of the offsets in the JSON model.
///
/// The engine works in UTF-8 bytes; [`Offsets`] is the one place that
/// converts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum OffsetUnit {
    /// UTF-8 bytes, as Rust slices strings.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16 code units, as JavaScript slices strings.
    #[serde(rename = "utf-16")]
    Utf16,
}

/// Converts UTF-8 byte offsets of one text into another [`OffsetUnit`].
///
/// Keeps the UTF-16 offset of every 16th byte, so a conversion reads at most
/// 15 bytes (two eight-byte words) and the table costs one `u32` per 16
/// bytes of text (a quarter of its size; at 64 bytes, converting the offsets
/// the page is handed was 3% of a 30k-word comparison in WebAssembly).
pub struct Offsets<'t> {
    text: &'t str,
    checkpoints: Vec<u32>,
}

const CHECKPOINT_BYTES: usize = 16;

impl<'t> Offsets<'t> {
    /// Prepares conversions for `text`.
    pub fn new(text: &'t str, unit: OffsetUnit) -> Self {
        let checkpoints = match unit {
            OffsetUnit::Utf16 if !text.is_ascii() => {
                let mut table = Vec::with_capacity(text.len() / CHECKPOINT_BYTES + 1);
                let mut units = 0u32;
                for chunk in text.as_bytes().chunks(CHECKPOINT_BYTES) {
                    table.push(units);
                    units += utf16_units_in(chunk);
                }
                table
            }
            _ => Vec::new(),
        };
        Offsets { text, checkpoints }
    }

    /// The offset, in this converter's unit, of a UTF-8 byte offset.
    pub fn convert(&self, byte: u32) -> u32 {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let byte = byte as usize;
        let chunk = byte / CHECKPOINT_BYTES;
        let from = chunk * CHECKPOINT_BYTES;
        let bytes = self.text.as_bytes();
        match self.checkpoints.get(chunk) {
            // A whole chunk in the text: its two words with the bytes from
            // `byte` on zeroed, which count one unit each (see
            // `utf16_units_in_word`), taken off again: no loop over bytes.
            Some(&at) if from + CHECKPOINT_BYTES <= bytes.len() => {
                let kept = byte - from;
                let word = |at: usize, keep: usize| {
                    let word = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default());
                    word & u64::MAX
                        .checked_shr(64 - 8 * keep.min(8) as u32)
                        .unwrap_or(0)
                };
                at + utf16_units_in_word(word(from, kept))
                    + utf16_units_in_word(word(from + 8, kept.saturating_sub(8)))
                    - (CHECKPOINT_BYTES - kept) as u32
            }
            Some(&at) => at + utf16_units_in(&bytes[from..byte]),
            // The end of a text whose length is a multiple of the chunk.
            None => {
                self.checkpoints.last().copied().unwrap_or(0)
                    + utf16_units_in(&self.text.as_bytes()[from - CHECKPOINT_BYTES..byte])
            }
        }
    }

    /// A converter for offsets that only move forward (the spans of a
    /// text, in order): each conversion reads only the bytes since the last.
    pub fn cursor(&self) -> OffsetCursor<'_> {
        OffsetCursor {
            offsets: self,
            byte: 0,
            converted: 0,
        }
    }

    pub(crate) fn range(&self, range: &Range<u32>) -> [u32; 2] {
        [self.convert(range.start), self.convert(range.end)]
    }
}

/// See [`Offsets::cursor`].
pub struct OffsetCursor<'a> {
    offsets: &'a Offsets<'a>,
    byte: u32,
    converted: u32,
}

impl OffsetCursor<'_> {
    /// The converted offset of `byte`, which must not be before the last one
    /// converted (if it is, the converter starts again from a checkpoint).
    pub fn convert(&mut self, byte: u32) -> u32 {
        if self.offsets.checkpoints.is_empty() {
            return byte;
        }
        if byte < self.byte || byte - self.byte > CHECKPOINT_BYTES as u32 {
            self.converted = self.offsets.convert(byte);
        } else {
            let bytes = &self.offsets.text.as_bytes()[self.byte as usize..byte as usize];
            self.converted += utf16_units_in(bytes);
        }
        self.byte = byte;
        self.converted
    }
}

/// The UTF-16 code units of the characters that start in a little-endian
/// word of eight UTF-8 bytes (a zero byte counts one, as any ASCII byte).
#[inline(never)]
fn utf16_units_in_word(word: u64) -> u32 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if word & HIGH == 0 {
        return 8;
    }
    // Bit 7 of each byte after shifting by k holds the byte's bit 7 - k
    // (the bits that cross into the next byte land below bit 7 and are
    // masked off).
    let continuation = word & !(word << 1) & HIGH; // 10xxxxxx
    let four = word & (word << 1) & (word << 2) & (word << 3) & HIGH; // 1111xxxx
    8 - continuation.count_ones() + four.count_ones()
}

/// UTF-16 code units of the characters that start in `bytes`: one for each
/// lead byte, two for a four-byte sequence; continuation bytes count nothing.
///
/// Eight bytes at a time: every offset the page is handed is converted this
/// way (up to 15 bytes each), and byte by byte this was half the time the
/// findings took to cross into JavaScript on a 1M-word pair. The WebAssembly
/// build has no vector instructions, so the eight bytes are one `u64`.
fn utf16_units_in(bytes: &[u8]) -> u32 {
    let mut words = bytes.chunks_exact(8);
    let mut units = 0;
    for word in &mut words {
        units += utf16_units_in_word(u64::from_le_bytes(word.try_into().unwrap_or_default()));
    }
    units
        + words
            .remainder()
            .iter()
            .map(|&b| match b {
                0x80..=0xBF => 0,
                0xF0..=0xFF => 2,
                _ => 1,
            })
            .sum::<u32>()
}

// ---- the JSON view: the model with its offsets converted -------------------

struct ComparisonView<'a> {
    name: Option<&'a str>,
    findings: &'a Findings,
    texts: (&'a str, &'a str),
    unit: OffsetUnit,
    original: Offsets<'a>,
    paraphrase: Offsets<'a>,
}

// The long lists (sentences, spans, pairs, runs) are `Seq`s: each item's
// view is made as it is written, so that writing a book's model holds no
// list of views, only the findings.
#[derive(Serialize)]
struct Document<'a, Side, Pairs, Runs> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    format: &'static str,
    offsets: OffsetUnit,
    complete: bool,
    cut_short: &'a [&'static str],
    options: &'a Options,
    languages: &'a Languages,
    stats: &'a Stats,
    original: Side,
    paraphrase: Side,
    pairs: Pairs,
    runs: Runs,
}

#[derive(Serialize)]
pub(crate) struct SideView<Sentences, Spans> {
    pub(crate) length: u32,
    pub(crate) sentences: Sentences,
    pub(crate) spans: Spans,
}

/// A list serialized from an iterator, one item at a time.
pub(crate) struct Seq<F>(pub(crate) F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

#[derive(Serialize)]
pub(crate) struct SentenceView {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) paragraph: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) pair: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) repeats: Option<u32>,
}

#[derive(Serialize)]
struct SpanView<'a> {
    text: &'a str,
    start: u32,
    end: u32,
    kind: Kind,
    op: Op,
    #[serde(skip_serializing_if = "Option::is_none")]
    char_op: Option<Op>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pair: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    run: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    moved: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counterpart: Option<[u32; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quoted: Option<bool>,
}

#[derive(Serialize)]
struct PairView {
    original_sentences: [u32; 2],
    paraphrase_sentences: [u32; 2],
    original: [u32; 2],
    paraphrase: [u32; 2],
    #[serde(serialize_with = "rounded")]
    similarity: f64,
    verdict: Verdict,
    evidence: Evidence,
    #[serde(serialize_with = "rounded")]
    kept_share: f64,
    #[serde(serialize_with = "rounded")]
    derived_share: f64,
    moved: bool,
    ops: Vec<PairOpView>,
}

#[derive(Serialize)]
struct PairOpView {
    op: OpTag,
    original: [u32; 2],
    paraphrase: [u32; 2],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    chars: Vec<CharOpView>,
}

#[derive(Serialize)]
struct CharOpView {
    op: OpTag,
    original: [u32; 2],
    paraphrase: [u32; 2],
}

#[derive(Serialize)]
struct RunView {
    original: [u32; 2],
    paraphrase: [u32; 2],
    words: u32,
    moved: bool,
    quoted: bool,
}

/// Similarities and shares to three decimals: more is noise, and it keeps JSON stable.
pub(crate) fn rounded<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((value * 1000.0).round() / 1000.0)
}

/// A pair's view, its ranges converted: `o` for the original's, `p` for the
/// paraphrase's.
pub(crate) fn pair_view(pair: &Pair, o: &Offsets<'_>, p: &Offsets<'_>) -> impl Serialize + use<> {
    PairView {
        original_sentences: [pair.original_sentences.start, pair.original_sentences.end],
        paraphrase_sentences: [
            pair.paraphrase_sentences.start,
            pair.paraphrase_sentences.end,
        ],
        original: o.range(&pair.original),
        paraphrase: p.range(&pair.paraphrase),
        similarity: pair.similarity,
        verdict: pair.verdict,
        evidence: pair.evidence,
        kept_share: pair.kept_share,
        derived_share: pair.derived_share,
        moved: pair.moved,
        ops: pair
            .ops
            .iter()
            .map(|op| PairOpView {
                op: op.op,
                original: o.range(&op.original),
                paraphrase: p.range(&op.paraphrase),
                chars: op
                    .chars
                    .iter()
                    .map(|ch| CharOpView {
                        op: ch.op,
                        original: o.range(&ch.original),
                        paraphrase: p.range(&ch.paraphrase),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A run's view, its ranges converted as [`pair_view`]'s.
pub(crate) fn run_view(run: &Run, o: &Offsets<'_>, p: &Offsets<'_>) -> impl Serialize + use<> {
    RunView {
        original: o.range(&run.original),
        paraphrase: p.range(&run.paraphrase),
        words: run.words,
        moved: run.moved,
        quoted: run.quoted,
    }
}

impl<'a> ComparisonView<'a> {
    fn side<'s>(
        &'s self,
        text: &'a str,
        side: &'a Side,
        own: &'s Offsets<'a>,
        other: &'s Offsets<'a>,
    ) -> SideView<impl Serialize + 's, impl Serialize + 's> {
        let runs = &self.findings.runs;
        SideView {
            length: own.convert(text.len() as u32),
            sentences: Seq(move || {
                side.sentences.iter().map(move |s| SentenceView {
                    start: own.convert(s.range.start),
                    end: own.convert(s.range.end),
                    paragraph: s.paragraph,
                    pair: s.pair,
                    repeats: s.repeats,
                })
            }),
            spans: Seq(move || {
                side.spans.iter().map(move |s| SpanView {
                    text: &text[s.range.start as usize..s.range.end as usize],
                    start: own.convert(s.range.start),
                    end: own.convert(s.range.end),
                    kind: s.kind,
                    op: s.op,
                    char_op: s.char_op,
                    pair: s.pair,
                    run: s.run,
                    moved: s.run.map(|r| runs[r as usize].moved),
                    counterpart: s.counterpart.as_ref().map(|r| other.range(r)),
                    quoted: (s.kind == Kind::Copied).then_some(s.quoted),
                })
            }),
        }
    }
}

impl Serialize for ComparisonView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = self.findings;
        let (original, paraphrase) = self.texts;
        let (o, p) = (&self.original, &self.paraphrase);
        Document {
            name: self.name,
            format: FORMAT,
            offsets: self.unit,
            complete: c.is_complete(),
            cut_short: &c.cut_short,
            options: &c.options,
            languages: &c.languages,
            stats: &c.stats,
            original: self.side(original, &c.original_side, o, p),
            paraphrase: self.side(paraphrase, &c.paraphrase_side, p, o),
            pairs: Seq(|| c.pairs.iter().map(|pair| pair_view(pair, o, p))),
            runs: Seq(|| c.runs.iter().map(|run| run_view(run, o, p))),
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_either_text_with_the_other_texts_unpaired_sentences_after_the_pair_before_them()
    {
        // Original: a dropped sentence, two merged into one pair, a dropped
        // one, one paired out of order, a dropped one. Paraphrase: a new
        // sentence, the moved pair, the merged pair, a new sentence.
        let original = "Opening words are dropped here. The council met on Monday to vote on \
            the bridge. It voted to build a new bridge over the river. Nobody spoke against the \
            plan at all. The mayor was sited in the report on the plan. Closing words are \
            dropped too.";
        let paraphrase = "A new first sentence comes here. The mayor was cited in the report on \
            the plan. The council met on Monday to vote on the bridge, and it voted to build a \
            new bridge over the river. A new last sentence ends it.";
        let c = crate::compare(original, paraphrase).unwrap();
        let pairs: Vec<_> = c
            .pairs()
            .iter()
            .map(|p| (p.original_sentences.clone(), p.paraphrase_sentences.clone()))
            .collect();
        assert_eq!(pairs, [(4..5, 1..2), (1..3, 2..3)]);
        use Row::{Dropped, New, Pair};
        assert_eq!(
            c.rows(Order::Paraphrase),
            [
                Dropped(0),
                New(0),
                Pair(0),
                Dropped(5),
                Pair(1),
                Dropped(3),
                New(3)
            ]
        );
        assert_eq!(
            c.rows(Order::Original),
            [
                New(0),
                Dropped(0),
                Pair(1),
                New(3),
                Dropped(3),
                Pair(0),
                Dropped(5)
            ]
        );
    }

    #[test]
    fn utf16_offsets_match_javascript_string_indices() {
        for repeat in [1, 7, 40] {
            let text = "a\u{e9}b\u{1F600}c\u{6771}".repeat(repeat);
            let offsets = Offsets::new(&text, OffsetUnit::Utf16);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let expected = text[..byte].encode_utf16().count() as u32;
                assert_eq!(offsets.convert(byte as u32), expected, "at byte {byte}");
            }
        }
    }

    #[test]
    fn the_cursor_agrees_with_the_converter() {
        let text = "a\u{e9}b\u{1F600}c\u{6771} ".repeat(50);
        let offsets = Offsets::new(&text, OffsetUnit::Utf16);
        let mut cursor = offsets.cursor();
        let stops: Vec<u32> = text
            .char_indices()
            .map(|(at, _)| at as u32)
            .step_by(3)
            .chain([text.len() as u32, 5, 300])
            .collect();
        for stop in stops {
            assert_eq!(cursor.convert(stop), offsets.convert(stop), "at {stop}");
        }
    }

    #[test]
    fn counting_eight_bytes_at_a_time_counts_every_byte() {
        // Every byte value at every place in a word, and every length.
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).chain(0..=40).collect();
        for start in 0..9 {
            for end in start..bytes.len().min(start + 80) {
                let slice = &bytes[start..end];
                let expected: u32 = slice
                    .iter()
                    .map(|&b| match b {
                        0x80..=0xBF => 0,
                        0xF0..=0xFF => 2,
                        _ => 1,
                    })
                    .sum();
                assert_eq!(utf16_units_in(slice), expected, "bytes {start}..{end}");
            }
        }
    }

    #[test]
    fn a_text_of_whole_chunks_converts_its_end() {
        let text = "\u{e9}".repeat(CHECKPOINT_BYTES); // two chunks of bytes
        let offsets = Offsets::new(&text, OffsetUnit::Utf16);
        assert_eq!(offsets.convert(text.len() as u32), CHECKPOINT_BYTES as u32);
    }

    #[test]
    fn written_json_is_the_json_string() {
        let c = crate::compare(
            "The mayor opened the bridge on Monday. Crowds came.",
            "Crowds came — “on Monday the mayor opened the bridge”.",
        )
        .unwrap();
        for unit in [OffsetUnit::Utf8, OffsetUnit::Utf16] {
            let mut written = Vec::new();
            c.write_json_pretty(unit, &mut written).unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), c.to_json_pretty(unit));
        }
    }

    #[test]
    fn utf8_offsets_are_unchanged() {
        let offsets = Offsets::new("d\u{e9}j\u{e0}", OffsetUnit::Utf8);
        assert_eq!(offsets.convert(3), 3);
    }
}
