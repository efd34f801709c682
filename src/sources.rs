//! One text against several sources: the text is read once, each source
//! once, and every copied run and every sentence pair of the text is
//! attributed to one source.
//!
//! **Attribution goes to the most evidence.** A copied run's evidence is its
//! length: runs of all sources are taken longest first (ties to the earlier
//! source, then to the earlier place in the text), and each keeps the words
//! of the text no longer run claimed; a run left with none is another
//! source's. So a passage two sources share goes to the one that holds more
//! of it around it, and a word copied from any source counts once. A pair's
//! evidence is its verdict (copied, then edited, then reworded), then its
//! derived share, then its similarity; pairs are taken in that order, each
//! sentence of the text once.

use std::ops::Range;

use crate::Comparison;
use crate::error::Error;
use crate::keys::{Normalizer, Vocabulary};
use crate::limits;
use crate::options::Options;
use crate::order::sort_keys;
use crate::pipeline;
use crate::text::Text;
use crate::verdict::Verdict;

/// A run or pair of one source's comparison, attributed to that source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attributed {
    /// The source, by its place in the order given.
    pub source: u32,
    /// The run or pair, by its index in that source's comparison.
    pub index: u32,
    /// Words of the text it is credited with (for a run, those no longer
    /// run claimed; for a pair, the words of its text sentences).
    pub words: u32,
}

/// What one source (or all of them) gave the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceStats {
    /// Words of the text copied from it.
    pub copied_words: u32,
    /// Copied runs attributed to it.
    pub runs: u32,
    /// Sentence pairs attributed to it.
    pub pairs: u32,
}

/// A text compared with several sources.
pub struct Sources<'t> {
    /// Each source compared with the text (the source as the original), in
    /// the order given.
    pub comparisons: Vec<Comparison<'t>>,
    /// The copied runs of the text, each from one source, in text order.
    pub runs: Vec<Attributed>,
    /// The sentence pairs of the text, each from one source, in text order.
    pub pairs: Vec<Attributed>,
    /// What each source gave, in the order given.
    pub per_source: Vec<SourceStats>,
    /// What all of them gave: a word copied from several counts once.
    pub whole: SourceStats,
    /// Words of the text.
    pub text_words: u32,
}

/// Compares `text` with each of `sources` and attributes its copied runs
/// and pairs to one source each; see the module's documentation.
///
/// # Errors
///
/// As [`crate::compare_with`], for any source (named "original") or the
/// text (named "paraphrase").
pub fn compare_sources<'t>(
    sources: &[&'t str],
    text: &'t str,
    options: &Options,
    normalize: Normalizer<'_>,
) -> Result<Sources<'t>, Error> {
    options.validate()?;
    limits::check_size("paraphrase", text)?;
    for source in sources {
        limits::check_size("original", source)?;
    }
    let mut vocabulary = Vocabulary::new(normalize);
    let read = Text::read(text, options, &mut vocabulary);
    let comparisons: Vec<Comparison<'t>> = sources
        .iter()
        .map(|source| {
            let mut vocabulary = vocabulary.clone();
            let source_text = Text::read(source, options, &mut vocabulary);
            let budget = pipeline::budget(options, source.len() + text.len());
            Comparison {
                original: source,
                paraphrase: text,
                findings: pipeline::compare((&source_text, &read), &vocabulary, options, budget),
            }
        })
        .collect();

    // The byte where each word of the text starts.
    let word_starts: Vec<u32> = read
        .units
        .token
        .iter()
        .zip(&read.units.id)
        .filter(|&(_, &id)| vocabulary.is_word[id as usize])
        .map(|(&token, _)| read.tokens[token as usize].start)
        .collect();
    let words_in = |bytes: &Range<u32>| -> Range<usize> {
        word_starts.partition_point(|&s| s < bytes.start)
            ..word_starts.partition_point(|&s| s < bytes.end)
    };

    let mut per_source = vec![SourceStats::default(); sources.len()];
    let runs = attribute_runs(&comparisons, word_starts.len(), &words_in, &mut per_source);
    let pairs = attribute_pairs(
        &comparisons,
        read.sentences.len(),
        &words_in,
        &mut per_source,
    );
    let whole = SourceStats {
        copied_words: per_source.iter().map(|s| s.copied_words).sum(),
        runs: runs.len() as u32,
        pairs: pairs.len() as u32,
    };
    Ok(Sources {
        comparisons,
        runs,
        pairs,
        per_source,
        whole,
        text_words: word_starts.len() as u32,
    })
}

