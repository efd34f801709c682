//! Measures the pair verdicts' thresholds (`src/verdict.rs`) and the
//! evidence the aligner asks of a pair (`src/align.rs`), on inputs written
//! for the project:
//!
//! - **rewordings** made by people: the derived cases of
//!   `tests/fixtures/short/rewrites.txt`, the `reworded` fixture pair, and
//!   the reference pair's rewritten sentences (when `../shared/seeds` is
//!   there): they should be `reworded`;
//! - **light edits** made from the sentences of `tests/fixtures/prose/`: one
//!   to three words replaced, inserted or dropped: they should be `edited`
//!   (or `copied`, when the sentence is long and one word changed);
//! - **framed copies**: a sentence quoted with an attribution added, or
//!   introduced by a clause: they should be `copied`;
//! - **independent texts** on one topic (the prose articles and the student
//!   answers): how many of their words come out reworded or copied;
//! - **short rewrites and unrelated short pairs**: how many pair.
//!
//! Run with `cargo run --release --example verdicts`; `docs/verdicts.md`
//! holds the figures that chose the constants.

use article_diff::{Verdict, compare};

#[path = "../tests/common/mod.rs"]
mod common;

use common::{fixture, independent_texts, pair, reference_pair, short_cases, simple_sentences};

/// The shares of the best pair of two texts, if they pair.
fn shares(original: &str, paraphrase: &str) -> Option<(f64, f64, Verdict)> {
    let c = compare(original, paraphrase).ok()?;
    c.pairs()
        .iter()
        .map(|p| (p.kept_share, p.derived_share, p.verdict))
        .max_by(|a, b| a.0.min(a.1).total_cmp(&b.0.min(b.1)))
}

/// A deterministic stream of numbers.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize % below.max(1)
    }
}

/// A sentence with `count` words replaced, inserted or dropped.
fn edited(sentence: &str, count: usize, how: usize, rng: &mut Lcg) -> String {
    const OTHER: [&str; 8] = [
        "several", "quietly", "regional", "earlier", "formal", "broad", "local", "new",
    ];
    let mut words: Vec<String> = sentence.split(' ').map(String::from).collect();
    for _ in 0..count {
        let at = 1 + rng.next(words.len().saturating_sub(2));
        let other = OTHER[rng.next(OTHER.len())].to_string();
        match how {
            0 => words[at] = other,
            1 => words.insert(at, other),
            _ => {
                if words.len() > 3 {
                    words.remove(at);
                }
            }
        }
    }
    words.join(" ")
}

