//! Stage 0: which language a text is written in, and what that language
//! says of its words: which are very common (function words, which alone
//! prove no copying) and what a word's stem is.
//!
//! **Detection** reads a sample of the text (its first [`SAMPLE_WORDS`]
//! words) once, before anything else, in two steps:
//!
//! 1. English, by the engine's own list of very common English words: a
//!    text at least a fifth of whose words (and at least [`MIN_HITS`]) are
//!    on it is English. This step is all the core WebAssembly build has:
//!    everything else needs the languages build (the `languages` feature),
//!    and [`needs_languages`] tells the page when to load it.
//! 2. Otherwise the script of most letters decides the languages written in
//!    it alone (Korean, Thai, Armenian, Hebrew, Greek, Devanagari as Hindi;
//!    Han with kana as Japanese, without as Chinese), and among the
//!    languages that share a script (Latin, Cyrillic, Arabic), the one
//!    whose common-word list holds the most of the sample's words, when it
//!    holds at least [`MIN_HITS`] and half again as many as the next (a word
//!    on several lists counts for each as a share). Danish and Norwegian,
//!    whose lists cannot tell them apart, are told by their spellings of a
//!    few common words; Russian and Ukrainian first by the letters only one
//!    of them writes.
//!
//! A text with too little evidence (a headline, a list of names) gets no
//! language: it is compared in a neutral mode, with no common-word list
//! and stems by a word's first characters, rather than by a guess.
//!
//! **Common words** come from the `stop-words` crate: NLTK's lists where
//! NLTK has one (function words, of the length of the English list), else
//! stopwords-iso's; English keeps the engine's own list. **Stems** come
//! from the Snowball stemmers of `rust-stemmers` for the languages Snowball
//! covers; English keeps its stems of five characters (its verdicts were
//! measured and tuned on them, and the core build has no room for its
//! Snowball stemmer), as do the languages Snowball does not cover.

use crate::keys;

/// Words of a text that detection reads at most: enough to tell languages
/// apart, few enough that a long text costs no more than a short one.
pub const SAMPLE_WORDS: usize = 2000;

/// Common-word hits a text needs before a language is claimed for it.
pub const MIN_HITS: usize = 3;

/// Letters of a script of its own that name its language.
pub const MIN_SCRIPT_LETTERS: usize = 12;

/// A language the engine knows: an index into its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Language(u8);

/// The scripts detection tells apart.
#[cfg(feature = "languages")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Arabic,
    Greek,
    Hebrew,
    Armenian,
    Devanagari,
    Thai,
    Hangul,
    Han,
    Kana,
}

/// What the engine knows of one language.
struct Spec {
    code: &'static str,
    name: &'static str,
    #[cfg(feature = "languages")]
    script: Script,
    #[cfg(feature = "languages")]
    stemmer: Option<rust_stemmers::Algorithm>,
}

macro_rules! spec {
    ($code:literal, $name:literal, $script:ident, $stemmer:ident) => {
        Spec {
            code: $code,
            name: $name,
            #[cfg(feature = "languages")]
            script: Script::$script,
            #[cfg(feature = "languages")]
            stemmer: spec!(@stemmer $stemmer),
        }
    };
    (@stemmer none) => { None };
    (@stemmer $stemmer:ident) => { Some(rust_stemmers::Algorithm::$stemmer) };
}

/// The languages of this build, English first.
#[cfg(not(feature = "languages"))]
static LANGUAGES: &[Spec] = &[spec!("en", "English", Latin, none)];

/// The languages of this build, English first: every language Snowball
/// stems, and those with a script of their own or a common-word list worth
/// telling apart.
#[cfg(feature = "languages")]
static LANGUAGES: &[Spec] = &[
    spec!("en", "English", Latin, none),
    spec!("ar", "Arabic", Arabic, Arabic),
    spec!("cs", "Czech", Latin, none),
    spec!("da", "Danish", Latin, Danish),
    spec!("de", "German", Latin, German),
    spec!("el", "Greek", Greek, Greek),
    spec!("es", "Spanish", Latin, Spanish),
    spec!("fa", "Persian", Arabic, none),
    spec!("fi", "Finnish", Latin, Finnish),
    spec!("fr", "French", Latin, French),
    spec!("he", "Hebrew", Hebrew, none),
    spec!("hi", "Hindi", Devanagari, none),
    spec!("hu", "Hungarian", Latin, Hungarian),
    spec!("hy", "Armenian", Armenian, none),
    spec!("id", "Indonesian", Latin, none),
    spec!("it", "Italian", Latin, Italian),
    spec!("ja", "Japanese", Kana, none),
    spec!("ko", "Korean", Hangul, none),
    spec!("nl", "Dutch", Latin, Dutch),
    spec!("no", "Norwegian", Latin, Norwegian),
    spec!("pl", "Polish", Latin, none),
    spec!("pt", "Portuguese", Latin, Portuguese),
    spec!("ro", "Romanian", Latin, Romanian),
    spec!("ru", "Russian", Cyrillic, Russian),
    spec!("sv", "Swedish", Latin, Swedish),
    spec!("th", "Thai", Thai, none),
    spec!("tr", "Turkish", Latin, Turkish),
    spec!("uk", "Ukrainian", Cyrillic, none),
    spec!("vi", "Vietnamese", Latin, none),
    spec!("zh", "Chinese", Han, none),
];

