// Shared setup for the end-to-end tests: serves the repository with
// scripts/serve.py and drives Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screenshots = join(root, 'tests', 'e2e', 'screenshots');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Starts the page's server on a free port; resolves to { url, origin, stop }. */
export function startServer() {
  return new Promise((resolve, reject) => {
    const server = spawn('python3', [join(root, 'scripts', 'serve.py'), '0'], {
      env: { ...process.env, QUIET: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      if (!output.includes('\n')) return;
      const url = output.split('\n')[0].trim();
      resolve({ url, origin: new URL(url).origin, stop: () => server.kill() });
    });
    server.on('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
  });
}

/** Launches headless Chromium (sandbox off: these tests run as root in CI). */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, chromiumSandbox: false });
}

/**
 * Starts a server and a browser before the tests of the calling file and
 * stops them after. Returns an object whose `server` and `browser` are set
 * once the tests run.
 */
export function serveAndBrowse() {
  const shared = {};
  before(async () => {
    shared.server = await startServer();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    shared.server?.stop();
  });
  return shared;
}

/**
 * Opens the page and waits until its first comparison is shown. Returns the
 * page, its context, and a list that collects console errors, uncaught
 * exceptions and dialogs (an alert() means something ran that must not).
 */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', async (dialog) => {
    errors.push(`dialog opened: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('html[data-compared]');
  return { page, context, errors };
}

/** How many comparisons the page has shown. */
export async function comparedCount(page) {
  return Number(await page.getAttribute('html', 'data-compared'));
}

/** Waits until the page shows a comparison newer than `before`. */
export async function waitForComparison(page, before) {
  await page.waitForFunction(
    (n) => Number(document.documentElement.dataset.compared) > n,
    before,
  );
}

/** Puts two texts in and waits for their comparison. */
export async function compareTexts(page, original, paraphrase) {
  const before = await comparedCount(page);
  await page.evaluate(
    ([o, p]) => {
      document.querySelector('#original').value = o;
      document.querySelector('#paraphrase').value = p;
    },
    [original, paraphrase],
  );
  await page.click('#compare');
  await waitForComparison(page, before);
}

/** Runs axe-core (WCAG 2.1 A and AA) on the page; returns its violations. */
export async function axeViolations(page) {
  await page.addScriptTag({ content: readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
}

export async function screenshot(page, name, options = { fullPage: true }) {
  mkdirSync(screenshots, { recursive: true });
  const path = join(screenshots, `${name}.png`);
  await page.screenshot({ path, ...options });
  return path;
}

export const read = (path) => readFileSync(join(root, path), 'utf8');
