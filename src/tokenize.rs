//! Stage 1: split a text into words, whitespace and punctuation, with offsets.
//!
//! Segments come from the Unicode word boundaries of UAX #29
//! (`unicode-segmentation`), so "3.5", "company's" and an emoji with joiners
//! are one token each and every CJK ideograph is a token of its own.
//! Offsets are UTF-8 byte offsets into the text; the tokens of a text cover
//! it in order, without gaps or overlaps.

use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenClass {
    /// Holds at least one letter or digit.
    Word,
    /// Only white space.
    Space,
    /// Anything else: punctuation, symbols, control characters.
    Punct,
}

/// One token: a byte range of the text and its class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte, inclusive.
    pub start: u32,
    /// Last byte, exclusive.
    pub end: u32,
    /// What it is.
    pub class: TokenClass,
}

impl Token {
    /// The token's text, sliced from the text it was made from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }
}

/// Splits `text` into tokens that cover it exactly.
///
/// The caller guarantees `text.len() <= u32::MAX` (see [`crate::MAX_INPUT_BYTES`]).
pub fn tokenize(text: &str) -> Vec<Token> {
    text.split_word_bound_indices()
        .map(|(start, segment)| Token {
            start: start as u32,
            end: (start + segment.len()) as u32,
            class: classify(segment),
        })
        .collect()
}

fn classify(segment: &str) -> TokenClass {
    if segment.chars().all(char::is_whitespace) {
        TokenClass::Space
    } else if segment.chars().any(char::is_alphanumeric) {
        TokenClass::Word
    } else {
        TokenClass::Punct
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str) -> Vec<(&str, TokenClass)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.class))
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
    fn tokens_cover_the_text_in_order() {
        let text = "  Two\u{a0}words\r\n\r\n“quoted” 東京 👩‍👩‍👧 é";
        let tokens = tokenize(text);
        let mut at = 0;
        for t in &tokens {
            assert_eq!(t.start, at);
            assert!(t.end > t.start);
            at = t.end;
        }
        assert_eq!(at as usize, text.len());
    }

    #[test]
    fn empty_text_has_no_tokens() {
        assert!(tokenize("").is_empty());
    }
}
