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
//!
//! **Every word of the text is labelled** from what was attributed:
//! *copied* from the source of the run that kept it, *reworded* inside a
//! pair (from the pair's source) but in no run, or *new*. [`Sources`]
//! holds the text's spans and sentences so labelled, and writes them as
//! an `article-diff/1` document with a `sources` list
//! ([`Sources::write_json_pretty`], `docs/format.md`, "One text, several
//! sources").
//!
//! [`compare_sources`] does it in one call; [`Stitched`] does it in steps,
//! so that the sources can be compared on several threads at once.

use std::io;
use std::ops::Range;

use serde::Serialize;

use crate::error::Error;
use crate::keys::Normalizer;
use crate::limits;
use crate::model::{
    FORMAT, Kind, OffsetUnit, Offsets, SentenceView, Seq, SideView, pair_view, rounded, run_view,
};
use crate::options::Options;
use crate::order::sort_keys;
use crate::pipeline;
use crate::text::Text;
use crate::verdict::Verdict;
use crate::{Comparison, Original};

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

/// A stretch of the text with one label, from one source or none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSpan {
    /// Its bytes.
    pub range: Range<u32>,
    /// [`Kind::Copied`], [`Kind::Reworded`] or [`Kind::New`].
    pub kind: Kind,
    /// The source it came from: the source of its run (copied) or of its
    /// pair (reworded); none for new.
    pub source: Option<u32>,
    /// Its run, by index in [`Sources::runs`] (copied spans).
    pub run: Option<u32>,
    /// Its pair, by index in [`Sources::pairs`].
    pub pair: Option<u32>,
}

/// One sentence of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSentence {
    /// Its bytes, from its first to its last non-space character.
    pub range: Range<u32>,
    /// Its paragraph, counted from 0.
    pub paragraph: u32,
    /// Its pair, by index in [`Sources::pairs`].
    pub pair: Option<u32>,
}

/// A text compared with several sources.
#[derive(Clone)]
pub struct Sources<'t> {
    /// The text.
    pub text: &'t str,
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
    /// Words of the text in an attributed pair but in no attributed run.
    pub reworded_words: u32,
    /// Words of the text in neither.
    pub new_words: u32,
    /// Spans that cover the text in order; a span never crosses the start
    /// of a sentence.
    pub spans: Vec<TextSpan>,
    /// The text's sentences in order.
    pub sentences: Vec<TextSentence>,
    /// The options the comparisons used.
    pub options: Options,
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
    for source in sources {
        limits::check_size("original", source)?;
    }
    let stitched = Stitched::read_with_normalizer(text, options, normalize)?;
    let comparisons = sources
        .iter()
        .map(|source| stitched.compare(source))
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(stitched.attribute(comparisons))
}

/// A text read once (stages 1–3), to be compared with each of its sources
/// ([`Stitched::compare`], which is `Sync`: sources can be compared on
/// several threads at once) and then to have its runs and pairs attributed
/// ([`Stitched::attribute`]).
pub struct Stitched<'t, 'n> {
    /// The text, read as an original is (the stages 1–3 are the same).
    text: Original<'t, 'n>,
}

impl<'t> Stitched<'t, 'static> {
    /// Reads `text` under `options`.
    ///
    /// # Errors
    ///
    /// As [`crate::compare_with`], for the text (named "paraphrase").
    pub fn read(text: &'t str, options: &Options) -> Result<Self, Error> {
        limits::check_size("paraphrase", text)?;
        Ok(Stitched {
            text: Original::read(text, options)?,
        })
    }
}

impl<'t, 'n> Stitched<'t, 'n> {
    /// Reads `text` under `options`, with `normalize` for NFKC (see
    /// [`crate::compare_with_normalizer`]).
    ///
    /// # Errors
    ///
    /// As [`crate::compare_with`], for the text (named "paraphrase").
    pub fn read_with_normalizer(
        text: &'t str,
        options: &Options,
        normalize: Normalizer<'n>,
    ) -> Result<Self, Error> {
        limits::check_size("paraphrase", text)?;
        Ok(Stitched {
            text: Original::read_with_normalizer(text, options, normalize)?,
        })
    }

