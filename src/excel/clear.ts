/**
 * "Xóa đánh dấu": removes what the last annotation added and puts back the fills and notes it
 * replaced, so that an annotated then cleared workbook is, cell for cell, the one before.
 */
import { readState, type AnnotationBackup, STATE_SHEET } from '../core';
import { reconcile, queueExistingNotes, STATE_SHEET_STAGING, writeStateSheet } from './applyPlan';
import { assertWritable } from './guards';
import { readGrid } from './readGrid';
import type { Syncer } from './syncer';

function backupOf(value: unknown): AnnotationBackup | undefined {
  const b = value as AnnotationBackup | undefined;
  return b && b.version === 1 && Array.isArray(b.cells) ? b : undefined;
}

export interface ClearOutcome {
  /** False when there was nothing to clear. */
  cleared: boolean;
  /** Sheets of the backup that are gone (renamed or deleted): their cells stay in the backup. */
  missingSheets: string[];
}

export async function clearAnnotations(syncer: Syncer): Promise<ClearOutcome> {
  let existing!: ReturnType<typeof queueExistingNotes>;
  const read = await readGrid(syncer, { alongside: () => (existing = queueExistingNotes(syncer.context)) });
  const { grid, names } = read;
  const state = readState(grid);
  const previous = backupOf(state.annotationBackup);
  if (!previous) {
    // Nothing to clear; tidy what an interrupted state write may have left.
    if (names.includes(STATE_SHEET_STAGING)) {
      await writeStateSheet(syncer, { exists: names.includes(STATE_SHEET), staging: true }, state);
      await syncer.flush();
    }
    return { cleared: false, missingSheets: [] };
  }
  // Before any write: the sheets we restore, and the workbook's structure (our sheets are removed).
  assertWritable(read, previous.cells.map((c) => c.sheet));
  // What a partial clear left (only cells of sheets that are gone) and the user clears again
  // without having renamed the sheet back: the sheet was deleted, or they accept the loss.
  const present = new Set(names);
  const leftover = previous.resultSheet === null && previous.cells.length > 0 && previous.cells.every((c) => !present.has(c.sheet));
  const { missingSheets } = await reconcile(syncer, {
    sheetNames: names,
    previous,
    marks: [],
    mode: previous.noteMode,
    existing,
    resultSheet: null,
    baseState: state,
    dropMissing: leftover,
  });
  return { cleared: true, missingSheets };
}

export { backupOf };
