/** Test helpers: the sample workbook in the strict host, installed as the globals Office.js code sees. */
import type { Grid } from '../../src/core/grid';
import { readWorkbookFile } from '../support/readWorkbook';
import { fromGrid } from '../host/fromGrid';
import { ExcelHost, type HostOptions } from '../host/host';
import type { WorkbookModel } from '../host/model';
import * as path from 'path';

export const SAMPLE = path.resolve(__dirname, '../../templates/mau-theo-doi-thi-dua-cchc.xlsx');

export async function sampleGrid(): Promise<Grid> {
  const read = await readWorkbookFile(SAMPLE);
  if (!read.ok) throw new Error(`sample unreadable: ${read.error.code}`);
  return read.grid;
}

let uninstall: (() => void) | undefined;

/** A host over `model`, installed as globalThis.Office/Excel/OfficeExtension (replacing any previous one). */
export function useHost(model: WorkbookModel, options?: HostOptions): ExcelHost {
  uninstall?.();
  const host = new ExcelHost(model, options);
  uninstall = host.install();
  return host;
}

export function releaseHost(): void {
  uninstall?.();
  uninstall = undefined;
}

export { fromGrid };
