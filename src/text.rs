//! Stages 1–3 for one text, done once: a [`Text`] holds its tokens, its
//! comparison units (keys interned in a [`Vocabulary`] shared by every text
//! it is compared with), its sentences and paragraphs, and which units sit
//! inside quotation marks. Every comparison the text takes part in reads
//! this value; none reads the text again.

use std::ops::Range;

use crate::keys::{Units, Vocabulary};
use crate::options::Options;
use crate::sentences::{self, Sentence};
use crate::tokenize::{self, Token};

/// One text, read.
pub struct Text<'t> {
    /// The text itself.
    pub text: &'t str,
    /// Its tokens (stage 1).
    pub tokens: Vec<Token>,
    /// Its comparison units (stage 2).
    pub units: Units,
    /// Its sentences (stage 3).
    pub sentences: Vec<Sentence>,
    /// For each unit: inside quotation marks.
    pub quoted: Vec<bool>,
}

impl<'t> Text<'t> {
    /// Reads `text`: tokens, keys interned in `vocabulary` (under `options`:
    /// case, punctuation, normalization), sentences and quotations.
    pub fn read(text: &'t str, options: &Options, vocabulary: &mut Vocabulary<'t, '_>) -> Self {
        Text::read_observed(text, options, vocabulary, &mut |_| {})
    }

    /// As [`Text::read`], calling `done` with each stage's name as it ends
    /// (for timing stage by stage, as [`crate::pipeline::compare_observed`]
    /// does for the rest).
    pub fn read_observed(
        text: &'t str,
        options: &Options,
        vocabulary: &mut Vocabulary<'t, '_>,
        done: &mut dyn FnMut(&'static str),
    ) -> Self {
        let tokens = tokenize::tokenize_in(text, options.normalize_unicode, vocabulary.rules());
        done("1 tokenize");
        let units = vocabulary.units(text, &tokens, options);
        done("2 keys");
        #[allow(unused_mut)]
        let (mut sentences, quoted) =
            sentences::sentences_and_quoted_units(text, &tokens, &units, vocabulary.rules());
        #[cfg(feature = "languages")]
        if vocabulary.rules().spaces_end_sentences() {
            sentences = sentences::split_at_thai_spaces(text, &tokens, &units, sentences);
        }
        done("3 sentences");
        Text {
            text,
            tokens,
            units,
            sentences,
            quoted,
        }
    }

    /// The unit range of each sentence.
    #[inline(never)]
    pub fn sentence_units(&self) -> Vec<Range<u32>> {
        self.sentences.iter().map(|s| s.units.clone()).collect()
    }

    /// The units of a range of sentences (not empty).
    #[inline(never)]
    pub fn units_of(&self, sentences: &Range<u32>) -> Range<u32> {
        self.sentences[sentences.start as usize].units.start
            ..self.sentences[sentences.end as usize - 1].units.end
    }

    /// Bytes from the first to the last unit of `units` (which is not empty).
    pub fn unit_bytes(&self, units: Range<u32>) -> Range<u32> {
        let first = self.units.token[units.start as usize] as usize;
        let last = self.units.token[units.end as usize - 1] as usize;
        self.tokens[first].start..self.tokens[last].end
    }

    /// Bytes from the first to the last non-space token of a sentence.
    #[inline(never)]
    pub fn sentence_bytes(&self, sentence: &Sentence) -> Range<u32> {
        let tokens = &self.tokens[sentence.tokens.start as usize..sentence.tokens.end as usize];
        let first = tokens.iter().find(|t| !t.is_space());
        let last = tokens.iter().rev().find(|t| !t.is_space());
        match (first, last) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => tokens.first().map_or(0, |t| t.start)..tokens.first().map_or(0, |t| t.start),
        }
    }
}
