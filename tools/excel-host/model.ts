/**
 * The strict Excel test host's workbook: the JSON model it is created from and dumped to, and the
 * address arithmetic it shares with the proxies. No Node-only imports (also bundled for the browser).
 */


import { a1 as cellName, columnIndex, columnLetter } from '../../src/core/grid';
export type HostValue = string | number | boolean | null | { error: string };

export interface CellModel {
  value: HostValue;
  numberFormat?: string;
  /** Solid fill colour "#RRGGBB"; absent = no fill. */
  fill?: string;
  /** Note (ExcelApi 1.18) text. */
  note?: string;
  /** Threaded comment (ExcelApi 1.10) text. */
  comment?: string;
  bold?: boolean;
  fontColor?: string;
  wrap?: boolean;
}

export interface SheetModel {
  name: string;
  /** A1 address → cell; cells with nothing in them are left out. */
  cells: Record<string, CellModel>;
  merges?: string[];
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  frozenRows?: number;
  /** Column letter → width in points. */
  columnWidths?: Record<string, number>;
  /** Charts on the sheet (a minimal model: what the add-in sets, nothing drawn). */
  charts?: ChartModel[];
  /** Sheet protection on (Review → Protect Sheet): every write to its cells fails. */
  protected?: boolean;
}

export interface ChartModel {
  /** Excel.ChartType as a string ("BarClustered"…). */
  type: string;
  /** The source data's address on the same sheet ("A40:C46"). */
  source: string;
  seriesBy: string;
  title?: string;
  /** Top-left and bottom-right cells of the chart's position. */
  position?: { start: string; end: string };
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /** Workbook structure protection on: adding, deleting, renaming, hiding sheets fails. */
  structureProtected?: boolean;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}


// A1 arithmetic is the core's (pure, no Office): one implementation for the host and the product.

export { cellName, columnIndex, columnLetter };

export function rectAddress(r: Rect): string {
  const a = cellName(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellName(r.bottom, r.right)}`;
}

/**
 * True when a sheet name may stand unquoted in an address: a plain ASCII word that does not read
 * as a cell reference ("TT2024" is column TT, row 2024; "R1C1", "R", "C" are R1C1 references).
 */
export function bareSheetName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*([Cc]\d*)?$/.test(name) && !/^[Cc]\d*$/.test(name);
}

/** Sheet names are quoted in addresses unless they may stand bare (as Excel does). */
export function quoteSheet(name: string): string {
  return bareSheetName(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** "B6", "A4:A5", "C:C", "3:3", optionally "$" signs; null when it is not an address. */
export function parseRect(text: string): Rect | null {
  const parts = text.replace(/\$/g, '').trim().split(':');
  if (parts.length > 2) return null;
  const one = (p: string): { row: number | null; col: number | null } | null => {
    let m = /^([A-Za-z]{1,3})(\d+)$/.exec(p);
    if (m) return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
    m = /^([A-Za-z]{1,3})$/.exec(p);
    if (m) return { row: null, col: columnIndex(m[1]) };
    m = /^(\d+)$/.exec(p);
    if (m) return { row: Number(m[1]) - 1, col: null };
    return null;
  };
  const a = one(parts[0]);
  const b = parts.length === 2 ? one(parts[1]) : a;
  if (!a || !b) return null;
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) return null;
  const rect: Rect = {
    top: Math.min(a.row ?? 0, b.row ?? 0),
    bottom: a.row === null ? MAX_ROW : Math.max(a.row, b.row!),
    left: Math.min(a.col ?? 0, b.col ?? 0),
    right: a.col === null ? MAX_COL : Math.max(a.col, b.col!),
  };
  if (rect.top < 0 || rect.left < 0 || rect.bottom > MAX_ROW || rect.right > MAX_COL) return null;
  return rect;
}

/** "Sheet1!A1:B2" / "'Kết quả'!A1" / "A1" → sheet (or null) and the local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    const end = text.indexOf("'!", 1);
    // '' inside a quoted name is one quote; find the closing quote followed by "!".
    let i = 1;
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") i += 2;
      else if (text[i] === "'") break;
      else i++;
    }
    if (end < 0 || text[i + 1] !== '!') return { sheet: null, local: text };
    return { sheet: text.slice(1, i).replace(/''/g, "'"), local: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  return bang < 0 ? { sheet: null, local: text } : { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
}

/** Splits "a,b,'x, y'!C1" on the commas that are not inside a quoted sheet name. */
export function splitList(text: string): string[] {
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

/** Deep copy of plain JSON data (values handed to the caller must not alias the host's cells). */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** UTF-8 size of a JSON value, as a request would carry it. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}
