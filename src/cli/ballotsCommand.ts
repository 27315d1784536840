/**
 * `thidua ballots <workbook.xlsx> --out <folder> [--facts f.json] [--meeting m.json] [--profile p.json]
 *  [--preset id] [--lang en]` — the phiếu bầu (one per member present) for everyone the council
 * votes on, and, once votes are counted (sheet "Kiểm phiếu", the saved facts, or --meeting), the
 * Biên bản kiểm phiếu with each candidate's votes and share as `check` applies them.
 */
import * as path from 'path';
import { text } from '../core';
import { ballotPaper, countRecord } from '../core/dossier/ballots';
import { prepare } from '../core/dossier/prepare';
import { BALLOTS_FILE, ballotsDocx, COUNT_RECORD_FILE, countRecordDocx } from '../docx/ballots';
import { fail, inputsOf, readCall, renamedLines, writeFailed } from './call';
import { writeOwnedFiles } from './dossierManifest';
import type { CliIO } from './io';
import { loadPrepareInputs, preparedFailure } from './prepareInputs';

export async function runBallots(argv: string[], io: CliIO): Promise<number> {
  const call = readCall(argv, 'ballots', io, { option: 'out', missing: (lang) => text(lang).cliAfter.missingOut });
  if (!call) return 2;
  const { lang, workbookPath } = call;
  const t = text(lang).cliAfter;
  const dir = call.options.get('out')!;
  const loaded = await loadPrepareInputs(call.options, workbookPath, lang);
  if (!loaded.ok) return fail(io, loaded);
  const { grid, profilePath } = loaded.value;
  const prepared = prepare(grid, loaded.value.options);
  if (!prepared.ok) return fail(io, preparedFailure(prepared, workbookPath, lang, profilePath));
  const { result, profile } = prepared.analysis;

  const paper = ballotPaper(result, profile, prepared.facts);
  const candidates = paper.sections.reduce((n, s) => n + s.rows.length, 0);
  if (!candidates) {
    io.out(t.noBallotCandidates);
    return 0;
  }
  const record = countRecord(result, profile, prepared.facts);
  const files = [{ path: BALLOTS_FILE, bytes: ballotsDocx(paper) }];
  if (record.counted) files.push({ path: COUNT_RECORD_FILE, bytes: countRecordDocx(record) });
  const renamed: { path: string; kept: string }[] = [];
  try {
    // Listed in the folder's manifest: a later run replaces its own files, never the user's; every
    // input (the workbook, --facts, --meeting, --profile) is protected as the other commands protect it.
    await writeOwnedFiles(dir, 'ballots', files, { inputs: inputsOf(call), mode: 'add', renamed });
  } catch (e) {
    return writeFailed(io, e, dir, t.cannotWrite, lang);
  }
  const lines = [t.ballotsWritten(paper.copies, candidates, path.join(dir, BALLOTS_FILE))];
  lines.push(record.counted ? t.countWritten(path.join(dir, COUNT_RECORD_FILE)) : t.noCountYet);
  lines.push(...renamedLines(renamed, lang));
  io.out(lines.join('\n'));
  return 0;
}
