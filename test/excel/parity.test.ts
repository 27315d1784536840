/**
 * Parity: the sample workbook read by the CLI's own reader (src/xlsx/read.ts, what `thidua` runs)
 * and by the Office.js adapter (test host, src/excel/readGrid) gives the same candidates, outcomes,
 * ranks and annotation plan; and the copy the CLI writes carries what the add-in writes.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import { splitNote } from '../../src/core/marks';
import type { Grid } from '../../src/core/grid';
import { readGrid } from '../../src/excel/readGrid';
import { Syncer } from '../../src/excel/syncer';
import { readWorkbook } from '../../src/xlsx/read';
import { fromGrid, releaseHost, SAMPLE, useHost } from './support';

/** The sample as `thidua check` reads it. */
async function cliGrid(): Promise<Grid> {
  const read = await readWorkbook(SAMPLE);
  if (!read.ok) throw new Error(`sample unreadable: ${read.error.code}`);
  return read.grid;
}

afterEach(releaseHost);

async function throughHost(grid: Grid, disable?: string): Promise<Grid> {
  const host = useHost(fromGrid(grid));
  if (disable) host.disable('ExcelApi', disable);
  const g = (globalThis as unknown as { Excel: typeof Excel }).Excel;
  return g.run(async (context) => (await readGrid(new Syncer(context))).grid);
}

function essentials(grid: Grid) {
  const a = analyze(grid, { lang: 'vi' });
  return {
    tables: a.result.tables,
    candidates: a.result.candidates,
    issues: a.result.issues,
    quotas: a.result.quotas,
    plan: a.plan,
  };
}

describe('the CLI reader ≡ the Office.js adapter on the sample workbook', () => {
  it('gives identical candidates, outcomes, ranks and annotation plans', async () => {
    const viaCli = await cliGrid();
    const viaOffice = await throughHost(viaCli);
    const a = essentials(viaCli);
    const b = essentials(viaOffice);
    expect(a.candidates.length).toBeGreaterThanOrEqual(31);
    expect(a.candidates.some((c) => c.criteria.some((x) => x.outcome === 'unknown'))).toBe(true); // the #DIV/0! cell
    expect(b.tables).toEqual(a.tables);
    expect(b.candidates).toEqual(a.candidates);
    expect(b.issues).toEqual(a.issues);
    expect(b.quotas).toEqual(a.quotas);
    expect(b.plan).toEqual(a.plan);
    // The merged two-row header arrived through getMergedAreasOrNullObject.
    const merged = viaCli.sheets.filter((s) => s.merges?.length);
    expect(merged.length).toBeGreaterThan(0);
    for (const s of merged) expect(viaOffice.sheets.find((x) => x.name === s.name)!.merges!.length).toBe(s.merges!.length);
    // Error values are errors, not text.
    const errors = (g: Grid) => g.sheets.flatMap((s) => s.values.flat()).filter((v) => typeof v === 'object' && v !== null);
    expect(errors(viaOffice)).toEqual(errors(viaCli));
    expect(errors(viaOffice).length).toBeGreaterThan(0);
  });

  it('without merged-area support (ExcelApi < 1.13) still finds the same candidates', async () => {
    const viaCli = await cliGrid();
    const viaOffice = await throughHost(viaCli, '1.13');
    expect(viaOffice.sheets.every((s) => s.merges === undefined)).toBe(true);
    const a = essentials(viaCli);
    const b = essentials(viaOffice);
    expect(b.candidates.map((c) => [c.name, c.rank, c.criteria.map((x) => x.outcome)])).toEqual(a.candidates.map((c) => [c.name, c.rank, c.criteria.map((x) => x.outcome)]));
  });
});

