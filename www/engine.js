// The page's side of the engine: runs comparisons in a Web Worker, one at a
// time. A new request replaces one still running (the worker is stopped and
// a fresh one started), so the newest texts always win; cancel() stops the
// running one the same way. After an error the worker is replaced too, since
// a failed WebAssembly instance may be left in a broken state.

export class Cancelled extends Error {
  constructor() {
    super('The comparison was cancelled.');
    this.name = 'Cancelled';
  }
}

export class Engine {
  #worker = null;
  #ready = null;
  #nextId = 1;
  #pending = null; // { id, resolve, reject }

  constructor() {
    this.#start();
  }

  #start() {
    this.#worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.#ready = new Promise((resolve, reject) => {
      const onReady = ({ data }) => {
        if (data.type === 'ready') resolve();
        if (data.type === 'fatal') reject(new Error(`The comparison engine could not start: ${data.error}`));
        if (data.type === 'ready' || data.type === 'fatal') this.#worker.removeEventListener('message', onReady);
      };
      this.#worker.addEventListener('message', onReady);
    });
    this.#ready.catch(() => {});
    this.#worker.addEventListener('message', ({ data }) => this.#answer(data));
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#restart(new Error(`The comparison engine stopped: ${event.message || 'unknown error'}`));
    });
  }

  /** Resolves once the engine has loaded (rejects if it cannot). */
  ready() {
    return this.#ready;
  }

  /** Whether a comparison is running. */
  get busy() {
    return this.#pending !== null;
  }

  /**
   * Compares two texts; resolves to the worker's answer ({ compact, stats,
   * complete, cutShort, timing }) or rejects (Cancelled when replaced).
   */
  compare(original, paraphrase, options) {
    if (this.#pending) this.#restart(new Cancelled());
    return this.#request({ original, paraphrase, options });
  }

  /** The last comparison's article-diff/1 model as JSON text. */
  json() {
    if (this.#pending) return Promise.reject(new Error('a comparison is still running'));
    return this.#request({ type: 'json' }).then((answer) => answer.json);
  }

  #request(message) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending = { id, resolve, reject };
      this.#ready.then(
        () => this.#worker.postMessage({ id, ...message }),
        (error) => this.#settle(id, () => reject(error)),
      );
    });
  }

  /** Stops the running comparison, if any. */
  cancel() {
    if (this.#pending) this.#restart(new Cancelled());
  }

  #answer(data) {
    if (data.id === undefined || !this.#pending || data.id !== this.#pending.id) return;
    if (data.ok) {
      this.#settle(data.id, (p) => p.resolve(data));
    } else {
      this.#restart(new Error(data.error));
    }
  }

  #settle(id, action) {
    const pending = this.#pending;
    if (!pending || pending.id !== id) return;
    this.#pending = null;
    action(pending);
  }

  /** Replaces the worker with a fresh one; the pending request fails with `reason`. */
  #restart(reason) {
    const pending = this.#pending;
    this.#pending = null;
    this.#worker.terminate();
    this.#start();
    pending?.reject(reason);
  }
}
