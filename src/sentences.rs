//! Stage 3: sentences, paragraphs and quotations.
//!
//! A paragraph ends at a line break, except a soft one: in a hard-wrapped
//! text (e-mail, PDF, terminal, press release) the single line breaks that
//! only wrap a paragraph count as spaces (`sentences/wrap.rs` says how a
//! text is judged wrapped; blank lines, list items, headings and short lines stay
//! boundaries). A sentence ends at such a line break, and at a terminator
//! (`.` `!` `?` `…` and their CJK forms) together with any closing quotation
//! marks or brackets right after it, when white space and then something
//! other than a lower-case word follow: so `“Why?” he asked.` stays one
//! sentence, `fifty years." Opponents` splits after the closing quote, and a
//! quotation that ends with a comma never splits. An ellipsis (`...`, `…`,
//! `. . .`) is one terminator. Abbreviations hold their period (see
//! [`crate::tokenize`]): a title ("Mr.") never ends a sentence; initials and
//! the like ("U.S.", "Inc.") end one only before a capitalized common word
//! ("The", "But"), and "etc." before any capitalized word. CJK terminators
//! need no space after them.
//!
//! A list marker at the start of a line (`1.`, `2)`, `a.`, `•`, `-`, `*`,
//! `–`) belongs to its item's sentence and never ends one, even alone on its
//! line. A heading without final punctuation on its own line is a sentence.
//! A dateline ("WASHINGTON (AP) —") belongs to the sentence it introduces,
//! as a reader reads it.
//!
//! **Other languages** (the `languages` build, a text read under a language
//! other than English; a text of no known language is split as English is):
//!
//! - abbreviations are the language's, from CLDR's sentence-break
//!   suppressions where CLDR has them (German, Spanish, French, Italian,
//!   Portuguese, Russian: `sentences/abbreviations.rs`, written by
//!   `scripts/abbreviations.mjs`), and letters joined by periods, each a
//!   single letter or a capital written twice ("z. B.", "d. h.", "т. е.",
//!   "г.", "EE. UU."); a few titles before names ("M.", "Sr.", "Prof.")
//!   never end a sentence (see [`crate::tokenize::with_abbreviations_of`]);
//!   the others, as initials do, before a capitalized common word of the
//!   language or an inverted mark;
//! - in languages that write ordinals with a period (German, Danish,
//!   Norwegian, Finnish, Hungarian, Turkish, Czech, Polish), a number of one
//!   or two digits and its period ("am 3. Oktober") end a sentence only
//!   before a capitalized common word ("Er wurde 3. Die anderen…");
//! - Spanish "¿" and "¡" open a sentence, and a dash after a terminator
//!   opens words that go on it ("¿Vienes? —preguntó ella", Russian "— сказал
//!   он"); closing marks after a terminator include “ ‘ « ‹ (German „…“,
//!   ‚…‘, »…«; not in Chinese, Japanese and Korean, where “ opens), and a
//!   French closing guillemet after a space (« Oui. »);
//!   a Japanese quotation closed after its terminator goes on before と or
//!   って (「はい。」と言った).
//!
//! The sentences of a text partition its tokens: whitespace after a sentence
//! belongs to it, and leading whitespace to the first one. Which words sit
//! inside quotation marks: [`quoted_tokens`] (`sentences/quotes.rs`).

use std::ops::Range;

use crate::keys::Units;
use crate::language::Rules;
use crate::tokenize::{Abbreviation, Token, TokenClass};

#[cfg(feature = "languages")]
mod abbreviations;
mod quotes;
mod wrap;

use quotes::Quotations;
pub use quotes::quoted_tokens;

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

/// Words after which a wrapped line ends a sentence that has not ended
/// otherwise. Prose sentences run shorter (the longest of the fixtures'
/// articles has 57 words); lines of lists and menus pasted without
/// punctuation run on, and a pair of such "sentences" claims hundreds of
/// words around a few copied ones. Measured on `../shared/data/pan-dev`
/// (web pages wrapped at about 200 columns), verbatim plagdet: 0.927 with
/// no limit, 0.937 at 60 words, 0.945 at 40, 0.947 at 30; 60 keeps every
/// prose sentence whole.
pub const RUN_ON_WORDS: usize = 60;

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
            | '։'
            | '។'
            | '။'
    )
}

/// Whether a punctuation token holds a terminator. Most are one ASCII
/// character (a comma, a period), told apart without decoding the text.
fn holds_terminator(punctuation: &str) -> bool {
    match punctuation.as_bytes() {
        [byte] => matches!(byte, b'.' | b'!' | b'?'),
        _ => punctuation.contains(is_terminator),
    }
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

/// A language's abbreviations from CLDR (`sentences/abbreviations.rs`,
/// written by `scripts/abbreviations.mjs`): the words that take an
/// abbreviation's period, without it, sorted; none when CLDR has none.
#[cfg(feature = "languages")]
pub(crate) fn abbreviations_of(language: crate::language::Language) -> &'static [&'static str] {
    abbreviations::ABBREVIATIONS
        .iter()
        .find(|(code, _)| *code == language.code())
        .map_or(&[], |(_, words)| words)
}

/// Splits an English text into sentences; see the module documentation for
/// the rules. (The quotations are found in the same pass: reading keeps
/// both, with [`sentences_and_quoted_units`].)
pub fn sentences(text: &str, tokens: &[Token], units: &Units) -> Vec<Sentence> {
    sentences_and_quoted_units(text, tokens, units, &Rules::english()).0
}

