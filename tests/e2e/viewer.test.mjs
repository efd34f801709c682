// The viewer, used as a reader uses it: aligned rows, the inline view,
// marks that do not rest on colour, the summary and its strip, change
// navigation, the options panel and the theme.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareTexts, comparedCount, openPage, waitForComparison, serveAndBrowse } from './harness.mjs';

const shared = serveAndBrowse();

test('rows align pairs side by side; new and dropped sentences leave the other cell empty', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  const rows = page.locator('#rows .row');
  assert.ok((await rows.count()) >= 7);
  const newRow = page.locator('#rows .row.s-new').first();
  assert.equal(await newRow.locator('.cell.original').textContent(), '');
  assert.match(await newRow.locator('.cell.paraphrase').textContent(), /People who ride to work/);
  assert.equal(await newRow.locator('.badge').first().textContent(), 'new');
  const dropped = page.locator('#rows .row.s-dropped').first();
  assert.equal(await dropped.locator('.cell.paraphrase').textContent(), '');
  assert.match(await dropped.locator('.cell.original').textContent(), /Riverton council approves/);
  const reworded = page.locator('#rows .row.s-reworded').first();
  assert.ok((await reworded.locator('.cell.original del').count()) > 0);
  assert.ok((await reworded.locator('.cell.paraphrase ins').count()) > 0);
  assert.deepEqual(errors, []);
});

test('a near match shows its changed letters', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  await compareTexts(
    page,
    'Officials cited rising energy costs and falling orders from overseas buyers.',
    'Officials sited rising energy costs and falling orders from foreign buyers.',
  );
  assert.deepEqual(await page.locator('#rows ins.refined .char').allTextContents(), ['s']);
  assert.deepEqual(await page.locator('#rows del.refined .char').allTextContents(), ['c']);
  assert.equal(await page.locator('#rows ins.refined').first().textContent(), 'sited');
});

test('hovering a copied passage lights up its source; clicking goes there', async () => {
  const { page } = await openPage(shared.browser, shared.server.url, { viewport: { width: 1280, height: 600 } });
  // "across the Mill River": copied from the report's first paragraph into
  // the rewrite's new opening sentence (a moved passage).
  const copy = page.locator('#rows .row.s-new [data-side="paraphrase"][data-run]').first();
  assert.equal(await copy.textContent(), 'across the Mill River');
  assert.match(await copy.getAttribute('class'), /moved/);
  const run = await copy.getAttribute('data-run');
  const source = page.locator(`#rows [data-side="original"][data-run="${run}"]`);
  await copy.hover();
  assert.match(await source.first().getAttribute('class'), /linked/);
  await page.mouse.move(0, 0);
  assert.doesNotMatch(await source.first().getAttribute('class'), /linked/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await copy.click();
  const focused = await page.evaluate(() => {
    const node = document.activeElement;
    const box = node.getBoundingClientRect();
    return { side: node.dataset.side, run: node.dataset.run, text: node.textContent, visible: box.top >= 0 && box.bottom <= innerHeight };
  });
  assert.deepEqual(focused, { side: 'original', run, text: 'across the Mill River', visible: true });
  // And back again, with the keyboard.
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.side), 'paraphrase');
});

test('focusing a copied passage with the keyboard links it too', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const copy = page.locator('#rows [data-side="paraphrase"][data-run]').first();
  await copy.focus();
  const run = await copy.getAttribute('data-run');
  assert.match(await page.locator(`#rows [data-side="original"][data-run="${run}"]`).first().getAttribute('class'), /linked/);
});

test('rows follow the original order on request, and the choice is remembered', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const firstParaphraseRow = await page.locator('#rows .row').nth(1).textContent();
  assert.match(firstParaphraseRow, /People who ride to work/);
  const before = await comparedCount(page);
  await page.selectOption('#order', 'original');
  // A new sentence before any pair still leads; the first original text shown is the headline.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#rows .cell.original')]
      .find((cell) => cell.textContent)
      ?.textContent.startsWith('Riverton council approves'),
  );
  const originalOrder = await page.locator('#rows .row .cell.original').allTextContents();
  const filled = originalOrder.filter((text) => text.length > 0);
  assert.match(filled[0], /^Riverton council approves/);
  assert.match(filled[1], /^The Riverton city council voted/);
  assert.match(filled.at(-1), /^The city will pay/);
  assert.equal(await comparedCount(page), before, 'reordering needs no new comparison');
  await page.reload();
  await page.waitForSelector('html[data-compared]');
  assert.equal(await page.inputValue('#order'), 'original');
});

