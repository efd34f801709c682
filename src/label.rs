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

/// What is known of each unit of one side.
struct UnitLabels {
    run: Vec<u32>,
    pair: Vec<u32>,
    changed: Vec<bool>,
}

impl UnitLabels {
    fn new(text: &Text<'_>, sentence_pairs: &[u32]) -> Self {
        let n = text.units.len();
        let mut labels = UnitLabels {
            run: vec![NONE; n],
            pair: vec![NONE; n],
            changed: vec![false; n],
        };
        for (index, sentence) in text.sentences.iter().enumerate() {
            let units = sentence.units.start as usize..sentence.units.end as usize;
            labels.pair[units.clone()].fill(sentence_pairs[index]);
            if sentence_pairs[index] == NONE {
                labels.changed[units].fill(true);
            }
        }
        labels
    }

    fn kind(&self, unit: usize, paraphrase: bool) -> Kind {
        match (self.run[unit] != NONE, self.pair[unit] != NONE, paraphrase) {
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
    // first and last sentences.
    let o_sentences = sentences_of(o, &o_sentence_pair);
    let mut p_sentences = sentences_of(p, &p_sentence_pair);
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
            let o_first = &o.sentences[alignment.original.start as usize];
            let p_first = &p.sentences[alignment.paraphrase.start as usize];
            let bytes = |sentences: &[Sentence], range: &Range<u32>| {
                sentences[range.start as usize].range.start
                    ..sentences[range.end as usize - 1].range.end
            };
            let ops = edits
                .iter()
                .zip(chars)
                .map(|(edit, chars)| {
                    let original = o.edit_bytes(edit.original.clone(), o_first.units.start);
                    let paraphrase = p.edit_bytes(edit.paraphrase.clone(), p_first.units.start);
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
        spans: spans(o, &o_labels, &o_regions, None, &|run, units| {
            p.unit_bytes(counterpart(&a.runs[run as usize], false, units))
        }),
        sentences: o_sentences,
    };
    let paraphrase_side = Side {
        spans: spans(
            p,
            &p_labels,
            &p_regions,
            Some(&a.paraphrase.quoted),
            &|run, units| o.unit_bytes(counterpart(&a.runs[run as usize], true, units)),
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
    let mut stats = statistics(a, &o_labels, &p_labels, &pairs);
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

/// The units of the other text that a run's `units` correspond to.
#[inline(never)]
fn counterpart(run: &runs::Run, from_paraphrase: bool, units: Range<u32>) -> Range<u32> {
    let (from, to) = if from_paraphrase {
        (run.paraphrase.start, run.original.start)
    } else {
        (run.original.start, run.paraphrase.start)
    };
    (units.start - from + to)..(units.end - from + to)
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
    counterpart: &'f dyn Fn(u32, Range<u32>) -> Range<u32>,
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
                (Some(run), Some(units)) => Some((self.counterpart)(run, units)),
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
    text: &Text<'_>,
    labels: &UnitLabels,
    regions: &[Region],
    quoted: Option<&[bool]>,
    counterpart: &dyn Fn(u32, Range<u32>) -> Range<u32>,
) -> Vec<Span> {
    // Only the paraphrase has quotation flags: they say whether its
    // copying is attributed. (Whether a side is the paraphrase is not read
    // from them: a paraphrase without units has none.)
    let paraphrase = quoted.is_some();
    let quoted = quoted.unwrap_or_default();
    let change = if paraphrase { Op::Insert } else { Op::Delete };
    let unit_label = |unit: usize| Label {
        kind: labels.kind(unit, paraphrase),
        op: if labels.changed[unit] {
            change
        } else {
            Op::Equal
        },
        char_op: None,
        run: labels.run[unit],
        pair: labels.pair[unit],
        quoted: paraphrase && labels.run[unit] != NONE && quoted[unit],
    };
    // Whether `unit_label(unit)` would be `label`, a unit's label: field
    // by field, without making it.
    let has_label = |unit: usize, label: &Label| {
        labels.run[unit] == label.run
            && labels.pair[unit] == label.pair
            && labels.changed[unit] == (label.op == change)
            && (paraphrase && label.run != NONE && quoted[unit]) == label.quoted
    };
    let mut builder = SpanBuilder {
        spans: Vec::with_capacity(text.units.len() / 4 + 1),
        open: None,
        counterpart,
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
    for sentence in &text.sentences {
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
                    previous = Some(unit_label(unit as usize));
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
                    previous = Some(unit_label(unit as usize));
                    unit += 1;
                }
                continue;
            }
            if is_unit {
                let label = unit_label(unit as usize);
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
                    ..unit_label(next as usize)
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

fn sentences_of(text: &Text<'_>, sentence_pair: &[u32]) -> Vec<Sentence> {
    text.sentences
        .iter()
        .zip(sentence_pair)
        .map(|(sentence, &pair)| Sentence {
            range: text.sentence_bytes(sentence),
            paragraph: sentence.paragraph,
            pair: option(pair),
            repeats: None,
        })
        .collect()
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

fn statistics(a: &Assembly<'_>, o: &UnitLabels, p: &UnitLabels, pairs: &[Pair]) -> Stats {
    let mut stats = Stats::default();
    let is_word = |id: u32| a.vocabulary.is_word[id as usize];
    for (unit, &id) in a.original.units.id.iter().enumerate() {
        if !is_word(id) {
            continue;
        }
        stats.original_words += 1;
        match o.kind(unit, false) {
            Kind::Kept => stats.kept_words += 1,
            Kind::Reworded => stats.original_reworded_words += 1,
            _ => stats.dropped_words += 1,
        }
    }
    for (unit, &id) in a.paraphrase.units.id.iter().enumerate() {
        if !is_word(id) {
            continue;
        }
        stats.paraphrase_words += 1;
        match p.kind(unit, true) {
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
