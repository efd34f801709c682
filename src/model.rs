//! The result of a comparison and its public JSON form, `article-diff/1`.

use serde::Serialize;

/// What happened to a stretch of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Op {
    /// The same on both sides.
    Equal,
    /// Only in the original.
    Delete,
    /// Only in the paraphrase.
    Insert,
}

/// A stretch of one text: a UTF-8 byte range and what happened to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// First byte, inclusive.
    pub start: u32,
    /// Last byte, exclusive.
    pub end: u32,
    /// What happened to it.
    pub op: Op,
}

/// The comparison of an original with its paraphrase.
///
/// The spans of each side cover its text in order: slicing the text at the
/// spans and joining the slices gives the text back exactly.
#[derive(Clone, Debug)]
pub struct Comparison<'t> {
    pub(crate) original: &'t str,
    pub(crate) paraphrase: &'t str,
    pub(crate) original_spans: Vec<Span>,
    pub(crate) paraphrase_spans: Vec<Span>,
}

impl<'t> Comparison<'t> {
    /// The spans of the original, in order.
    pub fn original_spans(&self) -> &[Span] {
        &self.original_spans
    }

    /// The spans of the paraphrase, in order.
    pub fn paraphrase_spans(&self) -> &[Span] {
        &self.paraphrase_spans
    }

    /// The original text.
    pub fn original(&self) -> &'t str {
        self.original
    }

    /// The paraphrase text.
    pub fn paraphrase(&self) -> &'t str {
        self.paraphrase
    }

    /// The public JSON model, `article-diff/1`, with offsets in the given unit.
    pub fn to_json(&self, unit: OffsetUnit) -> String {
        // Serializing plain strings, numbers and enums cannot fail.
        serde_json::to_string(&self.model(unit)).unwrap_or_default()
    }

    fn model(&self, unit: OffsetUnit) -> Model<'_> {
        Model {
            format: FORMAT,
            offsets: unit,
            original: SideModel::new(self.original, &self.original_spans, unit),
            paraphrase: SideModel::new(self.paraphrase, &self.paraphrase_spans, unit),
        }
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
/// Keeps the UTF-16 offset of every 64th byte, so a conversion reads at most
/// 63 bytes and the table costs one `u32` per 64 bytes of text.
pub struct Offsets<'t> {
    text: &'t str,
    unit: OffsetUnit,
    checkpoints: Vec<u32>,
}

const CHECKPOINT_BYTES: usize = 64;

impl<'t> Offsets<'t> {
    /// Prepares conversions for `text`.
    pub fn new(text: &'t str, unit: OffsetUnit) -> Self {
        let checkpoints = match unit {
            OffsetUnit::Utf16 if !text.is_ascii() => {
                let mut table = Vec::with_capacity(text.len() / CHECKPOINT_BYTES + 1);
                let mut units = 0u32;
                for chunk_start in (0..text.len()).step_by(CHECKPOINT_BYTES) {
                    table.push(units);
                    let chunk_end = (chunk_start + CHECKPOINT_BYTES).min(text.len());
                    units += utf16_units_in(&text.as_bytes()[chunk_start..chunk_end]);
                }
                table
            }
            _ => Vec::new(),
        };
        Offsets {
            text,
            unit,
            checkpoints,
        }
    }

    /// The offset, in this converter's unit, of a UTF-8 byte offset.
    pub fn convert(&self, byte: u32) -> u32 {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let byte = byte as usize;
        let chunk = byte / CHECKPOINT_BYTES;
        let from = chunk * CHECKPOINT_BYTES;
        self.checkpoints[chunk] + utf16_units_in(&self.text.as_bytes()[from..byte])
    }

    /// The unit this converter produces.
    pub fn unit(&self) -> OffsetUnit {
        self.unit
    }
}

/// UTF-16 code units of the characters that start in `bytes`: one for each
/// lead byte, two for a four-byte sequence; continuation bytes count nothing.
fn utf16_units_in(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0xBF => 0,
            0xF0..=0xFF => 2,
            _ => 1,
        })
        .sum()
}

/// The name and version of the JSON format.
pub const FORMAT: &str = "article-diff/1";

#[derive(Serialize)]
struct Model<'a> {
    format: &'static str,
    offsets: OffsetUnit,
    original: SideModel<'a>,
    paraphrase: SideModel<'a>,
}

#[derive(Serialize)]
struct SideModel<'a> {
    spans: Vec<SpanModel<'a>>,
}

impl<'a> SideModel<'a> {
    fn new(text: &'a str, spans: &[Span], unit: OffsetUnit) -> Self {
        let offsets = Offsets::new(text, unit);
        SideModel {
            spans: spans
                .iter()
                .map(|s| SpanModel {
                    text: &text[s.start as usize..s.end as usize],
                    start: offsets.convert(s.start),
                    end: offsets.convert(s.end),
                    op: s.op,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct SpanModel<'a> {
    text: &'a str,
    start: u32,
    end: u32,
    op: Op,
}

/// Joins runs of tokens with the same mark into spans.
pub(crate) fn spans_from_marks(
    tokens: &[crate::tokenize::Token],
    changed: &[bool],
    change: Op,
) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for (token, &is_changed) in tokens.iter().zip(changed) {
        let op = if is_changed { change } else { Op::Equal };
        match spans.last_mut() {
            Some(last) if last.op == op => last.end = token.end,
            _ => spans.push(Span {
                start: token.start,
                end: token.end,
                op,
            }),
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_match_javascript_string_indices() {
        let text = "a\u{e9}b\u{1F600}c".repeat(40);
        let offsets = Offsets::new(&text, OffsetUnit::Utf16);
        for (byte, _) in text.char_indices() {
            let expected = text[..byte].encode_utf16().count() as u32;
            assert_eq!(offsets.convert(byte as u32), expected, "at byte {byte}");
        }
        let end = text.encode_utf16().count() as u32;
        assert_eq!(offsets.convert(text.len() as u32), end);
    }

    #[test]
    fn utf8_offsets_are_unchanged() {
        let offsets = Offsets::new("d\u{e9}j\u{e0}", OffsetUnit::Utf8);
        assert_eq!(offsets.convert(3), 3);
    }
}
