// Which rows a long comparison shows: the filter the reader chose, and the
// stretches that need no reading folded into one bar each ("12 sentences
// copied word for word"), which opens in place. Pure functions over the rows
// (model.js), so Node tests can call them; render.js draws what they say.

/** The filters, by the value the page's select gives them. */
export const FILTERS = Object.freeze({
  all: 'every row',
  changes: 'only changes',
  unattributed: 'only unattributed copying',
  moved: 'only moved passages',
});

// A bar must save space: copied rows fold from three in a row (two rows
// and a bar between changes would read worse than the rows), dropped rows
// at the start or the end (a headline, a byline, an author's bio) from two.
export const MIN_COPIED_FOLD = 3;
export const MIN_EDGE_DROPPED_FOLD = 2;

/**
 * Whether each row is shown (1) or hidden (0) under `filter` ({ show,
 * hideDropped }). `marks` holds, per row, what the rows alone do not say:
 * `unattributed` (a Set of row indices holding copying outside quotation
 * marks) and `moved` (a Set of row indices holding a moved passage).
 *
 * Every row: all but the stretches that need no reading, which fold:
 * unchanged rows, MIN_COPIED_FOLD or more in a row, and the dropped rows a
 * comparison opens or ends with (MIN_EDGE_DROPPED_FOLD or more).
 */
export function shownRows(rows, { show = 'all', hideDropped = false } = {}, marks = {}) {
  const shown = new Uint8Array(rows.length);
  const hasMoved = (i) => rows[i].moved || Boolean(marks.moved?.has(i));
  const keep = {
    all: () => true,
    changes: (i) => rows[i].changed,
    unattributed: (i) => Boolean(marks.unattributed?.has(i)),
    moved: hasMoved,
  }[show];
  if (!keep) throw new Error(`unknown filter ${show}`);
  for (let i = 0; i < rows.length; i++) shown[i] = keep(i) && !(hideDropped && rows[i].type === 'dropped') ? 1 : 0;
  if (show !== 'all') return shown;
  // Folded by default: quiet stretches, and dropped blocks at either end.
  const hideStretches = (isQuiet, minimum, where) => {
    let i = 0;
    while (i < rows.length) {
      if (!isQuiet(i)) {
        i++;
        continue;
      }
      let end = i;
      while (end < rows.length && isQuiet(end)) end++;
      if (end - i >= minimum && where(i, end)) shown.fill(0, i, end);
      i = end;
    }
  };
  hideStretches((i) => !rows[i].changed, MIN_COPIED_FOLD, () => true);
  hideStretches((i) => rows[i].type === 'dropped', MIN_EDGE_DROPPED_FOLD, (start, end) => start === 0 || end === rows.length);
  return shown;
}

/**
 * What the view draws, in order: { type: 'row', index } for a shown row,
 * { type: 'fold', first, last, open } for a stretch of hidden rows (a bar;
 * `open` when the reader opened it: its rows follow it then, as rows).
 * `opened` is a Set of the first rows of the stretches opened.
 */
export function displayItems(shown, opened = new Set()) {
  const items = [];
  let i = 0;
  while (i < shown.length) {
    if (shown[i]) {
      items.push({ type: 'row', index: i });
      i++;
      continue;
    }
    let last = i;
    while (last + 1 < shown.length && !shown[last + 1]) last++;
    const open = opened.has(i);
    items.push({ type: 'fold', first: i, last, open });
    if (open) for (let index = i; index <= last; index++) items.push({ type: 'row', index });
    i = last + 1;
  }
  return items;
}

/** The first row of the stretch of hidden rows holding `index`, or -1 if it is shown. */
export function stretchOf(shown, index) {
  if (index < 0 || index >= shown.length || shown[index]) return -1;
  let first = index;
  while (first > 0 && !shown[first - 1]) first--;
  return first;
}

// One formatter: toLocaleString makes one a call.
const number = new Intl.NumberFormat('en');
const plural = (count, one, many) => `${number.format(count)} ${count === 1 ? one : many}`;

/**
 * A bar's words for rows `first` to `last`: "12 sentences copied word for
 * word", "11 sentences dropped", or, for a mixed stretch, "23 rows: 20
 * copied, 2 edited, 1 new".
 */
export function foldLabel(rows, first, last) {
  const count = last - first + 1;
  const kinds = new Map();
  let unchanged = 0;
  for (let i = first; i <= last; i++) {
    const row = rows[i];
    kinds.set(row.status, (kinds.get(row.status) ?? 0) + 1);
    if (!row.changed) unchanged++;
  }
  if (unchanged === count) return `${plural(count, 'sentence', 'sentences')} copied word for word`;
  if (kinds.size === 1) {
    const [status] = kinds.keys();
    if (status === 'dropped' || status === 'new') return `${plural(count, 'sentence', 'sentences')} ${status}`;
    return `${plural(count, `${status} row`, `${status} rows`)}`;
  }
  const order = ['copied', 'edited', 'reworded', 'new', 'dropped'];
  const parts = order.filter((status) => kinds.has(status)).map((status) => `${number.format(kinds.get(status))} ${status}`);
  return `${plural(count, 'row', 'rows')}: ${parts.join(', ')}`;
}