test('the inline view reads the paraphrase with deletions and insertions in place', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  await page.check('input[name="view"][value="inline"]');
  await page.waitForSelector('#rows.view-inline .cell.inline');
  assert.equal(await page.locator('#rows .cell.original').count(), 0);
  const pair = page.locator('#rows .row.s-reworded .cell.inline').first();
  assert.ok((await pair.locator('del').count()) > 0);
  assert.ok((await pair.locator('ins').count()) > 0);
  assert.ok((await page.locator('#rows .row.s-new ins.whole').count()) > 0);
  assert.ok((await page.locator('#rows .row.s-dropped del.whole').count()) > 0);
  // Deleted words are set off by spaces from the words around them.
  const text = await page.locator('#rows .cell.inline').allTextContents();
  assert.ok(text.some((t) => t.includes('7 to 2 on Tuesday to build')), text.join('\n'));
  assert.ok(text.some((t) => t.includes('Council member Dana Ortiz')), text.join('\n'));
});

test('meaning does not rest on colour: strikes, underlines, dashes and labels', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const style = (selector, property) =>
    page.locator(selector).first().evaluate((node, p) => getComputedStyle(node)[p], property);
  assert.match(await style('#rows del', 'textDecorationLine'), /line-through/);
  assert.match(await style('#rows ins', 'textDecorationLine'), /underline/);
  assert.equal(await style('#rows ins', 'textDecorationStyle'), 'double');
  assert.equal(await style('#rows mark.copied:not(.moved)', 'textDecorationStyle'), 'solid');
  assert.equal(await style('#rows mark.moved', 'textDecorationStyle'), 'dashed');
  const badges = await page.locator('#rows .badge').allTextContents();
  assert.ok(badges.includes('moved') && badges.includes('new') && badges.includes('dropped'));
  const legend = await page.locator('.legend').textContent();
  for (const word of ['copied', 'moved', 'deleted', 'inserted', 'underline', 'struck through', 'dashed']) {
    assert.ok(legend.includes(word), `the legend says nothing of ${word}`);
  }
});

test('the summary gives the shares in an aria-live region', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const summary = page.locator('#summary');
  assert.equal(await summary.getAttribute('aria-live'), 'polite');
  const text = await summary.textContent();
  assert.match(text, /copied 45\.3%/);
  assert.match(text, /reworded 38\.7%/);
  assert.match(text, /new 16%/);
  assert.match(text, /kept 42\.1%/);
  assert.match(text, /dropped 25\.4%/);
  assert.match(text, /6 copied passages \(3 moved\)/);
  assert.match(text, /33 copied words outside quotation marks/);
});

test('the density strip shows where changes are and jumps to a row', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const strip = page.locator('#strip');
  const drawn = await strip.evaluate((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return painted;
  });
  assert.ok(drawn > 0, 'the strip is blank');
  const rows = await page.locator('#rows .row').count();
  await strip.scrollIntoViewIfNeeded();
  const box = await strip.boundingBox();
  const target = rows - 1;
  await page.mouse.click(box.x + box.width / 2, box.y + ((target + 0.5) / rows) * box.height);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.index), String(target));
});

test('changes are reached with n, j, p, k and the buttons, with a counter', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const counter = page.locator('#change-counter');
  assert.equal(await counter.textContent(), '9 changes');
  await page.locator('body').press('n');
  assert.equal(await counter.textContent(), 'Change 1 of 9');
  const first = await page.evaluate(() => document.activeElement.dataset.index);
  await page.keyboard.press('j');
  assert.equal(await counter.textContent(), 'Change 2 of 9');
  await page.keyboard.press('p');
  assert.equal(await counter.textContent(), 'Change 1 of 9');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.index), first);
  assert.equal(await page.isDisabled('#previous'), true);
  await page.click('#next');
  await page.click('#next');
  assert.equal(await counter.textContent(), 'Change 3 of 9');
  await page.keyboard.press('k');
  assert.equal(await counter.textContent(), 'Change 2 of 9');
  // Focus is visible on the row reached.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  // Keys typed into a text box are text, not navigation.
  await page.focus('#paraphrase');
  await page.keyboard.press('End');
  await page.keyboard.type('n');
  assert.equal(await counter.textContent(), 'Change 2 of 9');
});

