/**
 * What the task pane and the ribbon need from the Office.js adapter (src/excel/session.ts). One
 * Excel.run per call; failures are Errors whose message is already written for the user (an action
 * done only in part fails too, its message saying what is left and what to do).
 */
import type { Analysis } from '../core/analyze';
import type { Grid } from '../core/grid';
import type { Lang } from '../core/ids';
import type { NoteMode } from '../core/marks';
import type { Profile } from '../core/profile';
import type { WorkbookState } from '../core/state';

export type { NoteMode };

export interface ProfileSaved {
  analysis: Analysis;
  /** The workbook carried our marks, so they were written again with the new profile. */
  reannotated: boolean;
  noteMode: NoteMode;
  syncs?: number;
  notices?: string[];
}

export interface Annotated {
  analysis: Analysis;
  noteMode: NoteMode;
  syncs?: number;
  /** What the user should know (e.g. notes an earlier Excel wrote that this one cannot reach). */
  notices?: string[];
}

export interface Cleared {
  notices?: string[];
}

export interface SessionApi {
  checkWorkbook(lang: Lang): Promise<{ grid: Grid; analysis: Analysis }>;
  annotateWorkbook(lang: Lang): Promise<Annotated>;
  /** Clears; what the user should know besides (their own changes kept) is in `notices`. */
  clearWorkbook(lang?: Lang): Promise<Cleared>;
  selectCell(sheet: string, cell: string): Promise<void>;
  saveState(partial: WorkbookState): Promise<void>;
  /** Saves `save` (when given) and reads the workbook, in one Excel.run ("Tạo hồ sơ"). */
  readForDossier(lang: Lang, save?: WorkbookState): Promise<{ grid: Grid; syncs?: number }>;
  /** Saves the profile (null: back to the plan's defaults), checks again, re-annotates if annotated. */
  saveProfile(profile: Profile | null, lang: Lang): Promise<ProfileSaved>;
}
