// Odd input from JavaScript: lone UTF-16 surrogates (which Rust strings
// cannot hold), the size limit as the page checks it, and the page's
// UTF-8 counting against the engine's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, compare, maxInputBytes, tooLargeMessage } from '../../www/pkg/article_diff.js';
import { Findings } from '../../www/findings.js';
import { describeSize, utf8Length } from '../../www/limits.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });

/** Compares; returns the JSON model and the page's view of the findings. */
function both(original, paraphrase) {
  const result = compare(original, paraphrase);
  try {
    const model = result.toJSON();
    const findings = new Findings(
      { compact: result.compact(), stats: result.stats, complete: result.complete, cutShort: result.cutShort },
      { original, paraphrase },
    );
    return { model, findings };
  } finally {
    result.free();
  }
}

const LONE = [
  ['a high surrogate alone', 'The council \uD800 voted to build a new bridge.'],
  ['a low surrogate alone', 'The council voted\uDC00 to build a new bridge.'],
  ['a reversed pair', 'The \uDC00\uD800council voted to build a new bridge.'],
  ['one at the very end', 'The council voted to build a new bridge.\uD83D'],
  ['one inside a word', 'The coun\uDBFFcil voted to build a new bridge.'],
];

for (const [name, text] of LONE) {
  test(`${name}: offsets still slice the page's own string exactly`, () => {
    const clean = 'The council voted to build a new bridge.';
    const { model, findings } = both(text, clean);
    // The engine saw U+FFFD (one UTF-16 unit, as the surrogate was), so
    // lengths and offsets are those of the page's string.
    assert.equal(model.original.length, text.length);
    let at = 0;
    const rebuilt = [];
    for (const span of findings.spansIn('original', [0, text.length + 1])) {
      assert.equal(span.start, at);
      rebuilt.push(text.slice(span.start, span.end));
      at = span.end;
    }
    assert.equal(at, text.length);
    assert.equal(rebuilt.join(''), text, 'the page shows its text as it was');
    // The model's own copy of the text holds U+FFFD in its place.
    assert.equal(model.original.spans.map((s) => s.text).join(''), text.toWellFormed());
  });
}

test('texts that differ only in lone surrogates compare as equal', () => {
  const { model } = both('The council \uD800 voted to build a new bridge.', 'The council \uDFFF voted to build a new bridge.');
  assert.equal(model.stats.copied_words, model.stats.paraphrase_words);
});

test("the page's UTF-8 count is the engine's, lone surrogates included", () => {
  const samples = [
    '',
    'plain ASCII',
    'café ﬁ “quotes” — ½',
    '東京で会議。',
    '😀 👩\u200D💻 𝒜',
    '\uD800 \uDC00 \uDC00\uD800 x\uD83D',
    '\u0000\u007F\u0080\u07FF\u0800\uFFFF',
  ];
  const encoder = new TextEncoder();
  for (const sample of samples) {
    assert.equal(utf8Length(sample), encoder.encode(sample).length, JSON.stringify(sample));
  }
});

test('sizes are written as the engine writes them', () => {
  for (const bytes of [0, 1023, 1536, 8 << 20, 21_286_093, (8 << 20) + 1]) {
    const message = tooLargeMessage('The original', bytes);
    const size = describeSize(bytes);
    const expected = size === describeSize(maxInputBytes()) ? `just over ${size}` : size;
    assert.ok(message.startsWith(`The original is ${expected} of text;`), `${bytes}: ${message}`);
  }
});

test('a side over the limit is refused with its size, and one at it compared', () => {
  assert.equal(maxInputBytes(), 8 * 1024 * 1024);
  const over = 'é'.repeat(maxInputBytes() / 2 + 1); // two bytes each
  assert.throws(
    () => compare('short', over),
    /^Error: the paraphrase is just over 8 MB of text; article-diff compares at most 8 MB a side \(about 1\.4 million words\)$/,
  );
  const at = 'x'.repeat(maxInputBytes());
  const result = compare(at, 'x');
  assert.equal(result.stats.original_words, 1);
  result.free();
});
