//! The standalone HTML report: one file, styles inline, no script, every
//! piece of text escaped, and a Content-Security-Policy that forbids scripts
//! and remote loads should anything slip through.

use std::fmt::Write;
use std::io;
use std::ops::Range;

use super::wording::{Values, capitalized, language_phrase, phrase};
use super::{
    Figures, Labels, Piece, SourceRow, each_source_row, given_places, percent, pieces,
    source_letter,
};
use crate::model::{Comparison, Kind, Op, Order, Row, Run, Side};
use crate::sources::{SourceEntry, Sources};

const STYLE: &str = include_str!("report.css");

/// The report on sources' own styles: a colour a source, in turn.
const SOURCES_STYLE: &str = include_str!("sources.css");

/// Colours of the sources (`s0`… in `sources.css`), in turn.
const SOURCE_COLOURS: u32 = 8;

/// Renders the report page.
pub fn render(comparison: &Comparison<'_>) -> String {
    let mut out = String::new();
    let _ = each_piece(comparison, |piece| {
        out.push_str(piece);
        Ok(())
    });
    out
}

/// Writes the report page to `out` as it is made, a row at a time, so that
/// the whole page is never held at once.
///
/// # Errors
///
/// The first error writing to `out` returns; the page stops there.
pub fn write(comparison: &Comparison<'_>, mut out: impl io::Write) -> io::Result<()> {
    each_piece(comparison, |piece| out.write_all(piece.as_bytes()))
}

/// Makes the page in pieces (the head and summary, one table row each, the
/// end) and hands each to `emit`.
fn each_piece(
    comparison: &Comparison<'_>,
    mut emit: impl FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = String::new();
    head(&mut out, "How the paraphrase was made from the original");
    summary(&mut out, comparison);
    out.push_str(LEGEND);
    out.push_str("</header>\n<main>\n");
    out.push_str(TABLE_START);
    emit(&out)?;
    table_rows(comparison, &mut emit)?;
    emit("</tbody>\n</table>\n</main>\n</body>\n</html>\n")
}

/// One rewrite of many, for [`write_many`].
pub struct Entry<'a, 't> {
    /// Its name: the path as given.
    pub name: &'a str,
    /// Its comparison, or why there is none (a one-line message).
    pub comparison: Result<&'a Comparison<'t>, &'a str>,
}

/// Writes one page for many rewrites of one original (named `original`):
/// an overview table, one line a rewrite with a link to its comparison,
/// then every comparison in a section of its own (`id="rewrite-N"`, from 1).
///
/// # Errors
///
/// The first error writing to `out` returns; the page stops there.
pub fn write_many(
    original: &str,
    entries: &[Entry<'_, '_>],
    mut out: impl io::Write,
) -> io::Result<()> {
    let names: Vec<&str> = entries.iter().map(|e| e.name).collect();
    let figures: Vec<Result<Figures, String>> = entries
        .iter()
        .map(|e| e.comparison.map(Figures::of).map_err(str::to_string))
        .collect();
    write_many_start(original, &names, &figures, &mut out)?;
    for (index, entry) in entries.iter().enumerate() {
        write_many_entry(index + 1, entry, &mut out)?;
    }
    write_many_end(&mut out)
}

