/**
 * The former exceljs reader (an .xlsx file → the host-neutral Grid), kept out of the product (src/
 * has no exceljs: test/shape/imports.test.ts) as an independent second reader: the streaming reader
 * (src/xlsx/read.ts) must give the same Grid (test/xlsx/streamParity.test.ts); tests and the
 * simulator (tools/simulator) read workbooks with it. Same messages as the product for files that
 * cannot be read (the file checks are the product's readZipFile).
 *
 * What a cell becomes (the same as the Office.js adapter gives, so that both hosts agree):
 * numbers, strings and booleans as they are; rich text → its plain text; a formula → its cached
 * result; an Excel error result → { error: '#DIV/0!' }; a date → "dd/mm/yyyy" text (how the
 * clerk reads it: birth dates, decision dates); a hyperlink → its text; the non-top-left cells of
 * a merged area → null (exceljs would repeat the top-left value there; Excel does not).
 */
import ExcelJS from 'exceljs';
import { type CellRect, type CellValue, type Grid, type SheetGrid, type Message } from '../../src/core';
import { isDateFormat } from '../../src/core/dateFormat';
import { readZipFile } from '../../src/xlsx/read';

export type ReadOutcome =
  | {
      ok: true;
      grid: Grid;
      workbook: ExcelJS.Workbook;
    }
  | { ok: false; error: Message };

const MERGE = ExcelJS.ValueType.Merge;

function fail(code: Message['code'], path: string, why?: string): ReadOutcome {
  return { ok: false, error: { code, params: why === undefined ? { path } : { path, why } } };
}

/** "dd/mm/yyyy": how a Vietnamese clerk reads a date (birth dates, decision dates). */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/** One exceljs cell value → a grid value (formula → its cached result; rich text → plain text). */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : null;
  }
  if (v instanceof Date) return dateText(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { error: o.error };
  if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? toCellValue(o.result) : null;
  if (Array.isArray(o.richText)) return richText(o.richText);
  if ('hyperlink' in o || 'text' in o) return toCellValue(o.text); // hyperlink: its text (maybe rich)
  return null;
}

function richText(runs: unknown[]): string {
  let s = '';
  for (const r of runs) s += (r as { text?: string }).text ?? '';
  return s;
}

interface RawCell {
  type: number;
  value: ExcelJS.CellValue;
  numFmt?: string;
}

/**
 * The rows of a worksheet as [1-based row number, cells]. exceljs keeps them in private arrays;
 * reading those directly is several times faster than eachRow/eachCell (no closures, no
 * per-row lodash scan). The public API is the fallback if a future exceljs renames them.
 */
function rowsOf(ws: ExcelJS.Worksheet): [number, (RawCell | undefined)[]][] {
  const rawRows = (ws as unknown as { _rows?: ({ _cells?: (RawCell | undefined)[] } | undefined)[] })._rows;
  const out: [number, (RawCell | undefined)[]][] = [];
  if (Array.isArray(rawRows) && rawRows.every((r) => r === undefined || r === null || Array.isArray(r._cells))) {
    for (let i = 0; i < rawRows.length; i++) {
      const cells = rawRows[i]?._cells;
      if (cells && cells.length) out.push([i + 1, cells]);
    }
    return out;
  }
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => (cells[c - 1] = cell as unknown as RawCell));
    out.push([n, cells]);
  });
  return out;
}

function mergesOf(ws: ExcelJS.Worksheet): CellRect[] {
  // exceljs keeps merges on a private map; its public `model` would rebuild the whole sheet.
  type Range = { model?: { top: number; left: number; bottom: number; right: number } };
  const raw = (ws as unknown as { _merges?: Record<string, Range> })._merges ?? {};
  const merges: CellRect[] = [];
  for (const m of Object.values(raw)) {
    if (m?.model) merges.push({ top: m.model.top - 1, left: m.model.left - 1, bottom: m.model.bottom - 1, right: m.model.right - 1 });
  }
  return merges;
}

/**
 * exceljs turns any date-or-time format's number into a Date; a time alone ("h:mm") is not a date for
 * the product (core isDateFormat: Excel stores a fraction of a day), so it goes back to the serial.
 */
function timeAsSerial(v: ExcelJS.CellValue, numFmt: string | undefined): ExcelJS.CellValue {
  if (!(v instanceof Date) || !numFmt || isDateFormat(numFmt)) return v;
  return (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

/** One worksheet → its SheetGrid over the used range (first to last row/column holding a value). */
export function readSheet(ws: ExcelJS.Worksheet): SheetGrid {
  const lines: [number, CellValue[], (string | undefined)[] | null][] = [];
  let minCol = Infinity;
  for (const [rowNumber, cells] of rowsOf(ws)) {
    const line: CellValue[] = new Array(cells.length);
    let fmt: (string | undefined)[] | null = null;
    let first = -1;
    let last = -1;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      // A merged area's value belongs to its top-left cell only (the merge list says the rest).
      const v = cell && cell.type !== MERGE ? toCellValue(timeAsSerial(cell.value, cell.numFmt)) : null;
      line[i] = v;
      if (v === null) continue;
      if (first < 0) first = i;
      last = i;
      // Only numbers need their format (a "%" format makes 0.985 read as 98.5%).
      if (typeof v === 'number') {
        const f = cell!.numFmt;
        if (f) (fmt ??= [])[i] = f;
      }
    }
    if (last < 0) continue; // styled but empty: not part of the used range
    line.length = last + 1;
    if (first < minCol) minCol = first;
    lines.push([rowNumber - 1, line, fmt]);
  }
  const sheet: SheetGrid = { name: ws.name, originRow: 0, originCol: 0, values: [], merges: mergesOf(ws), hidden: ws.state !== 'visible' };
  if (!lines.length) return sheet;
  const originRow = lines[0][0];
  const originCol = minCol;
  const height = lines[lines.length - 1][0] - originRow + 1;
  const values: CellValue[][] = new Array(height);
  let formats: string[][] | undefined;
  for (const [r, line, fmt] of lines) {
    values[r - originRow] = originCol ? line.slice(originCol) : line;
    if (fmt) {
      formats ??= [];
      const row: string[] = new Array(line.length - originCol).fill('General');
      for (let i = originCol; i < fmt.length; i++) if (fmt[i]) row[i - originCol] = fmt[i]!;
      formats[r - originRow] = row;
    }
  }
  for (let i = 0; i < height; i++) if (!values[i]) values[i] = [];
  if (formats) for (let i = 0; i < height; i++) if (!formats[i]) formats[i] = [];
  sheet.originRow = originRow;
  sheet.originCol = originCol;
  sheet.values = values;
  if (formats) sheet.numberFormats = formats;
  return sheet;
}

export function gridOf(workbook: ExcelJS.Workbook): Grid {
  return { sheets: workbook.worksheets.map(readSheet) };
}

export async function readWorkbookFile(path: string): Promise<ReadOutcome> {
  const file = await readZipFile(path);
  if (!file.ok) return file;
  const workbook = new ExcelJS.Workbook();
  try {
    // (exceljs's typings predate Node's generic Buffer type.)
    await workbook.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    // The zip library's own words help ("Corrupted zip ?"); a TypeError from inside exceljs would not.
    const internal = e instanceof TypeError || e instanceof ReferenceError || e instanceof RangeError;
    const why = internal ? '' : (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
    return fail('xlsx.corrupt', path, why);
  }
  // A zip without worksheets: a .docx, .ods or any archive renamed .xlsx.
  if (!workbook.worksheets.length) return fail('xlsx.notXlsx', path);
  return { ok: true, grid: gridOf(workbook), workbook };
}
