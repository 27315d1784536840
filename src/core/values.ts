/**
 * Reading cell values as people type them: rates in every format of workbook.md, ratings on the
 * ladder, yes/no and decision references. A value either parses or yields a problem code — never
 * an exception, never a silent guess.
 */
import { isCellError, type CellValue } from './grid';
import { fold, nfc, surelyNfcCode } from './text';

import type { MessageCode } from './result';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: MessageCode; params?: Record<string, string | number> } | { ok: 'blank' };

const BLANK = { ok: 'blank' } as const;
/** Yes and no as parse results: two shared objects instead of one per cell read. */
const YES_VALUE: Parsed<boolean> = Object.freeze({ ok: true, value: true });
const NO_VALUE: Parsed<boolean> = Object.freeze({ ok: true, value: false });

/** Rounds to 1e-9 of a unit so that 0.985 × 100 is 98.5, not 98.49999999999999. */
export function snap(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Compares two percentages exactly on a 1e-9-point scale: -1, 0 or 1. */
export function comparePoints(a: number, b: number): number {
  const d = Math.round(a * 1e9) - Math.round(b * 1e9);
  return d === 0 ? 0 : d < 0 ? -1 : 1;
}

function isBlankText(s: string): boolean {
  // A test, not a replace: no copy of every non-blank text (called per indicator cell of every row).
  return !/[^\s\u00a0\u202f]/.test(s);
}

/** Parses "98,5", "98.5 %", "1.234,5" into a number; null when it is not a number. */
export function parseNumberText(raw: string): { value: number; percent: boolean } | null {
  let s = raw.replace(/[\s\u00a0\u202f]+/g, '');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (!s) return null;
  if (/^[+-]?\d+([.,]\d+)?$/.test(s)) return { value: Number(s.replace(',', '.')), percent };
  // Thousands separators: 1.234,5 (Vietnamese) or 1,234.5.
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return { value: Number(s.replace(/\./g, '').replace(',', '.')), percent };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return { value: Number(s.replace(/,/g, '')), percent };
  return null;
}

/**
 * A rate in percentage points. A number ≤ 1 is a fraction, (1, 100] are points; a "%" number
 * format means the stored number is a fraction; "98,5%" as text is points.
 */
export function parseRate(v: CellValue, numberFormat?: string): Parsed<number> {
  if (typeof v === 'string') v = nfc(v); // messages quote the text: one form only
  if (v === null || v === undefined) return BLANK;
  if (isCellError(v)) return { ok: false, code: 'value.formulaError', params: { error: v.error } };
  if (typeof v === 'boolean') return { ok: false, code: 'value.rateNotNumber', params: { text: String(v) } };
  let points: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, code: 'value.rateNotNumber', params: { text: String(v) } };
    const percentFormat = !!numberFormat && /%/.test(numberFormat.replace(/"[^"]*"/g, ''));
    points = percentFormat || Math.abs(v) <= 1 ? v * 100 : v;
  } else {
    if (isBlankText(v)) return BLANK;
    if (/^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i.test(v.trim())) {
      return { ok: false, code: 'value.formulaError', params: { error: v.trim().toUpperCase() } };
    }
    const n = parseNumberText(v);
    if (!n) return { ok: false, code: 'value.rateNotNumber', params: { text: v.trim() } };
    points = n.percent || Math.abs(n.value) > 1 ? n.value : n.value * 100;
  }
  points = snap(points);
  if (points < 0 || points > 100) return { ok: false, code: 'value.rateOutOfRange', params: { value: points } };
  return { ok: true, value: points };
}

/** A non-negative count (number of files, tasks, votes). */
export function parseCount(v: CellValue): Parsed<number> {
  if (typeof v === 'string') v = nfc(v); // messages quote the text: one form only
  if (v === null || v === undefined) return BLANK;
  if (isCellError(v)) return { ok: false, code: 'value.formulaError', params: { error: v.error } };
  let n: number | null = null;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    if (isBlankText(v)) return BLANK;
    const p = parseNumberText(v);
    n = p && !p.percent ? p.value : null;
  }
  if (n === null || !Number.isFinite(n)) return { ok: false, code: 'value.countNotNumber', params: { text: String(v) } };
  if (n < 0 || !Number.isInteger(snap(n))) return { ok: false, code: 'value.countInvalid', params: { value: n } };
  return { ok: true, value: Math.round(n) };
}

/** A rate from counts, computed in integers first so that 49/50 is exactly 98. */
export function rateFromCounts(done: number, total: number): Parsed<number> {
  if (total === 0) return { ok: false, code: 'value.zeroDenominator', params: {} };
  if (done > total) return { ok: false, code: 'value.countsInconsistent', params: { done, total } };
  return { ok: true, value: snap((done * 100) / total) };
}

const RATING_ALIASES: Record<string, string> = { tb: 'trung binh', xs: 'xuat sac', k: 'kha' };

