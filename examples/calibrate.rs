//! Measures how the defaults of `min_run` and `pair_threshold` behave, on
//! the inputs they were chosen from:
//!
//! - the reference pair in `../shared/seeds/` (when present): how many words
//!   are copied inside and outside quotations, and which sentences pair;
//! - independent articles on the same topic (`tests/fixtures/prose/`): what
//!   is "copied" there is chance, and should stay under 5%;
//! - rewrites made by shuffling the sentences of those articles: everything
//!   is copied, so at least 95% should be found;
//! - the fixture pairs `reworded` (every sentence should pair) and
//!   `unrelated` (none should);
//! - for the switches, rewrites that exercise each one: sentences re-quoted
//!   after "Reports say that" with a lower-case first letter, straight quotes
//!   made typographic, commas removed (the worst article of each is shown),
//!   and the `unicode` fixture with its original composed (NFC) and its
//!   rewrite decomposed (NFD).
//!
//! Run with `cargo run --release --example calibrate`.

use std::fs;
use std::path::Path;

use article_diff::{Comparison, Options, compare_with};

#[path = "../tests/common/mod.rs"]
mod common;

use common::{pair, same_topic_pairs, shuffled_sentences, simple_sentences};
use unicode_normalization::UnicodeNormalization;

fn read(path: &str) -> Option<String> {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).ok()
}

fn copied_share(c: &Comparison<'_>) -> f64 {
    let s = c.stats();
    100.0 * s.copied_words as f64 / s.paraphrase_words.max(1) as f64
}

/// The reference pair's expected sentence pairs, by the first words of each
/// paraphrase sentence and of the original sentence it derives from.
const SEED_PAIRS: &[(&str, &str)] = &[
    (
        "The United States and China are now",
        "The United States and China have pledged",
    ),
    ("“Following two days", "Following two days"),
    ("“No specific details", "No specific details"),
    ("Whitney says that this", "But given the long history"),
    ("He sited the most recent", "The US has frequently pointed"),
    ("“There was an honest", "\"There was an honest"),
    ("While the issue at hand", "Kerry added that work"),
    (
        "“The Secretary of State said",
        "The Secretary of State said",
    ),
];

fn seed_pairing(c: &Comparison<'_>) -> (usize, usize) {
    let o = &c.original_side().sentences;
    let p = &c.paraphrase_side().sentences;
    let mut right = 0;
    for pair in c.pairs() {
        let p_text = c.paraphrase_text(&p[pair.paraphrase_sentences.start as usize].range);
        let o_texts: Vec<&str> = pair
            .original_sentences
            .clone()
            .map(|i| c.original_text(&o[i as usize].range))
            .collect();
        if SEED_PAIRS
            .iter()
            .any(|(ps, os)| p_text.starts_with(ps) && o_texts.iter().any(|t| t.starts_with(os)))
        {
            right += 1;
        }
    }
    (right, c.pairs().len())
}

