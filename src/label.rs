//! Stage 10: labels, spans and statistics.
//!
//! Every word of the paraphrase is exactly one of copied (inside a copied
//! run), reworded (inside an aligned pair, not copied) or new (in a sentence
//! aligned with nothing); every word of the original is kept (the source of
//! a run), reworded or dropped. Whitespace, and punctuation when it is
//! ignored, takes the label of the word before it in its sentence (the
//! word after it at a sentence's start), and counts as changed only between
//! two changed words, so changes begin and end on word edges.
//!
//! Tokens with the same label join into spans, which never cross a sentence
//! boundary. A change refined to characters (see [`crate::refine`]) becomes
//! one span per character step.

use std::ops::Range;

use crate::align::Alignment;
use crate::diff::Edit;
use crate::keys::Vocabulary;
use crate::model::{CharOp, Kind, Op, OpTag, Pair, PairOp, Run, Sentence, Side, Span, Stats};
use crate::runs;
use crate::text::Text;
use crate::verdict::{Shares, Verdict};

const NONE: u32 = u32::MAX;

/// Everything the assembly reads.
pub struct Assembly<'a> {
    /// The original.
    pub original: &'a Text<'a>,
    /// The paraphrase.
    pub paraphrase: &'a Text<'a>,
    /// What each key id is.
    pub vocabulary: &'a Vocabulary<'a, 'a>,
    /// Copied runs, in units.
    pub runs: &'a [runs::Run],
    /// Aligned sentences, in paraphrase order.
    pub alignments: &'a [Alignment],
    /// The word diff of each alignment.
    pub edits: &'a [Vec<Edit>],
    /// The shares and verdict of each alignment.
    pub shares: &'a [Shares],
}

/// The assembled result.
pub struct Assembled {
    /// The original's spans and sentences.
    pub original: Side,
    /// The paraphrase's spans and sentences.
    pub paraphrase: Side,
    /// Copied runs, in bytes.
    pub runs: Vec<Run>,
    /// Sentence pairs, in bytes.
    pub pairs: Vec<Pair>,
    /// The counts.
    pub stats: Stats,
}

/// What is known of each unit of one side: the run it is copied in, and
/// whether it is changed (in a change of its pair's word diff, or in a
/// sentence aligned with nothing). Its pair is its sentence's, which the
/// spans and the statistics read per sentence: at a million words every
/// array read per unit costs, as it misses the cache.
struct UnitLabels {
    run: Vec<u32>,
    changed: Vec<bool>,
}

impl UnitLabels {
    fn new(text: &Text<'_>, sentence_pairs: &[u32]) -> Self {
        let n = text.units.len();
        let mut labels = UnitLabels {
            run: vec![NONE; n],
            changed: vec![false; n],
        };
        for (sentence, &pair) in text.sentences.iter().zip(sentence_pairs) {
            if pair == NONE {
                labels.changed[sentence.units.start as usize..sentence.units.end as usize]
                    .fill(true);
            }
        }
        labels
    }

    /// The kind of a unit, in a sentence that is paired or not.
    fn kind(&self, unit: usize, paired: bool, paraphrase: bool) -> Kind {
        match (self.run[unit] != NONE, paired, paraphrase) {
            (true, _, true) => Kind::Copied,
            (true, _, false) => Kind::Kept,
            (false, true, _) => Kind::Reworded,
            (false, false, true) => Kind::New,
            (false, false, false) => Kind::Dropped,
        }
    }
}

fn option(value: u32) -> Option<u32> {
    (value != NONE).then_some(value)
}

/// A refined change on one side: its bytes and its character steps.
struct Region {
    range: Range<u32>,
    pieces: Vec<(Range<u32>, bool)>,
    pair: u32,
}

