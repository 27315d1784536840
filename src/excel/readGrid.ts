/**
 * Office.js adapter, reading side: every sheet's used range (values, number formats, merged areas)
 * → the host-neutral Grid, in two syncs whatever the size: one for the sheet list, one for all the
 * used ranges together.
 */
import type { CellRect, CellValue, Grid, SheetGrid } from '../core/grid';
import { RESULT_SHEET_NAMES } from '../core/tables';
import { STATE_SHEET } from '../core/annotationPlan';
import { isStagingSheet } from '../core/marks';
import { supports } from './capabilities';
import type { Syncer } from './syncer';

/** The error values Excel shows as text in `values` (a formula that failed). */
const EXCEL_ERRORS = new Set(['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#GETTING_DATA']);

/** True for a number format that shows a date (exceljs turns those cells into dates; so do we). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General') return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dy]/i.test(bare);
}

/** "dd/mm/yyyy" of an Excel date serial (the way the exceljs adapter writes dates). */
export function serialToText(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86400000));
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

export function toCellValue(v: unknown, format: string | undefined): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return EXCEL_ERRORS.has(v) ? { error: v } : v;
  if (typeof v === 'number') return isDateFormat(format) ? serialToText(v) : v;
  if (typeof v === 'boolean') return v;
  return String(v);
}

/** "Sheet1!A4:A5" / "'Tập thể'!B4:D4" → 0-based rectangle. */
export function rectOf(address: string): CellRect | null {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(local);
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left };
}

/** Splits a RangeAreas address list on the commas outside quoted sheet names. */
export function splitAddresses(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export interface ReadOptions {
  /** Queues more loads into the second request (e.g. the existing notes), saving a round trip. */
  alongside?: () => void;
}

export interface GridRead {
  grid: Grid;
  /** Every sheet of the workbook, including the ones not read. */
  names: string[];
}

/** Our own result sheet is not read back: the core ignores it and it can be large. */
const SKIPPED = new Set<string>(Object.values(RESULT_SHEET_NAMES));

export async function readGrid(syncer: Syncer, options: ReadOptions = {}): Promise<GridRead> {
  const worksheets = syncer.context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await syncer.sync();
  const withMerges = supports('1.13');
  // A state write interrupted between its two steps leaves the new state under a staging name: the
  // last one is read as the state when the state sheet itself is missing; otherwise they are ignored.
  const names = worksheets.items.map((ws) => ws.name);
  const staged = names.includes(STATE_SHEET) ? undefined : names.filter(isStagingSheet).pop();
  const wanted = worksheets.items.filter((ws) => !SKIPPED.has(ws.name) && (!isStagingSheet(ws.name) || ws.name === staged));
  const parts = wanted.map((ws) => {
    // valuesOnly: formatted but empty cells around the table are not worth reading.
    const used = ws.getUsedRange(true);
    used.load('values,numberFormat,rowIndex,columnIndex');
    const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    return { ws, used, merged };
  });
  options.alongside?.();
  await syncer.sync();
  const sheets: SheetGrid[] = parts.map(({ ws, used, merged }) => {
    const formats = used.numberFormat as string[][];
    const values: CellValue[][] = (used.values as unknown[][]).map((line, r) => line.map((v, c) => toCellValue(v, formats[r]?.[c])));
    // Number formats matter for numbers only (a "%" format), as in the exceljs adapter.
    const numberFormats = values.map((line, r) => line.map((v, c) => (typeof v === 'number' ? (formats[r]?.[c] ?? 'General') : 'General')));
    const sheet: SheetGrid = { name: ws.name === staged ? STATE_SHEET : ws.name, originRow: used.rowIndex, originCol: used.columnIndex, values, hidden: ws.visibility !== 'Visible' };
    if (numberFormats.some((line) => line.some((f) => f !== 'General'))) sheet.numberFormats = numberFormats;
    if (merged) {
      sheet.merges = merged.isNullObject ? [] : splitAddresses(merged.address).map(rectOf).filter((r): r is CellRect => r !== null);
    }
    return sheet;
  });
  return { grid: { sheets }, names };
}
