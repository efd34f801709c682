//! Why a comparison could not be made.

use std::fmt;

use crate::limits::too_large_message;

/// Why a comparison could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// One side is longer than [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
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
