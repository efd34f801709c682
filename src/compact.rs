//! The findings as a few flat arrays of numbers, for JavaScript.
//!
//! A book-length comparison has hundreds of thousands of spans; as JSON or
//! as JavaScript objects they cost more than the comparison itself. As flat
//! `u32` arrays they cross into JavaScript as typed arrays in one copy each,
//! and the page builds objects only for the rows it shows. The layout (all
//! offsets in the unit asked for, [`NONE`] for "no such index"):
//!
//! - per side: `span_starts` (one more than the spans: the last is the
//!   text's length), `span_info` (the bits of [`SPAN_INFO_BITS`]: kind,
//!   op, char op plus one or 0 for none, see [`kind_code`] and [`op_code`];
//!   and whether a copied span is inside quotation marks), `span_run`,
//!   `span_pair`, `span_target` (where the counterpart of a copied or kept
//!   span starts), `sentences` ([`SENTENCE_LAYOUT`] each) and `rows` (the
//!   rows of a view in this text's order, [`ROW_LAYOUT`] each);
//! - `pairs`: [`PAIR_LAYOUT`] each, `similarity`, `kept_share` and
//!   `derived_share` beside them;
//! - `ops`: [`OP_LAYOUT`] each; `chars`: [`CHAR_LAYOUT`] each;
//! - `runs`: [`RUN_LAYOUT`] each.
//!
//! Each record's fields are declared once, by name, in those arrays, which
//! JavaScript receives ([`LAYOUT_JSON`]) and reads the fields by: no
//! offset is written down twice.

use crate::align::Evidence;
use crate::model::{Findings, Kind, OffsetUnit, Offsets, Op, OpTag, Order, Row, Side};
use crate::verdict::Verdict;

/// "No such index" in the arrays.
pub const NONE: u32 = u32::MAX;

