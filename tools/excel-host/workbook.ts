/**
 * The host's live workbook: sheets of sparse cells, loaded from and dumped to the JSON model.
 * Only the proxies' queued actions change it, at sync.
 */
import { cellName, clone, columnIndex, columnLetter, parseRect, rectAddress, type CellModel, type ChartModel, type HostValue, type Rect, type SheetModel, type WorkbookModel } from './model';

const WIDTH = 16384;
/** Cells are keyed row * SHEET_WIDTH + column. */
export const SHEET_WIDTH = WIDTH;

export class SheetData {
  cells = new Map<number, CellModel>();
  /** Counts the moves of cells (insert, delete, sort): an item that follows its cell looks again only after one. */
  moves = 0;
  merges: Rect[] = [];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  frozenRows = 0;
  columnWidths: Record<string, number> = {};
  /** "A6:M37:EdgeTop" → border style (not in the model: only the result sheet has borders). */
  borders: Record<string, string> = {};
  charts: ChartModel[] = [];
  /** Font sizes set, by range in the order set (not in the model: only our result sheet sets them). */
  fontSizes: { range: string; size: number }[] = [];
  /** Row heights (pt) set, by 0-based row (not in the model: only our result sheet sets them). */
  rowHeights: Record<number, number> = {};
  /** The page layout as set (ExcelApi 1.9; not in the model: only our result sheet sets it). */
  pageLayout: { orientation?: string; paperSize?: string; margins: Record<string, number>; zoom?: Record<string, number>; printTitleRows?: string; footer: Record<string, string> } = { margins: {}, footer: {} };
  /** Sheet protection (no locked / unlocked cells modelled: every cell is locked, Excel's default). */
  protected = false;
  constructor(public name: string) {}

  get(row: number, col: number): CellModel | undefined {
    return this.cells.get(row * WIDTH + col);
  }

  /** The cell, created empty when missing; pruned later by `tidy`. */
  touch(row: number, col: number): CellModel {
    const key = row * WIDTH + col;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: null };
      this.cells.set(key, c);
    }
    return c;
  }

  tidy(row: number, col: number): void {
    const key = row * WIDTH + col;
    const c = this.cells.get(key);
    if (!c) return;
    const { value, ...rest } = c;
    const empty = (value === null || value === undefined) && Object.values(rest).every((v) => v === undefined);
    if (empty) this.cells.delete(key);
  }

  /** Bounding box of the cells holding something (values only, or anything). */
  used(valuesOnly: boolean): Rect | null {
    let r: Rect | null = null;
    for (const [key, c] of this.cells) {
      if (valuesOnly ? c.value === null || c.value === '' : false) continue;
      const row = Math.floor(key / WIDTH);
      const col = key % WIDTH;
      if (!r) r = { top: row, bottom: row, left: col, right: col };
      else {
        r.top = Math.min(r.top, row);
        r.bottom = Math.max(r.bottom, row);
        r.left = Math.min(r.left, col);
        r.right = Math.max(r.right, col);
      }
    }
    return r;
  }

  /** Every cell as [row, col, cell], in row-major order. */
  entries(): [number, number, CellModel][] {
    return [...this.cells.entries()].sort((a, b) => a[0] - b[0]).map(([k, c]) => [Math.floor(k / WIDTH), k % WIDTH, c]);
  }

  /** Moves every cell (value, format, fill, note, comment together) to where `to` says; null drops it. */
  private remap(to: (row: number, col: number) => [number, number] | null): void {
    this.moves++;
    const next = new Map<number, CellModel>();
    for (const [key, c] of this.cells) {
      const dest = to(Math.floor(key / WIDTH), key % WIDTH);
      if (dest) next.set(dest[0] * WIDTH + dest[1], c);
    }
    this.cells = next;
  }

  /**
   * Inserts `count` rows (axis "row") or columns before 0-based index `at`, as Excel does: what is at
   * or after `at` moves down / right; a merge the insertion cuts through grows.
   */
  insert(axis: 'row' | 'col', at: number, count: number): void {
    this.remap((r, c) => (axis === 'row' ? [r >= at ? r + count : r, c] : [r, c >= at ? c + count : c]));
    const [lo, hi] = axis === 'row' ? (['top', 'bottom'] as const) : (['left', 'right'] as const);
    for (const m of this.merges) {
      if (m[lo] >= at) m[lo] += count;
      if (m[hi] >= at) m[hi] += count;
    }
    if (axis === 'row' && this.frozenRows > at) this.frozenRows += count;
    if (axis === 'col') this.columnWidths = shiftWidths(this.columnWidths, (c) => (c >= at ? c + count : c));
  }

  /** Deletes `count` rows or columns from 0-based `at`: their cells go, the rest moves up / left; merges shrink. */
  remove(axis: 'row' | 'col', at: number, count: number): void {
    const end = at + count - 1;
    const shift = (i: number): number | null => (i < at ? i : i > end ? i - count : null);
    this.remap((r, c) => {
      const i = shift(axis === 'row' ? r : c);
      if (i === null) return null;
      return axis === 'row' ? [i, c] : [r, i];
    });
    const [lo, hi] = axis === 'row' ? (['top', 'bottom'] as const) : (['left', 'right'] as const);
    this.merges = this.merges.flatMap((m) => {
      const top = m[lo] < at ? m[lo] : m[lo] > end ? m[lo] - count : at;
      const bottom = m[hi] < at ? m[hi] : m[hi] > end ? m[hi] - count : at - 1;
      const next = { ...m, [lo]: top, [hi]: bottom };
      // Nothing left of it, or a single cell: no merge any more.
      return bottom < top || (next.top === next.bottom && next.left === next.right) ? [] : [next];
    });
    if (axis === 'row' && this.frozenRows > at) this.frozenRows = Math.max(at, this.frozenRows - count);
    if (axis === 'col') this.columnWidths = shiftWidths(this.columnWidths, shift);
  }

  /**
   * Excel's Sort on a range: a stable sort of its rows by the value in column `by` (0-based, inside
   * the range); every cell of a row moves with its fill, number format, note and comment. Order as
   * Excel's: numbers, text (case ignored), FALSE, TRUE, errors; blanks always last.
   */
  sortRows(rect: Rect, by: number, descending: boolean): void {
    this.moves++;
    const rows: number[] = [];
    for (let r = rect.top; r <= rect.bottom; r++) rows.push(r);
    const order = sortOrder(rows.map((r) => this.get(r, by)?.value ?? null), descending).map((i) => ({ r: rows[i] }));
    const moved = new Map<number, CellModel>();
    order.forEach(({ r }, i) => {
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = this.get(r, c);
        if (cell) moved.set((rect.top + i) * WIDTH + c, cell);
      }
    });
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) this.cells.delete(r * WIDTH + c);
    for (const [k, c] of moved) this.cells.set(k, c);
  }
}

