// The page: wires the inputs, the options, the engine (in a worker) and the
// views together. User text reaches the document only as text nodes.

import { labelledJson, manyInputs, pairInputs } from './about.js';
import { ManyResults, compareAll } from './batch.js';
import { ChangeList, changeEntries } from './changes.js';
import { Cancelled, Engine } from './engine.js';
import { manyReportHtml, reportHtml } from './export.js';
import { Findings } from './findings.js';
import { acceptDrops, download, readFile } from './io.js';
import { FILTERS, shownRows } from './folds.js';
import { TextKeeper } from './keep.js';
import { changesOf, languageName, movedRowsOf, rowsOf, summaryText, unattributedOf } from './model.js';
import { Navigator } from './navigate.js';
import { overviewCsv } from './overview.js';
import { SourcePeek } from './peek.js';
import { MAX_LINK_CHARS, decodeLink, encodeLink, encodeManyLink, isLink } from './permalink.js';
import { RowsView, renderSummary } from './render.js';
import { PAGE_OPTIONS, loadOptions, loadSettings, saveSettings } from './state.js';
import { OverviewStrip } from './strip.js';
import { TextFields, foldBox, unfoldBox } from './texts.js';

const $ = (id) => document.getElementById(id);
const inputs = { original: $('original'), paraphrase: $('paraphrase') };
const status = $('status');
const progress = $('progress');
const progressText = $('progress-text');
const progressBar = progress.querySelector('progress');

const TYPING_PAUSE_MS = 300;
const PROGRESS_AFTER_MS = 400;

// The options join the settings once the engine has given its rules (start).
const settings = loadSettings();
const engine = new Engine();
let current = null; // the Findings on screen
let compared = 0; // comparisons shown so far
const fields = new TextFields({
  fixed: Object.fromEntries(
    ['original', 'paraphrase'].map((side) => [
      side,
      { box: inputs[side], label: $(`${side}-label`), rename: $(`${side}-rename`), remove: $(`${side}-remove`), folded: $(`${side}-folded`) },
    ]),
  ),
  onEdit: (event) => {
    keepTexts();
    if (event.inputType === 'insertFromPaste') run();
    else runSoon();
  },
  onFiles: (files, target) => takeFiles(files, target),
  onChange: () => {
    manyResults.apply(fields);
    run();
  },
  onRename: () => {
    keepTexts();
    if (manyResults.rename(fields.collect())) say('Renamed; the comparisons are as they were.');
    else run();
  },
});
// The results of many texts; a comparison opened among them is `current`.
const manyResults = new ManyResults((findings) => {
  current = findings;
  show();
});

const rowsView = new RowsView($('rows'), {
  onLinkActivate: (index) => changeNavigator.reached(index),
  onFocusRow: (index) => changeList.markRow(index),
  onEscape: () => peek.dismiss(),
});
const changeList = new ChangeList({
  panel: $('changes-panel'),
  toggle: $('changes-toggle'),
  kinds: $('change-kinds'),
  list: $('change-items'),
  count: $('change-count'),
  go: (entry) => {
    if (entry.kind === 'unattributed') rowsView.focusPassage(entry);
    else rowsView.focusRow(entry.row);
    changeNavigator.reached(entry.row);
  },
});
// On a narrow screen the change list starts folded away, above the rows.
changeList.setOpen(!matchMedia('(max-width: 48rem)').matches);
const peek = new SourcePeek(rowsView);
const strip = new OverviewStrip(
  {
    host: $('overview-strip'),
    canvas: $('strip'),
    marker: document.querySelector('.strip-marker'),
    cursor: document.querySelector('.strip-cursor'),
    legend: $('strip-legend'),
  },
  {
    visibleRange: () => rowsView.visibleRange(),
    onPick: (index) => {
      rowsView.focusRow(index);
      changeNavigator.reached(index);
    },
  },
);
const changeNavigator = new Navigator({
  go: (index) => rowsView.focusRow(index),
  counter: $('change-counter'),
  previous: $('previous'),
  next: $('next'),
  // Not while the rows are hidden behind the overview of many texts.
  active: () => !$('result').hidden,
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
  active: () => settings.showUnattributed && !$('result').hidden,
});

