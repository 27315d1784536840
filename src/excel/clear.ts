/**
 * "Xóa đánh dấu": removes what the last annotation added and puts back the fills and notes it
 * replaced, so that an annotated then cleared workbook is, cell for cell, the one before.
 */
import { readState, type AnnotationBackup } from '../core/state';
import { reconcile, queueExistingNotes } from './applyPlan';
import { readGrid } from './readGrid';
import type { Syncer } from './syncer';

function backupOf(value: unknown): AnnotationBackup | undefined {
  const b = value as AnnotationBackup | undefined;
  return b && b.version === 1 && Array.isArray(b.cells) ? b : undefined;
}

/** Returns false when there was nothing to clear. */
export async function clearAnnotations(syncer: Syncer): Promise<boolean> {
  let existing!: ReturnType<typeof queueExistingNotes>;
  const { grid, names } = await readGrid(syncer, { alongside: () => (existing = queueExistingNotes(syncer.context)) });
  const state = readState(grid);
  const previous = backupOf(state.annotationBackup);
  if (!previous) return false;
  await reconcile(syncer, {
    sheetNames: names,
    previous,
    marks: [],
    mode: previous.noteMode,
    existing,
    resultSheet: null,
    baseState: state,
  });
  return true;
}

export { backupOf };
