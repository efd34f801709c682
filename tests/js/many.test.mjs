// Many documents from JavaScript (issue 12): compareMany, one original
// against many rewrites, gives what compare() gives for each rewrite, and
// figures the command line's overview prints; compareSources attributes a
// text stitched from three sources to the right ones; bad arguments get
// their TypeError or size message.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  initSync,
  compare,
  compareMany,
  compareSources,
  maxInputBytes,
} from '../../target/pkg-test/article_diff.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'target/pkg-test/article_diff_bg.wasm')) });

const read = (path) => readFileSync(join(root, path), 'utf8');
const SEEDS = join(root, '..', 'shared', 'seeds');
const seed = (name) => readFileSync(join(SEEDS, name), 'utf8');
const PROSE = ['drought_a', 'drought_b', 'comet_a', 'school_a', 'answers_1', 'answers_2'].map(
  (name) => `tests/fixtures/prose/${name}.txt`,
);
// No time budget: a busy machine must not make one comparison coarser than
// its twin.
const UNBOUNDED = { time_budget_ms: null };

/** What a comparison hands JavaScript, its handle freed. */
function seen(comparison) {
  try {
    return {
      stats: comparison.stats,
      figures: comparison.figures,
      complete: comparison.complete,
      cutShort: comparison.cutShort,
      compact: comparison.compact(),
      json: comparison.json(),
    };
  } finally {
    comparison.free();
  }
}

/** The sentences of a text as tests/common's simple splitter finds them. */
function simpleSentences(text) {
  const sentences = [];
  for (const line of text.split('\n').filter((l) => l.trim())) {
    const chars = [...line];
    let current = '';
    chars.forEach((c, i) => {
      current += c;
      const nextCapital = i + 2 < chars.length && /\p{Lu}/u.test(chars[i + 2]);
      if (c === '.' && chars[i + 1] === ' ' && nextCapital) {
        sentences.push(current.trim());
        current = '';
      }
    });
    if (current.trim()) sentences.push(current.trim());
  }
  return sentences;
}

/** Fixture pairs: each original with its rewrites, from the fixtures and the seeds. */
function cases() {
  const pairs = ['quotation', 'moved', 'reworded', 'split_merge', 'unicode', 'crlf', 'attribution'];
  const all = pairs.map((name) => {
    const original = read(`tests/fixtures/pairs/${name}/original.txt`);
    const paraphrase = read(`tests/fixtures/pairs/${name}/paraphrase.txt`);
    // The paraphrase, the original itself, an unrelated text and nothing.
    return [name, original, [paraphrase, original, read(PROSE[0]), '']];
  });
  if (existsSync(SEEDS)) {
    const original = seed('000_6b62ce62292d1908.txt');
    all.push(['seeds', original, [seed('004_406426a349353b31.txt'), original.split('\n').reverse().join('\n'), '']]);
  }
  return all;
}

for (const [name, original, rewrites] of cases()) {
  test(`compareMany on ${name} equals compare() per rewrite`, () => {
    for (const options of [UNBOUNDED, { ...UNBOUNDED, ignore_case: false, min_run: 3, normalize_unicode: true }]) {
      const many = compareMany(original, rewrites, options);
      assert.equal(many.length, rewrites.length);
      many.forEach((comparison, i) => {
        const got = seen(comparison);
        const expected = seen(compare(original, rewrites[i], options));
        assert.deepStrictEqual(got, expected, `rewrite ${i}`);
        // The figures are the stats', as the overview defines them.
        const s = got.stats;
        const percent = (part) => (s.paraphrase_words ? Math.round((part * 1000) / s.paraphrase_words) / 10 : 0);
        assert.deepStrictEqual(got.figures, {
          words: s.paraphrase_words,
          copied: percent(s.copied_words),
          reworded: percent(s.reworded_words),
          new: percent(s.new_words),
          movedPassages: s.moved_runs,
          unquotedCopiedWords: s.unquoted_copied_words,
          longestPassage: Math.max(0, ...JSON.parse(got.json).runs.map((run) => run.words)),
        });
      });
    }
  });
}

