// Drawing the comparison: the summary and the rows (side by side or
// inline); the overview strip beside them is strip.js. Rows are made, a chunk at a time, only when they come
// near the screen, so a book-length result never freezes the page. Text
// reaches the document only as text nodes.

import { displayItems, foldLabel, stretchOf } from './folds.js';
import { capitalized, cutShortSentence, languagePhrase, passagesPhrase, rowFinder, sentencesPhrase, summaryOf, unquotedPhrase } from './model.js';

// Rows are made a chunk at a time, when the chunk nears the screen: the page
// watches a few hundred placeholders, never tens of thousands of rows.
const ROWS_PER_CHUNK = 32;
// A row's height before it is drawn, for the placeholders' sizes.
const ROW_ESTIMATE_PX = 72;
// A bar's height, likewise.
const BAR_ESTIMATE_PX = 40;
const FILL_MARGIN = '1200px';

/** Creates an element with classes and attributes (never HTML). */
export function element(tag, className, attributes = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

// ---- the summary -----------------------------------------------------------

/**
 * Fills the summary: two stacked bars with their shares spelled out, then
 * the counts. `onUnattributed`, if given, is called by the button that the
 * count of copied words outside quotation marks becomes.
 */
export function renderSummary(container, findings, { onUnattributed, onFilter } = {}) {
  const m = summaryOf(findings);
  const bar = (label, parts) => {
    const figure = element('figure', 'share');
    const caption = element('figcaption');
    caption.textContent = label;
    const track = element('div', 'bar', {
      role: 'img',
      'aria-label': `${label}: ${parts.map(([name, value]) => `${name} ${value}%`).join(', ')}`,
    });
    const legend = element('p', 'share-legend');
    parts.forEach(([name, value, kind], index) => {
      const segment = element('span', `segment k-${kind}`);
      segment.style.width = `${value}%`;
      track.append(segment);
      const item = element('span', `key k-${kind}`);
      item.textContent = `${name} ${value}%`;
      legend.append(item);
      if (index < parts.length - 1) legend.append(' · ');
    });
    figure.append(caption, track, legend);
    return figure;
  };
  // The count of unattributed copied words is a button when the page can
  // show them (`onUnattributed`), plain text in the exported report.
  // A figure is a button to the filter that shows it when the page can
  // filter (`onFilter`), plain text in the exported report.
  const filterButton = (text, show, title) => {
    const button = element('button', 'link', { type: 'button', 'data-filter': show });
    button.textContent = text;
    button.title = title;
    button.addEventListener('click', () => onFilter(show));
    return button;
  };
  const copying = element('p', 'facts');
  if (onFilter && m.values.moved_runs > 0) {
    copying.append(filterButton(passagesPhrase(m), 'moved', 'Show only the rows with moved passages'), '; ');
  } else {
    copying.append(`${passagesPhrase(m)}; `);
  }
  if (onUnattributed && m.unquotedCopied > 0) {
    const show = element('button', 'link', { type: 'button', id: 'show-unattributed' });
    show.textContent = unquotedPhrase(m);
    show.title = 'Show only the rows with unattributed copying and go to its first passage';
    show.addEventListener('click', onUnattributed);
    copying.append(show, '.');
  } else {
    copying.append(`${unquotedPhrase(m)}.`);
  }
  const sentences = element('p', 'facts');
  const changed = m.values.pairs - m.values.copied_pairs + m.values.new_sentences + m.values.dropped_sentences;
  if (onFilter && changed > 0) {
    sentences.append(filterButton(capitalized(sentencesPhrase(m)), 'changes', 'Show only the rows that changed'), '.');
  } else {
    sentences.textContent = `${capitalized(sentencesPhrase(m))}.`;
  }
  const parts = [
    bar(`Paraphrase, ${m.paraphraseWords} words`, [
      ['copied', m.copied, 'copied'],
      ['reworded', m.reworded, 'reworded'],
      ['new', m.new, 'new'],
    ]),
    bar(`Original, ${m.originalWords} words`, [
      ['kept', m.kept, 'kept'],
      ['reworded', m.originalReworded, 'reworded'],
      ['dropped', m.dropped, 'dropped'],
    ]),
    copying,
    sentences,
  ];
  const language = languagePhrase(findings);
  const languageLine = element('p', language.note ? 'note language' : 'facts language');
  languageLine.textContent = language.note ? `${capitalized(language.text)}.` : `Language: ${language.text}.`;
  parts.push(languageLine);
  if (!m.complete) {
    const note = element('p', 'note');
    note.textContent = cutShortSentence(m);
    parts.push(note);
  }
  container.replaceChildren(...parts);
}

// ---- spans -----------------------------------------------------------------

const SOFT_BREAK = /\r\n|[\n\r\u0085\u2028]/g;

/** Appends text, keeping whitespace at the edges outside the element. */
function appendTrimmed(target, node, text) {
  const lead = text.match(/^\s*/)[0];
  const trail = text.slice(lead.length).match(/\s*$/)[0];
  const core = text.slice(lead.length, text.length - trail.length);
  if (lead) target.append(lead);
  if (core) {
    node.textContent = core;
    target.append(node);
  }
  if (trail) target.append(trail);
}

/**
 * An element for a copied (or kept) passage, linked to its run. Copied words
 * outside quotation marks (reuse without attribution) are also `unquoted`.
 */
function runElement(tag, span, side, moved) {
  const unquoted = span.quoted === false;
  const node = element(tag, `${span.kind}${moved ? ' moved' : ''}${unquoted ? ' unquoted' : ''}`, {
    'data-run': String(span.run),
    'data-side': side,
    // Reached with the arrow keys inside its row (RowsView), not by Tab.
    tabindex: '-1',
  });
  if (span.target !== undefined) node.dataset.target = String(span.target);
  const where = side === 'paraphrase' ? 'copied from the original' : 'kept in the paraphrase';
  const how = unquoted ? ', outside quotation marks' : '';
  // Its description for assistive technology and a tooltip; how to reach
  // the source is the legend's and the popover's to say (peek.js).
  node.title = `${moved ? 'Moved passage, ' : ''}${where}${how}`;
  return node;
}

/**
 * Appends the spans of one side over `range` to `target`. In a pair,
 * deletions are <del> and insertions <ins>; a nearly matching word is one
 * <del>/<ins> whose changed letters are marked; copied passages are <mark>.
 */
export function appendSpans(target, findings, side, range) {
  const text = findings.texts[side];
  let word = null; // the <del>/<ins> of a refined word being filled
  for (const span of findings.spansIn(side, range)) {
    // A line break inside a row's sentence only wraps it (a hard-wrapped
    // text): it reads as a space.
    const piece = text.slice(Math.max(span.start, range[0]), Math.min(span.end, range[1])).replace(SOFT_BREAK, ' ');
    const paired = span.pair !== undefined;
    const changeTag = span.op === 'delete' ? 'del' : span.op === 'insert' ? 'ins' : null;
    if (span.char_op !== undefined) {
      if (!word || word.localName !== changeTag) {
        word = element(changeTag, 'refined');
        target.append(word);
      }
      if (span.char_op === 'equal') {
        word.append(piece);
      } else {
        const letters = element('span', 'char');
        letters.textContent = piece;
        word.append(letters);
      }
      continue;
    }
    word = null;
    const copied = span.kind === 'copied' || span.kind === 'kept';
    if (copied) {
      const tag = paired && changeTag ? changeTag : 'mark';
      appendTrimmed(target, runElement(tag, span, side, span.moved), piece);
    } else if (paired && changeTag) {
      appendTrimmed(target, element(changeTag), piece);
    } else {
      target.append(piece);
    }
  }
}

/** Whether `target`'s text so far ends with white space (or is empty). */
function endsWithSpace(target) {
  const text = target.lastChild?.textContent ?? '';
  return text === '' || /\s$/.test(text);
}

/**
 * Appends a pair read inline: the paraphrase, with what the original had
 * instead shown deleted just before what replaced it. A deletion is set off
 * by spaces from the words around it.
 */
function appendInlinePair(target, findings, pair) {
  let at = pair.paraphrase[0];
  let spaceAfterDeletion = false;
  const paraphrase = (range) => {
    const next = findings.texts.paraphrase.slice(range[0], range[0] + 1);
    if (spaceAfterDeletion && next && !/[\s.,;:!?)”’]/.test(next)) target.append(' ');
    spaceAfterDeletion = false;
    appendSpans(target, findings, 'paraphrase', range);
  };
  for (const op of pair.ops) {
    if (op.paraphrase[0] > at) paraphrase([at, op.paraphrase[0]]);
    if (op.op === 'delete' || op.op === 'replace') {
      if (!endsWithSpace(target)) target.append(' ');
      appendSpans(target, findings, 'original', op.original);
      spaceAfterDeletion = true;
    }
    if (op.op !== 'delete') {
      paraphrase(op.paraphrase);
      at = op.paraphrase[1];
    }
  }
  if (pair.paraphrase[1] > at) paraphrase([at, pair.paraphrase[1]]);
}

