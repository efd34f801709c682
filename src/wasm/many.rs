//! Many documents at once: one original against many rewrites
//! (`compareMany`, the original read once) and one text against several
//! sources (`compareSources`, each copied run and pair of the text
//! attributed to one source). Each comparison is the [`Comparison`] that
//! `compare` returns.

use std::rc::Rc;

use js_sys::{Array, Object, Uint32Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::{
    Comparison, engine_error, failure, handing_error, nfkc, numbers_object, parse_options, set,
    string, type_error,
};
use crate::model::{Findings, OffsetUnit};
use crate::sources::{Attributed, SourceEntry, SourceStats, Sources};
use crate::{MAX_INPUT_BYTES, Original, too_large_message};

/// Compares `original` with each of `rewrites`, reading the original once:
/// an array of comparisons, one a rewrite in the order given, each what
/// `compare(original, rewrite, options)` returns (and, like it, to be
/// freed with `free()` or left to be collected).
///
/// # Errors
///
/// A `TypeError` when `original` is not a string, `rewrites` not an array,
/// an element not a string (`compareMany(original, rewrites, options):
/// rewrites[3] must be a string (got a number)`) or `options` not an
/// object. An `Error` for an option as `compare` has it, for an original
/// over the size limit (as `compare` words it), and for a rewrite over it,
/// named by its place counted from 1 (`Rewrite 4 is 9 MB of text; …` for
/// `rewrites[3]`); nothing is compared then.
#[wasm_bindgen(js_name = compareMany, unchecked_return_type = "Comparison[]")]
pub fn compare_many(
    #[wasm_bindgen(unchecked_param_type = "string")] original: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] rewrites: JsValue,
    options: JsValue,
) -> Result<Array, JsValue> {
    failure::install_panic_hook();
    let original: Rc<String> = string(
        &original,
        must_be!(
            "compareMany(original, rewrites, options)",
            "original",
            "a string"
        ),
    )?
    .into();
    let mut rewrites = texts(
        &rewrites,
        "compareMany(original, rewrites, options): rewrites",
        "Rewrite",
    )?;
    let options = parse_options(
        options,
        must_be!(
            "compareMany(original, rewrites, options)",
            "options",
            "an object"
        ),
    )?;
    let read = Original::read_with_normalizer(&original, &options, &nfkc).map_err(engine_error)?;
    let comparisons = Array::new();
    for rewrite in &mut rewrites {
        let findings = read
            .compare(rewrite)
            .map_err(engine_error)?
            .into_findings()
            .into();
        comparisons.push(&JsValue::from(Comparison {
            original: Rc::clone(&original),
            paraphrase: Rc::new(std::mem::take(rewrite)),
            findings,
        }));
    }
    Ok(comparisons)
}

/// Compares `text` with each of `sources` (each source as the original,
/// the text as the paraphrase; the text read once) and attributes each of
/// the text's copied runs and sentence pairs to one source, the one with
/// the most evidence (see the engine's `sources` module).
///
/// # Errors
///
/// A `TypeError` when `sources` is not an array, an element not a string
/// (`compareSources(sources, text, options): sources[1] must be a string
/// (got null)`), `text` not a string or `options` not an object. An
/// `Error` for an option as `compare` has it, and for a text over the size
/// limit: a source named by its place counted from 1 (`Source 2 is 9 MB of
/// text; …`), the text as `the text is …`.
#[wasm_bindgen(js_name = compareSources)]
pub fn compare_sources(
    #[wasm_bindgen(unchecked_param_type = "string[]")] sources: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: JsValue,
) -> Result<SourcesComparison, JsValue> {
    failure::install_panic_hook();
    let sources = texts(
        &sources,
        "compareSources(sources, text, options): sources",
        "Source",
    )?;
    let text: Rc<String> = string(
        &text,
        must_be!("compareSources(sources, text, options)", "text", "a string"),
    )?
    .into();
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_large("the text", text.len()));
    }
    let options = parse_options(
        options,
        must_be!(
            "compareSources(sources, text, options)",
            "options",
            "an object"
        ),
    )?;
    let borrowed: Vec<&str> = sources.iter().map(String::as_str).collect();
    let mut found =
        crate::sources::compare_sources(&borrowed, &text, &options, &nfkc).map_err(engine_error)?;
    let attribution = attribution_object(&found).map_err(|_| handing_error())?;
    let findings: Vec<Rc<Findings>> = std::mem::take(&mut found.comparisons)
        .into_iter()
        .map(|comparison| Rc::new(comparison.into_findings()))
        .collect();
    // What the model needs besides the texts and the comparisons, which
    // are kept apart (as the comparisons' own): owned, so kept as it is.
    let rest = Sources {
        text: "",
        comparisons: Vec::new(),
        runs: found.runs,
        pairs: found.pairs,
        per_source: found.per_source,
        whole: found.whole,
        text_words: found.text_words,
        reworded_words: found.reworded_words,
        new_words: found.new_words,
        spans: found.spans,
        sentences: found.sentences,
        options: found.options,
    };
    let sources: Vec<Rc<String>> = sources.into_iter().map(Rc::new).collect();
    let comparisons = sources
        .iter()
        .zip(&findings)
        .map(|(source, findings)| {
            JsValue::from(Comparison {
                original: Rc::clone(source),
                paraphrase: Rc::clone(&text),
                findings: Rc::clone(findings),
            })
        })
        .collect();
    Ok(SourcesComparison {
        comparisons,
        attribution,
        sources,
        text,
        findings,
        rest,
    })
}

