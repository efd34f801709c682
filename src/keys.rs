//! Stage 2: normalized comparison keys, interned to integers.
//!
//! Words and punctuation are compared on a key, while the text is what is
//! shown. The key of a token is its text after the normalizations the
//! [`Options`] ask for: Unicode NFKC (fullwidth letters, ligatures, the
//! ellipsis character), lower case, and one form for every quotation mark,
//! apostrophe and dash (a dash typed as a run of hyphens, `--`, included)
//! and for the ellipsis (`…` and `...`). An abbreviation's periods are
//! dropped, so "U.S." and "US", "Mr." and "Mr" compare equal.
//!
//! NFKC comes from a [`Normalizer`]: [`nfkc`] (the `nfkc` feature, on by
//! default) uses `unicode-normalization`; the browser binding passes the
//! browser's own `String.prototype.normalize`, which keeps 58 KB of tables
//! out of the WebAssembly build. Keys are cached by a token's text, so each
//! distinct word is normalized once.
//!
//! Each distinct key gets a small integer id shared by both texts, so that
//! the later stages compare integers. Each id also knows whether it is a
//! word, whether it is a very common word ("the", "of", "said"), and its
//! stem: the first [`STEM_CHARS`] characters, a language-blind way to let
//! "tension" meet "tensions" when sentences are scored for similarity.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::language::Rules;
use crate::options::Options;
use crate::tokenize::{Abbreviation, Token, TokenClass};

/// Characters of a word's key that make its stem.
pub const STEM_CHARS: usize = 5;

/// The comparison units of one text: its non-space tokens (and, when
/// punctuation is ignored, only its words), each with its key's id.
#[derive(Debug, Default)]
pub struct Units {
    /// Index into the text's tokens of each unit.
    pub token: Vec<u32>,
    /// Interned key of each unit.
    pub id: Vec<u32>,
}

impl Units {
    /// How many units there are.
    pub fn len(&self) -> usize {
        self.id.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }
}

/// Brings a word to Unicode NFKC (Normalization Form KC).
pub type Normalizer<'n> = &'n (dyn Fn(&str) -> String + Sync);

/// NFKC with `unicode-normalization`.
#[cfg(feature = "nfkc")]
pub fn nfkc(text: &str) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};
    match is_nfkc_quick(text.chars()) {
        IsNormalized::Yes => text.to_owned(),
        _ => text.nfkc().collect(),
    }
}

/// No normalization: for comparisons that do not ask for it.
pub fn unchanged(text: &str) -> String {
    text.to_owned()
}

/// Every distinct key of the texts compared and what is known about it.
/// Cloned for each rewrite of an original read once, so that the
/// original's ids stay valid and the rewrites' keys do not mix.
#[derive(Clone)]
pub struct Vocabulary<'t, 'n> {
    /// Ids by the text of a token (the key depends on nothing else), for
    /// texts of more than [`SHORT_TEXT`] bytes.
    by_text: FxHashMap<LongText<'t>, u32>,
    /// The same for the shorter texts (most words and all punctuation),
    /// by [`short_text`]: a lookup hashes and compares one integer, with no
    /// string hashed or compared byte by byte.
    by_short_text: FxHashMap<u64, u32>,
    normalize: Normalizer<'n>,
    /// Ids by key, of words and of punctuation apart: a symbol whose NFKC
    /// form is a letter (U+1CCD6 is "A") stays punctuation, and the word
    /// "A" a word (found by the property test).
    ///
    /// A key that is its token's text (most are) borrows it from the text,
    /// as does its stem: only keys that differ from their text are copied.
    ids: [FxHashMap<Cow<'t, str>, u32>; 2],
    stems: FxHashMap<Cow<'t, str>, u32>,
    /// For each id: it is a word (not punctuation).
    pub is_word: Vec<bool>,
    /// For each id: a very common word, which alone proves no copying.
    pub is_common: Vec<bool>,
    /// For each id: its stem's id (punctuation has none: `u32::MAX`).
    pub stem: Vec<u32>,
    /// For each id, when the rules weigh units ([`Rules::weighs_units`]):
    /// the parts of a word it counts for in a copied run's length
    /// ([`Rules::unit_parts`]); else empty, every word a whole one.
    #[cfg(feature = "languages")]
    parts: Vec<u8>,
    /// The language's rules for common words and stems.
    rules: Rules,
}

/// No stem: punctuation.
pub const NO_STEM: u32 = u32::MAX;

impl<'t, 'n> Vocabulary<'t, 'n> {
    /// An empty vocabulary whose keys are normalized by `normalize` (when
    /// the options ask for it), under English rules.
    pub fn new(normalize: Normalizer<'n>) -> Self {
        Vocabulary::with_rules(normalize, Rules::english())
    }

