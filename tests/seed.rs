//! The reference pair (`../shared/seeds/`, read at test time): a news report
//! and a later post that quotes it with other quote marks, rewords other
//! passages, reorders them and adds sentences of its own.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::ops::Range;

use article_diff::tokenize::{TokenClass, tokenize};
use article_diff::{Comparison, Kind, Op, compare};

fn original() -> String {
    common::reference_pair().0
}

fn paraphrase() -> String {
    common::reference_pair().1
}

/// The byte ranges between “ and ” in a text (outermost quotations).
fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open = None;
    for (at, c) in text.char_indices() {
        match c {
            '“' if open.is_none() => open = Some(at + c.len_utf8()),
            '”' => {
                if let Some(start) = open.take() {
                    found.push(start..at);
                }
            }
            _ => {}
        }
    }
    found
}

/// The words of a stretch of text, with their byte ranges in the text.
fn words(text: &str, range: Range<usize>) -> Vec<(Range<usize>, &str)> {
    tokenize(&text[range.clone()], true)
        .iter()
        .filter(|t| t.class == TokenClass::Word)
        .map(|t| {
            let at = range.start + t.start as usize..range.start + t.end as usize;
            (at.clone(), &text[at])
        })
        .collect()
}

/// Text compared loosely: one quote mark, single spaces, lower case.
fn loose(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '“' | '”' | '‘' | '’' | '"' => '\'',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn span_at<'a>(c: &'a Comparison<'_>, byte: usize) -> &'a article_diff::Span {
    let spans = &c.paraphrase_side().spans;
    &spans[spans.partition_point(|s| (s.range.end as usize) <= byte)]
}

/// The original sentence that starts with `start`.
fn original_sentence(c: &Comparison<'_>, start: &str) -> Range<u32> {
    c.original_side()
        .sentences
        .iter()
        .map(|s| s.range.clone())
        .find(|r| c.original_text(r).starts_with(start))
        .unwrap_or_else(|| panic!("no original sentence starts with {start:?}"))
}

#[test]
fn every_quoted_word_is_copied_from_its_source_but_the_mis_encoded_one() {
    let (original, paraphrase) = (original(), paraphrase());
    let c = compare(&original, &paraphrase).unwrap();
    let quotes = quotations(&paraphrase);
    assert_eq!(quotes.len(), 4, "the rewrite has four quotations");
    let sources = [
        "Following two days",
        "No specific details",
        "\"There was an honest",
        "The Secretary of State said",
    ];
    for (quote, source) in quotes.iter().zip(sources) {
        let source = original_sentence(&c, source);
        for (range, word) in words(&paraphrase, quote.clone()) {
            let span = span_at(&c, range.start);
            if word == "to\u{392}" {
                assert_eq!(span.kind, Kind::Reworded, "the mis-encoded word is no copy");
                continue;
            }
            assert_eq!(
                span.kind,
                Kind::Copied,
                "{word:?} in a quotation is not copied"
            );
            let counterpart = span
                .counterpart
                .clone()
                .expect("a copied span links its source");
            assert!(
                source.start <= counterpart.start && counterpart.end <= source.end,
                "{word:?} comes from {:?}, outside its source sentence",
                c.original_text(&counterpart)
            );
            assert_eq!(
                loose(c.paraphrase_text(&span.range).trim_end()),
                loose(c.original_text(&counterpart)),
                "a copied span reads differently at its source"
            );
        }
    }
}

#[test]
fn the_mis_encoded_letter_shows_as_a_character_change() {
    let (original, paraphrase) = (original(), paraphrase());
    let c = compare(&original, &paraphrase).unwrap();
    let changed: Vec<&str> = c
        .paraphrase_side()
        .spans
        .iter()
        .filter(|s| s.char_op == Some(Op::Insert))
        .map(|s| c.paraphrase_text(&s.range))
        .collect();
    assert!(changed.contains(&"\u{392}"), "char changes: {changed:?}");
    let pair = c
        .pairs()
        .iter()
        .find(|p| c.paraphrase_text(&p.paraphrase).contains("to\u{392}"))
        .unwrap();
    let refined = pair.ops.iter().find(|op| !op.chars.is_empty()).unwrap();
    assert_eq!(c.original_text(&refined.original), "to");
    assert_eq!(c.paraphrase_text(&refined.paraphrase), "to\u{392}");
}

#[test]
fn reworded_paragraphs_pair_with_the_sentences_they_come_from() {
    let (original, paraphrase) = (original(), paraphrase());
    let c = compare(&original, &paraphrase).unwrap();
    let expected = [
        (
            "The United States and China are now",
            "The United States and China have pledged",
        ),
        (
            "Whitney says that this could be hard",
            "But given the long history",
        ),
        (
            "He sited the most recent attack",
            "The US has frequently pointed",
        ),
        ("While the issue at hand", "Kerry added that work"),
        ("“Following two days", "Following two days"),
        ("“No specific details", "No specific details"),
        ("“There was an honest", "\"There was an honest"),
        (
            "“The Secretary of State said",
            "The Secretary of State said",
        ),
    ];
    let o = &c.original_side().sentences;
    let p = &c.paraphrase_side().sentences;
    for (from, to) in expected {
        let pair = c
            .pairs()
            .iter()
            .find(|pair| {
                c.paraphrase_text(&p[pair.paraphrase_sentences.start as usize].range)
                    .starts_with(from)
            })
            .unwrap_or_else(|| panic!("{from:?} is not paired"));
        let sources: Vec<&str> = pair
            .original_sentences
            .clone()
            .map(|s| c.original_text(&o[s as usize].range))
            .collect();
        assert!(
            sources.iter().any(|s| s.starts_with(to)),
            "{from:?} pairs with {sources:?}, not with {to:?}"
        );
    }
}

#[test]
fn the_closing_line_is_new() {
    let (original, paraphrase) = (original(), paraphrase());
    let c = compare(&original, &paraphrase).unwrap();
    let at = paraphrase.find("Read the full story.").unwrap();
    for (range, word) in words(&paraphrase, at..at + "Read the full story.".len()) {
        assert_eq!(span_at(&c, range.start).kind, Kind::New, "{word:?}");
    }
}

#[test]
fn statistics_add_up_and_are_reported() {
    let (original, paraphrase) = (original(), paraphrase());
    let c = compare(&original, &paraphrase).unwrap();
    let s = c.stats();
    // Shown with `cargo test --test seed -- --nocapture`.
    println!("{s:#?}");
    assert_eq!(
        s.copied_words + s.reworded_words + s.new_words,
        s.paraphrase_words
    );
    assert!(
        s.copied_words > s.paraphrase_words / 2,
        "most of the post is quoted"
    );
    assert!(s.unquoted_copied_words < s.copied_words / 4);
    assert_eq!(s.paraphrase_sentences, 13);
}
