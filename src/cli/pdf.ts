/**
 * `dossier --pdf`: each .docx also as PDF, converted by LibreOffice when it is installed
 * (provinces take one PDF set through their e-office systems). LibreOffice runs headless with a
 * private profile directory (so that a running LibreOffice or a parallel run does not collide)
 * and under a time limit; nothing else is needed and nothing leaves the machine. It converts in a
 * private temporary folder (pdfsOf): the PDFs come back as bytes and the caller writes them through
 * safeWrite (never over an input, never over a folder or device, recorded in the manifest) — so
 * LibreOffice never writes into the user's folder itself.
 */
import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Where LibreOffice usually is; THIDUA_SOFFICE wins, then the PATH. */
const KNOWN = [
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.THIDUA_SOFFICE !== undefined) return env.THIDUA_SOFFICE && existsSync(env.THIDUA_SOFFICE) ? env.THIDUA_SOFFICE : null;
  const names = process.platform === 'win32' ? ['soffice.exe'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const n of names) {
      const p = path.join(dir, n);
      if (existsSync(p)) return p;
    }
  }
  return KNOWN.find((p) => existsSync(p)) ?? null;
}

/** What one conversion wrote (absolute paths), and why some are missing. */
type PdfOutcome = { ok: true; files: string[] } | { ok: false; reason: 'failed'; detail: string; files: string[] };

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; err: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true }, (error, _stdout, stderr) => {
      const e = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, err: String(stderr ?? '') || (e ? e.message : ''), timedOut: !!e?.killed });
    });
  });
}

/**
 * Converts the .docx files (absolute paths) to PDF beside them, one LibreOffice call per folder.
 * Returns the PDFs written (pdfsOf has found LibreOffice; its absence is said by the caller).
 */
async function convertToPdf(docx: string[], soffice: string, timeoutMs: number | undefined): Promise<PdfOutcome> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-lo-'));
  const byDir = new Map<string, string[]>();
  for (const f of docx) byDir.set(path.dirname(f), [...(byDir.get(path.dirname(f)) ?? []), f]);
  const written: string[] = [];
  const problems: string[] = [];
  try {
    for (const [dir, files] of byDir) {
      // Generous but bounded: a first start of LibreOffice takes seconds, each page far less.
      const timeout = timeoutMs ?? 60_000 + 5_000 * files.length;
      const args = [`-env:UserInstallation=file://${profile.startsWith('/') ? '' : '/'}${profile.replace(/\\/g, '/')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files];
      const r = await run(soffice, args, timeout);
      for (const f of files) {
        const pdf = f.replace(/\.docx$/i, '.pdf');
        if (existsSync(pdf)) written.push(pdf);
        else problems.push(path.basename(f));
      }
      if (r.timedOut) problems.push(`(timeout ${Math.round(timeout / 1000)} s)`);
      else if (r.code !== 0 && r.err.trim()) problems.push(r.err.trim().split('\n')[0]);
    }
  } finally {
    await fs.rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
  return problems.length ? { ok: false, reason: 'failed', detail: problems.join(', '), files: written } : { ok: true, files: written };
}

export interface PdfFile {
  /** The .docx's relative path with .pdf. */
  path: string;
  bytes: Uint8Array;
}

export type PdfBytesOutcome =
  | { ok: true; pdfs: PdfFile[] }
  | { ok: false; reason: 'notInstalled' }
  | { ok: false; reason: 'failed'; detail: string; pdfs: PdfFile[] };

/**
 * The documents (relative paths, bytes) as PDFs: written to a private temporary folder (mode 0700),
 * converted there, read back, and the folder removed whatever happens.
 */
export async function pdfsOf(files: readonly { path: string; bytes: Uint8Array }[], opts: { soffice?: string | null; timeoutMs?: number } = {}): Promise<PdfBytesOutcome> {
  const soffice = opts.soffice === undefined ? findSoffice() : opts.soffice;
  if (!soffice) return { ok: false, reason: 'notInstalled' };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-pdf-'));
  try {
    for (const f of files) {
      await fs.mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
      await fs.writeFile(path.join(dir, f.path), f.bytes);
    }
    const r = await convertToPdf(files.map((f) => path.resolve(dir, f.path)), soffice, opts.timeoutMs);
    const pdfs = await Promise.all(r.files.map(async (p) => ({ path: path.relative(dir, p).split(path.sep).join('/'), bytes: await fs.readFile(p) })));
    return r.ok ? { ok: true, pdfs } : { ok: false, reason: 'failed', detail: r.detail, pdfs };
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
