//! The tokenizer on any text: tokens cover it, and the ASCII fast path cuts
//! exactly where `unicode-segmentation` does.
#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if let Err(message) = invariants::check_tokens(&text) {
        panic!("{message}");
    }
});
