// Reading a long comparison (issue 13): the change list, folded stretches,
// the filters, one Tab stop per row and the keys' dialog, in Debian's
// Chromium, with the keyboard alone where a reader may use it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { axeViolations, compareTexts, comparedCount, openPage, root, screenshot, serveAndBrowse, waitForComparison } from './harness.mjs';

const shared = serveAndBrowse();

const seeds = join(root, '..', 'shared', 'seeds');
const REFERENCE = {
  original: readFileSync(join(seeds, '000_6b62ce62292d1908.txt'), 'utf8'),
  paraphrase: readFileSync(join(seeds, '004_406426a349353b31.txt'), 'utf8'),
};

/** The sentences of a long, made-up report: each different, so each pairs with its own. */
const sentence = (i) => `Report line ${i} says the council met on day ${i} and agreed item ${i * 7} of the plan.`;
/** An original of `count` sentences and a rewrite that edits sentences `edited` and copies the others. */
function longPair(count, edited) {
  const original = Array.from({ length: count }, (_, i) => sentence(i)).join(' ');
  const paraphrase = Array.from({ length: count }, (_, i) =>
    edited.includes(i) ? sentence(i).replace('agreed', 'narrowly rejected') : sentence(i),
  ).join(' ');
  return { original, paraphrase };
}

/** Opens the page on `pair` (the example if none). */
async function open(pair, options) {
  const opened = await openPage(shared.browser, shared.server.url, options);
  if (pair) await compareTexts(opened.page, pair.original, pair.paraphrase);
  return opened;
}

/** Fills every chunk of rows (they fill as they near the screen). */
async function fillAll(page) {
  await page.evaluate(async () => {
    const x = scrollX;
    const y = scrollY;
    for (let chunk; (chunk = document.querySelector('#rows .chunk:not([data-filled])')); ) {
      chunk.scrollIntoView();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }
    scrollTo(x, y);
  });
}

/** The drawn rows' indices and the bars' [first, last, open], in order (every chunk filled first). */
const drawn = async (page) =>
  (await fillAll(page)) ??
  page.evaluate(() =>
    [...document.querySelectorAll('#rows .row, #rows .fold')].map((node) =>
      node.classList.contains('fold')
        ? ['fold', Number(node.dataset.index), Number(node.dataset.last), node.querySelector('button').getAttribute('aria-expanded')]
        : Number(node.dataset.index),
    ),
  );

/** What has the focus: a row's index, a bar's first row, a passage's text, or another element's id. */
const focused = (page) =>
  page.evaluate(() => {
    const node = document.activeElement;
    if (node.matches('.row')) return { row: Number(node.dataset.index) };
    if (node.closest('.fold')) return { bar: Number(node.closest('.fold').dataset.index) };
    if (node.dataset.run !== undefined) return { passage: node.textContent, side: node.dataset.side, row: Number(node.closest('.row').dataset.index) };
    if (node.dataset.entry !== undefined) return { entry: Number(node.dataset.at), text: node.textContent };
    return { id: node.id || node.localName };
  });

test('stretches that need no reading fold into a bar, which opens in place and folds again', async () => {
  const { page, errors } = await open(longPair(12, [5]));
  // Rows 0-4 and 6-11 are copied word for word: two bars around the edited row.
  assert.deepEqual(await drawn(page), [['fold', 0, 4, 'false'], 5, ['fold', 6, 11, 'false']]);
  const bar = page.locator('#rows .fold[data-index="6"] button');
  assert.equal(await bar.textContent(), '6 sentences copied word for word Show');
  assert.equal(await bar.getAttribute('aria-expanded'), 'false');
  await bar.focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await drawn(page), [['fold', 0, 4, 'false'], 5, ['fold', 6, 11, 'true'], 6, 7, 8, 9, 10, 11]);
  assert.deepEqual(await focused(page), { bar: 6 }, 'the bar keeps the focus');
  await page.keyboard.press('Space');
  assert.deepEqual(await drawn(page), [['fold', 0, 4, 'false'], 5, ['fold', 6, 11, 'false']]);
  assert.deepEqual(errors, []);
});

test('the reference pair opens with its dropped headline and byline folded; next change opens them', async () => {
  const { page, errors } = await open(REFERENCE);
  const items = await drawn(page);
  assert.equal(items[0][0], 'fold');
  const [, first, last] = items[0];
  assert.equal(first, 0);
  assert.ok(last >= 1, 'two or more dropped rows at the start');
  assert.equal(await page.locator('#rows .fold[data-index="0"] .fold-label').textContent(), `${last + 1} sentences dropped`);
  // The first change is the first dropped row: reaching it opens the bar.
  await page.locator('#next').focus();
  await page.keyboard.press('n');
  assert.deepEqual(await focused(page), { row: 0 });
  assert.equal(await page.getAttribute('#rows .fold[data-index="0"] button', 'aria-expanded'), 'true');
  assert.match(await page.textContent('#change-counter'), /^Change 1 of \d+$/);
  assert.deepEqual(errors, []);
});