// The texts kept in this browser (keep.js): saved after each change once the
// page has started, so that the texts a link or the example brought in are
// not saved over the reader's own until the reader changes something.
let keeping = false;
let keptCount = 0;
const keeper = new TextKeeper({
  onRefused: (reason) => {
    $('keep-note').textContent = `Your texts are not kept: ${reason}. They last until this page is closed.`;
    say(`Your texts will not be kept after this page is closed: ${reason}. Everything else works as before.`);
  },
  // Lets tests wait for a save without guessing at time.
  onSaved: () => (document.documentElement.dataset.kept = String(++keptCount)),
});

/**
 * Saves the texts a moment from now (keep.js), once the page has started.
 * A link in the address bar no longer holds what the boxes hold: it goes,
 * so that a reload brings back these texts rather than the link's.
 */
function keepTexts() {
  if (!keeping) return;
  keeper.saveSoon(() => fields.collect());
  if (isLink(location.hash)) history.replaceState(null, '', location.pathname + location.search);
}

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
  setFilter('unattributed', { announce: true });
  unattributedNavigator.first();
}

/** Puts the options into the form: a switch's box, a number's field. */
function showOptions() {
  for (const key of PAGE_OPTIONS) {
    const input = $(`option-${key}`);
    if (input.type === 'checkbox') input.checked = settings.options[key];
    else if (input.tagName === 'SELECT') input.value = settings.options[key];
    else {
      input.value = settings.options[key];
      markField(input, true);
    }
  }
}

/**
 * Marks a number field whose value is outside the engine's range (or not a
 * whole number): `aria-invalid` and a message beside it that names the
 * range and the value still in use. Both go once the value is fixed.
 * Returns whether the value is valid.
 */
function markField(input, valid = input.value !== '' && input.checkValidity()) {
  const message = $(`${input.id}-message`);
  if (valid) {
    input.removeAttribute('aria-invalid');
    message.textContent = '';
    message.hidden = true;
    return true;
  }
  const inUse = settings.options[input.id.slice('option-'.length)];
  input.setAttribute('aria-invalid', 'true');
  message.textContent = `Use a whole number from ${input.min} to ${input.max}; ${inUse} stays in use until then.`;
  message.hidden = false;
  return false;
}

/** Gives the number fields the engine's ranges and the lists their choices (optionRules()). */
function offerOptions(rules) {
  for (const key of PAGE_OPTIONS) {
    const input = $(`option-${key}`);
    if (input.tagName === 'SELECT') {
      const choices = rules.choices[key].map((code) => [code, code === 'auto' ? 'Detect from the texts' : languageName(code)]);
      // "Detect" first, then the languages by name.
      choices.sort(([a, nameA], [b, nameB]) => (b === 'auto') - (a === 'auto') || nameA.localeCompare(nameB));
      input.replaceChildren(...choices.map(([code, name]) => new Option(name, code)));
      continue;
    }
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
    else if (input.tagName === 'SELECT') options[key] = input.value;
    else if (input.checkValidity() && input.value !== '') options[key] = Number(input.value);
  }
  return options;
}

// ---- comparing -------------------------------------------------------------

// Which rows are shown (folds.js): every row with the quiet stretches
// folded, or only the changes, the unattributed copying or the moved
// passages; and whether dropped sentences are hidden. For this visit only.
const filter = { show: 'all', hideDropped: false };
// The rows on screen and what the filters need to know of them.
let shownState = null; // { rows, marks }

async function show() {
  if (!current) return;
  const rows = rowsOf(current, settings.order);
  const unattributed = unattributedOf(current, rows);
  const moved = movedRowsOf(current, rows);
  shownState = { rows, marks: { unattributed: new Set(unattributed.map((passage) => passage.row)), moved } };
  renderSummary($('summary'), current, {
    onUnattributed: goToUnattributed,
    onFilter: (show) => {
      setFilter(show, { announce: true });
      changeNavigator.first();
    },
  });
  unattributedNavigator.setItems(unattributed);
  applyFilter();
  // The summary and the first rows are painted first; the change list and
  // the strip come in a task of their own (a book's would make one long
  // task of both: bench/page.mjs), unless another result has come since.
  const shownNow = current;
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (current !== shownNow || shownState.rows !== rows) return;
  changeList.show(changeEntries(current, rows, unattributed, moved), current.texts);
  strip.show(rows, $('rows'));
}

/**
 * Draws the rows the filter shows (the others fold into bars) and walks
 * the changes it shows: every change with every row (a folded one opens
 * when reached), else those the filter keeps.
 */