    /// An empty vocabulary under a language's `rules` (common words, stems).
    pub fn with_rules(normalize: Normalizer<'n>, rules: Rules) -> Self {
        Vocabulary {
            by_text: FxHashMap::default(),
            by_short_text: FxHashMap::default(),
            normalize,
            ids: [FxHashMap::default(), FxHashMap::default()],
            stems: FxHashMap::default(),
            is_word: Vec::new(),
            is_common: Vec::new(),
            stem: Vec::new(),
            #[cfg(feature = "languages")]
            parts: Vec::new(),
            rules,
        }
    }

    /// The rules its words are read by.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// For each id, the parts of a word (of [`crate::language::WORD_PARTS`])
    /// it counts for in a copied run's length; `None` when every word is a
    /// whole one (English, and the core build).
    #[inline]
    pub fn word_parts(&self) -> Option<&[u8]> {
        #[cfg(feature = "languages")]
        return self.rules.weighs_units().then_some(self.parts.as_slice());
        #[cfg(not(feature = "languages"))]
        None
    }

    /// How many distinct stems have been seen.
    pub fn stem_count(&self) -> usize {
        self.stems.len()
    }

    /// Builds the units of one text, interning their keys.
    pub fn units(&mut self, text: &'t str, tokens: &[Token], options: &Options) -> Units {
        // Room for every token: a text has more units than half its tokens
        // (punctuation sits between words without a space), and growing
        // the two vectors would copy them.
        let mut units = Units {
            token: Vec::with_capacity(tokens.len()),
            id: Vec::with_capacity(tokens.len()),
        };
        if self.is_word.is_empty() {
            self.reserve(tokens.len());
        }
        let mut key = String::new();
        for (index, token) in tokens.iter().enumerate() {
            match token.class {
                TokenClass::Space => continue,
                TokenClass::Punct if options.ignore_punctuation => continue,
                _ => {}
            }
            let word = token.text(text);
            units.token.push(index as u32);
            let short = short_text(text.as_bytes(), token.start as usize, token.end as usize);
            let known = match short {
                Some(short) => self.by_short_text.get(&short),
                None => self.by_text.get(&LongText::new(word)),
            };
            if let Some(&id) = known {
                units.id.push(id);
                continue;
            }
            let is_word = token.class == TokenClass::Word;
            let id = if is_own_key(word, token, options) {
                self.intern(word, Some(word), is_word)
            } else {
                key.clear();
                key_into(&mut key, token, word, options, self.normalize);
                self.intern(&key, None, is_word)
            };
            match short {
                Some(short) => self.by_short_text.insert(short, id),
                None => self.by_text.insert(LongText::new(word), id),
            };
            units.id.push(id);
        }
        units
    }

    /// Room for the distinct words of a first text of `tokens` tokens, so
    /// that the tables do not rehash as they fill: one token in sixteen
    /// (prose of 10k to 100k words has 1 distinct text of up to 7 bytes in
    /// 12 to 15 tokens, whitespace counted, and half as many longer ones),
    /// at most 16,384 (a longer text's share falls: 1 in 86 at 1M words).
    fn reserve(&mut self, tokens: usize) {
        let short = (tokens / 16).min(1 << 14);
        self.by_short_text.reserve(short);
        self.by_text.reserve(short / 2);
        self.ids[1].reserve(short + short / 2);
        self.stems.reserve(short);
    }

