/**
 * The council's own words on our result sheet survive re-annotation: a column they add (say
 * "Ý kiến Hội đồng") is carried into the new result sheet, each cell with its candidate (matched by
 * kind + name), whatever order the new ranking gives. Pure: the adapters read the old sheet's header
 * rows first, then (only when it has such columns) those columns and the kind / name columns.
 */
import type { CellValue } from './grid';
import { RESULT_SHEET_NAMES } from './sheetNames';
import { CRITERION_IDS, type Lang } from './ids';
import { criterionLabel } from './messages';
import { labels } from './messages/labels';
import type { ResultCell, ResultSheet } from './annotationPlan';
import { cleanName } from './text';

const LANGS: Lang[] = ['vi', 'en'];

/** Every header text we write, in both languages: anything else in the header row is the user's. */
function ourHeaders(): Set<string> {
  const set = new Set<string>();
  for (const lang of LANGS) {
    for (const h of Object.values(labels(lang).header)) set.add(h);
    for (const id of CRITERION_IDS) set.add(criterionLabel(id, lang));
  }
  return set;
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined || typeof v === 'object' ? '' : cleanName(String(v)));

export interface OldHeader {
  /** 0-based row of the header in the old sheet. */
  row: number;
  /** 0-based columns of "Loại" and "Tên" there. */
  kindCol: number;
  nameCol: number;
  /** The user's columns: 0-based index and header text. */
  userCols: { col: number; header: string }[];
}

/** The council's columns of our old result sheet, as the adapters read them: its header, and per row below it the kind, the name and the user's cells. */
export interface OldResult {
  header: OldHeader;
  rows: { kind: CellValue; name: CellValue; values: CellValue[] }[];
}

/** The rows below `header` up to `lastRow` (0-based), each cell given by `cell` (0-based row / column). */
export function oldResultRows(header: OldHeader, cell: (row: number, col: number) => CellValue, lastRow: number): OldResult['rows'] {
  const rows: OldResult['rows'] = [];
  for (let r = header.row + 1; r <= lastRow; r++) rows.push({ kind: cell(r, header.kindCol), name: cell(r, header.nameCol), values: header.userCols.map((c) => cell(r, c.col)) });
  return rows;
}

/** Where our header is looked for on the old result sheet: rows 1–10, columns A–AZ. */
export const OLD_HEADER_ROWS = 10;
export const OLD_HEADER_COLS = 52;

/** Our result sheet's names ("Kết quả xét khen thưởng", "… (2)"). */
const RESULT_NAME = new RegExp(`^(${[...new Set(Object.values(RESULT_SHEET_NAMES))].join('|')})( \\(\\d+\\))?$`);

export function isResultSheetName(name: string): boolean {
  return RESULT_NAME.test(name);
}

/** Is this sheet our result sheet (its first cell our title)? For a workbook whose state is lost. */
export function isResultTitle(value: unknown): boolean {
  return value === labels('vi').resultTitle || value === labels('en').resultTitle;
}

/** Finds our header row among the first rows of the old result sheet and the user's columns in it. */
export function findOldHeader(top: CellValue[][]): OldHeader | null {
  const ours = ourHeaders();
  for (let r = 0; r < top.length; r++) {
    const line = top[r].map(text);
    for (const lang of LANGS) {
      const L = labels(lang).header;
      const kindCol = line.indexOf(L.kind);
      const nameCol = line.indexOf(L.name);
      if (kindCol < 0 || nameCol < 0) continue;
      const userCols = line.map((h, col) => ({ col, header: h })).filter((c) => c.header && !ours.has(c.header));
      return { row: r, kindCol, nameCol, userCols };
    }
  }
  return null;
}

/**
 * The new result sheet with the user's columns appended (after ours), each row's cells taken from
 * the old row of the same kind + name. `rows` are the old sheet's rows below its header, each with
 * the kind, the name and the user's columns (in `header.userCols` order). Old rows whose candidate
 * is no longer in the result are kept at the end (their text is the user's), with kind and name.
 */
export function withUserColumns(plan: ResultSheet, header: OldHeader, rows: { kind: CellValue; name: CellValue; values: CellValue[] }[]): ResultSheet {
  if (!header.userCols.length) return plan;
  const kindIdx = plan.header.findIndex((h) => LANGS.some((l) => labels(l).header.kind === h));
  const nameIdx = plan.header.findIndex((h) => LANGS.some((l) => labels(l).header.name === h));
  const key = (kind: CellValue | ResultCell, name: CellValue | ResultCell) => `${text(kind as CellValue)}\u0000${text(name as CellValue)}`;
  const byKey = new Map<string, CellValue[][]>();
  for (const r of rows) {
    if (!text(r.name) || r.values.every((v) => text(v) === '')) continue;
    const k = key(r.kind, r.name);
    byKey.set(k, [...(byKey.get(k) ?? []), r.values]);
  }
  const cell = (v: CellValue): ResultCell => (v === null || v === undefined || typeof v === 'object' ? null : typeof v === 'boolean' ? String(v) : v);
  const newRows = plan.rows.map((row) => {
    const list = byKey.get(key(row[kindIdx], row[nameIdx]));
    const values = list?.shift() ?? [];
    return [...row, ...header.userCols.map((_, i) => cell(values[i] ?? null))];
  });
  const rowKinds = [...plan.rowKinds];
  // Candidates gone from the result: their row stays, with the user's words.
  for (const [k, lists] of byKey) {
    for (const values of lists) {
      const [kind, name] = k.split('\u0000');
      const row: ResultCell[] = plan.header.map(() => null);
      if (kindIdx >= 0) row[kindIdx] = kind;
      if (nameIdx >= 0) row[nameIdx] = name;
      newRows.push([...row, ...header.userCols.map((_, i) => cell(values[i] ?? null))]);
      rowKinds.push(null);
    }
  }
  return {
    ...plan,
    header: [...plan.header, ...header.userCols.map((c) => c.header)],
    rows: newRows,
    rowKinds,
    widths: [...plan.widths, ...header.userCols.map(() => 30)],
  };
}
