/** `thidua check <workbook.xlsx> [--profile p.json] [--json] [--annotate out.xlsx] [--lang en]` */
import { analyze, DEFAULT_PRESET, meetingOf, renderMessage, tablesRefused, text } from '../core';
import { loadFactsFile, meetingRefusal } from './prepareInputs';
import type { AnnotatedCopy } from '../xlsx/annotateCopy';
import { guardCopy, inputsOf, readCall } from './call';
import type { CliIO } from './io';
import { checkPresetOption, loadProfileInput, loadWorkbook, profileInputFailure } from './load';
import { safeWriteFile, SafeWriteError } from './safeWrite';
import { writeCheckJson } from './jsonOut';
import { humanReport } from './table';

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const call = readCall(argv, 'check', io);
  if (!call) return 2;
  const { lang, workbookPath } = call;
  const t = text(lang).cli;
  const annotatePath = call.options.get('annotate');
  if (annotatePath) {
    // Before any work: the copy is never the input (real path, file identity, letter case) nor a device.
    const refused = await guardCopy(annotatePath, inputsOf(call), io, lang);
    if (refused) return refused;
  }
  const preset = checkPresetOption(call.options.get('preset'), lang);
  if (!preset.ok) {
    io.err(preset.message);
    return preset.exitCode;
  }
  const profilePath = call.options.get('profile');
  const profile = await loadProfileInput(profilePath, lang);
  if (!profile.ok) {
    io.err(profile.message);
    return profile.exitCode;
  }
  // The meeting's votes and decisions judge here exactly as in the dossier (src/core/meeting.ts).
  const meetingPath = call.options.get('meeting');
  const meetingFile = await loadFactsFile(meetingPath, 'meeting', lang);
  if (!meetingFile.ok) {
    io.err(meetingFile.message);
    return meetingFile.exitCode;
  }
  const wb = await loadWorkbook(workbookPath, lang);
  if (!wb.ok) {
    io.err(wb.message);
    return wb.exitCode;
  }
  // The patching writer is loaded only when a copy is asked for.
  const copier = annotatePath ? await import('../xlsx/annotateCopy') : null;
  if (annotatePath && copier) {
    // The copy's type (.xlsx / .xlsm) is the original's: a wrong name is a wrong call, said before the report.
    const wrongType = copier.copyTypeProblem(wb.value.pkg, annotatePath);
    if (wrongType) {
      io.err(renderMessage(wrongType, lang));
      return 2;
    }
  }
  // The --profile file is merged over the preset's profile (--preset, else the workbook's, else the seed's).
  const analysis = analyze(wb.value.grid, { profileInput: profile.value, preset: preset.value, lang, meeting: meetingOf(meetingFile.value?.meeting) });
  if (profilePath && analysis.profileInputProblems.length) {
    const f = profileInputFailure(profilePath, analysis.profileInputProblems, lang);
    io.err(f.message);
    return f.exitCode;
  }
  if (!analysis.result.tables.length) {
    io.err(`${workbookPath}: ${renderMessage(tablesRefused(analysis.result) ?? { code: 'workbook.noTables', params: {} }, lang)}`);
    return 1;
  }
  if (analysis.result.meetingRefused) {
    io.err(meetingRefusal(analysis.result.issues, meetingPath, lang));
    return 1;
  }
  // Broken entries of the state sheet were dropped: say so (stderr: stdout stays the report).
  for (const m of analysis.stateProblems) io.err(renderMessage(m, lang));
  if (call.flags.has('json')) {
    await writeCheckJson(analysis.result, lang, io.bytes);
  } else {
    const human = humanReport(analysis.result, analysis.profile, lang, analysis.profileProblems.map((p) => `${p.path}: ${p.message}`));
    // The seed's preset goes without saying; another one is named first.
    io.out(analysis.preset.id === DEFAULT_PRESET ? human : `${t.presetLine(analysis.preset.id)}\n${human}`);
  }
  if (annotatePath && copier) {
    const { AnnotatedCopyError, copyReport, annotateCopy } = copier;
    let written: AnnotatedCopy;
    try {
      // The package the report was read from, patched: the zip is opened once.
      written = await annotateCopy(wb.value.pkg, analysis.plan, { grid: wb.value.grid, state: analysis.state }, annotatePath);
      await safeWriteFile(annotatePath, written.bytes, { inputs: inputsOf(call) });
    } catch (e) {
      if (e instanceof AnnotatedCopyError || e instanceof SafeWriteError) {
        io.err(renderMessage(e.data, lang));
        return 1;
      }
      throw e;
    }
    // Keep stdout pure JSON with --json; the confirmation goes to stderr then.
    const lines = [t.annotated(annotatePath, written.noteMode), ...copyReport(written, annotatePath, lang)].join('\n');
    if (call.flags.has('json')) io.err(lines);
    else io.out(`\n${lines}`);
  }
  return 0;
}
