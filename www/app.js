// The page: wires the inputs, the options, the engine (in a worker) and the
// views together. User text reaches the document only as text nodes.

import { Cancelled, Engine } from './engine.js';
import { reportHtml } from './export.js';
import { Findings } from './findings.js';
import { acceptDrops, download, readFile } from './io.js';
import { changesOf, rowsOf, summaryText, unattributedOf } from './model.js';
import { Navigator } from './navigate.js';
import { MAX_LINK_CHARS, decodeLink, encodeLink, isLink } from './permalink.js';
import { DensityStrip, RowsView, renderSummary } from './render.js';
import { PAGE_OPTIONS, loadOptions, loadSettings, saveSettings } from './state.js';

const $ = (id) => document.getElementById(id);
const inputs = { original: $('original'), paraphrase: $('paraphrase') };
const status = $('status');
const progress = $('progress');
const progressText = $('progress-text');

const TYPING_PAUSE_MS = 300;
// Texts longer than this are shown folded: a browser lays out all of a text
// box's text, which for a book takes seconds and the processor the engine
// needs. Editing a book in a text box is not done anyway.
const FOLD_CHARS = 200_000;
const PROGRESS_AFTER_MS = 400;

// The options join the settings once the engine has given its rules (start).
const settings = loadSettings();
const engine = new Engine();
let current = null; // the Findings on screen
let compared = 0; // comparisons shown so far

const rowsView = new RowsView($('rows'), (index) => changeNavigator.reached(index));
const strip = new DensityStrip($('strip'), (index) => {
  rowsView.focusRow(index);
  changeNavigator.reached(index);
});
const changeNavigator = new Navigator({
  go: (index) => rowsView.focusRow(index),
  counter: $('change-counter'),
  previous: $('previous'),
  next: $('next'),
});
// Walks the copied passages outside quotation marks while they are shown.
const unattributedNavigator = new Navigator({
  go: (passage) => rowsView.focusPassage(passage),
  counter: $('unattributed-counter'),
  previous: $('previous-unattributed'),
  next: $('next-unattributed'),
  keys: { u: 1, U: -1 },
  words: {
    none: 'No unattributed copying',
    count: (total) => `${total} unattributed passage${total === 1 ? '' : 's'}`,
    at: (position, total) => `Unattributed passage ${position} of ${total}`,
  },
  active: () => settings.showUnattributed,
});

/** Shows `message` in the status line; a `problem` is marked out from routine news. */
function say(message, problem = false) {
  status.textContent = message;
  status.classList.toggle('problem', problem);
}

// ---- settings --------------------------------------------------------------

function applyTheme() {
  document.documentElement.dataset.theme = settings.theme;
  $('theme').value = settings.theme;
  strip.draw();
}

/** Unattributed copying stands out, and can be walked through, or not. */
function applyUnattributed() {
  $('unattributed').checked = settings.showUnattributed;
  $('result').classList.toggle('hide-unquoted', !settings.showUnattributed);
  $('unattributed-walk').hidden = !settings.showUnattributed;
}

/** The summary's count of unattributed words: shows them and goes to the first. */
function goToUnattributed() {
  if (!settings.showUnattributed) {
    settings.showUnattributed = true;
    saveSettings(settings);
    applyUnattributed();
  }
  unattributedNavigator.first();
}

/** Puts the options into the form: a switch's box, a number's field. */
function showOptions() {
  for (const key of PAGE_OPTIONS) {
    const input = $(`option-${key}`);
    if (input.type === 'checkbox') input.checked = settings.options[key];
    else input.value = settings.options[key];
  }
}

/** Gives the number fields the engine's ranges (optionRules()). */
function offerOptions(rules) {
  for (const key of PAGE_OPTIONS) {
    const input = $(`option-${key}`);
    if (input.type !== 'number') continue;
    [input.min, input.max] = rules.ranges[key].map(String);
  }
}

function showSettings() {
  if (settings.options) showOptions();
  for (const radio of document.querySelectorAll('input[name="view"]')) radio.checked = radio.value === settings.view;
  $('order').value = settings.order;
  applyUnattributed();
  applyTheme();
}

function readOptions() {
  const options = { ...settings.options };
  for (const key of PAGE_OPTIONS) {
    const input = $(`option-${key}`);
    if (input.type === 'checkbox') options[key] = input.checked;
    else if (input.checkValidity() && input.value !== '') options[key] = Number(input.value);
  }
  return options;
}

// ---- comparing -------------------------------------------------------------

async function show() {
  if (!current) return;
  const rows = rowsOf(current, settings.order);
  renderSummary($('summary'), current, { onUnattributed: goToUnattributed });
  strip.show(rows);
  changeNavigator.setItems(changesOf(rows));
  unattributedNavigator.setItems(unattributedOf(current, rows));
  rowsView.show(current, rows, settings.view);
}