/// [`sentences`] of a text read under `rules` (its language's) and, for
/// each unit, whether it sits inside quotation marks ([`quoted_tokens`] of
/// its token): what reading a text keeps, with the text's line breaks
/// judged once. A text of no known language is split as English is.
pub fn sentences_and_quoted_units(
    text: &str,
    tokens: &[Token],
    units: &Units,
    rules: &Rules,
) -> (Vec<Sentence>, Vec<bool>) {
    let breaks = wrap::Breaks::find(text);
    let other = other_language(rules);
    let mut quotations = Quotations::new(text, tokens, &breaks);
    #[cfg(feature = "languages")]
    if other.is_some() {
        quotations.with_marks_of_other_languages();
    }
    let sentences = split(text, tokens, units, &breaks, &mut quotations, other);
    let quoted = quotes::quoted_units(&quotations.finish(), &units.token);
    (sentences, quoted)
}

/// The rules of a language other than English, which split sentences by
/// the rules of the module documentation's last paragraphs; `None` for
/// English and a text of no known language (and always in a build without
/// the `languages` feature).
fn other_language(rules: &Rules) -> Option<&Rules> {
    #[cfg(feature = "languages")]
    if rules
        .language()
        .is_some_and(|l| l != crate::language::Language::ENGLISH)
    {
        return Some(rules);
    }
    let _ = rules;
    None
}

/// The sentences of a text, `quotations` following the tokens as they are
/// read (see [`Quotations`]).
fn split(
    text: &str,
    tokens: &[Token],
    units: &Units,
    breaks: &wrap::Breaks,
    quotations: &mut Quotations<'_>,
    other: Option<&Rules>,
) -> Vec<Sentence> {
    let hard = |i: usize| tokens[i].class == TokenClass::Space && breaks.is_hard(text, &tokens[i]);
    let mut bounds: Vec<(u32, u32)> = Vec::new(); // (first token of the next sentence, paragraph)
    let mut start = 0usize;
    let mut paragraph = 0u32;
    let mut sentence_paragraph = 0u32;
    let mut has_content = false;
    // The sentence so far is a list marker alone, which never ends it.
    let mut marker_only = false;
    // Words of the sentence so far.
    let mut words = 0usize;
    // A list marker alone on its line has had its line break counted.
    let mut marker_line_ended = false;
    let mut line_start = true;
    let mut i = 0usize;
    let n = tokens.len();
    let close = |bounds: &mut Vec<(u32, u32)>, end: usize, paragraph: u32| {
        bounds.push((end as u32, paragraph));
    };
    while i < n {
        if has_content && !line_start {
            // Inside a sentence, a word (but for an abbreviation, which
            // may end it) or a single space, most tokens, only counts
            // words: taken in a loop of their own, and passed over by the
            // quotations, which find nothing in them.
            let from = i;
            let mut counted = 0;
            while let Some(token) = tokens.get(i) {
                match token.class {
                    TokenClass::Word if token.abbreviation != Abbreviation::Other => counted += 1,
                    TokenClass::Space
                        if token.end - token.start == 1
                            && text.as_bytes()[token.start as usize] == b' ' => {}
                    _ => break,
                }
                i += 1;
            }
            quotations.pass(from..i);
            if counted > 0 {
                words += counted;
                marker_line_ended = false;
                marker_only = false;
            }
            if i == n {
                break;
            }
        }
        quotations.read_to(i + 1);
        let token = tokens[i];
        // Sliced only where it is read: a slice checks both its ends.
        let token_text = || token.text(text);
        if token.class == TokenClass::Space {
            if words >= RUN_ON_WORDS && token_text().contains(is_line_break) && !hard(i) {
                // A run-on of wrapped lines with no sentence end in sight
                // (a menu, a list pasted as lines): its lines are the
                // units a reader goes by.
                close(&mut bounds, i + 1, sentence_paragraph);
                start = i + 1;
                has_content = false;
                words = 0;
            } else if hard(i) {
                line_start = true;
                if has_content && !marker_only {
                    close(&mut bounds, i + 1, sentence_paragraph);
                    start = i + 1;
                    has_content = false;
                    words = 0;
                    paragraph += 1;
                } else if has_content && !marker_line_ended {
                    // A list marker alone on its line joins the item after
                    // it, in that item's paragraph: the line still counts
                    // (once, however many line breaks follow).
                    paragraph += 1;
                    sentence_paragraph = paragraph;
                    marker_line_ended = true;
                }
            }
            i += 1;
            continue;
        }
        marker_line_ended = false;
        if token.class == TokenClass::Word {
            words += 1;
        }
        let first_of_sentence = !has_content;
        if !has_content {
            has_content = true;
            sentence_paragraph = paragraph;
        }
        // A list marker opens a line ("1.", "•"), or a sentence inside a
        // line when it is a number ("… in stock. 2. Pay at the desk").
        if std::mem::take(&mut line_start) || first_of_sentence {
            let marker = list_marker(text, tokens, i);
            let numbered = tokens[i].text(text).bytes().all(|b| b.is_ascii_digit());
            if marker > 0 && (line_start_marker(text, tokens, i) || numbered) {
                marker_only = true;
                i += marker;
                continue;
            }
        }
        marker_only = false;
        if token.class == TokenClass::Punct && holds_terminator(token_text()) {
            let j = sentence_end(text, tokens, i + 1, &hard, other);
            let cjk = token_text().contains(is_cjk_terminator);
            if j < n && tokens[j].class == TokenClass::Space {
                if !hard(j)
                    && !next_starts_lower_case(text, tokens, j, other)
                    && !ordinal_continues(text, tokens, i, j, other)
                {
                    close(&mut bounds, j + 1, sentence_paragraph);
                    start = j + 1;
                    has_content = false;
                    words = 0;
                    i = j + 1;
                    continue;
                }
            } else if j < n && cjk && !quotation_goes_on(text, tokens, j, other) {
                close(&mut bounds, j, sentence_paragraph);
                start = j;
                has_content = false;
                words = 0;
            }
            i = j;
            continue;
        }
        if token.abbreviation == Abbreviation::Other
            && i + 1 < n
            && tokens[i + 1].class == TokenClass::Space
            && !hard(i + 1)
            && (next_is_capitalized_common_word(text, tokens, i + 1, other)
                || (token_text().eq_ignore_ascii_case("etc.")
                    && next_starts_upper_case(text, tokens, i + 1)))
        {
            close(&mut bounds, i + 2, sentence_paragraph);
            start = i + 2;
            has_content = false;
            words = 0;
            i += 2;
            continue;
        }
        i += 1;
    }
    if start < n {
        if has_content && marker_only && !bounds.is_empty() {
            // A marker that ends the text joins the sentence before it.
            if let Some(last) = bounds.last_mut() {
                last.0 = n as u32;
            }
        } else if has_content {
            close(&mut bounds, n, sentence_paragraph);
        } else if let Some(last) = bounds.last_mut() {
            // Trailing whitespace belongs to the last sentence.
            last.0 = n as u32;
        }
    }
    with_units(&bounds, units)
}

