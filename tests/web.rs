//! The wasm export, called in headless Chromium (`make test` runs these with
//! `wasm-bindgen-test-runner`).
#![cfg(target_arch = "wasm32")]

use article_diff::wasm;
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// The `(text, kind, op)` of each span of one side of a result.
fn spans(result: &JsValue, side: &str) -> Vec<(String, String, String)> {
    let spans: Array = get(&get(result, side), "spans").dyn_into().unwrap();
    spans
        .iter()
        .map(|span| {
            (
                get(&span, "text").as_string().unwrap(),
                get(&span, "kind").as_string().unwrap(),
                get(&span, "op").as_string().unwrap(),
            )
        })
        .collect()
}

fn owned(spans: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    spans
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

/// The article-diff/1 model of a comparison.
fn compare(original: &str, paraphrase: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let result = wasm::compare(original.into(), paraphrase.into(), options, None)?;
    Ok(result.to_json()?)
}

fn error_message(error: JsValue) -> String {
    error.dyn_into::<js_sys::Error>().unwrap().message().into()
}

/// The message of a `TypeError` (and not any other kind of `Error`).
fn type_error_message(error: JsValue) -> String {
    error
        .dyn_into::<js_sys::TypeError>()
        .unwrap()
        .message()
        .into()
}

#[wasm_bindgen_test]
fn compares_a_normal_pair() {
    let result = compare(
        "The council voted to build a bridge.",
        "The council voted to build a tunnel.",
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(
        get(&result, "format").as_string().unwrap(),
        "article-diff/1"
    );
    assert_eq!(get(&result, "offsets").as_string().unwrap(), "utf-16");
    assert_eq!(
        spans(&result, "original"),
        owned(&[
            ("The council voted to build a ", "kept", "equal"),
            ("bridge", "reworded", "delete"),
            (".", "reworded", "equal"),
        ])
    );
    assert_eq!(
        spans(&result, "paraphrase"),
        owned(&[
            ("The council voted to build a ", "copied", "equal"),
            ("tunnel", "reworded", "insert"),
            (".", "reworded", "equal"),
        ])
    );
    let stats = get(&result, "stats");
    assert_eq!(get(&stats, "copied_words").as_f64(), Some(6.0));
    assert_eq!(get(&stats, "reworded_words").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units() {
    let paraphrase = "Caf\u{e9} \u{1F600} new";
    let result = compare("Caf\u{e9} \u{1F600}", paraphrase, JsValue::NULL).unwrap();
    let spans: Array = get(&get(&result, "paraphrase"), "spans")
        .dyn_into()
        .unwrap();
    let last = spans.get(spans.length() - 1);
    assert_eq!(get(&last, "text").as_string().unwrap(), "new");
    let end = get(&last, "end").as_f64().unwrap() as usize;
    assert_eq!(end, paraphrase.encode_utf16().count());
}

#[wasm_bindgen_test]
fn the_time_budget_works_in_the_browser() {
    let text = "The council voted to build a bridge over the river. ".repeat(50);
    let spent = js_sys::JSON::parse(r#"{"time_budget_ms": 0}"#).unwrap();
    let result = compare(&text, &text, spent).unwrap();
    assert_eq!(get(&result, "complete").as_bool(), Some(false));
    let cut_short: Array = get(&result, "cut_short").dyn_into().unwrap();
    assert!(cut_short.length() > 0);
    let unlimited = js_sys::JSON::parse(r#"{"time_budget_ms": null}"#).unwrap();
    let result = compare(&text, &text, unlimited).unwrap();
    assert_eq!(get(&result, "complete").as_bool(), Some(true));
    let copied = get(&get(&result, "stats"), "copied_words").as_f64();
    assert_eq!(copied, Some(500.0));
}

#[wasm_bindgen_test]
fn progress_asked_for_outside_a_worker_posts_nothing_and_changes_nothing() {
    // The tests run on the page's own thread, which is no worker: the
    // engine must not post (nor fail), and the result is the same.
    let text = "The council met on Monday. It voted to build a new bridge. ".repeat(2000);
    let paraphrase = text.replace("voted", "decided");
    let with = wasm::compare(
        text.as_str().into(),
        paraphrase.as_str().into(),
        JsValue::UNDEFINED,
        Some(7),
    )
    .unwrap();
    let without = wasm::compare(text.into(), paraphrase.into(), JsValue::UNDEFINED, None).unwrap();
    assert_eq!(with.json(), without.json());
}

#[wasm_bindgen_test]
fn the_compact_form_crosses_as_typed_arrays() {
    let result = wasm::compare(
        "The council voted to build a bridge.".into(),
        "The council voted to build a tunnel.".into(),
        JsValue::UNDEFINED,
        None,
    )
    .unwrap();
    let compact = result.compact().unwrap();
    let starts = get(&get(&compact, "paraphrase"), "spanStarts");
    assert!(starts.is_instance_of::<js_sys::Uint32Array>());
    let starts: js_sys::Uint32Array = starts.dyn_into().unwrap();
    assert_eq!(starts.to_vec(), [0, 29, 35, 36]);
    assert!(get(&compact, "similarity").is_instance_of::<js_sys::Float32Array>());
    let kinds: Array = get(&get(&compact, "layout"), "kinds").dyn_into().unwrap();
    assert_eq!(kinds.get(0).as_string().as_deref(), Some("copied"));
}

#[wasm_bindgen_test]
fn compares_an_empty_pair() {
    let result = compare("", "", JsValue::UNDEFINED).unwrap();
    assert!(spans(&result, "original").is_empty());
    assert!(spans(&result, "paraphrase").is_empty());
}

#[wasm_bindgen_test]
fn takes_known_options() {
    let options = js_sys::JSON::parse(r#"{"ignore_case": false, "min_run": 2}"#).unwrap();
    let result = compare("The Cat sat down", "the cat sat down", options).unwrap();
    let spans: Array = get(&get(&result, "paraphrase"), "spans")
        .dyn_into()
        .unwrap();
    // Case now counts: "the cat" is a near match refined to its letters.
    let changed: Vec<String> = spans
        .iter()
        .filter(|s| get(s, "char_op").as_string().as_deref() == Some("insert"))
        .map(|s| get(&s, "text").as_string().unwrap())
        .collect();
    assert_eq!(changed, ["t", "c"]);
    let last = spans.get(spans.length() - 1);
    assert_eq!(get(&last, "text").as_string().unwrap(), "sat down");
    assert_eq!(get(&last, "kind").as_string().unwrap(), "copied");
}

#[wasm_bindgen_test]
fn an_unknown_option_is_an_error_naming_it() {
    let options = js_sys::JSON::parse(r#"{"ignore_kase": true}"#).unwrap();
    let message = error_message(compare("a", "b", options).unwrap_err());
    assert!(message.contains("ignore_kase"), "{message}");
}

#[wasm_bindgen_test]
fn an_ill_typed_option_is_an_error() {
    let options = js_sys::JSON::parse(r#"{"ignore_case": "yes"}"#).unwrap();
    let message = error_message(compare("a", "b", options).unwrap_err());
    assert_eq!(
        message,
        "invalid options: invalid type: string \"yes\", expected a boolean"
    );
}

#[wasm_bindgen_test]
fn every_field_of_the_options_is_read() {
    // Options as serde writes them, so a field added to Options and not to
    // the binding's reader fails here.
    let options = article_diff::Options::default()
        .ignore_case(false)
        .unify_punctuation(false)
        .normalize_unicode(false)
        .ignore_punctuation(true)
        .min_run(7)
        .pair_threshold(0.5)
        .time_budget_ms(None);
    let json = serde_json::to_string(&options).unwrap();
    let result = compare(
        "A text here.",
        "A text here.",
        js_sys::JSON::parse(&json).unwrap(),
    )
    .unwrap();
    let echoed = js_sys::JSON::stringify(&get(&result, "options")).unwrap();
    let echoed: article_diff::Options = serde_json::from_str(&String::from(echoed)).unwrap();
    assert_eq!(echoed, options);
}

#[wasm_bindgen_test]
fn a_fractional_minimum_run_is_an_error() {
    let options = js_sys::JSON::parse(r#"{"min_run": 2.5}"#).unwrap();
    let message = error_message(compare("a", "b", options).unwrap_err());
    assert_eq!(
        message,
        "invalid options: invalid type: number `2.5`, expected a whole number"
    );
}

#[wasm_bindgen_test]
fn an_out_of_range_option_is_an_error_naming_it() {
    let options = js_sys::JSON::parse(r#"{"min_run": 0}"#).unwrap();
    let message = error_message(compare("a", "b", options).unwrap_err());
    assert_eq!(
        message,
        "option min_run must be a whole number from 1 to 1000, not 0"
    );
}

#[wasm_bindgen_test]
fn options_that_are_not_an_object_are_a_type_error() {
    let message = type_error_message(compare("a", "b", JsValue::from(3)).unwrap_err());
    assert_eq!(
        message,
        "compare(original, paraphrase, options): options must be an object (got a number)"
    );
}

#[wasm_bindgen_test]
fn an_array_of_options_is_a_type_error() {
    let message = type_error_message(compare("a", "b", Array::new().into()).unwrap_err());
    assert_eq!(
        message,
        "compare(original, paraphrase, options): options must be an object (got an array)"
    );
}

#[wasm_bindgen_test]
fn a_text_that_is_not_a_string_is_a_type_error_naming_it() {
    let error = wasm::compare(JsValue::from(5), "b".into(), JsValue::UNDEFINED, None)
        .err()
        .unwrap();
    assert_eq!(
        type_error_message(error),
        "compare(original, paraphrase, options): original must be a string (got a number)"
    );
    let error = wasm::compare("a".into(), JsValue::NULL, JsValue::UNDEFINED, None)
        .err()
        .unwrap();
    assert_eq!(
        type_error_message(error),
        "compare(original, paraphrase, options): paraphrase must be a string (got null)"
    );
    let error = wasm::compare(
        js_sys::Object::new().into(),
        "b".into(),
        JsValue::UNDEFINED,
        None,
    )
    .err()
    .unwrap();
    assert_eq!(
        type_error_message(error),
        "compare(original, paraphrase, options): original must be a string (got an object)"
    );
    // And the next comparison goes on as usual.
    assert!(compare("a", "b", JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn a_refused_allocation_is_reported_with_its_size() {
    // Two halves of the 4 GB address space: the browser grants the first
    // (lazily: no page is touched) and must refuse the second.
    let layout = std::alloc::Layout::from_size_align(usize::MAX / 2, 1).unwrap();
    // SAFETY: a valid layout; the results are checked, never written to,
    // and the first is given back.
    let (first, second) = unsafe { (std::alloc::alloc(layout), std::alloc::alloc(layout)) };
    assert!(second.is_null(), "the browser granted more than 4 GB");
    if !first.is_null() {
        // SAFETY: allocated above with this layout.
        unsafe { std::alloc::dealloc(first, layout) };
    }
    let failure = wasm::last_failure();
    assert_eq!(get(&failure, "kind").as_string().as_deref(), Some("memory"));
    assert_eq!(
        get(&failure, "requested").as_f64(),
        Some((usize::MAX / 2) as f64)
    );
    assert!(get(&failure, "held").as_f64().unwrap() >= 65536.0);
    // Read once: the next failure starts afresh.
    assert!(wasm::last_failure().is_undefined());
}

#[wasm_bindgen_test]
fn a_side_over_the_limit_is_an_error_with_its_size() {
    assert_eq!(wasm::max_input_bytes(), 8 << 20);
    let big = "word ".repeat((8 << 20) / 5 + 1);
    let message = error_message(compare("short", &big, JsValue::UNDEFINED).unwrap_err());
    assert_eq!(
        message,
        "the paraphrase is just over 8 MB of text; article-diff compares at most 8 MB a side (about 1.4 million words)"
    );
    assert_eq!(
        wasm::too_large_message("The original".into(), 21_286_093.0.into()).unwrap(),
        "The original is 20.3 MB of text; article-diff compares at most 8 MB a side (about 1.4 million words)"
    );
}

#[wasm_bindgen_test]
fn too_large_message_takes_a_string_and_a_count_of_bytes() {
    let error = wasm::too_large_message(3.into(), 4.into()).unwrap_err();
    assert_eq!(
        type_error_message(error),
        "tooLargeMessage(what, bytes): what must be a string (got a number)"
    );
    for bytes in [
        JsValue::from("y"),
        (-1).into(),
        f64::NAN.into(),
        f64::INFINITY.into(),
    ] {
        let error = wasm::too_large_message("x".into(), bytes).unwrap_err();
        assert!(type_error_message(error).starts_with(
            "tooLargeMessage(what, bytes): bytes must be a finite number, at least 0 (got "
        ));
    }
}

/// The strings as a JavaScript array.
fn strings(texts: &[&str]) -> JsValue {
    texts
        .iter()
        .map(|text| JsValue::from_str(text))
        .collect::<Array>()
        .into()
}

#[wasm_bindgen_test]
fn compare_many_gives_the_pairwise_comparisons_in_the_browser() {
    let original = "The council voted to build a bridge. It will open in May.";
    let rewrites = [
        "The council voted to build a tunnel.",
        "It will open in May, the council said.",
    ];
    let many = wasm::compare_many(original.into(), strings(&rewrites), JsValue::UNDEFINED).unwrap();
    assert_eq!(many.length(), 2);
    for (i, rewrite) in rewrites.iter().enumerate() {
        let comparison = many.get(i as u32);
        let json: js_sys::Function = get(&comparison, "json").dyn_into().unwrap();
        let json = json.call0(&comparison).unwrap();
        let alone = wasm::compare(original.into(), (*rewrite).into(), JsValue::UNDEFINED, None)
            .unwrap()
            .json();
        assert_eq!(json.as_string().unwrap(), alone);
    }
    let figures = get(&many.get(0), "figures");
    assert_eq!(get(&figures, "words").as_f64(), Some(7.0));
    assert_eq!(get(&figures, "longestPassage").as_f64(), Some(6.0));
    let error = wasm::compare_many(original.into(), strings(&["a"]), 5.into()).unwrap_err();
    assert_eq!(
        type_error_message(error),
        "compareMany(original, rewrites, options): options must be an object (got a number)"
    );
    let ill_typed: JsValue = [JsValue::from_str("a"), JsValue::TRUE]
        .into_iter()
        .collect::<Array>()
        .into();
    let error = wasm::compare_many(original.into(), ill_typed, JsValue::UNDEFINED).unwrap_err();
    assert_eq!(
        type_error_message(error),
        "compareMany(original, rewrites, options): rewrites[1] must be a string (got a boolean)"
    );
}

#[wasm_bindgen_test]
fn compare_sources_attributes_in_the_browser() {
    let sources = [
        "The council voted to build a bridge over the river on Monday.",
        "Rain is expected across the valley for the rest of the week.",
    ];
    let text = "Rain is expected across the valley for the rest of the week. \
        The council voted to build a bridge over the river on Monday.";
    let result = wasm::compare_sources(strings(&sources), text.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(result.comparisons().length(), 2);
    let attribution = result.attribution();
    let runs = get(&attribution, "runs");
    let source: js_sys::Uint32Array = get(&runs, "source").dyn_into().unwrap();
    assert_eq!(source.to_vec(), [1, 0]);
    let whole = get(&attribution, "whole");
    assert_eq!(get(&whole, "copiedWords").as_f64(), Some(24.0));
    assert_eq!(get(&attribution, "textWords").as_f64(), Some(24.0));
    let error = wasm::compare_sources(JsValue::NULL, text.into(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        type_error_message(error),
        "compareSources(sources, text, options): sources must be an array (got null)"
    );
}
