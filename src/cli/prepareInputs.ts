/**
 * What dossier, decision, certificates and record read before preparing their documents — --preset,
 * --profile, --facts, --meeting, then the workbook — with each failure as a message and an exit
 * code. Kept apart from dossierCommand so that `record` does not load the document generator.
 */
import { type Grid, type Issue, type Lang, renderMessage, text } from '../core';
import { parseFacts, type Facts } from '../core/dossier/facts';
import type { Prepared, PrepareOptions } from '../core/dossier/prepare';
import type { Package } from '../xlsx/package';
import { jsonLimitProblem, readJsonText } from './jsonLimits';
import { checkPresetOption, loadProfileInput, loadWorkbook, profileInputFailure, type Loaded } from './load';

export async function readJson(file: string, lang: Lang): Promise<Loaded<unknown>> {
  const t = text(lang).cliDossier;
  const read = await readJsonText(file);
  if (!read.ok) return { ok: false, exitCode: 1, message: 'limit' in read ? renderMessage(read.limit, lang) : t.unreadable(file, read.errno) };
  const raw = read.raw;
  const tooBig = jsonLimitProblem(file, raw);
  if (tooBig) return { ok: false, exitCode: 1, message: renderMessage(tooBig, lang) };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (e) {
    return { ok: false, exitCode: 1, message: t.notJson(file, (e as Error).message) };
  }
}

export async function loadFactsFile(file: string | undefined, what: 'facts' | 'meeting', lang: Lang): Promise<Loaded<Facts | undefined>> {
  if (!file) return { ok: true, value: undefined };
  const json = await readJson(file, lang);
  if (!json.ok) return json;
  const parsed = parseFacts(json.value, what, lang);
  if (!parsed.ok) {
    const lines = parsed.problems.map((p) => `  - ${p.path}: ${p.message}`);
    return { ok: false, exitCode: 1, message: [text(lang).cliDossier.factsInvalid(file), ...lines].join('\n') };
  }
  return { ok: true, value: parsed.facts };
}

/** A meeting refused for impossible counts or unknown names: each problem where it is; nothing written. */
export function meetingRefusal(issues: Issue[], meetingPath: string | undefined, lang: Lang): string {
  const t = text(lang).cliDossier;
  const lines = issues.filter((i) => i.code.startsWith('meeting.')).map((i) => `  - ${renderMessage(i, lang)}`);
  return [t.meetingRefused(meetingPath ?? ''), ...lines, t.nothingWritten].join('\n');
}

/** Why a document set cannot be prepared, as the CLI says it (exit 1). */
export function preparedFailure(p: Extract<Prepared<unknown>, { ok: false }>, workbookPath: string, lang: Lang, profilePath?: string): { ok: false; exitCode: number; message: string } {
  const t = text(lang).cliDossier;
  if (p.reason === 'profileInvalid') return profileInputFailure(profilePath ?? '--profile', p.problems, lang);
  if (p.reason === 'meetingRefused') return { ok: false, exitCode: 1, message: [t.meetingRefused(''), ...p.problems.map((x) => `  - ${x.message}`), t.nothingWritten].join('\n') };
  if (p.reason === 'noTables') return { ok: false, exitCode: 1, message: `${workbookPath}: ${p.message ?? renderMessage({ code: 'workbook.noTables', params: {} }, lang)}` };
  return { ok: false, exitCode: 1, message: [t.savedFactsInvalid, ...p.problems.map((x) => `  - ${x.path}: ${x.message}`), t.nothingWritten].join('\n') };
}

/** What every command that prepares documents reads, in this order, before preparing them. */
export interface PrepareInputs {
  grid: Grid;
  /** The workbook's package as read (record edits it). */
  pkg: Package;
  options: PrepareOptions;
  profilePath: string | undefined;
}

/**
 * --preset, --profile, --facts and --meeting, then the workbook: the same checks and the same first
 * failure for dossier, decision, certificates and record — and the same vote shares, hence the
 * same people named, in all four.
 */
export async function loadPrepareInputs(options: Map<string, string>, workbookPath: string, lang: Lang): Promise<Loaded<PrepareInputs>> {
  const preset = checkPresetOption(options.get('preset'), lang);
  if (!preset.ok) return preset;
  const profilePath = options.get('profile');
  const profile = await loadProfileInput(profilePath, lang);
  if (!profile.ok) return profile;
  const factsFile = await loadFactsFile(options.get('facts'), 'facts', lang);
  if (!factsFile.ok) return factsFile;
  const meetingFile = await loadFactsFile(options.get('meeting'), 'meeting', lang);
  if (!meetingFile.ok) return meetingFile;
  const wb = await loadWorkbook(workbookPath, lang);
  if (!wb.ok) return wb;
  const given = [factsFile.value, meetingFile.value];
  return { ok: true, value: { grid: wb.value.grid, pkg: wb.value.pkg, profilePath, options: { lang, profileInput: profile.value, preset: preset.value, given } } };
}
