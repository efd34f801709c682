//! `article-diff ORIGINAL REWRITE [REWRITE...]` and
//! `article-diff --source SOURCE... TEXT`: compares text files.

mod input;
mod many;
mod output;
mod sources;

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
#[command(
    name = "article-diff",
    version,
    max_term_width = 100,
    override_usage = "article-diff [OPTIONS] ORIGINAL REWRITE\n       article-diff [OPTIONS] ORIGINAL REWRITE REWRITE...\n       article-diff [OPTIONS] --source SOURCE [--source SOURCE...] TEXT",
    after_help = "With several rewrites, each is compared with the original (on every core) and \
the report begins with an overview, one line a rewrite in the order given: its words, the shares \
copied, reworded and new, its moved passages, its copied words outside quotation marks and its \
longest copied passage. `-f text` prints the overview (`--details` adds every comparison), `-f csv` \
the overview as CSV, `-f json` an array of models each with its \"name\", `-f html` one page with \
the overview and every comparison. A rewrite that cannot be read is named on standard error and in \
the overview, the others are still compared, and the exit code is 2.

With --source, one TEXT is compared with each SOURCE (on every core) and each of its copied \
passages and sentence pairs is attributed to one source, the one with the most evidence. Sources \
get letters (A, B, C...) in the order given. `-f text` prints a legend (each source's copied \
words, their share of the text, its passages and pairs; a line for all of them, where a word \
copied from several sources counts once) and then the text, each passage copied from a source \
marked [A: like this]; `-f html` marks passages by colour and letter; `-f json` prints one \
model with \"sources\" and a \"source\" on every run and pair; `-f csv` a row a source and one \
for all. A source that cannot be read is named on standard error and in the report, the others \
are still compared, and the exit code is 2."
)]
struct Args {
    /// The original report; with --source, the TEXT to compare with the sources (`-` reads
    /// standard input).
    #[arg(required_unless_present = "sources", value_name = "ORIGINAL")]
    original: Option<String>,
    /// The rewrite of it, or several rewrites of it (`-` reads standard input).
    #[arg(required_unless_present = "sources", value_name = "REWRITE")]
    rewrites: Vec<String>,
    /// A source of TEXT (repeat for each): TEXT's copied passages and sentence pairs are each
    /// attributed to one source (`-` reads standard input).
    #[arg(long = "source", value_name = "SOURCE")]
    sources: Vec<String>,

    /// What to print.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// With several rewrites and `-f text`: every comparison in full after the overview.
    #[arg(long)]
    details: bool,
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
    /// The texts' language: auto (detected from the original) or an ISO 639-1 code (de, fr, ja…).
    #[arg(long, value_name = "CODE", default_value = "auto")]
    language: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A summary and each pair of sentences with its changes marked.
    Text,
    /// The `article-diff/1` model (see docs/format.md).
    Json,
    /// A standalone HTML report.
    Html,
    /// The overview: a line of figures a rewrite (with --source: a source), with a header row.
    Csv,
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
        Err(Failure::Reported) => ExitCode::from(2),
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
    /// Something failed and standard error already says what.
    Reported,
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Message(message)
    }
}

fn run(args: &Args) -> Result<(), Failure> {
    let from_stdin = args
        .original
        .iter()
        .chain(&args.rewrites)
        .chain(&args.sources)
        .filter(|path| *path == "-")
        .count();
    if from_stdin > 1 {
        return Err(if args.rewrites.len() + args.sources.len() == 1 {
            "only one of the two texts can come from standard input"
        } else {
            "only one of the texts can come from standard input"
        }
        .to_string()
        .into());
    }
    let options = Options::default()
        .ignore_case(args.ignore_case)
        .unify_punctuation(args.unify_punctuation)
        .normalize_unicode(args.normalize_unicode)
        .ignore_punctuation(args.ignore_punctuation)
        .min_run(args.min_run)
        .pair_threshold(args.pair_threshold)
        .time_budget_ms((args.time_budget > 0).then_some(args.time_budget))
        .language(&args.language);
    if !args.sources.is_empty() {
        return sources::run(args, &options);
    }
    // Clap requires both without --source.
    let original = args.original.as_deref().unwrap_or("-");
    if let [paraphrase] = args.rewrites.as_slice()
        && args.format != Format::Csv
    {
        run_one(args, original, paraphrase, &options)
    } else {
        many::run(args, original, &options)
    }
}

/// One rewrite: its comparison in full.
fn run_one(
    args: &Args,
    original: &str,
    paraphrase: &str,
    options: &Options,
) -> Result<(), Failure> {
    let original = input::read(original)?;
    let paraphrase = input::read(paraphrase)?;
    for warning in [&original.warning, &paraphrase.warning]
        .into_iter()
        .flatten()
    {
        eprintln!("article-diff: warning: {warning}");
    }
    let result = compare_with(&original.text, &paraphrase.text, options)
        .map_err(|error| error.to_string())?;
    let style = text_style(args);
    // The result is written as it is made, never held whole.
    deliver(args, |out: &mut dyn Write| match args.format {
        Format::Text => text::write(&result, style, out),
        Format::Json => {
            result.write_json_pretty(offset_unit(args), &mut *out)?;
            out.write_all(b"\n")
        }
        Format::Html => html::write(&result, out),
        Format::Csv => unreachable!("one rewrite as CSV is an overview of one"),
    })
}

/// The text report's style: colour on a terminal, or when asked for.
fn text_style(args: &Args) -> text::Style {
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
    if colour {
        text::Style::Colour
    } else {
        text::Style::Plain
    }
}

fn offset_unit(args: &Args) -> OffsetUnit {
    match args.offsets {
        Unit::Utf8 => OffsetUnit::Utf8,
        Unit::Utf16 => OffsetUnit::Utf16,
    }
}

/// Writes what `write_result` makes to `--output` or standard output.
fn deliver(
    args: &Args,
    write_result: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
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
