/**
 * The annotated copy with hand-built plans on a hand-built workbook: values never change, marks
 * and notes are exactly the plan's, a second annotation replaces the first (never doubles), and
 * clearing restores the fills and notes that were there before, cell for cell.
 */
import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MARK_FILL, STATE_SHEET, type AnnotationPlan, type CellMark, type MarkKind } from '../../../src/core/annotationPlan';
import { parseA1 } from '../../../src/core/grid';
import { renderMessage } from '../../../src/core/messages/render';
import { readState, stateRows, type AnnotationBackup, type WorkbookState } from '../../../src/core/state';
import { writeAnnotatedCopy } from '../../support/annotatedCopy';
import { composeNote } from '../../../src/core/marks';
import { SafeWriteError } from '../../../src/cli/safeWrite';
import { readWorkbook as readWorkbookFile } from '../../../src/xlsx/read';

const RESULT = 'Kết quả xét khen thưởng';
const YELLOW: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
const GRADIENT: ExcelJS.Fill = { type: 'gradient', gradient: 'angle', degree: 90, stops: [{ position: 0, color: { argb: 'FF0000FF' } }, { position: 1, color: { argb: 'FFFFFFFF' } }] };
const SAVED: WorkbookState = { profile: { name: 'Bộ tiêu chí thử' }, overrides: [{ sheet: 'Tập thể', headerRow: 3 }] };

let dir: string;
let input: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-plan-'));
  input = path.join(dir, 'input.xlsx');
  await fixture(input, SAVED);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A tracking workbook with everything a user may have: formulas, rich text, merges, notes and fills of their own. */
async function fixture(file: string, state: WorkbookState | null): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tập thể');
  ws.getCell('A1').value = 'BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA CCHC NĂM 2022';
  ws.mergeCells('A1:E1');
  ws.addRow([]);
  ws.addRow(['STT', 'Tên đơn vị', 'Chỉ số SIPAS (%)', 'Xếp loại PAR Index', 'Sáng kiến']);
  ws.addRow([1, 'Phòng Nội vụ', 0.95, 'Tốt', 'QĐ số 125/QĐ-UBND']);
  ws.addRow([2, 'Phòng Tư pháp', { formula: '1/0', result: { error: '#DIV/0!' } }, { richText: [{ text: 'Tố', font: { bold: true } }, { text: 't' }] }, 'x']);
  ws.addRow([3, 'UBND xã Ninh Xuân', { formula: 'C4', result: 0.95 }, 'Khá', { text: 'QĐ 7', hyperlink: 'https://example.org/qd7' }]);
  ws.addRow([4, 'UBND phường Ninh Hiệp', 0.9, new Date(Date.UTC(2022, 10, 15)), null]);
  for (let r = 4; r <= 7; r++) ws.getCell(`C${r}`).numFmt = '0.0%';
  // One shared style for the whole name column (exceljs then shares the style object on reading).
  for (let r = 4; r <= 7; r++) ws.getCell(`B${r}`).font = { name: 'Times New Roman', bold: true };
  ws.getCell('B4').fill = YELLOW;
  ws.getCell('B4').note = 'Ghi chú cũ của người dùng';
  ws.getCell('B5').fill = GRADIENT;
  ws.getCell('B6').note = { texts: [{ text: 'Ghi chú ', font: { bold: true } }, { text: 'nhiều định dạng' }] } as ExcelJS.Comment;
  ws.getRow(6).hidden = true;
  const people = wb.addWorksheet('Cá nhân');
  people.addRow(['Họ và tên', 'Đơn vị công tác', 'Chỉ số SIPAS (%)']);
  people.addRow(['Nguyễn Thị Thu Hà', 'Phòng Nội vụ', 96.5]);
  const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
  hidden.getCell('A1').value = 'dữ liệu ẩn';
  if (state) {
    const s = wb.addWorksheet(STATE_SHEET, { state: 'hidden' });
    for (const row of stateRows(state)) s.addRow(row);
  }
  await wb.xlsx.writeFile(file);
}

function mark(sheet: string, cell: string, kind: MarkKind, note: string): CellMark {
  const p = parseA1(cell)!;
  return { sheet, cell, row: p.row, col: p.col, kind, note };
}

