/**
 * .xlsx ↔ the strict host's workbook model. Reading goes through the project's own reader
 * (readWorkbookFile: values as the add-in and the CLI see them — a formula's saved result, a date as
 * dd/mm/yyyy, a merged area's value on its top-left cell only); number formats, solid fills, notes
 * and sheet visibility are taken from the same file with exceljs. Writing a snapshot keeps values,
 * number formats, fills, notes, merges and visibility, so it opens in Excel or LibreOffice.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { a1 } from '../../src/core/grid';
import { renderMessage } from '../../src/core/messages/render';
import type { Lang } from '../../src/core/ids';
import { readWorkbookFile } from '../../test/support/readWorkbook';
import * as nodePath from 'path';
import { generatedWorkbook } from '../excel-host/generate';
import type { CellModel, SheetModel, WorkbookModel } from '../excel-host/model';
import { parseRect } from '../excel-host/model';

export type LoadOutcome = { ok: true; model: WorkbookModel } | { ok: false; message: string };

/** "#RRGGBB" of a solid fill; undefined for none or a pattern that is not one colour. */
function solidFill(fill: ExcelJS.Fill | undefined): string | undefined {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  const argb = (fill.fgColor as { argb?: string } | undefined)?.argb;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
}

function noteText(note: unknown): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : undefined;
}

const VISIBILITY: Record<string, SheetModel['visibility']> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

/** The model of a scenario's `workbook`: "generated:<rows>" (tools/excel-host/generate.ts), or a file relative to `dir`. */
export async function scenarioWorkbook(workbook: string, dir: string, lang: Lang = 'vi'): Promise<LoadOutcome> {
  const generated = /^generated:(\d+)$/.exec(workbook);
  if (generated) {
    const rows = Number(generated[1]);
    if (rows < 2 || rows > 200000) return { ok: false, message: `${workbook}: between 2 and 200,000 rows` };
    return { ok: true, model: generatedWorkbook(rows) };
  }
  return loadWorkbook(nodePath.resolve(dir, workbook), lang);
}

export async function loadWorkbook(path: string, lang: Lang = 'vi'): Promise<LoadOutcome> {
  if (path.toLowerCase().endsWith('.json')) {
    try {
      const model = JSON.parse(await fs.readFile(path, 'utf8')) as WorkbookModel;
      if (!model || !Array.isArray(model.sheets)) return { ok: false, message: `${path}: not a workbook model (no "sheets")` };
      return { ok: true, model };
    } catch (e) {
      return { ok: false, message: `${path}: ${(e as Error).message}` };
    }
  }
  const read = await readWorkbookFile(path);
  if (!read.ok) return { ok: false, message: renderMessage(read.error, lang) };
  const book = read.workbook;
  const sheets: SheetModel[] = [];
  book.worksheets.forEach((ws, i) => {
    const grid = read.grid.sheets[i];
    const cells: Record<string, CellModel> = {};
    const at = (addr: string): CellModel => (cells[addr] ??= { value: null });
    grid?.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null && v !== '') at(a1(grid.originRow + r, grid.originCol + c)).value = v;
      }),
    );
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fill = solidFill(cell.style?.fill);
        const note = noteText(cell.note);
        const hasValue = cells[cell.address] !== undefined;
        const numFmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
        if (fill) at(cell.address).fill = fill;
        if (note !== undefined) at(cell.address).note = note;
        // A number format matters where there is a value (an empty formatted cell is nothing to Excel's used range).
        if (numFmt && hasValue) at(cell.address).numberFormat = numFmt;
      }),
    );
    const sheet: SheetModel = { name: ws.name, cells };
    const merges = (grid?.merges ?? []).map((m) => (m.top === m.bottom && m.left === m.right ? a1(m.top, m.left) : `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`));
    if (merges.length) sheet.merges = merges;
    const vis = VISIBILITY[ws.state] ?? 'Visible';
    if (vis !== 'Visible') sheet.visibility = vis;
    sheets.push(sheet);
  });
  return { ok: true, model: { sheets } };
}

/** A snapshot as an .xlsx (values, number formats, fills, notes, merges, visibility). */
export async function writeXlsx(model: WorkbookModel, path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const s of model.sheets) {
    const ws = book.addWorksheet(s.name, { state: s.visibility === 'VeryHidden' ? 'veryHidden' : s.visibility === 'Hidden' ? 'hidden' : 'visible' });
    for (const [addr, c] of Object.entries(s.cells)) {
      const cell = ws.getCell(addr);
      const v = c.value;
      if (v !== null && v !== undefined) cell.value = typeof v === 'object' ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill.slice(1).toUpperCase()}` } };
      // A threaded comment is written as a note: exceljs cannot write threaded comments.
      const note = c.note ?? c.comment;
      if (note !== undefined) cell.note = note;
      if (c.bold) cell.font = { bold: true };
    }
    for (const m of s.merges ?? []) {
      const r = parseRect(m);
      if (r && (r.top !== r.bottom || r.left !== r.right)) ws.mergeCells(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);
    }
    for (const [letter, w] of Object.entries(s.columnWidths ?? {})) ws.getColumn(letter).width = w / 7;
  }
  await book.xlsx.writeFile(path);
}
