//! Stage 3: sentences, paragraphs and quotations.
//!
//! A paragraph ends at a line break. A sentence ends at a terminator (`.`
//! `!` `?` `…` and their CJK forms) together with any closing quotation marks
//! or brackets right after it, when white space and then something other
//! than a lower-case word follow: so `“Why?” he asked.` stays one sentence,
//! `fifty years." Opponents` splits after the closing quote, and a
//! quotation that ends with a comma never splits. Abbreviations hold their
//! period (see [`crate::tokenize`]): a title ("Mr.") never ends a sentence;
//! initials and the like ("U.S.", "Inc.") end one only before a capitalized
//! common word ("The", "But"). CJK terminators need no space after them.
//!
//! The sentences of a text partition its tokens: whitespace after a sentence
//! belongs to it, and leading whitespace to the first one.

use std::ops::Range;

use crate::keys::Units;
use crate::tokenize::{Abbreviation, Token, TokenClass};

/// One sentence of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Its tokens, trailing whitespace included.
    pub tokens: Range<u32>,
    /// Its comparison units.
    pub units: Range<u32>,
    /// The paragraph it belongs to, counted from 0.
    pub paragraph: u32,
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '؟'
            | '۔'
            | '।'
            | '॥'
    )
}

/// Terminators after which a sentence ends even with no space.
fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '〕' | '】'
    )
}

/// Splits a text into sentences; see the module documentation for the rules.
pub fn sentences(text: &str, tokens: &[Token], units: &Units) -> Vec<Sentence> {
    let mut bounds: Vec<(u32, u32)> = Vec::new(); // (first token of the next sentence, paragraph)
    let mut start = 0usize;
    let mut paragraph = 0u32;
    let mut sentence_paragraph = 0u32;
    let mut has_content = false;
    let mut i = 0usize;
    let n = tokens.len();
    let close = |bounds: &mut Vec<(u32, u32)>, end: usize, paragraph: u32| {
        bounds.push((end as u32, paragraph));
    };
    while i < n {
        let token = tokens[i];
        let token_text = token.text(text);
        match token.class {
            TokenClass::Space => {
                if token_text.contains(is_line_break) && has_content {
                    close(&mut bounds, i + 1, sentence_paragraph);
                    start = i + 1;
                    has_content = false;
                    paragraph += 1;
                }
                i += 1;
                continue;
            }
            _ if !has_content => {
                has_content = true;
                sentence_paragraph = paragraph;
            }
            _ => {}
        }
        if token.class == TokenClass::Punct && token_text.contains(is_terminator) {
            // Take in further terminators and closing marks ("?!", `.”`).
            let mut j = i + 1;
            while j < n
                && tokens[j].class == TokenClass::Punct
                && tokens[j]
                    .text(text)
                    .chars()
                    .all(|c| is_closer(c) || is_terminator(c))
            {
                j += 1;
            }
            let cjk = token_text.contains(is_cjk_terminator);
            if j < n && tokens[j].class == TokenClass::Space {
                let line_break = tokens[j].text(text).contains(is_line_break);
                if !line_break && !next_starts_lower_case(text, tokens, j) {
                    close(&mut bounds, j + 1, sentence_paragraph);
                    start = j + 1;
                    has_content = false;
                    i = j + 1;
                    continue;
                }
            } else if j < n && cjk {
                close(&mut bounds, j, sentence_paragraph);
                start = j;
                has_content = false;
            }
            i = j;
            continue;
        }
        if token.abbreviation == Abbreviation::Other
            && i + 1 < n
            && tokens[i + 1].class == TokenClass::Space
            && !tokens[i + 1].text(text).contains(is_line_break)
            && next_is_capitalized_common_word(text, tokens, i + 1)
        {
            close(&mut bounds, i + 2, sentence_paragraph);
            start = i + 2;
            has_content = false;
            i += 2;
            continue;
        }
        i += 1;
    }
    if start < n {
        if has_content || bounds.is_empty() {
            if has_content {
                close(&mut bounds, n, sentence_paragraph);
            }
        } else if let Some(last) = bounds.last_mut() {
            // Trailing whitespace belongs to the last sentence.
            last.0 = n as u32;
        }
    }
    with_units(&bounds, units)
}

