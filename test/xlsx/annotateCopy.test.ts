/** Nothing lost, on the sample workbook with the real analysis: no value changes, nothing doubles, clearing restores exactly. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import { STATE_SHEET } from '../../src/core/annotationPlan';
import { readState } from '../../src/core/state';
import { applyPlan, clearAnnotations } from '../../src/xlsx/annotateCopy';
import { gridOf, readWorkbookFile } from '../../src/xlsx/readWorkbook';

const SAMPLE = path.resolve(__dirname, '../../templates/mau-theo-doi-thi-dua-cchc.xlsx');
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-ann-'));
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

async function reopen(wb: ExcelJS.Workbook, name: string): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  const again = new ExcelJS.Workbook();
  await again.xlsx.readFile(file);
  return again;
}

async function annotatedSample() {
  const r = await readWorkbookFile(SAMPLE);
  if (!r.ok) throw new Error('sample');
  // A fill and a note the user had before, on cells the product will mark.
  const ws = r.workbook.getWorksheet('Tập thể')!;
  ws.getCell('C12').style = { ...ws.getCell('C12').style, fill: { type: 'gradient', gradient: 'angle', degree: 0, stops: [{ position: 0, color: { argb: 'FF0000FF' } }, { position: 1, color: { argb: 'FFFFFFFF' } }] } };
  ws.getCell('C12').note = 'Ghi chú của người dùng: số liệu quý IV.';
  const before = picture(r.workbook);
  const originalSheets = r.workbook.worksheets.map((w) => w.name);
  const a = analyze(gridOf(r.workbook), { lang: 'vi' });
  const state = applyPlan(r.workbook, a.plan, a.state);
  return { wb: r.workbook, before, originalSheets, plan: a.plan, state };
}

test('every cell value of every original sheet is identical after annotation (re-opened file)', async () => {
  const { wb, originalSheets, plan } = await annotatedSample();
  const original = await readWorkbookFile(SAMPLE);
  if (!original.ok) throw new Error('sample');
  const again = await reopen(wb, 'annotated.xlsx');
  expect(values(again, originalSheets)).toEqual(values(original.workbook, originalSheets));
  // And the annotations are there: fills on marked cells, notes, the result sheet, the hidden state.
  const failing = plan.marks.find((m) => m.kind === 'fail' && m.cell === 'C12')!;
  const cell = again.getWorksheet(failing.sheet)!.getCell(failing.cell);
  expect((cell.style.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  expect(JSON.stringify(cell.note)).toContain('không đạt');
  expect(again.getWorksheet('Kết quả xét khen thưởng')!.rowCount).toBeGreaterThan(30);
  expect(again.getWorksheet(STATE_SHEET)!.state).toBe('hidden');
  // Cells sharing a style with a marked cell keep their own look (exceljs shares style objects).
  const neighbour = again.getWorksheet('Tập thể')!.getCell('B8');
  expect(neighbour.style.fill?.type === 'pattern' && (neighbour.style.fill as ExcelJS.FillPattern).fgColor?.argb === 'FFFFC7CE').toBe(false);
});

test('annotating an already annotated copy does not double anything', async () => {
  const first = await annotatedSample();
  const once = await reopen(first.wb, 'once.xlsx');
  const a = analyze(gridOf(once), { lang: 'vi' });
  applyPlan(once, a.plan, a.state);
  const twice = await reopen(once, 'twice.xlsx');
  expect(twice.worksheets.filter((w) => w.name === 'Kết quả xét khen thưởng')).toHaveLength(1);
  expect(twice.worksheets.filter((w) => w.name === STATE_SHEET)).toHaveLength(1);
  expect(picture(twice)).toEqual(picture(await reopen(first.wb, 'once-again.xlsx')));
  // The backup still holds the user's ORIGINAL note, not our note.
  const backup = readState(gridOf(twice)).annotationBackup as { cells: { cell: string; sheet: string; note: string | null }[] };
  expect(backup.cells.find((c) => c.sheet === 'Tập thể' && c.cell === 'C12')!.note).toBe('Ghi chú của người dùng: số liệu quý IV.');
});

test('clearing after annotation restores the workbook cell for cell (values, fills, notes)', async () => {
  const { wb, before, state } = await annotatedSample();
  const reopened = await reopen(wb, 'to-clear.xlsx');
  const st = readState(gridOf(reopened));
  expect(st.annotationBackup).toBeDefined();
  const rest = clearAnnotations(reopened, st);
  expect(rest.annotationBackup).toBeUndefined();
  expect(Object.keys(state)).toContain('annotationBackup');
  // Nothing else was stored in this workbook: the state sheet we added goes too.
  expect(reopened.getWorksheet(STATE_SHEET)).toBeUndefined();
  const cleared = await reopen(reopened, 'cleared.xlsx');
  expect(picture(cleared)).toEqual(before);
  expect(cleared.worksheets.map((w) => w.name)).toEqual(['Tập thể', 'Cá nhân', 'Lịch sử khen thưởng', 'Ghi chú']);
});

test('beside a user sheet named "Kết quả xét khen thưởng", ours is "… (2)", never read back as a table, and nothing doubles', async () => {
  const r = await readWorkbookFile(SAMPLE);
  if (!r.ok) throw new Error('sample');
  r.workbook.addWorksheet('Kết quả xét khen thưởng').getCell('A1').value = 'Của tôi';
  const first = analyze(gridOf(r.workbook), { lang: 'vi' });
  applyPlan(r.workbook, first.plan, first.state);
  const once = await reopen(r.workbook, 'own-sheet-once.xlsx');
  expect(once.getWorksheet('Kết quả xét khen thưởng')!.getCell('A1').value).toBe('Của tôi');
  expect(once.getWorksheet('Kết quả xét khen thưởng (2)')!.rowCount).toBeGreaterThan(30);
  const again = analyze(gridOf(once), { lang: 'vi' });
  expect(again.result.tables.map((t) => t.sheet)).toEqual(first.result.tables.map((t) => t.sheet));
  expect(again.result.candidates.length).toBe(first.result.candidates.length);
  applyPlan(once, again.plan, again.state);
  const twice = await reopen(once, 'own-sheet-twice.xlsx');
  expect(twice.worksheets.map((w) => w.name).filter((n) => n.startsWith('Kết quả'))).toEqual(['Kết quả xét khen thưởng', 'Kết quả xét khen thưởng (2)']);
  expect(twice.getWorksheet('Kết quả xét khen thưởng')!.getCell('A1').value).toBe('Của tôi');
});
