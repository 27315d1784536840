/** Reading .xlsx files into the Grid: formats, merges, errors, rich text, formulas, hidden parts. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { renderMessage } from '../../src/core/messages';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-xlsx-'));
});

test('values, number formats, merges, errors, rich text, formulas, hidden rows and sheets', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tập thể (2022) - 'cũ' & mới");
  ws.getCell('A1').value = 'BẢNG TỔNG HỢP';
  ws.mergeCells('A1:D1');
  ws.getCell('B3').value = 0.985;
  ws.getCell('B3').numFmt = '0.0%';
  ws.getCell('C3').value = { richText: [{ text: 'Phòng ' }, { text: 'Tư pháp', font: { bold: true } }] };
  ws.getCell('D3').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
  ws.getCell('E3').value = { formula: 'A1', result: 42 } as ExcelJS.CellValue;
  ws.getCell('F3').value = true;
  ws.getCell('G3').value = new Date(Date.UTC(1982, 4, 7));
  ws.getRow(3).hidden = true;
  const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
  hidden.getCell('A1').value = 'x';
  const file = path.join(dir, 'shapes.xlsx');
  await wb.xlsx.writeFile(file);

  const r = await readWorkbookFile(file);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const s = r.grid.sheets[0];
  expect(s.name).toBe("Tập thể (2022) - 'cũ' & mới");
  expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  expect(s.values[2].slice(1)).toEqual([0.985, 'Phòng Tư pháp', { error: '#DIV/0!' }, 42, true, '07/05/1982']);
  expect(s.numberFormats![2][1]).toBe('0.0%');
  expect(r.grid.sheets[1]).toMatchObject({ name: 'Ẩn', hidden: true });
});

test.each([
  ['missing', async () => path.join(dir, 'nope.xlsx'), 'xlsx.notFound'],
  ['a directory', async () => dir, 'xlsx.notAFile'],
  ['empty', async () => { const f = path.join(dir, 'e.xlsx'); await fs.writeFile(f, ''); return f; }, 'xlsx.empty'],
  ['a csv renamed', async () => { const f = path.join(dir, 'c.xlsx'); await fs.writeFile(f, 'a;b\n1;2\n'); return f; }, 'xlsx.notXlsx'],
  ['an OLE2 (encrypted) file', async () => { const f = path.join(dir, 'o.xlsx'); await fs.writeFile(f, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)])); return f; }, 'xlsx.encrypted'],
  ['a broken zip', async () => { const f = path.join(dir, 'z.xlsx'); await fs.writeFile(f, Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(100, 7)])); return f; }, 'xlsx.corrupt'],
])('%s → %s, never a throw', async (_l, make, code) => {
  const r = await readWorkbookFile(await make());
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(renderMessage(r.error, 'vi')).not.toMatch(new RegExp(code.replace('.', '\\.')));
  expect(renderMessage(r.error, 'en')).not.toBe(renderMessage(r.error, 'vi'));
});
