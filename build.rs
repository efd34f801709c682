//! Writes the compact character tables of `src/chars.rs` into
//! `$OUT_DIR/chars.rs`, read from the very functions they replace: the
//! standard library's `char::to_lowercase` (of this toolchain, whose `core`
//! the build links) and `unicode-properties`' `is_emoji_char`. The tests in
//! `src/chars.rs` check every code point against them.

use std::fmt::Write as _;
use std::path::PathBuf;

use unicode_properties::UnicodeEmoji;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut out = String::new();
    lowercase(&mut out);
    emoji(&mut out);
    let path = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(path.join("chars.rs"), out).expect("OUT_DIR is writable");
}

/// Every code point but the ASCII ones (which `src/chars.rs` maps itself)
/// and the surrogates (which are not `char`s).
fn non_ascii() -> impl Iterator<Item = char> {
    (0x80..=u32::from(char::MAX)).filter_map(char::from_u32)
}

/// `LOWERCASE_RUNS`: the code points whose lower case is one other code
/// point, as runs of those a fixed step apart (1 or 2) whose lower case is
/// the same distance away, each `(first << 8 | count, delta << 1 | step -
/// 1)`; `LOWERCASE_LONG`: those whose lower case is more than one code
/// point (U+0130 alone today).
fn lowercase(out: &mut String) {
    // (first, count, step, delta)
    let mut runs: Vec<(u32, u32, u32, i32)> = Vec::new();
    let mut long = Vec::new();
    for c in non_ascii() {
        let lower: Vec<char> = c.to_lowercase().collect();
        if lower == [c] {
            continue;
        }
        if lower.len() > 1 {
            assert!(
                lower.len() == 2,
                "{c:?} lower-cases to {lower:?}: src/chars.rs expects at most two code points"
            );
            long.push((c, lower[0], lower[1]));
            continue;
        }
        let (code, delta) = (
            u32::from(c),
            i64::from(u32::from(lower[0])) - i64::from(u32::from(c)),
        );
        let delta = i32::try_from(delta).expect("code points differ by less than 2^31");
        if let Some((first, count, step, run_delta)) = runs.last_mut() {
            let next = *first + *count * *step;
            let fits = *run_delta == delta
                && *count < 255
                && match *count {
                    1 => code - *first <= 2,
                    _ => code == next,
                };
            if fits {
                if *count == 1 {
                    *step = code - *first;
                }
                *count += 1;
                continue;
            }
        }
        runs.push((code, 1, 1, delta));
    }
    writeln!(
        out,
        "static LOWERCASE_RUNS: [(u32, i32); {}] = [",
        runs.len()
    )
    .unwrap();
    for (first, count, step, delta) in runs {
        assert!(first < 1 << 24 && (1..=2).contains(&step));
        writeln!(
            out,
            "({:#x}, {}),",
            first << 8 | count,
            delta << 1 | (step as i32 - 1)
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    writeln!(
        out,
        "static LOWERCASE_LONG: [(char, [char; 2]); {}] = [",
        long.len()
    )
    .unwrap();
    for (c, a, b) in long {
        writeln!(out, "({c:?}, [{a:?}, {b:?}]),").unwrap();
    }
    writeln!(out, "];").unwrap();
}

/// `EMOJI`: the non-ASCII code points with the Emoji property, as
/// inclusive ranges `(first, last)`.
fn emoji(out: &mut String) {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in non_ascii().filter(|c| c.is_emoji_char()) {
        let code = u32::from(c);
        match ranges.last_mut() {
            Some((_, last)) if *last + 1 == code => *last = code,
            _ => ranges.push((code, code)),
        }
    }
    writeln!(out, "static EMOJI: [(u32, u32); {}] = [", ranges.len()).unwrap();
    for (first, last) in ranges {
        writeln!(out, "({first:#x}, {last:#x}),").unwrap();
    }
    writeln!(out, "];").unwrap();
}
