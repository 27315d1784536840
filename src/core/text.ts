/**
 * Text normalisation for matching what people type: case, diacritics, Unicode form (NFC/NFD),
 * punctuation, line breaks and repeated spaces must not change the answer.
 */

const COMBINING = /[\u0300-\u036f]/g;

/**
 * What fold() is defined as — NFD, combining marks (U+0300–036F) dropped, đ → d, lower case,
 * every run of anything but a–z, 0–9 and % → one space, trimmed. fold() gives the same answer a
 * character at a time.
 */
export function foldDefinition(text: string): string {
  return foldPiece(text).trim();
}

/** foldDefinition without the trim: a mark alone folds to "", a symbol to " ". */
function foldPiece(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9%]+/g, ' ');
}

/**
 * Per UTF-16 unit, what it folds to, filled on first sight: 0 not yet known, DROP (a combining
 * mark), SEPARATOR, MANY (a surrogate, or a character folding to several: the slow path), else the
 * one character code it folds to.
 */
const DROP = 1;
const SEPARATOR = 2;
const MANY = 3;
const unitFold = new Uint16Array(65536);

function learn(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return (unitFold[code] = MANY);
  const f = foldPiece(String.fromCharCode(code));
  const v = f === '' ? DROP : f === ' ' ? SEPARATOR : f.length === 1 && f.charCodeAt(0) > MANY ? f.charCodeAt(0) : MANY;
  return (unitFold[code] = v);
}

/** The codes of the text being folded (a plain array: String.fromCharCode.apply takes it without a copy). */
const codes: number[] = [];

/**
 * Folds text to a matching key: lower case, no diacritics, đ→d, punctuation → space, one space.
 * It is foldDefinition() one character at a time (NFD decomposes and lower case maps each
 * character on its own, up to the order of marks, and the marks we keep are separators either
 * way), so that 50,000 distinct names cost a table lookup per letter instead of a normalisation
 * and five regular expressions each (no cache needed). test/core/text.test.ts holds it to
 * foldDefinition on every BMP character and on random text.
 */
export function fold(text: string): string {
  const n = text.length;
  const out = codes;
  let len = 0;
  let pendingSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let v = unitFold[c];
    if (v === 0) v = learn(c);
    if (v === DROP) continue;
    if (v === SEPARATOR) {
      pendingSpace = len > 0;
      continue;
    }
    if (v === MANY) return foldDefinition(text);
    if (pendingSpace) {
      out[len++] = 32;
      pendingSpace = false;
    }
    out[len++] = v;
  }
  out.length = len;
  if (len <= 4096) return String.fromCharCode.apply(null, out);
  let result = '';
  for (let k = 0; k < len; k += 4096) result += String.fromCharCode.apply(null, out.slice(k, k + 4096));
  return result;
}

/**
 * Characters that are in NFC alone and never compose with a neighbour of the same set: ASCII,
 * Latin-1, Latin Extended-A/B, IPA, spacing modifiers (U+0000–02FF), the precomposed Latin of
 * Vietnamese (U+1E00–1EFF) and the punctuation of U+2010–206F (“ ” – …). test/core/text.test.ts
 * checks every one, and random strings of them, against String.prototype.normalize.
 */
const SURELY_NFC = /^[\u0000-\u02ff\u1e00-\u1eff\u2010-\u206f]*$/;

/** One character of SURELY_NFC's set, for a caller that walks the text itself (values.ts cellText). */
export function surelyNfcCode(c: number): boolean {
  return c < 0x300 || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2010 && c <= 0x206f);
}

/**
 * text.normalize('NFC'), skipping the normalisation when the text cannot change: Vietnamese typed
 * in precomposed form (what every keyboard gives) is tested by one regular expression instead of
 * going through ICU's normaliser for every cell read.
 */
export function nfc(text: string): string {
  return SURELY_NFC.test(text) ? text : text.normalize('NFC');
}

/** White space other than one plain space between words. */
const MESSY_SPACE = /[^\S ]|  |^ | $/;

/** A display name: trimmed, inner whitespace (incl. NBSP, line breaks) collapsed, NFC. */
export function cleanName(text: string): string {
  const t = nfc(text);
  // Most names have only single plain spaces between words: nothing to replace, no copy.
  return MESSY_SPACE.test(t) ? t.replace(/[\s\u00a0\u202f]+/g, ' ').trim() : t;
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

/** How many others a message about one member of a group names. */
export const OTHERS_SHOWN = 5;

/**
 * The others of `self` in `group`, a few of them and "… (+N)": one message per member naming every
 * other costs the square of the group (one initiative claimed on 10,000 rows: 10⁸ names). `self`
 * is a member of `group`.
 */
export function someOthers<T>(group: readonly T[], self: T, show: (x: T) => string, sep: string): string {
  const shown: string[] = [];
  for (let i = 0; i < group.length && shown.length < OTHERS_SHOWN; i++) if (group[i] !== self) shown.push(show(group[i]));
  const more = group.length - 1 - shown.length;
  return shown.join(sep) + (more > 0 ? `${sep}… (+${more})` : '');
}

/** `text` cut to at most `max` UTF-16 units, never between the halves of a surrogate pair (a lone half is a character XML forbids). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max > 0 && (text.charCodeAt(max - 1) & 0xfc00) === 0xd800 ? max - 1 : max;
  return text.slice(0, end);
}
