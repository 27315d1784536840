/** The real workbooks in the repository (our sample, Excel/LibreOffice/openpyxl/SDK-style office files), as absolute paths. */
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

export const FIXTURE_WORKBOOKS: string[] = [
  'templates/mau-theo-doi-thi-dua-cchc.xlsx',
  'test/fixtures/office/office.xlsx',
  'test/fixtures/office/office.xlsm',
  'test/fixtures/office/office-lo.xlsx',
  'test/fixtures/office/office-threaded.xlsx',
  'test/fixtures/xlsx/sdk-style.xlsx',
  'test/fixtures/xlsx/openpyxl-rich.xlsx',
  'test/fixtures/xlsx/libreoffice-rich.xlsx',
].map((f) => path.join(ROOT, f));