/// Builds spans, sentences, pairs, runs and statistics.
/// `chars` holds, for each pair and each of its edits, the edit's
/// character steps (stage 9; empty where it was not refined).
pub fn assemble(a: &Assembly<'_>, chars: Vec<Vec<Vec<CharOp>>>) -> Assembled {
    let (o, p) = (a.original, a.paraphrase);
    let mut o_sentence_pair = vec![NONE; o.sentences.len()];
    let mut p_sentence_pair = vec![NONE; p.sentences.len()];
    for (index, alignment) in a.alignments.iter().enumerate() {
        for s in alignment.original.clone() {
            o_sentence_pair[s as usize] = index as u32;
        }
        for s in alignment.paraphrase.clone() {
            p_sentence_pair[s as usize] = index as u32;
        }
    }
    let mut o_labels = UnitLabels::new(o, &o_sentence_pair);
    let mut p_labels = UnitLabels::new(p, &p_sentence_pair);
    for (index, run) in a.runs.iter().enumerate() {
        p_labels.run[run.paraphrase.start as usize..run.paraphrase.end as usize].fill(index as u32);
        for unit in run.original.clone() {
            if o_labels.run[unit as usize] == NONE {
                o_labels.run[unit as usize] = index as u32;
            }
        }
    }
    for edits in a.edits {
        for edit in edits.iter().filter(|e| !e.equal) {
            o_labels.changed[edit.original.start as usize..edit.original.end as usize].fill(true);
            p_labels.changed[edit.paraphrase.start as usize..edit.paraphrase.end as usize]
                .fill(true);
        }
    }

    // Each sentence's bytes, once: the pairs' bytes are those of their
    // first and last sentences, and most ranges of units that are looked
    // up start or end where a sentence's units do.
    let (o_sentences, o_bytes) = sentences_of(o, &o_sentence_pair);
    let (mut p_sentences, p_bytes) = sentences_of(p, &p_sentence_pair);
    let mut o_regions = Vec::new();
    let mut p_regions = Vec::new();
    let pairs: Vec<Pair> = a
        .alignments
        .iter()
        .zip(a.edits)
        .zip(a.shares)
        .zip(chars)
        .enumerate()
        .map(|(index, (((alignment, edits), shares), chars))| {
            let bytes = |sentences: &[Sentence], range: &Range<u32>| {
                sentences[range.start as usize].range.start
                    ..sentences[range.end as usize - 1].range.end
            };
            let ops = edits
                .iter()
                .zip(chars)
                .map(|(edit, chars)| {
                    let original = o_bytes.edit(&edit.original, &alignment.original);
                    let paraphrase = p_bytes.edit(&edit.paraphrase, &alignment.paraphrase);
                    if !chars.is_empty() {
                        o_regions.push(region(&original, &chars, index, |c| &c.original));
                        p_regions.push(region(&paraphrase, &chars, index, |c| &c.paraphrase));
                    }
                    PairOp {
                        op: OpTag::of(edit.equal, &original, &paraphrase),
                        original,
                        paraphrase,
                        chars,
                    }
                })
                .collect();
            Pair {
                original_sentences: alignment.original.clone(),
                paraphrase_sentences: alignment.paraphrase.clone(),
                original: bytes(&o_sentences, &alignment.original),
                paraphrase: bytes(&p_sentences, &alignment.paraphrase),
                similarity: alignment.similarity,
                verdict: shares.verdict,
                evidence: alignment.evidence,
                kept_share: shares.kept,
                derived_share: shares.derived,
                moved: alignment.moved,
                ops,
            }
        })
        .collect();
    let by_start = |regions: Vec<Region>| -> Vec<Region> {
        let order = crate::order::order_by(regions.len(), |i| regions[i].range.start);
        let mut slots: Vec<Option<Region>> = regions.into_iter().map(Some).collect();
        order.into_iter().filter_map(|i| slots[i].take()).collect()
    };
    let o_regions = by_start(o_regions);
    let p_regions = by_start(p_regions);

    let original_side = Side {
        spans: spans(
            &o_bytes,
            &o_labels,
            &o_sentence_pair,
            &o_regions,
            false,
            &OtherSide {
                bytes: &p_bytes,
                runs: a.runs,
                alignments: a.alignments,
                original: false,
            },
        ),
        sentences: o_sentences,
    };
    let paraphrase_side = Side {
        spans: spans(
            &p_bytes,
            &p_labels,
            &p_sentence_pair,
            &p_regions,
            true,
            &OtherSide {
                bytes: &o_bytes,
                runs: a.runs,
                alignments: a.alignments,
                original: true,
            },
        ),
        sentences: {
            mark_repeats(&mut p_sentences, a, &p_labels);
            p_sentences
        },
    };

    let runs: Vec<Run> = a
        .runs
        .iter()
        .map(|run| Run {
            original: o.unit_bytes(run.original.clone()),
            paraphrase: p.unit_bytes(run.paraphrase.clone()),
            words: run.words,
            moved: run.moved,
            quoted: run.quoted,
        })
        .collect();
    let mut stats = statistics(
        a,
        (&o_labels, &o_sentence_pair),
        (&p_labels, &p_sentence_pair),
        &pairs,
    );
    stats.repeated_sentences = paraphrase_side
        .sentences
        .iter()
        .filter(|s| s.repeats.is_some())
        .count() as u32;
    stats.new_sentences -= stats.repeated_sentences;
    Assembled {
        original: original_side,
        paraphrase: paraphrase_side,
        runs,
        pairs,
        stats,
    }
}

