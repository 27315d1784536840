/**
 * Recording awards in the history sheet by patching the package (core/awardRecord.ts decides the
 * rows): values written as inline strings and numbers (§18.3.1.4, §18.3.1.53), so the shared
 * string table is never touched; each new cell placed in column order in its row, each new row in
 * row order (§18.3.1.73); a cell record that exists (a formatted blank) keeps its format. Every
 * other part is copied as stored. A new history sheet is appended after the user's sheets.
 */
import { columnIndex, type RecordPlan } from '../../core';
import { cellsIntoRow, newRow, rowsIntoSheet, scanSheet } from './cells';
import type { Package } from '../package';
import { Workbook } from './workbook';
import { worksheetHead } from './namespaces';
import { attrs, splice, xstring, type Splice } from '../xml';

function valueRecord(p: string, ref: string, value: string | number, s: string | undefined): string {
  const style = s !== undefined ? ` s="${s}"` : '';
  if (typeof value === 'number') return `<${p}c r="${ref}"${style}><${p}v>${value}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${style} t="inlineStr"><${p}is><${p}t xml:space="preserve">${xstring(value)}</${p}t></${p}is></${p}c>`;
}

/** Writes the plan's values into a worksheet's XML. */
export function writeValues(xml: string, plan: RecordPlan): string {
  const wanted = plan.rows.flatMap((r) => r.cells.map((c) => ({ row: r.row - 1, col: columnIndex(c.col) })));
  const scan = scanSheet(xml, wanted);
  const p = scan.prefix;
  const out: Splice[] = [];
  const newRows: { row: number; text: string }[] = [];
  for (const r of plan.rows) {
    const rowNum = r.row - 1;
    const cells = r.cells.map((c) => ({ col: columnIndex(c.col), ref: `${c.col}${r.row}`, value: c.value }));
    const existing = scan.rows.get(rowNum);
    if (!existing) {
      newRows.push(newRow(p, rowNum, cells.map((c) => ({ col: c.col, text: valueRecord(p, c.ref, c.value, undefined) }))));
      continue;
    }
    const added: { col: number; text: string }[] = [];
    for (const c of cells) {
      const same = existing.cells.find((x) => x.col === c.col);
      // A formatted blank (the planner only writes below the last used row): keep its format.
      if (same) out.push({ at: same.start, del: same.end - same.start, text: valueRecord(p, c.ref, c.value, attrs(same.tag).get('s')) });
      else added.push({ col: c.col, text: valueRecord(p, c.ref, c.value, undefined) });
    }
    out.push(...cellsIntoRow(existing, p, added));
  }
  out.push(...rowsIntoSheet(xml, scan, newRows));
  let result = splice(xml, out);
  // The used range grows: a stale <dimension> would hide the new rows from some readers.
  const last = Math.max(...plan.rows.map((r) => r.row));
  result = result.replace(/(<(?:\w+:)?dimension\s+ref\s*=\s*["'])([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?(["'])/, (m, a, c1, r1, c2, r2, q) => {
    const endCol = c2 ?? c1;
    const endRow = Math.max(Number(r2 ?? r1), last);
    const maxCol = plan.rows.flatMap((r) => r.cells.map((x) => x.col)).reduce((acc, x) => (columnIndex(x) > columnIndex(acc) ? x : acc), endCol);
    return `${a}${c1}${r1}:${maxCol}${endRow}${q}`;
  });
  return result;
}

/** A new history sheet: the header and rows, columns wide enough to read. */
function newSheetXml(plan: RecordPlan, head: string): string {
  const widths = [8, 38, 36, 18, 16, 50];
  const cols = `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
  return `${head}${cols}${writeValues('<sheetData/>', plan)}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** The package (as read, edited here) with the plan applied: the new zip's chunks. */
export function recordInPackage(pkg: Package, plan: RecordPlan): Buffer[] {
  const wb = new Workbook(pkg);
  if (plan.create) {
    wb.addSheet(plan.sheet, newSheetXml(plan, worksheetHead(wb.ns)), 'visible');
  } else {
    const entry = wb.sheets().find((s) => s.name === plan.sheet && s.worksheet);
    if (!entry?.part) throw new Error(`no worksheet "${plan.sheet}"`);
    pkg.setText(entry.part, writeValues(pkg.text(entry.part), plan));
  }
  return pkg.toZip();
}
