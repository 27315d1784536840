/**
 * "Xóa đánh dấu": removes what the last annotation added and puts back the fills and notes it
 * replaced (found by what they mark, wherever rows moved), so that an annotated then cleared
 * workbook is, cell for cell, the one before. Without a readable backup, marks of ours are still
 * recognised (our note's head line, our fill on such a cell) and removed.
 */
import { backupStatus, cellAt, isCountSheetName, readCountSheet, readState, unpackBackup, type AnnotationBackup, type MappingOverride, type ReconcileReport, isResultSheetName, isStagingSheet } from '../core';
import { reconcile, queueExistingNotes } from './applyPlan';
import { isOurCountTitle } from './countSheet';
import { assertWritable } from './guards';
import { readGrid } from './readGrid';
import type { Syncer } from './syncer';

/** The backup in the state as read (readState unpacks it already; a hand-made object is checked). */
function backupOf(value: unknown): AnnotationBackup | undefined {
  const b = value as AnnotationBackup | undefined;
  return b && b.version === 1 && Array.isArray(b.cells) ? b : unpackBackup(value);
}

export interface ClearOutcome {
  /** False when there was nothing to clear. */
  cleared: boolean;
  /** What the core reports (cells not found, the user's changes kept, notes this Excel cannot reach). */
  report: ReconcileReport | null;
  /** The backup was missing ('missing', while marks of ours were found) or unreadable ('damaged'). */
  lostState: 'missing' | 'damaged' | null;
  /** Marks of ours recognised and removed without a backup. */
  recognised: number;
  /** Another user moved rows between the read and the write: nothing done (put back), to start again. */
  moved?: boolean;
}

export async function clearAnnotations(syncer: Syncer): Promise<ClearOutcome> {
  let existing!: ReturnType<typeof queueExistingNotes>;
  const read = await readGrid(syncer, { alongside: () => (existing = queueExistingNotes(syncer.context)) });
  const { grid, names } = read;
  const state = readState(grid);
  const previous = backupOf(state.annotationBackup);
  const status = backupStatus(grid);
  // Before any write: the sheets we restore, and the workbook's structure (our sheets are removed).
  if (previous) assertWritable(read, previous.cells.map((c) => c.sheet));
  const overrides = Array.isArray(state.overrides) ? (state.overrides as MappingOverride[]) : [];
  // Our count sheet goes only while no vote is typed in it: a count is the council's, never ours to drop.
  const count = grid.sheets.find((s) => isCountSheetName(s.name));
  const dropCount = !!count && !read.structureProtected && isOurCountTitle(cellAt(count, 0, 0)) && !readCountSheet({ sheets: [count] }).meeting?.votes?.length;
  const removeCount = async () => {
    if (!dropCount) return;
    syncer.context.workbook.worksheets.getItem(count!.name).delete();
    await syncer.sync();
  };
  // Never annotated (no backup, no note that could be ours, nothing left half-written): nothing to do.
  const anyNotes = [...existing.collections.values()].some((c) => c.items.length > 0);
  if (!previous && !anyNotes && status === 'none' && !names.some((n) => isStagingSheet(n) || isResultSheetName(n))) {
    await removeCount();
    return { cleared: dropCount, report: null, lostState: null, recognised: 0 };
  }
  const out = await reconcile(syncer, {
    grid,
    sheetNames: names,
    previous,
    marks: [],
    mode: previous?.noteMode ?? 'none',
    existing,
    resultSheet: null,
    baseState: state,
    overrides,
    rewriteState: status === 'damaged',
  });
  if (out.moved) return { cleared: false, report: null, lostState: null, recognised: 0, moved: true };
  await removeCount();
  if (!previous) {
    const lostState = status === 'damaged' ? 'damaged' : out.recognised ? 'missing' : null;
    return { cleared: out.recognised > 0, report: null, lostState, recognised: out.recognised };
  }
  return { cleared: true, report: out.report, lostState: null, recognised: 0 };
}

export { backupOf };
