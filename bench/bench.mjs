// `make bench`: times article-diff's compare() (the WebAssembly build in
// www/pkg, as the page runs it: the comparison, then the findings crossing
// into JavaScript as typed arrays) against jsdiff's diffWords and
// diff-match-patch in word mode, on the same inputs, in one process, and
// prints a Markdown table of medians and ratios. Peers run in a worker
// thread and are stopped after 60 s (recorded as a timeout). Also measures
// the peak memory of a 1M-word comparison in a fresh process and the size of
// the shipped .wasm. Builds nothing: run `make build` first.
//
//   node bench/bench.mjs [--sizes=1000,10000] [--scenarios=paraphrase] [--no-peers]

import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { countWords, makePair, SCENARIOS } from './corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const WASM = join(root, 'www/pkg/article_diff_bg.wasm');
if (!existsSync(WASM)) {
  console.error('bench: www/pkg is missing; run `make build` first.');
  process.exit(2);
}
const { initSync, compare } = await import('../www/pkg/article_diff.js');
initSync({ module: readFileSync(WASM) });

const argument = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const SIZES = (argument('sizes') ?? '1000,10000,100000,1000000').split(',').map(Number);
const SCENARIO_LIST = (argument('scenarios') ?? SCENARIOS.join(',')).split(',');
const WITH_PEERS = !process.argv.includes('--no-peers');
const PEER_LIMIT_MS = 60_000;
const RUNS = (words) => (words <= 1_000 ? 15 : words <= 10_000 ? 7 : words <= 100_000 ? 5 : 3);
const PEER_RUNS = (words) => (words <= 1_000 ? 7 : words <= 10_000 ? 3 : 1);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One run of article-diff: { engine, crossing, total } in ms, and whether complete. */
function ours(original, paraphrase) {
  const started = performance.now();
  const result = compare(original, paraphrase);
  const compared = performance.now();
  const compact = result.compact();
  const done = performance.now();
  const complete = result.complete;
  result.free();
  if (compact.paraphrase.spanStarts.length === 0) throw new Error('no spans');
  return { engine: compared - started, crossing: done - compared, total: done - started, complete };
}

/** A peer in a worker thread, stopped when a run exceeds the limit. */
class Peer {
  constructor(name) {
    this.name = name;
    this.worker = null;
  }

  run(original, paraphrase) {
    this.worker ??= new Worker(join(here, 'peers.mjs'));
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const done = (settle) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        settle();
      };
      const onMessage = ({ ms }) => done(() => resolve(ms));
      const onError = (error) => done(() => {
        this.worker = null;
        reject(error);
      });
      const timer = setTimeout(() => done(() => {
        worker.terminate();
        this.worker = null;
        resolve(null);
      }), PEER_LIMIT_MS);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ peer: this.name, original, paraphrase });
    });
  }

  close() {
    this.worker?.terminate();
  }
}

const format = (ms) => (ms === null ? 'timeout (> 60 s)' : ms === undefined ? 'skipped' : ms < 10 ? `${ms.toFixed(2)} ms` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);
const ratio = (peer, mine) => (peer === null ? `> ${Math.floor(PEER_LIMIT_MS / mine)}×` : peer === undefined ? '' : `${(peer / mine).toFixed(0)}×`);

const peers = WITH_PEERS ? [new Peer('diff-match-patch'), new Peer('jsdiff')] : [];
const timedOut = new Set(); // `${peer} ${scenario}`: larger sizes are skipped
const rows = [];
const results = {};

