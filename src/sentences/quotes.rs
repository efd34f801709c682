//! Which words sit inside quotation marks a reader would see.
//!
//! Quotations are found by matching each opening mark with its closing
//! mark inside a paragraph: marks that open are kept on a stack, and when a
//! closing mark matches one, the tokens from the opening mark up to the
//! closing one are quoted. An opening mark with no close by the end of its
//! paragraph, and a closing mark with nothing open, quote nothing: one stray
//! mark does not turn the rest of a paragraph into a quotation. (A
//! quotation that runs over several paragraphs, reopened at each, counts
//! only in its last one.) Paragraphs end at the line breaks that end
//! sentences, so a soft break of a hard-wrapped text does not end one.
//!
//! Curly, straight, low-9, guillemet and corner quotes are known, nested to
//! eight levels (‘…’ inside “…”, „…“); in a text of another language than
//! English, also German ‚…‘, German and Danish »…« and ›…‹, Swedish and
//! Finnish »…» and ”…” (see [`Quotations::with_marks_of_other_languages`]).
//! What is not a quotation mark:
//!
//! - an apostrophe inside a word (company’s, CNET‘s), after one (boys'), or
//!   a single mark right after a letter or digit that nothing open matches;
//! - an elision: a single mark before a digit (`'90s`, `‘90s`) or before
//!   `em`, `til`, `tis`, `twas`, `cause`, `cos`, `bout`, `nuff` and the `n`
//!   of `rock ’n’ roll` (both of its marks);
//! - a prime: any mark right after a digit (`12"`, `6'2"`, `5′`) opens
//!   nothing; it may still close a quotation that is open.
//!
//! A straight `'` opens only after white space (or an opening bracket or
//! quote) and before a letter. The work is linear in the text: a closing
//! mark looks at most eight marks down the stack.

use std::ops::Range;

use crate::tokenize::{Token, TokenClass};

use super::wrap::Breaks;

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Straight,
    Curly,
    Low,
    Single,
    StraightSingle,
    Guillemet,
    Corner,
    /// Marks of other languages than English (see
    /// [`Quotations::with_marks_of_other_languages`]): ‚ (closed by ‘ or ’),
    /// » (closed by « or »), › (by ‹ or ›), ” (by ”).
    #[cfg(feature = "languages")]
    LowSingle,
    #[cfg(feature = "languages")]
    Reversed,
    #[cfg(feature = "languages")]
    ReversedSingle,
    #[cfg(feature = "languages")]
    RightDouble,
}

const MAX_DEPTH: usize = 8;

/// Words after a single mark that make it an elision, not a quotation.
const ELISIONS: &[&str] = &[
    "bout", "cause", "cos", "cuz", "em", "kay", "n", "nuff", "til", "tis", "twas",
];

/// For each token: whether it sits inside quotation marks that open and
/// close within a paragraph. See the module documentation for the rules.
pub fn quoted_tokens(text: &str, tokens: &[Token]) -> Vec<bool> {
    quoted_with(text, tokens, &Breaks::find(text))
}

/// [`quoted_tokens`] with the text's soft line breaks already found.
pub(super) fn quoted_with(text: &str, tokens: &[Token], breaks: &Breaks) -> Vec<bool> {
    // Quotations as +1 at the opening token and -1 at the closing one.
    let mut depth = vec![0i32; tokens.len() + 1];
    for quotation in Quotations::new(text, tokens, breaks).finish() {
        depth[quotation.start as usize] += 1;
        depth[quotation.end as usize] -= 1;
    }
    let mut level = 0i32;
    depth[..tokens.len()]
        .iter()
        .map(|&d| {
            level += d;
            level > 0
        })
        .collect()
}

