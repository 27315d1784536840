/**
 * `npm run simulate -- <scenario.json> [--out result.json] [--xlsx <snapshot>=<file.xlsx>]`
 * Exit 0: the scenario ran (whatever the add-in answered); 1: the scenario or its workbook cannot be
 * read (the message says why); 2: a wrong call. Never a stack trace (THIDUA_DEBUG=1 shows one).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseScenario } from './scenario';
import { runScenario, ScenarioError } from './run';
import { scenarioWorkbook, writeXlsx } from './workbookFile';

const USAGE = 'Cách dùng / usage: npm run simulate -- <scenario.json> [--out result.json] [--xlsx <snapshot>=<file.xlsx>]…';

export interface Call {
  scenario: string;
  out?: string;
  xlsx: { snapshot: string; file: string }[];
}

export function parseArgs(argv: string[]): Call | string {
  const call: Partial<Call> & { xlsx: Call['xlsx'] } = { xlsx: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out' || a === '--xlsx') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) return `${a} cần một giá trị / needs a value`;
      if (a === '--out') call.out = v;
      else {
        const eq = v.indexOf('=');
        if (eq <= 0 || eq === v.length - 1) return `--xlsx ${v}: cần dạng <snapshot>=<file.xlsx> / expected <snapshot>=<file.xlsx>`;
        call.xlsx.push({ snapshot: v.slice(0, eq), file: v.slice(eq + 1) });
      }
    } else if (a.startsWith('--')) return `tùy chọn không rõ / unknown option ${a}`;
    else if (call.scenario) return `thừa tham số / extra argument ${a}`;
    else call.scenario = a;
  }
  if (!call.scenario) return 'thiếu tệp kịch bản / no scenario file';
  return call as Call;
}

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const call = parseArgs(argv);
  if (typeof call === 'string') {
    io.stderr(`${call}\n${USAGE}\n`);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(await fs.readFile(call.scenario, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'không có tệp này / no such file' : (e as Error).message;
    io.stderr(`${call.scenario}: ${why}\n`);
    return 1;
  }
  const parsed = parseScenario(input);
  if (!parsed.ok) {
    io.stderr(`${call.scenario}: kịch bản không hợp lệ / invalid scenario\n${parsed.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  const { scenario } = parsed;
  const names = new Set(scenario.steps.flatMap((s) => (s.action === 'snapshot' ? [s.name] : [])));
  const unknown = call.xlsx.filter((x) => !names.has(x.snapshot));
  if (unknown.length) {
    io.stderr(`--xlsx: kịch bản không có ảnh chụp / the scenario has no snapshot ${unknown.map((x) => `"${x.snapshot}"`).join(', ')} (${[...names].join(', ') || '—'})\n`);
    return 2;
  }
  const loaded = await scenarioWorkbook(scenario.workbook, path.dirname(path.resolve(call.scenario)), scenario.host.displayLanguage.toLowerCase().startsWith('vi') ? 'vi' : 'en');
  if (!loaded.ok) {
    io.stderr(`${loaded.message}\n`);
    return 1;
  }
  let result;
  try {
    result = await runScenario(scenario, loaded.model);
  } catch (e) {
    if (e instanceof ScenarioError) {
      io.stderr(`${call.scenario}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const text = `${JSON.stringify(result, null, 2)}\n`;
  if (call.out) await fs.writeFile(call.out, text);
  else io.stdout(text);
  for (const x of call.xlsx) await writeXlsx(result.snapshots[x.snapshot], x.file);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) })
    .then((code) => (process.exitCode = code))
    .catch((e: unknown) => {
      process.stderr.write(process.env.THIDUA_DEBUG ? `${(e as Error)?.stack ?? e}\n` : `Lỗi không mong đợi / unexpected error: ${(e as Error)?.message ?? e}\n`);
      process.exitCode = 1;
    });
}
