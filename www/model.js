// Pure functions over the findings of a comparison (findings.js): the rows
// of the view, which of them are changes, the summary. No DOM here, so Node
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
 * @property {'copied'|'edited'|'reworded'|'new'|'dropped'} status  a pair's verdict, or new / dropped
 * @property {number|null} similarity
 * @property {number|undefined} keptShare     a pair's share of original words that reach the rewrite
 * @property {number|undefined} derivedShare  a pair's share of rewrite words that come from the original
 */

/**
 * The rows of the findings, in paraphrase order (default) or original order:
 * the engine's order (Findings::rows, which the reports follow too), each
 * row made into an object here.
 */
export function rowsOf(findings, order = 'paraphrase') {
  const pairRow = (index) => {
    const pair = findings.pairSummary(index);
    return {
      type: 'pair',
      pair: index,
      original: pair.original,
      paraphrase: pair.paraphrase,
      moved: pair.moved,
      changed: pair.changed || pair.moved,
      status: pair.verdict,
      similarity: pair.similarity,
      evidence: pair.evidence,
      keptShare: pair.kept_share,
      derivedShare: pair.derived_share,
    };
  };
  const sentenceRow = (type, sentence) => ({
    type,
    pair: null,
    original: type === 'dropped' ? [sentence.start, sentence.end] : null,
    paraphrase: type === 'new' ? [sentence.start, sentence.end] : null,
    moved: false,
    changed: true,
    // A sentence the rewrite repeats, every word copied, is not new.
    status: sentence.repeats !== undefined ? 'copied' : type,
    repeats: sentence.repeats,
    similarity: null,
  });
  return findings.rows(order === 'original' ? 'original' : 'paraphrase').map(({ type, index }) => {
    if (type === 'pair') return pairRow(index);
    return sentenceRow(type, findings.sentence(type === 'new' ? 'paraphrase' : 'original', index));
  });
}

/** Indices of the rows that are changes, in order. */
export function changesOf(rows) {
  const changes = [];
  rows.forEach((row, index) => {
    if (row.changed) changes.push(index);
  });
  return changes;
}

const percent = (part, whole) => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);

/** Shares and counts for the summary. */
export function summaryOf(findings) {
  const s = findings.stats;
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
    copiedPairs: s.copied_pairs,
    editedPairs: s.edited_pairs,
    rewordedPairs: s.reworded_pairs,
    movedPairs: s.moved_pairs,
    newSentences: s.new_sentences,
    repeatedSentences: s.repeated_sentences,
    droppedSentences: s.dropped_sentences,
    complete: findings.complete,
    cutShort: findings.cutShort,
  };
}

const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

// The summary's sentences, worded once for the page and the clipboard.

/** "6 copied passages (3 moved)" */
export function passagesPhrase(m) {
  return `${plural(m.runs, 'copied passage')} (${m.movedRuns} moved)`;
}

/** "33 copied words outside quotation marks" */
export function unquotedPhrase(m) {
  return `${plural(m.unquotedCopied, 'copied word')} outside quotation marks`;
}

/**
 * "5 sentence pairs: 1 copied, 3 edited, 1 reworded (2 moved); 2 new sentences, 2 dropped"
 * (", 1 repeated" before "dropped" when the rewrite repeats a copied sentence).
 */
export function sentencesPhrase(m) {
  return (
    `${plural(m.pairs, 'sentence pair')}: ${m.copiedPairs} copied, ${m.editedPairs} edited, ` +
    `${m.rewordedPairs} reworded (${m.movedPairs} moved); ` +
    `${plural(m.newSentences, 'new sentence')}, ` +
    (m.repeatedSentences ? `${m.repeatedSentences} repeated, ` : '') +
    `${m.droppedSentences} dropped`
  );
}

/** The summary as plain text, for the clipboard. */
export function summaryText(findings) {
  const m = summaryOf(findings);
  const lines = [
    `Paraphrase: ${m.paraphraseWords} words: copied ${m.copied}%, reworded ${m.reworded}%, new ${m.new}%.`,
    `Original: ${m.originalWords} words: kept ${m.kept}%, reworded ${m.originalReworded}%, dropped ${m.dropped}%.`,
    `Copied passages: ${m.runs} (${m.movedRuns} moved); ${unquotedPhrase(m)}.`,
    `Sentences: ${sentencesPhrase(m)}.`,
  ];
  if (!m.complete) lines.push(`The time budget ran out (${m.cutShort.join(', ')}); the comparison is coarser there.`);
  return lines.join('\n');
}

/**
 * The unattributed passages: copied words of the paraphrase outside
 * quotation marks, as { row, run, start, end } in paraphrase order, one per
 * run and row (a run crossing a sentence boundary is two passages).
 */
export function unattributedOf(findings, rows) {
  const findRow = rowFinder(rows, 'paraphrase');
  const passages = [];
  for (const span of findings.unquotedCopies()) {
    const row = findRow(span.start);
    const last = passages.at(-1);
    if (last && last.row === row && last.run === span.run && last.end === span.start) {
      last.end = span.end;
    } else {
      passages.push({ row, run: span.run, start: span.start, end: span.end });
    }
  }
  // Rows in original order do not follow the paraphrase: walk them as shown.
  return passages.sort((a, b) => a.row - b.row || a.start - b.start);
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
