//! Size probes for issue 14 item 4 (docs/languages.md): one export,
//! `__languageProbe`, that uses whichever language dependency a `size-*`
//! feature links in, with the language chosen at run time so that the
//! linker keeps every language's code and data. `scripts/size-variants.sh`
//! builds the module with each feature and prints its gzip size. No build
//! that ships enables these features, and the engine never calls this.

use wasm_bindgen::prelude::*;

/// Stems, segments or filters `text` for `language` (an ISO 639-1 code) and
/// returns a line of counts, so that nothing it computes is thrown away.
#[wasm_bindgen(js_name = __languageProbe)]
pub fn language_probe(language: &str, text: &str) -> Result<String, JsError> {
    let mut out = String::new();
    #[cfg(any(feature = "size-stem-all", feature = "size-stem-en"))]
    out.push_str(&format!("stems {} ", stem(language, text)?));
    #[cfg(feature = "size-icu")]
    out.push_str(&segment(text));
    #[cfg(feature = "size-stop-iso")]
    {
        let list = stop_words::lookup(language)
            .ok_or_else(|| JsError::new(&format!("no stop list for {language:?}")))?;
        let n = text.split_whitespace().filter(|w| list.contains(w)).count();
        out.push_str(&format!("stop-iso {n} "));
    }
    #[cfg(feature = "size-stop-json")]
    {
        // The 23 languages' lists as one JSON object, language -> words,
        // made by scripts/size-variants.sh; SIZE_STOP_JSON names the file.
        let all: std::collections::HashMap<String, Vec<String>> =
            serde_json::from_str(include_str!(env!("SIZE_STOP_JSON")))
                .map_err(|e| JsError::new(&e.to_string()))?;
        let list = all
            .get(language)
            .ok_or_else(|| JsError::new(&format!("no stop list for {language:?}")))?;
        let n = text
            .split_whitespace()
            .filter(|w| list.iter().any(|s| s == w))
            .count();
        out.push_str(&format!("stop-json {n} "));
    }
    let _ = (language, text);
    Ok(out)
}

/// Every whitespace-separated word stemmed; returns the total stem length.
#[cfg(any(feature = "size-stem-all", feature = "size-stem-en"))]
fn stem(language: &str, text: &str) -> Result<usize, JsError> {
    use rust_stemmers::{Algorithm, Stemmer};
    #[cfg(feature = "size-stem-all")]
    let algorithm = match language {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return Err(JsError::new(&format!("no stemmer for {language:?}"))),
    };
    #[cfg(not(feature = "size-stem-all"))]
    let algorithm = match language {
        "en" => Algorithm::English,
        _ => return Err(JsError::new(&format!("no stemmer for {language:?}"))),
    };
    let stemmer = Stemmer::create(algorithm);
    Ok(text.split_whitespace().map(|w| stemmer.stem(w).len()).sum())
}

/// Word and sentence boundaries by ICU4X, as counts.
#[cfg(feature = "size-icu")]
fn segment(text: &str) -> String {
    use icu_segmenter::options::{SentenceBreakInvariantOptions, WordBreakInvariantOptions};
    use icu_segmenter::{SentenceSegmenter, WordSegmenter};
    #[cfg(feature = "size-icu-auto")]
    let words = WordSegmenter::new_auto(WordBreakInvariantOptions::default());
    #[cfg(all(feature = "size-icu-dict", not(feature = "size-icu-auto")))]
    let words = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    #[cfg(not(any(feature = "size-icu-dict", feature = "size-icu-auto")))]
    let words = WordSegmenter::new_for_non_complex_scripts(WordBreakInvariantOptions::default());
    let sentences = SentenceSegmenter::new(SentenceBreakInvariantOptions::default());
    format!(
        "words {} sentences {} ",
        words.segment_str(text).count(),
        sentences.segment_str(text).count()
    )
}