fn percent(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

fn main() {
    // ---- rewordings made by people ----------------------------------------
    let mut rewordings: Vec<(f64, f64)> = Vec::new();
    for case in short_cases().iter().filter(|c| c.derived) {
        if let Some((k, d, _)) = shares(&case.original, &case.paraphrase) {
            rewordings.push((k, d));
        }
    }
    let (original, paraphrase) = pair("reworded");
    if let Ok(c) = compare(&original, &paraphrase) {
        rewordings.extend(c.pairs().iter().map(|p| (p.kept_share, p.derived_share)));
    }
    // The reference pair's rewritten sentences: those not quoted.
    let (o, p) = reference_pair();
    if let Ok(c) = compare(&o, &p) {
        rewordings.extend(
            c.pairs()
                .iter()
                .filter(|p| !c.paraphrase_text(&p.paraphrase).starts_with('“'))
                .map(|p| (p.kept_share, p.derived_share)),
        );
    }

    // ---- light edits and framed copies of the prose sentences --------------
    let mut sentences: Vec<String> = Vec::new();
    for topic in ["drought_a", "comet_a", "school_a", "airline_a"] {
        let text = fixture(&format!("tests/fixtures/prose/{topic}.txt"));
        sentences.extend(
            simple_sentences(&text)
                .into_iter()
                .filter(|s| (10..=40).contains(&s.split(' ').count()) && !s.contains('"')),
        );
    }
    let mut rng = Lcg(7);
    let mut edits: Vec<(usize, usize, f64, f64, Verdict)> = Vec::new();
    for sentence in &sentences {
        let words = sentence.split(' ').count();
        for count in 1..=3 {
            for how in 0..3 {
                let rewrite = edited(sentence, count, how, &mut rng);
                if let Some((k, d, v)) = shares(sentence, &rewrite) {
                    edits.push((count, words, k, d, v));
                }
            }
        }
    }
    let mut framed = (0, 0);
    // Sentences ending in an abbreviation ("the U.S.") would lose its period.
    for sentence in sentences.iter().filter(|s| !s.ends_with("S.")) {
        let body = sentence.trim_end_matches('.');
        for rewrite in [
            format!("“{body},” said the Valley Courier."),
            format!("According to the report, “{body}.”"),
            format!("The paper wrote that {body} and that more would follow."),
        ] {
            framed.1 += 1;
            if shares(sentence, &rewrite).is_some_and(|s| s.2 == Verdict::Copied) {
                framed.0 += 1;
            }
        }
    }

    println!("Edited threshold: share of pairs with kept and derived shares both at least E");
    println!(
        "{:>5} {:>22} {:>22} {:>22}",
        "E", "rewordings (people)", "1 word changed", "2-3 words changed"
    );
    for e in [0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8] {
        let over = |k: f64, d: f64| k.min(d) >= e;
        let people = rewordings.iter().filter(|(k, d)| over(*k, *d)).count();
        let one: Vec<_> = edits.iter().filter(|e| e.0 == 1).collect();
        let more: Vec<_> = edits.iter().filter(|e| e.0 > 1).collect();
        println!(
            "{e:>5.2} {:>15.1}% of {:>3} {:>15.1}% of {:>3} {:>15.1}% of {:>3}",
            percent(people, rewordings.len()),
            rewordings.len(),
            percent(one.iter().filter(|x| over(x.2, x.3)).count(), one.len()),
            one.len(),
            percent(more.iter().filter(|x| over(x.2, x.3)).count(), more.len()),
            more.len(),
        );
    }
    for (label, of) in [("min", f64::min as fn(f64, f64) -> f64), ("max", f64::max)] {
        let mut highest: Vec<String> = Vec::new();
        let mut values: Vec<f64> = rewordings.iter().map(|(k, d)| of(*k, *d)).collect();
        values.sort_by(|a, b| b.total_cmp(a));
        highest.extend(values.iter().take(6).map(|v| format!("{v:.2}")));
        let mut edit_values: Vec<f64> = edits.iter().map(|e| of(e.2, e.3)).collect();
        edit_values.sort_by(|a, b| a.total_cmp(b));
        println!(
            "{label}(kept, derived): rewordings' highest {}; light edits' lowest {:.2}",
            highest.join(", "),
            edit_values.first().copied().unwrap_or(0.0)
        );
    }
    println!();
    println!("Verdicts with the constants as set:");
    for (label, filter) in [
        ("1 word changed", 1..=1),
        ("2 words changed", 2..=2),
        ("3 words changed", 3..=3),
    ] {
        let group: Vec<_> = edits.iter().filter(|e| filter.contains(&e.0)).collect();
        let count = |v: Verdict| group.iter().filter(|e| e.4 == v).count();
        println!(
            "  {label:<16} copied {:>5.1}%  edited {:>5.1}%  reworded {:>5.1}%  (of {})",
            percent(count(Verdict::Copied), group.len()),
            percent(count(Verdict::Edited), group.len()),
            percent(count(Verdict::Reworded), group.len()),
            group.len()
        );
    }
    println!(
        "  framed copies    copied {:>5.1}% (of {})",
        percent(framed.0, framed.1),
        framed.1
    );
    let people_reworded = rewordings
        .iter()
        .filter(|(k, d)| {
            article_diff::verdict::Shares::verdict_of(*k, *d, (*k, *d)) == Verdict::Reworded
        })
        .count();
    println!(
        "  rewordings       reworded {:>5.1}% (of {})",
        percent(people_reworded, rewordings.len()),
        rewordings.len()
    );

    // ---- independent texts and short pairs ---------------------------------
    println!();
    let mut words = [0u32; 3];
    let texts = independent_texts();
    for (a, b) in &texts {
        let c = compare(a, b).unwrap();
        let s = c.stats();
        words[0] += s.paraphrase_words;
        words[1] += s.reworded_words;
        words[2] += s.copied_words;
    }
    println!(
        "Independent texts on one topic ({} comparisons): {:.1}% of words reworded, {:.1}% copied",
        texts.len(),
        percent(words[1] as usize, words[0] as usize),
        percent(words[2] as usize, words[0] as usize)
    );
    let cases = short_cases();
    let paired = |derived: bool| {
        let group: Vec<_> = cases.iter().filter(|c| c.derived == derived).collect();
        let found = group
            .iter()
            .filter(|c| compare(&c.original, &c.paraphrase).is_ok_and(|r| !r.pairs().is_empty()))
            .count();
        (found, group.len())
    };
    let (derived, unrelated) = (paired(true), paired(false));
    println!(
        "Short rewrites paired: {} of {}; short unrelated pairs paired: {} of {}",
        derived.0, derived.1, unrelated.0, unrelated.1
    );
}
