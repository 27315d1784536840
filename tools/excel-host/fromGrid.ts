/**
 * A host-neutral Grid (e.g. the sample workbook read by the exceljs adapter) → the test host's JSON
 * workbook model. Pure: no Node-only imports, so the browser tests can use it too.
 */
import type { Grid } from '../../src/core/grid';
import { cellName, rectAddress, type CellModel, type SheetModel, type WorkbookModel } from './model';

export function fromGrid(grid: Grid): WorkbookModel {
  return {
    sheets: grid.sheets.map((s) => {
      const cells: Record<string, CellModel> = {};
      s.values.forEach((line, r) => {
        line.forEach((v, c) => {
          const fmt = s.numberFormats?.[r]?.[c];
          const hasFmt = fmt !== undefined && fmt !== 'General';
          if ((v === null || v === undefined || v === '') && !hasFmt) return;
          const cell: CellModel = { value: v === undefined || v === '' ? null : v };
          if (hasFmt) cell.numberFormat = fmt;
          cells[cellName(s.originRow + r, s.originCol + c)] = cell;
        });
      });
      const model: SheetModel = { name: s.name, cells };
      if (s.merges?.length) model.merges = s.merges.map(rectAddress);
      if (s.hidden) model.visibility = 'Hidden';
      return model;
    }),
  };
}

export default fromGrid;
