// The overview of many rewrites of one original: its columns (the engine's
// `figures` of each comparison, the numbers the command line's overview
// prints), sorting, and the CSV the command line's `-f csv` writes. No DOM
// here, so Node tests can call it.

/**
 * The overview's columns after the name, in order: the key in `figures`,
 * the heading, the CSV column (src/cli/many.rs), and whether it is a share
 * in percent.
 */
export const COLUMNS = Object.freeze([
  { key: 'words', heading: 'Words', csv: 'words' },
  { key: 'copied', heading: 'Copied', csv: 'copied_percent', percent: true },
  { key: 'reworded', heading: 'Reworded', csv: 'reworded_percent', percent: true },
  { key: 'new', heading: 'New', csv: 'new_percent', percent: true },
  { key: 'movedPassages', heading: 'Moved passages', csv: 'moved_passages' },
  { key: 'unquotedCopiedWords', heading: 'Copied words outside quotation marks', csv: 'unquoted_copied_words' },
  { key: 'longestPassage', heading: 'Longest copied passage (words)', csv: 'longest_passage_words' },
]);

/**
 * An entry of the overview: { name, figures } for a rewrite compared, or
 * { name, error } for one that was not.
 * @typedef {{ name: string, figures?: object, error?: string }} Entry
 */

/**
 * The indices of `entries` sorted by `key` ('name' or a column's key),
 * 'ascending' or 'descending'; rewrites that were not compared go last
 * either way, and ties keep the order given.
 */
export function sortedOrder(entries, key, direction) {
  const sign = direction === 'descending' ? -1 : 1;
  const order = entries.map((_, index) => index);
  const value = (entry) => (entry.figures === undefined ? undefined : key === 'name' ? entry.name : entry.figures[key]);
  return order.sort((a, b) => {
    const [x, y] = [value(entries[a]), value(entries[b])];
    if (x === undefined || y === undefined) return (x === undefined) - (y === undefined) || a - b;
    const compared = key === 'name' ? x.localeCompare(y, 'en', { numeric: true }) : x - y;
    return sign * compared || a - b;
  });
}

/** A CSV field, quoted when it holds a comma, a quotation mark or a line break. */
function csvField(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The overview as CSV (RFC 4180, lines ended by CR LF), as the command
 * line's `-f csv` writes it: a header row, then one row a rewrite in the
 * order given; one not compared has empty figures and its message.
 */
export function overviewCsv(entries) {
  const lines = [['name', ...COLUMNS.map((c) => c.csv), 'error'].join(',')];
  for (const entry of entries) {
    const figures = entry.figures ? COLUMNS.map((c) => String(entry.figures[c.key])) : COLUMNS.map(() => '');
    lines.push([csvField(entry.name), ...figures, entry.figures ? '' : csvField(entry.error ?? '')].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A figure as the overview shows it: "42.5%" for a share, "1,204" for a count. */
export function figureText(column, value) {
  return column.percent ? `${value}%` : value.toLocaleString('en');
}
