/**
 * One preparation for the CLI and the pane (src/core/dossier/prepare.ts): broken facts saved in the
 * workbook are refused by both, with the problem by path and nothing generated — unless the CLI's
 * --facts replaces the broken field.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { STATE_SHEET } from '../../../src/core/annotationPlan';
import type { Grid } from '../../../src/core/grid';
import { stateRows } from '../../../src/core/state';
import type { Facts } from '../../../src/core/dossier/facts';
import { prepareDossier, resolveFacts } from '../../../src/core/dossier/prepare';
import { generateInPane } from '../../../src/taskpane/dossier/engine';
import { readWorkbookFile } from '../../support/readWorkbook';
import { expectNoStack, SAMPLE, thidua } from '../../cli/run';
import { defaultTemplates } from '../../support/dossier';

const BROKEN = { parentBody: 'UBND thị xã Ninh Hòa', date: '2022-13-45' };

async function sampleWithState(file: string, facts: unknown): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.addWorksheet(STATE_SHEET, { state: 'hidden' });
  for (const row of stateRows({ facts })) ws.addRow(row);
  await wb.xlsx.writeFile(file);
}

describe('one prepare for the CLI and the pane', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'thidua-prepare-'));
  const broken = path.join(work, 'broken.xlsx');
  let grid: Grid;
  beforeAll(async () => {
    await sampleWithState(broken, BROKEN);
    const read = await readWorkbookFile(broken);
    if (!read.ok) throw new Error('unreadable');
    grid = read.grid;
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('broken saved facts: the pane refuses, and so does the CLI (exit 1, the path named, nothing written)', async () => {
    const pane = await generateInPane(grid, defaultTemplates(), 'vi', () => undefined);
    expect(pane).toMatchObject({ ok: false, reason: 'factsInvalid', problems: [{ path: 'date' }] });
    const out = path.join(work, 'out');
    const cli = thidua(['dossier', broken, '--out', out]);
    expectNoStack(cli);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('Thông tin hồ sơ lưu trong bảng tính không hợp lệ');
    expect(cli.stderr).toContain('- date:');
    expect(existsSync(out)).toBe(false);
  });

  it('given facts that replace the broken field make the saved facts usable, in both', () => {
    const mended = resolveFacts(BROKEN, [{ date: '2022-12-20' }], 'vi');
    expect(mended).toEqual({ ok: true, facts: { parentBody: 'UBND thị xã Ninh Hòa', date: '2022-12-20' } });
    expect(resolveFacts(BROKEN, [{ place: 'Ninh Hòa' }], 'vi')).toMatchObject({ ok: false, problems: [{ path: 'date' }] });
    expect(resolveFacts(undefined, [{ place: 'A' }, { place: 'B' }], 'vi')).toEqual({ ok: true, facts: { place: 'B' } });
    const p = prepareDossier(grid, { lang: 'vi', given: [{ date: '20/12/2022' } as Facts] });
    expect(p.ok).toBe(true);
  });

  it('the CLI with --facts mending the field writes the dossier with the saved parent body', () => {
    const factsFile = path.join(work, 'f.json');
    writeFileSync(factsFile, JSON.stringify({ date: '2022-12-20' }));
    const out = path.join(work, 'mended');
    const cli = thidua(['dossier', broken, '--out', out, '--facts', factsFile]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(existsSync(path.join(out, '02-bien-ban-hop-xet.docx'))).toBe(true);
  });
});
