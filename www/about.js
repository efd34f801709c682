// What an export compared: the inputs by name with their words, when it was
// made and the options in words. The HTML report shows it in its header;
// the JSON export carries it as top-level fields (`inputs`, `exported`;
// docs/format.md). Plain data in, plain data out: no document needed.

import { languageName } from './model.js';

/**
 * The options as a sentence a reader can check: each switch, the minimum
 * copied run and the language when one is set, in the words of the page's
 * Options panel.
 */
export function optionsInWords(options) {
  const words = [
    options.ignore_case ? 'letter case ignored' : 'letter case compared',
    options.unify_punctuation ? 'all quote marks, apostrophes and dashes alike' : 'quote marks, apostrophes and dashes as typed',
    options.normalize_unicode ? 'Unicode normalized' : 'Unicode as typed',
    options.ignore_punctuation ? 'punctuation ignored' : 'punctuation compared',
    `copied passages of at least ${options.min_run} word${options.min_run === 1 ? '' : 's'}`,
  ];
  if (options.language && options.language !== 'auto') words.push(`language set to ${languageName(options.language)}`);
  const sentence = words.join('; ');
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
}

/** `date` as ISO 8601 (UTC) and in words ("30 November 2026, 22:41 UTC"). */
export function whenOf(date) {
  const readable = date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  return { iso: date.toISOString(), readable };
}

/**
 * The inputs of one comparison: [{ role, name, words }] for the original
 * and the paraphrase, `names` { original, paraphrase } (the page's names:
 * a file's, one given, or "Original"/"Paraphrase"), `stats` the engine's.
 */
export function pairInputs(names, stats) {
  return [
    { role: 'Original', name: names.original, words: stats.original_words },
    { role: 'Paraphrase', name: names.paraphrase, words: stats.paraphrase_words },
  ];
}

/**
 * The inputs of many comparisons (batch.js's compareAll result; an entry
 * without findings was not compared and has no count): the original then
 * each rewrite, or each source then the text. `single` names the one text
 * on the other side (the original, or the text the sources are for).
 */
export function manyInputs(many, single) {
  const compared = many.entries.find((entry) => entry.findings)?.findings.stats;
  const entryWords = (entry, side) => entry.findings?.stats[`${side}_words`] ?? null;
  if (many.mode === 'sources') {
    return [
      ...many.entries.map((entry) => ({ role: `Source ${entry.letter}`, name: entry.name, words: entryWords(entry, 'original') })),
      { role: 'Text', name: single, words: compared?.paraphrase_words ?? null },
    ];
  }
  return [
    { role: 'Original', name: single, words: compared?.original_words ?? null },
    ...many.entries.map((entry, i) => ({ role: `Rewrite ${i + 1}`, name: entry.name, words: entryWords(entry, 'paraphrase') })),
  ];
}

/** One input in words: "wire.txt (Rewrite 2): 1,204 words". */
export function inputInWords({ role, name, words }) {
  const who = name === role ? name : `${name} (${role})`;
  const count = words === null ? 'not compared' : `${words.toLocaleString('en')} word${words === 1 ? '' : 's'}`;
  return `${who}: ${count}`;
}

/**
 * The engine's JSON export (`json`: one article-diff/1 document, or an
 * array of them with `name`, as Engine.json gives it) with what it
 * compared: `exported` (ISO 8601) and `inputs` after `format` (and after
 * `name`). A pair document's `inputs` are { original, paraphrase } (the
 * names; `original` is `originalName` in an array, each element's own
 * `name` its paraphrase); a sources document's { paraphrase, sources }.
 * `names` { original, paraphrase } names the single pair's texts.
 */
export function labelledJson(json, { exported, names }) {
  const label = (document, inputs) => {
    const { name, format, ...rest } = document;
    const head = name === undefined ? { format } : { name, format };
    return { ...head, exported, inputs, ...rest };
  };
  const data = JSON.parse(json);
  if (Array.isArray(data)) {
    const elements = data.map((element) =>
      element.error === undefined ? label(element, { original: names.original, paraphrase: element.name }) : element,
    );
    return `[\n${elements.map((element) => JSON.stringify(element)).join(',\n')}\n]\n`;
  }
  if (data.sources) {
    return `${JSON.stringify(label(data, { paraphrase: names.paraphrase, sources: data.sources.map((source) => source.name) }))}\n`;
  }
  return `${JSON.stringify(label(data, { original: names.original, paraphrase: names.paraphrase }))}\n`;
}
