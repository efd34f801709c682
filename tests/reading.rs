//! Verdicts a reader can trust (issue 10): quotation marks as a reader sees
//! them, and list markers that are no sentences of their own.
#![cfg(not(target_arch = "wasm32"))]

use article_diff::compare;

/// Forty-five words copied verbatim, outside any quotation.
const COPY: &str = "The city council voted on Tuesday night to close the bridge over \
    the river for repairs that will take most of the summer, and drivers will have to use \
    the ferry or the long road through the hills until the work is done in \
    September.";

#[test]
fn a_copy_after_an_elision_or_a_prime_is_not_quoted() {
    assert_eq!(COPY.split_whitespace().count(), 45);
    let original = format!("Some background first. {COPY}");
    for lead in [
        "Music from the '90s played.",
        "Music from the ‘90s played.",
        "A 12\" screen stood by the door.",
        "A man who is 6'2\" stood by the door.",
    ] {
        let paraphrase = format!("{lead} {COPY}");
        let c = compare(&original, &paraphrase).unwrap();
        let stats = c.stats();
        assert!(
            stats.unquoted_copied_words >= 45,
            "after {lead:?}: {} of {} copied words unquoted",
            stats.unquoted_copied_words,
            stats.copied_words
        );
    }
}

#[test]
fn a_copy_inside_quotation_marks_is_quoted() {
    let original = format!("Some background first. {COPY}");
    let paraphrase = format!("In the '90s, they said: “{COPY}”");
    let c = compare(&original, &paraphrase).unwrap();
    assert!(c.stats().copied_words >= 45);
    assert_eq!(c.stats().unquoted_copied_words, 0);
}

#[test]
fn numbered_steps_of_unrelated_how_tos_do_not_match() {
    let bread = "How to bake bread\n\n\
        1. Mix flour, water, salt and yeast in a large bowl.\n\
        2. Knead the dough for ten minutes until smooth.\n\
        3. Bake at 220 degrees for forty minutes.\n";
    let tyre = "How to change a tyre\n\n\
        1. Loosen the wheel nuts with a wrench.\n\
        2. Raise the car with a jack under the frame.\n\
        3. Swap the wheel and tighten the nuts again.\n";
    let c = compare(bread, tyre).unwrap();
    assert!(c.runs().is_empty(), "runs: {:?}", c.runs());
    assert!(c.pairs().is_empty(), "pairs: {:?}", c.pairs());
    // Each step is one sentence, its number included.
    assert_eq!(c.original_side().sentences.len(), 4);
    assert_eq!(c.paraphrase_side().sentences.len(), 4);
}
