/**
 * The host-neutral picture of a workbook that every adapter produces (Office.js, exceljs)
 * and the core consumes. Nothing here knows where the cells came from.
 */

/** An Excel error value such as "#DIV/0!" or "#N/A" (a formula that failed). */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | null | CellError;

/** 0-based inclusive rectangle in worksheet coordinates (row 0 = worksheet row 1, col 0 = column A). */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Worksheet row/column (0-based) of values[0][0]; the used range need not start at A1. */
  originRow: number;
  originCol: number;
  /** Row-major cell values of the used range. Dates arrive as numbers (serials) or strings. */
  values: CellValue[][];
  /** Number formats, same shape as values, when the adapter could read them ("0.0%", "General"). */
  numberFormats?: string[][];
  /** Merged areas intersecting the used range, when the adapter could read them. */
  merges?: CellRect[];
  /** Hidden sheets are read like visible ones; the flag is informative only. */
  hidden?: boolean;
}

export interface Grid {
  sheets: SheetGrid[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** Value at worksheet coordinates (0-based), or null outside the used range. */
export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = row - sheet.originRow;
  if (r < 0 || r >= sheet.values.length) return null;
  return valueIn(sheet, sheet.values[r], col);
}

/** Value at worksheet column `col` (0-based) of one row of the grid (`sheet.values[i]`), or null. */
export function valueIn(sheet: SheetGrid, line: readonly CellValue[] | undefined, col: number): CellValue {
  const c = col - sheet.originCol;
  if (!line || c < 0 || c >= line.length) return null;
  const v = line[c];
  return v === undefined ? null : v;
}

export function formatAt(sheet: SheetGrid, row: number, col: number): string | undefined {
  const r = row - sheet.originRow;
  const c = col - sheet.originCol;
  return sheet.numberFormats?.[r]?.[c];
}

/** Last worksheet row / column (0-based) covered by the grid. */
export function lastRow(sheet: SheetGrid): number {
  return sheet.originRow + sheet.values.length - 1;
}

export function lastCol(sheet: SheetGrid): number {
  let width = 0;
  const lines = sheet.values;
  for (let i = 0; i < lines.length; i++) if (lines[i].length > width) width = lines[i].length;
  return sheet.originCol + width - 1;
}

/** "A", "B", … "Z", "AA" for a 0-based column index. */
export function columnLetter(col: number): string {
  // Every reading names its cell: the first 702 columns (A…ZZ) are looked up, not rebuilt.
  if (col >= 0 && col < LETTERS.length) return LETTERS[col];
  return spellColumn(col);
}

function spellColumn(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const LETTERS: string[] = Array.from({ length: 702 }, (_, c) => spellColumn(c));

/** 0-based column index for "A", "AA"… */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of 0-based worksheet coordinates. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** Cells → ["C6:C20", "D4"]: runs of consecutive rows of a column, columns left to right (for a backup, or a RangeAreas address list). */
export function cellRuns(cells: { row: number; col: number }[]): string[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].col === sorted[i].col && sorted[j + 1].row <= sorted[j].row + 1) j++;
    const top = a1(sorted[i].row, sorted[i].col);
    out.push(sorted[j].row === sorted[i].row ? top : `${top}:${a1(sorted[j].row, sorted[j].col)}`);
    i = j + 1;
  }
  return out;
}

/** Parses "B7" into 0-based coordinates; null for anything else. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}
