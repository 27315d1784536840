/**
 * What the task pane needs from the Office.js adapter (src/excel/session.ts). One Excel.run per
 * call; failures are Errors whose message is already written for the user.
 */
import { type Analysis, type Grid, type Lang, type Profile, type WorkbookState } from '../core';

export type NoteMode = 'notes' | 'comments' | 'none';

export interface ProfileSaved {
  analysis: Analysis;
  /** The workbook carried our marks, so they were written again with the new profile. */
  reannotated: boolean;
  noteMode: NoteMode;
  syncs?: number;
}

/** "Ghi vào lịch sử": what was recorded, or why nothing was. */
export type RecordResult =
  | { ok: true; sheet: string; recorded: { decision: string; count: number }[]; refused: { decision: string; rows: number[] }[]; syncs?: number }
  | { ok: false; reason: 'noTables' | 'profileInvalid' | 'factsInvalid' | 'incomplete' | 'nothing' | 'alreadyRecorded'; problems: string[]; refused?: { decision: string; rows: number[] }[] };

export interface SessionApi {
  checkWorkbook(lang: Lang): Promise<{ grid: Grid; analysis: Analysis }>;
  /** `undoNotice`: the first Đánh dấu in this workbook — tell the user that Excel cannot undo it. */
  annotateWorkbook(lang: Lang): Promise<{ analysis: Analysis; noteMode: NoteMode; syncs?: number; undoNotice?: string }>;
  /** Shown before the first Đánh dấu in a workbook (null once it was given there). */
  undoNotice?(lang: Lang): string | null;
  clearWorkbook(): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  saveState(partial: WorkbookState): Promise<void>;
  /** Saves `save` (when given) and reads the workbook, in one Excel.run ("Tạo hồ sơ"). */
  readForDossier(lang: Lang, save?: WorkbookState): Promise<{ grid: Grid; syncs?: number }>;
  /** Saves the profile (null: back to the plan's defaults), checks again, re-annotates if annotated. */
  saveProfile(profile: Profile | null, lang: Lang): Promise<ProfileSaved>;
  /** Saves `save` (when given), then appends the issued decision's awards to the history sheet. */
  recordAwards(lang: Lang, save?: WorkbookState): Promise<RecordResult>;
}
