/** Spawns the CLI as a user runs it: `node bin/thidua.js …`. */
import { spawnSync } from 'child_process';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../..');
export const SAMPLE = path.join(ROOT, 'templates', 'mau-theo-doi-thi-dua-cchc.xlsx');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function thidua(args: string[], cwd = ROOT, env: Record<string, string> = {}): RunResult {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'thidua.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, THIDUA_DEBUG: '', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** No stack trace ever reaches the user. */
export function expectNoStack(r: RunResult): void {
  const all = r.stdout + r.stderr;
  if (/\n\s+at .+\(.+:\d+:\d+\)/.test(all) || /Error: .*\n\s+at /.test(all)) throw new Error(`stack trace in output:\n${all}`);
}
