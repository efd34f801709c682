//! The worst inputs known, at sizes that run fast here (the full sizes, with
//! their times and memory, are in `node bench/worst.mjs`): each once made a
//! stage quadratic or left it working long past the deadline. These tests
//! check that the answers stay right and say honestly what was cut short;
//! timing belongs to the bench.

mod common;
#[path = "common/invariants.rs"]
mod invariants;

use article_diff::{Options, compare_with};
use invariants::check_comparison;

/// A made-up word for each number: distinct numbers, distinct words.
fn word(mut n: u64) -> String {
    const CONSONANTS: &[u8] = b"bdfgklmnprstvz";
    const VOWELS: &[u8] = b"aeiou";
    let mut word = String::new();
    loop {
        word.push(CONSONANTS[(n % 14) as usize] as char);
        n /= 14;
        word.push(VOWELS[(n % 5) as usize] as char);
        n /= 5;
        if n == 0 {
            return word;
        }
    }
}

/// `count` short sentences of five to eight words over a vocabulary of
/// `vocabulary` words, deterministic for a seed.
fn short_sentences(count: usize, vocabulary: u64, seed: u64) -> String {
    let mut state = seed;
    let mut next = |below: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % below
    };
    let mut text = String::new();
    for _ in 0..count {
        let words = 5 + next(4);
        for i in 0..words {
            let w = word(next(vocabulary));
            if i == 0 {
                let mut chars = w.chars();
                let first = chars.next().unwrap().to_ascii_uppercase();
                text.push(first);
                text.push_str(chars.as_str());
            } else {
                text.push(' ');
                text.push_str(&w);
            }
        }
        text.push_str(". ");
    }
    text.trim_end().to_string()
}

fn unlimited() -> Options {
    Options::default().time_budget_ms(None)
}

#[test]
fn one_sentence_made_from_thousands_of_short_ones() {
    // The rewrite lower-cases the original, so a period no longer ends a
    // sentence: one sentence of 100,000 words made from 15,000. Scoring it
    // against each of them once rescanned its words each time.
    let original = short_sentences(15_000, 40_000, 1);
    let rewrite = original.to_lowercase();
    let c = compare_with(&original, &rewrite, &unlimited()).unwrap();
    assert!(c.is_complete(), "cut short: {:?}", c.cut_short());
    // Copied whole; the one sentence pairs with none of the 15,000 (each
    // is a sliver of it).
    assert_eq!(c.paraphrase_side().sentences.len(), 1);
    let stats = c.stats();
    assert_eq!(stats.copied_words, stats.paraphrase_words);

    // And the other way round: thousands of short sentences made from one.
    let c = compare_with(&rewrite, &original, &unlimited()).unwrap();
    assert!(c.is_complete(), "cut short: {:?}", c.cut_short());
    assert_eq!(c.original_side().sentences.len(), 1);
    assert_eq!(c.stats().copied_words, c.stats().paraphrase_words);
}

#[test]
fn a_paragraph_of_prose_against_its_lower_cased_copy() {
    let (original, _) = common::reference_pair();
    let paragraph = original.split_whitespace().collect::<Vec<_>>().join(" ");
    let original = [paragraph.as_str(); 40].join(" ");
    let rewrite = original.to_lowercase();
    check_comparison(&original, &rewrite, &unlimited()).unwrap();
    let c = compare_with(&original, &rewrite, &unlimited()).unwrap();
    assert!(c.is_complete());
    assert_eq!(c.stats().copied_words, c.stats().paraphrase_words);
}

#[test]
fn a_tiny_vocabulary_keeps_the_copied_run_search_linear() {
    // Three words over and over: every window of the rewrite matches
    // thousands of places in the original. The matches allowed grow with
    // the rewrite (runs::MATCHES_PER_UNIT), so the search settles for
    // fewer whatever the clock says, and says so.
    let original = short_sentences(6_000, 3, 3);
    let rewrite = short_sentences(6_000, 3, 4);
    let c = compare_with(&original, &rewrite, &unlimited()).unwrap();
    assert_eq!(c.cut_short(), ["copied passages"]);
    assert!(!c.is_complete());
    check_comparison(&original, &rewrite, &unlimited()).unwrap();
    // Still much is found: texts of three words share most four-word runs.
    let stats = c.stats();
    assert!(
        stats.copied_words * 2 > stats.paraphrase_words,
        "{} of {} words copied",
        stats.copied_words,
        stats.paraphrase_words
    );
}

#[test]
fn past_the_deadline_every_searching_stage_settles_and_says_so() {
    // One wrong letter in every other word, as OCR makes them, with a
    // budget of one millisecond: the search for copied passages and the
    // scoring of sentence pairs give up early; the result is still whole.
    let original = short_sentences(4_000, 20_000, 5);
    let mut flip = false;
    let rewrite: String = original
        .split(' ')
        .map(|w| {
            flip = !flip;
            if flip && w.len() > 2 {
                format!("{}x{}", &w[..1], &w[2..])
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let options = Options::default().time_budget_ms(Some(1));
    let c = compare_with(&original, &rewrite, &options).unwrap();
    assert!(!c.is_complete());
    for stage in ["copied passages", "sentence pairs"] {
        assert!(c.cut_short().contains(&stage), "{:?}", c.cut_short());
    }
    check_comparison(&original, &rewrite, &options).unwrap();
}
