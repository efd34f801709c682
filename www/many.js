// The views of many comparisons: the overview table of many rewrites
// (sortable, a row opens its comparison), the coverage of the original, and
// the sources of one text. Text reaches the document only as text nodes;
// the numbers come from overview.js, coverage.js and sources.js.

import { SHADES, shadeOf } from './coverage.js';
import { COLUMNS, figureText, sortedOrder } from './overview.js';
import { element } from './render.js';

const SOFT_BREAK = /\r\n|[\n\r\u0085\u2028]/g;

// ---- the overview ----------------------------------------------------------

/**
 * The overview table: one row a rewrite, sortable by any column with the
 * buttons in its headings (aria-sort says how it is sorted). `onOpen(index)`
 * is called when a row is activated (its name's button, or a click on the
 * row); without it (the exported report) names link to `#rewrite-N`.
 */
export class OverviewTable {
  constructor(container, onOpen) {
    this.container = container;
    this.onOpen = onOpen;
    this.sort = { key: null, direction: 'ascending' };
    this.entries = [];
  }

  /**
   * Shows `entries` ({ name, figures } or { name, error }) under `caption`,
   * sorted as the reader last chose (in the order given until then).
   */
  show(entries, caption) {
    this.entries = entries;
    this.caption = caption;
    this.#draw();
  }

  /** Sorts by `key` ('name' or a column's key); the same key again reverses it. */
  sortBy(key) {
    const again = this.sort.key === key;
    this.sort = { key, direction: again && this.sort.direction === 'ascending' ? 'descending' : 'ascending' };
    this.#draw();
    this.container.querySelector(`th button[data-key="${key}"]`)?.focus();
  }

  #draw() {
    const hint = element('p', 'hint');
    hint.textContent = 'Sort by a column with the buttons in its heading; open a comparison with its name, or by clicking its row.';
    this.container.replaceChildren(hint, overviewTable(this.entries, {
      caption: this.caption,
      sort: this.sort,
      onSort: (key) => this.sortBy(key),
      onOpen: this.onOpen,
    }));
  }
}

/** The overview as a table element (see OverviewTable; static when `onOpen` is absent). */
export function overviewTable(entries, { caption, sort = { key: null }, onSort, onOpen } = {}) {
  const table = element('table', 'overview-table');
  const title = element('caption');
  title.textContent = caption;
  const head = element('tr');
  const heading = (key, text, numeric) => {
    const th = element('th', numeric ? 'number' : '', { scope: 'col' });
    if (onSort) {
      th.setAttribute('aria-sort', sort.key === key ? sort.direction : 'none');
      const button = element('button', 'sort', { type: 'button', 'data-key': key });
      button.textContent = text;
      const arrow = element('span', 'arrow', { 'aria-hidden': 'true' });
      arrow.textContent = sort.key !== key ? '↕' : sort.direction === 'ascending' ? '↑' : '↓';
      button.append(arrow);
      button.addEventListener('click', () => onSort(key));
      th.append(button);
    } else {
      th.textContent = text;
    }
    head.append(th);
  };
  heading('name', 'Rewrite', false);
  for (const column of COLUMNS) heading(column.key, column.heading, true);
  const thead = element('thead');
  thead.append(head);
  const body = element('tbody');
  const order = sort.key ? sortedOrder(entries, sort.key, sort.direction) : entries.map((_, i) => i);
  for (const index of order) {
    const entry = entries[index];
    const row = element('tr', entry.figures ? '' : 'error', { 'data-index': String(index) });
    const name = element('th', 'name', { scope: 'row' });
    if (entry.figures && onOpen) {
      const open = element('button', 'link open', { type: 'button', title: `Open the comparison of ${entry.name}` });
      open.textContent = entry.name;
      open.addEventListener('click', () => onOpen(index));
      name.append(open);
      row.addEventListener('click', (event) => {
        if (event.target.closest('button')) return;
        onOpen(index);
      });
    } else if (entry.figures) {
      const link = element('a', '', { href: `#rewrite-${index + 1}` });
      link.textContent = entry.name;
      name.append(link);
    } else {
      name.textContent = entry.name;
    }
    row.append(name);
    if (entry.figures) {
      for (const column of COLUMNS) {
        const cell = element('td', 'number', { 'data-key': column.key });
        cell.textContent = figureText(column, entry.figures[column.key]);
        row.append(cell);
      }
    } else {
      const cell = element('td', 'message', { colspan: String(COLUMNS.length) });
      cell.textContent = `Not compared: ${entry.error}`;
      row.append(cell);
    }
    body.append(row);
  }
  table.append(title, thead, body);
  return table;
}

