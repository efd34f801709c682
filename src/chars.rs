//! Character properties the engine asks of every word, from compact tables
//! that `build.rs` writes at build time from the functions they stand for,
//! so that they answer as those do for every code point (the tests below
//! check all of them):
//!
//! - [`lowercase`]: the standard library's `char::to_lowercase`, whose
//!   table of 1,400 pairs costs the WebAssembly module 4.7 KB gzip; here
//!   184 runs of code points the same step apart and the same distance
//!   from their lower case.

use std::iter::{Chain, Once};

include!(concat!(env!("OUT_DIR"), "/chars.rs"));

/// The lower case of `c` (one code point, or two for U+0130), as
/// [`char::to_lowercase`] gives it.
pub fn lowercase(c: char) -> Chain<Once<char>, std::option::IntoIter<char>> {
    if c.is_ascii() {
        return std::iter::once(c.to_ascii_lowercase()).chain(None);
    }
    let code = u32::from(c);
    let at = LOWERCASE_RUNS.partition_point(|&(run, _)| run >> 8 <= code);
    if let Some(&(run, packed)) = at.checked_sub(1).and_then(|i| LOWERCASE_RUNS.get(i)) {
        let (first, count) = (run >> 8, run & 0xff);
        let (delta, step) = (packed >> 1, (packed & 1) as u32 + 1);
        let offset = code - first;
        if offset < count * step && offset % step == 0 {
            let lower = code.wrapping_add_signed(delta);
            return std::iter::once(char::from_u32(lower).unwrap_or(c)).chain(None);
        }
    }
    match LOWERCASE_LONG.iter().find(|(long, _)| *long == c) {
        Some(&(_, [first, second])) => std::iter::once(first).chain(Some(second)),
        None => std::iter::once(c).chain(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=u32::from(char::MAX)).filter_map(char::from_u32)
    }

    #[test]
    fn lowercase_is_the_standard_librarys_for_every_code_point() {
        for c in every_char() {
            assert!(lowercase(c).eq(c.to_lowercase()), "{c:?}");
        }
    }

    #[test]
    fn lowercase_by_run_step_and_of_two_code_points() {
        let lower = |c| lowercase(c).collect::<String>();
        assert_eq!(lower('İ'), "i\u{307}");
        assert_eq!(lower('Ā'), "ā"); // a run of step 2: Ā ā Ă ă …
        assert_eq!(lower('ā'), "ā");
        assert_eq!(lower('Я'), "я"); // a run of step 1: А … Я
        assert_eq!(lower('Σ'), "σ"); // char by char, never final ς
        assert_eq!(lower('ß'), "ß");
        assert_eq!(lower('Q'), "q");
    }

    #[test]
    fn the_table_is_compact() {
        // What makes it worth its build script: 1,400 pairs in the
        // standard library's.
        assert!(LOWERCASE_RUNS.len() < 250, "{}", LOWERCASE_RUNS.len());
    }
}
