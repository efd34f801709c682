// How big a side can be: time and memory of one comparison at growing sizes,
// for corpus prose and for the densest inputs (one token per byte or two),
// each in a fresh Node process. MAX_INPUT_BYTES in src/lib.rs was chosen
// from this table (bench/README.md, "Size limit"). Each side is cut to the
// size asked for, so the 8 MB rows are exactly at the limit; larger sizes
// are refused by the engine, as they would be in the page.
//
//   node bench/limits.mjs                  the whole table (LIMIT_SIZES=2,4,8)
//   node bench/limits.mjs KIND MEGABYTES   one row, as JSON (run by the table)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makePair } from './corpus.mjs';

const MB = 1024 * 1024;

/** Repeats `unit` (built from a counter) until `bytes` UTF-8 bytes. */
function fill(bytes, unit) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const piece = unit(i);
    parts.push(piece);
    length += Buffer.byteLength(piece);
  }
  return parts.join('');
}

/** Corpus prose of about `bytes` bytes (6 bytes a word on average). */
function prose(scenario, bytes) {
  const words = Math.round(bytes / 6);
  return makePair(scenario, words);
}

const INPUTS = {
  paraphrase: (bytes) => prose('paraphrase', bytes),
  unrelated: (bytes) => prose('unrelated', bytes),
  'edits-1%': (bytes) => prose('edits-1%', bytes),
  // One punctuation token per byte: the most tokens a byte can make.
  punctuation: (bytes) => ({ original: fill(bytes, (i) => '.,;:!?'[i % 6]), paraphrase: fill(bytes, (i) => ',.:;?!'[i % 6]) }),
  // One-letter words: a word and a space every two bytes.
  letters: (bytes) => ({
    original: fill(bytes, (i) => 'abcdefghij'[(i * 7) % 10] + ' '),
    paraphrase: fill(bytes, (i) => 'abcdefghij'[(i * 3) % 10] + ' '),
  }),
  // CJK without spaces: one word per ideograph, three bytes each.
  cjk: (bytes) => ({
    original: fill(bytes, (i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000)) + (i % 20 === 19 ? '。' : '')),
    paraphrase: fill(bytes, (i) => String.fromCodePoint(0x4e00 + ((i * 104729) % 20000)) + (i % 20 === 19 ? '。' : '')),
  }),
  // The same line over and over on both sides.
  'same-lines': (bytes) => {
    const text = fill(bytes, () => 'The council voted to close the bridge.\n');
    return { original: text, paraphrase: text };
  },
};

/** `text` cut to at most `bytes` UTF-8 bytes, at a character boundary. */
function clip(text, bytes) {
  const utf8 = Buffer.from(text);
  if (utf8.length <= bytes) return text;
  let end = bytes;
  while (end > 0 && (utf8[end] & 0xc0) === 0x80) end--;
  return utf8.subarray(0, end).toString('utf8');
}

async function one(kind, megabytes) {
  const { initSync, compare } = await import('../www/pkg/article_diff.js');
  const exports = initSync({ module: readFileSync(new URL('../www/pkg/article_diff_bg.wasm', import.meta.url)) });
  const pair = INPUTS[kind](megabytes * MB);
  const original = clip(pair.original, megabytes * MB);
  const paraphrase = clip(pair.paraphrase, megabytes * MB);
  const start = performance.now();
  let result;
  try {
    result = compare(original, paraphrase);
  } catch (error) {
    process.stdout.write(JSON.stringify({ kind, megabytes, refused: error.message }));
    return;
  }
  const compact = result.compact();
  const ms = performance.now() - start;
  const row = {
    kind,
    megabytes,
    words: result.stats.original_words,
    seconds: +(ms / 1000).toFixed(2),
    complete: result.complete,
    wasmMb: Math.round(exports.memory.buffer.byteLength / MB),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    spans: compact.paraphrase.spanInfo.length,
  };
  result.free();
  process.stdout.write(JSON.stringify(row));
}

function table(kinds, sizes) {
  console.log('| input | MB a side | words a side | seconds | complete | WebAssembly memory | peak RSS |');
  console.log('|---|---:|---:|---:|---|---:|---:|');
  for (const kind of kinds) {
    for (const megabytes of sizes) {
      let row;
      try {
        const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), kind, String(megabytes)], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          maxBuffer: 1 << 20,
        });
        row = JSON.parse(out);
        if (row.refused) {
          console.log(`| ${kind} | ${megabytes} | | refused: ${row.refused} | | | |`);
          continue;
        }
      } catch (error) {
        const message = String(error.stderr ?? error.message).trim().split('\n').at(-1);
        console.log(`| ${kind} | ${megabytes} | | failed: ${message} | | | |`);
        continue;
      }
      console.log(
        `| ${kind} | ${megabytes} | ${row.words.toLocaleString('en')} | ${row.seconds} | ${row.complete ? 'yes' : 'coarsened'} | ${row.wasmMb} MB | ${row.peakRssMb} MB |`,
      );
    }
  }
}

if (process.argv[2]) {
  await one(process.argv[2], Number(process.argv[3]));
} else {
  const sizes = (process.env.LIMIT_SIZES ?? '2,4,8').split(',').map(Number);
  table(Object.keys(INPUTS), sizes);
}
