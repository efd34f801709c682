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

/// A fixture pair of `tests/fixtures/pairs/`.
pub fn pair(name: &str) -> (String, String) {
    (
        fixture(&format!("tests/fixtures/pairs/{name}/original.txt")),
        fixture(&format!("tests/fixtures/pairs/{name}/paraphrase.txt")),
    )
}
