// The change list: every change of a comparison in order (reworded and
// edited pairs, new and dropped sentences, moved passages, copied passages
// outside quotation marks), each with its verdict and a short snippet;
// filterable by kind, one Tab stop with the arrow keys inside, kept in step
// with the rows. `changeEntries` is pure (Node tests call it); ChangeList
// draws it, a chunk of entries at a time as they near the list's view.

import { element } from './render.js';

/** The kinds of change, in the order the list's filter offers them, with their names. */
export const CHANGE_KINDS = Object.freeze({
  reworded: 'Reworded',
  edited: 'Edited',
  copied: 'Copied',
  new: 'New',
  dropped: 'Dropped',
  moved: 'Moved',
  unattributed: 'Unattributed',
});

const SNIPPET_CHARS = 90;
// One formatter: toLocaleString makes one a call.
const number = new Intl.NumberFormat('en');
const plural = (count, one, many) => `${number.format(count)} ${count === 1 ? one : many}`;

/** `text` on one line, cut at a word near SNIPPET_CHARS with an ellipsis. */
export function snippet(text) {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= SNIPPET_CHARS) return line;
  const cut = line.slice(0, SNIPPET_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > SNIPPET_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * The list's entries, in the rows' order: one per changed row (or row
 * holding a moved passage) as { row, kind, moved, side, range }, and one
 * per copied passage outside quotation marks as { row, kind:
 * 'unattributed', moved, run, side, range }, after its first row's (a
 * passage running over many sentences is one entry, at its first row, not
 * one a sentence). `unattributed` is model.js unattributedOf's list;
 * `movedRows` a Set of the rows holding a moved passage. An entry's words
 * (entryText) are a pair's or a new sentence's in the paraphrase, a
 * dropped one's in the original, a passage's its own: read only when the
 * entry is drawn.
 */
export function changeEntries(findings, rows, unattributed, movedRows = new Set()) {
  const byRow = new Map();
  const byRun = new Map();
  for (const passage of unattributed) {
    const seen = byRun.get(passage.run);
    if (seen) {
      seen.range[0] = Math.min(seen.range[0], passage.start);
      seen.range[1] = Math.max(seen.range[1], passage.end);
      continue;
    }
    const entry = { row: passage.row, kind: 'unattributed', moved: findings.runMoved(passage.run), run: passage.run, side: 'paraphrase', range: [passage.start, passage.end] };
    byRun.set(passage.run, entry);
    if (!byRow.has(passage.row)) byRow.set(passage.row, []);
    byRow.get(passage.row).push(entry);
  }
  const entries = [];
  rows.forEach((row, index) => {
    const moved = row.moved || movedRows.has(index);
    if (row.changed || moved) {
      const [side, range] = row.paraphrase ? ['paraphrase', row.paraphrase] : ['original', row.original];
      entries.push({ row: index, kind: row.status, moved, side, range });
    }
    entries.push(...(byRow.get(index) ?? []));
  });
  return entries;
}

/** An entry's snippet of its words, from `texts` ({ original, paraphrase }). */
export function entryText(texts, entry) {
  return snippet(texts[entry.side].slice(entry.range[0], entry.range[1]));
}

/** Whether `entry` is of one of the `kinds` (a Set): its own kind, or 'moved' for a moved one. */
export function entryMatches(entry, kinds) {
  return kinds.has(entry.kind) || (entry.moved && kinds.has('moved'));
}

/** "Reworded, moved" */
function verdictOf(entry) {
  const name = entry.kind === 'unattributed' ? 'Unattributed copy' : CHANGE_KINDS[entry.kind];
  return entry.moved ? `${name}, moved` : name;
}

// Entries drawn at a time, as they near the list's view.
const ENTRIES_PER_CHUNK = 100;
const ENTRY_ESTIMATE_PX = 52;

/**
 * The panel: a toggle that folds it away, the kinds' switches (each with
 * its count), the list. `go(entry)` shows an entry's row (or passage).
 */
