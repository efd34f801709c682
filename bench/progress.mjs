// What the engine's progress costs: one pair (1M words a side of the
// paraphrase scenario by default) compared in the page's own worker in
// Debian's Chromium, alternately with a request id (the engine posts its
// progress) and without (it posts nothing), RUNS times each. Prints the
// engine's time each way (the worker's `timing.engine`) and how many
// progress messages came. Figures only; nothing here passes or fails.
//
//   node bench/progress.mjs [--words=1000000] [--scenario=paraphrase] [--runs=3]

import { launchBrowser, startServer } from '../tests/e2e/harness.mjs';
import { makePair } from './corpus.mjs';

const argument = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const words = Number(argument('words', '1000000'));
const scenario = argument('scenario', 'paraphrase');
const runs = Number(argument('runs', '3'));

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('html[data-compared]');
  const pair = makePair(scenario, words);
  const timings = await page.evaluate(
    async ({ original, paraphrase, runs }) => {
      const worker = new Worker('www/worker.js', { type: 'module' });
      await new Promise((resolve) => {
        worker.addEventListener('message', ({ data }) => data.type === 'ready' && resolve());
      });
      const one = (id) =>
        new Promise((resolve) => {
          let messages = 0;
          const listen = ({ data }) => {
            if (data.type === 'progress') {
              messages += 1;
            } else if (data.ok !== undefined) {
              worker.removeEventListener('message', listen);
              resolve({ engine: data.timing?.engine, messages, error: data.error });
            }
          };
          worker.addEventListener('message', listen);
          worker.postMessage({ id, original, paraphrase, options: { time_budget_ms: null } });
        });
      const found = { with: [], without: [] };
      for (let run = 0; run < runs; run++) {
        found.without.push(await one(undefined));
        found.with.push(await one(run + 1));
      }
      worker.terminate();
      return found;
    },
    { ...pair, runs },
  );
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  for (const way of ['without', 'with']) {
    const list = timings[way];
    if (list.some((t) => t.error)) throw new Error(list.find((t) => t.error).error);
    const ms = list.map((t) => t.engine);
    console.log(
      `${scenario}, ${words.toLocaleString('en')} words a side, ${way} progress: engine ${ms.map((t) => t.toFixed(0)).join(', ')} ms (median ${median(ms).toFixed(0)}, best ${Math.min(...ms).toFixed(0)}); progress messages ${list.map((t) => t.messages).join(', ')}`,
    );
  }
} finally {
  await browser.close();
  server.stop();
}
