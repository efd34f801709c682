//! The central invariants, on arbitrary input:
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

use article_diff::keys::key_into;
use article_diff::tokenize::{TokenClass, tokenize};
use article_diff::{Comparison, Kind, OffsetUnit, Options, Side, compare_with};
use proptest::prelude::*;

fn rebuild(text: &str, side: &Side) -> Result<String, TestCaseError> {
    let mut out = String::new();
    let mut at = 0;
    for span in &side.spans {
        prop_assert_eq!(span.range.start, at, "a gap or an overlap");
        prop_assert!(span.range.end > span.range.start, "an empty span");
        out.push_str(&text[span.range.start as usize..span.range.end as usize]);
        at = span.range.end;
    }
    for sentence in &side.sentences {
        let crossing = side
            .spans
            .iter()
            .any(|s| s.range.start < sentence.range.start && sentence.range.start < s.range.end);
        prop_assert!(
            !crossing,
            "a span crosses the start of {:?}",
            sentence.range
        );
    }
    Ok(out)
}

/// The kind of each word token of a side, read from its spans.
fn word_kinds(text: &str, side: &Side, options: &Options) -> Vec<Kind> {
    tokenize(text, options.normalize_unicode)
        .iter()
        .filter(|t| t.class == TokenClass::Word)
        .map(|t| {
            let at = side.spans.partition_point(|s| s.range.end <= t.start);
            let kind = side.spans[at].kind;
            // Every piece of a word (a refined word has several) agrees.
            assert!(
                side.spans[at..]
                    .iter()
                    .take_while(|s| s.range.start < t.end)
                    .all(|s| s.kind == kind),
                "a word with two kinds"
            );
            kind
        })
        .collect()
}

fn keys(text: &str, options: &Options) -> Vec<String> {
    tokenize(text, options.normalize_unicode)
        .iter()
        .filter(|t| match t.class {
            TokenClass::Space => false,
            TokenClass::Punct => !options.ignore_punctuation,
            TokenClass::Word => true,
        })
        .map(|t| {
            let mut key = String::new();
            key_into(
                &mut key,
                t,
                t.text(text),
                options,
                &article_diff::keys::nfkc,
            );
            key
        })
        .collect()
}

fn check(original: &str, paraphrase: &str, options: &Options) -> Result<(), TestCaseError> {
    let c: Comparison<'_> = compare_with(original, paraphrase, options).unwrap();
    prop_assert_eq!(rebuild(original, c.original_side())?, original);
    prop_assert_eq!(rebuild(paraphrase, c.paraphrase_side())?, paraphrase);

    let s = c.stats();
    let p_kinds = word_kinds(paraphrase, c.paraphrase_side(), options);
    let o_kinds = word_kinds(original, c.original_side(), options);
    let count = |kinds: &[Kind], kind: Kind| kinds.iter().filter(|&&k| k == kind).count() as u32;
    prop_assert_eq!(p_kinds.len() as u32, s.paraphrase_words);
    prop_assert_eq!(o_kinds.len() as u32, s.original_words);
    prop_assert_eq!(count(&p_kinds, Kind::Copied), s.copied_words);
    prop_assert_eq!(count(&p_kinds, Kind::Reworded), s.reworded_words);
    prop_assert_eq!(count(&p_kinds, Kind::New), s.new_words);
    prop_assert_eq!(count(&o_kinds, Kind::Kept), s.kept_words);
    prop_assert_eq!(count(&o_kinds, Kind::Reworded), s.original_reworded_words);
    prop_assert_eq!(count(&o_kinds, Kind::Dropped), s.dropped_words);
    prop_assert_eq!(
        s.copied_words + s.reworded_words + s.new_words,
        s.paraphrase_words
    );
    prop_assert_eq!(
        s.kept_words + s.original_reworded_words + s.dropped_words,
        s.original_words
    );
    prop_assert_eq!(
        s.quoted_copied_words + s.unquoted_copied_words,
        s.copied_words
    );

    let mut previous_end = 0;
    for run in c.runs() {
        prop_assert!(run.paraphrase.start >= previous_end, "runs overlap");
        previous_end = run.paraphrase.end;
        prop_assert!(run.words >= options.min_run);
        prop_assert_eq!(
            keys(c.original_text(&run.original), options),
            keys(c.paraphrase_text(&run.paraphrase), options)
        );
    }
    for pair in c.pairs() {
        prop_assert!((0.0..=1.0).contains(&pair.similarity));
        for op in &pair.ops {
            prop_assert!(
                pair.original.start <= op.original.start && op.original.end <= pair.original.end
            );
            prop_assert!(
                pair.paraphrase.start <= op.paraphrase.start
                    && op.paraphrase.end <= pair.paraphrase.end
            );
        }
    }

    for unit in [OffsetUnit::Utf8, OffsetUnit::Utf16] {
        let json: serde_json::Value = serde_json::from_str(&c.to_json(unit)).unwrap();
        for (side, text) in [("original", original), ("paraphrase", paraphrase)] {
            let spans = json[side]["spans"].as_array().unwrap();
            let joined: String = spans.iter().map(|s| s["text"].as_str().unwrap()).collect();
            prop_assert_eq!(joined.as_str(), text);
            let length = match unit {
                OffsetUnit::Utf8 => text.len(),
                _ => text.encode_utf16().count(),
            };
            prop_assert_eq!(json[side]["length"].as_u64(), Some(length as u64));
            if let Some(last) = spans.last() {
                prop_assert_eq!(last["end"].as_u64(), Some(length as u64));
            }
        }
    }
    Ok(())
}

/// Words from several scripts, common words, numbers, abbreviations,
/// quotation marks, punctuation and odd characters.
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
