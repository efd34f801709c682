// The engine's progress under Node: asked for with a request id, where
// there is no worker's global scope to post from, it throws nothing and the
// result is the one compare gives without it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, compare } from '../../www/pkg/article_diff.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });

test('progress asked for under Node fails nothing and changes nothing', () => {
  const original = 'The council met on Monday. It voted to build a new bridge over the river. '.repeat(30_000);
  const paraphrase = original.replace(/voted/g, 'decided');
  const withProgress = compare(original, paraphrase, { time_budget_ms: null }, 5);
  const without = compare(original, paraphrase, { time_budget_ms: null });
  assert.equal(withProgress.json(), without.json());
  withProgress.free();
  without.free();
});
