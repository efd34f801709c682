//! The comparison of any two texts under any options: no panic, and every
//! invariant of `tests/common/invariants.rs` holds.
#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let (original, paraphrase, options) = invariants::comparison_input(bytes);
    if let Err(message) = invariants::check_comparison(&original, &paraphrase, &options) {
        panic!("{message}");
    }
});
