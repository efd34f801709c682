// The page under strain: a long comparison shows progress and can be
// cancelled, typing goes on meanwhile, the page works offline once loaded,
// its Content-Security-Policy holds, and it fetches nothing from elsewhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareTexts, openPage, read, serveAndBrowse } from './harness.mjs';

const shared = serveAndBrowse();

/** Puts two long unrelated texts in (no input event) and returns their size. */
async function loadLongTexts(page, words = 600_000) {
  await page.evaluate((n) => {
    let seed = 1;
    const word = () => {
      seed = (seed * 48271) % 2147483647;
      return `w${(seed % 20000).toString(36)}`;
    };
    const text = () => Array.from({ length: n }, (_, i) => word() + (i % 15 === 14 ? '.' : '')).join(' ');
    document.querySelector('#original').value = text();
    document.querySelector('#paraphrase').value = text();
  }, words);
}

test('a long comparison shows progress, can be cancelled, and the page stays usable', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  await loadLongTexts(page);
  await page.click('#compare');
  await page.waitForSelector('#progress:not([hidden])');
  // The seconds, and the engine's stage once it has said (progress.test.mjs).
  assert.match(await page.locator('#progress-text').textContent(), /^(Comparing…|.+… \d+%,) \d+\.\d s$/);
  await page.click('#cancel');
  await page.waitForSelector('#progress', { state: 'hidden' });
  assert.match(await page.locator('#status').textContent(), /cancelled\. Your texts are untouched/);
  assert.ok((await page.inputValue('#original')).length > 1_000_000, 'the texts were kept');
  // A fresh worker answers the next comparison.
  await compareTexts(page, 'The council voted to build a bridge.', 'The council voted to build a tunnel.');
  assert.match(await page.locator('#status').textContent(), /^Compared 14 words/);
  assert.deepEqual(errors, []);
});

test('typing goes on while a long comparison runs, and the newest texts win', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  await loadLongTexts(page);
  await page.click('#compare');
  await page.waitForSelector('html[data-busy]');
  await page.fill('#original', '');
  await page.focus('#original');
  await page.keyboard.type('The mayor opened the new bridge over the river.');
  // The keystrokes landed while the comparison was still running.
  assert.equal(await page.inputValue('#original'), 'The mayor opened the new bridge over the river.');
  await page.fill('#paraphrase', 'The mayor opened the new bridge over the river.');
  await page.waitForFunction(() => /^Compared 18 words/.test(document.querySelector('#status').textContent));
  assert.match(await page.locator('#summary').textContent(), /copied 100%/);
});

test('once loaded, the page works offline, reload and restarts included', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('html[data-compared]');
  await compareTexts(page, 'Work starts in October next year.', 'Work starts in October, officials said.');
  assert.match(await page.locator('#status').textContent(), /^Compared/);
  // The languages build was cached at install: another language compares offline too.
  const german = (name) => read(`tests/fixtures/languages/de/${name}.txt`);
  await compareTexts(page, german('original'), german('rewrite'));
  assert.match(await page.locator('#summary').textContent(), /Language: German\./);
  // Cancelling starts a fresh worker, which must load offline too.
  await loadLongTexts(page, 300_000);
  await page.click('#compare');
  await page.waitForSelector('html[data-busy]');
  await page.click('#cancel');
  await compareTexts(page, 'The council voted to build a bridge.', 'The council voted to build a tunnel.');
  assert.match(await page.locator('#status').textContent(), /^Compared 14 words/);
  await context.setOffline(false);
});

test('the Content-Security-Policy blocks inline script even if markup got in', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__ran = "script"';
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="x" onerror="window.__ran = \'img\'"><a href="javascript:window.__ran=1">x</a>';
    document.body.append(holder);
    holder.querySelector('a').click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    let remote = 'blocked';
    try {
      await fetch('https://example.com/');
      remote = 'fetched';
    } catch {
      // refused by connect-src
    }
    // Violation events are delivered as tasks of their own.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { ran: window.__ran ?? null, violations, remote };
  });
  assert.equal(outcome.ran, null);
  assert.equal(outcome.remote, 'blocked');
  assert.ok(outcome.violations.some((d) => d.startsWith('script-src')), JSON.stringify(outcome.violations));
  assert.ok(outcome.violations.some((d) => d.startsWith('connect-src')), JSON.stringify(outcome.violations));
});

test('everything the page loads comes from its own origin', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await page.goto(shared.server.url);
  await page.waitForSelector('html[data-compared]');
  await page.click('#export-menu summary');
  await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  const foreign = requests.filter((url) => !url.startsWith(shared.server.origin) && !url.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((url) => url.endsWith('/www/pkg/article_diff_bg.wasm')));
  await context.close();
});

test('thousands of rows appear at once and fill as they come into view', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const sentences = 3000;
  const before = await page.evaluate(() => Number(document.documentElement.dataset.compared));
  await page.evaluate((n) => {
    const lines = Array.from({ length: n }, (_, i) => `Sentence number ${i} tells of bridge ${i % 97} and river ${i % 89}.`);
    document.querySelector('#original').value = lines.join('\n');
    document.querySelector('#paraphrase').value = lines.map((l, i) => (i % 10 === 0 ? l.replace('tells', 'speaks') : l)).join('\n');
    document.querySelector('#compare').click();
  }, sentences);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.compared) > n, before);
  // Every tenth row changed, the nine between copied word for word: each
  // nine fold into a bar, so 300 rows and 300 bars are drawn, in chunks of
  // 32 made when they near the screen.
  assert.equal(await page.locator('#rows .chunk').count(), Math.ceil((sentences / 10) * 2 / 32));
  assert.match(await page.locator('#rows .row').first().textContent(), /Sentence number 0 /);
  assert.equal(await page.locator('#rows .fold').first().textContent(), '9 sentences copied word for word Show');
  assert.ok((await page.locator('#rows .row').count()) < sentences / 20, 'far rows wait until needed');
  const lastChunk = page.locator('#rows .chunk').last();
  assert.equal(await lastChunk.getAttribute('data-filled'), null);
  await lastChunk.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#rows .chunk:last-child').dataset.filled === 'true');
  await page.locator('#rows .fold').last().locator('button').click();
  await page.waitForFunction(() => /Sentence number 2999/.test([...document.querySelectorAll('#rows .row')].at(-1)?.textContent));
  // Navigation reaches a change far down, filling it on the way.
  await page.keyboard.press('p');
  assert.match(await page.locator('#change-counter').textContent(), /^Change 300 of 300$/);
});

test('a book-length text is folded, compared, and shown again on request', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  const before = await page.evaluate(() => Number(document.documentElement.dataset.compared));
  await page.evaluate(() => {
    const box = document.getElementById('paraphrase');
    box.value = 'The council voted to build a bridge across the river. '.repeat(6000);
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  });
  assert.equal(await page.isVisible('#paraphrase'), false, 'the long text is folded');
  assert.match(await page.locator('#paraphrase-folded').textContent(), /0\.3 million characters, folded/);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.compared) > n, before);
  assert.match(await page.locator('#status').textContent(), /^Compared/);
  await page.click('#paraphrase-unfold');
  assert.equal(await page.isVisible('#paraphrase'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'paraphrase');
  await page.click('#paraphrase-clear');
  assert.equal(await page.isVisible('#paraphrase-folded'), false);
  assert.deepEqual(errors, []);
});
