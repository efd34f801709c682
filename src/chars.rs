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

/// Whether `c` has the Unicode Emoji property, as
/// `unicode_properties::UnicodeEmoji::is_emoji_char` answers (the ASCII
/// digits, `#` and `*` included).
pub fn is_emoji(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit() || c == '#' || c == '*';
    }
    let code = u32::from(c);
    let at = EMOJI.partition_point(|&(first, _)| first <= code);
    at.checked_sub(1)
        .and_then(|i| EMOJI.get(i))
        .is_some_and(|&(_, last)| code <= last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_properties::UnicodeEmoji;

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
    fn is_emoji_is_unicode_properties_for_every_code_point() {
        for c in every_char() {
            assert_eq!(is_emoji(c), c.is_emoji_char(), "{c:?}");
        }
    }

    #[test]
    fn is_emoji_at_the_edges_of_a_range() {
        assert!(is_emoji('😀') && is_emoji('🙏') && !is_emoji('🙐'));
        assert!(is_emoji('7') && !is_emoji('a') && !is_emoji('é'));
    }

    #[test]
    fn the_tables_are_compact() {
        // What makes them worth their build script: 1,400 pairs in the
        // standard library's case table, 633 ranges in the emoji one.
        assert!(LOWERCASE_RUNS.len() < 250, "{}", LOWERCASE_RUNS.len());
        assert!(EMOJI.len() < 250, "{}", EMOJI.len());
    }
}
