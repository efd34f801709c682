// Getting texts in (files, drops, swap, clear, example), permalinks, and
// taking results away (HTML report, JSON, summary).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  compareTexts,
  comparedCount,
  openPage,
  read,
  screenshot,
  serveAndBrowse,
  waitForComparison,
} from './harness.mjs';

const shared = serveAndBrowse();

/** Drops a file (bytes given as numbers) onto an element, as a reader would. */
async function dropFile(page, selector, name, type, bytes) {
  await page.evaluate(
    ({ selector, name, type, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
      const target = document.querySelector(selector);
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { selector, name, type, bytes: [...bytes] },
  );
}

const utf8 = (text) => new TextEncoder().encode(text);

test('a file opened on one side replaces its text and is compared', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const before = await comparedCount(page);
  await page.setInputFiles('#original-file', {
    name: 'report.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('The council voted to build a bridge over the river on Monday.'),
  });
  await waitForComparison(page, before);
  assert.equal(await page.inputValue('#original'), 'The council voted to build a bridge over the river on Monday.');
  assert.match(await page.locator('#status').textContent(), /Opened report\.txt/);
});

test('an HTML file dropped on a side becomes its text, scripts and all markup left out', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  const html = `<!doctype html><html><head><title>T</title><script>window.__ran = 1</script></head>
    <body><h1>Bridge vote</h1><p>The council <b>voted</b> to build a bridge.</p>
    <img src="x" onerror="window.__ran = 2"><p>Work starts in May.</p><style>p{}</style></body></html>`;
  const before = await comparedCount(page);
  await dropFile(page, '#paraphrase', 'story.html', 'text/html', utf8(html));
  await waitForComparison(page, before);
  assert.equal(await page.inputValue('#paraphrase'), 'Bridge vote\n\nThe council voted to build a bridge.\n\nWork starts in May.');
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.deepEqual(errors, []);
});

test('a file in another encoding is decoded, with a notice', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const before = await comparedCount(page);
  // "The café said “yes”." in Windows-1252.
  const bytes = [...utf8('The caf'), 0xe9, ...utf8(' said '), 0x93, ...utf8('yes'), 0x94, ...utf8('.')];
  await dropFile(page, '#original', 'old.txt', 'text/plain', bytes);
  await waitForComparison(page, before);
  assert.equal(await page.inputValue('#original'), 'The café said “yes”.');
  assert.match(await page.locator('#status').textContent(), /not UTF-8; it was read as Windows-1252/);
  const utf16 = [0xff, 0xfe, ...[...'Grüße'].flatMap((c) => [c.charCodeAt(0), 0])];
  await dropFile(page, '#original', 'utf16.txt', 'text/plain', utf16);
  await page.waitForFunction(() => document.querySelector('#original').value === 'Grüße');
});

test('a binary file is refused and the text kept', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const kept = await page.inputValue('#original');
  await dropFile(page, '#original', 'photo.png', 'image/png', [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]);
  await page.waitForFunction(() => /binary file/.test(document.querySelector('#status').textContent));
  assert.equal(await page.inputValue('#original'), kept);
});

test('swap, clear and the example are one click away', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const original = await page.inputValue('#original');
  const paraphrase = await page.inputValue('#paraphrase');
  let before = await comparedCount(page);
  await page.click('#swap');
  await waitForComparison(page, before);
  assert.equal(await page.inputValue('#original'), paraphrase);
  assert.equal(await page.inputValue('#paraphrase'), original);
  before = await comparedCount(page);
  await page.click('#original-clear');
  await waitForComparison(page, before);
  assert.equal(await page.inputValue('#original'), '');
  assert.match(await page.locator('#summary').textContent(), /new 100%/);
  before = await comparedCount(page);
  await page.click('#example');
  await waitForComparison(page, before);
  assert.equal(await page.inputValue('#original'), original);
  assert.equal(await page.inputValue('#paraphrase'), paraphrase);
});

test('a link holds both texts and the options, and opening it restores them', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const original = 'Ünïcödé report: the council voted 7 to 2 to build a bridge. 東京 👩‍💻';
  const paraphrase = 'A rewrite: “the council voted 7 to 2 to build a bridge.” Grüße.';
  await compareTexts(page, original, paraphrase);
  await page.click('#options-panel summary');
  const before = await comparedCount(page);
  await page.fill('#option-min_run', '5');
  await page.locator('#option-min_run').dispatchEvent('change');
  await waitForComparison(page, before);
  await page.click('#share');
  await page.waitForFunction(() => /Link copied/.test(document.querySelector('#status').textContent));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#v1,[A-Za-z0-9_-]+$/);
  assert.equal(link, page.url());

  const fresh = await openPage(shared.browser, link);
  assert.equal(await fresh.page.inputValue('#original'), original);
  assert.equal(await fresh.page.inputValue('#paraphrase'), paraphrase);
  await fresh.page.click('#options-panel summary');
  assert.equal(await fresh.page.inputValue('#option-min_run'), '5');
  assert.deepEqual(fresh.errors, []);
});

