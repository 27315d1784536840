/** Edge cases of the writing side: hostile text, state saved between annotate and clear, mode changes. */
import { analyze } from '../../src/core/analyze';
import { parseA1 } from '../../src/core/grid';
import { MARK_FILL, STATE_SHEET } from '../../src/core/annotationPlan';
import { composeNote } from '../../src/core/marks';
import { annotateWorkbook, clearWorkbook, saveState, checkWorkbook } from '../../src/excel/session';
import { fromGrid, releaseHost, sampleGrid, useHost } from './support';

afterEach(releaseHost);

it('writes workbook text that looks like a formula as text, never as a formula', async () => {
  const grid = await sampleGrid();
  const first = analyze(grid, { lang: 'vi' }).result.candidates[0];
  const sheet = grid.sheets.find((s) => s.name === first.sheet)!;
  const pos = parseA1(first.nameCell)!;
  sheet.values[pos.row - sheet.originRow][pos.col - sheet.originCol] = '=HYPERLINK("http://x","y")';
  const host = useHost(fromGrid(grid));
  const out = await annotateWorkbook('vi');
  const rs = out.analysis.plan.resultSheet;
  const dumped = host.dump().sheets.find((s) => s.name === rs.name)!;
  expect(Object.values(dumped.cells).some((c) => c.value === '=HYPERLINK("http://x","y")')).toBe(true);
  // Numbers in the result sheet stay numbers.
  const firstNumber = rs.rows.flat().find((v) => typeof v === 'number');
  if (firstNumber !== undefined) expect(Object.values(dumped.cells).some((c) => c.value === firstNumber)).toBe(true);
});

it('a profile saved between annotate and clear keeps the backup, and clear still restores exactly', async () => {
  const grid = await sampleGrid();
  const host = useHost(fromGrid(grid));
  const before = host.snapshot();
  await annotateWorkbook('vi');
  await saveState({ overrides: [] });
  const { analysis } = await checkWorkbook('vi');
  expect(analysis.state.annotationBackup).toBeDefined();
  await clearWorkbook();
  const after = host.snapshot();
  // The user's sheets are exactly as before; the state sheet keeps the saved overrides only.
  const { _ThiDuaCCHC: state, ...rest } = after;
  expect(rest).toEqual(before);
  expect(state).toBeDefined();
  expect((await checkWorkbook('vi')).analysis.state).toEqual({ overrides: [] });
});

it('annotated with comments (old Excel), re-annotated with notes: the comments go, nothing doubles', async () => {
  const grid = await sampleGrid();
  const host = useHost(fromGrid(grid));
  const before = host.snapshot();
  host.disable('ExcelApi', '1.18');
  expect((await annotateWorkbook('vi')).noteMode).toBe('comments');
  // Same workbook opened in a newer Excel.
  const newer = useHost(host.dump());
  const out = await annotateWorkbook('vi');
  expect(out.noteMode).toBe('notes');
  const probe = newer.cells(out.analysis.plan.marks);
  expect(probe.every((p) => p.comment === null)).toBe(true);
  // Our text under our head line, nothing doubled.
  expect(probe.every((p, i) => p.note === composeNote(null, out.analysis.plan.marks[i].note))).toBe(true);
  await clearWorkbook();
  expect(newer.snapshot()).toEqual(before);
});

it('clearing a workbook never annotated changes nothing', async () => {
  const host = useHost(fromGrid(await sampleGrid()));
  const before = host.snapshot();
  await clearWorkbook();
  expect(host.snapshot()).toEqual(before);
  expect(host.syncCount).toBe(2);
});

it('state values that read like numbers survive the state sheet (written as text)', async () => {
  const host = useHost(fromGrid(await sampleGrid()));
  await saveState({ votes: 5, preset: 'TRUE' });
  expect((await checkWorkbook('vi')).analysis.state).toEqual({ votes: 5, preset: 'TRUE' });
  expect(host.dump().sheets.find((s) => s.name === '_ThiDuaCCHC')!.cells.B2.value).toBe('5');
});

it('a marked sheet renamed before clearing: the rest is cleared, the user is told, and renaming back then clearing restores it', async () => {
  const grid = await sampleGrid();
  const host = useHost(fromGrid(grid));
  const plan = analyze(grid, { lang: 'vi' }).plan;
  const renamed = plan.marks[0].sheet;
  const other = plan.marks.find((m) => m.sheet !== renamed)!;
  // The user's own fill and note on a cell the plan marks, on the sheet about to be renamed.
  host.setCell(renamed, plan.marks[0].cell, { fill: '#00B0F0', note: 'Ghi chú của người dùng' });
  const before = host.snapshot();
  await annotateWorkbook('vi');
  host.renameSheet(renamed, 'Đổi tên');
  // Annotating again meanwhile must not lose what the first annotation backed up on the old name.
  await annotateWorkbook('vi');

  await expect(clearWorkbook()).rejects.toThrow(`"${renamed}"`);
  // The sheets still there are back as they were; the renamed one still carries marks.
  expect(host.cell(other.sheet, other.cell)?.fill).toBe((before[other.sheet] as { cells: Record<string, { fill?: string }> }).cells[other.cell]?.fill);
  expect(host.sheetNames()).not.toContain(plan.resultSheet.name);
  // On the renamed sheet our note is taken off the user's (it is recognisable) but the original
  // fill waits for the old name: nothing is guessed.
  const left = host.cell('Đổi tên', plan.marks[0].cell)!;
  expect(left.note).toBe('Ghi chú của người dùng');
  if (MARK_FILL[plan.marks[0].kind]) expect(left.fill).toBe(MARK_FILL[plan.marks[0].kind]);

  host.renameSheet('Đổi tên', renamed);
  await clearWorkbook();
  expect(host.snapshot()).toEqual(before);
});

