/**
 * How every command starts: its arguments read against COMMAND_ARGS, the one workbook named, the
 * output it needs present — or a wrong call said with the usage (exit 2); and an output checked
 * before any work (never the input, never a device: exit 2 / 1).
 */
import { fsErrorWords, renderMessage, type Lang, text } from '../core';
import { COMMAND_ARGS, langOf, parseArgs, type CommandName } from './args';
import type { CliIO } from './io';
import { checkOutput, SafeWriteError } from './safeWrite';

export interface Call {
  lang: Lang;
  workbookPath: string;
  flags: Set<string>;
  options: Map<string, string>;
}

/**
 * `required`: the output option the command cannot do without, and the words when it is missing
 * (given the workbook's path). `extraProblem`: a command's own check of an option (e.g. --paper).
 */
export function readCall(
  argv: string[],
  command: CommandName,
  io: CliIO,
  required?: { option: string; missing: (lang: Lang, workbookPath: string) => string },
  extraProblem?: (options: Map<string, string>) => string | null,
): Call | null {
  const lang = langOf(argv);
  const c = text(lang).cli;
  const wrong = (text: string) => {
    io.err(`${text}\n\n${c.usage}`);
    return null;
  };
  const args = parseArgs(argv, COMMAND_ARGS[command]);
  if (!args.ok) return wrong(c.badArgument(args.problem));
  const [workbookPath, ...extra] = args.positionals;
  if (!workbookPath) return wrong(c.missingWorkbook);
  if (extra.length) return wrong(c.badArgument(extra.join(' ')));
  if (required && !args.options.get(required.option)) return wrong(required.missing(lang, workbookPath));
  const problem = extraProblem?.(args.options);
  if (problem) return wrong(c.badArgument(problem));
  return { lang, workbookPath, flags: args.flags, options: args.options };
}

/** The copy `out` checked before any work: 0 when it may be written, else the exit status (said). */
export async function guardCopy(out: string, inputs: string[], io: CliIO, lang: Lang): Promise<number> {
  try {
    await checkOutput(out, inputs);
    return 0;
  } catch (e) {
    if (!(e instanceof SafeWriteError)) throw e;
    io.err(renderMessage(e.data, lang));
    return e.sameAsInput ? 2 : 1;
  }
}

/** A failure already in words (a Loaded failure): said, and its exit status returned. */
export function fail(io: CliIO, failure: { ok: false; exitCode: number; message: string }): number {
  io.err(failure.message);
  return failure.exitCode;
}

/**
 * A write that failed, said (exit 1): a SafeWriteError in its own words, anything else as the
 * command's "cannot write <target>" with the file system's reason in words.
 */
export function writeFailed(io: CliIO, e: unknown, target: string, cannotWrite: (target: string, why: string) => string, lang: Lang): number {
  if (e instanceof SafeWriteError) io.err(renderMessage(e.data, lang));
  else io.err(cannotWrite(target, fsErrorWords((e as NodeJS.ErrnoException).code ?? String(e), lang)));
  return 1;
}

/** Where characters XML forbids were removed from a document's data, a warning line each (limit.textCleaned). */
export function cleanedLines(files: readonly { path: string; cleaned?: readonly { field: string; count: number }[] }[], lang: Lang): string[] {
  return files.flatMap((f) => (f.cleaned ?? []).map((c) => `! ${renderMessage({ code: 'limit.textCleaned', params: { where: f.path, field: c.field, count: c.count } }, lang)}`));
}

/** Every file a command reads besides templates: the workbook and the JSON files given. The outputs are checked against them all. */
export function inputsOf(call: Pick<Call, 'workbookPath' | 'options'>): string[] {
  return [call.workbookPath, ...(['facts', 'meeting', 'profile', 'layout'] as const).map((o) => call.options.get(o)).filter((f): f is string => !!f)];
}

/** Files the user had edited under our names, kept under new ones (write.userEdited), a line each. */
export function renamedLines(renamed: readonly { path: string; kept: string }[], lang: Lang): string[] {
  return renamed.map((r) => `! ${renderMessage({ code: 'write.userEdited', params: r }, lang)}`);
}
