/** The patch module's pieces on hand-written parts: the edge cases real writers produce. */
import * as zlib from 'zlib';
import { cellInfo, editCells, scanSheet } from '../../src/xlsx/patch/cells';
import { writeValues } from '../../src/xlsx/patch/record';
import { Styles } from '../../src/xlsx/patch/styles';
import { setAttr, splice, xstring, attrs } from '../../src/xlsx/xml';
import { newEntry, writeZip } from '../../src/xlsx/zip';
import { openPackage } from '../../src/xlsx/package';

const sheet = (rows: string, head = '', p = '') =>
  `<?xml version="1.0"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${head}<${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;

describe('cells', () => {
  test('only `s` of the marked cell changes; a record is created in column order, a row in row order', () => {
    const xml = sheet('<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" s="3"><f>A1*2</f><v>4</v></c></row><row r="5" spans="1:3"><c r="A5"/></row>');
    const scan = scanSheet(xml, [
      { row: 1, col: 2 },
      { row: 1, col: 1 },
      { row: 3, col: 0 },
    ]);
    expect(cellInfo(scan, 1, 2)).toMatchObject({ s: '3', xf: 3, hasCell: true });
    expect(cellInfo(scan, 1, 1)).toMatchObject({ s: null, xf: 0, hasCell: false, hasRow: true });
    expect(cellInfo(scan, 3, 0)).toMatchObject({ hasCell: false, hasRow: false });
    const out = editCells(xml, scan, [
      { row: 1, col: 2, s: '7' },
      { row: 1, col: 1, s: '8' },
      { row: 3, col: 0, s: '9' },
    ]);
    expect(out).toBe(sheet('<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="8"/><c r="C2" s="7"><f>A1*2</f><v>4</v></c></row><row r="4"><c r="A4" s="9"/></row><row r="5" spans="1:3"><c r="A5"/></row>'));
    // And back: the records and the row we created go, the formula cell gets its `s` back.
    const scan2 = scanSheet(out, [
      { row: 1, col: 2 },
      { row: 1, col: 1 },
      { row: 3, col: 0 },
    ]);
    expect(editCells(out, scan2, [{ row: 1, col: 2, s: '3' }, { row: 1, col: 1, remove: true }, { row: 3, col: 0, remove: true }])).toBe(xml);
  });

  test('a row format (customFormat) or a column format is what a cell without a record shows', () => {
    const xml = sheet('<row r="1" s="4" customFormat="1"/><row r="2"/>', '<cols><col min="2" max="3" width="9" style="6" customWidth="1"/></cols>');
    const scan = scanSheet(xml, [{ row: 0, col: 0 }, { row: 1, col: 1 }, { row: 1, col: 0 }]);
    expect(cellInfo(scan, 0, 0).xf).toBe(4);
    expect(cellInfo(scan, 1, 1).xf).toBe(6);
    expect(cellInfo(scan, 1, 0).xf).toBe(0);
    // A self-closing row gets its cell inside.
    expect(editCells(xml, scan, [{ row: 0, col: 0, s: '5' }])).toContain('<row r="1" s="4" customFormat="1"><c r="A1" s="5"/></row>');
  });

  test('prefixed SpreadsheetML (x:), rows and cells without r, an empty sheetData', () => {
    const xml = sheet('<x:row><x:c><x:v>1</x:v></x:c><x:c s="2"><x:v>2</x:v></x:c></x:row>', '', 'x:');
    const scan = scanSheet(xml, [{ row: 0, col: 1 }]);
    expect(cellInfo(scan, 0, 1)).toMatchObject({ s: '2', hasCell: true });
    expect(editCells(xml, scan, [{ row: 0, col: 1, s: '5' }])).toContain('<x:c s="5"><x:v>2</x:v></x:c>');
    const empty = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    const e = scanSheet(empty, [{ row: 2, col: 0 }]);
    expect(editCells(empty, e, [{ row: 2, col: 0, s: '1' }])).toBe('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="3"><c r="A3" s="1"/></row></sheetData></worksheet>');
  });
});

describe('styles', () => {
  const STYLES =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts>' +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF00B050"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>';

  test('a mark is the cell’s own format with our fill; counts follow; the same mark is reused', () => {
    const st = new Styles(STYLES);
    const x = st.marked(1, '#FFC7CE');
    expect(st.marked(1, '#FFC7CE')).toBe(x);
    const out = st.toXml();
    expect(out).toContain('<fills count="4">');
    expect(out).toContain('<cellXfs count="3">');
    expect(out).toContain('<xf numFmtId="10" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment wrapText="1"/></xf></cellXfs>');
    // The original text is a prefix of each list: nothing of the user's moved.
    expect(out.replace(/<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"\/><bgColor rgb="FFFFC7CE"\/><\/patternFill><\/fill>/, '').replace('<fills count="4">', '<fills count="3">').replace(/<xf numFmtId="10" fontId="0" fillId="3"[^]*?<\/xf>(?=<\/cellXfs>)/, '').replace('<cellXfs count="3">', '<cellXfs count="2">')).toBe(STYLES);
  });

  test('restoring finds the user’s format by content (after a re-save renumbered it), and a clear trims what we added', () => {
    const st = new Styles(STYLES);
    const x = st.marked(1, '#FFC7CE');
    expect(st.fillOfXf(1)).toEqual({ color: '#00B050' });
    expect(st.restored(x, { color: '#00B050' })).toBe(1);
    st.trim(new Set([0, 1]), { fonts: [], borders: [] });
    expect(st.toXml()).toBe(STYLES);
  });

  test('a fill the workbook no longer has a format for is made: the same format, that fill', () => {
    const st = new Styles(STYLES);
    const x = st.marked(1, '#FFC7CE');
    const none = st.restored(x, { color: null });
    expect(none).toBe(3);
    expect(st.xf(none)).toBe('<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFill="0"><alignment wrapText="1"/></xf>');
    const yellow = st.restored(x, { color: '#FFFF00' });
    expect(st.fillXml(st.fillIdOf(yellow))).toBe('<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill>');
  });
});

describe('recorded values (the history sheet)', () => {
  test('placed as the annotation places its records: cells in column order, rows in row order, a formatted blank keeps its format', () => {
    const xml = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Năm</t></is></c><c r="C1"><v>1</v></c></row><row r="2"/><row r="3"><c r="B3" s="5"/></row><row r="6"><c r="A6"><v>6</v></c></row>');
    const plan = {
      sheet: 'Lịch sử',
      create: false,
      count: 4,
      rows: [
        { row: 1, cells: [{ col: 'B', value: 'b1' }] },
        { row: 2, cells: [{ col: 'B', value: 2 }, { col: 'A', value: 'a2' }] },
        { row: 3, cells: [{ col: 'B', value: 'b3' }, { col: 'D', value: 4 }] },
        { row: 5, cells: [{ col: 'A', value: 5 }] },
        { row: 8, cells: [{ col: 'A', value: 'a<8' }] },
      ],
    };
    const inline = (ref: string, text: string, st = '') => `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
    expect(writeValues(xml, plan)).toBe(
      sheet(
        `<row r="1"><c r="A1" t="inlineStr"><is><t>Năm</t></is></c>${inline('B1', 'b1')}<c r="C1"><v>1</v></c></row>` +
          `<row r="2">${inline('A2', 'a2')}<c r="B2"><v>2</v></c></row>` +
          `<row r="3">${inline('B3', 'b3', ' s="5"')}<c r="D3"><v>4</v></c></row>` +
          `<row r="5"><c r="A5"><v>5</v></c></row>` +
          `<row r="6"><c r="A6"><v>6</v></c></row>` +
          `<row r="8">${inline('A8', 'a&lt;8')}</row>`,
      ),
    );
    expect(writeValues(sheet('').replace('<sheetData></sheetData>', '<sheetData/>'), { ...plan, rows: plan.rows.slice(3) })).toBe(sheet('<row r="5"><c r="A5"><v>5</v></c></row><row r="8"><c r="A8" t="inlineStr"><is><t xml:space="preserve">a&lt;8</t></is></c></row>'));
  });
});

describe('xml and zip', () => {
  test('attributes are set or removed in place; text is escaped as ST_Xstring', () => {
    expect(setAttr('<c r="A1" s="3" t="s">', 's', '7')).toBe('<c r="A1" s="7" t="s">');
    expect(setAttr('<c r="A1"/>', 's', '7')).toBe('<c r="A1" s="7"/>');
    expect(setAttr('<c r="A1" s="3">', 's', null)).toBe('<c r="A1">');
    expect(attrs('<sheet name="A &amp; B" r:id="rId1"/>').get('name')).toBe('A & B');
    expect(xstring('a<b & _x0041_ \u0001')).toBe('a&lt;b &amp; _x005F_x0041_ _x0001_');
    expect(splice('abcdef', [{ at: 4, del: 1, text: 'E' }, { at: 1, del: 0, text: '+' }])).toBe('a+bcdEf');
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
});
