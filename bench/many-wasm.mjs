// `make bench`: one original against many rewrites in WebAssembly under
// Node (bench/README.md, "Many rewrites (WebAssembly)"): compareMany, which
// reads the original once, against as many compare() calls, which read it
// each time. The original is the first 2,000 words of bench/corpus.mjs's
// prose; each rewrite is one of its scenarios made from it (1% edits, 10%
// edits, a paraphrase, in turn), each with a seed of its own. Timed: the
// comparisons and each one's overview figures (`figures`, what an overview
// table needs), the handles freed. Builds nothing: run `make build` first.
//
//   node bench/many-wasm.mjs [--rewrites=100] [--words=2000] [--runs=7]

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countWords, makePair } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const WASM = join(root, 'www/pkg/article_diff_bg.wasm');
if (!existsSync(WASM)) {
  console.error('bench: www/pkg is missing; run `make build` first.');
  process.exit(2);
}
const { initSync, compare, compareMany } = await import('../www/pkg/article_diff.js');
initSync({ module: readFileSync(WASM) });

const argument = (name, fallback) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const REWRITES = argument('rewrites', 100);
const WORDS = argument('words', 2000);
const RUNS = argument('runs', 7);
const KINDS = ['edits-1%', 'edits-10%', 'paraphrase'];

const { original } = makePair(KINDS[0], WORDS, 1);
const rewrites = Array.from({ length: REWRITES }, (_, i) => {
  const pair = makePair(KINDS[i % KINDS.length], WORDS, i + 1);
  if (pair.original !== original) throw new Error('the scenarios must share their original');
  return pair.paraphrase;
});

/** The overview's figures of each comparison, each handle freed. */
function figuresOf(comparisons) {
  return comparisons.map((comparison) => {
    const figures = comparison.figures;
    if (!comparison.complete) throw new Error('a comparison ran out of its time budget');
    comparison.free();
    return figures;
  });
}

const ways = {
  compareMany: () => figuresOf(compareMany(original, rewrites)),
  'compare() each': () => figuresOf(rewrites.map((rewrite) => compare(original, rewrite))),
};
// One warm-up of each, then the runs interleaved, so that a busy spell of
// the machine falls on both.
const times = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
let overview = null;
for (const [name, run] of Object.entries(ways)) {
  const figures = run();
  overview ??= JSON.stringify(figures);
  if (JSON.stringify(figures) !== overview) throw new Error(`${name} gave other figures`);
}
for (let i = 0; i < RUNS; i++) {
  for (const [name, run] of Object.entries(ways)) {
    const started = performance.now();
    run();
    times[name].push(performance.now() - started);
  }
}

const words = (text) => countWords(text).toLocaleString('en');
const meanWords = Math.round(rewrites.reduce((sum, r) => sum + countWords(r), 0) / REWRITES);
console.log(
  `\nOne original (${words(original)} words) against ${REWRITES} rewrites (${meanWords.toLocaleString('en')} words on average; ` +
    `${KINDS.join(', ')} in turn), in WebAssembly under Node; best and median of ${RUNS} runs:\n`,
);
console.log('| how | best | median | per rewrite (best) |');
console.log('|---|---:|---:|---:|');
const ms = (value) => `${value.toFixed(1)} ms`;
for (const [name, list] of Object.entries(times)) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(`| ${name} | ${ms(sorted[0])} | ${ms(sorted[Math.floor(sorted.length / 2)])} | ${ms(sorted[0] / REWRITES)} |`);
}
const best = (name) => Math.min(...times[name]);
console.log(
  `\nReading the original once saves ${ms(best('compare() each') - best('compareMany'))} ` +
    `(${((1 - best('compareMany') / best('compare() each')) * 100).toFixed(0)}%); target: compareMany ≤ 150 ms.`,
);
