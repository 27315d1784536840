/** Test helpers: the sample workbook in the strict host, installed as the globals Office.js code sees. */
import { analyze, type Analysis, type AnnotationBackup, type CellMark, type Grid } from '../../src/core';
import { queueExistingNotes, reconcile } from '../../src/excel/applyPlan';
import { readGrid } from '../../src/excel/readGrid';
import { Syncer } from '../../src/excel/syncer';
import { readWorkbookFile } from '../support/readWorkbook';
import { fromGrid } from '../../tools/excel-host/fromGrid';
import { ExcelHost, type HostOptions } from '../../tools/excel-host/host';
import type { WorkbookModel } from '../../tools/excel-host/model';
import { excelLibrary } from '../../tools/excel-host/wire/node';
import * as path from 'path';

export const SAMPLE = path.resolve(__dirname, '../../templates/mau-theo-doi-thi-dua-cchc.xlsx');

export async function sampleGrid(): Promise<Grid> {
  const read = await readWorkbookFile(SAMPLE);
  if (!read.ok) throw new Error(`sample unreadable: ${read.error.code}`);
  return read.grid;
}

let uninstall: (() => void) | undefined;

/**
 * A host over `model`, installed as globalThis.Office/Excel/OfficeExtension (replacing any previous
 * one). Excel is Microsoft's client library answered at the wire level by the host; `library: null`
 * gives the host's proxies alone.
 */
export function useHost(model: WorkbookModel, options: Omit<HostOptions, 'library'> & { library?: null } = {}): ExcelHost {
  uninstall?.();
  const { library, ...rest } = options;
  const host = new ExcelHost(model, { ...rest, library: library === null ? undefined : excelLibrary() });
  uninstall = host.install();
  return host;
}

export function releaseHost(): void {
  uninstall?.();
  uninstall = undefined;
}

/**
 * One Excel.run as the add-in's annotate does it (read the grid with the notes, analyze, reconcile),
 * with the test's hand on what is written: `pick` chooses the marks and the previous backup.
 */
export async function reconcileWith(pick: (analysis: Analysis) => { marks: CellMark[]; previous?: AnnotationBackup }): Promise<void> {
  const g = (globalThis as unknown as { Excel: typeof Excel }).Excel;
  await g.run(async (context) => {
    const syncer = new Syncer(context);
    let existing!: ReturnType<typeof queueExistingNotes>;
    const { grid: read, names } = await readGrid(syncer, { alongside: () => (existing = queueExistingNotes(context)) });
    const analysis = analyze(read, { lang: 'vi' });
    const { marks, previous } = pick(analysis);
    await reconcile(syncer, { grid: read, sheetNames: names, previous, marks, mode: 'notes', existing, resultSheet: analysis.plan.resultSheet, baseState: analysis.state });
  });
}

export { fromGrid };