test('the change list lists every change in order with its verdict, and going to one scrolls there', async () => {
  const { page, errors } = await open(REFERENCE);
  const entries = await page.$$eval('#change-items button[data-entry]', (buttons) =>
    buttons.map((b) => ({ verdict: b.querySelector('.badge').textContent, row: b.querySelector('.entry-row').textContent })),
  );
  assert.ok(entries.length >= 20, `${entries.length} entries`);
  const rowsOf = entries.map((e) => Number(e.row.replace(/\D/g, '')));
  assert.deepEqual(rowsOf, [...rowsOf].sort((a, b) => a - b), 'in the rows order');
  for (const verdict of ['Dropped', 'Reworded', 'New']) assert.ok(entries.some((e) => e.verdict.startsWith(verdict)), verdict);
  // Keyboard: one Tab stop; arrows move; Enter goes to the row, which is marked current in the list.
  await page.locator('#change-items button[tabindex="0"]').focus();
  await page.keyboard.press('End');
  const lastEntry = await focused(page);
  assert.equal(lastEntry.entry, entries.length - 1);
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  const chosen = await focused(page);
  assert.equal(chosen.entry, 5);
  assert.equal(await page.locator('#change-items button[tabindex="0"]').count(), 1, 'one Tab stop in the list');
  await page.keyboard.press('Enter');
  const row = rowsOf[5] - 1;
  const landed = await focused(page);
  assert.equal(landed.row, row, JSON.stringify(landed));
  assert.ok(await page.evaluate((i) => {
    const box = document.querySelector(`#rows .row[data-index="${i}"]`).getBoundingClientRect();
    return box.top >= 0 && box.top < innerHeight;
  }, row), 'the row is on screen');
  assert.equal(await page.getAttribute('#change-items button[data-at="5"]', 'aria-current'), 'true');
  // Next change moves the mark along.
  await page.keyboard.press('n');
  const next = (await focused(page)).row;
  assert.ok(next > row);
  const current = await page.$$eval('#change-items [aria-current="true"] .entry-row', (nodes) => nodes.map((n) => n.textContent));
  assert.deepEqual(current, [`row ${next + 1}`]);
  assert.deepEqual(errors, []);
});

test('the change list filters by kind, and folds away', async () => {
  const { page, errors } = await open(REFERENCE);
  const whole = (await page.textContent('#change-count')).replace(/\.$/, '');
  assert.match(whole, /^\d+ changes, \d+ unattributed passages$/);
  const kinds = await page.$$eval('#change-kinds button', (b) => b.map((x) => [x.dataset.kind, Number(x.textContent.replace(/\D/g, ''))]));
  const all = kinds.filter(([kind]) => kind !== 'moved').reduce((sum, [, n]) => sum + n, 0);
  assert.ok(all > 20);
  const dropped = page.locator('#change-kinds button[data-kind="dropped"]');
  const droppedCount = Number((await dropped.textContent()).replace(/\D/g, ''));
  await dropped.click();
  assert.equal(await dropped.getAttribute('aria-pressed'), 'false');
  // Left out, unless moved (a dropped sentence holding the source of a moved passage) while moved ones are listed.
  const badges = await page.$$eval('#change-items .badge', (nodes) => nodes.map((n) => n.textContent));
  assert.deepEqual(badges.filter((text) => text.startsWith('Dropped') && !text.endsWith(', moved')), []);
  const droppedMoved = badges.filter((text) => text === 'Dropped, moved').length;
  assert.equal(await page.textContent('#change-count'), `${all - droppedCount + droppedMoved} of ${whole} listed.`);
  // Only the moved ones: every kind off but moved.
  await dropped.click();
  for (const kind of await page.$$eval('#change-kinds button', (b) => b.map((x) => x.dataset.kind))) {
    if (kind !== 'moved') await page.click(`#change-kinds button[data-kind="${kind}"]`);
  }
  const moved = await page.$$eval('#change-items .badge', (b) => b.map((x) => x.textContent));
  assert.ok(moved.length > 0 && moved.every((text) => text.endsWith(', moved')), moved.join('; '));
  // Folding the panel away gives its room to the rows.
  const width = () => page.evaluate(() => document.querySelector('#rows').getBoundingClientRect().width);
  const before = await width();
  await page.click('#changes-toggle');
  assert.equal(await page.getAttribute('#changes-toggle', 'aria-expanded'), 'false');
  assert.ok(await page.locator('#changes-body').isHidden());
  assert.ok((await width()) > before + 200);
  assert.deepEqual(errors, []);
});

