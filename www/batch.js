// Many texts on the page: comparing one original with many rewrites, or
// one text with many sources, in the worker; then which view of the
// results is shown (the overview, the coverage, the sources, or one
// comparison side by side) and the buttons that switch between them.

import { coverageOf } from './coverage.js';
import { Findings } from './findings.js';
import { OverviewTable, coverageView, sourcesLegend, sourcesText } from './many.js';
import { element } from './render.js';
import { letterOf, sourceTitle, sourcesOf } from './sources.js';

const $ = (id) => document.getElementById(id);
const LIST_VIEWS = ['overview', 'coverage', 'sources'];

/**
 * Compares the texts of `set` (TextFields.collect()) in the worker
 * (`engine`); resolves to the results: { mode: 'rewrites', entries,
 * original, coverage } or { mode: 'sources', entries, sources, text }, each
 * entry { name, figures, findings } (with `letter` for a source) or
 * { name, error } for a rewrite the page or the engine refused.
 * `onProgress({ done, total })` hears how far many rewrites are.
 */
export async function compareAll(engine, set, options, onProgress) {
  if (set.mode === 'rewrites') {
    const original = set.originals[0].text;
    const answer = await engine.compareMany(original, set.rewrites.map((r) => r.text), options, onProgress);
    const entries = answer.results.map((one, i) => {
      const { name, text } = set.rewrites[i];
      if (one.error) return { name, error: one.error };
      return { name, figures: one.figures, findings: new Findings(one, { original, paraphrase: text }) };
    });
    return { mode: 'rewrites', entries, original, coverage: coverageOf(entries.map((e) => e.findings ?? null)) };
  }
  const text = set.rewrites[0].text;
  const answer = await engine.compareSources(set.originals.map((o) => o.text), text, options);
  const entries = answer.comparisons.map((one, i) => {
    const { name, text: source } = set.originals[i];
    if (one.error) return { name, letter: letterOf(i), error: one.error };
    return { name, letter: letterOf(i), figures: one.figures, findings: new Findings(one, { original: source, paraphrase: text }) };
  });
  const sources = sourcesOf(entries.map((e) => e.findings ?? null), answer.attribution, entries.map((e) => e.name));
  entries.forEach((entry, i) => {
    if (entry.error) sources.legend[i].error = entry.error;
  });
  return { mode: 'sources', entries, sources, text };
}

/**
 * The results of many texts and their views. `showComparison(findings)`
 * puts one comparison into the page's summary and rows (null: none is
 * open).
 */
export class ManyResults {
  constructor(showComparison) {
    this.showComparison = showComparison;
    this.result = null;
    this.view = 'overview'; // or 'coverage', 'sources', 'comparison'
    this.listView = 'overview'; // where "Back" goes
    this.opened = -1; // the entry open side by side
    this.overview = new OverviewTable($('overview'), (index) => this.open(index));
    for (const view of LIST_VIEWS) {
      $(`show-${view}`).addEventListener('click', () => {
        this.view = this.listView = view;
        this.#showView();
      });
    }
    $('back-to-list').addEventListener('click', () => {
      this.view = this.listView;
      this.#showView();
      const row = this.listView === 'overview' ? $('overview').querySelector(`tr[data-index="${this.opened}"] button`) : null;
      (row ?? $(`show-${this.listView}`)).focus();
    });
  }

  /** Shows the many views or the one pair's, as `fields` (TextFields) ask. */
  apply(fields) {
    $('many').hidden = !fields.many;
    $('export-csv').hidden = !fields.many;
    const sources = fields.mode === 'sources';
    $('show-overview').hidden = sources;
    $('show-coverage').hidden = sources;
    $('show-sources').hidden = !sources;
    if (!fields.many) {
      this.result = null;
      $('summary').hidden = false;
      $('result').hidden = false;
    }
  }

  /** Shows new results (compareAll), keeping the view, and the comparison open if it still is one. */
  show(result) {
    this.result = result;
    if (this.view === 'comparison' && !result.entries[this.opened]?.findings) this.view = this.listView;
    this.#draw();
  }

  /**
   * Gives the results the names of `set`'s texts (TextFields.collect())
   * without comparing again; false if the texts no longer match them.
   */
  rename(set) {
    const result = this.result;
    const named = result?.mode === 'sources' ? set.originals : set.rewrites;
    if (!result || result.mode !== set.mode || named.length !== result.entries.length) return false;
    named.forEach(({ name }, i) => {
      result.entries[i].name = name;
      if (result.sources) result.sources.legend[i].name = name;
    });
    this.#draw();
    return true;
  }

  /** Opens entry `index` side by side. */
  open(index) {
    if (!this.result?.entries[index]?.findings) return;
    this.opened = index;
    this.view = 'comparison';
    this.#showView();
    $('back-to-list').focus();
  }

  #draw() {
    const result = this.result;
    if (result.mode === 'rewrites') {
      if (this.view === 'sources') this.view = this.listView = 'overview';
      this.overview.show(result.entries, `${result.entries.length} rewrites of the original`);
      $('coverage').replaceChildren(coverageView(result.coverage, result.original));
      $('sources').replaceChildren();
    } else {
      if (this.view === 'overview' || this.view === 'coverage') this.view = this.listView = 'sources';
      const view = element('div', 'sources-view');
      view.append(sourcesLegend(result.sources, (source) => this.open(source)), sourcesText(result.sources, result.text));
      $('sources').replaceChildren(view);
      $('overview').replaceChildren();
      $('coverage').replaceChildren();
    }
    this.#showView();
  }

  #showView() {
    const comparison = this.view === 'comparison';
    for (const view of LIST_VIEWS) {
      $(view).hidden = this.view !== view;
      $(`show-${view}`).setAttribute('aria-pressed', String(this.view === view));
    }
    $('summary').hidden = !comparison;
    $('result').hidden = !comparison;
    const back = $('back-to-list');
    back.hidden = !comparison;
    back.textContent = { sources: 'Back to the sources', coverage: 'Back to the coverage' }[this.listView] ?? 'Back to the overview';
    const entry = this.result?.entries[this.opened];
    if (comparison && entry?.findings) {
      $('open-name').textContent =
        this.result.mode === 'sources' ? `${sourceTitle(entry.letter, entry.name)} beside the text` : `${entry.name} beside the original`;
      this.showComparison(entry.findings);
    } else {
      $('open-name').textContent = '';
      this.showComparison(null);
    }
  }
}
