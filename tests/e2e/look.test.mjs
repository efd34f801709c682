// How the page looks and whether everyone can use it: axe-core finds no
// WCAG 2.1 A/AA violation in either theme, every control has a name and is
// reachable by keyboard, and screenshots of the light, dark and narrow
// layouts are saved for review (tests/e2e/screenshots/).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, openPage, screenshot, serveAndBrowse } from './harness.mjs';

const shared = serveAndBrowse();

// axe is injected as a script of its own, which the page's policy forbids.
const axeContext = { bypassCSP: true, viewport: { width: 1280, height: 900 } };

for (const scheme of ['light', 'dark']) {
  test(`no accessibility violations in the ${scheme} theme`, async () => {
    const { page } = await openPage(shared.browser, shared.server.url, { ...axeContext, colorScheme: scheme });
    // Open the panels so their controls are checked too.
    await page.click('#options-panel summary');
    await page.locator('#rows [data-run]').first().hover();
    assert.deepEqual(await axeViolations(page), []);
    await page.click('#options-panel summary');
    await screenshot(page, `page-${scheme}`);
  });
}

test('no accessibility violations in the inline view', async () => {
  const { page } = await openPage(shared.browser, shared.server.url, axeContext);
  await page.check('input[name="view"][value="inline"]');
  await page.waitForSelector('#rows.view-inline .cell.inline');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'page-inline');
});

test('the narrow layout stacks the columns', async () => {
  const { page } = await openPage(shared.browser, shared.server.url, { viewport: { width: 390, height: 844 }, isMobile: true });
  const columns = await page.locator('#rows .row.s-reworded').first().evaluate((row) => getComputedStyle(row).gridTemplateColumns);
  assert.equal(columns.split(' ').length, 1, `columns: ${columns}`);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 390, `the page scrolls sideways (${scrollWidth}px)`);
  // Rows are filled as they come near the screen: scroll down once first.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => !document.querySelector('#rows .chunk:not([data-filled])'));
  await screenshot(page, 'page-narrow');
});

test('every control is labelled and reachable with the keyboard', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('button, input, select, textarea, summary')]
      .filter((control) => {
        const labels = control.labels ? [...control.labels].map((l) => l.textContent.trim()).join('') : '';
        const name = control.getAttribute('aria-label') || labels || control.textContent.trim();
        return !name;
      })
      .map((control) => control.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unnamed, []);
  // Tab through the page: every control comes up, in order.
  const reached = new Set();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement.id || document.activeElement.localName);
    reached.add(id);
  }
  for (const id of ['original', 'paraphrase', 'original-file', 'original-clear', 'compare', 'swap', 'example', 'share', 'theme', 'order', 'next', 'unattributed', 'next-unattributed']) {
    assert.ok(reached.has(id), `${id} is not reached by Tab (reached: ${[...reached].join(', ')})`);
  }
});
