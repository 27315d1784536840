/** Recorded values written into the history sheet's text (src/xlsx/patch/record.ts). */
import { writeValues } from '../../../src/xlsx/patch/record';
import { sheet } from './sheet';

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

