/**
 * Round trips do not grow with the workbook until its data passes what one request may carry: check
 * + annotate + clear make the same number of syncs at 10 and 1,000 rows (check + annotate 6, clear 4);
 * past that, one more sync per ~4 MB read (10,000 rows: one more for each read, 50,000 rows: four), and
 * no request or response passes 5 MB. Fallbacks for missing notes.
 */
import { composeNote } from '../../src/core/marks';
import { analyze } from '../../src/core/analyze';
import { STATE_SHEET } from '../../src/core/annotationPlan';
import { annotateWorkbook, checkWorkbook, clearWorkbook } from '../../src/excel/session';
import { Syncer } from '../../src/excel/syncer';
import { generatedWorkbook } from '../../tools/excel-host/generate';
import { REQUEST_LIMIT } from '../../tools/excel-host/api';
import { fromGrid, reconcileWith, releaseHost, sampleGrid, useHost } from './support';

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
  it('10, 1,000 and 10,000 rows: the same syncs for check + annotate (≤ 6) and for clear up to 1,000 rows, one more per read at 10,000; every request and response under 5 MB', async () => {
    const small = await measure(10);
    const mid = await measure(1000);
    const large = await measure(10000);
    expect(large.marks).toBeGreaterThan(mid.marks);
    expect(mid.marks).toBeGreaterThan(small.marks);
    for (const m of [small, mid]) expect(m.check.syncs).toBe(2);
    // 10,000 rows: ≈ 2.2 MB of cells, more than the first request reads of each sheet: one more.
    expect(large.check.syncs).toBe(3);
    for (const m of [small, mid, large]) {
      expect(m.syncsReported).toBe(m.annotate.syncs);
      expect(m.largest).toBeLessThanOrEqual(REQUEST_LIMIT);
    }
    // Read (2) + fills, note locations and the result sheet (1) + the backup, fills and notes (1).
    expect(small.annotate.syncs).toBe(4);
    expect(small.check.syncs + small.annotate.syncs).toBeLessThanOrEqual(6);
    expect([mid.check.syncs + mid.annotate.syncs, large.check.syncs + large.annotate.syncs]).toEqual([6, 8]);
    expect(small.clear.syncs).toBe(4);
    expect([mid.clear.syncs, large.clear.syncs]).toEqual([small.clear.syncs, small.clear.syncs + 1]);
    // Not by making requests bigger: at 10,000 rows the data moved still passes one request's cap.
    expect(large.annotate.bytes).toBeGreaterThan(REQUEST_LIMIT);
  });

  it('the same with notes and fills of the user on marked cells, at 10 and 10,000 rows: all restored', async () => {
    const counts: number[][] = [];
    for (const rows of [10, 10000]) {
      const model = generatedWorkbook(rows);
      const probe = useHost(model);
      const marks = (await checkWorkbook('vi')).analysis.plan.marks;
      // Every 7th marked cell gets a fill of the user's, every 11th a note of the user's, every 13th both.
      marks.forEach((m, i) => {
        if (i % 7 === 0 || i % 13 === 0) probe.setCell(m.sheet, m.cell, { fill: '#00B050' });
        if (i % 11 === 0 || i % 13 === 0) probe.setCell(m.sheet, m.cell, { note: `Ghi chú của tôi ${i}` });
      });
      probe.setCell('Tập thể', 'A1', { fill: '#FFFF00', note: 'Ô không bị đánh dấu' });
      const host = useHost(probe.dump());
      const before = host.snapshot();
      host.resetCounters();
      await checkWorkbook('vi');
      const check = host.syncCount;
      host.resetCounters();
      await annotateWorkbook('vi');
      const annotate = host.syncCount;
      for (const size of [...host.requestSizes, ...host.responseSizes]) expect(size).toBeLessThanOrEqual(REQUEST_LIMIT);
      // The backup is stored compactly (format 3: ≈ 25 bytes a mark, the users' notes aside).
      const state = host.dump().sheets.find((s) => s.name === STATE_SHEET)!;
      const stored = Object.values(state.cells)
        .map((c) => String(c.value ?? ''))
        .join('');
      expect(stored.length).toBeLessThan(marks.length * 40 + 1000);
      host.resetCounters();
      await clearWorkbook();
      counts.push([check, annotate, host.syncCount]);
      expect(host.snapshot()).toEqual(before);
    }
    // The same as without them: the user's notes are read with the fills, before anything is
    // written; at 10,000 rows each read takes one more (the cells pass what the first read request
    // carries), and so do the writes (their ~1,500 notes and ~2,600 fills, kept in the backup and
    // composed with ours, pass one request's 4 MB by the Syncer's estimate) — never one per row.
    expect(counts[0]).toEqual([2, 4, 4]);
    expect(counts[1]).toEqual([3, 6, 5]);
  }, 60000);
});