describe('the annotation written by both adapters', () => {
  it('gives the same result sheet, fills and notes as the CLI --annotate (its copy read back by exceljs, an independent reader)', async () => {
    const { toCellValue } = await import('../support/readWorkbook');
    const { writeAnnotatedCopy } = await import('../support/annotatedCopy');
    const { annotateWorkbook } = await import('../../src/excel/session');
    const ExcelJS = (await import('exceljs')).default;
    const read = await readWorkbook(SAMPLE);
    if (!read.ok) throw new Error(read.error.code);
    const analysis = analyze(read.grid, { lang: 'vi' });
    const out = path.join(os.tmpdir(), `thidua-parity-${process.pid}.xlsx`);
    await writeAnnotatedCopy(SAMPLE, analysis.plan, { grid: read.grid, state: analysis.state }, out);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    await fs.rm(out, { force: true });

    const host = useHost(fromGrid(read.grid));
    await annotateWorkbook('vi');
    const rs = analysis.plan.resultSheet;

    // Result sheet: the same values in the same cells.
    const viaCopy: Record<string, unknown> = {};
    copy.getWorksheet(rs.name)!.eachRow((row) =>
      row.eachCell((cell) => {
        // exceljs repeats a merged area's value in each of its cells: the first holds it.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const v = toCellValue(cell.value);
        if (v !== null && v !== '') viaCopy[cell.address] = v;
      }),
    );
    const hostSheet = host.dump().sheets.find((s) => s.name === rs.name)!;
    const viaHost = Object.fromEntries(Object.entries(hostSheet.cells).filter(([, c]) => c.value !== null).map(([a, c]) => [a, c.value]));
    expect(Object.keys(viaHost).length).toBeGreaterThan(rs.rows.length);
    expect(viaHost).toEqual(viaCopy);
    // Same frozen header and header fill.
    const headerRow = rs.title.length + 2;
    expect(hostSheet.frozenRows).toBe(headerRow);
    expect(hostSheet.cells[`A${headerRow}`]).toMatchObject({ fill: '#D9E1F2', bold: true });
    const borders = host.workbook.sheet(rs.name)!.borders;
    expect(Object.keys(borders).filter((k) => k.startsWith(`A${headerRow}:`)).length).toBe(6);

    // On paper: the same merged lines, the same row heights, 11 pt text; A4 landscape with the header on every page.
    const copySheet = copy.getWorksheet(rs.name)!;
    expect([...(hostSheet.merges ?? [])].sort()).toEqual([...((copySheet.model as unknown as { merges: string[] }).merges ?? [])].sort());
    expect((hostSheet.merges ?? []).length).toBeGreaterThan(rs.title.length);
    const hostSide = host.workbook.sheet(rs.name)!;
    const copyHeights: Record<number, number> = {};
    copySheet.eachRow((row, n) => {
      if (row.height) copyHeights[n - 1] = row.height;
    });
    expect(hostSide.rowHeights).toEqual(copyHeights);
    expect(hostSide.rowHeights[headerRow - 1]).toBeGreaterThan(40); // the criteria's names wrap
    expect(hostSide.fontSizes[0]).toEqual({ range: `A1:${String.fromCharCode(64 + rs.header.length)}${rs.title.length + 2 + rs.rows.length + 1 + rs.footer.length}`, size: 11 });
    expect(hostSide.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: `$${headerRow}:$${headerRow}`, footer: { centerFooter: 'Trang &P/&N', rightFooter: 'In ngày &D' } });
    expect(hostSide.pageLayout.zoom!.scale).toBeGreaterThanOrEqual(82); // 11 pt printed at ≥ 9 pt
    expect(copySheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    expect(copySheet.headerFooter.oddFooter).toContain('&CTrang &P/&N');

    // Marks: same fill colour and note text on every judged cell.
    for (const m of analysis.plan.marks) {
      const cell = copy.getWorksheet(m.sheet)!.getCell(m.cell);
      const argb = (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
      const c = host.cell(m.sheet, m.cell);
      expect(c?.fill ?? null).toBe(argb ? `#${argb.slice(-6)}` : null);
      const note = cell.note as unknown as string | { texts?: { text: string }[] } | undefined;
      // Our part of the note (the copy writes it under our head line, core/marks.ts composeNote).
      const ours = (x: string | null | undefined) => (x === null || x === undefined ? x : (splitNote(x).ours ?? x));
      expect(ours(c?.note)).toBe(ours(typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('')));
    }
  });
});
