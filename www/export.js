// Taking a comparison away: a standalone HTML report (the page's own
// rendering, its stylesheet inline, no script, works offline). The JSON
// model comes from the engine itself (Engine.json).

import { rowsOf } from './model.js';
import { element, fillRow, renderSummary, rowShell } from './render.js';

/** The page's stylesheet as text (same origin, so its rules are readable). */
function styleText() {
  return [...document.styleSheets]
    .filter((sheet) => sheet.href?.endsWith('/style.css'))
    .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
    .join('\n');
}

/**
 * A whole HTML document reporting the comparison. Text is set with
 * textContent and serialized by the browser, so it comes out escaped; the
 * report's Content-Security-Policy forbids scripts and remote loads anyway.
 */
export function reportHtml(findings, { view, order, showUnattributed }) {
  const body = element('body', showUnattributed ? 'report' : 'report hide-unquoted');
  const header = element('header');
  const title = element('h1');
  title.textContent = 'How the paraphrase was made from the original';
  const made = element('p', 'made');
  made.textContent = `Made by article-diff on ${new Date().toISOString().slice(0, 10)}.`;
  const summary = element('section', 'summary');
  renderSummary(summary, findings);
  header.append(title, made, summary, document.querySelector('.legend').cloneNode(true));
  const rows = rowsOf(findings, order);
  const container = element('div', `rows view-${view}`);
  rows.forEach((row, index) => {
    const shell = rowShell(row, index);
    fillRow(shell, row, findings, view);
    shell.removeAttribute('tabindex');
    container.append(shell);
  });
  for (const focusable of container.querySelectorAll('[tabindex]')) focusable.removeAttribute('tabindex');
  const main = element('main');
  if (view === 'side') main.append(document.querySelector('.columns-head').cloneNode(true));
  main.append(container);
  body.append(header, main);
  return [
    '<!doctype html>',
    '<html lang="en" data-theme="auto">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<title>article-diff report</title>',
    `<style>\n${styleText()}\n</style>`,
    '</head>',
    body.outerHTML,
    '</html>',
    '',
  ].join('\n');
}