    /// Compares one source with the text (the source as the original),
    /// within the options' time budget (which starts now).
    ///
    /// # Errors
    ///
    /// [`Error::InputTooLarge`] when `source` exceeds
    /// [`crate::MAX_INPUT_BYTES`].
    pub fn compare(&self, source: &'t str) -> Result<Comparison<'t>, Error> {
        limits::check_size("original", source)?;
        let Original {
            text: read,
            vocabulary,
            options,
            language,
        } = &self.text;
        let languages = crate::language::Languages {
            original: crate::language::detect(source),
            paraphrase: *language,
            used: vocabulary.rules().language(),
        };
        let mut vocabulary = vocabulary.clone();
        let source_text = Text::read(source, options, &mut vocabulary);
        let budget = pipeline::budget(options, source.len() + read.text.len());
        Ok(Comparison {
            original: source,
            paraphrase: read.text,
            findings: pipeline::compare_in(
                (&source_text, read),
                &vocabulary,
                options,
                budget,
                languages,
            ),
        })
    }

    /// Attributes the runs and pairs of `comparisons` (each made by
    /// [`Stitched::compare`], in the sources' order) and labels the text.
    pub fn attribute(&self, comparisons: Vec<Comparison<'t>>) -> Sources<'t> {
        let Original {
            text: read,
            vocabulary,
            options,
            ..
        } = &self.text;
        // Each word of the text: its token, and the byte where it starts.
        let (word_tokens, word_starts): (Vec<u32>, Vec<u32>) = read
            .units
            .token
            .iter()
            .zip(&read.units.id)
            .filter(|&(_, &id)| vocabulary.is_word[id as usize])
            .map(|(&token, _)| (token, read.tokens[token as usize].start))
            .unzip();
        let words_in = |bytes: &Range<u32>| -> Range<usize> {
            word_starts.partition_point(|&s| s < bytes.start)
                ..word_starts.partition_point(|&s| s < bytes.end)
        };

        let mut per_source = vec![SourceStats::default(); comparisons.len()];
        let (runs, run_of) =
            attribute_runs(&comparisons, word_starts.len(), &words_in, &mut per_source);
        let (pairs, pair_of_sentence) = attribute_pairs(
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

        // Each word's label: its run's, else its pair's, else new.
        let mut pair_of = vec![NONE; word_starts.len()];
        for (index, attributed) in pairs.iter().enumerate() {
            let pair = &comparisons[attributed.source as usize].pairs()[attributed.index as usize];
            pair_of[words_in(&pair.paraphrase)].fill(index as u32);
        }
        let label_of_word = |word: usize| -> Label {
            let run = run_of[word];
            let pair = pair_of[word];
            if run != NONE {
                (
                    Kind::Copied,
                    Some(runs[run as usize].source),
                    some(run),
                    some(pair),
                )
            } else if pair != NONE {
                (
                    Kind::Reworded,
                    Some(pairs[pair as usize].source),
                    None,
                    Some(pair),
                )
            } else {
                (Kind::New, None, None, None)
            }
        };
        let (mut reworded_words, mut new_words) = (0, 0);
        for word in 0..word_starts.len() {
            match label_of_word(word).0 {
                Kind::Reworded => reworded_words += 1,
                Kind::New => new_words += 1,
                _ => {}
            }
        }
        let spans = label_spans(read, &word_tokens, &label_of_word);
        let sentences = read
            .sentences
            .iter()
            .zip(&pair_of_sentence)
            .map(|(sentence, &pair)| TextSentence {
                range: read.sentence_bytes(sentence),
                paragraph: sentence.paragraph,
                pair: some(pair),
            })
            .collect();
        Sources {
            text: read.text,
            comparisons,
            runs,
            pairs,
            per_source,
            whole,
            text_words: word_starts.len() as u32,
            reworded_words,
            new_words,
            spans,
            sentences,
            options: options.clone(),
        }
    }
}

/// A source as the JSON model names it: its name (the command line's: the
/// path as given), and why it was not compared, if it was not.
#[derive(Clone, Copy, Debug)]
pub struct SourceEntry<'a> {
    /// Its name.
    pub name: &'a str,
    /// Why it was not compared (a one-line message); `None` for a source
    /// that was, whose comparison is the next of [`Sources::comparisons`].
    pub error: Option<&'a str>,
}

impl Sources<'_> {
    /// Whether every comparison ran to the end within the time budget.
    pub fn is_complete(&self) -> bool {
        self.comparisons.iter().all(|c| c.is_complete())
    }

    /// The stages that ran out of time in any comparison, each once.
    pub fn cut_short(&self) -> Vec<&'static str> {
        let mut stages: Vec<&'static str> = Vec::new();
        for stage in self.comparisons.iter().flat_map(|c| c.cut_short()) {
            if !stages.contains(stage) {
                stages.push(stage);
            }
        }
        stages
    }