for (const scenario of SCENARIO_LIST) {
  for (const words of SIZES) {
    const { original, paraphrase } = makePair(scenario, words);
    ours(original, paraphrase); // warm up
    const runs = Array.from({ length: RUNS(words) }, () => ours(original, paraphrase));
    // The median run by total time, with that run's own breakdown.
    const middle = [...runs].sort((a, b) => a.total - b.total)[Math.floor(runs.length / 2)];
    const mine = { ...middle, complete: runs.every((r) => r.complete) };
    const peerTimes = {};
    for (const peer of peers) {
      const key = `${peer.name} ${scenario}`;
      if (timedOut.has(key)) continue;
      const times = [];
      for (let r = 0; r < PEER_RUNS(words); r++) {
        const ms = await peer.run(original, paraphrase);
        if (ms === null) {
          timedOut.add(key);
          times.length = 0;
          peerTimes[peer.name] = null;
          break;
        }
        times.push(ms);
      }
      if (times.length) peerTimes[peer.name] = median(times);
    }
    results[`${scenario} ${words}`] = { mine, peers: peerTimes };
    const line = [
      `${(countWords(original) / 1000).toFixed(0)}k / ${(countWords(paraphrase) / 1000).toFixed(0)}k`,
      scenario,
      `${format(mine.total)}${mine.complete ? '' : ' (coarsened)'}`,
      format(mine.engine),
      format(mine.crossing),
      format(peerTimes['diff-match-patch']),
      format(peerTimes.jsdiff),
      ratio(peerTimes['diff-match-patch'], mine.total),
      ratio(peerTimes.jsdiff, mine.total),
    ];
    rows.push(line);
    console.error(`  ${line.join(' | ')}`);
  }
}
for (const peer of peers) peer.close();

/** Peak memory of one 1M-word comparison, in a fresh process. */
function memoryOf(scenario) {
  const output = execFileSync(process.execPath, [join(here, 'memory.mjs'), scenario], { encoding: 'utf8' });
  return JSON.parse(output);
}

const wasm = readFileSync(WASM);
const gzip = gzipSync(wasm, { level: 9 }).length;

console.log(`\narticle-diff benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`);
console.log('\n| words (original / paraphrase) | scenario | article-diff | of which engine | of which crossing | diff-match-patch | jsdiff | faster than dmp | faster than jsdiff |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);

const memory = SIZES.includes(1_000_000) ? SCENARIO_LIST.map((s) => [s, memoryOf(s)]) : [];
if (memory.length) {
  console.log('\nPeak memory of one 1M-word comparison (fresh Node process, inputs included):\n');
  console.log('| scenario | process peak RSS | WebAssembly memory |');
  console.log('|---|---|---|');
  for (const [scenario, m] of memory) console.log(`| ${scenario} | ${m.peakRssMb} MB | ${m.wasmMb} MB |`);
}
console.log(`\nShipped www/pkg/article_diff_bg.wasm: ${(wasm.length / 1024).toFixed(0)} KB, ${(gzip / 1024).toFixed(1)} KB gzip (level 9).`);

// ---- targets ------------------------------------------------------------------
const get = (scenario, words) => results[`${scenario} ${words}`];
const checks = [];
const check = (label, ok, detail) => checks.push(`${ok ? 'met    ' : 'MISSED '} ${label}: ${detail}`);
const p10 = get('paraphrase', 10_000);
if (p10 && WITH_PEERS) {
  const dmp = p10.peers['diff-match-patch'];
  const js = p10.peers.jsdiff;
  const vs = (peer) => (peer === null ? Infinity : peer / p10.mine.total);
  check('10k paraphrase ≥ 30× faster than diff-match-patch', vs(dmp) >= 30, `${ratio(dmp, p10.mine.total)}`);
  check('10k paraphrase ≥ 300× faster than jsdiff', vs(js) >= 300, `${ratio(js, p10.mine.total)}`);
}
const p100 = get('paraphrase', 100_000);
if (p100) check('100k paraphrase ≤ 300 ms', p100.mine.total <= 300, format(p100.mine.total));
const e1 = get('edits-1%', 1_000_000);
if (e1) check('1M 1% edits ≤ 1 s', e1.mine.total <= 1000, format(e1.mine.total));
for (const scenario of ['paraphrase', 'unrelated']) {
  const r = get(scenario, 1_000_000);
  if (r) check(`1M ${scenario} ≤ 3 s`, r.mine.total <= 3000, `${format(r.mine.total)}${r.mine.complete ? '' : ' (coarsened by the time budget)'}`);
}
for (const [scenario, m] of memory) check(`1M ${scenario} peak memory ≤ 500 MB`, m.peakRssMb <= 500, `${m.peakRssMb} MB`);
check('.wasm ≤ 150 KB gzip', gzip <= 150 * 1024, `${(gzip / 1024).toFixed(1)} KB`);
console.log('\nTargets:\n');
for (const line of checks) console.log(`    ${line}`);
