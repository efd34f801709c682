//! `article-diff --source SOURCE... TEXT`: one text against several sources.
//!
//! The text is read once; the sources are read and compared with it on
//! every core, and each copied passage and sentence pair of the text is
//! attributed to one source. A source that cannot be read is named on
//! standard error and in the report, and the others are still compared;
//! the exit code is then 2. A text that cannot be read compares nothing.

use std::io::{self, Write};

use article_diff::report::{html, percent, source_letter, text};
use article_diff::sources::{SourceEntry, Sources, Stitched};
use article_diff::{Comparison, Options};
use rayon::prelude::*;

use crate::many::{csv_field, tell};
use crate::{Args, Failure, Format, deliver, input, offset_unit, text_style};

/// Compares the text with every source and writes the report.
pub fn run(args: &Args, options: &Options) -> Result<(), Failure> {
    let text_name = match (args.original.as_deref(), args.rewrites.len()) {
        (None, _) => {
            return Err(message(
                "--source needs the TEXT to compare with the sources",
            ));
        }
        (Some(text), 0) => text,
        (Some(_), more) => {
            return Err(message(&format!(
                "--source compares one TEXT with the sources, but {} texts were given; \
                 name each source with its own --source",
                more + 1
            )));
        }
    };
    if args.details {
        return Err(message(
            "--details is for many rewrites of one original; with --source the report shows every sentence already",
        ));
    }
    let text = input::read(text_name)?;
    if let Some(warning) = &text.warning {
        eprintln!("article-diff: warning: {warning}");
    }
    let stitched = Stitched::read(&text.text, options).map_err(|error| error.to_string())?;

    // Each source read once and compared, on every core.
    let read: Vec<Result<input::Decoded, String>> = args
        .sources
        .par_iter()
        .map(|path| input::read(path))
        .collect();
    let compared: Vec<Result<Comparison<'_>, String>> = read
        .par_iter()
        .zip(&args.sources)
        .map(|(source, name)| match source {
            Ok(decoded) => stitched
                .compare(&decoded.text)
                .map_err(|error| format!("{name}: {error}")),
            Err(message) => Err(message.clone()),
        })
        .collect();
    tell(&read, &compared);
    let mut errors: Vec<Option<String>> = Vec::with_capacity(compared.len());
    let mut comparisons = Vec::with_capacity(compared.len());
    for outcome in compared {
        match outcome {
            Ok(comparison) => {
                comparisons.push(comparison);
                errors.push(None);
            }
            Err(message) => errors.push(Some(message)),
        }
    }
    let sources = stitched.attribute(comparisons);
    let entries: Vec<SourceEntry<'_>> = args
        .sources
        .iter()
        .zip(&errors)
        .map(|(name, error)| SourceEntry {
            name,
            error: error.as_deref(),
        })
        .collect();

    deliver(args, |out: &mut dyn Write| match args.format {
        Format::Text => text::write_sources(&sources, &entries, text_name, text_style(args), out),
        Format::Html => html::write_sources(&sources, &entries, text_name, out),
        Format::Json => {
            sources.write_json_pretty(&entries, offset_unit(args), &mut *out)?;
            out.write_all(b"\n")
        }
        Format::Csv => csv(&sources, &entries, out),
    })?;
    if errors.iter().all(Option::is_none) {
        Ok(())
    } else {
        Err(Failure::Reported)
    }
}

fn message(text: &str) -> Failure {
    Failure::Message(text.to_string())
}

/// The sources as CSV (RFC 4180): a header row, one row a source in the
/// order given (a source not compared has empty figures and its message),
/// and a last row for all of them, `whole`, where a word copied from
/// several sources counts once.
fn csv(sources: &Sources<'_>, entries: &[SourceEntry<'_>], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "source,name,copied_words,copied_percent,copied_passages,sentence_pairs,error\r"
    )?;
    let words = sources.text_words;
    let mut compared = sources.per_source.iter();
    for (place, entry) in entries.iter().enumerate() {
        let letter = source_letter(place as u32);
        let name = csv_field(entry.name);
        match (
            entry.error,
            entry.error.is_none().then(|| compared.next()).flatten(),
        ) {
            (None, Some(s)) => writeln!(
                out,
                "{letter},{name},{},{},{},{},\r",
                s.copied_words,
                percent(s.copied_words, words),
                s.runs,
                s.pairs
            )?,
            (error, _) => writeln!(
                out,
                "{letter},{name},,,,,{}\r",
                csv_field(error.unwrap_or_default())
            )?,
        }
    }
    let whole = &sources.whole;
    writeln!(
        out,
        "whole,,{},{},{},{},\r",
        whole.copied_words,
        percent(whole.copied_words, words),
        whole.runs,
        whole.pairs
    )
}
