//! One text stitched from several sources: each copied passage and pair is
//! attributed to the source it came from.

mod common;

use article_diff::sources::SourceEntry;
use article_diff::{OffsetUnit, Options, compare_sources, compare_with};

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

fn compared(name: &str) -> SourceEntry<'_> {
    SourceEntry { name, error: None }
}

#[test]
fn the_model_names_each_source_and_every_range_reads_back() {
    let (sources, text, _) = stitched();
    let names: Vec<&str> = sources.iter().map(String::as_str).collect();
    let options = Options::default().time_budget_ms(None);
    let result = compare_sources(&names, &text, &options).unwrap();
    // A source that could not be read, named second: the others keep
    // their places as given.
    let entries = [
        compared("a.txt"),
        SourceEntry {
            name: "missing.txt",
            error: Some("cannot read missing.txt"),
        },
        compared("b.txt"),
        compared("c.txt"),
    ];
    let mut written = Vec::new();
    result
        .write_json_pretty(&entries, OffsetUnit::Utf8, &mut written)
        .unwrap();
    let model: serde_json::Value = serde_json::from_slice(&written).unwrap();
    assert_eq!(model["format"], "article-diff/1");
    let listed = model["sources"].as_array().unwrap();
    let listed_names: Vec<&str> = listed.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(listed_names, ["a.txt", "missing.txt", "b.txt", "c.txt"]);
    assert_eq!(listed[1]["error"], "cannot read missing.txt");
    assert!(listed[1].get("stats").is_none());
    for (place, given) in [(0, 0), (2, 1), (3, 2)] {
        assert_eq!(listed[place]["text"], sources[given].as_str());
        assert_eq!(
            listed[place]["stats"]["copied_words"],
            result.per_source[given].copied_words
        );
    }

    let range = |value: &serde_json::Value| {
        value[0].as_u64().unwrap() as usize..value[1].as_u64().unwrap() as usize
    };
    // The spans rebuild the text; every copied span names its run's source.
    let runs = model["runs"].as_array().unwrap();
    let pairs = model["pairs"].as_array().unwrap();
    let spans = model["paraphrase"]["spans"].as_array().unwrap();
    let rebuilt: String = spans.iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(rebuilt, text);
    let mut copied_spans = 0;
    for span in spans {
        match span["kind"].as_str().unwrap() {
            "copied" => {
                copied_spans += 1;
                let run = &runs[span["run"].as_u64().unwrap() as usize];
                assert_eq!(span["source"], run["source"]);
            }
            "reworded" => {
                let pair = &pairs[span["pair"].as_u64().unwrap() as usize];
                assert_eq!(span["source"], pair["source"]);
            }
            kind => {
                assert_eq!(kind, "new");
                assert!(span.get("source").is_none());
            }
        }
    }
    assert!(copied_spans > 0);
    let starts: Vec<u64> = spans.iter().map(|s| s["start"].as_u64().unwrap()).collect();
    for sentence in model["paraphrase"]["sentences"].as_array().unwrap() {
        let start = sentence["start"].as_u64().unwrap();
        assert!(
            starts.contains(&start),
            "a span crosses the sentence at {start}"
        );
        if let Some(pair) = sentence["pair"].as_u64() {
            let covered = range(&pairs[pair as usize]["paraphrase_sentences"]);
            let index = model["paraphrase"]["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .position(|s| s == sentence)
                .unwrap();
            assert!(covered.contains(&index));
        }
    }

    // Every run and pair has a source, one that was compared, and its
    // range there holds the words of its range in the text.
    assert!(!runs.is_empty() && !pairs.is_empty());
    for item in runs.iter().chain(pairs) {
        let source = item["source"].as_u64().unwrap() as usize;
        assert_ne!(source, 1, "the source not compared has nothing");
        let source_text = listed[source]["text"].as_str().unwrap();
        let from = &source_text[range(&item["original"])];
        let into = &text[range(&item["paraphrase"])];
        if item.get("ops").is_none() {
            assert_eq!(common::word_keys(from), common::word_keys(into), "{item}");
        } else {
            assert!(!common::word_keys(from).is_empty() && !common::word_keys(into).is_empty());
        }
    }
    let in_order = |list: &[serde_json::Value]| {
        list.windows(2)
            .all(|w| w[0]["paraphrase"][0].as_u64() <= w[1]["paraphrase"][0].as_u64())
    };
    assert!(in_order(runs) && in_order(pairs), "in text order");

    // The whole: a word once, however many sources it is in.
    let stats = &model["stats"];
    let sum: u64 = listed
        .iter()
        .filter_map(|s| s["stats"]["copied_words"].as_u64())
        .sum();
    assert!(stats["copied_words"].as_u64().unwrap() <= sum);
    assert_eq!(stats["copied_words"], result.whole.copied_words);
    assert_eq!(
        stats["copied_words"].as_u64().unwrap()
            + stats["reworded_words"].as_u64().unwrap()
            + stats["new_words"].as_u64().unwrap(),
        stats["paraphrase_words"].as_u64().unwrap()
    );
    assert_eq!(stats["runs"].as_u64().unwrap() as usize, runs.len());
    assert_eq!(model["complete"], true);

    // Naming fewer compared sources than there are comparisons is refused.
    let error = result
        .write_json_pretty(&entries[..2], OffsetUnit::Utf8, Vec::new())
        .unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
}

#[test]
fn a_word_two_sources_share_counts_once_in_the_model() {
    let (original, paraphrase) = common::reference_pair();
    let options = Options::default().time_budget_ms(None);
    let result = compare_sources(&[&original, &original], &paraphrase, &options).unwrap();
    let entries = [compared("first"), compared("second")];
    let mut written = Vec::new();
    result
        .write_json_pretty(&entries, OffsetUnit::Utf16, &mut written)
        .unwrap();
    let model: serde_json::Value = serde_json::from_slice(&written).unwrap();
    let alone = compare_with(&original, &paraphrase, &options).unwrap();
    assert_eq!(model["stats"]["copied_words"], alone.stats().copied_words);
    assert_eq!(model["sources"][1]["stats"]["copied_words"], 0);
    assert_eq!(
        model["sources"][0]["stats"]["copied_words"],
        alone.stats().copied_words
    );
    assert_eq!(model["offsets"], "utf-16");
}

#[test]
fn with_one_source_every_word_has_the_label_the_pair_gives_it() {
    let options = Options::default().time_budget_ms(None);
    for name in common::PAIRS {
        let (original, paraphrase) = common::pair(name);
        let alone = compare_with(&original, &paraphrase, &options).unwrap();
        let result = compare_sources(&[&original], &paraphrase, &options).unwrap();
        let s = alone.stats();
        assert_eq!(
            (
                result.whole.copied_words,
                result.reworded_words,
                result.new_words
            ),
            (s.copied_words, s.reworded_words, s.new_words),
            "{name}"
        );
        assert_eq!(
            (result.whole.runs, result.whole.pairs),
            (s.runs, s.pairs),
            "{name}"
        );
        let pair: Vec<_> = alone
            .paraphrase_side()
            .spans
            .iter()
            .map(|s| (s.range.clone(), s.kind))
            .collect();
        let sources: Vec<_> = result
            .spans
            .iter()
            .map(|s| (s.range.clone(), s.kind))
            .collect();
        let kind_at = |spans: &[(std::ops::Range<u32>, article_diff::Kind)], at: u32| {
            spans
                .iter()
                .find(|(range, _)| range.contains(&at))
                .map(|&(_, kind)| kind)
        };
        for (at, c) in paraphrase.char_indices() {
            let starts_word =
                c.is_alphanumeric() && !paraphrase[..at].ends_with(|p: char| p.is_alphanumeric());
            if starts_word {
                let at = at as u32;
                assert_eq!(
                    kind_at(&sources, at),
                    kind_at(&pair, at),
                    "{name} at byte {at}"
                );
            }
        }
    }
}