impl Language {
    /// English.
    pub const ENGLISH: Language = Language(0);

    /// Every language of this build, English first.
    pub fn all() -> impl Iterator<Item = Language> {
        (0..LANGUAGES.len() as u8).map(Language)
    }

    /// The language of an ISO 639-1 code ("de"), if this build knows it.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::all().find(|language| language.code() == code)
    }

    fn spec(self) -> &'static Spec {
        &LANGUAGES[self.0 as usize]
    }

    /// Its ISO 639-1 code.
    pub fn code(self) -> &'static str {
        self.spec().code
    }

    /// Its name in English.
    pub fn name(self) -> &'static str {
        self.spec().name
    }
}

impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// The languages of a comparison's texts, as detected, and the one it was
/// compared in (the option's, else the original's).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Languages {
    /// The original's, if detection found one.
    pub original: Option<Language>,
    /// The paraphrase's, if detection found one.
    pub paraphrase: Option<Language>,
    /// The one whose rules the comparison used; `None` for the neutral
    /// rules.
    pub used: Option<Language>,
}

impl Languages {
    /// Whether the texts were found in two different languages: then no
    /// rewording is claimed between them (see
    /// [`crate::pipeline::compare_in`]).
    pub fn differ(&self) -> bool {
        matches!((self.original, self.paraphrase), (Some(a), Some(b)) if a != b)
    }
}

/// The rules a comparison reads words by: a language's, or the neutral
/// ones of a text whose language is not known.
#[derive(Clone)]
pub struct Rules {
    language: Option<Language>,
    #[cfg(feature = "languages")]
    stemmer: Option<std::sync::Arc<rust_stemmers::Stemmer>>,
    #[cfg(feature = "languages")]
    common: Option<&'static rustc_hash::FxHashSet<&'static str>>,
}

impl Rules {
    /// The rules of `language`, or the neutral ones for `None`.
    pub fn new(language: Option<Language>) -> Rules {
        Rules {
            language,
            #[cfg(feature = "languages")]
            stemmer: language
                .and_then(|l| l.spec().stemmer)
                .map(|algorithm| std::sync::Arc::new(rust_stemmers::Stemmer::create(algorithm))),
            #[cfg(feature = "languages")]
            common: language.filter(|&l| l != Language::ENGLISH).map(common_set),
        }
    }

    /// English's rules: what the engine did before it knew of languages.
    pub fn english() -> Rules {
        Rules::new(Some(Language::ENGLISH))
    }

    /// The language, if any.
    pub fn language(&self) -> Option<Language> {
        self.language
    }

    /// Whether `key` (a word's comparison key) is a very common word.
    pub fn is_common(&self, key: &str) -> bool {
        match self.language {
            Some(Language::ENGLISH) => keys::is_common_word(key),
            #[cfg(feature = "languages")]
            Some(_) => self.common.is_some_and(|set| {
                if key.chars().any(char::is_uppercase) {
                    set.contains(key.to_lowercase().as_str())
                } else {
                    set.contains(key)
                }
            }),
            _ => false,
        }
    }

    /// Whether a text's runs of hiragana are units, each (rather than each
    /// kana): under Japanese rules, where such a run is a particle or an
    /// ending ("することができる" is one unit, not eight). Kanji stay a
    /// unit each, as in Chinese, and katakana runs are one unit by UAX #29
    /// already. Joining the kanji of a compound too was measured and not
    /// taken: it lost the fixture's reworded sentence (`docs/languages.md`).
    #[cfg(feature = "languages")]
    pub fn joins_hiragana_runs(&self) -> bool {
        self.language.is_some_and(|l| l.code() == "ja")
    }