test('on a phone the change list starts folded away above the rows and opens on demand', async () => {
  const { page, errors } = await open(null, { viewport: { width: 390, height: 844 } });
  assert.equal(await page.getAttribute('#changes-toggle', 'aria-expanded'), 'false');
  assert.ok(await page.locator('#changes-body').isHidden());
  await page.click('#changes-toggle');
  const box = await page.locator('#changes-panel').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
  assert.ok(await page.locator('#change-items button[data-entry]').first().isVisible());
  assert.deepEqual(errors, []);
});

test('the filters show only changes, only unattributed copying, only moved passages, and hide dropped rows', async () => {
  const { page, errors } = await open(REFERENCE);
  const rowStatuses = () => page.$$eval('#rows .row', (rows) => rows.map((r) => [...r.classList].find((c) => c.startsWith('s-')).slice(2)));
  const everyRow = await drawn(page);
  await page.selectOption('#filter', 'changes');
  await fillAll(page);
  let statuses = await rowStatuses();
  assert.ok(statuses.length > 0);
  // Every row drawn is a change walked by next/previous, and every change is drawn.
  const changes = Number((await page.textContent('#change-counter')).replace(/\D/g, ''));
  assert.equal(statuses.length, changes, 'one row per change walked');

  await page.check('#hide-dropped');
  await fillAll(page);
  statuses = await rowStatuses();
  assert.ok(!statuses.includes('dropped'));
  await page.uncheck('#hide-dropped');

  await page.selectOption('#filter', 'unattributed');
  await fillAll(page);
  const rowsShown = await page.$$eval('#rows .row', (rows) => rows.map((r) => r.querySelectorAll('.unquoted[data-side="paraphrase"]').length));
  assert.ok(rowsShown.length > 0 && rowsShown.every((n) => n > 0), 'each row holds copying outside quotation marks');

  await page.selectOption('#filter', 'moved');
  await fillAll(page);
  const moved = await page.$$eval('#rows .row', (rows) => rows.map((r) => r.classList.contains('moved') || r.querySelector('.moved') !== null));
  assert.ok(moved.length > 0 && moved.every(Boolean), 'each row is moved or holds a moved passage');

  await page.selectOption('#filter', 'all');
  assert.deepEqual(await drawn(page), everyRow);
  assert.deepEqual(errors, []);
});

test("the summary's figures go to their filters", async () => {
  const { page, errors } = await open(REFERENCE);
  await page.click('#summary button[data-filter="moved"]');
  assert.equal(await page.inputValue('#filter'), 'moved');
  await page.click('#summary button[data-filter="changes"]');
  assert.equal(await page.inputValue('#filter'), 'changes');
  await page.click('#summary #show-unattributed');
  assert.equal(await page.inputValue('#filter'), 'unattributed');
  const at = await focused(page);
  assert.ok(at.passage, 'the first unattributed passage has the focus');
  assert.match(await page.textContent('#status'), /only unattributed copying/);
  assert.deepEqual(errors, []);
});

test('one Tab stop per row: arrows move between its passages and to the rows around it', async () => {
  const { page, errors } = await open();
  const tabStops = await page.$$eval('#rows [tabindex="0"], #rows button', (nodes) => nodes.map((n) => n.className.split(' ')[0]));
  assert.ok(tabStops.every((name) => name === 'row' || name === 'fold-toggle'), tabStops.join(','));
  assert.equal(await page.locator('#rows [data-run][tabindex="0"]').count(), 0, 'no passage is a Tab stop');
  // A keyboard-only walk: Tab into the rows from the last control before them.
  await page.locator('#change-items button[tabindex="0"]').focus();
  await page.keyboard.press('Tab');
  const first = await focused(page);
  assert.ok(first.row !== undefined || first.bar !== undefined, JSON.stringify(first));
  // Find a row with two or more passages and walk them.
  const index = await page.$$eval('#rows .row', (rows) => {
    const row = rows.find((r) => r.querySelectorAll('[data-run]').length >= 2);
    return Number(row.dataset.index);
  });
  await page.locator(`#rows .row[data-index="${index}"]`).focus();
  await page.keyboard.press('ArrowRight');
  const one = await focused(page);
  assert.equal(one.row, index);
  await page.keyboard.press('ArrowRight');
  const two = await focused(page);
  assert.equal(two.row, index);
  assert.notDeepEqual(two, one);
  assert.ok(await page.evaluate(() => document.activeElement.classList.contains('linked')), 'a passage focused is linked to its source');
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await focused(page), one);
  await page.keyboard.press('Escape');
  assert.deepEqual(await focused(page), { row: index });
  await page.keyboard.press('ArrowDown');
  const below = await focused(page);
  assert.ok(below.row === index + 1 || below.bar === index + 1, JSON.stringify(below));
  await page.keyboard.press('ArrowUp');
  assert.deepEqual(await focused(page), { row: index });
  // Tab leaves the row for the next one, not for its passages.
  await page.keyboard.press('Tab');
  const after = await focused(page);
  assert.ok(after.row === index + 1 || after.bar === index + 1, JSON.stringify(after));
  assert.deepEqual(errors, []);
});