// The shapes of the objects built here by hand, for `article_diff.d.ts`.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A rewrite's line in an overview of many (`Comparison.figures`). */
export interface Figures {
    words: number; copied: number; reworded: number; new: number;
    movedPassages: number; unquotedCopiedWords: number; longestPassage: number;
}
/** What one source (or all of them) gave the text. */
export interface SourceStats { copiedWords: number; runs: number; pairs: number; }
/** Runs or pairs of the text, each credited to one source. */
export interface Attributed { source: Uint32Array; index: Uint32Array; words: Uint32Array; }
/** `SourcesComparison.attribution()`. */
export interface SourcesAttribution {
    runs: Attributed; pairs: Attributed; perSource: SourceStats[];
    whole: SourceStats; textWords: number;
}
"#;

/// One text compared with several sources: `comparisons` (one a source)
/// and `attribution()`. Kept until `free()` is called (or the object is
/// collected); each comparison is a handle of its own, with its own
/// `free()`.
#[wasm_bindgen]
pub struct SourcesComparison {
    /// The comparisons as JavaScript objects, made once.
    comparisons: Array,
    /// The attribution, made once: it is small (three numbers a run and a
    /// pair, three a source).
    attribution: JsValue,
    /// For the model ([`SourcesComparison::json`]): the texts, each
    /// comparison's findings (shared with its JavaScript object), and the
    /// rest of what the engine found, without texts or comparisons.
    sources: Vec<Rc<String>>,
    text: Rc<String>,
    findings: Vec<Rc<Findings>>,
    rest: Sources<'static>,
}

#[wasm_bindgen]
impl SourcesComparison {
    /// Each source compared with the text (the source as the original, the
    /// text as the paraphrase), in the order given. A new array each time,
    /// of the same `Comparison` objects: freeing one frees it for every
    /// array that holds it.
    #[wasm_bindgen(getter, unchecked_return_type = "Comparison[]")]
    pub fn comparisons(&self) -> Array {
        self.comparisons.slice(0, self.comparisons.length())
    }

    /// Which source each copied run and each sentence pair of the text is
    /// credited to: `{ runs: { source, index, words }, pairs: { source,
    /// index, words }, perSource: [{ copiedWords, runs, pairs }], whole: {
    /// copiedWords, runs, pairs }, textWords }`. `runs` and `pairs` are
    /// three `Uint32Array`s each, one entry a run or pair in text order:
    /// the source (its place in `sources`), the run's or pair's index in
    /// that source's comparison (`compact().runs` and `.pairs`, the model's
    /// `runs` and `pairs`), and the words of the text it is credited with
    /// (for a run, those no longer run of any source took). `whole` counts
    /// a word copied from several sources once. The same object each time.
    #[wasm_bindgen(unchecked_return_type = "SourcesAttribution")]
    pub fn attribution(&self) -> JsValue {
        self.attribution.clone()
    }

