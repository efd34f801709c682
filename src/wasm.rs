//! The browser binding: converts the page's inputs, calls the engine, and
//! hands back a [`Comparison`] whose findings cross into JavaScript as flat
//! typed arrays (`compact()`) or, on request, as the `article-diff/1` model
//! (`toJSON()`); offsets count UTF-16 code units.

/// The start of a `TypeError`'s message, put together at compile time:
/// `must_be!("f(x)", "x", "a string")` is `"f(x): x must be a string (got "`,
/// and [`type_error`] adds what was given instead. Defined before the
/// modules below, which use it too.
macro_rules! must_be {
    ($call:literal, $argument:literal, $expected:literal) => {
        concat!($call, ": ", $argument, " must be ", $expected, " (got ")
    };
}

mod failure;
mod many;
#[cfg(any(
    feature = "size-stem-all",
    feature = "size-stem-en",
    feature = "size-icu",
    feature = "size-stop-iso",
    feature = "size-stop-json"
))]
mod size_probe;

pub use failure::last_failure;
pub use many::{SourcesComparison, compare_many, compare_sources};

use std::rc::Rc;

use js_sys::{Float32Array, Object, Reflect, Uint32Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::compact::{Compact, CompactSide, LAYOUT_JSON};
use crate::progress::Progress;
use crate::report::Figures;
use crate::{Findings, OffsetUnit, Options};

/// A comparison kept in WebAssembly memory until `free()` is called (or the
/// object is collected). `JSON.stringify(comparison)` gives the model.
///
/// The texts are shared: the comparisons `compareMany` returns hold one
/// copy of their original, those of `compareSources` one of their text.
#[wasm_bindgen]
pub struct Comparison {
    original: Rc<String>,
    paraphrase: Rc<String>,
    /// Shared with the [`SourcesComparison`] it came from, if any, which
    /// writes the sources model from it.
    findings: Rc<Findings>,
}

/// Compares `original` with `paraphrase`.
///
/// `options` may be `undefined`, `null` or an object whose fields are those of
/// [`Options`].
///
/// With a `progress` number, and run in a dedicated worker, the engine
/// posts how far it is from the worker's global scope, a few times a
/// second at most: `{ id: progress, type: "progress", stage: "Finding
/// copied passages", step: 2, share: 0.45 }` (the stage's name, its place
/// among the stages counted from 1, the share of it done). Elsewhere (Node, the
/// page's own thread) nothing is posted.
///
/// # Errors
///
/// A `TypeError` naming the argument when a text is not a string or
/// `options` is not an object (an array and a function are not):
/// `compare(original, paraphrase, options): original must be a string (got
/// a number)`. An `Error` whose message names it for an unknown option, an
/// option of the wrong type or out of range, and a text over the size limit.
///
/// The texts are taken as any value rather than `String` because
/// wasm-bindgen's glue for a `String` parameter assumes a string: anything
/// else trapped ("memory access out of bounds"). The error is a `JsValue`
/// rather than the house's `JsError`, which is always a plain `Error` and so
/// cannot be a `TypeError`.
#[wasm_bindgen]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "string")] original: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] paraphrase: JsValue,
    options: JsValue,
    progress: Option<u32>,
) -> Result<Comparison, JsValue> {
    failure::install_panic_hook();
    let original = string(
        &original,
        must_be!(
            "compare(original, paraphrase, options)",
            "original",
            "a string"
        ),
    )?;
    let paraphrase = string(
        &paraphrase,
        must_be!(
            "compare(original, paraphrase, options)",
            "paraphrase",
            "a string"
        ),
    )?;
    let options = parse_options(
        options,
        must_be!(
            "compare(original, paraphrase, options)",
            "options",
            "an object"
        ),
    )?;
    let progress = progress.and_then(poster);
    let findings = crate::compare_with_progress(&original, &paraphrase, &options, &nfkc, progress)
        .map_err(engine_error)?
        .into_findings()
        .into();
    Ok(Comparison {
        original: Rc::new(original),
        paraphrase: Rc::new(paraphrase),
        findings,
    })
}

