// Permalinks: both texts and the options, compressed into the URL fragment
// (`#v1,` then deflate-raw in base64url). The fragment never reaches a
// server. Reading one is defensive: it is data to check, never code, and its
// decompressed size is bounded.

import { cleanOptions } from './state.js';

const PREFIX = 'v1,';

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
  return fragment.replace(/^#/, '').startsWith(PREFIX);
}

/** The fragment (without '#') for two texts and options. */
export async function encodeLink({ original, paraphrase, options }) {
  const json = JSON.stringify({ original, paraphrase, options });
  const compressed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(compressed);
}

/**
 * Reads a link's fragment back into { original, paraphrase, options }, the
 * options checked against the engine's `rules` (optionRules()).
 * @throws {Error} with a sentence saying what is wrong with it
 */
export async function decodeLink(fragment, rules) {
  const body = fragment.replace(/^#/, '');
  if (!body.startsWith(PREFIX)) throw new Error('it is not a link of this page');
  let data;
  try {
    const bytes = await pipe(fromBase64Url(body.slice(PREFIX.length)), new DecompressionStream('deflate-raw'), MAX_EXPANDED_BYTES);
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new Error(error.message.startsWith('it ') ? error.message : 'it is damaged (cut short or altered)');
  }
  if (!data || typeof data.original !== 'string' || typeof data.paraphrase !== 'string') {
    throw new Error('it does not hold two texts');
  }
  return { original: data.original, paraphrase: data.paraphrase, options: cleanOptions(data.options, rules) };
}
