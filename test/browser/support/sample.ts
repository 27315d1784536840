/** The sample workbook of the repository (templates/), read by the exceljs adapter into a Grid. */
import * as path from 'path';
import type { Grid } from '../../../src/core/grid';
import { readWorkbookFile } from '../../support/readWorkbook';
import { ROOT } from './build';

export const SAMPLE_WORKBOOK = path.join(ROOT, 'templates/mau-theo-doi-thi-dua-cchc.xlsx');

export async function loadSampleGrid(): Promise<Grid> {
  const read = await readWorkbookFile(SAMPLE_WORKBOOK);
  if (!read.ok) throw new Error(`cannot read ${SAMPLE_WORKBOOK}: ${read.error.code} ${JSON.stringify(read.error.params)}`);
  return read.grid;
}