// ---- rows ------------------------------------------------------------------

const STATUS_LABEL = { copied: 'copied', edited: 'edited', reworded: 'reworded', new: 'new', dropped: 'dropped' };
const STATUS_TITLE = {
  copied: 'Copied: the sentence reproduces the original one, perhaps with words added around it',
  edited: 'Edited: most words are shared on both sides; a few were replaced, added or dropped',
  reworded: 'Reworded: made from the original sentence, mostly in other words',
  new: 'New: pairs with no sentence of the original',
  dropped: 'Dropped: pairs with no sentence of the paraphrase',
};

function gutter(row) {
  const cell = element('div', 'gutter');
  const status = element('span', `badge b-${row.status}`, { title: STATUS_TITLE[row.status] });
  status.textContent = STATUS_LABEL[row.status];
  cell.append(status);
  if (row.moved) {
    const moved = element('span', 'badge b-moved', { title: 'Moved: out of the original order' });
    moved.textContent = 'moved';
    cell.append(moved);
  }
  if (row.type === 'pair') {
    // Two short lines for the narrow gutter; the whole sentence in the
    // title and the row's label.
    const shares = element('span', 'shares', { title: sharesText(row) });
    const kept = element('span');
    kept.textContent = `keeps ${percentOf(row.keptShare)}% of original`;
    const derived = element('span');
    derived.textContent = `${percentOf(row.derivedShare)}% of it from original`;
    shares.append(kept, derived);
    cell.append(shares);
    if (row.evidence === 'position') {
      // The weakest evidence is said as such, never dressed as more.
      const weak = element('span', 'evidence', { title: EVIDENCE_TEXT.position });
      weak.textContent = 'paired on position';
      cell.append(weak);
    }
  } else if (row.repeats !== undefined) {
    const repeats = element('span', 'shares');
    repeats.textContent = 'repeats a copied sentence';
    cell.append(repeats);
  }
  return cell;
}

