// Many texts in the page: rewrites added and removed, several files opened
// at once, the overview (its numbers are each pair's own; sorted with the
// keyboard; a row opens its comparison), the coverage of the original, the
// sources mode, the exports, links, a bad text among good ones, and how it
// all looks (axe in both themes, screenshots).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, compare, compareSources } from '../../www/pkg/article_diff.js';
import { COLUMNS, figureText } from '../../www/overview.js';
import {
  axeViolations,
  compareTexts,
  comparedCount,
  openPage,
  root,
  screenshot,
  serveAndBrowse,
  waitForComparison,
} from './harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });
const shared = serveAndBrowse();

const SENTENCES = [
  'The city council voted seven to two on Tuesday to build a new bridge across the Elm River.',
  'Construction is expected to begin next spring and to last about three years.',
  'Opponents said the money would be better spent repairing the roads the town already has.',
  'The mayor thanked residents for the hundreds of letters they sent during the debate.',
];
const ORIGINAL = SENTENCES.join(' ');
const REWRITES = [
  `${SENTENCES[0]} Nothing else here is taken from anywhere at all, the reporter insists.`,
  `${SENTENCES[2]} ${SENTENCES[0]}`,
  'Bananas grow in warm places and are picked while they are still green, long before they ripen.',
];

/** Adds a rewrite box with `text` and waits for the comparison of all. */
async function addRewrite(page, text) {
  const boxes = await page.locator('.field.extra textarea').count();
  // Adding a box compares at once (with it empty): that comparison is
  // waited for first, or it could be the one waited for below, and the
  // one with the text would land later, in the middle of the next step.
  let before = await comparedCount(page);
  await page.click('#add-text');
  await waitForComparison(page, before);
  const box = page.locator('.field.extra textarea').nth(boxes);
  before = await comparedCount(page);
  await box.fill(text);
  await page.click('#compare');
  await waitForComparison(page, before);
}

/** The page with ORIGINAL and the three REWRITES compared. */
async function threeRewrites(options) {
  const opened = await openPage(shared.browser, shared.server.url, options);
  await compareTexts(opened.page, ORIGINAL, REWRITES[0]);
  for (const text of REWRITES.slice(1)) await addRewrite(opened.page, text);
  return opened;
}

/** Pastes 9 MB of text (over the size limit) into the first box added; waits for the comparison. */
async function pasteTooLarge(page) {
  const before = await comparedCount(page);
  await page.evaluate(() => {
    const box = document.querySelector('.field.extra textarea');
    box.value = 'word '.repeat(1_800_000);
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  });
  await waitForComparison(page, before);
}

/** The overview's rows as [name, ...cells], in the order shown. */
function overviewRows(page) {
  return page.locator('#overview tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)),
  );
}

test('rewrites are added and removed; with one left the page is as before', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  assert.ok(await page.locator('#many').isHidden(), 'one pair: no overview');
  await addRewrite(page, REWRITES[1]);
  assert.ok(await page.locator('#many').isVisible());
  assert.ok(await page.locator('#result').isHidden(), 'the overview replaces the rows');
  assert.deepEqual(await page.locator('.inputs .field-head > label').allTextContents(), ['Original', 'Rewrite 1', 'Rewrite 2']);
  assert.deepEqual((await overviewRows(page)).map((row) => row[0]), ['Rewrite 1', 'Rewrite 2']);
  assert.match(await page.locator('#status').textContent(), /Compared 2 rewrites with the original/);

  // Removing the first: the second takes its box.
  let before = await comparedCount(page);
  await page.click('#paraphrase-remove');
  await waitForComparison(page, before);
  assert.equal(await page.inputValue('#paraphrase'), REWRITES[1]);
  assert.equal(await page.locator('.field.extra').count(), 0);
  assert.ok(await page.locator('#many').isHidden());
  assert.ok(await page.locator('#result').isVisible());
  assert.deepEqual(await page.locator('.inputs .field-head > label').allTextContents(), ['Original', 'Paraphrase']);
  assert.match(await page.locator('#status').textContent(), /^Compared \d+ words in \d+ ms\.$/);

  await addRewrite(page, REWRITES[2]);
  before = await comparedCount(page);
  await page.click('.field.extra .remove');
  await waitForComparison(page, before);
  assert.ok(await page.locator('#many').isHidden());
  assert.equal(await page.inputValue('#paraphrase'), REWRITES[1]);
  assert.deepEqual(errors, []);
});

