/**
 * The workbook moves between "Đánh dấu" and "Xóa đánh dấu", on the strict host, the clerk's own
 * fills and notes on marked cells: rows inserted, deleted, sorted, columns inserted, a value edited,
 * the workbook opened in another Excel, the state sheet lost or damaged. Each ends with the workbook
 * exactly as it would be had we never marked it, or with an honest message and nothing lost.
 */
import { analyze } from '../../src/core/analyze';
import { MARK_FILL, STATE_SHEET } from '../../src/core/annotationPlan';
import { columnLetter, parseA1, type Grid } from '../../src/core/grid';
import { NOTE_HEAD } from '../../src/core/marks';
import { annotateWorkbook, checkWorkbook, clearWorkbook } from '../../src/excel/session';
import type { ExcelHost } from '../../tools/excel-host/host';
import type { WorkbookModel } from '../../tools/excel-host/model';
import { fromGrid, releaseHost, sampleGrid, useHost } from './support';

afterEach(releaseHost);

let grid: Grid;
beforeAll(async () => {
  grid = await sampleGrid();
});

/** The sample with the clerk's own fills and notes: on marked cells of both sheets, and beside them. */
function clerkWorkbook(): WorkbookModel {
  const probe = useHost(fromGrid(grid));
  const marks = analyze(grid, { lang: 'vi' }).plan.marks;
  marks.forEach((m, i) => {
    if (i % 5 === 0) probe.setCell(m.sheet, m.cell, { fill: '#00B0F0' });
    if (i % 7 === 0) probe.setCell(m.sheet, m.cell, { note: `Ghi chú của chị Lan ${i}` });
  });
  probe.setCell(marks[0].sheet, 'A1', { fill: '#FFFF00', note: 'Tiêu đề' });
  return probe.dump();
}

/** The same user action on the workbook never marked: what the clear must give back. */
function expected(model: WorkbookModel, act: (h: ExcelHost) => void): Record<string, unknown> {
  const plain = useHost(model);
  act(plain);
  return plain.snapshot();
}

async function markActClear(act: (h: ExcelHost) => void): Promise<{ host: ExcelHost; want: Record<string, unknown> }> {
  const model = clerkWorkbook();
  const want = expected(model, act);
  const host = useHost(model);
  await annotateWorkbook('vi');
  act(host);
  return { host, want };
}

const tables = () => analyze(grid, { lang: 'vi' }).result.tables;

describe('rows and columns move between Đánh dấu and Xóa đánh dấu', () => {
  it('rows inserted above marked units (tập thể and cá nhân): every original back on its own row', async () => {
    const [a, b] = tables();
    const { host, want } = await markActClear((h) => {
      h.insertRows(a.sheet, a.firstDataRow + 1, 2);
      h.insertRows(b.sheet, b.firstDataRow, 1);
    });
    await clearWorkbook('vi');
    expect(host.snapshot()).toEqual(want);
  });

  it('columns inserted before the marked columns', async () => {
    const [a] = tables();
    const { host, want } = await markActClear((h) => h.insertColumns(a.sheet, 'B', 1));
    await clearWorkbook('vi');
    expect(host.snapshot()).toEqual(want);
  });

  it.each([0, 1])('a block of rows sorted by name (table %i, descending)', async (t) => {
    const table = tables()[t];
    const last = columnLetter(Math.max(...Object.values(table.columns).map((l) => parseA1(`${l}1`)!.col)));
    const range = `A${table.firstDataRow}:${last}${table.lastDataRow}`;
    const { host, want } = await markActClear((h) => h.sort(table.sheet, range, table.columns.name!, true));
    await clearWorkbook('vi');
    expect(host.snapshot()).toEqual(want);
  });

  it('a candidate row deleted: named in the message, nothing restored elsewhere; a second clear forgets it', async () => {
    const plan = analyze(grid, { lang: 'vi' }).plan;
    const result = analyze(grid, { lang: 'vi' }).result;
    // A candidate with a fail mark on its row.
    const victim = result.candidates.find((c) => plan.marks.some((m) => m.sheet === c.sheet && parseA1(m.cell)!.row === c.row - 1 && m.kind === 'fail'))!;
    const { host, want } = await markActClear((h) => h.deleteRows(victim.sheet, victim.row, 1));
    await expect(clearWorkbook('vi')).rejects.toThrow(`"${victim.name}"`);
    // Everything else is back; the gone row's entries are kept once (renamed, not deleted?).
    const { [STATE_SHEET]: kept, ...rest } = host.snapshot();
    expect(rest).toEqual(want);
    expect(kept).toBeDefined();
    await clearWorkbook('vi');
    expect(host.snapshot()).toEqual(want);
    expect(host.sheetNames()).not.toContain(STATE_SHEET);
  });

  it('a marked value edited, then Đánh dấu again: the marks follow the data, clearing gives the edited workbook', async () => {
    const plan = analyze(grid, { lang: 'vi' }).plan;
    const failing = plan.marks.find((m) => m.kind === 'fail')!;
    const edit = (h: ExcelHost) => h.setCell(failing.sheet, failing.cell, { value: 99 });
    const { host, want } = await markActClear(edit);
    await annotateWorkbook('vi');
    await clearWorkbook('vi');
    expect(host.snapshot()).toEqual(want);
  });

  it('what the clerk changed on a marked cell after marking stays, and the pane says so', async () => {
    const plan = analyze(grid, { lang: 'vi' }).plan;
    const red = plan.marks.find((m) => m.kind === 'fail')!;
    const { host } = await markActClear(() => undefined);
    host.setCell(red.sheet, red.cell, { fill: '#7030A0' });
    const out = await clearWorkbook('vi');
    expect(host.cell(red.sheet, red.cell)?.fill).toBe('#7030A0');
    expect(out.notices?.join(' ')).toContain(`${red.sheet}!${red.cell}`);
  });
});