/// The other text, where a side's copied passages come from or went to.
struct OtherSide<'a> {
    bytes: &'a SideBytes<'a>,
    runs: &'a [runs::Run],
    alignments: &'a [Alignment],
    /// Whether it is the original.
    original: bool,
}

impl OtherSide<'_> {
    /// The bytes there of `units` of run `run`, in pair `pair` (or NONE).
    fn counterpart(&self, run: u32, pair: u32, units: Range<u32>) -> Range<u32> {
        let run = &self.runs[run as usize];
        let alignment = option(pair).map(|pair| &self.alignments[pair as usize]);
        let (from, to, near) = if self.original {
            let near = alignment.map(|a| a.original.clone());
            (run.paraphrase.start, run.original.start, near)
        } else {
            let near = alignment.map(|a| a.paraphrase.clone());
            (run.original.start, run.paraphrase.start, near)
        };
        let units = (units.start - from + to)..(units.end - from + to);
        self.bytes.units(&units, &near.unwrap_or(0..0))
    }
}

fn region(
    range: &Range<u32>,
    chars: &[CharOp],
    pair: usize,
    side: impl Fn(&CharOp) -> &Range<u32>,
) -> Region {
    Region {
        range: range.clone(),
        pieces: chars
            .iter()
            .filter(|c| !side(c).is_empty())
            .map(|c| (side(c).clone(), c.op != OpTag::Equal))
            .collect(),
        pair: pair as u32,
    }
}

/// The label a span is made of.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Label {
    kind: Kind,
    op: Op,
    char_op: Option<Op>,
    run: u32,
    pair: u32,
    quoted: bool,
}

/// Joins tokens into spans, one sentence at a time.
struct SpanBuilder<'f> {
    spans: Vec<Span>,
    open: Option<(Label, Range<u32>, Option<Range<u32>>)>,
    other: &'f OtherSide<'f>,
}

impl SpanBuilder<'_> {
    /// Adds `bytes` (holding `units`, if any) with `label`.
    fn push(&mut self, label: Label, bytes: Range<u32>, units: Option<Range<u32>>) {
        if let Some((open_label, range, open_units)) = &mut self.open
            && *open_label == label
        {
            range.end = bytes.end;
            if let Some(units) = units {
                match open_units {
                    Some(open_units) => open_units.end = units.end,
                    None => *open_units = Some(units),
                }
            }
            return;
        }
        self.close();
        self.open = Some((label, bytes, units));
    }

    fn close(&mut self) {
        if let Some((label, range, units)) = self.open.take() {
            let counterpart = match (option(label.run), units) {
                (Some(run), Some(units)) => Some(self.other.counterpart(run, label.pair, units)),
                _ => None,
            };
            self.spans.push(Span {
                range,
                kind: label.kind,
                op: label.op,
                char_op: label.char_op,
                run: option(label.run),
                pair: option(label.pair),
                counterpart,
                quoted: label.quoted,
            });
        }
    }
}

