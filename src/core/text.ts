/**
 * Text normalisation for matching what people type: case, diacritics, Unicode form (NFC/NFD),
 * punctuation, line breaks and repeated spaces must not change the answer.
 */

const COMBINING = /[\u0300-\u036f]/g;

const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50000;

/** Folds text to a matching key: lower case, no diacritics, đ→d, punctuation → space, one space. */
export function fold(text: string): string {
  // Workbooks repeat the same short texts ("Tốt", "x", unit names) thousands of times.
  const hit = foldCache.get(text);
  if (hit !== undefined) return hit;
  const folded = foldChars(text);
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(text, folded);
  return folded;
}

/**
 * What fold() is defined as — NFD, combining marks (U+0300–036F) dropped, đ → d, lower case,
 * every run of anything but a–z, 0–9 and % → one space, trimmed — applied to one character.
 */
export function foldDefinition(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** Per non-ASCII character (or surrogate pair): its letters, or "" when it folds to a separator or to nothing. */
const charFolds = new Map<string, string>();

function foldChar(ch: string): string {
  let f = charFolds.get(ch);
  if (f === undefined) {
    // Untrimmed: a mark alone folds to "" (dropped), a symbol to " " (a separator).
    const d = ch.normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9%]+/g, ' ');
    f = d;
    charFolds.set(ch, f);
  }
  return f;
}

/**
 * foldDefinition() one character at a time (NFD decomposes and lower case maps each character on
 * its own, up to the order of marks, and the marks we keep are separators either way), so that
 * 50,000 distinct names cost a table lookup per letter instead of a normalisation and five regular
 * expressions each. test/core/text.test.ts holds it to foldDefinition on random text.
 */
function foldChars(text: string): string {
  let out = '';
  let pendingSpace = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let piece: string;
    if (c < 0x80) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 37) piece = text[i];
      else if (c >= 65 && c <= 90) piece = String.fromCharCode(c + 32);
      else piece = ' ';
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      piece = d >= 0xdc00 && d <= 0xdfff ? foldChar(text.slice(i, ++i + 1)) : foldChar(text[i]);
    } else piece = foldChar(text[i]);
    for (let k = 0; k < piece.length; k++) {
      const p = piece[k];
      if (p === ' ') pendingSpace = out.length > 0;
      else {
        if (pendingSpace) {
          out += ' ';
          pendingSpace = false;
        }
        out += p;
      }
    }
  }
  return out;
}

/** A display name: trimmed, inner whitespace (incl. NBSP, line breaks) collapsed, NFC. */
export function cleanName(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

let row = new Int32Array(64);

/**
 * Levenshtein distance, for "did you mean" suggestions. With `max`, stops as soon as the distance
 * must exceed it (then returns max + 1): thousands of unit names are compared per unknown unit,
 * so the row buffer is reused rather than allocated per call.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  // A common prefix and suffix do not change the distance; unit names share long ones
  // ("ninh phuoc 22" / "ninh phuoc 722"), so only the differing middles are compared (by offsets:
  // no substring is allocated).
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const m = endA - start;
  const n = endB - start;
  if (Math.abs(m - n) > max) return max + 1;
  if (row.length <= n) row = new Int32Array(n + 1);
  const prev = row;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const ca = a.charCodeAt(start + i - 1);
    let diag = prev[0];
    prev[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const up = prev[j];
      let v = diag + (ca === b.charCodeAt(start + j - 1) ? 0 : 1);
      if (up + 1 < v) v = up + 1;
      if (prev[j - 1] + 1 < v) v = prev[j - 1] + 1;
      prev[j] = v;
      if (v < rowMin) rowMin = v;
      diag = up;
    }
    if (rowMin > max) return max + 1;
  }
  return prev[n];
}

/** Whole-word containment on folded text ("ho so" in "tong so ho so"). */
export function hasPhrase(folded: string, phrase: string): boolean {
  return ` ${folded} `.includes(` ${phrase} `);
}