    /// The id of `key`, new if it has none; `text` is the same key in the
    /// text, when the key is its token's text, which it is then kept as.
    fn intern(&mut self, key: &str, text: Option<&'t str>, is_word: bool) -> u32 {
        if let Some(&id) = self.ids[is_word as usize].get(key) {
            return id;
        }
        // The key (or a prefix of it) as it is kept: borrowed from the text
        // when it is the token's text, else copied.
        let kept = |end: usize| match text {
            Some(text) => Cow::Borrowed(&text[..end]),
            None => Cow::Owned(key[..end].to_owned()),
        };
        let id = self.is_word.len() as u32;
        self.ids[is_word as usize].insert(kept(key.len()), id);
        self.is_word.push(is_word);
        self.is_common.push(is_word && self.rules.is_common(key));
        #[cfg(feature = "languages")]
        if self.rules.weighs_units() {
            self.parts.push(if is_word {
                self.rules.unit_parts(key)
            } else {
                0
            });
        }
        let stem = if !is_word {
            NO_STEM
        } else if let Some(stem) = self.rules.stem(key) {
            match self.stems.get(stem.as_ref()) {
                Some(&id) => id,
                None => {
                    let next = self.stems.len() as u32;
                    self.stems.insert(Cow::Owned(stem.into_owned()), next);
                    next
                }
            }
        } else {
            let end = key
                .char_indices()
                .nth(STEM_CHARS)
                .map_or(key.len(), |(at, _)| at);
            // Looked up before it is inserted: most new keys share their
            // stem with one seen before ("bridges", "bridged"), and the
            // entry API would allocate the stem's text for each.
            match self.stems.get(&key[..end]) {
                Some(&stem) => stem,
                None => {
                    let next = self.stems.len() as u32;
                    self.stems.insert(kept(end), next);
                    next
                }
            }
        };
        self.stem.push(stem);
        id
    }
}

/// A token text of more than [`SHORT_TEXT`] bytes, as a key of
/// [`Vocabulary::by_text`], with its first and last eight bytes (which
/// overlap when it has fewer than sixteen) held beside it. A lookup then
/// hashes and compares these two integers and the length, and reads the
/// text in the table only for a text of more than sixteen bytes (rare):
/// the texts in the table point at each word's first occurrence, scattered
/// over the whole text, and reading them missed the cache on most lookups
/// of a long text. (A `&str` key would also be hashed byte by byte and
/// compared by `memcmp`, which goes byte by byte in WebAssembly.)
#[derive(Clone, Copy)]
struct LongText<'t> {
    head: u64,
    tail: u64,
    text: &'t str,
}

impl<'t> LongText<'t> {
    fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let eight =
            |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default());
        LongText {
            head: eight(0),
            tail: eight(bytes.len() - 8),
            text,
        }
    }
}

impl PartialEq for LongText<'_> {
    fn eq(&self, other: &Self) -> bool {
        let n = self.text.len();
        self.head == other.head
            && self.tail == other.tail
            && other.text.len() == n
            && (n <= 16 || self.text.as_bytes()[8..n - 8] == other.text.as_bytes()[8..n - 8])
    }
}

impl Eq for LongText<'_> {}

impl std::hash::Hash for LongText<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let hash = ((self.text.len() as u64).rotate_left(26) ^ self.head).wrapping_mul(K);
        state.write_u64((hash.rotate_left(26) ^ self.tail).wrapping_mul(K));
    }
}

/// The longest token text that [`short_text`] packs into an integer.
const SHORT_TEXT: usize = 7;

/// The text `bytes[start..end]`, when at most [`SHORT_TEXT`] bytes, as one
/// integer: its bytes from the lowest and its length in the highest byte,
/// so that two texts give the same integer only when they are the same.
///
/// When `bytes` holds eight bytes from `start`, the eight are read as one
/// integer and those past `end` masked off, instead of a loop over the
/// text's bytes (every unit of a text is packed).
fn short_text(bytes: &[u8], start: usize, end: usize) -> Option<u64> {
    let n = end - start;
    if n > SHORT_TEXT {
        return None;
    }
    let length = (n as u64) << 56;
    if let Some(eight) = bytes.get(start..start + 8) {
        let word = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        return Some(word & ((1u64 << (8 * n)) - 1) | length);
    }
    let mut packed = length;
    for (at, &byte) in bytes[start..end].iter().enumerate() {
        packed |= u64::from(byte) << (8 * at);
    }
    Some(packed)
}

