//! Stage 1: split a text into words, whitespace and punctuation, with offsets.
//!
//! Segments come from the Unicode word boundaries of UAX #29
//! (`unicode-segmentation`), so "3.5", "company's" and an emoji with joiners
//! are one token each and every CJK ideograph is a token of its own. Three
//! adjustments follow: a period that belongs to an abbreviation ("U.S.",
//! "Mr.", "Inc.") joins the word, so that it neither counts as punctuation
//! nor ends a sentence (English's abbreviations; a text in another language
//! takes its own by [`with_abbreviations_of`], after tokenizing); a run of
//! hyphens or of periods is one token, so that
//! a dash typed `--` and an ellipsis typed `...` are single marks as `—` and
//! `…` are (the periods of "etc..." are an ellipsis, not an abbreviation's);
//! and, when asked, zero-width spaces separate words (UAX #29 treats them as
//! part of the word around them). In Japanese, a run of hiragana is then
//! made one word ([`join_script_runs`], in the languages build): see
//! `docs/languages.md` for the units of scripts without spaces.
//!
//! Segmenting every character through the Unicode tables is the costliest
//! part of reading English text, so pieces of pure ASCII between ASCII
//! whitespace are segmented here by the few UAX #29 rules that apply to
//! ASCII, and every other piece by `unicode-segmentation`; a property test
//! checks that both give the same segments.
//!
//! Offsets are UTF-8 byte offsets; the tokens of a text cover it in order,
//! without gaps or overlaps.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenClass {
    /// Holds a letter, a digit or a pictographic symbol (emoji).
    Word,
    /// Only white space, including no-break and (when asked) zero-width
    /// spaces, and control characters (NUL, BEL…), which separate words and
    /// are never compared.
    Space,
    /// Anything else: punctuation and other symbols.
    Punct,
}

/// Whether a word ends with an abbreviation's period, and what that says
/// about the end of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Abbreviation {
    /// Not an abbreviation.
    No,
    /// A title before a name ("Mr.", "Sen.", "Dr."): never ends a sentence.
    Title,
    /// Initials and the like ("U.S.", "Inc.", "J."): end a sentence only
    /// when the next word is a capitalized common word ("The", "But").
    Other,
}

/// One token: a byte range of the text and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte, inclusive.
    pub start: u32,
    /// Last byte, exclusive.
    pub end: u32,
    /// What it is.
    pub class: TokenClass,
    /// Whether it is a word that ends with an abbreviation's period.
    pub abbreviation: Abbreviation,
}

impl Token {
    /// The token's text, sliced from the text it was made from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }

    /// Whether it takes part in comparisons (words and punctuation do).
    pub fn is_space(&self) -> bool {
        self.class == TokenClass::Space
    }
}

