// Keeps the page working offline once it has loaded: every file of the page
// is cached when the service worker installs, then the engine's languages
// build (which the worker loads only for a text not found English: it is
// not part of the page's own loading), so that offline every language
// compares too; a failure to fetch that build leaves the rest installed.
// Each request goes to the
// network first (so a rebuilt page is seen at once) and falls back to the
// cache when the network is gone. Only this origin's GET requests are
// handled; the page never asks for anything else.

const CACHE = 'article-diff-v1';
const SHELL = [
  './',
  './index.html',
  './www/about.js',
  './www/app.js',
  './www/batch.js',
  './www/changes.js',
  './www/coverage.js',
  './www/engine.js',
  './www/export.js',
  './www/findings.js',
  './www/folds.js',
  './www/io.js',
  './www/keep.js',
  './www/limits.js',
  './www/many.js',
  './www/model.js',
  './www/navigate.js',
  './www/overview.js',
  './www/peek.js',
  './www/permalink.js',
  './www/render.js',
  './www/sources.js',
  './www/state.js',
  './www/strip.js',
  './www/texts.js',
  './www/worker.js',
  './www/wording.js',
  './www/style.css',
  './www/icon.svg',
  './www/example/original.txt',
  './www/example/paraphrase.txt',
  './www/pkg/article_diff.js',
  './www/pkg/article_diff_bg.wasm',
];
const LANGUAGES = ['./www/pkg-lang/article_diff.js', './www/pkg-lang/article_diff_bg.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL).then(() => cache.addAll(LANGUAGES).catch(() => {})))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(async () => (await caches.match(request, { ignoreSearch: true })) ?? Response.error()),
  );
});
