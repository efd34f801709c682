// The overview of many rewrites (www/overview.js): sorting, and the CSV the
// command line's `-f csv` writes (src/cli/many.rs), column for column.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, compareMany } from '../../www/pkg/article_diff.js';
import { COLUMNS, overviewCsv, sortedOrder } from '../../www/overview.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });

const figures = (words, copied, longestPassage) => ({
  words,
  copied,
  reworded: 0,
  new: 100 - copied,
  movedPassages: 0,
  unquotedCopiedWords: 0,
  longestPassage,
});
const ENTRIES = [
  { name: 'b.txt', figures: figures(120, 50, 9) },
  { name: 'broken.txt', error: 'broken.txt looks like a binary file' },
  { name: 'a10.txt', figures: figures(80, 12.5, 30) },
  { name: 'a9.txt', figures: figures(120, 75, 9) },
];

test('sorting by a column, either way; ties keep their order; failures go last', () => {
  assert.deepEqual(sortedOrder(ENTRIES, 'words', 'ascending'), [2, 0, 3, 1]);
  assert.deepEqual(sortedOrder(ENTRIES, 'words', 'descending'), [0, 3, 2, 1]);
  assert.deepEqual(sortedOrder(ENTRIES, 'copied', 'descending'), [3, 0, 2, 1]);
  // Names in natural order: a9 before a10.
  assert.deepEqual(sortedOrder(ENTRIES, 'name', 'ascending'), [3, 2, 0, 1]);
  assert.deepEqual(sortedOrder(ENTRIES, 'name', 'descending'), [0, 2, 3, 1]);
});

test('the CSV has the command line columns, a row a rewrite, failures with their message', () => {
  const csv = overviewCsv([...ENTRIES, { name: 'a, "quoted" name', figures: figures(3, 0, 0) }]);
  const lines = csv.split('\r\n');
  assert.equal(lines.at(-1), '', 'every line ends with CR LF');
  assert.equal(lines[0], 'name,words,copied_percent,reworded_percent,new_percent,moved_passages,unquoted_copied_words,longest_passage_words,error');
  assert.equal(lines[1], 'b.txt,120,50,0,50,0,0,9,');
  assert.equal(lines[2], 'broken.txt,,,,,,,,broken.txt looks like a binary file');
  assert.equal(lines[3], 'a10.txt,80,12.5,0,87.5,0,0,30,');
  assert.equal(lines[5], '"a, ""quoted"" name",3,0,0,100,0,0,0,');
  assert.equal(COLUMNS.length + 2, lines[0].split(',').length);
});

/** The native command line (cargo test builds it). */
function cli() {
  return ['debug', 'release'].map((profile) => join(root, 'target', profile, 'article-diff')).find(existsSync);
}

test("the CSV equals the command line's for the same texts", { skip: !cli() && 'build the command line first (cargo build)' }, () => {
  const read = (path) => readFileSync(join(root, path), 'utf8');
  const original = read('www/example/original.txt');
  const rewrites = [read('www/example/paraphrase.txt'), 'Nothing copied at all here.', original];
  const dir = mkdtempSync(join(tmpdir(), 'overview-'));
  try {
    writeFileSync(join(dir, 'original.txt'), original);
    const names = rewrites.map((text, i) => {
      const name = join(dir, `rewrite-${i + 1}.txt`);
      writeFileSync(name, text);
      return name;
    });
    const expected = execFileSync(cli(), ['-f', 'csv', join(dir, 'original.txt'), ...names], { encoding: 'utf8' });
    const compared = compareMany(original, rewrites);
    const entries = compared.map((comparison, i) => ({ name: names[i], figures: comparison.figures }));
    for (const comparison of compared) comparison.free();
    assert.equal(overviewCsv(entries), expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