/// Characters that separate words without taking room: the zero-width space
/// and the zero-width no-break space (a byte-order mark inside a text).
fn is_zero_width_space(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Splits `text` into tokens that cover it exactly.
///
/// With `split_zero_width`, zero-width spaces are whitespace tokens of their
/// own; without it they stay inside the words around them, as UAX #29 has it.
/// The caller guarantees `text.len() <= u32::MAX` (see [`crate::MAX_INPUT_BYTES`]).
pub fn tokenize(text: &str, split_zero_width: bool) -> Vec<Token> {
    // English prose makes a token every 2.5 to 3 bytes (a word, a space,
    // some punctuation): room for one every 2 bytes spares copying them
    // all when the vector would grow.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 2 + 1);
    let bytes = text.as_bytes();
    word_segments(text, |start, end, class| match class {
        // Most segments: a word, a space or a mark the fast path knows,
        // pushed as they are. Kept this short so that it is inlined into
        // each of the fast path's loops.
        Some(class) if !(end - start == 1 && matches!(bytes[start], b'-' | b'.')) => {
            tokens.push(Token {
                start: start as u32,
                end: end as u32,
                class,
                abbreviation: Abbreviation::No,
            });
        }
        _ => push_segment(text, &mut tokens, start..end, class, split_zero_width),
    });
    tokens
}

/// As [`tokenize`], then as a comparison under `rules` reads its words: in
/// Japanese, each run of hiragana is one word ([`join_script_runs`]).
#[inline]
pub fn tokenize_in(
    text: &str,
    split_zero_width: bool,
    rules: &crate::language::Rules,
) -> Vec<Token> {
    #[allow(unused_mut)]
    let mut tokens = tokenize(text, split_zero_width);
    #[cfg(feature = "languages")]
    if rules.joins_hiragana_runs() {
        join_script_runs(text, &mut tokens, |c| {
            crate::language::unspaced(c) == Some(crate::language::Unspaced::Hiragana)
        });
    }
    // Another language's abbreviations take their periods instead of
    // English's.
    #[cfg(feature = "languages")]
    if let Some(language) = rules
        .language()
        .filter(|&language| language != crate::language::Language::ENGLISH)
    {
        tokens = with_abbreviations_of(text, tokens, language);
    }
    let _ = rules;
    tokens
}

/// Adds the segment `range` to `tokens`: a hyphen or period joins a run of
/// them or an abbreviation before it, and a segment of the library's
/// (`class` unknown) is classified, and split at zero-width spaces when
/// `split_zero_width`.
#[inline(never)]
fn push_segment(
    text: &str,
    tokens: &mut Vec<Token>,
    Range { start, end }: Range<usize>,
    class: Option<TokenClass>,
    split_zero_width: bool,
) {
    let bytes = text.as_bytes();
    // Only the library's segments (class unknown) can hold a zero-width space.
    if class.is_none() && split_zero_width && end - start > 3 {
        let segment = &text[start..end];
        if segment.contains(is_zero_width_space) {
            push_split_at_zero_width(tokens, start, segment);
            return;
        }
    }
    if end - start == 1 && matches!(bytes[start], b'-' | b'.') {
        if extend_run(bytes, tokens, start) {
            return;
        }
        let ellipsis = bytes[start..].starts_with(b"...");
        if bytes[start] == b'.'
            && !ellipsis
            && join_abbreviation_period(text, tokens, start, abbreviation_kind)
        {
            return;
        }
    }
    tokens.push(Token {
        start: start as u32,
        end: end as u32,
        class: class.unwrap_or_else(|| classify(&text[start..end])),
        abbreviation: Abbreviation::No,
    });
}

/// Calls `each(start, end, class)` for every UAX #29 word-boundary segment
/// of `text`, in order; `class` is given where the fast path knows it.
///
/// The text is cut at ASCII whitespace, where UAX #29 breaks but for two
/// cases that go to the library whole: a non-ASCII piece after whitespace
/// (a combining mark joins the space before it, WB4) and spaces after a
/// non-ASCII space such as U+2001 or U+3000 (WB3d keeps them together; the
/// fuzzer found this one). Pure-ASCII pieces are segmented here, the rest by
/// `unicode-segmentation`.
pub fn word_segments<F: FnMut(usize, usize, Option<TokenClass>)>(text: &str, mut each: F) {
    let bytes = text.as_bytes();
    let is_space = |b: u8| BYTE_CLASS[b as usize] == AsciiClass::Space;
    let piece_end = |from: usize| {
        bytes[from..]
            .iter()
            .position(|&b| is_space(b))
            .map_or(bytes.len(), |at| from + at)
    };
    // The end of a piece for the library starting at `from`: the next ASCII
    // whitespace, or further while spaces follow a non-ASCII space.
    let library_end = |from: usize| {
        let mut end = piece_end(from);
        while end < bytes.len()
            && bytes[end] == b' '
            && text[from..end]
                .chars()
                .next_back()
                .is_some_and(is_wide_space)
        {
            let spaces_end = end + bytes[end..].iter().take_while(|&&b| b == b' ').count();
            end = if spaces_end < bytes.len() && bytes[spaces_end] >= 0x80 {
                piece_end(spaces_end)
            } else {
                spaces_end
            };
        }
        end
    };
    let library = |from: usize, to: usize, each: &mut F| {
        for (at, segment) in text[from..to].split_word_bound_indices() {
            each(from + at, from + at + segment.len(), None);
        }
    };
    let mut at = 0;
    while at < bytes.len() {
        if is_space(bytes[at]) {
            let end = bytes[at..]
                .iter()
                .position(|&b| !is_space(b))
                .map_or(bytes.len(), |n| at + n);
            if end < bytes.len() && bytes[end] >= 0x80 && !curly_quote(bytes, end) {
                let piece = library_end(end);
                library(at, piece, &mut each);
                at = piece;
            } else {
                ascii_space_segments(bytes, at, end, &mut each);
                at = end;
            }
        } else {
            // The piece's end and whether it is all ASCII (curly quotation
            // marks aside), in one pass.
            let mut end = at;
            let mut fast = true;
            loop {
                // To the first byte of the next eight that is whitespace, a
                // control character or not ASCII: a piece is a word or two
                // and their punctuation, so this skips most of it at once.
                if let Some(eight) = bytes.get(end..end + 8) {
                    let found = below_space_or_high(eight);
                    if found == 0 {
                        end += 8;
                        continue;
                    }
                    end += found.trailing_zeros() as usize / 8;
                }
                if end >= bytes.len() || is_space(bytes[end]) {
                    break;
                }
                if bytes[end] < 0x80 {
                    end += 1;
                } else if curly_quote(bytes, end) {
                    end += 3;
                } else {
                    fast = false;
                    break;
                }
            }
            if fast {
                ascii_word_segments(bytes, at, end, &mut each);
                at = end;
            } else {
                let end = library_end(at);
                library(at, end, &mut each);
                at = end;
            }
        }
    }
}

/// Eight bytes as an integer whose bytes have their highest bit set from
/// the first of the eight (in text order) that is below `!` (whitespace or
/// a control character) or not ASCII: 0 when there is none. The bits above
/// the lowest set one may be set wrongly (a borrow carries into them); the
/// lowest is exact.
fn below_space_or_high(eight: &[u8]) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let x = u64::from_le_bytes(eight.try_into().unwrap_or_default());
    ((x.wrapping_sub(ONES * b'!' as u64) & !x) | x) & HIGH
}

