//! The central invariants of a comparison and of the tokenizer, as plain
//! functions returning a message: the property tests (`tests/invariants.rs`),
//! the fuzz targets (`fuzz/`) and the fuzz regression test
//! (`tests/fuzz_regressions.rs`) all check the same things.
//!
//! - the spans of each side cover its text in order and rebuild it exactly,
//!   and none crosses a sentence boundary;
//! - labels partition the words: every word of the paraphrase is exactly one
//!   of copied / reworded / new, every word of the original one of kept /
//!   reworded / dropped, and the statistics count them;
//! - every copied run reads the same, key by key, at both of its ranges, and
//!   one shorter than `min_run` lies in a copied or edited pair or is a
//!   whole sentence;
//! - every pair's shares lie in [0, 1] and its verdicts add up;
//! - an unpaired paraphrase sentence is new, or repeats an original one
//!   when every word of it is copied;
//! - the JSON form parses and its spans rebuild the texts in both offset
//!   units.
#![allow(dead_code)] // each includer uses a part

use article_diff::keys::key_into;
use article_diff::language::Rules;
use article_diff::tokenize::{TokenClass, tokenize, tokenize_in, word_segments};
use article_diff::{Comparison, Kind, OffsetUnit, Options, Side, compare_with};
use unicode_segmentation::UnicodeSegmentation;

/// `ensure!(condition, "format", args…)`: returns the message when false.
macro_rules! ensure {
    ($condition:expr, $($message:tt)+) => {
        if !$condition {
            return Err(format!($($message)+));
        }
    };
}

/// `same!(left, right, "what")`: returns both values when they differ.
macro_rules! same {
    ($left:expr, $right:expr, $what:expr) => {{
        let (left, right) = (&$left, &$right);
        if left != right {
            return Err(format!("{}: {:?} != {:?}", $what, left, right));
        }
    }};
}

fn rebuild(text: &str, side: &Side) -> Result<String, String> {
    let mut out = String::new();
    let mut at = 0;
    for span in &side.spans {
        same!(span.range.start, at, "a gap or an overlap between spans");
        ensure!(span.range.end > span.range.start, "an empty span at {at}");
        out.push_str(&text[span.range.start as usize..span.range.end as usize]);
        at = span.range.end;
    }
    for sentence in &side.sentences {
        // Spans are in order: only the one starting before the sentence can cross it.
        let at = side
            .spans
            .partition_point(|s| s.range.start < sentence.range.start);
        let crossing = at > 0 && side.spans[at - 1].range.end > sentence.range.start;
        ensure!(
            !crossing,
            "a span crosses the start of the sentence at {:?}",
            sentence.range
        );
    }
    Ok(out)
}

/// The kind of each word token of a side, read from its spans.
fn word_kinds(
    text: &str,
    side: &Side,
    options: &Options,
    rules: &Rules,
) -> Result<Vec<Kind>, String> {
    let mut kinds = Vec::new();
    for t in tokenize_in(text, options.normalize_unicode, rules)
        .iter()
        .filter(|t| t.class == TokenClass::Word)
    {
        let at = side.spans.partition_point(|s| s.range.end <= t.start);
        let kind = side.spans[at].kind;
        // Every piece of a word (a refined word has several) agrees.
        ensure!(
            side.spans[at..]
                .iter()
                .take_while(|s| s.range.start < t.end)
                .all(|s| s.kind == kind),
            "the word {:?} has two kinds",
            t.text(text)
        );
        kinds.push(kind);
    }
    Ok(kinds)
}

