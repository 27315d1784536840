/**
 * The annotated copy (`thidua check --annotate`, `thidua clear`): the original package patched
 * (patch/annotate.ts) — only our marks, notes, result sheet and state sheet are added; every part we
 * have no business with (charts, pivot tables, drawings, images, macros, properties, links…) is
 * copied as stored. Returns the copy's bytes; the command line writes them (safely: never over the
 * input, temp file + rename).
 */
import * as path from 'path';
import { type AnnotationPlan, type Grid, type Lang, renderMessage, anchorLabel, type ReconcileReport, type Message, type WorkbookState } from '../core';
import { patchPackage } from './patch/annotate';
import { MAIN_TYPES } from './patch/workbook';
import { PackageError, type Package } from './package';

/** The copy cannot be made (a name of the wrong type, a package we cannot patch): the message says why. */
export class AnnotatedCopyError extends Error {
  constructor(readonly data: Message) {
    super(`${data.code}: ${String(data.params.path)}`);
    this.name = 'AnnotatedCopyError';
  }
}

/** The workbook as just read: its grid and the state on its state sheet. */
export interface ReadWorkbook {
  grid: Grid;
  state: WorkbookState;
}

export interface AnnotatedCopy {
  /** The copy's file. */
  bytes: Uint8Array;
  noteMode: 'notes';
  state: WorkbookState;
  /** What the core found while reconciling (moved or gone candidates, cells the user changed…). */
  report: ReconcileReport;
  /** Marked cells that hold a threaded comment (Excel 365): filled, their conversation left alone. */
  threaded: string[];
  /** A clear with no backup: marks of ours recognised (our notes by their head line, our result sheets by their title) and taken off. */
  recognised: number;
}

/**
 * Why `outPath` cannot hold a copy of `bytes`, or null: the copy keeps the original's type, so a
 * macro-enabled workbook needs .xlsm and a plain one .xlsx. A wrong call (exit 2), said before any
 * work by check --annotate, clear and record alike.
 */
export function copyTypeProblem(pkg: Package, outPath: string): Message | null {
  const part = pkg.workbook?.part;
  return typeProblem((part && MAIN_TYPES[pkg.contentTypes.typeOf(part) ?? '']) || null, outPath);
}

/** `extension`: what the package's main part needs (.xlsx, .xlsm…), null when unknown (.xlsx). */
function typeProblem(extension: string | null, outPath: string): Message | null {
  const needed = extension ?? '.xlsx';
  return path.extname(outPath).toLowerCase() === needed ? null : { code: 'xlsx.copyType', params: { path: outPath, ext: needed } };
}

/**
 * Annotates (plan) or clears (null) the workbook `pkg` as just read (edited here: open it again for
 * another copy): the bytes of the copy to be written at `outPath`, and what was done. The copy keeps
 * the original's type: a macro-enabled workbook stays .xlsm (Excel refuses an .xlsx that holds
 * macros, and an .xlsm that is a plain workbook), so a name with another extension is refused, with
 * the one it needs. Writing it is the caller's (the CLI writes it safely). Throws AnnotatedCopyError.
 */
export async function annotateCopy(pkg: Package, plan: AnnotationPlan | null, read: ReadWorkbook, outPath: string): Promise<AnnotatedCopy> {
  let out: Awaited<ReturnType<typeof patchPackage>>;
  try {
    out = await patchPackage(pkg, read.grid, plan, read.state);
    // The commands say a wrong name before any work (copyTypeProblem); checked here too, from the
    // package just patched, so that no caller can write a copy of the wrong type.
    const wrongType = typeProblem(out.extension, outPath);
    if (wrongType) throw new AnnotatedCopyError(wrongType);
  } catch (e) {
    if (e instanceof AnnotatedCopyError) throw e;
    // A part we must edit is not what the standard says it is: say so, never a stack.
    const why = e instanceof PackageError ? String(e.params.why ?? e.code) : (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
    throw new AnnotatedCopyError({ code: 'xlsx.cannotPatch', params: { path: outPath, why } });
  }
  return { bytes: Buffer.concat(out.zip), noteMode: 'notes', state: out.state, report: out.report, threaded: out.threaded, recognised: out.recognised };
}

/** Lines telling the clerk what the annotation found besides the marks (nothing: no lines). */
export function copyReport(w: AnnotatedCopy, outPath: string, lang: Lang): string[] {
  const r = w.report;
  const m = (code: Message['code'], params: Message['params']) => renderMessage({ code, params: { path: outPath, ...params } }, lang);
  const lines: string[] = [];
  if (r.missingSheets.length) lines.push(m('xlsx.copyMissingSheets', { sheets: r.missingSheets.join(', ') }));
  if (r.goneCandidates.length) lines.push(m('xlsx.copyGoneCandidates', { names: r.goneCandidates.map((g) => `${anchorLabel(g)} (${g.sheet})`).join(', ') }));
  const changed = r.userFills.length + r.userNotes.length;
  if (changed) lines.push(m('xlsx.copyUserChanges', { count: changed }));
  if (w.threaded.length) lines.push(m('xlsx.copyThreaded', { cells: w.threaded.slice(0, 10).join(', ') + (w.threaded.length > 10 ? '…' : '') }));
  return lines;
}
