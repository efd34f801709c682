//! What a comparison may be asked to do differently.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::language::Language;

/// Settings of a comparison. [`Options::default()`] is what [`crate::compare`] uses.
///
/// Build one with the chained setters:
///
/// ```
/// let options = article_diff::Options::default().min_run(6).ignore_case(false);
/// assert_eq!(options.min_run, 6);
/// ```
///
/// From JSON (the page's and the command line's form) the field names are
/// the same as here; a missing field takes its default and an unknown one is
/// an error.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Options {
    /// Compare words without regard to letter case. Default: on.
    pub ignore_case: bool,
    /// Treat every quotation mark and apostrophe (`"` `“` `”` `‘` `’` `'` …)
    /// as one character, every dash (`—` `–`, and `--` typed with hyphens)
    /// as a hyphen, and the ellipsis `…` as `...`. Default: on.
    pub unify_punctuation: bool,
    /// Compare words in Unicode NFKC form with soft hyphens removed, and let
    /// a zero-width no-break space (U+FEFF) inside a word separate it as the
    /// zero-width space (U+200B) always does. Default: on.
    pub normalize_unicode: bool,
    /// Compare words only, as if there were no punctuation. Default: off.
    pub ignore_punctuation: bool,
    /// The fewest words a passage needs to count as copied. Default: 4.
    ///
    /// A passage must also hold at least one word that is not a very common
    /// one ("the", "of", "said"), so "and that the two" never counts. A
    /// whole sentence that repeats a whole sentence of the original exactly
    /// counts however short it is ("Bridge closed.").
    pub min_run: u32,
    /// The similarity (0 to 1) a paraphrase sentence needs to its original
    /// sentence(s) to be paired with them as a rewording. Default: 0.2.
    pub pair_threshold: f64,
    /// Milliseconds the comparison may spend before it settles for a
    /// coarser answer (and says so); `None` for no limit. Default: 5000.
    /// The searching stages stop early enough (0.1 s a MB of input) that a
    /// whole run, output included, ends within the budget plus a second
    /// (see [`crate::budget`]).
    pub time_budget_ms: Option<u64>,
    /// The language of the texts: `"auto"` to detect it from the original
    /// (see [`crate::language`]), or an ISO 639-1 code (`"de"`) that this
    /// build knows. Its common words and stems are then the ones compared
    /// by. Default: `"auto"`.
    pub language: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ignore_case: true,
            unify_punctuation: true,
            normalize_unicode: true,
            ignore_punctuation: false,
            min_run: 4,
            pair_threshold: 0.2,
            time_budget_ms: Some(5000),
            language: String::from("auto"),
        }
    }
}

/// The range [`Options::min_run`] may take.
pub const MIN_RUN_RANGE: std::ops::RangeInclusive<u32> = 1..=1000;

/// The range [`Options::pair_threshold`] may take.
pub const PAIR_THRESHOLD_RANGE: std::ops::RangeInclusive<f64> = 0.0..=1.0;

/// What a form offering the options needs to know of them, as JSON: each
/// one's default (as the model's `options` has them), the bounds of those
/// that have some and the values [`Options::language`] may take in the
/// languages build (the others are switches, but for
/// [`Options::time_budget_ms`], which may be any whole number or `null`).
/// The page builds its options form and checks saved options with it
/// (`optionRules()`), so that it restates none of them.
///
/// Written out rather than serialized from [`Options::default()`] and the
/// ranges: the code to serialize it would cost the browser build 0.3 KB
/// gzip, the text costs it 0.1 KB. A test checks that it says what they say.
// Read by the browser binding alone, and by the test below.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub const RULES_JSON: &str = r#"{"defaults":{"ignore_case":true,"unify_punctuation":true,"normalize_unicode":true,"ignore_punctuation":false,"min_run":4,"pair_threshold":0.2,"time_budget_ms":5000,"language":"auto"},"ranges":{"min_run":[1,1000],"pair_threshold":[0,1]},"choices":{"language":["auto","en","ar","cs","da","de","el","es","fa","fi","fr","he","hi","hu","hy","id","it","ja","ko","nl","no","pl","pt","ro","ru","sv","th","tr","uk","vi","zh"]}}"#;

impl Options {
    /// Sets [`Options::ignore_case`].
    pub fn ignore_case(mut self, on: bool) -> Self {
        self.ignore_case = on;
        self
    }

    /// Sets [`Options::unify_punctuation`].
    pub fn unify_punctuation(mut self, on: bool) -> Self {
        self.unify_punctuation = on;
        self
    }

    /// Sets [`Options::normalize_unicode`].
    pub fn normalize_unicode(mut self, on: bool) -> Self {
        self.normalize_unicode = on;
        self
    }

