// The JavaScript module and the command line, in Node: the model they return
// matches docs/article-diff-1.schema.json, and its UTF-16 offsets slice
// JavaScript strings exactly.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { initSync, compare as compareWasm } from '../../www/pkg/article_diff.js';
import { Findings } from '../../www/findings.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });
const schema = JSON.parse(readFileSync(join(root, 'docs/article-diff-1.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

/** The article-diff/1 model of a comparison (compare() returns a handle). */
function compare(original, paraphrase, options) {
  const result = compareWasm(original, paraphrase, options);
  try {
    return result.toJSON();
  } finally {
    result.free();
  }
}

const read = (path) => readFileSync(join(root, path), 'utf8');

/** The native command line (cargo test builds it). */
function cli() {
  const binary = ['debug', 'release'].map((profile) => join(root, 'target', profile, 'article-diff')).find(existsSync);
  assert.ok(binary, 'build the command line first (cargo build)');
  return binary;
}
const pairs = [
  ['example', read('www/example/original.txt'), read('www/example/paraphrase.txt')],
  ...['quotation', 'moved', 'reworded', 'split_merge', 'unicode', 'crlf', 'unrelated'].map((name) => [
    name,
    read(`tests/fixtures/pairs/${name}/original.txt`),
    read(`tests/fixtures/pairs/${name}/paraphrase.txt`),
  ]),
  ['empty', '', ''],
  ['astral', 'Emoji 😀 and 𝒜 letters \u{1F469}\u{200D}\u{1F4BB} here, then more words follow.', 'Then 😀 and 𝒜 letters \u{1F469}\u{200D}\u{1F4BB} here, then more words follow!'],
];

function assertValid(model, name) {
  const valid = validate(model);
  assert.ok(valid, `${name}: ${JSON.stringify(validate.errors, null, 1)}`);
}

/** Every span, sentence and range slices the JS string as it says. */
function assertSlices(model, original, paraphrase) {
  for (const [side, text] of [['original', original], ['paraphrase', paraphrase]]) {
    assert.equal(model[side].length, text.length);
    let at = 0;
    for (const span of model[side].spans) {
      assert.equal(span.start, at);
      assert.equal(text.slice(span.start, span.end), span.text);
      at = span.end;
    }
    assert.equal(at, text.length);
  }
  for (const run of model.runs) {
    assert.ok(original.slice(...run.original).length > 0);
    assert.ok(paraphrase.slice(...run.paraphrase).length > 0);
  }
}

for (const [name, original, paraphrase] of pairs) {
  test(`compare() on ${name} matches the schema and slices exactly`, () => {
    const model = compare(original, paraphrase);
    assert.equal(model.offsets, 'utf-16');
    assertValid(model, name);
    assertSlices(model, original, paraphrase);
  });
}

test('a spent time budget is reported and the model stays valid', () => {
  const [, original, paraphrase] = pairs[0];
  const model = compare(original, paraphrase, { time_budget_ms: 0 });
  assert.equal(model.complete, false);
  assert.ok(model.cut_short.length > 0);
  assertValid(model, 'spent budget');
  assertSlices(model, original, paraphrase);
});

test('the compact arrays say what the JSON model says', () => {
  for (const [name, original, paraphrase] of pairs) {
    const result = compareWasm(original, paraphrase);
    const model = result.toJSON();
    const findings = new Findings(
      { compact: result.compact(), stats: result.stats, complete: result.complete, cutShort: result.cutShort },
      { original, paraphrase },
    );
    result.free();
    assert.deepEqual(findings.stats, model.stats, name);
    for (const side of ['original', 'paraphrase']) {
      const spans = findings.spansIn(side, [0, model[side].length + 1]);
      const expected = model[side].spans.map(({ text, counterpart, ...rest }) =>
        counterpart ? { ...rest, target: counterpart[0] } : rest,
      );
      assert.deepEqual(spans, expected, `${name}: ${side} spans`);
      assert.equal(findings.sentenceCount(side), model[side].sentences.length);
      model[side].sentences.forEach((sentence, i) => assert.deepEqual(findings.sentence(side, i), { pair: undefined, ...sentence }));
    }
    assert.equal(findings.pairCount, model.pairs.length);
    model.pairs.forEach((pair, i) => {
      const { changed, ...mine } = findings.pair(i);
      assert.deepEqual({ ...mine, similarity: Math.round(mine.similarity * 1000) / 1000 }, {
        ...pair,
        ops: pair.ops.map((op) => ({ chars: [], ...op })),
      });
      assert.equal(changed, pair.ops.some((op) => op.op !== 'equal'));
    });
  }
});

test('a result holds its counts without building the model', () => {
  const result = compareWasm('The council voted to build a bridge.', 'The council voted to build a tunnel.');
  assert.equal(result.stats.copied_words, 6);
  assert.equal(result.complete, true);
  assert.deepEqual(result.cutShort, []);
  assert.equal(JSON.parse(JSON.stringify(result)).format, 'article-diff/1');
  result.free();
});

test('bad options are errors with a message', () => {
  assert.throws(() => compare('a', 'b', { min_run: 'four' }), /invalid options: invalid type: string "four"/);
  assert.throws(() => compare('a', 'b', { colour: true }), /unknown field `colour`/);
  assert.throws(() => compare('a', 'b', { pair_threshold: 7 }), /option pair_threshold must be from 0 to 1/);
});

test("the browser's NFKC gives what the native one gives", () => {
  const cases = [
    pairs.find(([name]) => name === 'unicode'),
    ['compatibility', 'The ﬁnal ＡＢＣ report… ２０２５ ｶﾀｶﾅ ½ cost, it said.', 'The final ABC report... 2025 カタカナ 1⁄2 cost, it said.'],
  ];
  const folder = mkdtempSync(join(tmpdir(), 'article-diff-'));
  for (const [name, original, paraphrase] of cases) {
    const files = [join(folder, `${name}-o.txt`), join(folder, `${name}-p.txt`)];
    writeFileSync(files[0], original);
    writeFileSync(files[1], paraphrase);
    const native = JSON.parse(execFileSync(cli(), ['-f', 'json', '--offsets', 'utf-16', ...files], { encoding: 'utf8' }));
    const fromWasm = compare(original, paraphrase);
    assert.deepEqual(fromWasm.stats, native.stats, name);
    assert.deepEqual(fromWasm.paraphrase.spans, native.paraphrase.spans, name);
  }
  rmSync(folder, { recursive: true });
});

test('the command line prints the same model, in UTF-8 offsets by default', () => {
  const binary = cli();
  const files = ['www/example/original.txt', 'www/example/paraphrase.txt'].map((p) => join(root, p));
  const utf8 = JSON.parse(execFileSync(binary, ['--format', 'json', ...files], { encoding: 'utf8' }));
  assert.equal(utf8.offsets, 'utf-8');
  assertValid(utf8, 'cli utf-8');
  const utf16 = JSON.parse(
    execFileSync(binary, ['--format', 'json', '--offsets', 'utf-16', ...files], { encoding: 'utf8' }),
  );
  const fromWasm = compare(pairs[0][1], pairs[0][2]);
  assert.deepEqual(utf16.stats, fromWasm.stats);
  assert.deepEqual(utf16.original.spans, fromWasm.original.spans);
  assert.deepEqual(utf16.pairs, fromWasm.pairs);
});

test('the schema refuses a model that breaks it', () => {
  const model = compare('The council voted to build a bridge.', 'The council voted to build a tunnel.');
  assert.ok(validate(model));
  for (const breakIt of [
    (m) => delete m.stats.copied_words,
    (m) => (m.paraphrase.spans[0].kind = 'borrowed'),
    (m) => (m.pairs[0].similarity = 1.5),
    (m) => (m.runs[0].original = [1]),
  ]) {
    const broken = structuredClone(model);
    breakIt(broken);
    assert.equal(validate(broken), false);
  }
});
