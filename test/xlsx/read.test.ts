/** Reading .xlsx files into the Grid (src/xlsx/read.ts): formats, merges, errors, rich text, formulas, hidden parts, unreadable files. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import PizZip from 'pizzip';
import { cellAt, formatAt, type SheetGrid } from '../../src/core/grid';
import { renderMessage } from '../../src/core/messages/render';
import { vi } from '../../src/core/messages/vi';
import type { XlsxCode } from '../../src/core/messages/codes';
// The command line's reader (streaming); the exceljs reader gives the same Grid (streamParity.test.ts).
import { readWorkbook as readWorkbookFile } from '../../src/xlsx/read';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-xlsx-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function read(file: string) {
  const r = await readWorkbookFile(file);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r;
}

/** Value at an A1 address of the worksheet, whatever the grid's origin. */
function at(sheet: SheetGrid, address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return cellAt(sheet, Number(m[2]) - 1, col);
}

describe('values', () => {
  let sheet: SheetGrid;
  let hiddenSheet: SheetGrid | undefined;
  const ODD = "Tập thể (2022) - 'cũ' & mới";

  beforeAll(async () => {
    const file = await write('values.xlsx', (wb) => {
      const ws = wb.addWorksheet(ODD);
      ws.getCell('A1').value = 'BẢNG TỔNG HỢP';
      ws.mergeCells('A1:D1');
      ws.getCell('B3').value = 0.985;
      ws.getCell('B3').numFmt = '0.0%';
      ws.getCell('C3').value = { richText: [{ text: 'Phòng ' }, { text: 'Tư pháp', font: { bold: true } }] };
      ws.getCell('D3').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
      ws.getCell('E3').value = { formula: 'A1', result: 42 } as ExcelJS.CellValue;
      ws.getCell('F3').value = true;
      ws.getCell('G3').value = new Date(Date.UTC(1982, 4, 7));
      ws.getCell('H3').value = { error: '#N/A' } as ExcelJS.CellValue;
      ws.getCell('I3').value = { formula: 'B3&"x"', result: 'Tốt' } as ExcelJS.CellValue;
      ws.getCell('J3').value = { text: 'QĐ 125/QĐ-UBND', hyperlink: 'https://example.org/qd125' };
      ws.getCell('K3').value = '98,5%';
      ws.getCell('L3').value = 98.5;
      ws.getCell('M3').value = { formula: 'VLOOKUP(1,A:A,2,0)' } as ExcelJS.CellValue; // never calculated
      ws.getRow(3).hidden = true;
      // A vertical merge in the data area: the lower cell is not a second copy of the name.
      ws.getCell('C5').value = 'Phòng Nội vụ';
      ws.mergeCells('C5:C6');
      ws.getCell('D6').value = 7;
      // A filled-down column: one formula written once for B8:B9 (exceljs's default share type).
      ws.fillFormula('B8:B9', 'B7*2', [2, 4]);
      // Styled but empty rows at the end are not part of the used range.
      for (let r = 12; r <= 40; r++) ws.getCell(`B${r}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
      hidden.getCell('A1').value = 'x';
      wb.addWorksheet('Rỗng');
    });
    const r = await read(file);
    sheet = r.grid.sheets[0];
    hiddenSheet = r.grid.sheets.find((s) => s.name === 'Ẩn');
    expect(r.grid.sheets.map((s) => s.name)).toEqual([ODD, 'Ẩn', 'Rỗng']);
    expect(r.grid.sheets[2].values).toEqual([]);
  });

  test('an odd sheet name is kept as is; hidden sheets are read, flagged', () => {
    expect(sheet.name).toBe(ODD);
    expect(sheet.hidden).toBe(false);
    expect(hiddenSheet).toMatchObject({ hidden: true, values: [['x']] });
  });

  test('numbers, text, booleans, rich text, formulas, errors, dates, hyperlinks (hidden row included)', () => {
    expect(['B3', 'C3', 'D3', 'E3', 'F3', 'G3', 'H3', 'I3', 'J3', 'K3', 'L3', 'M3'].map((a) => at(sheet, a))).toEqual([
      0.985,
      'Phòng Tư pháp',
      { error: '#DIV/0!' },
      42,
      true,
      '07/05/1982',
      { error: '#N/A' },
      'Tốt',
      'QĐ 125/QĐ-UBND',
      '98,5%',
      98.5,
      null,
    ]);
    expect([at(sheet, 'B8'), at(sheet, 'B9')]).toEqual([2, 4]);
  });

  test('number formats: the % format of a fraction, General elsewhere', () => {
    expect(formatAt(sheet, 2, 1)).toBe('0.0%');
    expect(formatAt(sheet, 2, 11)).toBe('General');
  });

  test('merged areas: listed 0-based, the value on the top-left cell only', () => {
    expect(sheet.merges).toEqual(expect.arrayContaining([{ top: 0, left: 0, bottom: 0, right: 3 }, { top: 4, left: 2, bottom: 5, right: 2 }]));
    expect(sheet.merges).toHaveLength(2);
    expect(['A1', 'B1', 'C1', 'D1'].map((a) => at(sheet, a))).toEqual(['BẢNG TỔNG HỢP', null, null, null]);
    expect([at(sheet, 'C5'), at(sheet, 'C6'), at(sheet, 'D6')]).toEqual(['Phòng Nội vụ', null, 7]);
  });

  test('trailing styled-but-empty rows are trimmed', () => {
    expect(sheet.originRow + sheet.values.length).toBe(9);
  });
});

test('the grid starts at the used range (a table that begins at C5)', async () => {
  const file = await write('offset.xlsx', (wb) => {
    const ws = wb.addWorksheet('CN');
    ws.getCell('C5').value = 'Họ và tên';
    ws.getCell('D5').value = 'Chỉ số SIPAS (%)';
    ws.getCell('C6').value = 'Nguyễn Văn A';
    ws.getCell('D6').value = 0.92;
    ws.getCell('D6').numFmt = '0%';
    ws.getCell('E9').value = 'ghi chú';
  });
  const s = (await read(file)).grid.sheets[0];
  expect({ originRow: s.originRow, originCol: s.originCol }).toEqual({ originRow: 4, originCol: 2 });
  expect(s.values).toEqual([['Họ và tên', 'Chỉ số SIPAS (%)'], ['Nguyễn Văn A', 0.92], [], [], [null, null, 'ghi chú']]);
  expect(formatAt(s, 5, 3)).toBe('0%');
  expect(at(s, 'A1')).toBeNull();
});

test('10,000 rows: every row in the grid, the last one whole with its number format (speed is measured by the bench, not here)', async () => {
  const file = await write('big.xlsx', (wb) => {
    const ws = wb.addWorksheet('Tập thể');
    ws.addRow(['Tên đơn vị', 'SIPAS', 'Xếp loại PAR Index']);
    for (let i = 0; i < 10000; i++) ws.addRow([`Đơn vị ${i}`, 0.9 + (i % 10) / 100, 'Tốt']).getCell(2).numFmt = '0.0%';
  });
  const s = (await read(file)).grid.sheets[0];
  expect(s.values).toHaveLength(10001);
  expect(s.values[10000]).toEqual(['Đơn vị 9999', 0.99, 'Tốt']);
  expect(s.numberFormats![10000][1]).toBe('0.0%');
});

describe('files that cannot be read: a message, never a throw', () => {
  const ole = (streamNames: string[]) =>
    Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), ...streamNames.map((n) => Buffer.from(n, 'utf16le')), Buffer.alloc(512)]);
  const put = async (name: string, bytes: Buffer | string) => {
    const f = path.join(dir, name);
    await fs.writeFile(f, bytes);
    return f;
  };

  test.each<[string, string, () => Promise<string>]>([
    ['missing', 'xlsx.notFound', async () => path.join(dir, 'nope.xlsx')],
    ['a directory', 'xlsx.notAFile', async () => dir],
    ['empty', 'xlsx.empty', async () => put('e.xlsx', '')],
    ['a .csv renamed .xlsx', 'xlsx.notXlsx', async () => put('c.xlsx', 'Tên đơn vị;SIPAS\nPhòng Nội vụ;95\n')],
    ['an encrypted workbook (OLE2 with EncryptionInfo)', 'xlsx.encrypted', async () => put('enc.xlsx', ole(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))],
    ['an old .xls renamed (OLE2 with a Workbook stream)', 'xlsx.legacyXls', async () => put('old.xlsx', ole(['Root Entry', 'Workbook', 'SummaryInformation']))],
    ['an unknown OLE2 file', 'xlsx.encryptedOrXls', async () => put('o.xlsx', ole([]))],
    ['a truncated .xlsx', 'xlsx.corrupt', async () => {
      const ok = await fs.readFile(await write('whole.xlsx', (wb) => wb.addWorksheet('A').addRow(['x'])));
      return put('half.xlsx', ok.subarray(0, Math.floor(ok.length / 2)));
    }],
    ['a broken zip', 'xlsx.corrupt', async () => put('z.xlsx', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(100, 7)]))],
    ['an unpacked-size bomb (a part declaring 600 MB)', 'xlsx.tooLarge', async () => {
      const ok = Buffer.from(await fs.readFile(await write('whole2.xlsx', (wb) => wb.addWorksheet('A').addRow(['x']))));
      const cd = ok.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      ok.writeUInt32LE(600 * 1024 * 1024, cd + 24);
      return put('bomb.xlsx', ok);
    }],
    ['a .docx renamed .xlsx', 'xlsx.notXlsx', async () => {
      const z = new PizZip();
      z.file('[Content_Types].xml', '<Types/>');
      z.file('word/document.xml', '<w:document/>');
      return put('doc.xlsx', z.generate({ type: 'nodebuffer' }));
    }],
  ])('%s → %s', async (_label, code, make) => {
    const r = await readWorkbookFile(await make());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    const vi = renderMessage(r.error, 'vi');
    const en = renderMessage(r.error, 'en');
    expect(vi).not.toContain(code);
    expect(vi).not.toMatch(/undefined|\bat \w+ \(/);
    expect(en).not.toBe(vi);
  });

  test('the encrypted file says "mật khẩu", the old one says ".xls"', async () => {
    const enc = await readWorkbookFile(await put('enc2.xlsx', ole(['EncryptionInfo'])));
    const xls = await readWorkbookFile(await put('old2.xlsx', ole(['Workbook'])));
    expect(!enc.ok && renderMessage(enc.error, 'vi')).toMatch(/mật khẩu/);
    expect(!xls.ok && renderMessage(xls.error, 'vi')).toMatch(/\.xls\b/);
  });
});

test('every adapter message renders in both languages without "undefined"', () => {
  const codes = Object.keys(vi.messages).filter((c): c is XlsxCode => c.startsWith('xlsx.'));
  expect(codes.length).toBeGreaterThan(15);
  for (const code of codes) {
    for (const lang of ['vi', 'en'] as const) {
      const text = renderMessage({ code, params: { path: 'a.xlsx', why: 'EACCES' } }, lang);
      expect(text).toContain('a.xlsx');
      expect(text).not.toMatch(/undefined/);
    }
  }
});

