/** The package layer: zip directory, limits, content types, relationships (absolute, relative, escaped). */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { readFileSync } from 'fs';
import * as path from 'path';
import { renderMessage } from '../../src/core';
import { normalizePart, openPackage, PackageError, relsPartOf, resolveTarget } from '../../src/xlsx/package';
import { readWorkbookBytes } from '../../src/xlsx/read';
import { newEntry, readZipDirectory, writeZip } from '../../src/xlsx/zip';
import { withDuplicate } from '../support/duplicatePart';

const SAMPLE = path.join(__dirname, '../../templates/mau-theo-doi-thi-dua-cchc.xlsx');

const CT = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="XML" ContentType="application/xml"/>
<Override PartName="/xl/Book.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>`;

function pkg(files: Record<string, string>): Uint8Array {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(files)) z[k] = strToU8(v);
  return zipSync(z);
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('openPackage', () => {
  test('the sample: workbook, sheets, content types', () => {
    const p = openPackage(readFileSync(SAMPLE));
    expect(p.workbook?.part).toBe('xl/workbook.xml');
    expect(p.workbook?.sheets.length).toBeGreaterThan(1);
    for (const s of p.workbook!.sheets) expect(p.has(s.part!)).toBe(true);
    expect(p.contentTypes.typeOf('xl/workbook.xml')).toMatch(/sheet\.main\+xml$/);
    expect(p.contentTypes.typeOf('/xl/_rels/workbook.xml.rels')).toMatch(/relationships/);
  });

  test('a workbook elsewhere, absolute and relative targets, escapes, case, strict namespace', () => {
    const bytes = pkg({
      '[Content_Types].xml': CT,
      '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/xl/Book.xml"/></Relationships>`,
      'xl/_rels/Book.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="a" Type="${REL}/worksheet" Target="/xl/worksheets/Sheet%201.xml"/>
        <Relationship Id="b" Type="${REL}/worksheet" Target="../other/s2.xml"/>
        <Relationship Id="c" Type="${REL}/chartsheet" Target="chartsheets/c.xml"/>
        <Relationship Id="d" Type="${REL}/hyperlink" Target="https://example.org/x" TargetMode="External"/>
      </Relationships>`,
      'xl/Book.xml': `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><x:workbookPr date1904="1"/><x:sheets>
        <x:sheet name="Một" sheetId="1" r:id="a"/><x:sheet name="Hai" sheetId="2" state="hidden" r:id="b"/><x:sheet name="C" sheetId="3" r:id="c"/></x:sheets></x:workbook>`,
      'xl/worksheets/sheet 1.xml': '<worksheet/>',
      'other/s2.xml': '<worksheet/>',
    });
    const p = openPackage(bytes);
    const wb = p.workbook!;
    expect(wb.part).toBe('xl/Book.xml');
    expect(wb.date1904).toBe(true);
    expect(wb.sheets.map((s) => [s.name, s.state, s.part, s.kind])).toEqual([
      ['Một', 'visible', 'xl/worksheets/sheet 1.xml', 'worksheet'],
      ['Hai', 'hidden', 'other/s2.xml', 'worksheet'],
      ['C', 'visible', 'xl/chartsheets/c.xml', 'chartsheet'],
    ]);
    expect(wb.rels.find((r) => r.id === 'd')).toMatchObject({ external: true, part: null });
    expect(p.text('XL/WORKSHEETS/SHEET 1.XML')).toBe('<worksheet/>');
    expect(p.contentTypes.typeOf('other/s2.xml')).toBe('application/xml');
  });

  test('no package relationships: the content type, then xl/workbook.xml', () => {
    const p = openPackage(pkg({ '[Content_Types].xml': CT, 'xl/Book.xml': '<workbook><sheets/></workbook>' }));
    expect(p.workbook?.part).toBe('xl/Book.xml');
    const q = openPackage(pkg({ 'xl/workbook.xml': '<workbook><sheets/></workbook>' }));
    expect(q.workbook?.part).toBe('xl/workbook.xml');
  });

  test('a .docx renamed .xlsx is no workbook', () => {
    const p = openPackage(
      pkg({
        '[Content_Types].xml': `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
        '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
        'word/document.xml': '<document/>',
      }),
    );
    expect(p.workbook).toBeNull();
  });

  test('limits: part count and declared unpacked size, before inflating anything', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`p${i}.xml`] = '<a/>';
    expect(() => openPackage(pkg(files), { maxParts: 20, maxUnpackedBytes: 1e9 })).toThrow(expect.objectContaining({ code: 'xlsx.tooManyParts' }));
    const big = pkg({ 'big.xml': 'x'.repeat(2_000_000) });
    try {
      openPackage(big, { maxParts: 100, maxUnpackedBytes: 1_000_000 });
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(PackageError);
      expect((e as PackageError).code).toBe('xlsx.tooLarge');
      expect((e as PackageError).params).toEqual({ size: 2_000_000, limit: 1_000_000 });
    }
  });

  test('a part that inflates to more than it declares is damaged (and costs no more memory)', () => {
    const bytes = pkg({ 'a.xml': 'y'.repeat(100_000) });
    // Lie in the central directory: declared size 1,000.
    const b = Buffer.from(bytes);
    const cd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    b.writeUInt32LE(1000, cd + 24);
    // Inflated whole by zlib, and streamed by fflate (a part above oneGoBytes).
    for (const oneGoBytes of [undefined, 0]) {
      const p = openPackage(b, { maxParts: 100, maxUnpackedBytes: 1e9, oneGoBytes });
      expect(() => p.read('a.xml')).toThrow(expect.objectContaining({ code: 'xlsx.corrupt' }));
      expect(() => p.scan('a.xml', {})).toThrow(expect.objectContaining({ code: 'xlsx.corrupt' }));
    }
  });

  test('inflated whole or streamed, every part reads the same', () => {
    const bytes = readFileSync(SAMPLE);
    const whole = openPackage(bytes);
    const streamed = openPackage(bytes, { maxParts: 20000, maxUnpackedBytes: 512 * 1024 * 1024, oneGoBytes: 0 });
    for (const e of whole.entries) {
      expect(Buffer.from(streamed.read(e.name)).equals(Buffer.from(whole.read(e.name)))).toBe(true);
      if (!/\.xml$/.test(e.name)) continue;
      const events = (p: typeof whole) => {
        const out: string[] = [];
        p.scan(e.name, { open: (n) => out.push(`<${n}`), text: (t) => out.push(t), close: (n) => out.push(`>${n}`) });
        return out.join('|');
      };
      expect(events(streamed)).toBe(events(whole));
    }
  });

  test('not a zip, a truncated zip, malformed XML: corrupt with a reason', () => {
    expect(() => openPackage(strToU8('hello'))).toThrow(expect.objectContaining({ code: 'xlsx.corrupt' }));
    const bytes = readFileSync(SAMPLE);
    expect(() => openPackage(bytes.subarray(0, bytes.length - 200))).toThrow(PackageError);
    expect(() => openPackage(pkg({ 'xl/workbook.xml': '<workbook><sheets></workbook>' }))).toThrow(
      expect.objectContaining({ code: 'xlsx.corrupt', params: { why: expect.stringContaining('xl/workbook.xml') } }),
    );
  });

  test('raw() gives the compressed bytes as stored', () => {
    const p = openPackage(readFileSync(SAMPLE));
    const e = p.entry('xl/workbook.xml')!;
    expect(p.raw('xl/workbook.xml').length).toBe(e.compressedSize);
  });
});

