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
  const folded = foldUncached(text);
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(text, folded);
  return folded;
}

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** A display name: trimmed, inner whitespace (incl. NBSP, line breaks) collapsed, NFC. */
export function cleanName(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** Whole-word containment on folded text ("ho so" in "tong so ho so"). */
export function hasPhrase(folded: string, phrase: string): boolean {
  return ` ${folded} `.includes(` ${phrase} `);
}
