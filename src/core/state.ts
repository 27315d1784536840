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
import type { Grid, SheetGrid } from './grid';
import type { Field, Kind } from './ids';

export const STATE_CHUNK = 30000;
export const STATE_BANNER = 'Thi đua CCHC — dữ liệu của tiện ích (không sửa tay)';

export type StateKey = 'profile' | 'overrides' | 'facts' | 'annotationBackup' | 'votes';

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

/** What annotation replaced, so that "Xóa đánh dấu" restores it exactly. */
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
      state[key as StateKey] = JSON.parse(text);
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
    const text = JSON.stringify(value);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += STATE_CHUNK) chunks.push(text.slice(i, i + STATE_CHUNK));
    rows.push([key, ...chunks]);
  }
  return rows;
}
