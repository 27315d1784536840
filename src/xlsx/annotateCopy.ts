/**
 * exceljs adapter, writing side: applies an AnnotationPlan to the workbook and writes a copy
 * (never the input). Only fills, notes, the result sheet and the state sheet are touched; cell
 * values never are. What is replaced is recorded so that it can be restored exactly, and a
 * previous annotation is undone first, so that annotating again never doubles anything.
 */
import ExcelJS from 'exceljs';
import { MARK_FILL, STATE_SHEET, type AnnotationPlan, type ResultSheet } from '../core/annotationPlan';
import { labels } from '../core/messages/labels';
import type { Message } from '../core/result';
import { stateRows, type AnnotationBackup, type BackedUpCell, type WorkbookState } from '../core/state';
import { safeWriteFile } from '../cli/safeWrite';
import './messages';

type Fill = ExcelJS.Fill;

const HEADER_FILL = '#D9E1F2';
const FONT = { name: 'Times New Roman', size: 12 };
const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
/** Excel caps sheet names at 31 characters. */
const SHEET_NAME_MAX = 31;

/** Writing the copy failed (folder not writable, disk full…): the message says where and why. */
export class AnnotatedCopyError extends Error {
  constructor(readonly data: Message) {
    super(`${data.code}: ${data.params.path} (${data.params.why})`);
    this.name = 'AnnotatedCopyError';
  }
}

function solid(hex: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.replace('#', '').toUpperCase()}` } };
}

/** "#RRGGBB" of a solid fill, null for no fill or a fill that is not one colour. */
function fillColor(fill: Fill | undefined): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const c = (fill.fgColor as { argb?: string } | undefined)?.argb;
  return c ? `#${c.slice(-6).toUpperCase()}` : null;
}

/** A note as exceljs gives it (a string, or { texts: [{ text }] } when read from a file) → plain text. */
export function noteText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : null;
}

function copyOf<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}

/**
 * Sets or removes a cell's fill without touching other cells: exceljs shares one style object
 * between cells read with the same style, so the style is replaced, never mutated.
 */
function setFill(cell: ExcelJS.Cell, fill: Fill | undefined): void {
  const style = { ...cell.style } as Partial<ExcelJS.Style>;
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style as ExcelJS.Style;
}

function setNote(cell: ExcelJS.Cell, note: unknown): void {
  if (note === undefined || note === null) {
    // exceljs has no public way to remove a note; a note read from a file also lives on the value's model.
    const raw = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
    delete raw._comment;
    if (raw._value?.model) delete raw._value.model.comment;
  } else {
    cell.note = note as string;
  }
}

function backupOf(value: unknown): AnnotationBackup | undefined {
  const b = value as AnnotationBackup | undefined;
  return b && b.version === 1 && Array.isArray(b.cells) ? b : undefined;
}

/** Rewrites the hidden state sheet; removes it when nothing is left to keep (we added it). */
function writeStateSheet(workbook: ExcelJS.Workbook, state: WorkbookState): void {
  const existing = workbook.getWorksheet(STATE_SHEET);
  if (existing) workbook.removeWorksheet(existing.id);
  const rows = stateRows(state);
  if (rows.length <= 1) return;
  const ws = workbook.addWorksheet(STATE_SHEET, { state: 'hidden' });
  for (const r of rows) ws.addRow(r);
}

/**
 * Restores what a previous annotation replaced, removes what it added (fills, notes, the result
 * sheet) and rewrites the state sheet without the backup. Returns the remaining state.
 */
export function clearAnnotations(workbook: ExcelJS.Workbook, state: WorkbookState): WorkbookState {
  const rest = undoBackup(workbook, state);
  if (rest !== state) writeStateSheet(workbook, rest);
  return rest;
}

function undoBackup(workbook: ExcelJS.Workbook, state: WorkbookState): WorkbookState {
  const backup = backupOf(state.annotationBackup);
  if (!backup) return state;
  for (const b of backup.cells) {
    const ws = workbook.getWorksheet(b.sheet);
    if (!ws) continue;
    const cell = ws.getCell(b.cell);
    // The exact objects when this adapter wrote the backup; the colour and text when the add-in did.
    const exact = b.exact ?? {};
    setFill(cell, 'fill' in exact ? ((exact.fill ?? undefined) as Fill | undefined) : b.fill ? solid(b.fill) : undefined);
    setNote(cell, 'note' in exact ? exact.note : b.note);
  }
  if (backup.resultSheet) {
    const ws = workbook.getWorksheet(backup.resultSheet);
    if (ws) workbook.removeWorksheet(ws.id);
  }
  const { annotationBackup: _dropped, ...rest } = state;
  return rest;
}

