//! The stages after reading, in order, one line each: what a comparison of
//! two read texts ([`Text`]) does. Each stage a reader is told of
//! ([`Stage`]) begins with a report to the budget's progress; the long
//! loops inside report how far they are.

use crate::align::{self, Alignment};
use crate::budget::Budget;
use crate::cleanup;
use crate::diff::{self, Edit};
use crate::keys::Vocabulary;
use crate::label;
use crate::language::Languages;
use crate::model::Findings;
use crate::options::Options;
use crate::progress::Stage;
use crate::refine;
use crate::runs::{self, Run};
use crate::text::Text;
use crate::verdict::{self, Shares};

/// As [`compare`], for texts in `languages`. Texts found in two different
/// languages pair sentences only when they are the same (similarity 1):
/// a sentence of one is no rewording of a sentence of the other, whatever
/// names and numbers they share. Passages copied word for word are still
/// found (a quotation left in its own language is copying).
pub fn compare_in(
    texts: (&Text<'_>, &Text<'_>),
    vocabulary: &Vocabulary,
    options: &Options,
    budget: Budget,
    languages: Languages,
) -> Findings {
    let mut findings = if languages.differ() {
        let strict = options.clone().pair_threshold(1.0);
        let mut findings = compare(texts, vocabulary, &strict, budget);
        findings.options = options.clone();
        findings
    } else {
        compare(texts, vocabulary, options, budget)
    };
    findings.languages = languages;
    findings
}

/// Compares two texts read with `vocabulary` (stages 1–3 are
/// [`Text::read`]'s) within `budget`.
pub fn compare(
    texts: (&Text<'_>, &Text<'_>),
    vocabulary: &Vocabulary,
    options: &Options,
    budget: Budget,
) -> Findings {
    compare_observed(texts, vocabulary, options, budget, |_| {})
}

