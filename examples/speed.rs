//! Times the native engine on pairs of files: reading both texts alone
//! (stages 1–3, [`Text::read`] on each side) against the whole comparison
//! ([`compare_with`]: reading included), and the comparison stage by stage.
//! `bench/bench.mjs` writes its inputs (`NAME.original.txt`,
//! `NAME.paraphrase.txt`) to a folder and runs this on it, for the column
//! "compare ÷ read" (issue 12, item 5).
//!
//! ```sh
//! cargo run --release --example speed -- FOLDER [RUNS]
//! ```
//!
//! Prints one JSON line per pair: `{"name", "words", "read_ms",
//! "compare_ms", "stages": {stage: ms}}`, each the best of RUNS runs (5 by
//! default; the machine is shared, so the best run is the least disturbed).
//! Runs without a time budget, so that every stage runs in full.

use std::collections::BTreeMap;
use std::time::Instant;

use article_diff::keys::{Vocabulary, nfkc};
use article_diff::text::Text;
use article_diff::{Options, compare_with, pipeline};

fn main() -> Result<(), String> {
    let mut arguments = std::env::args().skip(1);
    let folder = arguments.next().ok_or(
        "usage: speed FOLDER [RUNS] (FOLDER holds NAME.original.txt and NAME.paraphrase.txt)",
    )?;
    let runs: usize = match arguments.next() {
        Some(runs) => runs
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .ok_or(format!("RUNS must be a positive number, not {runs:?}"))?,
        None => 5,
    };
    let entries = std::fs::read_dir(&folder).map_err(|e| format!("{folder}: {e}"))?;
    let mut names: Vec<String> = entries
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".original.txt")?.to_string())
        })
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!("{folder} holds no NAME.original.txt"));
    }
    let mut options = Options::default();
    options.time_budget_ms = None;
    for name in names {
        let read = |side: &str| {
            let path = format!("{folder}/{name}.{side}.txt");
            std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))
        };
        let (original, paraphrase) = (read("original")?, read("paraphrase")?);
        let words = original.split_whitespace().count() + paraphrase.split_whitespace().count();
        let mut read_ms = f64::INFINITY;
        let mut compare_ms = f64::INFINITY;
        let mut stages: BTreeMap<&'static str, f64> = BTreeMap::new();
        for _ in 0..runs {
            let started = Instant::now();
            let mut vocabulary = Vocabulary::new(&nfkc);
            let o = Text::read(&original, &options, &mut vocabulary);
            let p = Text::read(&paraphrase, &options, &mut vocabulary);
            read_ms = read_ms.min(ms_since(started));
            drop((o, p, vocabulary));

            let started = Instant::now();
            let comparison =
                compare_with(&original, &paraphrase, &options).map_err(|e| e.to_string())?;
            compare_ms = compare_ms.min(ms_since(started));
            drop(comparison);

            // Every stage apart, both texts' reading summed, then the best
            // of the runs kept.
            let mut this_run: BTreeMap<&'static str, f64> = BTreeMap::new();
            let mut lap = Instant::now();
            let mut done = |stage| {
                *this_run.entry(stage).or_insert(0.0) += ms_since(lap);
                lap = Instant::now();
            };
            let mut vocabulary = Vocabulary::new(&nfkc);
            let o = Text::read_observed(&original, &options, &mut vocabulary, &mut done);
            let p = Text::read_observed(&paraphrase, &options, &mut vocabulary, &mut done);
            let budget = pipeline::budget(&options, original.len() + paraphrase.len());
            pipeline::compare_observed((&o, &p), &vocabulary, &options, budget, done);
            for (stage, ms) in this_run {
                let best = stages.entry(stage).or_insert(f64::INFINITY);
                *best = best.min(ms);
            }
        }
        let stages: Vec<String> = stages
            .iter()
            .map(|(stage, ms)| format!("{stage:?}:{ms:.3}"))
            .collect();
        println!(
            "{{\"name\":{name:?},\"words\":{words},\"read_ms\":{read_ms:.3},\"compare_ms\":{compare_ms:.3},\"stages\":{{{}}}}}",
            stages.join(",")
        );
    }
    Ok(())
}

fn ms_since(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}
