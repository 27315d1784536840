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

export interface SessionApi {
  checkWorkbook(lang: Lang): Promise<{ grid: Grid; analysis: Analysis }>;
  annotateWorkbook(lang: Lang): Promise<{ analysis: Analysis; noteMode: NoteMode; syncs?: number }>;
  clearWorkbook(): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  saveState(partial: WorkbookState): Promise<void>;
  /** Saves `save` (when given) and reads the workbook, in one Excel.run ("Tạo hồ sơ"). */
  readForDossier(lang: Lang, save?: WorkbookState): Promise<{ grid: Grid; syncs?: number }>;
  /** Saves the profile (null: back to the plan's defaults), checks again, re-annotates if annotated. */
  saveProfile(profile: Profile | null, lang: Lang): Promise<ProfileSaved>;
}
