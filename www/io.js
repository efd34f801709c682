// Reading texts from files: opened, or dropped onto a text box. Decoding
// follows the byte-order mark, then a <meta charset> for HTML, then strict
// UTF-8, and falls back to Windows-1252 with a notice. HTML is turned into
// plain text by a scanner over its tags that never builds elements: nothing
// in it runs or loads.
import { MAX_FILE_BYTES, describeSize } from './limits.js';

// Elements whose end starts a new paragraph, and those whose content is not
// text to compare (scripts, styles, the head's title, embedded documents).
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);
const SKIPPED = new Set([
  'script', 'style', 'title', 'textarea', 'template', 'noscript', 'iframe', 'noembed',
  'noframes', 'xmp', 'svg', 'math', 'object',
]);

/** Decodes character references (&amp;, &eacute;, &#8220;) with the browser's own tables. */
function decodeEntities(text) {
  if (!text.includes('&')) return text;
  // A textarea parses its content as RCDATA: references are decoded, and
  // nothing is ever a tag, an attribute or a script.
  const decoder = document.createElement('textarea');
  decoder.innerHTML = text.replace(/</g, '&lt;');
  return decoder.value;
}

/** Where the tag starting at `at` ends (its '>'), skipping quoted attribute values. */
function tagEnd(html, at) {
  let quote = null;
  for (let i = at + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return html.length;
}

/**
 * Plain text of an HTML document: paragraphs separated by blank lines.
 * A scanner, not a parser: the markup is never turned into elements, so
 * nothing in it can load, run or even be checked against the page's
 * security policy.
 */
export function htmlToText(html) {
  const paragraphs = [];
  let text = '';
  const endParagraph = () => {
    const line = decodeEntities(text).replace(/\s+/g, ' ').trim();
    if (line) paragraphs.push(line);
    text = '';
  };
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) {
      text += html.slice(at);
      break;
    }
    text += html.slice(at, open);
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      at = close < 0 ? html.length : close + 3;
      continue;
    }
    const name = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(open, open + 40))?.[1]?.toLowerCase();
    if (!name && !/^<[!?\/]/.test(html.slice(open, open + 2))) {
      text += '<'; // a lone '<' in text
      at = open + 1;
      continue;
    }
    const end = tagEnd(html, open);
    at = end + 1;
    if (!name) continue; // a doctype, processing instruction or stray '</'
    if (BLOCKS.has(name)) endParagraph();
    if (SKIPPED.has(name) && html[open + 1] !== '/') {
      const closing = new RegExp(`</${name}[\\s>]`, 'gi');
      closing.lastIndex = at;
      const found = closing.exec(html);
      at = found ? tagEnd(html, found.index) + 1 : html.length;
    }
  }
  endParagraph();
  return paragraphs.join('\n\n');
}

function isHtml(file) {
  return /\.x?html?$/i.test(file.name) || file.type === 'text/html';
}

/** The label of a <meta charset> among the first bytes of an HTML file. */
function declaredCharset(bytes) {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048));
  const match = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i);
  if (!match) return null;
  try {
    return new TextDecoder(match[1]).encoding;
  } catch {
    return null; // a label TextDecoder does not know
  }
}

/**
 * Decodes the bytes of a file. Returns { text, notice } where notice is a
 * sentence for the reader when the encoding had to be guessed.
 * @throws {Error} for a binary file
 */
export function decode(bytes, file) {
  const boms = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  for (const [mark, encoding] of boms) {
    if (mark.every((byte, i) => bytes[i] === byte)) {
      return { text: new TextDecoder(encoding).decode(bytes.subarray(mark.length)), notice: null };
    }
  }
  if (bytes.includes(0)) {
    throw new Error(`${file.name} looks like a binary file (it holds NUL bytes), not text.`);
  }
  const declared = isHtml(file) ? declaredCharset(bytes) : null;
  if (declared && declared !== 'utf-8') {
    return { text: new TextDecoder(declared).decode(bytes), notice: null };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), notice: null };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      notice: `${file.name} is not UTF-8; it was read as Windows-1252.`,
    };
  }
}

/**
 * Reads a File as text (HTML turned to plain text). Resolves to { text, notice }.
 * @throws {Error} for a file over MAX_FILE_BYTES, before reading it
 */
export async function readFile(file) {
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(
      `${file.name} is ${describeSize(file.size)}; the page opens files of up to ${describeSize(MAX_FILE_BYTES)}, and compares at most 8 MB of text a side.`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const decoded = decode(bytes, file);
  return isHtml(file) ? { text: htmlToText(decoded.text), notice: decoded.notice } : decoded;
}

/**
 * Lets files be dropped onto `target`; `onFiles(files)` receives them all,
 * in the order dropped. Text dragged from elsewhere keeps the text box's
 * usual behaviour.
 */
export function acceptDrops(target, onFiles) {
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  target.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    target.classList.add('drop-target');
  });
  target.addEventListener('dragleave', () => target.classList.remove('drop-target'));
  target.addEventListener('drop', (event) => {
    target.classList.remove('drop-target');
    if (!hasFiles(event)) return;
    event.preventDefault();
    const files = [...event.dataTransfer.files];
    if (files.length) onFiles(files);
  });
}

/** Offers `blob` as a download named `name`. */
export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