function shiftWidths(widths: Record<string, number>, to: (col: number) => number | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [letter, w] of Object.entries(widths)) {
    const c = to(columnIndex(letter));
    if (c !== null) out[columnLetter(c)] = w;
  }
  return out;
}

function rankOf(v: NonNullable<HostValue>): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  return 3;
}

/** Excel's sort of these keys (blanks last, ties in their order): their indexes in the new order. */
export function sortOrder(keys: HostValue[], descending = false): number[] {
  return keys
    .map((k, i) => ({ k, i }))
    .sort((a, b) => {
      const blankA = a.k === null || a.k === '';
      const blankB = b.k === null || b.k === '';
      if (blankA || blankB) return blankA === blankB ? a.i - b.i : blankA ? 1 : -1;
      const d = compareValues(a.k as NonNullable<HostValue>, b.k as NonNullable<HostValue>);
      return (descending ? -d : d) || a.i - b.i;
    })
    .map((x) => x.i);
}

/** Excel's ascending order of two non-blank values. */
export function compareValues(a: NonNullable<HostValue>, b: NonNullable<HostValue>): number {
  const ra = rankOf(a);
  const rb = rankOf(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number') return a - (b as number);
  if (typeof a === 'string') return a.localeCompare(b as string, 'vi', { sensitivity: 'accent' });
  if (typeof a === 'boolean') return Number(a) - Number(b);
  return 0;
}

export class WorkbookData {
  sheets: SheetData[] = [];
  activeSheet: SheetData | null = null;
  selection: { sheet: string; cell: string } | null = null;
  /** Workbook structure protection (Review → Protect Workbook). */
  structureProtected = false;

  constructor(model: WorkbookModel) {
    for (const s of model.sheets) {
      const sheet = new SheetData(s.name);
      sheet.visibility = s.visibility ?? 'Visible';
      sheet.frozenRows = s.frozenRows ?? 0;
      sheet.columnWidths = { ...(s.columnWidths ?? {}) };
      sheet.charts = clone(s.charts ?? []);
      sheet.protected = s.protected === true;
      for (const [addr, cell] of Object.entries(s.cells)) {
        const r = parseRect(addr);
        if (!r) throw new Error(`test host: bad cell address "${addr}" on sheet "${s.name}"`);
        const copy = clone(cell);
        if (copy.value === undefined) copy.value = null;
        sheet.cells.set(r.top * WIDTH + r.left, copy);
      }
      for (const m of s.merges ?? []) {
        const r = parseRect(m);
        if (!r) throw new Error(`test host: bad merge "${m}"`);
        sheet.merges.push(r);
      }
      this.sheets.push(sheet);
    }
    this.activeSheet = this.sheets.find((s) => s.visibility === 'Visible') ?? null;
    this.structureProtected = model.structureProtected === true;
  }

  sheet(name: string): SheetData | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  dump(): WorkbookModel {
    const model: WorkbookModel = {
      sheets: this.sheets.map((s) => {
        const model: SheetModel = { name: s.name, cells: {} };
        for (const [row, col, c] of s.entries()) model.cells[cellName(row, col)] = clone(c);
        if (s.merges.length) model.merges = s.merges.map(rectAddress);
        if (s.visibility !== 'Visible') model.visibility = s.visibility;
        if (s.frozenRows) model.frozenRows = s.frozenRows;
        if (Object.keys(s.columnWidths).length) model.columnWidths = { ...s.columnWidths };
        if (s.charts.length) model.charts = clone(s.charts);
        if (s.protected) model.protected = true;
        return model;
      }),
    };
    if (this.structureProtected) model.structureProtected = true;
    return model;
  }
}
