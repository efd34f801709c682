//! One text stitched from several sources: each copied passage and pair is
//! attributed to the source it came from.

mod common;

use article_diff::{Options, compare_sources, compare_with};

/// The source a sentence of the stitched text came from, and its bytes there.
type Origin = (usize, std::ops::Range<u32>);

/// Three articles (two of them on one subject), and a text taking their
/// sentences in turn
/// (A1 B1 C1 A2 B2 C2 …), with the byte range each came from.
fn stitched() -> (Vec<String>, String, Vec<Origin>) {
    let sources: Vec<String> = ["drought_a", "comet_a", "drought_b"]
        .iter()
        .map(|name| common::fixture(&format!("tests/fixtures/prose/{name}.txt")))
        .collect();
    let sentences: Vec<Vec<String>> = sources
        .iter()
        .map(|s| common::simple_sentences(s))
        .collect();
    let mut text = String::new();
    let mut origin = Vec::new();
    for i in 0..sentences.iter().map(Vec::len).max().unwrap() {
        for (source, list) in sentences.iter().enumerate() {
            if let Some(sentence) = list.get(i) {
                let start = text.len() as u32;
                text.push_str(sentence);
                origin.push((source, start..text.len() as u32));
                text.push(' ');
            }
        }
    }
    (sources, text, origin)
}

#[test]
fn copied_words_go_to_the_source_they_came_from() {
    let (sources, text, origin) = stitched();
    let names: Vec<&str> = sources.iter().map(String::as_str).collect();
    let options = Options::default().time_budget_ms(None);
    let result = compare_sources(&names, &text, &options).unwrap();
    // Word by word: a run may begin on a word every source has ("Dr.", a
    // sentence of its own to the simple splitter, so one from each source
    // stands in a row before the sentence that follows it in one of them).
    let words: Vec<u32> = text
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || text[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i as u32)
        .collect();
    let (mut right, mut all) = (0u32, 0u32);
    for attributed in &result.runs {
        let run = &result.comparisons[attributed.source as usize].runs()[attributed.index as usize];
        for &word in words
            .iter()
            .filter(|&&w| run.paraphrase.start <= w && w < run.paraphrase.end)
        {
            let from = origin
                .iter()
                .find(|(_, range)| range.start <= word && word < range.end)
                .map(|(source, _)| *source);
            all += 1;
            if from == Some(attributed.source as usize) {
                right += 1;
            }
        }
    }
    assert!(all > 0);
    assert!(
        right as f64 >= 0.95 * all as f64,
        "{right} of {all} copied words attributed to their source"
    );
    // Each source gets its share; together they make the whole, a word once.
    assert!(result.per_source.iter().all(|s| s.copied_words > 0));
    let sum: u32 = result.per_source.iter().map(|s| s.copied_words).sum();
    assert_eq!(sum, result.whole.copied_words);
    assert!(result.whole.copied_words <= result.text_words);
    // Pairs: each sentence of the text at most once.
    let mut seen = std::collections::HashSet::new();
    for attributed in &result.pairs {
        let pair =
            &result.comparisons[attributed.source as usize].pairs()[attributed.index as usize];
        for sentence in pair.paraphrase_sentences.clone() {
            assert!(
                seen.insert(sentence),
                "sentence {sentence} attributed twice"
            );
        }
    }
}

#[test]
fn each_comparison_is_the_pairwise_one_and_shared_words_count_once() {
    let (original, paraphrase) = common::reference_pair();
    let options = Options::default().time_budget_ms(None);
    // The same source twice: every run goes to the first; the whole counts
    // each copied word once.
    let result = compare_sources(&[&original, &original], &paraphrase, &options).unwrap();
    let alone = compare_with(&original, &paraphrase, &options).unwrap();
    for comparison in &result.comparisons {
        assert_eq!(
            comparison.to_json(article_diff::OffsetUnit::Utf8),
            alone.to_json(article_diff::OffsetUnit::Utf8)
        );
    }
    assert_eq!(result.whole.copied_words, alone.stats().copied_words);
    assert_eq!(
        result.per_source[0].copied_words,
        alone.stats().copied_words
    );
    assert_eq!(result.per_source[1], Default::default());
    assert!(result.runs.iter().all(|a| a.source == 0));
    assert!(result.pairs.iter().all(|a| a.source == 0));
    assert_eq!(result.text_words, alone.stats().paraphrase_words);
}