test('texts too long for a link get a clear message', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  // Random letters barely compress: well over the link limit.
  const noise = await page.evaluate(() => {
    const bytes = new Uint8Array(160_000);
    for (let at = 0; at < bytes.length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
    return Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26)) + (b % 7 === 0 ? ' ' : '')).join('');
  });
  await compareTexts(page, noise, 'short');
  await page.click('#share');
  await page.waitForFunction(() => /too long for a link/.test(document.querySelector('#status').textContent));
  assert.doesNotMatch(page.url(), /#v1/);
});

test('a damaged or hostile link is refused with a message and never runs', async () => {
  for (const fragment of [
    '#v1,!!!not-base64',
    '#v1,AAAA',
    "#v1,<script>alert('x')</script>",
    '#v1,javascript:alert(1)',
    '#v1,' + 'A'.repeat(5000),
  ]) {
    const { page, errors } = await openPage(shared.browser, shared.server.url + fragment);
    assert.match(await page.locator('#status').textContent(), /The link could not be read: it /, fragment);
    assert.equal(await page.getAttribute('#status', 'class'), 'status problem', 'still marked once the example is compared');
    assert.match(await page.inputValue('#original'), /Riverton/, 'the example is shown instead');
    assert.doesNotMatch(page.url(), /#/);
    assert.deepEqual(errors, [], fragment);
  }
});

test('hostile text inside a valid link stays text', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const hostile = '<img src=x onerror="alert(1)"> <svg onload="alert(2)"></svg> <a href="javascript:alert(3)">x</a> &lt;b&gt; bold';
  const fragment = await page.evaluate(async (text) => {
    const { encodeLink } = await import('./www/permalink.js');
    return encodeLink({ original: text, paraphrase: `${text} again`, options: { min_run: 2, ignore_case: 'yes', evil: 1 } });
  }, hostile);
  const opened = await openPage(shared.browser, `${shared.server.url}#${fragment}`);
  assert.equal(await opened.page.inputValue('#original'), hostile);
  assert.equal(await opened.page.locator('#rows img, #rows svg, #rows a, #summary img').count(), 0);
  assert.match(await opened.page.locator('#rows').textContent(), /onerror="alert\(1\)"/);
  await opened.page.click('#options-panel summary');
  assert.equal(await opened.page.isChecked('#option-ignore_case'), true, 'an ill-typed option falls back');
  assert.deepEqual(opened.errors, []);
});

test('the HTML report is standalone, escaped and shows the same rows', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  const hostile = 'Tonight <script>alert(1)</script> the council voted to build a new bridge.';
  await compareTexts(page, read('www/example/original.txt'), `${read('www/example/paraphrase.txt')}\n${hostile}`);
  await page.click('#export-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  assert.equal(download.suggestedFilename(), 'article-diff-report.html');
  const html = readFileSync(await download.path(), 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<link|src="http|href="http/);

  // Opened with no network and no script, it shows what the page shows.
  const context = await shared.browser.newContext({ javaScriptEnabled: false, offline: true });
  const report = await context.newPage();
  await report.setContent(html);
  const pageRows = await page.locator('#rows .row').count();
  assert.equal(await report.locator('.rows .row').count(), pageRows);
  assert.equal(
    await report.locator('.rows .row').nth(2).textContent(),
    await page.locator('#rows .row').nth(2).textContent(),
  );
  assert.match(
    await report.locator('del').first().evaluate((node) => getComputedStyle(node).textDecorationLine),
    /line-through/,
  );
  await screenshot(report, 'report');
  await context.close();
});

test('the JSON export is the article-diff/1 model', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  await page.click('#export-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const model = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(model.format, 'article-diff/1');
  assert.equal(model.offsets, 'utf-16');
  assert.equal(model.paraphrase.spans.map((s) => s.text).join(''), await page.inputValue('#paraphrase'));
});

test('the summary is copied as text', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#export-menu summary');
  await page.click('#copy-summary');
  await page.waitForFunction(() => /Summary copied/.test(document.querySelector('#status').textContent));
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /^Paraphrase: 106 words: copied 45\.3%, reworded 38\.7%, new 16%\./);
  assert.match(text, /Copied passages: 6 \(3 moved\)/);
});

test('printing shows every row and hides the controls', async () => {
  const { page } = await openPage(shared.browser, shared.server.url);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await page.locator('#rows .chunk:not([data-filled])').count(), 0);
  assert.equal(await page.locator('.inputs').isVisible(), false);
  assert.equal(await page.locator('.actions').isVisible(), false);
  assert.equal(await page.locator('#rows').isVisible(), true);
});
