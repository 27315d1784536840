/**
 * One rule for dates, in both readers: a format showing a day, a month or a year is a date; a time
 * alone (h:mm, mm:ss, [h]:mm:ss) is the fraction of a day Excel stores, so it stays a number.
 */
import ExcelJS from 'exceljs';
import { isDateFormat } from '../../src/core/dateFormat';
import { toCellValue } from '../../src/excel/readGrid';
import { readWorkbookBytes } from '../../src/xlsx/read';

it.each([
  ['dd/mm/yyyy', true],
  ['m/d/yy', true],
  ['d-mmm-yy', true],
  ['mmm', true],
  ['mmmm yyyy', true],
  ['m/d/yy h:mm', true],
  ['[$-1010000]d/m/yyyy;@', true],
  ['bbbb', true],
  ['h:mm', false],
  ['h:mm:ss', false],
  ['h:mm AM/PM', false],
  ['mm:ss', false],
  ['[h]:mm:ss', false],
  ['mmss.0', false],
  ['0.0%', false],
  ['General', false],
  ['#,##0 "đồng"', false],
  ['[Red]#,##0_);(#,##0)', false],
  ['0.00E+00', false],
])('%s shows a date: %s', (format, date) => {
  expect(isDateFormat(format)).toBe(date);
});

it('an h:mm cell is the same number through the Office.js reader and the CLI reader; a date cell the same text', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Giờ');
  ws.getCell('A1').value = 'Tên';
  ws.getCell('B1').value = 0.5;
  ws.getCell('B1').numFmt = 'h:mm';
  ws.getCell('C1').value = 45292;
  ws.getCell('C1').numFmt = 'dd/mm/yyyy';
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const read = readWorkbookBytes(bytes, 'gio.xlsx');
  if (!read.ok) throw new Error(read.error.code);
  const cli = read.grid.sheets[0].values[0];
  expect(cli).toEqual(['Tên', 0.5, '01/01/2024']);
  expect([toCellValue('Tên', 'General'), toCellValue(0.5, 'h:mm'), toCellValue(45292, 'dd/mm/yyyy')]).toEqual(cli);
});
