// Values of the wrong JavaScript type, handed to the module's exports: each
// is a TypeError that names the argument and says what was given, never a
// trap, and the module goes on working afterwards.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, compare, tooLargeMessage } from '../../www/pkg/article_diff.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });

const COMPARE = 'compare(original, paraphrase, options)';
const TOO_LARGE = 'tooLargeMessage(what, bytes)';

const CASES = [
  [() => compare(5, 'a'), `${COMPARE}: original must be a string (got a number)`],
  [() => compare('a', null), `${COMPARE}: paraphrase must be a string (got null)`],
  [() => compare('a', 'b', 5), `${COMPARE}: options must be an object (got a number)`],
  [() => compare('a', 'b', 'x'), `${COMPARE}: options must be an object (got a string)`],
  [() => compare('a', 'b', []), `${COMPARE}: options must be an object (got an array)`],
  [() => compare('a', 'b', () => ({})), `${COMPARE}: options must be an object (got a function)`],
  [() => compare(undefined, 'b'), `${COMPARE}: original must be a string (got undefined)`],
  [() => compare(), `${COMPARE}: original must be a string (got undefined)`],
  [() => compare({}, 'b'), `${COMPARE}: original must be a string (got an object)`],
  [() => compare(Symbol('s'), 'b'), `${COMPARE}: original must be a string (got a symbol)`],
  [() => compare(1n, 'b'), `${COMPARE}: original must be a string (got a bigint)`],
  [() => compare(true, 'b'), `${COMPARE}: original must be a string (got a boolean)`],
  [() => compare(new String('a'), 'b'), `${COMPARE}: original must be a string (got an object)`],
  [() => compare(['a'], 'b'), `${COMPARE}: original must be a string (got an array)`],
  [() => tooLargeMessage(3, 4), `${TOO_LARGE}: what must be a string (got a number)`],
  [() => tooLargeMessage('x', 'y'), `${TOO_LARGE}: bytes must be a finite number, at least 0 (got a string)`],
  [() => tooLargeMessage('x'), `${TOO_LARGE}: bytes must be a finite number, at least 0 (got undefined)`],
  [() => tooLargeMessage('x', -1), `${TOO_LARGE}: bytes must be a finite number, at least 0 (got a number)`],
  [() => tooLargeMessage('x', NaN), `${TOO_LARGE}: bytes must be a finite number, at least 0 (got a number)`],
  [() => tooLargeMessage('x', Infinity), `${TOO_LARGE}: bytes must be a finite number, at least 0 (got a number)`],
];

for (const [call, message] of CASES) {
  test(`${call.toString().slice(6)} is a TypeError`, () => {
    assert.throws(call, (error) => {
      assert.ok(error instanceof TypeError, `${error?.constructor?.name}: ${error?.message}`);
      assert.equal(error.message, message);
      return true;
    });
  });
}

test('after the type errors, the module compares as before', () => {
  for (const [call] of CASES) assert.throws(call, TypeError);
  const texts = ['The council voted to build a bridge.', 'The council voted to build a tunnel.'];
  for (const options of [[], [undefined], [null], [{}]]) {
    const result = compare(...texts, ...options);
    assert.equal(result.stats.copied_words, 6);
    result.free();
  }
  const result = compare('a', 'b');
  assert.equal(result.complete, true);
  result.free();
  assert.match(tooLargeMessage('The original', 21286093), /^The original is 20\.3 MB of text/);
});

test('a bad option is still a plain Error with its own message', () => {
  assert.throws(
    () => compare('a', 'b', { ignore_case: 'yes' }),
    (error) => !(error instanceof TypeError) && error.message === 'invalid options: invalid type: string "yes", expected a boolean',
  );
});
