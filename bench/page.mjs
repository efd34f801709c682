// The page with a book: a pair of 1M-word texts (the paraphrase scenario of
// corpus.mjs) in the page in Debian's Chromium: the original already in its
// box, the paraphrase pasted. Reports how long from the paste (the text in
// its box) until the summary and the first screen of rows appear, the main thread's long
// tasks (PerformanceObserver 'longtask') while comparing and drawing, and
// the frame gaps while scrolling through the rows, and how soon after the
// engine's answer the change list and the folded stretches are drawn.
// Figures only; nothing here passes or fails. `make bench` runs it at 1M
// and at 100k words (issue 13's target: change list and folds within 1 s
// of the result, no main-thread task over 200 ms).
//
//   node bench/page.mjs [--words=1000000] [--scenario=paraphrase]

import { launchBrowser, startServer } from '../tests/e2e/harness.mjs';
import { makePair } from './corpus.mjs';

const argument = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const words = Number(argument('words', '1000000'));
const scenario = argument('scenario', 'paraphrase');

const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('html[data-compared]');
  const { original, paraphrase } = makePair(scenario, words);

  // Watch the main thread from here on.
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });

  // The original is already in its box (pasted a while ago); now the
  // paraphrase is pasted, and the page compares at once.
  await page.evaluate((o) => {
    const box = document.getElementById('original');
    box.value = o;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, original);
  await page.waitForFunction(() => !document.documentElement.dataset.busy);
  // (that comparison, the book against the example, is left to finish)
  const before = await page.evaluate(() => Number(document.documentElement.dataset.compared));
  const pasted = await page.evaluate((p) => {
    const box = document.getElementById('paraphrase');
    box.value = p;
    window.__pastedAt = performance.now();
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    return window.__pastedAt;
  }, paraphrase);
  // The first screen: the summary replaced and the first rows filled.
  await page.waitForFunction((n) => Number(document.documentElement.dataset.compared) > n, before, { timeout: 120_000 });
  const firstScreen = await page.evaluate(() => performance.now() - window.__pastedAt);
  const rowsAtFirstScreen = await page.evaluate(() => document.querySelectorAll('#rows .row[data-filled="true"]').length);
  // Every row shell in place (batches keep the page responsive meanwhile).
  await page.waitForFunction(() => !document.documentElement.dataset.busy, null, { timeout: 120_000 });
  const status = await page.locator('#status').textContent();
  const allShells = await page.evaluate(() => performance.now() - window.__pastedAt);
  const rowCount = await page.locator('#rows .row').count();
  // Reading aids (issue 13): the change list and the folded stretches.
  const reading = await page.evaluate(() => ({
    entries: document.querySelectorAll('#change-items button[data-entry]').length,
    listed: document.getElementById('change-count').textContent.replace(/\.$/, ''),
    bars: document.querySelectorAll('#rows .fold').length,
  }));

  // Scroll through the rows a screen at a time, timing frames.
  const scroll = await page.evaluate(async () => {
    const gaps = [];
    let last = performance.now();
    let running = true;
    const frame = (now) => {
      gaps.push(now - last);
      last = now;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const rows = document.getElementById('rows');
    const top = rows.getBoundingClientRect().top + scrollY;
    for (let step = 0; step < 60; step++) {
      scrollTo(0, top + step * innerHeight * 0.9);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }
    // And a jump far down.
    scrollTo(0, top + rows.scrollHeight * 0.8);
    await new Promise((resolve) => setTimeout(resolve, 300));
    running = false;
    gaps.sort((a, b) => a - b);
    const filled = document.querySelectorAll('#rows .row[data-filled="true"]').length;
    return { frames: gaps.length, p95: gaps[Math.floor(gaps.length * 0.95)], max: gaps.at(-1), filled };
  });
  const marks = await page.evaluate(() =>
    Object.fromEntries(
      ['compare', 'answer', 'shown'].map((name) => [name, performance.getEntriesByName(`article-diff:${name}`).at(-1)?.startTime - window.__pastedAt]),
    ),
  );
  const longTasks = await page.evaluate(() => window.__longTasks);
  const duringComparison = longTasks.filter((t) => t.start >= pasted);
  const longest = duringComparison.reduce((m, t) => Math.max(m, t.duration), 0);

  console.log(`\nThe page with ${words.toLocaleString('en')} words a side (${scenario}), ${new Date().toISOString().slice(0, 10)}:\n`);
  console.log(`| measure | value |`);
  console.log(`|---|---|`);
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`| summary and first screen of rows (from paste) | ${seconds(firstScreen)} (${rowsAtFirstScreen} rows filled) |`);
  console.log(`| of which: reading the boxes, off to the worker | comparison starts at ${seconds(marks.compare)} |`);
  console.log(`| of which: the engine in its worker, and the crossing | answer at ${seconds(marks.answer)} |`);
  console.log(`| of which: the page builds the summary, strip and first rows | shown at ${seconds(marks.shown)} |`);
  console.log(`| change list and folds drawn, from the engine's answer | ${seconds(marks.shown - marks.answer)} (${reading.listed} listed, ${reading.entries} drawn so far; ${reading.bars} bars in the chunks filled) |`);
  console.log(`| every row in place | ${(allShells / 1000).toFixed(2)} s (${rowCount.toLocaleString('en')} rows) |`);
  console.log(`| status line | ${status} |`);
  console.log(`| main-thread tasks over 50 ms from paste to all rows | ${duringComparison.length}, longest ${Math.round(longest)} ms |`);
  console.log(`| scrolling 60 screens and one jump: frame gap p95 / max | ${scroll.p95.toFixed(1)} ms / ${scroll.max.toFixed(1)} ms (${scroll.frames} frames; ${scroll.filled} rows filled by then) |`);
  if (duringComparison.length) {
    console.log(`\nLong tasks (ms from paste): ${duringComparison.map((t) => `${Math.round(t.start - pasted)}+${Math.round(t.duration)}`).join(', ')}`);
  }
} finally {
  await browser.close();
  server.stop();
}
