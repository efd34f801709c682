// The fixtures of tests/fixtures/languages (issue 14): what the engine
// already gets right beyond English, kept right while its language work
// goes on. Where it is still wrong (German ordinals and "z. B." cut
// sentences; the Arabic rewording is missed: bench/languages.mjs) nothing
// is asserted yet: issue 14 owns those.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, compare } from '../../www/pkg/article_diff.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });

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