/** What a pair was made on, as the reports say it. */
const EVIDENCE_TEXT = {
  copying: 'paired on copied words',
  wording: 'paired on shared wording',
  position: 'paired on position only: weak evidence (its place facing the original sentence and a shared word)',
};

const percentOf = (share) => Math.round(share * 100);

/** A pair's two shares in words: "keeps 60% of the original; 100% of this sentence comes from it". */
export function sharesText(row) {
  return `keeps ${percentOf(row.keptShare)}% of the original; ${percentOf(row.derivedShare)}% of this sentence comes from it`;
}

/** "Row 3, edited, moved: keeps 60% of the original; 100% of this sentence comes from it" */
function rowLabel(row, index) {
  const parts = [`Row ${index + 1}`, STATUS_LABEL[row.status]];
  if (row.moved) parts.push('moved');
  const label = parts.join(', ');
  if (row.type !== 'pair') return row.repeats !== undefined ? `${label}, repeats a copied sentence` : label;
  return `${label}, ${EVIDENCE_TEXT[row.evidence].split(':')[0]}: ${sharesText(row)}`;
}

/** An empty row: its frame, label and status, without its text. */
export function rowShell(row, index) {
  const shell = element('div', `row s-${row.status}${row.moved ? ' moved' : ''}`, {
    role: 'group',
    'aria-label': rowLabel(row, index),
    tabindex: '0',
    'data-index': String(index),
  });
  shell.dataset.filled = 'false';
  return shell;
}

