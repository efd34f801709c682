// Reading a long comparison (issue 13, items 4 and 5): the source peek of a
// passage whose counterpart is off the screen, by mouse, keyboard and touch,
// with "Go to source" and "Back"; and the overview strip beside the rows,
// with its legend, the frame over the visible rows and keyboard use.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, compareTexts, openPage, screenshot, serveAndBrowse } from './harness.mjs';

const shared = serveAndBrowse();

const NOUNS = ['bridge', 'library', 'harbour', 'market', 'school', 'station', 'garden', 'tower', 'clinic', 'museum', 'stadium'];
const VERBS = ['approved', 'delayed', 'questioned', 'funded', 'redesigned', 'inspected', 'praised'];
const SENTENCES = 300;
// The original sentence the rewrite moves to its start: its source is far
// down the rows.
const MOVED = 250;

/** Sentence `k` of the original, unlike any other. */
const sentence = (k) =>
  `Report ${k} says the ${NOUNS[k % NOUNS.length]} of ward ${k} was ${VERBS[k % VERBS.length]} by committee ${k * 7 + 3} after ${k + 2} meetings.`;

/**
 * A long pair: the original's 300 sentences; the rewrite copies them in
 * order, except that it joins most of sentence 250 to its third sentence
 * (a moved passage whose source is 248 rows further down), rewords every
 * tenth and drops every 25th.
 */
function longPair() {
  const original = [];
  const rewrite = [];
  for (let k = 0; k < SENTENCES; k++) original.push(sentence(k));
  for (let k = 0; k < SENTENCES; k++) {
    if (k === MOVED || k % 25 === 24) continue;
    if (k === 2) {
      rewrite.push(`${sentence(2).slice(0, -1)}, and${sentence(MOVED).replace(/^Report \d+ says/, '')}`);
      continue;
    }
    rewrite.push(k % 10 === 5 ? `Committee ${k * 7 + 3} met ${k + 2} times before it made up its mind about ward ${k}.` : sentence(k));
  }
  return { original: original.join(' '), paraphrase: rewrite.join(' ') };
}

async function openLong(options = {}) {
  const opened = await openPage(shared.browser, shared.server.url, { viewport: { width: 1280, height: 800 }, ...options });
  const { original, paraphrase } = longPair();
  await compareTexts(opened.page, original, paraphrase);
  await opened.page.evaluate(() => window.scrollTo(0, 0));
  return opened;
}

/** The moved passage in row 3 (its source is row 251). */
const movedPassage = (page) => page.locator(`#rows [data-side="paraphrase"][data-run]`, { hasText: `ward ${MOVED} was` }).first();

/** Whether `selector`'s element is (at least partly) in the window. */
const inWindow = (page, selector) =>
  page.evaluate((s) => {
    const box = document.querySelector(s).getBoundingClientRect();
    return box.height > 0 && box.bottom > 0 && box.top < innerHeight;
  }, selector);

async function active(page) {
  return page.evaluate(() => {
    const node = document.activeElement;
    const box = node.getBoundingClientRect();
    return { side: node.dataset.side, run: node.dataset.run, text: node.textContent, visible: box.top >= 0 && box.bottom <= innerHeight };
  });
}

test('hovering a moved passage whose source is off screen peeks at the source, and the popover stays while the pointer moves into it', async () => {
  const { page, errors } = await openLong();
  const passage = movedPassage(page);
  await passage.scrollIntoViewIfNeeded();
  const peek = page.locator('#peek');
  assert.equal(await peek.isVisible(), false);
  await passage.hover();
  await peek.waitFor({ state: 'visible' });
  assert.match(await peek.locator('.peek-heading').textContent(), /^Source in the original, row \d+:$/);
  assert.equal(await peek.locator('.peek-sentence').textContent(), sentence(MOVED));
  assert.deepEqual(await peek.locator('.peek-match').allTextContents(), [`the clinic of ward ${MOVED} was inspected by committee 1753 after 252`]);
  assert.equal(await peek.getByRole('button', { name: 'Go to source' }).count(), 1);
  // Into the popover: it stays.
  const box = await peek.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await page.waitForTimeout(700);
  assert.equal(await peek.isVisible(), true);
  // Away from both: it goes.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 300, { steps: 4 });
  await peek.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
});

