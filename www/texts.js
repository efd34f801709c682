// The texts to compare and their names: the two boxes the page always has
// (the original and the paraphrase) and the boxes added beside one of them,
// on the side that holds many: more rewrites of one original ('rewrites'
// mode), or more sources of one text ('sources' mode). Text reaches the
// document only as the value of a text box; names only as text nodes.

import { acceptDrops } from './io.js';
import { element } from './render.js';
import { letterOf } from './sources.js';

// Texts longer than this are shown folded: a browser lays out all of a text
// box's text, which for a book takes seconds and the processor the engine
// needs. Editing a book in a text box is not done anyway.
const FOLD_CHARS = 200_000;

/**
 * Folds a text box whose text is very long: the box is hidden and `note`
 * (a paragraph: a span for the words, then the "Show the text" button)
 * says so; a box of ordinary length is shown.
 */
export function foldBox(box, note) {
  const folded = box.value.length > FOLD_CHARS;
  const wasFocused = document.activeElement === box;
  box.closest('.field').classList.toggle('folded', folded);
  note.hidden = !folded;
  if (folded) {
    const megabytes = (box.value.length / 1_000_000).toFixed(1);
    note.firstElementChild.textContent = `${megabytes} million characters, folded to keep the page quick.`;
    if (wasFocused) note.querySelector('button').focus();
  }
}

/** Shows a folded box again (its note's button). */
export function unfoldBox(box, note) {
  box.closest('.field').classList.remove('folded');
  note.hidden = true;
  box.focus();
}

const ACCEPT = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

/**
 * The boxes of the page. `fixed` are the two boxes always there, by side;
 * `extras` the ones added, in order, each { key, name (null: named by its
 * place), field, box }. Callbacks: `onEdit(event)` after any edit of a box,
 * `onFiles(files, target)` for files dropped on or opened into a box
 * (target: a side's name for a fixed box, else the extra), `onChange()` after a box
 * is added or removed, `onRename()` after a text is given another name.
 */
export class TextFields {
  constructor({ fixed, onEdit, onFiles, onChange, onRename }) {
    this.mode = 'rewrites';
    this.fixed = fixed; // { original: { box, label, rename, remove, folded }, paraphrase: {...} }
    this.fixedNames = { original: null, paraphrase: null };
    this.extras = [];
    this.nextKey = 1;
    this.onEdit = onEdit;
    this.onFiles = onFiles;
    this.onChange = onChange;
    this.onRename = onRename;
    for (const side of ['original', 'paraphrase']) {
      this.fixed[side].remove.addEventListener('click', () => this.removeFixed(side));
      this.fixed[side].rename.addEventListener('click', () => this.#rename(side));
    }
  }

  /** The side that holds many texts: 'paraphrase' for rewrites, 'original' for sources. */
  get manySide() {
    return this.mode === 'rewrites' ? 'paraphrase' : 'original';
  }

  /** Whether the page compares more than one pair (or is in sources mode). */
  get many() {
    return this.mode === 'sources' || this.extras.length > 0;
  }

  /** The container for the boxes added. */
  get #more() {
    return document.getElementById(this.mode === 'rewrites' ? 'more-rewrites' : 'more-originals');
  }

