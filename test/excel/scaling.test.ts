/**
 * Round trips do not grow with the workbook: check + annotate + clear make the same number of
 * syncs at 10, 1,000 and 10,000 rows, and no request passes 5 MB. Fallbacks for missing notes.
 */
import { analyze } from '../../src/core/analyze';
import { STATE_SHEET } from '../../src/core/annotationPlan';
import { annotateWorkbook, checkWorkbook, clearWorkbook } from '../../src/excel/session';
import { Syncer } from '../../src/excel/syncer';
import { reconcile, queueExistingNotes } from '../../src/excel/applyPlan';
import { readGrid } from '../../src/excel/readGrid';
import { generatedWorkbook } from '../host/generate';
import { REQUEST_LIMIT } from '../host/api';
import { fromGrid, releaseHost, sampleGrid, useHost } from './support';

afterEach(releaseHost);

/** Bytes moved by the requests of one action (sent + received). */
function moved(host: { requestSizes: number[]; responseSizes: number[] }): number {
  return [...host.requestSizes, ...host.responseSizes].reduce((a, b) => a + b, 0);
}

async function measure(rows: number) {
  const host = useHost(generatedWorkbook(rows));
  const before = host.snapshot();
  const largest: number[] = [];
  const step = async <T>(fn: () => Promise<T>) => {
    host.resetCounters();
    const out = await fn();
    expect(host.runCount).toBe(1); // one Excel.run per action
    largest.push(...host.requestSizes, ...host.responseSizes);
    return { out, syncs: host.syncCount, bytes: moved(host) };
  };
  const check = await step(() => checkWorkbook('vi'));
  const annotate = await step(() => annotateWorkbook('vi'));
  const clear = await step(() => clearWorkbook());
  expect(host.snapshot()).toEqual(before);
  return { check, annotate, clear, marks: annotate.out.analysis.plan.marks.length, syncsReported: annotate.out.syncs, largest: Math.max(...largest) };
}

describe('sync count is constant in rows', () => {
  it('10, 1,000 and 10,000 rows: the same syncs, except one more per 4 MB moved', async () => {
    const small = await measure(10);
    const mid = await measure(1000);
    const large = await measure(10000);
    expect(large.marks).toBeGreaterThan(mid.marks);
    expect(mid.marks).toBeGreaterThan(small.marks);
    for (const m of [small, mid, large]) {
      expect(m.check.syncs).toBe(2);
      expect(m.syncsReported).toBe(m.annotate.syncs);
      expect(m.largest).toBeLessThanOrEqual(REQUEST_LIMIT);
    }
    // Read (2) + fills and note locations (1) + the writes (1): 6 with the check.
    expect(small.annotate.syncs).toBe(4);
    expect(mid.annotate.syncs).toBe(small.annotate.syncs);
    expect(mid.clear.syncs).toBe(small.clear.syncs);
    expect(small.check.syncs + small.annotate.syncs).toBeLessThanOrEqual(6);
    // At 10,000 rows the data moved passes what one 5 MB request can carry (≈ 9 MB of writes):
    // the only extra syncs are chunks, about one per 4 MB — never one per row or cell.
    for (const action of ['annotate', 'clear'] as const) {
      const extra = large[action].syncs - small[action].syncs;
      expect(extra).toBeLessThanOrEqual(Math.ceil(large[action].bytes / (4 * 1024 * 1024)));
    }
  });
});

describe('5 MB requests', () => {
  it('splits the writes into several requests, each under the cap, when the plan is large', async () => {
    const host = useHost(generatedWorkbook(10000));
    const before = host.snapshot();
    // Long notes (3 KB each) push the writes of 10,000 rows far past 5 MB.
    const g = (globalThis as unknown as { Excel: typeof Excel }).Excel;
    await g.run(async (context) => {
      const syncer = new Syncer(context);
      let existing!: ReturnType<typeof queueExistingNotes>;
      const { grid: read, names } = await readGrid(syncer, { alongside: () => (existing = queueExistingNotes(context)) });
      const analysis = analyze(read, { lang: 'vi' });
      const marks = analysis.plan.marks.map((m) => ({ ...m, note: `${m.note}\n${'Chi tiết đánh giá. '.repeat(160)}` }));
      await reconcile(syncer, { sheetNames: names, previous: undefined, marks, mode: 'notes', existing, resultSheet: analysis.plan.resultSheet, baseState: analysis.state });
    });
    const total = host.requestSizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(2 * REQUEST_LIMIT);
    expect(host.requestSizes.length).toBeGreaterThan(4);
    for (const size of host.requestSizes) expect(size).toBeLessThanOrEqual(REQUEST_LIMIT);
    await clearWorkbook();
    expect(host.snapshot()).toEqual(before);
  });
});

describe('notes → comments → result sheet only', () => {
  it.each([
    ['1.18', 'comments'],
    ['1.10', 'none'],
  ] as const)('without ExcelApi %s it uses %s, says so, and clears exactly', async (off, mode) => {
    const grid = await sampleGrid();
    const host = useHost(fromGrid(grid));
    host.disable('ExcelApi', off);
    const plan = analyze(grid, { lang: 'vi' }).plan;
    const first = plan.marks[0];
    if (mode === 'comments') host.setCell(first.sheet, first.cell, { comment: 'Ý kiến cũ' });
    const before = host.snapshot();
    const out = await annotateWorkbook('vi');
    expect(out.noteMode).toBe(mode);
    const probe = host.cells(plan.marks);
    plan.marks.forEach((m, i) => {
      expect(probe[i].note).toBeNull();
      expect(probe[i].comment).toBe(mode === 'comments' ? m.note : null);
    });
    expect(host.sheetNames()).toContain(plan.resultSheet.name);
    expect(host.sheetNames()).toContain(STATE_SHEET);
    await clearWorkbook();
    expect(host.snapshot()).toEqual(before);
  });
});

describe('errors for the user', () => {
  it('asks the user to finish editing the cell', async () => {
    const host = useHost(generatedWorkbook(10));
    host.setCellEditMode(true);
    await expect(checkWorkbook('vi')).rejects.toThrow('hoàn tất việc sửa ô');
    await expect(annotateWorkbook('en')).rejects.toThrow('finish editing the cell');
  });
});