/// Declares the lists of names JavaScript reads the arrays by, each once:
/// as an array, for Rust, and all together as the JSON text of `layout`
/// ([`LAYOUT_JSON`]), under the key given with it, beside `none` ([`NONE`]).
///
/// One JSON text rather than an array of strings each: their pointers and
/// the code that builds each string cost the browser build 0.26 KB gzip
/// more.
macro_rules! layout {
    ($(
        $(#[$doc:meta])*
        $name:ident as $key:literal: [$first:literal $(, $rest:literal)* $(,)?];
    )+) => {
        $(
            $(#[$doc])*
            pub const $name: [&str; [$first $(, $rest)*].len()] = [$first $(, $rest)*];
        )+

        /// Every list of names, under the key JavaScript finds it at in
        /// `layout`, and `none`: `{"none":4294967295,"sentence":["start",…],…}`.
        pub const LAYOUT_JSON: &str = concat!(
            "{\"none\":4294967295",
            $(",\"", $key, "\":[\"", $first, "\"" $(, ",\"", $rest, "\"")*, "]",)+
            "}"
        );
    };
}

layout! {
    /// The fields of a sentence in a side's `sentences`, in order: its
    /// range, its paragraph, its pair and the original sentence it repeats.
    SENTENCE_LAYOUT as "sentence": ["start", "end", "paragraph", "pair", "repeats"];
    /// The fields of a row in a side's `rows`, in order: what it is (its
    /// index in [`ROW_NAMES`]) and the index of its pair or sentence.
    ROW_LAYOUT as "row": ["type", "index"];
    /// The fields of a pair in `pairs`, in order: its sentences (first, end)
    /// and range on each side, whether it moved (0 or 1), its ops (first,
    /// end) in `ops`, its verdict (its index in [`VERDICT_NAMES`]) and
    /// evidence (its index in [`EVIDENCE_NAMES`]).
    PAIR_LAYOUT as "pair": [
        "originalSentence",
        "originalSentenceEnd",
        "paraphraseSentence",
        "paraphraseSentenceEnd",
        "originalStart",
        "originalEnd",
        "paraphraseStart",
        "paraphraseEnd",
        "moved",
        "op",
        "opEnd",
        "verdict",
        "evidence",
    ];
    /// The fields of an op in `ops`, in order: its tag (its index in
    /// [`TAG_NAMES`]), its range on each side and its char ops (first, end)
    /// in `chars`.
    OP_LAYOUT as "op": [
        "tag",
        "originalStart",
        "originalEnd",
        "paraphraseStart",
        "paraphraseEnd",
        "char",
        "charEnd",
    ];
    /// The fields of a char op in `chars`, in order: its tag and its range
    /// on each side.
    CHAR_LAYOUT as "char": ["tag", "originalStart", "originalEnd", "paraphraseStart", "paraphraseEnd"];
    /// The fields of a run in `runs`, in order: its range on each side, its
    /// words, whether it moved and whether it is quoted (0 or 1 each).
    RUN_LAYOUT as "run": [
        "originalStart",
        "originalEnd",
        "paraphraseStart",
        "paraphraseEnd",
        "words",
        "moved",
        "quoted",
    ];
    /// The bits of `span_info`, named one by one from bit 0: a field of
    /// several bits repeats its name.
    SPAN_INFO_BITS as "spanInfo": ["kind", "kind", "kind", "op", "op", "charOp", "charOp", "quoted"];
    /// The names of the kind codes, by code.
    KIND_NAMES as "kinds": ["copied", "kept", "reworded", "new", "dropped"];
    /// The names of the op codes, by code.
    OP_NAMES as "ops": ["equal", "delete", "insert"];
    /// The names of the tag codes, by code.
    TAG_NAMES as "tags": ["equal", "delete", "insert", "replace"];
    /// The names of the verdict codes, by code.
    VERDICT_NAMES as "verdicts": ["copied", "edited", "reworded"];
    /// The names of the evidence codes, by code.
    EVIDENCE_NAMES as "evidence": ["copying", "wording", "position"];
    /// The names of the row types, by code.
    ROW_NAMES as "rowTypes": ["pair", "new", "dropped"];
}

/// Numbers per sentence in its array.
pub const SENTENCE_FIELDS: usize = SENTENCE_LAYOUT.len();
/// Numbers per pair in its array.
pub const PAIR_FIELDS: usize = PAIR_LAYOUT.len();
/// Numbers per op in its array.
pub const OP_FIELDS: usize = OP_LAYOUT.len();
/// Numbers per char op in its array.
pub const CHAR_FIELDS: usize = CHAR_LAYOUT.len();
/// Numbers per run in its array.
pub const RUN_FIELDS: usize = RUN_LAYOUT.len();
/// Numbers per row in its array.
pub const ROW_FIELDS: usize = ROW_LAYOUT.len();

/// One side's spans and sentences.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompactSide {
    /// The text's length.
    pub length: u32,
    /// Where each span starts, then the text's length.
    pub span_starts: Vec<u32>,
    /// Kind, op and char op of each span.
    pub span_info: Vec<u32>,
    /// The run of each span, or [`NONE`].
    pub span_run: Vec<u32>,
    /// The pair of each span, or [`NONE`].
    pub span_pair: Vec<u32>,
    /// Where each span's counterpart starts in the other text, or [`NONE`].
    pub span_target: Vec<u32>,
    /// Start, end, paragraph, pair and repeated original sentence (or
    /// [`NONE`]) of each sentence.
    pub sentences: Vec<u32>,
    /// The rows of a view in this text's order ([`Findings::rows`]),
    /// [`ROW_FIELDS`] numbers each.
    pub rows: Vec<u32>,
}

/// The findings as flat arrays.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Compact {
    /// The original's spans and sentences.
    pub original: CompactSide,
    /// The paraphrase's spans and sentences.
    pub paraphrase: CompactSide,
    /// [`PAIR_FIELDS`] numbers per pair.
    pub pairs: Vec<u32>,
    /// The similarity of each pair.
    pub similarity: Vec<f32>,
    /// The kept share of each pair.
    pub kept_share: Vec<f32>,
    /// The derived share of each pair.
    pub derived_share: Vec<f32>,
    /// [`OP_FIELDS`] numbers per op of every pair.
    pub ops: Vec<u32>,
    /// [`CHAR_FIELDS`] numbers per char op of every op.
    pub chars: Vec<u32>,
    /// [`RUN_FIELDS`] numbers per run.
    pub runs: Vec<u32>,
}

/// The code of a pair's evidence (its index in [`EVIDENCE_NAMES`]).
pub fn evidence_code(evidence: Evidence) -> u32 {
    match evidence {
        Evidence::Copying => 0,
        Evidence::Wording => 1,
        Evidence::Position => 2,
    }
}

