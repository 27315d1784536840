/** Nothing lost, on the sample workbook with the real analysis: no value changes, nothing doubles, clearing restores exactly. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import { STATE_SHEET } from '../../src/core/annotationPlan';
import { readState } from '../../src/core/state';
import { writeAnnotatedCopy } from '../support/annotatedCopy';
import { composeNote } from '../../src/core/marks';
import { readWorkbook as readWorkbookFile } from '../../src/xlsx/read';

const SAMPLE = path.resolve(__dirname, '../../templates/mau-theo-doi-thi-dua-cchc.xlsx');
let dir: string;
let input: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-ann-'));
  // A fill and a note the user had before, on a cell the product will mark.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.getWorksheet('Tập thể')!;
  ws.getCell('C12').style = { ...ws.getCell('C12').style, fill: { type: 'gradient', gradient: 'angle', degree: 0, stops: [{ position: 0, color: { argb: 'FF0000FF' } }, { position: 1, color: { argb: 'FFFFFFFF' } }] } };
  ws.getCell('C12').note = 'Ghi chú của người dùng: số liệu quý IV.';
  input = path.join(dir, 'input.xlsx');
  await wb.xlsx.writeFile(input);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every cell of every sheet: value, fill, note — the picture "cell for cell". */
function picture(wb: ExcelJS.Workbook, sheets?: string[]) {
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    if (sheets && !sheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const note = cell.note === undefined ? undefined : JSON.parse(JSON.stringify(cell.note));
        out[`${ws.name}!${r}:${c}`] = { v: JSON.parse(JSON.stringify(cell.value ?? null)), fill: cell.style?.fill ? JSON.parse(JSON.stringify(cell.style.fill)) : undefined, note };
      }),
    );
  }
  return out;
}

function values(wb: ExcelJS.Workbook, sheets: string[]) {
  const p = picture(wb, sheets);
  return Object.fromEntries(Object.entries(p).map(([k, x]) => [k, (x as { v: unknown }).v]).filter(([, v]) => v !== null));
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Analyses `from` and writes its annotated copy (plan) or its cleared copy (no plan). */
async function copy(from: string, name: string, clear = false) {
  const r = await readWorkbookFile(from);
  if (!r.ok) throw new Error(r.error.code);
  const a = analyze(r.grid, { lang: 'vi' });
  const out = path.join(dir, name);
  const written = await writeAnnotatedCopy(from, clear ? null : a.plan, { grid: r.grid, state: a.state }, out);
  return { out, plan: a.plan, state: written.state };
}

const ORIGINAL = ['Tập thể', 'Cá nhân', 'Lịch sử khen thưởng', 'Ghi chú'];

test('every cell value of every original sheet is identical after annotation (re-opened file)', async () => {
  const { out, plan } = await copy(input, 'annotated.xlsx');
  const again = await open(out);
  expect(values(again, ORIGINAL)).toEqual(values(await open(input), ORIGINAL));
  // And the annotations are there: fills on marked cells, notes, the result sheet, the hidden state.
  const failing = plan.marks.find((m) => m.kind === 'fail' && m.cell === 'C12')!;
  const cell = again.getWorksheet(failing.sheet)!.getCell(failing.cell);
  expect((cell.style.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  expect(JSON.stringify(cell.note)).toContain('không đạt');
  // The user's note is still there, ours after it.
  const text = (cell.note as unknown as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
  expect(text).toBe(composeNote('Ghi chú của người dùng: số liệu quý IV.', failing.note));
  expect(again.getWorksheet('Kết quả xét khen thưởng')!.rowCount).toBeGreaterThan(30);
  expect(again.getWorksheet(STATE_SHEET)!.state).toBe('veryHidden');
  // Cells sharing a style with a marked cell keep their own look.
  const neighbour = again.getWorksheet('Tập thể')!.getCell('B8');
  expect(neighbour.style.fill?.type === 'pattern' && (neighbour.style.fill as ExcelJS.FillPattern).fgColor?.argb === 'FFFFC7CE').toBe(false);
});

test('annotating an already annotated copy does not double anything', async () => {
  const once = await copy(input, 'once.xlsx');
  const twice = await copy(once.out, 'twice.xlsx');
  const [w1, w2] = [await open(once.out), await open(twice.out)];
  expect(w2.worksheets.filter((w) => w.name === 'Kết quả xét khen thưởng')).toHaveLength(1);
  expect(w2.worksheets.filter((w) => w.name === STATE_SHEET)).toHaveLength(1);
  expect(picture(w2)).toEqual(picture(w1));
  // The backup still holds the user's ORIGINAL note, not ours.
  const r = await readWorkbookFile(twice.out);
  if (!r.ok) throw new Error('read');
  const backup = readState(r.grid).annotationBackup as { cells: { cell: string; sheet: string; note: string | null }[] };
  expect(backup.cells.find((c) => c.sheet === 'Tập thể' && c.cell === 'C12')!.note).toBe('Ghi chú của người dùng: số liệu quý IV.');
});

test('clearing after annotation restores the workbook cell for cell (values, fills, notes)', async () => {
  const once = await copy(input, 'to-clear.xlsx');
  expect(Object.keys(once.state)).toContain('annotationBackup');
  const cleared = await copy(once.out, 'cleared.xlsx', true);
  expect(cleared.state.annotationBackup).toBeUndefined();
  const wb = await open(cleared.out);
  // Nothing else was stored in this workbook: the state sheet we added goes too.
  expect(wb.getWorksheet(STATE_SHEET)).toBeUndefined();
  expect(picture(wb)).toEqual(picture(await open(input)));
  expect(wb.worksheets.map((w) => w.name)).toEqual(ORIGINAL);
});

test('beside a user sheet named "Kết quả xét khen thưởng", ours is "… (2)", never read back as a table, and nothing doubles', async () => {
  const wb = await open(SAMPLE);
  wb.addWorksheet('Kết quả xét khen thưởng').getCell('A1').value = 'Của tôi';
  const own = path.join(dir, 'own.xlsx');
  await wb.xlsx.writeFile(own);
  const first = await copy(own, 'own-sheet-once.xlsx');
  const once = await open(first.out);
  expect(once.getWorksheet('Kết quả xét khen thưởng')!.getCell('A1').value).toBe('Của tôi');
  expect(once.getWorksheet('Kết quả xét khen thưởng (2)')!.rowCount).toBeGreaterThan(30);
  const r1 = await readWorkbookFile(own);
  const r2 = await readWorkbookFile(first.out);
  if (!r1.ok || !r2.ok) throw new Error('read');
  const [a1, a2] = [analyze(r1.grid, { lang: 'vi' }), analyze(r2.grid, { lang: 'vi' })];
  expect(a2.result.tables.map((t) => t.sheet)).toEqual(a1.result.tables.map((t) => t.sheet));
  expect(a2.result.candidates.length).toBe(a1.result.candidates.length);
  const twice = await open((await copy(first.out, 'own-sheet-twice.xlsx')).out);
  expect(twice.worksheets.map((w) => w.name).filter((n) => n.startsWith('Kết quả'))).toEqual(['Kết quả xét khen thưởng', 'Kết quả xét khen thưởng (2)']);
  expect(twice.getWorksheet('Kết quả xét khen thưởng')!.getCell('A1').value).toBe('Của tôi');
});
