//! Scripts without spaces (issue 14, item 3): the aims on the fixtures of
//! `tests/fixtures/languages` (Chinese, Japanese, Thai, Korean) and, for
//! chance copying, on two independent halves of one long text, the
//! Universal Declaration of Human Rights (`tests/fixtures/languages/udhr`),
//! against the same halves in English. See `docs/languages.md`.
#![cfg(feature = "languages")]

use article_diff::{Comparison, Kind, compare};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/languages");

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap()
}

/// Bytes of letters and digits in `range` of `text`.
fn letters(text: &str, range: std::ops::Range<u32>) -> usize {
    text[range.start as usize..range.end as usize]
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(char::len_utf8)
        .sum()
}

/// The share of the paraphrase's words (by their letters' bytes) in spans
/// of `kind` inside `range`.
fn share_in(result: &Comparison<'_>, kind: Kind, range: std::ops::Range<u32>) -> f64 {
    let text = result.paraphrase();
    let within: usize = result
        .paraphrase_side()
        .spans
        .iter()
        .filter(|span| span.kind == kind)
        .map(|span| {
            let (start, end) = (
                span.range.start.max(range.start),
                span.range.end.min(range.end),
            );
            if start < end {
                letters(text, start..end)
            } else {
                0
            }
        })
        .sum();
    within as f64 / letters(text, range).max(1) as f64
}

fn shares(result: &Comparison<'_>) -> (f64, f64) {
    let stats = result.stats();
    let words = f64::from(stats.paraphrase_words.max(1));
    (
        f64::from(stats.copied_words) / words,
        f64::from(stats.reworded_words) / words,
    )
}

#[test]
fn the_sentences_a_rewrite_copies_are_copied_and_an_unrelated_text_is_not() {
    for code in ["zh", "ja", "th", "ko"] {
        let original = read(&format!("{code}/original.txt"));
        let rewrite = read(&format!("{code}/rewrite.txt"));
        let result = compare(&original, &rewrite).unwrap();
        let original_sentences: Vec<&str> = result
            .original_side()
            .sentences
            .iter()
            .map(|s| result.original_text(&s.range))
            .collect();
        let mut verbatim = 0;
        for sentence in &result.paraphrase_side().sentences {
            let words = result.paraphrase_text(&sentence.range);
            if !original_sentences.contains(&words) {
                continue;
            }
            verbatim += 1;
            let copied = share_in(&result, Kind::Copied, sentence.range.clone());
            assert!(copied >= 0.95, "{code}: {words} is {copied:.2} copied");
        }
        assert!(verbatim >= 3, "{code}: {verbatim} verbatim sentences");
        assert!(result.stats().moved_runs >= 1, "{code}: no moved passage");

        let unrelated = read(&format!("{code}/unrelated.txt"));
        let result = compare(&original, &unrelated).unwrap();
        let (copied, reworded) = shares(&result);
        assert!(copied <= 0.03, "{code} unrelated: {copied:.3} copied");
        assert!(reworded <= 0.05, "{code} unrelated: {reworded:.3} reworded");
    }
}

#[test]
fn chance_copying_between_independent_halves_is_no_higher_than_english() {
    let halves = |code: &str| {
        let (a, b) = (
            read(&format!("udhr/{code}_a.txt")),
            read(&format!("udhr/{code}_b.txt")),
        );
        shares(&compare(&a, &b).unwrap())
    };
    let (english_copied, english_reworded) = halves("en");
    for code in ["zh", "ja", "th", "ko"] {
        let (copied, reworded) = halves(code);
        assert!(
            copied <= english_copied,
            "{code}: {copied:.3} copied against English's {english_copied:.3}"
        );
        assert!(
            reworded <= english_reworded + 0.005,
            "{code}: {reworded:.3} reworded against English's {english_reworded:.3}"
        );
    }
}

#[test]
fn a_verbatim_han_sentence_is_copied_whole_wherever_a_rewrite_puts_it() {
    let original =
        "新馆位于滨江公园北侧，建筑面积约两万平方米。开馆首日，前来参观的读者超过一万人次。";
    for rewrite in [
        "开馆首日，前来参观的读者超过一万人次。",
        "据报道，开馆首日，前来参观的读者超过一万人次。",
        "记者看到，新馆位于滨江公园北侧，建筑面积约两万平方米。",
    ] {
        let result = compare(original, rewrite).unwrap();
        let start = rewrite.find(['开', '新']).unwrap() as u32;
        let copied = share_in(&result, Kind::Copied, start..rewrite.len() as u32);
        assert!(copied >= 0.999, "{rewrite}: {copied:.2} copied");
    }
}

#[test]
fn a_few_shared_han_characters_are_not_a_copied_passage() {
    // Four characters in common ("两万平方", two words of Chinese): as
    // long as four English words only from eight characters.
    let original = "新馆位于滨江公园北侧，建筑面积约两万平方米。";
    let rewrite = "这座大楼占地两万平方米，花费近四亿元。";
    let result = compare(original, rewrite).unwrap();
    assert_eq!(result.stats().copied_words, 0);
}
