/**
 * What the task pane calls (src/taskpane/sessionApi.ts): one Excel.run per user action, failures
 * turned into messages for the user.
 */
import { analyze, type Analysis } from '../core/analyze';
import type { Grid } from '../core/grid';
import type { Lang } from '../core/ids';
import type { WorkbookState } from '../core/state';
import { queueExistingNotes, reconcile } from './applyPlan';
import { bestNoteMode, type NoteMode } from './capabilities';
import { backupOf, clearAnnotations } from './clear';
import { hiddenSheetError, missingSheetsError, userError } from './messages';
import { readGrid } from './readGrid';
import { saveState as saveStateIn } from './state';
import { Syncer } from './syncer';

async function run<T>(lang: Lang | undefined, batch: (syncer: Syncer) => Promise<T>): Promise<T> {
  try {
    return await Excel.run((context) => batch(new Syncer(context)));
  } catch (e) {
    // Errors we wrote ourselves pass through.
    if (e instanceof Error && (e as { userFacing?: boolean }).userFacing) throw e;
    throw userError(e, lang);
  }
}

export function checkWorkbook(lang: Lang): Promise<{ grid: Grid; analysis: Analysis }> {
  return run(lang, async (syncer) => {
    const { grid } = await readGrid(syncer);
    return { grid, analysis: analyze(grid, { lang }) };
  });
}

export function annotateWorkbook(lang: Lang): Promise<{ analysis: Analysis; noteMode: NoteMode; syncs: number }> {
  return run(lang, async (syncer) => {
    const mode = bestNoteMode();
    let existing!: ReturnType<typeof queueExistingNotes>;
    const { grid, names } = await readGrid(syncer, { alongside: () => (existing = queueExistingNotes(syncer.context)) });
    const analysis = analyze(grid, { lang });
    await reconcile(syncer, {
      sheetNames: names,
      previous: backupOf(analysis.state.annotationBackup),
      marks: analysis.plan.marks,
      mode,
      existing,
      resultSheet: analysis.plan.resultSheet,
      baseState: analysis.state,
    });
    return { analysis, noteMode: mode, syncs: syncer.syncs };
  });
}

/**
 * Clears what the last annotation added. When a marked sheet was renamed or deleted since, the rest
 * is cleared and the user is told (as an error message) which sheet could not be restored.
 */
export function clearWorkbook(): Promise<void> {
  return run(undefined, async (syncer) => {
    const { missingSheets } = await clearAnnotations(syncer);
    if (missingSheets.length) throw Object.assign(missingSheetsError(missingSheets), { userFacing: true });
  });
}

export function selectCell(sheet: string, cell: string): Promise<void> {
  return run(undefined, async (syncer) => {
    const ws = syncer.context.workbook.worksheets.getItem(sheet);
    ws.load('visibility');
    await syncer.sync();
    if (ws.visibility !== 'Visible') throw Object.assign(hiddenSheetError(), { userFacing: true });
    ws.activate();
    ws.getRange(cell).select();
    await syncer.sync();
  });
}

export function saveState(partial: WorkbookState): Promise<void> {
  return run(undefined, async (syncer) => {
    await saveStateIn(syncer, partial);
  });
}

/**
 * "Tạo hồ sơ": saves the form's facts when given, then reads the workbook afresh — one Excel.run,
 * the same read path as the check (two syncs for the read, whatever the number of rows).
 */
export function readForDossier(lang: Lang, save?: WorkbookState): Promise<{ grid: Grid; syncs: number }> {
  return run(lang, async (syncer) => {
    if (save) await saveStateIn(syncer, save);
    const { grid } = await readGrid(syncer);
    return { grid, syncs: syncer.syncs };
  });
}
