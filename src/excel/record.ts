/**
 * "Ghi vào lịch sử" in Excel: the record plan of core/awardRecord.ts applied in the Excel.run
 * that read the workbook — the history sheet added when absent, each value written to its cell,
 * text cells formatted as text first (so "28/12/2022" stays the decision's date as written, not
 * a date Excel reinterprets by locale) — all queued, then one sync.
 */
import type { RecordPlan } from '../core';
import type { Syncer } from './syncer';

export async function applyRecordPlan(syncer: Syncer, plan: RecordPlan): Promise<void> {
  const sheets = syncer.context.workbook.worksheets;
  const sheet = plan.create ? sheets.add(plan.sheet) : sheets.getItem(plan.sheet);
  for (const row of plan.rows) {
    for (const cell of row.cells) {
      const range = sheet.getRange(`${cell.col}${row.row}`);
      if (typeof cell.value === 'string') range.numberFormat = [['@']];
      range.values = [[cell.value]];
    }
  }
  // A new sheet: columns wide enough to read (points; the CLI's copy uses the same widths in characters).
  if (plan.create) ['A', 'B', 'C', 'D', 'E', 'F'].forEach((col, i) => (sheet.getRange(`${col}1`).format.columnWidth = [45, 200, 190, 100, 90, 260][i]));
  await syncer.sync();
}
