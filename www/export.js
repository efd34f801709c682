// Taking a comparison away: a standalone HTML report (the page's own
// rendering, its stylesheet inline, no script, works offline), for one
// comparison or for many (the overview, the coverage or the sources, then
// every comparison). The JSON model comes from the engine itself
// (Engine.json); the overview's CSV from overview.js.

import { inputInWords, optionsInWords, whenOf } from './about.js';
import { coverageView, overviewTable, sourcesLegend, sourcesText } from './many.js';
import { rowsOf } from './model.js';
import { element, fillRow, renderSummary, rowShell } from './render.js';
import { sourceTitle } from './sources.js';

/** The page's stylesheet as text (same origin, so its rules are readable). */
function styleText() {
  return [...document.styleSheets]
    .filter((sheet) => sheet.href?.endsWith('/style.css'))
    .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
    .join('\n');
}

/** One comparison's summary and rows, in `view` and `order`. */
function comparisonParts(findings, { view, order }) {
  const summary = element('section', 'summary');
  renderSummary(summary, findings);
  const rows = rowsOf(findings, order);
  const container = element('div', `rows view-${view}`);
  rows.forEach((row, index) => {
    const shell = rowShell(row, index);
    fillRow(shell, row, findings, view);
    shell.removeAttribute('tabindex');
    container.append(shell);
  });
  for (const focusable of container.querySelectorAll('[tabindex]')) focusable.removeAttribute('tabindex');
  const parts = [];
  if (view === 'side') parts.push(document.querySelector('.columns-head').cloneNode(true));
  parts.push(container);
  return { summary, rows: parts };
}

/**
 * What the report compared (`about`: { inputs: [{ role, name, words }],
 * date, options }): each input with its words, when the report was made
 * (in words and ISO 8601) and the options in words.
 */
function aboutBlock({ inputs, date, options }) {
  const block = element('dl', 'about');
  const entry = (term, ...details) => {
    const dt = element('dt');
    dt.textContent = term;
    const dd = element('dd');
    dd.append(...details);
    block.append(dt, dd);
  };
  const list = element('ul');
  for (const input of inputs) {
    const item = element('li');
    item.textContent = inputInWords(input);
    list.append(item);
  }
  entry(inputs.length === 2 ? 'Texts' : `${inputs.length} texts`, list);
  const { iso, readable } = whenOf(date);
  const time = element('time', '', { datetime: iso });
  time.textContent = readable;
  entry('Date', time, ` (${iso})`);
  entry('Options', optionsInWords(options));
  return block;
}

/** The report's header: its title, what it compared (aboutBlock), then `more`. */
function header(heading, about, ...more) {
  const head = element('header');
  const title = element('h1');
  title.textContent = heading;
  const made = element('p', 'made');
  made.textContent = 'Made by article-diff.';
  head.append(title, made, aboutBlock(about), ...more);
  return head;
}

/**
 * A whole HTML document of `body`. Text is set with textContent and
 * serialized by the browser, so it comes out escaped; the report's
 * Content-Security-Policy forbids scripts and remote loads anyway.
 */
function documentOf(body) {
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

/** A whole HTML document reporting one comparison; `about` as aboutBlock takes it. */
export function reportHtml(findings, settings, about) {
  const body = element('body', settings.showUnattributed ? 'report' : 'report hide-unquoted');
  const { summary, rows } = comparisonParts(findings, settings);
  const main = element('main');
  main.append(...rows);
  body.append(header('How the paraphrase was made from the original', about, summary, document.querySelector('.legend').cloneNode(true)), main);
  return documentOf(body);
}

/**
 * A whole HTML document reporting many comparisons: `many` is { mode,
 * entries: [{ name, findings, figures } or { name, error }], coverage } for
 * many rewrites, or { mode: 'sources', entries, sources, text } for one
 * text against several sources (sources.js's sourcesOf). The overview (or
 * the sources) first, then each comparison in a section of its own
 * (`id="rewrite-N"`, from 1), as the command line's `-f html` has it.
 * `about` as aboutBlock takes it.
 */
export function manyReportHtml(many, settings, about) {
  const body = element('body', settings.showUnattributed ? 'report many-report' : 'report many-report hide-unquoted');
  const main = element('main');
  let heading;
  if (many.mode === 'sources') {
    heading = `Where the text comes from: ${many.entries.length} source${many.entries.length === 1 ? '' : 's'}`;
    const section = element('section', 'sources-view');
    section.append(sourcesLegend(many.sources), sourcesText(many.sources, many.text));
    main.append(section);
  } else {
    heading = `How ${many.entries.length} rewrites were made from the original`;
    const overview = element('section');
    overview.append(overviewTable(many.entries, { caption: 'Overview: one row a rewrite' }));
    const coverage = element('section');
    const title = element('h2');
    title.textContent = 'Coverage of the original';
    coverage.append(title, coverageView(many.coverage, many.original));
    main.append(overview, coverage);
  }
  many.entries.forEach((entry, index) => {
    if (!entry.findings) return;
    const section = element('section', 'comparison', { id: `rewrite-${index + 1}` });
    const title = element('h2');
    title.textContent = many.mode === 'sources' ? sourceTitle(entry.letter, entry.name) : entry.name;
    const { summary, rows } = comparisonParts(entry.findings, settings);
    section.append(title, summary, ...rows);
    main.append(section);
  });
  body.append(header(heading, about, document.querySelector('.legend').cloneNode(true)), main);
  return documentOf(body);
}
