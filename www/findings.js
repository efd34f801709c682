// The findings of a comparison as the page reads them: the flat typed arrays
// of `Comparison.compact()`, with objects made only for what is asked for:
// the spans of a row, one pair's diff. A book-length comparison thus crosses
// from the worker in a few buffers. Every field is read by the name the
// engine gives it in `compact.layout` (declared in src/compact.rs), never by
// a number written here.

/** { name: offset } for the field names of a record, in order. */
function offsets(names) {
  return Object.fromEntries(names.map((name, offset) => [name, offset]));
}

/**
 * { name: [shift, mask] } for a number packing fields into bits, named bit
 * by bit from bit 0 (a field of several bits repeats its name).
 */
function bitFields(bits) {
  const fields = {};
  for (const name of new Set(bits)) {
    const shift = bits.indexOf(name);
    fields[name] = [shift, 2 ** (bits.lastIndexOf(name) - shift + 1) - 1];
  }
  return fields;
}

/** The layout of `compact()`, as names to offsets and sizes. */
function readLayout(layout) {
  const record = (names) => ({ ...offsets(names), size: names.length });
  return {
    ...layout,
    sentence: record(layout.sentence),
    row: record(layout.row),
    pair: record(layout.pair),
    op: record(layout.op),
    char: record(layout.char),
    run: record(layout.run),
    spanInfo: bitFields(layout.spanInfo),
  };
}

/** Field `[shift, mask]` of a packed number. */
const bits = (value, [shift, mask]) => (value >>> shift) & mask;

export class Findings {
  /**
   * @param {object} data     { compact, stats, complete, cutShort, languages } from the worker
   * @param {object} texts    { original, paraphrase }
   */
  constructor({ compact, stats, complete, cutShort, languages }, texts) {
    this.compact = compact;
    this.layout = readLayout(compact.layout);
    this.stats = stats;
    // { original, paraphrase, used }: ISO 639-1 codes, null where none.
    this.languages = languages ?? { original: null, paraphrase: null, used: null };
    this.complete = complete;
    this.cutShort = cutShort;
    this.texts = texts;
    this.pairCache = new Map();
  }

  // ---- sentences ------------------------------------------------------------

  sentenceCount(side) {
    return this.compact[side].sentences.length / this.layout.sentence.size;
  }

  /**
   * Sentence `index` of a side: { start, end, paragraph, pair, repeats } (pair
   * undefined when unpaired; repeats, for an unpaired paraphrase sentence
   * whose words are all copied, the original sentence it repeats).
   */
  sentence(side, index) {
    const s = this.compact[side].sentences;
    const S = this.layout.sentence;
    const at = index * S.size;
    const { none } = this.layout;
    const [pair, repeats] = [s[at + S.pair], s[at + S.repeats]];
    return {
      start: s[at + S.start],
      end: s[at + S.end],
      paragraph: s[at + S.paragraph],
      pair: pair === none ? undefined : pair,
      repeats: repeats === none ? undefined : repeats,
    };
  }

  // ---- rows -----------------------------------------------------------------

  /**
   * The rows of the view in one text's order ('paraphrase' or 'original'),
   * as the engine orders them for the reports too: each { type: 'pair' |
   * 'new' | 'dropped', index } (of the pair or the sentence).
   */
  rows(order) {
    const r = this.compact[order].rows;
    const { row: R, rowTypes } = this.layout;
    const rows = [];
    for (let at = 0; at < r.length; at += R.size) rows.push({ type: rowTypes[r[at + R.type]], index: r[at + R.index] });
    return rows;
  }

  // ---- pairs ----------------------------------------------------------------

  get pairCount() {
    return this.compact.pairs.length / this.layout.pair.size;
  }

