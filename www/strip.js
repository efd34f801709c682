// The overview strip beside the rows: where the changes are, one line per
// row, each kind in a colour AND a pattern of its own (the legend draws the
// same patterns with the same code), a frame over the part of the rows on
// the screen, and a cursor the keyboard moves. The strip is a vertical
// slider: the arrow keys move the cursor to the next or previous change,
// Page Up/Down by a tenth of the rows, Home/End to the first and last row,
// and Enter (or a click anywhere on it) goes to the row.

/** The kinds of the strip, in the legend's order, with their names. */
export const STRIP_KINDS = [
  ['copied', 'copied'],
  ['edited', 'edited'],
  ['reworded', 'reworded'],
  ['new', 'new'],
  ['dropped', 'dropped'],
  ['moved', 'moved'],
];

// The side of a pattern's tile, in CSS pixels.
const TILE_PX = 6;

// Each kind's tile, drawn on a `size`-pixel square in its colour over a
// transparent ground: new solid, copied horizontal bars, edited a
// checkerboard, reworded vertical bars, dropped dots, moved hatched.
const TILES = {
  new: (c, s) => c.fillRect(0, 0, s, s),
  copied: (c, s) => c.fillRect(0, 0, s, s / 2),
  edited: (c, s) => {
    c.fillRect(0, 0, s / 2, s / 2);
    c.fillRect(s / 2, s / 2, s / 2, s / 2);
  },
  reworded: (c, s) => c.fillRect(0, 0, s / 2, s),
  dropped: (c, s) => {
    c.beginPath();
    c.arc(s / 2, s / 2, s / 3, 0, 2 * Math.PI);
    c.fill();
  },
  moved: (c, s) => {
    c.lineWidth = s / 3;
    c.beginPath();
    // A diagonal and its two wrapped ends, so the tile repeats seamlessly.
    for (const shift of [-s, 0, s]) {
      c.moveTo(shift, s);
      c.lineTo(shift + s, 0);
    }
    c.stroke();
  },
};

/**
 * Each kind's tile: a canvas of `size` device pixels with the kind's
 * pattern in its colour (the custom property `--strip-KIND`, resolved
 * under `host`). The strip and its legend fill with the same tiles.
 */
export function kindTiles(host, size) {
  // Custom properties holding light-dark() are not resolved by
  // getComputedStyle; a probe's `color` is.
  const probe = document.createElement('span');
  host.append(probe);
  const tiles = {};
  for (const [kind] of STRIP_KINDS) {
    probe.style.color = `var(--strip-${kind})`;
    const colour = getComputedStyle(probe).color;
    const tile = document.createElement('canvas');
    tile.width = size;
    tile.height = size;
    const c = tile.getContext('2d');
    c.fillStyle = colour;
    c.strokeStyle = colour;
    TILES[kind](c, size);
    tiles[kind] = tile;
  }
  probe.remove();
  return tiles;
}

/** "Row 120 of 2,570: reworded, moved" */
export function rowText(rows, index) {
  const row = rows[index];
  const kinds = [row.status, ...(row.moved ? ['moved'] : [])].join(', ');
  return `Row ${(index + 1).toLocaleString('en')} of ${rows.length.toLocaleString('en')}: ${kinds}`;
}

