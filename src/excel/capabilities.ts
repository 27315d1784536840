/** What this Excel can do (requirement sets), asked once per action; decides the note mode. */
import type { NoteMode } from '../core';

export type { NoteMode };

/** The manifest's <Set Name="ExcelApi" MinVersion>: getRanges/RangeAreas and getCellProperties. */
export const MIN_EXCEL_API = '1.9';

export function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

/** Notes need ExcelApi 1.18; threaded comments 1.10; otherwise the result sheet alone. */
export function bestNoteMode(): NoteMode {
  if (supports('1.18')) return 'notes';
  if (supports('1.10')) return 'comments';
  return 'none';
}

export function noteModeUsable(mode: NoteMode): boolean {
  return mode === 'none' || (mode === 'notes' ? supports('1.18') : supports('1.10'));
}
