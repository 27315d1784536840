/**
 * What the task pane and the ribbon call (contract: ./sessionApi.ts): one Excel.run per user action,
 * failures turned into messages for the user.
 */
import { writeCountSheetIn, type CountSheetWritten } from './countSheet';
import { analyze, type Analysis, type Grid, type Lang, type Profile, type MappingOverride, type WorkbookState } from '../core';
import { queueExistingNotes, queueResultHeaders, reconcile, type ResultHeaders } from './applyPlan';
import { bestNoteMode, type NoteMode } from './capabilities';
import { backupOf, clearAnnotations } from './clear';
import { assertWritable } from './guards';
import { hiddenSheetError, movedError, officeLang, reportText, userError } from './messages';
import { readGrid } from './readGrid';
import { applyRecordPlan } from './record';
import { prepare } from '../core/dossier/prepare';
import { planDecisionRecord } from '../core/dossier/record';
import type { Annotated, Cleared, ProfileSaved, RecordResult } from './sessionApi';
import { saveState as saveStateIn } from './state';
import { rememberUndoNotice, undoNoticeDue, undoNoticeText } from './undoNotice';
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

/** Reads and analyses the workbook; annotates it always, or only when it carries our marks already. */
async function checkAndAnnotate(syncer: Syncer, lang: Lang, when: 'always' | 'ifAnnotated'): Promise<{ analysis: Analysis; annotated: boolean; noteMode: NoteMode; notices: string[] }> {
  // Another user moved rows between our read and our write: what we wrote was put back; once more
  // from a fresh read, then said.
  for (let attempt = 0; ; attempt++) {
    const out = await checkAndAnnotateOnce(syncer, lang, when);
    if (out !== 'moved') return out;
    if (attempt) throw Object.assign(movedError(lang), { userFacing: true });
  }
}

async function checkAndAnnotateOnce(syncer: Syncer, lang: Lang, when: 'always' | 'ifAnnotated'): Promise<{ analysis: Analysis; annotated: boolean; noteMode: NoteMode; notices: string[] } | 'moved'> {
  const mode = bestNoteMode();
  try {
    return await checkAndAnnotateIn(syncer, lang, when, mode);
  } catch (e) {
    // Some builds reporting ExcelApi 1.10 refuse comments.add (NotImplemented, office-js #1847). The
    // backup was written before any mark: read again and annotate with the result sheet alone.
    if (mode !== 'comments' || (e as { code?: string } | null)?.code !== 'NotImplemented') throw e;
    return checkAndAnnotateIn(syncer, lang, when, 'none');
  }
}

async function checkAndAnnotateIn(syncer: Syncer, lang: Lang, when: 'always' | 'ifAnnotated', mode: NoteMode): Promise<{ analysis: Analysis; annotated: boolean; noteMode: NoteMode; notices: string[] } | 'moved'> {
  let existing!: ReturnType<typeof queueExistingNotes>;
  let resultHeaders!: ResultHeaders;
  const read = await readGrid(syncer, {
    alongside: (names) => {
      existing = queueExistingNotes(syncer.context);
      resultHeaders = queueResultHeaders(syncer.context, names);
    },
  });
  const { grid, names } = read;
  const analysis = analyze(grid, { lang });
  const previous = backupOf(analysis.state.annotationBackup);
  // A cleared workbook may keep an empty backup: only real marks or a result sheet count.
  const marked = !!previous && (previous.cells.length > 0 || previous.resultSheet !== null);
  if (when === 'ifAnnotated' && !marked) return { analysis, annotated: false, noteMode: mode, notices: [] };
  // Before any write: a protected sheet we mark or restore, or a protected workbook structure.
  assertWritable(read, [...analysis.plan.marks.map((m) => m.sheet), ...(previous?.cells ?? []).map((c) => c.sheet)], lang);
  const out = await reconcile(syncer, {
    grid,
    sheetNames: names,
    previous,
    marks: analysis.plan.marks,
    mode,
    existing,
    resultSheet: analysis.plan.resultSheet,
    baseState: analysis.state,
    resultHeaders,
    overrides: Array.isArray(analysis.state.overrides) ? (analysis.state.overrides as MappingOverride[]) : [],
  });
  if (out.moved) return 'moved';
  // Annotating went through; what an earlier annotation left that could not be put back is said.
  const text = reportText(out.report, lang, { state: null, recognised: out.recognised });
  return { analysis, annotated: true, noteMode: mode, notices: [...text.problems, ...text.notices] };
}

