//! The command line's decoding of any file: no panic, a one-line message
//! when refused, and UTF-8 text read back unchanged.
#![no_main]

#[path = "../../tests/common/decoding.rs"]
mod decoding;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Err(message) = decoding::check_decoding(bytes) {
        panic!("{message}");
    }
});