test('"?" opens a dialog of every key, which Escape closes', async () => {
  const { page, errors } = await open();
  await page.locator('#rows .row').first().focus();
  await page.keyboard.press('Shift+?');
  assert.ok(await page.locator('#keys-dialog').isVisible());
  const keys = await page.textContent('#keys-dialog');
  for (const key of ['next change', 'previous change', 'outside quotation marks', 'copied passages, one by one', 'show or fold its rows', 'this list']) {
    assert.ok(keys.includes(key), key);
  }
  assert.deepEqual(await focused(page), { id: 'keys-close' });
  await page.keyboard.press('Escape');
  assert.ok(await page.locator('#keys-dialog').isHidden());
  // Typed into a text box, "?" is a character.
  await page.focus('#paraphrase');
  const before = await comparedCount(page);
  await page.keyboard.press('End');
  await page.keyboard.type('?');
  assert.ok(await page.locator('#keys-dialog').isHidden());
  await waitForComparison(page, before);
  // The button opens it too.
  await page.click('#show-keys');
  assert.ok(await page.locator('#keys-dialog').isVisible());
  await page.click('#keys-close');
  assert.ok(await page.locator('#keys-dialog').isHidden());
  assert.deepEqual(errors, []);
});

for (const scheme of ['light', 'dark']) {
  test(`the change list, bars and keys' dialog have no accessibility violations in the ${scheme} theme`, async () => {
    const { page } = await open(REFERENCE, { colorScheme: scheme, viewport: { width: 1280, height: 900 }, bypassCSP: true });
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `reading-${scheme}`, { fullPage: false });
    await page.locator('#rows .fold button').first().click();
    await page.click('#show-keys');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `keys-${scheme}`, { fullPage: false });
  });
}

test('screenshots of the change list at phone width', async () => {
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await open(REFERENCE, { colorScheme: scheme, viewport: { width: 390, height: 844 } });
    await page.click('#changes-toggle');
    await page.locator('#changes-panel').scrollIntoViewIfNeeded();
    await screenshot(page, `reading-phone-${scheme}`, { fullPage: false });
    await context.close();
  }
});

test('a link carries the filter: opening it shows the same rows', async () => {
  const { page, context, errors } = await open(REFERENCE);
  await page.selectOption('#filter', 'moved');
  await page.check('#hide-dropped');
  await page.click('#share');
  await page.waitForFunction(() => location.hash.startsWith('#v1,'));
  const url = page.url();
  const shown = await drawn(page);
  await context.close();
  const reopened = await openPage(shared.browser, url);
  assert.equal(await reopened.page.inputValue('#filter'), 'moved');
  assert.equal(await reopened.page.isChecked('#hide-dropped'), true);
  assert.deepEqual(await drawn(reopened.page), shown);
  assert.deepEqual([...errors, ...reopened.errors], []);
});

test('the change list follows the rows as they are scrolled', async () => {
  const { page, errors } = await open(REFERENCE);
  const marked = () => page.$$eval('#change-items [aria-current="true"] .entry-row', (nodes) => nodes.map((n) => Number(n.textContent.replace(/\D/g, '')) - 1));
  await fillAll(page);
  // Scroll a row far down to the top of the screen: the first change at or below it is marked.
  const target = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('#rows .row')];
    const row = rows[Math.floor(rows.length * 0.7)];
    row.scrollIntoView({ block: 'start' });
    return Number(row.dataset.index);
  });
  await page.waitForFunction(() => document.querySelector('#change-items [aria-current="true"]'));
  const [row] = await marked();
  assert.ok(row >= target - 1, `${row} marked, ${target} at the top`);
  const onScreen = await page.evaluate((i) => {
    const box = document.querySelector(`#rows [data-index="${i}"]`).getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  }, row);
  assert.ok(onScreen, 'the marked change is on the screen');
  assert.deepEqual(errors, []);
});