fn spans(
    bytes: &SideBytes<'_>,
    labels: &UnitLabels,
    sentence_pairs: &[u32],
    regions: &[Region],
    paraphrase: bool,
    other: &OtherSide<'_>,
) -> Vec<Span> {
    let text = bytes.text;
    // Whether the paraphrase's copying is attributed (the original's
    // quotations say nothing).
    let quoted = &text.quoted;
    let change = if paraphrase { Op::Insert } else { Op::Delete };
    // A unit's label in a sentence of `pair`. Only the paraphrase's units
    // are flagged quoted (whether its copying is attributed), and only in
    // runs.
    let unit_label = |unit: usize, pair: u32| Label {
        kind: labels.kind(unit, pair != NONE, paraphrase),
        op: if labels.changed[unit] {
            change
        } else {
            Op::Equal
        },
        char_op: None,
        run: labels.run[unit],
        pair,
        quoted: paraphrase && labels.run[unit] != NONE && quoted[unit],
    };
    // Whether `unit_label(unit, label.pair)` would be `label`: field by
    // field, without making it.
    let has_label = |unit: usize, label: &Label| {
        labels.run[unit] == label.run
            && labels.changed[unit] == (label.op == change)
            && (paraphrase && label.run != NONE && quoted[unit]) == label.quoted
    };
    let mut builder = SpanBuilder {
        spans: Vec::with_capacity(text.units.len() / 4 + 1),
        open: None,
        other,
    };
    if text.sentences.is_empty() {
        // Only whitespace: one label for all of it.
        let kind = if paraphrase { Kind::New } else { Kind::Dropped };
        for token in &text.tokens {
            let label = Label {
                kind,
                op: Op::Equal,
                char_op: None,
                run: NONE,
                pair: NONE,
                quoted: false,
            };
            builder.push(label, token.start..token.end, None);
        }
        builder.close();
        return builder.spans;
    }
    let mut regions = regions.iter().peekable();
    for ((sentence, sentence_bytes), &pair) in text
        .sentences
        .iter()
        .zip(&bytes.sentences)
        .zip(sentence_pairs)
    {
        // Most sentences are one span (and their trailing whitespace):
        // every unit of one label, the first token a unit, no refined
        // change inside. Told from the labels and the sentence's bytes,
        // without a look at its tokens.
        let first = sentence.units.start as usize;
        if !sentence.units.is_empty()
            && sentence_bytes.units.start == sentence_bytes.all.start
            && regions
                .peek()
                .is_none_or(|r| r.range.start >= sentence_bytes.all.end)
        {
            let label = unit_label(first, pair);
            if (first + 1..sentence.units.end as usize).all(|u| has_label(u, &label)) {
                builder.close();
                builder.push(
                    label,
                    sentence_bytes.units.clone(),
                    Some(sentence.units.clone()),
                );
                // The whitespace (and ignored punctuation) after the last
                // unit: changed only before a changed unit, and none follows.
                if sentence_bytes.all.end > sentence_bytes.units.end {
                    let after = Label {
                        op: Op::Equal,
                        ..label
                    };
                    builder.push(
                        after,
                        sentence_bytes.units.end..sentence_bytes.all.end,
                        None,
                    );
                }
                builder.close();
                continue;
            }
        }
        let mut unit = sentence.units.start;
        // The label of the last unit passed: the whitespace and ignored
        // punctuation after a unit take it, their op aside, so it is made
        // once per unit rather than once per token.
        let mut previous: Option<Label> = None;
        let mut skip_until = 0u32;
        let mut started = false;
        let mut index = sentence.tokens.start;
        while index < sentence.tokens.end {
            let token = text.tokens[index as usize];
            index += 1;
            if !started && !token.is_space() {
                // Whitespace before a sentence (a blank line, the text's
                // start) is a span of its own: spans never cross the start
                // of a sentence's range.
                builder.close();
                started = true;
            }
            let is_unit = unit < sentence.units.end && text.units.token[unit as usize] == index - 1;
            if token.end <= skip_until {
                if is_unit {
                    previous = Some(unit_label(unit as usize, pair));
                    unit += 1;
                }
                continue;
            }
            if let Some(region) = regions.next_if(|r| r.range.start == token.start) {
                for (range, changed) in &region.pieces {
                    let label = Label {
                        kind: Kind::Reworded,
                        op: change,
                        char_op: Some(if *changed { change } else { Op::Equal }),
                        run: NONE,
                        pair: region.pair,
                        quoted: false,
                    };
                    builder.push(label, range.clone(), None);
                }
                skip_until = region.range.end;
                if is_unit {
                    previous = Some(unit_label(unit as usize, pair));
                    unit += 1;
                }
                continue;
            }
            if is_unit {
                let label = unit_label(unit as usize, pair);
                let (first, mut end) = (unit, token.end);
                // Up to the next unit of the same label, every token takes
                // that label (whitespace is changed between two changed
                // units): one step to it, unless a refined change starts
                // on the way.
                while unit + 1 < sentence.units.end {
                    let next_token = text.units.token[unit as usize + 1];
                    let next = &text.tokens[next_token as usize];
                    if regions.peek().is_some_and(|r| r.range.start <= next.start)
                        || !has_label(unit as usize + 1, &label)
                    {
                        break;
                    }
                    unit += 1;
                    end = next.end;
                    index = next_token + 1;
                }
                builder.push(label, token.start..end, Some(first..unit + 1));
                previous = Some(label);
                unit += 1;
                continue;
            }
            let next = (unit < sentence.units.end).then_some(unit);
            // Changed only between two changed units.
            let label = match (previous, next) {
                (Some(mut label), _) => {
                    let changed =
                        label.op == change && next.is_some_and(|n| labels.changed[n as usize]);
                    label.op = if changed { change } else { Op::Equal };
                    label
                }
                (None, Some(next)) => Label {
                    op: Op::Equal,
                    ..unit_label(next as usize, pair)
                },
                // No unit at all: punctuation only, with punctuation ignored.
                (None, None) => Label {
                    kind: if paraphrase { Kind::New } else { Kind::Dropped },
                    op: Op::Equal,
                    char_op: None,
                    run: NONE,
                    pair: NONE,
                    quoted: false,
                },
            };
            builder.push(label, token.start..token.end, None);
        }
        builder.close();
    }
    builder.spans
}

