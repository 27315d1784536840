/**
 * Between the page and its worker: each call names an operation of OfflineBook with its
 * arguments; the answer is its value, or the clerk's message when it failed. The same `dispatch`
 * runs in the worker and, where no worker can start, in the page itself.
 */
import type { Lang, Profile, WorkbookState } from '../core';
import { BookError, OfflineBook, type Progress } from './book';

export type Call =
  | { op: 'open'; name: string; bytes: Uint8Array; lang: Lang }
  | { op: 'check'; lang: Lang }
  | { op: 'annotate'; lang: Lang }
  | { op: 'clear'; lang: Lang }
  | { op: 'saveState'; partial: WorkbookState; lang: Lang }
  | { op: 'saveProfile'; profile: Profile | null; lang: Lang }
  | { op: 'readForDossier'; lang: Lang; save?: WorkbookState }
  | { op: 'recordAwards'; lang: Lang; save?: WorkbookState }
  | { op: 'current' };

export type Answer = { ok: true; value: unknown; edited: boolean } | { ok: false; message: string; userFacing: boolean };

/** The worker's (or the page's) one workbook. */
let book: OfflineBook | null = null;

function must(): OfflineBook {
  if (!book) throw new BookError('no workbook');
  return book;
}

/** Runs one call; never throws (an error is the answer). */
export async function dispatch(call: Call, progress: Progress): Promise<Answer> {
  try {
    const value = await run(call, progress);
    return { ok: true, value, edited: book?.current().edited ?? false };
  } catch (e) {
    const userFacing = e instanceof BookError;
    return { ok: false, message: e instanceof Error ? e.message : String(e), userFacing };
  }
}

async function run(call: Call, progress: Progress): Promise<unknown> {
  switch (call.op) {
    case 'open': {
      book = new OfflineBook(call.name, call.bytes);
      // What the pane shows first; the grid stays here (the pane needs only the analysis).
      return { analysis: book.check(call.lang, progress).analysis };
    }
    case 'check':
      return { analysis: must().check(call.lang, progress).analysis };
    case 'annotate':
      return must().annotate(call.lang);
    case 'clear':
      return must().clear(call.lang);
    case 'saveState':
      must().saveState(call.partial, call.lang);
      return null;
    case 'saveProfile':
      return must().saveProfile(call.profile, call.lang);
    case 'readForDossier':
      return must().readForDossier(call.lang, call.save);
    case 'recordAwards':
      return must().recordAwards(call.lang, call.save);
    case 'current':
      return must().current();
  }
}