/**
 * Compares the two texts; `notice` (a sentence) is kept before the outcome,
 * marked as a problem if `noticeIsProblem`.
 */
async function run(notice = '', noticeIsProblem = false) {
  clearTimeout(typingTimer);
  const texts = { original: inputs.original.value, paraphrase: inputs.paraphrase.value };
  const started = performance.now();
  const ticker = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    if (seconds * 1000 < PROGRESS_AFTER_MS) return;
    progress.hidden = false;
    progressText.textContent = `Comparing… ${seconds.toFixed(1)} s`;
  }, 100);
  document.documentElement.dataset.busy = 'true';
  // Marks for the performance panel (and bench/page.mjs).
  performance.mark('article-diff:compare');
  try {
    const answer = await engine.compare(texts.original, texts.paraphrase, settings.options);
    performance.mark('article-diff:answer');
    current = new Findings(answer, texts);
    markStale(false);
    await show();
    performance.mark('article-diff:shown');
    // Lets tests (and scripts) wait for a fresh result without guessing at time.
    compared += 1;
    document.documentElement.dataset.compared = String(compared);
    const words = current.stats.original_words + current.stats.paraphrase_words;
    const lead = notice ? `${notice} ` : '';
    const elapsed = performance.now() - started;
    say(`${lead}Compared ${words.toLocaleString('en')} words in ${Math.round(elapsed)} ms.`, noticeIsProblem);
    document.documentElement.dataset.ready = 'true';
  } catch (error) {
    if (current) markStale(true);
    const earlier = current ? ' The result below is for the earlier texts.' : '';
    if (error instanceof Cancelled) {
      say(`Comparison cancelled. Your texts are untouched; press Compare to try again.${earlier}`);
    } else if (error.kind === 'refused') {
      say(`${error.message}. Your texts are kept: shorten one, or compare it in parts.${earlier}`, true);
    } else if (error.kind === 'crashed') {
      say(`${error.message} The engine was restarted and your texts are kept.${earlier}`, true);
    } else {
      say(`The comparison failed: ${error.message.replace(/\.$/, '')}. Your texts are untouched.${earlier}`, true);
    }
  } finally {
    if (!engine.busy) {
      clearInterval(ticker);
      progress.hidden = true;
      delete document.documentElement.dataset.busy;
    } else {
      clearInterval(ticker); // a newer comparison owns the progress display
    }
  }
}

/** Dims the result while it belongs to texts other than those in the boxes. */
function markStale(stale) {
  for (const id of ['summary', 'result']) {
    if (stale) $(id).dataset.stale = 'true';
    else delete $(id).dataset.stale;
  }
}

let typingTimer = 0;
function runSoon() {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(run, TYPING_PAUSE_MS);
}

// ---- inputs ----------------------------------------------------------------

/** Folds a side's text box when its text is very long (see FOLD_CHARS). */
function fold(side) {
  const text = inputs[side].value;
  const field = inputs[side].closest('.field');
  const note = $(`${side}-folded`);
  const folded = text.length > FOLD_CHARS;
  const wasFocused = document.activeElement === inputs[side];
  field.classList.toggle('folded', folded);
  note.hidden = !folded;
  if (folded) {
    const megabytes = (text.length / 1_000_000).toFixed(1);
    note.firstElementChild.textContent = `${megabytes} million characters, folded to keep the page quick.`;
    if (wasFocused) $(`${side}-unfold`).focus();
  }
}

function foldBoth() {
  fold('original');
  fold('paraphrase');
}

async function loadExample() {
  const [original, paraphrase] = await Promise.all(
    ['original.txt', 'paraphrase.txt'].map(async (name) => {
      const response = await fetch(new URL(`./example/${name}`, import.meta.url));
      if (!response.ok) throw new Error(`the example ${name} could not be loaded`);
      return response.text();
    }),
  );
  inputs.original.value = original;
  inputs.paraphrase.value = paraphrase;
  foldBoth();
}

async function takeFile(side, file) {
  try {
    const { text, notice } = await readFile(file);
    inputs[side].value = text;
    fold(side);
    run(notice ?? `Opened ${file.name}.`);
  } catch (error) {
    say(`${error.message} The ${side} text was left as it was.`, true);
  }
}

for (const side of ['original', 'paraphrase']) {
  // A paste is a whole edit: compare at once; typing waits for a pause.
  inputs[side].addEventListener('input', (event) => {
    fold(side);
    if (event.inputType === 'insertFromPaste') run();
    else runSoon();
  });
  $(`${side}-unfold`).addEventListener('click', () => {
    inputs[side].closest('.field').classList.remove('folded');
    $(`${side}-folded`).hidden = true;
    inputs[side].focus();
  });
  acceptDrops(inputs[side], (file) => takeFile(side, file));
  $(`${side}-file`).addEventListener('change', (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (file) takeFile(side, file);
  });
  $(`${side}-clear`).addEventListener('click', () => {
    inputs[side].value = '';
    fold(side);
    inputs[side].focus();
    run();
  });
}

