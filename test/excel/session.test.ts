/** The Office.js adapter on the strict host: annotate then clear is the original workbook. */
import { MARK_FILL, STATE_SHEET } from '../../src/core/annotationPlan';
import { analyze } from '../../src/core/analyze';
import { annotateWorkbook, checkWorkbook, clearWorkbook, selectCell, saveState } from '../../src/excel/session';
import { fromGrid, releaseHost, sampleGrid, useHost } from './support';

afterEach(releaseHost);

describe('session on the sample workbook', () => {
  it('annotates (fills + notes + result sheet) and clears back to the original, cell for cell', async () => {
    const grid = await sampleGrid();
    const model = fromGrid(grid);
    const host = useHost(model);
    // Fills and a note the user had before, on cells the plan will mark.
    const plan = analyze(grid, { lang: 'vi' }).plan;
    const [m1, m2] = plan.marks;
    host.setCell(m1.sheet, m1.cell, { fill: '#00B0F0', note: 'Ghi chú của người dùng' });
    host.setCell(m2.sheet, m2.cell, { comment: 'Bình luận cũ' });
    const before = host.snapshot();

    const out = await annotateWorkbook('vi');
    expect(out.noteMode).toBe('notes');
    // 4, plus one because the user's note must be read before it is backed up.
    expect(out.syncs).toBe(5);
    expect(host.syncCount).toBe(5);
    expect(host.sheetNames()).toContain(plan.resultSheet.name);
    for (const m of plan.marks) {
      const c = host.cell(m.sheet, m.cell)!;
      if (MARK_FILL[m.kind]) expect(c.fill).toBe(MARK_FILL[m.kind]);
      // A cell keeps one note or one comment: the colleague's comment stays, our text is in the result sheet.
      expect(c.note).toBe(m === m2 ? undefined : m.note);
    }
    expect(host.cell(m2.sheet, m2.cell)!.comment).toBe('Bình luận cũ');
    expect(host.cell(m1.sheet, m1.cell)!.note).toBe(m1.note);
    expect(host.snapshot()).not.toEqual(before);

    await clearWorkbook();
    expect(host.snapshot()).toEqual(before);
    expect(host.sheetNames()).not.toContain(STATE_SHEET);
  });

  it('re-annotating does not double anything and still clears to the original', async () => {
    const grid = await sampleGrid();
    const host = useHost(fromGrid(grid));
    const mark = analyze(grid, { lang: 'vi' }).plan.marks[0];
    host.setCell(mark.sheet, mark.cell, { fill: '#123456', note: 'cũ' });
    const before = host.snapshot();
    await annotateWorkbook('vi');
    const once = host.snapshot();
    await annotateWorkbook('vi');
    expect(host.snapshot()).toEqual(once);
    expect(host.sheetNames().filter((n) => n.startsWith('Kết quả'))).toHaveLength(1);
    await clearWorkbook();
    expect(host.snapshot()).toEqual(before);
  });

  it('check reads the workbook in two syncs; selectCell selects; saveState keeps the state', async () => {
    const grid = await sampleGrid();
    const host = useHost(fromGrid(grid));
    const { analysis } = await checkWorkbook('vi');
    expect(host.syncCount).toBe(2);
    expect(analysis.result.candidates.length).toBeGreaterThan(0);
    const c = analysis.result.candidates[0];
    await selectCell(c.sheet, c.nameCell);
    expect(host.selected()).toEqual({ sheet: c.sheet, cell: c.nameCell });
    await saveState({ overrides: [{ sheet: c.sheet, ignore: false }] });
    await saveState({ facts: { meeting: { place: 'Hội trường' } } });
    const again = await checkWorkbook('vi');
    expect(again.analysis.state.overrides).toEqual([{ sheet: c.sheet, ignore: false }]);
    expect(again.analysis.state.facts).toEqual({ meeting: { place: 'Hội trường' } });
    expect(host.dump().sheets.find((s) => s.name === STATE_SHEET)!.visibility).toBe('Hidden');
  });
});

describe('the overview on the result sheet', () => {
  it('writes the overview below the table and a bar chart of the criteria failed most; clearing removes both', async () => {
    const grid = await sampleGrid();
    const host = useHost(fromGrid(grid));
    const before = host.snapshot();
    const plan = analyze(grid, { lang: 'vi' }).plan;
    await annotateWorkbook('vi');
    const sheet = host.snapshot()[plan.resultSheet.name] as { cells: Record<string, { value: unknown }>; charts?: { type: string; source: string; title?: string; position?: unknown }[] };
    const values = Object.values(sheet.cells).map((c) => c.value);
    expect(values).toContain('TỔNG QUAN');
    expect(values).toContain('Tiêu chí không đạt nhiều nhất');
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts![0];
    expect(chart.type).toBe('BarClustered');
    expect(chart.title).toBe('Tiêu chí không đạt nhiều nhất');
    // The chart's source is the criteria table: its first cell holds the heading.
    const first = chart.source.split(':')[0];
    expect(sheet.cells[first].value).toBe('Tiêu chí không đạt nhiều nhất');
    await clearWorkbook();
    expect(host.snapshot()).toEqual(before);
  });
});
