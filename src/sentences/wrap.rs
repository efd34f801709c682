//! Hard-wrapped text: which single line breaks only wrap a paragraph.
//!
//! Text pasted from e-mail, a PDF, a terminal or a press release often
//! carries a line break every 60 to 80 (or about 200) columns inside its
//! paragraphs. Such a break is a space to a reader, not the end of a
//! sentence or paragraph. A text is taken as wrapped, and some of its single
//! line breaks as *soft*, by these rules:
//!
//! - The width `W` of the text is the length (in characters) of its longest
//!   non-blank line within a tenth of the 90th percentile of them all: a
//!   greedy wrap's lines reach its width, and a stray long line (a link, an
//!   unwrapped paragraph) is left out. A line is *full* when the first word
//!   of the next line would not have fitted on it (`length + 1 + word > W`),
//!   as with any greedy word wrap, or when it reaches 80% of `W` (wrappers
//!   that balance lines, proportional fonts of a PDF).
//! - The text is wrapped when `W` is between 50 and 999 columns, at least
//!   two single line breaks (between non-blank lines) follow a full line,
//!   at least half of the single line breaks do, and at least one full line
//!   ends inside a sentence (no terminator at its end, closing marks aside);
//!   when three or more do, at least a third of those must go on with a
//!   word that is not capitalized (a block of long capitalized headlines is
//!   no wrap; text without letter case, such as CJK, goes on uncapitalized).
//!   Short lines (a poem, a list, a block of headlines) stay under 50
//!   columns or leave room for the next word; lines of one paragraph each
//!   end with a terminator and rarely come within a word of the longest.
//!   The figures: greedy wraps at 60 to 80 columns give `W` within a word of
//!   the wrap width; the fixture pairs and the reference pair, one line per
//!   paragraph, have no full line that ends inside a sentence. Small texts
//!   set the lower bounds: the `unicode` fixture's paragraph wrapped at 68
//!   columns has three breaks, two of them after a sentence's end, and at 66
//!   columns goes on with "Saturday", "Arabic", "to" (in prose about four
//!   breaks in five go on with a lower-case word, but names come by chance).
//! - In a wrapped text, a single line break between two non-blank lines is
//!   soft when the line before is full and ends inside a sentence, or when
//!   the next word would not have fitted (even after a sentence's end: the
//!   paragraph goes on), or when the line before ends inside a sentence,
//!   reaches half of `W` and the next line starts with a lower-case letter.
//!   A blank line, a form feed, a paragraph separator (U+2029) and a line
//!   that starts with a bullet (`•`) are always boundaries; a line that
//!   starts with another list marker (`1.`, `2)`, `a.`, `-`, `*`, `–`, `—`) is one
//!   unless the marker would not have fitted on the line before, which ends
//!   inside a sentence (a number or a dash wrapped onto a new line).
//!
//! Only where sentences and paragraphs end changes; the tokens stay as
//! they are.

use crate::tokenize::Token;

use super::{is_closer, is_terminator};

/// The narrowest width taken for a wrap: verse and lists run shorter.
const MIN_WIDTH: usize = 50;
/// Lines this long are paragraphs of their own, not wrapped ones.
const MAX_WIDTH: usize = 1000;
/// Full lines a text needs before it counts as wrapped.
const MIN_WRAPS: usize = 2;
/// Breaks inside sentences enough to judge by what case goes on after them.
const MIN_SAMPLE: usize = 3;

/// The soft line breaks of a text: those that only wrap a paragraph.
#[derive(Debug, Default)]
pub(super) struct Breaks {
    /// Byte offsets of the soft line breaks, ascending.
    soft: Vec<u32>,
}

/// How a line starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    None,
    /// `•` and its kin: always a list item.
    Bullet,
    /// A number or letter with `.` or `)`, or a dash or star: a list item,
    /// unless it only continues a wrapped sentence.
    Other,
}

/// What the rules need of one line.
#[derive(Clone, Copy, Debug)]
struct Line {
    /// Characters, trailing white space left out.
    width: usize,
    blank: bool,
    /// Ends with a terminator, closing marks aside.
    ends_sentence: bool,
    /// Characters of its first word (or list marker).
    first_word: usize,
    starts_lower: bool,
    starts_upper: bool,
    marker: Marker,
    /// The byte offset of the line break after it, when that break may be
    /// soft (a line feed, carriage return, next line or line separator).
    soft_able_break: Option<u32>,
}

