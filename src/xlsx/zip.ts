/**
 * The zip container of an OOXML package (ECMA-376 Part 2 §8; APPNOTE 6.3), read and written for
 * the package (package.ts), which the reader and the patching writer share:
 * - The central directory is read directly (APPNOTE 4.3.12, 4.3.16; ZIP64 4.3.14/4.3.15 and the
 *   0x0001 extra field, 4.5.3), so that the limits are checked before anything is inflated: the
 *   number of entries and the declared unpacked size of them all.
 * - An entry keeps its stored bytes (`raw`, a view on the file): a part nobody changes is written
 *   back as it was stored — compressed data, CRC and sizes — byte for byte, never re-deflated.
 * - Inflating never writes beyond an entry's declared size: an entry that inflates to more is
 *   damaged (or a bomb) and costs no memory beyond its size. The CRC is checked wherever the
 *   whole part is in memory (inflateEntry, and streamEntry for a stored part or one inflated in one
 *   go); a deflated part above the one-go size, streamed, has only its size checked.
 * - Only "stored" and "deflated" are read (the two OPC allows, Part 2 §8.4.3.5); an encrypted entry
 *   is refused when read (a package nobody reads is still copied as stored).
 */
import type * as Fflate from 'fflate';
import * as zlib from 'zlib';

export interface PackageLimits {
  /** Sum of the declared unpacked sizes of all parts. */
  maxUnpackedBytes: number;
  /** Number of zip entries. */
  maxParts: number;
  /** Parts up to this declared size are inflated whole by zlib, larger ones streamed (default 64 MB). */
  oneGoBytes?: number;
}

/** Far above any real workbook (50,000 rows unpack to ~25 MB), far below what would exhaust memory. */
export const DEFAULT_LIMITS: PackageLimits = { maxUnpackedBytes: 512 * 1024 * 1024, maxParts: 20000 };

/** Why a package cannot be opened or a part read; `code` is a message code of src/core/messages/codes.ts (XlsxCode) (the caller adds `path`). */
export class PackageError extends Error {
  constructor(
    readonly code: 'xlsx.corrupt' | 'xlsx.tooLarge' | 'xlsx.tooManyParts' | 'xlsx.duplicatePart' | 'limit.workbook' | 'limit.encoding',
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'PackageError';
  }
}

export interface ZipEntry {
  /** The part name as stored, '\' read as '/', no leading '/' (Part 2 §7.2.2); a folder ends with '/'. */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** General-purpose flags (bit 0: encrypted; bit 11: UTF-8 name). */
  flags: number;
  /** Modification time and date, DOS format, kept on copies. */
  time: number;
  date: number;
  /** The stored (compressed) bytes. */
  raw: Uint8Array;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

export function corrupt(why: string): PackageError {
  return new PackageError('xlsx.corrupt', { why });
}

/** Little-endian fields, bounds-checked: reading past the end is a truncated zip, not a RangeError. */
class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(at: number): number {
    if (at < 0 || at + 2 > this.bytes.length) throw corrupt('zip truncated');
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    if (at < 0 || at + 4 > this.bytes.length) throw corrupt('zip truncated');
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const lo = this.u32(at);
    const hi = this.u32(at + 4);
    return hi * 2 ** 32 + lo;
  }
}

function findEocd(r: Reader): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const n = r.bytes.length;
  const stop = Math.max(0, n - 22 - 0xffff);
  for (let i = n - 22; i >= stop; i--) {
    if (r.bytes[i] === 0x50 && r.bytes[i + 1] === 0x4b && r.u32(i) === SIG_EOCD) return i;
  }
  throw corrupt('no zip directory');
}

