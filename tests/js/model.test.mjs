// The JavaScript module and the command line, in Node: the model they return
// matches docs/article-diff-1.schema.json, and its UTF-16 offsets slice
// JavaScript strings exactly.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { initSync, compare as compareWasm } from '../../www/pkg/article_diff.js';
import { Findings } from '../../www/findings.js';
import {
  passagesPhrase,
  phrase,
  rowsOf,
  sentencesPhrase,
  summaryOf,
  summaryText,
  unattributedOf,
  unquotedPhrase,
} from '../../www/model.js';
import WORDING from '../../www/wording.js';
import { root } from '../e2e/harness.mjs';

initSync({ module: readFileSync(join(root, 'www/pkg/article_diff_bg.wasm')) });
const schema = JSON.parse(readFileSync(join(root, 'docs/article-diff-1.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

/** The article-diff/1 model of a comparison (compare() returns a handle). */
function compare(original, paraphrase, options) {
  const result = compareWasm(original, paraphrase, options);
  try {
    return result.toJSON();
  } finally {
    result.free();
  }
}

const read = (path) => readFileSync(join(root, path), 'utf8');

/** The native command line (cargo test builds it). */
function cli() {
  const binary = ['debug', 'release'].map((profile) => join(root, 'target', profile, 'article-diff')).find(existsSync);
  assert.ok(binary, 'build the command line first (cargo build)');
  return binary;
}
const pairs = [
  ['example', read('www/example/original.txt'), read('www/example/paraphrase.txt')],
  ...['quotation', 'moved', 'reworded', 'split_merge', 'unicode', 'crlf', 'unrelated'].map((name) => [
    name,
    read(`tests/fixtures/pairs/${name}/original.txt`),
    read(`tests/fixtures/pairs/${name}/paraphrase.txt`),
  ]),
  ['empty', '', ''],
  ['astral', 'Emoji 😀 and 𝒜 letters \u{1F469}\u{200D}\u{1F4BB} here, then more words follow.', 'Then 😀 and 𝒜 letters \u{1F469}\u{200D}\u{1F4BB} here, then more words follow!'],
];

function assertValid(model, name) {
  const valid = validate(model);
  assert.ok(valid, `${name}: ${JSON.stringify(validate.errors, null, 1)}`);
}

/** Every span, sentence and range slices the JS string as it says. */
function assertSlices(model, original, paraphrase) {
  for (const [side, text] of [['original', original], ['paraphrase', paraphrase]]) {
    assert.equal(model[side].length, text.length);
    let at = 0;
    for (const span of model[side].spans) {
      assert.equal(span.start, at);
      assert.equal(text.slice(span.start, span.end), span.text);
      at = span.end;
    }
    assert.equal(at, text.length);
  }
  for (const run of model.runs) {
    assert.ok(original.slice(...run.original).length > 0);
    assert.ok(paraphrase.slice(...run.paraphrase).length > 0);
  }
}

for (const [name, original, paraphrase] of pairs) {
  test(`compare() on ${name} matches the schema and slices exactly`, () => {
    const model = compare(original, paraphrase);
    assert.equal(model.offsets, 'utf-16');
    assertValid(model, name);
    assertSlices(model, original, paraphrase);
  });
}

test('a spent time budget is reported and the model stays valid', () => {
  const [, original, paraphrase] = pairs[0];
  const model = compare(original, paraphrase, { time_budget_ms: 0 });
  assert.equal(model.complete, false);
  assert.ok(model.cut_short.length > 0);
  assertValid(model, 'spent budget');
  assertSlices(model, original, paraphrase);
});

test('the compact arrays say what the JSON model says', () => {
  for (const [name, original, paraphrase] of pairs) {
    const result = compareWasm(original, paraphrase);
    const model = result.toJSON();
    const findings = new Findings(
      { compact: result.compact(), stats: result.stats, complete: result.complete, cutShort: result.cutShort, languages: result.languages },
      { original, paraphrase },
    );
    result.free();
    assert.deepEqual(findings.stats, model.stats, name);
    for (const side of ['original', 'paraphrase']) {
      const spans = findings.spansIn(side, [0, model[side].length + 1]);
      const expected = model[side].spans.map(({ text, counterpart, ...rest }) =>
        counterpart ? { ...rest, target: counterpart[0] } : rest,
      );
      assert.deepEqual(spans, expected, `${name}: ${side} spans`);
      assert.equal(findings.sentenceCount(side), model[side].sentences.length);
      model[side].sentences.forEach((sentence, i) => assert.deepEqual(findings.sentence(side, i), { pair: undefined, repeats: undefined, ...sentence }));
    }
    assert.equal(findings.pairCount, model.pairs.length);
    model.pairs.forEach((pair, i) => {
      const { changed, ...mine } = findings.pair(i);
      // The compact arrays hold shares as 32-bit floats; the model rounds them.
      const round = (share) => Math.round(share * 1000) / 1000;
      const shares = { similarity: round(mine.similarity), kept_share: round(mine.kept_share), derived_share: round(mine.derived_share) };
      assert.deepEqual({ ...mine, ...shares }, {
        ...pair,
        ops: pair.ops.map((op) => ({ chars: [], ...op })),
      });
      assert.equal(changed, pair.ops.some((op) => op.op !== 'equal'));
    });
  }
});

test('the layout names every field of the compact arrays, once, as the model has them', () => {
  /** Record `index` of a flat array as { name: value }, by the layout's names alone. */
  const record = (array, names, index) => Object.fromEntries(names.map((name, at) => [name, array[index * names.length + at]]));
  const range = (name, [start, end]) => ({ [`${name}Start`]: start, [`${name}End`]: end });
  for (const [name, original, paraphrase] of pairs) {
    const result = compareWasm(original, paraphrase);
    const model = result.toJSON();
    const compact = result.compact();
    result.free();
    const { layout } = compact;
    const records = [
      [compact.pairs, layout.pair, model.pairs.length],
      [compact.runs, layout.run, model.runs.length],
      [compact.original.sentences, layout.sentence, model.original.sentences.length],
      [compact.paraphrase.sentences, layout.sentence, model.paraphrase.sentences.length],
      [compact.ops, layout.op, model.pairs.flatMap((pair) => pair.ops).length],
      [compact.chars, layout.char, model.pairs.flatMap((pair) => pair.ops.flatMap((op) => op.chars ?? [])).length],
    ];
    for (const [array, names, count] of records) {
      assert.equal(new Set(names).size, names.length, `${name}: ${names}`);
      assert.equal(array.length, count * names.length, `${name}: ${names}`);
    }
    assert.equal(layout.spanInfo.length, 8, 'a name for each bit');
    model.runs.forEach((run, i) =>
      assert.deepEqual(record(compact.runs, layout.run, i), {
        ...range('original', run.original),
        ...range('paraphrase', run.paraphrase),
        words: run.words,
        moved: Number(run.moved),
        quoted: Number(run.quoted),
      }),
    );
    model.paraphrase.sentences.forEach((sentence, i) =>
      assert.deepEqual(record(compact.paraphrase.sentences, layout.sentence, i), {
        start: sentence.start,
        end: sentence.end,
        paragraph: sentence.paragraph,
        pair: sentence.pair ?? layout.none,
        repeats: sentence.repeats ?? layout.none,
      }),
    );
    model.pairs.forEach((pair, i) => {
      const fields = record(compact.pairs, layout.pair, i);
      assert.deepEqual(
        { ...fields, op: undefined, opEnd: undefined },
        {
          originalSentence: pair.original_sentences[0],
          originalSentenceEnd: pair.original_sentences[1],
          paraphraseSentence: pair.paraphrase_sentences[0],
          paraphraseSentenceEnd: pair.paraphrase_sentences[1],
          ...range('original', pair.original),
          ...range('paraphrase', pair.paraphrase),
          moved: Number(pair.moved),
          op: undefined,
          opEnd: undefined,
          verdict: layout.verdicts.indexOf(pair.verdict),
          evidence: layout.evidence.indexOf(pair.evidence),
        },
        `${name}: pair ${i}`,
      );
      assert.equal(fields.opEnd - fields.op, pair.ops.length);
    });
  }
});

test('a result holds its counts without building the model', () => {
  const result = compareWasm('The council voted to build a bridge.', 'The council voted to build a tunnel.');
  assert.equal(result.stats.copied_words, 6);
  assert.equal(result.complete, true);
  assert.deepEqual(result.cutShort, []);
  assert.equal(JSON.parse(JSON.stringify(result)).format, 'article-diff/1');
  result.free();
});

test('a result cut short names its stages as an array of strings', () => {
  const text = 'The council voted to build a bridge over the river. '.repeat(50);
  const result = compareWasm(text, text, { time_budget_ms: 0 });
  assert.equal(result.complete, false);
  assert.ok(Array.isArray(result.cutShort) && result.cutShort.length > 0);
  assert.deepEqual(result.cutShort, result.toJSON().cut_short);
  result.free();
});

test('bad options are errors with a message', () => {
  assert.throws(() => compare('a', 'b', { min_run: 'four' }), /invalid options: invalid type: string "four"/);
  assert.throws(() => compare('a', 'b', { colour: true }), /unknown field `colour`/);
  assert.throws(() => compare('a', 'b', { pair_threshold: 7 }), /option pair_threshold must be from 0 to 1/);
});

test("the browser's NFKC gives what the native one gives", () => {
  const cases = [
    pairs.find(([name]) => name === 'unicode'),
    ['compatibility', 'The ﬁnal ＡＢＣ report… ２０２５ ｶﾀｶﾅ ½ cost, it said.', 'The final ABC report... 2025 カタカナ 1⁄2 cost, it said.'],
  ];
  const folder = mkdtempSync(join(tmpdir(), 'article-diff-'));
  for (const [name, original, paraphrase] of cases) {
    const files = [join(folder, `${name}-o.txt`), join(folder, `${name}-p.txt`)];
    writeFileSync(files[0], original);
    writeFileSync(files[1], paraphrase);
    const native = JSON.parse(execFileSync(cli(), ['-f', 'json', '--offsets', 'utf-16', ...files], { encoding: 'utf8' }));
    const fromWasm = compare(original, paraphrase);
    assert.deepEqual(fromWasm.stats, native.stats, name);
    assert.deepEqual(fromWasm.paraphrase.spans, native.paraphrase.spans, name);
  }
  rmSync(folder, { recursive: true });
});

test('the command line prints the same model, in UTF-8 offsets by default', () => {
  const binary = cli();
  const files = ['www/example/original.txt', 'www/example/paraphrase.txt'].map((p) => join(root, p));
  const utf8 = JSON.parse(execFileSync(binary, ['--format', 'json', ...files], { encoding: 'utf8' }));
  assert.equal(utf8.offsets, 'utf-8');
  assertValid(utf8, 'cli utf-8');
  const utf16 = JSON.parse(
    execFileSync(binary, ['--format', 'json', '--offsets', 'utf-16', ...files], { encoding: 'utf8' }),
  );
  const fromWasm = compare(pairs[0][1], pairs[0][2]);
  assert.deepEqual(utf16.stats, fromWasm.stats);
  assert.deepEqual(utf16.original.spans, fromWasm.original.spans);
  assert.deepEqual(utf16.pairs, fromWasm.pairs);
});

test("the command line's model of a text against several sources matches the schema", () => {
  const binary = cli();
  const folder = mkdtempSync(join(tmpdir(), 'article-diff-'));
  const sources = ['drought_a', 'comet_a', 'drought_b'].map((name) => join(root, `tests/fixtures/prose/${name}.txt`));
  const sentences = sources.map((path) => readFileSync(path, 'utf8').split(/(?<=\.)\s+(?=[A-Z])/));
  const text = sentences[0].flatMap((sentence, i) => [sentence, sentences[1][i], sentences[2][i]]).filter(Boolean).join(' ');
  const textPath = join(folder, 'stitched.txt');
  writeFileSync(textPath, `${text}\nA “new” sentence ends it, naïvely 😀.\n`);
  const missing = join(folder, 'missing.txt');
  for (const unit of ['utf-8', 'utf-16']) {
    let model;
    try {
      execFileSync(binary, ['-f', 'json', '--offsets', unit, ...[sources[0], missing, sources[1], sources[2]].flatMap((s) => ['--source', s]), textPath], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      assert.fail('a missing source is exit code 2');
    } catch (error) {
      assert.equal(error.status, 2);
      model = JSON.parse(error.stdout);
    }
    assertValid(model, `sources ${unit}`);
    assert.deepEqual(model.sources.map((s) => s.name), [sources[0], missing, sources[1], sources[2]]);
    assert.ok(model.sources[1].error);
    if (unit === 'utf-16') {
      // Ranges slice JavaScript strings: the text's spans, each run's source.
      const full = readFileSync(textPath, 'utf8');
      assert.equal(model.paraphrase.spans.map((s) => s.text).join(''), full);
      for (const run of model.runs) {
        const from = model.sources[run.source].text.slice(...run.original);
        const words = (t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        assert.deepEqual(words(from), words(full.slice(...run.paraphrase)));
      }
    }
    for (const breakIt of [
      (m) => delete m.runs[0].source,
      (m) => (m.pairs[0].source = 'A'),
      (m) => (m.paraphrase.spans[0].kind = 'kept'),
      (m) => (m.sources[0].stats.copied_share = 2),
      (m) => (m.original = m.paraphrase),
    ]) {
      const broken = structuredClone(model);
      breakIt(broken);
      assert.equal(validate(broken), false, breakIt.toString());
    }
  }
  rmSync(folder, { recursive: true });
});

test('the schema refuses a model that breaks it', () => {
  const model = compare('The council voted to build a bridge.', 'The council voted to build a tunnel.');
  assert.ok(validate(model));
  for (const breakIt of [
    (m) => delete m.stats.copied_words,
    (m) => (m.paraphrase.spans[0].kind = 'borrowed'),
    (m) => (m.pairs[0].similarity = 1.5),
    (m) => (m.runs[0].original = [1]),
  ]) {
    const broken = structuredClone(model);
    breakIt(broken);
    assert.equal(validate(broken), false);
  }
});

/** Findings with only counts, as summaryOf reads them. */
function countsOnly(stats, complete = true, languages = { original: 'en', paraphrase: 'en', used: 'en' }) {
  return { stats, complete, cutShort: complete ? [] : ['word diff'], languages };
}
const exampleStats = {
  original_words: 114, paraphrase_words: 106, copied_words: 48, reworded_words: 41, new_words: 17,
  kept_words: 48, original_reworded_words: 37, dropped_words: 29, runs: 6, moved_runs: 3, moved_words: 20,
  quoted_copied_words: 15, unquoted_copied_words: 33, original_sentences: 7, paraphrase_sentences: 7,
  pairs: 5, moved_pairs: 2, copied_pairs: 1, edited_pairs: 3, reworded_pairs: 1, new_sentences: 2, repeated_sentences: 0,
  dropped_sentences: 2,
};

test('the summary counts sentence pairs by verdict', () => {
  const m = summaryOf(countsOnly(exampleStats));
  assert.equal(sentencesPhrase(m), '5 sentence pairs: 1 copied, 3 edited, 1 reworded (2 moved); 2 new sentences, 2 dropped');
  assert.equal(passagesPhrase(m), '6 copied passages (3 moved)');
  assert.equal(unquotedPhrase(m), '33 copied words outside quotation marks');
  assert.equal(
    summaryText(countsOnly(exampleStats)),
    [
      'Paraphrase: 106 words: copied 45.3%, reworded 38.7%, new 16%.',
      'Original: 114 words: kept 42.1%, reworded 32.5%, dropped 25.4%.',
      'Copied passages: 6 (3 moved); 33 copied words outside quotation marks.',
      'Sentences: 5 sentence pairs: 1 copied, 3 edited, 1 reworded (2 moved); 2 new sentences, 2 dropped.',
      'Language: English.',
    ].join('\n'),
  );
});

test('the summary names the language, says when it set by the options or not found, and notes two languages', () => {
  const said = (languages) => summaryText(countsOnly(exampleStats, true, languages)).split('\n').at(-1);
  assert.equal(said({ original: 'de', paraphrase: 'de', used: 'de' }), 'Language: German.');
  assert.equal(said({ original: null, paraphrase: 'de', used: null }), "Language: not determined (too little text to tell), so compared without a language's common words and stems.");
  assert.equal(said({ original: 'en', paraphrase: 'en', used: 'fr' }), 'Language: French, as the options set it (detected: original English, rewrite English).');
  assert.equal(
    said({ original: 'de', paraphrase: 'es', used: 'de' }),
    'Note: the texts are in different languages (original German, rewrite Spanish): sentences pair only when they are the same, so no rewording is claimed between them; passages copied word for word are still shown.',
  );
});

test('the summary says one in the singular and notes a spent time budget', () => {
  const one = {
    ...exampleStats, pairs: 1, copied_pairs: 0, edited_pairs: 1, reworded_pairs: 0, moved_pairs: 0,
    new_sentences: 1, dropped_sentences: 0, unquoted_copied_words: 1,
  };
  const lines = summaryText(countsOnly(one, false)).split('\n');
  assert.equal(lines[2], 'Copied passages: 6 (3 moved); 1 copied word outside quotation marks.');
  assert.equal(lines[3], 'Sentences: 1 sentence pair: 0 copied, 1 edited, 0 reworded (0 moved); 1 new sentence, 0 dropped.');
  assert.equal(lines[4], 'Language: English.');
  assert.equal(lines[5], 'The time budget ran out (word diff); the comparison is coarser there.');
  assert.equal(passagesPhrase(summaryOf(countsOnly({ ...one, runs: 1, moved_runs: 0 }))), '1 copied passage (0 moved)');
  const repeated = summaryOf(countsOnly({ ...exampleStats, repeated_sentences: 1 }));
  assert.match(sentencesPhrase(repeated), /; 2 new sentences, 1 repeated, 2 dropped$/);
});

test("the page's summary and the command line's say the same, in the same words", () => {
  for (const [name, original, paraphrase] of pairs) {
    const files = [join(root, `tests/fixtures/pairs/${name}/original.txt`), join(root, `tests/fixtures/pairs/${name}/paraphrase.txt`)];
    if (!existsSync(files[0])) continue;
    const report = execFileSync(cli(), ['--color', 'never', ...files], { encoding: 'utf8' }).split('\n');
    const page = summaryText(findingsOf(original, paraphrase)).split('\n');
    for (const label of ['Copied passages: ', 'Sentences: ', 'Language: ']) {
      const said = (lines) => lines.find((line) => line.startsWith(label))?.replace(/\.$/, '');
      assert.equal(said(page), said(report), `${name}: ${label}`);
    }
  }
});

test('every phrase of wording.js names only what the summary has', () => {
  const m = summaryOf(countsOnly(exampleStats, false));
  for (const name of Object.keys(WORDING)) assert.ok(phrase(name, m.values).length > 0, name);
  assert.throws(() => phrase('sentences', { pairs: 1 }), /wording\.js: sentences names copied_pairs/);
  const names = new Set(Object.values(WORDING).flat().flatMap((part) => [...part.matchAll(/\{(\w+)/g)].map((match) => match[1])));
  for (const name of names) assert.ok(name in m.values, name);
});

/** Findings of a comparison, as the page builds them. */
function findingsOf(original, paraphrase) {
  const result = compareWasm(original, paraphrase);
  const findings = new Findings(
    { compact: result.compact(), stats: result.stats, complete: result.complete, cutShort: result.cutShort, languages: result.languages },
    { original, paraphrase },
  );
  result.free();
  return findings;
}

test("the page's rows are the engine's, in the reports' order, and show everything once", () => {
  for (const [name, original, paraphrase] of pairs.filter(([n]) => n !== 'empty')) {
    const findings = findingsOf(original, paraphrase);
    const model = compare(original, paraphrase);
    for (const order of ['paraphrase', 'original']) {
      const rows = rowsOf(findings, order);
      const shown = (type) => rows.filter((row) => row.type === type).map((row) => (type === 'pair' ? row.pair : row[type === 'new' ? 'paraphrase' : 'original'][0]));
      assert.deepEqual([...shown('pair')].sort((a, b) => a - b), model.pairs.map((_, i) => i), `${name}: each pair once`);
      const unpaired = (side) => model[side].sentences.filter((s) => s.pair === undefined).map((s) => s.start);
      assert.deepEqual([...shown('new')].sort((a, b) => a - b), unpaired('paraphrase'), `${name}: new sentences once`);
      assert.deepEqual([...shown('dropped')].sort((a, b) => a - b), unpaired('original'), `${name}: dropped sentences once`);
    }
    // The text report's blocks, in order: the same rows.
    const files = [join(root, `tests/fixtures/pairs/${name}/original.txt`), join(root, `tests/fixtures/pairs/${name}/paraphrase.txt`)];
    if (!existsSync(files[0])) continue;
    const report = execFileSync(cli(), ['--color', 'never', ...files], { encoding: 'utf8' });
    const headers = report.split('\n\n').slice(1).map((block) => block.split('\n')[0]);
    const expected = rowsOf(findings).map((row) =>
      row.type === 'pair' ? `pair ${row.pair + 1}` : row.repeats !== undefined ? 'repeats' : row.type,
    );
    const said = headers.map((line) => line.match(/pair \d+|repeats|^new|^dropped/)[0]);
    assert.deepEqual(said, expected, `${name}: the report's order`);
  }
});

test('rows carry the verdict and both shares of their pair', () => {
  const findings = findingsOf('The mayor opened the new library.', 'The mayor opened the new museum.');
  const [row] = rowsOf(findings);
  assert.equal(row.status, 'edited');
  assert.ok(Math.abs(row.keptShare - 5 / 6) < 1e-6 && Math.abs(row.derivedShare - 5 / 6) < 1e-6);
});

test('unattributed passages are the copied words outside quotation marks, in row order', () => {
  const original = 'The council approved the new bridge on Tuesday after a long debate. Work on the crossing begins in the spring of next year.';
  const paraphrase =
    '“The council approved the new bridge on Tuesday after a long debate,” the paper said. ' +
    'Work on the crossing begins in the spring of next year.';
  const findings = findingsOf(original, paraphrase);
  const rows = rowsOf(findings);
  const passages = unattributedOf(findings, rows);
  assert.equal(passages.length, 1);
  assert.equal(paraphrase.slice(passages[0].start, passages[0].end), 'Work on the crossing begins in the spring of next year');
  assert.equal(passages[0].row, 1);
  assert.equal(findings.stats.unquoted_copied_words, 11);
  // The original order shows the same rows: the walk follows what is shown.
  assert.deepEqual(unattributedOf(findings, rowsOf(findings, 'original')).map((p) => p.row), [1]);
});
