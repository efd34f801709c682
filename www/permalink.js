// Permalinks: the texts, the options and how the result is viewed,
// compressed into the URL fragment (a version prefix, then deflate-raw in
// base64url). `#v1,` holds one pair; `#v2,` holds many texts with their
// names and the mode (one original and many rewrites, or one text and many
// sources). Both may hold `view` ({ layout, order } and the filter, { show,
// hideDropped }; links made before it
// have none and still open). The fragment never reaches a server. Reading one is defensive: it is data to check, never code, and
// its decompressed size is bounded.

import { FILTERS } from './folds.js';
import { cleanOptions } from './state.js';

const PREFIX = 'v1,';
const MANY_PREFIX = 'v2,';

/** Most texts a many-text link may hold. */
const MAX_LINK_TEXTS = 1000;

/** Longest fragment offered as a link: many tools cut URLs beyond this. */
export const MAX_LINK_CHARS = 64_000;

/** Most bytes a link may expand to (a deflate bomb stops here). */
const MAX_EXPANDED_BYTES = 64 * 1024 * 1024;

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it holds characters a link of this page never has');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(bytes, transform, limit = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(transform).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('it expands to more than the page accepts');
    }
    chunks.push(value);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

/** Whether the fragment is one of this page's links. */
export function isLink(fragment) {
  const body = fragment.replace(/^#/, '');
  return body.startsWith(PREFIX) || body.startsWith(MANY_PREFIX);
}

/** How the result is viewed when a link says nothing valid: the page's defaults. */
const DEFAULT_VIEW = Object.freeze({ layout: 'side', order: 'paraphrase', show: 'all', hideDropped: false });

/**
 * The view a link holds: { layout: 'side' | 'inline', order: 'paraphrase' |
 * 'original', show: a filter of folds.js FILTERS, hideDropped: a boolean },
 * each field that is missing or unknown at its default; null for a link
 * that holds none (made before links held it).
 */
function viewOf(raw) {
  if (raw === undefined || raw === null) return null;
  const view = { ...DEFAULT_VIEW };
  if (typeof raw !== 'object') return view;
  if (raw.layout === 'side' || raw.layout === 'inline') view.layout = raw.layout;
  if (raw.order === 'paraphrase' || raw.order === 'original') view.order = raw.order;
  if (Object.hasOwn(FILTERS, raw.show)) view.show = raw.show;
  if (typeof raw.hideDropped === 'boolean') view.hideDropped = raw.hideDropped;
  return view;
}

/** The fragment (without '#') for two texts, options and `view` ({ layout, order, show, hideDropped }). */
export async function encodeLink({ original, paraphrase, options, view }) {
  return PREFIX + (await compressed({ original, paraphrase, options, view: viewOf(view) ?? undefined }));
}

async function compressed(data) {
  const bytes = await pipe(new TextEncoder().encode(JSON.stringify(data)), new CompressionStream('deflate-raw'));
  return toBase64Url(bytes);
}

/**
 * The fragment (without '#') for many texts: `mode` ('rewrites': one of
 * `originals`, many `rewrites`; 'sources': many `originals`, the sources,
 * and one of `rewrites`, the text), each text { name, text } (name null for
 * one the page names by its place), options and `view` ({ layout, order, show, hideDropped }).
 */
export async function encodeManyLink({ mode, originals, rewrites, options, view }) {
  const texts = (list) => list.map(({ name, text }) => ({ name, text }));
  const data = { mode, originals: texts(originals), rewrites: texts(rewrites), options, view: viewOf(view) ?? undefined };
  return MANY_PREFIX + (await compressed(data));
}

/** The texts of a many-text link, checked: [{ name (a string or null), text }], at least one. */
function textsOf(list, what) {
  if (!Array.isArray(list) || list.length === 0) throw new Error(`it holds no ${what}`);
  if (list.length > MAX_LINK_TEXTS) throw new Error(`it holds more than ${MAX_LINK_TEXTS} texts`);
  return list.map((entry) => {
    if (!entry || (typeof entry.name !== 'string' && entry.name !== null) || typeof entry.text !== 'string') {
      throw new Error(`one of its ${what} is not a named text`);
    }
    return { name: entry.name, text: entry.text };
  });
}

/**
 * The texts of many-text data (a `v2` link's, or those kept in the
 * browser), checked: { mode, originals, rewrites }, each text { name (a
 * string or null), text }, one text on the side that holds one.
 * @throws {Error} with a sentence saying what is wrong with them
 */
export function textSet(data) {
  if (!data || (data.mode !== 'rewrites' && data.mode !== 'sources')) throw new Error('it does not say how its texts compare');
  const originals = textsOf(data.originals, data.mode === 'sources' ? 'sources' : 'original');
  const rewrites = textsOf(data.rewrites, data.mode === 'sources' ? 'text' : 'rewrites');
  if ((data.mode === 'rewrites' ? originals : rewrites).length !== 1) throw new Error('it holds more than one text where one belongs');
  return { mode: data.mode, originals, rewrites };
}

/**
 * Reads a link's fragment back into { original, paraphrase, options, view }
 * (a `v1` link) or { mode, originals, rewrites, options, view } (`v2`), the
 * options checked against the engine's `rules` (optionRules()), the view
 * as viewOf reads it (null when the link holds none).
 * @throws {Error} with a sentence saying what is wrong with it
 */
export async function decodeLink(fragment, rules) {
  const body = fragment.replace(/^#/, '');
  const prefix = [PREFIX, MANY_PREFIX].find((p) => body.startsWith(p));
  if (!prefix) throw new Error('it is not a link of this page');
  let data;
  try {
    const bytes = await pipe(fromBase64Url(body.slice(prefix.length)), new DecompressionStream('deflate-raw'), MAX_EXPANDED_BYTES);
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new Error(error.message.startsWith('it ') ? error.message : 'it is damaged (cut short or altered)');
  }
  if (prefix === MANY_PREFIX) {
    return { ...textSet(data), options: cleanOptions(data.options, rules), view: viewOf(data.view) };
  }
  if (!data || typeof data.original !== 'string' || typeof data.paraphrase !== 'string') {
    throw new Error('it does not hold two texts');
  }
  return { original: data.original, paraphrase: data.paraphrase, options: cleanOptions(data.options, rules), view: viewOf(data.view) };
}
