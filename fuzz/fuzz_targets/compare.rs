//! The comparison of any two texts under any options: no panic, every
//! invariant of `tests/common/invariants.rs` holds, and no input takes
//! longer than [`GENEROUS`] (inputs are at most 4 KB: a comparison of that
//! size takes milliseconds, so a slow one is a stage gone quadratic or
//! ignoring the deadline). The time is checked here only: the stable
//! replays of `tests/fuzz_regressions.rs` assert no timings.
#![no_main]

use std::time::{Duration, Instant};

#[path = "../../tests/common/invariants.rs"]
mod invariants;

/// The longest one comparison of a fuzz input may take.
const GENEROUS: Duration = Duration::from_secs(1);

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let (original, paraphrase, options) = invariants::comparison_input(bytes);
    let start = Instant::now();
    let compared = article_diff::compare_with(&original, &paraphrase, &options);
    let took = start.elapsed();
    assert!(
        took <= GENEROUS,
        "a comparison of {} and {} bytes took {took:?}",
        original.len(),
        paraphrase.len()
    );
    drop(compared);
    if let Err(message) = invariants::check_comparison(&original, &paraphrase, &options) {
        panic!("{message}");
    }
});
