/**
 * `thidua record <workbook.xlsx> --facts f.json --annotate out.xlsx [--profile p.json] [--preset id]
 *  [--lang en]` — appends the awards of the issued decision(s) to the sheet "Lịch sử khen thưởng"
 * of a copy of the workbook (created when absent), written by patching the original package (every
 * other part copied as stored) and safely (never over the input). A decision already recorded is
 * refused: recording twice never doubles anyone's awards.
 */
import { type RecordPlan, renderMessage, text } from '../core';
import { planDecisionRecord, rowRanges } from '../core/dossier/record';
import { prepare } from '../core/dossier/prepare';
import { copyTypeProblem } from '../xlsx/annotateCopy';
import { recordInPackage } from '../xlsx/patch/record';
import { fail, guardCopy, inputsOf, readCall } from './call';
import { loadPrepareInputs, preparedFailure } from './prepareInputs';
import type { CliIO } from './io';
import { safeWriteFile, SafeWriteError } from './safeWrite';

export async function runRecord(argv: string[], io: CliIO): Promise<number> {
  const call = readCall(argv, 'record', io, { option: 'annotate', missing: (lang) => text(lang).cli.badArgument('--annotate') });
  if (!call) return 2;
  const { lang, workbookPath } = call;
  const t = text(lang).cliAfter;
  const out = call.options.get('annotate')!;
  const refused = await guardCopy(out, inputsOf(call), io, lang);
  if (refused) return refused;
  const loaded = await loadPrepareInputs(call.options, workbookPath, lang);
  if (!loaded.ok) return fail(io, loaded);
  const wrongType = copyTypeProblem(loaded.value.pkg, out);
  if (wrongType) return fail(io, { ok: false, exitCode: 2, message: renderMessage(wrongType, lang) });
  const { grid, profilePath } = loaded.value;
  const prepared = prepare(grid, loaded.value.options);
  if (!prepared.ok) return fail(io, preparedFailure(prepared, workbookPath, lang, profilePath));

  const outcome = planDecisionRecord(prepared.analysis.result, prepared.analysis.profile, prepared.facts, grid.sheets.map((s) => s.name));
  if (!outcome.ok) {
    if (outcome.reason === 'incomplete') return fail(io, { ok: false, exitCode: 1, message: t.decisionIncomplete(outcome.missing) });
    if (outcome.reason === 'nothing') {
      io.out(t.noAwardees);
      return 0;
    }
    io.err(outcome.refused.map((r) => t.alreadyRecorded(r.decision, rowRanges(r.rows))).join('\n'));
    return 1;
  }
  const plan: RecordPlan = outcome.plan;
  // The package the plan was read from, edited: the zip is opened once.
  const bytes = Buffer.concat(recordInPackage(loaded.value.pkg, plan));
  try {
    await safeWriteFile(out, bytes, { inputs: inputsOf(call) });
  } catch (e) {
    if (!(e instanceof SafeWriteError)) throw e;
    io.err(renderMessage(e.data, lang));
    return 1;
  }
  const lines = outcome.recorded.map((d) => t.recorded(d.count, d.decision, out));
  for (const r of outcome.refused) lines.push(`! ${t.alreadyRecorded(r.decision, rowRanges(r.rows))}`);
  io.out(lines.join('\n'));
  return 0;
}

