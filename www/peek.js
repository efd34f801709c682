// Source peek: a copied (or moved) passage whose counterpart is off the
// screen shows the counterpart's sentence in a popover, its matching words
// marked, with "Go to source"; after going, the passage you arrive at offers
// "Back" to the one you came from. Shown by hovering (after a short delay;
// it stays while the pointer moves into it), by focus (however the passage
// got it; Tab then reaches the buttons) and by a tap on a touch screen (a
// tap outside or Escape closes it). When the counterpart is on the screen
// the rows' own linked highlight is enough and no popover opens. Text
// reaches the popover only as text nodes.

import { element } from './render.js';

const HOVER_DELAY_MS = 350;
const LEAVE_DELAY_MS = 300;
// Of a longer sentence, this many characters either side of the passage.
const CONTEXT_CHARS = 300;
const SOFT_BREAK = /\r\n|[\n\r\u0085\u2028]/g;

/** Whether some of `node` is inside the window. */
function onScreen(node) {
  const box = node.getBoundingClientRect();
  return box.height > 0 && box.bottom > 0 && box.top < document.documentElement.clientHeight;
}

export class SourcePeek {
  /** Watches the passages of `rowsView` (render.js RowsView). */
  constructor(rowsView) {
    this.rowsView = rowsView;
    this.anchor = null;
    this.back = null; // { origin, destination } after going to a counterpart
    this.pointerOver = false;
    this.pinned = false;
    this.#build();
    const rows = rowsView.container;
    rows.addEventListener('pointerover', (event) => this.#onPointerOver(event));
    rows.addEventListener('pointerout', (event) => this.#onPointerOut(event));
    rows.addEventListener('focusin', (event) => this.#onFocusIn(event));
    rows.addEventListener('focusout', (event) => this.#onFocusOut(event));
    rows.addEventListener('keydown', (event) => this.#onAnchorKey(event));
    // Before the rows' own click (which goes to the counterpart): a tap
    // shows the popover instead.
    rows.addEventListener('click', (event) => this.#onTap(event), true);
    document.addEventListener('pointerdown', (event) => {
      this.lastPointer = event.pointerType;
      if (this.anchor && !this.box.contains(event.target) && !this.anchor.contains(event.target)) this.close();
    }, true);
    document.addEventListener('keydown', (event) => this.#onEscape(event));
    addEventListener('resize', () => {
      if (this.anchor) this.#place(this.anchor);
    });
  }

  #build() {
    this.box = element('div', 'peek', { id: 'peek', role: 'dialog', 'aria-labelledby': 'peek-heading' });
    this.box.hidden = true;
    this.heading = element('p', 'peek-heading', { id: 'peek-heading' });
    this.sentence = element('blockquote', 'peek-sentence', { id: 'peek-sentence' });
    this.hint = element('p', 'peek-hint');
    this.hint.textContent = 'Tab reaches the button; Escape closes.';
    this.button = element('button', 'peek-go', { type: 'button' });
    this.button.textContent = 'Go to source';
    this.button.addEventListener('click', () => this.#act());
    const tools = element('div', 'peek-tools');
    tools.append(this.button);
    this.box.append(this.heading, this.sentence, tools, this.hint);
    this.box.addEventListener('pointerenter', () => {
      this.pointerOver = true;
      clearTimeout(this.hideTimer);
    });
    this.box.addEventListener('pointerleave', () => {
      this.pointerOver = false;
      this.#hideSoon();
    });
    this.box.addEventListener('focusout', (event) => {
      if (!this.#holds(event.relatedTarget)) this.#hideSoon();
    });
    this.box.addEventListener('keydown', (event) => this.#onBoxKey(event));
    document.body.append(this.box);
  }

  /** Whether `node` is the anchor or inside the popover. */
  #holds(node) {
    return !!node && !!this.anchor && (node === this.anchor || this.box.contains(node));
  }

  /** The passage an event is about: a copied passage with a counterpart. */
  #passageOf(event) {
    const node = event.target.closest?.('[data-run]');
    return node && node.dataset.target !== undefined ? node : null;
  }

  // ---- what opens it -------------------------------------------------------

  #onPointerOver(event) {
    if (event.pointerType === 'touch') return;
    const node = this.#passageOf(event);
    if (!node) return;
    if (node === this.anchor) {
      this.pointerOver = true;
      clearTimeout(this.hideTimer);
      return;
    }
    clearTimeout(this.showTimer);
    this.showTimer = setTimeout(() => {
      if (node.matches(':hover') && this.open(node)) this.pointerOver = true;
    }, HOVER_DELAY_MS);
  }

  #onPointerOut(event) {
    const node = this.#passageOf(event);
    if (!node || node.contains(event.relatedTarget)) return;
    clearTimeout(this.showTimer);
    if (node === this.anchor && !this.box.contains(event.relatedTarget)) {
      this.pointerOver = false;
      this.#hideSoon();
    }
  }

  #onFocusIn(event) {
    const node = this.#passageOf(event);
    if (!node) return;
    const from = event.relatedTarget;
    // Going to the counterpart (Enter, a click, "Go to source") lands here:
    // the passage left is where "Back" returns.
    const origin = this.going ?? (from?.dataset?.run === node.dataset.run && from.dataset.side !== node.dataset.side ? from : null);
    if (origin && origin !== node) this.back = { origin, destination: node };
    if (this.quiet === node) return;
    this.open(node, { byKeyboard: node.matches(':focus-visible') });
  }

  #onFocusOut(event) {
    const node = this.#passageOf(event);
    if (!node) return;
    if (this.quiet === node) this.quiet = null;
    if (node === this.anchor && !this.#holds(event.relatedTarget)) this.#hideSoon();
  }

  #onTap(event) {
    if (this.lastPointer !== 'touch') return;
    const node = this.#passageOf(event);
    if (!node) return;
    if (node === this.anchor || this.open(node)) {
      // Shown, not followed: "Go to source" does that.
      event.stopPropagation();
      event.preventDefault();
      this.pinned = true;
    }
  }

  // ---- keys ----------------------------------------------------------------

  #onAnchorKey(event) {
    if (this.anchor && event.target === this.anchor && event.key === 'Tab' && !event.shiftKey) {
      event.preventDefault();
      this.button.focus();
    }
  }

  /** Closes the popover if it is open; says whether it was (Escape on a passage closes it before anything else). */
  dismiss() {
    if (!this.anchor) return false;
    this.close();
    return true;
  }

  /** Escape closes the popover wherever focus is (a hovered one too). */
  #onEscape(event) {
    if (event.key !== 'Escape' || !this.anchor || this.box.contains(event.target)) return;
    event.preventDefault();
    this.close();
  }

  #onBoxKey(event) {
    if (event.key === 'Escape' || event.key === 'Tab') {
      // Out of the popover, back to its passage, which keeps it closed
      // until focus leaves it (the next Tab goes on from there).
      event.preventDefault();
      const anchor = this.anchor;
      this.close();
      this.quiet = anchor;
      anchor?.focus();
    }
  }

