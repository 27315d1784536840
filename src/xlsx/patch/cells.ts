/**
 * Cell formats of chosen cells in a worksheet part (ECMA-376 Part 1 §18.3.1.99 worksheet,
 * §18.3.1.80 sheetData, §18.3.1.73 row, §18.3.1.4 c). Only the `s` attribute of the cells we mark
 * is changed; a cell that has no record yet gets one (`<c r="B4" s="…"/>`, in column order, in a
 * row record in row order), and on clear a record we created is removed again when it is still bare.
 *
 * A cell with no record shows the row's format when the row has customFormat="1", else its
 * column's (§18.3.1.13 col/@style), else format 0; a record without `s` shows format 0 (§18.3.1.4).
 */
import { columnLetter, parseA1 } from '../../core';
import { attrs, escAttr, setAttr, splice, type Splice } from '../xml';

export interface CellInfo {
  row: number;
  col: number;
  /** The record's `s` as written (null: no attribute, or no record). */
  s: string | null;
  /** The format the cell shows (see above). */
  xf: number;
  /** The record exists; the row exists. */
  hasCell: boolean;
  hasRow: boolean;
  /** The record is `<c …/>` with no value, formula or other content. */
  bare: boolean;
}

export interface RowScan {
  num: number;
  start: number;
  tagEnd: number;
  end: number;
  tag: string;
  selfClosing: boolean;
  cells: { col: number; start: number; tagEnd: number; end: number; tag: string; selfClosing: boolean }[];
}

export interface SheetScan {
  prefix: string;
  /** Rows holding a requested cell, by row number (0-based). */
  rows: Map<number, RowScan>;
  /** Every row's number and start, for placing a new row. */
  rowNums: number[];
  rowStarts: number[];
  sheetData: { start: number; tagEnd: number; end: number; selfClosing: boolean };
  colStyles: { min: number; max: number; style: number }[];
}

const key = (row: number, col: number) => row * 16384 + col;

