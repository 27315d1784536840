/** A crafted zip: the sample with a second entry of one of its parts (test/xlsx/package.test.ts, test/cli/duplicatePart.test.ts). */
import { readFileSync } from 'fs';
import * as path from 'path';
import { openPackage } from '../../src/xlsx/package';
import { newEntry, readZipDirectory, writeZip } from '../../src/xlsx/zip';

const SAMPLE = path.join(__dirname, '../../templates/mau-theo-doi-thi-dua-cchc.xlsx');

/** The sample with its first sheet's part stored again (as `name(part)`) after the others, holding an empty sheet. */
export function withDuplicate(name: (part: string) => string = (p) => p): { bytes: Buffer; part: string } {
  const entries = readZipDirectory(readFileSync(SAMPLE));
  const part = openPackage(readFileSync(SAMPLE)).workbook!.sheets[0].part!;
  const empty = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
  return { bytes: Buffer.concat(writeZip([...entries, newEntry(name(part), empty)])), part };
}