function applyFilter() {
  $('filter').value = filter.show;
  $('hide-dropped').checked = filter.hideDropped;
  if (!current || !shownState) return;
  const { rows, marks } = shownState;
  const shown = shownRows(rows, filter, marks);
  const kept = filter.show === 'all' ? null : shown;
  changeNavigator.setItems(
    changesOf(rows).filter((i) => (kept ? kept[i] === 1 : !(filter.hideDropped && rows[i].type === 'dropped'))),
  );
  peek.close();
  rowsView.show(current, rows, settings.view, shown);
}

/** Sets the filter (a key of FILTERS); `announce` says so in the status line (from the summary, not the select). */
function setFilter(show, { announce = false } = {}) {
  filter.show = Object.hasOwn(FILTERS, show) ? show : 'all';
  applyFilter();
  if (announce) say(`Showing ${FILTERS[filter.show]}; choose "every row" under Show to see them all again.`);
}

/**
 * Compares the two texts; `notice` (a sentence) is kept before the outcome,
 * marked as a problem if `noticeIsProblem`.
 */
async function run(notice = '', noticeIsProblem = false) {
  clearTimeout(typingTimer);
  keepTexts();
  manyResults.apply(fields);
  if (fields.many) return runMany(notice, noticeIsProblem);
  const texts = { original: inputs.original.value, paraphrase: inputs.paraphrase.value };
  const { ticker, state, started } = startProgress();
  // Marks for the performance panel (and bench/page.mjs).
  performance.mark('article-diff:compare');
  try {
    const answer = await engine.compare(texts.original, texts.paraphrase, settings.options, (stage) => {
      state.stage = stage;
    });
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
    failed(error);
  } finally {
    settleProgress(ticker);
  }
}

/** Says why a comparison failed; the result shown, if any, is marked as for earlier texts. */
function failed(error) {
  const shown = current || manyResults.result;
  if (shown) markStale(true);
  const earlier = shown ? ' The result below is for the earlier texts.' : '';
  if (error instanceof Cancelled) {
    say(`Comparison cancelled. Your texts are untouched; press Compare to try again.${earlier}`);
  } else if (error.kind === 'refused') {
    say(`${error.message}. Your texts are kept: shorten one, or compare it in parts.${earlier}`, true);
  } else if (error.kind === 'crashed') {
    say(`${error.message} The engine was restarted and your texts are kept.${earlier}`, true);
  } else {
    say(`The comparison failed: ${error.message.replace(/\.$/, '')}. Your texts are untouched.${earlier}`, true);
  }
}

/** Hides the progress display, unless a newer comparison owns it. */
function settleProgress(ticker) {
  clearInterval(ticker);
  if (engine.busy) return;
  progress.hidden = true;
  progressBar.removeAttribute('value');
  progressBar.setAttribute('aria-label', 'Comparing');
  delete document.documentElement.dataset.busy;
}

/**
 * Shows the progress after a moment: seconds, and how many of `total` are
 * done when told, or the engine's stage (`stage`: { stage, step, share },
 * as the engine posts it) and the share of it done. The bar's
 * name says the stage, changed only when the stage does (no live region:
 * a screen reader is not told every tick).
 */
function startProgress() {
  const started = performance.now();
  const state = { done: 0, total: 0, what: '', stage: null };
  const ticker = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    if (seconds * 1000 < PROGRESS_AFTER_MS) return;
    progress.hidden = false;
    const { stage } = state;
    if (state.total) {
      progressBar.max = state.total;
      progressBar.value = state.done;
      progressText.textContent = `Compared ${state.done} of ${state.total} ${state.what}… ${seconds.toFixed(1)} s`;
    } else if (stage) {
      const label = `Comparing: ${stage.stage}`;
      if (progressBar.getAttribute('aria-label') !== label) progressBar.setAttribute('aria-label', label);
      progressBar.max = 1;
      progressBar.value = stage.share;
      progressText.textContent = `${stage.stage}… ${Math.floor(stage.share * 100)}%, ${seconds.toFixed(1)} s`;
    } else {
      progressText.textContent = `Comparing… ${seconds.toFixed(1)} s`;
    }
  }, 100);
  document.documentElement.dataset.busy = 'true';
  return { ticker, state, started };
}

// ---- many texts ------------------------------------------------------------

/**
 * Compares one original with every rewrite, or one text with every source
 * (the mode); a text the engine refuses gets its message in its row, the
 * others are compared all the same.
 */
