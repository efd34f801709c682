// The engine's thread: compares texts off the page's main thread, so that
// typing never waits for a comparison. Messages:
//   in:  { id, original, paraphrase, options }
//   out: { type: 'ready' } once, then { id, ok: true, model, elapsed }
//        or { id, ok: false, error }; { type: 'fatal', error } if the
//        engine cannot start.
import init, { compare } from './pkg/article_diff.js';

const ready = init().then(
  () => postMessage({ type: 'ready' }),
  (error) => postMessage({ type: 'fatal', error: String(error?.message ?? error) }),
);

addEventListener('message', async ({ data }) => {
  await ready;
  const { id, original, paraphrase, options } = data;
  const started = performance.now();
  try {
    const model = compare(original, paraphrase, options);
    postMessage({ id, ok: true, model, elapsed: performance.now() - started });
  } catch (error) {
    postMessage({ id, ok: false, error: String(error?.message ?? error) });
  }
});
