// The coverage of the original by many rewrites (www/coverage.js): each
// original sentence counted once per rewrite that reuses it, by a copied
// passage or a sentence pair, on cases whose answer is known.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, compare } from '../../www/pkg/article_diff.js';
import { SHADES, coverageOf, shadeOf } from '../../www/coverage.js';
import { Findings } from '../../www/findings.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });

/** The page's Findings of one comparison, as the worker hands them over. */
function findings(original, paraphrase) {
  const result = compare(original, paraphrase);
  try {
    return new Findings({ compact: result.compact(), stats: result.stats, complete: result.complete, cutShort: result.cutShort }, { original, paraphrase });
  } finally {
    result.free();
  }
}

const ORIGINAL = [
  'The city council voted seven to two on Tuesday to build a new bridge across the Elm River.',
  'Construction is expected to begin next spring and to last about three years.',
  'Opponents said the money would be better spent repairing the roads the town already has.',
  'The mayor thanked residents for the hundreds of letters they sent during the debate.',
].join(' ');

test('each original sentence counts the rewrites that reuse it', () => {
  const copiesFirst = 'The city council voted seven to two on Tuesday to build a new bridge across the Elm River. Nothing else here is taken from anywhere at all.';
  const copiesFirstAndThird =
    'Opponents said the money would be better spent repairing the roads the town already has. ' +
    'The city council voted seven to two on Tuesday to build a new bridge across the Elm River.';
  const unrelated = 'Bananas grow in warm places and are picked while they are still green.';
  const coverage = coverageOf([findings(ORIGINAL, copiesFirst), findings(ORIGINAL, copiesFirstAndThird), findings(ORIGINAL, unrelated)]);
  assert.equal(coverage.rewrites, 3);
  assert.equal(coverage.sentences.length, 4);
  // The second rewrite's run from the third sentence runs on into the
  // fourth's first word ("The"): that alone does not reuse the fourth.
  assert.deepEqual(coverage.counts, [2, 0, 1, 0]);
  assert.equal(ORIGINAL.slice(coverage.sentences[2].start, coverage.sentences[2].end), 'Opponents said the money would be better spent repairing the roads the town already has.');
});

test('a reworded sentence (a pair without copied words) counts as reuse', () => {
  // Two short texts: a shared content word and a like length pair them.
  const original = ORIGINAL.split(/(?<=\.) /).slice(0, 2).join(' ');
  const reworded = 'Building is due to start next spring and should take roughly three years.';
  const one = findings(original, reworded);
  assert.equal(one.compact.runs.length, 0, 'nothing is copied');
  assert.equal(one.pairCount, 1, 'the engine pairs the reworded sentence');
  assert.deepEqual(coverageOf([one]).counts, [1, 1]);
});

test('a rewrite that was not compared is left out of the counts', () => {
  const coverage = coverageOf([null, findings(ORIGINAL, ORIGINAL), null]);
  assert.equal(coverage.rewrites, 1);
  assert.deepEqual(coverage.counts, [1, 1, 1, 1]);
  assert.deepEqual(coverageOf([null]), { sentences: [], counts: [], rewrites: 0 });
});

test('shades run from none to all, every count of a batch has one', () => {
  for (const total of [1, 2, 3, 7, 40]) {
    assert.equal(shadeOf(0, total), 0);
    assert.equal(shadeOf(total, total), SHADES - 1);
    let previous = 0;
    for (let count = 1; count < total; count++) {
      const shade = shadeOf(count, total);
      assert.ok(shade >= 1 && shade <= SHADES - 2, `${count} of ${total}: shade ${shade}`);
      assert.ok(shade >= previous, 'shades never go down as the count goes up');
      previous = shade;
    }
  }
});