/// Whether a token's text is its own key: plain lower-case ASCII (most
/// words), which no option changes.
fn is_own_key(text: &str, token: &Token, options: &Options) -> bool {
    token.abbreviation == Abbreviation::No
        && !(options.unify_punctuation && is_hyphen_dash(text))
        && text.bytes().all(|b| {
            b.is_ascii()
                && !(options.ignore_case && b.is_ascii_uppercase())
                && !(options.unify_punctuation && matches!(b, b'"' | b'`'))
        })
}

/// Writes the comparison key of one token into `key`.
pub fn key_into(
    key: &mut String,
    token: &Token,
    text: &str,
    options: &Options,
    normalize: Normalizer<'_>,
) {
    let text = match token.abbreviation {
        Abbreviation::No => text,
        _ => text.strip_suffix('.').unwrap_or(text),
    };
    let initials = token.abbreviation != Abbreviation::No;
    if options.unify_punctuation && is_hyphen_dash(text) {
        key.push('-');
        return;
    }
    if text.is_ascii() {
        for &byte in text.as_bytes() {
            let byte = match byte {
                b'.' if initials => continue,
                b'"' | b'`' if options.unify_punctuation => b'\'',
                _ if options.ignore_case => byte.to_ascii_lowercase(),
                _ => byte,
            };
            key.push(byte as char);
        }
        return;
    }
    let mut push = |c: char| {
        if initials && c == '.' {
            return;
        }
        if options.normalize_unicode && is_ignorable(c) {
            return;
        }
        if options.unify_punctuation && c == '…' {
            // What NFKC makes of it, also when not normalizing.
            key.push_str("...");
            return;
        }
        let c = if options.unify_punctuation {
            unify(c)
        } else {
            c
        };
        if options.ignore_case {
            key.extend(crate::chars::lowercase(c));
        } else {
            key.push(c);
        }
    };
    if options.normalize_unicode {
        normalize(text).chars().for_each(&mut push);
    } else {
        text.chars().for_each(&mut push);
    }
}

/// Invisible characters that do not change a word: the soft hyphen, the
/// zero-width space, the word joiner and the zero-width no-break space.
fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// A dash typed as two or more hyphens (`--`, `---`): the tokenizer makes
/// a run of hyphens one token.
fn is_hyphen_dash(text: &str) -> bool {
    text.len() > 1 && text.bytes().all(|b| b == b'-')
}

/// One form for every quotation mark and apostrophe (`'`) and every dash (`-`).
fn unify(c: char) -> char {
    match c {
        '"'
        | '`'
        | '\u{B4}'
        | '\u{2018}'..='\u{201F}'
        | '\u{2032}'
        | '\u{2033}'
        | '\u{AB}'
        | '\u{BB}'
        | '\u{2039}'
        | '\u{203A}'
        | '\u{300C}'..='\u{300F}'
        | '\u{FF02}'
        | '\u{FF07}' => '\'',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        _ => c,
    }
}

/// English function words and reporting verbs: a run made of these alone
/// (or mostly of these) is chance, not copying.
pub(crate) const COMMON_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "could",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "either",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "wasn't",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "yet",
    "you",
    "your",
    "yours",
];

