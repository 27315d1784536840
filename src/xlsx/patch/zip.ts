/**
 * The zip container of an OOXML package (ECMA-376 Part 2 §8, "ZIP appnote" 6.2.0), read and
 * written at the level of entries, so that a part we do not touch is copied as its stored bytes
 * (compressed data, CRC and sizes as they are) — byte for byte, and without inflating it.
 */
import * as zlib from 'zlib';

export interface ZipEntry {
  /** Part name as stored (ECMA-376 Part 2 §7.2.2: no leading "/"). */
  name: string;
  /** 0 = stored, 8 = deflated (the only two OPC allows, Part 2 §8.4.3.5). */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Modification time and date, DOS format, kept on copies. */
  time: number;
  date: number;
  /** The stored (compressed) bytes. */
  raw: Uint8Array;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const MAX32 = 0xffffffff;

function findEocd(b: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b.readUInt32LE(i) === EOCD) return i;
  throw new ZipError('no end of central directory');
}

/** Reads the central directory; the entries' data are views on `b` (nothing is inflated). */
export function readZip(b: Buffer, limits: { maxEntries: number } = { maxEntries: 100_000 }): ZipEntry[] {
  const eocd = findEocd(b);
  let count = b.readUInt16LE(eocd + 10);
  let cdOffset = b.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdOffset === MAX32) && eocd >= 20 && b.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const z = Number(b.readBigUInt64LE(eocd - 12));
    if (z + 56 > b.length || b.readUInt32LE(z) !== ZIP64_EOCD) throw new ZipError('bad zip64 record');
    count = Number(b.readBigUInt64LE(z + 32));
    cdOffset = Number(b.readBigUInt64LE(z + 48));
  }
  if (count > limits.maxEntries) throw new ZipError(`too many parts (${count})`);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CEN) throw new ZipError('bad central directory');
    const flags = b.readUInt16LE(p + 8);
    if (flags & 1) throw new ZipError('encrypted entry');
    const method = b.readUInt16LE(p + 10);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    let compressedSize = b.readUInt32LE(p + 20);
    let size = b.readUInt32LE(p + 24);
    let local = b.readUInt32LE(p + 42);
    // Zip64 extended information (appnote 4.5.3): only the fields that overflowed, in this order.
    if (size === MAX32 || compressedSize === MAX32 || local === MAX32) {
      let q = p + 46 + nameLen;
      const end = q + extraLen;
      while (q + 4 <= end) {
        const id = b.readUInt16LE(q);
        const len = b.readUInt16LE(q + 2);
        if (id === 1) {
          let r = q + 4;
          if (size === MAX32) (size = Number(b.readBigUInt64LE(r))), (r += 8);
          if (compressedSize === MAX32) (compressedSize = Number(b.readBigUInt64LE(r))), (r += 8);
          if (local === MAX32) local = Number(b.readBigUInt64LE(r));
        }
        q += 4 + len;
      }
    }
    const name = b.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    if (local + 30 > b.length || b.readUInt32LE(local) !== LOC) throw new ZipError(`bad local header for ${name}`);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (start + compressedSize > b.length) throw new ZipError(`truncated entry ${name}`);
    if (method !== 0 && method !== 8) throw new ZipError(`unsupported compression ${method} in ${name}`);
    entries.push({
      name,
      method,
      crc: b.readUInt32LE(p + 16),
      compressedSize,
      size,
      time: b.readUInt16LE(p + 12),
      date: b.readUInt16LE(p + 14),
      raw: b.subarray(start, start + compressedSize),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The entry's content, checked against its CRC. */
export function entryBytes(e: ZipEntry): Buffer {
  const out = e.method === 0 ? Buffer.from(e.raw) : zlib.inflateRawSync(e.raw, { maxOutputLength: Math.max(e.size, 1) });
  if (out.length !== e.size || zlib.crc32(out) >>> 0 !== e.crc >>> 0) throw new ZipError(`damaged entry ${e.name}`);
  return out;
}

/** A new entry from its content (deflated). */
export function newEntry(name: string, content: Buffer | string, like?: ZipEntry): ZipEntry {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  // Level 4: within a few per cent of 6 on sheet XML, in about half the time.
  const raw = zlib.deflateRawSync(data, { level: 4 });
  const now = dosTime(new Date());
  return { name, method: 8, crc: zlib.crc32(data) >>> 0, compressedSize: raw.length, size: data.length, time: like?.time ?? now.time, date: like?.date ?? now.date, raw };
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(d.getFullYear(), 1980) - 1980) << 9 | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** The zip file as a list of buffers (local headers + data, central directory, end record). */
export function writeZip(entries: ZipEntry[]): Buffer[] {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const utf8 = /[^\x20-\x7e]/.test(e.name) ? 0x800 : 0;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(LOC, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(utf8, 6);
    head.writeUInt16LE(e.method, 8);
    head.writeUInt16LE(e.time, 10);
    head.writeUInt16LE(e.date, 12);
    head.writeUInt32LE(e.crc >>> 0, 14);
    head.writeUInt32LE(e.compressedSize, 18);
    head.writeUInt32LE(e.size, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(CEN, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(utf8, 8);
    cen.writeUInt16LE(e.method, 10);
    cen.writeUInt16LE(e.time, 12);
    cen.writeUInt16LE(e.date, 14);
    cen.writeUInt32LE(e.crc >>> 0, 16);
    cen.writeUInt32LE(e.compressedSize, 20);
    cen.writeUInt32LE(e.size, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    if (offset > MAX32 - 1 || e.size >= MAX32 || e.compressedSize >= MAX32) throw new ZipError('package too large');
    out.push(head, name, Buffer.from(e.raw.buffer, e.raw.byteOffset, e.raw.byteLength));
    central.push(cen, name);
    offset += 30 + name.length + e.raw.byteLength;
  }
  const cdSize = central.reduce((n, x) => n + x.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  if (entries.length > 0xfffe) throw new ZipError('too many parts');
  return [...out, ...central, end];
}
