// The engine's thread: compares texts off the page's main thread, so that
// typing never waits for a comparison. Messages:
//   in:  { id, original, paraphrase, options } (one pair);
//        { id, type: 'many', original, rewrites: [text], options } (one
//        original, many rewrites: compareMany, a batch at a time, with
//        { id, type: 'progress', done, total } after each batch);
//        { id, type: 'sources', sources: [text], text, options } (one text,
//        many sources: compareSources); or { id, type: 'json', names } for
//        the last request's article-diff/1 model(s) as JSON text (after a
//        'many' request, an array of models, each with its `name` from
//        `names`, as the command line's `-f json` writes them; after
//        'sources', the one model of the text against its sources, as
//        `-f json --source ...` writes it, the sources named by `names`)
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
//
// Two builds of the engine: the core (./pkg, English) starts with the
// worker; the languages build (./pkg-lang, every language the engine
// knows) is loaded the first time a request has a text the core does not
// find English, or names another language (needsLanguages), and then
// answers every such request. While it loads, the page hears a progress
// stage "Loading language support"; if it cannot be loaded, the request
// fails with a message saying so: no English comparison of a text in
// another language is made in its place.
import init, * as core from './pkg/article_diff.js';
import { buffersOf } from './findings.js';
import { describeSize, utf8Length } from './limits.js';

const { maxInputBytes, optionRules, tooLargeMessage } = core;

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
  for (let round = 0; round < 3; round++) core.compare(text, shuffled).free();
}

// The languages build, once asked for: a promise of its module, ready.
let languagesBuild = null;
// The build that answered the last request (its lastFailure explains a trap).
let engine = core;

/**
 * The build that compares `texts` under `options`: the core, unless a text
 * needs the languages build (which is then loaded, once).
 */
async function engineFor(id, texts, options) {
  const language = typeof options?.language === 'string' ? options.language : 'auto';
  if (!texts.some((text) => core.needsLanguages(text, language))) return core;
  if (!languagesBuild) {
    postMessage({ id, type: 'progress', stage: 'Loading language support', step: 0, share: 0 });
    languagesBuild = import('./pkg-lang/article_diff.js').then(async (module) => {
      await module.default();
      return module;
    });
    // A failed load may be retried by the next request (the network may be back).
    languagesBuild.catch(() => {
      languagesBuild = null;
    });
  }
  try {
    return await languagesBuild;
  } catch (error) {
    throw new Error(
      `These texts are not in English (or the options name another language), and the engine's language support could not be loaded (${error?.message ?? error}). No comparison was made: English rules would give a wrong one.`,
    );
  }
}

// The last request's comparisons, kept in WebAssembly memory for a JSON
// export: one Comparison, or (after 'many' and 'sources') a list whose
// entries are a Comparison or the message saying why there is none; after
// 'sources' also the SourcesComparison, which writes the sources model.
let last = null;
let lastSources = null;

/** Frees what the last request kept. */
function forget() {
  if (Array.isArray(last)) {
    for (const kept of last) if (typeof kept !== 'string') kept.free();
  } else {
    last?.free();
  }
  last = null;
  lastSources?.free();
  lastSources = null;
}

/** The size check, before a text too long is copied into WebAssembly memory (which never shrinks again). */
function tooLarge(what, text) {
  const bytes = utf8Length(text);
  return bytes > maxInputBytes() ? tooLargeMessage(what, bytes) : null;
}

/** What crosses to the page of one comparison: its findings as typed arrays, its counts. */
function described(result) {
  return { compact: result.compact(), stats: result.stats, complete: result.complete, cutShort: result.cutShort, languages: result.languages };
}

/** The article-diff/1 model of `comparison` as JSON text with `name` first, or { name, error }. */
function namedJson(name, kept) {
  if (typeof kept === 'string') return JSON.stringify({ name, error: kept });
  const json = kept.json().trimStart();
  return `{"name":${JSON.stringify(name)},${json.slice(1)}`;
}

// Rewrites compared in one call into the engine: the original is read once
// a batch, and the page hears how far the work is after each.
const BATCH = 8;

async function answer(data) {
  if (data.type === 'json') {
    if (!last) throw new Error('there is no comparison to export');
    if (!Array.isArray(last)) return { json: last.json() };
    const names = data.names ?? [];
    if (lastSources) {
      // One model of the text against its sources, as `--source` writes it;
      // a source not compared is named with its message.
      const entries = last.map((kept, i) => ({ name: names[i] ?? `Source ${i + 1}`, error: typeof kept === 'string' ? kept : null }));
      return { json: `${lastSources.json(entries)}\n` };
    }
    return { json: `[\n${last.map((kept, i) => namedJson(names[i] ?? `Text ${i + 1}`, kept)).join(',\n')}\n]\n` };
  }
  if (data.type === 'many') {
    engine = await engineFor(data.id, [data.original, ...data.rewrites], data.options);
    return answerMany(data);
  }
  if (data.type === 'sources') {
    engine = await engineFor(data.id, [data.text, ...data.sources], data.options);
    return answerSources(data);
  }
  for (const side of ['original', 'paraphrase']) {
    const refused = tooLarge(`The ${side}`, data[side]);
    if (refused) throw new Refusal(refused);
  }
  engine = await engineFor(data.id, [data.original, data.paraphrase], data.options);
  const started = performance.now();
  // With the request's id, the engine posts its progress from this
  // worker's global scope as it goes ({ id, type: 'progress', stage, … }).
  const result = engine.compare(data.original, data.paraphrase, data.options, data.id);
  const engineTime = performance.now() - started;
  const reply = described(result);
  const crossing = performance.now() - started - engineTime;
  forget();
  last = result;
  return { ...reply, timing: { engine: engineTime, crossing } };
}