/// Each sentence re-quoted after "Reports say that", lower-case initial.
fn requoted(text: &str) -> String {
    simple_sentences(text)
        .iter()
        .map(|s| {
            let mut chars = s.chars();
            let first = chars
                .next()
                .map(|c| c.to_lowercase().to_string())
                .unwrap_or_default();
            format!("Reports say that {first}{}", chars.as_str())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Straight quotes and apostrophes made typographic.
fn typographic(text: &str) -> String {
    let mut open = false;
    text.chars()
        .map(|c| match c {
            '"' => {
                open = !open;
                if open { '“' } else { '”' }
            }
            '\'' => '’',
            c => c,
        })
        .collect()
}

fn main() {
    let seed = (
        read("../shared/seeds/000_6b62ce62292d1908.txt"),
        read("../shared/seeds/004_406426a349353b31.txt"),
    );
    let topics = same_topic_pairs();
    let reworded = pair("reworded");
    let unrelated = pair("unrelated");
    let articles: Vec<&String> = topics.iter().flat_map(|(a, b)| [a, b]).collect();
    let shuffles: Vec<(String, String)> = articles
        .iter()
        .flat_map(|a| (1..=3).map(move |s| ((*a).clone(), shuffled_sentences(a, s))))
        .collect();

    println!(
        "min_run | seed: quoted copied | seed: copied unquoted | same topic: copied % (max) | shuffled: copied % (min) | moved runs"
    );
    for min_run in [2, 3, 4, 5, 6, 8] {
        let options = Options::default().min_run(min_run);
        let seed_cells = match &seed {
            (Some(o), Some(p)) => {
                let c = compare_with(o, p, &options).unwrap();
                (
                    format!("{}", c.stats().quoted_copied_words),
                    format!("{}", c.stats().unquoted_copied_words),
                )
            }
            _ => ("(no seeds)".into(), "-".into()),
        };
        let same_topic = topics
            .iter()
            .flat_map(|(a, b)| [(a, b), (b, a)])
            .map(|(a, b)| copied_share(&compare_with(a, b, &options).unwrap()))
            .fold(0.0f64, f64::max);
        let mut shuffled_min = 100.0f64;
        let mut moved = 0;
        for (original, paraphrase) in &shuffles {
            let c = compare_with(original, paraphrase, &options).unwrap();
            shuffled_min = shuffled_min.min(copied_share(&c));
            moved += c.stats().moved_runs;
        }
        println!(
            "{min_run:7} | {:>18} | {:>21} | {:>26.1} | {:>24.1} | {moved}",
            seed_cells.0, seed_cells.1, same_topic, shuffled_min
        );
    }

    // In the order of the table's columns.
    let transforms: [fn(&str) -> String; 3] = [requoted, typographic, |text| text.replace(',', "")];
    let (unicode_original, unicode_paraphrase) = pair("unicode");
    let composed: String = unicode_original.nfc().collect();
    let decomposed: String = unicode_paraphrase.nfd().collect();
    println!(
        "option (others default) | re-quoted, lower case | typographic quotes | commas removed | NFD unicode pair | same topic (max)"
    );
    let switches: [(&str, Options); 5] = [
        ("defaults", Options::default()),
        ("ignore_case off", Options::default().ignore_case(false)),
        (
            "unify_punctuation off",
            Options::default().unify_punctuation(false),
        ),
        (
            "normalize_unicode off",
            Options::default().normalize_unicode(false),
        ),
        (
            "ignore_punctuation on",
            Options::default().ignore_punctuation(true),
        ),
    ];
    for (name, options) in switches {
        let cells: Vec<String> = transforms
            .iter()
            .map(|transform| {
                let worst = articles
                    .iter()
                    .map(|a| copied_share(&compare_with(a, &transform(a), &options).unwrap()))
                    .fold(100.0f64, f64::min);
                format!("{worst:.1}%")
            })
            .collect();
        let nfd = copied_share(&compare_with(&composed, &decomposed, &options).unwrap());
        let same_topic = topics
            .iter()
            .flat_map(|(a, b)| [(a, b), (b, a)])
            .map(|(a, b)| copied_share(&compare_with(a, b, &options).unwrap()))
            .fold(0.0f64, f64::max);
        println!(
            "{name:23} | {:>21} | {:>18} | {:>14} | {nfd:>15.1}% | {same_topic:.1}%",
            cells[0], cells[1], cells[2]
        );
    }

    println!();
    println!(
        "pair_threshold | seed: right pairs / pairs (of {}) | reworded: pairs (of 5) | unrelated: pairs | same topic: pairs",
        SEED_PAIRS.len()
    );
    for threshold in [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4] {
        let options = Options::default().pair_threshold(threshold);
        let seed_cell = match &seed {
            (Some(o), Some(p)) => {
                let (right, all) = seed_pairing(&compare_with(o, p, &options).unwrap());
                format!("{right} / {all}")
            }
            _ => "(no seeds)".into(),
        };
        let count = |(a, b): &(String, String)| compare_with(a, b, &options).unwrap().pairs().len();
        let same: Vec<String> = topics.iter().map(|t| count(t).to_string()).collect();
        println!(
            "{threshold:14} | {seed_cell:>33} | {:>22} | {:>16} | {}",
            count(&reworded),
            count(&unrelated),
            same.join(", ")
        );
    }
}
