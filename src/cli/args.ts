/** A small, strict argument parser: positionals, `--flag` and `--option value`. */

export interface ArgSpec {
  flags: string[];
  options: string[];
}

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
