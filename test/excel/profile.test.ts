/**
 * "Cấu hình" through the Office.js adapter on the strict host: the profile saved in the workbook
 * survives a reload (a new session reading the state), changes the result and the marks, and
 * "Khôi phục mặc định" removes it — each in one Excel.run, in a number of syncs that rows do not change.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import { splitNote } from '../../src/core/marks';
import { MARK_FILL, STATE_SHEET } from '../../src/core/annotationPlan';
import { DEFAULT_PROFILE, mergeProfile, type Profile } from '../../src/core/profile';
import { annotateWorkbook, checkWorkbook, clearWorkbook, saveProfile } from '../../src/excel/session';
import { generatedWorkbook } from '../../tools/excel-host/generate';
import { ExcelHost } from '../../tools/excel-host/host';
import { thidua } from '../cli/run';
import { fromGrid, releaseHost, SAMPLE, sampleGrid, useHost } from './support';

afterEach(releaseHost);

function sipas(threshold: number): Profile {
  const p = structuredClone(DEFAULT_PROFILE);
  p.criteria.sipas = { enabled: true, threshold, inclusive: true };
  return p;
}

const sipasFails = (a: { result: { candidates: { criteria: { id: string; outcome: string }[] }[] } }) =>
  a.result.candidates.filter((c) => c.criteria.some((x) => x.id === 'sipas' && x.outcome === 'fail')).length;

describe('the profile saved in the workbook', () => {
  it('SIPAS from 95%: more fails, the same result as the core with that profile, and it survives a reload', async () => {
    const grid = await sampleGrid();
    const host = useHost(fromGrid(grid));
    const before = (await checkWorkbook('vi')).analysis;
    host.resetCounters();
    const out = await saveProfile(sipas(95), 'vi');
    expect(host.runCount).toBe(1);
    expect(out.reannotated).toBe(false);
    expect(out.analysis.profile).toEqual(sipas(95));
    expect(out.analysis.state.profile).toEqual(sipas(95));
    expect(sipasFails(out.analysis)).toBeGreaterThan(sipasFails(before));
    // The adapter judged with the saved profile exactly as the core does with it.
    const core = analyze(grid, { lang: 'vi', profile: sipas(95) });
    expect(out.analysis.result.candidates).toEqual(core.result.candidates);
    // Saved in the hidden state sheet as a cli.md --profile JSON (mergeProfile gives it back).
    expect(host.dump().sheets.find((s) => s.name === STATE_SHEET)!.visibility).toBe('VeryHidden');
    expect(mergeProfile(out.analysis.state.profile)).toEqual({ ok: true, profile: sipas(95) });

    // "Reload": a new session (a new host over the saved workbook, as when the file is opened again).
    releaseHost();
    const reopened = new ExcelHost(host.dump());
    const uninstall = reopened.install();
    try {
      const again = (await checkWorkbook('en')).analysis;
      expect(again.profile).toEqual(sipas(95));
      expect(again.profileProblems).toEqual([]);
      expect(again.result.candidates).toEqual(core.result.candidates);
    } finally {
      uninstall();
    }
  });

  it('the CLI on the same file judges by the profile the add-in saved (no --profile)', async () => {
    const grid = await sampleGrid();
    const host = useHost(fromGrid(grid));
    await saveProfile(sipas(95), 'vi');
    // The state sheet exactly as the add-in wrote it, put into the .xlsx the CLI reads.
    const state = host.dump().sheets.find((s) => s.name === STATE_SHEET)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.addWorksheet(STATE_SHEET, { state: 'hidden' });
    for (const [address, cell] of Object.entries(state.cells)) ws.getCell(address).value = cell.value as ExcelJS.CellValue;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-profile-'));
    try {
      const file = path.join(dir, 'da-cau-hinh.xlsx');
      await wb.xlsx.writeFile(file);
      const r = thidua(['check', file, '--json']);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as { profile: string; candidates: { name: string; eligible: boolean; award: string | null; criteria: { id: string; outcome: string }[] }[] };
      const core = analyze(grid, { lang: 'vi', profile: sipas(95) });
      const brief = (cs: { name: string; eligible: boolean; award: string | null; criteria: { id: string; outcome: string }[] }[]) =>
        cs.map((c) => ({ name: c.name, eligible: c.eligible, award: c.award, sipas: c.criteria.find((x) => x.id === 'sipas')?.outcome }));
      expect(brief(json.candidates)).toEqual(brief(core.result.candidates));
      expect(sipasFails({ result: json })).toBeGreaterThan(sipasFails(analyze(grid, { lang: 'vi' })));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('an annotated workbook is annotated again with the new profile; clearing still restores the original', async () => {
    const grid = await sampleGrid();
    const host = useHost(fromGrid(grid));
    const original = host.snapshot();
    await annotateWorkbook('vi');
    const core = analyze(grid, { lang: 'vi', profile: sipas(95) });
    // Own SIPAS values (an individual's inherited one lives on the unit's row).
    const newlyFailing = core.result.candidates.filter(
      (c) => c.criteria.some((x) => x.id === 'sipas' && x.outcome === 'fail' && !x.inherited && x.cell) && !analyze(grid, { lang: 'vi' }).result.candidates.find((d) => d.sheet === c.sheet && d.row === c.row)!.criteria.some((x) => x.id === 'sipas' && x.outcome === 'fail'),
    );
    expect(newlyFailing.length).toBeGreaterThan(0);

    host.resetCounters();
    const out = await saveProfile(sipas(95), 'vi');
    expect(host.runCount).toBe(1);
    expect(out.reannotated).toBe(true);
    expect(out.noteMode).toBe('notes');
    // Every mark is the new plan's: the SIPAS cells that now fail are red, with the 95% rule in the note.
    for (const m of core.plan.marks) {
      const c = host.cell(m.sheet, m.cell)!;
      if (MARK_FILL[m.kind]) expect(c.fill).toBe(MARK_FILL[m.kind]);
      expect(splitNote(c.note ?? null).ours).toBe(m.note);
    }
    for (const c of newlyFailing) {
      const cell = c.criteria.find((x) => x.id === 'sipas')!.cell!;
      expect(host.cell(c.sheet, cell)!.fill).toBe(MARK_FILL.fail);
      expect(host.cell(c.sheet, cell)!.note).toMatch(/95/);
    }
    await clearWorkbook();
    const cleared = host.snapshot();
    delete cleared[STATE_SHEET];
    // The profile stays (it is a setting, not a mark); everything else is as before.
    expect(cleared).toEqual(original);
    expect((await checkWorkbook('vi')).analysis.profile).toEqual(sipas(95));
  });

  it('"Khôi phục mặc định" removes the saved profile; a cleared workbook is not re-annotated', async () => {
    const grid = await sampleGrid();
    const host = useHost(fromGrid(grid));
    await annotateWorkbook('vi');
    await clearWorkbook();
    const cleanSnapshot = host.snapshot();
    await saveProfile(sipas(95), 'vi');
    const restored = await saveProfile(null, 'vi');
    expect(restored.reannotated).toBe(false);
    expect(restored.analysis.state.profile).toBeUndefined();
    expect(restored.analysis.profile).toEqual(DEFAULT_PROFILE);
    expect(restored.analysis.result.candidates).toEqual(analyze(grid, { lang: 'vi' }).result.candidates);
    // No mark was written by the two saves.
    const now = host.snapshot();
    delete now[STATE_SHEET];
    delete cleanSnapshot[STATE_SHEET];
    expect(now).toEqual(cleanSnapshot);
  });

  it('saving takes the same number of syncs at 10 and 2,000 rows, annotated or not', async () => {
    const counts: number[][] = [];
    for (const rows of [10, 2000]) {
      const host = useHost(generatedWorkbook(rows));
      host.resetCounters();
      await saveProfile(sipas(95), 'vi');
      const plain = host.syncCount;
      await annotateWorkbook('vi');
      host.resetCounters();
      const out = await saveProfile(sipas(80), 'vi');
      expect(out.reannotated).toBe(true);
      expect(host.runCount).toBe(1);
      expect(out.syncs).toBe(host.syncCount);
      counts.push([plain, host.syncCount]);
    }
    expect(counts[1]).toEqual(counts[0]);
  });

  it('in cell-edit mode nothing is saved and the user is told to finish editing', async () => {
    const grid = await sampleGrid();
    const host = useHost(fromGrid(grid));
    const before = host.snapshot();
    host.setCellEditMode(true);
    await expect(saveProfile(sipas(95), 'vi')).rejects.toThrow(/chế độ sửa ô/);
    host.setCellEditMode(false);
    expect(host.snapshot()).toEqual(before);
  });
});
