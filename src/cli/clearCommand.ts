/**
 * `thidua clear <annotated.xlsx> --out <clean.xlsx> [--lang en]` — the pane's "Xóa đánh dấu" for a
 * copy: our marks, our notes (the user's own note on a marked cell kept as written), the result
 * sheet and the backup go; every part we do not own is copied as stored (src/xlsx/patch/annotate.ts
 * with no plan; the core decides in core/reconcile.ts). Written safely (never over the input).
 */
import { backupStatus, droppedEntryMessages, parseState, renderMessage, type Message } from '../core';
import { AnnotatedCopyError, annotateCopy, copyReport, copyTypeProblem, type AnnotatedCopy } from '../xlsx/annotateCopy';
import { guardCopy, readCall } from './call';
import type { CliIO } from './io';
import { loadWorkbook } from './load';
import { safeWriteFile, SafeWriteError } from './safeWrite';

export async function runClear(argv: string[], io: CliIO): Promise<number> {
  const call = readCall(argv, 'clear', io, { option: 'out', missing: (lang, workbookPath) => renderMessage({ code: 'xlsx.clearMissingOut', params: { path: workbookPath } }, lang) });
  if (!call) return 2;
  const { lang, workbookPath } = call;
  const out = call.options.get('out')!;
  const say = (code: Message['code'], params: Message['params'] = {}) => renderMessage({ code, params }, lang);
  // Before any work: the copy is never the input (real path, file identity, letter case) nor a device.
  const refused = await guardCopy(out, [workbookPath], io, lang);
  if (refused) return refused;
  const wb = await loadWorkbook(workbookPath, lang);
  if (!wb.ok) {
    io.err(wb.message);
    return wb.exitCode;
  }
  const wrongType = copyTypeProblem(wb.value.pkg, out);
  if (wrongType) {
    io.err(say(wrongType.code, wrongType.params));
    return 2;
  }
  const { state, problems } = parseState(wb.value.grid);
  // Broken entries of the state sheet are dropped (as check says); the rest is cleared as usual.
  for (const m of droppedEntryMessages(problems)) io.err(renderMessage(m, lang));
  // What we annotated is in the backup (parseState unpacked it, or dropped it when broken); a broken
  // one cannot give the cells back. Without one (the state sheet deleted, or dropped by another
  // program), marks of ours are still recognised — our notes by their head line, our result sheet
  // by its title — and taken off, as the pane's "Xóa đánh dấu" does; only when none is found is
  // there nothing to clear.
  const noBackup = !state.annotationBackup;
  if (noBackup && backupStatus(wb.value.grid) === 'damaged') {
    io.err(say('xlsx.clearBackupDamaged', { path: workbookPath }));
    return 1;
  }
  let written: AnnotatedCopy;
  try {
    written = await annotateCopy(wb.value.pkg, null, { grid: wb.value.grid, state }, out);
    if (noBackup && !written.recognised) {
      io.out(say('xlsx.nothingToClear', { path: workbookPath }));
      return 0;
    }
    await safeWriteFile(out, written.bytes, { inputs: [workbookPath] });
  } catch (e) {
    if (e instanceof AnnotatedCopyError || e instanceof SafeWriteError) {
      io.err(renderMessage(e.data, lang));
      return 1;
    }
    throw e;
  }
  io.out([say('xlsx.cleared', { path: out }), ...copyReport(written, out, lang)].join('\n'));
  return 0;
}