    /// Whether a space between two words of Thai or Lao ends a sentence
    /// ([`crate::sentences::split_at_thai_spaces`]): under Thai rules, and
    /// under the neutral ones (Lao, which detection does not name).
    #[cfg(feature = "languages")]
    pub fn spaces_end_sentences(&self) -> bool {
        self.language.is_none_or(|l| l.code() == "th")
    }

    /// Whether units of the scripts written without spaces count as parts
    /// of a word ([`Rules::unit_parts`]): in the languages build, under any
    /// rules but English's (whose results stay as they were).
    #[cfg(feature = "languages")]
    pub fn weighs_units(&self) -> bool {
        self.language != Some(Language::ENGLISH)
    }

    /// The parts of a word (of [`WORD_PARTS`]) that a word unit with this
    /// key counts for in a copied run's length: a whole word, but for the
    /// scripts written without spaces, whose units are smaller than words
    /// (see `docs/languages.md` for the measurements): a Han character
    /// half a word, a run of hiragana a quarter (a particle or an ending),
    /// a letter of Thai, Lao, Khmer or Burmese a quarter.
    #[cfg(feature = "languages")]
    pub fn unit_parts(&self, key: &str) -> u8 {
        if let Some(class) = key.chars().next().and_then(unspaced) {
            return match class {
                Unspaced::Han => HAN_PARTS,
                Unspaced::Hiragana => HIRAGANA_PARTS,
                Unspaced::Katakana => WORD_PARTS as u8,
                Unspaced::Letter => LETTER_PARTS,
            };
        }
        WORD_PARTS as u8
    }

    /// The stem of a word's key: Snowball's, when the language has a
    /// stemmer; else `None`, and the stem is the key's first
    /// [`keys::STEM_CHARS`] characters.
    pub fn stem<'k>(&self, key: &'k str) -> Option<std::borrow::Cow<'k, str>> {
        #[cfg(feature = "languages")]
        if let Some(stemmer) = &self.stemmer {
            return Some(stemmer.stem(key));
        }
        #[cfg(feature = "languages")]
        if self
            .language
            .is_some_and(|l| l.spec().script == Script::Hangul)
        {
            return Some(std::borrow::Cow::Borrowed(korean_stem(key)));
        }
        let _ = key;
        None
    }
}

/// A word counts as this many parts in a copied run's length (the option
/// `min_run` counts words); a unit of a script written without spaces
/// counts for fewer ([`Rules::unit_parts`]).
pub const WORD_PARTS: u32 = 4;

/// What a unit of a script written without spaces is, for its share of a
/// word: see [`Rules::unit_parts`] and `docs/languages.md`.
#[cfg(feature = "languages")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unspaced {
    /// A Han character (漢字, 汉字): about half a word of Chinese.
    Han,
    /// A run of hiragana: a Japanese grammar ending or particle.
    Hiragana,
    /// A run of katakana (a loanword or a name): a word.
    Katakana,
    /// A letter of Thai, Lao, Khmer or Burmese with its marks: about a
    /// quarter of a word.
    Letter,
}

/// The script class of `c` among those written without spaces, if any.
#[cfg(feature = "languages")]
pub fn unspaced(c: char) -> Option<Unspaced> {
    Some(match c as u32 {
        0x3041..=0x309F => Unspaced::Hiragana,
        0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Unspaced::Katakana,
        0x3005 | 0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Unspaced::Han,
        0x20000..=0x2FA1F => Unspaced::Han,
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x19E0..=0x19FF => Unspaced::Letter,
        _ => return None,
    })
}

/// See [`Rules::unit_parts`].
#[cfg(feature = "languages")]
const HAN_PARTS: u8 = 2;
/// See [`Rules::unit_parts`].
#[cfg(feature = "languages")]
const HIRAGANA_PARTS: u8 = 1;
/// See [`Rules::unit_parts`].
#[cfg(feature = "languages")]
const LETTER_PARTS: u8 = 1;

/// Hangul syllables of a Korean word that make its stem.
#[cfg(feature = "languages")]
pub const KOREAN_STEM_SYLLABLES: usize = 2;