    /// The `article-diff/1` model of the text against its sources as JSON
    /// text, the one `article-diff -f json --source ...` prints (offsets in
    /// UTF-16 code units): see docs/format.md, "One text, several sources".
    /// `entries` names the sources as the reader gave them, `{ name, error }`
    /// each: a source with no `error` is the next of those compared, one
    /// with an `error` (a message: why it was not compared) is listed with
    /// it and nothing attributed to it.
    ///
    /// # Errors
    ///
    /// A `TypeError` when `entries` is not an array of such objects; an
    /// `Error` when its sources without `error` are not as many as those
    /// compared.
    pub fn json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "{ name: string, error?: string | null }[]")]
        entries: JsValue,
    ) -> Result<String, JsValue> {
        const MUST_BE: &str = must_be!(
            "SourcesComparison.json(entries)",
            "entries",
            "an array of { name, error } objects"
        );
        let entries = entries
            .dyn_into::<Array>()
            .map_err(|value| type_error(MUST_BE, &value))?;
        let mut owned: Vec<(String, Option<String>)> = Vec::new();
        for entry in entries.iter() {
            let field = |key: &str| js_sys::Reflect::get(&entry, &JsValue::from_str(key));
            let name = field("name").ok().and_then(|name| name.as_string());
            let error = field("error")
                .ok()
                .filter(|e| !e.is_undefined() && !e.is_null());
            match (name, error.map(|e| e.as_string())) {
                (Some(name), None) => owned.push((name, None)),
                (Some(name), Some(Some(error))) => owned.push((name, Some(error))),
                _ => return Err(type_error(MUST_BE, &entry)),
            }
        }
        let entries: Vec<SourceEntry<'_>> = owned
            .iter()
            .map(|(name, error)| SourceEntry {
                name,
                error: error.as_deref(),
            })
            .collect();
        let mut view: Sources<'_> = self.rest.clone();
        view.text = &self.text;
        view.comparisons = self
            .sources
            .iter()
            .zip(&self.findings)
            .map(|(source, findings)| crate::Comparison {
                original: source,
                paraphrase: &self.text,
                findings: Findings::clone(findings),
            })
            .collect();
        view.to_json(&entries, OffsetUnit::Utf16)
            .map_err(|error| JsError::new(&error.to_string()).into())
    }
}

/// The attribution as [`SourcesComparison::attribution`] describes it.
fn attribution_object(found: &Sources<'_>) -> Result<JsValue, JsValue> {
    let object = Object::new();
    set(&object, "runs", attributed_object(&found.runs)?)?;
    set(&object, "pairs", attributed_object(&found.pairs)?)?;
    let per_source = Array::new();
    for stats in &found.per_source {
        per_source.push(&stats_object(stats)?.into());
    }
    set(&object, "perSource", per_source)?;
    set(&object, "whole", stats_object(&found.whole)?)?;
    set(&object, "textWords", found.text_words)?;
    Ok(object.into())
}

/// `{ source, index, words }`, a `Uint32Array` each.
fn attributed_object(list: &[Attributed]) -> Result<Object, JsValue> {
    let object = Object::new();
    for (place, key) in ["source", "index", "words"].into_iter().enumerate() {
        let numbers: Vec<u32> = list
            .iter()
            .map(|a| [a.source, a.index, a.words][place])
            .collect();
        set(&object, key, Uint32Array::from(&numbers[..]))?;
    }
    Ok(object)
}

/// `{ copiedWords, runs, pairs }`.
fn stats_object(stats: &SourceStats) -> Result<Object, JsValue> {
    numbers_object(
        &["copiedWords", "runs", "pairs"],
        &[stats.copied_words, stats.runs, stats.pairs].map(f64::from),
    )
}

/// The strings of an array argument (`argument` begins its `TypeError`s:
/// `"f(x): x"`), each within the size limit (`noun` and its place counted
/// from 1 name it when not: `Rewrite 4`).
fn texts(value: &JsValue, argument: &str, noun: &str) -> Result<Vec<String>, JsValue> {
    if !Array::is_array(value) {
        return Err(type_error(
            &format!("{argument} must be an array (got "),
            value,
        ));
    }
    let mut texts = Vec::new();
    for (index, element) in value.unchecked_ref::<Array>().iter().enumerate() {
        let text = string(
            &element,
            &format!("{argument}[{index}] must be a string (got "),
        )?;
        if text.len() > MAX_INPUT_BYTES {
            return Err(too_large(&format!("{noun} {}", index + 1), text.len()));
        }
        texts.push(text);
    }
    Ok(texts)
}

fn too_large(what: &str, bytes: usize) -> JsValue {
    JsError::new(&too_large_message(what, bytes as u64)).into()
}
