// The coverage of the original by many rewrites: for each sentence of the
// original, how many rewrites reuse it (a copied run or a sentence pair
// touching it). A run that reaches into a sentence by one word only, which
// happens where two sentences both start with "The", does not count for
// it unless that word is the whole sentence. Computed from each comparison's findings (findings.js), all
// of the same original, so their original sentences are the same. No DOM
// here, so Node tests can call it.

/**
 * The first sentence of `sentences` (sorted, not overlapping, as
 * { start, end }) whose end is past `offset`.
 */
function firstEndingAfter(sentences, offset) {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `text` holds two words or more. */
const severalWords = (text) => /\S+\s+\S/.test(text.trim());

/** Which sentences of the original one comparison reuses, as a Uint8Array of 0 and 1. */
export function reusedSentences(findings, sentences) {
  const reused = new Uint8Array(sentences.length);
  const { run: R, pair: P } = findings.layout;
  const runs = findings.compact.runs;
  const text = findings.texts.original;
  for (let at = 0; at < runs.length; at += R.size) {
    const [start, end] = [runs[at + R.originalStart], runs[at + R.originalEnd]];
    for (let s = firstEndingAfter(sentences, start); s < sentences.length && sentences[s].start < end; s++) {
      const sentence = sentences[s];
      const [from, to] = [Math.max(start, sentence.start), Math.min(end, sentence.end)];
      if ((from === sentence.start && to === sentence.end) || severalWords(text.slice(from, to))) reused[s] = 1;
    }
  }
  const pairs = findings.compact.pairs;
  for (let at = 0; at < pairs.length; at += P.size) {
    for (let s = pairs[at + P.originalSentence]; s < pairs[at + P.originalSentenceEnd]; s++) reused[s] = 1;
  }
  return reused;
}

/**
 * The coverage of the original by `comparisons` (Findings, or null for a
 * rewrite that was not compared): { sentences: [{ start, end, paragraph }],
 * counts: [how many rewrites reuse each], rewrites: how many were compared }.
 */
export function coverageOf(comparisons) {
  const compared = comparisons.filter(Boolean);
  if (compared.length === 0) return { sentences: [], counts: [], rewrites: 0 };
  const first = compared[0];
  const sentences = Array.from({ length: first.sentenceCount('original') }, (_, i) => {
    const { start, end, paragraph } = first.sentence('original', i);
    return { start, end, paragraph };
  });
  const counts = new Array(sentences.length).fill(0);
  for (const findings of compared) {
    reusedSentences(findings, sentences).forEach((reused, i) => {
      counts[i] += reused;
    });
  }
  return { sentences, counts, rewrites: compared.length };
}

/** Shades of the coverage view, from none to all: the legend names each. */
export const SHADES = 5;

/**
 * The shade (0 to SHADES - 1) of a sentence that `count` of `total`
 * rewrites reuse: 0 for none, the last for all, the rest in between.
 */
export function shadeOf(count, total) {
  if (count === 0 || total === 0) return 0;
  if (count >= total) return SHADES - 1;
  return 1 + Math.min(SHADES - 3, Math.floor(((count - 1) / Math.max(1, total - 1)) * (SHADES - 2)));
}
