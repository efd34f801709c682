// The page: reads the two texts, asks the engine to compare them, and shows
// the result. User text reaches the document only through text nodes.
import init, { compare } from './pkg/article_diff.js';

const originalInput = document.getElementById('original');
const paraphraseInput = document.getElementById('paraphrase');
const compareButton = document.getElementById('compare');
const status = document.getElementById('status');
const originalResult = document.getElementById('original-result');
const paraphraseResult = document.getElementById('paraphrase-result');

const TYPING_PAUSE_MS = 250;

async function loadExample() {
  const [original, paraphrase] = await Promise.all(
    ['original.txt', 'paraphrase.txt'].map(async (name) => {
      const response = await fetch(new URL(`./example/${name}`, import.meta.url));
      if (!response.ok) throw new Error(`the example ${name} could not be loaded`);
      return response.text();
    }),
  );
  originalInput.value = original;
  paraphraseInput.value = paraphrase;
}

/** Fills `target` with the spans of one side; `changeTag` marks changed ones. */
function renderSide(target, spans, changeTag) {
  const fragment = document.createDocumentFragment();
  for (const span of spans) {
    if (span.op === 'equal') {
      fragment.append(span.text);
    } else {
      const element = document.createElement(changeTag);
      element.textContent = span.text;
      fragment.append(element);
    }
  }
  target.replaceChildren(fragment);
}

function run() {
  try {
    const result = compare(originalInput.value, paraphraseInput.value);
    renderSide(originalResult, result.original.spans, 'del');
    renderSide(paraphraseResult, result.paraphrase.spans, 'ins');
    status.textContent = '';
  } catch (error) {
    status.textContent = `The comparison failed: ${error.message}`;
  }
}

let pending = 0;
function runSoon() {
  clearTimeout(pending);
  pending = setTimeout(run, TYPING_PAUSE_MS);
}

async function start() {
  try {
    await init();
    if (!originalInput.value && !paraphraseInput.value) await loadExample();
  } catch (error) {
    status.textContent = `The comparison engine could not start: ${error.message}`;
    return;
  }
  originalInput.addEventListener('input', runSoon);
  paraphraseInput.addEventListener('input', runSoon);
  compareButton.addEventListener('click', () => {
    clearTimeout(pending);
    run();
  });
  run();
  document.documentElement.dataset.ready = 'true';
}

start();
