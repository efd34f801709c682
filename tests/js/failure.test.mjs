// A panic inside the engine, for real: it traps (RuntimeError), and the
// message and place are kept for lastFailure(), read once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, __panicForTests, lastFailure } from '../../www/pkg/article_diff.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });

test('a panic traps and leaves its message and place for lastFailure()', () => {
  assert.equal(lastFailure(), undefined, 'nothing before');
  assert.throws(() => __panicForTests(), WebAssembly.RuntimeError);
  const failure = lastFailure();
  assert.equal(failure.kind, 'panic');
  assert.match(failure.message, /^panicked at src\/wasm\.rs:\d+:\d+:\na staged panic$/);
  assert.equal(lastFailure(), undefined, 'read once');
});