/// Milliseconds at least between two progress messages.
const PROGRESS_EVERY_MS: u64 = 100;

/// Progress that posts `{ id, type: "progress", stage, step, share }`
/// from the worker's global scope (see [`compare`]); none outside a
/// dedicated worker.
fn poster(id: u32) -> Option<Progress> {
    let scope = js_sys::global()
        .dyn_into::<web_sys::DedicatedWorkerGlobalScope>()
        .ok()?;
    let every = std::time::Duration::from_millis(PROGRESS_EVERY_MS);
    Some(Progress::new(every, move |stage, share| {
        let sent = numbers_object(
            &["id", "step", "share"],
            &[f64::from(id), f64::from(stage.step()), share],
        )
        .and_then(|message| {
            set(&message, "type", "progress")?;
            set(&message, "stage", stage.name())?;
            scope.post_message(&message)
        });
        // A message the browser refuses (out of memory) is only a missed
        // tick of the progress bar.
        drop(sent);
    }))
}

/// Unicode NFKC by the browser's `String.prototype.normalize`, which spares
/// the module the tables of the crate's own (58 KB gzip).
fn nfkc(word: &str) -> String {
    js_sys::JsString::from(word).normalize("NFKC").into()
}

/// The engine's refusal (an option out of range, a text over the size
/// limit) as an `Error` with its message.
fn engine_error(error: crate::Error) -> JsValue {
    JsError::new(&error.to_string()).into()
}

/// Panics with the message `a staged panic`, as a bug in the engine would:
/// for the tests of what the page does then (no input is known to make the
/// engine panic). It takes no message, so that no value from JavaScript can
/// reach it. Built only with the `test-hooks` feature, which the shipped
/// package leaves out (`make test-pkg` builds the tests' own).
#[cfg(feature = "test-hooks")]
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    failure::install_panic_hook();
    panic!("a staged panic");
}

/// The milliseconds each stage of one comparison of `original` with
/// `paraphrase` takes here, under the default options without a time
/// budget: `{ "1 tokenize": ms, …, "10 label": ms }` (both texts' reading
/// summed), the stages as `examples/speed.rs` times them natively
/// ([`crate::text::Text::read_observed`], [`crate::pipeline::compare_observed`]),
/// for `bench/bench.mjs`.
/// Built only with the `test-hooks` feature, as [`panic_for_tests`].
#[cfg(feature = "test-hooks")]
#[doc(hidden)]
#[wasm_bindgen(js_name = __stagesForBench)]
pub fn stages_for_bench(original: &str, paraphrase: &str) -> Result<JsValue, JsError> {
    use web_time::Instant;
    let options = Options {
        time_budget_ms: None,
        ..Options::default()
    };
    let object = Object::new();
    // Each stage's time, both texts' reading summed.
    let mut times: Vec<(&'static str, f64)> = Vec::new();
    let mut lap = Instant::now();
    let mut done = |stage| {
        let ms = lap.elapsed().as_secs_f64() * 1000.0;
        match times.iter_mut().find(|(s, _)| *s == stage) {
            Some((_, sum)) => *sum += ms,
            None => times.push((stage, ms)),
        }
        lap = Instant::now();
    };
    let mut vocabulary = crate::keys::Vocabulary::new(&nfkc);
    let o = crate::text::Text::read_observed(original, &options, &mut vocabulary, &mut done);
    let p = crate::text::Text::read_observed(paraphrase, &options, &mut vocabulary, &mut done);
    let budget = crate::pipeline::budget(&options, original.len() + paraphrase.len());
    crate::pipeline::compare_observed((&o, &p), &vocabulary, &options, budget, done);
    for (stage, ms) in times {
        set(&object, stage, ms).map_err(|_| handing_error())?;
    }
    Ok(object.into())
}

/// What the page's options form needs to know of the options:
/// `{ defaults: { ignore_case: true, …, min_run: 4, … }, ranges: { min_run:
/// [1, 1000], pair_threshold: [0, 1] } }`: each one's default (as the model's
/// `options` has them), and the bounds of those that have some (the rest
/// are switches, but for `time_budget_ms`, any whole number or `null`).
///
/// # Errors
///
/// None in practice: what it hands over is the engine's own.
#[wasm_bindgen(js_name = optionRules)]
pub fn option_rules() -> Result<JsValue, JsError> {
    parse_json(crate::options::RULES_JSON)
}

/// Whether comparing `text` under the option `language` ("auto" or a code)
/// needs the languages build: always false in that build; in the core
/// build, true unless the option is "en", or it is "auto" and the text is
/// found English (see the engine's `language` module). The worker asks it
/// of each text and loads the languages build when one needs it.
#[wasm_bindgen(js_name = needsLanguages)]
pub fn needs_languages(text: &str, language: &str) -> bool {
    crate::language::needs_languages(&[text], language)
}

/// The most UTF-8 bytes a side may hold (`MAX_INPUT_BYTES`): the page checks
/// before it hands a text over.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> u32 {
    crate::MAX_INPUT_BYTES as u32
}

