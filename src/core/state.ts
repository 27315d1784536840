/**
 * The product's state kept inside the workbook, so that whoever opens the file gets the same
 * result: the profile, mapping overrides, document facts and the backup of what annotation
 * replaced. It lives on one hidden sheet (STATE_SHEET) as key / JSON rows, a design that both
 * the Office.js and the exceljs adapters can read and write (settings and custom XML parts are
 * not visible to exceljs).
 *
 * Layout: column A = key, columns B… = the JSON text cut into chunks (Excel caps a cell at
 * 32,767 characters). Row 1 is a fixed explanatory line.
 */
import { STATE_SHEET } from './annotationPlan';
import { a1, parseA1, type Grid, type SheetGrid } from './grid';
import type { Field, Kind } from './ids';

export const STATE_CHUNK = 30000;
export const STATE_BANNER = 'Thi đua CCHC — dữ liệu của tiện ích (không sửa tay)';

export type StateKey = 'profile' | 'overrides' | 'facts' | 'annotationBackup' | 'votes' | 'preset';

/** A user's correction of what table detection found on one sheet. */
export interface MappingOverride {
  sheet: string;
  /** Skip this sheet entirely. */
  ignore?: boolean;
  kind?: Kind;
  /** 1-based worksheet row of the (last) header row. */
  headerRow?: number;
  /** Field → column letter; null removes a field found automatically. */
  columns?: Partial<Record<Field, string | null>>;
}

/**
 * What annotation replaced, so that "Xóa đánh dấu" restores it exactly. This is the shape adapters
 * work with (one entry per cell); on the state sheet it is stored compactly (StoredBackup, format 2),
 * and the per-cell format 1 of earlier versions is still read.
 */
export interface AnnotationBackup {
  version: 1;
  cells: BackedUpCell[];
  /** Name of the result sheet we created (removed on clear). */
  resultSheet: string | null;
  /** How notes were written: Excel notes, threaded comments, or not at all. */
  noteMode: 'notes' | 'comments' | 'none';
}

export interface BackedUpCell {
  sheet: string;
  cell: string;
  /** Previous solid fill colour ("#RRGGBB"), or null for no fill. */
  fill: string | null;
  /** Previous note / comment text, or null for none. */
  note: string | null;
  /** The adapter's exact previous objects (e.g. exceljs gradient fills, rich-text notes), for an exact restore. */
  exact?: { fill?: unknown; note?: unknown };
}

export type WorkbookState = Partial<Record<StateKey, unknown>>;

/**
 * The backup as stored (format 2): per sheet, the cells that had nothing to restore (no fill, no
 * note) as runs of A1 ranges, the cells that had only a solid fill grouped by colour, and the rest
 * (a note, an exceljs exact object) one by one. At 10,000 rows this is ~40 KB where one JSON object
 * per cell was ~1 MB of the 5 MB an Excel on the web request can carry.
 */
export interface StoredBackup {
  version: 2;
  resultSheet: string | null;
  noteMode: AnnotationBackup['noteMode'];
  sheets: StoredSheetBackup[];
}

export interface StoredSheetBackup {
  sheet: string;
  /** Cells with no fill and no note before: "F2:F40,H7". */
  blank?: string;
  /** Cells with a solid fill and no note before, by colour: { "#00B050": "C4:C6" }. */
  fills?: Record<string, string>;
  /** Every other cell as it was. */
  cells?: Omit<BackedUpCell, 'sheet'>[];
}

/** Cells → "C6:C20,D4" (runs of consecutive rows of a column). */
export function compactCells(cells: { row: number; col: number }[]): string {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].col === sorted[i].col && sorted[j + 1].row <= sorted[j].row + 1) j++;
    const top = a1(sorted[i].row, sorted[i].col);
    out.push(sorted[j].row === sorted[i].row ? top : `${top}:${a1(sorted[j].row, sorted[j].col)}`);
    i = j + 1;
  }
  return out.join(',');
}

/** "C6:C20,D4" → the cells' A1 addresses (rectangles are expanded row by row); null when malformed. */
export function expandCells(list: string): string[] | null {
  const out: string[] = [];
  for (const part of list.split(',')) {
    if (!part) continue;
    const [from, to = from] = part.split(':');
    const a = parseA1(from);
    const b = parseA1(to);
    if (!a || !b || b.row < a.row || b.col < a.col) return null;
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push(a1(r, c));
  }
  return out;
}