/// The stem of a Korean word: its first [`KOREAN_STEM_SYLLABLES`]
/// syllables when it is written in Hangul, else the word. Korean writes
/// its particles (조사: 은/는, 이/가, 을/를, 의, 에, 에서, 으로…) and verb
/// endings onto the word, and most content words are two syllables (a
/// Sino-Korean compound): "권리를", "권리는" and "권리" share "권리".
#[cfg(feature = "languages")]
fn korean_stem(word: &str) -> &str {
    let hangul = |c: char| matches!(c as u32, 0xAC00..=0xD7A3);
    match word.char_indices().nth(KOREAN_STEM_SYLLABLES) {
        Some((at, _)) if word[..at].chars().all(hangul) => &word[..at],
        _ => word,
    }
}

/// A language's common words as a set, built once.
#[cfg(feature = "languages")]
fn common_set(language: Language) -> &'static rustc_hash::FxHashSet<&'static str> {
    use std::sync::OnceLock;
    static SETS: OnceLock<Vec<rustc_hash::FxHashSet<&'static str>>> = OnceLock::new();
    &SETS.get_or_init(|| {
        Language::all()
            .map(|l| common_words(l).iter().copied().collect())
            .collect()
    })[language.0 as usize]
}

/// A language's list of common words (see the module documentation).
#[cfg(feature = "languages")]
pub fn common_words(language: Language) -> &'static [&'static str] {
    if language == Language::ENGLISH {
        return keys::COMMON_WORDS;
    }
    stop_words::lookup(language.code()).unwrap_or(&[])
}

/// What detection read of a sample.
#[derive(Default)]
struct Sample {
    /// Words read, at most [`SAMPLE_WORDS`].
    words: usize,
    /// Of them, words on the engine's English list.
    english: usize,
    /// Letters of each script.
    #[cfg(feature = "languages")]
    letters: [usize; 11],
    /// The words, in lower case.
    #[cfg(feature = "languages")]
    lowered: Vec<String>,
}

/// Step 1's reading of the first [`SAMPLE_WORDS`] words of `text`: how
/// many there are and how many are common English words. A word here is a
/// run of ASCII letters, digits and apostrophes and of other non-ASCII
/// characters (so that "Brücke" is one word, not on the list), but each
/// character of U+3000 to U+DFFF (CJK punctuation, kana, Han, Hangul) is a
/// word of its own, so that a Japanese clause is not one word beside a few
/// English ones. Bytes, not characters, so that the core build links no
/// Unicode tables for it.
fn english_sample(text: &str) -> Sample {
    let mut sample = Sample::default();
    // The longest common English word has fewer bytes than this.
    let mut word = [0u8; 12];
    let mut length = 0usize;
    let mut bytes = text.bytes();
    loop {
        let byte = bytes.next();
        // The lead byte of a character from U+3000 to U+DFFF.
        let wide = byte.is_some_and(|b| (0xE3..=0xED).contains(&b));
        if let Some(b) =
            byte.filter(|&b| !wide && (b.is_ascii_alphanumeric() || b == b'\'' || b >= 0x80))
        {
            if let Some(slot) = word.get_mut(length) {
                *slot = b.to_ascii_lowercase();
            }
            length += 1;
            continue;
        }
        if length > 0 {
            sample.words += 1;
            let common = word
                .get(..length)
                .and_then(|w| std::str::from_utf8(w).ok())
                .is_some_and(|w| keys::COMMON_WORDS.binary_search(&w).is_ok());
            sample.english += usize::from(common);
            length = 0;
        }
        if wide {
            sample.words += 1;
            bytes.nth(1); // its two continuation bytes
        }
        if byte.is_none() || sample.words >= SAMPLE_WORDS {
            return sample;
        }
    }
}

/// Whether step 1 finds the sample English: at least [`MIN_HITS`] common
/// English words, and a fifth of the words at least.
fn is_english(sample: &Sample) -> bool {
    sample.english >= MIN_HITS && sample.english * 5 >= sample.words
}

/// The language `text` is written in, or `None` when it does not say
/// clearly enough (see the module documentation).
pub fn detect(text: &str) -> Option<Language> {
    if is_english(&english_sample(text)) {
        return Some(Language::ENGLISH);
    }
    #[cfg(feature = "languages")]
    return detect_other(&sample(text));
    #[cfg(not(feature = "languages"))]
    None
}

/// Whether a comparison of these texts under `language` (the option:
/// "auto" or a code) needs the languages build: it names a language other
/// than English, or it is "auto" and a text is not found English by step 1.
/// Always false in the languages build itself.
pub fn needs_languages(texts: &[&str], language: &str) -> bool {
    if cfg!(feature = "languages") {
        return false;
    }
    match language {
        "en" => false,
        "auto" => texts.iter().any(|text| !is_english(&english_sample(text))),
        _ => true,
    }
}

