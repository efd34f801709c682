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
//! One module a stage, in order:
//!
//! 1. [`tokenize`]: words, whitespace and punctuation with byte offsets
//!    (Unicode word boundaries; abbreviations keep their period);
//! 2. [`keys`]: normalized comparison keys (case, quotes, NFKC) interned to
//!    integers;
//! 3. [`sentences`]: sentences, paragraphs and quotations;
//! 4. [`runs`]: copied runs found regardless of order, with moved and
//!    quoted flags;
//! 5. [`align`]: paraphrase sentences paired with the original sentence(s)
//!    they derive from;
//! 6. [`diff`]: the word diff inside each pair;
//! 7. [`verdict`]: each pair's kept and derived shares and its verdict
//!    (copied, edited, reworded); unchanged words of copied and edited
//!    pairs next to a copied run counted as copied;
//! 8. [`cleanup`]: lone common words between changes folded into them;
//! 9. [`refine`]: character diffs of changed words that nearly match
//!    (during labelling);
//! 10. [`label`]: every word labelled, spans and statistics;
//!
//! and [`model`], the result and its JSON form ([`compact`]: the same as flat
//! arrays, for JavaScript). [`budget`] bounds the time spent. The engine knows nothing of the browser: `wasm` (built only for
//! `wasm32`) is the thin binding the page calls.

pub mod align;
pub mod budget;
pub mod cleanup;
pub mod compact;
pub mod diff;
pub mod keys;
pub mod label;
pub mod model;
mod options;
pub mod refine;
pub mod report;
pub mod runs;
pub mod sentences;
pub mod tokenize;
pub mod verdict;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use model::{
    CharOp, Comparison, FORMAT, Findings, Kind, OffsetUnit, Op, OpTag, Pair, PairOp, Run, Sentence,
    Side, Span, Stats,
};
pub use options::{MIN_RUN_RANGE, Options};
pub use verdict::Verdict;

use std::fmt;

use budget::Budget;
use keys::Vocabulary;

/// The largest text, in UTF-8 bytes, that one side of a comparison may hold:
/// 8 MiB, about 1.4 million words of English.
///
/// Chosen from `node bench/limits.mjs` (bench/README.md, "Size limit"): at
/// this size a side of prose compares in about 2 s within 300 MB of
/// WebAssembly memory, and the densest text there is (one punctuation token
/// a byte) in 2.4 s and 0.8 GB, far from the browser's 4 GB; at 12 MB prose
/// took 3.6 s and the densest text 1.2 GB. Offsets are `u32`, so the bound
/// must in any case stay below 4 GiB.
pub const MAX_INPUT_BYTES: usize = 8 << 20;