/** Reads the central directory (folders included, in file order); checks the limits on declared sizes before anything is inflated. */
export function readZipDirectory(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): ZipEntry[] {
  const r = new Reader(bytes);
  const eocd = findEocd(r);
  let count = r.u16(eocd + 10);
  let cdOffset = r.u32(eocd + 16);
  if ((count === 0xffff || cdOffset === MAX32) && eocd >= 20 && r.u32(eocd - 20) === SIG_ZIP64_LOCATOR) {
    const z = r.u64(eocd - 20 + 8);
    if (r.u32(z) !== SIG_ZIP64_EOCD) throw corrupt('bad zip64 directory');
    count = r.u64(z + 32);
    cdOffset = r.u64(z + 48);
  }
  if (count > limits.maxParts) throw new PackageError('xlsx.tooManyParts', { count, limit: limits.maxParts });
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (r.u32(at) !== SIG_CENTRAL) throw corrupt('bad zip directory entry');
    const flags = r.u16(at + 8);
    const method = r.u16(at + 10);
    const time = r.u16(at + 12);
    const date = r.u16(at + 14);
    const crc32 = r.u32(at + 16);
    let compressedSize = r.u32(at + 20);
    let size = r.u32(at + 24);
    const nameLen = r.u16(at + 28);
    const extraLen = r.u16(at + 30);
    const commentLen = r.u16(at + 32);
    let local = r.u32(at + 42);
    if (at + 46 + nameLen > bytes.length) throw corrupt('zip truncated');
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : /* CP437; part names are ASCII */ latin1).decode(nameBytes).replace(/\\/g, '/').replace(/^\/+/, '');
    // ZIP64 extended information: the fields that overflowed, in this order.
    for (let e = at + 46 + nameLen, end = e + extraLen; e + 4 <= end; ) {
      const id = r.u16(e);
      const len = r.u16(e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (size === MAX32) (size = r.u64(p)), (p += 8);
        if (compressedSize === MAX32) (compressedSize = r.u64(p)), (p += 8);
        if (local === MAX32) local = r.u64(p);
      }
      e += 4 + len;
    }
    at += 46 + nameLen + extraLen + commentLen;
    total += size;
    if (total > limits.maxUnpackedBytes) throw new PackageError('xlsx.tooLarge', { size: total, limit: limits.maxUnpackedBytes });
    if (r.u32(local) !== SIG_LOCAL) throw corrupt(`bad local header for ${name}`);
    const dataOffset = local + 30 + r.u16(local + 26) + r.u16(local + 28);
    if (dataOffset + compressedSize > bytes.length) throw corrupt(`${name} truncated`);
    entries.push({ name, method, crc32, compressedSize, size, flags, time, date, raw: bytes.subarray(dataOffset, dataOffset + compressedSize) });
  }
  return entries;
}

function checkEntry(e: ZipEntry): void {
  if (e.flags & 1) throw corrupt(`${e.name} is encrypted`);
  if (e.method !== 0 && e.method !== 8) throw corrupt(`${e.name}: compression method ${e.method}`);
}

/**
 * Parts up to this declared size are inflated in one go by Node's zlib (native: the 9.8 MB sheet of
 * bench's 50,000-row workbook in about 9.4 ms against fflate's 25 ms, medians of 9 runs, Node 20);
 * a larger one is inflated by fflate chunk by chunk, never held whole.
 */
const ONE_GO = 64 * 1024 * 1024;

/** fflate, for parts above ONE_GO only: loaded then (its load pulls in worker_threads: about 9 ms in a fresh Node 20 process). */
function fflate(): typeof Fflate {
  return require('fflate') as typeof Fflate;
}

/** Inflated whole, refusing more output than declared: more means damage (or a bomb). */
function inflateWhole(e: ZipEntry): Uint8Array {
  try {
    // One output buffer of the declared size (and a byte to spare, so that more output is seen
    // and refused): zlib's default 16 KB chunks would be concatenated, the part held twice.
    return zlib.inflateRawSync(e.raw, { maxOutputLength: Math.max(e.size, 1), chunkSize: Math.max(e.size + 1, 64) });
  } catch (err) {
    throw corrupt(`${e.name}: ${(err as Error).message}`);
  }
}

/** The entry's content, never more than declared (more output means damage, or a bomb); size and CRC checked. */
export function inflateEntry(e: ZipEntry, oneGo = ONE_GO): Uint8Array {
  checkEntry(e);
  let out: Uint8Array;
  if (e.method === 0) out = e.raw;
  else if (e.size <= oneGo) out = inflateWhole(e);
  else {
    try {
      out = fflate().inflateSync(e.raw, { out: new Uint8Array(e.size + 1) });
    } catch (err) {
      throw corrupt(`${e.name}: ${(err as Error).message}`);
    }
  }
  if (out.length !== e.size) throw corrupt(`${e.name}: size mismatch`);
  if (zlib.crc32(out) >>> 0 !== e.crc32 >>> 0) throw corrupt(`${e.name}: CRC mismatch`);
  return out;
}

/** Where to cut whole bytes near `at` so that no UTF-8 character is cut in two: before a byte that does not continue one. */
function utf8Cut(data: Uint8Array, at: number): number {
  if (at >= data.length) return data.length;
  // At most three continuation bytes (10xxxxxx) follow a lead byte; beyond that the text is damaged anyway.
  for (let k = 0; k < 3 && (data[at] & 0xc0) === 0x80; k++) at--;
  return at;
}