/// Step 2's reading of the first [`SAMPLE_WORDS`] words of `text`: its
/// letters by script and its words in lower case.
#[cfg(feature = "languages")]
fn sample(text: &str) -> Sample {
    let mut sample = Sample::default();
    let mut word = String::new();
    let mut chars = text.chars();
    loop {
        let c = chars.next();
        if let Some(c) = c.filter(|&c| c.is_alphanumeric() || c == '\'' || c == '’') {
            if let Some(script) = script_of(c) {
                sample.letters[script as usize] += letter_weight(script);
            }
            word.extend(c.to_lowercase());
            continue;
        }
        let trimmed = word.trim_matches(|c| c == '\'' || c == '’');
        if !trimmed.is_empty() {
            sample.words += 1;
            sample.lowered.push(trimmed.to_owned());
        }
        word.clear();
        if c.is_none() || sample.words == SAMPLE_WORDS {
            return sample;
        }
    }
}

/// What a letter of `script` counts for when scripts are weighed: a Han
/// or kana character, or a Hangul syllable, holds about as much as three
/// letters of an alphabet (a Chinese word is one or two characters, an
/// English one five letters), so that identifiers and names in Latin
/// letters do not outweigh the Chinese text around them.
#[cfg(feature = "languages")]
fn letter_weight(script: Script) -> usize {
    match script {
        Script::Han | Script::Kana | Script::Hangul => 3,
        _ => 1,
    }
}

#[cfg(feature = "languages")]
fn script_of(c: char) -> Option<Script> {
    Some(match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x531..=0x58F => Script::Armenian,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x900..=0x97F => Script::Devanagari,
        0xE00..=0xE7F => Script::Thai,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9D => Script::Kana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => Script::Han,
        _ => return None,
    })
}

#[cfg(feature = "languages")]
fn detect_other(sample: &Sample) -> Option<Language> {
    const SCRIPTS: [Script; 11] = [
        Script::Latin,
        Script::Cyrillic,
        Script::Arabic,
        Script::Greek,
        Script::Hebrew,
        Script::Armenian,
        Script::Devanagari,
        Script::Thai,
        Script::Hangul,
        Script::Han,
        Script::Kana,
    ];
    let letters = |s: Script| sample.letters[s as usize];
    // Han and kana are one writing system for this purpose: Japanese mixes
    // both, and kana alone among Han says Japanese.
    let cjk = letters(Script::Han) + letters(Script::Kana);
    let (script, count) = SCRIPTS
        .iter()
        .filter(|&&s| s != Script::Han && s != Script::Kana)
        .map(|&s| (s, letters(s)))
        .chain([(Script::Han, cjk)])
        .max_by_key(|&(_, count)| count)?;
    if count < MIN_SCRIPT_LETTERS {
        return None;
    }
    let by_code = |code| Language::from_code(code);
    match script {
        Script::Han => {
            // Japanese writes its grammar in kana: a tenth of the letters
            // at least, where Chinese has none.
            if letters(Script::Kana) * 10 >= cjk {
                by_code("ja")
            } else {
                by_code("zh")
            }
        }
        Script::Cyrillic => by_letters(sample).or_else(|| by_common_words(sample, script)),
        Script::Latin | Script::Arabic => by_common_words(sample, script),
        other => Language::all().find(|l| l.spec().script == other),
    }
}

/// Russian or Ukrainian by the letters only one of them writes (Ukrainian
/// і ї є ґ, Russian ы э ъ ё), when the sample has a few of one and none of
/// the other: their common words overlap too much to tell them apart in a
/// short text.
#[cfg(feature = "languages")]
fn by_letters(sample: &Sample) -> Option<Language> {
    let count = |letters: &str| {
        sample
            .lowered
            .iter()
            .flat_map(|w| w.chars())
            .filter(|c| letters.contains(*c))
            .count()
    };
    match (count("іїєґ"), count("ыэъё")) {
        (uk, 0) if uk >= MIN_HITS => Language::from_code("uk"),
        (0, ru) if ru >= MIN_HITS => Language::from_code("ru"),
        _ => None,
    }
}

