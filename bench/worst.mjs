// The worst inputs known: each pathological pair, run through the command
// line in every format and through `compare()` in WebAssembly, each run in
// a fresh process with the default time budget (5 s). Prints time, peak
// memory and which stages settled for a coarser answer (`cut_short`), so a
// budget or memory regression shows as a number. The promise checked by
// eye: every run ends within the budget plus one second, in at most 1 GB.
//
//   node bench/worst.mjs               the whole table
//   WORST=ocr,three-words node bench/worst.mjs   some rows
//   WORST_BINARY=path WORST_PKG=folder   another build (default: target/release, www/pkg)
//   node bench/worst.mjs wasm KIND     one WebAssembly row, as JSON (run by the table)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusSentences, random } from './corpus.mjs';

const MB = 1024 * 1024;
const LIMIT = 8 * MB;
const TIMEOUT_MS = 180_000;
const BINARY = process.env.WORST_BINARY ?? fileURLToPath(new URL('../target/release/article-diff', import.meta.url));

/** Corpus sentences, in order, until `bytes` UTF-8 bytes, joined by `glue`. */
function sentencesUpTo(bytes, glue, from = 0) {
  const all = corpusSentences();
  const parts = [];
  let length = 0;
  for (let i = from; length < bytes; i++) {
    const sentence = all[i % all.length];
    parts.push(sentence);
    length += Buffer.byteLength(sentence) + glue.length;
  }
  return parts.join(glue);
}

/** Short sentences of five to eight corpus words each, any of its 40,000. */
function shortSentences(count, seed) {
  const next = random(seed);
  const words = [...new Set(corpusSentences().flatMap((s) => s.split(' ')))].filter((w) => /^[a-z]+$/.test(w));
  const out = [];
  for (let i = 0; i < count; i++) {
    const n = 5 + Math.floor(next() * 4);
    const chosen = Array.from({ length: n }, () => words[Math.floor(next() * words.length)]);
    chosen[0] = chosen[0][0].toUpperCase() + chosen[0].slice(1);
    out.push(chosen.join(' ') + '.');
  }
  return out;
}

/** Ordinary sentences over a vocabulary of `size` words, about `bytes` long. */
function tinyVocabulary(size, bytes, seed) {
  const vocabulary = ['council', 'bridge', 'river', 'voted'].slice(0, size);
  const next = random(seed);
  const parts = [];
  let length = 0;
  let sentence = 0;
  while (length < bytes) {
    const n = 5 + Math.floor(next() * 12);
    const words = Array.from({ length: n }, () => vocabulary[Math.floor(next() * size)]);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    const text = words.join(' ') + '.' + (++sentence % 5 === 0 ? '\n\n' : ' ');
    parts.push(text);
    length += text.length;
  }
  return parts.join('');
}

/** One wrong letter in every other word, as OCR makes them. */
function ocr(text) {
  let word = 0;
  return text.replace(/[A-Za-z]{3,}/g, (w) => {
    if (word++ % 2) return w;
    const at = Math.floor(w.length / 2);
    const swap = w[at] === 'e' ? 'c' : w[at] === 'l' ? '1' : 'e';
    return w.slice(0, at) + swap + w.slice(at + 1);
  });
}

/** `text` cut to at most `bytes` UTF-8 bytes, at a character boundary. */
function clip(text, bytes = LIMIT) {
  const utf8 = Buffer.from(text);
  if (utf8.length <= bytes) return text;
  let end = bytes;
  while (end > 0 && (utf8[end] & 0xc0) === 0x80) end--;
  return utf8.subarray(0, end).toString('utf8');
}

const INPUTS = {
  // The rewrite is one long sentence: the original's 60,000 sentences
  // lower-cased (a period before a lower-case word ends no sentence).
  'one-sentence-rewrite': () => {
    const original = shortSentences(60_000, 1).join(' ');
    return { original, paraphrase: original.toLowerCase() };
  },
  'one-sentence-original': () => {
    const paraphrase = shortSentences(60_000, 1).join(' ');
    return { original: paraphrase.toLowerCase(), paraphrase };
  },
  // One paragraph of prose against its lower-cased copy.
  'lowercased-paragraph': () => {
    const original = clip(sentencesUpTo(7.1 * MB, ' '));
    return { original, paraphrase: original.toLowerCase() };
  },
  // 250,000 short sentences in one paragraph, every tenth changed.
  'one-paragraph': () => {
    const sentences = shortSentences(250_000, 2);
    const changed = sentences.map((s, i) => (i % 10 === 3 ? s.replace(/ [a-z]+/, ' changed') : s));
    return { original: clip(sentences.join(' ')), paraphrase: clip(changed.join(' ')) };
  },
  // Ordinary sentences over three and two words.
  'three-words': () => ({ original: clip(tinyVocabulary(3, 8.3e6, 3)), paraphrase: clip(tinyVocabulary(3, 8.3e6, 4)) }),
  'two-words': () => ({ original: clip(tinyVocabulary(2, 8.3e6, 5)), paraphrase: clip(tinyVocabulary(2, 8.3e6, 6)) }),
  // One sentence a side of 1.1 million words over six (picked by the low
  // bits of a linear congruential sequence, which repeat with short
  // periods, as repetitive text does), every third word changed: a word
  // diff with no unique word to anchor it and Myers at its slowest, which
  // only the deadline stops.
  'one-sentence-six-words': () => {
    const vocabulary = ['council', 'bridge', 'river', 'voted', 'mayor', 'tunnel'];
    let state = 1;
    const words = Array.from({ length: 1_100_000 }, () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % 6;
    });
    const text = (shift) => words.map((w, i) => vocabulary[(w + (shift && i % 3 === 1 ? 1 : 0)) % 6]).join(' ');
    return { original: text(false), paraphrase: text(true) };
  },
  // Prose against an OCR-like copy: one wrong letter in every other word.
  ocr: () => {
    const original = clip(sentencesUpTo(8 * MB, ' ').replace(/((?:[^.]*\. ){5})/g, '$1\n\n'));
    return { original, paraphrase: clip(ocr(original)) };
  },
  // One punctuation token a byte: the most tokens a text can hold.
  punctuation: () => {
    const fill = (unit) => clip(Array.from({ length: LIMIT }, (_, i) => unit[i % unit.length]).join(''));
    return { original: fill('.,;:!?'), paraphrase: fill(',.:;?!') };
  },
};