/// Whether a curly quotation mark or apostrophe (U+2018, U+2019, U+201C,
/// U+201D) starts at `at`: the only non-ASCII characters of much English
/// text, which the fast path segments as UAX #29 does (the single ones are
/// MidNumLet, as `.` is; the double ones have no class of their own), so
/// that a quoted word or a "company’s" does not send its piece to the
/// library.
fn curly_quote(bytes: &[u8], at: usize) -> bool {
    matches!(
        bytes.get(at..at + 3),
        Some([0xE2, 0x80, 0x98 | 0x99 | 0x9C | 0x9D])
    )
}

/// The non-ASCII spaces of UAX #29's WSegSpace, which join the spaces next
/// to them (WB3d).
fn is_wide_space(c: char) -> bool {
    matches!(c, '\u{1680}' | '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200A}' | '\u{205F}' | '\u{3000}')
}

/// ASCII whitespace: CR LF together, other line breaks and tabs alone,
/// runs of spaces together (WB3, WB3a, WB3b, WB3d).
fn ascii_space_segments<F: FnMut(usize, usize, Option<TokenClass>)>(
    bytes: &[u8],
    mut at: usize,
    end: usize,
    each: &mut F,
) {
    while at < end {
        let next = match bytes[at] {
            b'\r' if at + 1 < end && bytes[at + 1] == b'\n' => at + 2,
            b' ' => at + bytes[at..end].iter().take_while(|&&b| b == b' ').count(),
            _ => at + 1,
        };
        each(at, next, Some(TokenClass::Space));
        at = next;
    }
}

/// Word-break classes of the ASCII characters that join words.
#[derive(Clone, Copy, PartialEq)]
enum AsciiClass {
    /// ASCII whitespace, where the fast path cuts a text into pieces.
    Space,
    Letter,
    Digit,
    Underscore,
    /// `:` (MidLetter): only between letters.
    MidLetter,
    /// `.` and `'` (MidNumLet, Single_Quote): between letters or digits.
    MidBoth,
    /// `,` and `;` (MidNum): only between digits.
    MidDigit,
    /// The first byte of a [`curly_quote`], in a piece the fast path takes.
    Curly,
    Other,
}

/// The [`AsciiClass`] of every byte, computed at compile time by
/// [`class_of`]: one load a byte where the match is a chain of comparisons
/// (the fast path classifies every byte of English text).
const BYTE_CLASS: [AsciiClass; 256] = {
    let mut table = [AsciiClass::Other; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = class_of(byte as u8);
        byte += 1;
    }
    table
};

fn ascii_class(b: u8) -> AsciiClass {
    BYTE_CLASS[b as usize]
}

const fn class_of(b: u8) -> AsciiClass {
    match b {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => AsciiClass::Space,
        b'a'..=b'z' | b'A'..=b'Z' => AsciiClass::Letter,
        b'0'..=b'9' => AsciiClass::Digit,
        b'_' => AsciiClass::Underscore,
        b':' => AsciiClass::MidLetter,
        b'.' | b'\'' => AsciiClass::MidBoth,
        b',' | b';' => AsciiClass::MidDigit,
        0xE2 => AsciiClass::Curly,
        _ => AsciiClass::Other,
    }
}

