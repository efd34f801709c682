// Nothing lost (issue 13, item 8): the texts, their names and the mode
// survive a reload, kept in this browser only; "Forget these texts" deletes
// them for good; storage that is refused is said once and loses nothing
// else; the report and the JSON name the inputs, the date and the options;
// a link carries the view and the row order.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import {
  axeViolations,
  compareTexts,
  comparedCount,
  openPage,
  read,
  root,
  screenshot,
  serveAndBrowse,
  waitForComparison,
} from './harness.mjs';

const shared = serveAndBrowse();
const schema = JSON.parse(readFileSync(join(root, 'docs/article-diff-1.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

const ORIGINAL = 'The city council voted seven to two on Tuesday to build a new bridge across the Elm River. Work starts in spring.';
const REWRITE = 'The city council voted seven to two on Tuesday to build a new bridge across the Elm River, officials said. Ünïcödé 😀 <b>x</b>';
const SECOND = 'Councillors backed a bridge over the Elm River on Tuesday by seven votes to two.';

/** Waits until the page has saved its texts `count` times since it was loaded. */
async function waitForKept(page, count = 1) {
  await page.waitForFunction((n) => Number(document.documentElement.dataset.kept ?? 0) >= n, count);
}

/** Reloads the page and waits for its first comparison. */
async function reload(page) {
  await page.reload();
  await page.waitForSelector('html[data-compared]');
}

/** The value and label of every text box, in the page's order. */
function boxes(page) {
  return page.locator('.inputs .field').evaluateAll((fields) =>
    fields.map((field) => [field.querySelector('.field-head label:not(.file-button)').textContent, field.querySelector('textarea').value]),
  );
}

test('typed texts come back after a reload; the example does not replace them', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.server.url);
  assert.equal(await page.inputValue('#original'), read('www/example/original.txt'), 'nothing kept: the example');
  await page.fill('#original', ORIGINAL);
  await page.fill('#paraphrase', REWRITE);
  await waitForKept(page);
  await reload(page);
  assert.equal(await page.inputValue('#original'), ORIGINAL);
  assert.equal(await page.inputValue('#paraphrase'), REWRITE);
  assert.match(await page.locator('#status').textContent(), /^Your texts are back from your last visit \(kept in this browser only\)\. Compared \d+ words/);
  assert.match(await page.locator('#keep-note').textContent(), /kept in this browser only/);
  // Another browser profile (a new context) keeps nothing of them.
  const other = await openPage(shared.browser, shared.server.url);
  assert.equal(await other.page.inputValue('#original'), read('www/example/original.txt'));
  await other.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('after a link is made, edits drop it from the address bar and win over it on a reload', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await compareTexts(page, ORIGINAL, REWRITE);
  await waitForKept(page, 1);
  await page.click('#share');
  await page.waitForFunction(() => /Link copied/.test(document.querySelector('#status').textContent));
  const link = page.url();
  assert.match(link, /#v1,/);
  await page.fill('#paraphrase', `${REWRITE} One more sentence.`);
  assert.equal(await page.evaluate(() => location.hash), '', 'the link no longer holds these texts');
  await waitForKept(page, 2);
  await reload(page);
  assert.equal(await page.inputValue('#paraphrase'), `${REWRITE} One more sentence.`);
  // The link itself still opens what it holds, over the texts kept.
  const opened = await context.newPage(); // the same browser profile, so the same texts kept
  await opened.goto(link);
  await opened.waitForSelector('html[data-compared]');
  assert.equal(await opened.inputValue('#paraphrase'), REWRITE);
  assert.deepEqual(errors, []);
  await context.close();
});

test('three texts with their names and the mode come back; then sources mode does too', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.server.url);
  await compareTexts(page, ORIGINAL, REWRITE);
  const before = await comparedCount(page);
  await page.setInputFiles('#add-files', [{ name: 'council.txt', mimeType: 'text/plain', buffer: Buffer.from(SECOND) }]);
  await waitForComparison(page, before);
  await waitForKept(page);
  const three = await boxes(page);
  assert.deepEqual(three, [
    ['Original', ORIGINAL],
    ['Rewrite 1', REWRITE],
    ['council.txt', SECOND],
  ]);
  await reload(page);
  assert.deepEqual(await boxes(page), three);
  assert.equal(await page.isChecked('input[name="mode"][value="rewrites"]'), true);
  assert.equal(await page.locator('#overview tbody tr').count(), 2, 'compared again as many rewrites');

  // One text, two sources: the extra box moves to the sources' side.
  const again = await comparedCount(page);
  await page.check('input[name="mode"][value="sources"]');
  await waitForComparison(page, again);
  await waitForKept(page);
  const sources = await boxes(page);
  await reload(page);
  assert.equal(await page.isChecked('input[name="mode"][value="sources"]'), true);
  assert.deepEqual(await boxes(page), sources);
  assert.ok(sources.some(([label]) => /council\.txt/.test(label)), JSON.stringify(sources));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a text of megabytes is kept and comes back, folded as before', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.server.url);
  const before = await comparedCount(page);
  // About 3 MB: each sentence a little different, as prose is.
  const length = await page.evaluate(() => {
    const sentences = [];
    for (let i = 0; sentences.length < 40_000; i++) sentences.push(`Sentence ${i} of the long report says the council met about item ${i * 7}.`);
    const box = document.querySelector('#original');
    box.value = sentences.join(' ');
    box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste' }));
    return box.value.length;
  });
  assert.ok(length > 2_500_000, String(length));
  await waitForComparison(page, before);
  await waitForKept(page);
  await reload(page);
  assert.equal(await page.evaluate(() => document.querySelector('#original').value.length), length);
  assert.equal(await page.isVisible('#original-folded'), true, 'folded, as a long text is');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Forget these texts" empties the boxes and deletes the saved copy, for good', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.server.url);
  await page.fill('#original', ORIGINAL);
  await page.fill('#paraphrase', REWRITE);
  await page.click('#add-text');
  await page.locator('.field.extra textarea').fill(SECOND);
  await waitForKept(page);
  const before = await comparedCount(page);
  await page.click('#forget');
  await waitForComparison(page, before);
  assert.deepEqual(await boxes(page), [
    ['Original', ''],
    ['Paraphrase', ''],
  ]);
  assert.match(
    await page.locator('#status').textContent(),
    /^Your texts are forgotten: the copy kept in this browser is deleted and the boxes are emptied\. "Load the example" shows how the page works\./,
  );
  assert.equal(await page.locator('#rows').textContent(), 'Both texts are empty.', 'their comparison is gone too');
  await reload(page);
  for (const side of ['original', 'paraphrase']) {
    const text = await page.inputValue(`#${side}`);
    assert.equal(text, read(`www/example/${side}.txt`), 'nothing of theirs comes back: the example');
  }
  assert.equal(await page.locator('.field.extra').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a text opened from a link is forgotten from the address bar too', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await compareTexts(page, ORIGINAL, REWRITE);
  await page.click('#share');
  await page.waitForFunction(() => /Link copied/.test(document.querySelector('#status').textContent));
  assert.match(page.url(), /#v1,/);
  const before = await comparedCount(page);
  await page.click('#forget');
  await waitForComparison(page, before);
  assert.equal(await page.evaluate(() => location.hash), '');
  await reload(page);
  assert.notEqual(await page.inputValue('#paraphrase'), REWRITE);
  await context.close();
});

test('storage refused: said once, calmly, and the page compares all the same', async () => {
  const context = await shared.browser.newContext();
  await context.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(shared.server.url);
  await page.waitForSelector('html[data-compared]');
  const status = await page.locator('#status').textContent();
  assert.match(status, /^Your texts will not be kept after this page is closed: this browser does not let the page store anything\. Everything else works as before\. Compared \d+ words/);
  assert.equal(await page.locator('#status.problem').count(), 0, 'news, not a problem');
  assert.match(await page.locator('#keep-note').textContent(), /^Your texts are not kept: .*They last until this page is closed\.$/);
  assert.equal(await page.inputValue('#original'), read('www/example/original.txt'));
  await compareTexts(page, ORIGINAL, REWRITE);
  assert.ok((await page.locator('#rows .row').count()) > 0);
  await page.fill('#paraphrase', SECOND);
  await page.waitForTimeout(1200); // past the moment a save would come
  assert.doesNotMatch(await page.locator('#status').textContent(), /not be kept/, 'said once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage that never answers: the page goes on without it after a few seconds', async () => {
  const context = await shared.browser.newContext();
  await context.addInitScript(() => {
    IDBFactory.prototype.open = () => ({}); // a request whose events never come
  });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.waitForSelector('html[data-compared]', { timeout: 15_000 });
  assert.match(await page.locator('#status').textContent(), /^Your texts will not be kept after this page is closed: this browser's storage did not answer\./);
  assert.equal(await page.inputValue('#original'), read('www/example/original.txt'));
  await context.close();
});

test('the report names the inputs, the date and the options; the JSON too, and passes the schema', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await compareTexts(page, ORIGINAL, REWRITE);
  const before = await comparedCount(page);
  await page.setInputFiles('#original-file', { name: 'wire <report>.txt', mimeType: 'text/plain', buffer: Buffer.from(ORIGINAL) });
  await waitForComparison(page, before);
  await page.click('#export-menu summary');
  const started = Date.now();
  const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  const html = readFileSync(await htmlDownload.path(), 'utf8');
  const report = await context.newPage();
  await report.setContent(html);
  const about = await report.locator('header .about').evaluate((list) =>
    [...list.querySelectorAll('dt')].map((term) => [term.textContent, term.nextElementSibling.textContent]),
  );
  assert.equal(about[0][0], 'Texts');
  assert.match(about[0][1], /^wire <report>\.txt \(Original\): 22 wordsParaphrase: 25 words$/);
  assert.equal(about[1][0], 'Date');
  const iso = await report.locator('header .about time').getAttribute('datetime');
  assert.ok(Math.abs(Date.parse(iso) - started) < 60_000, iso);
  assert.match(about[1][1], /^\d{1,2} [A-Z][a-z]+ \d{4}(,| at) \d{2}:\d{2} UTC \(\d{4}-\d{2}-\d{2}T[\d:.]+Z\)$/);
  assert.deepEqual(about[2], ['Options', 'Letter case ignored; all quote marks, apostrophes and dashes alike; Unicode normalized; punctuation compared; copied passages of at least 4 words.']);
  assert.match(html, /wire &lt;report&gt;\.txt/);
  await screenshot(report, 'keep-report', { fullPage: false });

  await page.click('#export-menu summary');
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const model = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  assert.deepEqual(model.inputs, { original: 'wire <report>.txt', paraphrase: 'Paraphrase' });
  assert.ok(Math.abs(Date.parse(model.exported) - started) < 60_000, model.exported);
  assert.equal(model.options.min_run, 4);
  assert.ok(validate(model), JSON.stringify(validate.errors));
  await context.close();
});

test('many rewrites: the report lists each with its words; the JSON array names the original in each', async () => {
  const { page, context } = await openPage(shared.browser, shared.server.url);
  await compareTexts(page, ORIGINAL, REWRITE);
  const before = await comparedCount(page);
  await page.setInputFiles('#add-files', [{ name: 'council.txt', mimeType: 'text/plain', buffer: Buffer.from(SECOND) }]);
  await waitForComparison(page, before);
  await page.click('#export-menu summary');
  const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  const report = await context.newPage();
  await report.setContent(readFileSync(await htmlDownload.path(), 'utf8'));
  assert.deepEqual(await report.locator('header .about dt').allTextContents(), ['3 texts', 'Date', 'Options']);
  assert.deepEqual(await report.locator('header .about li').allTextContents(), ['Original: 22 words', 'Rewrite 1: 25 words', 'council.txt (Rewrite 2): 15 words']);
  await page.click('#export-menu summary');
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const models = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  assert.deepEqual(
    models.map((m) => [m.name, m.inputs]),
    [
      ['Rewrite 1', { original: 'Original', paraphrase: 'Rewrite 1' }],
      ['council.txt', { original: 'Original', paraphrase: 'council.txt' }],
    ],
  );
  for (const model of models) assert.ok(validate(model), JSON.stringify(validate.errors));
  await context.close();
});

test('a link carries the view and the row order, and opening it applies them', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await compareTexts(page, ORIGINAL, REWRITE);
  await page.check('input[name="view"][value="inline"]');
  await page.selectOption('#order', 'original');
  await page.click('#share');
  await page.waitForFunction(() => /Link copied/.test(document.querySelector('#status').textContent));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(await page.locator('#status').textContent(), /the options and the view/);

  // A reader whose own settings are the defaults opens it.
  const fresh = await openPage(shared.browser, link);
  assert.equal(await fresh.page.isChecked('input[name="view"][value="inline"]'), true);
  assert.equal(await fresh.page.inputValue('#order'), 'original');
  assert.equal(await fresh.page.getAttribute('#rows', 'class'), 'rows view-inline');
  // In original order the dropped sentence ("Work starts in spring.") comes last, after its neighbour.
  assert.match(await fresh.page.locator('#rows .row').last().textContent(), /Work starts in spring/);
  assert.equal(await fresh.page.inputValue('#paraphrase'), REWRITE);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the new control is labelled, axe-clean in both themes, and fits a phone', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await openPage(shared.browser, shared.server.url, { colorScheme, bypassCSP: true });
    assert.equal(await page.getByRole('button', { name: 'Forget these texts' }).count(), 1);
    assert.deepEqual(await axeViolations(page), [], colorScheme);
    await context.close();
  }
  const { page, context } = await openPage(shared.browser, shared.server.url, { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const box = await page.locator('#forget').boundingBox();
  const note = await page.locator('.keep-note').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
  assert.ok(note.x + note.width <= 390, JSON.stringify(note));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scrolling');
  await page.locator('.keep-note').scrollIntoViewIfNeeded();
  await screenshot(page, 'keep-phone-dark', { fullPage: false });
  await context.close();
  const light = await openPage(shared.browser, shared.server.url, { viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  await light.page.locator('.keep-note').scrollIntoViewIfNeeded();
  await screenshot(light.page, 'keep-desktop-light', { fullPage: false });
  await light.context.close();
});