function plan(marks: CellMark[], rowKinds: (MarkKind | null)[] = ['proposed', 'fail']): AnnotationPlan {
  return {
    marks,
    resultSheet: {
      name: RESULT,
      title: ['KẾT QUẢ XÉT KHEN THƯỞNG', 'Bộ tiêu chí: Bộ tiêu chí thử'],
      header: ['Hạng', 'Loại', 'Tên tập thể / Họ và tên', 'Đơn vị', 'Chỉ số SIPAS', 'Kết quả', 'Đề nghị', 'Lý do', 'Vị trí'],
      rows: [
        [1, 'Tập thể', 'Phòng Nội vụ', '', '✓ 95%', 'Đạt', 'Giấy khen', '', 'Tập thể!B4'],
        [null, 'Tập thể', 'Phòng Tư pháp', '', '? ', 'Thiếu dữ liệu', '', 'Chỉ số SIPAS: lỗi công thức', 'Tập thể!B5'],
      ].slice(0, rowKinds.length),
      rowKinds,
      footer: ['Giấy khen: 1/10 tập thể, 0/10 cá nhân', 'Chú thích: ✓ đạt · ✗ không đạt · ? thiếu dữ liệu.'],
      widths: [6, 10, 34, 26, 14, 14, 30, 60, 16],
    },
  };
}

const PLAN_A = plan([
  mark('Tập thể', 'B4', 'proposed', 'Đề nghị Giấy khen (hạng 1).'),
  mark('Tập thể', 'B5', 'fail', 'Chưa đủ điều kiện:\n- Chỉ số SIPAS: lỗi công thức'),
  mark('Tập thể', 'C5', 'unknown', 'Chỉ số SIPAS: Lỗi công thức (#DIV/0!): sửa công thức của ô này.'),
  mark('Tập thể', 'B6', 'info', 'Chưa đủ điều kiện:\n- Xếp loại PAR Index: Khá'),
  mark('Tập thể', 'E7', 'fail', 'Sáng kiến: chưa có.'),
  mark('Cá nhân', 'A2', 'proposed', 'Đề nghị Giấy khen (hạng 1).'),
]);
const PLAN_B = plan(
  [
    mark('Tập thể', 'B4', 'fail', 'Chỉ số SIPAS: không đạt.'),
    mark('Tập thể', 'C4', 'unknown', 'Chỉ số SIPAS: thiếu dữ liệu.'),
    mark('Tập thể', 'E7', 'fail', 'Sáng kiến: chưa có.'),
  ],
  ['fail'],
);

/** A note as exceljs gives it (a string, or { texts: [{ text }] } when read from a file) → plain text. */
function noteText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : null;
}

async function readOf(file: string) {
  const r = await readWorkbookFile(file);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { grid: r.grid, state: readState(r.grid) };
}

const stateOf = async (file: string) => (await readOf(file)).state;

async function annotate(from: string, p: AnnotationPlan | null, name: string): Promise<string> {
  const out = path.join(dir, name);
  await writeAnnotatedCopy(from, p, await readOf(from), out);
  return out;
}

/** Clears `file` into a new file; returns it and the state left. */
async function clear(file: string, name: string) {
  const out = path.join(dir, name);
  const written = await writeAnnotatedCopy(file, null, await readOf(file), out);
  return { out, rest: written.state };
}

async function reread(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const json = (x: unknown) => (x === undefined ? undefined : JSON.parse(JSON.stringify(x)));

/** Every cell of the given sheets: its value (formulas included), fill and note, as plain data. */
function picture(wb: ExcelJS.Workbook, sheets: string[]) {
  const out: Record<string, unknown> = {};
  for (const name of sheets) {
    const ws = wb.getWorksheet(name)!;
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        out[`${name}!${r}:${c}`] = { v: json(cell.value ?? null), fill: json(cell.style?.fill), note: json(cell.note) };
      }),
    );
  }
  return out;
}

function valuesOf(wb: ExcelJS.Workbook, sheets: string[]) {
  // A cell that only got a fill or a note exists in exceljs with a null value: not a value.
  return Object.fromEntries(Object.entries(picture(wb, sheets)).map(([k, x]) => [k, (x as { v: unknown }).v]).filter(([, v]) => v !== null));
}