describe('another Excel clears what it can (every pair of ExcelApi 1.9 / 1.14 / 1.17 / 1.18)', () => {
  const versions = ['1.9', '1.14', '1.17', '1.18'] as const;
  const pairs = versions.flatMap((a) => versions.map((b) => [a, b] as const));
  const kindOf = (v: string) => (Number(v.split('.')[1]) >= 18 ? 'notes' : Number(v.split('.')[1]) >= 10 ? 'comments' : 'none');
  const reaches = (v: string, kind: string) => kind === 'none' || (kind === 'notes' ? Number(v.split('.')[1]) >= 18 : Number(v.split('.')[1]) >= 10);

  it.each(pairs)('marked in %s, cleared in %s', async (markedIn, clearedIn) => {
    // The clerk's fills on marked cells (notes of the user are version-bound themselves).
    const probe = useHost(fromGrid(grid));
    analyze(grid, { lang: 'vi' }).plan.marks.forEach((m, i) => i % 4 === 0 && probe.setCell(m.sheet, m.cell, { fill: '#00B0F0' }));
    const host = useHost(probe.dump());
    const before = host.snapshot();
    host.setRequirementSets({ ExcelApi: markedIn });
    const out = await annotateWorkbook('vi');
    const kind = kindOf(markedIn);
    expect(out.noteMode).toBe(kind);
    const notes = out.analysis.plan.marks.filter((m) => m.note).length;
    host.setRequirementSets({ ExcelApi: clearedIn });
    if (reaches(clearedIn, kind)) {
      await clearWorkbook('vi');
      expect(host.snapshot()).toEqual(before);
      return;
    }
    // Cannot reach our notes here: fills and the result sheet go, the notes and their backup stay.
    const said = kind === 'notes' ? `Mở tệp bằng Excel trên web hoặc Microsoft 365 để xóa nốt ${notes} ghi chú` : `để xóa nốt ${notes} nhận xét`;
    await expect(clearWorkbook('vi')).rejects.toThrow(said);
    const marks = out.analysis.plan.marks;
    expect(host.sheetNames()).not.toContain(out.analysis.plan.resultSheet.name);
    expect(host.sheetNames()).toContain(STATE_SHEET);
    const cells = host.cells(marks);
    marks.forEach((m, i) => {
      if (MARK_FILL[m.kind]) expect(cells[i].fill).not.toBe(MARK_FILL[m.kind]);
    });
    // Opened again where the notes can be reached: finished, exactly.
    host.setRequirementSets({ ExcelApi: markedIn });
    await clearWorkbook('vi');
    expect(host.snapshot()).toEqual(before);
  });
});