  // ---- showing -------------------------------------------------------------

  /**
   * Opens the popover at passage `node` if its counterpart (or, arriving
   * from one, the passage it came from) is off the screen; returns whether
   * it is open there.
   */
  open(node, { byKeyboard = false } = {}) {
    clearTimeout(this.hideTimer);
    clearTimeout(this.showTimer);
    if (node === this.anchor) return true;
    const { rowsView } = this;
    const where = rowsView.counterpartOf(node);
    if (!where || where.index < 0 || !rowsView.findings) return false;
    const backing = this.back?.destination === node && this.back.origin.isConnected;
    const run = node.dataset.run;
    // The counterpart's passages, or (the inline view shows no copied
    // words of the original) its row.
    const shown = Array.from(rowsView.container.querySelectorAll(`[data-run="${run}"][data-side="${where.side}"]`));
    if (shown.length === 0) shown.push(rowsView.container.querySelector(`[data-index="${where.index}"]`));
    if (shown.some((other) => other && onScreen(other))) return false;
    this.close();
    this.anchor = node;
    this.mode = backing ? 'back' : 'go';
    const row = rowsView.rows[where.index];
    const sideName = where.side === 'original' ? 'the original' : 'the paraphrase';
    this.heading.textContent = backing
      ? `You came from row ${where.index + 1}, in ${sideName}:`
      : `${where.side === 'original' ? 'Source' : 'Kept'} in ${sideName}, row ${where.index + 1}:`;
    this.#fillSentence(where.side, row[where.side], Number(run));
    this.button.textContent = backing ? 'Back' : 'Go to source';
    this.button.title = backing ? 'Back to the passage you came from' : 'Go to this passage in its row';
    this.hint.hidden = !byKeyboard;
    node.setAttribute('aria-describedby', 'peek-sentence');
    this.box.hidden = false;
    this.#place(node);
    return true;
  }

