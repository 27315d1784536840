/**
 * The command line's reader: an .xlsx file → the core's Grid, by streaming (src/xlsx/package.ts
 * opens the zip within limits, src/xlsx/gridReader.ts scans the sheets). Decides nothing; every way
 * a file can be unreadable becomes a message naming the file and why, never an exception.
 */
import { promises as fs } from 'fs';
import { type Grid, type Message } from '../core';
import { readGrid, worksheetsOf } from './gridReader';
import { openPackage, PackageError, type Package, type PackageLimits } from './package';

export type ReadResult =
  | {
      ok: true;
      grid: Grid;
      /** The package it was read from (an annotated copy, a clear or a record edits it). */
      pkg: Package;
    }
  | { ok: false; error: Message };

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Stream names inside an OLE2 compound file (directory entries are UTF-16LE). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const XLS_WORKBOOK = [Buffer.from('Workbook', 'utf16le'), Buffer.from('Book\u0000', 'utf16le')];
/**
 * The largest workbook file read (docs/files.md). A real one is a few megabytes (bench's 50,000
 * rows: under 4 MB); what the package may unpack to is bounded apart (zip.ts DEFAULT_LIMITS).
 */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** The zip's end-of-directory record (APPNOTE 4.3.16) in the file's last 64 KB + 22 bytes. */
function hasZipEnd(tail: Buffer): boolean {
  for (let i = tail.length - 22; i >= 0; i--) if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 5 && tail[i + 3] === 6) return true;
  return false;
}

/** Beyond this an OLE2 file is not scanned for its stream names (only the signature is used). */
const OLE_SCAN_LIMIT = 64 * 1024 * 1024;

function fail(code: Message['code'], path: string, extra: Record<string, string | number> = {}): { ok: false; error: Message } {
  return { ok: false, error: { code, params: { path, ...extra } } };
}

/** An OLE2 compound file: an encrypted OOXML package, an old binary .xls, or something else. */
async function oleVerdict(path: string, size: number): Promise<'xlsx.encrypted' | 'xlsx.legacyXls' | 'xlsx.encryptedOrXls'> {
  if (size > OLE_SCAN_LIMIT) return 'xlsx.encryptedOrXls';
  const bytes = await fs.readFile(path);
  if (bytes.includes(ENCRYPTION_INFO)) return 'xlsx.encrypted';
  if (XLS_WORKBOOK.some((name) => bytes.includes(name))) return 'xlsx.legacyXls';
  return 'xlsx.encryptedOrXls';
}

/** The file's bytes when it is a zip; otherwise the message that says what it is. */
export async function readZipFile(path: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; error: Message }> {
  let head: Buffer;
  let size: number;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return fail('xlsx.notAFile', path);
    size = stat.size;
    if (size === 0) return fail('xlsx.empty', path);
    const fh = await fs.open(path, 'r');
    try {
      head = Buffer.alloc(8);
      await fh.read(head, 0, 8, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('xlsx.notFound', path);
    return fail('xlsx.unreadable', path, { why: code ?? String(e) });
  }
  // A password-protected .xlsx is an OLE2 compound file (so is an old .xls): say which, not "corrupt".
  if (head.equals(OLE2)) {
    try {
      return fail(await oleVerdict(path, size), path);
    } catch {
      return fail('xlsx.encryptedOrXls', path);
    }
  }
  if (!head.subarray(0, 4).equals(ZIP)) return fail('xlsx.notXlsx', path);
  // Before the file is read whole: its size, and the zip's directory record at its end (a file
  // that has none is damaged, whatever its size, and is said so without reading it).
  if (size > MAX_FILE_BYTES) return fail('limit.workbook', path, { kind: 'fileSize', value: size, limit: MAX_FILE_BYTES });
  try {
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    const fh = await fs.open(path, 'r');
    try {
      await fh.read(tail, 0, tailLength, size - tailLength);
    } finally {
      await fh.close();
    }
    if (!hasZipEnd(tail)) return fail('xlsx.corrupt', path, { why: 'no zip directory' });
    return { ok: true, bytes: await fs.readFile(path) };
  } catch (e) {
    return fail('xlsx.unreadable', path, { why: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}


/** Reads a workbook from its bytes (already known to be a zip). */
export function readWorkbookBytes(bytes: Uint8Array, path: string, limits?: PackageLimits): ReadResult {
  let pkg: Package;
  let grid: Grid;
  try {
    pkg = openPackage(bytes, limits);
    // A zip without worksheets: a .docx, .ods or any archive renamed .xlsx.
    if (!pkg.workbook || !worksheetsOf(pkg).length) return fail('xlsx.notXlsx', path);
    grid = readGrid(pkg);
  } catch (e) {
    if (e instanceof PackageError) return fail(e.code, path, e.params);
    // Anything else is a bug of ours on a file we did not foresee: still a message, with its words.
    return fail('xlsx.corrupt', path, { why: (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200) });
  }
  return { ok: true, grid, pkg };
}

export async function readWorkbook(path: string, limits?: PackageLimits): Promise<ReadResult> {
  const file = await readZipFile(path);
  if (!file.ok) return file;
  return readWorkbookBytes(file.bytes, path, limits);
}
