/**
 * "Tạo hồ sơ" without the browser: the pane's engine on the sample workbook whose state sheet holds
 * the facts gives byte-identical documents to `thidua dossier` run on the same workbook with the
 * same facts; a broken template is refused before anything is rendered.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import PizZip from 'pizzip';
import { STATE_SHEET } from '../../src/core/annotationPlan';
import type { Grid } from '../../src/core/grid';
import { stateRows } from '../../src/core/state';
import { type Facts } from '../../src/core/dossier/facts';
import type { TemplateSet } from '../../src/docx/generate';
import { TEMPLATE_FILES } from '../../src/core/dossier/tags';
import { ballotsInPane, generateInPane } from '../../src/taskpane/dossier/engine';
import { readWorkbookFile } from '../support/readWorkbook';
import { SAMPLE, thidua } from '../cli/run';
import { parsedSampleFacts } from '../support/dossier';

const ROOT = path.resolve(__dirname, '../..');

const sampleFacts = parsedSampleFacts;

function defaultTemplates(): TemplateSet {
  const set = {} as TemplateSet;
  for (const [id, file] of Object.entries(TEMPLATE_FILES)) set[id as keyof TemplateSet] = { bytes: readFileSync(path.join(ROOT, 'templates', file)), file };
  return set;
}

/** The grid as the add-in reads it after saving the facts: the state sheet holds them. */
function withFacts(grid: Grid, facts: Facts): Grid {
  return { sheets: [...grid.sheets.filter((s) => s.name !== STATE_SHEET), { name: STATE_SHEET, originRow: 0, originCol: 0, values: stateRows({ facts }) }] };
}

describe('the pane engine', () => {
  let grid: Grid;
  let out: string;
  beforeAll(async () => {
    const read = await readWorkbookFile(SAMPLE);
    if (!read.ok) throw new Error('sample workbook');
    grid = read.grid;
    out = mkdtempSync(path.join(os.tmpdir(), 'thidua-pane-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('gives the same bytes as `thidua dossier` for the same workbook and facts', async () => {
    const facts = sampleFacts();
    const steps: number[] = [];
    const r = await generateInPane(withFacts(grid, facts), defaultTemplates(), 'vi', (done) => steps.push(done));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.files.length).toBe(21);
    expect(steps).toEqual(Array.from({ length: 22 }, (_, i) => i));
    expect(r.model.proposed).toEqual([{ awardId: expect.any(String), label: expect.any(String), collective: 10, individual: 9 }]);
    expect(r.missing).toEqual([]);

    const factsFile = path.join(out, 'facts.json');
    writeFileSync(factsFile, JSON.stringify(facts));
    const cli = thidua(['dossier', SAMPLE, '--out', path.join(out, 'cli'), '--facts', factsFile, '--zip']);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const zipBytes = readFileSync(path.join(out, 'cli', r.zipName));
    // The zip is byte-stable too, so the whole archive is equal.
    expect(Buffer.from(r.zip).equals(zipBytes)).toBe(true);
    const zip = new PizZip(zipBytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
    expect(r.files.map((f) => f.path).sort()).toEqual(names);
    for (const f of r.files) expect(Buffer.from(f.bytes).equals(Buffer.from(zip.file(f.path)!.asUint8Array()))).toBe(true);
  });

  it('"Phiếu bầu" gives the same ballots and Biên bản kiểm phiếu as `thidua ballots`', () => {
    const facts = sampleFacts();
    const r = ballotsInPane(withFacts(grid, facts), 'vi');
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.counted).toBe(true);
    expect(r.files.map((f) => f.path)).toEqual(['phieu-bau.docx', 'bien-ban-kiem-phieu.docx']);
    const factsFile = path.join(out, 'facts-ballots.json');
    writeFileSync(factsFile, JSON.stringify(facts));
    const cli = thidua(['ballots', SAMPLE, '--out', path.join(out, 'ballots'), '--facts', factsFile]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`${r.copies} phiếu`);
    for (const f of r.files) expect(Buffer.from(f.bytes).equals(readFileSync(path.join(out, 'ballots', f.path)))).toBe(true);

    // Before the count: the ballots only.
    const noVotes = ballotsInPane(withFacts(grid, { ...facts, meeting: { ...facts.meeting, votes: [] } } as Facts), 'vi');
    if (!noVotes.ok) throw new Error(JSON.stringify(noVotes));
    expect(noVotes.counted).toBe(false);
    expect(noVotes.files.map((f) => f.path)).toEqual(['phieu-bau.docx']);
  });

  it('refuses a template with a broken tag before rendering anything', async () => {
    const set = defaultTemplates();
    const zip = new PizZip(set.toTrinh.bytes);
    zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace('{parentBody}', '{parentBody'));
    set.toTrinh = { bytes: zip.generate({ type: 'uint8array' }), file: 'mau-cua-toi.docx' };
    const steps: number[] = [];
    const r = await generateInPane(withFacts(grid, sampleFacts()), set, 'vi', (d) => steps.push(d));
    expect(r.ok).toBe(false);
    if (r.ok || r.reason !== 'templates') throw new Error('expected template problems');
    expect(r.problems.map((p) => p.message).join('\n')).toContain('mau-cua-toi.docx');
    expect(steps).toEqual([]);
  });

  it('says so when the saved facts were broken by hand, rather than printing blanks', async () => {
    const bad = withFacts(grid, { date: '2022-13-45' } as Facts);
    const r = await generateInPane(bad, defaultTemplates(), 'vi', () => undefined);
    expect(r).toMatchObject({ ok: false, reason: 'factsInvalid' });
  });
});
