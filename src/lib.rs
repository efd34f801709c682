//! Shows, word by word, how a derivative article was made from an original.
//!
//! A plain diff fails on rewrites: they reorder sentences and quote out of
//! order. This engine aligns first (copied passages wherever they went,
//! then sentences), diffs words inside each aligned pair of sentences, and
//! refines to characters where two words nearly match.
//!
//! ```
//! use article_diff::{compare, Kind};
//!
//! let original = "The council met on Monday. It voted to build a new bridge over the river.";
//! let paraphrase = "It voted to build a new bridge over the river, the paper said. A new line.";
//! let result = compare(original, paraphrase).unwrap();
//!
//! let copied: Vec<&str> = result
//!     .paraphrase_side()
//!     .spans
//!     .iter()
//!     .filter(|span| span.kind == Kind::Copied)
//!     .map(|span| result.paraphrase_text(&span.range))
//!     .collect();
//! assert_eq!(copied, ["It voted to build a new bridge over the river"]);
//! assert_eq!(result.stats().copied_words, 10);
//! assert_eq!(result.stats().dropped_sentences, 1);
//! ```
//!
//! [`compare_with`] takes [`Options`]; [`Comparison::to_json`] gives the
//! public JSON form, `article-diff/1` (see `docs/format.md`).
//!
//! # The pipeline
//!
//! One module a stage. Before anything, [`language`] (stage 0) tells
//! which language the original is in (or takes the option's) from a sample
//! of its first words: that language's common words and stems are then the
//! ones every later stage compares by. Reading a text is stages 1–3, done
//! once per text ([`text::Text::read`]):
//!
//! 1. [`tokenize`]: words, whitespace and punctuation with byte offsets
//!    (Unicode word boundaries; abbreviations keep their period);
//! 2. [`keys`]: normalized comparison keys (case, quotes, dashes, NFKC)
//!    interned to integers;
//! 3. [`sentences`]: sentences, paragraphs and quotations.
//!
//! Comparing two read texts is the rest, one line each in [`pipeline`]:
//!
//! 4. [`runs`]: copied runs found regardless of order, with moved and
//!    quoted flags;
//! 5. [`align`]: paraphrase sentences paired with the original sentence(s)
//!    they derive from;
//! 6. [`diff`]: the word diff inside each pair;
//! 7. [`verdict`]: each pair's kept and derived shares and its verdict
//!    (copied, edited, reworded); unchanged words of copied and edited
//!    pairs next to a copied run counted as copied;
//! 8. [`cleanup`]: lone common words between changes folded into them;
//! 9. [`refine`]: character diffs of changed words that nearly match;
//! 10. [`label`]: every word labelled, spans and statistics;
//!
//! and [`model`], the result and its JSON form ([`compact`]: the same as flat
//! arrays, for JavaScript). [`budget`] bounds the time spent and carries
//! the [`progress`] a waiting reader is shown; [`order`]
//! holds the one sort and the heaviest chain the stages share; [`chars`]
//! a character's lower case and Emoji property, from compact tables built
//! from the standard library's and `unicode-properties`' (for the
//! WebAssembly module's size). The engine
//! knows nothing of the browser: `wasm` (built only for `wasm32`) is the
//! thin binding the page calls.

pub mod align;
pub mod budget;
pub mod chars;
pub mod cleanup;
pub mod compact;
pub mod diff;
mod error;
pub mod keys;
pub mod label;
pub mod language;
mod limits;
pub mod model;
mod options;
pub mod order;
pub mod pipeline;
pub mod progress;
pub mod refine;
pub mod report;
pub mod runs;
pub mod sentences;
pub mod sources;
pub mod text;
pub mod tokenize;
pub mod verdict;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::Error;
pub use limits::{MAX_INPUT_BYTES, describe_size, too_large_message};
pub use model::{
    CharOp, Comparison, FORMAT, Findings, Kind, OffsetUnit, Op, OpTag, Pair, PairOp, Run, Sentence,
    Side, Span, Stats,
};
pub use options::{MIN_RUN_RANGE, Options};
pub use verdict::Verdict;

use keys::Vocabulary;
use text::Text;

/// Compares an original with its paraphrase using [`Options::default()`].
///
/// # Errors
///
/// [`Error::InputTooLarge`] when a side exceeds [`MAX_INPUT_BYTES`].
pub fn compare<'t>(original: &'t str, paraphrase: &'t str) -> Result<Comparison<'t>, Error> {
    compare_with(original, paraphrase, &Options::default())
}

