/**
 * How the command line writes a file (the annotated copy, the dossier): never over one of its
 * inputs, never over anything but a regular file, and never half-written.
 *
 * - The output is compared with each input by real path (symlinks resolved) and by file identity
 *   (device + inode: a hard link or, on a case-insensitive file system, "SO.XLSX" for "so.xlsx"),
 *   and by case-folded real path where the file system ignores case.
 * - An existing output must be a regular file (a symlink to one is followed: the file it points to
 *   is replaced and the link kept); a folder, device, socket or pipe is refused.
 * - The bytes go to a temporary file in the same folder (same file system, so the final rename is
 *   atomic), flushed, then renamed over the output. On failure the temporary file is removed; on
 *   SIGINT / SIGTERM / SIGHUP too (SIGKILL cannot be caught: nothing can be done there).
 * - Every failure is a SafeWriteError carrying a message (code + params) whose `why` is the system
 *   error code, rendered in words by fsErrorWords().
 */
import { constants as FS, promises as fs, unlinkSync, type Stats } from 'fs';
import * as path from 'path';
import type { Message } from '../core';

export class SafeWriteError extends Error {
  constructor(readonly data: Message) {
    super(`${data.code}: ${String(data.params.path)}${data.params.why ? ` (${String(data.params.why)})` : ''}`);
    this.name = 'SafeWriteError';
  }
  /** The output is one of the inputs (a wrong call rather than a failure). */
  get sameAsInput(): boolean {
    return this.data.code === 'write.sameAsInput';
  }
}

function fail(code: 'write.sameAsInput' | 'write.notRegularFile' | 'write.failed', out: string, why?: string): SafeWriteError {
  return new SafeWriteError({ code, params: why === undefined ? { path: out } : { path: out, why } });
}

function errCode(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ?? (err instanceof Error ? err.message : String(e));
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

/** Real path of a file that may not exist yet: its folder's real path + its name. */
async function realPathOf(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await fs.realpath(abs);
  } catch {
    try {
      return path.join(await fs.realpath(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Does the file system holding `file` ignore letter case? Probed on the file itself (its name with the case swapped). */
async function ignoresCase(file: string, st: Stats): Promise<boolean> {
  if (process.platform === 'win32') return true;
  const base = path.basename(file);
  const swapped = base.replace(/[a-zA-Z]/g, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
  if (swapped === base) return process.platform === 'darwin';
  const other = await statOrNull(path.join(path.dirname(file), swapped));
  return !!other && other.dev === st.dev && other.ino === st.ino;
}

/**
 * Refuses an output that is one of the inputs, or that exists and is not a regular file.
 * Returns the path to write (an existing symlink's target).
 */
export async function checkOutput(out: string, inputs: readonly string[] = []): Promise<string> {
  const realOut = await realPathOf(out);
  const outStat = await statOrNull(realOut);
  for (const input of inputs) {
    const inStat = await statOrNull(input);
    const realIn = await realPathOf(input);
    if (realIn === realOut) throw fail('write.sameAsInput', out);
    if (inStat && outStat && inStat.dev === outStat.dev && inStat.ino === outStat.ino && inStat.ino !== 0) throw fail('write.sameAsInput', out);
    if (inStat && realIn.toLowerCase() === realOut.toLowerCase() && (await ignoresCase(realIn, inStat))) throw fail('write.sameAsInput', out);
  }
  if (outStat && !outStat.isFile()) throw fail(outStat.isDirectory() ? 'write.failed' : 'write.notRegularFile', out, outStat.isDirectory() ? 'EISDIR' : undefined);
  return realOut;
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns on some special file
 * systems (e.g. a path under /proc), where this fails at once with ENOENT.
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    try {
      await fs.stat(d);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(d) === d) throw e;
      missing.unshift(d);
    }
  }
  for (const d of missing) {
    try {
      await fs.mkdir(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

// Temporary files alive right now: removed if the process is interrupted.
const live = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let handlersOn = false;

function removeLive(): void {
  for (const t of live) {
    try {
      unlinkSync(t);
    } catch {
      // already gone
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  offSignals();
  // Die of the same signal, as if we had not caught it.
  process.kill(process.pid, signal);
}

function onSignals(): void {
  if (handlersOn) return;
  handlersOn = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', removeLive);
}

function offSignals(): void {
  if (!handlersOn || live.size) return;
  handlersOn = false;
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.removeListener('exit', removeLive);
}

let counter = 0;

/** Our temporary files: ".name.PID-N.tmp". */
const TEMP = /^\..+\.(\d+)-\d+\.tmp$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The temporary files a killed run (SIGKILL, a power cut) left in a folder we write to: removed
 * when the process that made them is gone (a live one may be writing). Only regular files of our
 * naming; any failure leaves them (they are hidden, and harmless).
 */
export async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    const file = path.join(dir, name);
    try {
      if ((await fs.lstat(file)).isFile()) await fs.rm(file);
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
}

/** The temporary file beside `target`: hidden, unique to this process and call. */
export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${++counter}.tmp`);
}

export interface SafeWriteOptions {
  /** Files the output must never be (the workbook read). */
  inputs?: readonly string[];
}

/**
 * Writes `data` to `out` safely (see the module's comment). Creates the folder when missing.
 * Throws SafeWriteError.
 */
export async function safeWriteFile(out: string, data: Uint8Array | string, opts: SafeWriteOptions = {}): Promise<void> {
  const target = await checkOutput(out, opts.inputs);
  await removeStaleTemps(path.dirname(target));
  const temp = tempNameFor(target);
  let created = false;
  try {
    await makeFolder(path.dirname(target));
    onSignals();
    live.add(temp);
    const fh = await fs.open(temp, FS.O_WRONLY | FS.O_CREAT | FS.O_EXCL, 0o666);
    created = true;
    try {
      await fh.writeFile(data);
      await fh.datasync().catch(() => undefined); // some file systems cannot; the rename still protects
      // Keep the permissions of the file being replaced.
      const prev = await statOrNull(target);
      if (prev) await fh.chmod(prev.mode & 0o7777).catch(() => undefined);
    } finally {
      await fh.close();
    }
    // Checked again just before replacing: the path may have changed while we wrote.
    await checkOutput(target, opts.inputs);
    await fs.rename(temp, target);
    live.delete(temp);
  } catch (e) {
    if (created) await fs.rm(temp, { force: true }).catch(() => undefined);
    live.delete(temp);
    offSignals();
    if (e instanceof SafeWriteError) throw e;
    throw fail('write.failed', out, errCode(e));
  }
  offSignals();
}
