/** A small, strict argument parser: positionals, `--flag` and `--option value`. */

export interface ArgSpec {
  flags: string[];
  options: string[];
}

/**
 * What each command accepts: flags (no value) and options (a value). The usage text of messages.ts
 * shows exactly these (test/cli/usage.test.ts), so a command never takes an option its usage hides.
 */
export const COMMAND_ARGS = {
  check: { flags: ['json'], options: ['preset', 'profile', 'meeting', 'annotate', 'lang'] },
  dossier: { flags: ['zip', 'pdf'], options: ['out', 'preset', 'profile', 'meeting', 'facts', 'templates', 'lang'] },
  decision: { flags: [], options: ['out', 'preset', 'profile', 'facts', 'meeting', 'templates', 'lang'] },
  certificates: { flags: ['calibration'], options: ['out', 'preset', 'profile', 'facts', 'meeting', 'layout', 'paper', 'lang'] },
  ballots: { flags: [], options: ['out', 'preset', 'profile', 'facts', 'meeting', 'lang'] },
  clear: { flags: [], options: ['out', 'lang'] },
  record: { flags: [], options: ['facts', 'annotate', 'preset', 'profile', 'meeting', 'lang'] },
  presets: { flags: [], options: ['lang'] },
} satisfies Record<string, ArgSpec>;

export type CommandName = keyof typeof COMMAND_ARGS;

export type ParsedArgs =
  | { ok: true; positionals: string[]; flags: Set<string>; options: Map<string, string> }
  | { ok: false; problem: string };

export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (spec.flags.includes(name)) {
        flags.add(name);
      } else if (spec.options.includes(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined || value === '') return { ok: false, problem: `--${name}` };
        options.set(name, value);
      } else {
        return { ok: false, problem: a };
      }
    } else {
      positionals.push(a);
    }
  }
  return { ok: true, positionals, flags, options };
}

/** `--lang en` anywhere in the arguments; Vietnamese otherwise. */
export function langOf(argv: string[]): 'vi' | 'en' {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const v = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}
