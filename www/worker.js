// The engine's thread: compares texts off the page's main thread, so that
// typing never waits for a comparison. Messages:
//   in:  { id, original, paraphrase, options }, or { id, type: 'json' } for
//        the last comparison's article-diff/1 model as JSON text
//   out: { type: 'rules', rules } (the options' defaults and ranges, from
//        optionRules()) and { type: 'ready' } once, then per request
//        { id, ok: true, ... } or
//        { id, ok: false, error, kind }; { type: 'fatal', error } if the
//        engine cannot start. `kind` is 'refused' (a text over the size
//        limit: nothing was sent to the engine), 'crashed' (the engine
//        trapped: it ran out of memory or panicked, and this worker must be
//        replaced) or 'failed' (an error the engine reported, such as a bad
//        option; the worker stays usable).
// A comparison's findings travel as typed arrays, transferred, not copied.
import init, { compare, lastFailure, maxInputBytes, optionRules, tooLargeMessage } from './pkg/article_diff.js';
import { buffersOf } from './findings.js';
import { describeSize, utf8Length } from './limits.js';

const ready = init().then(
  () => {
    // Before the warm-up: the page waits for them to show its options.
    postMessage({ type: 'rules', rules: optionRules() });
    warmUp();
    postMessage({ type: 'ready' });
  },
  (error) => postMessage({ type: 'fatal', error: String(error?.message ?? error) }),
);

/**
 * V8 runs WebAssembly first with its baseline compiler and optimizes a hot
 * function only for its later calls; a long comparison, which calls the hot
 * functions once each, would run on baseline code throughout. A small
 * comparison at start (some 40 ms, off the page's thread) gets them
 * optimized before the first real one.
 */
function warmUp() {
  const words = 'the council voted to build a new bridge across the river after years of debate'.split(' ');
  const sentence = (i) => `${words.map((w, j) => words[(i * 7 + j * 3) % words.length]).join(' ')}.`;
  const text = Array.from({ length: 600 }, (_, i) => sentence(i)).join(' ');
  const shuffled = Array.from({ length: 600 }, (_, i) => sentence((i * 13) % 600)).join(' ');
  for (let round = 0; round < 3; round++) compare(text, shuffled).free();
}

// The last comparison, kept in WebAssembly memory for a JSON export.
let last = null;

function answer(data) {
  if (data.type === 'json') {
    if (!last) throw new Error('there is no comparison to export');
    return { json: last.json() };
  }
  // Checked here, before a text too long is copied into WebAssembly memory
  // (which never shrinks again).
  for (const side of ['original', 'paraphrase']) {
    const bytes = utf8Length(data[side]);
    if (bytes > maxInputBytes()) throw new Refusal(tooLargeMessage(`The ${side}`, bytes));
  }
  const started = performance.now();
  const result = compare(data.original, data.paraphrase, data.options);
  const engine = performance.now() - started;
  const compact = result.compact();
  const crossing = performance.now() - started - engine;
  last?.free();
  last = result;
  return { compact, stats: result.stats, complete: result.complete, cutShort: result.cutShort, timing: { engine, crossing } };
}

class Refusal extends Error {}

/** What to tell the reader when a call into the engine trapped. */
function crashMessage(error) {
  let failure;
  try {
    failure = lastFailure();
  } catch {
    failure = undefined; // the instance is too broken even for that
  }
  if (failure?.kind === 'memory') {
    return `The engine ran out of memory: the browser refused it ${describeSize(failure.requested)} more while it held ${describeSize(failure.held)}.`;
  }
  if (failure?.kind === 'panic') {
    // "panicked at src/x.rs:1:2:\nmessage": the message, then where.
    const [where, ...what] = failure.message.split('\n');
    return `The engine hit an internal error (${what.join(' ') || where}; ${where.replace(/:$/, '')}). Please report it with the two texts.`;
  }
  return `The engine stopped unexpectedly (${error.message}).`;
}

addEventListener('message', async ({ data }) => {
  await ready;
  try {
    const reply = answer(data);
    postMessage({ id: data.id, ok: true, ...reply }, reply.compact ? buffersOf(reply.compact) : []);
  } catch (error) {
    if (error instanceof Refusal) {
      postMessage({ id: data.id, ok: false, kind: 'refused', error: error.message });
    } else if (error instanceof WebAssembly.RuntimeError || error instanceof RangeError) {
      // A trap (or JavaScript out of memory): this instance cannot be trusted.
      console.error(error);
      postMessage({ id: data.id, ok: false, kind: 'crashed', error: crashMessage(error) });
    } else {
      postMessage({ id: data.id, ok: false, kind: 'failed', error: String(error?.message ?? error) });
    }
  }
});
