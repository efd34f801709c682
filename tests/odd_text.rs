//! Odd text, each case as a reader might paste it: what the engine makes of
//! it, and that every invariant (`common/invariants.rs`) holds. The page's
//! own cases (lone UTF-16 surrogates, sizes) are in tests/js and tests/e2e;
//! CJK, right-to-left text, emoji and combining marks inside real prose are
//! also in tests/synthetic.rs.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/invariants.rs"]
mod invariants;

use article_diff::{Comparison, Op, Options, Verdict, compare, compare_with};
use unicode_segmentation::UnicodeSegmentation;

/// Compares with the default options after checking every invariant.
fn checked<'t>(original: &'t str, paraphrase: &'t str) -> Comparison<'t> {
    if let Err(message) = invariants::check_comparison(original, paraphrase, &Options::default()) {
        panic!("{message}\noriginal: {original:.200?}\nparaphrase: {paraphrase:.200?}");
    }
    compare(original, paraphrase).unwrap()
}

/// (words, copied, new, kept, dropped) of a comparison.
fn counts(c: &Comparison<'_>) -> (u32, u32, u32, u32, u32) {
    let s = c.stats();
    (
        s.paraphrase_words,
        s.copied_words,
        s.new_words,
        s.kept_words,
        s.dropped_words,
    )
}

/// No span starts inside a grapheme cluster, on either side.
fn spans_keep_graphemes_whole(c: &Comparison<'_>) {
    for (text, side) in [
        (c.original(), c.original_side()),
        (c.paraphrase(), c.paraphrase_side()),
    ] {
        let bounds: Vec<usize> = text
            .grapheme_indices(true)
            .map(|(at, _)| at)
            .chain([text.len()])
            .collect();
        for span in &side.spans {
            assert!(
                bounds.binary_search(&(span.range.start as usize)).is_ok(),
                "a span starts inside a character: {:?}",
                &text[span.range.start as usize..span.range.end as usize]
            );
        }
    }
}

#[test]
fn empty_texts() {
    let c = checked("", "");
    assert_eq!(counts(&c), (0, 0, 0, 0, 0));
    assert!(c.paraphrase_side().spans.is_empty());
    let c = checked("", "The council voted.");
    assert_eq!(counts(&c), (3, 0, 3, 0, 0));
    let c = checked("The council voted.", "");
    assert_eq!(counts(&c), (0, 0, 0, 0, 3));
}

#[test]
fn whitespace_only() {
    let c = checked(" \t\n\r\n \u{A0}\u{3000}", "\n\n   ");
    assert_eq!(counts(&c), (0, 0, 0, 0, 0));
    assert_eq!(c.stats().paraphrase_sentences, 0);
}

#[test]
fn identical_texts_are_copied_whole_however_short() {
    let prose = common::fixture("tests/fixtures/prose/drought_a.txt");
    for text in [prose.as_str(), "Hello.", "Bridge closed.", "Yes", "東京"] {
        let c = checked(text, text);
        let s = c.stats();
        assert_eq!(s.copied_words, s.paraphrase_words, "{text:?}");
        assert_eq!(s.kept_words, s.original_words, "{text:?}");
        assert_eq!(s.moved_runs, 0, "{text:?}");
        assert!(s.paraphrase_words > 0);
    }
}

#[test]
fn a_short_sentence_repeated_whole_is_copied_but_not_a_few_common_words() {
    let c = checked(
        "Bridge closed. The council met on Monday to discuss the budget.",
        "The mayor spoke first. Bridge closed.",
    );
    let copied: Vec<&str> = c
        .runs()
        .iter()
        .map(|r| c.paraphrase_text(&r.paraphrase))
        .collect();
    assert_eq!(copied, ["Bridge closed"]);
    // Common words alone prove nothing, even as a whole sentence.
    let c = checked("It was not. The council met.", "It was not. A mayor spoke.");
    assert_eq!(c.stats().copied_words, 0);
}

#[test]
fn completely_different_texts() {
    let (original, paraphrase) = common::pair("unrelated");
    let c = checked(&original, &paraphrase);
    assert_eq!(c.stats().copied_words, 0);
    assert_eq!(c.stats().pairs, 0);
    assert_eq!(c.stats().new_words, c.stats().paraphrase_words);
    assert_eq!(c.stats().dropped_words, c.stats().original_words);
}

#[test]
fn punctuation_only() {
    let c = checked("!!! ... ??? — «» “”", "... !!! (—)");
    assert_eq!(counts(&c), (0, 0, 0, 0, 0));
    // Every character is still in a span.
    let joined: String = c
        .paraphrase_side()
        .spans
        .iter()
        .map(|s| c.paraphrase_text(&s.range))
        .collect();
    assert_eq!(joined, "... !!! (—)");
}

