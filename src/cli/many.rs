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
    let texts: Vec<Outcome<input::Decoded>> = args
        .rewrites
        .par_iter()
        .map(|path| {
            let text = input::read(path);
            bar.inc(1);
            text
        })
        .collect();
    let names: Vec<&str> = args.rewrites.iter().map(String::as_str).collect();
    let written = if matches!(
        (args.format, args.details),
        (Format::Csv, _) | (Format::Text, false)
    ) {
        // The overview alone: each comparison is dropped once counted.
        let figures = compare_all_of(&read, &texts, &names, &bar, |c| Figures::of(&c));
        tell(&texts, &figures);
        deliver(args, |out| match args.format {
            Format::Csv => csv(&names, &figures, out),
            _ => overview(&args.original, &names, &figures, out),
        })
        .map(|()| figures.iter().all(Result::is_ok))
    } else {
        let comparisons = compare_all_of(&read, &texts, &names, &bar, |c| c);
        tell(&texts, &comparisons);
        let figures: Vec<Outcome<Figures>> = comparisons
            .iter()
            .map(|compared| compared.as_ref().map(Figures::of).map_err(Clone::clone))
            .collect();
        deliver(args, |out| match args.format {
            Format::Json => json(&names, &comparisons, offset_unit(args), out),
            Format::Html => {
                let entries: Vec<Entry<'_, '_>> = names
                    .iter()
                    .zip(&comparisons)
                    .map(|(name, compared)| Entry {
                        name,
                        comparison: compared.as_ref().map_err(String::as_str),
                    })
                    .collect();
                html::write_many(&args.original, &entries, out)
            }
            _ => {
                overview(&args.original, &names, &figures, &mut *out)?;
                let style = text_style(args);
                for (name, compared) in names.iter().zip(&comparisons) {
                    if let Ok(comparison) = compared {
                        writeln!(out, "\n== {name} ==\n")?;
                        text::write(comparison, style, &mut *out)?;
                    }
                }
                Ok(())
            }
        })
        .map(|()| figures.iter().all(Result::is_ok))
    };
    if written? {
        Ok(())
    } else {
        Err(Failure::Reported)
    }
}

/// Compares the original with each rewrite read, on every core, keeping
/// what `keep` makes of each comparison, in the order given.
fn compare_all_of<'t, T: Send>(
    read: &Original<'t, 'static>,
    texts: &'t [Outcome<input::Decoded>],
    names: &[&str],
    bar: &ProgressBar,
    keep: impl Fn(Comparison<'t>) -> T + Sync,
) -> Vec<Outcome<T>> {
    let kept = texts
        .par_iter()
        .zip(names)
        .map(|(text, name)| {
            let compared = match text {
                Ok(decoded) => read
                    .compare(&decoded.text)
                    .map(&keep)
                    .map_err(|error| format!("{name}: {error}")),
                Err(message) => Err(message.clone()),
            };
            bar.inc(1);
            compared
        })
        .collect();
    bar.finish_and_clear();
    kept
}

/// Tells standard error, rewrite by rewrite in the order given, what was
/// guessed in reading it or why it was not compared.
fn tell<T>(texts: &[Outcome<input::Decoded>], outcomes: &[Outcome<T>]) {
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
    comparisons: &[Outcome<Comparison<'_>>],
    unit: article_diff::OffsetUnit,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(b"[\n")?;
    for (index, (name, compared)) in names.iter().zip(comparisons).enumerate() {
        if index > 0 {
            out.write_all(b",\n")?;
        }
        match compared {
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
