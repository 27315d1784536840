/**
 * The one zip module (src/xlsx/zip.ts) under the package (package.ts), which the reader reads and
 * the patching writer edits: what each side used to do on its own, checked for both.
 */
import { strToU8, zipSync } from 'fflate';
import * as zlib from 'zlib';
import { openPackage, Package } from '../../src/xlsx/package';
import { inflateEntry, newEntry, PackageError, readZipDirectory, writeZip, type ZipEntry } from '../../src/xlsx/zip';

const zipOf = (entries: ZipEntry[]) => Buffer.concat(writeZip(entries));

function stored(name: string, text: string, flags = 0): ZipEntry {
  const e = newEntry(name, text);
  const raw = Buffer.from(text);
  return { ...e, method: 0, raw, compressedSize: raw.length, flags };
}

/** The same zip with a ZIP64 end record and locator, and every entry's sizes and offset in a 0x0001 extra field (APPNOTE 4.3.14–4.3.15, 4.5.3). */
function asZip64(zip: Buffer): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const central: Buffer[] = [];
  for (let i = 0, at = cdOffset; i < count; i++) {
    const nameLen = zip.readUInt16LE(at + 28);
    const head = Buffer.from(zip.subarray(at, at + 46));
    const name = zip.subarray(at + 46, at + 46 + nameLen);
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(24)), 4);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(20)), 12);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(42)), 20);
    for (const field of [20, 24, 42]) head.writeUInt32LE(0xffffffff, field);
    head.writeUInt16LE(extra.length, 30);
    central.push(head, name, extra);
    at += 46 + nameLen;
  }
  const cd = Buffer.concat(central);
  const z64 = Buffer.alloc(56);
  z64.writeUInt32LE(0x06064b50, 0);
  z64.writeBigUInt64LE(44n, 4);
  z64.writeBigUInt64LE(BigInt(count), 24);
  z64.writeBigUInt64LE(BigInt(count), 32);
  z64.writeBigUInt64LE(BigInt(cd.length), 40);
  z64.writeBigUInt64LE(BigInt(cdOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(cdOffset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([zip.subarray(0, cdOffset), cd, z64, locator, end]);
}

test('written entries read back field for field; written again from what was read, the zip is byte-identical', () => {
  const a = newEntry('[Content_Types].xml', '<Types/>');
  const b = newEntry('xl/ảnh.xml', Buffer.from('<x>đ</x>'), { time: 0x6000, date: 0x5821 });
  const c = stored('docProps/app.xml', '<Properties/>');
  const zip = zipOf([a, b, c]);
  const read = readZipDirectory(zip);
  expect(read.map(({ raw, ...rest }) => ({ ...rest, raw: Buffer.from(raw).toString('hex') }))).toEqual(
    [a, b, c].map(({ raw, ...rest }) => ({ ...rest, flags: /[^\x20-\x7e]/.test(rest.name) ? 0x800 : 0, raw: Buffer.from(raw).toString('hex') })),
  );
  expect(zipOf(read).equals(zip)).toBe(true);
  expect(Buffer.from(inflateEntry(read[1])).toString()).toBe('<x>đ</x>');
});

test('the part-count and unpacked-size limits hold for the writer as for the reader, before inflating (30 parts over a limit of 20; 2 MB declared over 1 MB)', () => {
  const many = zipOf(Array.from({ length: 30 }, (_, i) => newEntry(`p${i}.xml`, '<a/>')));
  expect(() => new Package(many, { maxParts: 20, maxUnpackedBytes: 1e9 })).toThrow(expect.objectContaining({ code: 'xlsx.tooManyParts' }));
  expect(() => openPackage(many, { maxParts: 20, maxUnpackedBytes: 1e9 })).toThrow(expect.objectContaining({ code: 'xlsx.tooManyParts' }));
  const big = zipOf([newEntry('big.xml', 'x'.repeat(2_000_000))]);
  expect(() => new Package(big, { maxParts: 100, maxUnpackedBytes: 1_000_000 })).toThrow(expect.objectContaining({ code: 'xlsx.tooLarge', params: { size: 2_000_000, limit: 1_000_000 } }));
});

test('a part whose bytes do not match its CRC is damaged, for the reader and for the writer', () => {
  const zip = zipOf([stored('[Content_Types].xml', '<Types/>'), stored('xl/a.xml', '<a>1</a>')]);
  zip[zip.indexOf('<a>1</a>') + 3] = '2'.charCodeAt(0);
  expect(() => openPackage(zip).read('xl/a.xml')).toThrow(expect.objectContaining({ code: 'xlsx.corrupt', params: { why: 'xl/a.xml: CRC mismatch' } }));
  expect(() => new Package(zip).text('xl/a.xml')).toThrow(PackageError);
  // Scanned (streamed) as well, at any size: a stored part is whole in memory, its CRC is checked.
  const damaged = expect.objectContaining({ code: 'xlsx.corrupt', params: { why: 'xl/a.xml: CRC mismatch' } });
  const noop = { open: () => undefined, text: () => undefined, close: () => undefined };
  expect(() => openPackage(zip).scan('xl/a.xml', noop)).toThrow(damaged);
  expect(() => openPackage(zip, { maxParts: 100, maxUnpackedBytes: 1e9, oneGoBytes: 0 }).scan('xl/a.xml', noop)).toThrow(damaged);
  // Untouched, the writer copies it as stored: it is not ours to judge.
  const copy = new Package(zip);
  copy.setText('[Content_Types].xml', '<Types></Types>');
  expect(Buffer.from(readZipDirectory(Buffer.concat(copy.toZip()))[1].raw).toString()).toBe('<a>2</a>');
});

test('ZIP64 directories (sizes and offsets in the 0x0001 extra field) read alike', () => {
  const zip = zipOf([newEntry('[Content_Types].xml', '<Types/>'), newEntry('xl/workbook.xml', '<workbook/>')]);
  const z64 = asZip64(zip);
  expect(readZipDirectory(z64).map((e) => [e.name, e.size, e.compressedSize, Buffer.from(inflateEntry(e)).toString()])).toEqual(
    readZipDirectory(zip).map((e) => [e.name, e.size, e.compressedSize, Buffer.from(inflateEntry(e)).toString()]),
  );
  expect(openPackage(z64).text('xl/workbook.xml')).toBe('<workbook/>');
});

test('folder entries and backslashes: folders are no parts for the reader, are copied by the writer; "\\" reads as "/"', () => {
  const bytes = zipSync({ 'xl/': new Uint8Array(0), 'xl\\workbook.xml': strToU8('<workbook/>'), '[Content_Types].xml': strToU8('<Types/>') });
  expect(readZipDirectory(bytes).map((e) => e.name)).toEqual(['xl/', 'xl/workbook.xml', '[Content_Types].xml']);
  expect(openPackage(bytes).entries.map((e) => e.name)).toEqual(['xl/workbook.xml', '[Content_Types].xml']);
  const copy = new Package(bytes);
  expect(copy.text('XL/Workbook.xml')).toBe('<workbook/>');
  copy.setText('xl/workbook.xml', '<workbook></workbook>');
  expect(readZipDirectory(Buffer.concat(copy.toZip())).map((e) => e.name)).toEqual(['[Content_Types].xml', 'xl/', 'xl/workbook.xml']);
});

test('an encrypted or oddly compressed entry is refused when read, with its reason', () => {
  const enc = zipOf([stored('a.xml', '<a/>', 1)]);
  expect(() => openPackage(enc).read('a.xml')).toThrow(expect.objectContaining({ params: { why: 'a.xml is encrypted' } }));
  // Copied as stored, it stays what it was (its flags kept, but the data-descriptor bit: sizes are in the header).
  const copied = readZipDirectory(zipOf(readZipDirectory(zipOf([stored('a.xml', '<a/>', 1 | 8 | 6)]))))[0];
  expect(copied.flags).toBe(1 | 6);
  const bz = zipOf([{ ...stored('b.xml', '<b/>'), method: 12 }]);
  expect(() => new Package(bz).text('b.xml')).toThrow(expect.objectContaining({ params: { why: 'b.xml: compression method 12' } }));
});

test('a written package is read back by the package layer, parts byte for byte', () => {
  const a = newEntry('[Content_Types].xml', '<Types/>');
  const b = newEntry('xl/ảnh.xml', Buffer.from('<x>đ</x>'));
  const zip = Buffer.concat(writeZip([a, b]));
  const pkg = openPackage(zip);
  expect(pkg.entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'xl/ảnh.xml']);
  expect(Buffer.from(pkg.read('xl/ảnh.xml')).toString()).toBe('<x>đ</x>');
  expect(Buffer.from(pkg.raw('xl/ảnh.xml')).equals(Buffer.from(b.raw))).toBe(true);
  expect(zlib.inflateRawSync(Buffer.from(pkg.raw('[Content_Types].xml'))).toString()).toBe('<Types/>');
});