/** A sheet of the plan's name that holds our title is a stale result sheet of ours; anything else is the user's. */
function isOurResultSheet(ws: ExcelJS.Worksheet): boolean {
  const a1 = ws.getCell('A1').value;
  return a1 === labels('vi').resultTitle || a1 === labels('en').resultTitle;
}

/** The result sheet's name: the plan's, unless the user has a sheet of that name (never removed). */
function resultSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  const existing = workbook.getWorksheet(wanted);
  if (!existing) return wanted;
  if (isOurResultSheet(existing)) {
    workbook.removeWorksheet(existing.id);
    return wanted;
  }
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = wanted.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!workbook.getWorksheet(name)) return name;
  }
}

/** Index (1-based) of the "Kết quả" column, coloured like the marks. */
function resultColumn(rs: ResultSheet): number {
  const i = rs.header.findIndex((h) => h === labels('vi').header.result || h === labels('en').header.result);
  return i >= 0 ? i + 1 : rs.header.length - 3;
}

function writeResultSheet(workbook: ExcelJS.Workbook, rs: ResultSheet, name: string): void {
  const headerRow = rs.title.length + 2;
  const ws = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  rs.title.forEach((line, i) => {
    const row = ws.addRow([line]);
    row.font = { ...FONT, bold: i === 0, size: i === 0 ? 14 : 12 };
  });
  ws.addRow([]);
  const width = rs.header.length;
  const header = ws.addRow(rs.header);
  for (let c = 1; c <= width; c++) {
    const cell = header.getCell(c);
    cell.font = { ...FONT, bold: true };
    cell.fill = solid(HEADER_FILL);
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = BORDER;
  }
  const resultCol = resultColumn(rs);
  rs.rows.forEach((values, i) => {
    const row = ws.addRow(values);
    const color = rs.rowKinds[i] ? MARK_FILL[rs.rowKinds[i]!] : null;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.font = FONT;
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = BORDER;
      if (c === resultCol && color) cell.fill = solid(color);
    }
  });
  if (rs.rows.length) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + rs.rows.length, column: width } };
  ws.addRow([]);
  for (const line of rs.footer) ws.addRow([line]).font = FONT;
  // The overview for the council (no chart: exceljs cannot draw one; the add-in does).
  if (rs.overview) {
    ws.addRow([]);
    rs.overview.rows.forEach((cells, i, all) => {
      const row = ws.addRow(cells);
      row.font = { ...FONT, bold: cells.length > 0 && (i === 0 || all[i - 1].length === 0) };
    });
  }
  rs.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

/**
 * Applies the plan in memory: undoes any previous annotation, marks the cells (recording what
 * each had before), adds the result sheet and rewrites the state sheet. Returns the new state.
 */
export function applyPlan(workbook: ExcelJS.Workbook, plan: AnnotationPlan, state: WorkbookState): WorkbookState {
  const base = undoBackup(workbook, state);
  const cells: BackedUpCell[] = [];
  for (const mark of plan.marks) {
    const ws = workbook.getWorksheet(mark.sheet);
    if (!ws) continue;
    const cell = ws.getCell(mark.cell);
    const prevFill = cell.style?.fill;
    const prevNote = cell.note;
    cells.push({
      sheet: mark.sheet,
      cell: mark.cell,
      fill: fillColor(prevFill),
      note: noteText(prevNote),
      exact: { fill: prevFill === undefined ? null : copyOf(prevFill), note: prevNote === undefined ? null : copyOf(prevNote) },
    });
    const color = MARK_FILL[mark.kind];
    if (color) setFill(cell, solid(color));
    cell.note = mark.note;
  }
  const name = resultSheetName(workbook, plan.resultSheet.name);
  writeResultSheet(workbook, plan.resultSheet, name);
  const backup: AnnotationBackup = { version: 1, cells, resultSheet: name, noteMode: 'notes' };
  const next: WorkbookState = { ...base, annotationBackup: backup };
  writeStateSheet(workbook, next);
  return next;
}

/**
 * Annotates the workbook (in memory) and writes it to outPath: through a temporary file in the
 * same folder, renamed at the end, so that a failure never leaves a half-written copy. The
 * folder is created when missing. Throws AnnotatedCopyError (a message, not a stack) on failure.
 */
export async function writeAnnotatedCopy(
  workbook: ExcelJS.Workbook,
  plan: AnnotationPlan,
  state: WorkbookState,
  outPath: string,
  inputs: readonly string[] = [],
): Promise<{ noteMode: 'notes' }> {
  applyPlan(workbook, plan, state);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new AnnotatedCopyError({ code: 'xlsx.cannotWrite', params: { path: outPath, why: err.code ?? err.message ?? String(e) } });
  }
  // Never the input, only a regular file or a new path, through a temporary file renamed at the end.
  await safeWriteFile(outPath, bytes, { inputs });
  return { noteMode: 'notes' };
}