#[test]
fn a_word_of_300_000_characters() {
    let word = "a".repeat(300_000);
    let c = checked(&word, &word);
    assert_eq!(counts(&c), (1, 1, 0, 1, 0));
    // One letter changed in the middle, inside a sentence: the sentences
    // pair, and the long word is a change of its own, not a character diff
    // of 300,000 letters.
    let mut changed = "a".repeat(150_000);
    changed.push('b');
    changed.push_str(&"a".repeat(150_000));
    let original = format!("The council said {word} today.");
    let paraphrase = format!("The council said {changed} today.");
    let c = checked(&original, &paraphrase);
    assert_eq!(c.stats().pairs, 1);
    assert!(c.paraphrase_side().spans.len() < 20);
}

#[test]
fn fifty_thousand_identical_lines() {
    let text = "Same line.\n".repeat(50_000);
    let c = checked(&text, &text);
    assert_eq!(counts(&c), (100_000, 100_000, 0, 100_000, 0));
    assert_eq!(c.stats().moved_runs, 0);
}

#[test]
fn crlf_and_lf_compare_alike() {
    let lf =
        "The council met on Monday.\nIt voted to close the old bridge.\n\nRepairs start in May.";
    let crlf = lf.replace('\n', "\r\n");
    let c = checked(&crlf, lf);
    assert_eq!(c.stats().copied_words, c.stats().paraphrase_words);
    assert_eq!(c.stats().original_sentences, 3);
    assert_eq!(c.stats().paraphrase_sentences, 3);
    let c = checked(lf, &crlf);
    assert_eq!(c.stats().copied_words, c.stats().paraphrase_words);
}

#[test]
fn no_break_and_zero_width_spaces_separate_words() {
    let plain = "the council voted to build a new bridge";
    for odd in [
        "the\u{A0}council voted to\u{A0}build a new bridge",
        "the\u{200B}council voted to build\u{200B}a new bridge",
        "the council\u{FEFF} voted to build a new\u{2009}bridge",
    ] {
        let c = checked(odd, plain);
        assert_eq!(c.stats().original_words, 8, "{odd:?}");
        assert_eq!(c.stats().copied_words, 8, "{odd:?}");
    }
}

#[test]
fn nul_and_control_characters_separate_words_and_are_not_compared() {
    let c = checked(
        "The council\0 voted\u{7} to build\u{1B} a new\u{7F}bridge.",
        "The council voted to build a new bridge.",
    );
    assert_eq!(c.stats().original_words, 8);
    assert_eq!(c.stats().copied_words, 8);
    // The characters stay in the spans: the text is rebuilt exactly.
    let joined: String = c
        .original_side()
        .spans
        .iter()
        .map(|s| c.original_text(&s.range))
        .collect();
    assert!(joined.contains('\0') && joined.contains('\u{7F}'));
}

#[test]
fn right_to_left_scripts() {
    let arabic = "قال المجلس إن الجسر الجديد سيفتح في الربيع. وأضاف أن التكلفة ارتفعت.";
    let hebrew = "המועצה הצביעה בעד בניית גשר חדש מעל הנהר. העבודות יתחילו באביב.";
    for text in [arabic, hebrew] {
        let rewrite = format!(
            "{} {}",
            text.split(". ").nth(1).unwrap(),
            text.split(". ").next().unwrap()
        );
        let c = checked(text, &rewrite);
        assert!(
            c.stats().copied_words >= c.stats().paraphrase_words - 1,
            "{text}"
        );
        assert!(c.stats().moved_runs >= 1, "{text}");
    }
}

#[test]
fn cjk_without_spaces() {
    let original = "東京都は新しい橋の建設を決めた。工事は来年の春に始まる予定だ。";
    let paraphrase = "工事は来年の春に始まる予定だ。東京都は新しい橋の建設を決めた。";
    let c = checked(original, paraphrase);
    assert_eq!(c.stats().copied_words, c.stats().paraphrase_words);
    assert!(c.stats().paraphrase_words > 10, "each ideograph is a word");
    assert_eq!(c.stats().paraphrase_sentences, 2);
    // One ideograph changed: only it is marked.
    let changed = "東京都は新しい港の建設を決めた。工事は来年の春に始まる予定だ。";
    let c = checked(original, changed);
    let inserted: Vec<&str> = c
        .paraphrase_side()
        .spans
        .iter()
        .filter(|s| s.op == Op::Insert)
        .map(|s| c.paraphrase_text(&s.range))
        .collect();
    assert_eq!(inserted, ["港"]);
}