/// The start of [`write_many`]'s page, to its overview table: each
/// rewrite's name and figures (or why it has none), in order. Then
/// [`write_many_entry`] for each rewrite and [`write_many_end`], so that
/// the comparisons need not all be held at once.
///
/// # Errors
///
/// The error writing to `out`.
pub fn write_many_start(
    original: &str,
    names: &[&str],
    figures: &[Result<Figures, String>],
    mut out: impl io::Write,
) -> io::Result<()> {
    let mut page = String::new();
    head(
        &mut page,
        &format!(
            "How {} rewrite{} were made from {}",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            escape(original)
        ),
    );
    page.push_str(LEGEND);
    page.push_str(concat!(
        "</header>\n<main>\n<table class=\"overview\">\n<thead><tr>",
        "<th scope=\"col\">Rewrite</th><th scope=\"col\">Words</th>",
        "<th scope=\"col\">Copied</th><th scope=\"col\">Reworded</th><th scope=\"col\">New</th>",
        "<th scope=\"col\">Moved passages</th><th scope=\"col\">Copied words outside quotation marks</th>",
        "<th scope=\"col\">Longest copied passage (words)</th></tr></thead>\n<tbody>\n"
    ));
    for (index, (name, figures)) in names.iter().zip(figures).enumerate() {
        let name = escape(name);
        let _ = match figures {
            Ok(f) => writeln!(
                page,
                "<tr><th scope=\"row\"><a href=\"#rewrite-{}\">{name}</a></th><td>{}</td><td>{}%</td><td>{}%</td><td>{}%</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                index + 1,
                f.words,
                f.copied,
                f.reworded,
                f.new,
                f.moved_passages,
                f.unquoted_copied_words,
                f.longest_passage
            ),
            Err(message) => writeln!(
                page,
                "<tr class=\"error\"><th scope=\"row\">{name}</th><td colspan=\"7\">{}</td></tr>",
                escape(message)
            ),
        };
    }
    page.push_str("</tbody>\n</table>\n");
    out.write_all(page.as_bytes())
}

/// The section of the `index`-th rewrite (from 1) on [`write_many`]'s page;
/// nothing for a rewrite that was not compared.
///
/// # Errors
///
/// The first error writing to `out`.
pub fn write_many_entry(
    index: usize,
    entry: &Entry<'_, '_>,
    mut out: impl io::Write,
) -> io::Result<()> {
    let Ok(comparison) = entry.comparison else {
        return Ok(());
    };
    let mut emit = |piece: &str| out.write_all(piece.as_bytes());
    let mut page = String::new();
    let _ = writeln!(
        page,
        "<section id=\"rewrite-{index}\">\n<h2>{}</h2>",
        escape(entry.name)
    );
    summary(&mut page, comparison);
    page.push_str(TABLE_START);
    emit(&page)?;
    table_rows(comparison, &mut emit)?;
    emit("</tbody>\n</table>\n</section>\n")
}

/// The end of [`write_many`]'s page.
///
/// # Errors
///
/// The error writing to `out`.
pub fn write_many_end(mut out: impl io::Write) -> io::Result<()> {
    out.write_all(b"</main>\n</body>\n</html>\n")
}

