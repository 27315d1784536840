/**
 * What the task pane and the ribbon need from the Office.js adapter (src/excel/session.ts). One
 * Excel.run per call; failures are Errors whose message is already written for the user (an action
 * done only in part fails too, its message saying what is left and what to do).
 */
import type { Analysis, Grid, Lang, NoteMode, Profile, WorkbookState } from '../core';

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
  /** The first Đánh dấu in this workbook: Excel cannot undo it, Xóa đánh dấu is the way back. */
  undoNotice?: string;
}

export interface Cleared {
  notices?: string[];
}

/** "Ghi vào lịch sử": what was recorded, or why nothing was. */
export type RecordResult =
  | { ok: true; sheet: string; recorded: { decision: string; count: number }[]; refused: { decision: string; rows: number[] }[]; syncs?: number }
  | { ok: false; reason: 'noTables' | 'profileInvalid' | 'factsInvalid' | 'meetingRefused' | 'incomplete' | 'nothing' | 'alreadyRecorded'; problems: string[]; refused?: { decision: string; rows: number[] }[] };

export interface SessionApi {
  checkWorkbook(lang: Lang): Promise<{ grid: Grid; analysis: Analysis }>;
  /**
   * "Đánh dấu". `undoNotice`: the first Đánh dấu in this workbook — tell the user that Excel cannot
   * undo it; `notices`: what else the user should know (e.g. notes an earlier Excel wrote that this
   * one cannot reach).
   */
  annotateWorkbook(lang: Lang): Promise<Annotated>;
  /** Shown before the first Đánh dấu in a workbook (null once it was given there). */
  undoNotice?(lang: Lang): string | null;
  /** Clears; what the user should know besides (their own changes kept) is in `notices`. */
  clearWorkbook(lang?: Lang): Promise<Cleared>;
  selectCell(sheet: string, cell: string): Promise<void>;
  saveState(partial: WorkbookState): Promise<void>;
  /** Saves `save` (when given) and reads the workbook, in one Excel.run ("Tạo hồ sơ"). */
  readForDossier(lang: Lang, save?: WorkbookState): Promise<{ grid: Grid; syncs?: number }>;
  /** Saves the profile (null: back to the plan's defaults), checks again, re-annotates if annotated. */
  saveProfile(profile: Profile | null, lang: Lang): Promise<ProfileSaved>;
  /** Saves `save` (when given), then appends the issued decision's awards to the history sheet. */
  recordAwards(lang: Lang, save?: WorkbookState): Promise<RecordResult>;
  /** "Tạo trang Kiểm phiếu" (a host without it does not offer the button). */
  writeCountSheet?(lang: Lang): Promise<{ sheet: string; candidates: number; kept: number; created: boolean }>;
}
