// Sizes of texts, for the size limit the engine sets (maxInputBytes()).

/**
 * The largest file the page reads: a text of the engine's 8 MB in UTF-16,
 * or as HTML with its markup, fits; anything larger is refused unread.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * The length of `text` in UTF-8 bytes as the engine will see it (a lone
 * surrogate becomes U+FFFD, three bytes).
 */
export function utf8Length(text) {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) {
      bytes += 1;
    } else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: four bytes for two units
      i += 1;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/** A byte count for people, as the engine writes it: "8 MB", "20.3 MB", "512 KB". */
export function describeSize(bytes) {
  const MB = 1024 * 1024;
  if (bytes >= MB) {
    const tenths = Math.round((bytes * 10) / MB);
    return tenths % 10 === 0 ? `${tenths / 10} MB` : `${(tenths / 10).toFixed(1)} MB`;
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