/** The backup in its stored form (format 2). The order of the cells is not kept. */
export function packBackup(b: AnnotationBackup): StoredBackup {
  const bySheet = new Map<string, { blank: { row: number; col: number }[]; fills: Map<string, { row: number; col: number }[]>; cells: Omit<BackedUpCell, 'sheet'>[] }>();
  const seen = new Set<string>();
  for (const c of b.cells) {
    let g = bySheet.get(c.sheet);
    if (!g) bySheet.set(c.sheet, (g = { blank: [], fills: new Map(), cells: [] }));
    const pos = parseA1(c.cell);
    const key = `${c.sheet}\u0000${c.cell.toUpperCase()}`;
    // A cell listed twice (never written so, but kept as is) or an address we can't parse: one by one.
    const plain = pos && !seen.has(key) && c.note === null;
    seen.add(key);
    // The exceljs adapter keeps the exact objects too; "none and none" restores as blank does.
    const noExact = c.exact === undefined || Object.values(c.exact).every((x) => x === null || x === undefined);
    if (plain && c.fill === null && noExact) g.blank.push(pos);
    else if (plain && c.exact !== undefined) {
      const { sheet: _s, ...rest } = c;
      g.cells.push(rest);
    }
    else if (plain && typeof c.fill === 'string') {
      const list = g.fills.get(c.fill) ?? [];
      list.push(pos);
      g.fills.set(c.fill, list);
    } else {
      const { sheet: _s, ...rest } = c;
      g.cells.push(rest);
    }
  }
  const sheets: StoredSheetBackup[] = [];
  for (const [sheet, g] of bySheet) {
    const entry: StoredSheetBackup = { sheet };
    if (g.blank.length) entry.blank = compactCells(g.blank);
    if (g.fills.size) entry.fills = Object.fromEntries([...g.fills].map(([color, cells]) => [color, compactCells(cells)]));
    if (g.cells.length) entry.cells = g.cells;
    sheets.push(entry);
  }
  return { version: 2, resultSheet: b.resultSheet, noteMode: b.noteMode, sheets };
}

const NOTE_MODES = ['notes', 'comments', 'none'];

/** The stored backup (format 2, or format 1 of earlier versions) → one entry per cell; undefined when malformed. */
export function unpackBackup(value: unknown): AnnotationBackup | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const old = value as { version?: unknown; cells?: unknown };
  if (old.version === 1) return Array.isArray(old.cells) ? (value as AnnotationBackup) : undefined;
  const v = value as Partial<StoredBackup>;
  if (v.version !== 2 || !Array.isArray(v.sheets) || !NOTE_MODES.includes(v.noteMode as string)) return undefined;
  const cells: BackedUpCell[] = [];
  for (const s of v.sheets) {
    if (!s || typeof s.sheet !== 'string') return undefined;
    const blank = expandCells(s.blank ?? '');
    if (!blank) return undefined;
    for (const cell of blank) cells.push({ sheet: s.sheet, cell, fill: null, note: null });
    for (const [fill, list] of Object.entries(s.fills ?? {})) {
      const filled = expandCells(list);
      if (!filled) return undefined;
      for (const cell of filled) cells.push({ sheet: s.sheet, cell, fill, note: null });
    }
    for (const c of s.cells ?? []) cells.push({ sheet: s.sheet, ...c });
  }
  return { version: 1, cells, resultSheet: typeof v.resultSheet === 'string' ? v.resultSheet : null, noteMode: v.noteMode as AnnotationBackup['noteMode'] };
}

export function findStateSheet(grid: Grid): SheetGrid | undefined {
  return grid.sheets.find((s) => s.name === STATE_SHEET);
}

/** Reads the state rows; a malformed entry is dropped (reported by the caller if needed). */
export function readState(grid: Grid): WorkbookState {
  const sheet = findStateSheet(grid);
  const state: WorkbookState = {};
  if (!sheet) return state;
  for (const line of sheet.values) {
    const key = line[0];
    if (typeof key !== 'string' || key === STATE_BANNER || !key) continue;
    const text = line
      .slice(1)
      .map((v) => (typeof v === 'string' ? v : ''))
      .join('');
    if (!text) continue;
    try {
      const value: unknown = JSON.parse(text);
      if (key !== 'annotationBackup') state[key as StateKey] = value;
      else {
        const backup = unpackBackup(value);
        if (backup) state.annotationBackup = backup;
      }
    } catch {
      // A hand-edited, broken entry is ignored rather than crashing the check.
    }
  }
  return state;
}

/** The rows to write on the state sheet (A1 downwards), for the whole state. */
export function stateRows(state: WorkbookState): string[][] {
  const rows: string[][] = [[STATE_BANNER]];
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined) continue;
    // The backup is stored compactly (format 2); anything else as it is.
    const backup = key === 'annotationBackup' ? unpackBackup(value) : undefined;
    const text = JSON.stringify(backup ? packBackup(backup) : value);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += STATE_CHUNK) chunks.push(text.slice(i, i + STATE_CHUNK));
    rows.push([key, ...chunks]);
  }
  return rows;
}