/// Compares an original with its paraphrase using the given options.
///
/// # Errors
///
/// [`Error::InputTooLarge`] when a side exceeds [`MAX_INPUT_BYTES`];
/// [`Error::InvalidOption`] when an option is out of its range, or when
/// [`Options::normalize_unicode`] is on in a build without the `nfkc`
/// feature (use [`compare_with_normalizer`] there).
pub fn compare_with<'t>(
    original: &'t str,
    paraphrase: &'t str,
    options: &Options,
) -> Result<Comparison<'t>, Error> {
    Original::read(original, options)?.into_comparison(paraphrase)
}

/// Compares one original with each of many rewrites, reading the original
/// once: the comparisons are those [`compare_with`] makes, in the order
/// given.
///
/// ```
/// let original = "The council met on Monday. It voted to build a new bridge over the river.";
/// let rewrites = [
///     "It voted to build a new bridge over the river, the paper said.",
///     "A new line. The council met on Monday.",
/// ];
/// let results = article_diff::compare_many(original, &rewrites, &Default::default()).unwrap();
/// assert_eq!(results.len(), 2);
/// assert_eq!(results[0].stats().copied_words, 10);
/// ```
///
/// # Errors
///
/// As [`compare_with`], for the original or any rewrite.
pub fn compare_many<'t>(
    original: &'t str,
    rewrites: &[&'t str],
    options: &Options,
) -> Result<Vec<Comparison<'t>>, Error> {
    let original = Original::read(original, options)?;
    rewrites
        .iter()
        .map(|rewrite| original.compare(rewrite))
        .collect()
}

/// Compares an original with its paraphrase, bringing words to Unicode NFKC
/// (when [`Options::normalize_unicode`] asks for it) with `normalize`: the
/// browser binding passes the browser's own normalization.
///
/// # Errors
///
/// As [`compare_with`].
pub fn compare_with_normalizer<'t>(
    original: &'t str,
    paraphrase: &'t str,
    options: &Options,
    normalize: keys::Normalizer<'_>,
) -> Result<Comparison<'t>, Error> {
    Original::read_with_normalizer(original, options, normalize)?.into_comparison(paraphrase)
}

/// As [`compare_with_normalizer`], telling `progress` (if any) how far it
/// is, stage by stage (the browser binding's progress bar). The result is
/// the same.
///
/// # Errors
///
/// As [`compare_with`].
pub fn compare_with_progress<'t>(
    original: &'t str,
    paraphrase: &'t str,
    options: &Options,
    normalize: keys::Normalizer<'_>,
    progress: Option<progress::Progress>,
) -> Result<Comparison<'t>, Error> {
    let read = Original::read_reporting(
        original,
        options,
        normalize,
        progress.as_ref(),
        original.len() + paraphrase.len(),
    )?;
    compare_read(
        (&read.text, read.language),
        read.vocabulary,
        options,
        paraphrase,
        progress,
    )
}

/// An original read once (stages 1–3), to be compared with any number of
/// rewrites: each comparison reads only its rewrite. It is `Sync`, so
/// rewrites can be compared on several threads at once.
pub struct Original<'t, 'n> {
    text: Text<'t>,
    vocabulary: Vocabulary<'t, 'n>,
    options: Options,
    /// The language detection found the text in.
    language: Option<language::Language>,
}

impl<'t> Original<'t, 'static> {
    /// Reads `original` under `options`.
    ///
    /// # Errors
    ///
    /// As [`compare_with`], for the original.
    pub fn read(original: &'t str, options: &Options) -> Result<Self, Error> {
        let normalize = default_normalizer(options)?;
        Original::read_with_normalizer(original, options, normalize)
    }
}

impl<'t, 'n> Original<'t, 'n> {
    /// Reads `original` under `options`, with `normalize` for NFKC (see
    /// [`compare_with_normalizer`]).
    ///
    /// # Errors
    ///
    /// As [`compare_with`], for the original.
    pub fn read_with_normalizer(
        original: &'t str,
        options: &Options,
        normalize: keys::Normalizer<'n>,
    ) -> Result<Self, Error> {
        Original::read_reporting(original, options, normalize, None, original.len())
    }

    /// As [`Original::read_with_normalizer`], telling `progress` (if any)
    /// how far the reading of `total` bytes (this text's first) is.
    fn read_reporting(
        original: &'t str,
        options: &Options,
        normalize: keys::Normalizer<'n>,
        progress: Option<&progress::Progress>,
        total: usize,
    ) -> Result<Self, Error> {
        options.validate()?;
        limits::check_size("original", original)?;
        let detected = language::detect(original);
        let rules = language::Rules::new(options.chosen_language()?.or(detected));
        let mut vocabulary = Vocabulary::with_rules(normalize, rules);
        let text = read_text(
            original,
            options,
            &mut vocabulary,
            (0, total),
            &|done, all| {
                if let Some(progress) = progress {
                    progress.report(progress::Stage::Reading, done, all);
                }
            },
        );
        Ok(Original {
            text,
            vocabulary,
            options: options.clone(),
            language: detected,
        })
    }

