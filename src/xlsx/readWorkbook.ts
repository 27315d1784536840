/**
 * exceljs adapter, reading side: an .xlsx file → the host-neutral Grid. Decides nothing; every
 * way a file can be unreadable becomes a message, never an exception.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import type { CellRect, CellValue, Grid, SheetGrid } from '../core/grid';
import type { Message } from '../core/result';
import './messages';

export type ReadOutcome = { ok: true; grid: Grid; workbook: ExcelJS.Workbook } | { ok: false; error: Message };

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function fail(code: string, path: string, why?: string): ReadOutcome {
  return { ok: false, error: { code, params: why === undefined ? { path } : { path, why } } };
}

/** "dd/mm/yyyy": how a Vietnamese clerk reads a date (birth dates, decision dates). */
function dateText(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/** One exceljs cell value → a grid value (formula → its cached result; rich text → plain text). */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
    case 'string':
    case 'boolean':
      return v;
  }
  if (v instanceof Date) return dateText(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { error: o.error };
  if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? toCellValue(o.result) : null;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if (typeof o.text === 'string') return o.text; // hyperlink
  return null;
}

function readSheet(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  let hasFormat = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: CellValue[] = [];
    const fmt: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = toCellValue(cell.value);
      line[colNumber - 1] = v;
      // Only numbers need their format (a "%" format makes 0.985 read as 98.5%).
      if (typeof v === 'number' && cell.numFmt) {
        fmt[colNumber - 1] = cell.numFmt;
        hasFormat = true;
      }
    });
    for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = null;
    values[rowNumber - 1] = line;
    formats[rowNumber - 1] = fmt;
  });
  for (let i = 0; i < values.length; i++) if (!values[i]) values[i] = [];
  const merges: CellRect[] = [];
  // exceljs keeps merges on a private map; its public `model` would rebuild the whole sheet.
  const raw = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
  for (const m of Object.values(raw)) {
    if (m?.model) merges.push({ top: m.model.top - 1, left: m.model.left - 1, bottom: m.model.bottom - 1, right: m.model.right - 1 });
  }
  const sheet: SheetGrid = { name: ws.name, originRow: 0, originCol: 0, values, merges, hidden: ws.state !== 'visible' };
  if (hasFormat) sheet.numberFormats = formats.map((f) => (f ? Array.from(f, (x) => x ?? 'General') : []));
  return sheet;
}

export function gridOf(workbook: ExcelJS.Workbook): Grid {
  return { sheets: workbook.worksheets.map(readSheet) };
}

export async function readWorkbookFile(path: string): Promise<ReadOutcome> {
  let head: Buffer;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return fail('xlsx.notAFile', path);
    if (stat.size === 0) return fail('xlsx.empty', path);
    const fh = await fs.open(path, 'r');
    try {
      head = Buffer.alloc(8);
      await fh.read(head, 0, 8, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('xlsx.notFound', path);
    return fail('xlsx.unreadable', path, code ?? String(e));
  }
  // An encrypted .xlsx is an OLE2 compound file (so is an old .xls): say so instead of "corrupt".
  if (head.equals(OLE2)) return fail('xlsx.encrypted', path);
  if (!head.subarray(0, 4).equals(ZIP)) return fail('xlsx.notXlsx', path);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    return fail('xlsx.corrupt', path, (e as Error).message?.split('\n')[0] ?? String(e));
  }
  if (!workbook.worksheets.length) return fail('xlsx.notXlsx', path);
  return { ok: true, grid: gridOf(workbook), workbook };
}
