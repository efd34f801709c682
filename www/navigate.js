// Walking through the places a reader wants to see, one at a time: the
// changes (keys n / j next, p / k previous, "Change 3 of 17") and the
// unattributed passages (keys u next, shift+u previous, "Unattributed
// passage 2 of 5"). Each walk has its buttons and counter. Keys are ignored
// while the reader types in a text field.

const CHANGE_WORDS = {
  none: 'No changes',
  count: (total) => `${total} change${total === 1 ? '' : 's'}`,
  at: (position, total) => `Change ${position} of ${total}`,
};

export class Navigator {
  #items = [];
  #at = -1;

  /**
   * `go(item)` shows an item; `counter`, `previous`, `next` are elements;
   * `keys` maps a key to a direction; `words` says where the walk is;
   * `active()` says whether the keys work now.
   */
  constructor({ go, counter, previous, next, keys = { n: 1, j: 1, p: -1, k: -1 }, words = CHANGE_WORDS, active = () => true }) {
    this.go = go;
    this.counter = counter;
    this.previousButton = previous;
    this.nextButton = next;
    this.words = words;
    previous.addEventListener('click', () => this.step(-1));
    next.addEventListener('click', () => this.step(1));
    document.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target.closest?.('input, textarea, select, [contenteditable]')) return;
      const direction = keys[event.key];
      if (!direction || !active()) return;
      event.preventDefault();
      this.step(direction);
    });
    this.#update();
  }

  /** Sets the items to walk through (in order) and starts again. */
  setItems(items) {
    this.#items = items;
    this.#at = -1;
    this.#update();
  }

  /** Notes that `item` was reached some other way (a click, a link). */
  reached(item) {
    const at = this.#items.indexOf(item);
    if (at >= 0) {
      this.#at = at;
      this.#update();
    }
  }

  /** Goes to the first item. */
  first() {
    this.#at = -1;
    this.step(1);
  }

  /** Goes to the next (1) or previous (-1) item. */
  step(direction) {
    if (this.#items.length === 0) return;
    const last = this.#items.length - 1;
    this.#at = this.#at < 0 ? (direction > 0 ? 0 : last) : Math.max(0, Math.min(last, this.#at + direction));
    this.go(this.#items[this.#at]);
    this.#update();
  }

  #update() {
    const total = this.#items.length;
    this.counter.textContent =
      total === 0 ? this.words.none : this.#at < 0 ? this.words.count(total) : this.words.at(this.#at + 1, total);
    this.previousButton.disabled = total === 0 || this.#at === 0;
    this.nextButton.disabled = total === 0 || this.#at === total - 1;
  }
}