describe('reads under the 5 MB response cap', () => {
  it('50,000 rows: every response under 5 MB, one more sync per ~4 MB of cells; the whole grid read, then refused as more rows than are judged at once', async () => {
    const host = useHost(generatedWorkbook(50000));
    host.resetCounters();
    const { analysis } = await checkWorkbook('vi');
    // Read whole (the reading is what this measures), then not judged: 50,000 rows > ROWS_JUDGED_MAX.
    expect(analysis.result.candidates).toEqual([]);
    expect(analysis.result.issues.find((i) => i.code === 'limit.tableRows')?.params).toMatchObject({ rows: 50000, limit: 10000 });
    for (const size of host.responseSizes) expect(size).toBeLessThanOrEqual(REQUEST_LIMIT);
    const read = host.responseSizes.reduce((a, b) => a + b, 0);
    expect(read).toBeGreaterThan(2 * REQUEST_LIMIT);
    // Sheet list, first blocks, then the rest: every extra request but the last carries > 2.5 MB.
    const extra = host.responseSizes.slice(2);
    expect(host.syncCount).toBe(2 + extra.length);
    for (const size of extra.slice(0, -1)) expect(size).toBeGreaterThan(2.5 * 1024 * 1024);
    expect(extra.length).toBeLessThanOrEqual(Math.ceil(read / (3 * 1024 * 1024)));
  }, 120000);

  it('a response Excel still refuses (cells far longer than the first ones) is split and read again: the same grid', async () => {
    const model = generatedWorkbook(6000);
    // Below the first blocks, 700 "Thành tích" of 8 KB (5.6 MB): the density seen at first is far too low.
    const units = model.sheets[0].cells;
    for (let r = 2001; r <= 2700; r++) units[`K${r}`] = { value: `${'Thành tích xuất sắc. '.repeat(400)}${r}` };
    useHost(model, { requestLimit: 1e9 });
    const whole = (await checkWorkbook('vi')).grid;
    const host = useHost(model);
    host.resetCounters();
    const { grid } = await checkWorkbook('vi');
    expect(grid).toEqual(whole);
    // Excel refused one response (the host records its size before failing); the rest were read in halves.
    const refused = host.responseSizes.filter((b) => b > REQUEST_LIMIT);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(host.syncCount).toBeGreaterThan(3);
  }, 120000);
});

describe('5 MB requests', () => {
  it('splits the writes into several requests, each under the cap, when the plan is large', async () => {
    const host = useHost(generatedWorkbook(10000));
    const before = host.snapshot();
    // Long notes (3 KB each) push the writes of 10,000 rows far past 5 MB.
    await reconcileWith((analysis) => ({ marks: analysis.plan.marks.map((m) => ({ ...m, note: `${m.note}\n${'Chi tiết đánh giá. '.repeat(160)}` })) }));
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
      expect(probe[i].comment).toBe(mode === 'comments' ? composeNote(m === first ? 'Ý kiến cũ' : null, m.note) : null);
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