/// Runs longest first, each keeping the words no longer run claimed.
fn attribute_runs(
    comparisons: &[Comparison<'_>],
    words: usize,
    words_in: &dyn Fn(&Range<u32>) -> Range<usize>,
    per_source: &mut [SourceStats],
) -> Vec<Attributed> {
    // Longest first, then the earlier source, then the earlier in the text:
    // one `u64` key each (the engine's one sort), the run's place after it;
    // runs of over 65,535 words count as that long.
    let mut keys: Vec<u64> = Vec::new();
    let mut found: Vec<(u32, u32)> = Vec::new();
    for (source, comparison) in comparisons.iter().enumerate() {
        for (index, run) in comparison.runs().iter().enumerate() {
            let words = u64::from(u16::MAX - run.words.min(u32::from(u16::MAX)) as u16);
            keys.push(words << 48 | (source as u64 & 0xFFFF) << 32 | found.len() as u64);
            found.push((source as u32, index as u32));
        }
    }
    sort_keys(&mut keys);
    let mut claimed = vec![false; words];
    let mut kept: Vec<(u32, Attributed)> = Vec::new();
    for key in keys {
        let (source, index) = found[(key & 0xFFFF_FFFF) as usize];
        let run = &comparisons[source as usize].runs()[index as usize];
        let start = run.paraphrase.start;
        let span = words_in(&run.paraphrase);
        let fresh = claimed[span.clone()].iter().filter(|&&c| !c).count() as u32;
        if fresh == 0 {
            continue;
        }
        claimed[span].fill(true);
        let stats = &mut per_source[source as usize];
        stats.copied_words += fresh;
        stats.runs += 1;
        kept.push((
            start,
            Attributed {
                source,
                index,
                words: fresh,
            },
        ));
    }
    in_text_order(kept)
}

/// Pairs by evidence, each sentence of the text once.
fn attribute_pairs(
    comparisons: &[Comparison<'_>],
    sentences: usize,
    words_in: &dyn Fn(&Range<u32>) -> Range<usize>,
    per_source: &mut [SourceStats],
) -> Vec<Attributed> {
    let strength = |verdict: Verdict| match verdict {
        Verdict::Copied => 0u64,
        Verdict::Edited => 1,
        _ => 2,
    };
    let permille = |share: f64| (1000.0 - (share.clamp(0.0, 1.0) * 1000.0).round()) as u64;
    // Strongest first: verdict, derived share, similarity (each to 1/1000),
    // then the earlier source; the pair's place in `pairs` follows.
    let mut keys: Vec<u64> = Vec::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (source, comparison) in comparisons.iter().enumerate() {
        for (index, pair) in comparison.pairs().iter().enumerate() {
            let key = strength(pair.verdict) << 60
                | permille(pair.derived_share) << 50
                | permille(pair.similarity) << 40
                | (source as u64) << 32
                | pairs.len() as u64;
            keys.push(key);
            pairs.push((source as u32, index as u32));
        }
    }
    sort_keys(&mut keys);
    let mut taken = vec![false; sentences];
    let mut kept: Vec<(u32, Attributed)> = Vec::new();
    for key in keys {
        let (source, index) = pairs[(key & 0xFFFF_FFFF) as usize];
        let pair = &comparisons[source as usize].pairs()[index as usize];
        let range =
            pair.paraphrase_sentences.start as usize..pair.paraphrase_sentences.end as usize;
        if taken[range.clone()].contains(&true) {
            continue;
        }
        taken[range].fill(true);
        per_source[source as usize].pairs += 1;
        kept.push((
            pair.paraphrase_sentences.start,
            Attributed {
                source,
                index,
                words: words_in(&pair.paraphrase).len() as u32,
            },
        ));
    }
    in_text_order(kept)
}

/// The kept runs or pairs by where they start in the text (ties in the
/// order kept), each start and place packed in one `u64` key: the engine's
/// one sort, where a sort of its own cost the WebAssembly build 0.2 KB.
fn in_text_order(kept: Vec<(u32, Attributed)>) -> Vec<Attributed> {
    let mut keys: Vec<u64> = kept
        .iter()
        .enumerate()
        .map(|(place, (start, _))| u64::from(*start) << 32 | place as u64)
        .collect();
    sort_keys(&mut keys);
    keys.iter()
        .map(|key| kept[(key & 0xFFFF_FFFF) as usize].1.clone())
        .collect()
}