/**
 * "Đánh dấu". The first time in a workbook, `undoNotice` carries what the user must know (Excel
 * cannot undo it; Xóa đánh dấu is the way back) — the pane shows it before the first click too
 * (undoNotice) — and the workbook remembers it was said. `notices`: what an earlier annotation left
 * that could not be put back.
 */
export async function annotateWorkbook(lang: Lang): Promise<Annotated & { syncs: number }> {
  const due = undoNoticeDue();
  const out = await run(lang, async (syncer) => {
    const { analysis, noteMode, notices } = await checkAndAnnotate(syncer, lang, 'always');
    return notices.length ? { analysis, noteMode, syncs: syncer.syncs, notices } : { analysis, noteMode, syncs: syncer.syncs };
  });
  if (!due) return out;
  await rememberUndoNotice();
  return { ...out, undoNotice: undoNoticeText(lang) };
}

/** The notice to show before the first Đánh dấu in this workbook, or null once it was given. */
export function undoNotice(lang: Lang): string | null {
  return undoNoticeDue() ? undoNoticeText(lang) : null;
}

/**
 * "Cấu hình → Lưu" (or, with null, "Khôi phục mặc định"): saves the profile in the workbook, checks
 * again with it and, when the workbook carries our marks, annotates again so that no mark keeps
 * judging by the old profile — all in one Excel.run.
 */
export function saveProfile(profile: Profile | null, lang: Lang): Promise<ProfileSaved> {
  return run(lang, async (syncer) => {
    // undefined removes the key: the plan's defaults apply again.
    await saveStateIn(syncer, { profile: profile ?? undefined });
    const { analysis, annotated, noteMode, notices } = await checkAndAnnotate(syncer, lang, 'ifAnnotated');
    return notices.length ? { analysis, reannotated: annotated, noteMode, syncs: syncer.syncs, notices } : { analysis, reannotated: annotated, noteMode, syncs: syncer.syncs };
  });
}

/**
 * Clears what the last annotation added. What could not be put back (a marked sheet renamed or
 * deleted, a candidate's row gone, notes this Excel cannot reach, a lost backup) is cleared as far as
 * possible and the user is told as an error message (the action was done only in part); what the
 * user changed after marking, and kept, is said in `notices`.
 */
export function clearWorkbook(lang: Lang = officeLang()): Promise<Cleared> {
  return run(lang, async (syncer) => {
    let out = await clearAnnotations(syncer);
    if (out.moved) out = await clearAnnotations(syncer);
    if (out.moved) throw Object.assign(movedError(lang), { userFacing: true });
    const text = reportText(out.report, lang, { state: out.lostState, recognised: out.recognised });
    if (text.problems.length) throw Object.assign(new Error([...text.problems, ...text.notices].join('\n')), { userFacing: true });
    return text.notices.length ? { notices: text.notices } : {};
  });
}

/** "Tạo trang Kiểm phiếu": the council's count sheet, its typed votes kept (src/excel/countSheet.ts). */
export function writeCountSheet(lang: Lang): Promise<CountSheetWritten> {
  return run(lang, (syncer) => writeCountSheetIn(syncer, lang));
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

/**
 * "Ghi vào lịch sử": saves the form's facts when given, reads the workbook, decides with the CLI's
 * own preparation and plan (src/core/dossier/prepare.ts, record.ts), and appends the awards — one Excel.run.
 */
export function recordAwards(lang: Lang, save?: WorkbookState): Promise<RecordResult> {
  return run(lang, async (syncer) => {
    if (save) await saveStateIn(syncer, save);
    const read = await readGrid(syncer);
    const { grid, names } = read;
    const prepared = prepare(grid, { lang });
    if (!prepared.ok) return { ok: false, reason: prepared.reason, problems: 'problems' in prepared ? prepared.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) : [] };
    const outcome = planDecisionRecord(prepared.analysis.result, prepared.analysis.profile, prepared.facts, names);
    if (!outcome.ok) return outcome.reason === 'incomplete' ? { ok: false, reason: 'incomplete', problems: outcome.missing } : outcome.reason === 'nothing' ? { ok: false, reason: 'nothing', problems: [] } : { ok: false, reason: 'alreadyRecorded', problems: [], refused: outcome.refused };
    // A protected history sheet, or (to add the sheet) a protected workbook structure: said, nothing written.
    assertWritable({ protectedSheets: read.protectedSheets, structureProtected: outcome.plan.create && read.structureProtected }, [outcome.plan.sheet], lang);
    await applyRecordPlan(syncer, outcome.plan);
    return { ok: true, sheet: outcome.plan.sheet, recorded: outcome.recorded, refused: outcome.refused, syncs: syncer.syncs };
  });
}