/// Among the languages written in `script`, the one whose common words the
/// sample holds clearly most of. A word on several of their lists ("de" is
/// French, Spanish, Portuguese, Romanian…) counts for each as a share, so
/// that the words only one language has decide.
#[cfg(feature = "languages")]
fn by_common_words(sample: &Sample, script: Script) -> Option<Language> {
    let candidates: Vec<Language> = Language::all()
        .filter(|l| l.spec().script == script)
        .collect();
    let sets: Vec<_> = candidates.iter().map(|&l| common_set(l)).collect();
    let mut scores = vec![(0.0f64, 0usize); candidates.len()];
    let mut holders = Vec::with_capacity(candidates.len());
    for word in &sample.lowered {
        holders.clear();
        holders.extend((0..candidates.len()).filter(|&i| sets[i].contains(word.as_str())));
        for &i in &holders {
            scores[i].0 += 1.0 / holders.len() as f64;
            scores[i].1 += 1;
        }
    }
    let mut ranked: Vec<usize> = (0..candidates.len()).collect();
    ranked.sort_by(|&a, &b| scores[b].0.total_cmp(&scores[a].0));
    let best = *ranked.first()?;
    let second = ranked.get(1).map_or(0.0, |&i| scores[i].0);
    let (score, hits) = scores[best];
    if hits < MIN_HITS {
        return None;
    }
    let runner_up = ranked.get(1).map(|&i| candidates[i]);
    if let Some(pair) = runner_up.and_then(|other| close_pair(candidates[best], other)) {
        return by_spelling(sample, pair);
    }
    (score >= 1.5 * second).then_some(candidates[best])
}

/// Danish and Norwegian Bokmål share most common words, and NLTK's
/// Norwegian list holds many that Danish writes too ("kan", "ingen",
/// "hvordan") where its Danish list does not: their lists cannot tell
/// them apart. Their spellings of a few of the commonest words can: Danish
/// "af, efter, mig, dig, sig, hvad, noget, nogle, op, ud" against
/// Norwegian "av, etter, meg, deg, seg, hva, noe, noen, opp, ut".
#[cfg(feature = "languages")]
const CLOSE_SPELLINGS: [(&str, [&str; 10]); 2] = [
    (
        "da",
        [
            "af", "dig", "efter", "hvad", "mig", "noget", "nogle", "op", "sig", "ud",
        ],
    ),
    (
        "no",
        [
            "av", "deg", "etter", "hva", "meg", "noe", "noen", "opp", "seg", "ut",
        ],
    ),
];

/// The pair of `a` and `b` when they are the close languages of
/// [`CLOSE_SPELLINGS`].
#[cfg(feature = "languages")]
fn close_pair(a: Language, b: Language) -> Option<[Language; 2]> {
    let [da, no] = CLOSE_SPELLINGS.map(|(code, _)| Language::from_code(code));
    let pair = [da?, no?];
    (pair.contains(&a) && pair.contains(&b) && a != b).then_some(pair)
}

