/** Placeholder until the dossier lands: `thidua dossier` is not available yet. */
import type { CliIO } from './io';

export async function runDossier(_argv: string[], io: CliIO): Promise<number> {
  io.err('thidua dossier: chưa có trong phiên bản này.');
  return 2;
}