/// A piece of ASCII without whitespace, where the only other characters are
/// [`curly_quote`]s: words by WB5 to WB13b, every other character a segment
/// of its own.
fn ascii_word_segments<F: FnMut(usize, usize, Option<TokenClass>)>(
    bytes: &[u8],
    mut at: usize,
    end: usize,
    each: &mut F,
) {
    use AsciiClass::*;
    let word = |c: AsciiClass| matches!(c, Letter | Digit | Underscore);
    while at < end {
        let class = ascii_class(bytes[at]);
        if !word(class) {
            // Control characters (NUL, BEL, DEL…) separate words, as spaces do.
            let class = if bytes[at].is_ascii_control() {
                TokenClass::Space
            } else {
                TokenClass::Punct
            };
            let width = if bytes[at] < 0x80 { 1 } else { 3 };
            each(at, at + width, Some(class));
            at += width;
            continue;
        }
        let start = at;
        let mut last = class;
        // A letter or digit seen (not only underscores).
        let mut alphanumeric = class != Underscore;
        at += 1;
        while at < end {
            let next = ascii_class(bytes[at]);
            if word(next) {
                alphanumeric |= next != Underscore;
                last = next;
                at += 1;
                continue;
            }
            // A curly apostrophe (U+2018, U+2019) is a middle character as
            // `.` is; a curly double quotation mark joins nothing.
            let (next, width) = match next {
                Curly if bytes[at + 2] < 0x9C => (MidBoth, 3),
                Curly => (Other, 3),
                _ => (next, 1),
            };
            // A middle character joins only between two letters or two digits.
            let after = if at + width < end {
                ascii_class(bytes[at + width])
            } else {
                Other
            };
            let joins = matches!(
                (last, next, after),
                (Letter, MidLetter | MidBoth, Letter) | (Digit, MidDigit | MidBoth, Digit)
            );
            if !joins {
                break;
            }
            // Joined between two letters or two digits.
            alphanumeric = true;
            last = after;
            at += width + 1;
        }
        let class = if alphanumeric {
            TokenClass::Word
        } else {
            TokenClass::Punct
        };
        each(start, at, Some(class));
    }
}

fn push_split_at_zero_width(tokens: &mut Vec<Token>, start: usize, segment: &str) {
    let mut piece_start = 0;
    for (at, c) in segment.char_indices() {
        if !is_zero_width_space(c) {
            continue;
        }
        for (from, to) in [(piece_start, at), (at, at + c.len_utf8())] {
            if to > from {
                tokens.push(Token {
                    start: (start + from) as u32,
                    end: (start + to) as u32,
                    class: classify(&segment[from..to]),
                    abbreviation: Abbreviation::No,
                });
            }
        }
        piece_start = at + c.len_utf8();
    }
    if piece_start < segment.len() {
        tokens.push(Token {
            start: (start + piece_start) as u32,
            end: (start + segment.len()) as u32,
            class: classify(&segment[piece_start..]),
            abbreviation: Abbreviation::No,
        });
    }
}

/// Adds the hyphen or period at `at` to the run of the same character that
/// ends right before it, so that a dash written `--` or `---` and an
/// ellipsis written `...` are one token each, as `—` and `…` are. Returns
/// whether it did.
fn extend_run(bytes: &[u8], tokens: &mut [Token], at: usize) -> bool {
    let Some(run) = tokens.last_mut() else {
        return false;
    };
    let joins = run.class == TokenClass::Punct
        && run.end as usize == at
        && bytes[run.start as usize..at]
            .iter()
            .all(|&b| b == bytes[at]);
    if joins {
        run.end += 1;
    }
    joins
}

/// Joins a period at `at` to the word right before it when that word is an
/// abbreviation (of the kind `kind` says). Returns whether it did.
fn join_abbreviation_period(
    text: &str,
    tokens: &mut [Token],
    at: usize,
    kind: impl Fn(&str) -> Abbreviation,
) -> bool {
    let Some(word) = tokens.last_mut() else {
        return false;
    };
    if word.class != TokenClass::Word || word.end as usize != at {
        return false;
    }
    let kind = kind(word.text(text));
    if kind == Abbreviation::No {
        return false;
    }
    word.end += 1;
    word.abbreviation = kind;
    true
}

/// Titles that stand before a name and so never end a sentence.
const TITLES: &[&str] = &[
    "adm", "capt", "cmdr", "col", "det", "dr", "ft", "gen", "gov", "hon", "insp", "lt", "maj",
    "messrs", "mme", "mr", "mrs", "ms", "mt", "pres", "prof", "rep", "rev", "sen", "sgt", "st",
    "supt", "vs",
];

/// Other abbreviations written with a period, which may end a sentence.
const OTHER_ABBREVIATIONS: &[&str] = &[
    "al", "approx", "apr", "aug", "bros", "co", "corp", "dec", "dept", "etc", "feb", "fig", "fri",
    "inc", "jan", "jr", "jul", "jun", "ltd", "mar", "mon", "no", "nos", "nov", "oct", "pp", "sat",
    "sep", "sept", "sr", "sun", "thu", "tue", "vol", "wed",
];