test('compareMany with no rewrites gives an empty array', () => {
  assert.deepStrictEqual(compareMany('The council met.', []), []);
});

/** The native command line (`cargo build --release`; else the debug build `cargo test` makes). */
function cli() {
  const binary = ['release', 'debug'].map((profile) => join(root, 'target', profile, 'article-diff')).find(existsSync);
  assert.ok(binary, 'build the command line first (cargo build --release)');
  return binary;
}

test("the overview's numbers equal the pairwise comparisons (Rust and Node)", () => {
  const original = existsSync(SEEDS) ? join(SEEDS, '000_6b62ce62292d1908.txt') : join(root, PROSE[0]);
  const rewrites = [
    ...(existsSync(SEEDS) ? [join(SEEDS, '004_406426a349353b31.txt')] : []),
    ...PROSE.map((path) => join(root, path)),
    join(root, 'tests/fixtures/pairs/attribution/paraphrase.txt'),
  ];
  const csv = execFileSync(cli(), [original, ...rewrites, '-f', 'csv'], { encoding: 'utf8' });
  const [header, ...rows] = csv.trimEnd().split('\r\n');
  assert.equal(
    header,
    'name,words,copied_percent,reworded_percent,new_percent,moved_passages,unquoted_copied_words,longest_passage_words,error',
  );
  assert.equal(rows.length, rewrites.length);
  const many = compareMany(
    readFileSync(original, 'utf8'),
    rewrites.map((path) => readFileSync(path, 'utf8')),
  );
  rows.forEach((row, i) => {
    const [name, ...fields] = row.split(',');
    assert.equal(name, rewrites[i]);
    assert.equal(fields.at(-1), '', `${name} was compared`);
    const f = seen(many[i]).figures;
    assert.deepStrictEqual(fields.slice(0, -1).map(Number), [
      f.words,
      f.copied,
      f.reworded,
      f.new,
      f.movedPassages,
      f.unquotedCopiedWords,
      f.longestPassage,
    ]);
  });
  // Not all zero: the overview has something to say.
  assert.ok(rows.some((row) => Number(row.split(',')[2]) > 50), csv);
});

test('compareMany refuses arguments of the wrong type, naming them', () => {
  const call = 'compareMany(original, rewrites, options)';
  const cases = [
    [() => compareMany(7, []), `${call}: original must be a string (got a number)`],
    [() => compareMany('a', 'b'), `${call}: rewrites must be an array (got a string)`],
    [() => compareMany('a', undefined), `${call}: rewrites must be an array (got undefined)`],
    [() => compareMany('a', ['x', 'y', 'z', 5]), `${call}: rewrites[3] must be a string (got a number)`],
    [() => compareMany('a', [null]), `${call}: rewrites[0] must be a string (got null)`],
    [() => compareMany('a', ['x'], 'fast'), `${call}: options must be an object (got a string)`],
    [() => compareMany('a', ['x'], []), `${call}: options must be an object (got an array)`],
  ];
  for (const [thrown, message] of cases) assert.throws(thrown, { name: 'TypeError', message });
  assert.throws(() => compareMany('a', ['x'], { min_run: 0 }), (error) => {
    assert.equal(error.name, 'Error');
    assert.match(error.message, /min_run/);
    return true;
  });
});

test('a rewrite over the size limit is named by its place', () => {
  const big = 'word '.repeat(Math.floor(maxInputBytes() / 5) + 1);
  assert.throws(() => compareMany('The council met.', ['a', 'b', 'c', big]), {
    name: 'Error',
    message:
      'Rewrite 4 is just over 8 MB of text; article-diff compares at most 8 MB a side (about 1.4 million words)',
  });
  assert.throws(() => compareMany(big, ['a']), {
    name: 'Error',
    message: /^the original is just over 8 MB of text/,
  });
  assert.throws(() => compareSources(['a', big], 'b'), { name: 'Error', message: /^Source 2 is just over 8 MB/ });
  assert.throws(() => compareSources(['a'], big), { name: 'Error', message: /^the text is just over 8 MB/ });
});