  /**
   * The sentence over `range` of `side`, the words of `run` marked; of a
   * very long one (a text with no sentence ends), the part around them.
   */
  #fillSentence(side, range, run) {
    const { findings } = this.rowsView;
    const text = findings.texts[side];
    const spans = findings.spansIn(side, range);
    const matches = spans.filter((span) => span.run === run);
    let [from, to] = range;
    if (to - from > 2 * CONTEXT_CHARS && matches.length) {
      from = Math.max(from, matches[0].start - CONTEXT_CHARS);
      to = Math.min(to, matches[matches.length - 1].end + CONTEXT_CHARS);
    }
    const parts = from > range[0] ? ['… '] : [];
    for (const span of findings.spansIn(side, [from, to])) {
      const piece = text.slice(Math.max(span.start, from), Math.min(span.end, to)).replace(SOFT_BREAK, ' ');
      if (span.run === run) {
        // White space at the edges stays outside the mark.
        const [, lead, core, trail] = piece.match(/^(\s*)(.*?)(\s*)$/s);
        const match = element('mark', 'peek-match');
        match.textContent = core;
        parts.push(...[lead, match, trail].filter((part) => part !== ''));
      } else {
        parts.push(piece);
      }
    }
    if (to < range[1]) parts.push(' …');
    this.sentence.replaceChildren(...parts);
  }

  /** Below the passage if there is room, else above; inside the window. */
  #place(node) {
    const box = node.getBoundingClientRect();
    const width = Math.min(this.box.offsetWidth, document.documentElement.clientWidth - 16);
    const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    const height = this.box.offsetHeight;
    const below = box.bottom + 6 + height <= document.documentElement.clientHeight || box.top < height + 6;
    const top = below ? box.bottom + 6 : box.top - 6 - height;
    this.box.style.left = `${left + scrollX}px`;
    this.box.style.top = `${top + scrollY}px`;
  }

  #hideSoon() {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      const focused = this.#holds(document.activeElement);
      if (this.anchor && !focused && !this.pointerOver && !this.pinned) this.close();
    }, LEAVE_DELAY_MS);
  }

  close() {
    clearTimeout(this.hideTimer);
    clearTimeout(this.showTimer);
    this.anchor?.removeAttribute('aria-describedby');
    this.anchor = null;
    this.pinned = false;
    this.pointerOver = false;
    this.box.hidden = true;
  }

  /** "Go to source" or "Back". */
  #act() {
    const anchor = this.anchor;
    if (!anchor) return;
    if (this.mode === 'back') {
      const { origin } = this.back;
      this.back = null;
      this.close();
      origin.scrollIntoView({ block: 'center' });
      origin.focus({ preventScroll: true });
      return;
    }
    this.close();
    this.going = anchor;
    try {
      this.rowsView.goToCounterpart(anchor);
    } finally {
      this.going = null;
    }
  }
}