/// A byte count for people: "8 MB", "20.3 MB", "512 KB" (1 MB = 2^20 bytes).
pub fn describe_size(bytes: u64) -> String {
    const MB: u64 = 1 << 20;
    if bytes >= MB {
        let tenths = (bytes * 10 + MB / 2) / MB;
        if tenths.is_multiple_of(10) {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else if bytes >= 1024 {
        format!("{} KB", (bytes + 512) / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// What to tell someone whose text is over [`MAX_INPUT_BYTES`]: "the
/// original is 20.3 MB of text; article-diff compares at most 8 MB a side
/// (about 1.4 million words)".
pub fn too_large_message(what: &str, bytes: u64) -> String {
    let limit = describe_size(MAX_INPUT_BYTES as u64);
    let size = describe_size(bytes);
    let size = if size == limit {
        format!("just over {size}")
    } else {
        size
    };
    format!(
        "{what} is {size} of text; article-diff compares at most {limit} a side (about 1.4 million words)"
    )
}

/// Why a comparison could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// One side is longer than [`MAX_INPUT_BYTES`].
    InputTooLarge {
        /// "original" or "paraphrase".
        side: &'static str,
        /// Its length in bytes.
        bytes: usize,
    },
    /// An option is out of its range.
    InvalidOption {
        /// The option's name.
        name: &'static str,
        /// What is wrong with its value.
        reason: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { side, bytes } => {
                f.write_str(&too_large_message(&format!("the {side}"), *bytes as u64))
            }
            Error::InvalidOption { name, reason } => write!(f, "option {name} {reason}"),
        }
    }
}

impl std::error::Error for Error {}

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
    #[cfg(feature = "nfkc")]
    let normalize: keys::Normalizer<'_> = &keys::nfkc;
    #[cfg(not(feature = "nfkc"))]
    let normalize: keys::Normalizer<'_> = if options.normalize_unicode {
        return Err(Error::InvalidOption {
            name: "normalize_unicode",
            reason: "needs the crate's `nfkc` feature (on by default) or compare_with_normalizer"
                .into(),
        });
    } else {
        &keys::unchanged
    };
    compare_with_normalizer(original, paraphrase, options, normalize)
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
    options.validate()?;
    check_size("original", original)?;
    check_size("paraphrase", paraphrase)?;
    let budget = Budget::new(
        options
            .time_budget_ms
            .map(|ms| budget::search_ms(ms, original.len() + paraphrase.len())),
    );

    let o_tokens = tokenize::tokenize(original, options.normalize_unicode);
    let p_tokens = tokenize::tokenize(paraphrase, options.normalize_unicode);
    let mut vocabulary = Vocabulary::new(normalize);
    let o_units = vocabulary.units(original, &o_tokens, options);
    let p_units = vocabulary.units(paraphrase, &p_tokens, options);
    let o_sentences = sentences::sentences(original, &o_tokens, &o_units);
    let (p_sentences, quoted_tokens) =
        sentences::sentences_and_quotes(paraphrase, &p_tokens, &p_units);
    let p_quoted: Vec<bool> = p_units
        .token
        .iter()
        .map(|&t| quoted_tokens[t as usize])
        .collect();

    let unit_ranges = |sentences: &[sentences::Sentence]| -> Vec<std::ops::Range<u32>> {
        sentences.iter().map(|s| s.units.clone()).collect()
    };
    let runs = runs::find_runs(
        &runs::RunInput {
            original: &o_units.id,
            paraphrase: &p_units.id,
            vocabulary: &vocabulary,
            paraphrase_quoted: &p_quoted,
            min_run: options.min_run as usize,
            original_sentences: &unit_ranges(&o_sentences),
            paraphrase_sentences: &unit_ranges(&p_sentences),
        },
        &budget,
    );
    let alignments = align::align(
        &align::Side {
            sentences: &o_sentences,
            units: &o_units,
        },
        &align::Side {
            sentences: &p_sentences,
            units: &p_units,
        },
        &vocabulary,
        &runs,
        options.pair_threshold,
        &budget,
    );
    let run_units: Vec<(std::ops::Range<u32>, std::ops::Range<u32>)> = runs
        .iter()
        .map(|run| (run.original.clone(), run.paraphrase.clone()))
        .collect();
    let pair_units = |alignment: &align::Alignment| {
        let units = |sentences: &[sentences::Sentence], range: &std::ops::Range<u32>| {
            sentences[range.start as usize].units.start..sentences[range.end as usize - 1].units.end
        };
        (
            units(&o_sentences, &alignment.original),
            units(&p_sentences, &alignment.paraphrase),
        )
    };
    // Each pair's word diff, measured (shares and verdict) before its lone
    // common words are folded into the changes around them: folding is for
    // reading, and a shared word still reached the rewrite.
    let (shares, edits): (Vec<verdict::Shares>, Vec<Vec<diff::Edit>>) = alignments
        .iter()
        .map(|alignment| {
            let (o, p) = pair_units(alignment);
            let edits = diff::diff_pair(
                &o_units.id,
                o.clone(),
                &p_units.id,
                p.clone(),
                &run_units,
                &budget,
            );
            let shares = verdict::shares(
                (&o_units.id, o),
                (&p_units.id, p),
                &edits,
                &runs,
                &vocabulary,
            );
            (
                shares,
                cleanup::fold_islands(edits, &o_units.id, &vocabulary),
            )
        })
        .unzip();
    let runs = runs::with_fragments(
        runs,
        alignments
            .iter()
            .zip(&edits)
            .zip(&shares)
            .filter(|(_, shares)| shares.verdict.is_strong())
            .map(|((_, edits), _)| edits.as_slice()),
        &p_units.id,
        &vocabulary,
        &p_quoted,
    );

    let assembled = label::assemble(&label::Assembly {
        original: label::Text {
            text: original,
            tokens: &o_tokens,
            units: &o_units,
            sentences: &o_sentences,
        },
        paraphrase: label::Text {
            text: paraphrase,
            tokens: &p_tokens,
            units: &p_units,
            sentences: &p_sentences,
        },
        vocabulary: &vocabulary,
        paraphrase_quoted: &p_quoted,
        runs: &runs,
        alignments: &alignments,
        edits: &edits,
        shares: &shares,
        budget: &budget,
    });
    Ok(Comparison {
        original,
        paraphrase,
        findings: Findings {
            original_side: assembled.original,
            paraphrase_side: assembled.paraphrase,
            runs: assembled.runs,
            pairs: assembled.pairs,
            stats: assembled.stats,
            cut_short: budget.into_cut_short(),
            options: options.clone(),
        },
    })
}

/// Sorts keys. Every sort of the engine is of `u64` keys (values and indices
/// packed together) so that the WebAssembly build holds one sort routine:
/// each element type and comparator compiles a sort of its own, and a dozen
/// of them came to 67 KB.
pub(crate) fn sort_keys(keys: &mut [u64]) {
    keys.sort_unstable();
}

/// The indices `0..count` ordered by `key`, ties in index order.
pub(crate) fn order_by(count: usize, key: impl Fn(usize) -> u32) -> Vec<usize> {
    let mut keys: Vec<u64> = (0..count)
        .map(|i| (key(i) as u64) << 32 | i as u64)
        .collect();
    sort_keys(&mut keys);
    keys.into_iter()
        .map(|k| (k & 0xFFFF_FFFF) as usize)
        .collect()
}

fn check_size(side: &'static str, text: &str) -> Result<(), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge {
            side,
            bytes: text.len(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(describe_size(0), "0 bytes");
        assert_eq!(describe_size(1023), "1023 bytes");
        assert_eq!(describe_size(1536), "2 KB");
        assert_eq!(describe_size(MAX_INPUT_BYTES as u64), "8 MB");
        assert_eq!(describe_size(21_286_093), "20.3 MB");
    }

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