/// The message for a text of `bytes` UTF-8 bytes over the limit, as the
/// engine words it: `tooLargeMessage("The original", 21286093)`.
///
/// # Errors
///
/// A `TypeError` naming the argument when `what` is not a string or `bytes`
/// is not a finite number of at least 0 (as [`compare`] explains, a
/// `JsValue` rather than a `JsError`).
#[wasm_bindgen(js_name = tooLargeMessage)]
pub fn too_large_message(
    #[wasm_bindgen(unchecked_param_type = "string")] what: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] bytes: JsValue,
) -> Result<String, JsValue> {
    let what = string(
        &what,
        must_be!("tooLargeMessage(what, bytes)", "what", "a string"),
    )?;
    match bytes.as_f64() {
        Some(count) if count.is_finite() && count >= 0.0 => {
            Ok(crate::too_large_message(&what, count as u64))
        }
        _ => Err(type_error(
            must_be!(
                "tooLargeMessage(what, bytes)",
                "bytes",
                "a finite number, at least 0"
            ),
            &bytes,
        )),
    }
}

#[wasm_bindgen]
impl Comparison {
    /// The counts: the model's `stats` object.
    #[wasm_bindgen(getter)]
    pub fn stats(&self) -> Result<JsValue, JsError> {
        parse_json(&serde_json::to_string(self.findings.stats()).unwrap_or_default())
    }

    /// The languages of the texts, as detection found them, and the one
    /// compared in: the model's `languages` object, `{ original,
    /// paraphrase, used }`, each an ISO 639-1 code or `null`.
    #[wasm_bindgen(getter)]
    pub fn languages(&self) -> Result<JsValue, JsError> {
        parse_json(&serde_json::to_string(self.findings.languages()).unwrap_or_default())
    }

    /// The rewrite's line in an overview of many, as the command line's
    /// overview has it: `{ words, copied, reworded, new, movedPassages,
    /// unquotedCopiedWords, longestPassage }`, the three shares in percent
    /// of the rewrite's words to one decimal, the rest counts (the longest
    /// passage in words, 0 when nothing is copied).
    #[wasm_bindgen(getter, unchecked_return_type = "Figures")]
    pub fn figures(&self) -> Result<JsValue, JsError> {
        let f = Figures::of_findings(&self.findings);
        numbers_object(
            &[
                "words",
                "copied",
                "reworded",
                "new",
                "movedPassages",
                "unquotedCopiedWords",
                "longestPassage",
            ],
            &[
                f64::from(f.words),
                f.copied,
                f.reworded,
                f.new,
                f64::from(f.moved_passages),
                f64::from(f.unquoted_copied_words),
                f64::from(f.longest_passage),
            ],
        )
        .map(JsValue::from)
        .map_err(|_| handing_error())
    }

    /// Whether every stage ran within the time budget.
    #[wasm_bindgen(getter)]
    pub fn complete(&self) -> bool {
        self.findings.is_complete()
    }

