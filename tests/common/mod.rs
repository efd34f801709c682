//! Helpers shared by the integration tests and `examples/calibrate.rs`.
#![allow(dead_code)] // each test file uses a part

use std::path::Path;

/// Reads a file of the repository (a fixture), by its path from the root.
pub fn fixture(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full)
        .unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", full.display()))
}

/// The sentences of a text the simple way: split at a period followed by a
/// space and a capital, and at line breaks. Good enough for the fixture
/// prose, and independent of the engine's own sentence splitter.
pub fn simple_sentences(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let chars: Vec<char> = line.chars().collect();
        let mut current = String::new();
        for (i, &c) in chars.iter().enumerate() {
            current.push(c);
            let next_capital = chars.get(i + 2).is_some_and(|n| n.is_uppercase());
            if c == '.' && chars.get(i + 1) == Some(&' ') && next_capital {
                sentences.push(current.trim().to_string());
                current.clear();
            }
        }
        if !current.trim().is_empty() {
            sentences.push(current.trim().to_string());
        }
    }
    sentences
}

/// The words of a passage, by a key close to the engine's: letters and
/// digits in lower case.
pub fn word_keys(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The text's sentences in a shuffled order (deterministic for a seed).
pub fn shuffled_sentences(text: &str, seed: u64) -> String {
    let mut sentences = simple_sentences(text);
    // A linear congruential generator: deterministic, no dependency.
    let mut state = seed;
    for i in (1..sentences.len()).rev() {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = (state >> 33) as usize % (i + 1);
        sentences.swap(i, j);
    }
    sentences.join(" ")
}

/// The independent same-topic article pairs of `tests/fixtures/prose/`.
pub fn same_topic_pairs() -> Vec<(String, String)> {
    ["drought", "comet"]
        .iter()
        .map(|topic| {
            (
                fixture(&format!("tests/fixtures/prose/{topic}_a.txt")),
                fixture(&format!("tests/fixtures/prose/{topic}_b.txt")),
            )
        })
        .collect()
}

/// Every fixture pair of `tests/fixtures/pairs/`, by name.
pub const PAIRS: &[&str] = &[
    "quotation",
    "moved",
    "reworded",
    "split_merge",
    "unicode",
    "crlf",
    "unrelated",
    "howto_lists",
    "moved_edited",
    "repeated",
    "swapped_sections",
    "quote_marks",
    "attribution",
    "hard_wrapped",
];

/// A fixture pair of `tests/fixtures/pairs/`.
pub fn pair(name: &str) -> (String, String) {
    (
        fixture(&format!("tests/fixtures/pairs/{name}/original.txt")),
        fixture(&format!("tests/fixtures/pairs/{name}/paraphrase.txt")),
    )
}

/// The reference pair, read from `../shared/seeds/` (original, paraphrase).
///
/// # Panics
///
/// When the seeds are not beside the repository, as CI has them.
pub fn reference_pair() -> (String, String) {
    let seed = |name: &str| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/seeds")
            .join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|error| {
            panic!(
                "cannot read the reference pair at {}: {error}. The tests expect \
                 ../shared/seeds beside the repository, as CI has it.",
                path.display()
            )
        })
    };
    (
        seed("000_6b62ce62292d1908.txt"),
        seed("004_406426a349353b31.txt"),
    )
}

/// Independent texts on one topic, as (original, paraphrase) comparisons:
/// each article pair of `tests/fixtures/prose/` both ways, and the student
/// answers each against each.
pub fn independent_texts() -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for topic in ["drought", "comet", "school", "airline"] {
        let a = fixture(&format!("tests/fixtures/prose/{topic}_a.txt"));
        let b = fixture(&format!("tests/fixtures/prose/{topic}_b.txt"));
        texts.push((a.clone(), b.clone()));
        texts.push((b, a));
    }
    for i in 1..=3 {
        for j in (1..=3).filter(|&j| j != i) {
            texts.push((
                fixture(&format!("tests/fixtures/prose/answers_{i}.txt")),
                fixture(&format!("tests/fixtures/prose/answers_{j}.txt")),
            ));
        }
    }
    texts
}

/// One case of `tests/fixtures/short/rewrites.txt`.
pub struct ShortCase {
    /// `derived` or `unrelated`.
    pub derived: bool,
    /// Its name.
    pub name: String,
    /// What it shows.
    pub description: String,
    /// The original passage.
    pub original: String,
    /// The paraphrase.
    pub paraphrase: String,
}

/// The cases of `tests/fixtures/short/rewrites.txt` (format in its README).
pub fn short_cases() -> Vec<ShortCase> {
    let text = fixture("tests/fixtures/short/rewrites.txt");
    text.split("\n\n")
        .filter(|block| block.starts_with("## "))
        .map(|block| {
            let lines: Vec<&str> = block.lines().collect();
            let (kind, name) = lines[0][3..]
                .split_once(": ")
                .unwrap_or_else(|| panic!("a case header without a kind: {}", lines[0]));
            let field = |prefix: &str| {
                lines
                    .iter()
                    .find_map(|l| l.strip_prefix(prefix))
                    .unwrap_or_else(|| panic!("{name}: no line {prefix:?}"))
                    .to_string()
            };
            ShortCase {
                derived: kind == "derived",
                name: name.to_string(),
                description: lines.get(1).unwrap_or(&"").to_string(),
                original: field("original: "),
                paraphrase: field("paraphrase: "),
            }
        })
        .collect()
}
