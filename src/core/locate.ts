/**
 * Where a marked cell is, by what it marks: the table's candidate (kind + name as read) and the
 * column's field. Found again through the core's own table detection on a fresh read, so a mark
 * follows its candidate when rows are inserted, deleted or sorted and columns are inserted.
 */
import { a1, cellAt, type Grid } from './grid';
import type { Field, Kind } from './ids';
import { classifyRow } from './rows';
import { findTables, type MappingOverride } from './tables';
import { cleanName } from './text';
import { cellText } from './values';

/** What a marked cell marks. */
export interface CellAnchor {
  kind: Kind;
  /** The candidate's name as read (cleaned: NFC, one space). */
  name: string;
  /** 2 for the second row of that name in the table, 3 for the third… (absent: the first). */
  nth?: number;
  /** The column's field, or (a column mapped to no field) its header text. */
  field?: Field;
  header?: string;
}

interface SheetIndex {
  kind: Kind;
  /** name → its rows (0-based), in sheet order. */
  rows: Map<string, number[]>;
  /** row → its candidate. */
  byRow: Map<number, { name: string; nth: number }>;
  colOfField: Map<Field, number>;
  fieldOfCol: Map<number, Field>;
  colOfHeader: Map<string, number>;
  headerOfCol: Map<number, string>;
}

export interface Position {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
  cell: string;
}

export class MarkIndex {
  private readonly sheets = new Map<string, SheetIndex>();

  constructor(grid: Grid, overrides: MappingOverride[] = [], ourSheets: string[] = []) {
    const { tables } = findTables(grid, overrides, ourSheets);
    for (const t of tables) {
      const sheet = grid.sheets.find((s) => s.name === t.sheet)!;
      const idx: SheetIndex = { kind: t.kind, rows: new Map(), byRow: new Map(), colOfField: new Map(), fieldOfCol: new Map(), colOfHeader: new Map(), headerOfCol: new Map() };
      for (const [field, col] of Object.entries(t.fieldCols) as [Field, number][]) {
        idx.colOfField.set(field, col);
        idx.fieldOfCol.set(col, field);
      }
      for (const [letter, text] of Object.entries(t.headers)) {
        const col = [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const h = cleanName(text);
        if (!h || idx.fieldOfCol.has(col)) continue;
        // A header text found twice names no column.
        if (idx.colOfHeader.has(h)) idx.colOfHeader.set(h, -1);
        else idx.colOfHeader.set(h, col);
        idx.headerOfCol.set(col, h);
      }
      const nameCol = t.fieldCols.name!;
      for (let r = t.firstDataRow - 1; r <= t.lastDataRow - 1; r++) {
        if (classifyRow(sheet, t, r) !== 'candidate') continue;
        const name = cleanName(cellText(cellAt(sheet, r, nameCol)));
        if (!name) continue;
        const list = idx.rows.get(name) ?? [];
        list.push(r);
        idx.rows.set(name, list);
        idx.byRow.set(r, { name, nth: list.length });
      }
      this.sheets.set(t.sheet, idx);
    }
  }

  /** What the cell at (row, col) marks; null when it is on no candidate's row or in no known column. */
  anchorAt(sheet: string, row: number, col: number): CellAnchor | null {
    const idx = this.sheets.get(sheet);
    const who = idx?.byRow.get(row);
    if (!idx || !who) return null;
    const anchor: CellAnchor = { kind: idx.kind, name: who.name };
    if (who.nth > 1) anchor.nth = who.nth;
    const field = idx.fieldOfCol.get(col);
    if (field) anchor.field = field;
    else {
      const header = idx.headerOfCol.get(col);
      if (header === undefined || idx.colOfHeader.get(header) !== col) return null;
      anchor.header = header;
    }
    return anchor;
  }

  /** The candidate's row now (0-based), or null when the table has no such candidate. */
  rowOf(sheet: string, kind: Kind, name: string, nth = 1): number | null {
    const idx = this.sheets.get(sheet);
    if (!idx || idx.kind !== kind) return null;
    return idx.rows.get(name)?.[nth - 1] ?? null;
  }

  /** Where the anchored cell is now, or null when its candidate or its column is gone. */
  find(sheet: string, anchor: CellAnchor): Position | null {
    const row = this.rowOf(sheet, anchor.kind, anchor.name, anchor.nth);
    const idx = this.sheets.get(sheet);
    if (row === null || !idx) return null;
    const col = anchor.field ? idx.colOfField.get(anchor.field) : anchor.header !== undefined ? idx.colOfHeader.get(anchor.header) : undefined;
    if (col === undefined || col < 0) return null;
    return { sheet, row, col, cell: a1(row, col) };
  }

  /** The candidate whose row this is, if any (to never restore onto another candidate's row). */
  candidateAt(sheet: string, row: number): { kind: Kind; name: string; nth: number } | null {
    const idx = this.sheets.get(sheet);
    const who = idx?.byRow.get(row);
    return idx && who ? { kind: idx.kind, ...who } : null;
  }

  hasTable(sheet: string): boolean {
    return this.sheets.has(sheet);
  }
}
