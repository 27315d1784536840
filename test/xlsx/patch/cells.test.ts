/** Cell records edited in a worksheet's text (src/xlsx/patch/cells.ts) on hand-written parts: the edge cases real writers produce. */
import { cellInfo, editCells, scanSheet } from '../../../src/xlsx/patch/cells';
import { sheet } from './sheet';

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

