/** What went wrong in Excel and what to do, in the user's words (src/core/messages, area `excel`). */
import { type Lang, type NoteKind, type CellRef, type ReconcileReport, text } from '../core';

/** The language of Office's UI (vi unless Office says otherwise). */
export function officeLang(): Lang {
  try {
    const dl = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
    return !dl || dl.toLowerCase().startsWith('vi') ? 'vi' : 'en';
  } catch {
    return 'vi';
  }
}

/** An Office.js failure → an Error whose message is written for the user. */
export function userError(e: unknown, lang: Lang = officeLang()): Error {
  const S = text(lang).excel;
  const code = (e as { code?: string } | null)?.code;
  const detail = e instanceof Error ? e.message : String(e);
  let message: string;
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      message = S.cellEdit;
      break;
    case 'RequestPayloadSizeLimitExceeded':
      message = S.tooLarge;
      break;
    case 'ResponsePayloadSizeLimitExceeded':
      message = S.responseTooLarge;
      break;
    case 'AccessDenied':
      message = S.accessDenied;
      break;
    case 'MergedRangeConflict':
      message = S.merged;
      break;
    case 'InsertDeleteConflict':
    case 'PivotTableRangeConflict':
      message = S.table;
      break;
    case 'ItemNotFound':
      message = S.notFound;
      break;
    case 'ApiNotFound':
    case 'ApiNotAvailable':
    case 'UnsupportedOperation':
    case 'UnsupportedFeature':
    case 'UnsupportedSheet':
      message = S.unsupported;
      break;
    case 'GeneralException':
      message = S.internal;
      break;
    case 'NotImplemented':
      message = S.notImplemented;
      break;
    case 'InvalidArgument':
    case 'InvalidCellAddress':
    case 'InvalidReference':
      message = S.invalidArgument;
      break;
    case 'ItemAlreadyExists':
      message = S.alreadyExists;
      break;
    case 'Conflict':
      message = S.conflict;
      break;
    case 'RequestAborted':
      message = S.aborted;
      break;
    case 'RangeExceedsLimit':
    case 'OperationCellsExceedLimit':
      message = S.tooManyCells;
      break;
    case 'FilteredRangeConflict':
      message = S.filtered;
      break;
    case 'InactiveWorkbook':
      message = S.inactive;
      break;
    default:
      // Excel reports a write into a table as an invalid operation whose text names the table.
      if (code === 'InvalidOperation' && /\btable\b|\bbảng\b/i.test(detail)) message = S.table;
      else if (code === 'InvalidOperation') message = S.invalidOperation;
      else message = typeof Excel === 'undefined' ? S.noExcel : S.generic(detail);
  }
  const err = new Error(message);
  (err as Error & { code?: string }).code = code;
  return err;
}

/** Another user kept moving rows (insert, delete, sort) while we wrote: what we wrote was put back. */
export function movedError(lang: Lang = officeLang()): Error {
  return new Error(text(lang).excel.rowsMoved);
}

export function hiddenSheetError(lang: Lang = officeLang()): Error {
  return new Error(text(lang).excel.hiddenSheet);
}


/** Up to 8 cells, then "…". */
function cellList(cells: CellRef[]): string {
  const shown = cells.slice(0, 8).map((c) => `${c.sheet}!${c.cell}`);
  return cells.length > 8 ? `${shown.join(', ')}, …` : shown.join(', ');
}

export interface ReportText {
  /** What could not be done (the action only partly succeeded). */
  problems: string[];
  /** What the user should know, the action having succeeded. */
  notices: string[];
}

/**
 * The core's report of a clear or an annotation, in the user's words. `lostState`: the backup was
 * missing ('missing') or unreadable ('damaged'); `recognised`: marks of ours removed without it.
 */
export function reportText(report: ReconcileReport | null, lang: Lang = officeLang(), lost: { state: 'missing' | 'damaged' | null; recognised: number } = { state: null, recognised: 0 }): ReportText {
  const S = text(lang).excel;
  const out: ReportText = { problems: [], notices: [] };
  if (lost.recognised > 0) out.problems.push(S.lostState(lost.recognised, lost.state === 'damaged'));
  else if (lost.state === 'damaged') out.problems.push(S.damagedOnly);
  if (!report) return out;
  if (report.missingSheets.length) out.problems.push(S.missingSheets(report.missingSheets.map((n) => `"${n}"`).join(', ')));
  if (report.goneCandidates.length) {
    const names = report.goneCandidates.map((g) => `"${g.name}" (${g.sheet})`).join(', ');
    (report.forgotten ? out.notices : out.problems).push(S.goneCandidates(names, report.forgotten));
  }
  if (report.lostCells.length) (report.forgotten ? out.notices : out.problems).push(S.lostCells(report.lostCells.length, cellList(report.lostCells), report.forgotten));
  for (const kind of ['notes', 'comments'] as NoteKind[]) {
    const n = report.unreachable[kind];
    if (n) out.problems.push(S.unreachable[kind](n));
  }
  if (report.userFills.length) out.notices.push(S.userFills(report.userFills.length, cellList(report.userFills)));
  if (report.userNotes.length) out.notices.push(S.userNotes(report.userNotes.length, cellList(report.userNotes)));
  return out;
}

/** Writing was refused before anything was written: these sheets are protected (or the workbook's structure is). */
export function protectionError(sheets: string[], structure: boolean, lang: Lang = officeLang()): Error {
  const S = text(lang).excel;
  const message = sheets.length ? S.protectedSheets(sheets.map((n) => `“${n}”`).join(', '), sheets.length > 1) : S.protectedWorkbook;
  return Object.assign(new Error(structure && sheets.length ? `${message} ${S.protectedWorkbook}` : message), { code: 'AccessDenied', userFacing: true });
}
