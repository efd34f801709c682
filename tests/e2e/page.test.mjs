// The page as a first-time reader meets it: the example compared at once,
// typing recomputes, markup in the texts stays text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareTexts, openPage, screenshot, serveAndBrowse } from './harness.mjs';

const shared = serveAndBrowse();

test('the example pair is compared as soon as the page opens', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  assert.match(await page.inputValue('#original'), /Riverton city council voted 7 to 2/);
  assert.match(await page.inputValue('#paraphrase'), /Local cyclists’ groups welcomed/);
  assert.ok((await page.locator('#rows del').count()) > 0, 'no deleted words shown');
  assert.ok((await page.locator('#rows ins').count()) > 0, 'no inserted words shown');
  assert.match(await page.locator('#status').textContent(), /^Compared 220 words in \d+ ms\.$/);
  assert.deepEqual(errors, []);
});

test('typing recomputes after a pause', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  await page.fill('#original', 'The council voted to build a bridge across the river.');
  await page.fill('#paraphrase', 'The council voted to build a tunnel under the river.');
  await page.waitForFunction(() =>
    document.querySelector('#rows .cell.paraphrase')?.textContent.includes('tunnel under'),
  );
  assert.deepEqual(await page.locator('#rows .cell.original del').allTextContents(), ['bridge across']);
  assert.deepEqual(await page.locator('#rows .cell.paraphrase ins').allTextContents(), ['tunnel under']);
  await screenshot(page, 'typed');
  assert.deepEqual(errors, []);
});

test('markup in the texts is shown as text, never run', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  const hostile = '<img src=x onerror="window.__pwned = 1"> <script>window.__pwned = 2</script> <svg onload="window.__pwned = 3">';
  await compareTexts(page, 'plain words about a bridge', hostile);
  assert.equal(await page.locator('#rows .row.s-new .cell.paraphrase').textContent(), hostile);
  assert.equal(await page.locator('#rows img, #rows script, #rows svg').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
});
