/**
 * exceljs adapter, writing side: applies an AnnotationPlan to the workbook and writes a copy
 * (never the input). Only fills, notes, the result sheet and the state sheet are touched; cell
 * values never are. What is replaced is recorded so that it can be restored exactly.
 */
import ExcelJS from 'exceljs';
import { MARK_FILL, STATE_SHEET, type AnnotationPlan, type ResultSheet } from '../core/annotationPlan';
import { stateRows, type AnnotationBackup, type BackedUpCell, type WorkbookState } from '../core/state';

type Fill = ExcelJS.Fill;

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function solid(hex: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
}

function fillColor(fill: Fill | undefined): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const c = (fill.fgColor as { argb?: string } | undefined)?.argb;
  return c ? `#${c.slice(-6)}` : null;
}

function noteText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return texts ? texts.map((t) => t.text ?? '').join('') : null;
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

/** Restores what a previous annotation replaced and removes what it added. */
export function clearAnnotations(workbook: ExcelJS.Workbook, state: WorkbookState): WorkbookState {
  const backup = state.annotationBackup as AnnotationBackup | undefined;
  if (!backup) return state;
  for (const b of backup.cells) {
    const ws = workbook.getWorksheet(b.sheet);
    if (!ws) continue;
    const cell = ws.getCell(b.cell);
    const exact = b.exact ?? {};
    setFill(cell, 'fill' in exact ? (exact.fill as Fill | undefined) : b.fill ? solid(b.fill) : undefined);
    setNote(cell, 'note' in exact ? exact.note : b.note);
  }
  if (backup.resultSheet) {
    const ws = workbook.getWorksheet(backup.resultSheet);
    if (ws) workbook.removeWorksheet(ws.id);
  }
  const { annotationBackup: _dropped, ...rest } = state;
  return rest;
}

function writeResultSheet(workbook: ExcelJS.Workbook, rs: ResultSheet): void {
  const existing = workbook.getWorksheet(rs.name);
  if (existing) workbook.removeWorksheet(existing.id);
  const ws = workbook.addWorksheet(rs.name, { views: [{ state: 'frozen', ySplit: rs.title.length + 2 }] });
  const font = { name: 'Times New Roman', size: 12 };
  rs.title.forEach((line, i) => {
    const row = ws.addRow([line]);
    row.font = { ...font, bold: i === 0, size: i === 0 ? 14 : 12 };
  });
  ws.addRow([]);
  const header = ws.addRow(rs.header);
  header.eachCell((c) => {
    c.font = { ...font, bold: true };
    c.fill = solid('#D9E1F2');
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  const resultCol = rs.header.length - 3; // "Kết quả": before Đề nghị, Lý do, Vị trí
  rs.rows.forEach((values, i) => {
    const row = ws.addRow(values);
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.font = font;
      c.alignment = { wrapText: true, vertical: 'top' };
      c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
      const kind = rs.rowKinds[i];
      const color = kind ? MARK_FILL[kind] : null;
      if (col === resultCol && color) c.fill = solid(color);
    });
  });
  ws.addRow([]);
  for (const line of rs.footer) ws.addRow([line]).font = font;
  rs.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

function writeStateSheet(workbook: ExcelJS.Workbook, state: WorkbookState): void {
  const existing = workbook.getWorksheet(STATE_SHEET);
  if (existing) workbook.removeWorksheet(existing.id);
  const ws = workbook.addWorksheet(STATE_SHEET, { state: 'hidden' });
  for (const r of stateRows(state)) ws.addRow(r);
}

/** Applies the plan in memory (first undoing any previous annotation) and returns the new state. */
export function applyPlan(workbook: ExcelJS.Workbook, plan: AnnotationPlan, state: WorkbookState): WorkbookState {
  const base = clearAnnotations(workbook, state);
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
      exact: { fill: prevFill === undefined ? null : JSON.parse(JSON.stringify(prevFill)), note: prevNote === undefined ? null : JSON.parse(JSON.stringify(prevNote)) },
    });
    const color = MARK_FILL[mark.kind];
    if (color) setFill(cell, solid(color));
    cell.note = mark.note;
  }
  writeResultSheet(workbook, plan.resultSheet);
  const backup: AnnotationBackup = { version: 1, cells, resultSheet: plan.resultSheet.name, noteMode: 'notes' };
  const next = { ...base, annotationBackup: backup };
  writeStateSheet(workbook, next);
  return next;
}

export async function writeAnnotatedCopy(workbook: ExcelJS.Workbook, plan: AnnotationPlan, state: WorkbookState, outPath: string): Promise<{ noteMode: 'notes' }> {
  applyPlan(workbook, plan, state);
  await workbook.xlsx.writeFile(outPath);
  return { noteMode: 'notes' };
}
