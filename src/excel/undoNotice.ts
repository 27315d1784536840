/**
 * Excel cannot undo what an add-in writes (and clears its undo history when we write). Before the
 * first Đánh dấu in a workbook the user is told so once, with the way back (Xóa đánh dấu). That it
 * was said is remembered in the workbook through the add-in's document settings
 * (Office.context.document.settings, saved in the file), not on a sheet: a workbook cleared of our
 * marks stays exactly as it was, and the notice is still not repeated.
 */
import { type Lang, text } from '../core';

const KEY = 'thidua.undoNoticeShown';

type SettingsApi = { get(name: string): unknown; set(name: string, value: unknown): void; saveAsync(cb?: (r: unknown) => void): void };

function settings(): SettingsApi | null {
  try {
    return (Office.context.document as unknown as { settings?: SettingsApi }).settings ?? null;
  } catch {
    return null;
  }
}

export function undoNoticeText(lang: Lang): string {
  return text(lang).excel.undoNotice;
}

/** True until the notice was given in this workbook (also when the settings cannot be read). */
export function undoNoticeDue(): boolean {
  const s = settings();
  return !s || s.get(KEY) !== true;
}

/** Remembers in the workbook that the notice was given (best effort: a failure only repeats it). */
export function rememberUndoNotice(): Promise<void> {
  const s = settings();
  if (!s) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      s.set(KEY, true);
      s.saveAsync(() => resolve());
    } catch {
      resolve();
    }
  });
}