    /// The share (0 to 1) of the text's words in `words`.
    pub fn share(&self, words: u32) -> f64 {
        if self.text_words == 0 {
            0.0
        } else {
            f64::from(words) / f64::from(self.text_words)
        }
    }

    /// Writes the JSON model, `article-diff/1` with `sources`
    /// (`docs/format.md`), indented, to `writer` as it is made. `entries`
    /// names every source in the order given, those not compared with
    /// their error; a run's or pair's `source` is its source's place there.
    ///
    /// # Errors
    ///
    /// The first error writing to `writer`; [`io::ErrorKind::InvalidInput`]
    /// when `entries` has not one compared source for each comparison.
    pub fn write_json_pretty(
        &self,
        entries: &[SourceEntry<'_>],
        unit: OffsetUnit,
        writer: impl io::Write,
    ) -> io::Result<()> {
        serde_json::to_writer_pretty(writer, &self.view(entries, unit)?).map_err(io::Error::from)
    }

    /// The same model as JSON text on one line (what the browser binding
    /// hands out: the pair model's `to_json` writes the same way, so the
    /// two share their code in the WebAssembly build).
    ///
    /// # Errors
    ///
    /// [`io::ErrorKind::InvalidInput`] as [`Sources::write_json_pretty`].
    pub fn to_json(&self, entries: &[SourceEntry<'_>], unit: OffsetUnit) -> io::Result<String> {
        serde_json::to_string(&self.view(entries, unit)?).map_err(io::Error::from)
    }

    fn view<'a>(
        &'a self,
        entries: &'a [SourceEntry<'a>],
        unit: OffsetUnit,
    ) -> io::Result<SourcesView<'a, 'a>> {
        let given: Vec<u32> = (0..entries.len() as u32)
            .filter(|&i| entries[i as usize].error.is_none())
            .collect();
        if given.len() != self.comparisons.len() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "{} sources named as compared for {} comparisons",
                    given.len(),
                    self.comparisons.len()
                ),
            ));
        }
        Ok(SourcesView {
            sources: self,
            entries,
            given,
            unit,
            text: Offsets::new(self.text, unit),
            originals: self
                .comparisons
                .iter()
                .map(|c| Offsets::new(c.original(), unit))
                .collect(),
        })
    }
}

// ---- the JSON view ----------------------------------------------------------

struct SourcesView<'a, 't> {
    sources: &'a Sources<'t>,
    entries: &'a [SourceEntry<'a>],
    /// Each compared source's place in `entries`.
    given: Vec<u32>,
    unit: OffsetUnit,
    text: Offsets<'t>,
    originals: Vec<Offsets<'t>>,
}

#[derive(Serialize)]
struct SourcesDocument<'a, Entries, Side, Pairs, Runs> {
    format: &'static str,
    offsets: OffsetUnit,
    complete: bool,
    cut_short: Vec<&'static str>,
    options: &'a Options,
    stats: WholeView,
    sources: Entries,
    paraphrase: Side,
    pairs: Pairs,
    runs: Runs,
}

