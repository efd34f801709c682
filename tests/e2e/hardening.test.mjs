// The page under hostile, huge and broken input: texts over the size limit
// are refused with their size and kept; an engine that traps (a panic, or
// memory the browser will not give) is reported and replaced, and the page
// goes on working; markup and links in the texts stay text in the page and
// in the exported report.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { compareTexts, comparedCount, openPage, root, serveAndBrowse } from './harness.mjs';

const shared = serveAndBrowse();

/** Puts `text` in a box as a paste would (the page compares at once). */
async function paste(page, side, text) {
  await page.evaluate(
    ([side, text]) => {
      const box = document.getElementById(side);
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    },
    [side, text],
  );
}

/** Waits for the status line to match `pattern`; returns it. */
async function statusMatching(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('status').textContent), pattern.source);
  return page.locator('#status').textContent();
}

test('a text over 8 MB is refused with its size, kept, and nothing else breaks', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  const before = await comparedCount(page);
  // 9 MB of text in the paraphrase box, made in the page.
  await page.evaluate(() => {
    const box = document.getElementById('paraphrase');
    box.value = 'The council voted to build a new bridge. '.repeat(230_000);
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  });
  const status = await statusMatching(page, /of text;/);
  assert.equal(
    status,
    'The paraphrase is 9 MB of text; article-diff compares at most 8 MB a side (about 1.4 million words). ' +
      'Your texts are kept: shorten one, or compare it in parts. The result below is for the earlier texts.',
  );
  assert.equal((await page.inputValue('#paraphrase')).length, 41 * 230_000, 'the text is kept');
  assert.equal(await page.getAttribute('#status', 'class'), 'status problem', 'marked out as a problem');
  assert.equal(await page.getAttribute('#result', 'data-stale'), 'true');
  assert.equal(await comparedCount(page), before);
  // Shortened, it compares, and the result is fresh again.
  await paste(page, 'paraphrase', 'The council voted to build a new bridge.');
  await statusMatching(page, /^Compared/);
  assert.equal(await page.getAttribute('#result', 'data-stale'), null);
  assert.equal(await page.getAttribute('#status', 'class'), 'status', 'routine news again');
  assert.deepEqual(errors, []);
});

