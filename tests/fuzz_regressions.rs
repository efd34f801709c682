//! Every input the fuzz targets (`fuzz/`) ever failed on, kept in
//! `fuzz/regressions/TARGET/`, and their seed inputs in `fuzz/seeds/TARGET/`,
//! checked with the same functions the targets use, on the stable toolchain.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/decoding.rs"]
mod decoding;
#[path = "common/invariants.rs"]
mod invariants;
#[path = "common/reports.rs"]
mod reports;

use std::path::Path;

/// The files of `fuzz/{seeds,regressions}/TARGET`, with their contents.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    for kind in ["seeds", "regressions"] {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz")
            .join(kind)
            .join(target);
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue; // .gitkeep
            }
            let bytes = std::fs::read(&path).unwrap();
            found.push((path.display().to_string(), bytes));
        }
    }
    found.sort();
    found
}

fn check_all(target: &str, check: impl Fn(&[u8]) -> Result<(), String>) {
    let inputs = inputs(target);
    assert!(!inputs.is_empty(), "no inputs for the {target} target");
    let failures: Vec<String> = inputs
        .iter()
        .filter_map(|(name, bytes)| check(bytes).err().map(|e| format!("{name}: {e}")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn comparison_inputs() {
    check_all("compare", |bytes| {
        let (original, paraphrase, options) = invariants::comparison_input(bytes);
        invariants::check_comparison(&original, &paraphrase, &options)
    });
}

#[test]
fn report_inputs() {
    check_all("report", |bytes| {
        let (original, paraphrase, options) = invariants::comparison_input(bytes);
        reports::check_reports(&original, &paraphrase, &options)
    });
}

#[test]
fn tokenizer_inputs() {
    check_all("tokenize", |bytes| {
        invariants::check_tokens(&String::from_utf8_lossy(bytes))
    });
}

#[test]
fn decoding_inputs() {
    check_all("decode", decoding::check_decoding);
}