#[derive(Serialize)]
struct WholeView {
    paraphrase_words: u32,
    paraphrase_sentences: u32,
    sources: u32,
    copied_words: u32,
    #[serde(serialize_with = "rounded")]
    copied_share: f64,
    reworded_words: u32,
    new_words: u32,
    runs: u32,
    pairs: u32,
}

#[derive(Serialize)]
struct SourceStatsView {
    copied_words: u32,
    #[serde(serialize_with = "rounded")]
    copied_share: f64,
    runs: u32,
    pairs: u32,
}

#[derive(Serialize)]
struct SourceView<'a, Sentences> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stats: Option<SourceStatsView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    length: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<Sentences>,
}

#[derive(Serialize)]
struct TextSpanView<'a> {
    text: &'a str,
    start: u32,
    end: u32,
    kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    run: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pair: Option<u32>,
}

/// A run or pair of the model with its source first.
#[derive(Serialize)]
struct WithSource<T> {
    source: u32,
    /// Of a run: the words it took (no longer run, of any source, took them
    /// first).
    #[serde(skip_serializing_if = "Option::is_none")]
    claimed_words: Option<u32>,
    #[serde(flatten)]
    item: T,
}

impl Serialize for SourcesView<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let all = self.sources;
        let text = all.text;
        let t = &self.text;
        let given = &self.given;
        let mut compared = 0;
        let whole = &all.whole;
        SourcesDocument {
            format: FORMAT,
            offsets: self.unit,
            complete: all.is_complete(),
            cut_short: all.cut_short(),
            options: &all.options,
            stats: WholeView {
                paraphrase_words: all.text_words,
                paraphrase_sentences: all.sentences.len() as u32,
                sources: all.comparisons.len() as u32,
                copied_words: whole.copied_words,
                copied_share: all.share(whole.copied_words),
                reworded_words: all.reworded_words,
                new_words: all.new_words,
                runs: whole.runs,
                pairs: whole.pairs,
            },
            sources: self
                .entries
                .iter()
                .map(|entry| {
                    let index = if entry.error.is_none() {
                        compared += 1;
                        Some(compared - 1)
                    } else {
                        None
                    };
                    let comparison = index.map(|i| &all.comparisons[i]);
                    let offsets = index.map(|i| &self.originals[i]);
                    SourceView {
                        name: entry.name,
                        error: entry.error,
                        stats: index.map(|i| {
                            let s = &all.per_source[i];
                            SourceStatsView {
                                copied_words: s.copied_words,
                                copied_share: all.share(s.copied_words),
                                runs: s.runs,
                                pairs: s.pairs,
                            }
                        }),
                        length: comparison
                            .zip(offsets)
                            .map(|(c, o)| o.convert(c.original().len() as u32)),
                        text: comparison.map(|c| c.original()),
                        sentences: comparison.zip(offsets).map(|(c, o)| {
                            Seq(move || {
                                c.original_side()
                                    .sentences
                                    .iter()
                                    .map(move |s| SentenceView {
                                        start: o.convert(s.range.start),
                                        end: o.convert(s.range.end),
                                        paragraph: s.paragraph,
                                        pair: None,
                                        repeats: None,
                                    })
                            })
                        }),
                    }
                })
                .collect::<Vec<_>>(),
            paraphrase: SideView {
                length: t.convert(text.len() as u32),
                sentences: Seq(|| {
                    all.sentences.iter().map(|s| SentenceView {
                        start: t.convert(s.range.start),
                        end: t.convert(s.range.end),
                        paragraph: s.paragraph,
                        pair: s.pair,
                        repeats: None,
                    })
                }),
                spans: Seq(|| {
                    all.spans.iter().map(|s| TextSpanView {
                        text: &text[s.range.start as usize..s.range.end as usize],
                        start: t.convert(s.range.start),
                        end: t.convert(s.range.end),
                        kind: s.kind,
                        source: s.source.map(|i| given[i as usize]),
                        run: s.run,
                        pair: s.pair,
                    })
                }),
            },
            pairs: Seq(|| {
                all.pairs.iter().map(|a| WithSource {
                    source: given[a.source as usize],
                    claimed_words: None,
                    item: pair_view(
                        &all.comparisons[a.source as usize].pairs()[a.index as usize],
                        &self.originals[a.source as usize],
                        t,
                    ),
                })
            }),
            runs: Seq(|| {
                all.runs.iter().map(|a| WithSource {
                    source: given[a.source as usize],
                    claimed_words: Some(a.words),
                    item: run_view(
                        &all.comparisons[a.source as usize].runs()[a.index as usize],
                        &self.originals[a.source as usize],
                        t,
                    ),
                })
            }),
        }
        .serialize(serializer)
    }
}