impl Breaks {
    /// Finds the soft line breaks of `text`; see the module documentation.
    pub(super) fn find(text: &str) -> Self {
        let lines = lines(text);
        let widths: Vec<usize> = lines
            .iter()
            .filter(|l| !l.blank)
            .map(|l| l.width.min(MAX_WIDTH))
            .collect();
        let Some(p90) = percentile_90(&widths) else {
            return Self::default();
        };
        // The longest line within a tenth of the 90th percentile: a greedy
        // wrap's lines reach its width, and a stray long line (a link, an
        // unwrapped paragraph) is left out.
        let width = widths
            .iter()
            .copied()
            .filter(|&w| w * 10 <= p90 * 11)
            .max()
            .unwrap_or(p90);
        if !(MIN_WIDTH..MAX_WIDTH).contains(&width) {
            return Self::default();
        }
        let next_fits = |line: &Line, next: &Line| line.width + 1 + next.first_word <= width;
        let full = |line: &Line, next: &Line| !next_fits(line, next) || line.width * 5 >= width * 4;
        let (mut single, mut full_breaks, mut inside, mut continued) = (0usize, 0, 0, 0);
        for pair in lines.windows(2) {
            let (line, next) = (&pair[0], &pair[1]);
            if line.soft_able_break.is_none() || line.blank || next.blank {
                continue;
            }
            single += 1;
            if full(line, next) {
                full_breaks += 1;
                if !line.ends_sentence {
                    inside += 1;
                    continued += usize::from(!next.starts_upper);
                }
            }
        }
        if full_breaks < MIN_WRAPS
            || full_breaks * 2 < single
            || inside == 0
            || (inside >= MIN_SAMPLE && continued * 3 < inside)
        {
            return Self::default();
        }
        let soft = lines
            .windows(2)
            .filter_map(|pair| {
                let (line, next) = (&pair[0], &pair[1]);
                let at = line.soft_able_break?;
                if line.blank || next.blank {
                    return None;
                }
                let soft = match next.marker {
                    Marker::Bullet => false,
                    Marker::Other => !line.ends_sentence && !next_fits(line, next),
                    Marker::None if line.ends_sentence => !next_fits(line, next),
                    Marker::None => {
                        full(line, next) || (next.starts_lower && line.width * 2 >= width)
                    }
                };
                soft.then_some(at)
            })
            .collect();
        Self { soft }
    }

    /// Whether a whitespace token ends a line for a reader: it holds a line
    /// break, and that break is not soft.
    ///
    /// Asked of every whitespace token, most of which is one space between
    /// words: that case is answered inline, the rest out of line.
    #[inline]
    pub(super) fn is_hard(&self, text: &str, space: &Token) -> bool {
        !(space.end - space.start == 1 && text.as_bytes()[space.start as usize] == b' ')
            && self.holds_hard_break(text, space)
    }

    #[inline(never)]
    fn holds_hard_break(&self, text: &str, space: &Token) -> bool {
        let mut breaks = line_breaks(space.text(text));
        let Some(first) = breaks.next() else {
            return false;
        };
        breaks.next().is_some()
            || self
                .soft
                .binary_search(&(space.start + first as u32))
                .is_err()
    }

    /// Whether no break of the text is soft.
    #[cfg(test)]
    pub(super) fn is_empty(&self) -> bool {
        self.soft.is_empty()
    }
}

/// The byte offsets of the line breaks in `text` (those of
/// `is_line_break`), a CR LF counting once.
///
/// Found by bytes rather than by decoding characters, which took an eighth
/// of the instructions of reading the 100k-word pairs: a line break is an
/// ASCII control byte below 0x0E or starts with the lead byte 0xC2 (U+0085)
/// or 0xE2 (U+2028, U+2029), and in UTF-8 a lead byte is never part of
/// another character. Eight bytes at a time are skipped while none of them
/// is below 0x0E or above 0x7F, which is most of any text.
fn line_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = ONES * 0x80;
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            while let Some(chunk) = bytes.get(at..at + 8) {
                let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
                // A byte below 0x0E sets its high bit in `x - 0x0E…` and
                // not in `x` (exact for any byte, as a test: no false
                // negatives); a byte above 0x7F has it set in `x`.
                if ((x.wrapping_sub(ONES * 0x0E) & !x) | x) & HIGH_BITS != 0 {
                    break;
                }
                at += 8;
            }
            let Some(&byte) = bytes.get(at) else {
                break;
            };
            let here = at;
            at += 1;
            let found = match byte {
                b'\n' => !(here > 0 && bytes[here - 1] == b'\r'),
                0x0B..=0x0D => true,
                0xC2 => bytes.get(here + 1) == Some(&0x85),
                0xE2 => {
                    bytes.get(here + 1) == Some(&0x80)
                        && matches!(bytes.get(here + 2), Some(0xA8 | 0xA9))
                }
                _ => false,
            };
            if found {
                return Some(here);
            }
        }
        None
    })
}

fn lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0usize;
    for at in line_breaks(text) {
        let c = text[at..].chars().next().unwrap_or('\n');
        let soft_able = matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}');
        lines.push(line(&text[start..at], soft_able.then_some(at as u32)));
        start = at + c.len_utf8();
        if c == '\r' && text.as_bytes().get(start) == Some(&b'\n') {
            start += 1;
        }
    }
    lines.push(line(&text[start..], None));
    lines
}