  /** The fields of pair `index` without building its ops. */
  pairSummary(index) {
    const p = this.compact.pairs;
    const { pair: P, op: O } = this.layout;
    const at = index * P.size;
    const equal = this.layout.tags.indexOf('equal');
    let changed = false;
    for (let op = p[at + P.op]; op < p[at + P.opEnd] && !changed; op++) {
      changed = this.compact.ops[op * O.size + O.tag] !== equal;
    }
    return {
      original_sentences: [p[at + P.originalSentence], p[at + P.originalSentenceEnd]],
      paraphrase_sentences: [p[at + P.paraphraseSentence], p[at + P.paraphraseSentenceEnd]],
      original: [p[at + P.originalStart], p[at + P.originalEnd]],
      paraphrase: [p[at + P.paraphraseStart], p[at + P.paraphraseEnd]],
      moved: p[at + P.moved] === 1,
      verdict: this.layout.verdicts[p[at + P.verdict]],
      evidence: this.layout.evidence[p[at + P.evidence]],
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
    const { pair: P, op: O, char: C, tags } = this.layout;
    const p = this.compact.pairs;
    const at = index * P.size;
    const { ops, chars } = this.compact;
    const opList = [];
    for (let op = p[at + P.op]; op < p[at + P.opEnd]; op++) {
      const o = op * O.size;
      const charList = [];
      for (let c = ops[o + O.char]; c < ops[o + O.charEnd]; c++) {
        const k = c * C.size;
        charList.push({
          op: tags[chars[k + C.tag]],
          original: [chars[k + C.originalStart], chars[k + C.originalEnd]],
          paraphrase: [chars[k + C.paraphraseStart], chars[k + C.paraphraseEnd]],
        });
      }
      opList.push({
        op: tags[ops[o + O.tag]],
        original: [ops[o + O.originalStart], ops[o + O.originalEnd]],
        paraphrase: [ops[o + O.paraphraseStart], ops[o + O.paraphraseEnd]],
        chars: charList,
      });
    }
    pair = { ...this.pairSummary(index), ops: opList };
    this.pairCache.set(index, pair);
    return pair;
  }

  // ---- runs and spans -------------------------------------------------------

  /** The moved runs, each as { original, paraphrase } (its two ranges). */
  movedRuns() {
    const { runs } = this.compact;
    const R = this.layout.run;
    const found = [];
    for (let at = 0; at < runs.length; at += R.size) {
      if (runs[at + R.moved] !== 1) continue;
      found.push({
        original: [runs[at + R.originalStart], runs[at + R.originalEnd]],
        paraphrase: [runs[at + R.paraphraseStart], runs[at + R.paraphraseEnd]],
      });
    }
    return found;
  }

  runMoved(run) {
    const R = this.layout.run;
    return this.compact.runs[run * R.size + R.moved] === 1;
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
    const { kinds, ops, none, spanInfo: I } = this.layout;
    const spans = [];
    for (let i = lo; i < count && starts[i] < to; i++) {
      const info = s.spanInfo[i];
      const span = { start: starts[i], end: starts[i + 1], kind: kinds[bits(info, I.kind)], op: ops[bits(info, I.op)] };
      // The char op plus one; 0 for none.
      const charOp = bits(info, I.charOp);
      if (charOp !== 0) span.char_op = ops[charOp - 1];
      if (s.spanPair[i] !== none) span.pair = s.spanPair[i];
      if (s.spanRun[i] !== none) {
        span.run = s.spanRun[i];
        span.moved = this.runMoved(span.run);
        if (span.kind === 'copied') span.quoted = bits(info, I.quoted) === 1;
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
    const { kinds, none, spanInfo: I } = this.layout;
    const copied = kinds.indexOf('copied');
    const found = [];
    for (let i = 0; i < s.spanInfo.length; i++) {
      const info = s.spanInfo[i];
      if (bits(info, I.kind) !== copied || s.spanRun[i] === none || bits(info, I.quoted) === 1) continue;
      found.push({ start: s.spanStarts[i], end: s.spanStarts[i + 1], run: s.spanRun[i] });
    }
    return found;
  }
}

/** Every typed array of a compact result, for postMessage's transfer list. */
export function buffersOf(compact) {
  const arrays = [compact.pairs, compact.similarity, compact.keptShare, compact.derivedShare, compact.ops, compact.chars, compact.runs];
  for (const side of [compact.original, compact.paraphrase]) {
    arrays.push(side.spanStarts, side.spanInfo, side.spanRun, side.spanPair, side.spanTarget, side.sentences, side.rows);
  }
  return arrays.map((array) => array.buffer);
}