test('a file over 32 MB is refused unread, and the box keeps its text', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  const kept = await page.inputValue('#original');
  await page.evaluate(() => {
    // A 40 MB file, never read: only its size is looked at.
    const file = new File([new Uint8Array(40 * 1024 * 1024)], 'archive.txt', { type: 'text/plain' });
    const input = document.getElementById('original-file');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const status = await statusMatching(page, /archive\.txt/);
  assert.equal(
    status,
    'archive.txt is 40 MB; the page opens files of up to 32 MB, and compares at most 8 MB of text a side. The original text was left as it was.',
  );
  assert.equal(await page.inputValue('#original'), kept);
  assert.deepEqual(errors, []);
});

test('an engine that traps is reported, restarted, and the page goes on', async () => {
  // The engine never panics on any input the fuzzers found, so the failures
  // are staged in the module's compare(), for a text holding a marker: a
  // real panic inside the engine (the test hook of the tests' own package,
  // `make test-pkg`, served in place of www/pkg), or a bare trap that left
  // no record.
  const context = await shared.browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/www/pkg/article_diff_bg.wasm', (route) =>
    route.fulfill({ path: join(root, 'target/pkg-test/article_diff_bg.wasm'), contentType: 'application/wasm' }),
  );
  await context.route('**/www/pkg/article_diff.js', async (route) => {
    const response = await route.fetch();
    const body = readFileSync(join(root, 'target/pkg-test/article_diff.js'), 'utf8').replace(
      /export function compare\(([^)]*)\) \{/,
      `export function compare($1) {
    if (original.includes('PANIC-FOR-TEST')) __panicForTests();
    if (original.includes('TRAP-FOR-TEST')) throw new WebAssembly.RuntimeError('unreachable');`,
    );
    assert.ok(body.includes('PANIC-FOR-TEST'), 'the staged failures are in place (compare() is where the test looks)');
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(shared.server.url);
  await page.waitForSelector('html[data-compared]');
  await paste(page, 'original', 'PANIC-FOR-TEST The council voted to build a new bridge.');
  assert.match(
    await statusMatching(page, /internal error/),
    /^The engine hit an internal error \(a staged panic; panicked at src\/wasm\.rs:\d+:\d+\)\. Please report it with the two texts\. The engine was restarted and your texts are kept\. The result below is for the earlier texts\.$/,
  );
  assert.match(await page.inputValue('#original'), /^PANIC-FOR-TEST/);
  await compareTexts(page, 'The council voted to build a new bridge.', 'The council voted to build a new tunnel.');
  assert.match(await page.locator('#status').textContent(), /^Compared 16 words/);
  // A trap that left no record.
  await paste(page, 'original', 'TRAP-FOR-TEST The council voted to build a new bridge.');
  const status = await statusMatching(page, /stopped unexpectedly/);
  assert.equal(
    status,
    'The engine stopped unexpectedly (unreachable). The engine was restarted and your texts are kept. The result below is for the earlier texts.',
  );
  assert.match(await page.inputValue('#original'), /^TRAP-FOR-TEST/);
  // A fresh worker takes the next comparison.
  await compareTexts(page, 'The council voted to build a new bridge.', 'The council voted to build a new tunnel.');
  assert.match(await page.locator('#status').textContent(), /^Compared 16 words/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('memory the browser refuses is reported as such, and the page goes on', async () => {
  // A browser that gives WebAssembly at most 64 MB: a comparison of two
  // 3 MB texts needs between 80 and 96 MB.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--js-flags=--wasm-max-mem-pages=1024'],
  });
  try {
    const { page, errors } = await openPage(browser, shared.server.url);
    await page.evaluate(() => {
      let seed = 7;
      const word = () => {
        seed = (seed * 48271) % 2147483647;
        return `w${(seed % 30000).toString(36)}`;
      };
      const text = () => Array.from({ length: 500_000 }, (_, i) => word() + (i % 12 === 11 ? '.' : '')).join(' ');
      document.getElementById('original').value = text();
      document.getElementById('paraphrase').value = text();
    });
    await page.click('#compare');
    const status = await statusMatching(page, /memory/);
    assert.match(
      status,
      /^The engine ran out of memory: the browser refused it \d+(\.\d)? (MB|KB) more while it held \d+(\.\d)? MB\. The engine was restarted and your texts are kept\./,
    );
    assert.ok((await page.inputValue('#original')).length > 2_000_000, 'the texts are kept');
    await compareTexts(page, 'The council voted to build a new bridge.', 'The council voted to build a new tunnel.');
    assert.match(await page.locator('#status').textContent(), /^Compared 16 words/);
    assert.deepEqual(errors.filter((e) => !/RuntimeError|unreachable/.test(e)), []);
  } finally {
    await browser.close();
  }
});

const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<svg onload="window.__pwned = \'svg\'"><circle r="9"/></svg>',
  '<a href="javascript:window.__pwned=\'link\'">click me</a> javascript:alert(1)',
  '&lt;script&gt;alert(1)&lt;/script&gt; &#60;b&#62; &amp;lt; &#x3C;i&#x3E;',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe> <style>*{display:none}</style>',
  '"><img src=x onerror=alert(1)> \'-alert(1)-\' </textarea><script>alert(1)</script>',
];

test('markup, links and entities in the texts stay text in the page and in the report', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  const original = `The council voted. ${HOSTILE.join(' The council voted. ')}`;
  const paraphrase = `A mayor spoke. ${HOSTILE.slice().reverse().join(' A mayor spoke. ')} The end.`;
  await compareTexts(page, original, paraphrase);
  // Every character of both texts is on the page, as text.
  assert.equal(
    await page.evaluate(() =>
      [...document.querySelectorAll('#rows .cell.paraphrase')]
        .map((c) => c.textContent.trim())
        .filter(Boolean)
        .join(' '),
    ),
    paraphrase,
  );
  assert.equal(await page.locator('#rows script, #rows img, #rows svg, #rows a, #rows iframe, #rows style, #rows i, #rows b').count(), 0);
  assert.equal(await page.locator('body a[href^="javascript:"]').count(), 0);
  assert.match(await page.locator('#rows').textContent(), /&lt;script&gt;alert\(1\)&lt;\/script&gt; &#60;b&#62;/);

  // The exported report: escaped, and inert even with script allowed.
  await page.click('#export-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  const html = readFileSync(await download.path(), 'utf8');
  assert.doesNotMatch(html, /<(script|img|svg|iframe|a |i>|b>)/i);
  const context = await shared.browser.newContext();
  const report = await context.newPage();
  const dialogs = [];
  report.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await report.setContent(html);
  await report.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  assert.equal(await report.evaluate(() => window.__pwned), undefined);
  const shown = await report.locator('body').textContent();
  assert.match(shown, /<svg onload="window\.__pwned = 'svg'">/);
  assert.match(shown, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &#60;b&#62;/, 'entities typed in the text stay entities');
  await context.close();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
});

test('an HTML file whose entities spell markup gives that markup as text', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  const html = '<p>Safe &lt;img src=x onerror="window.__pwned=1"&gt; and &#x3C;script&#x3E;window.__pwned=2&#x3C;/script&#x3E; words.</p>' +
    '<p onclick="window.__pwned=3"><a href="javascript:window.__pwned=4">a link</a></p>';
  await page.evaluate((content) => {
    const file = new File([content], 'tricks.html', { type: 'text/html' });
    const input = document.getElementById('paraphrase-file');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, html);
  await statusMatching(page, /Opened tricks\.html/);
  assert.equal(
    await page.inputValue('#paraphrase'),
    'Safe <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script> words.\n\na link',
  );
  await page.waitForFunction(() => !document.documentElement.dataset.busy);
  assert.equal(await page.locator('#rows img, #rows script, #rows a').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
});
