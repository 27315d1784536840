/** The CLI's file writing: never the input, only regular files, atomic, errors in words. */
import { execFileSync, spawn, spawnSync } from 'child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { fsErrorWords, renderMessage } from '../../src/core/messages/render';
import { checkOutput, safeWriteFile, SafeWriteError } from '../../src/cli/safeWrite';
import { ROOT, SAMPLE } from './run';

/**
 * The files `thidua check --annotate` loads (bin/, build/, the packages it requires), copied under
 * `base` with the same layout, readable by everyone: found by running it once and listing Node's
 * module cache (plus each package's package.json, which resolution reads). Returns the copy's bin.
 */
function cliCopy(base: string): string {
  const probe = path.join(base, 'probe.js');
  const list = path.join(base, 'loaded.json');
  writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));`);
  execFileSync(process.execPath, ['--require', probe, path.join(ROOT, 'bin', 'thidua.js'), 'check', SAMPLE, '--annotate', path.join(base, 'probe.xlsx')], { stdio: 'ignore' });
  const root = realpathSync(ROOT);
  const modules = realpathSync(path.join(ROOT, 'node_modules'));
  const dest = path.join(base, 'cli');
  const copy = (from: string, to: string) => {
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
  };
  for (const f of JSON.parse(readFileSync(list, 'utf8')) as string[]) {
    if (f === probe) continue;
    const real = realpathSync(f);
    if (real.startsWith(modules + path.sep)) {
      const rel = path.relative(modules, real);
      copy(real, path.join(dest, 'node_modules', rel));
      const parts = rel.split(path.sep);
      const pkg = parts.slice(0, parts[0].startsWith('@') ? 2 : 1).join(path.sep);
      copy(path.join(modules, pkg, 'package.json'), path.join(dest, 'node_modules', pkg, 'package.json'));
    } else if (real.startsWith(root + path.sep)) copy(real, path.join(dest, path.relative(root, real)));
    else throw new Error(`the CLI loads a file outside the repository: ${real}`);
  }
  rmSync(path.join(base, 'probe.xlsx'), { force: true });
  execFileSync('chmod', ['-R', 'a+rX', dest]);
  return path.join(dest, 'bin', 'thidua.js');
}

const dir = mkdtempSync(path.join(tmpdir(), 'safewrite-'));
const input = path.join(dir, 'so-lieu.xlsx');
writeFileSync(input, 'ORIGINAL');

async function refused(out: string, code: string): Promise<void> {
  await expect(safeWriteFile(out, 'NEW', { inputs: [input] })).rejects.toMatchObject({ data: { code } });
  expect(readFileSync(input, 'utf8')).toBe('ORIGINAL');
}

describe('the output is never the input', () => {
  test('same path, another spelling, a symlink, a hard link', async () => {
    await refused(input, 'write.sameAsInput');
    await refused(path.join(dir, '.', 'x', '..', 'so-lieu.xlsx'), 'write.sameAsInput');
    const link = path.join(dir, 'link.xlsx');
    symlinkSync(input, link);
    await refused(link, 'write.sameAsInput');
    const hard = path.join(dir, 'hard.xlsx');
    linkSync(input, hard);
    await refused(hard, 'write.sameAsInput');
    const linkedDir = path.join(dir, 'alias');
    symlinkSync(dir, linkedDir);
    await refused(path.join(linkedDir, 'so-lieu.xlsx'), 'write.sameAsInput');
  });

  test('on this (case-sensitive) file system another case is another file', async () => {
    const upper = path.join(dir, 'SO-LIEU.XLSX');
    await safeWriteFile(upper, 'NEW', { inputs: [input] });
    expect(readFileSync(upper, 'utf8')).toBe('NEW');
    expect(readFileSync(input, 'utf8')).toBe('ORIGINAL');
  });
});

describe('only a regular file or a new path', () => {
  test('a folder, a device, a pipe are refused', async () => {
    mkdirSync(path.join(dir, 'folder'));
    await refused(path.join(dir, 'folder'), 'write.failed');
    await refused('/dev/null', 'write.notRegularFile');
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await refused(fifo, 'write.notRegularFile');
  });

  test('a symlink to a regular file: the file is replaced, the link kept', async () => {
    const real = path.join(dir, 'real.xlsx');
    writeFileSync(real, 'OLD');
    const link = path.join(dir, 'to-real.xlsx');
    symlinkSync(real, link);
    await safeWriteFile(link, 'NEW', { inputs: [input] });
    expect(readFileSync(real, 'utf8')).toBe('NEW');
    expect(await checkOutput(link)).toBe(real);
  });
});

describe('atomic, cleaned up, in words', () => {
  test('a new folder is created; no temporary file is left', async () => {
    const out = path.join(dir, 'a', 'b', 'out.xlsx');
    await safeWriteFile(out, new Uint8Array([1, 2, 3]));
    expect(readFileSync(out)).toEqual(Buffer.from([1, 2, 3]));
    expect(readdirSync(path.dirname(out))).toEqual(['out.xlsx']);
  });

  test('a folder it may not write, through the CLI: EACCES in words (vi, en), exit 1, nothing left — as root too', () => {
    // Root writes anywhere: as root the CLI runs as an unprivileged user (nobody, 65534) from a copy
    // of the files it loads (the repository may sit where nobody cannot read, e.g. /root); the
    // folder stays root's (0755), which nobody may not write. Not root: the folder is made 0555.
    const asRoot = process.getuid?.() === 0;
    const base = mkdtempSync(path.join(tmpdir(), 'safewrite-eacces-'));
    chmodSync(base, 0o755);
    const ro = path.join(base, 'ro');
    mkdirSync(ro);
    chmodSync(ro, asRoot ? 0o755 : 0o555);
    const sample = path.join(base, 'so-lieu.xlsx');
    writeFileSync(sample, readFileSync(SAMPLE));
    chmodSync(sample, 0o644);
    const cli = asRoot ? cliCopy(base) : path.join(ROOT, 'bin', 'thidua.js');
    const who = asRoot ? { uid: 65534, gid: 65534 } : {};
    try {
      const out = path.join(ro, 'da-danh-dau.xlsx');
      for (const [lang, words] of [
        ['vi', 'Không ghi được tệp'],
        ['en', 'Cannot write'],
      ]) {
        const r = spawnSync(process.execPath, [cli, 'check', sample, '--annotate', out, ...(lang === 'en' ? ['--lang', 'en'] : [])], { cwd: base, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, ...who });
        expect(r.error).toBeUndefined();
        expect([r.status, r.stderr]).toEqual([1, expect.stringContaining(words)]);
        expect(r.stderr).toContain(lang === 'vi' ? 'không có quyền ghi vào đây (EACCES)' : 'permission denied (EACCES)');
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
      expect(readdirSync(ro)).toEqual([]);
      expect(readFileSync(sample).equals(readFileSync(SAMPLE))).toBe(true);
    } finally {
      chmodSync(ro, 0o755);
      rmSync(base, { recursive: true, force: true });
    }
  }, 60000);

  test('a file in place of a folder: ENOTDIR / EEXIST in words', async () => {
    const e = (await safeWriteFile(path.join(input, 'x.xlsx'), 'X').catch((x) => x)) as SafeWriteError;
    expect(e).toBeInstanceOf(SafeWriteError);
    expect(renderMessage(e.data, 'en')).toMatch(/not a folder|exists/);
    expect(fsErrorWords('ENOSPC', 'vi')).toBe('ổ đĩa đã đầy (ENOSPC)');
    expect(fsErrorWords('EISDIR', 'en')).toBe('this is a folder, not a file (EISDIR)');
    expect(fsErrorWords('EWHATEVER', 'en')).toBe('EWHATEVER');
  });

  test('killed while writing: the temporary file is removed', async () => {
    const out = path.join(dir, 'killed', 'big.bin');
    mkdirSync(path.dirname(out));
    const mod = path.join(__dirname, '../../build/src/cli/safeWrite.js'); // built by the global setup
    // A child that writes 300 MB through safeWriteFile; SIGTERM it as soon as the temp file appears.
    const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(mod)}).safeWriteFile(${JSON.stringify(out)}, Buffer.alloc(300*1024*1024, 1))`], { stdio: 'ignore' });
    const t0 = Date.now();
    while (!readdirSync(path.dirname(out)).length && Date.now() - t0 < 20000) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGTERM');
    const status = await new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, s) => r(s)));
    expect(status).toBe('SIGTERM');
    expect(readdirSync(path.dirname(out))).toEqual([]);
    expect(existsSync(out)).toBe(false);
  }, 30000);
});