// ---- the coverage of the original ------------------------------------------

/** "3 of 5 rewrites", "none of 5". */
function reuseText(count, total) {
  return count === 0 ? `none of ${total}` : `${count} of ${total}`;
}

/**
 * The original, sentence by sentence, each with how many rewrites reuse it
 * (coverage.js) as a number beside it and a shade behind it.
 */
export function coverageView({ sentences, counts, rewrites }, original) {
  const view = element('div', 'coverage');
  const intro = element('p', 'hint');
  intro.textContent = `Each sentence of the original with how many of the ${rewrites} rewrites compared reuse it: a copied passage, or a sentence paired with it.`;
  const legend = element('ul', 'coverage-legend', { 'aria-label': 'Shading of the coverage' });
  const seen = new Map();
  for (let count = 0; count <= rewrites; count++) {
    const shade = shadeOf(count, rewrites);
    if (!seen.has(shade)) seen.set(shade, [count, count]);
    else seen.get(shade)[1] = count;
  }
  for (let shade = 0; shade < SHADES; shade++) {
    if (!seen.has(shade)) continue;
    const [low, high] = seen.get(shade);
    const item = element('li', `c-shade-${shade}`);
    const swatch = element('span', 'swatch', { 'aria-hidden': 'true' });
    item.append(swatch, low === high ? reuseText(low, rewrites) : `${low} to ${high} of ${rewrites}`);
    legend.append(item);
  }
  const list = element('ol', 'coverage-list', { 'aria-label': 'Sentences of the original and how many rewrites reuse each' });
  sentences.forEach((sentence, index) => {
    const item = element('li', `c-shade-${shadeOf(counts[index], rewrites)}`, { 'data-count': String(counts[index]) });
    if (index > 0 && sentence.paragraph !== sentences[index - 1].paragraph) item.classList.add('paragraph-start');
    const count = element('span', 'coverage-count', { title: `Reused by ${reuseText(counts[index], rewrites)} rewrites` });
    count.textContent = reuseText(counts[index], rewrites);
    const text = element('span', 'coverage-text');
    text.textContent = original.slice(sentence.start, sentence.end).replace(SOFT_BREAK, ' ');
    item.append(count, text);
    list.append(item);
  });
  if (sentences.length === 0) {
    const empty = element('p', 'empty');
    empty.textContent = 'The original is empty.';
    view.append(intro, empty);
    return view;
  }
  view.append(intro, legend, list);
  return view;
}

// ---- the sources of one text ----------------------------------------------

/** Colours repeat after this many sources; the letters do not. */
const SOURCE_COLOURS = 6;

function letterBadge(letter, source, extra = '') {
  const badge = element('span', `source-letter src-${source % SOURCE_COLOURS}${extra}`);
  badge.textContent = letter;
  return badge;
}

/**
 * The legend of the sources (sources.js's `legend` and `whole`): letter,
 * name, share of the text's words, counts; `onOpen(source)`, if given,
 * opens that source's comparison side by side.
 */