/// The length of the longest word in [`TITLES`] and [`OTHER_ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = 6;

fn abbreviation_kind(word: &str) -> Abbreviation {
    if word.len() > 8 {
        return Abbreviation::No;
    }
    // Most words before a period are neither: a sentence's last word.
    if word.len() > LONGEST_ABBREVIATION && !word.contains('.') {
        return Abbreviation::No;
    }
    // Initials: single letters joined by periods ("U.S", "e.g", "a.m") or
    // one capital letter ("J" of "John J. Smith").
    let mut letters = 0;
    let mut initials = true;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => initials = false,
        }
    }
    let single_capital = letters == 1 && word.chars().all(char::is_uppercase);
    if initials && (letters > 1 || single_capital) {
        return Abbreviation::Other;
    }
    // Lowered in a buffer on the stack: every word before a period comes
    // here, so that is once or more a sentence.
    let mut buffer = [0u8; 8];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower: &[u8] = lower;
    if TITLES.binary_search_by(|t| t.as_bytes().cmp(lower)).is_ok() {
        Abbreviation::Title
    } else if OTHER_ABBREVIATIONS
        .binary_search_by(|t| t.as_bytes().cmp(lower))
        .is_ok()
    {
        Abbreviation::Other
    } else {
        Abbreviation::No
    }
}

/// The tokens of a text in `language` (not English), from those
/// [`tokenize`] made with English's abbreviations: a period joins a word, or
/// leaves it, by the language's abbreviations instead
/// (see `abbreviation_kind_in`). Everything else is as it was: runs of
/// periods, an ellipsis after a word. Reading a text in another language
/// costs this one pass more; English texts never come here.
#[cfg(feature = "languages")]
pub fn with_abbreviations_of(
    text: &str,
    tokens: Vec<Token>,
    language: crate::language::Language,
) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for token in tokens {
        let periods = match token.class {
            TokenClass::Word if token.abbreviation != Abbreviation::No => {
                // English's abbreviation: the word, then its period read anew.
                out.push(Token {
                    end: token.end - 1,
                    abbreviation: Abbreviation::No,
                    ..token
                });
                token.end - 1..token.end
            }
            TokenClass::Punct if token.text(text).bytes().all(|b| b == b'.') => {
                token.start..token.end
            }
            _ => {
                out.push(token);
                continue;
            }
        };
        // Each period as `push_segment` takes it.
        for at in periods.map(|at| at as usize) {
            if extend_run(bytes, &mut out, at) {
                continue;
            }
            let ellipsis = bytes[at..].starts_with(b"...");
            let kind = |word: &str| abbreviation_kind_in(word, language);
            if !ellipsis && join_abbreviation_period(text, &mut out, at, kind) {
                continue;
            }
            out.push(Token {
                start: at as u32,
                end: at as u32 + 1,
                class: TokenClass::Punct,
                abbreviation: Abbreviation::No,
            });
        }
    }
    out
}

/// Titles that stand before a name, per language, and so never end a
/// sentence ("M. Dupont", "Sr. García", "Prof. Weber"). CLDR's lists say
/// which words take a period, not which of them precede names, and lack
/// some ("Prof." in German, "Sr." in Portuguese): these few are the
/// engine's own, written as in the language's style guides.
#[cfg(feature = "languages")]
const TITLES_OF: &[(&str, &[&str])] = &[
    ("de", &["Dr", "Frl", "Hr", "Hrn", "Prof"]),
    ("es", &["Dr", "Dra", "Dña", "Sr", "Sra", "Sres", "Srta"]),
    ("fr", &["M", "MM", "Pr"]),
    (
        "it",
        &[
            "Dott", "Ing", "Prof", "Sig", "Sigg", "Sig.ra", "avv", "dott", "dr",
        ],
    ),
    ("pt", &["Dr", "Dra", "Prof", "Profa", "Sr", "Sra"]),
    ("ru", &["проф"]),
];

