//! The summary's wording, shared with the page: `www/wording.js` holds each
//! phrase once (its opening comment gives the notation), and the reports
//! fill the phrases in here as the page does in `www/model.js`. The file is
//! read when the crate is built; the browser build leaves it out, since only
//! the reports use it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::percent;
use crate::language::{Language, Languages};
use crate::model::Findings;

/// The page's module: a comment, then a JSON object after `export default`.
const SOURCE: &str = include_str!("../../www/wording.js");

/// The phrases by name, each a list of parts.
type Table = BTreeMap<String, Vec<String>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let json = SOURCE
            .split_once("\nexport default ")
            .map(|(_, object)| object.trim().trim_end_matches(';'))
            .unwrap_or_default();
        serde_json::from_str(json)
            .expect("www/wording.js holds a JSON object after `export default`")
    })
}

/// What a phrase may name, by name: the fields of the stats, each share in
/// percent (`copied_share`, …) and the stages cut short (`cut_short`), all
/// as the page writes them.
pub(crate) struct Values(BTreeMap<String, String>);

impl Values {
    pub(crate) fn of(findings: &Findings) -> Self {
        let s = findings.stats();
        let mut values: BTreeMap<String, String> = match serde_json::to_value(s) {
            Ok(serde_json::Value::Object(stats)) => stats
                .into_iter()
                .map(|(name, count)| (name, count.to_string()))
                .collect(),
            _ => BTreeMap::new(),
        };
        for (name, part, whole) in [
            ("copied_share", s.copied_words, s.paraphrase_words),
            ("reworded_share", s.reworded_words, s.paraphrase_words),
            ("new_share", s.new_words, s.paraphrase_words),
            ("kept_share", s.kept_words, s.original_words),
            (
                "original_reworded_share",
                s.original_reworded_words,
                s.original_words,
            ),
            ("dropped_share", s.dropped_words, s.original_words),
        ] {
            values.insert(name.into(), percent(part, whole).to_string());
        }
        values.insert("cut_short".into(), findings.cut_short().join(", "));
        let languages = findings.languages();
        for (name, language) in [
            ("original_language", languages.original),
            ("paraphrase_language", languages.paraphrase),
            ("used_language", languages.used),
        ] {
            let name_of = language.map_or("not determined", Language::name);
            values.insert(name.into(), name_of.into());
        }
        Values(values)
    }

    /// The values of a note on the stages cut short alone (`cutShort`).
    pub(crate) fn cut_short(stages: &[&str]) -> Self {
        Values(BTreeMap::from([("cut_short".into(), stages.join(", "))]))
    }
}

/// The phrase that says which language a comparison was made in, and
/// whether it is a note (texts in two languages) rather than a fact; the
/// page chooses the same way (`languagePhrase` in www/model.js).
pub(crate) fn language_phrase(languages: &Languages, values: &Values) -> (String, bool) {
    if languages.differ() {
        return (phrase("languagesDiffer", values), true);
    }
    let name = match languages.used {
        None => "languageUnknown",
        Some(used) if languages.original != Some(used) => "languageSet",
        Some(_) => "language",
    };
    (phrase(name, values), false)
}

/// Phrase `name` of `www/wording.js` filled in with `values`.
///
/// # Panics
///
/// When the file lacks the phrase, or the phrase names what `values` lack:
/// mistakes in the file, which the tests would meet first.
pub(crate) fn phrase(name: &str, values: &Values) -> String {
    let parts = table()
        .get(name)
        .unwrap_or_else(|| panic!("www/wording.js has no phrase {name}"));
    let mut text = String::new();
    for part in parts {
        let (optional, mut rest) = match part.strip_prefix('?') {
            Some(rest) => (true, rest),
            None => (false, part.as_str()),
        };
        let mut filled = String::new();
        let mut first = None;
        while let Some((before, after)) = rest.split_once('{') {
            let (inside, after) = after
                .split_once('}')
                .unwrap_or_else(|| panic!("www/wording.js: {name} has an unclosed {{"));
            let (key, forms) = match inside.split_once(':') {
                Some((key, forms)) => (key, forms.split_once('/')),
                None => (inside, None),
            };
            let value = values.0.get(key).unwrap_or_else(|| {
                panic!("www/wording.js: {name} names {key}, which the summary does not have")
            });
            first.get_or_insert(value.as_str());
            filled.push_str(before);
            filled.push_str(match forms {
                Some((one, _)) if value == "1" => one,
                Some((_, many)) => many,
                None => value,
            });
            rest = after;
        }
        filled.push_str(rest);
        if !(optional && first == Some("0")) {
            text.push_str(&filled);
        }
    }
    text
}

/// `text` with its first letter in upper case.
pub(crate) fn capitalized(text: &str) -> String {
    let mut letters = text.chars();
    letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare;

    #[test]
    fn every_phrase_fills_in() {
        let c = compare("One two three four five.", "One two three four five. Six.").unwrap();
        let values = Values::of(&c);
        for name in table().keys() {
            assert!(!phrase(name, &values).is_empty(), "{name}");
        }
        assert_eq!(
            phrase("sentences", &values),
            "1 sentence pair: 1 copied, 0 edited, 0 reworded (0 moved); 1 new sentence, 0 dropped"
        );
        assert_eq!(phrase("passages", &values), "1 copied passage (0 moved)");
        assert_eq!(
            phrase("paraphraseShares", &values),
            "6 words: copied 83.3%, reworded 0%, new 16.7%"
        );
    }

    #[test]
    fn a_part_whose_first_count_is_0_is_left_out() {
        let mut values = Values::of(&compare("One.", "Two.").unwrap());
        let without = phrase("sentences", &values);
        assert!(!without.contains("repeated"), "{without}");
        values.0.insert("repeated_sentences".into(), "2".into());
        assert!(phrase("sentences", &values).ends_with(", 2 repeated, 1 dropped"));
    }
}
