//! Synthetic checks built from the fixture prose, and the Unicode cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use article_diff::{Comparison, Kind, Op, compare};
use common::{pair, same_topic_pairs, shuffled_sentences, simple_sentences};

fn copied_percent(c: &Comparison<'_>) -> f64 {
    100.0 * c.stats().copied_words as f64 / c.stats().paraphrase_words as f64
}

/// The kinds of the paraphrase spans that hold `needle`.
fn kinds_of(c: &Comparison<'_>, needle: &str) -> Vec<Kind> {
    let at = c
        .paraphrase()
        .find(needle)
        .unwrap_or_else(|| panic!("no {needle:?}")) as u32;
    let end = at + needle.len() as u32;
    c.paraphrase_side()
        .spans
        .iter()
        .filter(|s| s.range.start < end && s.range.end > at)
        .filter(|s| !c.paraphrase_text(&s.range).trim().is_empty())
        .map(|s| s.kind)
        .collect()
}

#[test]
fn shuffled_sentences_are_copied_and_moved() {
    for (a, b) in same_topic_pairs() {
        for article in [a, b] {
            for seed in 1..=3 {
                let rewrite = shuffled_sentences(&article, seed);
                let c = compare(&article, &rewrite).unwrap();
                let copied = copied_percent(&c);
                println!(
                    "shuffled (seed {seed}): {copied:.1}% copied, {} moved runs",
                    c.stats().moved_runs
                );
                assert!(copied >= 95.0, "only {copied:.1}% copied");
                assert!(c.stats().moved_runs > 0, "nothing flagged moved");
                assert!(c.stats().moved_pairs > 0, "no sentence pair flagged moved");
            }
        }
    }
}

#[test]
fn independent_articles_on_one_topic_share_under_five_percent() {
    for (a, b) in same_topic_pairs() {
        for (original, paraphrase) in [(&a, &b), (&b, &a)] {
            let c = compare(original, paraphrase).unwrap();
            let copied = copied_percent(&c);
            println!("same topic: {copied:.1}% copied");
            assert!(
                copied < 5.0,
                "{copied:.1}% copied between independent articles"
            );
        }
    }
}

#[test]
fn unrelated_texts_share_nothing() {
    let (original, paraphrase) = pair("unrelated");
    let c = compare(&original, &paraphrase).unwrap();
    assert_eq!(c.stats().copied_words, 0);
    assert_eq!(c.stats().pairs, 0);
}

#[test]
fn a_reordered_text_keeps_sentence_pairs_and_flags_the_moved_ones() {
    let (original, paraphrase) = pair("moved");
    let c = compare(&original, &paraphrase).unwrap();
    let s = c.stats();
    assert_eq!(s.dropped_words, 0);
    assert_eq!(s.new_sentences, 1);
    assert_eq!(s.moved_pairs, 3, "original sentences 6, 7 and 8 moved");
    assert_eq!(kinds_of(&c, "The reading room will be open"), [Kind::New]);
}

#[test]
fn a_rewording_pairs_every_sentence_and_refines_the_near_typo() {
    let (original, paraphrase) = pair("reworded");
    let c = compare(&original, &paraphrase).unwrap();
    assert_eq!(c.stats().pairs, 5);
    assert_eq!(c.stats().copied_words, 0);
    // "sited" has no "cited" in its diff stretch to pair with at word level,
    // so it is a reworded word, never a copy.
    assert_eq!(kinds_of(&c, "sited"), [Kind::Reworded]);
}

#[test]
fn split_and_merged_sentences_pair_one_to_two_and_two_to_one() {
    let (original, paraphrase) = pair("split_merge");
    let c = compare(&original, &paraphrase).unwrap();
    let shapes: Vec<(usize, usize)> = c
        .pairs()
        .iter()
        .map(|p| (p.original_sentences.len(), p.paraphrase_sentences.len()))
        .collect();
    assert!(shapes.contains(&(1, 2)), "{shapes:?}");
    assert!(shapes.contains(&(2, 1)), "{shapes:?}");
    assert_eq!(c.stats().dropped_sentences, 1);
}

#[test]
fn cjk_changes_one_ideograph() {
    let (original, paraphrase) = pair("unicode");
    let c = compare(&original, &paraphrase).unwrap();
    let sentence = c
        .paraphrase_side()
        .sentences
        .iter()
        .find(|s| c.paraphrase_text(&s.range).starts_with("新しい店"))
        .unwrap();
    let inserted: Vec<&str> = c
        .paraphrase_side()
        .spans
        .iter()
        .filter(|s| s.range.start >= sentence.range.start && s.range.end <= sentence.range.end)
        .filter(|s| s.op == Op::Insert)
        .map(|s| c.paraphrase_text(&s.range))
        .collect();
    assert_eq!(inserted, ["港"]);
}

#[test]
fn right_to_left_text_emoji_and_combining_marks_are_copied_whole() {
    let (original, paraphrase) = pair("unicode");
    let c = compare(&original, &paraphrase).unwrap();
    assert_eq!(kinds_of(&c, "مرحبا بكم في المقهى الجديد"), [Kind::Copied]);
    // "Café" is decomposed in the original and precomposed here.
    assert!(original.contains("Cafe\u{301}") && paraphrase.contains("Caf\u{e9}"));
    assert_eq!(kinds_of(&c, "Café Sora opens in Kyoto"), [Kind::Copied]);
    let emoji = "👩\u{200D}💻";
    let spans: Vec<&str> = c
        .paraphrase_side()
        .spans
        .iter()
        .map(|s| c.paraphrase_text(&s.range))
        .filter(|t| t.contains('\u{200D}'))
        .collect();
    assert!(
        spans.iter().all(|t| t.contains(emoji)),
        "the emoji was cut: {spans:?}"
    );
    // It sits among reworded words, so it is no copied run of its own, but
    // it is the same word on both sides of its pair.
    let at = paraphrase.find(emoji).unwrap() as u32;
    let span = c
        .paraphrase_side()
        .spans
        .iter()
        .find(|s| s.range.contains(&at))
        .unwrap();
    assert_eq!((span.kind, span.op), (Kind::Reworded, Op::Equal));
}

#[test]
fn crlf_and_lf_line_endings_make_no_difference() {
    let text = pair("moved").0;
    let crlf = text.replace('\n', "\r\n");
    let c = compare(&crlf, &text).unwrap();
    assert_eq!(c.stats().copied_words, c.stats().paraphrase_words);
    assert!(c.paraphrase_side().spans.iter().all(|s| s.op == Op::Equal));
    assert!(c.original_side().spans.iter().all(|s| s.op == Op::Equal));
}

#[test]
fn a_crlf_original_and_its_lf_rewrite() {
    let (original, paraphrase) = pair("crlf");
    assert!(original.contains("\r\n") && !paraphrase.contains('\r'));
    let c = compare(&original, &paraphrase).unwrap();
    assert_eq!(
        kinds_of(&c, "Pedestrians and cyclists will still"),
        [Kind::New]
    );
    assert!(kinds_of(&c, "Traffic will be sent").contains(&Kind::Reworded));
    let s = c.stats();
    assert_eq!(s.dropped_words, 0);
    assert_eq!(s.new_sentences, 1);
    // Every other sentence is copied whole.
    for sentence in simple_sentences(&paraphrase) {
        if sentence.starts_with("Pedestrians") || sentence.starts_with("Traffic") {
            continue;
        }
        let words = sentence.trim_end_matches('.');
        assert_eq!(kinds_of(&c, words), [Kind::Copied], "{sentence:?}");
    }
}
