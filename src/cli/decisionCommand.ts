/**
 * `thidua decision <workbook.xlsx> --out <dir> [--facts f.json] [--profile p.json] [--preset id]
 *  [--templates <dir>] [--lang en]` — the Quyết định khen thưởng of each award with proposed
 * candidates, with its danh sách (src/core/dossier/decision.ts). Same preparation as `thidua dossier`.
 */
import { text } from '../core';
import * as path from 'path';
import { generateDocuments } from '../docx/generate';
import { prepareDecisions } from '../core/dossier/prepare';
import { DECISION_TEMPLATES } from '../core/dossier/tags';
import { cleanedLines, renamedLines, fail, inputsOf, readCall, writeFailed } from './call';
import { loadTemplates } from './dossierCommand';
import { loadPrepareInputs, preparedFailure } from './prepareInputs';
import type { CliIO } from './io';
import { writeOwnedFiles } from './dossierManifest';

export async function runDecision(argv: string[], io: CliIO): Promise<number> {
  const call = readCall(argv, 'decision', io, { option: 'out', missing: (lang) => text(lang).cliAfter.missingOut });
  if (!call) return 2;
  const { lang, workbookPath } = call;
  const t = text(lang).cliAfter;
  const d = text(lang).cliDossier;
  const out = call.options.get('out')!;
  const loaded = await loadPrepareInputs(call.options, workbookPath, lang);
  if (!loaded.ok) return fail(io, loaded);
  const templates = await loadTemplates(call.options.get('templates'), lang);
  if (!templates.ok) return fail(io, templates);
  const { grid, profilePath } = loaded.value;

  const prepared = prepareDecisions(grid, loaded.value.options);
  if (!prepared.ok) return fail(io, preparedFailure(prepared, workbookPath, lang, profilePath));
  const { model, analysis } = prepared;
  if (!model.documents.length) {
    io.out(t.nothingToDecide);
    return 0;
  }
  const generated = generateDocuments(model.documents, templates.value.set, lang, DECISION_TEMPLATES);
  if (!generated.ok) {
    io.err([d.templatesInvalid, ...generated.problems.map((p) => `  - ${p.message}`), d.nothingWritten].join('\n'));
    return 1;
  }
  // Each file through safeWriteFile (never the workbook, only regular files, temp + rename), listed
  // in the folder's manifest; a rerun removes our earlier decisions it does not rewrite, only ours.
  let kept: string[];
  const renamed: { path: string; kept: string }[] = [];
  try {
    kept = await writeOwnedFiles(out, 'decision', generated.files, { inputs: [...inputsOf(call), ...templates.value.files], mode: 'replace', renamed });
  } catch (e) {
    return writeFailed(io, e, out, t.cannotWrite, lang);
  }
  const lines = [t.decisionsWritten(model.documents.filter((d) => d.template === 'quyetDinh').length, out)];
  for (const f of generated.files) lines.push(`  ${f.path}  — ${f.title}`);
  for (const p of model.proposed) lines.push(t.awarded(p.label ?? analysis.profile.awards.find((a) => a.id === p.awardId)?.label ?? p.awardId, p.collective, p.individual));
  const custom = templates.value.custom.filter((f) => path.basename(f) === 'quyet-dinh.docx');
  if (custom.length) lines.push(d.customTemplates(custom));
  for (const w of model.warnings) lines.push(`! ${w}`);
  if (prepared.missing.length) lines.push(t.missingDecisionFacts(prepared.missing));
  lines.push(...cleanedLines(generated.files, lang));
  lines.push(...renamedLines(renamed, lang));
  if (kept.length) lines.push(d.keptChanged(kept));
  io.out(lines.join('\n'));
  return 0;
}
