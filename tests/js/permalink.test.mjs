// Links (www/permalink.js): the many-text form (`#v2,`) carries every text
// with its name and the mode, and is read back defensively; the one-pair
// form (`#v1,`) still reads as before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, optionRules } from '../../www/pkg/article_diff.js';
import { decodeLink, encodeLink, encodeManyLink, isLink, textSet } from '../../www/permalink.js';
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
  assert.deepEqual(await decodeLink(`#${fragment}`, rules), { ...set, view: null }, 'no view given, none read');
  const view = { layout: 'inline', order: 'original', show: 'changes', hideDropped: false };
  const sources = { mode: 'sources', originals: set.rewrites, rewrites: set.originals, options, view };
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

test('a one-pair link carries the view, the row order and the filter', async () => {
  const view = { layout: 'inline', order: 'original', show: 'moved', hideDropped: true };
  const link = await decodeLink(await encodeLink({ original: 'a b c', paraphrase: 'a b d', options: {}, view }), rules);
  assert.deepEqual(link.view, view);
  const side = await decodeLink(await encodeLink({ original: 'a', paraphrase: 'b', options: {}, view: { layout: 'side', order: 'paraphrase' } }), rules);
  assert.deepEqual(side.view, { layout: 'side', order: 'paraphrase', show: 'all', hideDropped: false });
});

test('a link made before views were carried opens with none; a bad view falls back to the defaults', async () => {
  // Made as the page wrote links before they held a view.
  const old = await fragmentOf('v1,', { original: 'a b c', paraphrase: 'a b d', options: { min_run: 2 } });
  const opened = await decodeLink(old, rules);
  assert.equal(opened.view, null);
  assert.equal(opened.original, 'a b c');
  const defaults = { layout: 'side', order: 'paraphrase', show: 'all', hideDropped: false };
  const cases = [
    [{ layout: 'sideways', order: 'backwards' }, defaults],
    [{ layout: 'inline', order: 7 }, { ...defaults, layout: 'inline' }],
    [{ order: 'original' }, { ...defaults, order: 'original' }],
    ['inline', defaults],
    [{ layout: 'inline', order: 'original', filter: 'only-moved' }, { ...defaults, layout: 'inline', order: 'original' }],
    [{ show: 'toString', hideDropped: 'yes' }, defaults],
    [{ show: 'unattributed', hideDropped: true }, { ...defaults, show: 'unattributed', hideDropped: true }],
  ];
  for (const [view, expected] of cases) {
    const fragment = await fragmentOf('v1,', { original: 'a', paraphrase: 'b', options: {}, view });
    assert.deepEqual((await decodeLink(fragment, rules)).view, expected, JSON.stringify(view));
    const many = await fragmentOf('v2,', { mode: 'rewrites', originals: [{ name: null, text: 'a' }], rewrites: [{ name: null, text: 'b' }], view });
    assert.deepEqual((await decodeLink(many, rules)).view, expected, JSON.stringify(view));
  }
});

test('textSet checks texts as a many-text link does', () => {
  const text = { name: null, text: 'words' };
  assert.deepEqual(textSet({ mode: 'sources', originals: [text, { name: 'b.txt', text: 'more', extra: 1 }], rewrites: [text] }), {
    mode: 'sources',
    originals: [text, { name: 'b.txt', text: 'more' }],
    rewrites: [text],
  });
  assert.throws(() => textSet(null), /how its texts compare/);
  assert.throws(() => textSet({ mode: 'rewrites', originals: [text], rewrites: [{ name: null }] }), /not a named text/);
});