/** Puts a row's text into its shell, side by side or inline. */
export function fillRow(shell, row, findings, view) {
  shell.dataset.filled = 'true';
  if (view === 'inline') {
    const cell = element('div', 'cell inline');
    if (row.type === 'pair') {
      appendInlinePair(cell, findings, findings.pair(row.pair));
    } else if (row.type === 'new') {
      const inserted = element('ins', 'whole');
      appendSpans(inserted, findings, 'paraphrase', row.paraphrase);
      cell.append(inserted);
    } else {
      const deleted = element('del', 'whole');
      appendSpans(deleted, findings, 'original', row.original);
      cell.append(deleted);
    }
    shell.append(gutter(row), cell);
    return;
  }
  const original = element('div', 'cell original');
  const paraphrase = element('div', 'cell paraphrase');
  if (row.original) appendSpans(original, findings, 'original', row.original);
  if (row.paraphrase) appendSpans(paraphrase, findings, 'paraphrase', row.paraphrase);
  shell.append(original, gutter(row), paraphrase);
}

/** The rows of one comparison, in one view; fills them as they near the screen. */
export class RowsView {
  /**
   * `onLinkActivate(index)` hears of a row reached through a passage's
   * link; `onFocusRow(index)` of a row (or a passage in it) focused;
   * `onEscape()`, of Escape on a passage, says whether it used the key
   * (closing a popover) before the passage gives the focus back to its row.
   */
  constructor(container, { onLinkActivate, onFocusRow, onEscape } = {}) {
    this.container = container;
    this.onLinkActivate = onLinkActivate;
    this.onFocusRow = onFocusRow;
    this.onEscape = onEscape;
    this.observer = new IntersectionObserver((entries) => this.#onVisible(entries), {
      rootMargin: `${FILL_MARGIN} 0px`,
    });
    this.rows = [];
    this.elements = [];
    this.shown = new Uint8Array(0);
    this.opened = new Set();
    container.addEventListener('pointerover', (event) => this.#link(event, true));
    container.addEventListener('pointerout', (event) => this.#link(event, false));
    container.addEventListener('focusin', (event) => {
      this.#link(event, true);
      const row = event.target.closest?.('.row');
      if (row) this.onFocusRow?.(Number(row.dataset.index));
    });
    container.addEventListener('focusout', (event) => this.#link(event, false));
    container.addEventListener('click', (event) => {
      const bar = event.target.closest?.('button.fold-toggle');
      if (bar) this.toggleFold(Number(bar.closest('.fold').dataset.index));
      else this.#activate(event);
    });
    container.addEventListener('keydown', (event) => this.#key(event));
  }

  /**
   * Shows a comparison: its rows, of which `shown` (folds.js shownRows)
   * says which are drawn; the others fold into bars. An empty placeholder
   * per chunk of what is drawn, sized by an estimate, and the first chunk
   * filled at once; the others are filled when they near the screen (or are
   * needed: navigation, links, printing).
   */
  show(findings, rows, view, shown = new Uint8Array(rows.length).fill(1)) {
    this.findings = findings;
    this.rows = rows;
    this.view = view;
    this.shown = shown;
    this.opened = new Set();
    this.findRow = {
      original: rowFinder(rows, 'original'),
      paraphrase: rowFinder(rows, 'paraphrase'),
    };
    this.container.className = `rows view-${view}`;
    this.#draw();
    this.#fillChunk(0);
  }

  /** Lays out the placeholders of what is drawn now (the rows shown, the bars, the rows of open bars). */
  #draw() {
    this.observer.disconnect();
    const rows = this.rows;
    this.elements = new Array(rows.length);
    this.items = displayItems(this.shown, this.opened);
    // Where each row is among the items (-1: inside a closed bar).
    this.position = new Int32Array(rows.length).fill(-1);
    this.items.forEach((item, at) => {
      if (item.type === 'row') this.position[item.index] = at;
    });
    this.chunks = [];
    this.container.replaceChildren();
    if (rows.length === 0) {
      const empty = element('p', 'empty');
      empty.textContent = 'Both texts are empty.';
      this.container.append(empty);
      return;
    }
    const fragment = document.createDocumentFragment();
    for (let first = 0; first < this.items.length; first += ROWS_PER_CHUNK) {
      const chunk = element('div', 'chunk', { 'data-first': String(first) });
      const end = Math.min(this.items.length, first + ROWS_PER_CHUNK);
      let estimate = 0;
      for (let at = first; at < end; at++) estimate += this.items[at].type === 'row' ? ROW_ESTIMATE_PX : BAR_ESTIMATE_PX;
      chunk.style.containIntrinsicSize = `auto ${estimate}px`;
      this.chunks.push(chunk);
      fragment.append(chunk);
      this.observer.observe(chunk);
    }
    this.container.append(fragment);
  }

  #onVisible(entries) {
    for (const entry of entries) {
      if (entry.isIntersecting) this.#fillChunk(this.chunks.indexOf(entry.target));
    }
  }

  /** Creates and fills the rows and bars of chunk `at`, if not yet done. */
  #fillChunk(at) {
    const chunk = this.chunks[at];
    if (!chunk || chunk.dataset.filled === 'true') return;
    chunk.dataset.filled = 'true';
    this.observer.unobserve(chunk);
    const first = at * ROWS_PER_CHUNK;
    const end = Math.min(this.items.length, first + ROWS_PER_CHUNK);
    for (let i = first; i < end; i++) {
      const item = this.items[i];
      if (item.type === 'fold') {
        chunk.append(this.#bar(item));
        continue;
      }
      const { index } = item;
      const shell = rowShell(this.rows[index], index);
      fillRow(shell, this.rows[index], this.findings, this.view);
      this.elements[index] = shell;
      chunk.append(shell);
    }
  }

  /** A stretch's bar: a button that opens its rows in place (and folds them again). */
  #bar({ first, last, open }) {
    const bar = element('div', `fold${open ? ' open' : ''}`, { 'data-index': String(first), 'data-last': String(last) });
    const button = element('button', 'fold-toggle', { type: 'button', 'aria-expanded': String(open) });
    const label = foldLabel(this.rows, first, last);
    const what = element('span', 'fold-label');
    what.textContent = label;
    const action = element('span', 'fold-action');
    action.textContent = open ? 'Fold' : 'Show';
    // Its name is what it says; aria-expanded says whether it is open.
    button.append(what, ' ', action);
    bar.append(button);
    return bar;
  }

