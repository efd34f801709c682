// The overview strip's words for the keyboard's row (www/strip.js): what
// aria-valuetext announces as the cursor moves.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STRIP_KINDS, rowText } from '../../www/strip.js';

const row = (status, moved = false) => ({ status, moved, changed: status !== 'copied' || moved });

test('a row is named by its place among all rows and its kind, moved said too', () => {
  const rows = [row('copied'), row('reworded', true), row('dropped')];
  assert.equal(rowText(rows, 0), 'Row 1 of 3: copied');
  assert.equal(rowText(rows, 1), 'Row 2 of 3: reworded, moved');
  assert.equal(rowText(rows, 2), 'Row 3 of 3: dropped');
});

test('large counts are written with thousands separators', () => {
  const rows = Array.from({ length: 2570 }, (_, index) => row(index === 1199 ? 'edited' : 'copied'));
  assert.equal(rowText(rows, 1199), 'Row 1,200 of 2,570: edited');
});

test('the legend names every kind a row can have, and moved', () => {
  assert.deepEqual(STRIP_KINDS.map(([kind]) => kind), ['copied', 'edited', 'reworded', 'new', 'dropped', 'moved']);
});