async function runMany(notice, noticeIsProblem) {
  const set = fields.collect();
  const { ticker, state, started } = startProgress();
  state.what = set.mode === 'rewrites' ? 'rewrites' : 'sources';
  performance.mark('article-diff:compare');
  try {
    const result = await compareAll(engine, set, settings.options, ({ done, total }) => Object.assign(state, { done, total }));
    performance.mark('article-diff:answer');
    markStale(false);
    manyResults.show(result);
    performance.mark('article-diff:shown');
    compared += 1;
    document.documentElement.dataset.compared = String(compared);
    const lead = notice ? `${notice} ` : '';
    const failures = result.entries.filter((e) => !e.findings).length;
    const count = result.entries.length;
    const what = result.mode === 'rewrites' ? `rewrite${count === 1 ? '' : 's'} with the original` : `source${count === 1 ? '' : 's'} with the text`;
    const where = result.mode === 'rewrites' ? 'the overview' : 'the sources';
    const missed = failures ? ` ${failures} could not be compared (see ${where}).` : '';
    say(`${lead}Compared ${count} ${what} in ${Math.round(performance.now() - started)} ms.${missed}`, noticeIsProblem || failures > 0);
    document.documentElement.dataset.ready = 'true';
  } catch (error) {
    failed(error);
  } finally {
    settleProgress(ticker);
  }
}

/** Dims the result while it belongs to texts other than those in the boxes. */
function markStale(stale) {
  for (const id of ['summary', 'result', 'many']) {
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

/** Folds a side's text box when its text is very long (see texts.js). */
function fold(side) {
  foldBox(inputs[side], $(`${side}-folded`));
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
  fields.reset('rewrites');
  inputs.original.value = original;
  inputs.paraphrase.value = paraphrase;
  foldBoth();
}

/**
 * Reads files into the texts: the first into `target` (a side, or a box
 * added; 'add' for the button that opens more), each of the others into a
 * box of its own on the side that holds many, named by its file. A file
 * that cannot be read is named with why; the others are still taken.
 */
async function takeFiles(files, target) {
  const taken = [];
  const problems = [];
  for (const file of files) {
    try {
      taken.push({ name: file.name, ...(await readFile(file)) });
    } catch (error) {
      problems.push(error.message);
    }
  }
  if (taken.length === 0) {
    const what = typeof target === 'string' && target !== 'add' ? `The ${target} text was` : 'The texts were';
    say(`${problems.join(' ')} ${what} left as it was.`, true);
    return;
  }
  let rest = taken;
  if (target === 'add') {
    const side = fields.manySide;
    if (fields.extras.length === 0 && inputs[side].value.trim() === '') {
      fields.put(side, taken[0].text, taken[0].name);
      fold(side);
      rest = taken.slice(1);
    }
  } else {
    fields.put(target, taken[0].text, taken[0].name);
    if (typeof target === 'string') fold(target);
    rest = taken.slice(1);
  }
  for (const { text, name } of rest) fields.add(text, name, { silent: true });
  manyResults.apply(fields);
  const notices = taken.map((t) => t.notice).filter(Boolean);
  const opened = notices.length ? notices.join(' ') : `Opened ${taken.map((t) => t.name).join(', ')}.`;
  const refused = problems.length ? ` ${problems.join(' ')} The other files were opened.` : '';
  run(`${opened}${refused}`, problems.length > 0);
}

for (const side of ['original', 'paraphrase']) {
  // A paste is a whole edit: compare at once; typing waits for a pause.
  inputs[side].addEventListener('input', (event) => {
    fold(side);
    keepTexts();
    if (event.inputType === 'insertFromPaste') run();
    else runSoon();
  });
  $(`${side}-unfold`).addEventListener('click', () => unfoldBox(inputs[side], $(`${side}-folded`)));
  acceptDrops(inputs[side], (files) => takeFiles(files, side));
  // Several files: the first is this side's, each other one a text of its own.
  $(`${side}-file`).addEventListener('change', (event) => {
    const files = [...event.target.files];
    event.target.value = '';
    if (files.length) takeFiles(files, side);
  });
  $(`${side}-clear`).addEventListener('click', () => {
    fields.put(side, '', null);
    fold(side);
    inputs[side].focus();
    run();
  });
}

$('compare').addEventListener('click', () => run());
$('cancel').addEventListener('click', () => engine.cancel());
$('swap').addEventListener('click', () => {
  const [original, paraphrase] = [inputs.original.value, inputs.paraphrase.value];
  const names = { ...fields.fixedNames };
  fields.put('original', paraphrase, names.paraphrase);
  fields.put('paraphrase', original, names.original);
  foldBoth();
  run();
});
$('example').addEventListener('click', async () => {
  await loadExample();
  run();
});
$('add-text').addEventListener('click', () => {
  const box = fields.add('', null, { silent: true });
  manyResults.apply(fields);
  box.focus();
  run();
});
$('add-files').addEventListener('change', (event) => {
  const files = [...event.target.files];
  event.target.value = '';
  if (files.length) takeFiles(files, 'add');
});
for (const radio of document.querySelectorAll('input[name="mode"]')) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    fields.setMode(radio.value);
    run();
  });
}