    /// Sets [`Options::ignore_punctuation`].
    pub fn ignore_punctuation(mut self, on: bool) -> Self {
        self.ignore_punctuation = on;
        self
    }

    /// Sets [`Options::min_run`].
    pub fn min_run(mut self, words: u32) -> Self {
        self.min_run = words;
        self
    }

    /// Sets [`Options::pair_threshold`].
    pub fn pair_threshold(mut self, similarity: f64) -> Self {
        self.pair_threshold = similarity;
        self
    }

    /// Sets [`Options::time_budget_ms`].
    pub fn time_budget_ms(mut self, milliseconds: Option<u64>) -> Self {
        self.time_budget_ms = milliseconds;
        self
    }

    /// Sets [`Options::language`]: `"auto"` or an ISO 639-1 code.
    pub fn language(mut self, code: &str) -> Self {
        self.language = code.to_owned();
        self
    }

    /// The language [`Options::language`] names, or `None` for `"auto"`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] when it names no language of this build.
    pub fn chosen_language(&self) -> Result<Option<Language>, Error> {
        if self.language == "auto" {
            return Ok(None);
        }
        Language::from_code(&self.language)
            .map(Some)
            .ok_or_else(|| Error::InvalidOption {
                name: "language",
                reason: if cfg!(feature = "languages") {
                    format!(
                        "must be \"auto\" or one of {}, not \"{}\"",
                        Language::all()
                            .map(Language::code)
                            .collect::<Vec<_>>()
                            .join(", "),
                        self.language
                    )
                } else {
                    format!(
                        "\"{}\" needs the languages build (this one knows \"auto\" and \"en\")",
                        self.language
                    )
                },
            })
    }

    /// Checks that every value is in its range.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] naming the first option out of range.
    pub fn validate(&self) -> Result<(), Error> {
        if !MIN_RUN_RANGE.contains(&self.min_run) {
            return Err(Error::InvalidOption {
                name: "min_run",
                reason: format!(
                    "must be a whole number from {} to {}, not {}",
                    MIN_RUN_RANGE.start(),
                    MIN_RUN_RANGE.end(),
                    self.min_run
                ),
            });
        }
        if !PAIR_THRESHOLD_RANGE.contains(&self.pair_threshold) {
            // serde_json formats the number (and says null for NaN): core's
            // float formatting would add 15 KB to the WebAssembly build.
            let value = serde_json::to_string(&self.pair_threshold).unwrap_or_default();
            return Err(Error::InvalidOption {
                name: "pair_threshold",
                reason: format!("must be from 0 to 1, not {value}"),
            });
        }
        self.chosen_language()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        assert_eq!(Options::default().validate(), Ok(()));
    }

    #[test]
    fn out_of_range_values_are_named() {
        let error = Options::default().min_run(0).validate().unwrap_err();
        assert!(error.to_string().contains("min_run"), "{error}");
        let error = Options::default()
            .pair_threshold(f64::NAN)
            .validate()
            .unwrap_err();
        assert!(error.to_string().contains("pair_threshold"), "{error}");
    }

    #[test]
    fn the_rules_say_the_defaults_and_ranges() {
        let rules: serde_json::Value = serde_json::from_str(RULES_JSON).unwrap();
        assert_eq!(
            rules["defaults"],
            serde_json::to_value(Options::default()).unwrap()
        );
        let bounds = |key: &str| -> Vec<f64> {
            let pair = rules["ranges"][key].as_array().unwrap();
            pair.iter().map(|n| n.as_f64().unwrap()).collect()
        };
        assert_eq!(
            bounds("min_run"),
            [*MIN_RUN_RANGE.start(), *MIN_RUN_RANGE.end()].map(f64::from)
        );
        assert_eq!(
            bounds("pair_threshold"),
            [*PAIR_THRESHOLD_RANGE.start(), *PAIR_THRESHOLD_RANGE.end()]
        );
        assert_eq!(rules["ranges"].as_object().unwrap().len(), 2);
        // The languages build's languages: the page offers them all, and
        // the worker loads that build for any but English.
        #[cfg(feature = "languages")]
        {
            let mut codes = vec!["auto"];
            codes.extend(Language::all().map(Language::code));
            assert_eq!(rules["choices"]["language"], serde_json::json!(codes));
        }
    }

    #[test]
    fn json_fields_default_and_unknown_ones_are_refused() {
        let options: Options = serde_json::from_str(r#"{"min_run": 7}"#).unwrap();
        assert_eq!(options, Options::default().min_run(7));
        assert!(serde_json::from_str::<Options>(r#"{"min_runs": 7}"#).is_err());
        let unlimited: Options = serde_json::from_str(r#"{"time_budget_ms": null}"#).unwrap();
        assert_eq!(unlimited.time_budget_ms, None);
    }
}