/// The bytes of one sentence, read once.
struct SentenceBytes {
    /// From its first unit to its last (empty when it has none).
    units: Range<u32>,
    /// All of it, whitespace included.
    all: Range<u32>,
}

/// One text and the bytes of its sentences: ranges of units in bytes,
/// looking at the tokens only for the ends that are not a sentence's (at a
/// million words, each look at a token misses the cache).
struct SideBytes<'a> {
    text: &'a Text<'a>,
    sentences: Vec<SentenceBytes>,
}

impl SideBytes<'_> {
    /// The bytes of `units` (not empty), which lie in the sentences `near`.
    fn units(&self, units: &Range<u32>, near: &Range<u32>) -> Range<u32> {
        let (mut start, mut end) = (None, None);
        for s in near.start as usize..near.end as usize {
            let sentence = &self.text.sentences[s].units;
            if sentence.is_empty() {
                continue;
            }
            if sentence.start == units.start {
                start = Some(self.sentences[s].units.start);
            }
            if sentence.end == units.end {
                end = Some(self.sentences[s].units.end);
            }
        }
        let token = |unit: u32| &self.text.tokens[self.text.units.token[unit as usize] as usize];
        start.unwrap_or_else(|| token(units.start).start)
            ..end.unwrap_or_else(|| token(units.end - 1).end)
    }

    /// The bytes of the units of an edit in the sentences `near`; an empty
    /// range sits where its units would: after the unit before it in its
    /// sentences, else before the unit after it.
    fn edit(&self, units: &Range<u32>, near: &Range<u32>) -> Range<u32> {
        if !units.is_empty() {
            return self.units(units, near);
        }
        let sentence_start = self.text.sentences[near.start as usize].units.start;
        let at = if units.start > sentence_start {
            self.units(&(units.start - 1..units.start), near).end
        } else if (units.start as usize) < self.text.units.len() {
            self.units(&(units.start..units.start + 1), near).start
        } else {
            self.text.text.len() as u32
        };
        at..at
    }
}

