// Issue 14 item 4 (docs/languages.md): times compare() of builds made by
// scripts/size-variants.sh (each with its own wasm-bindgen glue), in turn,
// nine rounds each, and prints the medians. Usage:
//   node scripts/size-speed.mjs shipped core-s
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const { makePair } = await import(root + '/bench/corpus.mjs');
if (process.argv.length < 3) {
  console.error('usage: node scripts/size-speed.mjs VARIANT... (built by scripts/size-variants.sh)');
  process.exit(2);
}
const builds = {};
for (const name of process.argv.slice(2)) {
  if (!existsSync(`${root}/target/size-variants/${name}/o1.wasm`)) {
    console.error(`size-speed: no build ${name}; run scripts/size-variants.sh first`);
    process.exit(2);
  }
  const m = await import(`${root}/target/size-variants/${name}/article_diff.js`);
  m.initSync({ module: readFileSync(`${root}/target/size-variants/${name}/o1.wasm`) });
  builds[name] = m;
}
for (const [scenario, words] of [['paraphrase', 100000], ['edits-1%', 100000], ['moved-20%', 30000]]) {
  const { original, paraphrase } = makePair(scenario, words);
  const times = Object.fromEntries(Object.keys(builds).map((n) => [n, []]));
  for (let round = 0; round < 9; round++) {
    for (const [n, m] of Object.entries(builds)) {
      const t = performance.now();
      const r = m.compare(original, paraphrase);
      times[n].push(performance.now() - t);
      r.free?.();
    }
  }
  const med = (a) => a.sort((x, y) => x - y)[4].toFixed(0);
  console.log(scenario, words, Object.entries(times).map(([n, a]) => `${n} ${med(a)} ms (${a.map((x) => x.toFixed(0)).join(' ')})`).join(' | '));
}