export class OverviewStrip {
  /**
   * `host` is the focusable slider holding `canvas`, the `marker` (the
   * visible part) and the `cursor`; `legend` a list filled with the kinds'
   * swatches. `visibleRange()` answers [first, last] row on screen (or
   * null); `onPick(index)` goes to a row.
   */
  constructor({ host, canvas, marker, cursor, legend }, { visibleRange, onPick }) {
    Object.assign(this, { host, canvas, marker, cursor, legend, visibleRange, onPick });
    this.rows = [];
    this.at = 0;
    this.frame = 0;
    canvas.addEventListener('click', (event) => {
      if (this.rows.length === 0) return;
      const box = canvas.getBoundingClientRect();
      this.#moveTo(Math.floor(((event.clientY - box.top) / box.height) * this.rows.length));
      onPick(this.at);
    });
    host.addEventListener('keydown', (event) => this.#onKey(event));
    // The cursor starts where the reader is looking.
    host.addEventListener('focus', () => {
      const range = this.rows.length ? this.visibleRange() : null;
      if (range && (this.at < range[0] || this.at > range[1])) this.#moveTo(range[0]);
      this.cursor.hidden = this.rows.length === 0;
    });
    host.addEventListener('blur', () => {
      this.cursor.hidden = true;
    });
    const later = () => this.#schedule();
    addEventListener('scroll', later, { passive: true });
    addEventListener('resize', later);
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  show(rows, rowsContainer) {
    this.rows = rows;
    this.at = 0;
    this.host.setAttribute('aria-valuemin', rows.length ? '1' : '0');
    this.host.setAttribute('aria-valuemax', String(rows.length));
    this.#moveTo(0);
    // Rows filled as they come near change the heights under the frame.
    this.rowsObserver?.disconnect();
    this.rowsObserver = new ResizeObserver(() => this.#schedule());
    this.rowsObserver.observe(rowsContainer);
    this.draw();
  }

  /** Redraws the rows (after a change of rows, size or theme) and the legend. */
  draw() {
    const { canvas, rows } = this;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    context.clearRect(0, 0, width, height);
    const tile = Math.round(TILE_PX * ratio);
    const tiles = kindTiles(this.host, tile);
    this.#drawLegend(tiles, ratio);
    this.#schedule();
    if (rows.length === 0) return;
    const fills = {};
    for (const [kind, canvas] of Object.entries(tiles)) fills[kind] = context.createPattern(canvas, 'repeat');
    const step = height / rows.length;
    // A stretch of rows of one kind is one block, its pattern starting at
    // its top and at least a tile tall, so that even a lone row among a
    // thousand shows its pattern, not a sliver of it.
    const block = (first, last, row) => {
      const top = Math.floor(first * step);
      const tall = Math.max(tile, Math.ceil((last + 1) * step) - top);
      const paint = (fill, x, w) => {
        fill.setTransform(new DOMMatrix([1, 0, 0, 1, 0, top]));
        context.fillStyle = fill;
        context.fillRect(x, top, w, tall);
      };
      if (row.moved) {
        paint(fills.moved, 0, width / 2);
        paint(fills[row.status], width / 2, width - width / 2);
      } else {
        paint(fills[row.status], 0, width);
      }
    };
    // A block whose top the next block shares is painted over by it
    // whole (it is a pixel or less of rows, so a tile tall, as the next
    // is at least): with more rows than pixels, only the last block at
    // each pixel is drawn (a million words: a few hundred draws, not tens
    // of thousands).
    let pending = null;
    let first = -1;
    rows.forEach((row, index) => {
      const next = rows[index + 1];
      if (!row.changed) return;
      if (first < 0) first = index;
      if (!next?.changed || next.status !== row.status || next.moved !== row.moved) {
        if (pending && Math.floor(pending[0] * step) !== Math.floor(first * step)) block(...pending);
        pending = [first, index, row];
        first = -1;
      }
    });
    if (pending) block(...pending);
  }

  #drawLegend(tiles, ratio) {
    const items = STRIP_KINDS.map(([kind, name]) => {
      const item = document.createElement('li');
      const swatch = document.createElement('canvas');
      swatch.className = `swatch k-${kind}`;
      swatch.setAttribute('aria-hidden', 'true');
      swatch.width = Math.round(3 * TILE_PX * ratio);
      swatch.height = Math.round(2 * TILE_PX * ratio);
      const context = swatch.getContext('2d');
      context.fillStyle = context.createPattern(tiles[kind], 'repeat');
      context.fillRect(0, 0, swatch.width, swatch.height);
      item.append(swatch, ` ${name}`);
      return item;
    });
    this.legend.replaceChildren(...items);
  }

  /** Moves the frame at the next frame: reading the rows' places costs a layout. */
  #schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.#placeMarker();
    });
  }

  /** Puts the frame over the rows on the screen. */
  #placeMarker() {
    const count = this.rows.length;
    const range = count ? this.visibleRange() : null;
    this.marker.hidden = !range;
    if (range) {
      this.marker.style.top = `${(range[0] / count) * 100}%`;
      this.marker.style.height = `${((range[1] + 1 - range[0]) / count) * 100}%`;
    }
  }

  #moveTo(index) {
    const count = this.rows.length;
    this.at = Math.max(0, Math.min(count - 1, index));
    if (count === 0) {
      this.host.setAttribute('aria-valuenow', '0');
      this.host.setAttribute('aria-valuetext', 'No rows');
      return;
    }
    this.host.setAttribute('aria-valuenow', String(this.at + 1));
    this.host.setAttribute('aria-valuetext', rowText(this.rows, this.at));
    this.cursor.style.top = `${(this.at / count) * 100}%`;
    this.cursor.style.height = `${100 / count}%`;
  }

  /** The next (`step` 1) or previous (-1) changed row from the cursor, or the cursor. */
  #change(step) {
    for (let index = this.at + step; index >= 0 && index < this.rows.length; index += step) {
      if (this.rows[index].changed) return index;
    }
    return this.at;
  }

  #onKey(event) {
    if (this.rows.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const tenth = Math.max(1, Math.round(this.rows.length / 10));
    const moves = {
      ArrowDown: () => this.#change(1),
      ArrowRight: () => this.#change(1),
      ArrowUp: () => this.#change(-1),
      ArrowLeft: () => this.#change(-1),
      PageDown: () => this.at + tenth,
      PageUp: () => this.at - tenth,
      Home: () => 0,
      End: () => this.rows.length - 1,
    };
    if (event.key === 'Enter') {
      event.preventDefault();
      this.onPick(this.at);
      return;
    }
    if (!(event.key in moves)) return;
    event.preventDefault();
    this.#moveTo(moves[event.key]());
  }
}
