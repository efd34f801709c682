//! The reports of any two texts under any options: the text report (plain
//! and coloured) cannot steer a terminal, and the HTML report shows the
//! texts only escaped (`tests/common/reports.rs`).
#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;
#[path = "../../tests/common/reports.rs"]
mod reports;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let (original, paraphrase, options) = invariants::comparison_input(bytes);
    if let Err(message) = reports::check_reports(&original, &paraphrase, &options) {
        panic!("{message}");
    }
});
