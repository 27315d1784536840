/**
 * Before ExcelApi 1.20 Excel cannot undo what an add-in writes (and clears its undo history when we
 * write). From 1.20 Ctrl+Z undoes an add-in's writes step by step, but deleting a sheet clears the
 * undo history (and, on Windows and Mac, renaming or hiding one): "Unsupported APIs" of
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities — and every Đánh dấu
 * ends by replacing its hidden state sheet (a delete), so the marking cannot be undone either way;
 * only the reason told differs. Before the first Đánh dấu in a workbook the user is told
 * what holds for their Excel once, with the sure way back (Xóa đánh dấu). That it
 * was said is remembered in the workbook through the add-in's document settings
 * (Office.context.document.settings, saved in the file), not on a sheet: a workbook cleared of our
 * marks stays exactly as it was, and the notice is still not repeated.
 */
import { type Lang, text } from '../core';
import { supports } from './capabilities';

const KEY = 'thidua.undoNoticeShown';

type SettingsApi = { get(name: string): unknown; set(name: string, value: unknown): void; saveAsync(cb?: (r: unknown) => void): void };

function settings(): SettingsApi | null {
  try {
    return (Office.context.document as unknown as { settings?: SettingsApi }).settings ?? null;
  } catch {
    return null;
  }
}

/** The notice for the Excel in use: with ExcelApi 1.20 Ctrl+Z undoes add-in writes, up to a deleted sheet. */
export function undoNoticeText(lang: Lang, undoSupported = supports('1.20')): string {
  return text(lang).excel.undoNotice[undoSupported ? 'sheetDeleted' : 'none'];
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