fn with_units(bounds: &[(u32, u32)], units: &Units) -> Vec<Sentence> {
    let mut sentences = Vec::with_capacity(bounds.len());
    let mut token_start = 0u32;
    let mut unit = 0usize;
    for &(token_end, paragraph) in bounds {
        let unit_start = unit;
        while unit < units.len() && units.token[unit] < token_end {
            unit += 1;
        }
        sentences.push(Sentence {
            tokens: token_start..token_end,
            units: unit_start as u32..unit as u32,
            paragraph,
        });
        token_start = token_end;
    }
    sentences
}

/// The first non-space token after `space`, if any.
fn next_word(tokens: &[Token], space: usize) -> Option<&Token> {
    tokens[space + 1..].iter().find(|t| !t.is_space())
}

fn next_starts_lower_case(text: &str, tokens: &[Token], space: usize) -> bool {
    next_word(tokens, space)
        .and_then(|t| t.text(text).chars().next())
        .is_some_and(char::is_lowercase)
}

fn next_is_capitalized_common_word(text: &str, tokens: &[Token], space: usize) -> bool {
    let Some(token) = next_word(tokens, space) else {
        return true;
    };
    let word = token.text(text);
    word.chars().next().is_some_and(char::is_uppercase)
        && crate::keys::is_common_word(&word.to_lowercase())
}

