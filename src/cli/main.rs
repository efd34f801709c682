//! `article-diff ORIGINAL PARAPHRASE`: compares two text files.

mod input;
mod output;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use article_diff::report::{html, text};
use article_diff::{OffsetUnit, Options, compare_with};
use clap::builder::BoolishValueParser;
use clap::{ArgAction, Parser, ValueEnum};

/// Shows, word by word, how a rewrite was made from an original report:
/// what was copied (and whether it moved), reworded, added and dropped.
#[derive(Parser, Debug)]
#[command(name = "article-diff", version, max_term_width = 100)]
struct Args {
    /// The original report (`-` reads standard input).
    original: String,
    /// The rewrite of it (`-` reads standard input).
    paraphrase: String,

    /// What to print.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the result to FILE instead of standard output: a file appears whole or not at all (a
    /// symbolic link is followed and stays a link); a device or named pipe is written to in place.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Colour the text report.
    #[arg(long, value_enum, default_value_t = When::Auto)]
    color: When,
    /// The unit of offsets in the JSON output.
    #[arg(long, value_enum, default_value_t = Unit::Utf8)]
    offsets: Unit,

    /// Compare words without regard to letter case.
    #[arg(long, value_name = "BOOL", default_value = "true", action = ArgAction::Set, value_parser = BoolishValueParser::new())]
    ignore_case: bool,
    /// Treat all quotation marks and apostrophes as one, all dashes (`--` too) as one, and `…` as `...`.
    #[arg(long, value_name = "BOOL", default_value = "true", action = ArgAction::Set, value_parser = BoolishValueParser::new())]
    unify_punctuation: bool,
    /// Compare words in Unicode NFKC form; zero-width spaces separate words.
    #[arg(long, value_name = "BOOL", default_value = "true", action = ArgAction::Set, value_parser = BoolishValueParser::new())]
    normalize_unicode: bool,
    /// Compare words only, as if there were no punctuation.
    #[arg(long, value_name = "BOOL", default_value = "false", action = ArgAction::Set, value_parser = BoolishValueParser::new())]
    ignore_punctuation: bool,
    /// The fewest words a passage needs to count as copied (a whole sentence repeated exactly always counts).
    #[arg(long, value_name = "WORDS", default_value_t = Options::default().min_run)]
    min_run: u32,
    /// The similarity (0 to 1) a sentence needs to be paired as a rewording.
    #[arg(long, value_name = "SCORE", default_value_t = Options::default().pair_threshold)]
    pair_threshold: f64,
    /// Milliseconds to spend before settling for a coarser answer (0: no limit).
    #[arg(long, value_name = "MS", default_value_t = Options::default().time_budget_ms.unwrap_or(0))]
    time_budget: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A summary and each pair of sentences with its changes marked.
    Text,
    /// The `article-diff/1` model (see docs/format.md).
    Json,
    /// A standalone HTML report.
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum When {
    /// When writing to a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Unit {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "utf-16", alias = "utf16")]
    Utf16,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Quiet) => ExitCode::SUCCESS,
        Err(Failure::Message(message)) => {
            eprintln!("article-diff: {message}");
            ExitCode::from(2)
        }
    }
}

enum Failure {
    /// Standard output was closed (e.g. piped into `head`): stop quietly.
    Quiet,
    /// A one-line message for standard error.
    Message(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Message(message)
    }
}

fn run(args: &Args) -> Result<(), Failure> {
    if args.original == "-" && args.paraphrase == "-" {
        return Err("only one of the two texts can come from standard input"
            .to_string()
            .into());
    }
    let original = input::read(&args.original)?;
    let paraphrase = input::read(&args.paraphrase)?;
    for warning in [&original.warning, &paraphrase.warning]
        .into_iter()
        .flatten()
    {
        eprintln!("article-diff: warning: {warning}");
    }
    let options = Options::default()
        .ignore_case(args.ignore_case)
        .unify_punctuation(args.unify_punctuation)
        .normalize_unicode(args.normalize_unicode)
        .ignore_punctuation(args.ignore_punctuation)
        .min_run(args.min_run)
        .pair_threshold(args.pair_threshold)
        .time_budget_ms((args.time_budget > 0).then_some(args.time_budget));
    let result = compare_with(&original.text, &paraphrase.text, &options)
        .map_err(|error| error.to_string())?;
    let colour = args.output.is_none()
        && match args.color {
            When::Always => true,
            When::Never => false,
            When::Auto => {
                io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        };
    // The result is written as it is made, never held whole.
    let write_result = |out: &mut dyn Write| match args.format {
        Format::Text => text::write(
            &result,
            if colour {
                text::Style::Colour
            } else {
                text::Style::Plain
            },
            out,
        ),
        Format::Json => {
            let unit = match args.offsets {
                Unit::Utf8 => OffsetUnit::Utf8,
                Unit::Utf16 => OffsetUnit::Utf16,
            };
            result.write_json_pretty(unit, &mut *out)?;
            out.write_all(b"\n")
        }
        Format::Html => html::write(&result, out),
    };
    match &args.output {
        Some(path) => output::write(path, write_result),
        None => {
            let mut stdout = BufWriter::with_capacity(output::BUFFER, io::stdout().lock());
            match write_result(&mut stdout).and_then(|()| stdout.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Failure::Quiet),
                Err(e) => Err(Failure::Message(format!("cannot write the result: {e}"))),
            }
        }
    }
}
