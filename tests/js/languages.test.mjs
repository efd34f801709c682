// The fixtures of tests/fixtures/languages (issue 14) through the languages
// build (www/pkg-lang), which the page's worker loads for them: each is
// found in its language, splits as written, has its quotation, copied and
// moved sentences found and copies nothing from the unrelated text. And the
// two builds agree: the core (www/pkg) asks for the languages build for
// every one of these texts and for none of the English ones, and on English
// the two give the same model, byte for byte.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, compare } from '../../www/pkg-lang/article_diff.js';
import * as core from '../../www/pkg/article_diff.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg-lang/article_diff_bg.wasm')) });
core.initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });

const read = (code, name) => readFileSync(join(root, 'tests/fixtures/languages', code, `${name}.txt`), 'utf8');

function model(original, paraphrase) {
  const result = compare(original, paraphrase);
  try {
    return result.toJSON();
  } finally {
    result.free();
  }
}

// The sentences as written (README): original, rewrite, unrelated.
const WRITTEN = { fr: [9, 9, 7], es: [10, 10, 7], ru: [9, 9, 7], ar: [9, 9, 7], zh: [9, 9, 7], ja: [9, 9, 7] };

for (const [code, written] of Object.entries(WRITTEN)) {
  test(`${code}: sentences split as written`, () => {
    const texts = ['original', 'rewrite', 'unrelated'].map((name) => read(code, name));
    const rewrite = model(texts[0], texts[1]);
    const counts = [rewrite.original.sentences.length, rewrite.paraphrase.sentences.length, model(texts[0], texts[2]).paraphrase.sentences.length];
    assert.deepEqual(counts, written);
  });
}

for (const code of ['de', ...Object.keys(WRITTEN)]) {
  test(`${code}: the quotation and the copied sentences are copied, the moved one flagged, the unrelated text not copied`, () => {
    const original = read(code, 'original');
    const rewrite = model(original, read(code, 'rewrite'));
    const s = rewrite.stats;
    // Four or five of the rewrite's nine or ten sentences are copied whole: over half its words.
    assert.ok(s.copied_words / s.paraphrase_words > 0.5, `${s.copied_words} of ${s.paraphrase_words} words copied`);
    assert.ok(s.quoted_copied_words > 0, 'the quotation is copied inside its quotation marks');
    assert.ok(s.unquoted_copied_words > 0, 'the lead sentence is copied outside quotation marks');
    assert.ok(s.moved_runs >= 1, 'the moved sentence is flagged');
    const unrelated = model(original, read(code, 'unrelated')).stats;
    assert.ok(unrelated.copied_words / unrelated.paraphrase_words <= 0.03, `${unrelated.copied_words} words copied from an unrelated text`);
    assert.ok(unrelated.reworded_words / unrelated.paraphrase_words <= 0.05, `${unrelated.reworded_words} words reworded from an unrelated text`);
  });
}

for (const code of ['de', ...Object.keys(WRITTEN)]) {
  test(`${code}: each text is found in its language, and the core build hands it over`, () => {
    const texts = ['original', 'rewrite', 'unrelated'].map((name) => read(code, name));
    assert.deepEqual(model(texts[0], texts[1]).languages, { original: code, paraphrase: code, used: code });
    for (const text of texts) assert.equal(core.needsLanguages(text, 'auto'), true);
  });
}

test('ar: the reworded sentence is found (Snowball takes the conjunctions and prepositions off its words)', () => {
  const s = model(read('ar', 'original'), read('ar', 'rewrite')).stats;
  assert.ok(s.reworded_pairs >= 1, `${s.reworded_pairs} reworded pairs`);
});

test('on English, the core build and the languages build give the same model', () => {
  const english = [
    ['www/example/original.txt', 'www/example/paraphrase.txt'],
    ...['quotation', 'moved', 'reworded', 'split_merge', 'unicode', 'unrelated'].map((name) => [`tests/fixtures/pairs/${name}/original.txt`, `tests/fixtures/pairs/${name}/paraphrase.txt`]),
    ['tests/fixtures/prose/drought_a.txt', 'tests/fixtures/prose/drought_b.txt'],
  ];
  for (const [a, b] of english) {
    const [original, paraphrase] = [a, b].map((path) => readFileSync(join(root, path), 'utf8'));
    assert.equal(core.needsLanguages(original, 'auto') || core.needsLanguages(paraphrase, 'auto'), false, a);
    const viaCore = core.compare(original, paraphrase);
    const viaLanguages = compare(original, paraphrase);
    try {
      assert.equal(viaLanguages.json(), viaCore.json(), a);
    } finally {
      viaCore.free();
      viaLanguages.free();
    }
  }
});

test('the core build refuses a language it does not have, naming the build that does', () => {
  assert.equal(core.needsLanguages('anything', 'de'), true);
  assert.equal(core.needsLanguages('anything', 'en'), false);
  assert.throws(() => core.compare('a', 'b', { language: 'de' }), /"de" needs the languages build/);
  assert.throws(() => compare('a', 'b', { language: 'xx' }), /option language must be "auto" or one of en, ar/);
  assert.throws(() => compare('a', 'b', { language: 3 }), /invalid type: number `3`, expected a string/);
});