/// For each token: whether it sits inside quotation marks.
///
/// Tracks nested quotations per paragraph (an unclosed quotation ends with
/// its paragraph, as a quotation that runs over several paragraphs reopens
/// at each). Curly, straight, low-9, guillemet and corner quotes are known;
/// a straight `'` opens only before a word and after a space, and a lone `’`
/// closes only an open single quotation: otherwise both are apostrophes.
pub fn quoted_tokens(text: &str, tokens: &[Token]) -> Vec<bool> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Straight,
        Curly,
        Low,
        Single,
        StraightSingle,
        Guillemet,
        Corner,
    }
    const MAX_DEPTH: usize = 8;
    let mut open: Vec<Mark> = Vec::new();
    let mut quoted = vec![false; tokens.len()];
    for (i, token) in tokens.iter().enumerate() {
        let token_text = token.text(text);
        match token.class {
            TokenClass::Space => {
                if token_text.contains(is_line_break) {
                    open.clear();
                }
            }
            TokenClass::Word => {}
            TokenClass::Punct => {
                let before_space = i == 0 || tokens[i - 1].is_space();
                let before_word = tokens
                    .get(i + 1)
                    .is_some_and(|t| t.class == TokenClass::Word);
                for c in token_text.chars() {
                    let close_to = |open: &mut Vec<Mark>, marks: &[Mark]| {
                        if let Some(at) = open.iter().rposition(|m| marks.contains(m)) {
                            open.truncate(at);
                            true
                        } else {
                            false
                        }
                    };
                    let opened = match c {
                        '"' => {
                            if !close_to(&mut open, &[Mark::Straight]) {
                                Some(Mark::Straight)
                            } else {
                                None
                            }
                        }
                        '“' => {
                            if open.last() == Some(&Mark::Low) {
                                open.pop();
                                None
                            } else {
                                Some(Mark::Curly)
                            }
                        }
                        '”' => {
                            close_to(&mut open, &[Mark::Curly, Mark::Low, Mark::Straight]);
                            None
                        }
                        '„' => Some(Mark::Low),
                        '‘' | '‚' => Some(Mark::Single),
                        '’' => {
                            close_to(&mut open, &[Mark::Single]);
                            None
                        }
                        '\'' => {
                            if close_to(&mut open, &[Mark::StraightSingle]) {
                                None
                            } else if before_space && before_word {
                                Some(Mark::StraightSingle)
                            } else {
                                None
                            }
                        }
                        '«' | '‹' => Some(Mark::Guillemet),
                        '»' | '›' => {
                            close_to(&mut open, &[Mark::Guillemet]);
                            None
                        }
                        '「' | '『' => Some(Mark::Corner),
                        '」' | '』' => {
                            close_to(&mut open, &[Mark::Corner]);
                            None
                        }
                        _ => None,
                    };
                    if let Some(mark) = opened
                        && open.len() < MAX_DEPTH
                    {
                        open.push(mark);
                    }
                }
            }
        }
        quoted[i] = !open.is_empty();
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Vocabulary;
    use crate::options::Options;
    use crate::tokenize::tokenize;

    fn split(text: &str) -> Vec<String> {
        let tokens = tokenize(text, true);
        let units = Vocabulary::new(&crate::keys::nfkc).units(text, &tokens, &Options::default());
        sentences(text, &tokens, &units)
            .iter()
            .map(|s| {
                let start = tokens[s.tokens.start as usize].start as usize;
                let end = tokens[s.tokens.end as usize - 1].end as usize;
                text[start..end].trim_end().to_string()
            })
            .collect()
    }

    #[test]
    fn splits_at_terminators_before_a_capital() {
        assert_eq!(
            split("It rained. Then it stopped! Did it? Yes."),
            ["It rained.", "Then it stopped!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn abbreviations_and_decimals_do_not_split() {
        assert_eq!(
            split("Mr. Smith met Sen. Jones in the U.S. Senate at 3.5 p.m. on Friday."),
            ["Mr. Smith met Sen. Jones in the U.S. Senate at 3.5 p.m. on Friday."]
        );
        assert_eq!(
            split("He lives in the U.S. The rest of us do not."),
            ["He lives in the U.S.", "The rest of us do not."]
        );
    }

    #[test]
    fn quotations_close_after_the_period_or_end_with_a_comma() {
        assert_eq!(
            split(r#"She said "it will open." Opponents disagreed."#),
            [r#"She said "it will open.""#, "Opponents disagreed."]
        );
        assert_eq!(
            split("“It is over,” she said. “Why?” he asked."),
            ["“It is over,” she said.", "“Why?” he asked."]
        );
    }

    #[test]
    fn line_breaks_end_sentences_and_count_paragraphs() {
        let text = "Title line\n\nFirst one. Second one.\r\nThird\n";
        let tokens = tokenize(text, true);
        let units = Vocabulary::new(&crate::keys::nfkc).units(text, &tokens, &Options::default());
        let found = sentences(text, &tokens, &units);
        let paragraphs: Vec<u32> = found.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 1, 2]);
        assert_eq!(found.last().unwrap().tokens.end as usize, tokens.len());
    }

    #[test]
    fn cjk_sentences_split_without_spaces() {
        assert_eq!(
            split("今日は晴れ。明日は雨？"),
            ["今日は晴れ。", "明日は雨？"]
        );
    }

    #[test]
    fn sentences_partition_the_tokens() {
        let text = "  Lead. \n\n Body text here.  And more.\n\n";
        let tokens = tokenize(text, true);
        let units = Vocabulary::new(&crate::keys::nfkc).units(text, &tokens, &Options::default());
        let found = sentences(text, &tokens, &units);
        assert_eq!(found.first().unwrap().tokens.start, 0);
        assert_eq!(found.last().unwrap().tokens.end as usize, tokens.len());
        assert!(
            found
                .windows(2)
                .all(|w| w[0].tokens.end == w[1].tokens.start)
        );
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn whitespace_only_text_has_no_sentences() {
        let text = " \n\t ";
        let tokens = tokenize(text, true);
        let units = Vocabulary::new(&crate::keys::nfkc).units(text, &tokens, &Options::default());
        assert!(sentences(text, &tokens, &units).is_empty());
    }

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
    }

    #[test]
    fn apostrophes_do_not_open_quotations() {
        assert_eq!(
            quoted_words("The students’ books and the boys' games."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn an_unclosed_quotation_ends_with_its_paragraph() {
        assert_eq!(quoted_words("“One two\nthree four"), ["One", "two"]);
    }
}
