/** `thidua presets [--lang en]`: the presets `--preset` accepts, the default marked. */
import { DEFAULT_PRESET, PRESETS, text } from '../core';
import { COMMAND_ARGS, langOf, parseArgs } from './args';
import type { CliIO } from './io';

export function runPresets(argv: string[], io: CliIO): number {
  const lang = langOf(argv);
  const t = text(lang).cli;
  const args = parseArgs(argv, COMMAND_ARGS.presets);
  if (!args.ok || args.positionals.length) {
    io.err(`${t.badArgument(args.ok ? args.positionals.join(' ') : args.problem)}\n\n${t.usage}`);
    return 2;
  }
  const lines = [t.presetsTitle];
  for (const p of PRESETS) {
    lines.push('', `  ${p.id}${p.id === DEFAULT_PRESET ? ` ${t.presetDefault}` : ''} — ${p.name[lang]}`);
    lines.push(`    ${p.description[lang]}`);
    lines.push(`    ${p.profile.awards.map((a) => `${a.label}: ${a.quota.collective} + ${a.quota.individual}`).join('; ')}`);
  }
  io.out(lines.join('\n'));
  return 0;
}