/// What a period after `word` says in `language` (not English):
///
/// - a title of [`TITLES_OF`]: never ends a sentence;
/// - an abbreviation of CLDR's list for the language
///   ([`crate::sentences::abbreviations_of`]), as written there (case
///   counts: German "So." is Sunday, "so." ends a sentence), or letters
///   joined by periods, each a single letter of any case ("z" and "B" of
///   "z. B.", "u.a", "т" and "е" of "т. е.", "г") or a capital written
///   twice, as Spanish writes the plural of one ("EE. UU.", "FF.CC"): may
///   end a sentence only before a capitalized common word of the language.
///
/// Letters of scripts without case (Arabic "م." after a year) are not
/// taken: no capital can show where a sentence starts after them.
#[cfg(feature = "languages")]
fn abbreviation_kind_in(word: &str, language: crate::language::Language) -> Abbreviation {
    let code = language.code();
    let listed = |lists: &[(&str, &[&str])]| {
        lists
            .iter()
            .find(|(c, _)| *c == code)
            .is_some_and(|(_, words)| words.contains(&word))
    };
    if listed(TITLES_OF) {
        return Abbreviation::Title;
    }
    if crate::sentences::abbreviations_of(language)
        .binary_search(&word)
        .is_ok()
    {
        return Abbreviation::Other;
    }
    let cased = |c: char| c.is_uppercase() || c.is_lowercase();
    let letters = word.split('.').all(|part| {
        let mut chars = part.chars();
        match (chars.next(), chars.next(), chars.next()) {
            (Some(c), None, _) => cased(c),
            (Some(a), Some(b), None) => a == b && a.is_uppercase(),
            _ => false,
        }
    });
    if letters {
        Abbreviation::Other
    } else {
        Abbreviation::No
    }
}

/// Joins each run of word tokens next to each other whose characters all
/// satisfy `joined` into one token: a Japanese text's runs of hiragana,
/// which UAX #29 leaves a kana a token (see
/// [`crate::language::Rules::joins_hiragana_runs`]).
#[cfg(feature = "languages")]
pub fn join_script_runs(text: &str, tokens: &mut Vec<Token>, joined: impl Fn(char) -> bool) {
    let joins =
        |token: &Token| token.class == TokenClass::Word && token.text(text).chars().all(&joined);
    let mut kept: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut last_joins = false;
    for token in tokens.drain(..) {
        let this = joins(&token);
        if let Some(last) = kept
            .last_mut()
            .filter(|last| this && last_joins && last.end == token.start)
        {
            last.end = token.end;
            continue;
        }
        last_joins = this;
        kept.push(token);
    }
    *tokens = kept;
}

