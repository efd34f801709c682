//! Shows, word by word, how a derivative article was made from an original.
//!
//! ```
//! use article_diff::{compare, Op};
//!
//! let result = compare("The cat sat on the mat.", "The cat sat on a mat.").unwrap();
//! let inserted: Vec<&str> = result
//!     .paraphrase_spans()
//!     .iter()
//!     .filter(|span| span.op == Op::Insert)
//!     .map(|span| &result.paraphrase()[span.start as usize..span.end as usize])
//!     .collect();
//! assert_eq!(inserted, ["a"]);
//! ```
//!
//! The pipeline, one module a stage:
//!
//! 1. [`tokenize`]: words, whitespace and punctuation with their offsets;
//! 2. `diff`: the word sequences diffed through interned keys;
//! 3. [`model`]: spans that cover each text, and the JSON form.
//!
//! The engine knows nothing of the browser; `wasm` (built only for
//! `wasm32`) is the thin binding the page calls.

mod diff;
pub mod model;
mod options;
pub mod tokenize;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use model::{Comparison, FORMAT, OffsetUnit, Op, Span};
pub use options::Options;

use std::fmt;

/// The largest text, in UTF-8 bytes, that one side of a comparison may hold.
///
/// Offsets are kept as `u32`, so the bound must stay below 4 GiB.
pub const MAX_INPUT_BYTES: usize = 1 << 30;

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
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { side, bytes } => write!(
                f,
                "the {side} is {bytes} bytes long; the most this tool compares is {MAX_INPUT_BYTES} bytes a side"
            ),
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
/// [`Error::InputTooLarge`] when a side exceeds [`MAX_INPUT_BYTES`].
pub fn compare_with<'t>(
    original: &'t str,
    paraphrase: &'t str,
    options: &Options,
) -> Result<Comparison<'t>, Error> {
    check_size("original", original)?;
    check_size("paraphrase", paraphrase)?;
    let original_tokens = tokenize::tokenize(original);
    let paraphrase_tokens = tokenize::tokenize(paraphrase);
    let changes = diff::diff_tokens(
        (original, &original_tokens),
        (paraphrase, &paraphrase_tokens),
        options,
    );
    Ok(Comparison {
        original,
        paraphrase,
        original_spans: model::spans_from_marks(&original_tokens, &changes.original, Op::Delete),
        paraphrase_spans: model::spans_from_marks(
            &paraphrase_tokens,
            &changes.paraphrase,
            Op::Insert,
        ),
    })
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rebuild(text: &str, spans: &[Span]) -> String {
        let mut at = 0;
        let mut out = String::new();
        for span in spans {
            assert_eq!(span.start, at, "spans leave a gap or overlap");
            assert!(span.end > span.start, "empty span");
            out.push_str(&text[span.start as usize..span.end as usize]);
            at = span.end;
        }
        out
    }

    proptest! {
        #[test]
        fn spans_rebuild_both_texts(original in "\\PC{0,80}", paraphrase in "\\PC{0,80}") {
            let result = compare(&original, &paraphrase).unwrap();
            prop_assert_eq!(rebuild(&original, result.original_spans()), original.clone());
            prop_assert_eq!(rebuild(&paraphrase, result.paraphrase_spans()), paraphrase.clone());
            prop_assert!(result.original_spans().iter().all(|s| s.op != Op::Insert));
            prop_assert!(result.paraphrase_spans().iter().all(|s| s.op != Op::Delete));
        }

        #[test]
        fn identical_texts_have_no_changes(text in "\\PC{0,80}") {
            let result = compare(&text, &text).unwrap();
            prop_assert!(result.original_spans().iter().all(|s| s.op == Op::Equal));
            prop_assert!(result.paraphrase_spans().iter().all(|s| s.op == Op::Equal));
        }
    }

    #[test]
    fn a_replaced_word_is_deleted_on_one_side_and_inserted_on_the_other() {
        let result = compare("The cat sat.", "The dog sat.").unwrap();
        let ops: Vec<(&str, Op)> = result
            .original_spans()
            .iter()
            .map(|s| (&result.original()[s.start as usize..s.end as usize], s.op))
            .collect();
        assert_eq!(
            ops,
            [
                ("The ", Op::Equal),
                ("cat", Op::Delete),
                (" sat.", Op::Equal)
            ]
        );
    }

    #[test]
    fn ignoring_case_is_an_option() {
        let strict = Options::default().ignore_case(false);
        let result = compare_with("The cat", "the cat", &strict).unwrap();
        assert_eq!(result.paraphrase_spans()[0].op, Op::Insert);
        let result = compare("The cat", "the cat").unwrap();
        assert!(result.paraphrase_spans().iter().all(|s| s.op == Op::Equal));
    }
}
