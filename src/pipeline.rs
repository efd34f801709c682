//! The stages after reading, in order, one line each: what a comparison of
//! two read texts ([`Text`]) does.

use crate::align::{self, Alignment};
use crate::budget::Budget;
use crate::cleanup;
use crate::diff::{self, Edit};
use crate::keys::Vocabulary;
use crate::label;
use crate::model::Findings;
use crate::options::Options;
use crate::refine;
use crate::runs::{self, Run};
use crate::text::Text;
use crate::verdict::{self, Shares};

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
    let runs = copied_runs(texts, vocabulary, options, &budget); // 4
    done("4 runs");
    let alignments = align::align(
        original,
        paraphrase,
        vocabulary,
        &runs,
        options.pair_threshold,
        &budget,
    ); // 5
    done("5 align");
    let edits = word_diffs(texts, &alignments, &runs, &budget); // 6
    done("6 diff");
    let shares = verdicts(texts, &alignments, &edits, &runs, vocabulary); // 7
    done("7 verdicts");
    let edits = folded(edits, original, vocabulary); // 8
    done("8 cleanup");
    let runs = with_fragments(runs, &edits, &shares, paraphrase, vocabulary); // 7, on the folded diffs
    done("7 fragments");
    let chars = refine::refine_pairs(texts, &edits, &runs, &budget); // 9
    done("9 refine");
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
    Findings {
        original_side: assembled.original,
        paraphrase_side: assembled.paraphrase,
        runs: assembled.runs,
        pairs: assembled.pairs,
        stats: assembled.stats,
        cut_short: budget.into_cut_short(),
        options: options.clone(),
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
        .map(|alignment| {
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
