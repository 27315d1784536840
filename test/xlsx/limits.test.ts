/**
 * Bounded cost on hostile workbooks (docs/files.md, src/xlsx/xml.ts XML_LIMITS, gridReader.ts
 * GRID_LIMITS, read.ts MAX_FILE_BYTES): each family, small on disk, is refused with a message that
 * says what was too big — never hours, gigabytes or a "corrupt" that names nothing. The full-scale
 * files and their time and memory: scripts/hostile-inputs.js.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { renderMessage } from '../../src/core/messages/render';
import { readWorkbook, readWorkbookBytes } from '../../src/xlsx/read';
import { GRID_LIMITS } from '../../src/xlsx/gridReader';
import { children, elementAt, root, scanXml, XML_LIMITS } from '../../src/xlsx/xml';
import { hostile } from '../support/hostile';

const { families } = hostile;

function refusal(bytes: Buffer) {
  const r = readWorkbookBytes(bytes, 'so.xlsx');
  if (r.ok) throw new Error('read a hostile workbook');
  return { ...r.error, vi: renderMessage(r.error, 'vi'), en: renderMessage(r.error, 'en') };
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = Date.now();
  const value = f();
  return { value, ms: Date.now() - t0 };
}

describe('a workbook beyond Excel\'s grid', () => {
  test('a row past 1,048,576 is refused, naming the sheet and the row (no sheet of 2·10⁹ rows is built)', () => {
    const e = refusal(families.hugeRow());
    expect(e.code).toBe('limit.workbook');
    expect(e.params).toMatchObject({ kind: 'row', sheet: 'Tập thể', value: 2000000000, limit: 1048576 });
    expect(e.vi).toContain('trang "Tập thể"');
    expect(e.vi).toMatch(/dòng 2\D?000\D?000\D?000 /);
    expect(e.en).toMatch(/Excel's last row \(1,?048,?576\)/);
  });

  test('row 1,048,576 itself is read', () => {
    const r = readWorkbookBytes(hostile.workbook({ sheetData: '<row r="1048576"><c r="A1048576"><v>7</v></c></row>' }), 'so.xlsx');
    expect(r.ok).toBe(true);
  });

  test('a column past XFD is refused (no row of 8·10⁹ empty slots)', () => {
    const e = refusal(families.hugeColumn());
    expect(e.params).toMatchObject({ kind: 'column', limit: 16384 });
    expect(e.vi).toContain('XFD');
  });

  test('values far apart in many rows are bounded by the cells budget', () => {
    // XFD in 1,300 rows: 21 million slots from a file of a few kilobytes.
    const rows = Array.from({ length: 1300 }, (_, i) => `<row r="${i + 3}"><c r="XFD${i + 3}"><v>1</v></c></row>`).join('');
    const e = refusal(hostile.workbook({ sheetData: rows }));
    expect(e.params).toMatchObject({ kind: 'cells', limit: GRID_LIMITS.cells });
  });
});

describe('XML built to cost', () => {
  test('too many attributes on one element: refused, in words', () => {
    const e = refusal(families.manyAttributes(XML_LIMITS.attributes + 1));
    expect(e.params).toMatchObject({ kind: 'attributes', part: 'xl/worksheets/sheet1.xml' });
    expect(e.vi).toContain('quá nhiều thuộc tính');
  });

  test('the duplicate-attribute check is linear (10⁵ attributes, a duplicate at the end)', () => {
    const saved = XML_LIMITS.attributes;
    XML_LIMITS.attributes = 1e6;
    try {
      const n = 100000;
      const attrs: string[] = [];
      for (let i = 0; i < n; i++) attrs.push(` a${i}="1"`);
      const xml = `<r><c${attrs.join('')} a7="2"/></r>`;
      // Both the reader's reused attribute objects (rawAttributes) and fresh ones.
      for (const rawAttributes of [true, false]) {
        const { value, ms } = timed(() => {
          try {
            scanXml(xml, { rawAttributes, open() {} });
            return 'read';
          } catch (err) {
            return (err as Error).message;
          }
        });
        expect(value).toMatch(/duplicate attribute: a7/);
        // Quadratic, this is 5·10⁹ comparisons: minutes on this shared machine (linear: a few seconds).
        expect(ms).toBeLessThan(20000);
      }
    } finally {
      XML_LIMITS.attributes = saved;
    }
  });

  test('an attribute named like an Object property is no duplicate', () => {
    expect(() => scanXml('<r constructor="1" toString="2"/>', {})).not.toThrow();
  });

  test('nesting deeper than the limit: refused, in words', () => {
    const e = refusal(families.deepNesting(XML_LIMITS.depth + 1));
    expect(e.params).toMatchObject({ kind: 'depth', limit: XML_LIMITS.depth });
    expect(e.en).toContain('nested too deeply');
  });

  test("the patch writer's element search is linear on deep nesting and on many siblings", () => {
    const n = 200000;
    const deep = `<w>${'<x>'.repeat(n)}${'</x>'.repeat(n)}</w>`;
    const a = timed(() => elementAt(deep, 3));
    expect(a.value.end).toBe(deep.length - 4);
    expect(a.ms).toBeLessThan(5000);
    // Siblings of distinct names, none repeated: each search stopped at its own end tag.
    const wide = `<w>${Array.from({ length: 50000 }, (_, i) => `<e${i}>t</e${i}>`).join('')}</w>`;
    const b = timed(() => children(wide, root(wide)));
    expect(b.value).toHaveLength(50000);
    expect(b.ms).toBeLessThan(5000);
    // Nesting of one name with others and self-closing ones between: the same extents as before.
    const mixed = '<a><a x="1"/><b><a>t</a></b><a ><a/></a></a>';
    expect(elementAt(mixed, 0).end).toBe(mixed.length);
    expect(children(mixed, root(mixed)).map((e) => e.tag)).toEqual(['<a x="1"/>', '<b>', '<a >']);
  });

  test('a DOCTYPE longer than 64 KB is refused (OOXML parts have none)', () => {
    const e = refusal(families.hugeDoctype(200 * 1024));
    expect(e.params).toMatchObject({ kind: 'doctype', limit: XML_LIMITS.doctype });
    expect(e.vi).toContain('DOCTYPE');
  });

  test('a short DOCTYPE is still read', () => {
    expect(readWorkbookBytes(families.hugeDoctype(100), 'so.xlsx').ok).toBe(true);
  });

  test('one tag longer than 8 MB (an attribute value) is refused', () => {
    const e = refusal(hostile.workbook({ sheetBefore: `<sheetPr codeName="${'v'.repeat(XML_LIMITS.markup + 10)}"/>` }));
    expect(e.params).toMatchObject({ kind: 'markup' });
  });
});

describe('shared strings', () => {
  test('one string longer than the limit is refused, whichever reader reads it', () => {
    const e = refusal(families.hugeSharedString(GRID_LIMITS.string + 1));
    expect(e.params).toMatchObject({ kind: 'string', part: 'xl/sharedStrings.xml' });
    // Cut by the chunks (the handlers' pieces) and whole (the fast path).
    const e2 = refusal(hostile.workbook({ strings: `<si><t>${'z'.repeat(GRID_LIMITS.string + 1)}</t></si>` }));
    expect(e2.params).toMatchObject({ kind: 'string' });
  });

  test('a long string referenced by many cells is bounded by the text budget', () => {
    const { value: e, ms } = timed(() => refusal(families.sharedStringAmplification(32000, 2200)));
    expect(e.params).toMatchObject({ kind: 'text', sheet: 'Tập thể' });
    expect(e.vi).toContain('chuỗi dùng chung');
    expect(ms).toBeLessThan(10000);
  });

  test('a 70 MB bomb of one string (streamed, above the one-go size) costs seconds, not half a minute', () => {
    const { value: e, ms } = timed(() => refusal(families.hugeSharedString(70 * 1024 * 1024)));
    expect(e.params).toMatchObject({ kind: 'string' });
    expect(ms).toBeLessThan(30000);
  });
});

describe('the file itself', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-limits-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('a file above 200 MB is refused by its size, before it is read', async () => {
    const file = path.join(dir, 'big.xlsx');
    const fh = await fs.open(file, 'w');
    await fh.write(Buffer.from([0x50, 0x4b, 3, 4]));
    await fh.truncate(Math.round(1.2 * 1024 * 1024 * 1024));
    await fh.close();
    const before = process.memoryUsage().rss;
    const r = await readWorkbook(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'limit.workbook', params: { kind: 'fileSize' } });
    expect(renderMessage(r.error, 'vi')).toContain('1229 MB');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  test('a file with no zip directory is said so from its tail, before it is read whole', async () => {
    const file = path.join(dir, 'nodir.xlsx');
    const fh = await fs.open(file, 'w');
    await fh.write(Buffer.from([0x50, 0x4b, 3, 4]));
    await fh.truncate(150 * 1024 * 1024);
    await fh.close();
    const before = process.memoryUsage().rss;
    const r = await readWorkbook(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'xlsx.corrupt', params: { why: 'no zip directory' } });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('parts in another encoding than UTF-8', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const PizZip = require('pizzip');
  const utf8Book = hostile.workbook({ strings: '<si><t>Phòng Nội vụ – Hòa</t></si>', sheetData: '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="inlineStr"><is><t>Đạt</t></is></c></row>' });
  const swap = (b: Buffer) => {
    const out = Buffer.from(b);
    for (let i = 0; i + 1 < out.length; i += 2) [out[i], out[i + 1]] = [out[i + 1], out[i]];
    return out;
  };
  /** The workbook with its sheet and shared strings re-encoded by `encode` (their declaration saying `label`). */
  function recoded(label: string, encode: (text: string) => Buffer): Buffer {
    const zip = new PizZip(utf8Book);
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) {
      const text = zip.file(part).asText().replace('encoding="UTF-8"', `encoding="${label}"`);
      zip.file(part, encode(text));
    }
    return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
  const valuesOf = (bytes: Buffer) => {
    const r = readWorkbookBytes(bytes, 'so.xlsx');
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.grid.sheets[0].values;
  };

  test('UTF-16 (LE with a BOM, BE without) reads as the UTF-8 workbook does', () => {
    const want = valuesOf(utf8Book);
    expect(JSON.stringify(want)).toContain('Phòng Nội vụ – Hòa');
    expect(valuesOf(recoded('UTF-16', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])))).toEqual(want);
    expect(valuesOf(recoded('UTF-16', (t) => swap(Buffer.from(t, 'utf16le'))))).toEqual(want);
  });

  test('a declared code page is decoded with it (windows-1258: 0xE9 is é, 0xF2 a combining dot below)', () => {
    const zip = new PizZip(hostile.workbook({ strings: '<si><t>Caf\u00e9 Ho\u00f2</t></si>', sheetData: '<row r="3"><c r="A3" t="s"><v>0</v></c></row>' }));
    const part = 'xl/sharedStrings.xml';
    zip.file(part, Buffer.from(zip.file(part).asText().replace('encoding="UTF-8"', 'encoding="windows-1258"'), 'latin1'));
    const values = valuesOf(zip.generate({ type: 'nodebuffer' }));
    expect(JSON.stringify(values)).toContain('Café Ho\u0323');
  });

  test('an encoding with no decoder is refused in words, the part named', () => {
    const e = refusal(recoded('x-thidua-unknown', (t) => Buffer.from(t, 'utf8')));
    expect(e.code).toBe('limit.encoding');
    expect(e.params).toMatchObject({ encoding: 'x-thidua-unknown' });
    expect(['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']).toContain(e.params.part);
    expect(e.vi).toContain('bảng mã "x-thidua-unknown"');
  });

  test('an edited UTF-16 part is written as UTF-8 and declared so', () => {
    const { openPackage } = require('../../src/xlsx/package');
    const pkg = openPackage(recoded('UTF-16', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])));
    const part = 'xl/sharedStrings.xml';
    pkg.setText(part, pkg.text(part).replace('</sst>', '<!-- x --></sst>'));
    const written = Buffer.from(pkg.read(part)).toString('utf8');
    expect(written).toMatch(/^\uFEFF?<\?xml version="1.0" encoding="UTF-8"/);
    expect(written).toContain('Phòng Nội vụ – Hòa');
  });
});