/// Where the terminators that end before `from` stop: further terminators,
/// closing marks ("?!", `.”`) and the dots of a spaced ellipsis (`. . .`)
/// are taken in.
fn sentence_end(
    text: &str,
    tokens: &[Token],
    from: usize,
    hard: &impl Fn(usize) -> bool,
    other: Option<&Rules>,
) -> usize {
    let n = tokens.len();
    let mut j = from;
    let wide = other.is_some_and(closes_with_opening_marks);
    let closes =
        |c: char| is_closer(c) || is_terminator(c) || (wide && is_closer_of_other_languages(c));
    loop {
        while j < n
            && tokens[j].class == TokenClass::Punct
            && tokens[j].text(text).chars().all(closes)
        {
            j += 1;
        }
        #[cfg(feature = "languages")]
        if let Some(rules) = other {
            j = spaced_closing_guillemet(text, tokens, j, hard, rules);
        }
        // A run of periods is one token ("..."), and "… ." is as spaced as
        // "... ." is.
        let periods = |t: &Token| t.text(text).chars().all(|c| matches!(c, '.' | '…'));
        let spaced_dot = j + 1 < n
            && periods(&tokens[j - 1])
            && tokens[j].class == TokenClass::Space
            && !hard(j)
            && periods(&tokens[j + 1])
            && tokens
                .get(j + 2)
                .is_none_or(|t| t.class != TokenClass::Word);
        if !spaced_dot {
            return j;
        }
        j += 2;
    }
}

/// How many tokens from `at`, the first of a line, make a list marker
/// followed by white space (`1.`, `2)`, `a.`, `•`, `-`, `*`, `–`): 0 when
/// the line starts otherwise.
fn list_marker(text: &str, tokens: &[Token], at: usize) -> usize {
    for len in [1, 2] {
        let Some(after) = tokens.get(at + len) else {
            return 0;
        };
        if after.class != TokenClass::Space {
            continue;
        }
        let first = tokens[at].start as usize;
        let last = tokens[at + len - 1].end as usize;
        if wrap::is_list_marker(&text[first..last]) {
            return len;
        }
    }
    0
}