/// The model's sentences of a text, and their bytes.
fn sentences_of<'a>(text: &'a Text<'a>, sentence_pair: &[u32]) -> (Vec<Sentence>, SideBytes<'a>) {
    let mut bytes = Vec::with_capacity(text.sentences.len());
    let sentences = text
        .sentences
        .iter()
        .zip(sentence_pair)
        .map(|(sentence, &pair)| {
            let tokens = &text.tokens[sentence.tokens.start as usize..sentence.tokens.end as usize];
            let all = tokens.first().map_or(0, |t| t.start)..tokens.last().map_or(0, |t| t.end);
            bytes.push(SentenceBytes {
                units: if sentence.units.is_empty() {
                    all.start..all.start
                } else {
                    text.unit_bytes(sentence.units.clone())
                },
                all,
            });
            Sentence {
                range: text.sentence_bytes(sentence),
                paragraph: sentence.paragraph,
                pair: option(pair),
                repeats: None,
            }
        })
        .collect();
    (
        sentences,
        SideBytes {
            text,
            sentences: bytes,
        },
    )
}

/// Marks the unpaired paraphrase sentences whose every word is copied with
/// the original sentence they repeat.
fn mark_repeats(sentences: &mut [Sentence], a: &Assembly<'_>, labels: &UnitLabels) {
    let o_sentences = &a.original.sentences;
    for (sentence, units) in sentences.iter_mut().zip(&a.paraphrase.sentences) {
        if sentence.pair.is_some() {
            continue;
        }
        let mut words = units
            .units
            .clone()
            .filter(|&u| a.vocabulary.is_word[a.paraphrase.units.id[u as usize] as usize]);
        let Some(first) = words.next() else {
            continue;
        };
        if labels.run[first as usize] == NONE || words.any(|u| labels.run[u as usize] == NONE) {
            continue;
        }
        let run = &a.runs[labels.run[first as usize] as usize];
        let source = run.original.start + (first - run.paraphrase.start);
        let index = o_sentences.partition_point(|s| s.units.end <= source);
        sentence.repeats = Some(index.min(o_sentences.len().saturating_sub(1)) as u32);
    }
}

fn statistics(
    a: &Assembly<'_>,
    (o, o_sentence_pair): (&UnitLabels, &[u32]),
    (p, p_sentence_pair): (&UnitLabels, &[u32]),
    pairs: &[Pair],
) -> Stats {
    let mut stats = Stats::default();
    let is_word = |text: &Text<'_>, unit: usize| a.vocabulary.is_word[text.units.id[unit] as usize];
    for (sentence, &pair) in a.original.sentences.iter().zip(o_sentence_pair) {
        for unit in sentence.units.start as usize..sentence.units.end as usize {
            if !is_word(a.original, unit) {
                continue;
            }
            stats.original_words += 1;
            match o.kind(unit, pair != NONE, false) {
                Kind::Kept => stats.kept_words += 1,
                Kind::Reworded => stats.original_reworded_words += 1,
                _ => stats.dropped_words += 1,
            }
        }
    }
    for (sentence, &pair) in a.paraphrase.sentences.iter().zip(p_sentence_pair) {
        for unit in sentence.units.start as usize..sentence.units.end as usize {
            if !is_word(a.paraphrase, unit) {
                continue;
            }
            stats.paraphrase_words += 1;
            match p.kind(unit, pair != NONE, true) {
                Kind::Copied => {
                    stats.copied_words += 1;
                    if a.runs[p.run[unit] as usize].moved {
                        stats.moved_words += 1;
                    }
                    if a.paraphrase.quoted[unit] {
                        stats.quoted_copied_words += 1;
                    } else {
                        stats.unquoted_copied_words += 1;
                    }
                }
                Kind::Reworded => stats.reworded_words += 1,
                _ => stats.new_words += 1,
            }
        }
    }
    stats.runs = a.runs.len() as u32;
    stats.moved_runs = a.runs.iter().filter(|r| r.moved).count() as u32;
    stats.original_sentences = a.original.sentences.len() as u32;
    stats.paraphrase_sentences = a.paraphrase.sentences.len() as u32;
    stats.pairs = pairs.len() as u32;
    stats.moved_pairs = pairs.iter().filter(|p| p.moved).count() as u32;
    let verdicts = |verdict: Verdict| pairs.iter().filter(|p| p.verdict == verdict).count() as u32;
    stats.copied_pairs = verdicts(Verdict::Copied);
    stats.edited_pairs = verdicts(Verdict::Edited);
    stats.reworded_pairs = verdicts(Verdict::Reworded);
    let paired = |side: fn(&Pair) -> &Range<u32>| -> u32 {
        pairs.iter().map(|p| side(p).len() as u32).sum()
    };
    stats.dropped_sentences = stats.original_sentences - paired(|p| &p.original_sentences);
    stats.new_sentences = stats.paraphrase_sentences - paired(|p| &p.paraphrase_sentences);
    stats
}

