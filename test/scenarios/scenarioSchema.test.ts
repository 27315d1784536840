/**
 * The scenario's platform and coAuthor fields: what is accepted, what is refused with a message
 * naming the field, and what a coAuthor step reports when it lands or when Excel refuses it.
 */
import { parseScenario } from '../../tools/simulator/scenario';
import { runScenario } from '../../tools/simulator/run';
import { scenarioWorkbook } from '../../tools/simulator/workbookFile';
import type { WorkbookModel } from '../../tools/excel-host/model';

const problems = (input: unknown): string[] => {
  const r = parseScenario(input);
  return r.ok ? [] : r.problems;
};

describe('scenario: platform', () => {
  it('defaults to the web; names web, windows, mac, ipad; Office\'s name must agree', () => {
    const r = parseScenario({ workbook: 'x.xlsx', steps: [{ action: 'check' }] });
    expect(r.ok && r.scenario.platform).toBe('web');
    expect(problems({ workbook: 'x.xlsx', platform: 'ipad', host: { platform: 'iOS' }, steps: [{ action: 'check' }] })).toEqual([]);
    expect(problems({ workbook: 'x.xlsx', platform: 'android', steps: [{ action: 'check' }] })[0]).toMatch(/^platform:/);
    expect(problems({ workbook: 'x.xlsx', platform: 'mac', host: { platform: 'PC' }, steps: [{ action: 'check' }] })).toEqual([expect.stringMatching(/^host\.platform: "PC" is not the platform "mac"/)]);
  });

  it('plays it: the result names the platform, its sets (a build\'s over them) and its payload cap', async () => {
    const model: WorkbookModel = { sheets: [{ name: 'S', cells: { A1: { value: 'x' } } }] };
    const play = async (input: unknown) => {
      const r = parseScenario(input);
      if (!r.ok) throw new Error(r.problems.join('; '));
      return runScenario(r.scenario, model);
    };
    expect((await play({ workbook: 'm.json', steps: [{ action: 'snapshot', name: 'a' }] })).platform).toEqual({ name: 'web', office: 'OfficeOnline', requirementSets: { ExcelApi: '1.20', ExcelApiOnline: '1.1' }, payloadLimit: 5 * 1024 * 1024 });
    expect((await play({ workbook: 'm.json', platform: 'windows', host: { requirementSets: { ExcelApi: '1.14' } }, steps: [{ action: 'snapshot', name: 'a' }] })).platform).toEqual({
      name: 'windows',
      office: 'PC',
      requirementSets: { ExcelApi: '1.14', ExcelApiDesktop: '1.1', OpenBrowserWindowApi: '1.1' },
      payloadLimit: null,
    });
  });

  it('generated:<rows> workbooks, within bounds', async () => {
    const ok = await scenarioWorkbook('generated:10', __dirname);
    expect(ok.ok && ok.model.sheets.map((s) => s.name)).toEqual(['Tập thể', 'Cá nhân']);
    const tooMany = await scenarioWorkbook('generated:999999', __dirname);
    expect(tooMany.ok).toBe(false);
  });
});

describe('scenario: coAuthor', () => {
  it('needs either an edit or a cell with a value, fill or note — not both, not neither', () => {
    expect(problems({ workbook: 'x', steps: [{ action: 'coAuthor', sheet: 'S', cell: 'A1', value: 1 }] })).toEqual([]);
    expect(problems({ workbook: 'x', steps: [{ action: 'coAuthor', edit: { action: 'sort', sheet: 'S', range: 'A2:C9', by: 'B' }, when: 2 }] })).toEqual([]);
    expect(problems({ workbook: 'x', steps: [{ action: 'coAuthor', sheet: 'S', cell: 'A1' }] })[0]).toMatch(/^steps\.0: a co-author edit needs/);
    expect(problems({ workbook: 'x', steps: [{ action: 'coAuthor', sheet: 'S', cell: 'A1', value: 1, edit: { action: 'protectWorkbook' } }] })[0]).toMatch(/not both/);
    // Only what a person does in the workbook: not another Excel, not a snapshot.
    expect(problems({ workbook: 'x', steps: [{ action: 'coAuthor', edit: { action: 'excelVersion', requirementSets: { ExcelApi: '1.14' } } }] })[0]).toMatch(/^steps\.0\.edit/);
    expect(problems({ workbook: 'x', steps: [{ action: 'coAuthor', sheet: 'S', cell: 'A1', value: 1, when: -1 }] })[0]).toMatch(/^steps\.0\.when/);
  });

  it('reports when the edit landed, lands it in the unmarked run too, and is ok:false when Excel refuses it', async () => {
    const loaded = await scenarioWorkbook('generated:10', __dirname);
    if (!loaded.ok) throw new Error(loaded.message);
    const r = parseScenario({
      workbook: 'generated:10',
      steps: [
        { action: 'coAuthor', sheet: 'Tập thể', cell: 'A1', value: 'Bảng của phòng' },
        { action: 'annotate' },
        { action: 'protectSheet', sheet: 'Cá nhân' },
        { action: 'coAuthor', sheet: 'Cá nhân', cell: 'A1', value: 'x', when: 0 },
        { action: 'check' },
        { action: 'snapshot', name: 'end' },
      ],
    });
    if (!r.ok) throw new Error(r.problems.join('; '));
    const marked = await runScenario(r.scenario, loaded.model);
    expect(marked.steps[0]).toMatchObject({ action: 'coAuthor', ok: true, afterRequests: 2 });
    expect(marked.steps[1]).toMatchObject({ action: 'annotate', ok: true });
    expect(marked.steps[3]).toMatchObject({ action: 'coAuthor', ok: false, message: expect.stringMatching(/^refused: /) });
    const unmarked = await runScenario(r.scenario, loaded.model, { unmarked: true });
    expect(unmarked.steps[0]).toMatchObject({ action: 'coAuthor', ok: true, afterRequests: 0 });
    for (const run of [marked, unmarked]) {
      const units = run.snapshots.end.sheets.find((s) => s.name === 'Tập thể')!;
      expect(units.cells.A1.value).toBe('Bảng của phòng');
    }
  });
});
