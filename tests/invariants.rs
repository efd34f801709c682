//! The central invariants (`common/invariants.rs`), on arbitrary input:
//!
//! - the spans of each side cover its text in order and rebuild it exactly,
//!   and none crosses a sentence boundary;
//! - labels partition the words: every word of the paraphrase is exactly one
//!   of copied / reworded / new, every word of the original one of kept /
//!   reworded / dropped, and the statistics count them;
//! - every copied run reads the same, key by key, at both of its ranges;
//! - the JSON form parses and its spans rebuild the texts in both offset
//!   units.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/invariants.rs"]
mod invariants;

use article_diff::Options;
use proptest::prelude::*;

fn check(original: &str, paraphrase: &str, options: &Options) -> Result<(), TestCaseError> {
    invariants::check_comparison(original, paraphrase, options).map_err(TestCaseError::fail)
}

/// Words from several scripts, common words, numbers, abbreviations,
/// quotation marks, punctuation (dashes and ellipses typed or typeset) and
/// odd characters.
const VOCABULARY: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "council",
    "bridge",
    "river",
    "voted",
    "said",
    "U.S.",
    "Mr.",
    "3.5",
    "company's",
    "CNET‘s",
    "toΒ",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    ",",
    ".",
    "?",
    "!",
    "—",
    "–",
    "-",
    "--",
    "delay--and",
    "well-known",
    "...",
    "…",
    "etc...",
    "(",
    ")",
    "東",
    "京",
    "。",
    "مرحبا",
    "שלום",
    "👩\u{200D}💻",
    "e\u{301}",
    "é",
    "\u{A0}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{AD}",
    "\0",
    "\t",
    "ﬁnance",
    "ＡＢＣ",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCABULARY), 1..12).prop_map(|words| {
        let mut text = words.join(" ");
        text.push('.');
        text
    })
}

/// An original, and a rewrite of it: some of its sentences, shuffled,
/// with a few words changed and new sentences added, joined by spaces or
/// line breaks (LF or CRLF).
fn original_and_rewrite() -> impl Strategy<Value = (String, String)> {
    (
        prop::collection::vec(sentence(), 0..10),
        prop::collection::vec(sentence(), 0..4),
        any::<u64>(),
        prop::sample::select(&[" ", "\n", "\r\n", "\n\n"][..]),
    )
        .prop_map(|(sentences, extra, seed, joint)| {
            let original = sentences.join(joint);
            let mut kept: Vec<String> = sentences
                .iter()
                .enumerate()
                .filter(|(i, _)| (seed >> (i % 64)) & 3 != 0)
                .map(|(i, s)| {
                    if (seed >> ((i + 7) % 64)) & 1 == 1 {
                        s.replacen("the", "a", 1)
                    } else {
                        s.clone()
                    }
                })
                .collect();
            kept.extend(extra);
            let mut state = seed | 1;
            for i in (1..kept.len()).rev() {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                kept.swap(i, (state >> 33) as usize % (i + 1));
            }
            (original, kept.join(" "))
        })
}

fn options() -> impl Strategy<Value = Options> {
    (any::<[bool; 4]>(), 1u32..6).prop_map(|(flags, min_run)| {
        Options::default()
            .ignore_case(flags[0])
            .unify_punctuation(flags[1])
            .normalize_unicode(flags[2])
            .ignore_punctuation(flags[3])
            .min_run(min_run)
    })
}

// 256 cases each by default; PROPTEST_CASES=N for a longer run.
proptest! {
    #[test]
    fn invariants_hold_for_rewrites((original, paraphrase) in original_and_rewrite(), options in options()) {
        check(&original, &paraphrase, &options)?;
    }

    #[test]
    fn invariants_hold_for_any_text(original in "\\PC{0,60}", paraphrase in "(?s).{0,60}") {
        check(&original, &paraphrase, &Options::default())?;
    }

    #[test]
    fn invariants_hold_when_the_budget_is_spent((original, paraphrase) in original_and_rewrite()) {
        let options = Options::default().time_budget_ms(Some(0));
        check(&original, &paraphrase, &options)?;
    }
}

proptest! {
    #[test]
    fn tokens_cover_any_text(text in "(?s).{0,80}") {
        invariants::check_tokens(&text).map_err(TestCaseError::fail)?;
    }
}