  /** The automatic name of the text at `place` (from 0) on `side`. */
  #autoName(side, place) {
    if (side !== this.manySide) return side === 'original' ? 'Original' : 'Text';
    return this.mode === 'rewrites' ? `Rewrite ${place + 1}` : `Source ${letterOf(place)}`;
  }

  /**
   * The texts of the many side, fixed box first: [{ name, own, text }]
   * (`own`: the name given, or null for one named by its place).
   */
  #manyTexts() {
    const side = this.manySide;
    const own = [this.fixedNames[side], ...this.extras.map((extra) => extra.name)];
    const texts = [this.fixed[side].box.value, ...this.extras.map((extra) => extra.box.value)];
    return texts.map((text, place) => ({ name: own[place] ?? this.#autoName(side, place), own: own[place], text }));
  }

  /**
   * Every text with its name: { mode, originals: [{ name, own, text }],
   * rewrites: [...] } (one original and many rewrites, or many originals,
   * the sources, and one rewrite, the text); `own` is the name given, or
   * null for a text named by its place ("Rewrite 2").
   */
  collect() {
    const single = this.mode === 'rewrites' ? 'original' : 'paraphrase';
    const own = this.fixedNames[single];
    const one = [{ name: own ?? this.#autoName(single, 0), own, text: this.fixed[single].box.value }];
    const many = this.#manyTexts();
    return this.mode === 'rewrites'
      ? { mode: this.mode, originals: one, rewrites: many }
      : { mode: this.mode, originals: many, rewrites: one };
  }

  /**
   * Adds a box on the many side with `text`, named `name` (null: by its
   * place); returns its box. `silent`: the caller compares when it is done.
   */
  add(text = '', name = null, { silent = false } = {}) {
    const key = this.nextKey++;
    const id = `text-${key}`;
    const field = element('div', 'field extra', { 'data-key': String(key) });
    const head = element('div', 'field-head');
    const label = element('label', '', { for: id });
    const tools = element('span', 'field-tools');
    const open = element('label', 'file-button');
    const file = element('input', '', { type: 'file', id: `${id}-file`, accept: ACCEPT, multiple: '' });
    open.append('Open file…', file);
    const rename = element('button', 'rename', { type: 'button' });
    rename.textContent = 'Rename';
    const remove = element('button', 'remove', { type: 'button' });
    remove.textContent = 'Remove';
    tools.append(open, rename, remove);
    head.append(label, tools);
    const box = element('textarea', '', { id, spellcheck: 'false', 'aria-describedby': 'input-hint' });
    box.value = text;
    const folded = element('p', 'folded-note', { hidden: '' });
    const unfold = element('button', '', { type: 'button' });
    unfold.textContent = 'Show the text';
    folded.append(element('span'), ' ', unfold);
    field.append(head, box, folded);
    const extra = { key, name, field, box, label, file, rename, remove, folded };
    unfold.addEventListener('click', () => unfoldBox(box, folded));
    this.extras.push(extra);
    this.#more.append(field);
    box.addEventListener('input', (event) => {
      foldBox(box, folded);
      this.onEdit(event);
    });
    foldBox(box, folded);
    acceptDrops(box, (files) => this.onFiles(files, extra));
    file.addEventListener('change', (event) => {
      const files = [...event.target.files];
      event.target.value = '';
      if (files.length) this.onFiles(files, extra);
    });
    remove.addEventListener('click', () => this.remove(extra));
    rename.addEventListener('click', () => this.#rename(extra));
    this.relabel();
    if (!silent) this.onChange();
    return box;
  }

  /** Removes an added box; focus goes to the box before it. */
  remove(extra) {
    const at = this.extras.indexOf(extra);
    if (at < 0) return;
    this.extras.splice(at, 1);
    extra.field.remove();
    this.relabel();
    (this.extras[at - 1]?.box ?? this.fixed[this.manySide].box).focus();
    this.onChange();
  }

  /** Removes a fixed box's text: the first added box takes its place. */
  removeFixed(side) {
    const next = this.extras[0];
    if (side !== this.manySide || !next) return;
    this.fixed[side].box.value = next.box.value;
    this.fixedNames[side] = next.name;
    foldBox(this.fixed[side].box, this.fixed[side].folded);
    this.extras.shift();
    next.field.remove();
    this.relabel();
    this.fixed[side].box.focus();
    this.onChange();
  }

  /** Sets the text and name of the box `target` (a side, or an added box). */
  put(target, text, name) {
    if (typeof target === 'string') {
      this.fixed[target].box.value = text;
      this.fixedNames[target] = name;
      foldBox(this.fixed[target].box, this.fixed[target].folded);
    } else {
      target.box.value = text;
      target.name = name;
      foldBox(target.box, target.folded);
    }
    this.relabel();
  }

  /**
   * Lets the reader name the text of `target` (a side, or an added box): its
   * label gives way to a text field; Enter or leaving it keeps the name
   * typed (none: the text is named by its place again), Escape keeps the
   * old one.
   */
  #rename(target) {
    const fixed = typeof target === 'string';
    const { label, rename } = fixed ? this.fixed[target] : target;
    const current = fixed ? this.fixedNames[target] : target.name;
    const field = element('input', 'name-edit', { type: 'text', 'aria-label': `New name for ${label.textContent}` });
    field.value = current ?? label.textContent;
    label.hidden = true;
    label.after(field);
    field.focus();
    field.select();
    let done = false;
    const finish = (keep) => {
      if (done) return;
      done = true;
      const name = field.value.trim() || null;
      field.remove();
      label.hidden = false;
      rename.focus();
      if (!keep || name === current) return;
      if (fixed) this.fixedNames[target] = name;
      else target.name = name;
      this.relabel();
      this.onRename();
    };
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === 'Escape') {
        event.preventDefault();
        finish(event.key === 'Enter');
      }
    });
    field.addEventListener('blur', () => finish(true));
  }

  /** Removes every added box and forgets the names (the example, a cleared page). */
  reset(mode = 'rewrites') {
    for (const extra of this.extras) extra.field.remove();
    this.extras = [];
    this.fixedNames = { original: null, paraphrase: null };
    this.setMode(mode);
  }

  /** Switches mode; the added boxes move to the side that now holds many. */
  setMode(mode) {
    this.mode = mode;
    for (const extra of this.extras) this.#more.append(extra.field);
    for (const radio of document.querySelectorAll('input[name="mode"]')) radio.checked = radio.value === mode;
    this.relabel();
  }

  /** Puts the labels, the names of the remove buttons and the add buttons' words right. */
  relabel() {
    const many = this.many;
    const label = (side, place, own) => {
      const auto = this.#autoName(side, place);
      if (!many) return side === 'original' ? 'Original' : 'Paraphrase';
      if (this.mode === 'sources' && side === 'original') return own ? `Source ${letterOf(place)}: ${own}` : auto;
      return own ?? auto;
    };
    for (const side of ['original', 'paraphrase']) {
      this.fixed[side].label.textContent = label(side, 0, this.fixedNames[side]);
      const removable = side === this.manySide && this.extras.length > 0;
      this.fixed[side].remove.hidden = !removable;
      this.fixed[side].remove.setAttribute('aria-label', `Remove ${this.fixed[side].label.textContent}`);
      this.fixed[side].rename.hidden = !(many && side === this.manySide);
      this.fixed[side].rename.setAttribute('aria-label', `Rename ${this.fixed[side].label.textContent}`);
    }
    this.extras.forEach((extra, i) => {
      extra.label.textContent = label(this.manySide, i + 1, extra.name);
      extra.remove.setAttribute('aria-label', `Remove ${extra.label.textContent}`);
      extra.rename.setAttribute('aria-label', `Rename ${extra.label.textContent}`);
      extra.file.setAttribute('aria-label', `Open a file as ${extra.label.textContent}`);
    });
    const sources = this.mode === 'sources';
    document.getElementById('add-text').textContent = sources ? 'Add a source' : 'Add a rewrite';
    document.getElementById('add-files-label').textContent = sources ? 'Open sources…' : 'Open rewrites…';
  }
}