    /// The stages that ran out of time.
    ///
    /// An array built here: wasm-bindgen's glue for a `Vec<String>` was four
    /// times the code (1.1 KB against 0.3 KB; 0.5 KB of the gzipped module).
    #[wasm_bindgen(getter, js_name = cutShort, unchecked_return_type = "string[]")]
    pub fn cut_short(&self) -> js_sys::Array {
        self.findings
            .cut_short()
            .iter()
            .map(|stage| JsValue::from_str(stage))
            .collect()
    }

    /// The `article-diff/1` model as an object.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsValue, JsError> {
        parse_json(&self.json())
    }

    /// The `article-diff/1` model as JSON text.
    pub fn json(&self) -> String {
        self.findings
            .to_json(&self.original, &self.paraphrase, OffsetUnit::Utf16)
    }

    /// The findings as flat typed arrays; see `src/compact.rs` for the
    /// layout, which `layout` repeats.
    pub fn compact(&self) -> Result<JsValue, JsError> {
        let compact = self
            .findings
            .to_compact(&self.original, &self.paraphrase, OffsetUnit::Utf16);
        compact_object(&compact).map_err(|_| handing_error())
    }
}

fn parse_json(json: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(json).map_err(|_| handing_error())
}

/// What went wrong when JavaScript refused a value (which it does only
/// when out of memory).
fn handing_error() -> JsError {
    JsError::new("the comparison could not be handed to JavaScript")
}

fn set(object: &Object, key: &str, value: impl Into<JsValue>) -> Result<(), JsValue> {
    Reflect::set(object, &JsValue::from_str(key), &value.into()).map(|_| ())
}

/// An object of numbers: `keys[i]` is `values[i]`. Out of line: each
/// object built field by field inline costs some 30 bytes a field.
#[inline(never)]
fn numbers_object(keys: &[&str], values: &[f64]) -> Result<Object, JsValue> {
    let object = Object::new();
    for (key, &value) in keys.iter().zip(values) {
        set(&object, key, value)?;
    }
    Ok(object)
}

fn side_object(side: &CompactSide) -> Result<Object, JsValue> {
    let object = Object::new();
    set(&object, "length", side.length)?;
    for (key, numbers) in [
        ("spanStarts", &side.span_starts),
        ("spanInfo", &side.span_info),
        ("spanRun", &side.span_run),
        ("spanPair", &side.span_pair),
        ("spanTarget", &side.span_target),
        ("sentences", &side.sentences),
        ("rows", &side.rows),
    ] {
        set(&object, key, Uint32Array::from(&numbers[..]))?;
    }
    Ok(object)
}

/// The arrays in an object, and with them the `layout` that names their
/// fields ([`LAYOUT_JSON`]). Loops over tables rather than a call per
/// array: the calls cost some 30 bytes of code each.
fn compact_object(compact: &Compact) -> Result<JsValue, JsValue> {
    let object = Object::new();
    set(&object, "original", side_object(&compact.original)?)?;
    set(&object, "paraphrase", side_object(&compact.paraphrase)?)?;
    for (key, numbers) in [
        ("pairs", &compact.pairs),
        ("ops", &compact.ops),
        ("chars", &compact.chars),
        ("runs", &compact.runs),
    ] {
        set(&object, key, Uint32Array::from(&numbers[..]))?;
    }
    for (key, shares) in [
        ("similarity", &compact.similarity),
        ("keptShare", &compact.kept_share),
        ("derivedShare", &compact.derived_share),
    ] {
        set(&object, key, Float32Array::from(&shares[..]))?;
    }
    set(&object, "layout", js_sys::JSON::parse(LAYOUT_JSON)?)?;
    Ok(object.into())
}

