//! The text report: a summary, then one block per row.
//!
//! Plain text marks deletions `[-like this-]` and insertions `{+like this+}`
//! (inside a nearly matching word only the changed characters are marked);
//! a hyphen, dash, plus sign, bracket or brace at either end of a change is
//! written by name (`well[-<hyphen>-]known`), so that it cannot run into the
//! marks;
//! each block then lists the copied passages in it. With colour, deletions
//! are red, insertions green, changed characters reversed, and copied
//! passages underlined.

use std::fmt::Write;
use std::io;
use std::ops::Range;

use super::wording::{Values, language_phrase, phrase};
use super::{
    Labels, Piece, SourceRow, each_source_row, given_places, percent, pieces, source_letter,
};
use crate::model::{Comparison, Kind, Op, Order, Row, Side};
use crate::sources::{SourceEntry, Sources};

/// How to mark changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Style {
    /// `[-deleted-]` and `{+inserted+}`, for files and pipes.
    Plain,
    /// ANSI colours, for terminals.
    Colour,
}

/// Renders the text report.
pub fn render(comparison: &Comparison<'_>, style: Style) -> String {
    let mut out = String::new();
    let _ = each_piece(comparison, style, |piece| {
        out.push_str(piece);
        Ok(())
    });
    out
}

/// Writes the text report to `out` as it is made, a row at a time, so that
/// the whole report is never held at once.
///
/// # Errors
///
/// The first error writing to `out` returns; the report stops there.
pub fn write(comparison: &Comparison<'_>, style: Style, mut out: impl io::Write) -> io::Result<()> {
    each_piece(comparison, style, |piece| out.write_all(piece.as_bytes()))
}

/// Makes the report in pieces (the summary, then one row each) and hands
/// each to `emit`.
fn each_piece(
    comparison: &Comparison<'_>,
    style: Style,
    mut emit: impl FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    let labels = [
        Labels::new(&comparison.original_side().sentences),
        Labels::new(&comparison.paraphrase_side().sentences),
    ];
    let mut piece = String::new();
    summary(&mut piece, comparison, style);
    emit(&piece)?;
    for row in comparison.rows(Order::Paraphrase) {
        piece.clear();
        piece.push('\n');
        match row {
            Row::Pair(index) => pair(&mut piece, comparison, &labels, index, style),
            Row::New(index) => unpaired(&mut piece, comparison, &labels, index, true, style),
            Row::Dropped(index) => unpaired(&mut piece, comparison, &labels, index, false, style),
        }
        emit(&piece)?;
    }
    Ok(())
}

