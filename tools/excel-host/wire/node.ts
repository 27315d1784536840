/**
 * Microsoft's Excel client library for Node (Jest, the simulator, the bench): read from
 * node_modules/@microsoft/office-js once and evaluated once per module registry (once per Jest test
 * file, once per simulator process).
 */
import * as fs from 'fs';
import { loadExcelLibrary, type ExcelLibrary } from './library';

/** The debug build: the same code as the minified excel-web-16.00.js, with readable stacks. */
export const LIBRARY_FILE = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');

let library: ExcelLibrary | undefined;

export function excelLibrary(): ExcelLibrary {
  library ??= loadExcelLibrary(fs.readFileSync(LIBRARY_FILE, 'utf8'));
  return library;
}
