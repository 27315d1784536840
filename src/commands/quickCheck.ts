/**
 * "Kiểm tra nhanh" (ribbon, ExecuteFunction): checks the workbook without opening the pane — one
 * Excel.run that only reads (checkWorkbook): no fill, note or sheet is written; marking is Đánh
 * dấu's job, in the pane — then reports the counts in a small dialog (quickcheck.html,
 * Office.context.ui.displayDialogAsync, which Excel on the web, Windows and Mac all offer to function
 * files). event.completed() is called exactly once, as soon as the dialog is open (or could not
 * open), never while it waits for the user: Excel times out a command left pending.
 */
import { type Analysis, KINDS, type Lang, overview, type Overview, shortAwardLabel, text } from '../core';
import { matchesFilter } from '../ui/filters';

export interface QuickReport {
  lang: Lang;
  tone: 'success' | 'error';
  title: string;
  lines: string[];
  /** The picture at a glance (core/overview.ts), drawn by the dialog as in the pane. */
  overview?: Overview;
}

/** The report of a finished quick check: counts proposed per kind and award, failing, data problems. */
export function quickReport(analysis: Analysis, lang: Lang): QuickReport {
  const W = text(lang).quickCheck;
  const { result, profile } = analysis;
  const lines: string[] = [];
  lines.push(W.candidates(result.candidates.length, result.candidates.filter((c) => c.eligible).length));
  for (const kind of KINDS) {
    const ofKind = result.candidates.filter((c) => c.kind === kind);
    if (ofKind.length === 0) continue;
    const parts = profile.awards.map((a) => `${shortAwardLabel(a.label)}: ${ofKind.filter((c) => c.award === a.id).length}`);
    lines.push(W.proposed(W.kind[kind], parts, ofKind.filter((c) => c.award).length));
  }
  lines.push(W.failing(result.candidates.filter((c) => matchesFilter(c, 'failing', result.issues)).length));
  lines.push(W.problems(result.issues.length, result.issues.filter((i) => i.severity === 'error').length));
  const tied = result.candidates.filter((c) => c.tiedAtCutoff).length;
  if (tied > 0) lines.push(W.ties(tied));
  lines.push(W.unchanged);
  lines.push(W.more);
  return { lang, tone: 'success', title: W.title, lines, overview: overview(result, profile) };
}

export function errorReport(err: unknown, lang: Lang): QuickReport {
  // The adapter's errors (cell-edit mode…) are already written for the user.
  const message = err instanceof Error && err.message ? err.message : String(err);
  return { lang, tone: 'error', title: text(lang).quickCheck.failedTitle, lines: [message] };
}

/** The dialog page's address with the report in its query (text only; rendered with textContent). */
export function dialogUrl(base: string, report: QuickReport): string {
  const url = new URL('quickcheck.html', base);
  url.searchParams.set('r', JSON.stringify(report));
  return url.href;
}

export interface QuickCheckDeps {
  lang(): Lang;
  /** Reads and analyses the workbook (one Excel.run, nothing written). */
  check(lang: Lang): Promise<{ analysis: Analysis }>;
  /** Shows the report; resolves once the dialog is open (or could not open), not when it is closed. */
  show(report: QuickReport): Promise<void>;
}

/** The ExecuteFunction handler: completes once the report is on screen, never leaves the command pending. */
export async function runQuickCheck(event: { completed: () => void }, deps: QuickCheckDeps): Promise<QuickReport> {
  let done = false;
  const complete = () => {
    if (done) return;
    done = true;
    event.completed();
  };
  let lang: Lang = 'vi';
  let report: QuickReport;
  try {
    lang = deps.lang();
    const { analysis } = await deps.check(lang);
    report = quickReport(analysis, lang);
  } catch (err) {
    report = errorReport(err, lang);
  }
  try {
    await deps.show(report);
  } catch {
    // Nothing more can be shown; the command must still end.
  } finally {
    complete();
  }
  return report;
}

/**
 * Office.context.ui.displayDialogAsync, resolved as soon as the dialog is open (or failed to open).
 * The dialog's "Đóng" button asks this page to close it while the page is still loaded; the dialog
 * page also closes itself when no parent answers, and its × always works.
 */
export function showInDialog(report: QuickReport, base: string): Promise<void> {
  return new Promise<void>((resolve) => {
    try {
      Office.context.ui.displayDialogAsync(dialogUrl(base, report), { height: 40, width: 30, displayInIframe: true }, (result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) {
          const dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        }
        resolve();
      });
    } catch {
      resolve();
    }
  });
}