/// For each unit (by its token, `unit_tokens` ascending): whether it sits
/// inside one of `quotations`, as [`quoted_tokens`] says of its token.
/// Reading a text asks this of its units only, and most texts hold few
/// quotations: each marks its units, found by binary search, instead of
/// every token getting a depth. (A token is quoted when more quotations
/// open at or before it than close there, that is when one of them holds
/// it.)
pub(super) fn quoted_units(quotations: &[Range<u32>], unit_tokens: &[u32]) -> Vec<bool> {
    let mut quoted = vec![false; unit_tokens.len()];
    for quotation in quotations {
        let first = unit_tokens.partition_point(|&t| t < quotation.start);
        // Its units are no more than its tokens: sought among those, near
        // the first, not all over the text's.
        let most = (first + (quotation.end - quotation.start) as usize).min(unit_tokens.len());
        let end = first + unit_tokens[first..most].partition_point(|&t| t < quotation.end);
        quoted[first..end].fill(true);
    }
    quoted
}

/// The quotations of a text, found token by token as the text is read in
/// order: for each, the tokens from its opening mark up to (not including)
/// the token of its closing mark, in the order they close. See the module
/// documentation for the rules.
///
/// Splitting a text into sentences reads it token by token too, and leads
/// (it skips ahead at a sentence's end): the quotations follow it with
/// [`Quotations::read_to`], so that the tokens, 12 bytes each and 2.3
/// million in a million-word text, come from memory once, not twice.
pub(super) struct Quotations<'a> {
    text: &'a str,
    tokens: &'a [Token],
    breaks: &'a Breaks,
    open: Vec<(Mark, usize)>,
    found: Vec<Range<u32>>,
    /// The first token not looked at yet.
    next: usize,
    /// The marks of other languages are read too.
    #[cfg(feature = "languages")]
    other_languages: bool,
}

impl<'a> Quotations<'a> {
    pub(super) fn new(text: &'a str, tokens: &'a [Token], breaks: &'a Breaks) -> Self {
        Quotations {
            text,
            tokens,
            breaks,
            open: Vec::new(),
            found: Vec::new(),
            next: 0,
            #[cfg(feature = "languages")]
            other_languages: false,
        }
    }

    /// Reads the marks as other languages than English use them too:
    /// German and Czech ‚…‘ (and Dutch and Polish ‚…’), German and Danish
    /// »…« and ›…‹, Swedish and Finnish »…» and ”…”. (English texts do not
    /// read them so, where a mark the wrong way round is a typing slip.)
    #[cfg(feature = "languages")]
    pub(super) fn with_marks_of_other_languages(&mut self) {
        self.other_languages = true;
    }

    /// Looks at the tokens before `end` not looked at yet.
    #[inline]
    pub(super) fn read_to(&mut self, end: usize) {
        while self.next < end {
            self.token(self.next);
            self.next += 1;
        }
    }

    /// Passes over `tokens`, which the caller knows to be words and single
    /// spaces (which hold no mark and no line break), when they are the
    /// next to look at; else they are looked at when their turn comes.
    pub(super) fn pass(&mut self, tokens: Range<usize>) {
        if self.next == tokens.start {
            self.next = tokens.end;
        }
    }

    /// The quotations, once the rest of the tokens is looked at.
    pub(super) fn finish(mut self) -> Vec<Range<u32>> {
        self.read_to(self.tokens.len());
        self.found
    }

    /// Looks at token `i`. Asked of every token: inlined into
    /// [`Quotations::read_to`] (in WebAssembly a call for each token took
    /// as long as the rest), its marks looked at out of line.
    #[inline(always)]
    fn token(&mut self, i: usize) {
        let (text, token) = (self.text, &self.tokens[i]);
        match token.class {
            TokenClass::Space => {
                if self.breaks.is_hard(text, token) {
                    self.open.clear();
                }
            }
            TokenClass::Word => {}
            // Commas and periods, most punctuation, hold no quotation mark.
            TokenClass::Punct
                if text.as_bytes()[token.start as usize..token.end as usize]
                    .iter()
                    .all(|&b| b < 0x80 && b != b'"' && b != b'\'') => {}
            TokenClass::Punct => self.marks(i),
        }
    }

