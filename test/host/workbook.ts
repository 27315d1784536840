/**
 * The host's live workbook: sheets of sparse cells, loaded from and dumped to the JSON model.
 * Only the proxies' queued actions change it, at sync.
 */
import { cellName, clone, parseRect, rectAddress, type CellModel, type ChartModel, type HostValue, type Rect, type SheetModel, type WorkbookModel } from './model';

const WIDTH = 16384;

export class SheetData {
  cells = new Map<number, CellModel>();
  merges: Rect[] = [];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  frozenRows = 0;
  columnWidths: Record<string, number> = {};
  /** "A6:M37:EdgeTop" → border style (not in the model: only the result sheet has borders). */
  borders: Record<string, string> = {};
  charts: ChartModel[] = [];
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
}

export class WorkbookData {
  sheets: SheetData[] = [];
  activeSheet: SheetData | null = null;
  selection: { sheet: string; cell: string } | null = null;

  constructor(model: WorkbookModel) {
    for (const s of model.sheets) {
      const sheet = new SheetData(s.name);
      sheet.visibility = s.visibility ?? 'Visible';
      sheet.frozenRows = s.frozenRows ?? 0;
      sheet.columnWidths = { ...(s.columnWidths ?? {}) };
      sheet.charts = clone(s.charts ?? []);
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
  }

  sheet(name: string): SheetData | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  dump(): WorkbookModel {
    return {
      sheets: this.sheets.map((s) => {
        const model: SheetModel = { name: s.name, cells: {} };
        for (const [row, col, c] of s.entries()) model.cells[cellName(row, col)] = clone(c);
        if (s.merges.length) model.merges = s.merges.map(rectAddress);
        if (s.visibility !== 'Visible') model.visibility = s.visibility;
        if (s.frozenRows) model.frozenRows = s.frozenRows;
        if (Object.keys(s.columnWidths).length) model.columnWidths = { ...s.columnWidths };
        if (s.charts.length) model.charts = clone(s.charts);
        return model;
      }),
    };
  }
}
