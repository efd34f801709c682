// Which rows a long comparison shows (www/folds.js) and the change list's
// entries (www/changes.js changeEntries), on hand-made rows and on real
// comparisons of the engine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, compare } from '../../www/pkg/article_diff.js';
import { changeEntries, entryMatches, entryText, snippet } from '../../www/changes.js';
import { Findings } from '../../www/findings.js';
import { MIN_COPIED_FOLD, displayItems, foldLabel, shownRows, stretchOf } from '../../www/folds.js';
import { changesOf, movedRowsOf, rowsOf, unattributedOf } from '../../www/model.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });

/** Rows from a string of letters: c copied (unchanged), m copied but moved, e edited, r reworded, n new, d dropped. */
function rows(letters) {
  const status = { c: 'copied', m: 'copied', e: 'edited', r: 'reworded', n: 'new', d: 'dropped' };
  return [...letters].map((letter) => ({
    type: letter === 'n' ? 'new' : letter === 'd' ? 'dropped' : 'pair',
    status: status[letter],
    changed: letter !== 'c',
    moved: letter === 'm',
  }));
}
const bits = (shown) => [...shown].join('');

test('every row: three or more unchanged rows in a row fold, fewer stay', () => {
  assert.equal(MIN_COPIED_FOLD, 3);
  assert.equal(bits(shownRows(rows('ecceccce'))), '11110001');
  assert.equal(bits(shownRows(rows('cccc'))), '0000');
});

test('every row: dropped rows fold at the start and the end only, two or more', () => {
  assert.equal(bits(shownRows(rows('ddderddre'))), '000111111');
  assert.equal(bits(shownRows(rows('reddd'))), '11000');
  assert.equal(bits(shownRows(rows('dre'))), '111', 'one dropped row is not worth a bar');
  // A dropped block at the start next to copied rows folds with them.
  assert.equal(bits(shownRows(rows('ddccce'))), '000001');
});

test('the filters keep only their rows, and hiding dropped rows works with each', () => {
  const r = rows('cemrndc');
  const marks = { unattributed: new Set([0, 2]), moved: new Set([1]) };
  assert.equal(bits(shownRows(r, { show: 'changes' }, marks)), '0111110');
  assert.equal(bits(shownRows(r, { show: 'unattributed' }, marks)), '1010000');
  assert.equal(bits(shownRows(r, { show: 'moved' }, marks)), '0110000', 'a moved pair, and a row holding a moved passage');
  assert.equal(bits(shownRows(r, { show: 'changes', hideDropped: true }, marks)), '0111100');
  assert.equal(bits(shownRows(r, { show: 'all', hideDropped: true }, marks)), '1111101');
  assert.throws(() => shownRows(r, { show: 'nonsense' }), /unknown filter/);
});

test('hidden stretches become bars; an open bar is followed by its rows', () => {
  const shown = Uint8Array.from([1, 0, 0, 0, 1, 0, 0]);
  assert.deepEqual(displayItems(shown), [
    { type: 'row', index: 0 },
    { type: 'fold', first: 1, last: 3, open: false },
    { type: 'row', index: 4 },
    { type: 'fold', first: 5, last: 6, open: false },
  ]);
  assert.deepEqual(displayItems(shown, new Set([5])).slice(3), [
    { type: 'fold', first: 5, last: 6, open: true },
    { type: 'row', index: 5 },
    { type: 'row', index: 6 },
  ]);
  assert.equal(stretchOf(shown, 2), 1);
  assert.equal(stretchOf(shown, 6), 5);
  assert.equal(stretchOf(shown, 4), -1, 'a shown row is in no stretch');
});

test("a bar's words say what it holds", () => {
  const r = rows('cccddedrn');
  assert.equal(foldLabel(r, 0, 2), '3 sentences copied word for word');
  assert.equal(foldLabel(r, 3, 4), '2 sentences dropped');
  assert.equal(foldLabel(r, 3, 3), '1 sentence dropped');
  assert.equal(foldLabel(r, 5, 5), '1 edited row');
  assert.equal(foldLabel(r, 0, 8), '9 rows: 3 copied, 1 edited, 1 reworded, 1 new, 3 dropped');
});