#[cfg(test)]
mod tests {
    use crate::{Comparison, Kind, Op, compare};

    /// The (text, kind, op) of each paraphrase span.
    fn paraphrase_spans<'t>(c: &Comparison<'t>) -> Vec<(&'t str, Kind, Op)> {
        c.paraphrase_side()
            .spans
            .iter()
            .map(|s| (c.paraphrase_text(&s.range), s.kind, s.op))
            .collect()
    }

    #[test]
    fn whitespace_is_changed_only_between_changed_words() {
        let c = compare(
            "The council voted to build a bridge over the river today.",
            "The council voted to build a wide new tunnel under the river today.",
        )
        .unwrap();
        let spans = paraphrase_spans(&c);
        assert!(
            spans.contains(&("wide new tunnel under", Kind::Reworded, Op::Insert)),
            "{spans:?}"
        );
        // The spaces at the change's edges stay equal: changes end on words.
        assert!(
            spans
                .iter()
                .all(|(text, _, op)| *op == Op::Equal || !text.starts_with(' '))
        );
        assert!(
            spans
                .iter()
                .all(|(text, _, op)| *op == Op::Equal || !text.ends_with(' '))
        );
    }

    #[test]
    fn copied_spans_point_at_their_source() {
        let original = "Intro sentence here. The mayor said the ferry would run all winter long.";
        let paraphrase = "“The mayor said the ferry would run all winter long,” a clerk wrote.";
        let c = compare(original, paraphrase).unwrap();
        let copied = c
            .paraphrase_side()
            .spans
            .iter()
            .find(|s| s.kind == Kind::Copied)
            .unwrap();
        let source = copied.counterpart.clone().unwrap();
        assert_eq!(
            c.original_text(&source),
            "The mayor said the ferry would run all winter long"
        );
        let kept = c
            .original_side()
            .spans
            .iter()
            .find(|s| s.kind == Kind::Kept)
            .unwrap();
        assert_eq!(
            c.paraphrase_text(&kept.counterpart.clone().unwrap()),
            "The mayor said the ferry would run all winter long"
        );
        assert_eq!(copied.run, Some(0));
        assert!(c.runs()[0].quoted);
    }

    #[test]
    fn a_paraphrase_of_punctuation_only_is_new_when_punctuation_is_ignored() {
        // With punctuation ignored it has no units, hence no quotation
        // flags; its spans were once labelled as the original's (dropped).
        let options = crate::Options::default().ignore_punctuation(true);
        for paraphrase in ["   ", "!!! ..."] {
            let c = crate::compare_with("Some words here.", paraphrase, &options).unwrap();
            assert!(
                c.paraphrase_side()
                    .spans
                    .iter()
                    .all(|s| s.kind == Kind::New),
                "{paraphrase:?}: {:?}",
                c.paraphrase_side().spans
            );
        }
    }

    #[test]
    fn a_new_sentence_is_inserted_up_to_its_last_word() {
        let c = compare(
            "The council voted to build a bridge.",
            "The council voted to build a bridge. Cyclists cheered loudly outside.",
        )
        .unwrap();
        let spans = paraphrase_spans(&c);
        assert_eq!(
            spans.last(),
            Some(&("Cyclists cheered loudly outside.", Kind::New, Op::Insert))
        );
        assert_eq!(c.stats().new_words, 4);
    }
}
