/**
 * Office.js does not roll back a request that fails half-way: the actions before the failure stay.
 * Whatever action an annotation fails at, "Xóa đánh dấu" must still bring the workbook back.
 */
import { analyze } from '../../src/core/analyze';
import type { CellMark } from '../../src/core/annotationPlan';
import { backupOf } from '../../src/excel/clear';
import { annotateWorkbook, checkWorkbook, clearWorkbook, saveState } from '../../src/excel/session';
import { fromGrid, reconcileWith, releaseHost, sampleGrid, useHost } from './support';

afterEach(releaseHost);

/** Actions of an annotation on a fresh copy of the workbook, and where its writes start. */
async function profile(setup: (host: ReturnType<typeof useHost>) => Promise<void>): Promise<{ total: number }> {
  const host = useHost(fromGrid(await sampleGrid()));
  await setup(host);
  host.resetCounters();
  await annotateWorkbook('vi');
  return { total: host.actionCount };
}

async function failingAt(at: number, setup: (host: ReturnType<typeof useHost>) => Promise<void>): Promise<boolean> {
  const host = useHost(fromGrid(await sampleGrid()));
  await setup(host);
  const before = host.snapshot();
  host.failAfterActions(at);
  const failed = await annotateWorkbook('vi').then(
    () => false,
    () => true,
  );
  expect(failed).toBe(true);
  await clearWorkbook();
  return JSON.stringify(host.snapshot()) === JSON.stringify(before);
}

describe('an annotation that fails part-way can be cleared', () => {
  it('first annotation (the user had a fill and a note on a marked cell), failing at every action', async () => {
    const grid = await sampleGrid();
    const [m] = analyze(grid, { lang: 'vi' }).plan.marks;
    const setup = async (host: ReturnType<typeof useHost>) => host.setCell(m.sheet, m.cell, { fill: '#00B0F0', note: 'Ghi chú của người dùng' });
    const { total } = await profile(setup);
    expect(total).toBeGreaterThan(20);
    const bad: number[] = [];
    for (let at = 0; at < total; at++) if (!(await failingAt(at, setup))) bad.push(at);
    expect({ total, bad }).toEqual({ total, bad: [] });
  });

  it('re-annotation where a cell loses its mark (restored) and another is new, failing at every action', async () => {
    const grid = await sampleGrid();
    const marks = analyze(grid, { lang: 'vi' }).plan.marks;
    const [lost, ...kept] = marks;
    const fresh = { ...lost, sheet: lost.sheet, cell: 'A1', row: 0, col: 0, note: 'Ô mới được đánh dấu' };
    const annotateWith = (list: CellMark[]) => reconcileWith((analysis) => ({ marks: list, previous: backupOf(analysis.state.annotationBackup) }));
    const prepare = async () => {
      const host = useHost(fromGrid(grid));
      host.setCell(lost.sheet, lost.cell, { fill: '#FFFF00', note: 'Của người dùng' });
      const before = host.snapshot();
      await annotateWith(marks);
      return { host, before };
    };
    const { host: probe } = await prepare();
    probe.resetCounters();
    await annotateWith([...kept, fresh]);
    const total = probe.actionCount;
    expect(probe.cell(lost.sheet, lost.cell)).toMatchObject({ fill: '#FFFF00', note: 'Của người dùng' });
    const bad: number[] = [];
    for (let at = 0; at < total; at++) {
      const { host, before } = await prepare();
      host.failAfterActions(at);
      await expect(annotateWith([...kept, fresh])).rejects.toMatchObject({ code: 'GeneralException' });
      await clearWorkbook();
      if (JSON.stringify(host.snapshot()) !== JSON.stringify(before)) bad.push(at);
    }
    expect({ total, bad }).toEqual({ total, bad: [] });
  });

  it('a clear that fails part-way can be run again, whatever action it failed at', async () => {
    const grid = await sampleGrid();
    const [m] = analyze(grid, { lang: 'vi' }).plan.marks;
    const prepare = async () => {
      const host = useHost(fromGrid(grid));
      host.setCell(m.sheet, m.cell, { fill: '#00B0F0', note: 'Ghi chú của người dùng' });
      await saveState({ overrides: [{ sheet: m.sheet, ignore: false }] });
      const before = host.snapshot();
      await annotateWorkbook('vi');
      return { host, before };
    };
    const { host: probe } = await prepare();
    probe.resetCounters();
    await clearWorkbook();
    const total = probe.actionCount;
    const bad: number[] = [];
    for (let at = 0; at < total; at++) {
      const { host, before } = await prepare();
      host.failAfterActions(at);
      await expect(clearWorkbook()).rejects.toThrow();
      await clearWorkbook();
      if (JSON.stringify(host.snapshot()) !== JSON.stringify(before)) bad.push(at);
    }
    expect({ total, bad }).toEqual({ total, bad: [] });
  });

  it('saving settings that fails part-way loses neither the settings nor the backup', async () => {
    const grid = await sampleGrid();
    const prepare = async () => {
      const host = useHost(fromGrid(grid));
      const before = host.snapshot();
      await annotateWorkbook('vi');
      return { host, before };
    };
    const { host: probe } = await prepare();
    probe.resetCounters();
    await saveState({ facts: { place: 'Hội trường' } });
    const total = probe.actionCount;
    for (let at = 0; at < total; at++) {
      const { host, before } = await prepare();
      host.failAfterActions(at);
      await expect(saveState({ facts: { place: 'Hội trường' } })).rejects.toThrow();
      // Either the old state or the new one, never none: the backup still clears exactly.
      const facts = (await checkWorkbook('vi')).analysis.state.facts;
      expect([undefined, JSON.stringify({ place: 'Hội trường' })]).toContain(facts === undefined ? undefined : JSON.stringify(facts));
      await clearWorkbook();
      const after = host.snapshot();
      delete after._ThiDuaCCHC;
      expect({ at, workbook: after }).toEqual({ at, workbook: before });
    }
  });
});

