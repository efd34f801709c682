// Pure functions over the findings of a comparison (findings.js): the rows
// of the view, which of them are changes, the summary. No DOM here, so Node
// tests can call them.

import WORDING from './wording.js';

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

/**
 * The counts and shares the summary's phrases name (wording.js): the stats,
 * each share in percent, and the stages that ran out of time.
 */
function phraseValues(findings) {
  const s = findings.stats;
  return {
    ...s,
    copied_share: percent(s.copied_words, s.paraphrase_words),
    reworded_share: percent(s.reworded_words, s.paraphrase_words),
    new_share: percent(s.new_words, s.paraphrase_words),
    kept_share: percent(s.kept_words, s.original_words),
    original_reworded_share: percent(s.original_reworded_words, s.original_words),
    dropped_share: percent(s.dropped_words, s.original_words),
    cut_short: findings.cutShort.join(', '),
    ...languageValues(findings.languages),
  };
}

/** The names of the languages detected and compared in, as phrases name them. */
function languageValues(languages) {
  return {
    original_language: languageName(languages?.original),
    paraphrase_language: languageName(languages?.paraphrase),
    used_language: languageName(languages?.used),
  };
}

// Language names in English, as the reports name them.
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/** The English name of a language code, "not determined" for none. */
export function languageName(code) {
  if (!code) return 'not determined';
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Which language the comparison was made in, worded as the reports word it
 * (src/report/wording.rs `language_phrase` chooses the same way):
 * { text, note }, `note` when the texts are in two languages.
 */
export function languagePhrase(findings) {
  const { original, paraphrase, used } = findings.languages ?? {};
  const values = languageValues(findings.languages);
  if (original && paraphrase && original !== paraphrase) return { text: phrase('languagesDiffer', values), note: true };
  const name = !used ? 'languageUnknown' : original !== used ? 'languageSet' : 'language';
  return { text: phrase(name, values), note: false };
}

/** Shares and counts for the summary. */
export function summaryOf(findings) {
  const values = phraseValues(findings);
  return {
    paraphraseWords: values.paraphrase_words,
    originalWords: values.original_words,
    copied: values.copied_share,
    reworded: values.reworded_share,
    new: values.new_share,
    kept: values.kept_share,
    originalReworded: values.original_reworded_share,
    dropped: values.dropped_share,
    unquotedCopied: values.unquoted_copied_words,
    complete: findings.complete,
    values,
  };
}

/**
 * Phrase `name` of wording.js filled in with `values` (see there for the
 * notation); src/report/wording.rs fills them in the same way.
 * @throws {Error} for a name the values lack, which is a mistake in wording.js
 */
export function phrase(name, values) {
  const value = (key) => {
    if (!(key in values)) throw new Error(`wording.js: ${name} names ${key}, which the summary does not have`);
    return values[key];
  };
  let text = '';
  for (const part of WORDING[name]) {
    const optional = part.startsWith('?');
    let first;
    const filled = part.slice(optional ? 1 : 0).replace(/\{(\w+)(?::([^/}]*)\/([^}]*))?\}/g, (_, key, one, many) => {
      const count = value(key);
      first ??= count;
      return one === undefined ? String(count) : count === 1 ? one : many;
    });
    if (!(optional && first === 0)) text += filled;
  }
  return text;
}

// The summary's phrases (wording.js), for the page and the clipboard.

/** "6 copied passages (3 moved)" */
export function passagesPhrase(m) {
  return phrase('passages', m.values);
}

/** "33 copied words outside quotation marks" */
export function unquotedPhrase(m) {
  return phrase('unquoted', m.values);
}

/**
 * "5 sentence pairs: 1 copied, 3 edited, 1 reworded (2 moved); 2 new sentences, 2 dropped"
 * (", 1 repeated" before "dropped" when the rewrite repeats a copied sentence).
 */
export function sentencesPhrase(m) {
  return phrase('sentences', m.values);
}

/** "The time budget ran out (word diff); the comparison is coarser there." */
export function cutShortSentence(m) {
  return capitalized(`${phrase('cutShort', m.values)}.`);
}

/** `text` with its first letter in upper case. */
export const capitalized = (text) => `${text[0].toUpperCase()}${text.slice(1)}`;

/** The summary as plain text, for the clipboard (as the text report has it). */
export function summaryText(findings) {
  const m = summaryOf(findings);
  const lines = [
    `Paraphrase: ${phrase('paraphraseShares', m.values)}.`,
    `Original: ${phrase('originalShares', m.values)}.`,
    `Copied passages: ${phrase('passageCount', m.values)}; ${unquotedPhrase(m)}.`,
    `Sentences: ${sentencesPhrase(m)}.`,
  ];
  const language = languagePhrase(findings);
  lines.push(language.note ? `Note: ${language.text}.` : `Language: ${language.text}.`);
  if (!m.complete) lines.push(cutShortSentence(m));
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

/** The rows (a Set of indices) that show either end of a moved passage. */
export function movedRowsOf(findings, rows) {
  const find = { original: rowFinder(rows, 'original'), paraphrase: rowFinder(rows, 'paraphrase') };
  const found = new Set();
  for (const run of findings.movedRuns()) {
    for (const side of ['original', 'paraphrase']) {
      const row = find[side](run[side][0]);
      if (row >= 0) found.add(row);
    }
  }
  return found;
}

// The lookups made for a list of rows, by side: the page asks for them
// several times a comparison (the rows, the unattributed and moved
// passages), and a book has tens of thousands of rows to sort.
const finders = new WeakMap();

/**
 * A lookup from a position of one side ('original' or 'paraphrase') to the
 * index of the row that shows it, or -1. Rows do not follow either text's
 * order, so their ranges are sorted once (once a list of rows: a list of
 * rows is never changed once made).
 */
export function rowFinder(rows, side) {
  if (!finders.has(rows)) finders.set(rows, {});
  const made = finders.get(rows);
  made[side] ??= newRowFinder(rows, side);
  return made[side];
}

function newRowFinder(rows, side) {
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