test('no popover when the counterpart is on the screen: the linked highlight as before', async () => {
  const { page } = await openLong();
  // Row 1 copies the original's first sentence beside it.
  const copy = page.locator('#rows .row[data-index="0"] [data-side="paraphrase"][data-run]').first();
  const run = await copy.getAttribute('data-run');
  await copy.hover();
  await page.waitForTimeout(800);
  assert.equal(await page.locator('#peek').isVisible(), false);
  assert.match(await page.locator(`#rows [data-side="original"][data-run="${run}"]`).first().getAttribute('class'), /linked/);
  await copy.focus();
  await page.waitForTimeout(100);
  assert.equal(await page.locator('#peek').isVisible(), false);
});

test('in the inline view (no copied words of the original shown) the row of the source decides', async () => {
  const { page } = await openLong();
  const before = await page.evaluate(() => Number(document.documentElement.dataset.compared));
  await page.check('input[name="view"][value="inline"]');
  await page.waitForFunction((n) => Number(document.documentElement.dataset.compared) > n || document.querySelector('#rows.view-inline'), before);
  const copy = page.locator('#rows .row[data-index="0"] [data-side="paraphrase"][data-run]').first();
  await copy.hover();
  await page.waitForTimeout(800);
  assert.equal(await page.locator('#peek').isVisible(), false);
  await movedPassage(page).hover();
  await page.locator('#peek').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#peek .peek-sentence').textContent(), sentence(MOVED));
});

test('with the keyboard: focus peeks, Tab reaches "Go to source", which goes there, and "Back" returns; Escape closes', async () => {
  const { page, errors } = await openLong();
  const passage = movedPassage(page);
  const run = await passage.getAttribute('data-run');
  // Keyboard focus: Tab reaches its row (one stop a row), the arrow keys
  // walk the row's passages to it; the row itself peeks at nothing.
  const row = Number(await passage.evaluate((node) => node.closest('.row').dataset.index));
  await page.locator(`#rows .row[data-index="${row}"]`).focus();
  assert.equal(await page.locator('#peek').isVisible(), false);
  const sides = await page.$$eval(`#rows .row[data-index="${row}"] [data-run]`, (nodes) => nodes.map((n) => `${n.dataset.side}:${n.dataset.run}`));
  const steps = sides.indexOf(`paraphrase:${run}`) + 1;
  assert.ok(steps > 0);
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.run), run);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.side), 'paraphrase');
  const peek = page.locator('#peek');
  await peek.waitFor({ state: 'visible' });
  assert.equal(await peek.locator('.peek-hint').isVisible(), true);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Go to source');
  await page.keyboard.press('Enter');
  const there = await active(page);
  assert.deepEqual(there, { side: 'original', run, text: there.text, visible: true });
  assert.match(there.text, new RegExp(`ward ${MOVED}`));
  // Arrived: the popover now offers the way back.
  await peek.waitFor({ state: 'visible' });
  assert.match(await peek.locator('.peek-heading').textContent(), /^You came from row 3, in the paraphrase:$/);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Back');
  await page.keyboard.press('Enter');
  const back = await active(page);
  assert.deepEqual(back, { side: 'paraphrase', run, text: there.text, visible: true });
  // Escape closes the popover the returning focus opened, and keeps focus.
  await peek.waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  assert.equal(await peek.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.side), 'paraphrase');
  // Escape from inside the popover returns to the passage, popover closed.
  await passage.evaluate((node) => node.blur());
  await passage.focus();
  await peek.waitFor({ state: 'visible' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  assert.equal(await peek.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.run), run);
  assert.deepEqual(errors, []);
});

