// Links (www/permalink.js): the many-text form (`#v2,`) carries every text
// with its name and the mode, and is read back defensively; the one-pair
// form (`#v1,`) still reads as before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, optionRules } from '../../www/pkg/article_diff.js';
import { decodeLink, encodeLink, encodeManyLink, isLink } from '../../www/permalink.js';
import { defaultOptions } from '../../www/state.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });
const rules = optionRules();

/** A fragment of `data` as JSON, compressed as links are, under `prefix`. */
async function fragmentOf(prefix, data) {
  const stream = new Blob([JSON.stringify(data)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return prefix + Buffer.from(bytes).toString('base64url');
}

test('three texts, their names and the mode go round the link', async () => {
  const options = { ...defaultOptions(rules), min_run: 3 };
  const set = {
    mode: 'rewrites',
    originals: [{ name: 'Original', text: 'The council voted to build a bridge.' }],
    rewrites: [
      { name: 'wire.txt', text: 'The council voted to build a bridge, officials said.' },
      { name: null, text: 'Councillors backed a new bridge 😀 <script>x</script>' },
    ],
    options,
  };
  const fragment = await encodeManyLink(set);
  assert.ok(fragment.startsWith('v2,'));
  assert.ok(isLink(`#${fragment}`));
  assert.deepEqual(await decodeLink(`#${fragment}`, rules), set);
  const sources = { mode: 'sources', originals: set.rewrites, rewrites: set.originals, options };
  assert.deepEqual(await decodeLink(await encodeManyLink(sources), rules), sources);
});

test('one-pair links still read', async () => {
  const fragment = await encodeLink({ original: 'a b c', paraphrase: 'a b d', options: { min_run: 2 } });
  assert.ok(fragment.startsWith('v1,'));
  const link = await decodeLink(fragment, rules);
  assert.equal(link.original, 'a b c');
  assert.equal(link.paraphrase, 'a b d');
  assert.equal(link.mode, undefined);
  assert.equal(link.options.min_run, 2);
});

test('a many-text link that is not what it should be is refused with a reason', async () => {
  const text = { name: 'a', text: 'words' };
  const cases = [
    [{ mode: 'other', originals: [text], rewrites: [text] }, /how its texts compare/],
    [{ mode: 'rewrites', originals: [], rewrites: [text] }, /holds no original/],
    [{ mode: 'rewrites', originals: [text, text], rewrites: [text] }, /more than one text where one belongs/],
    [{ mode: 'sources', originals: [text], rewrites: [text, text] }, /more than one text where one belongs/],
    [{ mode: 'rewrites', originals: [text], rewrites: [{ name: 1, text: 'x' }] }, /not a named text/],
    [{ mode: 'rewrites', originals: [text], rewrites: 'x' }, /holds no rewrites/],
  ];
  for (const [data, reason] of cases) {
    await assert.rejects(decodeLink(await fragmentOf('v2,', data), rules), reason, JSON.stringify(data));
  }
  await assert.rejects(decodeLink('v2,not*base64', rules), /characters a link of this page never has/);
  await assert.rejects(decodeLink('v2,AAAA', rules), /damaged/);
  assert.ok(!isLink('#v3,abc'));
});
