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

/// One rewrite's comparison (or what is kept of it), or the one-line
/// message saying why there is none.
type Outcome<T> = Result<T, String>;

/// Rewrites read and compared at once, on every core: enough to keep the
/// cores busy, few enough that what is held at a time is a batch's texts
/// and comparisons, however many rewrites there are.
const BATCH: usize = 32;

/// Compares the original with every rewrite and writes the report.
pub fn run(args: &Args, original_name: &str, options: &Options) -> Result<(), Failure> {
    let original = input::read(original_name)?;
    if let Some(warning) = &original.warning {
        eprintln!("article-diff: warning: {warning}");
    }
    let read = Original::read(&original.text, options).map_err(|error| error.to_string())?;
    let bar = if args.rewrites.len() > BAR_ABOVE && io::stderr().is_terminal() {
        let bar = ProgressBar::with_draw_target(
            Some(args.rewrites.len() as u64),
            ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {percent}% ({eta} left)") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let names: Vec<&str> = args.rewrites.iter().map(String::as_str).collect();
    let mut all_compared = true;
    let written = match (args.format, args.details) {
        (Format::Json, _) => deliver(args, |out| {
            // Streamed a batch at a time: each model is written and dropped.
            out.write_all(b"[\n")?;
            let mut first = true;
            each_compared(&read, &names, (&bar, false), |name, compared| {
                all_compared &= compared.is_ok();
                if !std::mem::take(&mut first) {
                    out.write_all(b",\n")?;
                }
                json_element(name, compared, offset_unit(args), &mut *out)
            })?;
            out.write_all(b"\n]\n")
        }),
        (Format::Csv, _) | (Format::Text, false) => {
            // The overview alone: each comparison is dropped once counted.
            let figures = figures_of_all(&read, &names, &bar);
            all_compared = figures.iter().all(Result::is_ok);
            deliver(args, |out| match args.format {
                Format::Csv => csv(&names, &figures, out),
                _ => overview(original_name, &names, &figures, out),
            })
        }
        _ => {
            // The overview comes first: the figures in one pass, then each
            // comparison again, a batch at a time, as it is written.
            let figures = figures_of_all(&read, &names, &bar);
            all_compared = figures.iter().all(Result::is_ok);
            let quiet = ProgressBar::hidden();
            deliver(args, |out| {
                if args.format == Format::Html {
                    html::write_many_start(original_name, &names, &figures, &mut *out)?;
                    let mut index = 0;
                    each_compared(&read, &names, (&quiet, true), |name, compared| {
                        index += 1;
                        html::write_many_entry(
                            index,
                            &Entry {
                                name,
                                comparison: compared,
                            },
                            &mut *out,
                        )
                    })?;
                    html::write_many_end(&mut *out)
                } else {
                    overview(original_name, &names, &figures, &mut *out)?;
                    let style = text_style(args);
                    each_compared(&read, &names, (&quiet, true), |name, compared| {
                        if let Ok(comparison) = compared {
                            writeln!(out, "\n== {name} ==\n")?;
                            text::write(comparison, style, &mut *out)?;
                        }
                        Ok(())
                    })
                }
            })
        }
    };
    bar.finish_and_clear();
    written?;
    if all_compared {
        Ok(())
    } else {
        Err(Failure::Reported)
    }
}

/// Each rewrite's figures (or why it has none), in the order given, with
/// its warnings and failures told on standard error.
fn figures_of_all(
    read: &Original<'_, '_>,
    names: &[&str],
    bar: &ProgressBar,
) -> Vec<Outcome<Figures>> {
    let mut figures = Vec::with_capacity(names.len());
    let _ = each_compared(read, names, (bar, false), |_, compared| {
        figures.push(compared.map(Figures::of).map_err(str::to_string));
        Ok(())
    });
    figures
}

/// Reads and compares the rewrites a batch at a time, on every core, and
/// hands each comparison (or why there is none) to `each` in the order
/// given; warnings and failures are told on standard error as each batch
/// ends, unless `second` (a second pass over the same rewrites).
fn each_compared(
    read: &Original<'_, '_>,
    names: &[&str],
    (bar, second): (&ProgressBar, bool),
    mut each: impl FnMut(&str, Result<&Comparison<'_>, &str>) -> io::Result<()>,
) -> io::Result<()> {
    for batch in names.chunks(BATCH) {
        let texts: Vec<Outcome<input::Decoded>> =
            batch.par_iter().map(|path| input::read(path)).collect();
        let compared: Vec<Outcome<Comparison<'_>>> = texts
            .par_iter()
            .zip(batch)
            .map(|(text, name)| {
                let compared = match text {
                    Ok(decoded) => read
                        .compare(&decoded.text)
                        .map_err(|error| format!("{name}: {error}")),
                    Err(message) => Err(message.clone()),
                };
                bar.inc(1);
                compared
            })
            .collect();
        if !second {
            tell(&texts, &compared);
        }
        for (name, compared) in batch.iter().zip(&compared) {
            each(name, compared.as_ref().map_err(String::as_str))?;
        }
    }
    Ok(())
}

/// Tells standard error, rewrite by rewrite in the order given, what was
/// guessed in reading it or why it was not compared.
pub(crate) fn tell<T>(texts: &[Outcome<input::Decoded>], outcomes: &[Outcome<T>]) {
    for (text, outcome) in texts.iter().zip(outcomes) {
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
}

/// The overview as aligned text: a header line, the column names, one line
/// a rewrite (or why it was not compared).
fn overview(
    original: &str,
    names: &[&str],
    outcomes: &[Outcome<Figures>],
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
            Ok(f) => {
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
fn csv(names: &[&str], outcomes: &[Outcome<Figures>], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "name,words,copied_percent,reworded_percent,new_percent,moved_passages,unquoted_copied_words,longest_passage_words,error\r"
    )?;
    for (name, outcome) in names.iter().zip(outcomes) {
        match outcome {
            Ok(f) => {
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
pub(crate) fn csv_field(field: &str) -> String {
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

/// One element of the JSON array: an `article-diff/1` model with its
/// `"name"`, or `{"name": ..., "error": ...}`.
fn json_element(
    name: &str,
    compared: Result<&Comparison<'_>, &str>,
    unit: article_diff::OffsetUnit,
    out: &mut dyn Write,
) -> io::Result<()> {
    match compared {
        Ok(comparison) => comparison.write_named_json_pretty(name, unit, &mut *out),
        Err(error) => serde_json::to_writer_pretty(&mut *out, &Failed { name, error })
            .map_err(io::Error::from),
    }
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