    /// Opens and closes quotations at the marks of punctuation token `i`.
    #[inline(never)]
    fn marks(&mut self, i: usize) {
        let (text, token) = (self.text, &self.tokens[i]);
        let (open, quotations) = (&mut self.open, &mut self.found);
        let start = token.start as usize;
        for (offset, c) in token.text(text).char_indices() {
            let at = start + offset;
            let mark = Around::new(text, at, c);
            #[cfg(feature = "languages")]
            if self.other_languages && other_language_mark(open, quotations, i, c, &mark) {
                continue;
            }
            let mut close_to =
                |open: &mut Vec<(Mark, usize)>, marks: &[Mark]| close(open, quotations, i, marks);
            let opened = match c {
                '"' => {
                    if close_to(open, &[Mark::Straight]) || mark.after_digit {
                        None
                    } else {
                        Some(Mark::Straight)
                    }
                }
                '“' => {
                    if open.last().is_some_and(|(m, _)| *m == Mark::Low) {
                        close_to(open, &[Mark::Low]);
                        None
                    } else if mark.after_digit {
                        None
                    } else {
                        Some(Mark::Curly)
                    }
                }
                '”' => {
                    close_to(open, &[Mark::Curly, Mark::Low, Mark::Straight]);
                    None
                }
                '„' => (!mark.after_digit).then_some(Mark::Low),
                '‘' | '‚' => (!mark.after_word && !mark.elision).then_some(Mark::Single),
                '’' => {
                    if !mark.elision {
                        close_to(open, &[Mark::Single]);
                    }
                    None
                }
                '\'' => {
                    if mark.elision || close_to(open, &[Mark::StraightSingle]) {
                        None
                    } else if mark.after_space && mark.before_letter {
                        Some(Mark::StraightSingle)
                    } else {
                        None
                    }
                }
                '«' | '‹' => Some(Mark::Guillemet),
                '»' | '›' => {
                    close_to(open, &[Mark::Guillemet]);
                    None
                }
                '「' | '『' => Some(Mark::Corner),
                '」' | '』' => {
                    close_to(open, &[Mark::Corner]);
                    None
                }
                _ => None,
            };
            if let Some(mark) = opened
                && open.len() < MAX_DEPTH
            {
                open.push((mark, i));
            }
        }
    }
}

/// Reads `c` as a mark of [`Quotations::with_marks_of_other_languages`],
/// opening or closing at token `i`: whether it is one (else it is read as
/// English reads it).
#[cfg(feature = "languages")]
fn other_language_mark(
    open: &mut Vec<(Mark, usize)>,
    quotations: &mut Vec<Range<u32>>,
    i: usize,
    c: char,
    mark: &Around,
) -> bool {
    let innermost = open.last().map(|(m, _)| *m);
    let opens_before_a_word = mark.after_space && !mark.before_space;
    let opened = match c {
        '‚' => (!mark.after_word && !mark.elision).then_some(Mark::LowSingle),
        '‘' if innermost == Some(Mark::LowSingle) => {
            close(open, quotations, i, &[Mark::LowSingle]);
            None
        }
        // An apostrophe inside a word (geht’s) closes nothing.
        '’' if innermost == Some(Mark::LowSingle) && !(mark.after_word && mark.before_letter) => {
            close(open, quotations, i, &[Mark::LowSingle]);
            None
        }
        '»' | '›' => {
            let reversed = if c == '»' {
                Mark::Reversed
            } else {
                Mark::ReversedSingle
            };
            if close(open, quotations, i, &[Mark::Guillemet]) {
                None
            } else if !mark.after_space && close(open, quotations, i, &[reversed]) {
                // Swedish »…».
                None
            } else {
                opens_before_a_word.then_some(reversed)
            }
        }
        '«' | '‹' => {
            let reversed = if c == '«' {
                Mark::Reversed
            } else {
                Mark::ReversedSingle
            };
            if !mark.after_space && close(open, quotations, i, &[reversed]) {
                None
            } else {
                Some(Mark::Guillemet)
            }
        }
        '”' => {
            if close(
                open,
                quotations,
                i,
                &[Mark::Curly, Mark::Low, Mark::Straight, Mark::RightDouble],
            ) {
                None
            } else {
                // Swedish and Finnish ”…”.
                (opens_before_a_word && !mark.after_digit).then_some(Mark::RightDouble)
            }
        }
        _ => return false,
    };
    if let Some(mark) = opened
        && open.len() < MAX_DEPTH
    {
        open.push((mark, i));
    }
    true
}