$('compare').addEventListener('click', () => run());
$('cancel').addEventListener('click', () => engine.cancel());
$('swap').addEventListener('click', () => {
  [inputs.original.value, inputs.paraphrase.value] = [inputs.paraphrase.value, inputs.original.value];
  foldBoth();
  run();
});
$('example').addEventListener('click', async () => {
  await loadExample();
  run();
});

// ---- settings panel --------------------------------------------------------

$('options-panel').addEventListener('change', (event) => {
  if (!settings.options) return; // not shown yet: the engine has not said them
  if (event.target.id === 'option-min_run' && !event.target.checkValidity()) {
    const { min, max } = event.target; // the engine's range (offerOptions)
    say(`The minimum copied run must be a whole number from ${min} to ${max}.`, true);
    return;
  }
  settings.options = readOptions();
  saveSettings(settings);
  run();
});
$('theme').addEventListener('change', (event) => {
  settings.theme = event.target.value;
  saveSettings(settings);
  applyTheme();
});
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => strip.draw());
for (const radio of document.querySelectorAll('input[name="view"]')) {
  radio.addEventListener('change', () => {
    settings.view = radio.value;
    saveSettings(settings);
    show();
  });
}
$('unattributed').addEventListener('change', (event) => {
  settings.showUnattributed = event.target.checked;
  saveSettings(settings);
  applyUnattributed();
});
$('order').addEventListener('change', (event) => {
  settings.order = event.target.value;
  saveSettings(settings);
  show();
});

// ---- sharing and export ----------------------------------------------------

$('share').addEventListener('click', async () => {
  const fragment = await encodeLink({
    original: inputs.original.value,
    paraphrase: inputs.paraphrase.value,
    options: settings.options,
  });
  if (fragment.length > MAX_LINK_CHARS) {
    say(
      `These texts are too long for a link (${Math.ceil(fragment.length / 1024)} KB compressed; ` +
        `links stay under ${MAX_LINK_CHARS / 1000} KB). Download the report instead.`,
      true,
    );
    return;
  }
  history.replaceState(null, '', `#${fragment}`);
  try {
    await navigator.clipboard.writeText(location.href);
    say('Link copied. It holds both texts, compressed; opening it restores this comparison.');
  } catch {
    say('The link is in the address bar (the clipboard was not available).');
  }
});

const exported = (action) => () => {
  if (!current) {
    say('There is no comparison to export yet.');
    return;
  }
  action(current);
  $('export-menu').open = false;
};
$('export-html').addEventListener(
  'click',
  exported((findings) => {
    download('article-diff-report.html', new Blob([reportHtml(findings, settings)], { type: 'text/html' }));
    say('Report downloaded.');
  }),
);
$('export-json').addEventListener(
  'click',
  exported(async () => {
    try {
      const json = await engine.json();
      download('article-diff.json', new Blob([json], { type: 'application/json' }));
      say('Data downloaded (the article-diff/1 format).');
    } catch (error) {
      say(`The data could not be exported: ${error.message}. Press Compare and try again.`, true);
    }
  }),
);
$('copy-summary').addEventListener(
  'click',
  exported(async (findings) => {
    try {
      await navigator.clipboard.writeText(summaryText(findings));
      say('Summary copied.');
    } catch {
      say('The clipboard was not available.');
    }
  }),
);
$('print').addEventListener('click', () => print());
addEventListener('beforeprint', () => rowsView.fillAll());

// ---- start -----------------------------------------------------------------

/** Lets the page work offline once loaded (see sw.js); online, nothing changes. */
function keepOffline() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register(new URL('../sw.js', import.meta.url))
    .catch(() => {}); // without it the page still works, only not offline
}

async function start() {
  keepOffline();
  showSettings();
  let rules;
  try {
    rules = await engine.optionRules();
  } catch (error) {
    say(`${error.message}`, true);
    return;
  }
  offerOptions(rules);
  settings.options = loadOptions(rules);
  showOptions();
  let loaded = false;
  if (isLink(location.hash)) {
    try {
      const link = await decodeLink(location.hash, rules);
      inputs.original.value = link.original;
      inputs.paraphrase.value = link.paraphrase;
      foldBoth();
      settings.options = link.options;
      showSettings();
      loaded = true;
    } catch (error) {
      say(`The link could not be read: ${error.message}. The example is shown instead.`, true);
      history.replaceState(null, '', location.pathname + location.search);
    }
  }
  try {
    if (!loaded) await loadExample();
    await engine.ready();
  } catch (error) {
    say(`${error.message}`, true);
    return;
  }
  await run(status.textContent, status.classList.contains('problem'));
}

start();
