// The two JavaScript diff libraries article-diff is measured against, each
// run the way its users run it on prose. Loaded in a worker thread by
// bench.mjs, so that a run over the time limit can be stopped.
import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { diffWords } from 'diff';

const require = createRequire(import.meta.url);
const DiffMatchPatch = require('diff-match-patch');

/**
 * Word mode: each distinct word (or whitespace run) becomes one character,
 * the character strings are diffed, the semantic cleanup runs, and the
 * result is mapped back to words. Characters are those of the Basic
 * Multilingual Plane outside the surrogates (63,486 of them); beyond that
 * many distinct tokens, later ones share characters by hash, so the diff is
 * approximate but the work stays the same.
 */
function wordMode(a, b) {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const codes = new Map();
  const tokens = [];
  const capacity = 0xd800 - 1 + (0x10000 - 0xe000);
  const character = (n) => String.fromCharCode(n < 0xd7ff ? n + 1 : n - 0xd7ff + 0xe000);
  const encode = (text) => {
    let out = '';
    for (const token of text.match(/\S+|\s+/g) ?? []) {
      let code = codes.get(token);
      if (code === undefined) {
        if (tokens.length < capacity) {
          code = tokens.length;
          tokens.push(token);
        } else {
          let hash = 0;
          for (let i = 0; i < token.length; i++) hash = (Math.imul(hash, 31) + token.charCodeAt(i)) >>> 0;
          code = hash % capacity;
        }
        codes.set(token, code);
      }
      out += character(code);
    }
    return out;
  };
  const diffs = dmp.diff_main(encode(a), encode(b), false);
  dmp.diff_cleanupSemantic(diffs);
  const decode = (chars) => {
    let out = '';
    for (let i = 0; i < chars.length; i++) {
      const c = chars.charCodeAt(i);
      out += tokens[c <= 0xd7ff ? c - 1 : c - 0xe000 + 0xd7ff];
    }
    return out;
  };
  return diffs.map(([op, chars]) => [op, decode(chars)]);
}

const PEERS = {
  jsdiff: (a, b) => diffWords(a, b),
  'diff-match-patch': wordMode,
};

parentPort.on('message', ({ peer, original, paraphrase }) => {
  const started = performance.now();
  const result = PEERS[peer](original, paraphrase);
  parentPort.postMessage({ ms: performance.now() - started, changes: result.length });
});