describe('the state sheet', () => {
  it('is very hidden, and a staging sheet an interrupted write left is removed by the next write', async () => {
    const host = useHost(clerkWorkbook());
    const before = host.snapshot();
    await annotateWorkbook('vi');
    expect(host.dump().sheets.find((s) => s.name === STATE_SHEET)!.visibility).toBe('VeryHidden');
    expect(host.sheetNames().filter((n) => n.startsWith(`${STATE_SHEET}~`))).toEqual([]);
    await clearWorkbook('vi');
    expect(host.snapshot()).toEqual(before);
  });

  it.each(['deleted', 'damaged'] as const)('%s before clearing: our marks are still removed, the user is told what cannot come back', async (what) => {
    const host = useHost(clerkWorkbook());
    const marks = analyze(grid, { lang: 'vi' }).plan.marks;
    await annotateWorkbook('vi');
    if (what === 'deleted') host.deleteSheet(STATE_SHEET);
    else {
      const state = host.workbook.sheet(STATE_SHEET)!;
      const row = [...Array(10).keys()].find((r) => host.cell(STATE_SHEET, `A${r + 1}`)?.value === 'annotationBackup')!;
      expect(state).toBeDefined();
      host.setCell(STATE_SHEET, `B${row + 1}`, { value: '{"version":3,"sheets":[' });
    }
    await expect(clearWorkbook('vi')).rejects.toThrow(what === 'deleted' ? 'Không tìm thấy dữ liệu sao lưu' : 'bị hỏng');
    const cells = host.cells(marks);
    // No note of ours left; the clerk's own notes on marked cells kept; our colours gone where our note was.
    cells.forEach((c, i) => {
      expect(c.note ?? '').not.toContain(NOTE_HEAD);
      if (i % 7 === 0) expect(c.note).toBe(`Ghi chú của chị Lan ${i}`);
      if (marks[i].note && MARK_FILL[marks[i].kind]) expect(c.fill).not.toBe(MARK_FILL[marks[i].kind]);
    });
    expect(host.sheetNames()).not.toContain(analyze(grid, { lang: 'vi' }).plan.resultSheet.name);
    // The check still works on what is left.
    expect((await checkWorkbook('vi')).analysis.result.candidates.length).toBeGreaterThan(0);
  });
});

describe('the council’s words on our result sheet', () => {
  it('a column "Ý kiến Hội đồng" survives re-annotation, each cell with its candidate, and clearing removes the sheet', async () => {
    const host = useHost(clerkWorkbook());
    const before = host.snapshot();
    const first = await annotateWorkbook('vi');
    const rs = first.analysis.plan.resultSheet;
    const headerRow = rs.title.length + 2;
    const extra = columnLetter(rs.header.length + 1); // one empty column, then theirs
    host.setCell(rs.name, `${extra}${headerRow}`, { value: 'Ý kiến Hội đồng' });
    // A remark on two candidates' rows (by the name column of the result sheet).
    const nameCol = columnLetter(rs.header.indexOf('Tên tập thể / Họ và tên'));
    const rowOf = (i: number) => headerRow + 1 + i;
    const [n0, n1] = [rs.rows[0][2], rs.rows[3][2]];
    expect(host.cell(rs.name, `${nameCol}${rowOf(0)}`)?.value).toBe(n0);
    host.setCell(rs.name, `${extra}${rowOf(0)}`, { value: 'Đồng ý' });
    host.setCell(rs.name, `${extra}${rowOf(3)}`, { value: 'Xem lại số liệu SIPAS' });
    // The clerk fixes a value so that the ranking changes, then annotates again.
    const red = first.analysis.plan.marks.find((m) => m.kind === 'fail')!;
    host.setCell(red.sheet, red.cell, { value: 99 });
    const again = await annotateWorkbook('vi');
    const rs2 = again.analysis.plan.resultSheet;
    const sheet = host.snapshot()[rs2.name] as { cells: Record<string, { value: unknown }> };
    const cols = Object.keys(sheet.cells).filter((a) => sheet.cells[a].value === 'Ý kiến Hội đồng');
    expect(cols).toHaveLength(1);
    const theirCol = cols[0].replace(/\d+$/, '');
    const where = (name: unknown) => {
      const i = rs2.rows.findIndex((r) => r[2] === name);
      return `${theirCol}${rs2.title.length + 3 + i}`;
    };
    expect(sheet.cells[where(n0)]?.value).toBe('Đồng ý');
    expect(sheet.cells[where(n1)]?.value).toBe('Xem lại số liệu SIPAS');
    await clearWorkbook('vi');
    const want = { ...before };
    const after = host.snapshot();
    expect(Object.keys(after)).toEqual(Object.keys(want));
  });
});