const ORIGINAL_SHEETS = ['Tập thể', 'Cá nhân', 'Ẩn'];
const argbOf = (cell: ExcelJS.Cell) => (cell.style?.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const backupOf = async (file: string) => (await stateOf(file)).annotationBackup as AnnotationBackup;
const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

describe('one annotation', () => {
  let out: string;
  let wb: ExcelJS.Workbook;
  let inputHash: string;

  beforeAll(async () => {
    inputHash = await sha(input);
    out = await annotate(input, PLAN_A, path.join('nested', 'new folder', 'đã đánh dấu.xlsx'));
    wb = await reread(out);
  });

  test('the copy is written (its folder created), the input is untouched, no temporary file is left', async () => {
    expect(await sha(input)).toBe(inputHash);
    expect(await fs.readdir(path.dirname(out))).toEqual(['đã đánh dấu.xlsx']);
  });

  test('every cell value of every original sheet is identical (formulas, rich text, dates, links, hidden)', async () => {
    expect(valuesOf(wb, ORIGINAL_SHEETS)).toEqual(valuesOf(await reread(input), ORIGINAL_SHEETS));
    expect(wb.getWorksheet('Tập thể')!.getCell('C5').formula).toBe('1/0');
    expect(wb.getWorksheet('Tập thể')!.getRow(6).hidden).toBe(true);
    expect(wb.getWorksheet('Tập thể')!.getCell('C4').numFmt).toBe('0.0%');
  });

  test('each mark has its colour (none for info) and exactly the plan note', async () => {
    const ws = wb.getWorksheet('Tập thể')!;
    const original = await reread(input);
    const orig = original.getWorksheet('Tập thể')!;
    for (const m of PLAN_A.marks) {
      const cell = wb.getWorksheet(m.sheet)!.getCell(m.cell);
      // A user's note stays, ours after a separator.
      const user = noteText(original.getWorksheet(m.sheet)!.getCell(m.cell).note);
      expect(noteText(cell.note)).toBe(composeNote(user, m.note));
      const color = MARK_FILL[m.kind];
      if (color) expect(argbOf(cell)).toBe(`FF${color.slice(1)}`);
    }
    // 'info' has no fill of its own: the user's (none) stays.
    expect(json(ws.getCell('B6').style.fill)).toEqual(json(orig.getCell('B6').style.fill));
    expect(argbOf(ws.getCell('B6'))).toBeUndefined();
    // Cells that shared a style with a marked cell keep their own look; fonts of marked cells are kept.
    expect(json(ws.getCell('B7').style.fill)).toEqual(json(orig.getCell('B7').style.fill));
    expect(argbOf(ws.getCell('B7'))).toBeUndefined();
    // C4…C7 share one number-format style; only C5 is marked.
    expect([argbOf(ws.getCell('C4')), argbOf(ws.getCell('C6')), argbOf(ws.getCell('C7'))]).toEqual([undefined, undefined, undefined]);
    expect(ws.getCell('B4').font?.bold).toBe(true);
  });

  test('the result sheet: titles, a bold filled header, coloured result column, frozen header, widths, footer', () => {
    const rs = wb.getWorksheet(RESULT)!;
    expect(rs.getCell('A1').value).toBe('KẾT QUẢ XÉT KHEN THƯỞNG');
    expect(rs.getCell('A1').font?.bold).toBe(true);
    const header = rs.getRow(4);
    expect(header.getCell(3).value).toBe('Tên tập thể / Họ và tên');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(argbOf(header.getCell(9))).toBe('FFD9E1F2');
    expect(header.getCell(9).border?.bottom?.style).toBe('thin');
    expect(rs.getCell('C5').value).toBe('Phòng Nội vụ');
    expect(argbOf(rs.getCell('F5'))).toBe('FFC6EFCE');
    expect(argbOf(rs.getCell('F6'))).toBe('FFFFC7CE');
    expect(argbOf(rs.getCell('E5'))).toBeUndefined();
    expect(rs.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(rs.getColumn(8).width).toBe(60);
    expect(rs.getCell('A8').value).toBe('Giấy khen: 1/10 tập thể, 0/10 cá nhân');
  });

  test('the hidden state sheet keeps the saved profile and overrides and adds the backup of what was replaced', async () => {
    // Ours are appended after the sheets the workbook had (its state sheet was one of them).
    expect(wb.worksheets.map((w) => w.name)).toEqual([...ORIGINAL_SHEETS, STATE_SHEET, RESULT]);
    expect(wb.getWorksheet(STATE_SHEET)!.state).toBe('veryHidden');
    const state = await stateOf(out);
    expect(state.profile).toEqual(SAVED.profile);
    expect(state.overrides).toEqual(SAVED.overrides);
    const backup = state.annotationBackup as AnnotationBackup;
    expect(backup).toMatchObject({ version: 1, resultSheet: RESULT, noteMode: 'notes' });
    const cell = (a: string) => backup.cells.find((c) => c.sheet === 'Tập thể' && c.cell === a)!;
    expect(cell('B4')).toMatchObject({ fill: '#FFFF00', note: 'Ghi chú cũ của người dùng' });
    expect(cell('B5')).toMatchObject({ fill: null, note: null }); // a gradient is no solid colour…
    expect(cell('B5').exact!.fill).toMatch(/^<fill><gradientFill degree="90">.*FF0000FF.*<\/fill>$/); // …but is kept exactly, as written
    expect(cell('B6')).toMatchObject({ fill: null, note: 'Ghi chú nhiều định dạng' });
    expect(cell('E7')).toMatchObject({ fill: null, note: null });
    expect(backup.cells).toHaveLength(PLAN_A.marks.length);
  });
});

describe('annotating an annotated copy', () => {
  test('with the same plan: the same workbook as after one annotation (nothing doubled)', async () => {
    const once = await annotate(input, PLAN_A, 'a1.xlsx');
    const twice = await annotate(once, PLAN_A, 'a2.xlsx');
    const thrice = await annotate(twice, PLAN_A, 'a3.xlsx');
    const [w1, w3] = [await reread(once), await reread(thrice)];
    expect(w3.worksheets.map((w) => w.name)).toEqual(w1.worksheets.map((w) => w.name));
    expect(picture(w3, [...ORIGINAL_SHEETS, RESULT])).toEqual(picture(w1, [...ORIGINAL_SHEETS, RESULT]));
    expect(await backupOf(thrice)).toEqual(await backupOf(once));
  });

  test('with another plan: the previous marks are gone, notes are not concatenated, the backup holds the ORIGINAL fills and notes', async () => {
    const first = await annotate(input, PLAN_A, 'b1.xlsx');
    const secondFile = await annotate(first, PLAN_B, 'b2.xlsx');
    const second = await reread(secondFile);
    const original = await reread(input);
    const ws = second.getWorksheet('Tập thể')!;
    const orig = original.getWorksheet('Tập thể')!;
    expect(noteText(ws.getCell('B4').note)).toBe(composeNote('Ghi chú cũ của người dùng', 'Chỉ số SIPAS: không đạt.'));
    expect(argbOf(ws.getCell('B4'))).toBe('FFFFC7CE');
    // Marked by A only: back to what the user had.
    for (const a of ['B5', 'C5', 'B6']) {
      expect(json(ws.getCell(a).style.fill)).toEqual(json(orig.getCell(a).style.fill));
      expect(json(ws.getCell(a).note)).toEqual(json(orig.getCell(a).note));
    }
    expect(json(second.getWorksheet('Cá nhân')!.getCell('A2').note)).toBeUndefined();
    expect(second.worksheets.filter((w) => w.name === RESULT)).toHaveLength(1);
    expect(second.worksheets.filter((w) => w.name === STATE_SHEET)).toHaveLength(1);
    expect(second.getWorksheet(RESULT)!.getCell('C6').value).toBeNull(); // B's one row, not A's two
    const backup = await backupOf(secondFile);
    // The stored backup groups cells (format 2): their order is not kept.
    expect(backup.cells.map((c) => c.cell).sort()).toEqual(['B4', 'C4', 'E7']);
    expect(backup.cells.find((c) => c.cell === 'B4')).toMatchObject({ fill: '#FFFF00', note: 'Ghi chú cũ của người dùng' });
    expect(backup.cells.find((c) => c.cell === 'C4')).toMatchObject({ fill: null, note: null });
    expect(valuesOf(second, ORIGINAL_SHEETS)).toEqual(valuesOf(original, ORIGINAL_SHEETS));
  });
});

describe('clearing', () => {
  test('after annotating twice: every cell as before (values, fills, notes), our sheets gone, the saved state kept', async () => {
    const twice = await annotate(await annotate(input, PLAN_A, 'c1.xlsx'), PLAN_B, 'c2.xlsx');
    const { out: cleared, rest } = await clear(twice, 'cleared.xlsx');
    expect(rest).toEqual(SAVED);
    const after = await reread(cleared);
    const before = await reread(input);
    expect(picture(after, ORIGINAL_SHEETS)).toEqual(picture(before, ORIGINAL_SHEETS));
    expect(after.worksheets.map((w) => w.name)).toEqual([...ORIGINAL_SHEETS, STATE_SHEET]);
    expect(await stateOf(cleared)).toEqual(SAVED);
  });

  test('when the workbook held no state before, the state sheet goes too', async () => {
    const bare = path.join(dir, 'bare.xlsx');
    await fixture(bare, null);
    const { out, rest } = await clear(await annotate(bare, PLAN_A, 'bare-annotated.xlsx'), 'bare-cleared.xlsx');
    expect(rest).toEqual({});
    expect((await reread(out)).worksheets.map((w) => w.name)).toEqual(ORIGINAL_SHEETS);
  });

  test('nothing to clear: nothing changes', async () => {
    const { out, rest } = await clear(input, 'nothing-to-clear.xlsx');
    expect(rest).toEqual(SAVED);
    const wb = await reread(out);
    expect(picture(wb, ORIGINAL_SHEETS)).toEqual(picture(await reread(input), ORIGINAL_SHEETS));
    expect(wb.getWorksheet(STATE_SHEET)).toBeDefined();
  });

  test('a backup written by the add-in (colours and texts only) is restored too', async () => {
    const before = await reread(input);
    const c4 = before.getWorksheet('Tập thể')!.getCell('C4');
    c4.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
    c4.note = 'ghi chú của tiện ích';
    const state: WorkbookState = {
      ...SAVED,
      annotationBackup: { version: 1, cells: [{ sheet: 'Tập thể', cell: 'C4', fill: '#00B050', note: 'ghi chú của người dùng' }, { sheet: 'Tập thể', cell: 'B4', fill: null, note: null }], resultSheet: null, noteMode: 'notes' },
    };
    const st = before.getWorksheet(STATE_SHEET)!;
    before.removeWorksheet(st.id);
    const ws2 = before.addWorksheet(STATE_SHEET, { state: 'hidden' });
    for (const row of stateRows(state)) ws2.addRow(row);
    const byAddin = path.join(dir, 'by-addin.xlsx');
    await before.xlsx.writeFile(byAddin);
    const { out, rest } = await clear(byAddin, 'by-addin-cleared.xlsx');
    expect(rest).toEqual(SAVED);
    const wb = await reread(out);
    const cell = wb.getWorksheet('Tập thể')!.getCell('C4');
    expect(argbOf(cell)).toBe('FF00B050');
    expect(noteText(cell.note)).toBe('ghi chú của người dùng');
    expect(argbOf(wb.getWorksheet('Tập thể')!.getCell('B4'))).toBeUndefined();
    expect(wb.getWorksheet('Tập thể')!.getCell('B4').note).toBeUndefined();
  });
});

test("a sheet of the user's that has the result sheet's name is never removed", async () => {
  const own = path.join(dir, 'own.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Tập thể').getCell('B4').value = 'Phòng Nội vụ';
  wb.addWorksheet(RESULT).getCell('A1').value = 'Bảng của tôi';
  await wb.xlsx.writeFile(own);
  const once = await annotate(own, plan([mark('Tập thể', 'B4', 'proposed', 'Đề nghị')]), 'own-1.xlsx');
  const twiceFile = await annotate(once, plan([mark('Tập thể', 'B4', 'fail', 'Không đạt')]), 'own-2.xlsx');
  const twice = await reread(twiceFile);
  expect(twice.worksheets.map((w) => w.name)).toEqual(['Tập thể', RESULT, `${RESULT} (2)`, STATE_SHEET]);
  expect(twice.getWorksheet(RESULT)!.getCell('A1').value).toBe('Bảng của tôi');
  expect((await backupOf(twiceFile)).resultSheet).toBe(`${RESULT} (2)`);
  const { out } = await clear(twiceFile, 'own-cleared.xlsx');
  expect((await reread(out)).worksheets.map((w) => w.name)).toEqual(['Tập thể', RESULT]);
});

test('a copy that cannot be written is a message (write.failed, in words), not a crash, and leaves no partial file', async () => {
  const read = await readOf(input);
  const blocked = path.join(dir, 'blocked');
  await fs.mkdir(path.join(blocked, 'out.xlsx'), { recursive: true }); // a folder where the file should go
  const err = await writeAnnotatedCopy(input, PLAN_A, read, path.join(blocked, 'out.xlsx')).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SafeWriteError);
  const data = (err as SafeWriteError).data;
  expect(data.code).toBe('write.failed');
  expect(renderMessage(data, 'vi')).toMatch(/^Không ghi được tệp ".*out\.xlsx": đây là một thư mục, không phải tệp \(EISDIR\)\.$/);
  expect(await fs.readdir(blocked)).toEqual(['out.xlsx']);
});

describe('the stored backup: compact (format 2), and the per-cell format 1 of earlier versions', () => {
  test('the state sheet holds the compact format (3), the user’s fills and notes kept', async () => {
    const file = path.join(dir, 'stored-2.xlsx');
    await fixture(file, SAVED);
    const annotatedFile = await annotate(file, PLAN_A, 'stored-2-annotated.xlsx');
    const wb = await reread(annotatedFile);
    const row = wb.getWorksheet(STATE_SHEET)!.getRows(1, 10)!.find((r) => r.getCell(1).value === 'annotationBackup')!;
    const text = (row.values as unknown[]).slice(2).filter((v) => typeof v === 'string').join('');
    const stored = JSON.parse(text);
    expect(stored).toMatchObject({ version: 3, resultSheet: RESULT, noteMode: 'notes' });
    // Addresses are kept as hints (the column of each field, the row of each candidate).
    const cells = (await backupOf(annotatedFile)).cells;
    expect(cells.some((c) => c.sheet === 'Tập thể' && c.cell === 'E7')).toBe(true);
    expect(cells).toHaveLength(PLAN_A.marks.length);
  });

  test('a workbook whose state sheet holds format 1 (an earlier version) is cleared exactly, and re-annotated without doubling', async () => {
    const file = path.join(dir, 'stored-1.xlsx');
    await fixture(file, SAVED);
    // Annotate, then rewrite the backup on the state sheet in the old per-cell format.
    const annotatedFile = await annotate(file, PLAN_A, 'stored-1-annotated.xlsx');
    const annotated = await reread(annotatedFile);
    const backup = await backupOf(annotatedFile);
    const ws = annotated.getWorksheet(STATE_SHEET)!;
    ws.eachRow((r) => {
      if (r.getCell(1).value !== 'annotationBackup') return;
      r.values = ['annotationBackup', JSON.stringify(backup)];
    });
    expect(JSON.parse(String(ws.getRows(1, 10)!.find((r) => r.getCell(1).value === 'annotationBackup')!.getCell(2).value)).version).toBe(1);
    const old = path.join(dir, 'stored-1-old.xlsx');
    await annotated.xlsx.writeFile(old);
    const again = await stateOf(await annotate(old, PLAN_A, 'stored-1-again.xlsx'));
    expect((again.annotationBackup as AnnotationBackup).cells).toHaveLength(PLAN_A.marks.length);
    const { out: cleared, rest } = await clear(old, 'stored-1-cleared.xlsx');
    expect(rest).toEqual(SAVED);
    expect(picture(await reread(cleared), ORIGINAL_SHEETS)).toEqual(picture(await reread(file), ORIGINAL_SHEETS));
  });
});
