//! The native engine, stage by stage (`cargo bench --bench engine`, part of
//! `make bench`). Inputs are built from the fixture prose: the four articles
//! of `tests/fixtures/prose/`, repeated to about 50,000 words, against a
//! rewrite with its sentences shuffled and every twentieth word changed.
//! Each stage is timed on the output of the stages before it; "7 refine"
//! refines every small change of the pairs, whether or not it turns out to
//! be a near match.

use std::hint::black_box;

use article_diff::budget::Budget;
use article_diff::keys::{Vocabulary, nfkc};
use article_diff::runs::{RunInput, find_runs};
use article_diff::sentences::{quoted_tokens, sentences};
use article_diff::tokenize::tokenize;
use article_diff::{OffsetUnit, Options, align, cleanup, compare, diff, label, refine, verdict};
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
            let o = sentences(&original, &ot, &o_units);
            let p = sentences(&paraphrase, &pt, &p_units);
            (o.len(), p.len(), quoted_tokens(&paraphrase, &pt).len())
        })
    });
    let o_sentences = sentences(&original, &ot, &o_units);
    let p_sentences = sentences(&paraphrase, &pt, &p_units);
    let quoted_tokens = quoted_tokens(&paraphrase, &pt);
    let quoted: Vec<bool> = p_units
        .token
        .iter()
        .map(|&t| quoted_tokens[t as usize])
        .collect();
    let o_ranges: Vec<_> = o_sentences.iter().map(|s| s.units.clone()).collect();
    let p_ranges: Vec<_> = p_sentences.iter().map(|s| s.units.clone()).collect();
    let input = RunInput {
        original: &o_units.id,
        paraphrase: &p_units.id,
        vocabulary: &vocabulary,
        paraphrase_quoted: &quoted,
        min_run: options.min_run as usize,
        original_sentences: &o_ranges,
        paraphrase_sentences: &p_ranges,
    };

    group.bench_function("4 runs", |b| {
        b.iter(|| find_runs(black_box(&input), &Budget::new(None)).len())
    });
    let runs = find_runs(&input, &Budget::new(None));
    let o_side = align::Side {
        sentences: &o_sentences,
        units: &o_units,
    };
    let p_side = align::Side {
        sentences: &p_sentences,
        units: &p_units,
    };

    let align = || {
        align::align(
            &o_side,
            &p_side,
            &vocabulary,
            &runs,
            options.pair_threshold,
            &Budget::new(None),
        )
    };
    group.bench_function("5 align", |b| b.iter(|| align().len()));
    let alignments = align();
    let run_units: Vec<_> = runs
        .iter()
        .map(|r| (r.original.clone(), r.paraphrase.clone()))
        .collect();

    // A pair's units on each side.
    let pair_units = |a: &align::Alignment| {
        (
            o_sentences[a.original.start as usize].units.start
                ..o_sentences[a.original.end as usize - 1].units.end,
            p_sentences[a.paraphrase.start as usize].units.start
                ..p_sentences[a.paraphrase.end as usize - 1].units.end,
        )
    };
    // Each pair's word diff, as the comparison makes it.
    let diff_pair = |a: &align::Alignment| {
        let (o, p) = pair_units(a);
        diff::diff_pair(
            &o_units.id,
            o,
            &p_units.id,
            p,
            &run_units,
            &Budget::new(None),
        )
    };

    group.bench_function("6 diff pairs", |b| {
        b.iter(|| alignments.iter().map(|a| diff_pair(a).len()).sum::<usize>())
    });

    // Shares and verdicts, from each pair's diff before folding.
    let pair_shares = |a: &align::Alignment| {
        let (o, p) = pair_units(a);
        verdict::shares(
            (&o_units.id, o),
            (&p_units.id, p),
            &diff_pair(a),
            &runs,
            &vocabulary,
        )
    };
    group.bench_function("6b diff pairs and verdicts", |b| {
        b.iter(|| {
            alignments
                .iter()
                .filter(|a| pair_shares(a).verdict.is_strong())
                .count()
        })
    });
    let shares: Vec<verdict::Shares> = alignments.iter().map(pair_shares).collect();
    let edits: Vec<Vec<diff::Edit>> = alignments
        .iter()
        .map(|a| cleanup::fold_islands(diff_pair(a), &o_units.id, &vocabulary))
        .collect();
    // The small changes a comparison refines, as text.
    let bytes = |tokens: &[article_diff::tokenize::Token],
                 units: &article_diff::keys::Units,
                 r: &std::ops::Range<u32>| {
        let first = tokens[units.token[r.start as usize] as usize].start;
        let last = tokens[units.token[r.end as usize - 1] as usize].end;
        first..last
    };
    let small: Vec<(std::ops::Range<u32>, std::ops::Range<u32>)> = edits
        .iter()
        .flatten()
        .filter(|e| {
            !e.equal && (1..=3).contains(&e.original.len()) && (1..=3).contains(&e.paraphrase.len())
        })
        .map(|e| {
            (
                bytes(&ot, &o_units, &e.original),
                bytes(&pt, &p_units, &e.paraphrase),
            )
        })
        .collect();
    group.bench_function("7 refine", |b| {
        b.iter(|| {
            small
                .iter()
                .filter_map(|(o, p)| {
                    refine::refine(
                        &original[o.start as usize..o.end as usize],
                        o.start,
                        &paraphrase[p.start as usize..p.end as usize],
                        p.start,
                    )
                })
                .count()
        })
    });
    group.bench_function("8 labels, spans and statistics", |b| {
        b.iter(|| {
            label::assemble(&label::Assembly {
                original: label::Text {
                    text: &original,
                    tokens: &ot,
                    units: &o_units,
                    sentences: &o_sentences,
                },
                paraphrase: label::Text {
                    text: &paraphrase,
                    tokens: &pt,
                    units: &p_units,
                    sentences: &p_sentences,
                },
                vocabulary: &vocabulary,
                paraphrase_quoted: &quoted,
                runs: &runs,
                alignments: &alignments,
                edits: &edits,
                shares: &shares,
                budget: &Budget::new(None),
            })
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
