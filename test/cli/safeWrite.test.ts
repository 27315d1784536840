/** The CLI's file writing: never the input, only regular files, atomic, errors in words. */
import { execFileSync, spawn } from 'child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, chmodSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { renderMessage } from '../../src/core/messages';
import { checkOutput, fsErrorWords, safeWriteFile, SafeWriteError } from '../../src/cli/safeWrite';

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

  test('a read-only folder: EACCES in words, nothing left', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    const ro = path.join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    try {
      const e = (await safeWriteFile(path.join(ro, 'x.xlsx'), 'X').catch((x) => x)) as SafeWriteError;
      expect(e).toBeInstanceOf(SafeWriteError);
      expect(renderMessage(e.data, 'vi')).toContain('không có quyền ghi');
      expect(renderMessage(e.data, 'en')).toContain('permission denied (EACCES)');
      expect(readdirSync(ro)).toEqual([]);
    } finally {
      chmodSync(ro, 0o755);
    }
  });

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
