//! What a comparison may be asked to do differently.

use serde::{Deserialize, Serialize};

/// Settings of a comparison. [`Options::default()`] is what [`crate::compare`] uses.
///
/// Build one with the chained setters:
///
/// ```
/// let options = article_diff::Options::default().ignore_case(false);
/// assert!(!options.ignore_case);
/// ```
///
/// From JSON (the command line's and the page's form) field names are the
/// same as here, in snake case; unknown fields are an error.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Options {
    /// Compare words without regard to letter case. Default: on.
    pub ignore_case: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { ignore_case: true }
    }
}

impl Options {
    /// Sets [`Options::ignore_case`].
    pub fn ignore_case(mut self, on: bool) -> Self {
        self.ignore_case = on;
        self
    }
}
