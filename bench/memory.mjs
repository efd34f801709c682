// Peak memory of one 1M-word comparison, in a process of its own (run by
// bench.mjs): the process's peak resident set (inputs, engine, findings
// crossed into JavaScript) and the WebAssembly memory the engine grew to.
//
//   node bench/memory.mjs SCENARIO    prints { peakRssMb, wasmMb } as JSON
import { readFileSync } from 'node:fs';
import { makePair } from './corpus.mjs';

const { initSync, compare } = await import('../www/pkg/article_diff.js');
const exports = initSync({ module: readFileSync(new URL('../www/pkg/article_diff_bg.wasm', import.meta.url)) });
const { original, paraphrase } = makePair(process.argv[2] ?? 'paraphrase', 1_000_000);
const result = compare(original, paraphrase);
const compact = result.compact();
const wasmBytes = exports.memory.buffer.byteLength;
result.free();
process.stdout.write(
  JSON.stringify({
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    wasmMb: Math.round(wasmBytes / 1024 / 1024),
    spans: compact.paraphrase.spanInfo.length,
  }),
);
