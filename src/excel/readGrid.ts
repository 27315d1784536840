/**
 * Office.js adapter, reading side: every sheet's used range (values, number formats, merged areas)
 * → the host-neutral Grid, with every response under Excel on the web's 5 MB cap:
 *   sync 1: the sheet list (names, visibility, protection; workbook structure protection);
 *   sync 2: each sheet's used range (its size, merged areas) and its top-left block of cells — the
 *           whole sheet for an ordinary workbook (≈ 1,000 rows);
 *   then the rest of the larger sheets in row blocks, as many per request as fit 4 MB at the bytes
 *   per cell seen in the first blocks: one more sync per ~4 MB read.
 * A request Excel still refuses for its response size (cells far longer than the first ones) is
 * split in two and sent again (reading changes nothing).
 */
import { type CellRect, type CellValue, type Grid, type SheetGrid, RESULT_SHEET_NAMES, STATE_SHEET, isDateFormat, isStagingSheet } from '../core';
import { supports } from './capabilities';
import { jsonSize, type Syncer } from './syncer';

/** The error values Excel shows as text in `values` (a formula that failed). */
const EXCEL_ERRORS = new Set(['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#GETTING_DATA']);

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
  alongside?: (names: string[]) => void;
  /** Response budget per request in bytes (tests shrink it). */
  budget?: number;
}

export interface GridRead {
  grid: Grid;
  /** Every sheet of the workbook, including the ones not read. */
  names: string[];
  /** Sheets under sheet protection (Review → Protect Sheet): nothing can be written on them. */
  protectedSheets: string[];
  /** Workbook structure protection: no sheet can be added, deleted, renamed or hidden. */
  structureProtected: boolean;
}

/** Our own result sheet is not read back: the core ignores it and it can be large. */
const SKIPPED = new Set<string>(Object.values(RESULT_SHEET_NAMES));

/** Response budget of one request: 4 MB of Excel on the web's 5 MB (the estimate is an estimate). */
export const RESPONSE_BUDGET = 4 * 1024 * 1024;
/** The first block read of each sheet: its first rows, columns A:Z (tables are rarely wider). */
const FIRST_BLOCK_COLS = 26;
/** Cells of the first blocks together (≈ 3 MB at the 35 bytes a cell of value + format usually takes). */
const FIRST_BLOCK_CELLS = 90000;
/** Bytes per cell assumed at least (value + number format in the response's JSON). */
const MIN_CELL_BYTES = 24;

/** A block of a sheet, 0-based and inclusive (the core's rectangle). */
type Rect = CellRect;

interface Chunk {
  sheet: number;
  rect: Rect;
}

function colLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const address = (r: Rect): string => `${colLetter(r.left)}${r.top + 1}:${colLetter(r.right)}${r.bottom + 1}`;

function isResponseTooLarge(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === 'ResponsePayloadSizeLimitExceeded';
}