test('on a touch screen a tap peeks instead of jumping; a tap outside closes; "Go to source" goes', async () => {
  const { page, errors } = await openLong({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
  const passage = movedPassage(page);
  const run = await passage.getAttribute('data-run');
  await passage.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => scrollY);
  await passage.tap();
  const peek = page.locator('#peek');
  await peek.waitFor({ state: 'visible' });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => scrollY), scrolled, 'the tap must not jump');
  assert.equal(await peek.locator('.peek-sentence').textContent(), sentence(MOVED));
  // A tap outside closes it.
  await page.tap('h1');
  await peek.waitFor({ state: 'hidden' });
  await passage.tap();
  await peek.waitFor({ state: 'visible' });
  await peek.getByRole('button', { name: 'Go to source' }).tap();
  const there = await active(page);
  assert.equal(there.side, 'original');
  assert.equal(there.run, run);
  assert.equal(there.visible, true);
  assert.equal(await inWindow(page, `#rows [data-side="paraphrase"][data-run="${run}"]`), false);
  assert.deepEqual(errors, []);
});

test('the overview strip: named, with a legend, a frame that follows the scrolling, arrow keys, Home, End and Enter', async () => {
  const { page, errors } = await openLong();
  const strip = page.getByRole('slider', { name: 'Overview strip: where the changes are' });
  assert.equal(await strip.count(), 1);
  assert.deepEqual(
    (await page.locator('#strip-legend li').allTextContents()).map((text) => text.trim()),
    ['copied', 'edited', 'reworded', 'new', 'dropped', 'moved'],
  );
  // Each swatch is drawn (a pattern, not blank).
  const painted = await page.locator('#strip-legend canvas').evaluateAll((swatches) =>
    swatches.map((canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
      return count > 0 && count < data.length / 4 + 1;
    }),
  );
  assert.deepEqual(painted, [true, true, true, true, true, true]);
  const marker = page.locator('.strip-marker');
  await page.evaluate(() => document.querySelector('#rows').scrollIntoView());
  await marker.waitFor({ state: 'visible' });
  const top = async () => (await marker.boundingBox()).y - (await page.locator('#strip').boundingBox()).y;
  const before = await top();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.waitForFunction((was) => {
    const marker = document.querySelector('.strip-marker').getBoundingClientRect();
    const strip = document.querySelector('#strip').getBoundingClientRect();
    return marker.top - strip.top > was + 20;
  }, before);
  assert.ok((await top()) > before + 20);

  await strip.focus();
  await page.keyboard.press('Home');
  assert.match(await strip.getAttribute('aria-valuetext'), /^Row 1 of 300: copied$/);
  const rows = Number(await strip.getAttribute('aria-valuemax'));
  await page.keyboard.press('End');
  assert.equal(await strip.getAttribute('aria-valuenow'), String(rows));
  await page.keyboard.press('Home');
  // The arrow goes to the next change: row 3, with words added.
  await page.keyboard.press('ArrowDown');
  assert.equal(await strip.getAttribute('aria-valuetext'), `Row 3 of ${rows}: copied`);
  await page.keyboard.press('ArrowDown');
  const valuetext = await strip.getAttribute('aria-valuetext');
  assert.match(valuetext, /^Row \d+ of \d+: (reworded|dropped)$/);
  const at = Number(await strip.getAttribute('aria-valuenow')) - 1;
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.index), String(at));
  assert.equal(await inWindow(page, `#rows .row[data-index="${at}"]`), true);
  assert.deepEqual(errors, []);
});

test('axe finds nothing with the popover open, in light and dark; screenshots at desktop and phone width', async () => {
  for (const [theme, viewport] of [
    ['light', { width: 1280, height: 800 }],
    ['dark', { width: 1280, height: 800 }],
    ['light', { width: 390, height: 800 }],
  ]) {
    const { page, errors } = await openLong({ viewport, colorScheme: theme, bypassCSP: true });
    await page.selectOption('#theme', theme);
    const passage = movedPassage(page);
    await passage.scrollIntoViewIfNeeded();
    await passage.focus();
    await page.locator('#peek').waitFor({ state: 'visible' });
    // The strip's legend, the popover and the strip in one picture.
    await page.locator('.strip-key').evaluate((node) => node.scrollIntoView({ block: 'start' }));
    assert.deepEqual(await axeViolations(page), [], `${theme}, ${viewport.width} px`);
    assert.equal(await page.locator('#peek').isVisible(), true);
    await screenshot(page, `reading-${theme}-${viewport.width}`, { fullPage: false });
    assert.deepEqual(errors, []);
  }
});