/// The bit of `span_info` set on a copied span inside quotation marks.
pub const QUOTED_BIT: u32 = 1 << 7;

/// The code of a verdict (its index in [`VERDICT_NAMES`]).
pub fn verdict_code(verdict: Verdict) -> u32 {
    match verdict {
        Verdict::Copied => 0,
        Verdict::Edited => 1,
        Verdict::Reworded => 2,
    }
}

/// The code of a kind in `span_info` (its index in [`KIND_NAMES`]).
pub fn kind_code(kind: Kind) -> u32 {
    match kind {
        Kind::Copied => 0,
        Kind::Kept => 1,
        Kind::Reworded => 2,
        Kind::New => 3,
        Kind::Dropped => 4,
    }
}

/// The code of an op in `span_info`.
pub fn op_code(op: Op) -> u32 {
    match op {
        Op::Equal => 0,
        Op::Delete => 1,
        Op::Insert => 2,
    }
}

/// The code of a pair op's or char op's tag.
pub fn tag_code(tag: OpTag) -> u32 {
    match tag {
        OpTag::Equal => 0,
        OpTag::Delete => 1,
        OpTag::Insert => 2,
        OpTag::Replace => 3,
    }
}

fn option(value: Option<u32>) -> u32 {
    value.unwrap_or(NONE)
}

/// A view's rows as [`ROW_LAYOUT`] records.
fn view(findings: &Findings, order: Order) -> Vec<u32> {
    let mut flat = Vec::new();
    findings.each_row(order, |row| {
        flat.extend(match row {
            Row::Pair(index) => [0, index],
            Row::New(index) => [1, index],
            Row::Dropped(index) => [2, index],
        });
    });
    flat
}

fn side(
    side: &Side,
    own: &Offsets<'_>,
    other: &Offsets<'_>,
    length: usize,
    rows: Vec<u32>,
) -> CompactSide {
    let n = side.spans.len();
    let mut compact = CompactSide {
        length: own.convert(length as u32),
        span_starts: Vec::with_capacity(n + 1),
        span_info: Vec::with_capacity(n),
        span_run: Vec::with_capacity(n),
        span_pair: Vec::with_capacity(n),
        span_target: Vec::with_capacity(n),
        sentences: Vec::with_capacity(side.sentences.len() * SENTENCE_FIELDS),
        rows,
    };
    let mut starts = own.cursor();
    for span in &side.spans {
        compact.span_starts.push(starts.convert(span.range.start));
        let char_op = span.char_op.map_or(0, |op| op_code(op) + 1);
        compact.span_info.push(
            kind_code(span.kind)
                | op_code(span.op) << 3
                | char_op << 5
                | if span.quoted { QUOTED_BIT } else { 0 },
        );
        compact.span_run.push(option(span.run));
        compact.span_pair.push(option(span.pair));
        compact.span_target.push(
            span.counterpart
                .as_ref()
                .map_or(NONE, |r| other.convert(r.start)),
        );
    }
    compact.span_starts.push(compact.length);
    for sentence in &side.sentences {
        compact.sentences.extend([
            own.convert(sentence.range.start),
            own.convert(sentence.range.end),
            sentence.paragraph,
            option(sentence.pair),
            option(sentence.repeats),
        ]);
    }
    compact
}