// ---- settings panel --------------------------------------------------------

$('options-panel').addEventListener('input', (event) => {
  if (settings.options && event.target.type === 'number') markField(event.target);
});
$('options-panel').addEventListener('change', (event) => {
  if (!settings.options) return; // not shown yet: the engine has not said them
  if (event.target.type === 'number' && !markField(event.target)) {
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
// The change list follows the rows scrolled to (a focused row marks itself).
let followTimer = 0;
addEventListener(
  'scroll',
  () => {
    clearTimeout(followTimer);
    followTimer = setTimeout(() => {
      if ($('rows').contains(document.activeElement) || $('result').hidden) return;
      const range = rowsView.visibleRange();
      if (range) changeList.follow(range);
    }, 150);
  },
  { passive: true },
);
$('filter').addEventListener('change', (event) => setFilter(event.target.value));
$('hide-dropped').addEventListener('change', (event) => {
  filter.hideDropped = event.target.checked;
  applyFilter();
});
$('show-keys').addEventListener('click', () => $('keys-dialog').showModal());
$('keys-close').addEventListener('click', () => $('keys-dialog').close());
document.addEventListener('keydown', (event) => {
  if (event.key !== '?' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target.closest?.('input, textarea, select, [contenteditable]') || $('keys-dialog').open) return;
  event.preventDefault();
  $('keys-dialog').showModal();
});
$('order').addEventListener('change', (event) => {
  settings.order = event.target.value;
  saveSettings(settings);
  show();
});

// ---- sharing and export ----------------------------------------------------

$('share').addEventListener('click', async () => {
  const view = { layout: settings.view, order: settings.order, ...filter };
  const fragment = fields.many
    ? await encodeManyLink(ownNames({ ...fields.collect(), options: settings.options, view }))
    : await encodeLink({ original: inputs.original.value, paraphrase: inputs.paraphrase.value, options: settings.options, view });
  if (fragment.length > MAX_LINK_CHARS) {
    say(
      `These texts are too long for a link (${Math.ceil(fragment.length / 1024)} KB compressed; ` +
        `links stay under ${MAX_LINK_CHARS / 1000} KB). Download the report instead.`,
      true,
    );
    return;
  }
  history.replaceState(null, '', `#${fragment}`);
  const holds = fields.many ? 'every text and its name, the options and the view' : 'both texts, the options and the view';
  try {
    await navigator.clipboard.writeText(location.href);
    say(`Link copied. It holds ${holds}, compressed; opening it restores this comparison.`);
  } catch {
    say('The link is in the address bar (the clipboard was not available).');
  }
});

/** The texts of `set` with the names given, null where the page names a text by its place. */
function ownNames(set) {
  const own = (list) => list.map(({ own: name, text }) => ({ name, text }));
  return { ...set, originals: own(set.originals), rewrites: own(set.rewrites) };
}

/**
 * The names of the texts compared, as the page shows them: { original,
 * paraphrase } (the one original, or the text sources are for, and, of one
 * pair, its paraphrase): a file's name, one given, or the page's own.
 */
function inputNames() {
  const set = fields.collect();
  if (!fields.many) return { original: set.originals[0].own ?? 'Original', paraphrase: set.rewrites[0].own ?? 'Paraphrase' };
  return { original: set.originals[0].name, paraphrase: set.rewrites[0].name };
}

/** What an export compared: its inputs with their words, the date, the options (about.js). */
function aboutExport(findings, all) {
  const names = inputNames();
  const inputs = all ? manyInputs(all, all.mode === 'sources' ? names.paraphrase : names.original) : pairInputs(names, findings.stats);
  return { inputs, date: new Date(), options: settings.options };
}

/** An export's action, given the comparison shown (or null) and the results of many texts (or null). */
const exported = (action) => () => {
  if (!current && !manyResults.result) {
    say('There is no comparison to export yet.');
    return;
  }
  action(current, manyResults.result);
  $('export-menu').open = false;
};
$('export-html').addEventListener(
  'click',
  exported((findings, all) => {
    const about = aboutExport(findings, all);
    const html = all ? manyReportHtml(all, settings, about) : reportHtml(findings, settings, about);
    download('article-diff-report.html', new Blob([html], { type: 'text/html' }));
    say(all ? `Report downloaded (${all.entries.length} comparisons).` : 'Report downloaded.');
  }),
);
$('export-json').addEventListener(
  'click',
  exported(async (findings, all) => {
    try {
      const when = new Date().toISOString();
      const json = labelledJson(await engine.json(all?.entries.map((entry) => entry.name)), { exported: when, names: inputNames() });
      download('article-diff.json', new Blob([json], { type: 'application/json' }));
      say(
        !all
          ? 'Data downloaded (the article-diff/1 format).'
          : all.mode === 'sources'
            ? 'Data downloaded: the article-diff/1 model of the text against its sources.'
            : 'Data downloaded: an array of article-diff/1 models, each with its name.',
      );
    } catch (error) {
      say(`The data could not be exported: ${error.message}. Press Compare and try again.`, true);
    }
  }),
);
$('export-csv').addEventListener(
  'click',
  exported((findings, all) => {
    if (!all) return;
    download('article-diff-overview.csv', new Blob([overviewCsv(all.entries)], { type: 'text/csv' }));
    say('Overview downloaded (CSV, one row a comparison).');
  }),
);
$('copy-summary').addEventListener(
  'click',
  exported(async (findings) => {
    if (!findings) {
      say('Open a comparison to copy its summary.');
      return;
    }
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
      if (link.mode) putTexts(link);
      else {
        fields.reset('rewrites');
        inputs.original.value = link.original;
        inputs.paraphrase.value = link.paraphrase;
      }
      foldBoth();
      settings.options = link.options;
      if (link.view) {
        [settings.view, settings.order] = [link.view.layout, link.view.order];
        Object.assign(filter, { show: link.view.show, hideDropped: link.view.hideDropped });
      }
      showSettings();
      loaded = true;
    } catch (error) {
      say(`The link could not be read: ${error.message}. The example is shown instead.`, true);
      history.replaceState(null, '', location.pathname + location.search);
    }
  }
  // A link wins over the texts kept; the example comes only when neither is there.
  const kept = loaded ? null : await keeper.load();
  if (kept) {
    putTexts(kept);
    foldBoth();
    loaded = true;
    if (!keeper.refused) say('Your texts are back from your last visit (kept in this browser only).');
  }
  try {
    if (!loaded) await loadExample();
    await engine.ready();
  } catch (error) {
    say(`${error.message}`, true);
    return;
  }
  await run(status.textContent, status.classList.contains('problem'));
  keeping = true;
}

/** Puts many texts ({ mode, originals, rewrites }, each { name, text }) into the boxes. */
function putTexts({ mode, originals, rewrites }) {
  fields.reset(mode);
  const [fixedOriginal, ...moreOriginals] = originals;
  const [fixedRewrite, ...moreRewrites] = rewrites;
  fields.put('original', fixedOriginal.text, fixedOriginal.name);
  fields.put('paraphrase', fixedRewrite.text, fixedRewrite.name);
  for (const { text, name } of [...moreOriginals, ...moreRewrites]) fields.add(text, name, { silent: true });
}

/**
 * "Forget these texts": the copy kept in this browser is deleted, the boxes
 * emptied (not the example: on a shared computer an empty page says plainly
 * that the texts are gone) and a link holding them dropped from the address
 * bar; the comparison of the empty boxes replaces theirs.
 */
async function forgetTexts() {
  clearTimeout(typingTimer);
  fields.reset('rewrites');
  fields.put('original', '', null);
  fields.put('paraphrase', '', null);
  foldBoth();
  if (isLink(location.hash)) history.replaceState(null, '', location.pathname + location.search);
  const forgotten = await keeper.forget();
  const where = forgotten ? 'the copy kept in this browser is deleted and the boxes are emptied' : 'the boxes are emptied (this browser was keeping nothing)';
  inputs.original.focus();
  await run(`Your texts are forgotten: ${where}. "Load the example" shows how the page works.`);
}

$('forget').addEventListener('click', () => forgetTexts());
// Leaving within a moment of an edit (or hiding the page, which a phone may
// then close unasked): save it now rather than lose it.
addEventListener('pagehide', () => keeper.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') keeper.flush();
});

start();
