/**
 * `thidua`: the same engine as the add-in, on an .xlsx file. Every failure becomes a message and an
 * exit code (0 ran, 1 unreadable input, 2 wrong call) — never a stack trace.
 */
import { text } from '../core';
import { langOf } from './args';
import { runCheck } from './checkCommand';
import { runPresets } from './presetsCommand';
import { processIO, type CliIO } from './io';

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const lang = langOf(argv);
  const t = text(lang).cli;
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, io);
      case 'dossier':
        // The dossier's code (docxtemplater, templates) is loaded only for this command.
        return await (await import('./dossierCommand')).runDossier(rest, io);
      case 'clear':
        return await (await import('./clearCommand')).runClear(rest, io);
      case 'presets':
        return runPresets(rest, io);
      case 'decision':
        return await (await import('./decisionCommand')).runDecision(rest, io);
      case 'certificates':
        return await (await import('./certificatesCommand')).runCertificates(rest, io);
      case 'ballots':
        return await (await import('./ballotsCommand')).runBallots(rest, io);
      case 'record':
        return await (await import('./recordCommand')).runRecord(rest, io);
      case '--help':
      case '-h':
      case 'help':
        io.out(t.usage);
        return 0;
      default:
        io.err(`${command ? t.badArgument(command) : ''}\n${t.usage}`.trim());
        return 2;
    }
  } catch (e) {
    // Last line of defence: a readable line, and the stack only when asked for.
    io.err(t.unexpected(e instanceof Error ? e.message : String(e)));
    if (process.env.THIDUA_DEBUG) io.err(String((e as Error).stack));
    return 1;
  }
}
