// The findings of a comparison as the page reads them: the flat typed arrays
// of `Comparison.compact()` (layout in src/compact.rs), with objects made
// only for what is asked for: the spans of a row, one pair's diff. A
// book-length comparison thus crosses from the worker in a few buffers.

export class Findings {
  /**
   * @param {object} data     { compact, stats, complete, cutShort } from the worker
   * @param {object} texts    { original, paraphrase }
   */
  constructor({ compact, stats, complete, cutShort }, texts) {
    this.compact = compact;
    this.layout = compact.layout;
    this.stats = stats;
    this.complete = complete;
    this.cutShort = cutShort;
    this.texts = texts;
    this.pairCache = new Map();
  }

  // ---- sentences ------------------------------------------------------------

  sentenceCount(side) {
    return this.compact[side].sentences.length / this.layout.sentenceFields;
  }

  /**
   * Sentence `index` of a side: { start, end, paragraph, pair, repeats } (pair
   * undefined when unpaired; repeats, for an unpaired paraphrase sentence
   * whose words are all copied, the original sentence it repeats).
   */
  sentence(side, index) {
    const s = this.compact[side].sentences;
    const at = index * this.layout.sentenceFields;
    const { none } = this.layout;
    const [pair, repeats] = [s[at + 3], s[at + 4]];
    return {
      start: s[at],
      end: s[at + 1],
      paragraph: s[at + 2],
      pair: pair === none ? undefined : pair,
      repeats: repeats === none ? undefined : repeats,
    };
  }

  // ---- pairs ----------------------------------------------------------------

  get pairCount() {
    return this.compact.pairs.length / this.layout.pairFields;
  }

  /** The fields of pair `index` without building its ops. */
  pairSummary(index) {
    const p = this.compact.pairs;
    const at = index * this.layout.pairFields;
    const { opFields } = this.layout;
    let changed = false;
    for (let op = p[at + 9]; op < p[at + 10] && !changed; op++) changed = this.compact.ops[op * opFields] !== 0;
    return {
      original_sentences: [p[at], p[at + 1]],
      paraphrase_sentences: [p[at + 2], p[at + 3]],
      original: [p[at + 4], p[at + 5]],
      paraphrase: [p[at + 6], p[at + 7]],
      moved: p[at + 8] === 1,
      verdict: this.layout.verdicts[p[at + 11]],
      evidence: this.layout.evidence[p[at + 12]],
      similarity: this.compact.similarity[index],
      kept_share: this.compact.keptShare[index],
      derived_share: this.compact.derivedShare[index],
      changed,
    };
  }

  /** Pair `index` with its word diff, as in the JSON model (kept once built). */
  pair(index) {
    let pair = this.pairCache.get(index);
    if (pair) return pair;
    const { opFields, charFields, tags } = this.layout;
    const p = this.compact.pairs;
    const at = index * this.layout.pairFields;
    const { ops, chars } = this.compact;
    const opList = [];
    for (let op = p[at + 9]; op < p[at + 10]; op++) {
      const o = op * opFields;
      const charList = [];
      for (let c = ops[o + 5]; c < ops[o + 6]; c++) {
        const k = c * charFields;
        charList.push({ op: tags[chars[k]], original: [chars[k + 1], chars[k + 2]], paraphrase: [chars[k + 3], chars[k + 4]] });
      }
      opList.push({ op: tags[ops[o]], original: [ops[o + 1], ops[o + 2]], paraphrase: [ops[o + 3], ops[o + 4]], chars: charList });
    }
    pair = { ...this.pairSummary(index), ops: opList };
    this.pairCache.set(index, pair);
    return pair;
  }

  // ---- runs and spans -------------------------------------------------------

  runMoved(run) {
    return (this.compact.runs[run * this.layout.runFields + 5] & 1) === 1;
  }

  /**
   * The spans of one side that overlap `range`, in order, each as
   * { start, end, kind, op, char_op, run, pair, moved, quoted, target } (the
   * last six present only where they apply, as in the JSON model).
   */
  spansIn(side, range) {
    const s = this.compact[side];
    const starts = s.spanStarts;
    const count = starts.length - 1;
    const [from, to] = range;
    // The first span whose end is past `from`.
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid + 1] <= from) lo = mid + 1;
      else hi = mid;
    }
    const { kinds, ops, none } = this.layout;
    const spans = [];
    for (let i = lo; i < count && starts[i] < to; i++) {
      const info = s.spanInfo[i];
      const span = { start: starts[i], end: starts[i + 1], kind: kinds[info & 7], op: ops[(info >> 3) & 3] };
      const charOp = (info >> 5) & 3;
      if (charOp !== 0) span.char_op = ops[charOp - 1];
      if (s.spanPair[i] !== none) span.pair = s.spanPair[i];
      if (s.spanRun[i] !== none) {
        span.run = s.spanRun[i];
        span.moved = this.runMoved(span.run);
        if (span.kind === 'copied') span.quoted = (info & this.layout.quotedBit) !== 0;
      }
      if (s.spanTarget[i] !== none) span.target = s.spanTarget[i];
      spans.push(span);
    }
    return spans;
  }

  /**
   * The copied spans of the paraphrase outside quotation marks, in order, as
   * { start, end, run }: read straight from the arrays, since a book may
   * have thousands and the page needs them all to walk through.
   */
  unquotedCopies() {
    const s = this.compact.paraphrase;
    const { kinds, none, quotedBit } = this.layout;
    const copied = kinds.indexOf('copied');
    const found = [];
    for (let i = 0; i < s.spanInfo.length; i++) {
      const info = s.spanInfo[i];
      if ((info & 7) !== copied || s.spanRun[i] === none || (info & quotedBit) !== 0) continue;
      found.push({ start: s.spanStarts[i], end: s.spanStarts[i + 1], run: s.spanRun[i] });
    }
    return found;
  }
}

/** Every typed array of a compact result, for postMessage's transfer list. */
export function buffersOf(compact) {
  const arrays = [compact.pairs, compact.similarity, compact.keptShare, compact.derivedShare, compact.ops, compact.chars, compact.runs];
  for (const side of [compact.original, compact.paraphrase]) {
    arrays.push(side.spanStarts, side.spanInfo, side.spanRun, side.spanPair, side.spanTarget, side.sentences);
  }
  return arrays.map((array) => array.buffer);
}