describe('part names', () => {
  test('resolve, normalise, rels part', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/d1.xml')).toBe('xl/drawings/d1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(resolveTarget('xl/workbook.xml', 'worksheets\\sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(normalizePart('/a/./b//c/../d')).toBe('a/b/d');
    expect(relsPartOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
  });
});

describe('two entries of one part: the package is damaged, the entry named (one answer for the reader and the writer)', () => {
  test.each([
    ['the same name', (p: string) => p, (p: string) => p],
    ['names equal but for case (one part for OPC)', (p: string) => p.toUpperCase(), (p: string) => `${p}, ${p.toUpperCase()}`],
  ])('%s', (_how, name, named) => {
    const { bytes, part } = withDuplicate(name);
    expect(() => openPackage(bytes)).toThrow(expect.objectContaining({ code: 'xlsx.duplicatePart', params: { part: named(part) } }));
    const read = readWorkbookBytes(bytes, 'hai-ban.xlsx');
    expect(read).toEqual({ ok: false, error: { code: 'xlsx.duplicatePart', params: { path: 'hai-ban.xlsx', part: named(part) } } });
    if (read.ok) return;
    expect(renderMessage(read.error, 'vi')).toBe(`Tệp "hai-ban.xlsx" bị hỏng: thành phần "${named(part)}" có hai lần trong tệp nén, không biết bản nào là đúng. Mở bằng Excel và lưu lại, hoặc dùng bản sao khác.`);
    expect(renderMessage(read.error, 'en')).toContain(`the part "${named(part)}" is stored twice`);
  });

  test('a folder entry is no part: the sample with "xl/" listed is read as it is', () => {
    const entries = readZipDirectory(readFileSync(SAMPLE));
    const folder = { ...newEntry('xl/', ''), method: 0, raw: new Uint8Array(0), compressedSize: 0 };
    expect(readWorkbookBytes(Buffer.concat(writeZip([folder, ...entries])), 'x.xlsx').ok).toBe(true);
  });
});

describe('one package, read then edited: what is read follows the edits', () => {
  const wb = (bytes: Uint8Array) => openPackage(bytes);
  test('relationships and content types are read again once their part changes; an edited part reads and scans as its new text', () => {
    const p = wb(readFileSync(SAMPLE));
    const part = p.workbook!.part;
    const before = p.rels(part).length;
    expect(p.contentType('xl/new.xml')).toBe('application/xml');
    p.setText('xl/new.xml', '<a>mới</a>');
    p.setContentType('xl/new.xml', 'application/x-ours+xml');
    const id = p.addRel(part, `${REL}/ours`, 'xl/new.xml');
    expect(p.rels(part)).toHaveLength(before + 1);
    expect(p.rels(part).find((r) => r.id === id)).toMatchObject({ target: 'new.xml', part: 'xl/new.xml' });
    expect(p.contentTypes.typeOf('xl/new.xml')).toBe('application/x-ours+xml');
    expect(Buffer.from(p.read('xl/new.xml')).toString()).toBe('<a>mới</a>');
    const texts: string[] = [];
    p.scan('xl/new.xml', { text: (t) => texts.push(t) });
    expect(texts.join('')).toBe('mới');
    p.removeRel(part, id);
    p.remove('xl/new.xml');
    p.removeOverride('xl/new.xml');
    expect(p.rels(part)).toHaveLength(before);
    expect(p.has('xl/new.xml')).toBe(false);
    expect(p.contentType('xl/new.xml')).toBe('application/xml');
  });

  test('untouched, the package is written back byte for byte but for the order of [Content_Types].xml', () => {
    const bytes = readFileSync(SAMPLE);
    const p = wb(bytes);
    p.setText(p.workbook!.part, p.text(p.workbook!.part));
    const again = openPackage(Buffer.concat(p.toZip()));
    for (const e of openPackage(bytes).entries) expect(Buffer.from(again.raw(e.name)).equals(Buffer.from(e.raw))).toBe(true);
  });
});
