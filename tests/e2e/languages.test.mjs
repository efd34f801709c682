// Languages beyond English in the page: the worker starts with the core
// build (English) and loads the languages build only when a text is not
// found English or the options name another language; the summary says
// which language the comparison was made in, and texts in two languages
// get a note instead of reworded pairs. When the languages build cannot be
// loaded, the page says so and shows no English comparison in its place.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, compareTexts, openPage, read, screenshot, serveAndBrowse } from './harness.mjs';

const shared = serveAndBrowse();

const fixture = (code, name) => read(`tests/fixtures/languages/${code}/${name}.txt`);

/** Opens the page, counting the requests for the languages build. */
async function openCounting(context) {
  const opened = await openPage(shared.browser, shared.server.url, context);
  const loads = [];
  opened.page.on('request', (request) => {
    if (request.url().includes('/pkg-lang/')) loads.push(request.url());
  });
  return { ...opened, loads };
}

const summaryText = (page) => page.locator('#summary').textContent();

test('an English pair stays on the core build; a German pair loads the languages build once and says German', async () => {
  const { page, errors, loads } = await openCounting();
  // The built-in example (English) was compared at start.
  assert.match(await summaryText(page), /Language: English\./);
  await compareTexts(page, read('www/example/original.txt'), read('www/example/paraphrase.txt'));
  assert.deepEqual(loads, [], 'English needs no languages build');

  await compareTexts(page, fixture('de', 'original'), fixture('de', 'rewrite'));
  const summary = await summaryText(page);
  assert.match(summary, /Language: German\./);
  assert.match(summary, /Paraphrase, \d+ words/);
  assert.ok(loads.some((url) => url.endsWith('article_diff_bg.wasm')), `the languages build was loaded: ${loads}`);
  const loaded = loads.length;

  await compareTexts(page, fixture('fr', 'original'), fixture('fr', 'rewrite'));
  assert.match(await summaryText(page), /Language: French\./);
  assert.equal(loads.length, loaded, 'loaded once, then reused');
  assert.deepEqual(errors, []);
});

test('texts in two languages get a note, and no sentence is called reworded', async () => {
  const { page, errors } = await openCounting();
  await compareTexts(page, fixture('de', 'original'), fixture('es', 'rewrite'));
  const note = page.locator('#summary .note.language');
  assert.match(await note.textContent(), /^The texts are in different languages \(original German, rewrite Spanish\)/);
  assert.equal(await page.locator('.row.reworded, .row[data-verdict="reworded"]').count(), 0);
  assert.match(await summaryText(page), /0 reworded/);
  assert.deepEqual(errors, []);
});

test('the Language option sets the language, and it is kept for the next visit', async () => {
  const { page, errors } = await openCounting({ bypassCSP: true });
  await page.click('#options-panel summary');
  const select = page.locator('#option-language');
  assert.equal(await select.inputValue(), 'auto');
  const labels = await select.locator('option').allTextContents();
  assert.equal(labels[0], 'Detect from the texts');
  assert.ok(labels.includes('German') && labels.includes('Japanese'), labels.join(', '));
  const before = Number(await page.getAttribute('html', 'data-compared'));
  await select.selectOption('fr');
  await page.waitForFunction((n) => Number(document.documentElement.dataset.compared) > n, before);
  // The English example, compared under French rules, says so.
  assert.match(await summaryText(page), /Language: French, as the options set it \(detected: original English, rewrite English\)\./);
  await page.reload();
  await page.waitForSelector('html[data-compared]');
  assert.equal(await page.locator('#option-language').inputValue(), 'fr', 'kept with the other options');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('when the languages build cannot be loaded, the page says so and shows no English comparison instead', async () => {
  // Without the service worker, which caches the languages build when it
  // installs and would answer from its cache (robust.test.mjs tests that).
  const { page, context, errors } = await openCounting({ serviceWorkers: 'block' });
  await context.route('**/pkg-lang/**', (route) => route.abort('internetdisconnected'));
  const shown = await summaryText(page);
  await page.evaluate(
    ([o, p]) => {
      document.querySelector('#original').value = o;
      document.querySelector('#paraphrase').value = p;
    },
    [fixture('ru', 'original'), fixture('ru', 'rewrite')],
  );
  await page.click('#compare');
  await page.waitForFunction(() => /language support could not be loaded/.test(document.querySelector('#status').textContent));
  assert.match(await page.locator('#status').textContent(), /not in English.*No comparison was made/);
  assert.equal(await summaryText(page), shown, 'the summary is not replaced by a wrong comparison');
  // Back online: the next comparison loads it.
  await context.unroute('**/pkg-lang/**');
  await compareTexts(page, fixture('ru', 'original'), fixture('ru', 'rewrite'));
  assert.match(await summaryText(page), /Language: Russian\./);
  // Console errors of the refused requests are the browser's, not the page's.
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/.test(e)), []);
});

for (const look of [
  { name: 'light', file: 'languages-light', context: { viewport: { width: 1280, height: 900 } } },
  { name: 'dark, phone', file: 'languages-dark-phone', context: { viewport: { width: 390, height: 844 }, colorScheme: 'dark' } },
]) {
  test(`a Japanese pair and a pair in two languages read well (${look.name})`, async () => {
    const { page, errors } = await openCounting(look.context);
    await compareTexts(page, fixture('ja', 'original'), fixture('ja', 'rewrite'));
    assert.match(await summaryText(page), /Language: Japanese\./);
    await screenshot(page, `${look.file}-ja`, { fullPage: false });
    await compareTexts(page, fixture('zh', 'original'), fixture('ar', 'rewrite'));
    assert.match(await summaryText(page), /original Chinese, rewrite Arabic/);
    await screenshot(page, `${look.file}-two`, { fullPage: false });
    assert.deepEqual(errors, []);
  });
}
