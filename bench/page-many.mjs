// The page with many rewrites: one original of --words words and --rewrites
// rewrites of it (the paraphrase scenario of corpus.mjs, each from a seed
// of its own) in the page in Debian's Chromium. Reports how long from
// Compare until the overview is shown, how often the progress line moved,
// and the main thread's long tasks meanwhile (the comparisons run in the
// worker). Figures only; nothing here passes or fails.
//
//   node bench/page-many.mjs [--words=2000] [--rewrites=100]

import { launchBrowser, startServer } from '../tests/e2e/harness.mjs';
import { makePair } from './corpus.mjs';

const argument = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const words = Number(argument('words', '2000'));
const count = Number(argument('rewrites', '100'));

const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('html[data-compared]');
  const { original } = makePair('paraphrase', words, 1);
  const rewrites = Array.from({ length: count }, (_, i) => makePair('paraphrase', words, i + 1).paraphrase);

  // The boxes filled without comparing, as a set of files opened at once.
  await page.evaluate(
    async ([original, rewrites]) => {
      const boxes = () => document.querySelectorAll('.field.extra textarea');
      document.getElementById('original').value = original;
      document.getElementById('paraphrase').value = rewrites[0];
      const add = document.getElementById('add-text');
      // Each Add compares; the newest request wins, so only the last counts.
      for (let i = 1; i < rewrites.length; i++) {
        add.click();
        boxes()[i - 1].value = rewrites[i];
      }
    },
    [original, rewrites],
  );
  await page.waitForFunction(() => !document.documentElement.dataset.busy, null, { timeout: 300_000 });
  const before = await page.evaluate(() => {
    window.__longTasks = [];
    window.__progress = new Set();
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    new MutationObserver(() => window.__progress.add(document.getElementById('progress-text').textContent.replace(/ [\d.]+ s$/, ''))).observe(
      document.getElementById('progress-text'),
      { childList: true, characterData: true, subtree: true },
    );
    window.__startedAt = performance.now();
    document.getElementById('compare').click();
    return Number(document.documentElement.dataset.compared);
  });
  await page.waitForFunction((n) => Number(document.documentElement.dataset.compared) > n, before, { timeout: 300_000 });
  const shown = await page.evaluate(() => performance.now() - window.__startedAt);
  const rows = await page.locator('#overview tbody tr').count();
  const status = await page.locator('#status').textContent();
  const progress = await page.evaluate(() => [...window.__progress]);
  const longTasks = await page.evaluate(() => window.__longTasks.filter((t) => t.start >= window.__startedAt));
  const longest = longTasks.reduce((m, t) => Math.max(m, t.duration), 0);
  const startedAt = await page.evaluate(() => window.__startedAt);
  const marks = await page.evaluate(() =>
    Object.fromEntries(['answer', 'shown'].map((name) => [name, performance.getEntriesByName(`article-diff:${name}`).at(-1)?.startTime - window.__startedAt])),
  );

  console.log(`\nThe page with ${count} rewrites of ${words.toLocaleString('en')} words (paraphrase), ${new Date().toISOString().slice(0, 10)}:\n`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| overview shown (from Compare) | ${(shown / 1000).toFixed(2)} s (${rows} rows) |`);
  console.log(`| of which: the worker's answer received and read (Findings, coverage) | at ${(marks.answer / 1000).toFixed(2)} s |`);
  console.log(`| of which: the overview and coverage drawn | shown at ${(marks.shown / 1000).toFixed(2)} s |`);
  console.log(`| status line | ${status} |`);
  console.log(`| progress lines seen | ${progress.length}${progress.length ? ` (last: ${progress.at(-1)})` : ''} |`);
  console.log(`| main-thread tasks over 50 ms meanwhile | ${longTasks.length}, longest ${Math.round(longest)} ms |`);
  if (longTasks.length) {
    console.log(`\nLong tasks (ms from Compare): ${longTasks.map((t) => `${Math.round(t.start - startedAt)}+${Math.round(t.duration)}`).join(', ')}`);
  }
} finally {
  await browser.close();
  server.stop();
}
