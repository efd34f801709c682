// Languages beyond English (issue 14): the engine on the fixtures of
// tests/fixtures/languages, each language an original, a rewrite of it (a
// quotation, a moved sentence, a reworded one, new ones, copied ones) and an
// unrelated text on the same topic; English for comparison (the page's
// example pair, and two independent reports of the same facts). Prints,
// per language, what the engine finds: figures only, nothing here passes
// or fails. Issue 14's aims, to check against: the copied sentences at
// least 95% copied and the moved one flagged; the unrelated text at most 3%
// copied and 5% reworded; sentences split as written.
//
//   node bench/languages.mjs [path to a wasm-bindgen package, default www/pkg-lang,
//   the languages build the page loads for these texts]

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../tests/e2e/harness.mjs';

const pkg = process.argv[2] ?? join(root, 'www/pkg-lang');
const { initSync, compare } = await import(pathToFileURL(join(pkg, 'article_diff.js')));
initSync({ module: readFileSync(join(pkg, 'article_diff_bg.wasm')) });

const read = (path) => readFileSync(join(root, path), 'utf8');

// The sentences each text has as written (a headline is one): see
// tests/fixtures/languages/README.md.
const WRITTEN = {
  de: [9, 9, 7],
  fr: [9, 9, 7],
  es: [10, 10, 7],
  ru: [9, 9, 7],
  ar: [9, 9, 7],
  zh: [9, 9, 7],
  ja: [9, 9, 7],
  th: [9, 8, 6],
  ko: [9, 8, 6],
};

const languages = [
  ['en', read('www/example/original.txt'), read('www/example/paraphrase.txt'), read('tests/fixtures/prose/drought_a.txt'), read('tests/fixtures/prose/drought_b.txt')],
  ...Object.keys(WRITTEN).map((code) => {
    const [original, rewrite, unrelated] = ['original', 'rewrite', 'unrelated'].map((name) => read(`tests/fixtures/languages/${code}/${name}.txt`));
    return [code, original, rewrite, original, unrelated];
  }),
];

/** The model of a comparison (compare() returns a handle). */
function model(original, paraphrase) {
  const result = compare(original, paraphrase);
  try {
    return result.toJSON();
  } finally {
    result.free();
  }
}

const share = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(0)}%` : '–');

console.log(`\nThe engine on texts beyond English (${new Date().toISOString().slice(0, 10)}; ${pkg}):\n`);
console.log('| language | rewrite: copied / reworded / new | passages (moved) | pairs: copied, edited, reworded | unrelated: copied / reworded | unrelated pairs | sentences found (written) |');
console.log('|---|---|---|---|---|---|---|');
for (const [code, original, rewrite, unrelatedOriginal, unrelated] of languages) {
  const r = model(original, rewrite);
  const u = model(unrelatedOriginal, unrelated);
  const s = r.stats;
  const verdicts = { copied: 0, edited: 0, reworded: 0 };
  for (const pair of r.pairs) verdicts[pair.verdict] += 1;
  const found = [r.original.sentences.length, r.paraphrase.sentences.length, u.paraphrase.sentences.length];
  const written = WRITTEN[code];
  const sentences = written ? found.map((n, i) => (n === written[i] ? `${n}` : `**${n}** (${written[i]})`)).join(' / ') : found.join(' / ');
  console.log(
    `| ${code} | ${share(s.copied_words, s.paraphrase_words)} / ${share(s.reworded_words, s.paraphrase_words)} / ${share(s.new_words, s.paraphrase_words)} ` +
      `| ${s.runs} (${s.moved_runs}) | ${verdicts.copied}, ${verdicts.edited}, ${verdicts.reworded} ` +
      `| ${share(u.stats.copied_words, u.stats.paraphrase_words)} / ${share(u.stats.reworded_words, u.stats.paraphrase_words)} | ${u.pairs.length} | ${sentences} |`,
  );
}
console.log('\nEnglish: the page\'s example pair, and for "unrelated" two independent reports of the same facts (tests/fixtures/prose/drought_a, _b).');
console.log('Sentences found: original / rewrite / unrelated text; in bold where they differ from the sentences as written.');