/** Whole bytes in pieces of about a megabyte, each cut between two UTF-8 characters. */
function piecesOf(whole: Uint8Array, onChunk: (chunk: Uint8Array, whole: boolean) => void): void {
  const STEP = 1 << 20;
  for (let i = 0; i < whole.length; ) {
    let j = utf8Cut(whole, i + STEP);
    if (j <= i) j = Math.min(i + STEP, whole.length);
    onChunk(whole.subarray(i, j), true);
    i = j;
  }
}

/**
 * Inflates chunk by chunk, stopping as soon as more than the declared size comes out. `whole`: the
 * chunk ends between two UTF-8 characters (a part inflated in one go, cut into pieces of about a
 * megabyte), so that it decodes alone; fflate's chunks (parts above ONE_GO) end anywhere.
 */
export function streamEntry(e: ZipEntry, onChunk: (chunk: Uint8Array, whole: boolean) => void, oneGo = ONE_GO): void {
  // Stored, or small enough to inflate whole: read as inflateEntry reads it (size and CRC checked).
  if (e.method === 0 || e.size <= oneGo) {
    piecesOf(inflateEntry(e, oneGo), onChunk);
    return;
  }
  checkEntry(e);
  const data = e.raw;
  let produced = 0;
  const inflater = new (fflate().Inflate)((chunk) => {
    produced += chunk.length;
    if (produced > e.size) throw corrupt(`${e.name}: size mismatch`);
    onChunk(chunk, false);
  });
  // Small compressed steps: deflate expands up to ~1,000 times, and a step's output is decoded and
  // scanned as one chunk (64 KB of a bomb would be 64 MB at once, and fflate grows its buffer by copies).
  const STEP = 1 << 12;
  try {
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    if (!data.length) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof PackageError) throw err;
    throw corrupt(`${e.name}: ${(err as Error).message}`);
  }
  if (produced !== e.size) throw corrupt(`${e.name}: size mismatch`);
}

// ---- writing

/** A new entry from its content (deflated); time and date of `like` when given (a part rewritten keeps its date). */
export function newEntry(name: string, content: Uint8Array | string, like?: Pick<ZipEntry, 'time' | 'date'>): ZipEntry {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  // Level 4: within a few per cent of 6 on sheet XML, in about half the time.
  const raw = zlib.deflateRawSync(data, { level: 4 });
  const now = dosTime(new Date());
  return { name, method: 8, crc32: zlib.crc32(data) >>> 0, compressedSize: raw.length, size: data.length, flags: 0, time: like?.time ?? now.time, date: like?.date ?? now.date, raw };
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * The zip file as a list of buffers (local headers + data, central directory, end record). Each
 * entry's stored bytes are written as they are; headers are written anew (no data descriptors, a
 * UTF-8 flag on non-ASCII names). No ZIP64: a package that would need it is refused.
 */
export function writeZip(entries: ZipEntry[]): Buffer[] {
  if (entries.length > 0xfffe) throw corrupt('too many parts to write');
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    if (offset > MAX32 - 1 || e.size >= MAX32 || e.compressedSize >= MAX32) throw corrupt('package too large to write');
    const name = Buffer.from(e.name, 'utf8');
    // The entry's flags as stored (encryption, deflate options) but bit 3 (no data descriptor
    // follows: the sizes are in the header) and bit 11, set for a non-ASCII name (written UTF-8).
    const flags = (e.flags & ~0x0808) | (/[^\x20-\x7e]/.test(e.name) ? 0x800 : 0);
    // What the local header (APPNOTE 4.3.7) and the central directory header (4.3.12) share, flags to name length.
    const common = (b: Buffer, at: number) => {
      b.writeUInt16LE(flags, at);
      b.writeUInt16LE(e.method, at + 2);
      b.writeUInt16LE(e.time, at + 4);
      b.writeUInt16LE(e.date, at + 6);
      b.writeUInt32LE(e.crc32 >>> 0, at + 8);
      b.writeUInt32LE(e.compressedSize, at + 12);
      b.writeUInt32LE(e.size, at + 16);
      b.writeUInt16LE(name.length, at + 20);
    };
    const head = Buffer.alloc(30);
    head.writeUInt32LE(SIG_LOCAL, 0);
    head.writeUInt16LE(20, 4);
    common(head, 6);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(SIG_CENTRAL, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    common(cen, 8);
    cen.writeUInt32LE(offset, 42);
    out.push(head, name, Buffer.from(e.raw.buffer, e.raw.byteOffset, e.raw.byteLength));
    central.push(cen, name);
    offset += 30 + name.length + e.raw.byteLength;
  }
  const cdSize = central.reduce((n, x) => n + x.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return [...out, ...central, end];
}