/// Writes the report on a text compared with several sources (`text`
/// names the text, `entries` the sources as given; see
/// [`Sources::write_json_pretty`]): a legend, a line a source with its
/// letter, then the text a row at a time, each passage copied from a source
/// marked with its letter, `[A: like this]` (and in colour with colour too),
/// each pair under its source's letter and verdict beside the source's
/// sentence.
///
/// # Errors
///
/// The first error writing to `out` returns; the report stops there.
pub fn write_sources(
    sources: &Sources<'_>,
    entries: &[SourceEntry<'_>],
    text: &str,
    style: Style,
    mut out: impl io::Write,
) -> io::Result<()> {
    let given = given_places(entries);
    let mut piece = String::new();
    sources_legend(&mut piece, sources, entries, text, style);
    out.write_all(piece.as_bytes())?;
    each_source_row(sources, &given, |row| {
        piece.clear();
        piece.push('\n');
        match row {
            SourceRow::Pair {
                comparison,
                pair,
                place,
                in_source,
                in_text,
            } => {
                let letter = source_letter(place);
                let header = format!(
                    "{letter} · {} · {}",
                    pair.verdict.name(),
                    super::source_shares_text(pair, &letter)
                );
                coloured(&mut piece, &header, place, style);
                piece.push('\n');
                let mut source_line = String::new();
                push_on_one_line(&mut source_line, comparison.original_text(&pair.original));
                let _ = writeln!(piece, "  - {letter} {in_source}: {source_line}");
                let _ = writeln!(
                    piece,
                    "  + {in_text}: {}",
                    marked_text(sources, &given, &pair.paraphrase, style)
                );
            }
            SourceRow::Alone {
                range,
                in_text,
                repeats,
            } => {
                match repeats {
                    Some((place, in_source)) => {
                        let letter = source_letter(place);
                        let header = format!("{letter} · copied · repeats {letter} {in_source}");
                        coloured(&mut piece, &header, place, style);
                    }
                    None => bold(&mut piece, "new", style),
                }
                piece.push('\n');
                let _ = writeln!(
                    piece,
                    "  + {in_text}: {}",
                    marked_text(sources, &given, range, style)
                );
            }
        }
        out.write_all(piece.as_bytes())
    })
}

/// The legend of the report on sources: a line on the text, a table of
/// the sources (a line each, one for all of them), how passages are marked.
fn sources_legend(
    out: &mut String,
    sources: &Sources<'_>,
    entries: &[SourceEntry<'_>],
    text: &str,
    style: Style,
) {
    let words = sources.text_words;
    bold(out, "article-diff", style);
    let mut text_name = String::new();
    push_on_one_line(&mut text_name, text);
    let _ = writeln!(
        out,
        ": text {text_name}, {} in {}, against {}\n",
        counted(words, "word"),
        counted(sources.sentences.len() as u32, "sentence"),
        counted(entries.len() as u32, "source")
    );
    let names: Vec<String> = entries
        .iter()
        .map(|entry| {
            let mut name = String::new();
            push_on_one_line(&mut name, entry.name);
            name
        })
        .collect();
    let width = names
        .iter()
        .map(|name| name.chars().count())
        .chain([4])
        .max()
        .unwrap_or(4);
    let letters = source_letter(entries.len().saturating_sub(1) as u32)
        .len()
        .max(6);
    let pad = |text: &str, width: usize| {
        let fill = width.saturating_sub(text.chars().count());
        format!("{text}{}", " ".repeat(fill))
    };
    let figures = |copied: u32, runs: u32, pairs: u32| {
        format!(
            "{copied:>12}  {:>5.1}%  {runs:>8}  {pairs:>5}",
            percent(copied, words)
        )
    };
    let _ = writeln!(
        out,
        "{}  {}  {:>12}  {:>6}  {:>8}  {:>5}",
        pad("source", letters),
        pad("name", width),
        "copied words",
        "share",
        "passages",
        "pairs"
    );
    let mut compared = sources.per_source.iter();
    for (place, (entry, name)) in entries.iter().zip(&names).enumerate() {
        coloured(
            out,
            &pad(&source_letter(place as u32), letters),
            place as u32,
            style,
        );
        let _ = write!(out, "  {}  ", pad(name, width));
        match (
            entry.error,
            entry.error.is_none().then(|| compared.next()).flatten(),
        ) {
            (None, Some(s)) => {
                let _ = writeln!(out, "{}", figures(s.copied_words, s.runs, s.pairs));
            }
            (error, _) => {
                let mut message = String::new();
                push_on_one_line(&mut message, error.unwrap_or_default());
                let _ = writeln!(out, "not compared: {message}");
            }
        }
    }
    let whole = &sources.whole;
    let _ = writeln!(
        out,
        "{}  {}  {}",
        pad("all", letters),
        pad("", width),
        figures(whole.copied_words, whole.runs, whole.pairs)
    );
    let _ = writeln!(
        out,
        "\nAll: a word copied from several sources counts once. The rest of the text: reworded {}% ({}), new {}% ({}).",
        percent(sources.reworded_words, words),
        counted(sources.reworded_words, "word"),
        percent(sources.new_words, words),
        counted(sources.new_words, "word"),
    );
    let _ = writeln!(
        out,
        "A passage copied from source A is marked [A: like this]. A sentence paired with a source is headed by its letter and the pair's verdict, with the source's sentence (-) above it (+); a sentence in no pair whose every word is copied is headed 'copied · repeats', any other 'new'."
    );
    let stages = sources.cut_short();
    if !stages.is_empty() {
        let _ = writeln!(
            out,
            "Note: {}.",
            phrase("cutShort", &Values::cut_short(&stages))
        );
    }
}

/// Foreground colours of the sources in colour, in turn.
const SOURCE_COLOURS: [u8; 6] = [34, 35, 33, 36, 32, 31];

/// `text` in bold, and in the colour of the source at `place`.
fn coloured(out: &mut String, text: &str, place: u32, style: Style) {
    match style {
        Style::Plain => out.push_str(text),
        Style::Colour => {
            let colour = SOURCE_COLOURS[place as usize % SOURCE_COLOURS.len()];
            let _ = write!(out, "\x1b[1;{colour}m{text}\x1b[0m");
        }
    }
}

/// The text over `range` on one line, each copied passage marked with its
/// source's letter: `[A: like this]`, its spaces after it outside.
fn marked_text(sources: &Sources<'_>, given: &[u32], range: &Range<u32>, style: Style) -> String {
    let mut out = String::new();
    for Piece { text, source } in pieces(sources, given, range) {
        let Some(place) = source else {
            push_on_one_line(&mut out, text);
            continue;
        };
        let passage = text.trim_end();
        let letter = source_letter(place);
        match style {
            Style::Plain => {
                let _ = write!(out, "[{letter}: ");
                push_on_one_line(&mut out, passage);
                out.push(']');
            }
            Style::Colour => {
                let colour = SOURCE_COLOURS[place as usize % SOURCE_COLOURS.len()];
                let _ = write!(out, "\x1b[1;{colour}m[{letter}: \x1b[0;4;{colour}m");
                push_on_one_line(&mut out, passage);
                let _ = write!(out, "\x1b[0;1;{colour}m]\x1b[0m");
            }
        }
        push_on_one_line(&mut out, &text[passage.len()..]);
    }
    out
}

fn bold(out: &mut String, text: &str, style: Style) {
    match style {
        Style::Plain => out.push_str(text),
        Style::Colour => {
            let _ = write!(out, "\x1b[1m{text}\x1b[0m");
        }
    }
}

fn summary(out: &mut String, c: &Comparison<'_>, style: Style) {
    let s = c.stats();
    bold(out, "article-diff", style);
    let _ = writeln!(
        out,
        ": original {} in {}; paraphrase {} in {}",
        counted(s.original_words, "word"),
        counted(s.original_sentences, "sentence"),
        counted(s.paraphrase_words, "word"),
        counted(s.paraphrase_sentences, "sentence")
    );
    let _ = writeln!(
        out,
        "Paraphrase: copied {}% ({} words) · reworded {}% ({}) · new {}% ({})",
        percent(s.copied_words, s.paraphrase_words),
        s.copied_words,
        percent(s.reworded_words, s.paraphrase_words),
        s.reworded_words,
        percent(s.new_words, s.paraphrase_words),
        s.new_words
    );
    let _ = writeln!(
        out,
        "Original:   kept {}% ({} words) · reworded {}% ({}) · dropped {}% ({})",
        percent(s.kept_words, s.original_words),
        s.kept_words,
        percent(s.original_reworded_words, s.original_words),
        s.original_reworded_words,
        percent(s.dropped_words, s.original_words),
        s.dropped_words
    );
    // Worded as the page words them (www/wording.js).
    let values = Values::of(c);
    let _ = writeln!(
        out,
        "Copied passages: {}; {}",
        phrase("passageCount", &values),
        phrase("unquoted", &values)
    );
    let _ = writeln!(out, "Sentences: {}", phrase("sentences", &values));
    match language_phrase(c.languages(), &values) {
        (note, true) => {
            let _ = writeln!(out, "Note: {note}.");
        }
        (language, false) => {
            let _ = writeln!(out, "Language: {language}");
        }
    }
    if !c.is_complete() {
        let _ = writeln!(out, "Note: {}.", phrase("cutShort", &values));
    }
}

fn pair(out: &mut String, c: &Comparison<'_>, labels: &[Labels; 2], index: u32, style: Style) {
    let pair = &c.pairs()[index as usize];
    let mut header = format!("{} · pair {}", pair.verdict.name(), index + 1);
    if pair.moved {
        header.push_str(" · moved");
    }
    let _ = write!(
        header,
        " · {} · {}",
        super::evidence_text(pair),
        super::shares_text(pair)
    );
    bold(out, &header, style);
    out.push('\n');
    let _ = writeln!(
        out,
        "  - {}: {}",
        labels[0].range(&pair.original_sentences),
        line(
            c.original(),
            c.original_side(),
            &pair.original,
            false,
            style
        )
    );
    let _ = writeln!(
        out,
        "  + {}: {}",
        labels[1].range(&pair.paraphrase_sentences),
        line(
            c.paraphrase(),
            c.paraphrase_side(),
            &pair.paraphrase,
            true,
            style
        )
    );
    copied_notes(out, c, &labels[0], &pair.paraphrase);
}

fn unpaired(
    out: &mut String,
    c: &Comparison<'_>,
    labels: &[Labels; 2],
    index: u32,
    paraphrase: bool,
    style: Style,
) {
    let (text, side, sign, word) = if paraphrase {
        (c.paraphrase(), c.paraphrase_side(), '+', "new")
    } else {
        (c.original(), c.original_side(), '-', "dropped")
    };
    let sentence = &side.sentences[index as usize];
    match sentence.repeats {
        Some(source) => bold(
            out,
            &format!("copied · repeats original {}", labels[0].one(source)),
            style,
        ),
        None => bold(out, word, style),
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "  {sign} {}: {}",
        labels[usize::from(paraphrase)].one(index),
        line(text, side, &sentence.range, paraphrase, style)
    );
    if paraphrase {
        copied_notes(out, c, &labels[0], &sentence.range);
    }
}

/// The copied passages that start inside `range`, one line each (a passage
/// spanning several rows is noted at its first).
fn copied_notes(out: &mut String, c: &Comparison<'_>, original: &Labels, range: &Range<u32>) {
    let o = &c.original_side().sentences;
    let runs = c.runs();
    let first = runs.partition_point(|r| r.paraphrase.start < range.start);
    for run in runs[first..]
        .iter()
        .take_while(|r| r.paraphrase.start < range.end)
    {
        let source = o.partition_point(|s| s.range.end <= run.original.start);
        let _ = writeln!(
            out,
            "    copied {}{}{} from original {}: “{}”",
            counted(run.words, "word"),
            if run.quoted { ", quoted" } else { ", unquoted" },
            if run.moved { ", moved," } else { "" },
            original.one(source.min(o.len().saturating_sub(1)) as u32),
            {
                let mut visible = String::new();
                push_visible(&mut visible, &excerpt(c.paraphrase_text(&run.paraphrase)));
                visible
            }
        );
    }
}

/// Words shown of a long passage: its first ten and its last five.
const EXCERPT_HEAD: usize = 10;
const EXCERPT_TAIL: usize = 5;

/// A passage on one line, shortened in the middle when long.
fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= EXCERPT_HEAD + EXCERPT_TAIL + 3 {
        return words.join(" ");
    }
    format!(
        "{} … {}",
        words[..EXCERPT_HEAD].join(" "),
        words[words.len() - EXCERPT_TAIL..].join(" ")
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    Delete,
    Insert,
    DeleteChars,
    InsertChars,
}

/// One side's text over `range`, marked. In an unpaired sentence nothing is
/// marked as changed: its row says it is new or dropped.
fn line(text: &str, side: &Side, range: &Range<u32>, paraphrase: bool, style: Style) -> String {
    let spans = &side.spans;
    let first = spans.partition_point(|s| s.range.end <= range.start);
    let mut out = String::new();
    let mut mark = Mark::None;
    let mut underline = false;
    for span in spans[first..]
        .iter()
        .take_while(|s| s.range.start < range.end)
    {
        let start = span.range.start.max(range.start) as usize;
        let end = span.range.end.min(range.end) as usize;
        let unpaired = span.pair.is_none();
        let next = match (span.op, span.char_op) {
            (_, Some(Op::Equal)) => Mark::None,
            (Op::Delete, Some(_)) => Mark::DeleteChars,
            (Op::Insert, Some(_)) => Mark::InsertChars,
            (Op::Delete, None) if !unpaired => Mark::Delete,
            (Op::Insert, None) if !unpaired => Mark::Insert,
            _ => Mark::None,
        };
        let copied = matches!(span.kind, Kind::Copied | Kind::Kept);
        match style {
            Style::Plain => {
                if next != mark {
                    close_plain(&mut out, mark);
                    open_plain(&mut out, next);
                    mark = next;
                }
            }
            Style::Colour => {
                if next != mark || copied != underline {
                    out.push_str("\x1b[0m");
                    out.push_str(match next {
                        Mark::None => "",
                        Mark::Delete => "\x1b[31m",
                        Mark::Insert => "\x1b[32m",
                        Mark::DeleteChars => "\x1b[31;7m",
                        Mark::InsertChars => "\x1b[32;7m",
                    });
                    if copied && paraphrase {
                        out.push_str("\x1b[4m");
                    }
                    mark = next;
                    underline = copied;
                }
            }
        }
        let piece = &text[start..end];
        if style == Style::Plain && mark != Mark::None {
            push_change_plain(&mut out, piece);
        } else {
            push_on_one_line(&mut out, piece);
        }
    }
    match style {
        Style::Plain => close_plain(&mut out, mark),
        Style::Colour => out.push_str("\x1b[0m"),
    }
    out
}

/// Appends a deleted or inserted piece in the plain style, where a mark
/// character at either end of it (spaces aside) would run into the marks:
/// `[---]` for a deleted hyphen. Those characters are written by name
/// instead, `well[-<hyphen>-]known`, `{+<em dash>+}`; the rest of the piece
/// as it is (`[-...-]`, `{+, +}`).
fn push_change_plain(out: &mut String, piece: &str) {
    let at_end = |c: char| c.is_whitespace() || mark_character_name(c).is_some();
    let head = piece.len() - piece.trim_start_matches(at_end).len();
    let tail = piece[head..].trim_end_matches(at_end).len() + head;
    for (part, named) in [
        (&piece[..head], true),
        (&piece[head..tail], false),
        (&piece[tail..], true),
    ] {
        if !named {
            push_on_one_line(out, part);
            continue;
        }
        let mut from = 0;
        for (at, c) in part.char_indices() {
            if let Some(name) = mark_character_name(c) {
                push_on_one_line(out, &part[from..at]);
                let _ = write!(out, "<{name}>");
                from = at + c.len_utf8();
            }
        }
        push_on_one_line(out, &part[from..]);
    }
}

/// The name of a character that the plain style's marks (`[-` `-]` `{+`
/// `+}`) are made of, or of a dash, which reads as a hyphen there.
fn mark_character_name(c: char) -> Option<&'static str> {
    Some(match c {
        '-' => "hyphen",
        '+' => "plus",
        '[' => "left bracket",
        ']' => "right bracket",
        '{' => "left brace",
        '}' => "right brace",
        '\u{2010}' => "Unicode hyphen",
        '\u{2011}' => "non-breaking hyphen",
        '\u{2012}' => "figure dash",
        '\u{2013}' => "en dash",
        '\u{2014}' => "em dash",
        '\u{2015}' => "horizontal bar",
        '\u{2212}' => "minus sign",
        '\u{FE58}' => "small em dash",
        '\u{FE63}' => "small hyphen-minus",
        '\u{FF0D}' => "fullwidth hyphen-minus",
        _ => return None,
    })
}

/// Appends text with each line break (and the spaces around it) read as
/// one space: a report line holds a sentence, and a hard-wrapped sentence
/// spans lines of its text.
fn push_on_one_line(out: &mut String, piece: &str) {
    if !piece.contains(['\n', '\r']) {
        push_visible(out, piece);
        return;
    }
    let mut lines = piece.split(['\n', '\r']).peekable();
    while let Some(line) = lines.next() {
        push_visible(out, line);
        if lines.peek().is_some() {
            while out.ends_with([' ', '\t']) {
                out.pop();
            }
            out.push(' ');
            while lines.peek().is_some_and(|next| next.trim().is_empty()) {
                lines.next();
            }
            if let Some(next) = lines.peek_mut() {
                *next = next.trim_start();
            }
        }
    }
}

/// Appends text from the compared texts so that it cannot steer a terminal:
/// control characters (C0 but tab, DEL, C1) and bidirectional overrides and
/// isolates are written visibly ("␛" for ESC, `\u{9b}` for CSI), so that a
/// text cannot move the cursor, ring the bell or reorder the report line.
fn push_visible(out: &mut String, text: &str) {
    if !text.chars().any(is_unsafe) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            // C0 controls have pictures (U+2400…U+241F), DEL has U+2421.
            '\u{0}'..='\u{1F}' if c != '\t' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
            }
            '\u{7F}' => out.push('\u{2421}'),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// Characters a terminal may act on, or that reorder the text around them.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn open_plain(out: &mut String, mark: Mark) {
    out.push_str(match mark {
        Mark::None => "",
        Mark::Delete | Mark::DeleteChars => "[-",
        Mark::Insert | Mark::InsertChars => "{+",
    });
}

