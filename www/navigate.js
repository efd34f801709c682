// Moving from change to change: buttons, the keys n / j (next) and p / k
// (previous), and a counter ("Change 3 of 17"). Keys are ignored while the
// reader types in a text field.

export class Navigator {
  #changes = [];
  #at = -1;

  /** `focusRow(index)` shows a row; `counter`, `previous`, `next` are elements. */
  constructor({ focusRow, counter, previous, next }) {
    this.focusRow = focusRow;
    this.counter = counter;
    this.previousButton = previous;
    this.nextButton = next;
    previous.addEventListener('click', () => this.step(-1));
    next.addEventListener('click', () => this.step(1));
    document.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target.closest?.('input, textarea, select, [contenteditable]')) return;
      const direction = { n: 1, j: 1, p: -1, k: -1 }[event.key];
      if (!direction) return;
      event.preventDefault();
      this.step(direction);
    });
    this.#update();
  }

  /** Sets the row indices that are changes (in order). */
  setChanges(changes) {
    this.#changes = changes;
    this.#at = -1;
    this.#update();
  }

  /** Notes that row `index` was reached some other way (a click, a link). */
  reached(index) {
    const at = this.#changes.indexOf(index);
    if (at >= 0) {
      this.#at = at;
      this.#update();
    }
  }

  /** Goes to the next (1) or previous (-1) change. */
  step(direction) {
    if (this.#changes.length === 0) return;
    const last = this.#changes.length - 1;
    this.#at = this.#at < 0 ? (direction > 0 ? 0 : last) : Math.max(0, Math.min(last, this.#at + direction));
    this.focusRow(this.#changes[this.#at]);
    this.#update();
  }

  #update() {
    const total = this.#changes.length;
    this.counter.textContent =
      total === 0 ? 'No changes' : this.#at < 0 ? `${total} change${total === 1 ? '' : 's'}` : `Change ${this.#at + 1} of ${total}`;
    this.previousButton.disabled = total === 0 || this.#at === 0;
    this.nextButton.disabled = total === 0 || this.#at === total - 1;
  }
}