/// Between the close pair, the one whose spellings the sample holds
/// clearly more of (at least [`MIN_HITS`], half again as many).
#[cfg(feature = "languages")]
fn by_spelling(sample: &Sample, pair: [Language; 2]) -> Option<Language> {
    let count = |words: &[&str]| {
        sample
            .lowered
            .iter()
            .filter(|w| words.contains(&w.as_str()))
            .count()
    };
    let [a, b] = CLOSE_SPELLINGS.map(|(_, words)| count(&words));
    if a >= MIN_HITS && 2 * a >= 3 * b {
        Some(pair[0])
    } else if b >= MIN_HITS && 2 * b >= 3 * a {
        Some(pair[1])
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_found_by_its_common_words() {
        let text = "The council said on Monday that the bridge would be closed for repairs.";
        assert_eq!(detect(text), Some(Language::ENGLISH));
    }

    #[test]
    fn a_headline_has_no_language() {
        assert_eq!(detect("Bridge closed"), None);
        assert_eq!(detect(""), None);
        assert_eq!(detect("12 345 678"), None);
    }

    #[test]
    fn the_core_build_needs_the_languages_build_for_anything_but_english() {
        let english = "The council said on Monday that the bridge would be closed.";
        assert!(!needs_languages(&[english, english], "auto"));
        assert!(!needs_languages(&[english], "en"));
        let german = "Der Rat sagte am Montag, dass die Brücke geschlossen wird.";
        assert_eq!(
            needs_languages(&[english, german], "auto"),
            !cfg!(feature = "languages")
        );
        assert_eq!(
            needs_languages(&[english], "de"),
            !cfg!(feature = "languages")
        );
    }

    #[cfg(feature = "languages")]
    #[test]
    fn each_language_of_the_fixtures_is_found() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/languages");
        for code in ["de", "fr", "es", "ru", "ar", "zh", "ja"] {
            for file in ["original", "rewrite", "unrelated"] {
                let text = std::fs::read_to_string(format!("{root}/{code}/{file}.txt")).unwrap();
                assert_eq!(
                    detect(&text).map(Language::code),
                    Some(code),
                    "{code}/{file}"
                );
            }
        }
    }

    #[cfg(feature = "languages")]
    #[test]
    fn scripts_of_their_own_name_their_language() {
        for (text, code) in [
            (
                "서울시는 월요일에 다리를 수리하기 위해 폐쇄한다고 밝혔다",
                "ko",
            ),
            ("กรุงเทพมหานครประกาศปิดสะพานเพื่อซ่อมแซมในวันจันทร์", "th"),
            (
                "Քաղաքապետարանը երկուշաբթի օրը հայտարարեց կամուրջի փակման մասին",
                "hy",
            ),
            ("העירייה הודיעה ביום שני כי הגשר ייסגר לשיפוצים", "he"),
            (
                "Το δημοτικό συμβούλιο ανακοίνωσε ότι η γέφυρα θα κλείσει",
                "el",
            ),
            ("नगर परिषद ने सोमवार को कहा कि पुल मरम्मत के लिए बंद रहेगा", "hi"),
        ] {
            assert_eq!(detect(text).map(Language::code), Some(code), "{text}");
        }
    }

    #[cfg(feature = "languages")]
    #[test]
    fn languages_sharing_a_script_are_told_apart_by_their_common_words() {
        // A sentence or two of news in each, written for this test.
        for (code, text) in [
            (
                "it",
                "Il consiglio comunale ha approvato lunedì il nuovo piano per il ponte, che sarà chiuso per lavori fino alla fine di marzo, secondo il sindaco.",
            ),
            (
                "pt",
                "A câmara municipal aprovou na segunda-feira o novo plano para a ponte, que vai ficar fechada para obras até ao fim de março, segundo o presidente.",
            ),
            (
                "nl",
                "De gemeenteraad heeft maandag het nieuwe plan voor de brug goedgekeurd, die tot eind maart voor werkzaamheden gesloten blijft, zei de burgemeester.",
            ),
            (
                "sv",
                "Kommunfullmäktige godkände på måndagen den nya planen för bron, som kommer att vara stängd för arbeten fram till slutet av mars, sade borgmästaren.",
            ),
            (
                "da",
                "Byrådet godkendte mandag den nye plan for broen, som vil være lukket for arbejde indtil udgangen af marts, sagde borgmesteren. Efter mødet sagde hun, at hun ikke vidste noget om prisen, og at nogle borgere havde klaget over det.",
            ),
            (
                "no",
                "Bystyret godkjente mandag den nye planen for brua, som vil være stengt for arbeid til utgangen av mars, sa ordføreren. Etter møtet sa hun at hun ikke visste noe om prisen, og at noen innbyggere hadde klaget på det.",
            ),
            (
                "fi",
                "Kaupunginvaltuusto hyväksyi maanantaina uuden suunnitelman sillalle, joka on suljettuna töiden vuoksi maaliskuun loppuun asti, kertoi pormestari, mutta se ei ole ensimmäinen kerta.",
            ),
            (
                "hu",
                "A városi tanács hétfőn jóváhagyta a híd új tervét, amely a munkálatok miatt március végéig zárva lesz, mondta a polgármester, és ez nem az első alkalom.",
            ),
            (
                "ro",
                "Consiliul local a aprobat luni noul plan pentru pod, care va fi închis pentru lucrări până la sfârșitul lunii martie, a spus primarul, și nu este prima dată.",
            ),
            (
                "tr",
                "Belediye meclisi pazartesi günü köprü için yeni planı onayladı, köprü mart ayının sonuna kadar çalışmalar nedeniyle kapalı olacak ve bu ilk kez değil, dedi belediye başkanı.",
            ),
            (
                "pl",
                "Rada miasta zatwierdziła w poniedziałek nowy plan dla mostu, który będzie zamknięty z powodu prac do końca marca, powiedział burmistrz, i to nie jest pierwszy raz.",
            ),
            (
                "id",
                "Dewan kota pada hari Senin menyetujui rencana baru untuk jembatan itu, yang akan ditutup untuk perbaikan sampai akhir bulan Maret, kata wali kota, dan ini bukan yang pertama kali.",
            ),
            (
                "vi",
                "Hội đồng thành phố hôm thứ Hai đã thông qua kế hoạch mới cho cây cầu, cây cầu sẽ bị đóng cửa để sửa chữa cho đến cuối tháng Ba, thị trưởng cho biết, và đây không phải là lần đầu tiên.",
            ),
            (
                "uk",
                "Міська рада в понеділок затвердила новий план для мосту, який буде закритий на ремонт до кінця березня, сказав мер, і це не вперше, що так відбувається.",
            ),
        ] {
            assert_eq!(detect(text).map(Language::code), Some(code), "{text}");
        }
    }

    #[test]
    fn a_few_english_words_in_japanese_do_not_make_it_english() {
        let text = "I once said WHEN: このコマンドは、指定されたファイルを読み込んで、その内容を標準出力に書き出します。";
        assert_ne!(detect(text), Some(Language::ENGLISH));
        assert!(needs_languages(&[text], "auto") || cfg!(feature = "languages"));
    }

    #[cfg(feature = "languages")]
    #[test]
    fn chinese_with_latin_identifiers_is_chinese() {
        let text = "使用 --recursive 选项时，find_files 会递归地搜索 src/main.rs 和 Cargo.toml 所在的目录，并输出匹配的文件名。";
        assert_eq!(detect(text).map(Language::code), Some("zh"));
    }

    #[cfg(feature = "languages")]
    #[test]
    fn short_texts_fall_back_to_no_language() {
        // Too few letters of a script, or too few common words, to tell.
        for text in ["東京", "Brücke", "Merkel, Macron", "мост", "ok"] {
            assert_eq!(detect(text), None, "{text}");
        }
    }

    #[cfg(feature = "languages")]
    #[test]
    fn units_of_scripts_without_spaces_count_as_parts_of_a_word() {
        let chinese = Rules::new(Language::from_code("zh"));
        assert!(chinese.weighs_units());
        assert_eq!(chinese.unit_parts("馆"), 2);
        assert_eq!(chinese.unit_parts("library"), 4);
        assert_eq!(chinese.unit_parts("2024"), 4);
        let japanese = Rules::new(Language::from_code("ja"));
        assert!(japanese.joins_hiragana_runs());
        assert!(!chinese.joins_hiragana_runs());
        assert_eq!(japanese.unit_parts("することができる"), 1);
        assert_eq!(japanese.unit_parts("プール"), 4);
        assert_eq!(japanese.unit_parts("権"), 2);
        let thai = Rules::new(Language::from_code("th"));
        assert_eq!(thai.unit_parts("ส"), 1);
        assert!(thai.spaces_end_sentences());
        // Lao, Khmer and Burmese are not detected: the neutral rules.
        let neutral = Rules::new(None);
        assert!(neutral.weighs_units() && neutral.spaces_end_sentences());
        for letter in ["ກ", "ក", "က"] {
            assert_eq!(neutral.unit_parts(letter), 1, "{letter}");
        }
        // English keeps every word whole, whatever its script.
        let english = Rules::english();
        assert!(!english.weighs_units());
        assert!(!english.spaces_end_sentences());
        assert_eq!(unspaced('a'), None);
        assert_eq!(unspaced('々'), Some(Unspaced::Han));
    }

    #[cfg(feature = "languages")]
    #[test]
    fn korean_stems_are_the_first_two_syllables() {
        let korean = Rules::new(Language::from_code("ko"));
        assert_eq!(korean.stem("권리를").as_deref(), Some("권리"));
        assert_eq!(korean.stem("권리는").as_deref(), Some("권리"));
        assert_eq!(korean.stem("권리").as_deref(), Some("권리"));
        assert_eq!(korean.stem("다").as_deref(), Some("다"));
        // A word not in Hangul is its own stem.
        assert_eq!(korean.stem("UN의").as_deref(), Some("UN의"));
    }

    #[cfg(feature = "languages")]
    #[test]
    fn stems_are_snowball_s_where_it_has_a_stemmer() {
        let german = Rules::new(Language::from_code("de"));
        assert_eq!(german.stem("brücken").as_deref(), Some("bruck"));
        assert!(german.is_common("und"));
        assert!(german.is_common("Und"));
        assert!(!german.is_common("brücke"));
        let english = Rules::english();
        assert_eq!(english.stem("bridges"), None);
        assert!(english.is_common("the"));
        let neutral = Rules::new(None);
        assert!(!neutral.is_common("the"));
        assert_eq!(neutral.stem("bridges"), None);
    }
}
