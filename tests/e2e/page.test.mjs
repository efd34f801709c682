import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, screenshot, startServer } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('the example pair is compared as soon as the page opens', async () => {
  const { page, errors } = await openPage(browser, server.url);
  assert.match(await page.inputValue('#original'), /Riverton city council voted 7 to 2/);
  assert.match(await page.inputValue('#paraphrase'), /Local cyclists’ groups welcomed/);
  assert.ok((await page.locator('#original-result del').count()) > 0, 'no deleted words shown');
  assert.ok((await page.locator('#paraphrase-result ins').count()) > 0, 'no inserted words shown');
  const paraphraseText = await page.textContent('#paraphrase-result');
  assert.equal(paraphraseText, await page.inputValue('#paraphrase'));
  await screenshot(page, 'example');
  assert.deepEqual(errors, []);
});

test('typing two new texts recomputes the comparison', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.fill('#original', 'The cat sat on the mat.');
  await page.fill('#paraphrase', 'The dog sat on the mat.');
  await page.waitForFunction(
    () => document.querySelector('#paraphrase-result').textContent === 'The dog sat on the mat.',
  );
  assert.deepEqual(await page.locator('#original-result del').allTextContents(), ['cat']);
  assert.deepEqual(await page.locator('#paraphrase-result ins').allTextContents(), ['dog']);
  await screenshot(page, 'typed');
  assert.deepEqual(errors, []);
});

test('the Compare button recomputes at once', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.evaluate(() => {
    document.querySelector('#original').value = 'The council voted to build a bridge.';
    document.querySelector('#paraphrase').value = 'The council voted to build a tunnel.';
  });
  await page.click('#compare');
  assert.deepEqual(await page.locator('#original-result del').allTextContents(), ['bridge']);
  assert.deepEqual(await page.locator('#paraphrase-result ins').allTextContents(), ['tunnel']);
  assert.deepEqual(errors, []);
});

test('markup in the texts is shown as text, never run', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const hostile = '<img src=x onerror="window.__pwned = 1"> <script>window.__pwned = 2</script>';
  await page.fill('#original', 'plain words');
  await page.fill('#paraphrase', hostile);
  await page.click('#compare');
  assert.equal(await page.textContent('#paraphrase-result'), hostile);
  assert.equal(await page.locator('#paraphrase-result img, #paraphrase-result script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
});
