/**
 * The streaming reader: an opened package → the core's Grid, reading only what the Grid holds —
 * cell values and types, number formats, merged areas, sheet names and visibility. Styles and
 * shared strings are read once; each worksheet is inflated and scanned chunk by chunk (SAX), and
 * whatever else it holds (validation, conditional formats, drawings, hyperlinks…) is skipped as
 * the parser passes over it, so a whole-column validation list costs one element. The rows and
 * cells, and the shared strings' items, are mostly read by fast paths (fastPath.ts) that change
 * the same state (SheetState, StringsState) as the handlers here, which read whatever they decline.
 *
 * What a cell becomes is what the exceljs reader gave (test/xlsx/streamParity.test.ts compares
 * both on every fixture), which is also what the Office.js adapter gives:
 * - number → number (a date format, ECMA-376 Part 1 §18.8.30 built-ins 14–22, 45–47 or a custom
 *   format with y/m/d/h/s outside quotes and brackets → "dd/mm/yyyy" text);
 * - shared string (§18.4.8) / inline string (§18.3.1.53) → its text, rich text runs joined,
 *   phonetic runs (rPh) left out, "_xHHHH_" escapes decoded (§22.9.2.19 ST_Xstring);
 * - t="b" → boolean; t="e" → { error }; t="str" → text; t="d" (ISO 8601) → "dd/mm/yyyy";
 * - a formula → its cached result by the same rules (no cached value → empty);
 * - the non-top-left cells of a merged area → empty.
 */
import { isDateFormat, type CellRect, type CellValue, type Grid, type SheetGrid } from '../core';
import { PackageError, relType, type Package, type SheetInfo } from './package';
import { sharedStringsFast, sheetDataFast } from './fastPath';
import type { Attrs } from './xml';

/** Built-in number formats (§18.8.30) that exceljs (and Excel in an en-US locale) name. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * What one workbook may hold (docs/files.md): Excel's own grid, and bounds on what a small file can
 * make the reader build — the cells' slots (a value far to the right or below fills the row or the
 * sheet with empty slots), one text's length, and all cells' text together (a long shared string
 * referenced by every cell costs its length each time it is read by the core).
 */
export const GRID_LIMITS = {
  /** Excel's last row and column (1,048,576 and XFD = 16,384). */
  rows: 1_048_576,
  columns: 16_384,
  /** Slots of all sheets' rows, empty ones between values included (8 bytes each). */
  cells: 20_000_000,
  /** One text (a shared string, an inline string, a cell's value), in characters: 30 times Excel's 32,767. */
  string: 1_000_000,
  /** All cells' text, in characters. */
  text: 64 * 1024 * 1024,
};

/** What the sheets of one workbook have used of GRID_LIMITS so far. */
export class Budget {
  cells = 0;
  text = 0;
}

function limit(kind: 'row' | 'column' | 'cells' | 'string' | 'text', limit: number, where: Record<string, string | number>, value?: number): PackageError {
  return new PackageError('limit.workbook', { kind, limit, ...where, ...(value === undefined ? {} : { value }) });
}