export function sourcesLegend({ legend, whole, textWords }, onOpen) {
  const table = element('table', 'sources-legend');
  const caption = element('caption');
  caption.textContent = `Where the text's ${textWords.toLocaleString('en')} words come from (a word copied from several sources counts once)`;
  const head = element('tr');
  const headings = ['Source', 'Name', 'Share of the text copied', 'Copied words', 'Copied passages', 'Sentence pairs'];
  if (onOpen) headings.push('Comparison');
  for (const text of headings) {
    const th = element('th', /Share|words|passages|pairs/.test(text) ? 'number' : '', { scope: 'col' });
    th.textContent = text;
    head.append(th);
  }
  const thead = element('thead');
  thead.append(head);
  const body = element('tbody');
  const row = (letterCell, name, stats, source) => {
    const tr = element('tr');
    const th = element('th', '', { scope: 'row' });
    th.append(letterCell);
    const nameCell = element('td', 'name');
    nameCell.textContent = name;
    tr.append(th, nameCell);
    if (stats.error) {
      tr.className = 'error';
      const message = element('td', 'message', { colspan: String(onOpen ? 5 : 4) });
      message.textContent = `Not compared: ${stats.error}`;
      tr.append(message);
      body.append(tr);
      return;
    }
    for (const value of [`${stats.share}%`, stats.copiedWords.toLocaleString('en'), String(stats.runs), String(stats.pairs)]) {
      const td = element('td', 'number');
      td.textContent = value;
      tr.append(td);
    }
    if (onOpen) {
      const td = element('td');
      if (source !== undefined) {
        const open = element('button', 'link open', { type: 'button', 'data-source': String(source) });
        open.textContent = `Side by side with ${legend[source].letter}`;
        open.addEventListener('click', () => onOpen(source));
        td.append(open);
      }
      tr.append(td);
    }
    body.append(tr);
  };
  legend.forEach((entry, source) => row(letterBadge(entry.letter, source), entry.name, entry, source));
  row('All', 'all sources together', whole, undefined);
  table.append(caption, thead, body);
  return table;
}

/**
 * The text with its copied passages marked by source (colour and letter)
 * and each sentence paired with a source marked with that source's letter
 * in a dotted box.
 */
export function sourcesText({ legend, passages, sentences }, text) {
  const view = element('div', 'sources-text');
  const title = element('h3');
  title.textContent = 'The text, marked by source';
  const key = element('p', 'hint');
  key.append('Copied passages are coloured by source and start with its letter (', letterBadge(legend[0]?.letter ?? 'A', 0), 'copied); a sentence reworded from a source starts with its letter in a dotted box (', letterBadge(legend[0]?.letter ?? 'A', 0, ' pair'), 'reworded).');
  view.append(title, key);
  let paragraph = null;
  let lastParagraph = null;
  let at = 0; // the first passage not yet ended
  for (const sentence of sentences) {
    if (sentence.paragraph !== lastParagraph) {
      paragraph = element('p');
      view.append(paragraph);
      lastParagraph = sentence.paragraph;
    } else {
      paragraph.append(' ');
    }
    const piece = element('span', 'sentence');
    let at0 = at;
    while (at0 < passages.length && passages[at0].end <= sentence.start) at0++;
    const copiedFrom = new Set();
    for (let p = at0; p < passages.length && passages[p].start < sentence.end; p++) copiedFrom.add(passages[p].source);
    // A sentence paired with the source its copied words come from needs
    // no second letter; one reworded from a source (or paired with another
    // than it copies from) gets that source's letter in a dotted box.
    if (sentence.source !== undefined && !copiedFrom.has(sentence.source)) {
      piece.classList.add('paired', `src-${sentence.source % SOURCE_COLOURS}`);
      piece.title = `This sentence is paired with source ${legend[sentence.source].letter} (${legend[sentence.source].name})`;
      piece.append(letterBadge(legend[sentence.source].letter, sentence.source, ' pair'));
    }
    let cursor = sentence.start;
    at = at0;
    for (let p = at; p < passages.length && passages[p].start < sentence.end; p++) {
      const passage = passages[p];
      const [start, end] = [Math.max(passage.start, sentence.start), Math.min(passage.end, sentence.end)];
      if (start > cursor) piece.append(text.slice(cursor, start).replace(SOFT_BREAK, ' '));
      const { letter, name } = legend[passage.source];
      const mark = element('mark', `source src-${passage.source % SOURCE_COLOURS}`, {
        'data-source': String(passage.source),
        title: `Copied from source ${letter} (${name})`,
      });
      mark.append(letterBadge(letter, passage.source), text.slice(start, end).replace(SOFT_BREAK, ' '));
      piece.append(mark);
      cursor = Math.max(cursor, end);
    }
    if (sentence.end > cursor) piece.append(text.slice(cursor, sentence.end).replace(SOFT_BREAK, ' '));
    paragraph.append(piece);
  }
  if (sentences.length === 0) {
    const empty = element('p', 'empty');
    empty.textContent = 'The text is empty.';
    view.append(empty);
  }
  return view;
}