    /// Compares the original with `paraphrase`, within the options' time
    /// budget (which starts now).
    ///
    /// # Errors
    ///
    /// [`Error::InputTooLarge`] when `paraphrase` exceeds [`MAX_INPUT_BYTES`].
    pub fn compare(&self, paraphrase: &'t str) -> Result<Comparison<'t>, Error> {
        compare_read(
            (&self.text, self.language),
            self.vocabulary.clone(),
            &self.options,
            paraphrase,
            None,
        )
    }

    /// As [`Original::compare`], for the last (or only) comparison: the
    /// vocabulary is used up rather than copied.
    ///
    /// # Errors
    ///
    /// As [`Original::compare`].
    pub fn into_comparison(self, paraphrase: &'t str) -> Result<Comparison<'t>, Error> {
        compare_read(
            (&self.text, self.language),
            self.vocabulary,
            &self.options,
            paraphrase,
            None,
        )
    }
}

/// The crate's NFKC (its `nfkc` feature), or none when the options do not
/// ask for it.
fn default_normalizer(options: &Options) -> Result<keys::Normalizer<'static>, Error> {
    #[cfg(feature = "nfkc")]
    let normalize: keys::Normalizer<'static> = {
        let _ = options;
        &keys::nfkc
    };
    #[cfg(not(feature = "nfkc"))]
    let normalize: keys::Normalizer<'static> = if options.normalize_unicode {
        return Err(Error::InvalidOption {
            name: "normalize_unicode",
            reason: "needs the crate's `nfkc` feature (on by default) or compare_with_normalizer"
                .into(),
        });
    } else {
        &keys::unchanged
    };
    Ok(normalize)
}

/// Compares `text` with each of `sources` (each as the original), reading
/// the text once, and attributes each of its copied runs and pairs to one
/// source: the one with the most evidence ([`sources`]).
///
/// # Errors
///
/// As [`compare_with`], for any source or the text.
pub fn compare_sources<'t>(
    sources: &[&'t str],
    text: &'t str,
    options: &Options,
) -> Result<sources::Sources<'t>, Error> {
    sources::compare_sources(sources, text, options, default_normalizer(options)?)
}

/// Reads `text` (stages 1–3), telling `report` after each stage how many
/// of `3 × total` byte-steps of reading are done, `before` bytes of `total`
/// having been read before this text.
fn read_text<'t>(
    text: &'t str,
    options: &Options,
    vocabulary: &mut Vocabulary<'t, '_>,
    (before, total): (usize, usize),
    report: &dyn Fn(usize, usize),
) -> Text<'t> {
    let mut steps = 0;
    Text::read_observed(text, options, vocabulary, &mut |_| {
        steps += 1;
        report(3 * before + steps * text.len(), 3 * total);
    })
}

/// Reads `paraphrase` into `vocabulary` and compares it with `original`,
/// telling `progress` (if any) how far it is.
fn compare_read<'t>(
    (original, original_language): (&Text<'t>, Option<language::Language>),
    mut vocabulary: Vocabulary<'t, '_>,
    options: &Options,
    paraphrase: &'t str,
    progress: Option<progress::Progress>,
) -> Result<Comparison<'t>, Error> {
    limits::check_size("paraphrase", paraphrase)?;
    let languages = language::Languages {
        original: original_language,
        paraphrase: language::detect(paraphrase),
        used: vocabulary.rules().language(),
    };
    let bytes = (original.text.len(), original.text.len() + paraphrase.len());
    let budget = pipeline::budget(options, bytes.1).with_progress(progress);
    let paraphrase_text = read_text(paraphrase, options, &mut vocabulary, bytes, &|done, all| {
        budget.report(progress::Stage::Reading, done, all)
    });
    Ok(Comparison {
        original: original.text,
        paraphrase,
        findings: pipeline::compare_in(
            (original, &paraphrase_text),
            &vocabulary,
            options,
            budget,
            languages,
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_side_over_the_limit_is_refused_with_its_size() {
        let big = "word ".repeat(MAX_INPUT_BYTES / 5 + 1);
        let error = compare("short", &big).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the paraphrase is just over 8 MB of text; article-diff compares at most 8 MB a side (about 1.4 million words)"
        );
        assert!(matches!(
            error,
            Error::InputTooLarge {
                side: "paraphrase",
                ..
            }
        ));
        let error = compare(&big, "short").unwrap_err();
        assert!(matches!(
            error,
            Error::InputTooLarge {
                side: "original",
                ..
            }
        ));
        // At the limit exactly, it compares.
        let full = "x".repeat(MAX_INPUT_BYTES);
        assert!(compare(&full, "x").is_ok());
    }
}