/** The pair for `kind`, written once to files under the temporary folder. */
function files(kind) {
  const folder = join(tmpdir(), 'article-diff-worst');
  mkdirSync(folder, { recursive: true });
  const original = join(folder, `${kind}.original.txt`);
  const paraphrase = join(folder, `${kind}.paraphrase.txt`);
  if (!existsSync(original) || !existsSync(paraphrase)) {
    const pair = INPUTS[kind]();
    writeFileSync(original, pair.original);
    writeFileSync(paraphrase, pair.paraphrase);
  }
  return { original, paraphrase };
}

/** One command-line run: seconds and peak RSS, by GNU time. */
function cli(kind, format) {
  const { original, paraphrase } = files(kind);
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', BINARY, '-f', format, original, paraphrase], {
    // Standard output to /dev/null, not `-o /dev/null`: before issue 11 the
    // command line replaced a device named by -o with a regular file.
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  if (run.error || run.signal) return { failed: `killed after ${TIMEOUT_MS / 1000} s` };
  const lines = run.stderr.trim().split('\n');
  const [seconds, kb] = lines.at(-1).split(' ').map(Number);
  if (run.status !== 0) return { failed: lines.slice(0, -1).join(' ') };
  return { seconds, mb: Math.round(kb / 1024) };
}

/** One `compare()` in WebAssembly, in this process (run in a fresh one). */
async function wasm(kind) {
  const pkg = new URL(process.env.WORST_PKG ? `file://${process.env.WORST_PKG}/` : '../www/pkg/', import.meta.url);
  const { initSync, compare } = await import(new URL('article_diff.js', pkg));
  const exports = initSync({ module: readFileSync(new URL('article_diff_bg.wasm', pkg)) });
  const names = files(kind);
  const original = readFileSync(names.original, 'utf8');
  const paraphrase = readFileSync(names.paraphrase, 'utf8');
  const start = performance.now();
  const result = compare(original, paraphrase);
  result.compact();
  const seconds = (performance.now() - start) / 1000;
  const row = {
    seconds: +seconds.toFixed(2),
    words: [result.stats.original_words, result.stats.paraphrase_words],
    cutShort: result.cutShort,
    wasmMb: Math.round(exports.memory.buffer.byteLength / MB),
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(JSON.stringify(row));
}

function table(kinds) {
  console.log('| input | words a side | compare() in WebAssembly | WebAssembly memory | cut short | CLI text | CLI json | CLI html |');
  console.log('|---|---:|---:|---:|---|---:|---:|---:|');
  for (const kind of kinds) {
    files(kind);
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'wasm', kind], {
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    let row;
    try {
      row = JSON.parse(child.stdout);
    } catch {
      row = { failed: child.signal ? `killed after ${TIMEOUT_MS / 1000} s` : child.stderr.trim().split('\n').at(-1) };
    }
    const formats = ['text', 'json', 'html'].map((format) => {
      const r = cli(kind, format);
      return r.failed ? r.failed : `${r.seconds} s, ${r.mb} MB`;
    });
    const words = row.words ? row.words.map((w) => w.toLocaleString('en')).join(' / ') : '';
    const wasmCell = row.failed ?? `${row.seconds} s (RSS ${row.rssMb} MB)`;
    const cut = row.cutShort ? row.cutShort.join(', ') || '—' : '';
    console.log(`| ${kind} | ${words} | ${wasmCell} | ${row.wasmMb ?? ''} MB | ${cut} | ${formats.join(' | ')} |`);
  }
}

if (process.argv[2] === 'wasm') {
  await wasm(process.argv[3]);
} else {
  const kinds = process.env.WORST ? process.env.WORST.split(',') : Object.keys(INPUTS);
  table(kinds);
}