/// Whether token `at` is the first of its line.
fn line_start_marker(text: &str, tokens: &[Token], at: usize) -> bool {
    at == 0 || {
        let before = tokens[at - 1];
        before.class == TokenClass::Space && before.text(text).contains(is_line_break)
    }
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

/// Thai and Lao mark the end of a sentence (or of a clause) with a space,
/// not a full stop: `sentences` (of a text in one of them) split again
/// after every space that stands between a word of the script (with any
/// closing marks after it) and the next word of the script. A line break
/// ends a sentence as it does everywhere; a space before a number, a Latin
/// word or an opening quotation mark does not. The names of people, written
/// with a space between given name and family name, split too: a reader of
/// Thai knows them, the rule does not (see `docs/languages.md`).
#[cfg(feature = "languages")]
pub fn split_at_thai_spaces(
    text: &str,
    tokens: &[Token],
    units: &Units,
    sentences: Vec<Sentence>,
) -> Vec<Sentence> {
    let thai = |c: char| matches!(c as u32, 0x0E01..=0x0E5B | 0x0E81..=0x0EDF);
    let ends_thai = |token: &Token| token.text(text).chars().next_back().is_some_and(thai);
    let starts_thai = |token: &Token| token.text(text).chars().next().is_some_and(thai);
    let mut bounds: Vec<(u32, u32)> = Vec::with_capacity(sentences.len());
    for sentence in &sentences {
        let range = sentence.tokens.start as usize..sentence.tokens.end as usize;
        for i in range.clone() {
            let token = &tokens[i];
            let ends_here = token.class == TokenClass::Space
                && i + 1 < range.end
                && !token.text(text).contains(is_line_break)
                && tokens[i + 1].class == TokenClass::Word
                && starts_thai(&tokens[i + 1])
                && tokens[range.start..i]
                    .iter()
                    .rev()
                    .find(|t| {
                        !(t.class == TokenClass::Punct && t.text(text).chars().all(is_closer))
                    })
                    .is_some_and(|t| t.class == TokenClass::Word && ends_thai(t));
            if ends_here {
                bounds.push((i as u32 + 1, sentence.paragraph));
            }
        }
        bounds.push((sentence.tokens.end, sentence.paragraph));
    }
    if bounds.len() == sentences.len() {
        return sentences;
    }
    with_units(&bounds, units)
}

/// The first non-space token after `space`, if any.
fn next_word(tokens: &[Token], space: usize) -> Option<&Token> {
    tokens[space + 1..].iter().find(|t| !t.is_space())
}

fn next_starts_lower_case(
    text: &str,
    tokens: &[Token],
    space: usize,
    other: Option<&Rules>,
) -> bool {
    #[cfg(feature = "languages")]
    if other.is_some() {
        return next_past_dashes(text, tokens, space)
            .and_then(|t| t.text(text).chars().next())
            .is_some_and(char::is_lowercase);
    }
    let _ = other;
    next_word(tokens, space)
        .and_then(|t| t.text(text).chars().next())
        .is_some_and(char::is_lowercase)
}

fn next_starts_upper_case(text: &str, tokens: &[Token], space: usize) -> bool {
    next_word(tokens, space)
        .and_then(|t| t.text(text).chars().next())
        .is_some_and(char::is_uppercase)
}

fn next_is_capitalized_common_word(
    text: &str,
    tokens: &[Token],
    space: usize,
    other: Option<&Rules>,
) -> bool {
    let Some(token) = next_word(tokens, space) else {
        return true;
    };
    let word = token.text(text);
    #[cfg(feature = "languages")]
    if let Some(rules) = other {
        // An inverted mark opens a sentence ("etc. ¿Qué…").
        return word.starts_with(is_inverted_mark)
            || (word.chars().next().is_some_and(char::is_uppercase) && rules.is_common(word));
    }
    let _ = other;
    word.chars().next().is_some_and(char::is_uppercase) && crate::keys::is_common_word(word)
}

/// Closing quotation marks of other languages than English, taken in after
/// a terminator: German „…“ and ‚…‘, Danish and German »…«.
fn is_closer_of_other_languages(c: char) -> bool {
    matches!(c, '“' | '‘' | '«' | '‹')
}

/// Whether [`is_closer_of_other_languages`] closes after a terminator in a
/// language: in all but Chinese, Japanese and Korean, where “ and ‘ open a
/// quotation right after a terminator, with no space ("下雨。“你好”").
fn closes_with_opening_marks(rules: &Rules) -> bool {
    !rules
        .language()
        .is_some_and(|l| matches!(l.code(), "zh" | "ja" | "ko"))
}

/// The Spanish inverted marks, which open a sentence.
#[cfg(feature = "languages")]
fn is_inverted_mark(c: char) -> bool {
    matches!(c, '¿' | '¡')
}

/// Languages that write an ordinal number as its digits and a period ("am
/// 3. Oktober", "den 3. oktober", "3. lokakuuta", "október 3."…): German,
/// Danish, Norwegian, Finnish, Hungarian, Turkish, Czech, Polish.
#[cfg(feature = "languages")]
const ORDINALS_WITH_A_PERIOD: &[&str] = &["cs", "da", "de", "fi", "hu", "no", "pl", "tr"];

/// Whether the period `at`, followed by white space at `space`, ends an
/// ordinal number of one or two digits ("am 3. Oktober") in a language that
/// writes them so: then the sentence goes on, unless the next word opens
/// one as after an abbreviation (a capitalized common word, "Der", "Die").
fn ordinal_continues(
    text: &str,
    tokens: &[Token],
    at: usize,
    space: usize,
    other: Option<&Rules>,
) -> bool {
    #[cfg(feature = "languages")]
    if let Some(rules) = other {
        let ordinals = rules
            .language()
            .is_some_and(|l| ORDINALS_WITH_A_PERIOD.contains(&l.code()));
        let number = at
            .checked_sub(1)
            .map(|n| &tokens[n])
            .filter(|n| n.end == tokens[at].start && n.class == TokenClass::Word);
        // After white space or an opening bracket or quotation mark, not
        // inside a figure ("2:1.", "1.5.", "3-4.").
        let alone = at < 2
            || tokens[at - 2].class == TokenClass::Space
            || matches!(
                tokens[at - 2].text(text),
                "(" | "[" | "„" | "«" | "»" | "“" | "\""
            );
        return ordinals
            && space == at + 1
            && tokens[at].end - tokens[at].start == 1
            && alone
            && number.is_some_and(|n| {
                let digits = n.text(text);
                digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit())
            })
            && !next_is_capitalized_common_word(text, tokens, space, other);
    }
    let _ = (text, tokens, at, space, other);
    false
}

/// Whether a Japanese quotation that closes before token `at` after its
/// terminator goes on in its sentence: 「はい。」と言った (と and って,
/// which quote, follow it).
fn quotation_goes_on(text: &str, tokens: &[Token], at: usize, other: Option<&Rules>) -> bool {
    #[cfg(feature = "languages")]
    if let Some(rules) = other {
        let after = &text[tokens[at].start as usize..];
        return rules.language().is_some_and(|l| l.code() == "ja")
            && tokens[at - 1].text(text).ends_with(['」', '』'])
            && (after.starts_with('と') || after.starts_with("って"));
    }
    let _ = (text, tokens, at, other);
    false
}

/// The first token after `space` that is neither white space nor a dash:
/// in Spanish and Russian a dash opens the words that tell who spoke,
/// which go on the sentence ("¿Vienes? —preguntó él").
#[cfg(feature = "languages")]
fn next_past_dashes<'a>(text: &str, tokens: &'a [Token], space: usize) -> Option<&'a Token> {
    tokens[space + 1..]
        .iter()
        .find(|t| !t.is_space() && !matches!(t.text(text), "—" | "–" | "-"))
}