/// As [`compare`], calling `done` with each stage's name as it ends (for
/// timing stage by stage: `examples/speed.rs`; the no-op [`compare`]
/// passes costs nothing).
pub fn compare_observed(
    (original, paraphrase): (&Text<'_>, &Text<'_>),
    vocabulary: &Vocabulary,
    options: &Options,
    budget: Budget,
    mut done: impl FnMut(&'static str),
) -> Findings {
    let texts = (original, paraphrase);
    stage_ends(&budget, Stage::Reading);
    let runs = copied_runs(texts, vocabulary, options, &budget); // 4
    done("4 runs");
    stage_ends(&budget, Stage::CopiedPassages);
    let alignments = align::align(
        original,
        paraphrase,
        vocabulary,
        &runs,
        options.pair_threshold,
        &budget,
    ); // 5
    done("5 align");
    stage_ends(&budget, Stage::SentencePairs);
    let pairs = alignments.len();
    let edits = word_diffs(texts, &alignments, &runs, &budget); // 6
    done("6 diff");
    budget.report_pair(0, pairs, 1);
    let shares = verdicts(texts, &alignments, &edits, &runs, vocabulary); // 7
    done("7 verdicts");
    budget.report_pair(0, pairs, 2);
    let edits = folded(edits, original, vocabulary); // 8
    done("8 cleanup");
    budget.report_pair(0, pairs, 3);
    let runs = with_fragments(runs, &edits, &shares, paraphrase, vocabulary); // 7, on the folded diffs
    done("7 fragments");
    let chars = refine::refine_pairs(texts, &edits, &runs, &budget); // 9
    done("9 refine");
    stage_ends(&budget, Stage::WordChanges);
    let assembled = label::assemble(
        &label::Assembly {
            original,
            paraphrase,
            vocabulary,
            runs: &runs,
            alignments: &alignments,
            edits: &edits,
            shares: &shares,
        },
        chars,
    ); // 10
    done("10 label");
    stage_ends(&budget, Stage::Labelling);
    Findings {
        original_side: assembled.original,
        paraphrase_side: assembled.paraphrase,
        runs: assembled.runs,
        pairs: assembled.pairs,
        stats: assembled.stats,
        cut_short: budget.into_cut_short(),
        options: options.clone(),
        languages: Languages::default(),
    }
}

/// Tells the budget's progress that `stage` is done and the next begins.
/// Out of line: it is called five times.
#[inline(never)]
fn stage_ends(budget: &Budget, stage: Stage) {
    budget.report(stage, 1, 1);
    if let Some(&next) = Stage::ALL.get(stage as usize + 1) {
        budget.report(next, 0, 1);
    }
}

/// The budget of one comparison of texts of `bytes` in all, starting now:
/// the searching stages get the options' time less a reserve for the work
/// after them ([`crate::budget::search_ms`]).
pub fn budget(options: &Options, bytes: usize) -> Budget {
    Budget::new(
        options
            .time_budget_ms
            .map(|ms| crate::budget::search_ms(ms, bytes)),
    )
}

/// Stage 4: the copied runs.
pub fn copied_runs(
    (original, paraphrase): (&Text<'_>, &Text<'_>),
    vocabulary: &Vocabulary,
    options: &Options,
    budget: &Budget,
) -> Vec<Run> {
    runs::find_runs(
        &runs::RunInput {
            original: &original.units.id,
            paraphrase: &paraphrase.units.id,
            vocabulary,
            paraphrase_quoted: &paraphrase.quoted,
            min_run: options.min_run as usize,
            original_sentences: &original.sentence_units(),
            paraphrase_sentences: &paraphrase.sentence_units(),
        },
        budget,
    )
}

/// Stage 6: each pair's word diff, anchored on the runs.
pub fn word_diffs(
    (original, paraphrase): (&Text<'_>, &Text<'_>),
    alignments: &[Alignment],
    runs: &[Run],
    budget: &Budget,
) -> Vec<Vec<Edit>> {
    let run_units: Vec<_> = runs
        .iter()
        .map(|run| (run.original.clone(), run.paraphrase.clone()))
        .collect();
    let mut clock = diff::Clock::new(budget);
    alignments
        .iter()
        .enumerate()
        .map(|(i, alignment)| {
            budget.report_pair(i, alignments.len(), 0);
            diff::diff_pair(
                &original.units.id,
                original.units_of(&alignment.original),
                &paraphrase.units.id,
                paraphrase.units_of(&alignment.paraphrase),
                &run_units,
                &mut clock,
            )
        })
        .collect()
}

/// Stage 7: each pair's shares and verdict, measured on its word diff
/// before lone common words are folded into the changes around them
/// (folding is for reading; a shared word still reached the rewrite).
pub fn verdicts(
    (original, paraphrase): (&Text<'_>, &Text<'_>),
    alignments: &[Alignment],
    edits: &[Vec<Edit>],
    runs: &[Run],
    vocabulary: &Vocabulary,
) -> Vec<Shares> {
    alignments
        .iter()
        .zip(edits)
        .map(|(alignment, edits)| {
            verdict::shares(
                (&original.units.id, original.units_of(&alignment.original)),
                (
                    &paraphrase.units.id,
                    paraphrase.units_of(&alignment.paraphrase),
                ),
                edits,
                runs,
                vocabulary,
            )
        })
        .collect()
}

/// Stage 8: lone common words between changes folded into them.
pub fn folded(
    edits: Vec<Vec<Edit>>,
    original: &Text<'_>,
    vocabulary: &Vocabulary,
) -> Vec<Vec<Edit>> {
    edits
        .into_iter()
        .map(|edits| cleanup::fold_islands(edits, &original.units.id, vocabulary))
        .collect()
}

/// Stage 7, second half: the unchanged stretches of copied and edited
/// pairs next to a run join the runs.
pub fn with_fragments(
    runs: Vec<Run>,
    edits: &[Vec<Edit>],
    shares: &[Shares],
    paraphrase: &Text<'_>,
    vocabulary: &Vocabulary,
) -> Vec<Run> {
    runs::with_fragments(
        runs,
        edits
            .iter()
            .zip(shares)
            .filter(|(_, shares)| shares.verdict.is_strong())
            .map(|(edits, _)| edits.as_slice()),
        &paraphrase.units.id,
        vocabulary,
        &paraphrase.quoted,
    )
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::time::Duration;

    use crate::progress::{Progress, Stage};
    use crate::{OffsetUnit, Options, compare_with, compare_with_progress, keys};

    /// A pair long enough for the loops to report from inside: copied
    /// stretches, reworded and new sentences, shuffled.
    fn pair() -> (String, String) {
        let sentence = |i: usize| {
            format!(
                "Sentence {i} tells of the council and bridge number {} across river {}.",
                i * 7 % 13,
                i % 5
            )
        };
        let original: Vec<String> = (0..3000).map(sentence).collect();
        let paraphrase: Vec<String> = (0..3000)
            .map(|i| match i % 4 {
                0 => sentence((i * 17) % 3000),
                1 => format!("A new line {i} about nothing the original said."),
                _ => sentence(i).replace("council", "assembly"),
            })
            .collect();
        (original.join(" "), paraphrase.join(" "))
    }

    #[test]
    fn progress_goes_through_the_stages_in_order_and_changes_nothing() {
        let (original, paraphrase) = pair();
        let options = Options {
            time_budget_ms: None,
            ..Options::default()
        };
        let heard = Rc::new(RefCell::new(Vec::new()));
        let kept = Rc::clone(&heard);
        let progress = Progress::new(Duration::ZERO, move |stage, share| {
            kept.borrow_mut().push((stage, share))
        });
        let observed = compare_with_progress(
            &original,
            &paraphrase,
            &options,
            &keys::nfkc,
            Some(progress),
        )
        .unwrap();
        let plain = compare_with(&original, &paraphrase, &options).unwrap();
        assert_eq!(
            observed.to_json(OffsetUnit::Utf8),
            plain.to_json(OffsetUnit::Utf8)
        );

        let heard = heard.borrow();
        // Every stage, in order; within one the share never goes back and
        // it ends at 1.
        let stages: Vec<Stage> = heard.iter().map(|&(stage, _)| stage).collect();
        assert!(stages.windows(2).all(|w| w[0] <= w[1]), "{stages:?}");
        for stage in Stage::ALL {
            let shares: Vec<f64> = heard
                .iter()
                .filter(|&&(s, _)| s == stage)
                .map(|&(_, share)| share)
                .collect();
            assert!(
                shares.windows(2).all(|w| w[0] <= w[1]),
                "{stage:?}: {shares:?}"
            );
            assert_eq!(shares.last(), Some(&1.0), "{stage:?}");
            assert!(shares.iter().all(|share| (0.0..=1.0).contains(share)));
        }
        // The long loops report from inside, not only at the stages' ends.
        for stage in [
            Stage::Reading,
            Stage::CopiedPassages,
            Stage::SentencePairs,
            Stage::WordChanges,
        ] {
            let inside = heard
                .iter()
                .filter(|&&(s, share)| s == stage && 0.0 < share && share < 1.0)
                .count();
            assert!(inside > 0, "{stage:?} reported nothing between its ends");
        }
    }
}