pub(crate) fn is_common_word(key: &str) -> bool {
    // A binary search of strings, asked once per new key (1.5% of reading
    // the 100k paraphrase in instructions). A hash set, tried, took 619
    // bytes gzip more in the .wasm, which had no room for them.
    if key.bytes().any(|b| b.is_ascii_uppercase()) {
        return COMMON_WORDS
            .binary_search(&key.to_ascii_lowercase().as_str())
            .is_ok();
    }
    COMMON_WORDS.binary_search(&key).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two long texts are equal as keys exactly when they are equal, and
    /// equal ones hash alike: a byte changed anywhere, the last eight bytes
    /// (overlapping the first eight in a text of under sixteen) included,
    /// or a length changed.
    #[test]
    fn long_texts_compare_and_hash_as_their_bytes() {
        use std::hash::BuildHasher;
        let hash = |text: &str| rustc_hash::FxBuildHasher.hash_one(LongText::new(text));
        for len in 8..=40 {
            let text: String = (0..len)
                .map(|i| (b'a' + (i * 7 % 26) as u8) as char)
                .collect();
            let same = text.clone();
            assert!(LongText::new(&text) == LongText::new(&same));
            assert_eq!(hash(&text), hash(&same));
            for at in 0..len {
                let mut other = text.clone().into_bytes();
                other[at] = b'Z';
                let other = String::from_utf8(other).unwrap_or_default();
                assert!(
                    LongText::new(&text) != LongText::new(&other),
                    "{len} bytes, byte {at}"
                );
            }
            let longer = format!("{text}a");
            assert!(LongText::new(&text) != LongText::new(&longer));
        }
    }
    use crate::tokenize::tokenize;

    fn keys(text: &str, options: &Options) -> Vec<String> {
        tokenize(text, options.normalize_unicode)
            .iter()
            .filter(|t| !t.is_space())
            .map(|t| {
                let mut key = String::new();
                key_into(&mut key, t, t.text(text), options, &nfkc);
                key
            })
            .collect()
    }

    #[test]
    fn a_symbol_that_normalizes_to_a_letter_stays_punctuation() {
        // U+1CCD6 OUTLINED LATIN CAPITAL LETTER A is a symbol; NFKC makes it "A".
        let text = "\u{1CCD6} A";
        let tokens = tokenize(text, true);
        let mut vocabulary = Vocabulary::new(&nfkc);
        let units = vocabulary.units(text, &tokens, &Options::default());
        let words: Vec<bool> = units
            .id
            .iter()
            .map(|&id| vocabulary.is_word[id as usize])
            .collect();
        assert_eq!(words, [false, true]);
        assert_ne!(units.id[0], units.id[1]);
    }

    #[test]
    fn quotes_apostrophes_and_dashes_are_one_form() {
        let options = Options::default();
        assert_eq!(
            keys("“Hi” ‘there’ CNET‘s — ok", &options),
            ["'", "hi", "'", "'", "there", "'", "cnet's", "-", "ok"]
        );
        assert_eq!(keys("company’s", &options), keys("company's", &options));
        let exact = Options::default().unify_punctuation(false);
        assert_ne!(keys("company’s", &exact), keys("company's", &exact));
    }

    #[test]
    fn hyphen_runs_and_dashes_are_one_dash_and_ellipses_one_ellipsis() {
        let options = Options::default();
        for dash in ["a--b", "a---b", "a — b", "a–b", "a - b", "well-b"] {
            assert_eq!(keys(dash, &options)[1], "-", "{dash}");
        }
        assert_eq!(keys("so...", &options), keys("so…", &options));
        assert_eq!(keys("so...", &options), ["so", "..."]);
        // Without NFKC the ellipsis character still meets three periods.
        let raw = Options::default().normalize_unicode(false);
        assert_eq!(keys("so…", &raw), ["so", "..."]);
        let exact = Options::default().unify_punctuation(false);
        assert_eq!(keys("a--b", &exact), ["a", "--", "b"]);
        assert_ne!(keys("a--b", &exact), keys("a—b", &exact));
        assert_ne!(
            keys("so…", &exact.clone().normalize_unicode(false)),
            keys("so...", &exact)
        );
    }

    #[test]
    fn a_dash_typed_with_hyphens_meets_a_spaced_dash_as_one_unit() {
        let options = Options::default();
        let mut vocabulary = Vocabulary::new(&nfkc);
        let (a, b) = ("Monday--and then...", "Monday \u{2014} and then \u{2026}");
        let units_a = vocabulary.units(a, &tokenize(a, true), &options);
        let units_b = vocabulary.units(b, &tokenize(b, true), &options);
        assert_eq!(units_a.id, units_b.id);
        assert_eq!(units_a.len(), 5);
    }

    #[test]
    fn case_is_ignored_unless_asked() {
        assert_eq!(keys("The ÉTÉ", &Options::default()), ["the", "été"]);
        assert_eq!(
            keys("The ÉTÉ", &Options::default().ignore_case(false)),
            ["The", "ÉTÉ"]
        );
    }

    #[test]
    fn nfkc_folds_compatibility_forms() {
        let options = Options::default();
        assert_eq!(keys("ﬁnance", &options), ["finance"]);
        assert_eq!(keys("ＡＢＣ", &options), ["abc"]);
        assert_eq!(keys("cafe\u{301}", &options), keys("café", &options));
        assert_eq!(keys("cyber\u{AD}space", &options), ["cyberspace"]);
        let raw = Options::default().normalize_unicode(false);
        assert_ne!(keys("cafe\u{301}", &raw), keys("café", &raw));
    }

    #[test]
    fn abbreviations_compare_without_their_periods() {
        let options = Options::default();
        assert_eq!(keys("U.S.", &options), keys("US", &options));
        assert_eq!(keys("Mr. Smith", &options), keys("Mr Smith", &options));
    }

    #[test]
    fn interning_gives_equal_keys_one_id() {
        let options = Options::default();
        let mut vocabulary = Vocabulary::new(&nfkc);
        let a = "The cat, the “cat”.";
        let b = "THE CAT";
        let units_a = vocabulary.units(a, &tokenize(a, true), &options);
        let units_b = vocabulary.units(b, &tokenize(b, true), &options);
        assert_eq!(units_a.id[0], units_a.id[3]);
        assert_eq!(units_a.id[1], units_a.id[5]);
        assert_eq!(units_b.id, [units_a.id[0], units_a.id[1]]);
        assert!(vocabulary.is_common[units_a.id[0] as usize]);
        assert!(!vocabulary.is_common[units_a.id[1] as usize]);
        assert!(!vocabulary.is_word[units_a.id[2] as usize]);
        // Texts over SHORT_TEXT bytes are looked up by their text, the
        // others by their packed text: both meet on their keys.
        let c = "Understanding the UNDERSTANDING";
        let units_c = vocabulary.units(c, &tokenize(c, true), &options);
        assert_eq!(units_c.id[0], units_c.id[2]);
        assert_eq!(units_c.id[1], units_a.id[0]);
    }

    #[test]
    fn ignoring_punctuation_leaves_only_words() {
        let options = Options::default().ignore_punctuation(true);
        let text = "Yes, “no” — maybe.";
        let units = Vocabulary::new(&nfkc).units(text, &tokenize(text, true), &options);
        assert_eq!(units.len(), 3);
    }

    #[test]
    fn words_sharing_a_prefix_share_a_stem() {
        let options = Options::default();
        let mut vocabulary = Vocabulary::new(&nfkc);
        let text = "tension tensions tense";
        let units = vocabulary.units(text, &tokenize(text, true), &options);
        let stem = |i: usize| vocabulary.stem[units.id[i] as usize];
        assert_eq!(stem(0), stem(1));
        assert_ne!(stem(0), stem(2));
    }

    proptest::proptest! {
        /// Two texts short enough to pack give the same integer only when
        /// they are the same text (the NUL byte and a shorter text included).
        #[test]
        fn short_texts_pack_apart(a in "[a\u{0}\u{e9}.]{0,4}", b in "[a\u{0}\u{e9}.]{0,4}") {
            let (packed_a, packed_b) = (short_text(a.as_bytes(), 0, a.len()), short_text(b.as_bytes(), 0, b.len()));
            // Read eight at a time from a longer string, the same integers.
            let (long_a, long_b) = (format!("{a}{b}{a}"), format!("{b}{a}{b}"));
            proptest::prop_assert_eq!(short_text(long_a.as_bytes(), 0, a.len()), packed_a);
            proptest::prop_assert_eq!(short_text(long_b.as_bytes(), b.len() + a.len(), long_b.len()), packed_b);
            proptest::prop_assert_eq!(short_text(long_b.as_bytes(), 0, b.len()), packed_b);
            proptest::prop_assert_eq!(packed_a.is_some(), a.len() <= SHORT_TEXT);
            if packed_a.is_some() && packed_b.is_some() {
                proptest::prop_assert_eq!(packed_a == packed_b, a == b);
            }
        }
    }

    #[test]
    fn the_common_word_list_is_sorted() {
        assert!(COMMON_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
