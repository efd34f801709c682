// Pure functions over the article-diff/1 model (docs/format.md): the rows of
// the view, which of them are changes, the summary. No DOM here, so Node
// tests can call them.

/**
 * A row of the view: an aligned pair, a new paraphrase sentence or a dropped
 * original sentence.
 * @typedef {object} Row
 * @property {'pair'|'new'|'dropped'} type
 * @property {number|null} pair       index into model.pairs
 * @property {[number, number]|null} original    range of the original text
 * @property {[number, number]|null} paraphrase  range of the paraphrase text
 * @property {boolean} moved          the pair is out of order
 * @property {boolean} changed        anything differs (or moved)
 * @property {'copied'|'reworded'|'new'|'dropped'} status
 * @property {number|null} similarity
 */

/** The rows of a model, in paraphrase order (default) or original order. */
export function rowsOf(model, order = 'paraphrase') {
  const pairs = model.pairs;
  const pairRow = (index) => {
    const pair = pairs[index];
    const changed = pair.moved || pair.ops.some((op) => op.op !== 'equal');
    return {
      type: 'pair',
      pair: index,
      original: pair.original,
      paraphrase: pair.paraphrase,
      moved: pair.moved,
      changed,
      status: changed && pair.ops.some((op) => op.op !== 'equal') ? 'reworded' : 'copied',
      similarity: pair.similarity,
    };
  };
  const sentenceRow = (type, sentence) => ({
    type,
    pair: null,
    original: type === 'dropped' ? [sentence.start, sentence.end] : null,
    paraphrase: type === 'new' ? [sentence.start, sentence.end] : null,
    moved: false,
    changed: true,
    status: type,
    similarity: null,
  });
  return order === 'original'
    ? ordered(model.original.sentences, model.paraphrase.sentences, pairs, 'original_sentences', 'dropped', 'new', pairRow, sentenceRow)
    : ordered(model.paraphrase.sentences, model.original.sentences, pairs, 'paraphrase_sentences', 'new', 'dropped', pairRow, sentenceRow);
}

/**
 * Rows in the order of the `lead` text: each lead sentence in turn (a pair
 * once, at its first sentence), with the unpaired sentences of the other
 * text placed after the row of the paired sentence before them.
 */
function ordered(lead, other, pairs, leadKey, leadAlone, otherAlone, pairRow, sentenceRow) {
  const rows = [];
  // Unpaired sentences of the other text, by the pair row they follow (-1: first).
  const afterPair = new Map();
  let lastPair = -1;
  other.forEach((sentence, index) => {
    if (sentence.pair !== undefined) {
      lastPair = sentence.pair;
    } else {
      const list = afterPair.get(lastPair) ?? [];
      list.push(index);
      afterPair.set(lastPair, list);
    }
  });
  const emitAfter = (pair) => {
    for (const index of afterPair.get(pair) ?? []) rows.push(sentenceRow(otherAlone, other[index]));
    afterPair.delete(pair);
  };
  emitAfter(-1);
  for (let index = 0; index < lead.length; index++) {
    const sentence = lead[index];
    if (sentence.pair === undefined) {
      rows.push(sentenceRow(leadAlone, sentence));
      continue;
    }
    const pair = pairs[sentence.pair];
    if (pair[leadKey][0] !== index) continue; // the pair's later sentence
    rows.push(pairRow(sentence.pair));
    emitAfter(sentence.pair);
  }
  for (const pair of [...afterPair.keys()]) emitAfter(pair);
  return rows;
}

/** Indices of the rows that are changes, in order. */
export function changesOf(rows) {
  const changes = [];
  rows.forEach((row, index) => {
    if (row.changed) changes.push(index);
  });
  return changes;
}

/** The spans of one side that overlap `range`, in order (binary search). */
export function spansIn(spans, range) {
  const [start, end] = range;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const found = [];
  for (let i = lo; i < spans.length && spans[i].start < end; i++) found.push(spans[i]);
  return found;
}

const percent = (part, whole) => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);

/** Shares and counts for the summary. */
export function summaryOf(model) {
  const s = model.stats;
  return {
    paraphraseWords: s.paraphrase_words,
    originalWords: s.original_words,
    copied: percent(s.copied_words, s.paraphrase_words),
    reworded: percent(s.reworded_words, s.paraphrase_words),
    new: percent(s.new_words, s.paraphrase_words),
    kept: percent(s.kept_words, s.original_words),
    originalReworded: percent(s.original_reworded_words, s.original_words),
    dropped: percent(s.dropped_words, s.original_words),
    runs: s.runs,
    movedRuns: s.moved_runs,
    unquotedCopied: s.unquoted_copied_words,
    pairs: s.pairs,
    movedPairs: s.moved_pairs,
    newSentences: s.new_sentences,
    droppedSentences: s.dropped_sentences,
    complete: model.complete,
    cutShort: model.cut_short,
  };
}

/** The summary as plain text, for the clipboard. */
export function summaryText(model) {
  const m = summaryOf(model);
  const lines = [
    `Paraphrase: ${m.paraphraseWords} words: copied ${m.copied}%, reworded ${m.reworded}%, new ${m.new}%.`,
    `Original: ${m.originalWords} words: kept ${m.kept}%, reworded ${m.originalReworded}%, dropped ${m.dropped}%.`,
    `Copied passages: ${m.runs} (${m.movedRuns} moved); ${m.unquotedCopied} copied words outside quotation marks.`,
    `Sentences: ${m.pairs} pairs (${m.movedPairs} moved), ${m.newSentences} new, ${m.droppedSentences} dropped.`,
  ];
  if (!m.complete) lines.push(`The time budget ran out (${m.cutShort.join(', ')}); the comparison is coarser there.`);
  return lines.join('\n');
}

/**
 * A lookup from a position of one side ('original' or 'paraphrase') to the
 * index of the row that shows it, or -1. Rows do not follow either text's
 * order, so their ranges are sorted once.
 */
export function rowFinder(rows, side) {
  const starts = [];
  rows.forEach((row, index) => {
    if (row[side]) starts.push([row[side][0], row[side][1], index]);
  });
  starts.sort((a, b) => a[0] - b[0]);
  return (offset) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid][0] <= offset) lo = mid + 1;
      else hi = mid;
    }
    const candidate = starts[lo - 1];
    return candidate && offset < candidate[1] ? candidate[2] : -1;
  };
}