#[test]
fn emoji_with_joiners_stay_whole() {
    let original = "The team 👩\u{200D}💻 shipped the new bridge app today. 🏳\u{FE0F}\u{200D}🌈 Parade at noon.";
    let paraphrase = "Parade at noon 🏳\u{FE0F}\u{200D}🌈. The team 👨\u{200D}💻 shipped the new bridge app today.";
    let c = checked(original, paraphrase);
    spans_keep_graphemes_whole(&c);
    // The woman technologist became a man technologist: one changed word,
    // never half an emoji.
    for span in &c.paraphrase_side().spans {
        let text = c.paraphrase_text(&span.range);
        if text.contains('\u{200D}') {
            assert!(
                text.contains("👨\u{200D}💻") || text.contains("🏳\u{FE0F}\u{200D}🌈"),
                "{text:?}"
            );
        }
    }
}

#[test]
fn combining_marks_stay_on_their_letters() {
    // Decomposed (e + U+0301) in the original, precomposed in the rewrite.
    let original =
        "The cafe\u{301} in Se\u{301}ville reopened after the re\u{301}novation was finished.";
    let paraphrase =
        "The caf\u{e9} in S\u{e9}ville reopened after the r\u{e9}novation was finished.";
    let c = checked(original, paraphrase);
    assert_eq!(c.stats().copied_words, c.stats().paraphrase_words);
    spans_keep_graphemes_whole(&c);
    // Without normalization the two forms differ, and the change is the
    // whole letter, mark included.
    let options = Options::default().normalize_unicode(false);
    invariants::check_comparison(original, paraphrase, &options).unwrap();
    let c = compare_with(original, paraphrase, &options).unwrap();
    assert!(c.stats().copied_words < c.stats().paraphrase_words);
    spans_keep_graphemes_whole(&c);
    for span in &c.original_side().spans {
        assert!(!c.original_text(&span.range).starts_with('\u{301}'));
    }
    // Stacked marks (Vietnamese, Zalgo) stay whole too.
    let stacked = "Vie\u{323}\u{302}t Nam re\u{301}\u{301}\u{301}opened the bridge today.";
    let c = checked(stacked, "Việt Nam reopened the bridge today.");
    spans_keep_graphemes_whole(&c);
    assert_eq!(c.stats().pairs, 1);
    // "Việt" is the same word in both forms; the marked "reopened" is not.
    let op_of = |needle: &str| {
        let at = stacked.find(needle).unwrap() as u32;
        let span = c
            .original_side()
            .spans
            .iter()
            .find(|s| s.range.contains(&at))
            .unwrap();
        span.op
    };
    assert_eq!(op_of("Vie\u{323}\u{302}t"), Op::Equal);
    assert_ne!(op_of("re\u{301}"), Op::Equal);
}

/// A passage of 32 words typed with `--`, `–` and `...`, and the same
/// typeset with `—` and `…` (with spaces around one dash, none around the
/// other).
const TYPED: &str = "The council met on Monday -- after weeks of delay--and voted for the \
    2025–2026 plan to build a new bridge over the river... Work would start in May, the mayor said.";
const TYPESET: &str = "The council met on Monday — after weeks of delay — and voted for the \
    2025—2026 plan to build a new bridge over the river… Work would start in May, the mayor said.";

#[test]
fn dashes_and_ellipses_typed_or_typeset_are_one_copied_passage() {
    let c = checked(TYPED, TYPESET);
    let s = c.stats();
    assert_eq!(s.paraphrase_words, 32);
    assert_eq!(s.copied_words, 32);
    assert_eq!(s.runs, 1, "{:?}", c.runs());
    assert_eq!((s.original_sentences, s.paraphrase_sentences), (2, 2));
    assert!(c.pairs().iter().all(|p| p.verdict == Verdict::Copied));
    for side in [c.original_side(), c.paraphrase_side()] {
        assert!(side.spans.iter().all(|span| span.op == Op::Equal));
    }
}

#[test]
fn dashes_and_ellipses_differ_when_punctuation_is_exact() {
    // NFKC alone makes "…" three periods; the dashes differ.
    let exact = Options::default().unify_punctuation(false);
    let raw = exact.clone().normalize_unicode(false);
    for (options, expected) in [(exact, &["—", "—", "—"][..]), (raw, &["—", "—", "—", "…"])]
    {
        if let Err(message) = invariants::check_comparison(TYPED, TYPESET, &options) {
            panic!("{message}");
        }
        let c = compare_with(TYPED, TYPESET, &options).unwrap();
        assert!(c.stats().runs > 1);
        let inserted: Vec<&str> = c
            .paraphrase_side()
            .spans
            .iter()
            .filter(|span| span.op == Op::Insert)
            .map(|span| c.paraphrase_text(&span.range))
            .collect();
        assert_eq!(inserted, expected);
    }
}
