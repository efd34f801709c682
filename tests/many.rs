//! One original against many rewrites: `compare_many` and `Original` read
//! the original once, and each comparison is the one `compare_with` makes.

mod common;

use article_diff::{Options, Original, compare_many, compare_with};

fn rewrites() -> Vec<String> {
    let (original, paraphrase) = common::reference_pair();
    let mut rewrites = vec![paraphrase, original.to_lowercase(), String::new()];
    for name in ["moved", "reworded", "quotation"] {
        rewrites.push(common::pair(name).1);
    }
    rewrites.push(common::shuffled_sentences(&original, 3));
    rewrites
}

#[test]
fn each_comparison_is_the_pairwise_one() {
    let (original, _) = common::reference_pair();
    let rewrites = rewrites();
    let texts: Vec<&str> = rewrites.iter().map(String::as_str).collect();
    let options = Options::default().time_budget_ms(None);
    let many = compare_many(&original, &texts, &options).unwrap();
    assert_eq!(many.len(), texts.len());
    for (comparison, rewrite) in many.iter().zip(&texts) {
        let alone = compare_with(&original, rewrite, &options).unwrap();
        assert_eq!(
            comparison.to_json(article_diff::OffsetUnit::Utf8),
            alone.to_json(article_diff::OffsetUnit::Utf8)
        );
    }
}

#[test]
fn an_original_read_once_compares_on_several_threads() {
    fn is_sync<T: Sync>(_: &T) {}
    let (original, _) = common::reference_pair();
    let rewrites = rewrites();
    let options = Options::default().time_budget_ms(None);
    let read = Original::read(&original, &options).unwrap();
    is_sync(&read);
    let stats: Vec<u32> = std::thread::scope(|scope| {
        let handles: Vec<_> = rewrites
            .iter()
            .map(|rewrite| scope.spawn(|| read.compare(rewrite).unwrap().stats().copied_words))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let expected: Vec<u32> = rewrites
        .iter()
        .map(|rewrite| {
            compare_with(&original, rewrite, &options)
                .unwrap()
                .stats()
                .copied_words
        })
        .collect();
    assert_eq!(stats, expected);
}

#[test]
fn a_rewrite_over_the_limit_is_refused_by_name() {
    let big = "word ".repeat(article_diff::MAX_INPUT_BYTES / 5 + 1);
    let error =
        compare_many("A short original.", &["fine", &big], &Options::default()).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("the paraphrase is just over 8 MB"),
        "{error}"
    );
}
