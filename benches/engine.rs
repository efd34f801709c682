//! The native engine, stage by stage (`cargo bench --bench engine`, part of
//! `make bench`). Inputs are built from the fixture prose: the four articles
//! of `tests/fixtures/prose/`, repeated to about 50,000 words, against a
//! rewrite with its sentences shuffled and every twentieth word changed.
//! Each stage is timed on the output of the stages before it, through the
//! functions `src/pipeline.rs` runs them with.

use std::hint::black_box;

use article_diff::budget::Budget;
use article_diff::keys::{Vocabulary, nfkc};
use article_diff::sentences::sentences_and_quoted_units;
use article_diff::text::Text;
use article_diff::tokenize::tokenize;
use article_diff::{OffsetUnit, Options, align, compare, label, pipeline, refine};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn inputs() -> (String, String) {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/prose");
    let mut prose = String::new();
    for name in ["drought_a", "drought_b", "comet_a", "comet_b"] {
        prose.push_str(&std::fs::read_to_string(format!("{folder}/{name}.txt")).unwrap());
        prose.push('\n');
    }
    let original = prose.repeat(32);
    let mut sentences: Vec<&str> = original.split_inclusive(". ").collect();
    let mut state = 7u64;
    for i in (1..sentences.len()).rev() {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        sentences.swap(i, (state >> 33) as usize % (i + 1));
    }
    let paraphrase: String = sentences
        .concat()
        .split(' ')
        .enumerate()
        .map(|(i, word)| if i % 20 == 19 { "changed" } else { word })
        .collect::<Vec<_>>()
        .join(" ");
    (original, paraphrase)
}

fn stages(c: &mut Criterion) {
    let (original, paraphrase) = inputs();
    let options = Options::default();
    let words =
        (original.split_whitespace().count() + paraphrase.split_whitespace().count()) as u64;
    let mut group = c.benchmark_group("engine");
    group.throughput(Throughput::Elements(words));
    group.sample_size(20);

    group.bench_function("1 tokenize", |b| {
        b.iter(|| {
            (
                tokenize(black_box(&original), true),
                tokenize(black_box(&paraphrase), true),
            )
        })
    });
    let (ot, pt) = (tokenize(&original, true), tokenize(&paraphrase, true));

    group.bench_function("2 keys", |b| {
        b.iter(|| {
            let mut vocabulary = Vocabulary::new(&nfkc);
            let o = vocabulary.units(&original, &ot, &options);
            let p = vocabulary.units(&paraphrase, &pt, &options);
            (o.len(), p.len())
        })
    });
    let mut vocabulary = Vocabulary::new(&nfkc);
    let o_units = vocabulary.units(&original, &ot, &options);
    let p_units = vocabulary.units(&paraphrase, &pt, &options);

    group.bench_function("3 sentences", |b| {
        b.iter(|| {
            let o = sentences_and_quoted_units(&original, &ot, &o_units, vocabulary.rules());
            let p = sentences_and_quoted_units(&paraphrase, &pt, &p_units, vocabulary.rules());
            (o.0.len(), p.0.len())
        })
    });
    group.bench_function("1-3 read both texts", |b| {
        b.iter(|| {
            let mut vocabulary = Vocabulary::new(&nfkc);
            let o = Text::read(black_box(&original), &options, &mut vocabulary);
            let p = Text::read(black_box(&paraphrase), &options, &mut vocabulary);
            (o.units.len(), p.units.len())
        })
    });
    let mut vocabulary = Vocabulary::new(&nfkc);
    let o = Text::read(&original, &options, &mut vocabulary);
    let p = Text::read(&paraphrase, &options, &mut vocabulary);
    let texts = (&o, &p);
    let unlimited = || Budget::new(None);

    group.bench_function("4 runs", |b| {
        b.iter(|| pipeline::copied_runs(texts, &vocabulary, &options, &unlimited()).len())
    });
    let runs = pipeline::copied_runs(texts, &vocabulary, &options, &unlimited());
    let align = || {
        align::align(
            &o,
            &p,
            &vocabulary,
            &runs,
            options.pair_threshold,
            &unlimited(),
        )
    };
    group.bench_function("5 align", |b| b.iter(|| align().len()));
    let alignments = align();
    group.bench_function("6 diff pairs", |b| {
        b.iter(|| pipeline::word_diffs(texts, &alignments, &runs, &unlimited()).len())
    });
    let edits = pipeline::word_diffs(texts, &alignments, &runs, &unlimited());
    group.bench_function("7 verdicts", |b| {
        b.iter(|| pipeline::verdicts(texts, &alignments, &edits, &runs, &vocabulary).len())
    });
    let shares = pipeline::verdicts(texts, &alignments, &edits, &runs, &vocabulary);
    let edits = pipeline::folded(edits, &o, &vocabulary);
    let runs = pipeline::with_fragments(runs, &edits, &shares, &p, &vocabulary);
    group.bench_function("9 refine", |b| {
        b.iter(|| refine::refine_pairs(texts, &edits, &runs, &unlimited()).len())
    });
    let chars = refine::refine_pairs(texts, &edits, &runs, &unlimited());
    group.bench_function("10 labels, spans and statistics", |b| {
        b.iter(|| {
            label::assemble(
                &label::Assembly {
                    original: &o,
                    paraphrase: &p,
                    vocabulary: &vocabulary,
                    runs: &runs,
                    alignments: &alignments,
                    edits: &edits,
                    shares: &shares,
                },
                chars.clone(),
            )
            .stats
            .copied_words
        })
    });

    group.bench_function("whole compare", |b| {
        b.iter(|| {
            compare(black_box(&original), black_box(&paraphrase))
                .unwrap()
                .stats()
                .copied_words
        })
    });
    let comparison = compare(&original, &paraphrase).unwrap();
    group.bench_function("compact result (UTF-16)", |b| {
        b.iter(|| {
            comparison
                .to_compact(&original, &paraphrase, OffsetUnit::Utf16)
                .paraphrase
                .span_info
                .len()
        })
    });
    group.bench_function("JSON result", |b| {
        b.iter(|| comparison.to_json(OffsetUnit::Utf8).len())
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
