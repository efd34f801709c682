// One text against several sources (www/sources.js): letters, each source's
// share from the engine's attribution, and the text's passages and
// sentences marked with the source they are attributed to.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, compareSources } from '../../www/pkg/article_diff.js';
import { Findings } from '../../www/findings.js';
import { letterOf, sourcesOf } from '../../www/sources.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });

test('letters run A to Z, then AA, AB…', () => {
  assert.deepEqual([0, 1, 25, 26, 27, 51, 52, 701, 702].map(letterOf), ['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
});

const A = 'The storm knocked out power to forty thousand homes across the county overnight. Crews from three neighbouring states arrived on Wednesday to help restore the lines.';
const B = 'Schools in the northern districts will stay closed until the roads are cleared of fallen trees. The governor declared a state of emergency and asked residents to stay off the roads.';
const C = 'Crews from three neighbouring states arrived on Wednesday to help restore the lines, the utility said.';
const TEXT = [
  'The governor declared a state of emergency and asked residents to stay off the roads.',
  'The storm knocked out power to forty thousand homes across the county overnight.',
  'Our reporter saw long lines at the only open petrol station in town.',
  'Crews from three neighbouring states arrived on Wednesday to help restore the lines, the utility said.',
].join(' ');

test("each passage and sentence is marked with its source; the legend is the engine's attribution", () => {
  const result = compareSources([A, B, C], TEXT);
  const attribution = result.attribution();
  const comparisons = result.comparisons.map((comparison, i) => {
    const findings = new Findings(
      { compact: comparison.compact(), stats: comparison.stats, complete: comparison.complete, cutShort: comparison.cutShort },
      { original: [A, B, C][i], paraphrase: TEXT },
    );
    comparison.free();
    return findings;
  });
  result.free();
  const marked = sourcesOf(comparisons, attribution, ['a.txt', 'b.txt', 'c.txt']);
  assert.deepEqual(marked.legend.map((s) => [s.letter, s.name]), [['A', 'a.txt'], ['B', 'b.txt'], ['C', 'c.txt']]);
  marked.legend.forEach((source, i) => {
    assert.equal(source.copiedWords, attribution.perSource[i].copiedWords);
    assert.equal(source.share, Math.round((source.copiedWords * 1000) / attribution.textWords) / 10);
  });
  // The third sentence of the text is new; the fourth is C's whole (A
  // holds its first part only, so the longer run, C's, takes it).
  assert.deepEqual(
    marked.passages.map(({ start, end, source }) => [TEXT.slice(start, end), source]),
    [
      ['The governor declared a state of emergency and asked residents to stay off the roads', 1],
      ['The storm knocked out power to forty thousand homes across the county overnight', 0],
      ['Crews from three neighbouring states arrived on Wednesday to help restore the lines, the utility said', 2],
    ],
  );
  assert.deepEqual(marked.sentences.map((s) => s.source), [1, 0, undefined, 2]);
  assert.equal(marked.whole.copiedWords, attribution.whole.copiedWords);
  assert.equal(marked.textWords, attribution.textWords);
});