/** One pass over sheetData: positions of the requested rows' records and cells. */
export function scanSheet(xml: string, wanted: Iterable<{ row: number; col: number }>): SheetScan {
  const wantRows = new Set<number>();
  for (const w of wanted) wantRows.add(w.row);
  const sd = /<((?:\w+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!sd) throw new Error('worksheet without sheetData');
  const prefix = sd[1];
  const sdSelf = sd[2] === '/';
  const sdTagEnd = sd.index + sd[0].length;
  const sdEnd = sdSelf ? sdTagEnd : xml.indexOf(`</${prefix}sheetData>`, sdTagEnd);
  const colStyles: SheetScan['colStyles'] = [];
  const cols = /<(?:\w+:)?col\b[^>]*>/g;
  let m: RegExpExecArray | null;
  const head = xml.slice(0, sd.index);
  while ((m = cols.exec(head))) {
    const a = attrs(m[0]);
    if (a.has('style')) colStyles.push({ min: Number(a.get('min')) - 1, max: Number(a.get('max')) - 1, style: Number(a.get('style')) });
  }
  const scan: SheetScan = { prefix, rows: new Map(), rowNums: [], rowStarts: [], sheetData: { start: sd.index, tagEnd: sdTagEnd, end: sdSelf ? sdTagEnd : sdEnd + `</${prefix}sheetData>`.length, selfClosing: sdSelf }, colStyles };
  if (sdSelf) return scan;
  // Only row and c tags are looked at; text never holds a raw "<" (it is escaped), so a match is a tag.
  const re = /<(\/?)(?:\w+:)?(row|c)(?=[\s/>])[^>]*>/g;
  re.lastIndex = sdTagEnd;
  let row: RowScan | null = null;
  let rowNum = -1;
  let colNum = -1;
  let cellOpen: RowScan['cells'][number] | null = null;
  while ((m = re.exec(xml)) && m.index < sdEnd) {
    const closing = m[1] === '/';
    const self = m[0].endsWith('/>');
    if (m[2] === 'row') {
      if (closing) {
        if (row) row.end = m.index + m[0].length;
        row = null;
        continue;
      }
      const r = /\sr\s*=\s*["'](\d+)["']/.exec(m[0]);
      rowNum = r ? Number(r[1]) - 1 : rowNum + 1;
      colNum = -1;
      scan.rowNums.push(rowNum);
      scan.rowStarts.push(m.index);
      const rs: RowScan = { num: rowNum, start: m.index, tagEnd: m.index + m[0].length, end: m.index + m[0].length, tag: m[0], selfClosing: self, cells: [] };
      if (wantRows.has(rowNum)) scan.rows.set(rowNum, rs);
      row = self ? null : wantRows.has(rowNum) ? rs : null;
      if (!wantRows.has(rowNum)) row = null;
      if (!self && !wantRows.has(rowNum)) {
        // Skip the row's content quickly.
        const close = xml.indexOf(`</${prefix}row>`, m.index);
        if (close > 0) re.lastIndex = close;
      }
      continue;
    }
    // a cell tag
    if (closing) {
      if (cellOpen) cellOpen.end = m.index + m[0].length;
      cellOpen = null;
      continue;
    }
    const r = /\sr\s*=\s*["']([A-Za-z]+\d+)["']/.exec(m[0]);
    const pos = r ? parseA1(r[1]) : null;
    colNum = pos ? pos.col : colNum + 1;
    if (row) {
      const c = { col: colNum, start: m.index, tagEnd: m.index + m[0].length, end: m.index + m[0].length, tag: m[0], selfClosing: self };
      row.cells.push(c);
      cellOpen = self ? null : c;
    }
  }
  return scan;
}

function colStyle(scan: SheetScan, col: number): number {
  for (const c of scan.colStyles) if (col >= c.min && col <= c.max) return c.style;
  return 0;
}

/** What the requested cells are now. */
export function cellInfo(scan: SheetScan, row: number, col: number): CellInfo {
  const r = scan.rows.get(row);
  const c = r?.cells.find((x) => x.col === col);
  if (c) {
    const s = attrs(c.tag).get('s') ?? null;
    return { row, col, s, xf: s === null ? 0 : Number(s), hasCell: true, hasRow: true, bare: c.selfClosing };
  }
  const ra = r ? attrs(r.tag) : undefined;
  const rowXf = ra && (ra.get('customFormat') === '1' || ra.get('customFormat') === 'true') ? Number(ra.get('s') ?? 0) : null;
  return { row, col, s: null, xf: rowXf ?? colStyle(scan, col), hasCell: false, hasRow: !!r, bare: false };
}

/** The format a cell with no record would show (to know whether a record we created can go). */
export function defaultXf(scan: SheetScan, row: number, col: number): number {
  const r = scan.rows.get(row);
  const ra = r ? attrs(r.tag) : undefined;
  if (ra && (ra.get('customFormat') === '1' || ra.get('customFormat') === 'true')) return Number(ra.get('s') ?? 0);
  return colStyle(scan, col);
}

export type CellEdit = { row: number; col: number } & ({ s: string | null } | { remove: true });

/**
 * Applies the edits: sets (or removes) `s` on existing records, creates records (and rows) for
 * cells that have none, removes records (and rows left empty that we had created: `<row r="n">`
 * with nothing else) when asked.
 */
export function editCells(xml: string, scan: SheetScan, edits: CellEdit[]): string {
  const p = scan.prefix;
  const out: Splice[] = [];
  const newByRow = new Map<number, { col: number; text: string }[]>();
  const removedByRow = new Map<number, number>();
  for (const e of edits) {
    const r = scan.rows.get(e.row);
    const c = r?.cells.find((x) => x.col === e.col);
    if ('remove' in e) {
      if (!c || !r) continue;
      out.push({ at: c.start, del: c.end - c.start, text: '' });
      removedByRow.set(e.row, (removedByRow.get(e.row) ?? 0) + 1);
      continue;
    }
    if (c) {
      const tag = setAttr(c.tag, 's', e.s);
      if (tag !== c.tag) out.push({ at: c.start, del: c.tagEnd - c.start, text: tag });
      continue;
    }
    if (e.s === null) continue;
    const list = newByRow.get(e.row) ?? [];
    list.push({ col: e.col, text: `<${p}c r="${columnLetter(e.col)}${e.row + 1}" s="${escAttr(e.s)}"/>` });
    newByRow.set(e.row, list);
  }
  // A row we created (bare "<row r=…>") whose cells are all removed goes too.
  for (const [rowNum, n] of removedByRow) {
    const r = scan.rows.get(rowNum)!;
    if (n !== r.cells.length || r.selfClosing) continue;
    const a = attrs(r.tag);
    if (a.size !== 1 || !a.has('r')) continue;
    for (let i = out.length - 1; i >= 0; i--) if (out[i].at >= r.start && out[i].at < r.end) out.splice(i, 1);
    out.push({ at: r.start, del: r.end - r.start, text: '' });
  }
  const newRows: { row: number; text: string }[] = [];
  for (const [rowNum, cells] of newByRow) {
    const r = scan.rows.get(rowNum);
    if (r) out.push(...cellsIntoRow(r, p, cells));
    else newRows.push(newRow(p, rowNum, cells));
  }
  out.push(...rowsIntoSheet(xml, scan, newRows));
  return splice(xml, out);
}

/** A new row record holding the new cells (`r` is 1-based, §18.3.1.73). */
export function newRow(p: string, row: number, cells: { col: number; text: string }[]): { row: number; text: string } {
  const sorted = [...cells].sort((a, b) => a.col - b.col);
  return { row, text: `<${p}row r="${row + 1}">${sorted.map((c) => c.text).join('')}</${p}row>` };
}

/** Splices putting new cell records into an existing row, in column order (§18.3.1.4): each before the first cell of a greater column, else before </row>. */
export function cellsIntoRow(r: RowScan, p: string, cells: { col: number; text: string }[]): Splice[] {
  if (!cells.length) return [];
  const sorted = [...cells].sort((a, b) => a.col - b.col);
  if (r.selfClosing) return [{ at: r.start, del: r.tagEnd - r.start, text: `${r.tag.slice(0, -2).replace(/\s+$/, '')}>${sorted.map((c) => c.text).join('')}</${p}row>` }];
  return sorted.map((c) => {
    const next = r.cells.find((x) => x.col > c.col);
    return { at: next ? next.start : r.end - `</${p}row>`.length, del: 0, text: c.text };
  });
}

/** Splices putting new row records into sheetData, in ascending row order (§18.3.1.73): each before the first row with a greater number. */
export function rowsIntoSheet(xml: string, scan: SheetScan, rows: { row: number; text: string }[]): Splice[] {
  if (!rows.length) return [];
  const p = scan.prefix;
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const sd = scan.sheetData;
  if (sd.selfClosing) {
    const tag = xml.slice(sd.start, sd.tagEnd);
    return [{ at: sd.start, del: sd.tagEnd - sd.start, text: `${tag.slice(0, -2).replace(/\s+$/, '')}>${sorted.map((r) => r.text).join('')}</${p}sheetData>` }];
  }
  return sorted.map((nr) => {
    let lo = 0;
    let hi = scan.rowNums.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (scan.rowNums[mid] > nr.row) hi = mid;
      else lo = mid + 1;
    }
    const at = lo < scan.rowStarts.length ? scan.rowStarts[lo] : sd.end - `</${p}sheetData>`.length;
    return { at, del: 0, text: nr.text };
  });
}