/** A rating on the profile's ladder, as its canonical label ("Tốt"). */
export function parseRating(v: CellValue, ladder: string[]): Parsed<string> {
  if (typeof v === 'string') v = nfc(v); // messages quote the text: one form only
  if (v === null || v === undefined) return BLANK;
  if (isCellError(v)) return { ok: false, code: 'value.formulaError', params: { error: v.error } };
  if (typeof v !== 'string') return { ok: false, code: 'value.ratingUnknown', params: { text: String(v), ladder: ladder.join(', ') } };
  if (isBlankText(v)) return BLANK;
  let key = fold(v).replace(/^(xep loai|loai|muc|dat)\s+/, '').replace(/^(loai)\s+/, '');
  key = RATING_ALIASES[key] ?? key;
  const hit = ladder.find((label) => fold(label) === key);
  if (hit) return { ok: true, value: hit };
  return { ok: false, code: 'value.ratingUnknown', params: { text: v.trim(), ladder: ladder.join(', ') } };
}

const YES = new Set(['co', 'x', 'dat', 'yes', 'y', 'true', '1', 'da cong nhan', 'duoc cong nhan', 'da duoc cong nhan', 'co cong nhan']);
const NO = new Set(['khong', 'chua', '0', 'false', 'no', 'n', 'khong dat', 'chua cong nhan', 'chua duoc cong nhan', 'khong co']);

/** A decision reference such as "QĐ số 125/QĐ-UBND ngày 10/11/2022" counts as yes. */
export function isDecisionReference(s: string): boolean {
  if (/\d+\s*\/\s*(q[dđ]|QĐ)/i.test(s)) return true;
  const f = fold(s);
  return /\d+\s*\/?\s*(qd|qđ)/i.test(s) || /(^| )(qd|quyet dinh)( so)?( )?\d+/.test(f) || /\d+\s*qd\s*ubnd/.test(f);
}

/** Yes/no of workbook.md; `decisions` also accepts a decision reference as yes. */
export function parseYesNo(v: CellValue, decisions = false): Parsed<boolean> {
  if (typeof v === 'string') v = nfc(v); // messages quote the text: one form only
  if (v === null || v === undefined) return NO_VALUE;
  if (isCellError(v)) return { ok: false, code: 'value.formulaError', params: { error: v.error } };
  if (typeof v === 'boolean') return v ? YES_VALUE : NO_VALUE;
  if (typeof v === 'number') {
    if (v === 1) return YES_VALUE;
    if (v === 0) return NO_VALUE;
    return { ok: false, code: 'value.yesNoUnknown', params: { text: String(v) } };
  }
  const t = v.trim();
  if (isBlankText(t) || /^[-–—]$/.test(t)) return NO_VALUE;
  if (/^[✓✔☑]$/.test(t)) return YES_VALUE;
  // Long texts are never yes/no words: skip folding (costly on thousands of unique decision numbers).
  if (t.length > 24) {
    if (decisions && isDecisionReference(t)) return YES_VALUE;
    if (!/^(kh[oôố]ng|ch[uư]a)/i.test(nfc(t))) return { ok: false, code: 'value.yesNoUnknown', params: { text: t } };
  }
  const f = fold(t);
  if (YES.has(f)) return YES_VALUE;
  if (NO.has(f) || /^(khong|chua)( |$)/.test(f)) return NO_VALUE;
  if (decisions && isDecisionReference(t)) return YES_VALUE;
  return { ok: false, code: 'value.yesNoUnknown', params: { text: t } };
}

/** True for a cell that holds nothing (null, or only spaces). */
export function isBlankCell(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  return typeof v === 'string' && isBlankText(v);
}

/** Free text of a cell ("" for blank); numbers as typed. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // Most cells are already what the rest would give: one pass over the characters says so.
  if (cleanAlready(v)) return v;
  return nfc(v).replace(/[\u00a0\u202f]/g, ' ').trim();
}

/** What String.prototype.trim() removes (ECMAScript WhiteSpace and LineTerminator). */
function trimmable(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * True when cellText(v) is v itself: every character in nfc()'s sure set (text.ts surelyNfcCode),
 * no NBSP or narrow NBSP, nothing trim() removes at either end. One
 * pass instead of two regular expressions and a trim per cell read (test/core/values.test.ts holds
 * it to the definition).
 */
function cleanAlready(v: string): boolean {
  const n = v.length;
  if (n === 0) return true;
  if (trimmable(v.charCodeAt(0)) || trimmable(v.charCodeAt(n - 1))) return false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (!surelyNfcCode(c) || c === 0xa0 || c === 0x202f) return false;
  }
  return true;
}

/** Initiative cell: present when it holds text that is not a "no". */
export function initiativePresent(v: CellValue): Parsed<boolean> {
  const t = cellText(v);
  if (!t) return NO_VALUE;
  if (t.length > 24) return YES_VALUE; // a title, not a yes/no word
  const yn = parseYesNo(v, true);
  if (yn.ok === true) return yn;
  return YES_VALUE;
}
