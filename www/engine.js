// The page's side of the engine: runs comparisons in a Web Worker, one at a
// time. A new request replaces one still running (the worker is stopped and
// a fresh one started), so the newest texts always win; cancel() stops the
// running one the same way. After a crash (the engine trapped: out of memory
// or a panic) the worker is replaced too, since a trapped WebAssembly
// instance may be left in a broken state; the request fails with an
// EngineError whose kind says which ('refused', 'crashed', 'failed').

export class Cancelled extends Error {
  constructor() {
    super('The comparison was cancelled.');
    this.name = 'Cancelled';
  }
}

/** A comparison the engine refused ('refused'), died on ('crashed') or rejected ('failed'). */
export class EngineError extends Error {
  constructor(message, kind) {
    super(message);
    this.name = 'EngineError';
    this.kind = kind;
  }
}

export class Engine {
  #worker = null;
  #ready = null;
  #rules = null;
  #settleRules = null; // { resolve, reject } until the first worker has said
  #nextId = 1;
  #pending = null; // { id, resolve, reject }

  constructor() {
    this.#rules = new Promise((resolve, reject) => {
      this.#settleRules = { resolve, reject };
    });
    this.#rules.catch(() => {});
    this.#start();
  }

  #start() {
    this.#worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.#ready = new Promise((resolve, reject) => {
      const onReady = ({ data }) => {
        if (data.type === 'rules') this.#settleRules?.resolve(data.rules);
        if (data.type === 'ready') resolve();
        if (data.type === 'fatal') {
          const error = new Error(`The comparison engine could not start: ${data.error}`);
          this.#settleRules?.reject(error);
          reject(error);
        }
        if (data.type === 'rules' || data.type === 'fatal') this.#settleRules = null;
        if (data.type === 'ready' || data.type === 'fatal') this.#worker.removeEventListener('message', onReady);
      };
      this.#worker.addEventListener('message', onReady);
    });
    this.#ready.catch(() => {});
    this.#worker.addEventListener('message', ({ data }) => this.#answer(data));
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#restart(new EngineError(`The engine stopped unexpectedly (${event.message || 'unknown error'}).`, 'crashed'));
    });
  }

  /** Resolves once the engine has loaded (rejects if it cannot). */
  ready() {
    return this.#ready;
  }

  /**
   * Resolves to the engine's option rules (optionRules(): each option's
   * default and range), which its first worker hands over as soon as it has
   * loaded; rejects if it cannot start.
   */
  optionRules() {
    return this.#rules;
  }

  /** Whether a comparison is running. */
  get busy() {
    return this.#pending !== null;
  }

  /**
   * Compares two texts; resolves to the worker's answer ({ compact, stats,
   * complete, cutShort, timing }) or rejects (Cancelled when replaced).
   * `onProgress({ stage, step, share })` hears, a few times a second at
   * most, the stage the engine is in (its name, its place counted from 1)
   * and the share of it done (0 to 1).
   */
  compare(original, paraphrase, options, onProgress) {
    if (this.#pending) this.#restart(new Cancelled());
    return this.#request({ original, paraphrase, options }, onProgress);
  }

  /**
   * Compares one original with many rewrites (texts); resolves to { results:
   * [{ compact, stats, complete, cutShort, figures } or { error, kind }] }
   * in the order given. `onProgress({ done, total })` hears how far it is.
   */
  compareMany(original, rewrites, options, onProgress) {
    if (this.#pending) this.#restart(new Cancelled());
    return this.#request({ type: 'many', original, rewrites, options }, onProgress);
  }

  /**
   * Compares one text with many sources (texts); resolves to { comparisons:
   * [{ compact, stats, complete, cutShort, figures }], attribution } (see
   * worker.js).
   */
  compareSources(sources, text, options) {
    if (this.#pending) this.#restart(new Cancelled());
    return this.#request({ type: 'sources', sources, text, options });
  }

  /**
   * The last comparison's article-diff/1 model as JSON text; after many,
   * an array of models, each named from `names`.
   */
  json(names) {
    if (this.#pending) return Promise.reject(new Error('a comparison is still running'));
    return this.#request({ type: 'json', names }).then((answer) => answer.json);
  }

  #request(message, onProgress) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending = { id, resolve, reject, onProgress };
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
    if (data.type === 'progress') {
      this.#pending.onProgress?.(data);
      return;
    }
    if (data.ok) {
      this.#settle(data.id, (p) => p.resolve(data));
    } else if (data.kind === 'crashed') {
      this.#restart(new EngineError(data.error, 'crashed'));
    } else {
      this.#settle(data.id, (p) => p.reject(new EngineError(data.error, data.kind ?? 'failed')));
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
