/**
 * Finding the tables of a workbook: which sheet holds tập thể or cá nhân, where its header is
 * (title rows above it skipped, two-row merged headers joined), and which column is which field.
 */
import { cellAt, columnLetter, columnIndex, lastCol, lastRow, type CellRect, type Grid, type SheetGrid } from './grid';
import { classifyHeader, isBareMeasure, type HeaderMatch } from './headers';
import type { Field, Kind } from './ids';
import type { Issue, TableInfo } from './result';
import { RESULT_SHEET_NAMES, STATE_SHEET } from './sheetNames';
import { isStagingSheet } from './marks';
import { isHistorySheetName } from './sheetNames';
import { isCountSheetName } from './countSheet';

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

/** workbook.md: the header row is found within the first 20 rows. */
export const HEADER_SCAN_ROWS = 20;

export interface DetectedTable extends TableInfo {
  /** 0-based column of each field (derived from `columns`). */
  fieldCols: Partial<Record<Field, number>>;
  /** "Chức vụ, đơn vị công tác" kept in one column. */
  positionAndUnit: boolean;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return '';
  return String(v).trim();
}

/** Finds the merge whose area contains the cell, if any. */
function mergeAt(merges: CellRect[] | undefined, row: number, col: number): CellRect | undefined {
  if (!merges) return undefined;
  return merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** Header text of a cell, taking a merged area's value from its top-left cell. */
function headerText(sheet: SheetGrid, row: number, col: number): string {
  const m = mergeAt(sheet.merges, row, col);
  if (m) return text(cellAt(sheet, m.top, m.left));
  return text(cellAt(sheet, row, col));
}

interface HeaderCandidate {
  headerRow: number;
  headerRows: number;
  matches: Map<number, HeaderMatch>;
  headers: Map<number, string>;
  score: number;
}

function scoreOf(matches: Map<number, HeaderMatch>): number {
  const fields = new Set<Field>();
  let hasName = false;
  for (const m of matches.values()) {
    fields.add(m.field);
    if (m.field === 'name') hasName = true;
  }
  fields.delete('order');
  return fields.size + (hasName ? 2 : 0);
}

function singleRow(sheet: SheetGrid, row: number, maxCol: number): HeaderCandidate {
  const matches = new Map<number, HeaderMatch>();
  const headers = new Map<number, string>();
  for (let c = sheet.originCol; c <= maxCol; c++) {
    const m = mergeAt(sheet.merges, row, c);
    // A horizontal merge names only its first column.
    if (m && m.left !== c) continue;
    const t = text(cellAt(sheet, row, c));
    if (!t) continue;
    headers.set(c, t);
    const match = classifyHeader(null, t);
    if (match) matches.set(c, match);
  }
  return { headerRow: row, headerRows: 1, matches, headers, score: scoreOf(matches) };
}

function twoRows(sheet: SheetGrid, row: number, maxCol: number): HeaderCandidate | null {
  const parentRow = row - 1;
  if (parentRow < sheet.originRow) return null;
  const width = maxCol - sheet.originCol + 1;
  // A parent row with a single text (a title) is not a header.
  let parentTexts = 0;
  for (let c = sheet.originCol; c <= maxCol; c++) if (text(cellAt(sheet, parentRow, c))) parentTexts++;
  if (parentTexts < 2) return null;
  const matches = new Map<number, HeaderMatch>();
  const headers = new Map<number, string>();
  let lastParent = '';
  for (let c = sheet.originCol; c <= maxCol; c++) {
    const child = text(cellAt(sheet, row, c));
    const pm = mergeAt(sheet.merges, parentRow, c);
    let parent: string;
    if (pm && pm.right - pm.left + 1 >= Math.max(width - 1, 3) && pm.bottom === parentRow) parent = ''; // a title across the table
    else if (pm) parent = text(cellAt(sheet, pm.top, pm.left));
    else parent = text(cellAt(sheet, parentRow, c));
    // Without merge information, a bare measure ("Tỷ lệ (%)") under a blank takes the parent on its left.
    if (!parent && !sheet.merges && child && isBareMeasure(child)) parent = lastParent;
    if (text(cellAt(sheet, parentRow, c))) lastParent = text(cellAt(sheet, parentRow, c));
    // A parent merged down over the child row names the column alone.
    const cm = mergeAt(sheet.merges, row, c);
    if (cm && cm.top < row && cm.left !== c) continue;
    const childText = cm && cm.top < row ? '' : child;
    if (!parent && !childText) continue;
    if (pm && pm.left !== c && !childText) continue;
    const joined = [parent, childText].filter(Boolean).join(' / ');
    headers.set(c, joined);
    const match = classifyHeader(parent || null, childText || (parent ? null : ''));
    if (match) matches.set(c, match);
  }
  return { headerRow: row, headerRows: 2, matches, headers, score: scoreOf(matches) };
}

function kindOf(sheet: SheetGrid, matches: Map<number, HeaderMatch>): Kind | null {
  const names = [...matches.values()].filter((m) => m.field === 'name');
  if (names.some((m) => !m.collectiveName)) return 'individual';
  // The headers decide; the sheet name is only a hint and never overrides them.
  if (names.length) return 'collective';
  void sheet;
  return null;
}

/** Resolves the column → field matches into one column per field for the table's kind. */
function assignFields(kind: Kind, matches: Map<number, HeaderMatch>): { cols: Partial<Record<Field, number>>; positionAndUnit: boolean } {
  const cols: Partial<Record<Field, number>> = {};
  let positionAndUnit = false;
  const entries = [...matches.entries()].sort((a, b) => a[0] - b[0]);
  for (const [col, m] of entries) {
    let field = m.field;
    if (kind === 'individual' && field === 'name' && m.collectiveName) field = 'unit';
    if (cols[field] !== undefined) continue; // the first column wins; the user can override
    cols[field] = col;
    if (m.positionAndUnit) positionAndUnit = true;
  }
  return { cols, positionAndUnit };
}

function detectTable(sheet: SheetGrid): DetectedTable | null {
  if (!sheet.values.length) return null;
  const maxRow = Math.min(lastRow(sheet), sheet.originRow + HEADER_SCAN_ROWS - 1);
  const maxCol = lastCol(sheet);
  let best: HeaderCandidate | null = null;
  for (let r = sheet.originRow; r <= maxRow; r++) {
    const one = singleRow(sheet, r, maxCol);
    const two = twoRows(sheet, r, maxCol);
    for (const cand of [one, two]) {
      if (!cand) continue;
      const hasName = [...cand.matches.values()].some((m) => m.field === 'name');
      if (!hasName) continue;
      if (!best || cand.score > best.score) best = cand;
    }
  }
  // A table needs a name column and at least one more field.
  if (!best || best.score < 4) return null;
  const kind = kindOf(sheet, best.matches);
  if (!kind) return null;
  const { cols, positionAndUnit } = assignFields(kind, best.matches);
  return toTable(sheet, kind, best.headerRow, best.headerRows, cols, best.headers, positionAndUnit);
}

function toTable(
  sheet: SheetGrid,
  kind: Kind,
  headerRow0: number,
  headerRows: number,
  cols: Partial<Record<Field, number>>,
  headers: Map<number, string>,
  positionAndUnit: boolean,
): DetectedTable {
  const columns: Partial<Record<Field, string>> = {};
  for (const [f, c] of Object.entries(cols)) columns[f as Field] = columnLetter(c as number);
  const headerTexts: Record<string, string> = {};
  for (const [c, t] of headers) headerTexts[columnLetter(c)] = t;
  return {
    sheet: sheet.name,
    kind,
    headerRow: headerRow0 + 1,
    headerRows,
    firstDataRow: headerRow0 + 2,
    lastDataRow: lastRow(sheet) + 1,
    columns,
    headers: headerTexts,
    fieldCols: cols,
    positionAndUnit,
  };
}

/** Applies a user's override to what detection found (or builds the table from it alone). */
function applyOverride(sheet: SheetGrid, found: DetectedTable | null, o: MappingOverride, issues: Issue[]): DetectedTable | null {
  if (o.ignore) return null;
  const headerRow0 = o.headerRow !== undefined ? o.headerRow - 1 : found ? found.headerRow - 1 : null;
  const kind = o.kind ?? found?.kind ?? null;
  if (headerRow0 === null || kind === null) {
    issues.push({ severity: 'warning', sheet: sheet.name, cell: null, code: 'override.incomplete', params: {} });
    return found;
  }
  let cols: Partial<Record<Field, number>> = {};
  let headers = new Map<number, string>();
  let positionAndUnit = false;
  if (found && found.headerRow - 1 === headerRow0) {
    cols = { ...found.fieldCols };
    for (const [l, t] of Object.entries(found.headers)) headers.set(columnIndex(l), t);
    positionAndUnit = found.positionAndUnit;
  } else {
    const cand = singleRow(sheet, headerRow0, lastCol(sheet));
    headers = cand.headers;
    const assigned = assignFields(kind, cand.matches);
    cols = assigned.cols;
    positionAndUnit = assigned.positionAndUnit;
  }
  for (const [field, letter] of Object.entries(o.columns ?? {})) {
    if (letter === null || letter === undefined || letter === '') delete cols[field as Field];
    else if (/^[A-Za-z]{1,3}$/.test(letter)) cols[field as Field] = columnIndex(letter);
    else issues.push({ severity: 'warning', sheet: sheet.name, cell: null, code: 'override.badColumn', params: { field, column: String(letter) } });
  }
  if (cols.name === undefined) {
    issues.push({ severity: 'error', sheet: sheet.name, cell: null, code: 'table.noNameColumn', params: {} });
    return null;
  }
  return toTable(sheet, kind, headerRow0, found && found.headerRow - 1 === headerRow0 ? found.headerRows : 1, cols, headers, positionAndUnit);
}

/** Finds every table of the workbook; overrides (saved with the workbook) take precedence. */
export function findTables(grid: Grid, overrides: MappingOverride[] = [], ourSheets: string[] = []): { tables: DetectedTable[]; issues: Issue[] } {
  const tables: DetectedTable[] = [];
  const issues: Issue[] = [];
  for (const sheet of grid.sheets) {
    // Our own sheets (incl. the state sheet staged as "_ThiDuaCCHC~…" by an interrupted write) are never tables.
    if (sheet.name === STATE_SHEET || isStagingSheet(sheet.name) || sheet.name === RESULT_SHEET_NAMES.vi || sheet.name === RESULT_SHEET_NAMES.en) continue;
    // Our result sheet under another name ("… (2)" beside a user's sheet of that name), as the state records it.
    if (ourSheets.includes(sheet.name)) continue;
    // "Lịch sử khen thưởng" lists past awards (history.ts): never candidates, whatever its headers.
    if (isHistorySheetName(sheet.name)) continue;
    // The council's vote count (src/core/countSheet.ts) names candidates but is not a table of them.
    if (isCountSheetName(sheet.name)) continue;
    const found = detectTable(sheet);
    const override = overrides.find((o) => o.sheet === sheet.name);
    const table = override ? applyOverride(sheet, found, override, issues) : found;
    if (table) tables.push(table);
  }
  return { tables, issues };
}

/** The result sheet we write is never read back as a table. */
export { RESULT_SHEET_NAMES } from './sheetNames';