  /**
   * Opens (or folds again) the bar whose stretch starts at row `first`,
   * keeping the bar where it was on the screen and focused if it was.
   */
  toggleFold(first) {
    const anchor = this.container.querySelector(`.fold[data-index="${first}"]`);
    const hadFocus = anchor?.contains(document.activeElement);
    const top = anchor?.getBoundingClientRect().top;
    if (this.opened.has(first)) this.opened.delete(first);
    else this.opened.add(first);
    this.#draw();
    const at = this.items.findIndex((item) => item.type === 'fold' && item.first === first);
    this.#fillChunk(Math.floor(at / ROWS_PER_CHUNK));
    const bar = this.container.querySelector(`.fold[data-index="${first}"]`);
    if (!bar) return;
    if (top !== undefined) window.scrollBy(0, bar.getBoundingClientRect().top - top);
    if (hadFocus) bar.querySelector('button').focus({ preventScroll: true });
  }

  /** Whether row `index` is drawn (shown, or in an open bar). */
  drawn(index) {
    return this.position[index] >= 0;
  }

  /**
   * The element of row `index`, created if not yet done; a row folded into a
   * bar has its bar opened first.
   */
  fill(index) {
    if (index < 0 || index >= this.rows.length) return undefined;
    if (!this.drawn(index)) {
      this.opened.add(stretchOf(this.shown, index));
      this.#draw();
    }
    this.#fillChunk(Math.floor(this.position[index] / ROWS_PER_CHUNK));
    return this.elements[index];
  }

  /** Creates every row, opening every bar (for printing). */
  fillAll() {
    if (this.items.some((item) => item.type === 'fold' && !item.open)) {
      for (const item of this.items) if (item.type === 'fold') this.opened.add(item.first);
      this.#draw();
    }
    for (let at = 0; at < this.chunks.length; at++) this.#fillChunk(at);
  }

  /** Scrolls row `index` into view and focuses it. */
  focusRow(index) {
    const shell = this.fill(index);
    if (!shell) return;
    shell.scrollIntoView({ block: 'center' });
    shell.focus({ preventScroll: true });
  }

  /** Scrolls to an unattributed passage ({ row, run }, model.js) and focuses it. */
  focusPassage({ row, run }) {
    const shell = this.fill(row);
    if (!shell) return;
    const target = shell.querySelector(`.unquoted[data-side="paraphrase"][data-run="${run}"]`) ?? shell;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }

