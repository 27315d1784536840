/**
 * "Tạo trang Kiểm phiếu": the sheet of the council's vote count (src/core/countSheet.ts), written
 * in the Excel.run that read the workbook — the candidates the council votes on, the members and
 * the voting method above; the votes already typed there kept by name (a candidate no longer
 * listed keeps its row, at the end: the clerk's count is never lost). Only columns A–E of the
 * sheet are written; one sync for the read, one for the write.
 */
import { analyze, awardLabel, COUNT_LABELS, COUNT_SHEET, councilBallot, countSheetPlan, fold, isCountSheetName, keptVotes, readCountSheet, readState, workbookMeeting, type Lang } from '../core';
import { assertWritable } from './guards';
import { readGrid } from './readGrid';
import type { Syncer } from './syncer';

export interface CountSheetWritten {
  sheet: string;
  /** Candidates listed for the vote. */
  candidates: number;
  /** Votes already typed that were kept. */
  kept: number;
  created: boolean;
}

const COLUMNS = 5;
const WIDTHS = [40, 70, 260, 200, 100]; // points

export async function writeCountSheetIn(syncer: Syncer, lang: Lang): Promise<CountSheetWritten> {
  const read = await readGrid(syncer);
  const { grid } = read;
  const analysis = analyze(grid, { lang });
  const existing = grid.sheets.find((s) => isCountSheetName(s.name));
  const existingName = existing?.name ?? read.names.find((n) => isCountSheetName(n));
  assertWritable({ protectedSheets: read.protectedSheets, structureProtected: !existingName && read.structureProtected }, existingName ? [existingName] : [], lang);
  const { profile, result } = analysis;
  const list = councilBallot(result).map((c) => ({ kind: c.kind, name: c.name, award: awardLabel(profile, c.award ?? c.pinnedAward) }));
  const kept = keptVotes(existing);
  // The members and method as the workbook knows them (even when the count was refused, to be mended here).
  const meeting = workbookMeeting(grid, readState(grid), undefined);
  const plan = countSheetPlan(list, meeting, kept);
  const listed = new Set(list.map((c) => fold(c.name)));
  for (const v of readCountSheet({ sheets: existing ? [existing] : [] }).meeting?.votes ?? []) {
    if (!listed.has(fold(v.candidate))) plan.rows.push([plan.rows.length - plan.headerRow, '', v.candidate, '', v.agree]);
  }
  const rows = plan.rows.map((r) => Array.from({ length: COLUMNS }, (_, i) => (r[i] === undefined || r[i] === null ? '' : r[i]!)));
  const sheets = syncer.context.workbook.worksheets;
  const sheet = existingName ? sheets.getItem(existingName) : sheets.add(COUNT_SHEET);
  if (existing) {
    // Our columns of the old rows go (a shorter list leaves nothing behind); other columns stay the user's.
    const oldLast = existing.originRow + existing.values.length;
    if (oldLast > rows.length) sheet.getRange(`A${rows.length + 1}:E${oldLast}`).clear('Contents');
  }
  const range = sheet.getRange(`A1:E${rows.length}`);
  // Names stay text; the vote cells take numbers.
  range.values = rows;
  sheet.getRange('A1').format.font.bold = true;
  sheet.getRange(`A${plan.headerRow + 1}:E${plan.headerRow + 1}`).format.font.bold = true;
  sheet.getRange(`A2:A4`).format.font.bold = true;
  WIDTHS.forEach((w, i) => (sheet.getRange(`${'ABCDE'[i]}1`).format.columnWidth = w));
  sheet.getRange(`E${plan.headerRow + 2}:E${Math.max(plan.headerRow + 2, rows.length)}`).format.fill.color = '#FFF2CC';
  if (!existingName) sheet.activate();
  await syncer.sync();
  return { sheet: existingName ?? COUNT_SHEET, candidates: list.length, kept: kept.size, created: !existingName };
}

/** Is this A1 the title of a count sheet we wrote (so `clear` may take a sheet with no vote typed)? */
export function isOurCountTitle(value: unknown): boolean {
  return value === COUNT_LABELS.title;
}
