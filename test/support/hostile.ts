/** The hostile inputs of scripts/hostile-inputs.js (one generator for the tests and the measurement script), typed. */
export interface Hostile {
  zip(parts: Record<string, Buffer | string>): Buffer;
  workbook(o?: { sheetData?: Buffer | string; strings?: Buffer | string; sheetBefore?: Buffer | string; sheetHead?: Buffer | string; stringsHead?: string; header?: string }): Buffer;
  families: {
    hugeRow(): Buffer;
    hugeColumn(): Buffer;
    manyAttributes(n?: number): Buffer;
    deepNesting(n?: number): Buffer;
    hugeSharedString(n?: number): Buffer;
    sharedStringAmplification(len?: number, cells?: number): Buffer;
    hugeDoctype(n?: number): Buffer;
    longNameRows(rows?: number, len?: number): Buffer;
    longTextEverywhere(rows?: number, len?: number): Buffer;
  };
  HEADER: string;
  NS: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const hostile = require('../../scripts/hostile-inputs.js') as Hostile;
