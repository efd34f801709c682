// One text against several sources: which source each passage of the text
// came from, from the engine's attribution (compareSources().attribution()),
// and each source's share of the text. No DOM here, so Node tests can call it.

/** The letter of source `index`: A to Z, then AA, AB… */
export function letterOf(index) {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "Source B" for a source named by its letter, else "Source B: wire.txt". */
export function sourceTitle(letter, name) {
  const bare = `Source ${letter}`;
  return name === bare ? bare : `${bare}: ${name}`;
}

const percent = (part, whole) => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);

/**
 * What the sources view shows, from `comparisons` (Findings, source i as
 * the original, the text as the paraphrase; null for a source not
 * compared, whose `perSource` is null too) and `attribution`:
 * - `legend`: per source { letter, name, copiedWords, share (percent of the
 *   text's words copied from it), runs, pairs } (zeros for one not compared);
 * - `whole`: the same for all sources together (a word counts once);
 * - `passages`: the text's copied passages, { start, end, source } in text
 *   order (UTF-16 offsets into the text);
 * - `sentences`: the text's sentences, { start, end, paragraph, source }
 *   (source: the one its pair is attributed to, or undefined).
 */
export function sourcesOf(comparisons, attribution, names) {
  const { runs, pairs, perSource, whole, textWords } = attribution;
  const none = { copiedWords: 0, runs: 0, pairs: 0 };
  const legend = perSource.map((stats, source) => ({
    letter: letterOf(source),
    name: names[source],
    copiedWords: (stats ?? none).copiedWords,
    share: percent((stats ?? none).copiedWords, textWords),
    runs: (stats ?? none).runs,
    pairs: (stats ?? none).pairs,
  }));
  const passages = [];
  for (let i = 0; i < runs.source.length; i++) {
    const findings = comparisons[runs.source[i]];
    const R = findings.layout.run;
    const at = runs.index[i] * R.size;
    passages.push({
      start: findings.compact.runs[at + R.paraphraseStart],
      end: findings.compact.runs[at + R.paraphraseEnd],
      source: runs.source[i],
    });
  }
  passages.sort((a, b) => a.start - b.start);
  const first = comparisons.find(Boolean);
  const sentences = Array.from({ length: first ? first.sentenceCount('paraphrase') : 0 }, (_, i) => {
    const { start, end, paragraph } = first.sentence('paraphrase', i);
    return { start, end, paragraph, source: undefined };
  });
  for (let i = 0; i < pairs.source.length; i++) {
    const findings = comparisons[pairs.source[i]];
    const P = findings.layout.pair;
    const at = pairs.index[i] * P.size;
    const p = findings.compact.pairs;
    for (let s = p[at + P.paraphraseSentence]; s < p[at + P.paraphraseSentenceEnd]; s++) {
      if (sentences[s]) sentences[s].source = pairs.source[i];
    }
  }
  return {
    legend,
    whole: { copiedWords: whole.copiedWords, share: percent(whole.copiedWords, textWords), runs: whole.runs, pairs: whole.pairs },
    textWords,
    passages,
    sentences,
  };
}