export class ChangeList {
  constructor({ panel, toggle, kinds, list, count, go }) {
    this.panel = panel;
    this.toggleButton = toggle;
    this.kindsGroup = kinds;
    this.list = list;
    this.countLine = count;
    this.go = go;
    this.entries = [];
    this.visible = [];
    this.kinds = new Set(Object.keys(CHANGE_KINDS));
    this.current = -1; // the row marked as current
    this.observer = new IntersectionObserver((seen) => this.#onVisible(seen), { root: list, rootMargin: '400px 0px' });
    toggle.addEventListener('click', () => this.setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
    kinds.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-kind]');
      if (!button) return;
      const { kind } = button.dataset;
      if (this.kinds.has(kind)) this.kinds.delete(kind);
      else this.kinds.add(kind);
      this.#update();
    });
    list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-entry]');
      if (button) this.#choose(Number(button.dataset.entry));
    });
    list.addEventListener('keydown', (event) => this.#key(event));
  }

  /** Opens or folds away the panel (the rows take its room). */
  setOpen(open) {
    this.toggleButton.setAttribute('aria-expanded', String(open));
    this.toggleButton.textContent = open ? 'Hide' : 'Show';
    this.toggleButton.setAttribute('aria-label', `${open ? 'Hide' : 'Show'} the change list`);
    this.panel.classList.toggle('closed', !open);
    // A class, not :has(): the rows change often, and the styles must not be worked out again each time.
    this.panel.closest('.result')?.classList.toggle('list-open', open);
  }

  /** Shows a comparison's entries (changeEntries) with its `texts`; the kinds chosen stay. */
  show(entries, texts) {
    this.entries = entries;
    this.texts = texts;
    this.current = -1;
    this.#update();
  }

  /** Marks the entries of row `index` as the current ones, and brings the first into the list's view. */
  markRow(index) {
    this.current = index;
    for (const node of this.list.querySelectorAll('[aria-current]')) node.removeAttribute('aria-current');
    const at = this.#firstAtOrAfter(index);
    if (this.entries[this.visible[at]]?.row !== index) return;
    const button = this.#button(at);
    button.setAttribute('aria-current', 'true');
    this.#rove(button);
    // Within the list only: scrollIntoView would move the page too.
    const box = this.list.getBoundingClientRect();
    const place = button.getBoundingClientRect();
    if (place.top < box.top) this.list.scrollTop += place.top - box.top;
    else if (place.bottom > box.bottom) this.list.scrollTop += place.bottom - box.bottom;
  }

  /**
   * Keeps the list in step with the rows scrolled to: marks the first
   * change among rows `first` to `last` (those on the screen), if any.
   */
  follow([first, last]) {
    const row = this.entries[this.visible[this.#firstAtOrAfter(first)]]?.row;
    if (row !== undefined && row <= last && row !== this.current) this.markRow(row);
  }

  /** Where among the visible entries (in row order) the first of row `index` or later is. */
  #firstAtOrAfter(index) {
    let lo = 0;
    let hi = this.visible.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[this.visible[mid]].row < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #update() {
    const counts = new Map(Object.keys(CHANGE_KINDS).map((kind) => [kind, 0]));
    for (const entry of this.entries) {
      counts.set(entry.kind, counts.get(entry.kind) + 1);
      if (entry.moved) counts.set('moved', counts.get('moved') + 1);
    }
    this.kindsGroup.replaceChildren(
      ...Object.entries(CHANGE_KINDS)
        .filter(([kind]) => counts.get(kind) > 0)
        .map(([kind, name]) => {
          const button = element('button', `kind k-${kind}`, { type: 'button', 'data-kind': kind, 'aria-pressed': String(this.kinds.has(kind)) });
          button.textContent = `${name} ${number.format(counts.get(kind))}`;
          return button;
        }),
    );
    this.visible = [];
    this.entries.forEach((entry, i) => {
      if (entryMatches(entry, this.kinds)) this.visible.push(i);
    });
    const total = this.entries.length;
    const passages = counts.get('unattributed');
    const what = `${plural(total - passages, 'change', 'changes')}${passages ? `, ${plural(passages, 'unattributed passage', 'unattributed passages')}` : ''}`;
    this.countLine.textContent =
      total === 0 ? 'No changes.' : this.visible.length === total ? `${what}.` : `${number.format(this.visible.length)} of ${what} listed.`;
    this.#draw();
  }

  /** Lays out a placeholder per chunk of entries; each is filled as it nears the list's view. */
  #draw() {
    this.observer.disconnect();
    this.chunks = [];
    const chunks = [];
    for (let first = 0; first < this.visible.length; first += ENTRIES_PER_CHUNK) {
      const chunk = element('ol', 'entries', { start: String(first + 1) });
      const count = Math.min(ENTRIES_PER_CHUNK, this.visible.length - first);
      chunk.style.minHeight = `${count * ENTRY_ESTIMATE_PX}px`;
      chunks.push(chunk);
      this.observer.observe(chunk);
    }
    this.chunks = chunks;
    this.list.replaceChildren(...chunks);
    this.#fill(0);
    const first = this.list.querySelector('button[data-entry]');
    if (first) first.tabIndex = 0;
  }

  #onVisible(seen) {
    for (const entry of seen) if (entry.isIntersecting) this.#fill(this.chunks.indexOf(entry.target));
  }

  /** Draws the entries of chunk `at`. */
  #fill(at) {
    const chunk = this.chunks[at];
    if (!chunk || chunk.dataset.filled === 'true') return;
    chunk.dataset.filled = 'true';
    this.observer.unobserve(chunk);
    chunk.style.minHeight = '';
    const first = at * ENTRIES_PER_CHUNK;
    for (let n = first; n < Math.min(this.visible.length, first + ENTRIES_PER_CHUNK); n++) {
      const i = this.visible[n];
      const entry = this.entries[i];
      const item = element('li', `entry k-${entry.kind}`);
      const button = element('button', 'entry-go', { type: 'button', 'data-entry': String(i), 'data-at': String(n), tabindex: '-1' });
      const verdict = element('span', `badge b-${entry.kind === 'unattributed' ? 'copied' : entry.kind}${entry.kind === 'unattributed' ? ' unquoted' : ''}`);
      verdict.textContent = verdictOf(entry);
      const where = element('span', 'entry-row');
      where.textContent = `row ${number.format(entry.row + 1)}`;
      const text = element('span', 'entry-text');
      text.textContent = entryText(this.texts, entry);
      button.append(verdict, ' ', where, ' ', text);
      if (entry.row === this.current) button.setAttribute('aria-current', 'true');
      item.append(button);
      chunk.append(item);
    }
  }

  /** The button of visible entry `at` (its chunk drawn if need be). */
  #button(at) {
    this.#fill(Math.floor(at / ENTRIES_PER_CHUNK));
    return this.list.querySelector(`button[data-at="${at}"]`);
  }

  /** Makes `button` the list's one Tab stop. */
  #rove(button) {
    for (const other of this.list.querySelectorAll('button[tabindex="0"]')) other.tabIndex = -1;
    button.tabIndex = 0;
  }

  #choose(i) {
    const at = this.visible.indexOf(i);
    if (at >= 0) this.#rove(this.#button(at));
    this.go(this.entries[i]);
  }

  /** Up and down (Home, End, Page Up, Page Down) move along the list; Enter or Space goes (the button's click). */
  #key(event) {
    const button = event.target.closest?.('button[data-at]');
    if (!button || event.altKey || event.ctrlKey || event.metaKey) return;
    const at = Number(button.dataset.at);
    const last = this.visible.length - 1;
    const to = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: last,
      PageDown: at + 10,
      PageUp: at - 10,
    }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = this.#button(Math.max(0, Math.min(last, to)));
    this.#rove(next);
    next.focus();
  }
}