/// Writes the report page on a text compared with several sources (`text`
/// names the text, `entries` the sources as given; see
/// [`Sources::write_json_pretty`]): a legend with each source's letter,
/// colour and share of the text, then the text a row at a time beside the
/// source sentence each pair came from, each passage copied from a source
/// marked by its colour and its letter.
///
/// # Errors
///
/// The first error writing to `out` returns; the page stops there.
pub fn write_sources(
    sources: &Sources<'_>,
    entries: &[SourceEntry<'_>],
    text: &str,
    mut out: impl io::Write,
) -> io::Result<()> {
    let given = given_places(entries);
    let mut page = String::new();
    head(
        &mut page,
        &format!(
            "How {} was made from {} source{}",
            escape(text),
            entries.len(),
            if entries.len() == 1 { "" } else { "s" }
        ),
    );
    // The sources' colours, inside the one <style> element.
    if let Some(at) = page.rfind("</style>") {
        page.insert_str(at, SOURCES_STYLE);
    }
    sources_legend(&mut page, sources, entries);
    page.push_str(concat!(
        "</header>\n<main>\n<table class=\"rows\">\n<thead><tr><th scope=\"col\">Row</th>",
        "<th scope=\"col\">Source</th><th scope=\"col\">Text</th></tr></thead>\n<tbody>\n"
    ));
    out.write_all(page.as_bytes())?;
    each_source_row(sources, &given, |row| {
        page.clear();
        match row {
            SourceRow::Pair {
                comparison: c,
                pair,
                place,
                in_source,
                in_text,
            } => {
                let _ = write!(
                    page,
                    "<tr class=\"pair {}\"><th scope=\"row\">{} {}<br><small>{} {} ↔ {}<br>{}</small></th><td>",
                    pair.verdict.name(),
                    letter_badge(place),
                    pair.verdict.name(),
                    source_letter(place),
                    escape(&in_source),
                    escape(&in_text),
                    super::source_shares_text(pair, &source_letter(place)),
                );
                spans(
                    &mut page,
                    c.original(),
                    c.original_side(),
                    c.runs(),
                    &pair.original,
                );
                page.push_str("</td><td>");
                marked_text(&mut page, sources, &given, &pair.paraphrase);
            }
            SourceRow::Alone {
                range,
                in_text,
                repeats,
            } => {
                let _ = match repeats {
                    Some((place, in_source)) => write!(
                        page,
                        "<tr class=\"repeat\"><th scope=\"row\">{}copied<br><small>{}<br>repeats {}</small></th><td></td><td>",
                        letter_badge(place),
                        escape(&in_text),
                        escape(&in_source)
                    ),
                    None => write!(
                        page,
                        "<tr class=\"new\"><th scope=\"row\">new<br><small>{}</small></th><td></td><td>",
                        escape(&in_text)
                    ),
                };
                marked_text(&mut page, sources, &given, range);
            }
        }
        page.push_str("</td></tr>\n");
        out.write_all(page.as_bytes())
    })?;
    out.write_all(b"</tbody>\n</table>\n</main>\n</body>\n</html>\n")
}

/// A source's letter on its colour.
fn letter_badge(place: u32) -> String {
    format!(
        "<span class=\"letter s{}\">{}</span>",
        place % SOURCE_COLOURS,
        source_letter(place)
    )
}

/// The legend of the report on sources: a table, a row a source and one
/// for all of them, then how passages are marked.
fn sources_legend(out: &mut String, sources: &Sources<'_>, entries: &[SourceEntry<'_>]) {
    let words = sources.text_words;
    let _ = writeln!(
        out,
        "<dl class=\"summary\"><dt>Text</dt><dd>{words} word{}: copied {}%, reworded {}%, new {}%</dd></dl>",
        if words == 1 { "" } else { "s" },
        percent(sources.whole.copied_words, words),
        percent(sources.reworded_words, words),
        percent(sources.new_words, words),
    );
    out.push_str(concat!(
        "<table class=\"overview sources\">\n<thead><tr><th scope=\"col\">Source</th>",
        "<th scope=\"col\">Name</th><th scope=\"col\">Copied words</th>",
        "<th scope=\"col\">Share of the text</th><th scope=\"col\">Copied passages</th>",
        "<th scope=\"col\">Sentence pairs</th></tr></thead>\n<tbody>\n"
    ));
    let mut compared = 0;
    for (place, entry) in entries.iter().enumerate() {
        let badge = letter_badge(place as u32);
        let name = escape(entry.name);
        let _ = match entry.error {
            Some(error) => writeln!(
                out,
                "<tr class=\"error\"><th scope=\"row\">{badge}</th><td>{name}</td><td colspan=\"4\">not compared: {}</td></tr>",
                escape(error)
            ),
            None => {
                let s = &sources.per_source[compared];
                compared += 1;
                writeln!(
                    out,
                    "<tr><th scope=\"row\">{badge}</th><td>{name}</td><td>{}</td><td>{}%</td><td>{}</td><td>{}</td></tr>",
                    s.copied_words,
                    percent(s.copied_words, words),
                    s.runs,
                    s.pairs
                )
            }
        };
    }
    let whole = &sources.whole;
    let _ = writeln!(
        out,
        "<tr class=\"whole\"><th scope=\"row\">All</th><td>a word in several sources counts once</td><td>{}</td><td>{}%</td><td>{}</td><td>{}</td></tr>\n</tbody>\n</table>",
        whole.copied_words,
        percent(whole.copied_words, words),
        whole.runs,
        whole.pairs
    );
    let _ = writeln!(
        out,
        "<ul class=\"legend\"><li><span class=\"copied src s0\"><span class=\"letter s0\">A</span>copied passage</span>: copied from source A, marked by its letter and its colour</li><li>a row paired with a source shows its letter, the pair's verdict and the source's sentence, the words the text <del>left out or changed</del> struck through and the source of its copied passages <span class=\"kept\">underlined</span></li><li>a sentence paired with no source is marked <em>copied</em> when every word of it is copied (it repeats part of a source sentence), else <em>new</em></li></ul>"
    );
    let stages = sources.cut_short();
    if !stages.is_empty() {
        let note = capitalized(&phrase("cutShort", &Values::cut_short(&stages)));
        let _ = writeln!(out, "<p class=\"note\">{}.</p>", escape(&note));
    }
}

