/**
 * The OOXML package (ECMA-376 Part 2, Open Packaging Conventions) as the xlsx layer sees it: the
 * zip's parts, read lazily and within limits, the content types, and relationships resolved to
 * part names. Shared by the reader (check, dossier) and the patching writer (annotated copy).
 *
 * - The zip's central directory is read directly (APPNOTE 4.3.12, 4.3.16; ZIP64 4.3.14/4.3.15 and
 *   the 0x0001 extra field), so that limits are checked before anything is inflated: the declared
 *   unpacked size of all parts and their number. Inflating never writes beyond a part's declared
 *   size: a part that inflates to more is damaged, and costs no memory beyond its size. Node's zlib
 *   (native: a 50,000-row sheet in a fifth of fflate's time) inflates a part of up to 64 MB in one
 *   go; a larger one is inflated by fflate chunk by chunk, never held whole.
 * - Part names are compared case-insensitively (OPC §9.1.1.1.2: names are equivalent ASCII
 *   case-insensitively); a zip name with backslashes (some old writers) is read as '/'.
 * - Relationship targets are URIs relative to the source part's folder, or absolute from the
 *   package root ("/xl/worksheets/sheet1.xml"); percent-escapes are decoded (OPC §9.3).
 */
import { Inflate } from 'fflate';
import { inflateRawSync } from 'zlib';
import { scanXml, XmlScanner, type XmlHandlers } from './xml';

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

/** Why a package cannot be opened or a part read; `code` is a message code of src/xlsx/messages.ts (the caller adds `path`). */
export class PackageError extends Error {
  constructor(
    readonly code: 'xlsx.corrupt' | 'xlsx.tooLarge' | 'xlsx.tooManyParts',
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'PackageError';
  }
}

export interface ZipEntry {
  /** The part name as stored (no leading '/'). */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** General-purpose flags (bit 11: UTF-8 name). */
  flags: number;
  /** Offset of the compressed data in the file. */
  dataOffset: number;
}

export interface Relationship {
  id: string;
  /** Full type URI; compare with relType(). */
  type: string;
  /** The Target attribute as written. */
  target: string;
  external: boolean;
  /** The part it points to, as named in the zip (or normalised when absent); null when external. */
  part: string | null;
}

export interface SheetInfo {
  name: string;
  sheetId: string;
  /** 'visible' | 'hidden' | 'veryHidden' */
  state: string;
  relId: string;
  /** Resolved part name, or null when the relationship is missing. */
  part: string | null;
  /** Last segment of the relationship type: 'worksheet', 'chartsheet', 'dialogsheet', 'xlMacrosheet'… */
  kind: string;
}

export interface WorkbookInfo {
  /** The workbook part, e.g. "xl/workbook.xml". */
  part: string;
  sheets: SheetInfo[];
  date1904: boolean;
  /** Relationships of the workbook part. */
  rels: Relationship[];
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
  /** The content type of a part (override, else by extension), undefined when none. */
  typeOf(part: string): string | undefined;
}

export interface Package {
  /** Zip entries in file order (folders excluded). */
  entries: ZipEntry[];
  /** Entry by part name, case-insensitively. */
  entry(part: string): ZipEntry | undefined;
  has(part: string): boolean;
  /** The part's bytes (inflated). Throws PackageError when damaged or missing. */
  read(part: string): Uint8Array;
  /** The part's bytes exactly as compressed in the zip (for a byte-for-byte copy). */
  raw(part: string): Uint8Array;
  /** The part as text (UTF-8, BOM dropped). */
  text(part: string): string;
  /** Streams the part's text to a scanner, chunk by chunk, without holding it whole. */
  scan(part: string, h: XmlHandlers): void;
  contentTypes: ContentTypes;
  /** Relationships of a part ('' for the package's own, _rels/.rels); [] when it has none. */
  rels(part: string): Relationship[];
  /** The workbook, found through the package relationships; null when this is not a spreadsheet. */
  workbook: WorkbookInfo | null;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

function corrupt(why: string): PackageError {
  return new PackageError('xlsx.corrupt', { why });
}

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(at: number): number {
    if (at + 2 > this.bytes.length) throw corrupt('zip truncated');
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    if (at + 4 > this.bytes.length) throw corrupt('zip truncated');
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const lo = this.u32(at);
    const hi = this.u32(at + 4);
    return hi * 2 ** 32 + lo;
  }
}

function findEocd(r: Reader): number {
  const n = r.bytes.length;
  const stop = Math.max(0, n - 22 - 0xffff);
  for (let i = n - 22; i >= stop; i--) {
    if (r.bytes[i] === 0x50 && r.bytes[i + 1] === 0x4b && r.u32(i) === SIG_EOCD) return i;
  }
  throw corrupt('no zip directory');
}

