// Real progress: a long comparison shows a determinate bar with the stage
// the engine is in (posted by the engine itself from the worker), its
// share rising, stage after stage, then the result; Cancel during it stops
// the work and says so.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { axeViolations, compareTexts, comparedCount, openPage, screenshots, serveAndBrowse, waitForComparison } from './harness.mjs';

const shared = serveAndBrowse();

/**
 * Puts in a pair of `words` words a side (no input event): an original of
 * made-up sentences and a rewrite of it with every sixth word changed and
 * every third sentence moved, so that every stage has work.
 */
async function loadLongPair(page, words = 400_000) {
  await page.evaluate((n) => {
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    const sentences = [];
    for (let i = 0; i < n / 15; i++) {
      sentences.push(Array.from({ length: 15 }, () => `w${(next() % 30000).toString(36)}`));
    }
    const original = sentences.map((s) => `${s.join(' ')}.`);
    const rewritten = sentences.map((s, i) => `${s.map((w, j) => ((i + j) % 6 === 0 ? `x${w}` : w)).join(' ')}.`);
    for (let i = 0; i + 3 < rewritten.length; i += 3) {
      [rewritten[i], rewritten[i + 3]] = [rewritten[i + 3], rewritten[i]];
    }
    document.querySelector('#original').value = original.join(' ');
    document.querySelector('#paraphrase').value = rewritten.join(' ');
  }, words);
}

/** Records what the progress display shows, every 50 ms, into window.seen. */
async function watchProgress(page) {
  await page.evaluate(() => {
    window.seen = [];
    const bar = document.querySelector('#progress progress');
    window.watching = setInterval(() => {
      if (document.querySelector('#progress').hidden) return;
      window.seen.push({
        determinate: bar.hasAttribute('value'),
        value: bar.position,
        label: bar.getAttribute('aria-label'),
        text: document.querySelector('#progress-text').textContent,
      });
    }, 50);
  });
}

const STAGE_TEXT = /^(.+) \((\d) of (\d)\)… (\d+)%, \d+\.\d s$/;

test('a long comparison shows the stage it is in and how far, then the result', async () => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  await loadLongPair(page);
  const before = await comparedCount(page);
  await watchProgress(page);
  await page.click('#compare');
  await waitForComparison(page, before);
  const seen = await page.evaluate(() => {
    clearInterval(window.watching);
    return window.seen;
  });
  assert.match(await page.locator('#status').textContent(), /^Compared [\d,]+ words/);
  assert.ok(await page.locator('#progress').isHidden(), 'the progress is gone with the result');

  const staged = seen.filter((s) => STAGE_TEXT.test(s.text));
  assert.ok(staged.length >= 3, `the stages were shown: ${JSON.stringify(seen.slice(0, 5))}`);
  const stages = [];
  for (const sample of staged) {
    const [, name, step, steps, percent] = sample.text.match(STAGE_TEXT);
    assert.ok(sample.determinate, 'a determinate bar');
    assert.equal(steps, '5');
    assert.equal(sample.label, `Comparing: ${name}, step ${step} of ${steps}`, 'the bar is named by the stage');
    assert.ok(Math.abs(sample.value * 100 - Number(percent)) < 1, `${sample.value} against ${percent}%`);
    const last = stages.at(-1);
    if (last?.name === name) {
      assert.ok(sample.value >= last.values.at(-1), `${name} went back: ${last.values} then ${sample.value}`);
      last.values.push(sample.value);
    } else {
      assert.ok(!last || Number(step) > last.step, `the stages went back: ${last?.name} then ${name}`);
      stages.push({ name, step: Number(step), values: [sample.value] });
    }
  }
  assert.ok(stages.length > 1, `more than one stage: ${stages.map((s) => s.name)}`);
  assert.ok(
    stages.some((s) => s.values.at(-1) > s.values[0]),
    `a stage's share rose: ${JSON.stringify(stages)}`,
  );
  assert.deepEqual(errors, []);
});

for (const look of [
  { name: 'light, desktop', file: 'progress-stage', context: { viewport: { width: 1280, height: 900 } } },
  { name: 'dark, phone', file: 'progress-stage-dark-phone', context: { viewport: { width: 390, height: 844 }, colorScheme: 'dark' } },
]) {
  test(`Cancel during a stage stops the comparison and says so; the bar is accessible while shown (${look.name})`, async () => {
    const { page, errors } = await openPage(shared.browser, shared.server.url, { bypassCSP: true, ...look.context });
    await loadLongPair(page, 1_300_000);
    await page.click('#compare');
    await page.waitForFunction(
      (pattern) => new RegExp(pattern).test(document.querySelector('#progress-text').textContent),
      STAGE_TEXT.source,
      { polling: 50 },
    );
    mkdirSync(screenshots, { recursive: true });
    await page.locator('#progress').screenshot({ path: join(screenshots, `${look.file}.png`) });
    assert.deepEqual(await axeViolations(page), []);
    assert.ok(await page.locator('#progress').isVisible(), 'axe looked at the progress while it was shown');
    await page.click('#cancel');
    await page.waitForSelector('#progress', { state: 'hidden' });
    assert.match(await page.locator('#status').textContent(), /cancelled\. Your texts are untouched/);
    assert.equal(await page.locator('#progress progress').getAttribute('aria-label'), 'Comparing');
    // Nothing of the stopped worker comes back: the progress stays hidden.
    await page.waitForTimeout(500);
    assert.ok(await page.locator('#progress').isHidden());
    await compareTexts(page, 'The council voted to build a bridge.', 'The council voted to build a tunnel.');
    assert.match(await page.locator('#status').textContent(), /^Compared 14 words/);
    assert.deepEqual(errors, []);
  });
}