/// No run or pair.
const NONE: u32 = u32::MAX;

fn some(index: u32) -> Option<u32> {
    (index != NONE).then_some(index)
}

/// A word's label: kind, source, run, pair.
type Label = (Kind, Option<u32>, Option<u32>, Option<u32>);

/// The text's spans: each token takes its word's label, and whitespace and
/// punctuation the label of the word before them in their sentence (the
/// word after, at a sentence's start), as in a comparison's spans.
fn label_spans(
    read: &Text<'_>,
    word_tokens: &[u32],
    label_of_word: &dyn Fn(usize) -> Label,
) -> Vec<TextSpan> {
    let new: Label = (Kind::New, None, None, None);
    let mut spans: Vec<TextSpan> = Vec::new();
    let mut word = 0; // the next word, by index
    let mut at = 0u32;
    for sentence in &read.sentences {
        let mut current: Option<Label> = None;
        let mut start_of_sentence = true;
        for token in sentence.tokens.clone() {
            let bytes = read.tokens[token as usize].start..read.tokens[token as usize].end;
            while word < word_tokens.len() && word_tokens[word] < token {
                word += 1;
            }
            if word < word_tokens.len() && word_tokens[word] == token {
                current = Some(label_of_word(word));
            } else if current.is_none() {
                // Before the sentence's first word: that word's label.
                let next = (word < word_tokens.len() && word_tokens[word] < sentence.tokens.end)
                    .then(|| label_of_word(word));
                current = Some(next.unwrap_or(new));
            }
            let label = current.unwrap_or(new);
            push_span(
                &mut spans,
                at.min(bytes.start)..bytes.end,
                label,
                start_of_sentence,
            );
            start_of_sentence = false;
            at = bytes.end;
        }
    }
    let length = read.text.len() as u32;
    if at < length {
        // Bytes after the last sentence's tokens, if any: the last label.
        let label = spans
            .last()
            .map_or(new, |s| (s.kind, s.source, s.run, s.pair));
        let alone = spans.is_empty();
        push_span(&mut spans, at..length, label, alone);
    }
    spans
}

/// Adds a labelled range to `spans`, joined to the last span when it has
/// the same label and does not start a sentence.
fn push_span(spans: &mut Vec<TextSpan>, range: Range<u32>, label: Label, sentence_start: bool) {
    if range.is_empty() {
        return;
    }
    if let Some(last) = spans.last_mut()
        && !sentence_start
        && (last.kind, last.source, last.run, last.pair) == label
    {
        last.range.end = range.end;
        return;
    }
    let (kind, source, run, pair) = label;
    spans.push(TextSpan {
        range,
        kind,
        source,
        run,
        pair,
    });
}