impl Findings {
    /// The findings as flat arrays, with offsets in `unit`, for the texts
    /// they were made from.
    pub fn to_compact(&self, original: &str, paraphrase: &str, unit: OffsetUnit) -> Compact {
        let o = Offsets::new(original, unit);
        let p = Offsets::new(paraphrase, unit);
        let mut compact = Compact {
            original: side(
                self.original_side(),
                &o,
                &p,
                original.len(),
                view(self, Order::Original),
            ),
            paraphrase: side(
                self.paraphrase_side(),
                &p,
                &o,
                paraphrase.len(),
                view(self, Order::Paraphrase),
            ),
            ..Compact::default()
        };
        // Sized up front: a book's ops are hundreds of thousands, and
        // growing by doubling copied them over and over.
        let ops: usize = self.pairs().iter().map(|pair| pair.ops.len()).sum();
        compact.ops.reserve(ops * OP_FIELDS);
        compact.pairs.reserve(self.pairs().len() * PAIR_FIELDS);
        compact.runs.reserve(self.runs().len() * RUN_FIELDS);
        for pair in self.pairs() {
            let first_op = (compact.ops.len() / OP_FIELDS) as u32;
            for op in &pair.ops {
                let first_char = (compact.chars.len() / CHAR_FIELDS) as u32;
                for char_op in &op.chars {
                    compact.chars.extend([
                        tag_code(char_op.op),
                        o.convert(char_op.original.start),
                        o.convert(char_op.original.end),
                        p.convert(char_op.paraphrase.start),
                        p.convert(char_op.paraphrase.end),
                    ]);
                }
                compact.ops.extend([
                    tag_code(op.op),
                    o.convert(op.original.start),
                    o.convert(op.original.end),
                    p.convert(op.paraphrase.start),
                    p.convert(op.paraphrase.end),
                    first_char,
                    (compact.chars.len() / CHAR_FIELDS) as u32,
                ]);
            }
            compact.pairs.extend([
                pair.original_sentences.start,
                pair.original_sentences.end,
                pair.paraphrase_sentences.start,
                pair.paraphrase_sentences.end,
                o.convert(pair.original.start),
                o.convert(pair.original.end),
                p.convert(pair.paraphrase.start),
                p.convert(pair.paraphrase.end),
                u32::from(pair.moved),
                first_op,
                (compact.ops.len() / OP_FIELDS) as u32,
                verdict_code(pair.verdict),
                evidence_code(pair.evidence),
            ]);
            compact.similarity.push(pair.similarity as f32);
            compact.kept_share.push(pair.kept_share as f32);
            compact.derived_share.push(pair.derived_share as f32);
        }
        for run in self.runs() {
            compact.runs.extend([
                o.convert(run.original.start),
                o.convert(run.original.end),
                p.convert(run.paraphrase.start),
                p.convert(run.paraphrase.end),
                run.words,
                u32::from(run.moved),
                u32::from(run.quoted),
            ]);
        }
        compact
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare;

    #[test]
    fn the_arrays_say_what_the_model_says() {
        let original = "The council met. It voted to build a new bridge over the river. Café!";
        let paraphrase = "It voted to build a new bridge over the river, the paper said. Café.";
        let c = compare(original, paraphrase).unwrap();
        let compact = c.to_compact(original, paraphrase, OffsetUnit::Utf8);
        let spans = &c.paraphrase_side().spans;
        assert_eq!(compact.paraphrase.span_starts.len(), spans.len() + 1);
        assert_eq!(
            *compact.paraphrase.span_starts.last().unwrap(),
            paraphrase.len() as u32
        );
        for (i, span) in spans.iter().enumerate() {
            assert_eq!(compact.paraphrase.span_starts[i], span.range.start);
            assert_eq!(
                bits(compact.paraphrase.span_info[i], "kind"),
                kind_code(span.kind)
            );
            assert_eq!(compact.paraphrase.span_run[i], option(span.run));
        }
        assert_eq!(compact.runs.len(), c.runs().len() * RUN_FIELDS);
        assert_eq!(compact.pairs.len(), c.pairs().len() * PAIR_FIELDS);
        let ops: usize = c.pairs().iter().map(|p| p.ops.len()).sum();
        assert_eq!(compact.ops.len(), ops * OP_FIELDS);
        assert_eq!(
            compact.original.sentences.len() / SENTENCE_FIELDS,
            c.original_side().sentences.len()
        );
    }

    /// Field `name` of record `index` in `numbers`, found by its name.
    fn field(numbers: &[u32], layout: &[&str], index: usize, name: &str) -> u32 {
        let offset = layout.iter().position(|n| *n == name);
        numbers[index * layout.len() + offset.unwrap_or_else(|| panic!("no field {name}"))]
    }

    /// Field `name` of a `span_info`, found by its name in [`SPAN_INFO_BITS`].
    fn bits(info: u32, name: &str) -> u32 {
        let first = SPAN_INFO_BITS.iter().position(|n| *n == name).unwrap();
        let last = SPAN_INFO_BITS.iter().rposition(|n| *n == name).unwrap();
        (info >> first) & ((1 << (last - first + 1)) - 1)
    }

    #[test]
    fn every_field_reads_by_its_name_as_the_model_says() {
        // A quoted and moved run, a nearly matching word (char ops), a
        // dropped sentence.
        let original = "The council met on Monday. It voted to build a new bridge \
            over the river. The mayor was sited in the report on the plan.";
        let paraphrase = "The mayor was cited in the report on the plan. \
            \"It voted to build a new bridge over the river,\" the paper said.";
        let c = compare(original, paraphrase).unwrap();
        let compact = c.to_compact(original, paraphrase, OffsetUnit::Utf8);
        let range = |numbers: &[u32], layout: &[&str], index: usize, name: &str| {
            let end = format!("{name}End");
            field(numbers, layout, index, name)..field(numbers, layout, index, &end)
        };
        for (i, pair) in c.pairs().iter().enumerate() {
            let (p, l) = (&compact.pairs[..], &PAIR_LAYOUT[..]);
            assert_eq!(range(p, l, i, "originalSentence"), pair.original_sentences);
            assert_eq!(
                range(p, l, i, "paraphraseSentence"),
                pair.paraphrase_sentences
            );
            assert_eq!(field(p, l, i, "originalStart"), pair.original.start);
            assert_eq!(field(p, l, i, "originalEnd"), pair.original.end);
            assert_eq!(field(p, l, i, "paraphraseStart"), pair.paraphrase.start);
            assert_eq!(field(p, l, i, "paraphraseEnd"), pair.paraphrase.end);
            assert_eq!(field(p, l, i, "moved"), u32::from(pair.moved));
            assert_eq!(field(p, l, i, "verdict"), verdict_code(pair.verdict));
            assert_eq!(field(p, l, i, "evidence"), evidence_code(pair.evidence));
            let ops = range(p, l, i, "op");
            assert_eq!(ops.len(), pair.ops.len());
            for (o, op) in ops.zip(&pair.ops) {
                let (n, l) = (&compact.ops[..], &OP_LAYOUT[..]);
                let o = o as usize;
                assert_eq!(field(n, l, o, "tag"), tag_code(op.op));
                assert_eq!(field(n, l, o, "originalStart"), op.original.start);
                assert_eq!(field(n, l, o, "originalEnd"), op.original.end);
                assert_eq!(field(n, l, o, "paraphraseStart"), op.paraphrase.start);
                assert_eq!(field(n, l, o, "paraphraseEnd"), op.paraphrase.end);
                let chars = range(n, l, o, "char");
                assert_eq!(chars.len(), op.chars.len());
                for (k, char_op) in chars.zip(&op.chars) {
                    let (n, l) = (&compact.chars[..], &CHAR_LAYOUT[..]);
                    let k = k as usize;
                    assert_eq!(field(n, l, k, "tag"), tag_code(char_op.op));
                    assert_eq!(field(n, l, k, "originalStart"), char_op.original.start);
                    assert_eq!(field(n, l, k, "originalEnd"), char_op.original.end);
                    assert_eq!(field(n, l, k, "paraphraseStart"), char_op.paraphrase.start);
                    assert_eq!(field(n, l, k, "paraphraseEnd"), char_op.paraphrase.end);
                }
            }
        }
        for (i, run) in c.runs().iter().enumerate() {
            let (n, l) = (&compact.runs[..], &RUN_LAYOUT[..]);
            assert_eq!(field(n, l, i, "originalStart"), run.original.start);
            assert_eq!(field(n, l, i, "originalEnd"), run.original.end);
            assert_eq!(field(n, l, i, "paraphraseStart"), run.paraphrase.start);
            assert_eq!(field(n, l, i, "paraphraseEnd"), run.paraphrase.end);
            assert_eq!(field(n, l, i, "words"), run.words);
            assert_eq!(field(n, l, i, "moved"), u32::from(run.moved));
            assert_eq!(field(n, l, i, "quoted"), u32::from(run.quoted));
        }
        for (side, own) in [
            (c.original_side(), &compact.original),
            (c.paraphrase_side(), &compact.paraphrase),
        ] {
            for (i, sentence) in side.sentences.iter().enumerate() {
                let (n, l) = (&own.sentences[..], &SENTENCE_LAYOUT[..]);
                assert_eq!(field(n, l, i, "start"), sentence.range.start);
                assert_eq!(field(n, l, i, "end"), sentence.range.end);
                assert_eq!(field(n, l, i, "paragraph"), sentence.paragraph);
                assert_eq!(field(n, l, i, "pair"), option(sentence.pair));
                assert_eq!(field(n, l, i, "repeats"), option(sentence.repeats));
            }
            for (i, span) in side.spans.iter().enumerate() {
                let info = own.span_info[i];
                assert_eq!(bits(info, "kind"), kind_code(span.kind));
                assert_eq!(bits(info, "op"), op_code(span.op));
                assert_eq!(
                    bits(info, "charOp"),
                    span.char_op.map_or(0, |op| op_code(op) + 1)
                );
                assert_eq!(bits(info, "quoted"), u32::from(span.quoted));
            }
        }
        // The texts exercise every field.
        assert!(c.runs().iter().any(|r| r.moved));
        assert!(c.runs().iter().any(|r| r.quoted));
        assert!(
            c.pairs()
                .iter()
                .any(|p| p.ops.iter().any(|o| !o.chars.is_empty()))
        );
        assert!(c.original_side().sentences.iter().any(|s| s.pair.is_none()));
    }

    #[test]
    fn the_layout_json_holds_every_list_once() {
        let layout: serde_json::Value = serde_json::from_str(LAYOUT_JSON).unwrap();
        let layout = layout.as_object().unwrap();
        assert_eq!(layout["none"], NONE);
        let lists: [(&str, &[&str]); 13] = [
            ("sentence", &SENTENCE_LAYOUT),
            ("row", &ROW_LAYOUT),
            ("pair", &PAIR_LAYOUT),
            ("op", &OP_LAYOUT),
            ("char", &CHAR_LAYOUT),
            ("run", &RUN_LAYOUT),
            ("spanInfo", &SPAN_INFO_BITS),
            ("kinds", &KIND_NAMES),
            ("ops", &OP_NAMES),
            ("tags", &TAG_NAMES),
            ("verdicts", &VERDICT_NAMES),
            ("evidence", &EVIDENCE_NAMES),
            ("rowTypes", &ROW_NAMES),
        ];
        assert_eq!(layout.len(), lists.len() + 1);
        for (key, names) in lists {
            assert_eq!(layout[key], serde_json::json!(names), "{key}");
            let distinct: std::collections::HashSet<_> = names.iter().collect();
            if key == "spanInfo" {
                // A field of several bits repeats its name, side by side.
                let mut seen = Vec::new();
                for name in names {
                    if seen.last() != Some(name) {
                        assert!(!seen.contains(name), "{key}: {name} split");
                        seen.push(name);
                    }
                }
                assert_eq!(names.len(), 8, "{key}: one name a bit");
            } else {
                assert_eq!(distinct.len(), names.len(), "{key}: {names:?}");
            }
        }
    }

    #[test]
    fn code_names_are_the_json_names() {
        for kind in [
            Kind::Copied,
            Kind::Kept,
            Kind::Reworded,
            Kind::New,
            Kind::Dropped,
        ] {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(
                json,
                format!("\"{}\"", KIND_NAMES[kind_code(kind) as usize])
            );
        }
        for op in [Op::Equal, Op::Delete, Op::Insert] {
            let json = serde_json::to_string(&op).unwrap();
            assert_eq!(json, format!("\"{}\"", OP_NAMES[op_code(op) as usize]));
        }
        for verdict in [Verdict::Copied, Verdict::Edited, Verdict::Reworded] {
            let json = serde_json::to_string(&verdict).unwrap();
            let name = VERDICT_NAMES[verdict_code(verdict) as usize];
            assert_eq!(json, format!("\"{name}\""));
            assert_eq!(verdict.name(), name);
        }
        for evidence in [Evidence::Copying, Evidence::Wording, Evidence::Position] {
            let json = serde_json::to_string(&evidence).unwrap();
            let name = EVIDENCE_NAMES[evidence_code(evidence) as usize];
            assert_eq!(json, format!("\"{name}\""));
            assert_eq!(evidence.name(), name);
        }
        for tag in [OpTag::Equal, OpTag::Delete, OpTag::Insert, OpTag::Replace] {
            let json = serde_json::to_string(&tag).unwrap();
            assert_eq!(json, format!("\"{}\"", TAG_NAMES[tag_code(tag) as usize]));
        }
    }

    #[test]
    fn utf16_offsets_count_code_units() {
        let text = "Caf\u{e9} \u{1F600} words here for all.";
        let c = compare(text, text).unwrap();
        let compact = c.to_compact(text, text, OffsetUnit::Utf16);
        assert_eq!(
            compact.paraphrase.length,
            text.encode_utf16().count() as u32
        );
    }
}