fn line(text: &str, soft_able_break: Option<u32>) -> Line {
    let content = text.trim_end();
    let words = content.trim_start();
    let first_word = words.split_whitespace().next().unwrap_or("");
    Line {
        width: content.chars().count(),
        blank: words.is_empty(),
        ends_sentence: words
            .trim_end_matches(is_closer)
            .chars()
            .next_back()
            .is_some_and(is_terminator),
        first_word: first_word.chars().count(),
        starts_lower: words.chars().next().is_some_and(char::is_lowercase),
        starts_upper: words.chars().next().is_some_and(char::is_uppercase),
        marker: marker(words),
        soft_able_break,
    }
}

fn marker(line: &str) -> Marker {
    let mut parts = line.splitn(2, char::is_whitespace);
    let (first, rest) = (parts.next().unwrap_or(""), parts.next());
    if rest.is_none() {
        return Marker::None;
    }
    if is_list_marker(first) {
        if first.chars().all(is_bullet) {
            Marker::Bullet
        } else {
            Marker::Other
        }
    } else {
        Marker::None
    }
}

pub(super) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '◦' | '▪' | '‣' | '●' | '○' | '■' | '□' | '►' | '➢')
}

/// Whether a word is a list marker: a bullet, a dash, a star, or one to
/// three digits or one letter followed by `.` or `)`.
pub(super) fn is_list_marker(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(last) = chars.next_back() else {
        return false;
    };
    let body = chars.as_str();
    if body.is_empty() {
        return is_bullet(last) || matches!(last, '-' | '*' | '–' | '—');
    }
    matches!(last, '.' | ')')
        && ((body.len() <= 3 && body.bytes().all(|b| b.is_ascii_digit()))
            || (body.len() == 1 && body.bytes().all(|b| b.is_ascii_alphabetic())))
}

/// The 90th percentile by nearest rank, by counting (no sort).
fn percentile_90(values: &[usize]) -> Option<usize> {
    if values.is_empty() {
        return None;
    }
    let mut counts = vec![0usize; MAX_WIDTH + 1];
    for &v in values {
        counts[v.min(MAX_WIDTH)] += 1;
    }
    let rank = (values.len() * 9).div_ceil(10).max(1);
    let mut seen = 0;
    counts.iter().position(|&c| {
        seen += c;
        seen >= rank
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::is_line_break;

    proptest::proptest! {
        /// The byte scan finds the line breaks that decoding each character
        /// finds.
        #[test]
        fn line_breaks_are_those_of_the_characters(
            text in "([a-z \u{e9}\u{85}\u{2028}\u{2029}\u{2000}\u{a0}\u{100}\u{2080}\u{20a8}\n\r\u{b}\u{c}]|\r\n){0,60}"
        ) {
            let bytes = text.as_bytes();
            let by_chars: Vec<usize> = text
                .char_indices()
                .filter(|&(at, c)| {
                    is_line_break(c) && !(c == '\n' && at > 0 && bytes[at - 1] == b'\r')
                })
                .map(|(at, _)| at)
                .collect();
            proptest::prop_assert_eq!(line_breaks(&text).collect::<Vec<_>>(), by_chars);
        }
    }

    #[test]
    fn list_markers() {
        for word in ["1.", "12)", "a.", "B)", "•", "-", "*", "–"] {
            assert!(is_list_marker(word), "{word}");
        }
        for word in ["2015.", "ab.", "1", "word.", "--"] {
            assert!(!is_list_marker(word), "{word}");
        }
    }

    #[test]
    fn the_width_is_the_90th_percentile() {
        assert_eq!(
            percentile_90(&[10, 20, 30, 40, 50, 60, 70, 80, 90, 100]),
            Some(90)
        );
        assert_eq!(percentile_90(&[5]), Some(5));
        assert_eq!(percentile_90(&[]), None);
    }

    #[test]
    fn one_line_per_paragraph_is_not_wrapped() {
        let text = "The first paragraph runs on for a while and ends here with a period.\n\
                    The second one is about as long as the first and also ends properly.\n\
                    A third closes the text in the same way, with a terminator at its end.\n";
        assert!(Breaks::find(text).is_empty());
    }

    #[test]
    fn a_crlf_wrap_is_found() {
        let text = "The committee met on Tuesday to discuss the new budget and the\r\n\
                    plans for the library, which has been closed since the storm in\r\n\
                    the spring of last year damaged its roof and most of its books.\r\n";
        let breaks = Breaks::find(text);
        assert_eq!(breaks.soft.len(), 2);
        assert!(
            breaks
                .soft
                .iter()
                .all(|&at| text.as_bytes()[at as usize] == b'\r')
        );
    }
}
