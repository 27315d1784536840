/**
 * The usage text (`thidua --help`, and after every wrong call) shows each command with exactly the
 * flags and options it accepts (COMMAND_ARGS), in both languages: no hidden option, none shown that
 * the command would refuse.
 */
import { text } from '../../src/core';
import { COMMAND_ARGS, type CommandName } from '../../src/cli/args';

/** Per command of a usage text: the flags (`[--zip]`) and the options (`--out <dir>`, `[--lang en]`) it shows. */
function shown(usage: string): Map<string, { flags: string[]; options: string[] }> {
  const out = new Map<string, { flags: string[]; options: string[] }>();
  let current: { flags: string[]; options: string[] } | undefined;
  for (const line of usage.split('\n').slice(1)) {
    const m = /^\s+thidua (\S+)(.*)$/.exec(line);
    if (m) out.set(m[1], (current = { flags: [], options: [] }));
    if (!current) throw new Error(`a line outside any command: ${line}`);
    const tokens = (m ? m[2] : line).replace(/[[\]]/g, ' ').trim().split(/\s+/).filter(Boolean);
    tokens.forEach((tok, i) => {
      if (!tok.startsWith('--')) return;
      const next = tokens[i + 1];
      (next !== undefined && !next.startsWith('--') ? current!.options : current!.flags).push(tok.slice(2));
    });
  }
  return out;
}

describe.each(['vi', 'en'] as const)('usage (%s)', (lang) => {
  const usage = shown(text(lang).cli.usage);

  it('lists every command', () => {
    expect([...usage.keys()].sort()).toEqual(Object.keys(COMMAND_ARGS).sort());
  });

  it.each(Object.keys(COMMAND_ARGS) as CommandName[])('%s: exactly the flags and options it accepts', (command) => {
    const spec = COMMAND_ARGS[command];
    expect(usage.get(command)).toEqual({ flags: expect.any(Array), options: expect.any(Array) });
    expect([...usage.get(command)!.flags].sort()).toEqual([...spec.flags].sort());
    expect([...usage.get(command)!.options].sort()).toEqual([...spec.options].sort());
  });
});

it('the parser takes a shown line as it is written (a value after each option, none after a flag)', async () => {
  const { parseArgs } = await import('../../src/cli/args');
  const r = parseArgs(['so.xlsx', '--out', 'ho-so', '--preset', 'xa-phuong-2026', '--zip', '--pdf', '--lang', 'en'], COMMAND_ARGS.dossier);
  expect(r).toEqual({ ok: true, positionals: ['so.xlsx'], flags: new Set(['zip', 'pdf']), options: new Map([['out', 'ho-so'], ['preset', 'xa-phuong-2026'], ['lang', 'en']]) });
  expect(parseArgs(['so.xlsx', '--layout', 'x.json'], COMMAND_ARGS.decision)).toEqual({ ok: false, problem: '--layout' });
});