fn close_plain(out: &mut String, mark: Mark) {
    out.push_str(match mark {
        Mark::None => "",
        Mark::Delete | Mark::DeleteChars => "-]",
        Mark::Insert | Mark::InsertChars => "+}",
    });
}

/// "1 word", "2 words".
fn counted(count: u32, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare;

    #[test]
    fn a_wrapped_sentence_reads_whole_on_its_report_line() {
        // Spans of a hard-wrapped sentence hold its line breaks; the report
        // once replaced each such span by one space.
        let original = "Brindle County will open three cooling centers on Friday as forecasters\n\
                        warn that afternoon temperatures could pass 100 degrees for at least\n\
                        three days across the whole of the valley and the hills around it.\n";
        let paraphrase = "Brindle County will open three cooling centers on Friday as forecasters \
                          warn that afternoon temperatures could pass 100 degrees for at least \
                          three days across the whole of the valley and the hills around it.\n";
        let c = compare(original, paraphrase).unwrap();
        let report = render(&c, Style::Plain);
        let flat = paraphrase.trim_end();
        assert!(report.contains(&format!("- ¶1 s1: {flat}")), "{report}");
        assert!(report.contains(&format!("+ ¶1 s1: {flat}")), "{report}");
    }

    #[test]
    fn control_characters_from_the_texts_never_reach_the_terminal() {
        // ESC [2J clears a screen, BEL rings, U+009B is a one-byte CSI,
        // U+202E reverses what follows.
        let original =
            "The council met today and voted \u{1b}[2J to build \u{7}a bridge \u{9b}1A here.";
        let paraphrase = "The council met today and voted \u{1b}[2J to build \u{7}a bridge \u{9b}1A here \u{202e}now.";
        let c = compare(original, paraphrase).unwrap();
        for style in [Style::Plain, Style::Colour] {
            let report = render(&c, style);
            let from_texts: String = report
                .chars()
                .filter(|&ch| is_unsafe(ch) && ch != '\u{1b}')
                .collect();
            assert_eq!(from_texts, "", "{report:?}");
            // The colour mode's own escapes are the only ESC left.
            let escapes = report.matches('\u{1b}').count();
            let own = report.matches("\u{1b}[").count() - report.matches("\u{1b}[2J").count();
            assert_eq!(escapes, own, "{report:?}");
            assert!(report.contains("\u{241b}[2J"), "{report:?}");
            assert!(report.contains("\u{2407}a bridge"), "{report:?}");
            assert!(report.contains("\\u{9b}1A"), "{report:?}");
            assert!(report.contains("\\u{202e}now"), "{report:?}");
        }
    }

    #[test]
    fn a_changed_hyphen_or_dash_is_named_not_drawn_into_the_marks() {
        // Once `well[---]known` and `{+—+}`.
        let original = "The well-known council met on Monday and voted to build a new bridge.";
        let paraphrase =
            "The well known council met on Monday \u{2014} and voted to build a new bridge +.";
        let c = compare(original, paraphrase).unwrap();
        let report = render(&c, Style::Plain);
        assert!(report.contains("well[-<hyphen>-]known"), "{report}");
        assert!(report.contains("Monday {+<em dash>+} and"), "{report}");
        assert!(report.contains("bridge {+<plus>+}."), "{report}");
        let colour = render(&c, Style::Colour);
        assert!(!colour.contains("<hyphen>"), "{colour}");
    }

    #[test]
    fn a_copied_run_of_one_word_reads_as_one_word() {
        let original = "The well-known council met on Monday and voted to close the old bridge.";
        let paraphrase = "The wellknown council met on Monday and voted to close the old bridge.";
        let report = render(&compare(original, paraphrase).unwrap(), Style::Plain);
        assert!(report.contains("copied 1 word, unquoted"), "{report}");
        assert!(
            report.contains("original 14 words in 1 sentence;"),
            "{report}"
        );
    }

    #[test]
    fn only_mark_characters_at_the_ends_of_a_change_are_named() {
        let plain = |piece: &str| {
            let mut out = String::new();
            push_change_plain(&mut out, piece);
            out
        };
        assert_eq!(plain("- and"), "<hyphen> and");
        assert_eq!(plain("well-known --"), "well-known <hyphen><hyphen>");
        assert_eq!(plain("\u{2013}"), "<en dash>");
        assert_eq!(plain("[1]"), "<left bracket>1<right bracket>");
        assert_eq!(plain("..."), "...");
        assert_eq!(plain(", "), ", ");
        assert_eq!(plain(" \n- "), " <hyphen> ");
    }

    #[test]
    fn line_breaks_and_the_spaces_around_them_read_as_one_space() {
        let mut out = String::new();
        push_on_one_line(&mut out, "one  \r\n\r\n  two\nthree");
        assert_eq!(out, "one two three");
    }
}