test('compareSources refuses arguments of the wrong type, naming them', () => {
  const call = 'compareSources(sources, text, options)';
  const cases = [
    [() => compareSources('a', 'b'), `${call}: sources must be an array (got a string)`],
    [() => compareSources(['a', {}], 'b'), `${call}: sources[1] must be a string (got an object)`],
    [() => compareSources(['a'], 3), `${call}: text must be a string (got a number)`],
    [() => compareSources(['a'], 'b', 1), `${call}: options must be an object (got a number)`],
  ];
  for (const [thrown, message] of cases) assert.throws(thrown, { name: 'TypeError', message });
});

/** Three articles (two on one subject) and a text taking their sentences in turn, with where each came from. */
function stitched() {
  const sources = ['drought_a', 'comet_a', 'drought_b'].map((name) => read(`tests/fixtures/prose/${name}.txt`));
  const sentences = sources.map(simpleSentences);
  let text = '';
  const origin = [];
  for (let i = 0; i < Math.max(...sentences.map((list) => list.length)); i++) {
    sentences.forEach((list, source) => {
      if (i < list.length) {
        const start = text.length;
        text += list[i];
        origin.push({ source, start, end: text.length });
        text += ' ';
      }
    });
  }
  return { sources, text, origin };
}

test('compareSources attributes copied words to the source they came from', () => {
  const { sources, text, origin } = stitched();
  const result = compareSources(sources, text, UNBOUNDED);
  try {
    const comparisons = result.comparisons;
    assert.equal(comparisons.length, 3);
    const models = comparisons.map((comparison) => comparison.toJSON());
    // Each is the pairwise comparison, the source as the original.
    models.forEach((model, i) => {
      const alone = compare(sources[i], text, UNBOUNDED);
      assert.deepStrictEqual(model, alone.toJSON());
      assert.deepStrictEqual(comparisons[i].figures, alone.figures);
      alone.free();
    });
    const { runs, pairs, perSource, whole, textWords } = result.attribution();
    for (const list of [runs, pairs]) {
      assert.ok(list.source instanceof Uint32Array && list.index instanceof Uint32Array);
      assert.equal(list.index.length, list.source.length);
      assert.equal(list.words.length, list.source.length);
    }
    // Word by word (a word starts after whitespace), in UTF-16 offsets.
    const words = [...text.matchAll(/\S+/g)].map((match) => match.index);
    let right = 0;
    let all = 0;
    let previous = -1;
    runs.source.forEach((source, i) => {
      assert.ok(source < 3, `run ${i}: source ${source}`);
      const run = models[source].runs[runs.index[i]];
      assert.ok(run, `run ${i}: index ${runs.index[i]} of source ${source}`);
      const [start, end] = run.paraphrase;
      assert.ok(start >= previous, 'runs in text order');
      previous = start;
      assert.ok(runs.words[i] >= 1 && runs.words[i] <= run.words);
      for (const word of words.filter((w) => start <= w && w < end)) {
        all += 1;
        if (origin.find((o) => o.start <= word && word < o.end)?.source === source) right += 1;
      }
    });
    assert.ok(all > 0);
    assert.ok(right >= 0.95 * all, `${right} of ${all} copied words attributed to their source`);
    // Each source gives its share; together the whole, each word once.
    assert.equal(perSource.length, 3);
    assert.ok(perSource.every((s) => s.copiedWords > 0), JSON.stringify(perSource));
    const sum = (key) => perSource.reduce((total, s) => total + s[key], 0);
    assert.ok(whole.copiedWords <= sum('copiedWords'));
    assert.equal(whole.copiedWords, runs.words.reduce((a, b) => a + b, 0));
    assert.ok(whole.copiedWords <= textWords);
    assert.equal(whole.runs, runs.source.length);
    assert.equal(whole.pairs, pairs.source.length);
    assert.equal(sum('runs'), whole.runs);
    assert.equal(sum('pairs'), whole.pairs);
    perSource.forEach((s, i) => {
      assert.equal(s.runs, runs.source.filter((source) => source === i).length);
      assert.equal(s.pairs, pairs.source.filter((source) => source === i).length);
    });
    assert.equal(textWords, models[0].stats.paraphrase_words);
    // Pairs: valid, each sentence of the text at most once.
    const taken = new Set();
    pairs.source.forEach((source, i) => {
      assert.ok(source < 3);
      const pair = models[source].pairs[pairs.index[i]];
      assert.ok(pair, `pair ${i}: index ${pairs.index[i]} of source ${source}`);
      const [first, last] = pair.paraphrase_sentences;
      for (let sentence = first; sentence < last; sentence++) {
        assert.ok(!taken.has(sentence), `sentence ${sentence} attributed twice`);
        taken.add(sentence);
      }
    });
    // The getter hands the same comparisons each time.
    assert.equal(result.comparisons[1], comparisons[1]);
    comparisons.forEach((comparison) => comparison.free());
  } finally {
    result.free();
  }
});

