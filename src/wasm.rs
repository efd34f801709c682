//! The browser binding: converts the page's inputs, calls the engine, and
//! hands back the JSON model with offsets in UTF-16 code units.

use wasm_bindgen::prelude::*;

use crate::{OffsetUnit, Options};

/// Compares `original` with `paraphrase` and returns the `article-diff/1`
/// model as a plain object.
///
/// `options` may be `undefined`, `null` or an object whose fields are those of
/// [`Options`]; an unknown field or a value of the wrong type is an `Error`.
#[wasm_bindgen]
pub fn compare(original: &str, paraphrase: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let result = crate::compare_with(original, paraphrase, &options)
        .map_err(|error| JsError::new(&error.to_string()))?;
    js_sys::JSON::parse(&result.to_json(OffsetUnit::Utf16))
        .map_err(|_| JsError::new("the comparison could not be handed to JavaScript"))
}

fn parse_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(JsError::new("options must be an object"));
    }
    // Through JSON so that serde sees every key (an unknown one is an error)
    // and its messages carry no line and column of a text the caller never saw.
    let json: String = js_sys::JSON::stringify(&options)
        .map_err(|_| JsError::new("options must be plain data (no BigInt, no cycles)"))?
        .into();
    let value: serde_json::Value = serde_json::from_str(&json)
        .map_err(|error| JsError::new(&format!("invalid options: {error}")))?;
    serde_json::from_value(value)
        .map_err(|error| JsError::new(&format!("invalid options: {error}")))
}
