/**
 * The ribbon's function file (FunctionFile in manifest.xml). Ribbon buttons of type ExecuteFunction
 * call the functions associated here: "Kiểm tra nhanh" (thiduaQuickCheck) checks the workbook
 * without opening the pane or writing anything, then reports in a small dialog (see quickCheck.ts).
 */
import { checkWorkbook } from '../excel/session';
import { officeLang } from '../excel/messages';
import { runQuickCheck, showInDialog } from './quickCheck';

export function quickCheck(event: Office.AddinCommands.Event): Promise<unknown> {
  return runQuickCheck(event, {
    lang: officeLang,
    check: checkWorkbook,
    // The dialog page sits beside this function file (same origin, as the dialog API requires).
    show: (report) => showInDialog(report, location.href),
  });
}

/** Completes a command that has nothing to do (keeps Office from showing a spinner forever). */
function noop(event: Office.AddinCommands.Event): void {
  event.completed();
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    // Nothing to prepare: each command reads the workbook when it runs.
  });
  // Office.actions exists only in hosts that support shared/associated commands.
  Office.actions?.associate('thiduaQuickCheck', quickCheck);
  Office.actions?.associate('thiduaNoop', noop);
}