/// Closes the innermost open quotation with one of `marks` at token `at`,
/// quoting the tokens from its opening mark up to `at`; the marks opened
/// after it are dropped unmatched. Returns whether one closed.
fn close(
    open: &mut Vec<(Mark, usize)>,
    quotations: &mut Vec<Range<u32>>,
    at: usize,
    marks: &[Mark],
) -> bool {
    let Some(top) = open.iter().rposition(|(m, _)| marks.contains(m)) else {
        return false;
    };
    quotations.push(open[top].1 as u32..at as u32);
    open.truncate(top);
    true
}

/// What surrounds a mark.
struct Around {
    /// Right after a digit: a prime, never an opening mark.
    after_digit: bool,
    /// Right after a letter or digit.
    after_word: bool,
    /// At the start of the text or after white space, an opening bracket or
    /// an opening quote.
    after_space: bool,
    before_letter: bool,
    /// Before white space or at the end of the text.
    #[cfg(feature = "languages")]
    before_space: bool,
    /// A single mark that stands for left-out letters or digits.
    elision: bool,
}

impl Around {
    fn new(text: &str, at: usize, c: char) -> Self {
        let before = text[..at].chars().next_back();
        let after = &text[at + c.len_utf8()..];
        let next = after.chars().next();
        let after_word = before.is_some_and(char::is_alphanumeric);
        let single = matches!(c, '\'' | '‘' | '’' | '‚');
        let elision = single
            && ((!after_word
                && (next.is_some_and(|c| c.is_ascii_digit()) || {
                    // The word after the mark, sought only after a single
                    // mark (most punctuation is not one); elisions are
                    // ASCII, so comparing them without ASCII case is enough
                    // (and `str::to_lowercase` would bring Unicode's case
                    // tables into the WebAssembly build).
                    let word_end = after
                        .char_indices()
                        .find(|(_, c)| !c.is_alphanumeric())
                        .map_or(after.len(), |(at, _)| at);
                    let word = &after[..word_end];
                    ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
                }))
                || second_mark_of_n(&text[..at]));
        Self {
            after_digit: before.is_some_and(|c| c.is_ascii_digit()),
            after_word,
            after_space: before.is_none_or(|c| {
                c.is_whitespace() || matches!(c, '(' | '[' | '“' | '"' | '‘' | '«' | '—' | '–')
            }),
            before_letter: next.is_some_and(char::is_alphabetic),
            #[cfg(feature = "languages")]
            before_space: next.is_none_or(char::is_whitespace),
            elision,
        }
    }
}

