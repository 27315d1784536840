/**
 * Two copies of a workbook compared part for part, read with a zip parser of the tests' own (the
 * central directory and each entry's stored bytes) and Node's zlib — not the xlsx layer under test.
 */
import * as zlib from 'zlib';

export interface ZipPart {
  name: string;
  method: number;
  flags: number;
  time: number;
  date: number;
  crc32: number;
  size: number;
  /** As stored (compressed). */
  raw: Buffer;
  /** Inflated. */
  content: Buffer;
}

export function zipParts(zip: Buffer): ZipPart[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const parts: ZipPart[] = [];
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const time = zip.readUInt16LE(at + 12);
    const date = zip.readUInt16LE(at + 14);
    const crc32 = zip.readUInt32LE(at + 16);
    const csize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nlen = zip.readUInt16LE(at + 28);
    const xlen = zip.readUInt16LE(at + 30);
    const clen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nlen).toString('utf8');
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + csize);
    const content = method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw);
    parts.push({ name, method, flags, time, date, crc32, size, raw, content });
    at += 46 + nlen + xlen + clen;
  }
  return parts;
}

export interface Comparison {
  /** Parts in both, in the same order, with the same content. */
  parts: number;
  /** Parts whose stored bytes are the same (copied as stored, or deflated alike). */
  sameStored: string[];
  /** Parts written anew and deflated by another implementation: same content, CRC and size; other compressed bytes. */
  recompressed: string[];
  /** Parts new to the copy whose zip date/time (the time of writing) differed and was set aside. */
  timeNormalised: string[];
  /** Everything else that differs: must be empty. */
  differences: string[];
}

/**
 * `expected` (the CLI's copy) against `actual` (the page's), given the `original` both were made
 * from: names and order, method, flags, CRC, size and inflated bytes must be equal part for part;
 * a part the CLI copied as stored from the original must be stored alike in the page's copy; the
 * zip date/time may differ only on parts the original did not have (they are stamped when written).
 */
export function compareCopies(expected: Buffer, actual: Buffer, original: Buffer): Comparison {
  const e = zipParts(expected);
  const a = zipParts(actual);
  const o = new Map(zipParts(original).map((p) => [p.name, p]));
  const out: Comparison = { parts: 0, sameStored: [], recompressed: [], timeNormalised: [], differences: [] };
  const names = (ps: ZipPart[]) => ps.map((p) => p.name).join('\n');
  if (names(e) !== names(a)) out.differences.push(`part names or order: [${names(e).split('\n').join(', ')}] vs [${names(a).split('\n').join(', ')}]`);
  const byName = new Map(a.map((p) => [p.name, p]));
  for (const x of e) {
    const y = byName.get(x.name);
    if (!y) continue;
    out.parts++;
    for (const k of ['method', 'flags', 'crc32', 'size'] as const) if (x[k] !== y[k]) out.differences.push(`${x.name}: ${k} ${x[k]} vs ${y[k]}`);
    if (!x.content.equals(y.content)) out.differences.push(`${x.name}: content differs`);
    const orig = o.get(x.name);
    if (x.raw.equals(y.raw)) out.sameStored.push(x.name);
    else if (orig && orig.raw.equals(x.raw)) out.differences.push(`${x.name}: copied as stored by the CLI, not by the page`);
    else out.recompressed.push(x.name);
    if (x.time !== y.time || x.date !== y.date) {
      if (orig) out.differences.push(`${x.name}: date/time of a part the original had`);
      else out.timeNormalised.push(x.name);
    }
  }
  return out;
}