fn classify(segment: &str) -> TokenClass {
    if segment.is_ascii() {
        let bytes = segment.as_bytes();
        return if bytes.iter().any(u8::is_ascii_alphanumeric) {
            TokenClass::Word
        } else if bytes
            .iter()
            .all(|b| b.is_ascii_whitespace() || b.is_ascii_control())
        {
            TokenClass::Space
        } else {
            TokenClass::Punct
        };
    }
    if segment
        .chars()
        .all(|c| c.is_whitespace() || is_zero_width_space(c) || c.is_control())
    {
        return TokenClass::Space;
    }
    let wordlike = segment
        .chars()
        .any(|c| c.is_alphanumeric() || (!c.is_ascii() && crate::chars::is_emoji(c)));
    if wordlike {
        TokenClass::Word
    } else {
        TokenClass::Punct
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str) -> Vec<(&str, TokenClass)> {
        tokenize(text, true)
            .iter()
            .map(|t| (t.text(text), t.class))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, true)
            .iter()
            .filter(|t| t.class == TokenClass::Word)
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn splits_words_spaces_and_punctuation() {
        use TokenClass::*;
        assert_eq!(
            classes("It rose 3.5%, the company's data."),
            vec![
                ("It", Word),
                (" ", Space),
                ("rose", Word),
                (" ", Space),
                ("3.5", Word),
                ("%", Punct),
                (",", Punct),
                (" ", Space),
                ("the", Word),
                (" ", Space),
                ("company's", Word),
                (" ", Space),
                ("data", Word),
                (".", Punct),
            ]
        );
    }

    #[test]
    fn abbreviations_keep_their_period() {
        let text = "Mr. Lee of the U.S. State Dept. met Acme Inc. and John F. Kennedy.";
        assert_eq!(
            words(text),
            [
                "Mr.", "Lee", "of", "the", "U.S.", "State", "Dept.", "met", "Acme", "Inc.", "and",
                "John", "F.", "Kennedy"
            ]
        );
        let kinds: Vec<Abbreviation> = tokenize(text, true)
            .iter()
            .filter(|t| t.abbreviation != Abbreviation::No)
            .map(|t| t.abbreviation)
            .collect();
        use Abbreviation::*;
        assert_eq!(kinds, [Title, Other, Other, Other, Other]);
    }

    #[test]
    fn an_ordinary_word_does_not_take_the_period() {
        assert_eq!(words("It was over."), ["It", "was", "over"]);
        assert_eq!(classes("over.").last(), Some(&(".", TokenClass::Punct)));
    }

    #[test]
    fn runs_of_hyphens_and_periods_are_one_token() {
        use TokenClass::*;
        assert_eq!(
            classes("a--b --- c... d.. e. . ."),
            [
                ("a", Word),
                ("--", Punct),
                ("b", Word),
                (" ", Space),
                ("---", Punct),
                (" ", Space),
                ("c", Word),
                ("...", Punct),
                (" ", Space),
                ("d", Word),
                ("..", Punct),
                (" ", Space),
                ("e", Word),
                (".", Punct),
                (" ", Space),
                (".", Punct),
                (" ", Space),
                (".", Punct),
            ]
        );
        // A hyphen inside a word stays alone.
        assert_eq!(
            classes("well-known"),
            [("well", Word), ("-", Punct), ("known", Word)]
        );
        // Also where the unicode-segmentation path cuts.
        assert_eq!(
            classes("é--ü…"),
            [("é", Word), ("--", Punct), ("ü", Word), ("…", Punct)]
        );
    }

    #[test]
    fn an_ellipsis_after_an_abbreviation_stays_whole() {
        assert_eq!(
            words("and so on etc... Then"),
            ["and", "so", "on", "etc", "Then"]
        );
        assert_eq!(classes("etc...").last(), Some(&("...", TokenClass::Punct)));
        // Two periods: the abbreviation's, then one more.
        assert_eq!(words("the U.S.. Then"), ["the", "U.S.", "Then"]);
    }

    #[test]
    fn cjk_emoji_and_combining_marks_come_out_whole() {
        assert_eq!(words("東京都"), ["東", "京", "都"]);
        assert_eq!(words("I 👩\u{200D}💻 code"), ["I", "👩\u{200D}💻", "code"]);
        assert_eq!(words("cafe\u{301} ok"), ["cafe\u{301}", "ok"]);
        assert_eq!(words("שלום עולם"), ["שלום", "עולם"]);
    }

    #[test]
    fn zero_width_spaces_separate_words() {
        // UAX #29 itself separates at U+200B; U+FEFF it glues into the word,
        // unless asked to split.
        assert_eq!(words("one\u{200B}two"), ["one", "two"]);
        assert_eq!(words("one\u{FEFF}two"), ["one", "two"]);
        let glued = "one\u{FEFF}two";
        let joined: Vec<&str> = tokenize(glued, false)
            .iter()
            .map(|t| t.text(glued))
            .collect();
        assert_eq!(joined, [glued]);
    }

    #[test]
    fn no_break_spaces_are_whitespace() {
        assert_eq!(
            classes("5\u{A0}km"),
            [
                ("5", TokenClass::Word),
                ("\u{A0}", TokenClass::Space),
                ("km", TokenClass::Word)
            ]
        );
    }

    #[test]
    fn tokens_cover_the_text_in_order() {
        let text = "  Two\u{a0}words\r\n\r\n“quoted” U.S. 東京 👩‍👩‍👧 é\u{200B}x.";
        for split in [true, false] {
            let tokens = tokenize(text, split);
            let mut at = 0;
            for t in &tokens {
                assert_eq!(t.start, at);
                assert!(t.end > t.start);
                at = t.end;
            }
            assert_eq!(at as usize, text.len());
        }
    }

    proptest::proptest! {
        /// The fast path gives the same segments as unicode-segmentation.
        #[test]
        fn segments_match_the_unicode_library(
            text in proptest::string::string_regex(
                "([a-zA-Z0-9_.,;:'\"!?()\\- \t\r\n\u{0B}\u{0C}]|\u{e9}|\u{301}|\u{a0}|\u{200d}|\u{200b}|\u{feff}|\u{1F469}|\u{6771}|\u{5d0}|\u{2019}|\u{201c}|\u{2001}|\u{2007}|\u{3000}|\u{1680}){0,40}"
            ).unwrap()
        ) {
            let mut fast = Vec::new();
            word_segments(&text, |start, end, _| fast.push(&text[start..end]));
            let reference: Vec<&str> = text.split_word_bounds().collect();
            proptest::prop_assert_eq!(fast, reference);
        }
    }

    proptest::proptest! {
        /// Curly quotation marks and apostrophes, which the fast path
        /// segments itself, give the same segments as unicode-segmentation
        /// among the characters they join or part.
        #[test]
        fn curly_quotes_segment_as_the_unicode_library_does(
            text in proptest::string::string_regex(
                "([a-zA-Z0-9_.,;:' \n]|\u{2018}|\u{2019}|\u{201c}|\u{201d}|\u{2013}|\u{e9}|\u{301}|\u{200d}|\u{2001}){0,40}"
            ).unwrap()
        ) {
            let mut fast = Vec::new();
            word_segments(&text, |start, end, _| fast.push(&text[start..end]));
            let reference: Vec<&str> = text.split_word_bounds().collect();
            proptest::prop_assert_eq!(fast, reference);
        }
    }

    #[test]
    fn spaces_after_a_wide_space_join_it() {
        // UAX #29 WB3d; the ASCII fast path once cut "\u{2001} " in two.
        for text in [
            "\u{2001} ",
            " \u{3000}  x",
            "a\u{1680} \u{2001} b",
            "\u{2001}\t",
        ] {
            let mut fast = Vec::new();
            word_segments(text, |start, end, _| fast.push(&text[start..end]));
            assert_eq!(
                fast,
                text.split_word_bounds().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_abbreviation_lists_are_sorted() {
        assert!(TITLES.windows(2).all(|w| w[0] < w[1]));
        assert!(OTHER_ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        let longest = TITLES
            .iter()
            .chain(OTHER_ABBREVIATIONS)
            .map(|w| w.len())
            .max();
        assert_eq!(longest, Some(LONGEST_ABBREVIATION));
    }

    /// The words of `text` read with the abbreviations of `code`, and the
    /// kinds of those that took a period.
    #[cfg(feature = "languages")]
    fn words_in(code: &str, text: &str) -> (Vec<String>, Vec<Abbreviation>) {
        let language = crate::language::Language::from_code(code).unwrap();
        let tokens = with_abbreviations_of(text, tokenize(text, true), language);
        let mut at = 0;
        for t in &tokens {
            assert_eq!(t.start, at, "{text}: tokens cover the text");
            at = t.end;
        }
        assert_eq!(at as usize, text.len());
        let words = tokens.iter().filter(|t| t.class == TokenClass::Word);
        (
            words.clone().map(|t| t.text(text).to_string()).collect(),
            words
                .map(|t| t.abbreviation)
                .filter(|&a| a != Abbreviation::No)
                .collect(),
        )
    }

    #[cfg(feature = "languages")]
    #[test]
    fn another_language_takes_its_own_abbreviations() {
        use Abbreviation::*;
        assert_eq!(
            words_in("de", "Dr. Weber kam z. B. am Mo. und ging."),
            (
                [
                    "Dr.", "Weber", "kam", "z.", "B.", "am", "Mo.", "und", "ging"
                ]
                .map(String::from)
                .to_vec(),
                vec![Title, Other, Other, Other]
            )
        );
        // English's "no." and "Mr." are not Spanish's or German's: their
        // periods leave them, and join a run of periods as they would have.
        assert_eq!(words_in("es", "Dijo que no.").0, ["Dijo", "que", "no"]);
        let text = "Er sagte Mr.. Dann";
        let tokens = with_abbreviations_of(
            text,
            tokenize(text, true),
            crate::language::Language::from_code("de").unwrap(),
        );
        let texts: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(texts, ["Er", " ", "sagte", " ", "Mr", "..", " ", "Dann"]);
        // Spanish plurals, CLDR's "p.ej" and the parts of "p. ej.";
        // Russian single letters; Arabic letters, without case, do not.
        assert_eq!(
            words_in("es", "EE. UU. y EE.UU. p.ej. p. ej. Sr. Ruiz").1,
            [Other, Other, Other, Other, Other, Other, Title]
        );
        assert_eq!(
            words_in("ru", "т. е. в 2020 г. и тыс. руб.").1,
            [Other, Other, Other, Other, Other]
        );
        assert_eq!(words_in("ar", "عام 2020 م. وقال").1, []);
        // An ellipsis after a word stays one mark.
        assert_eq!(words_in("de", "usw... Dann").0, ["usw", "Dann"]);
    }

    #[cfg(feature = "languages")]
    #[test]
    fn runs_of_joined_characters_become_one_word() {
        let text = "人はすることができる。プールです";
        let mut tokens = tokenize(text, true);
        join_script_runs(text, &mut tokens, |c| matches!(c, 'ぁ'..='ゟ'));
        let words: Vec<&str> = tokens
            .iter()
            .filter(|t| t.class == TokenClass::Word)
            .map(|t| t.text(text))
            .collect();
        assert_eq!(words, ["人", "はすることができる", "プール", "です"]);
        let mut at = 0;
        for token in &tokens {
            assert_eq!(token.start, at);
            at = token.end;
        }
        assert_eq!(at as usize, text.len());
    }

    #[test]
    fn empty_text_has_no_tokens() {
        assert!(tokenize("", true).is_empty());
    }
}
