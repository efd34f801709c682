// Nothing lost (www/keep.js, www/about.js): what is kept of the texts and
// how it is read back; what an export says it compared (inputs, date,
// options), and the JSON export with those fields still matching
// docs/article-diff-1.schema.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { inputInWords, labelledJson, manyInputs, optionsInWords, pairInputs, whenOf } from '../../www/about.js';
import { TextKeeper, keptRecord, keptTexts } from '../../www/keep.js';
import { compare, compareSources, initSync, optionRules } from '../../www/pkg/article_diff.js';
import { defaultOptions } from '../../www/state.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });
const rules = optionRules();
const schema = JSON.parse(readFileSync(join(root, 'docs/article-diff-1.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

const ORIGINAL = 'The council voted on Monday to build a new bridge over the river. Work starts in May.';
const REWRITE = 'The council voted on Monday to build a new bridge over the river, officials said. A new sentence.';

/** The engine's JSON text of a comparison, as the worker hands it to the page. */
function engineJson(original, paraphrase) {
  const result = compare(original, paraphrase, defaultOptions(rules));
  try {
    return result.json();
  } finally {
    result.free();
  }
}

test('what is kept: the mode, each text and the name given to it; nothing for empty boxes', () => {
  const set = {
    mode: 'rewrites',
    originals: [{ name: 'Original', own: null, text: 'a' }],
    rewrites: [
      { name: 'wire.txt', own: 'wire.txt', text: 'b 😀 <script>' },
      { name: 'Rewrite 2', own: null, text: '' },
    ],
  };
  const record = keptRecord(set);
  assert.deepEqual(record, {
    version: 1,
    mode: 'rewrites',
    originals: [{ name: null, text: 'a' }],
    rewrites: [
      { name: 'wire.txt', text: 'b 😀 <script>' },
      { name: null, text: '' },
    ],
  });
  assert.deepEqual(keptTexts(structuredClone(record)), { mode: 'rewrites', originals: record.originals, rewrites: record.rewrites });
  const empty = { mode: 'rewrites', originals: [{ name: 'Original', own: null, text: '' }], rewrites: [{ name: 'Paraphrase', own: null, text: '' }] };
  assert.equal(keptRecord(empty), null);
  // An empty box with a name given is still worth keeping.
  assert.notEqual(keptRecord({ ...empty, rewrites: [{ name: 'x.txt', own: 'x.txt', text: '' }] }), null);
});

test('a kept record this page did not write reads as nothing', () => {
  const good = { version: 1, mode: 'sources', originals: [{ name: null, text: 'a' }], rewrites: [{ name: null, text: 'b' }] };
  assert.ok(keptTexts(good));
  for (const bad of [
    null,
    'text',
    { ...good, version: 2 },
    { ...good, mode: 'other' },
    { ...good, rewrites: [{ name: null, text: 'b' }, { name: null, text: 'c' }] },
    { ...good, originals: [{ name: 3, text: 'a' }] },
    { ...good, originals: [] },
  ]) {
    assert.equal(keptTexts(bad), null, JSON.stringify(bad));
  }
});

test('with no storage at all the keeper says so once and keeps nothing', async () => {
  assert.equal(globalThis.indexedDB, undefined, 'Node has no IndexedDB');
  const reasons = [];
  let saved = 0;
  const keeper = new TextKeeper({ onRefused: (reason) => reasons.push(reason), onSaved: () => saved++ });
  assert.equal(await keeper.load(), null);
  keeper.saveSoon(() => ({ mode: 'rewrites', originals: [{ own: null, text: 'a' }], rewrites: [{ own: null, text: 'b' }] }));
  await keeper.flush();
  assert.equal(await keeper.forget(), false);
  assert.deepEqual(reasons, ['this browser does not let the page store anything']);
  assert.equal(keeper.refused, true);
  assert.equal(saved, 0);
});

test('the options in words', () => {
  assert.equal(
    optionsInWords(defaultOptions(rules)),
    `Letter case ignored; all quote marks, apostrophes and dashes alike; Unicode normalized; punctuation compared; copied passages of at least ${rules.defaults.min_run} words.`,
  );
  const other = { ignore_case: false, unify_punctuation: false, normalize_unicode: false, ignore_punctuation: true, min_run: 1 };
  assert.equal(
    optionsInWords(other),
    'Letter case compared; quote marks, apostrophes and dashes as typed; Unicode as typed; punctuation ignored; copied passages of at least 1 word.',
  );
  assert.match(optionsInWords({ ...other, language: 'de' }), /; copied passages of at least 1 word; language set to German\.$/);
});

test('the date in ISO 8601 and in words, in UTC', () => {
  const { iso, readable } = whenOf(new Date(Date.UTC(2026, 10, 30, 22, 41, 5)));
  assert.equal(iso, '2026-11-30T22:41:05.000Z');
  assert.match(readable, /^30 November 2026(,| at) 22:41 UTC$/);
});

test('the inputs of one pair and of many, with their words', () => {
  assert.deepEqual(pairInputs({ original: 'Original', paraphrase: 'story.txt' }, { original_words: 120, paraphrase_words: 1 }).map(inputInWords), [
    'Original: 120 words',
    'story.txt (Paraphrase): 1 word',
  ]);
  const findings = (original_words, paraphrase_words) => ({ stats: { original_words, paraphrase_words } });
  const rewrites = {
    mode: 'rewrites',
    entries: [
      { name: 'Rewrite 1', findings: null, error: 'too long' },
      { name: 'b.txt', findings: findings(1200, 900) },
    ],
  };
  assert.deepEqual(manyInputs(rewrites, 'report.txt').map(inputInWords), [
    'report.txt (Original): 1,200 words',
    'Rewrite 1: not compared',
    'b.txt (Rewrite 2): 900 words',
  ]);
  const sources = {
    mode: 'sources',
    entries: [
      { name: 'Source A', letter: 'A', findings: findings(30, 80) },
      { name: 'wire.txt', letter: 'B', findings: findings(40, 80) },
    ],
  };
  assert.deepEqual(manyInputs(sources, 'Text').map(inputInWords), ['Source A: 30 words', 'wire.txt (Source B): 40 words', 'Text: 80 words']);
});

test("the page's JSON names the inputs and the date, and still matches the schema", () => {
  const exported = '2026-11-30T22:41:05.000Z';
  const json = engineJson(ORIGINAL, REWRITE);
  const model = JSON.parse(labelledJson(json, { exported, names: { original: 'report.txt', paraphrase: 'Paraphrase' } }));
  assert.deepEqual(Object.keys(model).slice(0, 4), ['format', 'exported', 'inputs', 'offsets']);
  assert.deepEqual(model.inputs, { original: 'report.txt', paraphrase: 'Paraphrase' });
  assert.equal(model.exported, exported);
  assert.ok(validate(model), JSON.stringify(validate.errors));
  const { exported: _e, inputs: _i, ...rest } = model;
  assert.deepEqual(rest, JSON.parse(json), 'nothing else changes');
  for (const breakIt of [(m) => (m.exported = 'yesterday'), (m) => (m.inputs = { original: 'a' }), (m) => (m.inputs.paraphrase = 3)]) {
    const broken = structuredClone(model);
    breakIt(broken);
    assert.equal(validate(broken), false, breakIt.toString());
  }
});

test('an array of models: each rewrite names the original and itself; one not compared is left as it is', () => {
  const exported = '2026-11-30T22:41:05.000Z';
  const array = `[\n{"name":"wire.txt",${engineJson(ORIGINAL, REWRITE).slice(1)},\n${JSON.stringify({ name: 'Rewrite 2', error: 'too long' })}\n]\n`;
  const text = labelledJson(array, { exported, names: { original: 'Original', paraphrase: 'wire.txt' } });
  assert.match(text, /^\[\n\{"name":"wire\.txt","format":"article-diff\/1","exported":/);
  const models = JSON.parse(text);
  assert.deepEqual(models[0].inputs, { original: 'Original', paraphrase: 'wire.txt' });
  assert.equal(models[0].exported, exported);
  assert.ok(validate(models[0]), JSON.stringify(validate.errors));
  assert.deepEqual(models[1], { name: 'Rewrite 2', error: 'too long' });
});

test('the model of a text against its sources names the text and each source', () => {
  const result = compareSources([ORIGINAL, 'A new sentence. Something else entirely.'], REWRITE, defaultOptions(rules));
  let json;
  try {
    json = result.json([
      { name: 'wire.txt', error: null },
      { name: 'Source B', error: null },
    ]);
  } finally {
    result.free();
  }
  const exported = '2026-11-30T22:41:05.000Z';
  const model = JSON.parse(labelledJson(json, { exported, names: { original: 'wire.txt', paraphrase: 'story.txt' } }));
  assert.deepEqual(model.inputs, { paraphrase: 'story.txt', sources: ['wire.txt', 'Source B'] });
  assert.ok(validate(model), JSON.stringify(validate.errors));
  const broken = structuredClone(model);
  broken.inputs.original = 'x';
  assert.equal(validate(broken), false, 'a sources document names no original');
});
