// Real progress: a long comparison shows a determinate bar with the stage
// the engine is in (posted by the engine itself from the worker), its
// share rising, stage after stage, then the result; Cancel during it stops
// the work and says so.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareTexts, comparedCount, openPage, screenshots, read, serveAndBrowse, waitForComparison } from './harness.mjs';

const shared = serveAndBrowse();

/**
 * Puts in a pair of `words` words a side (no input event): an original of
 * made-up sentences and a rewrite of it with every sixth word changed and
 * every third sentence moved, so that every stage has work.
 */
async function loadLongPair(page, words = 900_000) {
  await page.evaluate((n) => {
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    const sentences = [];
    for (let i = 0; i < n / 15; i++) {
      // A capital starts each sentence: after a full stop, a lowercase word
      // goes on the same sentence, and one sentence of 900k words would
      // make one row the browser takes minutes to lay out.
      sentences.push(Array.from({ length: 15 }, (_, j) => `${j === 0 ? 'W' : 'w'}${(next() % 30000).toString(36)}`));
    }
    const original = sentences.map((s) => `${s.join(' ')}.`);
    const rewritten = sentences.map((s, i) => `${s.map((w, j) => ((i + j) % 6 === 0 ? `X${w}` : w)).join(' ')}.`);
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

const STAGE_TEXT = /^(.+)… (\d+)%, \d+\.\d s$/;
// The engine's stages, in order (src/progress.rs names them).
const STAGES = ['Reading the texts', 'Finding copied passages', 'Pairing sentences', 'Comparing words', 'Labelling the words'];

test('a long comparison shows the stage it is in and how far, then the result', async (t) => {
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
    const [, name, percent] = sample.text.match(STAGE_TEXT);
    const step = STAGES.indexOf(name);
    assert.ok(step >= 0, `a stage of the engine: ${name}`);
    assert.ok(sample.determinate, 'a determinate bar');
    assert.equal(sample.label, `Comparing: ${name}`, 'the bar is named by the stage');
    assert.ok(Math.abs(sample.value * 100 - Number(percent)) < 1, `${sample.value} against ${percent}%`);
    const last = stages.at(-1);
    if (last?.name === name) {
      assert.ok(sample.value >= last.values.at(-1), `${name} went back: ${last.values} then ${sample.value}`);
      last.values.push(sample.value);
    } else {
      assert.ok(!last || step > last.step, `the stages went back: ${last?.name} then ${name}`);
      stages.push({ name, step, values: [sample.value] });
    }
  }
  t.diagnostic(`stages seen: ${stages.map((s) => `${s.name} ${s.values.map((v) => Math.floor(v * 100)).join('/')}%`).join('; ')}`);
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
    await loadLongPair(page, 900_000);
    // axe-core in place before the comparison starts, so that it can look
    // at the bar while it is shown (the whole page is looked at in look.test.mjs).
    await page.addScriptTag({ content: read('node_modules/axe-core/axe.min.js') });
    await page.click('#compare');
    await page.waitForFunction(
      (pattern) => new RegExp(pattern).test(document.querySelector('#progress-text').textContent),
      STAGE_TEXT.source,
      { polling: 50 },
    );
    mkdirSync(screenshots, { recursive: true });
    await page.locator('#progress').screenshot({ path: join(screenshots, `${look.file}.png`) });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document.querySelector('#progress'), {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((v) => `${v.id}: ${v.help}`);
    });
    assert.deepEqual(violations, []);
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
