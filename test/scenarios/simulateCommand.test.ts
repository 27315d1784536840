/**
 * `npm run simulate` as a command: exit 0 when the scenario ran (whatever the add-in answered), 1 for
 * a scenario or workbook that cannot be read (saying why), 2 for a wrong call; the result JSON on
 * stdout or in --out; --xlsx writes a snapshot that reads back (values, formats, fills, notes,
 * merges, visibility) — and LibreOffice, an independent reader, opens it.
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, parseArgs } from '../../tools/simulator/main';
import { loadWorkbook } from '../../tools/simulator/workbookFile';
import type { WorkbookModel } from '../../tools/excel-host/model';

const SAMPLE = path.resolve(__dirname, '../../templates/mau-theo-doi-thi-dua-cchc.xlsx');

async function call(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-sim-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function scenario(name: string, body: unknown): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, JSON.stringify(body));
  return file;
}

describe('npm run simulate', () => {
  it('a wrong call is exit 2 with the usage', async () => {
    for (const args of [[], ['--out'], ['a.json', 'b.json'], ['a.json', '--bogus'], ['a.json', '--xlsx', 'final']]) {
      const r = await call(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/npm run simulate/);
    }
    expect(parseArgs(['s.json', '--out', 'r.json', '--xlsx', 'a=b.xlsx', '--xlsx', 'c=d.xlsx'])).toEqual({ scenario: 's.json', out: 'r.json', xlsx: [{ snapshot: 'a', file: 'b.xlsx' }, { snapshot: 'c', file: 'd.xlsx' }] });
  });

  it('a scenario or workbook that cannot be read is exit 1, saying why, no stack trace', async () => {
    const missing = await call([path.join(dir, 'none.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no such file/);
    const bad = await call([await scenario('bad.json', { workbook: SAMPLE, steps: [{ action: 'insertRows', sheet: 'Tập thể', at: 0 }, { action: 'fly' }] })]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/steps\.0\.at/);
    expect(bad.err).toMatch(/steps\.1\.action/);
    await fs.writeFile(path.join(dir, 'not.xlsx'), 'plain text');
    const unreadable = await call([await scenario('unreadable.json', { workbook: 'not.xlsx', steps: [{ action: 'check' }] })]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.err).toMatch(/not\.xlsx/);
    for (const r of [missing, bad, unreadable]) expect(r.err).not.toMatch(/\n\s+at /);
    const unknownSnapshot = await call([await scenario('snap.json', { workbook: SAMPLE, steps: [{ action: 'snapshot', name: 'a' }] }), '--xlsx', 'b=x.xlsx']);
    expect(unknownSnapshot.code).toBe(2);
  });

  it('runs: the result on stdout; an action Excel refuses or the add-in fails is ok:false, not an exit status', async () => {
    const file = await scenario('run.json', {
      workbook: SAMPLE,
      host: { displayLanguage: 'en-US' },
      steps: [
        { action: 'snapshot', name: 'original' },
        { action: 'cellEditMode', on: true },
        { action: 'annotate' },
        { action: 'cellEditMode', on: false },
        { action: 'protectWorkbook' },
        { action: 'deleteSheet', name: 'Ghi chú' },
        { action: 'unprotectWorkbook' },
        { action: 'setVisibility', name: 'Ghi chú', visibility: 'VeryHidden' },
        { action: 'snapshot', name: 'final' },
      ],
    });
    const r = await call([file]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { steps: { action: string; ok: boolean; message?: string; syncs?: number }[]; snapshots: Record<string, WorkbookModel> };
    expect(result.steps.map((s) => [s.action, s.ok])).toEqual([
      ['snapshot', true],
      ['cellEditMode', true],
      ['annotate', false],
      ['cellEditMode', true],
      ['protectWorkbook', true],
      ['deleteSheet', false],
      ['unprotectWorkbook', true],
      ['setVisibility', true],
      ['snapshot', true],
    ]);
    expect(result.steps[2].message).toMatch(/Excel is editing a cell/);
    expect(result.steps[2].syncs).toBeGreaterThanOrEqual(1);
    expect(result.steps[5].message).toMatch(/protected/);
    expect(result.snapshots.final.sheets.find((s) => s.name === 'Ghi chú')!.visibility).toBe('VeryHidden');
  });

  it('--out and --xlsx: a snapshot written as .xlsx reads back as the same model, and LibreOffice opens it', async () => {
    const file = await scenario('export.json', {
      workbook: SAMPLE,
      steps: [
        { action: 'setCell', sheet: 'Tập thể', cell: 'B9', fill: '#FFFF00', note: 'của tôi' },
        { action: 'annotate' },
        { action: 'setVisibility', name: 'Ghi chú', visibility: 'Hidden' },
        { action: 'snapshot', name: 'marked' },
      ],
    });
    const out = path.join(dir, 'result.json');
    const xlsx = path.join(dir, 'marked.xlsx');
    const r = await call([file, '--out', out, '--xlsx', `marked=${xlsx}`]);
    expect(r).toMatchObject({ code: 0, out: '' });
    const result = JSON.parse(await fs.readFile(out, 'utf8')) as { snapshots: Record<string, WorkbookModel> };
    const back = await loadWorkbook(xlsx);
    if (!back.ok) throw new Error(back.message);
    const comparable = (m: WorkbookModel) =>
      m.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility ?? 'Visible',
        merges: [...(s.merges ?? [])].sort(),
        // Values, number formats (where a value is), fills and notes: what the export promises.
        cells: Object.fromEntries(
          Object.entries(s.cells)
            .map(([a, c]) => [a, { value: c.value ?? null, ...(c.numberFormat && c.value !== null ? { numberFormat: c.numberFormat } : {}), ...(c.fill ? { fill: c.fill } : {}), ...(c.note ?? c.comment ? { note: c.note ?? c.comment } : {}) }] as const)
            .filter(([, c]) => c.value !== null || Object.keys(c).length > 1),
        ),
      }));
    expect(comparable(back.model)).toEqual(comparable(result.snapshots.marked));
    expect(back.model.sheets.find((s) => s.name === 'Tập thể')!.cells.B9).toMatchObject({ fill: '#C6EFCE', note: expect.any(String) });
    expect(back.model.sheets.find((s) => s.name === 'Ghi chú')!.visibility).toBe('Hidden');
    // An independent reader: LibreOffice converts the export (sheet 1) to CSV.
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, xlsx], { stdio: 'ignore', timeout: 120000 });
    const csv = await fs.readFile(path.join(dir, 'marked.csv'), 'utf8');
    expect(csv).toMatch(/Phòng Nội vụ/);
  });
});