/// Runs longest first, each keeping the words no longer run claimed; with
/// each word's run (by index in the result, or [`NONE`]).
fn attribute_runs(
    comparisons: &[Comparison<'_>],
    words: usize,
    words_in: &dyn Fn(&Range<u32>) -> Range<usize>,
    per_source: &mut [SourceStats],
) -> (Vec<Attributed>, Vec<u32>) {
    // Longest first, then the earlier source, then the earlier in the text:
    // one `u64` key each (the engine's one sort), the run's place in `found`
    // after its length (runs are found source by source, each source's in
    // text order, so that place breaks ties as said, however many sources);
    // runs of over 65,535 words count as that long.
    let mut keys: Vec<u64> = Vec::new();
    let mut found: Vec<(u32, u32)> = Vec::new();
    for (source, comparison) in comparisons.iter().enumerate() {
        for (index, run) in comparison.runs().iter().enumerate() {
            let words = u64::from(u16::MAX - run.words.min(u32::from(u16::MAX)) as u16);
            keys.push(words << 48 | found.len() as u64);
            found.push((source as u32, index as u32));
        }
    }
    sort_keys(&mut keys);
    // Each word's run, by its place in `kept` until put in text order.
    let mut claimed = vec![NONE; words];
    let mut kept: Vec<(u32, Attributed)> = Vec::new();
    for key in keys {
        let (source, index) = found[(key & 0xFFFF_FFFF) as usize];
        let run = &comparisons[source as usize].runs()[index as usize];
        let start = run.paraphrase.start;
        let span = words_in(&run.paraphrase);
        let mut fresh = 0;
        for claim in &mut claimed[span] {
            if *claim == NONE {
                *claim = kept.len() as u32;
                fresh += 1;
            }
        }
        if fresh == 0 {
            continue;
        }
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
    let (runs, place) = in_text_order(kept);
    for claim in &mut claimed {
        if *claim != NONE {
            *claim = place[*claim as usize];
        }
    }
    (runs, claimed)
}

/// Pairs by evidence, each sentence of the text once; with each sentence's
/// pair (by index in the result, or [`NONE`]).
fn attribute_pairs(
    comparisons: &[Comparison<'_>],
    sentences: usize,
    words_in: &dyn Fn(&Range<u32>) -> Range<usize>,
    per_source: &mut [SourceStats],
) -> (Vec<Attributed>, Vec<u32>) {
    let strength = |verdict: Verdict| match verdict {
        Verdict::Copied => 0u64,
        Verdict::Edited => 1,
        _ => 2,
    };
    let permille = |share: f64| (1000.0 - (share.clamp(0.0, 1.0) * 1000.0).round()) as u64;
    // Strongest first: verdict, derived share, similarity (each to 1/1000),
    // then the earlier source: the pair's place in `pairs`, which are
    // listed source by source (a source's place once took 8 bits of the
    // key, and a 257th source's ran into the similarity's).
    let mut keys: Vec<u64> = Vec::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (source, comparison) in comparisons.iter().enumerate() {
        for (index, pair) in comparison.pairs().iter().enumerate() {
            let key = strength(pair.verdict) << 60
                | permille(pair.derived_share) << 50
                | permille(pair.similarity) << 40
                | pairs.len() as u64;
            keys.push(key);
            pairs.push((source as u32, index as u32));
        }
    }
    sort_keys(&mut keys);
    let mut taken = vec![NONE; sentences];
    let mut kept: Vec<(u32, Attributed)> = Vec::new();
    for key in keys {
        let (source, index) = pairs[(key & 0xFFFF_FFFF) as usize];
        let pair = &comparisons[source as usize].pairs()[index as usize];
        let range =
            pair.paraphrase_sentences.start as usize..pair.paraphrase_sentences.end as usize;
        if taken[range.clone()].iter().any(|&t| t != NONE) {
            continue;
        }
        taken[range].fill(kept.len() as u32);
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
    let (pairs, place) = in_text_order(kept);
    for pair in &mut taken {
        if *pair != NONE {
            *pair = place[*pair as usize];
        }
    }
    (pairs, taken)
}

/// The attributed items in text order, and each one's place in it (by its
/// place in `kept`).
fn in_text_order(kept: Vec<(u32, Attributed)>) -> (Vec<Attributed>, Vec<u32>) {
    let order = crate::order::order_by(kept.len(), |i| kept[i].0);
    let mut place = vec![0; kept.len()];
    for (at, &i) in order.iter().enumerate() {
        place[i] = at as u32;
    }
    let mut slots: Vec<Option<Attributed>> = kept.into_iter().map(|(_, a)| Some(a)).collect();
    let items = order.into_iter().filter_map(|i| slots[i].take()).collect();
    (items, place)
}