  /**
   * Keys inside the rows: one Tab stop per row, and within a row the arrow
   * keys: left and right move between its copied passages, up and down to
   * the row or bar before and after; Escape goes back from a passage to
   * its row.
   */
  #key(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter') {
      this.#activate(event);
      return;
    }
    const row = event.target.closest?.('.row, .fold');
    if (!row) return;
    const passages = row.classList.contains('row') ? [...row.querySelectorAll('[data-run]')] : [];
    const at = passages.indexOf(event.target);
    let next = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      if (passages.length === 0) return;
      const step = event.key === 'ArrowRight' ? 1 : -1;
      next = passages[at < 0 ? (step > 0 ? 0 : passages.length - 1) : Math.max(0, Math.min(passages.length - 1, at + step))];
    } else if (event.key === 'Escape' && at >= 0) {
      if (this.onEscape?.()) {
        event.preventDefault();
        return;
      }
      next = row;
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      next = this.#neighbour(row, event.key === 'ArrowDown' ? 1 : -1);
    } else {
      return;
    }
    event.preventDefault();
    if (!next) return;
    if (next.classList.contains('fold')) next = next.querySelector('button');
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: 'nearest' });
  }

  /** The row or bar drawn just before (-1) or after (1) `node`, filling its chunk if need be. */
  #neighbour(node, step) {
    const index = Number(node.dataset.index);
    const at = node.classList.contains('fold')
      ? this.items.findIndex((item) => item.type === 'fold' && item.first === index)
      : this.position[index];
    const target = at + step;
    if (target < 0 || target >= this.items.length) return null;
    this.#fillChunk(Math.floor(target / ROWS_PER_CHUNK));
    const item = this.items[target];
    return item.type === 'row'
      ? this.elements[item.index]
      : this.container.querySelector(`.fold[data-index="${item.first}"]`);
  }

  #link(event, on) {
    const node = event.target.closest?.('[data-run]');
    if (!node) return;
    for (const linked of this.container.querySelectorAll(`[data-run="${node.dataset.run}"]`)) {
      linked.classList.toggle('linked', on);
    }
  }

  #activate(event) {
    const node = event.target.closest?.('[data-run]');
    if (!node || node.dataset.target === undefined) return;
    event.preventDefault();
    this.goToCounterpart(node);
  }

  /**
   * Where a passage's counterpart is: the other `side` and the `index` of
   * its row (-1 if none), or null for an element with no counterpart.
   */
  counterpartOf(node) {
    if (node?.dataset.target === undefined || !this.findRow) return null;
    const side = node.dataset.side === 'paraphrase' ? 'original' : 'paraphrase';
    return { side, index: this.findRow[side](Number(node.dataset.target)) };
  }

  /** The counterpart's element in row `index` on `side`, or the row's element. */
  counterpartIn(node, { side, index }) {
    const shell = this.fill(index);
    return shell?.querySelector(`[data-run="${node.dataset.run}"][data-side="${side}"]`) ?? shell;
  }

  /** Goes to a passage's counterpart (as clicking it or Enter does) and focuses it. */
  goToCounterpart(node) {
    const where = this.counterpartOf(node);
    if (!where || where.index < 0) return;
    const target = this.counterpartIn(node, where);
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    this.onLinkActivate?.(where.index);
  }

  /**
   * The first and last row shown on the screen, [first, last], or null: of
   * the rendered elements with a `data-index`, those in the viewport (an
   * element with `data-last`, a fold, covers its rows through that index).
   */
  visibleRange() {
    const chunks = this.chunks ?? [];
    const bottom = document.documentElement.clientHeight;
    // Chunks stand in order, top to bottom: the first whose end is below the top.
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (chunks[mid].getBoundingClientRect().bottom <= 0) lo = mid + 1;
      else hi = mid;
    }
    let first = Infinity;
    let last = -1;
    for (let at = lo; at < chunks.length; at++) {
      if (chunks[at].getBoundingClientRect().top >= bottom) break;
      for (const shown of chunks[at].querySelectorAll('[data-index]')) {
        const box = shown.getBoundingClientRect();
        if (box.height === 0 || box.bottom <= 0 || box.top >= bottom) continue;
        first = Math.min(first, Number(shown.dataset.index));
        last = Math.max(last, Number(shown.dataset.last ?? shown.dataset.index));
      }
    }
    return last < 0 ? null : [first, last];
  }
}