it('a marked sheet deleted before clearing: everything else is restored and the message names the sheet (en)', async () => {
  const grid = await sampleGrid();
  const host = useHost(fromGrid(grid));
  const plan = analyze(grid, { lang: 'vi' }).plan;
  const gone = plan.marks[plan.marks.length - 1].sheet;
  await annotateWorkbook('vi');
  (globalThis as unknown as { Office: { context: { displayLanguage: string } } }).Office.context.displayLanguage = 'en-US';
  host.workbook.sheets.splice(host.sheetNames().indexOf(gone), 1);
  await expect(clearWorkbook()).rejects.toThrow(`except on sheet "${gone}"`);
  expect(host.sheetNames()).not.toContain(plan.resultSheet.name);
  for (const m of plan.marks.filter((x) => x.sheet !== gone)) expect(host.cell(m.sheet, m.cell)?.note).toBeUndefined();
});

it('after a partial clear, clearing again without the sheet drops what cannot be restored', async () => {
  const grid = await sampleGrid();
  const host = useHost(fromGrid(grid));
  const gone = analyze(grid, { lang: 'vi' }).plan.marks[0].sheet;
  await annotateWorkbook('vi');
  host.workbook.sheets.splice(host.sheetNames().indexOf(gone), 1);
  await expect(clearWorkbook()).rejects.toThrow(`"${gone}"`);
  expect(host.sheetNames()).toContain(STATE_SHEET);
  await clearWorkbook();
  expect(host.sheetNames()).not.toContain(STATE_SHEET);
  expect((await checkWorkbook('vi')).analysis.state.annotationBackup).toBeUndefined();
});

it('sheet names that read like cell references ("TT2024") or hold quotes are addressed correctly', async () => {
  const grid = await sampleGrid();
  const [first, second] = analyze(grid, { lang: 'vi' }).result.tables.map((t) => t.sheet);
  for (const s of grid.sheets) {
    if (s.name === first) s.name = 'TT2024';
    else if (s.name === second) s.name = "CN của 'Sở'";
  }
  const host = useHost(fromGrid(grid));
  const before = host.snapshot();
  const out = await annotateWorkbook('vi');
  const marks = out.analysis.plan.marks;
  expect(new Set(marks.map((m) => m.sheet))).toEqual(new Set(['TT2024', "CN của 'Sở'"]));
  host.cells(marks).forEach((c, i) => expect(c.note).toBe(composeNote(null, marks[i].note)));
  await clearWorkbook();
  expect(host.snapshot()).toEqual(before);
});

it('notes fallback limits: a legacy note on a marked cell in an Excel without the notes API (comments mode)', async () => {
  // Excel keeps one note or comment per cell and ExcelApi < 1.18 cannot see notes: adding our
  // comment there fails. The annotation stops with a message, and the workbook still clears exactly.
  const grid = await sampleGrid();
  const host = useHost(fromGrid(grid));
  host.disable('ExcelApi', '1.18');
  const m = analyze(grid, { lang: 'vi' }).plan.marks[3];
  host.setCell(m.sheet, m.cell, { note: 'Ghi chú cũ (kiểu cũ)' });
  const before = host.snapshot();
  await expect(annotateWorkbook('vi')).rejects.toThrow('Excel không cho thực hiện thao tác này');
  await clearWorkbook();
  expect(host.snapshot()).toEqual(before);
});

it('a sheet of the user already named "Kết quả xét khen thưởng" is never removed: ours is "… (2)"', async () => {
  const grid = await sampleGrid();
  const name = analyze(grid, { lang: 'vi' }).plan.resultSheet.name;
  grid.sheets.push({ name, originRow: 0, originCol: 0, values: [['Ghi chú riêng của tôi', 42]] });
  const host = useHost(fromGrid(grid));
  const before = host.snapshot();
  await annotateWorkbook('vi');
  const sheets = host.dump().sheets;
  const mine = sheets.find((s) => s.name === name)!;
  expect(Object.values(mine.cells).map((c) => c.value)).toEqual(['Ghi chú riêng của tôi', 42]);
  const ours = sheets.find((s) => s.name === `${name} (2)`)!;
  expect(Object.keys(ours.cells).length).toBeGreaterThan(30);
  // Again: still one of ours, the user's untouched; then clear gives the original back.
  await annotateWorkbook('vi');
  expect(host.dump().sheets.filter((s) => s.name.startsWith(name)).map((s) => s.name).sort()).toEqual([name, `${name} (2)`]);
  await clearWorkbook();
  expect(host.snapshot()).toEqual(before);
});
