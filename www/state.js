// Settings that outlive the page: comparison options, theme, view, row
// order and whether unattributed copying stands out, kept in localStorage. What is read back is checked field by field,
// so a stale or tampered entry can only fall back to the defaults.

const KEY = 'article-diff/settings';

export const DEFAULT_OPTIONS = Object.freeze({
  ignore_case: true,
  unify_punctuation: true,
  normalize_unicode: true,
  ignore_punctuation: false,
  min_run: 4,
});

export const MIN_RUN_LIMITS = Object.freeze({ min: 1, max: 1000 });

const DEFAULTS = Object.freeze({
  options: DEFAULT_OPTIONS,
  theme: 'auto', // 'auto' | 'light' | 'dark'
  view: 'side', // 'side' | 'inline'
  order: 'paraphrase', // 'paraphrase' | 'original'
  // Copied words outside quotation marks (reuse without attribution) stand
  // out unless the reader turns it off: that is what the summary counts.
  showUnattributed: true,
});

/** Options from untrusted data: known keys of the right type, the rest default. */
export function cleanOptions(raw) {
  const options = { ...DEFAULT_OPTIONS };
  if (!raw || typeof raw !== 'object') return options;
  for (const key of ['ignore_case', 'unify_punctuation', 'normalize_unicode', 'ignore_punctuation']) {
    if (typeof raw[key] === 'boolean') options[key] = raw[key];
  }
  const minRun = raw.min_run;
  if (Number.isInteger(minRun) && minRun >= MIN_RUN_LIMITS.min && minRun <= MIN_RUN_LIMITS.max) {
    options.min_run = minRun;
  }
  return options;
}

function oneOf(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}

/** The saved settings, or the defaults. */
export function loadSettings() {
  let raw = null;
  try {
    raw = JSON.parse(localStorage.getItem(KEY) ?? 'null');
  } catch {
    raw = null; // unreadable or storage disabled: defaults
  }
  return {
    options: cleanOptions(raw?.options),
    theme: oneOf(raw?.theme, ['auto', 'light', 'dark'], DEFAULTS.theme),
    view: oneOf(raw?.view, ['side', 'inline'], DEFAULTS.view),
    order: oneOf(raw?.order, ['paraphrase', 'original'], DEFAULTS.order),
    showUnattributed: oneOf(raw?.showUnattributed, [true, false], DEFAULTS.showUnattributed),
  };
}

/** Saves the settings; storage that is full or disabled is not an error. */
export function saveSettings(settings) {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Private browsing or a full quota: the settings last for this visit.
  }
}
