/**
 * Loading what a command needs — the profile file and the workbook — with every failure turned
 * into a message and an exit code, never a stack trace.
 */
import { jsonLimitProblem, readJsonText } from './jsonLimits';
import { type Lang, renderMessage, parseProfileText, isPresetId, PRESET_IDS, text } from '../core';
import { readWorkbook, type ReadResult } from '../xlsx/read';

export type Loaded<T> = { ok: true; value: T } | { ok: false; exitCode: number; message: string };

/**
 * A --profile file as JSON, to be merged over the preset's profile once the preset is known
 * (it may be the one saved in the workbook). Unreadable or non-JSON: a message (not JSON: with the
 * profile parser's problems, as profileInputFailure words them).
 */
export async function loadProfileInput(path: string | undefined, lang: Lang): Promise<Loaded<unknown>> {
  if (!path) return { ok: true, value: undefined };
  const t = text(lang).cli;
  const read = await readJsonText(path);
  if (!read.ok) return { ok: false, exitCode: 1, message: 'limit' in read ? renderMessage(read.limit, lang) : t.profileUnreadable(path, read.errno) };
  const raw = read.raw;
  const tooBig = jsonLimitProblem(path, raw);
  if (tooBig) return { ok: false, exitCode: 1, message: renderMessage(tooBig, lang) };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    const parsed = parseProfileText(raw, undefined, lang);
    return profileInputFailure(path, parsed.ok ? [] : parsed.problems, lang);
  }
}

/** The problems of a --profile file (not JSON, or merged over the preset's profile): the file named, a problem a line. */
export function profileInputFailure(path: string, problems: { path: string; message: string }[], lang: Lang): { ok: false; exitCode: number; message: string } {
  const lines = problems.map((p) => `  - ${p.path}: ${p.message}`);
  return { ok: false, exitCode: 1, message: [text(lang).cli.profileInvalid(path), ...lines].join('\n') };
}

/** `--preset <id>`: an unknown id is a wrong call (exit 2), with the ids listed. */
export function checkPresetOption(id: string | undefined, lang: Lang): Loaded<string | undefined> {
  if (id === undefined || isPresetId(id)) return { ok: true, value: id };
  return { ok: false, exitCode: 2, message: text(lang).cli.unknownPreset(id, [...PRESET_IDS]) };
}

/** The workbook read by streaming (src/xlsx/read.ts): its Grid, its bytes and its package. */
export async function loadWorkbook(path: string, lang: Lang): Promise<Loaded<Extract<ReadResult, { ok: true }>>> {
  const read = await readWorkbook(path);
  if (!read.ok) return { ok: false, exitCode: 1, message: renderMessage(read.error, lang) };
  return { ok: true, value: read };
}