test('a rewrite is renamed with the keyboard, without comparing again', async () => {
  const { page, errors } = await threeRewrites();
  const before = await comparedCount(page);
  await page.focus('.field.extra .rename >> nth=0');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'New name for Rewrite 2');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Reuters <b>wire</b>');
  await page.keyboard.press('Enter');
  assert.deepEqual(await page.locator('.inputs .field-head > label').allTextContents(), ['Original', 'Rewrite 1', 'Reuters <b>wire</b>', 'Rewrite 3']);
  assert.deepEqual((await overviewRows(page)).map((row) => row[0]), ['Rewrite 1', 'Reuters <b>wire</b>', 'Rewrite 3']);
  assert.equal(await page.locator('#overview b').count(), 0, 'a name is text, never markup');
  assert.equal(await comparedCount(page), before, 'renaming compares nothing again');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Rename');
  // Escape keeps the old name; an empty one names the text by its place again.
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ignored');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.field.extra label').first().textContent(), 'Reuters <b>wire</b>');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.field.extra label').first().textContent(), 'Rewrite 2');
  assert.deepEqual(errors, []);
});

test('several files opened at once each become a rewrite named by its file', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  const before = await comparedCount(page);
  await page.setInputFiles(
    '#add-files',
    REWRITES.map((text, i) => ({ name: `outlet-${i + 1}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) })),
  );
  await waitForComparison(page, before);
  assert.deepEqual((await overviewRows(page)).map((row) => row[0]), ['Rewrite 1', 'outlet-1.txt', 'outlet-2.txt', 'outlet-3.txt']);
  assert.match(await page.locator('#status').textContent(), /Opened outlet-1\.txt, outlet-2\.txt, outlet-3\.txt\. Compared 4 rewrites/);

  // Dropped onto a box: the first replaces its text, the others are added.
  const dropped = await comparedCount(page);
  await page.evaluate((texts) => {
    const transfer = new DataTransfer();
    texts.forEach((text, i) => transfer.items.add(new File([text], `drop-${i + 1}.txt`, { type: 'text/plain' })));
    const target = document.querySelector('#paraphrase');
    for (const kind of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, [ORIGINAL, REWRITES[0]]);
  await waitForComparison(page, dropped);
  assert.equal(await page.inputValue('#paraphrase'), ORIGINAL);
  assert.deepEqual((await overviewRows(page)).map((row) => row[0]), ['drop-1.txt', 'outlet-1.txt', 'outlet-2.txt', 'outlet-3.txt', 'drop-2.txt']);

  // Opened on the original's box: the first is the original, the rest rewrites.
  const opened = await comparedCount(page);
  await page.setInputFiles('#original-file', [
    { name: 'wire.txt', mimeType: 'text/plain', buffer: Buffer.from(ORIGINAL) },
    { name: 'late.txt', mimeType: 'text/plain', buffer: Buffer.from(REWRITES[2]) },
  ]);
  await waitForComparison(page, opened);
  assert.equal(await page.inputValue('#original'), ORIGINAL);
  assert.equal((await overviewRows(page)).at(-1)[0], 'late.txt');
  assert.deepEqual(errors, []);
});

test("the overview's numbers are each pair's own, sorted with the keyboard, and a row opens its comparison", async () => {
  const { page, errors } = await threeRewrites();
  const rows = await overviewRows(page);
  REWRITES.forEach((text, i) => {
    const comparison = compare(ORIGINAL, text);
    const figures = comparison.figures;
    comparison.free();
    assert.deepEqual(rows[i], [`Rewrite ${i + 1}`, ...COLUMNS.map((column) => figureText(column, figures[column.key]))], `rewrite ${i + 1}`);
  });

  // Sort by words with the keyboard: Enter on the heading's button, twice.
  const words = (await page.locator('#overview tbody td[data-key="words"]').allTextContents()).map(Number);
  await page.focus('#overview th button[data-key="words"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#overview th:has(button[data-key="words"])', 'aria-sort'), 'ascending');
  const up = (await page.locator('#overview tbody td[data-key="words"]').allTextContents()).map(Number);
  assert.deepEqual(up, [...words].sort((a, b) => a - b));
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'words', 'focus stays on the heading');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#overview th:has(button[data-key="words"])', 'aria-sort'), 'descending');
  assert.deepEqual((await page.locator('#overview tbody td[data-key="words"]').allTextContents()).map(Number), [...words].sort((a, b) => b - a));
  assert.equal(await page.getAttribute('#overview th:has(button[data-key="name"])', 'aria-sort'), 'none');
  // Compared again (an edit), the overview keeps its order.
  const before = await comparedCount(page);
  await page.click('#compare');
  await waitForComparison(page, before);
  assert.equal(await page.getAttribute('#overview th:has(button[data-key="words"])', 'aria-sort'), 'descending');
  assert.deepEqual((await page.locator('#overview tbody td[data-key="words"]').allTextContents()).map(Number), [...words].sort((a, b) => b - a));

  // A row's name opens its comparison; back goes to the overview.
  await page.focus('#overview tbody tr[data-index="1"] button.open');
  await page.keyboard.press('Enter');
  assert.ok(await page.locator('#result').isVisible());
  assert.ok(await page.locator('#overview').isHidden());
  assert.equal(await page.locator('#open-name').textContent(), 'Rewrite 2 beside the original');
  const shown = await page.locator('#rows .cell.paraphrase').allTextContents();
  assert.deepEqual(shown.filter(Boolean), [SENTENCES[2], SENTENCES[0]]);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'back-to-list');
  await page.keyboard.press('Enter');
  assert.ok(await page.locator('#overview').isVisible());
  assert.ok(await page.locator('#result').isHidden());
  // A click anywhere on a row opens it too.
  await page.locator('#overview tbody tr[data-index="0"] td').first().click();
  assert.equal(await page.locator('#open-name').textContent(), 'Rewrite 1 beside the original');
  assert.deepEqual(errors, []);
});

test('the coverage view counts the rewrites reusing each sentence of the original', async () => {
  const { page, errors } = await threeRewrites();
  await page.click('#show-coverage');
  assert.equal(await page.getAttribute('#show-coverage', 'aria-pressed'), 'true');
  const items = page.locator('#coverage .coverage-list li');
  assert.deepEqual(await items.evaluateAll((list) => list.map((li) => li.dataset.count)), ['2', '0', '1', '0']);
  assert.deepEqual(await page.locator('#coverage .coverage-count').allTextContents(), ['2 of 3', 'none of 3', '1 of 3', 'none of 3']);
  assert.deepEqual(await page.locator('#coverage .coverage-text').allTextContents(), SENTENCES);
  assert.deepEqual(errors, []);
});

test('the worker tells how far many rewrites are, a batch at a time', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  const heard = await page.evaluate(async ([original, rewrites]) => {
    const { Engine } = await import('./www/engine.js');
    const engine = new Engine();
    const progress = [];
    const answer = await engine.compareMany(original, rewrites, undefined, ({ done, total }) => progress.push(`${done}/${total}`));
    return { progress, compared: answer.results.filter((one) => one.figures).length };
  }, [ORIGINAL, Array.from({ length: 20 }, (_, i) => REWRITES[i % 3])]);
  assert.deepEqual(heard, { progress: ['8/20', '16/20', '20/20'], compared: 20 });
  assert.deepEqual(errors, []);
});

test('a text the engine refuses gets its message in its row; the others are compared', async () => {
  const { page, errors } = await threeRewrites();
  // Pasted: the page folds the box (a book's layout would hold up the page) and compares.
  await pasteTooLarge(page);
  assert.ok(await page.locator('.field.extra textarea').first().isHidden(), 'the long text is folded');
  assert.match(await page.locator('.field.extra .folded-note').first().textContent(), /9\.0 million characters, folded/);
  const rows = await overviewRows(page);
  assert.equal(rows[1][0], 'Rewrite 2');
  assert.match(rows[1][1], /^Not compared: This rewrite is 8\.6 MB of text/);
  assert.equal(rows[0].length, COLUMNS.length + 1);
  assert.equal(rows[2].length, COLUMNS.length + 1);
  assert.match(await page.locator('#status').textContent(), /1 could not be compared/);
  await page.locator('.field.extra .folded-note button').first().click();
  assert.ok(await page.locator('.field.extra textarea').first().isVisible());
  assert.equal(await page.evaluate(() => document.activeElement.localName), 'textarea');
  assert.deepEqual(errors, []);
});

const SOURCE_A = [
  'The storm knocked out power to forty thousand homes across the county overnight.',
  'Crews from three neighbouring states arrived on Wednesday to help restore the lines.',
].join(' ');
const SOURCE_B = [
  'Schools in the northern districts will stay closed until the roads are cleared of fallen trees.',
  'The governor declared a state of emergency and asked residents to stay off the roads.',
].join(' ');
const TEXT = [
  'The storm knocked out power to forty thousand homes across the county overnight.',
  'The governor declared a state of emergency and asked residents to stay off the roads.',
  'Our reporter saw long lines at the only open petrol station in town.',
].join(' ');

/** The page in sources mode: SOURCE_A and SOURCE_B against TEXT. */
async function twoSources(options) {
  const opened = await openPage(shared.browser, shared.server.url, options);
  const { page } = opened;
  let before = await comparedCount(page);
  await page.check('input[name="mode"][value="sources"]');
  await waitForComparison(page, before);
  await compareTexts(page, SOURCE_A, TEXT);
  // The comparison adding a box starts is waited for first (see addRewrite).
  before = await comparedCount(page);
  await page.click('#add-text');
  await waitForComparison(page, before);
  before = await comparedCount(page);
  await page.locator('.field.extra textarea').fill(SOURCE_B);
  await page.click('#compare');
  await waitForComparison(page, before);
  return opened;
}

test('sources mode marks passages by source, with a legend of letters and shares', async () => {
  const { page, errors } = await twoSources();
  assert.deepEqual(await page.locator('.inputs .field-head > label').allTextContents(), ['Source A', 'Source B', 'Text']);
  assert.equal(await page.locator('#add-text').textContent(), 'Add a source');
  const result = compareSources([SOURCE_A, SOURCE_B], TEXT);
  const attribution = result.attribution();
  for (const comparison of result.comparisons) comparison.free();
  result.free();
  const share = (words) => `${Math.round((words * 1000) / attribution.textWords) / 10}%`;
  const legend = await page.locator('#sources .sources-legend tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].slice(0, 6).map((cell) => cell.textContent)),
  );
  assert.deepEqual(legend, [
    ['A', 'Source A', share(attribution.perSource[0].copiedWords), String(attribution.perSource[0].copiedWords), String(attribution.perSource[0].runs), String(attribution.perSource[0].pairs)],
    ['B', 'Source B', share(attribution.perSource[1].copiedWords), String(attribution.perSource[1].copiedWords), String(attribution.perSource[1].runs), String(attribution.perSource[1].pairs)],
    ['All', 'all sources together', share(attribution.whole.copiedWords), String(attribution.whole.copiedWords), String(attribution.whole.runs), String(attribution.whole.pairs)],
  ]);
  assert.ok(attribution.perSource[0].copiedWords > 0 && attribution.perSource[1].copiedWords > 0);
  // Each copied sentence is marked with its source's letter, and coloured.
  const marks = await page.locator('#sources mark.source').evaluateAll((list) =>
    list.map((mark) => [mark.querySelector('.source-letter').textContent, mark.textContent.slice(1), getComputedStyle(mark).backgroundColor]),
  );
  // (A copied run is words: the sentence's closing period is not in it.)
  assert.deepEqual(marks.map(([letter, text]) => [letter, text]), [
    ['A', TEXT.split('. ')[0]],
    ['B', TEXT.split('. ')[1]],
  ]);
  assert.notEqual(marks[0][2], marks[1][2], 'the sources have colours of their own');
  assert.match(await page.locator('#sources .sources-text').textContent(), /Our reporter saw long lines/);

  // The report holds the legend, the marked text and each comparison.
  await page.click('#export-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  const context = await shared.browser.newContext({ javaScriptEnabled: false, offline: true });
  const report = await context.newPage();
  await report.setContent(readFileSync(await download.path(), 'utf8'));
  assert.equal(await report.locator('h1').textContent(), 'Where the text comes from: 2 sources');
  assert.deepEqual(await report.locator('.sources-legend tbody th').allTextContents(), ['A', 'B', 'All']);
  assert.deepEqual(await report.locator('mark.source .source-letter').allTextContents(), ['A', 'B']);
  assert.deepEqual(await report.locator('section.comparison h2').allTextContents(), ['Source A', 'Source B']);
  await context.close();

  // A source's comparison opens side by side.
  await page.click('#sources button.open[data-source="1"]');
  assert.equal(await page.locator('#open-name').textContent(), 'Source B beside the text');
  assert.ok(await page.locator('#rows .row').count() > 0);
  await page.click('#back-to-list');
  assert.ok(await page.locator('#sources').isVisible());
  assert.deepEqual(errors, []);
});

test('a source over the size limit gets its message in the legend; the others are compared', async () => {
  const { page, errors } = await twoSources();
  await pasteTooLarge(page);
  const legend = await page.locator('#sources .sources-legend tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)),
  );
  assert.equal(legend[1][0], 'B');
  assert.match(legend[1][2], /^Not compared: This source is 8\.6 MB of text/);
  assert.equal(legend[0][2], `${Math.round((13 * 1000) / 41) / 10}%`, "A's share as before");
  assert.deepEqual(await page.locator('#sources mark.source .source-letter').allTextContents(), ['A']);
  assert.match(await page.locator('#status').textContent(), /Compared 2 sources with the text in \d+ ms\. 1 could not be compared/);
  // The JSON is the one sources model the command line's --source writes:
  // it names the source that was not compared, with why, and credits
  // nothing to it.
  await page.click('#export-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const model = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(model.format, 'article-diff/1');
  assert.equal(model.offsets, 'utf-16');
  assert.deepEqual(model.sources.map((source) => [source.name, source.stats?.copied_words ?? source.error.slice(0, 16)]), [
    ['Source A', 13],
    ['Source B', 'This source is 8'],
  ]);
  assert.ok(model.runs.length > 0 && model.runs.every((run) => run.source === 0));
  for (const run of model.runs) {
    assert.equal(model.sources[0].text.slice(...run.original), TEXT.slice(...run.paraphrase));
  }
  assert.deepEqual(errors, []);
});

test('exports: the overview as CSV, all models as a JSON array, one HTML report', async () => {
  const { page, errors } = await threeRewrites();
  await page.click('#export-menu summary');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.equal(csvDownload.suggestedFilename(), 'article-diff-overview.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8').split('\r\n');
  assert.equal(csv[0], 'name,words,copied_percent,reworded_percent,new_percent,moved_passages,unquoted_copied_words,longest_passage_words,error');
  assert.equal(csv.length, 5);
  assert.match(csv[2], /^Rewrite 2,\d+,[\d.]+,[\d.]+,[\d.]+,\d+,\d+,\d+,$/);

  await page.click('#export-menu summary');
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const models = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  assert.ok(Array.isArray(models));
  assert.deepEqual(models.map((model) => [model.name, model.format]), REWRITES.map((_, i) => [`Rewrite ${i + 1}`, 'article-diff/1']));
  assert.equal(models[1].paraphrase.spans.map((span) => span.text).join(''), REWRITES[1]);

  await page.click('#export-menu summary');
  const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  const html = readFileSync(await htmlDownload.path(), 'utf8');
  assert.doesNotMatch(html, /<script/i);
  const context = await shared.browser.newContext({ javaScriptEnabled: false, offline: true });
  const report = await context.newPage();
  await report.setContent(html);
  assert.equal(await report.locator('h1').textContent(), 'How 3 rewrites were made from the original');
  assert.deepEqual(await report.locator('.overview-table tbody th').allTextContents(), ['Rewrite 1', 'Rewrite 2', 'Rewrite 3']);
  assert.deepEqual(await report.locator('.coverage-count').allTextContents(), ['2 of 3', 'none of 3', '1 of 3', 'none of 3']);
  assert.deepEqual(await report.locator('section.comparison h2').allTextContents(), ['Rewrite 1', 'Rewrite 2', 'Rewrite 3']);
  assert.equal(await report.locator('#rewrite-2 .rows .row').count(), 4);
  await report.click('.overview-table a[href="#rewrite-3"]');
  await screenshot(report, 'many-report');
  await context.close();
  assert.deepEqual(errors, []);
});

test('a link carries three texts, their names and the mode; too long, it says so', async () => {
  const { page, context, errors } = await threeRewrites();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#share');
  await page.waitForFunction(() => /Link copied/.test(document.querySelector('#status').textContent));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#v2,[A-Za-z0-9_-]+$/);
  const fresh = await openPage(shared.browser, link);
  assert.equal(await fresh.page.inputValue('#original'), ORIGINAL);
  assert.equal(await fresh.page.inputValue('#paraphrase'), REWRITES[0]);
  assert.deepEqual(await fresh.page.locator('.field.extra textarea').evaluateAll((boxes) => boxes.map((box) => box.value)), REWRITES.slice(1));
  assert.deepEqual(await overviewRows(fresh.page), await overviewRows(page));

  const sources = await twoSources();
  await sources.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await sources.page.click('#share');
  await sources.page.waitForFunction(() => /Link copied/.test(document.querySelector('#status').textContent));
  const sourcesLink = await sources.page.evaluate(() => navigator.clipboard.readText());
  const reopened = await openPage(shared.browser, sourcesLink);
  assert.ok(await reopened.page.isChecked('input[name="mode"][value="sources"]'));
  assert.deepEqual(await reopened.page.locator('.inputs .field-head > label').allTextContents(), ['Source A', 'Source B', 'Text']);
  assert.equal(await reopened.page.locator('#sources mark.source').count(), 2);

  // Random letters barely compress: over the link limit.
  await page.evaluate(() => {
    const bytes = new Uint8Array(120_000);
    for (let at = 0; at < bytes.length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
    document.querySelector('.field.extra textarea').value = Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26)) + (b % 7 === 0 ? ' ' : '')).join('');
  });
  const url = page.url();
  await page.click('#share');
  await page.waitForFunction(() => /too long for a link/.test(document.querySelector('#status').textContent));
  assert.equal(page.url(), url, 'the address keeps the last link that fitted');
  assert.deepEqual([...errors, ...fresh.errors, ...sources.errors, ...reopened.errors], []);
});

const axeContext = { bypassCSP: true, viewport: { width: 1280, height: 900 } };

for (const scheme of ['light', 'dark']) {
  test(`no accessibility violations in the many views, ${scheme} theme`, async () => {
    const { page } = await threeRewrites({ ...axeContext, colorScheme: scheme });
    await page.focus('#overview th button[data-key="copied"]');
    await page.keyboard.press('Enter');
    assert.deepEqual(await axeViolations(page), [], 'overview');
    await screenshot(page, `many-overview-${scheme}`);
    await page.click('#show-coverage');
    assert.deepEqual(await axeViolations(page), [], 'coverage');
    await screenshot(page, `many-coverage-${scheme}`);
    const sources = await twoSources({ ...axeContext, colorScheme: scheme });
    assert.deepEqual(await axeViolations(sources.page), [], 'sources');
    await screenshot(sources.page, `many-sources-${scheme}`);
  });
}

test('the many views on a phone', async () => {
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true };
  const { page } = await threeRewrites(phone);
  let scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 390, `the page scrolls sideways (${scrollWidth}px)`);
  await screenshot(page, 'many-overview-phone');
  const sources = await twoSources(phone);
  scrollWidth = await sources.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 390, `the page scrolls sideways (${scrollWidth}px)`);
  await screenshot(sources.page, 'many-sources-phone');
});