export async function readGrid(syncer: Syncer, options: ReadOptions = {}): Promise<GridRead> {
  const budget = options.budget ?? RESPONSE_BUDGET;
  const { context } = syncer;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/protection/protected');
  const bookProtection = supports('1.7') ? context.workbook.protection : null;
  bookProtection?.load('protected');
  await syncer.sync();
  const withMerges = supports('1.13');
  // A state write interrupted between its two steps leaves the new state under a staging name: the
  // last one is read as the state when the state sheet itself is missing; otherwise they are ignored.
  const names = worksheets.items.map((ws) => ws.name);
  const protectedSheets = worksheets.items.filter((ws) => ws.protection.protected).map((ws) => ws.name);
  const staged = names.includes(STATE_SHEET) ? undefined : names.filter(isStagingSheet).pop();
  const wanted = worksheets.items.filter((ws) => !SKIPPED.has(ws.name) && (!isStagingSheet(ws.name) || ws.name === staged));

  // Sync 2: sizes, merges and the first block of every sheet; smaller blocks if Excel refuses the response.
  let blockRows = Math.max(1, Math.floor(FIRST_BLOCK_CELLS / FIRST_BLOCK_COLS / Math.max(1, wanted.length)));
  let parts!: { ws: Excel.Worksheet; used: Excel.Range; merged: Excel.RangeAreas | null; block: Excel.Range }[];
  for (;;) {
    parts = wanted.map((ws) => {
      // valuesOnly: formatted but empty cells around the table are not worth reading.
      const used = ws.getUsedRange(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
      merged?.load('address');
      const block = used.getIntersectionOrNullObject(`A1:${colLetter(FIRST_BLOCK_COLS - 1)}${blockRows}`);
      block.load('values,numberFormat,rowIndex,columnIndex,rowCount,columnCount');
      return { ws, used, merged, block };
    });
    options.alongside?.(names);
    try {
      await syncer.sync();
      break;
    } catch (e) {
      if (!isResponseTooLarge(e) || blockRows === 1) throw e;
      blockRows = Math.max(1, Math.floor(blockRows / 4));
    }
  }

  // What each sheet's grid holds so far, and what is left to read.
  const grids = parts.map(({ used }) => ({
    used: { top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 } as Rect,
    values: Array.from({ length: used.rowCount }, () => new Array<unknown>(used.columnCount).fill('')),
    formats: Array.from({ length: used.rowCount }, () => new Array<string>(used.columnCount).fill('General')),
  }));
  const place = (i: number, at: Rect, values: unknown[][], formats: string[][]) => {
    const g = grids[i];
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        g.values[at.top - g.used.top + r][at.left - g.used.left + c] = v;
        g.formats[at.top - g.used.top + r][at.left - g.used.left + c] = formats[r]?.[c] ?? 'General';
      }),
    );
  };
  let seenBytes = 0;
  let seenCells = 0;
  const rest: Chunk[] = [];
  parts.forEach(({ block }, i) => {
    const u = grids[i].used;
    if (block.isNullObject) {
      rest.push({ sheet: i, rect: u });
      return;
    }
    const b: Rect = { top: block.rowIndex, left: block.columnIndex, bottom: block.rowIndex + block.rowCount - 1, right: block.columnIndex + block.columnCount - 1 };
    const values = block.values as unknown[][];
    const formats = block.numberFormat as string[][];
    place(i, b, values, formats);
    seenBytes += jsonSize(values) + jsonSize(formats);
    seenCells += block.rowCount * block.columnCount;
    // Right of the block (its rows), then everything below it.
    if (u.right > b.right) rest.push({ sheet: i, rect: { top: u.top, bottom: b.bottom, left: b.right + 1, right: u.right } });
    if (u.bottom > b.bottom) rest.push({ sheet: i, rect: { top: b.bottom + 1, bottom: u.bottom, left: u.left, right: u.right } });
  });

  // The rest in row blocks of at most `budget` bytes at the density seen (a quarter more for safety).
  const perCell = Math.max(MIN_CELL_BYTES, seenCells ? seenBytes / seenCells : 0) * 1.25;
  const queue: Chunk[] = [];
  for (const chunk of rest) {
    const width = chunk.rect.right - chunk.rect.left + 1;
    const rows = Math.max(1, Math.floor(budget / (perCell * width)));
    for (let top = chunk.rect.top; top <= chunk.rect.bottom; top += rows) queue.push({ sheet: chunk.sheet, rect: { ...chunk.rect, top, bottom: Math.min(chunk.rect.bottom, top + rows - 1) } });
  }
  const cost = (c: Chunk) => perCell * (c.rect.bottom - c.rect.top + 1) * (c.rect.right - c.rect.left + 1);
  while (queue.length) {
    const batch: Chunk[] = [];
    let bytes = 0;
    while (queue.length && (batch.length === 0 || bytes + cost(queue[0]) <= budget)) {
      bytes += cost(queue[0]);
      batch.push(queue.shift()!);
    }
    const loads = batch.map((c) => {
      const range = parts[c.sheet].ws.getRange(address(c.rect));
      range.load('values,numberFormat');
      return { c, range };
    });
    try {
      await syncer.sync();
    } catch (e) {
      if (!isResponseTooLarge(e)) throw e;
      // Longer cells than the first blocks showed: these chunks one per request, halved as needed.
      await readOneByOne(syncer, batch, parts, place);
      continue;
    }
    for (const { c, range } of loads) place(c.sheet, c.rect, range.values as unknown[][], range.numberFormat as string[][]);
  }

  const sheets: SheetGrid[] = parts.map(({ ws, merged }, i) => {
    const g = grids[i];
    const values: CellValue[][] = g.values.map((line, r) => line.map((v, c) => toCellValue(v, g.formats[r]?.[c])));
    // Number formats matter for numbers only (a "%" format), as in the exceljs adapter.
    const numberFormats = values.map((line, r) => line.map((v, c) => (typeof v === 'number' ? (g.formats[r]?.[c] ?? 'General') : 'General')));
    const sheet: SheetGrid = { name: ws.name === staged ? STATE_SHEET : ws.name, originRow: g.used.top, originCol: g.used.left, values, hidden: ws.visibility !== 'Visible' };
    if (numberFormats.some((line) => line.some((f) => f !== 'General'))) sheet.numberFormats = numberFormats;
    if (merged) {
      sheet.merges = merged.isNullObject ? [] : splitAddresses(merged.address).map(rectOf).filter((r): r is CellRect => r !== null);
    }
    return sheet;
  });
  return { grid: { sheets }, names, protectedSheets, structureProtected: bookProtection?.protected ?? false };
}

/** Chunks read one per request, each halved until Excel accepts its response. */
async function readOneByOne(syncer: Syncer, chunks: Chunk[], parts: { ws: Excel.Worksheet }[], place: (i: number, at: Rect, values: unknown[][], formats: string[][]) => void): Promise<void> {
  const queue = [...chunks];
  while (queue.length) {
    const c = queue.shift()!;
    const range = parts[c.sheet].ws.getRange(address(c.rect));
    range.load('values,numberFormat');
    try {
      await syncer.sync();
    } catch (e) {
      if (!isResponseTooLarge(e) || c.rect.top === c.rect.bottom) throw e;
      const mid = Math.floor((c.rect.top + c.rect.bottom) / 2);
      queue.unshift({ sheet: c.sheet, rect: { ...c.rect, bottom: mid } }, { sheet: c.sheet, rect: { ...c.rect, top: mid + 1 } });
      continue;
    }
    place(c.sheet, c.rect, range.values as unknown[][], range.numberFormat as string[][]);
  }
}
