//! The standalone HTML report: one file, styles inline, no script, every
//! piece of text escaped, and a Content-Security-Policy that forbids scripts
//! and remote loads should anything slip through.

use std::fmt::Write;
use std::io;
use std::ops::Range;

use super::wording::{Values, capitalized, phrase};
use super::{Figures, Labels};
use crate::model::{Comparison, Kind, Op, Order, Row, Run, Side};

const STYLE: &str = include_str!("report.css");

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
    let _ = writeln!(
        out,
        "<dl class=\"summary\">{}{}{}{}</dl>",
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