/**
 * One original, many rewrites: each rewrite's findings and figures, or the
 * message why it was not compared (too large, or refused by the engine);
 * the others are compared all the same.
 */
function answerMany({ id, original, rewrites, options }) {
  const refused = tooLarge('The original', original);
  if (refused) throw new Refusal(refused);
  forget();
  const kept = new Array(rewrites.length);
  const results = new Array(rewrites.length);
  const started = performance.now();
  const compareBatch = (indices) => {
    if (indices.length === 0) return;
    for (const [at, result] of engine.compareMany(original, indices.map((i) => rewrites[i]), options).entries()) {
      kept[indices[at]] = result;
      results[indices[at]] = { ...described(result), figures: result.figures };
    }
  };
  for (let first = 0; first < rewrites.length; first += BATCH) {
    const batch = [];
    for (let i = first; i < Math.min(rewrites.length, first + BATCH); i++) {
      const message = tooLarge('This rewrite', rewrites[i]);
      if (message) {
        kept[i] = message;
        results[i] = { error: message, kind: 'refused' };
      } else {
        batch.push(i);
      }
    }
    try {
      compareBatch(batch);
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError || error instanceof RangeError) throw error;
      // One of the batch was refused: compare each alone to say which.
      for (const i of batch) {
        if (results[i]) continue;
        try {
          compareBatch([i]);
        } catch (alone) {
          if (alone instanceof WebAssembly.RuntimeError || alone instanceof RangeError) throw alone;
          const message = String(alone?.message ?? alone);
          kept[i] = message;
          results[i] = { error: message, kind: 'failed' };
        }
      }
      // Refused alone, each for the reason the batch was: the request
      // itself (a bad option), not a rewrite.
      if (batch.length > 1 && batch.every((i) => results[i].error === String(error?.message ?? error))) throw error;
    }
    postMessage({ id, type: 'progress', done: Math.min(rewrites.length, first + BATCH), total: rewrites.length });
  }
  last = kept;
  return { results, timing: { engine: performance.now() - started } };
}

/**
 * One text, many sources: each source's comparison (or, for a source over
 * the size limit, the message why there is none) and the attribution among
 * the others, its source numbers those of all the sources given.
 */
function answerSources({ sources, text, options }) {
  const refused = tooLarge('The text', text);
  if (refused) throw new Refusal(refused);
  forget();
  const results = sources.map((source) => {
    const message = tooLarge('This source', source);
    return message ? { error: message, kind: 'refused' } : null;
  });
  const compared = results.flatMap((result, i) => (result ? [] : [i]));
  if (compared.length === 0) throw new Refusal(results[0].error.replace('This source', 'Every source'));
  const started = performance.now();
  const result = engine.compareSources(compared.map((i) => sources[i]), text, options);
  try {
    const comparisons = result.comparisons;
    comparisons.forEach((comparison, j) => {
      results[compared[j]] = { ...described(comparison), figures: comparison.figures };
    });
    last = results.map((one, i) => (one.error ? one.error : comparisons[compared.indexOf(i)]));
    const attribution = result.attribution();
    for (const part of [attribution.runs, attribution.pairs]) part.source = part.source.map((j) => compared[j]);
    const perSource = sources.map(() => null);
    attribution.perSource.forEach((stats, j) => {
      perSource[compared[j]] = stats;
    });
    attribution.perSource = perSource;
    lastSources = result;
    return { comparisons: results, attribution, timing: { engine: performance.now() - started } };
  } catch (error) {
    result.free();
    throw error;
  }
}

/** Every buffer of a reply, for postMessage's transfer list (moved, not copied). */
function transferables(reply) {
  if (reply.compact) return buffersOf(reply.compact);
  const each = reply.results ?? reply.comparisons ?? [];
  const buffers = each.flatMap((one) => (one.compact ? buffersOf(one.compact) : []));
  const a = reply.attribution;
  if (a) for (const part of [a.runs, a.pairs]) buffers.push(part.source.buffer, part.index.buffer, part.words.buffer);
  return buffers;
}

class Refusal extends Error {}

/** What to tell the reader when a call into the engine trapped. */
function crashMessage(error) {
  let failure;
  try {
    failure = engine.lastFailure();
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
    const reply = await answer(data);
    postMessage({ id: data.id, ok: true, ...reply }, transferables(reply));
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