/// The text over `range`, each copied passage in its source's colour and
/// opened by its letter; spaces after a passage stay outside it.
fn marked_text(out: &mut String, sources: &Sources<'_>, given: &[u32], range: &Range<u32>) {
    for Piece { text, source } in pieces(sources, given, range) {
        let Some(place) = source else {
            out.push_str(&escape(text));
            continue;
        };
        let passage = text.trim_end();
        let _ = write!(
            out,
            "<span class=\"copied src s{}\">{}{}</span>{}",
            place % SOURCE_COLOURS,
            letter_badge(place),
            escape(passage),
            escape(&text[passage.len()..])
        );
    }
}

/// The page's head and the start of its header, with `heading` (HTML).
fn head(out: &mut String, heading: &str) {
    out.push_str(concat!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
        "<title>article-diff report</title>\n<style>\n"
    ));
    out.push_str(STYLE);
    let _ = writeln!(
        out,
        "</style>\n</head>\n<body>\n<header>\n<h1>{heading}</h1>"
    );
}

const TABLE_START: &str = "<table class=\"rows\">\n<thead><tr><th scope=\"col\">Row</th><th scope=\"col\">Original</th><th scope=\"col\">Paraphrase</th></tr></thead>\n<tbody>\n";

/// The rows of a comparison's table, one piece each.
fn table_rows(
    comparison: &Comparison<'_>,
    emit: &mut impl FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    let labels = [
        Labels::new(&comparison.original_side().sentences),
        Labels::new(&comparison.paraphrase_side().sentences),
    ];
    let mut out = String::new();
    for row in comparison.rows(Order::Paraphrase) {
        out.clear();
        table_row(&mut out, comparison, &labels, row);
        emit(&out)?;
    }
    Ok(())
}

/// One row of the table.
fn table_row(out: &mut String, comparison: &Comparison<'_>, labels: &[Labels; 2], row: Row) {
    let o = comparison.original_side();
    let p = comparison.paraphrase_side();
    let [o_labels, p_labels] = labels;
    match row {
        Row::Pair(index) => {
            let pair = &comparison.pairs()[index as usize];
            let _ = write!(
                out,
                "<tr class=\"pair {}{}\"><th scope=\"row\">{}{}<br><small>{} ↔ {}<br>{}<br>{}</small></th><td>",
                pair.verdict.name(),
                if pair.moved { " moved" } else { "" },
                pair.verdict.name(),
                if pair.moved { " · moved" } else { "" },
                escape(&o_labels.range(&pair.original_sentences)),
                escape(&p_labels.range(&pair.paraphrase_sentences)),
                super::evidence_text(pair),
                super::shares_text(pair),
            );
            spans(
                out,
                comparison.original(),
                o,
                comparison.runs(),
                &pair.original,
            );
            out.push_str("</td><td>");
            spans(
                out,
                comparison.paraphrase(),
                p,
                comparison.runs(),
                &pair.paraphrase,
            );
            out.push_str("</td></tr>\n");
        }
        Row::New(index) => {
            let sentence = &p.sentences[index as usize];
            let _ = match sentence.repeats {
                Some(source) => write!(
                    out,
                    "<tr class=\"repeat\"><th scope=\"row\">copied<br><small>{}<br>repeats {}</small></th><td></td><td>",
                    escape(&p_labels.one(index)),
                    escape(&o_labels.one(source))
                ),
                None => write!(
                    out,
                    "<tr class=\"new\"><th scope=\"row\">new<br><small>{}</small></th><td></td><td>",
                    escape(&p_labels.one(index))
                ),
            };
            spans(
                out,
                comparison.paraphrase(),
                p,
                comparison.runs(),
                &sentence.range,
            );
            out.push_str("</td></tr>\n");
        }
        Row::Dropped(index) => {
            let sentence = &o.sentences[index as usize];
            let _ = write!(
                out,
                "<tr class=\"dropped\"><th scope=\"row\">dropped<br><small>{}</small></th><td>",
                escape(&o_labels.one(index))
            );
            spans(
                out,
                comparison.original(),
                o,
                comparison.runs(),
                &sentence.range,
            );
            out.push_str("</td><td></td></tr>\n");
        }
    }
}

