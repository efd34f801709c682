// Settings that outlive the page: comparison options, theme, view, row
// order and whether unattributed copying stands out, kept in localStorage.
// What is read back is checked field by field, so a stale or tampered entry
// can only fall back to the defaults. The options' defaults and ranges are
// the engine's (`optionRules()`, which the worker hands over first): the
// page restates none of them.

const KEY = 'article-diff/settings';

/** The engine's options the page offers: its switches, the minimum run and the language. */
export const PAGE_OPTIONS = Object.freeze([
  'ignore_case',
  'unify_punctuation',
  'normalize_unicode',
  'ignore_punctuation',
  'min_run',
  'language',
]);

const DEFAULTS = Object.freeze({
  theme: 'auto', // 'auto' | 'light' | 'dark'
  view: 'side', // 'side' | 'inline'
  order: 'paraphrase', // 'paraphrase' | 'original'
  // Copied words outside quotation marks (reuse without attribution) stand
  // out unless the reader turns it off: that is what the summary counts.
  showUnattributed: true,
});

/** The page's options at the engine's defaults (`rules` from optionRules()). */
export function defaultOptions(rules) {
  return Object.fromEntries(PAGE_OPTIONS.map((key) => [key, rules.defaults[key]]));
}

/**
 * Options from untrusted data: known keys of the right type (a switch's
 * true or false, a whole number within the engine's range, a language the
 * engine offers), the rest default.
 */
export function cleanOptions(raw, rules) {
  const options = defaultOptions(rules);
  if (!raw || typeof raw !== 'object') return options;
  for (const key of PAGE_OPTIONS) {
    const value = raw[key];
    if (typeof options[key] === 'boolean') {
      if (typeof value === 'boolean') options[key] = value;
    } else if (typeof options[key] === 'string') {
      if (rules.choices?.[key]?.includes(value)) options[key] = value;
    } else {
      const [low, high] = rules.ranges[key];
      if (Number.isInteger(value) && value >= low && value <= high) options[key] = value;
    }
  }
  return options;
}

function oneOf(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}

function saved() {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null');
  } catch {
    return null; // unreadable or storage disabled: defaults
  }
}

/**
 * The saved settings, or the defaults. Their `options` are null: checking
 * them needs the engine's rules (loadOptions).
 */
export function loadSettings() {
  const raw = saved();
  return {
    options: null,
    theme: oneOf(raw?.theme, ['auto', 'light', 'dark'], DEFAULTS.theme),
    view: oneOf(raw?.view, ['side', 'inline'], DEFAULTS.view),
    order: oneOf(raw?.order, ['paraphrase', 'original'], DEFAULTS.order),
    showUnattributed: oneOf(raw?.showUnattributed, [true, false], DEFAULTS.showUnattributed),
  };
}

/** The saved options, checked against the engine's rules, or the defaults. */
export function loadOptions(rules) {
  return cleanOptions(saved()?.options, rules);
}

/**
 * Saves the settings (options still null keep those saved); storage that is
 * full or disabled is not an error.
 */
export function saveSettings(settings) {
  try {
    const options = settings.options ?? saved()?.options;
    localStorage.setItem(KEY, JSON.stringify({ ...settings, options }));
  } catch {
    // Private browsing or a full quota: the settings last for this visit.
  }
}