/// Reads the options object field by field; `must_be` begins the
/// `TypeError` for options that are not an object (see [`must_be!`]).
///
/// Field by field rather than through serde: serde's deserializer (and the
/// float formatting its messages pull in) would add 26 KB gzip to the build.
/// The messages follow serde's, and a browser test round-trips every field
/// of [`Options`] so that this list cannot fall behind it.
fn parse_options(options: JsValue, must_be: &str) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(type_error(must_be, &options));
    }
    let object = Object::from(options);
    let mut parsed = Options::default();
    for key in Object::keys(&object) {
        let name = key.as_string().unwrap_or_default();
        let value = Reflect::get(&object, &key).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() {
            continue; // as JSON has it: an undefined field is an absent one
        }
        match name.as_str() {
            "ignore_case" => parsed.ignore_case = boolean(&value)?,
            "unify_punctuation" => parsed.unify_punctuation = boolean(&value)?,
            "normalize_unicode" => parsed.normalize_unicode = boolean(&value)?,
            "ignore_punctuation" => parsed.ignore_punctuation = boolean(&value)?,
            "min_run" => parsed.min_run = whole_number(&value, u32::MAX as f64)? as u32,
            "pair_threshold" => parsed.pair_threshold = number(&value, "f64")?,
            "language" => {
                parsed.language = value
                    .as_string()
                    .ok_or_else(|| invalid(&value, "a string"))?
            }
            "time_budget_ms" => {
                parsed.time_budget_ms = if value.is_null() {
                    None
                } else {
                    Some(whole_number(&value, 9_007_199_254_740_991.0)? as u64)
                }
            }
            other => {
                return Err(JsError::new(&format!(
                    "invalid options: unknown field `{other}`, expected one of {OPTION_NAMES}"
                ))
                .into());
            }
        }
    }
    parsed.validate().map_err(engine_error)?;
    Ok(parsed)
}

/// The text of a string argument, or a `TypeError` whose message begins
/// with `must_be` (see [`must_be!`]).
fn string(value: &JsValue, must_be: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| type_error(must_be, value))
}

/// A `TypeError`: `must_be` (see [`must_be!`]), then what `value` is in the
/// words of JavaScript's `typeof` (but for `null` and arrays, which it calls
/// objects), with an article: `a number`, `an object`, `undefined`.
fn type_error(must_be: &str, value: &JsValue) -> JsValue {
    let (article, name) = if value.is_null() {
        ("", "null".into())
    } else if js_sys::Array::is_array(value) {
        ("an ", "array".into())
    } else {
        let name = value.js_typeof().as_string().unwrap_or_default();
        let article = match name.as_bytes().first() {
            Some(b'u') => "",
            Some(b'o') => "an ",
            _ => "a ",
        };
        (article, name)
    };
    js_sys::TypeError::new(&format!("{must_be}{article}{name})")).into()
}

const OPTION_NAMES: &str = "`ignore_case`, `unify_punctuation`, `normalize_unicode`, \
`ignore_punctuation`, `min_run`, `pair_threshold`, `time_budget_ms`, `language`";

/// What a value is, in the words of serde's messages (JavaScript formats
/// the numbers).
fn describe(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        format!("string {text:?}")
    } else if let Some(flag) = value.as_bool() {
        format!("boolean `{flag}`")
    } else if value.as_f64().is_some() {
        let shown: String = js_sys::Number::from(value.clone())
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
        format!("number `{shown}`")
    } else if value.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(value) {
        "sequence".into()
    } else {
        "map".into()
    }
}

fn invalid(value: &JsValue, expected: &str) -> JsError {
    JsError::new(&format!(
        "invalid options: invalid type: {}, expected {expected}",
        describe(value)
    ))
}

fn boolean(value: &JsValue) -> Result<bool, JsError> {
    value.as_bool().ok_or_else(|| invalid(value, "a boolean"))
}

fn number(value: &JsValue, expected: &str) -> Result<f64, JsError> {
    value.as_f64().ok_or_else(|| invalid(value, expected))
}

fn whole_number(value: &JsValue, max: f64) -> Result<f64, JsError> {
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=max).contains(&n) => Ok(n),
        _ => Err(invalid(value, "a whole number")),
    }
}