/** Reads the central directory; checks the limits on declared sizes before anything is inflated. */
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
    const crc32 = r.u32(at + 16);
    let compressedSize = r.u32(at + 20);
    let size = r.u32(at + 24);
    const nameLen = r.u16(at + 28);
    const extraLen = r.u16(at + 30);
    const commentLen = r.u16(at + 32);
    let local = r.u32(at + 42);
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
    if (name.endsWith('/')) continue; // a folder entry
    total += size;
    if (total > limits.maxUnpackedBytes) throw new PackageError('xlsx.tooLarge', { size: total, limit: limits.maxUnpackedBytes });
    if (r.u32(local) !== SIG_LOCAL) throw corrupt(`bad local header for ${name}`);
    const dataOffset = local + 30 + r.u16(local + 26) + r.u16(local + 28);
    if (dataOffset + compressedSize > bytes.length) throw corrupt(`${name} truncated`);
    entries.push({ name, method, crc32, compressedSize, size, flags, dataOffset });
  }
  return entries;
}

function rawOf(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  return bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
}

function checkEntry(e: ZipEntry): void {
  if (e.flags & 1) throw corrupt(`${e.name} is encrypted`);
  if (e.method !== 0 && e.method !== 8) throw corrupt(`${e.name}: compression method ${e.method}`);
}

const ONE_GO = 64 * 1024 * 1024;

/** Inflates a whole part, refusing more output than declared: more means damage (or a bomb). */
function inflateWhole(data: Uint8Array, e: ZipEntry): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) });
  } catch (err) {
    throw corrupt(`${e.name}: ${(err as Error).message}`);
  }
  if (out.length !== e.size) throw corrupt(`${e.name}: size mismatch`);
  return out;
}

function inflateEntry(bytes: Uint8Array, e: ZipEntry, oneGo: number): Uint8Array {
  checkEntry(e);
  const data = rawOf(bytes, e);
  if (e.method === 0) {
    if (data.length !== e.size) throw corrupt(`${e.name}: size mismatch`);
    return data;
  }
  if (e.size <= oneGo) return inflateWhole(data, e);
  const parts: Uint8Array[] = [];
  streamEntry(bytes, e, oneGo, (chunk) => parts.push(chunk.slice()));
  const out = new Uint8Array(e.size);
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

/** Inflates chunk by chunk, stopping as soon as more than the declared size comes out. */
function streamEntry(bytes: Uint8Array, e: ZipEntry, oneGo: number, onChunk: (chunk: Uint8Array) => void): void {
  checkEntry(e);
  const data = rawOf(bytes, e);
  if (e.method === 0) {
    if (data.length !== e.size) throw corrupt(`${e.name}: size mismatch`);
    const STEP = 1 << 20;
    for (let i = 0; i < data.length; i += STEP) onChunk(data.subarray(i, i + STEP));
    return;
  }
  if (e.size <= oneGo) {
    const whole = inflateWhole(data, e);
    const STEP = 1 << 20;
    for (let i = 0; i < whole.length; i += STEP) onChunk(whole.subarray(i, i + STEP));
    return;
  }
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > e.size) throw corrupt(`${e.name}: size mismatch`);
    onChunk(chunk);
  });
  const STEP = 1 << 16;
  try {
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    if (!data.length) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof PackageError) throw err;
    throw corrupt(`${e.name}: ${(err as Error).message}`);
  }
  if (produced !== e.size) throw corrupt(`${e.name}: size mismatch`);
}