test('compareSources with one source twice credits the first, and counts shared words once', () => {
  const [original, paraphrase] = ['quotation', 'quotation'].map((name, i) =>
    read(`tests/fixtures/pairs/${name}/${i ? 'paraphrase' : 'original'}.txt`),
  );
  const result = compareSources([original, original], paraphrase, UNBOUNDED);
  const alone = seen(compare(original, paraphrase, UNBOUNDED));
  const { runs, pairs, perSource, whole, textWords } = result.attribution();
  assert.ok(runs.source.every((source) => source === 0) && pairs.source.every((source) => source === 0));
  assert.equal(whole.copiedWords, alone.stats.copied_words);
  assert.equal(perSource[0].copiedWords, alone.stats.copied_words);
  assert.deepStrictEqual(perSource[1], { copiedWords: 0, runs: 0, pairs: 0 });
  assert.equal(textWords, alone.stats.paraphrase_words);
  for (const comparison of result.comparisons) assert.deepStrictEqual(seen(comparison), alone);
  result.free();
});

test('compareSources with no sources attributes nothing', () => {
  const result = compareSources([], 'Three words here.');
  assert.deepStrictEqual(result.comparisons, []);
  const attribution = result.attribution();
  assert.deepStrictEqual(attribution.perSource, []);
  assert.deepStrictEqual(attribution.whole, { copiedWords: 0, runs: 0, pairs: 0 });
  assert.equal(attribution.runs.source.length, 0);
  assert.equal(attribution.textWords, 3);
  result.free();
});

test("SourcesComparison.json is the command line's --source model, a source not compared named with why", () => {
  const { sources, text } = stitched();
  const dir = mkdtempSync(join(tmpdir(), 'article-diff-sources-'));
  try {
    const paths = sources.map((source, i) => {
      const path = join(dir, `source-${i}.txt`);
      writeFileSync(path, source);
      return path;
    });
    const textPath = join(dir, 'text.txt');
    writeFileSync(textPath, text);
    const missing = join(dir, 'missing.txt');
    const args = [...paths.slice(0, 2), missing, paths[2]].flatMap((path) => ['--source', path]);
    let printed;
    try {
      execFileSync(cli(), [...args, textPath, '-f', 'json', '--offsets', 'utf-16', '--time-budget', '0'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.fail('a missing source exits with 2');
    } catch (error) {
      assert.equal(error.status, 2);
      printed = JSON.parse(error.stdout);
    }
    const result = compareSources(sources, text, UNBOUNDED);
    try {
      const names = [...paths.slice(0, 2), missing, paths[2]];
      const entries = names.map((name, i) => ({ name, error: i === 2 ? printed.sources[2].error : null }));
      const model = JSON.parse(result.json(entries));
      assert.deepStrictEqual(model, printed);
      assert.ok(model.runs.length > 0 && model.sources[2].error);
      // Entries that do not match the sources compared are refused, not guessed.
      assert.throws(() => result.json(entries.slice(0, 2)), { name: 'Error', message: /2 sources named as compared for 3 comparisons/ });
      assert.throws(() => result.json('a'), { name: 'TypeError', message: /entries must be an array of \{ name, error \} objects \(got a string\)/ });
      assert.throws(() => result.json([{ error: 'x' }]), { name: 'TypeError' });
    } finally {
      for (const comparison of result.comparisons) comparison.free();
      result.free();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