/// Whether the text before a mark ends with the first mark and `n` of
/// `’n’` after white space (rock ’n’ roll).
fn second_mark_of_n(before: &str) -> bool {
    let mut chars = before.chars().rev();
    matches!(chars.next(), Some('n' | 'N'))
        && matches!(chars.next(), Some('\'' | '‘' | '’'))
        && chars.next().is_none_or(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn quoted_words(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, true);
        let quoted = quoted_tokens(text, &tokens);
        tokens
            .iter()
            .zip(quoted)
            .filter(|(t, q)| *q && t.class == TokenClass::Word)
            .map(|(t, _)| t.text(text))
            .collect()
    }

    const NONE: [&str; 0] = [];

    #[test]
    fn units_are_quoted_as_their_tokens() {
        for text in [
            "He said “go now,” and left.",
            "“He ‘urged’ calm,” CNET‘s writer said.",
            "“One two\n\nthree” four “five”",
            r#"He said "one two. And "three" then."#,
            "He said “the ’90s were rock ’n’ roll” and left. “",
            "A “\"quoted\"” word and “”.",
        ] {
            let tokens = tokenize(text, true);
            let by_token = quoted_tokens(text, &tokens);
            let unit_tokens: Vec<u32> = (0..tokens.len() as u32)
                .filter(|&t| !tokens[t as usize].is_space())
                .collect();
            let quotations = Quotations::new(text, &tokens, &Breaks::find(text)).finish();
            let by_unit = quoted_units(&quotations, &unit_tokens);
            let expected: Vec<bool> = unit_tokens.iter().map(|&t| by_token[t as usize]).collect();
            assert_eq!(by_unit, expected, "{text}");
        }
    }

    #[test]
    fn words_inside_quotation_marks_are_quoted() {
        assert_eq!(quoted_words("He said “go now,” and left."), ["go", "now"]);
        assert_eq!(quoted_words(r#"He said "go now" and left."#), ["go", "now"]);
        assert_eq!(
            quoted_words("“He ‘urged’ calm,” CNET‘s writer said."),
            ["He", "urged", "calm"]
        );
        assert_eq!(quoted_words("„Ja“ sagte er."), ["Ja"]);
        assert_eq!(quoted_words("« Oui » dit-il."), ["Oui"]);
        assert_eq!(quoted_words("彼は「はい」と言った。"), ["は", "い"]);
        assert_eq!(quoted_words("He said 'go now' and left."), ["go", "now"]);
    }

    #[test]
    fn apostrophes_do_not_open_quotations() {
        assert_eq!(
            quoted_words("The students’ books and the boys' games."),
            NONE
        );
        assert_eq!(quoted_words("The company’s and CNET‘s staff left."), NONE);
    }

    #[test]
    fn an_unclosed_quotation_quotes_nothing() {
        assert_eq!(quoted_words("“One two\nthree four"), NONE);
        assert_eq!(quoted_words("He said “one two three four."), NONE);
        assert_eq!(
            quoted_words(r#"He said "one two. And "three" then."#),
            ["one", "two", "And"]
        );
    }

    #[test]
    fn a_quotation_closes_in_its_paragraph_only() {
        assert_eq!(quoted_words("“One two\n\nthree” four “five”"), ["five"]);
    }

    #[test]
    fn an_unmatched_closing_mark_quotes_nothing() {
        assert_eq!(quoted_words("One two” three four “five”"), ["five"]);
    }

    #[test]
    fn elisions_open_no_quotation() {
        for text in [
            "Back in the '90s the band played on and on.",
            "Back in the ‘90s the band played on and on.",
            "Back in the ’90s the band played on and on.",
            "They loved rock ’n’ roll and played it all night.",
            "They loved rock 'n' roll and played it all night.",
            "Give 'em a chance and wait 'til the end.",
            "Give ’em a chance and wait ‘til the end.",
        ] {
            assert_eq!(quoted_words(text), NONE, "{text}");
        }
    }

    #[test]
    fn elisions_inside_a_quotation_keep_it() {
        assert_eq!(
            quoted_words("He said “the ’90s were rock ’n’ roll” and left."),
            ["the", "90s", "were", "rock", "n", "roll"]
        );
        assert_eq!(
            quoted_words("He said ‘give ’em hell’ and left."),
            ["give", "em", "hell"]
        );
    }

    #[test]
    fn primes_open_no_quotation() {
        for text in [
            "The screen is 12\" wide and the rest of the text follows.",
            "He is 6'2\" tall and the rest of the text follows.",
            "He is 5′ tall and 5″ more, and the rest follows.",
            "A 12” screen and a 3’ cable come with it.",
        ] {
            assert_eq!(quoted_words(text), NONE, "{text}");
        }
        assert_eq!(
            quoted_words("A 12\" screen, he said \"is enough\" for now."),
            ["is", "enough"]
        );
    }
}