function decodeText(b: Uint8Array): string {
  const s = utf8.decode(b);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Normalises a part path: '.' and '..' segments, duplicate slashes, no leading slash. */
export function normalizePart(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; '' → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** The last segment of a relationship type URI (transitional and strict namespaces alike). */
export function relType(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A relationship target → the part name it points to (relative to the source part's folder, or absolute). */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = safeDecode(target.replace(/[?#].*$/, '')).replace(/\\/g, '/');
  if (t.startsWith('/')) return normalizePart(t);
  const i = sourcePart.lastIndexOf('/');
  const dir = i < 0 ? '' : sourcePart.slice(0, i);
  return normalizePart(dir ? `${dir}/${t}` : t);
}

function truthy(v: string | undefined): boolean {
  return v === '1' || v === 'true' || v === 'on';
}

/**
 * Opens a package from its bytes. Throws PackageError (tooLarge, tooManyParts, corrupt) — only the
 * directory and the small parts that describe the package are read here; everything else when asked.
 */
export function openPackage(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): Package {
  const entries = readZipDirectory(bytes, limits);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(e.name.toLowerCase(), e);
  const entry = (part: string) => byName.get(normalizePart(part).toLowerCase());
  const must = (part: string) => {
    const e = entry(part);
    if (!e) throw corrupt(`${part} missing`);
    return e;
  };
  const oneGo = limits.oneGoBytes ?? ONE_GO;
  const read = (part: string) => inflateEntry(bytes, must(part), oneGo);
  const text = (part: string) => decodeText(read(part));
  const scan = (part: string, h: XmlHandlers) => {
    const e = must(part);
    const decoder = new TextDecoder('utf-8');
    const scanner = new XmlScanner(h);
    let first = true;
    const write = (s: string) => xmlStep(part, () => scanner.write(s));
    streamEntry(bytes, e, oneGo, (chunk) => {
      let s = decoder.decode(chunk, { stream: true });
      if (first && s) {
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
        first = false;
      }
      if (s) write(s);
    });
    const tail = decoder.decode();
    if (tail) write(tail);
    xmlStep(part, () => scanner.end());
  };

  const relsCache = new Map<string, Relationship[]>();
  const rels = (part: string): Relationship[] => {
    const source = normalizePart(part);
    const cached = relsCache.get(source.toLowerCase());
    if (cached) return cached;
    const relsPart = source ? relsPartOf(source) : '_rels/.rels';
    const list: Relationship[] = [];
    if (entry(relsPart)) {
      parseXmlPart(text(relsPart), relsPart, {
        open(name, a) {
          if (name !== 'Relationship' || a.Id === undefined || a.Target === undefined) return;
          const external = a.TargetMode === 'External';
          const resolved = external ? null : resolveTarget(source, a.Target);
          list.push({ id: a.Id, type: a.Type ?? '', target: a.Target, external, part: resolved === null ? null : (entry(resolved)?.name ?? resolved) });
        },
      });
    }
    relsCache.set(source.toLowerCase(), list);
    return list;
  };

  const contentTypes = readContentTypes(entry('[Content_Types].xml') ? text('[Content_Types].xml') : null);
  const workbook = readWorkbookInfo({ entry, text, rels, contentTypes });
  return { entries, entry, has: (p) => entry(p) !== undefined, read, raw: (p) => rawOf(bytes, must(p)), text, scan, contentTypes, rels, workbook };
}

/** Malformed XML inside a part is damage too; its parser's words help. */
function xmlStep(part: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof PackageError) throw err;
    throw corrupt(`${part}: ${String((err as Error).message).split('\n')[0].slice(0, 160)}`);
  }
}

function parseXmlPart(xml: string, part: string, h: XmlHandlers): void {
  xmlStep(part, () => scanXml(xml, h));
}

function readContentTypes(xml: string | null): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  if (xml !== null) {
    parseXmlPart(xml, '[Content_Types].xml', {
      open(name, a) {
        if (name === 'Default' && a.Extension && a.ContentType) defaults.set(a.Extension.toLowerCase(), a.ContentType);
        else if (name === 'Override' && a.PartName && a.ContentType) overrides.set(normalizePart(safeDecode(a.PartName)).toLowerCase(), a.ContentType);
      },
    });
  }
  return {
    defaults,
    overrides,
    typeOf(part) {
      const p = normalizePart(part).toLowerCase();
      const o = overrides.get(p);
      if (o) return o;
      const dot = p.lastIndexOf('.');
      return dot < 0 || p.lastIndexOf('/') > dot ? undefined : defaults.get(p.slice(dot + 1));
    },
  };
}

const WORKBOOK_TYPES = /\.sheet\.main\+xml$|\.sheet\.macroEnabled\.main\+xml$|\.template\.main\+xml$|\.template\.macroEnabled\.main\+xml$|spreadsheetml\.main\+xml$/i;

function readWorkbookInfo(pkg: Pick<Package, 'entry' | 'text' | 'rels' | 'contentTypes'>): WorkbookInfo | null {
  // The officeDocument relationship of the package (OPC), else the content type, else the usual name.
  let part = pkg.rels('').find((r) => relType(r.type) === 'officeDocument' && r.part && pkg.entry(r.part))?.part ?? null;
  if (!part) {
    for (const [name, type] of pkg.contentTypes.overrides) {
      if (WORKBOOK_TYPES.test(type) && pkg.entry(name)) {
        part = pkg.entry(name)!.name;
        break;
      }
    }
  }
  if (!part && pkg.entry('xl/workbook.xml')) part = pkg.entry('xl/workbook.xml')!.name;
  if (!part) return null;
  const type = pkg.contentTypes.typeOf(part);
  // A .docx or .pptx renamed .xlsx has an officeDocument too, of another kind.
  if (type && !WORKBOOK_TYPES.test(type) && !/spreadsheetml|ms-excel/i.test(type)) return null;
  const rels = pkg.rels(part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  let inSheets = false;
  parseXmlPart(pkg.text(part), part, {
    open(name, a, selfClosing) {
      if (name === 'workbookPr') date1904 = truthy(a.date1904);
      else if (name === 'sheets') inSheets = !selfClosing;
      else if (name === 'sheet' && inSheets) {
        const relId = a.id ?? '';
        const rel = byId.get(relId);
        sheets.push({ name: a.name ?? '', sheetId: a.sheetId ?? '', state: a.state ?? 'visible', relId, part: rel?.part ?? null, kind: rel ? relType(rel.type) : '' });
      }
    },
    close(name) {
      if (name === 'sheets') inSheets = false;
    },
  });
  return { part, sheets, date1904, rels };
}