export interface Styles {
  /** Number format per cell style (xf) index; undefined = General. */
  formats: (string | undefined)[];
  isDate: boolean[];
}

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function unescapeX(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** "dd/mm/yyyy": how a Vietnamese clerk reads a date (birth dates, decision dates). */
function dateText(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/** A date serial (1900 or 1904 system) → "dd/mm/yyyy", rounded to the millisecond like exceljs. */
function serialText(v: number, date1904: boolean): string {
  return dateText(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function partOfType(pkg: Package, type: string): string | null {
  const rel = pkg.workbook?.rels.find((r) => relType(r.type) === type && r.part && pkg.has(r.part));
  return rel?.part ?? null;
}

export function readStyles(pkg: Package): Styles {
  const styles: Styles = { formats: [], isDate: [] };
  const part = partOfType(pkg, 'styles');
  if (!part) return styles;
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  pkg.scan(part, {
    open(name, a, selfClosing) {
      if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0) || 0);
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of xfs) {
    // "General" under a custom id (LibreOffice writes 164 = "General") is no format, as id 0 is.
    const code = id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined;
    const f = code && code.toLowerCase() !== 'general' ? code : undefined;
    styles.formats.push(f);
    styles.isDate.push(isDateFormat(f));
  }
  return styles;
}

/** The shared string table (§18.4.9) as it is read: items so far, and the one being read. */
export class StringsState {
  readonly out: string[] = [];
  /** Text pieces of the item being read (an <si> open), else null. */
  text: string[] | null = null;
  inT = false;
  phonetic = 0;
  /** Characters of the item being read so far. */
  length = 0;
  /** The part read (named when an item is too long). */
  part = '';

  /** A text piece of the item being read, within GRID_LIMITS.string. */
  add(piece: string): void {
    this.length += piece.length;
    if (this.length > GRID_LIMITS.string) throw limit('string', GRID_LIMITS.string, { part: this.part });
    this.text!.push(piece);
  }
}

/** The shared string table (§18.4.9): plain text of each item. `general`: no fast path (tests). */
export function readSharedStrings(pkg: Package, general = false): string[] {
  const part = partOfType(pkg, 'sharedStrings');
  if (!part) return [];
  const st = new StringsState();
  st.part = part;
  pkg.scan(part, {
    open(name) {
      if (name === 'si') {
        st.text = [];
        st.length = 0;
      }
      else if (name === 'rPh') st.phonetic++;
      else if (name === 't' && !st.phonetic) st.inT = true;
    },
    text(s) {
      if (st.inT && st.text) st.add(s);
    },
    close(name) {
      if (name === 't') st.inT = false;
      else if (name === 'rPh') st.phonetic--;
      else if (name === 'si' && st.text) {
        st.out.push(unescapeX(st.text.join('')));
        st.text = null;
      }
    },
    fast: general ? undefined : sharedStringsFast(st),
  });
  return st.out;
}

/** Letters of a cell reference in s[from, to) ("AB12" → 27, "$A$1" → 0); -1 when there are none. */
export function colAt(s: string, from: number, to: number): number {
  let n = 0;
  let i = from;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else if (c !== 36) break; // '$'
  }
  return i === from ? -1 : n - 1;
}

/** "AB12" → column 27 (0-based) and row 11; -1 when absent. */
function colOf(ref: string): number {
  return colAt(ref, 0, ref.length);
}

function rowOfRef(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) - 1 : -1;
}

function rectOf(ref: string): CellRect | null {
  const [a, b = a] = ref.split(':');
  const top = rowOfRef(a);
  const left = colOf(a);
  const bottom = rowOfRef(b);
  const right = colOf(b);
  if (top < 0 || left < 0 || bottom < 0 || right < 0) return null;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** t="d": an ISO 8601 date (§18.18.11) → "dd/mm/yyyy". */
function isoDateText(v: string): CellValue {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !/T/.test(v) ? v : `${v}Z`);
  return Number.isNaN(ms) ? v : dateText(ms);
}

/**
 * A row as read: its values packed (null where no cell has a value, never a hole, no null at the
 * end), the first column holding one, and the number formats of its number cells (holes elsewhere).
 */
interface Line {
  row: number;
  values: CellValue[];
  first: number;
  formats: (string | undefined)[] | null;
}

/** A value (not null) into its column of a row. */
function setValue(line: Line, col: number, value: CellValue): void {
  const vals = line.values;
  if (col < vals.length) vals[col] = value;
  else {
    while (vals.length < col) vals.push(null);
    vals.push(value);
  }
  if (col < line.first) line.first = col;
}

/**
 * A worksheet as it is read: the rows so far, and what the handlers of src/xlsx/xml.ts's events and the
 * fast path (src/xlsx/fastPath.ts) both change, so that either may read any element.
 */
export class SheetState {
  readonly lines: Line[] = [];
  readonly merges: CellRect[] = [];
  line: Line | null = null;
  rowCursor = -1;
  colCursor = -1;
  /** Open elements among c, v, f, is, t, rPh: the fast path reads only where there are none. */
  inside = 0;
  // The cell being read by the handlers.
  col = -1;
  type = '';
  xf = 0;
  hasFormula = false;
  v: string | undefined = undefined;
  inV = false;
  inIs = false;
  inT = false;
  phonetic = 0;

  constructor(
    readonly styles: Styles,
    readonly strings: string[],
    readonly date1904: boolean,
    readonly sheet = '',
    readonly budget = new Budget(),
  ) {}

  /** A row number (0-based) within Excel's grid. */
  checkRow(row: number): void {
    if (row >= GRID_LIMITS.rows) throw limit('row', GRID_LIMITS.rows, { sheet: this.sheet }, row + 1);
  }

  /** A cell's text read so far (its <v> or inline <t> pieces), within GRID_LIMITS.string. */
  checkText(length: number): void {
    if (length > GRID_LIMITS.string) throw limit('string', GRID_LIMITS.string, { sheet: this.sheet });
  }

  endRow(): void {
    const line = this.line;
    if (line && line.values.length) this.lines.push(line);
    this.line = null;
  }

  /** A <row> opens; `r` its r attribute less one (NaN when unreadable, absent: undefined). */
  openRow(r: number | undefined): void {
    this.endRow();
    const row = r === undefined ? this.rowCursor + 1 : r;
    this.rowCursor = Number.isFinite(row) && row >= 0 ? row : this.rowCursor + 1;
    this.checkRow(this.rowCursor);
    this.colCursor = -1;
    this.line = { row: this.rowCursor, values: [], first: Infinity, formats: null };
  }

  /** The cell's value kept in its row (with its number format when it is a number). */
  put(col: number, xf: number, value: CellValue): void {
    if (value === null) return;
    const line = this.line!;
    if (col >= GRID_LIMITS.columns) throw limit('column', GRID_LIMITS.columns, { sheet: this.sheet }, col + 1);
    // Slots this value adds to its row (the empty ones before it included), and its text.
    const budget = this.budget;
    if (col >= line.values.length && (budget.cells += col + 1 - line.values.length) > GRID_LIMITS.cells) throw limit('cells', GRID_LIMITS.cells, { sheet: this.sheet });
    if (typeof value === 'string' && (budget.text += value.length) > GRID_LIMITS.text) throw limit('text', GRID_LIMITS.text, { sheet: this.sheet });
    setValue(line, col, value);
    if (typeof value === 'number') {
      const f = this.styles.formats[xf];
      if (f) (line.formats ??= [])[col] = f;
    }
  }

  /** A number cell's value: its number, or its date text when the cell's format is a date. */
  number(n: number, xf: number): CellValue {
    if (!Number.isFinite(n)) return null;
    return this.styles.isDate[xf] ? serialText(n, this.date1904) : n;
  }

  /** A cell's value from its type, its <v> (or inline string) text, whether it has a formula. */
  value(type: string, v: string | undefined, hasFormula: boolean, xf: number): CellValue {
    if (v === undefined || (hasFormula && v === '')) return null;
    switch (type) {
      case 's': {
        const s = this.strings[parseInt(v, 10)];
        return s === undefined ? null : s;
      }
      case 'str':
        return v;
      case 'inlineStr':
        return unescapeX(v);
      case 'b':
        return parseInt(v, 10) !== 0;
      case 'e':
        return { error: v };
      case 'd':
        return isoDateText(v);
      default:
        return this.number(parseFloat(v), xf);
    }
  }
}

/**
 * One worksheet part → its SheetGrid over the used range (first to last row/column holding a value).
 * `general`: every element through the event handlers, no fast path (the tests' reference).
 */
export function readWorksheet(pkg: Package, info: SheetInfo, styles: Styles, strings: string[], date1904: boolean, general = false, budget = new Budget()): SheetGrid {
  const st = new SheetState(styles, strings, date1904, info.name, budget);
  pkg.scan(info.part!, {
    rawAttributes: true,
    // A self-closing element comes as an open then a close (src/xlsx/xml.ts): the close does the work.
    open(name: string, a: Attrs) {
      switch (name) {
        case 'c': {
          st.inside++;
          const r = a.r;
          let col = r !== undefined ? colOf(r) : st.colCursor + 1;
          if (col < 0) col = st.colCursor + 1;
          st.col = st.colCursor = col;
          st.type = a.t ?? '';
          st.xf = a.s !== undefined ? Number(a.s) || 0 : 0;
          st.hasFormula = false;
          st.v = undefined;
          if (!st.line) {
            // A cell outside a <row> (malformed but seen): its own row.
            st.rowCursor = r !== undefined ? rowOfRef(r) : st.rowCursor + 1;
            st.checkRow(st.rowCursor);
            st.line = { row: st.rowCursor, values: [], first: Infinity, formats: null };
          }
          return;
        }
        case 'v':
          st.inside++;
          st.inV = true;
          return;
        case 'f':
          st.inside++;
          st.hasFormula = true;
          return;
        case 'is':
          st.inside++;
          st.inIs = true;
          return;
        case 't':
          st.inside++;
          if (st.inIs && !st.phonetic) st.inT = true;
          return;
        case 'rPh':
          st.inside++;
          st.phonetic++;
          return;
        case 'row':
          st.openRow(a.r !== undefined ? Number(a.r) - 1 : undefined);
          return;
        case 'mergeCell': {
          const rect = a.ref ? rectOf(a.ref) : null;
          if (rect) st.merges.push(rect);
          return;
        }
      }
    },
    text(s: string) {
      if (st.inV || st.inT) {
        st.v = st.v === undefined ? s : st.v + s;
        st.checkText(st.v.length);
      }
    },
    close(name: string) {
      switch (name) {
        case 'v':
          st.inside--;
          st.inV = false;
          return;
        case 't':
          st.inside--;
          st.inT = false;
          return;
        case 'is':
          st.inside--;
          st.inIs = false;
          return;
        case 'rPh':
          st.inside--;
          st.phonetic--;
          return;
        case 'f':
          st.inside--;
          return;
        case 'c':
          st.inside--;
          if (st.line) st.put(st.col, st.xf, st.value(st.type, st.v, st.hasFormula, st.xf));
          return;
        case 'row':
          st.endRow();
          return;
        case 'sheetData':
          st.endRow();
          return;
      }
    },
    fast: general ? undefined : sheetDataFast(st),
  });
  return toSheetGrid(info, st.lines, st.merges, budget);
}

/** Rows → the used range (merged areas applied first: only their top-left cell keeps a value). */
function toSheetGrid(info: SheetInfo, raw: Line[], merges: CellRect[], budget: Budget): SheetGrid {
  const sheet: SheetGrid = { name: info.name, originRow: 0, originCol: 0, values: [], merges, hidden: info.state !== 'visible' };
  // Rows out of order or repeated (never written so by Excel, but legal to read): sorted, merged.
  let sorted = true;
  for (let i = 1; i < raw.length; i++) if (raw[i].row <= raw[i - 1].row) sorted = false;
  let lines = raw;
  if (!sorted) {
    const byRow = new Map<number, Line>();
    for (const l of raw) {
      const prev = byRow.get(l.row);
      if (!prev) byRow.set(l.row, l);
      else
        for (let c = 0; c < l.values.length; c++) {
          const x = l.values[c];
          if (x === null) continue;
          setValue(prev, c, x);
          if (l.formats?.[c]) (prev.formats ??= [])[c] = l.formats[c];
        }
    }
    lines = [...byRow.values()].sort((a, b) => a.row - b.row);
  }
  // Rows a merged area emptied: their first and last values found again.
  let emptied: Set<Line> | null = null;
  if (merges.length) {
    const index = new Map<number, Line>();
    for (const l of lines) index.set(l.row, l);
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const l = index.get(r);
        if (!l) continue;
        const from = r === m.top ? m.left + 1 : m.left;
        for (let c = from; c <= m.right && c < l.values.length; c++) {
          if (l.values[c] !== null) {
            l.values[c] = null;
            if (l.formats) l.formats[c] = undefined;
            (emptied ??= new Set()).add(l);
          }
        }
      }
    }
  }
  const kept: Line[] = [];
  let minCol = Infinity;
  for (const l of lines) {
    if (emptied?.has(l)) {
      const vals = l.values;
      let last = vals.length - 1;
      while (last >= 0 && vals[last] === null) last--;
      if (last < 0) continue;
      vals.length = last + 1;
      l.first = 0;
      while (vals[l.first] === null) l.first++;
    }
    if (l.first < minCol) minCol = l.first;
    kept.push(l);
  }
  if (!kept.length) return sheet;
  const originRow = kept[0].row;
  const originCol = minCol;
  const height = kept[kept.length - 1].row - originRow + 1;
  // Every row of the used range gets an array, empty or not: a slot each.
  if ((budget.cells += height) > GRID_LIMITS.cells) throw limit('cells', GRID_LIMITS.cells, { sheet: info.name });
  const values: CellValue[][] = new Array(height);
  let formats: string[][] | undefined;
  for (const l of kept) {
    // The used range starts at column A (the usual case): the row's own array.
    const line = originCol === 0 ? l.values : l.values.slice(originCol);
    const width = line.length;
    values[l.row - originRow] = line;
    if (l.formats) {
      formats ??= [];
      let row: string[];
      if (originCol === 0) {
        // In place, as the values: the row's own array, "General" where no format was recorded.
        const f = l.formats;
        f.length = width;
        for (let i = 0; i < width; i++) if (!f[i]) f[i] = 'General';
        row = f as string[];
      } else {
        row = new Array(width).fill('General');
        for (let i = originCol; i < l.formats.length && i < l.values.length; i++) if (l.formats[i]) row[i - originCol] = l.formats[i]!;
      }
      formats[l.row - originRow] = row;
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

/** The worksheets of the package, in workbook order (chart sheets, dialog and macro sheets are not tables). */
export function worksheetsOf(pkg: Package): SheetInfo[] {
  return (pkg.workbook?.sheets ?? []).filter((s) => s.kind === 'worksheet' && s.part !== null && pkg.has(s.part));
}

/** `general`: every part through the event handlers, no fast path (the tests' reference). */
export function readGrid(pkg: Package, general = false): Grid {
  const styles = readStyles(pkg);
  const strings = readSharedStrings(pkg, general);
  const date1904 = pkg.workbook?.date1904 ?? false;
  const budget = new Budget();
  return { sheets: worksheetsOf(pkg).map((s) => readWorksheet(pkg, s, styles, strings, date1904, general, budget)) };
}