const LEGEND: &str = concat!(
    "<ul class=\"legend\">",
    "<li><span class=\"copied\">copied passage</span> (underlined; ",
    "<span class=\"copied moved\">moved</span>: dashed)</li>",
    "<li><del>deleted</del> (struck through)</li>",
    "<li><ins>inserted</ins> (underlined twice)</li>",
    "<li><ins>wo<ins class=\"char\">r</ins>d</ins>: the changed letters of a nearly matching word</li>",
    "<li>rows marked <em>new</em> or <em>dropped</em> have no counterpart</li>",
    "</ul>\n"
);

/// The summary, worded as the page words it (www/wording.js).
fn summary(out: &mut String, c: &Comparison<'_>) {
    let values = Values::of(c);
    let line = |label: &str, text: &str| format!("<dt>{label}</dt><dd>{}</dd>", escape(text));
    let (language, is_note) = language_phrase(c.languages(), &values);
    let language_line = if is_note {
        String::new()
    } else {
        line("Language", &language)
    };
    let _ = writeln!(
        out,
        "<dl class=\"summary\">{}{}{}{}{language_line}</dl>",
        line("Paraphrase", &phrase("paraphraseShares", &values)),
        line("Original", &phrase("originalShares", &values)),
        line(
            "Copied passages",
            &format!(
                "{}; {}",
                phrase("passageCount", &values),
                phrase("unquoted", &values)
            )
        ),
        line("Sentences", &phrase("sentences", &values)),
    );
    if is_note {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}.</p>",
            escape(&capitalized(&language))
        );
    }
    if !c.is_complete() {
        let note = capitalized(&phrase("cutShort", &values));
        let _ = writeln!(out, "<p class=\"note\">{}.</p>", escape(&note));
    }
}

/// The spans of one side over `range`, as elements.
fn spans(out: &mut String, text: &str, side: &Side, runs: &[Run], range: &Range<u32>) {
    let first = side.spans.partition_point(|s| s.range.end <= range.start);
    let mut open_word: Option<&'static str> = None;
    for span in side.spans[first..]
        .iter()
        .take_while(|s| s.range.start < range.end)
    {
        let piece = &text
            [span.range.start.max(range.start) as usize..span.range.end.min(range.end) as usize];
        let paired = span.pair.is_some();
        let word_tag = match span.op {
            Op::Delete if paired => Some("del"),
            Op::Insert if paired => Some("ins"),
            _ => None,
        };
        // A refined word is one <del>/<ins> holding its character steps.
        let in_refined = span.char_op.is_some();
        if open_word.is_some() && (!in_refined || open_word != word_tag) {
            let _ = write!(out, "</{}>", open_word.unwrap_or("span"));
            open_word = None;
        }
        if in_refined {
            if open_word.is_none() {
                let tag = word_tag.unwrap_or("span");
                let _ = write!(out, "<{tag}>");
                open_word = Some(tag);
            }
            match span.char_op {
                Some(Op::Equal) | None => out.push_str(&escape(piece)),
                Some(_) => {
                    let tag = word_tag.unwrap_or("span");
                    let _ = write!(out, "<{tag} class=\"char\">{}</{tag}>", escape(piece));
                }
            }
            continue;
        }
        let mut classes = Vec::new();
        match span.kind {
            Kind::Copied => classes.push("copied"),
            Kind::Kept => classes.push("kept"),
            _ => {}
        }
        if span.run.is_some_and(|run| runs[run as usize].moved) {
            classes.push("moved");
        }
        let tag = word_tag.unwrap_or("span");
        match (classes.is_empty(), word_tag) {
            (true, None) => out.push_str(&escape(piece)),
            (true, Some(tag)) => {
                let _ = write!(out, "<{tag}>{}</{tag}>", escape(piece));
            }
            (false, _) => {
                let _ = write!(
                    out,
                    "<{tag} class=\"{}\">{}</{tag}>",
                    classes.join(" "),
                    escape(piece)
                );
            }
        }
    }
    if let Some(tag) = open_word {
        let _ = write!(out, "</{tag}>");
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
