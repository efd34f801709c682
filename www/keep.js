// The texts kept in this browser, so that they survive a reload: the texts
// of the boxes, the names given to them and the mode, in IndexedDB (texts
// can be megabytes; localStorage holds about five in all). Saved a moment
// after each change, read back once at the start, checked as a link's
// texts are (permalink.js textSet), deleted by "Forget these texts".
// Storage that is off or full loses nothing on the page: the keeper says
// so once (onRefused) and the page works on without it.

import { textSet } from './permalink.js';

const DATABASE = 'article-diff';
const STORE = 'texts';
const KEY = 'current';
const VERSION = 1;

/** How long after a change the texts are saved: typing is not saved key by key. */
const SAVE_AFTER_MS = 500;

/** How long the page waits for storage at the start before it goes on without. */
const LOAD_WAIT_MS = 3000;

/**
 * What is kept of `set` (TextFields.collect()): the mode and each text with
 * the name given to it (null for one the page names by its place); null
 * when every box is empty (nothing worth keeping).
 */
export function keptRecord(set) {
  const texts = (list) => list.map(({ own, text }) => ({ name: own ?? null, text }));
  const record = { version: VERSION, mode: set.mode, originals: texts(set.originals), rewrites: texts(set.rewrites) };
  const empty = [...record.originals, ...record.rewrites].every(({ name, text }) => text === '' && name === null);
  return empty ? null : record;
}

/** The texts of a kept record, checked ({ mode, originals, rewrites }), or null for one this page did not write. */
export function keptTexts(record) {
  if (!record || record.version !== VERSION) return null;
  try {
    return textSet(record);
  } catch {
    return null;
  }
}

class Unanswered extends Error {}

/** Why storage was refused, in words: full, silent, or off. */
function refusal(error) {
  if (error?.name === 'QuotaExceededError') return "this browser's storage for the page is full";
  if (error instanceof Unanswered) return "this browser's storage did not answer";
  return 'this browser does not let the page store anything';
}

function settled(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Keeps the texts in IndexedDB. `onRefused(reason)` is called once, the
 * first time storage fails (reason: a phrase such as "this browser's
 * storage for the page is full"); after that the keeper does nothing.
 * `onSaved()` after each save that reached storage.
 */
export class TextKeeper {
  #database = null; // the promise of the connection
  #opened = null; // the connection, once open
  #timer = 0;
  #pending = null;
  #refused = false;

  constructor({ onRefused, onSaved = () => {} }) {
    this.onRefused = onRefused;
    this.onSaved = onSaved;
  }

  /** Whether storage was refused (the texts last for this visit only). */
  get refused() {
    return this.#refused;
  }

  #open() {
    this.#database ??= new Promise((resolve, reject) => {
      // indexedDB may be missing, or open may throw (storage off): both reject.
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve((this.#opened = request.result));
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('the store is held by an older copy of the page'));
    });
    return this.#database;
  }

  /**
   * Runs `act(store)` (returning a request) in a transaction; resolves to
   * its result once written. With the connection open, the transaction
   * starts and is committed before this returns: a page being left
   * (pagehide) gets no later chance.
   */
  async #transaction(mode, act) {
    const database = this.#opened ?? (await this.#open());
    return new Promise((resolve, reject) => {
      const transaction = database.transaction(STORE, mode);
      const result = settled(act(transaction.objectStore(STORE)));
      result.catch(() => {}); // the transaction's own error reports it
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('the transaction was aborted'));
      transaction.commit?.();
    });
  }

  #refuse(error) {
    if (this.#refused) return;
    this.#refused = true;
    clearTimeout(this.#timer);
    this.#pending = null;
    this.onRefused(refusal(error));
  }

  /**
   * The texts kept by an earlier visit ({ mode, originals, rewrites }), or
   * null. Storage that does not answer within a few seconds counts as
   * refused: the page does not wait on it.
   */
  async load() {
    let timer = 0;
    const silence = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Unanswered()), LOAD_WAIT_MS);
    });
    try {
      return keptTexts(await Promise.race([this.#transaction('readonly', (store) => store.get(KEY)), silence]));
    } catch (error) {
      this.#refuse(error);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Saves the texts a moment from now, unless another change comes first;
   * `texts()` gives them (TextFields.collect()) when the moment comes, so
   * that a keystroke does not copy megabytes of text.
   */
  saveSoon(texts) {
    if (this.#refused) return;
    this.#pending = texts;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), SAVE_AFTER_MS);
  }

  /** Saves the texts waiting to be saved now (the page is being left). */
  async flush() {
    clearTimeout(this.#timer);
    const texts = this.#pending;
    this.#pending = null;
    if (!texts || this.#refused) return;
    const record = keptRecord(texts());
    try {
      await this.#transaction('readwrite', (store) => (record ? store.put(record, KEY) : store.delete(KEY)));
      this.onSaved();
    } catch (error) {
      this.#refuse(error);
      // A copy of earlier texts must not come back in their place.
      this.#transaction('readwrite', (store) => store.delete(KEY)).catch(() => {});
    }
  }

  /**
   * Deletes the kept texts (a save waiting is dropped). Resolves to true
   * when nothing is kept any more, false when storage could not be asked
   * (then nothing was kept either: it had refused).
   */
  async forget() {
    clearTimeout(this.#timer);
    this.#pending = null;
    if (this.#refused) return false;
    try {
      await this.#transaction('readwrite', (store) => store.delete(KEY));
      return true;
    } catch (error) {
      this.#refuse(error);
      return false;
    }
  }
}