fn keys(text: &str, options: &Options, rules: &Rules) -> Vec<String> {
    tokenize_in(text, options.normalize_unicode, rules)
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

/// Compares the two texts and checks every invariant of the result.
pub fn check_comparison(original: &str, paraphrase: &str, options: &Options) -> Result<(), String> {
    let c: Comparison<'_> =
        compare_with(original, paraphrase, options).map_err(|e| format!("refused: {e}"))?;
    same!(
        rebuild(original, c.original_side())?,
        original,
        "the original's spans"
    );
    same!(
        rebuild(paraphrase, c.paraphrase_side())?,
        paraphrase,
        "the paraphrase's spans"
    );

    let s = c.stats();
    // Words as the comparison read them, under its language's rules.
    let rules = Rules::new(c.languages().used);
    let p_kinds = word_kinds(paraphrase, c.paraphrase_side(), options, &rules)?;
    let o_kinds = word_kinds(original, c.original_side(), options, &rules)?;
    let count = |kinds: &[Kind], kind: Kind| kinds.iter().filter(|&&k| k == kind).count() as u32;
    same!(p_kinds.len() as u32, s.paraphrase_words, "paraphrase words");
    same!(o_kinds.len() as u32, s.original_words, "original words");
    same!(
        count(&p_kinds, Kind::Copied),
        s.copied_words,
        "copied words"
    );
    same!(
        count(&p_kinds, Kind::Reworded),
        s.reworded_words,
        "reworded words"
    );
    same!(count(&p_kinds, Kind::New), s.new_words, "new words");
    same!(count(&o_kinds, Kind::Kept), s.kept_words, "kept words");
    same!(
        count(&o_kinds, Kind::Reworded),
        s.original_reworded_words,
        "original reworded words"
    );
    same!(
        count(&o_kinds, Kind::Dropped),
        s.dropped_words,
        "dropped words"
    );
    same!(
        s.copied_words + s.reworded_words + s.new_words,
        s.paraphrase_words,
        "the paraphrase's kinds add up"
    );
    same!(
        s.kept_words + s.original_reworded_words + s.dropped_words,
        s.original_words,
        "the original's kinds add up"
    );
    same!(
        s.quoted_copied_words + s.unquoted_copied_words,
        s.copied_words,
        "quoted and unquoted add up"
    );

    let mut previous_end = 0;
    for run in c.runs() {
        ensure!(
            run.paraphrase.start >= previous_end,
            "runs overlap at {:?}",
            run.paraphrase
        );
        previous_end = run.paraphrase.end;
        // A shorter run is an unchanged stretch of a copied or edited pair
        // (both its ends inside the pair), or a short sentence repeated whole.
        let in_strong_pair = c.pairs().iter().any(|pair| {
            pair.verdict.is_strong()
                && pair.original.start <= run.original.start
                && run.original.end <= pair.original.end
                && pair.paraphrase.start <= run.paraphrase.start
                && run.paraphrase.end <= pair.paraphrase.end
        });
        if run.words < options.min_run && !in_strong_pair {
            for (side, range, text) in [
                (c.original_side(), &run.original, original),
                (c.paraphrase_side(), &run.paraphrase, paraphrase),
            ] {
                let sentence = side
                    .sentences
                    .iter()
                    .find(|s| s.range.start <= range.start && range.end <= s.range.end)
                    .ok_or_else(|| format!("a short run across sentences: {run:?}"))?;
                let words = tokenize_in(text, options.normalize_unicode, &rules)
                    .iter()
                    .filter(|t| {
                        t.class == TokenClass::Word
                            && sentence.range.start <= t.start
                            && t.end <= sentence.range.end
                    })
                    .count() as u32;
                same!(
                    words,
                    run.words,
                    "a run shorter than min_run, not a whole sentence"
                );
            }
        }
        same!(
            keys(c.original_text(&run.original), options, &rules),
            keys(c.paraphrase_text(&run.paraphrase), options, &rules),
            "a run's two ranges"
        );
    }
    same!(
        s.copied_pairs + s.edited_pairs + s.reworded_pairs,
        s.pairs,
        "the pairs' verdicts add up"
    );
    // A paraphrase sentence that pairs with nothing is new unless every word
    // of it is copied: then it repeats an original sentence.
    let sentences = &c.paraphrase_side().sentences;
    // Per sentence: (holds a word, every word copied).
    let mut words = vec![(false, true); sentences.len()];
    for span in &c.paraphrase_side().spans {
        let has_word = tokenize(c.paraphrase_text(&span.range), options.normalize_unicode)
            .iter()
            .any(|t| t.class == TokenClass::Word);
        let at = sentences.partition_point(|s| s.range.end <= span.range.start);
        if has_word && at < sentences.len() {
            words[at].0 = true;
            words[at].1 &= span.kind == Kind::Copied;
        }
    }
    for (sentence, &(has_word, all_copied)) in sentences.iter().zip(&words) {
        let wholly_copied = has_word && all_copied;
        ensure!(
            sentence.pair.is_some() || sentence.repeats.is_some() == wholly_copied,
            "an unpaired sentence at {:?}: wholly copied {wholly_copied}, repeats {:?}",
            sentence.range,
            sentence.repeats
        );
    }
    same!(
        s.new_sentences + s.repeated_sentences,
        c.paraphrase_side()
            .sentences
            .iter()
            .filter(|sentence| sentence.pair.is_none())
            .count() as u32,
        "unpaired sentences are new or repeated"
    );
    for pair in c.pairs() {
        ensure!(
            (0.0..=1.0).contains(&pair.similarity),
            "similarity {} out of range",
            pair.similarity
        );
        ensure!(
            (0.0..=1.0).contains(&pair.kept_share) && (0.0..=1.0).contains(&pair.derived_share),
            "shares {} and {} out of range",
            pair.kept_share,
            pair.derived_share
        );
        for op in &pair.ops {
            ensure!(
                pair.original.start <= op.original.start && op.original.end <= pair.original.end,
                "an operation outside its pair's original"
            );
            ensure!(
                pair.paraphrase.start <= op.paraphrase.start
                    && op.paraphrase.end <= pair.paraphrase.end,
                "an operation outside its pair's paraphrase"
            );
        }
    }

    for unit in [OffsetUnit::Utf8, OffsetUnit::Utf16] {
        let json: serde_json::Value =
            serde_json::from_str(&c.to_json(unit)).map_err(|e| format!("bad JSON: {e}"))?;
        for (side, text) in [("original", original), ("paraphrase", paraphrase)] {
            let spans = json[side]["spans"].as_array().ok_or("JSON without spans")?;
            let joined: String = spans.iter().filter_map(|s| s["text"].as_str()).collect();
            same!(joined.as_str(), text, "the JSON spans' text");
            let length = match unit {
                OffsetUnit::Utf8 => text.len(),
                _ => text.encode_utf16().count(),
            };
            same!(
                json[side]["length"].as_u64(),
                Some(length as u64),
                "the JSON length"
            );
            if let Some(last) = spans.last() {
                same!(
                    last["end"].as_u64(),
                    Some(length as u64),
                    "the JSON's last end"
                );
            }
        }
    }
    Ok(())
}

/// The tokenizer covers the text with non-empty tokens in order, its ASCII
/// fast path cuts exactly where `unicode-segmentation` does, and a token's
/// class fits its text.
pub fn check_tokens(text: &str) -> Result<(), String> {
    let mut fast = Vec::new();
    word_segments(text, |start, end, _| fast.push((start, end)));
    let reference: Vec<(usize, usize)> = text
        .split_word_bound_indices()
        .map(|(at, s)| (at, at + s.len()))
        .collect();
    same!(fast, reference, "word segments");
    for split in [false, true] {
        let mut at = 0;
        for token in tokenize(text, split) {
            same!(
                token.start as usize,
                at,
                "a gap or an overlap between tokens"
            );
            ensure!(token.end > token.start, "an empty token at {at}");
            let piece = token.text(text);
            match token.class {
                TokenClass::Space => ensure!(
                    piece.chars().all(|c| c.is_whitespace()
                        || c.is_control()
                        || matches!(c, '\u{200B}' | '\u{FEFF}')),
                    "a space token {piece:?}"
                ),
                TokenClass::Word => ensure!(
                    piece.chars().any(char::is_alphanumeric)
                        || piece.chars().any(|c| !c.is_ascii() && !c.is_whitespace()),
                    "a word token {piece:?}"
                ),
                TokenClass::Punct => {}
            }
            at = token.end as usize;
        }
        same!(at, text.len(), "the tokens' end");
    }
    Ok(())
}

/// A fuzz input for the comparison: a flags byte (bit 0 ignore case, 1
/// unify punctuation, 2 normalize Unicode, 3 ignore punctuation, 4 a spent
/// time budget), a min-run byte (1 to 6), a threshold byte (0 to 1), then the
/// original and the paraphrase separated by a 0xFF byte (which UTF-8 never
/// holds); without one, both sides are the same text. Invalid UTF-8 becomes
/// U+FFFD.
pub fn comparison_input(bytes: &[u8]) -> (String, String, Options) {
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let flags = byte(0);
    let options = Options::default()
        .ignore_case(flags & 1 != 0)
        .unify_punctuation(flags & 2 != 0)
        .normalize_unicode(flags & 4 != 0)
        .ignore_punctuation(flags & 8 != 0)
        .time_budget_ms(if flags & 16 != 0 { Some(0) } else { None })
        .min_run(1 + u32::from(byte(1)) % 6)
        .pair_threshold(f64::from(byte(2)) / 255.0);
    let rest = bytes.get(3..).unwrap_or_default();
    let (original, paraphrase) = match rest.iter().position(|&b| b == 0xFF) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, rest),
    };
    (
        String::from_utf8_lossy(original).into_owned(),
        String::from_utf8_lossy(paraphrase).into_owned(),
        options,
    )
}