test('options change the result at once and are remembered', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  await compareTexts(
    page,
    'The Council Voted To Build A Bridge Across The River.',
    'the council voted to build a bridge across the river.',
  );
  assert.match(await page.locator('#summary').textContent(), /copied 100%/);
  await page.click('#options-panel summary');
  let before = await comparedCount(page);
  await page.uncheck('#option-ignore_case');
  await waitForComparison(page, before);
  assert.match(await page.locator('#summary').textContent(), /copied 0%/);
  before = await comparedCount(page);
  await page.fill('#option-min_run', '12');
  await page.locator('#option-min_run').dispatchEvent('change');
  await waitForComparison(page, before);
  await page.reload();
  await page.waitForSelector('html[data-compared]');
  await page.click('#options-panel summary');
  assert.equal(await page.isChecked('#option-ignore_case'), false);
  assert.equal(await page.inputValue('#option-min_run'), '12');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('article-diff/settings')));
  assert.equal(stored.options.min_run, 12);
});

test('an out-of-range minimum run marks its field, keeps the last valid value, and clears when fixed', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  await page.click('#options-panel summary');
  const field = page.locator('#option-min_run');
  const message = page.locator('#option-min_run-message');
  const inUse = await field.inputValue();
  assert.equal(await field.getAttribute('aria-invalid'), null);
  assert.equal(await message.isVisible(), false);
  await page.fill('#option-min_run', '0');
  await field.dispatchEvent('change');
  assert.match(await page.locator('#status').textContent(), /whole number from 1 to 1000/);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.equal(await message.isVisible(), true);
  assert.equal(await message.textContent(), `Use a whole number from 1 to 1000; ${inUse} stays in use until then.`);
  // The field's description is the message (a screen reader hears it).
  assert.equal(await field.getAttribute('aria-describedby'), 'option-min_run-message');
  // Another option changed meanwhile: the comparison runs with the last
  // valid minimum, which is what is kept.
  let before = await comparedCount(page);
  await page.uncheck('#option-ignore_case');
  await waitForComparison(page, before);
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('article-diff/settings')).options.min_run);
  assert.equal(await stored(), Number(inUse));
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  // Typing a valid value clears the mark at once; leaving the field uses it.
  await page.fill('#option-min_run', '1001');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await page.fill('#option-min_run', '6');
  assert.equal(await field.getAttribute('aria-invalid'), null);
  assert.equal(await message.isVisible(), false);
  assert.equal(await message.textContent(), '');
  before = await comparedCount(page);
  await field.dispatchEvent('change');
  await waitForComparison(page, before);
  assert.equal(await stored(), 6);
});

test('on a phone the options and export menus open inside the screen', async () => {
  const { page } = await openPage(shared.browser, shared.server.url, { viewport: { width: 390, height: 800 }, isMobile: true });
  for (const menu of ['#options-panel', '#export-menu']) {
    await page.click(`${menu} summary`);
    const body = await page.locator(`${menu} .panel-body`).boundingBox();
    assert.ok(body.x >= 0 && body.x + body.width <= 390, `${menu}: ${JSON.stringify(body)}`);
    await page.click(`${menu} summary`);
  }
});

test('the theme follows the system until the reader picks one', async () => {
  const { page } = await openPage(shared.browser, shared.server.url, { colorScheme: 'dark' });
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'auto');
  assert.equal(await background(), 'rgb(22, 23, 25)');
  await page.selectOption('#theme', 'light');
  assert.equal(await background(), 'rgb(251, 251, 248)');
  await page.reload();
  await page.waitForSelector('html[data-compared]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
});
