// Many rewrites of one original for the command line (bench/README.md,
// "Many rewrites (command line)"): an original of about 2,000 words of the
// fixture prose (tests/fixtures/prose/) and COUNT rewrites of it, each with
// two paragraphs swapped, about one word in 30 replaced, one paragraph
// dropped and one from elsewhere added. Seeded: the same files every time.
//
//   node bench/many.mjs DIR [COUNT]     writes DIR/original.txt, DIR/rewrites/
//   /usr/bin/time -f '%e s %U user %P CPU' \
//     target/release/article-diff DIR/original.txt DIR/rewrites/*.txt >/dev/null
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [dir, count = '1000'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node bench/many.mjs DIR [COUNT]');
  process.exit(2);
}
const prose = fileURLToPath(new URL('../tests/fixtures/prose/', import.meta.url));
const paragraphs = readdirSync(prose)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .flatMap((name) => readFileSync(join(prose, name), 'utf8').split('\n\n'))
  .filter((paragraph) => paragraph.trim());

// mulberry32: a small seeded generator, so the files are reproducible.
let seed = 12;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const below = (n) => Math.floor(random() * n);

const original = [];
for (let words = 0, i = 0; words < 2000 && i < paragraphs.length; i++) {
  original.push(paragraphs[i]);
  words += paragraphs[i].split(/\s+/).length;
}
mkdirSync(join(dir, 'rewrites'), { recursive: true });
writeFileSync(join(dir, 'original.txt'), original.join('\n\n') + '\n');
const swaps = ['said', 'reported', 'about', 'nearly', 'new', 'large', 'the', 'officials'];
for (let i = 0; i < Number(count); i++) {
  const rewrite = original.slice();
  const [a, b] = [below(rewrite.length), below(rewrite.length)];
  [rewrite[a], rewrite[b]] = [rewrite[b], rewrite[a]];
  const edited = rewrite.map((paragraph) => {
    const words = paragraph.split(' ');
    for (let n = Math.max(1, Math.floor(words.length / 30)); n > 0; n--) {
      words[below(words.length)] = swaps[below(swaps.length)];
    }
    return words.join(' ');
  });
  edited.splice(below(edited.length), 1);
  edited.splice(below(edited.length), 0, paragraphs[below(paragraphs.length)]);
  const name = `r${String(i).padStart(4, '0')}.txt`;
  writeFileSync(join(dir, 'rewrites', name), edited.join('\n\n') + '\n');
}
