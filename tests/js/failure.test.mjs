// A panic inside the engine, for real: it traps (RuntimeError), and the
// message and place are kept for lastFailure(), read once. The panic is the
// test hook of the tests' own package (`make test-pkg`), which the shipped
// www/pkg leaves out.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, __panicForTests, lastFailure } from '../../target/pkg-test/article_diff.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'target/pkg-test/article_diff_bg.wasm')) });

test('a panic traps and leaves its message and place for lastFailure()', () => {
  assert.equal(lastFailure(), undefined, 'nothing before');
  assert.throws(() => __panicForTests(), WebAssembly.RuntimeError);
  const failure = lastFailure();
  assert.equal(failure.kind, 'panic');
  assert.match(failure.message, /^panicked at src\/wasm\.rs:\d+:\d+:\na staged panic$/);
  assert.equal(lastFailure(), undefined, 'read once');
});

test('the shipped package has no test hooks', async () => {
  const shipped = await import('../../www/pkg/article_diff.js');
  assert.deepEqual(Object.keys(shipped).filter((name) => name.startsWith('__')), []);
  assert.doesNotMatch(readFileSync(join(root, 'www/pkg/article_diff.d.ts'), 'utf8'), /ForTests/);
});