/// After the terminators and closing marks that end before `from`: a
/// French closing guillemet after a space (« Oui. » Il…) is taken in too.
#[cfg(feature = "languages")]
fn spaced_closing_guillemet(
    text: &str,
    tokens: &[Token],
    from: usize,
    hard: &impl Fn(usize) -> bool,
    rules: &Rules,
) -> usize {
    let french = rules.language().is_some_and(|l| l.code() == "fr");
    let closing = |t: &Token| matches!(t.text(text), "»" | "›");
    if french
        && from + 1 < tokens.len()
        && tokens[from].class == TokenClass::Space
        && !hard(from)
        && closing(&tokens[from + 1])
    {
        from + 2
    } else {
        from
    }
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
    fn the_full_stops_of_other_scripts_end_sentences() {
        // Arabic question mark, Devanagari danda, Armenian full stop
        // (issue 14: it was not a sentence end).
        assert_eq!(split("هل وصل؟ نعم وصل."), ["هل وصل؟", "نعم وصل."]);
        assert_eq!(split("यह पहला है। यह दूसरा है।"), ["यह पहला है।", "यह दूसरा है।"]);
        assert_eq!(
            split("Սա առաջինն է։ Սա երկրորդն է։"),
            ["Սա առաջինն է։", "Սա երկրորդն է։"]
        );
        // Khmer khan and Burmese section mark.
        assert_eq!(
            split("ស្ពាន\u{200B}បើក\u{200B}ហើយ។ អ្នក\u{200B}ភូមិ\u{200B}រីករាយ។"),
            ["ស្ពាន\u{200B}បើក\u{200B}ហើយ។", "អ្នក\u{200B}ភូមិ\u{200B}រីករាយ។"]
        );
        assert_eq!(
            split("တံတား ဖွင့်ပြီ။ ရွာသားများ ဝမ်းသာသည်။"),
            ["တံတား ဖွင့်ပြီ။", "ရွာသားများ ဝမ်းသာသည်။"]
        );
    }

    #[cfg(feature = "languages")]
    #[test]
    fn a_space_between_thai_words_ends_a_sentence() {
        let text = "สะพานเปิดแล้ว ชาวบ้านดีใจ\nเขากล่าวว่า \"ดีมาก\" ทุกคนมา 2 คน ok";
        let tokens = tokenize(text, true);
        let units = Vocabulary::new(&crate::keys::nfkc).units(text, &tokens, &Options::default());
        let sentences =
            split_at_thai_spaces(text, &tokens, &units, sentences(text, &tokens, &units));
        let found: Vec<&str> = sentences
            .iter()
            .map(|s| {
                let bytes = tokens[s.tokens.start as usize].start as usize
                    ..tokens[s.tokens.end as usize - 1].end as usize;
                text[bytes].trim_end()
            })
            .collect();
        // Not before an opening quotation mark, a number or a Latin word;
        // after a closing quotation mark, yes.
        assert_eq!(
            found,
            [
                "สะพานเปิดแล้ว",
                "ชาวบ้านดีใจ",
                "เขากล่าวว่า \"ดีมาก\"",
                "ทุกคนมา 2 คน ok"
            ]
        );
        assert_eq!(sentences[1].paragraph, 0);
        assert_eq!(sentences[2].paragraph, 1);
        let units_covered: u32 = sentences.iter().map(|s| s.units.len() as u32).sum();
        assert_eq!(units_covered as usize, units.len());
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

    /// The sentences of a text with white space collapsed.
    fn split_flat(text: &str) -> Vec<String> {
        split(text)
            .iter()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    fn paragraphs(text: &str) -> Vec<u32> {
        let tokens = tokenize(text, true);
        let units = Vocabulary::new(&crate::keys::nfkc).units(text, &tokens, &Options::default());
        sentences(text, &tokens, &units)
            .iter()
            .map(|s| s.paragraph)
            .collect()
    }

    /// Greedy word wrap of every line at `width` columns.
    fn wrap(text: &str, width: usize) -> String {
        let mut out = String::new();
        for line in text.split('\n') {
            let mut column = 0;
            for word in line.split(' ') {
                let len = word.chars().count();
                if column > 0 && column + 1 + len > width {
                    out.push('\n');
                    column = 0;
                } else if column > 0 {
                    out.push(' ');
                    column += 1;
                }
                out.push_str(word);
                column += len;
            }
            out.push('\n');
        }
        out
    }

    const ARTICLE: &str = "The United States and China have pledged to find a way to better get \
        along with each other in cyberspace, officials said on Wednesday. Following two days \
        of talks, the US touted progress in convincing the Chinese government to work \
        together on a code of conduct. No specific details were revealed, but the president \
        said he urged China to take concrete steps to lower tensions. Chinese State Councilor \
        Yang Jiechi said his country is ready to cooperate with the US on cybersecurity.";

    #[test]
    fn a_wrapped_paragraph_reads_as_the_unwrapped_one() {
        for width in [60, 72, 80] {
            let wrapped = wrap(ARTICLE, width);
            assert!(wrapped.lines().count() > 4);
            assert_eq!(split_flat(&wrapped), split(ARTICLE), "at {width} columns");
            assert!(paragraphs(&wrapped).iter().all(|&p| p == 0));
        }
    }

    #[test]
    fn a_marker_alone_on_its_line_keeps_the_paragraphs_counted() {
        assert_eq!(paragraphs("First.\n\n*\n\nSecond.\n\nThird."), [0, 2, 3]);
    }

    #[test]
    fn a_run_on_of_wrapped_lines_ends_at_a_line_after_sixty_words() {
        // A menu pasted as wrapped lines, with no sentence end: its lines
        // are what a reader goes by once a sentence would run past 60 words.
        let menu = (0..120)
            .map(|i| format!("dish{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let wrapped = wrap(&menu, 72);
        let found = split(&wrapped);
        assert!(found.len() >= 2, "{found:?}");
        for sentence in &found[..found.len() - 1] {
            let words = sentence.split_whitespace().count();
            assert!(
                (RUN_ON_WORDS..RUN_ON_WORDS + 12).contains(&words),
                "{words}"
            );
        }
        // Prose sentences, shorter, stay whole.
        assert_eq!(split_flat(&wrap(ARTICLE, 72)), split(ARTICLE));
    }

    #[test]
    fn a_headline_and_wrapped_paragraphs_keep_their_paragraphs() {
        let second = "Kerry added that work would go on, and that the two sides would meet \
            again in the autumn to take stock of what had been achieved since the talks.";
        let unwrapped = format!("US and China pledge to cooperate\n\n{ARTICLE}\n\n{second}\n");
        let wrapped = format!(
            "US and China pledge to cooperate\n\n{}\n{}",
            wrap(ARTICLE, 72),
            wrap(second, 72)
        );
        assert_eq!(split_flat(&wrapped), split_flat(&unwrapped));
        assert_eq!(paragraphs(&wrapped), paragraphs(&unwrapped));
        assert_eq!(paragraphs(&wrapped), [0, 1, 1, 1, 1, 2]);
        // Paragraphs separated by a single line break stay apart too, when
        // the last line leaves room for the next word (at 72 columns it
        // ends 68 long, and "Kerry" would not have fitted).
        let single = format!("{}{}", wrap(ARTICLE, 80), wrap(second, 80));
        assert_eq!(paragraphs(&single), [0, 0, 0, 0, 1]);
    }

    #[test]
    fn a_wrapped_text_keeps_its_lists_headings_and_short_lines() {
        let text = format!(
            "{}What to bring\n- a tent that sleeps two people and a stove\n- water\n\
             • food for three days, more if the weather turns\n1. Register at the desk\n\
             2) Pay the fee\nThanks\n",
            wrap(ARTICLE, 72)
        );
        assert_eq!(
            split(&text)[4..],
            [
                "What to bring",
                "- a tent that sleeps two people and a stove",
                "- water",
                "• food for three days, more if the weather turns",
                "1. Register at the desk",
                "2) Pay the fee",
                "Thanks",
            ]
        );
    }

    #[test]
    fn a_number_or_dash_wrapped_onto_a_line_continues_the_sentence() {
        let text = "The vote on the new budget for the town library is now set for Friday, March\n\
            2. Members of the council asked for a delay of two weeks, which the mayor\n\
            refused at first - and then granted after a long and, sometimes, very bitter\n\
            - debate in the chamber that ran until late in the evening on Tuesday.\n";
        assert_eq!(
            split_flat(text),
            [
                "The vote on the new budget for the town library is now set for Friday, March 2.",
                "Members of the council asked for a delay of two weeks, which the mayor \
                 refused at first - and then granted after a long and, sometimes, very bitter \
                 - debate in the chamber that ran until late in the evening on Tuesday."
            ]
        );
    }

    #[test]
    fn verse_and_short_lines_are_not_joined() {
        let poem = "Whose woods these are I think I know\nHis house is in the village though\n\
            he will not see me stopping here\nto watch his woods fill up with snow\n";
        assert_eq!(split(poem).len(), 4);
        let headlines = "Storm closes bridge\nMayor calls for calm\nschools stay open\n";
        assert_eq!(split(headlines).len(), 3);
        // Long lines, one paragraph each, that end without a terminator.
        let items = "The committee will meet on Tuesday in the main hall to discuss the budget\n\
            The library will stay closed until the roof is repaired after the storm\n\
            The mayor will speak at the opening of the new bridge over the river\n\
            Schools in the north of the county will open again on Monday morning\n";
        assert_eq!(split(items).len(), 4);
    }

    #[test]
    fn a_list_marker_belongs_to_its_item() {
        assert_eq!(
            split("1. Preheat the oven.\n2. Mix the flour. Then add eggs.\na. Stir\nB. Bake"),
            [
                "1. Preheat the oven.",
                "2. Mix the flour.",
                "Then add eggs.",
                "a. Stir",
                "B. Bake"
            ]
        );
        assert_eq!(
            split("1.\nPreheat the oven.\n2.\nMix."),
            ["1.\nPreheat the oven.", "2.\nMix."]
        );
        assert_eq!(
            split("* One\n- Two\n• Three"),
            ["* One", "- Two", "• Three"]
        );
    }

    #[test]
    fn a_heading_without_punctuation_is_its_own_sentence() {
        assert_eq!(
            split("Results\nThe team won. Next week\nThey play again."),
            ["Results", "The team won.", "Next week", "They play again."]
        );
    }

    #[test]
    fn a_dateline_belongs_to_the_sentence_it_introduces() {
        assert_eq!(
            split("WASHINGTON (AP) — The president said on Monday. Others did not."),
            [
                "WASHINGTON (AP) — The president said on Monday.",
                "Others did not."
            ]
        );
        assert_eq!(
            split("LONDON, Jan. 5 (Reuters) - Prices rose. WASHINGTON, D.C. — Not here."),
            [
                "LONDON, Jan. 5 (Reuters) - Prices rose.",
                "WASHINGTON, D.C. — Not here."
            ]
        );
    }

    #[test]
    fn ellipses_split_before_a_capital_only() {
        assert_eq!(
            split("We waited... Then it came. It was… Nothing. And so… on we went."),
            [
                "We waited...",
                "Then it came.",
                "It was…",
                "Nothing.",
                "And so… on we went."
            ]
        );
        assert_eq!(
            split("We waited . . . Then it came. Wait . . . and see."),
            ["We waited . . .", "Then it came.", "Wait . . . and see."]
        );
    }

    #[test]
    fn three_periods_split_as_the_ellipsis_character_does() {
        for text in [
            "We waited... Then it came. And so... on we went.",
            "They sold pens, etc... Smith bought some etc... but not much.",
            "Wait... . Then it came.",
            "It ended -- or did it... “Yes,” she said.",
        ] {
            let typographic = text.replace("...", "…");
            assert_eq!(
                split(text).len(),
                split(&typographic).len(),
                "{text:?} against {typographic:?}"
            );
        }
        assert_eq!(
            split("They sold pens, etc... Smith bought some."),
            ["They sold pens, etc...", "Smith bought some."]
        );
    }

    #[test]
    fn etc_ends_a_sentence_before_any_capital() {
        assert_eq!(
            split("They sold pens, paper, etc. Smith bought some. Pens etc. were cheap."),
            [
                "They sold pens, paper, etc.",
                "Smith bought some.",
                "Pens etc. were cheap."
            ]
        );
    }
}

#[cfg(all(test, feature = "languages"))]
mod language_tests {
    use super::*;
    use crate::keys::Vocabulary;
    use crate::language::Language;
    use crate::options::Options;
    use crate::text::Text;

    /// The sentences of `text` read in the language of `code`, trimmed.
    fn split_in(code: &str, text: &str) -> Vec<String> {
        let language = Language::from_code(code).unwrap();
        let mut vocabulary = Vocabulary::with_rules(&crate::keys::nfkc, Rules::new(Some(language)));
        let read = Text::read(text, &Options::default(), &mut vocabulary);
        read.sentences
            .iter()
            .map(|s| {
                let bytes = read.sentence_bytes(s);
                text[bytes.start as usize..bytes.end as usize].to_string()
            })
            .collect()
    }

    /// Sentences as written in the fixtures of each language: original,
    /// rewrite, unrelated text (the headline is one), as in
    /// `bench/languages.mjs`.
    const WRITTEN: &[(&str, [usize; 3])] = &[
        ("de", [9, 9, 7]),
        ("fr", [9, 9, 7]),
        ("es", [10, 10, 7]),
        ("ru", [9, 9, 7]),
        ("ar", [9, 9, 7]),
        ("zh", [9, 9, 7]),
        ("ja", [9, 9, 7]),
    ];

    #[test]
    fn german_ordinals_and_abbreviations_hold_their_period() {
        assert_eq!(
            split_in(
                "de",
                "Sie hat am 3. Oktober geöffnet. Das kostet z. B. fünf Euro, d. h. wenig."
            ),
            [
                "Sie hat am 3. Oktober geöffnet.",
                "Das kostet z. B. fünf Euro, d. h. wenig."
            ]
        );
        assert_eq!(
            split_in(
                "de",
                "Es kamen u. a. Schüler. Prof. Weber und Dr. Keller sprachen (12. Mai) lange."
            ),
            [
                "Es kamen u. a. Schüler.",
                "Prof. Weber und Dr. Keller sprachen (12. Mai) lange."
            ]
        );
        // A number ends a sentence before a capitalized common word, and
        // a score or a year is no ordinal.
        assert_eq!(
            split_in(
                "de",
                "Er wurde 3. Die anderen folgten. Es endete 2:1. Danach ging es heim."
            ),
            [
                "Er wurde 3.",
                "Die anderen folgten.",
                "Es endete 2:1.",
                "Danach ging es heim."
            ]
        );
        // Case counts: "So." is Sunday, "so." ends a sentence.
        assert_eq!(
            split_in("de", "Das ist so. Morgen kommt er."),
            ["Das ist so.", "Morgen kommt er."]
        );
        // English's abbreviations are not German's: "no." ends a sentence.
        assert_eq!(
            split_in("es", "Dijo que no. Juan se fue."),
            ["Dijo que no.", "Juan se fue."]
        );
    }

    #[test]
    fn german_and_danish_quotations_close_their_sentences() {
        assert_eq!(
            split_in(
                "de",
                "„Komm mit.“ Er ging. ‚Ja.‘ Sie blieb. »Nein.« Er lachte."
            ),
            [
                "„Komm mit.“",
                "Er ging.",
                "‚Ja.‘",
                "Sie blieb.",
                "»Nein.«",
                "Er lachte."
            ]
        );
    }

    #[test]
    fn french_titles_and_spaced_guillemets() {
        assert_eq!(
            split_in(
                "fr",
                "M. Dupont est venu. Il a vu M. Le Maire hier. « Tout va bien. » Il sourit."
            ),
            [
                "M. Dupont est venu.",
                "Il a vu M. Le Maire hier.",
                "« Tout va bien. »",
                "Il sourit."
            ]
        );
    }

    #[test]
    fn spanish_inverted_marks_open_sentences() {
        assert_eq!(
            split_in(
                "es",
                "¿Vienes mañana? Sí, claro. ¡Qué bien! ¿Y tú? —preguntó ella. Luego se fue."
            ),
            [
                "¿Vienes mañana?",
                "Sí, claro.",
                "¡Qué bien!",
                "¿Y tú? —preguntó ella.",
                "Luego se fue."
            ]
        );
        assert_eq!(
            split_in(
                "es",
                "El Sr. García viajó a EE. UU. en mayo, p. ej. a Miami. Vive en EE. UU. El resto no."
            ),
            [
                "El Sr. García viajó a EE. UU. en mayo, p. ej. a Miami.",
                "Vive en EE. UU.",
                "El resto no."
            ]
        );
        assert_eq!(
            split_in("es", "Compró pan, leche, etc. ¿Y tú qué compraste?"),
            ["Compró pan, leche, etc.", "¿Y tú qué compraste?"]
        );
    }

    #[test]
    fn italian_and_portuguese_titles() {
        assert_eq!(
            split_in(
                "it",
                "Il Sig. Rossi è arrivato. Il dott. Bianchi parla. Poi è partito."
            ),
            [
                "Il Sig. Rossi è arrivato.",
                "Il dott. Bianchi parla.",
                "Poi è partito."
            ]
        );
        assert_eq!(
            split_in(
                "pt",
                "O Sr. Silva e a Dra. Costa chegaram. Depois, p. ex. às dez, saíram."
            ),
            [
                "O Sr. Silva e a Dra. Costa chegaram.",
                "Depois, p. ex. às dez, saíram."
            ]
        );
    }

    #[test]
    fn russian_abbreviations_and_dialogue() {
        assert_eq!(
            split_in(
                "ru",
                "В 2020 г. Москва выросла, т. е. стала больше. Кто это? — спросил он. Никто не ответил."
            ),
            [
                "В 2020 г. Москва выросла, т. е. стала больше.",
                "Кто это? — спросил он.",
                "Никто не ответил."
            ]
        );
        assert_eq!(
            split_in("ru", "«Мост открыт», — сказал он. «Ура!» Все радовались."),
            ["«Мост открыт», — сказал он.", "«Ура!»", "Все радовались."]
        );
    }

    #[test]
    fn full_stops_of_other_scripts() {
        assert_eq!(
            split_in("ar", "هل وصل؟ نعم، وصل أمس. وقال: «لن نسافر». وانتهى."),
            ["هل وصل؟", "نعم، وصل أمس.", "وقال: «لن نسافر».", "وانتهى."]
        );
        assert_eq!(
            split_in("hi", "यह पहला वाक्य है। क्या यह दूसरा है? हाँ।"),
            ["यह पहला वाक्य है।", "क्या यह दूसरा है?", "हाँ।"]
        );
        assert_eq!(
            split_in("hy", "Սա առաջինն է։ Իսկ սա՞ երկրորդն է։"),
            ["Սա առաջինն է։", "Իսկ սա՞ երկրորդն է։"]
        );
    }

    #[test]
    fn chinese_and_japanese_split_without_spaces() {
        assert_eq!(
            split_in(
                "zh",
                "今天下雨。明天呢？后天晴！他说：“我们希望。”开馆首日人很多。“真好！”"
            ),
            [
                "今天下雨。",
                "明天呢？",
                "后天晴！",
                "他说：“我们希望。”",
                "开馆首日人很多。",
                "“真好！”"
            ]
        );
        assert_eq!(
            split_in(
                "ja",
                "今日は晴れ。明日は雨？彼は「はい。」と言った。『行こう！』皆が笑った。"
            ),
            [
                "今日は晴れ。",
                "明日は雨？",
                "彼は「はい。」と言った。",
                "『行こう！』",
                "皆が笑った。"
            ]
        );
    }

    /// The quoted words of `text` read in the language of `code`.
    fn quoted_in(code: &str, text: &str) -> Vec<String> {
        let language = Language::from_code(code).unwrap();
        let mut vocabulary = Vocabulary::with_rules(&crate::keys::nfkc, Rules::new(Some(language)));
        let read = Text::read(text, &Options::default(), &mut vocabulary);
        (0..read.units.len())
            .filter(|&u| read.quoted[u])
            .map(|u| read.tokens[read.units.token[u] as usize])
            .filter(|t| t.class == TokenClass::Word)
            .map(|t| t.text(text).to_string())
            .collect()
    }

    #[test]
    fn each_language_s_quotation_marks_quote() {
        for (code, text, quoted) in [
            ("de", "Er sagte „ja“ und ging.", "ja"),
            ("de", "Er sagte ‚ja‘ und ging.", "ja"),
            ("de", "Er sagte »ja« und ging.", "ja"),
            ("da", "Han sagde »ja« og gik.", "ja"),
            ("sv", "Han sa »ja» och gick.", "ja"),
            ("sv", "Han sa ”ja” och gick.", "ja"),
            ("fi", "Hän sanoi ”kyllä” ja lähti.", "kyllä"),
            ("pl", "Powiedział „tak” i wyszedł.", "tak"),
            ("cs", "Řekl ‚ano‘ a odešel.", "ano"),
            ("nl", "Hij zei ‚ja’ en ging.", "ja"),
            ("fr", "Il a dit « oui » et il est parti.", "oui"),
            ("fr", "Il a dit ‹ oui › et il est parti.", "oui"),
            ("es", "Dijo «sí» y se fue.", "sí"),
            ("ru", "Он сказал «да» и ушёл.", "да"),
            ("ar", "قال «نعم» ثم ذهب.", "نعم"),
            ("zh", "他说“好”就走了。", "好"),
            ("ja", "彼は『本』と言った。", "本"),
            ("ja", "彼は「本」と言った。", "本"),
        ] {
            assert_eq!(quoted_in(code, text), [quoted], "{code}: {text}");
        }
        // An apostrophe inside ‚…‘ closes nothing; a word after a
        // closing mark is not quoted.
        assert_eq!(quoted_in("de", "Er sagte ‚geht’s‘ und ging."), ["geht’s"]);
        assert_eq!(quoted_in("de", "»Ja«, sagte er, »nein«."), ["Ja", "nein"]);
    }

    #[test]
    fn the_fixtures_split_as_written() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/languages");
        for (code, counts) in WRITTEN {
            for (file, count) in ["original", "rewrite", "unrelated"].iter().zip(counts) {
                let text = std::fs::read_to_string(format!("{root}/{code}/{file}.txt")).unwrap();
                let found = split_in(code, &text);
                assert_eq!(found.len(), *count, "{code}/{file}: {found:#?}");
            }
        }
    }
}
