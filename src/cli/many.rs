//! `article-diff ORIGINAL REWRITE REWRITE...`: one original, many rewrites.
//!
//! The original is read once; the rewrites are read and compared on every
//! core, and reported in the order given. A rewrite that cannot be read is
//! named on standard error and in the report, and the others still are
//! compared; the exit code is then 2.

use std::io::{self, IsTerminal, Write};

use article_diff::report::html::{self, Entry};
use article_diff::report::{Figures, text};
use article_diff::{Comparison, Options, Original};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use crate::{Args, Failure, Format, deliver, input, offset_unit, text_style};

/// Rewrites above this many get a progress bar (on a terminal).
const BAR_ABOVE: usize = 8;

/// One rewrite's comparison, or the one-line message saying why there is none.
type Outcome<'t> = Result<Comparison<'t>, String>;

/// Compares the original with every rewrite and writes the report.
pub fn run(args: &Args, options: &Options) -> Result<(), Failure> {
    let original = input::read(&args.original)?;
    if let Some(warning) = &original.warning {
        eprintln!("article-diff: warning: {warning}");
    }
    let read = Original::read(&original.text, options).map_err(|error| error.to_string())?;
    let bar = if args.rewrites.len() > BAR_ABOVE && io::stderr().is_terminal() {
        let bar = ProgressBar::with_draw_target(
            Some(2 * args.rewrites.len() as u64),
            ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {percent}% ({eta} left)") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let texts: Vec<Result<input::Decoded, String>> = args
        .rewrites
        .par_iter()
        .map(|path| {
            let text = input::read(path);
            bar.inc(1);
            text
        })
        .collect();
    let outcomes: Vec<Outcome<'_>> = texts
        .par_iter()
        .zip(&args.rewrites)
        .map(|(text, name)| {
            let outcome = match text {
                Ok(decoded) => read
                    .compare(&decoded.text)
                    .map_err(|error| format!("{name}: {error}")),
                Err(message) => Err(message.clone()),
            };
            bar.inc(1);
            outcome
        })
        .collect();
    bar.finish_and_clear();
    for (text, outcome) in texts.iter().zip(&outcomes) {
        if let Ok(input::Decoded {
            warning: Some(warning),
            ..
        }) = text
        {
            eprintln!("article-diff: warning: {warning}");
        }
        if let Err(message) = outcome {
            eprintln!("article-diff: {message}");
        }
    }
    let names: Vec<&str> = args.rewrites.iter().map(String::as_str).collect();
    deliver(args, |out| match args.format {
        Format::Text => {
            overview(&args.original, &names, &outcomes, &mut *out)?;
            if args.details {
                let style = text_style(args);
                for (name, outcome) in names.iter().zip(&outcomes) {
                    if let Ok(comparison) = outcome {
                        writeln!(out, "\n== {name} ==\n")?;
                        text::write(comparison, style, &mut *out)?;
                    }
                }
            }
            Ok(())
        }
        Format::Csv => csv(&names, &outcomes, out),
        Format::Json => json(&names, &outcomes, offset_unit(args), out),
        Format::Html => {
            let entries: Vec<Entry<'_, '_>> = names
                .iter()
                .zip(&outcomes)
                .map(|(name, outcome)| Entry {
                    name,
                    comparison: outcome.as_ref().map_err(String::as_str),
                })
                .collect();
            html::write_many(&args.original, &entries, out)
        }
    })?;
    if outcomes.iter().any(Result::is_err) {
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}

/// The overview as aligned text: a header line, the column names, one line
/// a rewrite (or why it was not compared).
fn overview(
    original: &str,
    names: &[&str],
    outcomes: &[Outcome<'_>],
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "article-diff: original {original}, {} rewrite{}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    )?;
    writeln!(
        out,
        "copied, reworded, new: shares of the rewrite's words; moved: moved passages; \
         unquoted: copied words outside quotation marks; longest: the longest copied passage, in words\n"
    )?;
    let width = names
        .iter()
        .map(|name| name.chars().count())
        .chain([7])
        .max()
        .unwrap_or(7);
    let pad = |name: &str| {
        let fill = width - name.chars().count();
        format!("{name}{}", " ".repeat(fill))
    };
    writeln!(
        out,
        "{}  {:>7}  {:>7}  {:>8}  {:>6}  {:>5}  {:>8}  {:>7}",
        pad("rewrite"),
        "words",
        "copied",
        "reworded",
        "new",
        "moved",
        "unquoted",
        "longest"
    )?;
    for (name, outcome) in names.iter().zip(outcomes) {
        match outcome {
            Ok(comparison) => {
                let f = Figures::of(comparison);
                writeln!(
                    out,
                    "{}  {:>7}  {:>6.1}%  {:>7.1}%  {:>5.1}%  {:>5}  {:>8}  {:>7}",
                    pad(name),
                    f.words,
                    f.copied,
                    f.reworded,
                    f.new,
                    f.moved_passages,
                    f.unquoted_copied_words,
                    f.longest_passage
                )?;
            }
            Err(message) => writeln!(out, "{}  not compared: {message}", pad(name))?,
        }
    }
    Ok(())
}

/// The overview as CSV (RFC 4180): a header row, then one row a rewrite;
/// a rewrite that was not compared has empty figures and its message.
fn csv(names: &[&str], outcomes: &[Outcome<'_>], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "name,words,copied_percent,reworded_percent,new_percent,moved_passages,unquoted_copied_words,longest_passage_words,error\r"
    )?;
    for (name, outcome) in names.iter().zip(outcomes) {
        match outcome {
            Ok(comparison) => {
                let f = Figures::of(comparison);
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{},\r",
                    csv_field(name),
                    f.words,
                    f.copied,
                    f.reworded,
                    f.new,
                    f.moved_passages,
                    f.unquoted_copied_words,
                    f.longest_passage
                )?;
            }
            Err(message) => {
                writeln!(out, "{},,,,,,,,{}\r", csv_field(name), csv_field(message))?;
            }
        }
    }
    Ok(())
}

/// A CSV field, quoted when it holds a comma, a quotation mark or a line
/// break, with its quotation marks doubled.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A rewrite that was not compared, in the JSON array.
#[derive(Serialize)]
struct Failed<'a> {
    name: &'a str,
    error: &'a str,
}

/// A JSON array, one `article-diff/1` model a rewrite with its `"name"`,
/// or `{"name": ..., "error": ...}`; written an element at a time.
fn json(
    names: &[&str],
    outcomes: &[Outcome<'_>],
    unit: article_diff::OffsetUnit,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(b"[\n")?;
    for (index, (name, outcome)) in names.iter().zip(outcomes).enumerate() {
        if index > 0 {
            out.write_all(b",\n")?;
        }
        match outcome {
            Ok(comparison) => comparison.write_named_json_pretty(name, unit, &mut *out)?,
            Err(error) => serde_json::to_writer_pretty(&mut *out, &Failed { name, error })
                .map_err(io::Error::from)?,
        }
    }
    out.write_all(b"\n]\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_they_must_be() {
        assert_eq!(csv_field("a.txt"), "a.txt");
        assert_eq!(csv_field("a,b.txt"), "\"a,b.txt\"");
        assert_eq!(csv_field("say \"hi\".txt"), "\"say \"\"hi\"\".txt\"");
    }
}