test('snippets are one line, cut at a word', () => {
  assert.equal(snippet('  A short\nline.  '), 'A short line.');
  const long = 'word '.repeat(40);
  const cut = snippet(long);
  assert.ok(cut.length <= 91 && cut.endsWith('word…'), cut);
});

/** A real comparison's findings and rows (paraphrase order). */
function compared(original, paraphrase) {
  const result = compare(original, paraphrase);
  try {
    const findings = new Findings({ compact: result.compact(), stats: result.stats, complete: result.complete, cutShort: result.cutShort }, { original, paraphrase });
    return { findings, rows: rowsOf(findings) };
  } finally {
    result.free();
  }
}

test('on the reference pair: the byline block folds, every change has an entry in order, filters match the engine', () => {
  const seeds = join(root, '..', 'shared', 'seeds');
  const original = readFileSync(join(seeds, '000_6b62ce62292d1908.txt'), 'utf8');
  const paraphrase = readFileSync(join(seeds, '004_406426a349353b31.txt'), 'utf8');
  const { findings, rows: r } = compared(original, paraphrase);
  const shown = shownRows(r);
  // The original opens with its headline, standfirst, byline and bio: all dropped, all folded.
  let opening = 0;
  while (r[opening].type === 'dropped') opening++;
  assert.ok(opening >= 2, `the pair opens with ${opening} dropped rows`);
  assert.equal(bits(shown.slice(0, opening)), '0'.repeat(opening));
  assert.equal(shown[opening], 1);
  assert.match(foldLabel(r, 0, opening - 1), new RegExp(`^${opening} sentences dropped$`));
  // Every change is shown or in a bar; no change is lost.
  for (const index of changesOf(r)) assert.ok(shown[index] || stretchOf(shown, index) >= 0);

  const unattributed = unattributedOf(findings, r);
  const moved = movedRowsOf(findings, r);
  const entries = changeEntries(findings, r, unattributed, moved);
  const rowEntries = entries.filter((entry) => entry.kind !== 'unattributed');
  assert.deepEqual(
    rowEntries.map((entry) => entry.row),
    r.flatMap((row, i) => (row.changed || moved.has(i) ? [i] : [])),
  );
  // One entry a passage outside quotation marks, at its first row, however many sentences it runs over.
  const passages = entries.filter((entry) => entry.kind === 'unattributed');
  assert.deepEqual(passages.map((entry) => entry.run).sort((a, b) => a - b), [...new Set(unattributed.map((p) => p.run))].sort((a, b) => a - b));
  for (const entry of passages) {
    const own = unattributed.filter((p) => p.run === entry.run);
    assert.equal(entry.row, own[0].row);
    assert.deepEqual(entry.range, [Math.min(...own.map((p) => p.start)), Math.max(...own.map((p) => p.end))]);
  }
  for (let i = 1; i < entries.length; i++) assert.ok(entries[i - 1].row <= entries[i].row, 'entries follow the rows');
  for (const entry of rowEntries) assert.equal(entry.kind, r[entry.row].status);
  // The dropped entries' words are the original's, the others the paraphrase's.
  const dropped = rowEntries.find((entry) => entry.kind === 'dropped');
  const range = r[dropped.row].original;
  assert.equal(entryText(findings.texts, dropped), snippet(original.slice(range[0], range[1])));
  const pair = rowEntries.find((entry) => entry.kind === 'reworded');
  const words = r[pair.row].paraphrase;
  assert.equal(entryText(findings.texts, pair), snippet(paraphrase.slice(words[0], words[1])));
  const passage = entries.find((entry) => entry.kind === 'unattributed');
  assert.equal(entryText(findings.texts, passage), snippet(paraphrase.slice(passage.range[0], passage.range[1])));
  // Moved: every moved run shows in a row marked moved, and the moved filter shows them.
  assert.ok(findings.movedRuns().length > 0);
  const movedShown = shownRows(r, { show: 'moved' }, { moved });
  for (const i of moved) assert.equal(movedShown[i], 1);
  assert.ok(entries.filter((entry) => entryMatches(entry, new Set(['moved']))).length >= moved.size);
});
